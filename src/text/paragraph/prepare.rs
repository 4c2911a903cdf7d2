//! Preparing a paragraph once for every size: faces chosen per character, bidi levels,
//! glyphs shaped at 1 pt, break opportunities (with hyphenation) collected and each
//! glyph's text found. Knows nothing of widths to break into or of drawing lines.

use std::ops::Range;
use std::rc::Rc;

use super::glyph_text::{GlyphText, glyph_texts};
use super::{ParagraphStyle, SetError, StyledText};
use crate::text::bidi;
use crate::text::cache::{PrepareQuery, SharedCaches, TextCaches};
use crate::text::chain::{FaceId, FontChain};
use crate::text::fonts::FaceStyle;
use crate::text::items::{Collect, Items, JUSTIFIED, collect};
use crate::text::knuth_plass::Sums;
use crate::text::shape::ShapedGlyph;

/// A paragraph made ready to break at any size: faces chosen per character, bidi
/// levels, glyphs shaped and break opportunities (with hyphenation) collected, all at
/// 1 pt. Every width scales linearly with the size, so breaking at `size` into `width`
/// is breaking this into `width / size`; fitting tries many sizes and does this once.
#[derive(Debug)]
pub struct Prepared {
    pub(super) text: String,
    pub(super) glyphs: Vec<ShapedGlyph>,
    pub(super) faces: Vec<FaceId>,
    /// Bidi level of each byte of the text.
    pub(super) levels: Vec<unicode_bidi::Level>,
    pub(super) items: Items,
    /// What each glyph stands for (`glyph_texts`).
    pub(super) texts: Vec<GlyphText>,
    /// The line-end hyphen: glyph, advance at 1 pt, the text it maps to.
    pub(super) hyphen: (u16, f32, &'static str),
    pub(super) rtl: bool,
    /// The items' sums for the breaker, justified and ragged, made when first needed.
    pub(super) sums: [std::cell::OnceCell<Sums>; 2],
}

thread_local! {
    /// Prepared paragraphs and shaped runs, by the faces of the chain that made them.
    static CACHES: SharedCaches<Prepared> = SharedCaches::default();
}

pub(super) fn prepare(styled: &StyledText, style: &ParagraphStyle) -> Result<Rc<Prepared>, SetError> {
    let caches = CACHES.with(|shared| shared.of(style.fonts));
    let query = PrepareQuery(styled.text, styled.runs, style.lang, style.hyphenate);
    if let Some(done) = caches.prepared(&query) {
        return Ok(done);
    }
    let text = styled.text;
    let mut runs = Vec::new();
    for (range, face) in styled.runs {
        let found = style
            .fonts
            .itemize(&text[range.clone()], *face)
            .map_err(|chars| SetError::MissingGlyphs { chars, face: style.fonts.names() })?;
        runs.extend(found.into_iter().map(|(r, id)| (r.start + range.start..r.end + range.start, id)));
    }
    let rtl = crate::language::is_rtl(style.lang);
    let levels = if text.is_empty() { Vec::new() } else { bidi::levels(text, rtl) };
    let (glyphs, faces) = shape_runs(text, &runs, &levels, style, &caches);
    let base = FaceId::primary(styled.runs.first().map_or(FaceStyle::Regular, |r| r.1));
    let hyphen = hyphen_glyph(style.fonts, base);
    let items = collect(&Collect {
        text,
        glyphs: &glyphs,
        lang: style.lang,
        hyphen_width: style.hyphenate.then_some(hyphen.1),
        spacing: JUSTIFIED,
    });
    let texts = glyph_texts(text, &glyphs, &levels);
    let prepared = Rc::new(Prepared {
        text: text.to_string(),
        glyphs,
        faces,
        levels,
        items,
        texts,
        hyphen,
        rtl,
        sums: Default::default(),
    });
    caches.keep_prepared(query.to_key(), prepared.clone());
    Ok(prepared)
}

/// Each run shaped in its face and direction (runs are cut where the bidi level
/// changes) at 1 pt; clusters are offsets into the whole text, glyphs in logical order.
fn shape_runs(
    text: &str,
    runs: &[(Range<usize>, FaceId)],
    levels: &[unicode_bidi::Level],
    style: &ParagraphStyle,
    caches: &TextCaches<Prepared>,
) -> (Vec<ShapedGlyph>, Vec<FaceId>) {
    let mut glyphs = Vec::new();
    let mut faces = Vec::new();
    for (range, face) in runs {
        let mut start = range.start;
        while start < range.end {
            let level = levels[start];
            let end = (start..range.end).find(|&i| levels[i] != level).unwrap_or(range.end);
            let shaped = caches.shape(style.fonts, *face, &text[start..end], 1.0, style.lang, level.is_rtl());
            // Bidi controls come back as empty glyphs: they have done their work.
            let shaped: Vec<ShapedGlyph> = shaped
                .into_iter()
                .map(|g| ShapedGlyph { cluster: g.cluster + start, ..g })
                .filter(|g| g.advance != 0.0 || !text[g.cluster..].starts_with(bidi::is_control))
                .collect();
            faces.extend(std::iter::repeat_n(*face, shaped.len()));
            glyphs.extend(shaped);
            start = end;
        }
    }
    (glyphs, faces)
}

/// The glyph drawn where a word is hyphenated: the face's soft-hyphen glyph (mapped
/// back to U+00AD, so text extraction can rejoin the word), else its hyphen; its
/// advance at 1 pt.
fn hyphen_glyph(fonts: &FontChain, face: FaceId) -> (u16, f32, &'static str) {
    let font = fonts.face(face);
    let parsed = font.parse();
    let (id, text) = match parsed.glyph_index('\u{ad}') {
        Some(id) => (id, "\u{ad}"),
        None => (parsed.glyph_index('-').unwrap_or_default(), "-"),
    };
    let advance = parsed.glyph_hor_advance(id).unwrap_or(0) as f32 / font.units_per_em;
    (id.0, advance, text)
}
