#!/usr/bin/env python3
"""Times pabutools (the reference library) on Pabulib files, one rule per child process.

Usage: pabutools_times.py --timeout SECONDS FILE.pb [FILE.pb ...]
Prints one JSON object per (file, rule) on stdout:
  {"file": ..., "rule": ..., "seconds": float | null, "selected": [...] | null, "status": "ok" | "timeout" | "error: ..."}
`seconds` includes parsing, like the engine's own figure. The calls are exactly those of
shared/data/pabulib/README.md (pabutools 1.2.3, exact gmpy2 rationals).
"""
import argparse
import json
import multiprocessing as mp
import time

CALLS = {
    "greedy_cost": lambda m, i, p: m.greedy_utilitarian_welfare(i, p, sat_class=m.Cost_Sat),
    "greedy_card": lambda m, i, p: m.greedy_utilitarian_welfare(i, p, sat_class=m.Cardinality_Sat),
    "greedy_points": lambda m, i, p: m.greedy_utilitarian_welfare(i, p, sat_class=m.Additive_Cardinal_Sat),
    "max_welfare_cost": lambda m, i, p: m.max_additive_utilitarian_welfare(i, p, sat_class=m.Cost_Sat),
    "mes_cost": lambda m, i, p: m.method_of_equal_shares(i, p, sat_class=m.Cost_Sat),
    "mes_card": lambda m, i, p: m.method_of_equal_shares(i, p, sat_class=m.Cardinality_Sat),
    "mes_points": lambda m, i, p: m.method_of_equal_shares(i, p, sat_class=m.Additive_Cardinal_Sat),
    "mes_cost_add1": lambda m, i, p: m.method_of_equal_shares(i, p, sat_class=m.Cost_Sat, voter_budget_increment=1),
    "mes_cost_add1u": lambda m, i, p: m.completion_by_rule_combination(
        i, p, [m.method_of_equal_shares, m.greedy_utilitarian_welfare],
        [{"sat_class": m.Cost_Sat, "voter_budget_increment": 1}, {"sat_class": m.Cost_Sat}]),
    "mes_cost_exh_greedy": lambda m, i, p: m.completion_by_rule_combination(
        i, p, [m.exhaustion_by_budget_increase, m.greedy_utilitarian_welfare],
        [{"rule": m.method_of_equal_shares, "rule_params": {"sat_class": m.Cost_Sat}}, {"sat_class": m.Cost_Sat}]),
    "mes_cost_add1_noexhstop": lambda m, i, p: m.exhaustion_by_budget_increase(
        i, p, m.method_of_equal_shares, rule_params={"sat_class": m.Cost_Sat},
        budget_step=p.num_ballots(), exhaustive_stop=False),
    "seq_phragmen": lambda m, i, p: m.sequential_phragmen(i, p),
}

CARDINAL_ONLY = {"greedy_points", "mes_points"}
APPROVAL_ONLY = {"seq_phragmen"}


def modules():
    import types
    from pabutools.election import parse_pabulib, Cost_Sat, Cardinality_Sat, Additive_Cardinal_Sat
    from pabutools.rules import (greedy_utilitarian_welfare, max_additive_utilitarian_welfare,
                                 method_of_equal_shares, sequential_phragmen,
                                 completion_by_rule_combination, exhaustion_by_budget_increase)
    return types.SimpleNamespace(**locals())


def run_one(path, rule, queue):
    try:
        m = modules()
        start = time.perf_counter()
        instance, profile = m.parse_pabulib(path)
        outcome = CALLS[rule](m, instance, profile)
        seconds = time.perf_counter() - start
        queue.put({"seconds": seconds, "selected": sorted(p.name for p in outcome), "status": "ok"})
    except Exception as e:  # reported, not hidden
        queue.put({"seconds": None, "selected": None, "status": f"error: {type(e).__name__}: {e}"})


def vote_type(path):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            parts = line.strip().split(";")
            if len(parts) >= 2 and parts[0].strip().lower() == "vote_type":
                return parts[1].strip().lower()
    return "approval"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--rules", default=",".join(CALLS))
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    for path in args.files:
        vt = vote_type(path)
        for rule in args.rules.split(","):
            if rule in CARDINAL_ONLY and vt not in ("cumulative", "scoring"):
                continue
            if rule in APPROVAL_ONLY and vt not in ("approval", "choose-1"):
                continue
            queue = mp.Queue()
            proc = mp.Process(target=run_one, args=(path, rule, queue))
            proc.start()
            proc.join(args.timeout)
            if proc.is_alive():
                proc.kill()
                proc.join()
                result = {"seconds": None, "selected": None, "status": "timeout"}
            else:
                result = queue.get() if not queue.empty() else {"seconds": None, "selected": None, "status": "error: crashed"}
            print(json.dumps({"file": path.rsplit("/", 1)[-1], "rule": rule, **result}), flush=True)


if __name__ == "__main__":
    main()
