#!/usr/bin/env python3
"""Generates story pairs of every shape of change for benches/diff_shapes.sh.

Usage: gen_diff_shapes.py OUT_DIR [--seed 13]

Writes OUT_DIR/SHAPE-SIZE.old.txt and OUT_DIR/SHAPE-SIZE.new.txt for SIZE in 80k and 1m (about
80 KB and 1 MB of old story) and SHAPE in:

  near      a revision: the same story with a handful of word edits
  rewrite   MT-like: every paragraph rewritten, 30-60% of its words changed and phrases reordered
  shuffle   the same paragraphs in another order (moves), a few of them lightly edited
  onepara   the whole story as one line (one paragraph), a word or two edited in one sentence in five
  tiny      thousands of one-line paragraphs, a word edited in one line in five, a few lines
            inserted and deleted

Stories look like wire copy: a headline, a dateline lead, then paragraphs of one to three
sentences drawn from a Zipf-distributed vocabulary (common function words, a long tail of rarer
words and names, numbers). Deterministic for a given seed.
"""
import argparse
import os
import random

FUNCTION = ("the of to and a in that said for on is was with by as at from it its has have be "
            "would will after were not but an which who this are had been also more than over "
            "two three their they new about last year percent").split()
CONTENT = ("government minister officials talks agreement vote parliament economy market prices "
           "tariffs security defense spending allies region capital country police court "
           "election party leader president prime foreign trade exports imports growth bank "
           "interest rates inflation budget deficit report statement spokesman ministry "
           "meeting summit delegation negotiators ceasefire border troops missiles sanctions "
           "energy oil gas supply chains minerals companies investors shares index quarter "
           "earthquake typhoon rescue workers residents hospital schools students workers "
           "union strike protest demonstrators crowd lawmakers committee opposition coalition "
           "cabinet reform pension tax plan proposal bill law ruling judge prosecutors "
           "investigation suspect arrest charges sentence appeal victims families damage "
           "flooding evacuation warning forecast weather temperatures record drought harvest "
           "farmers exports shipments container port airport flights airline passengers").split()
VERBS = ("said told announced warned agreed rejected approved expected planned urged called "
         "signed raised cut increased reduced reported confirmed denied held met visited "
         "discussed launched opened closed resumed suspended ordered").split()
SYLLABLES = ["ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "te", "to",
             "na", "ni", "no", "ha", "hi", "fu", "ma", "mi", "mo", "ya", "yu", "ra", "ri", "ro",
             "wa", "ba", "de", "go", "an", "el", "or", "ver", "lin", "dor", "mar", "tel", "son",
             "berg", "ov", "ski", "ez", "ia", "us"]
PLACES = ["TOKYO", "WASHINGTON", "BEIJING", "SEOUL", "LONDON", "PARIS", "BERLIN", "GENEVA"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct."]
AGENCIES = ["AP", "Reuters", "AFP", "Kyodo"]


class Vocabulary:
    """Words drawn with Zipf-like weights: function words most often, rare names least."""

    def __init__(self, rng):
        tail = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
                for _ in range(3000)}
        tail = sorted(tail)
        rng.shuffle(tail)
        self.words = FUNCTION + CONTENT + VERBS + tail
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        total = 0.0
        self.cumulative = []
        for w in weights:
            total += w
            self.cumulative.append(total)
        self.rng = rng

    def word(self):
        word = self.rng.choices(self.words, cum_weights=self.cumulative)[0]
        if word not in FUNCTION and word not in CONTENT and word not in VERBS:
            if self.rng.random() < 0.3:
                return word.capitalize()
        return word


def sentence(rng, vocab):
    words = [vocab.word() for _ in range(rng.randint(12, 30))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%")
    if rng.random() < 0.4:
        words.insert(rng.randint(2, len(words) - 1), f"{rng.choice(words)},")
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", ".", "?", '."'])


def story(rng, vocab, target_bytes, sentences=(1, 3)):
    """Headline, dateline lead and paragraphs: a list of paragraph strings."""
    headline = " ".join(vocab.word().capitalize() for _ in range(rng.randint(6, 10)))
    lead = (f"{rng.choice(PLACES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)} "
            f"({rng.choice(AGENCIES)}) -- {sentence(rng, vocab)}")
    paragraphs = [headline, lead]
    size = len(headline) + len(lead) + 4
    while size < target_bytes:
        paragraph = " ".join(sentence(rng, vocab) for _ in range(rng.randint(*sentences)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return paragraphs


def edit_words(rng, vocab, text, share):
    """`text` with about `share` of its words replaced, deleted or joined by new ones."""
    out = []
    for word in text.split(" "):
        roll = rng.random()
        if roll >= share:
            out.append(word)
        elif roll < share * 0.6:
            out.append(vocab.word())
        elif roll < share * 0.8:
            continue
        else:
            out.extend([word, vocab.word()])
    return " ".join(out) if out else text


def rewrite(rng, vocab, paragraph):
    """MT-like: phrases reordered, then 30-60% of the words changed."""
    words = paragraph.split(" ")
    if len(words) > 8:
        cuts = sorted(rng.sample(range(2, len(words) - 1), 2))
        phrases = [words[:cuts[0]], words[cuts[0]:cuts[1]], words[cuts[1]:]]
        rng.shuffle(phrases)
        words = [w for phrase in phrases for w in phrase]
    return edit_words(rng, vocab, " ".join(words), rng.uniform(0.3, 0.6))


def pair(shape, rng, vocab, target_bytes):
    if shape == "tiny":
        lines = []
        size = 0
        while size < target_bytes:
            line = " ".join(vocab.word() for _ in range(rng.randint(3, 9)))
            lines.append(line)
            size += len(line) + 2
        new = []
        for line in lines:
            roll = rng.random()
            if roll < 0.01:
                continue
            if roll < 0.02:
                new.append(" ".join(vocab.word() for _ in range(rng.randint(3, 9))))
            new.append(edit_words(rng, vocab, line, 0.3) if roll < 0.2 else line)
        return "\n\n".join(lines) + "\n", "\n\n".join(new) + "\n"
    old = story(rng, vocab, target_bytes)
    if shape == "near":
        new = list(old)
        for _ in range(8):
            i = rng.randrange(2, len(new))
            words = new[i].split(" ")
            words[rng.randrange(len(words))] = vocab.word()
            new[i] = " ".join(words)
    elif shape == "rewrite":
        new = [rewrite(rng, vocab, p) for p in old]
    elif shape == "shuffle":
        body = old[2:]
        rng.shuffle(body)
        body = [edit_words(rng, vocab, p, 0.05) if rng.random() < 0.1 else p for p in body]
        new = old[:2] + body
    elif shape == "onepara":
        def revise(paragraph):
            sentences = paragraph.split(". ")
            return ". ".join(edit_words(rng, vocab, s, 0.1) if rng.random() < 0.2 else s
                             for s in sentences)
        new = [revise(p) for p in old]
        return " ".join(old) + "\n", " ".join(new) + "\n"
    else:
        raise ValueError(shape)
    return "\n\n".join(old) + "\n", "\n\n".join(new) + "\n"


SHAPES = ["near", "rewrite", "shuffle", "onepara", "tiny"]
SIZES = {"80k": 80_000, "1m": 1_000_000}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    for shape_index, shape in enumerate(SHAPES):
        for size_index, (size_name, target) in enumerate(SIZES.items()):
            rng = random.Random(args.seed * 1000 + shape_index * 10 + size_index)
            vocab = Vocabulary(rng)
            old, new = pair(shape, rng, vocab, target)
            for side, text in (("old", old), ("new", new)):
                path = os.path.join(args.out_dir, f"{shape}-{size_name}.{side}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)


if __name__ == "__main__":
    main()
