#!/usr/bin/env bash
# Times `wirecheck diff` against `dwdiff` and `git diff --no-index --word-diff=plain` on story
# pairs of every shape of change (benches/gen_diff_shapes.py: near-identical, every paragraph
# rewritten, paragraphs shuffled, one huge paragraph, thousands of tiny ones) at ~80 KB and ~1 MB.
# Each command runs RUNS times (default 7) with its output to /dev/null; the best and the median
# wall-clock times are printed, and the table is written to OUT (default
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

# Runs a command RUNS times, stdout to /dev/null; prints "best median" in seconds.
time_command() {
  python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    status = subprocess.run(command, stdout=subprocess.DEVNULL).returncode
    times.append(time.perf_counter() - start)
    if status not in (0, 1):
        sys.exit(f"{' '.join(command)} exited with {status}")
print(f"{min(times):.3f} {statistics.median(times):.3f}")
PY
}

table=$(mktemp)
trap 'rm -f "$table"' EXIT
{
  echo "| pair | size (old/new bytes) | wirecheck inline | wirecheck json | dwdiff | git word-diff | wirecheck vs faster |"
  echo "|---|---|---|---|---|---|---|"
} > "$table"
printf '%-12s %9s %15s %15s %15s %15s %8s\n' pair old_bytes "wc inline" "wc json" dwdiff "git wdiff" ratio
for shape in near rewrite shuffle onepara tiny; do
  for size in 80k 1m; do
    old="$pairs/$shape-$size.old.txt"
    new="$pairs/$shape-$size.new.txt"
    read -r inline_best inline_median < <(time_command "$binary" diff "$old" "$new" --color never)
    read -r json_best json_median < <(time_command "$binary" diff "$old" "$new" --format json)
    read -r dwdiff_best dwdiff_median < <(time_command dwdiff "$old" "$new")
    read -r git_best git_median < <(time_command git diff --no-index --word-diff=plain "$old" "$new")
    ratio=$(awk -v w="$inline_best" -v d="$dwdiff_best" -v g="$git_best" \
      'BEGIN { f = (d < g) ? d : g; if (f < 0.001) f = 0.001; printf "%.2f", w / f }')
    bytes="$(stat -c %s "$old")/$(stat -c %s "$new")"
    printf '%-12s %9s %7s/%-7s %7s/%-7s %7s/%-7s %7s/%-7s %8s\n' "$shape-$size" "$(stat -c %s "$old")" \
      "$inline_best" "$inline_median" "$json_best" "$json_median" "$dwdiff_best" "$dwdiff_median" \
      "$git_best" "$git_median" "$ratio"
    echo "| $shape-$size | $bytes | $inline_best / $inline_median | $json_best / $json_median | $dwdiff_best / $dwdiff_median | $git_best / $git_median | ${ratio}× |" >> "$table"
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
  echo "Seconds, best / median wall clock; the ratio is wirecheck inline (best) over the faster of"
  echo "dwdiff and git word-diff (best)."
  echo
  cat "$table"
} > "$out.tmp"
mv "$out.tmp" "$out"
