//! Vale's HTML walk (`internal/lint/ast.go`, `walk.go`): the tokens of an HTML page (a Markdown
//! file's rendering, or an HTML file itself) become the blocks Vale lints. Text is gathered
//! until a block-level end tag; inline tags add a space, ignored scopes (`code`…) are masked
//! with `*`, skipped ones (`pre`, `script`…) are left out, and each block is scoped by the tags
//! around it. Vale finds each block again in a context, the file's text with the text already
//! consumed masked with `@`; the walk records each masked range so that the context of any
//! block can be rebuilt when an alert needs placing.

use std::collections::BTreeMap;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::comments::CommentSwitches;
use super::gostr::{fields, index, masked};
use super::{Ctx, MarkupOptions, RawBlock, prose};

/// Tags whose content Vale does not lint, unless the configuration's `SkippedScopes` replaces
/// them.
const SKIP_TAGS: &[&str] = &["script", "style", "pre", "figure", "noscript", "iframe"];
/// Classes whose element Vale does not lint, before the configuration's `IgnoredClasses`.
const SKIP_CLASSES: &[&str] = &["problematic", "pre", "code"];
/// Tags that do not end a block.
const INLINE_TAGS: &[&str] = &[
    "b", "big", "i", "small", "abbr", "acronym", "cite", "dfn", "em", "kbd", "strong", "a", "br",
    "img", "span", "sub", "sup", "code", "tt", "del",
];
/// Inline tags whose text is masked, unless `IgnoredScopes` replaces them.
const IGNORED_TAGS: &[&str] = &["tt", "code", "kbd"];

/// Vale's `tagToScope`.
fn tag_scope(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "th" => "text.table.header",
        "td" => "text.table.cell",
        "caption" => "text.table.caption",
        "li" => "text.list",
        "blockquote" => "text.blockquote",
        "figcaption" => "text.figure.caption",
        _ => return None,
    })
}

/// `^h\d$`.
fn is_heading(tag: &str) -> bool {
    let b = tag.as_bytes();
    b.len() == 2 && b[0] == b'h' && b[1].is_ascii_digit()
}

/// The kinds of token Go's `html.Tokenizer` gives, which the walk tells apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
    SelfClosing,
    Text,
    Comment,
    Doctype,
}

/// One token: its kind, its data (tag name or text) and its attributes in document order.
struct Tok {
    kind: Kind,
    data: String,
    attrs: Vec<(String, String)>,
}

impl Tok {
    fn attr(&self, key: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// What the walk gives its caller.
pub(super) struct Walked {
    pub(super) blocks: Vec<RawBlock>,
    pub(super) masks: Vec<(usize, usize)>,
    pub(super) metrics: BTreeMap<String, usize>,
    pub(super) comments: Vec<CommentSwitches>,
}

/// The walker's state (Vale's `walker`).
struct Walker<'o> {
    opts: &'o MarkupOptions,
    ext: String,
    ctx: Vec<u8>,
    /// Offsets of the context's newlines (masking keeps them).
    newlines: Vec<usize>,
    /// Every ASCII byte before this offset is a mask or a newline, so no text with another
    /// ASCII character can start much before it: searches start there, not at 0.
    clean: usize,
    /// For a needle without `@`: no occurrence starts before this offset (masking only ever
    /// removes occurrences of such a needle).
    searched: std::cell::RefCell<rustc_hash::FxHashMap<String, usize>>,
    masks: Vec<(usize, usize)>,
    idx: i64,
    active_tag: String,
    active_cls: String,
    begin: usize,
    end: usize,
    queue: Vec<String>,
    tag_history: Vec<String>,
    blocks: Vec<RawBlock>,
    metrics: BTreeMap<String, usize>,
    comments: Vec<CommentSwitches>,
    switches: CommentSwitches,
    summary: String,
}

/// Walks `html`, finding its text in `context` (the file's text, for Markdown after Vale's
/// masking of info strings, link labels and list numbers). `ext` is the file's real
/// extension.
pub(super) fn walk(html: &str, context: &str, ext: &str, opts: &MarkupOptions) -> Walked {
    let mut w = Walker {
        opts,
        ext: ext.to_owned(),
        ctx: context.as_bytes().to_vec(),
        newlines: memchr::memchr_iter(b'\n', context.as_bytes()).collect(),
        clean: 0,
        searched: Default::default(),
        masks: Vec::new(),
        idx: 0,
        active_tag: String::new(),
        active_cls: String::new(),
        begin: 0,
        end: 0,
        queue: Vec::new(),
        tag_history: Vec::new(),
        blocks: Vec::new(),
        metrics: BTreeMap::new(),
        comments: vec![CommentSwitches::default()],
        switches: CommentSwitches::default(),
        summary: String::new(),
    };
    w.run(html);
    // `lintSizedScopes`: rule switches are reset before the summary (and the raw block).
    w.switches.reset_rules();
    let comments = w.snapshot();
    let summary = std::mem::take(&mut w.summary);
    w.blocks.push(RawBlock {
        text: summary,
        scope: format!("summary{}", w.ext),
        line: 0,
        lookup: true,
        ctx: Ctx::Masked(w.masks.len()),
        comments,
    });
    Walked {
        blocks: w.blocks,
        masks: w.masks,
        metrics: w.metrics,
        comments: w.comments,
    }
}

/// Go's tokenizer as Vale reads it: names lower-cased, text and attribute values unescaped,
/// the content of `script`, `style` and the like as text.
fn tokens(html: &str) -> impl Iterator<Item = Tok> + '_ {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, emitter).filter_map(|token| {
        let token = token.ok()?;
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        Some(match token {
            Token::StartTag(tag) => {
                let mut attrs: Vec<(usize, String, String)> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| (v.span.start, text(k), text(&v.value)))
                    .collect();
                attrs.sort_by_key(|a| a.0);
                Tok {
                    kind: if tag.self_closing {
                        Kind::SelfClosing
                    } else {
                        Kind::Start
                    },
                    data: text(&tag.name),
                    attrs: attrs.into_iter().map(|(_, k, v)| (k, v)).collect(),
                }
            }
            Token::EndTag(tag) => Tok {
                kind: Kind::End,
                data: text(&tag.name),
                attrs: Vec::new(),
            },
            Token::String(s) => Tok {
                kind: Kind::Text,
                data: text(&s.value),
                attrs: Vec::new(),
            },
            Token::Comment(s) => Tok {
                kind: Kind::Comment,
                data: text(&s.value),
                attrs: Vec::new(),
            },
            Token::Doctype(d) => Tok {
                kind: Kind::Doctype,
                data: text(&d.name),
                attrs: Vec::new(),
            },
            Token::Error(_) => return None,
        })
    })
}

/// Go's `html.UnescapeString` as Vale applies it a second time to each token's data.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::new();
    for token in Tokenizer::new(s).flatten() {
        if let Token::String(t) = token {
            out.push_str(&String::from_utf8_lossy(&t.value));
        } else {
            // Markup in the text: keep it as it was.
            return s.to_owned();
        }
    }
    out
}

impl Walker<'_> {
    fn snapshot(&mut self) -> usize {
        if self.comments.last() != Some(&self.switches) {
            self.comments.push(self.switches.clone());
        }
        self.comments.len() - 1
    }

    fn skip_tags(&self) -> Vec<&str> {
        if self.opts.skipped_scopes.is_empty() {
            SKIP_TAGS.to_vec()
        } else {
            self.opts
                .skipped_scopes
                .iter()
                .map(String::as_str)
                .collect()
        }
    }

    fn skip_classes(&self) -> Vec<&str> {
        let mut classes = SKIP_CLASSES.to_vec();
        classes.extend(self.opts.ignored_classes.iter().map(String::as_str));
        classes
    }

    fn ignored_tags(&self) -> Vec<&str> {
        if self.opts.ignored_scopes.is_empty() {
            IGNORED_TAGS.to_vec()
        } else {
            self.opts
                .ignored_scopes
                .iter()
                .map(String::as_str)
                .collect()
        }
    }

    /// `lintHTMLTokens`' loop.
    fn run(&mut self, html: &str) {
        let skip_tags: Vec<String> = self.skip_tags().into_iter().map(str::to_owned).collect();
        let skip_classes: Vec<String> =
            self.skip_classes().into_iter().map(str::to_owned).collect();
        let ignored: Vec<String> = self.ignored_tags().into_iter().map(str::to_owned).collect();
        let has = |list: &[String], s: &str| list.iter().any(|x| x == s);
        let classes_hit = |attr: &str| attr.split(' ').any(|c| has(&skip_classes, c));
        let (mut attr, mut parent_class) = (String::new(), String::new());
        let (mut in_block, mut inline, mut skip) = (false, false, false);
        let mut buf = String::new();
        for tok in tokens(html) {
            let mut txt = unescape(tok.data.trim());
            self.add_cls(&txt, tok.kind == Kind::Start);
            let closed = self.can_close();
            let skip_class = classes_hit(tok.attr("class"));
            let block_skip = skip_class && !INLINE_TAGS.contains(&txt.as_str());
            if tok.kind == Kind::Start && (has(&skip_tags, &txt) || block_skip) {
                if block_skip {
                    self.active_cls.clone_from(&txt);
                    self.begin = 1;
                    self.end = 0;
                }
                in_block = true;
                *self.metrics.entry(txt.clone()).or_default() += 1;
            } else if in_block && (has(&skip_tags, &txt) || closed) {
                in_block = false;
                if closed {
                    self.active_cls.clear();
                    self.begin = 0;
                    self.end = 0;
                }
            } else if tok.kind == Kind::Start {
                if (txt == "em" || txt == "b") && self.last_tag() == "code" {
                    // Vale's workaround for emphasis inside code (its issue 421).
                    txt = "code".to_owned();
                }
                inline = INLINE_TAGS.contains(&txt.as_str());
                skip = has(&ignored, &txt);
                self.tag_history.push(txt.clone());
                self.active_tag.clone_from(&txt);
            } else if tok.kind == Kind::End && INLINE_TAGS.contains(&txt.as_str()) {
                self.active_tag.clear();
            } else if tok.kind == Kind::Comment {
                self.switches.update(&txt);
                self.update(&txt);
            } else if tok.kind == Kind::Text {
                self.append(&txt);
                if !in_block && !txt.is_empty() {
                    let skip_class = classes_hit(&parent_class);
                    if self.is_nested_list() && !inline {
                        txt = format!(" {txt}");
                    }
                    // Nor after one (#1029: "Triggers—**Article Published**").
                    let after_dash = buf.ends_with(['—', '–']);
                    let (cleaned, still) =
                        clean(&txt, &attr, skip || skip_class, inline && !after_dash);
                    skip = still;
                    buf.push_str(&cleaned);
                }
            }

            if tok.kind == Kind::End && !INLINE_TAGS.contains(&txt.as_str()) {
                if !buf.trim().is_empty() {
                    self.lint_scope(&buf);
                }
                self.reset();
                buf.clear();
            }

            attr = tok.attr("href").to_owned();
            parent_class = tok.attr("class").to_owned();
            self.lint_tags(&tok);
            self.replace_toks(&tok);
        }
    }

    fn add_cls(&mut self, tag: &str, start: bool) {
        if tag == self.active_cls {
            if start {
                self.begin += 1;
            } else {
                self.end += 1;
            }
        }
    }

    fn can_close(&self) -> bool {
        !self.active_cls.is_empty() && self.begin == self.end && self.begin > 0
    }

    fn last_tag(&self) -> &str {
        self.tag_history
            .last()
            .map_or(self.active_tag.as_str(), String::as_str)
    }

    fn is_nested_list(&self) -> bool {
        let n = self.tag_history.len();
        if self.last_tag() == "li" && n > 3 {
            let up1 = self.tag_history[n - 2].as_str();
            let up2 = self.tag_history[n - 3].as_str();
            if up1 == "ol" || up1 == "ul" {
                return up2 == "li";
            }
        }
        false
    }

    fn ctx(&self) -> &str {
        // The context starts as UTF-8 and masking only rewrites ASCII bytes with ASCII.
        std::str::from_utf8(&self.ctx).unwrap_or_default()
    }

    /// `strings.Index(ctx, needle)`, searching from where an occurrence can start: an
    /// occurrence whose byte `j` is ASCII (not a mask or newline) cannot start before
    /// `clean - j`. This keeps the walk linear where Vale's is quadratic.
    fn find(&self, needle: &str) -> Option<usize> {
        if needle.is_empty() {
            return Some(0);
        }
        let mut from = needle
            .bytes()
            .position(|b| b.is_ascii() && b != b'@' && b != b'\n')
            .map_or(0, |j| self.clean.saturating_sub(j));
        let memo = !needle.contains('@');
        if memo && let Some(&known) = self.searched.borrow().get(needle) {
            from = from.max(known);
        }
        let ctx = self.ctx();
        let found = ctx
            .get(from..)
            .and_then(|rest| index(rest, needle))
            .map(|at| at + from);
        if memo {
            self.searched
                .borrow_mut()
                .insert(needle.to_owned(), found.unwrap_or(ctx.len()));
        }
        found
    }

    /// `subInplace`: the first `sub` in the context masked with `@` (ASCII characters but
    /// newlines); false where it does not occur.
    fn sub(&mut self, sub: &str) -> bool {
        let Some(at) = self.find(sub) else {
            return false;
        };
        let end = at + sub.len();
        if end > at {
            apply_mask(&mut self.ctx[at..end]);
            self.masks.push((at, end));
            while self.clean < self.ctx.len()
                && matches!(self.ctx[self.clean], b'@' | b'\n' | 0x80..)
            {
                self.clean += 1;
            }
        }
        true
    }

    /// `walker.update`: each line of `txt` masked, or failing that each of its words.
    fn update(&mut self, txt: &str) {
        if txt.is_empty() {
            return;
        }
        for line in txt.split('\n') {
            if !self.sub(line) {
                for word in fields(line) {
                    self.sub(word);
                }
            }
        }
    }

    fn reset(&mut self) {
        for s in std::mem::take(&mut self.queue) {
            self.update(&s);
        }
        self.tag_history.clear();
    }

    fn append(&mut self, text: &str) {
        if !text.is_empty() {
            if let Some(pos) = self.advance(text) {
                self.idx = pos;
            }
            self.queue.push(text.to_owned());
        }
    }

    /// `walker.advance`: the line (0-based) where the last line of `text` is found in the
    /// context, if it is past the current one.
    fn advance(&self, text: &str) -> Option<i64> {
        let mut pos = Some(0);
        for s in text.split('\n') {
            pos = self.find(s);
            if pos.is_none() {
                for word in fields(s) {
                    pos = self.find(word);
                }
            }
        }
        let pos = pos?;
        let line = self.newlines.partition_point(|&nl| nl < pos) as i64;
        (line > self.idx).then_some(line)
    }

    /// `walker.block`: a block found at the current line or further on.
    fn block(&mut self, text: String, scope: String, lookup: bool) -> RawBlock {
        let mut line = self.idx;
        if let Some(pos) = self.advance(&text)
            && pos != line
        {
            line = pos;
        }
        let comments = self.snapshot();
        RawBlock {
            text,
            scope,
            line,
            lookup,
            ctx: Ctx::Masked(self.masks.len()),
            comments,
        }
    }

    /// `lintScope`: a gathered block, scoped by the first tag of its history that has a scope.
    fn lint_scope(&mut self, txt: &str) {
        let history = self.tag_history.clone();
        for tag in &history {
            let scope = tag_scope(tag);
            if scope.is_some() && !INLINE_TAGS.contains(&tag.as_str()) || is_heading(tag) {
                if matches!(scope, Some("text.blockquote" | "text.list")) {
                    self.summary.push_str(txt);
                    self.summary.push_str("\n\n");
                }
                let scope = scope.map_or_else(|| format!("text.heading.{tag}"), str::to_owned);
                let metric = scope.strip_prefix("text.").unwrap_or(&scope).to_owned();
                *self.metrics.entry(metric).or_default() += 1;
                let text = txt.trim_start_matches(' ').to_owned();
                let block = self.block(text, format!("{scope}{}", self.ext), false);
                self.blocks.push(block);
                return;
            }
        }
        self.summary.push_str(txt);
        self.summary.push_str("\n\n");
        let block = self.block(txt.to_owned(), "txt".to_owned(), false);
        // `lintProse`: paragraphs, sentences and the whole text, looked up in the context
        // where the text spans lines.
        let lookup = block.text.contains('\n');
        for (text, scope) in prose::compute(&block.text, &self.ext) {
            self.blocks.push(RawBlock {
                text,
                scope,
                lookup,
                ..block.clone()
            });
        }
    }

    /// `lintTags`: an image's alt text is a block of its own.
    fn lint_tags(&mut self, tok: &Tok) {
        let ignored = self.opts.skipped_scopes.iter().any(|s| s == "alt");
        if tok.data == "img" && !ignored {
            for (key, value) in &tok.attrs {
                if key == "alt" {
                    let block = self.block(value.clone(), "text.attr.alt".to_owned(), false);
                    self.blocks.push(block);
                }
            }
        }
    }

    /// `replaceToks`: link targets, ids, image sources and alt texts are consumed too.
    fn replace_toks(&mut self, tok: &Tok) {
        const TAGS: &[&str] = &[
            "img", "a", "p", "script", "h1", "h2", "h3", "h4", "h5", "h6",
        ];
        if !TAGS.contains(&tok.data.as_str()) {
            return;
        }
        for (key, value) in &tok.attrs {
            match key.as_str() {
                "href" => self.update(&query_unescape(value).unwrap_or_default()),
                "id" | "src" | "alt" => self.update(value),
                _ => {}
            }
        }
    }
}

/// Masks ASCII bytes but newlines with `@` (a multi-byte character stays as it is, as in
/// Vale's in-place masking).
pub(super) fn apply_mask(bytes: &mut [u8]) {
    for b in bytes {
        if b.is_ascii() && *b != b'\n' {
            *b = b'@';
        }
    }
}

/// Vale's `clean`: masked where ignored (or where the text is its link's target), and a space
/// before inline text that does not start with punctuation.
fn clean(txt: &str, attr: &str, skip: bool, inline: bool) -> (String, bool) {
    // Vale 3.15.1 adds no space before a dash either (its #1029: "[term](url)—joined").
    let starter = txt.starts_with(['.', '?', '!', ',', ':', ';', '—', '–']) && !skip;
    let mut out = if skip || attr == txt {
        masked(txt, '*')
    } else {
        txt.to_owned()
    };
    let still = if skip || attr == txt { false } else { skip };
    if inline && !starter {
        out.insert(0, ' ');
    }
    (out, still)
}

/// Go's `url.QueryUnescape`: `+` as a space, `%XX` decoded; `None` on a malformed escape.
fn query_unescape(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}
