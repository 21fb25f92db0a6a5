//! A forløb: one person's course over weeks, under a pseudonymous label. Sessions point to
//! their forløb by id; the forløb itself holds the label and the MSB-log.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::privacy;
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
    /// Holds a CPR number, in any form, or a date of birth (its first six digits).
    Cpr,
}

/// Checks a label (of a forløb or a session): not empty, and no CPR number or date of
/// birth in any form ([`privacy::find_cpr`]).
pub fn check_label(label: &str) -> Result<String, LabelError> {
    let label = label.trim();
    if label.is_empty() {
        return Err(LabelError::Empty);
    }
    if !privacy::find_cpr(label).is_empty() {
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
    /// Whether `name` (given on the command line) names this forløb: its id, or its label
    /// in any case.
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim();
        self.id == name || self.label.trim().to_lowercase() == name.to_lowercase()
    }

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
        assert_eq!(check_label("01.01.90-1234"), Err(LabelError::Cpr));
        assert_eq!(check_label("01/01/90"), Err(LabelError::Cpr));
        assert_eq!(check_label("Karsten Jensen 01/01/90"), Err(LabelError::Cpr));
        assert_eq!(check_label("Hold 2026-11"), Ok("Hold 2026-11".into()));
        assert_eq!(check_label("   "), Err(LabelError::Empty));
    }

    #[test]
    fn a_forloeb_answers_to_its_id_and_its_label_in_any_case() {
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
        let forloeb = Forloeb::new("KH lager".into(), now);
        assert!(forloeb.answers_to(&forloeb.id.clone()));
        assert!(forloeb.answers_to(" kh LAGER "));
        assert!(!forloeb.answers_to("KH"));
    }

    #[test]
    fn a_session_is_of_the_day_it_was_made_or_changed() {
        let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let (made, changed) = (
            at("2026-11-16T10:00:00+01:00"),
            at("2026-11-23T23:30:00+01:00"),
        );
        assert!(is_of_day(made, changed, day(16)));
        assert!(is_of_day(made, changed, day(23)));
        assert!(!is_of_day(made, changed, day(20)));
    }
}
