//! Equal Shares and its completions against pabutools 1.2.3 (`*.expected.json`) and against
//! the real MES elections' `selected` column.

mod common;

use std::path::Path;

use pb::completion;
use pb::mes;
use pb::{Election, Instance, Satisfaction, TieBreak, pabulib};
use serde_json::Value;

const MES_KEYS: [&str; 7] = [
    "mes_cost",
    "mes_card",
    "mes_points",
    "mes_cost_add1",
    "mes_cost_add1u",
    "mes_cost_exh_greedy",
    "mes_cost_add1_noexhstop",
];

fn load(path: &Path) -> (Election, Instance) {
    let election = pabulib::parse(&std::fs::read(path).unwrap()).unwrap();
    let instance = election.instance().unwrap();
    (election, instance)
}

/// Runs one MES key; returns the selection in order.
fn run_key(key: &str, election: &Election, instance: &Instance) -> (Vec<usize>, u64) {
    let tie = TieBreak::default();
    let unit = 10u64.pow(election.money_scale());
    let plain = |sat| {
        let o = mes::method_of_equal_shares(instance, sat, tie);
        (o.selected, o.total_cost)
    };
    let done = |o: completion::CompletionOutcome| {
        assert_eq!(o.phases.len(), o.selected.len());
        (o.selected, o.total_cost)
    };
    match key {
        "mes_cost" => plain(Satisfaction::Cost),
        "mes_card" => plain(Satisfaction::Cardinality),
        "mes_points" => plain(Satisfaction::Points),
        "mes_cost_add1" => done(completion::mes_add1(
            instance,
            Satisfaction::Cost,
            tie,
            unit,
            false,
        )),
        "mes_cost_add1u" => done(completion::mes_add1_greedy(
            instance,
            Satisfaction::Cost,
            tie,
            unit,
            false,
        )),
        "mes_cost_exh_greedy" => done(completion::mes_exh_greedy(instance, tie, false)),
        "mes_cost_add1_noexhstop" => {
            done(completion::mes_add1_noexhstop(instance, tie, unit, false))
        }
        other => panic!("not an MES key: {other}"),
    }
}

fn ids(instance: &Instance, projects: &[usize]) -> Vec<String> {
    projects.iter().map(|&p| instance.ids[p].clone()).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_expected_mes_result_is_reproduced() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in common::pb_files() {
        let json = path.with_extension("expected.json");
        if !json.exists() {
            continue;
        }
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        let (election, instance) = load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for key in MES_KEYS {
            let Some(exp) = expected["rules"].get(key) else {
                continue;
            };
            if exp.get("not_computed").is_some() {
                continue;
            }
            checked += 1;
            let (selected, total) = run_key(key, &election, &instance);
            let order = ids(&instance, &selected);
            let mut sorted = order.clone();
            sorted.sort();
            let want_total: u64 = exp["total_cost"].as_str().unwrap().parse().unwrap();
            assert!(total <= instance.budget, "{name} {key}: over budget");
            if sorted != strings(&exp["selected"]) {
                failures.push(format!("{name} {key}: {sorted:?} != {:?}", exp["selected"]));
            }
            if order != strings(&exp["selection_order"]) {
                failures.push(format!(
                    "{name} {key}: order {order:?} != {:?}",
                    exp["selection_order"]
                ));
            }
            if total != want_total {
                failures.push(format!("{name} {key}: total {total} != {want_total}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 9 fixtures; the MES keys pabutools computed (some are not_computed on large files).
    assert_eq!(checked, 47, "number of MES results checked");
}

/// The fast MES run (voter classes, certified intervals) buys exactly what the reference run
/// buys, on every fixture, with an endowment 7 currency units above the equal share (the
/// equal share itself is covered by the expected `mes_cost` and `mes_card` results).
#[test]
fn fast_runs_equal_the_reference_on_every_fixture() {
    for path in common::pb_files() {
        let (election, instance) = load(&path);
        let unit = 10i128.pow(election.money_scale());
        for sat in [Satisfaction::Cost, Satisfaction::Cardinality] {
            let prepared = mes::Prepared::new(&instance, sat, TieBreak::default());
            let start = prepared.equal_share(&mes::Q::int(i128::from(instance.budget)));
            {
                let extra = 7 * unit;
                let e = start.add(&mes::Q::int(extra));
                let fast = prepared.run(&e, &[], false);
                let reference = prepared.run_reference(&e, &[], false);
                assert_eq!(
                    fast.selected,
                    reference.selected,
                    "{} {sat:?} +{extra}",
                    path.display()
                );
                assert_eq!(fast.total_cost, reference.total_cost);
            }
        }
    }
}

/// The ids flagged `selected = 1` in the file's PROJECTS section.
fn file_selected(election: &Election) -> Vec<String> {
    let column = election
        .project_columns()
        .iter()
        .position(|c| c == "selected")
        .expect("selected column");
    let mut out: Vec<String> = election
        .projects()
        .iter()
        .filter(|p| p.cell(column).is_some_and(|v| v.trim() == "1"))
        .map(|p| p.id.clone())
        .collect();
    out.sort();
    out
}

#[test]
fn real_mes_elections_are_reproduced_by_noexhstop() {
    for file in [
        "Netherlands_Assen_2024.pb",
        "Poland_Swiecie_2023.pb",
        "Poland_Wieliczka_2023_Green_Budget.pb",
    ] {
        let (election, instance) = load(&common::data_dir().join(file));
        let (selected, _) = run_key("mes_cost_add1_noexhstop", &election, &instance);
        let mut got = ids(&instance, &selected);
        got.sort();
        assert_eq!(got, file_selected(&election), "{file}");
    }
}

mod properties {
    use pb::completion::{self, CompletionOutcome};
    use pb::mes;
    use pb::{Instance, Satisfaction, TieBreak, VoterIx};
    use proptest::prelude::*;

    /// A small approval election: costs, budget and ballots (lists of project indices).
    fn election() -> impl Strategy<Value = (Vec<u64>, u64, Vec<Vec<usize>>)> {
        (1usize..6).prop_flat_map(|m| {
            (
                prop::collection::vec(0u64..60, m),
                1u64..150,
                prop::collection::vec(prop::collection::btree_set(0..m, 0..=m), 0..10),
            )
                .prop_map(|(costs, budget, ballots)| {
                    let ballots = ballots
                        .into_iter()
                        .map(|b| b.into_iter().collect())
                        .collect();
                    (costs, budget, ballots)
                })
        })
    }

    fn instance(costs: &[u64], budget: u64, ballots: &[Vec<usize>]) -> Instance {
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

    /// Every MES rule: (name, selection in order, total cost, must be exhaustive).
    fn all_rules(inst: &Instance) -> Vec<(&'static str, Vec<usize>, u64, bool)> {
        let tie = TieBreak::default();
        let mut out = Vec::new();
        for (name, sat) in [
            ("mes_cost", Satisfaction::Cost),
            ("mes_card", Satisfaction::Cardinality),
        ] {
            let o = mes::method_of_equal_shares(inst, sat, tie);
            out.push((name, o.selected, o.total_cost, false));
        }
        let c =
            |name, o: CompletionOutcome, exhaustive| (name, o.selected, o.total_cost, exhaustive);
        out.push(c(
            "add1",
            completion::mes_add1(inst, Satisfaction::Cost, tie, 1, false),
            false,
        ));
        out.push(c(
            "add1u",
            completion::mes_add1_greedy(inst, Satisfaction::Cost, tie, 1, false),
            true,
        ));
        out.push(c(
            "exh_greedy",
            completion::mes_exh_greedy(inst, tie, false),
            true,
        ));
        out.push(c(
            "noexhstop",
            completion::mes_add1_noexhstop(inst, tie, 1, false),
            false,
        ));
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn within_budget_deterministic_and_exhaustive((costs, budget, ballots) in election()) {
            let inst = instance(&costs, budget, &ballots);
            let first = all_rules(&inst);
            let again = all_rules(&inst);
            prop_assert_eq!(&first, &again);
            for (name, selected, total, exhaustive) in first {
                prop_assert!(total <= budget, "{} spends {} > {}", name, total, budget);
                prop_assert_eq!(total, inst.cost_of(&selected));
                let mut distinct = selected.clone();
                distinct.sort_unstable();
                distinct.dedup();
                prop_assert_eq!(distinct.len(), selected.len(), "{} repeats a project", name);
                if exhaustive {
                    for (p, &cost) in costs.iter().enumerate() {
                        prop_assert!(
                            selected.contains(&p) || total + cost > budget,
                            "{} leaves p{} (cost {}) unfunded with {} left", name, p, cost, budget - total
                        );
                    }
                }
            }
        }

        #[test]
        fn ballot_order_does_not_matter((costs, budget, ballots) in election()) {
            let inst = instance(&costs, budget, &ballots);
            let mut reversed = ballots.clone();
            reversed.reverse();
            let rev = instance(&costs, budget, &reversed);
            prop_assert_eq!(all_rules(&inst), all_rules(&rev));
        }
    }
}

/// A fuzz-found file on which the round-by-round loop would need about 100,000 MES rounds:
/// every round is paid in full shares, so the rounds that provably repeat are skipped.
#[test]
fn rounds_that_provably_repeat_are_skipped() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions/slow_mes_add1_noexhstop.pb");
    let (_, instance) = load(&path);
    let o = completion::mes_add1_noexhstop(&instance, TieBreak::default(), 1, false);
    assert_eq!(ids(&instance, &o.selected), vec!["1".to_owned()]);
    assert!(o.mes_runs <= 10, "{} MES rounds", o.mes_runs);
}

/// An approval election where every supported project fits in the budget together (each
/// amount multiplied by `scale`): voters 1–3 approve pairs of the four projects, voter 0
/// approves nothing.
fn everything_fits(scale: u64) -> Instance {
    let costs = [934, 580, 885, 806];
    let supporters: Vec<Vec<(pb::VoterIx, u64)>> = vec![
        vec![(1, 1), (2, 1)],
        vec![(1, 1), (3, 1)],
        vec![(1, 1), (2, 1)],
        vec![(1, 1), (3, 1)],
    ];
    Instance {
        budget: 3207 * scale,
        costs: costs.iter().map(|c| c * scale).collect(),
        ids: (0..4).map(|i| format!("p{i}")).collect(),
        voters: 4,
        supporters: supporters.into(),
    }
}

/// pabutools' `exhaustion_by_budget_increase(budget_step = voters, exhaustive_stop=False)`
/// round by round: the last round before one overspends, or the bound's.
fn noexhstop_round_by_round(instance: &Instance) -> Vec<usize> {
    let prepared = mes::Prepared::new(instance, Satisfaction::Cost, TieBreak::default());
    let budget = mes::Q::int(i128::from(instance.budget));
    let step = mes::Q::int(i128::from(instance.voters));
    let mut kept = Vec::new();
    // The bound: budget + k·step <= budget·(voters + 1), i.e. k <= budget.
    for k in 0..=instance.budget {
        let endowment = prepared.equal_share(&budget.add(&step.mul_int(i128::from(k))));
        let run = prepared.run(&endowment, &[], false);
        if run.total_cost > instance.budget {
            break;
        }
        kept = run.selected;
    }
    kept
}

/// When the budget covers every supported project, no round of the real-election completion
/// can overspend: it used to run round after round up to pabutools' bound (about 3·10⁹ rounds
/// here). It now goes straight to the round whose outcome the bound keeps.
#[test]
fn add1_noexhstop_stops_when_the_budget_covers_every_project() {
    let small = everything_fits(1);
    let o = completion::mes_add1_noexhstop(&small, TieBreak::default(), 1, false);
    assert_eq!(o.selected, noexhstop_round_by_round(&small));
    assert_eq!(o.selected, vec![0, 1, 2, 3]);
    assert_eq!(o.mes_runs, 1);

    let large = everything_fits(1_000_000);
    let started = std::time::Instant::now();
    let o = completion::mes_add1_noexhstop(&large, TieBreak::default(), 1, false);
    assert_eq!(o.selected, vec![0, 1, 2, 3]);
    assert_eq!(o.total_cost, large.cost_of(&[0, 1, 2, 3]));
    assert_eq!(o.mes_runs, 1);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

/// Without explanations the Equal Shares rules select exactly what they select with them.
#[test]
fn explanations_do_not_change_the_selection() {
    use pb::rules::{Rule, tally, tally_with};
    for name in ["Netherlands_Assen_2024.pb", "Poland_Swiecie_2023.pb"] {
        let (election, instance) = load(&common::data_dir().join(name));
        for key in MES_KEYS {
            let Ok(rule) = Rule::from_key(key, None) else {
                continue;
            };
            let rule = rule.in_currency_units(election.money_scale());
            let full = tally(&instance, &rule, TieBreak::default());
            let bare = tally_with(&instance, &rule, TieBreak::default(), false);
            assert_eq!(full.selected, bare.selected, "{name} {key}");
            assert_eq!(full.total_cost, bare.total_cost);
        }
    }
}
