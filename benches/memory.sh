#!/usr/bin/env bash
# Peak memory of the release binary's `check` on one large story (default 100 MB): the generated
# wire corpus joined into a single file, checked with the shipped packs in the streamed (jsonl)
# and the collected (human) output formats, and once more with a decomposed accent in its first
# line (so that the NFC text the rules read is a second copy of the story).
#
# Bound: peak RSS ≤ 3 × file size + the peak RSS of checking a 2 kB story (the binary, its rules
# and its threads). The story with a decomposed accent also holds the NFC text the rules read,
# a second copy: ≤ 4 × size + that constant.
# `--fix` is measured and reported but not bounded here. Exits 1 when a bound is broken.
# Usage: benches/memory.sh [MEGABYTES] [WORK_DIR]; WIRECHECK=path/to/binary measures another build
# (e.g. an older one, for a before-and-after).
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-100}
work=${2:-target/bench-memory-${megabytes}mb}
binary=${WIRECHECK:-target/release/wirecheck}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
mkdir -p "$work"
story="$work/story.txt"
if [ ! -f "$story" ]; then
  python3 benches/gen_corpus.py "$work/corpus" --megabytes "$megabytes" --names 10 --seed 3 >/dev/null
  find "$work/corpus/stories" -type f -name '*.txt' | sort | xargs cat > "$story"
  rm -rf "$work/corpus"
fi
decomposed="$work/story-nfd.txt"
if [ ! -f "$decomposed" ]; then
  { printf 'Cafe\xcc\x81 Talks Resume\n\n'; cat "$story"; } > "$decomposed"
fi
small=fixtures/stories/sadanews-tokyo-washington-defense.txt

# Peak RSS in kB of one run of the binary with the given arguments.
peak_kb() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$binary" "$@" > /dev/null 2> "$log" || true
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$log"
  rm -f "$log"
}

base=$(peak_kb check --no-config --format jsonl --fail-level none "$small")
printf 'constant (2 kB story): %.1f MB\n' "$(awk -v k="$base" 'BEGIN { print k / 1024 }')"
printf '%-28s %10s %12s %14s %8s %s\n' case "size MB" "peak RSS MB" "(RSS-const)/size" bound ok
failed=0
report() {
  local name=$1 file=$2 bound=$3 peak=$4
  local bytes
  bytes=$(stat -c %s "$file")
  local verdict
  verdict=$(awk -v p="$peak" -v c="$base" -v b="$bytes" -v n="$bound" 'BEGIN {
    ratio = (p - c) * 1024 / b
    printf "%.2f %s", ratio, (n == "-" || ratio <= n) ? "yes" : "NO" }')
  printf '%-28s %10.1f %12.1f %14s %8s %s\n' "$name" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" \
    "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "${verdict% *}" "$bound" "${verdict#* }"
  [ "${verdict#* }" = NO ] && failed=1
  return 0
}
report "check --format jsonl" "$story" 3 "$(peak_kb check --no-config --format jsonl --fail-level none "$story")"
report "check (human)" "$story" 3 "$(peak_kb check --no-config --fail-level none "$story")"
report "check, decomposed accent" "$decomposed" 4 \
  "$(peak_kb check --no-config --format jsonl --fail-level none "$decomposed")"
copy="$work/fix.txt"
cp "$story" "$copy"
report "check --fix (no bound)" "$story" - "$(peak_kb check --no-config --format jsonl --fail-level none --fix "$copy")"
rm -f "$copy"
exit "$failed"
