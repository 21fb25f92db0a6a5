//! `update`: what each message does to the model. Every key is looked up in the key table
//! in the contexts [`active_contexts`] names, and the action goes to the top overlay, or to
//! the screen when there is none. File work (creating, opening, saving sessions) is asked
//! for with a [`Command`] and carried out by the runtime in `tui::run`.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui_textarea::{CursorMove, TextArea};

use super::action::{Action, Context, is_typed_char, lookup};
use super::model::{
    Confirm, Confirming, EXPORT_FILE_ROW, ExportDialog, FORMATS, ForloebView, IMPORT_SECRET_ROW,
    ImportDialog, InForloeb, LogDialog, Model, MoveDialog, Moving, NewForloebDialog, OpenSession,
    Overlay, Page, PageKind, Reading, Screen, ShareDialog, ShareLock, ShareRow, Tab, Target,
    choices, lines, links, one_line, pieces,
};
use crate::core::content;
use crate::core::forloeb::{LabelError, check_label};
use crate::core::input::{InputError, pick_option};
use crate::core::layout::Input;
use crate::core::place::{Part, Place};
use crate::core::portal::Ref;
use crate::core::portal::quiz::{Round, Stage};
use crate::core::retention::Offer;
use crate::core::session::Status;
use crate::core::walk::Moved;
use crate::export::{Output, Recipient};
use crate::present;
use crate::store::sessions::Listed;
use crate::texts::ui as t;

pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
}

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
    /// Start a new session of a tool (by id), maybe in a forløb, with carried answers or
    /// a label (the workplace a reflection session is about).
    New {
        tool: String,
        forloeb: String,
        carry_from: Option<String>,
        label: String,
    },
    /// Follow the open session's link to this tool: the session it started before, or a new
    /// one in the same forløb.
    FollowLink(String),
    /// Create a forløb with this label, then show it, start a tool or move a session in it.
    NewForloeb { label: String, then: InForloeb },
    /// Move a session into a forløb (by id).
    Move { moving: Moving, forloeb: String },
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
        format: Output,
        recipient: Recipient,
        path: PathBuf,
        overwrite: bool,
    },
    /// Show the note for the patient record of a forløb's day (`days`: the days it has
    /// sessions of, for going between them).
    Note {
        forloeb: String,
        day: chrono::NaiveDate,
        days: Vec<chrono::NaiveDate>,
    },
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Write the note on top to a file.
    SaveNote {
        path: PathBuf,
        text: String,
        overwrite: bool,
    },
    /// Collect the list entries of this tool's sessions for the picker.
    LoadPicks(String),
    /// Read the saved sessions and forløb again, so the screen shows what is on disk now
    /// (another window may have saved meanwhile).
    ListSessions,
    /// Save, then lock the screen.
    Lock,
    /// Try this passphrase on the locked screen.
    Unlock(String),
    /// Ask whether to delete this, naming all that would go.
    AskDelete(Deleting),
    /// Delete it (confirmed).
    Delete(Deleting),
    /// Delete what retention offered (confirmed).
    Purge(Offer),
    /// Read a session (by id) and ask how to share it.
    AskShare(String),
    /// Share a session: its file encrypted and written.
    Share(ShareInput),
    /// Read a share file's header: does it ask for a passphrase or a key?
    ReadShare(PathBuf),
    /// Import a share file into a forløb (by id), opened with a passphrase or the key file
    /// at the path `secret` names.
    Import {
        forloeb: String,
        path: PathBuf,
        secret: String,
    },
}

/// A session to share, as the share dialog was filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareInput {
    /// The session, by id.
    pub session: String,
    /// Who shares: a name or initials, checked (no CPR number).
    pub from: String,
    pub lock: ShareLock,
    /// The passphrase, or the recipient's public key (checked).
    pub secret: String,
    pub with_private: bool,
    pub path: PathBuf,
    pub overwrite: bool,
}

/// A session or a forløb to delete.
#[derive(Debug, Clone, PartialEq)]
pub enum Deleting {
    Session(String),
    Forloeb(String),
}

pub fn update(model: &mut Model, msg: Msg) -> Option<Command> {
    let command = match msg {
        Msg::Key(key) if key.kind == KeyEventKind::Release => None,
        Msg::Key(key) => on_key(model, key),
        Msg::Paste(text) => {
            on_paste(model, &text);
            None
        }
    };
    if let Some(open) = model.open_session() {
        open.sync_editor();
    }
    command
}

/// The contexts whose keys are active now, most specific first. The help overlay shows the
/// keys of [`contexts_under`] the help with the same function.
pub fn active_contexts(model: &Model) -> Vec<Context> {
    // Locked: the passphrase and quitting, nothing else (not even the help).
    if model.lock.is_some() {
        return vec![Context::Locked, Context::Text];
    }
    contexts_under(model, model.overlays.len())
}

/// The contexts that are active with only the first `overlays` overlays open.
pub fn contexts_under(model: &Model, overlays: usize) -> Vec<Context> {
    use Context as C;
    let mut contexts = match overlays.checked_sub(1).and_then(|i| model.overlays.get(i)) {
        Some(Overlay::Help { .. }) => vec![C::Help],
        Some(Overlay::Review { .. }) => vec![C::Review],
        Some(Overlay::Label(_) | Overlay::NewForloeb(_) | Overlay::Workplace(_)) => {
            vec![C::Dialog, C::Text]
        }
        Some(Overlay::MoveTo(_)) => vec![C::Dialog, C::DialogRows, C::Text],
        Some(Overlay::Log(_)) => vec![C::Dialog, C::DialogRows, C::Text],
        Some(Overlay::Export(d)) if d.row == EXPORT_FILE_ROW => {
            vec![C::Dialog, C::DialogRows, C::Text]
        }
        Some(Overlay::Export(_)) => vec![C::Dialog, C::DialogRows, C::Choice],
        Some(Overlay::Picker(_)) => vec![C::Dialog, C::DialogRows],
        Some(Overlay::Note(_)) => vec![C::Note],
        // One line until the file is read: nothing to go between.
        Some(Overlay::Import(dialog)) if dialog.locked.is_none() => vec![C::Dialog, C::Text],
        Some(Overlay::Import(_)) => vec![C::Dialog, C::DialogRows, C::Text],
        Some(Overlay::Share(dialog)) => match dialog.current() {
            ShareRow::Lock | ShareRow::Private => vec![C::Dialog, C::DialogRows, C::Choice],
            _ => vec![C::Dialog, C::DialogRows, C::Text],
        },
        Some(Overlay::Confirm(_)) => vec![C::Confirming, C::Dialog],
        None => match &model.screen {
            Screen::Start => vec![C::Start],
            Screen::Forloeb(view) if view.open.is_some() => vec![C::ForloebOpen, C::Forloeb],
            Screen::Forloeb(view) if view.search.is_some() => {
                vec![C::ForloebSearch, C::Text, C::Forloeb]
            }
            Screen::Forloeb(_) => vec![C::ForloebList, C::Forloeb],
            Screen::Sessions => vec![C::Sessions, C::Text],
            Screen::Reading(reading) => reading_contexts(model, &reading.page().kind),
            Screen::Session(open) => {
                match open.walk.focus().map(|p| (p.part, open.walk.input(p))) {
                    None => vec![C::Unfocused, C::Walk, C::NotTyping],
                    Some((Part::Paragraph(_), _)) => vec![C::Adapting, C::Walk, C::Lines, C::Text],
                    Some((_, Input::Text { multiline: true })) => vec![C::Walk, C::Lines, C::Text],
                    Some((_, input)) if input.takes_text() => vec![C::Walk, C::OneLine, C::Text],
                    Some((_, Input::Options)) => vec![C::Walk, C::NotTyping, C::Choosing],
                    Some((_, Input::Toggle)) => vec![C::Walk, C::NotTyping, C::Ticking],
                    Some(_) => vec![C::Walk, C::NotTyping, C::Pressing],
                }
            }
        },
    };
    contexts.push(C::Everywhere);
    contexts
}

/// The contexts of a *Viden* page.
fn reading_contexts(model: &Model, kind: &PageKind) -> Vec<Context> {
    use Context as C;
    let total = model.portal.quiz.statements.len();
    match kind {
        PageKind::Body => vec![C::Body, C::Reading],
        PageKind::Quiz(round) => match round.stage(total) {
            Stage::Asking(_) => vec![C::QuizAsk, C::Reading],
            Stage::Answered { .. } | Stage::Done { .. } => vec![C::QuizShown, C::Reading],
        },
        kind if kind.is_list() => vec![C::ReadingList, C::Reading],
        kind if links(&pieces(&model.portal, &model.catalog, kind)).is_empty() => {
            vec![C::ReadingText, C::Reading]
        }
        _ => vec![C::ReadingLinks, C::ReadingText, C::Reading],
    }
}

fn on_key(model: &mut Model, key: KeyEvent) -> Option<Command> {
    let action = lookup(key, &active_contexts(model))?;
    if !matches!(model.overlays.last(), Some(Overlay::Help { .. })) {
        model.note = None;
    }
    match action {
        Action::Quit => {
            model.quit = true;
            None
        }
        Action::Lock => Some(Command::Lock),
        Action::Unlock => {
            let lock = model.lock.as_mut()?;
            let passphrase = lock.passphrase.lines().join("");
            lock.busy = true;
            Some(Command::Unlock(passphrase))
        }
        _ if model.lock.is_some() && !is_editing(action) => None,
        Action::Help => {
            model.overlays.push(Overlay::Help { scroll: 0 });
            None
        }
        _ if is_editing(action) => {
            edit_text(model, |area, _| edit(area, action, is_typed_char(key)));
            None
        }
        _ => match model.overlays.last() {
            Some(Overlay::Help { .. }) => on_help(model, action),
            Some(Overlay::Review { .. }) => on_review(model, action),
            Some(Overlay::Label(_)) => on_label(model, action),
            Some(Overlay::Export(_)) => on_export(model, action),
            Some(Overlay::Picker(_)) => on_picker(model, action),
            Some(Overlay::NewForloeb(_)) => on_new_forloeb(model, action),
            Some(Overlay::MoveTo(_)) => on_move(model, action),
            Some(Overlay::Log(_)) => on_log(model, action),
            Some(Overlay::Workplace(_)) => on_workplace(model, action),
            Some(Overlay::Note(_)) => on_note(model, action),
            Some(Overlay::Import(_)) => on_import(model, action),
            Some(Overlay::Share(_)) => on_share(model, action),
            Some(Overlay::Confirm(_)) => on_confirm(model, action),
            None => match &model.screen {
                Screen::Start => on_start(model, action, key),
                Screen::Forloeb(_) => on_forloeb(model, action),
                Screen::Sessions => on_sessions(model, action),
                Screen::Reading(_) => on_reading(model, action, key),
                Screen::Session(_) => on_walk(model, action, key),
            },
        },
    }
}

/// The actions that edit text, wherever the text is.
fn is_editing(action: Action) -> bool {
    use Action as A;
    matches!(
        action,
        A::Type
            | A::NewLine
            | A::CharLeft
            | A::CharRight
            | A::WordLeft
            | A::WordRight
            | A::LineStart
            | A::LineEnd
            | A::LineUp
            | A::LineDown
            | A::DeleteBack
            | A::DeleteForward
            | A::DeleteWordBack
            | A::DeleteWordForward
            | A::DeleteToEnd
            | A::DeleteToStart
            | A::Undo
            | A::Redo
    )
}

/// Applies an editing action to a text area; returns whether its text changed.
fn edit(area: &mut TextArea<'static>, action: Action, typed: Option<char>) -> bool {
    use Action as A;
    let mut step = |m: CursorMove| {
        area.move_cursor(m);
        false
    };
    match action {
        A::CharLeft => step(CursorMove::Back),
        A::CharRight => step(CursorMove::Forward),
        A::WordLeft => step(CursorMove::WordBack),
        A::WordRight => step(CursorMove::WordForward),
        A::LineStart => step(CursorMove::Head),
        A::LineEnd => step(CursorMove::End),
        A::LineUp => step(CursorMove::Up),
        A::LineDown => step(CursorMove::Down),
        A::Type => match typed {
            Some(c) => {
                area.insert_char(c);
                true
            }
            None => false,
        },
        A::NewLine => {
            area.insert_newline();
            true
        }
        A::DeleteBack => area.delete_char(),
        A::DeleteForward => area.delete_next_char(),
        A::DeleteWordBack => area.delete_word(),
        A::DeleteWordForward => area.delete_next_word(),
        A::DeleteToEnd => area.delete_line_by_end(),
        A::DeleteToStart => area.delete_line_by_head(),
        A::Undo => area.undo(),
        A::Redo => area.redo(),
        _ => false,
    }
}

/// Runs `change` on the text input that has the keys (the top dialog's, the search, or the
/// focused field's editor) with whether it takes several lines; a changed field's text is
/// stored at once.
fn edit_text(model: &mut Model, change: impl FnOnce(&mut TextArea<'static>, bool) -> bool) {
    if let Some(lock) = &mut model.lock {
        if change(&mut lock.passphrase, false) {
            lock.wrong = false;
        }
        return;
    }
    match model.overlays.last_mut() {
        Some(Overlay::Label(area) | Overlay::Workplace(area)) => {
            change(area, false);
        }
        Some(Overlay::NewForloeb(dialog)) => {
            change(&mut dialog.label, false);
        }
        Some(Overlay::MoveTo(dialog)) => {
            if change(&mut dialog.filter, false) {
                dialog.refilter(&model.forloeb);
            }
        }
        Some(Overlay::Log(dialog)) => {
            change(&mut dialog.fields[dialog.row], false);
        }
        Some(Overlay::Import(dialog)) if !dialog.busy => {
            let area = match dialog.row {
                IMPORT_SECRET_ROW => &mut dialog.secret,
                _ => &mut dialog.path,
            };
            // A changed file is read again before it is opened.
            if change(area, false) && dialog.row != IMPORT_SECRET_ROW {
                dialog.locked = None;
            }
        }
        Some(Overlay::Import(_)) => {}
        Some(Overlay::Share(dialog)) if !dialog.busy => {
            let row = dialog.current();
            let changed = dialog.input(row).is_some_and(|area| change(area, false));
            if changed && row == ShareRow::File {
                dialog.confirm_overwrite = false;
            }
        }
        Some(Overlay::Share(_)) => {}
        Some(Overlay::Export(dialog)) => {
            if dialog.row == EXPORT_FILE_ROW && change(&mut dialog.path, false) {
                dialog.path_edited = true;
                dialog.confirm_overwrite = false;
            }
        }
        Some(
            Overlay::Help { .. }
            | Overlay::Review { .. }
            | Overlay::Picker(_)
            | Overlay::Note(_)
            | Overlay::Confirm(_),
        ) => {}
        None => match &mut model.screen {
            Screen::Sessions => {
                if change(&mut model.sessions.filter, false) {
                    model.sessions.selected = 0;
                    model.sessions.refilter(&model.catalog);
                }
            }
            Screen::Session(open) => {
                if let Some(text) = open.unchangeable() {
                    model.error(text);
                    return;
                }
                let Some(editor) = &mut open.editor else {
                    return;
                };
                if change(&mut editor.area, editor.multiline) {
                    let valid = open.walk.set_text(editor.place, &editor.text()).is_ok();
                    if valid {
                        editor.show_error = false;
                    }
                }
            }
            Screen::Forloeb(view) => {
                if let Some(search) = &mut view.search
                    && change(search.as_mut(), false)
                {
                    view.selected = 0;
                    view.refilter(&model.forloeb, &model.catalog, &model.sessions.items);
                }
            }
            Screen::Start | Screen::Reading(_) => {}
        },
    }
}

fn on_paste(model: &mut Model, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    edit_text(model, |area, multiline| {
        if multiline {
            area.insert_str(&text)
        } else {
            area.insert_str(text.replace('\n', " "))
        }
    });
}

// ----- overlays -----

fn on_help(model: &mut Model, action: Action) -> Option<Command> {
    let Some(Overlay::Help { scroll }) = model.overlays.last_mut() else {
        return None;
    };
    match action {
        Action::CloseHelp => {
            model.overlays.pop();
        }
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        _ => {}
    }
    None
}

fn on_review(model: &mut Model, action: Action) -> Option<Command> {
    let now = model.now();
    let encrypted = model.encrypted;
    let Model {
        overlays,
        screen,
        exports_dir,
        ..
    } = model;
    let (Some(Overlay::Review { selected, .. }), Screen::Session(open)) =
        (overlays.last_mut(), screen)
    else {
        return None;
    };
    let items = open.walk.answers().review();
    let current = (*selected).min(items.len().saturating_sub(1));
    let mut note = None;
    match action {
        Action::Up => *selected = current.saturating_sub(1),
        Action::Down => *selected = (current + 1).min(items.len().saturating_sub(1)),
        Action::GotoField => {
            if let Some(item) = items.get(current) {
                let at = item.at;
                open.walk.goto_field(at);
                overlays.pop();
            }
        }
        Action::BackToSteps => {
            let last = open.walk.tool().steps.len().saturating_sub(1);
            open.walk.goto_step(last);
            overlays.pop();
        }
        Action::Back => {
            overlays.pop();
        }
        Action::EditLabel => {
            let label = one_line(&open.walk.session().label);
            overlays.push(Overlay::Label(label));
        }
        Action::Export => {
            let mut dialog =
                ExportDialog::new(open.walk.session(), open.walk.tool().about, exports_dir);
            dialog.leaves_store = encrypted;
            overlays.push(Overlay::Export(Box::new(dialog)));
        }
        Action::Share => {
            let dialog = ShareDialog::new(
                open.walk.tool(),
                open.walk.session(),
                exports_dir,
                encrypted,
            );
            overlays.push(Overlay::Share(Box::new(dialog)));
        }
        Action::Reopen => {
            if open.read_only.is_some() || !open.walk.is_sealed() {
                note = Some((t::NOT_SEALED.to_string(), true));
            } else {
                overlays.push(Overlay::Confirm(Box::new(Confirm {
                    what: Confirming::Reopen,
                    title: t::REOPEN_TITLE.to_string(),
                    intro: t::REOPEN_WHAT.to_string(),
                    lines: Vec::new(),
                    scroll: 0,
                })));
            }
        }
        Action::Complete if open.walk.is_sealed() => {
            note = Some((t::IS_COMPLETED.to_string(), false));
        }
        Action::Complete => {
            let first_missing = items.iter().position(|i| i.missing);
            note = Some(match open.walk.complete(now) {
                Ok(()) => (t::COMPLETED_NOW.to_string(), false),
                Err(missing) => {
                    *selected = first_missing.unwrap_or(current);
                    (t::cannot_complete(missing.len()), true)
                }
            });
        }
        _ => {}
    }
    match note {
        Some((text, true)) => model.error(text),
        Some((text, false)) => model.info(text),
        None => {}
    }
    None
}

fn on_label(model: &mut Model, action: Action) -> Option<Command> {
    let Some(Overlay::Label(area)) = model.overlays.last() else {
        return None;
    };
    let typed = area.lines().join(" ");
    match action {
        Action::Confirm => match check_label(&typed) {
            Err(LabelError::Cpr) => model.error(t::LABEL_CPR),
            // An empty label removes it.
            result => {
                let label = result.unwrap_or_default();
                if let Some(open) = model.open_session() {
                    open.walk.set_label(&label);
                }
                model.overlays.pop();
            }
        },
        Action::Cancel => {
            model.overlays.pop();
        }
        _ => {}
    }
    None
}

/// The export dialog: ↑↓ choose a line, ←→ change format or recipient, typing edits the
/// file, Enter exports, Esc cancels.
fn on_export(model: &mut Model, action: Action) -> Option<Command> {
    let Model {
        overlays,
        screen,
        exports_dir,
        ..
    } = model;
    let (Some(Overlay::Export(dialog)), Screen::Session(open)) = (overlays.last_mut(), screen)
    else {
        return None;
    };
    match action {
        Action::Cancel => {
            overlays.pop();
        }
        Action::Up => dialog.row = cycle(dialog.row, 3, false),
        Action::Down => dialog.row = cycle(dialog.row, 3, true),
        Action::ChoosePrev | Action::ChooseNext => {
            let forward = action == Action::ChooseNext;
            if dialog.row == 0 {
                let i = FORMATS.iter().position(|f| *f == dialog.format);
                dialog.format = FORMATS[cycle(i.unwrap_or(0), FORMATS.len(), forward)];
            } else {
                let all = dialog.recipients;
                let i = all.iter().position(|r| *r == dialog.recipient).unwrap_or(0);
                if let Some(next) = all.get(cycle(i, all.len(), forward)) {
                    dialog.recipient = *next;
                }
            }
            dialog.follow(open.walk.session(), exports_dir);
        }
        Action::Confirm => {
            let what = Confirming::Export {
                format: dialog.format,
                recipient: dialog.recipient,
                path: dialog.path(),
                overwrite: dialog.confirm_overwrite,
            };
            // Health in text the employer will read is named first; the user decides.
            let mentions = match dialog.recipient {
                Recipient::Employer => {
                    crate::export::health_mentions(open.walk.tool(), open.walk.session())
                }
                _ => Vec::new(),
            };
            if mentions.is_empty() {
                return confirmed(what, model);
            }
            let lines = mentions
                .iter()
                .map(|(field, words)| t::health_line(field, words))
                .collect();
            overlays.push(Overlay::Confirm(Box::new(Confirm {
                what,
                title: t::HEALTH_TITLE.to_string(),
                intro: String::new(),
                lines,
                scroll: 0,
            })));
        }
        _ => {}
    }
    None
}

/// A confirmation: Enter does what it asks about, Esc leaves all as it was.
fn on_confirm(model: &mut Model, action: Action) -> Option<Command> {
    let Some(Overlay::Confirm(confirm)) = model.overlays.last_mut() else {
        return None;
    };
    match action {
        Action::ScrollUp => confirm.scroll = confirm.scroll.saturating_sub(1),
        Action::ScrollDown => confirm.scroll = confirm.scroll.saturating_add(1),
        Action::Cancel => {
            model.overlays.pop();
        }
        Action::Confirm => {
            let what = confirm.what.clone();
            model.overlays.pop();
            return confirmed(what, model);
        }
        _ => {}
    }
    None
}

/// What a confirmed question does.
fn confirmed(what: Confirming, model: &mut Model) -> Option<Command> {
    match what {
        Confirming::DeleteSession(id) => Some(Command::Delete(Deleting::Session(id))),
        Confirming::DeleteForloeb(id) => Some(Command::Delete(Deleting::Forloeb(id))),
        Confirming::Purge(offer) => Some(Command::Purge(offer)),
        Confirming::Notice | Confirming::Shared => None,
        Confirming::Export {
            format,
            recipient,
            path,
            overwrite,
        } => Some(Command::Export {
            format,
            recipient,
            path,
            overwrite,
        }),
        Confirming::Reopen => {
            let now = model.now();
            let open = model.open_session()?;
            if open.walk.reopen(now) {
                model.info(t::REOPENED_NOW);
            }
            None
        }
    }
}

fn on_picker(model: &mut Model, action: Action) -> Option<Command> {
    let Some(Overlay::Picker(picker)) = model.overlays.last_mut() else {
        return None;
    };
    match action {
        Action::Up => picker.selected = picker.selected.saturating_sub(1),
        Action::Down => {
            picker.selected = (picker.selected + 1).min(picker.items.len().saturating_sub(1))
        }
        Action::Cancel => {
            model.overlays.pop();
        }
        Action::Confirm => {
            let chosen = picker.items.get(picker.selected).map(|(_, e)| e.clone());
            model.overlays.pop();
            let open = model.open_session()?;
            if let (Some(entry), Some(place)) = (chosen, open.walk.focus())
                && !open.walk.insert_entry(place, &entry)
            {
                model.error(t::PICK_FULL);
            }
        }
        _ => {}
    }
    None
}

fn on_new_forloeb(model: &mut Model, action: Action) -> Option<Command> {
    let then = match model.overlays.last() {
        Some(Overlay::NewForloeb(dialog)) => dialog.then.clone(),
        _ => return None,
    };
    on_name(model, action, &t::LABEL_EMPTY, |_, label| {
        Command::NewForloeb { label, then }
    })
}

/// Choosing the forløb a session moves into: Enter moves it there, or asks for a new
/// forløb's label (the typed words) and moves it into that.
fn on_move(model: &mut Model, action: Action) -> Option<Command> {
    let Some(Overlay::MoveTo(dialog)) = model.overlays.last_mut() else {
        return None;
    };
    let count = dialog.shown.len() + 1;
    match action {
        Action::Up => dialog.selected = cycle(dialog.selected, count, false),
        Action::Down => dialog.selected = cycle(dialog.selected, count, true),
        Action::Cancel => {
            model.overlays.pop();
        }
        Action::Confirm => {
            let moving = dialog.moving.clone();
            let chosen = dialog
                .selected
                .checked_sub(1)
                .and_then(|i| dialog.shown.get(i))
                .and_then(|&i| model.forloeb.all.get(i))
                .map(|f| f.id.clone());
            let typed = dialog.typed();
            model.overlays.pop();
            match chosen {
                Some(forloeb) => return Some(Command::Move { moving, forloeb }),
                None => model
                    .overlays
                    .push(Overlay::NewForloeb(Box::new(NewForloebDialog::new(
                        &typed,
                        t::FORLOEB_ADVICE,
                        InForloeb::Move(moving),
                    )))),
            }
        }
        _ => {}
    }
    None
}

/// The name of the workplace a new reflection session is about; Enter starts it.
fn on_workplace(model: &mut Model, action: Action) -> Option<Command> {
    on_name(model, action, &t::WORKPLACE_EMPTY, |model, label| {
        Command::New {
            tool: model.portal.structure.reflections.clone(),
            forloeb: String::new(),
            carry_from: None,
            label,
        }
    })
}

/// A dialog that asks for a name (a new forløb's label, a workplace's): Enter checks it
/// and, if it will do, closes the dialog with the command `done` makes of it.
fn on_name(
    model: &mut Model,
    action: Action,
    empty: &str,
    done: impl FnOnce(&Model, String) -> Command,
) -> Option<Command> {
    let area = match model.overlays.last() {
        Some(Overlay::NewForloeb(dialog)) => &dialog.label,
        Some(Overlay::Workplace(area)) => area,
        _ => return None,
    };
    let typed = area.lines().join(" ");
    match action {
        Action::Cancel => {
            model.overlays.pop();
        }
        Action::Confirm => match check_label(&typed) {
            Ok(label) => {
                model.overlays.pop();
                return Some(done(model, label));
            }
            Err(LabelError::Empty) => model.error(empty),
            Err(LabelError::Cpr) => model.error(t::LABEL_CPR),
        },
        _ => {}
    }
    None
}

fn on_log(model: &mut Model, action: Action) -> Option<Command> {
    let forloeb = match &model.screen {
        Screen::Forloeb(view) => view.open.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let Some(Overlay::Log(dialog)) = model.overlays.last_mut() else {
        return None;
    };
    match action {
        Action::Cancel => {
            model.overlays.pop();
        }
        Action::Up => dialog.row = cycle(dialog.row, 4, false),
        Action::Down => dialog.row = cycle(dialog.row, 4, true),
        Action::Confirm => {
            let date = dialog.date();
            let (who, with_whom, agreed) = (dialog.text(1), dialog.text(2), dialog.text(3));
            match date {
                Err(e) => model.error(e.to_string()),
                Ok(_) if who.is_empty() || with_whom.is_empty() || agreed.is_empty() => {
                    model.error(t::LOG_INCOMPLETE)
                }
                Ok(date) => {
                    model.overlays.pop();
                    return Some(Command::AddLog {
                        forloeb,
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
        _ => {}
    }
    None
}

/// Importing a share file: Enter reads the file, then (with its passphrase or key file)
/// imports it; ↑↓ go between the two lines once the file is read; Esc cancels.
fn on_import(model: &mut Model, action: Action) -> Option<Command> {
    let Some(Overlay::Import(dialog)) = model.overlays.last_mut() else {
        return None;
    };
    if dialog.busy {
        return None;
    }
    match action {
        Action::Cancel => {
            model.overlays.pop();
        }
        Action::Up | Action::Down if dialog.locked.is_some() => {
            dialog.row = cycle(dialog.row, 2, action == Action::Down);
        }
        Action::Confirm if dialog.path().as_os_str().is_empty() => {
            model.error(t::IMPORT_NO_FILE);
        }
        Action::Confirm if dialog.locked.is_none() || dialog.row != IMPORT_SECRET_ROW => {
            return Some(Command::ReadShare(dialog.path()));
        }
        Action::Confirm => {
            dialog.busy = true;
            return Some(Command::Import {
                forloeb: dialog.forloeb.clone(),
                path: dialog.path(),
                secret: dialog.secret.lines().join(""),
            });
        }
        _ => {}
    }
    None
}

/// The share dialog: ↑↓ choose a line, ←→ change the lock or whether the private answers
/// go, typing edits the others; Enter checks the line and goes on, and on the last line
/// shares; Esc cancels.
fn on_share(model: &mut Model, action: Action) -> Option<Command> {
    let Some(Overlay::Share(dialog)) = model.overlays.last_mut() else {
        return None;
    };
    if dialog.busy {
        return None;
    }
    let rows = dialog.rows();
    match action {
        Action::Cancel => {
            model.overlays.pop();
        }
        Action::Up | Action::Down => {
            dialog.row = cycle(dialog.row, rows.len(), action == Action::Down);
        }
        Action::ChoosePrev | Action::ChooseNext => match dialog.current() {
            ShareRow::Lock => {
                dialog.lock = match dialog.lock {
                    ShareLock::Passphrase => ShareLock::Key,
                    ShareLock::Key => ShareLock::Passphrase,
                }
            }
            ShareRow::Private => dialog.with_private = !dialog.with_private,
            _ => {}
        },
        Action::Confirm if dialog.current() != ShareRow::File => {
            match share_problem(dialog, dialog.current()) {
                Some(problem) => {
                    // A repetition that differs is typed again from the start: the dots
                    // cannot show where it went wrong.
                    if dialog.current() == ShareRow::Again {
                        dialog.again.delete_line_by_head();
                        dialog.again.delete_line_by_end();
                    }
                    model.error(problem)
                }
                None => dialog.row = (dialog.row + 1).min(rows.len().saturating_sub(1)),
            }
        }
        Action::Confirm => {
            // Every line once more: the first that is not right is chosen, and said.
            let problem = rows
                .iter()
                .enumerate()
                .find_map(|(i, row)| share_problem(dialog, *row).map(|p| (i, p)));
            if let Some((i, problem)) = problem {
                dialog.row = i;
                model.error(problem);
                return None;
            }
            dialog.busy = true;
            let secret = match dialog.lock {
                ShareLock::Passphrase => dialog.text(ShareRow::Passphrase),
                ShareLock::Key => dialog.text(ShareRow::Key).trim().to_string(),
            };
            return Some(Command::Share(ShareInput {
                session: dialog.session.clone(),
                from: check_label(&dialog.text(ShareRow::From)).unwrap_or_default(),
                lock: dialog.lock,
                secret,
                with_private: dialog.with_private,
                path: dialog.path(),
                overwrite: dialog.confirm_overwrite,
            }));
        }
        _ => {}
    }
    None
}

/// What is not right on a line of the share dialog, said plainly, if anything.
fn share_problem(dialog: &ShareDialog, row: ShareRow) -> Option<String> {
    let text = dialog.text(row);
    match row {
        ShareRow::From => match check_label(&text) {
            Ok(_) => None,
            Err(LabelError::Empty) => Some(t::SHARE_FROM_EMPTY.to_string()),
            Err(LabelError::Cpr) => Some(t::LABEL_CPR.to_string()),
        },
        ShareRow::Passphrase => {
            crate::core::passphrase::check(&text, &crate::texts::cli::PASSPHRASE_HINTS)
                .err()
                .map(t::weak_passphrase)
        }
        ShareRow::Again => {
            (text != dialog.text(ShareRow::Passphrase)).then(|| t::SHARE_NOT_THE_SAME.to_string())
        }
        ShareRow::Key => crate::store::share::recipient(&text)
            .is_err()
            .then(|| t::SHARE_BAD_KEY.to_string()),
        ShareRow::File => dialog
            .path()
            .as_os_str()
            .is_empty()
            .then(|| t::SHARE_NO_FILE.to_string()),
        ShareRow::Lock | ShareRow::Private => None,
    }
}

/// `i` moved one on or back among `n`, round the ends (0 when there are none).
fn cycle(i: usize, n: usize, forward: bool) -> usize {
    if n == 0 {
        0
    } else if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

// ----- screens -----

/// Shows a top-level screen; the lists it shows are read again.
fn show_tab(model: &mut Model, tab: Tab) -> Option<Command> {
    model.pick = None;
    let (screen, list) = match tab {
        Tab::Tools => (Screen::Start, false),
        Tab::Forloeb => (Screen::Forloeb(ForloebView::default()), true),
        Tab::Sessions => (Screen::Sessions, true),
        Tab::Reading => (Screen::Reading(Reading::default()), false),
    };
    model.show(screen);
    list.then_some(Command::ListSessions)
}

/// Tab and Shift-Tab on a top-level screen.
fn switch_tab(model: &mut Model, forward: bool) -> Option<Command> {
    let tab = model.screen.tab()?;
    show_tab(model, tab.next(forward))
}

fn on_start(model: &mut Model, action: Action, key: KeyEvent) -> Option<Command> {
    let tools = model.start_tools();
    let last = tools.len().saturating_sub(1);
    if action != Action::JumpToNumber {
        model.start_digits.clear();
    }
    match action {
        Action::Up => model.start_selected = cycle(model.start_selected, tools.len().max(1), false),
        Action::Down => {
            model.start_selected = cycle(model.start_selected, tools.len().max(1), true)
        }
        Action::First => model.start_selected = 0,
        Action::Last => model.start_selected = last,
        Action::JumpToNumber => {
            let typed = is_typed_char(key)?;
            jump_to_number(model, &tools, typed);
        }
        Action::NextTab => return switch_tab(model, true),
        Action::PrevTab => return switch_tab(model, false),
        Action::ShowSessions => return show_tab(model, Tab::Sessions),
        // The introduction opens in Viden, over its entry page.
        Action::Introduction => {
            let mut reading = Reading::default();
            let introduction = Ref::Section(content::INTRODUCTION.to_string());
            reading.open(PageKind::Text(introduction));
            model.show(Screen::Reading(reading));
        }
        // Esc while picking a tool for a forløb goes back to the forløb.
        Action::Back => match model.pick.take() {
            Some(pick) => model.show(Screen::Forloeb(ForloebView {
                open: Some(pick.forloeb),
                ..ForloebView::default()
            })),
            None => model.quit = true,
        },
        Action::Select => {
            let entry = tools
                .get(model.start_selected)
                .and_then(|&i| model.catalog.entries.get(i))?;
            let pick = model.pick.take();
            if pick.is_some() {
                model.last_pick = Some(entry.tool.id.clone());
            }
            return Some(Command::New {
                tool: entry.tool.id.clone(),
                forloeb: pick.as_ref().map(|p| p.forloeb.clone()).unwrap_or_default(),
                carry_from: pick.and_then(|p| p.carry_from),
                label: String::new(),
            });
        }
        _ => {}
    }
    None
}

/// A digit on the start screen goes to the tool with that number; digits typed one after
/// the other make one number where there is a tool with it (1, then 3: Redskab 13).
fn jump_to_number(model: &mut Model, tools: &[usize], typed: char) {
    let row_of = |number: &str| {
        tools.iter().position(|&i| {
            model.catalog.entries[i]
                .tool
                .number
                .is_some_and(|n| n.to_string() == number)
        })
    };
    let longer = format!("{}{typed}", model.start_digits);
    let (number, row) = match row_of(&longer) {
        Some(row) => (longer, Some(row)),
        None => (typed.to_string(), row_of(&typed.to_string())),
    };
    match row {
        Some(row) => {
            model.start_selected = row;
            model.start_digits = number;
        }
        None => {
            model.start_digits.clear();
            model.error(t::no_tool_number(&number));
        }
    }
}

fn on_forloeb(model: &mut Model, action: Action) -> Option<Command> {
    let Screen::Forloeb(view) = &model.screen else {
        return None;
    };
    // The open forløb's sessions, oldest first: (session id, tool id).
    let sessions: Vec<(String, String)> = match &view.open {
        Some(id) => model
            .forloeb_sessions(id)
            .iter()
            .map(|s| (s.id.clone(), s.tool.clone()))
            .collect(),
        None => Vec::new(),
    };
    let count = if view.open.is_some() {
        sessions.len()
    } else {
        view.count(model.forloeb.all.len())
    };
    let selected_forloeb = view
        .at(view.selected)
        .and_then(|i| model.forloeb.all.get(i))
        .map(|f| f.id.clone());
    let today = model.today;
    let Screen::Forloeb(view) = &mut model.screen else {
        return None;
    };
    let selected = if view.open.is_some() {
        &mut view.row
    } else {
        &mut view.selected
    };
    match action {
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(count.saturating_sub(1)),
        Action::NextTab => return switch_tab(model, true),
        Action::PrevTab => return switch_tab(model, false),
        Action::Back if view.open.is_some() => view.open = None,
        Action::Back if view.search.is_some() => {
            view.search = None;
            view.found = None;
        }
        Action::Back => model.show(Screen::Start),
        Action::Search => view.search = Some(Box::new(one_line(""))),
        Action::NewForloeb => {
            model
                .overlays
                .push(Overlay::NewForloeb(Box::new(NewForloebDialog::new(
                    "",
                    t::FORLOEB_ADVICE,
                    InForloeb::Show,
                ))))
        }
        Action::Select => match &view.open {
            Some(_) => {
                return sessions
                    .get(view.row)
                    .map(|(id, _)| Command::Open(id.clone()));
            }
            None => {
                view.open = selected_forloeb;
                view.row = 0;
            }
        },
        Action::Note => {
            let forloeb = view.open.clone()?;
            return note_of(model, forloeb);
        }
        Action::Delete => {
            let target = match &view.open {
                Some(_) => sessions
                    .get(view.row)
                    .map(|(id, _)| Deleting::Session(id.clone())),
                None => selected_forloeb.map(Deleting::Forloeb),
            };
            return target.map(Command::AskDelete);
        }
        Action::Share if view.open.is_some() => {
            return sessions
                .get(view.row)
                .map(|(id, _)| Command::AskShare(id.clone()));
        }
        Action::Import => {
            let forloeb = view.open.clone()?;
            let dialog = ImportDialog::new(forloeb);
            model.overlays.push(Overlay::Import(Box::new(dialog)));
        }
        Action::AddLog if view.open.is_some() => {
            model
                .overlays
                .push(Overlay::Log(Box::new(LogDialog::new(today))));
        }
        Action::NewTool => {
            let forloeb = view.open.clone().or(selected_forloeb)?;
            model.pick_tool(forloeb, None, None);
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
                model.pick_tool(forloeb, Some(session), Some(targets));
            }
        }
        _ => {}
    }
    None
}

/// The note of a forløb's latest day with sessions (most often today's consultation).
fn note_of(model: &mut Model, forloeb: String) -> Option<Command> {
    let mut days: Vec<chrono::NaiveDate> = model
        .forloeb_sessions(&forloeb)
        .iter()
        .flat_map(|s| [s.created.date_naive(), s.updated.date_naive()])
        .collect();
    days.sort();
    days.dedup();
    match days.last() {
        Some(&day) => Some(Command::Note { forloeb, day, days }),
        None => {
            model.error(t::NO_NOTE);
            None
        }
    }
}

/// The note: ↑↓ scroll, ←→ another day, c copies, g saves, Esc closes.
fn on_note(model: &mut Model, action: Action) -> Option<Command> {
    let exports_dir = model.exports_dir.clone();
    let Some(Overlay::Note(note)) = model.overlays.last_mut() else {
        return None;
    };
    // Saving over the file is asked for by saving again at once.
    let overwrite = std::mem::take(&mut note.confirm_overwrite);
    match action {
        Action::ScrollUp => note.scroll = note.scroll.saturating_sub(1),
        Action::ScrollDown => note.scroll = note.scroll.saturating_add(1),
        Action::PageUp => note.scroll = note.scroll.saturating_sub(10),
        Action::PageDown => note.scroll = note.scroll.saturating_add(10),
        Action::ChoosePrev | Action::ChooseNext => {
            let at = note.days.iter().position(|d| *d == note.day)?;
            let to = match action {
                Action::ChooseNext => at + 1,
                _ => at.checked_sub(1)?,
            };
            return Some(Command::Note {
                forloeb: note.forloeb.clone(),
                day: *note.days.get(to)?,
                days: note.days.clone(),
            });
        }
        Action::CopyNote => return Some(Command::Copy(note.note.text())),
        Action::SaveNote => {
            let name = crate::export::note::file_name(&note.forloeb, note.day);
            return Some(Command::SaveNote {
                path: exports_dir.join(name),
                text: note.note.text(),
                overwrite,
            });
        }
        Action::Back => {
            model.overlays.pop();
        }
        _ => {}
    }
    None
}

fn on_sessions(model: &mut Model, action: Action) -> Option<Command> {
    let count = model.sessions.shown.len();
    let list = &mut model.sessions;
    match action {
        Action::Up => list.selected = list.selected.saturating_sub(1),
        Action::Down => list.selected = (list.selected + 1).min(count.saturating_sub(1)),
        Action::NextTab => return switch_tab(model, true),
        Action::PrevTab => return switch_tab(model, false),
        Action::Back if !list.filter.is_empty() => {
            list.filter = one_line("");
            list.selected = 0;
            list.refilter(&model.catalog);
        }
        Action::Back => model.show(Screen::Start),
        Action::Delete => match list.selected_item() {
            Some(Listed::Session(s)) => {
                return Some(Command::AskDelete(Deleting::Session(s.id.clone())));
            }
            Some(Listed::Damaged { .. }) => model.error(t::DELETE_DAMAGED),
            None => {}
        },
        Action::MoveToForloeb => match list.selected_item() {
            // A completed session is sealed: it moves only after it is reopened.
            Some(Listed::Session(s)) if s.status == Status::Completed => model.error(t::SEALED),
            Some(Listed::Session(s)) => {
                let moving = Moving::Listed(s.id.clone());
                let dialog = MoveDialog::new(moving, &s.forloeb, &model.forloeb);
                model.overlays.push(Overlay::MoveTo(Box::new(dialog)));
            }
            _ => {}
        },
        // A damaged file is neither opened nor shared: why, is said.
        Action::Select | Action::Share => match list.selected_item() {
            Some(Listed::Session(s)) if action == Action::Share => {
                return Some(Command::AskShare(s.id.clone()));
            }
            Some(Listed::Session(s)) => return Some(Command::Open(s.id.clone())),
            Some(Listed::Damaged { reason, .. }) => {
                let text = t::damaged(reason);
                model.error(text);
            }
            None => {}
        },
        _ => {}
    }
    None
}

/// *Viden*: Tab changes tab and Esc goes back a page on every page; the rest depends on
/// the page.
fn on_reading(model: &mut Model, action: Action, key: KeyEvent) -> Option<Command> {
    let Screen::Reading(reading) = &mut model.screen else {
        return None;
    };
    match action {
        Action::NextTab => return switch_tab(model, true),
        Action::PrevTab => return switch_tab(model, false),
        Action::Back => {
            if !reading.back() {
                model.show(Screen::Start);
            }
            return None;
        }
        _ => {}
    }
    match reading.page().kind.clone() {
        PageKind::Body => on_body(model, action, key),
        PageKind::Quiz(_) => on_quiz(model, action),
        kind if kind.is_list() => on_reading_list(model, &kind, action),
        kind => on_reading_text(model, &kind, action),
    }
}

/// The shown *Viden* page.
fn page(model: &mut Model) -> Option<&mut Page> {
    match &mut model.screen {
        Screen::Reading(reading) => Some(reading.page_mut()),
        _ => None,
    }
}

/// Goes where a line or link of *Viden* leads.
fn follow(model: &mut Model, target: Target) -> Option<Command> {
    match target {
        Target::Page(kind) => {
            let list = kind == PageKind::Reflections;
            if let Screen::Reading(reading) = &mut model.screen {
                reading.open(kind);
            }
            // The workplaces' sessions as they are on disk now.
            list.then_some(Command::ListSessions)
        }
        Target::StartTool(tool) => Some(Command::New {
            tool,
            forloeb: String::new(),
            carry_from: None,
            label: String::new(),
        }),
        Target::NewReflections => {
            model.overlays.push(Overlay::Workplace(one_line("")));
            None
        }
        Target::Session(id) => Some(Command::Open(id)),
    }
}

fn on_reading_list(model: &mut Model, kind: &PageKind, action: Action) -> Option<Command> {
    let lines = lines(&model.portal, &model.sessions.items, kind);
    let targets: Vec<Target> = choices(&lines).into_iter().cloned().collect();
    let page = page(model)?;
    let selected = page.selected.min(targets.len().saturating_sub(1));
    match action {
        Action::Up => page.selected = selected.saturating_sub(1),
        Action::Down => page.selected = (selected + 1).min(targets.len().saturating_sub(1)),
        Action::Select => return follow(model, targets.get(selected)?.clone()),
        _ => {}
    }
    None
}

fn on_reading_text(model: &mut Model, kind: &PageKind, action: Action) -> Option<Command> {
    let pieces = pieces(&model.portal, &model.catalog, kind);
    let links: Vec<Target> = links(&pieces).into_iter().cloned().collect();
    let page = page(model)?;
    let choose = |page: &mut Page, forward: bool| {
        page.link = Some(match page.link {
            Some(link) => cycle(link, links.len(), forward),
            None if forward => 0,
            None => links.len().saturating_sub(1),
        });
        page.reveal = true;
    };
    match action {
        Action::ScrollUp => page.scroll = page.scroll.saturating_sub(1),
        Action::ScrollDown => page.scroll = page.scroll.saturating_add(1),
        Action::PageUp => page.scroll = page.scroll.saturating_sub(10),
        Action::PageDown => page.scroll = page.scroll.saturating_add(10),
        Action::NextLink | Action::PrevLink if !links.is_empty() => {
            choose(page, action == Action::NextLink)
        }
        // Enter before any link is chosen chooses the first.
        Action::Select => match page.link.and_then(|i| links.get(i)) {
            Some(target) => return follow(model, target.clone()),
            None if !links.is_empty() => choose(page, true),
            None => {}
        },
        _ => {}
    }
    None
}

/// The body figure: a region by the arrows or its letter, Enter reads about it.
fn on_body(model: &mut Model, action: Action, key: KeyEvent) -> Option<Command> {
    let regions: Vec<char> = model.portal.body.regions.iter().map(|r| r.key).collect();
    let page = page(model)?;
    let count = regions.len();
    match action {
        Action::Up | Action::Down => {
            let at = page.selected.min(count.saturating_sub(1));
            page.selected = cycle(at, count, action == Action::Down);
        }
        Action::Select if page.selected < count => {
            let region = PageKind::Region(page.selected);
            return follow(model, Target::Page(region));
        }
        Action::ChooseByKey => {
            let typed = is_typed_char(key)?.to_lowercase().next()?;
            match regions.iter().position(|k| *k == typed) {
                Some(i) => page.selected = i,
                None => model.error(t::no_region(typed, &regions)),
            }
        }
        _ => {}
    }
    None
}

/// The quiz: s or f answers, Enter goes on, l reads where the statement comes from.
fn on_quiz(model: &mut Model, action: Action) -> Option<Command> {
    let statements = &model.portal.quiz.statements;
    let total = statements.len();
    let Screen::Reading(reading) = &mut model.screen else {
        return None;
    };
    let page = reading.page_mut();
    let PageKind::Quiz(round) = &mut page.kind else {
        return None;
    };
    let stage = round.stage(total);
    match (action, stage) {
        (Action::AnswerTrue | Action::AnswerFalse, Stage::Asking(n)) => {
            let answer = statements.get(n)?.answer;
            round.answer(total, action == Action::AnswerTrue, answer);
            page.scroll = 0;
        }
        (Action::Select, Stage::Answered { .. }) => {
            round.next();
            page.scroll = 0;
        }
        // After the score: another round.
        (Action::Select, Stage::Done { .. }) => *round = Round::default(),
        (Action::ReadSource, Stage::Answered { n, .. }) => {
            let source = statements.get(n)?.source.clone();
            reading.open(PageKind::Text(source));
        }
        (Action::ScrollUp, _) => page.scroll = page.scroll.saturating_sub(1),
        (Action::ScrollDown, _) => page.scroll = page.scroll.saturating_add(1),
        _ => {}
    }
    None
}

fn on_walk(model: &mut Model, action: Action, key: KeyEvent) -> Option<Command> {
    let Screen::Session(open) = &mut model.screen else {
        return None;
    };
    let focus = open.walk.focus();
    let edits = matches!(
        action,
        Action::ChoosePrev
            | Action::ChooseNext
            | Action::ChooseByKey
            | Action::Toggle
            | Action::Tick
            | Action::Untick
            | Action::Clear
            | Action::RemoveRow
            | Action::EditLabel
            | Action::MoveToForloeb
    ) || (action == Action::Press
        && focus.is_some_and(|p| open.walk.link(p).is_none()));
    if let Some(text) = open.unchangeable().filter(|_| edits) {
        model.error(text);
        return None;
    }
    match action {
        Action::NextField => advance(model, |open| open.walk.next_place()),
        Action::PrevField => {
            open.walk.prev_place();
        }
        Action::NextStep => advance(model, |open| open.walk.next_step()),
        Action::PrevStep => {
            open.walk.prev_step();
        }
        Action::Review => model.overlays.push(Overlay::Review {
            selected: 0,
            scroll: 0,
        }),
        Action::EditLabel => {
            let label = one_line(&open.walk.session().label);
            model.overlays.push(Overlay::Label(label));
        }
        Action::MoveToForloeb => {
            let current = open.walk.session().forloeb.clone();
            let dialog = MoveDialog::new(Moving::Open, &current, &model.forloeb);
            model.overlays.push(Overlay::MoveTo(Box::new(dialog)));
        }
        Action::Pick => {
            let tool = focus.and_then(|place| open.walk.pick_source(place))?;
            return Some(Command::LoadPicks(tool.to_string()));
        }
        Action::RemoveRow => {
            open.walk.remove_row(focus?);
        }
        Action::Restore => {
            open.walk.restore(focus?);
        }
        Action::LeaveField => open.walk.blur(),
        Action::Close => return Some(Command::Close),
        Action::ScrollUp => open.scroll = open.scroll.saturating_sub(1),
        Action::ScrollDown => open.scroll = open.scroll.saturating_add(1),
        Action::ChoosePrev | Action::ChooseNext => {
            open.walk.cycle(focus?, action == Action::ChooseNext);
        }
        Action::ChooseByKey => {
            let typed = is_typed_char(key)?;
            if let Err(e) = choose_by_key(open, focus?, typed) {
                model.error(e.to_string());
            }
        }
        Action::Toggle => open.walk.toggle(focus?),
        Action::Tick => open.walk.set_on(focus?, true),
        Action::Untick => open.walk.set_on(focus?, false),
        Action::TickHint => model.info(t::TOGGLE_HINT),
        Action::Press => {
            let place = focus?;
            // A link opens its tool in the same forløb; this session is saved first.
            if let Some(tool) = open.walk.link(place) {
                return Some(Command::FollowLink(tool.to_string()));
            }
            open.walk.press(place);
        }
        Action::Clear => open.walk.clear(focus?),
        _ => {}
    }
    None
}

/// Moves on; moving past the last step opens the review.
fn advance(model: &mut Model, go: impl FnOnce(&mut OpenSession) -> Moved) {
    if let Some(open) = model.open_session()
        && go(open) == Moved::PastEnd
    {
        model.overlays.push(Overlay::Review {
            selected: 0,
            scroll: 0,
        });
    }
}

/// Picks an option by a typed key: its number (1, 2, …) or the first letter of its label,
/// where only one label starts with it.
fn choose_by_key(open: &mut OpenSession, place: Place, typed: char) -> Result<(), InputError> {
    let labels = open
        .walk
        .field(place.field)
        .map(present::option_labels)
        .unwrap_or_default();
    let index = pick_option(&typed.to_string(), &labels)?;
    open.walk.choose(place, Some(index));
    Ok(())
}
