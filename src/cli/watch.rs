//! `leaflet watch`: builds the leaflet, then again whenever the leaflet, its translations,
//! its pictures or the fonts change (debounced, so an editor's save is one rebuild).
//! A failed build prints its errors and keeps watching; the last good PDF stays.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use notify::{Event, EventKind, RecursiveMode, Watcher};

use super::args::WatchArgs;
use super::output;
use crate::build::{BuildOptions, press_document};

/// Changes closer together than this are one rebuild.
const DEBOUNCE: Duration = Duration::from_millis(250);

pub fn run(args: &WatchArgs, quiet: bool) -> ExitCode {
    let pdf = output::output_path(&args.leaflet, args.output.as_deref(), args.out_dir.as_deref());
    let png = args.preview.then(|| pdf.with_extension("png"));
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
    rebuild(args, &options, &pdf, png.as_deref(), quiet);
    let ours = |p: &Path| is_output(p, &pdf) || png.as_deref().is_some_and(|png| is_output(p, png));
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
        rebuild(args, &options, &pdf, png.as_deref(), quiet);
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
fn rebuild(args: &WatchArgs, options: &BuildOptions, pdf: &Path, png: Option<&Path>, quiet: bool) {
    let result = press_document(&args.leaflet, options).map_err(|d| d.0).and_then(|built| {
        let inputs: Vec<&Path> = built.inputs.iter().map(PathBuf::as_path).collect();
        let bytes = crate::build::pdf_bytes(&args.leaflet, &built.document, options).map_err(|d| d.0)?;
        output::write_atomically(pdf, &bytes, "PDF", &inputs).map_err(|d| vec![d])?;
        if let Some(png) = png {
            let picture = crate::preview::png(&built.document, 0, args.dpi)
                .map_err(|e| vec![crate::diag::Diagnostic::error(e.to_string()).in_file(&args.leaflet)])?;
            output::write_atomically(png, &picture, "PNG", &inputs).map_err(|d| vec![d])?;
        }
        Ok(built)
    });
    match result {
        Ok(built) if !quiet => {
            for d in &built.warnings {
                eprintln!("{}", super::render::show(d));
            }
            let also = png.map(|p| format!(" and {}", p.display())).unwrap_or_default();
            eprintln!("wrote {}{also} (body {:.2} pt)", pdf.display(), built.document.body_size);
        }
        Ok(_) => {}
        Err(problems) => {
            for d in &problems {
                eprintln!("{}", super::render::show(d));
            }
            eprintln!("error: not rebuilt; {} is unchanged. Watching for the next change.", pdf.display());
        }
    }
}

/// Whether `path` is the output itself (by file name and folder, which may not exist yet).
fn is_output(path: &Path, output: &Path) -> bool {
    let canonical = |p: &Path| {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        dir.canonicalize().ok().map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    path.file_name() == output.file_name() && canonical(path) == canonical(output)
}

/// Our own temporary files while writing, and editors' swap and backup files.
fn is_temporary(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.starts_with(".leaflet-") || name.ends_with('~') || name.ends_with(".swp") || name.starts_with(".#")
}
