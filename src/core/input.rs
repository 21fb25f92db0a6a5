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

/// Accepts dd-mm-yyyy with `-`, `.` or `/` (day and month may have one digit) and the ISO
/// form yyyy-mm-dd.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    let parts: Vec<&str> = text.trim().split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(InputError::NotADate);
    };
    let number = |s: &str| -> Result<u32, InputError> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InputError::NotADate);
        }
        s.parse().map_err(|_| InputError::NotADate)
    };
    let (day, month, year) = if a.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else if c.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else {
        return Err(InputError::NotADate);
    };
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return Err(InputError::NoSuchDate {
            day,
            month,
            year: year as i32,
        });
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(InputError::NoSuchDate {
        day,
        month,
        year: year as i32,
    })
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

    #[test]
    fn dates_in_danish_and_iso_form() {
        assert_eq!(parse_date("24-11-2026"), Ok(date(2026, 11, 24)));
        assert_eq!(parse_date(" 1.2.2026 "), Ok(date(2026, 2, 1)));
        assert_eq!(parse_date("29/02/2028"), Ok(date(2028, 2, 29)));
        assert_eq!(parse_date("2026-11-24"), Ok(date(2026, 11, 24)));
    }

    #[test]
    fn impossible_dates_and_words_are_refused() {
        assert_eq!(
            parse_date("31-02-2026"),
            Err(InputError::NoSuchDate {
                day: 31,
                month: 2,
                year: 2026
            })
        );
        assert_eq!(
            parse_date("29-02-2026"),
            Err(InputError::NoSuchDate {
                day: 29,
                month: 2,
                year: 2026
            })
        );
        assert_eq!(
            parse_date("12-13-2026").unwrap_err(),
            InputError::NoSuchDate {
                day: 12,
                month: 13,
                year: 2026
            }
        );
        assert_eq!(parse_date("i morgen"), Err(InputError::NotADate));
        assert_eq!(parse_date("24-11-26"), Err(InputError::NotADate));
        assert_eq!(parse_date("24-11"), Err(InputError::NotADate));
        assert_eq!(parse_date("+1-+1-2026"), Err(InputError::NotADate));
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
}
