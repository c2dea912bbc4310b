#!/usr/bin/env bash
# Times the release binary's `check` with four public Vale packs (Google, Microsoft, proselint,
# write-good, read unchanged from ../shared/vale-packs) on a generated corpus of news stories and
# Markdown notes (default 100 MB, benches/gen_vale_corpus.py), wirecheck's own packs off. Prints
# MB, CPU seconds (user + system, every thread), MB per CPU-second, wall seconds and findings.
# Usage: benches/vale_packs.sh [MEGABYTES] [CORPUS_DIR]
#        WIRECHECK=/path/to/binary benches/vale_packs.sh …   (times another build)
#        PACKS="proselint write-good" benches/vale_packs.sh …  (other packs)
#        MODE=vale benches/vale_packs.sh …   (as a Vale project: a .vale.ini naming the packs,
#                                             each file scoped into Vale's blocks)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-100}
corpus=${2:-target/vale-corpus-${megabytes}mb}
binary=${WIRECHECK:-target/release/wirecheck}
packs_dir=${VALE_PACKS:-../shared/vale-packs}
packs=${PACKS:-Google Microsoft proselint write-good}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
[ -d "$corpus/docs" ] || python3 benches/gen_vale_corpus.py "$corpus" --megabytes "$megabytes"
rules=()
for pack in $packs; do rules+=(--rules "$packs_dir/$pack"); done
bytes=$(du -sb "$corpus/docs" | cut -f1)
find "$corpus/docs" -type f -exec cat {} + > /dev/null  # warm the page cache
out=$(mktemp)
times=$(mktemp)
trap 'rm -f "$out" "$times"' EXIT
if [ "${MODE:-rules}" = vale ]; then
  ini="$corpus/vale.ini"
  styles=$(cd "$packs_dir" && pwd)
  printf 'StylesPath = %s\nMinAlertLevel = suggestion\n\n[*.{md,txt}]\nBasedOnStyles = %s\n' \
    "$styles" "$(echo $packs | sed 's/ /, /g')" > "$ini"
  /usr/bin/time -f "%U %S %e" -o "$times" "$binary" check "$corpus/docs" --config "$ini" \
    --vale-only --format line --fail-level none > "$out" 2> /dev/null
else
  /usr/bin/time -f "%U %S %e" -o "$times" "$binary" check "$corpus/docs" --no-config \
    --disable wire,names-japan,names-world,dateline-generic "${rules[@]}" \
    --format line --fail-level none > "$out" 2> /dev/null
fi
findings=$(wc -l < "$out")
read -r user sys wall < "$times"
awk -v b="$bytes" -v u="$user" -v s="$sys" -v w="$wall" -v f="$findings" -v p="$packs" -v m="${MODE:-rules}" 'BEGIN {
  cpu = u + s; mb = b / 1e6;
  printf "packs: %s (mode: %s)\n%-10s %10s %12s %10s %10s\n", p, m, "MB", "CPU-s", "MB/CPU-s", "wall-s", "findings";
  printf "%-10.1f %10.2f %12.2f %10.2f %10d\n", mb, cpu, mb / cpu, w, f }'
