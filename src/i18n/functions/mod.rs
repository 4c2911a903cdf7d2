//! Locale rules for the numbers and dates in Fluent messages: what the two parts share.
//!
//! Out of the box `fluent-bundle` prints a number with Rust's `f64` formatting (no grouping,
//! always a `.`) and has no `DATETIME()`. This module plugs in CLDR's rules, as compiled into
//! ICU4X, so a Spanish column says "12.500,5", an Egyptian Arabic one "١٢٬٥٠٠٫٥": numbers in
//! `number.rs`, dates in `date.rs`; here, their installation in a bundle, the errors they
//! note, and whether ICU4X has data for a language.
//!
//! The ICU4X formatters are built once per bundle language and kept in the bundle's
//! `IntlLangMemoizer`. A language ICU4X has no data for gets CLDR's root rules: numbers as
//! in English ("12,500.5"), dates as ISO numbers ("2022-12-17", "14:00"). Never a panic.
//!
//! Fluent records no error when a function returns `FluentValue::Error`: it prints the
//! function's name (`DATETIME()`) where the value should be. So `NUMBER()` and `DATETIME()`
//! note what went wrong; call [`take_errors`] after `format_pattern` to report it.
//!
//! Knows Fluent and ICU4X; nothing of the leaflet, fonts or layout.

mod date;
mod number;

use std::cell::RefCell;

use fluent_bundle::{FluentBundle, FluentResource, FluentValue};
use icu_locale_core::Locale;
use icu_provider::prelude::*;
use unic_langid::LanguageIdentifier;

use date::datetime;
pub use date::toml_date;
use number::{format_value, number};

/// Registers NUMBER() and DATETIME() and a locale-aware formatter for plain number placeables.
///
/// They format in the bundle's language (the first of its locales: the one its memoizer,
/// hence the formatters, and its plural rules use). A bundle that already has a `NUMBER`
/// (from `add_builtins`) keeps it; its numbers are still formatted by the language's rules.
pub fn install<R: std::borrow::Borrow<FluentResource>>(bundle: &mut FluentBundle<R>) {
    bundle.set_formatter(Some(format_value));
    let _ = bundle.add_function("NUMBER", number);
    let _ = bundle.add_function("DATETIME", datetime);
}

/// Whether CLDR (as compiled into ICU4X) has number-formatting data for this language (not just root fallback).
///
/// ICU4X's compiled data drops a locale's number symbols where they equal its parent's,
/// so English, Japanese or Quechua symbols are stored only as root's ("12,500.5"). So a
/// language has number data when its symbols are stored under its own name, or when ICU4X
/// has data for the language at all: that shows in its Gregorian month names, which no
/// language shares with root (root's are "M01"…"M12").
pub fn has_number_data(lang: &LanguageIdentifier) -> bool {
    has_locale_data(&to_locale(lang))
}

fn has_locale_data(locale: &Locale) -> bool {
    if locale.id.language.is_unknown() {
        return false;
    }
    let data_locale = DataLocale::from(locale);
    // `metadata.locale` is set when the data was found at a fallback locale; `und` is root.
    let own = |metadata: DataResponseMetadata| metadata.locale.is_none_or(|found| !found.is_unknown());
    let symbols = DataRequest { id: DataIdentifierBorrowed::for_locale(&data_locale), ..Default::default() };
    let symbols =
        DataProvider::<icu_decimal::provider::DecimalSymbolsV1>::load(&icu_decimal::provider::Baked, symbols);
    if symbols.is_ok_and(|r| own(r.metadata)) {
        return true;
    }
    // Attribute "3": the abbreviated format names, which every language in the data has.
    let months = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(
            DataMarkerAttributes::from_str_or_panic("3"),
            &data_locale,
        ),
        ..Default::default()
    };
    DataProvider::<icu_datetime::provider::names::DatetimeNamesMonthGregorianV1>::load(
        &icu_datetime::provider::Baked,
        months,
    )
    .is_ok_and(|r| own(r.metadata))
}

thread_local! {
    static ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// What `NUMBER()` and `DATETIME()` could not do on this thread since the last call, e.g.
/// ``DATETIME(): `next week` is not a date (write it as YYYY-MM-DD, ...)``. Call it after
/// each `format_pattern`: Fluent itself records nothing when a function fails, it prints
/// `DATETIME()` (the function's name) in place of the value.
pub fn take_errors() -> Vec<String> {
    ERRORS.with(|errors| std::mem::take(&mut *errors.borrow_mut()))
}

fn record(error: String) {
    ERRORS.with(|errors| errors.borrow_mut().push(error));
}

fn describe(value: &FluentValue) -> String {
    match value {
        FluentValue::String(s) => format!("`{s}`"),
        FluentValue::Number(n) => format!("the number {}", n.value),
        FluentValue::Custom(c) => format!("{c:?}"),
        FluentValue::Error | FluentValue::None => "a missing value".to_owned(),
    }
}

/// The ICU4X locale for a Fluent language tag (root, `und`, if ICU4X cannot read it).
fn to_locale(lang: &LanguageIdentifier) -> Locale {
    Locale::try_from_str(&lang.to_string()).unwrap_or(Locale::UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentArgs;

    const FTL: &str = r#"
n = { $n }
fixed = { NUMBER($n, minimumFractionDigits: 2, maximumFractionDigits: 2) }
no-grouping = { NUMBER($n, useGrouping: "false") }
grouping = { NUMBER($n, useGrouping: "always") }
significant = { NUMBER($n, maximumSignificantDigits: 3) }
unknown-options = { NUMBER($n, style: "percent", colour: "red") }
percent = { NUMBER($n, style: "percent") }
percent-fraction = { NUMBER($n, style: "percent", maximumFractionDigits: 1) }
euros = { NUMBER($n, style: "currency", currency: "EUR") }
yen = { NUMBER($n, style: "currency", currency: "JPY") }
euro-code = { NUMBER($n, style: "currency", currency: "EUR", currencyDisplay: "code") }
euro-name = { NUMBER($n, style: "currency", currency: "EUR", currencyDisplay: "name") }
no-currency = { NUMBER($n, style: "currency") }
currency-digits = { NUMBER($n, style: "currency", currency: "EUR", minimumFractionDigits: 0) }
lone-currency = { NUMBER($n, currency: "EUR") }
bad-style = { NUMBER($n, style: "unit") }
bad-digits = { NUMBER($n, minimumFractionDigits: "2") }
typo = { NUMBER($n, minimumFractionDigit: 2) }
literal = { 1.50 }
plural = { $n ->
    [one] one: { $n }
    [few] few: { $n }
   *[other] other: { $n }
}
default = { DATETIME($d) }
plain = { $d }
full = { DATETIME($d, dateStyle: "full") }
long = { DATETIME($d, dateStyle: "long") }
medium = { DATETIME($d, dateStyle: "medium") }
short = { DATETIME($d, dateStyle: "short") }
time = { DATETIME($d, timeStyle: "short") }
seconds = { DATETIME($d, timeStyle: "medium") }
both = { DATETIME($d, dateStyle: "long", timeStyle: "short") }
"#;

    pub(super) fn bundle(tag: &str) -> FluentBundle<FluentResource> {
        let lang: LanguageIdentifier = tag.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![lang.clone()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(FluentResource::try_new(FTL.to_owned()).unwrap()).unwrap();
        install(&mut bundle);
        bundle
    }

    /// Message `id` of a `tag` bundle with `$name` = `value`, checking that nothing failed.
    pub(super) fn format(tag: &str, id: &str, name: &str, value: FluentValue) -> String {
        let bundle = bundle(tag);
        let mut args = FluentArgs::new();
        args.set(name, value);
        let mut errors = vec![];
        let pattern = bundle.get_message(id).unwrap().value().unwrap();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
        assert!(errors.is_empty(), "{tag} {id}: {errors:?}");
        assert_eq!(take_errors(), Vec::<String>::new(), "{tag} {id}");
        text
    }

    pub(super) fn number(tag: &str, id: &str, n: f64) -> String {
        format(tag, id, "n", FluentValue::from(n))
    }

    pub(super) fn date(tag: &str, id: &str, d: &str) -> String {
        format(tag, id, "d", FluentValue::from(d))
    }

    #[test]
    fn a_language_without_data_gets_root_rules() {
        assert!(!has_number_data(&"tlh".parse().unwrap()));
        assert_eq!(number("tlh", "n", 12500.5), "12,500.5");
        assert_eq!(date("tlh", "full", "2022-12-17T14:00"), "2022-12-17");
        assert_eq!(date("tlh", "both", "2022-12-17T14:00"), "2022-12-17 14:00");
    }

    #[test]
    fn number_data() {
        assert!(has_number_data(&"es".parse().unwrap()));
        assert!(has_number_data(&"en".parse().unwrap())); // stored as root's, but English's
        assert!(has_number_data(&"ar-EG".parse().unwrap()));
        // Quechua is in CLDR: its symbols are root's (qu-BO's are not).
        assert!(has_number_data(&"qu".parse().unwrap()));
        assert!(!has_number_data(&"tlh".parse().unwrap()));
        assert!(!has_number_data(&"und".parse().unwrap()));
    }
}
