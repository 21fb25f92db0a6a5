//! Follow-ups that are due: from the follow-up dates sessions hold, what is overdue and
//! what falls within the next week.

use chrono::{Datelike, NaiveDate};

/// How far ahead the start screen looks.
pub const DAYS_AHEAD: i64 = 7;

/// One follow-up date of one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub session: String,
    pub forloeb: String,
    pub tool: String,
    pub date: NaiveDate,
    /// Days from today: negative when overdue.
    pub days: i64,
}

impl Due {
    pub fn is_overdue(&self) -> bool {
        self.days < 0
    }

    /// The ISO week (Monday to Sunday) of the date.
    pub fn week(&self) -> u32 {
        self.date.iso_week().week()
    }
}

/// The follow-ups that are overdue or due within `ahead` days, earliest first.
/// `sessions` gives (session id, forløb label, tool, follow-up date).
pub fn due<'a>(
    sessions: impl IntoIterator<Item = (&'a str, &'a str, &'a str, NaiveDate)>,
    today: NaiveDate,
    ahead: Option<i64>,
) -> Vec<Due> {
    let mut due: Vec<Due> = sessions
        .into_iter()
        .map(|(session, forloeb, tool, date)| Due {
            session: session.to_string(),
            forloeb: forloeb.to_string(),
            tool: tool.to_string(),
            date,
            days: (date - today).num_days(),
        })
        .filter(|d| ahead.is_none_or(|a| d.days <= a))
        .collect();
    due.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.session.cmp(&b.session)));
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn overdue_and_due_within_a_week_earliest_first() {
        let today = date(2026, 11, 22);
        let sessions = [
            ("a", "AB", "6", date(2026, 11, 21)),
            ("b", "CD", "3", date(2026, 11, 29)),
            ("c", "EF", "6", date(2026, 11, 30)),
            ("d", "GH", "6", date(2026, 11, 22)),
        ];
        let due = due(sessions, today, Some(DAYS_AHEAD));
        let found: Vec<(&str, i64, bool)> = due
            .iter()
            .map(|d| (d.session.as_str(), d.days, d.is_overdue()))
            .collect();
        assert_eq!(found, [("a", -1, true), ("d", 0, false), ("b", 7, false)]);
    }

    #[test]
    fn days_and_weeks_across_new_year() {
        let due = due([("a", "", "6", date(2027, 1, 4))], date(2026, 12, 28), None);
        assert_eq!(due[0].days, 7);
        assert_eq!(due[0].week(), 1);
        // 1 January 2027 is in week 53 of 2026 (ISO weeks start on Monday).
        let due = super::due([("b", "", "6", date(2027, 1, 1))], date(2027, 1, 3), None);
        assert_eq!((due[0].days, due[0].week()), (-2, 53));
    }
}
