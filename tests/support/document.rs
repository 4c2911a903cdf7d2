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
            Item::Rect(_) | Item::Image(_) | Item::Link(_) => None,
        })
        .collect()
}

/// Where a run placed at `x` ends on the right: the pen after its rightmost glyph, that
/// is the glyph's origin plus its advance in the face (as a PDF viewer places the next
/// glyph), in points from the page's left. A line's last origin leaves out the width
/// of its last letter. Marks (no advance of their own) are left out: the anchor that
/// sets one on its letter may put its origin past the pen (Thai ์ on ร), while its ink
/// sits over the letter.
pub fn right_edge(doc: &Document, x: f32, run: &TextRun) -> f32 {
    let face = &doc.faces[run.face];
    let parsed = face.parse();
    let advance = |id: u16| {
        let units = parsed.glyph_hor_advance(ttf_parser::GlyphId(id));
        units.unwrap_or_else(|| panic!("{} has no advance for glyph {id}", face.postscript_name))
    };
    let spacing = run.glyphs.iter().filter(|g| advance(g.id) > 0);
    let ends = spacing.map(|g| g.x + advance(g.id) as f32 * run.size / face.units_per_em);
    x + ends.reduce(f32::max).expect("a run has glyphs that advance")
}
