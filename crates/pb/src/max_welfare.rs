//! Maximum utilitarian welfare: the exact 0/1 knapsack.
//!
//! pabutools' `max_additive_utilitarian_welfare` solves an integer program; here the same
//! optimum is found exactly with a dynamic programme over Pareto-optimal (cost, welfare)
//! states, items taken by decreasing welfare per unit of cost, where a state is dropped as
//! soon as its welfare plus the linear-relaxation bound of the remaining items (Dantzig's
//! bound) cannot beat the best allocation known. Budgets of tens of millions are no problem:
//! the number of states, not the budget, sets the cost.

use serde::Serialize;

use crate::instance::{Instance, ProjectIx, Satisfaction};
use crate::ratio::{cmp_fractions, mul_div_floor};

/// One project in the welfare-maximising allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WelfareProject {
    /// Index of the project.
    pub project: ProjectIx,
    /// Its id.
    pub id: String,
    /// Its cost.
    pub cost: u64,
    /// Welfare it brings if funded (cost × supporters for cost satisfaction).
    pub welfare: u128,
    /// Whether the optimum funds it.
    pub funded: bool,
}

/// Why the optimum is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MaxWelfareExplanation {
    /// Satisfaction measured.
    pub satisfaction: &'static str,
    /// The budget.
    pub budget: u64,
    /// Total welfare of the allocation: no allocation within the budget has more.
    pub objective: u128,
    /// Welfare of the greedy allocation, the starting lower bound.
    pub greedy_objective: u128,
    /// Number of dynamic-programming states created while searching.
    pub states: usize,
    /// Every project, in file order.
    pub projects: Vec<WelfareProject>,
}

/// The welfare-maximising allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MaxWelfareOutcome {
    /// Funded projects (by decreasing welfare per unit of cost).
    pub selected: Vec<ProjectIx>,
    /// Their total cost.
    pub total_cost: u64,
    /// Details.
    pub explanation: MaxWelfareExplanation,
}

/// Welfare of project `p` under `sat`, when funded.
pub fn project_welfare(instance: &Instance, sat: Satisfaction, p: ProjectIx) -> u128 {
    match sat {
        Satisfaction::Cost => u128::from(instance.costs[p]) * instance.supporters[p].len() as u128,
        Satisfaction::Cardinality => instance.supporters[p].len() as u128,
        Satisfaction::Points => instance.total_utility(p),
    }
}

/// A Pareto state: cost used, welfare reached, and the node of its last item.
#[derive(Debug, Clone, Copy)]
struct State {
    weight: u64,
    value: u128,
    node: u32,
}

const ROOT: u32 = u32::MAX;

/// Items sorted by density with prefix sums, for the linear-relaxation bound.
struct Items {
    weight: Vec<u64>,
    value: Vec<u128>,
    /// `prefix_w[k]` = total weight of items `0..k`.
    prefix_w: Vec<u128>,
    prefix_v: Vec<u128>,
}

impl Items {
    /// Upper bound on the welfare items `from..` can add within `capacity` (Dantzig).
    fn bound(&self, from: usize, capacity: u64) -> u128 {
        let base_w = self.prefix_w[from];
        let cap = base_w + u128::from(capacity);
        // Largest j >= from with prefix_w[j] <= cap.
        let j = self.prefix_w.partition_point(|&w| w <= cap) - 1;
        let mut bound = self.prefix_v[j] - self.prefix_v[from];
        if j < self.weight.len() {
            let rest = cap - self.prefix_w[j];
            bound += mul_div_floor(rest, self.value[j], u128::from(self.weight[j]));
        }
        bound
    }
}

/// pabutools' `max_additive_utilitarian_welfare(instance, profile, sat_class=sat)`: an
/// allocation within the budget with the largest total satisfaction.
pub fn max_welfare(instance: &Instance, sat: Satisfaction) -> MaxWelfareOutcome {
    let n = instance.num_projects();
    let cap = instance.budget;
    let welfare: Vec<u128> = (0..n).map(|p| project_welfare(instance, sat, p)).collect();
    // Free projects with welfare are always taken; worthless or unaffordable ones never.
    let free: Vec<ProjectIx> = (0..n)
        .filter(|&p| instance.costs[p] == 0 && welfare[p] > 0)
        .collect();
    let mut order: Vec<ProjectIx> = (0..n)
        .filter(|&p| instance.costs[p] > 0 && instance.costs[p] <= cap && welfare[p] > 0)
        .collect();
    order.sort_by(|&a, &b| {
        cmp_fractions(welfare[b], instance.costs[b], welfare[a], instance.costs[a]).then(a.cmp(&b))
    });
    let mut items = Items {
        weight: order.iter().map(|&p| instance.costs[p]).collect(),
        value: order.iter().map(|&p| welfare[p]).collect(),
        prefix_w: vec![0],
        prefix_v: vec![0],
    };
    for k in 0..order.len() {
        items
            .prefix_w
            .push(items.prefix_w[k] + u128::from(items.weight[k]));
        items.prefix_v.push(items.prefix_v[k] + items.value[k]);
    }

    // Lower bound: greedy by density, skipping what does not fit.
    let mut greedy_set = Vec::new();
    let (mut left, mut greedy_value) = (cap, 0u128);
    for (k, &p) in order.iter().enumerate() {
        if items.weight[k] <= left {
            left -= items.weight[k];
            greedy_value += items.value[k];
            greedy_set.push(p);
        }
    }

    let mut nodes: Vec<(u32, u32)> = Vec::new();
    let mut best_value = greedy_value;
    let mut best_node: Option<u32> = None;
    let mut states = vec![State {
        weight: 0,
        value: 0,
        node: ROOT,
    }];
    let mut created = 1usize;
    let mut next: Vec<State> = Vec::new();
    for k in 0..order.len() {
        let (w, v) = (items.weight[k], items.value[k]);
        next.clear();
        // Merge the states without item k and with it, both sorted by weight, keeping only
        // those whose welfare strictly increases with weight (the others are dominated).
        let (mut a, mut b) = (0, 0);
        let with = |s: &State| State {
            weight: s.weight + w,
            value: s.value + v,
            node: ROOT,
        };
        loop {
            let take_a = match (states.get(a), states.get(b).filter(|s| s.weight + w <= cap)) {
                (None, None) => break,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (Some(x), Some(y)) => {
                    let y = with(y);
                    x.weight < y.weight || (x.weight == y.weight && x.value >= y.value)
                }
            };
            let (mut candidate, parent) = if take_a {
                a += 1;
                (states[a - 1], None)
            } else {
                b += 1;
                (with(&states[b - 1]), Some(states[b - 1].node))
            };
            if next
                .last()
                .is_some_and(|last| last.value >= candidate.value)
            {
                continue;
            }
            // Bound: even filling the rest fractionally cannot beat the best known.
            let bound = candidate.value + items.bound(k + 1, cap - candidate.weight);
            if bound <= best_value {
                continue;
            }
            if let Some(parent) = parent {
                // Only surviving states get a node in the arena.
                candidate.node = nodes.len() as u32;
                nodes.push((k as u32, parent));
            }
            if candidate.value > best_value {
                best_value = candidate.value;
                best_node = Some(candidate.node);
            }
            while next
                .last()
                .is_some_and(|last| last.weight == candidate.weight)
            {
                next.pop();
            }
            next.push(candidate);
        }
        created += next.len();
        std::mem::swap(&mut states, &mut next);
    }

    let mut selected = match best_node {
        None => greedy_set,
        Some(mut node) => {
            let mut chosen = Vec::new();
            while node != ROOT {
                let (k, parent) = nodes[node as usize];
                chosen.push(order[k as usize]);
                node = parent;
            }
            chosen.reverse();
            chosen
        }
    };
    selected.extend(free);
    let objective: u128 = selected.iter().map(|&p| welfare[p]).sum();
    let mut funded = vec![false; n];
    for &p in &selected {
        funded[p] = true;
    }
    MaxWelfareOutcome {
        total_cost: instance.cost_of(&selected),
        explanation: MaxWelfareExplanation {
            satisfaction: crate::greedy::sat_name(sat),
            budget: cap,
            objective,
            greedy_objective: greedy_value,
            states: created,
            projects: (0..n)
                .map(|p| WelfareProject {
                    project: p,
                    id: instance.ids[p].clone(),
                    cost: instance.costs[p],
                    welfare: welfare[p],
                    funded: funded[p],
                })
                .collect(),
        },
        selected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inst(budget: u64, costs: &[u64], votes: &[usize]) -> Instance {
        Instance {
            budget,
            costs: costs.to_vec(),
            ids: (0..costs.len()).map(|i| format!("p{i}")).collect(),
            voters: votes.iter().copied().max().unwrap_or(0) as u32,
            supporters: votes
                .iter()
                .map(|&n| (0..n as u32).map(|v| (v, 1)).collect())
                .collect::<Vec<Vec<_>>>()
                .into(),
        }
    }

    /// Exhaustive search, for checking.
    fn brute(instance: &Instance) -> u128 {
        let n = instance.num_projects();
        (0u32..1 << n)
            .filter_map(|mask| {
                let set: Vec<usize> = (0..n).filter(|&p| mask >> p & 1 == 1).collect();
                (u128::from(instance.cost_of(&set)) <= u128::from(instance.budget)).then(|| {
                    set.iter()
                        .map(|&p| project_welfare(instance, Satisfaction::Cost, p))
                        .sum()
                })
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn beats_greedy_when_greedy_is_wrong() {
        // Greedy by votes takes p0 (10 votes, cost 6) and nothing else fits: welfare 60.
        // The optimum is p1 + p2: 5·9 + 5·9 = 90.
        let i = inst(10, &[6, 5, 5], &[10, 9, 9]);
        let o = max_welfare(&i, Satisfaction::Cost);
        assert_eq!(o.explanation.objective, 90);
        assert_eq!(o.explanation.greedy_objective, 60);
        let mut s = o.selected.clone();
        s.sort();
        assert_eq!(s, vec![1, 2]);
        assert_eq!(o.total_cost, 10);
    }

    #[test]
    fn matches_brute_force_on_small_instances() {
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        for _ in 0..200 {
            let n = (next() % 10 + 1) as usize;
            let costs: Vec<u64> = (0..n).map(|_| next() % 50).collect();
            let votes: Vec<usize> = (0..n).map(|_| (next() % 8) as usize).collect();
            let budget = next() % 150;
            let i = inst(budget, &costs, &votes);
            let o = max_welfare(&i, Satisfaction::Cost);
            assert!(o.total_cost <= budget);
            assert_eq!(
                o.explanation.objective,
                brute(&i),
                "{costs:?} {votes:?} {budget}"
            );
        }
    }
}
