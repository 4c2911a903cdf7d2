//! Facts about languages and scripts that several stages share: which are written right
//! to left (the model's columns, Fluent's isolation marks, the bidi paragraph level, a
//! block's alignment) and which built-in families set which scripts unless a leaflet
//! says otherwise. One place, so the stages cannot disagree. Knows nothing of leaflets,
//! Fluent, font files or PDF.

use unic_langid::LanguageIdentifier;

/// The family for Latin, Greek and Cyrillic text when a leaflet's `[style]` names none.
/// Built into the binary.
pub const DEFAULT_FAMILY: &str = "Noto Sans";

/// Families tried, in order, for characters the leaflet's family lacks, when `[style]`
/// gives no `fallback`: Arabic script, Hebrew, Devanagari. Built into the binary.
pub const DEFAULT_FALLBACKS: [&str; 3] = ["Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari"];

/// Whether `lang` is written right to left (by its script subtag, or its language).
pub fn is_rtl(lang: &LanguageIdentifier) -> bool {
    if let Some(script) = lang.script {
        return matches!(script.as_str(), "Arab" | "Hebr" | "Thaa" | "Syrc" | "Nkoo" | "Adlm" | "Rohg");
    }
    matches!(
        lang.language.as_str(),
        "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "yi" | "dv" | "ug" | "ckb" | "syr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages() {
        for tag in ["ar", "ar-EG", "he", "fa", "ur", "ku-Arab"] {
            assert!(is_rtl(&tag.parse().unwrap()), "{tag}");
        }
        for tag in ["en", "es", "qu", "pt-BR", "sr-Latn"] {
            assert!(!is_rtl(&tag.parse().unwrap()), "{tag}");
        }
    }
}
