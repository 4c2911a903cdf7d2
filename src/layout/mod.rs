//! Layout stage: resolved texts + fonts → `Document` (positioned glyphs and shapes).
//! Knows no TOML syntax, no Fluent and no PDF.
//!
//! The page is a grid of rows: each leaflet block is one row, holding that block in
//! every language side by side (or stacked across the full width when it spans), so
//! counterpart blocks start level; the next row starts below the tallest, and
//! counterparts are set to end as level as they can. Rows run on from page to page
//! (`flow`), a row reaching the foot of a page cut in every language at once. Footers
//! sit at the foot of the last page. Other layouts stack whole languages, or give each
//! language its own pages. The type is shrunk to fit or grown to fill the pages within
//! the leaflet's limits; content that still does not fit is an error, never clipped.

mod balance;
mod block;
mod compose;
mod document;
mod flow;
mod folded;
mod grid;
mod image;
pub mod panels;
mod qr;
mod style;

pub use block::{BlockBox, BlockError, BlockSet};
pub use document::{
    Document, Figure, FilledRect, Frame, Glyph, HardParagraph, ImageBox, Ink, Item, LinkArea, Mark, Page,
    Placed, Role, RowLines, Tag, TextRun,
};
pub use folded::empty_covers;
pub use image::PRINT_DPI;
pub use style::BlockStyle;

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Texts;
use crate::model::{Leaflet, Pages, units::PT_PER_MM};
use crate::text::{Breaking, FontChain, SetError};
use compose::{Composition, Overflow, failures};
use grid::Grid;

/// Fitting stops when the body size is known to this precision, in points.
const FIT_PRECISION: f32 = 0.05;

/// Lays the leaflet out on its pages (per language, for a flip leaflet), at the body
/// size that fills them best.
pub fn layout(leaflet: &Leaflet, texts: &Texts, fonts: &FontChain) -> Result<Document, Diagnostics> {
    if let Some(fold) = leaflet.fold {
        return folded::layout(leaflet, fold, texts, fonts);
    }
    let grid = Grid::of(leaflet)?;
    let style = &leaflet.style;
    let wanted = match leaflet.pages {
        Pages::Exactly(n) => n,
        // As many as the text needs at `size`; then fitted to them like any count.
        Pages::Auto => compose::compose(leaflet, texts, fonts, &grid, style.size, Breaking::Optimal, None)
            .map_err(|f| failures(leaflet, texts, &f))?
            .pages_per_flow(),
    };
    let compose =
        |size: f32, breaking| compose::compose(leaflet, texts, fonts, &grid, size, breaking, Some(wanted));
    // Errors at the size asked for (a missing glyph, a word too wide) are the user's.
    let at_size = compose(style.size, Breaking::Optimal).map_err(|f| failures(leaflet, texts, &f))?;
    // When it overflows at `size`: how many pages the text would take there, for the
    // warning or the error (its rows paged again, no line set again).
    let pages_at_size = if at_size.overflow().is_some() { at_size.pages_needed() } else { None };
    let page = fit(&compose, style, at_size);
    if let Some(overflow) = page.overflow() {
        // It overflows, so it did at `size` too (fitting only shrinks from there).
        return Err(overflow_error(leaflet, texts, &page, &overflow, wanted, pages_at_size).into());
    }
    let page = if style.fit { fewest_loose_lines(&compose, style.min_size, page) } else { page };
    let hard_paragraphs = page.hard_paragraphs();
    let (pages, flow) = page
        .place(&grid, true)
        .into_iter()
        .map(|(items, rows)| (Page::trimmed(leaflet.page.width, leaflet.page.height, items), rows))
        .unzip();
    Ok(Document {
        body_size: page.size,
        pages_at_size,
        hard_paragraphs,
        ..document(leaflet, texts, fonts, pages, flow)
    })
}

/// The document of `pages` (numbered here: they are in reading order) and their
/// `flow`, with what every layout gives it alike; the body size, overflow, hard
/// paragraphs and folding are the caller's to set.
pub(crate) fn document(
    leaflet: &Leaflet,
    texts: &Texts,
    fonts: &FontChain,
    mut pages: Vec<Page>,
    flow: Vec<Vec<document::RowLines>>,
) -> Document {
    document::number_pages(&mut pages);
    Document {
        title: texts.title.clone(),
        lang: texts.columns.first().map_or_else(|| "und".into(), |c| c.lang.to_string()),
        languages: texts.columns.iter().map(|c| c.lang.to_string()).collect(),
        body_size: 0.0,
        faces: fonts.faces(),
        images: leaflet.pictures.clone(),
        figures: figures(leaflet, texts),
        pages,
        flow,
        pages_at_size: None,
        hard_paragraphs: Vec::new(),
        folding: None,
    }
}

/// The leaflet's pictures and codes as figures. A picture says what its `alt` message
/// says in each language (it is drawn once, but each language's section describes it);
/// a code says its address, the same in any language, and opens it.
pub(crate) fn figures(leaflet: &Leaflet, texts: &Texts) -> std::collections::BTreeMap<usize, Figure> {
    let mut figures = std::collections::BTreeMap::new();
    for (i, block) in leaflet.blocks.iter().enumerate() {
        let figure = match &block.content {
            crate::model::BlockContent::Qr(qr) => {
                Figure { alt: vec![qr.url.clone(); texts.columns.len()], link: Some(qr.url.clone()) }
            }
            crate::model::BlockContent::Image(_) => {
                let alt: Option<Vec<String>> =
                    texts.columns.iter().map(|c| c.blocks[i].first().map(|p| p.text.clone())).collect();
                let Some(alt) = alt.filter(|a| !a.is_empty()) else { continue };
                Figure { alt, link: None }
            }
            crate::model::BlockContent::Text { .. } => continue,
        };
        figures.insert(i, figure);
    }
    figures
}

/// The composition at the body size that fills the pages best, from `at_size`, the
/// composition at the size asked for: grown when it fits, shrunk when it overflows
/// (to `min_size` at most, where it may still overflow), as it is with `fit = false`.
fn fit(compose: &impl Composer, style: &crate::model::Style, at_size: Composition) -> Composition {
    if !style.fit {
        at_size
    } else if at_size.overflow().is_none() {
        grow(compose, at_size, style.max_size)
    } else {
        // At `size` it overflows: look below.
        shrink(compose, style.min_size, style.size)
            .or_else(|| compose(style.min_size, Breaking::Optimal).ok())
            .unwrap_or(at_size)
    }
}

/// Composes the pages at a body size, breaking lines so.
trait Composer: Fn(f32, Breaking) -> Result<Composition, Vec<compose::Failed>> {}
impl<F: Fn(f32, Breaking) -> Result<Composition, Vec<compose::Failed>>> Composer for F {}

/// The largest body size up to `high` at which everything fits, from `fitting`, a
/// composition that fits.
fn grow(compose: &impl Composer, fitting: Composition, high: f32) -> Composition {
    match fits(compose, high) {
        Some(top) => top,
        None => bisect(compose, fitting.size, high, fitting),
    }
}

/// The largest body size in `low..high` at which everything fits (at `high` it does not).
fn shrink(compose: &impl Composer, low: f32, high: f32) -> Option<Composition> {
    let best = fits(compose, low)?;
    Some(bisect(compose, low, high, best))
}

/// The composition at `size` if everything fits. A size at which even the fewest lines
/// each paragraph could have overflow is ruled out without breaking a line: fitting
/// probes sizes far too large, and this gives the same answer in a fraction of the time.
fn fits(compose: &impl Composer, size: f32) -> Option<Composition> {
    if let Ok(bound) = compose(size, Breaking::FewestLines)
        && bound.surely_overflows()
    {
        return None;
    }
    compose(size, Breaking::Optimal).ok().filter(|c| c.overflow().is_none())
}

/// Binary search between `low`, where `best` fits, and `high`, where nothing does.
fn bisect(compose: &impl Composer, low: f32, high: f32, mut best: Composition) -> Composition {
    let (mut lo, mut hi) = (low, high);
    while hi - lo > FIT_PRECISION {
        let mid = (lo + hi) / 2.0;
        match fits(compose, mid) {
            Some(c) => {
                lo = mid;
                best = c;
            }
            None => hi = mid,
        }
    }
    best
}

/// How far below the largest fitting size fitting looks for a size that sets better,
/// and in what steps (a tenth of a point: finer steps seldom find a better setting, and
/// each costs a whole composition).
const QUALITY_RANGE: f32 = 0.4;
const QUALITY_STEP: f32 = 0.1;

/// Among the sizes a little below `fitted` (which fits), the one whose justified
/// lines are loose least often; the largest such size. Line breaks change with the
/// size, and a slightly smaller body often sets without a loose line.
fn fewest_loose_lines(compose: &impl Composer, min_size: f32, fitted: Composition) -> Composition {
    let mut best = fitted;
    let floor = (best.size - QUALITY_RANGE).max(min_size);
    let steps = ((best.size - floor) / QUALITY_STEP + 1e-3).floor() as usize;
    let top = best.size;
    for step in 1..=steps {
        if best.loose_lines() == 0 {
            break;
        }
        let size = top - step as f32 * QUALITY_STEP;
        if let Ok(candidate) = compose(size, Breaking::Optimal)
            && candidate.overflow().is_none()
            && candidate.loose_lines() < best.loose_lines()
        {
            best = candidate;
        }
    }
    best
}

fn overflow_error(
    leaflet: &Leaflet,
    texts: &Texts,
    page: &Composition,
    overflow: &Overflow,
    wanted: usize,
    needed: Option<usize>,
) -> Diagnostic {
    let lang = &texts.columns[overflow.row.langs[overflow.row.tallest()]].lang;
    let what = match leaflet.blocks.get(overflow.row.index) {
        Some(block) => block.describe(overflow.row.index),
        None => "the turn-over line".into(),
    };
    let at_size = if leaflet.style.fit && page.size < leaflet.style.size {
        format!(" even with the body shrunk to {} pt", page.size)
    } else {
        String::new()
    };
    let on = if wanted == 1 { "the page".to_string() } else { format!("{wanted} pages") };
    let d = Diagnostic::error(format!(
        "the text does not fit on {on}{at_size}: from {what} in `{lang}` on, it overflows the bottom by {:.1} mm",
        overflow.by / PT_PER_MM
    ));
    let d = match leaflet.blocks.get(overflow.row.index) {
        Some(block) => d.at(&leaflet.source.path, &leaflet.source.text, block.at.clone()),
        None => d.in_file(&leaflet.source.path),
    };
    let at_size = match needed {
        Some(n) => format!(" (at `size` the text takes {n})"),
        None => String::new(),
    };
    d.hint(format!(
        "set `pages = {}`{at_size} or `pages = \"auto\"`; or shorten the text, lower `min_size` under \
         [style], use a smaller `margin`, or a larger `paper`",
        wanted + 1
    ))
}

pub(crate) fn block_error(e: &BlockError, block: &str, lang: &str, width: f32) -> Diagnostic {
    let d = match &e.error {
        SetError::MissingGlyphs { chars, face } => {
            // A control character is named by its code only: printed, it would act on the terminal.
            let name = |c: &char| {
                if c.is_control() {
                    format!("U+{:04X}", *c as u32)
                } else {
                    format!("U+{:04X} ‘{c}’", *c as u32)
                }
            };
            let list: Vec<String> = chars.iter().map(name).collect();
            Diagnostic::error(format!(
                "{} in message `{}` ({lang}, {block}) cannot be drawn: no font has a glyph for {} (tried {face})",
                list.join(", "),
                e.message,
                if chars.len() == 1 { "it" } else { "them" }
            ))
            .hint(missing_glyphs_hint(chars, lang))
        }
        SetError::TooWide { word, excess } => Diagnostic::error(format!(
            "the word “{}” in message `{}` ({lang}, {block}) is {:.1} mm wider than its {:.0} mm column",
            shortened(word),
            e.message,
            excess / PT_PER_MM,
            width / PT_PER_MM
        ))
        .hint("break it with a space or a hyphen, or make the columns wider"),
    };
    match &e.defined_at {
        Some(location) => d.located(location),
        None => d,
    }
}

/// What to do about characters no font has: a control character is never text; for a
/// script, the font to install (most are found before layout, in `coverage`: these are
/// characters only a bold or italic face lacks, or ones the layout adds).
fn missing_glyphs_hint(chars: &[char], lang: &str) -> String {
    if chars.iter().all(|c| c.is_control()) {
        return "a control character is never printed: delete it from the translation".into();
    }
    let install = chars
        .iter()
        .find_map(|c| crate::text::scripts::script_of(*c))
        .and_then(|script| crate::text::scripts::install_hint(script, lang));
    match install {
        Some((family, package)) => format!(
            "install {family} (Debian: {package}) or put its .ttf files in fonts/, \
             or replace the character in the translation"
        ),
        None => "add a family that covers it to `fallback` under [style] (its files in fonts/), \
                 or replace the character in the translation"
            .into(),
    }
}

/// A word as quoted in a message: its start, when it is long (a "word" may be
/// thousands of letters without a space).
fn shortened(word: &str) -> String {
    const SHOWN: usize = 40;
    match word.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &word[..at]),
        None => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_glyphs_say_what_to_install() {
        let hint = super::missing_glyphs_hint(&['আ'], "bn");
        assert!(hint.starts_with("install Noto Sans Bengali (Debian: fonts-noto-core)"), "{hint}");
        // No font draws a control character: nothing to install.
        let hint = super::missing_glyphs_hint(&['\0'], "es");
        assert!(hint.contains("never printed"), "{hint}");
    }

    /// A 20,000-letter word used to be quoted whole in its error.
    #[test]
    fn long_words_are_quoted_by_their_start() {
        assert_eq!(super::shortened("Solidaridad"), "Solidaridad");
        let long = "ñ".repeat(20_000);
        assert_eq!(super::shortened(&long), format!("{}…", "ñ".repeat(40)));
    }
}
