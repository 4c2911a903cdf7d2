//! Inline emphasis inside a message: `*italic*`, `**bold**`, `\*` for a literal
//! asterisk and `\\` for a backslash. Parsed after Fluent has resolved the message, so
//! variables can hold emphasis too; no marker ever reaches the page.

use std::ops::Range;

/// A stretch of the plain text set in bold and/or italic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emphasis {
    pub range: Range<usize>,
    pub bold: bool,
    pub italic: bool,
}

/// An emphasis marker left open; `offset` is where it is in the marked-up text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    pub marker: &'static str,
    pub offset: usize,
}

/// The plain text and its emphasised stretches (in order, not overlapping).
pub fn parse(marked: &str) -> Result<(String, Vec<Emphasis>), Unclosed> {
    let mut plain = String::with_capacity(marked.len());
    let mut spans: Vec<Emphasis> = Vec::new();
    let (mut bold, mut italic) = (None::<usize>, None::<usize>);
    let mut chars = marked.char_indices().peekable();
    // Closes the current stretch (if styled) at the plain text's end.
    let flush = |spans: &mut Vec<Emphasis>, plain: &str, bold: bool, italic: bool, from: usize| {
        if (bold || italic) && from < plain.len() {
            spans.push(Emphasis { range: from..plain.len(), bold, italic });
        }
    };
    let mut stretch_start = 0;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some((_, '*' | '\\'))) => {
                let (_, escaped) = chars.next().unwrap_or((i, '\\'));
                plain.push(escaped);
            }
            '*' => {
                flush(&mut spans, &plain, bold.is_some(), italic.is_some(), stretch_start);
                stretch_start = plain.len();
                if matches!(chars.peek(), Some((_, '*'))) {
                    chars.next();
                    bold = if bold.is_some() { None } else { Some(i) };
                } else {
                    italic = if italic.is_some() { None } else { Some(i) };
                }
            }
            _ => plain.push(c),
        }
    }
    if let Some(offset) = bold {
        return Err(Unclosed { marker: "**", offset });
    }
    if let Some(offset) = italic {
        return Err(Unclosed { marker: "*", offset });
    }
    Ok((plain, spans))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> (String, Vec<(String, bool, bool)>) {
        let (plain, spans) = parse(text).unwrap();
        let named = spans.iter().map(|e| (plain[e.range.clone()].to_string(), e.bold, e.italic)).collect();
        (plain, named)
    }

    #[test]
    fn italic_bold_and_both() {
        let (plain, got) = spans("a *b* **c** ***d*** e");
        assert_eq!(plain, "a b c d e");
        assert_eq!(got, [("b".into(), false, true), ("c".into(), true, false), ("d".into(), true, true)]);
    }

    #[test]
    fn nested_emphasis_splits_into_stretches() {
        let (plain, got) = spans("**bold *both* bold**");
        assert_eq!(plain, "bold both bold");
        assert_eq!(
            got,
            [("bold ".into(), true, false), ("both".into(), true, true), (" bold".into(), true, false)]
        );
    }

    #[test]
    fn escapes_give_literal_asterisks_and_backslashes() {
        let (plain, got) = spans(r"5 \* 3 \\ *x*");
        assert_eq!(plain, r"5 * 3 \ x");
        assert_eq!(got, [("x".into(), false, true)]);
        assert_eq!(spans(r"C:\path").0, r"C:\path");
    }

    #[test]
    fn unclosed_markers_are_errors_with_their_position() {
        assert_eq!(parse("a *b"), Err(Unclosed { marker: "*", offset: 2 }));
        assert_eq!(parse("**b* c*"), Err(Unclosed { marker: "**", offset: 0 }));
    }
}
