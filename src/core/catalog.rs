//! The set of tools the program offers: the definitions built into the binary, with any
//! from the user's `--tools` folder added or put in place of a built-in one with the same id.

use chrono::{DateTime, FixedOffset};

use super::check::{Problem, Source, check_names};
use super::definition::Tool;
use super::migrate::{self, Report};
use super::session::Session;

include!(concat!(env!("OUT_DIR"), "/embedded_tools.rs"));

/// The walk through the information material's reflection questions: a definition like
/// the tools', kept with the material it belongs to.
const REFLECTIONS: (&str, &str) = (
    "content/overvejelser.ron",
    include_str!("../../content/overvejelser.ron"),
);

/// The definitions compiled into the program, as sources named `tools/<file>.ron` (and
/// the reflection walk's `content/overvejelser.ron`).
pub fn builtin_sources() -> Vec<Source> {
    EMBEDDED_TOOLS
        .iter()
        .chain([&REFLECTIONS])
        .map(|(name, text)| Source::new(*name, *text))
        .collect()
}

/// One tool and where it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    pub tool: Tool,
    pub source: String,
    /// Fingerprint of the definition text, recorded in sessions so a later change of the
    /// definition can be noticed.
    pub hash: String,
}

impl Entry {
    /// A new, empty session of this tool, answered against this definition.
    pub fn new_session(&self, id: String, now: DateTime<FixedOffset>) -> Session {
        Session::new(id, &self.tool.id, self.tool.version, &self.hash, now)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Sorted by the report's number; walks without one last.
    pub entries: Vec<Entry>,
}

/// FNV-1a: a small, stable fingerprint; it only has to tell two versions of a text apart.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

fn parse_each<'a>(sources: &'a [Source], problems: &mut Vec<Problem>) -> Vec<(Tool, &'a Source)> {
    let mut tools = Vec::new();
    for src in sources {
        match src.parse() {
            Ok(tool) => tools.push((tool, src)),
            Err(mut p) => problems.append(&mut p),
        }
    }
    tools
}

impl Catalog {
    /// Parses and checks `builtin` and `extra`; a tool in `extra` replaces the built-in one
    /// with the same id. Tools with problems are left out and their problems returned.
    pub fn load(builtin: &[Source], extra: &[Source]) -> (Catalog, Vec<Problem>) {
        let mut problems = Vec::new();
        let extra = parse_each(extra, &mut problems);
        let mut tools: Vec<(Tool, &Source)> = parse_each(builtin, &mut problems)
            .into_iter()
            .filter(|(b, _)| !extra.iter().any(|(e, _)| e.id == b.id))
            .collect();
        tools.extend(extra);

        let (mut clashes, keep) = check_names(&tools);
        problems.append(&mut clashes);
        let mut entries: Vec<Entry> = tools
            .into_iter()
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .map(|((tool, src), _)| Entry {
                tool,
                source: src.name.clone(),
                hash: fingerprint(&src.text),
            })
            .collect();
        // The redskaber in the report's order, then the walks that are none.
        entries.sort_by_key(|e| (e.tool.number.is_none(), e.tool.number));
        (Catalog { entries }, problems)
    }

    pub fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.tool.answers_to(name))
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.tool.id == id)
    }

    /// Brings a session answered against an earlier definition of its tool to the one here,
    /// in memory (see [`migrate::migrate`]). `None` when it was answered against this very
    /// definition, its tool is not here, or it is of a newer version than this one.
    pub fn migrate(&self, session: &mut Session) -> Option<Report> {
        let entry = self.get(&session.tool)?;
        if session.tool_hash == entry.hash || session.tool_version > entry.tool.version {
            return None;
        }
        let report = migrate::migrate(&entry.tool, session);
        session.tool_hash = entry.hash.clone();
        Some(report)
    }
}
