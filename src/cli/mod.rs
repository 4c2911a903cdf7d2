//! The command line: parses flags, runs the pipeline per leaflet, renders diagnostics on
//! stderr and turns the outcome into an exit code. The only module that prints.

mod args;
mod build;
mod check;
mod locale;
mod new;
mod output;
mod preview;
mod render;
mod serve;
mod watch;

use std::process::ExitCode;

use clap::Parser;

pub use args::{BuildArgs, Cli, Command, LocaleCommand};

use crate::diag::Diagnostic;

/// Runs the tool with the process's arguments; 0 on success, 1 when any leaflet failed.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Build(args) => build::run(&cli, args),
        Command::Check(args) => check::run(args, cli.quiet),
        Command::Preview(args) => preview::run(args, cli.quiet, cli.verbose),
        Command::Locale(LocaleCommand::Add(args)) => locale::run(args, cli.quiet),
        Command::Locale(LocaleCommand::Update(args)) => locale::run_update(args, cli.quiet),
        Command::New(args) => new::run(args, cli.quiet),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "leaflet", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => man(),
        Command::Watch(args) => watch::run(args, cli.quiet),
        Command::Serve(args) => serve::run(args, cli.quiet),
    }
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

/// What `build` and `watch` build with: the flags, and the date from `SOURCE_DATE_EPOCH`.
fn build_options(
    print: &args::Print,
    sources: &args::Sources,
) -> Result<crate::build::BuildOptions, Diagnostic> {
    let pdf = crate::pdf::PdfOptions { date: source_date_epoch()?, ..Default::default() };
    Ok(crate::build::BuildOptions { pdf, ..print.options(sources) })
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

/// "; out/x.pdf is unchanged" when `target` is a file (a failed build leaves it as it
/// was), else nothing: there is nothing unchanged to speak of.
fn unchanged(target: &std::path::Path) -> String {
    if target.is_file() { format!("; {} is unchanged", target.display()) } else { String::new() }
}

/// The `-v` lines on where a leaflet's parts came from: the leaflet, the translations
/// and fonts folders, and the font files its text is set in.
fn sources(leaflet: &std::path::Path, pressed: &crate::build::Pressed) -> String {
    let fonts_dir = match &pressed.fonts {
        Some(dir) => dir.display().to_string(),
        None => "none (built-in fonts only)".into(),
    };
    let doc = &pressed.document;
    // Each file once, in the order the faces were first drawn: a collection's faces,
    // and the four styles of a built-in family, share one origin.
    let mut files: Vec<&str> = Vec::new();
    for placed in doc.pages.iter().flat_map(|p| &p.items) {
        if let crate::layout::Item::Text(run) = &placed.item
            && !files.contains(&doc.faces[run.face].origin.as_str())
        {
            files.push(&doc.faces[run.face].origin);
        }
    }
    let folder = leaflet.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let files = if files.is_empty() { "none (no text)".to_string() } else { files.join(", ") };
    format!(
        "  leaflet folder: {}\n  locales folder: {}\n  fonts folder: {fonts_dir}\n  font files: {files}",
        folder.display(),
        pressed.locales.display(),
    )
}

/// The manual page, from the clap definitions: the main page, then each command's.
fn man() -> ExitCode {
    let command = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    let mut ok = clap_mangen::Man::new(command.clone()).render(&mut out).is_ok();
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let page = clap_mangen::Man::new(sub.clone()).title(format!("leaflet-{}", sub.get_name()));
        ok &= page.render(&mut out).is_ok();
    }
    match std::io::Write::write_all(&mut std::io::stdout(), &out) {
        Ok(()) if ok => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}
