#!/usr/bin/env python3
"""Story pairs for benches/alignment_growth.sh: N paragraphs of distinct wire-like sentences,
and a revision where every paragraph is lightly edited (one word replaced, so no paragraph is
identical), one in fifty moved far away, one in fifty split in two and one in fifty merged
with the next. Usage: gen_alignment_growth.py OUT_DIR N [N ...] (seeded: the same every run)."""
import os
import random
import sys

SYLLABLES = "ka to ri mo sa ne lu vi do pe ga shi ro ta mi be zu no ha ke ya fu ze wo".split()
FUNCTION = "the a of in on to and said that for with was by from at after its has were would".split()


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))


def sentence(rng):
    words = [rng.choice(FUNCTION) if k % 2 and rng.random() < 0.6 else word(rng)
             for k in range(rng.randint(6, 14))]
    return " ".join(words).capitalize() + "."


def pair(n, rng):
    old = [[sentence(rng) for _ in range(rng.randint(1, 4))] for _ in range(n)]
    new, moved = [], []
    i = 0
    while i < n:
        sentences = list(old[i])
        s = rng.randrange(len(sentences))
        words = sentences[s].split(" ")
        words[rng.randrange(1, max(2, len(words) - 1))] = word(rng) + "x"
        sentences[s] = " ".join(words)
        roll = rng.random()
        if roll < 0.02:
            moved.append(" ".join(sentences))
        elif roll < 0.04 and len(sentences) > 1:
            cut = rng.randrange(1, len(sentences))
            new += [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
        elif roll < 0.06 and i + 1 < n:
            new.append(" ".join(sentences + old[i + 1]))
            i += 1
        else:
            new.append(" ".join(sentences))
        i += 1
    for text in moved:
        new.insert(rng.randrange(len(new) + 1), text)
    join = lambda ps: "\n\n".join(ps) + "\n"
    return join(" ".join(p) for p in old), join(new)


def main():
    out, sizes = sys.argv[1], [int(a) for a in sys.argv[2:]]
    os.makedirs(out, exist_ok=True)
    for n in sizes:
        old, new = pair(n, random.Random(14 * 1000 + n))
        for side, text in (("old", old), ("new", new)):
            with open(os.path.join(out, f"growth-{n}.{side}.txt"), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
