//! `DATETIME()`: an ISO date or time in the language's words and order (ICU4X's date
//! formatter), "sábado, 17 de diciembre de 2022".
//!
//! - `DATETIME($d, dateStyle: ..., timeStyle: ...)` takes an ISO string (`2022-12-17`,
//!   `2022-12-17T14:00`, `2022-12-17T14:00:30`, or a time alone, `14:00`) and prints it in
//!   the language's words and order, always in the Gregorian calendar: the calendar the
//!   leaflet's dates are written in (a browser would switch to the Buddhist calendar for `th`
//!   or the Persian one for `fa`; we do not).
//!
//! Knows Fluent's custom values and ICU4X; nothing of numbers, the leaflet or layout.

use std::borrow::Cow;

use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu_datetime::fieldsets::enums::CompositeDateTimeFieldSet;
use icu_datetime::input::{DateTime, Time};
use icu_datetime::options::{Length, TimePrecision};
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter};
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

use super::{describe, has_locale_data, record, to_locale};

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

/// What `DATETIME()` returns, and what a TOML date in `[args]` arrives as: a parsed date
/// and time, formatted when Fluent writes it out (through the bundle's memoizer, so one
/// formatter per language and style). The language is the bundle's, so one value serves
/// every column.
#[derive(Clone, Debug, PartialEq)]
struct FluentDateTime {
    value: DateTime<Gregorian>,
    /// Which parts the value was written with (the others in `value` are placeholders).
    has_date: bool,
    has_time: bool,
    date_style: Option<DateStyle>,
    time_style: Option<TimeStyle>,
}

/// The language of a memoizer, which hands it to what it constructs: how the thread-safe
/// path learns the bundle's language.
struct Lang(LanguageIdentifier);

impl Memoizable for Lang {
    type Args = ();
    type Error = std::convert::Infallible;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, Self::Error> {
        Ok(Lang(lang))
    }
}

/// A TOML date, time or date-time from `[args]` (in the ISO form TOML writes), printed
/// where a message uses it without `DATETIME()` in the language's default style: the long
/// date ("December 17, 2022", "17 de diciembre de 2022"), the short time ("2:00 PM"), or
/// both ("December 17, 2022 at 2:00 PM"). `DATETIME()` takes it as it takes an ISO string.
/// `None` if it is not in a form `DATETIME()` reads.
pub fn toml_date(iso: &str) -> Option<FluentValue<'static>> {
    let (date, time) = parse_iso(iso)?;
    let date_style = date.is_some().then_some(DateStyle::Long);
    let time_style = time.is_some().then_some(TimeStyle::Short);
    Some(FluentValue::Custom(Box::new(FluentDateTime::new(date, time, date_style, time_style))))
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

    fn as_string_threadsafe(&self, intls: &intl_memoizer::concurrent::IntlLangMemoizer) -> Cow<'static, str> {
        // ICU4X's formatters are not `Sync` (without icu_provider's `sync` feature), so the
        // concurrent memoizer cannot keep one; build it for this one value.
        let Ok(lang) = intls.with_try_get::<Lang, _, _>((), |lang| lang.0.clone());
        match DateFormatter::construct(lang, (self.date_style, self.time_style)) {
            Ok(formatter) => formatter.0.format(&self.value).to_string().into(),
            Err(_) => self.iso().into(),
        }
    }
}

impl FluentDateTime {
    fn new(
        date: Option<Date<Gregorian>>,
        time: Option<Time>,
        date_style: Option<DateStyle>,
        time_style: Option<TimeStyle>,
    ) -> FluentDateTime {
        // The formatter prints only the fields its styles ask for; the others may be anything.
        let placeholder = || Date::try_new_gregorian(2000, 1, 1).unwrap_or_else(|_| unreachable!());
        let value = DateTime {
            date: date.unwrap_or_else(placeholder),
            time: time.unwrap_or_else(Time::start_of_day),
        };
        FluentDateTime { value, has_date: date.is_some(), has_time: time.is_some(), date_style, time_style }
    }

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
pub(super) fn datetime<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    const FORMS: &str = "write it as YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS";
    let (text, date, time) = match positional.first() {
        Some(FluentValue::String(s)) => match parse_iso(s) {
            Some((date, time)) => (s.to_string(), date, time),
            None => {
                record(format!("DATETIME(): `{s}` is not a date ({FORMS})"));
                return FluentValue::Error;
            }
        },
        // A TOML date from [args] (see `toml_date`).
        Some(FluentValue::Custom(c)) if c.as_any().downcast_ref::<FluentDateTime>().is_some() => {
            let Some(d) = c.as_any().downcast_ref::<FluentDateTime>() else { unreachable!() };
            let date = d.has_date.then_some(d.value.date);
            let time = d.has_time.then_some(d.value.time);
            let whole = FluentDateTime {
                date_style: date.map(|_| DateStyle::Short),
                time_style: time.map(|_| TimeStyle::Medium),
                ..d.clone()
            };
            (whole.iso(), date, time)
        }
        Some(other) => {
            record(format!("DATETIME(): {} is not a date ({FORMS})", describe(other)));
            return FluentValue::Error;
        }
        None => {
            record("DATETIME() needs a date, e.g. DATETIME($date)".to_owned());
            return FluentValue::Error;
        }
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
    FluentValue::Custom(Box::new(FluentDateTime::new(date, time, date_style, time_style)))
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

#[cfg(test)]
mod tests {
    use super::super::take_errors;
    use super::super::tests::{bundle, date};
    use super::*;

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

    /// A TOML date from [args] printed without DATETIME() used to come out raw
    /// ("2022-12-17"); it prints in the language's default style, and DATETIME() takes it
    /// as it takes an ISO string.
    #[test]
    fn toml_dates_print_in_each_language_without_datetime() {
        let toml = |tag: &str, id: &str, iso: &str| {
            super::super::tests::format(tag, id, "d", toml_date(iso).unwrap())
        };
        assert_eq!(toml("en", "plain", "2022-12-17"), "December 17, 2022");
        assert_eq!(toml("es", "plain", "2022-12-17"), "17 de diciembre de 2022");
        assert_eq!(toml("en", "plain", "2022-12-17T14:00:00"), "December 17, 2022 at 2:00\u{202f}PM");
        assert_eq!(toml("es", "plain", "2022-12-17T14:00:00"), "17 de diciembre de 2022 a las 14:00");
        assert_eq!(toml("en", "plain", "14:00:00"), "2:00\u{202f}PM");
        assert_eq!(toml("es", "plain", "14:00:00"), "14:00");
        assert_eq!(toml("en", "full", "2022-12-17"), "Saturday, December 17, 2022");
        assert_eq!(toml("es", "full", "2022-12-17T14:00:00"), "sábado, 17 de diciembre de 2022");
        assert_eq!(toml("es", "time", "2022-12-17T14:00:00"), "14:00");
        assert_eq!(toml("en", "default", "2022-12-17T14:00:00"), "December 17, 2022");
        assert!(toml_date("next week").is_none());
    }

    #[test]
    fn datetime_on_a_toml_date_checks_its_parts() {
        let bundle = bundle("en");
        let mut args = FluentArgs::new();
        args.set("d", toml_date("2022-12-17").unwrap());
        let mut errors = vec![];
        let pattern = bundle.get_message("time").unwrap().value().unwrap();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        assert_eq!(text, "DATETIME()");
        assert_eq!(
            take_errors(),
            ["DATETIME(): `2022-12-17` has no time of day to print with timeStyle (write YYYY-MM-DDTHH:MM)"]
        );
    }
}
