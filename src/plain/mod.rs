//! Plain mode: the same tools, sessions and files as the screen, asked as plain lines that
//! a screen reader reads in order and a person can pipe. Used with `--plain`, and when the
//! terminal cannot take the screen (`TERM=dumb`, or standard input or output is not a
//! terminal).
//!
//! It shares the core and the store with the screen, not the screen's code: the walk
//! (`Walk`) makes every move and change, the store saves every answer at once with the
//! session's lock. What is written is in `texts::plain`; the command words too, in Danish
//! and English.
//!
//! - `io`: lines in (a person, a file; the idle time) and out (no colours, no cursor
//!   movement, control characters made harmless, wrapped by words on a terminal);
//! - `command`: what a line says (an answer, an empty line, a command word);
//! - `sitting`: one session, question by question: moving, saving, ending, following a
//!   link to another tool; `show` writes what comes before a prompt, `ask` takes the
//!   answer;
//! - `review`: every answer, what is missing, completing and reopening.

mod ask;
mod command;
pub mod io;
mod review;
mod show;
mod sitting;

use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};

use crate::core::catalog::{Catalog, Entry};
use crate::core::forloeb::Forloeb;
use crate::core::session::Status;
use crate::store::sessions::{Listed, Opening, Sealed, Store, StoreError, Summary};
use crate::texts::plain as t;
use crate::texts::ui;
use command::{Command, Reply, is_new, reply, yes_or_no};
use io::{Io, Stdin, Width};
pub use sitting::{Context, Ended};

/// Whether the program should run in plain mode: asked for, or the terminal is dumb, or
/// standard input or output is not a terminal at all.
pub fn wanted(asked: bool) -> bool {
    asked
        || std::env::var("TERM").is_ok_and(|term| term == "dumb")
        || !std::io::stdin().is_terminal()
        || !std::io::stdout().is_terminal()
}

/// Runs plain mode on standard input and output until the person quits or the input ends.
/// An encrypted folder's passphrase is asked first (hidden, on the terminal). Returns an
/// error when answers could not be saved, or the folder not opened.
pub fn run(
    catalog: &Catalog,
    opening: Opening,
    tool: Option<&str>,
    forloeb: Option<&str>,
    idle: Option<Duration>,
) -> Result<(), String> {
    let store = match opening {
        Opening::Plain(store) => store,
        Opening::Encrypted(sealed) => unlock(&sealed)?,
    };
    // Piped through `cat` or `tee` to a terminal, the lines are still read there.
    let width = if std::io::stdout().is_terminal() || std::io::stdin().is_terminal() {
        Width::Terminal
    } else {
        Width::Unwrapped
    };
    let echo = !std::io::stdin().is_terminal();
    let mut io = Io::new(
        Box::new(Stdin::start(idle)),
        Box::new(std::io::stdout()),
        width,
        echo,
    );
    let ctx = Context {
        store: &store,
        catalog,
        today: Local::now().date_naive(),
        now: local_now,
        idle,
        lost: Cell::new(false),
    };
    converse(&ctx, &mut io, tool, forloeb)
}

fn local_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// An encrypted folder's passphrase, typed without being shown; three tries. Before the
/// lines are read (`Io`): its reader would take the passphrase from the terminal too.
fn unlock(sealed: &Sealed) -> Result<Store, String> {
    // Output whose reader has gone is no reason to stop asking.
    let say = |text: &str| {
        let _ = writeln!(std::io::stdout(), "{text}");
    };
    say(&t::ENCRYPTED);
    for _ in 0..3 {
        let passphrase = rpassword::prompt_password(crate::texts::cli::ASK_PASSPHRASE)
            .map_err(|e| t::no_passphrase(&e))?;
        say(&ui::UNLOCKING);
        match sealed.unlock(&passphrase) {
            Ok(store) => return Ok(store),
            Err(StoreError::WrongPassphrase) => say(&ui::WRONG_PASSPHRASE),
            Err(e) => return Err(e.to_string()),
        }
    }
    Err(t::GAVE_UP.to_string())
}

/// The conversation: a forløb found (or made), then the tool asked for, or the drafts to
/// go on with and the tools to start.
pub fn converse(
    ctx: &Context,
    io: &mut Io,
    tool: Option<&str>,
    forloeb: Option<&str>,
) -> Result<(), String> {
    io.say(&t::WELCOME);
    let forloeb = match forloeb {
        Some(label) => match find_forloeb(ctx, io, label)? {
            Some(forloeb) => Some(forloeb),
            None => return Ok(()),
        },
        None => None,
    };
    let forloeb_id = forloeb.as_ref().map_or("", |f| f.id.as_str());
    if let Some(name) = tool {
        let entry = ctx
            .catalog
            .find(name)
            .ok_or_else(|| crate::texts::cli::unknown_tool(name))?;
        sitting::start(ctx, io, entry, forloeb_id, None)?;
        return outcome(ctx);
    }
    loop {
        let ended = match menu(ctx, io, forloeb.as_ref()) {
            Menu::Open(id) => sitting::open(ctx, io, &id).unwrap_or_else(|why| {
                io.say(&why);
                Ended::Closed
            }),
            Menu::New(entry) => {
                sitting::start(ctx, io, &entry, forloeb_id, None).unwrap_or_else(|why| {
                    io.say(&why);
                    Ended::Closed
                })
            }
            Menu::Stop => Ended::Quit,
        };
        if ended != Ended::Closed {
            return outcome(ctx);
        }
    }
}

/// The program's result: an error when answers were left unsaved.
fn outcome(ctx: &Context) -> Result<(), String> {
    if ctx.lost.get() {
        Err(t::NOT_SAVED.to_string())
    } else {
        Ok(())
    }
}

/// The forløb with this label (or id); a new one is made when the person says so.
fn find_forloeb(ctx: &Context, io: &mut Io, label: &str) -> Result<Option<Forloeb>, String> {
    let (all, _) = ctx.store.list_forloeb();
    if let Some(found) = all.into_iter().find(|f| f.answers_to(label)) {
        return Ok(Some(found));
    }
    io.say(&t::no_forloeb(label));
    if yes_or_no(io) != Ok(true) {
        return Ok(None);
    }
    let forloeb = Forloeb::new(label.trim().to_string(), (ctx.now)());
    ctx.store
        .save_forloeb(&forloeb)
        .map_err(|e| e.to_string())?;
    io.say(&t::forloeb_made(&forloeb.label));
    Ok(Some(forloeb))
}

/// What was chosen at the start.
enum Menu {
    Open(String),
    New(Box<Entry>),
    Stop,
}

/// How many drafts are listed by number; older ones are opened by their id.
const DRAFTS_LISTED: usize = 20;

/// The drafts to go on with (in the forløb, if one was given), newest first; or, when
/// there are none or `ny` is typed, the tools.
fn menu(ctx: &Context, io: &mut Io, forloeb: Option<&Forloeb>) -> Menu {
    let listed = ctx.store.list();
    let damaged = listed
        .iter()
        .filter(|l| matches!(l, Listed::Damaged { .. }))
        .count();
    let drafts: Vec<Summary> = listed
        .into_iter()
        .filter_map(|l| match l {
            Listed::Session(s) if s.status == Status::Draft => Some(s),
            _ => None,
        })
        .filter(|s| forloeb.is_none_or(|f| f.id == s.forloeb))
        .collect();
    if drafts.is_empty() {
        return tools(ctx, io);
    }
    let labels = forloeb_labels(ctx);
    io.blank();
    io.say(&t::drafts(forloeb.map(|f| f.label.as_str())));
    for (i, draft) in drafts.iter().take(DRAFTS_LISTED).enumerate() {
        let line = draft_line(ctx, draft, &labels);
        io.item(2, &t::number_marker(i + 1), &line);
    }
    if drafts.len() > DRAFTS_LISTED {
        io.say(&t::more_drafts(drafts.len() - DRAFTS_LISTED));
    }
    if damaged > 0 {
        io.say(&t::damaged(damaged));
    }
    io.say(&t::draft_or_new(drafts.len().min(DRAFTS_LISTED)));
    loop {
        let typed = match reply(io.ask(&t::CHOICE)) {
            Reply::Text(typed) => typed,
            Reply::Empty => continue,
            Reply::Command(Command::Help) => {
                for line in t::guide() {
                    io.say(&line);
                }
                io.say(&t::draft_or_new(drafts.len().min(DRAFTS_LISTED)));
                continue;
            }
            Reply::Command(Command::Quit) | Reply::End | Reply::Idle => return Menu::Stop,
            Reply::Command(_) => {
                io.say(&t::draft_or_new(drafts.len().min(DRAFTS_LISTED)));
                continue;
            }
        };
        if is_new(&typed) {
            return tools(ctx, io);
        }
        let by_number = typed
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < DRAFTS_LISTED)
            .and_then(|i| drafts.get(i));
        if let Some(draft) = by_number {
            return Menu::Open(draft.id.clone());
        }
        // Any session by its id or the id's first characters (a completed one too).
        match ctx.store.find(&typed) {
            Ok(session) => return Menu::Open(session.id),
            Err(_) => io.say(&t::not_a_draft(&typed, drafts.len().min(DRAFTS_LISTED))),
        }
    }
}

/// A draft in the list: its tool, whose it is, and when it was last changed.
fn draft_line(
    ctx: &Context,
    draft: &Summary,
    labels: &std::collections::HashMap<String, String>,
) -> String {
    let tool = ctx
        .catalog
        .get(&draft.tool)
        .map_or(draft.tool.clone(), |e| {
            ui::tool_heading(e.tool.number, &e.tool.title)
        });
    let whose: Vec<&str> = [labels.get(&draft.forloeb).map(String::as_str)]
        .into_iter()
        .flatten()
        .chain([draft.label.as_str()])
        .filter(|l| !l.is_empty())
        .collect();
    let when = draft
        .updated
        .format(crate::texts::words::DATE_TIME)
        .to_string();
    t::draft(&tool, &whose, &when)
}

fn forloeb_labels(ctx: &Context) -> std::collections::HashMap<String, String> {
    ctx.store
        .list_forloeb()
        .0
        .into_iter()
        .map(|f| (f.id, f.label))
        .collect()
}

/// The tools, by number; the one typed is started.
fn tools(ctx: &Context, io: &mut Io) -> Menu {
    io.blank();
    io.say(&t::TOOLS);
    for entry in &ctx.catalog.entries {
        let tool = &entry.tool;
        let audience: Vec<&str> = tool
            .audience
            .iter()
            .map(|a| crate::texts::audience(*a).as_str())
            .collect();
        let marker = match tool.number {
            Some(n) => t::number_marker(n as usize),
            None => t::id_marker(&tool.id),
        };
        io.item(2, &marker, &t::tool(&tool.title, &audience));
    }
    io.say(&t::WHICH_TOOL);
    loop {
        match reply(io.ask(&t::TOOL_PROMPT)) {
            Reply::Text(typed) => match ctx.catalog.find(&typed) {
                Some(entry) => return Menu::New(Box::new(entry.clone())),
                // A saved session by its id (or the id's first characters).
                None => match ctx.store.find(&typed) {
                    Ok(session) => return Menu::Open(session.id),
                    Err(_) => io.say(&t::no_such_tool(&typed)),
                },
            },
            Reply::Empty => {}
            Reply::Command(Command::Quit) | Reply::End | Reply::Idle => return Menu::Stop,
            Reply::Command(_) => io.say(&t::WHICH_TOOL),
        }
    }
}

#[cfg(test)]
mod tests;
