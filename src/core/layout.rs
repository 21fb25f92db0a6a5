//! The layout of each field kind, in one place: which parts a field has, in Tab order, and
//! what each part takes. A new field kind is a new arm in [`parts`] and [`input`]; the keys
//! follow from the [`Input`] of its parts.

use super::definition::{CellKind, Field, Kind, paragraphs};
use super::place::Part;

/// What a place takes, which decides how keys act on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    Text {
        multiline: bool,
    },
    Date,
    Number {
        min: f64,
        max: f64,
    },
    Week,
    /// One of the field's options: Ja / Nej, or a choice's options.
    Options,
    /// A box to tick.
    Toggle,
    /// Adds an entry or a row, or opens a linked tool.
    Button,
}

impl Input {
    /// Whether typed text is edited in the place (as opposed to keys choosing or pressing).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Input::Text { .. } | Input::Date | Input::Number { .. } | Input::Week
        )
    }
}

/// The stored id of a week schedule's week column; the days follow.
pub const WEEK_COLUMN: &str = "uge";
/// The stored ids of a week schedule's days, Monday first.
pub const DAY_COLUMNS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "loerdag", "soendag",
];

/// A table column as the walk sees it: tables list theirs; a week schedule has the week and
/// the seven days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column<'a> {
    /// The key cells are stored under.
    pub id: &'a str,
    pub label: ColumnLabel<'a>,
    /// The report's example for the column's cells.
    pub hint: &'a str,
    pub input: Input,
}

/// A column's heading: from the definition, or the program's own words for a week schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnLabel<'a> {
    Named(&'a str),
    Week,
    /// A weekday, 0 for Monday.
    Day(usize),
}

/// The columns of a table or week schedule field (none for other kinds).
pub fn columns(kind: &Kind) -> Vec<Column<'_>> {
    match kind {
        Kind::Table { columns, .. } => columns
            .iter()
            .map(|c| Column {
                id: &c.id,
                label: ColumnLabel::Named(&c.label),
                hint: &c.hint,
                input: match c.kind {
                    CellKind::Text => Input::Text { multiline: false },
                    CellKind::Date => Input::Date,
                },
            })
            .collect(),
        Kind::WeekSchedule => std::iter::once(Column {
            id: WEEK_COLUMN,
            label: ColumnLabel::Week,
            hint: "",
            input: Input::Week,
        })
        .chain(DAY_COLUMNS.iter().enumerate().map(|(day, id)| Column {
            id,
            label: ColumnLabel::Day(day),
            hint: "",
            input: Input::Text { multiline: false },
        }))
        .collect(),
        _ => Vec::new(),
    }
}

/// How much of a list or table is there, which decides how many parts it has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extent {
    /// List entries shown (stored ones, but at least one per hint and `min`).
    pub entries: usize,
    /// Table rows stored.
    pub rows: usize,
    /// Rows saved in an earlier sitting of an append-only table: shown, not editable.
    pub locked_rows: usize,
}

/// The parts of a field, in Tab order. Display-only kinds have none.
pub fn parts(field: &Field, extent: Extent) -> Vec<Part> {
    let mut parts = match &field.kind {
        Kind::Info { .. } => return Vec::new(),
        Kind::Template { text } => (0..paragraphs(text).count()).map(Part::Paragraph).collect(),
        Kind::Link { .. } => return vec![Part::Value],
        Kind::DateRange => vec![Part::From, Part::To],
        Kind::List { max, .. } => {
            let mut parts: Vec<Part> = (0..extent.entries).map(Part::Entry).collect();
            if max.is_none_or(|m| extent.entries < m) {
                parts.push(Part::AddEntry);
            }
            parts
        }
        Kind::Table { .. } | Kind::WeekSchedule => {
            let cols = columns(&field.kind).len();
            let mut parts: Vec<Part> = (extent.locked_rows..extent.rows)
                .flat_map(|row| (0..cols).map(move |col| Part::Cell { row, col }))
                .collect();
            parts.push(Part::AddRow);
            parts
        }
        Kind::Checklist { items } => (0..items.len())
            .flat_map(|i| [Part::Tick(i), Part::TickComment(i)])
            .collect(),
        Kind::Text
        | Kind::LongText
        | Kind::Date
        | Kind::Number { .. }
        | Kind::YesNo
        | Kind::Choice { .. }
        | Kind::Check => vec![Part::Value],
    };
    if field.comment.is_some() {
        parts.push(Part::Comment);
    }
    parts
}

/// What a part of a field takes.
pub fn input(field: &Field, part: Part) -> Input {
    match (part, &field.kind) {
        (Part::Comment | Part::TickComment(_) | Part::Paragraph(_), _) => {
            Input::Text { multiline: true }
        }
        (Part::AddEntry | Part::AddRow, _) | (_, Kind::Link { .. }) => Input::Button,
        (Part::Tick(_), _) | (_, Kind::Check) => Input::Toggle,
        (Part::Cell { col, .. }, kind) => columns(kind)
            .get(col)
            .map_or(Input::Text { multiline: false }, |c| c.input),
        (Part::Entry(_), _) | (_, Kind::Text) => Input::Text { multiline: false },
        (_, Kind::LongText) => Input::Text { multiline: true },
        (_, Kind::Date | Kind::DateRange) => Input::Date,
        (_, Kind::Number { min, max, .. }) => Input::Number {
            min: *min,
            max: *max,
        },
        (_, Kind::YesNo | Kind::Choice { .. }) => Input::Options,
        (_, _) => Input::Text { multiline: false },
    }
}
