//! Who may vote, and what a valid ballot is.
//!
//! [`validate_ballot`] turns what a form sent (project ids and points, as typed) into a
//! [`Ballot`] or one [`BallotError`] naming the problem; nothing about the voter is in a
//! `Ballot` (see `store.rs` for how secrecy is kept).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::campaign::{BallotType, Phase, Schedule, VoteScope};
use super::money::Money;
use crate::accounts::model::AgeGroup;

/// A project as the ballot sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BallotProject {
    /// Its id (`budget_projects.id`).
    pub id: i64,
    /// The budget it is on.
    pub budget: i64,
    /// Its final cost after technical review.
    pub cost: Money,
}

/// A valid ballot: for each chosen project, its points (1 for approval and knapsack).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    /// The budget voted in.
    pub budget: i64,
    /// Chosen project ids with their points, by id.
    pub choices: BTreeMap<i64, u32>,
}

/// Why a ballot was refused. Each becomes a translated message (`budgets-ballot-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    /// The campaign is not in its voting phase, or the voting window is not open.
    #[error("voting is not open")]
    VotingClosed,
    /// The voter has no verified residence in the budget's territory.
    #[error("not a verified resident")]
    NotResident,
    /// The voter did not confirm the minimum age, or their profile says they are younger.
    #[error("under the minimum age")]
    UnderAge,
    /// The person has already voted in this budget (or, with one budget per voter, in
    /// another budget of the campaign) and did not give the receipt needed to change it.
    #[error("already voted")]
    AlreadyVoted,
    /// A project id that is no project on any ballot of the campaign (forged or mistyped).
    #[error("unknown project")]
    UnknownProject,
    /// A project of another budget of the campaign.
    #[error("project of another budget")]
    OtherBudget,
    /// No project chosen (or fewer than the minimum).
    #[error("too few projects")]
    TooFew,
    /// More projects than the maximum.
    #[error("too many projects")]
    TooMany,
    /// The chosen projects cost more than the budget (knapsack ballots).
    #[error("over the budget")]
    OverBudget,
    /// More points in total than the voter has, or more on one project than allowed.
    #[error("too many points")]
    TooManyPoints,
    /// Points that are not a whole number, or zero.
    #[error("bad points")]
    BadPoints,
    /// The receipt given to change a ballot matches no ballot of this budget.
    #[error("receipt not found")]
    ReceiptNotFound,
}

impl BallotError {
    /// Stable code for message keys.
    pub fn code(self) -> &'static str {
        match self {
            BallotError::VotingClosed => "closed",
            BallotError::NotResident => "not-resident",
            BallotError::UnderAge => "under-age",
            BallotError::AlreadyVoted => "already-voted",
            BallotError::UnknownProject => "unknown-project",
            BallotError::OtherBudget => "other-budget",
            BallotError::TooFew => "too-few",
            BallotError::TooMany => "too-many",
            BallotError::OverBudget => "over-budget",
            BallotError::TooManyPoints => "too-many-points",
            BallotError::BadPoints => "bad-points",
            BallotError::ReceiptNotFound => "receipt-not-found",
        }
    }

    /// Every error, for the locale test.
    pub const ALL: [BallotError; 12] = [
        BallotError::VotingClosed,
        BallotError::NotResident,
        BallotError::UnderAge,
        BallotError::AlreadyVoted,
        BallotError::UnknownProject,
        BallotError::OtherBudget,
        BallotError::TooFew,
        BallotError::TooMany,
        BallotError::OverBudget,
        BallotError::TooManyPoints,
        BallotError::BadPoints,
        BallotError::ReceiptNotFound,
    ];
}

/// Everything [`validate_ballot`] needs about the campaign and the budget.
#[derive(Debug, Clone)]
pub struct BallotContext<'a> {
    /// Current phase.
    pub phase: Phase,
    /// Dates.
    pub schedule: &'a Schedule,
    /// Now.
    pub now: i64,
    /// Ballot type.
    pub ballot: BallotType,
    /// The budget voted in.
    pub budget: i64,
    /// Its amount.
    pub amount: Money,
    /// Every project on every ballot of the campaign.
    pub projects: &'a [BallotProject],
}

/// Whether the campaign accepts ballots now: its phase is voting and the window is open.
pub fn voting_open(phase: Phase, schedule: &Schedule, now: i64) -> Result<(), BallotError> {
    if phase == Phase::Voting && schedule.voting_open_at(now) {
        Ok(())
    } else {
        Err(BallotError::VotingClosed)
    }
}

/// The voter's situation, as loaded by the store and the permissions module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoterFacts {
    /// Verified resident of the budget's territory (or of a territory inside it).
    pub resident: bool,
    /// Ticked "I am at least N years old" on the ballot page.
    pub declared_min_age: bool,
    /// Age group from a consenting profile, if any.
    pub age_group: Option<AgeGroup>,
    /// Already has a ballot in this budget.
    pub voted_here: bool,
    /// Already has a ballot in another budget of the campaign.
    pub voted_elsewhere: bool,
    /// Came with a receipt to replace their ballot in this budget.
    pub replacing: bool,
}

/// Eligibility: a verified resident, of the minimum age, who has not voted yet (unless they
/// are replacing their own ballot in this budget).
///
/// The platform keeps no birth date: the voter declares the minimum age on the ballot (as on
/// paper, where the official checks the CIN card), and a consenting profile that says
/// "under 18" is refused when the campaign's minimum is 18.
pub fn check_voter(facts: VoterFacts, min_age: u8, scope: VoteScope) -> Result<(), BallotError> {
    if !facts.resident {
        return Err(BallotError::NotResident);
    }
    let profile_too_young = facts.age_group == Some(AgeGroup::Under18) && min_age >= 18;
    if !facts.declared_min_age || profile_too_young {
        return Err(BallotError::UnderAge);
    }
    if facts.replacing {
        return if facts.voted_here {
            Ok(())
        } else {
            Err(BallotError::ReceiptNotFound)
        };
    }
    if facts.voted_here || (scope == VoteScope::OneBudget && facts.voted_elsewhere) {
        return Err(BallotError::AlreadyVoted);
    }
    Ok(())
}

/// One choice as the form sent it: a project id and, for cumulative ballots, points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawChoice {
    /// The project id as text (anything: it is parsed here).
    pub project: String,
    /// Points as text (`None` on approval and knapsack ballots).
    pub points: Option<String>,
}

/// Turns the form's choices into a valid ballot of `ctx.budget`, or names what is wrong.
/// Checks, in order: the voting window, each id (a number, a project of this campaign, of
/// this budget), the points, then the ballot type's limits. An id given twice counts once
/// (points: the last one, as in Pabulib).
pub fn validate_ballot(ctx: &BallotContext<'_>, raw: &[RawChoice]) -> Result<Ballot, BallotError> {
    voting_open(ctx.phase, ctx.schedule, ctx.now)?;
    let mut choices = BTreeMap::new();
    for c in raw {
        let id: i64 = c
            .project
            .trim()
            .parse()
            .map_err(|_| BallotError::UnknownProject)?;
        let project = ctx
            .projects
            .iter()
            .find(|p| p.id == id)
            .ok_or(BallotError::UnknownProject)?;
        if project.budget != ctx.budget {
            return Err(BallotError::OtherBudget);
        }
        let points = match (&ctx.ballot, &c.points) {
            (BallotType::Cumulative { .. }, Some(p)) if p.trim().is_empty() => continue,
            (BallotType::Cumulative { .. }, Some(p)) => {
                let n: u32 = p.trim().parse().map_err(|_| BallotError::BadPoints)?;
                if n == 0 {
                    continue;
                }
                n
            }
            (BallotType::Cumulative { .. }, None) => return Err(BallotError::BadPoints),
            _ => 1,
        };
        choices.insert(id, points);
    }
    let cost = |choices: &BTreeMap<i64, u32>| -> i64 {
        choices
            .keys()
            .filter_map(|id| ctx.projects.iter().find(|p| p.id == *id))
            .map(|p| p.cost.0)
            .sum()
    };
    if choices.is_empty() {
        return Err(BallotError::TooFew);
    }
    match ctx.ballot {
        BallotType::Approval { min, max } => {
            let n = choices.len() as u64;
            if n < u64::from(min) {
                return Err(BallotError::TooFew);
            }
            if n > u64::from(max) {
                return Err(BallotError::TooMany);
            }
        }
        BallotType::Knapsack => {
            if cost(&choices) > ctx.amount.0 {
                return Err(BallotError::OverBudget);
            }
        }
        BallotType::Cumulative {
            points,
            max_per_project,
        } => {
            let total: u64 = choices.values().map(|&p| u64::from(p)).sum();
            if total > u64::from(points) || choices.values().any(|&p| p > max_per_project) {
                return Err(BallotError::TooManyPoints);
            }
        }
    }
    Ok(Ballot {
        budget: ctx.budget,
        choices,
    })
}

impl Ballot {
    /// The choices as stored: `id` or `id:points`, comma-separated, by id.
    pub fn encode(&self, with_points: bool) -> String {
        let mut out = String::new();
        for (i, (id, pts)) in self.choices.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&id.to_string());
            if with_points {
                out.push(':');
                out.push_str(&pts.to_string());
            }
        }
        out
    }

    /// Reads [`Ballot::encode`]'s text back (`None` if it is not in that form).
    pub fn decode(budget: i64, text: &str) -> Option<Ballot> {
        let mut choices = BTreeMap::new();
        for item in text.split(',').filter(|s| !s.is_empty()) {
            let (id, pts) = match item.split_once(':') {
                Some((id, p)) => (id.parse().ok()?, p.parse().ok()?),
                None => (item.parse().ok()?, 1),
            };
            choices.insert(id, pts);
        }
        Some(Ballot { budget, choices })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Schedule = Schedule {
        informing: 100,
        proposing: 200,
        review: 300,
        voting: 400,
        voting_end: 500,
    };

    fn projects() -> Vec<BallotProject> {
        vec![
            BallotProject {
                id: 1,
                budget: 10,
                cost: Money::from_dirhams(400),
            },
            BallotProject {
                id: 2,
                budget: 10,
                cost: Money::from_dirhams(500),
            },
            BallotProject {
                id: 3,
                budget: 10,
                cost: Money::from_dirhams(300),
            },
            BallotProject {
                id: 4,
                budget: 20,
                cost: Money::from_dirhams(100),
            },
        ]
    }

    fn ctx<'a>(ballot: BallotType, projects: &'a [BallotProject]) -> BallotContext<'a> {
        BallotContext {
            phase: Phase::Voting,
            schedule: &S,
            now: 450,
            ballot,
            budget: 10,
            amount: Money::from_dirhams(1000),
            projects,
        }
    }

    fn ids(list: &[&str]) -> Vec<RawChoice> {
        list.iter()
            .map(|p| RawChoice {
                project: (*p).into(),
                points: None,
            })
            .collect()
    }

    fn pts(list: &[(&str, &str)]) -> Vec<RawChoice> {
        list.iter()
            .map(|(p, n)| RawChoice {
                project: (*p).into(),
                points: Some((*n).into()),
            })
            .collect()
    }

    const APPROVAL: BallotType = BallotType::Approval { min: 1, max: 2 };

    #[test]
    fn approval_limits() {
        let p = projects();
        let c = ctx(APPROVAL, &p);
        let b = validate_ballot(&c, &ids(&["1", "3"])).unwrap();
        assert_eq!(b.choices.keys().copied().collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(
            validate_ballot(&c, &ids(&["1", "2", "3"])),
            Err(BallotError::TooMany)
        );
        assert_eq!(validate_ballot(&c, &ids(&[])), Err(BallotError::TooFew));
        // The same id twice counts once.
        assert_eq!(
            validate_ballot(&c, &ids(&["1", "1", "2"]))
                .unwrap()
                .choices
                .len(),
            2
        );
        let c2 = ctx(BallotType::Approval { min: 2, max: 3 }, &p);
        assert_eq!(validate_ballot(&c2, &ids(&["1"])), Err(BallotError::TooFew));
    }

    #[test]
    fn forged_and_foreign_ids_are_refused() {
        let p = projects();
        let c = ctx(APPROVAL, &p);
        for forged in ["99", "-1", "abc", "1; DROP TABLE x", "", "1.5"] {
            assert_eq!(
                validate_ballot(&c, &ids(&[forged])),
                Err(BallotError::UnknownProject),
                "{forged}"
            );
        }
        assert_eq!(
            validate_ballot(&c, &ids(&["1", "4"])),
            Err(BallotError::OtherBudget)
        );
    }

    #[test]
    fn knapsack_stays_within_the_budget() {
        let p = projects();
        let c = ctx(BallotType::Knapsack, &p);
        assert!(validate_ballot(&c, &ids(&["2", "1"])).is_ok()); // 900 ≤ 1000
        assert!(validate_ballot(&c, &ids(&["2", "3"])).is_ok()); // 800
        assert_eq!(
            validate_ballot(&c, &ids(&["1", "2", "3"])), // 1200
            Err(BallotError::OverBudget)
        );
    }

    #[test]
    fn cumulative_points() {
        let p = projects();
        let c = ctx(
            BallotType::Cumulative {
                points: 10,
                max_per_project: 6,
            },
            &p,
        );
        let b = validate_ballot(&c, &pts(&[("1", "6"), ("2", "4"), ("3", "")])).unwrap();
        assert_eq!(b.choices, BTreeMap::from([(1, 6), (2, 4)]));
        assert_eq!(b.encode(true), "1:6,2:4");
        assert_eq!(Ballot::decode(10, "1:6,2:4"), Some(b));
        assert_eq!(
            validate_ballot(&c, &pts(&[("1", "6"), ("2", "5")])),
            Err(BallotError::TooManyPoints)
        );
        assert_eq!(
            validate_ballot(&c, &pts(&[("1", "7")])),
            Err(BallotError::TooManyPoints)
        );
        for bad in ["-1", "x", "2.5"] {
            assert_eq!(
                validate_ballot(&c, &pts(&[("1", bad)])),
                Err(BallotError::BadPoints)
            );
        }
        assert_eq!(
            validate_ballot(&c, &pts(&[("1", "0")])),
            Err(BallotError::TooFew)
        );
    }

    #[test]
    fn nothing_is_accepted_outside_the_voting_phase_and_window() {
        let p = projects();
        for (phase, now) in [
            (Phase::TechnicalReview, 450),
            (Phase::Counting, 450),
            (Phase::Voting, 399),
            (Phase::Voting, 500),
        ] {
            let mut c = ctx(APPROVAL, &p);
            c.phase = phase;
            c.now = now;
            assert_eq!(
                validate_ballot(&c, &ids(&["1"])),
                Err(BallotError::VotingClosed),
                "{phase:?} {now}"
            );
        }
    }

    #[test]
    fn voter_checks() {
        let ok = VoterFacts {
            resident: true,
            declared_min_age: true,
            age_group: None,
            voted_here: false,
            voted_elsewhere: false,
            replacing: false,
        };
        let each = VoteScope::EachBudget;
        let one = VoteScope::OneBudget;
        assert_eq!(check_voter(ok, 18, each), Ok(()));
        let f = VoterFacts {
            resident: false,
            ..ok
        };
        assert_eq!(check_voter(f, 18, each), Err(BallotError::NotResident));
        let f = VoterFacts {
            declared_min_age: false,
            ..ok
        };
        assert_eq!(check_voter(f, 16, each), Err(BallotError::UnderAge));
        let f = VoterFacts {
            age_group: Some(AgeGroup::Under18),
            ..ok
        };
        assert_eq!(check_voter(f, 18, each), Err(BallotError::UnderAge));
        assert_eq!(check_voter(f, 16, each), Ok(()));
        let f = VoterFacts {
            voted_here: true,
            ..ok
        };
        assert_eq!(check_voter(f, 18, each), Err(BallotError::AlreadyVoted));
        let f = VoterFacts {
            voted_elsewhere: true,
            ..ok
        };
        assert_eq!(check_voter(f, 18, each), Ok(()));
        assert_eq!(check_voter(f, 18, one), Err(BallotError::AlreadyVoted));
        let f = VoterFacts {
            voted_here: true,
            replacing: true,
            ..ok
        };
        assert_eq!(check_voter(f, 18, one), Ok(()));
        let f = VoterFacts {
            replacing: true,
            ..ok
        };
        assert_eq!(check_voter(f, 18, one), Err(BallotError::ReceiptNotFound));
    }
}
