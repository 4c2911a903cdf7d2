//! Setting one paragraph, in the steps typst uses: itemize (fonts per script, bidi
//! levels) → shape → collect (prepare.rs, with items.rs) → break (knuth_plass.rs, in
//! passes of growing leniency, first fit as a last resort; here) → place each line's
//! glyphs from x = 0 in visual order, stretching spaces when justified (place.rs).
//! Knows nothing of blocks, pages or PDF.

mod glyph_text;
mod place;
mod prepare;

use std::ops::Range;
use std::rc::Rc;

use unic_langid::LanguageIdentifier;

use super::chain::FontChain;
use super::fonts::FaceStyle;
use super::items::Source;
use super::knuth_plass::{Break, Item, Params, Sums, optimal_with};
use super::linebreak::first_fit;
pub use glyph_text::{ActualText, GlyphText, read_in_order};
use place::Placer;
pub use place::{LineGlyph, SetLine};
pub use prepare::Prepared;
use prepare::prepare;

// Named by the tests below (through `use super::*`), no longer by this file.
#[cfg(test)]
use super::chain::FaceId;

/// One way to set the paragraph: where its lines break. The lines themselves are made
/// only when drawn (`SetParagraph::lines`); fitting and balancing need only counts and
/// ratios.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    breaks: Vec<Break>,
    pub demerits: f64,
}

impl Setting {
    pub fn line_count(&self) -> usize {
        self.breaks.len()
    }

    /// Each line's ratio as drawn: how much of its spaces' stretch (> 0) or shrink
    /// (< 0) it uses; 0 for lines not justified.
    pub fn ratios(&self) -> impl Iterator<Item = f32> + '_ {
        self.breaks.iter().map(|b| b.ratio)
    }
}

/// The ways found, by line count; `best` has the fewest demerits.
#[derive(Debug, Clone)]
pub struct SetParagraph {
    prepared: Rc<Prepared>,
    size: f32,
    justify: bool,
    pub settings: Vec<Setting>,
    pub best: usize,
    /// The breaker's pass that found the settings.
    pub pass: Pass,
}

/// Which of the breaker's passes set a paragraph, from the most careful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pass {
    /// Knuth–Plass within `TOLERANCES` (or ragged, or not broken at all).
    Tolerance,
    /// Knuth–Plass with emergency stretch: looser lines, some perhaps short.
    Emergency,
    /// First fit: each line takes what fits, set ragged.
    FirstFit,
}

impl SetParagraph {
    pub fn best(&self) -> &Setting {
        &self.settings[self.best]
    }

    /// The lines of setting `index`, glyphs placed.
    pub fn lines(&self, index: usize) -> Vec<SetLine> {
        let placer = Placer { p: &self.prepared, size: self.size, justify: self.justify };
        placer.lines(&self.settings[index].breaks)
    }

    /// The lines of the best setting.
    pub fn best_lines(&self) -> Vec<SetLine> {
        self.lines(self.best)
    }

    /// The web addresses in the paragraph's text, as `text::urls::find_urls` gives
    /// them: found once when the paragraph was prepared, not at every size tried.
    pub fn addresses(&self) -> &[crate::text::urls::Url] {
        &self.prepared.items.addresses
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
    pub breaking: Breaking,
}

/// How `set_paragraph` breaks the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Breaking {
    /// Optimally (Knuth–Plass), with the alternatives by line count.
    #[default]
    Optimal,
    /// Not at all: one stand-in setting of the fewest lines any breaking can have
    /// (`Sums::fewest_lines`), for fitting to rule out a size cheaply. Never drawn.
    FewestLines,
}

/// What stops a paragraph from being set.
#[derive(Debug, Clone, PartialEq)]
pub enum SetError {
    /// Characters no font of the chain has a glyph for, and the chain's names.
    MissingGlyphs { chars: Vec<char>, face: String },
    /// A word (unbreakable unit) wider than the line, by this many points.
    TooWide { word: String, excess: f32 },
}

/// Tolerances tried in turn: decent lines first, then very loose ones.
const TOLERANCES: [f32; 2] = [2.0, 20.0];

/// The emergency pass's extra stretch per line, in ems (items are at 1 pt), as TeX's
/// `\emergencystretch`: a line is judged as if it could stretch this much more, so a
/// word alone on a line (no space to stretch) is feasible, and lines with spaces of
/// their own are still preferred to those without. Its tolerance lets a line with no
/// stretch of its own fall short by the whole measure, so the pass finds a setting
/// whenever each unit fits, unless the hyphenation rules forbid every one. A word
/// split onto the last line is allowed there, at a cost (the last word may be wider
/// than the line).
const EMERGENCY_STRETCH: f32 = 1.5;

pub fn set_paragraph(styled: &StyledText, style: &ParagraphStyle) -> Result<SetParagraph, SetError> {
    let prepared = prepare(styled, style)?;
    let justify = style.align == Align::Justify;
    let set = |settings, best, pass| SetParagraph {
        prepared: prepared.clone(),
        size: style.size,
        justify,
        settings,
        best,
        pass,
    };
    if styled.text.is_empty() {
        return Ok(set(vec![Setting { breaks: Vec::new(), demerits: 0.0 }], 0, Pass::Tolerance));
    }
    let setting = |mut breaks: Vec<Break>, demerits: f64| {
        if !justify {
            breaks.iter_mut().for_each(|b| b.ratio = 0.0);
        }
        Setting { breaks, demerits }
    };
    // At 1 pt: the measure in ems of the size.
    let measure = style.width / style.size;
    let items = &prepared.items.items;
    let sums = prepared.sums[usize::from(!justify)].get_or_init(|| Sums::of(items, !justify));
    if style.breaking == Breaking::FewestLines {
        let lines = sums.fewest_lines(measure);
        let stand_in = Break { item: items.len().saturating_sub(1), ratio: 0.0 };
        return Ok(set(vec![setting(vec![stand_in; lines], 0.0)], 0, Pass::Tolerance));
    }
    let mut passes: Vec<(Params, Pass)> = TOLERANCES
        .iter()
        .map(|&tolerance| {
            let ragged = (!justify).then_some(3.0);
            (Params { tolerance, ragged, ..Params::justified(measure) }, Pass::Tolerance)
        })
        .collect();
    // Ragged lines are seldom too loose, but may need the last word split.
    let emergency = Params {
        tolerance: measure / EMERGENCY_STRETCH + 1.0,
        emergency_stretch: EMERGENCY_STRETCH,
        split_last_word: true,
        ragged: (!justify).then_some(3.0),
        ..Params::justified(measure)
    };
    passes.push((emergency, Pass::Emergency));
    for (params, pass) in passes {
        let solutions = optimal_with(items, sums, &params);
        if solutions.is_empty() {
            continue;
        }
        let settings: Vec<Setting> = solutions.into_iter().map(|s| setting(s.breaks, s.demerits)).collect();
        let best = (0..settings.len())
            .min_by(|&a, &b| settings[a].demerits.total_cmp(&settings[b].demerits))
            .unwrap_or(0);
        return Ok(set(settings, best, pass));
    }
    match first_fit(items, measure) {
        Some(breaks) => Ok(set(vec![setting(breaks, f64::MAX)], 0, Pass::FirstFit)),
        None => match too_wide(&prepared, measure, style.size, false) {
            // Every piece fits, but a word needs more hyphens in a row than allowed:
            // the whole word is what is too wide.
            SetError::TooWide { excess, .. } if excess <= 0.0 => {
                Err(too_wide(&prepared, measure, style.size, true))
            }
            wide => Err(wide),
        },
    }
}

/// The width, in points at the style's size, of the paragraph's widest word, whole
/// (hyphenation points do not cut it): for a heading to be set small enough that no
/// word of it needs splitting.
pub fn widest_word(styled: &StyledText, style: &ParagraphStyle) -> Result<f32, SetError> {
    let prepared = prepare(styled, style)?;
    Ok(widest_unit(&prepared, true).0 * style.size)
}

/// The widest unit between two legal breaks (between spaces, with `whole_words`),
/// for the error message. (At 1 pt, like the items; the excess is given at `size`.)
fn too_wide(p: &Prepared, width: f32, size: f32, whole_words: bool) -> SetError {
    let (wide, range) = widest_unit(p, whole_words);
    SetError::TooWide { word: p.text[range].trim().to_string(), excess: (wide - width) * size }
}

/// The widest unit between two legal breaks (between spaces, with `whole_words`): its
/// width at 1 pt and its bytes in the text.
fn widest_unit(p: &Prepared, whole_words: bool) -> (f32, Range<usize>) {
    let (text, glyphs) = (&p.text, &p.glyphs);
    let mut widest = (0.0f32, 0..0);
    let mut unit = (0.0f32, usize::MAX, 0usize);
    // Glue behind an infinite penalty (a no-break space, the space between two Chinese
    // characters or Thai clusters) is inside the unit, not a break.
    let mut unbreakable = false;
    for (item, source) in p.items.items.iter().zip(&p.items.sources) {
        let forbids = matches!(item, Item::Penalty { cost, .. } if *cost >= super::knuth_plass::INFINITY);
        match (item, source) {
            (Item::Box { width }, Source::Glyphs(r)) => {
                unit.0 += width;
                unit.1 = unit.1.min(glyphs[r.start].cluster);
                unit.2 = unit.2.max(glyphs.get(r.end).map_or(text.len(), |g| g.cluster));
            }
            (Item::Glue { width, .. }, Source::Glyphs(_)) if unbreakable => unit.0 += width,
            _ if forbids => {}
            (Item::Penalty { .. }, Source::Hyphen) if whole_words => {}
            (Item::Glue { .. }, Source::Glyphs(_)) | (Item::Penalty { .. }, _) => {
                if unit.0 > widest.0 && unit.1 < unit.2 {
                    widest = (unit.0, unit.1..unit.2);
                }
                unit = (0.0, usize::MAX, 0);
            }
            _ => {}
        }
        unbreakable = forbids;
    }
    if unit.0 > widest.0 && unit.1 < unit.2 {
        widest = (unit.0, unit.1..unit.2);
    }
    widest
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
        ParagraphStyle {
            fonts,
            size: 10.0,
            width,
            lang,
            align,
            hyphenate: false,
            breaking: Breaking::Optimal,
        }
    }

    fn set(text: &str, width: f32, align: Align, hyphenate: bool) -> SetParagraph {
        let fonts = FontChain::builtin();
        let runs = [(0..text.len(), FaceStyle::Regular)];
        let lang = "es".parse().unwrap();
        let style = ParagraphStyle { hyphenate, ..style(&fonts, &lang, width, align) };
        set_paragraph(&StyledText { text, runs: &runs }, &style).unwrap()
    }

    fn texts(p: &SetParagraph) -> Vec<String> {
        p.best_lines().iter().map(|l| l.glyphs.iter().map(|g| &*g.text).collect()).collect()
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
        let lines = &p.best_lines();
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
        let flags: Vec<bool> = p.best_lines().iter().map(|l| l.hyphenated).collect();
        assert!(!flags.windows(3).any(|w| w.iter().all(|f| *f)), "{flags:?}");
        assert!(!flags[flags.len() - 2], "a word split onto the last line");
    }

    const POLISH: &str = "Solidarność z pracownikami i ludem Ukrainy. Żądamy natychmiastowego \
        zawieszenia broni, wycofania wojsk i pokoju bez aneksji. Zatrzymajcie wojnę!";

    /// At 10.2 ems no decent setting exists, and this paragraph fell back to first fit:
    /// ragged, with five hyphenated lines in a row ("pracow-", "Ukra-", "natych-"…).
    /// The emergency pass sets it justified, within the hyphenation rules.
    #[test]
    fn a_narrow_column_is_set_justified_by_the_emergency_pass() {
        let fonts = FontChain::builtin();
        let pl = "pl".parse().unwrap();
        let runs = [(0..POLISH.len(), FaceStyle::Regular)];
        let style = ParagraphStyle { hyphenate: true, ..style(&fonts, &pl, 102.0, Align::Justify) };
        let p = set_paragraph(&StyledText { text: POLISH, runs: &runs }, &style).unwrap();
        assert_eq!(p.pass, Pass::Emergency);
        let lines = p.best_lines();
        let flags: Vec<bool> = lines.iter().map(|l| l.hyphenated).collect();
        assert!(flags.contains(&true), "the test needs hyphens: {flags:?}");
        assert!(!flags.windows(3).any(|w| w.iter().all(|f| *f)), "{flags:?}");
        // Justified: every line but the last fills the measure, except a word alone on
        // its line (nothing to stretch), which is drawn at its width and counts as loose.
        let (alone, filled): (Vec<&SetLine>, Vec<&SetLine>) =
            lines[..lines.len() - 1].iter().partition(|l| l.ratio == f32::MAX);
        assert!(filled.len() >= lines.len() / 2, "{} of {} lines filled", filled.len(), lines.len());
        for line in filled {
            assert!((line.width - 102.0).abs() < 0.05, "{} wide: {line:?}", line.width);
        }
        for line in alone {
            assert!(line.width < 102.0 && !line.glyphs.iter().any(|g| &*g.text == " "), "{line:?}");
        }
    }

    /// A word that only fits split over four lines (three hyphens in a row) cannot be
    /// set: the error names the whole word, not a syllable that fits.
    #[test]
    fn a_word_needing_three_hyphens_in_a_row_is_too_wide() {
        let fonts = FontChain::builtin();
        let de = "de".parse().unwrap();
        let text = "Gewerkschaftsrechte";
        let runs = [(0..text.len(), FaceStyle::Regular)];
        // 3.75 ems: "schafts-" fits (3.64), "Gewerk-" does not (3.89), so the only
        // setting is "Ge-", "werk-", "schafts-", "rechte".
        let style = ParagraphStyle { hyphenate: true, ..style(&fonts, &de, 37.5, Align::Justify) };
        match set_paragraph(&StyledText { text, runs: &runs }, &style) {
            Err(SetError::TooWide { word, excess }) => {
                assert_eq!(word, text);
                assert!(excess > 37.5, "{excess}");
            }
            other => panic!("{other:?}"),
        }
    }

    /// Decent paragraphs are set by the first passes, not the emergency one.
    #[test]
    fn decent_paragraphs_need_no_emergency() {
        assert_eq!(set(SPANISH, 150.0, Align::Justify, true).pass, Pass::Tolerance);
    }

    #[test]
    fn ragged_and_centred_lines_keep_natural_spaces() {
        for align in [Align::Left, Align::Center] {
            let p = set(SPANISH, 150.0, align, false);
            assert!(p.best_lines().iter().all(|l| l.ratio == 0.0 && l.width <= 150.01));
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
            set_paragraph(&StyledText { text, runs: &runs }, &style).err(),
            Some(SetError::MissingGlyphs {
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
        // Words joined by a no-break space are one unit, named whole (as are the
        // characters of a Chinese or Thai run, joined by unbreakable glue).
        let text = "a Superca\u{a0}lifragilistic b";
        let runs = [(0..text.len(), FaceStyle::Regular)];
        match set_paragraph(&StyledText { text, runs: &runs }, &style) {
            Err(SetError::TooWide { word, excess }) => {
                assert_eq!(word, "Superca\u{a0}lifragilistic");
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
        let line = &set.best_lines()[0];
        let visual: String = line.glyphs.iter().map(|g| &*g.text).collect();
        assert!(visual.contains("Trafalgar Square!"), "{visual:?}");
        assert!(!visual.contains(['\u{2068}', '\u{2069}']), "{visual:?}");
        // Right to left: the first word (في) is drawn rightmost, the last (اليوم) leftmost.
        // Glyphs run in visual order, one per letter in these words (no ligatures), so a
        // word read back is its glyphs' texts taken from the right.
        let words: Vec<String> = line
            .glyphs
            .split(|g| g.text.trim().is_empty() && !g.text.is_empty())
            .map(|word| word.iter().rev().map(|g| &*g.text).collect())
            .collect();
        assert_eq!(words.first().map(String::as_str), Some("اليوم"), "{visual:?}");
        assert_eq!(words.last().map(String::as_str), Some("في"), "{visual:?}");
        assert!(line.rtl);
    }

    const HINDI: &str = "शनिवार को ट्राफलगर स्क्वायर पर हम मज़दूरों के साथ अपनी एकजुटता दिखाएँगे। \
        अंतरराष्ट्रीय एकजुटता ज़िंदाबाद! हड़ताली कर्मचारियों के परिवारों के लिए चंदा इकट्ठा किया जाएगा।";

    fn hindi(text: &str, width: f32, hyphenate: bool) -> Vec<SetLine> {
        let fonts = FontChain::builtin();
        let hi = "hi".parse().unwrap();
        let style = ParagraphStyle { hyphenate, ..style(&fonts, &hi, width, Align::Justify) };
        let runs = [(0..text.len(), FaceStyle::Regular)];
        set_paragraph(&StyledText { text, runs: &runs }, &style).unwrap().best_lines()
    }

    /// Noto Sans's hyphen (glyph 16) was drawn in Noto Sans Devanagari, where glyph 16
    /// is the digit five: every face draws its own hyphen, taken from its own cmap.
    #[test]
    fn a_hyphenated_hindi_line_ends_in_the_devanagari_fonts_own_hyphen() {
        let fonts = FontChain::builtin();
        // Opening in Latin (Noto Sans), so the paragraph's first face is not the one
        // its hyphens are drawn in.
        let lines = hindi(&format!("London: {HINDI}"), 90.0, true);
        let ends: Vec<&LineGlyph> =
            lines.iter().filter(|l| l.hyphenated).map(|l| l.glyphs.last().unwrap()).collect();
        assert!(!ends.is_empty(), "no line was hyphenated");
        // The breaker counted the width of the hyphen drawn (0.34 em, not Noto Sans's
        // 0.322): hyphenated lines fill the measure like the others.
        for line in lines.iter().filter(|l| l.hyphenated) {
            assert!((line.width - 90.0).abs() < 0.05, "{} wide: {line:?}", line.width);
        }
        for end in ends {
            let face = fonts.face(end.face).parse();
            assert!(fonts.face(end.face).postscript_name.starts_with("NotoSansDevanagari"));
            let hyphen = face.glyph_index('\u{ad}').map(|g| g.0);
            assert_eq!(Some(end.id), hyphen, "glyph {} is not the face's soft hyphen", end.id);
            assert_eq!(&*end.text, "\u{ad}");
        }
    }

    /// Each Devanagari word carries its text whole, as one span over its glyphs: "शनिवार"
    /// (its "नि" drawn vowel sign first, which its glyphs' texts cannot say in order) and
    /// "को" (consonant, then its sign) alike, since text extraction splits words at a
    /// vowel sign drawn as a mark. Spaces stay outside the spans.
    #[test]
    fn devanagari_words_carry_their_text_whole() {
        let lines = hindi(HINDI, 400.0, false);
        let glyphs = &lines[0].glyphs;
        let spans: Vec<(&str, usize)> =
            glyphs.iter().filter_map(|g| g.actual.as_ref()).map(|a| (&*a.text, a.glyphs)).collect();
        assert_eq!(spans[..2], [("शनिवार", 6), ("को", 2)], "{spans:?}");
        // The vowel sign's glyph says only itself, wherever it is drawn.
        let ni = glyphs.iter().position(|g| &*g.text == "ि").unwrap();
        assert_eq!((&*glyphs[ni].text, &*glyphs[ni + 1].text), ("ि", "न"));
        // Read span by span, the line is the text; every glyph but the spaces is in a span.
        let mut read = String::new();
        let mut covered = 0;
        for g in glyphs {
            match (&g.actual, covered) {
                (_, 1..) => covered -= 1,
                (Some(a), 0) => {
                    read.push_str(&a.text);
                    covered = a.glyphs - 1;
                }
                (None, 0) => {
                    assert!(&*g.text == " " || &*g.text == "\u{ad}", "{:?} outside a span", g.text);
                    read.push_str(&g.text);
                }
            }
        }
        assert!(HINDI.starts_with(read.trim_end()), "{read}");
        assert!(read.starts_with("शनिवार को "), "{read}");
    }

    /// Latin, whose glyphs say their text in order, has no spans: the PDF stays as it was.
    #[test]
    fn latin_text_has_no_actual_text_spans() {
        let p = set(SPANISH, 120.0, Align::Justify, true);
        assert!(p.best_lines().iter().flat_map(|l| &l.glyphs).all(|g| g.actual.is_none()));
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
            p.best_lines()[0].glyphs.iter().map(|g| (g.text.to_string(), g.face)).collect();
        assert_eq!(faces[2], ("b".into(), FaceId::primary(FaceStyle::Bold)));
        assert_eq!(faces[7], ("w".into(), FaceId::primary(FaceStyle::Regular)));
    }
}
