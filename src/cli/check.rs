//! `leaflet check`: runs the checks and prints what they found, as text (with a
//! summary line) or as JSON for scripts.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::args::{CheckArgs, Format};
use crate::check::check_all;
use crate::diag::{Diagnostic, Severity};

#[derive(Serialize)]
struct JsonReport {
    leaflets: Vec<JsonLeaflet>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonLeaflet {
    leaflet: String,
    diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
struct JsonDiagnostic {
    severity: &'static str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    hint: Option<String>,
}

impl From<&Diagnostic> for JsonDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        JsonDiagnostic {
            severity: if d.is_error() { "error" } else { "warning" },
            file: d.file.as_ref().map(|f| f.display().to_string()),
            line: d.at.map(|a| a.line),
            column: d.at.map(|a| a.column),
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }
}

pub fn run(args: &CheckArgs, quiet: bool) -> ExitCode {
    let leaflets = match super::leaflets_or_all(&args.leaflets) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", super::render::show(&e));
            return ExitCode::from(2);
        }
    };
    let reports = check_all(&leaflets, &args.sources.options());
    let count = |s: Severity| reports.iter().flat_map(|(_, d)| d).filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    match args.format {
        Format::Json => {
            let report = JsonReport {
                leaflets: reports
                    .iter()
                    .map(|(path, ds)| JsonLeaflet {
                        leaflet: path.display().to_string(),
                        diagnostics: ds.iter().map(JsonDiagnostic::from).collect(),
                    })
                    .collect(),
                errors,
                warnings,
            };
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        Format::Text => {
            for (path, ds) in &reports {
                for d in ds.iter().filter(|d| !quiet || d.is_error()) {
                    eprintln!("{}", super::render::show(d));
                }
                if !quiet && ds.is_empty() {
                    eprintln!("{}: ok", path.display());
                }
            }
            if !quiet || errors > 0 {
                eprintln!("{}", summary(&reports, errors, warnings));
            }
        }
    }
    if errors > 0 || (args.strict && warnings > 0) { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn summary(reports: &[(PathBuf, Vec<Diagnostic>)], errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "checked {}: {}, {}",
        plural(reports.len(), "leaflet"),
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}
