//! Baselines: findings recorded once (`--write-baseline`) and not reported again (`--baseline`).
//! A finding is recorded by its rule, file and the text it points at — not its line — so it keeps
//! matching while the story is edited around it. An entry recorded under a rule's id
//! (`wire.Dateline`) also hides the findings of its named checks (`wire.Dateline.Outlet`), as
//! baselines written before the checks had ids record them.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::rules::ids;

/// Why a baseline could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// Reading or writing the file failed.
    // Not `source`: the message already says it, and a chain would say it twice.
    #[error("{path}: {error}")]
    Io {
        /// The baseline file.
        path: String,
        /// The system's error.
        error: std::io::Error,
    },
    /// The file is not a baseline.
    #[error("{path}: not a wirecheck baseline: {message}")]
    Format {
        /// The baseline file.
        path: String,
        /// What the JSON parser said.
        message: String,
    },
}

/// One recorded kind of finding and how many times it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    path: String,
    rule: String,
    #[serde(rename = "match")]
    matched: String,
    count: usize,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Recorded findings, counted by file, then by (rule, matched text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: BTreeMap<String, BTreeMap<(String, String), usize>>,
}

impl Baseline {
    /// Records `findings` of the file at `path` whose text is `source`.
    pub fn record(&mut self, path: &str, source: &str, findings: &[Finding]) {
        if findings.is_empty() {
            return;
        }
        let recorded = self.counts.entry(normal_path(path)).or_default();
        for finding in findings {
            *recorded.entry(key(source, finding)).or_default() += 1;
        }
    }

    /// Removes from `findings` those the baseline records: each entry hides as many findings as
    /// it counts, so a fault recorded once and made again is reported.
    pub fn filter(&self, path: &str, source: &str, findings: &mut Vec<Finding>) {
        let Some(recorded) = self.counts.get(&normal_path(path)) else {
            return;
        };
        let mut left = recorded.clone();
        findings.retain(|finding| {
            // A baseline written before a rule's checks had ids of their own records the rule's
            // id: it still hides the findings of the rule's checks.
            let (rule, said) = key(source, finding);
            let mut rule = rule.as_str();
            loop {
                if let Some(count) = left.get_mut(&(rule.to_owned(), said.clone()))
                    && *count > 0
                {
                    *count -= 1;
                    return false;
                }
                match ids::parent(rule) {
                    Some(parent) => rule = parent,
                    None => return true,
                }
            }
        });
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| BaselineError::Io {
            path: name.clone(),
            error,
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| BaselineError::Format {
            path: name,
            message: e.to_string(),
        })?;
        let mut baseline = Self::default();
        // Entries that say the same thing (baselines of shards put together) add up.
        for entry in file.findings {
            *baseline
                .counts
                .entry(normal_path(&entry.path))
                .or_default()
                .entry((entry.rule, entry.matched))
                .or_default() += entry.count;
        }
        Ok(baseline)
    }

    /// Writes the baseline to `path`, atomically.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let findings = self
            .counts
            .iter()
            .flat_map(|(path, recorded)| {
                recorded.iter().map(move |((rule, matched), &count)| Entry {
                    path: path.clone(),
                    rule: rule.clone(),
                    matched: matched.clone(),
                    count,
                })
            })
            .collect();
        let io = |error| BaselineError::Io {
            path: path.display().to_string(),
            error,
        };
        let json = serde_json::to_string_pretty(&File {
            version: 1,
            findings,
        })
        .map_err(|e| io(std::io::Error::other(e)))?;
        crate::fix::write_atomically(path, format!("{json}\n").as_bytes()).map_err(io)
    }

    /// Number of findings recorded.
    pub fn len(&self) -> usize {
        self.counts.values().flat_map(BTreeMap::values).sum()
    }

    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a finding is recorded by: its rule and the text it matched or, for a finding about
/// something missing (an empty span, such as a number the reference has and the story lacks), its
/// message, which names what is missing: otherwise one recorded gap would hide every other.
fn key(source: &str, finding: &Finding) -> (String, String) {
    let matched = source
        .get(finding.span.start..finding.span.end)
        .unwrap_or_default();
    let said = if matched.is_empty() {
        &finding.message
    } else {
        matched
    };
    (finding.rule.clone(), said.to_owned())
}

/// `path` as a baseline records it: `/` between folders, and no `.` folders, so that
/// `./desk/story.txt`, `desk/./story.txt` and `desk\story.txt` are the same file.
fn normal_path(path: &str) -> String {
    let unified = path.replace('\\', "/");
    let mut parts = unified.split('/');
    let first = parts.next().unwrap_or_default();
    let rest = parts.filter(|part| !part.is_empty() && *part != ".");
    let kept: Vec<&str> = std::iter::once(first)
        .filter(|part| *part != ".")
        .chain(rest)
        .collect();
    if kept.is_empty() {
        ".".to_owned()
    } else {
        kept.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn paths_are_recorded_without_dot_folders() {
        assert_eq!(normal_path("./desk/story.txt"), "desk/story.txt");
        assert_eq!(normal_path("desk/./story.txt"), "desk/story.txt");
        assert_eq!(normal_path("desk\\story.txt"), "desk/story.txt");
        assert_eq!(normal_path("desk//story.txt"), "desk/story.txt");
        assert_eq!(normal_path("/srv/desk/story.txt"), "/srv/desk/story.txt");
        assert_eq!(normal_path("../story.txt"), "../story.txt");
        assert_eq!(normal_path("."), ".");
    }

    fn missing(number: &str, at: usize) -> Finding {
        Finding {
            rule: "reference.Numbers".into(),
            severity: crate::Severity::Warning,
            message: format!("'{number}' of the reference is missing here"),
            span: Span::new(at, at),
            suggestions: Vec::new(),
            link: None,
            reference: None,
            safe_fix: false,
        }
    }

    #[test]
    fn a_recorded_gap_hides_that_gap_and_no_other() {
        let source = "Headline\n\nThey sent troops and ships.\n";
        let mut baseline = Baseline::default();
        baseline.record("s.txt", source, &[missing("1,500", 15)]);
        let mut findings = vec![missing("1,500", 15), missing("12", 25)];
        baseline.filter("s.txt", source, &mut findings);
        assert_eq!(findings, vec![missing("12", 25)]);
        // The recorded gap mended and another made: the new one is reported.
        let mut findings = vec![missing("12", 25)];
        baseline.filter("s.txt", source, &mut findings);
        assert_eq!(findings, vec![missing("12", 25)]);
    }

    #[test]
    fn an_entry_under_a_rule_id_hides_its_checks_findings() {
        let source = "Headline\n\nSadaNews - Tokyo agreed.\n";
        let outlet = |rule: &str| Finding {
            rule: rule.into(),
            severity: crate::Severity::Warning,
            message: String::new(),
            span: Span::new(10, 18),
            suggestions: Vec::new(),
            link: None,
            reference: None,
            safe_fix: false,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        let entry =
            r#"{"path": "s.txt", "rule": "wire.Dateline", "match": "SadaNews", "count": 1}"#;
        std::fs::write(&path, format!(r#"{{"version": 1, "findings": [{entry}]}}"#)).unwrap();
        let baseline = Baseline::load(&path).unwrap();
        let mut findings = vec![
            outlet("wire.Dateline.Outlet"),
            outlet("wire.Dateline.Outlet"),
        ];
        baseline.filter("s.txt", source, &mut findings);
        assert_eq!(findings.len(), 1, "one entry hides one finding");
        let mut findings = vec![outlet("wire.DatelineX.Outlet"), outlet("other.Dateline")];
        baseline.filter("s.txt", source, &mut findings);
        assert_eq!(findings.len(), 2, "only the rule's own checks");
        // A new baseline records the check's id, which hides that check and no sibling.
        let mut recorded = Baseline::default();
        recorded.record("s.txt", source, &[outlet("wire.Dateline.Outlet")]);
        let mut findings = vec![
            outlet("wire.Dateline.PlaceSpelling"),
            outlet("wire.Dateline.Outlet"),
        ];
        recorded.filter("s.txt", source, &mut findings);
        assert_eq!(findings, vec![outlet("wire.Dateline.PlaceSpelling")]);
    }

    #[test]
    fn identical_entries_add_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        let entry = r#"{"path": "s.txt", "rule": "r.R", "match": "x", "count": 1}"#;
        std::fs::write(
            &path,
            format!(r#"{{"version": 1, "findings": [{entry}, {entry}]}}"#),
        )
        .unwrap();
        assert_eq!(Baseline::load(&path).unwrap().len(), 2);
    }
}
