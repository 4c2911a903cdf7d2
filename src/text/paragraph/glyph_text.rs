//! What each glyph stands for, so the PDF can map glyphs back to text for copying and
//! extraction: a cluster's characters shared out among its glyphs, and the clusters
//! whose glyphs cannot say their text one by one (a reordered vowel sign). Knows
//! nothing of lines or sizes, nor of how the PDF writes either.

use crate::text::bidi;
use crate::text::chain::{FaceId, FontChain};
use crate::text::shape::ShapedGlyph;

/// What a glyph stands for (for the PDF's text extraction), shared: every glyph is
/// copied from its paragraph to its line to the page, and this is copied with it.
pub type GlyphText = std::sync::Arc<str>;

/// Glyphs that stand together for a text their own texts cannot give in their order:
/// a cluster whose vowel sign is drawn before its consonant (Hindi "नि" is drawn as
/// "ि" then "न"), or a character drawn as two glyphs around another (Tamil "போ" as
/// "ெ", "ப", "ா"). The PDF writes them as one span with this text (`/ActualText`).
#[derive(Debug, Clone, PartialEq)]
pub struct ActualText {
    /// How many glyphs, from the one that carries this, in drawing order.
    pub glyphs: usize,
    pub text: GlyphText,
}

/// What glyphs say read in drawing order, from each glyph's text and `ActualText`: a
/// glyph's own text, or the whole text of a span for the glyphs it covers.
pub fn read_in_order<'a>(
    glyphs: impl IntoIterator<Item = (&'a GlyphText, Option<&'a ActualText>)>,
) -> String {
    let mut text = String::new();
    let mut covered = 0;
    for (own, actual) in glyphs {
        match (actual, covered) {
            (_, 1..) => covered -= 1,
            (Some(a), 0) => {
                text.push_str(&a.text);
                covered = a.glyphs.saturating_sub(1);
            }
            (None, 0) => text.push_str(own),
        }
    }
    text
}

/// Each glyph's text, and for each glyph of a cluster its glyphs cannot say one by one,
/// that cluster's text (the same shared text for all its glyphs).
pub(super) struct GlyphTexts {
    pub texts: Vec<GlyphText>,
    pub actual: Vec<Option<GlyphText>>,
}

/// The text each glyph stands for (the PDF maps it back for copying and extraction),
/// found once per paragraph, a cluster at a time: walking a glyph's whole cluster for
/// each of its glyphs took minutes for a letter under thousands of marks.
/// A cluster's characters go one per glyph when the counts match and the script
/// does not reorder within clusters (a letter and its marks: the PDF maps each
/// glyph id to one text, so a letter's glyph must not carry a mark it has only
/// here); otherwise the first glyph carries them all (a ligature). Right-to-left
/// ligatures carry them reversed: extractors (poppler, pdf.js) reverse
/// right-to-left text character by character, a glyph's mapped string included.
/// Clusters of scripts that reorder (`complex_cluster`) are shared out by the font.
pub(super) fn glyph_texts(
    text: &str,
    glyphs: &[ShapedGlyph],
    faces: &[FaceId],
    fonts: &FontChain,
    levels: &[unicode_bidi::Level],
) -> GlyphTexts {
    let none: GlyphText = "".into();
    let mut texts = Vec::with_capacity(glyphs.len());
    let mut actual = vec![None; glyphs.len()];
    let mut parsed: Vec<(FaceId, ttf_parser::Face)> = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    let mut first = 0;
    while first < glyphs.len() {
        let cluster = glyphs[first].cluster;
        let last =
            (first..glyphs.len()).take_while(|&i| glyphs[i].cluster == cluster).last().unwrap_or(first);
        let end = glyphs.get(last + 1).map_or(text.len(), |n| n.cluster.max(cluster));
        chars.clear();
        chars.extend(text[cluster..end].chars().filter(|&c| !bidi::is_control(c)));
        let rtl = levels[cluster].is_rtl();
        let reorders = chars.first().is_some_and(|&c| reorders(c));
        if reorders && last > first {
            let face = match parsed.iter().position(|(id, _)| *id == faces[first]) {
                Some(i) => &parsed[i].1,
                None => {
                    parsed.push((faces[first], fonts.face(faces[first]).parse()));
                    &parsed[parsed.len() - 1].1
                }
            };
            let (own, said) = complex_cluster(&chars, &glyphs[first..=last], face);
            texts.extend(own);
            if !said {
                let whole: GlyphText = chars.iter().collect::<String>().into();
                actual[first..=last].fill(Some(whole));
            }
        } else {
            for k in first..=last {
                texts.push(if chars.len() == last - first + 1 && !reorders {
                    character(chars[k - first])
                } else if k != first {
                    none.clone()
                } else if rtl {
                    chars.iter().rev().collect::<String>().into()
                } else {
                    chars.iter().collect::<String>().into()
                });
            }
        }
        first = last + 1;
    }
    GlyphTexts { texts, actual }
}

/// One shared text per character: most glyphs stand for one letter, and a page has
/// a few dozen different ones.
fn character(c: char) -> GlyphText {
    thread_local! {
        static CHARACTERS: std::cell::RefCell<std::collections::HashMap<char, GlyphText>> =
            std::cell::RefCell::default();
    }
    CHARACTERS.with(|characters| {
        let mut characters = characters.borrow_mut();
        if characters.len() >= 4096 {
            characters.clear();
        }
        characters.entry(c).or_insert_with(|| c.to_string().into()).clone()
    })
}

/// The scripts of India and Sri Lanka (Devanagari to Sinhala), which shaping reorders
/// within a cluster: vowel signs before their consonant, repha after it; Thai and
/// Lao, whose sara am (ำ, ຳ) is drawn as two glyphs, its ring before a tone mark; and
/// Burmese and Khmer, whose vowel signs also stand before their consonant.
pub(super) fn reorders(c: char) -> bool {
    ('\u{0900}'..='\u{0EFF}').contains(&c)
        || ('\u{1000}'..='\u{109F}').contains(&c)
        || ('\u{1780}'..='\u{17FF}').contains(&c)
}

/// A multi-glyph cluster of a script that reorders: each glyph's own text, and
/// whether those texts, in drawing order, say the cluster's. A glyph is the font's
/// glyph for one of the cluster's characters ("न", "ि"), else for a character of
/// the script (Tamil "ொ" drawn as its parts "ெ" and "ா"), else a form of its own (a
/// conjunct, a half form): the first such carries the characters no glyph claimed,
/// the others nothing. The texts stay the same wherever the glyph is drawn, as the
/// PDF's one text per glyph id needs; the order is what they may not say.
fn complex_cluster(
    chars: &[char],
    glyphs: &[ShapedGlyph],
    face: &ttf_parser::Face,
) -> (Vec<GlyphText>, bool) {
    let glyph = |c: char| face.glyph_index(c).map(|g| g.0);
    let mut claimed = vec![false; chars.len()];
    let mut own: Vec<Option<GlyphText>> = glyphs
        .iter()
        .map(|g| {
            if let Some(i) = (0..chars.len()).find(|&i| !claimed[i] && glyph(chars[i]) == Some(g.id)) {
                claimed[i] = true;
                return Some(character(chars[i]));
            }
            // The script's block (128 code points) holds the characters its parts are.
            let block = chars[0] as u32 & !0x7f;
            (block..block + 0x80).filter_map(char::from_u32).find(|&c| glyph(c) == Some(g.id)).map(character)
        })
        .collect();
    let unclaimed: String = chars.iter().zip(&claimed).filter(|(_, c)| !**c).map(|(c, _)| c).collect();
    if !unclaimed.is_empty()
        && let Some(slot) = own.iter_mut().find(|t| t.is_none())
    {
        *slot = Some(unclaimed.into());
    }
    let own: Vec<GlyphText> = own.into_iter().map(|t| t.unwrap_or_else(|| "".into())).collect();
    let said = own.iter().flat_map(|t| t.chars()).eq(chars.iter().copied());
    (own, said)
}
