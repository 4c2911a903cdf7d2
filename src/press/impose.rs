//! Imposition: two or four copies of a page on one sheet, for printing cheaply and
//! cutting. Copies sit side by side (with their bleed between them when there is
//! one), centred on the smallest common sheet that holds them; cut marks continue
//! every cut line outside the copies. Output stays vector: items are only moved.

use super::{MARK_LENGTH, PressOptions, bleed_rect, ink_item, mark_start, marks_at, registration};
use crate::layout::{Frame, Item, Page, Placed, Tag};
use crate::model::units::PT_PER_MM;

/// Sheets tried in order, smallest first (millimetres, portrait): A4, SRA4 (the press
/// sheet for A4 with bleed), A3, SRA3.
const SHEETS: [(f32, f32); 4] = [(210.0, 297.0), (225.0, 320.0), (297.0, 420.0), (320.0, 450.0)];

/// A sheet's name as a copy shop says it ("A3 landscape"), or its size in millimetres.
pub fn sheet_name(width: f32, height: f32) -> String {
    let (short, long) = (width.min(height) / PT_PER_MM, width.max(height) / PT_PER_MM);
    let names = ["A4", "SRA4", "A3", "SRA3"];
    let turn = if width > height { " landscape" } else { "" };
    match SHEETS.iter().zip(names).find(|((w, h), _)| (w - short).abs() < 0.5 && (h - long).abs() < 0.5) {
        Some((_, name)) => format!("{name}{turn}"),
        None => format!("{:.0} × {:.0} mm", width / PT_PER_MM, height / PT_PER_MM),
    }
}

/// The copies' grid: two side by side (portrait pages) or one above the other, four
/// in two rows.
pub fn grid(n_up: u8, width: f32, height: f32) -> (usize, usize) {
    match n_up {
        4 => (2, 2),
        _ if width <= height => (2, 1),
        _ => (1, 2),
    }
}

/// The smallest sheet of `SHEETS` (either way round) holding `width` × `height`
/// points, or exactly that size when none does.
pub fn sheet_for(width: f32, height: f32) -> (f32, f32) {
    let landscape = width > height;
    for (w, h) in SHEETS {
        let (w, h) = if landscape { (h * PT_PER_MM, w * PT_PER_MM) } else { (w * PT_PER_MM, h * PT_PER_MM) };
        if width <= w + 0.01 && height <= h + 0.01 {
            return (w, h);
        }
    }
    (width, height)
}

pub fn impose(page: Page, options: &PressOptions) -> Page {
    let (tw, th) = (page.trim.width, page.trim.height);
    let bleed = options.bleed;
    let (cols, rows) = grid(options.n_up, tw, th);
    let start = mark_start(bleed);
    let room = if options.marks { start + MARK_LENGTH } else { bleed };
    let block = Frame {
        x: 0.0,
        y: 0.0,
        width: cols as f32 * tw + (cols - 1) as f32 * 2.0 * bleed,
        height: rows as f32 * th + (rows - 1) as f32 * 2.0 * bleed,
    };
    let (width, height) = sheet_for(block.width + 2.0 * room, block.height + 2.0 * room);
    let block = Frame { x: (width - block.width) / 2.0, y: (height - block.height) / 2.0, ..block };

    let mut items = Vec::new();
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for row in 0..rows {
        for col in 0..cols {
            let trim = Frame {
                x: block.x + col as f32 * (tw + 2.0 * bleed),
                y: block.y + row as f32 * (th + 2.0 * bleed),
                width: tw,
                height: th,
            };
            xs.extend([trim.x, trim.x + tw]);
            ys.extend([trim.y, trim.y + th]);
            for p in &page.items {
                let mut p = Placed { x: p.x + trim.x, y: p.y + trim.y, ..p.clone() };
                if let Item::Rect(r) = &mut p.item {
                    bleed_rect(&mut p.x, &mut p.y, r, &trim, bleed);
                }
                ink_item(&mut p, options.color);
                // A listener hears the leaflet once: the copies after the first are
                // artifacts.
                if row > 0 || col > 0 {
                    p.tag = Tag::Artifact;
                }
                items.push(p);
            }
        }
    }
    if options.marks {
        let dedup = |v: &mut Vec<f32>| {
            v.sort_by(f32::total_cmp);
            v.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        };
        dedup(&mut xs);
        dedup(&mut ys);
        items.extend(marks_at(&xs, &ys, &block, start, registration(options.color)));
    }
    // One sheet, many cuts: the sheet is its own trim.
    Page { width, height, trim: Frame { x: 0.0, y: 0.0, width, height }, bleed: 0.0, turned: false, items }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::FilledRect;
    use crate::model::Rgb;
    use crate::press::{ColorMode, rects};

    fn a5() -> Page {
        let band = Placed {
            x: 0.0,
            y: 0.0,
            item: Item::Rect(FilledRect { width: 148.0 * PT_PER_MM, height: 30.0, color: Rgb::BLACK.into() }),
            tag: Tag::Artifact,
        };
        Page::trimmed(148.0 * PT_PER_MM, 210.0 * PT_PER_MM, vec![band])
    }

    fn options(n_up: u8, bleed_mm: f32, marks: bool) -> PressOptions {
        PressOptions {
            bleed: bleed_mm * PT_PER_MM,
            marks,
            color: ColorMode::Rgb,
            n_up,
            duplex: None,
            folded_proof: false,
        }
    }

    #[test]
    fn two_a5_fill_a4_landscape_and_four_a6_fill_a4() {
        let sheet = impose(a5(), &options(2, 0.0, false));
        assert!(
            (sheet.width - 297.0 * PT_PER_MM).abs() < 0.01 && (sheet.height - 210.0 * PT_PER_MM).abs() < 0.01
        );
        let bands = rects(&sheet);
        assert_eq!(bands.len(), 2, "one band per copy");
        // Side by side, centred: half a millimetre to spare on each side.
        assert!((bands[0].0 - 0.5 * PT_PER_MM).abs() < 0.01);
        assert!((bands[1].0 - bands[0].0 - 148.0 * PT_PER_MM).abs() < 0.01);
        let a6 = Page::trimmed(105.0 * PT_PER_MM, 148.0 * PT_PER_MM, Vec::new());
        let sheet = impose(a6, &options(4, 0.0, false));
        assert!(
            (sheet.width - 210.0 * PT_PER_MM).abs() < 0.01 && (sheet.height - 297.0 * PT_PER_MM).abs() < 0.01
        );
    }

    #[test]
    fn with_bleed_and_marks_copies_keep_their_bleed_and_cuts_are_marked() {
        let sheet = impose(a5(), &options(2, 3.0, true));
        // 2 × 148 mm + 6 mm of bleed between + 7 mm of marks on each side: 316 × 224 mm,
        // an SRA4 sheet on its side (320 × 225 mm), not A3.
        let mm = |pt: f32| pt / PT_PER_MM;
        assert!((mm(sheet.width) - 320.0).abs() < 0.01 && (mm(sheet.height) - 225.0).abs() < 0.01);
        assert_eq!(sheet_name(sheet.width, sheet.height), "SRA4 landscape");
        let r = rects(&sheet);
        let bands: Vec<_> = r.iter().filter(|r| r.3 > 1.0 && r.2 > 100.0).collect();
        assert_eq!(bands.len(), 2);
        // Each band runs into its copy's bleed at the top and sides.
        assert!((bands[0].2 - (148.0 + 6.0) * PT_PER_MM).abs() < 0.01);
        assert!((bands[1].0 - (bands[0].0 + bands[0].2)).abs() < 0.01, "bleeds meet between the copies");
        // The copies, bleed included, do not overlap: the second starts where the first ends.
        let bleed = 3.0 * PT_PER_MM;
        let copies: Vec<(f32, f32)> = bands.iter().map(|b| (b.0, b.0 + b.2)).collect();
        assert!(copies[0].1 <= copies[1].0 + 0.01, "{copies:?}");
        // Cut marks: four vertical cuts (two per copy) and two horizontal, each marked
        // at both ends.
        let marks: Vec<_> = r.iter().filter(|r| r.2.min(r.3) == super::super::MARK_WEIGHT).collect();
        assert_eq!(marks.len(), 4 * 2 + 2 * 2);
        // Every mark lies outside both copies and their bleed, and inside the sheet.
        let (top, bottom) =
            ((sheet.height - 210.0 * PT_PER_MM) / 2.0, (sheet.height + 210.0 * PT_PER_MM) / 2.0);
        for &&(x, y, w, h) in &marks {
            let inside_sheet =
                x >= -0.01 && y >= -0.01 && x + w <= sheet.width + 0.01 && y + h <= sheet.height + 0.01;
            assert!(
                inside_sheet,
                "mark at {x},{y} {w}×{h} runs off the {}×{} sheet",
                sheet.width, sheet.height
            );
            let clear = |(left, right): (f32, f32)| {
                x + w <= left + 0.01
                    || x >= right - 0.01
                    || y + h <= top - bleed + 0.01
                    || y >= bottom + bleed - 0.01
            };
            assert!(copies.iter().all(|&c| clear(c)), "mark at {x},{y} {w}×{h} on a copy or its bleed");
        }
    }
}
