//! The walk through a tool: which step and which input slot is current, which fields are
//! shown, what is missing, and what each edit does to the session. The terminal front end
//! turns key presses into calls on [`Walk`]; nothing here knows about terminals.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::definition::{CellKind, ChoiceOption, Condition, Field, Kind, NO, Step, Tool, YES};
use super::input::{self, InputError, Week};
use super::session::{Answer, Position, Session, Status, Tick};

/// One place the cursor can be: a part of a field of the current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Index into the step's fields.
    pub field: usize,
    pub part: Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The field's single value (text, date, number, choice, box).
    Value,
    /// The comment attached to the answer.
    Comment,
    From,
    To,
    Entry(usize),
    /// "Add an entry" at the end of a list.
    AddEntry,
    Cell {
        row: usize,
        col: usize,
    },
    /// "Add a row" under a table or schedule.
    AddRow,
    Tick(usize),
    TickComment(usize),
}

/// What a slot takes, which decides how keys act on it.
#[derive(Debug, Clone, PartialEq)]
pub enum SlotKind {
    Text { multiline: bool },
    Date,
    Number { min: f64, max: f64, unit: String },
    Week,
    Options(Vec<ChoiceOption>),
    Toggle,
    Button,
}

/// A table column as the walk sees it: tables list theirs; a week schedule has the week
/// and the seven days.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSpec {
    pub id: String,
    pub label: String,
    pub hint: String,
    pub kind: SlotKind,
}

/// The days of a week schedule: column id (stored) and label.
pub const WEEKDAYS: [(&str, &str); 7] = [
    ("mandag", "Mandag"),
    ("tirsdag", "Tirsdag"),
    ("onsdag", "Onsdag"),
    ("torsdag", "Torsdag"),
    ("fredag", "Fredag"),
    ("loerdag", "Lørdag"),
    ("soendag", "Søndag"),
];
pub const WEEK_COLUMN: &str = "uge";

/// An unfilled blank of a template, as on the paper form.
const BLANK: &str = "__________";

/// Where a step change left the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Within,
    ToStep,
    /// Past the last step: time for the review.
    PastEnd,
    /// Before the first step.
    BeforeStart,
}

/// A piece of a filled-in template.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    /// A blank: the field's hint (the report's "(fx leder)"), and its answer if given.
    Blank {
        hint: String,
        value: Option<String>,
    },
}

/// One line of the review screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem {
    pub step: usize,
    pub field: usize,
    pub label: String,
    pub value: Vec<String>,
    pub required: bool,
    pub missing: bool,
    pub invalid: bool,
}

pub struct Walk {
    tool: Tool,
    session: Session,
    step: usize,
    focus: Option<Slot>,
    /// Used to place a bare week number ("48") in a year.
    today: NaiveDate,
    /// Bumped on every change to the session, so the front end knows when to save.
    revision: u64,
    /// Rows of append-only tables that were saved before this sitting, by field id: they
    /// are shown but can no longer be changed.
    locked: BTreeMap<String, usize>,
}

impl Walk {
    /// Starts or resumes `session` at the step and field it was left at.
    pub fn new(tool: Tool, session: Session, today: NaiveDate) -> Walk {
        let step = tool
            .steps
            .iter()
            .position(|s| s.id == session.position.step)
            .unwrap_or(0);
        let locked = tool
            .fields()
            .filter(|f| {
                matches!(
                    f.kind,
                    Kind::Table {
                        append_only: true,
                        ..
                    }
                )
            })
            .filter_map(|f| match session.answers.get(&f.id) {
                Some(Answer::Rows(rows)) if !rows.is_empty() => Some((f.id.clone(), rows.len())),
                _ => None,
            })
            .collect();
        let mut walk = Walk {
            tool,
            session,
            step,
            focus: None,
            today,
            revision: 0,
            locked,
        };
        let field = walk
            .current_step()
            .fields
            .iter()
            .position(|f| f.id == walk.session.position.field);
        walk.focus = field
            .and_then(|field| walk.slots().into_iter().find(|s| s.field == field))
            .or_else(|| walk.slots().first().copied());
        walk
    }

    pub fn tool(&self) -> &Tool {
        &self.tool
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn step_index(&self) -> usize {
        self.step
    }

    pub fn current_step(&self) -> &Step {
        &self.tool.steps[self.step]
    }

    pub fn focus(&self) -> Option<Slot> {
        self.focus
    }

    /// Records when the session was last saved; not a change of its own.
    pub fn touch(&mut self, now: chrono::DateTime<chrono::FixedOffset>) {
        self.session.updated = now;
    }

    /// Takes the cursor out of the fields (Esc); Tab puts it back.
    pub fn blur(&mut self) {
        self.focus = None;
    }

    pub fn set_label(&mut self, label: &str) {
        if self.session.label != label {
            self.session.label = label.to_string();
            self.changed();
        }
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.session.follow_up = self.next_follow_up();
        // A completed session that loses a required answer is a draft again.
        if self.session.status == Status::Completed && !self.missing().is_empty() {
            self.session.status = Status::Draft;
        }
    }

    fn remember_position(&mut self) {
        let field = self
            .focus
            .map(|s| self.current_step().fields[s.field].id.clone())
            .unwrap_or_default();
        let position = Position {
            step: self.current_step().id.clone(),
            field,
        };
        if self.session.position != position {
            self.session.position = position;
            self.revision += 1;
        }
    }

    /// The earliest follow-up date the answers hold, unless a closing date is answered.
    fn next_follow_up(&self) -> Option<NaiveDate> {
        let date = |f: &Field| match self.session.answers.get(&f.id) {
            Some(Answer::Date(d)) if self.is_visible(f) => Some(*d),
            _ => None,
        };
        if self
            .tool
            .fields()
            .filter(|f| f.closes)
            .any(|f| date(f).is_some())
        {
            return None;
        }
        self.tool
            .fields()
            .filter(|f| f.follow_up)
            .filter_map(date)
            .min()
    }

    // ----- visibility -----

    /// Whether a field is shown: its condition holds and the field it looks at is shown too.
    pub fn is_visible(&self, field: &Field) -> bool {
        let mut current = field;
        // Conditions only look back, so this walks a chain towards the start and ends.
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
        let answer = self.session.answers.get(condition.field());
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

    // ----- slots -----

    /// The columns of a table or week schedule field.
    pub fn columns(kind: &Kind) -> Vec<ColumnSpec> {
        match kind {
            Kind::Table { columns, .. } => columns
                .iter()
                .map(|c| ColumnSpec {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    hint: c.hint.clone(),
                    kind: match c.kind {
                        CellKind::Text => SlotKind::Text { multiline: false },
                        CellKind::Date => SlotKind::Date,
                    },
                })
                .collect(),
            Kind::WeekSchedule => std::iter::once(ColumnSpec {
                id: WEEK_COLUMN.into(),
                label: "Uge".into(),
                hint: String::new(),
                kind: SlotKind::Week,
            })
            .chain(WEEKDAYS.iter().map(|(id, label)| ColumnSpec {
                id: (*id).into(),
                label: (*label).into(),
                hint: String::new(),
                kind: SlotKind::Text { multiline: false },
            }))
            .collect(),
            _ => Vec::new(),
        }
    }

    /// How many entries a list shows: what is stored, but at least one per hint and `min`.
    pub fn entry_count(&self, field: &Field) -> usize {
        let Kind::List {
            hints, min, max, ..
        } = &field.kind
        else {
            return 0;
        };
        let stored = match self.session.answers.get(&field.id) {
            Some(Answer::Entries(e)) => e.len(),
            _ => 0,
        };
        let shown = stored.max(*min).max(hints.len()).max(1);
        max.map_or(shown, |m| shown.min(m))
    }

    pub fn rows(&self, field: &Field) -> &[BTreeMap<String, String>] {
        match self.session.answers.get(&field.id) {
            Some(Answer::Rows(rows)) => rows,
            _ => &[],
        }
    }

    /// How many rows of the field were saved before this sitting and are read-only.
    pub fn locked_rows(&self, field: &Field) -> usize {
        self.locked.get(&field.id).copied().unwrap_or(0)
    }

    /// The tool whose lists a list slot can pick entries from.
    pub fn pick_source(&self, slot: Slot) -> Option<&str> {
        match (&self.field_of(slot).kind, slot.part) {
            (
                Kind::List {
                    pick_from: Some(tool),
                    ..
                },
                Part::Entry(_) | Part::AddEntry,
            ) => Some(tool),
            _ => None,
        }
    }

    /// Puts a picked entry into the list: into the entry under the cursor when it is empty,
    /// else as a new entry at the end. Returns false when the list is full.
    pub fn insert_entry(&mut self, slot: Slot, text: &str) -> bool {
        let target = match slot.part {
            Part::Entry(_) if self.text(slot).trim().is_empty() => slot,
            _ => {
                let add = Slot {
                    field: slot.field,
                    part: Part::AddEntry,
                };
                if !self.slots().contains(&add) {
                    return false;
                }
                self.activate(add);
                match self.focus() {
                    Some(new) => new,
                    None => return false,
                }
            }
        };
        self.focus_slot(target);
        self.set_text(target, text).is_ok()
    }

    /// The tool a link slot opens.
    pub fn link(&self, slot: Slot) -> Option<&str> {
        match &self.field_of(slot).kind {
            Kind::Link { tool } => Some(tool),
            _ => None,
        }
    }

    /// The slots of one field, in Tab order.
    pub fn field_slots(&self, index: usize, field: &Field) -> Vec<Slot> {
        let part = |part| Slot { field: index, part };
        let mut slots = match &field.kind {
            Kind::Info { .. } | Kind::Template { .. } => return Vec::new(),
            Kind::Link { .. } => return vec![part(Part::Value)],
            Kind::DateRange => vec![part(Part::From), part(Part::To)],
            Kind::List { max, .. } => {
                let count = self.entry_count(field);
                let mut slots: Vec<Slot> = (0..count).map(|i| part(Part::Entry(i))).collect();
                if max.is_none_or(|m| count < m) {
                    slots.push(part(Part::AddEntry));
                }
                slots
            }
            Kind::Table { .. } | Kind::WeekSchedule => {
                let cols = Self::columns(&field.kind).len();
                let mut slots: Vec<Slot> = (self.locked_rows(field)..self.rows(field).len())
                    .flat_map(|row| (0..cols).map(move |col| Part::Cell { row, col }))
                    .map(part)
                    .collect();
                slots.push(part(Part::AddRow));
                slots
            }
            Kind::Checklist { items } => (0..items.len())
                .flat_map(|i| [Part::Tick(i), Part::TickComment(i)])
                .map(part)
                .collect(),
            _ => vec![part(Part::Value)],
        };
        if field.comment.is_some() {
            slots.push(part(Part::Comment));
        }
        slots
    }

    /// The slots of the current step's visible fields, in Tab order.
    pub fn slots(&self) -> Vec<Slot> {
        self.current_step()
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| self.is_visible(f))
            .flat_map(|(i, f)| self.field_slots(i, f))
            .collect()
    }

    pub fn field_of(&self, slot: Slot) -> &Field {
        &self.current_step().fields[slot.field]
    }

    pub fn slot_kind(&self, slot: Slot) -> SlotKind {
        let field = self.field_of(slot);
        match (slot.part, &field.kind) {
            (Part::Comment | Part::TickComment(_), _) => SlotKind::Text { multiline: true },
            (Part::AddEntry | Part::AddRow, _) | (_, Kind::Link { .. }) => SlotKind::Button,
            (Part::Tick(_), _) | (_, Kind::Check) => SlotKind::Toggle,
            (Part::Cell { col, .. }, kind) => Self::columns(kind)
                .into_iter()
                .nth(col)
                .map_or(SlotKind::Text { multiline: false }, |c| c.kind),
            (_, Kind::Text) | (Part::Entry(_), _) => SlotKind::Text { multiline: false },
            (_, Kind::LongText) => SlotKind::Text { multiline: true },
            (_, Kind::Date | Kind::DateRange) => SlotKind::Date,
            (_, Kind::Number { min, max, unit }) => SlotKind::Number {
                min: *min,
                max: *max,
                unit: unit.clone(),
            },
            (_, Kind::YesNo) => SlotKind::Options(yes_no()),
            (_, Kind::Choice { options }) => SlotKind::Options(options.clone()),
            _ => SlotKind::Text { multiline: false },
        }
    }

    /// The key under which unparsed text of a slot is kept.
    fn slot_key(&self, slot: Slot) -> String {
        let field = self.field_of(slot);
        match slot.part {
            Part::From => format!("{}.fra", field.id),
            Part::To => format!("{}.til", field.id),
            Part::Cell { row, col } => {
                let column = Self::columns(&field.kind)
                    .into_iter()
                    .nth(col)
                    .map(|c| c.id)
                    .unwrap_or_default();
                format!("{}.{row}.{column}", field.id)
            }
            _ => field.id.clone(),
        }
    }

    fn column_id(field: &Field, col: usize) -> String {
        Self::columns(&field.kind)
            .into_iter()
            .nth(col)
            .map(|c| c.id)
            .unwrap_or_default()
    }

    // ----- reading values -----

    /// The text to put in the editor for a text-like slot: unparsed text if there is some,
    /// else the answer as it is shown.
    pub fn text(&self, slot: Slot) -> String {
        if let Some(raw) = self.session.unparsed.get(&self.slot_key(slot)) {
            return raw.clone();
        }
        let field = self.field_of(slot);
        let answer = self.session.answers.get(&field.id);
        match (slot.part, answer) {
            (Part::Comment, _) => self
                .session
                .comments
                .get(&field.id)
                .cloned()
                .unwrap_or_default(),
            (Part::Value, Some(Answer::Text(t))) => t.clone(),
            (Part::Value, Some(Answer::Date(d))) => input::format_date(*d),
            (Part::Value, Some(Answer::Number(n))) => input::format_number(*n),
            (Part::From, Some(Answer::DateRange { from: Some(d), .. }))
            | (Part::To, Some(Answer::DateRange { to: Some(d), .. })) => input::format_date(*d),
            (Part::Entry(i), Some(Answer::Entries(e))) => e.get(i).cloned().unwrap_or_default(),
            (Part::Cell { row, col }, Some(Answer::Rows(rows))) => {
                let raw = rows
                    .get(row)
                    .and_then(|r| r.get(&Self::column_id(field, col)))
                    .cloned()
                    .unwrap_or_default();
                display_cell(&self.slot_kind(slot), &raw)
            }
            (Part::TickComment(i), Some(Answer::Ticks(ticks))) => checklist_item_id(field, i)
                .and_then(|id| ticks.get(id))
                .map(|t| t.comment.clone())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The chosen option's id of an options slot.
    pub fn chosen(&self, slot: Slot) -> Option<&str> {
        match self.session.answers.get(&self.field_of(slot).id) {
            Some(Answer::Choice(id)) => Some(id),
            _ => None,
        }
    }

    /// Whether a toggle slot is on.
    pub fn is_on(&self, slot: Slot) -> bool {
        let field = self.field_of(slot);
        match (slot.part, self.session.answers.get(&field.id)) {
            (Part::Value, Some(Answer::Check(b))) => *b,
            (Part::Tick(i), Some(Answer::Ticks(ticks))) => checklist_item_id(field, i)
                .and_then(|id| ticks.get(id))
                .is_some_and(|t| t.done),
            _ => false,
        }
    }

    /// What is wrong with a slot's typed text, if anything.
    pub fn error(&self, slot: Slot) -> Option<InputError> {
        let raw = self.session.unparsed.get(&self.slot_key(slot))?;
        self.parse(slot, raw).err()
    }

    /// Whether the field's answer says anything.
    pub fn is_answered(&self, field: &Field) -> bool {
        self.session
            .answers
            .get(&field.id)
            .is_some_and(Answer::is_given)
    }

    /// The answer as lines of text, without its comment.
    pub fn answer_lines(&self, field: &Field) -> Vec<String> {
        match self.session.answers.get(&field.id) {
            None => Vec::new(),
            Some(answer) => display_answer(field, answer),
        }
    }

    /// The answer and its comment as lines of text, for the review.
    pub fn display(&self, field: &Field) -> Vec<String> {
        let mut lines = self.answer_lines(field);
        if let Some(comment) = self
            .session
            .comments
            .get(&field.id)
            .filter(|c| !c.trim().is_empty())
        {
            let label = field.comment.as_deref().unwrap_or_default();
            lines.push(format!("{label}: {comment}"));
        }
        lines
    }

    /// A template's text with its blanks, filled where answered.
    pub fn template(&self, text: &str) -> Vec<Piece> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            pieces.push(Piece::Text(rest[..open].to_string()));
            let id = &rest[open + 1..open + close];
            let field = self.tool.field(id);
            pieces.push(Piece::Blank {
                hint: field.map(|f| f.hint.clone()).unwrap_or_default(),
                value: field
                    .map(|f| self.display(f).join(" "))
                    .filter(|v| !v.trim().is_empty()),
            });
            rest = &rest[open + close + 1..];
        }
        pieces.push(Piece::Text(rest.to_string()));
        pieces
    }

    /// A template's text with answers in its blanks; an unanswered blank is a line to write
    /// on, with the report's hint: "__________ (fx leder)".
    pub fn filled_template(&self, text: &str) -> String {
        self.template(text)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => text,
                Piece::Blank { value: Some(v), .. } => v,
                Piece::Blank { hint, value: None } if hint.is_empty() => BLANK.to_string(),
                Piece::Blank { hint, value: None } => format!("{BLANK} ({hint})"),
            })
            .collect()
    }

    // ----- what is missing -----

    /// Shown fields that keep the session from being completed: required ones without an
    /// answer and any with invalid typed text, as (step, field) indexes.
    pub fn missing(&self) -> Vec<(usize, usize)> {
        self.review()
            .into_iter()
            .filter(|i| i.missing)
            .map(|i| (i.step, i.field))
            .collect()
    }

    /// Every shown input field with its answer, in order.
    pub fn review(&self) -> Vec<ReviewItem> {
        let mut items = Vec::new();
        for (s, step) in self.tool.steps.iter().enumerate() {
            for (f, field) in step.fields.iter().enumerate() {
                if !self.is_visible(field) {
                    continue;
                }
                // A template is shown filled in, so the finished text can be read over.
                if let Kind::Template { text } = &field.kind {
                    items.push(ReviewItem {
                        step: s,
                        field: f,
                        label: field.label.clone(),
                        value: self
                            .filled_template(text)
                            .split("\n\n")
                            .map(str::to_string)
                            .collect(),
                        required: false,
                        missing: false,
                        invalid: false,
                    });
                }
                if !field.kind.is_input() {
                    continue;
                }
                // Text typed into the field that is not valid yet, shown as typed.
                let unparsed: Vec<&String> = self
                    .session
                    .unparsed
                    .iter()
                    .filter(|(k, _)| {
                        *k == &field.id
                            || k.strip_prefix(&field.id)
                                .is_some_and(|r| r.starts_with('.'))
                    })
                    .map(|(_, v)| v)
                    .collect();
                let invalid = !unparsed.is_empty();
                let answered = self.is_answered(field);
                let mut value = self.display(field);
                value.extend(unparsed.into_iter().map(|v| format!("»{v}«")));
                items.push(ReviewItem {
                    step: s,
                    field: f,
                    label: field.label.clone(),
                    value,
                    required: field.required,
                    // Typed text that is not valid must be put right (or removed) first.
                    missing: (field.required && !answered) || invalid,
                    invalid,
                });
            }
        }
        items
    }

    /// Marks the session completed when nothing required is missing; else returns what is.
    pub fn complete(&mut self) -> Result<(), Vec<(usize, usize)>> {
        let missing = self.missing();
        if !missing.is_empty() {
            return Err(missing);
        }
        if self.session.status != Status::Completed {
            self.session.status = Status::Completed;
            self.revision += 1;
        }
        Ok(())
    }

    // ----- moving -----

    /// Moves to the next slot, on to the next step after the last one.
    pub fn next_slot(&mut self) -> Moved {
        let slots = self.slots();
        let at = self.focus.and_then(|f| slots.iter().position(|s| *s == f));
        match at
            .map_or(Some(0), |i| Some(i + 1))
            .filter(|&i| i < slots.len())
        {
            Some(i) => {
                self.focus = Some(slots[i]);
                self.remember_position();
                Moved::Within
            }
            None => self.next_step(),
        }
    }

    /// Moves to the previous slot, on to the last slot of the previous step.
    pub fn prev_slot(&mut self) -> Moved {
        let slots = self.slots();
        match self.focus.and_then(|f| slots.iter().position(|s| *s == f)) {
            Some(i) if i > 0 => {
                self.focus = Some(slots[i - 1]);
                self.remember_position();
                Moved::Within
            }
            _ => {
                let moved = self.prev_step();
                if moved == Moved::ToStep {
                    self.focus = self.slots().last().copied();
                    self.remember_position();
                }
                moved
            }
        }
    }

    pub fn next_step(&mut self) -> Moved {
        if self.step + 1 >= self.tool.steps.len() {
            return Moved::PastEnd;
        }
        self.goto_step(self.step + 1);
        Moved::ToStep
    }

    pub fn prev_step(&mut self) -> Moved {
        if self.step == 0 {
            return Moved::BeforeStart;
        }
        self.goto_step(self.step - 1);
        Moved::ToStep
    }

    /// Goes to a step, with the first slot focused.
    pub fn goto_step(&mut self, step: usize) {
        self.step = step.min(self.tool.steps.len().saturating_sub(1));
        self.focus = self.slots().first().copied();
        self.remember_position();
    }

    /// Goes to a field (the first of its slots).
    pub fn goto_field(&mut self, step: usize, field: usize) {
        self.goto_step(step);
        if let Some(slot) = self.slots().into_iter().find(|s| s.field == field) {
            self.focus = Some(slot);
            self.remember_position();
        }
    }

    /// Focuses a slot of the current step, if it exists.
    pub fn focus_slot(&mut self, slot: Slot) {
        if self.slots().contains(&slot) {
            self.focus = Some(slot);
            self.remember_position();
        }
    }

    /// After a change that may hide fields or remove rows: keep the focus on a slot that
    /// still exists, the nearest one before it if it is gone.
    fn settle_focus(&mut self) {
        let slots = self.slots();
        if let Some(focus) = self.focus
            && !slots.contains(&focus)
        {
            self.focus = slots
                .iter()
                .rev()
                .find(|s| (s.field, part_order(s.part)) <= (focus.field, part_order(focus.part)))
                .or(slots.first())
                .copied();
            self.remember_position();
        }
    }

    // ----- editing -----

    fn parse(&self, slot: Slot, text: &str) -> Result<Parsed, InputError> {
        if text.trim().is_empty() {
            return Ok(Parsed::Empty);
        }
        let parsed = match self.slot_kind(slot) {
            SlotKind::Date => Parsed::Date(input::parse_date(text)?),
            SlotKind::Number { min, max, unit } => {
                Parsed::Number(input::parse_number(text, min, max, &unit)?)
            }
            SlotKind::Week => Parsed::Week(input::parse_week(text, self.today)?),
            _ => Parsed::Text(text.to_string()),
        };
        // The end of a range may not lie before its start, and the start not after the end.
        if let (Parsed::Date(date), Some(Answer::DateRange { from, to })) =
            (&parsed, self.session.answers.get(&self.field_of(slot).id))
        {
            let bad = match slot.part {
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

    /// Sets a text-like slot from typed text. Text that is not valid (yet) is kept as typed
    /// and the error returned; the previous valid answer is dropped, since the screen shows
    /// the typed text.
    pub fn set_text(&mut self, slot: Slot, text: &str) -> Result<(), InputError> {
        self.unmark_carried(slot);
        let key = self.slot_key(slot);
        let result = self.parse(slot, text);
        match &result {
            Ok(parsed) => {
                self.session.unparsed.remove(&key);
                self.store(slot, parsed.clone());
            }
            Err(_) => {
                self.session.unparsed.insert(key, text.to_string());
                self.store(slot, Parsed::Empty);
            }
        }
        self.changed();
        self.settle_focus();
        result.map(|_| ())
    }

    fn store(&mut self, slot: Slot, parsed: Parsed) {
        let field = self.field_of(slot).clone();
        let id = field.id.clone();
        let text = parsed.canonical();
        match slot.part {
            Part::Comment => set_or_remove(&mut self.session.comments, &id, text),
            Part::Value => match parsed {
                Parsed::Empty => {
                    self.session.answers.remove(&id);
                }
                Parsed::Text(t) => {
                    self.session.answers.insert(id, Answer::Text(t));
                }
                Parsed::Date(d) => {
                    self.session.answers.insert(id, Answer::Date(d));
                }
                Parsed::Number(n) => {
                    self.session.answers.insert(id, Answer::Number(n));
                }
                Parsed::Week(_) => {}
            },
            Part::From | Part::To => {
                let date = match parsed {
                    Parsed::Date(d) => Some(d),
                    _ => None,
                };
                let entry = self
                    .session
                    .answers
                    .entry(id.clone())
                    .or_insert(Answer::DateRange {
                        from: None,
                        to: None,
                    });
                if let Answer::DateRange { from, to } = entry {
                    if slot.part == Part::From {
                        *from = date;
                    } else {
                        *to = date;
                    }
                } else {
                    *entry = if slot.part == Part::From {
                        Answer::DateRange {
                            from: date,
                            to: None,
                        }
                    } else {
                        Answer::DateRange {
                            from: None,
                            to: date,
                        }
                    };
                }
                if !entry.is_given() {
                    self.session.answers.remove(&id);
                }
            }
            Part::Entry(i) => {
                let entries = self.entries_mut(&id);
                if entries.len() <= i {
                    entries.resize(i + 1, String::new());
                }
                entries[i] = text;
            }
            Part::Cell { row, col } => {
                let column = Self::column_id(&field, col);
                if let Some(Answer::Rows(rows)) = self.session.answers.get_mut(&id)
                    && let Some(cells) = rows.get_mut(row)
                {
                    set_or_remove(cells, &column, text);
                }
            }
            Part::TickComment(i) => {
                if let Some(item) = checklist_item_id(&field, i).map(str::to_string) {
                    self.ticks_mut(&id).entry(item).or_default().comment = text;
                }
            }
            Part::Tick(_) | Part::AddEntry | Part::AddRow => {}
        }
    }

    /// The answer of field `id` as the variant `inner` picks, made `empty()` first when it
    /// is missing or of another variant.
    fn answer_mut<T>(
        &mut self,
        id: &str,
        empty: fn() -> Answer,
        inner: fn(&mut Answer) -> Option<&mut T>,
    ) -> &mut T {
        let answer = self
            .session
            .answers
            .entry(id.to_string())
            .or_insert_with(empty);
        if inner(answer).is_none() {
            *answer = empty();
        }
        match inner(answer) {
            Some(value) => value,
            None => unreachable!("`empty` makes the variant `inner` picks"),
        }
    }

    fn entries_mut(&mut self, id: &str) -> &mut Vec<String> {
        self.answer_mut(
            id,
            || Answer::Entries(Vec::new()),
            |a| match a {
                Answer::Entries(e) => Some(e),
                _ => None,
            },
        )
    }

    fn ticks_mut(&mut self, id: &str) -> &mut BTreeMap<String, Tick> {
        self.answer_mut(
            id,
            || Answer::Ticks(BTreeMap::new()),
            |a| match a {
                Answer::Ticks(t) => Some(t),
                _ => None,
            },
        )
    }

    fn rows_mut(&mut self, id: &str) -> &mut Vec<BTreeMap<String, String>> {
        self.answer_mut(
            id,
            || Answer::Rows(Vec::new()),
            |a| match a {
                Answer::Rows(r) => Some(r),
                _ => None,
            },
        )
    }

    /// Picks option `index` of an options slot; choosing the chosen one again clears it.
    pub fn choose(&mut self, slot: Slot, index: usize) {
        self.unmark_carried(slot);
        let SlotKind::Options(options) = self.slot_kind(slot) else {
            return;
        };
        let Some(option) = options.get(index) else {
            return;
        };
        let id = self.field_of(slot).id.clone();
        if self.chosen(slot) == Some(option.id()) {
            self.session.answers.remove(&id);
        } else {
            self.session
                .answers
                .insert(id, Answer::Choice(option.id().to_string()));
        }
        self.changed();
        self.settle_focus();
    }

    /// Moves the choice of an options slot one option left or right.
    pub fn cycle(&mut self, slot: Slot, forward: bool) {
        self.unmark_carried(slot);
        let SlotKind::Options(options) = self.slot_kind(slot) else {
            return;
        };
        let current = self
            .chosen(slot)
            .and_then(|c| options.iter().position(|o| o.id() == c));
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => options.len() - 1,
            (Some(i), true) => (i + 1) % options.len(),
            (Some(i), false) => (i + options.len() - 1) % options.len(),
        };
        let id = self.field_of(slot).id.clone();
        self.session
            .answers
            .insert(id, Answer::Choice(options[next].id().to_string()));
        self.changed();
        self.settle_focus();
    }

    /// An answer carried over from another session stops being marked so once edited.
    fn unmark_carried(&mut self, slot: Slot) {
        let id = &self.current_step().fields[slot.field].id;
        if self.session.carried.contains(id) {
            let id = id.clone();
            self.session.carried.remove(&id);
        }
    }

    /// Whether the field holds an answer carried over from another session, unedited.
    pub fn is_carried(&self, field: &Field) -> bool {
        self.session.carried.contains(&field.id)
    }

    /// Picks an option by a typed key: its number (1, 2, …) or the first letter of its label.
    pub fn choose_by_key(&mut self, slot: Slot, key: char) -> Result<(), InputError> {
        let SlotKind::Options(options) = self.slot_kind(slot) else {
            return Ok(());
        };
        let by_number = key
            .to_digit(10)
            .and_then(|d| (d as usize).checked_sub(1))
            .filter(|&i| i < options.len());
        let lower = key.to_lowercase().to_string();
        let by_letter = || {
            let matching: Vec<usize> = options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.label().to_lowercase().starts_with(&lower))
                .map(|(i, _)| i)
                .collect();
            (matching.len() == 1).then(|| matching[0])
        };
        match by_number.or_else(by_letter) {
            Some(i) => {
                self.unmark_carried(slot);
                let id = self.field_of(slot).id.clone();
                self.session
                    .answers
                    .insert(id, Answer::Choice(options[i].id().to_string()));
                self.changed();
                self.settle_focus();
                Ok(())
            }
            None => Err(InputError::NotAnOption {
                typed: key.to_string(),
                options: options.iter().map(|o| o.label().to_string()).collect(),
            }),
        }
    }

    /// Turns a box on or off.
    pub fn toggle(&mut self, slot: Slot) {
        self.unmark_carried(slot);
        let field = self.field_of(slot).clone();
        match slot.part {
            Part::Value => {
                let on = !self.is_on(slot);
                if on {
                    self.session.answers.insert(field.id, Answer::Check(true));
                } else {
                    self.session.answers.remove(&field.id);
                }
            }
            Part::Tick(i) => {
                let Some(item) = checklist_item_id(&field, i).map(str::to_string) else {
                    return;
                };
                let tick = self.ticks_mut(&field.id).entry(item).or_default();
                tick.done = !tick.done;
            }
            _ => return,
        }
        self.changed();
        self.settle_focus();
    }

    /// Presses a button slot: adds an entry or a row and moves to its first slot.
    pub fn activate(&mut self, slot: Slot) {
        self.unmark_carried(slot);
        let field = self.field_of(slot).clone();
        match slot.part {
            Part::AddEntry => {
                let count = self.entry_count(&field);
                let entries = self.entries_mut(&field.id);
                entries.resize(count + 1, String::new());
                self.changed();
                self.focus_slot(Slot {
                    field: slot.field,
                    part: Part::Entry(count),
                });
            }
            Part::AddRow => {
                let rows = self.rows_mut(&field.id);
                let row = rows.len();
                rows.push(BTreeMap::new());
                self.changed();
                self.focus_slot(Slot {
                    field: slot.field,
                    part: Part::Cell { row, col: 0 },
                });
            }
            _ => {}
        }
    }

    /// Removes the list entry or table row the slot is in. Returns whether anything went.
    pub fn remove_row(&mut self, slot: Slot) -> bool {
        self.unmark_carried(slot);
        let field = self.field_of(slot).clone();
        let removed = match (slot.part, self.session.answers.get_mut(&field.id)) {
            (Part::Entry(i), Some(Answer::Entries(entries))) if i < entries.len() => {
                entries.remove(i);
                true
            }
            (Part::Cell { row, .. }, Some(Answer::Rows(rows)))
                if row < rows.len() && row >= self.locked.get(&field.id).copied().unwrap_or(0) =>
            {
                rows.remove(row);
                true
            }
            _ => false,
        };
        if removed {
            // Unparsed text of the field's rows would now sit at the wrong row.
            let prefix = format!("{}.", field.id);
            self.session.unparsed.retain(|k, _| !k.starts_with(&prefix));
            self.changed();
            self.settle_focus();
        }
        removed
    }
}

/// A slot's text turned into what is stored.
#[derive(Debug, Clone, PartialEq)]
enum Parsed {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(f64),
    Week(Week),
}

impl Parsed {
    /// The text stored in tables, lists and comments.
    fn canonical(&self) -> String {
        match self {
            Parsed::Empty => String::new(),
            Parsed::Text(t) => t.clone(),
            Parsed::Date(d) => d.format("%Y-%m-%d").to_string(),
            Parsed::Number(n) => n.to_string(),
            Parsed::Week(w) => w.key(),
        }
    }
}

fn set_or_remove(map: &mut BTreeMap<String, String>, key: &str, value: String) {
    if value.is_empty() {
        map.remove(key);
    } else {
        map.insert(key.to_string(), value);
    }
}

fn yes_no() -> Vec<ChoiceOption> {
    vec![
        ChoiceOption(YES.into(), "Ja".into()),
        ChoiceOption(NO.into(), "Nej".into()),
    ]
}

fn checklist_item_id(field: &Field, index: usize) -> Option<&str> {
    match &field.kind {
        Kind::Checklist { items } => items.get(index).map(|i| i.id.as_str()),
        _ => None,
    }
}

/// Orders parts within a field, for finding the nearest slot after a change.
fn part_order(part: Part) -> (usize, usize) {
    match part {
        Part::Value | Part::From => (0, 0),
        Part::To => (0, 1),
        Part::Entry(i) | Part::Tick(i) => (i, 0),
        Part::TickComment(i) => (i, 1),
        Part::Cell { row, col } => (row, col),
        Part::AddEntry | Part::AddRow => (usize::MAX - 1, 0),
        Part::Comment => (usize::MAX, 0),
    }
}

/// A stored cell as it is shown: dates dd-mm-yyyy, weeks "48 (2026)".
pub fn display_cell(kind: &SlotKind, raw: &str) -> String {
    match kind {
        SlotKind::Date => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(input::format_date)
            .unwrap_or_else(|_| raw.to_string()),
        SlotKind::Week => Week::from_key(raw)
            .map_or_else(|| raw.to_string(), |w| format!("{}/{}", w.week, w.year)),
        _ => raw.to_string(),
    }
}

fn display_answer(field: &Field, answer: &Answer) -> Vec<String> {
    match answer {
        Answer::Text(t) => t.lines().map(str::to_string).collect(),
        Answer::Date(d) => vec![input::format_date(*d)],
        Answer::Number(n) => match &field.kind {
            Kind::Number { unit, .. } => vec![format!("{} {unit}", input::format_number(*n))],
            _ => vec![input::format_number(*n)],
        },
        Answer::Choice(id) => {
            let options = match &field.kind {
                Kind::Choice { options } => options.clone(),
                _ => yes_no(),
            };
            vec![
                options
                    .iter()
                    .find(|o| o.id() == id)
                    .map_or(id.clone(), |o| o.label().to_string()),
            ]
        }
        Answer::Check(b) => vec![if *b { "Ja" } else { "Nej" }.to_string()],
        Answer::DateRange { from, to } => {
            let show = |d: &Option<NaiveDate>| d.map_or("…".to_string(), input::format_date);
            vec![format!("{} – {}", show(from), show(to))]
        }
        Answer::Entries(entries) => entries
            .iter()
            .filter(|e| !e.trim().is_empty())
            .map(|e| format!("• {e}"))
            .collect(),
        Answer::Rows(rows) => {
            let columns = Walk::columns(&field.kind);
            rows.iter()
                .filter(|r| r.values().any(|c| !c.trim().is_empty()))
                .map(|row| {
                    columns
                        .iter()
                        .filter_map(|c| {
                            row.get(&c.id)
                                .filter(|v| !v.trim().is_empty())
                                .map(|v| format!("{}: {}", c.label, display_cell(&c.kind, v)))
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .collect()
        }
        Answer::Ticks(ticks) => match &field.kind {
            Kind::Checklist { items } => items
                .iter()
                .filter_map(|item| {
                    let tick = ticks.get(&item.id)?;
                    let mark = if tick.done { "☑" } else { "☐" };
                    let comment = if tick.comment.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" – {}", tick.comment)
                    };
                    Some(format!("{mark} {}{comment}", item.label))
                })
                .collect(),
            _ => Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::{Catalog, Entry};
    use crate::core::check::Source;
    use chrono::{DateTime, FixedOffset};

    fn entry() -> Entry {
        let source = Source {
            name: "example.ron".into(),
            text: include_str!("../../tests/fixtures/example.ron").into(),
        };
        let (catalog, problems) = Catalog::load(&[], &[source]);
        assert_eq!(problems, vec![]);
        catalog.entries[0].clone()
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
    }

    fn walk() -> Walk {
        let entry = entry();
        let session = Session::new("s".into(), &entry, now());
        Walk::new(
            entry.tool,
            session,
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        )
    }

    fn slot(field: usize, part: Part) -> Slot {
        Slot { field, part }
    }

    #[test]
    fn starts_on_the_first_field_of_the_first_step() {
        let w = walk();
        assert_eq!(w.step_index(), 0);
        assert_eq!(w.focus(), Some(slot(0, Part::Value)));
        assert_eq!(
            w.slot_kind(slot(0, Part::Value)),
            SlotKind::Text { multiline: true }
        );
    }

    #[test]
    fn a_condition_shows_a_field_only_for_the_matching_answer() {
        let mut w = walk();
        assert_eq!(
            w.slots().len(),
            4,
            "'Hvor?' is hidden until behandling is ja"
        );
        w.choose_by_key(slot(3, Part::Value), 'j').unwrap();
        assert_eq!(w.slots().len(), 5);
        w.choose_by_key(slot(3, Part::Value), 'n').unwrap();
        assert_eq!(w.slots().len(), 4);
        assert!(w.choose_by_key(slot(3, Part::Value), 'x').is_err());
    }

    #[test]
    fn hidden_answers_are_kept_but_not_required_or_reviewed() {
        let mut w = walk();
        w.choose(slot(3, Part::Value), 0);
        w.set_text(slot(4, Part::Value), "Hos lægen").unwrap();
        w.choose(slot(3, Part::Value), 1);
        assert!(w.session().answers.contains_key("hvor"));
        assert!(!w.review().iter().any(|i| i.label == "Hvor?"));
    }

    #[test]
    fn tab_walks_through_slots_and_steps_and_then_past_the_end() {
        let mut w = walk();
        let mut moves = Vec::new();
        for _ in 0..40 {
            let moved = w.next_slot();
            moves.push(moved);
            if moved == Moved::PastEnd {
                break;
            }
        }
        assert_eq!(moves.iter().filter(|m| **m == Moved::ToStep).count(), 2);
        assert_eq!(moves.last(), Some(&Moved::PastEnd));
        assert_eq!(w.step_index(), 2);
        // Shift-Tab from the first slot of a step goes to the last slot of the one before.
        w.goto_step(1);
        assert_eq!(w.prev_slot(), Moved::ToStep);
        assert_eq!(w.step_index(), 0);
        assert_eq!(w.focus(), w.slots().last().copied());
    }

    #[test]
    fn invalid_dates_are_kept_as_typed_with_an_error() {
        let mut w = walk();
        let date = slot(2, Part::Value);
        assert!(matches!(
            w.set_text(date, "31-02-2026"),
            Err(InputError::NoSuchDate { .. })
        ));
        assert_eq!(w.text(date), "31-02-2026");
        assert!(w.error(date).is_some());
        assert!(!w.session().answers.contains_key("opstaaet"));
        assert_eq!(
            w.session().unparsed.get("opstaaet").map(String::as_str),
            Some("31-02-2026")
        );
        w.set_text(date, "28-02-2026").unwrap();
        assert_eq!(w.error(date), None);
        assert_eq!(
            w.session().answers.get("opstaaet"),
            Some(&Answer::Date(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()))
        );
        assert!(w.session().unparsed.is_empty());
        assert_eq!(w.text(date), "28-02-2026");
    }

    #[test]
    fn numbers_are_bounded_and_ranges_ordered() {
        let mut w = walk();
        w.goto_step(1);
        let hours = slot(0, Part::Value);
        assert!(matches!(
            w.set_text(hours, "81"),
            Err(InputError::OutOfRange { .. })
        ));
        assert_eq!(w.set_text(hours, "tyve"), Err(InputError::NotANumber));
        w.set_text(hours, "37,5").unwrap();
        assert_eq!(
            w.session().answers.get("timer"),
            Some(&Answer::Number(37.5))
        );
        w.set_text(slot(1, Part::From), "01-12-2026").unwrap();
        assert_eq!(
            w.set_text(slot(1, Part::To), "30-11-2026"),
            Err(InputError::EndBeforeStart)
        );
        w.set_text(slot(1, Part::To), "31-01-2027").unwrap();
        assert_eq!(
            w.display(w.tool().field("varighed").unwrap()),
            ["01-12-2026 – 31-01-2027"]
        );
    }

    #[test]
    fn choices_comments_checks_and_lists() {
        let mut w = walk();
        w.goto_step(1);
        w.choose_by_key(slot(2, Part::Value), '3').unwrap();
        assert!(w.slots().contains(&slot(2, Part::Comment)));
        w.set_text(slot(2, Part::Comment), "Bekymret for løft")
            .unwrap();
        let svar = w.tool().field("svar").unwrap().clone();
        assert_eq!(w.display(&svar), ["Ved ikke", "Noter: Bekymret for løft"]);
        w.toggle(slot(4, Part::Value));
        assert_eq!(w.session().answers.get("log"), Some(&Answer::Check(true)));
        let delmaal = w.tool().field("delmaal").unwrap().clone();
        assert_eq!(w.entry_count(&delmaal), 1);
        w.activate(slot(5, Part::AddEntry));
        assert_eq!(w.focus(), Some(slot(5, Part::Entry(1))));
        w.set_text(slot(5, Part::Entry(1)), "Fysioterapeut")
            .unwrap();
        w.activate(slot(5, Part::AddEntry));
        // At most three entries: no add button after the third.
        assert!(!w.slots().contains(&slot(5, Part::AddEntry)));
        assert!(w.remove_row(slot(5, Part::Entry(0))));
        assert_eq!(
            w.session().answers.get("delmaal"),
            Some(&Answer::Entries(vec![
                "Fysioterapeut".into(),
                String::new()
            ]))
        );
    }

    #[test]
    fn tables_weeks_checklists_and_templates() {
        let mut w = walk();
        w.goto_step(2);
        w.activate(slot(0, Part::AddRow));
        assert_eq!(w.focus(), Some(slot(0, Part::Cell { row: 0, col: 0 })));
        assert!(
            w.set_text(slot(0, Part::Cell { row: 0, col: 0 }), "i går")
                .is_err()
        );
        w.set_text(slot(0, Part::Cell { row: 0, col: 0 }), "24-11-2026")
            .unwrap();
        w.set_text(slot(0, Part::Cell { row: 0, col: 1 }), "Går godt")
            .unwrap();
        let table = w.tool().field("log-tabel").unwrap().clone();
        assert_eq!(
            w.display(&table),
            ["Dato: 24-11-2026 · Kommentar: Går godt"]
        );

        w.activate(slot(1, Part::AddRow));
        assert_eq!(
            w.set_text(slot(1, Part::Cell { row: 0, col: 0 }), "54"),
            Err(InputError::NoSuchWeek {
                week: 54,
                year: 2026
            })
        );
        w.set_text(slot(1, Part::Cell { row: 0, col: 0 }), "48")
            .unwrap();
        w.set_text(slot(1, Part::Cell { row: 0, col: 1 }), "4 timer")
            .unwrap();
        let Some(Answer::Rows(rows)) = w.session().answers.get("skema") else {
            panic!("no schedule")
        };
        assert_eq!(rows[0].get("uge").map(String::as_str), Some("2026-W48"));
        assert_eq!(rows[0].get("mandag").map(String::as_str), Some("4 timer"));

        w.toggle(slot(2, Part::Tick(1)));
        w.set_text(slot(2, Part::TickComment(1)), "Aftalt med AMR")
            .unwrap();
        let tjek = w.tool().field("tjek").unwrap().clone();
        assert_eq!(
            w.display(&tjek),
            ["☑ Privatliv og fortrolighed – Aftalt med AMR"]
        );

        let Some(Kind::Template { text }) = w.tool().field("politik").map(|f| f.kind.clone())
        else {
            panic!()
        };
        assert!(matches!(
            &w.template(&text)[1],
            Piece::Blank { value: None, .. }
        ));
        w.set_text(slot(3, Part::Value), "Firma A/S").unwrap();
        assert_eq!(
            w.template(&text)[1],
            Piece::Blank {
                hint: "indsæt virksomhedens navn".into(),
                value: Some("Firma A/S".into())
            }
        );
    }

    #[test]
    fn completing_needs_the_required_answers() {
        let mut w = walk();
        assert_eq!(w.complete(), Err(vec![(0, 0)]));
        w.set_text(slot(0, Part::Value), "Gulvvask\nLøft").unwrap();
        assert_eq!(w.complete(), Ok(()));
        assert_eq!(w.session().status, Status::Completed);
        // Emptying a required answer makes it a draft again.
        w.set_text(slot(0, Part::Value), "  ").unwrap();
        assert_eq!(w.session().status, Status::Draft);
    }

    #[test]
    fn a_resumed_session_opens_where_it_was_left() {
        let mut w = walk();
        w.goto_field(1, 2);
        let session = w.session().clone();
        assert_eq!(
            session.position,
            Position {
                step: "plan".into(),
                field: "svar".into()
            }
        );
        let resumed = Walk::new(w.tool().clone(), session, w.today);
        assert_eq!(resumed.step_index(), 1);
        assert_eq!(resumed.focus(), Some(slot(2, Part::Value)));
    }
}
