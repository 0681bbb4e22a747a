//! Sequential Phragmén, exactly as pabutools' `sequential_phragmen`.
//!
//! Voters earn virtual money continuously from 0; a project is bought as soon as its
//! supporters together can pay its cost, and buying it sets each supporter's *load* to the
//! same value: `(cost + supporters' current loads) / number of supporters`. Each round buys the
//! project with the smallest such new load (ties by [`TieBreak`]); the rule **stops** as soon as
//! a project with the smallest new load does not fit in the budget (no skipping). Projects
//! costing more than the whole budget are never considered. Loads are exact rationals.
//! Reference: Brill, Freeman, Janson, Lackner, *Phragmén's voting methods and justified
//! representation* (AAAI 2017); for budgets, Los, Christoff, Grossi (2022).

use std::cmp::Ordering;

use std::collections::HashMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};
use serde::Serialize;

use crate::instance::{Instance, ProjectIx, TieBreak};

/// What happened to a project under sequential Phragmén.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PhragmenStatus {
    /// Bought in round `round` (1-based), its supporters' load becoming `load`.
    Funded {
        /// Round in which it was bought.
        round: usize,
        /// The supporters' new load, exact (`p/q`).
        load: String,
        /// The same load as a decimal approximation, for display only.
        load_approx: String,
    },
    /// Not bought: the rule stopped because a project with the smallest new load did not
    /// fit. `load` is the load this project would have given its supporters at that point.
    Stopped {
        /// Load it would have needed (exact), `None` for a project nobody supports.
        load: Option<String>,
        /// The project whose turn it was but did not fit.
        stopped_by: String,
    },
    /// Costs more than the whole budget: never considered.
    OverBudget,
}

/// One project under sequential Phragmén.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhragmenProject {
    /// Index.
    pub project: ProjectIx,
    /// Id.
    pub id: String,
    /// Cost.
    pub cost: u64,
    /// Number of supporters.
    pub supporters: u64,
    /// What happened.
    #[serde(flatten)]
    pub status: PhragmenStatus,
}

/// Why sequential Phragmén funded what it funded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhragmenExplanation {
    /// The budget.
    pub budget: u64,
    /// Every project in file order.
    pub projects: Vec<PhragmenProject>,
}

/// The outcome of sequential Phragmén.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhragmenOutcome {
    /// Funded projects in the order bought.
    pub selected: Vec<ProjectIx>,
    /// Their total cost.
    pub total_cost: u64,
    /// Project by project.
    pub explanation: PhragmenExplanation,
}

/// A load `num / (count · D)` with the run's common denominator `D` left out: comparing two
/// such loads needs no division and no gcd.
#[derive(Debug, Clone)]
struct Load {
    num: BigInt,
    count: u64,
}

fn cmp_loads(a: &Option<Load>, b: &Option<Load>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => (&x.num * y.count).cmp(&(&y.num * x.count)),
    }
}

/// `num / den` reduced, as `p/q` (or `p` when whole).
fn show(num: &BigInt, den: &BigInt) -> String {
    let g = num.gcd(den);
    let (p, q) = if g.is_zero() {
        (num.clone(), den.clone())
    } else {
        (num / &g, den / &g)
    };
    if q.is_one() {
        p.to_string()
    } else {
        format!("{p}/{q}")
    }
}

fn approx(num: &BigInt, den: &BigInt) -> String {
    match (num.to_f64(), den.to_f64()) {
        (Some(n), Some(d)) if d.is_finite() && n.is_finite() && d > 0.0 => format!("{:.6}", n / d),
        _ => String::new(),
    }
}

/// pabutools' `sequential_phragmen(instance, profile)` (approval semantics: every supporter
/// counts once, utilities are ignored).
///
/// Exact arithmetic without rationals: every load is an integer over one common denominator
/// `D`, multiplied up when a round needs a finer one; each voter's load is that of the last
/// project it helped buy, so voters are grouped in load classes and sums are updated per
/// (project, class) pair.
pub fn sequential_phragmen(instance: &Instance, tie: TieBreak) -> PhragmenOutcome {
    let n = instance.num_projects();
    let ranks = tie.ranks(instance);
    let considered: Vec<bool> = (0..n)
        .map(|p| instance.costs[p] <= instance.budget)
        .collect();
    let voters = instance.voters as usize;
    // Voter -> projects it supports among those that may be bought.
    let mut ballots: Vec<Vec<ProjectIx>> = vec![Vec::new(); voters];
    for p in (0..n).filter(|&p| considered[p]) {
        for &v in &instance.supporters[p] {
            if let Some(b) = ballots.get_mut(v as usize) {
                b.push(p);
            }
        }
    }
    let mut den = BigInt::one();
    // Load of each class times D (class 0: load 0).
    let mut class_load: Vec<BigInt> = vec![BigInt::zero()];
    let mut voter_class: Vec<u32> = vec![0; voters];
    // Sum of the supporters' loads of each project, times D.
    let mut load_sum: Vec<BigInt> = vec![BigInt::zero(); n];

    let mut remaining: Vec<ProjectIx> = (0..n).filter(|&p| considered[p]).collect();
    let mut selected = Vec::new();
    let mut status: Vec<Option<PhragmenStatus>> = vec![None; n];
    let mut spent: u128 = 0;
    let mut moved: HashMap<(ProjectIx, u32), u64> = HashMap::new();
    while !remaining.is_empty() {
        // New load of each remaining project; `None` is infinite (no supporter).
        let loads: Vec<Option<Load>> = remaining
            .iter()
            .map(|&p| {
                let count = instance.supporters[p].len() as u64;
                (count > 0).then(|| Load {
                    num: &load_sum[p] + &den * instance.costs[p],
                    count,
                })
            })
            .collect();
        let mut min = 0;
        for k in 1..loads.len() {
            if cmp_loads(&loads[k], &loads[min]) == Ordering::Less {
                min = k;
            }
        }
        let tied: Vec<usize> = (0..remaining.len())
            .filter(|&k| cmp_loads(&loads[k], &loads[min]) == Ordering::Equal)
            .collect();
        let fits = |k: &usize| {
            spent + u128::from(instance.costs[remaining[*k]]) <= u128::from(instance.budget)
        };
        let by_rank = |a: &&usize, b: &&usize| ranks[remaining[**a]].cmp(&ranks[remaining[**b]]);
        if let Some(&culprit) = tied.iter().filter(|k| !fits(k)).min_by(by_rank) {
            // Stop: report what each remaining project would have needed.
            let stopped_by = instance.ids[remaining[culprit]].clone();
            for (k, &p) in remaining.iter().enumerate() {
                status[p] = Some(PhragmenStatus::Stopped {
                    load: loads[k].as_ref().map(|l| show(&l.num, &(&den * l.count))),
                    stopped_by: stopped_by.clone(),
                });
            }
            break;
        }
        let winner = tied.iter().min_by(by_rank).map_or(min, |&k| k);
        let q = remaining.remove(winner);
        spent += u128::from(instance.costs[q]);
        selected.push(q);
        let Some(load) = loads[winner].clone() else {
            // Nobody supports it: no load moves.
            status[q] = Some(PhragmenStatus::Funded {
                round: selected.len(),
                load: "0".to_owned(),
                load_approx: "0".to_owned(),
            });
            continue;
        };
        let full_den = &den * load.count;
        status[q] = Some(PhragmenStatus::Funded {
            round: selected.len(),
            load: show(&load.num, &full_den),
            load_approx: approx(&load.num, &full_den),
        });
        // New common denominator D·f with f = count / gcd(num, count), so that the new load
        // num / (count·D) is an integer over it.
        let g = load.num.gcd(&BigInt::from(load.count));
        let f = BigInt::from(load.count) / &g;
        let new_load = &load.num / &g;
        if !f.is_one() {
            den *= &f;
            for l in class_load.iter_mut() {
                *l *= &f;
            }
            for s in load_sum.iter_mut() {
                *s *= &f;
            }
        }
        // Move q's supporters to a new class; update the sums of every project they support,
        // grouped by (project, old class).
        let new_class = class_load.len() as u32;
        moved.clear();
        for &v in &instance.supporters[q] {
            let old = voter_class[v as usize];
            for &p in &ballots[v as usize] {
                *moved.entry((p, old)).or_default() += 1;
            }
            voter_class[v as usize] = new_class;
        }
        for (&(p, old), &count) in &moved {
            load_sum[p] += (&new_load - &class_load[old as usize]) * count;
        }
        class_load.push(new_load);
    }
    let projects = (0..n)
        .map(|p| PhragmenProject {
            project: p,
            id: instance.ids[p].clone(),
            cost: instance.costs[p],
            supporters: instance.supporters[p].len() as u64,
            status: status[p].clone().unwrap_or(PhragmenStatus::OverBudget),
        })
        .collect();
    PhragmenOutcome {
        total_cost: instance.cost_of(&selected),
        selected,
        explanation: PhragmenExplanation {
            budget: instance.budget,
            projects,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inst(budget: u64, costs: &[u64], votes: &[&[u32]], voters: u32) -> Instance {
        Instance {
            budget,
            costs: costs.to_vec(),
            ids: (0..costs.len()).map(|i| format!("p{i}")).collect(),
            voters,
            supporters: votes
                .iter()
                .map(|v| v.iter().map(|&x| (x, 1)).collect())
                .collect::<Vec<Vec<_>>>()
                .into(),
        }
    }

    #[test]
    fn loads_and_stop() {
        // p0: voters 0,1 cost 2 -> load 1. p1: voters 1,2 cost 3 -> after p0 (1 + 3) / 2 = 2.
        // p2: voter 2, cost 3 -> 3 at first, then (load 2 + 3) = 5.
        let i = inst(6, &[2, 3, 3], &[&[0, 1], &[1, 2], &[2]], 3);
        let o = sequential_phragmen(&i, TieBreak::default());
        assert_eq!(o.selected, vec![0, 1]);
        match &o.explanation.projects[1].status {
            PhragmenStatus::Funded { load, round, .. } => {
                assert_eq!((load.as_str(), *round), ("2", 2));
            }
            other => panic!("{other:?}"),
        }
        // p2 needs 5 and does not fit (5 + 3 > 6): the rule stops.
        match &o.explanation.projects[2].status {
            PhragmenStatus::Stopped { load, stopped_by } => {
                assert_eq!(load.as_deref(), Some("5"));
                assert_eq!(stopped_by, "p2");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn stops_instead_of_skipping_and_ignores_overbudget() {
        // p0 (cost 9 > budget 8) is never considered; p1 has the lowest load but does not
        // fit after p2? No: p1 load 5/2 first, fits (5); p2 load 4 does not fit (5+4 > 8).
        let i = inst(8, &[9, 5, 4, 1], &[&[0, 1], &[0, 1], &[2], &[]], 3);
        let o = sequential_phragmen(&i, TieBreak::default());
        assert_eq!(o.selected, vec![1]);
        assert_eq!(o.explanation.projects[0].status, PhragmenStatus::OverBudget);
        assert_eq!(o.total_cost, 5);
    }

    #[test]
    fn fractional_loads_stay_exact() {
        let i = inst(100, &[1, 1], &[&[0, 1, 2], &[0]], 3);
        let o = sequential_phragmen(&i, TieBreak::default());
        // p0: 1/3; then p1: (1/3 + 1) / 1 = 4/3.
        assert_eq!(o.selected, vec![0, 1]);
        match &o.explanation.projects[1].status {
            PhragmenStatus::Funded { load, .. } => assert_eq!(load, "4/3"),
            other => panic!("{other:?}"),
        }
    }
}
