//! Baselines: findings recorded once (`--write-baseline`) and not reported again (`--baseline`).
//! A finding is recorded by its rule, file and the text it points at — not its line — so it keeps
//! matching while the story is edited around it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::finding::Finding;

/// Why a baseline could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// Reading or writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The baseline file.
        path: String,
        /// The system's error.
        source: std::io::Error,
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

/// Recorded findings, counted by (path, rule, matched text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: BTreeMap<(String, String, String), usize>,
}

impl Baseline {
    /// Records `findings` of the file at `path` whose text is `source`.
    pub fn record(&mut self, path: &str, source: &str, findings: &[Finding]) {
        for finding in findings {
            *self.counts.entry(key(path, source, finding)).or_default() += 1;
        }
    }

    /// Removes from `findings` those the baseline records (as many of each as it counts).
    pub fn filter(&self, path: &str, source: &str, findings: &mut Vec<Finding>) {
        let mut left = self.counts.clone();
        findings.retain(|finding| match left.get_mut(&key(path, source, finding)) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        });
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
            path: name.clone(),
            source,
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| BaselineError::Format {
            path: name,
            message: e.to_string(),
        })?;
        let counts = file
            .findings
            .into_iter()
            .map(|e| ((e.path, e.rule, e.matched), e.count))
            .collect();
        Ok(Self { counts })
    }

    /// Writes the baseline to `path`, atomically.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let findings = self
            .counts
            .iter()
            .map(|((path, rule, matched), &count)| Entry {
                path: path.clone(),
                rule: rule.clone(),
                matched: matched.clone(),
                count,
            })
            .collect();
        let io = |source| BaselineError::Io {
            path: path.display().to_string(),
            source,
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
        self.counts.values().sum()
    }

    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

fn key(path: &str, source: &str, finding: &Finding) -> (String, String, String) {
    let matched = source
        .get(finding.span.start..finding.span.end)
        .unwrap_or_default();
    (
        path.replace('\\', "/"),
        finding.rule.clone(),
        matched.to_owned(),
    )
}
