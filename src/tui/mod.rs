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

use std::collections::HashMap;

use crate::core::carry::carry;
use crate::core::catalog::Catalog;
use crate::core::followup;
use crate::core::forloeb::{Forloeb, LogEntry};
use crate::core::session::Session;
use crate::core::walk::Walk;
use crate::export;
use crate::store::exports::{default_folder, write_document};
use crate::store::sessions::{Listed, SessionLock, Store, StoreError};
use crate::texts;
use model::{ForloebView, Model, OpenSession, Overlay, Screen};
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
        lock: None,
        changed_at: None,
        quit_unsaved: false,
    };
    app.refresh();
    if let Some(name) = open_tool {
        app.execute(Command::New {
            tool: name.to_string(),
            forloeb: String::new(),
            carry_from: None,
        });
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
    if result.is_err() {
        // The terminal failed: still put the answers on disk.
        app.save_now();
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

struct App {
    model: Model,
    store: Store,
    /// The open session's lock: held while it is open, so no other program writes it.
    lock: Option<SessionLock>,
    /// When the first unsaved change was made.
    changed_at: Option<Instant>,
    /// The user was told that quitting now loses unsaved answers.
    quit_unsaved: bool,
}

impl App {
    fn event_loop(&mut self, terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
        loop {
            terminal.draw(|frame| view::draw(frame, &mut self.model))?;
            if self.model.quit {
                // Quitting saves first; if that fails, the answers stay on screen and a
                // second Ctrl-Q is needed to leave without them.
                self.save_now();
                let failed = self.open_session().is_some_and(|o| o.save_error.is_some());
                if !failed || self.quit_unsaved {
                    return Ok(());
                }
                self.model.quit = false;
                self.quit_unsaved = true;
                self.model.error(texts::ui::QUIT_UNSAVED);
                continue;
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
        let (Screen::Session(open), Some(lock)) = (&mut self.model.screen, &self.lock) else {
            self.changed_at = None;
            return;
        };
        if !open.is_unsaved() {
            self.changed_at = None;
            return;
        }
        let now = now();
        open.walk.touch(now);
        match self.store.save(open.walk.session(), lock) {
            Ok(()) => {
                open.saved_revision = open.walk.revision();
                open.saved_at = Some(now.format(texts::words::TIME).to_string());
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
            Command::New {
                tool,
                forloeb,
                carry_from,
            } => {
                let Some(entry) = self.model.catalog.find(&tool).cloned() else {
                    self.model.error(texts::cli::unknown_tool(&tool));
                    return;
                };
                // A link from an open session leaves it: its last changes are saved first.
                self.save_now();
                if self.open_session().is_some_and(|o| o.save_error.is_some()) {
                    return;
                }
                let now = now();
                let id = Session::new_id(&entry.tool.id, now);
                let mut session = entry.new_session(id, now);
                session.forloeb = forloeb;
                let mut carried = 0;
                if let Some(from) = carry_from {
                    match self.store.load(&from) {
                        Ok(source) => {
                            if let Some(from_tool) = self.model.catalog.get(&source.tool) {
                                carried =
                                    carry(&source, &from_tool.tool, &entry.tool, &mut session);
                            }
                        }
                        Err(e) => {
                            self.model.error(e.to_string());
                            return;
                        }
                    }
                }
                match self.store.create(&session) {
                    Ok(lock) => {
                        let walk = Walk::new(entry.tool, session, self.model.today);
                        self.show(OpenSession::new(walk), lock);
                        if carried > 0 {
                            self.model.info(texts::ui::carried(carried));
                        }
                    }
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::NewForloeb(label) => {
                let forloeb = Forloeb::new(label, now());
                match self.store.save_forloeb(&forloeb) {
                    Ok(()) => {
                        let id = forloeb.id.clone();
                        self.refresh();
                        self.model.show(Screen::Forloeb(ForloebView {
                            open: Some(id),
                            ..ForloebView::default()
                        }));
                    }
                    Err(e) => self.model.error(e.to_string()),
                }
            }
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
                    Ok(()) => self.refresh(),
                    Err(e) => self.model.error(e.to_string()),
                }
            }
            Command::Open(id) => match self.store.open_session(&id) {
                Ok((session, lock)) => match self.model.catalog.get(&session.tool) {
                    Some(entry) => {
                        // Say so when the tool was changed after the session was started:
                        // answers to questions no longer asked are kept but not shown.
                        let changed = session.tool_hash != entry.hash;
                        let hidden = session
                            .answers
                            .keys()
                            .filter(|id| entry.tool.field(id).is_none())
                            .count();
                        let versions = (session.tool_version, entry.tool.version);
                        let walk = Walk::new(entry.tool.clone(), session, self.model.today);
                        self.show(OpenSession::new(walk), lock);
                        if changed {
                            self.model.info(texts::ui::definition_changed(
                                versions.0, versions.1, hidden,
                            ));
                        }
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
                // Back to the forløb the session belongs to, else to the sessions list.
                let forloeb = self
                    .open_session()
                    .map(|o| o.walk.session().forloeb.clone())
                    .unwrap_or_default();
                self.lock = None;
                self.refresh();
                self.model.show(if forloeb.is_empty() {
                    Screen::Sessions
                } else {
                    Screen::Forloeb(ForloebView {
                        open: Some(forloeb),
                        ..ForloebView::default()
                    })
                });
            }
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
                let text =
                    export::document(walk.tool(), walk.session(), recipient, self.model.today)
                        .render(format);
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
            Command::ListSessions => self.refresh(),
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

    /// The list entries of every session of `tool`, with the session's label (for the
    /// resource bank: the workplace), workplace by workplace.
    fn picks(&mut self, tool: &str) -> Vec<(String, String)> {
        let Some(definition) = self.model.catalog.get(tool).map(|e| e.tool.clone()) else {
            return Vec::new();
        };
        let mut items = Vec::new();
        for listed in self.store.list() {
            let Listed::Session(summary) = listed else {
                continue;
            };
            if summary.tool != tool {
                continue;
            }
            let Ok(session) = self.store.load(&summary.id) else {
                continue;
            };
            let workplace = if session.label.is_empty() {
                texts::ui::NO_WORKPLACE.to_string()
            } else {
                session.label.clone()
            };
            for field in definition.fields() {
                if let Some(crate::core::session::Answer::Entries(entries)) =
                    session.answers.get(&field.id)
                {
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

    /// Reads the sessions, the forløb and what follow-ups are due.
    fn refresh(&mut self) {
        let model = &mut self.model;
        model.sessions.items = self.store.list();
        (model.forloeb, model.forloeb_damaged) = self.store.list_forloeb();
        let labels: HashMap<&str, &str> = model
            .forloeb
            .iter()
            .map(|f| (f.id.as_str(), f.label.as_str()))
            .collect();
        model.due = followup::due(
            model.sessions.items.iter().filter_map(|l| match l {
                Listed::Session(s) => {
                    let label = labels
                        .get(s.forloeb.as_str())
                        .copied()
                        .unwrap_or(s.label.as_str());
                    s.follow_up
                        .map(|d| (s.id.as_str(), label, s.tool.as_str(), d))
                }
                Listed::Damaged { .. } => None,
            }),
            model.today,
            Some(followup::DAYS_AHEAD),
        );
        let count = model.filtered_sessions().len();
        model.sessions.selected = model.sessions.selected.min(count.saturating_sub(1));
    }

    /// Shows a session that was opened, holding its lock while it is open.
    fn show(&mut self, open: OpenSession, lock: SessionLock) {
        self.model.show(Screen::Session(Box::new(open)));
        self.lock = Some(lock);
        self.model.note = None;
    }
}
