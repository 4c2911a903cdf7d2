//! Preview stage: one page of a `Document` → pixels (and PNG bytes), drawn from the same
//! tree the PDF is written from, so the picture shows what will print: glyph outlines
//! read from the very faces the PDF embeds, at the positions it writes, and the same
//! rectangles. A plain walk like `pdf::write`, making no layout decisions; knows
//! nothing of PDF, TOML, Fluent or leaflets. Nothing here is written to disk.
//!
//! Pixels: `dpi / 72` per point; the pixmap covers the whole page (the PDF's MediaBox,
//! bleed and crop marks included) on a white background, its size rounded up to whole
//! pixels. Colours are shown as on a plain screen (see [`screen_rgb`]).

mod outline;
mod picture;
mod vector;

use tiny_skia::{Color, FillRule, Paint, Rect, Transform};
use ttf_parser::Face;

pub use tiny_skia::Pixmap;

use crate::layout::{Document, FilledRect, Ink, Item, TextRun};
use outline::{Placement, glyph_path};

/// The finest resolution offered: 1200 dpi is a laser printer's; beyond it a preview
/// only costs memory (an A4 page at 1200 dpi is already 139 million pixels).
pub const MAX_DPI: f32 = 1200.0;

/// The most pixels a preview may have (4 bytes each): A4 at 1200 dpi fits, an A3 sheet
/// at 1200 dpi does not.
pub const MAX_PIXELS: u64 = 150_000_000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PreviewError {
    #[error("{dpi} dpi is not a resolution to render at: give more than 0 and at most {MAX_DPI}")]
    Dpi { dpi: f32 },
    #[error("there is no page {}: the document has {pages} page{}", .index + 1, if *.pages == 1 { "" } else { "s" })]
    NoPage { index: usize, pages: usize },
    #[error(
        "the page would be {width} × {height} pixels at {dpi} dpi, more than {} million",
        MAX_PIXELS / 1_000_000
    )]
    TooLarge { width: u32, height: u32, dpi: f32 },
    #[error("cannot draw the picture {0}")]
    Picture(String),
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// Page `index` (from 0) of `doc` at `dpi`, on white.
pub fn render(doc: &Document, index: usize, dpi: f32) -> Result<Pixmap, PreviewError> {
    if !(dpi > 0.0 && dpi <= MAX_DPI) {
        return Err(PreviewError::Dpi { dpi });
    }
    let page = doc.pages.get(index).ok_or(PreviewError::NoPage { index, pages: doc.pages.len() })?;
    let (width, height) = (pixels(page.width, dpi), pixels(page.height, dpi));
    let too_large = PreviewError::TooLarge { width, height, dpi };
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(too_large);
    }
    let mut pixmap = Pixmap::new(width, height).ok_or(too_large)?;
    pixmap.fill(Color::WHITE);
    let scale = dpi / 72.0;
    // Parsing reads only the table directory; the faces are parsed once per page.
    let faces: Vec<Face> = doc.faces.iter().map(|f| f.parse()).collect();
    // Pictures decoded once per page, when first drawn.
    let mut pictures: Vec<Option<Pixmap>> = vec![None; doc.images.len()];
    for placed in &page.items {
        let (x, y) = (placed.x * scale, placed.y * scale);
        match &placed.item {
            Item::Rect(rect) => fill_rect(&mut pixmap, x, y, rect, scale),
            Item::Image(image) => {
                let (w, h) = (image.width * scale, image.height * scale);
                if let Some(art) = doc.images[image.image].vector() {
                    vector::draw(&mut pixmap, art, x, y, w, h).map_err(PreviewError::Picture)?;
                    continue;
                }
                let decoded = match &mut pictures[image.image] {
                    Some(decoded) => decoded,
                    slot => {
                        slot.insert(picture::pixmap(&doc.images[image.image]).map_err(PreviewError::Picture)?)
                    }
                };
                picture::draw(&mut pixmap, decoded, x, y, w, h);
            }
            Item::Text(run) => {
                let units_per_em = doc.faces[run.face].units_per_em;
                draw_run(&mut pixmap, &faces[run.face], units_per_em, x, y, run, scale);
            }
            // An area to click in the PDF: nothing to see.
            Item::Link(_) => {}
        }
    }
    if page.turned {
        // Half a turn about the centre: the pixels in reverse order.
        pixmap.pixels_mut().reverse();
    }
    Ok(pixmap)
}

/// Page `index` of `doc` at `dpi`, as PNG bytes.
pub fn png(doc: &Document, index: usize, dpi: f32) -> Result<Vec<u8>, PreviewError> {
    render(doc, index, dpi)?.encode_png().map_err(|e| PreviewError::Encode(e.to_string()))
}

/// A length in points as whole pixels at `dpi`, rounded up as poppler's `pdftoppm`
/// does (A4 at 96 dpi is 794 × 1123), so the two pictures have the same size. The
/// allowance keeps float noise from adding a pixel to an exact length.
pub fn pixels(points: f32, dpi: f32) -> u32 {
    (points * dpi / 72.0 - 1e-3).ceil().max(1.0) as u32
}

/// An ink as a screen shows it, the simple way a PDF viewer without colour management
/// does: CMYK as `(1 − c)(1 − k)` red and so on (the inverse of the press stage's
/// conversion, so an RGB colour turned into CMYK comes back as it was; registration
/// black is black), gray as equal red, green and blue. No ICC profile: printed CMYK
/// looks duller than this.
pub fn screen_rgb(ink: Ink) -> [u8; 3] {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    match ink {
        Ink::Rgb(c) => [c.0, c.1, c.2],
        Ink::Cmyk([c, m, y, k]) => {
            [byte((1.0 - c) * (1.0 - k)), byte((1.0 - m) * (1.0 - k)), byte((1.0 - y) * (1.0 - k))]
        }
        Ink::Gray(g) => [byte(g); 3],
    }
}

fn paint(ink: Ink) -> Paint<'static> {
    let [r, g, b] = screen_rgb(ink);
    let mut paint = Paint::default();
    paint.set_color_rgba8(r, g, b, 255);
    paint
}

/// A rectangle with its top-left corner at (x, y) pixels.
fn fill_rect(pixmap: &mut Pixmap, x: f32, y: f32, rect: &FilledRect, scale: f32) {
    let (x, width) = at_least_a_pixel(x, rect.width * scale);
    let (y, height) = at_least_a_pixel(y, rect.height * scale);
    // Empty rectangles draw nothing (and tiny-skia has no value for them).
    if let Some(r) = Rect::from_xywh(x, y, width, height) {
        pixmap.fill_rect(r, &paint(rect.color), Transform::identity(), None);
    }
}

/// A side thinner than a pixel widened to one about its middle, as PDF viewers draw
/// hairlines: a 0.25 pt crop mark would otherwise be a faint gray at screen resolutions.
fn at_least_a_pixel(start: f32, length: f32) -> (f32, f32) {
    if length > 0.0 && length < 1.0 { (start + length / 2.0 - 0.5, 1.0) } else { (start, length) }
}

/// A run's glyphs, each at the run's baseline origin (x, y) pixels plus its own offset,
/// as `pdf::write` places them.
fn draw_run(pixmap: &mut Pixmap, face: &Face, units_per_em: f32, x: f32, y: f32, run: &TextRun, scale: f32) {
    let paint = paint(run.color);
    let per_unit = run.size * scale / units_per_em;
    for glyph in &run.glyphs {
        // `y_offset` raises a glyph (a mark) above the baseline: upwards, so minus.
        let at = Placement { x: x + glyph.x * scale, y: y - glyph.y_offset * scale, scale: per_unit };
        if let Some(path) = glyph_path(face, glyph.id, at) {
            // TrueType and CFF outlines are both filled by the non-zero rule.
            pixmap.fill_path(&path, &paint, FillRule::Winding, Transform::identity(), None);
        }
    }
}

#[cfg(test)]
mod tests;
