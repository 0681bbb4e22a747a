//! Every counting rule behind one enum, and [`tally`] to run any of them.

use serde::Serialize;

use crate::completion::{self, CompletionExplanation, CompletionOutcome};
use crate::greedy::{self, GreedyExplanation, GreedyOptions, Threshold};
use crate::instance::{Instance, ProjectIx, Satisfaction, TieBreak};
use crate::max_welfare::{self, MaxWelfareExplanation};
use crate::mes::{self, MesExplanation};
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
    /// Method of Equal Shares, no completion (pabutools' `method_of_equal_shares`).
    Mes(Satisfaction),
    /// MES (cost satisfaction) with pabutools' built-in Add1: `unit` more per voter per
    /// round until the outcome is exhaustive over the supported projects.
    MesAdd1 {
        /// One currency unit in the instance's money unit (`10^money_scale`).
        unit: u64,
    },
    /// Add1, then greedy by votes.
    MesAdd1Greedy {
        /// One currency unit in the instance's money unit.
        unit: u64,
    },
    /// MES with the budget raised by 1 % steps until exhaustive, then greedy by votes.
    MesExhGreedy,
    /// MES, one currency unit more per voter per round, stopping only when the next round
    /// would overspend (the real rule of Assen 2024, Świecie 2023, Wieliczka 2023).
    MesAdd1NoExhStop {
        /// One currency unit in the instance's money unit.
        unit: u64,
    },
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
    (
        "mes_cost",
        "Method of Equal Shares, cost satisfaction, no completion (pabutools method_of_equal_shares)",
    ),
    (
        "mes_card",
        "Method of Equal Shares, cardinality satisfaction, no completion",
    ),
    (
        "mes_points",
        "Method of Equal Shares, points satisfaction, no completion",
    ),
    (
        "mes_cost_add1",
        "Equal Shares, +1 currency unit per voter per round until exhaustive over supported projects (pabutools Add1)",
    ),
    ("mes_cost_add1u", "Equal Shares Add1, then greedy by votes"),
    (
        "mes_cost_exh_greedy",
        "Equal Shares with the budget raised in 1% steps until exhaustive, then greedy by votes",
    ),
    (
        "mes_cost_add1_noexhstop",
        "Equal Shares, +1 per voter per round until the next round would overspend (Assen 2024, Swiecie 2023, Wieliczka 2023)",
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
        // `mes-cost-add1` and `mes_cost_add1` name the same rule.
        let normalized = key.replace('-', "_");
        let key = normalized.as_str();
        match key {
            "mes_cost_add1" => return Ok(Rule::MesAdd1 { unit: 1 }),
            "mes_cost_add1u" => return Ok(Rule::MesAdd1Greedy { unit: 1 }),
            "mes_cost_exh_greedy" => return Ok(Rule::MesExhGreedy),
            "mes_cost_add1_noexhstop" => return Ok(Rule::MesAdd1NoExhStop { unit: 1 }),
            _ => {}
        }
        if let Some(sat) = key.strip_prefix("mes_") {
            return sat_from_key(sat).map(Rule::Mes).ok_or_else(unknown);
        }
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
            Rule::Mes(s) => format!("mes_{}", sat_key(*s)),
            Rule::MesAdd1 { .. } => "mes_cost_add1".to_owned(),
            Rule::MesAdd1Greedy { .. } => "mes_cost_add1u".to_owned(),
            Rule::MesExhGreedy => "mes_cost_exh_greedy".to_owned(),
            Rule::MesAdd1NoExhStop { .. } => "mes_cost_add1_noexhstop".to_owned(),
        }
    }

    /// The same rule for an instance whose money is scaled by `10^money_scale` (decimal
    /// costs): the "add one" rules then add one currency unit, `10^money_scale` instance
    /// units, as pabutools does.
    pub fn in_currency_units(self, money_scale: u32) -> Rule {
        let unit = 10u64.saturating_pow(money_scale);
        match self {
            Rule::MesAdd1 { .. } => Rule::MesAdd1 { unit },
            Rule::MesAdd1Greedy { .. } => Rule::MesAdd1Greedy { unit },
            Rule::MesAdd1NoExhStop { .. } => Rule::MesAdd1NoExhStop { unit },
            other => other,
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
    /// An Equal Shares run.
    Mes(MesExplanation),
    /// A completed Equal Shares rule: the MES round kept, then the greedy pass if any.
    MesCompletion(CompletionExplanation),
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

fn completed(o: CompletionOutcome) -> (Vec<ProjectIx>, u64, Explanation) {
    (
        o.selected,
        o.total_cost,
        Explanation::MesCompletion(o.explanation.unwrap_or_default()),
    )
}

/// Runs `rule` on `instance`, breaking ties with `tie`, with the full explanation.
pub fn tally(instance: &Instance, rule: &Rule, tie: TieBreak) -> Outcome {
    tally_with(instance, rule, tie, true)
}

/// Runs `rule` on `instance`. With `explain` false, the Equal Shares rules skip their
/// explanation (every purchase, who paid what, exactly: it re-runs MES step by step with
/// exact fractions, which costs more time and memory than the rule itself on large files)
/// and leave it empty; the other rules always explain (it costs next to nothing). For
/// callers that need only the selection, e.g. `pb tally` without `--json`.
pub fn tally_with(instance: &Instance, rule: &Rule, tie: TieBreak, explain: bool) -> Outcome {
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
        Rule::Mes(sat) if explain => {
            let (o, e) = mes::method_of_equal_shares_explained(instance, sat, tie);
            (o.selected, o.total_cost, Explanation::Mes(e))
        }
        Rule::Mes(sat) => {
            let o = mes::method_of_equal_shares(instance, sat, tie);
            (
                o.selected,
                o.total_cost,
                Explanation::Mes(MesExplanation::default()),
            )
        }
        Rule::MesAdd1 { unit } => completed(completion::mes_add1(
            instance,
            Satisfaction::Cost,
            tie,
            unit,
            explain,
        )),
        Rule::MesAdd1Greedy { unit } => completed(completion::mes_add1_greedy(
            instance,
            Satisfaction::Cost,
            tie,
            unit,
            explain,
        )),
        Rule::MesExhGreedy => completed(completion::mes_exh_greedy(instance, tie, explain)),
        Rule::MesAdd1NoExhStop { unit } => {
            completed(completion::mes_add1_noexhstop(instance, tie, unit, explain))
        }
    };
    Outcome {
        rule: rule.key(),
        selected,
        total_cost,
        explanation,
    }
}
