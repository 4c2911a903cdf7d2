//! `leaflet preview`: builds one leaflet exactly as `leaflet build` does, draws one page
//! of the document its PDF is written from, and writes that as a PNG (the PDF itself is
//! not written). Its path is chosen as `build` chooses the PDF's, with `.png`.

use std::path::Path;
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
    let index = args.page as usize - 1;
    let mut path = target.likely();
    let result = press_document(&args.leaflet, &options).map_err(|d| d.0).and_then(|built| {
        let png = preview::png(&built.document, index, args.dpi)
            .map_err(|e| vec![preview_error(&e, &args.leaflet)])?;
        path = target.path(built.other_languages);
        output::write(&path, &png, Kind::Png, &built.inputs).map_err(|d| vec![d])?;
        Ok((built, png.len()))
    });
    match result {
        Ok((built, bytes)) => {
            if !quiet {
                for d in &built.warnings {
                    eprintln!("{}", super::render::show(d));
                }
                let page = &built.document.pages[index];
                let langs: Vec<String> = built.leaflet.languages.iter().map(|l| l.tag.to_string()).collect();
                eprintln!(
                    "wrote {} (page {} of {}, {}, {} × {} px at {} dpi)",
                    path.display(),
                    args.page,
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
                        bytes.div_ceil(1024)
                    );
                    eprintln!("{}", super::sources(&args.leaflet, &built));
                }
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for d in &problems {
                eprintln!("{}", super::render::show(d));
            }
            eprintln!("error: {} was not previewed{}", args.leaflet.display(), super::unchanged(&path));
            ExitCode::FAILURE
        }
    }
}

fn preview_error(e: &PreviewError, leaflet: &Path) -> Diagnostic {
    let d = Diagnostic::error(e.to_string()).in_file(leaflet);
    match e {
        PreviewError::NoPage { pages: 1, .. } => {
            d.hint("the leaflet is one page; with layout = \"flip\" it has a page per language")
        }
        PreviewError::NoPage { pages, .. } => d.hint(format!("give --page 1 to --page {pages}")),
        PreviewError::TooLarge { .. } => d.hint("give a lower --dpi"),
        PreviewError::Dpi { .. } | PreviewError::Encode(_) => d,
    }
}
