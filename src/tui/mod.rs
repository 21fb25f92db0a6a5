//! The terminal front end, in The Elm Architecture: a [`model::Model`], messages handled by
//! [`update::update`], and [`view::draw`]. This file is the runtime around them: it owns the
//! terminal, carries out the [`update::Command`]s with the store, and has sessions saved and
//! the folder read in the background, so the screen never waits for the disk.

pub mod action;
mod clipboard;
pub mod display;
pub mod lists;
pub mod model;
pub mod update;
pub mod view;

use std::io::{self, IsTerminal, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use chrono::{Local, NaiveDate};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::core::carry::carry;
use crate::core::catalog::Catalog;
use crate::core::definition::Tool;
use crate::core::forloeb::{Forloeb, LogEntry};
use crate::core::session::{Answer, Session, Status};
use crate::core::walk::Walk;
use crate::export;
use crate::export::note::note;
use crate::present;
use crate::store::background::{Background, Done, Listing};
use crate::store::exports::{default_folder, write_document};
use crate::store::sessions::{Listed, Opened, Opening, Saved, Sealed, Store, StoreError};
use crate::store::settings::Settings;
use crate::store::share::{self, Locked, Seal, ShareError, Unseal};
use crate::texts;
use age::secrecy::SecretString;
use display::Display;
use model::{
    Behind, Confirm, Confirming, ForloebView, InForloeb, LockScreen, Model, Moving, NoteView,
    OpenSession, Overlay, Screen, ShareDialog, ShareLock,
};
use update::{Command, Deleting, Msg, ShareInput, update};

/// How long after a change the session is saved: quick enough that a crash loses at most
/// this much typing, slow enough not to write on every key of a fast typist.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// Wait before trying again after a failed save.
const RETRY_DELAY: Duration = Duration::from_secs(2);

use model::local_now as now;

/// Why the screen could not run.
#[derive(Debug)]
pub enum RunError {
    /// Standard input or output is not a terminal.
    NoTerminal,
    Terminal(io::Error),
}

/// How often the screen looks for the store's results while it waits for some.
const BACKGROUND_CHECK: Duration = Duration::from_millis(15);

/// What to open at start: a tool (by number, id or alias), in a forløb (by label or id).
#[derive(Debug, Clone, Copy, Default)]
pub struct Start<'a> {
    pub tool: Option<&'a str>,
    pub forloeb: Option<&'a str>,
}

/// The terminal as the screen draws on it.
type Terminal = Display<CrosstermBackend<Stdout>>;

/// Runs the screen until the user quits, opening what `start` asks for first. An encrypted
/// folder is opened on the screen, with its passphrase, before anything about anyone is
/// read or shown (`start` too names a forløb).
pub fn run(
    catalog: Catalog,
    opening: Opening,
    start: Start,
    settings: Settings,
) -> Result<(), RunError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(RunError::NoTerminal);
    }
    let today = Local::now().date_naive();
    let mut model = Model::new(catalog, today);
    model.palette = view::Palette::from_env(settings.theme);

    // ratatui::init puts the terminal in raw mode on the alternate screen and restores it on
    // panic too (bracketed paste is undone in ours); frames are drawn through a `Display`.
    drop(ratatui::init());
    let mut terminal = match Display::new(CrosstermBackend::new(io::stdout())) {
        Ok(terminal) => terminal,
        Err(e) => {
            ratatui::restore();
            return Err(RunError::Terminal(e));
        }
    };
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = match opening {
        Opening::Plain(store) => Ok(Some(store)),
        Opening::Encrypted(sealed) => unlock_at_start(&mut terminal, &mut model, &sealed),
    }
    .and_then(|store| match store {
        Some(store) => run_with(&mut terminal, model, store, start, settings),
        None => Ok(()),
    });
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result.map_err(RunError::Terminal)
}

/// The first screen of an encrypted folder: its passphrase, until it is right or the user
/// quits (`None`).
fn unlock_at_start(
    terminal: &mut Terminal,
    model: &mut Model,
    sealed: &Sealed,
) -> io::Result<Option<Store>> {
    model.encrypted = true;
    model.lock = Some(LockScreen::new(true));
    let mut tried: Option<String> = None;
    loop {
        terminal.draw(|frame| view::draw(frame, model))?;
        if model.quit {
            return Ok(None);
        }
        if let Some(passphrase) = tried.take() {
            match sealed.unlock(&passphrase) {
                Ok(store) => {
                    model.lock = None;
                    return Ok(Some(store));
                }
                Err(StoreError::WrongPassphrase) => wrong_passphrase(model),
                Err(e) => {
                    wrong_passphrase(model);
                    model.error(e.to_string());
                }
            }
            continue;
        }
        let msg = match event::read()? {
            Event::Key(key) => Msg::Key(key),
            Event::Paste(text) => Msg::Paste(text),
            _ => continue,
        };
        if let Some(Command::Unlock(passphrase)) = update(model, msg) {
            tried = Some(passphrase);
        }
    }
}

/// The locked screen after a wrong passphrase: said, and the field empty again.
fn wrong_passphrase(model: &mut Model) {
    if let Some(lock) = &mut model.lock {
        let at_start = lock.at_start;
        *lock = LockScreen::new(at_start);
        lock.wrong = true;
    }
}

/// The screen over an open store, until the user quits.
fn run_with(
    terminal: &mut Terminal,
    mut model: Model,
    store: Store,
    start: Start,
    settings: Settings,
) -> io::Result<()> {
    model.encrypted = store.is_encrypted();
    // An encrypted folder keeps no plain document: exports go where the program was
    // started unless the user types another place.
    model.exports_dir = if store.is_encrypted() {
        std::env::current_dir().unwrap_or_default()
    } else {
        default_folder(store.dir())
    };
    let (to_inbox, inbox) = channel();
    let background = Background::start(store.clone(), move |done| {
        let _ = to_inbox.send(done);
    });
    let mut app = App {
        model,
        store,
        background,
        inbox,
        listing: true,
        asked_revision: None,
        changed_at: None,
        quit_unsaved: false,
        settings,
        last_key: Instant::now(),
        tried: None,
        // Started on a tool or a forløb, the user is not interrupted with old ones.
        offered: start.tool.is_some() || start.forloeb.is_some(),
        importing: None,
        sharing: None,
    };
    // The lists are read in the background; the first screen does not wait for them.
    app.list();
    // What was asked for at start, now that the folder is open.
    app.begin(start);
    let result = app.event_loop(terminal);
    if result.is_err() {
        // The terminal failed: still put the answers on disk.
        app.settle();
    }
    result
}

struct App {
    model: Model,
    store: Store,
    background: Background,
    /// What the store's background work came to.
    inbox: Receiver<Done>,
    /// A listing of the folder is under way.
    listing: bool,
    /// The newest revision of the open session a save was asked for, if one is under way.
    asked_revision: Option<u64>,
    /// When the first unsaved change was made.
    changed_at: Option<Instant>,
    /// The user was told that quitting now loses unsaved answers.
    quit_unsaved: bool,
    settings: Settings,
    /// When a key was last pressed: the screen locks itself after a while without one.
    last_key: Instant,
    /// A passphrase typed on the locked screen, checked once the screen says so.
    tried: Option<String>,
    /// What retention offers for deletion has been asked about (once, at start).
    offered: bool,
    /// A share file to import (into a forløb, with what opens it), once the screen says so.
    importing: Option<(String, PathBuf, String)>,
    /// A session to share as the dialog says, once the screen says it is being written.
    sharing: Option<ShareInput>,
}

impl App {
    fn event_loop(&mut self, terminal: &mut Terminal) -> io::Result<()> {
        loop {
            terminal.draw(|frame| view::draw(frame, &mut self.model))?;
            if let Some(passphrase) = self.tried.take() {
                self.unlock(&passphrase);
                continue;
            }
            if let Some((forloeb, path, secret)) = self.importing.take() {
                self.import(&forloeb, &path, secret);
                continue;
            }
            if let Some(input) = self.sharing.take() {
                self.share(input);
                continue;
            }
            if self.model.quit {
                // Quitting saves first; if that fails, the answers stay on screen and a
                // second Ctrl-Q is needed to leave without them.
                if self.settle() || self.quit_unsaved {
                    return Ok(());
                }
                self.model.quit = false;
                self.quit_unsaved = true;
                self.model.error(texts::ui::QUIT_UNSAVED);
                continue;
            }
            // Keys are read here, on the screen's thread, so a key is drawn without a hop;
            // while the store works, its results are looked for often.
            let mut timeout = self.changed_at.map_or(Duration::from_secs(3600), |at| {
                SAVE_DELAY.saturating_sub(at.elapsed())
            });
            if self.listing || self.asked_revision.is_some() {
                timeout = timeout.min(BACKGROUND_CHECK);
            }
            let lock_at = self
                .settings
                .lock_after
                .filter(|_| self.model.lock.is_none());
            if let Some(after) = lock_at {
                timeout = timeout.min(after.saturating_sub(self.last_key.elapsed()));
            }
            if event::poll(timeout)? {
                // Everything that is waiting is handled before drawing again (fast typing).
                loop {
                    self.handle(event::read()?);
                    if self.model.quit || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
            }
            while let Ok(done) = self.inbox.try_recv() {
                self.stored(done);
            }
            self.save_when_due();
            if lock_at.is_some_and(|after| self.last_key.elapsed() >= after) {
                self.lock();
            }
        }
    }

    /// Saves, then locks the screen: nothing about anyone shows until it is unlocked, and
    /// then everything is as it was.
    fn lock(&mut self) {
        self.settle();
        self.model.lock = Some(LockScreen::new(false));
    }

    /// A passphrase typed on the locked screen (any Enter opens a plain folder's).
    fn unlock(&mut self, passphrase: &str) {
        if self.store.verify(passphrase) {
            self.model.lock = None;
            self.last_key = Instant::now();
        } else {
            wrong_passphrase(&mut self.model);
        }
    }

    fn handle(&mut self, event: Event) {
        let msg = match event {
            Event::Key(key) => Msg::Key(key),
            Event::Paste(text) => Msg::Paste(text),
            _ => return,
        };
        self.last_key = Instant::now();
        if let Some(command) = update(&mut self.model, msg) {
            self.execute(command);
        }
        if self.changed_at.is_none() && self.open_session().is_some_and(OpenSession::is_unsaved) {
            self.changed_at = Some(Instant::now());
        }
    }

    /// Has the folder read again in the background.
    fn list(&mut self) {
        self.listing = true;
        self.background.list();
    }

    fn open_session(&self) -> Option<&OpenSession> {
        match &self.model.screen {
            Screen::Session(open) => Some(open),
            _ => None,
        }
    }

    fn save_when_due(&mut self) {
        if self.changed_at.is_some_and(|at| at.elapsed() >= SAVE_DELAY) {
            self.save_now();
        }
    }

    /// Asks for the open session to be saved if it has changes no save was asked for.
    fn save_now(&mut self) {
        self.changed_at = None;
        let Screen::Session(open) = &mut self.model.screen else {
            return;
        };
        let revision = open.walk.revision();
        if open.read_only.is_some()
            || !open.is_unsaved()
            || self.asked_revision.is_some_and(|r| r >= revision)
        {
            return;
        }
        open.walk.touch(now());
        self.background.save(open.walk.session().clone(), revision);
        self.asked_revision = Some(revision);
    }

    /// What the store's background work came to.
    fn stored(&mut self, done: Done) {
        match done {
            Done::Saved {
                id,
                revision,
                result,
            } => {
                if self.asked_revision == Some(revision) {
                    self.asked_revision = None;
                }
                let Screen::Session(open) = &mut self.model.screen else {
                    return;
                };
                if open.walk.session().id != id {
                    return;
                }
                match result {
                    Ok(saved) => {
                        open.saved_revision = open.saved_revision.max(revision);
                        open.saved_at = Some(now().format(texts::words::TIME).to_string());
                        open.save_error = None;
                        if let Saved::KeptOutsideChange(copy) = saved {
                            self.model.error(texts::store::kept_aside(&copy));
                        }
                    }
                    Err(e) => {
                        open.save_error = Some(e.to_string());
                        self.changed_at = Some(Instant::now() + RETRY_DELAY - SAVE_DELAY);
                    }
                }
            }
            // Waited for where it matters (leaving a session).
            Done::Released => {}
            Done::Listed(listing) => {
                self.listing = false;
                if !self.offered {
                    self.offered = true;
                    self.offer_retention(&listing);
                }
                self.model.set_listing(listing);
            }
        }
    }

    /// Saves what is not saved yet and waits until every save asked for is done. Returns
    /// whether the open session (if any) is safely on disk.
    fn settle(&mut self) -> bool {
        self.save_now();
        while self.asked_revision.is_some() {
            match self.inbox.recv() {
                Ok(done) => self.stored(done),
                Err(_) => break,
            }
        }
        self.open_session()
            .is_none_or(|o| o.read_only.is_some() || (o.save_error.is_none() && !o.is_unsaved()))
    }

    /// Leaves the open session: saved, then its lock let go. Returns false, with the session
    /// still open, when it could not be saved.
    fn leave_session(&mut self) -> bool {
        if self.open_session().is_none() {
            return true;
        }
        if !self.settle() {
            return false;
        }
        // Waited for, so the session can be opened again at once, here or elsewhere.
        self.background.release();
        loop {
            match self.inbox.recv() {
                Ok(Done::Released) | Err(_) => return true,
                Ok(done) => self.stored(done),
            }
        }
    }

    fn execute(&mut self, command: Command) {
        match command {
            Command::New {
                tool,
                forloeb,
                carry_from,
                label,
            } => {
                // A link from an open session leaves it: its last changes are saved first.
                if self.leave_session() {
                    self.start(&tool, None, forloeb, carry_from, label);
                }
            }
            Command::NewForloeb { label, then } => {
                let forloeb = Forloeb::new(label, now());
                if let Err(e) = self.store.save_forloeb(&forloeb) {
                    return self.model.error(e.to_string());
                }
                self.list();
                // Known at once, before the listing comes back.
                self.model.forloeb.add(forloeb.clone());
                match then {
                    InForloeb::Show => self.model.show(Screen::Forloeb(ForloebView {
                        open: Some(forloeb.id),
                        ..ForloebView::default()
                    })),
                    InForloeb::Start(tool) => {
                        if self.leave_session() {
                            self.start(&tool, None, forloeb.id, None, String::new());
                        }
                    }
                    InForloeb::Move(moving) => self.move_session(moving, &forloeb.id),
                }
            }
            Command::Move { moving, forloeb } => self.move_session(moving, &forloeb),
            Command::AddLog { forloeb, entry } => {
                let saved = self.store.update_forloeb(&forloeb, |f| {
                    f.log.push(LogEntry {
                        date: entry.date,
                        who: entry.who,
                        with_whom: entry.with_whom,
                        agreed: entry.agreed,
                        written: now(),
                    })
                });
                match saved {
                    Ok(()) => self.list(),
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::Open(id) => {
                if !self.leave_session() {
                    return;
                }
                match self.store.open_session(&id) {
                    Ok(opened) => self.open(opened),
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::Close => {
                // The session stays open rather than drop answers that are not on disk.
                if !self.leave_session() {
                    return;
                }
                // Back to the session whose link opened it, or the Viden page it was opened
                // from, else to the forløb it belongs to, else to the sessions list.
                let forloeb = self
                    .open_session()
                    .map(|o| o.walk.session().forloeb.clone())
                    .unwrap_or_default();
                self.list();
                match self.model.behind.pop() {
                    // Deleted meanwhile (from the command line, or with its forløb): not
                    // brought back, and said.
                    Some(Behind::Session(id)) if !self.store.exists(&id) => {
                        self.model.error(texts::ui::BEHIND_DELETED);
                    }
                    Some(Behind::Session(id)) => match self.store.open_session(&id) {
                        Ok(opened) => return self.open(opened),
                        Err(e) => self.model.error(e.to_string()),
                    },
                    Some(Behind::Reading(reading)) => {
                        return self.model.show(Screen::Reading(reading));
                    }
                    None => {}
                }
                // A forløb deleted meanwhile is not shown: the sessions are.
                let known = !forloeb.is_empty()
                    && !matches!(
                        self.store.load_forloeb(&forloeb),
                        Err(StoreError::NotFound { .. })
                    );
                self.model.show(match known {
                    false => Screen::Sessions,
                    true => Screen::Forloeb(ForloebView {
                        open: Some(forloeb),
                        ..ForloebView::default()
                    }),
                });
            }
            Command::FollowLink(tool) => self.follow_link(&tool),
            Command::Export {
                format,
                recipient,
                path,
                overwrite,
            } => {
                let Some(open) = self.open_session() else {
                    return;
                };
                let walk = &open.walk;
                let text = export::export(
                    walk.tool(),
                    walk.session(),
                    recipient,
                    self.model.today,
                    format,
                );
                match write_document(&path, &text, overwrite) {
                    Ok(()) => {
                        if let Some(Overlay::Export(_)) = self.model.overlays.last() {
                            self.model.overlays.pop();
                        }
                        self.model.info(texts::ui::exported(&path));
                    }
                    Err(StoreError::Exists { .. }) => {
                        if let Some(Overlay::Export(dialog)) = self.model.overlays.last_mut() {
                            dialog.confirm_overwrite = true;
                        }
                        self.model.error(texts::ui::EXPORT_EXISTS);
                    }
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::Note { forloeb, day, days } => self.show_note(forloeb, day, days),
            // Straight to the terminal, between two frames; it draws nothing.
            Command::Copy(text) => {
                let mut out = io::stdout();
                let sent = out
                    .write_all(clipboard::osc52(&text).as_bytes())
                    .and_then(|()| out.flush());
                match sent {
                    Ok(()) => self.model.info(texts::ui::NOTE_COPIED),
                    Err(e) => self.model.error(texts::cli::terminal_failed(&e)),
                }
            }
            Command::SaveNote {
                path,
                text,
                overwrite,
            } => {
                let saved = write_document(&path, &text, overwrite);
                if let Some(Overlay::Note(note)) = self.model.overlays.last_mut() {
                    note.confirm_overwrite = matches!(saved, Err(StoreError::Exists { .. }));
                }
                match saved {
                    // From an encrypted folder the note leaves it, plain: said each time.
                    Ok(()) if self.model.encrypted => self.model.info(format!(
                        "{} {}",
                        texts::ui::note_saved(&path),
                        texts::cli::LEAVES_THE_STORE
                    )),
                    Ok(()) => self.model.info(texts::ui::note_saved(&path)),
                    Err(StoreError::Exists { .. }) => self.model.error(texts::ui::NOTE_EXISTS),
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::ListSessions => self.list(),
            Command::Lock => self.lock(),
            Command::Unlock(passphrase) => self.tried = Some(passphrase),
            Command::AskDelete(what) => self.ask_delete(what),
            Command::Delete(what) => {
                let result = match &what {
                    Deleting::Session(id) => self.store.delete_session(id),
                    Deleting::Forloeb(id) => self.store.delete_forloeb(id),
                };
                match result {
                    Ok(removed) => {
                        self.forget_behind(&removed.sessions);
                        self.model.info(texts::ui::deleted(removed.sessions.len()));
                        if let Screen::Forloeb(view) = &mut self.model.screen
                            && removed.forloeb.is_some()
                        {
                            view.open = None;
                            view.selected = 0;
                        }
                    }
                    Err(e) => self.model.error(e.to_string()),
                }
                self.list();
            }
            Command::Purge(offer) => {
                let mut count = 0;
                let results = offer
                    .forloeb
                    .iter()
                    .map(|id| self.store.delete_forloeb(id))
                    .chain(
                        offer
                            .sessions
                            .iter()
                            .map(|id| self.store.delete_session(id)),
                    );
                let mut failed = None;
                for result in results.collect::<Vec<_>>() {
                    match result {
                        Ok(removed) => {
                            self.forget_behind(&removed.sessions);
                            count += removed.sessions.len();
                        }
                        Err(e) => failed = Some(e.to_string()),
                    }
                }
                match failed {
                    Some(e) => self.model.error(e),
                    None => self.model.info(texts::ui::deleted(count)),
                }
                self.list();
            }
            Command::AskShare(id) => match self.session_to_share(&id) {
                Ok((tool, session)) => {
                    let (dir, encrypted) = (&self.model.exports_dir, self.model.encrypted);
                    let dialog = ShareDialog::new(&tool, &session, dir, encrypted);
                    self.model.overlays.push(Overlay::Share(Box::new(dialog)));
                }
                Err(e) => self.model.error(e),
            },
            // Written once the dialog says so (a passphrase takes about a second).
            Command::Share(input) => self.sharing = Some(input),
            Command::ReadShare(path) => match share::peek(&path) {
                Ok(locked) => {
                    if let Some(Overlay::Import(dialog)) = self.model.overlays.last_mut() {
                        dialog.read(locked);
                    }
                }
                Err(e) => self.model.error(e.to_string()),
            },
            // Opened once the dialog says so (a passphrase takes about a second).
            Command::Import {
                forloeb,
                path,
                secret,
            } => self.importing = Some((forloeb, path, secret)),
            Command::LoadPicks(tool) => {
                let items = self.picks(&tool);
                if items.is_empty() {
                    self.model.error(texts::ui::PICK_NONE);
                } else {
                    let picker = model::Picker { items, selected: 0 };
                    self.model.overlays.push(Overlay::Picker(picker));
                }
            }
        }
    }

    /// Imports a share file into a forløb: a new session, said with where it came from. A
    /// wrong passphrase or anything else that keeps it out is said in the dialog, which
    /// stays open.
    fn import(&mut self, forloeb: &str, path: &Path, secret: String) {
        let unseal = match share::peek(path) {
            Ok(Locked::Passphrase) => Ok(Unseal::Passphrase(SecretString::from(secret))),
            Ok(Locked::Key) => share::identity(&model::typed_path(&secret)).map(Unseal::Identity),
            Err(e) => Err(e),
        };
        let imported = unseal.and_then(|unseal| {
            let shared = share::read_share(path, &unseal)?;
            let tool = self.model.catalog.get(&shared.tool).map(|e| &e.tool);
            self.store.import(shared, tool, forloeb, now())
        });
        let Some(Overlay::Import(dialog)) = self.model.overlays.last_mut() else {
            return;
        };
        dialog.busy = false;
        match imported {
            Ok(session) => {
                self.model.overlays.pop();
                self.list();
                let tool = self.model.catalog.get(&session.tool).map_or_else(
                    || session.tool.clone(),
                    |e| texts::ui::tool_heading(e.tool.number, &e.tool.title),
                );
                let provenance = session
                    .imported
                    .as_ref()
                    .map(texts::share::provenance)
                    .unwrap_or_default();
                self.model.info(texts::ui::imported(&tool, &provenance));
            }
            Err(e) => {
                if matches!(e, ShareError::WrongPassphrase) {
                    dialog.secret = model::one_line("");
                    dialog.secret.set_mask_char('•');
                }
                self.model.error(e.to_string());
            }
        }
    }

    /// A session to share and its tool: the open one as it is on the screen, else as it is
    /// on disk, brought to its tool's version as the command line does.
    fn session_to_share(&self, id: &str) -> Result<(Tool, Session), String> {
        if let Some(open) = self.open_session().filter(|o| o.walk.session().id == id) {
            return Ok((open.walk.tool().clone(), open.walk.session().clone()));
        }
        let mut session = self.store.load(id).map_err(|e| e.to_string())?;
        self.model.catalog.migrate(&mut session);
        let entry = self.model.catalog.get(&session.tool);
        let tool = entry.ok_or_else(|| texts::ui::unknown_tool(&session.tool))?;
        Ok((tool.tool.clone(), session))
    }

    /// Shares a session as the dialog says: the file written, then a notice of where it
    /// is, how it is locked and what the recipient does. A file that exists is asked about
    /// in the dialog, which stays open, as is anything else that keeps it from being written.
    fn share(&mut self, input: ShareInput) {
        if let Some(Overlay::Share(dialog)) = self.model.overlays.last_mut() {
            dialog.busy = false;
        }
        let (tool, session) = match self.session_to_share(&input.session) {
            Ok(found) => found,
            Err(e) => return self.model.error(e),
        };
        let seal = match input.lock {
            ShareLock::Passphrase => Ok(Seal::Passphrase(SecretString::from(input.secret))),
            ShareLock::Key => share::recipient(&input.secret).map(Seal::Key),
        };
        let (path, overwrite) = (&input.path, input.overwrite);
        let written = seal.and_then(|seal| {
            let sharing = share::Sharing {
                from: input.from,
                seal,
                with_private: input.with_private,
            };
            share::share_session(&tool, &session, &sharing, path, overwrite, now())
        });
        let shared = match written {
            Ok(shared) => shared,
            // The file exists: Enter again overwrites it.
            Err(ShareError::Store(StoreError::Exists { .. })) => {
                if let Some(Overlay::Share(dialog)) = self.model.overlays.last_mut() {
                    dialog.confirm_overwrite = true;
                }
                return self.model.error(texts::ui::EXPORT_EXISTS);
            }
            Err(e) => return self.model.error(e.to_string()),
        };
        if let Some(Overlay::Share(_)) = self.model.overlays.last() {
            self.model.overlays.pop();
        }
        let names = |ids: &[String]| texts::share::field_names(&tool, ids);
        let file = input
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let locked = match input.lock {
            ShareLock::Passphrase => texts::ui::SHARED_BY_PASSPHRASE,
            ShareLock::Key => texts::ui::SHARED_TO_KEY,
        };
        let private = match (&shared.left_out[..], &shared.private_shared[..]) {
            ([], []) => texts::share::NO_PRIVATE.to_string(),
            ([], private) => texts::cli::with_private(&names(private)),
            (left_out, _) => texts::ui::shared_left_out(&names(left_out)),
        };
        let lines = vec![
            texts::ui::shared_file(&input.path),
            locked.to_string(),
            texts::ui::shared_receiver(&file),
            private,
        ];
        self.model.overlays.push(Overlay::Confirm(Box::new(Confirm {
            what: Confirming::Shared,
            title: texts::ui::SHARED_TITLE.to_string(),
            intro: String::new(),
            lines,
            scroll: 0,
        })));
    }

    /// Shows the note of a forløb's day over the forløb screen (in place of the note of
    /// another day), read from the sessions as they are on disk.
    fn show_note(&mut self, forloeb: String, day: NaiveDate, days: Vec<NaiveDate>) {
        let listed = self.model.forloeb_sessions(&forloeb);
        let (mut sessions, unread) = self.store.sessions_of_day(listed, &forloeb, day);
        for session in &mut sessions {
            self.model.catalog.migrate(session);
        }
        let label = self.model.forloeb_label(&forloeb).unwrap_or_default();
        match note(&self.model.catalog, label, day, &sessions) {
            Some(note) => {
                if let Some(Overlay::Note(_)) = self.model.overlays.last() {
                    self.model.overlays.pop();
                }
                let view = NoteView {
                    forloeb,
                    day,
                    days,
                    note,
                    scroll: 0,
                    confirm_overwrite: false,
                };
                self.model.overlays.push(Overlay::Note(Box::new(view)));
            }
            None => {
                let day = present::date_with_weekday(day);
                self.model.error(texts::ui::no_note_on(&day));
            }
        }
        // A session of the day that could not be read is not in the note: say so.
        if let Some(problem) = unread.first() {
            self.model.error(problem.to_string());
        }
    }

    /// Deleted sessions are no longer anywhere to come back to.
    fn forget_behind(&mut self, deleted: &[String]) {
        self.model
            .behind
            .retain(|b| !matches!(b, Behind::Session(id) if deleted.contains(id)));
    }

    /// The closed courses and old sessions, offered for deletion once, on the start screen.
    fn offer_retention(&mut self, listing: &Listing) {
        if !matches!(self.model.screen, Screen::Start) || !self.model.overlays.is_empty() {
            return;
        }
        let cutoff = self.settings.retention.before(now());
        let offer = listing.retention_offer(cutoff);
        if offer.is_empty() {
            return;
        }
        let lines = listing.describe(&offer);
        self.model.overlays.push(Overlay::Confirm(Box::new(Confirm {
            what: Confirming::Purge(offer),
            title: texts::ui::PURGE_TITLE.to_string(),
            intro: texts::ui::purge_intro(&texts::ui::period(self.settings.retention)),
            lines,
            scroll: 0,
        })));
    }

    /// Asks whether to delete a session or a forløb, naming everything that would go.
    fn ask_delete(&mut self, what: Deleting) {
        let mut lines = Vec::new();
        let sessions: Vec<String> = match &what {
            Deleting::Session(id) => vec![id.clone()],
            Deleting::Forloeb(id) => {
                let sessions = self.store.sessions_of(id);
                if let Some(f) = self.model.forloeb.all.iter().find(|f| &f.id == id) {
                    lines.push(texts::store::forloeb_goes(
                        &f.label,
                        sessions.len(),
                        f.log.len(),
                    ));
                }
                sessions
            }
        };
        for id in &sessions {
            let summary = self.model.sessions.items.iter().find_map(|l| match l {
                Listed::Session(s) if &s.id == id => Some(s),
                _ => None,
            });
            if let Some(s) = summary {
                lines.push(texts::store::session_goes(&s.id, &s.label, s.updated));
            }
            for export in self.store.exports_of(id) {
                lines.push(texts::ui::export_goes(&export));
            }
        }
        let what = match what {
            Deleting::Session(id) => Confirming::DeleteSession(id),
            Deleting::Forloeb(id) => Confirming::DeleteForloeb(id),
        };
        self.model.overlays.push(Overlay::Confirm(Box::new(Confirm {
            what,
            title: texts::ui::DELETE_TITLE.to_string(),
            intro: String::new(),
            lines,
            scroll: 0,
        })));
    }

    /// Shows a session that was opened; its lock goes to the background writer.
    fn open(&mut self, opened: Opened) {
        let Opened {
            mut session,
            lock,
            read_only,
        } = opened;
        let Some(entry) = self.model.catalog.get(&session.tool).cloned() else {
            self.model.error(texts::ui::unknown_tool(&session.tool));
            return;
        };
        // Answered against an earlier definition: brought to this one in memory, and what
        // moved and what has no question any more is said. The file is written only when
        // something is changed.
        let report = match read_only {
            None => self.model.catalog.migrate(&mut session),
            Some(_) => None,
        };
        let mut walk = Walk::new(entry.tool, session, self.model.today);
        if read_only.is_some() {
            walk.set_read_only();
        }
        self.background.adopt(lock);
        let lines = report
            .as_ref()
            .map(|r| texts::migrate::lines(walk.tool(), r))
            .unwrap_or_default();
        self.show(OpenSession::new(walk, read_only.clone()));
        if let Some(reason) = read_only {
            self.model.error(texts::ui::read_only(&reason));
        } else if let Some(report) = report {
            if lines.is_empty() {
                self.model.info(texts::migrate::unchanged(report.versions));
            } else {
                self.model.overlays.push(Overlay::Confirm(Box::new(Confirm {
                    what: Confirming::Notice,
                    title: texts::migrate::title(report.versions),
                    intro: String::new(),
                    lines,
                    scroll: 0,
                })));
            }
        }
    }

    /// The list entries of every session of `tool`, with the session's label (for the
    /// resource bank: the workplace), workplace by workplace.
    fn picks(&mut self, tool: &str) -> Vec<(String, String)> {
        let Some(definition) = self.model.catalog.get(tool).map(|e| e.tool.clone()) else {
            return Vec::new();
        };
        let ids: Vec<String> = self
            .model
            .sessions
            .items
            .iter()
            .filter_map(|listed| match listed {
                Listed::Session(summary) if summary.tool == tool => Some(summary.id.clone()),
                _ => None,
            })
            .collect();
        let mut items = Vec::new();
        for id in ids {
            let Ok(mut session) = self.store.load(&id) else {
                continue;
            };
            self.model.catalog.migrate(&mut session);
            let workplace = if session.label.is_empty() {
                texts::ui::NO_WORKPLACE.to_string()
            } else {
                session.label.clone()
            };
            for field in definition.fields() {
                if let Some(Answer::Entries(entries)) = session.answers.get(&field.id) {
                    items.extend(
                        entries
                            .iter()
                            .filter(|e| !e.trim().is_empty())
                            .map(|e| (workplace.clone(), e.clone())),
                    );
                }
            }
        }
        items.sort();
        items.dedup();
        items
    }

    /// Starts a session of `tool` (with the id given, or a new one) in `forloeb`, maybe with
    /// answers carried from another session. Nothing is written yet: the file comes with the
    /// first answer.
    fn start(
        &mut self,
        tool: &str,
        id: Option<String>,
        forloeb: String,
        carry_from: Option<String>,
        label: String,
    ) {
        let Some(entry) = self.model.catalog.find(tool).cloned() else {
            self.model.error(texts::cli::unknown_tool(tool));
            return;
        };
        let now = now();
        let id = id.unwrap_or_else(|| Session::new_id(&entry.tool.id, now));
        let mut session = entry.new_session(id, now);
        session.forloeb = forloeb;
        session.label = label;
        let mut carried = 0;
        if let Some(from) = carry_from {
            match self.store.load(&from) {
                Ok(mut source) => {
                    self.model.catalog.migrate(&mut source);
                    if let Some(from_tool) = self.model.catalog.get(&source.tool) {
                        carried = carry(&source, &from_tool.tool, &entry.tool, &mut session);
                    }
                }
                Err(e) => {
                    self.model.error(e.to_string());
                    return;
                }
            }
        }
        let walk = Walk::new(entry.tool, session, self.model.today);
        let mut open = OpenSession::new(walk, None);
        if carried > 0 {
            // Carried answers are answers: they are saved like typed ones.
            open.walk.mark_changed();
        }
        self.show(open);
        if carried > 0 {
            self.model.info(texts::ui::carried(carried));
        }
    }

    /// Opens what was asked for at start: a tool, in a forløb (made after the user confirms
    /// its name, when there is none by that label).
    fn begin(&mut self, start: Start) {
        let Some(label) = start.forloeb else {
            if let Some(tool) = start.tool {
                self.start(tool, None, String::new(), None, String::new());
            }
            return;
        };
        let (all, _) = self.store.list_forloeb();
        let found = all.into_iter().find(|f| f.answers_to(label));
        match (found, start.tool) {
            (Some(forloeb), Some(tool)) => {
                let id = forloeb.id.clone();
                self.model.forloeb.add(forloeb);
                self.start(tool, None, id, None, String::new());
            }
            (Some(forloeb), None) => {
                let id = forloeb.id.clone();
                self.model.forloeb.add(forloeb);
                self.model.show(Screen::Forloeb(ForloebView {
                    open: Some(id),
                    ..ForloebView::default()
                }));
            }
            (None, tool) => {
                let then = tool.map_or(InForloeb::Show, |t| InForloeb::Start(t.to_string()));
                let dialog =
                    model::NewForloebDialog::new(label, texts::ui::forloeb_missing(label), then);
                self.model
                    .overlays
                    .push(Overlay::NewForloeb(Box::new(dialog)));
            }
        }
    }

    /// Moves a session into a forløb: the open one is changed and saved as any change is;
    /// one from the list is opened (locked), changed, saved and let go.
    fn move_session(&mut self, moving: Moving, forloeb: &str) {
        let label = self
            .model
            .forloeb_label(forloeb)
            .unwrap_or_default()
            .to_string();
        match moving {
            Moving::Open => {
                let Screen::Session(open) = &mut self.model.screen else {
                    return;
                };
                // A completed (sealed) or read-only session stays where it is.
                if let Some(why) = open.unchangeable() {
                    return self.model.error(why);
                }
                open.walk.set_forloeb(forloeb);
            }
            Moving::Listed(id) => {
                let moved = self.store.open_session(&id).and_then(|mut opened| {
                    if let Some(reason) = &opened.read_only {
                        return Ok(Some(texts::ui::read_only(reason)));
                    }
                    if opened.session.status == Status::Completed {
                        return Ok(Some(texts::ui::SEALED.to_string()));
                    }
                    opened.session.forloeb = forloeb.to_string();
                    self.store.save(&opened.session, &mut opened.lock)?;
                    Ok(None)
                });
                match moved {
                    Ok(None) => self.list(),
                    Ok(Some(why)) => return self.model.error(why),
                    Err(e) => return self.model.error(e.to_string()),
                }
            }
        }
        self.model.info(texts::ui::moved(&label));
    }

    /// Follows the open session's link to `tool`: the session it started before, if it is
    /// still there, else a new one in the same forløb. Closing that one comes back here.
    fn follow_link(&mut self, tool: &str) {
        let Some(open) = self.open_session() else {
            return;
        };
        let origin = open.walk.session().id.clone();
        let forloeb = open.walk.session().forloeb.clone();
        let earlier = open
            .walk
            .linked(tool)
            .filter(|id| self.store.exists(id))
            .map(str::to_string);
        if let Some(id) = earlier {
            if !self.leave_session() {
                return;
            }
            match self.store.open_session(&id) {
                Ok(opened) => {
                    self.model.behind.push(Behind::Session(origin));
                    self.open(opened);
                }
                Err(e) => self.model.error(e.to_string()),
            }
            return;
        }
        let Some(entry) = self.model.catalog.find(tool) else {
            self.model.error(texts::cli::unknown_tool(tool));
            return;
        };
        let id = Session::new_id(&entry.tool.id, now());
        if let Screen::Session(open) = &mut self.model.screen {
            open.walk.set_linked(tool, &id);
        }
        // The link's session is saved with the new id before it is left.
        if !self.leave_session() {
            return;
        }
        self.model.behind.push(Behind::Session(origin));
        self.start(tool, Some(id), forloeb, None, String::new());
    }

    /// Shows a session that was opened. Opened from *Viden* or by a link, it goes back there
    /// when closed (see `behind`); opened from anywhere else, nothing is behind it.
    fn show(&mut self, open: OpenSession) {
        let from = std::mem::replace(&mut self.model.screen, Screen::Session(Box::new(open)));
        match from {
            Screen::Reading(reading) => self.model.behind = vec![Behind::Reading(reading)],
            Screen::Session(_) => {}
            _ => self.model.behind.clear(),
        }
        self.model.overlays.clear();
        self.model.note = None;
        self.asked_revision = None;
        self.changed_at = None;
        if self.open_session().is_some_and(OpenSession::is_unsaved) {
            self.changed_at = Some(Instant::now());
        }
    }
}
