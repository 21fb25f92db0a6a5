//! Turning what a person types into answers: dates, numbers and week numbers. Every refusal
//! is an [`InputError`] the screen shows next to the field, while the typed text stays.

use chrono::{Datelike, NaiveDate, Weekday};

/// Why typed text was not accepted. The words are in `texts` (`Display for InputError`).
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    /// Not in a date form at all ("i morgen").
    NotADate,
    /// A date form, but no such day (31-02-2026).
    NoSuchDate {
        day: u32,
        month: u32,
        year: i32,
    },
    NotANumber,
    OutOfRange {
        min: f64,
        max: f64,
        unit: String,
    },
    NotAWeek,
    NoSuchWeek {
        week: u32,
        year: i32,
    },
    /// A date range whose end lies before its start.
    EndBeforeStart,
    /// A key that does not pick any of the options.
    NotAnOption {
        typed: String,
        options: Vec<String>,
    },
}

/// The words people type for a day near today, and how many days from today each is, in
/// Danish and in English whichever language the program speaks (a Danish GP may type
/// "i morgen" in the English interface, an English-speaking manager "tomorrow" in the
/// Danish one). They are what the parser accepts, not what the program says: the
/// program's own words are in `texts`.
const NAMED_DAYS: [(&str, i64); 15] = [
    ("i dag", 0),
    ("idag", 0),
    ("i morgen", 1),
    ("imorgen", 1),
    ("i overmorgen", 2),
    ("iovermorgen", 2),
    ("i går", -1),
    ("igår", -1),
    ("i forgårs", -2),
    ("iforgårs", -2),
    ("today", 0),
    ("tomorrow", 1),
    ("day after tomorrow", 2),
    ("yesterday", -1),
    ("day before yesterday", -2),
];

/// Weekdays, Monday first, as typed: the full name or its first three letters or more.
const WEEKDAY_NAMES: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
const ENGLISH_WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Months as typed: the full name or its first three letters or more ("4. jan 2027"),
/// and as a refused date names them (`Display for InputError` in `texts`).
pub const MONTH_NAMES: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
/// The same in English, for typing only (no three-letter start is another month's).
const ENGLISH_MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The most days or weeks a relative date may reach (`+3650`: ten years).
const MOST_DAYS_AWAY: i64 = 36_500;

/// A date as people type it, read against `today`:
///
/// - day, month and year with `-`, `.`, `/` or spaces between (`24-11-2026`, `4/1 2027`,
///   `4.1.27`, `4. jan 2027`), or the ISO form `2026-11-24`; a two-digit year is the one
///   nearest today (`27`: 2027);
/// - the digits alone: `04012027`, `040127`, `0401`;
/// - day and month without a year (`4-1`, `0401`): the nearest such date to today, so
///   `4-1` typed in November is January next year;
/// - days or weeks from today: `+14`, `+2u` (also `+2 uger`, `-3`);
/// - `i dag`, `i morgen`, `i overmorgen`, `i går`, `i forgårs` (or `today`, `tomorrow` …);
/// - a weekday (`mandag`, `tors`, `på fredag`, `friday`, `on thu`): the next such day
///   after today.
///
/// Month and weekday names and `d`/`u` units are read in Danish or English.
///
/// A form that names no day is [`InputError::NotADate`]; a day that does not exist
/// (31-02-2027) is [`InputError::NoSuchDate`].
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let typed = words.join(" ");
    if let Some(&(_, days)) = NAMED_DAYS.iter().find(|(name, _)| *name == typed) {
        return days_from(today, days);
    }
    let day_word = ["på ", "on "]
        .iter()
        .find_map(|on| typed.strip_prefix(on))
        .unwrap_or(&typed);
    if let Some(weekday) = weekday_named(day_word) {
        let ahead =
            (weekday.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
        return days_from(today, if ahead == 0 { 7 } else { i64::from(ahead) });
    }
    if let Some(rest) = typed.strip_prefix('+') {
        return relative(rest, today, 1);
    }
    if let Some(rest) = typed.strip_prefix('-') {
        return relative(rest, today, -1);
    }
    if !typed.is_empty() && typed.bytes().all(|b| b.is_ascii_digit()) {
        return run_of_digits(&typed, today);
    }
    let parts: Vec<&str> = typed
        .split(['-', '.', '/', ',', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 && is_digits(year, 4) => date(
            number(day, 2)?,
            number(month, 2)?,
            Year::Given(number(year, 4)? as i32),
            today,
        ),
        [day, month] => date(number(day, 2)?, month_of(month)?, Year::Nearest, today),
        [day, month, year] => date(number(day, 2)?, month_of(month)?, year_of(year)?, today),
        _ => Err(InputError::NotADate),
    }
}

/// The year of a typed date.
#[derive(Clone, Copy)]
enum Year {
    Given(i32),
    /// Two digits: the year ending so that is nearest today's.
    Short(u32),
    /// None: the year that puts the date nearest today.
    Nearest,
}

/// `today` moved by `days`.
fn days_from(today: NaiveDate, days: i64) -> Result<NaiveDate, InputError> {
    if days.abs() > MOST_DAYS_AWAY {
        return Err(InputError::NotADate);
    }
    today
        .checked_add_signed(chrono::TimeDelta::days(days))
        .ok_or(InputError::NotADate)
}

/// `14`, `2u`, `2 uger`, `3 dage` after a sign: days or weeks from today.
fn relative(rest: &str, today: NaiveDate, sign: i64) -> Result<NaiveDate, InputError> {
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return Err(InputError::NotADate);
    }
    let count: i64 = rest[..digits].parse().map_err(|_| InputError::NotADate)?;
    let days_per = match rest[digits..].trim_start() {
        "" | "d" | "dag" | "dage" | "day" | "days" => 1,
        "u" | "uge" | "uger" | "w" | "week" | "weeks" => 7,
        _ => return Err(InputError::NotADate),
    };
    days_from(today, sign * count * days_per)
}

/// Digits alone: `ddmmyyyy`, `ddmmyy` or `ddmm`.
fn run_of_digits(digits: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let (day, month, year) = (
        &digits[..digits.len().min(2)],
        digits.get(2..4),
        digits.get(4..),
    );
    let month = month.ok_or(InputError::NotADate)?;
    let year = match (digits.len(), year) {
        (4, _) => Year::Nearest,
        (6 | 8, Some(year)) => year_of(year)?,
        _ => return Err(InputError::NotADate),
    };
    date(number(day, 2)?, number(month, 2)?, year, today)
}

fn is_digits(text: &str, most: usize) -> bool {
    !text.is_empty() && text.len() <= most && text.bytes().all(|b| b.is_ascii_digit())
}

/// Up to `most` digits as a number.
fn number(text: &str, most: usize) -> Result<u32, InputError> {
    if !is_digits(text, most) {
        return Err(InputError::NotADate);
    }
    text.parse().map_err(|_| InputError::NotADate)
}

/// A month by its number or its name.
fn month_of(text: &str) -> Result<u32, InputError> {
    if is_digits(text, 2) {
        return number(text, 2);
    }
    named(&MONTH_NAMES, text)
        .or_else(|| named(&ENGLISH_MONTH_NAMES, text))
        .map(|i| i as u32 + 1)
        .ok_or(InputError::NotADate)
}

/// Four digits, or two (the year nearest today's).
fn year_of(text: &str) -> Result<Year, InputError> {
    match text.len() {
        4 => Ok(Year::Given(number(text, 4)? as i32)),
        2 => Ok(Year::Short(number(text, 2)?)),
        _ => Err(InputError::NotADate),
    }
}

/// The weekday a word names, if it names one.
fn weekday_named(text: &str) -> Option<Weekday> {
    named(&WEEKDAY_NAMES, text)
        .or_else(|| named(&ENGLISH_WEEKDAY_NAMES, text))
        .and_then(|i| u8::try_from(i).ok())
        .and_then(|i| Weekday::try_from(i).ok())
}

/// Which of `names` `text` is: the whole name, or its first three letters or more.
fn named(names: &[&str], text: &str) -> Option<usize> {
    if text.chars().count() < 3 {
        return None;
    }
    names.iter().position(|name| name.starts_with(text))
}

/// The date of a day and month in a year, refused with the day, month and year when there
/// is no such date.
fn date(day: u32, month: u32, year: Year, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let no_such = |year: i32| InputError::NoSuchDate { day, month, year };
    let this_year = today.year();
    let candidates: Vec<i32> = match year {
        Year::Given(year) => vec![year],
        Year::Short(short) => {
            let century = this_year - this_year.rem_euclid(100) + short as i32;
            let nearest = [century - 100, century, century + 100]
                .into_iter()
                .min_by_key(|y| ((y - this_year).abs(), -y))
                .unwrap_or(century);
            vec![nearest]
        }
        Year::Nearest => vec![this_year - 1, this_year, this_year + 1],
    };
    let shown_year = match year {
        Year::Nearest => this_year,
        _ => candidates.first().copied().unwrap_or(this_year),
    };
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return Err(no_such(shown_year));
    }
    candidates
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        // The nearest to today; of two as near, the later.
        .min_by_key(|d| ((*d - today).num_days().abs(), std::cmp::Reverse(*d)))
        .ok_or(no_such(shown_year))
}

/// Accepts a decimal comma or point; refuses values outside `min..=max`.
pub fn parse_number(text: &str, min: f64, max: f64, unit: &str) -> Result<f64, InputError> {
    let value: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| InputError::NotANumber)?;
    if !value.is_finite() {
        return Err(InputError::NotANumber);
    }
    if value < min || value > max {
        return Err(InputError::OutOfRange {
            min,
            max,
            unit: unit.to_string(),
        });
    }
    Ok(value)
}

/// An ISO week (Monday to Sunday), stored as `2026-W48`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    pub year: i32,
    pub week: u32,
}

impl Week {
    pub fn monday(self) -> NaiveDate {
        // The week was checked to exist when it was made.
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or_default()
    }

    /// The stored form, `2026-W48`.
    pub fn key(self) -> String {
        format!("{}-W{:02}", self.year, self.week)
    }

    /// Parses the stored form.
    pub fn from_key(key: &str) -> Option<Week> {
        let (year, week) = key.split_once("-W")?;
        let week = Week {
            year: year.parse().ok()?,
            week: week.parse().ok()?,
        };
        NaiveDate::from_isoywd_opt(week.year, week.week, Weekday::Mon).map(|_| week)
    }
}

/// Picks one of a field's options by what was typed: its number (`1` for the first), its
/// label in any case (`ved ikke`), or the start of exactly one label (`v`). The screen
/// passes one key; the line-by-line mode a whole line.
pub fn pick_option(typed: &str, labels: &[&str]) -> Result<usize, InputError> {
    let typed = typed.trim();
    let lower = typed.to_lowercase();
    let by_number = typed
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .filter(|&i| i < labels.len());
    let by_label = labels.iter().position(|l| l.to_lowercase() == lower);
    let starting: Vec<usize> = (0..labels.len())
        .filter(|&i| !lower.is_empty() && labels[i].to_lowercase().starts_with(&lower))
        .collect();
    let by_start = match starting.as_slice() {
        [only] => Some(*only),
        _ => None,
    };
    by_number
        .or(by_label)
        .or(by_start)
        .ok_or_else(|| InputError::NotAnOption {
            typed: typed.to_string(),
            options: labels.iter().map(|l| l.to_string()).collect(),
        })
}

/// Accepts `48` (the week in `today`'s ISO year), `48/2026`, `48 2026`, `uge 48` and
/// `2026-W48`.
pub fn parse_week(text: &str, today: NaiveDate) -> Result<Week, InputError> {
    let lower = text.trim().to_lowercase();
    let trimmed = lower.strip_prefix("uge").unwrap_or(&lower).trim();
    if let Some(week) = Week::from_key(&trimmed.to_uppercase()) {
        return Ok(week);
    }
    let mut parts = trimmed
        .split(['/', ' ', '-', '.'])
        .filter(|p| !p.is_empty());
    let week: u32 = parts
        .next()
        .and_then(|w| w.parse().ok())
        .ok_or(InputError::NotAWeek)?;
    let year: i32 = match parts.next() {
        Some(y) => y.parse().map_err(|_| InputError::NotAWeek)?,
        None => today.iso_week().year(),
    };
    if parts.next().is_some() {
        return Err(InputError::NotAWeek);
    }
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
        .map(|_| Week { year, week })
        .ok_or(InputError::NoSuchWeek { week, year })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Sunday 22 November 2026, the day the tests are read against.
    fn today() -> NaiveDate {
        date(2026, 11, 22)
    }

    fn parse(text: &str) -> Result<NaiveDate, InputError> {
        parse_date(text, today())
    }

    /// Each text reads as the date after it.
    fn reads(cases: &[(&str, NaiveDate)]) {
        for (text, expected) in cases {
            assert_eq!(parse(text), Ok(*expected), "{text:?}");
        }
    }

    #[test]
    fn dates_in_danish_and_iso_form() {
        reads(&[
            ("24-11-2026", date(2026, 11, 24)),
            (" 1.2.2026 ", date(2026, 2, 1)),
            ("29/02/2028", date(2028, 2, 29)),
            ("2026-11-24", date(2026, 11, 24)),
        ]);
    }

    #[test]
    fn dates_as_people_type_them() {
        let jan_4 = date(2027, 1, 4);
        reads(&[
            ("4/1 2027", jan_4),
            ("4.1.27", jan_4),
            ("04012027", jan_4),
            ("040127", jan_4),
            ("4. 1. 2027", jan_4),
            ("4. jan 2027", jan_4),
            ("4. Januar 2027", jan_4),
            ("2027 1 4", jan_4),
            ("24 nov", date(2026, 11, 24)),
            // A two-digit year is the one nearest today's.
            ("1.1.99", date(1999, 1, 1)),
            ("1.1.75", date(2075, 1, 1)),
        ]);
    }

    #[test]
    fn a_date_without_a_year_is_the_nearest_such_date() {
        // Typed in November: January is next year, October this year.
        assert_eq!(parse("4-1"), Ok(date(2027, 1, 4)));
        assert_eq!(parse("0401"), Ok(date(2027, 1, 4)));
        assert_eq!(parse("1/10"), Ok(date(2026, 10, 1)));
        assert_eq!(parse("22.11"), Ok(today()));
        // In July, 4-1 is nearer next year than this; 4-6 is this year.
        let july = date(2026, 7, 10);
        assert_eq!(parse_date("4-1", july), Ok(date(2027, 1, 4)));
        assert_eq!(parse_date("4-6", july), Ok(date(2026, 6, 4)));
        // 29 February in the nearest year that has one, or refused.
        assert_eq!(parse_date("29-2", date(2027, 11, 1)), Ok(date(2028, 2, 29)));
        assert_eq!(
            parse("29-2"),
            Err(InputError::NoSuchDate {
                day: 29,
                month: 2,
                year: 2026
            })
        );
    }

    #[test]
    fn days_and_weeks_from_today() {
        let dec_6 = date(2026, 12, 6);
        reads(&[
            ("+14", dec_6),
            ("+ 14", dec_6),
            ("+2u", dec_6),
            ("+2 uger", dec_6),
            ("+1 uge", date(2026, 11, 29)),
            ("+3 dage", date(2026, 11, 25)),
            ("+0", today()),
            ("-1", date(2026, 11, 21)),
            ("-1u", date(2026, 11, 15)),
        ]);
        for text in ["+2x", "+u", "+99999u", "-", "+1-+1-2026"] {
            assert_eq!(parse(text), Err(InputError::NotADate), "{text:?}");
        }
    }

    #[test]
    fn days_by_name() {
        reads(&[
            ("i dag", today()),
            ("I  Dag", today()),
            ("idag", today()),
            ("i morgen", date(2026, 11, 23)),
            ("i overmorgen", date(2026, 11, 24)),
            ("i går", date(2026, 11, 21)),
            ("i forgårs", date(2026, 11, 20)),
            // Today is a Sunday: the next Monday is tomorrow, the next Sunday a week away.
            ("mandag", date(2026, 11, 23)),
            ("på fredag", date(2026, 11, 27)),
            ("tors", date(2026, 11, 26)),
            ("Søndag", date(2026, 11, 29)),
        ]);
        // The same in English.
        reads(&[
            ("Today", today()),
            ("tomorrow", date(2026, 11, 23)),
            ("day after tomorrow", date(2026, 11, 24)),
            ("yesterday", date(2026, 11, 21)),
            ("day before yesterday", date(2026, 11, 20)),
            ("monday", date(2026, 11, 23)),
            ("on Friday", date(2026, 11, 27)),
            ("thu", date(2026, 11, 26)),
            ("Sunday", date(2026, 11, 29)),
            ("4 jan 2027", date(2027, 1, 4)),
            ("4 may 2027", date(2027, 5, 4)),
            ("4. oct 2027", date(2027, 10, 4)),
            ("+2 weeks", date(2026, 12, 6)),
            ("+3w", date(2026, 12, 13)),
            ("+1 day", date(2026, 11, 23)),
        ]);
        for text in [
            "ma",
            "mandage",
            "næste mandag",
            "mo",
            "mondays",
            "next monday",
        ] {
            assert_eq!(parse(text), Err(InputError::NotADate), "{text:?}");
        }
    }

    #[test]
    fn impossible_dates_and_words_are_refused() {
        for (text, day, month, year) in [
            ("31-02-2026", 31, 2, 2026),
            ("31-02-2027", 31, 2, 2027),
            ("29-02-2026", 29, 2, 2026),
            ("12-13-2026", 12, 13, 2026),
            ("31022027", 31, 2, 2027),
            ("31-4", 31, 4, 2026),
            ("0-1-2027", 0, 1, 2027),
        ] {
            let no_such = InputError::NoSuchDate { day, month, year };
            assert_eq!(parse(text), Err(no_such), "{text:?}");
        }
        for text in [
            "",
            "i",
            "næste uge",
            "24",
            "240",
            "24112",
            "2411202",
            "24-11-202",
            "24-11-20266",
            "2026-11",
            "1-2-3-4",
            "4/x 2027",
            "a.b.c",
            "4 mmm 2027",
        ] {
            assert_eq!(parse(text), Err(InputError::NotADate), "{text:?}");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Any day within ten years of today.
        fn near() -> impl Strategy<Value = NaiveDate> {
            (-3650i64..=3650).prop_map(|days| today() + chrono::TimeDelta::days(days))
        }

        /// Every way a date with its year can be typed.
        fn with_year(d: NaiveDate) -> Vec<String> {
            let (day, month, year) = (d.day(), d.month(), d.year());
            let short = year % 100;
            vec![
                d.format("%d-%m-%Y").to_string(),
                format!("{day}-{month}-{year}"),
                format!("{day}.{month}.{year}"),
                format!("{day}/{month}/{year}"),
                format!("{day}/{month} {year}"),
                format!("{day}. {month}. {year}"),
                format!("{day}.{month}.{short:02}"),
                format!("{day}-{month}-{short:02}"),
                d.format("%d%m%Y").to_string(),
                d.format("%d%m%y").to_string(),
                d.format("%Y-%m-%d").to_string(),
                format!("{day}. {} {year}", MONTH_NAMES[month as usize - 1]),
                format!("{day} {} {year}", &MONTH_NAMES[month as usize - 1][..3]),
            ]
        }

        proptest! {
            #[test]
            fn a_date_typed_in_any_form_reads_as_itself(d in near()) {
                for text in with_year(d) {
                    prop_assert_eq!(parse(&text), Ok(d), "{}", text);
                }
            }

            #[test]
            fn a_date_near_today_typed_without_its_year_reads_as_itself(
                days in -180i64..=180
            ) {
                let d = today() + chrono::TimeDelta::days(days);
                for text in [
                    format!("{}-{}", d.day(), d.month()),
                    format!("{}/{}", d.day(), d.month()),
                    format!("{}.{}", d.day(), d.month()),
                    d.format("%d%m").to_string(),
                ] {
                    prop_assert_eq!(parse(&text), Ok(d), "{}", text);
                }
            }

            #[test]
            fn days_and_weeks_from_any_day(from in near(), n in 0i64..=500) {
                let days = |n: i64| from + chrono::TimeDelta::days(n);
                prop_assert_eq!(parse_date(&format!("+{n}"), from), Ok(days(n)));
                prop_assert_eq!(parse_date(&format!("-{n}"), from), Ok(days(-n)));
                prop_assert_eq!(parse_date(&format!("+{n}u"), from), Ok(days(7 * n)));
                prop_assert_eq!(parse_date(&format!("+{n} uger"), from), Ok(days(7 * n)));
                prop_assert_eq!(parse_date("i morgen", from), Ok(days(1)));
            }

            #[test]
            fn a_weekday_is_the_next_such_day(from in near(), w in 0usize..7) {
                let d = parse_date(WEEKDAY_NAMES[w], from);
                prop_assert!(d.is_ok());
                let d = d.unwrap_or(from);
                prop_assert_eq!(d.weekday().num_days_from_monday() as usize, w);
                prop_assert!(d > from && (d - from).num_days() <= 7);
            }

            #[test]
            fn any_text_is_a_date_or_a_refusal_never_a_panic(text in "\\PC{0,24}") {
                let _ = parse(&text);
            }

            #[test]
            fn date_like_text_is_a_date_or_a_refusal_never_a_panic(
                text in "[0-9+\\-./ iumdagoernå]{0,16}"
            ) {
                let _ = parse(&text);
            }
        }
    }

    #[test]
    fn numbers_with_comma_and_bounds() {
        assert_eq!(parse_number("37,5", 0.0, 80.0, "timer"), Ok(37.5));
        assert_eq!(parse_number(" 20 ", 0.0, 80.0, "timer"), Ok(20.0));
        assert_eq!(
            parse_number("tyve", 0.0, 80.0, "timer"),
            Err(InputError::NotANumber)
        );
        assert_eq!(
            parse_number("NaN", 0.0, 80.0, "timer"),
            Err(InputError::NotANumber)
        );
        assert!(matches!(
            parse_number("81", 0.0, 80.0, "timer"),
            Err(InputError::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_number("-1", 0.0, 80.0, "timer"),
            Err(InputError::OutOfRange { .. })
        ));
    }

    #[test]
    fn weeks_default_to_the_current_iso_year() {
        let today = date(2026, 11, 22);
        assert_eq!(
            parse_week("48", today),
            Ok(Week {
                year: 2026,
                week: 48
            })
        );
        assert_eq!(
            parse_week("uge 2", today),
            Ok(Week {
                year: 2026,
                week: 2
            })
        );
        assert_eq!(
            parse_week("1/2027", today),
            Ok(Week {
                year: 2027,
                week: 1
            })
        );
        assert_eq!(
            parse_week("2026-W53", today),
            Ok(Week {
                year: 2026,
                week: 53
            })
        );
        assert_eq!(
            parse_week("53 2027", today),
            Err(InputError::NoSuchWeek {
                week: 53,
                year: 2027
            })
        );
        assert_eq!(parse_week("næste uge", today), Err(InputError::NotAWeek));
        // 1 January 2027 is a Friday: it belongs to ISO week 53 of 2026.
        assert_eq!(
            parse_week("53", date(2027, 1, 1)),
            Ok(Week {
                year: 2026,
                week: 53
            })
        );
        assert_eq!(
            Week {
                year: 2026,
                week: 53
            }
            .monday(),
            date(2026, 12, 28)
        );
        assert_eq!(
            Week::from_key("2026-W48"),
            Some(Week {
                year: 2026,
                week: 48
            })
        );
    }

    #[test]
    fn an_option_is_picked_by_number_label_or_the_start_of_one_label() {
        let labels = ["Ja", "Nej", "Ved ikke"];
        assert_eq!(pick_option("1", &labels), Ok(0));
        assert_eq!(pick_option(" 3 ", &labels), Ok(2));
        assert_eq!(pick_option("ved ikke", &labels), Ok(2));
        assert_eq!(pick_option("NEJ", &labels), Ok(1));
        assert_eq!(pick_option("v", &labels), Ok(2));
        // A whole label wins over the start of a longer one; a start shared is no pick.
        let shared = ["Ja", "Ja, delvist", "Nej"];
        assert_eq!(pick_option("ja", &shared), Ok(0));
        assert_eq!(pick_option("ja,", &shared), Ok(1));
        for refused in ["j", "4", "0", "", "måske"] {
            assert_eq!(
                pick_option(refused, &shared),
                Err(InputError::NotAnOption {
                    typed: refused.to_string(),
                    options: shared.iter().map(|l| l.to_string()).collect(),
                }),
                "{refused:?}"
            );
        }
    }
}
