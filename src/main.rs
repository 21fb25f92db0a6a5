//! `vejen-frem`: the command line. It parses the arguments and hands over to the core, the
//! store or the terminal front end.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::store::definitions::read_sources;
use vejen_frem::store::sessions::{Store, default_data_dir};
use vejen_frem::texts;

#[derive(Parser)]
#[command(name = "vejen-frem", version, about = texts::cli::ABOUT, long_about = None)]
struct Cli {
    #[arg(long, value_name = "MAPPE", global = true, help = texts::cli::TOOLS_DIR)]
    tools: Option<PathBuf>,

    #[arg(long, value_name = "MAPPE", env = "VEJEN_FREM_DATA", global = true, help = texts::cli::DATA_DIR)]
    data_dir: Option<PathBuf>,

    #[arg(value_name = "REDSKAB", help = texts::cli::TOOL)]
    tool: Option<String>,

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("vejen-frem: {message}");
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
                println!(
                    "{:>2}  {:<22} {}  ({})",
                    t.number,
                    t.id,
                    t.title,
                    audience.join(", ")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let catalog = load_catalog(cli.tools.as_deref())?;
            if let Some(name) = &cli.tool
                && catalog.find(name).is_none()
            {
                return Err(texts::cli::unknown_tool(name));
            }
            let dir = match cli.data_dir {
                Some(dir) => dir,
                None => default_data_dir().ok_or(texts::cli::NO_DATA_DIR)?,
            };
            let store = Store::open(&dir).map_err(|e| e.to_string())?;
            vejen_frem::tui::run(catalog, store, cli.tool.as_deref())
                .map_err(|e| texts::cli::terminal_failed(&e))?;
            Ok(ExitCode::SUCCESS)
        }
    }
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
    let (catalog, problems) = Catalog::load(&builtin_sources(), &extra);
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

fn check(paths: &[PathBuf], tools_dir: Option<&std::path::Path>) -> Result<ExitCode, String> {
    let (builtin, extra) = if paths.is_empty() {
        let extra = match tools_dir {
            Some(dir) => read_sources(&[dir.to_path_buf()])
                .map_err(|(p, e)| texts::cli::unreadable(&p, &e))?,
            None => Vec::new(),
        };
        (builtin_sources(), extra)
    } else {
        let given = read_sources(paths).map_err(|(p, e)| texts::cli::unreadable(&p, &e))?;
        (Vec::new(), given)
    };
    let files = builtin.len() + extra.len();
    let (_, problems) = Catalog::load(&builtin, &extra);
    for problem in &problems {
        println!("{problem}");
    }
    if problems.is_empty() {
        println!("{}", texts::check::summary(0, files));
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{}", texts::check::summary(problems.len(), files));
        Ok(ExitCode::FAILURE)
    }
}
