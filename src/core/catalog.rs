//! The set of tools the program offers: the definitions built into the binary, with any
//! from the user's `--tools` folder added or put in place of a built-in one with the same id.

use chrono::{DateTime, FixedOffset};

use super::check::{Problem, Source, check_names};
use super::definition::Tool;
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

/// How a definition changed after a session was started against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    /// The definition's version then and now.
    pub was: u32,
    pub now: u32,
    /// Answers to questions the definition no longer asks: kept, not shown.
    pub hidden: usize,
}

impl Entry {
    /// A new, empty session of this tool, answered against this definition.
    pub fn new_session(&self, id: String, now: DateTime<FixedOffset>) -> Session {
        Session::new(id, &self.tool.id, self.tool.version, &self.hash, now)
    }

    /// Whether the definition changed after the session was started against it, and how.
    pub fn changed_since(&self, session: &Session) -> Option<Changed> {
        (session.tool_hash != self.hash).then(|| Changed {
            was: session.tool_version,
            now: self.tool.version,
            hidden: session
                .answers
                .keys()
                .filter(|id| self.tool.field(id).is_none())
                .count(),
        })
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Answer;

    #[test]
    fn a_session_says_whether_its_definition_changed_since_and_what_is_hidden() {
        let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
        assert!(problems.is_empty());
        let Some(entry) = catalog.find("10") else {
            panic!("no screening")
        };
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
        let mut session = entry.new_session("s".into(), now);
        assert_eq!(entry.changed_since(&session), None);
        session.tool_hash = "older".into();
        session.tool_version = 1;
        session
            .answers
            .insert("gone".into(), Answer::Text("kept".into()));
        session
            .answers
            .insert("negative-forventninger".into(), Answer::Choice("ja".into()));
        assert_eq!(
            entry.changed_since(&session),
            Some(Changed {
                was: 1,
                now: entry.tool.version,
                hidden: 1
            })
        );
    }
}
