//! A glyph's outline as a path in pixels: font units (y up, from the glyph's origin)
//! scaled and flipped onto the pixmap (y down, from its top-left corner). Knows fonts
//! and tiny-skia paths, nothing of pages or colours.

use tiny_skia::{Path, PathBuilder};
use ttf_parser::{Face, GlyphId, OutlineBuilder};

/// Where a glyph goes: its origin in pixels and pixels per font unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub x: f32,
    /// The origin's y in pixels, growing downwards.
    pub y: f32,
    pub scale: f32,
}

/// The outline of glyph `id` at `at`, or `None` for a glyph that draws nothing (a space).
pub fn glyph_path(face: &Face, id: u16, at: Placement) -> Option<Path> {
    let mut pen = Pen { path: PathBuilder::new(), at };
    face.outline_glyph(GlyphId(id), &mut pen)?;
    pen.path.finish()
}

/// Receives the outline in font units and draws it in pixels.
struct Pen {
    path: PathBuilder,
    at: Placement,
}

impl Pen {
    fn map(&self, x: f32, y: f32) -> (f32, f32) {
        // Font units grow upwards, pixels downwards.
        (self.at.x + x * self.at.scale, self.at.y - y * self.at.scale)
    }
}

impl OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.map(x, y);
        self.path.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.map(x, y);
        self.path.line_to(x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.map(x1, y1);
        let (x, y) = self.map(x, y);
        self.path.quad_to(x1, y1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.map(x1, y1);
        let (x2, y2) = self.map(x2, y2);
        let (x, y) = self.map(x, y);
        self.path.cubic_to(x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        self.path.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::FontFamily;

    #[test]
    fn outline_is_scaled_and_flipped_around_the_origin() {
        let family = FontFamily::builtin();
        let face = family.faces[0].parse();
        let h = face.glyph_index('H').unwrap();
        let bbox = face.glyph_bounding_box(h).unwrap();
        let at = Placement { x: 100.0, y: 200.0, scale: 0.01 };
        let bounds = glyph_path(&face, h.0, at).unwrap().bounds();
        // The glyph's box in font units, y flipped, around the origin (100, 200).
        assert!((bounds.left() - (100.0 + bbox.x_min as f32 * 0.01)).abs() < 1e-3);
        assert!((bounds.right() - (100.0 + bbox.x_max as f32 * 0.01)).abs() < 1e-3);
        assert!((bounds.top() - (200.0 - bbox.y_max as f32 * 0.01)).abs() < 1e-3);
        // 'H' sits on the baseline.
        assert!((bounds.bottom() - 200.0).abs() < 1e-3, "{bounds:?}");
    }

    #[test]
    fn a_space_has_no_outline() {
        let family = FontFamily::builtin();
        let face = family.faces[0].parse();
        let space = face.glyph_index(' ').unwrap();
        assert!(glyph_path(&face, space.0, Placement { x: 0.0, y: 0.0, scale: 1.0 }).is_none());
    }
}
