//! The state of the screen: which screen is up, the overlays on it, what is selected, the
//! open session and the text being edited. Changed only by `update`; drawn only by `view`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, SubsecRound};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::core::catalog::Catalog;
use crate::core::definition::{About, Audience, Tool};
use crate::core::followup::Due;
use crate::core::input::{InputError, parse_date};
use crate::core::place::Place;
use crate::core::portal::Portal;
use crate::core::retention::Offer;
use crate::core::session::Session;
use crate::core::walk::Walk;
use crate::export::{self, Format, Output, Recipient};
use crate::present;
use crate::store::background::Listing;
use crate::store::sessions::{Listed, Summary};
use crate::store::share::Locked;
use crate::wrap::Rewrap;

use super::lists::{self, ForloebList, SessionList};
use super::view::Palette;

mod reading;
pub use reading::{
    Line, ListHeading, Page, PageKind, Piece, Reading, Target, choices, lines, links, pieces,
    reflection_sessions,
};

pub struct Model {
    pub catalog: Catalog,
    /// The portal's data: cases, entries by reader, the body, the quiz.
    pub portal: Portal,
    pub screen: Screen,
    /// Where the open session was opened from, to come back to when it closes: the last
    /// first (a link followed from a session opened from *Viden*: that session, then Viden).
    pub behind: Vec<Behind>,
    /// Overlays on the screen, the top one last; the top one gets the keys.
    pub overlays: Vec<Overlay>,
    /// Index into the selectable rows of the start screen.
    pub start_selected: usize,
    /// The digits typed on the start screen so far: 1 then 3 goes to Redskab 13.
    pub start_digits: String,
    /// The tool last picked for a forløb (by id), offered first when nothing is suggested.
    pub last_pick: Option<String>,
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
    /// The screen's colours: the theme chosen, and whether colours are shown at all.
    pub palette: Palette,
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
    /// Nothing to decide: something to read (what moved when the tool changed). Enter or
    /// Esc closes it.
    Notice,
    /// A session was shared: where its file is, how it is locked, what the recipient does.
    /// Enter or Esc closes it.
    Shared,
    /// Export although text that reaches the employer mentions health.
    Export {
        format: Output,
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

/// A place a session was opened from.
pub enum Behind {
    /// *Viden*'s pages.
    Reading(Reading),
    /// The session whose link was followed, by id: it reopens where the link is.
    Session(String),
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
    /// The label of a new forløb, and what happens in it once it is made.
    NewForloeb(Box<NewForloebDialog>),
    /// Choosing the forløb a session moves into.
    MoveTo(Box<MoveDialog>),
    /// An MSB-log entry for the open forløb.
    Log(Box<LogDialog>),
    /// A question before something that cannot be undone (deleting, reopening, an
    /// employer's copy that mentions health).
    Confirm(Box<Confirm>),
    /// The name of the workplace a new reflection session is about.
    Workplace(TextArea<'static>),
    /// A day's note for the patient record of the open forløb.
    Note(Box<NoteView>),
    /// A share file to import into the open forløb.
    Import(Box<ImportDialog>),
    /// Sharing a session with the other party.
    Share(Box<ShareDialog>),
}

/// What locks a share file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareLock {
    /// A passphrase, typed twice, that the sharer gives the recipient another way.
    Passphrase,
    /// The recipient's public key (`age1…`).
    Key,
}

/// A line of the share dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareRow {
    From,
    Lock,
    Passphrase,
    Again,
    Key,
    Private,
    File,
}

/// Sharing a session: who shares, what locks the file, whether the private answers go
/// too, and where the file is written. Enter goes on line by line; on the last it shares.
pub struct ShareDialog {
    /// The session shared, by id.
    pub session: String,
    /// The chosen line, an index into [`ShareDialog::rows`].
    pub row: usize,
    pub from: TextArea<'static>,
    pub lock: ShareLock,
    pub passphrase: TextArea<'static>,
    pub again: TextArea<'static>,
    pub key: TextArea<'static>,
    pub with_private: bool,
    /// The fields whose answers stay home unless the private ones go too, by name
    /// (private ones, and answers without a question).
    pub held_back: Vec<String>,
    pub path: TextArea<'static>,
    /// The file exists; Enter again overwrites it.
    pub confirm_overwrite: bool,
    /// The folder is encrypted: the file is written outside it (the dialog says so).
    pub leaves_store: bool,
    /// Encrypting and writing (a passphrase's scrypt takes about a second).
    pub busy: bool,
}

impl ShareDialog {
    /// The dialog for `session` of `tool`, its file offered in `dir` (where exports go).
    pub fn new(tool: &Tool, session: &Session, dir: &Path, encrypted: bool) -> ShareDialog {
        let held_back = crate::core::share::held_back(tool, session);
        let mut passphrase = one_line("");
        passphrase.set_mask_char('•');
        let mut again = one_line("");
        again.set_mask_char('•');
        let path = dir.join(crate::store::share::file_name(session));
        ShareDialog {
            session: session.id.clone(),
            row: 0,
            from: one_line(""),
            lock: ShareLock::Passphrase,
            passphrase,
            again,
            key: one_line(""),
            with_private: false,
            held_back: crate::texts::share::field_names(tool, &held_back),
            path: one_line(&path.display().to_string()),
            confirm_overwrite: false,
            leaves_store: encrypted,
            busy: false,
        }
    }

    /// The lines shown: the passphrase twice or the key, as the lock says; the private
    /// answers' line only when there are any.
    pub fn rows(&self) -> Vec<ShareRow> {
        let mut rows = vec![ShareRow::From, ShareRow::Lock];
        match self.lock {
            ShareLock::Passphrase => rows.extend([ShareRow::Passphrase, ShareRow::Again]),
            ShareLock::Key => rows.push(ShareRow::Key),
        }
        if !self.held_back.is_empty() {
            rows.push(ShareRow::Private);
        }
        rows.push(ShareRow::File);
        rows
    }

    /// The chosen line.
    pub fn current(&self) -> ShareRow {
        let rows = self.rows();
        rows.get(self.row)
            .or(rows.last())
            .copied()
            .unwrap_or(ShareRow::File)
    }

    /// The text typed on a line, if it takes text.
    pub fn input(&mut self, row: ShareRow) -> Option<&mut TextArea<'static>> {
        match row {
            ShareRow::From => Some(&mut self.from),
            ShareRow::Passphrase => Some(&mut self.passphrase),
            ShareRow::Again => Some(&mut self.again),
            ShareRow::Key => Some(&mut self.key),
            ShareRow::File => Some(&mut self.path),
            ShareRow::Lock | ShareRow::Private => None,
        }
    }

    pub fn text(&self, row: ShareRow) -> String {
        let area = match row {
            ShareRow::From => &self.from,
            ShareRow::Passphrase => &self.passphrase,
            ShareRow::Again => &self.again,
            ShareRow::Key => &self.key,
            ShareRow::File => &self.path,
            ShareRow::Lock | ShareRow::Private => return String::new(),
        };
        area.lines().join("")
    }

    pub fn path(&self) -> PathBuf {
        typed_path(&self.text(ShareRow::File))
    }
}

/// Importing a share file into a forløb: the file first; once it is read, what opens it (a
/// passphrase, shown as dots, or the path of a key file).
pub struct ImportDialog {
    /// The forløb it goes into, by id.
    pub forloeb: String,
    /// 0: the file, 1: what opens it.
    pub row: usize,
    pub path: TextArea<'static>,
    pub secret: TextArea<'static>,
    /// What the file asks for, once its header is read.
    pub locked: Option<Locked>,
    /// Opening it (a passphrase's scrypt takes about a second).
    pub busy: bool,
}

/// The dialog's line with what opens the file.
pub const IMPORT_SECRET_ROW: usize = 1;

/// A file's path as typed or pasted: the spaces and quotes a file manager puts around a
/// dragged file are not part of it, and `~/` is the home folder.
pub fn typed_path(typed: &str) -> PathBuf {
    let typed = typed.trim();
    let typed = ['\'', '"']
        .iter()
        .find_map(|q| typed.strip_prefix(*q)?.strip_suffix(*q))
        .unwrap_or(typed);
    match (typed.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(home)) => home.home_dir().join(rest),
        _ => PathBuf::from(typed),
    }
}

impl ImportDialog {
    pub fn new(forloeb: String) -> ImportDialog {
        ImportDialog {
            forloeb,
            row: 0,
            path: one_line(""),
            secret: one_line(""),
            locked: None,
            busy: false,
        }
    }

    pub fn path(&self) -> PathBuf {
        typed_path(&self.path.lines().join(""))
    }

    /// The file is read: what opens it is asked for next.
    pub fn read(&mut self, locked: Locked) {
        self.locked = Some(locked);
        self.row = IMPORT_SECRET_ROW;
        self.secret = one_line("");
        if locked == Locked::Passphrase {
            self.secret.set_mask_char('•');
        }
    }
}

/// A forløb's note for the patient record of one day, to read, copy and save.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteView {
    /// The forløb, by id.
    pub forloeb: String,
    pub day: NaiveDate,
    /// The days the forløb's sessions were made or changed, in order (←/→ go between them).
    pub days: Vec<NaiveDate>,
    pub note: export::note::Note,
    /// The first line shown.
    pub scroll: u16,
    /// The file exists; saving again overwrites it.
    pub confirm_overwrite: bool,
}

/// Asks for a new forløb's label.
pub struct NewForloebDialog {
    pub label: TextArea<'static>,
    /// Said above the input.
    pub advice: String,
    pub then: InForloeb,
}

impl NewForloebDialog {
    pub fn new(label: &str, advice: impl Into<String>, then: InForloeb) -> NewForloebDialog {
        NewForloebDialog {
            label: one_line(label),
            advice: advice.into(),
            then,
        }
    }
}

/// What happens in a forløb once it is made.
#[derive(Debug, Clone, PartialEq)]
pub enum InForloeb {
    /// It is shown.
    Show,
    /// A tool (by id) starts in it.
    Start(String),
    /// A session moves into it.
    Move(Moving),
}

/// The session that moves into a forløb.
#[derive(Debug, Clone, PartialEq)]
pub enum Moving {
    /// The open one.
    Open,
    /// One in the sessions list, by id.
    Listed(String),
}

/// Choosing the forløb a session moves into: typing narrows the forløb by label; the first
/// line makes a new one with the typed label.
pub struct MoveDialog {
    pub moving: Moving,
    /// The forløb the session is in now, by id (none: ""): not among those offered.
    pub current: String,
    pub filter: TextArea<'static>,
    /// The forløb whose labels hold every typed word, as indexes into `Model::forloeb.all`.
    pub shown: Vec<usize>,
    /// 0: a new forløb; `i + 1`: `shown[i]`.
    pub selected: usize,
    /// The first line drawn, kept so the list does not jump.
    pub offset: usize,
}

impl MoveDialog {
    /// The dialog for a session now in the forløb `current` (none: ""), which is not offered.
    pub fn new(moving: Moving, current: &str, forloeb: &ForloebList) -> MoveDialog {
        let mut dialog = MoveDialog {
            moving,
            current: current.to_string(),
            filter: one_line(""),
            shown: Vec::new(),
            selected: 0,
            offset: 0,
        };
        dialog.refilter(forloeb);
        // The newest forløb is the likeliest: it is chosen, not "new".
        dialog.selected = usize::from(!dialog.shown.is_empty());
        dialog
    }

    pub fn typed(&self) -> String {
        self.filter.lines().join(" ").trim().to_string()
    }

    pub fn refilter(&mut self, forloeb: &ForloebList) {
        let typed = self.typed().to_lowercase();
        let words: Vec<&str> = typed.split_whitespace().collect();
        self.shown = (0..forloeb.all.len())
            .filter(|&i| {
                let label = forloeb.all[i].label.to_lowercase();
                forloeb.all[i].id != self.current && words.iter().all(|w| label.contains(w))
            })
            .collect();
        self.selected = self.selected.min(self.shown.len());
    }
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
    /// Tools (ids) offered first, the likeliest next.
    pub suggested: Vec<String>,
}

/// The forløb screen: the list, or one forløb with its sessions and MSB-log.
#[derive(Debug, Default)]
pub struct ForloebView {
    /// The selected row of the list.
    pub selected: usize,
    /// The forløb shown in detail, by id.
    pub open: Option<String>,
    /// The selected session of the open forløb.
    pub row: usize,
    /// The search over the list, while one is typed (`/`).
    pub search: Option<Box<TextArea<'static>>>,
    /// The forløb the search found, as indexes into `ForloebList::all`; none: all of them.
    pub found: Option<Vec<usize>>,
}

impl ForloebView {
    /// How many forløb the list shows, of `all`.
    pub fn count(&self, all: usize) -> usize {
        self.found.as_ref().map_or(all, Vec::len)
    }

    /// The forløb (an index into `ForloebList::all`) on a row of the list.
    pub fn at(&self, row: usize) -> Option<usize> {
        match &self.found {
            Some(found) => found.get(row).copied(),
            None => Some(row),
        }
    }

    /// Finds the forløb the search's words name: by label, or by the number or name of a
    /// tool among their sessions.
    pub fn refilter(&mut self, forloeb: &ForloebList, catalog: &Catalog, items: &[Listed]) {
        let typed = self
            .search
            .as_ref()
            .map(|s| s.lines().join(" "))
            .unwrap_or_default();
        self.found = (!typed.trim().is_empty()).then(|| forloeb.search(&typed, catalog, items));
        self.selected = self
            .selected
            .min(self.count(forloeb.all.len()).saturating_sub(1));
    }
}

/// The four parts of an MSB-log entry, typed one per line.
pub struct LogDialog {
    /// 0: date, 1: who, 2: with whom, 3: what was agreed.
    pub row: usize,
    pub fields: [TextArea<'static>; 4],
    /// The day relative dates ("i går", "+14") are read from.
    pub today: NaiveDate,
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
            today,
        }
    }

    pub fn text(&self, row: usize) -> String {
        self.fields[row].lines().join(" ").trim().to_string()
    }

    /// The typed date, read as every date field reads it.
    pub fn date(&self) -> Result<NaiveDate, InputError> {
        parse_date(&self.text(0), self.today)
    }
}

/// Entries from other sessions to put into a list: (workplace, entry).
pub struct Picker {
    pub items: Vec<(String, String)>,
    pub selected: usize,
}

/// Choosing format, recipient and file for an export of the open session.
pub struct ExportDialog {
    pub format: Output,
    pub recipient: Recipient,
    /// Whom the tool's answers can go to.
    pub recipients: &'static [Recipient],
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

pub const FORMATS: [Output; 4] = Output::ALL;
/// The export dialog's line with the file name.
pub const EXPORT_FILE_ROW: usize = 2;

impl ExportDialog {
    pub fn new(session: &Session, about: About, exports_dir: &Path) -> ExportDialog {
        let recipients = Recipient::for_tool(about);
        let mut dialog = ExportDialog {
            format: Output::Document(Format::Html),
            recipient: recipients.first().copied().unwrap_or(Recipient::Employee),
            recipients,
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
    /// The step's texts as last wrapped, for the next frame.
    pub rewrap: Rewrap,
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
    /// The tools suggested for a forløb, above the others.
    Suggested,
    /// Index into the catalog's entries.
    Tool(usize),
}

impl Model {
    /// The start screen. The sessions list is read when its screen is first shown.
    pub fn new(catalog: Catalog, today: NaiveDate) -> Model {
        Model {
            catalog,
            // Built in and checked by the tests; the program refuses to start without it.
            portal: Portal::builtin().unwrap_or_default(),
            screen: Screen::Start,
            behind: Vec::new(),
            overlays: Vec::new(),
            start_selected: 0,
            start_digits: String::new(),
            last_pick: None,
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
            palette: Palette::STANDARD,
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

    /// The start screen: the redskaber grouped by who they are for, in the report's order.
    pub fn start_rows(&self) -> Vec<StartRow> {
        let allowed = |i: usize| {
            let tool = &self.catalog.entries[i].tool;
            let only = self.pick.as_ref().and_then(|p| p.only.as_ref());
            tool.number.is_some() && only.is_none_or(|ids| ids.contains(&tool.id))
        };
        let mut rows = Vec::new();
        let suggested: Vec<usize> = self
            .pick
            .iter()
            .flat_map(|p| &p.suggested)
            .filter_map(|id| self.catalog.entries.iter().position(|e| e.tool.id == *id))
            .filter(|&i| allowed(i))
            .collect();
        if !suggested.is_empty() {
            rows.push(StartRow::Suggested);
            rows.extend(suggested.into_iter().map(StartRow::Tool));
        }
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

    /// Picks a tool for a forløb on the start screen: the tools that usually follow the
    /// forløb's latest one and are not in it yet come first (else the tool picked last
    /// time), and the first of them is chosen.
    pub fn pick_tool(
        &mut self,
        forloeb: String,
        carry_from: Option<String>,
        only: Option<Vec<String>>,
    ) {
        let sessions = self.forloeb_sessions(&forloeb);
        let used: Vec<&str> = sessions.iter().map(|s| s.tool.as_str()).collect();
        let latest = sessions
            .iter()
            .max_by_key(|s| s.created)
            .map(|s| s.tool.as_str());
        let mut suggested: Vec<String> = latest
            .and_then(|tool| self.catalog.get(tool))
            .map(|e| e.tool.next.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|id| !used.contains(&id.as_str()))
            .collect();
        if suggested.is_empty() {
            suggested.extend(self.last_pick.clone());
        }
        self.pick = Some(Pick {
            forloeb,
            carry_from,
            only,
            suggested,
        });
        self.start_selected = 0;
        self.start_digits.clear();
        self.show(Screen::Start);
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
        if let Screen::Forloeb(view) = &mut self.screen
            && view.search.is_some()
        {
            view.refilter(&self.forloeb, &self.catalog, &self.sessions.items);
        }
        self.due = due;
    }

    /// The selectable (tool) rows of the start screen, as catalog indexes.
    pub fn start_tools(&self) -> Vec<usize> {
        self.start_rows()
            .into_iter()
            .filter_map(|r| match r {
                StartRow::Tool(i) => Some(i),
                StartRow::Heading(_) | StartRow::Suggested => None,
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
            rewrap: Rewrap::default(),
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
