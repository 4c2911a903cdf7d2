//! Setting one paragraph, in the steps typst uses: itemize (fonts per script, bidi
//! levels) → shape → collect (items.rs) → break (knuth_plass.rs, first-fit as a last
//! resort) → place each line's glyphs from x = 0 in visual order, stretching spaces
//! when justified.

use std::ops::Range;

use unic_langid::LanguageIdentifier;

use super::bidi;
use super::chain::{FaceId, FontChain};
use super::fonts::FaceStyle;
use super::items::{Collect, Items, JUSTIFIED, Source, collect};
use super::knuth_plass::{Break, Item, Params, after_break, optimal};
use super::linebreak::first_fit;
use super::shape::ShapedGlyph;

/// A glyph placed on a line, with the text it stands for (its cluster's text for the
/// first glyph of a cluster, empty for the rest) so the PDF can map it back to text.
#[derive(Debug, Clone, PartialEq)]
pub struct LineGlyph {
    pub id: u16,
    pub face: FaceId,
    pub x: f32,
    pub y_offset: f32,
    pub text: String,
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

/// One way to set the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    pub lines: Vec<SetLine>,
    pub demerits: f64,
}

/// The ways found, by line count; `best` has the fewest demerits.
#[derive(Debug, Clone, PartialEq)]
pub struct SetParagraph {
    pub settings: Vec<Setting>,
    pub best: usize,
}

impl SetParagraph {
    pub fn best(&self) -> &Setting {
        &self.settings[self.best]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Justify,
    Left,
    Center,
}

/// A paragraph's text and the face of each byte range (the ranges cover the text).
#[derive(Debug, Clone, Copy)]
pub struct StyledText<'a> {
    pub text: &'a str,
    pub runs: &'a [(Range<usize>, FaceStyle)],
}

#[derive(Debug, Clone, Copy)]
pub struct ParagraphStyle<'a> {
    pub fonts: &'a FontChain,
    pub size: f32,
    pub width: f32,
    pub lang: &'a LanguageIdentifier,
    pub align: Align,
    pub hyphenate: bool,
}

/// What stops a paragraph from being set.
#[derive(Debug, Clone, PartialEq)]
pub enum SetError {
    /// Characters no font of the chain has a glyph for, and the chain's names.
    MissingGlyphs { chars: Vec<char>, face: String },
    /// A word (unbreakable unit) wider than the line, by this many points.
    TooWide { word: String, excess: f32 },
}

/// Tolerances tried in turn: decent lines first, then anything rather than failing.
const TOLERANCES: [f32; 2] = [2.0, 20.0];

pub fn set_paragraph(styled: &StyledText, style: &ParagraphStyle) -> Result<SetParagraph, SetError> {
    let text = styled.text;
    let mut runs = Vec::new();
    for (range, face) in styled.runs {
        let found = style
            .fonts
            .itemize(&text[range.clone()], *face)
            .map_err(|chars| SetError::MissingGlyphs { chars, face: style.fonts.names() })?;
        runs.extend(found.into_iter().map(|(r, id)| (r.start + range.start..r.end + range.start, id)));
    }
    if text.is_empty() {
        return Ok(SetParagraph { settings: vec![Setting { lines: Vec::new(), demerits: 0.0 }], best: 0 });
    }
    let rtl = bidi::is_rtl(style.lang);
    let levels = bidi::levels(text, rtl);
    let (glyphs, faces) = shape_runs(text, &runs, &levels, style);
    let base = FaceId::primary(styled.runs.first().map_or(FaceStyle::Regular, |r| r.1));
    let hyphen = hyphen_glyph(style, base);
    let items = collect(&Collect {
        text,
        glyphs: &glyphs,
        lang: style.lang,
        hyphen_width: style.hyphenate.then_some(hyphen.1),
        spacing: JUSTIFIED,
    });
    let placer = Placer {
        texts: glyph_texts(text, &glyphs, &levels),
        glyphs: &glyphs,
        faces: &faces,
        levels: &levels,
        items: &items,
        hyphen,
        justify: style.align == Align::Justify,
        rtl,
    };

    for tolerance in TOLERANCES {
        let mut params = Params::justified(style.width);
        params.tolerance = tolerance;
        if style.align != Align::Justify {
            params.ragged = Some(style.size * 3.0);
        }
        let solutions = optimal(&items.items, &params);
        if solutions.is_empty() {
            continue;
        }
        let settings: Vec<Setting> = solutions
            .iter()
            .map(|s| Setting { lines: placer.lines(&s.breaks), demerits: s.demerits })
            .collect();
        let best = (0..settings.len())
            .min_by(|&a, &b| settings[a].demerits.total_cmp(&settings[b].demerits))
            .unwrap_or(0);
        return Ok(SetParagraph { settings, best });
    }
    match first_fit(&items.items, style.width) {
        Some(breaks) => Ok(SetParagraph {
            settings: vec![Setting { lines: placer.lines(&breaks), demerits: f64::MAX }],
            best: 0,
        }),
        None => Err(too_wide(text, &glyphs, &items, style.width)),
    }
}

/// Each run shaped in its face and direction (runs are cut where the bidi level
/// changes); clusters are offsets into the whole text, glyphs in logical order.
fn shape_runs(
    text: &str,
    runs: &[(Range<usize>, FaceId)],
    levels: &[unicode_bidi::Level],
    style: &ParagraphStyle,
) -> (Vec<ShapedGlyph>, Vec<FaceId>) {
    let mut glyphs = Vec::new();
    let mut faces = Vec::new();
    for (range, face) in runs {
        let mut start = range.start;
        while start < range.end {
            let level = levels[start];
            let end = (start..range.end).find(|&i| levels[i] != level).unwrap_or(range.end);
            let shaped = style.fonts.shape(*face, &text[start..end], style.size, style.lang, level.is_rtl());
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
/// back to U+00AD, so text extraction can rejoin the word), else its hyphen.
fn hyphen_glyph(style: &ParagraphStyle, face: FaceId) -> (u16, f32, &'static str) {
    let font = style.fonts.face(face);
    let parsed = font.parse();
    let (id, text) = match parsed.glyph_index('\u{ad}') {
        Some(id) => (id, "\u{ad}"),
        None => (parsed.glyph_index('-').unwrap_or_default(), "-"),
    };
    let advance = parsed.glyph_hor_advance(id).unwrap_or(0) as f32 * style.size / font.units_per_em;
    (id.0, advance, text)
}

struct Placer<'a> {
    /// What each glyph stands for (`glyph_texts`).
    texts: Vec<String>,
    glyphs: &'a [ShapedGlyph],
    faces: &'a [FaceId],
    /// Bidi level of each byte of the text.
    levels: &'a [unicode_bidi::Level],
    items: &'a Items,
    hyphen: (u16, f32, &'static str),
    justify: bool,
    rtl: bool,
}

impl Placer<'_> {
    fn lines(&self, breaks: &[Break]) -> Vec<SetLine> {
        let mut start = 0;
        breaks
            .iter()
            .map(|b| {
                let line = self.line(start, b);
                start = after_break(&self.items.items, b.item);
                line
            })
            .collect()
    }

    /// The line from item `start` to the break, its spaces adjusted by the ratio,
    /// its glyphs in visual order.
    fn line(&self, start: usize, b: &Break) -> SetLine {
        let ratio = if self.justify { b.ratio } else { 0.0 };
        // Logical order first: (glyph, extra space after it from justification).
        let mut logical: Vec<(Option<usize>, f32)> = Vec::new();
        for i in start..b.item {
            let Source::Glyphs(range) = &self.items.sources[i] else { continue };
            let extra = match self.items.items[i] {
                Item::Glue { stretch, shrink, .. } => ratio * if ratio > 0.0 { stretch } else { shrink },
                _ => 0.0,
            };
            logical.extend(range.clone().map(|k| (Some(k), 0.0)));
            if let Some(last) = logical.last_mut() {
                last.1 += extra;
            }
        }
        let hyphenated = self.items.sources[b.item] == Source::Hyphen;
        if hyphenated {
            logical.push((None, 0.0));
        }
        let paragraph_level = if self.rtl { unicode_bidi::Level::rtl() } else { unicode_bidi::Level::ltr() };
        let levels: Vec<unicode_bidi::Level> = logical
            .iter()
            .map(|(k, _)| k.map_or(paragraph_level, |k| self.levels[self.glyphs[k].cluster]))
            .collect();
        let mut x = 0.0;
        let mut placed = Vec::with_capacity(logical.len());
        for index in bidi::visual_order(&levels) {
            let (glyph, extra) = logical[index];
            match glyph {
                Some(k) => {
                    let g = &self.glyphs[k];
                    placed.push(LineGlyph {
                        id: g.id,
                        face: self.faces[k],
                        x: x + g.x_offset,
                        y_offset: g.y_offset,
                        text: self.texts[k].clone(),
                    });
                    x += g.advance + extra;
                }
                None => {
                    let face = logical.iter().rev().find_map(|(k, _)| k.map(|k| self.faces[k]));
                    let (id, advance, text) = self.hyphen;
                    let face = face.unwrap_or(FaceId::primary(FaceStyle::Regular));
                    placed.push(LineGlyph { id, face, x, y_offset: 0.0, text: text.into() });
                    x += advance;
                }
            }
        }
        SetLine { glyphs: placed, width: x, ratio, hyphenated, rtl: self.rtl }
    }
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
fn glyph_texts(text: &str, glyphs: &[ShapedGlyph], levels: &[unicode_bidi::Level]) -> Vec<String> {
    let mut texts = Vec::with_capacity(glyphs.len());
    let mut first = 0;
    while first < glyphs.len() {
        let cluster = glyphs[first].cluster;
        let last =
            (first..glyphs.len()).take_while(|&i| glyphs[i].cluster == cluster).last().unwrap_or(first);
        let end = glyphs.get(last + 1).map_or(text.len(), |n| n.cluster.max(cluster));
        let chars: Vec<char> = text[cluster..end].chars().filter(|&c| !bidi::is_control(c)).collect();
        let rtl = levels[cluster].is_rtl();
        let reorders = chars.first().is_some_and(|&c| ('\u{0900}'..='\u{0DFF}').contains(&c));
        for k in first..=last {
            texts.push(if chars.len() == last - first + 1 && !reorders {
                chars[k - first].to_string()
            } else if k != first {
                String::new()
            } else if rtl {
                chars.iter().rev().collect()
            } else {
                chars.iter().collect()
            });
        }
        first = last + 1;
    }
    texts
}

/// The widest unit between two legal breaks, for the error message.
fn too_wide(text: &str, glyphs: &[ShapedGlyph], items: &Items, width: f32) -> SetError {
    let mut widest = (0.0f32, 0..0);
    let mut unit = (0.0f32, usize::MAX, 0usize);
    for (item, source) in items.items.iter().zip(&items.sources) {
        match (item, source) {
            (Item::Box { width }, Source::Glyphs(r)) => {
                unit.0 += width;
                unit.1 = unit.1.min(glyphs[r.start].cluster);
                unit.2 = unit.2.max(glyphs.get(r.end).map_or(text.len(), |g| g.cluster));
            }
            (Item::Penalty { cost, .. }, _) if *cost >= super::knuth_plass::INFINITY => {}
            (Item::Glue { .. }, Source::Glyphs(_)) | (Item::Penalty { .. }, _) => {
                if unit.0 > widest.0 && unit.1 < unit.2 {
                    widest = (unit.0, unit.1..unit.2);
                }
                unit = (0.0, usize::MAX, 0);
            }
            _ => {}
        }
    }
    if unit.0 > widest.0 && unit.1 < unit.2 {
        widest = (unit.0, unit.1..unit.2);
    }
    SetError::TooWide { word: text[widest.1].trim().to_string(), excess: widest.0 - width }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text at 10 pt, unhyphenated unless the caller says.
    fn style<'a>(
        fonts: &'a FontChain,
        lang: &'a LanguageIdentifier,
        width: f32,
        align: Align,
    ) -> ParagraphStyle<'a> {
        ParagraphStyle { fonts, size: 10.0, width, lang, align, hyphenate: false }
    }

    fn set(text: &str, width: f32, align: Align, hyphenate: bool) -> SetParagraph {
        let fonts = FontChain::builtin();
        let runs = [(0..text.len(), FaceStyle::Regular)];
        let lang = "es".parse().unwrap();
        let style = ParagraphStyle { hyphenate, ..style(&fonts, &lang, width, align) };
        set_paragraph(&StyledText { text, runs: &runs }, &style).unwrap()
    }

    fn texts(p: &SetParagraph) -> Vec<String> {
        p.best().lines.iter().map(|l| l.glyphs.iter().map(|g| g.text.as_str()).collect()).collect()
    }

    const SPANISH: &str = "Pero el paro tiene que ir más allá. Apoyamos el llamado a una Asamblea Nacional \
        Revolucionaria de Obreros y Campesinos —con delegados elegidos en cada centro de trabajo y cada \
        comunidad— para poner el futuro del país en manos de quienes lo trabajan.";

    /// Each glyph's text was found by walking its whole cluster: quadratic, minutes for
    /// a letter under 64,000 combining marks (found by fuzzing). Now linear.
    #[test]
    fn a_letter_under_thousands_of_marks_sets_quickly_and_keeps_its_text() {
        let text = format!("a{} b", "\u{301}".repeat(20_000));
        let start = std::time::Instant::now();
        let p = set(&text, 150.0, Align::Left, false);
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
        assert_eq!(texts(&p).concat(), text);
    }

    /// Every break in a long run without spaces scanned back over the whole run for
    /// the previous word (`items::keeps_with_next`): 40,000 backslashes took 6 s.
    #[test]
    fn a_long_run_without_spaces_breaks_quickly() {
        let text = "\\".repeat(40_000);
        let start = std::time::Instant::now();
        let p = set(&text, 150.0, Align::Left, false);
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
        assert_eq!(texts(&p).concat(), text);
    }

    #[test]
    fn keeps_no_break_spaces_and_numbers_together() {
        let got =
            texts(&set("El 15 de diciembre hubo paro nacional en todo el país", 80.0, Align::Left, false));
        assert!(got.iter().any(|l| l.contains("15 de diciembre")), "{got:?}");
    }

    #[test]
    fn opening_dash_stays_with_its_word() {
        let got = texts(&set("Obreros y Campesinos —con delegados elegidos", 70.0, Align::Left, false));
        assert!(got.iter().all(|l| !l.ends_with('—')), "{got:?}");
        assert!(got.iter().any(|l| l.contains("—con")), "{got:?}");
    }

    #[test]
    fn justified_lines_fill_the_width_and_the_last_does_not() {
        let p = set(SPANISH, 150.0, Align::Justify, true);
        let lines = &p.best().lines;
        for line in &lines[..lines.len() - 1] {
            assert!((line.width - 150.0).abs() < 0.05, "{} wide: {line:?}", line.width);
        }
        assert!(lines.last().unwrap().width < 150.0);
        assert_eq!(lines.last().unwrap().ratio, 0.0);
    }

    #[test]
    fn text_survives_breaking_and_hyphens_map_to_soft_hyphens() {
        let p = set(SPANISH, 120.0, Align::Justify, true);
        let joined: String = texts(&p)
            .iter()
            .map(|l| l.strip_suffix('\u{ad}').map_or(format!("{l} "), str::to_string))
            .collect();
        assert_eq!(joined.trim_end(), SPANISH);
        // Hyphenated lines end in the soft-hyphen glyph, and no more than two in a row.
        let flags: Vec<bool> = p.best().lines.iter().map(|l| l.hyphenated).collect();
        assert!(!flags.windows(3).any(|w| w.iter().all(|f| *f)), "{flags:?}");
        assert!(!flags[flags.len() - 2], "a word split onto the last line");
    }

    #[test]
    fn ragged_and_centred_lines_keep_natural_spaces() {
        for align in [Align::Left, Align::Center] {
            let p = set(SPANISH, 150.0, align, false);
            assert!(p.best().lines.iter().all(|l| l.ratio == 0.0 && l.width <= 150.01));
        }
    }

    #[test]
    fn missing_glyphs_and_overlong_words_are_reported() {
        let fonts = FontChain::builtin();
        let es = "es".parse().unwrap();
        let style = style(&fonts, &es, 40.0, Align::Justify);
        let text = "Perú 日本";
        let runs = [(0..text.len(), FaceStyle::Bold)];
        assert_eq!(
            set_paragraph(&StyledText { text, runs: &runs }, &style),
            Err(SetError::MissingGlyphs {
                chars: vec!['日', '本'],
                face: "Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Devanagari".into()
            })
        );
        let text = "a Supercalifragilistic b";
        let runs = [(0..text.len(), FaceStyle::Regular)];
        match set_paragraph(&StyledText { text, runs: &runs }, &style) {
            Err(SetError::TooWide { word, excess }) => {
                assert_eq!(word, "Supercalifragilistic");
                assert!(excess > 0.0);
            }
            other => panic!("{other:?}"),
        }
    }

    /// A Latin name with its punctuation, isolated as Fluent isolates placeables, stays
    /// whole inside Arabic; the isolation marks themselves are neither drawn nor mapped.
    #[test]
    fn isolated_latin_keeps_its_punctuation_inside_arabic() {
        let fonts = FontChain::builtin();
        let ar = "ar".parse().unwrap();
        let style = style(&fonts, &ar, 400.0, Align::Left);
        let text = "في \u{2068}Trafalgar Square!\u{2069} اليوم";
        let runs = [(0..text.len(), FaceStyle::Regular)];
        let set = set_paragraph(&StyledText { text, runs: &runs }, &style).unwrap();
        let line = &set.best().lines[0];
        let visual: String = line.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert!(visual.contains("Trafalgar Square!"), "{visual:?}");
        assert!(!visual.contains(['\u{2068}', '\u{2069}']), "{visual:?}");
        // Right to left: the first word (في) is drawn rightmost, the last (اليوم) leftmost.
        assert!(visual.starts_with("مويلا") || visual.starts_with("م"), "{visual:?}");
        assert!(line.rtl);
    }

    #[test]
    fn mixed_faces_are_shaped_per_run() {
        let fonts = FontChain::builtin();
        let en = "en".parse().unwrap();
        let text = "a bold word";
        let runs = [(0..2, FaceStyle::Regular), (2..6, FaceStyle::Bold), (6..text.len(), FaceStyle::Regular)];
        let style = style(&fonts, &en, 200.0, Align::Left);
        let p = set_paragraph(&StyledText { text, runs: &runs }, &style).unwrap();
        let faces: Vec<(String, FaceId)> =
            p.best().lines[0].glyphs.iter().map(|g| (g.text.clone(), g.face)).collect();
        assert_eq!(faces[2], ("b".into(), FaceId::primary(FaceStyle::Bold)));
        assert_eq!(faces[7], ("w".into(), FaceId::primary(FaceStyle::Regular)));
    }
}
