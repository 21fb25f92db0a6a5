//! One session asked line by line: the step, its guidance, then one question at a time,
//! through the core's walk (`Walk`: every move and every change goes through it, as on the
//! screen). Every answer is saved at once with the session's lock.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::command::{Command, Reply, reply};
use super::io::Io;
use crate::core::catalog::{Catalog, Entry};
use crate::core::definition::About;
use crate::core::place::{FieldAt, Place};
use crate::core::session::Session;
use crate::core::walk::{Moved, Walk};
use crate::store::sessions::{Opened, Saved, SessionLock, Store};
use crate::texts::plain as t;
use crate::texts::ui;

/// What a sitting works with besides its lines.
pub struct Context<'a> {
    pub store: &'a Store,
    pub catalog: &'a Catalog,
    pub today: NaiveDate,
    pub now: fn() -> DateTime<FixedOffset>,
    /// How long a line is waited for before the program saves and ends.
    pub idle: Option<std::time::Duration>,
    /// Answers were left unsaved: the program ends with an error.
    pub lost: std::cell::Cell<bool>,
}

/// How a sitting ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The session was closed; the program goes on.
    Closed,
    /// The person quit: the program ends.
    Quit,
    /// The input ended: the program ends.
    End,
    /// Nothing was typed for the idle time: the program ends.
    Idle,
}

/// Where an answer leads.
pub(super) enum Next {
    /// The next place, on to the next step.
    On,
    /// Past the list's entries or the table's rows.
    PastRows,
    /// The same place, only its prompt again (after an answer that was refused).
    Again,
    /// The same place, its whole question again.
    Repeat,
    Back,
    Review,
    Stop(Ended),
}

pub struct Sitting<'c, 'a> {
    pub(super) ctx: &'c Context<'a>,
    pub(super) io: &'c mut Io,
    pub(super) walk: Walk,
    pub(super) lock: SessionLock,
    pub(super) read_only: Option<String>,
    /// The revision last saved, and whether the session has a file yet.
    pub(super) saved: u64,
    pub(super) on_disk: bool,
    pub(super) save_error: Option<String>,
    /// `afslut` was said while the answers could not be saved: said again, it quits.
    pub(super) quit_unsaved: bool,
    // What was written already, so that nothing is written twice.
    pub(super) step_shown: Option<usize>,
    pub(super) infos_shown: BTreeSet<usize>,
    pub(super) field_shown: Option<FieldAt>,
    pub(super) place_shown: Option<Place>,
    /// The list whose end (an empty line) was said.
    pub(super) list_told: Option<FieldAt>,
}

/// Opens a saved session (a draft resumes where it was left). Returns why it cannot be
/// opened (another program has it open, the file is damaged …).
pub fn open(ctx: &Context, io: &mut Io, id: &str) -> Result<Ended, String> {
    let opened = ctx.store.open_session(id).map_err(|e| e.to_string())?;
    let Opened {
        mut session,
        lock,
        read_only,
    } = opened;
    let entry = ctx
        .catalog
        .get(&session.tool)
        .ok_or_else(|| ui::unknown_tool(&session.tool))?;
    // Answered against an earlier definition: brought to this one in memory, as on the
    // screen; the file is written only when something is changed.
    let report = match read_only {
        None => ctx.catalog.migrate(&mut session),
        Some(_) => None,
    };
    let mut walk = Walk::new(entry.tool.clone(), session, ctx.today);
    if read_only.is_some() {
        walk.set_read_only();
    }
    let sitting = Sitting::new(ctx, io, walk, lock, read_only, true);
    if let Some(imported) = &sitting.walk.session().imported {
        let provenance = crate::texts::share::provenance(imported);
        sitting.io.say(&ui::imported_from(&provenance));
    }
    if let Some(report) = report {
        let lines = crate::texts::migrate::lines(sitting.walk.tool(), &report);
        if lines.is_empty() {
            sitting
                .io
                .say(&crate::texts::migrate::unchanged(report.versions));
        } else {
            sitting
                .io
                .say(&crate::texts::migrate::title(report.versions));
            for line in &lines {
                sitting.io.item(2, t::BULLET, line);
            }
            sitting.io.say(&crate::texts::migrate::NOTHING_WRITTEN);
        }
    }
    Ok(sitting.run())
}

/// Starts a new session of a tool (with the id given, or a new one) in a forløb (or none).
/// Nothing is written until the first answer.
pub fn start(
    ctx: &Context,
    io: &mut Io,
    entry: &Entry,
    forloeb: &str,
    id: Option<String>,
) -> Result<Ended, String> {
    let now = (ctx.now)();
    let id = id.unwrap_or_else(|| Session::new_id(&entry.tool.id, now));
    let lock = ctx.store.reserve(&id).map_err(|e| e.to_string())?;
    let mut session = entry.new_session(id, now);
    session.forloeb = forloeb.to_string();
    // The answers about a workplace are labelled with its name, asked first.
    if entry.tool.about == About::Workplace {
        match workplace(io) {
            Ok(name) => session.label = name,
            Err(ended) => return Ok(ended),
        }
    }
    let walk = Walk::new(entry.tool.clone(), session, ctx.today);
    Ok(Sitting::new(ctx, io, walk, lock, None, false).run())
}

/// The workplace's name, asked until one is given.
fn workplace(io: &mut Io) -> Result<String, Ended> {
    io.say(&t::WORKPLACE);
    loop {
        match reply(io.ask(&t::prompt(&ui::WORKPLACE_TITLE))) {
            Reply::Text(name) => match crate::core::forloeb::check_label(&name) {
                Ok(name) => return Ok(name),
                Err(crate::core::forloeb::LabelError::Cpr) => io.say(&ui::LABEL_CPR),
                Err(crate::core::forloeb::LabelError::Empty) => io.say(&ui::WORKPLACE_EMPTY),
            },
            Reply::End => return Err(Ended::End),
            Reply::Idle => return Err(Ended::Idle),
            Reply::Command(Command::Quit) => return Err(Ended::Quit),
            Reply::Command(Command::Back) => return Err(Ended::Closed),
            _ => io.say(&ui::WORKPLACE_EMPTY),
        }
    }
}

impl<'c, 'a> Sitting<'c, 'a> {
    fn new(
        ctx: &'c Context<'a>,
        io: &'c mut Io,
        walk: Walk,
        lock: SessionLock,
        read_only: Option<String>,
        on_disk: bool,
    ) -> Sitting<'c, 'a> {
        let saved = walk.revision();
        Sitting {
            ctx,
            io,
            walk,
            lock,
            read_only,
            saved,
            on_disk,
            save_error: None,
            quit_unsaved: false,
            step_shown: None,
            infos_shown: BTreeSet::new(),
            field_shown: None,
            place_shown: None,
            list_told: None,
        }
    }

    /// Asks the questions until the session is closed, the person quits or the input ends.
    fn run(mut self) -> Ended {
        self.introduce();
        if (self.read_only.is_some() || self.walk.is_sealed())
            && let Some(ended) = self.review()
        {
            return ended;
        }
        loop {
            self.save();
            let next = match self.walk.focus() {
                Some(place) => {
                    self.show(place);
                    self.ask(place)
                }
                // A step with nothing to answer (only text to read).
                None => {
                    self.show_step();
                    Next::On
                }
            };
            let ended = match next {
                Next::On => self.advance(Walk::next_place),
                Next::PastRows => self.advance(Walk::past_rows),
                Next::Again => None,
                Next::Repeat => {
                    self.forget_shown();
                    None
                }
                Next::Back => {
                    if self.walk.prev_place() == Moved::BeforeStart {
                        self.io.say(&t::AT_THE_START);
                    }
                    self.forget_shown();
                    None
                }
                Next::Review => self.review(),
                Next::Stop(Ended::Quit) => {
                    self.save();
                    Some(Ended::Quit)
                }
                Next::Stop(ended) => Some(self.stop(ended)),
            };
            if let Some(ended) = ended {
                return ended;
            }
        }
    }

    /// The tool, whose it is, and (for a new session) the report's introduction.
    fn introduce(&mut self) {
        let tool = self.walk.tool();
        let heading = ui::tool_heading(tool.number, &tool.title);
        let session = self.walk.session();
        let forloeb = self.forloeb_label();
        self.io.blank();
        self.io.say(&heading);
        if let Some(label) = forloeb {
            self.io.say(&t::in_forloeb(&label));
        } else if !session.label.is_empty() {
            self.io.say(&t::labelled(&session.label));
        }
        let fresh = session.is_blank() && self.walk.step_index() == 0;
        let intro = tool.intro.clone();
        let note = match (tool.about, tool.to_employer) {
            (About::Workplace, _) => Some(ui::ABOUT_WORKPLACE),
            (About::Person, true) => Some(ui::TO_EMPLOYER),
            (About::Person, false) => None,
        };
        if let Some(reason) = &self.read_only {
            let why = ui::read_only(reason);
            self.io.say(&why);
        } else if self.walk.is_sealed() {
            self.io.say(&t::SEALED);
        } else if fresh {
            if !intro.is_empty() {
                self.io.blank();
                self.io.say(&intro);
            }
            self.io.blank();
            self.io.say(&t::HOW);
        } else {
            self.io.say(&t::RESUMING);
        }
        if let Some(note) = note {
            self.io.say(&note);
        }
    }

    fn forloeb_label(&self) -> Option<String> {
        let id = &self.walk.session().forloeb;
        if id.is_empty() {
            return None;
        }
        let (all, _) = self.ctx.store.list_forloeb();
        all.into_iter().find(|f| &f.id == id).map(|f| f.label)
    }

    // ----- saving -----

    /// Saves the session if it changed since the last save (a blank one without a file
    /// waits for its first answer). Returns whether everything is on disk.
    pub(super) fn save(&mut self) -> bool {
        if self.read_only.is_some() || self.walk.revision() == self.saved {
            return true;
        }
        if !self.on_disk && self.walk.session().is_blank() {
            return true;
        }
        self.walk.touch((self.ctx.now)());
        match self.ctx.store.save(self.walk.session(), &mut self.lock) {
            Ok(saved) => {
                self.saved = self.walk.revision();
                self.on_disk = true;
                self.save_error = None;
                self.quit_unsaved = false;
                if let Saved::KeptOutsideChange(copy) = saved {
                    let kept = crate::texts::store::kept_aside(&copy);
                    self.io.say(&kept);
                }
                true
            }
            Err(e) => {
                let message = e.to_string();
                if self.save_error.as_ref() != Some(&message) {
                    self.io.say(&ui::save_failed(&message));
                }
                self.save_error = Some(message);
                false
            }
        }
    }

    /// After `afslut`: saved, and the program ends; if it cannot be saved, only when it is
    /// said again.
    pub(super) fn quit(&mut self) -> Option<Ended> {
        if self.save() || self.quit_unsaved {
            let saved = self.save_error.is_none();
            if !saved {
                self.ctx.lost.set(true);
            }
            self.io.say(&t::quit(&self.walk.session().id, saved));
            return Some(Ended::Quit);
        }
        self.quit_unsaved = true;
        self.io.say(&t::QUIT_UNSAVED);
        None
    }

    /// The input ended or was idle: saved, said, ended.
    pub(super) fn stop(&mut self, ended: Ended) -> Ended {
        let saved = self.save();
        if !saved {
            self.ctx.lost.set(true);
        }
        let id = self.walk.session().id.clone();
        let minutes = self.ctx.idle.map_or(0.0, |d| d.as_secs_f64() / 60.0);
        let text = match ended {
            Ended::Idle => t::idle(&id, saved, minutes),
            _ => t::end_of_input(&id, saved, self.on_disk),
        };
        self.io.say(&text);
        ended
    }

    // ----- moving -----

    /// Moves on; past the last step comes the review.
    fn advance(&mut self, go: fn(&mut Walk) -> Moved) -> Option<Ended> {
        let step = self.walk.step_index();
        let moved = go(&mut self.walk);
        if moved != Moved::Within {
            // What the step still has to read (the suggestions an answer brought up).
            self.show_infos(step, usize::MAX);
        }
        match moved {
            Moved::PastEnd => self.review(),
            _ => None,
        }
    }

    /// Forgets what was written of the place, so its whole question is asked again.
    pub(super) fn forget_shown(&mut self) {
        self.field_shown = None;
        self.place_shown = None;
    }

    /// Opens the tool a link names: the session the link started before, if it is still
    /// there, else a new one in the same forløb. Returns how the program ends, if it does.
    pub(super) fn follow(&mut self, place: Place) -> Option<Ended> {
        let tool = self.walk.link(place)?.to_string();
        let forloeb = self.walk.session().forloeb.clone();
        let earlier = self
            .walk
            .linked(&tool)
            .filter(|id| self.ctx.store.exists(id))
            .map(str::to_string);
        let result = match earlier {
            Some(id) => {
                self.save();
                open(self.ctx, self.io, &id)
            }
            None => {
                let Some(entry) = self.ctx.catalog.find(&tool) else {
                    self.io.say(&crate::texts::cli::unknown_tool(&tool));
                    return None;
                };
                let id = Session::new_id(&entry.tool.id, (self.ctx.now)());
                self.walk.set_linked(&tool, &id);
                self.save();
                start(self.ctx, self.io, entry, &forloeb, Some(id))
            }
        };
        match result {
            Ok(Ended::Closed) => {
                let tool = self.walk.tool();
                let back = t::back_in(&ui::tool_heading(tool.number, &tool.title));
                self.io.blank();
                self.io.say(&back);
                self.step_shown = None;
                None
            }
            Ok(ended) => Some(ended),
            Err(why) => {
                self.io.say(&why);
                None
            }
        }
    }
}
