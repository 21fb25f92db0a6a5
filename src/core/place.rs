//! Where the cursor can be. Every place has one typed identity — the step, the field in it,
//! and the part of the field (entry, row and column, checklist item) — and everything that
//! belongs to a place (the editor, unparsed text, the focus) is keyed by it. A place of one
//! step can therefore never be taken for a place of another.

/// A field of a tool, by where it stands: its step, and its index among that step's fields.
/// Field ids are unique in a tool, so this names exactly one field, cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldAt {
    pub step: usize,
    pub index: usize,
}

/// One place the cursor can be: a part of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub field: FieldAt,
    pub part: Part,
}

/// Which part of a field a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The field's single value (text, date, number, choice, box, link).
    Value,
    /// A date range's start and end.
    From,
    To,
    /// A list entry.
    Entry(usize),
    /// "Add an entry" at the end of a list.
    AddEntry,
    /// A cell of a table or week schedule.
    Cell {
        row: usize,
        col: usize,
    },
    /// "Add a row" under a table or schedule.
    AddRow,
    /// A checklist item's box and its comment.
    Tick(usize),
    TickComment(usize),
    /// The comment attached to the answer (`comment: "Noter"` in the definition).
    Comment,
    /// A paragraph of a template, to adapt to the workplace.
    Paragraph(usize),
}

impl Part {
    /// The order of parts within a field, as Tab visits them: used to find the nearest place
    /// that is still there after a row or entry is removed.
    pub fn order(self) -> (usize, usize) {
        match self {
            Part::Value | Part::From => (0, 0),
            Part::To => (0, 1),
            Part::Entry(i) | Part::Tick(i) | Part::Paragraph(i) => (i, 0),
            Part::TickComment(i) => (i, 1),
            Part::Cell { row, col } => (row, col),
            Part::AddEntry | Part::AddRow => (usize::MAX - 1, 0),
            Part::Comment => (usize::MAX, 0),
        }
    }

    /// The row of a table cell or list entry, if the part is in one.
    pub fn row(self) -> Option<usize> {
        match self {
            Part::Entry(row) | Part::Cell { row, .. } => Some(row),
            _ => None,
        }
    }
}

impl Place {
    pub fn new(field: FieldAt, part: Part) -> Place {
        Place { field, part }
    }

    /// The same field, another part.
    pub fn with(self, part: Part) -> Place {
        Place { part, ..self }
    }

    pub fn step(self) -> usize {
        self.field.step
    }

    /// Where a place stands in Tab order, for finding the nearest place after a change.
    pub fn order(self) -> (FieldAt, (usize, usize)) {
        (self.field, self.part.order())
    }
}
