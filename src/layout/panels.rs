//! The panels of a folded sheet: which panel lies where on which side of the sheet,
//! how wide it is, and the order a reader meets them in. The one table of these facts
//! (the README's table is written from it); layout lays panels out from it and the
//! press places them by it. Knows nothing of text, rows or PDF.
//!
//! The sheet is landscape and its folds are vertical. Each side is described as it
//! is printed and seen, from its own left edge. The sheet turns on its short edge
//! between the sides, so a point `x` from the outside's left edge is behind the point
//! `sheet_width − x` of the inside: the inside panel behind an outside panel is its
//! mirror image across the sheet's middle.

use crate::model::{Fold, Pin, units::PT_PER_MM};

/// How much narrower a roll fold's end panel is than the others, so that it tucks in.
pub const ROLL_TUCK_MM: f32 = 3.0;

/// Panels narrower than this set their languages one after the other in each row
/// unless the leaflet asks for a layout.
pub const NARROW_PANEL_MM: f32 = 120.0;

/// A side of the sheet: the outside (the covers) is printed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Outside,
    Inside,
}

/// A panel by what a reader calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelName {
    Front,
    Back,
    /// A roll fold's narrower end panel, folded in first.
    Flap,
    InsideLeft,
    InsideMiddle,
    InsideRight,
    /// A Z fold's two outside panels that face each other when folded.
    OutsideLeft,
    OutsideMiddle,
}

impl PanelName {
    pub fn name(self) -> &'static str {
        match self {
            PanelName::Front => "front",
            PanelName::Back => "back",
            PanelName::Flap => "flap",
            PanelName::InsideLeft => "inside left",
            PanelName::InsideMiddle => "inside middle",
            PanelName::InsideRight => "inside right",
            PanelName::OutsideLeft => "outside left",
            PanelName::OutsideMiddle => "outside middle",
        }
    }

    /// The panel a block pinned with `panel = "…"` goes on.
    pub fn pinned(pin: Pin) -> PanelName {
        match pin {
            Pin::Front => PanelName::Front,
            Pin::Flap => PanelName::Flap,
            Pin::Back => PanelName::Back,
        }
    }

    /// The covers, seen from outside the folded leaflet.
    pub fn is_cover(self) -> bool {
        matches!(self, PanelName::Front | PanelName::Back)
    }
}

/// One panel: its side of the sheet, its left edge from that side's left edge, and its
/// width, in points. Every panel is as tall as the sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Panel {
    pub name: PanelName,
    pub side: Side,
    pub x: f32,
    pub width: f32,
}

/// A folded leaflet's sheet and where each page of its document (a panel, in reading
/// order) goes on it: `panels[i]` is page `i`.
#[derive(Debug, Clone, PartialEq)]
pub struct Folding {
    pub fold: Fold,
    pub sheet_width: f32,
    pub sheet_height: f32,
    pub panels: Vec<Panel>,
}

/// The panels of a sheet `sheet_width` points wide, in reading order.
///
/// - half: outside back | front; inside: inside left | inside right. Read front,
///   inside left, inside right, back.
/// - roll: outside flap | back | front, inside inside left | inside middle | inside
///   right; the flap and inside right 3 mm narrower (97 | 100 | 100 mm on A4). Read
///   front, inside left, inside middle, inside right, flap, back.
/// - z: six equal panels; outside outside left | outside middle | front, inside
///   inside left | inside middle | back. Folded, the front is on top and the back
///   underneath; opening the front shows inside left and middle, pulling out the
///   back panel completes the inside spread, and the outside left and middle are
///   read last, turning the open sheet over. Read front, inside left, inside middle,
///   back, outside left, outside middle.
pub fn panels(fold: Fold, sheet_width: f32) -> Vec<Panel> {
    use PanelName::*;
    use Side::*;
    let at = |name, side, x: f32, width: f32| Panel { name, side, x, width };
    let w = sheet_width;
    match fold {
        Fold::Half => {
            let half = w / 2.0;
            vec![
                at(Front, Outside, half, half),
                at(InsideLeft, Inside, 0.0, half),
                at(InsideRight, Inside, half, half),
                at(Back, Outside, 0.0, half),
            ]
        }
        Fold::Roll => {
            let full = (w + ROLL_TUCK_MM * PT_PER_MM) / 3.0;
            let flap = w - 2.0 * full;
            vec![
                at(Front, Outside, flap + full, full),
                at(InsideLeft, Inside, 0.0, full),
                at(InsideMiddle, Inside, full, full),
                at(InsideRight, Inside, 2.0 * full, flap),
                at(Flap, Outside, 0.0, flap),
                at(Back, Outside, flap, full),
            ]
        }
        Fold::Z => {
            let third = w / 3.0;
            vec![
                at(Front, Outside, 2.0 * third, third),
                at(InsideLeft, Inside, 0.0, third),
                at(InsideMiddle, Inside, third, third),
                at(Back, Inside, 2.0 * third, third),
                at(OutsideLeft, Outside, 0.0, third),
                at(OutsideMiddle, Outside, third, third),
            ]
        }
    }
}

/// Where the folds are on a side, from its left edge: the panels' inner edges.
pub fn folds(panels: &[Panel], side: Side) -> Vec<f32> {
    let mut edges: Vec<f32> = panels.iter().filter(|p| p.side == side && p.x > 0.01).map(|p| p.x).collect();
    edges.sort_by(f32::total_cmp);
    edges
}

/// The panel printed behind `panel` on the other side of a sheet `sheet_width` wide:
/// the one at its mirror image (the sheet turns on its short edge).
pub fn behind(panels: &[Panel], panel: &Panel, sheet_width: f32) -> Option<Panel> {
    let mirrored = sheet_width - panel.x - panel.width;
    panels
        .iter()
        .find(|p| {
            p.side != panel.side && (p.x - mirrored).abs() < 0.01 && (p.width - panel.width).abs() < 0.01
        })
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A4_LANDSCAPE: f32 = 297.0 * PT_PER_MM;

    /// Each side's panels as (name, left edge, width) in whole millimetres, left to right.
    fn side(fold: Fold, side: Side) -> Vec<(&'static str, f32, f32)> {
        let mut ps: Vec<Panel> = panels(fold, A4_LANDSCAPE).into_iter().filter(|p| p.side == side).collect();
        ps.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mm = |v: f32| (v / PT_PER_MM * 100.0).round() / 100.0;
        ps.iter().map(|p| (p.name.name(), mm(p.x), mm(p.width))).collect()
    }

    fn order(fold: Fold) -> Vec<&'static str> {
        panels(fold, A4_LANDSCAPE).iter().map(|p| p.name.name()).collect()
    }

    #[test]
    fn roll_fold_panels_are_97_100_100_outside_and_100_100_97_inside() {
        assert_eq!(
            side(Fold::Roll, Side::Outside),
            [("flap", 0.0, 97.0), ("back", 97.0, 100.0), ("front", 197.0, 100.0)]
        );
        assert_eq!(
            side(Fold::Roll, Side::Inside),
            [("inside left", 0.0, 100.0), ("inside middle", 100.0, 100.0), ("inside right", 200.0, 97.0)]
        );
        assert_eq!(
            order(Fold::Roll),
            ["front", "inside left", "inside middle", "inside right", "flap", "back"]
        );
    }

    #[test]
    fn half_fold_panels_are_two_a5_on_each_side() {
        assert_eq!(side(Fold::Half, Side::Outside), [("back", 0.0, 148.5), ("front", 148.5, 148.5)]);
        assert_eq!(
            side(Fold::Half, Side::Inside),
            [("inside left", 0.0, 148.5), ("inside right", 148.5, 148.5)]
        );
        assert_eq!(order(Fold::Half), ["front", "inside left", "inside right", "back"]);
    }

    #[test]
    fn z_fold_panels_are_six_equal_with_the_back_ending_the_inside_spread() {
        assert_eq!(
            side(Fold::Z, Side::Outside),
            [("outside left", 0.0, 99.0), ("outside middle", 99.0, 99.0), ("front", 198.0, 99.0)]
        );
        assert_eq!(
            side(Fold::Z, Side::Inside),
            [("inside left", 0.0, 99.0), ("inside middle", 99.0, 99.0), ("back", 198.0, 99.0)]
        );
        assert_eq!(
            order(Fold::Z),
            ["front", "inside left", "inside middle", "back", "outside left", "outside middle"]
        );
    }

    /// The panels a reader turns together: each is exactly behind its partner, and the
    /// front's reverse is the first inside panel of every fold.
    #[test]
    fn every_panel_lies_exactly_behind_its_partner() {
        let partners = [
            (Fold::Half, [("front", "inside left"), ("back", "inside right")].as_slice()),
            (Fold::Roll, &[("front", "inside left"), ("back", "inside middle"), ("flap", "inside right")]),
            (
                Fold::Z,
                &[("front", "inside left"), ("outside middle", "inside middle"), ("outside left", "back")],
            ),
        ];
        for (fold, pairs) in partners {
            let ps = panels(fold, A4_LANDSCAPE);
            assert_eq!(ps.len(), pairs.len() * 2);
            for (outside, inside) in pairs {
                let out = ps.iter().find(|p| p.name.name() == *outside).unwrap();
                assert_eq!(out.side, Side::Outside);
                let back = behind(&ps, out, A4_LANDSCAPE).unwrap();
                assert_eq!(back.name.name(), *inside, "{fold:?}: behind the {outside}");
            }
            // Each side is covered edge to edge, without overlap.
            for s in [Side::Outside, Side::Inside] {
                let mut edge = 0.0;
                let mut on_side: Vec<&Panel> = ps.iter().filter(|p| p.side == s).collect();
                on_side.sort_by(|a, b| a.x.total_cmp(&b.x));
                for p in on_side {
                    assert!((p.x - edge).abs() < 0.01, "{fold:?} {s:?}: gap or overlap at {}", p.name.name());
                    edge = p.x + p.width;
                }
                assert!((edge - A4_LANDSCAPE).abs() < 0.01);
            }
        }
    }

    #[test]
    fn folds_are_the_inner_panel_edges() {
        let ps = panels(Fold::Roll, A4_LANDSCAPE);
        let mm = |v: Vec<f32>| v.iter().map(|x| (x / PT_PER_MM).round()).collect::<Vec<_>>();
        assert_eq!(mm(folds(&ps, Side::Outside)), [97.0, 197.0]);
        assert_eq!(mm(folds(&ps, Side::Inside)), [100.0, 200.0]);
    }
}
