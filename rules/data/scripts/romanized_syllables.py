"""Writes rules/data/romanized-syllables.tsv: every syllable of three romanization systems, folded
(lower case, diacritics stripped), one `system<TAB>syllable` a line, sorted.

- `zh`: Hanyu Pinyin, every toneless reading in pypinyin's character dictionary
  (pypinyin.pinyin_dict, pypinyin 0.55.0), ü and ê folded to u and e.
- `ko`: Korean, each of the 11,172 Hangul syllables (U+AC00 + (initial * 21 + medial) * 28 + final)
  composed from its jamo in the Revised Romanization (the Ministry of Culture and Tourism's 2000
  table: RR_INITIALS, RR_MEDIALS, RR_FINALS below, a final as said at the end of a word), then in
  McCune-Reischauer
  (the table below, breves and apostrophes dropped as folding drops them), the usual
  family- and given-name spellings of RR's vowels (ee for i, oo for u, u and ou for eo, oi for oe:
  Lee, Yoo, Jung, Young, Choi), and the family-name spellings no rule gives (Park for 박, Rhee for
  이, Roh for 노: the Institute for Basic Science's guide to Korean names, and the passports of
  Syngman Rhee and Roh Moo-hyun).
- `ja`: Japanese Hepburn (modified Hepburn, as ANSI Z39.11 and BS 4812 give it): every mora of
  the kana syllabary (the gojuon with dakuten and handakuten, and the yoon with small ya, yu, yo:
  HEPBURN_MORAE below), alone, followed by the syllabic n, and with its vowel long (ou, oo, oh,
  uu, ei, as Japanese names are written).

The Korean and Japanese tables were checked against korean-romanizer 0.28.0 and pykakasi 2.3.0,
which give the same syllables; neither is needed to run this script.

Run from the repository root with pypinyin installed:
    python3 rules/data/scripts/romanized_syllables.py > rules/data/romanized-syllables.tsv
"""

import unicodedata

from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict


def fold(text):
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def pinyin():
    out = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            out.add(fold(to_normal(reading, v_to_u=True)))
    return out


# Revised Romanization: initials, medials and finals in the order of Unicode's composition.
RR_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
               "k", "t", "p", "h"]
RR_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "eu", "ui", "i"]
RR_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
             "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]

# McCune-Reischauer, folded: initials, medials and finals in the order of Unicode's composition.
MR_INITIALS = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch",
               "ch", "k", "t", "p", "h"]
MR_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}
MR_MEDIALS = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "u", "ui", "i"]
MR_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
             "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
NAME_SPELLINGS = [("eo", "u"), ("eo", "ou"), ("oe", "oi"), ("u", "oo"), ("i", "ee")]


def korean():
    out = set()
    for initial in range(19):
        for medial in range(21):
            for final in range(28):
                rr = RR_INITIALS[initial] + RR_MEDIALS[medial] + RR_FINALS[final]
                heads = {MR_INITIALS[initial], MR_VOICED.get(MR_INITIALS[initial], MR_INITIALS[initial])}
                if MR_INITIALS[initial] == "r":
                    heads.add("l")
                forms = {rr} | {h + MR_MEDIALS[medial] + MR_FINALS[final] for h in heads}
                for form in list(forms):
                    for old, new in NAME_SPELLINGS:
                        if old in form:
                            forms.add(form.replace(old, new, 1))
                out |= forms
    out |= {"park", "rhee", "roh"}
    return {f for f in out if f}


# Modified Hepburn: the gojuon with dakuten and handakuten, and the yoon.
HEPBURN_MORAE = (
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no "
    "ha hi fu he ho ma mi mu me mo ya yu yo ra ri ru re ro wa "
    "ga gi gu ge go za ji zu ze zo da de do ba bi bu be bo pa pi pu pe po "
    "kya kyu kyo sha shu sho cha chu cho nya nyu nyo hya hyu hyo mya myu myo "
    "rya ryu ryo gya gyu gyo ja ju jo bya byu byo pya pyu pyo"
).split()


def japanese():
    out = set()
    for mora in HEPBURN_MORAE:
        forms = {mora}
        if mora.endswith("o"):
            forms |= {mora + "u", mora + "o", mora + "h"}
        if mora.endswith("u"):
            forms.add(mora + "u")
        if mora.endswith("e"):
            forms.add(mora + "i")
        out |= forms | {f + "n" for f in forms}
    out |= {"n", "oh"}
    return out


def main():
    rows = [("zh", s) for s in pinyin()] + [("ko", s) for s in korean()] + [("ja", s) for s in japanese()]
    for system, syllable in sorted(set(rows)):
        if syllable.isascii() and syllable.isalpha():
            print(f"{system}\t{syllable}")


if __name__ == "__main__":
    main()
