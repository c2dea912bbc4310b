//! The aligner on synthetic sequences, on random clean and damaged pairs, and on a real pair.

use proptest::prelude::*;

use super::*;
use crate::knowledge::language::Language;

fn units(lengths: &[usize]) -> Vec<AlignUnit> {
    lengths
        .iter()
        .map(|&length| AlignUnit {
            length,
            anchors: Vec::new(),
        })
        .collect()
}

fn with_anchors(lengths: &[usize], anchors: &[&[u64]]) -> Vec<AlignUnit> {
    lengths
        .iter()
        .zip(anchors)
        .map(|(&length, anchors)| AlignUnit {
            length,
            anchors: anchors.to_vec(),
        })
        .collect()
}

fn bead(original: Range<usize>, translation: Range<usize>) -> Bead {
    Bead {
        original,
        translation,
    }
}

/// The beads pairing unit k with unit k for `0..n`.
fn one_to_one(n: usize) -> Vec<Bead> {
    (0..n).map(|k| bead(k..k + 1, k..k + 1)).collect()
}

#[test]
fn units_of_equal_lengths_pair_one_to_one() {
    let lengths = [120, 340, 80, 410, 95, 260];
    assert_eq!(
        align_units(&units(&lengths), &units(&lengths)),
        one_to_one(6)
    );
}

#[test]
fn a_translation_three_times_as_long_still_pairs_one_to_one() {
    // The ratio comes from the pair's totals: no unit looks too long.
    let original = [40, 120, 30, 150, 35];
    let translation = original.map(|l| l * 3);
    assert_eq!(
        align_units(&units(&original), &units(&translation)),
        one_to_one(5)
    );
}

#[test]
fn a_unit_dropped_in_the_middle_is_dropped() {
    let original = units(&[300, 250, 320, 280, 310]);
    let translation = units(&[290, 260, 285, 300]);
    assert_eq!(
        align_units(&original, &translation),
        vec![
            bead(0..1, 0..1),
            bead(1..2, 1..2),
            bead(2..3, 2..2),
            bead(3..4, 2..3),
            bead(4..5, 3..4),
        ]
    );
}

#[test]
fn a_unit_added_is_added() {
    let original = units(&[300, 250, 280, 310]);
    let translation = units(&[290, 260, 330, 285, 300]);
    assert_eq!(
        align_units(&original, &translation),
        vec![
            bead(0..1, 0..1),
            bead(1..2, 1..2),
            bead(2..2, 2..3),
            bead(2..3, 3..4),
            bead(3..4, 4..5),
        ]
    );
}

#[test]
fn a_unit_split_in_two_is_a_split() {
    let original = units(&[300, 600, 280]);
    let translation = units(&[310, 320, 270, 290]);
    assert_eq!(
        align_units(&original, &translation),
        vec![bead(0..1, 0..1), bead(1..2, 1..3), bead(2..3, 3..4)]
    );
}

#[test]
fn two_units_merged_into_one_are_a_merge() {
    let original = units(&[300, 310, 290, 280]);
    let translation = units(&[300, 590, 290]);
    assert_eq!(
        align_units(&original, &translation),
        vec![bead(0..1, 0..1), bead(1..3, 1..2), bead(3..4, 2..3)]
    );
}

#[test]
fn a_short_unit_missing_is_read_as_merged_not_dropped() {
    // A one-line paragraph beside a long one cannot be told apart by length from the two
    // translated as one: the aligner says merge (no finding), never a drop it cannot support.
    let original = units(&[300, 310, 30, 290]);
    let translation = units(&[300, 320, 290]);
    let beads = align_units(&original, &translation);
    assert!(beads.iter().all(|b| !b.is_dropped()), "{beads:?}");
}

#[test]
fn shared_anchors_tell_which_unit_is_dropped() {
    let lengths = [200, 200, 200];
    let dropped = |translation: &[&[u64]]| {
        let original = with_anchors(&lengths, &[&[1], &[2], &[3]]);
        let translation = with_anchors(&[200, 200], translation);
        let beads = align_units(&original, &translation);
        assert!(covers(&beads, 3, 2), "{beads:?}");
        beads
            .iter()
            .filter(|b| b.is_dropped())
            .map(|b| b.original.start)
            .collect::<Vec<_>>()
    };
    assert_eq!(dropped(&[&[1], &[3]]), vec![1]);
    assert_eq!(dropped(&[&[2], &[3]]), vec![0]);
    assert_eq!(dropped(&[&[1], &[2]]), vec![2]);
}

#[test]
fn an_anchor_found_everywhere_tells_less_than_one_found_once() {
    // Unit 1 shares the year (in every unit) with the second translation unit, unit 2 shares a
    // figure found nowhere else: the figure wins.
    let original = with_anchors(&[200, 200, 200], &[&[2026, 1], &[2026], &[2026, 7]]);
    let translation = with_anchors(&[200, 200], &[&[2026, 1], &[2026, 7]]);
    let beads = align_units(&original, &translation);
    assert_eq!(beads[1], bead(1..2, 1..1), "{beads:?}");
}

#[test]
fn an_empty_side_leaves_every_unit_of_the_other_unmatched() {
    assert_eq!(align_units(&[], &[]), Vec::<Bead>::new());
    assert_eq!(
        align_units(&units(&[10, 20]), &[]),
        vec![bead(0..1, 0..0), bead(1..2, 0..0)]
    );
    assert_eq!(align_units(&[], &units(&[5])), vec![bead(0..0, 0..1)]);
}

#[test]
fn units_of_no_length_still_align() {
    let beads = align_units(&units(&[0, 0, 0]), &units(&[0, 0, 0]));
    assert_eq!(beads, one_to_one(3));
}

/// A small deterministic generator (xorshift), so the random pairs below are the same each run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `low..high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low)
    }

    /// A factor in `1 - spread ..= 1 + spread`.
    fn factor(&mut self, spread: f64) -> f64 {
        1.0 + spread * (2.0 * (self.next() % 10_001) as f64 / 10_000.0 - 1.0)
    }
}

/// A story's paragraph lengths: a short headline and lead-in, then paragraphs as wire copy has.
fn story_lengths(random: &mut Random) -> Vec<usize> {
    let n = random.between(4, 25) as usize;
    (0..n)
        .map(|k| match k {
            0 => random.between(30, 90) as usize,
            _ => random.between(60, 700) as usize,
        })
        .collect()
}

/// The lengths of a translation of `lengths`, each paragraph off by up to `spread` of its
/// length, the whole longer or shorter by `ratio`.
fn translated(random: &mut Random, lengths: &[usize], ratio: f64, spread: f64) -> Vec<usize> {
    lengths
        .iter()
        .map(|&l| (l as f64 * ratio * random.factor(spread)).round() as usize)
        .collect()
}

#[test]
fn clean_pairs_with_noisy_lengths_have_nothing_dropped_or_added() {
    // Precision: every paragraph translated, each up to 30% longer or shorter than the pair's
    // ratio would make it, the ratio itself anywhere from 0.5 to 1.5; no paragraph may come out
    // dropped or added.
    let mut random = Random(0x5eed_1234_abcd_0001);
    for pair in 0..1000 {
        let original = story_lengths(&mut random);
        let ratio = random.factor(0.5);
        let translation = translated(&mut random, &original, ratio, 0.3);
        let beads = align_units(&units(&original), &units(&translation));
        assert!(
            beads.iter().all(|b| !b.is_dropped() && !b.is_added()),
            "pair {pair}: {original:?} → {translation:?}: {beads:?}"
        );
    }
}

#[test]
fn long_paragraphs_dropped_from_noisy_pairs_are_found() {
    // Recall where lengths can tell: a paragraph of 250 letters or more left out (lengths ±15%)
    // is found as the one dropped in most pairs; in some, another one of about its length near it
    // could as well be the one missing (anchors tell them apart, lengths cannot); the others read
    // it as merged. Never is more than one paragraph reported, nor one added.
    let mut random = Random(0x5eed_1234_abcd_0002);
    let (mut found, mut elsewhere, pairs) = (0, 0, 1000);
    for pair in 0..pairs {
        let mut original = story_lengths(&mut random);
        let gone = random.between(1, original.len() as u64) as usize;
        original[gone] = original[gone].max(250);
        let ratio = random.factor(0.5);
        let mut translation = translated(&mut random, &original, ratio, 0.15);
        translation.remove(gone);
        let beads = align_units(&units(&original), &units(&translation));
        let unmatched: Vec<&Bead> = beads
            .iter()
            .filter(|b| b.is_dropped() || b.is_added())
            .collect();
        match unmatched[..] {
            [] => {}
            [one] if one.is_dropped() && one.original.start == gone => found += 1,
            [one] if one.is_dropped() => elsewhere += 1,
            _ => panic!("pair {pair}: dropped {gone} of {original:?} → {translation:?}: {beads:?}"),
        }
    }
    assert!(found * 100 >= pairs * 65, "found {found} of {pairs}");
    assert!(
        (found + elsewhere) * 100 >= pairs * 80,
        "found {found}, elsewhere {elsewhere}"
    );
}

proptest! {
    #[test]
    fn beads_cover_both_sequences_once_in_order(
        original in prop::collection::vec((0usize..800, prop::collection::vec(0u64..6, 0..3)), 0..30),
        translation in prop::collection::vec((0usize..800, prop::collection::vec(0u64..6, 0..3)), 0..30),
    ) {
        let to_units = |v: &[(usize, Vec<u64>)]| -> Vec<AlignUnit> {
            v.iter().map(|(length, anchors)| AlignUnit { length: *length, anchors: anchors.clone() }).collect()
        };
        let beads = align_units(&to_units(&original), &to_units(&translation));
        prop_assert!(covers(&beads, original.len(), translation.len()), "{:?}", beads);
        for b in &beads {
            prop_assert!(b.original.len() <= 2 && b.translation.len() <= 2);
            prop_assert!(!b.original.is_empty() || !b.translation.is_empty());
        }
    }
}

#[test]
fn paragraph_alignment_reads_the_beads() {
    let beads = vec![
        bead(0..1, 0..1),
        bead(1..2, 1..3),
        bead(2..3, 3..3),
        bead(3..5, 3..4),
        bead(5..5, 4..5),
    ];
    let alignment = paragraph_alignment(&beads, 5, 5);
    assert_eq!(
        alignment.story_of,
        vec![Some(0), Some(1), None, Some(3), Some(3)]
    );
    assert_eq!(alignment.matched_story, vec![true, true, true, true, false]);
    assert!(alignment.by_content && alignment.changes.is_empty());
}

/// A Chinese wire story and its English translation, the fourth paragraph left untranslated.
const CHINESE: [&str; 6] = [
    "日美同意加强国防装备联合生产",
    "新华社东京5月3日电 日本和美国3日在东京举行外长和防长“2+2”会谈，同意加强国防装备的联合生产，以应对地区安全形势的变化。",
    "根据双方发表的联合声明，两国将在今后五年内投入1200万美元，用于扩大导弹和弹药的联合生产能力，该计划涉及3000名工人，将于2026年6月1日正式启动。",
    "日本防卫大臣在会后的记者会上表示，日美同盟是地区和平与稳定的基石，日本将继续与美国密切合作，并愿意与韩国、澳大利亚和菲律宾等伙伴加强协调，共同维护以规则为基础的国际秩序。他还说，日本政府将在年内修订相关法规，为联合生产提供法律保障。",
    "美国国务卿说，这项计划将使两国的供应链更加稳固，并为盟国提供更多选择。",
    "分析人士指出，日美近年来在国防领域的合作不断深化，2023年以来双方已举行了4次类似会谈。",
];

const ENGLISH: [&str; 5] = [
    "Japan and U.S. agree to boost joint production of defence equipment",
    "TOKYO, May 3 (Xinhua) -- Japan and the United States agreed on Sunday at \"2+2\" talks of their foreign and defence ministers in Tokyo to strengthen the joint production of defence equipment, in response to changes in the regional security situation.",
    "Under a joint statement issued by the two sides, the countries will invest 12 million U.S. dollars over the next five years to expand their joint production capacity for missiles and munitions. The plan involves 3000 workers and will formally start on June 1, 2026.",
    "The U.S. Secretary of State said the plan would make the two countries' supply chains more robust and give allies more options.",
    "Analysts noted that Japan-U.S. cooperation in defence has deepened in recent years, with the two sides holding 4 similar rounds of talks since 2023.",
];

/// The runs of ASCII digits of a text, as anchors (a stand-in for the values of its numbers).
fn digit_runs(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|run| run.parse().ok())
        .collect()
}

fn real_units(paragraphs: &[&str], language: Language) -> Vec<AlignUnit> {
    paragraphs
        .iter()
        .map(|p| AlignUnit {
            length: text_length(p, language),
            anchors: digit_runs(p),
        })
        .collect()
}

#[test]
fn a_real_chinese_story_with_a_paragraph_left_out_of_its_translation() {
    let beads = align_units(
        &real_units(&CHINESE, Language::Chinese),
        &real_units(&ENGLISH, Language::English),
    );
    assert_eq!(
        beads,
        vec![
            bead(0..1, 0..1),
            bead(1..2, 1..2),
            bead(2..3, 2..3),
            bead(3..4, 3..3),
            bead(4..5, 3..4),
            bead(5..6, 4..5),
        ]
    );
    let alignment = paragraph_alignment(&beads, 6, 5);
    assert_eq!(alignment.story_of[3], None);
    assert!(alignment.matched_story.iter().all(|&m| m));
}

#[test]
fn the_same_real_pair_complete_pairs_one_to_one() {
    let mut english = ENGLISH.to_vec();
    english.insert(
        3,
        "Japan's defence minister told a press conference after the meeting that the Japan-U.S. alliance is the cornerstone of regional peace and stability, and that Japan would keep working closely with the United States and was willing to strengthen coordination with partners such as South Korea, Australia and the Philippines to uphold the rules-based international order. He also said the Japanese government would revise the relevant regulations within the year to give joint production a legal footing.",
    );
    let beads = align_units(
        &real_units(&CHINESE, Language::Chinese),
        &real_units(&english, Language::English),
    );
    assert_eq!(beads, one_to_one(6));
}
