//! How each kind of block looks: face, size, leading, colour, alignment and spacing,
//! all derived from the body size and accent so one number rescales the whole page.

use crate::model::{Alignment, Block, BlockContent, Rgb, Style, TextKind};
use crate::text::{Align, Breaking, FaceStyle};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BlockStyle {
    pub face: FaceStyle,
    pub size: f32,
    /// Baseline-to-baseline distance, in points.
    pub leading: f32,
    pub color: Rgb,
    pub align: Align,
    pub hyphenate: bool,
    /// Space kept below the block's row, in points.
    pub space_after: f32,
    /// How its paragraphs are broken (fitting may only count lines).
    pub breaking: Breaking,
    /// Never ends a page: moves on with the block after it (headings).
    pub keep_with_next: bool,
}

impl BlockStyle {
    /// The block's look with the body set at `body` points.
    pub fn of(block: &Block, style: &Style, body: f32) -> BlockStyle {
        let text = |face, scale: f32, leading: f32, color, align, after: f32| BlockStyle {
            face,
            size: body * scale,
            leading: body * scale * leading,
            color,
            align,
            hyphenate: style.hyphenate && align == Align::Justify,
            space_after: body * after,
            breaking: Breaking::Optimal,
            keep_with_next: false,
        };
        let (kind, align) = match &block.content {
            BlockContent::Text { kind, align, .. } => (*kind, *align),
            // Drawn once across the page, centred: only the space after matters.
            BlockContent::Qr(_) | BlockContent::Image(_) => {
                return text(FaceStyle::Regular, 1.0, 1.3, Rgb::BLACK, Align::Center, 0.65);
            }
        };
        // Headings hyphenate however aligned: a long word in a narrow column (after the
        // heading is shrunk as far as the body, `compose`) may need it.
        let hyphenates = |align| style.hyphenate && (align == Align::Justify || kind == TextKind::Heading);
        let mut s = match kind {
            TextKind::Heading => BlockStyle {
                keep_with_next: true,
                hyphenate: hyphenates(Align::Left),
                ..text(FaceStyle::Bold, 1.9, 1.1, style.accent, Align::Left, 0.8)
            },
            TextKind::Paragraph => text(FaceStyle::Regular, 1.0, 1.3, Rgb::BLACK, Align::Justify, 0.65),
            // Short list items justify badly (a two-line item has one line to absorb
            // all the slack), so lists are ragged unless the leaflet says otherwise.
            TextKind::List => text(FaceStyle::Regular, 1.0, 1.3, Rgb::BLACK, Align::Left, 0.65),
            // White on a dark accent, black on a light one.
            TextKind::Slogan => {
                text(FaceStyle::Bold, 1.6, 1.15, style.accent.contrasting(), Align::Center, 0.9)
            }
            TextKind::Quote => text(FaceStyle::Italic, 1.0, 1.3, Rgb::BLACK, Align::Justify, 0.65),
            TextKind::Footer => text(FaceStyle::Bold, 1.0, 1.25, Rgb::BLACK, Align::Left, 0.3),
        };
        if let Some(align) = align {
            s.align = match align {
                Alignment::Left => Align::Left,
                Alignment::Justify => Align::Justify,
                Alignment::Center => Align::Center,
            };
            s.hyphenate = hyphenates(s.align);
        }
        s
    }

    /// The same look with the type at `size` (the leading in proportion): a heading
    /// shrunk to fit its column.
    pub fn at_size(&self, size: f32) -> BlockStyle {
        BlockStyle { size, leading: self.leading * size / self.size, ..*self }
    }

    /// The turn-over line at the foot of a page ("Please turn over"): italic, a little
    /// smaller than the body, in the accent colour.
    pub fn turn_over(style: &Style, body: f32) -> BlockStyle {
        BlockStyle {
            face: FaceStyle::Italic,
            size: body * 0.9,
            leading: body * 0.9 * 1.25,
            color: style.accent,
            align: Align::Left,
            hyphenate: false,
            space_after: 0.0,
            breaking: Breaking::Optimal,
            keep_with_next: false,
        }
    }

    /// Where the first baseline sits below the top of a line box, for a face whose
    /// ascender and descender (in em, descender negative) are given: the line box is the
    /// leading, the face's own height (ascender to descender) sits in its middle, and the
    /// baseline is the ascender below that height's top — CSS's inline box, and where a
    /// PDF viewer or our preview puts the same glyphs. Noto Sans (1.069 and −0.293) at a
    /// leading of 1.3 em: 1.038 em.
    pub fn first_baseline(&self, ascender: f32, descender: f32) -> f32 {
        let height = (ascender - descender) * self.size;
        (self.leading - height) / 2.0 + ascender * self.size
    }

    /// The face for a stretch of text with emphasis: bold and italic add to the
    /// block's face; italic inside italic text (a quote) sets it upright.
    pub fn face_with(&self, bold: bool, italic: bool) -> FaceStyle {
        let base_bold = matches!(self.face, FaceStyle::Bold | FaceStyle::BoldItalic);
        let base_italic = matches!(self.face, FaceStyle::Italic | FaceStyle::BoldItalic);
        match (base_bold || bold, base_italic != italic) {
            (false, false) => FaceStyle::Regular,
            (true, false) => FaceStyle::Bold,
            (false, true) => FaceStyle::Italic,
            (true, true) => FaceStyle::BoldItalic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::FontFamily;

    /// The first baseline comes from the face's own ascender and descender (it was a
    /// fixed 0.86 em): Noto Sans, 1.069 and −0.293 em, at 10 pt on a 13 pt leading.
    #[test]
    fn the_first_baseline_is_the_faces_ascender_below_its_half_leading() {
        let family = FontFamily::builtin();
        let face = family.face(FaceStyle::Regular);
        assert_eq!((face.ascender, face.descender), (1.069, -0.293));
        let style = BlockStyle {
            face: FaceStyle::Regular,
            size: 10.0,
            leading: 13.0,
            color: Rgb::BLACK,
            align: Align::Left,
            hyphenate: false,
            space_after: 0.0,
            breaking: Breaking::Optimal,
            keep_with_next: false,
        };
        // (13 − 13.62) / 2 + 10.69
        assert!((style.first_baseline(face.ascender, face.descender) - 10.38).abs() < 1e-4);
        // A taller ascender (by 9.31 pt here) lowers the baseline by half as much.
        assert!((style.first_baseline(2.0, -0.293) - 15.035).abs() < 1e-4);
    }
}
