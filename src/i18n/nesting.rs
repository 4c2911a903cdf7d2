//! How deep a `.ftl` file nests placeables, selectors and function calls, found by a
//! quick scan before Fluent parses it: Fluent's parser recurses once per level and has
//! no limit of its own, so a few thousand levels (`{{{{…}}}}`) overflow the stack and
//! abort the process. Translations never need more than a handful of levels.

/// Deeper nesting is refused; Fluent would resolve at most 100 placeables anyway.
pub const MAX_DEPTH: usize = 100;

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    /// Inside `{ … }`, before any `->`: string literals, calls and references.
    Expression,
    /// Inside a select expression's variants: text, in which `"` is just a character.
    Variants,
    /// Inside a call's `( … )`.
    Arguments,
}

/// The byte offset where nesting first goes deeper than `max`, if it does.
///
/// Errs on the side of counting more levels than Fluent would, never fewer, except
/// that a line starting in column 1 with a letter, `-` or `#` starts afresh (a new
/// entry, where Fluent's parser recovers from a syntax error too).
pub fn too_deep(source: &str, max: usize) -> Option<usize> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut line_start = true;
    let mut chars = source.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let starts_entry = line_start && (c.is_ascii_alphabetic() || c == '-' || c == '#');
        line_start = c == '\n';
        if starts_entry {
            stack.clear();
        }
        if starts_entry && c == '#' {
            // A comment, to the end of the line.
            line_start = chars.by_ref().any(|(_, c)| c == '\n');
            continue;
        }
        let in_expression = matches!(stack.last(), Some(Frame::Expression | Frame::Arguments));
        match c {
            '{' => stack.push(Frame::Expression),
            '(' if in_expression => stack.push(Frame::Arguments),
            ')' if stack.last() == Some(&Frame::Arguments) => {
                stack.pop();
            }
            '}' => {
                while let Some(frame) = stack.pop() {
                    if frame != Frame::Arguments {
                        break;
                    }
                }
            }
            '-' if in_expression && matches!(chars.peek(), Some((_, '>'))) => {
                if let Some(top) = stack.last_mut() {
                    *top = Frame::Variants;
                }
            }
            '"' if in_expression => {
                // A string literal: to the closing quote or the end of the line.
                while let Some((_, s)) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        '\n' => {
                            line_start = true;
                            break;
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        if stack.len() > max {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(source: &str) -> usize {
        (0..20).find(|&max| too_deep(source, max).is_none()).unwrap()
    }

    #[test]
    fn counts_placeables_selectors_and_calls() {
        assert_eq!(depth("a = plain (text) \"quoted\" }"), 0);
        assert_eq!(depth("a = { $n } and { -t }"), 1);
        assert_eq!(depth("a = {{{ \"x\" }}}"), 3);
        assert_eq!(depth("a = { NUMBER($n, minimumFractionDigits: 2) }"), 2);
        assert_eq!(depth("a = { $n ->\n    [one] { $n } (one)\n   *[other] \"{ $n }\n}"), 2);
    }

    #[test]
    fn braces_in_string_literals_do_not_count() {
        assert_eq!(depth("a = { \"}\" } { \"{{\" }"), 1);
        assert_eq!(depth("a = { F(\"}\", { F(\"}\", { 1 }) }) }"), 5);
    }

    #[test]
    fn each_entry_starts_afresh() {
        assert_eq!(depth("a = { { {\nb = { x }\n# {{{{\nc = x"), 3);
    }

    #[test]
    fn reports_where_the_limit_is_passed() {
        let deep = format!("a = {}\"x\"{}", "{".repeat(200), "}".repeat(200));
        assert_eq!(too_deep(&deep, MAX_DEPTH), Some(4 + MAX_DEPTH));
        assert_eq!(too_deep(&deep, 200), None);
    }
}
