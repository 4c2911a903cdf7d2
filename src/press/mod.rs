//! Press stage: the laid-out pages → pages as a copy shop takes them. Colour that
//! touches the trim runs on into the bleed, the page grows by the bleed on every side,
//! and crop marks (if asked for) sit outside the bleed. Works on `Document` alone:
//! no TOML, no Fluent, no PDF, no command line (the CLI maps its flags to these types).

pub mod fold;
mod impose;
pub use impose::sheet_name;
mod pictures;

use crate::layout::{Document, FilledRect, Frame, Ink, Item, Page, Placed, Tag};
use crate::model::{Rgb, units::PT_PER_MM};

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PressOptions {
    /// Bleed on every side, in points.
    pub bleed: f32,
    /// Draw crop marks at the trim's corners.
    pub marks: bool,
    pub color: ColorMode,
    /// Copies per sheet: 1, 2 or 4.
    pub n_up: u8,
    /// Pages printed back to back, the sheet turning on this edge.
    pub duplex: Option<Duplex>,
    /// A folded leaflet's panels side by side in reading order, instead of its sheet.
    pub folded_proof: bool,
}

/// The edge a duplex printer turns the sheet on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duplex {
    /// The sheet turns on its long edge (most printers' default).
    Long,
    /// The sheet turns on its short edge.
    Short,
}

/// Whether the back of a `width` × `height` sheet must be drawn upside down so that,
/// printed duplex turning on `edge`, each copy's back stands upright behind its front.
/// A reader turns a copy on its vertical edge, like a book page; when the printer turns
/// the sheet on the other edge, the back comes out upside down unless drawn so.
pub fn back_turned(edge: Duplex, width: f32, height: f32) -> bool {
    let vertical_is_long = height >= width;
    (edge == Duplex::Long) != vertical_is_long
}

/// The colours the PDF is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorMode {
    /// Screens and office printers.
    #[default]
    Rgb,
    /// Offset and digital presses: black stays 100 % K, never four-colour black.
    Cmyk,
    /// Photocopiers: every colour a gray, text kept dark enough to read.
    Gray,
}

/// Text lighter than this gray would be faint on a photocopy; it is darkened to it.
const DARKEST_FAINT_TEXT: f32 = 0.45;

/// An RGB ink as the colour mode prints it (`text`: the ink of glyphs on the page).
pub fn convert(ink: Ink, mode: ColorMode, text: bool) -> Ink {
    let Ink::Rgb(c) = ink else { return ink };
    match mode {
        ColorMode::Rgb => ink,
        ColorMode::Cmyk => {
            // The simple device conversion: gray component replaced by black, so pure
            // black is K alone and no colour is built from more ink than it needs.
            let (r, g, b) = (c.0 as f32 / 255.0, c.1 as f32 / 255.0, c.2 as f32 / 255.0);
            let k = 1.0 - r.max(g).max(b);
            if k >= 1.0 {
                return Ink::Cmyk([0.0, 0.0, 0.0, 1.0]);
            }
            let part = |v: f32| ((1.0 - v - k) / (1.0 - k)).clamp(0.0, 1.0);
            Ink::Cmyk([part(r), part(g), part(b), k])
        }
        ColorMode::Gray => {
            let luma = c.luma();
            // White text (on a dark box) stays white; other text must stay dark.
            let faint = text && luma < 1.0 && luma > DARKEST_FAINT_TEXT;
            Ink::Gray(if faint { DARKEST_FAINT_TEXT } else { luma })
        }
    }
}

/// The ink crop marks are drawn in: registration black, on every plate.
fn registration(mode: ColorMode) -> Ink {
    match mode {
        ColorMode::Rgb => Ink::Rgb(Rgb::BLACK),
        ColorMode::Cmyk => Ink::Cmyk([1.0, 1.0, 1.0, 1.0]),
        ColorMode::Gray => Ink::Gray(0.0),
    }
}

/// Crop marks start this far from the trim (or at the bleed's edge, if further out).
pub const MARK_OFFSET: f32 = 3.0 * PT_PER_MM;
/// 4 mm: with the 3 mm offset, marks take 7 mm around the trim, so two A5 copies with
/// 3 mm bleed and marks (302 × 224 mm) fit on SRA4 (320 × 225 mm) instead of needing A3.
pub const MARK_LENGTH: f32 = 4.0 * PT_PER_MM;
/// Hairline marks, as printers draw them.
pub const MARK_WEIGHT: f32 = 0.25;

/// Where the crop marks start, measured from the trim.
pub fn mark_start(bleed: f32) -> f32 {
    MARK_OFFSET.max(bleed)
}

/// What the press stage could not do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PressError {
    #[error("cannot convert {} to {}: {reason}", .path.display(), .mode.name())]
    Picture { path: std::path::PathBuf, mode: ColorMode, reason: String },
}

impl ColorMode {
    /// The mode as the command line names it.
    pub fn name(self) -> &'static str {
        match self {
            ColorMode::Rgb => "RGB",
            ColorMode::Cmyk => "CMYK",
            ColorMode::Gray => "gray",
        }
    }
}

pub fn press(mut doc: Document, options: &PressOptions) -> Result<Document, PressError> {
    for picture in &mut doc.images {
        if let Some(converted) = pictures::convert_picture(picture, options.color)? {
            *picture = std::sync::Arc::new(converted);
        }
    }
    if let Some(folding) = &doc.folding {
        doc.pages = fold::fold(folding, std::mem::take(&mut doc.pages), options);
    } else {
        for page in doc.pages.iter_mut() {
            let page_in = std::mem::replace(page, Page::trimmed(0.0, 0.0, Vec::new()));
            *page = if options.n_up > 1 {
                impose::impose(page_in, options)
            } else {
                press_page(page_in, options)
            };
        }
    }
    if let Some(edge) = fold::duplex_edge(doc.folding.as_ref(), options.duplex) {
        // Fronts are the odd pages, backs the even ones.
        for back in doc.pages.iter_mut().skip(1).step_by(2) {
            back.turned = back_turned(edge, back.width, back.height);
        }
    }
    Ok(doc)
}

/// An item's colour as the colour mode prints it.
fn ink_item(p: &mut Placed, mode: ColorMode) {
    match &mut p.item {
        Item::Rect(r) => r.color = convert(r.color, mode, false),
        Item::Text(run) => run.color = convert(run.color, mode, true),
        // Pictures are converted once, in the document's image table.
        Item::Image(_) => {}
        // Not drawn.
        Item::Link(_) => {}
    }
}

fn press_page(page: Page, options: &PressOptions) -> Page {
    let bleed = options.bleed;
    let start = mark_start(bleed);
    // Room around the trim: the bleed, or the marks beyond it.
    let room = if options.marks { start + MARK_LENGTH } else { bleed };
    let trim = Frame { x: room, y: room, width: page.trim.width, height: page.trim.height };
    let mut items: Vec<Placed> = page
        .items
        .into_iter()
        .map(|p| {
            let mut p = Placed { x: p.x + room, y: p.y + room, ..p };
            if let Item::Rect(r) = &mut p.item {
                bleed_rect(&mut p.x, &mut p.y, r, &trim, bleed);
            }
            ink_item(&mut p, options.color);
            p
        })
        .collect();
    if options.marks {
        items.extend(crop_marks(&trim, start, registration(options.color)));
    }
    Page {
        width: trim.width + 2.0 * room,
        height: trim.height + 2.0 * room,
        trim,
        bleed,
        turned: false,
        items,
    }
}

/// A rectangle reaching the trim on a side is carried on past it by the bleed, so no
/// white sliver shows when the cut is a little off.
fn bleed_rect(x: &mut f32, y: &mut f32, r: &mut FilledRect, trim: &Frame, bleed: f32) {
    const TOUCH: f32 = 0.5;
    if *x <= trim.x + TOUCH {
        r.width += *x - (trim.x - bleed);
        *x = trim.x - bleed;
    }
    if *y <= trim.y + TOUCH {
        r.height += *y - (trim.y - bleed);
        *y = trim.y - bleed;
    }
    if *x + r.width >= trim.x + trim.width - TOUCH {
        r.width = trim.x + trim.width + bleed - *x;
    }
    if *y + r.height >= trim.y + trim.height - TOUCH {
        r.height = trim.y + trim.height + bleed - *y;
    }
}

/// Two hairlines per corner, continuing the trim's edges outwards, starting `start`
/// away from the trim.
fn crop_marks(trim: &Frame, start: f32, ink: Ink) -> Vec<Placed> {
    let (left, top) = (trim.x, trim.y);
    let (right, bottom) = (trim.x + trim.width, trim.y + trim.height);
    marks_at(&[left, right], &[top, bottom], trim, start, ink)
}

/// Hairlines continuing the cuts at `xs` (vertical) and `ys` (horizontal) outward
/// from the edges of `area`, starting `start` away from it.
fn marks_at(xs: &[f32], ys: &[f32], area: &Frame, start: f32, ink: Ink) -> Vec<Placed> {
    let (left, top) = (area.x, area.y);
    let (right, bottom) = (area.x + area.width, area.y + area.height);
    let half = MARK_WEIGHT / 2.0;
    let line = |x: f32, y: f32, width: f32, height: f32| Placed {
        x,
        y,
        item: Item::Rect(FilledRect { width, height, color: ink }),
        // Marks are for the cutter, not the reader.
        tag: Tag::Artifact,
    };
    let mut marks = Vec::new();
    for &y in ys {
        marks.push(line(left - start - MARK_LENGTH, y - half, MARK_LENGTH, MARK_WEIGHT));
        marks.push(line(right + start, y - half, MARK_LENGTH, MARK_WEIGHT));
    }
    for &x in xs {
        marks.push(line(x - half, top - start - MARK_LENGTH, MARK_WEIGHT, MARK_LENGTH));
        marks.push(line(x - half, bottom + start, MARK_WEIGHT, MARK_LENGTH));
    }
    marks
}

/// A page's rectangles as (x, y, width, height), for tests.
#[cfg(test)]
fn rects(page: &Page) -> Vec<(f32, f32, f32, f32)> {
    page.items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Rect(r) => Some((p.x, p.y, r.width, r.height)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Page {
        let rect = |x, y, width, height| Placed {
            x,
            y,
            item: Item::Rect(FilledRect { width, height, color: Rgb::WHITE.into() }),
            tag: Tag::Artifact,
        };
        // A full-width band at the top edge and a box well inside.
        Page::trimmed(100.0, 200.0, vec![rect(0.0, 0.0, 100.0, 20.0), rect(10.0, 50.0, 30.0, 30.0)])
    }

    #[test]
    fn bleed_grows_the_page_and_carries_edge_colour_into_it() {
        let pressed = press_page(page(), &PressOptions { bleed: 9.0, ..Default::default() });
        assert_eq!((pressed.width, pressed.height), (118.0, 218.0));
        assert_eq!(pressed.trim, Frame { x: 9.0, y: 9.0, width: 100.0, height: 200.0 });
        let r = rects(&pressed);
        // The band touched the top, left and right edges: it now covers the bleed there.
        assert_eq!(r[0], (0.0, 0.0, 118.0, 29.0));
        // The inner box only moved with the trim.
        assert_eq!(r[1], (19.0, 59.0, 30.0, 30.0));
    }

    #[test]
    fn colour_modes() {
        let red = Rgb(0xc8, 0x10, 0x2e);
        assert_eq!(convert(Rgb::BLACK.into(), ColorMode::Cmyk, true), Ink::Cmyk([0.0, 0.0, 0.0, 1.0]));
        assert_eq!(convert(Rgb::WHITE.into(), ColorMode::Cmyk, false), Ink::Cmyk([0.0, 0.0, 0.0, 0.0]));
        let Ink::Cmyk([c, m, y, k]) = convert(red.into(), ColorMode::Cmyk, false) else { panic!() };
        assert!(c == 0.0 && m > 0.9 && y > 0.7 && (k - 0.216).abs() < 0.01, "{c} {m} {y} {k}");
        assert_eq!(convert(Rgb::WHITE.into(), ColorMode::Gray, true), Ink::Gray(1.0));
        let Ink::Gray(g) = convert(red.into(), ColorMode::Gray, false) else { panic!() };
        assert!((g - 0.29).abs() < 0.01, "{g}");
        // Light text is darkened so a photocopy can be read; a light box is not.
        let yellow = Rgb(0xff, 0xd7, 0x00);
        assert_eq!(convert(yellow.into(), ColorMode::Gray, true), Ink::Gray(0.45));
        assert!(matches!(convert(yellow.into(), ColorMode::Gray, false), Ink::Gray(g) if g > 0.75));
        assert_eq!(convert(red.into(), ColorMode::Rgb, true), Ink::Rgb(red));
    }

    #[test]
    fn crop_marks_sit_outside_the_bleed_at_each_corner() {
        let bleed = 3.0 * PT_PER_MM;
        let pressed = press_page(page(), &PressOptions { bleed, marks: true, ..Default::default() });
        let room = mark_start(bleed) + MARK_LENGTH;
        assert!((pressed.width - (100.0 + 2.0 * room)).abs() < 1e-3);
        let marks: Vec<_> = rects(&pressed).into_iter().skip(2).collect();
        assert_eq!(marks.len(), 8);
        let trim = pressed.trim;
        for (x, y, w, h) in marks {
            assert!(w.min(h) == MARK_WEIGHT && w.max(h) == MARK_LENGTH);
            // Every mark lies wholly outside the trim plus bleed.
            let outside = x + w <= trim.x - bleed + 0.01
                || x >= trim.x + trim.width + bleed - 0.01
                || y + h <= trim.y - bleed + 0.01
                || y >= trim.y + trim.height + bleed - 0.01;
            assert!(outside, "mark at {x},{y} {w}x{h} overlaps the bleed");
            // And continues a trim edge.
            let on_edge = |a: f32, b: f32| (a - b).abs() < 0.2;
            let centre = (x + w / 2.0, y + h / 2.0);
            assert!(
                on_edge(centre.0, trim.x)
                    || on_edge(centre.0, trim.x + trim.width)
                    || on_edge(centre.1, trim.y)
                    || on_edge(centre.1, trim.y + trim.height)
            );
        }
    }

    #[test]
    fn backs_turn_when_the_printer_flips_on_the_copies_horizontal_edge() {
        let (a4, a4_landscape) = ((595.0, 842.0), (842.0, 595.0));
        // Portrait sheet: copies' vertical edge is the long one.
        assert!(!back_turned(Duplex::Long, a4.0, a4.1));
        assert!(back_turned(Duplex::Short, a4.0, a4.1));
        // Landscape sheet (two A5 side by side): the vertical edge is the short one.
        assert!(back_turned(Duplex::Long, a4_landscape.0, a4_landscape.1));
        assert!(!back_turned(Duplex::Short, a4_landscape.0, a4_landscape.1));
    }
}
