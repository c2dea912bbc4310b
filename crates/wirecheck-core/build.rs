//! Embeds the shipped rule packs: every `rules/<pack>/<Rule>.yml` becomes an entry of
//! `BUILTIN_RULES` in `$OUT_DIR/builtin_rules.rs`, so a new pack or rule needs no code change.
//! A pack whose folder holds a `pack.yaml` with `default: false` is off unless chosen; the packs
//! and that flag are `BUILTIN_PACKS`. The shipped spelling dictionary's `.dic` file is written
//! compressed (DEFLATE) to `$OUT_DIR/en_US.dic.deflate`, for the binary to embed.

use std::fs;
use std::io::Write;
use std::path::Path;

/// A pack's `pack.yaml`: every key known, so a misspelt one fails the build.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    /// On unless the configuration leaves the pack out.
    #[serde(default = "on")]
    default: bool,
}

fn on() -> bool {
    true
}

/// The pack's manifest; a pack without one, or with an empty one, is on by default.
fn read_manifest(path: &Path) -> Manifest {
    match fs::read_to_string(path) {
        Ok(text) => serde_norway::from_str::<Option<Manifest>>(&text)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
            .unwrap_or(Manifest { default: true }),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Manifest { default: true },
        Err(err) => panic!("{}: {err}", path.display()),
    }
}

fn main() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    // A watched folder is scanned whole, so this one line covers every pack, rule and
    // `pack.yaml`, including ones added later. Naming a file that does not exist (a pack without
    // `pack.yaml`) would make cargo rerun this script, and rebuild the crate, on every build.
    println!("cargo:rerun-if-changed={}", rules.display());
    let mut entries = Vec::new();
    let mut pack_entries = Vec::new();
    let mut packs: Vec<_> = fs::read_dir(&rules)
        .expect("rules/ exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir() && e.file_name() != "data")
        .collect();
    packs.sort_by_key(|e| e.file_name());
    for pack in packs {
        let on_by_default = read_manifest(&pack.path().join("pack.yaml")).default;
        let pack_name = pack.file_name().into_string().expect("UTF-8 pack name");
        pack_entries.push(format!("    ({pack_name:?}, {on_by_default}),\n"));
        let mut files: Vec<_> = fs::read_dir(pack.path())
            .expect("pack folder is readable")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yml" | "yaml")))
            .filter(|p| p.file_name().is_some_and(|n| n != "pack.yaml"))
            .collect();
        files.sort();
        for file in files {
            let name = file
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 rule file name");
            entries.push(format!(
                "    ({pack_name:?}, {name:?}, include_str!({:?})),\n",
                file.display().to_string()
            ));
        }
    }
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("builtin_rules.rs");
    let mut file = fs::File::create(out).expect("OUT_DIR is writable");
    writeln!(file, "/// Shipped rules: (pack, rule name, YAML).").unwrap();
    writeln!(
        file,
        "pub(crate) const BUILTIN_RULES: &[(&str, &str, &str)] = &["
    )
    .unwrap();
    for entry in entries {
        file.write_all(entry.as_bytes()).unwrap();
    }
    writeln!(file, "];").unwrap();
    writeln!(
        file,
        "/// Shipped packs: (pack, on by default), in name order."
    )
    .unwrap();
    writeln!(file, "pub(crate) const BUILTIN_PACKS: &[(&str, bool)] = &[").unwrap();
    for entry in pack_entries {
        file.write_all(entry.as_bytes()).unwrap();
    }
    writeln!(file, "];").unwrap();
    compress_dictionary(&rules.join("data/dictionaries/en_US.dic"));
}

/// Writes the DEFLATE-compressed `dic` to `$OUT_DIR` (about a third of its size).
fn compress_dictionary(dic: &Path) {
    let text = fs::read(dic).unwrap_or_else(|err| panic!("{}: {err}", dic.display()));
    let packed = miniz_oxide::deflate::compress_to_vec(&text, 9);
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("en_US.dic.deflate");
    fs::write(out, packed).expect("OUT_DIR is writable");
}
