#!/usr/bin/env bash
# Runs this crate and pabutools on the same Pabulib files, one after the other, on this machine,
# and prints markdown tables (time, ratio) for every rule both implement, Equal Shares included.
#
# Usage: crates/pb/bench/compare.sh [DIR] [FILE-NAME-FILTER]
#   DIR defaults to the fixtures shipped in crates/pb/tests/data/pabulib. Needs pabutools 1.2.3
#   in the Python found as $PABUTOOLS_PYTHON (default: python3), e.g.
#   python3 -m venv ~/.cache/pabutools-venv && ~/.cache/pabutools-venv/bin/pip install pabutools==1.2.3
# pabutools' Equal Shares is slow: each of its runs gets a timeout ($PB_TIMEOUT seconds, default
# 900, for single-run rules; $PB_TIMEOUT_ITERATED, default 180, for the iterated Equal Shares
# rules) and is reported as "> timeout". With the defaults the whole run takes about 1.5 hours
# on the 2-core machine; run it by hand, not in CI.
# $PABUTOOLS_TSV=FILE reuses the pabutools lines of an earlier run (pabutools_bench.py output)
# instead of running pabutools again; $OURS_TSV=FILE and $OURS_STATS_TSV=FILE keep our lines
# (rule times; process wall, CPU and peak memory), and with $REUSE_OURS=1 are read back
# instead of measured again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
dir="${1:-}"
if [ -z "$dir" ]; then
  for d in "$root/crates/pb/tests/data/pabulib" "$root/../shared/data/pabulib" "$root/shared/data/pabulib"; do
    [ -d "$d" ] && dir="$d" && break
  done
fi
[ -d "$dir" ] || { echo "no fixture folder; pass DIR" >&2; exit 2; }
filter="${2:-}"
py="${PABUTOOLS_PYTHON:-python3}"
rules="greedy_cost greedy_card max_welfare_cost seq_phragmen mes_cost mes_card mes_points mes_cost_add1 mes_cost_add1u mes_cost_exh_greedy mes_cost_add1_noexhstop"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nousharik-target}"
cargo build --release -q -p pb --example timing --manifest-path "$root/Cargo.toml"
ours="$CARGO_TARGET_DIR/release/examples/timing"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ours_tsv="${OURS_TSV:-$tmp/ours.tsv}"
stats_tsv="${OURS_STATS_TSV:-$tmp/stats.tsv}"
reuse="${REUSE_OURS:-}"
if [ -z "$reuse" ]; then
  : > "$ours_tsv"
  : > "$stats_tsv"
  : > "$ours_tsv.parse"
fi
theirs_tsv="$tmp/pabutools.tsv"
[ -n "${PABUTOOLS_TSV:-}" ] && cp "$PABUTOOLS_TSV" "$theirs_tsv"
[ -z "$reuse" ] && echo "# ours: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for f in "$dir"/*"$filter"*.pb; do
  # Ours: one process per rule (parse + rule), so that /usr/bin/time gives each rule's
  # process wall time, CPU time and peak memory.
  for r in $rules; do
    [ -n "$reuse" ] && break
    out="$(/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$ours" "$f" --tsv "$r")"
    printf '%s\n' "$out" | grep -v -e $'\tparse\t' -e $'\theap\t' >> "$ours_tsv" || true
    if printf '%s\n' "$out" | grep -q $'\t'"$r"$'\t'; then
      printf '%s\n' "$out" | grep $'\tparse\t' | head -1 >> "$ours_tsv.parse"
      read -r wall user sys rss < "$tmp/time"
      heap="$(printf '%s\n' "$out" | awk -F'\t' '$2 == "heap" { print $3 }')"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$f")" "$r" "$wall" "$user" "$sys" "$rss" "${heap:-0}" >> "$stats_tsv"
    fi
  done
  if [ -z "${PABUTOOLS_TSV:-}" ]; then
    # shellcheck disable=SC2086
    "$py" "$here/pabutools_bench.py" "$f" --timeout "${PB_TIMEOUT:-900}" \
      --timeout-iterated "${PB_TIMEOUT_ITERATED:-180}" $rules >> "$theirs_tsv"
  fi
done
[ -z "$reuse" ] && sort -u "$ours_tsv.parse" >> "$ours_tsv"
python3 - "$ours_tsv" "$theirs_tsv" "$stats_tsv" "$dir" <<'PY'
import os
import sys

def load(p):
    d = {}
    for line in open(p):
        if line.startswith("#") or not line.strip():
            continue
        f, step, secs, cost = line.rstrip("\n").split("\t")
        d[(f, step)] = (secs, cost)
    return d

ours, py = load(sys.argv[1]), load(sys.argv[2])
stats = {}
for line in open(sys.argv[3]):
    # Older stats files have no heap column.
    f, r, wall, user, sys_, rss, *heap = line.rstrip("\n").split("\t")
    stats[(f, r)] = (float(wall), float(user) + float(sys_), int(rss), int((heap or ["0"])[0]))
files = sorted({k[0] for k in ours})

def cell(f, s):
    if (f, s) not in ours:
        return ""
    if (f, s) not in py:
        a = float(ours[(f, s)][0])
        return (f"{a*1000:.1f} ms" if a < 10 else f"{a:.1f} s") + " / not run"
    a = float(ours[(f, s)][0])
    b, cost = py[(f, s)]
    ms = f"{a*1000:.1f} ms" if a < 10 else f"{a:.1f} s"
    if b == "skipped":
        return f"{ms} / — (vote type)"
    if b.startswith(">"):
        return f"{ms} / {b} s (× {float(b[1:])/max(a,1e-6):,.0f}+)"
    same = ""
    if s not in ("parse", "max_welfare_cost") and ours[(f, s)][1] != cost:
        same = " **cost differs**"
    return f"{ms} / {float(b):.2f} s (×{float(b)/max(a,1e-6):,.0f}){same}"

for steps in (
    ["parse", "greedy_cost", "greedy_card", "max_welfare_cost", "seq_phragmen"],
    ["mes_cost", "mes_card", "mes_points", "mes_cost_add1", "mes_cost_add1u",
     "mes_cost_exh_greedy", "mes_cost_add1_noexhstop"],
):
    print("| file | " + " | ".join(f"`{s}` ours / pabutools (×)" for s in steps) + " |")
    print("|---|" + "---:|" * len(steps))
    for f in files:
        print(f"| {f.removesuffix('.pb')} | " + " | ".join(cell(f, s) for s in steps) + " |")
    print()
print("Ours, one process per rule (parse + rule), from /usr/bin/time: the slowest rule's")
print("wall and CPU (user + system) time, and the largest peak memory over the rules: the")
print("process's resident memory (2.8 MB of it is the process itself, whatever the file) and")
print("the heap the engine had in use at its peak (counting allocator of the timing example).")
print()
print("| file | size | slowest rule | wall | CPU | peak resident memory (× file) | peak heap (× file) |")
print("|---|---:|---|---:|---:|---:|---:|")
for f in files:
    rows = [(v, r) for (g, r), v in stats.items() if g == f]
    if not rows:
        continue
    (wall, cpu, _, _), rule = max(rows)
    rss = max(v[2] for v, _ in rows)
    heap = max(v[3] for v, _ in rows)
    size = os.path.getsize(os.path.join(sys.argv[4], f))
    print(f"| {f.removesuffix('.pb')} | {size/1e6:.2f} MB | `{rule}` | {wall:.2f} s | "
          f"{cpu:.2f} s | {rss/1024:.1f} MB (×{rss*1024/size:.1f}) | "
          f"{heap/1e6:.2f} MB (×{heap/size:.1f}) |")
PY
