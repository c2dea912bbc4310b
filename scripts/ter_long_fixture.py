#!/usr/bin/env python3
"""Generates tests/data/score/ter-long/: long segments (100 to 2,000 words) scored by
sacreBLEU 2.6.0's TER, for the test that wirecheck's banded TER stays equal to it.

Writes hyp.txt and ref.txt (one segment a line) and expected.json (sacreBLEU's number of edits
and reference length of every segment). Segments are of four kinds: long texts with many short
block moves (TER's shifts), very unequal lengths (a widened beam), repetitive texts (the cap on
shift candidates) and ordinary perturbed text.

Requires: pip install sacrebleu==2.6.0. Takes a few minutes (sacreBLEU's TER is slow on long
segments).
"""

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_fixture as sf  # noqa: E402

import sacrebleu  # noqa: E402
from sacrebleu.metrics import TER  # noqa: E402

assert sacrebleu.__version__ == "2.6.0", sacrebleu.__version__


def moved(rng, words):
    """`words` with runs of up to 8 words moved up to 30 words away."""
    out = words[:]
    for _ in range(rng.randint(0, 40)):
        if len(out) > 20:
            size = rng.randint(1, 8)
            start = rng.randrange(0, len(out) - size)
            block = out[start:start + size]
            rest = out[:start] + out[start + size:]
            target = max(0, min(len(rest), start + rng.randint(-30, 30)))
            out = rest[:target] + block + rest[target:]
    return out


def make_segment(rng):
    kind = rng.random()
    if kind < 0.35:
        length = rng.randint(100, 1500)
        vocabulary = sf.LATIN if rng.random() < 0.5 else ["the", "a", "of", "to", "and", "in"]
        hyp = [rng.choice(vocabulary) for _ in range(length)]
        ref = sf.perturb(rng, moved(rng, hyp), rng.choice([0.0, 0.05, 0.2, 0.6]))
    elif kind < 0.5:
        short = [rng.choice(sf.LATIN) for _ in range(rng.randint(1, 30))]
        long = [rng.choice(sf.LATIN) for _ in range(rng.randint(100, 2000))]
        hyp, ref = (short, long) if rng.random() < 0.5 else (long, short)
    elif kind < 0.7:
        hyp = [rng.choice(["the", "a", "of", "the", "to"]) for _ in range(rng.randint(100, 400))]
        ref = sf.perturb(rng, hyp, rng.choice([0.1, 0.3, 0.6]))
    else:
        hyp = [sf.random_word(rng, "latin") for _ in range(rng.randint(100, 600))]
        ref = sf.perturb(rng, moved(rng, hyp), rng.choice([0.0, 0.1, 0.3, 0.6, 1.0]))
    return " ".join(hyp), " ".join(ref)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "tests/data/score/ter-long")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    segments = [make_segment(rng) for _ in range(args.lines)]
    sf.write_lines(args.out / "hyp.txt", [h for h, _ in segments])
    sf.write_lines(args.out / "ref.txt", [r for _, r in segments])
    hyps, refs = sf.read_lines(args.out / "hyp.txt"), sf.read_lines(args.out / "ref.txt")
    ter = TER()
    expected = []
    for hyp, ref in zip(hyps, refs):
        stats = ter.sentence_score(hyp, [ref])
        expected.append({"num_edits": stats.num_edits, "ref_length": stats.ref_length})
    with open(args.out / "expected.json", "w", encoding="utf-8") as handle:
        json.dump({"sacrebleu": sacrebleu.__version__, "segments": expected}, handle, indent=0)
        handle.write("\n")


if __name__ == "__main__":
    main()
