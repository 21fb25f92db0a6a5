//! Read-only questions about a session's answers: is a field shown, what does a place hold,
//! what is missing, when is the next follow-up. The screen, the review and the exporters all
//! ask here, without an editor or a cursor; only [`super::walk::Walk`] changes answers.
//!
//! Values come back typed (a date, an option id, rows); the words they are shown in belong
//! to the front ends (`crate::present`).

use chrono::NaiveDate;

use super::definition::{Condition, Field, Kind, NO, Tool, YES, paragraphs};
use super::input::{self, InputError, Week};
use super::layout::{self, Column, Extent, Input};
use super::place::{FieldAt, Part, Place};
use super::session::{Answer, Row, STORED_DATE, Session, UnparsedAt, UnparsedPart};

/// The answers of one session, read against its tool.
#[derive(Clone, Copy)]
pub struct Answers<'a> {
    tool: &'a Tool,
    session: &'a Session,
    /// Places a bare week number ("48") in a year.
    today: NaiveDate,
}

/// What a text-like place holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Empty,
    /// Typed text that is not valid (yet), kept as typed.
    Unparsed(&'a str),
    Text(&'a str),
    Date(NaiveDate),
    Number(f64),
    Week(Week),
}

/// A field's answer as it is shown: typed values, worded by the front end.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown<'a> {
    Text(&'a str),
    Date(NaiveDate),
    Number {
        value: f64,
        unit: &'a str,
    },
    /// A chosen option: its id, and its label where the definition gives one (Ja / Nej
    /// are the program's own words).
    Choice {
        id: &'a str,
        label: Option<&'a str>,
    },
    Check(bool),
    Range {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// The list's entries that say something.
    Entries(Vec<&'a str>),
    /// The rows that say something, with the table's columns.
    Rows {
        columns: Vec<Column<'a>>,
        rows: Vec<&'a Row>,
    },
    /// Checklist items that are ticked or commented: (ticked, label, comment).
    Ticks(Vec<(bool, &'a str, &'a str)>),
    /// A template's paragraphs as they read now, with their blanks.
    Template(Vec<Paragraph<'a>>),
}

/// A paragraph of a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph<'a> {
    /// The text as it reads now: the report's wording, or as the workplace adapted it
    /// (nothing when it was left out).
    pub pieces: Vec<Piece<'a>>,
    /// The report's wording, when the paragraph was adapted.
    pub original: Option<Vec<Piece<'a>>>,
}

/// A piece of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// A blank: the field whose answer fills it (its hint, "fx leder", says what goes in).
    Blank(&'a Field),
}

/// One field of the review: every shown field that takes an answer, and templates.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem<'a> {
    pub at: FieldAt,
    pub field: &'a Field,
    /// The answer; `None` when there is none.
    pub shown: Option<Shown<'a>>,
    /// The comment attached to the answer, if it says anything.
    pub comment: Option<&'a str>,
    /// Text typed into the field that is not valid yet, as typed.
    pub unparsed: Vec<&'a str>,
    /// Required and not answered, or holding text that is not valid: keeps the session
    /// from being completed.
    pub missing: bool,
}

impl ReviewItem<'_> {
    pub fn is_invalid(&self) -> bool {
        !self.unparsed.is_empty()
    }
}

/// Typed text turned into what is stored.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Parsed {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(f64),
    Week(Week),
}

impl Parsed {
    /// The text stored in lists, tables and comments, and the form compared to decide
    /// whether two texts mean the same answer.
    pub(super) fn canonical(&self) -> String {
        match self {
            Parsed::Empty => String::new(),
            Parsed::Text(t) => t.clone(),
            Parsed::Date(d) => d.format(STORED_DATE).to_string(),
            Parsed::Number(n) => n.to_string(),
            Parsed::Week(w) => w.key(),
        }
    }
}

impl Value<'_> {
    fn canonical(&self) -> String {
        match *self {
            Value::Empty => String::new(),
            Value::Unparsed(t) | Value::Text(t) => t.to_string(),
            Value::Date(d) => Parsed::Date(d).canonical(),
            Value::Number(n) => Parsed::Number(n).canonical(),
            Value::Week(w) => Parsed::Week(w).canonical(),
        }
    }
}

impl<'a> Answers<'a> {
    pub fn new(tool: &'a Tool, session: &'a Session, today: NaiveDate) -> Answers<'a> {
        Answers {
            tool,
            session,
            today,
        }
    }

    pub fn tool(&self) -> &'a Tool {
        self.tool
    }

    pub fn session(&self) -> &'a Session {
        self.session
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn field(&self, at: FieldAt) -> Option<&'a Field> {
        self.tool.steps.get(at.step)?.fields.get(at.index)
    }

    /// Every field of the tool with where it stands.
    pub fn fields(&self) -> impl Iterator<Item = (FieldAt, &'a Field)> + 'a {
        self.tool.steps.iter().enumerate().flat_map(|(step, s)| {
            s.fields
                .iter()
                .enumerate()
                .map(move |(index, f)| (FieldAt { step, index }, f))
        })
    }

    // ----- fields -----

    /// Whether a field is shown: its condition holds and the field it looks at is shown too.
    pub fn is_visible(&self, field: &Field) -> bool {
        let mut current = field;
        // Conditions only look back (the checker makes sure), so this chain ends.
        while let Some(condition) = &current.when {
            if !self.condition_holds(condition) {
                return false;
            }
            match self.tool.field(condition.field()) {
                Some(target) => current = target,
                None => return false,
            }
        }
        true
    }

    fn condition_holds(&self, condition: &Condition) -> bool {
        let answer = self.answer(condition.field());
        match condition {
            Condition::Answered { .. } => answer.is_some_and(Answer::is_given),
            Condition::Equals { .. } | Condition::AnyOf { .. } => {
                let value = match answer {
                    Some(Answer::Choice(id)) => id.as_str(),
                    Some(Answer::Check(true)) => YES,
                    Some(Answer::Check(false)) => NO,
                    _ => return false,
                };
                condition.values().contains(&value)
            }
        }
    }

    /// The stored answer of the field with this id.
    pub fn answer(&self, id: &str) -> Option<&'a Answer> {
        self.session.answers.get(id)
    }

    /// Whether the field's answer says anything.
    pub fn is_answered(&self, field: &Field) -> bool {
        self.answer(&field.id).is_some_and(Answer::is_given)
    }

    /// Whether the field holds an answer carried over from another session, unedited.
    pub fn is_carried(&self, field: &Field) -> bool {
        self.session.carried.contains(&field.id)
    }

    /// The answers the tool asks no question for any more (answered against an earlier
    /// version), by id: kept, and shown apart.
    pub fn unasked(&self) -> Vec<(&'a str, &'a Answer)> {
        super::migrate::unasked(self.tool, self.session)
            .into_iter()
            .filter_map(|id| Some((id, self.session.answers.get(id)?)))
            .filter(|(_, answer)| answer.is_given())
            .collect()
    }

    /// The comment attached to the field's answer, when it says anything.
    /// Every text a person typed into a field: its text, entries, table cells, notes on
    /// items, adapted paragraphs and its comment (not the options it offers nor the
    /// report's own wording).
    pub fn typed(&self, field: &Field) -> Vec<&'a str> {
        let mut texts: Vec<&'a str> = match self.answer(&field.id) {
            Some(Answer::Text(text)) => vec![text.as_str()],
            Some(Answer::Entries(entries)) => entries.iter().map(String::as_str).collect(),
            Some(Answer::Rows(rows)) => rows
                .iter()
                .flat_map(|row| row.values().map(String::as_str))
                .collect(),
            Some(Answer::Ticks(ticks)) => ticks.values().map(|t| t.comment.as_str()).collect(),
            Some(Answer::Paragraphs(paragraphs)) => {
                paragraphs.values().map(String::as_str).collect()
            }
            _ => Vec::new(),
        };
        texts.extend(self.comment(field));
        texts.retain(|t| !t.trim().is_empty());
        texts
    }

    pub fn comment(&self, field: &Field) -> Option<&'a str> {
        self.session
            .comments
            .get(&field.id)
            .map(String::as_str)
            .filter(|c| !c.trim().is_empty())
    }

    /// How many entries a list shows: what is stored, but at least one per hint and `min`.
    pub fn entry_count(&self, field: &Field) -> usize {
        let Kind::List {
            hints, min, max, ..
        } = &field.kind
        else {
            return 0;
        };
        let stored = match self.answer(&field.id) {
            Some(Answer::Entries(e)) => e.len(),
            _ => 0,
        };
        let shown = stored.max(*min).max(hints.len()).max(1);
        max.map_or(shown, |m| shown.min(m))
    }

    /// The stored rows of a table or week schedule.
    pub fn rows(&self, field: &Field) -> &'a [Row] {
        match self.answer(&field.id) {
            Some(Answer::Rows(rows)) => rows,
            _ => &[],
        }
    }

    /// How much of a field's list or table there is, for its layout.
    pub fn extent(&self, field: &Field, locked_rows: usize) -> Extent {
        Extent {
            entries: self.entry_count(field),
            rows: self.rows(field).len(),
            locked_rows,
        }
    }

    /// The chosen option's id of a Ja/Nej or choice field.
    pub fn chosen(&self, field: &Field) -> Option<&'a str> {
        match self.answer(&field.id) {
            Some(Answer::Choice(id)) => Some(id),
            _ => None,
        }
    }

    // ----- places -----

    /// A template paragraph's adapted text, if it was adapted ("" if left out).
    pub fn adapted(&self, field: &Field, index: usize) -> Option<&'a str> {
        match self.answer(&field.id) {
            Some(Answer::Paragraphs(p)) => p.get(&index).map(String::as_str),
            _ => None,
        }
    }

    /// Whether the box at a place is ticked.
    pub fn is_on(&self, place: Place) -> bool {
        let Some(field) = self.field(place.field) else {
            return false;
        };
        match (place.part, self.answer(&field.id)) {
            (Part::Value, Some(Answer::Check(on))) => *on,
            (Part::Tick(i), Some(Answer::Ticks(ticks))) => checklist_item(field, i)
                .and_then(|id| ticks.get(id))
                .is_some_and(|t| t.done),
            _ => false,
        }
    }

    /// Where unparsed text typed at this place is kept, for the places that parse text.
    pub fn unparsed_key(&self, place: Place) -> Option<UnparsedAt> {
        let field = self.field(place.field)?;
        let part = match place.part {
            Part::Value => UnparsedPart::Value,
            Part::From => UnparsedPart::From,
            Part::To => UnparsedPart::To,
            Part::Cell { row, col } => UnparsedPart::Cell {
                row,
                column: layout::columns(&field.kind).get(col)?.id.to_string(),
            },
            _ => return None,
        };
        Some(UnparsedAt {
            field: field.id.clone(),
            part,
        })
    }

    /// Text typed at this place that is not valid yet.
    pub fn unparsed(&self, place: Place) -> Option<&'a str> {
        let key = self.unparsed_key(place)?;
        self.session.unparsed.get(&key).map(String::as_str)
    }

    /// What a text-like place holds: unparsed text if there is some, else its answer.
    pub fn value(&self, place: Place) -> Value<'a> {
        if let Some(raw) = self.unparsed(place) {
            return Value::Unparsed(raw);
        }
        let Some(field) = self.field(place.field) else {
            return Value::Empty;
        };
        let text = |t: &'a String| {
            if t.is_empty() {
                Value::Empty
            } else {
                Value::Text(t)
            }
        };
        match (place.part, self.answer(&field.id)) {
            (Part::Comment, _) => self
                .session
                .comments
                .get(&field.id)
                .map_or(Value::Empty, text),
            (Part::Value, Some(Answer::Text(t))) => text(t),
            (Part::Value, Some(Answer::Date(d))) => Value::Date(*d),
            (Part::Value, Some(Answer::Number(n))) => Value::Number(*n),
            (Part::From, Some(Answer::DateRange { from: Some(d), .. }))
            | (Part::To, Some(Answer::DateRange { to: Some(d), .. })) => Value::Date(*d),
            (Part::Entry(i), Some(Answer::Entries(e))) => e.get(i).map_or(Value::Empty, text),
            (Part::Cell { row, col }, Some(Answer::Rows(rows))) => {
                let columns = layout::columns(&field.kind);
                let Some(column) = columns.get(col) else {
                    return Value::Empty;
                };
                match rows.get(row).and_then(|r| r.get(column.id)) {
                    Some(raw) => cell_value(column.input, raw),
                    None => Value::Empty,
                }
            }
            (Part::TickComment(i), Some(Answer::Ticks(ticks))) => checklist_item(field, i)
                .and_then(|id| ticks.get(id))
                .map_or(Value::Empty, |t| text(&t.comment)),
            (Part::Paragraph(i), Some(Answer::Paragraphs(adapted))) if adapted.contains_key(&i) => {
                adapted.get(&i).map_or(Value::Empty, text)
            }
            // A paragraph as the report words it, blanks and all.
            (Part::Paragraph(i), _) => match &field.kind {
                Kind::Template { text } => {
                    paragraphs(text).nth(i).map_or(Value::Empty, Value::Text)
                }
                _ => Value::Empty,
            },
            _ => Value::Empty,
        }
    }

    /// Turns text typed at a place into what would be stored, or says why it cannot be.
    pub(super) fn parse(&self, place: Place, text: &str) -> Result<Parsed, InputError> {
        let Some(field) = self.field(place.field) else {
            return Ok(Parsed::Empty);
        };
        if text.trim().is_empty() {
            return Ok(Parsed::Empty);
        }
        let parsed = match layout::input(field, place.part) {
            Input::Date => Parsed::Date(input::parse_date(text, self.today)?),
            Input::Number { min, max } => {
                let unit = match &field.kind {
                    Kind::Number { unit, .. } => unit.as_str(),
                    _ => "",
                };
                Parsed::Number(input::parse_number(text, min, max, unit)?)
            }
            Input::Week => Parsed::Week(input::parse_week(text, self.today)?),
            _ => Parsed::Text(text.to_string()),
        };
        // The end of a range may not lie before its start, nor the start after the end.
        if let (Parsed::Date(date), Some(Answer::DateRange { from, to })) =
            (&parsed, self.answer(&field.id))
        {
            let bad = match place.part {
                Part::To => from.is_some_and(|f| *date < f),
                Part::From => to.is_some_and(|t| *date > t),
                _ => false,
            };
            if bad {
                return Err(InputError::EndBeforeStart);
            }
        }
        Ok(parsed)
    }

    /// What is wrong with the text typed at a place, if anything.
    pub fn error(&self, place: Place) -> Option<InputError> {
        let raw = self.unparsed(place)?;
        self.parse(place, raw).err()
    }

    /// Whether `text`, typed at `place`, means exactly what the place holds: the test that
    /// keeps an editor from showing anything but its own place's answer.
    pub fn shows(&self, place: Place, text: &str) -> bool {
        match self.value(place) {
            Value::Unparsed(raw) => raw == text,
            value => self
                .parse(place, text)
                .is_ok_and(|parsed| parsed.canonical() == value.canonical()),
        }
    }

    // ----- answers as shown -----

    /// The field's answer as typed values, or `None` when it has none.
    pub fn shown(&self, field: &'a Field) -> Option<Shown<'a>> {
        if let Kind::Template { text } = &field.kind {
            return Some(Shown::Template(
                paragraphs(text)
                    .enumerate()
                    .map(|(i, original)| match self.adapted(field, i) {
                        Some(adapted) => Paragraph {
                            pieces: self.template(adapted),
                            original: Some(self.template(original)),
                        },
                        None => Paragraph {
                            pieces: self.template(original),
                            original: None,
                        },
                    })
                    .collect(),
            ));
        }
        let answer = self.answer(&field.id)?;
        Some(match answer {
            Answer::Text(t) => Shown::Text(t),
            Answer::Date(d) => Shown::Date(*d),
            Answer::Number(n) => Shown::Number {
                value: *n,
                unit: match &field.kind {
                    Kind::Number { unit, .. } => unit,
                    _ => "",
                },
            },
            Answer::Choice(id) => Shown::Choice {
                id,
                label: match &field.kind {
                    Kind::Choice { options } => {
                        options.iter().find(|o| o.id() == id).map(|o| o.label())
                    }
                    _ => None,
                },
            },
            Answer::Check(on) => Shown::Check(*on),
            Answer::DateRange { from, to } => Shown::Range {
                from: *from,
                to: *to,
            },
            Answer::Entries(entries) => Shown::Entries(
                entries
                    .iter()
                    .map(String::as_str)
                    .filter(|e| !e.trim().is_empty())
                    .collect(),
            ),
            Answer::Rows(rows) => Shown::Rows {
                columns: layout::columns(&field.kind),
                rows: rows
                    .iter()
                    .filter(|r| r.values().any(|c| !c.trim().is_empty()))
                    .collect(),
            },
            // Templates are shown above, paragraph by paragraph.
            Answer::Paragraphs(_) => return None,
            Answer::Ticks(ticks) => match &field.kind {
                Kind::Checklist { items } => Shown::Ticks(
                    items
                        .iter()
                        .filter_map(|item| {
                            let tick = ticks.get(&item.id)?;
                            Some((tick.done, item.label.as_str(), tick.comment.as_str()))
                        })
                        .collect(),
                ),
                _ => Shown::Ticks(Vec::new()),
            },
        })
    }

    /// A template's text cut into text and blanks. Braces around anything but a field of
    /// the tool that is not a template itself (typed into an adapted paragraph) are text.
    pub fn template(&self, text: &'a str) -> Vec<Piece<'a>> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            pieces.push(Piece::Text(&rest[..open]));
            let name = &rest[open + 1..open + close];
            let field = self.tool.field(name);
            pieces.push(
                match field.filter(|f| !matches!(f.kind, Kind::Template { .. })) {
                    Some(field) => Piece::Blank(field),
                    None => Piece::Text(&rest[open..=open + close]),
                },
            );
            rest = &rest[open + close + 1..];
        }
        pieces.push(Piece::Text(rest));
        pieces
    }

    // ----- the whole session -----

    /// Every shown field that takes an answer (templates too), in order.
    pub fn review(&self) -> Vec<ReviewItem<'a>> {
        self.fields()
            .filter(|(_, field)| field.kind.is_input() && self.is_visible(field))
            .map(|(at, field)| {
                let unparsed: Vec<&str> = self
                    .session
                    .unparsed
                    .iter()
                    .filter(|(k, _)| k.field == field.id)
                    .map(|(_, v)| v.as_str())
                    .collect();
                let required = field.required && !self.is_answered(field);
                ReviewItem {
                    at,
                    field,
                    shown: self.shown(field),
                    comment: self.comment(field),
                    missing: required || !unparsed.is_empty(),
                    unparsed,
                }
            })
            .collect()
    }

    /// Shown fields that keep the session from being completed: required ones without an
    /// answer and any with text that is not valid.
    pub fn missing(&self) -> Vec<FieldAt> {
        self.review()
            .into_iter()
            .filter(|i| i.missing)
            .map(|i| i.at)
            .collect()
    }

    /// The earliest follow-up date the answers hold, unless a closing date is answered.
    pub fn next_follow_up(&self) -> Option<NaiveDate> {
        if self.closing_date().is_some() {
            return None;
        }
        self.tool
            .fields()
            .filter(|f| f.follow_up)
            .filter_map(|f| self.shown_date(f))
            .min()
    }

    /// The date the course was closed on (a `closes` field answered), if it was.
    pub fn closing_date(&self) -> Option<NaiveDate> {
        self.tool
            .fields()
            .filter(|f| f.closes)
            .filter_map(|f| self.shown_date(f))
            .max()
    }

    /// A visible date field's date.
    fn shown_date(&self, field: &Field) -> Option<NaiveDate> {
        match self.answer(&field.id) {
            Some(Answer::Date(d)) if self.is_visible(field) => Some(*d),
            _ => None,
        }
    }
}

/// A stored cell as a value: dates and weeks as such, anything else (a hand-edited file)
/// as text.
fn cell_value(input: Input, raw: &str) -> Value<'_> {
    if raw.is_empty() {
        return Value::Empty;
    }
    match input {
        Input::Date => {
            NaiveDate::parse_from_str(raw, STORED_DATE).map_or(Value::Text(raw), Value::Date)
        }
        Input::Week => Week::from_key(raw).map_or(Value::Text(raw), Value::Week),
        _ => Value::Text(raw),
    }
}

/// The id of a checklist's item `index`.
pub(super) fn checklist_item(field: &Field, index: usize) -> Option<&str> {
    match &field.kind {
        Kind::Checklist { items } => items.get(index).map(|i| i.id.as_str()),
        _ => None,
    }
}
