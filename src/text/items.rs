//! Collect: a shaped paragraph → the boxes, glue and penalties the line breakers work
//! on, each tied back to its glyphs. This is where the typographic rules live:
//! break opportunities (opportunities.rs), hyphenation points, no-break spaces, numbers
//! kept with what follows them, a dash opening an aside kept with its word, web
//! addresses (urls.rs) never hyphenated and broken only at a cost, and the glue that
//! lets Chinese, Japanese and Thai lines be justified without spaces.

use std::ops::Range;

use unic_langid::LanguageIdentifier;
use unicode_linebreak::BreakOpportunity;

use super::knuth_plass::{INFINITY, Item, PARAGRAPH_END};
use super::opportunities::{Unspaced, opportunities, unspaced};
use super::shape::ShapedGlyph;
use super::urls::{Url, find_urls, url_holding};

/// Cost of breaking at a hyphenation point or after an explicit hyphen (TeX's 50).
pub const HYPHEN_PENALTY: f32 = 50.0;

/// Cost of breaking a web address where UAX #14 allows (after a `/`, a `-`): twice a
/// hyphen's, so an address is split only when keeping it whole costs more (a line
/// much looser, or one more line).
pub const ADDRESS_BREAK_PENALTY: f32 = 100.0;

/// Cost of breaking an address right after its `https://`: ten times that, short of
/// forbidding it (`INFINITY`), which would make a long address in a narrow column an
/// error.
pub const SCHEME_BREAK_PENALTY: f32 = 1000.0;

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
    /// The web addresses in the text (urls.rs), found once with the items: layout
    /// links them in every setting it draws.
    pub addresses: Vec<Url>,
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

/// How far, in ems, the space between two Chinese or Japanese characters may grow
/// when a line is justified (items are at 1 pt, so an em is 1): a tenth of their
/// width, a fifth at the breaker's tolerance (ratio 2).
pub const IDEOGRAPHIC_STRETCH: f32 = 0.1;

/// The same between two clusters (a letter with its marks) of Thai, Lao, Khmer or
/// Burmese, about half as wide: again a tenth of their width.
pub const CLUSTER_STRETCH: f32 = 0.05;

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
    // Web addresses are never hyphenated: a hyphen drawn at the line's end would read
    // as part of the address. They may still break where UAX #14 allows (after a `/`).
    let addresses = find_urls(text);
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
        content_items(c, &mut out, start..content_end, content, hyphenator, &addresses);

        let spaces = first + content_glyphs..g;
        let is_last = end == text.len();
        if is_last || opportunity == BreakOpportunity::Mandatory {
            // The last line is set at its natural width.
            for item in PARAGRAPH_END {
                out.push(item, Source::Nothing);
            }
        } else {
            let next = &text[end..opportunities.get(n + 1).map_or(text.len(), |o| o.0)];
            // Inside a web address: at a cost, and right after its `https://` at a cost
            // so high that it is taken only when nothing else fits (a word too wide for
            // its column is an error; a split scheme only reads badly).
            let address = url_holding(&addresses, end).map(|i| &addresses[i].range).filter(|a| a.start < end);
            let in_scheme = address.is_some_and(|a| text[a.start..end].ends_with("//"));
            let keep = keeps_with_next(&text[start..content_end], &text[..start], next, c.lang);
            if !spaces.is_empty() {
                if keep {
                    out.push(Item::Penalty { width: 0.0, cost: INFINITY, flagged: false }, Source::Nothing);
                }
                let width: f32 = c.glyphs[spaces.clone()].iter().map(|gl| gl.advance).sum();
                out.push(glue(width, c.spacing), Source::Glyphs(spaces));
            } else if let (false, Some(between)) = (keep, unspaced(text, end)) {
                // Between Chinese or Japanese characters, or Thai words: glue of no
                // width, so justification can spread a line to the column's edge.
                out.push(unspaced_glue(between), Source::Glyphs(g..g));
            } else if !keep {
                // A break with no space: after a hyphen, a dash or a slash.
                let hyphen = text[start..content_end].ends_with(['-', '\u{2010}']);
                let cost = match (address, hyphen) {
                    (Some(_), _) if in_scheme => SCHEME_BREAK_PENALTY,
                    (Some(_), _) => ADDRESS_BREAK_PENALTY,
                    (None, true) => HYPHEN_PENALTY,
                    (None, false) => 0.0,
                };
                // A hyphen in an address is the address's: the break is not flagged
                // as a hyphenated line (it is no added hyphen).
                out.push(
                    Item::Penalty { width: 0.0, cost, flagged: hyphen && address.is_none() },
                    Source::Nothing,
                );
            }
        }
        start = end;
    }
    out.addresses = addresses;
    out
}

fn glue(width: f32, spacing: Spacing) -> Item {
    Item::Glue { width, stretch: width * spacing.stretch, shrink: width * spacing.shrink }
}

/// Glue between two characters of a script without spaces: no width, some stretch, no
/// shrink (characters set solid must not overlap). Drawn as extra space after the
/// glyph before it (its glyph range is empty). Every such pair gets the same, breakable
/// or not, so a justified line's characters are spread evenly (as JLREQ and CLREQ
/// justify, and Thai's distributed justification), never only at its breaks: uneven
/// gaps look like spaces, which in Thai mark a phrase's end, and text extraction
/// (poppler) reads them as spaces too.
fn unspaced_glue(between: Unspaced) -> Item {
    let stretch = match between {
        Unspaced::Ideographic => IDEOGRAPHIC_STRETCH,
        Unspaced::SouthEastAsian => CLUSTER_STRETCH,
    };
    Item::Glue { width: 0.0, stretch, shrink: 0.0 }
}

/// What goes between the two sides of a word split inside (`content_items`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Split {
    /// A no-break space: stretchable, unbreakable glue.
    NoBreakSpace,
    /// A hyphenation point.
    Hyphen,
    /// Two characters of a script written without spaces, with no break between
    /// them: unbreakable glue, so justification spreads the whole line evenly.
    Unspaced(Unspaced),
}

/// A word's content: boxes split at no-break spaces (stretchable, unbreakable glue),
/// at hyphenation points and between the characters of scripts without spaces.
fn content_items(
    c: &Collect,
    out: &mut Items,
    bytes: Range<usize>,
    glyphs: Range<usize>,
    hyphenator: Option<(hypher::Lang, f32)>,
    addresses: &[Url],
) {
    // Split points: (byte offset, what goes between the two sides).
    let mut splits: Vec<(usize, Split)> = Vec::new();
    let piece = &c.text[bytes.clone()];
    for (i, ch) in piece.char_indices() {
        if ch == '\u{a0}' {
            splits.push((bytes.start + i, Split::NoBreakSpace));
        } else if i > 0
            && let Some(between) = unspaced(c.text, bytes.start + i)
        {
            splits.push((bytes.start + i, Split::Unspaced(between)));
        }
    }
    if let Some((lang, _)) = hyphenator {
        for offset in hyphenation_points(piece, lang) {
            let at = bytes.start + offset;
            if url_holding(addresses, at).is_some() {
                continue;
            }
            splits.push((at, Split::Hyphen));
        }
    }
    splits.sort_by_key(|s| s.0);

    let mut from = glyphs.start;
    for (offset, split) in splits {
        // Only where a glyph starts exactly here (never inside a ligature or a
        // cluster: a Thai letter keeps its vowel and tone marks).
        let Some(at) = (from..glyphs.end).find(|&k| c.glyphs[k].cluster >= offset) else {
            continue;
        };
        if c.glyphs[at].cluster != offset || at == from && split != Split::NoBreakSpace {
            continue;
        }
        push_box(c, out, from..at);
        let unbreakable = Item::Penalty { width: 0.0, cost: INFINITY, flagged: false };
        match split {
            Split::NoBreakSpace => {
                let end = (at..glyphs.end).find(|&k| c.glyphs[k].cluster > offset).unwrap_or(glyphs.end);
                let width: f32 = c.glyphs[at..end].iter().map(|gl| gl.advance).sum();
                out.push(unbreakable, Source::Nothing);
                out.push(glue(width, c.spacing), Source::Glyphs(at..end));
                from = end;
            }
            Split::Hyphen => {
                let width = hyphenator.map_or(0.0, |h| h.1);
                out.push(Item::Penalty { width, cost: HYPHEN_PENALTY, flagged: true }, Source::Hyphen);
                from = at;
            }
            Split::Unspaced(between) => {
                out.push(unbreakable, Source::Nothing);
                out.push(unspaced_glue(between), Source::Glyphs(at..at));
                from = at;
            }
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

/// Whether the language is written in a script that is never hyphenated, so lacking
/// patterns costs it nothing: Chinese, Japanese and Korean, Thai, Lao, Khmer, Burmese
/// and Tibetan (broken between syllables or characters instead), Arabic and Hebrew
/// (words are kept whole). By the tag's script when it has one (`pa-Arab`), else by
/// the language's usual script.
pub fn script_is_unhyphenated(lang: &LanguageIdentifier) -> bool {
    const SCRIPTS: [&str; 15] = [
        "Hani", "Hans", "Hant", "Hira", "Kana", "Jpan", "Hang", "Kore", "Thai", "Laoo", "Khmr", "Mymr",
        "Tibt", "Arab", "Hebr",
    ];
    const LANGUAGES: [&str; 22] = [
        "zh", "yue", "ja", "ko", "th", "lo", "km", "my", "shn", "bo", "dz", "ar", "fa", "ur", "ps", "sd",
        "ckb", "ug", "he", "iw", "yi", "ks",
    ];
    match &lang.script {
        Some(script) => SCRIPTS.contains(&script.as_str()),
        None => LANGUAGES.contains(&lang.language.as_str()),
    }
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

    /// A web address is not hyphenated (a drawn hyphen would read as part of it); the
    /// words around it still are.
    #[test]
    fn web_addresses_are_not_hyphenated() {
        let text = "Information: https://example.org/information/solidarity solidarity";
        // One glyph per byte (the text is ASCII), half an em wide.
        let glyphs: Vec<ShapedGlyph> = (0..text.len())
            .map(|i| ShapedGlyph { id: 1, cluster: i, advance: 0.5, x_offset: 0.0, y_offset: 0.0 })
            .collect();
        let en: LanguageIdentifier = "en".parse().unwrap();
        let items = collect(&Collect {
            text,
            glyphs: &glyphs,
            lang: &en,
            hyphen_width: Some(0.3),
            spacing: JUSTIFIED,
        });
        // Where each hyphenation point is: the end of the box before it.
        let mut points = Vec::new();
        for (i, source) in items.sources.iter().enumerate() {
            if *source == Source::Hyphen
                && let Some(Source::Glyphs(before)) = items.sources.get(i.wrapping_sub(1))
            {
                points.push(before.end);
            }
        }
        let address = text.find("https").unwrap()..text.rfind(' ').unwrap();
        assert!(points.iter().any(|p| *p < address.start), "the first word is hyphenated: {points:?}");
        assert!(points.iter().any(|p| *p > address.end), "the last word is hyphenated: {points:?}");
        assert!(!points.iter().any(|p| address.contains(p)), "the address is hyphenated: {points:?}");
    }

    /// A web address breaks only where UAX #14 allows after a `/` or `-`, and at a
    /// cost, so it is split only when it must be; right after its `https://` at a far
    /// higher cost.
    #[test]
    fn web_addresses_break_only_at_a_cost_their_scheme_at_a_high_one() {
        let text = "Give at https://example.org/solidarity-fund/donate now";
        let glyphs: Vec<ShapedGlyph> = (0..text.len())
            .map(|i| ShapedGlyph { id: 1, cluster: i, advance: 0.5, x_offset: 0.0, y_offset: 0.0 })
            .collect();
        let en: LanguageIdentifier = "en".parse().unwrap();
        let items =
            collect(&Collect { text, glyphs: &glyphs, lang: &en, hyphen_width: None, spacing: JUSTIFIED });
        // Each penalty a line may break at: the byte it breaks before, and its cost.
        let mut breaks = Vec::new();
        let mut at = 0;
        for (item, source) in items.items.iter().zip(&items.sources) {
            match (item, source) {
                (_, Source::Glyphs(range)) => at = range.end,
                (Item::Penalty { cost, .. }, _) if *cost < INFINITY => breaks.push((at, *cost)),
                _ => {}
            }
        }
        let address = text.find("https").unwrap()..text.find(" now").unwrap();
        let inside: Vec<(&str, f32)> = breaks
            .iter()
            .filter(|b| address.contains(&b.0))
            .map(|&(b, cost)| (&text[address.start..b], cost))
            .collect();
        assert_eq!(
            inside,
            [
                ("https://", SCHEME_BREAK_PENALTY),
                ("https://example.org/", ADDRESS_BREAK_PENALTY),
                ("https://example.org/solidarity-", ADDRESS_BREAK_PENALTY),
                ("https://example.org/solidarity-fund/", ADDRESS_BREAK_PENALTY),
            ]
        );
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
    fn scripts_without_hyphenation_are_known_by_language_or_script() {
        let unhyphenated = |tag: &str| script_is_unhyphenated(&tag.parse().unwrap());
        for tag in ["zh", "zh-Hant", "ja", "th", "lo", "km", "my", "ar", "he", "pa-Arab", "sr-Hebr"] {
            assert!(unhyphenated(tag), "{tag}");
        }
        for tag in ["qu", "en", "pa", "sr-Latn", "sw", "tl"] {
            assert!(!unhyphenated(tag), "{tag}");
        }
    }

    #[test]
    fn languages_without_patterns_are_not_hyphenated() {
        assert!(hyphenation_language(&"qu".parse().unwrap()).is_none());
        assert_eq!(hyphenation_language(&"es-PE".parse().unwrap()), Some(hypher::Lang::Spanish));
    }
}
