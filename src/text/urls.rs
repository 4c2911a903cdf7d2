//! Web addresses written in running text: where each one is (byte ranges of the
//! text) and the URI it opens. A pure function over a string, used by layout (a link
//! over the address's glyphs) and by the line breaker's collect step (an address is
//! never hyphenated: a hyphen added there would read as part of it). Knows nothing of
//! fonts, pages or PDF.
//!
//! What counts as an address, so that ordinary prose is never taken for one:
//! - `https://…` and `http://…`;
//! - `www.` followed by a domain (`www.example.org`), opened as `https://`;
//! - a bare domain followed by a path (`example.org/join`), opened as `https://`: a
//!   bare `example.org` is left alone, as "e.g." or "etc." run into a word would be
//!   too easy to take for one.
//!
//! An address ends at white space or at characters no address written in text holds
//! (`<>"`, quotation marks, guillemets); full stops, commas, colons, semicolons,
//! question and exclamation marks and closing brackets at its end are the sentence's,
//! not the address's, unless a bracket closes one opened inside the address
//! (`…/Rust_(language)`).

use std::ops::Range;

/// An address in the text: its bytes and the URI it opens (ASCII, non-ASCII
/// characters of the path percent-encoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub range: Range<usize>,
    pub uri: String,
}

/// Every address in `text`, in order, not overlapping. Linear in the text: a
/// candidate is given up as soon as its host name is not one (at most 253 bytes
/// read), and a found address is read once and skipped.
pub fn find_urls(text: &str) -> Vec<Url> {
    let mut found = Vec::new();
    let mut at = 0;
    let mut before: Option<char> = None;
    while let Some(c) = text[at..].chars().next() {
        // Candidates start at a word's start with an ASCII letter or digit: after the
        // text's start or a character that is neither a letter, a digit, nor part of
        // an address (`@` makes it an email address's domain, not a web link).
        let starts_word = before.is_none_or(|b| !b.is_alphanumeric() && !"@.-_/".contains(b));
        if starts_word
            && c.is_ascii_alphanumeric()
            && let Some(url) = url_at(text, at)
        {
            at = url.range.end;
            before = text[..at].chars().next_back();
            found.push(url);
            continue;
        }
        at += c.len_utf8();
        before = Some(c);
    }
    found
}

/// The index of the address of `urls` (sorted, as `find_urls` gives them) holding
/// byte `at`.
pub fn url_holding(urls: &[Url], at: usize) -> Option<usize> {
    let i = urls.partition_point(|u| u.range.end <= at);
    urls.get(i).filter(|u| u.range.contains(&at)).map(|_| i)
}

/// The longest host name there is (RFC 1035), in bytes.
const MAX_HOST: usize = 253;

/// The address starting at byte `start`, if one does.
fn url_at(text: &str, start: usize) -> Option<Url> {
    let rest = &text[start..];
    let starts_with = |prefix: &str| {
        rest.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    let scheme_len = if starts_with("https://") {
        Some(8)
    } else if starts_with("http://") {
        Some(7)
    } else {
        None
    };
    let after_scheme = &rest[scheme_len.unwrap_or(0)..];
    // The host name, its port, then a path or the address's end.
    let host_len = after_scheme
        .bytes()
        .take(MAX_HOST + 1)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-')
        .count();
    if host_len > MAX_HOST {
        return None;
    }
    let mut name = &after_scheme[..host_len];
    let mut tail = &after_scheme[host_len..];
    let port_len = match tail.strip_prefix(':') {
        Some(port) => match port.bytes().take(6).take_while(u8::is_ascii_digit).count() {
            0 => 0,
            digits => 1 + digits,
        },
        None => 0,
    };
    tail = &tail[port_len..];
    let end = if tail.starts_with(['/', '?', '#']) {
        trim_trailing(text, start, start + candidate_len(rest))
    } else {
        // No path: the host is the end, less a full stop or hyphen that ends the
        // sentence ("www.example.org."), and only where the word ends too.
        if port_len == 0 {
            name = name.trim_end_matches(['.', '-']);
        }
        let end = start + scheme_len.unwrap_or(0) + name.len() + port_len;
        let next = text[end..].chars().next();
        if next.is_some_and(|c| !ends_address(c)) {
            return None;
        }
        end
    };
    let written = &text[start..end];
    let path = &written[(scheme_len.unwrap_or(0) + name.len() + port_len).min(written.len())..];
    if !is_domain(name) {
        return None;
    }
    let uri = match scheme_len {
        // An explicit scheme: any host name will do ("http://localhost:8080/").
        Some(_) => encode(written),
        // Bare: only `www.…`, or a domain with a path.
        None if name.contains('.')
            && (name.as_bytes().get(..4).is_some_and(|head| head.eq_ignore_ascii_case(b"www."))
                || path.len() > 1) =>
        {
            format!("https://{}", encode(written))
        }
        None => return None,
    };
    Some(Url { range: start..end, uri })
}

/// Whether `c`, right after a host name, ends the address there: white space, a
/// character no address holds, or punctuation that ends a sentence.
fn ends_address(c: char) -> bool {
    candidate_len(c.encode_utf8(&mut [0; 4])) == 0 || ".,:;!?'¡¿…。、，)]}".contains(c)
}

/// How many bytes from the candidate's start could belong to an address: up to white
/// space or a character no address holds.
fn candidate_len(rest: &str) -> usize {
    rest.find(|c: char| c.is_whitespace() || c.is_control() || "<>\"«»“”‘’\u{ad}".contains(c))
        .unwrap_or(rest.len())
}

/// `end` moved back over punctuation that ends the sentence rather than the address.
fn trim_trailing(text: &str, start: usize, mut end: usize) -> usize {
    loop {
        let Some(last) = text[start..end].chars().next_back() else { return end };
        let drop = match last {
            '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '¡' | '¿' | '…' | '。' | '、' | '，' => true,
            ')' | ']' | '}' => {
                let open = match last {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                let inside = &text[start..end];
                inside.matches(open).count() < inside.matches(last).count()
            }
            _ => false,
        };
        if !drop {
            return end;
        }
        end -= last.len_utf8();
    }
}

/// A domain name as written: labels of ASCII letters, digits and hyphens, separated by
/// dots, the last (the top-level domain) of two or more letters; or, with a scheme
/// given, a single label (`localhost`).
fn is_domain(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let top = labels.last().copied().unwrap_or("");
    labels.iter().all(label_ok)
        && (labels.len() == 1 || top.len() >= 2 && top.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The address as a URI: ASCII kept, anything else percent-encoded as UTF-8 (a PDF's
/// `/URI` is seven-bit ASCII).
fn encode(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    for c in written.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The addresses found, as written, and the URIs they open.
    fn found(text: &str) -> Vec<(&str, String)> {
        find_urls(text).into_iter().map(|u| (&text[u.range], u.uri)).collect()
    }

    #[test]
    fn addresses_with_a_scheme_stop_before_the_sentence_punctuation() {
        assert_eq!(
            found("See https://example.org/join. Or (http://example.org/a_(b)), then."),
            vec![
                ("https://example.org/join", "https://example.org/join".to_string()),
                ("http://example.org/a_(b)", "http://example.org/a_(b)".to_string()),
            ]
        );
    }

    #[test]
    fn www_and_bare_domains_with_a_path_open_as_https() {
        assert_eq!(
            found("Visit www.peru-solidarity.org, or example.org/join?x=1!"),
            vec![
                ("www.peru-solidarity.org", "https://www.peru-solidarity.org".to_string()),
                ("example.org/join?x=1", "https://example.org/join?x=1".to_string()),
            ]
        );
    }

    /// Prose that looks a little like an address is left alone: a bare domain without
    /// a path, an email address, abbreviations, a decimal number, a date with slashes.
    #[test]
    fn prose_is_not_taken_for_an_address() {
        for text in [
            "Write to example.org today.",
            "Mail info@example.org/x or join, e.g. today.",
            "It costs 12.50/month, from 15/12/2026 on.",
            "Etc./and so on",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    /// An address without a path ends where its host name does, less the sentence's
    /// full stop; one whose host name runs into a character no host has is none.
    #[test]
    fn a_host_name_ends_the_address_or_rules_it_out() {
        assert_eq!(
            found("Visit www.example.org. Or http://localhost:8080/x, www.exam_ple.org, www.exampleé.org"),
            vec![
                ("www.example.org", "https://www.example.org".to_string()),
                ("http://localhost:8080/x", "http://localhost:8080/x".to_string()),
            ]
        );
    }

    #[test]
    fn a_non_ascii_path_is_percent_encoded() {
        assert_eq!(
            found("«https://ejemplo.org/año»"),
            vec![("https://ejemplo.org/año", "https://ejemplo.org/a%C3%B1o".to_string())]
        );
    }
}
