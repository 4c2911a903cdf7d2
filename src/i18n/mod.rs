//! Text stage: Fluent translations → resolved strings per language (`Texts`).
//! Knows the leaflet's message ids and args; knows nothing of fonts, layout or PDF.

mod catalog;
mod locales;
pub mod markup;
mod resolve;

pub use catalog::Catalog;
pub use locales::{available, best_match, find_locales_dir};
pub use resolve::{ColumnTexts, Passage, Texts, resolve};

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Leaflet;

/// Loads one catalog per leaflet language from `locales_dir`, reporting every missing
/// folder, missing file and syntax error at once.
pub fn load(leaflet: &Leaflet, locales_dir: &Path) -> Result<Vec<Catalog>, Diagnostics> {
    let have = available(locales_dir).map_err(|e| {
        Diagnostic::error(format!("cannot read the translations folder {}: {e}", locales_dir.display()))
    })?;
    let mut catalogs = Vec::new();
    let mut problems = Vec::new();
    for language in &leaflet.languages {
        let tag = &language.tag;
        let Some(folder) = best_match(tag, &have) else {
            let list = have.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
            let mut d = Diagnostic::error(format!(
                "no translations for `{tag}`: {} has no `{tag}` folder (it has: {})",
                locales_dir.display(),
                if list.is_empty() { "none" } else { &list }
            ))
            .hint(format!(
                "add {}/{tag}/{}.ftl (copy another language's file and translate it)",
                locales_dir.display(),
                leaflet.messages
            ));
            if let Some(span) = &language.span {
                d = d.at(&leaflet.source.path, &leaflet.source.text, span.clone());
            }
            problems.push(d);
            continue;
        };
        let file = locales_dir.join(folder.to_string()).join(format!("{}.ftl", leaflet.messages));
        if !file.is_file() {
            problems.push(
                Diagnostic::error(format!("missing translation file for `{tag}`: {}", file.display())).hint(
                    format!(
                        "create it, or set `messages` in {} to the .ftl file's name",
                        leaflet.source.path.display()
                    ),
                ),
            );
            continue;
        }
        match Catalog::load(tag, &file) {
            Ok(c) => catalogs.push(c),
            Err(mut d) => problems.append(&mut d),
        }
    }
    if problems.is_empty() { Ok(catalogs) } else { Err(Diagnostics(problems)) }
}
