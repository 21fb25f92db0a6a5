//! `update`: what each message does to the model. File work (creating, opening, saving
//! sessions) is asked for with a [`Command`] and carried out by the runtime in `tui::run`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Context, lookup};
use std::path::PathBuf;

use super::model::{
    ExportDialog, FORMATS, ForloebView, LogDialog, Model, OpenSession, Pick, RECIPIENTS, Reading,
    Screen, prompt,
};
use crate::core::content;
use crate::core::forloeb::{LabelError, check_label};
use crate::core::walk::{Moved, SlotKind};
use crate::export::{Format, Recipient};
use crate::store::sessions::Listed;
use crate::texts::ui as t;

pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
}

/// The key contexts of a dialog: its own keys, and those that work everywhere.
const DIALOG: &[Context] = &[Context::Everywhere, Context::Dialog];

/// An MSB-log entry as typed; the runtime stamps it with the time of writing.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntryInput {
    pub date: chrono::NaiveDate,
    pub who: String,
    pub with_whom: String,
    pub agreed: String,
}

/// Work for the runtime, which owns the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start a new session of a tool (by id), maybe in a forløb and with carried answers.
    New {
        tool: String,
        forloeb: String,
        carry_from: Option<String>,
    },
    /// Create a forløb with this label.
    NewForloeb(String),
    /// Add an entry to a forløb's MSB-log.
    AddLog {
        forloeb: String,
        entry: LogEntryInput,
    },
    /// Resume the session with this id.
    Open(String),
    /// Save and close the open session.
    Close,
    /// Write the open session's document to a file.
    Export {
        format: Format,
        recipient: Recipient,
        path: PathBuf,
        overwrite: bool,
    },
    /// Collect the list entries of this tool's sessions for the picker.
    LoadPicks(String),
    /// Read the saved sessions and forløb again, so the screen shows what is on disk now
    /// (another window may have saved meanwhile).
    ListSessions,
}

pub fn update(model: &mut Model, msg: Msg) -> Option<Command> {
    match msg {
        Msg::Key(key) if key.kind == KeyEventKind::Release => None,
        Msg::Key(key) => on_key(model, key),
        Msg::Paste(text) => {
            on_paste(model, &text);
            None
        }
    }
}

fn on_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    if model.help.is_some() {
        return on_help_key(model, key);
    }
    model.note = None;
    if let Screen::Session(open) = &mut model.screen
        && open.export.is_some()
    {
        return on_export_key(model, key);
    }
    if let Screen::Session(open) = &mut model.screen
        && let Some(picker) = &mut open.picker
    {
        match lookup(key, DIALOG) {
            Some(Action::Cancel) => open.picker = None,
            Some(Action::Up) => picker.selected = picker.selected.saturating_sub(1),
            Some(Action::Down) => {
                picker.selected = (picker.selected + 1).min(picker.items.len().saturating_sub(1))
            }
            Some(Action::Confirm) => {
                let chosen = picker
                    .items
                    .get(picker.selected)
                    .map(|(_, entry)| entry.clone());
                open.picker = None;
                if let (Some(entry), Some(slot)) = (chosen, open.walk.focus()) {
                    if !open.walk.insert_entry(slot, &entry) {
                        model.error(t::PICK_FULL);
                    }
                    if let Screen::Session(open) = &mut model.screen {
                        open.editor = None;
                        open.sync_editor();
                    }
                }
            }
            Some(Action::Quit) => model.quit = true,
            _ => {}
        }
        return None;
    }
    if let Screen::Session(open) = &mut model.screen
        && let Some(label) = &mut open.label
    {
        match lookup(key, DIALOG) {
            Some(Action::Quit) => model.quit = true,
            Some(Action::Confirm) => match check_label(&label.lines().join(" ")) {
                Err(LabelError::Cpr) => model.error(t::LABEL_CPR),
                // An empty label removes it.
                result => {
                    open.walk.set_label(&result.unwrap_or_default());
                    open.label = None;
                }
            },
            Some(Action::Cancel) => open.label = None,
            _ => {
                label.input(key);
            }
        }
        return None;
    }
    match &model.screen {
        Screen::Start => on_start_key(model, key),
        Screen::Forloeb(_) => on_forloeb_key(model, key),
        Screen::Sessions => on_sessions_key(model, key),
        Screen::Reading(_) => on_reading_key(model, key),
        Screen::Session(_) => on_session_key(model, key),
    }
}

fn on_help_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    let scroll = model.help.unwrap_or(0);
    match (key.code, lookup(key, &[Context::Everywhere])) {
        (_, Some(Action::Quit)) => model.quit = true,
        (KeyCode::Esc | KeyCode::Char('?') | KeyCode::F(1) | KeyCode::Char('q'), _) => {
            model.help = None
        }
        (KeyCode::Down | KeyCode::Char('j'), _) => model.help = Some(scroll.saturating_add(1)),
        (KeyCode::Up | KeyCode::Char('k'), _) => model.help = Some(scroll.saturating_sub(1)),
        (KeyCode::PageDown, _) => model.help = Some(scroll.saturating_add(10)),
        (KeyCode::PageUp, _) => model.help = Some(scroll.saturating_sub(10)),
        _ => {}
    }
    None
}

fn on_start_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    // Esc while picking a tool for a forløb goes back to the forløb.
    if key.code == KeyCode::Esc
        && let Some(pick) = model.pick.take()
    {
        model.screen = Screen::Forloeb(ForloebView {
            open: Some(pick.forloeb),
            ..ForloebView::default()
        });
        return None;
    }
    let tools = model.start_tools();
    match lookup(key, &[Context::Everywhere, Context::Start])? {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Up => model.start_selected = model.start_selected.saturating_sub(1),
        Action::Down => {
            model.start_selected = (model.start_selected + 1).min(tools.len().saturating_sub(1))
        }
        Action::ShowForloeb => {
            model.pick = None;
            model.screen = Screen::Forloeb(ForloebView::default());
        }
        Action::ShowSessions => {
            model.pick = None;
            model.screen = Screen::Sessions;
            return Some(Command::ListSessions);
        }
        Action::Select => {
            let entry = tools
                .get(model.start_selected)
                .and_then(|&i| model.catalog.entries.get(i))?;
            let pick = model.pick.take();
            return Some(Command::New {
                tool: entry.tool.id.clone(),
                forloeb: pick.as_ref().map(|p| p.forloeb.clone()).unwrap_or_default(),
                carry_from: pick.and_then(|p| p.carry_from),
            });
        }
        _ => {}
    }
    None
}

fn on_forloeb_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    // Ctrl-Q quits from the prompts too; a half-typed label or log note is not kept.
    if lookup(key, &[Context::Everywhere]) == Some(Action::Quit) {
        model.quit = true;
        return None;
    }
    let today = model.today;
    let Screen::Forloeb(view) = &model.screen else {
        return None;
    };
    let open_id = view.open.clone();
    // The open forløb's sessions, oldest first: (session id, tool id).
    let sessions: Vec<(String, String)> = match &open_id {
        Some(id) => model
            .forloeb_sessions(id)
            .iter()
            .map(|s| (s.id.clone(), s.tool.clone()))
            .collect(),
        None => Vec::new(),
    };
    let count = if open_id.is_some() {
        sessions.len()
    } else {
        model.forloeb.len()
    };
    let Screen::Forloeb(view) = &mut model.screen else {
        return None;
    };
    if let Some(label) = &mut view.new_label {
        match lookup(key, DIALOG) {
            Some(Action::Cancel) => view.new_label = None,
            Some(Action::Confirm) => match check_label(&label.lines().join(" ")) {
                Ok(label) => {
                    view.new_label = None;
                    return Some(Command::NewForloeb(label));
                }
                Err(LabelError::Empty) => model.error(t::LABEL_EMPTY),
                Err(LabelError::Cpr) => model.error(t::LABEL_CPR),
            },
            _ => {
                label.input(key);
            }
        }
        return None;
    }
    if let Some(dialog) = &mut view.log {
        match lookup(key, DIALOG) {
            Some(Action::Cancel) => view.log = None,
            Some(Action::Up) => dialog.row = (dialog.row + 3) % 4,
            Some(Action::Down) => dialog.row = (dialog.row + 1) % 4,
            Some(Action::Confirm) => {
                let date = crate::core::input::parse_date(&dialog.text(0));
                let (who, with_whom, agreed) = (dialog.text(1), dialog.text(2), dialog.text(3));
                match date {
                    Err(e) => model.error(t::input_error(&e)),
                    Ok(_) if who.is_empty() || with_whom.is_empty() || agreed.is_empty() => {
                        model.error(t::LOG_INCOMPLETE)
                    }
                    Ok(date) => {
                        view.log = None;
                        return Some(Command::AddLog {
                            forloeb: open_id.unwrap_or_default(),
                            entry: LogEntryInput {
                                date,
                                who,
                                with_whom,
                                agreed,
                            },
                        });
                    }
                }
            }
            _ => {
                dialog.fields[dialog.row].input(key);
            }
        }
        return None;
    }
    let selected = if view.open.is_some() {
        &mut view.row
    } else {
        &mut view.selected
    };
    match lookup(key, &[Context::Everywhere, Context::Forloeb])? {
        Action::Help => model.help = Some(0),
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(count.saturating_sub(1)),
        Action::ShowSessions => {
            model.screen = Screen::Sessions;
            return Some(Command::ListSessions);
        }
        Action::Back if view.open.is_some() => view.open = None,
        Action::Back => model.screen = Screen::Start,
        Action::NewForloeb => view.new_label = Some(Box::new(prompt(""))),
        Action::Select => match &view.open {
            Some(_) => {
                return sessions
                    .get(view.row)
                    .map(|(id, _)| Command::Open(id.clone()));
            }
            None => {
                view.open = model.forloeb.get(view.selected).map(|f| f.id.clone());
                view.row = 0;
            }
        },
        Action::AddLog if view.open.is_some() => view.log = Some(Box::new(LogDialog::new(today))),
        Action::NewTool => {
            let forloeb = view
                .open
                .clone()
                .or_else(|| model.forloeb.get(view.selected).map(|f| f.id.clone()))?;
            model.pick = Some(Pick {
                forloeb,
                carry_from: None,
                only: None,
            });
            model.start_selected = 0;
            model.screen = Screen::Start;
        }
        Action::Carry => {
            let (Some(forloeb), Some((session, tool))) =
                (view.open.clone(), sessions.get(view.row).cloned())
            else {
                return None;
            };
            let targets = model
                .catalog
                .get(&tool)
                .map(|e| e.tool.carries_to.clone())
                .unwrap_or_default();
            if targets.is_empty() {
                model.error(t::NOTHING_TO_CARRY);
            } else {
                model.pick = Some(Pick {
                    forloeb,
                    carry_from: Some(session),
                    only: Some(targets),
                });
                model.start_selected = 0;
                model.screen = Screen::Start;
            }
        }
        _ => {}
    }
    None
}

fn on_sessions_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    let count = model.filtered_sessions().len();
    let list = &mut model.sessions;
    match lookup(key, &[Context::Everywhere, Context::Sessions]) {
        Some(Action::Quit) => model.quit = true,
        Some(Action::Help) => model.help = Some(0),
        Some(Action::Up) => list.selected = list.selected.saturating_sub(1),
        Some(Action::Down) => list.selected = (list.selected + 1).min(count.saturating_sub(1)),
        Some(Action::ShowReading) => model.screen = Screen::Reading(Reading::default()),
        Some(Action::Back) if !list.filter.is_empty() => {
            list.filter.clear();
            list.selected = 0;
        }
        Some(Action::Back) => model.screen = Screen::Start,
        Some(Action::Select) => match model.filtered_sessions().get(model.sessions.selected) {
            Some(Listed::Session(s)) => return Some(Command::Open(s.id.clone())),
            Some(Listed::Damaged { reason, .. }) => {
                let text = t::damaged(reason);
                model.error(text);
            }
            None => {}
        },
        Some(_) => {}
        None => match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                list.filter.push(c);
                list.selected = 0;
            }
            KeyCode::Backspace => {
                list.filter.pop();
                list.selected = 0;
            }
            _ => {}
        },
    }
    None
}

fn on_reading_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    let Screen::Reading(reading) = &mut model.screen else {
        return None;
    };
    let count = content::documents().len();
    match lookup(key, &[Context::Everywhere, Context::Reading])? {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::ShowTools => model.screen = Screen::Start,
        Action::Back if reading.open => reading.open = false,
        Action::Back => model.screen = Screen::Start,
        Action::Select => {
            reading.open = count > 0;
            reading.scroll = 0;
        }
        Action::Up if reading.open => reading.scroll = reading.scroll.saturating_sub(1),
        Action::Down if reading.open => reading.scroll = reading.scroll.saturating_add(1),
        Action::Up => reading.selected = reading.selected.saturating_sub(1),
        Action::Down => reading.selected = (reading.selected + 1).min(count.saturating_sub(1)),
        Action::PageUp => reading.scroll = reading.scroll.saturating_sub(10),
        Action::PageDown => reading.scroll = reading.scroll.saturating_add(10),
        _ => {}
    }
    None
}

fn on_session_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    let Screen::Session(open) = &mut model.screen else {
        return None;
    };
    if open.review.is_some() {
        return on_review_key(model, key);
    }
    let typing = open.editor.is_some();
    let contexts: &[Context] = if typing {
        &[Context::Everywhere, Context::Walk]
    } else {
        &[Context::Everywhere, Context::Walk, Context::WalkNotTyping]
    };
    let Some(action) = lookup(key, contexts) else {
        type_into_slot(model, key);
        return None;
    };
    let Screen::Session(open) = &mut model.screen else {
        return None;
    };
    let focus = open.walk.focus();
    // With the cursor out of the fields, the arrows scroll the step's text.
    if focus.is_none() && matches!(key.code, KeyCode::Up | KeyCode::Down) {
        open.scroll = match key.code {
            KeyCode::Up => open.scroll.saturating_sub(1),
            _ => open.scroll.saturating_add(1),
        };
        return None;
    }
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::NextField => advance(open),
        Action::PrevField => {
            open.walk.prev_slot();
        }
        Action::NextStep => {
            let moved = open.walk.next_step();
            after_move(open, moved);
        }
        Action::PrevStep => {
            open.walk.prev_step();
        }
        Action::Review => open.review = Some(0),
        Action::EditLabel => open.label = Some(prompt(&open.walk.session().label)),
        Action::Pick => {
            if let Some(tool) = focus.and_then(|slot| open.walk.pick_source(slot)) {
                return Some(Command::LoadPicks(tool.to_string()));
            }
        }
        Action::RemoveRow => {
            if let Some(slot) = focus {
                open.walk.remove_row(slot);
                open.editor = None;
            }
        }
        Action::Undo | Action::Redo => {
            if let (Some(editor), Some(slot)) = (&mut open.editor, focus) {
                let changed = if action == Action::Undo {
                    editor.area.undo()
                } else {
                    editor.area.redo()
                };
                if changed {
                    let text = editor.area.lines().join("\n");
                    editor.show_error =
                        open.walk.set_text(slot, &text).is_err() && editor.show_error;
                }
            }
        }
        Action::Back if focus.is_some() => open.walk.blur(),
        Action::Back => return Some(Command::Close),
        Action::ChoosePrev | Action::ChooseNext => {
            if let Some(slot) = focus {
                open.walk.cycle(slot, action == Action::ChooseNext);
            }
        }
        Action::Toggle => match focus.map(|s| (s, open.walk.slot_kind(s))) {
            Some((slot, SlotKind::Toggle)) => open.walk.toggle(slot),
            Some((slot, SlotKind::Button)) => match open.walk.link(slot) {
                // A link opens its tool in the same forløb; this session is saved first.
                Some(tool) => {
                    return Some(Command::New {
                        tool: tool.to_string(),
                        forloeb: open.walk.session().forloeb.clone(),
                        carry_from: None,
                    });
                }
                None => open.walk.activate(slot),
            },
            Some((slot, SlotKind::Options(_))) if key.code == KeyCode::Char(' ') => {
                open.walk.cycle(slot, true)
            }
            Some((_, SlotKind::Options(_))) => advance(open),
            // Enter with the cursor outside the fields puts it in the first one.
            None => advance(open),
            Some(_) => {}
        },
        Action::Clear => {
            if let Some(slot) = focus {
                match open.walk.slot_kind(slot) {
                    SlotKind::Options(_) if open.walk.chosen(slot).is_some() => {
                        if let Some(chosen) = open.walk.chosen(slot).map(str::to_string)
                            && let SlotKind::Options(options) = open.walk.slot_kind(slot)
                            && let Some(i) = options.iter().position(|o| o.id() == chosen)
                        {
                            open.walk.choose(slot, i);
                        }
                    }
                    SlotKind::Toggle if open.walk.is_on(slot) => open.walk.toggle(slot),
                    _ => {}
                }
            }
        }
        _ => {}
    }
    open.sync_editor();
    None
}

/// Tab: the next slot, or the review after the last one.
fn advance(open: &mut OpenSession) {
    let moved = open.walk.next_slot();
    after_move(open, moved);
}

/// Moving past the last step opens the review.
fn after_move(open: &mut OpenSession, moved: Moved) {
    if moved == Moved::PastEnd {
        open.review = Some(0);
    }
}

/// A key with no binding: typed into the text slot, or a choice picked by its key.
fn type_into_slot(model: &mut Model, key: KeyEvent) {
    let Screen::Session(open) = &mut model.screen else {
        return;
    };
    let Some(slot) = open.walk.focus() else {
        return;
    };
    if let Some(editor) = &mut open.editor {
        // In one-line fields Enter and the arrows move between fields, as in a form.
        if !editor.multiline {
            let moved = match key.code {
                KeyCode::Enter | KeyCode::Down => Some(open.walk.next_slot()),
                KeyCode::Up => Some(open.walk.prev_slot()),
                _ => None,
            };
            if let Some(moved) = moved {
                after_move(open, moved);
                open.sync_editor();
                return;
            }
        }
        if editor.area.input(key) {
            let text = editor.area.lines().join("\n");
            let valid = open.walk.set_text(slot, &text).is_ok();
            if valid {
                editor.show_error = false;
            }
        }
        return;
    }
    let KeyCode::Char(c) = key.code else { return };
    match open.walk.slot_kind(slot) {
        SlotKind::Options(_) => {
            if let Err(e) = open.walk.choose_by_key(slot, c) {
                model.error(t::input_error(&e));
            }
        }
        SlotKind::Toggle => match c {
            'x' | 'X' | 'j' | 'J' if !open.walk.is_on(slot) => open.walk.toggle(slot),
            'n' | 'N' if open.walk.is_on(slot) => open.walk.toggle(slot),
            'x' | 'X' | 'j' | 'J' | 'n' | 'N' => {}
            _ => model.info(t::TOGGLE_HINT),
        },
        _ => {}
    }
}

fn on_review_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    let Screen::Session(open) = &mut model.screen else {
        return None;
    };
    let items = open.walk.review();
    let selected = open.review.unwrap_or(0);
    match lookup(key, &[Context::Everywhere, Context::Review])? {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Up => open.review = Some(selected.saturating_sub(1)),
        Action::Down => open.review = Some((selected + 1).min(items.len().saturating_sub(1))),
        Action::Select => {
            if let Some(item) = items.get(selected) {
                open.walk.goto_field(item.step, item.field);
                open.review = None;
            }
        }
        Action::PrevStep => {
            let last = open.walk.tool().steps.len().saturating_sub(1);
            open.walk.goto_step(last);
            open.review = None;
        }
        Action::Back => open.review = None,
        Action::EditLabel => open.label = Some(prompt(&open.walk.session().label)),
        Action::Export => {
            open.export = Some(ExportDialog::new(open.walk.session(), &model.exports_dir))
        }
        Action::Complete => match open.walk.complete() {
            Ok(()) => model.info(t::COMPLETED_NOW),
            Err(missing) => {
                let first = items.iter().position(|i| i.missing);
                open.review = first.or(Some(selected));
                model.error(t::cannot_complete(missing.len()));
            }
        },
        _ => {}
    }
    if let Screen::Session(open) = &mut model.screen {
        open.sync_editor();
    }
    None
}

/// The export dialog: ↑↓ choose a line, ←→ change format or recipient, typing edits the
/// file, Enter exports, Esc cancels.
fn on_export_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    let Screen::Session(open) = &mut model.screen else {
        return None;
    };
    let Some(dialog) = &mut open.export else {
        return None;
    };
    let step = |i: usize, n: usize, forward: bool| {
        if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }
    };
    match lookup(key, DIALOG) {
        Some(Action::Quit) => model.quit = true,
        Some(Action::Cancel) => open.export = None,
        Some(Action::Up) => dialog.row = step(dialog.row, 3, false),
        Some(Action::Down) => dialog.row = step(dialog.row, 3, true),
        Some(action @ (Action::ChoosePrev | Action::ChooseNext)) if dialog.row < 2 => {
            let forward = action == Action::ChooseNext;
            if dialog.row == 0 {
                let i = FORMATS
                    .iter()
                    .position(|f| *f == dialog.format)
                    .unwrap_or(0);
                dialog.format = FORMATS[step(i, FORMATS.len(), forward)];
            } else {
                let i = RECIPIENTS
                    .iter()
                    .position(|r| *r == dialog.recipient)
                    .unwrap_or(0);
                dialog.recipient = RECIPIENTS[step(i, RECIPIENTS.len(), forward)];
            }
            dialog.follow(open.walk.session(), &model.exports_dir);
        }
        Some(Action::Confirm) => {
            return Some(Command::Export {
                format: dialog.format,
                recipient: dialog.recipient,
                path: dialog.path(),
                overwrite: dialog.confirm_overwrite,
            });
        }
        _ if dialog.row == 2 && dialog.path.input(key) => {
            dialog.path_edited = true;
            dialog.confirm_overwrite = false;
        }
        _ => {}
    }
    None
}

fn on_paste(model: &mut Model, text: &str) {
    match &mut model.screen {
        Screen::Sessions => {
            model
                .sessions
                .filter
                .push_str(&text.replace(['\n', '\r'], " "));
            model.sessions.selected = 0;
        }
        Screen::Session(open) => {
            if let Some(label) = &mut open.label {
                label.insert_str(text.replace(['\n', '\r'], " "));
            } else if let (Some(editor), Some(slot)) = (&mut open.editor, open.walk.focus()) {
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                let text = if editor.multiline {
                    text
                } else {
                    text.replace('\n', " ")
                };
                editor.area.insert_str(text);
                let all = editor.area.lines().join("\n");
                if open.walk.set_text(slot, &all).is_ok() {
                    editor.show_error = false;
                }
            }
        }
        Screen::Forloeb(view) => {
            let text = text.replace(['\n', '\r'], " ");
            if let Some(label) = &mut view.new_label {
                label.insert_str(text);
            } else if let Some(dialog) = &mut view.log {
                dialog.fields[dialog.row].insert_str(text);
            }
        }
        Screen::Start | Screen::Reading(_) => {}
    }
}
