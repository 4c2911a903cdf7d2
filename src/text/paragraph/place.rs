//! Drawing a prepared paragraph's lines at a size: each line's glyphs placed from
//! x = 0 in visual order, spaces stretched or shrunk by the line's ratio when justified.
//! Knows nothing of where lines break (the breaker decided) or of the page.

use super::glyph_text::{ActualText, GlyphText, reorders};
use super::prepare::{Prepared, hyphen_after};
use crate::text::bidi;
use crate::text::chain::FaceId;
use crate::text::fonts::FaceStyle;
use crate::text::items::Source;
use crate::text::knuth_plass::{Break, Item, after_break};

/// A glyph placed on a line, with the text it stands for (its cluster's text for the
/// first glyph of a cluster, empty for the rest) so the PDF can map it back to text.
#[derive(Debug, Clone, PartialEq)]
pub struct LineGlyph {
    pub id: u16,
    pub face: FaceId,
    pub x: f32,
    pub y_offset: f32,
    pub text: GlyphText,
    /// Byte offset in the paragraph's text of the glyph's cluster; `None` for a hyphen
    /// added at the line's end.
    pub cluster: Option<usize>,
    /// How far the pen moves past the glyph (justification's extra space not counted).
    pub advance: f32,
    /// On the first glyph (in drawing order) of a cluster its glyphs' texts cannot say,
    /// or of a word of a script that reorders (`mark_words_that_reorder`).
    pub actual: Option<ActualText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub glyphs: Vec<LineGlyph>,
    pub width: f32,
    /// How much of the spaces' stretch (> 0) or shrink (< 0) the line uses.
    pub ratio: f32,
    /// Ends with a hyphen added by hyphenation.
    pub hyphenated: bool,
    /// The paragraph runs right to left: a line short of the measure sits at the right.
    pub rtl: bool,
}

/// Lines of a prepared paragraph drawn at a size.
pub(super) struct Placer<'a> {
    pub p: &'a Prepared,
    pub size: f32,
    pub justify: bool,
}

impl Placer<'_> {
    pub fn lines(&self, breaks: &[Break]) -> Vec<SetLine> {
        let mut start = 0;
        breaks
            .iter()
            .map(|b| {
                let line = self.line(start, b);
                start = after_break(&self.p.items.items, b.item);
                line
            })
            .collect()
    }

    /// The line from item `start` to the break, its spaces adjusted by the ratio,
    /// its glyphs in visual order.
    fn line(&self, start: usize, b: &Break) -> SetLine {
        let p = self.p;
        let ratio = if self.justify { b.ratio } else { 0.0 };
        // Logical order first: (glyph, extra space after it from justification).
        let mut logical: Vec<(Option<usize>, f32)> = Vec::new();
        for i in start..b.item {
            let Source::Glyphs(range) = &p.items.sources[i] else { continue };
            let extra = match p.items.items[i] {
                Item::Glue { stretch, shrink, .. } => ratio * if ratio > 0.0 { stretch } else { shrink },
                _ => 0.0,
            };
            logical.extend(range.clone().map(|k| (Some(k), 0.0)));
            if let Some(last) = logical.last_mut() {
                last.1 += extra;
            }
        }
        let hyphenated = p.items.sources[b.item] == Source::Hyphen;
        if hyphenated {
            logical.push((None, 0.0));
        }
        let paragraph_level = if p.rtl { unicode_bidi::Level::rtl() } else { unicode_bidi::Level::ltr() };
        let levels: Vec<unicode_bidi::Level> = logical
            .iter()
            .map(|(k, _)| k.map_or(paragraph_level, |k| p.levels[p.glyphs[k].cluster]))
            .collect();
        let size = self.size;
        let mut x = 0.0;
        let mut placed = Vec::with_capacity(logical.len());
        // Which of the paragraph's glyphs each placed one is (`None`: the hyphen).
        let mut drawn: Vec<Option<usize>> = Vec::with_capacity(logical.len());
        for index in bidi::visual_order(&levels) {
            let (glyph, extra) = logical[index];
            match glyph {
                Some(k) => {
                    let g = &p.glyphs[k];
                    placed.push(LineGlyph {
                        id: g.id,
                        face: p.faces[k],
                        x: x + g.x_offset * size,
                        y_offset: g.y_offset * size,
                        text: p.texts[k].clone(),
                        cluster: Some(g.cluster),
                        advance: g.advance * size,
                        actual: None,
                    });
                    drawn.push(Some(k));
                    x += (g.advance + extra) * size;
                }
                None => {
                    // The hyphen of the face the hyphenated word ends in, drawn in the
                    // face it was taken from (`Hyphen`).
                    let face = logical.iter().rev().find_map(|(k, _)| k.map(|k| p.faces[k]));
                    let face = face.unwrap_or(FaceId::primary(FaceStyle::Regular));
                    if let Some(h) = hyphen_after(&p.hyphens, face) {
                        let text = h.text.into();
                        placed.push(LineGlyph {
                            id: h.id,
                            face: h.face,
                            x,
                            y_offset: 0.0,
                            text,
                            cluster: None,
                            advance: h.advance * size,
                            actual: None,
                        });
                        drawn.push(None);
                        x += h.advance * size;
                    }
                }
            }
        }
        self.mark_actual_texts(&mut placed, &drawn);
        mark_words_that_reorder(&mut placed);
        SetLine { glyphs: placed, width: x, ratio, hyphenated, rtl: p.rtl }
    }

    /// Each stretch of placed glyphs from one cluster that needs its text given whole
    /// gets it on its first glyph. Found per line, in drawing order, so a span never
    /// runs past the line's end.
    fn mark_actual_texts(&self, placed: &mut [LineGlyph], drawn: &[Option<usize>]) {
        let p = self.p;
        let mut i = 0;
        while i < placed.len() {
            let Some((k, text)) = drawn[i].and_then(|k| Some((k, p.actual[k].as_ref()?))) else {
                i += 1;
                continue;
            };
            let cluster = p.glyphs[k].cluster;
            let same = |d: &Option<usize>| {
                d.is_some_and(|j| p.glyphs[j].cluster == cluster && p.actual[j].is_some())
            };
            let glyphs = drawn[i..].iter().take_while(|d| same(d)).count();
            placed[i].actual = Some(ActualText { glyphs, text: text.clone() });
            i += glyphs;
        }
    }
}

/// Each word of the scripts that reorder (`glyph_text::reorders`: those of India and
/// Sri Lanka, Thai, Lao, Burmese, Khmer; two glyphs or more of one face between spaces,
/// in drawing order; in Thai a phrase, spaces being phrase breaks) carries its whole
/// text as one span, in place of its clusters' spans. Thai, spread between its
/// clusters by justification, has gaps poppler would read as spaces, and tone marks on
/// vowels it would misplace. Their vowel signs drawn as marks are where text extraction
/// splits words: a mark has no advance (hmtx, and so the PDF's /W, says 0, rightly)
/// and the font places it left of the pen ("दे": the sign 0.055 em left of the next
/// letter), so poppler, which takes a word's right edge from its last glyph, sees the
/// word end at the mark and the next letter start past a gap; a mark drawn at the pen
/// puts the next letter where poppler looks for duplicated (fake bold) text. Both end
/// the word there. The positions are the font's and are drawn right; only a span of
/// actual text, whose characters poppler spreads over the span's width, says where
/// the word is. Found per line, so a word broken by hyphenation has a span on each
/// line, the hyphen in the first.
fn mark_words_that_reorder(placed: &mut [LineGlyph]) {
    let space = |g: &LineGlyph| !g.text.is_empty() && g.text.chars().all(char::is_whitespace);
    let mut i = 0;
    while i < placed.len() {
        let face = placed[i].face;
        let len = placed[i..].iter().take_while(|g| g.face == face && !space(g)).count().max(1);
        let word = &mut placed[i..i + len];
        let indic = word.iter().any(|g| {
            let actual = g.actual.as_ref().map_or("", |a| &*a.text);
            g.text.chars().chain(actual.chars()).any(reorders)
        });
        if len > 1 && indic {
            let text = said(word);
            word.iter_mut().for_each(|g| g.actual = None);
            word[0].actual = Some(ActualText { glyphs: len, text: text.into() });
        }
        i += len;
    }
}

/// What `glyphs` say read in drawing order.
fn said(glyphs: &[LineGlyph]) -> String {
    super::glyph_text::read_in_order(glyphs.iter().map(|g| (&g.text, g.actual.as_ref())))
}
