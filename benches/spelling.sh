#!/usr/bin/env bash
# Times a `spelling` rule (the shipped en_US dictionary, Vale's default filters) with the release
# binary on a generated wire-like corpus (default 1 MB), on one thread, and reports CPU seconds
# (user + system) and MB per CPU-second: for the run with only the spelling rule, and for the same
# run with a one-token existence rule instead (what reading and parsing the stories costs), and
# with `action: {name: suggest}` (suggestions for each misspelt word, computed once a run).
# Each configuration runs three times and the fastest is reported (the machine is shared).
# Usage: benches/spelling.sh [MEGABYTES] [CORPUS_DIR]
#        WIRECHECK=/path/to/binary benches/spelling.sh …   (times another build)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-1}
corpus=${2:-target/bench-spelling-${megabytes}mb}
binary=${WIRECHECK:-target/release/wirecheck}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
if [ ! -d "$corpus/stories" ]; then
  python3 benches/gen_corpus.py "$corpus" --megabytes "$megabytes" --names 100 > /dev/null
fi
mkdir -p "$corpus/spelling/Bench" "$corpus/baseline/Bench" "$corpus/suggest/Bench"
printf 'extends: spelling\nmessage: "Did you really mean %%s?"\n' > "$corpus/spelling/Bench/Spelling.yml"
printf 'extends: spelling\nmessage: "%%s"\naction: {name: suggest}\n' > "$corpus/suggest/Bench/Spelling.yml"
printf 'extends: existence\nmessage: "%%s"\ntokens: [zzzzzz]\n' > "$corpus/baseline/Bench/Nothing.yml"
bytes=$(du -sb "$corpus/stories" | cut -f1)
find "$corpus/stories" -type f -exec cat {} + > /dev/null
printf '%-10s %10s %10s %14s\n' rules findings CPU-s "MB/CPU-s"
for rules in baseline spelling suggest; do
  best=""
  for run in 1 2 3; do
    cpu=$( { /usr/bin/env time -f '%U %S' env RAYON_NUM_THREADS=1 "$binary" check "$corpus/stories" \
      --no-config --disable wire,names-japan,names-world --rules "$corpus/$rules/Bench" \
      --format line --fail-level none > "$corpus/$rules.out"; } 2>&1 | tail -1 | awk '{ print $1 + $2 }')
    best=$(awk -v c="$cpu" -v b="$best" 'BEGIN { print (b == "" || c < b) ? c : b }')
  done
  findings=$(wc -l < "$corpus/$rules.out")
  awk -v r="$rules" -v f="$findings" -v c="$best" -v b="$bytes" 'BEGIN {
    printf "%-10s %10d %10.2f %14.1f\n", r, f, c, (c > 0 ? b / 1e6 / c : 0) }'
done
