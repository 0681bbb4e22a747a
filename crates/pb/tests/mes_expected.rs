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
