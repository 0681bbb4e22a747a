//! Criterion benchmark: parsing (with building the instance) and every rule, per fixture file.
//! `cargo bench -p pb` (fixtures from `tests/data/pabulib`, or from `$PABULIB_DIR`);
//! `cargo bench -p pb -- Lodz` for one file.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use pb::greedy::Threshold;
use pb::rules::{RULES, Rule, tally};
use pb::{TieBreak, pabulib};

fn data_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("PABULIB_DIR") {
        return Some(PathBuf::from(dir));
    }
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pabulib");
    shipped.is_dir().then_some(shipped)
}

fn bench(c: &mut Criterion) {
    let Some(dir) = data_dir() else {
        eprintln!("no fixtures found: set PABULIB_DIR");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .collect();
    files.sort();
    for path in files {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(200))
            .measurement_time(Duration::from_secs(1));
        group.bench_function("parse+instance", |b| {
            b.iter(|| {
                let e = pabulib::parse(black_box(&bytes)).ok();
                e.and_then(|e| e.instance().ok())
            })
        });
        let Some(instance) = pabulib::parse(&bytes).ok().and_then(|e| e.instance().ok()) else {
            continue;
        };
        for (key, _) in RULES {
            let Ok(rule) = Rule::from_key(key, Some(Threshold::Votes(100))) else {
                continue;
            };
            group.bench_function(*key, |b| {
                b.iter(|| tally(black_box(&instance), &rule, TieBreak::default()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
