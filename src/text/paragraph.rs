//! Setting one paragraph, in the steps typst uses: itemize (fonts per script, bidi
//! levels) → shape → collect (items.rs) → break (knuth_plass.rs, first-fit as a last
//! resort) → place each line's glyphs from x = 0 in visual order, stretching spaces
//! when justified.

use std::ops::Range;
use std::rc::Rc;

use unic_langid::LanguageIdentifier;

use super::bidi;
use super::chain::{FaceId, FontChain};
use super::fonts::FaceStyle;
use super::items::{Collect, Items, JUSTIFIED, Source, collect};
use super::knuth_plass::{Break, Item, Params, Sums, after_break, optimal_with};
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
    pub text: GlyphText,
}

/// What a glyph stands for (for the PDF's text extraction), shared: every glyph is
/// copied from its paragraph to its line to the page, and this is copied with it.
pub type GlyphText = std::sync::Arc<str>;

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

/// Tolerances tried in turn: decent lines first, then anything rather than failing.
const TOLERANCES: [f32; 2] = [2.0, 20.0];

/// A paragraph made ready to break at any size: faces chosen per character, bidi
/// levels, glyphs shaped and break opportunities (with hyphenation) collected, all at
/// 1 pt. Every width scales linearly with the size, so breaking at `size` into `width`
/// is breaking this into `width / size`; fitting tries many sizes and does this once.
#[derive(Debug)]
pub struct Prepared {
    text: String,
    glyphs: Vec<ShapedGlyph>,
    faces: Vec<FaceId>,
    /// Bidi level of each byte of the text.
    levels: Vec<unicode_bidi::Level>,
    items: Items,
    /// What each glyph stands for (`glyph_texts`).
    texts: Vec<GlyphText>,
    /// The line-end hyphen: glyph, advance at 1 pt, the text it maps to.
    hyphen: (u16, f32, &'static str),
    rtl: bool,
    /// The items' sums for the breaker, justified and ragged, made when first needed.
    sums: [std::cell::OnceCell<Sums>; 2],
}

/// What a prepared paragraph depends on: text, faces, language, hyphenation.
pub type PrepareKey = (String, Vec<(Range<usize>, FaceStyle)>, LanguageIdentifier, bool);

/// A `PrepareKey` borrowed, to look one up without copying its text (fitting looks each
/// paragraph up a dozen times). Hashes as the key does: field by field, a `&str` as a
/// `String`, a slice as a `Vec`.
#[derive(Hash)]
pub struct PrepareQuery<'a>(&'a str, &'a [(Range<usize>, FaceStyle)], &'a LanguageIdentifier, bool);

impl hashbrown::Equivalent<PrepareKey> for PrepareQuery<'_> {
    fn equivalent(&self, key: &PrepareKey) -> bool {
        self.0 == key.0 && self.1 == key.1.as_slice() && *self.2 == key.2 && self.3 == key.3
    }
}

fn prepare(styled: &StyledText, style: &ParagraphStyle) -> Result<Rc<Prepared>, SetError> {
    let query = PrepareQuery(styled.text, styled.runs, style.lang, style.hyphenate);
    if let Some(done) = style.fonts.prepared(&query) {
        return Ok(done);
    }
    let key: PrepareKey =
        (styled.text.to_string(), styled.runs.to_vec(), style.lang.clone(), style.hyphenate);
    let text = styled.text;
    let mut runs = Vec::new();
    for (range, face) in styled.runs {
        let found = style
            .fonts
            .itemize(&text[range.clone()], *face)
            .map_err(|chars| SetError::MissingGlyphs { chars, face: style.fonts.names() })?;
        runs.extend(found.into_iter().map(|(r, id)| (r.start + range.start..r.end + range.start, id)));
    }
    let rtl = bidi::is_rtl(style.lang);
    let levels = if text.is_empty() { Vec::new() } else { bidi::levels(text, rtl) };
    let (glyphs, faces) = shape_runs(text, &runs, &levels, style);
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
    style.fonts.keep_prepared(key, prepared.clone());
    Ok(prepared)
}

pub fn set_paragraph(styled: &StyledText, style: &ParagraphStyle) -> Result<SetParagraph, SetError> {
    let prepared = prepare(styled, style)?;
    let justify = style.align == Align::Justify;
    let set = |settings, best| SetParagraph {
        prepared: prepared.clone(),
        size: style.size,
        justify,
        settings,
        best,
    };
    if styled.text.is_empty() {
        return Ok(set(vec![Setting { breaks: Vec::new(), demerits: 0.0 }], 0));
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
        return Ok(set(vec![setting(vec![stand_in; lines], 0.0)], 0));
    }
    for tolerance in TOLERANCES {
        let mut params = Params::justified(measure);
        params.tolerance = tolerance;
        if !justify {
            params.ragged = Some(3.0);
        }
        let solutions = optimal_with(items, sums, &params);
        if solutions.is_empty() {
            continue;
        }
        let settings: Vec<Setting> = solutions.into_iter().map(|s| setting(s.breaks, s.demerits)).collect();
        let best = (0..settings.len())
            .min_by(|&a, &b| settings[a].demerits.total_cmp(&settings[b].demerits))
            .unwrap_or(0);
        return Ok(set(settings, best));
    }
    match first_fit(items, measure) {
        Some(breaks) => Ok(set(vec![setting(breaks, f64::MAX)], 0)),
        None => {
            let p = &prepared;
            Err(too_wide(&p.text, &p.glyphs, &p.items, measure, style.size))
        }
    }
}

/// Each run shaped in its face and direction (runs are cut where the bidi level
/// changes) at 1 pt; clusters are offsets into the whole text, glyphs in logical order.
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
            let shaped = style.fonts.shape(*face, &text[start..end], 1.0, style.lang, level.is_rtl());
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

/// Lines of a prepared paragraph drawn at a size.
struct Placer<'a> {
    p: &'a Prepared,
    size: f32,
    justify: bool,
}

impl Placer<'_> {
    fn lines(&self, breaks: &[Break]) -> Vec<SetLine> {
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
                    });
                    x += (g.advance + extra) * size;
                }
                None => {
                    let face = logical.iter().rev().find_map(|(k, _)| k.map(|k| p.faces[k]));
                    let (id, advance, text) = p.hyphen;
                    let face = face.unwrap_or(FaceId::primary(FaceStyle::Regular));
                    placed.push(LineGlyph { id, face, x, y_offset: 0.0, text: text.into() });
                    x += advance * size;
                }
            }
        }
        SetLine { glyphs: placed, width: x, ratio, hyphenated, rtl: p.rtl }
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
fn glyph_texts(text: &str, glyphs: &[ShapedGlyph], levels: &[unicode_bidi::Level]) -> Vec<GlyphText> {
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

/// The widest unit between two legal breaks, for the error message.
/// (At 1 pt, like the items; the excess is given at `size`.)
fn too_wide(text: &str, glyphs: &[ShapedGlyph], items: &Items, width: f32, size: f32) -> SetError {
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
    SetError::TooWide { word: text[widest.1].trim().to_string(), excess: (widest.0 - width) * size }
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
