//! Vale mode: a Vale project's `.vale.ini`, styles and vocabularies run as Vale runs them — each
//! file scoped into the blocks Vale's rules read (headings, paragraphs, list items, …), each rule
//! run on the blocks its scope and the file's settings select, each alert placed back in the file
//! where Vale places it.

mod lint;
pub(crate) mod markup;

use std::fmt;
use std::path::Path;

pub(crate) use lint::{FileRules, RuleSwitch};
pub(crate) use markup::MarkupOptions;

use crate::engine::RuleSet;
use crate::finding::Finding;
use crate::rules::Context;

/// What applies to one file of a Vale project.
#[derive(Clone, Debug, Default)]
pub(crate) struct FileSettings {
    /// The rules that run, at which levels.
    pub(crate) rules: FileRules,
    /// How its markup is scoped.
    pub(crate) markup: MarkupOptions,
    /// The extension it is read as (`.md`, `.txt`, …): its own, or the one `[formats]` maps it to.
    pub(crate) ext: String,
}

/// The settings a project gives a file, by its path; `None` for a file it does not lint.
type SettingsFn = dyn Fn(&Path) -> Option<FileSettings> + Send + Sync;

/// A Vale project ready to lint any number of files: its styles' rules compiled once, and what
/// applies to each file.
pub struct ValeProject {
    rules: RuleSet,
    settings: Box<SettingsFn>,
}

impl fmt::Debug for ValeProject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValeProject")
            .field("rules", &self.rules.rules().len())
            .finish()
    }
}

impl ValeProject {
    /// A project of `rules` whose settings for a file are `settings(path)`.
    pub(crate) fn new(
        rules: RuleSet,
        settings: impl Fn(&Path) -> Option<FileSettings> + Send + Sync + 'static,
    ) -> Self {
        Self {
            rules,
            settings: Box::new(settings),
        }
    }

    /// The rules of the project's styles.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The findings of the project's rules in the file at `path` whose text is `content`, as
    /// bytes of `content`; an error when its markup cannot be read.
    pub(crate) fn check(
        &self,
        path: &Path,
        content: &str,
        context: &Context,
    ) -> Result<Vec<Finding>, String> {
        let Some(settings) = (self.settings)(path) else {
            return Ok(Vec::new());
        };
        if settings.rules.is_empty() {
            return Ok(Vec::new());
        }
        let file = markup::ValeFile::parse(content, &settings.ext, &settings.markup)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(lint::lint_file(
            &self.rules,
            &settings.rules,
            &file,
            context,
        ))
    }
}
