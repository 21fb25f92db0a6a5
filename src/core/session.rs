//! The session model: one person's answers to one tool, as saved on disk.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// How dates are written in table cells (and in the file): ISO 8601.
pub const STORED_DATE: &str = "%Y-%m-%d";

/// The session file format this program writes. Format 5 added where an imported session
/// came from (`imported`), format 4 the history of completions and reopenings and the
/// closing date, format 3 the sessions a link started (`links`);
/// older files read with none of these. Format 1 (unparsed text keyed by strings such as
/// `"varighed.til"`) is still read; see [`UnparsedAt`]. A newer format is opened read-only.
pub const SESSION_FORMAT: u32 = 5;

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
    /// The date the course was closed on (the agreement's "Afslutning"), when answered:
    /// kept here, like the follow-up, for the retention that offers closed courses for
    /// deletion.
    #[serde(default)]
    pub closed: Option<NaiveDate>,
    /// When the session was completed and reopened, oldest first. A completed session is
    /// sealed: it changes only after a reopening, which stays on record.
    #[serde(default)]
    pub history: Vec<Event>,
    /// The session answers were carried over from, and the fields that still hold them.
    #[serde(default)]
    pub carried_from: String,
    #[serde(default)]
    pub carried: BTreeSet<String>,
    /// The sessions this one's links started, by tool id: following a link again opens the
    /// same one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, String>,
    /// Where the session came from, when it was imported from a share file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
    /// Where the user was, so a draft resumes there.
    #[serde(default)]
    pub position: Position,
    /// Answers by field id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Comments attached to answers (`comment: "Noter"` in the definition), by field id.
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
    /// Text typed into a date, number or week place that is not valid yet, by where it was
    /// typed: kept so that nothing typed is lost, and shown again for correction.
    #[serde(default, deserialize_with = "unparsed::deserialize")]
    pub unparsed: BTreeMap<UnparsedAt, String>,
}

/// Where typed text that is not valid yet belongs: a field, by id, and the part of it.
/// Only places that parse their text (dates, numbers, weeks) can hold such text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnparsedAt {
    pub field: String,
    pub part: UnparsedPart,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UnparsedPart {
    Value,
    From,
    To,
    /// A table cell, by row and column id (a column id stays right if columns are reordered).
    Cell {
        row: usize,
        column: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Completed,
}

/// A completion or a reopening, with when it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub at: DateTime<FixedOffset>,
    pub change: Change,
}

/// Where an imported session came from: who shared it and when, and its id where it was
/// made. Shown on its screen, in its review and in its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imported {
    /// The name or initials the sharer gave (never a CPR number).
    pub from: String,
    pub shared: DateTime<FixedOffset>,
    /// The session's id in the folder it was shared from.
    pub original: String,
    /// When it was imported here.
    pub at: DateTime<FixedOffset>,
    /// The fields (by id) whose answers the sharer left out: private ones, unless the
    /// sharer chose to share them.
    #[serde(default)]
    pub left_out: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Completed,
    Reopened,
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
    Rows(Vec<Row>),
    /// Checklist items by item id.
    Ticks(BTreeMap<String, Tick>),
    /// A template's adapted paragraphs, by their place in the template (0 first); the
    /// others keep the report's wording. An empty one is left out.
    Paragraphs(BTreeMap<usize, String>),
}

/// A table row: cell text by column id.
pub type Row = BTreeMap<String, String>;

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
            Answer::Paragraphs(p) => !p.is_empty(),
        }
    }
}

impl Session {
    /// Whether the session was reopened after a completion and is not completed again: its
    /// documents must not say it is finished.
    pub fn is_reopened(&self) -> bool {
        self.status == Status::Draft
            && self
                .history
                .last()
                .is_some_and(|e| e.change == Change::Reopened)
    }

    /// Whether nothing was done in the session yet: no answer, comment, typed text, link
    /// followed or history. A blank session need not be written (where the cursor went
    /// and which forløb it is in are not worth a file of their own).
    pub fn is_blank(&self) -> bool {
        self.answers.is_empty()
            && self.comments.is_empty()
            && self.unparsed.is_empty()
            && self.links.is_empty()
            && self.history.is_empty()
    }

    /// A new, empty draft of a tool, answered against the definition with this version and
    /// fingerprint.
    pub fn new(
        id: String,
        tool: &str,
        version: u32,
        fingerprint: &str,
        now: DateTime<FixedOffset>,
    ) -> Session {
        Session {
            id,
            tool_version: version,
            tool_hash: fingerprint.to_string(),
            created: now,
            updated: now,
            ..Session::empty(tool)
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
            closed: None,
            history: Vec::new(),
            carried_from: String::new(),
            carried: BTreeSet::new(),
            links: BTreeMap::new(),
            imported: None,
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

/// Reading the `unparsed` map. Format 1 keyed it by strings built from the field id
/// (`"varighed"`, `"varighed.til"`, `"log.0.dato"`); those files are still read, and their
/// keys become [`UnparsedAt`] once, here. Format 2 writes the typed key.
mod unparsed {
    use std::collections::BTreeMap;
    use std::fmt;

    use serde::de::{self, Deserializer, MapAccess, Visitor};
    use serde::{Deserialize, de::value::MapAccessDeserializer};

    use super::{UnparsedAt, UnparsedPart};

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<UnparsedAt, String>, D::Error> {
        let keyed: BTreeMap<Key, String> = BTreeMap::deserialize(deserializer)?;
        Ok(keyed.into_iter().map(|(k, v)| (k.0, v)).collect())
    }

    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    struct Key(UnparsedAt);

    impl<'de> Deserialize<'de> for Key {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
            deserializer.deserialize_any(KeyVisitor)
        }
    }

    struct KeyVisitor;

    impl<'de> Visitor<'de> for KeyVisitor {
        type Value = Key;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("(field: \"…\", part: …)")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Key, A::Error> {
            UnparsedAt::deserialize(MapAccessDeserializer::new(map)).map(Key)
        }

        /// A format 1 key: `field`, `field.fra`, `field.til` or `field.row.column`.
        fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
            let mut parts = key.split('.');
            let field = parts.next().unwrap_or_default().to_string();
            let part = match (parts.next(), parts.next(), parts.next()) {
                (None, ..) => UnparsedPart::Value,
                (Some("fra"), None, _) => UnparsedPart::From,
                (Some("til"), None, _) => UnparsedPart::To,
                (Some(row), Some(column), None) => UnparsedPart::Cell {
                    row: row
                        .parse()
                        .map_err(|_| E::invalid_value(de::Unexpected::Str(key), &self))?,
                    column: column.to_string(),
                },
                _ => return Err(E::invalid_value(de::Unexpected::Str(key), &self)),
            };
            Ok(Key(UnparsedAt { field, part }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_blank_until_something_is_answered_typed_or_followed() {
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
        let mut session = Session::new("s".into(), "screening", 2, "", now);
        session.forloeb = "f1".into();
        session.position.step = "trin-2".into();
        assert!(session.is_blank());
        let mut answered = session.clone();
        answered.answers.insert("x".into(), Answer::Check(true));
        let mut commented = session.clone();
        commented.comments.insert("x".into(), "noter".into());
        let mut typed = session.clone();
        typed.unparsed.insert(
            UnparsedAt {
                field: "dato".into(),
                part: UnparsedPart::Value,
            },
            "31-02".into(),
        );
        let mut linked = session.clone();
        linked.links.insert("maal-laege".into(), "s2".into());
        for changed in [answered, commented, typed, linked] {
            assert!(!changed.is_blank(), "{changed:?}");
        }
    }
}
