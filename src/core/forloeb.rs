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
        assert_eq!(check_label("01.01.90-1234"), Err(LabelError::Cpr));
        assert_eq!(check_label("01/01/90"), Err(LabelError::Cpr));
        assert_eq!(check_label("Karsten Jensen 01/01/90"), Err(LabelError::Cpr));
        assert_eq!(check_label("Hold 2026-11"), Ok("Hold 2026-11".into()));
        assert_eq!(check_label("   "), Err(LabelError::Empty));
    }
}
