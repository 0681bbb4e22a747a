//! Every fixture file parses, matches the counts the README gives, and round-trips.

mod common;

use pb::pabulib;

/// (file, vote type, voters, projects, budget) from the fixtures' README table.
const TABLE: &[(&str, &str, usize, usize, &str)] = &[
    ("Netherlands_Assen_2024.pb", "approval", 84, 14, "100000"),
    (
        "US_Stanford_Dataset_PB_Cambridge_2015_vote_knapsacks.pb",
        "approval",
        941,
        23,
        "600000",
    ),
    (
        "Poland_Czestochowa_2020_Polnoc.pb",
        "cumulative",
        1516,
        20,
        "680264",
    ),
    ("Poland_Swiecie_2023.pb", "approval", 2553, 22, "1070000"),
    (
        "Poland_Krakow_2021_Debniki.pb",
        "ordinal",
        5698,
        28,
        "2094321",
    ),
    (
        "Poland_Wroclaw_2018_Rejon_nr_1_750.pb",
        "choose-1",
        8192,
        15,
        "750000",
    ),
    (
        "Poland_Warszawa_2020_Mokotow.pb",
        "approval",
        12021,
        118,
        "7147577",
    ),
    ("Poland_Gdynia_2020.pb", "approval", 27073, 13, "1500000"),
    ("Poland_Warszawa_2026.pb", "approval", 61668, 83, "24186815"),
    (
        "Poland_Wieliczka_2023_Green_Budget.pb",
        "approval",
        6586,
        64,
        "1000000",
    ),
    (
        "Poland_Warszawa_2020_Praga-Poludnie.pb",
        "approval",
        14897,
        134,
        "5900907",
    ),
    (
        "Poland_Katowice_2020.pb",
        "cumulative",
        38903,
        46,
        "2999999",
    ),
    ("Poland_Lodz_2022.pb", "approval", 90494, 160, "6112868"),
    (
        "Poland_Wroclaw_2015_150_-_500.pb",
        "choose-1",
        131778,
        197,
        "7500000",
    ),
];

#[test]
fn every_fixture_parses_with_the_documented_shape() {
    for path in common::pb_files() {
        let name = path.file_name().unwrap().to_str().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let e = pabulib::parse(&bytes).unwrap_or_else(|err| panic!("{name}: {err}"));
        let &(_, vt, voters, projects, budget) =
            TABLE.iter().find(|t| t.0 == name).expect("file in table");
        assert_eq!(e.vote_type().as_str(), vt, "{name}");
        assert_eq!(e.ballots().len(), voters, "{name}");
        assert_eq!(e.projects().len(), projects, "{name}");
        assert_eq!(e.budget().to_string(), budget, "{name}");
        let instance = e.instance().unwrap();
        assert_eq!(instance.voters as usize, voters);
        // The file's own `votes` column counts supporters: it must agree with the ballots.
        if let Some(col) = e.project_columns().iter().position(|c| c == "votes") {
            for (p, project) in e.projects().iter().enumerate() {
                if let Some(v) = project.cell(col) {
                    assert_eq!(
                        v.parse::<usize>().unwrap(),
                        instance.supporters[p].len(),
                        "{name}: votes of {}",
                        project.id
                    );
                }
            }
        }
    }
}

#[test]
fn every_fixture_round_trips() {
    for path in common::pb_files() {
        let e = pabulib::parse(&std::fs::read(&path).unwrap()).unwrap();
        let text = pabulib::to_string(&e);
        let again = pabulib::parse_str(&text).unwrap();
        assert!(again == e, "{} does not round-trip", path.display());
        assert_eq!(pabulib::to_string(&again), text);
    }
}

/// The file with its PROJECTS rows and its VOTES rows in reverse order.
fn reversed_rows(text: &str) -> String {
    let mut out = Vec::new();
    let mut rows: Vec<&str> = Vec::new();
    let mut in_body = false;
    let mut header_next = false;
    for line in text.lines() {
        let title = matches!(
            line.trim().to_ascii_lowercase().as_str(),
            "meta" | "projects" | "votes"
        );
        if title {
            out.extend(rows.drain(..).rev());
            out.push(line);
            header_next = true;
            in_body = false;
        } else if header_next {
            out.push(line);
            header_next = false;
            in_body = !out
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("meta"));
        } else if in_body {
            rows.push(line);
        } else {
            out.push(line);
        }
    }
    out.extend(rows.drain(..).rev());
    out.join("\n")
}

#[test]
fn outcomes_do_not_depend_on_row_order_in_the_file() {
    use pb::rules::{RULES, Rule, tally};
    for name in [
        "Poland_Czestochowa_2020_Polnoc.pb",
        "Poland_Swiecie_2023.pb",
        "US_Stanford_Dataset_PB_Cambridge_2015_vote_knapsacks.pb",
        "Poland_Krakow_2021_Debniki.pb",
    ] {
        let text = std::fs::read_to_string(common::data_dir().join(name)).unwrap();
        let a = pabulib::parse_str(&text).unwrap();
        let b = pabulib::parse_str(&reversed_rows(&text)).unwrap();
        assert_eq!(a.ballots().len(), b.ballots().len());
        assert_ne!(
            a.projects()[0].id,
            b.projects()[0].id,
            "{name}: rows were reversed"
        );
        let (ia, ib) = (a.instance().unwrap(), b.instance().unwrap());
        // The Equal Shares completions run MES many times: too slow in a debug build for
        // four files; plain MES stands for them here (their own tests cover them).
        for (key, _) in RULES
            .iter()
            .filter(|(k, _)| !k.contains("add1") && !k.contains("exh"))
        {
            let rule = Rule::from_key(key, Some(pb::greedy::Threshold::Votes(50))).unwrap();
            let oa = tally(&ia, &rule, pb::TieBreak::default());
            let ob = tally(&ib, &rule, pb::TieBreak::default());
            if let (
                pb::rules::Explanation::MaxWelfare(ea),
                pb::rules::Explanation::MaxWelfare(eb),
            ) = (&oa.explanation, &ob.explanation)
            {
                // Several optimal allocations may exist: the optimum itself must not change.
                assert_eq!(ea.objective, eb.objective, "{name} {key}");
                continue;
            }
            assert_eq!(oa.selected_ids(&ia), ob.selected_ids(&ib), "{name} {key}");
        }
    }
}
