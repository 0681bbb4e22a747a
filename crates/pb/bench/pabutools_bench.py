"""Times pabutools on Pabulib files, for the side-by-side table in the crate README.

Usage: python pabutools_bench.py FILE.pb [RULE ...]
Prints tab-separated lines: file, step (parse or a rule key), seconds, total cost.
The rule keys and calls are those of shared/data/pabulib/README.md.
"""

import os
import sys
import time

from pabutools.election import Cardinality_Sat, Cost_Sat, parse_pabulib
from pabutools.election.profile import AbstractApprovalProfile
from pabutools.rules import (
    greedy_utilitarian_welfare,
    max_additive_utilitarian_welfare,
    sequential_phragmen,
)

RULES = {
    "greedy_cost": lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=Cost_Sat),
    "greedy_card": lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=Cardinality_Sat),
    "max_welfare_cost": lambda i, p: max_additive_utilitarian_welfare(i, p, sat_class=Cost_Sat),
    "seq_phragmen": lambda i, p: sequential_phragmen(i, p),
}


def main():
    path = sys.argv[1]
    wanted = sys.argv[2:] or list(RULES)
    name = os.path.basename(path)
    start = time.perf_counter()
    instance, profile = parse_pabulib(path)
    print(f"{name}\tparse\t{time.perf_counter() - start:.3f}\t", flush=True)
    for key in wanted:
        if key == "seq_phragmen" and not isinstance(profile, AbstractApprovalProfile):
            continue
        start = time.perf_counter()
        outcome = RULES[key](instance, profile)
        seconds = time.perf_counter() - start
        cost = sum(p.cost for p in outcome)
        print(f"{name}\t{key}\t{seconds:.3f}\t{cost}", flush=True)


if __name__ == "__main__":
    main()
