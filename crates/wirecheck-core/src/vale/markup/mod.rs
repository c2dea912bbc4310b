//! Vale's markup scoping and match locations: a file becomes the blocks Vale's rules read
//! (headings, list items, table cells, paragraphs, sentences, alt text, the summary and the raw
//! file, each with Vale's scope name), and an alert in a block is placed back in the file at the
//! line and column Vale reports. A faithful port of Vale 3.15.1 for Markdown, HTML, plain text
//! and the formats Vale lints as one block of lines.

mod comments;
mod gostr;
mod html;
mod locate;
mod markdown;
mod prose;
mod scope;

use std::collections::BTreeMap;
use std::sync::Mutex;

#[allow(unused_imports)] // The Vale-mode glue matches rule scopes with it.
pub(crate) use scope::scope_matches;

use crate::span::Span;
use comments::CommentSwitches;
use gostr::split_after_newline;

/// What a `.vale.ini` says about markup (its keys, for the file's section).
#[derive(Clone, Debug, Default)]
pub(crate) struct MarkupOptions {
    /// `IgnoredScopes`: inline tags whose text is masked (default `tt`, `code`, `kbd`).
    pub(crate) ignored_scopes: Vec<String>,
    /// `SkippedScopes`: block tags left out (default `script`, `style`, `pre`, `figure`,
    /// `noscript`, `iframe`).
    pub(crate) skipped_scopes: Vec<String>,
    /// `IgnoredClasses`: classes whose elements are left out, besides Vale's own.
    pub(crate) ignored_classes: Vec<String>,
    /// `BlockIgnores` regexes (Markdown): each match is read as a code block.
    pub(crate) block_ignores: Vec<String>,
    /// `TokenIgnores` regexes (Markdown): each match is read as inline code.
    pub(crate) token_ignores: Vec<String>,
    /// The format the `[formats]` section assigns the extension (`md` for `.mdx`, say).
    pub(crate) format: Option<String>,
    /// `--ignore-syntax`: every file is read as lines.
    pub(crate) ignore_syntax: bool,
}

/// A file Vale cannot read here.
#[derive(Debug, thiserror::Error)]
pub(crate) enum MarkupError {
    /// A format Vale reads through an external program or a parser wirecheck does not have.
    #[error("Vale's {0} format is not supported")]
    Unsupported(String),
    /// An ignore pattern does not compile or runs out of its backtracking budget.
    #[error("ignore pattern '{pattern}': {reason}")]
    Pattern { pattern: String, reason: String },
}

/// Which text a block's alerts are looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// The file's text (after Vale's sanitising of line endings).
    Content,
    /// The walk's context with its first `n` masks applied.
    Masked(usize),
}

/// A block as the parser records it.
#[derive(Clone, Debug)]
struct RawBlock {
    text: String,
    scope: String,
    line: i64,
    lookup: bool,
    ctx: Ctx,
    comments: usize,
}

/// One block of text Vale's rules read.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// The text the rules see.
    pub(crate) text: String,
    /// Its scope, as Vale names it: `text.heading.h1.md`, `sentence.md`, `summary.md`…
    pub(crate) scope: String,
    line: i64,
    lookup: bool,
    ctx: Ctx,
    comments: usize,
}

/// Where an alert lies in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Location {
    /// 1-based line.
    pub(crate) line: usize,
    /// 1-based column of the first character, in characters (runes).
    pub(crate) column: usize,
    /// 1-based column of the last character.
    pub(crate) end_column: usize,
    /// The bytes of the file's text from the first to the last column (clamped to the line).
    pub(crate) span: Span,
}

/// A file read as Vale reads it.
#[derive(Debug)]
pub(crate) struct ValeFile {
    /// The file after Vale's sanitising (`\r\n` and `\r` as `\n`, `&rsquo;` as `'`).
    content: String,
    /// Sanitised byte offset to the original file's, at each change.
    edits: Vec<(usize, usize)>,
    /// Byte offset of each line of `content` (Vale's `f.Lines`).
    line_starts: Vec<usize>,
    /// Whether Vale reads the file as markup (alerts are counted on the file's lines).
    markup: bool,
    /// The walk's context before any mask (markup only).
    base: String,
    masks: Vec<(usize, usize)>,
    blocks: Vec<Block>,
    metrics: BTreeMap<String, usize>,
    comments: Vec<CommentSwitches>,
    /// The last context rebuilt: how many masks it has and its text.
    cache: Mutex<Option<(usize, String)>>,
}

/// Vale's normalised extension and format for a real extension (`internal/core/format.go`).
fn format_of(ext: &str) -> (&'static str, &'static str) {
    let e = ext.trim_start_matches('.');
    match e {
        "md" | "mdown" | "markdown" | "markdn" => (".md", "markup"),
        "html" | "htm" | "shtml" | "xhtml" => (".html", "markup"),
        "txt" => (".txt", "text"),
        "adoc" | "asciidoc" | "asc" => (".adoc", "markup"),
        "rst" | "rest" => (".rst", "markup"),
        "xml" => (".xml", "markup"),
        "dita" => (".dita", "markup"),
        "org" => (".org", "markup"),
        "mdx" => (".mdx", "markup"),
        "py" | "py3" | "pyw" | "rpy" | "cpy" | "clj" | "cljs" | "cljc" | "cljd" | "cpp" | "cc"
        | "c" | "cp" | "cxx" | "h" | "hpp" | "css" | "cs" | "csx" | "go" | "hs" | "java"
        | "bsh" | "jl" | "js" | "jsx" | "lua" | "php" | "pl" | "pm" | "pod" | "proto" | "ps1"
        | "psm1" | "psd1" | "rb" | "rs" | "r" | "R" | "sass" | "less" | "scala" | "sbt"
        | "swift" | "ts" | "tsx" | "yaml" | "yml" => (".code", "code"),
        _ => ("unknown", "unknown"),
    }
}

/// Vale's `Sanitize`, with a map back to the original bytes.
fn sanitize(content: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(content.len());
    let mut edits = Vec::new();
    let mut rest = content;
    let mut at = 0;
    while let Some(i) = rest.find(['\r', '&']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (taken, with) = if tail.starts_with("&rsquo;") {
            (7, "'")
        } else if tail.starts_with("\r\n") {
            (2, "\n")
        } else if tail.starts_with('\r') {
            (1, "\n")
        } else {
            (1, "&")
        };
        out.push_str(with);
        at += i + taken;
        rest = &tail[taken..];
        if taken != with.len() {
            edits.push((out.len(), at));
        }
    }
    out.push_str(rest);
    (out, edits)
}

impl ValeFile {
    /// Reads `content`, a file with extension `ext` (`.md`, `.html`, `.txt`…), into Vale's
    /// blocks.
    pub(crate) fn parse(
        content: &str,
        ext: &str,
        opts: &MarkupOptions,
    ) -> Result<ValeFile, MarkupError> {
        let (content, edits) = sanitize(content);
        let real_ext = if ext.starts_with('.') || ext.is_empty() {
            ext.to_owned()
        } else {
            format!(".{ext}")
        };
        let (normed, kind) = match &opts.format {
            Some(f) => format_of(f),
            None => format_of(&real_ext),
        };
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', content.as_bytes()).map(|i| i + 1));
        let mut file = ValeFile {
            content,
            edits,
            line_starts,
            markup: false,
            base: String::new(),
            masks: Vec::new(),
            blocks: Vec::new(),
            metrics: BTreeMap::new(),
            comments: vec![CommentSwitches::default()],
            cache: Mutex::new(None),
        };
        let text_block = |scope: String, lookup: bool| Block {
            text: String::new(),
            scope,
            line: -1,
            lookup,
            ctx: Ctx::Content,
            comments: 0,
        };
        let mut blocks = Vec::new();
        let mut last_comments = 0;
        if opts.ignore_syntax || kind == "unknown" {
            blocks.push(Block {
                text: file.content.clone(),
                ..text_block(format!("text{real_ext}"), true)
            });
        } else if normed == ".txt" {
            let lookup = file.content.contains('\n');
            for (text, scope) in prose::compute(&file.content, &real_ext) {
                blocks.push(Block {
                    text,
                    ..text_block(scope, lookup)
                });
            }
        } else if normed == ".md" || normed == ".html" {
            let (source, context) = if normed == ".md" {
                let source = markdown::apply_patterns(
                    &file.content,
                    &opts.block_ignores,
                    &opts.token_ignores,
                )?;
                (markdown::to_html(&source), markdown::context(&file.content))
            } else {
                (file.content.clone(), file.content.clone())
            };
            let walked = html::walk(&source, &context, &real_ext, opts);
            file.markup = true;
            file.base = context;
            file.masks = walked.masks;
            file.metrics = walked.metrics;
            file.comments = walked.comments;
            last_comments = file.comments.len() - 1;
            blocks.extend(walked.blocks.into_iter().map(|b| Block {
                text: b.text,
                scope: b.scope,
                line: b.line,
                lookup: b.lookup,
                ctx: b.ctx,
                comments: b.comments,
            }));
        } else {
            return Err(MarkupError::Unsupported(
                normed.trim_start_matches('.').to_owned(),
            ));
        }
        // `scope: raw` reads the file's own lines, after everything else.
        blocks.push(Block {
            text: file.content.clone(),
            comments: last_comments,
            ..text_block(format!("raw{real_ext}"), true)
        });
        file.blocks = blocks;
        Ok(file)
    }

    /// The blocks, in the order Vale lints them (the raw file last).
    pub(crate) fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Vale's counts of the file's elements (`h1`, `list`, `pre`, `table.cell`…), which
    /// `metric` rules read.
    pub(crate) fn metrics(&self) -> &BTreeMap<String, usize> {
        &self.metrics
    }

    /// False where an in-text comment turns `rule` off for block `index`.
    pub(crate) fn rule_on(&self, index: usize, rule: &str) -> bool {
        self.blocks
            .get(index)
            .and_then(|b| self.comments.get(b.comments))
            .is_none_or(|c| c.rule_on(rule))
    }

    /// A locator for the alerts of one rule in block `index`, which, as Vale does, masks each
    /// match it has placed so that the rule's next alert for the same text is placed after it.
    pub(crate) fn locator(&self, index: usize) -> Option<Locator<'_>> {
        let block = self.blocks.get(index)?;
        Some(Locator {
            file: self,
            block,
            context: None,
            lines: self.lines(),
            finder: memchr::memmem::Finder::new(block.text.as_bytes()),
        })
    }

    /// Where an alert at `span` (bytes of block `index`'s text) whose matched text is
    /// `matched` lies in the file, as Vale places it; `None` where Vale drops the alert.
    #[cfg(test)]
    pub(crate) fn locate(&self, index: usize, span: Span, matched: &str) -> Option<Location> {
        self.locator(index)?.locate(span, matched, &[])
    }

    /// The text a block's alerts are looked up in.
    fn context(&self, ctx: Ctx) -> String {
        match ctx {
            Ctx::Content => self.content.clone(),
            Ctx::Masked(n) => {
                let mut cache = self
                    .cache
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let (mut have, mut bytes) = match cache.take() {
                    Some((have, text)) if have <= n => (have, text.into_bytes()),
                    _ => (0, self.base.clone().into_bytes()),
                };
                for &(start, end) in &self.masks[have..n] {
                    html::apply_mask(&mut bytes[start..end]);
                }
                have = n;
                // Masks rewrite ASCII bytes with ASCII, so the text stays UTF-8.
                let text = String::from_utf8(bytes).unwrap_or_default();
                *cache = Some((have, text.clone()));
                text
            }
        }
    }

    fn lines(&self) -> Vec<&str> {
        split_after_newline(&self.content)
    }

    /// The original byte offset of sanitised offset `at`.
    fn original_offset(&self, at: usize) -> usize {
        let i = self
            .edits
            .partition_point(|&(sanitised, _)| sanitised <= at);
        match i.checked_sub(1).map(|i| self.edits[i]) {
            Some((sanitised, original)) => original + (at - sanitised),
            None => at,
        }
    }

    /// The byte span of 1-based `line`, columns `first..=last` (runes).
    fn byte_span(&self, line: usize, first: usize, last: usize) -> Span {
        let start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.content.len());
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.content.len());
        let text = &self.content[start..end];
        let offset_of = |col: usize| text.char_indices().nth(col).map_or(text.len(), |(i, _)| i);
        let from = start + offset_of(first.saturating_sub(1));
        let to = start + offset_of(last.max(first));
        Span::new(
            self.original_offset(from),
            self.original_offset(to.max(from)),
        )
    }
}

/// Places one rule's alerts in one block (Vale's `AddAlert` with its per-rule context).
#[derive(Debug)]
pub(crate) struct Locator<'f> {
    file: &'f ValeFile,
    block: &'f Block,
    /// The block's context, built at the first alert.
    context: Option<String>,
    /// The file's lines, split once for all the alerts.
    lines: Vec<&'f str>,
    /// A searcher for the block's text in its context, built once for all the alerts.
    finder: memchr::memmem::Finder<'f>,
}

impl Locator<'_> {
    /// Where the alert at `span` of the block's text, matching `matched`, lies; `offsets` are
    /// words to mask first (Vale's `Alert.Offset`, set by sequence rules). `None` where Vale
    /// drops the alert (it found no column).
    pub(crate) fn locate(
        &mut self,
        span: Span,
        matched: &str,
        offsets: &[String],
    ) -> Option<Location> {
        let lines = &self.lines;
        let at = locate::Where {
            text: &self.block.text,
            line: self.block.line,
            lookup: self.block.lookup,
            file_lines: self.file.markup.then_some(lines.as_slice()),
            line_count: lines.len(),
            finder: Some(&self.finder),
        };
        let alert = locate::Alert {
            start: span.start,
            end: span.end,
            matched,
            offsets: offsets.to_vec(),
        };
        let context = self
            .context
            .get_or_insert_with(|| self.file.context(self.block.ctx));
        let raw = locate::place(context, &at, alert);
        if raw.first <= 0 {
            return None;
        }
        // The next alert of this rule for the same text is placed after this one.
        *context = gostr::substituted(context, matched, '#');
        let line = usize::try_from(raw.line)
            .ok()
            .filter(|&l| l >= 1 && l <= lines.len())?;
        let column = raw.first as usize;
        let end_column = usize::try_from(raw.last).unwrap_or(column).max(1);
        Some(Location {
            line,
            column,
            end_column,
            span: self.file.byte_span(line, column, end_column),
        })
    }
}

#[cfg(test)]
mod tests;
