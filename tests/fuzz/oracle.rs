//! What every case must give: a PDF that parses back, or diagnostics that each say
//! something — never a panic, a hang or a runaway allocation. Each case is built through
//! the library (`leaflet::build`) on its own thread, in a fresh project folder, watched
//! for time and memory.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use leaflet::BuildOptions;
use leaflet::model::units::{PT_PER_MM, parse_length, parse_paper};
use leaflet::press::ColorMode;

use super::case::Case;

/// What a case came to, when it came to something allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pdf {
        pages: usize,
    },
    /// The diagnostics' messages with names and numbers blanked out, for telling one
    /// kind of error from another (the corpus keeps a case per new kind).
    Errors(Vec<String>),
}

#[derive(Debug, Clone)]
pub enum Failure {
    Panic(String),
    Hang(Duration),
    Memory(u64),
    /// A result that breaks the contract: a bad PDF, an empty message.
    Broken(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panic(m) => write!(f, "panicked: {m}"),
            Failure::Hang(t) => write!(f, "still running after {t:?}"),
            Failure::Memory(b) => write!(f, "resident memory reached {} MiB", b >> 20),
            Failure::Broken(m) => write!(f, "broke the contract: {m}"),
        }
    }
}

/// The bounds a case must stay within.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub time: Duration,
    /// Resident memory of the whole test process.
    pub memory: u64,
}

impl Limits {
    /// 10 s per case in an optimised build, 60 s in a debug build (which is ~20 times
    /// slower and shares the machine with other tests); 2 GiB. `LEAFLET_FUZZ_TIMEOUT`
    /// (seconds) and `LEAFLET_FUZZ_MAX_MB` override them.
    pub fn from_env() -> Limits {
        let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
        let default_time = if cfg!(debug_assertions) { 60 } else { 10 };
        Limits {
            time: Duration::from_secs(env("LEAFLET_FUZZ_TIMEOUT").unwrap_or(default_time)),
            memory: env("LEAFLET_FUZZ_MAX_MB").unwrap_or(2048) << 20,
        }
    }
}

/// Builds the case and judges the result.
pub fn run(case: &Case, limits: Limits) -> Result<Outcome, Failure> {
    let dir = tempfile::tempdir().expect("temporary folder");
    case.write_to(dir.path()).expect("write the case");
    in_flight(Some(dir.path()));
    let leaflet = dir.path().join(&case.leaflet);
    let options = build_options(&case.options);
    let (send, receive) = mpsc::channel();
    let prefix = dir.path().to_string_lossy().into_owned();
    // The binary runs the pipeline on the main thread, whose stack is 8 MiB.
    let worker = std::thread::Builder::new()
        .name("fuzz case".into())
        .stack_size(8 << 20)
        .spawn(move || {
            let verdict = judge(leaflet::build(&leaflet, &options), &prefix);
            let _ = send.send(verdict);
        })
        .expect("spawn");
    let start = Instant::now();
    let verdict = loop {
        match receive.recv_timeout(Duration::from_millis(20)) {
            Ok(verdict) => break verdict,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let payload = worker.join().expect_err("the worker ended without a verdict");
                break Err(Failure::Panic(panic_message(&*payload)));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if start.elapsed() > limits.time {
            // The thread cannot be stopped; leave it its folder and go on.
            let _ = dir.keep();
            in_flight(None);
            return Err(Failure::Hang(start.elapsed()));
        }
        if let Some(rss) = resident_memory()
            && rss > limits.memory
        {
            let _ = dir.keep();
            in_flight(None);
            return Err(Failure::Memory(rss));
        }
    };
    in_flight(None);
    if std::env::var_os("LEAFLET_FUZZ_VERBOSE").is_some() {
        eprintln!("{:>7.2} s {:>8} bytes {verdict:?}", start.elapsed().as_secs_f64(), case.len());
    }
    verdict
}

/// The options as `leaflet build` would pass them; values the command line refuses
/// never reach the pipeline, so they are left out here too.
fn build_options(options: &[String]) -> BuildOptions {
    let mut o = BuildOptions::default();
    for option in options {
        let (flag, value) = option.split_once('=').unwrap_or((option, ""));
        match flag {
            "--paper" => o.paper = parse_paper(value).ok(),
            "--bleed" => o.bleed = parse_length(value).ok().filter(|&pt| pt <= 20.0 * PT_PER_MM),
            "--n-up" => o.n_up = value.parse().ok().filter(|n| [1, 2, 4].contains(n)).unwrap_or(1),
            "--color" => {
                o.color = match value {
                    "cmyk" => ColorMode::Cmyk,
                    "gray" => ColorMode::Gray,
                    _ => ColorMode::Rgb,
                }
            }
            "--pages" => {
                o.pages = match value {
                    "auto" => Some(leaflet::model::Pages::Auto),
                    n => n
                        .parse()
                        .ok()
                        .filter(|n| (1..=leaflet::model::MAX_PAGES).contains(n))
                        .map(leaflet::model::Pages::Exactly),
                }
            }
            "--duplex" => {
                o.duplex = match value {
                    "long" => Some(leaflet::press::Duplex::Long),
                    "short" => Some(leaflet::press::Duplex::Short),
                    _ => None,
                }
            }
            "--marks" => o.marks = true,
            "--draft" => o.draft = true,
            "--langs" => o.langs = Some(value.split(',').map(str::to_string).collect()),
            _ => {}
        }
    }
    o
}

fn judge(
    result: Result<leaflet::Built, leaflet::diag::Diagnostics>,
    prefix: &str,
) -> Result<Outcome, Failure> {
    match result {
        Ok(built) => {
            if !built.pdf.starts_with(b"%PDF-") {
                return Err(Failure::Broken("the PDF does not start with %PDF-".into()));
            }
            let pdf = lopdf::Document::load_mem(&built.pdf)
                .map_err(|e| Failure::Broken(format!("lopdf cannot read the PDF: {e}")))?;
            let pages = pdf.get_pages().len();
            if pages == 0 {
                return Err(Failure::Broken("the PDF has no page".into()));
            }
            Ok(Outcome::Pdf { pages })
        }
        Err(diagnostics) => {
            if diagnostics.0.is_empty() {
                return Err(Failure::Broken("an error without any diagnostic".into()));
            }
            let mut kinds = Vec::new();
            for d in &diagnostics.0 {
                if d.message.trim().is_empty() {
                    return Err(Failure::Broken(format!("a diagnostic with an empty message: {d:?}")));
                }
                kinds.push(kind_of(&d.message.replace(prefix, "")));
            }
            if !diagnostics.0.iter().any(|d| d.is_error()) {
                return Err(Failure::Broken(format!("failed with warnings only: {diagnostics}")));
            }
            kinds.sort();
            kinds.dedup();
            Ok(Outcome::Errors(kinds))
        }
    }
}

/// A message with what varies blanked: quoted names and values (in `…`, "…" or “…”)
/// and numbers.
pub fn kind_of(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' | '"' | '“' | '”' => {
                quoted = matches!(c, '`' | '"') && !quoted || c == '“';
                out.push('_');
            }
            _ if quoted => {}
            '0'..='9' => {
                if !out.ends_with('0') {
                    out.push('0');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(not a string)".into()
    }
}

/// The process's resident memory (Linux; `None` elsewhere).
pub fn resident_memory() -> Option<u64> {
    status_kb("VmRSS:").map(|kb| kb << 10)
}

/// The process's peak resident memory so far (Linux; `None` elsewhere).
pub fn peak_memory() -> Option<u64> {
    status_kb("VmHWM:").map(|kb| kb << 10)
}

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..].trim().trim_end_matches("kB").trim().parse().ok()
}

/// Notes of the cases being built, one per thread: each holds the case's folder, so
/// that a case that kills the whole process (a stack overflow aborts it) is not lost.
/// The long run picks such notes up.
pub fn in_flight_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-in-flight")
}

fn in_flight_note() -> PathBuf {
    let thread =
        format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_alphanumeric(), "");
    in_flight_dir().join(format!("{}-{thread}", std::process::id()))
}

fn in_flight(dir: Option<&Path>) {
    let note = in_flight_note();
    match dir {
        Some(dir) => {
            let _ = std::fs::create_dir_all(in_flight_dir());
            let _ = std::fs::write(note, dir.to_string_lossy().as_bytes());
        }
        None => {
            let _ = std::fs::remove_file(note);
        }
    }
}

#[test]
fn kinds_blank_names_values_and_numbers() {
    assert_eq!(
        kind_of("invalid type: string \"1000mm\", expected a boolean at `size` 12"),
        "invalid type: string __, expected a boolean at __ 0"
    );
    assert_eq!(kind_of("the word “xxx” is 3.5 mm wider"), "the word __ is 0.0 mm wider");
}
