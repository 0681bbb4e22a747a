//! Fuzzes the Pabulib parser: any bytes either parse or give an error, never a panic; what
//! parses round-trips through the writer and, when small, can be counted by every rule.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pb::rules::{RULES, Rule, tally};
use pb::{TieBreak, greedy::Threshold, pabulib};

fuzz_target!(|data: &[u8]| {
    let Ok(election) = pabulib::parse(data) else {
        return;
    };
    let text = pabulib::to_string(&election);
    let again = pabulib::parse_str(&text).expect("written file parses");
    assert!(again == election, "round trip changed the election");
    let Ok(instance) = election.instance() else {
        return;
    };
    if instance.num_projects() > 30 || instance.voters > 200 {
        return;
    }
    for (key, _) in RULES {
        let rule = Rule::from_key(key, Some(Threshold::Votes(1))).expect("listed rule");
        let o = tally(&instance, &rule, TieBreak::default());
        assert!(o.total_cost <= instance.budget);
    }
});
