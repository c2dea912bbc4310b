//! `--stats`: word statistics in the format of `wdiff -s`, plus a paragraph line.

use crate::DiffStatistics;

use super::SideNames;

/// `part` as a whole percentage of `whole`, rounded half up like wdiff.
fn percent(part: usize, whole: usize) -> usize {
    if whole == 0 {
        0
    } else {
        (200 * part + whole) / (2 * whole)
    }
}

fn side_line(
    name: &str,
    words: usize,
    common: usize,
    label: &str,
    own: usize,
    changed: usize,
) -> String {
    if words == 0 {
        return format!("{name}: 0 words\n");
    }
    format!(
        "{name}: {words} words  {common} {}% common  {own} {}% {label}  {changed} {}% changed\n",
        percent(common, words),
        percent(own, words),
        percent(changed, words),
    )
}

/// Renders the statistics like `wdiff -s`:
///
/// ```text
/// old.txt: 9 words  6 67% common  1 11% deleted  2 22% changed
/// new.txt: 9 words  6 67% common  1 11% inserted  2 22% changed
/// paragraphs: 1 inserted  0 deleted  2 changed  1 split  1 merged  1 moved
/// ```
///
/// Words are runs of letters and digits; punctuation is not counted.
pub fn render_stats(stats: &DiffStatistics, names: &SideNames) -> String {
    let mut out = side_line(
        &names.old,
        stats.old_words,
        stats.common_words,
        "deleted",
        stats.deleted_words,
        stats.changed_old_words,
    );
    out.push_str(&side_line(
        &names.new,
        stats.new_words,
        stats.common_words,
        "inserted",
        stats.inserted_words,
        stats.changed_new_words,
    ));
    out.push_str(&format!(
        "paragraphs: {} inserted  {} deleted  {} changed  {} split  {} merged  {} moved\n",
        stats.inserted_paragraphs,
        stats.deleted_paragraphs,
        stats.changed_paragraphs,
        stats.split_paragraphs,
        stats.merged_paragraphs,
        stats.moved_paragraphs,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_wdiff_layout() {
        let stats = DiffStatistics {
            old_words: 9,
            new_words: 9,
            common_words: 6,
            deleted_words: 1,
            inserted_words: 1,
            changed_old_words: 2,
            changed_new_words: 2,
            ..DiffStatistics::default()
        };
        let names = SideNames {
            old: "a.txt".into(),
            new: "b.txt".into(),
        };
        let out = render_stats(&stats, &names);
        assert!(out.starts_with(
            "a.txt: 9 words  6 67% common  1 11% deleted  2 22% changed\n\
             b.txt: 9 words  6 67% common  1 11% inserted  2 22% changed\n"
        ));
        assert_eq!(percent(8, 9), 89);
        assert_eq!(
            side_line("e.txt", 0, 0, "deleted", 0, 0),
            "e.txt: 0 words\n"
        );
    }
}
