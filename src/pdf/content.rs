//! Page content as printpdf writes it, made tighter before compression.

/// `[<0041><0042> 20<0043>] TJ` → `[<00410042> 20<0043>] TJ`: printpdf writes each
/// glyph of a text show as a string of its own; one string per stretch between
/// adjustments means the same (two bytes a glyph, Identity-H) in two thirds of the
/// bytes, and deflates faster. Literal strings are copied as they are (ours have none).
pub fn join_hex_strings(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len());
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'(' => {
                let end = literal_end(content, i);
                out.extend_from_slice(&content[i..end]);
                i = end;
            }
            // The end of a hexadecimal string right before the start of another
            // (`<<`, a dictionary, is not a string, nor is what follows `>>`).
            b'>' if content.get(i + 1) == Some(&b'<')
                && i > 0
                && content[i - 1].is_ascii_hexdigit()
                && content.get(i + 2).is_some_and(u8::is_ascii_hexdigit) =>
            {
                i += 2;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

/// Just past the literal string opening at `start` (balanced parentheses, `\`
/// escapes), or the end of the content when it is not closed.
fn literal_end(content: &[u8], start: usize) -> usize {
    let mut depth = 0;
    let mut i = start;
    while i < content.len() {
        match content[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    content.len()
}

#[cfg(test)]
mod tests {
    use super::join_hex_strings;

    fn joined(s: &str) -> String {
        String::from_utf8(join_hex_strings(s.as_bytes())).unwrap()
    }

    #[test]
    fn adjacent_hex_strings_become_one() {
        assert_eq!(joined("[<0001><0002><000a> 20<0006><00ff>] TJ"), "[<00010002000a> 20<000600ff>] TJ");
    }

    #[test]
    fn dictionaries_and_literal_strings_are_left_alone() {
        let kept = "/P <</MCID 0>><</A 1>> BDC (a<b><c>d) Tj <0001> <0002> [(x)<0003>] TJ";
        assert_eq!(joined(kept), kept);
        assert_eq!(joined(r"(\(<1><2>) Tj"), r"(\(<1><2>) Tj");
    }
}
