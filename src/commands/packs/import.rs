//! `wirecheck packs import`: a names and titles pack made of open data.
//!
//! `wirecheck packs import wikidata FILE [-o DIR]` reads the JSON results of a Wikidata SPARQL
//! query (README's) and writes the pack folder DIR (default `./wikidata`) whole or not at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use jiff::civil::Date;
use wirecheck_core::{ImportedPack, VerifiedFrom, WikidataError, WikidataImport};

use super::pack_folder::write_pack_folder;

/// Arguments of `packs import`.
#[derive(clap::Args, Debug)]
pub(crate) struct ImportArgs {
    /// The kind of data.
    #[arg(value_enum)]
    source: ImportSource,
    /// The query's results, in the SPARQL 1.1 Query Results JSON format (README has the query).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The pack folder to write (replaced whole if it holds a pack made by `packs import`).
    #[arg(short, long, value_name = "DIR", default_value = "wikidata")]
    output: PathBuf,
    /// The day the data was read, YYYY-MM-DD, for results without a `?retrieved` binding.
    #[arg(long, value_name = "DATE")]
    verified: Option<Date>,
    /// The query the results are of, recorded in the pack's pack.yaml.
    #[arg(long, value_name = "FILE")]
    query: Option<PathBuf>,
}

/// The kinds of open data a pack can be made of.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ImportSource {
    /// Wikidata's position-held statements (P39), as README's SPARQL query gives them.
    Wikidata,
}

/// Runs `packs import`.
pub(crate) fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let ImportSource::Wikidata = args.source;
    let results = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let query = args
        .query
        .as_ref()
        .map(|path| {
            std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
        })
        .transpose()?;
    let import = WikidataImport {
        verified: args.verified,
        origin: args.file.display().to_string(),
        endpoint: None,
        query,
        known_people: wirecheck_core::shipped_people(),
    };
    let pack = make_pack(&results, &import, &args.file.display().to_string())?;
    write_pack_folder(&args.output, &pack.files)?;
    report(&pack, &args.output);
    Ok(ExitCode::SUCCESS)
}

/// The pack of `results`; an error names `origin`, and the line and column or the binding.
pub(super) fn make_pack(
    results: &str,
    import: &WikidataImport,
    origin: &str,
) -> anyhow::Result<ImportedPack> {
    wirecheck_core::import_wikidata(results, import).map_err(|err| match err {
        // A position reads as one: "file:3:14: …".
        WikidataError::Json { .. } => anyhow::anyhow!("{origin}:{err}"),
        _ => anyhow::anyhow!("{origin}: {err}"),
    })
}

/// Says what was written, and what was left out, on standard error.
pub(super) fn report(pack: &ImportedPack, dir: &Path) {
    let from = match pack.verified_from {
        VerifiedFrom::Retrieved => "the results' ?retrieved",
        VerifiedFrom::Given => "--verified",
    };
    eprintln!(
        "wrote {} of {} and {} to {}; data as of {} (from {from})",
        counted(pack.holders, "holder"),
        counted(pack.posts, "post"),
        counted(pack.people, "name"),
        dir.display(),
        pack.verified,
    );
    if pack.people_shipped > 0 {
        eprintln!(
            "note: {} people the shipped names packs list already are left out of Names.yml",
            thousands(pack.people_shipped)
        );
    }
    if !pack.dropped.is_empty() {
        let total: usize = pack.dropped.iter().map(|(_, count)| count).sum();
        let reasons: Vec<String> = pack
            .dropped
            .iter()
            .map(|(reason, count)| format!("{} {}", thousands(*count), reason.describe()))
            .collect();
        eprintln!(
            "note: left out {} terms of office: {}",
            thousands(total),
            reasons.join(", ")
        );
    }
    if !pack.has_precision {
        eprintln!(
            "warning: the results give no ?startPrecision: every date was taken as known to the day"
        );
    }
}

/// "1 post", "1,234 posts".
fn counted(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{} {what}s", thousands(n)),
    }
}

/// 1234 as "1,234".
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1234), "1,234");
        assert_eq!(super::thousands(1234567), "1,234,567");
    }
}
