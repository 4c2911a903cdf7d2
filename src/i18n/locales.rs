//! Where translations live: `locales/<BCP 47 tag>/<messages>.ftl`, and which folder serves
//! a requested language (`es-PE` may be served by `es`, never by another language).

use std::path::{Path, PathBuf};

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// The nearest folder named `locales` in the leaflet's folder or any folder above it.
pub fn find_locales_dir(leaflet: &Path) -> Option<PathBuf> {
    crate::paths::find_upwards(leaflet, "locales")
}

/// The language folders present under a `locales` folder, sorted by tag.
pub fn available(locales_dir: &Path) -> std::io::Result<Vec<LanguageIdentifier>> {
    let mut tags: Vec<LanguageIdentifier> = std::fs::read_dir(locales_dir)?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .collect();
    tags.sort_by_key(|t| t.to_string());
    Ok(tags)
}

/// The folder to read for `requested`: an exact match, else the closest folder of the same
/// language (`es-PE` → `es`, `es` → `es-PE`). Other languages are never considered.
pub fn best_match<'a>(
    requested: &LanguageIdentifier,
    available: &'a [LanguageIdentifier],
) -> Option<&'a LanguageIdentifier> {
    let same_language: Vec<&LanguageIdentifier> =
        available.iter().filter(|a| a.language == requested.language).collect();
    let found = negotiate_languages(&[requested], &same_language, None, NegotiationStrategy::Filtering);
    found.first().map(|l| **l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<LanguageIdentifier> {
        list.iter().map(|t| t.parse().unwrap()).collect()
    }

    #[test]
    fn regional_variant_uses_the_language_folder() {
        let have = tags(&["en", "es", "pt-BR"]);
        assert_eq!(best_match(&"es-PE".parse().unwrap(), &have).map(|t| t.to_string()), Some("es".into()));
        assert_eq!(best_match(&"pt".parse().unwrap(), &have).map(|t| t.to_string()), Some("pt-BR".into()));
        assert_eq!(best_match(&"es".parse().unwrap(), &have).map(|t| t.to_string()), Some("es".into()));
    }

    #[test]
    fn never_falls_back_to_another_language() {
        let have = tags(&["en", "es"]);
        assert_eq!(best_match(&"qu".parse().unwrap(), &have), None);
    }
}
