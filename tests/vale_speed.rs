//! The four Vale packs of the speed benchmark (Google, Microsoft, proselint, write-good, read
//! unchanged from `../shared/vale-packs`) over a few generated stories and Markdown notes
//! (`benches/gen_vale_corpus.py`, with curly quotes, dashes, accented and non-Latin words): the
//! findings are a snapshot, first taken before the rule regexes were made fast (and retaken
//! only when a kind's behaviour changes on purpose), so a faster matcher that finds anything else
//! fails here.

use std::path::Path;

use assert_cmd::Command;

#[test]
fn the_four_vale_packs_find_the_same_whatever_the_matcher() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let packs = root.join("../shared/vale-packs");
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(root.join("tests/data"))
        .env("NO_COLOR", "1")
        .args(["check", "vale-stories", "--no-config", "--format", "line"])
        .args(["--fail-level", "none"])
        .args(["--disable", "wire,names-japan,names-world,dateline-generic"]);
    for pack in ["Google", "Microsoft", "proselint", "write-good"] {
        cmd.arg("--rules").arg(packs.join(pack));
    }
    let output = cmd.output().expect("wirecheck runs");
    assert_eq!(output.status.code(), Some(0));
    let findings = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(findings.lines().count() > 400, "the packs find plenty");
    insta::assert_snapshot!(findings);
}
