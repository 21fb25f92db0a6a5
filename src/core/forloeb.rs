//! A forløb: one person's course over weeks, under a pseudonymous label. Sessions point to
//! their forløb by id; the forløb itself holds the label and the MSB-log.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::session::id_salt;

pub const FORLOEB_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forloeb {
    pub format: u32,
    pub id: String,
    /// A pseudonym or initials; never a CPR number.
    pub label: String,
    pub created: DateTime<FixedOffset>,
    /// The MSB-log: who communicated with whom, and what was agreed.
    #[serde(default)]
    pub log: Vec<LogEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    pub date: NaiveDate,
    pub who: String,
    pub with_whom: String,
    pub agreed: String,
    /// When the entry was written; entries are never changed afterwards.
    pub written: DateTime<FixedOffset>,
}

/// Why a label is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelError {
    Empty,
    /// Looks like a CPR number (ddmmyy-xxxx).
    Cpr,
}

/// Checks a forløb label: not empty, and nothing that looks like a CPR number.
pub fn check_label(label: &str) -> Result<String, LabelError> {
    let label = label.trim();
    if label.is_empty() {
        return Err(LabelError::Empty);
    }
    let digits: Vec<char> = label
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let has_cpr = digits
        .windows(10)
        .any(|w| w.iter().all(char::is_ascii_digit));
    if has_cpr {
        return Err(LabelError::Cpr);
    }
    Ok(label.to_string())
}

/// Whether a session made at `created` and last changed at `updated` is among a day's
/// sessions (in the day's note for the record): made that day, or changed that day.
pub fn is_of_day(
    created: DateTime<FixedOffset>,
    updated: DateTime<FixedOffset>,
    day: NaiveDate,
) -> bool {
    created.date_naive() == day || updated.date_naive() == day
}

impl Forloeb {
    pub fn new(label: String, now: DateTime<FixedOffset>) -> Forloeb {
        Forloeb {
            format: FORLOEB_FORMAT,
            id: format!("{}-{:04x}", now.format("%Y%m%d-%H%M%S"), id_salt(now)),
            label,
            created: now,
            log: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_look_like_cpr_numbers_are_refused() {
        assert_eq!(check_label("  AB, lager "), Ok("AB, lager".into()));
        assert_eq!(check_label("010203-1234"), Err(LabelError::Cpr));
        assert_eq!(check_label("Patient 0102031234"), Err(LabelError::Cpr));
        assert_eq!(check_label("0102 03 1234"), Err(LabelError::Cpr));
        assert_eq!(check_label("Hold 2026-11"), Ok("Hold 2026-11".into()));
        assert_eq!(check_label("   "), Err(LabelError::Empty));
    }
}
