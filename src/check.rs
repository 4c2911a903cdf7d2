//! `leaflet check`: everything that would stop a leaflet from printing, or print it
//! wrong, found without writing a PDF — syntax, missing and untranslated messages,
//! variables, characters the fonts cannot draw, overflow — plus warnings for what
//! merely deserves a look (unused messages and arguments, languages without
//! hyphenation patterns or plural rules, type shrunk below the size asked for,
//! paragraphs with no decent setting in their column).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::build::{BuildOptions, Inspect, pipeline};
use crate::diag::{Diagnostic, LineCol};
use crate::i18n::{self, Catalog};
use crate::model::Leaflet;
use crate::text::items::{hyphenation_language, script_is_unhyphenated};

/// The messages of one translation file and which of them some leaflet uses.
struct FileUse {
    catalog_source: String,
    lang: String,
    /// Message ids and where they are defined.
    defined: Vec<(String, usize)>,
    used: BTreeSet<String>,
}

/// Checks leaflets; their diagnostics in order, then warnings for messages that none
/// of them uses.
pub fn check_all(paths: &[PathBuf], options: &BuildOptions) -> Vec<(PathBuf, Vec<Diagnostic>)> {
    let mut files: BTreeMap<PathBuf, FileUse> = BTreeMap::new();
    let mut done = BTreeSet::new();
    let mut reports: Vec<(PathBuf, Vec<Diagnostic>)> =
        paths.iter().map(|p| (p.clone(), check(p, options, &mut files, &mut done))).collect();
    let mut unused = Vec::new();
    for (file, u) in &files {
        for (id, offset) in u.defined.iter().filter(|(id, _)| !u.used.contains(id)) {
            let mut d = Diagnostic::warning(format!(
                "message `{id}` in `{}` is not used by any leaflet checked",
                u.lang
            ))
            .hint("remove it, or use it in a leaflet's [[blocks]] (text = \"…\")")
            .in_file(file);
            d.at = Some(LineCol::of(&u.catalog_source, *offset));
            unused.push(d);
        }
    }
    if let Some(last) = reports.last_mut() {
        last.1.extend(unused);
    }
    reports
}

/// One leaflet through the same pipeline as `build` (warnings included), looking on the
/// way at its languages and at which messages and arguments it uses.
fn check(
    path: &Path,
    options: &BuildOptions,
    files: &mut BTreeMap<PathBuf, FileUse>,
    done: &mut BTreeSet<(PathBuf, String)>,
) -> Vec<Diagnostic> {
    match checked(path, options, files, done) {
        Ok(pressed) => pressed.warnings,
        Err(found) => found,
    }
}

/// `check` of one leaflet, keeping what was pressed when it could be; its findings are
/// the `Pressed`'s warnings then.
fn checked(
    path: &Path,
    options: &BuildOptions,
    files: &mut BTreeMap<PathBuf, FileUse>,
    done: &mut BTreeSet<(PathBuf, String)>,
) -> Result<crate::build::Pressed, Vec<Diagnostic>> {
    let mut looking = Looking { files, done, variables: Vec::new() };
    let mut result = pipeline(path, options, &mut looking);
    let found = match &mut result {
        Ok(pressed) => &mut pressed.warnings,
        Err(found) => found,
    };
    // Resolving also reports a variable [args] lacks, at the same spot as the variable
    // check, which says more (what the source language's message uses).
    let said = |d: &Diagnostic, r: &Diagnostic| {
        let what = |m: &str| m.split(", which").next().map(str::to_string);
        r.file == d.file && r.at == d.at && what(&r.message) == what(&d.message)
    };
    let variables = looking.variables;
    found.retain(|d| variables.contains(d) || !variables.iter().any(|r| said(d, r)));
    result
}

/// What `check` looks at beyond what pressing needs; `files` gathers which messages of
/// each translation file some leaflet uses.
struct Looking<'a> {
    files: &'a mut BTreeMap<PathBuf, FileUse>,
    /// What was already checked of a translation file (leaflets may share one), by file
    /// and check, so that each finding is told once.
    done: &'a mut BTreeSet<(PathBuf, String)>,
    /// What the variable check found, this leaflet.
    variables: Vec<Diagnostic>,
}

impl Inspect for Looking<'_> {
    fn leaflet(&mut self, leaflet: &Leaflet) -> Vec<Diagnostic> {
        language_warnings(leaflet)
    }

    fn catalogs(&mut self, leaflet: &Leaflet, catalogs: &[Catalog]) -> Vec<Diagnostic> {
        let mut found = usage(leaflet, catalogs, self.files);
        found.extend(self.translations(leaflet, catalogs));
        found
    }
}

impl Looking<'_> {
    /// Each translation held against the leaflet's first language (variables, stale
    /// translations), and every language's plural selectors.
    fn translations(&mut self, leaflet: &Leaflet, catalogs: &[Catalog]) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        for catalog in catalogs {
            if self.done.insert((catalog.file.clone(), "plurals".into())) {
                found.extend(i18n::compare::plural_variants(catalog));
            }
        }
        // The source is the first language; when it failed to load there is none.
        let Some(source) =
            catalogs.first().filter(|c| leaflet.languages.first().is_some_and(|l| l.tag == c.lang))
        else {
            return found;
        };
        let used = i18n::usage::usage(&source.resource, roots(leaflet)).messages;
        for translation in &catalogs[1..] {
            let against = format!("against {}", source.file.display());
            if translation.file == source.file {
                continue;
            }
            if self.done.insert((translation.file.clone(), format!("stale {against}"))) {
                found.extend(i18n::compare::stale(source, translation));
            }
            // Leaflets sharing the file may use other messages of it.
            let ids: Vec<&str> = used
                .iter()
                .map(String::as_str)
                .filter(|id| self.done.insert((translation.file.clone(), format!("{against}: {id}"))))
                .collect();
            let variables = i18n::compare::variables(source, translation, ids);
            self.variables.extend(variables.iter().cloned());
            found.extend(variables);
        }
        found
    }
}

/// The messages a leaflet names (its blocks, title and turn-over line).
fn roots(leaflet: &Leaflet) -> Vec<&str> {
    leaflet.message_refs().map(|m| m.id.as_str()).collect()
}

/// Languages whose text will be set with less care than they deserve.
fn language_warnings(leaflet: &Leaflet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for language in &leaflet.languages {
        let tag = &language.tag;
        let place = |d: Diagnostic| match &language.span {
            Some(span) => d.at(&leaflet.source.path, &leaflet.source.text, span.clone()),
            None => d.in_file(&leaflet.source.path),
        };
        // A name where a tag belongs, or a slip: one warning, not one per missing fact.
        if !i18n::names::is_known(tag) {
            let hint = match i18n::names::tag_for_name(tag.language.as_str()) {
                Some(code) => format!("did you mean \"{code}\"? Languages are written as tags"),
                None => "write the language's ISO 639 code, e.g. \"qu\" for Quechua or \"pt-BR\"".to_string(),
            };
            out.push(place(
                Diagnostic::warning(format!("`{tag}` is not a language code we know of")).hint(hint),
            ));
            continue;
        }
        // Scripts never hyphenated lose nothing without patterns.
        if leaflet.style.hyphenate && hyphenation_language(tag).is_none() && !script_is_unhyphenated(tag) {
            out.push(place(
                Diagnostic::warning(format!(
                    "no hyphenation patterns for `{tag}`: its text is set without hyphenation"
                ))
                .hint("justified text may have wider spaces; align = \"left\" on long blocks avoids that"),
            ));
        }
        if !i18n::functions::has_number_data(tag) {
            out.push(place(
                Diagnostic::warning(format!(
                    "no number or date formats for `{tag}`: numbers print as 12,500.5 and DATETIME() as 2022-12-17"
                ))
                .hint("check the numbers and dates in that language's messages"),
            ));
        }
        if i18n::plurals::categories(tag).is_none() {
            out.push(place(
                Diagnostic::warning(format!(
                    "no plural rules for `{tag}`: Fluent selects plural variants by English rules ([one] for 1, [other] otherwise)"
                ))
                .hint("write selectors with number keys ([1], [2]…) and *[other], or check the wording of each count"),
            ));
        }
    }
    out
}

/// Arguments no message uses (warning), and which messages of each file are used.
fn usage(leaflet: &Leaflet, catalogs: &[Catalog], files: &mut BTreeMap<PathBuf, FileUse>) -> Vec<Diagnostic> {
    let roots = roots(leaflet);
    let mut variables = BTreeSet::new();
    for catalog in catalogs {
        let used = i18n::usage::usage(&catalog.resource, roots.iter().copied());
        variables.extend(used.variables);
        let entry = files.entry(catalog.file.clone()).or_insert_with(|| FileUse {
            catalog_source: catalog.source.clone(),
            lang: catalog.lang.to_string(),
            defined: catalog.ids.iter().map(|id| (id.clone(), catalog.offset_of(id).unwrap_or(0))).collect(),
            used: BTreeSet::new(),
        });
        entry.used.extend(used.messages);
    }
    // A language that failed to load (a syntax error) may be the one using an argument.
    if catalogs.is_empty() || catalogs.len() < leaflet.languages.len() {
        return Vec::new();
    }
    leaflet
        .args
        .iter()
        .filter(|a| !variables.contains(&a.name))
        .map(|a| {
            Diagnostic::warning(format!("argument `{}` is not used by any message", a.name))
                .at(&leaflet.source.path, &leaflet.source.text, a.span.clone())
                .hint(format!("remove it from [args], or use {{ ${} }} in a message", a.name))
        })
        .collect()
}

/// One leaflet through `check`'s pipeline, keeping what was pressed: `serve` shows the
/// findings beside the fields they concern and draws the page. On success, the findings
/// are the `Pressed`'s warnings.
pub(crate) fn check_pressed(
    path: &Path,
    options: &BuildOptions,
) -> Result<crate::build::Pressed, Vec<Diagnostic>> {
    checked(path, options, &mut BTreeMap::new(), &mut BTreeSet::new())
}
