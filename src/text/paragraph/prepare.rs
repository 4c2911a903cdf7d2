//! Preparing a paragraph once for every size: faces chosen per character, bidi levels,
//! glyphs shaped at 1 pt, break opportunities (with hyphenation) collected and each
//! glyph's text found. Knows nothing of widths to break into or of drawing lines.

use std::ops::Range;
use std::rc::Rc;

use super::glyph_text::{GlyphText, GlyphTexts, glyph_texts};
use super::{ParagraphStyle, SetError, StyledText};
use crate::text::bidi;
use crate::text::cache::{PrepareQuery, SharedCaches, TextCaches};
use crate::text::chain::{FaceId, FontChain};
use crate::text::items::{Collect, Items, JUSTIFIED, Source, collect};
use crate::text::knuth_plass::{Item, Sums};
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
    /// For each glyph of a cluster its glyphs cannot say one by one, the cluster's text.
    pub(super) actual: Vec<Option<GlyphText>>,
    /// The line-end hyphen of each face the paragraph uses, by face (`hyphen_after`).
    pub(super) hyphens: Vec<(FaceId, Hyphen)>,
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
    let mut hyphens: Vec<(FaceId, Hyphen)> = Vec::new();
    for &face in &faces {
        if !hyphens.iter().any(|(f, _)| *f == face)
            && let Some(hyphen) = hyphen_for(style.fonts, face)
        {
            hyphens.push((face, hyphen));
        }
    }
    // No face of the chain has a hyphen to draw: the words are not hyphenated.
    let hyphenate = style.hyphenate && !hyphens.is_empty();
    let mut items = collect(&Collect {
        text,
        glyphs: &glyphs,
        lang: style.lang,
        hyphen_width: hyphenate.then_some(hyphens.first().map_or(0.0, |(_, h)| h.advance)),
        spacing: JUSTIFIED,
    });
    // Each hyphenation point costs the width of the hyphen that will be drawn there:
    // its word's face's own (Noto Sans Devanagari's is 0.34 em, Noto Sans's 0.322).
    let mut before = None;
    for (item, source) in items.items.iter_mut().zip(&items.sources) {
        match (item, source) {
            (_, Source::Glyphs(range)) if !range.is_empty() => before = Some(range.end - 1),
            (Item::Penalty { width, .. }, Source::Hyphen) => {
                if let Some(hyphen) = before.and_then(|k| hyphen_after(&hyphens, faces[k])) {
                    *width = hyphen.advance;
                }
            }
            _ => {}
        }
    }
    let GlyphTexts { texts, actual } = glyph_texts(text, &glyphs, &faces, style.fonts, &levels);
    let prepared = Rc::new(Prepared {
        text: text.to_string(),
        glyphs,
        faces,
        levels,
        items,
        texts,
        actual,
        hyphens,
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

/// The hyphen drawn where a word is hyphenated, and the face it is drawn in: glyph
/// ids belong to one face, so a hyphen's id is only right in the face it came from
/// (Noto Sans's hyphen id drawn in Noto Sans Devanagari was the digit five).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Hyphen {
    pub face: FaceId,
    pub id: u16,
    /// At 1 pt.
    pub advance: f32,
    /// What it maps back to: a soft hyphen, so text extraction can rejoin the word,
    /// where the face has that character; else a hyphen.
    pub text: &'static str,
}

/// The hyphen to end a line whose last glyph is in `face`: the face's own, else that
/// of the first face of the chain (in the same style) that has one.
pub(super) fn hyphen_after(hyphens: &[(FaceId, Hyphen)], face: FaceId) -> Option<&Hyphen> {
    hyphens.iter().find(|(f, _)| *f == face).map(|(_, h)| h)
}

/// `face`'s own hyphen, else that of the first family in the chain with one, in the
/// same style; `None` when no family has a hyphen at all.
fn hyphen_for(fonts: &FontChain, face: FaceId) -> Option<Hyphen> {
    let families = (0..fonts.families.len() as u8).map(|family| FaceId { family, style: face.style });
    std::iter::once(face).chain(families).find_map(|face| {
        let font = fonts.face(face);
        let parsed = font.parse();
        let (id, text) = ["\u{ad}", "-", "\u{2010}"]
            .into_iter()
            .find_map(|text| Some((parsed.glyph_index(text.chars().next()?)?, text)))?;
        let advance = parsed.glyph_hor_advance(id).unwrap_or(0) as f32 / font.units_per_em;
        Some(Hyphen { face, id: id.0, advance, text })
    })
}
