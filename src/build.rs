//! The whole pipeline for one leaflet file: load → resolve → layout → PDF bytes.
//! Writes nothing to disk; the CLI decides where the bytes go.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Texts;
use crate::layout::Document;
use crate::model::{self, Language, Leaflet};
use crate::pdf::PdfOptions;
use crate::press::{self, PressOptions};
use crate::text::{FontChain, FontError, FontFamily};
use crate::{i18n, layout, pdf};

/// What the caller may override or fix (tests fix the date).
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Languages to set, in column order, instead of the leaflet's `languages`.
    pub langs: Option<Vec<String>>,
    /// The `locales` folder, instead of the nearest one above the leaflet.
    pub locales: Option<PathBuf>,
    /// The `fonts` folder, instead of the nearest one above the leaflet.
    pub fonts: Option<PathBuf>,
    /// Print messages still marked untranslated (marker showing) instead of failing.
    pub draft: bool,
    /// Paper (width, height in points), instead of the leaflet's `paper`.
    pub paper: Option<(f32, f32)>,
    /// Pages, instead of the leaflet's `pages`.
    pub pages: Option<crate::model::Pages>,
    /// Bleed in points, instead of the leaflet's `bleed`.
    pub bleed: Option<f32>,
    /// Crop marks, whatever the leaflet says.
    pub marks: bool,
    /// The colours to write the PDF in.
    pub color: crate::press::ColorMode,
    /// Copies per sheet (1, 2 or 4); 0 counts as 1.
    pub n_up: u8,
    /// Print back to back, the sheet turning on this edge (leaflets of several pages).
    pub duplex: Option<press::Duplex>,
    /// A folded leaflet's panels side by side in reading order (`preview --folded`).
    pub folded_proof: bool,
    pub pdf: PdfOptions,
}

#[derive(Debug)]
pub struct Built {
    pub leaflet: Leaflet,
    pub texts: Texts,
    pub document: Document,
    pub pdf: Vec<u8>,
    /// What is worth telling but did not stop the build (pictures of low resolution).
    pub warnings: Vec<Diagnostic>,
    /// Every file the PDF was made from (leaflet, translations, pictures, font files), so
    /// the PDF is never written over one of them.
    pub inputs: Vec<PathBuf>,
}

/// Everything but the PDF bytes: the pressed document a PDF or a preview is made from.
#[derive(Debug)]
pub struct Pressed {
    pub leaflet: Leaflet,
    pub texts: Texts,
    pub document: Document,
    pub warnings: Vec<Diagnostic>,
    pub inputs: Vec<PathBuf>,
}

pub fn build(path: &Path, options: &BuildOptions) -> Result<Built, Diagnostics> {
    let Pressed { leaflet, texts, document, warnings, inputs } = press_document(path, options)?;
    let pdf = pdf_bytes(path, &document, options)?;
    Ok(Built { leaflet, texts, document, pdf, warnings, inputs })
}

/// The pressed document of the leaflet at `path` as PDF bytes.
pub fn pdf_bytes(path: &Path, document: &Document, options: &BuildOptions) -> Result<Vec<u8>, Diagnostics> {
    let pdf_options = PdfOptions {
        output_intent: options.color == press::ColorMode::Cmyk,
        // A folded sheet is always printed on both sides.
        duplex: press::fold::duplex_edge(document.folding.as_ref(), options.duplex),
        ..options.pdf.clone()
    };
    pdf::write(document, &pdf_options).map_err(|e| Diagnostic::error(e.to_string()).in_file(path).into())
}

/// The leaflet laid out and pressed (bleed, marks, colours, imposition), not yet a PDF.
pub fn press_document(path: &Path, options: &BuildOptions) -> Result<Pressed, Diagnostics> {
    let (leaflet, locales) = prepare(path, options)?;
    let catalogs = i18n::load(&leaflet, &locales)?;
    let texts = i18n::resolve(&leaflet, &catalogs, options.draft)?;
    let fonts = load_fonts(&leaflet, fonts_dir(path, options).as_deref())?;
    let mut inputs = vec![path.to_path_buf()];
    inputs.extend(catalogs.iter().map(|c| c.file.clone()));
    inputs.extend(leaflet.blocks.iter().filter_map(|b| Some(b.image()?.picture.path.clone())));
    inputs.extend(fonts.faces().iter().map(|f| PathBuf::from(&f.origin)).filter(|p| p.is_file()));
    let document = layout::layout(&leaflet, &texts, &fonts)?;
    let warnings = crate::resolution::low_resolution(&leaflet, &document);
    let press = PressOptions {
        bleed: options.bleed.unwrap_or(leaflet.bleed),
        marks: options.marks || leaflet.marks,
        color: options.color,
        n_up: options.n_up,
        duplex: options.duplex,
        folded_proof: options.folded_proof,
    };
    if let Some(d) = fold_conflicts(&leaflet, options) {
        return Err(d.into());
    }
    if options.duplex.is_some() && document.pages.len() < 2 {
        return Err(Diagnostic::error("--duplex prints pages back to back, but this leaflet has one page")
            .in_file(path)
            .hint("set `pages = 2` (or --pages 2) for a front and a back, use layout = \"flip\" (a page per language), or leave out --duplex")
            .into());
    }
    let document = press::press(document, &press);
    Ok(Pressed { leaflet, texts, document, warnings, inputs })
}

/// Options that make no sense for a folded leaflet (or only for one).
fn fold_conflicts(leaflet: &Leaflet, options: &BuildOptions) -> Option<Diagnostic> {
    let path = &leaflet.source.path;
    let Some(fold) = leaflet.fold else {
        return options.folded_proof.then(|| {
            Diagnostic::error("--folded draws a folded leaflet's panels, but this leaflet does not fold")
                .in_file(path)
                .hint("add fold = \"roll\" (or \"half\", \"z\") to the leaflet, or leave out --folded")
        });
    };
    if options.n_up > 1 {
        return Some(
            Diagnostic::error(format!(
                "--n-up {} puts copies on a sheet, but a {} fold leaflet is already the whole sheet",
                options.n_up,
                fold.name()
            ))
            .in_file(path)
            .hint("leave out --n-up; to print the folded leaflet smaller, give a smaller `paper` (the flat sheet)"),
        );
    }
    options.pages.map(|_| {
        Diagnostic::error(
            "--pages does not apply to a folded leaflet: its pages are the two sides of the sheet",
        )
        .in_file(path)
        .hint("leave out --pages")
    })
}

/// The leaflet with the options applied (languages, orientation), and the locales
/// folder to read.
pub(crate) fn prepare(path: &Path, options: &BuildOptions) -> Result<(Leaflet, PathBuf), Diagnostics> {
    let mut leaflet = model::load(path)?;
    if let Some(langs) = &options.langs {
        leaflet.languages = override_languages(langs)?;
    }
    if let Some(paper) = options.paper {
        leaflet.set_paper(paper);
    }
    if let Some(pages) = options.pages {
        leaflet.pages = pages;
    }
    leaflet.settle_orientation();
    let locales = match &options.locales {
        Some(dir) => dir.clone(),
        None => i18n::find_locales_dir(path).ok_or_else(|| {
            Diagnostic::error(format!(
                "no `locales` folder found in {} or any folder above it",
                parent(path).display()
            ))
            .hint("create locales/<language>/<name>.ftl next to the leaflets folder, or pass --locales DIR")
        })?,
    };
    Ok((leaflet, locales))
}

pub(crate) fn fonts_dir(path: &Path, options: &BuildOptions) -> Option<PathBuf> {
    options.fonts.clone().or_else(|| crate::text::fonts::find_fonts_dir(path))
}

fn parent(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn override_languages(langs: &[String]) -> Result<Vec<Language>, Diagnostics> {
    let mut out: Vec<Language> = Vec::new();
    let mut problems = Vec::new();
    for text in langs {
        match model::parse_tag(text) {
            Ok(tag) if out.iter().any(|l| l.tag == tag) => {
                problems.push(Diagnostic::error(format!("--langs: `{text}` is given twice")))
            }
            Ok(tag) => out.push(Language { tag, span: None }),
            Err(e) => {
                problems.push(Diagnostic::error(format!("--langs: {e}")).hint("for example --langs en,es"))
            }
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::error("--langs names no language").hint("for example --langs en,es"));
    }
    if problems.is_empty() { Ok(out) } else { Err(Diagnostics(problems)) }
}

/// The leaflet's family and its fallback chain; every family not found is reported.
pub(crate) fn load_fonts(leaflet: &Leaflet, fonts_dir: Option<&Path>) -> Result<FontChain, Diagnostics> {
    let style = &leaflet.style;
    let primary = FontFamily::find(&style.font, fonts_dir)
        .map_err(|e| font_error(leaflet, &e, style.font_span.clone()));
    let mut problems = Vec::new();
    let mut fallbacks = Vec::new();
    for (name, span) in &style.fallback {
        match FontFamily::find(name, fonts_dir) {
            Ok(family) => fallbacks.push(family),
            Err(e) => problems.push(font_error(leaflet, &e, span.clone())),
        }
    }
    match primary {
        Ok(primary) if problems.is_empty() => Ok(FontChain::new(primary, fallbacks)),
        Ok(_) => Err(Diagnostics(problems)),
        Err(d) => {
            problems.insert(0, d);
            Err(Diagnostics(problems))
        }
    }
}

fn font_error(leaflet: &Leaflet, e: &FontError, span: Option<std::ops::Range<usize>>) -> Diagnostic {
    let mut d = Diagnostic::error(e.to_string());
    if let Some(span) = &span {
        d = d.at(&leaflet.source.path, &leaflet.source.text, span.clone());
    } else {
        d = d.in_file(&leaflet.source.path);
    }
    match e {
        FontError::NotFound { unreadable, .. } if !unreadable.is_empty() => {
            let list: Vec<String> = unreadable.iter().map(|p| p.display().to_string()).collect();
            d.hint(format!(
                "these files in the fonts folder could not be read as fonts: {}; replace them with \
                 working .ttf/.otf files",
                list.join(", ")
            ))
        }
        FontError::NotFound { name, available, searched, .. } => {
            let where_ = match searched {
                Some(dir) => format!("put its .ttf/.otf files in {}", dir.display()),
                None => "create a fonts/ folder with its .ttf/.otf files (or pass --fonts DIR)".into(),
            };
            match crate::diag::closest(name, available.iter().map(String::as_str)) {
                Some(best) => d.hint(format!("did you mean \"{best}\"? Otherwise {where_}")),
                None => d.hint(format!("fonts available: {}; or {where_}", available.join(", "))),
            }
        }
        FontError::Unusable { .. } => {
            d.hint("replace or remove the file; fonts must be TrueType or OpenType")
        }
    }
}
