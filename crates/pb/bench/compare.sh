#!/usr/bin/env bash
# Runs this crate and pabutools on the same Pabulib files, one after the other, on this machine,
# and prints a markdown table (seconds, ratio) for the rules both implement.
#
# Usage: crates/pb/bench/compare.sh [DIR] [FILE-NAME-FILTER]
#   DIR defaults to shared/data/pabulib beside the checkout. Needs pabutools 1.2.3 in the
#   Python found as $PABUTOOLS_PYTHON (default: python3), e.g.
#   python3 -m venv ~/.cache/pabutools-venv && ~/.cache/pabutools-venv/bin/pip install pabutools==1.2.3
# pabutools takes minutes on the largest files; run it by hand, not in CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
dir="${1:-}"
if [ -z "$dir" ]; then
  for d in "$root/crates/pb/tests/data/pabulib" "$root/../shared/data/pabulib" "$root/../../shared/data/pabulib" "$root/shared/data/pabulib"; do
    [ -d "$d" ] && dir="$d" && break
  done
fi
[ -d "$dir" ] || { echo "no fixture folder; pass DIR" >&2; exit 2; }
filter="${2:-}"
py="${PABUTOOLS_PYTHON:-python3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nousharik-target}"
cargo build --release -q -p pb --example timing --manifest-path "$root/Cargo.toml"
ours="$CARGO_TARGET_DIR/release/examples/timing"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for f in "$dir"/*"$filter"*.pb; do
  "$ours" "$f" --tsv greedy_cost greedy_card max_welfare_cost seq_phragmen >> "$tmp/ours.tsv"
  "$py" "$here/pabutools_bench.py" "$f" >> "$tmp/pabutools.tsv"
done
python3 - "$tmp/ours.tsv" "$tmp/pabutools.tsv" <<'PY'
import sys
def load(p):
    d = {}
    for line in open(p):
        f, step, secs, cost = line.rstrip("\n").split("\t")
        d[(f, step)] = (float(secs), cost)
    return d
ours, py = load(sys.argv[1]), load(sys.argv[2])
steps = ["parse", "greedy_cost", "greedy_card", "max_welfare_cost", "seq_phragmen"]
print("| file | " + " | ".join(f"`{s}` ours / pabutools (×)" for s in steps) + " |")
print("|---|" + "---:|" * len(steps))
for f in sorted({k[0] for k in ours}):
    cells = []
    for s in steps:
        if (f, s) in ours and (f, s) in py:
            a, b = ours[(f, s)][0], py[(f, s)][0]
            same = "" if s == "parse" or s == "max_welfare_cost" or ours[(f, s)][1] == py[(f, s)][1] else " cost differs!"
            cells.append(f"{a*1000:.1f} ms / {b:.2f} s (×{b/max(a,1e-6):,.0f}){same}")
        else:
            cells.append("")
    print(f"| {f} | " + " | ".join(cells) + " |")
PY
