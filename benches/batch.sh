#!/usr/bin/env bash
# Batch scale: `check --format jsonl` over a folder of 100,000 generated stories, on every core,
# with the peak memory (max RSS) of runs over 10,000 and 100,000 stories: memory stays bounded
# because findings are streamed as files finish, not collected.
# Usage: benches/batch.sh [CORPUS_DIR]
#        WIRECHECK=/path/to/binary benches/batch.sh …   (times another build, e.g. an older one)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-target/bench-batch}
binary=${WIRECHECK:-target/release/wirecheck}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
if [ ! -d "$corpus/all/stories" ]; then
  # About 2.8 kB a story: 280 MB makes 100,000 stories.
  python3 benches/gen_corpus.py "$corpus/all" --megabytes 280 --names 100 --seed 7 >/dev/null
fi
stories=$(find "$corpus/all/stories" -type f | wc -l)
if [ ! -d "$corpus/tenth" ]; then
  mkdir -p "$corpus/tenth"
  find "$corpus/all/stories" -type f | sort | awk -v n=$((stories / 10)) 'NR <= n' | xargs cp -t "$corpus/tenth"
fi
printf '%-10s %8s %10s %12s %10s\n' stories seconds "MB/s" "max RSS MB" findings
for dir in "$corpus/tenth" "$corpus/all/stories"; do
  count=$(find "$dir" -type f | wc -l)
  bytes=$(du -sb "$dir" | cut -f1)
  find "$dir" -type f -exec cat {} + > /dev/null
  log=$(mktemp)
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$log" "$binary" check "$dir" --no-config --format jsonl \
    --fail-level none > "$log.out"
  end=$(date +%s.%N)
  findings=$(wc -l < "$log.out")
  awk -v c="$count" -v s="$start" -v e="$end" -v b="$bytes" -v rss="$(cat "$log")" -v f="$findings" 'BEGIN {
    secs = e - s; printf "%-10s %8.2f %10.1f %12.1f %10s\n", c, secs, b / 1e6 / secs, rss / 1024, f }'
  rm -f "$log" "$log.out"
done
