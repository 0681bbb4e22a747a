//! Times every Equal Shares rule on every Pabulib fixture (release build):
//! `cargo run --release -p pb --example mes_bench [DIR] [FILE_FILTER] [RULE_KEY]`.
//! Each figure includes parsing the file. With `MES_BENCH_TALLY=1` the rules run through
//! `pb::rules::tally`, explanations included.

use std::path::PathBuf;
use std::time::Instant;

use pb::completion::{self, CompletionOutcome};
use pb::mes;
use pb::{Satisfaction, TieBreak, VoteType, pabulib};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pabulib"));
    let filter = args.next().unwrap_or_default();
    let only_key = args.next();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    files.sort();
    println!("| file | rule | seconds | MES runs | selected | total cost |");
    println!("|---|---|---:|---:|---:|---:|");
    for path in files {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let keys = [
            "mes_cost",
            "mes_card",
            "mes_points",
            "mes_cost_add1",
            "mes_cost_add1u",
            "mes_cost_exh_greedy",
            "mes_cost_add1_noexhstop",
        ];
        for key in keys {
            if only_key.as_deref().is_some_and(|k| k != key) {
                continue;
            }
            let start = Instant::now();
            let bytes = std::fs::read(&path).expect("read file");
            let election = pabulib::parse(&bytes).expect("parse");
            let points = matches!(
                election.vote_type(),
                VoteType::Cumulative | VoteType::Scoring
            );
            if key == "mes_points" && !points {
                continue;
            }
            let instance = election.instance().expect("instance");
            let unit = 10u64.pow(election.money_scale());
            let tie = TieBreak::default();
            if std::env::var_os("MES_BENCH_TALLY").is_some() {
                // Through the Rule dispatch, explanations included.
                let rule = pb::rules::Rule::from_key(key, None)
                    .expect("MES key")
                    .in_currency_units(election.money_scale());
                let o = pb::rules::tally(&instance, &rule, tie);
                let text = o.explanation.to_text(election.money_scale());
                let secs = start.elapsed().as_secs_f64();
                println!(
                    "| {name} | {key} (tally, explained) | {secs:.3} | | {} | {} | {} text bytes",
                    o.selected.len(),
                    o.total_cost,
                    text.len()
                );
                continue;
            }
            let (selected, total, runs) = match key {
                "mes_cost" | "mes_card" | "mes_points" => {
                    let sat = match key {
                        "mes_cost" => Satisfaction::Cost,
                        "mes_card" => Satisfaction::Cardinality,
                        _ => Satisfaction::Points,
                    };
                    let o = mes::method_of_equal_shares(&instance, sat, tie);
                    (o.selected.len(), o.total_cost, 1)
                }
                _ => {
                    let o: CompletionOutcome = match key {
                        "mes_cost_add1" => {
                            completion::mes_add1(&instance, Satisfaction::Cost, tie, unit, false)
                        }
                        "mes_cost_add1u" => completion::mes_add1_greedy(
                            &instance,
                            Satisfaction::Cost,
                            tie,
                            unit,
                            false,
                        ),
                        "mes_cost_exh_greedy" => completion::mes_exh_greedy(&instance, tie, false),
                        _ => completion::mes_add1_noexhstop(&instance, tie, unit, false),
                    };
                    (o.selected.len(), o.total_cost, o.mes_runs)
                }
            };
            let secs = start.elapsed().as_secs_f64();
            println!("| {name} | {key} | {secs:.3} | {runs} | {selected} | {total} |");
        }
    }
}
