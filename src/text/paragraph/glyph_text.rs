//! What each glyph stands for, so the PDF can map glyphs back to text for copying and
//! extraction: a cluster's characters shared out among its glyphs. Knows nothing of
//! lines or sizes.

use crate::text::bidi;
use crate::text::shape::ShapedGlyph;

/// What a glyph stands for (for the PDF's text extraction), shared: every glyph is
/// copied from its paragraph to its line to the page, and this is copied with it.
pub type GlyphText = std::sync::Arc<str>;

/// The text each glyph stands for (the PDF maps it back for copying and extraction),
/// found once per paragraph, a cluster at a time: walking a glyph's whole cluster for
/// each of its glyphs took minutes for a letter under thousands of marks.
/// A cluster's characters go one per glyph when the counts match and the script
/// does not reorder within clusters (a letter and its marks: the PDF maps each
/// glyph id to one text, so a letter's glyph must not carry a mark it has only
/// here); otherwise the first glyph carries them all (a ligature). Right-to-left
/// ligatures carry them reversed: extractors (poppler, pdf.js) reverse
/// right-to-left text character by character, a glyph's mapped string included.
pub(super) fn glyph_texts(
    text: &str,
    glyphs: &[ShapedGlyph],
    levels: &[unicode_bidi::Level],
) -> Vec<GlyphText> {
    thread_local! {
        // One shared text per character: most glyphs stand for one letter, and a page
        // has a few dozen different ones.
        static CHARACTERS: std::cell::RefCell<std::collections::HashMap<char, GlyphText>> =
            std::cell::RefCell::default();
    }
    let character = |c: char| {
        CHARACTERS.with(|characters| {
            let mut characters = characters.borrow_mut();
            if characters.len() >= 4096 {
                characters.clear();
            }
            characters.entry(c).or_insert_with(|| c.to_string().into()).clone()
        })
    };
    let none: GlyphText = "".into();
    let mut texts = Vec::with_capacity(glyphs.len());
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
        let reorders = chars.first().is_some_and(|&c| ('\u{0900}'..='\u{0DFF}').contains(&c));
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
        first = last + 1;
    }
    texts
}
