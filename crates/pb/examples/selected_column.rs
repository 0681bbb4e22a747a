//! Compares rules with the `selected` column of each file (what the city funded):
//! `cargo run -p pb --example selected_column -- DIR`.

use pb::TieBreak;
use pb::greedy::Threshold;
use pb::rules::{Rule, tally};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: selected_column DIR")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .collect();
    files.sort();
    for path in files {
        let e = pb::pabulib::parse(&std::fs::read(&path)?)?;
        let Some(col) = e.project_columns().iter().position(|c| c == "selected") else {
            continue;
        };
        let mut funded: Vec<&str> = e
            .projects()
            .iter()
            .filter(|p| p.cell(col).is_some_and(|c| c == "1"))
            .map(|p| p.id.as_str())
            .collect();
        funded.sort();
        let i = e.instance()?;
        let t: Option<u64> = e
            .meta_value("min_project_score_threshold")
            .and_then(|t| t.parse().ok());
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let mut keys = vec![
            "greedy_cost",
            "greedy_noskip_cost",
            "greedy_points",
            "greedy_noskip_points",
            "max_welfare_cost",
            "seq_phragmen",
        ];
        if t.is_some() {
            keys.extend(["greedy_threshold_cost", "greedy_threshold_points"]);
        }
        let mut matches = Vec::new();
        for key in keys {
            let threshold = t.map(|t| {
                if key.ends_with("points") {
                    Threshold::Utility(t)
                } else {
                    Threshold::Votes(t)
                }
            });
            let rule = Rule::from_key(key, threshold)?;
            let o = tally(&i, &rule, TieBreak::default());
            let mut got: Vec<&str> = o.selected.iter().map(|&p| i.ids[p].as_str()).collect();
            got.sort();
            if got == funded {
                matches.push(key);
            } else if key.contains("threshold") || key.contains("noskip") {
                let diff: Vec<_> = got
                    .iter()
                    .filter(|g| !funded.contains(g))
                    .chain(funded.iter().filter(|f| !got.contains(f)))
                    .collect();
                println!("  {name} {key}: differs on {diff:?}");
            }
        }
        println!(
            "{name}: rule {:?} reproduced by {matches:?}",
            e.meta_value("rule")
        );
    }
    Ok(())
}
