#!/bin/sh
# Signing benchmark (issue 4): the release binary on SQLite, wrk in a second process.
# 1. `nousharik bench-petitions` prepares a throw-away data directory: demo data, one petition
#    to the Tangier council open for signatures, and distinct verified signers with sessions.
# 2. `nousharik serve` (release build) on that directory.
# 3. wrk on a static page (the CSS file, served from memory) for the reference figure.
# 4. wrk with sign.lua: every request is a different signer's signing form (CSRF token, CIN…);
#    a 303 is an acknowledged signature, i.e. committed durably before the answer.
# 5. The stored count is read back from /petitions.json and compared with wrk's 303s.
# Usage (from the repository root, after `cargo build --release`):
#     crates/nousharik/bench/petitions/run.sh [target/release/nousharik]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-${CARGO_TARGET_DIR:-target}/release/nousharik}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
signers=${SIGNERS_COUNT:-120000}
port=${PORT:-18181}
data=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT INT TERM

export NOUSHARIK_DATA_DIR="$data" NOUSHARIK_LOG=warn
unset DATABASE_URL NOUSHARIK_SMTP_URL NOUSHARIK_BASE_URL || true
"$bin" bench-petitions --signers "$signers" --out "$data/signers.tsv" >/dev/null
"$bin" --bind "127.0.0.1:$port" serve >/dev/null &
server=$!
for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
base="http://127.0.0.1:$port"
css=$(curl -fsS "$base/" | grep -o '/static/[^"]*app\.css' | head -n 1)
petition=$(head -n 1 "$data/signers.tsv" | cut -f1 | cut -d/ -f3)

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== static page $css, $connections connections, $duration"
wrk -t"$threads" -c"$connections" -d"$duration" --latency "$base$css" | grep -E 'Requests/sec|50%|90%|99%|Non-2xx|Socket'
echo "== signing petition $petition, $connections connections, $duration"
SIGNERS="$data/signers.tsv" WRK_THREADS="$threads" \
    wrk -t"$threads" -c"$connections" -d"$duration" -s "$here/sign.lua" "$base"
stored=$(curl -fsS "$base/petitions.json" | python3 -c "import json, sys
print(next(p['signature_count'] for p in json.load(sys.stdin) if p['id'] == $petition))")
echo "== signatures stored for petition $petition: $stored"
