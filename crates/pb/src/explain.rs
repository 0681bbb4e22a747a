//! Explanations as plain text (English), one line per project.
//!
//! The data behind these lines is in each rule's explanation type; a user interface that
//! translates them should work from that data, not from this text.

use std::fmt::Write as _;

use crate::decimal::format_scaled;
use crate::greedy::{GreedyExplanation, GreedyStatus, Threshold};
use crate::max_welfare::MaxWelfareExplanation;
use crate::phragmen::{PhragmenExplanation, PhragmenStatus};
use crate::rules::Explanation;

/// Writes an amount of money stored in units of `10^-scale`.
fn money(units: u64, scale: u32) -> String {
    format_scaled(i128::from(units), scale)
}

impl Explanation {
    /// The explanation as text; `money_scale` is [`crate::Election::money_scale`] (amounts in
    /// the instance are in units of `10^-money_scale`).
    pub fn to_text(&self, money_scale: u32) -> String {
        match self {
            Explanation::Greedy(e) => greedy_text(e, money_scale),
            Explanation::MaxWelfare(e) => max_welfare_text(e, money_scale),
            Explanation::Phragmen(e) => phragmen_text(e, money_scale),
            Explanation::Mes(e) => e.to_text(),
            Explanation::MesCompletion(e) => e.to_text(),
        }
    }
}

fn threshold_text(t: &Threshold) -> String {
    match *t {
        Threshold::Votes(n) => format!("{n} votes"),
        Threshold::Share {
            numerator,
            denominator,
        } => format!("{numerator}/{denominator} of the voters"),
        Threshold::Utility(n) => format!("{n} points"),
    }
}

/// Greedy: every project with its rank, cost, support and the budget left when reached.
pub fn greedy_text(e: &GreedyExplanation, scale: u32) -> String {
    let mut out = String::new();
    let order = match e.satisfaction {
        "cost" => "number of votes",
        "cardinality" => "votes per unit of cost",
        _ => "points per unit of cost",
    };
    let mode = if e.skip {
        "skipping projects that do not fit"
    } else {
        "stopping at the first project that does not fit"
    };
    let _ = writeln!(
        out,
        "Greedy by {order}, {mode}. Budget {}.",
        money(e.budget, scale)
    );
    if let Some(t) = &e.threshold {
        let _ = writeln!(out, "Projects need at least {}.", threshold_text(t));
    }
    for p in &e.projects {
        let support = if e.satisfaction == "points" {
            format!("{} votes, {} points", p.supporters, p.utility)
        } else {
            format!("{} votes", p.supporters)
        };
        let head = if p.rank > 0 {
            format!("#{} {}", p.rank, p.id)
        } else {
            p.id.clone()
        };
        let left = p.budget_left.map(|l| money(l, scale)).unwrap_or_default();
        let what = match p.status {
            GreedyStatus::AlreadyFunded => "already funded before this rule".to_owned(),
            GreedyStatus::Funded => format!("{left} left -> funded"),
            GreedyStatus::DoesNotFit => format!("{left} left -> skipped, does not fit"),
            GreedyStatus::StoppedHere => {
                format!("{left} left -> does not fit, counting stops here")
            }
            GreedyStatus::NotReached => "not reached, counting had stopped".to_owned(),
            GreedyStatus::BelowThreshold => "below the threshold, not considered".to_owned(),
        };
        let _ = writeln!(
            out,
            "{head}: cost {}, {support}; {what}",
            money(p.cost, scale)
        );
    }
    out
}

/// Maximum welfare: the optimum and each project's contribution.
pub fn max_welfare_text(e: &MaxWelfareExplanation, scale: u32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Maximum total satisfaction ({}): {} within the budget {} (greedy reaches {}); no other allocation within the budget does better.",
        e.satisfaction,
        e.objective,
        money(e.budget, scale),
        e.greedy_objective
    );
    for p in &e.projects {
        let _ = writeln!(
            out,
            "{}: cost {}, satisfaction {} -> {}",
            p.id,
            money(p.cost, scale),
            p.welfare,
            if p.funded { "funded" } else { "not funded" }
        );
    }
    out
}

/// Sequential Phragmén: the rounds, then why the rest was not bought.
pub fn phragmen_text(e: &PhragmenExplanation, scale: u32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Sequential Phragmen with budget {}: each round buys the project whose supporters end with the lowest load (money per voter).",
        money(e.budget, scale)
    );
    let mut funded: Vec<_> = e
        .projects
        .iter()
        .filter_map(|p| match &p.status {
            PhragmenStatus::Funded {
                round,
                load,
                load_approx,
            } => Some((*round, p, load, load_approx)),
            _ => None,
        })
        .collect();
    funded.sort_by_key(|f| f.0);
    for (round, p, load, approx) in funded {
        let _ = writeln!(
            out,
            "round {round}: {} (cost {}, {} votes) funded, supporters' load {load} (~{approx})",
            p.id,
            money(p.cost, scale),
            p.supporters
        );
    }
    for p in &e.projects {
        match &p.status {
            PhragmenStatus::Funded { .. } => {}
            PhragmenStatus::Stopped { load, stopped_by } => {
                let need = load.as_deref().map_or_else(
                    || "nobody supports it".to_owned(),
                    |l| format!("would need load {l}"),
                );
                let _ = writeln!(
                    out,
                    "{}: not funded, {need}; counting stopped when {stopped_by} did not fit",
                    p.id
                );
            }
            PhragmenStatus::OverBudget => {
                let _ = writeln!(
                    out,
                    "{}: not funded, costs {} which is more than the budget",
                    p.id,
                    money(p.cost, scale)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::instance::{Instance, TieBreak};
    use crate::rules::{Rule, tally};
    use crate::{Satisfaction, greedy::Threshold};

    fn inst() -> Instance {
        Instance {
            budget: 100,
            costs: vec![60, 50, 30],
            ids: vec!["a".into(), "b".into(), "c".into()],
            voters: 3,
            supporters: vec![
                vec![(0, 1), (1, 1), (2, 1)],
                vec![(0, 1), (1, 1)],
                vec![(2, 1)],
            ]
            .into(),
        }
    }

    #[test]
    fn greedy_text_gives_rank_cost_and_budget_left() {
        let o = tally(
            &inst(),
            &Rule::Greedy(Satisfaction::Cost),
            TieBreak::default(),
        );
        let t = o.explanation.to_text(1);
        assert!(t.contains("Budget 10.0."), "{t}");
        assert!(
            t.contains("#1 a: cost 6.0, 3 votes; 10.0 left -> funded"),
            "{t}"
        );
        assert!(
            t.contains("#2 b: cost 5.0, 2 votes; 4.0 left -> skipped, does not fit"),
            "{t}"
        );
        let o = tally(
            &inst(),
            &Rule::GreedyThreshold(Satisfaction::Cost, Threshold::Votes(2)),
            TieBreak::default(),
        );
        assert!(
            o.explanation
                .to_text(0)
                .contains("c: cost 30, 1 votes; below the threshold")
        );
    }

    #[test]
    fn phragmen_and_welfare_text() {
        let o = tally(&inst(), &Rule::SequentialPhragmen, TieBreak::default());
        let t = o.explanation.to_text(0);
        assert!(
            t.contains("round 1: a (cost 60, 3 votes) funded, supporters' load 20"),
            "{t}"
        );
        assert!(t.contains("counting stopped when"), "{t}");
        let o = tally(
            &inst(),
            &Rule::MaxWelfare(Satisfaction::Cost),
            TieBreak::default(),
        );
        let t = o.explanation.to_text(0);
        assert!(t.contains("Maximum total satisfaction (cost): 210"), "{t}");
        let json = serde_json::to_string(&o).unwrap();
        assert!(json.contains("\"kind\":\"max_welfare\""), "{json}");
    }
}
