//! Fluent messages → the plain strings the page will carry, per language and block.
//! A missing message, attribute or variable is an error, never a silent fallback.

use fluent_bundle::resolver::{ResolverError, errors::ReferenceKind};
use fluent_bundle::{FluentArgs, FluentError, FluentValue};
use unic_langid::LanguageIdentifier;

use super::catalog::Catalog;
use super::markup::{self, Emphasis};
use super::scaffold::UNTRANSLATED;
use crate::diag::{Diagnostic, Diagnostics, Location, MAX_LISTED};
use crate::model::{ArgValue, Leaflet, MessageRef};

/// The leaflet's text in every language, in the leaflet's column order.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    pub title: String,
    pub columns: Vec<ColumnTexts>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnTexts {
    pub lang: LanguageIdentifier,
    /// One entry per leaflet block; each holds one passage, or one per list item.
    pub blocks: Vec<Vec<Passage>>,
    /// The leaflet's `turn_over` message, for the foot of every page but the last.
    pub turn_over: Option<Passage>,
}

/// A resolved message: the text to set and the message it came from (for errors).
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub message: String,
    pub text: String,
    /// Stretches of `text` in bold or italic (from `**…**` and `*…*`).
    pub emphasis: Vec<Emphasis>,
    /// Where the message is defined, for errors found later (e.g. a missing glyph).
    pub defined_at: Option<Location>,
}

/// More characters than any leaflet holds, over all its languages (a dense A4 page
/// takes about 15,000). Setting such a text would take seconds and gigabytes before
/// failing to fit; a megabyte of text, or one message in thousands of blocks, is a
/// mistake to report at once.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Resolves every block's messages in every catalog (one catalog per column, in order).
/// With `draft`, messages still marked untranslated (see `scaffold`) are set with
/// their marker showing instead of failing the build.
pub fn resolve(leaflet: &Leaflet, catalogs: &[Catalog], draft: bool) -> Result<Texts, Diagnostics> {
    let args = fluent_args(leaflet);
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    let mut total = 0;
    for catalog in catalogs {
        let mut blocks = Vec::new();
        for block in &leaflet.blocks {
            let mut passages = Vec::new();
            for m in block.texts() {
                match passage(leaflet, catalog, m, &args, draft) {
                    Ok(p) => {
                        total += p.text.chars().count();
                        if total > MAX_TEXT_CHARS {
                            return Err(too_much_text(leaflet, catalog, &p).into());
                        }
                        passages.push(p);
                    }
                    Err(mut d) => problems.append(&mut d),
                }
                if problems.len() > MAX_LISTED {
                    problems.truncate(MAX_LISTED);
                    problems.push(Diagnostic::not_listed(None).in_file(&leaflet.source.path));
                    return Err(Diagnostics(problems));
                }
            }
            blocks.push(passages);
        }
        let turn_over = match &leaflet.turn_over {
            Some(m) => match passage(leaflet, catalog, m, &args, draft) {
                Ok(p) => Some(p),
                Err(mut d) => {
                    problems.append(&mut d);
                    None
                }
            },
            None => None,
        };
        columns.push(ColumnTexts { lang: catalog.lang.clone(), blocks, turn_over });
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    let title = match (&leaflet.title, catalogs.first()) {
        (Some(m), Some(first)) => passage(leaflet, first, m, &args, draft).map_err(Diagnostics)?.text,
        _ => first_heading(leaflet, &columns).unwrap_or_else(|| leaflet.stem.clone()),
    };
    Ok(Texts { title, columns })
}

fn too_much_text(leaflet: &Leaflet, catalog: &Catalog, last: &Passage) -> Diagnostic {
    let d = Diagnostic::error(format!(
        "the leaflet has more than {MAX_TEXT_CHARS} characters of text, more than any leaflet holds; \
         the limit was passed at message `{}` in `{}` ({} characters)",
        last.message,
        catalog.lang,
        last.text.chars().count()
    ))
    .hint(format!(
        "a dense A4 page holds about 15,000 characters: shorten the translations, or look for text pasted \
         many times over or a message used by many blocks in {}",
        leaflet.source.path.display()
    ));
    match &last.defined_at {
        Some(location) => d.located(location),
        None => d.in_file(&leaflet.source.path),
    }
}

fn first_heading(leaflet: &Leaflet, columns: &[ColumnTexts]) -> Option<String> {
    let index = leaflet.blocks.iter().position(|b| b.text_kind() == Some(crate::model::TextKind::Heading))?;
    Some(columns.first()?.blocks.get(index)?.first()?.text.clone())
}

fn fluent_args(leaflet: &Leaflet) -> FluentArgs<'_> {
    let mut args = FluentArgs::new();
    for arg in &leaflet.args {
        let name = arg.name.as_str();
        match &arg.value {
            ArgValue::String(s) => args.set(name, FluentValue::from(s.as_str())),
            ArgValue::Number(n) => args.set(name, FluentValue::from(*n)),
            // Every TOML date is in a form `toml_date` reads; were one not, DATETIME()
            // would report the string it got.
            ArgValue::Date(iso) => args.set(
                name,
                super::functions::toml_date(iso).unwrap_or_else(|| FluentValue::from(iso.as_str())),
            ),
        }
    }
    args
}

/// A message as the page will carry it: formatted, normalised, emphasis parsed.
fn passage(
    leaflet: &Leaflet,
    catalog: &Catalog,
    m: &MessageRef,
    args: &FluentArgs,
    draft: bool,
) -> Result<Passage, Vec<Diagnostic>> {
    let marked = format(leaflet, catalog, m, args)?;
    let defined_at = catalog.location_of(&m.id);
    let (text, emphasis) = markup::parse(&marked).map_err(|e| {
        let mut d = Diagnostic::error(format!(
            "message `{}` in `{}` opens emphasis with `{}` but never closes it",
            m.key(),
            catalog.lang,
            e.marker
        ))
        .hint(format!("close it with another `{}`, or write `\\*` for a literal asterisk", e.marker));
        if let Some(location) = &defined_at {
            d = d.located(location);
        }
        vec![d]
    })?;
    if !draft && text.contains(UNTRANSLATED) {
        let file = catalog.file.display();
        let mut d = Diagnostic::error(format!("message `{}` in `{}` is not translated yet", m.key(), catalog.lang))
            .hint(format!(
                "translate it in {file} and delete the {UNTRANSLATED} marker, or build with --draft to print it marked"
            ));
        if let Some(location) = &defined_at {
            d = d.located(location);
        }
        return Err(vec![d]);
    }
    Ok(Passage { message: m.key(), text, emphasis, defined_at })
}

/// One message (or attribute) formatted in one catalog, normalised for the page.
fn format(
    leaflet: &Leaflet,
    catalog: &Catalog,
    m: &MessageRef,
    args: &FluentArgs,
) -> Result<String, Vec<Diagnostic>> {
    let toml = &leaflet.source;
    let lang = &catalog.lang;
    let file = catalog.file.display();
    let Some(message) = catalog.bundle.get_message(&m.id) else {
        return Err(vec![
            Diagnostic::error(format!("message `{}` is missing in `{lang}` (looked for it in {file})", m.id))
                .at(&toml.path, &toml.text, m.span.clone())
                .hint(match crate::diag::closest(&m.id, catalog.ids.iter().map(String::as_str)) {
                    Some(best) => format!("did you mean `{best}`? Otherwise add `{} = …` to {file}", m.id),
                    None => format!("add `{} = …` to {file}, or fix the id here", m.id),
                }),
        ]);
    };
    let pattern = match &m.attribute {
        None => message.value().ok_or_else(|| {
            vec![
                Diagnostic::error(format!("message `{}` in `{lang}` has no value, only attributes", m.id))
                    .at(&toml.path, &toml.text, m.span.clone())
                    .hint(format!(
                        "give it a value in {file}, or name one of its attributes as `{}.attribute`",
                        m.id
                    )),
            ]
        })?,
        Some(attr) => message.get_attribute(attr).map(|a| a.value()).ok_or_else(|| {
            vec![
                Diagnostic::error(format!(
                    "message `{}` in `{lang}` has no attribute `.{attr}` (looked in {file})",
                    m.id
                ))
                .at(&toml.path, &toml.text, m.span.clone())
                .hint(format!("add `    .{attr} = …` under `{}` in {file}", m.id)),
            ]
        })?,
    };
    let mut errors = Vec::new();
    let text = catalog.bundle.format_pattern(pattern, Some(args), &mut errors);
    // NUMBER() and DATETIME() note their failures aside: Fluent records none.
    let function_errors = super::functions::take_errors();
    if !errors.is_empty() || !function_errors.is_empty() {
        let at = catalog.offset_of(&m.id).unwrap_or(0);
        // An unknown reference is shown where it is written, not where its message starts.
        let found = super::refs::in_pattern(pattern, catalog.resource.source());
        let resolver = errors.iter().map(|e| {
            let spot = unknown_reference(e)
                .and_then(|(kind, name)| found.references.iter().find(|r| r.kind == kind && r.name == name))
                .and_then(|r| r.offset)
                .map_or(at..at, |offset| offset..offset + 1);
            resolver_diagnostic(e, leaflet, &m.key(), lang).at(&catalog.file, &catalog.source, spot)
        });
        let functions = function_errors.iter().map(|e| {
            Diagnostic::error(format!("message `{}` in `{lang}`: {e}", m.key()))
                .hint(format!(
                    "fix the value in [args] of {}, or the call in the message",
                    leaflet.source.path.display()
                ))
                .at(&catalog.file, &catalog.source, at..at)
        });
        return Err(resolver.chain(functions).collect());
    }
    Ok(normalise(&text, crate::language::is_rtl(lang)))
}

/// The kind and name of what a resolver error says is unknown, for finding it.
fn unknown_reference(e: &FluentError) -> Option<(super::refs::Kind, &str)> {
    use super::refs::Kind;
    match e {
        FluentError::ResolverError(ResolverError::Reference(kind)) => Some(match kind {
            ReferenceKind::Variable { id } => (Kind::Variable, id.as_str()),
            ReferenceKind::Message { id, .. } => (Kind::Message, id.as_str()),
            ReferenceKind::Term { id, .. } => (Kind::Term, id.as_str()),
            ReferenceKind::Function { id } => (Kind::Function, id.as_str()),
        }),
        _ => None,
    }
}

fn resolver_diagnostic(
    e: &FluentError,
    leaflet: &Leaflet,
    key: &str,
    lang: &LanguageIdentifier,
) -> Diagnostic {
    let toml = leaflet.source.path.display();
    match e {
        FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable { id })) => {
            Diagnostic::error(format!(
                "message `{key}` in `{lang}` uses the variable `${id}`, which [args] does not define"
            ))
            .hint(
                match crate::diag::closest(id, leaflet.args.iter().map(|a| a.name.as_str())) {
                    Some(meant) => {
                        format!("did you mean `${meant}`? Otherwise add `{id} = …` under [args] in {toml}")
                    }
                    None => format!(
                        "add `{id} = …` under [args] in {toml}, or remove `{{ ${id} }}` from the message"
                    ),
                },
            )
        }
        FluentError::ResolverError(ResolverError::Reference(kind)) => {
            let what = match kind {
                ReferenceKind::Message { id, attribute: None } => format!("message `{id}`"),
                ReferenceKind::Message { id, attribute: Some(a) } => format!("attribute `{id}.{a}`"),
                ReferenceKind::Term { id, attribute: None } => format!("term `-{id}`"),
                ReferenceKind::Term { id, attribute: Some(a) } => format!("attribute `-{id}.{a}`"),
                ReferenceKind::Function { id } => format!("function `{id}()`"),
                ReferenceKind::Variable { id } => format!("variable `${id}`"),
            };
            Diagnostic::error(format!("message `{key}` in `{lang}` refers to the unknown {what}"))
                .hint("define it in this file, or fix the reference")
        }
        other => Diagnostic::error(format!("message `{key}` in `{lang}`: {other}")),
    }
}

/// Fluent keeps a multiline value's line breaks; on the page a message is one flowing
/// paragraph, so runs of white space become one space. No-break spaces are kept: they
/// are the translator's way to hold "15 de diciembre" together. Soft hyphens go
/// (hyphenation is the line breaker's job), and so do bidi isolation marks in
/// left-to-right text; right-to-left text keeps them for its bidi algorithm.
fn normalise(text: &str, keep_isolates: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .filter(|&c| c != '\u{00AD}' && (keep_isolates || !matches!(c, '\u{2066}'..='\u{2069}'))),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_joins_lines_and_drops_isolation_marks() {
        let text = "Sábado \u{2068}17\u{2069}\n  de\u{00A0}diciembre ";
        assert_eq!(normalise(text, false), "Sábado 17 de\u{00A0}diciembre");
        assert_eq!(normalise(text, true), "Sábado \u{2068}17\u{2069} de\u{00A0}diciembre");
    }
}
