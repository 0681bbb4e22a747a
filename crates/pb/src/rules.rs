//! Every counting rule behind one enum, and [`tally`] to run any of them.

use serde::Serialize;

use crate::greedy::{self, GreedyExplanation, GreedyOptions, Threshold};
use crate::instance::{Instance, ProjectIx, Satisfaction, TieBreak};
use crate::max_welfare::{self, MaxWelfareExplanation};
use crate::phragmen::{self, PhragmenExplanation};

/// A counting rule with its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Greedy utilitarian welfare, skipping what does not fit (pabutools'
    /// `greedy_utilitarian_welfare`).
    Greedy(Satisfaction),
    /// Greedy that stops at the first project that does not fit.
    GreedyNoSkip(Satisfaction),
    /// Greedy among projects meeting a minimum support.
    GreedyThreshold(Satisfaction, Threshold),
    /// Maximum utilitarian welfare: the exact knapsack (pabutools'
    /// `max_additive_utilitarian_welfare`).
    MaxWelfare(Satisfaction),
    /// Sequential Phragmén (pabutools' `sequential_phragmen`): stops at the first project
    /// that does not fit.
    SequentialPhragmen,
}

/// A rule key that is not known, or that needs a threshold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// Unknown key.
    #[error("unknown rule {0:?}")]
    Unknown(String),
    /// A threshold rule without a threshold.
    #[error("rule {0:?} needs a threshold")]
    NeedsThreshold(String),
}

/// Key and one-line description of every rule, in the order `--help` shows them.
pub const RULES: &[(&str, &str)] = &[
    (
        "greedy_cost",
        "Greedy by number of votes, skipping projects that do not fit (pabutools greedy, Cost_Sat)",
    ),
    (
        "greedy_card",
        "Greedy by votes per unit of cost, skipping what does not fit (Cardinality_Sat)",
    ),
    (
        "greedy_points",
        "Greedy by points per unit of cost, skipping what does not fit (Additive_Cardinal_Sat)",
    ),
    (
        "greedy_noskip_cost",
        "Greedy by number of votes, stopping at the first project that does not fit",
    ),
    (
        "greedy_noskip_points",
        "Greedy by points per unit of cost, stopping at the first project that does not fit",
    ),
    (
        "greedy_threshold_cost",
        "Greedy by number of votes among projects with at least the threshold of votes",
    ),
    (
        "greedy_threshold_points",
        "Greedy by points per unit of cost among projects with at least the threshold of points",
    ),
    (
        "max_welfare_cost",
        "Maximum utilitarian welfare: the allocation maximising total cost x votes (exact knapsack)",
    ),
    (
        "max_welfare_card",
        "Maximum utilitarian welfare with cardinality satisfaction (most approvals funded)",
    ),
    (
        "max_welfare_points",
        "Maximum utilitarian welfare with points (most points funded)",
    ),
    (
        "seq_phragmen",
        "Sequential Phragmen: supporters share loads, lowest new load first, stops at the first project that does not fit",
    ),
];

fn sat_key(sat: Satisfaction) -> &'static str {
    match sat {
        Satisfaction::Cost => "cost",
        Satisfaction::Cardinality => "card",
        Satisfaction::Points => "points",
    }
}

fn sat_from_key(key: &str) -> Option<Satisfaction> {
    match key {
        "cost" => Some(Satisfaction::Cost),
        "card" => Some(Satisfaction::Cardinality),
        "points" => Some(Satisfaction::Points),
        _ => None,
    }
}

impl Rule {
    /// The rule named `key` (as in [`RULES`] and the fixtures' expected files). Threshold
    /// rules take `threshold`.
    pub fn from_key(key: &str, threshold: Option<Threshold>) -> Result<Rule, RuleError> {
        let unknown = || RuleError::Unknown(key.to_owned());
        if let Some(sat) = key.strip_prefix("greedy_noskip_") {
            return sat_from_key(sat)
                .map(Rule::GreedyNoSkip)
                .ok_or_else(unknown);
        }
        if let Some(sat) = key.strip_prefix("greedy_threshold_") {
            let sat = sat_from_key(sat).ok_or_else(unknown)?;
            let t = threshold.ok_or_else(|| RuleError::NeedsThreshold(key.to_owned()))?;
            return Ok(Rule::GreedyThreshold(sat, t));
        }
        if key == "seq_phragmen" {
            return Ok(Rule::SequentialPhragmen);
        }
        if let Some(sat) = key.strip_prefix("max_welfare_") {
            return sat_from_key(sat).map(Rule::MaxWelfare).ok_or_else(unknown);
        }
        if let Some(sat) = key.strip_prefix("greedy_") {
            return sat_from_key(sat).map(Rule::Greedy).ok_or_else(unknown);
        }
        Err(unknown())
    }

    /// The key of this rule.
    pub fn key(&self) -> String {
        match self {
            Rule::Greedy(s) => format!("greedy_{}", sat_key(*s)),
            Rule::GreedyNoSkip(s) => format!("greedy_noskip_{}", sat_key(*s)),
            Rule::GreedyThreshold(s, _) => format!("greedy_threshold_{}", sat_key(*s)),
            Rule::MaxWelfare(s) => format!("max_welfare_{}", sat_key(*s)),
            Rule::SequentialPhragmen => "seq_phragmen".to_owned(),
        }
    }
}

/// Why a rule funded what it funded, rule by rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Explanation {
    /// A greedy run.
    Greedy(GreedyExplanation),
    /// The welfare-maximising allocation.
    MaxWelfare(MaxWelfareExplanation),
    /// Sequential Phragmén's rounds.
    Phragmen(PhragmenExplanation),
}

/// The result of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Rule key.
    pub rule: String,
    /// Funded projects in selection order.
    pub selected: Vec<ProjectIx>,
    /// Their total cost.
    pub total_cost: u64,
    /// Why.
    pub explanation: Explanation,
}

impl Outcome {
    /// The ids of the funded projects, in selection order.
    pub fn selected_ids<'a>(&self, instance: &'a Instance) -> Vec<&'a str> {
        self.selected
            .iter()
            .map(|&p| instance.ids[p].as_str())
            .collect()
    }
}

/// Runs `rule` on `instance`, breaking ties with `tie`.
pub fn tally(instance: &Instance, rule: &Rule, tie: TieBreak) -> Outcome {
    let greedy_outcome = |options: GreedyOptions| {
        let o = greedy::run(instance, options, &[], tie);
        (o.selected, o.total_cost, Explanation::Greedy(o.explanation))
    };
    let (selected, total_cost, explanation) = match *rule {
        Rule::Greedy(sat) => greedy_outcome(GreedyOptions::new(sat)),
        Rule::GreedyNoSkip(sat) => greedy_outcome(GreedyOptions {
            skip: false,
            ..GreedyOptions::new(sat)
        }),
        Rule::GreedyThreshold(sat, t) => greedy_outcome(GreedyOptions {
            threshold: Some(t),
            ..GreedyOptions::new(sat)
        }),
        Rule::MaxWelfare(sat) => {
            let o = max_welfare::max_welfare(instance, sat);
            (
                o.selected,
                o.total_cost,
                Explanation::MaxWelfare(o.explanation),
            )
        }
        Rule::SequentialPhragmen => {
            let o = phragmen::sequential_phragmen(instance, tie);
            (
                o.selected,
                o.total_cost,
                Explanation::Phragmen(o.explanation),
            )
        }
    };
    Outcome {
        rule: rule.key(),
        selected,
        total_cost,
        explanation,
    }
}
