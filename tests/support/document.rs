//! Reading the layout tree in tests.
#![allow(dead_code)]

use leaflet::layout::{Document, Item, TextRun};

/// A page's text runs (one per line and face) with their baseline origin.
pub fn runs(doc: &Document, page: usize) -> Vec<(f32, f32, &TextRun)> {
    doc.pages[page]
        .items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Text(r) => Some((p.x, p.y, r)),
            Item::Rect(_) | Item::Image(_) => None,
        })
        .collect()
}
