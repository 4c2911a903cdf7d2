//! The command line: parses flags, runs the pipeline per leaflet, renders diagnostics on
//! stderr and turns the outcome into an exit code. The only module that prints.

mod args;
mod check;
mod locale;
mod output;
mod preview;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

pub use args::{BuildArgs, Cli, Command, LocaleCommand};

use crate::build::{BuildOptions, build};
use crate::diag::Diagnostic;
use crate::pdf::PdfOptions;

/// Runs the tool with the process's arguments; 0 on success, 1 when any leaflet failed.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Build(args) => run_build(&cli, args),
        Command::Check(args) => check::run(args, cli.quiet),
        Command::Preview(args) => preview::run(args, cli.quiet, cli.verbose),
        Command::Locale(LocaleCommand::Add(args)) => locale::run(args, cli.quiet),
    }
}

fn run_build(cli: &Cli, args: &BuildArgs) -> ExitCode {
    if args.output.is_some() && args.leaflets.len() > 1 {
        eprintln!(
            "error: -o names one file, but {} leaflets were given\n  help: use --out-dir DIR instead",
            args.leaflets.len()
        );
        return ExitCode::from(2);
    }
    let date = match source_date_epoch() {
        Ok(date) => date,
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::from(2);
        }
    };
    let options =
        BuildOptions { pdf: PdfOptions { date, ..Default::default() }, ..args.print.options(&args.sources) };
    let mut failed = 0;
    for leaflet in &args.leaflets {
        let target = output::output_path(leaflet, args.output.as_deref(), args.out_dir.as_deref());
        let result = build(leaflet, &options).map_err(|d| d.0).and_then(|built| {
            let inputs: Vec<&Path> = vec![leaflet.as_path()];
            output::write_atomically(&target, &built.pdf, "PDF", &inputs).map_err(|d| vec![d])?;
            Ok(built)
        });
        match result {
            Ok(built) => {
                if !cli.quiet {
                    let langs: Vec<String> =
                        built.leaflet.languages.iter().map(|l| l.tag.to_string()).collect();
                    eprintln!(
                        "wrote {} ({}, {} KB)",
                        target.display(),
                        langs.join(" | "),
                        built.pdf.len().div_ceil(1024)
                    );
                }
                if cli.verbose {
                    let page = built.leaflet.page;
                    let style = &built.leaflet.style;
                    let fitted = built.document.body_size;
                    let note = match fitted.total_cmp(&style.size) {
                        std::cmp::Ordering::Less => {
                            format!(" (shrunk from {} pt to fit)", style.size)
                        }
                        std::cmp::Ordering::Greater => {
                            format!(" (grown from {} pt to fill the page)", style.size)
                        }
                        std::cmp::Ordering::Equal => String::new(),
                    };
                    eprintln!(
                        "  page {:.1} × {:.1} mm, body {:.2} pt {}{note}, {} block(s)",
                        page.width / crate::model::units::PT_PER_MM,
                        page.height / crate::model::units::PT_PER_MM,
                        fitted,
                        style.font,
                        built.leaflet.blocks.len()
                    );
                }
            }
            Err(problems) => {
                failed += 1;
                for d in &problems {
                    eprintln!("{d}");
                }
                eprintln!("error: {} was not built; {} is unchanged", leaflet.display(), target.display());
            }
        }
    }
    if failed > 0 && args.leaflets.len() > 1 {
        eprintln!("error: {failed} of {} leaflets failed", args.leaflets.len());
    }
    if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// The leaflets named, or every `leaflets/*.toml` under the current folder.
fn leaflets_or_all(named: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>, Diagnostic> {
    if !named.is_empty() {
        return Ok(named.to_vec());
    }
    let mut all: Vec<std::path::PathBuf> = std::fs::read_dir("leaflets")
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    all.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    all.sort();
    if all.is_empty() {
        return Err(Diagnostic::error("no leaflets given and no leaflets/*.toml here")
            .hint("name the leaflets, e.g. leaflet check leaflets/peru-solidarity.toml"));
    }
    Ok(all)
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for "now".
fn source_date_epoch() -> Result<Option<i64>, Diagnostic> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => v.trim().parse::<i64>().map(Some).map_err(|_| {
            Diagnostic::error(format!("SOURCE_DATE_EPOCH is `{v}`, not a number of seconds"))
                .hint("set it to seconds since 1970, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it")
        }),
    }
}
