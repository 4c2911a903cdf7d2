//! `NUMBER()` and every number placeable, by the language's CLDR rules (ICU4X's decimal
//! formatter): "12.500,5" in Spanish, "١٢٬٥٠٠٫٥" in Egyptian Arabic.
//!
//! - every number placeable (`{ $count }`, `{ NUMBER($n, ...) }`, a number literal) is
//!   formatted by `format_number`, installed with `FluentBundle::set_formatter`. Only the
//!   text changes: the value stays an `f64` for plural selectors (`[one]`, `[few]`...).
//! - `NUMBER()` takes `minimumFractionDigits`, `maximumFractionDigits`, `minimumIntegerDigits`,
//!   `minimumSignificantDigits`, `maximumSignificantDigits` and `useGrouping` (`"false"`,
//!   `"always"`); other options are ignored (`style: "percent"` and `"currency"` are not
//!   supported: the number prints as a plain decimal).
//!
//! Knows Fluent's number type and ICU4X; nothing of dates, the leaflet or layout.

use fixed_decimal::{Decimal, Sign, SignedRoundingMode, UnsignedRoundingMode};
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentValue};
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

use super::{describe, record, to_locale};

/// The decimal formatters of one language: with the locale's grouping, and without.
struct NumberFormatter {
    grouped: DecimalFormatter,
    ungrouped: DecimalFormatter,
}

impl Memoizable for NumberFormatter {
    type Args = ();
    type Error = icu_provider::DataError;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, Self::Error> {
        let prefs = DecimalFormatterPreferences::from(&to_locale(&lang));
        let with = |grouping| {
            let mut options = DecimalFormatterOptions::default();
            options.grouping_strategy = Some(grouping);
            DecimalFormatter::try_new(prefs, options)
        };
        Ok(NumberFormatter {
            grouped: with(GroupingStrategy::Auto)?,
            ungrouped: with(GroupingStrategy::Never)?,
        })
    }
}

/// `NUMBER($n, useGrouping: "always")` is told from a plain `{ $n }` by this
/// `minimumIntegerDigits` (which changes no digit: one is the default); see `format_number`.
const GROUP_ALWAYS: Option<usize> = Some(1);

/// `NUMBER($n, option: value, ...)`: the value with its options merged (names as in ECMA-402).
pub(super) fn number<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let mut n = match positional.first() {
        Some(FluentValue::Number(n)) => n.clone(),
        // A numeric string, as ECMA-402 would take it.
        Some(FluentValue::String(s)) if s.trim().parse::<FluentNumber>().is_ok() => {
            s.trim().parse::<FluentNumber>().unwrap_or_else(|_| unreachable!())
        }
        Some(other) => {
            record(format!("NUMBER(): {} is not a number", describe(other)));
            return FluentValue::Error;
        }
        None => {
            record("NUMBER() needs a number, e.g. NUMBER($count)".to_owned());
            return FluentValue::Error;
        }
    };
    n.options.merge(named);
    let always =
        matches!(named.get("useGrouping"), Some(FluentValue::String(s)) if s == "always" || s == "true");
    if always && n.options.minimum_integer_digits.is_none() {
        n.options.minimum_integer_digits = GROUP_ALWAYS;
    }
    FluentValue::Number(n)
}

/// The bundle's formatter: numbers by the language's rules, everything else left to Fluent.
pub(super) fn format_value(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    intls.with_try_get::<NumberFormatter, _, _>((), |formatter| format_number(formatter, n)).ok().flatten()
}

/// Formats `n` as ECMA-402's `Intl.NumberFormat` would with the same options (rounding half
/// away from zero, at most 3 fraction digits unless asked), with CLDR's symbols, digits and
/// grouping for the language.
///
/// One exception: an integer from 1000 to 9999 is not grouped, in any language, unless the
/// message asks (`NUMBER($n, useGrouping: "always")` or a `minimumIntegerDigits`). In a
/// leaflet such a number is nearly always a year: "2022", not "2,022". (CLDR itself leaves
/// 4-digit numbers ungrouped in es, pt-PT or pl, but not in en, pt or ar.)
fn format_number(formatter: &NumberFormatter, n: &FluentNumber) -> Option<String> {
    if !n.value.is_finite() {
        return None; // Fluent's own "NaN", "inf"
    }
    // Rust prints an f64 as the shortest decimal that reads back the same, never with an
    // exponent: 0.1 + 0.2 → "0.30000000000000004", 1e21 → "1000000000000000000000".
    let mut decimal = Decimal::try_from_str(&n.value.to_string()).ok()?;
    let options = &n.options;
    round(&mut decimal, options);
    if decimal.absolute.is_zero() {
        decimal.sign = Sign::None; // no "-0"
    }
    if let Some(digits) = options.minimum_integer_digits {
        decimal.absolute.pad_start(digits.clamp(1, 100) as i16);
    }
    // Four digits before the point and none shown after it ("1500", not "1500.00").
    let four_digit_integer =
        decimal.absolute.nonzero_magnitude_start() == 3 && *decimal.absolute.magnitude_range().start() == 0;
    let year_like = four_digit_integer && options.minimum_integer_digits.is_none();
    let grouped = options.use_grouping && !year_like;
    let formatter = if grouped { &formatter.grouped } else { &formatter.ungrouped };
    Some(formatter.format_to_string(&decimal))
}

/// Rounds and pads `decimal` to the digits the options ask for (ECMA-402's defaults:
/// 0 to 3 fraction digits; significant digits, when given, win over fraction digits).
fn round(decimal: &mut Decimal, options: &FluentNumberOptions) {
    const HALF_EXPAND: SignedRoundingMode = SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand);
    let limit = |digits: usize| digits.min(100) as i16;
    if options.minimum_significant_digits.is_some() || options.maximum_significant_digits.is_some() {
        let min = limit(options.minimum_significant_digits.unwrap_or(1)).max(1);
        let max = limit(options.maximum_significant_digits.unwrap_or(21)).max(min);
        let top = decimal.absolute.nonzero_magnitude_start();
        decimal.round_with_mode(top - max + 1, HALF_EXPAND);
        decimal.absolute.trim_end();
        // Rounding may have carried into a new digit (9.99 → 10); count from the new top.
        let top = decimal.absolute.nonzero_magnitude_start();
        decimal.absolute.pad_end((top - min + 1).min(0));
    } else {
        let min = limit(options.minimum_fraction_digits.unwrap_or(0));
        let max = limit(options.maximum_fraction_digits.unwrap_or(3)).max(min);
        decimal.round_with_mode(-max, HALF_EXPAND);
        decimal.absolute.trim_end();
        decimal.absolute.pad_end(-min);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{format, number};
    use fluent_bundle::FluentValue;

    #[test]
    fn english_numbers() {
        assert_eq!(number("en", "n", 17.0), "17");
        assert_eq!(number("en", "n", 12500.5), "12,500.5");
        assert_eq!(number("en", "n", 1234567.891), "1,234,567.891");
        assert_eq!(number("en", "n", 1234.5), "1,234.5");
        assert_eq!(number("en", "n", -12500.5), "-12,500.5");
        // ECMA-402's default of at most 3 fraction digits; no "-0".
        assert_eq!(number("en", "n", 0.1 + 0.2), "0.3");
        assert_eq!(number("en", "n", -0.0001), "0");
        // Years: 4-digit integers are not grouped, larger numbers are.
        assert_eq!(number("en", "n", 2022.0), "2022");
        assert_eq!(number("en", "n", 1500.0), "1500");
        assert_eq!(number("en", "n", 12500.0), "12,500");
    }

    #[test]
    fn spanish_numbers() {
        assert_eq!(number("es", "n", 17.0), "17");
        assert_eq!(number("es", "n", 12500.5), "12.500,5");
        assert_eq!(number("es", "n", 1234567.891), "1.234.567,891");
        // CLDR Spanish groups no 4-digit number, fractional or not.
        assert_eq!(number("es", "n", 1234.5), "1234,5");
        assert_eq!(number("es", "n", 2022.0), "2022");
        assert_eq!(number("es", "n", 12500.0), "12.500");
        assert_eq!(number("es-PE", "n", 12500.5), "12,500.5");
    }

    #[test]
    fn portuguese_numbers() {
        assert_eq!(number("pt", "n", 12500.5), "12.500,5");
        assert_eq!(number("pt", "n", 1234.5), "1.234,5");
        assert_eq!(number("pt", "n", 2022.0), "2022");
        assert_eq!(number("pt-PT", "n", 12500.5), "12\u{a0}500,5");
        assert_eq!(number("pt-PT", "n", 1234.5), "1234,5");
    }

    #[test]
    fn arabic_numbers() {
        // CLDR 46 made Latin digits the default for `ar` itself (CLDR-17553); Egypt, Saudi
        // Arabia, Iraq... keep Arabic-Indic digits; the Maghreb writes 12.500,5.
        assert_eq!(number("ar", "n", 17.0), "17");
        assert_eq!(number("ar", "n", 12500.5), "12,500.5");
        assert_eq!(number("ar", "n", 2022.0), "2022");
        assert_eq!(number("ar-EG", "n", 17.0), "١٧");
        assert_eq!(number("ar-EG", "n", 12500.5), "١٢٬٥٠٠٫٥");
        assert_eq!(number("ar-EG", "n", 2022.0), "٢٠٢٢");
        assert_eq!(number("ar-EG", "n", -3.0), "\u{61c}-٣");
        assert_eq!(number("ar-SA", "n", 1234567.5), "١٬٢٣٤٬٥٦٧٫٥");
        assert_eq!(number("ar-MA", "n", 12500.5), "12.500,5");
        assert_eq!(number("ar-MA", "n", 2022.0), "2022");
    }

    #[test]
    fn number_options() {
        assert_eq!(number("en", "fixed", 1500.0), "1,500.00");
        assert_eq!(number("en", "fixed", 2.5), "2.50");
        assert_eq!(number("en", "fixed", 1.23456), "1.23");
        assert_eq!(number("en", "fixed", 0.125), "0.13"); // half away from zero
        assert_eq!(number("es", "fixed", 12500.0), "12.500,00");
        assert_eq!(number("ar-EG", "fixed", 2.5), "٢٫٥٠");
        assert_eq!(number("en", "no-grouping", 1234567.0), "1234567");
        assert_eq!(number("es", "no-grouping", 12500.5), "12500,5");
        // "always" groups 4 digits too, where the language does.
        assert_eq!(number("en", "grouping", 1500.0), "1,500");
        assert_eq!(number("pt", "grouping", 1500.0), "1.500");
        assert_eq!(number("es", "grouping", 1500.0), "1500");
        assert_eq!(number("en", "significant", 1234567.0), "1,230,000");
        assert_eq!(number("en", "significant", 1.23456), "1.23");
        assert_eq!(number("en", "unknown-options", 0.25), "0.25");
        assert_eq!(format("en", "fixed", "n", FluentValue::from("3.5")), "3.50");
        // A number literal keeps its written fraction digits.
        assert_eq!(format("es", "literal", "n", FluentValue::None), "1,50");
    }

    #[test]
    fn plural_selection_uses_the_value() {
        assert_eq!(number("en", "plural", 1.0), "one: 1");
        assert_eq!(number("en", "plural", 12500.0), "other: 12,500");
        assert_eq!(number("es", "plural", 1.0), "one: 1");
        assert_eq!(number("ar-EG", "plural", 3.0), "few: ٣");
        assert_eq!(number("ar", "plural", 3.0), "few: 3");
    }
}
