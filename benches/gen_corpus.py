#!/usr/bin/env python3
"""Generates a wire-like corpus and a names list for wirecheck's throughput benchmark.

Usage: gen_corpus.py OUT_DIR --megabytes 200 --names 10000 [--seed 1]

Writes OUT_DIR/stories/NNNNN.txt (stories of a few kilobytes: headline, dateline, paragraphs,
names of real office holders and synthetic people, numbers, quotes, a sprinkling of the faults
wirecheck looks for) and OUT_DIR/names-N.yml (a `names` rule with N synthetic canonical names).
Deterministic for a given seed.
"""
import argparse
import os
import random

SYLLABLES = ["ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu", "te",
             "to", "na", "ni", "no", "ha", "hi", "fu", "ho", "ma", "mi", "mo", "ya", "yu", "yo", "ra",
             "ri", "ro", "wa", "ba", "de", "go", "ji", "zu", "an", "el", "or", "ver", "lin", "dor",
             "mar", "tel", "son", "berg", "ov", "ski", "ez", "ia", "us"]
PLACES = ["TOKYO", "WASHINGTON", "BEIJING", "SEOUL", "LONDON", "PARIS", "BERLIN", "MOSCOW",
          "NEW DELHI", "CANBERRA", "OTTAWA", "BRASILIA", "JAKARTA", "ROME", "MEXICO CITY"]
AGENCIES = ["AP", "Reuters", "AFP", "Kyodo"]
REAL = ["Prime Minister Sanae Takaichi", "Defense Minister Shinjiro Koizumi",
        "Foreign Minister Toshimitsu Motegi", "President Donald Trump", "Chancellor Friedrich Merz",
        "President Emmanuel Macron", "Prime Minister Keir Starmer", "President Xi Jinping"]
WORDS = ("the government said on Friday that it would expand cooperation with its allies and "
         "increase spending on defense equipment including missiles and interceptors while "
         "officials in the capital warned that supply chains for critical minerals remained "
         "vulnerable to export controls imposed by neighboring countries amid rising tensions in "
         "the region where talks between the two sides are expected to resume next month after a "
         "series of meetings that produced little progress on trade tariffs and security").split()


def name(rng):
    def word():
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    return f"{word()} {word()}"


def sentence(rng, people):
    words = []
    while len(words) < rng.randint(12, 30):
        word = rng.choice(WORDS)
        if not words or words[-1] != word:  # doubled words come only from the line below
            words.append(word)
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), rng.choice(people))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%")
    if rng.random() < 0.02:
        i = rng.randint(0, len(words) - 1)
        words.insert(i, words[i])  # a doubled word
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def story(rng, people):
    headline = " ".join(w.capitalize() for w in rng.sample(WORDS, 8))
    place, agency = rng.choice(PLACES), rng.choice(AGENCIES)
    paragraphs = []
    for i in range(rng.randint(5, 10)):
        body = " ".join(sentence(rng, people) for _ in range(rng.randint(2, 4)))
        if i == 0:
            body = f"{place} ({agency}) — {body}"
        paragraphs.append(body)
    if rng.random() < 0.05:
        paragraphs.append(paragraphs[1])  # a duplicate paragraph
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--megabytes", type=float, default=200)
    parser.add_argument("--names", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    stories_dir = os.path.join(args.out, "stories")
    os.makedirs(stories_dir, exist_ok=True)
    canonical = sorted({name(rng) for _ in range(args.names * 2)})[: args.names]
    with open(os.path.join(args.out, f"names-{args.names}.yml"), "w", encoding="utf-8") as f:
        f.write("extends: names\nmessage: \"'%s' is close to the known name '%s' (%s)\"\n")
        f.write("level: error\ndescription: Synthetic names for the benchmark.\nnames:\n")
        for n in canonical:
            f.write(f"  - {n}\n")
    people = REAL + [f"Mr. {n}" for n in rng.sample(canonical, min(200, len(canonical)))]
    target = int(args.megabytes * 1_000_000)
    written, count = 0, 0
    while written < target:
        text = story(rng, people).encode("utf-8")
        with open(os.path.join(stories_dir, f"{count:06d}.txt"), "wb") as f:
            f.write(text)
        written += len(text)
        count += 1
    print(f"{count} stories, {written / 1e6:.1f} MB, {len(canonical)} names in {args.out}")


if __name__ == "__main__":
    main()
