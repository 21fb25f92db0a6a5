//! `vejen-frem`: the command line. It parses the arguments and hands over to the core, the
//! store or the terminal front end.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use std::path::Path;
use vejen_frem::core::catalog::{Catalog, Entry, builtin_sources};
use vejen_frem::core::content;
use vejen_frem::core::followup;
use vejen_frem::core::forloeb::{Forloeb, LabelError, check_label};
use vejen_frem::core::input::parse_date;
use vejen_frem::core::portal::{self, Portal};
use vejen_frem::core::privacy;
use vejen_frem::export::note::note;
use vejen_frem::export::{self, Format, Output, Recipient};
use vejen_frem::present;
use vejen_frem::store::definitions::read_sources;
use vejen_frem::store::exports::{default_folder, write_document};

use chrono::Local;
use vejen_frem::core::retention::Period;
use vejen_frem::store::convert::{self, Converted};
use vejen_frem::store::delete::Removed;
use vejen_frem::store::sessions::{Listed, Opening, Store, StoreError, Summary, default_data_dir};
use vejen_frem::store::settings::{Settings, Theme, read_passphrase_file};
use vejen_frem::store::share::{self, Seal, Unseal};

use age::secrecy::SecretString;
use vejen_frem::texts::{self, Language};
use vejen_frem::tui::RunError;

#[derive(Parser)]
#[command(name = "vejen-frem", version, about = texts::cli::ABOUT.as_str(), long_about = None)]
struct Cli {
    // Read before the command line is parsed (`Language::chosen`); here for the help and
    // for refusing another language.
    #[arg(long, value_name = texts::cli::LANG_NAME.as_str(), global = true, value_parser = ["da", "en"], help = texts::cli::LANG.as_str())]
    lang: Option<String>,

    #[arg(long, value_name = texts::cli::DIR.as_str(), global = true, help = texts::cli::TOOLS_DIR.as_str())]
    tools: Option<PathBuf>,

    #[arg(long, value_name = texts::cli::DIR.as_str(), env = "VEJEN_FREM_DATA", global = true, help = texts::cli::DATA_DIR.as_str())]
    data_dir: Option<PathBuf>,

    #[arg(long, value_name = texts::cli::FILE.as_str(), global = true, help = texts::cli::PASSPHRASE_FILE.as_str())]
    passphrase_file: Option<PathBuf>,

    #[arg(long, value_name = texts::cli::MINUTES_NAME.as_str(), help = texts::cli::LOCK_AFTER.as_str())]
    lock_after: Option<f64>,

    #[arg(long, value_name = texts::cli::FILE.as_str(), env = "VEJEN_FREM_CONFIG", global = true, help = texts::cli::CONFIG.as_str())]
    config: Option<PathBuf>,

    #[arg(value_name = texts::cli::TOOL_NAME.as_str(), help = texts::cli::TOOL.as_str())]
    tool: Option<String>,

    #[arg(short = 'f', long = "forloeb", value_name = texts::cli::FORLOEB_NAME.as_str(), help = texts::cli::FORLOEB.as_str())]
    forloeb: Option<String>,

    #[arg(long, help = texts::cli::PLAIN.as_str())]
    plain: bool,

    #[arg(long, value_enum, env = "VEJEN_FREM_THEME", value_name = texts::cli::THEME_NAME.as_str(), help = texts::cli::THEME.as_str())]
    theme: Option<ThemeArg>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = texts::cli::CHECK.as_str())]
    Check {
        #[arg(value_name = texts::cli::PATHS_NAME.as_str(), help = texts::cli::CHECK_PATHS.as_str())]
        paths: Vec<PathBuf>,
    },
    #[command(about = texts::cli::LIST.as_str())]
    List,
    #[command(about = texts::cli::SESSIONS.as_str())]
    Sessions {
        #[arg(long, help = texts::cli::JSON.as_str())]
        json: bool,
    },
    #[command(about = texts::cli::FOLLOWUPS.as_str())]
    Followups,
    #[command(about = texts::cli::EXPORT.as_str())]
    Export {
        #[arg(value_name = texts::cli::SESSION_NAME.as_str(), help = texts::cli::EXPORT_SESSION.as_str())]
        session: String,
        #[arg(long, value_enum, help = texts::cli::FORMAT.as_str())]
        format: FormatArg,
        #[arg(long = "for", value_enum, value_name = texts::cli::RECIPIENT_NAME.as_str(), help = texts::cli::FOR.as_str())]
        recipient: Option<RecipientArg>,
        #[arg(short, long, value_name = texts::cli::FILE.as_str(), help = texts::cli::OUTPUT.as_str())]
        output: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE.as_str())]
        force: bool,
    },
    #[command(about = texts::cli::NOTE.as_str())]
    Note {
        #[arg(value_name = texts::cli::FORLOEB_NAME.as_str(), help = texts::cli::NOTE_FORLOEB.as_str())]
        forloeb: String,
        #[arg(long, value_name = texts::cli::DATE_NAME.as_str(), help = texts::cli::NOTE_DATE.as_str())]
        date: Option<String>,
        #[arg(short, long, value_name = texts::cli::FILE.as_str(), help = texts::cli::NOTE_OUTPUT.as_str())]
        output: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE.as_str())]
        force: bool,
    },
    #[command(about = texts::cli::SHARE.as_str())]
    Share {
        #[arg(value_name = texts::cli::SESSION_NAME.as_str(), help = texts::cli::EXPORT_SESSION.as_str())]
        session: String,
        #[arg(short, long, value_name = texts::cli::FILE.as_str(), help = texts::cli::SHARE_OUTPUT.as_str())]
        output: PathBuf,
        #[arg(long, value_name = "age1…", help = texts::cli::SHARE_TO.as_str())]
        to: Option<String>,
        #[arg(long, value_name = texts::cli::NAME_NAME.as_str(), help = texts::cli::SHARE_FROM.as_str())]
        from: Option<String>,
        #[arg(long, help = texts::cli::WITH_PRIVATE.as_str())]
        with_private: bool,
        #[arg(long, value_name = texts::cli::FILE.as_str(), help = texts::cli::SHARE_PASSPHRASE_FILE.as_str())]
        share_passphrase_file: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE.as_str())]
        force: bool,
    },
    #[command(about = texts::cli::IMPORT.as_str())]
    Import {
        #[arg(value_name = texts::cli::FILE.as_str(), help = texts::cli::IMPORT_FILE.as_str())]
        file: PathBuf,
        #[arg(short = 'f', long = "forloeb", value_name = texts::cli::FORLOEB_NAME.as_str(), help = texts::cli::IMPORT_FORLOEB.as_str())]
        forloeb: Option<String>,
        #[arg(long, value_name = texts::cli::FILE.as_str(), help = texts::cli::IMPORT_KEY.as_str())]
        key: Option<PathBuf>,
        #[arg(long, value_name = texts::cli::FILE.as_str(), help = texts::cli::SHARE_PASSPHRASE_FILE.as_str())]
        share_passphrase_file: Option<PathBuf>,
    },
    #[command(about = texts::cli::SHARE_KEY.as_str())]
    ShareKey {
        #[arg(value_name = texts::cli::FILE.as_str(), help = texts::cli::SHARE_KEY_FILE.as_str())]
        file: PathBuf,
    },
    #[command(about = texts::cli::ENCRYPT.as_str())]
    Encrypt,
    #[command(about = texts::cli::DECRYPT.as_str())]
    Decrypt,
    #[command(about = texts::cli::CHANGE_PASSPHRASE.as_str())]
    ChangePassphrase {
        #[arg(long, value_name = texts::cli::FILE.as_str(), help = texts::cli::NEW_PASSPHRASE_FILE.as_str())]
        new_passphrase_file: Option<PathBuf>,
    },
    #[command(about = texts::cli::DELETE.as_str())]
    Delete {
        #[arg(value_name = texts::cli::DELETE_NAME.as_str(), help = texts::cli::DELETE_WHAT.as_str())]
        what: String,
        #[arg(long, help = texts::cli::YES.as_str())]
        yes: bool,
    },
    #[command(about = texts::cli::PURGE.as_str())]
    Purge {
        #[arg(long, value_name = texts::cli::PERIOD_NAME.as_str(), help = texts::cli::UNTOUCHED_FOR.as_str())]
        untouched_for: Option<String>,
        #[arg(long, help = texts::cli::DRY_RUN.as_str())]
        dry_run: bool,
    },
    #[command(about = texts::cli::MIGRATE.as_str())]
    Migrate {
        #[arg(long, help = texts::cli::MIGRATE_DRY_RUN.as_str())]
        dry_run: bool,
    },
    #[command(about = texts::cli::FHIR.as_str())]
    Fhir {
        #[command(subcommand)]
        what: FhirCommand,
    },
    #[command(about = texts::cli::PRINT.as_str())]
    Print {
        #[arg(value_name = texts::cli::TOOL_NAME.as_str(), help = texts::cli::PRINT_TOOL.as_str())]
        tool: String,
        #[arg(long, value_enum, help = texts::cli::FORMAT.as_str())]
        format: FormatArg,
        #[arg(short, long, value_name = texts::cli::FILE.as_str(), help = texts::cli::PRINT_OUTPUT.as_str())]
        output: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE.as_str())]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Html,
    Md,
    Txt,
    /// A FHIR R4 QuestionnaireResponse (JSON), for health systems.
    Fhir,
}

impl From<FormatArg> for Output {
    fn from(f: FormatArg) -> Output {
        match f {
            FormatArg::Html => Output::Document(Format::Html),
            FormatArg::Md => Output::Document(Format::Markdown),
            FormatArg::Txt => Output::Document(Format::Text),
            FormatArg::Fhir => Output::Fhir,
        }
    }
}

#[derive(Subcommand)]
enum FhirCommand {
    #[command(about = texts::cli::FHIR_QUESTIONNAIRE.as_str())]
    Questionnaire {
        #[arg(value_name = texts::cli::TOOL_NAME.as_str(), help = texts::cli::FHIR_TOOL.as_str())]
        tool: String,
        #[arg(short, long, value_name = texts::cli::FILE.as_str(), help = texts::cli::PRINT_OUTPUT.as_str())]
        output: Option<PathBuf>,
        #[arg(long, help = texts::cli::FORCE.as_str())]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Standard,
    #[value(alias = "hoej-kontrast", alias = "høj-kontrast")]
    HighContrast,
}

impl From<ThemeArg> for Theme {
    fn from(t: ThemeArg) -> Theme {
        match t {
            ThemeArg::Standard => Theme::Standard,
            ThemeArg::HighContrast => Theme::HighContrast,
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
        say_line(&vejen_frem::present::printable(&format!($($arg)*)))
    };
}

/// The same as `say!` for standard error.
macro_rules! warn {
    ($($arg:tt)*) => {
        eprintln!("{}", vejen_frem::present::printable(&format!($($arg)*)))
    };
}

/// One line to standard output. When its reader has gone (`vejen-frem check | head`) the
/// program ends quietly, as other command-line tools do, instead of panicking; any other
/// failure to write is said on standard error.
fn say_line(line: &str) {
    if let Err(e) = writeln!(std::io::stdout().lock(), "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        warn!("vejen-frem: {e}");
        std::process::exit(1);
    }
}

/// Output cut short by its reader is no failure.
fn unless_cut_short(written: std::io::Result<()>) -> Result<(), String> {
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let args_given = args.get(1..).unwrap_or_default();
    // The settings file, read once and before the command line is parsed, as `--lang`
    // is, for its language. A file that cannot be read is read again when a command
    // needs the settings, to say what is wrong in the language chosen.
    let settings = texts::option_value(args_given, "--config")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("VEJEN_FREM_CONFIG").map(PathBuf::from))
        .filter(|path| !path.as_os_str().is_empty())
        .or_else(vejen_frem::store::settings::default_path)
        .map_or(Ok(Settings::default()), |path| {
            vejen_frem::store::settings::load(&path)
        })
        .ok();
    let configured = settings.and_then(|s| s.language);
    let language = Language::chosen(args_given, |name| std::env::var(name).ok(), configured);
    texts::set_language(language);
    let parsed = command()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return command_line_error(&e),
    };
    match run(cli, settings) {
        Ok(code) => code,
        Err(message) => {
            warn!("vejen-frem: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The command line with clap's own English words ("Usage:", "Options:", "Print help" …)
/// replaced by the catalogue's, in the language chosen.
fn command() -> clap::Command {
    localized(Cli::command(), "")
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(texts::cli::VERSION.as_str()),
        )
}

/// `cmd` and its commands with the help flag, the help's headings and the usage line in
/// the catalogue's words; `parent` is the usage line's start before `cmd`'s name.
fn localized(cmd: clap::Command, parent: &str) -> clap::Command {
    use texts::cli as t;
    let path = format!("{parent}{} ", cmd.get_name());
    let has_commands = cmd.get_subcommands().next().is_some();
    let mut template = format!(
        "{{about-with-newline}}\n{}: {}\n",
        t::USAGE,
        usage(&cmd, &path)
    );
    if has_commands {
        template.push_str(&format!("\n{}:\n{{subcommands}}\n", t::COMMANDS));
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str(&format!("\n{}:\n{{positionals}}\n", t::ARGUMENTS));
    }
    template.push_str(&format!("\n{}:\n{{options}}{{after-help}}", t::OPTIONS));
    // clap says "[possible values: …]" and "[env: …]" in English: the help texts name them.
    cmd.mut_args(|arg| match arg.get_action().takes_values() {
        true => arg.hide_possible_values(true).hide_env(true),
        false => arg,
    })
    .disable_help_flag(true)
    .disable_help_subcommand(true)
    .arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t::HELP.as_str()),
    )
    .help_template(template)
    .mut_subcommands(|sub| localized(sub, &path))
}

/// "vejen-frem export [TILVALG] --format <FORMAT> <SESSION>": the options that must be
/// given, the arguments, and where a command goes.
fn usage(cmd: &clap::Command, path: &str) -> String {
    let mut parts = vec![
        path.trim_end().to_string(),
        texts::cli::OPTIONS_SLOT.to_string(),
    ];
    let name = |arg: &Arg| match arg.get_value_names().and_then(|names| names.first()) {
        Some(name) => name.to_string(),
        None => arg.get_id().as_str().to_uppercase(),
    };
    for arg in cmd.get_opts().filter(|a| a.is_required_set()) {
        if let Some(long) = arg.get_long() {
            parts.push(format!("--{long} <{}>", name(arg)));
        }
    }
    for arg in cmd.get_positionals() {
        let many = if matches!(arg.get_action(), ArgAction::Append) {
            "..."
        } else {
            ""
        };
        parts.push(match arg.is_required_set() {
            true => format!("<{}>{many}", name(arg)),
            false => format!("[{}]{many}", name(arg)),
        });
    }
    if cmd.get_subcommands().next().is_some() {
        parts.push(match cmd.is_subcommand_required_set() {
            true => format!("<{}>", texts::cli::COMMAND_NAME),
            false => format!("[{}]", texts::cli::COMMAND_NAME),
        });
    }
    parts.join(" ")
}

/// Help and version as clap writes them; any other error in the catalogue's words, as
/// far as it has words for it, with where to read more.
fn command_line_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        // `vejen-frem fhir` without its command: the help, which names them.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let strings = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let one = |kind: ContextKind| strings(kind).join(", ");
    let message = match e.kind() {
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand => {
            texts::cli::unknown_argument(&one(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue
            if e.get(ContextKind::InvalidValue)
                .is_some_and(|v| v.to_string().is_empty()) =>
        {
            texts::cli::value_needed(&one(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue => texts::cli::invalid_value(
            &one(ContextKind::InvalidValue),
            &one(ContextKind::InvalidArg),
            &strings(ContextKind::ValidValue),
        ),
        ErrorKind::MissingRequiredArgument => {
            texts::cli::missing_argument(&strings(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => texts::cli::twice(&one(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand => {
            texts::cli::missing_argument(&strings(ContextKind::ValidSubcommand))
        }
        _ => texts::cli::COMMAND_LINE.to_string(),
    };
    warn!("vejen-frem: {message}. {}", texts::cli::SEE_HELP);
    // clap's own code for a command line it cannot use.
    ExitCode::from(2)
}

/// `settings`: the settings file as read at start, when it could be read.
fn run(cli: Cli, settings: Option<Settings>) -> Result<ExitCode, String> {
    let settings = || settings.map_or_else(|| load_settings(cli.config.clone()), Ok);
    match cli.command {
        Some(Command::Check { paths }) => check(&paths, cli.tools.as_deref()),
        Some(Command::List) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            for entry in &catalog.entries {
                let t = &entry.tool;
                let audience: Vec<&str> = t
                    .audience
                    .iter()
                    .map(|a| texts::audience(*a).as_str())
                    .collect();
                let rest = format!("{:<22} {}  ({})", t.id, t.title, audience.join(", "));
                say!("{}", texts::ui::tool_row(t.number, "  ", &rest));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Sessions { json }) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            let store = open_store(&data_dir(cli.data_dir)?, cli.passphrase_file.as_deref())?;
            let labels = forloeb_labels(&store);
            // JSON is data for other programs: the same words whatever the language shown.
            let status_language = if json {
                Language::Danish
            } else {
                texts::language()
            };
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
                    status: texts::status(s.status).get(status_language).to_string(),
                    updated: s.updated.to_rfc3339(),
                    next_follow_up: s
                        .follow_up
                        .map(|d| d.format(texts::words::DATE).to_string()),
                    label: present::one_line(&s.label),
                    id: s.id,
                })
                .collect();
            unless_cut_short(print_sessions(&rows, json))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Followups) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            let store = open_store(&data_dir(cli.data_dir)?, cli.passphrase_file.as_deref())?;
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
            let (catalog, data_dir, store) = catalog_and_store(
                cli.tools.as_deref(),
                cli.data_dir,
                cli.passphrase_file.as_deref(),
            )?;
            let (session, entry) = named_session(&catalog, &store, &session)?;
            let today = chrono::Local::now().date_naive();
            // By default the first the tool's answers can go to: the person, or the workplace.
            let recipient = match recipient {
                Some(given) => Recipient::from(given),
                None => Recipient::for_tool(entry.tool.about)
                    .first()
                    .copied()
                    .unwrap_or(Recipient::Employee),
            };
            let format = Output::from(format);
            // What of health reaches the employer is said before the document is written.
            if recipient == Recipient::Employer {
                for (field, words) in export::health_mentions(&entry.tool, &session) {
                    warn!("{}", texts::cli::health_mention(&field, &words));
                }
            }
            let text = export::export(&entry.tool, &session, recipient, today, format);
            // An encrypted folder holds no plain document: the user says where it goes.
            let path = match output {
                Some(path) => path,
                None if store.is_encrypted() => return Err(texts::cli::EXPORT_WHERE.to_string()),
                None => {
                    default_folder(&data_dir).join(export::file_name(&session, recipient, format))
                }
            };
            if store.is_encrypted() && path != Path::new("-") {
                warn!("{}", texts::cli::LEAVES_THE_STORE);
            }
            write_out(&path, &text, force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Note {
            forloeb,
            date,
            output,
            force,
        }) => {
            let (catalog, data_dir, store) = catalog_and_store(
                cli.tools.as_deref(),
                cli.data_dir,
                cli.passphrase_file.as_deref(),
            )?;
            let today = chrono::Local::now().date_naive();
            let day = match date {
                Some(typed) => parse_date(&typed, today).map_err(|e| e.to_string())?,
                None => today,
            };
            let forloeb = find_forloeb(&store, &forloeb)?;
            let (mut sessions, unread) = store.sessions_of_day(&readable(&store), &forloeb.id, day);
            for session in &mut sessions {
                catalog.migrate(session);
            }
            for problem in &unread {
                warn!("{problem}");
            }
            let text = note(&catalog, &forloeb.label, day, &sessions)
                .ok_or_else(|| {
                    texts::cli::no_sessions(&forloeb.label, &present::date_with_weekday(day))
                })?
                .text();
            let path = match output {
                Some(path) => path,
                None if store.is_encrypted() => return Err(texts::cli::EXPORT_WHERE.to_string()),
                None => default_folder(&data_dir).join(export::note::file_name(&forloeb.id, day)),
            };
            if store.is_encrypted() && path != Path::new("-") {
                warn!("{}", texts::cli::LEAVES_THE_STORE);
            }
            write_out(&path, &text, force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Encrypt) => {
            let dir = data_dir(cli.data_dir)?;
            // A second run finishes the first with its key, so its passphrase is asked once.
            let passphrase = if convert::has_key(&dir) {
                passphrase(cli.passphrase_file.as_deref(), &texts::cli::ASK_PASSPHRASE)?
            } else {
                new_passphrase(
                    cli.passphrase_file.as_deref(),
                    &texts::cli::NEW_PASSPHRASE_INTRO,
                )?
            };
            let Some(done) = unless_done(convert::encrypt(&dir, &passphrase))? else {
                return Ok(ExitCode::SUCCESS);
            };
            say!("{}", texts::cli::encrypted(&dir, done.files));
            if done.plain_exports > 0 {
                warn!(
                    "{}",
                    texts::cli::plain_exports(&default_folder(&dir), done.plain_exports)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Decrypt) => {
            let dir = data_dir(cli.data_dir)?;
            let passphrase =
                passphrase(cli.passphrase_file.as_deref(), &texts::cli::ASK_PASSPHRASE)?;
            let Some(done) = unless_done(convert::decrypt(&dir, &passphrase))? else {
                return Ok(ExitCode::SUCCESS);
            };
            say!("{}", texts::cli::decrypted(&dir, done.files));
            for file in &done.damaged {
                warn!("{}", texts::cli::not_decrypted(file));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Share {
            session,
            output,
            to,
            from,
            with_private,
            share_passphrase_file,
            force,
        }) => {
            let (catalog, _, store) = catalog_and_store(
                cli.tools.as_deref(),
                cli.data_dir,
                cli.passphrase_file.as_deref(),
            )?;
            let (session, entry) = named_session(&catalog, &store, &session)?;
            let from = sender(from)?;
            let seal = match &to {
                Some(key) => Seal::Key(share::recipient(key).map_err(|e| e.to_string())?),
                None => Seal::Passphrase(new_share_passphrase(share_passphrase_file.as_deref())?),
            };
            let sharing = share::Sharing {
                from,
                seal,
                with_private,
            };
            let now = Local::now().fixed_offset();
            let shared = share::share_session(&entry.tool, &session, &sharing, &output, force, now)
                .map_err(|e| e.to_string())?;
            say!("{}", texts::cli::shared(&output, to.is_some()));
            let names = |ids: &[String]| texts::share::field_names(&entry.tool, ids);
            say!("{}", texts::cli::left_out(&names(&shared.left_out)));
            if !shared.private_shared.is_empty() {
                warn!(
                    "{}",
                    texts::cli::with_private(&names(&shared.private_shared))
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import {
            file,
            forloeb,
            key,
            share_passphrase_file,
        }) => {
            let (catalog, _, store) = catalog_and_store(
                cli.tools.as_deref(),
                cli.data_dir,
                cli.passphrase_file.as_deref(),
            )?;
            // The forløb is found before the passphrase is asked for.
            let forloeb = match &forloeb {
                Some(name) => Some(find_forloeb(&store, name)?),
                None => None,
            };
            let unseal = match share::peek(&file).map_err(|e| e.to_string())? {
                share::Locked::Key => {
                    let key = key.ok_or_else(|| texts::cli::IMPORT_NEEDS_KEY.to_string())?;
                    Unseal::Identity(share::identity(&key).map_err(|e| e.to_string())?)
                }
                share::Locked::Passphrase => Unseal::Passphrase(
                    passphrase(
                        share_passphrase_file.as_deref(),
                        &texts::cli::ASK_SHARE_PASSPHRASE,
                    )?
                    .into(),
                ),
            };
            let shared = share::read_share(&file, &unseal).map_err(|e| e.to_string())?;
            let tool = catalog.get(&shared.tool).map(|e| &e.tool);
            let into = forloeb.as_ref().map_or("", |f| f.id.as_str());
            let session = store
                .import(shared, tool, into, Local::now().fixed_offset())
                .map_err(|e| e.to_string())?;
            let tool = catalog
                .get(&session.tool)
                .map_or(session.tool.clone(), |e| {
                    texts::ui::tool_heading(e.tool.number, &e.tool.title)
                });
            let label = forloeb.as_ref().map_or("", |f| f.label.as_str());
            say!("{}", texts::cli::imported(&session.id, &tool, label));
            if let Some(imported) = &session.imported {
                say!("{}", texts::share::provenance(imported));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::ShareKey { file }) => {
            let public = share::new_key(&file).map_err(|e| e.to_string())?;
            say!("{}", texts::cli::new_key(&file, &public));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::ChangePassphrase {
            new_passphrase_file,
        }) => {
            let dir = data_dir(cli.data_dir)?;
            let old = passphrase(
                cli.passphrase_file.as_deref(),
                &texts::cli::ASK_OLD_PASSPHRASE,
            )?;
            // The old one is checked before a new one is asked for.
            convert::check_passphrase(&dir, &old).map_err(|e| e.to_string())?;
            let new = new_passphrase(
                new_passphrase_file.as_deref(),
                &texts::cli::NEW_PASSPHRASE_INTRO,
            )?;
            convert::change_passphrase(&dir, &old, &new).map_err(|e| e.to_string())?;
            say!("{}", texts::cli::PASSPHRASE_CHANGED);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Delete { what, yes }) => {
            let store = open_store(&data_dir(cli.data_dir)?, cli.passphrase_file.as_deref())?;
            let target = find_target(&store, &what)?;
            let name = match &target {
                Target::Session(session) => {
                    texts::cli::session_name(&session.id, &session.tool, &session.label)
                }
                Target::Forloeb(f) => {
                    let sessions = store.sessions_of(&f.id);
                    let exports: usize = sessions.iter().map(|s| store.exports_of(s).len()).sum();
                    texts::cli::forloeb_name(&f.label, sessions.len(), f.log.len(), exports)
                }
            };
            say!("{}", texts::cli::will_delete(&name));
            if !yes && !confirm()? {
                say!("{}", texts::cli::NOTHING_DELETED);
                return Ok(ExitCode::FAILURE);
            }
            let removed = match &target {
                Target::Session(session) => store.delete_session(&session.id),
                Target::Forloeb(f) => store.delete_forloeb(&f.id),
            }
            .map_err(|e| e.to_string())?;
            say_removed(&removed);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Purge {
            untouched_for,
            dry_run,
        }) => {
            let settings = settings()?;
            let period = match untouched_for {
                Some(text) => Period::parse(&text).map_err(|e| texts::store::bad_period(&e.0))?,
                None => settings.retention,
            };
            let store = open_store(&data_dir(cli.data_dir)?, cli.passphrase_file.as_deref())?;
            let listing = store.listing();
            let offer = listing.retention_offer(period.before(Local::now().fixed_offset()));
            if offer.is_empty() {
                say!("{}", texts::cli::NOTHING_TO_PURGE);
                return Ok(ExitCode::SUCCESS);
            }
            if dry_run {
                for line in listing.describe(&offer) {
                    say!("{}{line}", texts::cli::WOULD_GO);
                }
                return Ok(ExitCode::SUCCESS);
            }
            let mut failed = false;
            let results = offer
                .forloeb
                .iter()
                .map(|id| store.delete_forloeb(id))
                .chain(offer.sessions.iter().map(|id| store.delete_session(id)));
            for result in results {
                match result {
                    Ok(removed) => say_removed(&removed),
                    Err(e) => {
                        warn!("{e}");
                        failed = true;
                    }
                }
            }
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Migrate { dry_run }) => {
            let (catalog, _, store) = catalog_and_store(
                cli.tools.as_deref(),
                cli.data_dir,
                cli.passphrase_file.as_deref(),
            )?;
            migrate(&catalog, &store, dry_run)
        }
        Some(Command::Fhir {
            what:
                FhirCommand::Questionnaire {
                    tool,
                    output,
                    force,
                },
        }) => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            let entry = catalog
                .find(&tool)
                .ok_or_else(|| texts::cli::unknown_tool(&tool))?;
            let text = export::fhir::json(&export::fhir::questionnaire(&entry.tool));
            write_out(&output.unwrap_or_else(|| PathBuf::from("-")), &text, force)?;
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
            let format = match Output::from(format) {
                Output::Document(format) => format,
                Output::Fhir => return Err(texts::cli::PRINT_NO_FHIR.to_string()),
            };
            let text = document.render(format);
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
            let mut settings = settings()?;
            if let Some(minutes) = cli.lock_after {
                settings.lock_after = vejen_frem::store::settings::lock_after(minutes);
            }
            if let Some(theme) = cli.theme {
                settings.theme = theme.into();
            }
            let dir = data_dir(cli.data_dir)?;
            let opening = Store::locate(&dir).map_err(|e| e.to_string())?;
            // A passphrase file (scripts, tests) unlocks at once; else the screen asks.
            let opening = match (opening, &cli.passphrase_file) {
                (Opening::Encrypted(sealed), Some(file)) => {
                    let passphrase = read_passphrase_file(file)?;
                    Opening::Plain(sealed.unlock(&passphrase).map_err(|e| e.to_string())?)
                }
                (opening, _) => opening,
            };
            // Line by line when asked, or when the terminal cannot take the screen.
            if vejen_frem::plain::wanted(cli.plain) {
                let (tool, forloeb) = (cli.tool.as_deref(), forloeb.as_deref());
                vejen_frem::plain::run(&catalog, opening, tool, forloeb, settings.lock_after)?;
                return Ok(ExitCode::SUCCESS);
            }
            let start = vejen_frem::tui::Start {
                tool: cli.tool.as_deref(),
                forloeb: forloeb.as_deref(),
            };
            vejen_frem::tui::run(catalog, opening, start, settings).map_err(|e| match e {
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
        return unless_cut_short(std::io::stdout().write_all(text.as_bytes()));
    }
    write_document(path, text, force).map_err(|e| e.to_string())?;
    say!("{}", texts::cli::written(path));
    Ok(())
}

/// Opens the data folder, asking for the passphrase of an encrypted one (hidden, or from
/// `--passphrase-file`).
fn open_store(dir: &Path, passphrase_file: Option<&Path>) -> Result<Store, String> {
    match Store::locate(dir).map_err(|e| e.to_string())? {
        Opening::Plain(store) => Ok(store),
        Opening::Encrypted(sealed) => {
            let passphrase = passphrase(passphrase_file, &texts::cli::ASK_PASSPHRASE)?;
            sealed.unlock(&passphrase).map_err(|e| e.to_string())
        }
    }
}

/// The session a command names (its id, or the id's first characters) and its tool, its
/// answers brought to the tool's version in memory.
fn named_session<'c>(
    catalog: &'c Catalog,
    store: &Store,
    name: &str,
) -> Result<(vejen_frem::core::session::Session, &'c Entry), String> {
    let mut session = store.find(name).map_err(|e| e.to_string())?;
    // Answered against an earlier definition: read as this one asks (the file is kept).
    catalog.migrate(&mut session);
    let entry = catalog
        .get(&session.tool)
        .ok_or_else(|| texts::ui::unknown_tool(&session.tool))?;
    Ok((session, entry))
}

/// Brings every session answered against an earlier definition to its tool's version:
/// says what moved and what has no question any more, and (unless `dry_run`) saves it. A
/// session open in another window, or from a newer program, is left as it is, and said.
fn migrate(catalog: &Catalog, store: &Store, dry_run: bool) -> Result<ExitCode, String> {
    let mut count = 0;
    let mut failed = false;
    for summary in readable(store) {
        let Ok(mut session) = store.load(&summary.id) else {
            continue;
        };
        let Some(report) = catalog.migrate(&mut session) else {
            continue;
        };
        let tool = catalog.get(&session.tool).map(|e| &e.tool);
        let name = tool.map_or(session.tool.clone(), |t| {
            texts::ui::numbered(t.number, &t.title)
        });
        say!(
            "{}",
            texts::migrate::session(&session.id, &name, report.versions)
        );
        for line in tool
            .map(|t| texts::migrate::lines(t, &report))
            .unwrap_or_default()
        {
            say!("  {line}");
        }
        count += 1;
        if dry_run {
            continue;
        }
        // Saved under its lock, from the file as it is now.
        let saved = store.open_session(&session.id).and_then(|mut opened| {
            if let Some(reason) = &opened.read_only {
                return Ok(Some(reason.clone()));
            }
            catalog.migrate(&mut opened.session);
            store.save(&opened.session, &mut opened.lock)?;
            Ok(None)
        });
        match saved {
            Ok(None) => {}
            Ok(Some(why)) => {
                warn!("{}", texts::migrate::skipped(&session.id, &why));
                count -= 1;
            }
            // Open in another window: that window brings it along when it is changed.
            Err(e @ StoreError::Locked { .. }) => {
                warn!("{}", texts::migrate::skipped(&session.id, &e.to_string()));
                count -= 1;
            }
            Err(e) => {
                warn!("{}", texts::migrate::skipped(&session.id, &e.to_string()));
                count -= 1;
                failed = true;
            }
        }
    }
    match (count, dry_run) {
        (0, _) => say!("{}", texts::migrate::NOTHING),
        (n, true) => say!("{}", texts::migrate::would_save(n)),
        (n, false) => say!("{}", texts::migrate::saved(n)),
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Who shares: `--from`, or asked on the terminal; a name or initials, never a CPR number.
fn sender(given: Option<String>) -> Result<String, String> {
    let name = match given {
        Some(name) => name,
        None => ask_line(&texts::cli::ASK_SHARE_FROM, &texts::cli::SHARE_FROM_NEEDED)?,
    };
    check_label(&name).map_err(|e| match e {
        LabelError::Empty => texts::cli::SHARE_FROM_NEEDED.to_string(),
        LabelError::Cpr => texts::ui::LABEL_CPR.to_string(),
    })
}

/// A share file's passphrase: from the file, or typed twice without being shown; a weak
/// one is refused (the file travels by mail).
fn new_share_passphrase(file: Option<&Path>) -> Result<SecretString, String> {
    new_passphrase(file, &texts::cli::NEW_SHARE_PASSPHRASE_INTRO).map(SecretString::from)
}

/// A conversion's result; one run again after it was done (or stopped just at its end) has
/// nothing to do, says so and is no failure.
fn unless_done(result: Result<Converted, StoreError>) -> Result<Option<Converted>, String> {
    match result {
        Ok(done) => Ok(Some(done)),
        Err(e @ StoreError::AlreadyDone { .. }) => {
            say!("{e}");
            Ok(None)
        }
        Err(e) => Err(e.to_string()),
    }
}

/// A passphrase from the file, or typed without being shown.
fn passphrase(file: Option<&Path>, prompt: &str) -> Result<String, String> {
    match file {
        Some(file) => read_passphrase_file(file),
        None => rpassword::prompt_password(prompt).map_err(|e| texts::cli::no_passphrase(&e)),
    }
}

/// A new passphrase: from the file, or typed twice without being shown after `intro`; a
/// weak one is refused with why.
fn new_passphrase(file: Option<&Path>, intro: &str) -> Result<String, String> {
    let check = |passphrase: &str| {
        vejen_frem::core::passphrase::check(passphrase, &texts::cli::PASSPHRASE_HINTS)
            .map_err(|weak| texts::cli::weak(weak).to_string())
    };
    if let Some(file) = file {
        let passphrase = read_passphrase_file(file)?;
        check(&passphrase)?;
        return Ok(passphrase);
    }
    say!("{intro}");
    let first = passphrase(None, &texts::cli::ASK_NEW_PASSPHRASE)?;
    check(&first)?;
    let again = passphrase(None, &texts::cli::ASK_AGAIN)?;
    if again != first {
        return Err(texts::cli::NOT_THE_SAME.to_string());
    }
    Ok(first)
}

/// The settings file: `--config` / `VEJEN_FREM_CONFIG`, else the platform's.
fn load_settings(given: Option<PathBuf>) -> Result<Settings, String> {
    match given.or_else(vejen_frem::store::settings::default_path) {
        Some(path) => vejen_frem::store::settings::load(&path),
        None => Ok(Settings::default()),
    }
}

/// What `vejen-frem delete` was asked to delete.
enum Target {
    Session(Box<vejen_frem::core::session::Session>),
    Forloeb(vejen_frem::core::forloeb::Forloeb),
}

/// A session by its id (or the id's first characters), else a forløb by its id or label.
fn find_target(store: &Store, what: &str) -> Result<Target, String> {
    let (all, _) = store.list_forloeb();
    let mut forloeb: Vec<_> = all
        .into_iter()
        .filter(|f| f.id == what || f.label.to_lowercase() == what.trim().to_lowercase())
        .collect();
    match (store.find(what), forloeb.len()) {
        (Ok(session), 0) => Ok(Target::Session(Box::new(session))),
        (Err(_), 1) => forloeb
            .pop()
            .map(Target::Forloeb)
            .ok_or_else(|| texts::cli::nothing_named(what)),
        (Ok(_), _) | (Err(_), 2..) => Err(texts::cli::ambiguous_target(what)),
        (Err(e), _) => Err(e.to_string()),
    }
}

/// Asks on the terminal whether to go on: only "j" (ja) or "y" (yes) says yes, in either
/// language, as neither means no in the other. Without a terminal
/// there is no one to ask: `--yes` is needed.
fn confirm() -> Result<bool, String> {
    let answer = ask_line(&texts::cli::CONFIRM_DELETE, &texts::cli::CONFIRM_NEEDS_YES)?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    ))
}

/// A line typed on the terminal after `prompt`; without a terminal there is no one to ask,
/// and `no_terminal` says what to give on the command line instead.
fn ask_line(prompt: &str, no_terminal: &str) -> Result<String, String> {
    use std::io::{BufRead, IsTerminal};
    if !std::io::stdin().is_terminal() {
        return Err(no_terminal.to_string());
    }
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    Ok(line)
}

fn say_removed(removed: &Removed) {
    if let Some(forloeb) = &removed.forloeb {
        say!("{}", texts::cli::removed_forloeb(forloeb));
    }
    for id in &removed.sessions {
        say!("{}", texts::cli::removed_session(id));
    }
    for file in &removed.exports {
        say!("{}", texts::cli::removed_export(file));
    }
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
    tools: Option<&Path>,
    given: Option<PathBuf>,
    passphrase_file: Option<&Path>,
) -> Result<(Catalog, PathBuf, Store), String> {
    let catalog = load_catalog(tools)?;
    let dir = data_dir(given)?;
    let store = open_store(&dir, passphrase_file)?;
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
    // The list of health words is checked on its own (the built-in one too).
    let mut health_words = Vec::new();
    let (given, content) = if paths.is_empty() {
        let extra = match tools_dir {
            Some(dir) => read(&[dir.to_path_buf()])?,
            None => Vec::new(),
        };
        health_words.push(privacy::builtin_health_words());
        (extra, portal::FILES)
    } else {
        let mut definitions = Vec::new();
        let mut content = 0;
        for source in read(paths)? {
            if privacy::is_health_words(&source) {
                health_words.push(source);
            } else if portal.replace(source.clone()) {
                content += 1;
            } else {
                definitions.push(source);
            }
        }
        (definitions, content)
    };
    let (catalog, mut problems) = Catalog::load(&builtin, &given);
    let mut files = given.len() + content + health_words.len();
    if paths.is_empty() {
        files += builtin.len();
    }
    if content > 0 {
        let all: Vec<_> = builtin.iter().chain(&given).cloned().collect();
        problems.extend(portal::check::check(&portal, &catalog, &all));
    }
    problems.extend(health_words.iter().flat_map(privacy::check_health_words));
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
