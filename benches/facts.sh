#!/usr/bin/env bash
# The checks that read per-story and per-run facts: `check --reference` (paragraph alignment,
# numbers and names of the reference) and the dateline and date checks with a house style, the
# `dates-ap` pack and places of the user's own (two dateline rules, two date rules, the user's
# gazetteer), on a generated corpus (default 20 MB), on one thread. Each configuration runs three
# times and the least CPU time (user + system) is reported, with that run's wall time: on a shared
# machine the CPU time is the steadier measure.
# Usage: benches/facts.sh [MEGABYTES] [WORK_DIR]; WIRECHECK=path/to/binary measures another build
# (e.g. an older one, for a before-and-after).
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-20}
work=${2:-target/bench-facts-${megabytes}mb}
binary=${WIRECHECK:-target/release/wirecheck}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
if [ ! -d "$work/stories" ]; then
  python3 benches/gen_corpus.py "$work" --megabytes "$megabytes" --names 10 --seed 5 >/dev/null
  # The reference every story is compared with: a story of the same generator, with its own file.
  mv "$work/stories/000000.txt" "$work/reference.txt"
fi
config="$work/wirecheck.yaml"
{
  echo "dateline_style: ap"
  echo "enable: [dates-ap]"
  echo "date: 2026-01-16"
  echo "places:"
  for i in $(seq 1 50); do
    printf '  - name: Placeville%s\n    country: Japan\n' "$i"
  done
} > "$config"
bytes=$(du -sb "$work/stories" | cut -f1)
stories=$(find "$work/stories" -type f | wc -l)
# Warm the page cache so that the disk is not what is measured.
find "$work/stories" -type f -exec cat {} + > /dev/null
echo "$stories stories, $((bytes / 1000000)) MB, binary $binary"
printf '%-34s %10s %10s %12s\n' configuration "CPU s" "wall s" "stories/CPU s"
run() {
  local label=$1
  shift
  local best="" wall="" log
  log=$(mktemp)
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    RAYON_NUM_THREADS=1 /usr/bin/time -f '%U %S' -o "$log" "$binary" check "$work/stories" \
      --format line --fail-level none "$@" > /dev/null
    end=$(date +%s.%N)
    read -r user system < "$log"
    local cpu
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')
    if [ -z "$best" ] || awk -v c="$cpu" -v b="$best" 'BEGIN { exit !(c < b) }'; then
      best=$cpu
      wall=$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')
    fi
  done
  rm -f "$log"
  awk -v l="$label" -v cpu="$best" -v w="$wall" -v n="$stories" \
    'BEGIN { printf "%-34s %10.2f %10.2f %12.0f\n", l, cpu, w, n / cpu }'
}
run "wire packs" --no-config --packs wire
run "wire packs --reference" --no-config --packs wire --reference "$work/reference.txt"
run "house style, dates-ap, places" --config "$config"
run "house style ... --reference" --config "$config" --reference "$work/reference.txt"
