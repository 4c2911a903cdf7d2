//! Text stage: Fluent translations → resolved strings per language (`Texts`).
//! Knows the leaflet's message ids and args; knows nothing of fonts, layout or PDF.

mod catalog;
pub mod compare;
pub mod edit;
pub mod functions;
mod locales;
pub mod markup;
pub mod names;
mod nesting;
pub mod plurals;
mod refs;
mod resolve;
pub mod save;
pub mod scaffold;
pub mod update;
pub mod usage;

pub use catalog::{Catalog, MAX_FTL_BYTES};
pub use locales::{available, best_match, find_locales_dir};
pub use resolve::{ColumnTexts, Passage, Texts, resolve};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Leaflet;

/// Loads one catalog per leaflet language from `locales_dir`, reporting every missing
/// folder, missing file and syntax error at once.
pub fn load(leaflet: &Leaflet, locales_dir: &Path) -> Result<Vec<Catalog>, Diagnostics> {
    let mut catalogs = Vec::new();
    let mut problems = Vec::new();
    for result in load_each(leaflet, locales_dir)? {
        match result {
            Ok(c) => catalogs.push(c),
            Err(mut d) => problems.append(&mut d),
        }
    }
    if problems.is_empty() { Ok(catalogs) } else { Err(Diagnostics(problems)) }
}

/// Each leaflet language's catalog, or why it could not be loaded (for `check`, which
/// goes on with the languages that load).
pub fn load_each(
    leaflet: &Leaflet,
    locales_dir: &Path,
) -> Result<Vec<Result<Catalog, Vec<Diagnostic>>>, Diagnostics> {
    load_each_with(leaflet, locales_dir, &BTreeMap::new())
}

/// As [`load_each`], but a translation file named in `unsaved` is read from there, not
/// from disk (`serve` checks a translator's edits before they are saved); its
/// diagnostics still name the file.
pub fn load_each_with(
    leaflet: &Leaflet,
    locales_dir: &Path,
    unsaved: &BTreeMap<PathBuf, String>,
) -> Result<Vec<Result<Catalog, Vec<Diagnostic>>>, Diagnostics> {
    let have = available(locales_dir).map_err(|e| {
        Diagnostic::error(format!("cannot read the translations folder {}: {e}", locales_dir.display()))
    })?;
    Ok(leaflet
        .languages
        .iter()
        .map(|language| {
            let file = translation_file(leaflet, locales_dir, &have, language)?;
            match unsaved.get(&file) {
                Some(text) => Catalog::parse(&language.tag, &file, text.clone()),
                None => Catalog::load(&language.tag, &file),
            }
        })
        .collect())
}

/// The English name of the language with tag `code`, for hints.
fn language_name(code: &str) -> &'static str {
    names::name_of(code).unwrap_or("that language")
}

/// The translation file of `language` under `locales_dir` (whose language folders are
/// `have`), or why there is none.
pub fn translation_file(
    leaflet: &Leaflet,
    locales_dir: &Path,
    have: &[unic_langid::LanguageIdentifier],
    language: &crate::model::Language,
) -> Result<PathBuf, Vec<Diagnostic>> {
    let tag = &language.tag;
    let Some(folder) = best_match(tag, have) else {
        let list = have.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
        let mut d = Diagnostic::error(format!(
            "no translations for `{tag}`: {} has no `{tag}` folder (it has: {})",
            locales_dir.display(),
            if list.is_empty() { "none" } else { &list }
        ))
        .hint(match names::tag_for_name(tag.language.as_str()) {
            // `languages = ["Spanish"]`: a name where a tag belongs.
            Some(code) if have.iter().any(|t| t.language.as_str() == code) => {
                format!("did you mean \"{code}\"? Languages are written as tags: \"{code}\" for {}", language_name(code))
            }
            Some(code) => format!(
                "languages are written as tags: \"{code}\" for {}; then `leaflet locale add {code} {}` starts its translations",
                language_name(code),
                leaflet.source.path.display()
            ),
            None => format!(
                "run `leaflet locale add {tag} {}` to start {}/{tag}/{}.ftl from another language",
                leaflet.source.path.display(),
                locales_dir.display(),
                leaflet.messages
            ),
        });
        if let Some(span) = &language.span {
            d = d.at(&leaflet.source.path, &leaflet.source.text, span.clone());
        }
        return Err(vec![d]);
    };
    let file = locales_dir.join(folder.to_string()).join(format!("{}.ftl", leaflet.messages));
    if !file.is_file() {
        return Err(vec![
            Diagnostic::error(format!("missing translation file for `{tag}`: {}", file.display())).hint(format!(
                "create it (`leaflet locale add {tag} {}`), or set `messages` in {0} to the .ftl file's name",
                leaflet.source.path.display()
            )),
        ]);
    }
    Ok(file)
}

/// An `.ftl` file's text past the byte-order mark some editors (Windows Notepad) start a
/// UTF-8 file with, which Fluent would take for part of the first id. Dropped, it moves
/// no line or column an editor shows.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// `without_bom` for a text owned, copied only when it had a mark.
pub fn owned_without_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}
