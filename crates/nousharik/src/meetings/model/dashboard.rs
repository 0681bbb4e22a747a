//! The figures of a set of events (a programme, a territory): events held, people reached,
//! shares by sex, age group and actor type, knowledge gain, satisfaction.

use std::collections::BTreeSet;

use serde::Serialize;

use super::EventStatus;
use super::attendance::{AttendanceFact, Disaggregation, unique_people};
use super::evaluation::{SatisfactionSummary, average_gain, summarise_satisfaction};

/// What the figures need to know about one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventFact {
    /// Event id.
    pub id: i64,
    /// Scheduled or cancelled.
    pub status: EventStatus,
    /// Start, Unix seconds.
    pub starts_at: i64,
}

/// The dashboard's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    /// Events not cancelled.
    pub events_planned: u64,
    /// Events not cancelled whose start has passed.
    pub events_held: u64,
    /// Events cancelled.
    pub events_cancelled: u64,
    /// Attendances (a person at three events counts three times).
    pub people_total: u64,
    /// Different people reached.
    pub people_unique: u64,
    /// Shares among the unique people (each with their latest known profile).
    pub unique: Disaggregation,
    /// Shares among all attendances.
    pub total: Disaggregation,
    /// People who took both tests.
    pub tested_people: u64,
    /// Average knowledge gain in basis points (hundredths of a percentage point).
    pub average_gain_bp: Option<i64>,
    /// Satisfaction (overall ratings).
    pub satisfaction: SatisfactionSummary,
}

/// Computes the figures at `now`. Attendances, gains and ratings of cancelled events are
/// ignored (a cancelled event reached nobody).
pub fn compute(
    events: &[EventFact],
    attendances: &[AttendanceFact],
    gains: &[(i64, i64)],
    overall_ratings: &[(i64, i64)],
    now: i64,
) -> Dashboard {
    let live: BTreeSet<i64> = events
        .iter()
        .filter(|e| e.status != EventStatus::Cancelled)
        .map(|e| e.id)
        .collect();
    let counted: Vec<AttendanceFact> = attendances
        .iter()
        .filter(|a| live.contains(&a.event))
        .cloned()
        .collect();
    let people = unique_people(&counted);
    let unique_profiles: Vec<_> = people.values().copied().collect();
    let all_profiles: Vec<_> = counted.iter().map(|a| a.profile).collect();
    let gains: Vec<i64> = gains
        .iter()
        .filter(|(e, _)| live.contains(e))
        .map(|(_, g)| *g)
        .collect();
    let ratings: Vec<i64> = overall_ratings
        .iter()
        .filter(|(e, _)| live.contains(e))
        .map(|(_, r)| *r)
        .collect();
    Dashboard {
        events_planned: live.len() as u64,
        events_held: events
            .iter()
            .filter(|e| e.status != EventStatus::Cancelled && e.starts_at <= now)
            .count() as u64,
        events_cancelled: (events.len() - live.len()) as u64,
        people_total: counted.len() as u64,
        people_unique: people.len() as u64,
        unique: Disaggregation::of(&unique_profiles),
        total: Disaggregation::of(&all_profiles),
        tested_people: gains.len() as u64,
        average_gain_bp: average_gain(&gains),
        satisfaction: summarise_satisfaction(&ratings),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::model::{AgeGroup, Sex};
    use crate::meetings::model::attendance::{ActorType, PersonKey, Profile};
    use crate::platform::ids::UserId;

    fn ev(id: i64, status: EventStatus, starts_at: i64) -> EventFact {
        EventFact {
            id,
            status,
            starts_at,
        }
    }

    fn att(event: i64, person: PersonKey, sex: Option<Sex>, at: i64) -> AttendanceFact {
        AttendanceFact {
            event,
            person,
            profile: Profile {
                sex,
                age_group: Some(AgeGroup::From18To35),
                actor_type: Some(ActorType::Citizen),
            },
            checked_in_at: at,
        }
    }

    #[test]
    fn figures_of_a_small_programme() {
        let events = [
            ev(1, EventStatus::Scheduled, 100),
            ev(2, EventStatus::Scheduled, 200),
            ev(3, EventStatus::Cancelled, 150),
            ev(4, EventStatus::Scheduled, 10_000),
        ];
        let alice = PersonKey::User(UserId(1));
        let bob = PersonKey::User(UserId(2));
        let attendances = vec![
            att(1, alice.clone(), Some(Sex::Female), 100),
            att(1, bob.clone(), Some(Sex::Male), 100),
            att(2, alice.clone(), Some(Sex::Female), 200),
            att(2, PersonKey::WalkIn(9), None, 200),
            att(3, PersonKey::WalkIn(10), Some(Sex::Male), 150), // cancelled: ignored
        ];
        let gains = [(2, 5000), (2, 2500), (3, 10_000)];
        let ratings = [(1, 5), (2, 4), (2, 2), (3, 1)];
        let d = compute(&events, &attendances, &gains, &ratings, 1000);
        assert_eq!(d.events_planned, 3);
        assert_eq!(d.events_held, 2);
        assert_eq!(d.events_cancelled, 1);
        assert_eq!(d.people_total, 4);
        assert_eq!(d.people_unique, 3);
        assert_eq!(d.unique.sex.counts[0], ("female".into(), 1));
        assert_eq!(d.unique.sex.counts[1], ("male".into(), 1));
        assert_eq!(d.unique.sex.unknown, 1);
        assert_eq!(d.total.sex.counts[0], ("female".into(), 2));
        assert_eq!(d.tested_people, 2);
        assert_eq!(d.average_gain_bp, Some(3750));
        assert_eq!(d.satisfaction.responses, 3);
        assert_eq!(d.satisfaction.average_hundredths, Some(367));
        assert_eq!(d.satisfaction.satisfied_permille, Some(667));
    }

    #[test]
    fn nothing_yet() {
        let d = compute(&[], &[], &[], &[], 0);
        assert_eq!(d.events_held, 0);
        assert_eq!(d.people_unique, 0);
        assert_eq!(d.average_gain_bp, None);
        assert_eq!(d.satisfaction.average_hundredths, None);
    }
}
