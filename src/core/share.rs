//! Sharing a session with the other party (the employee's Redskab 1 brought to the manager,
//! the GP's plan to bring to the workplace): what a share file holds, what is left out of
//! it, and the new session it becomes where it is imported. Encrypting and writing the file
//! is the store's (`store/share.rs`); nothing here touches a file.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::definition::Tool;
use super::forloeb::{LabelError, check_label};
use super::session::{Imported, Position, SESSION_FORMAT, Session};

/// The version of what a share file holds (inside its encryption). A newer one is refused
/// with a message that says so.
pub const SHARE_FORMAT: u32 = 1;

/// What a share file holds: the session and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub format: u32,
    /// The program that wrote it, with its version ("vejen-frem 0.1.0").
    pub program: String,
    /// The tool's id, and the version and fingerprint of the definition the session was
    /// answered against.
    pub tool: String,
    pub tool_version: u32,
    pub tool_hash: String,
    /// Who shared it: a name or initials, never a CPR number.
    pub shared_by: String,
    pub shared_at: DateTime<FixedOffset>,
    /// The session's id where it was made.
    pub original: String,
    /// The fields (by id) whose answers were left out (private ones, unless the sharer
    /// chose to share them, and answers that no longer have a question).
    #[serde(default)]
    pub left_out: Vec<String>,
    pub session: Session,
}

/// Why a share file's content is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Written in a newer share format than this program reads.
    NewerShare(u32),
    /// The session inside is of a newer session format.
    NewerSession(u32),
    /// The tool is not among this program's tools.
    UnknownTool(String),
    /// Answered against a newer version of the tool than this program has.
    NewerTool {
        tool: String,
        theirs: u32,
        ours: u32,
    },
    /// The sender's name or the session's label holds a CPR number, or no sender is named.
    BadName,
    /// The session inside is not of the tool the file names.
    Mismatch,
}

/// The share of `session`: its answers, less the private fields' unless `with_private`,
/// and less what only means something in this folder (its forløb, the sessions its links
/// started, where the cursor was, what was carried into it).
pub fn prepare(
    tool: &Tool,
    session: &Session,
    shared_by: &str,
    now: DateTime<FixedOffset>,
    with_private: bool,
    program: &str,
) -> Share {
    let mut sent = session.clone();
    let left_out = if with_private {
        Vec::new()
    } else {
        held_back(tool, session)
    };
    for id in &left_out {
        sent.answers.remove(id);
        sent.comments.remove(id);
        sent.unparsed.retain(|k, _| k.field != *id);
    }
    sent.forloeb.clear();
    sent.links.clear();
    sent.carried.clear();
    sent.carried_from.clear();
    sent.position = Position::default();
    // Where it came from travels in the share, not inside the session.
    sent.imported = None;
    Share {
        format: SHARE_FORMAT,
        program: program.to_string(),
        tool: session.tool.clone(),
        tool_version: session.tool_version,
        tool_hash: session.tool_hash.clone(),
        shared_by: shared_by.to_string(),
        shared_at: now,
        original: session.id.clone(),
        left_out,
        session: sent,
    }
}

/// The fields (by id, each once) whose answers a share leaves out unless the private ones
/// are shared too: private ones, and answers whose question is gone (nobody can tell any
/// more whether they were private). Said before sharing, so the sharer knows what stays.
pub fn held_back(tool: &Tool, session: &Session) -> Vec<String> {
    let private = |id: &str| tool.field(id).is_none_or(|f| tool.is_private(f));
    let mut held: Vec<String> = Vec::new();
    let answered = session
        .answers
        .keys()
        .chain(session.comments.keys())
        .chain(session.unparsed.keys().map(|k| &k.field));
    for id in answered {
        if private(id) && !held.contains(id) {
            held.push(id.clone());
        }
    }
    held
}

/// The private fields (by id) answered in `session`, in the tool's order: what a share
/// with the private fields gives away.
pub fn private_answered(tool: &Tool, session: &Session) -> Vec<String> {
    tool.fields()
        .filter(|f| tool.is_private(f) && session.answers.contains_key(&f.id))
        .map(|f| f.id.clone())
        .collect()
}

/// The session a share becomes here: a new id (nothing here is ever overwritten), in the
/// forløb given (may be none), with where it came from. `tool` is this program's tool of
/// that id, if it has one.
pub fn receive(
    share: Share,
    tool: Option<&Tool>,
    id: String,
    forloeb: &str,
    now: DateTime<FixedOffset>,
) -> Result<Session, Refusal> {
    if share.format > SHARE_FORMAT {
        return Err(Refusal::NewerShare(share.format));
    }
    if share.session.format > SESSION_FORMAT {
        return Err(Refusal::NewerSession(share.session.format));
    }
    if share.session.tool != share.tool || share.session.tool_version != share.tool_version {
        return Err(Refusal::Mismatch);
    }
    let Some(tool) = tool.filter(|t| t.id == share.tool) else {
        return Err(Refusal::UnknownTool(share.tool));
    };
    if share.tool_version > tool.version {
        return Err(Refusal::NewerTool {
            tool: share.tool,
            theirs: share.tool_version,
            ours: tool.version,
        });
    }
    let from = check_label(&share.shared_by).map_err(|_| Refusal::BadName)?;
    let label = &share.session.label;
    if matches!(check_label(label), Err(LabelError::Cpr)) {
        return Err(Refusal::BadName);
    }
    let mut session = share.session;
    session.format = SESSION_FORMAT;
    session.id = id;
    session.forloeb = forloeb.to_string();
    session.links.clear();
    session.carried.clear();
    session.carried_from.clear();
    session.position = Position::default();
    session.imported = Some(Imported {
        from,
        shared: share.shared_at,
        original: share.original,
        at: now,
        left_out: share.left_out,
    });
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::Source;
    use crate::core::session::{Answer, UnparsedAt, UnparsedPart};

    fn tool(version: u32) -> Tool {
        let text = format!(
            "(format: 1, id: \"t\", number: 1, version: {version}, title: \"T\", audience: [Laege], steps: [
                (id: \"s\", title: \"S\", fields: [
                    (id: \"delt\", label: \"Delt\", kind: Text),
                    (id: \"dato\", label: \"Dato\", kind: Date),
                    (id: \"noter\", label: \"Noter\", private: true, comment: \"Kommentar\", kind: Text),
                ]),
            ])"
        );
        Source::new("t.ron", text).parse().unwrap()
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap()
    }

    fn answered() -> Session {
        let mut session = Session::new("her-1".into(), "t", 1, "abc", now());
        session.forloeb = "f1".into();
        session.label = "KH".into();
        session.links.insert("x".into(), "her-2".into());
        session
            .answers
            .insert("delt".into(), Answer::Text("Gulvvask".into()));
        session
            .answers
            .insert("noter".into(), Answer::Text("Prolaps".into()));
        session.comments.insert("noter".into(), "Henvist".into());
        session
            .answers
            .insert("gammel".into(), Answer::Text("?".into()));
        session.unparsed.insert(
            UnparsedAt {
                field: "dato".into(),
                part: UnparsedPart::Value,
            },
            "31-02".into(),
        );
        session
    }

    #[test]
    fn private_answers_and_local_links_stay_home_unless_asked() {
        let share = prepare(&tool(1), &answered(), "AMR Karin", now(), false, "vf");
        assert_eq!(share.left_out, ["gammel", "noter"]);
        assert_eq!(share.session.answers.len(), 1);
        assert!(share.session.comments.is_empty());
        assert_eq!(share.session.unparsed.len(), 1, "typed text is kept");
        assert!(share.session.forloeb.is_empty() && share.session.links.is_empty());
        assert_eq!(share.session.label, "KH");
        let all = prepare(&tool(1), &answered(), "AMR Karin", now(), true, "vf");
        assert!(all.left_out.is_empty());
        assert_eq!(all.session.answers.len(), 3);
    }

    #[test]
    fn what_stays_home_is_known_before_sharing() {
        let session = answered();
        assert_eq!(held_back(&tool(1), &session), ["gammel", "noter"]);
        assert_eq!(private_answered(&tool(1), &session), ["noter"]);
        let mut plain = Session::new("her-1".into(), "t", 1, "abc", now());
        plain
            .answers
            .insert("delt".into(), Answer::Text("Gulvvask".into()));
        assert!(held_back(&tool(1), &plain).is_empty());
        assert!(private_answered(&tool(1), &plain).is_empty());
        // A private comment alone is held back too, once.
        plain.comments.insert("noter".into(), "Henvist".into());
        assert_eq!(held_back(&tool(1), &plain), ["noter"]);
    }

    #[test]
    fn an_import_is_a_new_session_with_its_provenance() {
        let share = prepare(&tool(1), &answered(), "AMR Karin", now(), false, "vf");
        let later = now() + chrono::Duration::days(1);
        let session = receive(share, Some(&tool(2)), "der-1".into(), "f9", later).unwrap();
        assert_eq!(session.id, "der-1");
        assert_eq!(session.forloeb, "f9");
        assert_eq!(session.tool_version, 1, "migrated when opened, not here");
        let imported = session.imported.unwrap();
        assert_eq!(imported.from, "AMR Karin");
        assert_eq!(imported.original, "her-1");
        assert_eq!((imported.shared, imported.at), (now(), later));
        assert_eq!(imported.left_out, ["gammel", "noter"]);
    }

    #[test]
    fn a_newer_tool_an_unknown_one_or_a_cpr_number_is_refused() {
        let share = prepare(&tool(3), &answered(), "KH", now(), false, "vf");
        let mut newer = share.clone();
        newer.tool_version = 3;
        newer.session.tool_version = 3;
        assert_eq!(
            receive(newer, Some(&tool(2)), "n".into(), "", now()),
            Err(Refusal::NewerTool {
                tool: "t".into(),
                theirs: 3,
                ours: 2
            })
        );
        assert_eq!(
            receive(share.clone(), None, "n".into(), "", now()),
            Err(Refusal::UnknownTool("t".into()))
        );
        let mut cpr = share.clone();
        cpr.shared_by = "010190-1234".into();
        assert_eq!(
            receive(cpr, Some(&tool(1)), "n".into(), "", now()),
            Err(Refusal::BadName)
        );
        let mut future = share;
        future.format = SHARE_FORMAT + 1;
        assert_eq!(
            receive(future, Some(&tool(1)), "n".into(), "", now()),
            Err(Refusal::NewerShare(SHARE_FORMAT + 1))
        );
    }
}
