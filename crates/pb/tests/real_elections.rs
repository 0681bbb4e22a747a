//! The real-city greedy variants reproduce what the cities funded (the files' `selected`
//! column): no-skip for Gdynia 2020 and Wrocław 2015/2018, the META threshold for Warszawa
//! 2026 and Łódź 2022, plain greedy for the Warszawa 2020 districts.

mod common;

use pb::greedy::Threshold;
use pb::rules::{Rule, tally};
use pb::{Satisfaction, TieBreak, pabulib};

fn check(file: &str, rule_of: impl Fn(&pabulib::Election) -> Rule) {
    let path = common::data_dir().join(file);
    let e = pabulib::parse(&std::fs::read(&path).unwrap()).unwrap();
    let col = e
        .project_columns()
        .iter()
        .position(|c| c == "selected")
        .unwrap();
    let mut funded: Vec<&str> = e
        .projects()
        .iter()
        .filter(|p| p.cell(col) == Some("1"))
        .map(|p| p.id.as_str())
        .collect();
    funded.sort();
    let i = e.instance().unwrap();
    let rule = rule_of(&e);
    let o = tally(&i, &rule, TieBreak::default());
    let mut got: Vec<&str> = o.selected.iter().map(|&p| i.ids[p].as_str()).collect();
    got.sort();
    assert_eq!(got, funded, "{file} with {rule:?}");
}

fn meta_threshold(e: &pabulib::Election) -> Threshold {
    Threshold::Votes(
        e.meta_value("min_project_score_threshold")
            .unwrap()
            .parse()
            .unwrap(),
    )
}

#[test]
fn no_skip_cities() {
    for file in [
        "Poland_Gdynia_2020.pb",
        "Poland_Wroclaw_2015_150_-_500.pb",
        "Poland_Wroclaw_2018_Rejon_nr_1_750.pb",
    ] {
        check(file, |_| Rule::GreedyNoSkip(Satisfaction::Cost));
    }
    // Gdynia: plain greedy (which skips) funds something else.
    let path = common::data_dir().join("Poland_Gdynia_2020.pb");
    let i = pabulib::parse(&std::fs::read(path).unwrap())
        .unwrap()
        .instance()
        .unwrap();
    let skip = tally(&i, &Rule::Greedy(Satisfaction::Cost), TieBreak::default());
    let no_skip = tally(
        &i,
        &Rule::GreedyNoSkip(Satisfaction::Cost),
        TieBreak::default(),
    );
    assert_ne!(skip.selected, no_skip.selected);
}

#[test]
fn threshold_cities() {
    for file in ["Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb"] {
        check(file, |e| {
            Rule::GreedyThreshold(Satisfaction::Cost, meta_threshold(e))
        });
    }
}

#[test]
fn plain_greedy_districts() {
    for file in [
        "Poland_Warszawa_2020_Mokotow.pb",
        "Poland_Warszawa_2020_Praga-Poludnie.pb",
    ] {
        check(file, |_| Rule::Greedy(Satisfaction::Cost));
    }
}
