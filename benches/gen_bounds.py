#!/usr/bin/env python3
"""Generates the hostile inputs of benches/bounds.sh: one kind per call, deterministic per seed.

Usage:
  gen_bounds.py ter OUT_DIR --bytes 1000000       one-line hyp.txt / ref.txt of about BYTES each
  gen_bounds.py story OUT_DIR --bytes 1000000     old.txt / new.txt: a story and its revision
  gen_bounds.py findings OUT_DIR --count 100000   story.txt and rule.yml giving COUNT findings
  gen_bounds.py names OUT_DIR --count 1000000     names.yml with COUNT names, story.txt
  gen_bounds.py regex OUT_DIR --bytes 1000000     rule.yml with a large counted repetition, and
                                                   story.txt: one line of BYTES letters
  gen_bounds.py reference OUT_DIR --count 20000   story.txt and ref.txt: COUNT paragraphs, each
                                                   with a number the other has not (COUNT
                                                   findings pointing into the reference)

The revisions (`ter`, `story`) make the edits a real revision or translation has: substituted,
dropped and added words, and short runs of words moved a few words away.
"""
import argparse
import os
import random

# The wire vocabulary of the throughput corpus, so both benchmarks read alike.
from gen_corpus import WORDS

SYLLABLES = ["ka", "ki", "ku", "sa", "shi", "ta", "to", "na", "no", "ha", "mi", "yo", "ra", "ri",
             "wa", "de", "go", "an", "el", "or", "ver", "lin", "mar", "son", "berg", "ov", "ez"]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def revise(rng, words):
    """`words` with about one edit in eight words."""
    out = []
    i = 0
    while i < len(words):
        roll = rng.random()
        if roll < 0.04:
            out.append(rng.choice(WORDS))  # substituted
        elif roll < 0.06:
            pass  # dropped
        elif roll < 0.08:
            out.extend([words[i], rng.choice(WORDS)])  # added
        elif roll < 0.10 and i + 8 < len(words):
            # Three words moved two to five words later.
            block, gap = words[i:i + 3], rng.randint(2, 5)
            out.extend(words[i + 3:i + 3 + gap] + block)
            i += 3 + gap
            continue
        else:
            out.append(words[i])
        i += 1
    return out


def paragraphs(rng, size):
    result, written = [], 0
    while written < size:
        body = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        result.append(body)
        written += len(body) + 2
    return result


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["ter", "story", "findings", "names", "regex", "reference"])
    parser.add_argument("out")
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    out = lambda name: os.path.join(args.out, name)
    if args.kind == "ter":
        words = " ".join(paragraphs(rng, args.bytes)).split()
        write(out("ref.txt"), " ".join(words) + "\n")
        write(out("hyp.txt"), " ".join(revise(rng, words)) + "\n")
    elif args.kind == "story":
        old = paragraphs(rng, args.bytes)
        new = []
        for p in old:
            roll = rng.random()
            if roll < 0.03:
                continue  # paragraph dropped
            if roll < 0.06:
                new.append(" ".join(paragraphs(rng, 200)))  # paragraph added
            new.append(" ".join(revise(rng, p.split())) if rng.random() < 0.5 else p)
        headline = "Talks Resume After Two Months"
        write(out("old.txt"), headline + "\n\n" + "\n\n".join(old) + "\n")
        write(out("new.txt"), headline + "\n\n" + "\n\n".join(new) + "\n")
    elif args.kind == "findings":
        # Ten findings a line.
        lines = ["Headline", ""]
        lines += [" ".join(["flagged word"] * 10) for _ in range(args.count // 10)]
        write(out("story.txt"), "\n".join(lines) + "\n")
        write(out("rule.yml"), "extends: existence\nmessage: \"'%s' is flagged.\"\n"
              "level: warning\ntokens: [flagged]\n")
    elif args.kind == "names":
        def name():
            def word():
                return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            return f"{word()} {word()}"
        names = sorted({name() for _ in range(args.count * 2)})
        rng.shuffle(names)
        names = names[:args.count]
        with open(out("names.yml"), "w", encoding="utf-8") as f:
            f.write("extends: names\nmessage: \"'%s' is close to the known name '%s' (%s)\"\n")
            f.write("level: error\nnames:\n")
            for n in names:
                f.write(f"  - {n}\n")
        story = f"Headline\n\nTOKYO (AP) — {sentence(rng)} Mr. {names[0]} said. " \
                f"{sentence(rng)}\n"
        write(out("story.txt"), story)
    elif args.kind == "regex":
        write(out("rule.yml"), "extends: existence\nmessage: \"'%s'\"\nlevel: warning\n"
              "nonword: true\ntokens: ['(?:a{1000}){1000}']\n")
        write(out("story.txt"), "Headline\n\n" + "a" * args.bytes + "\n")
    elif args.kind == "reference":
        ref, story = [], []
        for i in range(args.count):
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 20)))
            # Even numbers in the reference, odd ones in the story: none found on the other side.
            ref.append(f"The ministry counted {2 * i + 10} {body}.")
            story.append(f"The ministry counted {2 * i + 11} {body}.")
        headline = "Talks Resume After Two Months"
        write(out("ref.txt"), headline + "\n\n" + "\n\n".join(ref) + "\n")
        write(out("story.txt"), headline + "\n\n" + "\n\n".join(story) + "\n")


if __name__ == "__main__":
    main()
