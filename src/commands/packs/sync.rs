//! `wirecheck packs sync`: fetches the packs of open data into the user's cache folder.
//!
//! It sends README's SPARQL query (or the config's `sync.query`) to a SPARQL endpoint (default:
//! Wikidata's; `--endpoint`, or the config's `sync.endpoint`) over HTTPS, with a User-Agent that
//! names wirecheck and a contact as Wikimedia's policy asks, then makes a pack of the results
//! and puts it in the cache folder (`packs/wikidata`) whole or not at all: on any failure the
//! pack there is kept, and the error says so. Plain http is refused but to this machine's own
//! addresses (loopback), where tests serve recorded results. Nothing is fetched but by this
//! command.

use std::net::IpAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use wirecheck_core::WikidataImport;

use super::RuleOptions;
use super::import::{make_pack, report};
use super::pack_folder::write_pack_folder;
use crate::commands::cache;

/// Wikidata's SPARQL endpoint.
const WIKIDATA_ENDPOINT: &str = "https://query.wikidata.org/sparql";

/// The media type of SPARQL JSON results.
const SPARQL_JSON: &str = "application/sparql-results+json";

/// Most bytes of results read: README's query gives a few megabytes.
const MAX_RESULTS_BYTES: u64 = 256 * 1024 * 1024;

/// Most characters of an error page's first line quoted in the error.
const MAX_SAID_CHARS: usize = 160;

/// Arguments of `packs sync`.
#[derive(clap::Args, Debug)]
pub(crate) struct SyncArgs {
    /// The SPARQL endpoint to query (default: the config's `sync.endpoint`, else
    /// https://query.wikidata.org/sparql). Plain http only to this machine (loopback).
    #[arg(long, value_name = "URL")]
    endpoint: Option<String>,
    /// A file holding the query to send (default: the config's `sync.query`, else README's).
    #[arg(long, value_name = "FILE")]
    query: Option<std::path::PathBuf>,
    /// Give up on the endpoint after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    timeout: u64,
}

/// Runs `packs sync`.
pub(crate) fn run(args: SyncArgs, rule_options: &RuleOptions) -> anyhow::Result<ExitCode> {
    let config = rule_options.config()?;
    let endpoint = args
        .endpoint
        .clone()
        .or_else(|| config.sync.endpoint.clone())
        .unwrap_or_else(|| WIKIDATA_ENDPOINT.to_owned());
    let query = match args
        .query
        .clone()
        .or_else(|| config.sync.query.as_ref().map(|q| config.root.join(q)))
    {
        Some(path) => std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the query {}", path.display()))?,
        None => wirecheck_core::HOLDERS_QUERY.to_owned(),
    };
    let target = cache::synced_packs_dir()?.join("wikidata");
    let kept = if target.exists() {
        format!(
            "; the synced pack in {} is kept as it was",
            target.display()
        )
    } else {
        String::new()
    };
    let contact = config
        .sync
        .contact
        .clone()
        .unwrap_or_else(|| env!("CARGO_PKG_REPOSITORY").to_owned());
    let results = fetch(&endpoint, &query, &contact, args.timeout)
        .map_err(|err| anyhow::anyhow!("packs sync: {err:#}{kept}"))?;
    let import = WikidataImport {
        verified: None,
        origin: endpoint.clone(),
        endpoint: Some(endpoint.clone()),
        query: Some(query),
        known_people: wirecheck_core::shipped_people(),
    };
    let pack = make_pack(&results, &import, &endpoint)
        .and_then(|pack| write_pack_folder(&target, &pack.files).map(|()| pack))
        .map_err(|err| anyhow::anyhow!("packs sync: {err:#}{kept}"))?;
    report(&pack, &target);
    if let Ok(today) = crate::commands::today::today(&config).map(|today| today.date) {
        eprintln!(
            "synced pack 'wikidata': data as of {}, {}",
            pack.verified,
            cache::age(pack.verified, today)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The User-Agent sent: wirecheck, its version and a contact.
fn user_agent(contact: &str) -> String {
    let version = env!("CARGO_PKG_VERSION");
    match contact.trim() {
        "" => format!("wirecheck/{version} (packs sync; no contact configured: set sync.contact)"),
        contact => format!("wirecheck/{version} (+{contact})"),
    }
}

/// POSTs `query` to `endpoint` and gives the results' text.
fn fetch(endpoint: &str, query: &str, contact: &str, timeout: u64) -> anyhow::Result<String> {
    let uri: ureq::http::Uri = endpoint
        .parse()
        .with_context(|| format!("not a URL: {endpoint}"))?;
    let loopback = uri.host().is_some_and(is_loopback);
    match uri.scheme_str() {
        Some("https") => {}
        Some("http") if loopback => {}
        Some("http") => anyhow::bail!(
            "{endpoint}: plain http is refused (only to this machine's loopback addresses); use https"
        ),
        _ => anyhow::bail!("{endpoint}: not an http(s) URL"),
    }
    let mut config = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(timeout)))
        .http_status_as_error(false)
        .user_agent(user_agent(contact));
    if loopback {
        // A proxy from the environment is never wanted for this machine's own addresses.
        config = config.proxy(None);
    }
    let agent: ureq::Agent = config.build().into();
    let mut response = agent
        .post(endpoint)
        .header("Accept", SPARQL_JSON)
        .send_form([("query", query)])
        .map_err(|err| describe(&err, endpoint, timeout))?;
    let status = response.status();
    if !status.is_success() {
        // The service's own words, when short, say why (a query's syntax error, a time-out).
        let said = response
            .body_mut()
            .with_config()
            .limit(4096)
            .read_to_string()
            .unwrap_or_default();
        let said = said
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        let said = match said.char_indices().nth(MAX_SAID_CHARS) {
            Some((cut, _)) => format!(": {}…", &said[..cut]),
            None if said.is_empty() => String::new(),
            None => format!(": {said}"),
        };
        anyhow::bail!("{endpoint} answered HTTP {status}{said}");
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_RESULTS_BYTES)
        .read_to_vec()
        .map_err(|err| match err {
            ureq::Error::Io(_) => {
                anyhow::anyhow!("{endpoint}: the answer was cut short ({err})")
            }
            err => describe(&err, endpoint, timeout),
        })?;
    String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "{endpoint}: the results are not UTF-8 text (byte {})",
            err.utf8_error().valid_up_to()
        )
    })
}

/// A transfer error as one line that names the endpoint.
fn describe(err: &ureq::Error, endpoint: &str, timeout: u64) -> anyhow::Error {
    match err {
        ureq::Error::Timeout(_) => {
            anyhow::anyhow!("{endpoint}: no complete answer within {timeout} s (--timeout)")
        }
        other => anyhow::anyhow!("{endpoint}: {other}"),
    }
}

/// True for localhost and the loopback addresses (127.0.0.0/8, ::1).
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_are_loopback() {
        assert!(is_loopback("127.0.0.1"));
        assert!(is_loopback("127.3.2.1"));
        assert!(is_loopback("[::1]"));
        assert!(is_loopback("localhost"));
        assert!(!is_loopback("query.wikidata.org"));
        assert!(!is_loopback("10.0.0.1"));
        assert!(!is_loopback("localhost.example.com"));
    }

    #[test]
    fn the_user_agent_names_wirecheck_and_a_contact() {
        let agent = user_agent("newsdesk@example.com");
        assert!(agent.starts_with("wirecheck/"), "{agent}");
        assert!(agent.ends_with("(+newsdesk@example.com)"), "{agent}");
        assert!(user_agent("").contains("sync.contact"));
    }
}
