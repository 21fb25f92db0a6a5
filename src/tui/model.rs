//! The state of the screen: which screen is up, what is selected, the open session and the
//! text being edited. Changed only by `update`; drawn only by `view`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, TextArea};

use crate::core::catalog::Catalog;
use crate::core::definition::Audience;
use crate::core::followup::Due;
use crate::core::forloeb::Forloeb;
use crate::core::session::Session;
use crate::core::walk::{Slot, SlotKind, Walk};
use crate::export::{self, Format, Recipient};
use crate::store::sessions::{Listed, SessionLock, Summary};

pub struct Model {
    pub catalog: Catalog,
    pub screen: Screen,
    /// Index into the selectable rows of the start screen.
    pub start_selected: usize,
    pub sessions: SessionList,
    /// The help overlay, with its scroll offset, when shown.
    pub help: Option<u16>,
    pub note: Option<Note>,
    pub quit: bool,
    pub today: NaiveDate,
    /// Where exports go unless the user types another path.
    pub exports_dir: PathBuf,
    /// Every forløb, newest first.
    pub forloeb: Vec<Forloeb>,
    /// Forløb files that cannot be read, with the reason.
    pub forloeb_damaged: Vec<(PathBuf, String)>,
    /// Follow-ups overdue or due within a week, for the start screen.
    pub due: Vec<Due>,
    /// Choosing a tool for a forløb (and maybe answers to carry) on the start screen.
    pub pick: Option<Pick>,
}

/// The start screen picks a tool for a forløb instead of starting one on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub forloeb: String,
    /// Carry the answers of this session into the new one.
    pub carry_from: Option<String>,
    /// Only these tools may be picked (the matching versions when carrying).
    pub only: Option<Vec<String>>,
}

/// The forløb screen: the list, or one forløb with its sessions and MSB-log.
#[derive(Default)]
pub struct ForloebView {
    pub selected: usize,
    /// The forløb shown in detail, by id.
    pub open: Option<String>,
    /// The selected session of the open forløb.
    pub row: usize,
    /// Typing the label of a new forløb.
    pub new_label: Option<Box<TextArea<'static>>>,
    /// Writing an MSB-log entry.
    pub log: Option<Box<LogDialog>>,
}

/// The four parts of an MSB-log entry, typed one per line.
pub struct LogDialog {
    /// 0: date, 1: who, 2: with whom, 3: what was agreed.
    pub row: usize,
    pub fields: [TextArea<'static>; 4],
}

impl LogDialog {
    pub fn new(today: NaiveDate) -> LogDialog {
        LogDialog {
            row: 1,
            fields: [
                prompt(&crate::core::input::format_date(today)),
                prompt(""),
                prompt(""),
                prompt(""),
            ],
        }
    }

    pub fn text(&self, row: usize) -> String {
        self.fields[row].lines().join(" ").trim().to_string()
    }
}

/// Entries from other sessions to put into a list: (workplace, entry).
pub struct Picker {
    pub items: Vec<(String, String)>,
    pub selected: usize,
}

/// Choosing format, recipient and file for an export of the open session.
pub struct ExportDialog {
    pub format: Format,
    pub recipient: Recipient,
    /// 0: format, 1: recipient, 2: file.
    pub row: usize,
    pub path: TextArea<'static>,
    /// The path follows format and recipient until the user edits it.
    pub path_edited: bool,
    /// The file exists; Enter again overwrites it.
    pub confirm_overwrite: bool,
}

pub const FORMATS: [Format; 3] = [Format::Html, Format::Markdown, Format::Text];
pub const RECIPIENTS: [Recipient; 3] =
    [Recipient::Employee, Recipient::Employer, Recipient::Record];

impl ExportDialog {
    pub fn new(session: &Session, exports_dir: &Path) -> ExportDialog {
        let mut dialog = ExportDialog {
            format: Format::Html,
            recipient: Recipient::Employee,
            row: 0,
            path: prompt(""),
            path_edited: false,
            confirm_overwrite: false,
        };
        dialog.follow(session, exports_dir);
        dialog
    }

    /// Sets the default path for the chosen format and recipient, unless edited.
    pub fn follow(&mut self, session: &Session, exports_dir: &Path) {
        if !self.path_edited {
            let path = exports_dir.join(export::file_name(session, self.recipient, self.format));
            self.path = prompt(&path.display().to_string());
        }
        self.confirm_overwrite = false;
    }

    pub fn path(&self) -> PathBuf {
        PathBuf::from(self.path.lines().join(""))
    }
}

pub enum Screen {
    Start,
    Forloeb(ForloebView),
    Sessions,
    Reading(Reading),
    Session(Box<OpenSession>),
}

/// The reading screen: the list of texts, or one text open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    pub selected: usize,
    pub open: bool,
    pub scroll: u16,
}

/// A message under the screen: information, or a problem the user should see.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub text: String,
    pub is_error: bool,
}

#[derive(Default)]
pub struct SessionList {
    pub items: Vec<Listed>,
    pub filter: String,
    pub selected: usize,
}

/// A session being answered. Holding the lock keeps other instances from writing it.
pub struct OpenSession {
    pub walk: Walk,
    pub lock: SessionLock,
    pub editor: Option<Editor>,
    /// The review screen with its selected line, when shown.
    pub review: Option<usize>,
    /// The label prompt, when shown.
    pub label: Option<TextArea<'static>>,
    /// The export dialog, when shown.
    pub export: Option<ExportDialog>,
    /// Entries to pick from another tool's lists, when shown.
    pub picker: Option<Picker>,
    pub saved_revision: u64,
    pub saved_at: Option<String>,
    pub save_error: Option<String>,
    /// First line of the step body shown; kept between frames so the view does not jump.
    pub scroll: u16,
}

/// The text editor over the focused text slot.
pub struct Editor {
    pub slot: Slot,
    pub area: TextArea<'static>,
    pub multiline: bool,
    /// Show the slot's input error while typing: only when it had one on arrival, so a
    /// half-typed date is not called wrong.
    pub show_error: bool,
}

/// A line of the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartRow {
    Heading(Audience),
    /// Index into the catalog's entries.
    Tool(usize),
}

impl Model {
    /// The start screen. The sessions list is read when its screen is first shown.
    pub fn new(catalog: Catalog, today: NaiveDate) -> Model {
        Model {
            catalog,
            screen: Screen::Start,
            start_selected: 0,
            sessions: SessionList::default(),
            help: None,
            note: None,
            quit: false,
            today,
            exports_dir: PathBuf::new(),
            forloeb: Vec::new(),
            forloeb_damaged: Vec::new(),
            due: Vec::new(),
            pick: None,
        }
    }

    /// The start screen: tools grouped by who they are for, in the report's order.
    pub fn start_rows(&self) -> Vec<StartRow> {
        let allowed = |i: usize| {
            let only = self.pick.as_ref().and_then(|p| p.only.as_ref());
            only.is_none_or(|ids| ids.contains(&self.catalog.entries[i].tool.id))
        };
        let mut rows = Vec::new();
        for audience in Audience::ALL {
            let tools: Vec<usize> = (0..self.catalog.entries.len())
                .filter(|&i| {
                    self.catalog.entries[i].tool.audience.contains(&audience) && allowed(i)
                })
                .collect();
            if !tools.is_empty() {
                rows.push(StartRow::Heading(audience));
                rows.extend(tools.into_iter().map(StartRow::Tool));
            }
        }
        rows
    }

    /// The sessions of a forløb, oldest first.
    pub fn forloeb_sessions(&self, id: &str) -> Vec<&Summary> {
        let mut sessions: Vec<&Summary> = self
            .sessions
            .items
            .iter()
            .filter_map(|l| match l {
                Listed::Session(s) if s.forloeb == id => Some(s),
                _ => None,
            })
            .collect();
        sessions.sort_by_key(|s| s.created);
        sessions
    }

    pub fn forloeb_label(&self, id: &str) -> Option<&str> {
        self.forloeb
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.label.as_str())
    }

    /// The selectable (tool) rows of the start screen, as catalog indexes.
    pub fn start_tools(&self) -> Vec<usize> {
        self.start_rows()
            .into_iter()
            .filter_map(|r| match r {
                StartRow::Tool(i) => Some(i),
                StartRow::Heading(_) => None,
            })
            .collect()
    }

    /// The sessions that match the filter, newest first.
    pub fn filtered_sessions(&self) -> Vec<&Listed> {
        let words: Vec<String> = self
            .sessions
            .filter
            .to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.sessions
            .items
            .iter()
            .filter(|item| {
                let haystack = self.search_text(item);
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .collect()
    }

    /// What the sessions filter searches in: tool number and title, label, status, dates.
    fn search_text(&self, item: &Listed) -> String {
        match item {
            Listed::Session(s) => {
                let tool = self
                    .catalog
                    .get(&s.tool)
                    .map(|e| format!("{} {}", e.tool.number, e.tool.title))
                    .unwrap_or_default();
                let status = crate::texts::status(s.status);
                let forloeb = self.forloeb_label(&s.forloeb).unwrap_or_default();
                format!(
                    "{} {tool} {} {forloeb} {status} {}",
                    s.tool,
                    s.label,
                    s.updated.format("%d-%m-%Y")
                )
                .to_lowercase()
            }
            Listed::Damaged { file, reason } => {
                format!("{} {reason} {}", file.display(), crate::texts::ui::DAMAGED).to_lowercase()
            }
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.note = Some(Note {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.note = Some(Note {
            text: text.into(),
            is_error: true,
        });
    }
}

impl OpenSession {
    pub fn new(walk: Walk, lock: SessionLock) -> OpenSession {
        let saved_revision = walk.revision();
        let mut open = OpenSession {
            walk,
            lock,
            editor: None,
            review: None,
            label: None,
            export: None,
            picker: None,
            saved_revision,
            saved_at: None,
            save_error: None,
            scroll: 0,
        };
        open.sync_editor();
        open
    }

    pub fn is_unsaved(&self) -> bool {
        self.walk.revision() != self.saved_revision
    }

    /// Puts an editor on the focused slot when it takes text, loaded with its current text.
    pub fn sync_editor(&mut self) {
        let Some(slot) = self.walk.focus() else {
            self.editor = None;
            return;
        };
        if self.editor.as_ref().is_some_and(|e| e.slot == slot) {
            return;
        }
        let multiline = match self.walk.slot_kind(slot) {
            SlotKind::Text { multiline } => multiline,
            SlotKind::Date | SlotKind::Number { .. } | SlotKind::Week => false,
            SlotKind::Options(_) | SlotKind::Toggle | SlotKind::Button => {
                self.editor = None;
                return;
            }
        };
        let text = self.walk.text(slot);
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        self.editor = Some(Editor {
            slot,
            area,
            multiline,
            show_error: self.walk.error(slot).is_some(),
        });
    }
}

/// A single-line text prompt (the label), loaded with `text`.
pub fn prompt(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(CursorMove::End);
    area
}
