#!/usr/bin/env bash
# Time and memory on hostile and large inputs, each against the bound it must stay within:
#   TER of two 1 MB one-line segments; the HTML diff of 1 MB and 100 KB story pairs (aligned
#   paragraphs scored as segments); reports of 100,000 findings in every format, written to a
#   file; a names list of 1,000,000 entries; a rule regex that repeats too much (an error at
#   once, exit 2) and one at the repetition limit on a 1 MB line; reports of 20,000 findings that
#   point into a 2.7 MB reference (`check --reference`).
# Prints seconds (wall), CPU seconds (user + system), max RSS and the bound, which is on CPU
# seconds (the machine may be shared; wall time follows its load) and max RSS; exits 1 if any
# bound is exceeded.
# Inputs come from benches/gen_bounds.py (deterministic) and are kept in target/bench-bounds.
# Usage: benches/bounds.sh            (builds and times target/release/wirecheck)
#        WIRECHECK=/path/to/binary benches/bounds.sh   (times another build, e.g. an older one)
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=target/bench-bounds
if [ -z "${WIRECHECK:-}" ]; then
  cargo build --release --quiet
  WIRECHECK=target/release/wirecheck
fi
[ -f "$inputs/ter/hyp.txt" ] || python3 benches/gen_bounds.py ter "$inputs/ter" --bytes 1000000
[ -f "$inputs/story/old.txt" ] || python3 benches/gen_bounds.py story "$inputs/story" --bytes 1000000
[ -f "$inputs/story100k/old.txt" ] || python3 benches/gen_bounds.py story "$inputs/story100k" --bytes 100000
[ -f "$inputs/findings/story.txt" ] || python3 benches/gen_bounds.py findings "$inputs/findings" --count 100000
[ -f "$inputs/names/names.yml" ] || python3 benches/gen_bounds.py names "$inputs/names" --count 1000000
[ -f "$inputs/regex/story.txt" ] || python3 benches/gen_bounds.py regex "$inputs/regex" --bytes 1000000
[ -f "$inputs/reference/story.txt" ] || python3 benches/gen_bounds.py reference "$inputs/reference" --count 20000
if [ ! -f "$inputs/regex/limit.yml" ]; then
  printf '%s\n' 'extends: existence' "message: \"'%s'\"" 'level: warning' 'nonword: true' \
    "tokens: ['a{1000}']" > "$inputs/regex/limit.yml"
fi
out=$(mktemp)
log=$(mktemp)
trap 'rm -f "$out" "$log"' EXIT
failed=0
printf '%-38s %8s %8s %9s   %s\n' case seconds "CPU s" "RSS MB" "bound (CPU s, RSS MB)"
# run NAME EXIT MAX_CPU_SECONDS MAX_MB COMMAND...: times COMMAND (its output to a file) and checks
# its exit code (EXIT, e.g. 0 or "0|1") and its CPU time and peak memory against the bound.
run() {
  local name=$1 codes=$2 max_seconds=$3 max_mb=$4
  shift 4
  local status=0
  /usr/bin/time -f '%e %U %S %M' -o "$log" timeout 300 "$@" > "$out" 2>/dev/null || status=$?
  read -r wall user sys rss < <(tail -n 1 "$log")
  local verdict
  if ! [[ $status =~ ^($codes)$ ]]; then
    verdict="FAILED (exit $status)"
  else
    verdict=$(awk -v u="$user" -v s="$sys" -v r="$rss" -v ms="$max_seconds" -v mm="$max_mb" \
      'BEGIN { print (u + s <= ms && r / 1024 <= mm) ? "ok" : "EXCEEDED" }')
  fi
  [ "$verdict" = ok ] || failed=1
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v ms="$max_seconds" \
    -v mm="$max_mb" -v v="$verdict" \
    'BEGIN { printf "%-38s %8.2f %8.2f %9.1f   %s, %s: %s\n", n, w, u + s, r / 1024, ms, mm, v }'
}
W=$WIRECHECK
run "score -m ter, 1 MB lines" 0 1 200 "$W" score -m ter "$inputs/ter/hyp.txt" --ref "$inputs/ter/ref.txt"
run "score (4 metrics), 1 MB lines" 0 2 300 "$W" score "$inputs/ter/hyp.txt" --ref "$inputs/ter/ref.txt"
run "diff --format html, 1 MB" 1 1 200 "$W" diff --format html "$inputs/story/old.txt" "$inputs/story/new.txt"
run "diff --format html, 100 KB" 1 0.5 100 "$W" diff --format html "$inputs/story100k/old.txt" "$inputs/story100k/new.txt"
for format in json sarif junit jsonl line github rdjson rdjsonl human; do
  run "check --format $format, 100k findings" 1 2.5 300 "$W" check --no-config --color never \
    --rules "$inputs/findings/rule.yml" --format "$format" "$inputs/findings/story.txt"
done
# Every finding points into the 2.7 MB reference: its positions are the reporter's to find.
for format in json human; do
  run "check --reference --format $format, 20k" 1 5 300 "$W" check --no-config --color never \
    --format "$format" --reference "$inputs/reference/ref.txt" "$inputs/reference/story.txt"
done
run "check, names list of 1,000,000" "0|1" 10 600 "$W" check --no-config --format line \
  --rules "$inputs/names/names.yml" "$inputs/names/story.txt"
run "check, regex (?:a{1000}){1000}" 2 0.5 100 "$W" check --no-config --format line \
  --rules "$inputs/regex/rule.yml" "$inputs/regex/story.txt"
run "check, regex a{1000} on a 1 MB line" 1 1 200 "$W" check --no-config --format line \
  --rules "$inputs/regex/limit.yml" "$inputs/regex/story.txt"
exit $failed
