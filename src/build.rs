//! The whole pipeline for one leaflet file: load → resolve → layout → press → PDF bytes.
//! One function runs it for `build`, `check`, `preview` and `watch`. Writes nothing to
//! disk; the CLI decides where the bytes go.

use std::path::{Path, PathBuf};

use crate::coverage::FontFound;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{Catalog, Texts};
use crate::layout::Document;
use crate::model::{self, Language, Leaflet};
use crate::pdf::PdfOptions;
use crate::press::{self, PressOptions};
use crate::text::{FontChain, FontError, FontSources, SystemFonts};
use crate::{i18n, layout, pdf};

/// What the caller may override or fix (tests fix the date).
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Languages to set, in column order, instead of the leaflet's `languages`.
    pub langs: Option<Vec<String>>,
    /// The `locales` folder, instead of the nearest one above the leaflet.
    pub locales: Option<PathBuf>,
    /// The `fonts` folder (or one font file), instead of the nearest one above the leaflet.
    pub fonts: Option<PathBuf>,
    /// Where the system's fonts are looked for (tests give their own folders, or none).
    pub system_fonts: SystemFonts,
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
    /// Embed pictures as they are, however far above print resolution (`--keep-pictures`).
    pub keep_pictures: bool,
    pub pdf: PdfOptions,
    /// Translation files' text to use instead of what is on disk, by the file's path as
    /// the locales folder names it (`serve`: a translator's edits, not yet saved).
    pub unsaved: std::collections::BTreeMap<PathBuf, String>,
}

/// A leaflet built: the pressed document and the PDF written from it.
#[derive(Debug)]
pub struct Built {
    pub pressed: Pressed,
    pub pdf: Vec<u8>,
}

/// Everything but the PDF bytes: the pressed document a PDF or a preview is made from.
#[derive(Debug)]
pub struct Pressed {
    pub leaflet: Leaflet,
    pub texts: Texts,
    pub document: Document,
    /// What is worth telling but did not stop the build: type shrunk to fit, text near
    /// the trim, pictures of low resolution (and, for `check`, what it looks at too).
    pub warnings: Vec<Diagnostic>,
    /// What was done that the user should hear of: pictures resampled to print resolution.
    pub notes: Vec<String>,
    /// Every file the document was made from (leaflet, translations, pictures, font
    /// files), so the output is never written over one of them.
    pub inputs: Vec<PathBuf>,
    /// The translations folder read.
    pub locales: PathBuf,
    /// The fonts folder searched, if any (else only the built-in fonts).
    pub fonts: Option<PathBuf>,
    /// `langs` set other languages than the leaflet's own (or its own in another order),
    /// so the output is not the leaflet's usual one and is named apart from it.
    pub other_languages: bool,
    /// Families taken for scripts the leaflet's fonts lack (for `-v`).
    pub fonts_found: Vec<FontFound>,
}

pub fn build(path: &Path, options: &BuildOptions) -> Result<Built, Diagnostics> {
    let pressed = press_document(path, options)?;
    let pdf = pdf_bytes(path, &pressed.document, options)?;
    Ok(Built { pressed, pdf })
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

/// The leaflet laid out and pressed (bleed, marks, colours, imposition), not yet a PDF;
/// every problem found on the way, errors and warnings, when it cannot be.
pub fn press_document(path: &Path, options: &BuildOptions) -> Result<Pressed, Diagnostics> {
    pipeline(path, options, &mut ()).map_err(Diagnostics)
}

/// What a caller of the pipeline looks at on the way that pressing does not need
/// (`check`: languages without hyphenation, messages and arguments nothing uses). What
/// it returns joins the pipeline's diagnostics where it was found.
pub(crate) trait Inspect {
    /// The leaflet, loaded and with the options applied.
    fn leaflet(&mut self, _leaflet: &Leaflet) -> Vec<Diagnostic> {
        Vec::new()
    }
    /// The translations that loaded, which may be fewer than the leaflet's languages.
    fn catalogs(&mut self, _leaflet: &Leaflet, _catalogs: &[Catalog]) -> Vec<Diagnostic> {
        Vec::new()
    }
}

/// Pressing alone looks at nothing more.
impl Inspect for () {}

/// The one pipeline `build`, `check`, `preview` and `watch` run: load → translate → lay
/// out → press. Each stage that can run does, so one run reports every problem it can
/// find; it stops after the stage where an error was found. `Err` holds the diagnostics
/// in the order found (warnings too); on success they are the `Pressed`'s warnings.
pub(crate) fn pipeline(
    path: &Path,
    options: &BuildOptions,
    inspect: &mut dyn Inspect,
) -> Result<Pressed, Vec<Diagnostic>> {
    let (mut leaflet, locales, other_languages) = prepare(path, options).map_err(|d| d.0)?;
    let mut found = inspect.leaflet(&leaflet);
    let mut catalogs = Vec::new();
    // A language whose translations fail to load still lets the others be resolved,
    // so their problems are found in the same run.
    for result in
        i18n::load_each_with(&leaflet, &locales, &options.unsaved).map_err(|d| with(&mut found, d))?
    {
        match result {
            Ok(catalog) => catalogs.push(catalog),
            Err(d) => found.extend(d),
        }
    }
    found.extend(inspect.catalogs(&leaflet, &catalogs));
    let all_loaded = catalogs.len() == leaflet.languages.len();
    let texts = i18n::resolve(&leaflet, &catalogs, options.draft).map_err(|d| with(&mut found, d))?;
    if !all_loaded || found.iter().any(Diagnostic::is_error) {
        return Err(found);
    }
    let sources = font_sources(path, options);
    let fonts_dir = fonts_dir(path, options);
    let (fonts, fonts_found) = load_fonts(&leaflet, &texts, &sources).map_err(|d| with(&mut found, d))?;
    // SVG text set in the families the leaflet's text finds its own in.
    leaflet.set_svg_fonts(&sources).map_err(|d| with(&mut found, crate::diag::Diagnostics(d)))?;
    let mut inputs = vec![path.to_path_buf()];
    inputs.extend(catalogs.iter().map(|c| c.file.clone()));
    inputs.extend(leaflet.blocks.iter().filter_map(|b| Some(b.image()?.picture.path.clone())));
    inputs.extend(fonts.faces().iter().map(|f| PathBuf::from(&f.origin)).filter(|p| p.is_file()));
    let mut document = layout::layout(&leaflet, &texts, &fonts).map_err(|d| with(&mut found, d))?;
    found.extend(crate::warnings::layout_warnings(&leaflet, &document));
    // After the resolution warnings, which judge the pictures as given.
    let notes = if options.keep_pictures {
        Vec::new()
    } else {
        match crate::resample::fit_pictures(&mut document) {
            Ok(notes) => notes,
            Err(reason) => {
                found.push(Diagnostic::error(reason).in_file(path));
                return Err(found);
            }
        }
    };
    let press = PressOptions {
        bleed: options.bleed.unwrap_or(leaflet.bleed),
        marks: options.marks || leaflet.marks,
        color: options.color,
        n_up: options.n_up,
        duplex: options.duplex,
        folded_proof: options.folded_proof,
    };
    if let Some(d) = fold_conflicts(&leaflet, options) {
        found.push(d);
        return Err(found);
    }
    if options.duplex.is_some() && document.pages.len() < 2 {
        found.push(
            Diagnostic::error("--duplex prints pages back to back, but this leaflet has one page")
                .in_file(path)
                .hint("set `pages = 2` (or --pages 2) for a front and a back, use layout = \"flip\" (a page per language), or leave out --duplex"),
        );
        return Err(found);
    }
    let document = match press::press(document, &press) {
        Ok(document) => document,
        Err(e) => {
            found.push(
                Diagnostic::error(e.to_string())
                    .in_file(path)
                    .hint("save the picture again as a PNG or a baseline JPEG, or build in RGB"),
            );
            return Err(found);
        }
    };
    Ok(Pressed {
        leaflet,
        texts,
        document,
        warnings: found,
        notes,
        inputs,
        locales,
        fonts: fonts_dir,
        other_languages,
        fonts_found,
    })
}

/// `found` with the diagnostics of the stage that failed added at its end.
fn with(found: &mut Vec<Diagnostic>, failed: Diagnostics) -> Vec<Diagnostic> {
    let mut all = std::mem::take(found);
    all.extend(failed.0);
    all
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

/// The leaflet with the options applied (languages, orientation), the locales folder to
/// read, and whether the languages are other than the leaflet's own.
fn prepare(path: &Path, options: &BuildOptions) -> Result<(Leaflet, PathBuf, bool), Diagnostics> {
    let mut leaflet = model::load(path)?;
    let mut other_languages = false;
    if let Some(langs) = &options.langs {
        let langs = override_languages(langs)?;
        // The leaflet's own languages keep their place in it, for messages that point there.
        if !langs.iter().map(|l| &l.tag).eq(leaflet.languages.iter().map(|l| &l.tag)) {
            leaflet.languages = langs;
            other_languages = true;
        }
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
    Ok((leaflet, locales, other_languages))
}

pub(crate) fn fonts_dir(path: &Path, options: &BuildOptions) -> Option<PathBuf> {
    options.fonts.clone().or_else(|| crate::text::fonts::find_fonts_dir(path))
}

/// Where the leaflet's families are looked for.
pub(crate) fn font_sources(path: &Path, options: &BuildOptions) -> FontSources {
    FontSources::new(fonts_dir(path, options), options.system_fonts.clone())
}

fn parent(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn override_languages(langs: &[String]) -> Result<Vec<Language>, Diagnostics> {
    let mut out: Vec<Language> = Vec::new();
    let mut problems = Vec::new();
    // `--langs "en, es"`: spaces around a tag are no part of it.
    for text in langs.iter().map(|t| t.trim()) {
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

/// The leaflet's family and its fallback chain, with families for scripts the chain
/// lacks (`coverage`); every family not found, and every script no font has, is reported.
pub(crate) fn load_fonts(
    leaflet: &Leaflet,
    texts: &Texts,
    sources: &FontSources,
) -> Result<(FontChain, Vec<FontFound>), Diagnostics> {
    let style = &leaflet.style;
    let primary = sources.family(&style.font).map_err(|e| font_error(leaflet, &e, style.font_span.clone()));
    let mut problems = Vec::new();
    let mut fallbacks = Vec::new();
    for (name, span) in &style.fallback {
        match sources.family(name) {
            Ok(family) => fallbacks.push(family),
            Err(e) => problems.push(font_error(leaflet, &e, span.clone())),
        }
    }
    let mut chain = match primary {
        Ok(primary) if problems.is_empty() => FontChain::new(primary, fallbacks),
        Ok(_) => return Err(Diagnostics(problems)),
        Err(d) => {
            problems.insert(0, d);
            return Err(Diagnostics(problems));
        }
    };
    let found = crate::coverage::complete_chain(leaflet, texts, &mut chain, sources)?;
    Ok((chain, found))
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
                Some(dir) if dir.is_file() => format!(
                    "install it, or pass --fonts with a folder holding its .ttf/.otf files instead of {}",
                    dir.display()
                ),
                Some(dir) => format!("install it, or put its .ttf/.otf files in {}", dir.display()),
                None => {
                    "install it, or create a fonts/ folder with its .ttf/.otf files (or pass --fonts DIR)"
                        .into()
                }
            };
            match crate::diag::closest(name, available.iter().map(String::as_str)) {
                Some(best) => d.hint(format!("did you mean \"{best}\"? Otherwise {where_}")),
                None => d.hint(format!("fonts available: {}; or {where_}", listed(available))),
            }
        }
        FontError::Unusable { .. } => {
            d.hint("replace or remove the file; fonts must be TrueType or OpenType")
        }
    }
}

/// The first few names of a list that may hold every family on the system.
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 12;
    match names.len().checked_sub(SHOWN) {
        Some(more) if more > 0 => format!("{} and {more} more", names[..SHOWN].join(", ")),
        _ => names.join(", "),
    }
}
