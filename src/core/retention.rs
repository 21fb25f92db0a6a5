//! Retention: which courses and sessions have been left untouched long enough to be offered
//! for deletion (GDPR: personal data is kept no longer than needed).

use chrono::{DateTime, FixedOffset, Months};

/// How long something may lie untouched: days, months or years ("30d", "12m", "2y").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(u32),
    Months(u32),
    Years(u32),
}

/// Why a period was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPeriod(pub String);

impl Period {
    /// The default: a year.
    pub const DEFAULT: Period = Period::Months(12);

    /// Reads "30d", "12m" or "2y" (a number alone is months).
    pub fn parse(text: &str) -> Result<Period, BadPeriod> {
        let text = text.trim();
        let digits = text.trim_end_matches(|c: char| c.is_alphabetic());
        let unit = &text[digits.len()..];
        let n: u32 = digits
            .trim()
            .parse()
            .map_err(|_| BadPeriod(text.to_string()))?;
        match unit {
            "d" => Ok(Period::Days(n)),
            "" | "m" => Ok(Period::Months(n)),
            "y" | "å" => Ok(Period::Years(n)),
            _ => Err(BadPeriod(text.to_string())),
        }
    }

    /// The moment this long before `now`: whatever was last touched before it is due.
    pub fn before(self, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        let earlier = match self {
            Period::Days(n) => now.checked_sub_signed(chrono::Duration::days(i64::from(n))),
            Period::Months(n) => now.checked_sub_months(Months::new(n)),
            Period::Years(n) => now.checked_sub_months(Months::new(n.saturating_mul(12))),
        };
        earlier.unwrap_or(DateTime::<FixedOffset>::MIN_UTC.fixed_offset())
    }
}

/// A session as retention sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session<'a> {
    pub id: &'a str,
    /// Its forløb's id, or empty.
    pub forloeb: &'a str,
    pub updated: DateTime<FixedOffset>,
    /// Its course was closed (the agreement's closing date is answered).
    pub closed: bool,
}

/// A forløb as retention sees it: when it was last written to (made, or a note in its
/// MSB-log).
#[derive(Debug, Clone, PartialEq)]
pub struct Course<'a> {
    pub id: &'a str,
    pub touched: DateTime<FixedOffset>,
}

/// What is offered for deletion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offer {
    /// Forløb whose agreement is closed and which, with all their sessions, were untouched
    /// since the cut-off: each goes with its sessions.
    pub forloeb: Vec<String>,
    /// Sessions outside any forløb untouched since the cut-off.
    pub sessions: Vec<String>,
}

impl Offer {
    pub fn is_empty(&self) -> bool {
        self.forloeb.is_empty() && self.sessions.is_empty()
    }
}

/// The courses and loose sessions untouched since `cutoff`. A course still open (its
/// agreement not closed) is kept however old: it may be taken up again.
pub fn offer(
    sessions: &[Session<'_>],
    courses: &[Course<'_>],
    cutoff: DateTime<FixedOffset>,
) -> Offer {
    let mut offer = Offer::default();
    for course in courses {
        let own: Vec<&Session> = sessions.iter().filter(|s| s.forloeb == course.id).collect();
        let due = !own.is_empty()
            && own.iter().any(|s| s.closed)
            && own.iter().all(|s| s.updated < cutoff)
            && course.touched < cutoff;
        if due {
            offer.forloeb.push(course.id.to_string());
        }
    }
    let known = |id: &str| courses.iter().any(|c| c.id == id);
    offer.sessions = sessions
        .iter()
        .filter(|s| !known(s.forloeb) && s.updated < cutoff)
        .map(|s| s.id.to_string())
        .collect();
    offer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("{text}T10:00:00+01:00")).unwrap()
    }

    #[test]
    fn periods() {
        assert_eq!(Period::parse("12m"), Ok(Period::Months(12)));
        assert_eq!(Period::parse("30d"), Ok(Period::Days(30)));
        assert_eq!(Period::parse("2y"), Ok(Period::Years(2)));
        assert_eq!(Period::parse("6"), Ok(Period::Months(6)));
        assert!(Period::parse("tolv").is_err());
        assert!(Period::parse("12w").is_err());
        assert_eq!(
            Period::Months(12).before(at("2026-11-23")),
            at("2025-11-23")
        );
        assert_eq!(Period::Days(2).before(at("2026-11-23")), at("2026-11-21"));
    }

    #[test]
    fn closed_courses_and_loose_sessions_untouched_since_the_cutoff() {
        let cutoff = at("2025-11-23");
        let sessions = [
            Session {
                id: "a1",
                forloeb: "a",
                updated: at("2025-01-01"),
                closed: true,
            },
            Session {
                id: "a2",
                forloeb: "a",
                updated: at("2025-02-01"),
                closed: false,
            },
            // Closed, but one session was touched since.
            Session {
                id: "b1",
                forloeb: "b",
                updated: at("2025-01-01"),
                closed: true,
            },
            Session {
                id: "b2",
                forloeb: "b",
                updated: at("2026-01-01"),
                closed: false,
            },
            // Old but still open: kept.
            Session {
                id: "c1",
                forloeb: "c",
                updated: at("2024-01-01"),
                closed: false,
            },
            Session {
                id: "loose-old",
                forloeb: "",
                updated: at("2024-06-01"),
                closed: false,
            },
            Session {
                id: "loose-new",
                forloeb: "",
                updated: at("2026-06-01"),
                closed: false,
            },
        ];
        let courses = [
            Course {
                id: "a",
                touched: at("2024-12-01"),
            },
            Course {
                id: "b",
                touched: at("2024-12-01"),
            },
            Course {
                id: "c",
                touched: at("2023-12-01"),
            },
        ];
        let offer = offer(&sessions, &courses, cutoff);
        assert_eq!(offer.forloeb, vec!["a".to_string()]);
        assert_eq!(offer.sessions, vec!["loose-old".to_string()]);
        // A note in the MSB-log since the cut-off keeps a course.
        let noted = [Course {
            id: "a",
            touched: at("2026-01-01"),
        }];
        assert!(
            super::offer(&sessions[..2], &noted, cutoff)
                .forloeb
                .is_empty()
        );
    }
}
