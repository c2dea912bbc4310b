//! `wirecheck packs` alone: every pack the run loads and every shipped pack it leaves off, one row
//! each: where it comes from (shipped, or the folder of its rule files: a path given, or a synced
//! pack's cache folder), how many rules it has, the oldest day its facts were verified, and
//! whether they are still trusted on the day given (`--date`, else today as `check` takes it).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;
use wirecheck_core::{DateSource, PackGrace, PublicationDate, Rule, RuleSet};

use super::RuleOptions;

/// Arguments of the listing.
#[derive(clap::Args, Debug)]
pub(crate) struct ListArgs {
    /// The day to judge the packs' facts on, YYYY-MM-DD (default: today, as `check` takes it).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    date: Option<Date>,
    /// Days a pack's facts are trusted after their `verified:` date (default: the config's
    /// `pack_grace_days:`, else 90).
    #[arg(long, value_name = "DAYS")]
    pack_grace: Option<u32>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
}

/// How the listing is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// Aligned columns.
    Human,
    /// One JSON document.
    Json,
}

/// The day to judge on, as `check --date` reads a date (its time and offset are not needed).
fn parse_day(text: &str) -> Result<Date, String> {
    PublicationDate::parse(text, DateSource::CommandLine)
        .map(|date| date.date)
        .map_err(|err| err.to_string())
}

/// What the listing says of a pack's facts on the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Verified no longer ago than the grace.
    Current,
    /// Past the grace since `since`, by `days` days.
    Stale { since: Date, days: i64 },
    /// No rule of the pack says when its facts were verified.
    NoDatedFacts,
    /// A shipped pack the run leaves out.
    Off,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Stale { .. } => "stale",
            Status::NoDatedFacts => "no dated facts",
            Status::Off => "off",
        }
    }

    fn described(self) -> String {
        match self {
            Status::Stale { since, days } => {
                let unit = if days == 1 { "day" } else { "days" };
                format!("stale since {since} ({days} {unit} past the grace)")
            }
            other => other.word().to_owned(),
        }
    }
}

/// One row: a pack and what the listing says of it.
struct PackRow {
    pack: String,
    origin: String,
    rules: usize,
    verified: Option<Date>,
    status: Status,
}

/// Lists the packs.
pub(crate) fn run(args: ListArgs, rule_options: &RuleOptions) -> anyhow::Result<ExitCode> {
    let (config, rules) = rule_options.load()?;
    let grace = args
        .pack_grace
        .or(config.pack_grace_days)
        .map_or_else(PackGrace::default, PackGrace::days);
    let (day, day_source) = match args.date {
        Some(day) => (day, "--date".to_owned()),
        None => {
            let today = crate::commands::today::today(&config)?;
            (today.date, today.described())
        }
    };
    // Every shipped rule, so that the packs the run leaves off are listed too.
    let shipped = RuleSet::compile(wirecheck_core::builtin_sources())?;
    let rows = rows(&rules, &shipped, day, grace);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ListFormat::Human => write_table(&rows, day, &day_source, grace, &mut out)?,
        ListFormat::Json => write_json(&rows, day, grace, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The rows, by pack name: the run's packs, then the shipped packs it leaves off.
fn rows(rules: &RuleSet, shipped: &RuleSet, day: Date, grace: PackGrace) -> Vec<PackRow> {
    let mut rows: Vec<PackRow> = by_pack(rules.rules())
        .into_iter()
        .map(|(pack, rules)| {
            let verified = oldest_verified(&rules);
            let status = match verified {
                None => Status::NoDatedFacts,
                Some(verified) => match grace.staleness(verified, day) {
                    None => Status::Current,
                    Some(stale) => Status::Stale {
                        since: stale.since,
                        days: stale.days_past_grace,
                    },
                },
            };
            PackRow {
                pack: pack.to_owned(),
                origin: origin_of(&rules),
                rules: rules.len(),
                verified,
                status,
            }
        })
        .collect();
    let off: Vec<PackRow> = by_pack(shipped.rules())
        .into_iter()
        .filter(|(pack, _)| !rows.iter().any(|row| row.pack == *pack))
        .map(|(pack, rules)| PackRow {
            pack: pack.to_owned(),
            origin: origin_of(&rules),
            rules: rules.len(),
            verified: oldest_verified(&rules),
            status: Status::Off,
        })
        .collect();
    rows.extend(off);
    rows.sort_by(|a, b| a.pack.cmp(&b.pack));
    rows
}

fn by_pack(rules: &[Rule]) -> BTreeMap<&str, Vec<&Rule>> {
    let mut packs: BTreeMap<&str, Vec<&Rule>> = BTreeMap::new();
    for rule in rules {
        packs.entry(rule.pack.as_str()).or_default().push(rule);
    }
    packs
}

/// The oldest day a rule of the pack says its facts were verified.
fn oldest_verified(rules: &[&Rule]) -> Option<Date> {
    rules.iter().filter_map(|rule| rule.facts_verified()).min()
}

/// Where the pack's rules come from: `shipped` for the packs in the binary, else the folder (or
/// file) each was read from, relative to the working directory when inside it, the distinct ones
/// in order.
fn origin_of(rules: &[&Rule]) -> String {
    let cwd = std::env::current_dir().ok();
    let shown = |path: &Path| {
        let inside = cwd.as_deref().and_then(|cwd| path.strip_prefix(cwd).ok());
        inside
            .filter(|rest| !rest.as_os_str().is_empty())
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let mut origins: Vec<String> = Vec::new();
    for rule in rules {
        let origin = if rule.origin.starts_with("builtin:") {
            "shipped".to_owned()
        } else {
            // A rule file is named after its rule; `config.Names` comes from the config file.
            let path = Path::new(&rule.origin);
            let name = rule.id.strip_prefix(&format!("{}.", rule.pack));
            let is_rule_file = path.file_stem().and_then(|stem| stem.to_str()) == name;
            match path.parent().filter(|_| is_rule_file) {
                Some(folder) => shown(folder),
                None => shown(path),
            }
        };
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    wirecheck_text::visible::escape_controls(&origins.join(", ")).into_owned()
}

/// Aligned columns, as `wirecheck rules` prints them, then the day and grace they are judged by.
fn write_table(
    rows: &[PackRow],
    day: Date,
    day_source: &str,
    grace: PackGrace,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let header = ["PACK", "ORIGIN", "RULES", "VERIFIED", "STATUS"].map(str::to_owned);
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|row| {
            [
                row.pack.clone(),
                row.origin.clone(),
                row.rules.to_string(),
                row.verified
                    .map_or_else(|| "—".to_owned(), |d| d.to_string()),
                row.status.described(),
            ]
        })
        .collect();
    let mut widths = [0; 4];
    for line in std::iter::once(&header).chain(&cells) {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for line in std::iter::once(&header).chain(&cells) {
        for (width, cell) in widths.iter().zip(line) {
            let pad = width - cell.chars().count();
            write!(out, "{cell}{:pad$}  ", "")?;
        }
        writeln!(out, "{}", line[4])?;
    }
    writeln!(
        out,
        "\nStatus on {day} ({day_source}), with a grace of {grace} after each pack's verified \
         date.\nA stale pack may not know a holder who took office since: its titles mismatches \
         are warnings without a fix."
    )
}

fn write_json(
    rows: &[PackRow],
    day: Date,
    grace: PackGrace,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let packs: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            let (since, days) = match row.status {
                Status::Stale { since, days } => (Some(since.to_string()), Some(days)),
                _ => (None, None),
            };
            serde_json::json!({
                "pack": row.pack,
                "origin": row.origin,
                "rules": row.rules,
                "verified": row.verified.map(|d| d.to_string()),
                "status": row.status.word(),
                "stale_since": since,
                "days_past_grace": days,
            })
        })
        .collect();
    let document = serde_json::json!({
        "date": day.to_string(),
        "grace_days": grace.in_days(),
        "packs": packs,
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
