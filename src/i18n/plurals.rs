//! Plural categories per language, from the CLDR rules Fluent itself uses
//! (`intl_pluralrules`). A language it lacks falls back to English rules in Fluent,
//! silently; `check` says so, and scaffolds list the categories a translator needs.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// The cardinal categories `lang` uses for whole numbers, in CLDR order, or `None`
/// when the rules do not know the language (Fluent then uses English rules).
pub fn categories(lang: &LanguageIdentifier) -> Option<Vec<&'static str>> {
    // Found as fluent-bundle finds them: the tag, else a shorter form (es-PE → es).
    let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
    let found = fluent_langneg::negotiate_languages(
        &[lang],
        &available,
        None,
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    let rules = PluralRules::create((*found.first()?).clone(), PluralRuleType::CARDINAL).ok()?;
    // Sampling whole numbers finds every category used for counts.
    let samples = (0..=200u64).chain([1000, 10_000, 100_000, 1_000_000]);
    let found: Vec<PluralCategory> = samples.filter_map(|n| rules.select(n).ok()).collect();
    let order = [
        (PluralCategory::ZERO, "zero"),
        (PluralCategory::ONE, "one"),
        (PluralCategory::TWO, "two"),
        (PluralCategory::FEW, "few"),
        (PluralCategory::MANY, "many"),
        (PluralCategory::OTHER, "other"),
    ];
    Some(order.iter().filter(|(c, _)| found.contains(c)).map(|(_, name)| *name).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_by_language() {
        let of = |tag: &str| categories(&tag.parse().unwrap());
        assert_eq!(of("en"), Some(vec!["one", "other"]));
        // The rules date from before CLDR gave Spanish a "many" (for millions).
        assert_eq!(of("es"), Some(vec!["one", "other"]));
        assert_eq!(of("ar"), Some(vec!["zero", "one", "two", "few", "many", "other"]));
        assert_eq!(of("es-PE"), of("es"));
        assert_eq!(of("qu"), None);
    }
}
