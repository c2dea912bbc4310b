#!/usr/bin/env python3
"""Generates a corpus of translated news stories and Markdown documents for the Vale-pack benchmark.

Usage: gen_vale_corpus.py OUT_DIR --megabytes 100 [--seed 1]

Writes OUT_DIR/docs/NNNNNN.txt (wire stories: headline, dateline, paragraphs with curly quotes,
dashes, accented and non-Latin names, numbers, and the wordy phrases, weasel words and jargon the
Vale packs look for) and OUT_DIR/docs/NNNNNN.md (Markdown notes: front matter, headings, lists,
links, code spans and blocks, tables, block quotes), about three stories to one document.
Deterministic for a given seed.
"""
import argparse
import os
import random

PLACES = ["TOKYO", "WASHINGTON", "BEIJING", "SEOUL", "LONDON", "PARIS", "BERLIN", "MOSCOW",
          "SÃO PAULO", "ZÜRICH", "MÉXICO", "KYIV", "ISTANBUL", "BOGOTÁ", "REYKJAVÍK"]
AGENCIES = ["AP", "Reuters", "AFP", "Kyodo", "SadaNews", "EFE"]
PEOPLE = ["Prime Minister Sanae Takaichi", "Defense Minister Shinjiro Koizumi",
          "President Emmanuel Macron", "Chancellor Friedrich Merz", "José Álvarez",
          "François Hollande", "Recep Tayyip Erdoğan", "Lech Wałęsa", "Søren Kierkegaard",
          "Zoë Saldaña", "Владимир Путин", "习近平", "Ngô Đình Diệm", "Nguyễn Văn An",
          "Björk Guðmundsdóttir", "Ana Ivanović", "Mr. Müller", "Ms. O’Brien"]
WORDS = ("the government said on Friday that it would expand cooperation with its allies and "
         "increase spending on defense equipment including missiles and interceptors while "
         "officials in the capital warned that supply chains for critical minerals remained "
         "vulnerable to export controls imposed by neighboring countries amid rising tensions in "
         "the region where talks between the two sides are expected to resume next month after a "
         "series of meetings that produced little progress on trade tariffs and security "
         "café naïve résumé coöperation façade déjà vu über piñata").split()
# Phrases the four packs flag (wordiness, weasel words, passive voice, jargon, clichés).
PHRASES = ["in order to", "very", "utilize", "at this point in time", "it is clear that",
           "was announced", "were killed", "is believed", "leverage", "going forward",
           "a number of", "due to the fact that", "basically", "actually", "quite",
           "in the event that", "e.g.", "i.e.", "and/or", "etc.", "please", "simply",
           "the fact that", "whether or not", "absolutely essential", "we", "our", "you",
           "don't", "it's", "can't", "click here", "master", "slave", "blacklist",
           "he or she", "chairman", "10 am", "3 p.m.", "1990's", "Sept.", "OK", "okay",
           "e-mail", "web site", "log in", "set up", "cannot", "will be", "2nd", "—", "...",
           "…", "!", ";", "(see below)", "very unique", "most unique", "literally",
           "irregardless", "thusly", "firstly", "12-inch", "50%", "5 percent", "a lot"]
QUOTES = [("“", "”"), ("\"", "\""), ("«", "»"), ("‘", "’")]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 28))]
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randint(0, len(words)), rng.choice(PHRASES))
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), rng.choice(PEOPLE))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%")
    if rng.random() < 0.1:
        words.insert(rng.randint(0, len(words)), rng.choice(["東京", "северный", "한국", "ὕβρις"]))
    text = " ".join(words)
    text = text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])
    if rng.random() < 0.2:
        left, right = rng.choice(QUOTES)
        text = f"{left}{text}{right} {rng.choice(PEOPLE)} said."
    return text


def story(rng):
    headline = " ".join(w.capitalize() for w in rng.sample(WORDS, 8))
    place, agency = rng.choice(PLACES), rng.choice(AGENCIES)
    paragraphs = []
    for i in range(rng.randint(5, 10)):
        body = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        if i == 0:
            body = f"{place} ({agency}) — {body}"
        paragraphs.append(body)
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def markdown(rng):
    title = " ".join(w.capitalize() for w in rng.sample(WORDS, 5))
    parts = [f"---\ntitle: {title}\nauthor: {rng.choice(PEOPLE)}\n---", f"# {title}"]
    for _ in range(rng.randint(3, 6)):
        parts.append(f"## {' '.join(rng.sample(WORDS, 4)).capitalize()}")
        parts.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))))
        kind = rng.randrange(5)
        if kind == 0:
            parts.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 5))))
        elif kind == 1:
            parts.append(f"See [{rng.choice(PHRASES)}](https://example.com/{rng.randrange(999)}) "
                         f"and run `wirecheck check --format line` {sentence(rng)}")
        elif kind == 2:
            parts.append("```sh\n# utilize this in order to set up\nmake install\n```")
        elif kind == 3:
            parts.append("| term | use |\n|---|---|\n"
                         + "\n".join(f"| {rng.choice(PHRASES)} | {rng.choice(WORDS)} |"
                                     for _ in range(3)))
        else:
            parts.append(f"> {sentence(rng)}")
    return "\n\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    target = int(args.megabytes * 1_000_000)
    written, count = 0, 0
    while written < target:
        is_markdown = count % 4 == 3
        text = (markdown(rng) if is_markdown else story(rng)).encode("utf-8")
        name = f"{count:06d}.{'md' if is_markdown else 'txt'}"
        with open(os.path.join(docs, name), "wb") as f:
            f.write(text)
        written += len(text)
        count += 1
    print(f"{count} documents, {written / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
