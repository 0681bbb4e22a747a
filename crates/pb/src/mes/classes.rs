//! A faster exact MES run for elections where every supporter of a project gives it the same
//! utility (cost satisfaction on any ballot, cardinality satisfaction, points satisfaction
//! with equal points): each supporter of project `j` pays `min(budget, π)` for a share `π`
//! common to all of them, and ρ = π / u_j. The iterated completions run it hundreds of times.
//!
//! Two ideas make it fast without giving up exactness:
//!
//! * **Voter classes.** Voters with the same remaining budget form a class: at the start
//!   everybody is in one class; buying a project moves each class's supporters of it to a new
//!   class (their budget minus the share) or to none (they paid all they had). A budget that is
//!   not zero is the endowment minus the shares of the purchases it paid, so a class is known
//!   by its parent class and the purchase that created it. Evaluating a project counts its
//!   supporters per class with integer operations, then runs the poor/rich iteration over its
//!   classes, not over its voters.
//! * **Certified integer intervals instead of big fractions.** Every budget and share is kept
//!   as an interval `[lo, hi]` of integers in units of 2⁻⁴⁸ of the money unit that contains the
//!   exact value (lower bounds rounded down, upper bounds up). A comparison whose two intervals
//!   do not overlap is decided by them; when they overlap (in practice only for exact ties),
//!   both sides are computed exactly as rationals from the recorded history (parent class,
//!   purchase, the poor classes of that purchase) and compared exactly. So every decision is
//!   the exact one, as in [`super::Prepared::run_reference`], with no floating point and no
//!   big-number arithmetic in the common case. When a value does not fit the integer range
//!   the run returns `None` and the caller uses the reference run.
//!
//! Tests compare this run with the reference on every fixture and on random elections.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::Mutex;

use num_bigint::BigUint;
use num_traits::ToPrimitive;

use super::ratio::mul_wide;
use super::{MesRun, Prepared, Q, Stability};
use crate::instance::ProjectIx;

/// No class: the voter has no money left.
const NONE: u32 = u32::MAX;
/// Not met yet (in `Tally::map`); no class gets this id.
const UNMET: u32 = u32::MAX - 1;
/// Fixed-point scale of the intervals: values are kept times 2^SCALE.
const SCALE: u32 = 48;

/// What a run needs beyond [`Prepared`], computed once per election (each project's
/// supporting ballot types are [`Prepared::supporter_types`]).
#[derive(Debug)]
pub(super) struct UniformIndex {
    /// Each candidate's common utility (indexed by project; 0 for non-candidates).
    utility: Vec<u128>,
    /// The arrays of finished runs, kept for the next run: the iterated completions make
    /// hundreds of runs, which would otherwise each allocate (and fault in) them again.
    spare: Mutex<Vec<Buffers>>,
}

impl Clone for UniformIndex {
    fn clone(&self) -> Self {
        UniformIndex {
            utility: self.utility.clone(),
            spare: Mutex::default(),
        }
    }
}

/// The arrays a run works in, emptied, with their capacity.
#[derive(Debug, Default)]
struct Buffers {
    budget: Vec<StoredIv>,
    parent: Vec<u32>,
    via: Vec<u32>,
    class_of: Vec<(u32, u32)>,
    live: Vec<u32>,
    live_start: Vec<usize>,
    live_len: Vec<usize>,
    poor: Vec<(u32, u64)>,
    count: Vec<u32>,
    seen: Vec<u32>,
    map: Vec<u32>,
    bound: Vec<u128>,
    remaining: Vec<ProjectIx>,
    /// `price_classes`' list of classes still rich.
    rich: Vec<u32>,
}

impl Buffers {
    fn put_back(mut self, index: &UniformIndex) {
        for v in [
            &mut self.parent,
            &mut self.via,
            &mut self.live,
            &mut self.count,
            &mut self.seen,
            &mut self.map,
            &mut self.rich,
        ] {
            v.clear();
        }
        self.budget.clear();
        self.class_of.clear();
        self.live_start.clear();
        self.live_len.clear();
        self.poor.clear();
        self.bound.clear();
        self.remaining.clear();
        if let Ok(mut spare) = index.spare.lock() {
            spare.push(self);
        }
    }
}

impl UniformIndex {
    /// The index, or `None` when some candidate's supporters give it different utilities.
    pub(super) fn new(prepared: &Prepared<'_>) -> Option<UniformIndex> {
        let mut utility = vec![0; prepared.projects.len()];
        for &j in &prepared.candidates {
            utility[j] = prepared.projects[j].uniform?;
        }
        Some(UniformIndex {
            utility,
            spare: Mutex::default(),
        })
    }
}

/// An interval of fixed-point values (times 2^SCALE) containing an exact value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Iv {
    lo: u128,
    hi: u128,
}

/// An [`Iv`] as a class keeps it: its lower end and its width (24 bytes instead of 32; a
/// run has one per class, tens of thousands on the largest files).
#[derive(Debug, Clone, Copy)]
#[repr(C, packed(8))]
struct StoredIv {
    lo: u128,
    width: u64,
}

impl StoredIv {
    /// `None` when the interval is wider than 2⁶⁴ units (never seen; the run then hands
    /// over to the reference run).
    fn new(iv: Iv) -> Option<StoredIv> {
        Some(StoredIv {
            lo: iv.lo,
            width: u64::try_from(iv.hi.checked_sub(iv.lo)?).ok()?,
        })
    }

    fn get(self) -> Iv {
        let lo = self.lo;
        Iv {
            lo,
            hi: lo + u128::from(self.width),
        }
    }
}

/// A purchase, enough to recompute its share exactly.
struct Purchase {
    cost: u64,
    rich: u64,
    /// Its poor classes in `Run::poor`, with how many of their voters supported it.
    poor: Range<usize>,
    exact: Option<Q>,
}

/// The voter classes of one run and the history needed to make any value exact.
struct Run {
    endowment: Q,
    /// Per class: budget interval, parent class and creating purchase (`NONE` for the
    /// first class), exact budget once computed.
    budget: Vec<StoredIv>,
    parent: Vec<u32>,
    via: Vec<u32>,
    exact: std::collections::HashMap<u32, Q>,
    /// Each ballot type's class (`NONE`: no money left) and weight, side by side so that
    /// counting a supporter reads one place.
    class_of: Vec<(u32, u32)>,
    /// Each project's supporting ballot types that may have money left, copied from
    /// [`Prepared::supporter_types`] when the project is first counted (`live_start[j] ==
    /// usize::MAX` until then) and shrunk, in order, as types run out of money.
    live: Vec<u32>,
    live_start: Vec<usize>,
    live_len: Vec<usize>,
    purchases: Vec<Purchase>,
    /// `(class, supporters)` lists, referenced by purchases and evaluations.
    poor: Vec<(u32, u64)>,
    /// Comparisons the intervals could not decide.
    exact_comparisons: u64,
}

impl Run {
    fn exact_budget(&mut self, c: u32) -> Q {
        if let Some(q) = self.exact.get(&c) {
            return q.clone();
        }
        let q = match self.parent[c as usize] {
            NONE => self.endowment.clone(),
            p => {
                let b = self.exact_budget(p);
                let via = self.via[c as usize];
                b.sub(&self.exact_share(via))
            }
        };
        self.exact.insert(c, q.clone());
        q
    }

    fn exact_share(&mut self, q: u32) -> Q {
        let p = &self.purchases[q as usize];
        if let Some(x) = &p.exact {
            return x.clone();
        }
        let (cost, rich, range) = (p.cost, p.rich, p.poor.clone());
        let x = self.exact_price(cost, rich, range);
        self.purchases[q as usize].exact = Some(x.clone());
        x
    }

    /// (cost − Σ supporters·budget over the poor classes in `poor`) / rich.
    fn exact_price(&mut self, cost: u64, rich: u64, poor: Range<usize>) -> Q {
        let mut money = Q::ZERO;
        for i in poor {
            let (c, n) = self.poor[i];
            money = money.add(&self.exact_budget(c).mul_int(i128::from(n)));
        }
        Q::int(i128::from(cost))
            .sub(&money)
            .div_int(i128::from(rich))
    }

    /// A new class; `None` when its interval is too wide to store.
    fn push_class(&mut self, budget: Iv, parent: u32, via: u32) -> Option<u32> {
        let c = self.budget.len() as u32;
        self.budget.push(StoredIv::new(budget)?);
        self.parent.push(parent);
        self.via.push(via);
        Some(c)
    }

    /// The budget interval of class `c`.
    fn budget(&self, c: u32) -> Iv {
        self.budget[c as usize].get()
    }
}

/// One affordable evaluation: the share π each rich supporter pays.
#[derive(Debug, Clone)]
struct Price {
    project: ProjectIx,
    share: Iv,
    rich: u64,
    /// Its poor classes, in `Run::poor`.
    poor: Range<usize>,
}

/// Supporters of one project counted per class, with integer operations only.
#[derive(Default)]
struct Tally {
    /// Voters per class (indexed by class; zero outside a count).
    count: Vec<u32>,
    /// The classes seen, in no order.
    seen: Vec<u32>,
    /// Supporters with money left.
    rich: u64,
    /// Per class, where its voters move when paying (`UNMET` outside a payment).
    map: Vec<u32>,
}

impl Tally {
    /// Counts the live supporters of project `j`, whose supporting types are `all`.
    /// `total`: the length of all the projects' lists together.
    fn count(&mut self, all: &[u32], total: usize, j: ProjectIx, run: &mut Run) {
        if self.count.len() < run.budget.len() {
            self.count.resize(run.budget.len(), 0);
        }
        for &c in &self.seen {
            self.count[c as usize] = 0;
        }
        self.seen.clear();
        let count = &mut self.count[..];
        let seen = &mut self.seen;
        let class_of = &run.class_of[..];
        let mut rich = 0u64;
        if run.live_start[j] == usize::MAX {
            // First count of this project in this run: copy its live supporters.
            run.live_start[j] = run.live.len();
            if run.live.capacity() == 0 {
                // At most every project's list: reserved once, exactly, for this run and
                // the next ones (the buffers are reused).
                run.live.reserve_exact(total);
            }
            run.live.reserve(all.len());
            for &t in all {
                let (c, w) = class_of[t as usize];
                if c != NONE {
                    let n = &mut count[c as usize];
                    if *n == 0 {
                        seen.push(c);
                    }
                    *n += w;
                    rich += u64::from(w);
                    run.live.push(t);
                }
            }
            run.live_len[j] = run.live.len() - run.live_start[j];
        } else {
            let start = run.live_start[j];
            let list = &mut run.live[start..start + run.live_len[j]];
            let mut kept = 0;
            for i in 0..list.len() {
                let t = list[i];
                let (c, w) = class_of[t as usize];
                if c != NONE {
                    let n = &mut count[c as usize];
                    if *n == 0 {
                        seen.push(c);
                    }
                    *n += w;
                    rich += u64::from(w);
                    list[kept] = t;
                    kept += 1;
                }
            }
            run.live_len[j] = kept;
        }
        self.rich = rich;
    }
}

/// `a·b` as a 256-bit number compared with `c·d`.
fn cmp_products(a: u128, b: u128, c: u128, d: u128) -> Ordering {
    mul_wide(a, b).cmp(&mul_wide(c, d))
}

/// What evaluating a project found.
enum Found {
    Affordable(Price, bool),
    /// Not affordable; the interval of its supporters' money.
    Unaffordable(Iv),
}

impl Prepared<'_> {
    /// [`Prepared::run_reference`] without explanation or initial allocation, through voter
    /// classes and certified intervals; `None` when a value leaves the integer range.
    pub(super) fn run_classes(&self, endowment: &Q, index: &UniformIndex) -> Option<MesRun> {
        self.run_classes_counted(endowment, index)
            .map(|(run, _)| run)
    }

    /// [`Prepared::run_classes`], with the number of comparisons the intervals could not
    /// decide (and that were made exactly).
    fn run_classes_counted(&self, endowment: &Q, index: &UniformIndex) -> Option<(MesRun, u64)> {
        let m = self.instance.costs.len();
        let mut selected: Vec<ProjectIx> = Vec::new();
        if self.instance.voters > 0 {
            selected.extend_from_slice(&self.free);
        }
        let (num, den) = endowment.to_biguints()?;
        let scaled = num << SCALE;
        let lo = (&scaled / &den).to_u128()?;
        let hi = if (&scaled % &den) == BigUint::ZERO {
            lo
        } else {
            lo.checked_add(1)?
        };
        // Keep a margin so that sums of a few budgets never overflow.
        if hi > u128::MAX >> 16 {
            return None;
        }
        let broke = hi == 0;
        let mut spare = index
            .spare
            .lock()
            .ok()
            .and_then(|mut s| s.pop())
            .unwrap_or_default();
        spare.class_of.extend(
            self.weights
                .iter()
                .map(|&w| (if broke { NONE } else { 0 }, w as u32)),
        );
        spare.live_start.resize(m, usize::MAX);
        spare.live_len.resize(m, 0);
        let mut run = Run {
            endowment: endowment.clone(),
            budget: spare.budget,
            parent: spare.parent,
            via: spare.via,
            exact: std::collections::HashMap::new(),
            class_of: spare.class_of,
            live: spare.live,
            live_start: spare.live_start,
            live_len: spare.live_len,
            purchases: Vec::new(),
            poor: spare.poor,
            exact_comparisons: 0,
        };
        run.push_class(Iv { lo, hi }, NONE, NONE)?;
        let mut remaining = spare.remaining;
        if self.instance.voters > 0 {
            remaining.extend_from_slice(&self.candidates);
        }
        // Lower bounds on each project's π (ρ = π / u): budgets only shrink, so π only grows.
        let mut bound = spare.bound;
        for j in 0..m {
            let sw = self.projects[j].supporters_weight.max(1);
            bound.push((u128::from(self.instance.costs[j]) << SCALE) / sw);
        }
        let u = &index.utility;
        let key = |bound: &[u128], a: ProjectIx, b: ProjectIx| {
            cmp_products(bound[a], u[b].max(1), bound[b], u[a].max(1))
                .then(self.tie_rank[a].cmp(&self.tie_rank[b]))
        };
        remaining.sort_by(|&a, &b| key(&bound, a, b));
        let mut tally = Tally {
            count: spare.count,
            seen: spare.seen,
            rich: 0,
            map: spare.map,
        };
        let mut live = spare.rich;
        let mut margin: Option<Option<Q>> = Some(None);
        let mut step_poor_start;
        loop {
            step_poor_start = run.poor.len();
            let mut best: Option<Price> = None;
            let mut evaluated = 0;
            let mut dropped = Vec::new();
            for &j in &remaining {
                if let Some(b) = &best
                    && cmp_products(bound[j], u[b.project], b.share.hi, u[j]) == Ordering::Greater
                {
                    break;
                }
                evaluated += 1;
                match self.price_classes(j, &mut run, &mut tally, &mut live)? {
                    Found::Unaffordable(money) => {
                        dropped.push(j);
                        if let Some(mg) = margin.as_mut() {
                            // Stays unaffordable while money + supporters·Δ < cost.
                            let cost = u128::from(self.instance.costs[j]) << SCALE;
                            let gap = cost.saturating_sub(money.hi);
                            let sw = self.projects[j].supporters_weight;
                            let delta = Q::ratio(
                                i128::try_from(gap).ok()?,
                                i128::try_from(sw << SCALE).ok()?,
                            );
                            if mg.as_ref().is_none_or(|old| delta < *old) {
                                *mg = Some(delta);
                            }
                        }
                    }
                    Found::Affordable(price, all_rich) => {
                        if !all_rich {
                            margin = None;
                        }
                        bound[j] = price.share.lo;
                        let better = match &best {
                            None => true,
                            Some(b) => match self.cmp_rho(&price, b, index, &mut run) {
                                Ordering::Less => true,
                                Ordering::Equal => self.tie_rank[j] < self.tie_rank[b.project],
                                Ordering::Greater => false,
                            },
                        };
                        if better {
                            best = Some(price);
                        }
                    }
                }
            }
            let winner = best.as_ref().map(|b| b.project);
            // Only the evaluated prefix changed bounds (they only grow): sort it back into
            // the rest, without the unaffordable projects and the winner.
            let mut prefix: Vec<ProjectIx> = remaining
                .drain(..evaluated)
                .filter(|&p| Some(p) != winner && !dropped.contains(&p))
                .collect();
            prefix.sort_by(|&a, &b| key(&bound, a, b));
            for p in prefix {
                let at = remaining.partition_point(|&q| key(&bound, q, p) == Ordering::Less);
                remaining.insert(at, p);
            }
            let Some(best) = best else {
                break;
            };
            // Keep the winner's poor classes (the history), drop the other evaluations'.
            let kept: Vec<(u32, u64)> = run.poor[best.poor.clone()].to_vec();
            run.poor.truncate(step_poor_start);
            let start = run.poor.len();
            run.poor.extend_from_slice(&kept);
            let price = Price {
                poor: start..run.poor.len(),
                ..best
            };
            self.pay_classes(&price, &mut run, &mut tally)?;
            selected.push(price.project);
        }
        let total_cost = self.instance.cost_of(&selected);
        let stability = match margin {
            None => Stability::Unknown,
            Some(None) => Stability::Forever,
            Some(Some(delta)) => Stability::Below(delta),
        };
        let run_out = MesRun {
            selected,
            total_cost,
            explanation: None,
            stability,
        };
        let exact_comparisons = run.exact_comparisons;
        Buffers {
            budget: run.budget,
            parent: run.parent,
            via: run.via,
            class_of: run.class_of,
            live: run.live,
            live_start: run.live_start,
            live_len: run.live_len,
            poor: run.poor,
            count: tally.count,
            seen: tally.seen,
            map: tally.map,
            bound,
            remaining,
            rich: live,
        }
        .put_back(index);
        Some((run_out, exact_comparisons))
    }

    /// Compares ρ = π / u of two evaluations, exactly.
    fn cmp_rho(&self, a: &Price, b: &Price, index: &UniformIndex, run: &mut Run) -> Ordering {
        let (ua, ub) = (index.utility[a.project], index.utility[b.project]);
        if cmp_products(a.share.hi, ub, b.share.lo, ua) == Ordering::Less {
            return Ordering::Less;
        }
        if cmp_products(a.share.lo, ub, b.share.hi, ua) == Ordering::Greater {
            return Ordering::Greater;
        }
        run.exact_comparisons += 1;
        let xa = run.exact_price(self.instance.costs[a.project], a.rich, a.poor.clone());
        let xb = run.exact_price(self.instance.costs[b.project], b.rich, b.poor.clone());
        xa.mul_int(ub as i128).cmp(&xb.mul_int(ua as i128))
    }

    /// The share π at which the supporters of `j` can pay for it, by the poor/rich
    /// iteration over their classes: supporters whose budget is below the share pay all they
    /// have, the others share the rest; repeat until nobody else drops out. `None` when a
    /// value leaves the integer range.
    fn price_classes(
        &self,
        j: ProjectIx,
        run: &mut Run,
        tally: &mut Tally,
        live: &mut Vec<u32>,
    ) -> Option<Found> {
        tally.count(self.supporter_types(j), self.sup_types.len(), j, run);
        let cost = self.instance.costs[j];
        let scaled_cost = u128::from(cost) << SCALE;
        let all = u128::from(tally.rich) == self.projects[j].supporters_weight;
        let mut rich = tally.rich;
        let poor_start = run.poor.len();
        let mut money = Iv { lo: 0, hi: 0 };
        live.clear();
        live.extend_from_slice(&tally.seen);
        let mut first = true;
        loop {
            if rich == 0 {
                run.poor.truncate(poor_start);
                return Some(Found::Unaffordable(money));
            }
            let r = u128::from(rich);
            // The pass's price uses the poor classes and rich count as they are now.
            let (pass_rich, pass_poor) = (rich, poor_start..run.poor.len());
            let share = Iv {
                lo: scaled_cost.saturating_sub(money.hi) / r,
                hi: scaled_cost.saturating_sub(money.lo).div_ceil(r),
            };
            let mut moved = false;
            let mut i = 0;
            while i < live.len() {
                let c = live[i];
                let b = run.budget(c);
                let poor = if b.hi < share.lo {
                    true
                } else if b.lo >= share.hi {
                    false
                } else {
                    run.exact_comparisons += 1;
                    let eb = run.exact_budget(c);
                    let pr = run.exact_price(cost, pass_rich, pass_poor.clone());
                    eb < pr
                };
                if poor {
                    let n = u64::from(tally.count[c as usize]);
                    money.lo = money.lo.checked_add(b.lo.checked_mul(u128::from(n))?)?;
                    money.hi = money.hi.checked_add(b.hi.checked_mul(u128::from(n))?)?;
                    rich -= n;
                    moved = true;
                    live.swap_remove(i);
                    run.poor.push((c, n));
                } else {
                    i += 1;
                }
            }
            if !moved {
                let price = Price {
                    project: j,
                    share,
                    rich,
                    poor: poor_start..run.poor.len(),
                };
                return Some(Found::Affordable(price, first && all));
            }
            first = false;
        }
    }

    /// Buys the project of `price`: every class of its supporters pays the share or, if it
    /// has no more than that, all it has.
    /// `None` when a new class's interval cannot be stored.
    fn pay_classes(&self, price: &Price, run: &mut Run, tally: &mut Tally) -> Option<()> {
        let q = run.purchases.len() as u32;
        run.purchases.push(Purchase {
            cost: self.instance.costs[price.project],
            rich: price.rich,
            poor: price.poor.clone(),
            exact: None,
        });
        // One pass over the winner's supporters: each class meets its fate (pays all it has,
        // or moves to a new class with the share taken off) the first time it is seen.
        let share = price.share;
        if tally.map.len() < run.budget.len() {
            tally.map.resize(run.budget.len(), UNMET);
        }
        let mut met: Vec<u32> = Vec::new();
        // `tally.map[c]`: the class the voters of `c` move to (`UNMET`: not met yet).
        let j = price.project;
        let (start, len) = (run.live_start[j], run.live_len[j]);
        for i in start..start + len {
            let t = run.live[i] as usize;
            let c = run.class_of[t].0;
            if c == NONE {
                continue;
            }
            let mapped = tally.map[c as usize];
            let new = if mapped != UNMET {
                mapped
            } else {
                let b = run.budget(c);
                let pays_all = if b.hi <= share.lo {
                    true
                } else if b.lo > share.hi {
                    false
                } else {
                    run.exact_comparisons += 1;
                    run.exact_budget(c) <= run.exact_share(q)
                };
                let new = if pays_all {
                    NONE
                } else {
                    let left = Iv {
                        lo: b.lo.saturating_sub(share.hi),
                        hi: b.hi.saturating_sub(share.lo),
                    };
                    run.push_class(left, c, q)?
                };
                tally.map[c as usize] = new;
                met.push(c);
                new
            };
            run.class_of[t].0 = new;
        }
        for &c in &met {
            tally.map[c as usize] = UNMET;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instance::{Instance, Satisfaction, TieBreak, VoterIx};
    use proptest::prelude::*;

    fn approval(budget: u64, costs: &[u64], ballots: &[Vec<usize>]) -> Instance {
        let mut supporters = vec![Vec::new(); costs.len()];
        for (v, ballot) in ballots.iter().enumerate() {
            for &p in ballot {
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

    /// Runs both implementations; returns the number of exact comparisons of the fast one.
    fn compare(inst: &Instance, sat: Satisfaction, endowment: &Q) -> u64 {
        let prepared = Prepared::new(inst, sat, TieBreak::default());
        let index = prepared.uniform_index.clone().expect("uniform utilities");
        let (fast, exact) = prepared
            .run_classes_counted(endowment, &index)
            .expect("fits the integer range");
        let reference = prepared.run_reference(endowment, &[], false);
        assert_eq!(fast.selected, reference.selected, "{sat:?} at {endowment}");
        assert_eq!(fast.total_cost, reference.total_cost);
        if let (Stability::Below(a), Stability::Below(b)) = (&fast.stability, &reference.stability)
        {
            // Ours may be smaller (rounded down), never larger.
            assert!(a <= b, "{a} > {b}");
        } else {
            assert_eq!(
                std::mem::discriminant(&fast.stability),
                std::mem::discriminant(&reference.stability)
            );
        }
        exact
    }

    #[test]
    fn exact_ties_are_decided_exactly() {
        // Two symmetric projects with poor supporters: their ρ are exactly equal, so the
        // intervals overlap and the exact comparison (then the tie-break) decides.
        let ballots = vec![
            vec![0, 2],
            vec![0],
            vec![0],
            vec![1, 3],
            vec![1],
            vec![1],
            vec![2, 3],
        ];
        let inst = approval(70, &[27, 27, 9, 9], &ballots);
        let mut exact = 0;
        for k in 0..40 {
            let e = Q::ratio(70 + k, 7);
            exact += compare(&inst, Satisfaction::Cost, &e);
            exact += compare(&inst, Satisfaction::Cardinality, &e);
        }
        assert!(exact > 0, "the exact path was not exercised");
    }

    #[test]
    fn extreme_amounts_stay_exact_or_fall_back() {
        // Costs and endowments near the top of u64: the run either fits its integer range
        // or hands over to the reference run; either way `Prepared::run` equals the reference.
        let big = u64::MAX;
        let ballots = vec![vec![0, 1], vec![1, 2], vec![0, 2], vec![2]];
        let inst = approval(big, &[big / 3, big / 2, big - 7], &ballots);
        for sat in [Satisfaction::Cost, Satisfaction::Cardinality] {
            let prepared = Prepared::new(&inst, sat, TieBreak::default());
            for e in [
                Q::int(i128::from(big) / 4),
                Q::int(i128::from(big)),
                Q::int(i128::from(big) * 3),
                Q::ratio(i128::from(big), 7),
            ] {
                let fast = prepared.run(&e, &[], false);
                let reference = prepared.run_reference(&e, &[], false);
                assert_eq!(fast.selected, reference.selected, "{sat:?} at {e}");
            }
        }
    }

    fn election() -> impl Strategy<Value = (Vec<u64>, Vec<Vec<usize>>, i128, i128)> {
        (1usize..7).prop_flat_map(|m| {
            (
                prop::collection::vec(0u64..50, m),
                prop::collection::vec(prop::collection::btree_set(0..m, 0..=m), 0..12),
                0i128..300,
                1i128..13,
            )
                .prop_map(|(costs, ballots, num, den)| {
                    let ballots = ballots
                        .into_iter()
                        .map(|b| b.into_iter().collect())
                        .collect();
                    (costs, ballots, num, den)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn same_outcome_as_the_reference((costs, ballots, num, den) in election()) {
            let inst = approval(100, &costs, &ballots);
            let e = Q::ratio(num, den);
            compare(&inst, Satisfaction::Cost, &e);
            compare(&inst, Satisfaction::Cardinality, &e);
        }
    }
}
