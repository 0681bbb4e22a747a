//! Times parsing and every rule on every `.pb` file of a folder (or on one file):
//! `cargo run --release -p pb --example timing -- DIR|FILE [--tsv] [RULE...]`.
//! Rules run through `pb::rules::tally_with`, without the Equal Shares explanations (the
//! selection only); with `--explain`, through `pb::rules::tally`, explanations included.
//! After each file it also reports the peak of heap memory in use while reading and counting
//! it (a counting allocator): the engine's own memory, without the process's fixed part
//! (code, libc, stacks: about 2.8 MB of resident memory whatever the file).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use pb::TieBreak;
use pb::rules::{RULES, Rule, tally_with};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` with the same arguments; only counters change.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: timing DIR|FILE [RULE...]")?;
    let rest: Vec<String> = args.collect();
    // `--tsv`: one line per step, `file<TAB>step<TAB>seconds<TAB>total cost`.
    let tsv = rest.iter().any(|a| a == "--tsv");
    let explain = rest.iter().any(|a| a == "--explain");
    let wanted: Vec<String> = rest
        .into_iter()
        .filter(|a| a != "--tsv" && a != "--explain")
        .collect();
    let mut files: Vec<_> = if std::path::Path::new(&dir).is_file() {
        vec![std::path::PathBuf::from(&dir)]
    } else {
        std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "pb"))
            .collect()
    };
    files.sort();
    for path in files {
        // The peak of this file: from what is in use before reading it.
        let before = IN_USE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t = Instant::now();
        // Only the instance is kept for counting: the file's bytes go once parsed, the parsed
        // election once the instance is built.
        let election = pb::pabulib::parse(&std::fs::read(&path)?)?;
        let instance = election.instance()?;
        let money_scale = election.money_scale();
        drop(election);
        let parse = t.elapsed();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if tsv {
            println!("{name}\tparse\t{:.6}\t", parse.as_secs_f64());
        } else {
            println!("{name}: parse {:.1} ms", parse.as_secs_f64() * 1e3);
        }
        for (key, _) in RULES {
            if !wanted.is_empty() && !wanted.iter().any(|w| w == key) {
                continue;
            }
            let Ok(rule) = Rule::from_key(key, Some(pb::greedy::Threshold::Votes(0))) else {
                continue;
            };
            // The Add1 completions add one currency unit per voter, as `pb tally` does.
            let rule = rule.in_currency_units(money_scale);
            let t = Instant::now();
            let o = tally_with(&instance, &rule, TieBreak::default(), explain);
            let elapsed = t.elapsed();
            if tsv {
                println!(
                    "{name}\t{key}\t{:.6}\t{}",
                    elapsed.as_secs_f64(),
                    o.total_cost
                );
                continue;
            }
            println!(
                "  {key:<24} {:>9.2} ms  {} projects, cost {}",
                elapsed.as_secs_f64() * 1e3,
                o.selected.len(),
                o.total_cost
            );
        }
        let heap = PEAK.load(Ordering::Relaxed) - before;
        if tsv {
            println!("{name}\theap\t{heap}\t");
        } else {
            println!("  peak heap {:.2} MB", heap as f64 / 1e6);
        }
    }
    Ok(())
}
