//! One language's translations: its `.ftl` file parsed into a Fluent bundle, with every
//! syntax error reported at its line and column (Fluent keeps going past bad entries;
//! we must not print a leaflet with one silently missing).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::{FluentBundle, FluentError, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, LineCol, Location, MAX_LISTED};

/// Translations for leaflets are a few kilobytes; a larger file is a mistake, and
/// would only be read, parsed and kept in memory to fail later.
pub const MAX_FTL_BYTES: u64 = 1 << 20;

pub struct Catalog {
    /// The language asked for (its plural rules apply), e.g. `es-PE`.
    pub lang: LanguageIdentifier,
    pub file: PathBuf,
    pub source: String,
    /// Ids of the messages the file defines, in file order (for suggestions).
    pub ids: Vec<String>,
    /// Where each entry starts: byte offset and line (see `entry_lines`).
    entries: BTreeMap<String, (usize, usize)>,
    /// The parsed file, shared with the bundle, for walking its syntax tree.
    pub resource: Arc<FluentResource>,
    pub bundle: FluentBundle<Arc<FluentResource>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("lang", &self.lang).field("file", &self.file).finish_non_exhaustive()
    }
}

impl Catalog {
    /// Parses `file` for `lang`. Syntax errors are returned as diagnostics, all of them.
    pub fn load(lang: &LanguageIdentifier, file: &Path) -> Result<Catalog, Vec<Diagnostic>> {
        let bytes = crate::paths::read_at_most(file, MAX_FTL_BYTES)
            .map_err(|e| vec![Diagnostic::error(format!("cannot read translations: {e}")).in_file(file)])?;
        let bytes = bytes.ok_or_else(|| {
            vec![
                Diagnostic::error("the translation file is larger than 1 MiB")
                    .in_file(file)
                    .hint("a leaflet's translations are a few kilobytes; check that this is the right file"),
            ]
        })?;
        let source = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            vec![
                Diagnostic::error("the translation file is not valid UTF-8")
                    .at(file, &text, offset..offset)
                    .hint("save it as UTF-8"),
            ]
        })?;
        Catalog::parse(lang, file, source)
    }

    pub fn parse(lang: &LanguageIdentifier, file: &Path, source: String) -> Result<Catalog, Vec<Diagnostic>> {
        let source = super::owned_without_bom(source);
        // Fluent's parser would overflow the stack on deep nesting, killing the process.
        if let Some(at) = super::nesting::too_deep(&source, super::nesting::MAX_DEPTH) {
            return Err(vec![
                Diagnostic::error(format!(
                    "placeables, selectors and function calls nest more than {} levels deep here",
                    super::nesting::MAX_DEPTH
                ))
                .at(file, &source, at..at)
                .hint("close the `{` opened before this point; a message needs a few levels at most"),
            ]);
        }
        let resource = match FluentResource::try_new(source.clone()) {
            Ok(resource) => resource,
            Err((_, errors)) => {
                // Where each error most likely comes from, decided for all of them (cheap);
                // diagnostics made for the few listed only, since placing one at its line
                // and column reads the source from the start.
                let mut tabs = BTreeSet::new();
                let found: Vec<Result<usize, &fluent_syntax::parser::ParserError>> = errors
                    .iter()
                    .filter_map(|e| match indenting_tab(&source, e.slice.clone().unwrap_or(e.pos.clone())) {
                        // One error for each tab, however many entries it broke.
                        Some(tab) => tabs.insert(tab).then_some(Ok(tab)),
                        None => Some(Err(e)),
                    })
                    .collect();
                let all = found.len();
                let listed = found
                    .into_iter()
                    .take(MAX_LISTED)
                    .map(|found| match found {
                        Ok(tab) => Diagnostic::error("this line is indented with a tab; Fluent wants spaces")
                            .at(file, &source, tab..tab + 1)
                            .hint("indent the lines of a message with spaces (four, say) instead of tabs"),
                        Err(e) => Diagnostic::error(format!("Fluent syntax error: {}", e.kind))
                            .at(file, &source, e.pos.clone())
                            .hint("see https://projectfluent.org/fluent/guide/ for the syntax"),
                    })
                    .collect();
                return Err(with_not_listed(listed, all, file));
            }
        };
        let entries = entry_lines(&source);
        let ids = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        let resource = Arc::new(resource);
        let mut bundle = FluentBundle::new(vec![lang.clone()]);
        // Fluent wraps placeables in U+2068/U+2069 so that a Latin name inside Arabic
        // keeps its punctuation. The bidi algorithm uses them on the page and they are
        // never drawn; left-to-right text has no use for them.
        bundle.set_use_isolating(crate::language::is_rtl(lang));
        // Numbers by the language's rules, NUMBER() and DATETIME() (ICU4X).
        super::functions::install(&mut bundle);
        if let Err(errors) = bundle.add_resource(resource.clone()) {
            let listed = errors.iter().take(MAX_LISTED).map(|e| match e {
                FluentError::Overriding { id, .. } => {
                    let line = entries.get(id.as_str()).map_or(1, |e| e.1);
                    Diagnostic::error(format!("`{id}` is defined twice"))
                        .located(&Location { file: file.to_path_buf(), at: LineCol { line, column: 1 } })
                        .hint("keep one definition")
                }
                other => Diagnostic::error(other.to_string()).in_file(file),
            });
            return Err(with_not_listed(listed.collect(), errors.len(), file));
        }
        Ok(Catalog { lang: lang.clone(), file: file.to_path_buf(), source, ids, entries, resource, bundle })
    }

    /// Byte offset where message `id` is defined, for pointing at it.
    pub fn offset_of(&self, id: &str) -> Option<usize> {
        self.entries.get(id).map(|e| e.0)
    }

    /// Where message `id` is defined.
    pub fn location_of(&self, id: &str) -> Option<Location> {
        let &(_, line) = self.entries.get(id)?;
        Some(Location { file: self.file.clone(), at: LineCol { line, column: 1 } })
    }
}

/// The first tab that indents a line within `span` of `source` (its byte offset): what a
/// syntax error there most likely comes from, since Fluent reads only spaces as
/// indentation and takes a tab-indented line for the start of something else.
fn indenting_tab(source: &str, span: std::ops::Range<usize>) -> Option<usize> {
    let start = source[..span.start.min(source.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = span.end.clamp(start, source.len());
    let mut offset = start;
    for line in source.get(start..end)?.split_inclusive('\n') {
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        if let Some(tab) = indent.find('\t').filter(|_| !line.trim().is_empty()) {
            return Some(offset + tab);
        }
        offset += line.len();
    }
    None
}

/// `listed` and, when there were more than it holds, a note of how many more.
fn with_not_listed(mut listed: Vec<Diagnostic>, all: usize, file: &Path) -> Vec<Diagnostic> {
    if all > listed.len() {
        listed.push(Diagnostic::not_listed(Some(all - listed.len())).in_file(file));
    }
    listed
}

/// Where each entry is defined, found in one pass: `id =` at the start of a line
/// (Fluent entries start in column 1), the first definition of an id kept; as byte
/// offset and line number. Searching the file for each message instead took seconds
/// for thousands of blocks.
fn entry_lines(source: &str) -> BTreeMap<String, (usize, usize)> {
    let mut entries = BTreeMap::new();
    let mut offset = 0;
    for (n, line) in source.split_inclusive('\n').enumerate() {
        let (id, rest) =
            line.split_at(line.find(|c: char| c.is_whitespace() || c == '=').unwrap_or(line.len()));
        if !id.is_empty() && rest.trim_start().starts_with('=') {
            entries.entry(id.to_string()).or_insert((offset, n + 1));
        }
        offset += line.len();
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_at_line_starts_first_definition_first() {
        let source = "# c = 1\n-term = T\nhello = Hi\n    .attr = A\nhello-world=x\nhello = again\n";
        let entries = entry_lines(source);
        let lines: Vec<(&str, usize)> = entries.iter().map(|(id, e)| (id.as_str(), e.1)).collect();
        assert_eq!(lines, [("-term", 2), ("hello", 3), ("hello-world", 5)]);
        assert_eq!(entries["hello"].0, source.find("hello").unwrap());
    }

    fn errors(source: &str) -> Vec<String> {
        let e = Catalog::parse(&"en".parse().unwrap(), Path::new("en.ftl"), source.to_string()).unwrap_err();
        e.iter().map(|d| format!("{}:{}: {}", d.at.unwrap().line, d.at.unwrap().column, d.message)).collect()
    }

    #[test]
    fn a_byte_order_mark_is_read_past() {
        let catalog =
            Catalog::parse(&"en".parse().unwrap(), Path::new("en.ftl"), "\u{feff}a = x\nb = y\n".into())
                .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(catalog.ids, ["a", "b"]);
        assert_eq!(catalog.location_of("b").unwrap().at, LineCol { line: 2, column: 1 });
    }

    #[test]
    fn tab_indentation_is_named() {
        assert_eq!(
            errors("a = x\nintro =\n\tFirst line\n\tsecond\n"),
            ["3:1: this line is indented with a tab; Fluent wants spaces"]
        );
        assert_eq!(
            errors("a = x\n  .t = y\n\t.u = z\n"),
            ["3:1: this line is indented with a tab; Fluent wants spaces"]
        );
        let other = errors("a = { x\nb = y\n");
        assert!(other.len() == 1 && other[0].contains("Fluent syntax error"), "{other:?}");
    }
}
