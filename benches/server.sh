#!/usr/bin/env bash
# Editor latency of `wirecheck server`: the time from an edit (an incremental didChange) to the
# diagnostics of that version, on stories of 10 KB and 100 KB of two kinds: generated wire-like
# prose (benches/gen_bounds.py) and the fixture stories laid end to end (names, titles, dates
# and datelines: many more findings). Each is timed with the default 10 ms debounce and with
# none; "less debounce" is the check's own cost, bounded by 20 ms for 10 KB and 100 ms for
# 100 KB. "open ms" is didOpen to the first diagnostics (the runner built and the first check).
# Results: benches/SERVER_RESULTS.md.
# Usage: benches/server.sh [EDITS]
#        WIRECHECK=/path/to/binary benches/server.sh …   (times another build)
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${1:-40}
[ -n "${WIRECHECK:-}" ] || cargo build --release --quiet
binary=$(realpath "${WIRECHECK:-target/release/wirecheck}")
dir=target/bench-server
mkdir -p "$dir"
for kb in 10 100; do
  if [ ! -f "$dir/generated-${kb}k.txt" ]; then
    python3 benches/gen_bounds.py story "$dir/gen-${kb}k" --bytes $((kb * 1000)) >/dev/null
    cp "$dir/gen-${kb}k/new.txt" "$dir/generated-${kb}k.txt"
  fi
  if [ ! -f "$dir/fixtures-${kb}k.txt" ]; then
    python3 - "$dir/fixtures-${kb}k.txt" $((kb * 1000)) <<'PY'
import glob, sys
out, size = sys.argv[1], int(sys.argv[2])
body = "\n\n".join(open(f, encoding="utf-8").read().strip()
                   for f in sorted(glob.glob("fixtures/stories/*.txt")))
text = ""
while len(text.encode()) < size:
    text += body + "\n\n"
text = text.encode()[:size].decode("utf-8", "ignore")
open(out, "w", encoding="utf-8").write(text[:text.rfind("\n")] + "\n")
PY
  fi
done
printf '%-10s %9s %8s %8s %8s %9s %9s %9s %12s %12s\n' story bytes findings debounce "open ms" \
  "median ms" "p90 ms" "max ms" "median-deb." "p90-deb."
for kind in generated fixtures; do
  for kb in 10 100; do
    for debounce in 10 0; do
      printf '%-10s ' "$kind"
      python3 benches/server_client.py "$binary" "$dir/$kind-${kb}k.txt" --debounce "$debounce" \
        --edits "$edits"
    done
  done
done
