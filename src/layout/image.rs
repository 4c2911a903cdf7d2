//! Image blocks: a picture scaled to its width, keeping its proportions, centred once
//! across the page like a QR code.

use std::sync::Arc;

use super::block::BlockBox;
use super::document::{ImageBox, Item, Placed};
use crate::model::{Image, ImageWidth, Leaflet, Picture};

/// Resolution a picture is drawn at when the leaflet gives no `width`.
pub const PRINT_DPI: f32 = 300.0;

/// Every picture the leaflet shows, each once, in order of first use: the document's
/// image table.
pub fn pictures(leaflet: &Leaflet) -> Vec<Arc<Picture>> {
    let mut out: Vec<Arc<Picture>> = Vec::new();
    for image in leaflet.blocks.iter().filter_map(|b| b.image()) {
        if !out.iter().any(|p| Arc::ptr_eq(p, &image.picture)) {
            out.push(image.picture.clone());
        }
    }
    out
}

/// How wide the picture is drawn: as asked, but never wider than the text area.
pub fn drawn_width(image: &Image, column_width: f32, full_width: f32) -> f32 {
    let asked = match image.width {
        ImageWidth::Natural => image.picture.width as f32 / PRINT_DPI * 72.0,
        ImageWidth::Points(pt) => pt,
        ImageWidth::OfColumn(fraction) => fraction * column_width,
    };
    asked.min(full_width)
}

/// The picture's box, centred across `full_width`; `index` is its place in the image table.
pub fn image_box(image: &Image, index: usize, column_width: f32, full_width: f32) -> BlockBox {
    let width = drawn_width(image, column_width, full_width);
    let height = width * image.picture.height as f32 / image.picture.width as f32;
    let placed = Placed {
        x: (full_width - width) / 2.0,
        y: 0.0,
        item: Item::Image(ImageBox { image: index, width, height }),
    };
    BlockBox::drawn(height, vec![placed])
}
