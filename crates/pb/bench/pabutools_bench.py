"""Times pabutools on Pabulib files, for the side-by-side table in the crate README.

Usage: python pabutools_bench.py FILE.pb [--timeout SECONDS] [--timeout-iterated SECONDS] [RULE ...]
Prints tab-separated lines: file, step (parse or a rule key), seconds, total cost.
A rule that does not finish within its timeout prints `>SECONDS` as its time and `timeout` as
its cost; sequential Phragmén on non-approval files and the points rule on non-cardinal files
print `skipped`. Each rule runs in a child process (forked after parsing, so parsing is not repeated)
that is killed at the timeout. `--timeout` (default 900 s) applies to the single-run rules,
`--timeout-iterated` (default 300 s) to the iterated Equal Shares rules (add-one, exhaustion).
The rule keys and calls are those of tests/data/pabulib/README.md (the iterated MES rules use
`profile.as_multiprofile()`, as the expected files did, which makes pabutools faster).
"""

import multiprocessing
import os
import sys
import time

from pabutools.election import (
    Additive_Cardinal_Sat,
    Cardinality_Sat,
    Cost_Sat,
    parse_pabulib,
)
from pabutools.election.profile import AbstractApprovalProfile, AbstractCardinalProfile
from pabutools.rules import (
    completion_by_rule_combination,
    exhaustion_by_budget_increase,
    greedy_utilitarian_welfare,
    max_additive_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)


def mes_add1(i, p):
    return method_of_equal_shares(
        i, p.as_multiprofile(), sat_class=Cost_Sat, voter_budget_increment=1
    )


def mes_add1u(i, p):
    return completion_by_rule_combination(
        i,
        p.as_multiprofile(),
        [method_of_equal_shares, greedy_utilitarian_welfare],
        [{"sat_class": Cost_Sat, "voter_budget_increment": 1}, {"sat_class": Cost_Sat}],
    )


def mes_exh_greedy(i, p):
    return completion_by_rule_combination(
        i,
        p.as_multiprofile(),
        [exhaustion_by_budget_increase, greedy_utilitarian_welfare],
        [
            {"rule": method_of_equal_shares, "rule_params": {"sat_class": Cost_Sat}},
            {"sat_class": Cost_Sat},
        ],
    )


def mes_add1_noexhstop(i, p):
    return exhaustion_by_budget_increase(
        i,
        p.as_multiprofile(),
        method_of_equal_shares,
        rule_params={"sat_class": Cost_Sat},
        budget_step=p.num_ballots(),
        exhaustive_stop=False,
    )


RULES = {
    "greedy_cost": lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=Cost_Sat),
    "greedy_card": lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=Cardinality_Sat),
    "max_welfare_cost": lambda i, p: max_additive_utilitarian_welfare(i, p, sat_class=Cost_Sat),
    "seq_phragmen": lambda i, p: sequential_phragmen(i, p),
    "mes_cost": lambda i, p: method_of_equal_shares(i, p, sat_class=Cost_Sat),
    "mes_card": lambda i, p: method_of_equal_shares(i, p, sat_class=Cardinality_Sat),
    "mes_points": lambda i, p: method_of_equal_shares(i, p, sat_class=Additive_Cardinal_Sat),
    "mes_cost_add1": mes_add1,
    "mes_cost_add1u": mes_add1u,
    "mes_cost_exh_greedy": mes_exh_greedy,
    "mes_cost_add1_noexhstop": mes_add1_noexhstop,
}
ITERATED = {"mes_cost_add1", "mes_cost_add1u", "mes_cost_exh_greedy", "mes_cost_add1_noexhstop"}
DEFAULT = ["greedy_cost", "greedy_card", "max_welfare_cost", "seq_phragmen"]

# Set in the parent before forking; the children inherit them.
INSTANCE = None
PROFILE = None


def child(key, conn):
    start = time.perf_counter()
    outcome = RULES[key](INSTANCE, PROFILE)
    seconds = time.perf_counter() - start
    conn.send((seconds, sum(p.cost for p in outcome)))
    conn.close()


def main():
    global INSTANCE, PROFILE
    args = sys.argv[1:]
    timeout, timeout_iterated = 900.0, 300.0
    wanted = []
    path = None
    while args:
        a = args.pop(0)
        if a == "--timeout":
            timeout = float(args.pop(0))
        elif a == "--timeout-iterated":
            timeout_iterated = float(args.pop(0))
        elif path is None:
            path = a
        else:
            wanted.append(a)
    wanted = wanted or DEFAULT
    name = os.path.basename(path)
    start = time.perf_counter()
    INSTANCE, PROFILE = parse_pabulib(path)
    print(f"{name}\tparse\t{time.perf_counter() - start:.3f}\t", flush=True)
    ctx = multiprocessing.get_context("fork")
    for key in wanted:
        if (key == "seq_phragmen" and not isinstance(PROFILE, AbstractApprovalProfile)) or (
            key == "mes_points" and not isinstance(PROFILE, AbstractCardinalProfile)
        ):
            print(f"{name}\t{key}\tskipped\tvote type", flush=True)
            continue
        limit = timeout_iterated if key in ITERATED else timeout
        receiver, sender = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=child, args=(key, sender))
        proc.start()
        sender.close()
        if receiver.poll(limit):
            seconds, cost = receiver.recv()
            print(f"{name}\t{key}\t{seconds:.3f}\t{cost}", flush=True)
        else:
            print(f"{name}\t{key}\t>{limit:.0f}\ttimeout", flush=True)
            proc.kill()
        proc.join()


if __name__ == "__main__":
    main()
