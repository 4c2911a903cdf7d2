//! Fuzzing the whole pipeline (TOML + FTL → PDF) on stable Rust, with proptest: the
//! repository's leaflets and translations, mutated (see `mutate`), must each give a PDF
//! that parses back or diagnostics that say something, within bounded time and memory
//! (see `oracle`). Three targets: `leaflet` edits the TOML, `translation` the `.ftl`
//! files, `pipeline` both plus the build options.
//!
//! `cargo test` runs a short pass of each property (`PROPTEST_CASES`, default 8) and
//! replays the corpus in `tests/fuzz-corpus/`. The long run is opt-in:
//! `LEAFLET_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored --test-threads 1 --nocapture`
//! runs the three targets one after another, ten minutes each (name one to run only it).

mod case;
mod cli;
mod driver;
mod mutate;
mod oracle;
mod strategy;

use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use case::Case;
use oracle::{Limits, Outcome};
use strategy::{Scale, Target};

/// Cases per property in the short pass, unless `PROPTEST_CASES` says otherwise.
const SHORT_PASS_CASES: u32 = 8;

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = SHORT_PASS_CASES;
    }
    config.max_shrink_time = 120_000;
    config
}

fn cases(target: Target) -> BoxedStrategy<Case> {
    target.strategy(Arc::new(Case::seeds()), Scale::for_this_build())
}

fn holds(target: Target, case: &Case) -> Result<(), TestCaseError> {
    oracle::run(case, Limits::from_env()).map(|_| ()).map_err(|failure| {
        let dir = driver::keep_failure(target, case);
        TestCaseError::fail(format!("{failure}; build it by hand from {}", dir.display()))
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_leaflets_give_a_pdf_or_an_error(case in cases(Target::Leaflet)) {
        holds(Target::Leaflet, &case)?;
    }

    #[test]
    fn mutated_translations_give_a_pdf_or_an_error(case in cases(Target::Translation)) {
        holds(Target::Translation, &case)?;
    }

    #[test]
    fn mutated_projects_and_options_give_a_pdf_or_an_error(case in cases(Target::Pipeline)) {
        holds(Target::Pipeline, &case)?;
    }
}

/// Every repository leaflet builds: the seeds are good, so what the targets find is
/// down to the edits.
#[test]
fn seeds_build() {
    for case in Case::seeds() {
        assert!(
            matches!(oracle::run(&case, Limits::from_env()), Ok(Outcome::Pdf { .. })),
            "{}",
            case.leaflet
        );
    }
}

/// Every case the long runs kept, the crashes they found included, still holds.
#[test]
fn corpus_replays() {
    let mut failures = Vec::new();
    let mut count = 0;
    for target in Target::ALL {
        for (dir, case) in driver::corpus(target) {
            count += 1;
            if let Err(failure) = oracle::run(&case, Limits::from_env()) {
                failures.push(format!("{}: {failure}", dir.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {count} corpus cases fail:\n{}", failures.len(), failures.join("\n"));
    assert!(count > 0, "the corpus is empty");
}

#[test]
#[ignore = "long: LEAFLET_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored --test-threads 1 --nocapture"]
fn fuzz_leaflet() {
    driver::long_run(Target::Leaflet);
}

#[test]
#[ignore = "long: LEAFLET_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored --test-threads 1 --nocapture"]
fn fuzz_translation() {
    driver::long_run(Target::Translation);
}

#[test]
#[ignore = "long: LEAFLET_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored --test-threads 1 --nocapture"]
fn fuzz_pipeline() {
    driver::long_run(Target::Pipeline);
}
