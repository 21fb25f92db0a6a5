//! `vejen-frem`: the command line. It parses the arguments and hands over to the core, the
//! store or the terminal front end.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::content;
use vejen_frem::core::followup;
use vejen_frem::core::forloeb::{Forloeb, LabelError, check_label};
use vejen_frem::core::input::parse_date;
use vejen_frem::core::portal::{self, Portal};
use vejen_frem::export::note::note;
use vejen_frem::export::{self, Format, Recipient};
use vejen_frem::present;
use vejen_frem::store::definitions::read_sources;
use vejen_frem::store::exports::{default_folder, write_document};
use vejen_frem::store::sessions::{Listed, Store, Summary, default_data_dir};
use vejen_frem::texts;
use vejen_frem::tui::RunError;

#[derive(Parser)]
#[command(name = "vejen-frem", version, about = texts::cli::ABOUT, long_about = None)]
struct Cli {
    #[arg(long, value_name = "MAPPE", global = true, help = texts::cli::TOOLS_DIR)]
    tools: Option<PathBuf>,

    #[arg(long, value_name = "MAPPE", env = "VEJEN_FREM_DATA", global = true, help = texts::cli::DATA_DIR)]
    data_dir: Option<PathBuf>,

    #[arg(value_name = "REDSKAB", help = texts::cli::TOOL)]
    tool: Option<String>,

    #[arg(short = 'f', long = "forloeb", value_name = "FORLØB", help = texts::cli::FORLOEB)]
    forloeb: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = texts::cli::CHECK)]
    Check {
        #[arg(help = texts::cli::CHECK_PATHS)]
        paths: Vec<PathBuf>,
    },
    #[command(about = texts::cli::LIST)]
    List,
    #[command(about = texts::cli::SESSIONS)]
    Sessions {
        #[arg(long, help = texts::cli::JSON)]
        json: bool,
    },
    #[command(about = texts::cli::FOLLOWUPS)]
    Followups,
    #[command(about = texts::cli::EXPORT)]
    Export {
        #[arg(value_name = "SESSION", help = texts::cli::EXPORT_SESSION)]
        session: String,
        #[arg(long, value_enum, help = texts::cli::FORMAT)]
        format: FormatArg,
        #[arg(long = "for", value_enum, help = texts::cli::FOR)]
        recipient: Option<RecipientArg>,
        #[arg(short, long, value_name = "FIL", help = texts::cli::OUTPUT)]
        output: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE)]
        force: bool,
    },
    #[command(about = texts::cli::NOTE)]
    Note {
        #[arg(value_name = "FORLØB", help = texts::cli::NOTE_FORLOEB)]
        forloeb: String,
        #[arg(long, value_name = "DATO", help = texts::cli::NOTE_DATE)]
        date: Option<String>,
        #[arg(short, long, value_name = "FIL", help = texts::cli::NOTE_OUTPUT)]
        output: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE)]
        force: bool,
    },
    #[command(about = texts::cli::PRINT)]
    Print {
        #[arg(value_name = "REDSKAB", help = texts::cli::PRINT_TOOL)]
        tool: String,
        #[arg(long, value_enum, help = texts::cli::FORMAT)]
        format: FormatArg,
        #[arg(short, long, value_name = "FIL", help = texts::cli::PRINT_OUTPUT)]
        output: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE)]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Html,
    Md,
    Txt,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Html => Format::Html,
            FormatArg::Md => Format::Markdown,
            FormatArg::Txt => Format::Text,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum RecipientArg {
    #[value(alias = "medarbejder")]
    Employee,
    #[value(alias = "arbejdsgiver")]
    Employer,
    #[value(alias = "journal")]
    Record,
    #[value(alias = "arbejdsplads")]
    Workplace,
}

impl From<RecipientArg> for Recipient {
    fn from(r: RecipientArg) -> Recipient {
        match r {
            RecipientArg::Employee => Recipient::Employee,
            RecipientArg::Employer => Recipient::Employer,
            RecipientArg::Record => Recipient::Record,
            RecipientArg::Workplace => Recipient::Workplace,
        }
    }
}

/// Writes a line to standard output with control characters made harmless: labels and
/// answers come from files, and an escape sequence in one must not reach the terminal.
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", vejen_frem::present::printable(&format!($($arg)*)))
    };
}

/// The same for standard error.
macro_rules! warn {
    ($($arg:tt)*) => {
        eprintln!("{}", vejen_frem::present::printable(&format!($($arg)*)))
    };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            warn!("vejen-frem: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Some(Command::Check { paths }) => check(&paths, cli.tools.as_deref()),
        Some(Command::List) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            for entry in &catalog.entries {
                let t = &entry.tool;
                let audience: Vec<&str> = t.audience.iter().map(|a| texts::audience(*a)).collect();
                let rest = format!("{:<22} {}  ({})", t.id, t.title, audience.join(", "));
                say!("{}", texts::ui::tool_row(t.number, "  ", &rest));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Sessions { json }) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            let store = Store::open(&data_dir(cli.data_dir)?).map_err(|e| e.to_string())?;
            let labels = forloeb_labels(&store);
            let rows: Vec<SessionRow> = store
                .list()
                .into_iter()
                .filter_map(|l| match l {
                    Listed::Session(s) => Some(s),
                    Listed::Damaged { file, reason } => {
                        warn!("{}", texts::cli::damaged(&file, &reason));
                        None
                    }
                })
                .map(|s| SessionRow {
                    forloeb: labels
                        .get(&s.forloeb)
                        .map(|l| present::one_line(l))
                        .unwrap_or_default(),
                    tool: catalog
                        .get(&s.tool)
                        .and_then(|e| e.tool.number)
                        .map_or(s.tool.clone(), |n| n.to_string()),
                    status: texts::status(s.status).to_string(),
                    updated: s.updated.to_rfc3339(),
                    next_follow_up: s
                        .follow_up
                        .map(|d| d.format(texts::words::DATE).to_string()),
                    label: present::one_line(&s.label),
                    id: s.id,
                })
                .collect();
            match print_sessions(&rows, json) {
                // Output cut short by its reader (`vejen-frem sessions | head`) is no failure.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.to_string()),
                _ => {}
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Followups) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            let store = Store::open(&data_dir(cli.data_dir)?).map_err(|e| e.to_string())?;
            let labels = forloeb_labels(&store);
            let summaries = readable(&store);
            let today = chrono::Local::now().date_naive();
            let due = followup::due(
                summaries.iter().filter_map(|s| {
                    let label = labels
                        .get(&s.forloeb)
                        .map_or(s.label.as_str(), String::as_str);
                    s.follow_up
                        .map(|d| (s.id.as_str(), label, s.tool.as_str(), d))
                }),
                today,
                None,
            );
            for d in &due {
                let tool = catalog.get(&d.tool).map_or(d.tool.clone(), |e| {
                    texts::ui::numbered(e.tool.number, &e.tool.title)
                });
                say!(
                    "{}",
                    texts::cli::followup_line(&d.forloeb, &tool, d.date, d.week(), d.days)
                );
            }
            if due.is_empty() {
                say!("{}", texts::cli::NO_FOLLOWUPS);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            session,
            format,
            recipient,
            output,
            force,
        }) => {
            let (catalog, data_dir, store) = catalog_and_store(&cli.tools, cli.data_dir)?;
            let session = store.find(&session).map_err(|e| e.to_string())?;
            let entry = catalog
                .get(&session.tool)
                .ok_or_else(|| texts::ui::unknown_tool(&session.tool))?;
            let today = chrono::Local::now().date_naive();
            // By default the first the tool's answers can go to: the person, or the workplace.
            let recipient = match recipient {
                Some(given) => Recipient::from(given),
                None => Recipient::for_tool(entry.tool.about)
                    .first()
                    .copied()
                    .unwrap_or(Recipient::Employee),
            };
            let format = Format::from(format);
            let text = export::document(&entry.tool, &session, recipient, today).render(format);
            let path = output.unwrap_or_else(|| {
                default_folder(&data_dir).join(export::file_name(&session, recipient, format))
            });
            write_out(&path, &text, force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Note {
            forloeb,
            date,
            output,
            force,
        }) => {
            let (catalog, data_dir, store) = catalog_and_store(&cli.tools, cli.data_dir)?;
            let today = chrono::Local::now().date_naive();
            let day = match date {
                Some(typed) => parse_date(&typed, today).map_err(|e| e.to_string())?,
                None => today,
            };
            let forloeb = find_forloeb(&store, &forloeb)?;
            let (sessions, unread) = store.sessions_of_day(&readable(&store), &forloeb.id, day);
            for problem in &unread {
                warn!("{problem}");
            }
            let text = note(&catalog, &forloeb.label, day, &sessions)
                .ok_or_else(|| {
                    texts::cli::no_sessions(&forloeb.label, &present::date_with_weekday(day))
                })?
                .text();
            let path = output.unwrap_or_else(|| {
                default_folder(&data_dir).join(export::note::file_name(&forloeb.id, day))
            });
            write_out(&path, &text, force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Print {
            tool,
            format,
            output,
            force,
        }) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            let today = chrono::Local::now().date_naive();
            // A tool as a blank form, or a text of the reading material.
            let document = match (catalog.find(&tool), content::find(&tool)) {
                (Some(entry), _) => export::blank_form(&entry.tool, &catalog, today),
                (None, Some((_, doc))) => export::reading(&doc),
                (None, None) => return Err(texts::cli::unknown_print(&tool)),
            };
            let text = document.render(format.into());
            write_out(&output.unwrap_or_else(|| PathBuf::from("-")), &text, force)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            if let Some(name) = &cli.tool
                && catalog.find(name).is_none()
            {
                return Err(texts::cli::unknown_tool(name));
            }
            // A forløb's label is checked before anything is shown: never a CPR number.
            let forloeb = match &cli.forloeb {
                Some(label) => Some(check_label(label).map_err(|e| match e {
                    LabelError::Empty => texts::ui::LABEL_EMPTY.to_string(),
                    LabelError::Cpr => texts::ui::LABEL_CPR.to_string(),
                })?),
                None => None,
            };
            let store = Store::open(&data_dir(cli.data_dir)?).map_err(|e| e.to_string())?;
            let start = vejen_frem::tui::Start {
                tool: cli.tool.as_deref(),
                forloeb: forloeb.as_deref(),
            };
            vejen_frem::tui::run(catalog, store, start).map_err(|e| match e {
                RunError::NoTerminal => texts::cli::NO_TERMINAL.to_string(),
                RunError::Terminal(e) => texts::cli::terminal_failed(&e),
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes a document to a file, or to standard output for `-`.
fn write_out(path: &std::path::Path, text: &str, force: bool) -> Result<(), String> {
    if path == std::path::Path::new("-") {
        use std::io::Write;
        return std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string());
    }
    write_document(path, text, force).map_err(|e| e.to_string())?;
    say!("{}", texts::cli::written(path));
    Ok(())
}

/// One line of `vejen-frem sessions`, and its JSON keys.
#[derive(serde::Serialize)]
struct SessionRow {
    id: String,
    forloeb: String,
    tool: String,
    status: String,
    label: String,
    updated: String,
    next_follow_up: Option<String>,
}

/// The sessions, a line each or as JSON, written through one buffer: 100,000 sessions are
/// one write, not one per line. Labels are made printable before (JSON escapes only some
/// control characters).
fn print_sessions(rows: &[SessionRow], json: bool) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = if json {
        serde_json::to_writer_pretty(&mut out, rows)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        rows.iter().try_for_each(|r| {
            writeln!(
                out,
                "{}  {:>2}  {:<7}  {:<16}  {:<16}  {}",
                r.id,
                r.tool,
                r.status,
                r.forloeb,
                r.label,
                r.next_follow_up.as_deref().unwrap_or("")
            )
        })
    };
    result.and_then(|()| out.flush())
}

/// The forløb a name given on the command line names: its label (in any case) or its id.
fn find_forloeb(store: &Store, name: &str) -> Result<Forloeb, String> {
    let name = name.trim();
    let mut found: Vec<Forloeb> = store
        .list_forloeb()
        .0
        .into_iter()
        .filter(|f| f.answers_to(name))
        .collect();
    match found.len() {
        0 => Err(texts::cli::unknown_forloeb(name)),
        1 => Ok(found.remove(0)),
        _ => {
            let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
            Err(texts::cli::ambiguous_forloeb(name, &ids))
        }
    }
}

/// The sessions that can be read, as listed (the damaged ones are left out).
fn readable(store: &Store) -> Vec<Summary> {
    store
        .list()
        .into_iter()
        .filter_map(|l| match l {
            Listed::Session(s) => Some(s),
            Listed::Damaged { .. } => None,
        })
        .collect()
}

/// Forløb labels by id.
fn forloeb_labels(store: &Store) -> std::collections::HashMap<String, String> {
    store
        .list_forloeb()
        .0
        .into_iter()
        .map(|f| (f.id, f.label))
        .collect()
}

/// The data folder: `--data-dir` / `VEJEN_FREM_DATA`, else the platform's.
fn data_dir(given: Option<PathBuf>) -> Result<PathBuf, String> {
    match given {
        Some(dir) => Ok(dir),
        None => default_data_dir().ok_or_else(|| texts::cli::NO_DATA_DIR.to_string()),
    }
}

/// The catalog, the data folder and its store, for the commands that read sessions.
fn catalog_and_store(
    tools: &Option<PathBuf>,
    given: Option<PathBuf>,
) -> Result<(Catalog, PathBuf, Store), String> {
    let catalog = load_catalog(tools.as_deref())?;
    let dir = data_dir(given)?;
    let store = Store::open(&dir).map_err(|e| e.to_string())?;
    Ok((catalog, dir, store))
}

/// The catalog for running: built-in tools plus `--tools`. A broken definition stops the
/// program with the checker's report rather than running with a tool silently missing.
fn load_catalog(tools_dir: Option<&std::path::Path>) -> Result<Catalog, String> {
    let extra = match tools_dir {
        Some(dir) => {
            read_sources(&[dir.to_path_buf()]).map_err(|(p, e)| texts::cli::unreadable(&p, &e))?
        }
        None => Vec::new(),
    };
    let (catalog, mut problems) = Catalog::load(&builtin_sources(), &extra);
    // The portal's data are built in: only a broken build can fail here.
    problems.extend(Portal::builtin().err().unwrap_or_default());
    if problems.is_empty() {
        Ok(catalog)
    } else {
        let report: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Err(format!(
            "{}\n{}",
            texts::cli::BROKEN_DEFINITIONS,
            report.join("\n")
        ))
    }
}

/// Checks definitions and the portal's data. Without paths: the built-in ones (and
/// `--tools`). Given files or folders are checked among the built-in tools, so their links
/// to those resolve: a definition replaces the built-in tool with its id, and the portal's
/// files (`portal.ron`, `kroppen.ron`, `quiz.ron`) the built-in ones, checked against the
/// material built into the program.
fn check(paths: &[PathBuf], tools_dir: Option<&std::path::Path>) -> Result<ExitCode, String> {
    let read =
        |paths: &[PathBuf]| read_sources(paths).map_err(|(p, e)| texts::cli::unreadable(&p, &e));
    let mut portal = portal::Sources::builtin();
    let builtin = builtin_sources();
    // The definitions to check, and how many of the portal's files (all of them when no
    // paths are given).
    let (given, content) = if paths.is_empty() {
        let extra = match tools_dir {
            Some(dir) => read(&[dir.to_path_buf()])?,
            None => Vec::new(),
        };
        (extra, portal::FILES)
    } else {
        let mut definitions = Vec::new();
        let mut content = 0;
        for source in read(paths)? {
            if portal.replace(source.clone()) {
                content += 1;
            } else {
                definitions.push(source);
            }
        }
        (definitions, content)
    };
    let (catalog, mut problems) = Catalog::load(&builtin, &given);
    let mut files = given.len() + content;
    if paths.is_empty() {
        files += builtin.len();
    }
    if content > 0 {
        let all: Vec<_> = builtin.iter().chain(&given).cloned().collect();
        problems.extend(portal::check::check(&portal, &catalog, &all));
    }
    for problem in &problems {
        say!("{problem}");
    }
    if problems.is_empty() {
        say!("{}", texts::check::summary(0, files));
        Ok(ExitCode::SUCCESS)
    } else {
        warn!("{}", texts::check::summary(problems.len(), files));
        Ok(ExitCode::FAILURE)
    }
}
