//! The walk through a tool: which step is current and which place has the cursor, how the
//! cursor moves, and the edits. Reading answers is [`Answers`]; the parts of each field
//! kind are [`layout`]. The front end turns key presses into calls here; nothing here knows
//! about terminals.
//!
//! Every edit goes one way ([`Walk::edit`]): the place must be on the current step, the
//! change is made, and only if it changed something is the answer unmarked as carried, the
//! session's derived facts brought up to date and the focus settled on a place that exists.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::answers::{Answers, Parsed, checklist_item};
use super::definition::{Field, Kind, Step, Tool, paragraphs};
use super::input::InputError;
use super::layout::{self, Input};
use super::place::{FieldAt, Part, Place};
use super::session::{Answer, Change, Event, Position, Row, Session, Status, Tick, UnparsedPart};

/// Where a move left the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Within,
    ToStep,
    /// Past the last step: time for the review.
    PastEnd,
    /// Before the first step.
    BeforeStart,
}

pub struct Walk {
    tool: Tool,
    session: Session,
    step: usize,
    /// Always a place of the current step, or none (the cursor is out of the fields).
    focus: Option<Place>,
    today: NaiveDate,
    /// Bumped on every change to the session, so the front end knows when to save.
    revision: u64,
    /// Bumped when entries or rows are added or removed: a place of a list or table may
    /// then hold another row's text, so whatever was kept for it is made again.
    shape: u64,
    /// Rows of append-only tables saved before this sitting, by field id: shown, but no
    /// longer editable.
    locked: BTreeMap<String, usize>,
    /// Nothing may change (a session this program can read but not write).
    read_only: bool,
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
                // A row with text that is not valid yet stays open for correction, and so
                // do the rows after it.
                Some(Answer::Rows(rows)) if !rows.is_empty() => {
                    let first_unparsed = session
                        .unparsed
                        .keys()
                        .filter(|k| k.field == f.id)
                        .filter_map(|k| match k.part {
                            UnparsedPart::Cell { row, .. } => Some(row),
                            _ => None,
                        })
                        .min();
                    let locked = first_unparsed.map_or(rows.len(), |r| r.min(rows.len()));
                    Some((f.id.clone(), locked))
                }
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
            shape: 0,
            locked,
            read_only: false,
        };
        let places = walk.places();
        let field = walk
            .current_step()
            .fields
            .iter()
            .position(|f| f.id == walk.session.position.field);
        walk.focus = places
            .iter()
            .find(|p| Some(p.field.index) == field)
            .or(places.first())
            .copied();
        walk
    }

    pub fn tool(&self) -> &Tool {
        &self.tool
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The read-only view of the answers.
    pub fn answers(&self) -> Answers<'_> {
        Answers::new(&self.tool, &self.session, self.today)
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes when entries or rows are added or removed.
    pub fn shape(&self) -> u64 {
        self.shape
    }

    pub fn step_index(&self) -> usize {
        self.step
    }

    pub fn current_step(&self) -> &Step {
        &self.tool.steps[self.step]
    }

    pub fn focus(&self) -> Option<Place> {
        self.focus
    }

    pub fn field(&self, at: FieldAt) -> Option<&Field> {
        self.tool.steps.get(at.step)?.fields.get(at.index)
    }

    /// Counts answers that came from elsewhere (carried from another session) as a change,
    /// so they are saved like typed ones.
    pub fn mark_changed(&mut self) {
        self.revision += 1;
    }

    /// Makes every edit a no-op: the session can be read and moved through, not changed.
    pub fn set_read_only(&mut self) {
        self.read_only = true;
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// A completed session is sealed: nothing changes until it is reopened ([`Walk::reopen`]).
    pub fn is_sealed(&self) -> bool {
        self.session.status == Status::Completed
    }

    /// Whether answers and the label may change now.
    fn may_change(&self) -> bool {
        !self.read_only && !self.is_sealed()
    }

    /// Records when the session was last saved; not a change of its own.
    pub fn touch(&mut self, now: DateTime<FixedOffset>) {
        self.session.updated = now;
    }

    // ----- places -----

    /// How many rows of the field were saved before this sitting and are read-only.
    pub fn locked_rows(&self, field: &Field) -> usize {
        self.locked.get(&field.id).copied().unwrap_or(0)
    }

    /// The places of one field, in Tab order.
    pub fn field_places(&self, at: FieldAt) -> Vec<Place> {
        let Some(field) = self.field(at) else {
            return Vec::new();
        };
        let extent = self.answers().extent(field, self.locked_rows(field));
        layout::parts(field, extent)
            .into_iter()
            .map(|part| Place::new(at, part))
            .collect()
    }

    /// The places of the current step's shown fields, in Tab order.
    pub fn places(&self) -> Vec<Place> {
        let answers = self.answers();
        (0..self.current_step().fields.len())
            .map(|index| FieldAt {
                step: self.step,
                index,
            })
            .filter(|&at| answers.field(at).is_some_and(|f| answers.is_visible(f)))
            .flat_map(|at| self.field_places(at))
            .collect()
    }

    /// What a place takes.
    pub fn input(&self, place: Place) -> Input {
        self.field(place.field)
            .map_or(Input::Button, |f| layout::input(f, place.part))
    }

    /// The tool whose lists a list place can pick entries from.
    pub fn pick_source(&self, place: Place) -> Option<&str> {
        match (&self.field(place.field)?.kind, place.part) {
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

    /// The tool a link place opens.
    pub fn link(&self, place: Place) -> Option<&str> {
        match &self.field(place.field)?.kind {
            Kind::Link { tool } => Some(tool),
            _ => None,
        }
    }

    // ----- moving -----

    /// Moves to the next place, on to the next step after the last one.
    pub fn next_place(&mut self) -> Moved {
        let places = self.places();
        let next = match self.focus.and_then(|f| places.iter().position(|p| *p == f)) {
            Some(i) => i + 1,
            None => 0,
        };
        match places.get(next) {
            Some(&place) => {
                self.set_focus(Some(place));
                Moved::Within
            }
            None => self.next_step(),
        }
    }

    /// Moves to the previous place, on to the last place of the previous step.
    pub fn prev_place(&mut self) -> Moved {
        let places = self.places();
        match self.focus.and_then(|f| places.iter().position(|p| *p == f)) {
            Some(i) if i > 0 => {
                self.set_focus(Some(places[i - 1]));
                Moved::Within
            }
            _ => {
                let moved = self.prev_step();
                if moved == Moved::ToStep {
                    let last = self.places().last().copied();
                    self.set_focus(last);
                }
                moved
            }
        }
    }

    /// Moves past the entries or rows of the list or table with the focus (and past its
    /// "add" button): to the field's comment, or the next field, on to the next step. One
    /// at a time, a list ends here when nothing more is to be added.
    pub fn past_rows(&mut self) -> Moved {
        let Some(focus) = self.focus else {
            return self.next_place();
        };
        let places = self.places();
        let Some(at) = places.iter().position(|p| *p == focus) else {
            return self.next_place();
        };
        let in_rows = |p: &Place| {
            p.field == focus.field
                && matches!(
                    p.part,
                    Part::Entry(_) | Part::AddEntry | Part::Cell { .. } | Part::AddRow
                )
        };
        match places[at + 1..].iter().find(|p| !in_rows(p)) {
            Some(&place) => {
                self.set_focus(Some(place));
                Moved::Within
            }
            None => self.next_step(),
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

    /// Goes to a step, with its first place focused.
    pub fn goto_step(&mut self, step: usize) {
        self.step = step.min(self.tool.steps.len().saturating_sub(1));
        let first = self.places().first().copied();
        self.set_focus(first);
    }

    /// Goes to a field (the first of its places; the step's first place if it has none).
    pub fn goto_field(&mut self, at: FieldAt) {
        self.goto_step(at.step);
        if let Some(place) = self.places().into_iter().find(|p| p.field == at) {
            self.set_focus(Some(place));
        }
    }

    /// Focuses a place of the current step, if it is there.
    pub fn focus_place(&mut self, place: Place) {
        if self.places().contains(&place) {
            self.set_focus(Some(place));
        }
    }

    /// Takes the cursor out of the fields (Esc); Tab puts it back.
    pub fn blur(&mut self) {
        self.focus = None;
    }

    fn set_focus(&mut self, focus: Option<Place>) {
        self.focus = focus;
        let field = focus
            .and_then(|p| self.field(p.field))
            .map(|f| f.id.clone())
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

    /// After a change that may hide fields or remove rows: keep the focus on a place that
    /// is still there, else the nearest one before it.
    fn settle_focus(&mut self) {
        let Some(focus) = self.focus else { return };
        let places = self.places();
        if !places.contains(&focus) {
            let nearest = places
                .iter()
                .rev()
                .find(|p| p.order() <= focus.order())
                .or(places.first())
                .copied();
            self.set_focus(nearest);
        }
    }

    // ----- editing -----

    /// The one way answers change (see the module's comment). `change` gets the session and
    /// the place's field and says whether it changed anything.
    fn edit(&mut self, place: Place, change: impl FnOnce(&mut Session, &Field) -> bool) -> bool {
        if !self.may_change() || place.step() != self.step || !self.places().contains(&place) {
            return false;
        }
        let Some(field) = self.field(place.field).cloned() else {
            return false;
        };
        if !change(&mut self.session, &field) {
            return false;
        }
        self.session.carried.remove(&field.id);
        self.revision += 1;
        self.session.follow_up = self.answers().next_follow_up();
        self.session.closed = self.answers().closing_date();
        self.settle_focus();
        true
    }

    /// Sets a text-like place from typed text. Text that is not valid (yet) is kept as
    /// typed and the error returned; the previous valid answer is dropped, since the screen
    /// shows the typed text.
    pub fn set_text(&mut self, place: Place, text: &str) -> Result<(), InputError> {
        let answers = self.answers();
        let result = answers.parse(place, text);
        // Nothing to do when the place holds this already, unless it was kept as unparsed
        // text that is valid now.
        let revalidated = result.is_ok() && answers.unparsed(place).is_some();
        if answers.shows(place, text) && !revalidated {
            return result.map(|_| ());
        }
        let key = answers.unparsed_key(place);
        let stored = match &result {
            Ok(parsed) => parsed.clone(),
            Err(_) => Parsed::Empty,
        };
        self.edit(place, |session, field| {
            if let Some(key) = key {
                match &result {
                    Ok(_) => session.unparsed.remove(&key),
                    Err(_) => session.unparsed.insert(key, text.to_string()),
                };
            }
            store(session, field, place.part, stored);
            true
        });
        // A range's other end that was refused for lying on the wrong side of this one may
        // be right now.
        let other = match place.part {
            Part::From => Some(place.with(Part::To)),
            Part::To => Some(place.with(Part::From)),
            _ => None,
        };
        if let Some(other) = other
            && let Some(raw) = self.answers().unparsed(other).map(str::to_string)
            && self.answers().parse(other, &raw).is_ok()
        {
            let _ = self.set_text(other, &raw);
        }
        result.map(|_| ())
    }

    /// Picks option `index` of an options place (Ja / Nej, a choice); `None` clears it.
    pub fn choose(&mut self, place: Place, index: Option<usize>) {
        self.edit(place, |session, field| {
            let option = match index {
                None => None,
                Some(i) => match field.kind.option_ids().and_then(|ids| ids.get(i).copied()) {
                    Some(id) => Some(id.to_string()),
                    None => return false,
                },
            };
            let current = match session.answers.get(&field.id) {
                Some(Answer::Choice(id)) => Some(id.clone()),
                _ => None,
            };
            if current == option {
                return false;
            }
            match option {
                Some(id) => session.answers.insert(field.id.clone(), Answer::Choice(id)),
                None => session.answers.remove(&field.id),
            };
            true
        });
    }

    /// Moves the choice of an options place one option on or back, round the ends.
    pub fn cycle(&mut self, place: Place, forward: bool) {
        let Some(field) = self.field(place.field) else {
            return;
        };
        let ids = field.kind.option_ids().unwrap_or_default();
        if ids.is_empty() {
            return;
        }
        let current = self
            .answers()
            .chosen(field)
            .and_then(|c| ids.iter().position(|id| *id == c));
        let n = ids.len();
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.choose(place, Some(next));
    }

    /// Ticks or unticks a box.
    pub fn set_on(&mut self, place: Place, on: bool) {
        if self.answers().is_on(place) == on {
            return;
        }
        self.edit(place, |session, field| match place.part {
            Part::Value => {
                if on {
                    session
                        .answers
                        .insert(field.id.clone(), Answer::Check(true));
                } else {
                    session.answers.remove(&field.id);
                }
                true
            }
            Part::Tick(i) => match checklist_item(field, i) {
                Some(item) => {
                    ticks_mut(session, &field.id)
                        .entry(item.to_string())
                        .or_default()
                        .done = on;
                    true
                }
                None => false,
            },
            _ => false,
        });
    }

    pub fn toggle(&mut self, place: Place) {
        let on = self.answers().is_on(place);
        self.set_on(place, !on);
    }

    /// Presses a button place: adds an entry or a row and moves to its first place.
    pub fn press(&mut self, place: Place) -> bool {
        let new = match place.part {
            Part::AddEntry => {
                let count = self
                    .field(place.field)
                    .map_or(0, |f| self.answers().entry_count(f));
                let added = self.edit(place, |session, field| {
                    entries_mut(session, &field.id).resize(count + 1, String::new());
                    true
                });
                added.then_some(Part::Entry(count))
            }
            Part::AddRow => {
                let row = self
                    .field(place.field)
                    .map_or(0, |f| self.answers().rows(f).len());
                let added = self.edit(place, |session, field| {
                    rows_mut(session, &field.id).push(Row::new());
                    true
                });
                added.then_some(Part::Cell { row, col: 0 })
            }
            _ => None,
        };
        match new {
            Some(part) => {
                self.shape += 1;
                self.focus_place(place.with(part));
                true
            }
            None => false,
        }
    }

    /// Removes the list entry or table row the place is in, with any unparsed text of it;
    /// unparsed text of the rows below moves up with them. Returns whether anything went.
    pub fn remove_row(&mut self, place: Place) -> bool {
        let locked = self.field(place.field).map_or(0, |f| self.locked_rows(f));
        let removed = self.edit(place, |session, field| {
            match (place.part, session.answers.get_mut(&field.id)) {
                (Part::Entry(i), Some(Answer::Entries(entries))) if i < entries.len() => {
                    entries.remove(i);
                    true
                }
                (Part::Cell { row, .. }, Some(Answer::Rows(rows)))
                    if row < rows.len() && row >= locked =>
                {
                    rows.remove(row);
                    session.unparsed = std::mem::take(&mut session.unparsed)
                        .into_iter()
                        .filter_map(|(mut key, text)| {
                            if let (true, UnparsedPart::Cell { row: r, .. }) =
                                (key.field == field.id, &mut key.part)
                            {
                                match (*r).cmp(&row) {
                                    std::cmp::Ordering::Equal => return None,
                                    std::cmp::Ordering::Greater => *r -= 1,
                                    std::cmp::Ordering::Less => {}
                                }
                            }
                            Some((key, text))
                        })
                        .collect();
                    true
                }
                _ => false,
            }
        });
        if removed {
            self.shape += 1;
        }
        removed
    }

    /// Empties a place: its text, its choice, its box.
    pub fn clear(&mut self, place: Place) {
        match self.input(place) {
            Input::Options => self.choose(place, None),
            Input::Toggle => self.set_on(place, false),
            Input::Button => {}
            _ => {
                let _ = self.set_text(place, "");
            }
        }
    }

    /// Gives an adapted template paragraph the report's wording again. Returns whether it
    /// had been adapted.
    pub fn restore(&mut self, place: Place) -> bool {
        let Part::Paragraph(i) = place.part else {
            return false;
        };
        self.edit(place, |session, field| {
            let Some(Answer::Paragraphs(adapted)) = session.answers.get_mut(&field.id) else {
                return false;
            };
            let restored = adapted.remove(&i).is_some();
            if adapted.is_empty() {
                session.answers.remove(&field.id);
            }
            restored
        })
    }

    /// Puts a picked entry into the list: into the entry under the cursor when it is
    /// empty, else as a new entry at the end. Returns false when the list is full.
    pub fn insert_entry(&mut self, place: Place, text: &str) -> bool {
        let empty = matches!(place.part, Part::Entry(_))
            && self.answers().value(place) == super::answers::Value::Empty;
        let target = if empty {
            place
        } else {
            let add = place.with(Part::AddEntry);
            if !self.press(add) {
                return false;
            }
            match self.focus {
                Some(new) => new,
                None => return false,
            }
        };
        self.focus_place(target);
        self.set_text(target, text).is_ok()
    }

    /// The session a link to `tool` started earlier, if any.
    pub fn linked(&self, tool: &str) -> Option<&str> {
        self.session.links.get(tool).map(String::as_str)
    }

    /// Remembers the session a link to `tool` started, so following it again opens that one.
    /// A sealed or read-only session records nothing: the link is followed all the same.
    pub fn set_linked(&mut self, tool: &str, session: &str) {
        if self.may_change() && self.linked(tool) != Some(session) {
            self.session
                .links
                .insert(tool.to_string(), session.to_string());
            self.revision += 1;
        }
    }

    /// Puts the session in a forløb (by id); not a sealed or read-only one.
    pub fn set_forloeb(&mut self, forloeb: &str) {
        if self.may_change() && self.session.forloeb != forloeb {
            self.session.forloeb = forloeb.to_string();
            self.revision += 1;
        }
    }

    pub fn set_label(&mut self, label: &str) {
        if self.may_change() && self.session.label != label {
            self.session.label = label.to_string();
            self.revision += 1;
        }
    }

    /// Marks the session completed at `now` when nothing required is missing; else returns
    /// what is. From then on it is sealed, and the completion is in its history.
    pub fn complete(&mut self, now: DateTime<FixedOffset>) -> Result<(), Vec<FieldAt>> {
        let missing = self.answers().missing();
        if !missing.is_empty() {
            return Err(missing);
        }
        if self.may_change() {
            self.session.status = Status::Completed;
            self.session.history.push(Event {
                at: now,
                change: Change::Completed,
            });
            self.revision += 1;
        }
        Ok(())
    }

    /// Opens a completed session for changes again at `now`: a draft, with the reopening in
    /// its history. Returns whether it was reopened (not when it is read-only for another
    /// reason, or not completed).
    pub fn reopen(&mut self, now: DateTime<FixedOffset>) -> bool {
        if self.read_only || !self.is_sealed() {
            return false;
        }
        self.session.status = Status::Draft;
        self.session.history.push(Event {
            at: now,
            change: Change::Reopened,
        });
        self.revision += 1;
        true
    }
}

/// Stores parsed text in the part of the field it was typed in.
fn store(session: &mut Session, field: &Field, part: Part, parsed: Parsed) {
    let id = &field.id;
    let text = parsed.canonical();
    match part {
        Part::Comment => set_or_remove(&mut session.comments, id, text),
        Part::Value => {
            let answer = match parsed {
                Parsed::Empty | Parsed::Week(_) => None,
                Parsed::Text(t) => Some(Answer::Text(t)),
                Parsed::Date(d) => Some(Answer::Date(d)),
                Parsed::Number(n) => Some(Answer::Number(n)),
            };
            match answer {
                Some(answer) => session.answers.insert(id.clone(), answer),
                None => session.answers.remove(id),
            };
        }
        Part::From | Part::To => {
            let date = match parsed {
                Parsed::Date(d) => Some(d),
                _ => None,
            };
            let (mut from, mut to) = match session.answers.get(id) {
                Some(Answer::DateRange { from, to }) => (*from, *to),
                _ => (None, None),
            };
            if part == Part::From {
                from = date;
            } else {
                to = date;
            }
            let range = Answer::DateRange { from, to };
            if range.is_given() {
                session.answers.insert(id.clone(), range);
            } else {
                session.answers.remove(id);
            }
        }
        Part::Entry(i) => {
            let entries = entries_mut(session, id);
            if entries.len() <= i {
                entries.resize(i + 1, String::new());
            }
            entries[i] = text;
        }
        Part::Cell { row, col } => {
            if let Some(column) = layout::columns(&field.kind).get(col)
                && let Some(cells) = rows_mut(session, id).get_mut(row)
            {
                set_or_remove(cells, column.id, text);
            }
        }
        Part::TickComment(i) => {
            if let Some(item) = checklist_item(field, i) {
                ticks_mut(session, id)
                    .entry(item.to_string())
                    .or_default()
                    .comment = text;
            }
        }
        // The report's wording is the default: typed again, the paragraph is no longer
        // adapted. Empty, it is left out.
        Part::Paragraph(i) => {
            let original = match &field.kind {
                Kind::Template { text } => paragraphs(text).nth(i),
                _ => None,
            };
            let adapted = paragraphs_mut(session, id);
            if original == Some(text.as_str()) {
                adapted.remove(&i);
            } else {
                adapted.insert(i, text);
            }
            if adapted.is_empty() {
                session.answers.remove(id);
            }
        }
        Part::Tick(_) | Part::AddEntry | Part::AddRow => {}
    }
}

fn set_or_remove(map: &mut BTreeMap<String, String>, key: &str, value: String) {
    if value.is_empty() {
        map.remove(key);
    } else {
        map.insert(key.to_string(), value);
    }
}

/// The answer of field `id` as the variant `inner` picks, made `empty()` first when it is
/// missing or of another variant.
fn answer_mut<'a, T>(
    session: &'a mut Session,
    id: &str,
    empty: fn() -> Answer,
    inner: fn(&mut Answer) -> Option<&mut T>,
) -> &'a mut T {
    let answer = session.answers.entry(id.to_string()).or_insert_with(empty);
    if inner(answer).is_none() {
        *answer = empty();
    }
    match inner(answer) {
        Some(value) => value,
        None => unreachable!("`empty` makes the variant `inner` picks"),
    }
}

fn entries_mut<'a>(session: &'a mut Session, id: &str) -> &'a mut Vec<String> {
    answer_mut(
        session,
        id,
        || Answer::Entries(Vec::new()),
        |a| match a {
            Answer::Entries(e) => Some(e),
            _ => None,
        },
    )
}

fn ticks_mut<'a>(session: &'a mut Session, id: &str) -> &'a mut BTreeMap<String, Tick> {
    answer_mut(
        session,
        id,
        || Answer::Ticks(BTreeMap::new()),
        |a| match a {
            Answer::Ticks(t) => Some(t),
            _ => None,
        },
    )
}

fn paragraphs_mut<'a>(session: &'a mut Session, id: &str) -> &'a mut BTreeMap<usize, String> {
    answer_mut(
        session,
        id,
        || Answer::Paragraphs(BTreeMap::new()),
        |a| match a {
            Answer::Paragraphs(p) => Some(p),
            _ => None,
        },
    )
}

fn rows_mut<'a>(session: &'a mut Session, id: &str) -> &'a mut Vec<Row> {
    answer_mut(
        session,
        id,
        || Answer::Rows(Vec::new()),
        |a| match a {
            Answer::Rows(r) => Some(r),
            _ => None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{Shown, Value};
    use crate::core::catalog::Catalog;
    use crate::core::check::Source;
    use crate::core::session::UnparsedAt;

    fn tool() -> Tool {
        let source = Source::new(
            "example.ron",
            include_str!("../../tests/fixtures/example.ron"),
        );
        let (catalog, problems) = Catalog::load(&[], &[source]);
        assert_eq!(problems, vec![]);
        catalog.entries[0].tool.clone()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn walk() -> Walk {
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
        let tool = tool();
        let session = Session::new("s".into(), &tool.id, tool.version, "", now);
        Walk::new(tool, session, today())
    }

    fn at(step: usize, index: usize, part: Part) -> Place {
        Place::new(FieldAt { step, index }, part)
    }

    #[test]
    fn starts_on_the_first_field_of_the_first_step() {
        let w = walk();
        assert_eq!(w.step_index(), 0);
        assert_eq!(w.focus(), Some(at(0, 0, Part::Value)));
        assert_eq!(
            w.input(at(0, 0, Part::Value)),
            Input::Text { multiline: true }
        );
    }

    #[test]
    fn a_condition_shows_a_field_only_for_the_matching_answer() {
        let mut w = walk();
        assert_eq!(
            w.places().len(),
            4,
            "'Hvor?' is hidden until behandling is ja"
        );
        w.choose(at(0, 3, Part::Value), Some(0));
        assert_eq!(w.places().len(), 5);
        w.choose(at(0, 3, Part::Value), Some(1));
        assert_eq!(w.places().len(), 4);
    }

    #[test]
    fn hidden_answers_are_kept_but_not_required_or_reviewed() {
        let mut w = walk();
        w.choose(at(0, 3, Part::Value), Some(0));
        w.set_text(at(0, 4, Part::Value), "Hos lægen").unwrap();
        w.choose(at(0, 3, Part::Value), Some(1));
        assert!(w.session().answers.contains_key("hvor"));
        assert!(!w.answers().review().iter().any(|i| i.field.id == "hvor"));
    }

    #[test]
    fn tab_walks_through_places_and_steps_and_then_past_the_end() {
        let mut w = walk();
        let mut moves = Vec::new();
        for _ in 0..40 {
            let moved = w.next_place();
            moves.push(moved);
            if moved == Moved::PastEnd {
                break;
            }
        }
        assert_eq!(moves.iter().filter(|m| **m == Moved::ToStep).count(), 2);
        assert_eq!(moves.last(), Some(&Moved::PastEnd));
        assert_eq!(w.step_index(), 2);
        // Shift-Tab from the first place of a step goes to the last place of the one before.
        w.goto_step(1);
        assert_eq!(w.prev_place(), Moved::ToStep);
        assert_eq!(w.step_index(), 0);
        assert_eq!(w.focus(), w.places().last().copied());
    }

    #[test]
    fn the_focus_is_always_on_the_current_step_and_edits_elsewhere_are_refused() {
        let mut w = walk();
        w.set_text(at(0, 0, Part::Value), "Gulvvask").unwrap();
        w.next_step();
        let focus = w.focus().unwrap();
        assert_eq!(focus.step(), 1);
        assert_eq!(w.answers().value(focus), Value::Empty);
        // The same field index and part on the step left behind is not a place now.
        w.set_text(at(0, 0, Part::Value), "Løft").unwrap();
        assert_eq!(
            w.session().answers.get("opgaver"),
            Some(&Answer::Text("Gulvvask".into()))
        );
    }

    #[test]
    fn invalid_dates_are_kept_as_typed_with_an_error() {
        let mut w = walk();
        let date = at(0, 2, Part::Value);
        assert!(matches!(
            w.set_text(date, "31-02-2026"),
            Err(InputError::NoSuchDate { .. })
        ));
        assert_eq!(w.answers().value(date), Value::Unparsed("31-02-2026"));
        assert!(w.answers().error(date).is_some());
        assert!(!w.session().answers.contains_key("opstaaet"));
        let key = UnparsedAt {
            field: "opstaaet".into(),
            part: UnparsedPart::Value,
        };
        assert_eq!(
            w.session().unparsed.get(&key).map(String::as_str),
            Some("31-02-2026")
        );
        w.set_text(date, "28-2-2026").unwrap();
        assert_eq!(w.answers().error(date), None);
        let feb28 = NaiveDate::from_ymd_opt(2026, 2, 28).unwrap();
        assert_eq!(
            w.session().answers.get("opstaaet"),
            Some(&Answer::Date(feb28))
        );
        assert!(w.session().unparsed.is_empty());
        assert_eq!(w.answers().value(date), Value::Date(feb28));
        // Any text meaning the stored date shows it; other text does not.
        assert!(w.answers().shows(date, "28-2-2026"));
        assert!(w.answers().shows(date, "28-02-2026"));
        assert!(!w.answers().shows(date, "28-02-202"));
    }

    #[test]
    fn numbers_are_bounded_and_ranges_ordered() {
        let mut w = walk();
        w.goto_step(1);
        let hours = at(1, 0, Part::Value);
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
        w.set_text(at(1, 1, Part::From), "01-12-2026").unwrap();
        assert_eq!(
            w.set_text(at(1, 1, Part::To), "30-11-2026"),
            Err(InputError::EndBeforeStart)
        );
        w.set_text(at(1, 1, Part::To), "31-01-2027").unwrap();
        // A start refused for lying after the end is taken once the end moves on.
        assert!(w.set_text(at(1, 1, Part::From), "01-02-2027").is_err());
        w.set_text(at(1, 1, Part::To), "28-02-2027").unwrap();
        assert!(
            w.session().unparsed.is_empty(),
            "{:?}",
            w.session().unparsed
        );
        w.set_text(at(1, 1, Part::From), "01-12-2026").unwrap();
        w.set_text(at(1, 1, Part::To), "31-01-2027").unwrap();
        let range = w.tool().field("varighed").unwrap();
        assert_eq!(
            w.answers().shown(range),
            Some(Shown::Range {
                from: NaiveDate::from_ymd_opt(2026, 12, 1),
                to: NaiveDate::from_ymd_opt(2027, 1, 31),
            })
        );
    }

    #[test]
    fn choices_comments_checks_and_lists() {
        let mut w = walk();
        w.goto_step(1);
        w.choose(at(1, 2, Part::Value), Some(2));
        assert!(w.places().contains(&at(1, 2, Part::Comment)));
        w.set_text(at(1, 2, Part::Comment), "Bekymret for løft")
            .unwrap();
        let svar = w.tool().field("svar").unwrap();
        assert_eq!(
            w.answers().shown(svar),
            Some(Shown::Choice {
                id: "ved-ikke",
                label: Some("Ved ikke")
            })
        );
        assert_eq!(w.answers().comment(svar), Some("Bekymret for løft"));
        w.toggle(at(1, 4, Part::Value));
        assert_eq!(w.session().answers.get("log"), Some(&Answer::Check(true)));
        let delmaal = w.tool().field("delmaal").unwrap().clone();
        assert_eq!(w.answers().entry_count(&delmaal), 1);
        assert!(w.press(at(1, 5, Part::AddEntry)));
        assert_eq!(w.focus(), Some(at(1, 5, Part::Entry(1))));
        w.set_text(at(1, 5, Part::Entry(1)), "Fysioterapeut")
            .unwrap();
        w.press(at(1, 5, Part::AddEntry));
        // At most three entries: no add button after the third.
        assert!(!w.places().contains(&at(1, 5, Part::AddEntry)));
        assert!(w.remove_row(at(1, 5, Part::Entry(0))));
        assert_eq!(
            w.session().answers.get("delmaal"),
            Some(&Answer::Entries(vec![
                "Fysioterapeut".into(),
                String::new()
            ]))
        );
        // Clearing a choice and a box.
        w.clear(at(1, 2, Part::Value));
        w.clear(at(1, 4, Part::Value));
        assert!(!w.session().answers.contains_key("svar"));
        assert!(!w.session().answers.contains_key("log"));
    }

    #[test]
    fn tables_weeks_checklists_and_templates() {
        let mut w = walk();
        w.goto_step(2);
        w.press(at(2, 0, Part::AddRow));
        let date = at(2, 0, Part::Cell { row: 0, col: 0 });
        assert_eq!(w.focus(), Some(date));
        assert!(w.set_text(date, "31-02-2026").is_err());
        w.set_text(date, "24-11-2026").unwrap();
        w.set_text(at(2, 0, Part::Cell { row: 0, col: 1 }), "Går godt")
            .unwrap();
        let table = w.tool().field("log-tabel").unwrap();
        let Some(Shown::Rows { rows, columns }) = w.answers().shown(table) else {
            panic!("no rows")
        };
        assert_eq!(columns.len(), 2);
        assert_eq!(rows[0].get("dato").map(String::as_str), Some("2026-11-24"));

        w.press(at(2, 1, Part::AddRow));
        let week = at(2, 1, Part::Cell { row: 0, col: 0 });
        assert_eq!(
            w.set_text(week, "54"),
            Err(InputError::NoSuchWeek {
                week: 54,
                year: 2026
            })
        );
        w.set_text(week, "48").unwrap();
        w.set_text(at(2, 1, Part::Cell { row: 0, col: 1 }), "4 timer")
            .unwrap();
        let Some(Answer::Rows(rows)) = w.session().answers.get("skema") else {
            panic!("no schedule")
        };
        assert_eq!(rows[0].get("uge").map(String::as_str), Some("2026-W48"));
        assert_eq!(rows[0].get("mandag").map(String::as_str), Some("4 timer"));

        w.toggle(at(2, 2, Part::Tick(1)));
        w.set_text(at(2, 2, Part::TickComment(1)), "Aftalt med AMR")
            .unwrap();
        let tjek = w.tool().field("tjek").unwrap();
        assert_eq!(
            w.answers().shown(tjek),
            Some(Shown::Ticks(vec![(
                true,
                "Privatliv og fortrolighed",
                "Aftalt med AMR"
            )]))
        );

        let politik = w.tool().field("politik").unwrap();
        let Some(Shown::Template(paragraphs)) = w.answers().shown(politik) else {
            panic!("no template")
        };
        let crate::core::answers::Piece::Blank(field) = &paragraphs[0].pieces[1] else {
            panic!("no blank")
        };
        assert_eq!(field.id, "firma");
        assert_eq!(field.hint, "indsæt virksomhedens navn");
    }

    #[test]
    fn a_template_paragraph_is_adapted_left_out_and_restored() {
        let mut w = walk();
        w.goto_step(2);
        let paragraph = |i| at(2, 4, Part::Paragraph(i));
        let original = "Politikken revideres hvert år.";
        assert_eq!(w.answers().value(paragraph(1)), Value::Text(original));
        // Typed as the report words it, nothing is adapted.
        w.set_text(paragraph(1), original).unwrap();
        assert!(!w.session().answers.contains_key("politik"));
        w.set_text(paragraph(1), "Politikken revideres hvert andet år.")
            .unwrap();
        w.set_text(paragraph(0), "").unwrap();
        let politik = w.tool().field("politik").unwrap();
        let Some(Shown::Template(paragraphs)) = w.answers().shown(politik) else {
            panic!("no template")
        };
        assert_eq!(
            paragraphs[1].pieces,
            vec![crate::core::answers::Piece::Text(
                "Politikken revideres hvert andet år."
            )]
        );
        assert_eq!(
            paragraphs[1].original,
            Some(vec![crate::core::answers::Piece::Text(original)])
        );
        // Left out: nothing to read, the report's wording kept to show.
        assert_eq!(w.answers().value(paragraph(0)), Value::Empty);
        assert!(paragraphs[0].original.is_some());
        assert!(w.restore(paragraph(1)));
        assert!(!w.restore(paragraph(1)), "nothing left to restore");
        assert_eq!(w.answers().value(paragraph(1)), Value::Text(original));
        assert!(w.restore(paragraph(0)));
        assert!(!w.session().answers.contains_key("politik"));
    }

    #[test]
    fn removing_a_row_keeps_the_unparsed_text_of_the_others() {
        let mut w = walk();
        w.goto_step(2);
        for _ in 0..3 {
            w.press(at(2, 0, Part::AddRow));
        }
        let cell = |row| at(2, 0, Part::Cell { row, col: 0 });
        assert!(w.set_text(cell(0), "første").is_err());
        assert!(w.set_text(cell(1), "anden").is_err());
        assert!(w.set_text(cell(2), "tredje").is_err());
        assert!(w.remove_row(cell(1)));
        assert_eq!(w.answers().value(cell(0)), Value::Unparsed("første"));
        assert_eq!(w.answers().value(cell(1)), Value::Unparsed("tredje"));
        assert_eq!(w.session().unparsed.len(), 2);
    }

    #[test]
    fn a_saved_row_with_text_that_is_not_valid_stays_open_for_correction() {
        let mut tool = tool();
        if let Kind::Table { append_only, .. } = &mut tool.steps[2].fields[0].kind {
            *append_only = true;
        }
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
        let session = Session::new("s".into(), &tool.id, tool.version, "", now);
        let mut w = Walk::new(tool.clone(), session, today());
        w.goto_step(2);
        let cell = |row| at(2, 0, Part::Cell { row, col: 0 });
        w.press(at(2, 0, Part::AddRow));
        w.set_text(cell(0), "24-11-2026").unwrap();
        w.press(at(2, 0, Part::AddRow));
        assert!(w.set_text(cell(1), "31-02-2026").is_err());
        let later = Walk::new(tool, w.session().clone(), today());
        let table = later.tool().steps[2].fields[0].clone();
        assert_eq!(later.locked_rows(&table), 1);
        assert!(
            later
                .field_places(FieldAt { step: 2, index: 0 })
                .contains(&cell(1))
        );
    }

    #[test]
    fn completing_needs_the_required_answers() {
        let mut w = walk();
        let now = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
        assert_eq!(w.complete(now), Err(vec![FieldAt { step: 0, index: 0 }]));
        w.set_text(at(0, 0, Part::Value), "Gulvvask\nLøft").unwrap();
        assert_eq!(w.complete(now), Ok(()));
        assert_eq!(w.session().status, Status::Completed);
        assert_eq!(w.session().history.len(), 1);
    }

    #[test]
    fn a_completed_session_is_sealed_until_it_is_reopened_and_keeps_the_history() {
        let mut w = walk();
        let first = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
        let later = DateTime::parse_from_rfc3339("2026-11-30T14:00:00+01:00").unwrap();
        w.set_text(at(0, 0, Part::Value), "Gulvvask").unwrap();
        w.complete(first).unwrap();
        let revision = w.revision();
        // Nothing changes: not the answer, not the label.
        assert!(w.set_text(at(0, 0, Part::Value), "Andet").is_ok());
        w.set_label("Ny");
        assert_eq!(w.revision(), revision);
        assert_eq!(
            w.session().answers.get("opgaver"),
            Some(&Answer::Text("Gulvvask".into()))
        );
        assert!(!w.session().is_reopened());
        assert!(w.reopen(later));
        assert!(w.session().is_reopened());
        assert_eq!(w.session().status, Status::Draft);
        w.set_text(at(0, 0, Part::Value), "Andet").unwrap();
        assert_eq!(
            w.session().answers.get("opgaver"),
            Some(&Answer::Text("Andet".into()))
        );
        let changes: Vec<Change> = w.session().history.iter().map(|e| e.change).collect();
        assert_eq!(changes, vec![Change::Completed, Change::Reopened]);
        assert_eq!(w.session().history[1].at, later);
        // A draft is not reopened; a session read-only for another reason neither.
        assert!(!w.reopen(later));
        w.complete(later).unwrap();
        w.set_read_only();
        assert!(!w.reopen(later));
    }

    #[test]
    fn a_sealed_session_records_no_link_and_moves_into_no_forloeb() {
        let mut w = walk();
        let now = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
        w.set_text(at(0, 0, Part::Value), "Gulvvask").unwrap();
        w.complete(now).unwrap();
        let revision = w.revision();
        w.set_linked("goal-setting", "s2");
        w.set_forloeb("f1");
        assert_eq!(w.revision(), revision);
        assert_eq!(w.linked("goal-setting"), None);
        assert!(w.session().forloeb.is_empty());
        // Reopened, both are changes like any other.
        assert!(w.reopen(now));
        w.set_linked("goal-setting", "s2");
        w.set_forloeb("f1");
        assert_eq!(w.linked("goal-setting"), Some("s2"));
        assert_eq!(w.session().forloeb, "f1");
        // Read-only (a newer program's file): neither.
        w.set_read_only();
        w.set_linked("goal-setting", "s3");
        w.set_forloeb("f2");
        assert_eq!(w.linked("goal-setting"), Some("s2"));
        assert_eq!(w.session().forloeb, "f1");
    }

    #[test]
    fn a_carried_answer_is_unmarked_only_when_it_changes() {
        let mut w = walk();
        w.session
            .answers
            .insert("vigtigst".into(), Answer::Text("Løft".into()));
        w.session.carried.insert("vigtigst".into());
        let place = at(0, 1, Part::Value);
        w.set_text(place, "Løft").unwrap();
        assert!(w.session().carried.contains("vigtigst"));
        w.set_text(place, "Løft af kasser").unwrap();
        assert!(!w.session().carried.contains("vigtigst"));
    }

    #[test]
    fn a_resumed_session_opens_where_it_was_left() {
        let mut w = walk();
        w.goto_field(FieldAt { step: 1, index: 2 });
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
        assert_eq!(resumed.focus(), Some(at(1, 2, Part::Value)));
    }

    #[test]
    fn past_rows_leaves_a_list_or_table_for_what_follows_it() {
        let mut w = walk();
        w.goto_step(1);
        w.focus_place(at(1, 5, Part::Entry(0)));
        assert!(w.press(at(1, 5, Part::AddEntry)));
        assert_eq!(w.focus(), Some(at(1, 5, Part::Entry(1))));
        // The list is the step's last field: past it is the next step.
        assert_eq!(w.past_rows(), Moved::ToStep);
        assert_eq!(w.focus(), Some(at(2, 0, Part::AddRow)));
        // Outside a list or table it is the next place: a choice's comment.
        w.goto_step(1);
        w.focus_place(at(1, 2, Part::Value));
        assert_eq!(w.past_rows(), Moved::Within);
        assert_eq!(w.focus(), Some(at(1, 2, Part::Comment)));
        // From a table's row, the next field of the step; from the last field, the next step.
        w.goto_step(2);
        w.press(at(2, 0, Part::AddRow));
        assert_eq!(w.focus(), Some(at(2, 0, Part::Cell { row: 0, col: 0 })));
        assert_eq!(w.past_rows(), Moved::Within);
        assert_eq!(
            w.focus().map(|p| p.field),
            Some(FieldAt { step: 2, index: 1 })
        );
        // Elsewhere it moves on as Tab does.
        w.goto_step(0);
        let first = w.focus();
        w.past_rows();
        assert_ne!(w.focus(), first);
        assert_eq!(w.focus().map(|p| p.step()), Some(0));
    }
}
