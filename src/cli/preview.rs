//! `leaflet preview`: builds one leaflet exactly as `leaflet build` does, draws one page
//! (or, with `--all`, every page) of the document its PDF is written from, and writes
//! each as a PNG (the PDF itself is not written). Its path is chosen as `build` chooses
//! the PDF's, with `.png`; `--all` numbers the pages (`<stem>-1.png`, `<stem>-2.png`…).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::PreviewArgs;
use super::output::{self, Destination, Kind};
use crate::build::press_document;
use crate::diag::Diagnostic;
use crate::preview::{self, PreviewError};

pub fn run(args: &PreviewArgs, quiet: bool, verbose: bool) -> ExitCode {
    let langs = args.sources.langs.as_deref();
    let target =
        Destination::new(&args.leaflet, args.output.as_deref(), args.out_dir.as_deref(), langs, Kind::Png);
    let options = args.print.options(&args.sources);
    let mut path = target.likely();
    let mut written = 0;
    let result = press_document(&args.leaflet, &options).map_err(|d| d.0).and_then(|built| {
        path = target.path(built.other_languages);
        let pages = built.document.pages.len();
        let indexes: Vec<usize> = if args.all { (0..pages).collect() } else { vec![args.page as usize - 1] };
        // Every page drawn before any is written: a page that cannot be drawn writes none.
        let mut pngs = Vec::new();
        for &index in &indexes {
            let png = preview::png(&built.document, index, args.dpi)
                .map_err(|e| vec![preview_error(&e, &args.leaflet)])?;
            let page_path = if args.all { numbered(&path, index + 1) } else { path.clone() };
            pngs.push((index, page_path, png));
        }
        for (_, page_path, png) in &pngs {
            output::write(page_path, png, Kind::Png, &built.inputs).map_err(|d| vec![d])?;
            written += 1;
        }
        Ok((built, pngs))
    });
    match result {
        Ok((built, pngs)) => {
            if !quiet {
                for d in &built.warnings {
                    eprintln!("{}", super::render::show(d));
                }
                let langs: Vec<String> = built.leaflet.languages.iter().map(|l| l.tag.to_string()).collect();
                for (index, page_path, png) in &pngs {
                    let page = &built.document.pages[*index];
                    eprintln!(
                        "wrote {} (page {} of {}, {}, {} × {} px at {} dpi)",
                        page_path.display(),
                        index + 1,
                        built.document.pages.len(),
                        langs.join(" | "),
                        preview::pixels(page.width, args.dpi),
                        preview::pixels(page.height, args.dpi),
                        args.dpi
                    );
                    if verbose {
                        eprintln!(
                            "  page {:.1} × {:.1} mm, body {:.2} pt, {} KB",
                            page.width / crate::model::units::PT_PER_MM,
                            page.height / crate::model::units::PT_PER_MM,
                            built.document.body_size,
                            png.len().div_ceil(1024)
                        );
                    }
                }
                if verbose {
                    eprintln!("{}", super::sources(&args.leaflet, &built));
                }
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for d in &problems {
                eprintln!("{}", super::render::show(d));
            }
            if args.all {
                let kept = match written {
                    0 => "no PNG was written".to_string(),
                    n => format!("{n} page(s) were written before the error"),
                };
                eprintln!("error: {} was not previewed; {kept}", args.leaflet.display());
            } else {
                eprintln!("error: {} was not previewed{}", args.leaflet.display(), super::unchanged(&path));
            }
            ExitCode::FAILURE
        }
    }
}

/// `out/leaflet.png` → `out/leaflet-2.png`: page `n` of `--all`.
fn numbered(target: &Path, n: usize) -> PathBuf {
    let stem = target.file_stem().map_or_else(|| "page".into(), |s| s.to_string_lossy().into_owned());
    target.with_file_name(format!("{stem}-{n}.png"))
}

fn preview_error(e: &PreviewError, leaflet: &Path) -> Diagnostic {
    let d = Diagnostic::error(e.to_string()).in_file(leaflet);
    match e {
        PreviewError::NoPage { pages: 1, .. } => d.hint(
            "the leaflet is one page; `pages = 2` gives it a back, layout = \"flip\" a page per language",
        ),
        PreviewError::NoPage { pages, .. } => d.hint(format!("give --page 1 to --page {pages}")),
        PreviewError::TooLarge { .. } => d.hint("give a lower --dpi"),
        PreviewError::Picture(_) => d.hint("save the picture again as a PNG or a baseline JPEG"),
        PreviewError::Dpi { .. } | PreviewError::Encode(_) => d,
    }
}
