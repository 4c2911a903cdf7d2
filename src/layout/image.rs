//! Image blocks: a picture scaled to its width, keeping its proportions, centred once
//! across the page like a QR code.

use super::block::BlockBox;
use super::document::{ImageBox, Item, Mark, Placed, Role, Tag};
use crate::model::{Image, ImageWidth};

/// Resolution a picture is drawn at when the leaflet gives no `width`.
pub const PRINT_DPI: f32 = 300.0;

/// How wide the picture is drawn: as asked, but never wider than the text area.
pub fn drawn_width(image: &Image, column_width: f32, full_width: f32) -> f32 {
    let asked = match image.width {
        ImageWidth::Natural => image.picture.natural_width(PRINT_DPI),
        ImageWidth::Points(pt) => pt,
        ImageWidth::OfColumn(fraction) => fraction * column_width,
    };
    asked.min(full_width)
}

/// The picture's box, centred across `full_width`, drawing the picture at `image.index`
/// in the document's image table (the leaflet's `pictures`).
pub fn image_box(image: &Image, column_width: f32, full_width: f32) -> BlockBox {
    let width = drawn_width(image, column_width, full_width);
    let height = width * image.picture.aspect();
    let placed = Placed {
        x: (full_width - width) / 2.0,
        y: 0.0,
        item: Item::Image(ImageBox { image: image.index, width, height }),
        // Its block and column are the row's, set when placed.
        tag: Tag::Content(Mark { role: Role::Figure, ..Mark::default() }),
    };
    BlockBox::drawn(height, vec![placed])
}
