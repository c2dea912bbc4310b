//! `.vale.ini` read as Vale 3.15 reads it: where it is found (`--config`, `VALE_CONFIG_PATH`, the
//! working directory and its parents, the home folder; the user's global config unless
//! `--no-global`), what its keys mean, and what applies to one file. The INI syntax itself is
//! `ini.rs`'s; vocabularies are `vocab.rs`'s and the built-in `Vale` style `builtin.rs`'s.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};

use super::ini::{Ini, IniSection, IniSyntaxError, IniValue};
use super::vocab::Vocabulary;
use crate::rules::RuleSource;
use crate::severity::Severity;

/// The file names Vale looks for in each folder, in order.
pub const VALE_CONFIG_NAMES: &[&str] = &[".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini"];

/// Keys only the unnamed section (before any `[…]`) may hold.
const CORE_KEYS: &[&str] = &[
    "StylesPath",
    "MinAlertLevel",
    "IgnoredScopes",
    "WordTemplate",
    "SkippedScopes",
    "IgnoredClasses",
    "Vocab",
    "NLPEndpoint",
];

/// Keys of a `[glob]` section (and, but for the last four, of `[*]`) that are not rule switches.
const SYNTAX_KEYS: &[&str] = &[
    "BasedOnStyles",
    "IgnorePatterns",
    "BlockIgnores",
    "TokenIgnores",
    "Lang",
    "CommentDelimiters",
    "Transform",
];

/// Why a Vale configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line the INI syntax does not allow.
    #[error(transparent)]
    Syntax(#[from] IniSyntaxError),
    /// A key whose value or place Vale does not accept.
    #[error("{}:{line}: {message}", file.display())]
    Invalid {
        /// The file.
        file: PathBuf,
        /// Its line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// No `.vale.ini` was given or found.
    // Vale's code and context lead the line, as Vale prints them, for scripts that look for them.
    #[error("E100 [.vale.ini not found] Runtime error: no .vale.ini file found (looked in {} and its parents, and in the home folder)", start.display())]
    NotFound {
        /// Where the search began.
        start: PathBuf,
    },
    /// A style named by the configuration is not a folder on the styles path.
    #[error("E100 [loadStyles] Runtime error: {}: style '{style}' does not exist on StylesPath ({})", config.display(), styles_path(search))]
    MissingStyle {
        /// The configuration naming it.
        config: PathBuf,
        /// The style.
        style: String,
        /// Where it was looked for.
        search: Vec<PathBuf>,
    },
    /// A dictionary or word list a spelling rule names could not be read.
    #[error(transparent)]
    RuleFiles(#[from] crate::config::packs::PackError),
}

fn styles_path(search: &[PathBuf]) -> String {
    if search.is_empty() {
        return "no StylesPath set".to_owned();
    }
    let paths: Vec<String> = search.iter().map(|p| p.display().to_string()).collect();
    paths.join(", ")
}

/// Where to look for configuration, as Vale's command line and environment say.
#[derive(Clone, Debug, Default)]
pub struct ValeLoadOptions {
    /// `--config FILE`: this file instead of a search.
    pub config: Option<PathBuf>,
    /// `--no-global`: neither the global `.vale.ini` nor the global styles folder.
    pub no_global: bool,
}

/// What Vale's command-line flags ask of a run (`check --vale-config`, `--no-global`,
/// `--minAlertLevel`, `--ext`, …), for Vale mode.
#[derive(Clone, Debug, Default)]
pub struct ValeRunOptions {
    /// Where to find the configuration (`--config`/`--vale-config` naming a `.vale.ini`,
    /// `--no-global`).
    pub load: ValeLoadOptions,
    /// `--minAlertLevel`: the lowest level reported, instead of the configuration's.
    pub min_alert_level: Option<Severity>,
    /// `--ext`: the extension (with its dot, `.md`) standard input, and every file named, is
    /// read as.
    pub ext: Option<String>,
    /// `--sort`: reports in path order.
    pub sort: bool,
    /// `--relative`: paths relative to the working directory.
    pub relative: bool,
    /// `--normalize`: paths with `/` separators.
    pub normalize: bool,
    /// `--vale-only`: Vale's styles only, not wirecheck's own shipped packs.
    pub vale_only: bool,
    /// `--ignore-syntax`: every file read line by line as plain text.
    pub ignore_syntax: bool,
    /// `--glob`, when one is given: the files of a folder Vale lints (see
    /// [`ValeConfig::lints`]).
    pub glob: Option<String>,
}

/// A glob of a section header, as Vale matches it: `!` negates; a pattern with `**` matches as
/// doublestar does (`*` stops at `/`), any other as gobwas/glob does (`*` matches `/` too);
/// `{a,b}` alternatives in both.
#[derive(Clone, Debug)]
pub struct ValeGlob {
    matcher: GlobMatcher,
    negated: bool,
}

impl ValeGlob {
    /// Compiles `pattern`, or says why not.
    pub fn new(pattern: &str) -> Result<ValeGlob, String> {
        let (negated, pattern) = match pattern.strip_prefix('!') {
            Some(rest) => (true, rest.trim_start_matches('!')),
            None => (false, pattern),
        };
        let glob = GlobBuilder::new(pattern)
            .literal_separator(pattern.contains("**"))
            .backslash_escape(true)
            .empty_alternates(true)
            .build()
            .map_err(|err| format!("the glob pattern '{pattern}' could not be compiled: {err}"))?;
        Ok(ValeGlob {
            matcher: glob.compile_matcher(),
            negated,
        })
    }

    /// Whether `path` (with `/` separators) matches.
    pub fn is_match(&self, path: &str) -> bool {
        self.matcher.is_match(path.replace('\\', "/")) != self.negated
    }
}

/// A `[glob]` section (or `[*]`) as read.
#[derive(Clone, Debug)]
pub struct Section {
    /// The header as written (`*.md`, `*`).
    pub label: String,
    glob: ValeGlob,
    /// `BasedOnStyles`, if the section sets it.
    pub based_on_styles: Option<Vec<String>>,
    /// `Style.Rule = YES|NO|level` switches, in order: on or off.
    pub switches: Vec<(String, bool)>,
    /// `BlockIgnores` (and the older `IgnorePatterns`).
    pub block_ignores: Option<Vec<String>>,
    /// `TokenIgnores`.
    pub token_ignores: Option<Vec<String>>,
    /// `Lang`.
    pub lang: Option<String>,
    /// `CommentDelimiters`: the start and end of a comment.
    pub comment_delimiters: Option<[String; 2]>,
}

/// What applies to one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileSettings {
    /// The styles whose every rule runs: those of the last matching section that sets
    /// `BasedOnStyles`, else those of `[*]`.
    pub styles: Vec<String>,
    /// Rules turned on or off by name (`[*]` first, then matching sections in order, the later
    /// winning): a rule in this list runs if on whatever `styles` says, and does not if off.
    pub switches: BTreeMap<String, bool>,
    /// `BlockIgnores` of every section whose glob matches the file's extension.
    pub block_ignores: Vec<String>,
    /// `TokenIgnores` likewise.
    pub token_ignores: Vec<String>,
    /// The extension the file is read as (`md` for a `.mdx` under `[formats] mdx = md`), without
    /// the dot.
    pub format: String,
    /// `Lang` of the first section that sets it and matches, else `en`.
    pub lang: String,
}

impl FileSettings {
    /// Whether rule `id` (`Style.Rule`) runs on this file, as Vale decides it (levels aside).
    pub fn runs(&self, id: &str) -> bool {
        // Vale switches consistency checks' sub-ids by their first two parts.
        let name = id.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
        match self.switches.get(&name) {
            Some(on) => *on,
            None => {
                let style = name.split('.').next().unwrap_or_default();
                self.styles.iter().any(|s| s == style)
            }
        }
    }
}

/// A `.vale.ini` (with any global configuration merged in), parsed, with paths resolved.
#[derive(Clone, Debug)]
pub struct ValeConfig {
    /// The configuration files read, in order (the project's first).
    pub files: Vec<PathBuf>,
    /// The folders styles are looked for in, in order (`StylesPath` of each file, resolved
    /// relative to it; the global styles folder first unless `--no-global`).
    pub styles_paths: Vec<PathBuf>,
    /// `MinAlertLevel` (Vale's default: `warning`).
    pub min_alert_level: Severity,
    /// `Vocab`: the vocabularies' names.
    pub vocab: Vec<String>,
    /// `Packages`: listed, never downloaded.
    pub packages: Vec<String>,
    /// `IgnoredScopes` (empty: Vale's default `tt, code, kbd`).
    pub ignored_scopes: Vec<String>,
    /// `SkippedScopes` (empty: Vale's default).
    pub skipped_scopes: Vec<String>,
    /// `IgnoredClasses`.
    pub ignored_classes: Vec<String>,
    /// `WordTemplate`, if set.
    pub word_template: Option<String>,
    /// `[formats]`: extension → the extension it is read as.
    pub formats: BTreeMap<String, String>,
    /// `[*]`, if present.
    pub global: Option<Section>,
    /// The `[glob]` sections in order.
    pub sections: Vec<Section>,
    /// Levels given by `Style.Rule = suggestion|warning|error` in any section: Vale applies
    /// them to the rule everywhere.
    pub levels: BTreeMap<String, Severity>,
    /// What the configuration asks for that is not done, each a line naming file and line
    /// (`Packages` not downloaded).
    pub warnings: Vec<String>,
    vocabulary: Vocabulary,
}

/// The levels a switch may name besides `YES` and `NO`.
fn level_named(value: &str) -> Option<Severity> {
    match value {
        "suggestion" => Some(Severity::Suggestion),
        "warning" => Some(Severity::Warning),
        "error" => Some(Severity::Error),
        _ => None,
    }
}

fn invalid(value: &IniValue, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        file: value.file.clone(),
        line: value.line,
        message: message.into(),
    }
}

/// A path in the configuration, relative to the file (`~` is the home folder).
fn resolve(file: &Path, value: &str) -> PathBuf {
    let expanded = match value.strip_prefix("~/").zip(home_dir()) {
        Some((rest, home)) => home.join(rest),
        None => PathBuf::from(value),
    };
    if expanded.is_absolute() {
        expanded
    } else {
        file.parent().unwrap_or(Path::new("")).join(expanded)
    }
}

fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// The user's global configuration file, as Vale 3 places it (`$XDG_CONFIG_HOME/vale/.vale.ini`).
fn global_config() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| home_dir().map(|h| h.join(".config")))?;
    Some(base.join("vale").join(".vale.ini"))
}

/// The user's global styles folder (`VALE_STYLES_PATH`, else `$XDG_DATA_HOME/vale/styles`).
fn global_styles() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("VALE_STYLES_PATH") {
        return Some(PathBuf::from(path));
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| home_dir().map(|h| h.join(".local").join("share")))?;
    Some(base.join("vale").join("styles"))
}

fn first_named(folder: &Path) -> Option<PathBuf> {
    VALE_CONFIG_NAMES
        .iter()
        .map(|name| folder.join(name))
        .find(|path| path.is_file())
}

impl ValeConfig {
    /// The `.vale.ini` Vale would find from `start`: the first of [`VALE_CONFIG_NAMES`] in
    /// `start` or the nearest parent, else in the home folder.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .find_map(first_named)
            .or_else(|| home_dir().as_deref().and_then(first_named))
    }

    /// Reads the one file `path` (no global configuration).
    pub fn load(path: &Path) -> Result<ValeConfig, ConfigError> {
        Self::from_files(&[path.to_owned()], &[])
    }

    /// Reads the configuration a Vale run from `start` reads: `--config`, else
    /// `VALE_CONFIG_PATH`, else the file found from `start`; then the global one unless
    /// `no_global`.
    pub fn load_for(start: &Path, options: &ValeLoadOptions) -> Result<ValeConfig, ConfigError> {
        let project = options
            .config
            .clone()
            .or_else(|| std::env::var_os("VALE_CONFIG_PATH").map(PathBuf::from))
            .or_else(|| Self::discover(start));
        let mut files: Vec<PathBuf> = project.into_iter().collect();
        let mut search = Vec::new();
        if !options.no_global {
            if let Some(global) = global_config().filter(|g| g.is_file()) {
                files.push(global);
            }
            if let Some(styles) = global_styles().filter(|s| s.is_dir()) {
                search.push(styles);
            }
        }
        if files.is_empty() {
            return Err(ConfigError::NotFound {
                start: start.to_owned(),
            });
        }
        Self::from_files(&files, &search)
    }

    fn from_files(files: &[PathBuf], search: &[PathBuf]) -> Result<ValeConfig, ConfigError> {
        let mut ini = Ini::default();
        for file in files {
            let text = fs::read_to_string(file).map_err(|source| ConfigError::Io {
                path: file.clone(),
                source,
            })?;
            ini.append(file, &text)?;
        }
        let mut config = ValeConfig {
            files: files.to_vec(),
            styles_paths: search.to_vec(),
            min_alert_level: Severity::Suggestion,
            vocab: Vec::new(),
            packages: Vec::new(),
            ignored_scopes: Vec::new(),
            skipped_scopes: Vec::new(),
            ignored_classes: Vec::new(),
            word_template: None,
            formats: BTreeMap::new(),
            global: None,
            sections: Vec::new(),
            levels: BTreeMap::new(),
            warnings: Vec::new(),
            vocabulary: Vocabulary::default(),
        };
        for section in &ini.sections {
            match section.name.as_str() {
                "" => config.read_core(section)?,
                "formats" => {
                    for key in &section.keys {
                        let to = key.first().text.trim_start_matches('.').to_owned();
                        config
                            .formats
                            .insert(key.name.trim_start_matches('.').to_owned(), to);
                    }
                }
                "asciidoctor" => {}
                label => {
                    let read = config.read_section(label, section)?;
                    if label == "*" {
                        config.global = Some(read);
                    } else {
                        config.sections.push(read);
                    }
                }
            }
        }
        // Vocabularies are looked for on the styles path, so after every file's StylesPath.
        let names = config.vocab.clone();
        for name in &names {
            config
                .vocabulary
                .load(name, &config.styles_paths)
                .map_err(|message| ConfigError::Invalid {
                    file: files.first().cloned().unwrap_or_default(),
                    line: vocab_line(&ini).unwrap_or(1),
                    message,
                })?;
        }
        Ok(config)
    }

    fn read_core(&mut self, core: &IniSection) -> Result<(), ConfigError> {
        for key in &core.keys {
            let value = key.first();
            match key.name.as_str() {
                "StylesPath" => {
                    for given in &key.values {
                        let path = resolve(&given.file, given.text.trim());
                        if !path.exists() {
                            return Err(invalid(
                                given,
                                format!("StylesPath: the path '{}' does not exist", path.display()),
                            ));
                        }
                        if !self.styles_paths.contains(&path) {
                            self.styles_paths.push(path);
                        }
                    }
                }
                "MinAlertLevel" => {
                    self.min_alert_level = level_named(value.text.trim()).ok_or_else(|| {
                        invalid(
                            value,
                            "MinAlertLevel must be 'suggestion', 'warning', or 'error'",
                        )
                    })?;
                }
                "IgnoredScopes" => self.ignored_scopes = key.merged_list(),
                "SkippedScopes" => self.skipped_scopes = key.merged_list(),
                "IgnoredClasses" => self.ignored_classes = key.merged_list(),
                "WordTemplate" => self.word_template = Some(value.text.clone()),
                "Vocab" => self.vocab = key.merged_list(),
                "Packages" => {
                    self.packages = key.merged_list();
                    self.warnings.push(format!(
                        "{}:{}: Packages ({}) are not downloaded: wirecheck uses what is on StylesPath",
                        value.file.display(),
                        value.line,
                        self.packages.join(", ")
                    ));
                }
                "NLPEndpoint" => {}
                name if SYNTAX_KEYS.contains(&name) => {
                    return Err(invalid(
                        value,
                        format!(
                            "'{name}' is a syntax-specific option: it belongs in a section ([*] or [glob])"
                        ),
                    ));
                }
                // Vale ignores other keys here.
                _ => {}
            }
        }
        Ok(())
    }

    fn read_section(&mut self, label: &str, section: &IniSection) -> Result<Section, ConfigError> {
        let glob = ValeGlob::new(label).map_err(|message| {
            let (file, line) = section
                .header
                .clone()
                .unwrap_or_else(|| (self.files.first().cloned().unwrap_or_default(), 1));
            ConfigError::Invalid {
                file,
                line,
                message,
            }
        })?;
        let mut read = Section {
            label: label.to_owned(),
            glob,
            based_on_styles: None,
            switches: Vec::new(),
            block_ignores: None,
            token_ignores: None,
            lang: None,
            comment_delimiters: None,
        };
        let global = label == "*";
        for key in &section.keys {
            let value = key.first();
            let name = key.name.as_str();
            if CORE_KEYS.contains(&name) {
                return Err(invalid(
                    value,
                    format!(
                        "'{name}' is a core option; it should be defined above any syntax-specific options (`[...]`)"
                    ),
                ));
            }
            match name {
                "BasedOnStyles" => read.based_on_styles = Some(key.merged_list()),
                "BlockIgnores" => read.block_ignores = Some(key.merged_list()),
                // The older name: a plain list, no shadows.
                "IgnorePatterns" => {
                    read.block_ignores =
                        Some(value.text.split(',').map(|s| s.trim().to_owned()).collect())
                }
                "TokenIgnores" => read.token_ignores = Some(key.merged_list()),
                "Lang" => read.lang = Some(value.text.clone()),
                "CommentDelimiters" | "Transform" if global => {
                    return Err(invalid(
                        value,
                        format!(
                            "'{name}' is a syntax-specific option: it belongs in a [glob] section"
                        ),
                    ));
                }
                "CommentDelimiters" => {
                    let delimiters = key.merged_list();
                    let [start, end] = <[String; 2]>::try_from(delimiters.clone()).map_err(|_| {
                        invalid(
                            value,
                            format!(
                                "CommentDelimiters must be a comma-separated list of two delimiters, but got {} items",
                                delimiters.len()
                            ),
                        )
                    })?;
                    read.comment_delimiters = Some([start, end]);
                }
                // An XSLT transform applies to XML, which Vale mode does not read: an XML file is
                // an error of its own, so the transform needs no warning.
                "Transform" => {}
                _ => {
                    // A rule switch: YES, NO or a level; Vale takes anything else for NO.
                    let text = value.text.trim();
                    let on = match text {
                        "YES" => true,
                        _ => match level_named(text) {
                            Some(level) => {
                                self.levels.insert(name.to_owned(), level);
                                true
                            }
                            None => false,
                        },
                    };
                    if !on && text != "NO" {
                        self.warnings.push(format!(
                            "{}:{}: '{name} = {text}' turns the rule off: Vale reads anything but YES, NO, suggestion, warning or error as NO",
                            value.file.display(),
                            value.line
                        ));
                    }
                    read.switches.push((name.to_owned(), on));
                }
            }
        }
        Ok(read)
    }

    /// The folder of the project's configuration file: paths of files are matched relative to
    /// it when they are under it.
    pub fn root(&self) -> &Path {
        self.files
            .first()
            .and_then(|f| f.parent())
            .unwrap_or(Path::new(""))
    }

    /// The extension (without dot) a file with extension `ext` is read as, after `[formats]`.
    pub fn format_of(&self, ext: &str) -> String {
        let ext = ext.trim_start_matches('.');
        self.formats
            .get(ext)
            .cloned()
            .unwrap_or_else(|| ext.to_owned())
    }

    /// What applies to `path` (as the run names it, relative to where Vale runs, or to the
    /// configuration's folder).
    pub fn for_file(&self, path: &Path) -> FileSettings {
        let shown = path.to_string_lossy().replace('\\', "/");
        let shown = shown.strip_prefix("./").unwrap_or(&shown).to_owned();
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        let format = self.format_of(&ext);
        // Vale matches both the path as it is and with the extension `[formats]` maps it to.
        let mut candidates = vec![shown.clone()];
        if format != ext {
            let stem = &shown[..shown.len() - ext.len()];
            candidates.push(format!("{stem}{format}"));
        }
        let matches = |section: &Section| candidates.iter().any(|c| section.glob.is_match(c));

        let mut settings = FileSettings {
            format,
            lang: "en".to_owned(),
            ..FileSettings::default()
        };
        if let Some(global) = &self.global {
            settings.styles = global.based_on_styles.clone().unwrap_or_default();
            settings.switches.extend(global.switches.iter().cloned());
        }
        for section in self.sections.iter().filter(|s| matches(s)) {
            if let Some(styles) = &section.based_on_styles {
                settings.styles = styles.clone();
            }
            settings.switches.extend(section.switches.iter().cloned());
        }
        // Block and token ignores go by the extension, real or mapped ("*.md" matches ".md").
        let dotted = [format!(".{}", settings.format), format!(".{ext}")];
        let by_extension = |section: &&Section| dotted.iter().any(|e| section.glob.is_match(e));
        for section in self
            .global
            .iter()
            .chain(&self.sections)
            .filter(by_extension)
        {
            settings
                .block_ignores
                .extend(section.block_ignores.iter().flatten().cloned());
            settings
                .token_ignores
                .extend(section.token_ignores.iter().flatten().cloned());
        }
        if let Some(lang) = self
            .global
            .iter()
            .chain(&self.sections)
            .find(|s| s.lang.is_some() && s.glob.is_match(&shown))
            .and_then(|s| s.lang.clone())
        {
            settings.lang = lang;
        }
        settings
    }

    /// Whether Vale lints `path` (as its walk names it): `glob` (`--glob`; Vale's default `*`
    /// when `None`) matches the path or its `[formats]`-mapped one, and, when `[*]` sets neither
    /// styles nor rule switches, some section's glob matches too.
    pub fn lints(&self, path: &Path, glob: Option<&ValeGlob>) -> bool {
        let shown = path.to_string_lossy().replace('\\', "/");
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        let format = self.format_of(&ext);
        let mapped = if format != ext {
            format!("{}{format}", &shown[..shown.len() - ext.len()])
        } else {
            shown.clone()
        };
        let candidates = [shown.as_str(), mapped.as_str()];
        if let Some(glob) = glob
            && !candidates.iter().any(|c| glob.is_match(c))
        {
            return false;
        }
        let global = self.global.as_ref().is_some_and(|g| {
            g.based_on_styles.as_ref().is_some_and(|s| !s.is_empty()) || !g.switches.is_empty()
        });
        global
            || self
                .sections
                .iter()
                .any(|s| candidates.iter().any(|c| s.glob.is_match(c)))
    }

    /// Every style any section names in `BasedOnStyles`, in order, once each.
    pub fn styles(&self) -> Vec<String> {
        let mut styles: Vec<String> = Vec::new();
        for section in self.global.iter().chain(&self.sections) {
            for style in section.based_on_styles.iter().flatten() {
                if !styles.contains(style) {
                    styles.push(style.clone());
                }
            }
        }
        styles
    }

    /// Every rule switch of any section (`Style.Rule`), in order, once each.
    pub fn switched_rules(&self) -> Vec<String> {
        let mut rules: Vec<String> = Vec::new();
        for section in self.global.iter().chain(&self.sections) {
            for (rule, _) in &section.switches {
                if !rules.contains(rule) {
                    rules.push(rule.clone());
                }
            }
        }
        rules
    }

    /// Whether the run needs Vale's built-in style: a section bases on `Vale` or switches a rule
    /// whose name begins so (Vale tests the prefix without the dot).
    pub fn needs_builtin(&self) -> bool {
        self.styles().iter().any(|s| s == super::builtin::STYLE)
            || self
                .switched_rules()
                .iter()
                .any(|r| r.starts_with(super::builtin::STYLE))
    }

    /// The level the configuration gives rule `id`, if any (`Style.Rule = error`).
    pub fn level_of(&self, id: &str) -> Option<Severity> {
        self.levels.get(id).copied()
    }

    /// The vocabularies' accepted terms, in order: each a regex (case-sensitive unless it
    /// starts with `(?i)`) that every rule and the spelling check take as an exception.
    pub fn accepted(&self) -> &[String] {
        &self.vocabulary.accepted
    }

    /// The vocabularies' rejected terms: the tokens of `Vale.Avoid`.
    pub fn rejected(&self) -> &[String] {
        &self.vocabulary.rejected
    }

    /// Every rule file to load: each style named by `BasedOnStyles` (every `.yml` under its
    /// folder on the styles path; the first folder found wins a name), each rule a switch names
    /// in a style not loaded whole, and Vale's built-in rules when a section asks for them.
    pub fn rule_sources(&self) -> Result<Vec<RuleSource>, ConfigError> {
        let mut sources: Vec<RuleSource> = Vec::new();
        let mut loaded: Vec<String> = Vec::new();
        let push = |sources: &mut Vec<RuleSource>, source: RuleSource| {
            if !sources.iter().any(|s| s.id() == source.id()) {
                sources.push(source);
            }
        };
        if self.needs_builtin() {
            for source in super::builtin::sources(self)? {
                push(&mut sources, source);
            }
        }
        for style in self.styles() {
            if style == super::builtin::STYLE || loaded.contains(&style) {
                continue;
            }
            let folders: Vec<PathBuf> = self
                .styles_paths
                .iter()
                .map(|p| p.join(&style))
                .filter(|p| p.is_dir())
                .collect();
            if folders.is_empty() {
                return Err(ConfigError::MissingStyle {
                    config: self.files.first().cloned().unwrap_or_default(),
                    style,
                    search: self.styles_paths.clone(),
                });
            }
            for folder in folders {
                for source in read_style_folder(&folder)? {
                    push(&mut sources, source);
                }
            }
            loaded.push(style);
        }
        for rule in self.switched_rules() {
            let Some((style, name)) = rule.split_once('.') else {
                continue;
            };
            if style == super::builtin::STYLE || loaded.iter().any(|s| s == style) {
                continue;
            }
            let name = name.split('.').next().unwrap_or(name);
            for base in &self.styles_paths {
                let file = base.join(style).join(format!("{name}.yml"));
                if file.is_file() {
                    push(&mut sources, rule_source(style, name, &file, base)?);
                }
            }
        }
        Ok(sources)
    }
}

/// The line of the `Vocab` key, for errors about vocabularies.
fn vocab_line(ini: &Ini) -> Option<usize> {
    ini.section("")?.key("Vocab").map(|key| key.first().line)
}

/// The rule file `file` of `style`, with the dictionaries and word lists it names (looked for
/// under `styles_path`) read.
fn rule_source(
    style: &str,
    name: &str,
    file: &Path,
    styles_path: &Path,
) -> Result<RuleSource, ConfigError> {
    let yaml = fs::read_to_string(file).map_err(|source| ConfigError::Io {
        path: file.to_owned(),
        source,
    })?;
    let mut source = RuleSource {
        pack: style.to_owned(),
        name: name.to_owned(),
        origin: file.display().to_string(),
        yaml,
        files: Default::default(),
    };
    crate::config::rule_files::read_rule_files(&mut source, Some(styles_path))?;
    Ok(source)
}

/// Every `.yml` file under `folder`, at any depth, in path order; as in Vale, a rule's style is
/// the name of the folder its file is in.
fn read_style_folder(folder: &Path) -> Result<Vec<RuleSource>, ConfigError> {
    let styles_path = folder.parent().unwrap_or(Path::new(""));
    let mut sources = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).map_err(|source| ConfigError::Io {
            path: dir.clone(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yml") {
                let style = dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let file_name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = file_name.split('.').next().unwrap_or_default().to_owned();
                sources.push(rule_source(&style, &name, &path, styles_path)?);
            }
        }
    }
    sources.sort_by(|a, b| (&a.pack, &a.name).cmp(&(&b.pack, &b.name)));
    Ok(sources)
}

#[cfg(test)]
mod tests;
