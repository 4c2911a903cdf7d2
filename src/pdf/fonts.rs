//! Embedding fonts: each face used is cut down to the glyphs on the page (subsetter),
//! renamed with a subset tag (`ABCDEF+Name`) and handed to printpdf under a fixed id so
//! the output does not depend on printpdf's global counters.

use std::collections::BTreeMap;

use printpdf::{FontId, ParsedFont, PdfFont};
use subsetter::GlyphRemapper;

use super::PdfError;
use crate::layout::{Document, Item};
use crate::text::FontFace;

/// A face as it goes into the PDF: its resource id and old → new glyph ids.
pub struct EmbeddedFace {
    pub id: FontId,
    pub remapper: GlyphRemapper,
    /// One text per glyph for the ToUnicode map: printpdf keeps the last text given
    /// for a glyph, so each glyph must be given the same text every time.
    pub texts: BTreeMap<u16, String>,
}

/// The first index of each face in `doc.faces`: a family missing a style repeats
/// another face, which must be embedded once.
pub fn canonical_faces(doc: &Document) -> Vec<usize> {
    (0..doc.faces.len())
        .map(|i| (0..=i).find(|&j| std::sync::Arc::ptr_eq(&doc.faces[j], &doc.faces[i])).unwrap_or(i))
        .collect()
}

/// Collects the glyphs each face uses. Indexed like `doc.faces`; only canonical faces
/// (see `canonical_faces`) are filled.
///
/// New glyph ids follow the glyphs' text (then their old ids, for glyphs of the same
/// text): deterministic, and letters in alphabetical runs, which the ToUnicode map
/// writes as ranges (to_unicode.rs).
pub fn used_glyphs(doc: &Document, canonical: &[usize]) -> Vec<Option<EmbeddedFace>> {
    let mut faces: Vec<Option<EmbeddedFace>> = doc.faces.iter().map(|_| None).collect();
    for page in &doc.pages {
        for placed in &page.items {
            let Item::Text(run) = &placed.item else { continue };
            let index = canonical[run.face];
            let face = faces[index].get_or_insert_with(|| EmbeddedFace {
                id: FontId(format!("F{index}")),
                remapper: GlyphRemapper::new(),
                texts: BTreeMap::new(),
            });
            for glyph in &run.glyphs {
                let text = face.texts.entry(glyph.id).or_default();
                if text.is_empty() {
                    text.push_str(&glyph.text);
                }
            }
        }
    }
    for face in faces.iter_mut().flatten() {
        let mut order: Vec<(&str, u16)> = face.texts.iter().map(|(&id, text)| (text.as_str(), id)).collect();
        order.sort_unstable();
        for (_, id) in order {
            face.remapper.remap(id);
        }
    }
    faces
}

/// Subsets `face` to the glyphs in `embedded` and makes the printpdf font for it.
pub fn subset_font(face: &FontFace, embedded: &EmbeddedFace) -> Result<PdfFont, PdfError> {
    let bytes = subsetter::subset(&face.data, face.index, &embedded.remapper)
        .map_err(|e| PdfError::Subset { font: face.postscript_name.clone(), reason: format!("{e:?}") })?;
    let bytes = super::sfnt::without_unread_tables(&bytes).unwrap_or(bytes);
    let mut warnings = Vec::new();
    let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or_else(|| PdfError::Subset {
        font: face.postscript_name.clone(),
        reason: "printpdf cannot read the subset".into(),
    })?;
    parsed.font_name = Some(format!("{}+{}", subset_tag(&bytes), face.postscript_name));
    // subsetter drops OS/2, so the weight printpdf reads back would be wrong.
    parsed.pdf_font_metrics.us_weight_class = face.weight;
    Ok(PdfFont::new(parsed))
}

/// Six capital letters derived from the subset's bytes, as PDF subset tags are.
fn subset_tag(bytes: &[u8]) -> String {
    let mut hash = fnv1a(bytes);
    (0..6)
        .map(|_| {
            let letter = (b'A' + (hash % 26) as u8) as char;
            hash /= 26;
            letter
        })
        .collect()
}

/// FNV-1a, 64 bit: stable across Rust versions and platforms, unlike `DefaultHasher`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_tags_are_six_capitals_and_stable() {
        let tag = subset_tag(b"font bytes");
        assert_eq!(tag.len(), 6);
        assert!(tag.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(tag, subset_tag(b"font bytes"));
        assert_ne!(tag, subset_tag(b"other bytes"));
    }
}
