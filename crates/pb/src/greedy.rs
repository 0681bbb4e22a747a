//! Greedy utilitarian rules: fund projects by decreasing satisfaction per unit of cost.
//!
//! This is pabutools' `greedy_utilitarian_welfare` for additive satisfactions
//! (`greedy_utilitarian_scheme_additive`): projects are ordered once by total satisfaction
//! divided by cost (a project with satisfaction and no cost comes first, one nobody supports
//! last), ties broken by [`TieBreak`], and funded in that order when they fit in what is left
//! of the budget (under cost satisfaction a free project brings cost × votes = 0 and so ranks
//! with the unsupported ones, as in pabutools). With [`Satisfaction::Cost`] the ratio is the
//! number of supporters, with
//! [`Satisfaction::Cardinality`] supporters per unit of cost, with [`Satisfaction::Points`]
//! points per unit of cost. Ratios are compared exactly by cross-multiplication.
//!
//! Two real-city variants: *no skip* stops at the first project that does not fit (Gdynia,
//! Wrocław), and a *threshold* removes projects with too little support beforehand
//! (Warszawa, Łódź, Katowice).

use std::cmp::Ordering;

use serde::Serialize;

use crate::instance::{Instance, ProjectIx, Satisfaction, TieBreak};
use crate::ratio::cmp_fractions;

/// The least support a project needs to be considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    /// At least this many supporters.
    Votes(u64),
    /// At least this share of all voters (`numerator / denominator`) as supporters.
    Share {
        /// Numerator of the share.
        numerator: u64,
        /// Denominator of the share (not 0).
        denominator: u64,
    },
    /// At least this total utility (points; the number of supporters for approval).
    Utility(u64),
}

impl Threshold {
    /// Whether project `p` meets the threshold.
    pub fn met(&self, instance: &Instance, p: ProjectIx) -> bool {
        let votes = instance.supporters[p].len() as u128;
        match *self {
            Threshold::Votes(n) => votes >= u128::from(n),
            Threshold::Share {
                numerator,
                denominator,
            } => {
                votes * u128::from(denominator)
                    >= u128::from(numerator) * u128::from(instance.voters)
            }
            Threshold::Utility(n) => instance.total_utility(p) >= u128::from(n),
        }
    }
}

/// How a greedy run treats projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GreedyOptions {
    /// Satisfaction whose total per unit of cost orders the projects.
    pub sat: Satisfaction,
    /// `true`: skip a project that does not fit and go on (pabutools); `false`: stop there.
    pub skip: bool,
    /// Projects below this are not considered.
    pub threshold: Option<Threshold>,
}

impl GreedyOptions {
    /// pabutools' greedy with the given satisfaction.
    pub fn new(sat: Satisfaction) -> Self {
        GreedyOptions {
            sat,
            skip: true,
            threshold: None,
        }
    }
}

/// What happened to a project in a greedy run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GreedyStatus {
    /// Already funded before the run (initial allocation).
    AlreadyFunded,
    /// Funded.
    Funded,
    /// Reached but more expensive than what was left; skipped.
    DoesNotFit,
    /// Reached but more expensive than what was left; the run stopped there (no-skip).
    StoppedHere,
    /// Not reached: the run had stopped before (no-skip).
    NotReached,
    /// Not enough support to be considered.
    BelowThreshold,
}

/// One project in a greedy run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GreedyProject {
    /// Index of the project.
    pub project: ProjectIx,
    /// Its id.
    pub id: String,
    /// Position in the greedy order (1 = considered first); 0 for projects not ordered
    /// (already funded or below the threshold).
    pub rank: usize,
    /// Its cost.
    pub cost: u64,
    /// Number of supporters.
    pub supporters: u64,
    /// Total utility given by supporters (points; supporters for approval).
    pub utility: u128,
    /// Budget left when the project was reached (before paying for it); `None` if not
    /// reached.
    pub budget_left: Option<u64>,
    /// What happened to it.
    pub status: GreedyStatus,
}

/// Why a greedy run funded what it funded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GreedyExplanation {
    /// Satisfaction used for the order.
    pub satisfaction: &'static str,
    /// Whether unaffordable projects were skipped (`false`: the run stopped at the first).
    pub skip: bool,
    /// The threshold, if any.
    pub threshold: Option<Threshold>,
    /// The budget.
    pub budget: u64,
    /// Every project: already funded ones first, then in greedy order, then those below the
    /// threshold.
    pub projects: Vec<GreedyProject>,
}

/// The result of a greedy run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GreedyOutcome {
    /// Funded projects in selection order (the initial allocation first).
    pub selected: Vec<ProjectIx>,
    /// Their total cost.
    pub total_cost: u64,
    /// Project by project.
    pub explanation: GreedyExplanation,
}

/// Satisfaction per unit of cost, compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Density {
    Zero,
    Ratio(u128, u64),
    Infinite,
}

impl Density {
    fn of(instance: &Instance, sat: Satisfaction, p: ProjectIx) -> Self {
        let cost = instance.costs[p];
        let votes = instance.supporters[p].len() as u128;
        let total = match sat {
            // Total satisfaction cost × votes: zero for a free project (pabutools then ranks
            // it with the unsupported ones), otherwise the density is the number of votes.
            Satisfaction::Cost => {
                return match (votes, cost) {
                    (0, _) | (_, 0) => Density::Zero,
                    _ => Density::Ratio(votes, 1),
                };
            }
            Satisfaction::Cardinality => votes,
            Satisfaction::Points => instance.total_utility(p),
        };
        match (total, cost) {
            (0, _) => Density::Zero,
            (_, 0) => Density::Infinite,
            _ => Density::Ratio(total, cost),
        }
    }
}

impl Ord for Density {
    fn cmp(&self, other: &Self) -> Ordering {
        use Density::*;
        match (self, other) {
            (Zero, Zero) | (Infinite, Infinite) => Ordering::Equal,
            (Zero, _) | (_, Infinite) => Ordering::Less,
            (_, Zero) | (Infinite, _) => Ordering::Greater,
            (&Ratio(a, b), &Ratio(c, d)) => cmp_fractions(a, b, c, d),
        }
    }
}

impl PartialOrd for Density {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// pabutools' `greedy_utilitarian_welfare(instance, profile, sat_class=sat)`.
pub fn greedy(instance: &Instance, sat: Satisfaction, tie: TieBreak) -> GreedyOutcome {
    run(instance, GreedyOptions::new(sat), &[], tie)
}

/// Greedy starting from projects already funded (pabutools' `initial_budget_allocation`):
/// they stay funded, their cost is taken from the budget, and the others are added greedily.
/// `selected` lists `initial` first, then the projects added.
pub fn greedy_with_initial(
    instance: &Instance,
    sat: Satisfaction,
    initial: &[ProjectIx],
    tie: TieBreak,
) -> GreedyOutcome {
    run(instance, GreedyOptions::new(sat), initial, tie)
}

/// Greedy that stops at the first project that does not fit.
pub fn greedy_no_skip(instance: &Instance, sat: Satisfaction, tie: TieBreak) -> GreedyOutcome {
    let options = GreedyOptions {
        skip: false,
        ..GreedyOptions::new(sat)
    };
    run(instance, options, &[], tie)
}

/// Greedy among the projects that meet `threshold`.
pub fn greedy_threshold(
    instance: &Instance,
    sat: Satisfaction,
    threshold: Threshold,
    tie: TieBreak,
) -> GreedyOutcome {
    let options = GreedyOptions {
        threshold: Some(threshold),
        ..GreedyOptions::new(sat)
    };
    run(instance, options, &[], tie)
}

/// The general greedy run.
pub fn run(
    instance: &Instance,
    options: GreedyOptions,
    initial: &[ProjectIx],
    tie: TieBreak,
) -> GreedyOutcome {
    let n = instance.num_projects();
    let mut funded = vec![false; n];
    let mut selected: Vec<ProjectIx> = Vec::with_capacity(n);
    for &p in initial {
        if p < n && !funded[p] {
            funded[p] = true;
            selected.push(p);
        }
    }
    let describe = |p: ProjectIx, rank, budget_left, status| GreedyProject {
        project: p,
        id: instance.ids[p].clone(),
        rank,
        cost: instance.costs[p],
        supporters: instance.supporters[p].len() as u64,
        utility: instance.total_utility(p),
        budget_left,
        status,
    };
    let mut report: Vec<GreedyProject> = selected
        .iter()
        .map(|&p| describe(p, 0, None, GreedyStatus::AlreadyFunded))
        .collect();

    let eligible = |p: &ProjectIx| options.threshold.is_none_or(|t| t.met(instance, *p));
    let (candidates, below): (Vec<ProjectIx>, Vec<ProjectIx>) = tie
        .order(instance)
        .into_iter()
        .filter(|&p| !funded[p])
        .partition(eligible);
    let densities: Vec<Density> = (0..n)
        .map(|p| Density::of(instance, options.sat, p))
        .collect();
    let mut ordered = candidates;
    // Stable sort: among equal densities the tie-breaking order is kept.
    ordered.sort_by(|&a, &b| densities[b].cmp(&densities[a]));

    let spent = u128::from(instance.cost_of(&selected));
    let mut left: u128 = u128::from(instance.budget).saturating_sub(spent);
    let mut stopped = false;
    for (k, &p) in ordered.iter().enumerate() {
        let cost = u128::from(instance.costs[p]);
        let budget_left = u64::try_from(left).ok();
        let status = if stopped {
            GreedyStatus::NotReached
        } else if spent > u128::from(instance.budget) || cost > left {
            // An initial allocation over the budget leaves nothing, not even for free projects
            // (pabutools compares against a negative remainder).
            if options.skip {
                GreedyStatus::DoesNotFit
            } else {
                stopped = true;
                GreedyStatus::StoppedHere
            }
        } else {
            left -= cost;
            selected.push(p);
            GreedyStatus::Funded
        };
        let reached = (status != GreedyStatus::NotReached)
            .then_some(budget_left)
            .flatten();
        report.push(describe(p, k + 1, reached, status));
    }
    report.extend(
        below
            .into_iter()
            .map(|p| describe(p, 0, None, GreedyStatus::BelowThreshold)),
    );
    GreedyOutcome {
        total_cost: instance.cost_of(&selected),
        selected,
        explanation: GreedyExplanation {
            satisfaction: sat_name(options.sat),
            skip: options.skip,
            threshold: options.threshold,
            budget: instance.budget,
            projects: report,
        },
    }
}

/// The pabutools name of a satisfaction.
pub fn sat_name(sat: Satisfaction) -> &'static str {
    match sat {
        Satisfaction::Cost => "cost",
        Satisfaction::Cardinality => "cardinality",
        Satisfaction::Points => "points",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inst(budget: u64, costs: &[u64], votes: &[&[u32]]) -> Instance {
        Instance {
            budget,
            costs: costs.to_vec(),
            ids: (0..costs.len()).map(|i| format!("p{i}")).collect(),
            voters: votes
                .iter()
                .flat_map(|v| v.iter())
                .max()
                .map_or(0, |m| m + 1),
            supporters: votes
                .iter()
                .map(|v| v.iter().map(|&x| (x, 1)).collect())
                .collect::<Vec<Vec<_>>>()
                .into(),
        }
    }

    #[test]
    fn skips_what_does_not_fit() {
        // Votes: p0 3, p1 2, p2 1. p1 does not fit after p0.
        let i = inst(10, &[6, 5, 4], &[&[0, 1, 2], &[0, 1], &[0]]);
        let o = greedy(&i, Satisfaction::Cost, TieBreak::default());
        assert_eq!(o.selected, vec![0, 2]);
        assert_eq!(o.total_cost, 10);
        let statuses: Vec<_> = o.explanation.projects.iter().map(|p| p.status).collect();
        assert_eq!(
            statuses,
            vec![
                GreedyStatus::Funded,
                GreedyStatus::DoesNotFit,
                GreedyStatus::Funded
            ]
        );
        assert_eq!(o.explanation.projects[1].budget_left, Some(4));
        let o = greedy_no_skip(&i, Satisfaction::Cost, TieBreak::default());
        assert_eq!(o.selected, vec![0]);
        assert_eq!(o.explanation.projects[2].status, GreedyStatus::NotReached);
    }

    #[test]
    fn cardinality_orders_by_votes_per_cost_and_ties_by_id() {
        // p0: 2 votes / 4 = 1/2; p1: 1 vote / 2 = 1/2; p2: 1/1. Tie p0/p1 -> "p0".
        let i = inst(100, &[4, 2, 1], &[&[0, 1], &[0], &[1]]);
        let o = greedy(&i, Satisfaction::Cardinality, TieBreak::default());
        assert_eq!(o.selected, vec![2, 0, 1]);
    }

    #[test]
    fn free_projects_first_unsupported_last() {
        let i = inst(5, &[0, 5, 3], &[&[0], &[], &[0]]);
        let o = greedy(&i, Satisfaction::Cardinality, TieBreak::default());
        assert_eq!(o.selected, vec![0, 2]);
        // With cost satisfaction a free project brings cost × votes = 0: it comes last, with
        // the unsupported ones, ties by id.
        let i = inst(10, &[0, 5, 3], &[&[0], &[], &[0]]);
        assert_eq!(
            greedy(&i, Satisfaction::Cost, TieBreak::default()).selected,
            vec![2, 0, 1]
        );
    }

    #[test]
    fn threshold_and_initial() {
        let i = inst(10, &[6, 5, 4], &[&[0, 1, 2], &[0, 1], &[0]]);
        let o = greedy_threshold(
            &i,
            Satisfaction::Cost,
            Threshold::Votes(2),
            TieBreak::default(),
        );
        assert_eq!(o.selected, vec![0]);
        assert_eq!(
            o.explanation.projects[2].status,
            GreedyStatus::BelowThreshold
        );
        let share = Threshold::Share {
            numerator: 1,
            denominator: 2,
        };
        assert!(share.met(&i, 1) && !share.met(&i, 2));
        let o = greedy_with_initial(&i, Satisfaction::Cost, &[1], TieBreak::default());
        assert_eq!(o.selected, vec![1, 2]);
        assert_eq!(o.total_cost, 9);
    }
}
