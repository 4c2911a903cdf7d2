//! How each kind of block looks: face, size, leading, colour and spacing, all derived
//! from the leaflet's body size and accent so one setting rescales the whole page.

use crate::model::{BlockKind, Rgb, Style};
use crate::text::FaceStyle;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BlockStyle {
    pub face: FaceStyle,
    pub size: f32,
    /// Baseline-to-baseline distance, in points.
    pub leading: f32,
    pub color: Rgb,
    pub align: Align,
    /// Space kept below the block's row, in points.
    pub space_after: f32,
}

impl BlockStyle {
    pub fn of(kind: BlockKind, style: &Style) -> BlockStyle {
        let body = style.size;
        let text = |face, scale: f32, leading: f32, color, align, after: f32| BlockStyle {
            face,
            size: body * scale,
            leading: body * scale * leading,
            color,
            align,
            space_after: body * after,
        };
        match kind {
            BlockKind::Heading => text(FaceStyle::Bold, 1.9, 1.1, style.accent, Align::Left, 0.8),
            BlockKind::Paragraph => {
                text(FaceStyle::Regular, 1.0, 1.3, Rgb::BLACK, Align::Left, 0.65)
            }
            BlockKind::List => text(FaceStyle::Regular, 1.0, 1.3, Rgb::BLACK, Align::Left, 0.65),
            BlockKind::Slogan => text(FaceStyle::Bold, 1.6, 1.15, Rgb::WHITE, Align::Center, 0.9),
            BlockKind::Quote => text(FaceStyle::Italic, 1.0, 1.3, Rgb::BLACK, Align::Left, 0.65),
            BlockKind::Footer => text(FaceStyle::Bold, 1.0, 1.25, Rgb::BLACK, Align::Left, 0.3),
        }
    }

    /// Where the first baseline sits below the top of a line box: the leading's extra
    /// space split above and below, plus the face's ascent for this size.
    pub fn first_baseline(&self) -> f32 {
        (self.leading - self.size) / 2.0 + self.size * 0.86
    }
}
