//! Model-based test of the walk: random key sequences over every tool, played through the
//! real `update`, and after every key compared with a small reference model of what was
//! typed where:
//!
//! (a) every stored answer and unparsed text is exactly what was typed at that place,
//! (b) nothing appears at a place nobody typed at,
//! (c) the editor is at the focused place and shows exactly that place's own text.
//!
//! The reference knows places by field id and part (row and column id for cells), never by
//! position on the screen, and follows the cursor only where the program says it is. Now
//! and then the session is closed and opened again, as in a later sitting.
//! `cargo test` runs a fixed number of cases; `PROPTEST_CASES=20000 cargo test --release
//! --test model` runs many more. A failure prints the tool and the shortest key sequence
//! that shows it (and proptest keeps its seed in `tests/model.proptest-regressions`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::definition::{Field, Kind};
use vejen_frem::core::input::{self, Week};
use vejen_frem::core::layout::{self, Input};
use vejen_frem::core::place::{Part, Place};
use vejen_frem::core::session::{Answer, Session, UnparsedPart};
use vejen_frem::core::walk::Walk;
use vejen_frem::present;
use vejen_frem::tui::model::{Model, OpenSession, Screen};
use vejen_frem::tui::update::{Msg, update};
use vejen_frem::tui::view;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A place as the reference knows it: the field's id and the part, with a cell's column by
/// id and a checklist item by id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Value(String),
    From(String),
    To(String),
    Entry(String, usize),
    Cell(String, usize, String),
    Tick(String, String),
    TickComment(String, String),
    Comment(String),
    Paragraph(String, usize),
}

impl Key {
    fn of(field: &Field, part: Part) -> Option<Key> {
        let id = field.id.clone();
        let item = |i: usize| match &field.kind {
            Kind::Checklist { items } => items.get(i).map(|it| it.id.clone()),
            _ => None,
        };
        Some(match part {
            Part::Value => Key::Value(id),
            Part::From => Key::From(id),
            Part::To => Key::To(id),
            Part::Entry(i) => Key::Entry(id, i),
            Part::Cell { row, col } => {
                let column = layout::columns(&field.kind).get(col)?.id.to_string();
                Key::Cell(id, row, column)
            }
            Part::Tick(i) => Key::Tick(id, item(i)?),
            Part::TickComment(i) => Key::TickComment(id, item(i)?),
            Part::Comment => Key::Comment(id),
            Part::Paragraph(i) => Key::Paragraph(id, i),
            Part::AddEntry | Part::AddRow => return None,
        })
    }

    fn field(&self) -> &str {
        match self {
            Key::Value(f)
            | Key::From(f)
            | Key::To(f)
            | Key::Entry(f, _)
            | Key::Cell(f, _, _)
            | Key::Tick(f, _)
            | Key::TickComment(f, _)
            | Key::Comment(f)
            | Key::Paragraph(f, _) => f,
        }
    }

    /// The row of an entry or cell, and the same key in another row.
    fn row(&self) -> Option<usize> {
        match self {
            Key::Entry(_, r) | Key::Cell(_, r, _) => Some(*r),
            _ => None,
        }
    }

    fn in_row(&self, row: usize) -> Key {
        match self {
            Key::Entry(f, _) => Key::Entry(f.clone(), row),
            Key::Cell(f, _, c) => Key::Cell(f.clone(), row, c.clone()),
            other => other.clone(),
        }
    }
}

/// What a place holds, in one comparable form: valid text in its stored form (dates
/// yyyy-mm-dd, weeks yyyy-Www), or text that is not valid, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Held {
    Stored(String),
    Unparsed(String),
    Chosen(String),
    Ticked,
    /// A template paragraph as the workplace wrote it (empty: left out).
    Adapted(String),
}

/// One text place as the reference sees it: what was typed, and whether the program had to
/// keep it as unparsed text when it was typed.
#[derive(Debug, Clone)]
struct Typed {
    text: String,
    valid: bool,
}

/// The reference model: what was typed and chosen where.
#[derive(Default, Debug)]
struct Reference {
    texts: BTreeMap<Key, Typed>,
    choices: BTreeMap<String, String>,
    ticks: BTreeMap<Key, bool>,
    /// The text being edited and where, while the cursor is in a text place.
    editing: Option<(Key, String)>,
}

/// The kind of input a place takes, as the reference needs it.
fn input_of(field: &Field, part: Part) -> Input {
    layout::input(field, part)
}

/// Typed text as it is stored when valid: dates and weeks in their stored form, numbers as
/// numbers, blank text as nothing. `None` when the text is not valid for the input.
fn stored_form(input: Input, unit: &str, text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some(String::new());
    }
    match input {
        Input::Date => input::parse_date(text, today())
            .ok()
            .map(|d| d.format("%Y-%m-%d").to_string()),
        Input::Number { min, max } => input::parse_number(text, min, max, unit)
            .ok()
            .map(|n| n.to_string()),
        Input::Week => input::parse_week(text, today()).ok().map(Week::key),
        _ => Some(text.to_string()),
    }
}

/// The stored form as an editor shows it again: dd-mm-åååå, 48/2026, decimal comma.
fn shown_form(input: Input, stored: &str) -> String {
    match input {
        Input::Date => {
            NaiveDate::parse_from_str(stored, "%Y-%m-%d").map_or(stored.to_string(), present::date)
        }
        Input::Week => Week::from_key(stored).map_or(stored.to_string(), present::week),
        Input::Number { .. } => stored
            .parse::<f64>()
            .map_or(stored.to_string(), present::number),
        _ => stored.to_string(),
    }
}

/// The report's wording of a template paragraph: what it holds until it is adapted.
fn original_paragraph(field: &Field, key: &Key) -> Option<String> {
    match (&field.kind, key) {
        (Kind::Template { text }, Key::Paragraph(_, i)) => {
            vejen_frem::core::definition::paragraphs(text)
                .nth(*i)
                .map(str::to_string)
        }
        _ => None,
    }
}

fn unit_of(field: &Field) -> &str {
    match &field.kind {
        Kind::Number { unit, .. } => unit,
        _ => "",
    }
}

impl Reference {
    /// What the reference expects at every place that holds something.
    fn expected(&self, tool: &vejen_frem::core::definition::Tool) -> BTreeMap<Key, Held> {
        let mut out = BTreeMap::new();
        for (key, typed) in &self.texts {
            let Some(field) = tool.field(key.field()) else {
                continue;
            };
            let input = input_of(field, part_of(field, key));
            if let Some(original) = original_paragraph(field, key) {
                // Adapted unless it reads as the report's wording; blank text leaves it out.
                let text = stored_form(input, "", &typed.text).unwrap_or_default();
                if text != original {
                    out.insert(key.clone(), Held::Adapted(text));
                }
            } else if !typed.valid {
                out.insert(key.clone(), Held::Unparsed(typed.text.clone()));
            } else if let Some(stored) =
                stored_form(input, unit_of(field), &typed.text).filter(|s| !s.is_empty())
            {
                out.insert(key.clone(), Held::Stored(stored));
            }
        }
        for (field, option) in &self.choices {
            out.insert(Key::Value(field.clone()), Held::Chosen(option.clone()));
        }
        for (key, on) in &self.ticks {
            if *on {
                out.insert(key.clone(), Held::Ticked);
            }
        }
        out
    }

    /// The text an editor opens with at a place: unparsed text as typed, else the stored
    /// answer as it is shown.
    fn arrival(&self, field: &Field, key: &Key) -> String {
        let Some(typed) = self.texts.get(key) else {
            return original_paragraph(field, key).unwrap_or_default();
        };
        if !typed.valid {
            return typed.text.clone();
        }
        let input = input_of(field, part_of(field, key));
        let stored = stored_form(input, unit_of(field), &typed.text).unwrap_or_default();
        shown_form(input, &stored)
    }

    /// Stores edited text at a place, deciding as the program must whether it is valid: it
    /// parses, and a range's end is not before its start (the other end as stored now).
    fn set_text(&mut self, field: &Field, key: &Key, text: String) {
        let input = input_of(field, part_of(field, key));
        let stored = stored_form(input, unit_of(field), &text);
        let other = match key {
            Key::From(f) => Some((Key::To(f.clone()), true)),
            Key::To(f) => Some((Key::From(f.clone()), false)),
            _ => None,
        };
        let in_order = match (&stored, other) {
            (Some(date), Some((other, this_is_from))) if !date.is_empty() => {
                match self.texts.get(&other).filter(|t| t.valid) {
                    Some(t) => match stored_form(input, "", &t.text) {
                        Some(o) if !o.is_empty() => {
                            if this_is_from {
                                *date <= o
                            } else {
                                *date >= o
                            }
                        }
                        _ => true,
                    },
                    None => true,
                }
            }
            _ => true,
        };
        let valid = stored.is_some() && in_order;
        self.texts.insert(key.clone(), Typed { text, valid });
        // The other end, refused for lying on the wrong side of this one, may be right now.
        let other = match key {
            Key::From(f) => Some(Key::To(f.clone())),
            Key::To(f) => Some(Key::From(f.clone())),
            _ => None,
        };
        if let Some(other) = other
            && let Some(typed) = self.texts.get(&other).filter(|t| !t.valid).cloned()
            && stored_form(input, "", &typed.text).is_some()
        {
            self.set_text(field, &other, typed.text);
        }
    }

    /// A row of a list or table removed: the rows below move up.
    fn remove_row(&mut self, field: &str, row: usize) {
        let shift = |key: &Key| -> Option<Key> {
            match key.row() {
                Some(r) if key.field() == field && r == row => None,
                Some(r) if key.field() == field && r > row => Some(key.in_row(r - 1)),
                _ => Some(key.clone()),
            }
        };
        self.texts = std::mem::take(&mut self.texts)
            .into_iter()
            .filter_map(|(k, v)| shift(&k).map(|k| (k, v)))
            .collect();
    }
}

/// The part of a field a reference key is.
fn part_of(field: &Field, key: &Key) -> Part {
    let item = |id: &str| match &field.kind {
        Kind::Checklist { items } => items.iter().position(|i| i.id == id).unwrap_or(0),
        _ => 0,
    };
    match key {
        Key::Value(_) => Part::Value,
        Key::From(_) => Part::From,
        Key::To(_) => Part::To,
        Key::Entry(_, i) => Part::Entry(*i),
        Key::Cell(_, row, column) => Part::Cell {
            row: *row,
            col: layout::columns(&field.kind)
                .iter()
                .position(|c| c.id == column)
                .unwrap_or(0),
        },
        Key::Tick(_, i) => Part::Tick(item(i)),
        Key::TickComment(_, i) => Part::TickComment(item(i)),
        Key::Comment(_) => Part::Comment,
        Key::Paragraph(_, i) => Part::Paragraph(*i),
    }
}

/// What the session holds at every place, in the reference's terms.
fn actual(walk: &Walk) -> BTreeMap<Key, Held> {
    let session: &Session = walk.session();
    let mut out = BTreeMap::new();
    let mut put = |key: Key, text: String| {
        if !text.is_empty() {
            out.insert(key, Held::Stored(text));
        }
    };
    for (id, answer) in &session.answers {
        match answer {
            Answer::Text(t) => put(Key::Value(id.clone()), t.clone()),
            Answer::Date(d) => put(Key::Value(id.clone()), d.format("%Y-%m-%d").to_string()),
            Answer::Number(n) => put(Key::Value(id.clone()), n.to_string()),
            Answer::Choice(_) | Answer::Check(_) | Answer::Ticks(_) | Answer::Paragraphs(_) => {}
            Answer::DateRange { from, to } => {
                let ymd = |d: &Option<NaiveDate>| {
                    d.map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default()
                };
                put(Key::From(id.clone()), ymd(from));
                put(Key::To(id.clone()), ymd(to));
            }
            Answer::Entries(entries) => {
                for (i, e) in entries.iter().enumerate() {
                    put(Key::Entry(id.clone(), i), e.clone());
                }
            }
            Answer::Rows(rows) => {
                for (r, row) in rows.iter().enumerate() {
                    for (column, cell) in row {
                        put(Key::Cell(id.clone(), r, column.clone()), cell.clone());
                    }
                }
            }
        }
        if let Answer::Ticks(ticks) = answer {
            for (item, tick) in ticks {
                put(
                    Key::TickComment(id.clone(), item.clone()),
                    tick.comment.clone(),
                );
            }
        }
    }
    for (id, comment) in &session.comments {
        put(Key::Comment(id.clone()), comment.clone());
    }
    for (id, answer) in &session.answers {
        match answer {
            Answer::Choice(c) => {
                out.insert(Key::Value(id.clone()), Held::Chosen(c.clone()));
            }
            Answer::Check(true) => {
                out.insert(Key::Value(id.clone()), Held::Ticked);
            }
            Answer::Ticks(ticks) => {
                for (item, _) in ticks.iter().filter(|(_, t)| t.done) {
                    out.insert(Key::Tick(id.clone(), item.clone()), Held::Ticked);
                }
            }
            Answer::Paragraphs(adapted) => {
                for (i, text) in adapted {
                    out.insert(Key::Paragraph(id.clone(), *i), Held::Adapted(text.clone()));
                }
            }
            _ => {}
        }
    }
    for (at, text) in &session.unparsed {
        let key = match &at.part {
            UnparsedPart::Value => Key::Value(at.field.clone()),
            UnparsedPart::From => Key::From(at.field.clone()),
            UnparsedPart::To => Key::To(at.field.clone()),
            UnparsedPart::Cell { row, column } => Key::Cell(at.field.clone(), *row, column.clone()),
        };
        out.insert(key, Held::Unparsed(text.clone()));
    }
    out
}

/// A key press of the random sequences.
#[derive(Debug, Clone)]
enum Press {
    Char(char),
    /// Several characters typed one after another.
    Word(&'static str),
    Backspace,
    Tab,
    BackTab,
    PageDown,
    PageUp,
    CtrlRight,
    CtrlLeft,
    Esc,
    Enter,
    Space,
    CtrlD,
    /// Ctrl-G: a template paragraph back to the report's wording.
    CtrlG,
    /// Closed and opened again (a later sitting): resumes where it was left.
    Reopen,
}

impl Press {
    fn events(&self) -> Vec<KeyEvent> {
        let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let ctrl = |code| KeyEvent::new(code, KeyModifiers::CONTROL);
        match self {
            Press::Char(c) => vec![plain(KeyCode::Char(*c))],
            Press::Word(w) => w.chars().map(|c| plain(KeyCode::Char(c))).collect(),
            Press::Backspace => vec![plain(KeyCode::Backspace)],
            Press::Tab => vec![plain(KeyCode::Tab)],
            Press::BackTab => vec![KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)],
            Press::PageDown => vec![plain(KeyCode::PageDown)],
            Press::PageUp => vec![plain(KeyCode::PageUp)],
            Press::CtrlRight => vec![ctrl(KeyCode::Right)],
            Press::CtrlLeft => vec![ctrl(KeyCode::Left)],
            Press::Esc => vec![plain(KeyCode::Esc)],
            Press::Enter => vec![plain(KeyCode::Enter)],
            Press::Space => vec![plain(KeyCode::Char(' '))],
            Press::CtrlD => vec![ctrl(KeyCode::Char('d'))],
            Press::CtrlG => vec![ctrl(KeyCode::Char('g'))],
            Press::Reopen => Vec::new(),
        }
    }
}

fn press() -> impl Strategy<Value = Press> {
    let chars = prop::sample::select(vec![
        'a', 'j', 'n', 'v', 'x', 'e', 'æ', 'Ø', '1', '2', '3', '4', '8', '0', '-', '/', ',', '?',
        '😀',
    ]);
    let words = prop::sample::select(vec![
        "Løft",
        "24-11-2026",
        "1-12-2026",
        "31-02-2026",
        "30-11-2026",
        "48",
        "37,5",
        "uge 54",
        "Gulvvask på knæ",
    ]);
    prop_oneof![
        6 => chars.prop_map(Press::Char),
        3 => words.prop_map(Press::Word),
        2 => Just(Press::Backspace),
        4 => Just(Press::Tab),
        2 => Just(Press::BackTab),
        2 => Just(Press::PageDown),
        1 => Just(Press::PageUp),
        1 => Just(Press::CtrlRight),
        1 => Just(Press::CtrlLeft),
        1 => Just(Press::Esc),
        2 => Just(Press::Enter),
        2 => Just(Press::Space),
        1 => Just(Press::CtrlD),
        1 => Just(Press::CtrlG),
        1 => Just(Press::Reopen),
    ]
}

fn open_tool(catalog: &Catalog, index: usize) -> Model {
    let entry = &catalog.entries[index % catalog.entries.len()];
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
    let session = entry.new_session(format!("model-{}", entry.tool.id), now);
    let walk = Walk::new(entry.tool.clone(), session, today());
    let mut model = Model::new(catalog.clone(), today());
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
    model
}

fn open(model: &Model) -> &OpenSession {
    match &model.screen {
        Screen::Session(open) => open,
        _ => unreachable!("the test keeps the session open"),
    }
}

/// The focused place's field, part and key, when the cursor is on a place with one.
fn focused(model: &Model) -> Option<(Field, Place, Key)> {
    let open = open(model);
    let place = open.walk.focus()?;
    let field = open.walk.field(place.field)?.clone();
    let key = Key::of(&field, place.part)?;
    Some((field, place, key))
}

/// The rows of a list or table field, for seeing whether Ctrl-D removed one.
fn row_count(walk: &Walk, field: &str) -> usize {
    match walk.session().answers.get(field) {
        Some(Answer::Entries(e)) => e.len(),
        Some(Answer::Rows(r)) => r.len(),
        _ => 0,
    }
}

/// The option a typed key picks: its number, or the one label it starts.
fn option_by_key(field: &Field, c: char) -> Option<usize> {
    let labels = present::option_labels(field);
    if let Some(i) = c.to_digit(10).and_then(|d| (d as usize).checked_sub(1)) {
        return (i < labels.len()).then_some(i);
    }
    let lower = c.to_lowercase().to_string();
    let matching: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i].to_lowercase().starts_with(&lower))
        .collect();
    (matching.len() == 1).then(|| matching[0])
}

/// What one character does to the reference, given where the cursor is.
fn expect_char(reference: &mut Reference, model: &Model, c: char) {
    let Some((field, place, key)) = focused(model) else {
        return;
    };
    let open = open(model);
    match open.walk.input(place) {
        input if input.takes_text() => {
            if let Some((_, text)) = &mut reference.editing {
                text.push(c);
                let text = text.clone();
                reference.set_text(&field, &key, text);
            }
        }
        Input::Options if c != '?' => {
            if let (Some(i), Some(ids)) = (option_by_key(&field, c), field.kind.option_ids()) {
                reference
                    .choices
                    .insert(field.id.clone(), ids[i].to_string());
            }
        }
        Input::Toggle => match c {
            'x' | 'j' => {
                reference.ticks.insert(key, true);
            }
            'n' => {
                reference.ticks.insert(key, false);
            }
            _ => {}
        },
        _ => {}
    }
}

/// What a key other than a typed letter does to the reference.
fn expect_key(reference: &mut Reference, model: &Model, code: KeyCode) {
    let Some((field, place, key)) = focused(model) else {
        return;
    };
    let open = open(model);
    let input = open.walk.input(place);
    let multiline = matches!(input, Input::Text { multiline: true });
    const SPACE: KeyCode = KeyCode::Char(' ');
    match (code, input) {
        (KeyCode::Backspace, input) if input.takes_text() => {
            if let Some((_, text)) = &mut reference.editing {
                text.pop();
                let text = text.clone();
                reference.set_text(&field, &key, text);
            }
        }
        (KeyCode::Enter, _) if multiline => expect_char(reference, model, '\n'),
        (SPACE, input) if input.takes_text() => expect_char(reference, model, ' '),
        (KeyCode::Backspace, Input::Options) => {
            reference.choices.remove(&field.id);
        }
        (SPACE, Input::Options) => {
            let ids = field.kind.option_ids().unwrap_or_default();
            let current = reference
                .choices
                .get(&field.id)
                .and_then(|c| ids.iter().position(|id| id == c));
            let next = current.map_or(0, |i| (i + 1) % ids.len());
            reference
                .choices
                .insert(field.id.clone(), ids[next].to_string());
        }
        (SPACE | KeyCode::Enter, Input::Toggle) => {
            let on = reference.ticks.get(&key).copied().unwrap_or(false);
            reference.ticks.insert(key, !on);
        }
        (KeyCode::Backspace, Input::Toggle) => {
            reference.ticks.insert(key, false);
        }
        _ => {}
    }
}

fn draw(model: &mut Model, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame, model)).unwrap();
}

/// Plays `presses` on tool `index` and checks the three properties after every key.
fn play(catalog: &Catalog, index: usize, presses: &[Press]) -> Result<(), TestCaseError> {
    let mut model = open_tool(catalog, index);
    let tool = open(&model).walk.tool().clone();
    let mut reference = Reference::default();
    let arrive = |reference: &mut Reference, model: &Model| {
        reference.editing = focused(model)
            .filter(|(_, place, _)| open(model).walk.input(*place).takes_text())
            .map(|(field, _, key)| {
                let text = reference.arrival(&field, &key);
                (key, text)
            });
    };
    arrive(&mut reference, &model);
    for (n, press) in presses.iter().enumerate() {
        if let Press::Reopen = press {
            let session = open(&model).walk.session().clone();
            let walk = Walk::new(tool.clone(), session, today());
            model = Model::new(catalog.clone(), today());
            model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
            arrive(&mut reference, &model);
        }
        for event in press.events() {
            let before = focused(&model).map(|(_, place, _)| place);
            let in_overlay = !model.overlays.is_empty();
            let removing = focused(&model)
                .filter(|_| matches!(press, Press::CtrlD) && !in_overlay)
                .map(|(field, place, _)| {
                    let rows = row_count(&open(&model).walk, &field.id);
                    (field.id, place.part.row(), rows)
                });
            // A session completed in the review ('a') is sealed: keys change nothing.
            let sealed = open(&model).walk.is_sealed();
            // Ctrl-G in a template paragraph: the report's wording again, and the editor
            // opens afresh with it.
            let restoring = focused(&model)
                .filter(|(_, _, key)| {
                    matches!(press, Press::CtrlG)
                        && !in_overlay
                        && !sealed
                        && matches!(key, Key::Paragraph(..))
                })
                .map(|(_, _, key)| key);
            if let Some(key) = &restoring {
                reference.texts.remove(key);
            }
            if !in_overlay && !sealed {
                match event.code {
                    KeyCode::Char(c) if event.modifiers.is_empty() && c != ' ' => {
                        expect_char(&mut reference, &model, c)
                    }
                    code if event.modifiers.is_empty() => expect_key(&mut reference, &model, code),
                    _ => {}
                }
            }
            update(&mut model, Msg::Key(event));
            // A removed row: the rows below moved up, and the editor opens afresh.
            let mut removed = false;
            if let Some((field, Some(row), rows)) = removing
                && row_count(&open(&model).walk, &field) < rows
            {
                reference.remove_row(&field, row);
                removed = true;
            }
            let after = focused(&model).map(|(_, place, _)| place);
            if after != before || removed || restoring.is_some() {
                arrive(&mut reference, &model);
            }

            // (a) and (b): every place holds what was typed there, and nothing else.
            let expected = reference.expected(&tool);
            let actual = actual(&open(&model).walk);
            prop_assert_eq!(
                &actual,
                &expected,
                "tool {}, after key {} ({:?}): the answers differ from what was typed where",
                tool.id,
                n,
                press
            );
            // (c): the editor is at the focus and shows exactly that place's text.
            let open = open(&model);
            match (&open.editor, &reference.editing) {
                (Some(editor), Some((key, text))) => {
                    prop_assert_eq!(Some(editor.place), open.walk.focus());
                    prop_assert_eq!(
                        &editor.text(),
                        text,
                        "tool {}, after key {} ({:?}): the editor at {:?} shows the wrong text",
                        tool.id,
                        n,
                        press,
                        key
                    );
                }
                (None, None) => {}
                (editor, editing) => prop_assert!(
                    false,
                    "tool {}, after key {} ({:?}): editor {:?} but the reference edits {:?}",
                    tool.id,
                    n,
                    press,
                    editor.as_ref().map(|e| e.place),
                    editing
                ),
            }
        }
        if n % 8 == 7 {
            draw(&mut model, 80, 24);
            draw(&mut model, 40, 12);
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(192)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: Some(Box::new(
            prop::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_store_every_text_where_it_was_typed(
        tool in 0usize..13,
        presses in prop::collection::vec(press(), 1..90),
    ) {
        let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
        prop_assert!(problems.is_empty());
        play(&catalog, tool, &presses)?;
    }
}
