//! The build script must not make every build a rebuild: each path it asks cargo to watch has to
//! exist, or cargo reruns it (and recompiles the crate) on every `cargo run` and `cargo test`.

use std::path::Path;

#[test]
fn build_script_watches_only_paths_that_exist() {
    // Cargo keeps the build script's printed instructions in `output`, beside its OUT_DIR.
    let out_dir = Path::new(env!("OUT_DIR"));
    let output = out_dir
        .parent()
        .expect("OUT_DIR has a parent")
        .join("output");
    let text = std::fs::read_to_string(&output)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", output.display()));
    let watched: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            line.strip_prefix("cargo:rerun-if-changed=")
                .or_else(|| line.strip_prefix("cargo::rerun-if-changed="))
        })
        .collect();
    assert!(
        !watched.is_empty(),
        "the build script watches nothing, so cargo reruns it whenever any file changes"
    );
    let missing: Vec<&&str> = watched.iter().filter(|p| !Path::new(p).exists()).collect();
    assert!(
        missing.is_empty(),
        "the build script watches paths that do not exist, so every build reruns it: {missing:?}"
    );
}
