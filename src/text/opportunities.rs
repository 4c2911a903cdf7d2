//! Where a line may break in a paragraph's text, and which of those breaks fall between
//! letters of a script written without spaces. UAX #14 (unicode-linebreak) everywhere;
//! inside Thai, Lao, Khmer and Burmese (line break class SA, which UAX #14 leaves to a
//! dictionary), ICU4X's segmenter finds the words. Chinese and Japanese break between
//! characters by UAX #14 itself, whose default (strict) rules are the kinsoku rules: no
//! closing punctuation, small kana or prolonged sound mark at a line's start (classes
//! CL, CP, EX, IS, NS and CJ resolved to NS), no opening punctuation at its end (OP).
//! Knows nothing of fonts, glyphs or widths.

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::LineBreakOptions;
use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};

/// Which script written without spaces two neighbouring characters share: where
/// justification may add space between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unspaced {
    /// Chinese or Japanese characters, their punctuation included.
    Ideographic,
    /// Thai, Lao, Khmer or Burmese (UAX #14's class SA).
    SouthEastAsian,
}

/// Break opportunities of `text`: the byte offset after each break (the text's end is
/// always one, mandatory), in order.
pub fn opportunities(text: &str) -> Vec<(usize, BreakOpportunity)> {
    let mut found: Vec<(usize, BreakOpportunity)> = linebreaks(text).collect();
    if !text.chars().any(is_complex) {
        // Most text: UAX #14 alone, and no segmenter run.
        return found;
    }
    // UAX #14 sets SA characters as letters (no break inside a run of them); the
    // segmenter's breaks are taken where a character on either side is SA, so the
    // rest of the text keeps UAX #14's breaks exactly.
    let words: Vec<usize> = segmenter()
        .segment_str(text)
        .filter(|&at| 0 < at && at < text.len())
        .filter(|&at| before(text, at).is_some_and(is_complex) || after(text, at).is_some_and(is_complex))
        .collect();
    for at in words {
        if let Err(i) = found.binary_search_by_key(&at, |o| o.0) {
            found.insert(i, (at, BreakOpportunity::Allowed));
        }
    }
    found
}

/// The line segmenter with the LSTM models for Thai, Lao, Khmer and Burmese, made once.
/// LSTM rather than the word lists: it keeps a word it does not know whole, where the
/// lists cut a loanword such as ทราฟัลการ์ (Trafalgar) before a vowel sign or a silent
/// letter (ทร|า, |ร์), breaks no Thai line may start with; and it is a third the size.
fn segmenter() -> &'static icu_segmenter::LineSegmenterBorrowed<'static> {
    static SEGMENTER: std::sync::OnceLock<icu_segmenter::LineSegmenterBorrowed<'static>> =
        std::sync::OnceLock::new();
    SEGMENTER.get_or_init(|| LineSegmenter::new_lstm(LineBreakOptions::default()))
}

/// Whether the characters on both sides of `at` belong to one script written without
/// spaces, and which. Not between Chinese and Latin: a gap there would be read as a
/// space. Quotation marks, dashes and ellipses, which Chinese shares with Latin, count
/// beside a Chinese or Japanese character only (a dash pair —— stays solid).
pub fn unspaced(text: &str, at: usize) -> Option<Unspaced> {
    let (before, after) = (before(text, at)?, after(text, at)?);
    let shared = |c: char| matches!(c, '\u{2014}' | '\u{2018}'..='\u{201D}' | '\u{2026}');
    let ideographic = |c: char| is_cjk(c) || shared(c);
    if ideographic(before) && ideographic(after) && (is_cjk(before) || is_cjk(after)) {
        Some(Unspaced::Ideographic)
    } else if is_complex(before) && is_complex(after) {
        Some(Unspaced::SouthEastAsian)
    } else {
        None
    }
}

fn before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Thai, Lao, Khmer, Burmese and the like: UAX #14's class SA.
fn is_complex(c: char) -> bool {
    break_property(c as u32) == BreakClass::ComplexContext
}

/// Chinese and Japanese characters and their full-width punctuation, by block (not by
/// line break class: ID also holds emoji, which sit in Latin text).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'     // radicals
        | '\u{3000}'..='\u{30FF}'   // CJK punctuation, hiragana, katakana
        | '\u{3100}'..='\u{312F}'   // bopomofo
        | '\u{31F0}'..='\u{31FF}'   // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // ideographs, extension A
        | '\u{4E00}'..='\u{9FFF}'   // unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // compatibility forms (vertical punctuation)
        | '\u{FF00}'..='\u{FFEF}'   // full-width and half-width forms
        | '\u{20000}'..='\u{3FFFF}' // ideographs, supplementary planes
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text cut at each allowed break.
    fn pieces(text: &str) -> Vec<&str> {
        let mut start = 0;
        opportunities(text)
            .into_iter()
            .map(|(end, _)| {
                let piece = &text[start..end];
                start = end;
                piece
            })
            .collect()
    }

    #[test]
    fn thai_breaks_between_words_the_segmenter_finds() {
        // "We express solidarity with the workers and farmers of Peru", no spaces.
        let got = pieces("เราขอแสดงความสามัคคีกับคนงาน");
        assert_eq!(got, ["เรา", "ขอ", "แสดง", "ความ", "สามัคคี", "กับ", "คน", "งาน"]);
    }

    #[test]
    fn lao_khmer_and_burmese_break_between_words_too() {
        // "We stand beside the workers", "We support the workers", "We workers".
        assert_eq!(pieces("ພວກເຮົາຢືນຄຽງຂ້າງຄົນງານ"), ["ພວກ", "ເຮົາ", "ຢືນຄຽງ", "ຂ້າງ", "ຄົນ", "ງານ"]);
        assert_eq!(pieces("យើងគាំទ្រកម្មករ"), ["យើង", "គាំទ្រ", "កម្មករ"]);
        assert_eq!(pieces("ကျွန်ုပ်တို့သည်အလုပ်သမားများ"), ["ကျွန်ုပ်", "တို့သည်", "အလုပ်သမား", "များ"]);
    }

    #[test]
    fn latin_beside_thai_keeps_its_own_breaks() {
        assert_eq!(pieces("well-known ไทยไทย x"), ["well-", "known ", "ไทย", "ไทย ", "x"]);
        // The segmenter (Unicode 16) would break before ¿ after a closing », which
        // unicode-linebreak (UAX #14 of Unicode 15.0) does not: the rest stays UAX #14's.
        assert_eq!(pieces("«hola» ¿qué? ไทย"), ["«hola» ¿qué? ", "ไทย"]);
        // Latin alone never runs the segmenter, and is as UAX #14 has it.
        let latin = "Pero el paro tiene que ir más allá—y/o 14:00 h.";
        assert_eq!(opportunities(latin), linebreaks(latin).collect::<Vec<_>>());
    }

    #[test]
    fn a_loanword_the_segmenter_does_not_know_stays_whole() {
        // Trafalgar Square: no break before า or before the silent ร์.
        let got = pieces("ที่จัตุรัสทราฟัลการ์");
        assert!(got.iter().all(|p| !p.starts_with(['า', 'ร'])), "{got:?}");
    }

    #[test]
    fn kinsoku_no_closing_mark_starts_and_no_opening_mark_ends_a_piece() {
        let text = "「東京」、（大阪）では、ちょっとコーヒーを飲みましょう。我们支持秘鲁的工人，和农民！";
        let got = pieces(text);
        assert_eq!(got.concat(), text);
        for piece in &got[1..] {
            assert!(!piece.starts_with(['」', '、', '）', '。', '，', '！', 'ょ', 'っ', 'ー']), "{got:?}");
        }
        for piece in &got {
            assert!(!piece.ends_with(['「', '（']), "{got:?}");
        }
        // And the ideographs do break: one piece a character, or two with a mark.
        assert!(got.len() > 25, "{got:?}");
    }

    #[test]
    fn only_neighbours_in_one_script_without_spaces_are_unspaced() {
        assert_eq!(unspaced("東京。", "東".len()), Some(Unspaced::Ideographic));
        assert_eq!(unspaced("東京。", "東京".len()), Some(Unspaced::Ideographic));
        assert_eq!(unspaced("東京London", "東京".len()), None);
        assert_eq!(unspaced("量。”我", "量。".len()), Some(Unspaced::Ideographic));
        assert_eq!(unspaced("量。”我", "量。”".len()), Some(Unspaced::Ideographic));
        assert_eq!(unspaced("力——量", "力—".len()), None);
        assert_eq!(unspaced("‘a’”", "‘a’".len()), None);
        assert_eq!(unspaced("ไทยไทย", "ไทย".len()), Some(Unspaced::SouthEastAsian));
        assert_eq!(unspaced("ไทย", "ไ".len()), Some(Unspaced::SouthEastAsian));
        assert_eq!(unspaced("ไทย東", "ไทย".len()), None);
        assert_eq!(unspaced("well-known", "well-".len()), None);
        assert_eq!(unspaced("and/or", "and/".len()), None);
        assert_eq!(unspaced("🙂🙂", "🙂".len()), None);
        assert_eq!(unspaced("東京", 0), None);
    }
}
