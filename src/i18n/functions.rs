//! Locale rules for the numbers and dates in Fluent messages.
//!
//! Out of the box `fluent-bundle` prints a number with Rust's `f64` formatting (no grouping,
//! always a `.`) and has no `DATETIME()`. This file plugs in CLDR's rules, as compiled into
//! ICU4X, so a Spanish column says "12.500,5", an Egyptian Arabic one "١٢٬٥٠٠٫٥":
//!
//! - every number placeable (`{ $count }`, `{ NUMBER($n, ...) }`, a number literal) is
//!   formatted by `format_number`, installed with `FluentBundle::set_formatter`. Only the
//!   text changes: the value stays an `f64` for plural selectors (`[one]`, `[few]`...).
//! - `NUMBER()` takes `minimumFractionDigits`, `maximumFractionDigits`, `minimumIntegerDigits`,
//!   `minimumSignificantDigits`, `maximumSignificantDigits` and `useGrouping` (`"false"`,
//!   `"always"`); other options are ignored (`style: "percent"` and `"currency"` are not
//!   supported: the number prints as a plain decimal).
//! - `DATETIME($d, dateStyle: ..., timeStyle: ...)` takes an ISO string (`2022-12-17`,
//!   `2022-12-17T14:00`, `2022-12-17T14:00:30`, or a time alone, `14:00`) and prints it in
//!   the language's words and order, always in the Gregorian calendar: the calendar the
//!   leaflet's dates are written in (a browser would switch to the Buddhist calendar for `th`
//!   or the Persian one for `fa`; we do not).
//!
//! The ICU4X formatters are built once per bundle language and kept in the bundle's
//! `IntlLangMemoizer`. A language ICU4X has no data for gets CLDR's root rules: numbers as
//! in English ("12,500.5"), dates as ISO numbers ("2022-12-17", "14:00"). Never a panic.
//!
//! Fluent records no error when a function returns `FluentValue::Error`: it prints the
//! function's name (`DATETIME()`) where the value should be. So `NUMBER()` and `DATETIME()`
//! note what went wrong; call [`take_errors`] after `format_pattern` to report it.

use std::borrow::Cow;
use std::cell::RefCell;

use fixed_decimal::{Decimal, Sign, SignedRoundingMode, UnsignedRoundingMode};
use fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentType};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu_datetime::fieldsets::enums::CompositeDateTimeFieldSet;
use icu_datetime::input::{DateTime, Time};
use icu_datetime::options::{Length, TimePrecision};
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter};
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_locale_core::Locale;
use icu_provider::prelude::*;
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

/// Registers NUMBER() and DATETIME() and a locale-aware formatter for plain number placeables.
///
/// `lang` must be the bundle's language (the first of its locales: the one its memoizer,
/// hence the formatters, and its plural rules use). A bundle that already has a `NUMBER`
/// (from `add_builtins`) keeps it; its numbers are still formatted by the language's rules.
pub fn install<R: std::borrow::Borrow<FluentResource>>(
    bundle: &mut FluentBundle<R>,
    lang: &LanguageIdentifier,
) {
    bundle.set_formatter(Some(format_value));
    let _ = bundle.add_function("NUMBER", number);
    let lang = lang.clone();
    let _ = bundle.add_function("DATETIME", move |positional, named| datetime(&lang, positional, named));
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

// ---------------------------------------------------------------------------------------
// Numbers

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
fn number<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
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
fn format_value(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
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

fn describe(value: &FluentValue) -> String {
    match value {
        FluentValue::String(s) => format!("`{s}`"),
        FluentValue::Number(n) => format!("the number {}", n.value),
        FluentValue::Custom(c) => format!("{c:?}"),
        FluentValue::Error | FluentValue::None => "a missing value".to_owned(),
    }
}

// ---------------------------------------------------------------------------------------
// Dates

/// `dateStyle`: how much of the date to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum DateStyle {
    /// "Saturday, December 17, 2022"
    Full,
    /// "December 17, 2022"
    Long,
    /// "Dec 17, 2022"
    Medium,
    /// "12/17/22"
    Short,
}

/// `timeStyle`: hours and minutes, or hours, minutes and seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum TimeStyle {
    /// "2:00 PM"
    Short,
    /// "2:00:30 PM"
    Medium,
}

/// What `DATETIME()` returns: a parsed date and time, formatted when Fluent writes it out
/// (through the bundle's memoizer, so one formatter per language and style).
#[derive(Clone, Debug, PartialEq)]
struct FluentDateTime {
    /// The bundle's language, for the thread-safe path that has no memoizer to ask.
    lang: LanguageIdentifier,
    value: DateTime<Gregorian>,
    date_style: Option<DateStyle>,
    time_style: Option<TimeStyle>,
}

impl FluentType for FluentDateTime {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(self.clone())
    }

    fn as_string(&self, intls: &IntlLangMemoizer) -> Cow<'static, str> {
        intls
            .with_try_get::<DateFormatter, _, _>((self.date_style, self.time_style), |formatter| {
                formatter.0.format(&self.value).to_string()
            })
            .unwrap_or_else(|_| self.iso())
            .into()
    }

    fn as_string_threadsafe(&self, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Cow<'static, str> {
        // ICU4X's formatters are not `Sync` (without icu_provider's `sync` feature), so the
        // concurrent memoizer cannot keep one; build it for this one value.
        match DateFormatter::construct(self.lang.clone(), (self.date_style, self.time_style)) {
            Ok(formatter) => formatter.0.format(&self.value).to_string().into(),
            Err(_) => self.iso().into(),
        }
    }
}

impl FluentDateTime {
    /// The value in ISO form, for when no formatter can be built (never seen: the data is
    /// compiled in).
    fn iso(&self) -> String {
        let (date, time) = (self.value.date, self.value.time);
        let mut s = String::new();
        if self.date_style.is_some() {
            s += &format!(
                "{:04}-{:02}-{:02}",
                date.year().extended_year(),
                date.month().ordinal,
                date.day_of_month().0
            );
        }
        if self.time_style.is_some() {
            s += if s.is_empty() { "" } else { " " };
            s += &format!("{:02}:{:02}", time.hour.number(), time.minute.number());
        }
        s
    }
}

/// A language's Gregorian formatter for one (dateStyle, timeStyle) pair.
struct DateFormatter(FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>);

impl Memoizable for DateFormatter {
    type Args = (Option<DateStyle>, Option<TimeStyle>);
    type Error = String;

    fn construct(lang: LanguageIdentifier, (date, time): Self::Args) -> Result<Self, Self::Error> {
        let locale = to_locale(&lang);
        // Without data for the language, root's words would show ("2022 M12 17, Sat"):
        // print the date as ISO numbers instead ("2022-12-17"), root's short form.
        let known = has_locale_data(&locale);
        let mut fields = FieldSetBuilder::new();
        fields.length = Some(match date {
            _ if !known => Length::Short,
            Some(DateStyle::Full | DateStyle::Long) => Length::Long,
            Some(DateStyle::Medium) => Length::Medium,
            Some(DateStyle::Short) => Length::Short,
            // A time alone: the length only picks its pattern, and Medium is the usual one.
            None => Length::Medium,
        });
        fields.date_fields = date.map(|style| match style {
            DateStyle::Full if known => DateFields::YMDE,
            _ => DateFields::YMD,
        });
        fields.time_precision = time.map(|style| match style {
            TimeStyle::Short => TimePrecision::Minute,
            TimeStyle::Medium => TimePrecision::Second,
        });
        let field_set = fields.build_composite_datetime().map_err(|e| e.to_string())?;
        FixedCalendarDateTimeFormatter::try_new(DateTimeFormatterPreferences::from(&locale), field_set)
            .map(DateFormatter)
            .map_err(|e| e.to_string())
    }
}

/// `DATETIME($d, dateStyle: "full"|"long"|"medium"|"short", timeStyle: "short"|"medium")`.
/// With neither style: `dateStyle: "long"` (`timeStyle: "short"` for a time alone). With
/// only `timeStyle`: the time alone.
fn datetime<'a>(
    lang: &LanguageIdentifier,
    positional: &[FluentValue<'a>],
    named: &FluentArgs,
) -> FluentValue<'a> {
    const FORMS: &str = "write it as YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS";
    let text = match positional.first() {
        Some(FluentValue::String(s)) => s,
        Some(other) => {
            record(format!("DATETIME(): {} is not a date ({FORMS})", describe(other)));
            return FluentValue::Error;
        }
        None => {
            record("DATETIME() needs a date, e.g. DATETIME($date)".to_owned());
            return FluentValue::Error;
        }
    };
    let Some((date, time)) = parse_iso(text) else {
        record(format!("DATETIME(): `{text}` is not a date ({FORMS})"));
        return FluentValue::Error;
    };
    let (mut date_style, mut time_style) = (None, None);
    for (key, option) in named.iter() {
        let value = match option {
            FluentValue::String(s) => s.as_ref(),
            _ => "",
        };
        match key {
            "dateStyle" => match value {
                "full" => date_style = Some(DateStyle::Full),
                "long" => date_style = Some(DateStyle::Long),
                "medium" => date_style = Some(DateStyle::Medium),
                "short" => date_style = Some(DateStyle::Short),
                _ => record(format!(
                    "DATETIME(): dateStyle must be \"full\", \"long\", \"medium\" or \"short\", not {}",
                    describe(option)
                )),
            },
            "timeStyle" => match value {
                "short" => time_style = Some(TimeStyle::Short),
                // ECMA-402's "long" and "full" add a time zone, which these times do not have.
                "medium" | "long" | "full" => time_style = Some(TimeStyle::Medium),
                _ => record(format!(
                    "DATETIME(): timeStyle must be \"short\" or \"medium\", not {}",
                    describe(option)
                )),
            },
            _ => {} // unknown options are ignored, as NUMBER() does
        }
    }
    if date_style.is_none() && time_style.is_none() {
        if date.is_some() { date_style = Some(DateStyle::Long) } else { time_style = Some(TimeStyle::Short) }
    }
    if date_style.is_some() && date.is_none() {
        record(format!("DATETIME(): `{text}` has no date to print with dateStyle"));
        return FluentValue::Error;
    }
    if time_style.is_some() && time.is_none() {
        record(format!(
            "DATETIME(): `{text}` has no time of day to print with timeStyle (write YYYY-MM-DDTHH:MM)"
        ));
        return FluentValue::Error;
    }
    // The formatter prints only the fields its styles ask for; the others may be anything.
    let date = date.unwrap_or_else(|| Date::try_new_gregorian(2000, 1, 1).unwrap_or_else(|_| unreachable!()));
    let value = DateTime { date, time: time.unwrap_or_else(Time::start_of_day) };
    FluentValue::Custom(Box::new(FluentDateTime { lang: lang.clone(), value, date_style, time_style }))
}

/// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS` (a space may stand for the
/// `T`) or a time alone, `HH:MM[:SS]`. A fraction of a second and a UTC offset (`Z`,
/// `+01:00`), as TOML may write them, are accepted and dropped: the time prints as written.
fn parse_iso(text: &str) -> Option<(Option<Date<Gregorian>>, Option<Time>)> {
    let text = text.trim();
    let (date, time) = if text.len() > 2 && text.as_bytes()[2] == b':' {
        (None, Some(text))
    } else {
        match text.find(['T', 't', ' ']) {
            Some(i) => (Some(&text[..i]), Some(&text[i + 1..])),
            None => (Some(text), None),
        }
    };
    let date = match date {
        None => None,
        Some(date) => {
            let mut parts = date.split('-');
            let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            Some(
                Date::try_new_gregorian(
                    digits(year, 4)? as i32,
                    digits(month, 2)? as u8,
                    digits(day, 2)? as u8,
                )
                .ok()?,
            )
        }
    };
    let time = match time {
        None => None,
        Some(time) => {
            let time = time.strip_suffix(['Z', 'z']).unwrap_or(time);
            let time = match time.find(['+', '-']) {
                Some(i) if i >= 5 => &time[..i],
                _ => time,
            };
            let time = time.split_once('.').map_or(time, |(whole, _)| whole);
            let mut parts = time.split(':');
            let (hour, minute, second) = (parts.next()?, parts.next()?, parts.next());
            if parts.next().is_some() {
                return None;
            }
            let second = match second {
                Some(s) => digits(s, 2)? as u8,
                None => 0,
            };
            Some(Time::try_new(digits(hour, 2)? as u8, digits(minute, 2)? as u8, second, 0).ok()?)
        }
    };
    Some((date, time))
}

/// `s` as a number if it is exactly `len` ASCII digits.
fn digits(s: &str, len: usize) -> Option<u32> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None }
}

/// The ICU4X locale for a Fluent language tag (root, `und`, if ICU4X cannot read it).
fn to_locale(lang: &LanguageIdentifier) -> Locale {
    Locale::try_from_str(&lang.to_string()).unwrap_or(Locale::UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FTL: &str = r#"
n = { $n }
fixed = { NUMBER($n, minimumFractionDigits: 2, maximumFractionDigits: 2) }
no-grouping = { NUMBER($n, useGrouping: "false") }
grouping = { NUMBER($n, useGrouping: "always") }
significant = { NUMBER($n, maximumSignificantDigits: 3) }
unknown-options = { NUMBER($n, style: "percent", colour: "red") }
literal = { 1.50 }
plural = { $n ->
    [one] one: { $n }
    [few] few: { $n }
   *[other] other: { $n }
}
default = { DATETIME($d) }
full = { DATETIME($d, dateStyle: "full") }
long = { DATETIME($d, dateStyle: "long") }
medium = { DATETIME($d, dateStyle: "medium") }
short = { DATETIME($d, dateStyle: "short") }
time = { DATETIME($d, timeStyle: "short") }
seconds = { DATETIME($d, timeStyle: "medium") }
both = { DATETIME($d, dateStyle: "long", timeStyle: "short") }
"#;

    fn bundle(tag: &str) -> FluentBundle<FluentResource> {
        let lang: LanguageIdentifier = tag.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![lang.clone()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(FluentResource::try_new(FTL.to_owned()).unwrap()).unwrap();
        install(&mut bundle, &lang);
        bundle
    }

    /// Message `id` of a `tag` bundle with `$name` = `value`, checking that nothing failed.
    fn format(tag: &str, id: &str, name: &str, value: FluentValue) -> String {
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

    fn number(tag: &str, id: &str, n: f64) -> String {
        format(tag, id, "n", FluentValue::from(n))
    }

    fn date(tag: &str, id: &str, d: &str) -> String {
        format(tag, id, "d", FluentValue::from(d))
    }

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

    #[test]
    fn english_dates() {
        let d = "2022-12-17T14:00";
        assert_eq!(date("en", "default", d), "December 17, 2022");
        assert_eq!(date("en", "full", d), "Saturday, December 17, 2022");
        assert_eq!(date("en", "long", d), "December 17, 2022");
        assert_eq!(date("en", "medium", d), "Dec 17, 2022");
        assert_eq!(date("en", "short", d), "12/17/22");
        assert_eq!(date("en", "time", d), "2:00\u{202f}PM");
        assert_eq!(date("en", "seconds", "2022-12-17T09:05:30"), "9:05:30\u{202f}AM");
        assert_eq!(date("en", "both", d), "December 17, 2022 at 2:00\u{202f}PM");
        assert_eq!(date("en", "default", "2022-12-17"), "December 17, 2022");
        assert_eq!(date("en-GB", "full", d), "Saturday, 17 December 2022");
        assert_eq!(date("en-GB", "time", d), "14:00");
    }

    #[test]
    fn spanish_dates() {
        let d = "2022-12-17T14:00";
        assert_eq!(date("es", "default", d), "17 de diciembre de 2022");
        assert_eq!(date("es", "full", d), "sábado, 17 de diciembre de 2022");
        assert_eq!(date("es", "long", d), "17 de diciembre de 2022");
        assert_eq!(date("es", "medium", d), "17 dic 2022");
        assert_eq!(date("es", "short", d), "17/12/22");
        assert_eq!(date("es", "time", d), "14:00");
        assert_eq!(date("es", "both", d), "17 de diciembre de 2022 a las 14:00");
        // A time alone, as TOML's local times arrive.
        assert_eq!(date("es", "time", "14:00:00"), "14:00");
    }

    #[test]
    fn portuguese_dates() {
        let d = "2022-12-17T14:00";
        assert_eq!(date("pt", "full", d), "sábado, 17 de dezembro de 2022");
        assert_eq!(date("pt", "long", d), "17 de dezembro de 2022");
        assert_eq!(date("pt", "medium", d), "17 de dez. de 2022");
        assert_eq!(date("pt", "short", d), "17/12/2022");
        assert_eq!(date("pt", "time", d), "14:00");
        // ICU4X's full date for Portugal keeps a numeric month.
        assert_eq!(date("pt-PT", "full", d), "sábado, 17/12/2022");
    }

    #[test]
    fn arabic_dates() {
        let d = "2022-12-17T14:00";
        assert_eq!(date("ar", "full", d), "السبت، 17 ديسمبر 2022");
        assert_eq!(date("ar", "long", d), "17 ديسمبر 2022");
        assert_eq!(date("ar", "short", d), "17\u{200f}/12\u{200f}/2022");
        assert_eq!(date("ar", "time", d), "2:00 م");
        assert_eq!(date("ar-EG", "full", d), "السبت، ١٧ ديسمبر ٢٠٢٢");
        assert_eq!(date("ar-EG", "long", d), "١٧ ديسمبر ٢٠٢٢");
        assert_eq!(date("ar-EG", "short", d), "١٧\u{200f}/١٢\u{200f}/٢٠٢٢");
        assert_eq!(date("ar-EG", "time", d), "٢:٠٠ م");
        assert_eq!(date("ar-MA", "long", d), "17 دجنبر 2022");
        assert_eq!(date("ar-MA", "time", d), "14:00");
    }

    #[test]
    fn a_language_without_data_gets_root_rules() {
        assert!(!has_number_data(&"tlh".parse().unwrap()));
        assert_eq!(number("tlh", "n", 12500.5), "12,500.5");
        assert_eq!(date("tlh", "full", "2022-12-17T14:00"), "2022-12-17");
        assert_eq!(date("tlh", "both", "2022-12-17T14:00"), "2022-12-17 14:00");
    }

    /// Fluent records nothing when a function returns an error and prints its name instead;
    /// `take_errors` says what went wrong.
    fn failure(id: &str, d: &str) -> (String, Vec<String>) {
        let bundle = bundle("en");
        let mut args = FluentArgs::new();
        args.set("d", FluentValue::from(d));
        let mut errors = vec![];
        let text =
            bundle.format_pattern(bundle.get_message(id).unwrap().value().unwrap(), Some(&args), &mut errors);
        assert!(errors.is_empty());
        (text.into_owned(), take_errors())
    }

    #[test]
    fn a_bad_date_is_an_error() {
        let (text, errors) = failure("long", "2022-02-30");
        assert_eq!(text, "DATETIME()");
        assert_eq!(
            errors,
            [
                "DATETIME(): `2022-02-30` is not a date (write it as YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)"
            ]
        );
        for bad in ["next week", "17/12/2022", "2022-12-17T25:00", "22-12-17", ""] {
            let (text, errors) = failure("long", bad);
            assert_eq!((text.as_str(), errors.len()), ("DATETIME()", 1), "{bad:?}");
        }
        let (text, errors) = failure("time", "2022-12-17");
        assert_eq!(text, "DATETIME()");
        assert!(errors[0].contains("has no time of day"), "{errors:?}");
        let (_, errors) = failure("long", "14:00");
        assert!(errors[0].contains("has no date"), "{errors:?}");
    }

    #[test]
    fn iso_forms_that_are_read() {
        let t = |s| {
            parse_iso(s).map(|(date, time)| {
                (date.is_some(), time.map(|t| (t.hour.number(), t.minute.number(), t.second.number())))
            })
        };
        assert_eq!(t("2022-12-17"), Some((true, None)));
        assert_eq!(t("2022-12-17T14:00"), Some((true, Some((14, 0, 0)))));
        assert_eq!(t("2022-12-17 14:00:30"), Some((true, Some((14, 0, 30)))));
        assert_eq!(t("2022-12-17T14:00:30.5+01:00"), Some((true, Some((14, 0, 30)))));
        assert_eq!(t("2022-12-17T14:00:30Z"), Some((true, Some((14, 0, 30)))));
        assert_eq!(t("14:00"), Some((false, Some((14, 0, 0)))));
        assert_eq!(t("2022-13-01"), None);
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
