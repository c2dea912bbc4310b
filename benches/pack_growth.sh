#!/usr/bin/env bash
# Times one generated Vale-style rule of 100, 1,000 and 10,000 tokens, as an `existence` list and
# as a `substitution` swap list, over the same corpus as benches/vale_packs.sh (default 10 MB),
# to show that cost stays flat as a pack grows. Prints CPU seconds and MB per CPU-second, and the
# same with no rule at all (start-up and reading) for reference.
# Usage: benches/pack_growth.sh [MEGABYTES] [CORPUS_DIR]     (WIRECHECK=… as the other scripts)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-10}
corpus=${2:-target/vale-corpus-${megabytes}mb}
binary=${WIRECHECK:-target/release/wirecheck}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
[ -d "$corpus/docs" ] || python3 benches/gen_vale_corpus.py "$corpus" --megabytes "$megabytes"
rules=$(mktemp -d)
trap 'rm -rf "$rules"' EXIT
python3 - "$rules" <<'PY'
import os, random, sys
out = sys.argv[1]
rng = random.Random(7)
# Words of five or six letters (and an accented one now and then): 10,000 of them fit the 8 MiB a
# rule's compiled regex may take.
letters = "abcdefghiklmnoprstuvyzé"
def word():
    return "".join(rng.choice(letters) for _ in range(rng.randint(5, 6)))
# Real words from the corpus too, so that some tokens match.
real = ["in order to", "utilize", "a number of", "going forward", "very unique", "literally"]
for n in (100, 1000, 10000):
    tokens = sorted({word() for _ in range(n * 3)})
    tokens = real + tokens[: n - len(real)]
    for kind in ("existence", "substitution"):
        pack = os.path.join(out, f"{kind}-{n}", "Growth")
        os.makedirs(pack)
        with open(os.path.join(pack, "Rule.yml"), "w", encoding="utf-8") as f:
            f.write(f"extends: {kind}\nmessage: \"'%s' found\"\nignorecase: true\nlevel: warning\n")
            if kind == "existence":
                f.write("tokens:\n" + "".join(f"  - '{t}'\n" for t in tokens))
            else:
                f.write("swap:\n" + "".join(f"  '{t}': replacement\n" for t in tokens))
PY
bytes=$(du -sb "$corpus/docs" | cut -f1)
find "$corpus/docs" -type f -exec cat {} + > /dev/null
printf '%-14s %8s %10s %12s %10s\n' kind tokens CPU-s MB/CPU-s findings
for case in empty existence-100 existence-1000 existence-10000 \
            substitution-100 substitution-1000 substitution-10000; do
  times=$(mktemp)
  rule=()
  [ "$case" = empty ] || rule=(--rules "$rules/$case/Growth")
  out=$(mktemp)
  if ! /usr/bin/time -f "%U %S" -o "$times" "$binary" check "$corpus/docs" --no-config \
    --disable wire,names-japan,names-world,dateline-generic "${rule[@]}" \
    --format line --fail-level none > "$out" 2> "$out.err"; then
    printf '%-14s %s\n' "$case" "error: $(head -1 "$out.err")"
    rm -f "$times" "$out" "$out.err"
    continue
  fi
  findings=$(wc -l < "$out")
  read -r user sys < "$times"
  rm -f "$times" "$out" "$out.err"
  awk -v c="$case" -v b="$bytes" -v u="$user" -v s="$sys" -v f="$findings" 'BEGIN {
    n = c; sub(/^[a-z]+-?/, "", n); k = c; sub(/-[0-9]+$/, "", k);
    cpu = u + s; printf "%-14s %8s %10.2f %12.1f %10d\n", k, (n == "" ? "-" : n), cpu, b / 1e6 / cpu, f }'
done
