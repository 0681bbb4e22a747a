//! Completions of the Method of Equal Shares: MES alone usually leaves money unspent, so
//! real elections and pabutools re-run it with more money per voter, then possibly finish
//! with a greedy pass.
//!
//! Four variants, each exactly as pabutools 1.2.3 computes it:
//! * [`mes_add1`]: `method_of_equal_shares(..., voter_budget_increment=unit)`. Every voter's
//!   endowment grows by one currency unit per round; it stops at the first outcome that is
//!   exhaustive over the supported projects, or returns the previous outcome as soon as one
//!   overspends.
//! * [`mes_add1_greedy`]: Add1, then greedy by votes from that allocation
//!   (`completion_by_rule_combination`).
//! * [`mes_exhaustion`]: `exhaustion_by_budget_increase`: the budget itself grows by a step,
//!   and the per-voter endowment is the increased budget divided by the number of voters.
//!   [`mes_exh_greedy`] uses a step of 1 % of the budget and finishes greedily;
//!   [`mes_add1_noexhstop`] uses a step of one unit per voter and never stops on
//!   exhaustiveness: only when the next round would overspend. That last one is what the
//!   real MES elections of Assen 2024, Świecie 2023 and Wieliczka 2023 used.
//!
//! Speed: consecutive rounds very often give the same outcome. Every run of MES records, for
//! each comparison it made, how that comparison moves when the endowment grows (all budgets
//! and prices are affine in the endowment along one run); the rounds whose endowment keeps
//! every comparison on the same side provably give the same outcome and are skipped. This
//! never changes the result: it only avoids recomputing identical rounds.

use serde::Serialize;

use crate::greedy::{self, GreedyExplanation};
use crate::instance::{Instance, ProjectIx, Satisfaction, TieBreak};
use crate::mes::{MesExplanation, MesRun, Prepared, Q, Stability};

/// The first round after `k` whose endowment exceeds round `k`'s by at least `delta`, when
/// each round adds `increment`.
fn first_round_beyond(k: u64, delta: &Q, increment: &Q) -> u64 {
    let rounds = delta.div(increment);
    let floor = rounds.floor_u64();
    let ceil = if Q::int(i128::from(floor)) == rounds {
        floor
    } else {
        floor.saturating_add(1)
    };
    k.saturating_add(ceil.max(1))
}

/// Which phase of a completed rule funded a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Bought by Equal Shares.
    Mes,
    /// Added by the greedy completion.
    Greedy,
}

/// The explanation of a completed MES rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CompletionExplanation {
    /// How the endowment was raised and why it stopped there.
    pub summary: String,
    /// The MES run whose outcome was kept.
    pub mes: MesExplanation,
    /// The greedy completion, when one ran.
    pub greedy: Option<GreedyExplanation>,
}

/// The result of a completed MES rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompletionOutcome {
    /// Funded projects in selection order.
    pub selected: Vec<ProjectIx>,
    /// Their total cost.
    pub total_cost: u64,
    /// For each entry of `selected`, the phase that funded it.
    pub phases: Vec<Phase>,
    /// Number of increments applied to the MES run that was kept.
    pub increments: u64,
    /// Each voter's endowment in that run (exact).
    pub endowment: String,
    /// How many MES runs were actually computed (the others were provably identical).
    pub mes_runs: usize,
    /// Why, when asked for.
    pub explanation: Option<CompletionExplanation>,
}

/// The MES round that a completion keeps.
struct Kept {
    /// The outcome (`None`: the initial, empty allocation, before any round).
    run: Option<MesRun>,
    increments: u64,
    endowment: Q,
    runs: usize,
    reason: String,
}

/// The MES rounds k = 0, 1, 2, … in order; on very large elections computed a few at a time
/// in parallel (each round is independent of the others; the caller still looks at them
/// strictly in order, so the result is the same as a sequential loop, at the cost of at most
/// a few unused rounds).
struct Rounds<'p, 'a, F: Fn(u64) -> Q + Sync> {
    prepared: &'p Prepared<'a>,
    endowment_of: F,
    next: u64,
    ready: std::collections::VecDeque<(u64, MesRun)>,
    width: usize,
    computed: usize,
}

impl<'p, 'a, F: Fn(u64) -> Q + Sync> Rounds<'p, 'a, F> {
    fn new(prepared: &'p Prepared<'a>, endowment_of: F) -> Self {
        // Threads pay off only when rounds are long enough to dwarf starting them and the
        // machine has idle cores; each also holds a round's state (memory). With the class
        // run a round takes at most a few milliseconds on every fixture (up to about 400k
        // approvals), so only much larger elections use them.
        let approvals = prepared.instance().supporters.total();
        let cores = if approvals < 2_000_000 {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        };
        Rounds {
            prepared,
            endowment_of,
            next: 0,
            ready: std::collections::VecDeque::new(),
            width: cores.clamp(1, 4),
            computed: 0,
        }
    }

    /// Continues at round `k`: the rounds before it are known to repeat the last one.
    fn skip_to(&mut self, k: u64) {
        self.ready.retain(|(r, _)| *r >= k);
        self.next = self.next.max(k);
    }

    /// The next round: its index and outcome.
    fn next_round(&mut self) -> (u64, MesRun) {
        if self.ready.is_empty() {
            // Start with one round (many rules stop at once), then go wide.
            let width = if self.next == 0 { 1 } else { self.width };
            let ks: Vec<u64> = (self.next..self.next + width as u64).collect();
            self.next += width as u64;
            self.computed += ks.len();
            let prepared = self.prepared;
            let endowment_of = &self.endowment_of;
            let runs: Vec<(u64, MesRun)> = if ks.len() == 1 {
                ks.iter()
                    .map(|&k| (k, prepared.run(&endowment_of(k), &[], false)))
                    .collect()
            } else {
                std::thread::scope(|scope| {
                    let handles: Vec<_> = ks
                        .iter()
                        .map(|&k| {
                            scope.spawn(move || (k, prepared.run(&endowment_of(k), &[], false)))
                        })
                        .collect();
                    handles
                        .into_iter()
                        .map(|h| match h.join() {
                            Ok(r) => r,
                            Err(panic) => std::panic::resume_unwind(panic),
                        })
                        .collect()
                })
            };
            self.ready.extend(runs);
        }
        self.ready
            .pop_front()
            .unwrap_or_else(|| unreachable!("a batch always holds at least one round"))
    }
}

fn exhaustive_over(instance: &Instance, selected: &[ProjectIx], pool: &[ProjectIx]) -> bool {
    let cost = instance.cost_of(selected);
    pool.iter()
        .all(|&p| selected.contains(&p) || cost.saturating_add(instance.costs[p]) > instance.budget)
}

/// Whether `selected` holds every project MES may buy.
fn bought_every_candidate(prepared: &Prepared<'_>, selected: &[ProjectIx]) -> bool {
    prepared.candidates().iter().all(|p| selected.contains(p))
}

/// The first round `k` of [`exhaustion_rounds`] whose endowment, (budget + k·step) / voters,
/// reaches [`Prepared::saturation`].
fn rounds_to_saturation(prepared: &Prepared<'_>, budget: &Q, step: &Q) -> u64 {
    let voters = i128::from(prepared.instance().voters);
    let needed = prepared.saturation().mul_int(voters).sub(budget);
    if needed.is_negative() || needed.is_zero() {
        return 0;
    }
    let rounds = needed.div(step);
    let floor = rounds.floor_u64();
    if Q::int(i128::from(floor)) == rounds {
        floor
    } else {
        floor.saturating_add(1)
    }
}

fn all_projects(instance: &Instance) -> Vec<ProjectIx> {
    (0..instance.num_projects()).collect()
}

/// pabutools' iterated MES (`voter_budget_increment = unit`).
fn add1_rounds(prepared: &Prepared<'_>, unit: u64) -> Kept {
    let instance = prepared.instance();
    let start = prepared.equal_share(&Q::int(i128::from(instance.budget)));
    let endowment_of = |k: u64| start.add(&Q::int(i128::from(k) * i128::from(unit)));
    let mut rounds = Rounds::new(prepared, endowment_of);
    let mut prev: Option<MesRun> = None;
    loop {
        let (k, run) = rounds.next_round();
        if run.total_cost > instance.budget {
            let back = k.saturating_sub(1);
            return Kept {
                run: prev,
                increments: back,
                endowment: endowment_of(back),
                runs: rounds.computed,
                reason: format!(
                    "with {k} more unit(s) per voter MES would spend {} > {}: the previous round is kept",
                    run.total_cost, instance.budget
                ),
            };
        }
        if instance.voters == 0 || exhaustive_over(instance, &run.selected, prepared.candidates()) {
            return Kept {
                run: Some(run),
                increments: k,
                endowment: endowment_of(k),
                runs: rounds.computed,
                reason: format!(
                    "after {k} increment(s) no supported project fits in the remaining budget"
                ),
            };
        }
        if let Stability::Below(delta) = &run.stability {
            // The next rounds provably repeat this outcome: go to the first that may not.
            let unit_q = Q::int(i128::from(unit));
            rounds.skip_to(first_round_beyond(k, delta, &unit_q));
        }
        prev = Some(run);
    }
}

/// pabutools' `exhaustion_by_budget_increase` around MES.
fn exhaustion_rounds(prepared: &Prepared<'_>, step: &Q, exhaustive_stop: bool) -> Kept {
    let instance = prepared.instance();
    let budget = Q::int(i128::from(instance.budget));
    let bound = budget.mul_int(i128::from(instance.voters) + 1);
    let everything = all_projects(instance);
    let limit_of = |k: u64| budget.add(&step.mul_int(i128::from(k)));
    let endowment_of = |k: u64| prepared.equal_share(&limit_of(k));
    if instance.voters == 0 || step.is_zero() || step.is_negative() {
        let run = prepared.run(&endowment_of(0), &[], false);
        return Kept {
            run: Some(run),
            increments: 0,
            endowment: endowment_of(0),
            runs: 1,
            reason: "no voters or no budget step: a single MES round".to_owned(),
        };
    }
    // The last round pabutools computes: budget + k·step <= budget·(voters + 1).
    let last = {
        let ratio = bound.sub(&budget).div(step);
        ratio.floor_u64()
    };
    let mut rounds = Rounds::new(prepared, endowment_of);
    let mut prev: Option<(u64, MesRun)> = None;
    let keep = |(k, run): (u64, MesRun), runs, reason| Kept {
        run: Some(run),
        increments: k,
        endowment: endowment_of(k),
        runs,
        reason,
    };
    if !exhaustive_stop && instance.cost_of(prepared.candidates()) <= instance.budget {
        // Every project MES may buy fits in the budget together: no round can overspend, so
        // pabutools runs to its bound and keeps the last round, whose outcome is the one
        // from the saturation endowment on (or the bound's own, if that comes first).
        let target = rounds_to_saturation(prepared, &budget, step).min(last);
        let run = prepared.run(&endowment_of(target), &[], false);
        let reason = format!(
            "the supported projects cost {} together, within the budget: no round overspends, and from {target} budget step(s) on the outcome no longer changes up to pabutools' bound",
            instance.cost_of(prepared.candidates())
        );
        return keep((last, run), 1, reason);
    }
    loop {
        let (k, run) = rounds.next_round();
        if k > last {
            let reason = "the budget reached pabutools' bound (budget × (voters + 1))".to_owned();
            return match prev {
                Some(p) => keep(p, rounds.computed, reason),
                None => Kept {
                    run: None,
                    increments: 0,
                    endowment: endowment_of(0),
                    runs: rounds.computed,
                    reason,
                },
            };
        }
        if run.total_cost > instance.budget {
            let reason = format!(
                "with the budget raised {k} step(s) MES would spend {} > {}: the previous round is kept",
                run.total_cost, instance.budget
            );
            return match prev {
                Some(p) => keep(p, rounds.computed, reason),
                None => Kept {
                    run: None,
                    increments: 0,
                    endowment: endowment_of(0),
                    runs: rounds.computed,
                    reason,
                },
            };
        }
        if exhaustive_stop && exhaustive_over(instance, &run.selected, &everything) {
            let reason = format!("after {k} budget step(s) the outcome is exhaustive");
            return keep((k, run), rounds.computed, reason);
        }
        let increment = step.div_int(i128::from(instance.voters));
        if bought_every_candidate(prepared, &run.selected) {
            // Every later round buys a subset of what this one bought (candidates and free
            // projects), so none overspends and none becomes exhaustive if this one is not:
            // pabutools runs to its bound and keeps the last round. That round's outcome is
            // the one from the saturation endowment on (or the bound's own, if that comes
            // first): go straight there.
            let target = rounds_to_saturation(prepared, &budget, step).min(last);
            if target > k {
                rounds.skip_to(target);
                prev = Some((k, run));
                continue;
            }
        }
        match &run.stability {
            Stability::Forever => {
                let reason = format!(
                    "from {k} budget step(s) on, the outcome provably no longer changes up to pabutools' bound"
                );
                return keep((last, run), rounds.computed, reason);
            }
            Stability::Below(delta) => {
                let next = first_round_beyond(k, delta, &increment);
                if next > last {
                    let reason = format!(
                        "from {k} budget step(s) on, the outcome provably no longer changes up to pabutools' bound"
                    );
                    return keep((last, run), rounds.computed, reason);
                }
                rounds.skip_to(next);
                prev = Some((next - 1, run));
                continue;
            }
            Stability::Unknown => {}
        }
        if endowment_of(k) >= *prepared.saturation() {
            // Every voter can now pay her share of every project she supports: all later
            // rounds buy the same projects, so the loop would run to the bound unchanged.
            let reason = format!(
                "from {k} budget step(s) on, MES buys every supported project and the outcome no longer changes up to pabutools' bound"
            );
            return keep((last, run), rounds.computed, reason);
        }
        prev = Some((k, run));
    }
}

/// Turns the kept round into an outcome, optionally completed greedily (pabutools'
/// `completion_by_rule_combination`: greedy runs only if the MES outcome is not exhaustive
/// over all projects).
fn finish(
    prepared: &Prepared<'_>,
    kept: Kept,
    greedy_completion: bool,
    tie: TieBreak,
    explain: bool,
) -> CompletionOutcome {
    let instance = prepared.instance();
    let mes_selected = kept
        .run
        .as_ref()
        .map(|r| r.selected.clone())
        .unwrap_or_default();
    let mut selected = mes_selected.clone();
    let mut phases = vec![Phase::Mes; selected.len()];
    let mut greedy_explanation = None;
    let mut summary = kept.reason.clone();
    if greedy_completion && !exhaustive_over(instance, &selected, &all_projects(instance)) {
        let g = greedy::greedy_with_initial(instance, Satisfaction::Cost, &mes_selected, tie);
        for &p in &g.selected[mes_selected.len()..] {
            selected.push(p);
            phases.push(Phase::Greedy);
        }
        summary.push_str(&format!(
            "; then greedy by votes added {} project(s)",
            g.selected.len() - mes_selected.len()
        ));
        greedy_explanation = Some(g.explanation);
    }
    let explanation = explain.then(|| {
        let rerun = prepared.run(&kept.endowment, &[], true);
        CompletionExplanation {
            summary,
            mes: rerun.explanation.unwrap_or_default(),
            greedy: greedy_explanation,
        }
    });
    CompletionOutcome {
        total_cost: instance.cost_of(&selected),
        selected,
        phases,
        increments: kept.increments,
        endowment: kept.endowment.to_exact_string(),
        mes_runs: kept.runs,
        explanation,
    }
}

/// pabutools' built-in Add1: `method_of_equal_shares(instance, profile, sat_class=sat,
/// voter_budget_increment=unit)`. `unit` is one currency unit in the instance's money scale
/// (1 when costs are integers).
pub fn mes_add1(
    instance: &Instance,
    sat: Satisfaction,
    tie: TieBreak,
    unit: u64,
    explain: bool,
) -> CompletionOutcome {
    let prepared = Prepared::new(instance, sat, tie);
    let kept = add1_rounds(&prepared, unit);
    finish(&prepared, kept, false, tie, explain)
}

/// Add1, then greedy by votes from that allocation (pabutools'
/// `completion_by_rule_combination(..., [method_of_equal_shares, greedy_utilitarian_welfare],
/// [{'sat_class': sat, 'voter_budget_increment': 1}, {'sat_class': Cost_Sat}])`).
pub fn mes_add1_greedy(
    instance: &Instance,
    sat: Satisfaction,
    tie: TieBreak,
    unit: u64,
    explain: bool,
) -> CompletionOutcome {
    let prepared = Prepared::new(instance, sat, tie);
    let kept = add1_rounds(&prepared, unit);
    finish(&prepared, kept, true, tie, explain)
}

/// pabutools' `exhaustion_by_budget_increase(instance, profile, method_of_equal_shares,
/// rule_params={'sat_class': sat}, budget_step=step, exhaustive_stop=...)`, optionally
/// followed by the greedy completion.
pub fn mes_exhaustion(
    instance: &Instance,
    sat: Satisfaction,
    tie: TieBreak,
    step: &Q,
    exhaustive_stop: bool,
    greedy_completion: bool,
    explain: bool,
) -> CompletionOutcome {
    let prepared = Prepared::new(instance, sat, tie);
    let kept = exhaustion_rounds(&prepared, step, exhaustive_stop);
    finish(&prepared, kept, greedy_completion, tie, explain)
}

/// MES with cost satisfaction, budget raised by 1 % at a time until the outcome is
/// exhaustive (or the next step overspends), then greedy by votes.
pub fn mes_exh_greedy(instance: &Instance, tie: TieBreak, explain: bool) -> CompletionOutcome {
    let step = Q::ratio(i128::from(instance.budget), 100);
    mes_exhaustion(
        instance,
        Satisfaction::Cost,
        tie,
        &step,
        true,
        true,
        explain,
    )
}

/// MES with cost satisfaction, one currency unit more per voter per round, stopping only
/// when the next round would overspend (pabutools' `exhaustion_by_budget_increase` with
/// `budget_step = voters` and `exhaustive_stop=False`). This reproduces the real outcomes of
/// Assen 2024, Świecie 2023 and Wieliczka 2023.
pub fn mes_add1_noexhstop(
    instance: &Instance,
    tie: TieBreak,
    unit: u64,
    explain: bool,
) -> CompletionOutcome {
    let step = Q::int(i128::from(instance.voters) * i128::from(unit));
    mes_exhaustion(
        instance,
        Satisfaction::Cost,
        tie,
        &step,
        false,
        false,
        explain,
    )
}

impl CompletionExplanation {
    /// Plain text: the summary, the MES run, then the projects the greedy pass added.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}.\n", self.summary);
        out.push_str(&self.mes.to_text());
        if let Some(g) = &self.greedy {
            let added: Vec<String> = g
                .projects
                .iter()
                .filter(|p| p.status == greedy::GreedyStatus::Funded)
                .map(|p| p.id.clone())
                .collect();
            out.push_str(&format!(
                "Greedy completion (by votes) funded: {}.\n",
                if added.is_empty() {
                    "nothing".to_owned()
                } else {
                    added.join(", ")
                }
            ));
        }
        out
    }
}
