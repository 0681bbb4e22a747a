//! Counting a budget with the `pb` engine, and the published forms of the vote: the Pabulib
//! file of the anonymised ballots and the result document. Pure: the store loads the rows,
//! this module builds the election, counts it and explains every project.
//!
//! The count goes through the very file that is published: the ballots become a Pabulib
//! election (`pb::pabulib::ElectionBuilder`), the engine counts that election's instance.
//! Anyone who downloads `/budgets/{id}/ballots.pb` and counts it with the rule named in its
//! META section (here or with pabutools) gets the published result.

use serde::Serialize;

use pb::completion::{CompletionOutcome, Phase as MesPhase, mes_exhaustion};
use pb::greedy::{GreedyExplanation, GreedyStatus, greedy};
use pb::mes::{NotFunded, Q};
use pb::pabulib::{Election, ElectionBuilder};
use pb::phragmen::{PhragmenStatus, sequential_phragmen};
use pb::{Instance, Satisfaction, TieBreak};

use super::model::{BallotType, CountingRule, Money};

/// A project on the ballot, as counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountProject {
    /// Id.
    pub id: i64,
    /// Title (published in the file's `name` column).
    pub title: String,
    /// Category code.
    pub category: String,
    /// Final cost.
    pub cost: Money,
}

/// Everything needed to count one budget.
#[derive(Debug, Clone)]
pub struct CountInput<'a> {
    /// Budget id.
    pub budget_id: i64,
    /// Budget name.
    pub budget_name: &'a str,
    /// Campaign title.
    pub campaign_title: &'a str,
    /// Amount.
    pub amount: Money,
    /// Ballot type.
    pub ballot: BallotType,
    /// Rule.
    pub rule: CountingRule,
    /// Voting dates (Unix seconds) for META `date_begin`/`date_end`.
    pub voting: (i64, i64),
    /// Projects on the ballot.
    pub projects: &'a [CountProject],
    /// Ballots: (receipt hash, stored choices `id` or `id:points`, comma-separated).
    pub ballots: &'a [(String, String)],
}

/// Why a budget could not be counted (data written outside the application).
#[derive(Debug, thiserror::Error)]
pub enum CountError {
    /// A stored ballot that is not in the stored form.
    #[error("ballot {0} is malformed")]
    Ballot(String),
    /// The engine refused the election (e.g. a ballot naming a project not on the ballot).
    #[error("the engine refused the ballots: {0}")]
    Engine(String),
}

fn ymd(unix: i64) -> String {
    let z = crate::platform::i18n::to_casablanca(unix);
    format!("{:02}.{:02}.{}", z.day(), z.month(), z.year())
}

/// The Pabulib rule key written in META `rule` (what to recount the file with).
pub fn pabulib_rule(rule: CountingRule, ballot: BallotType) -> &'static str {
    match (rule, ballot.has_points()) {
        (CountingRule::EqualSharesThenGreedy, false) => "mes_cost_add1_noexhstop_greedy",
        (CountingRule::EqualSharesThenGreedy, true) => "mes_points_add1_noexhstop_greedy",
        (CountingRule::EqualShares, false) => "mes_cost_add1_noexhstop",
        (CountingRule::EqualShares, true) => "mes_points_add1_noexhstop",
        (CountingRule::Greedy, false) => "greedy_cost",
        (CountingRule::Greedy, true) => "greedy_points",
        (CountingRule::SequentialPhragmen, _) => "seq_phragmen",
    }
}

/// Builds the Pabulib election of a budget: META, one row per project on the ballot, one row
/// per ballot with its receipt hash as `voter_id`.
pub fn election(input: &CountInput<'_>) -> Result<Election, CountError> {
    let points = input.ballot.has_points();
    let vote_type = if points { "cumulative" } else { "approval" };
    let mut b = ElectionBuilder::new()
        .meta(
            "description",
            &format!("{} — {}", input.campaign_title, input.budget_name),
        )
        .meta("country", "Morocco")
        .meta("unit", input.budget_name)
        .meta("instance", &input.budget_id.to_string())
        .meta("num_projects", &input.projects.len().to_string())
        .meta("num_votes", &input.ballots.len().to_string())
        .meta("budget", &input.amount.pabulib())
        .meta("vote_type", vote_type)
        .meta("rule", pabulib_rule(input.rule, input.ballot))
        .meta("currency", "MAD")
        .meta("date_begin", &ymd(input.voting.0))
        .meta("date_end", &ymd(input.voting.1));
    b = match input.ballot {
        BallotType::Approval { min, max } => b
            .meta("min_length", &min.to_string())
            .meta("max_length", &max.to_string()),
        BallotType::Knapsack => b.meta("max_sum_cost", &input.amount.pabulib()),
        BallotType::Cumulative {
            points,
            max_per_project,
        } => b
            .meta("max_sum_points", &points.to_string())
            .meta("max_points", &max_per_project.to_string()),
    };
    b = b.project_columns(&["project_id", "cost", "name", "category"]);
    for p in input.projects {
        b = b.project(&[
            Some(&p.id.to_string()),
            Some(&p.cost.pabulib()),
            Some(&p.title),
            Some(&p.category),
        ]);
    }
    b = if points {
        b.vote_columns(&["voter_id", "vote", "points"])
    } else {
        b.vote_columns(&["voter_id", "vote"])
    };
    for (receipt, choices) in input.ballots {
        let mut ids = Vec::new();
        let mut pts = Vec::new();
        for item in choices.split(',').filter(|s| !s.is_empty()) {
            match item.split_once(':') {
                Some((id, p)) => {
                    ids.push(id);
                    pts.push(p);
                }
                None => ids.push(item),
            }
        }
        if ids.iter().any(|id| id.parse::<i64>().is_err()) || (points && pts.len() != ids.len()) {
            return Err(CountError::Ballot(receipt.clone()));
        }
        let vote = ids.join(",");
        let points_cell = pts.join(",");
        b = if points {
            b.ballot(&[Some(receipt), Some(&vote), Some(&points_cell)])
        } else {
            b.ballot(&[Some(receipt), Some(&vote)])
        };
    }
    b.build().map_err(|e| CountError::Engine(e.to_string()))
}

/// Why a project was or was not funded, in data the results page translates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Equal Shares bought it at step `step`: its supporters shared the cost, none paying
    /// more than `max_paid`.
    SharesBought {
        /// Purchase number.
        step: usize,
        /// Supporters who paid.
        payers: u64,
        /// Most one supporter paid (dirhams, for reading).
        max_paid: String,
    },
    /// Equal Shares could not buy it: its supporters had `supporters_money` left between
    /// them when counting stopped, less than its cost.
    SharesNotAffordable {
        /// Supporters' remaining money (dirhams, for reading).
        supporters_money: String,
    },
    /// Funded by the greedy pass: `left` was still unspent when it was reached.
    GreedyFunded {
        /// Position in the greedy order.
        rank: usize,
        /// Money left before paying for it.
        left: Money,
    },
    /// Reached by the greedy pass but more expensive than what was left.
    GreedyDoesNotFit {
        /// Position in the greedy order.
        rank: usize,
        /// Money left when reached.
        left: Money,
    },
    /// Funded by Phragmén in round `round`.
    PhragmenFunded {
        /// Round.
        round: usize,
    },
    /// Phragmén stopped before it (the next project did not fit).
    PhragmenStopped,
    /// Costs more than the whole budget.
    TooExpensive,
    /// Nobody voted for it.
    NoSupporters,
}

/// One project in the published result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectResult {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Category.
    pub category: String,
    /// Cost.
    pub cost: Money,
    /// Ballots naming it.
    pub votes: u64,
    /// Points (cumulative ballots; equals votes otherwise).
    pub points: u64,
    /// Funded.
    pub funded: bool,
    /// Why, in order (e.g. not affordable under Equal Shares, then funded by greedy).
    pub reasons: Vec<Reason>,
}

/// The published result of one budget (`/budgets/{id}/results.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetResult {
    /// Budget id.
    pub budget_id: i64,
    /// Budget name.
    pub budget_name: String,
    /// The platform's rule code.
    pub rule: String,
    /// The Pabulib/pabutools rule key to recount `ballots.pb` with.
    pub engine_rule: String,
    /// Tie-break: pabutools' default (smallest project id as a string).
    pub tie_break: String,
    /// Amount.
    pub budget: Money,
    /// Ballots counted.
    pub ballots: u64,
    /// Funded project ids in selection order.
    pub funded: Vec<i64>,
    /// Money used.
    pub used: Money,
    /// Money left.
    pub left: Money,
    /// Every project, funded first in selection order, then the others by votes.
    pub projects: Vec<ProjectResult>,
    /// The engine's own explanation as text (English, exact figures).
    pub engine_explanation: String,
}

/// Amount in instance units → money (the file's amounts have at most 2 decimals).
fn money(units: u64, scale: u32) -> Money {
    let factor = 10i64.pow(2u32.saturating_sub(scale));
    Money(
        i64::try_from(units)
            .unwrap_or(i64::MAX)
            .saturating_mul(factor),
    )
}

/// A decimal string in instance units, as dirhams for reading (display only, never decides).
fn dirhams(decimal: &str, scale: u32) -> String {
    let v: f64 = decimal.parse().unwrap_or(0.0);
    format!("{:.2}", v / 10f64.powi(scale as i32))
}

/// Runs the Equal Shares completion used by real elections (one currency unit more per
/// voter per round, until the next round would overspend), optionally then greedy.
fn equal_shares(
    instance: &Instance,
    sat: Satisfaction,
    unit: u64,
    then_greedy: bool,
) -> CompletionOutcome {
    let step = Q::int(i128::from(instance.voters) * i128::from(unit));
    mes_exhaustion(
        instance,
        sat,
        TieBreak::Lexicographic,
        &step,
        false,
        then_greedy,
        true,
    )
}

/// Counts an election built by [`election`] with `rule`.
pub fn count(
    election: &Election,
    rule: CountingRule,
    ballot: BallotType,
    budget_id: i64,
    budget_name: &str,
    projects: &[CountProject],
) -> Result<BudgetResult, CountError> {
    let instance = election
        .instance()
        .map_err(|e| CountError::Engine(e.to_string()))?;
    let scale = election.money_scale();
    let unit = 10u64.pow(scale);
    let sat = if ballot.has_points() {
        Satisfaction::Points
    } else {
        Satisfaction::Cost
    };
    let n = instance.num_projects();
    let mut reasons: Vec<Vec<Reason>> = vec![Vec::new(); n];
    let (selected, text) = match rule {
        CountingRule::EqualSharesThenGreedy | CountingRule::EqualShares => {
            let o = equal_shares(
                &instance,
                sat,
                unit,
                rule == CountingRule::EqualSharesThenGreedy,
            );
            let text = o
                .explanation
                .as_ref()
                .map(|e| e.to_text())
                .unwrap_or_default();
            if let Some(e) = &o.explanation {
                let kept: Vec<usize> = o
                    .selected
                    .iter()
                    .zip(&o.phases)
                    .filter(|(_, ph)| **ph == MesPhase::Mes)
                    .map(|(p, _)| *p)
                    .collect();
                for purchase in &e.mes.purchases {
                    if !kept.contains(&purchase.project) {
                        continue;
                    }
                    let payers = purchase
                        .payments
                        .iter()
                        .map(|g| g.voters.len() as u64)
                        .sum();
                    let max_paid = purchase
                        .payments
                        .iter()
                        .map(|g| g.paid_decimal.parse::<f64>().unwrap_or(0.0))
                        .fold(0.0f64, f64::max);
                    reasons[purchase.project].push(Reason::SharesBought {
                        step: purchase.step,
                        payers,
                        max_paid: dirhams(&max_paid.to_string(), scale),
                    });
                }
                for (id, why) in &e.mes.not_funded {
                    let Some(p) = instance.ids.iter().position(|x| x == id) else {
                        continue;
                    };
                    reasons[p].push(match why {
                        NotFunded::NoSupporters => Reason::NoSupporters,
                        NotFunded::TooExpensive { .. } => Reason::TooExpensive,
                        NotFunded::NotAffordable {
                            supporters_money_decimal,
                            ..
                        } => Reason::SharesNotAffordable {
                            supporters_money: dirhams(supporters_money_decimal, scale),
                        },
                    });
                }
                if let Some(g) = &e.greedy {
                    greedy_reasons(g, scale, &mut reasons);
                }
            }
            (o.selected, text)
        }
        CountingRule::Greedy => {
            let o = greedy(&instance, sat, TieBreak::Lexicographic);
            greedy_reasons(&o.explanation, scale, &mut reasons);
            let text = pb::explain::greedy_text(&o.explanation, scale);
            (o.selected, text)
        }
        CountingRule::SequentialPhragmen => {
            let o = sequential_phragmen(&instance, TieBreak::Lexicographic);
            for p in &o.explanation.projects {
                reasons[p.project].push(match &p.status {
                    PhragmenStatus::Funded { round, .. } => {
                        Reason::PhragmenFunded { round: *round }
                    }
                    PhragmenStatus::Stopped { .. } if p.supporters == 0 => Reason::NoSupporters,
                    PhragmenStatus::Stopped { .. } => Reason::PhragmenStopped,
                    PhragmenStatus::OverBudget => Reason::TooExpensive,
                });
            }
            let text = pb::explain::phragmen_text(&o.explanation, scale);
            (o.selected, text)
        }
    };
    let used = instance.cost_of(&selected);
    let budget = money(instance.budget, scale);
    let mut out: Vec<ProjectResult> = Vec::with_capacity(n);
    let by_id = |ix: usize| -> Option<&CountProject> {
        let id: i64 = instance.ids[ix].parse().ok()?;
        projects.iter().find(|p| p.id == id)
    };
    let mut order: Vec<usize> = selected.clone();
    let mut rest: Vec<usize> = (0..n).filter(|p| !selected.contains(p)).collect();
    rest.sort_by_key(|&p| std::cmp::Reverse(instance.supporters[p].len()));
    order.extend(rest);
    for ix in order {
        let p =
            by_id(ix).ok_or_else(|| CountError::Engine(format!("project {}", instance.ids[ix])))?;
        out.push(ProjectResult {
            id: p.id,
            title: p.title.clone(),
            category: p.category.clone(),
            cost: p.cost,
            votes: instance.supporters[ix].len() as u64,
            points: u64::try_from(instance.total_utility(ix)).unwrap_or(u64::MAX),
            funded: selected.contains(&ix),
            reasons: std::mem::take(&mut reasons[ix]),
        });
    }
    Ok(BudgetResult {
        budget_id,
        budget_name: budget_name.to_owned(),
        rule: rule.code().to_owned(),
        engine_rule: pabulib_rule(rule, ballot).to_owned(),
        tie_break: "lexicographic".to_owned(),
        budget,
        ballots: u64::from(instance.voters),
        funded: out.iter().filter(|p| p.funded).map(|p| p.id).collect(),
        used: money(used, scale),
        left: Money(budget.0 - money(used, scale).0),
        projects: out,
        engine_explanation: text,
    })
}

fn greedy_reasons(g: &GreedyExplanation, scale: u32, reasons: &mut [Vec<Reason>]) {
    for p in &g.projects {
        let left = money(p.budget_left.unwrap_or(0), scale);
        let r = match p.status {
            GreedyStatus::Funded => Reason::GreedyFunded { rank: p.rank, left },
            GreedyStatus::DoesNotFit | GreedyStatus::StoppedHere => {
                Reason::GreedyDoesNotFit { rank: p.rank, left }
            }
            _ => continue,
        };
        if p.supporters == 0 && !matches!(r, Reason::GreedyFunded { .. }) {
            continue;
        }
        reasons[p.project].push(r);
    }
}

/// Recounts a published Pabulib file with the rule named in its META section and returns the
/// funded project ids in selection order: what anyone can do to check a result.
pub fn recount_file(text: &str, ballot: BallotType) -> Result<Vec<i64>, CountError> {
    let election = pb::pabulib::parse_str(text).map_err(|e| CountError::Engine(e.to_string()))?;
    let key = election.meta_value("rule").unwrap_or_default().to_owned();
    let rule = CountingRule::ALL
        .into_iter()
        .find(|r| pabulib_rule(*r, ballot) == key)
        .ok_or_else(|| CountError::Engine(format!("unknown rule {key}")))?;
    let projects: Vec<CountProject> = election
        .projects()
        .iter()
        .map(|p| CountProject {
            id: p.id.parse().unwrap_or(-1),
            title: String::new(),
            category: String::new(),
            cost: Money(0),
        })
        .collect();
    let r = count(&election, rule, ballot, 0, "", &projects)?;
    Ok(r.funded)
}
