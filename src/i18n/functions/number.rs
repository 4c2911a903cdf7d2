//! `NUMBER()` and every number placeable, by the language's CLDR rules (ICU4X's decimal,
//! percent and currency formatters): "12.500,5" in Spanish, "١٢٬٥٠٠٫٥" in Egyptian Arabic,
//! "25 %" and "1234,50 €" in Spanish where English says "25%" and "€1,234.50".
//!
//! - every number placeable (`{ $count }`, `{ NUMBER($n, ...) }`, a number literal) is
//!   formatted by `format_number`, installed with `FluentBundle::set_formatter`. Only the
//!   text changes: the value stays an `f64` for plural selectors (`[one]`, `[few]`...).
//! - `NUMBER()` takes `minimumFractionDigits`, `maximumFractionDigits`, `minimumIntegerDigits`,
//!   `minimumSignificantDigits`, `maximumSignificantDigits`, `useGrouping` (`"false"`,
//!   `"always"`), `type` (`"cardinal"`, `"ordinal"`: which plural rules select) and `style`:
//!   `"decimal"`, `"percent"` (0.25 → "25%", no fraction digits unless asked) or
//!   `"currency"` with `currency: "EUR"` (any ISO 4217 code) and `currencyDisplay`
//!   (`"symbol"`, `"code"` or `"name"`). An amount prints with its currency's own digits
//!   (2 for EUR, 0 for JPY), so the digit options and `useGrouping` are refused there.
//! - Any other option, or a value these do not take, is an error naming it, reported at the
//!   message: a number printed other than the translator meant is never silent.
//!
//! Knows Fluent's number type and ICU4X; nothing of dates, the leaflet or layout.

use fixed_decimal::{Decimal, Sign, SignedRoundingMode, UnsignedRoundingMode};
use fluent_bundle::types::{
    FluentNumber, FluentNumberCurrencyDisplayStyle, FluentNumberOptions, FluentNumberStyle,
};
use fluent_bundle::{FluentArgs, FluentValue};
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
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

/// The percent formatters of one language, with its grouping and without.
struct PercentFormatters {
    grouped: PercentFormatter<DecimalFormatter>,
    ungrouped: PercentFormatter<DecimalFormatter>,
}

impl Memoizable for PercentFormatters {
    type Args = ();
    type Error = icu_provider::DataError;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, Self::Error> {
        let locale = to_locale(&lang);
        let with = |grouping| {
            let mut options = DecimalFormatterOptions::default();
            options.grouping_strategy = Some(grouping);
            let decimal = DecimalFormatter::try_new((&locale).into(), options)?;
            PercentFormatter::try_new_with_decimal_formatter((&locale).into(), decimal, Default::default())
        };
        Ok(PercentFormatters {
            grouped: with(GroupingStrategy::Auto)?,
            ungrouped: with(GroupingStrategy::Never)?,
        })
    }
}

/// One language's formatter for one currency, shown one way.
struct MoneyFormatter(CurrencyFormatter<DecimalFormatter>);

impl Memoizable for MoneyFormatter {
    /// The ISO 4217 code (checked by `number`) and how the currency is shown.
    type Args = (String, FluentNumberCurrencyDisplayStyle);
    type Error = String;

    fn construct(lang: LanguageIdentifier, (code, display): Self::Args) -> Result<Self, Self::Error> {
        let locale = to_locale(&lang);
        let currency =
            CurrencyType::try_from_str(&code.to_ascii_lowercase()).map_err(|e| format!("{e:?}"))?;
        let formatter = match display {
            FluentNumberCurrencyDisplayStyle::Symbol => {
                CurrencyFormatter::try_new_symbol((&locale).into(), currency, Default::default())
            }
            FluentNumberCurrencyDisplayStyle::Code => {
                CurrencyFormatter::try_new_code((&locale).into(), currency, Default::default())
            }
            FluentNumberCurrencyDisplayStyle::Name => {
                CurrencyFormatter::try_new_name((&locale).into(), currency)
            }
        };
        formatter.map(MoneyFormatter).map_err(|e| e.to_string())
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
    if let Err(e) = check_options(named) {
        record(format!("NUMBER(): {e}"));
        return FluentValue::Error;
    }
    n.options.merge(named);
    let always =
        matches!(named.get("useGrouping"), Some(FluentValue::String(s)) if s == "always" || s == "true");
    if always && n.options.minimum_integer_digits.is_none() {
        n.options.minimum_integer_digits = GROUP_ALWAYS;
    }
    FluentValue::Number(n)
}

/// The digit options: each takes a whole number from its lowest to its highest (ECMA-402's
/// ranges).
const DIGIT_OPTIONS: [(&str, f64, f64); 5] = [
    ("minimumIntegerDigits", 1.0, 21.0),
    ("minimumFractionDigits", 0.0, 100.0),
    ("maximumFractionDigits", 0.0, 100.0),
    ("minimumSignificantDigits", 1.0, 21.0),
    ("maximumSignificantDigits", 1.0, 21.0),
];

/// Every option `number` (and `FluentNumberOptions::merge`, which ignores what it does
/// not know) takes, with a value it takes; otherwise what is wrong, naming the option.
fn check_options(named: &FluentArgs) -> Result<(), String> {
    let style = match named.get("style") {
        Some(FluentValue::String(s)) => Some(s.to_string()),
        _ => None,
    };
    let one_of = |key: &str, value: &FluentValue, allowed: &[&str]| match value {
        FluentValue::String(s) if allowed.contains(&s.as_ref()) => Ok(()),
        _ => {
            let list = allowed.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
            Err(format!("`{key}` takes {list}, not {}", describe(value)))
        }
    };
    for (key, value) in named.iter() {
        match key {
            "style" => one_of(key, value, &["decimal", "percent", "currency"])?,
            "currencyDisplay" => one_of(key, value, &["symbol", "code", "name"])?,
            "useGrouping" => one_of(key, value, &["true", "false", "always", "auto"])?,
            "type" => one_of(key, value, &["cardinal", "ordinal"])?,
            "currency" => match value {
                FluentValue::String(s) if s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) => {}
                _ => {
                    return Err(format!(
                        "`currency` takes an ISO 4217 code like \"EUR\", not {}",
                        describe(value)
                    ));
                }
            },
            _ => match DIGIT_OPTIONS.iter().find(|(name, ..)| *name == key) {
                Some(&(_, low, high)) => match value {
                    FluentValue::Number(n) if n.value.fract() == 0.0 && (low..=high).contains(&n.value) => {}
                    _ => {
                        return Err(format!(
                            "`{key}` takes a whole number from {low} to {high}, not {}",
                            describe(value)
                        ));
                    }
                },
                None => {
                    let known = ["style", "currency", "currencyDisplay", "useGrouping", "type"];
                    let names = known.into_iter().chain(DIGIT_OPTIONS.iter().map(|(name, ..)| *name));
                    let hint = match crate::diag::closest(key, names) {
                        Some(best) => format!(" (did you mean `{best}`?)"),
                        None => String::new(),
                    };
                    return Err(format!("unknown option `{key}`{hint}"));
                }
            },
        }
    }
    let currency = named.get("currency").is_some();
    match style.as_deref() {
        Some("currency") if !currency => {
            Err("`style: \"currency\"` needs the currency, e.g. `currency: \"EUR\"`".to_owned())
        }
        Some("currency") => {
            // The currency sets the digits (2 for EUR, 0 for JPY) and ICU4X's currency
            // formatter always groups as the language does.
            let refused = named
                .iter()
                .map(|(key, _)| key)
                .find(|key| *key == "useGrouping" || DIGIT_OPTIONS.iter().any(|(name, ..)| name == key));
            match refused {
                Some(key) => Err(format!(
                    "`{key}` is not supported with `style: \"currency\"` (an amount prints with its currency's own digits)"
                )),
                None => Ok(()),
            }
        }
        _ if currency => Err("`currency` needs `style: \"currency\"`".to_owned()),
        _ if named.get("currencyDisplay").is_some() => {
            Err("`currencyDisplay` needs `style: \"currency\"`".to_owned())
        }
        _ => Ok(()),
    }
}

/// The bundle's formatter: numbers by the language's rules, everything else left to Fluent.
pub(super) fn format_value(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let formatted = match n.options.style {
        FluentNumberStyle::Decimal => intls
            .with_try_get::<NumberFormatter, _, _>((), |formatter| format_number(formatter, n))
            .map_err(|e| e.to_string()),
        FluentNumberStyle::Percent => intls
            .with_try_get::<PercentFormatters, _, _>((), |formatter| format_percent(formatter, n))
            .map_err(|e| e.to_string()),
        FluentNumberStyle::Currency => {
            // `number` made sure a currency style has its code.
            let code = n.options.currency.clone().unwrap_or_default();
            intls.with_try_get::<MoneyFormatter, _, _>((code, n.options.currency_display), |formatter| {
                format_money(formatter, n)
            })
        }
    };
    match formatted {
        Ok(text) => text,
        Err(e) => {
            // Fluent would print the bare number: note it, so the message fails instead.
            record(format!("NUMBER(): the number {} cannot be formatted: {e}", n.value));
            None
        }
    }
}

/// The value as an exact decimal: Rust prints an f64 as the shortest decimal that reads
/// back the same, never with an exponent (0.1 + 0.2 → "0.30000000000000004",
/// 1e21 → "1000000000000000000000"); `None` for NaN and infinities (Fluent's own "NaN").
fn decimal_of(n: &FluentNumber) -> Option<Decimal> {
    if !n.value.is_finite() {
        return None;
    }
    Decimal::try_from_str(&n.value.to_string()).ok()
}

/// `n` × 100 with the language's percent sign where it puts it ("25%", "25 %", "%25"),
/// rounded as ECMA-402 does a percent: no fraction digits unless asked.
fn format_percent(formatter: &PercentFormatters, n: &FluentNumber) -> Option<String> {
    let mut decimal = decimal_of(n)?;
    decimal.multiply_pow10(2);
    // "0.25" keeps its leading zero through the shift: "025".
    decimal.absolute.trim_start();
    let mut options = n.options.clone();
    options.maximum_fraction_digits =
        options.maximum_fraction_digits.or(Some(options.minimum_fraction_digits.unwrap_or(0)));
    round(&mut decimal, &options);
    if decimal.absolute.is_zero() {
        decimal.sign = Sign::None;
    }
    if let Some(digits) = options.minimum_integer_digits {
        decimal.absolute.pad_start(digits.clamp(1, 100) as i16);
    }
    let formatter = if options.use_grouping { &formatter.grouped } else { &formatter.ungrouped };
    Some(formatter.format(&decimal).to_string())
}

/// An amount in the currency's own digits and the language's pattern ("€1,234.50",
/// "1234,50 €").
fn format_money(formatter: &MoneyFormatter, n: &FluentNumber) -> Option<String> {
    let decimal = decimal_of(n)?;
    Some(formatter.0.format_fixed_decimal(&decimal).to_string())
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
    let mut decimal = decimal_of(n)?;
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
    use super::super::take_errors;
    use super::super::tests::{bundle, format, number};
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

    #[test]
    fn percents_in_each_language() {
        assert_eq!(number("en", "percent", 0.25), "25%");
        assert_eq!(number("es", "percent", 0.25), "25\u{a0}%");
        assert_eq!(number("de", "percent", 0.25), "25\u{a0}%");
        assert_eq!(number("fr", "percent", 0.25), "25\u{a0}%");
        assert_eq!(number("pt", "percent", 0.25), "25%");
        // No fraction digits unless asked, rounded half away from zero; exact: 0.07 × 100.
        assert_eq!(number("en", "percent", 0.125), "13%");
        assert_eq!(number("en", "percent", 0.07), "7%");
        assert_eq!(number("en", "percent", 0.001), "0%");
        assert_eq!(number("en", "percent", 0.0), "0%");
        assert_eq!(number("en", "percent-fraction", 0.1234), "12.3%");
        assert_eq!(number("es", "percent-fraction", 0.1234), "12,3\u{a0}%");
        assert_eq!(number("en", "percent", 12.5), "1,250%");
        assert_eq!(number("en", "percent", -0.5), "-50%");
        assert_eq!(number("ar-EG", "percent", 0.25), "٢٥\u{200e}%\u{200e}");
    }

    #[test]
    fn amounts_in_each_language() {
        assert_eq!(number("en", "euros", 1234.5), "€1,234.50");
        assert_eq!(number("es", "euros", 1234.5), "1234,50\u{a0}€");
        assert_eq!(number("es", "euros", 12500.0), "12.500,00\u{a0}€");
        assert_eq!(number("de", "euros", 1234.5), "1.234,50\u{a0}€");
        assert_eq!(number("fr", "euros", 1234.5), "1\u{202f}234,50\u{a0}€");
        assert_eq!(number("en", "euros", 0.125), "€0.13");
        // The currency's own digits: none for the yen.
        assert_eq!(number("en", "yen", 1234.5), "¥1,235");
        assert_eq!(number("en", "euro-code", 1234.5), "EUR\u{a0}1,234.50");
        assert_eq!(number("en", "euro-name", 1234.5), "1,234.50 euros");
        assert_eq!(number("es", "euro-name", 1234.5), "1234,50 euros");
    }

    /// `id` of an English bundle with `$n` = 0.25: what it printed and what NUMBER() noted.
    fn failure(id: &str) -> (String, Vec<String>) {
        let bundle = bundle("en");
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("n", FluentValue::from(0.25));
        let mut errors = vec![];
        let pattern = bundle.get_message(id).unwrap().value().unwrap();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
        assert!(errors.is_empty(), "{errors:?}");
        (text, take_errors())
    }

    /// An option NUMBER() does not take, or a value it does not understand, used to be
    /// ignored: 0.25 with `style: "percent"` printed as 0.25.
    #[test]
    fn unsupported_options_are_errors_naming_them() {
        let cases = [
            ("unknown-options", "NUMBER(): unknown option `colour`"),
            (
                "typo",
                "NUMBER(): unknown option `minimumFractionDigit` (did you mean `minimumFractionDigits`?)",
            ),
            ("bad-style", "NUMBER(): `style` takes \"decimal\", \"percent\", \"currency\", not `unit`"),
            ("bad-digits", "NUMBER(): `minimumFractionDigits` takes a whole number from 0 to 100, not `2`"),
            ("no-currency", "NUMBER(): `style: \"currency\"` needs the currency, e.g. `currency: \"EUR\"`"),
            ("lone-currency", "NUMBER(): `currency` needs `style: \"currency\"`"),
            (
                "currency-digits",
                "NUMBER(): `minimumFractionDigits` is not supported with `style: \"currency\"` (an amount prints with its currency's own digits)",
            ),
        ];
        for (id, error) in cases {
            let (text, errors) = failure(id);
            assert_eq!(errors, [error], "{id}");
            assert_eq!(text, "NUMBER()", "{id}: Fluent prints the function's name, never a number");
        }
    }
}
