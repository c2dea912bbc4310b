//! Vale mode: a Vale project's `.vale.ini`, styles and vocabularies run as Vale runs them — each
//! file scoped into the blocks Vale's rules read (headings, paragraphs, list items, …), each rule
//! run on the blocks its scope and the file's settings select, each alert placed back in the file
//! where Vale places it.
//!
//! `config` reads the project (`ini` its syntax, `vocab` its vocabularies, `builtin` Vale's own
//! style), `markup` scopes a file into blocks and places alerts, `lint` runs the rules.

pub(crate) mod builtin;
pub(crate) mod config;
pub(crate) mod ini;
mod lint;
pub(crate) mod markup;
pub(crate) mod vocab;

use std::fmt;
use std::path::Path;

use config::{ConfigError, ValeConfig, ValeRunOptions};
use markup::MarkupOptions;

use crate::engine::RuleSet;
use crate::finding::Finding;
use crate::rules::{Context, Rule, RuleError};

/// Why a Vale project could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ValeSetupError {
    /// The `.vale.ini` (or a file it names) could not be read.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A rule file of one of its styles is invalid.
    #[error(transparent)]
    Rule(#[from] RuleError),
}

/// Why a file of a Vale project was not linted.
#[derive(Debug)]
pub(crate) enum ValeFileError {
    /// Vale reads its format through a program of its own (`adoc`, `rst`, `xml`…).
    Unsupported(String),
    /// Its markup could not be read, or a pattern of the configuration is invalid.
    Markup(String),
}

/// A Vale project ready to lint any number of files: its styles' rules compiled once, and what
/// applies to each file.
pub struct ValeProject {
    config: ValeConfig,
    rules: RuleSet,
    /// Each rule's `scope:` selectors, as Vale matches them against a block's scope, in the
    /// order of the rules.
    selectors: Vec<Vec<String>>,
    options: ValeRunOptions,
}

impl fmt::Debug for ValeProject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValeProject")
            .field("files", &self.config.files)
            .field("rules", &self.rules.rules().len())
            .finish()
    }
}

impl ValeProject {
    /// The project a run from `start` uses, as Vale finds it (`--config`, `VALE_CONFIG_PATH`, a
    /// `.vale.ini` from `start` up, the global one); `None` when there is none and none was named.
    pub fn load(
        start: &Path,
        options: &ValeRunOptions,
    ) -> Result<Option<ValeProject>, ValeSetupError> {
        let config = match ValeConfig::load_for(start, &options.load) {
            Ok(config) => config,
            Err(ConfigError::NotFound { .. }) if options.load.config.is_none() => return Ok(None),
            Err(error) => return Err(error.into()),
        };
        let accepted: std::sync::Arc<[String]> = config.accepted().into();
        let mut rules = RuleSet::compile_accepting(config.rule_sources()?, accepted)?;
        for (id, level) in &config.levels {
            // A level for a rule no style has is Vale's silence too.
            rules.set_severity(id, Some(*level));
        }
        let selectors = rules
            .rules()
            .iter()
            .map(|rule| rule.header.scope.names())
            .collect();
        Ok(Some(ValeProject {
            config,
            rules,
            selectors,
            options: options.clone(),
        }))
    }

    /// Whether Vale lints `path`, a file a folder's walk found.
    pub fn lints(&self, path: &Path) -> bool {
        self.config.lints(path, None)
    }

    /// The rules of the project's styles.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The configuration files read, the project's first.
    pub fn config_files(&self) -> &[std::path::PathBuf] {
        &self.config.files
    }

    /// What the configuration asks that is not done (`Packages` not downloaded, …), each a line
    /// naming the file and line.
    pub fn warnings(&self) -> &[String] {
        &self.config.warnings
    }

    /// The findings of the project's rules in the file at `path` whose text is `content`, as
    /// bytes of `content`; an error when its markup cannot be read.
    pub(crate) fn check(
        &self,
        path: &Path,
        content: &str,
        context: &Context,
    ) -> Result<Vec<Finding>, ValeFileError> {
        let settings = self.config.for_file(path);
        let min_level = self
            .options
            .min_alert_level
            .unwrap_or(self.config.min_alert_level);
        let running: Vec<(&Rule, &[String])> = self
            .rules
            .rules()
            .iter()
            .zip(&self.selectors)
            .filter(|(rule, _)| settings.runs(&rule.id) && rule.severity >= min_level)
            .map(|(rule, selectors)| (rule, selectors.as_slice()))
            .collect();
        if running.is_empty() {
            return Ok(Vec::new());
        }
        let ext = match &self.options.ext {
            Some(ext) => ext.clone(),
            None => format!(".{}", settings.format),
        };
        let markup = MarkupOptions {
            ignored_scopes: self.config.ignored_scopes.clone(),
            skipped_scopes: self.config.skipped_scopes.clone(),
            ignored_classes: self.config.ignored_classes.clone(),
            block_ignores: settings.block_ignores.clone(),
            token_ignores: settings.token_ignores.clone(),
            format: None,
            ignore_syntax: self.options.ignore_syntax,
        };
        let file = markup::ValeFile::parse(content, &ext, &markup).map_err(|e| match e {
            markup::MarkupError::Unsupported(format) => ValeFileError::Unsupported(format),
            other => ValeFileError::Markup(format!("{}: {other}", path.display())),
        })?;
        Ok(lint::lint_file(&running, &file, context))
    }
}
