#!/usr/bin/env bash
# Times `wirecheck diff` against `dwdiff` and `git diff --no-index --word-diff=plain` on story
# pairs of every shape of change (benches/gen_diff_shapes.py: near-identical, every paragraph
# rewritten, paragraphs shuffled, one huge paragraph, thousands of tiny ones) at ~80 KB and ~1 MB.
# Each command runs RUNS times (default 7) with its output to /dev/null; the best and the median
# wall-clock times and the best CPU time are printed, and the table is written to OUT (default
# benches/DIFF_SHAPES_RESULTS.md, "## Results" section replaced by this run's).
# Usage: benches/diff_shapes.sh [RUNS] [PAIRS_DIR]
#        WIRECHECK=/path/to/binary benches/diff_shapes.sh …   (times another build, e.g. an older one)
#        OUT=/tmp/table.md benches/diff_shapes.sh …            (writes the table elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
pairs=${2:-target/diff-shapes}
binary=${WIRECHECK:-target/release/wirecheck}
out=${OUT:-benches/DIFF_SHAPES_RESULTS.md}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
python3 benches/gen_diff_shapes.py "$pairs"

# Runs a command RUNS times, stdout to /dev/null; prints "best median cpu": the best and median
# wall-clock seconds and the best CPU seconds (user + system), which a busy machine disturbs less.
time_command() {
  python3 - "$runs" "$@" <<'PY'
import os, statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
times, cpu = [], []
for _ in range(runs):
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    times.append(time.perf_counter() - start)
    cpu.append(usage.ru_utime + usage.ru_stime)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(command)} exited with {status}")
print(f"{min(times):.3f} {statistics.median(times):.3f} {min(cpu):.3f}")
PY
}

table=$(mktemp)
trap 'rm -f "$table"' EXIT
{
  echo "| pair | size (old/new bytes) | wirecheck inline | wirecheck json | dwdiff | git word-diff | wirecheck vs faster (wall, CPU) |"
  echo "|---|---|---|---|---|---|---|"
} > "$table"
printf '%-12s %9s %20s %20s %20s %20s %11s\n' pair old_bytes "wc inline" "wc json" dwdiff "git wdiff" "ratio w/cpu"
for shape in near rewrite shuffle onepara tiny; do
  for size in 80k 1m; do
    old="$pairs/$shape-$size.old.txt"
    new="$pairs/$shape-$size.new.txt"
    read -r inline_best inline_median inline_cpu < <(time_command "$binary" diff "$old" "$new" --color never)
    read -r json_best json_median json_cpu < <(time_command "$binary" diff "$old" "$new" --format json)
    read -r dwdiff_best dwdiff_median dwdiff_cpu < <(time_command dwdiff "$old" "$new")
    read -r git_best git_median git_cpu < <(time_command git diff --no-index --word-diff=plain "$old" "$new")
    # wirecheck inline over the faster of the other two, by best wall clock and by best CPU time.
    ratio() { awk -v w="$1" -v d="$2" -v g="$3" \
      'BEGIN { f = (d < g) ? d : g; if (f < 0.001) f = 0.001; printf "%.2f", w / f }'; }
    wall_ratio=$(ratio "$inline_best" "$dwdiff_best" "$git_best")
    cpu_ratio=$(ratio "$inline_cpu" "$dwdiff_cpu" "$git_cpu")
    bytes="$(stat -c %s "$old")/$(stat -c %s "$new")"
    printf '%-12s %9s %6s/%6s/%6s %6s/%6s/%6s %6s/%6s/%6s %6s/%6s/%6s %5s/%5s\n' "$shape-$size" \
      "$(stat -c %s "$old")" "$inline_best" "$inline_median" "$inline_cpu" \
      "$json_best" "$json_median" "$json_cpu" "$dwdiff_best" "$dwdiff_median" "$dwdiff_cpu" \
      "$git_best" "$git_median" "$git_cpu" "$wall_ratio" "$cpu_ratio"
    cell() { echo "$1 / $2 / $3"; }
    echo "| $shape-$size | $bytes | $(cell "$inline_best" "$inline_median" "$inline_cpu") |" \
      "$(cell "$json_best" "$json_median" "$json_cpu") | $(cell "$dwdiff_best" "$dwdiff_median" "$dwdiff_cpu") |" \
      "$(cell "$git_best" "$git_median" "$git_cpu") | ${wall_ratio}× / ${cpu_ratio}× |" >> "$table"
  done
done

# Keep the notes above "## Results" and replace the results with this run's.
notes=""
[ -f "$out" ] && notes=$(sed '/^## Results/,$d' "$out")
{
  if [ -n "$notes" ]; then printf '%s\n\n' "$notes"; fi
  echo "## Results"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(uname -sr), $(nproc) cores" \
    "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $runs runs each;" \
    "wirecheck $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates src || echo '+changes')," \
    "$(dwdiff --version 2>&1 | head -1), $(git --version)."
  echo "Seconds: best wall clock / median wall clock / best CPU time (user + system). The ratio is"
  echo "wirecheck inline over the faster of dwdiff and git word-diff, by best wall clock and by best"
  echo "CPU time (the steadier of the two when other work shares the machine)."
  echo
  cat "$table"
} > "$out.tmp"
mv "$out.tmp" "$out"
