//! Paragraph pairing laws on generated wire-like stories: a random edit script (word edits,
//! paragraph deletes and inserts, moves, splits into 2–4, merges of 2–4) is applied to a story
//! of 1 to 2,000 paragraphs, and the diff's pairing must recover the script exactly, show no
//! unchanged sentence as changed, keep its statistics consistent on both sides, and its JSON
//! must still rebuild both files.

use std::collections::BTreeSet;

use proptest::prelude::*;
use wirecheck_diff::format::{self, SideNames};
use wirecheck_diff::{
    ChangeKind, DiffOptions, ParagraphPairing, StoryDiff, diff_stories, split_paragraphs,
};

/// Deterministic generator (xorshift64*), so a proptest seed fixes the whole story.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "of", "in", "on", "to", "and", "said", "that", "for", "with", "was", "by", "from",
    "at", "after", "its", "has", "were", "would",
];
const SYLLABLES: &[&str] = &[
    "ka", "to", "ri", "mo", "sa", "ne", "lu", "vi", "do", "pe", "ga", "shi", "ro", "ta", "mi",
    "be", "zu", "no", "ha", "ke", "ya", "fu", "ze", "wo",
];

/// A content word from a vocabulary of 24³ + 24⁴ forms: rare enough that sentences differ.
fn content_word(rng: &mut Rng) -> String {
    let syllables = 3 + rng.below(2);
    (0..syllables)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// A wire-like sentence: capitalised, 6–14 words mixing function and content words.
fn sentence(rng: &mut Rng) -> String {
    let words = 6 + rng.below(9);
    let mut out: Vec<String> = (0..words)
        .map(|k| {
            if k % 2 == 1 && rng.below(3) > 0 {
                FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_owned()
            } else {
                content_word(rng)
            }
        })
        .collect();
    if let Some(first) = out.first_mut() {
        let mut chars = first.chars();
        if let Some(c) = chars.next() {
            *first = c.to_uppercase().chain(chars).collect();
        }
    }
    format!("{}.", out.join(" "))
}

fn paragraph(rng: &mut Rng, sentences: usize) -> Vec<String> {
    (0..sentences).map(|_| sentence(rng)).collect()
}

/// Where a new paragraph came from, as the edit script says.
#[derive(Debug, Clone, PartialEq)]
enum Origin {
    Same(usize),
    Edited(usize),
    Inserted,
    Moved(usize),
    /// Part `part` of old paragraph `old`, split into `parts`.
    SplitPart {
        old: usize,
        part: usize,
        parts: usize,
    },
    Merged(std::ops::Range<usize>),
}

/// A generated story pair with the script that made the new one from the old.
struct Case {
    old: String,
    new: String,
    /// Origin of every new paragraph, in order.
    origins: Vec<Origin>,
    moves: usize,
}

fn join(paragraphs: &[String]) -> String {
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
}

/// A story of `size` paragraphs and a revision made by about `edits` random operations.
fn generate(seed: u64, size: usize, edits: usize) -> Case {
    let mut rng = Rng::new(seed);
    let old: Vec<Vec<String>> = (0..size)
        .map(|_| {
            let n = 1 + rng.below(4);
            paragraph(&mut rng, n)
        })
        .collect();
    let mut touched = vec![false; size];
    // The revision as (text, origin), built in old order first, then moves applied.
    let mut items: Vec<(String, Origin)> = Vec::new();
    let mut plan = vec![0u8; size]; // 0 same, 1 edit, 2 delete, 3 split, 4 merge start, 5 move
    for _ in 0..edits {
        let at = rng.below(size);
        let op = 1 + rng.below(5) as u8;
        match op {
            3 if old[at].len() < 2 || touched[at] => continue,
            4 => {
                let len = 2 + rng.below(3);
                if at + len > size || touched[at..at + len].iter().any(|t| *t) {
                    continue;
                }
                touched[at..at + len].fill(true);
                // Keep a clean neighbour after the merge so that pieces stay distinct.
                plan[at] = 4 + (len as u8) * 16;
                continue;
            }
            5 if size < 8 => continue,
            _ if touched[at] => continue,
            _ => {}
        }
        touched[at] = true;
        plan[at] = op;
    }
    let mut moved = Vec::new();
    let mut i = 0;
    while i < size {
        let text = old[i].join(" ");
        match plan[i] & 15 {
            0 => items.push((text, Origin::Same(i))),
            1 => {
                let mut sentences = old[i].clone();
                let s = rng.below(sentences.len());
                let mut words: Vec<String> = sentences[s].split(' ').map(str::to_owned).collect();
                // Replace a word in the middle (not the capitalised first, not the last with
                // its full stop) by a fresh content word.
                let w = 1 + rng.below(words.len().saturating_sub(2).max(1));
                if w < words.len() - 1 {
                    words[w] = format!("{}x", content_word(&mut rng));
                } else {
                    words.insert(1, content_word(&mut rng));
                }
                sentences[s] = words.join(" ");
                items.push((sentences.join(" "), Origin::Edited(i)));
            }
            2 => {}
            3 => {
                let count = old[i].len();
                let parts = 2 + rng.below(count.min(4) - 1);
                // Cut the sentences into `parts` non-empty consecutive groups.
                let mut cuts: BTreeSet<usize> = BTreeSet::new();
                while cuts.len() < parts - 1 {
                    cuts.insert(1 + rng.below(count - 1));
                }
                let mut bounds = vec![0];
                bounds.extend(cuts);
                bounds.push(count);
                for part in 0..parts {
                    items.push((
                        old[i][bounds[part]..bounds[part + 1]].join(" "),
                        Origin::SplitPart {
                            old: i,
                            part,
                            parts,
                        },
                    ));
                }
            }
            4 => {
                let len = usize::from(plan[i] >> 4);
                let text = (i..i + len)
                    .map(|k| old[k].join(" "))
                    .collect::<Vec<_>>()
                    .join(" ");
                items.push((text, Origin::Merged(i..i + len)));
                i += len;
                continue;
            }
            5 => moved.push((text, Origin::Moved(i))),
            _ => unreachable!("plan codes are 0..=5"),
        }
        if plan[i] == 2 || rng.below(12) == 0 {
            // Deletions and insertions; an insertion sometimes stands alone.
            if plan[i] != 2 && edits > 0 {
                let n = 1 + rng.below(3);
                items.push((paragraph(&mut rng, n).join(" "), Origin::Inserted));
            }
        }
        i += 1;
    }
    // Moves go far from where they were: at least a quarter of the story away.
    let moves = moved.len();
    for (text, origin) in moved {
        let Origin::Moved(from) = origin else {
            continue;
        };
        let here = items
            .iter()
            .position(|(_, o)| old_index(o).is_some_and(|k| k > from))
            .unwrap_or(items.len());
        let distance = (items.len() / 4).max(4);
        let target = if here >= distance {
            rng.below(here - distance + 1)
        } else {
            (here + distance + rng.below(items.len().saturating_sub(here + distance) + 1))
                .min(items.len())
        };
        // Not between the parts of a split.
        let mut target = target;
        while matches!(items.get(target), Some((_, Origin::SplitPart { part, .. })) if *part > 0) {
            target += 1;
        }
        items.insert(target, (text, origin));
    }
    let old_text = join(&old.iter().map(|p| p.join(" ")).collect::<Vec<_>>());
    let new_text = join(&items.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>());
    Case {
        old: old_text,
        new: new_text,
        origins: items.into_iter().map(|(_, o)| o).collect(),
        moves,
    }
}

/// The first old paragraph a new one comes from, if any.
fn old_index(origin: &Origin) -> Option<usize> {
    match origin {
        Origin::Same(i) | Origin::Edited(i) | Origin::Moved(i) => Some(*i),
        Origin::SplitPart { old, .. } => Some(*old),
        Origin::Merged(r) => Some(r.start),
        Origin::Inserted => None,
    }
}

fn diff<'a>(case: &'a Case, options: &DiffOptions) -> StoryDiff<'a> {
    diff_stories(
        &case.old,
        &split_paragraphs(&case.old),
        &case.new,
        &split_paragraphs(&case.new),
        options,
    )
    .expect("split_paragraphs gives valid ranges")
}

/// Checks every law; returns the first broken one as an error message.
fn check(case: &Case, options: &DiffOptions) -> Result<(), String> {
    let diff = diff(case, options);
    let o = &case.origins;
    let deleted_by_script: BTreeSet<usize> = {
        let mut kept = BTreeSet::new();
        for origin in o {
            match origin {
                Origin::Same(i) | Origin::Edited(i) | Origin::Moved(i) => {
                    kept.insert(*i);
                }
                Origin::SplitPart { old, .. } => {
                    kept.insert(*old);
                }
                Origin::Merged(r) => kept.extend(r.clone()),
                Origin::Inserted => {}
            }
        }
        (0..diff.old_paragraphs.len())
            .filter(|i| !kept.contains(i))
            .collect()
    };
    if diff.timed_out {
        return Err("timed out".into());
    }
    let mut reported_moves = 0;
    for block in &diff.blocks {
        let ok = match &block.pairing {
            ParagraphPairing::Unchanged { old, new } => o[*new] == Origin::Same(*old),
            // Same words with other whitespace around them (the paragraph is now last, or no
            // longer) is a change too.
            ParagraphPairing::Changed { old, new, .. } => {
                o[*new] == Origin::Edited(*old)
                    || (o[*new] == Origin::Same(*old)
                        && block
                            .changes
                            .iter()
                            .all(|c| c.kind == ChangeKind::Equal || c.whitespace_only))
            }
            ParagraphPairing::Moved { old, new, .. } => {
                reported_moves += 1;
                o[*new] == Origin::Moved(*old)
            }
            ParagraphPairing::MovedAway { old, new } => o[*new] == Origin::Moved(*old),
            ParagraphPairing::Deleted { old } => deleted_by_script.contains(old),
            ParagraphPairing::Inserted { new } => o[*new] == Origin::Inserted,
            ParagraphPairing::Split { old, new } => new.clone().enumerate().all(|(part, j)| {
                o[j] == Origin::SplitPart {
                    old: *old,
                    part,
                    parts: new.len(),
                }
            }),
            ParagraphPairing::Merged { old, new } => o[*new] == Origin::Merged(old.clone()),
            ParagraphPairing::Unparagraphed => {
                diff.old_paragraphs.is_empty() || diff.new_paragraphs.is_empty()
            }
        };
        if !ok {
            let script: Vec<&Origin> = block
                .pairing
                .new_paragraphs()
                .map(|r| o[r].iter().collect())
                .unwrap_or_default();
            return Err(format!(
                "reported {:?}, but the script made new {:?} from {:?}",
                block.pairing,
                block.pairing.new_paragraphs(),
                script
            ));
        }
        // No unchanged sentence shown as changed: splits, merges and moves change only the
        // whitespace between sentences; an edit touches at most two words.
        let changed_words: usize = block
            .changes
            .iter()
            .filter(|c| c.kind != ChangeKind::Equal)
            .map(|c| diff.old[c.old.clone()].split_whitespace().count())
            .sum();
        let limit = match block.pairing {
            ParagraphPairing::Changed { .. } => 2,
            ParagraphPairing::Deleted { .. } | ParagraphPairing::Inserted { .. } => usize::MAX,
            _ => 0,
        };
        if changed_words > limit {
            return Err(format!(
                "{:?} shows {changed_words} old words changed",
                block.pairing
            ));
        }
    }
    if reported_moves > case.moves {
        return Err(format!(
            "{reported_moves} moves reported, {} applied",
            case.moves
        ));
    }
    let stats = diff.statistics();
    if stats.common_words + stats.deleted_words + stats.changed_old_words != stats.old_words
        || stats.common_words + stats.inserted_words + stats.changed_new_words != stats.new_words
    {
        return Err(format!("statistics disagree between the sides: {stats:?}"));
    }
    rebuilds_both_files(&diff)
}

/// The JSON's operations rebuild both files byte for byte.
fn rebuilds_both_files(diff: &StoryDiff<'_>) -> Result<(), String> {
    let names = SideNames {
        old: "old.txt".into(),
        new: "new.txt".into(),
    };
    let json: serde_json::Value =
        serde_json::from_str(&format::render_json(diff, &names)).map_err(|e| e.to_string())?;
    let mut old_pieces: Vec<(u64, String)> = Vec::new();
    let mut new_text = String::new();
    for block in json["blocks"].as_array().into_iter().flatten() {
        for op in block["operations"].as_array().into_iter().flatten() {
            let text = |side: &str| op[side]["text"].as_str().unwrap_or_default().to_owned();
            old_pieces.push((op["old"]["start"].as_u64().unwrap_or(0), text("old")));
            new_text.push_str(&text("new"));
        }
    }
    old_pieces.sort_by_key(|(start, _)| *start);
    let old_text: String = old_pieces.into_iter().map(|(_, t)| t).collect();
    if old_text != diff.old {
        return Err("the JSON does not rebuild the old file".into());
    }
    if new_text != diff.new {
        return Err("the JSON does not rebuild the new file".into());
    }
    Ok(())
}

fn assert_laws(seed: u64, size: usize, edits: usize) {
    // The default budget is for the release build: this unoptimised test build is ten times
    // slower and shares the machine, so it gets longer (a slow diff is benches' business).
    let options = DiffOptions {
        timeout: std::time::Duration::from_secs(60),
        ..DiffOptions::default()
    };
    let case = generate(seed, size, edits);
    if let Err(message) = check(&case, &options) {
        panic!("seed {seed:#x}, {size} paragraphs, {edits} edits: {message}");
    }
}

/// Sizes weighted small: most stories are short, a few are long.
fn size_strategy() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 1usize..30,
        3 => 30usize..250,
        1 => 250usize..2000,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
        fn pairing_recovers_the_edit_script(seed in any::<u64>(), size in size_strategy(), share in 0usize..40) {
        // `share` percent of the paragraphs get an operation.
        let edits = size * share / 100 + usize::from(share > 0);
        assert_laws(seed, size, edits);
    }
}

#[test]
fn unedited_story_is_all_unchanged() {
    for size in [1, 2, 7, 300] {
        assert_laws(0x5eed + size as u64, size, 0);
    }
}

#[test]
fn two_thousand_paragraphs_align_fully() {
    // Every paragraph has a fair chance of an operation: few long identical stretches.
    assert_laws(0x2000_5eed, 2000, 1200);
}

#[test]
fn long_story_with_every_paragraph_lightly_edited_stays_in_order() {
    // 400 paragraphs, none identical: the old DP size limit left these delete + insert.
    let case = {
        let mut rng = Rng::new(7);
        let old: Vec<Vec<String>> = (0..400).map(|_| paragraph(&mut rng, 2)).collect();
        let new: Vec<String> = old
            .iter()
            .map(|p| format!("{} Officials said.", p.join(" ")))
            .collect();
        Case {
            old: join(&old.iter().map(|p| p.join(" ")).collect::<Vec<_>>()),
            new: join(&new),
            origins: (0..400).map(Origin::Edited).collect(),
            moves: 0,
        }
    };
    if let Err(message) = check(&case, &DiffOptions::default()) {
        panic!("{message}");
    }
}

// ---------------------------------------------------------------- headlines and wire shapes

fn pairing_names(old: &str, new: &str) -> Vec<String> {
    let diff = diff_stories(
        old,
        &split_paragraphs(old),
        new,
        &split_paragraphs(new),
        &DiffOptions::default(),
    )
    .expect("split_paragraphs gives valid ranges");
    diff.blocks
        .iter()
        .map(|b| b.pairing.name().to_owned())
        .collect()
}

const LEAD: &str = "TOKYO, Dec 1 (Reuters) - Japan and the United States agreed on Tuesday to \
                    deepen defence cooperation, with Washington pledging to station more \
                    missile units on Okinawa, officials said.";
const SECOND: &str = "The agreement follows months of talks between the two allies, who have \
                      faced growing pressure in the region.";

#[test]
fn title_case_headline_pairs_with_its_sentence_case_version() {
    let old = format!(
        "Tokyo And Washington Agree To Deepen Missile Defence Ties\n\n{LEAD}\n\n{SECOND}\n"
    );
    let new = format!(
        "Tokyo and Washington agree to deepen missile defence ties\n\n{LEAD}\n\n{SECOND}\n"
    );
    assert_eq!(
        pairing_names(&old, &new),
        ["changed", "unchanged", "unchanged"]
    );
}

#[test]
fn retitled_headline_still_pairs_as_the_first_paragraph() {
    // Few words in common, but both are the first paragraph and short.
    let old = format!("Japan, US To Expand Okinawa Missile Units\n\n{LEAD}\n\n{SECOND}\n");
    let new = format!("US to expand missile units in Japan\n\n{LEAD}\n\n{SECOND}\n");
    assert_eq!(
        pairing_names(&old, &new),
        ["changed", "unchanged", "unchanged"]
    );
}

#[test]
fn a_dropped_headline_is_not_merged_into_the_lead() {
    // The lead now also says "missile deal", two of the headline's words: that is no merge,
    // the headline was deleted and the lead edited.
    let old = format!("Japan, US agree missile deal\n\n{LEAD}\n\n{SECOND}\n");
    let new = format!(
        "{}\n\n{SECOND}\n",
        LEAD.replace("officials said", "officials said of the missile deal")
    );
    assert_eq!(
        pairing_names(&old, &new),
        ["deleted", "changed", "unchanged"]
    );
}

#[test]
fn a_three_way_split_is_one_split_and_the_statistics_agree() {
    let third = "Defence Minister Gen Nakatani told reporters the deal would be signed next month.";
    let old = format!("Headline here\n\n{LEAD} {SECOND} {third}\n");
    let new = format!("Headline here\n\n{LEAD}\n\n{SECOND}\n\n{third}\n");
    assert_eq!(pairing_names(&old, &new), ["unchanged", "split"]);
    assert_eq!(pairing_names(&new, &old), ["unchanged", "merged"]);
    for (a, b) in [(&old, &new), (&new, &old)] {
        let diff = diff_stories(
            a,
            &split_paragraphs(a),
            b,
            &split_paragraphs(b),
            &DiffOptions::default(),
        )
        .expect("valid ranges");
        let stats = diff.statistics();
        assert_eq!(stats.common_words, stats.old_words, "{stats:?}");
        assert_eq!(stats.common_words, stats.new_words, "{stats:?}");
    }
}
