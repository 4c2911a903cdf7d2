//! `leaflet preview`: builds one leaflet exactly as `leaflet build` does, draws one page
//! of the document its PDF is written from, and writes that as a PNG (the PDF itself is
//! not written). The only place that chooses the PNG's path.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::PreviewArgs;
use super::output;
use crate::build::press_document;
use crate::diag::Diagnostic;
use crate::preview::{self, PreviewError};

pub fn run(args: &PreviewArgs, quiet: bool, verbose: bool) -> ExitCode {
    let target = png_path(args);
    let options = args.print.options(&args.sources);
    let index = args.page as usize - 1;
    let result = press_document(&args.leaflet, &options).map_err(|d| d.0).and_then(|built| {
        let png = preview::png(&built.document, index, args.dpi)
            .map_err(|e| vec![preview_error(&e, &args.leaflet)])?;
        let inputs: Vec<&Path> = built.inputs.iter().map(PathBuf::as_path).collect();
        output::write_atomically(&target, &png, "PNG", &inputs).map_err(|d| vec![d])?;
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
                    target.display(),
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
                }
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for d in &problems {
                eprintln!("{}", super::render::show(d));
            }
            eprintln!(
                "error: {} was not previewed; {} is unchanged",
                args.leaflet.display(),
                target.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// `-o`, else `<out-dir>/<stem>.png`, beside where `leaflet build` puts the PDF.
fn png_path(args: &PreviewArgs) -> PathBuf {
    match &args.output {
        Some(path) => path.clone(),
        None => output::output_path(&args.leaflet, None, args.out_dir.as_deref()).with_extension("png"),
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
        PreviewError::Picture(_) => d.hint("save the picture again as a PNG or a baseline JPEG"),
        PreviewError::Dpi { .. } | PreviewError::Encode(_) => d,
    }
}
