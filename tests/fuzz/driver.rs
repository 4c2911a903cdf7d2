//! The corpus (`tests/fuzz-corpus/<target>/<id>/`, each a small project) and the long
//! run: cases drawn from a target's strategy for `LEAFLET_FUZZ_SECS` seconds, seeded by
//! the repository's leaflets and the corpus. A case whose errors include a kind not
//! seen before joins the corpus (a rough stand-in for coverage feedback, which stable
//! Rust lacks); a failing case is kept as `crash-<id>`, then shrunk and kept again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

use super::case::{Case, sorted_entries};
use super::oracle::{self, Limits, Outcome};
use super::strategy::{Scale, Target};

/// Cases larger than this are not kept: the corpus is replayed by every `cargo test`.
const MAX_KEPT_BYTES: usize = 16 * 1024;

/// Corpus entries per target at most, for the same reason.
const MAX_CORPUS: usize = 100;

pub fn corpus_dir(target: Target) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus").join(target.name())
}

/// Every case kept for a target, with its folder.
pub fn corpus(target: Target) -> Vec<(PathBuf, Case)> {
    sorted_entries(&corpus_dir(target))
        .into_iter()
        .filter(|p| p.is_dir())
        .map(|p| {
            let case = Case::read_from(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, case)
        })
        .collect()
}

/// Writes a case into the target's corpus as `<prefix><id>`, returning its folder.
pub fn keep(target: Target, case: &Case, prefix: &str) -> PathBuf {
    let dir = corpus_dir(target).join(format!("{prefix}{}", case.id()));
    if !dir.exists() {
        case.write_to(&dir).expect("write to the corpus");
    }
    dir
}

/// Writes a failing case where a developer can build it by hand (not the corpus: a
/// shrinking property test saves many).
pub fn keep_failure(target: Target, case: &Case) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures").join(target.name()).join(case.id());
    let _ = case.write_to(&dir);
    dir
}

/// Cases left behind by a process that died in the middle of one (see
/// `oracle::in_flight_dir`), moved into the corpus as crashes.
fn recover_in_flight(target: Target) -> Vec<PathBuf> {
    let mut kept = Vec::new();
    for note in sorted_entries(&oracle::in_flight_dir()) {
        let name = note.file_name().unwrap().to_string_lossy().into_owned();
        let pid = name.split('-').next().unwrap_or("");
        if Path::new("/proc").join(pid).exists() {
            continue; // a live process: still working on it
        }
        if let Ok(dir) = std::fs::read_to_string(&note)
            && let Ok(case) = Case::read_from(Path::new(&dir))
        {
            kept.push(keep(target, &case, "crash-"));
        }
        let _ = std::fs::remove_file(note);
    }
    kept
}

/// What a long run found, for its report.
#[derive(Debug, Default)]
struct Tally {
    cases: u64,
    pdfs: u64,
    errors: u64,
    kept: u64,
    slowest: Duration,
    failures: Vec<String>,
}

/// Fuzzes `target` for `LEAFLET_FUZZ_SECS` seconds (default 60); fails if any case
/// failed. Prints a summary and appends it to `target/fuzz-runs.log`.
pub fn long_run(target: Target) {
    let secs: u64 = std::env::var("LEAFLET_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let limits = Limits::from_env();
    let mut tally = Tally::default();
    for crash in recover_in_flight(target) {
        tally.failures.push(format!("a previous run died on {}", crash.display()));
    }
    let mut seen = BTreeSet::new();
    let mut pool = Case::seeds();
    let mut kept = 0;
    for (path, case) in corpus(target) {
        if let Ok(Outcome::Errors(kinds)) = oracle::run(&case, limits) {
            seen.extend(kinds);
        }
        if !path.file_name().unwrap().to_string_lossy().starts_with("crash-") {
            kept += 1;
            pool.push(case);
        }
    }
    let mut runner =
        TestRunner::new(Config { failure_persistence: None, max_shrink_time: 120_000, ..Config::default() });
    let scale = Scale::for_this_build();
    let mut strategy = target.strategy(Arc::new(pool.clone()), scale);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        let tree = strategy.new_tree(&mut runner).expect("a case");
        let case = tree.current();
        let began = Instant::now();
        let result = oracle::run(&case, limits);
        tally.slowest = tally.slowest.max(began.elapsed());
        tally.cases += 1;
        match result {
            Ok(Outcome::Pdf { .. }) => tally.pdfs += 1,
            Ok(Outcome::Errors(kinds)) => {
                tally.errors += 1;
                let new = kinds.iter().any(|k| !seen.contains(k));
                seen.extend(kinds);
                if new && case.len() <= MAX_KEPT_BYTES && kept < MAX_CORPUS {
                    keep(target, &case, "");
                    kept += 1;
                    tally.kept += 1;
                    pool.push(case);
                    strategy = target.strategy(Arc::new(pool.clone()), scale);
                }
            }
            Err(failure) => {
                let dir = keep(target, &case, "crash-");
                tally.failures.push(format!("{failure}: {}", dir.display()));
                eprintln!("fuzz {}: {failure}; kept in {}", target.name(), dir.display());
                if matches!(failure, oracle::Failure::Hang(_) | oracle::Failure::Memory(_)) {
                    break; // the runaway thread cannot be stopped; the numbers after it would lie
                }
                let shrunk = runner.run_one(tree, |case| {
                    oracle::run(&case, limits).map(|_| ()).map_err(|f| TestCaseError::fail(f.to_string()))
                });
                if let Err(TestError::Fail(why, minimal)) = shrunk {
                    let dir = keep(target, &minimal, "crash-");
                    tally.failures.push(format!("shrunk: {why}: {}", dir.display()));
                }
            }
        }
    }
    report(target, start.elapsed(), &tally, seen.len());
    assert!(tally.failures.is_empty(), "fuzz {} failed:\n{}", target.name(), tally.failures.join("\n"));
}

fn report(target: Target, elapsed: Duration, tally: &Tally, kinds: usize) {
    let peak = oracle::peak_memory().map_or("?".into(), |b| format!("{} MiB", b >> 20));
    let line = format!(
        "fuzz {}: {:.0} s, {} cases ({} PDFs, {} errors of {kinds} kinds), {} new corpus entries, \
         slowest case {:.2} s, peak resident memory {peak}, {} failures",
        target.name(),
        elapsed.as_secs_f64(),
        tally.cases,
        tally.pdfs,
        tally.errors,
        tally.kept,
        tally.slowest.as_secs_f64(),
        tally.failures.len()
    );
    eprintln!("{line}");
    let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-runs.log");
    let _ = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut f| std::io::Write::write_all(&mut f, format!("{line}\n").as_bytes()));
}
