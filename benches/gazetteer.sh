#!/usr/bin/env bash
# The world gazetteer's cost (rules/data/gazetteer-world.tsv.deflate, read on first use): the
# release binary's size, the wall time of `wirecheck check` on a tiny story (the median of RUNS
# runs, after two warm-up runs; with the CPU time, user + system, which a loaded machine blurs
# less) and its peak RSS (/usr/bin/time -v), for three stories: a dateline city the curated
# gazetteer knows (the world data is never read), a city only the world gazetteer knows (it is
# decompressed and searched), and a place neither knows. With a baseline, the two binaries' runs
# are interleaved.
#
# With BASELINE=path/to/older/binary, each figure is given for both builds with the difference,
# checked against the bounds: start-up +20 ms, peak RSS +40 MB, binary +4 MB; exits 1 when one is
# broken.
# Usage: benches/gazetteer.sh [RUNS] [WORK_DIR]
#        WIRECHECK=path/to/binary BASELINE=path/to/binary benches/gazetteer.sh …
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-41}
work=${2:-target/bench-gazetteer}
binary=${WIRECHECK:-target/release/wirecheck}
baseline=${BASELINE:-}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
mkdir -p "$work"
story() {
  printf 'Chemicals Plant to Close\n\n%s (AP) — A chemicals plant will close next year with the loss of about 400 jobs, its owner said Tuesday.\n\nUnion officials said they would seek talks.\n' "$2" > "$work/$1.txt"
}
story curated 'OSAKA, Japan'
story world 'WARRINGTON, England'
story unknown 'QWERTYVILLE'

# Median wall time and median CPU time (user + system) in ms of RUNS runs of `check` on a story,
# for each binary given, their runs interleaved so that the machine's load falls on both alike:
# one "wall cpu" pair a binary, a line each.
median_ms() {
  python3 - "$1" "$runs" "${@:2}" <<'EOF'
import resource, statistics, subprocess, sys, time
story, runs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
wall = {b: [] for b in binaries}
cpu = {b: [] for b in binaries}
for run in range(runs + 2):
    for binary in binaries:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([binary, "check", "--no-config", "--fail-level", "none", story],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run >= 2:
            wall[binary].append(elapsed * 1000)
            cpu[binary].append((after.ru_utime + after.ru_stime
                                - before.ru_utime - before.ru_stime) * 1000)
for binary in binaries:
    print(f"{statistics.median(wall[binary]):.1f} {statistics.median(cpu[binary]):.1f}")
EOF
}

# Peak RSS in MB of one run (the largest of three).
peak_mb() {
  local best=0 kb
  for _ in 1 2 3; do
    kb=$(/usr/bin/time -v "$1" check --no-config --fail-level none "$2" 2>&1 >/dev/null |
      awk -F': ' '/Maximum resident set size/ { print $2 }')
    [ "$kb" -gt "$best" ] && best=$kb
  done
  awk -v k="$best" 'BEGIN { printf "%.1f", k / 1024 }'
}

size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", b / 1048576 }'; }

failed=0
# Prints one figure: its name, this build's value, and with a baseline the baseline's, the
# difference and whether it is within `bound` (empty for none).
row() {
  local name=$1 after=$2 before=${3:-} bound=${4:-}
  if [ -z "$before" ]; then
    printf '%-34s %10s\n' "$name" "$after"
    return
  fi
  local verdict
  verdict=$(awk -v a="$after" -v b="$before" -v n="$bound" 'BEGIN {
    d = a - b; printf "%+.2f %s", d, (n == "" || d <= n) ? "yes" : "NO" }')
  printf '%-34s %10s %10s %10s %8s %s\n' "$name" "$before" "$after" "${verdict% *}" "${bound:--}" \
    "${verdict#* }"
  [ "${verdict#* }" = NO ] && failed=1
  return 0
}

if [ -n "$baseline" ]; then
  printf '%-34s %10s %10s %10s %8s %s\n' figure before after change bound ok
else
  printf '%-34s %10s\n' figure value
fi
row "binary size (MB)" "$(size_mb "$binary")" "${baseline:+$(size_mb "$baseline")}" 4
for kind in curated world unknown; do
  if [ -n "$baseline" ]; then
    mapfile -t times < <(median_ms "$work/$kind.txt" "$binary" "$baseline")
    read -r after_wall after_cpu <<< "${times[0]}"
    read -r before_wall before_cpu <<< "${times[1]}"
    row "start-up, $kind place (ms)" "$after_wall" "$before_wall" 20
    row "  CPU time, $kind place (ms)" "$after_cpu" "$before_cpu" 20
  else
    read -r wall cpu <<< "$(median_ms "$work/$kind.txt" "$binary")"
    row "start-up, $kind place (ms)" "$wall"
    row "  CPU time, $kind place (ms)" "$cpu"
  fi
done
for kind in curated world unknown; do
  row "peak RSS, $kind place (MB)" "$(peak_mb "$binary" "$work/$kind.txt")" \
    "${baseline:+$(peak_mb "$baseline" "$work/$kind.txt")}" 40
done
exit $failed
