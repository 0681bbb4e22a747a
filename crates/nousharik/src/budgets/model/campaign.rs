//! A budget campaign: its budgets, ballot type, counting rule, eligibility and the phases
//! it goes through, as one explicit state machine.

use serde::{Deserialize, Serialize};

use super::money::Money;
use crate::platform::ids::TerritoryId;

/// The phases of a campaign, in order. `Draft` is before anything is public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Being prepared by staff; not public.
    Draft,
    /// Public: the rules, the budgets and the calendar are announced.
    Informing,
    /// Residents submit project ideas.
    Proposing,
    /// Staff merge duplicates and review feasibility and cost; the ballot is published.
    TechnicalReview,
    /// Verified residents vote (and may change their ballot until it closes).
    Voting,
    /// Voting is closed; the engine counts each budget.
    Counting,
    /// Results are published; funded projects are tracked until done.
    Implementation,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 7] = [
        Phase::Draft,
        Phase::Informing,
        Phase::Proposing,
        Phase::TechnicalReview,
        Phase::Voting,
        Phase::Counting,
        Phase::Implementation,
    ];

    /// Stable code (database, URLs, message keys `budgets-phase-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::Informing => "informing",
            Phase::Proposing => "proposing",
            Phase::TechnicalReview => "review",
            Phase::Voting => "voting",
            Phase::Counting => "counting",
            Phase::Implementation => "implementation",
        }
    }

    /// The phase for a code.
    pub fn parse(code: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The phase after this one, if any.
    pub fn next(self) -> Option<Phase> {
        let i = Phase::ALL.iter().position(|p| *p == self)?;
        Phase::ALL.get(i + 1).copied()
    }

    /// Whether the public sees the campaign.
    pub fn is_public(self) -> bool {
        self != Phase::Draft
    }
}

/// The planned start of each phase after the draft, and the end of voting (Unix seconds).
/// Strictly increasing: informing < proposing < review < voting < voting end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Information opens.
    pub informing: i64,
    /// Proposals open.
    pub proposing: i64,
    /// Proposals close; technical review starts.
    pub review: i64,
    /// Voting opens.
    pub voting: i64,
    /// Voting closes (the first second when no ballot is accepted).
    pub voting_end: i64,
}

impl Schedule {
    /// Checks the order of the dates.
    pub fn validate(&self) -> Result<(), CampaignError> {
        let d = [
            self.informing,
            self.proposing,
            self.review,
            self.voting,
            self.voting_end,
        ];
        if d.windows(2).all(|w| w[0] < w[1]) {
            Ok(())
        } else {
            Err(CampaignError::DatesOutOfOrder)
        }
    }

    /// Whether `now` is within the voting window.
    pub fn voting_open_at(&self, now: i64) -> bool {
        self.voting <= now && now < self.voting_end
    }

    /// The planned start of `phase` (`None` for draft, counting and implementation, which
    /// follow events rather than dates).
    pub fn start_of(&self, phase: Phase) -> Option<i64> {
        match phase {
            Phase::Informing => Some(self.informing),
            Phase::Proposing => Some(self.proposing),
            Phase::TechnicalReview => Some(self.review),
            Phase::Voting => Some(self.voting),
            Phase::Counting => Some(self.voting_end),
            Phase::Draft | Phase::Implementation => None,
        }
    }
}

/// What a ballot looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BallotType {
    /// Tick between `min` and `max` projects.
    Approval {
        /// At least this many.
        min: u32,
        /// At most this many.
        max: u32,
    },
    /// Tick any projects whose total cost stays within the budget.
    Knapsack,
    /// Spread `points` over the projects, at most `max_per_project` on one.
    Cumulative {
        /// Points each voter has.
        points: u32,
        /// Most points on one project.
        max_per_project: u32,
    },
}

impl BallotType {
    /// Stable code (`approval`, `knapsack`, `cumulative`).
    pub fn code(&self) -> &'static str {
        match self {
            BallotType::Approval { .. } => "approval",
            BallotType::Knapsack => "knapsack",
            BallotType::Cumulative { .. } => "cumulative",
        }
    }

    /// Whether ballots carry points (counted with points satisfaction).
    pub fn has_points(&self) -> bool {
        matches!(self, BallotType::Cumulative { .. })
    }

    /// Checks the numbers.
    pub fn validate(&self) -> Result<(), CampaignError> {
        match *self {
            BallotType::Approval { min, max } if max == 0 || min > max || max > 500 => {
                Err(CampaignError::BadApprovalLimits)
            }
            BallotType::Cumulative {
                points,
                max_per_project,
            } if points == 0 || max_per_project == 0 || points > 1000 => {
                Err(CampaignError::BadPoints)
            }
            _ => Ok(()),
        }
    }
}

/// How each budget is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountingRule {
    /// Method of Equal Shares with the completion real elections used (one dirham more per
    /// voter per round until the next round would overspend: pabutools'
    /// `exhaustion_by_budget_increase` without the exhaustive stop), then greedy by votes
    /// with the money left. The default: proportional, and spends the budget.
    EqualSharesThenGreedy,
    /// The same Equal Shares completion, without the greedy pass.
    EqualShares,
    /// Greedy by number of votes (points for cumulative ballots), skipping what does not fit.
    Greedy,
    /// Sequential Phragmén (approval-style ballots only).
    SequentialPhragmen,
}

impl CountingRule {
    /// Every rule, the default first.
    pub const ALL: [CountingRule; 4] = [
        CountingRule::EqualSharesThenGreedy,
        CountingRule::EqualShares,
        CountingRule::Greedy,
        CountingRule::SequentialPhragmen,
    ];

    /// Stable code (database, forms, message keys `budgets-rule-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            CountingRule::EqualSharesThenGreedy => "mes_greedy",
            CountingRule::EqualShares => "mes",
            CountingRule::Greedy => "greedy",
            CountingRule::SequentialPhragmen => "phragmen",
        }
    }

    /// The rule for a code.
    pub fn parse(code: &str) -> Option<CountingRule> {
        CountingRule::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Whether a voter votes in one budget of the campaign or in each one they may vote in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteScope {
    /// One budget only (e.g. the arrondissement of one's choice).
    OneBudget,
    /// Each budget one is eligible for (e.g. one's arrondissement and the city-wide budget).
    EachBudget,
}

impl VoteScope {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            VoteScope::OneBudget => "one",
            VoteScope::EachBudget => "each",
        }
    }

    /// The scope for a code.
    pub fn parse(code: &str) -> Option<VoteScope> {
        [VoteScope::OneBudget, VoteScope::EachBudget]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// One budget of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetSpec {
    /// Its name (e.g. the arrondissement, or "city-wide").
    pub name: String,
    /// Who may vote in it: verified residents of this territory (or of a territory inside it).
    pub territory: TerritoryId,
    /// The money to spend.
    pub amount: Money,
}

/// The longest names and titles we store.
pub const NAME_MAX_CHARS: usize = 200;
/// Minimum voting age bounds a campaign may set (Morocco's civil majority is 18; councils
/// have opened youth budgets from 16 or 15).
pub const MIN_AGE_RANGE: std::ops::RangeInclusive<u8> = 12..=18;

/// What staff set when creating a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSpec {
    /// Title.
    pub title: String,
    /// The territory of the campaign (the council's).
    pub territory: TerritoryId,
    /// Budgets, at least one.
    pub budgets: Vec<BudgetSpec>,
    /// Ballot type.
    pub ballot: BallotType,
    /// Counting rule.
    pub rule: CountingRule,
    /// Minimum age to vote.
    pub min_age: u8,
    /// One budget or each.
    pub scope: VoteScope,
    /// Dates.
    pub schedule: Schedule,
}

/// Why a campaign (or a change of phase) was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CampaignError {
    /// Empty or overlong title.
    #[error("title empty or too long")]
    BadTitle,
    /// No budget.
    #[error("at least one budget")]
    NoBudget,
    /// Empty or overlong budget name, or two budgets with the same name.
    #[error("bad budget name")]
    BadBudgetName,
    /// Dates not strictly increasing.
    #[error("dates out of order")]
    DatesOutOfOrder,
    /// Approval minimum above maximum, or maximum zero.
    #[error("bad approval limits")]
    BadApprovalLimits,
    /// Cumulative points zero or too many.
    #[error("bad points")]
    BadPoints,
    /// Minimum age outside [`MIN_AGE_RANGE`].
    #[error("bad minimum age")]
    BadMinAge,
    /// Phragmén is defined for approval-style ballots, not points.
    #[error("rule does not fit the ballot type")]
    RuleBallotMismatch,
    /// The transition is not the next phase.
    #[error("not the next phase")]
    NotNextPhase,
    /// The planned date of the next phase has not come yet.
    #[error("too early")]
    TooEarly,
    /// Voting needs at least one project on each budget's ballot.
    #[error("a budget has no project on its ballot")]
    EmptyBallot,
    /// Implementation needs every budget counted.
    #[error("not every budget is counted")]
    NotCounted,
    /// The planned date of a phase that has already started cannot change.
    #[error("a started phase keeps its date")]
    StartedPhaseDate,
    /// Open voting may be extended, never shortened.
    #[error("voting cannot be shortened")]
    VotingShortened,
    /// Once voting has closed the calendar is final.
    #[error("the calendar is final")]
    ScheduleFinal,
}

/// Checks a text field: trimmed, non-empty, at most `max` characters.
pub fn clean_text(raw: &str, max: usize) -> Option<String> {
    let t = raw.trim();
    if t.is_empty() || t.chars().count() > max {
        None
    } else {
        Some(t.to_owned())
    }
}

impl CampaignSpec {
    /// Checks everything a form cannot check alone.
    pub fn validate(&self) -> Result<(), CampaignError> {
        clean_text(&self.title, NAME_MAX_CHARS).ok_or(CampaignError::BadTitle)?;
        if self.budgets.is_empty() {
            return Err(CampaignError::NoBudget);
        }
        let mut names = std::collections::HashSet::new();
        for b in &self.budgets {
            let name = clean_text(&b.name, NAME_MAX_CHARS).ok_or(CampaignError::BadBudgetName)?;
            if !names.insert(name.to_lowercase()) {
                return Err(CampaignError::BadBudgetName);
            }
        }
        self.schedule.validate()?;
        self.ballot.validate()?;
        if !MIN_AGE_RANGE.contains(&self.min_age) {
            return Err(CampaignError::BadMinAge);
        }
        if self.ballot.has_points() && self.rule == CountingRule::SequentialPhragmen {
            return Err(CampaignError::RuleBallotMismatch);
        }
        Ok(())
    }
}

/// What the system knows when staff ask to move a campaign on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitionFacts {
    /// Now.
    pub now: i64,
    /// Whether every budget has at least one project on its ballot.
    pub every_budget_has_projects: bool,
    /// Whether every budget has a stored result.
    pub every_budget_counted: bool,
}

/// The one function that decides a change of phase: only to the next phase, not before its
/// planned date, with the facts each phase needs. Voting closes at its planned end, never
/// earlier (a campaign cannot cut a vote short); counting moves to implementation only once
/// every budget is counted.
pub fn advance(
    current: Phase,
    to: Phase,
    schedule: &Schedule,
    facts: TransitionFacts,
) -> Result<Phase, CampaignError> {
    if current.next() != Some(to) {
        return Err(CampaignError::NotNextPhase);
    }
    if let Some(start) = schedule.start_of(to)
        && facts.now < start
    {
        return Err(CampaignError::TooEarly);
    }
    match to {
        Phase::Voting if !facts.every_budget_has_projects => Err(CampaignError::EmptyBallot),
        Phase::Implementation if !facts.every_budget_counted => Err(CampaignError::NotCounted),
        _ => Ok(to),
    }
}

/// The new planned dates of a published campaign, or why not. The dates of phases already
/// reached are history and stay; open voting may be extended (an outage, a late ballot
/// delivery), never shortened (voters were told when it closes); once voting has closed the
/// calendar is final. Drafts are edited whole (`CampaignSpec`), not through this.
pub fn reschedule(
    current: Phase,
    old: &Schedule,
    new: Schedule,
) -> Result<Schedule, CampaignError> {
    if current >= Phase::Counting {
        return Err(CampaignError::ScheduleFinal);
    }
    new.validate()?;
    let starts = [
        (Phase::Informing, old.informing, new.informing),
        (Phase::Proposing, old.proposing, new.proposing),
        (Phase::TechnicalReview, old.review, new.review),
        (Phase::Voting, old.voting, new.voting),
    ];
    if starts
        .iter()
        .any(|&(phase, was, now)| current >= phase && was != now)
    {
        return Err(CampaignError::StartedPhaseDate);
    }
    if current == Phase::Voting && new.voting_end < old.voting_end {
        return Err(CampaignError::VotingShortened);
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_calendar_moves_only_forward_of_what_has_started() {
        let old = schedule();
        let later = Schedule {
            review: 350,
            voting: 450,
            voting_end: 600,
            ..old
        };
        assert_eq!(reschedule(Phase::Proposing, &old, later), Ok(later));
        // A started phase keeps its date.
        let moved = Schedule {
            proposing: 250,
            ..old
        };
        assert_eq!(
            reschedule(Phase::Proposing, &old, moved),
            Err(CampaignError::StartedPhaseDate)
        );
        // Open voting: extended yes, shortened no.
        let extended = Schedule {
            voting_end: 700,
            ..old
        };
        assert_eq!(reschedule(Phase::Voting, &old, extended), Ok(extended));
        let shortened = Schedule {
            voting_end: 450,
            ..old
        };
        assert_eq!(
            reschedule(Phase::Voting, &old, shortened),
            Err(CampaignError::VotingShortened)
        );
        // Before voting its end may come earlier, in order.
        assert_eq!(reschedule(Phase::Informing, &old, shortened), Ok(shortened));
        let disorder = Schedule { voting: 600, ..old };
        assert_eq!(
            reschedule(Phase::Informing, &old, disorder),
            Err(CampaignError::DatesOutOfOrder)
        );
        for closed in [Phase::Counting, Phase::Implementation] {
            assert_eq!(
                reschedule(closed, &old, extended),
                Err(CampaignError::ScheduleFinal)
            );
        }
    }

    pub(crate) fn schedule() -> Schedule {
        Schedule {
            informing: 100,
            proposing: 200,
            review: 300,
            voting: 400,
            voting_end: 500,
        }
    }

    fn spec() -> CampaignSpec {
        CampaignSpec {
            title: "Tanger 2026".into(),
            territory: TerritoryId(1),
            budgets: vec![
                BudgetSpec {
                    name: "Bni Makada".into(),
                    territory: TerritoryId(2),
                    amount: Money::from_dirhams(1_000_000),
                },
                BudgetSpec {
                    name: "Ville".into(),
                    territory: TerritoryId(1),
                    amount: Money::from_dirhams(3_000_000),
                },
            ],
            ballot: BallotType::Approval { min: 1, max: 5 },
            rule: CountingRule::EqualSharesThenGreedy,
            min_age: 16,
            scope: VoteScope::EachBudget,
            schedule: schedule(),
        }
    }

    fn facts(now: i64) -> TransitionFacts {
        TransitionFacts {
            now,
            every_budget_has_projects: true,
            every_budget_counted: true,
        }
    }

    #[test]
    fn a_good_campaign_passes_and_each_mistake_is_named() {
        assert_eq!(spec().validate(), Ok(()));
        let mut s = spec();
        s.title = "  ".into();
        assert_eq!(s.validate(), Err(CampaignError::BadTitle));
        let mut s = spec();
        s.budgets.clear();
        assert_eq!(s.validate(), Err(CampaignError::NoBudget));
        let mut s = spec();
        s.budgets[1].name = "bni makada ".into();
        assert_eq!(s.validate(), Err(CampaignError::BadBudgetName));
        let mut s = spec();
        s.schedule.voting = s.schedule.voting_end;
        assert_eq!(s.validate(), Err(CampaignError::DatesOutOfOrder));
        let mut s = spec();
        s.ballot = BallotType::Approval { min: 3, max: 2 };
        assert_eq!(s.validate(), Err(CampaignError::BadApprovalLimits));
        let mut s = spec();
        s.ballot = BallotType::Cumulative {
            points: 0,
            max_per_project: 1,
        };
        assert_eq!(s.validate(), Err(CampaignError::BadPoints));
        let mut s = spec();
        s.min_age = 30;
        assert_eq!(s.validate(), Err(CampaignError::BadMinAge));
        let mut s = spec();
        s.ballot = BallotType::Cumulative {
            points: 10,
            max_per_project: 5,
        };
        s.rule = CountingRule::SequentialPhragmen;
        assert_eq!(s.validate(), Err(CampaignError::RuleBallotMismatch));
    }

    #[test]
    fn phases_advance_one_at_a_time_and_not_before_their_date() {
        let s = schedule();
        let mut phase = Phase::Draft;
        for (to, now) in [
            (Phase::Informing, 100),
            (Phase::Proposing, 200),
            (Phase::TechnicalReview, 300),
            (Phase::Voting, 400),
            (Phase::Counting, 500),
            (Phase::Implementation, 501),
        ] {
            assert_eq!(
                advance(phase, to, &s, facts(now - 1)).err(),
                if to == Phase::Implementation {
                    None
                } else {
                    Some(CampaignError::TooEarly)
                },
                "{to:?}"
            );
            phase = advance(phase, to, &s, facts(now)).unwrap();
        }
        assert_eq!(phase, Phase::Implementation);
        assert_eq!(phase.next(), None);
        // Skipping or going back is refused.
        assert_eq!(
            advance(Phase::Proposing, Phase::Voting, &s, facts(1000)),
            Err(CampaignError::NotNextPhase)
        );
        assert_eq!(
            advance(Phase::Voting, Phase::Proposing, &s, facts(1000)),
            Err(CampaignError::NotNextPhase)
        );
    }

    #[test]
    fn voting_needs_projects_and_results_need_counts() {
        let s = schedule();
        let mut f = facts(1000);
        f.every_budget_has_projects = false;
        assert_eq!(
            advance(Phase::TechnicalReview, Phase::Voting, &s, f),
            Err(CampaignError::EmptyBallot)
        );
        f.every_budget_counted = false;
        assert_eq!(
            advance(Phase::Counting, Phase::Implementation, &s, f),
            Err(CampaignError::NotCounted)
        );
        assert!(s.voting_open_at(400) && s.voting_open_at(499));
        assert!(!s.voting_open_at(399) && !s.voting_open_at(500));
    }

    #[test]
    fn codes_round_trip() {
        for p in Phase::ALL {
            assert_eq!(Phase::parse(p.code()), Some(p));
        }
        for r in CountingRule::ALL {
            assert_eq!(CountingRule::parse(r.code()), Some(r));
        }
        for v in [VoteScope::OneBudget, VoteScope::EachBudget] {
            assert_eq!(VoteScope::parse(v.code()), Some(v));
        }
        assert_eq!(Phase::parse("x"), None);
    }
}
