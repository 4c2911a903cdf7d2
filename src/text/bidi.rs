//! Direction: the Unicode bidi embedding level of every byte of a paragraph (UAX #9,
//! via unicode-bidi), and the visual order of a line's glyphs. Line breaking works in
//! logical order; only placing a line reorders it. Which languages are written right to
//! left is a fact of `crate::language`.

use unicode_bidi::{BidiInfo, Level};

/// Invisible characters that steer the bidi algorithm (isolates, embeddings, marks):
/// they take part in ordering and are never drawn or extracted.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The embedding level of each byte of `text`, in a paragraph of the given direction.
pub fn levels(text: &str, rtl: bool) -> Vec<Level> {
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    BidiInfo::new(text, Some(base)).levels
}

/// The visual order (left to right) of items with these levels (rule L2).
pub fn visual_order(levels: &[Level]) -> Vec<usize> {
    BidiInfo::reorder_visual(levels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_inside_arabic_keeps_its_order() {
        // Arabic letters are right to left; the embedded Latin name stays left to right.
        let text = "في ميدان Trafalgar Square اليوم";
        let levels = levels(text, true);
        let at = |s: &str| levels[text.find(s).unwrap()].number();
        assert_eq!(at("في"), 1);
        assert_eq!(at("Trafalgar"), 2);
        let order =
            visual_order(&[Level::rtl(), Level::rtl(), Level::new(2).unwrap(), Level::new(2).unwrap()]);
        assert_eq!(order, [2, 3, 1, 0]);
    }
}
