//! The edit session behind `serve`: one leaflet, the language being translated and the
//! one it is translated from, the fields a translator fills (each message and attribute
//! the leaflet uses), and the three things done with edits — check them (check's own
//! pipeline, on the unsaved text), draw the page from them, save them. Knows the
//! pipeline and the `.ftl` editor; knows nothing of HTTP or of the page's markup.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::prelude::{BASE64_STANDARD, Engine as _};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::build::BuildOptions;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::edit::{self, Field};
use crate::i18n::scaffold::{self, UNTRANSLATED};
use crate::model::Leaflet;

/// The preview's resolution: a page a screen shows whole, and quick to draw.
const PREVIEW_DPI: f32 = 96.0;

pub struct Session {
    pub leaflet_path: PathBuf,
    pub options: BuildOptions,
    /// The language being translated, and its translation file.
    pub lang: LanguageIdentifier,
    pub file: PathBuf,
    /// The language shown beside it, read-only, and its file.
    pub source_lang: LanguageIdentifier,
    pub source_file: PathBuf,
    /// The fields, by key (`slogan`, `intro.demands`), in the leaflet's order.
    pub keys: Vec<String>,
    /// Where each field's message is named in the leaflet, for findings placed there.
    key_spans: Vec<(String, std::ops::Range<usize>)>,
    /// The leaflet's text the spans are in.
    leaflet_text: String,
}

/// Why a session could not start, or an edit could not be done, as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The field it concerns, or none (the page's general area).
    pub field: Option<String>,
    pub severity: &'static str,
    /// `file:line:column: message`, as `check` prints it.
    pub message: String,
    pub hint: Option<String>,
}

/// A piece of the source text as the page shows it: text, a variable (a chip) or other
/// Fluent syntax (a reference, a selector) shown as written.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Piece {
    Text(String),
    Var(String),
    Code(String),
}

#[derive(Debug, Serialize)]
pub struct FieldState {
    pub key: String,
    pub source: Vec<Piece>,
    /// The translation as written, `None` when the file lacks it.
    pub text: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct State {
    pub lang: String,
    pub source_lang: String,
    pub dir: &'static str,
    pub source_dir: &'static str,
    /// The file's name, for the page to say what it saves.
    pub file: String,
    /// The version of the file the fields come from (see [`version`]).
    pub version: String,
    pub fields: Vec<FieldState>,
}

/// What a check of edits found, and the page drawn from them.
#[derive(Debug, Serialize)]
pub struct Checked {
    pub findings: Vec<Finding>,
    pub pages: usize,
    /// The page drawn (1-based) as a PNG data URL; `None` when the leaflet cannot be laid
    /// out with these edits (the findings say why).
    pub image: Option<String>,
    pub page: usize,
}

/// How a save went.
#[derive(Debug)]
pub enum Saved {
    /// Written (or nothing to change); the file's new version.
    Done(String),
    /// The file changed on disk since the page loaded it.
    Conflict,
    /// The edited file would not load; nothing written.
    Invalid(Vec<Finding>),
}

/// A version of a file's bytes: changes whenever they do (for this server's lifetime).
pub fn version(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}-{}", hasher.finish(), bytes.len())
}

impl Session {
    /// The session for the leaflet at `path`, translating `lang` (by default the
    /// leaflet's last language) from the leaflet's first other language. A language the
    /// leaflet lacks is translated from its first, and the two are set side by side.
    pub fn new(path: &Path, lang: Option<&str>, options: BuildOptions) -> Result<Session, Vec<Diagnostic>> {
        let mut leaflet = crate::model::load(path).map_err(|d| d.0)?;
        let mut options = options;
        let tags: Vec<LanguageIdentifier> = leaflet.languages.iter().map(|l| l.tag.clone()).collect();
        let listed = tags.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
        let requested = match lang {
            Some(text) => Some(crate::model::parse_tag(text.trim()).map_err(|e| {
                vec![Diagnostic::error(format!("--lang: {e}")).hint("for example --lang es")]
            })?),
            None => None,
        };
        let (lang, source_lang) = match (requested, tags.first()) {
            (_, None) => return Err(vec![Diagnostic::error("the leaflet has no languages").in_file(path)]),
            // A language the leaflet does not have yet is set beside its first, as
            // `--langs first,new` would set it.
            (Some(tag), Some(first)) if !tags.contains(&tag) => {
                leaflet.languages = [first, &tag]
                    .iter()
                    .map(|t| crate::model::Language { tag: (*t).clone(), span: None })
                    .collect();
                options.langs = Some(vec![first.to_string(), tag.to_string()]);
                (tag.clone(), first.clone())
            }
            (requested, Some(_)) => {
                let lang = requested.unwrap_or_else(|| tags[tags.len() - 1].clone());
                let Some(source) = tags.iter().find(|t| **t != lang) else {
                    return Err(vec![
                        Diagnostic::error(format!(
                            "the leaflet has one language ({listed}): nothing to translate from"
                        ))
                        .in_file(path)
                        .hint(
                            "name the language to translate it into: leaflet serve LEAFLET.toml --lang TAG",
                        ),
                    ]);
                };
                (lang, source.clone())
            }
        };
        let locales = match &options.locales {
            Some(dir) => dir.clone(),
            None => crate::i18n::find_locales_dir(path).ok_or_else(|| {
                vec![
                    Diagnostic::error("no `locales` folder found beside the leaflet or above it")
                        .in_file(path)
                        .hint("create locales/<language>/<name>.ftl, or pass --locales DIR"),
                ]
            })?,
        };
        let have = crate::i18n::available(&locales).map_err(|e| {
            vec![Diagnostic::error(format!("cannot read the translations folder {}: {e}", locales.display()))]
        })?;
        let file_of = |tag: &LanguageIdentifier| {
            let language = crate::model::Language { tag: tag.clone(), span: None };
            crate::i18n::translation_file(&leaflet, &locales, &have, &language)
        };
        let file = file_of(&lang)?;
        let source_file = file_of(&source_lang)?;
        let key_spans = message_refs(&leaflet);
        let mut keys: Vec<String> = Vec::new();
        for (key, _) in &key_spans {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
        keys.extend(reached_messages(&source_file, &keys));
        let options = BuildOptions { draft: true, ..options };
        Ok(Session {
            leaflet_path: path.to_path_buf(),
            options,
            lang,
            file,
            source_lang,
            source_file,
            keys,
            key_spans,
            leaflet_text: leaflet.source.text.clone(),
        })
    }

    /// The fields as the file on disk has them now.
    pub fn state(&self) -> Result<State, String> {
        let bytes = read(&self.file)?;
        let text = String::from_utf8_lossy(&bytes);
        let source = String::from_utf8_lossy(&read(&self.source_file)?).into_owned();
        let (source_fields, text_fields) = (edit::Fields::of(&source), edit::Fields::of(&text));
        let fields = self
            .keys
            .iter()
            .map(|key| FieldState {
                key: key.clone(),
                source: pieces(&source_fields.text(Field::parse(key)).unwrap_or_default()),
                text: text_fields.text(Field::parse(key)),
            })
            .collect();
        Ok(State {
            lang: self.lang.to_string(),
            source_lang: self.source_lang.to_string(),
            dir: direction(&self.lang),
            source_dir: direction(&self.source_lang),
            file: self.file.display().to_string(),
            version: version(&bytes),
            fields,
        })
    }

    /// Whether `key` names one of the session's fields.
    pub fn has_field(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }

    /// `check`'s findings for the file with `edits` made (unsaved), and page `page`
    /// (1-based) drawn from them.
    pub fn check(&self, edits: &BTreeMap<String, String>, page: usize) -> Result<Checked, String> {
        let disk = String::from_utf8_lossy(&read(&self.file)?).into_owned();
        let text = self.edited(&disk, edits, None);
        let mut options = self.options.clone();
        options.unsaved.insert(self.file.clone(), text.clone());
        let (found, document) = match crate::check::check_pressed(&self.leaflet_path, &options) {
            Ok(pressed) => (pressed.warnings, Some(pressed.document)),
            Err(found) => (found, None),
        };
        let fields = edit::Fields::of(&text);
        let mut findings: Vec<Finding> = self.untranslated(&fields, &text);
        findings.extend(found.iter().map(|d| self.finding(d, &fields, &text)));
        let pages = document.as_ref().map_or(0, |d| d.pages.len());
        let page = page.clamp(1, pages.max(1));
        let image = match &document {
            Some(document) => match crate::preview::png(document, page - 1, PREVIEW_DPI) {
                Ok(png) => Some(format!("data:image/png;base64,{}", BASE64_STANDARD.encode(&png))),
                Err(e) => {
                    findings.push(general(format!("the preview could not be drawn: {e}")));
                    None
                }
            },
            None => None,
        };
        Ok(Checked { findings, pages, image, page })
    }

    /// Writes `edits` into the file, if it is still at `version` and loads once edited.
    pub fn save(&self, edits: &BTreeMap<String, String>, expected: &str) -> Result<Saved, String> {
        let bytes = read(&self.file)?;
        if version(&bytes) != expected {
            return Ok(Saved::Conflict);
        }
        let Ok(disk) = String::from_utf8(bytes) else {
            return Ok(Saved::Invalid(vec![general(
                "the file on disk is not UTF-8: fix it in an editor first".into(),
            )]));
        };
        let source = String::from_utf8_lossy(&read(&self.source_file)?).into_owned();
        let text = self.edited(&disk, edits, Some(&source));
        if text == disk {
            return Ok(Saved::Done(version(disk.as_bytes())));
        }
        if let Err(found) = crate::i18n::Catalog::parse(&self.lang, &self.file, text.clone()) {
            let fields = edit::Fields::of(&text);
            return Ok(Saved::Invalid(found.iter().map(|d| self.finding(d, &fields, &text)).collect()));
        }
        crate::i18n::save::write_atomically(&self.file, text.as_bytes())
            .map_err(|e| format!("cannot save {}: {e}", self.file.display()))?;
        Ok(Saved::Done(version(text.as_bytes())))
    }

    /// `disk` with each edit made; with `source` (the source language's file), each
    /// changed message's note records the source entry it was translated from.
    fn edited(&self, disk: &str, edits: &BTreeMap<String, String>, source: Option<&str>) -> String {
        let entries = source.map(scaffold::entries).unwrap_or_default();
        let from = self.source_lang.to_string();
        let mut text = disk.to_string();
        for (key, value) in edits.iter().filter(|(key, _)| self.has_field(key)) {
            let field = Field::parse(key);
            // A field the file lacks, left empty, is not a new empty message.
            if value.trim().is_empty() && edit::field_text(&text, field).is_none() {
                continue;
            }
            let note = entries
                .iter()
                .find(|e| scaffold::entry_id(e) == field.id)
                .map(|e| scaffold::source_note(&self.source_lang, e));
            text = edit::set_field(&text, field, value, note.as_deref().map(|n| (from.as_str(), n)));
        }
        text
    }

    /// Fields still marked untranslated (the preview draws them marked, as `--draft`).
    fn untranslated(&self, fields: &edit::Fields, text: &str) -> Vec<Finding> {
        let file = self.file.display();
        self.keys
            .iter()
            .filter_map(|key| {
                let value = fields.text(Field::parse(key));
                let message = match value {
                    Some(v) if v.contains(UNTRANSLATED) => {
                        format!("not translated yet: delete the {UNTRANSLATED} marker once it is")
                    }
                    Some(_) => return None,
                    // A message that does not parse is there, with its own finding.
                    None if junk_defines(text, Field::parse(key).id) => return None,
                    None => format!("missing in {file}: type its translation here"),
                };
                Some(Finding { field: Some(key.clone()), severity: "error", message, hint: None })
            })
            .collect()
    }

    /// `d` as the page shows it, beside the field whose message holds the spot it points
    /// at in the translation file (`text`, whose `fields` are given), or whose id the
    /// leaflet names there.
    fn finding(&self, d: &Diagnostic, fields: &edit::Fields, text: &str) -> Finding {
        let field = match (&d.file, d.at) {
            (Some(file), Some(at)) if *file == self.file => {
                let offset = offset_of_line(text, at.line);
                fields
                    .messages()
                    .iter()
                    .find(|m| m.whole.contains(&offset))
                    .and_then(|m| {
                        let attribute = m.attributes.iter().find(|(_, r)| {
                            offset >= text[..r.start].rfind('\n').map_or(0, |i| i + 1) && offset < r.end
                        });
                        let key = match attribute {
                            Some((name, _)) => format!("{}.{name}", m.id),
                            None => m.id.clone(),
                        };
                        // The pipeline points at a message's first line, whichever of
                        // its attributes is at fault; its text names the attribute.
                        let named = m
                            .attributes
                            .iter()
                            .map(|(name, _)| format!("{}.{name}", m.id))
                            .find(|k| d.message.contains(&format!("`{k}`")));
                        named.into_iter().chain([key, m.id.clone()]).find(|k| self.has_field(k))
                    })
                    .or_else(|| self.junk_field(text, offset))
            }
            (Some(file), Some(at)) if *file == self.leaflet_path => {
                let source = &self.leaflet_text;
                let line_start = offset_of_line(source, at.line);
                let offset = line_start
                    + source[line_start..]
                        .chars()
                        .take(at.column.saturating_sub(1))
                        .map(char::len_utf8)
                        .sum::<usize>();
                self.key_spans.iter().find(|(_, span)| span.contains(&offset)).map(|(key, _)| key.clone())
            }
            _ => None,
        };
        let mut message = d.clone();
        message.hint = None;
        Finding {
            field,
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: message.to_string(),
            hint: d.hint.clone(),
        }
    }
}

impl Session {
    /// The field of an entry Fluent could not parse (it is junk, no message): the
    /// message that opens the junk holding `offset` (a syntax error may swallow the
    /// messages after it, and the error may point into them), else the nearest `id =`
    /// in column 1 above `offset`, unless a comment comes first.
    fn junk_field(&self, text: &str, offset: usize) -> Option<String> {
        let end = edit::junk(text)
            .into_iter()
            .find(|r| r.start <= offset && offset <= r.end)
            .map_or_else(|| line_end_at(text, offset), |r| line_end_at(text, r.start));
        let id = entry_above(&text[..end])?;
        self.has_field(id).then(|| id.to_string())
    }
}

/// The id of the entry whose lines end `text`: the last line in column 1 before them
/// that opens an entry (`id =`); `None` when a comment comes first.
fn entry_above(text: &str) -> Option<&str> {
    for line in text.lines().rev() {
        if line.starts_with('#') {
            return None;
        }
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return line.split('=').next().map(str::trim);
        }
    }
    None
}

/// Whether a line of `text` opens an entry `id =` (one Fluent could not parse, if no
/// message of that id was found).
fn junk_defines(text: &str, id: &str) -> bool {
    text.lines().any(|l| l.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
}

fn line_end_at(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text[offset..].find('\n').map_or(text.len(), |i| offset + i)
}

/// A finding that concerns no one field.
pub fn general(message: String) -> Finding {
    Finding { field: None, severity: "error", message, hint: None }
}

fn read(file: &Path) -> Result<Vec<u8>, String> {
    match crate::paths::read_at_most(file, crate::i18n::MAX_FTL_BYTES) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(format!("{} is larger than 1 MiB", file.display())),
        Err(e) => Err(format!("cannot read {}: {e}", file.display())),
    }
}

fn direction(lang: &LanguageIdentifier) -> &'static str {
    if crate::language::is_rtl(lang) { "rtl" } else { "ltr" }
}

/// Each message (or attribute) the leaflet names, with where it names it.
fn message_refs(leaflet: &Leaflet) -> Vec<(String, std::ops::Range<usize>)> {
    leaflet.message_refs().map(|m| (m.key(), m.span.clone())).collect()
}

/// The messages the leaflet does not name but reaches through `{ other-message }` in the
/// source language (in the source file's order), each a field too: their text is printed
/// as much as the named ones'. An unreadable source gives none; the page says why elsewhere.
fn reached_messages(source_file: &Path, named: &[String]) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(source_file) else { return Vec::new() };
    let text = crate::i18n::owned_without_bom(text);
    let resource = match fluent_bundle::FluentResource::try_new(text) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let roots: Vec<&str> = named.iter().map(|k| k.split('.').next().unwrap_or(k)).collect();
    let reached = crate::i18n::usage::usage(&resource, roots.iter().copied()).messages;
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) if m.value.is_some() => Some(m.id.name),
            _ => None,
        })
        .filter(|id| reached.contains(*id) && !roots.contains(id))
        .map(str::to_string)
        .collect()
}

/// Byte offset of the start of 1-based `line` (the end of the text past its last).
fn offset_of_line(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
}

/// A pattern's source cut into text, variables (`{ $place }`) and other placeables.
fn pieces(pattern: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '{' {
            text.push(c);
            continue;
        }
        // The placeable runs to its matching brace (placeables nest in selectors).
        let mut depth = 1;
        let mut end = pattern.len();
        for (j, c) in chars.by_ref() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = j + 1;
                break;
            }
        }
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        let placeable = &pattern[i..end];
        let inner = placeable.trim_start_matches('{').trim_end_matches('}').trim();
        match inner.strip_prefix('$') {
            Some(name) if name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') => {
                out.push(Piece::Var(name.to_string()))
            }
            _ => out.push(Piece::Code(placeable.to_string())),
        }
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_past_its_line_is_put_at_the_entry_above() {
        assert_eq!(entry_above("a = 1\nslogan = ¡Fuera {\n\n"), Some("slogan"));
        assert_eq!(entry_above("a = 1\nslogan =\n    one {\n"), Some("slogan"));
        assert_eq!(entry_above("a = 1\n# a comment\n  {\n"), None);
        assert!(junk_defines("a = 1\nslogan = ¡Fuera {\n", "slogan"));
        assert!(!junk_defines("a = 1\nslogans = x\n", "slogan"));
    }

    #[test]
    fn variables_become_chips_and_other_placeables_stay_as_written() {
        let found = pieces("Saturday { $day }, { -org } at {$place}");
        let shown: Vec<String> = found
            .iter()
            .map(|p| match p {
                Piece::Text(t) => format!("T({t})"),
                Piece::Var(v) => format!("V({v})"),
                Piece::Code(c) => format!("C({c})"),
            })
            .collect();
        assert_eq!(shown, ["T(Saturday )", "V(day)", "T(, )", "C({ -org })", "T( at )", "V(place)"]);
    }
}
