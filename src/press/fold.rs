//! Folding: a folded leaflet's panel pages placed on the two sides of its sheet, the
//! outside then the inside, each panel where the panel table (`layout::panels`) puts
//! it. Crop marks go at the sheet's corners and dashed fold marks continue each fold
//! outside the trim, on both sides; colour touching the sheet's trim runs into the
//! bleed (colour at a fold stays at the fold). Or, for proof-reading, the panels side
//! by side in reading order. Items are only moved: the output stays vector. Knows no
//! TOML and no PDF.

use super::{Duplex, MARK_LENGTH, MARK_WEIGHT, PressOptions, ink_item, mark_start, press_page, registration};
use crate::layout::panels::{Folding, Side, folds};
use crate::layout::{FilledRect, Frame, Ink, Item, Page, Placed, Tag};
use crate::model::units::PT_PER_MM;

/// A fold mark's dashes and the gaps between them: a dashed line tells the shop
/// "fold here", where a solid one says "cut here".
pub const DASH: f32 = 1.0 * PT_PER_MM;
pub const DASH_GAP: f32 = 0.8 * PT_PER_MM;

/// Space between panels in the proof, so each panel's edges show.
const PROOF_GAP: f32 = 6.0 * PT_PER_MM;

/// The edge the sheet must turn on for the inside to stand upright behind the outside:
/// the one parallel to the folds, the short edge of the landscape sheet. The edge
/// asked for (`--duplex`) wins; the press then turns the inside if it must.
pub fn duplex_edge(folding: Option<&Folding>, asked: Option<Duplex>) -> Option<Duplex> {
    asked.or_else(|| {
        folding.map(|f| if f.sheet_width >= f.sheet_height { Duplex::Short } else { Duplex::Long })
    })
}

/// The sheet's two sides (outside, inside) from the panel pages; with `folded_proof`,
/// one page of the panels in reading order instead.
pub fn fold(folding: &Folding, panels: Vec<Page>, options: &PressOptions) -> Vec<Page> {
    if options.folded_proof {
        return vec![proof(panels, options)];
    }
    // Each side is pressed as a page of the sheet's size (bleed, crop marks, colour),
    // its panels moved into place first; the fold marks are the side's own.
    let mut sides = Vec::new();
    for side in [Side::Outside, Side::Inside] {
        let items = panels
            .iter()
            .zip(&folding.panels)
            .filter(|(_, p)| p.side == side)
            .flat_map(|(page, panel)| page.items.iter().map(|p| Placed { x: p.x + panel.x, ..p.clone() }))
            .collect();
        let mut pressed =
            press_page(Page::trimmed(folding.sheet_width, folding.sheet_height, items), options);
        if options.marks {
            let trim = pressed.trim;
            let xs: Vec<f32> = folds(&folding.panels, side).iter().map(|x| trim.x + x).collect();
            pressed.items.extend(fold_marks(
                &xs,
                &trim,
                mark_start(options.bleed),
                registration(options.color),
            ));
        }
        sides.push(pressed);
    }
    sides
}

/// Dashed hairlines continuing each fold at `xs` above and below `trim`, starting
/// `start` away from it, as long as a crop mark.
fn fold_marks(xs: &[f32], trim: &Frame, start: f32, ink: Ink) -> Vec<Placed> {
    let half = MARK_WEIGHT / 2.0;
    let mut marks = Vec::new();
    let above = trim.y - start - MARK_LENGTH;
    let below = trim.y + trim.height + start;
    for &x in xs {
        for top in [above, below] {
            let mut y = 0.0;
            while y < MARK_LENGTH - 0.01 {
                let height = DASH.min(MARK_LENGTH - y);
                let dash = FilledRect { width: MARK_WEIGHT, height, color: ink };
                marks.push(Placed { x: x - half, y: top + y, item: Item::Rect(dash), tag: Tag::Artifact });
                y += DASH + DASH_GAP;
            }
        }
    }
    marks
}

/// The panels side by side in reading order, for proof-reading: no bleed, no marks.
fn proof(panels: Vec<Page>, options: &PressOptions) -> Page {
    let height = panels.iter().map(|p| p.height).fold(0.0, f32::max);
    let mut x = 0.0;
    let mut items = Vec::new();
    for page in panels {
        for p in page.items {
            let mut p = Placed { x: p.x + x, ..p };
            ink_item(&mut p, options.color);
            items.push(p);
        }
        x += page.width + PROOF_GAP;
    }
    Page::trimmed((x - PROOF_GAP).max(0.0), height, items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::panels::panels;
    use crate::model::{Fold, Rgb};
    use crate::press::{ColorMode, rects};

    const W: f32 = 297.0 * PT_PER_MM;
    const H: f32 = 210.0 * PT_PER_MM;

    /// A panel page holding one rectangle as wide as the panel, its height the panel's
    /// place in reading order (so the test can tell them apart).
    fn sheet(fold: Fold) -> (Folding, Vec<Page>) {
        let ps = panels(fold, W);
        let pages = ps
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let band = FilledRect { width: p.width, height: (n + 1) as f32, color: Rgb::BLACK.into() };
                Page::trimmed(
                    p.width,
                    H,
                    vec![Placed { x: 0.0, y: 100.0, item: Item::Rect(band), tag: Tag::Artifact }],
                )
            })
            .collect();
        (Folding { fold, sheet_width: W, sheet_height: H, panels: ps }, pages)
    }

    fn options(marks: bool) -> PressOptions {
        PressOptions { marks, color: ColorMode::Rgb, n_up: 1, ..Default::default() }
    }

    /// Where each reading-order panel's band landed: (side, x, width), to 0.1 mm.
    fn bands(sides: &[Page]) -> Vec<(usize, f32, f32)> {
        let mut found = Vec::new();
        for (s, side) in sides.iter().enumerate() {
            for (x, _, w, h) in rects(side).into_iter().filter(|r| r.2 > 10.0) {
                let mm = |v: f32| (v / PT_PER_MM * 10.0).round() / 10.0;
                found.push((h as usize, s, mm(x - side.trim.x), mm(w)));
            }
        }
        found.sort_by_key(|b| b.0);
        found.into_iter().map(|(_, s, x, w)| (s, x, w)).collect()
    }

    #[test]
    fn roll_panels_land_where_the_shop_expects_them() {
        let (folding, pages) = sheet(Fold::Roll);
        let sides = fold(&folding, pages, &options(false));
        assert_eq!(sides.len(), 2);
        // Reading order: front, inside left, middle, right, flap, back.
        assert_eq!(
            bands(&sides),
            [
                (0, 197.0, 100.0),
                (1, 0.0, 100.0),
                (1, 100.0, 100.0),
                (1, 200.0, 97.0),
                (0, 0.0, 97.0),
                (0, 97.0, 100.0)
            ]
        );
    }

    /// Printed duplex turning on the short edge, the inside's x is mirrored: each
    /// inside panel must then cover exactly the outside panel it folds with.
    #[test]
    fn each_inside_panel_lies_behind_its_outside_panel() {
        for (fold, pairs) in [
            (Fold::Roll, vec![(0, 1), (5, 2), (4, 3)]),
            (Fold::Half, vec![(0, 1), (3, 2)]),
            (Fold::Z, vec![(0, 1), (5, 2), (4, 3)]),
        ] {
            let (folding, pages) = sheet(fold);
            let placed = bands(&fold_sides(&folding, pages));
            for (outside, inside) in pairs {
                let (o, i) = (placed[outside], placed[inside]);
                assert_eq!((o.0, i.0), (0, 1), "{fold:?}");
                let mirrored = 297.0 - o.1 - o.2;
                assert_eq!(
                    (i.1, i.2),
                    (mirrored, o.2),
                    "{fold:?}: panel {inside} is not behind panel {outside}"
                );
            }
        }
        assert_eq!(duplex_edge(Some(&sheet(Fold::Roll).0), None), Some(Duplex::Short));
        assert_eq!(duplex_edge(Some(&sheet(Fold::Roll).0), Some(Duplex::Long)), Some(Duplex::Long));
        assert_eq!(duplex_edge(None, None), None);
    }

    fn fold_sides(folding: &Folding, pages: Vec<Page>) -> Vec<Page> {
        fold(folding, pages, &options(false))
    }

    #[test]
    fn fold_marks_are_dashed_hairlines_outside_the_trim_at_each_fold() {
        let (folding, pages) = sheet(Fold::Roll);
        let sides = fold(&folding, pages, &options(true));
        for (side, folds_mm) in sides.iter().zip([[97.0, 197.0], [100.0, 200.0]]) {
            let t = side.trim;
            let marks: Vec<_> = rects(side).into_iter().filter(|r| r.2.min(r.3) == MARK_WEIGHT).collect();
            // Solid crop marks: one hairline a mark's length.
            let crop = marks.iter().filter(|r| r.2.max(r.3) == MARK_LENGTH).count();
            assert_eq!(crop, 8);
            let dashes: Vec<_> = marks.iter().filter(|r| r.2.max(r.3) < MARK_LENGTH).collect();
            assert_eq!(dashes.len(), 2 * 2 * 3, "three dashes above and below each of two folds");
            for (x, y, w, h) in dashes {
                assert!(y + h <= t.y + 0.01 || *y >= t.y + t.height - 0.01, "a dash inside the trim");
                let at = ((x + w / 2.0 - t.x) / PT_PER_MM).round();
                assert!(folds_mm.contains(&at), "a dash at {at} mm, not at a fold");
            }
        }
    }

    /// Colour reaching the sheet's edge runs into the bleed; colour reaching a fold
    /// stays at the fold (the panel beside it is another page of the leaflet).
    #[test]
    fn bleed_runs_past_the_sheet_edge_but_not_past_a_fold() {
        let (folding, mut pages) = sheet(Fold::Half);
        // A background over the whole front panel (reading order 0, the outside's right half).
        let front = &mut pages[0];
        let ground = FilledRect { width: front.width, height: front.height, color: Rgb::BLACK.into() };
        front.items = vec![Placed { x: 0.0, y: 0.0, item: Item::Rect(ground), tag: Tag::Artifact }];
        let bleed = 3.0 * PT_PER_MM;
        let sides = fold(&folding, pages, &PressOptions { bleed, ..options(false) });
        let outside = &sides[0];
        assert!((outside.width - (W + 2.0 * bleed)).abs() < 0.01);
        let (x, y, w, h) = rects(outside).into_iter().find(|r| r.3 > 100.0).unwrap();
        assert!((x - (outside.trim.x + W / 2.0)).abs() < 0.01, "starts at the fold, not before: {x}");
        assert!((x + w - (outside.trim.x + W + bleed)).abs() < 0.01, "runs into the bleed on the right");
        assert!(y.abs() < 0.01 && (h - (H + 2.0 * bleed)).abs() < 0.01, "and at the top and bottom");
    }

    #[test]
    fn the_proof_puts_the_panels_side_by_side_in_reading_order() {
        let (folding, pages) = sheet(Fold::Half);
        let proof = fold(&folding, pages, &PressOptions { folded_proof: true, ..options(true) });
        assert_eq!(proof.len(), 1);
        let xs: Vec<f32> = rects(&proof[0]).iter().map(|r| (r.0 / PT_PER_MM).round()).collect();
        assert_eq!(xs, [0.0, 155.0, 309.0, 464.0]);
    }
}
