//! Placeholder for Vale's markup scoping (being written): the whole file is one block.

use std::collections::BTreeMap;

use crate::span::Span;

/// How markup is scoped.
#[derive(Clone, Debug, Default)]
pub(crate) struct MarkupOptions {}

/// A block of text Vale's rules read.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// The text.
    pub(crate) text: String,
    /// Vale's scope of it.
    pub(crate) scope: String,
}

/// Where an alert lies in the file.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Location {
    /// Bytes of the file.
    pub(crate) span: Span,
}

/// Why a file could not be scoped.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub(crate) struct MarkupError {
    message: String,
}

/// A file scoped into blocks.
#[derive(Debug)]
pub(crate) struct ValeFile {
    blocks: Vec<Block>,
    metrics: BTreeMap<String, usize>,
}

impl ValeFile {
    /// Scopes `content`.
    pub(crate) fn parse(
        content: &str,
        ext: &str,
        _options: &MarkupOptions,
    ) -> Result<ValeFile, MarkupError> {
        Ok(ValeFile {
            blocks: vec![
                Block {
                    text: content.to_owned(),
                    scope: format!("text{ext}"),
                },
                Block {
                    text: content.to_owned(),
                    scope: format!("raw{ext}"),
                },
            ],
            metrics: BTreeMap::new(),
        })
    }

    /// The blocks, in order.
    pub(crate) fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Markup counts.
    pub(crate) fn metrics(&self) -> &BTreeMap<String, usize> {
        &self.metrics
    }

    /// Where an alert lies in the file.
    pub(crate) fn locate(&mut self, _index: usize, span: Span, _matched: &str) -> Option<Location> {
        Some(Location { span })
    }

    /// True unless a comment turns `rule` off for block `index`.
    pub(crate) fn rule_on(&self, _index: usize, _rule: &str) -> bool {
        true
    }
}

/// Vale's scope matching.
pub(crate) fn scope_matches(selectors: &[String], block_scope: &str) -> bool {
    let parts: Vec<&str> = block_scope.split('.').collect();
    selectors
        .iter()
        .any(|s| s.split('.').all(|p| parts.contains(&p)))
}
