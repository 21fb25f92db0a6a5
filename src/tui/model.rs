//! The state of the screen: which screen is up, the overlays on it, what is selected, the
//! open session and the text being edited. Changed only by `update`; drawn only by `view`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, SubsecRound};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::core::catalog::Catalog;
use crate::core::definition::Audience;
use crate::core::followup::Due;
use crate::core::place::Place;
use crate::core::retention::Offer;
use crate::core::session::Session;
use crate::core::walk::Walk;
use crate::export::{self, Format, Recipient};
use crate::present;
use crate::store::background::Listing;
use crate::store::sessions::Summary;

use super::lists::{self, ForloebList, SessionList};

pub struct Model {
    pub catalog: Catalog,
    pub screen: Screen,
    /// Overlays on the screen, the top one last; the top one gets the keys.
    pub overlays: Vec<Overlay>,
    /// Index into the selectable rows of the start screen.
    pub start_selected: usize,
    pub sessions: SessionList,
    pub note: Option<Note>,
    pub quit: bool,
    pub today: NaiveDate,
    /// Where exports go unless the user types another path.
    pub exports_dir: PathBuf,
    /// Every forløb, with the sessions of each.
    pub forloeb: ForloebList,
    /// Follow-ups overdue or due within a week, for the start screen.
    pub due: Vec<Due>,
    /// Choosing a tool for a forløb (and maybe answers to carry) on the start screen.
    pub pick: Option<Pick>,
    /// The time stamps of completions and reopenings (a fixed clock in tests).
    pub clock: fn() -> DateTime<FixedOffset>,
    /// The screen is locked: nothing about people is drawn, only this.
    pub lock: Option<LockScreen>,
    /// The data folder is encrypted: unlocking needs its passphrase, and exports leave it.
    pub encrypted: bool,
}

/// The locked screen (also the first screen of an encrypted folder): a passphrase to type,
/// shown as dots. With a plain folder it is only a privacy screen, and Enter opens it.
pub struct LockScreen {
    pub passphrase: TextArea<'static>,
    /// Why it is shown: the folder is opened, or the screen was locked.
    pub at_start: bool,
    /// The last try was wrong.
    pub wrong: bool,
    /// The passphrase is being checked (about a second).
    pub busy: bool,
}

impl LockScreen {
    pub fn new(at_start: bool) -> LockScreen {
        let mut passphrase = one_line("");
        passphrase.set_mask_char('•');
        LockScreen {
            passphrase,
            at_start,
            wrong: false,
            busy: false,
        }
    }
}

/// What a confirmation is about; Enter does it, Esc leaves everything as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirming {
    DeleteSession(String),
    DeleteForloeb(String),
    /// Reopen the open, completed session.
    Reopen,
    /// The closed courses and old sessions offered for deletion on start.
    Purge(Offer),
    /// Export although text that reaches the employer mentions health.
    Export {
        format: Format,
        recipient: Recipient,
        path: PathBuf,
        overwrite: bool,
    },
}

/// A question before something that cannot be undone, naming what it touches.
pub struct Confirm {
    pub what: Confirming,
    pub title: String,
    /// Said before the list (may be empty).
    pub intro: String,
    /// What will go (or what is said), a line each.
    pub lines: Vec<String>,
    pub scroll: u16,
}

/// The time stamps of session files: local time with its offset, to the second.
pub fn local_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset().trunc_subsecs(0)
}

/// What lies over the screen. One at a time gets the keys: the last.
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// Every answer of the open session, with what is missing.
    Review {
        selected: usize,
        scroll: u16,
    },
    /// The open session's label.
    Label(TextArea<'static>),
    Export(Box<ExportDialog>),
    /// Entries to pick from another tool's lists.
    Picker(Picker),
    /// The label of a new forløb.
    NewForloeb(TextArea<'static>),
    /// An MSB-log entry for the open forløb.
    Log(Box<LogDialog>),
    Confirm(Box<Confirm>),
}

/// The top-level screens, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Tools,
    Forloeb,
    Sessions,
    Reading,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Tools, Tab::Forloeb, Tab::Sessions, Tab::Reading];

    pub fn next(self, forward: bool) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let n = Tab::ALL.len();
        Tab::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
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
#[derive(Debug, Default)]
pub struct ForloebView {
    pub selected: usize,
    /// The forløb shown in detail, by id.
    pub open: Option<String>,
    /// The selected session of the open forløb.
    pub row: usize,
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
                one_line(&present::date(today)),
                one_line(""),
                one_line(""),
                one_line(""),
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
    /// The folder is encrypted: the document leaves it, plain (the dialog says so).
    pub leaves_store: bool,
}

pub const FORMATS: [Format; 3] = [Format::Html, Format::Markdown, Format::Text];
pub const RECIPIENTS: [Recipient; 3] =
    [Recipient::Employee, Recipient::Employer, Recipient::Record];
/// The export dialog's line with the file name.
pub const EXPORT_FILE_ROW: usize = 2;

impl ExportDialog {
    pub fn new(session: &Session, exports_dir: &Path) -> ExportDialog {
        let mut dialog = ExportDialog {
            format: Format::Html,
            recipient: Recipient::Employee,
            row: 0,
            path: one_line(""),
            path_edited: false,
            confirm_overwrite: false,
            leaves_store: false,
        };
        dialog.follow(session, exports_dir);
        dialog
    }

    /// Sets the default path for the chosen format and recipient, unless edited.
    pub fn follow(&mut self, session: &Session, exports_dir: &Path) {
        if !self.path_edited {
            let path = exports_dir.join(export::file_name(session, self.recipient, self.format));
            self.path = one_line(&path.display().to_string());
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

impl Screen {
    /// The tab a top-level screen is, if it is one.
    pub fn tab(&self) -> Option<Tab> {
        match self {
            Screen::Start => Some(Tab::Tools),
            Screen::Forloeb(_) => Some(Tab::Forloeb),
            Screen::Sessions => Some(Tab::Sessions),
            Screen::Reading(_) => Some(Tab::Reading),
            Screen::Session(_) => None,
        }
    }
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

/// A session being answered.
pub struct OpenSession {
    pub walk: Walk,
    /// Why the session may only be read, if so: it is shown and never saved.
    pub read_only: Option<String>,
    /// The editor over the focused place, when it takes text.
    pub editor: Option<Editor>,
    pub saved_revision: u64,
    pub saved_at: Option<String>,
    pub save_error: Option<String>,
    /// First line of the step body shown; kept between frames so the view does not jump.
    pub scroll: u16,
}

/// The text editor over the focused place.
pub struct Editor {
    /// The place it edits; it is kept only while this is the focus and it shows exactly
    /// what the place holds (see [`OpenSession::sync_editor`]).
    pub place: Place,
    /// The walk's shape when it was made (see `Walk::shape`).
    pub shape: u64,
    pub area: TextArea<'static>,
    pub multiline: bool,
    /// Show the place's input error while typing: only when it had one on arrival, so a
    /// half-typed date is not called wrong.
    pub show_error: bool,
}

impl Editor {
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }
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
            overlays: Vec::new(),
            start_selected: 0,
            sessions: SessionList::default(),
            note: None,
            quit: false,
            today,
            exports_dir: PathBuf::new(),
            forloeb: ForloebList::default(),
            due: Vec::new(),
            pick: None,
            clock: local_now,
            lock: None,
            encrypted: false,
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    /// The open session, when a session screen is up.
    pub fn open_session(&mut self) -> Option<&mut OpenSession> {
        match &mut self.screen {
            Screen::Session(open) => Some(open),
            _ => None,
        }
    }

    /// Shows another screen; overlays belong to the screen they were opened on.
    pub fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.overlays.clear();
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
        self.forloeb.sessions(id, &self.sessions.items)
    }

    pub fn forloeb_label(&self, id: &str) -> Option<&str> {
        self.forloeb.label(id)
    }

    /// Takes in a fresh reading of the folder, keeping the search and what was selected.
    pub fn set_listing(&mut self, listing: Listing) {
        let (mut sessions, forloeb, due) = lists::build(listing, &self.catalog, self.today);
        let old = std::mem::take(&mut self.sessions);
        sessions.filter = old.filter;
        sessions.selected = old.selected;
        sessions.offset = old.offset;
        sessions.refilter(&self.catalog);
        self.sessions = sessions;
        let offset = self.forloeb.offset;
        self.forloeb = forloeb;
        self.forloeb.offset = offset;
        self.due = due;
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
    pub fn new(walk: Walk, read_only: Option<String>) -> OpenSession {
        let saved_revision = walk.revision();
        let mut open = OpenSession {
            walk,
            read_only,
            editor: None,
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

    /// Why nothing can be changed now, if so: read-only (a newer program's file), or
    /// completed and sealed until it is reopened.
    pub fn unchangeable(&self) -> Option<String> {
        match &self.read_only {
            Some(reason) => Some(crate::texts::ui::read_only(reason)),
            None => self
                .walk
                .is_sealed()
                .then(|| crate::texts::ui::SEALED.to_string()),
        }
    }

    /// Keeps an editor on the focused place when it takes text. The editor there is kept
    /// only while it is at the focus, no row has come or gone, and it shows exactly what the
    /// place holds; after a step change, a removed row, a picked entry or anything else it
    /// is made again from the place's own answer.
    pub fn sync_editor(&mut self) {
        let Some(place) = self.walk.focus() else {
            self.editor = None;
            return;
        };
        let answers = self.walk.answers();
        let shape = self.walk.shape();
        if self.editor.as_ref().is_some_and(|e| {
            e.place == place && e.shape == shape && answers.shows(place, &e.text())
        }) {
            return;
        }
        let input = self.walk.input(place);
        if !input.takes_text() {
            self.editor = None;
            return;
        }
        let multiline = matches!(input, crate::core::layout::Input::Text { multiline: true });
        let text = present::editable(answers.value(place));
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        self.editor = Some(Editor {
            place,
            shape,
            area,
            multiline,
            show_error: answers.error(place).is_some(),
        });
    }
}

/// A one-line text input (a label, a path, a search), holding `text`, cursor at the end.
pub fn one_line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(CursorMove::End);
    area
}
