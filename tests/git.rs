//! `wirecheck diff` under a real git, set up as docs/diff.md's "With git" shows: as a difftool,
//! as an external diff driver (`diff.<driver>.command`) and as a textconv for NITF and ninjs
//! stories, in a temporary repository of story revisions. Skipped, saying so, without git.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const WIRECHECK: &str = env!("CARGO_BIN_EXE_wirecheck");
const OLD_STORY: &str = include_str!("../fixtures/diff-long/old.txt");
const NEW_STORY: &str = include_str!("../fixtures/diff-long/new.txt");
const NITF: &str = include_str!("../fixtures/formats/sadanews-tokyo-washington-defense.xml");
const NINJS: &str = include_str!("../fixtures/formats/sadanews-tokyo-washington-defense.ninjs");
const OLD_PATH: &str = "fixtures/diff-long/old.txt";
const NEW_PATH: &str = "fixtures/diff-long/new.txt";

/// A git repository in a temporary folder, with a temporary HOME and no system config, so no
/// config of the machine's takes part.
struct Repo {
    home: TempDir,
    work: PathBuf,
}

impl Repo {
    /// A new repository, or `None` (with a message) when git cannot run here.
    fn new() -> Option<Repo> {
        let home = TempDir::new().expect("a temporary folder");
        let work = home.path().join("stories");
        std::fs::create_dir(&work).expect("a work tree");
        let repo = Repo { home, work };
        match repo.git_output(&["init", "-q", "."]) {
            Ok(output) if output.status.success() => Some(repo),
            other => {
                eprintln!("skipped: git is not available here ({other:?})");
                None
            }
        }
    }

    fn git_output(&self, args: &[&str]) -> std::io::Result<Output> {
        Command::new("git")
            .args(["-c", "user.name=Desk", "-c", "user.email=desk@example.com"])
            .args(args)
            .current_dir(&self.work)
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_PAGER", "cat")
            .env("NO_COLOR", "")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_PAGER_IN_USE")
            .env_remove("GIT_EXTERNAL_DIFF")
            .output()
    }

    /// git's standard output; the command must succeed.
    fn git(&self, args: &[&str]) -> String {
        let output = self.git_output(args).expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    }

    fn write(&self, path: &str, text: &str) {
        std::fs::write(self.work.join(path), text).expect("writes");
    }

    /// Commits `files` (path, text) as one revision.
    fn commit(&self, files: &[(&str, &str)], message: &str) {
        for (path, text) in files {
            self.write(path, text);
            self.git(&["add", path]);
        }
        self.git(&["commit", "-q", "-m", message]);
    }

    /// `wirecheck diff` run directly on the two revisions of `path`, `REV:path` written out.
    fn wirecheck_diff_of(&self, path: &str, old_rev: &str, new_rev: &str) -> String {
        let blob = |rev: &str| {
            let file = self
                .home
                .path()
                .join(format!("{}-{path}", rev.replace('~', "_")));
            std::fs::write(&file, self.git(&["show", &format!("{rev}:{path}")])).expect("writes");
            file
        };
        let output = wirecheck(&[
            "diff".as_ref(),
            blob(old_rev).as_os_str(),
            blob(new_rev).as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    }
}

fn wirecheck(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(WIRECHECK)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("GIT_PAGER_IN_USE")
        .output()
        .expect("wirecheck runs")
}

/// A command for git's config: the test binary's path, quoted for the shell git runs it with.
fn tool(rest: &str) -> String {
    let path = Path::new(WIRECHECK).display().to_string();
    format!("'{}' {rest}", path.replace('\'', r"'\''"))
}

#[test]
fn git_difftool_shows_wirecheck_diff_of_the_two_revisions() {
    let Some(repo) = Repo::new() else { return };
    repo.commit(&[("story.txt", OLD_STORY)], "first take");
    repo.commit(&[("story.txt", NEW_STORY)], "second take");
    repo.git(&[
        "config",
        "difftool.wirecheck.cmd",
        &tool(r#"diff "$LOCAL" "$REMOTE""#),
    ]);
    repo.git(&["config", "difftool.prompt", "false"]);
    let shown = repo.git(&["difftool", "-t", "wirecheck", "HEAD~1", "--", "story.txt"]);
    assert_eq!(shown, repo.wirecheck_diff_of("story.txt", "HEAD~1", "HEAD"));
    // git runs the tool with no terminal: plain marks, the unchanged run folded.
    assert!(
        shown.contains("[-Friday-]{+Saturday+}") && !shown.contains('\u{1b}'),
        "{shown}"
    );
    assert!(
        shown.contains("⋯ 7 unchanged paragraphs (¶ 4–10)"),
        "{shown}"
    );
}

#[test]
fn git_diff_with_wirecheck_as_the_external_driver_shows_every_file() {
    let Some(repo) = Repo::new() else { return };
    let other_old = "Talks resume\n\nThe talks resumed on Friday.\n";
    let other_new = "Talks resume\n\nThe talks resumed on Saturday.\n";
    repo.commit(
        &[
            ("story.txt", OLD_STORY),
            ("talks.txt", other_old),
            (".gitattributes", "*.txt diff=wirecheck\n"),
        ],
        "first take",
    );
    repo.commit(
        &[("story.txt", NEW_STORY), ("talks.txt", other_new)],
        "second take",
    );
    repo.git(&[
        "config",
        "diff.wirecheck.command",
        &tool("diff --git-external"),
    ]);
    let shown = repo.git(&["diff", "HEAD~1"]);
    // git stops at a driver exiting non-zero: both files shown means it went on.
    let expected = format!(
        "wirecheck diff a/story.txt b/story.txt\n{}wirecheck diff a/talks.txt b/talks.txt\n{}",
        repo.wirecheck_diff_of("story.txt", "HEAD~1", "HEAD"),
        repo.wirecheck_diff_of("talks.txt", "HEAD~1", "HEAD"),
    );
    assert_eq!(shown, expected);
    // An added file is compared with /dev/null, as git names it.
    repo.commit(&[("new.txt", "A new story.\n")], "a third story");
    let added = repo.git(&["diff", "HEAD~1"]);
    assert_eq!(
        added,
        "wirecheck diff /dev/null b/new.txt\n{+A new story.+}\n"
    );
    // `git log -p` uses a driver only when `--ext-diff` asks it to, and then shows the same.
    let log = repo.git(&["log", "-p", "--ext-diff", "-1", "--format=%s"]);
    assert_eq!(log, format!("a third story\n\n{added}"));
}

#[test]
fn textconv_makes_git_word_diff_compare_the_story_text_of_nitf_and_ninjs() {
    let Some(repo) = Repo::new() else { return };
    let (old_words, new_words) = ("to enhance joint production", "to expand joint production");
    assert!(NITF.contains(old_words) && NINJS.contains(old_words));
    let nitf = NITF.replacen(old_words, new_words, 1);
    let ninjs = NINJS.replacen(old_words, new_words, 1);
    repo.commit(
        &[
            ("story.xml", NITF),
            ("story.ninjs", NINJS),
            (".gitattributes", "*.xml diff=story\n*.ninjs diff=story\n"),
        ],
        "first take",
    );
    repo.commit(
        &[("story.xml", &nitf), ("story.ninjs", &ninjs)],
        "second take",
    );
    repo.git(&["config", "diff.story.textconv", &tool("diff --textconv")]);
    repo.check_textconv(&["story.xml", "story.ninjs"], new_words);
    for path in ["story.xml", "story.ninjs"] {
        let shown = repo.git(&["diff", "--word-diff", "HEAD~1", "--", path]);
        assert!(shown.contains("to [-enhance-]{+expand+} joint"), "{shown}");
    }
}

#[test]
fn textconv_leaves_out_markdown_front_matter_heading_and_inline_marks() {
    let Some(repo) = Repo::new() else { return };
    let story = "---\ntitle: Storm closes ports\ndate: 2026-02-04\n---\n\n# Storm closes ports\n\n\
                 ATHENS (Wire) - A **winter** storm closed [ports](https://example.com/ports)\n\
                 on Wednesday.\n\nFerries waited.\n";
    let edited = story.replace("on Wednesday", "on Thursday");
    repo.commit(
        &[("story.md", story), (".gitattributes", "*.md diff=story\n")],
        "first take",
    );
    repo.commit(&[("story.md", &edited)], "second take");
    repo.git(&["config", "diff.story.textconv", &tool("diff --textconv")]);
    repo.check_textconv(&["story.md"], "on Thursday");
    let shown = repo.git(&["diff", "--word-diff", "HEAD~1", "--", "story.md"]);
    assert!(shown.contains("on [-Wednesday.-]{+Thursday.+}"), "{shown}");
    for mark in ["title:", "# ", "**", "](", "example.com"] {
        assert!(!shown.contains(mark), "{mark}: {shown}");
    }
    assert_eq!(
        repo.git(&["show", "HEAD:story.md", "--textconv"]),
        "Storm closes ports\nATHENS (Wire) - A winter storm closed ports on Thursday.\nFerries waited.\n"
    );
}

impl Repo {
    /// `git diff --word-diff` and `git log -p` of each of `paths` show `new_words` in the story
    /// text, a block a line, and git's textconv gives what `wirecheck diff --textconv` prints.
    fn check_textconv(&self, paths: &[&str], new_words: &str) {
        let repo = self;
        for path in paths {
            let shown = repo.git(&["diff", "--word-diff", "HEAD~1", "--", path]);
            assert!(shown.contains("[-") && shown.contains("{+"), "{shown}");
            // The story text, a paragraph a line: no markup in the hunk.
            let hunk = shown.split("@@").last().unwrap_or_default();
            assert!(!hunk.contains('<') && !hunk.contains("\"body"), "{shown}");
            let log = repo.git(&["log", "-p", "--format=%s", "--", path]);
            assert!(
                log.lines()
                    .any(|l| l.starts_with('+') && l.contains(new_words)),
                "{log}"
            );
            // What the textconv prints is `wirecheck diff --textconv` of the file.
            let output = wirecheck(&[
                "diff".as_ref(),
                "--textconv".as_ref(),
                repo.work.join(path).as_os_str(),
            ]);
            let text = String::from_utf8(output.stdout).expect("UTF-8");
            assert!(text.lines().any(|l| l.contains(new_words)), "{text}");
            assert_eq!(
                repo.git(&["show", &format!("HEAD:{path}"), "--textconv"]),
                text
            );
        }
    }
}

/// git tells the drivers writing to its pager so with `GIT_PAGER_IN_USE`; they colour as git does
/// there, and `NO_COLOR` still turns colour off.
#[test]
fn a_driver_under_git_s_pager_colours_unless_no_color_says_not() {
    let run = |no_color: Option<&str>| {
        let mut command = Command::new(WIRECHECK);
        command
            .args(["diff", "--git-external", "story.txt"])
            .args([OLD_PATH, "1", "100644", NEW_PATH, "2", "100644"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("GIT_PAGER_IN_USE", "true")
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        let output = command.output().expect("wirecheck runs");
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let coloured = run(None);
    assert!(
        coloured.starts_with("\u{1b}[1mwirecheck diff a/story.txt b/story.txt\u{1b}[0m\n"),
        "{coloured}"
    );
    assert!(coloured.contains("\u{1b}[32m"), "{coloured}");
    let plain = run(Some("1"));
    assert!(
        plain.starts_with("wirecheck diff a/story.txt b/story.txt\n") && !plain.contains('\u{1b}'),
        "{plain}"
    );
}

/// The shell commands of docs/diff.md's "With git" section, each line as written.
fn documented_commands() -> Vec<String> {
    let docs = include_str!("../docs/diff.md");
    let section = docs
        .split("\n## With git\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/diff.md has a With git section");
    section
        .split("```sh\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .flat_map(str::lines)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_with_git_commands_of_docs_diff_md_run_as_written() {
    let Some(repo) = Repo::new() else { return };
    let nitf = NITF.replacen("to enhance joint", "to expand joint", 1);
    repo.commit(
        &[("story.txt", OLD_STORY), ("story.xml", NITF)],
        "first take",
    );
    repo.commit(
        &[("story.txt", NEW_STORY), ("story.xml", &nitf)],
        "second take",
    );
    // `wirecheck` in the docs is the binary on PATH: this test's.
    let bin = Path::new(WIRECHECK).parent().expect("the binary's folder");
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .expect("a PATH");
    let expected = [
        ("git difftool -t wirecheck", "[-Friday-]{+Saturday+}"),
        (
            "git diff HEAD~1",
            "wirecheck diff a/story.txt b/story.txt\n",
        ),
        (
            "git log -p --ext-diff",
            "wirecheck diff a/story.txt b/story.txt\n",
        ),
        ("git diff --word-diff", "to [-enhance-]{+expand+} joint"),
        (
            "git log -p -- story.xml",
            "\n+SadaNews - Tokyo and Washington agreed on Friday to expand",
        ),
    ];
    let commands = documented_commands();
    assert_eq!(commands.len(), 11, "{commands:?}");
    for command in &commands {
        let output = Command::new("sh")
            .args(["-c", command])
            .current_dir(&repo.work)
            .env("PATH", &path)
            .env("HOME", repo.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_PAGER", "cat")
            .env_remove("NO_COLOR")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_PAGER_IN_USE")
            .output()
            .expect("sh runs");
        assert!(output.status.success(), "{command}: {output:?}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        if let Some((_, shown)) = expected
            .iter()
            .find(|(start, _)| command.starts_with(start))
        {
            assert!(stdout.contains(shown), "{command}: {stdout}");
        }
    }
    // Every command that shows a diff was checked.
    for (start, _) in expected {
        assert!(commands.iter().any(|c| c.starts_with(start)), "{start}");
    }
}
