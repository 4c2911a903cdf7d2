//! `leaflet locale add`: a new language's `.ftl` file made from an existing one, every
//! message id kept, the source text as a comment above each, and every value marked
//! untranslated so that neither the translator nor the build can miss one.

use unic_langid::LanguageIdentifier;

use super::plurals;

/// Put before every value a scaffold creates; the build refuses text carrying it
/// (unless `--draft`), and `check` lists it.
pub const UNTRANSLATED: &str = "[untranslated]";

/// The scaffold for `to` made from the source file `source` (in `from`), and how
/// many messages it holds.
pub fn scaffold(
    source: &str,
    from: &LanguageIdentifier,
    to: &LanguageIdentifier,
    messages: &str,
) -> (String, usize) {
    let mut out = format!(
        "## {to}: translation of `{messages}`, made from `{from}` by `leaflet locale add`.\n\
         ## Translate each value marked {UNTRANSLATED} and delete the marker. Keep the ids (left of =),\n\
         ## the {{ $variables }}, {{ -terms }} and {{ other-messages }} as they are; *italic* and **bold** work.\n\
         ## `leaflet check` lists what is left to do.\n"
    );
    match plurals::categories(to) {
        Some(categories) => out.push_str(&format!(
            "## Plural variants in {to}: {} (keep a *[other] default).\n",
            categories.iter().map(|c| format!("[{c}]")).collect::<Vec<_>>().join(" ")
        )),
        None => out.push_str(&format!(
            "## Fluent has no plural rules for {to}: selectors use English ones ([one] for 1, *[other]).\n"
        )),
    }
    let mut count = 0;
    for entry in entries(source) {
        out.push('\n');
        if entry[0].starts_with('-') {
            out.push_str(&term_copy(from, &entry));
            continue;
        }
        count += 1;
        out.push_str(&message_to_translate(from, &entry));
    }
    (out, count)
}

/// A source term as a scaffold carries it: copied as it is, under a comment saying what
/// it is (a term is often a name, kept as it is).
pub fn term_copy(from: &LanguageIdentifier, entry: &[&str]) -> String {
    let mut out = format!("# {from} (a term: translate it, or keep a name as it is)\n");
    for line in entry {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A source message as a scaffold carries it: its source note, then its lines with the
/// value and each attribute marked untranslated.
pub fn message_to_translate(from: &LanguageIdentifier, entry: &[&str]) -> String {
    let mut out = source_note(from, entry);
    // A message whose value starts on its attribute lines has no value to mark.
    let value_follows =
        entry.iter().skip(1).find(|l| !l.trim().is_empty()).is_none_or(|l| !l.trim_start().starts_with('.'));
    for (n, line) in entry.iter().enumerate() {
        let value = n == 0 && (value_follows || !line.trim_end().ends_with('='));
        out.push_str(&if value || is_attribute(line) && n > 0 { mark(line) } else { line.to_string() });
        out.push('\n');
    }
    out
}

/// Whether a line of an entry starts an attribute (`    .title = …`).
pub fn is_attribute(line: &str) -> bool {
    attribute_name(line).is_some()
}

/// The name of the attribute a line starts, `    .title = …` → `title`.
pub fn attribute_name(line: &str) -> Option<&str> {
    let (key, _) = line.trim_start().strip_prefix('.')?.split_once('=')?;
    Some(key.trim())
}

/// `id = text` → `id = [untranslated] text` (also for `.attr = text`).
pub fn mark(line: &str) -> String {
    match line.split_once('=') {
        Some((key, value)) if value.trim().is_empty() => format!("{key}= {UNTRANSLATED}"),
        Some((key, value)) => format!("{key}= {UNTRANSLATED} {}", value.trim_start()),
        None => line.to_string(),
    }
}

/// The note that records which source text a translation was made from: each line of
/// the source entry as a comment, `# en: headline = Hands off!`. `locale add`,
/// `locale update` and `serve` write it above a message; `check` compares it with the
/// source as it is now to find stale translations.
pub fn source_note(from: &LanguageIdentifier, entry: &[&str]) -> String {
    entry.iter().map(|line| format!("# {from}: {}\n", line.trim_end())).collect()
}

/// The source lines a message's comment records (see [`source_note`]), or `None` when
/// the comment records none for `from`. `comment` is the comment's text as Fluent gives
/// it (each line without its `# `).
pub fn recorded_source(comment: &str, from: &LanguageIdentifier) -> Option<Vec<String>> {
    let prefix = format!("{from}: ");
    let bare = format!("{from}:");
    let lines: Vec<String> = comment
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix).or_else(|| (l == bare).then_some("")))
        .map(|l| l.trim_end().to_string())
        .collect();
    (!lines.is_empty()).then_some(lines)
}

/// The id a source entry defines (`-org` for a term), from its first line.
pub fn entry_id<'a>(entry: &[&'a str]) -> &'a str {
    entry.first().and_then(|l| l.split_once('=')).map_or("", |(id, _)| id.trim())
}

/// The source's messages and terms, each as its lines (comments and blank lines
/// dropped): an entry starts in column 1 and runs over the indented lines after it.
pub fn entries(source: &str) -> Vec<Vec<&str>> {
    entry_lines(source).into_iter().map(|(_, lines)| lines).collect()
}

/// [`entries`], each with the index of its last line in `source` (counting from 0), so
/// that `locale update` can add lines inside an entry without touching the others.
pub fn entry_lines(source: &str) -> Vec<(usize, Vec<&str>)> {
    let mut entries: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut open = false;
    // A byte-order mark (Windows Notepad) is not part of the first entry's id.
    let source = super::without_bom(source);
    for (n, line) in source.lines().enumerate() {
        let starts_entry =
            line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') && line.contains('=');
        if starts_entry {
            entries.push((n, vec![line]));
            open = true;
        } else if open && line.starts_with([' ', '\t', '}', '[', '*', '.']) && !line.trim().is_empty() {
            // Indented lines continue the entry; so do lines opening with a brace,
            // variant key or attribute, which Fluent allows in column 1.
            let entry = entries.last_mut().expect("open entry");
            entry.0 = n;
            entry.1.push(line);
        } else if !line.trim().is_empty() {
            open = false; // a comment or junk between entries
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;

    const EN: &str = "## English\n-org = The Union\n\n# the headline\nheadline = Hands off { -org }!\n\
        intro =\n    First line\n    second line.\n    .demands = We demand:\n\
        count = { $n ->\n    [one] one demand\n   *[other] { $n } demands\n}\nonly-attrs =\n    .title = Title\n";

    #[test]
    fn every_message_is_kept_commented_and_marked() {
        let (text, count) = scaffold(EN, &"en".parse().unwrap(), &"qu".parse().unwrap(), "demo");
        assert_eq!(count, 4);
        // Still valid Fluent, with the same ids.
        let resource = FluentResource::try_new(text.clone()).unwrap_or_else(|(_, e)| panic!("{e:?}\n{text}"));
        let ids: Vec<String> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(ids, ["headline", "intro", "count", "only-attrs"]);
        assert!(
            text.contains(
                "# en: headline = Hands off { -org }!\nheadline = [untranslated] Hands off { -org }!\n"
            ),
            "{text}"
        );
        assert!(text.contains("intro = [untranslated]\n    First line\n"), "{text}");
        assert!(text.contains("    .demands = [untranslated] We demand:\n"), "{text}");
        assert!(text.contains("only-attrs =\n    .title = [untranslated] Title\n"), "{text}");
        assert!(text.contains("-org = The Union\n"), "terms are copied as they are");
        assert!(text.contains("no plural rules for qu"), "{text}");
    }

    #[test]
    fn the_source_note_is_read_back() {
        let en: LanguageIdentifier = "en".parse().unwrap();
        let entry = entries(EN).into_iter().find(|e| entry_id(e) == "intro").unwrap();
        let note = source_note(&en, &entry);
        assert_eq!(
            note,
            "# en: intro =\n# en:     First line\n# en:     second line.\n# en:     .demands = We demand:\n"
        );
        // Fluent hands a comment over without the `# ` of each line.
        let comment: String = note.lines().map(|l| format!("{}\n", &l[2..])).collect();
        let back = recorded_source(&comment, &en).unwrap();
        assert_eq!(back, entry.iter().map(|l| l.trim_end().to_string()).collect::<Vec<_>>());
        assert_eq!(recorded_source("a note of the translator's", &en), None);
        assert_eq!(recorded_source(&comment, &"es".parse().unwrap()), None);
    }

    #[test]
    fn scaffold_lists_the_languages_plural_categories() {
        let (text, _) = scaffold(EN, &"en".parse().unwrap(), &"ar".parse().unwrap(), "demo");
        assert!(text.contains("## Plural variants in ar: [zero] [one] [two] [few] [many] [other]"), "{text}");
    }
}
