//! What a laid-out document deserves a look for, though it prints: body type shrunk below
//! the `size` asked for, text within the safe margin of the trim, pictures below print
//! resolution (resolution.rs), SVG features that cannot be drawn as asked, paragraphs
//! with no decent setting in their column, a folded leaflet's empty covers. Found once in the pipeline, so `build`, `check`,
//! `preview` and `watch` tell the same. Reads the document before pressing (bleed, imposition);
//! knows no command line and no PDF.

use crate::diag::Diagnostic;
use crate::layout::Document;
use crate::model::Leaflet;

/// Every warning about the laid-out (not yet pressed) document, in a fixed order.
pub fn layout_warnings(leaflet: &Leaflet, doc: &Document) -> Vec<Diagnostic> {
    let mut out = outside_safe_area(leaflet, doc);
    out.extend(crate::resolution::low_resolution(leaflet, doc));
    out.extend(svg_not_drawn(leaflet));
    out.extend(without_alt(leaflet));
    out.extend(shrunk(leaflet, doc));
    out.extend(hard_paragraph_warnings(leaflet, doc));
    out.extend(crate::layout::empty_covers(leaflet, doc));
    out
}

/// What an SVG picture asks for that cannot be drawn as asked (filters, masks, …): a
/// warning for each, at the picture's `path`, so nothing is left out in silence.
fn svg_not_drawn(leaflet: &Leaflet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for image in leaflet.blocks.iter().filter_map(|b| b.image()) {
        let Some(art) = image.picture.vector() else { continue };
        // A picture shown twice is told about once.
        if seen.contains(&image.index) {
            continue;
        }
        seen.push(image.index);
        let name = image.picture.path.file_name().unwrap_or_default().to_string_lossy();
        for what in &art.unsupported {
            out.push(
                Diagnostic::warning(format!("{name}: {what}"))
                    .at(&leaflet.source.path, &leaflet.source.text, image.path_span.clone())
                    .hint("draw it without this feature in the SVG editor, or give a PNG of it"),
            );
        }
    }
    out
}

/// Pictures with no `alt`: a screen reader can only say that there is a picture.
fn without_alt(leaflet: &Leaflet) -> Vec<Diagnostic> {
    let pictures = leaflet.blocks.iter().filter_map(|b| b.image()).filter(|i| i.alt.is_none());
    pictures
        .map(|image| {
            let name = image.picture.path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            Diagnostic::warning(format!("{name} has no alternative text for screen readers"))
                .at(&leaflet.source.path, &leaflet.source.text, image.path_span.clone())
                .hint("add alt = \"logo-alt\" to the block, and a message `logo-alt` saying what it shows in each language")
        })
        .collect()
}

/// The body set smaller than `size` to make the text fit.
fn shrunk(leaflet: &Leaflet, doc: &Document) -> Option<Diagnostic> {
    // Fitting works in small steps; a hundredth of a point is no shrinking.
    (doc.body_size < leaflet.style.size - 0.01).then(|| {
        let d = Diagnostic::warning(format!(
            "the text only fits with the body shrunk to {:.2} pt (`size` is {} pt)",
            doc.body_size, leaflet.style.size
        ))
        .in_file(&leaflet.source.path);
        match doc.pages_at_size {
            Some(n) => d.hint(format!(
                "at `size` the text takes {n} page(s): set `pages = {n}` (or \"auto\"), shorten the text, \
                 or lower `size` to what it prints at"
            )),
            None => d.hint("shorten the text, or lower `size` to what it prints at"),
        }
    })
}

/// Paragraphs layout could set only with the breaker's emergency pass (looser lines,
/// a word perhaps alone on its line) or first fit (ragged), at their message.
fn hard_paragraph_warnings(leaflet: &Leaflet, doc: &Document) -> Vec<Diagnostic> {
    let hard = doc.hard_paragraphs.iter().map(|h| {
        let how = match h.pass {
            crate::text::Pass::FirstFit => "set ragged, line by line (first fit)",
            _ => "set with looser lines (an emergency pass)",
        };
        let d = Diagnostic::warning(format!(
            "message `{}` in `{}` has no decent setting in its column: {how}",
            h.message, h.lang
        ))
        .hint("reword its long words, set align = \"left\" on its block, or make the columns wider");
        match &h.defined_at {
            Some(location) => d.located(location),
            None => d.in_file(&leaflet.source.path),
        }
    });
    hard.collect()
}

/// Copy shops cut within a few millimetres of the trim; text must keep clear of it.
pub const SAFE_MARGIN_MM: f32 = 5.0;

/// Lines of text closer to the trim than the safe margin (a warning).
fn outside_safe_area(leaflet: &Leaflet, doc: &Document) -> Vec<Diagnostic> {
    let lines = lines_near_trim(doc);
    if lines == 0 {
        return Vec::new();
    }
    vec![
        Diagnostic::warning(format!(
            "{lines} line(s) of text come within {SAFE_MARGIN_MM} mm of the trim, where the cut may fall"
        ))
        .in_file(&leaflet.source.path)
        .hint(format!("use a `margin` of at least {SAFE_MARGIN_MM}mm")),
    ]
}

/// How many runs of text reach within the safe margin of their page's trim.
fn lines_near_trim(doc: &Document) -> usize {
    let safe = SAFE_MARGIN_MM * crate::model::units::PT_PER_MM;
    let mut lines = 0;
    for page in &doc.pages {
        let t = page.trim;
        for placed in &page.items {
            let crate::layout::Item::Text(run) = &placed.item else { continue };
            let (left, right) = (placed.x, placed.x + run_width(run, &doc.faces[run.face]));
            let (top, bottom) = (placed.y - run.size, placed.y);
            let outside = left < t.x + safe
                || right > t.x + t.width - safe
                || top < t.y + safe
                || bottom > t.y + t.height - safe;
            lines += usize::from(outside);
        }
    }
    lines
}

/// How far a run's glyphs reach from its origin, in points: the furthest glyph's origin
/// plus its advance (its origin alone leaves out its own width). A glyph the face gives
/// no advance for takes none, as in the PDF, which writes the same advances.
fn run_width(run: &crate::layout::TextRun, face: &crate::text::FontFace) -> f32 {
    let parsed = face.parse();
    let scale = run.size / face.units_per_em;
    let advance = |id: u16| parsed.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0) as f32 * scale;
    run.glyphs.iter().map(|g| g.x + advance(g.id)).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Glyph, Ink, Item, Page, Placed, Tag, TextRun};
    use crate::model::Rgb;

    /// A page 200 pt wide with one run of one glyph `x` from the left edge, and the
    /// glyph's advance at that size.
    fn page_with_one_glyph(x: f32) -> (Document, f32) {
        let face = crate::text::FontFamily::builtin().faces[0].clone();
        let id = face.parse().glyph_index('M').expect("Noto Sans has M").0;
        let size = 20.0;
        let advance = face.parse().glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap() as f32 * size
            / face.units_per_em;
        let run = TextRun {
            face: 0,
            size,
            color: Ink::Rgb(Rgb(0, 0, 0)),
            lang: "en".into(),
            glyphs: vec![Glyph { id, x: 0.0, y_offset: 0.0, text: "M".into(), actual: None }],
        };
        let placed = Placed { x, y: 100.0, item: Item::Text(run), tag: Tag::Artifact };
        let doc = Document {
            title: String::new(),
            lang: "en".into(),
            languages: vec!["en".into()],
            body_size: size,
            faces: vec![face],
            images: Vec::new(),
            figures: Default::default(),
            pages: vec![Page::trimmed(200.0, 200.0, vec![placed])],
            flow: Vec::new(),
            pages_at_size: None,
            hard_paragraphs: Vec::new(),
            folding: None,
        };
        (doc, advance)
    }

    #[test]
    fn a_line_reaches_the_trim_by_its_last_glyphs_width_too() {
        let safe_edge = 200.0 - SAFE_MARGIN_MM * crate::model::units::PT_PER_MM;
        // The glyph's origin 1 pt inside the safe area, its ink past it.
        let (doc, advance) = page_with_one_glyph(safe_edge - 1.0);
        assert!(advance > 2.0, "M is wider than 2 pt at 20 pt: {advance}");
        assert_eq!(lines_near_trim(&doc), 1);
        // The whole glyph inside: no warning.
        let (doc, _) = page_with_one_glyph(safe_edge - advance - 1.0);
        assert_eq!(lines_near_trim(&doc), 0);
    }
}
