#!/usr/bin/env bash
# Times the release binary's `check` on a generated wire-like corpus (default 200 MB) with the
# shipped packs plus a names list of 100, 1,000 and 10,000 entries, on 1 thread and on every core.
# Each configuration runs three times and the fastest run is reported (the machine is shared).
# Usage: benches/throughput.sh [MEGABYTES] [CORPUS_DIR]
#        WIRECHECK=/path/to/binary benches/throughput.sh …   (times another build, e.g. an older one)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-200}
corpus=${2:-target/bench-corpus-${megabytes}mb}
binary=${WIRECHECK:-target/release/wirecheck}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
if [ ! -d "$corpus/stories" ]; then
  python3 benches/gen_corpus.py "$corpus" --megabytes "$megabytes" --names 10000
fi
for n in 100 1000; do
  [ -f "$corpus/names-$n.yml" ] || python3 benches/gen_corpus.py "$corpus" --megabytes 0 --names "$n" >/dev/null
done
bytes=$(du -sb "$corpus/stories" | cut -f1)
# Warm the page cache so that the disk is not what is measured.
find "$corpus/stories" -type f -exec cat {} + > /dev/null
printf '%-8s %-8s %10s %12s %12s\n' names threads seconds "MB/s" "MB/s/core"
for n in 100 1000 10000; do
  for threads in 1 "$(nproc)"; do
    best=""
    for run in 1 2 3; do
      start=$(date +%s.%N)
      RAYON_NUM_THREADS=$threads "$binary" check "$corpus/stories" --no-config \
        --rules "$corpus/names-$n.yml" --format line --fail-level none > /dev/null
      end=$(date +%s.%N)
      best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { d = e - s; print (b == "" || d < b) ? d : b }')
    done
    awk -v n="$n" -v t="$threads" -v secs="$best" -v b="$bytes" 'BEGIN {
      mbs = b / 1e6 / secs;
      printf "%-8s %-8s %10.2f %12.1f %12.1f\n", n, t, secs, mbs, mbs / t }'
  done
done
