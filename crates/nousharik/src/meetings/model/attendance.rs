//! Who came: actor types, the profile recorded with each attendance, and disaggregated counts.
//!
//! Sex and age group come from the person's consenting profile when they registered with an
//! account (copied at check-in, so a later profile change does not rewrite history), or are
//! entered at check-in (walk-ins, paper lists); they stay unknown when nobody gave them, and
//! unknowns are counted as such — never guessed.

use std::collections::BTreeMap;

use serde::Serialize;

use super::coded_enum;
use crate::accounts::model::{AgeGroup, Sex};
use crate::platform::ids::UserId;

coded_enum!(
    /// In which capacity a person took part.
    ActorType {
        /// Citizen (woman or man) in their own name.
        Citizen => "citizen",
        /// Member of an association / CSO.
        Association => "association",
        /// Staff member of a territorial collectivity.
        Staff => "staff",
        /// Elected member.
        ElectedMember => "elected_member",
        /// Member of a consultative body.
        ConsultativeBody => "consultative_body",
    }
);

/// The profile recorded with one attendance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Profile {
    /// Sex, if given with consent.
    pub sex: Option<Sex>,
    /// Age group, if given with consent.
    pub age_group: Option<AgeGroup>,
    /// Capacity in which the person came, if given.
    pub actor_type: Option<ActorType>,
}

impl Profile {
    /// Fills what is unknown here from `other` (used to take a person's latest known values).
    pub fn or(self, other: Profile) -> Profile {
        Profile {
            sex: self.sex.or(other.sex),
            age_group: self.age_group.or(other.age_group),
            actor_type: self.actor_type.or(other.actor_type),
        }
    }
}

/// Who a person is across events, for counting unique people. Account holders are the same
/// person everywhere; a walk-in without an account is one person per attendance, because
/// matching people by typed names would merge namesakes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PersonKey {
    /// An account.
    User(UserId),
    /// A walk-in without account (the attendance id).
    WalkIn(i64),
}

/// One attendance, as the figures see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceFact {
    /// The event.
    pub event: i64,
    /// The person.
    pub person: PersonKey,
    /// The profile recorded.
    pub profile: Profile,
    /// When the person was checked in (Unix seconds), used to pick the latest profile.
    pub checked_in_at: i64,
}

/// Counts by category, plus the unknowns, with shares in percent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Breakdown {
    /// Count per category code, in the category's order.
    pub counts: Vec<(String, u64)>,
    /// People for whom the category is unknown.
    pub unknown: u64,
}

impl Breakdown {
    /// Counts the values; every category is listed, even at zero.
    pub fn of<T: Copy + Eq>(
        categories: &[T],
        code: impl Fn(T) -> &'static str,
        values: impl IntoIterator<Item = Option<T>>,
    ) -> Self {
        let mut counts: Vec<(String, u64)> = categories
            .iter()
            .map(|c| (code(*c).to_string(), 0))
            .collect();
        let mut unknown = 0;
        for v in values {
            match v.and_then(|v| categories.iter().position(|c| *c == v)) {
                Some(i) => counts[i].1 += 1,
                None => unknown += 1,
            }
        }
        Breakdown { counts, unknown }
    }

    /// Everyone counted (known and unknown).
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum::<u64>() + self.unknown
    }

    /// Share of a category among everyone counted, in tenths of a percent (rounded half up);
    /// `None` when nobody was counted.
    pub fn share_permille(&self, code: &str) -> Option<u64> {
        let total = self.total();
        let n = self.counts.iter().find(|(c, _)| c == code)?.1;
        (total > 0).then(|| (n * 1000 * 2 + total) / (2 * total))
    }
}

/// The three breakdowns of a set of people.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Disaggregation {
    /// By sex.
    pub sex: Breakdown,
    /// By age group.
    pub age_group: Breakdown,
    /// By actor type.
    pub actor_type: Breakdown,
}

impl Disaggregation {
    /// Disaggregates profiles.
    pub fn of(profiles: &[Profile]) -> Self {
        Disaggregation {
            sex: Breakdown::of(&Sex::ALL, Sex::code, profiles.iter().map(|p| p.sex)),
            age_group: Breakdown::of(
                &AgeGroup::ALL,
                AgeGroup::code,
                profiles.iter().map(|p| p.age_group),
            ),
            actor_type: Breakdown::of(
                ActorType::ALL,
                ActorType::code,
                profiles.iter().map(|p| p.actor_type),
            ),
        }
    }
}

/// One profile per unique person: the latest check-in's values, completed by earlier ones
/// where the latest left something unknown.
pub fn unique_people(facts: &[AttendanceFact]) -> BTreeMap<PersonKey, Profile> {
    let mut sorted: Vec<&AttendanceFact> = facts.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.checked_in_at));
    let mut people: BTreeMap<PersonKey, Profile> = BTreeMap::new();
    for f in sorted {
        people
            .entry(f.person.clone())
            .and_modify(|p| *p = p.or(f.profile))
            .or_insert(f.profile);
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(person: PersonKey, at: i64, profile: Profile) -> AttendanceFact {
        AttendanceFact {
            event: 1,
            person,
            profile,
            checked_in_at: at,
        }
    }

    #[test]
    fn breakdown_lists_every_category_and_counts_unknowns() {
        let b = Breakdown::of(
            &Sex::ALL,
            Sex::code,
            [Some(Sex::Female), None, Some(Sex::Female), Some(Sex::Male)],
        );
        assert_eq!(
            b.counts,
            vec![("female".to_string(), 2), ("male".to_string(), 1)]
        );
        assert_eq!(b.unknown, 1);
        assert_eq!(b.total(), 4);
        assert_eq!(b.share_permille("female"), Some(500));
        assert_eq!(b.share_permille("male"), Some(250));
        assert_eq!(b.share_permille("other"), None);
        let empty = Breakdown::of(&Sex::ALL, Sex::code, []);
        assert_eq!(empty.share_permille("female"), None);
    }

    #[test]
    fn shares_round_half_up() {
        // 1 of 3 = 333.33‰ → 333; 2 of 3 = 666.67‰ → 667.
        let b = Breakdown::of(
            &Sex::ALL,
            Sex::code,
            [Some(Sex::Female), Some(Sex::Male), Some(Sex::Male)],
        );
        assert_eq!(b.share_permille("female"), Some(333));
        assert_eq!(b.share_permille("male"), Some(667));
    }

    #[test]
    fn unique_people_take_the_latest_known_values() {
        let u = PersonKey::User(UserId(7));
        let facts = vec![
            fact(
                u.clone(),
                10,
                Profile {
                    sex: Some(Sex::Female),
                    age_group: Some(AgeGroup::Under18),
                    actor_type: Some(ActorType::Citizen),
                },
            ),
            fact(
                u.clone(),
                20,
                Profile {
                    sex: None,
                    age_group: Some(AgeGroup::From18To35),
                    actor_type: Some(ActorType::Association),
                },
            ),
            fact(PersonKey::WalkIn(1), 5, Profile::default()),
            fact(PersonKey::WalkIn(2), 5, Profile::default()),
        ];
        let people = unique_people(&facts);
        assert_eq!(people.len(), 3);
        assert_eq!(
            people[&u],
            Profile {
                sex: Some(Sex::Female),
                age_group: Some(AgeGroup::From18To35),
                actor_type: Some(ActorType::Association),
            }
        );
        let d = Disaggregation::of(&people.values().copied().collect::<Vec<_>>());
        assert_eq!(d.sex.unknown, 2);
        assert_eq!(d.age_group.counts[1], ("18_35".to_string(), 1));
        assert_eq!(d.actor_type.counts[1], ("association".to_string(), 1));
    }
}
