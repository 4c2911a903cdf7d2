//! Collect: a shaped paragraph → the boxes, glue and penalties the line breakers work
//! on, each tied back to its glyphs. This is where the typographic rules live:
//! break opportunities (opportunities.rs), hyphenation points, no-break spaces, numbers
//! kept with what follows them, and a dash opening an aside kept with its word.

use std::ops::Range;

use unic_langid::LanguageIdentifier;
use unicode_linebreak::BreakOpportunity;

use super::knuth_plass::{INFINITY, Item, PARAGRAPH_END};
use super::opportunities::opportunities;
use super::shape::ShapedGlyph;

/// Cost of breaking at a hyphenation point or after an explicit hyphen (TeX's 50).
pub const HYPHEN_PENALTY: f32 = 50.0;

/// Shortest word (in letters) that may be hyphenated.
pub const MIN_HYPHENATED_WORD: usize = 5;

/// What an item stands for in the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Glyphs `glyphs` (boxes and glue).
    Glyphs(Range<usize>),
    /// A hyphenation point inside a word; a hyphen is drawn if the line breaks here.
    Hyphen,
    /// Nothing drawn (penalties, the paragraph's end).
    Nothing,
}

/// Items for the breaker, their sources, and the unbreakable units (for errors).
#[derive(Debug, Clone, Default)]
pub struct Items {
    pub items: Vec<Item>,
    pub sources: Vec<Source>,
}

impl Items {
    fn push(&mut self, item: Item, source: Source) {
        self.items.push(item);
        self.sources.push(source);
    }
}

/// How the paragraph's glue may change, relative to a space's natural width.
#[derive(Debug, Clone, Copy)]
pub struct Spacing {
    pub stretch: f32,
    pub shrink: f32,
}

/// TeX's interword glue: a space may grow by half and shrink by a third.
pub const JUSTIFIED: Spacing = Spacing { stretch: 0.5, shrink: 1.0 / 3.0 };

pub struct Collect<'a> {
    pub text: &'a str,
    pub glyphs: &'a [ShapedGlyph],
    pub lang: &'a LanguageIdentifier,
    /// Width of a hyphen at the end of a line, or `None` to not hyphenate.
    pub hyphen_width: Option<f32>,
    pub spacing: Spacing,
}

pub fn collect(c: &Collect) -> Items {
    let text = c.text;
    let hyphenator = c.hyphen_width.and_then(|w| hyphenation_language(c.lang).map(|l| (l, w)));
    let mut out = Items::default();
    let mut start = 0;
    let mut g = 0;
    let opportunities: Vec<(usize, BreakOpportunity)> =
        opportunities(text).into_iter().filter(|&(end, _)| !keeps_following_word(&text[..end])).collect();
    for (n, &(end, opportunity)) in opportunities.iter().enumerate() {
        let first = g;
        while g < c.glyphs.len() && c.glyphs[g].cluster < end {
            g += 1;
        }
        let content_end = start + text[start..end].trim_end_matches(is_breaking_space).len();
        let content_glyphs = c.glyphs[first..g].iter().take_while(|gl| gl.cluster < content_end).count();
        let content = first..first + content_glyphs;
        content_items(c, &mut out, start..content_end, content, hyphenator);

        let spaces = first + content_glyphs..g;
        let is_last = end == text.len();
        if is_last || opportunity == BreakOpportunity::Mandatory {
            // The last line is set at its natural width.
            for item in PARAGRAPH_END {
                out.push(item, Source::Nothing);
            }
        } else {
            let next = &text[end..opportunities.get(n + 1).map_or(text.len(), |o| o.0)];
            let keep = keeps_with_next(&text[start..content_end], &text[..start], next, c.lang);
            if !spaces.is_empty() {
                if keep {
                    out.push(Item::Penalty { width: 0.0, cost: INFINITY, flagged: false }, Source::Nothing);
                }
                let width: f32 = c.glyphs[spaces.clone()].iter().map(|gl| gl.advance).sum();
                out.push(glue(width, c.spacing), Source::Glyphs(spaces));
            } else if !keep {
                // A break with no space: after a hyphen, a dash or a slash.
                let hyphen = text[start..content_end].ends_with(['-', '\u{2010}']);
                let cost = if hyphen { HYPHEN_PENALTY } else { 0.0 };
                out.push(Item::Penalty { width: 0.0, cost, flagged: hyphen }, Source::Nothing);
            }
        }
        start = end;
    }
    out
}

fn glue(width: f32, spacing: Spacing) -> Item {
    Item::Glue { width, stretch: width * spacing.stretch, shrink: width * spacing.shrink }
}

/// A word's content: boxes split at no-break spaces (stretchable, unbreakable glue)
/// and at hyphenation points.
fn content_items(
    c: &Collect,
    out: &mut Items,
    bytes: Range<usize>,
    glyphs: Range<usize>,
    hyphenator: Option<(hypher::Lang, f32)>,
) {
    // Split points: (byte offset, what goes between the two sides).
    let mut splits: Vec<(usize, bool)> = Vec::new(); // (offset, is_nbsp)
    for (i, ch) in c.text[bytes.clone()].char_indices() {
        if ch == '\u{a0}' {
            splits.push((bytes.start + i, true));
        }
    }
    if let Some((lang, _)) = hyphenator {
        for offset in hyphenation_points(&c.text[bytes.clone()], lang) {
            splits.push((bytes.start + offset, false));
        }
    }
    splits.sort_by_key(|s| s.0);

    let mut from = glyphs.start;
    for (offset, nbsp) in splits {
        // Only where a glyph starts exactly here (never inside a ligature).
        let Some(at) = (from..glyphs.end).find(|&k| c.glyphs[k].cluster >= offset) else {
            continue;
        };
        if c.glyphs[at].cluster != offset || at == from && !nbsp {
            continue;
        }
        push_box(c, out, from..at);
        if nbsp {
            let end = (at..glyphs.end).find(|&k| c.glyphs[k].cluster > offset).unwrap_or(glyphs.end);
            let width: f32 = c.glyphs[at..end].iter().map(|gl| gl.advance).sum();
            out.push(Item::Penalty { width: 0.0, cost: INFINITY, flagged: false }, Source::Nothing);
            out.push(glue(width, c.spacing), Source::Glyphs(at..end));
            from = end;
        } else {
            let width = hyphenator.map_or(0.0, |h| h.1);
            out.push(Item::Penalty { width, cost: HYPHEN_PENALTY, flagged: true }, Source::Hyphen);
            from = at;
        }
    }
    push_box(c, out, from..glyphs.end);
}

fn push_box(c: &Collect, out: &mut Items, glyphs: Range<usize>) {
    if glyphs.is_empty() {
        return;
    }
    let width = c.glyphs[glyphs.clone()].iter().map(|gl| gl.advance).sum();
    out.push(Item::Box { width }, Source::Glyphs(glyphs));
}

/// Byte offsets (within `piece`) where its words may be hyphenated.
fn hyphenation_points(piece: &str, lang: hypher::Lang) -> Vec<usize> {
    let mut points = Vec::new();
    let mut word_start = None;
    let is_letter = |ch: char| ch.is_alphabetic();
    for (i, ch) in piece.char_indices().chain([(piece.len(), ' ')]) {
        match (word_start, is_letter(ch)) {
            (None, true) => word_start = Some(i),
            (Some(s), false) => {
                let word = &piece[s..i];
                let letters = word.chars().count();
                // Acronyms (all capitals) are not hyphenated.
                let acronym = word.chars().all(|c| c.is_uppercase());
                if letters >= MIN_HYPHENATED_WORD && !acronym {
                    let (left, right) = lang.bounds();
                    let mut offset = s;
                    let syllables: Vec<&str> =
                        hypher::hyphenate_bounded(word, lang, left.max(2), right.max(2)).collect();
                    for syllable in &syllables[..syllables.len().saturating_sub(1)] {
                        offset += syllable.len();
                        points.push(offset);
                    }
                }
                word_start = None;
            }
            _ => {}
        }
    }
    points
}

/// The hyphenation patterns for a language, if hypher has them.
pub fn hyphenation_language(lang: &LanguageIdentifier) -> Option<hypher::Lang> {
    let code = lang.language.as_str().as_bytes();
    let code: [u8; 2] = code.try_into().ok()?;
    hypher::Lang::from_iso(code)
}

/// White space that may vanish at a line end (not the no-break spaces).
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}')
}

/// A dash opening an aside ("Campesinos —con delegados") belongs to the next word;
/// UAX #14 alone would allow a break after it.
fn keeps_following_word(before: &str) -> bool {
    before.ends_with(" —")
}

/// Whether the space after `word` must not break: a number stays with what follows it
/// ("15 December", "14:00 h", "12,5 %"), and in Romance languages so does the `de`
/// after a number ("15 de diciembre").
fn keeps_with_next(word: &str, before: &str, next: &str, lang: &LanguageIdentifier) -> bool {
    let is_number = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || ".,:/".contains(c))
            && w.ends_with(|c: char| c.is_ascii_digit())
    };
    if is_number(word) && !next.trim().is_empty() {
        return true;
    }
    let romance = matches!(lang.language.as_str(), "es" | "pt" | "fr" | "it" | "ca" | "gl");
    if !romance || !matches!(word, "de" | "del" | "da" | "do" | "di") {
        return false;
    }
    // Looked for only now: scanning back for the previous word at every break was
    // quadratic in a long run without spaces (40,000 backslashes took 6 s).
    let previous = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    is_number(previous)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenation_points_respect_word_length_and_language() {
        let es = hypher::Lang::Spanish;
        // "revolucionaria" → re-vo-lu-cio-na-ria
        let points = hyphenation_points("revolucionaria,", es);
        assert!(points.len() >= 3, "{points:?}");
        assert!(points.iter().all(|&p| p >= 2 && p <= "revolucionaria".len() - 2));
        // Four letters: never.
        assert!(hyphenation_points("casa", es).is_empty());
        assert!(hyphenation_points("¡Fuera", es).iter().all(|&p| p > "¡".len()));
        assert!(hyphenation_points("UNISON", hypher::Lang::English).is_empty());
    }

    #[test]
    fn numbers_keep_their_units_and_months() {
        let es: LanguageIdentifier = "es".parse().unwrap();
        let en: LanguageIdentifier = "en".parse().unwrap();
        assert!(keeps_with_next("15", "El ", "de ", &es));
        assert!(keeps_with_next("de", "El 15 ", "diciembre", &es));
        assert!(!keeps_with_next("de", "la lucha ", "los", &es));
        assert!(keeps_with_next("12,5", "un ", "% ", &es));
        assert!(keeps_with_next("14:00", "a las ", "h", &es));
        assert!(!keeps_with_next("2022,", "de ", "a ", &es));
        assert!(keeps_with_next("7", "On ", "December", &en));
        assert!(!keeps_with_next("de", "On 7 ", "x", &en));
    }

    #[test]
    fn languages_without_patterns_are_not_hyphenated() {
        assert!(hyphenation_language(&"qu".parse().unwrap()).is_none());
        assert_eq!(hyphenation_language(&"es-PE".parse().unwrap()), Some(hypher::Lang::Spanish));
    }
}
