//! `leaflet build`: every leaflet named (or every `*.toml` in a folder named), built in
//! parallel across the machine's cores. Each leaflet succeeds or fails on its own; the
//! messages come out in the order the leaflets were given, whatever order they finish in.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::args::{BuildArgs, Cli};
use super::output::{self, Destination, Kind};
use crate::build::{BuildOptions, Built, build};
use crate::diag::Diagnostic;

/// What one leaflet's build has to say, rendered, and whether it worked.
struct Outcome {
    lines: Vec<String>,
    ok: bool,
}

pub fn run(cli: &Cli, args: &BuildArgs) -> ExitCode {
    let leaflets = match expand(&args.leaflets) {
        Ok(leaflets) => leaflets,
        Err(d) => {
            eprintln!("{}", super::render::show(&d));
            return ExitCode::from(2);
        }
    };
    if args.output.is_some() && leaflets.len() > 1 {
        eprintln!(
            "error: -o names one file, but {} leaflets were given\n  help: use --out-dir DIR instead",
            leaflets.len()
        );
        return ExitCode::from(2);
    }
    let langs = args.sources.langs.as_deref();
    let targets: Vec<Destination> = leaflets
        .iter()
        .map(|l| Destination::new(l, args.output.as_deref(), args.out_dir.as_deref(), langs, Kind::Pdf))
        .collect();
    if let Some(d) = clashing_targets(&leaflets, &targets) {
        eprintln!("{}", super::render::show(&d));
        return ExitCode::from(2);
    }
    let options = match super::build_options(&args.print, &args.sources) {
        Ok(options) => options,
        Err(d) => {
            eprintln!("{}", super::render::show(&d));
            return ExitCode::from(2);
        }
    };

    let started = std::time::Instant::now();
    let failed = AtomicUsize::new(0);
    let bar = progress_bar(leaflets.len(), cli.quiet);
    let report = |_: usize, outcome: Outcome| {
        if !outcome.ok {
            failed.fetch_add(1, Ordering::Relaxed);
        }
        for line in &outcome.lines {
            match &bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
        }
    };
    let work = |i: usize| {
        let outcome = build_one(cli, args, &leaflets[i], &targets[i], &options);
        if let Some(bar) = &bar {
            bar.set_message(leaflets[i].display().to_string());
            bar.inc(1);
        }
        outcome
    };
    in_parallel(leaflets.len(), work, report);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    let failed = failed.into_inner();
    if failed > 0 && leaflets.len() > 1 {
        eprintln!("error: {failed} of {} leaflets failed", leaflets.len());
    } else if leaflets.len() > 1 && !cli.quiet {
        eprintln!("built {} leaflets in {:.2} s", leaflets.len(), started.elapsed().as_secs_f32());
    }
    if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// A progress bar on a terminal, for batches of several leaflets; none when stderr is a
/// file or a pipe (the lines say it all there) or with -q.
fn progress_bar(n: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || n < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} leaflets  {wide_msg}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    Some(indicatif::ProgressBar::new(n as u64).with_style(style.progress_chars("█▌ ")))
}

/// Leaflet files as given, a folder standing for the `*.toml` files in it (sorted).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|e| {
            Diagnostic::error(format!("cannot read the folder: {e}")).in_file(path).hint("check the path")
        })?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
            .collect();
        if found.is_empty() {
            return Err(Diagnostic::error("this folder has no .toml leaflets")
                .in_file(path)
                .hint("name leaflet files, or a folder holding them, e.g. leaflet build leaflets/"));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// Two leaflets that would write the same PDF (same name in different folders). With
/// `--langs`, by the names after it, which the leaflets' own languages may yet undo.
fn clashing_targets(leaflets: &[PathBuf], targets: &[Destination]) -> Option<Diagnostic> {
    let targets: Vec<PathBuf> = targets.iter().map(Destination::likely).collect();
    for (i, t) in targets.iter().enumerate() {
        if let Some(j) = targets[..i].iter().position(|u| u == t) {
            return Some(
                Diagnostic::error(format!(
                    "{} and {} would both be written to {}",
                    leaflets[j].display(),
                    leaflets[i].display(),
                    t.display()
                ))
                .hint("build them separately with -o, or rename one of them"),
            );
        }
    }
    None
}

/// Runs `work(0..n)` on up to one thread per core; `report` gets each result in index
/// order, as soon as it and every one before it are done.
fn in_parallel<T: Send>(n: usize, work: impl Fn(usize) -> T + Sync, report: impl FnMut(usize, T) + Send) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(n).max(1);
    let next = AtomicUsize::new(0);
    // Finished results waiting for their turn, and the next index to report.
    let pending: Mutex<(Vec<Option<T>>, usize, _)> = Mutex::new(((0..n).map(|_| None).collect(), 0, report));
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            let result = work(i);
            let mut guard = pending.lock().unwrap_or_else(|e| e.into_inner());
            let (done, reported, report) = &mut *guard;
            done[i] = Some(result);
            while *reported < n
                && let Some(r) = done[*reported].take()
            {
                report(*reported, r);
                *reported += 1;
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(worker);
        }
        worker();
    });
}

fn build_one(
    cli: &Cli,
    args: &BuildArgs,
    leaflet: &Path,
    target: &Destination,
    options: &BuildOptions,
) -> Outcome {
    let mut lines = Vec::new();
    let built = match build(leaflet, options) {
        Ok(built) => built,
        Err(problems) => {
            lines.extend(problems.0.iter().map(super::render::show));
            lines.push(not_built(leaflet, &target.likely()));
            return Outcome { lines, ok: false };
        }
    };
    let path = target.path(built.pressed.other_languages);
    if let Err(d) = output::write(&path, &built.pdf, Kind::Pdf, &built.pressed.inputs) {
        lines.push(super::render::show(&d));
        lines.push(not_built(leaflet, &path));
        return Outcome { lines, ok: false };
    }
    if !cli.quiet {
        lines.extend(built.pressed.warnings.iter().map(super::render::show));
        lines.extend(built.pressed.notes.iter().cloned());
        lines.push(wrote(&built, &path, args.print.n_up));
    }
    if cli.verbose {
        lines.push(details(&built));
        lines.push(super::sources(leaflet, &built.pressed));
        lines.extend(fonts_found(&built));
        lines.extend(page_rows(&built));
    }
    Outcome { lines, ok: true }
}

/// "error: x.toml was not built", and that its output is unchanged if there is one.
fn not_built(leaflet: &Path, target: &Path) -> String {
    let unchanged = super::unchanged(target);
    format!("error: {} was not built{unchanged}", leaflet.display())
}

/// "wrote out/x.pdf (en | es, 2 copies on A4 landscape, 29 KB)".
fn wrote(built: &Built, target: &Path, n_up: u8) -> String {
    let langs: Vec<String> = built.pressed.leaflet.languages.iter().map(|l| l.tag.to_string()).collect();
    // Imposed copies: the sheet they are on, which may be larger than A4.
    let sheet = match built.pressed.document.pages.first() {
        Some(page) if n_up > 1 => {
            format!(", {n_up} copies on {}", crate::press::sheet_name(page.width, page.height))
        }
        _ => String::new(),
    };
    format!(
        "wrote {} ({}{sheet}, {} KB)",
        target.display(),
        langs.join(" | "),
        built.pdf.len().div_ceil(1024)
    )
}

/// The `-v` line: page size, the body size fitting chose, the font, the blocks.
fn details(built: &Built) -> String {
    let page = built.pressed.leaflet.page;
    let style = &built.pressed.leaflet.style;
    let fitted = built.pressed.document.body_size;
    let note = match fitted.total_cmp(&style.size) {
        std::cmp::Ordering::Less => format!(" (shrunk from {} pt to fit)", style.size),
        std::cmp::Ordering::Greater => format!(" (grown from {} pt to fill the page)", style.size),
        std::cmp::Ordering::Equal => String::new(),
    };
    format!(
        "  page {:.1} × {:.1} mm, body {:.2} pt {}{note}, {} block(s)",
        page.width / crate::model::units::PT_PER_MM,
        page.height / crate::model::units::PT_PER_MM,
        fitted,
        style.font,
        built.pressed.leaflet.blocks.len()
    )
}

/// The `-v` lines for families taken from the fonts folder or the system for scripts the
/// leaflet's fonts lack: "  Bengali: Noto Sans Bengali (/usr/share/fonts/…)".
fn fonts_found(built: &Built) -> Vec<String> {
    built.pressed.fonts_found.iter().map(|f| format!("  {}: {} ({})", f.script, f.family, f.origin)).collect()
}

/// The `-v` lines for each laid-out page: its rows, top to bottom, and how many lines
/// each language has there ("en 6, es 7"), a row split over a page break on both pages.
fn page_rows(built: &Built) -> Vec<String> {
    let mut out = Vec::new();
    for (n, rows) in built.pressed.document.flow.iter().enumerate() {
        // A folded leaflet's layout pages are its panels.
        let page = match &built.pressed.document.folding {
            Some(folding) => format!("{} panel", folding.panels[n].name.name()),
            None => format!("page {}", n + 1),
        };
        out.push(format!("  {page}: {} row(s)", rows.len()));
        for row in rows {
            let what = match row.block {
                Some(i) => built.pressed.leaflet.blocks[i].describe(i),
                None => "turn-over line".into(),
            };
            let lines: Vec<String> = row.lines.iter().map(|(lang, n)| format!("{lang} {n}")).collect();
            out.push(format!("    {what}, lines: {}", lines.join(", ")));
        }
    }
    out
}
