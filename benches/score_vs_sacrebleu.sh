#!/usr/bin/env bash
# Times `wirecheck score` against sacreBLEU 2.6.0 on a generated news-like
# corpus (about 26 words per segment), per metric, and prints the ratios.
#
# Usage: benches/score_vs_sacrebleu.sh [LINES] [SACREBLEU_LINES]
#   LINES            corpus size for wirecheck (default 100000)
#   SACREBLEU_LINES  corpus size for sacreBLEU (default LINES); when smaller,
#                    sacreBLEU runs on the first SACREBLEU_LINES lines and its
#                    time is scaled linearly to LINES (stated in the output)
#
# Needs: python3 with sacrebleu==2.6.0, cargo. Writes to a temporary
# directory; set KEEP=1 to keep it.
set -euo pipefail

lines=${1:-100000}
sacrebleu_lines=${2:-$lines}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$work"' EXIT

python3 "$root/scripts/score_fixture.py" --bench "$lines" --out "$work"
head -n "$sacrebleu_lines" "$work/hyp.txt" > "$work/hyp.sb.txt"
head -n "$sacrebleu_lines" "$work/ref.txt" > "$work/ref.sb.txt"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
target_dir=${CARGO_TARGET_DIR:-$root/target}
wirecheck="$target_dir/release/wirecheck"

# Wall-clock seconds of a command, its output discarded.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

echo "corpus: $lines lines, $(wc -w < "$work/hyp.txt") hypothesis words; sacreBLEU on $sacrebleu_lines lines"
echo "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %12s %14s %10s\n' metric wirecheck_s sacrebleu_s ratio
for metric in bleu chrf chrf++ ter; do
    case $metric in
        chrf++) sacrebleu_args=(-m chrf --chrf-word-order 2) ;;
        *) sacrebleu_args=(-m "$metric") ;;
    esac
    ours=$(seconds "$wirecheck" score --ref "$work/ref.txt" --metrics "$metric" "$work/hyp.txt")
    theirs=$(seconds sacrebleu "$work/ref.sb.txt" -i "$work/hyp.sb.txt" "${sacrebleu_args[@]}" -f text)
    theirs=$(echo "$theirs * $lines / $sacrebleu_lines" | bc -l)
    printf '%-8s %12.2f %14.2f %9.1fx\n' "$metric" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)"
done
