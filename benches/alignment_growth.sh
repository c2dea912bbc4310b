#!/usr/bin/env bash
# Alignment growth: times `wirecheck diff --format json` on story pairs of 100 to 4,000
# paragraphs where no paragraph is identical (benches/gen_alignment_growth.py: every paragraph
# lightly edited, some moved, split and merged), best of RUNS (default 5), and prints the time
# per n·log2(n) paragraphs, which must stay flat or fall, with what the pairing reported
# (timed_out, moved, deleted and inserted paragraphs: with no real deletion or insertion in the
# script, deleted/inserted should be 0 and moved about n/50).
# Usage: benches/alignment_growth.sh [RUNS]
#        WIRECHECK=/path/to/binary benches/alignment_growth.sh …   (times another build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
pairs=target/alignment-growth
binary=${WIRECHECK:-target/release/wirecheck}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
sizes="100 200 500 1000 2000 4000"
# shellcheck disable=SC2086
python3 benches/gen_alignment_growth.py "$pairs" $sizes
echo "| paragraphs | best wall (ms) | µs per n·log2 n | timed_out | moved | deleted | inserted |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  old="$pairs/growth-$n.old.txt"
  new="$pairs/growth-$n.new.txt"
  python3 - "$runs" "$n" "$binary" "$old" "$new" <<'PY'
import json, math, subprocess, sys, time
runs, n, binary, old, new = int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:]
best, out = float("inf"), b""
for _ in range(runs):
    start = time.perf_counter()
    done = subprocess.run([binary, "diff", old, new, "--format", "json", "--timeout-ms", "600000"],
                          stdout=subprocess.PIPE)
    best = min(best, time.perf_counter() - start)
    out = done.stdout
report = json.loads(out)
names = [b.get("pairing") or b.get("kind") for b in report.get("blocks", [])]
count = lambda k: sum(1 for x in names if x == k)
per = best * 1e6 / (n * math.log2(n))
print(f"| {n} | {best * 1000:.1f} | {per:.2f} | {str(report.get('timed_out')).lower()} "
      f"| {count('moved')} | {count('deleted')} | {count('inserted')} |")
PY
done
