#!/usr/bin/env python3
"""Generates test and benchmark corpora for `wirecheck score` and records
sacreBLEU 2.6.0's scores for them.

Fixture mode (default) writes to tests/data/score/:
  hyp.txt, ref1.txt, ref2.txt   generated segments, one per line
  expected.json                 sacreBLEU's corpus and sentence scores for
                                several option sets, with one and two refs

Benchmark mode writes only a hypothesis and a reference of N lines:
  scripts/score_fixture.py --bench 100000 --out /tmp/bench

Files are read back exactly as sacreBLEU's command line reads them (UTF-8,
split on "\\n", each line right-stripped) before scoring, so the expected
values are those `sacrebleu REF -i HYP` would print.

Requires: pip install sacrebleu==2.6.0
"""

import argparse
import json
import random
import sys
from pathlib import Path

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF, TER

assert sacrebleu.__version__ == "2.6.0", sacrebleu.__version__

LATIN = (
    "the a of to in and is was for on that with by as at from his her it "
    "said minister government police year people president market company "
    "shares percent bank election court city officials report week told "
    "would could after before new first last two three million billion "
    "dog man bit bitten surprised unexpected first just had not no one"
).split()
DIACRITICS = (
    "producţia zahăr exprimă în Ärger Straße Müller façade déjà naïve "
    "coûte Łódź Kraków příliš žluťoučký kůň São Paulo Ñuñoa İstanbul "
    "ıslak Ελλάδα ΟΔΟΣ οδός Москва правительство"
).split()
CJK = (
    "我 爱 北京 天安门 。 中华人民共和国 经济 增长 百分之 三 ， 日本 東京 "
    "ひらがな カタカナ ｶﾀｶﾅ 정부 발표 「 」 『 』 【 】 ！ ？ ： ；"
).split()
NUMBERS = [
    "3,000.50", "1990-2000", "12.5%", "$40", "€3,5", "2024.", "(10)", "1/2",
    "+7", "0.5", "1,000,000", "24-hour", "9:30", "#1", "5th",
]
PUNCT_WORDS = [
    ",", ".", "!", "?", ";", ":", "\"", "'", "(", ")", "-", "--", "...",
    "&quot;", "&amp;", "&lt;", "&gt;", "&amp;lt;", "<skipped>", "'s", "n't",
    "«", "»", "„", "“", "”", "—", "–", "·", "§", "©", "@", "#", "~", "|",
]
# Separators beyond the ASCII space, including what Python but not Rust
# considers whitespace (U+001C..U+001F) and a non-whitespace lookalike
# (U+200B).
ODD_SPACES = [
    "\t", "\u00a0", "\u2009", "\u3000", "\u001c", "\u001f", "\u0085",
    "\u2028", "\u200b", "  ", "\u000b", "\u000c", "\r",
]


def attach_punct(rng, word):
    roll = rng.random()
    if roll < 0.08:
        return word + rng.choice([",", ".", "!", "?", ";", ":", ")", "'s"])
    if roll < 0.12:
        return rng.choice(["(", "\"", "'", "«"]) + word
    if roll < 0.14:
        return "(" + word + ")"
    return word


def random_word(rng, style):
    roll = rng.random()
    if style == "cjk" and roll < 0.7:
        return rng.choice(CJK)
    if roll < 0.08:
        return rng.choice(NUMBERS)
    if roll < 0.16:
        return rng.choice(PUNCT_WORDS)
    if roll < 0.30:
        return rng.choice(DIACRITICS)
    if roll < 0.34:
        return rng.choice(CJK)
    word = rng.choice(LATIN)
    if rng.random() < 0.1:
        word = word.capitalize()
    elif rng.random() < 0.02:
        word = word.upper()
    return attach_punct(rng, word)


def join_words(rng, words, odd):
    if not words:
        return ""
    out = words[0]
    for word in words[1:]:
        sep = rng.choice(ODD_SPACES) if odd and rng.random() < 0.15 else " "
        # CJK text is often written without spaces.
        if not odd and rng.random() < 0.05:
            sep = ""
        out += sep + word
    return out


def perturb(rng, words, strength):
    """A reference-like variant: substitutions, deletions, insertions and
    block moves (which exercise TER's shifts)."""
    out = []
    for word in words:
        roll = rng.random()
        if roll < strength * 0.3:
            out.append(random_word(rng, "latin"))
        elif roll < strength * 0.45:
            continue
        else:
            out.append(word)
        if rng.random() < strength * 0.15:
            out.append(random_word(rng, "latin"))
    for _ in range(rng.randint(0, 3)):
        if len(out) > 3 and rng.random() < strength + 0.2:
            size = rng.randint(1, min(6, len(out) - 1))
            start = rng.randrange(0, len(out) - size + 1)
            block = out[start:start + size]
            rest = out[:start] + out[start + size:]
            target = rng.randrange(0, len(rest) + 1)
            out = rest[:target] + block + rest[target:]
    return out


def make_segment(rng, index):
    """Returns (hyp, ref1, ref2) for segment `index` of the fixture."""
    kind = rng.random()
    style = "cjk" if rng.random() < 0.12 else "latin"
    odd = rng.random() < 0.25
    if index % 97 == 5:
        return "", "", ""
    if index % 89 == 7:
        ref = [random_word(rng, style) for _ in range(rng.randint(3, 12))]
        return "", join_words(rng, ref, odd), join_words(rng, perturb(rng, ref, 0.3), odd)
    if index % 83 == 11:
        hyp = [random_word(rng, style) for _ in range(rng.randint(3, 12))]
        return join_words(rng, hyp, odd), "", join_words(rng, perturb(rng, hyp, 0.3), False)
    if index % 79 == 3:
        # Very unequal lengths widen TER's beam.
        hyp = [random_word(rng, "latin") for _ in range(rng.randint(1, 2))]
        ref = [random_word(rng, "latin") for _ in range(rng.randint(60, 130))]
        return join_words(rng, hyp, False), join_words(rng, ref, False), join_words(rng, hyp, False)
    if index % 71 == 2:
        # Repetitive segments produce many shift candidates (TER's cap).
        words = [rng.choice(["the", "a", "of", "the", "to"]) for _ in range(rng.randint(40, 90))]
        return (
            join_words(rng, words, False),
            join_words(rng, perturb(rng, words, 0.5), False),
            join_words(rng, perturb(rng, words, 0.2), False),
        )
    if kind < 0.1:
        length = rng.randint(1, 4)
    elif kind < 0.9:
        length = rng.randint(5, 35)
    else:
        length = rng.randint(36, 80)
    hyp = [random_word(rng, style) for _ in range(length)]
    ref1 = perturb(rng, hyp, rng.choice([0.0, 0.1, 0.3, 0.6, 1.0]))
    ref2 = perturb(rng, hyp, rng.choice([0.1, 0.4, 0.8]))
    hyp_text = join_words(rng, hyp, odd)
    if rng.random() < 0.1:
        hyp_text = rng.choice([" ", "\t", "\u3000", "\u00a0"]) + hyp_text + rng.choice([" ", "  ", "\t", "\u2028"])
    if rng.random() < 0.05:
        hyp_text = hyp_text.upper()
    return hyp_text, join_words(rng, ref1, odd), join_words(rng, ref2, rng.random() < 0.1)


def make_bench_segment(rng):
    """A news-like segment of about 26 words and a reference for it."""
    length = max(5, int(rng.gauss(26, 6)))
    hyp = [attach_punct(rng, rng.choice(LATIN)) if rng.random() > 0.1 else random_word(rng, "latin")
           for _ in range(length)]
    ref = perturb(rng, hyp, rng.choice([0.2, 0.4, 0.6]))
    return " ".join(hyp), " ".join(ref)


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for line in lines:
            handle.write(line + "\n")


def read_lines(path):
    """Exactly how sacreBLEU's command line reads a file."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        return [line.rstrip() for line in handle]


# Option sets: keyword arguments of sacreBLEU's metric classes.
CONFIGS = {
    "default": {
        "bleu": {},
        "chrf": {},
        "chrf++": {"word_order": 2},
        "ter": {},
    },
    "lc-intl-floor": {
        "bleu": {"lowercase": True, "tokenize": "intl", "smooth_method": "floor"},
        "chrf": {"lowercase": True, "eps_smoothing": True},
        "chrf++": {"word_order": 2, "lowercase": True},
        "ter": {"normalized": True, "case_sensitive": True},
    },
    "char-addk": {
        "bleu": {"tokenize": "char", "smooth_method": "add-k", "smooth_value": 2},
        "chrf": {"whitespace": True, "beta": 3},
        "chrf++": {"word_order": 1, "char_order": 4},
        "ter": {"no_punct": True, "asian_support": True},
    },
    "zh-none": {
        "bleu": {"tokenize": "zh", "smooth_method": "none"},
        "chrf": {"char_order": 3, "beta": 1},
        "chrf++": {"word_order": 2, "eps_smoothing": True, "whitespace": True},
        "ter": {"normalized": True, "asian_support": True, "no_punct": True},
    },
    "none-floor05": {
        "bleu": {"tokenize": "none", "smooth_method": "floor", "smooth_value": 0.5},
        "chrf": {"beta": 1, "lowercase": True},
        "chrf++": {"word_order": 3, "beta": 3},
        "ter": {"normalized": True},
    },
}


def make_metric(name, kwargs, sentence):
    if name == "bleu":
        return BLEU(effective_order=sentence, **kwargs)
    if name in ("chrf", "chrf++"):
        return CHRF(**kwargs)
    return TER(**kwargs)


def score_record(score, signature):
    line = score.format(width=1, signature=signature)
    prefix = f"{score.name}|{signature} = "
    assert line.startswith(prefix)
    return {"score": score.score, "text": line[len(prefix):]}


def expected_scores(hyps, ref_streams):
    results = []
    for config_name, config in CONFIGS.items():
        for nrefs in (1, 2):
            refs = ref_streams[:nrefs]
            for metric_name, kwargs in config.items():
                corpus_metric = make_metric(metric_name, kwargs, sentence=False)
                corpus = corpus_metric.corpus_score(hyps, refs)
                signature = corpus_metric.get_signature().format()
                sentence_metric = make_metric(metric_name, kwargs, sentence=True)
                sentences = []
                sentence_signature = None
                for i, hyp in enumerate(hyps):
                    score = sentence_metric.sentence_score(hyp, [stream[i] for stream in refs])
                    sentence_signature = sentence_metric.get_signature().format()
                    record = score_record(score, sentence_signature)
                    sentences.append([record["score"], record["text"]])
                results.append({
                    "config": config_name,
                    "metric": metric_name,
                    "options": kwargs,
                    "nrefs": nrefs,
                    "name": corpus.name,
                    "corpus_signature": signature,
                    "corpus": score_record(corpus, signature),
                    "sentence_signature": sentence_signature,
                    "sentences": sentences,
                })
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=600, help="fixture segments (default 600)")
    parser.add_argument("--bench", type=int, metavar="N", help="write an N-line benchmark corpus instead")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "tests/data/score")
    parser.add_argument("--seed", type=int, default=20260)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)

    if args.bench:
        pairs = [make_bench_segment(rng) for _ in range(args.bench)]
        write_lines(args.out / "hyp.txt", [h for h, _ in pairs])
        write_lines(args.out / "ref.txt", [r for _, r in pairs])
        return

    segments = [make_segment(rng, i) for i in range(args.lines)]
    for column, name in enumerate(["hyp.txt", "ref1.txt", "ref2.txt"]):
        write_lines(args.out / name, [segment[column] for segment in segments])
    hyps = read_lines(args.out / "hyp.txt")
    ref_streams = [read_lines(args.out / "ref1.txt"), read_lines(args.out / "ref2.txt")]
    assert len(hyps) == args.lines and all(len(s) == args.lines for s in ref_streams)
    expected = {
        "generator": "scripts/score_fixture.py",
        "sacrebleu_version": sacrebleu.__version__,
        "python_version": sys.version.split()[0],
        "seed": args.seed,
        "lines": args.lines,
        "results": expected_scores(hyps, ref_streams),
    }
    with open(args.out / "expected.json", "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=0)
        handle.write("\n")


if __name__ == "__main__":
    main()
