//! Properties of every rule on random instances, and of the parser on random input.

use pb::greedy::Threshold;
use pb::rules::{Explanation, Outcome, Rule, tally};
use pb::{Instance, Satisfaction, TieBreak, pabulib};
use proptest::prelude::*;

/// A random instance: up to 9 projects, up to 12 voters, utilities 0..4 (0 = not supporting).
fn instance() -> impl Strategy<Value = Instance> {
    (1usize..9, 1u32..12).prop_flat_map(|(n, voters)| {
        (
            0u64..200,
            prop::collection::vec(0u64..60, n),
            prop::collection::vec(prop::collection::vec(0u64..4, voters as usize), n),
        )
            .prop_map(move |(budget, costs, utilities)| Instance {
                budget,
                ids: (0..n).map(|i| format!("p{}", (i * 7) % 11)).collect(),
                costs,
                voters,
                supporters: utilities
                    .into_iter()
                    .map(|u| {
                        u.into_iter()
                            .enumerate()
                            .filter(|&(_, x)| x > 0)
                            .map(|(v, x)| (v as u32, x))
                            .collect()
                    })
                    .collect::<Vec<Vec<_>>>()
                    .into(),
            })
    })
}

fn rules() -> Vec<Rule> {
    let mut rules = Vec::new();
    for sat in [
        Satisfaction::Cost,
        Satisfaction::Cardinality,
        Satisfaction::Points,
    ] {
        rules.push(Rule::Greedy(sat));
        rules.push(Rule::GreedyNoSkip(sat));
        rules.push(Rule::GreedyThreshold(sat, Threshold::Votes(2)));
        rules.push(Rule::MaxWelfare(sat));
    }
    rules.push(Rule::SequentialPhragmen);
    for sat in [
        Satisfaction::Cost,
        Satisfaction::Cardinality,
        Satisfaction::Points,
    ] {
        rules.push(Rule::Mes(sat));
    }
    rules.extend(COMPLETED);
    rules.push(Rule::MesAdd1 { unit: 1 });
    rules.push(Rule::MesAdd1NoExhStop { unit: 1 });
    rules
}

/// Rules that end with a greedy pass, so must leave nothing affordable unfunded.
const COMPLETED: [Rule; 2] = [Rule::MesAdd1Greedy { unit: 1 }, Rule::MesExhGreedy];

fn ids(instance: &Instance, o: &Outcome) -> Vec<String> {
    o.selected
        .iter()
        .map(|&p| instance.ids[p].clone())
        .collect()
}

fn welfare(o: &Outcome) -> u128 {
    match &o.explanation {
        Explanation::MaxWelfare(e) => e.objective,
        other => panic!("not a max-welfare explanation: {other:?}"),
    }
}

/// The same election with voters and projects renumbered by the given rotations.
fn permuted(instance: &Instance, voter_shift: u32, project_shift: usize) -> Instance {
    let n = instance.num_projects();
    let newp = |p: usize| (p + project_shift) % n;
    let newv = |v: u32| (v + voter_shift) % instance.voters;
    let mut out = Instance {
        budget: instance.budget,
        costs: vec![0; n],
        ids: vec![String::new(); n],
        voters: instance.voters,
        supporters: Default::default(),
    };
    let mut supporters = vec![Vec::new(); n];
    for p in 0..n {
        out.costs[newp(p)] = instance.costs[p];
        out.ids[newp(p)] = instance.ids[p].clone();
        let mut s: Vec<(u32, u64)> = instance
            .supporters
            .iter(p)
            .map(|(v, u)| (newv(v), u))
            .collect();
        s.sort();
        supporters[newp(p)] = s;
    }
    out.supporters = supporters.into();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn within_budget_and_consistent(i in instance()) {
        for rule in rules() {
            let o = tally(&i, &rule, TieBreak::default());
            prop_assert!(o.total_cost <= i.budget, "{rule:?}");
            prop_assert_eq!(o.total_cost, i.cost_of(&o.selected));
            let mut s = o.selected.clone();
            s.sort();
            s.dedup();
            prop_assert_eq!(s.len(), o.selected.len());
            // Determinism.
            prop_assert_eq!(&o, &tally(&i, &rule, TieBreak::default()));
            prop_assert_eq!(&o, &tally(&i, &rule, TieBreak::default()));
        }
    }

    #[test]
    fn completed_rules_are_exhaustive(i in instance(), seed in any::<u64>()) {
        for rule in COMPLETED {
            for tie in [TieBreak::Lexicographic, TieBreak::CostVotesLot { seed }] {
                let o = tally(&i, &rule, tie);
                let left = i.budget - o.total_cost;
                for p in 0..i.num_projects() {
                    prop_assert!(o.selected.contains(&p) || i.costs[p] > left, "{rule:?}: {p} fits in {left}");
                }
            }
        }
    }

    #[test]
    fn greedy_is_exhaustive(i in instance(), seed in any::<u64>()) {
        for sat in [Satisfaction::Cost, Satisfaction::Cardinality, Satisfaction::Points] {
            for tie in [TieBreak::Lexicographic, TieBreak::CostVotesLot { seed }] {
                let o = tally(&i, &Rule::Greedy(sat), tie);
                let left = i.budget - o.total_cost;
                for p in 0..i.num_projects() {
                    prop_assert!(o.selected.contains(&p) || i.costs[p] > left, "{p} fits in {left}");
                }
            }
        }
    }

    #[test]
    fn independent_of_ballot_and_project_order(
        i in instance(), vs in 0u32..12, ps in 0usize..9, seed in any::<u64>()
    ) {
        let j = permuted(&i, vs, ps);
        for tie in [TieBreak::Lexicographic, TieBreak::CostVotesLot { seed }] {
            for rule in rules() {
                let a = tally(&i, &rule, tie);
                let b = tally(&j, &rule, tie);
                if let Rule::MaxWelfare(_) = rule {
                    // Ties between optimal allocations are not specified: compare the optimum.
                    prop_assert_eq!(welfare(&a), welfare(&b));
                } else if let Rule::Mes(_) | Rule::MesAdd1 { .. } | Rule::MesAdd1Greedy { .. }
                | Rule::MesExhGreedy | Rule::MesAdd1NoExhStop { .. } = rule
                {
                    // Equal Shares lists free projects first in file order (pabutools: set
                    // order): compare the funded sets.
                    let (mut x, mut y) = (ids(&i, &a), ids(&j, &b));
                    x.sort();
                    y.sort();
                    prop_assert_eq!(x, y, "{:?}", rule);
                } else {
                    prop_assert_eq!(ids(&i, &a), ids(&j, &b), "{:?}", rule);
                }
            }
        }
    }

    #[test]
    fn max_welfare_is_optimal(i in instance()) {
        for sat in [Satisfaction::Cost, Satisfaction::Cardinality, Satisfaction::Points] {
            let o = tally(&i, &Rule::MaxWelfare(sat), TieBreak::default());
            let value = |p: usize| pb::max_welfare::project_welfare(&i, sat, p);
            let n = i.num_projects();
            let best = (0u32..1 << n)
                .filter_map(|mask| {
                    let set: Vec<usize> = (0..n).filter(|&p| mask >> p & 1 == 1).collect();
                    (i.cost_of(&set) <= i.budget).then(|| set.iter().map(|&p| value(p)).sum::<u128>())
                })
                .max()
                .unwrap_or(0);
            prop_assert_eq!(welfare(&o), best);
            let g = tally(&i, &Rule::Greedy(sat), TieBreak::default());
            prop_assert!(g.selected.iter().map(|&p| value(p)).sum::<u128>() <= best);
        }
    }

    #[test]
    fn parser_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = pabulib::parse(&bytes);
    }

    #[test]
    fn parser_never_panics_on_near_files(lines in prop::collection::vec(
        prop::sample::select(vec![
            "META", "PROJECTS", "VOTES", "key;value", "vote_type;approval", "vote_type;cumulative",
            "budget;100", "budget;1,5", "project_id;cost;name", "1;10;x", "2;None;y", "voter_id;vote",
            "voter_id;vote;points", "1;1,2", "2;1;3", "3;;", "\"a;b\";3", "", " ", "x", ";;;",
            "min_length;2", "max_length;x", "\"unterminated",
        ]), 0..30)) {
        let text = lines.join("\n");
        if let Ok(e) = pabulib::parse_str(&text) {
            let again = pabulib::parse_str(&pabulib::to_string(&e));
            prop_assert_eq!(again.ok(), Some(e.clone()));
            let _ = e.instance();
        }
    }

    #[test]
    fn generated_elections_round_trip(
        names in prop::collection::vec("[a-zA-Z0-9 ;\"',.-]{0,12}", 1..6),
        votes in prop::collection::vec(prop::collection::vec(0usize..6, 0..4), 0..10),
        points in prop::collection::vec(1u32..100, 4),
    ) {
        let mut text = String::from("META\nkey;value\nvote_type;cumulative\nbudget;12,5\ndescription;\"semi; colon \"\"q\"\"\"\nPROJECTS\nproject_id;cost;name\n");
        for (k, name) in names.iter().enumerate() {
            let quoted = format!("\"{}\"", name.replace('"', "\"\""));
            text.push_str(&format!("p{k};{}.5;{quoted}\n", k + 1));
        }
        text.push_str("VOTES\nvoter_id;vote;points;note\n");
        for (v, vote) in votes.iter().enumerate() {
            let vote: Vec<usize> = vote.iter().map(|&p| p % names.len()).collect();
            let ids: Vec<String> = vote.iter().map(|p| format!("p{p}")).collect();
            let pts: Vec<String> = (0..vote.len()).map(|k| points[k % 4].to_string()).collect();
            text.push_str(&format!("{v};{};{};\"n;{v}\"\n", ids.join(","), pts.join(",")));
        }
        let e = pabulib::parse_str(&text).unwrap();
        let written = pabulib::to_string(&e);
        prop_assert_eq!(pabulib::parse_str(&written).unwrap(), e.clone());
        let i = e.instance().unwrap();
        prop_assert_eq!(i.budget, 125);
        prop_assert_eq!(i.voters as usize, votes.len());
    }
}
