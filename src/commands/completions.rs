//! Shell completion. `wirecheck completions SHELL` prints the few lines a shell sources to ask
//! wirecheck itself what to complete (clap_complete's dynamic completion, `COMPLETE=SHELL
//! wirecheck`), so that rule ids and pack names complete — the shipped ones and those of the
//! `wirecheck.yaml` in the working directory — and the options never drift from the binary.
//! `--static` prints the older self-contained script instead, which knows the options only.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_complete::engine::CompletionCandidate;
use wirecheck_core::{Config, RuleSet};

/// The environment variable that turns a run of wirecheck into a completion request.
pub(crate) const COMPLETE_VAR: &str = "COMPLETE";

/// Arguments of `wirecheck completions`.
#[derive(clap::Args, Debug)]
pub(crate) struct CompletionsArgs {
    /// The shell to write completions for.
    shell: Shell,
    /// Print a self-contained script that completes the commands and options but not rule ids
    /// or pack names (it never runs wirecheck).
    #[arg(long = "static")]
    static_script: bool,
}

/// Writes the completion set-up for `shell` to standard output.
pub(crate) fn run<C: CommandFactory>(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    // Rendered to memory, so that a closed pipe (`wirecheck completions fish | head -1`) is an
    // error `main` can treat as the quiet end it is (clap_complete panics when its writer fails).
    let mut script = Vec::new();
    if args.static_script {
        let mut command = C::command();
        clap_complete::generate(args.shell, &mut command, "wirecheck", &mut script);
    } else {
        let name = shell_name(args.shell);
        let shells = clap_complete::env::Shells::builtins();
        let shell = shells
            .completer(name)
            .ok_or_else(|| anyhow::anyhow!("no dynamic completion for {name}; try --static"))?;
        // The binary on PATH answers: the script stays right when wirecheck is upgraded.
        shell.write_registration(
            COMPLETE_VAR,
            "wirecheck",
            "wirecheck",
            "wirecheck",
            &mut script,
        )?;
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&script)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The name clap_complete's dynamic completion knows `shell` by.
fn shell_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "bash",
        Shell::Elvish => "elvish",
        Shell::Fish => "fish",
        Shell::PowerShell => "powershell",
        Shell::Zsh => "zsh",
        // `Shell` is non-exhaustive; a new one is named by its value.
        _ => "unknown",
    }
}

/// Every rule the completions offer: the shipped rules (of every pack, on or off) and those the
/// configuration in the working directory adds, by id. A configuration that cannot be read
/// adds none: completion never fails.
fn known_rules() -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let mut add = |set: &RuleSet| {
        for rule in set.rules() {
            names.insert(rule.id.clone(), rule.summary());
            for check in &rule.checks {
                names.insert(check.id.clone(), check.summary());
            }
        }
    };
    if let Ok(shipped) = RuleSet::compile(wirecheck_core::builtin_sources()) {
        add(&shipped);
    }
    let configured = std::env::current_dir()
        .ok()
        .and_then(|dir| Config::discover(&dir))
        .and_then(|path| Config::load(&path).ok());
    let mut config = configured.unwrap_or_default();
    config.synced_packs_dir = super::cache::synced_packs_dir().ok();
    // Only the project's own rules: the shipped ones are all in already, and compiling them
    // again would double the wait at every tab. Its selection and severities would leave some
    // out, which completion should offer all the same.
    config.packs = Some(Vec::new());
    config.enable.clear();
    config.dateline_style = None;
    config.select = None;
    config.extend_select.clear();
    config.ignore_rules.clear();
    config.severity.clear();
    if let Ok(set) = config.rule_set(&[]) {
        add(&set);
    }
    names
}

/// One line of help: the first of `text`, as the shells show beside a candidate.
fn candidate(value: &str, help: &str) -> CompletionCandidate {
    let line = help.lines().next().unwrap_or_default().to_owned();
    CompletionCandidate::new(value).help((!line.is_empty()).then(|| line.into()))
}

/// What `--select`, `--ignore` and `--extend-select` take: packs, then rule and check ids.
pub(crate) fn rule_selectors() -> Vec<CompletionCandidate> {
    let rules = known_rules();
    let packs: std::collections::BTreeSet<&str> =
        rules.keys().filter_map(|id| id.split('.').next()).collect();
    let packs = packs.into_iter().map(|pack| candidate(pack, "pack"));
    packs
        .chain(rules.iter().map(|(id, help)| candidate(id, help)))
        .collect()
}

/// What `rules explain` takes: rule and check ids.
pub(crate) fn rule_ids() -> Vec<CompletionCandidate> {
    known_rules()
        .iter()
        .map(|(id, help)| candidate(id, help))
        .collect()
}

/// What `--packs`, `--enable` and `--disable` take: the shipped packs.
pub(crate) fn pack_names() -> Vec<CompletionCandidate> {
    wirecheck_core::builtin_pack_names()
        .into_iter()
        .map(|pack| {
            let default = if wirecheck_core::is_default_pack(pack) {
                "on by default"
            } else {
                "off by default"
            };
            candidate(pack, default)
        })
        .collect()
}
