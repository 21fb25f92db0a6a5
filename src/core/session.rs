//! The session model: one person's answers to one tool, as saved on disk.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalog::Entry;

/// The session file format this program writes and reads.
pub const SESSION_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    /// Also the file name (`<id>.ron`).
    pub id: String,
    /// The tool's id and the definition version and fingerprint it was answered against.
    pub tool: String,
    pub tool_version: u32,
    pub tool_hash: String,
    pub created: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    pub status: Status,
    /// A pseudonymous label chosen by the user; never a CPR number or a full name.
    #[serde(default)]
    pub label: String,
    /// The forløb (one person's course) this session belongs to, if any.
    #[serde(default)]
    pub forloeb: String,
    /// The next follow-up date the answers ask for (kept here so the sessions list and
    /// `vejen-frem followups` can read it without the answers).
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    /// The session answers were carried over from, and the fields that still hold them.
    #[serde(default)]
    pub carried_from: String,
    #[serde(default)]
    pub carried: BTreeSet<String>,
    /// Where the user was, so a draft resumes there.
    #[serde(default)]
    pub position: Position,
    /// Answers by field id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Comments attached to answers (`comment: "Noter"` in the definition), by field id.
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
    /// Text typed into a date, number or week slot that is not valid yet, by slot key: kept
    /// so that nothing typed is lost, and shown again for correction.
    #[serde(default)]
    pub unparsed: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Completed,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub step: String,
    pub field: String,
}

/// An answer to one field. Which variant a field holds follows from its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// Text and LongText.
    Text(String),
    Date(NaiveDate),
    Number(f64),
    /// YesNo and Choice: the option's id.
    Choice(String),
    Check(bool),
    DateRange {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// List entries, in order.
    Entries(Vec<String>),
    /// Table and WeekSchedule rows: cell text by column id (dates as yyyy-mm-dd, weeks as
    /// yyyy-Www).
    Rows(Vec<BTreeMap<String, String>>),
    /// Checklist items by item id.
    Ticks(BTreeMap<String, Tick>),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tick {
    pub done: bool,
    #[serde(default)]
    pub comment: String,
}

impl Answer {
    /// Whether the answer says anything (an empty list or an unticked box does not).
    pub fn is_given(&self) -> bool {
        match self {
            Answer::Text(s) => !s.trim().is_empty(),
            Answer::Date(_) | Answer::Number(_) | Answer::Choice(_) => true,
            Answer::Check(b) => *b,
            Answer::DateRange { from, to } => from.is_some() || to.is_some(),
            Answer::Entries(e) => e.iter().any(|s| !s.trim().is_empty()),
            Answer::Rows(rows) => rows
                .iter()
                .any(|r| r.values().any(|c| !c.trim().is_empty())),
            Answer::Ticks(t) => t.values().any(|t| t.done || !t.comment.trim().is_empty()),
        }
    }
}

impl Session {
    /// A new, empty draft of `entry`'s tool.
    pub fn new(id: String, entry: &Entry, now: DateTime<FixedOffset>) -> Session {
        Session {
            id,
            tool_version: entry.tool.version,
            tool_hash: entry.hash.clone(),
            created: now,
            updated: now,
            ..Session::empty(&entry.tool.id)
        }
    }

    /// A session with no answers and no history, for a blank paper form.
    pub fn empty(tool: &str) -> Session {
        Session {
            format: SESSION_FORMAT,
            id: String::new(),
            tool: tool.to_string(),
            tool_version: 0,
            tool_hash: String::new(),
            created: DateTime::default(),
            updated: DateTime::default(),
            status: Status::Draft,
            label: String::new(),
            forloeb: String::new(),
            follow_up: None,
            carried_from: String::new(),
            carried: BTreeSet::new(),
            position: Position::default(),
            answers: BTreeMap::new(),
            comments: BTreeMap::new(),
            unparsed: BTreeMap::new(),
        }
    }

    /// A session id that sorts by creation time and is unique enough for one person's
    /// folder: the time to the second, the tool, and a few bits that differ between ids
    /// made in the same second.
    pub fn new_id(tool: &str, now: DateTime<FixedOffset>) -> String {
        format!(
            "{}-{tool}-{:04x}",
            now.format("%Y%m%d-%H%M%S"),
            id_salt(now)
        )
    }
}

/// 16 bits that differ between ids made in the same second: from the clock's nanoseconds,
/// the process id and a counter, so neither two programs nor two ids in one program meet.
pub fn id_salt(now: DateTime<FixedOffset>) -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    (now.timestamp_subsec_nanos() ^ std::process::id() ^ count.wrapping_mul(0x9e37)) & 0xffff
}
