//! The terminal front end, in The Elm Architecture: a [`model::Model`], messages handled by
//! [`update::update`], and [`view::draw`]. This file is the runtime around them: it owns the
//! terminal and carries out the [`update::Command`]s with the store, and saves changes.

pub mod action;
pub mod model;
pub mod update;
pub mod view;

use std::io;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, SubsecRound};
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::core::catalog::Catalog;
use crate::core::session::Session;
use crate::core::walk::Walk;
use crate::export;
use crate::store::exports::{default_folder, write_document};
use crate::store::sessions::{Store, StoreError};
use crate::texts;
use model::{Model, OpenSession, Screen};
use update::{Command, Msg, update};

/// How long after a change the session is saved: quick enough that a crash loses at most
/// this much typing, slow enough not to write on every key of a fast typist.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// Wait before trying again after a failed save.
const RETRY_DELAY: Duration = Duration::from_secs(2);

/// The time stamps of session files: local time with its offset, to the second.
fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset().trunc_subsecs(0)
}

/// Runs the screen until the user quits. `open_tool` starts that tool at once.
pub fn run(catalog: Catalog, store: Store, open_tool: Option<&str>) -> io::Result<()> {
    let today = Local::now().date_naive();
    let mut model = Model::new(catalog, today);
    model.exports_dir = default_folder(store.dir());
    let mut app = App {
        model,
        store,
        changed_at: None,
    };
    if let Some(name) = open_tool {
        app.execute(Command::New(name.to_string()));
    }

    // ratatui::init restores the terminal on panic too; bracketed paste is undone in ours.
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = app.event_loop(&mut terminal);
    app.save_now();
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

struct App {
    model: Model,
    store: Store,
    /// When the first unsaved change was made.
    changed_at: Option<Instant>,
}

impl App {
    fn event_loop(&mut self, terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
        loop {
            terminal.draw(|frame| view::draw(frame, &mut self.model))?;
            if self.model.quit {
                return Ok(());
            }
            let timeout = self.changed_at.map_or(Duration::from_secs(3600), |at| {
                SAVE_DELAY.saturating_sub(at.elapsed())
            });
            if event::poll(timeout)? {
                // Handle everything that is waiting before drawing again (fast typing, pastes).
                loop {
                    self.handle(event::read()?);
                    if self.model.quit || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
            }
            if self.changed_at.is_some_and(|at| at.elapsed() >= SAVE_DELAY) {
                self.save_now();
            }
        }
    }

    fn handle(&mut self, event: Event) {
        let msg = match event {
            Event::Key(key) => Msg::Key(key),
            Event::Paste(text) => Msg::Paste(text),
            _ => return,
        };
        if let Some(command) = update(&mut self.model, msg) {
            self.execute(command);
        }
        if self.changed_at.is_none() && self.open_session().is_some_and(OpenSession::is_unsaved) {
            self.changed_at = Some(Instant::now());
        }
    }

    fn open_session(&self) -> Option<&OpenSession> {
        match &self.model.screen {
            Screen::Session(open) => Some(open),
            _ => None,
        }
    }

    /// Saves the open session if it has changes. A failure is shown and retried; the
    /// answers stay in memory meanwhile.
    fn save_now(&mut self) {
        let Screen::Session(open) = &mut self.model.screen else {
            self.changed_at = None;
            return;
        };
        if !open.is_unsaved() {
            self.changed_at = None;
            return;
        }
        let now = now();
        open.walk.touch(now);
        match self.store.save(open.walk.session(), &open.lock) {
            Ok(()) => {
                open.saved_revision = open.walk.revision();
                open.saved_at = Some(now.format("%H:%M:%S").to_string());
                open.save_error = None;
                self.changed_at = None;
            }
            Err(e) => {
                open.save_error = Some(e.to_string());
                self.changed_at = Some(Instant::now() + RETRY_DELAY - SAVE_DELAY);
            }
        }
    }

    fn execute(&mut self, command: Command) {
        match command {
            Command::New(name) => {
                let Some(entry) = self.model.catalog.find(&name).cloned() else {
                    self.model.error(texts::cli::unknown_tool(&name));
                    return;
                };
                let now = now();
                // The id takes its uniqueness from the clock's nanoseconds, so it gets the untruncated time.
                let id = Session::new_id(&entry.tool.id, Local::now().fixed_offset());
                let session = Session::new(id, &entry, now);
                match self.store.create(&session) {
                    Ok(lock) => {
                        let walk = Walk::new(entry.tool, session, self.model.today);
                        self.show(OpenSession::new(walk, lock));
                    }
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::Open(id) => match self.store.open_session(&id) {
                Ok((session, lock)) => match self.model.catalog.get(&session.tool) {
                    Some(entry) => {
                        let walk = Walk::new(entry.tool.clone(), session, self.model.today);
                        self.show(OpenSession::new(walk, lock));
                    }
                    None => self.model.error(texts::ui::unknown_tool(&session.tool)),
                },
                Err(e) => self.model.error(e.to_string()),
            },
            Command::Close => {
                self.save_now();
                let failed = self.open_session().is_some_and(|o| o.save_error.is_some());
                if failed {
                    // Keep the session open rather than drop answers that are not on disk.
                    return;
                }
                self.model.screen = Screen::Sessions;
                self.execute(Command::ListSessions);
            }
            Command::Export {
                format,
                recipient,
                path,
                overwrite,
            } => {
                let Screen::Session(open) = &mut self.model.screen else {
                    return;
                };
                let walk = &open.walk;
                let text =
                    export::document(walk.tool(), walk.session(), recipient, self.model.today)
                        .render(format);
                match write_document(&path, &text, overwrite) {
                    Ok(()) => {
                        open.export = None;
                        self.model.info(texts::ui::exported(&path));
                    }
                    Err(StoreError::Exists { .. }) => {
                        if let Some(dialog) = &mut open.export {
                            dialog.confirm_overwrite = true;
                        }
                        self.model.error(texts::ui::EXPORT_EXISTS);
                    }
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::ListSessions => {
                self.model.sessions.items = self.store.list();
                let count = self.model.filtered_sessions().len();
                self.model.sessions.selected =
                    self.model.sessions.selected.min(count.saturating_sub(1));
            }
        }
    }

    fn show(&mut self, open: OpenSession) {
        self.model.screen = Screen::Session(Box::new(open));
        self.model.note = None;
    }
}
