//! A byte-preserving editor of `.ftl` text: the value, or one attribute, of one message
//! replaced, and the message's source note (`# en: …`) set, every other byte of the file
//! left as it was (comments, blank lines, message order, the other messages' layout).
//! For `serve`, which saves a translator's edits into a file people also edit by hand.
//! Knows Fluent's syntax only; nothing of leaflets, layout or HTTP.
//!
//! fluent-syntax keeps no spans, but with `&str` sources every identifier in its tree
//! is a slice of the source, so where a message starts is the slice's offset in it.
//! Where the message ends, and where its attributes start, is read from the lines after
//! it, by Fluent's own rule: an entry's lines after the first are indented, or open with
//! `}`, `[`, `*` or `.` (an attribute, which a text line may never open with).

use std::ops::Range;

// Messages are found past a byte-order mark; the mark itself is kept when saving.
use super::without_bom;

/// A field of a message: its value (`slogan`) or one attribute (`intro.demands`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub id: &'a str,
    pub attribute: Option<&'a str>,
}

impl<'a> Field<'a> {
    /// `intro.demands` → the attribute `demands` of `intro`; `slogan` → its value.
    pub fn parse(key: &'a str) -> Field<'a> {
        match key.split_once('.') {
            Some((id, attribute)) => Field { id, attribute: Some(attribute) },
            None => Field { id: key, attribute: None },
        }
    }
}

/// Where one message lies in a file's text, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageSpan {
    pub id: String,
    /// From the start of the line of its id to the end of its last non-blank line
    /// (with that line's break); the comment above is not in it.
    pub whole: Range<usize>,
    /// The value's text after `=` (with its line break), up to the first attribute.
    pub value: Range<usize>,
    /// Each attribute's name and its text after `=`.
    pub attributes: Vec<(String, Range<usize>)>,
}

impl MessageSpan {
    /// The text of `attribute` (or of the value), as written after its `=`.
    fn field_range(&self, attribute: Option<&str>) -> Option<Range<usize>> {
        match attribute {
            None => Some(self.value.clone()),
            Some(name) => self.attributes.iter().find(|(n, _)| n == name).map(|(_, r)| r.clone()),
        }
    }
}

/// The messages of `source` the Fluent parser finds (entries it cannot parse are not
/// among them), in file order.
pub fn messages(source: &str) -> Vec<MessageSpan> {
    let resource = match fluent_syntax::parser::parse(without_bom(source)) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => message_span(source, m.id.name),
            _ => None,
        })
        .collect()
}

/// Where the parser found entries it could not parse (junk), each from the start of its
/// first line: a syntax error may swallow the messages after it, and is the first one's.
pub fn junk(source: &str) -> Vec<Range<usize>> {
    let Err((resource, _)) = fluent_syntax::parser::parse(without_bom(source)) else { return Vec::new() };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Junk { content } => {
                let start = (content.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
                (start + content.len() <= source.len()).then_some(start..start + content.len())
            }
            _ => None,
        })
        .collect()
}

/// The span of the message whose id is the slice `name` of `source`.
fn message_span(source: &str, name: &str) -> Option<MessageSpan> {
    let start = (name.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    // Entries start in column 1; anything else is not a slice of this source's line.
    let first = source.len() - without_bom(source).len();
    if start + name.len() > source.len() || (start > first && source.as_bytes()[start - 1] != b'\n') {
        return None;
    }
    let eq = start + source[start..].find('=')?;
    let mut end = line_end(source, start);
    let mut attributes: Vec<(String, Range<usize>)> = Vec::new();
    let mut at = end;
    while at < source.len() {
        let line_stop = line_end(source, at);
        let line = &source[at..line_stop];
        let continues = line.trim().is_empty() || line.starts_with([' ', '\t', '}', '[', '*', '.']);
        if !continues {
            break;
        }
        if !line.trim().is_empty() {
            if let Some((name, value_start)) = attribute_start(line) {
                if let Some(last) = attributes.last_mut() {
                    last.1.end = at;
                }
                attributes.push((name.to_string(), at + value_start..line_stop));
            }
            end = line_stop;
        }
        at = line_stop;
    }
    if let Some(last) = attributes.last_mut() {
        last.1.end = end;
    }
    let value_end = attributes.first().map_or(end, |(_, r)| line_start(source, r.start));
    Some(MessageSpan { id: name.to_string(), whole: start..end, value: eq + 1..value_end, attributes })
}

/// `    .demands = Exigimos:` → (`demands`, the offset just after its `=`).
fn attribute_start(line: &str) -> Option<(&str, usize)> {
    let indent = line.len() - line.trim_start().len();
    let rest = line[indent..].strip_prefix('.')?;
    let name_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    let after = rest[name_len..].trim_start();
    after.starts_with('=').then(|| (&rest[..name_len], line.len() - after.len() + 1))
}

/// The end of the line holding `at` (after its `\n`, or the end of the text).
fn line_end(source: &str, at: usize) -> usize {
    source[at..].find('\n').map_or(source.len(), |i| at + i + 1)
}

fn line_start(source: &str, at: usize) -> usize {
    source[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The text of `field` as a translator edits it: the pattern as written, its common
/// indentation taken off and the line breaks around it trimmed. `None` when the file
/// has no such message or attribute. (`Fields` reads many from one parse.)
pub fn field_text(source: &str, field: Field) -> Option<String> {
    Fields::of(source).text(field)
}

/// A translation file's messages, parsed once, to read many fields and spots from.
pub struct Fields<'a> {
    source: &'a str,
    messages: Vec<MessageSpan>,
}

impl<'a> Fields<'a> {
    pub fn of(source: &'a str) -> Fields<'a> {
        Fields { source, messages: messages(source) }
    }

    /// As `field_text`.
    pub fn text(&self, field: Field) -> Option<String> {
        let message = self.message(field.id)?;
        Some(dedent(&self.source[message.field_range(field.attribute)?]))
    }

    fn message(&self, id: &str) -> Option<&MessageSpan> {
        self.messages.iter().find(|m| m.id == id)
    }

    /// The messages, in file order.
    pub fn messages(&self) -> &[MessageSpan] {
        &self.messages
    }
}

/// ` First line\n        second\n    third\n` → `First line\n    second\nthird`.
fn dedent(raw: &str) -> String {
    let mut lines = raw.lines();
    let first = lines.next().unwrap_or("").trim();
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        // Fluent indents with spaces; other white space (a no-break space) is text.
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = first.to_string();
    for line in rest {
        out.push('\n');
        if line.trim().is_empty() {
            continue;
        }
        out.push_str(line[indent..].trim_end());
    }
    out.trim_matches(|c: char| c == '\n' || c == '\r').trim_end().to_string()
}

/// `text` as written after a `=`: on the same line when it is one line, else on the
/// lines after it, each indented by `indent` (the lines' own indentation kept on top);
/// with `inline`, the first of several lines stays on the line of the `=` (as it was).
fn written(text: &str, indent: &str, inline: bool) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    match lines.as_slice() {
        [] => "\n".to_string(),
        [one] => format!(" {one}\n"),
        [first, rest @ ..] if inline => format!(" {first}{}", written_below(rest, indent)),
        many => written_below(many, indent),
    }
}

/// Lines after a `=`, each indented by `indent`, a blank line left blank.
fn written_below(lines: &[&str], indent: &str) -> String {
    let mut out = "\n".to_string();
    for line in lines {
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The text as a translator typed it, with the line breaks a browser may send (`\r\n`)
/// made plain and the blank lines around it dropped.
fn normalised(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").trim_matches('\n').trim_end().to_string()
}

/// `source` with `field` set to `text` (Fluent pattern syntax, as `field_text` gives it)
/// and, when that changes what was there, the message's source note set to `note`
/// (lines from `scaffold::source_note`, for language `from`). A message or attribute
/// the file lacks is added: a message at the end of the file, an attribute at the end
/// of its message. Everything else stays byte for byte. Whether the result parses is
/// for the caller to check.
pub fn set_field(source: &str, field: Field, text: &str, note: Option<(&str, &str)>) -> String {
    let text = normalised(text);
    let fields = Fields::of(source);
    let Some(message) = fields.message(field.id) else {
        return with_new_message(source, field, &text, note.map(|n| n.1));
    };
    if fields.text(field).as_deref() == Some(text.as_str()) {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len() + text.len() + 64);
    match message.field_range(field.attribute) {
        Some(range) => {
            let indent = match field.attribute {
                None => "    ".to_string(),
                Some(_) => {
                    let line = &source[line_start(source, range.start)..range.start];
                    format!("{}    ", &line[..line.len() - line.trim_start().len()])
                }
            };
            // A pattern that started on the line of its `=` goes on starting there.
            let inline = !source[range.clone()].trim_start_matches([' ', '\t']).starts_with(['\n', '\r']);
            let mut new = written(&text, &indent, inline);
            // The file's last line without a line break keeps none.
            if !source[range.clone()].ends_with('\n') {
                new.pop();
            }
            out.push_str(&source[..range.start]);
            out.push_str(&new);
            out.push_str(&source[range.end..]);
        }
        None => {
            let name = field.attribute.unwrap_or_default();
            let end = message.whole.end;
            out.push_str(&source[..end]);
            if !source[..end].ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&format!("    .{name} ={}", written(&text, "        ", false)));
            out.push_str(&source[end..]);
        }
    }
    match note {
        Some((from, note)) => with_note(&out, message.whole.start, from, note),
        None => out,
    }
}

/// A message the file lacks, added at its end with its note above it.
fn with_new_message(source: &str, field: Field, text: &str, note: Option<&str>) -> String {
    let mut out = source.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(note.unwrap_or_default());
    match field.attribute {
        None => out.push_str(&format!("{} ={}", field.id, written(text, "    ", false))),
        Some(name) => {
            out.push_str(&format!("{} =\n    .{name} ={}", field.id, written(text, "        ", false)))
        }
    }
    out
}

/// `source` with the comment lines directly above the message starting at `start` that
/// record a source for `from` (`# en: …`) replaced by `note`; the translator's own
/// comment lines there stay. With no note there yet, it goes just above the message.
fn with_note(source: &str, start: usize, from: &str, note: &str) -> String {
    let prefix = format!("# {from}:");
    // The comment attached to a message is the `#` lines right above it (not `##`).
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut at = start;
    let first = source.len() - without_bom(source).len();
    while at > first {
        let begin = line_start(source, at - 1);
        let line = source[begin..at].trim_end_matches(['\n', '\r']);
        if !(line == "#" || line.starts_with("# ")) {
            break;
        }
        lines.push(begin..at);
        at = begin;
    }
    lines.reverse();
    let recorded: Vec<&Range<usize>> = lines
        .iter()
        .filter(|r| {
            let line = source[(*r).clone()].trim_end_matches(['\n', '\r']);
            line == prefix || line.starts_with(&format!("{prefix} "))
        })
        .collect();
    let insert_at = recorded.first().map_or(start, |r| r.start);
    let mut out = String::with_capacity(source.len() + note.len());
    let mut copied = 0;
    for r in &recorded {
        out.push_str(&source[copied..r.start]);
        if r.start == insert_at {
            out.push_str(note);
        }
        copied = r.end;
    }
    if recorded.is_empty() {
        out.push_str(&source[..start]);
        out.push_str(note);
        copied = start;
    }
    out.push_str(&source[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ES: &str = "## Spanish\n\n-castillo = Pedro Castillo\n\n# en: headline = Hands off!\n# keep it short\nheadline = ¡Manos fuera!\n\n\
        intro =\n    El 7 de diciembre,\n    el Congreso.\n    .demands = Exigimos:\n\n\
        # a translator's note\ncount = { $n ->\n        [one] un mes\n       *[other] { $n } meses\n    } sin juicio\n\n\
        slogan = ¡Que se vayan todos!\n";

    /// The lines of `after` that are not in `before`, and those of `before` gone.
    fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
        let b: Vec<&str> = before.lines().collect();
        let a: Vec<&str> = after.lines().collect();
        let added = a.iter().filter(|l| !b.contains(l)).map(|l| l.to_string()).collect();
        let gone = b.iter().filter(|l| !a.contains(l)).map(|l| l.to_string()).collect();
        (added, gone)
    }

    #[test]
    fn spans_cover_each_message_and_its_attributes() {
        let found = messages(ES);
        let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["headline", "intro", "count", "slogan"]);
        let intro = &found[1];
        assert_eq!(
            &ES[intro.whole.clone()],
            "intro =\n    El 7 de diciembre,\n    el Congreso.\n    .demands = Exigimos:\n"
        );
        assert_eq!(&ES[intro.attributes[0].1.clone()], " Exigimos:\n");
        assert_eq!(field_text(ES, Field::parse("intro")).unwrap(), "El 7 de diciembre,\nel Congreso.");
        assert_eq!(
            field_text(ES, Field::parse("count")).unwrap(),
            "{ $n ->\n    [one] un mes\n   *[other] { $n } meses\n} sin juicio"
        );
        assert_eq!(field_text(ES, Field::parse("intro.nothing")), None);
        assert_eq!(field_text(ES, Field::parse("-castillo")), None, "terms are not fields");
    }

    #[test]
    fn setting_a_value_changes_that_line_and_the_note_only() {
        let after =
            set_field(ES, Field::parse("slogan"), "¡Fuera todos!", Some(("en", "# en: slogan = Out!\n")));
        let expected =
            ES.replace("slogan = ¡Que se vayan todos!\n", "# en: slogan = Out!\nslogan = ¡Fuera todos!\n");
        assert_eq!(after, expected);
    }

    #[test]
    fn the_recorded_note_is_replaced_and_the_translators_comment_kept() {
        let after = set_field(
            ES,
            Field::parse("headline"),
            "¡Fuera!",
            Some(("en", "# en: headline = Hands off Peru!\n")),
        );
        let (added, gone) = changed_lines(ES, &after);
        assert_eq!(added, ["# en: headline = Hands off Peru!", "headline = ¡Fuera!"]);
        assert_eq!(gone, ["# en: headline = Hands off!", "headline = ¡Manos fuera!"]);
        assert!(
            after.contains("# en: headline = Hands off Peru!\n# keep it short\nheadline = ¡Fuera!\n"),
            "{after}"
        );
    }

    #[test]
    fn an_unchanged_text_leaves_every_byte() {
        for key in ["headline", "intro", "intro.demands", "count", "slogan"] {
            let text = field_text(ES, Field::parse(key)).unwrap();
            assert_eq!(set_field(ES, Field::parse(key), &text, Some(("en", "# en: x\n"))), ES, "{key}");
        }
    }

    #[test]
    fn a_multiline_value_is_written_indented_and_parses() {
        let after = set_field(ES, Field::parse("intro"), "Primera línea\r\nsegunda línea", None);
        assert!(
            after.contains("intro =\n    Primera línea\n    segunda línea\n    .demands = Exigimos:\n"),
            "{after}"
        );
        let outside = |s: &str| s.replace(&s[messages(s)[1].whole.clone()], "");
        assert_eq!(outside(&after), outside(ES));
        assert!(fluent_syntax::parser::parse(after.as_str()).is_ok(), "{after}");
        assert_eq!(field_text(&after, Field::parse("intro")).unwrap(), "Primera línea\nsegunda línea");
    }

    #[test]
    fn an_attribute_is_set_alone() {
        let after = set_field(ES, Field::parse("intro.demands"), "Pedimos:", None);
        assert_eq!(after, ES.replace(".demands = Exigimos:", ".demands = Pedimos:"));
    }

    #[test]
    fn a_select_expression_round_trips() {
        let text = field_text(ES, Field::parse("count")).unwrap().replace("meses", "mesecitos");
        let after = set_field(ES, Field::parse("count"), &text, None);
        assert!(fluent_syntax::parser::parse(after.as_str()).is_ok(), "{after}");
        assert_eq!(field_text(&after, Field::parse("count")).unwrap(), text);
        let (added, gone) = changed_lines(ES, &after);
        assert_eq!(gone, ["       *[other] { $n } meses"]);
        assert_eq!(added, ["       *[other] { $n } mesecitos"]);
    }

    #[test]
    fn missing_messages_and_attributes_are_added_at_the_end() {
        let after =
            set_field(ES, Field::parse("footer"), "Sábado", Some(("en", "# en: footer = Saturday\n")));
        assert_eq!(after, format!("{ES}\n# en: footer = Saturday\nfooter = Sábado\n"));
        let after = set_field(ES, Field::parse("slogan.short"), "¡Fuera!", None);
        assert_eq!(after, format!("{ES}    .short = ¡Fuera!\n"));
        assert!(fluent_syntax::parser::parse(after.as_str()).is_ok());
    }

    #[test]
    fn junk_runs_from_the_broken_message_over_those_it_swallows() {
        let source = "a = 1\nslogan = ¡Fuera {\nwhere = Sábado\n\nb = 2\n";
        let found = junk(source);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            source[found[0].clone()].starts_with("slogan = ¡Fuera {\nwhere"),
            "{:?}",
            &source[found[0].clone()]
        );
        assert_eq!(junk("a = 1\n"), Vec::<Range<usize>>::new());
    }

    #[test]
    fn a_byte_order_mark_stays_and_the_first_message_is_found() {
        let source = "\u{feff}slogan = old\nb = 2\n";
        assert_eq!(field_text(source, Field::parse("slogan")).unwrap(), "old");
        assert_eq!(set_field(source, Field::parse("slogan"), "new", None), "\u{feff}slogan = new\nb = 2\n");
        let noted = set_field(source, Field::parse("slogan"), "new", Some(("en", "# en: slogan = Out!\n")));
        assert_eq!(noted, "\u{feff}# en: slogan = Out!\nslogan = new\nb = 2\n");
    }

    #[test]
    fn text_opening_with_other_white_space_is_kept_as_text() {
        let source = "a =\n    one\n  \u{a0}two\n";
        assert_eq!(field_text(source, Field::parse("a")).unwrap(), "  one\n\u{a0}two");
    }

    #[test]
    fn the_last_line_without_a_break_keeps_none() {
        let source = "a = 1\nslogan = old";
        assert_eq!(set_field(source, Field::parse("slogan"), "new", None), "a = 1\nslogan = new");
    }
}
