//! `leaflet watch`: builds the leaflet, then again whenever the leaflet, its translations,
//! its pictures or the fonts change (debounced, so an editor's save is one rebuild).
//! A failed build prints its errors and keeps watching; the last good PDF stays.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use notify::{Event, EventKind, RecursiveMode, Watcher};

use super::args::WatchArgs;
use super::output::{self, Destination, Kind};
use crate::build::{BuildOptions, press_document};

/// Changes closer together than this are one rebuild.
const DEBOUNCE: Duration = Duration::from_millis(250);

pub fn run(args: &WatchArgs, quiet: bool) -> ExitCode {
    let langs = args.sources.langs.as_deref();
    let pdf =
        Destination::new(&args.leaflet, args.output.as_deref(), args.out_dir.as_deref(), langs, Kind::Pdf);
    let png = args.preview.then(|| pdf.with_kind(Kind::Png));
    let options = match super::build_options(&args.print, &args.sources) {
        Ok(options) => options,
        Err(d) => {
            eprintln!("{}", super::render::show(&d));
            return ExitCode::from(2);
        }
    };

    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch for changes: {e}");
            return ExitCode::FAILURE;
        }
    };
    let folders = watched_folders(&args.leaflet, &options);
    for folder in &folders {
        if let Err(e) = watcher.watch(folder, RecursiveMode::Recursive) {
            eprintln!("error: cannot watch {}: {e}", folder.display());
            return ExitCode::FAILURE;
        }
    }
    if !quiet {
        let list: Vec<String> = folders.iter().map(|f| f.display().to_string()).collect();
        eprintln!("watching {} (Ctrl-C to stop)", list.join(", "));
    }
    rebuild(args, &options, &pdf, png.as_ref(), quiet);
    // What this watch writes is no change to build for: either name either output may have.
    let written: Vec<PathBuf> = std::iter::once(&pdf).chain(&png).flat_map(Destination::possible).collect();
    let ours = |p: &Path| written.iter().any(|w| output::is_output(p, w));
    let relevant = |event: &Event| -> Option<PathBuf> {
        // Reading a file (as every build does) is not a change.
        if !matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)) {
            return None;
        }
        event.paths.iter().find(|p| !ours(p) && !is_temporary(p)).cloned()
    };
    while let Ok(event) = rx.recv() {
        let Some(mut changed) = event.ok().as_ref().and_then(relevant) else { continue };
        // An editor's save is often several events (a temporary file renamed over the
        // old one): wait until they stop, then build once, naming a file that is there.
        while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
            if let Some(path) = more.ok().as_ref().and_then(relevant).filter(|p| p.exists()) {
                changed = path;
            }
        }
        if !quiet {
            eprintln!("changed: {}", changed.display());
        }
        rebuild(args, &options, &pdf, png.as_ref(), quiet);
    }
    ExitCode::SUCCESS
}

/// The leaflet's folder (pictures sit beside it), its translations and the fonts folder.
fn watched_folders(leaflet: &Path, options: &BuildOptions) -> Vec<PathBuf> {
    let parent = leaflet.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut folders = vec![parent.to_path_buf()];
    folders.extend(options.locales.clone().or_else(|| crate::i18n::find_locales_dir(leaflet)));
    folders.extend(crate::build::fonts_dir(leaflet, options));
    folders.retain(|f| f.is_dir());
    folders.dedup();
    folders
}

/// Builds once and says how it went; never exits.
fn rebuild(
    args: &WatchArgs,
    options: &BuildOptions,
    pdf: &Destination,
    png: Option<&Destination>,
    quiet: bool,
) {
    let mut pdf_path = pdf.likely();
    let mut png_path = png.map(Destination::likely);
    let mut pdf_written = false;
    let result = press_document(&args.leaflet, options).map_err(|d| d.0).and_then(|built| {
        let bytes = crate::build::pdf_bytes(&args.leaflet, &built.document, options).map_err(|d| d.0)?;
        pdf_path = pdf.path(built.other_languages);
        png_path = png.map(|png| png.path(built.other_languages));
        // The picture is drawn before anything is written, so a failure to draw it
        // leaves the PDF as it was too.
        let picture =
            match &png_path {
                Some(_) => Some(crate::preview::png(&built.document, 0, args.dpi).map_err(|e| {
                    vec![crate::diag::Diagnostic::error(e.to_string()).in_file(&args.leaflet)]
                })?),
                None => None,
            };
        output::write(&pdf_path, &bytes, Kind::Pdf, &built.inputs).map_err(|d| vec![d])?;
        pdf_written = true;
        if let (Some(png_path), Some(picture)) = (&png_path, &picture) {
            output::write(png_path, picture, Kind::Png, &built.inputs).map_err(|d| vec![d])?;
        }
        Ok(built)
    });
    match result {
        Ok(built) if !quiet => {
            for d in &built.warnings {
                eprintln!("{}", super::render::show(d));
            }
            let also = png_path.map(|p| format!(" and {}", p.display())).unwrap_or_default();
            eprintln!("wrote {}{also} (body {:.2} pt)", pdf_path.display(), built.document.body_size);
        }
        Ok(_) => {}
        Err(problems) => {
            for d in &problems {
                eprintln!("{}", super::render::show(d));
            }
            match &png_path {
                Some(png) if pdf_written => eprintln!(
                    "error: wrote {} but not {}. Watching for the next change.",
                    pdf_path.display(),
                    png.display()
                ),
                _ => {
                    let unchanged = super::unchanged(&pdf_path);
                    eprintln!("error: not rebuilt{unchanged}. Watching for the next change.");
                }
            }
        }
    }
}

/// Our own temporary files while writing, and editors' swap and backup files.
fn is_temporary(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.starts_with(".leaflet-") || name.ends_with('~') || name.ends_with(".swp") || name.starts_with(".#")
}
