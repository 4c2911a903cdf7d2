//! A font fallback chain: the leaflet's family first, then families for other scripts
//! (Arabic, Hebrew, Devanagari… by default). Each character is drawn by the first
//! family that has it; a run of text keeps one face as long as it can.
//! Knows nothing of paragraphs, nor of the caches kept above it (cache.rs).

use std::sync::Arc;

use super::fonts::{FaceStyle, FontFace, FontFamily};

/// A face in the chain: which family, which style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId {
    pub family: u8,
    pub style: FaceStyle,
}

impl FaceId {
    pub fn primary(style: FaceStyle) -> FaceId {
        FaceId { family: 0, style }
    }

    /// Position in `FontChain::faces()`.
    pub fn index(self) -> usize {
        self.family as usize * 4 + self.style as usize
    }
}

#[derive(Debug, Clone)]
pub struct FontChain {
    pub families: Vec<FontFamily>,
}

impl FontChain {
    pub fn new(primary: FontFamily, fallbacks: Vec<FontFamily>) -> FontChain {
        let mut families = vec![primary];
        families.extend(fallbacks);
        FontChain { families }
    }

    /// Only the built-in Noto Sans and its built-in fallbacks.
    pub fn builtin() -> FontChain {
        let fallbacks = crate::language::DEFAULT_FALLBACKS
            .iter()
            .filter_map(|name| FontFamily::find(name, None).ok())
            .collect();
        FontChain::new(FontFamily::builtin(), fallbacks)
    }

    pub fn face(&self, id: FaceId) -> &Arc<FontFace> {
        self.families[id.family as usize].face(id.style)
    }

    /// Every face, four per family in chain order (`FaceId::index`).
    pub fn faces(&self) -> Vec<Arc<FontFace>> {
        self.families.iter().flat_map(|f| f.faces.iter().cloned()).collect()
    }

    /// Names of the chain's families, for messages.
    pub fn names(&self) -> String {
        self.families.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ")
    }

    /// Whether no family has `c` (in the regular style), as `itemize` would find it:
    /// the test for characters that need another family. Characters never drawn
    /// (controls, bidi controls) are not lacking here: no font would help, and
    /// `itemize` names them.
    pub fn lacking(&self) -> impl Fn(char) -> bool + '_ {
        let parsed: Vec<ttf_parser::Face> =
            self.families.iter().map(|f| f.face(FaceStyle::Regular).parse()).collect();
        move |c| {
            !c.is_control()
                && !super::bidi::is_control(c)
                && !parsed.iter().any(|f| f.glyph_index(c).is_some())
        }
    }

    /// Cuts `text` (in `style`) into runs of one face each. Letters go to the first
    /// family that has them; spaces, punctuation, digits and marks stay with the run
    /// before them when its face has them, so a run of Arabic words stays one run.
    /// Characters no family has are returned as the error.
    pub fn itemize(
        &self,
        text: &str,
        style: FaceStyle,
    ) -> Result<Vec<(std::ops::Range<usize>, FaceId)>, Vec<char>> {
        let parsed: Vec<ttf_parser::Face> = self.families.iter().map(|f| f.face(style).parse()).collect();
        // Control characters (NUL, ESC…) are never text, even where a font maps them
        // to an empty glyph, as Noto Sans does NUL: they count as missing.
        let has = |family: usize, c: char| !c.is_control() && parsed[family].glyph_index(c).is_some();
        let mut runs: Vec<(std::ops::Range<usize>, FaceId)> = Vec::new();
        let mut missing = Vec::new();
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let current = runs.last().map(|r| r.1.family as usize);
            let neutral = !c.is_alphabetic();
            let family = match current {
                // Bidi controls are never drawn: they join whatever run they are in.
                _ if super::bidi::is_control(c) => Some(current.unwrap_or(0)),
                Some(f) if neutral && has(f, c) => Some(f),
                _ => (0..parsed.len()).find(|&f| has(f, c)),
            };
            let Some(family) = family else {
                if !missing.contains(&c) {
                    missing.push(c);
                }
                continue;
            };
            match runs.last_mut() {
                Some((range, id)) if id.family as usize == family && range.end == i => range.end = end,
                _ => runs.push((i..end, FaceId { family: family as u8, style })),
            }
        }
        if missing.is_empty() { Ok(runs) } else { Err(missing) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_words_and_their_spaces_form_one_fallback_run() {
        let chain = FontChain::builtin();
        let text = "Peru بيرو حرة! ok";
        let runs = chain.itemize(text, FaceStyle::Regular).unwrap();
        let named: Vec<(&str, &str)> = runs
            .iter()
            .map(|(r, id)| (&text[r.clone()], chain.families[id.family as usize].name.as_str()))
            .collect();
        assert_eq!(named, [("Peru ", "Noto Sans"), ("بيرو حرة! ", "Noto Sans Arabic"), ("ok", "Noto Sans")]);
    }

    #[test]
    fn characters_no_family_has_are_reported() {
        let chain = FontChain::builtin();
        assert_eq!(chain.itemize("Perú 団結", FaceStyle::Bold), Err(vec!['団', '結']));
    }

    /// Noto Sans maps NUL to an empty glyph, so a NUL in a translation used to vanish
    /// from the page without a word (found by fuzzing).
    #[test]
    fn control_characters_are_missing_even_when_a_font_maps_them() {
        let chain = FontChain::builtin();
        assert_eq!(chain.itemize("a\0b\u{1b}c", FaceStyle::Regular), Err(vec!['\0', '\u{1b}']));
    }

    #[test]
    fn lacking_characters_are_those_no_family_has() {
        let chain = FontChain::builtin();
        let lacking = chain.lacking();
        let found: Vec<char> = "Perú بيرو 団\u{1b}".chars().filter(|c| lacking(*c)).collect();
        // ESC is never drawn (no font has it): itemize reports it, no font is looked for.
        assert_eq!(found, ['団']);
    }

    #[test]
    fn faces_are_indexed_four_per_family() {
        let chain = FontChain::builtin();
        let id = FaceId { family: 1, style: FaceStyle::Bold };
        assert_eq!(chain.faces()[id.index()].postscript_name, "NotoSansArabic-Bold");
        // Arabic has no italic: its italic is the regular face.
        let italic = FaceId { family: 1, style: FaceStyle::Italic };
        assert_eq!(chain.face(italic).postscript_name, "NotoSansArabic-Regular");
    }
}
