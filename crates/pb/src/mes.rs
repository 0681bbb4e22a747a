//! The Method of Equal Shares (MES), exactly as pabutools 1.2.3 computes it.
//!
//! Every voter receives an equal share of the budget. A project can be bought when its
//! supporters can pay for it; among those, MES buys the one with the smallest ρ, the price per
//! unit of utility: each supporter `i` pays `min(budget_i, ρ·u_i)`. Ties go to the
//! [`TieBreak`] rule (pabutools' default: the smallest id as a string). The rule stops when
//! no remaining project is affordable. References: Peters & Skowron, "Proportionality and the
//! limits of welfarism" (EC 2020); Peters, Pierczyński & Skowron, "Proportional participatory
//! budgeting with additive utilities" (NeurIPS 2021); <https://equalshares.net>; pabutools
//! `method_of_equal_shares`.
//!
//! All money is exact ([`Q`]); nothing here uses floating point. Identical ballots are
//! grouped (a weighted "multiprofile"), which gives exactly the same outcome because
//! identical voters always hold identical budgets.

mod classes;
pub mod ratio;

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;

use num_bigint::BigUint;
use num_traits::{One, ToPrimitive, Zero};

use serde::Serialize;

use crate::instance::{Instance, ProjectIx, Satisfaction, TieBreak, VoterIx};
pub use ratio::Q;

/// Money during one run: every budget is an integer numerator over one common denominator,
/// so budgets are compared and added without any fraction arithmetic.
struct Ledger {
    /// The common denominator.
    den: BigUint,
    /// Each ballot type's budget (per voter), times the denominator of its epoch.
    budgets: Vec<BigUint>,
    /// How many of `factors` each budget already includes. Budgets are brought up to the
    /// current denominator only when read, so untouched voters cost nothing.
    epoch: Vec<u32>,
    /// The successive factors by which the denominator grew.
    factors: Vec<u128>,
}

impl Ledger {
    fn new(num: BigUint, den: BigUint, types: usize) -> Self {
        Ledger {
            den,
            budgets: vec![num; types],
            epoch: vec![0; types],
            factors: Vec::new(),
        }
    }

    /// Brings budget `t` to the current denominator.
    fn refresh(&mut self, t: usize) {
        let now = self.factors.len();
        let from = self.epoch[t] as usize;
        if from == now {
            return;
        }
        let b = &mut self.budgets[t];
        if !b.is_zero() {
            let mut acc: u128 = 1;
            for &f in &self.factors[from..now] {
                match acc.checked_mul(f) {
                    Some(v) => acc = v,
                    None => {
                        *b *= acc;
                        acc = f;
                    }
                }
            }
            *b *= acc;
        }
        self.epoch[t] = now as u32;
    }

    /// Multiplies the denominator by `f` (budgets follow lazily).
    fn rescale(&mut self, f: u128) {
        self.factors.push(f);
        self.den *= f;
    }
}

/// A price per unit of utility, ρ = x / (den · u), over the ledger's current denominator.
#[derive(Debug, Clone)]
struct Rho {
    x: BigUint,
    u: u128,
}

impl Rho {
    fn to_q(&self, den: &BigUint) -> Q {
        Q::from_biguints(&self.x, &(den * self.u))
    }
}

impl PartialEq for Rho {
    fn eq(&self, other: &Rho) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Rho {}

impl PartialOrd for Rho {
    fn partial_cmp(&self, other: &Rho) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rho {
    fn cmp(&self, other: &Rho) -> Ordering {
        if self.u == other.u {
            return self.x.cmp(&other.x);
        }
        (&self.x * other.u).cmp(&(&other.x * self.u))
    }
}

fn gcd_u128(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

/// When a supporter counts as poor at the current ρ.
enum Threshold {
    /// Every supporter has the same utility: poor when the budget numerator is below `q`
    /// (or at most `q` when the division was not exact).
    Uniform { q: BigUint, exact: bool },
    /// Utilities differ: compare each one exactly.
    PerVoter,
}

/// What evaluating a project at the current budgets found.
enum Evaluation {
    /// Its supporters can pay; `all_rich`: every supporter (exhausted ones included) pays the
    /// full share ρ·u, nobody pays "all she has".
    Affordable { rho: Rho, all_rich: bool },
    /// They cannot: `money` is what they have in total (over the ledger's denominator).
    Unaffordable { money: BigUint },
}

/// For which larger endowments a run provably gives the same outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stability {
    /// Not known: some supporter paid all she had, which may change with more money.
    Unknown,
    /// For every endowment `e` with `endowment <= e < endowment + Δ`.
    Below(Q),
    /// For every larger endowment.
    Forever,
}

/// The groups of identical ballots ("ballot types"): the voters of type `t`, for
/// explanations, are `voters[start[t]..start[t + 1]]`.
#[derive(Debug, Clone)]
struct BallotTypes {
    start: Vec<u32>,
    voters: Vec<VoterIx>,
}

impl BallotTypes {
    /// Number of types.
    fn len(&self) -> usize {
        self.start.len() - 1
    }

    fn voters(&self, t: u32) -> &[VoterIx] {
        &self.voters[self.start[t as usize] as usize..self.start[t as usize + 1] as usize]
    }
}

/// A project as MES sees it (its supporters are in [`Prepared`]'s `sup_*` arrays).
#[derive(Debug, Clone)]
struct MesProject {
    /// The common utility when every supporter gives the same (approval with cost or
    /// cardinality satisfaction): lets the price be computed once per project.
    uniform: Option<u128>,
    /// Σ weight·utility.
    total_utility: u128,
    /// Number of supporting voters (Σ weight).
    supporters_weight: u128,
}

/// An election prepared for (possibly repeated) MES runs with one satisfaction measure.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    instance: &'a Instance,
    sat: Satisfaction,
    /// Each ballot type's weight, densely (read in the hot loop).
    weights: Vec<u64>,
    types: BallotTypes,
    projects: Vec<MesProject>,
    /// Project `j`'s supporting ballot types (utility > 0), sorted, are
    /// `sup_types[sup_start[j]..sup_start[j + 1]]`.
    sup_start: Vec<usize>,
    sup_types: Vec<u32>,
    /// Their utilities, parallel to `sup_types`; empty when every project is uniform (its
    /// supporters' utility is then `MesProject::uniform`).
    sup_utils: Vec<u64>,
    /// Projects MES may buy: supported (total satisfaction > 0) and with a positive cost.
    candidates: Vec<ProjectIx>,
    /// Supported projects of cost 0: pabutools adds them to the outcome before the first step.
    free: Vec<ProjectIx>,
    /// Position of each project in the tie-break order (0 wins every tie).
    tie_rank: Vec<usize>,
    /// An endowment from which every voter can pay her share c·u/U of every candidate she
    /// supports: from there on nobody is ever poor and MES buys every candidate.
    saturation: Q,
    /// The voter-class index for the fast run, when every candidate has one utility.
    uniform_index: Option<classes::UniformIndex>,
}

/// Why a run stopped buying, for one project that was not bought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum NotFunded {
    /// Nobody gives it a positive satisfaction.
    NoSupporters,
    /// It costs more than the whole budget.
    TooExpensive {
        /// Its cost.
        cost: u64,
        /// The budget.
        budget: u64,
    },
    /// Its supporters' remaining money was less than its cost.
    NotAffordable {
        /// What its supporters had left in total at the end (exact fraction).
        supporters_money: String,
        /// The same, as a decimal for reading.
        supporters_money_decimal: String,
        /// Its cost.
        cost: u64,
    },
}

/// What a group of supporters paid for a project (every one of them had the same and paid
/// the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payment {
    /// The voters (identical ballots) in this group.
    pub voters: Vec<VoterIx>,
    /// What each of them had before paying (exact).
    pub had: String,
    /// What each of them paid (exact).
    pub paid: String,
    /// `had` as a decimal for reading.
    pub had_decimal: String,
    /// `paid` as a decimal for reading.
    pub paid_decimal: String,
}

/// One purchase made by MES.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Purchase {
    /// The project bought.
    pub project: ProjectIx,
    /// Its id.
    pub id: String,
    /// The step (1 = first project bought by MES in this run).
    pub step: usize,
    /// Its cost.
    pub cost: u64,
    /// ρ, the price per unit of utility (exact).
    pub rho: String,
    /// ρ as a decimal for reading.
    pub rho_decimal: String,
    /// Projects that had the same ρ and lost the tie-break.
    pub tied_with: Vec<String>,
    /// The supporters who paid, grouped by identical ballots.
    pub payments: Vec<Payment>,
}

/// The explanation of one MES run. Money is in the instance's unit (the file's currency
/// times `10^money_scale`; the same as the currency for files with whole-number costs).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MesExplanation {
    /// The satisfaction measure.
    pub satisfaction: String,
    /// Each voter's starting budget (exact).
    pub endowment: String,
    /// The same, as a decimal.
    pub endowment_decimal: String,
    /// Supported projects of cost 0, taken before the first step.
    pub free: Vec<String>,
    /// The purchases, in order.
    pub purchases: Vec<Purchase>,
    /// Every project that was not bought, with the reason.
    pub not_funded: Vec<(String, NotFunded)>,
}

/// The outcome of one MES run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MesRun {
    /// The projects selected, in pabutools' order: the initial allocation, the supported
    /// free projects, then MES purchases.
    pub selected: Vec<ProjectIx>,
    /// The total cost of `selected`.
    pub total_cost: u64,
    /// The explanation, when asked for.
    pub explanation: Option<MesExplanation>,
    /// For which larger endowments the outcome is provably the same.
    pub stability: Stability,
}

/// The selection and total cost a rule returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MesOutcome {
    /// Selected projects in selection order.
    pub selected: Vec<ProjectIx>,
    /// Their total cost.
    pub total_cost: u64,
}

impl<'a> Prepared<'a> {
    /// Groups identical ballots and computes each project's supporters for `sat`.
    pub fn new(instance: &'a Instance, sat: Satisfaction, tie: TieBreak) -> Self {
        let m = instance.costs.len();
        let (type_of, weight) = ballot_types(instance);
        let n = type_of.len();
        // The voters of each type, in voter order (a counting sort by type).
        let mut start = vec![0u32; weight.len() + 1];
        for (t, &w) in weight.iter().enumerate() {
            start[t + 1] = start[t] + w as u32;
        }
        let mut at = start.clone();
        let mut voters = vec![0 as VoterIx; n];
        for (v, &t) in type_of.iter().enumerate() {
            voters[at[t as usize] as usize] = v as VoterIx;
            at[t as usize] += 1;
        }
        drop(at);
        let types = BallotTypes { start, voters };
        // Each project's supporting types: counted first (a type once per project), then
        // filled, so the arrays have exactly their final size.
        let mut mark = vec![0u32; weight.len()];
        let mut sup_start = vec![0usize; m + 1];
        for j in 0..m {
            let cost = instance.costs[j];
            let mut count = 0;
            for (v, u) in instance.supporters.iter(j) {
                let t = type_of[v as usize] as usize;
                if utility(sat, cost, u) > 0 && mark[t] != j as u32 + 1 {
                    mark[t] = j as u32 + 1;
                    count += 1;
                }
            }
            sup_start[j + 1] = sup_start[j] + count;
        }
        drop(mark);
        let total = sup_start[m];
        let mut sup_types = vec![0u32; total];
        let need_utils = sat == Satisfaction::Points && !instance.supporters.all_one();
        let mut sup_utils = if need_utils {
            vec![0u64; total]
        } else {
            Vec::new()
        };
        let mut projects = Vec::with_capacity(m);
        let mut candidates = Vec::new();
        let mut free = Vec::new();
        let mut per_type: Vec<(u32, u64)> = Vec::new();
        for j in 0..m {
            let cost = instance.costs[j];
            // Voters of one type share their ballot, so one entry per type suffices.
            per_type.clear();
            per_type.extend(
                instance
                    .supporters
                    .iter(j)
                    .map(|(v, u)| (type_of[v as usize], utility(sat, cost, u)))
                    .filter(|&(_, util)| util > 0),
            );
            per_type.sort_unstable();
            per_type.dedup_by_key(|&mut (t, _)| t);
            let range = sup_start[j]..sup_start[j + 1];
            for (slot, &(t, _)) in sup_types[range.clone()].iter_mut().zip(&per_type) {
                *slot = t;
            }
            if need_utils {
                for (slot, &(_, u)) in sup_utils[range].iter_mut().zip(&per_type) {
                    *slot = u;
                }
            }
            let total_utility: u128 = per_type
                .iter()
                .map(|&(t, u)| u128::from(weight[t as usize]) * u128::from(u))
                .sum();
            let uniform = match per_type.first() {
                Some(&(_, u0)) if per_type.iter().all(|&(_, u)| u == u0) => Some(u128::from(u0)),
                _ => None,
            };
            if total_utility > 0 {
                if cost > 0 {
                    candidates.push(j);
                } else {
                    free.push(j);
                }
            }
            let supporters_weight = per_type
                .iter()
                .map(|&(t, _)| u128::from(weight[t as usize]))
                .sum();
            projects.push(MesProject {
                uniform,
                total_utility,
                supporters_weight,
            });
        }
        drop(per_type);
        drop(type_of);
        if need_utils
            && projects
                .iter()
                .enumerate()
                .all(|(j, p)| p.uniform.is_some() || sup_start[j] == sup_start[j + 1])
        {
            sup_utils = Vec::new();
        }
        let tie_rank = tie.ranks(instance);
        let weights = weight;
        let mut prepared = Prepared {
            instance,
            sat,
            weights,
            types,
            projects,
            sup_start,
            sup_types,
            sup_utils,
            candidates,
            free,
            tie_rank,
            saturation: Q::ZERO,
            uniform_index: None,
        };
        // Σ over a voter's candidates of ⌈c·u/U⌉, maximised over voters.
        let mut share_sum = vec![0u128; prepared.types.len()];
        for &j in &prepared.candidates {
            let total_utility = prepared.projects[j].total_utility;
            for (t, u) in prepared.supporters(j) {
                let num = u128::from(instance.costs[j]) * u128::from(u);
                share_sum[t as usize] += num.div_ceil(total_utility);
            }
        }
        prepared.saturation = Q::int(share_sum.into_iter().max().unwrap_or(0) as i128);
        prepared.uniform_index = classes::UniformIndex::new(&prepared);
        prepared
    }

    /// The ballot types supporting project `j` (utility > 0), sorted.
    fn supporter_types(&self, j: ProjectIx) -> &[u32] {
        &self.sup_types[self.sup_start[j]..self.sup_start[j + 1]]
    }

    /// The ballot types supporting project `j` with their utility, sorted by type.
    fn supporters(&self, j: ProjectIx) -> impl ExactSizeIterator<Item = (u32, u64)> + '_ {
        let range = self.sup_start[j]..self.sup_start[j + 1];
        let utils = (!self.sup_utils.is_empty()).then(|| &self.sup_utils[range.clone()]);
        // Without stored utilities every supported project is uniform.
        let uniform = self.projects[j].uniform.unwrap_or(0) as u64;
        self.sup_types[range]
            .iter()
            .enumerate()
            .map(move |(i, &t)| (t, utils.map_or(uniform, |u| u[i])))
    }

    /// Number of distinct ballots (voter groups).
    pub fn ballot_types(&self) -> usize {
        self.types.len()
    }

    /// The projects MES may buy (supported, positive cost).
    pub fn candidates(&self) -> &[ProjectIx] {
        &self.candidates
    }

    /// An endowment from which the outcome of MES no longer changes (every candidate is
    /// bought at its initial price).
    pub fn saturation(&self) -> &Q {
        &self.saturation
    }

    /// The instance.
    pub fn instance(&self) -> &Instance {
        self.instance
    }

    /// True when `a` wins a tie against `b`.
    fn wins_tie(&self, a: ProjectIx, b: ProjectIx) -> bool {
        self.tie_rank[a] < self.tie_rank[b]
    }

    /// The smallest ρ at which the supporters of `j` can pay for it, or `None` when their
    /// money is not enough. Voters whose budget is below their share at the current ρ pay
    /// everything they have; ρ is raised until nobody else drops out ("poor/rich").
    fn rho(
        &self,
        j: ProjectIx,
        ledger: &mut Ledger,
        live: &mut Vec<(u32, u64)>,
        scratch: &mut Vec<(u32, u64)>,
    ) -> Evaluation {
        let project = &self.projects[j];
        let weights = &self.weights;
        // Drop exhausted supporters for good (their budget never grows back in a run).
        let mut rich_utility: u128 = 0;
        live.retain(|&(t, u)| {
            ledger.refresh(t as usize);
            if ledger.budgets[t as usize].is_zero() {
                return false;
            }
            rich_utility += u128::from(weights[t as usize]) * u128::from(u);
            true
        });
        let budgets = &ledger.budgets;
        let cost_scaled = &ledger.den * u128::from(self.instance.costs[j]);
        let mut poor_money = BigUint::zero();
        let mut first = true;
        loop {
            if rich_utility == 0 {
                return Evaluation::Unaffordable { money: poor_money };
            }
            let x = if poor_money >= cost_scaled {
                BigUint::zero()
            } else {
                &cost_scaled - &poor_money
            };
            let at = rich_utility;
            let mut moved = false;
            let mut is_poor = |t: u32, u: u64, b: &BigUint, threshold: &Threshold| -> bool {
                let poor = match threshold {
                    Threshold::Uniform { q, exact } => {
                        if *exact {
                            b < q
                        } else {
                            b <= q
                        }
                    }
                    Threshold::PerVoter => b * at < &x * u128::from(u),
                };
                if poor {
                    let w = weights[t as usize];
                    if w == 1 {
                        poor_money += b;
                    } else {
                        poor_money += b * w;
                    }
                    rich_utility -= u128::from(w) * u128::from(u);
                    moved = true;
                }
                poor
            };
            // Poor when b / den < x·u / (den·at), i.e. b·at < x·u.
            let threshold = match project.uniform {
                Some(u) => {
                    let xu = &x * u;
                    let q = &xu / at;
                    let exact = (&xu % at).is_zero();
                    Threshold::Uniform { q, exact }
                }
                None => Threshold::PerVoter,
            };
            if first {
                first = false;
                scratch.clear();
                for &(t, u) in live.iter() {
                    if !is_poor(t, u, &budgets[t as usize], &threshold) {
                        scratch.push((t, u));
                    }
                }
            } else {
                scratch.retain(|&(t, u)| !is_poor(t, u, &budgets[t as usize], &threshold));
            }
            if !moved {
                return Evaluation::Affordable {
                    rho: Rho { x, u: at },
                    all_rich: at == project.total_utility,
                };
            }
        }
    }

    /// Runs MES once with every voter starting with `endowment` (≥ 0), the projects of
    /// `initial` already selected (pabutools' `initial_budget_allocation`: excluded, not paid
    /// for). Without explanation or initial allocation, and when every supporter of a
    /// project gives it the same utility, this takes the faster voter-class run (same
    /// outcome); otherwise [`Prepared::run_reference`].
    pub fn run(&self, endowment: &Q, initial: &[ProjectIx], explain: bool) -> MesRun {
        match &self.uniform_index {
            Some(index) if !explain && initial.is_empty() => self
                .run_classes(endowment, index)
                .unwrap_or_else(|| self.run_reference(endowment, initial, explain)),
            _ => self.run_reference(endowment, initial, explain),
        }
    }

    /// Runs MES supporter by supporter (the reference implementation, with explanations);
    /// same arguments as [`Prepared::run`].
    pub fn run_reference(&self, endowment: &Q, initial: &[ProjectIx], explain: bool) -> MesRun {
        let m = self.instance.costs.len();
        let mut selected: Vec<ProjectIx> = initial.to_vec();
        let mut is_selected = vec![false; m];
        for &p in initial {
            is_selected[p] = true;
        }
        let mut free_taken = Vec::new();
        if self.instance.voters > 0 {
            for &p in &self.free {
                if !is_selected[p] {
                    is_selected[p] = true;
                    selected.push(p);
                    free_taken.push(p);
                }
            }
        }
        let (num, den) = endowment
            .to_biguints()
            .unwrap_or_else(|| (BigUint::zero(), BigUint::one()));
        let mut ledger = Ledger::new(num, den, self.types.len());
        let mut remaining: Vec<ProjectIx> = if self.instance.voters == 0 {
            Vec::new()
        } else {
            self.candidates
                .iter()
                .copied()
                .filter(|&p| !is_selected[p])
                .collect()
        };
        // Lower bounds on each project's ρ: budgets only shrink, so ρ only grows.
        let mut bound: Vec<Rho> = (0..m)
            .map(|j| Rho {
                x: &ledger.den * u128::from(self.instance.costs[j]),
                u: self.projects[j].total_utility.max(1),
            })
            .collect();
        let mut live: Vec<Vec<(u32, u64)>> = (0..m).map(|j| self.supporters(j).collect()).collect();
        let mut scratch = Vec::new();
        let mut purchases = Vec::new();
        // While every purchase is paid in full shares by all supporters, more money changes
        // nothing but the unaffordable projects: `margin` bounds the extra money per voter
        // they can absorb (`None`: unknown; `Some(None)`: no bound yet).
        let mut margin: Option<Option<Q>> = Some(None);
        let mut step = 0;
        loop {
            remaining.sort_by(|&a, &b| bound[a].cmp(&bound[b]));
            let mut best: Option<Rho> = None;
            let mut tied: Vec<ProjectIx> = Vec::new();
            let mut dropped = Vec::new();
            for &j in &remaining {
                if let Some(b) = &best
                    && bound[j] > *b
                {
                    break;
                }
                match self.rho(j, &mut ledger, &mut live[j], &mut scratch) {
                    Evaluation::Unaffordable { money } => {
                        dropped.push(j);
                        if let Some(m) = margin.as_mut() {
                            // Stays unaffordable while money + supporters·Δ < cost.
                            let p = &self.projects[j];
                            let gap = &ledger.den * u128::from(self.instance.costs[j]) - money;
                            let delta =
                                Q::from_biguints(&gap, &(&ledger.den * p.supporters_weight));
                            if m.as_ref().is_none_or(|old| delta < *old) {
                                *m = Some(delta);
                            }
                        }
                    }
                    Evaluation::Affordable { rho: r, all_rich } => {
                        if !all_rich {
                            margin = None;
                        }
                        match best.as_ref().map(|b| r.cmp(b)) {
                            Some(Ordering::Greater) => {}
                            Some(Ordering::Equal) => tied.push(j),
                            _ => {
                                best = Some(r.clone());
                                tied.clear();
                                tied.push(j);
                            }
                        }
                        bound[j] = r;
                    }
                }
            }
            if !dropped.is_empty() {
                remaining.retain(|p| !dropped.contains(p));
            }
            let Some(rho) = best else { break };
            let mut winner = tied[0];
            for &p in &tied[1..] {
                if self.wins_tie(p, winner) {
                    winner = p;
                }
            }
            step += 1;
            remaining.retain(|&p| p != winner);
            let rho_q = explain.then(|| rho.to_q(&ledger.den));
            let payments = self.pay(winner, &rho, &mut ledger, &mut bound, &remaining, explain);
            selected.push(winner);
            is_selected[winner] = true;
            if let Some(rho_q) = rho_q {
                let ids = &self.instance.ids;
                let mut tied_with: Vec<String> = tied
                    .iter()
                    .filter(|&&p| p != winner)
                    .map(|&p| ids[p].clone())
                    .collect();
                tied_with.sort();
                purchases.push(Purchase {
                    project: winner,
                    id: ids[winner].clone(),
                    step,
                    cost: self.instance.costs[winner],
                    rho_decimal: rho_q.to_decimal_string(9),
                    rho: rho_q.to_exact_string(),
                    tied_with,
                    payments,
                });
            }
        }
        let total_cost = self.instance.cost_of(&selected);
        let explanation = explain.then(|| MesExplanation {
            satisfaction: format!("{:?}", self.sat),
            endowment: endowment.to_exact_string(),
            endowment_decimal: endowment.to_decimal_string(4),
            free: free_taken
                .iter()
                .map(|&p| self.instance.ids[p].clone())
                .collect(),
            purchases,
            not_funded: self.not_funded(&is_selected, &mut ledger),
        });
        let stability = match margin {
            None => Stability::Unknown,
            Some(None) => Stability::Forever,
            Some(Some(delta)) => Stability::Below(delta),
        };
        MesRun {
            selected,
            total_cost,
            explanation,
            stability,
        }
    }

    /// Charges the supporters of `winner` at `rho`: each pays `min(budget, ρ·u)`. The
    /// common denominator grows just enough for every payment to stay an integer.
    fn pay(
        &self,
        winner: ProjectIx,
        rho: &Rho,
        ledger: &mut Ledger,
        bound: &mut [Rho],
        remaining: &[ProjectIx],
        explain: bool,
    ) -> Vec<Payment> {
        let project = &self.projects[winner];
        // Payment of a supporter with utility u: x·u / (den·U). Scale den by f = U / g
        // where g divides both U and every x·u.
        let g = match project.uniform {
            Some(u) => gcd_u128(rho.u, (&rho.x * u % rho.u).to_u128().unwrap_or(0)),
            None => gcd_u128(rho.u, (&rho.x % rho.u).to_u128().unwrap_or(0)),
        };
        let f = rho.u / g;
        if f > 1 {
            ledger.rescale(f);
            for &p in remaining {
                bound[p].x *= f;
            }
        }
        let uniform_payment = project.uniform.map(|u| &rho.x * u / g);
        // Supporters who had the same amount and paid the same are reported together.
        let mut groups: Vec<(BigUint, BigUint, Vec<VoterIx>)> = Vec::new();
        let mut group_of: HashMap<(BigUint, BigUint), usize> = HashMap::new();
        for (t, u) in self.supporters(winner) {
            ledger.refresh(t as usize);
            let b = &mut ledger.budgets[t as usize];
            if b.is_zero() {
                continue;
            }
            let due = match &uniform_payment {
                Some(p) => Cow::Borrowed(p),
                None => Cow::Owned(&rho.x / g * u128::from(u)),
            };
            let had = explain.then(|| b.clone());
            let paid_all = *b <= *due;
            if paid_all {
                *b = BigUint::zero();
            } else {
                *b -= due.as_ref();
            }
            if let Some(had) = had {
                let paid = if paid_all {
                    had.clone()
                } else {
                    due.into_owned()
                };
                let voters = self.types.voters(t);
                let next = groups.len();
                let ix = *group_of.entry((had.clone(), paid.clone())).or_insert(next);
                if ix == next {
                    groups.push((had, paid, Vec::new()));
                }
                groups[ix].2.extend_from_slice(voters);
            }
        }
        groups
            .into_iter()
            .map(|(had, paid, mut voters)| {
                voters.sort_unstable();
                let had_q = Q::from_biguints(&had, &ledger.den);
                let paid_q = Q::from_biguints(&paid, &ledger.den);
                Payment {
                    voters,
                    had_decimal: had_q.to_decimal_string(4),
                    paid_decimal: paid_q.to_decimal_string(4),
                    had: had_q.to_exact_string(),
                    paid: paid_q.to_exact_string(),
                }
            })
            .collect()
    }

    fn not_funded(&self, is_selected: &[bool], ledger: &mut Ledger) -> Vec<(String, NotFunded)> {
        for t in 0..self.types.len() {
            ledger.refresh(t);
        }
        let inst = self.instance;
        let mut out = Vec::new();
        for (j, &chosen) in is_selected.iter().enumerate() {
            if chosen {
                continue;
            }
            let project = &self.projects[j];
            let reason = if project.total_utility == 0 {
                NotFunded::NoSupporters
            } else if inst.costs[j] > inst.budget {
                NotFunded::TooExpensive {
                    cost: inst.costs[j],
                    budget: inst.budget,
                }
            } else {
                let sum = self
                    .supporter_types(j)
                    .iter()
                    .fold(BigUint::zero(), |acc, &t| {
                        acc + &ledger.budgets[t as usize] * self.weights[t as usize]
                    });
                let money = Q::from_biguints(&sum, &ledger.den);
                NotFunded::NotAffordable {
                    supporters_money_decimal: money.to_decimal_string(2),
                    supporters_money: money.to_exact_string(),
                    cost: inst.costs[j],
                }
            };
            out.push((inst.ids[j].clone(), reason));
        }
        out
    }

    /// The endowment `budget / voters` (pabutools' `initial_budget_per_voter`).
    pub fn equal_share(&self, budget: &Q) -> Q {
        budget.div_int(i128::from(self.instance.voters.max(1)))
    }
}

/// Groups identical ballots: each voter's ballot type and each type's number of voters
/// (its weight). Types are numbered in the order of their first voter.
///
/// The grouping refines a partition project by project (one class for everybody at first;
/// each project splits every class into its supporters, by utility, and the others), so it
/// needs no copy of the ballots: only the class of each voter and the size of each class.
fn ballot_types(instance: &Instance) -> (Vec<u32>, Vec<u64>) {
    let n = instance.voters as usize;
    let mut class_of = vec![0u32; n];
    let mut size: Vec<u32> = if n > 0 { vec![n as u32] } else { Vec::new() };
    // (class, utility, voter) of the current project's supporters.
    let mut moves: Vec<(u32, u64, u32)> = Vec::new();
    for j in 0..instance.num_projects() {
        moves.clear();
        moves.extend(
            instance
                .supporters
                .iter(j)
                .map(|(v, u)| (class_of[v as usize], u, v)),
        );
        moves.sort_unstable();
        let mut i = 0;
        while i < moves.len() {
            // The supporters from one class: split them by utility. The first group keeps
            // the class's number when nobody else is left in it (no class is ever empty).
            let c = moves[i].0;
            let end = i + moves[i..].partition_point(|&(c2, _, _)| c2 == c);
            let mut keep = end - i == size[c as usize] as usize;
            let mut g = i;
            while g < end {
                let u = moves[g].1;
                let g_end = g + moves[g..end].partition_point(|&(_, u2, _)| u2 == u);
                let count = (g_end - g) as u32;
                if keep {
                    keep = false;
                } else {
                    let new = size.len() as u32;
                    size.push(count);
                    size[c as usize] -= count;
                    for &(_, _, v) in &moves[g..g_end] {
                        class_of[v as usize] = new;
                    }
                }
                g = g_end;
            }
            i = end;
        }
    }
    drop(moves);
    // Renumber the classes in the order of their first voter.
    let mut renumber = vec![u32::MAX; size.len()];
    let mut weight: Vec<u64> = Vec::with_capacity(size.len());
    for c in class_of.iter_mut() {
        let r = &mut renumber[*c as usize];
        if *r == u32::MAX {
            *r = weight.len() as u32;
            weight.push(u64::from(size[*c as usize]));
        }
        *c = *r;
    }
    (class_of, weight)
}

/// The utility a supporter gives under `sat`, from the cost and the raw utility in the
/// instance (1 for approval-like ballots, points for cardinal ones).
fn utility(sat: Satisfaction, cost: u64, raw: u64) -> u64 {
    match sat {
        Satisfaction::Cost => cost,
        Satisfaction::Cardinality => 1,
        Satisfaction::Points => raw,
    }
}

/// Plain MES (pabutools `method_of_equal_shares(instance, profile, sat_class=...)`): every
/// voter gets `budget / voters`, no completion.
pub fn method_of_equal_shares(instance: &Instance, sat: Satisfaction, tie: TieBreak) -> MesOutcome {
    let run = mes_run(instance, sat, tie, false);
    MesOutcome {
        selected: run.selected,
        total_cost: run.total_cost,
    }
}

/// Plain MES with its explanation.
pub fn method_of_equal_shares_explained(
    instance: &Instance,
    sat: Satisfaction,
    tie: TieBreak,
) -> (MesOutcome, MesExplanation) {
    let run = mes_run(instance, sat, tie, true);
    (
        MesOutcome {
            selected: run.selected,
            total_cost: run.total_cost,
        },
        run.explanation.unwrap_or_default(),
    )
}

/// Plain MES, with its explanation when `explain`.
pub fn mes_run(instance: &Instance, sat: Satisfaction, tie: TieBreak, explain: bool) -> MesRun {
    let prepared = Prepared::new(instance, sat, tie);
    let share = prepared.equal_share(&Q::int(i128::from(instance.budget)));
    prepared.run(&share, &[], explain)
}

impl MesExplanation {
    /// A plain-text account of the run, one line per project.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "Method of Equal Shares ({} satisfaction); each voter starts with {} ({}).\n",
            self.satisfaction, self.endowment_decimal, self.endowment
        );
        for id in &self.free {
            out.push_str(&format!(
                "- {id}: costs nothing and has supporters, taken first.\n"
            ));
        }
        for p in &self.purchases {
            let payers: usize = p.payments.iter().map(|g| g.voters.len()).sum();
            let emptied: usize = p
                .payments
                .iter()
                .filter(|g| g.had == g.paid)
                .map(|g| g.voters.len())
                .sum();
            out.push_str(&format!(
                "- step {}: bought {} (cost {}) at rho = {} ({}); {} supporters paid, {} of them gave all they had left",
                p.step, p.id, p.cost, p.rho_decimal, p.rho, payers, emptied
            ));
            if !p.tied_with.is_empty() {
                out.push_str(&format!("; won the tie against {}", p.tied_with.join(", ")));
            }
            out.push_str(".\n");
        }
        for (id, reason) in &self.not_funded {
            let line = match reason {
                NotFunded::NoSupporters => format!("- {id}: not funded, nobody supports it.\n"),
                NotFunded::TooExpensive { cost, budget } => format!(
                    "- {id}: not funded, its cost {cost} exceeds the whole budget {budget}.\n"
                ),
                NotFunded::NotAffordable {
                    supporters_money_decimal,
                    cost,
                    ..
                } => format!(
                    "- {id}: not funded, its supporters had {supporters_money_decimal} left against its cost {cost}.\n"
                ),
            };
            out.push_str(&line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approval(budget: u64, costs: &[u64], ballots: &[&[usize]]) -> Instance {
        let mut supporters = vec![Vec::new(); costs.len()];
        for (v, ballot) in ballots.iter().enumerate() {
            for &p in *ballot {
                supporters[p].push((v as VoterIx, 1));
            }
        }
        Instance {
            budget,
            costs: costs.to_vec(),
            ids: (0..costs.len()).map(|i| format!("p{i}")).collect(),
            voters: ballots.len() as u32,
            supporters: supporters.into(),
        }
    }

    #[test]
    fn equal_shares_textbook_example() {
        // 4 voters, budget 100 (25 each). A (cost 60) approved by v0,v1,v2; B (40) by v3;
        // C (40) by v2,v3. ρ for A is 20 per voter, for C 20, for B 40 (unaffordable alone).
        let inst = approval(100, &[60, 40, 40], &[&[0], &[0], &[0, 2], &[1, 2]]);
        let out = method_of_equal_shares(&inst, Satisfaction::Cardinality, TieBreak::default());
        // Cardinality: ρ_A = 60/3 = 20, ρ_C = 40/2 = 20: tie, p0 wins. Then v2 has 5 left,
        // C needs 40 from v2 (5) and v3 (25): unaffordable.
        assert_eq!(out.selected, vec![0]);
        assert_eq!(out.total_cost, 60);
    }

    #[test]
    fn poor_supporters_pay_everything() {
        // 3 voters with 10 each. p0 costs 12, supported by all: 4 each. p1 costs 14,
        // supported by v0 (6 left) and v1 (6 left): unaffordable (12 < 14).
        let inst = approval(30, &[12, 14, 9], &[&[0, 1], &[0, 1], &[0, 2]]);
        let run = mes_run(&inst, Satisfaction::Cost, TieBreak::default(), true);
        assert_eq!(run.selected, vec![0]);
        let text = run.explanation.unwrap().to_text();
        assert!(text.contains("bought p0"), "{text}");
        assert!(
            text.contains("p1: not funded, its supporters had 12.00 left"),
            "{text}"
        );
    }

    #[test]
    fn unsupported_and_free_projects() {
        let inst = approval(10, &[0, 5, 0], &[&[0], &[0], &[]]);
        let card = method_of_equal_shares(&inst, Satisfaction::Cardinality, TieBreak::default());
        assert_eq!(card.selected, vec![0]);
        // Under cost satisfaction a free project gives no satisfaction: it is ignored.
        let cost = method_of_equal_shares(&inst, Satisfaction::Cost, TieBreak::default());
        assert!(cost.selected.is_empty());
    }

    proptest::proptest! {
        /// The partition refinement groups exactly the voters whose ballots (projects and
        /// utilities) are equal, numbered in the order of their first voter.
        #[test]
        fn ballot_types_group_equal_ballots(
            ballots in proptest::collection::vec(
                proptest::collection::btree_map(0usize..5, 0u64..3, 0..5), 0..30)
        ) {
            let m = 5;
            let mut lists = vec![Vec::new(); m];
            for (v, ballot) in ballots.iter().enumerate() {
                for (&p, &u) in ballot {
                    lists[p].push((v as VoterIx, u));
                }
            }
            let inst = Instance {
                budget: 10,
                costs: vec![1; m],
                ids: (0..m).map(|i| format!("p{i}")).collect(),
                voters: ballots.len() as u32,
                supporters: lists.into(),
            };
            let (type_of, weight) = ballot_types(&inst);
            let mut first: Vec<&std::collections::BTreeMap<usize, u64>> = Vec::new();
            let mut expected_weight: Vec<u64> = Vec::new();
            for (v, ballot) in ballots.iter().enumerate() {
                let t = match first.iter().position(|b| *b == ballot) {
                    Some(t) => t,
                    None => {
                        first.push(ballot);
                        expected_weight.push(0);
                        first.len() - 1
                    }
                };
                expected_weight[t] += 1;
                proptest::prop_assert_eq!(type_of[v] as usize, t);
            }
            proptest::prop_assert_eq!(weight, expected_weight);
        }
    }
}
