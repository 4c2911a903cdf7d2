//! Shaping: a run of text in one face → positioned glyphs (kerning, ligatures, marks),
//! via harfrust (HarfBuzz in Rust). Units are points at the given size. Chinese and
//! Japanese are set solid, without kerning.

use std::str::FromStr;

use unic_langid::LanguageIdentifier;

use super::fonts::FontFace;

#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    pub id: u16,
    /// Byte offset in the shaped text of the cluster this glyph belongs to.
    pub cluster: usize,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
}

/// Shapes `text` in `face` at `size` points. Right-to-left runs come back in logical
/// order (first character's glyphs first), like left-to-right ones, so line breaking
/// never sees visual order.
pub fn shape(
    face: &FontFace,
    text: &str,
    size: f32,
    lang: &LanguageIdentifier,
    rtl: bool,
) -> Vec<ShapedGlyph> {
    let mut buffer = harfrust::Buffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        harfrust::Direction::RightToLeft
    } else {
        harfrust::Direction::LeftToRight
    });
    if let Ok(language) = harfrust::Language::from_str(&lang.to_string()) {
        buffer.set_language(Some(language));
    }
    buffer.guess_segment_properties();
    // Chinese and Japanese are set solid (every character an em, JLREQ's default):
    // Noto Sans CJK kerns kana pairs, and a kern with the first character of the next
    // line, baked into the last one's advance before breaking, pushed a justified
    // line past the column's edge. Decided by script, so the plans' key still holds.
    use harfrust::Script;
    let solid = [Script::HAN, Script::HIRAGANA, Script::KATAKANA, Script::BOPOMOFO]
        .into_iter()
        .any(|s| buffer.script() == Some(s));
    let no_kern = [harfrust::Feature::new(harfrust::Tag::new(b"kern"), 0, ..)];
    let features: &[harfrust::Feature] = if solid { &no_kern } else { &[] };
    let shaped = face.with_shaper(|font, plans| {
        // The plan for this direction, script and language, made once per face.
        let key = (buffer.direction(), buffer.script(), buffer.language().cloned());
        let plan = {
            let mut plans = plans.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match plans.iter().find(|(k, _)| *k == key) {
                Some((_, plan)) => plan.clone(),
                None => {
                    let plan = harfrust::ShapePlan::new(font, key.0, key.1, key.2.as_ref(), features);
                    let plan = std::sync::Arc::new(plan);
                    plans.push((key, plan.clone()));
                    plan
                }
            }
        };
        let shaper = harfrust::ShaperFont::new(font);
        let options = harfrust::ShapeOptions::new().plan(Some(&plan)).features(features);
        harfrust::shape(&shaper, &mut buffer, options).is_ok()
    });
    if shaped != Some(true) {
        return Vec::new();
    }
    let scale = size / face.units_per_em;
    let mut glyphs: Vec<ShapedGlyph> = buffer
        .glyph_infos()
        .iter()
        .zip(buffer.glyph_positions())
        .map(|(info, pos)| ShapedGlyph {
            id: info.glyph_id as u16,
            cluster: info.cluster as usize,
            advance: pos.x_advance as f32 * scale,
            x_offset: pos.x_offset as f32 * scale,
            y_offset: pos.y_offset as f32 * scale,
        })
        .collect();
    if rtl {
        glyphs.reverse();
    }
    glyphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::FontFamily;

    #[test]
    fn ligatures_and_kerning_apply() {
        let family = FontFamily::builtin();
        let face = &family.faces[0];
        let en: LanguageIdentifier = "en".parse().unwrap();
        // "fi" becomes one glyph whose cluster starts at the f.
        let fi = shape(face, "fine", 10.0, &en, false);
        assert_eq!(fi.len(), 3, "{fi:?}");
        assert_eq!(fi.iter().map(|g| g.cluster).collect::<Vec<_>>(), [0, 2, 3]);
        // "AV" is kerned tighter than A and V set apart.
        let av: f32 = shape(face, "AV", 10.0, &en, false).iter().map(|g| g.advance).sum();
        let apart: f32 =
            shape(face, "A", 10.0, &en, false)[0].advance + shape(face, "V", 10.0, &en, false)[0].advance;
        assert!(av < apart - 0.1, "AV {av} vs {apart}");
    }
}
