//! `leaflet locale update`: brings an existing translation up to date with its source
//! language by adding what the source has and the translation lacks — messages, terms,
//! attributes of a message — marked untranslated as `locale add` marks them. Every line
//! already in the translation stays as it was, in order: a volunteer's work is never
//! rewritten. Knows Fluent's file layout only as `scaffold` reads it; knows no files.

use std::collections::{BTreeMap, BTreeSet};

use unic_langid::LanguageIdentifier;

use super::scaffold::{attribute_name, entry_id, entry_lines, mark, message_to_translate, term_copy};

/// What an update added, in the order of the source, for telling the translator.
#[derive(Debug, Clone, PartialEq)]
pub enum Added {
    Message(String),
    Term(String),
    /// A message's attribute: (message id, attribute name).
    Attribute(String, String),
}

impl std::fmt::Display for Added {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Added::Message(id) => write!(f, "message `{id}`"),
            Added::Term(id) => write!(f, "term `{id}`"),
            Added::Attribute(id, attribute) => write!(f, "attribute `{id}.{attribute}`"),
        }
    }
}

/// `translation` with what `source` (in `from`) has and it lacks added, and the list of
/// what was added; the text is `translation` unchanged when nothing was.
pub fn update(source: &str, translation: &str, from: &LanguageIdentifier) -> (String, Vec<Added>) {
    let have: BTreeMap<&str, (usize, Vec<&str>)> =
        entry_lines(translation).into_iter().map(|(last, lines)| (entry_id(&lines), (last, lines))).collect();
    let mut added = Vec::new();
    // Lines to add after a line of the translation (its index), and at the end.
    let mut inside: BTreeMap<usize, String> = BTreeMap::new();
    let mut at_end = String::new();
    for (_, entry) in entry_lines(source) {
        let id = entry_id(&entry);
        match have.get(id) {
            None if id.starts_with('-') => {
                at_end.push('\n');
                at_end.push_str(&term_copy(from, &entry));
                added.push(Added::Term(id.to_string()));
            }
            None => {
                at_end.push('\n');
                at_end.push_str(&message_to_translate(from, &entry));
                added.push(Added::Message(id.to_string()));
            }
            // A term's attributes are the translator's business (they may differ by
            // language, e.g. grammatical gender).
            Some(_) if id.starts_with('-') => {}
            Some((last, lines)) => {
                let present: BTreeSet<&str> = lines.iter().filter_map(|l| attribute_name(l)).collect();
                for (name, attribute) in attributes(&entry) {
                    if present.contains(name) {
                        continue;
                    }
                    let text = inside.entry(*last).or_default();
                    text.push_str(&mark(attribute[0]));
                    text.push('\n');
                    for line in &attribute[1..] {
                        text.push_str(line);
                        text.push('\n');
                    }
                    added.push(Added::Attribute(id.to_string(), name.to_string()));
                }
            }
        }
    }
    if added.is_empty() {
        return (translation.to_string(), added);
    }
    let mut out = String::with_capacity(translation.len() + at_end.len());
    for (n, line) in translation.split_inclusive('\n').enumerate() {
        out.push_str(line);
        if let Some(text) = inside.get(&n) {
            end_line(&mut out);
            out.push_str(text);
        }
    }
    if !at_end.is_empty() {
        end_line(&mut out);
        out.push_str(&at_end);
    }
    (out, added)
}

/// Ends the last line of `out` if it is not ended (a file saved without a final line
/// break), so added lines start on their own.
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// A message's attributes, each as its name and its lines (the `.name = …` line and the
/// lines that continue it, up to the next attribute).
fn attributes<'a>(entry: &[&'a str]) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut out: Vec<(&'a str, Vec<&'a str>)> = Vec::new();
    for (n, line) in entry.iter().enumerate() {
        match attribute_name(line) {
            Some(name) if n > 0 => out.push((name, vec![line])),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.1.push(line);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "-org = The Union\n\nheadline = Hands off { -org }!\n\
        intro = First line\n    .short = Short\n    .long =\n        Long\n        text\n\
        new-message = { $count ->\n    [one] one demand\n   *[other] { $count } demands\n}\n-new-term = Term\n";

    const ES: &str = "## Spanish\n-org = El Sindicato\n\n# a note of the translator's\n\
        headline = ¡Manos fuera de { -org }!\n\nintro = Primera línea\n\n    .short = Corto\n\n# end\n";

    fn en() -> LanguageIdentifier {
        "en".parse().unwrap()
    }

    #[test]
    fn adds_what_is_missing_and_keeps_every_line() {
        let (text, added) = update(EN, ES, &en());
        assert_eq!(
            added,
            [
                Added::Attribute("intro".into(), "long".into()),
                Added::Message("new-message".into()),
                Added::Term("-new-term".into()),
            ]
        );
        // Every original line still there, in order and unchanged.
        let mut lines = text.lines();
        for original in ES.lines() {
            assert!(lines.any(|l| l == original), "`{original}` lost or moved in:\n{text}");
        }
        assert!(
            text.contains("intro = Primera línea\n\n    .short = Corto\n    .long = [untranslated]\n        Long\n        text\n\n# end\n"),
            "the attribute is added inside its message:\n{text}"
        );
        assert!(
            text.contains("# en: new-message = { $count ->\n# en:     [one] one demand\n")
                && text.contains("new-message = [untranslated] { $count ->\n    [one] one demand\n"),
            "{text}"
        );
        assert!(text.ends_with("-new-term = Term\n"), "{text}");
        // Still valid Fluent.
        fluent_bundle::FluentResource::try_new(text.clone()).unwrap_or_else(|(_, e)| panic!("{e:?}\n{text}"));
    }

    #[test]
    fn an_up_to_date_translation_is_returned_as_it_is() {
        let (once, _) = update(EN, ES, &en());
        let (twice, added) = update(EN, &once, &en());
        assert_eq!(added, []);
        assert_eq!(twice, once);
    }

    #[test]
    fn a_file_without_a_final_line_break_or_with_a_byte_order_mark() {
        let es = format!("\u{feff}{}", ES.trim_end());
        let (text, added) = update(EN, &es, &en());
        assert_eq!(added.len(), 3);
        assert!(text.starts_with("\u{feff}## Spanish\n"), "{text}");
        assert!(text.contains("\n# end\n\n# en: new-message"), "{text}");
    }
}
