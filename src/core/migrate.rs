//! Definitions that change without losing drafts: a session answered against an earlier
//! version of its tool is brought to the version at hand, in memory, by what the definition
//! says of its fields' past (`renamed_from`, `moved_from`). Nothing is dropped: an answer
//! whose question is gone stays in the session under its id, shown in the review and the
//! documents. The file is written only when the user changes something (or by `vejen-frem
//! migrate`), like any change.

use super::definition::{Kind, Tool};
use super::session::{Answer, Session};

/// What bringing a session to the tool's version did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The versions, from and to.
    pub versions: (u32, u32),
    /// Answers now under a field's new id: (earlier id, field id).
    pub renamed: Vec<(String, String)>,
    /// Answered fields now in another step: (field id, earlier step id, step id).
    pub moved: Vec<(String, String, String)>,
    /// Answers that no longer have a question (or no longer fit it), by id: kept.
    pub unasked: Vec<String>,
}

impl Report {
    /// Whether there is anything to tell about the answers.
    pub fn is_empty(&self) -> bool {
        self.renamed.is_empty() && self.moved.is_empty() && self.unasked.is_empty()
    }
}

/// Whether an answer of this shape can be the answer to a field of this kind.
pub fn fits(kind: &Kind, answer: &Answer) -> bool {
    match (kind, answer) {
        (Kind::Text | Kind::LongText, Answer::Text(_))
        | (Kind::Date, Answer::Date(_))
        | (Kind::DateRange, Answer::DateRange { .. })
        | (Kind::Number { .. }, Answer::Number(_))
        | (Kind::Check, Answer::Check(_))
        | (Kind::List { .. }, Answer::Entries(_))
        | (Kind::Table { .. } | Kind::WeekSchedule, Answer::Rows(_))
        | (Kind::Checklist { .. }, Answer::Ticks(_))
        | (Kind::Template { .. }, Answer::Paragraphs(_)) => true,
        (Kind::YesNo | Kind::Choice { .. }, Answer::Choice(id)) => kind
            .option_ids()
            .is_some_and(|ids| ids.contains(&id.as_str())),
        _ => false,
    }
}

/// The ids of answers the tool asks no question for (any more), or whose answer does not
/// fit the question of that id now.
pub fn unasked<'a>(tool: &Tool, session: &'a Session) -> Vec<&'a str> {
    session
        .answers
        .iter()
        .filter(|(id, answer)| {
            tool.field(id)
                .is_none_or(|f| !f.kind.is_input() || !fits(&f.kind, answer))
        })
        .map(|(id, _)| id.as_str())
        .collect()
}

/// Brings `session` to `tool`'s version: answers under an earlier id of a field move to
/// the field (when it has none and the answer fits it), with their comment, typed text and
/// carried mark; the place the draft resumes at follows. The session's `tool_version`
/// becomes the tool's; its file is not touched here.
pub fn migrate(tool: &Tool, session: &mut Session) -> Report {
    let mut report = Report {
        versions: (session.tool_version, tool.version),
        ..Report::default()
    };
    let older = session.tool_version < tool.version;
    for step in &tool.steps {
        for field in &step.fields {
            if !session.answers.contains_key(&field.id) {
                let earlier = field.renamed_from.iter().find(|old| {
                    session
                        .answers
                        .get(*old)
                        .is_some_and(|a| fits(&field.kind, a))
                });
                if let Some(old) = earlier.cloned() {
                    rename(session, &old, &field.id);
                    report.renamed.push((old, field.id.clone()));
                }
            }
            if let Some(from) = field.moved_from.as_ref().filter(|_| older)
                && session.answers.contains_key(&field.id)
            {
                report
                    .moved
                    .push((field.id.clone(), from.clone(), step.id.clone()));
            }
        }
    }
    // An answer that no longer fits its question (the field asks for a date now) is moved
    // aside, under `<id>.v<version>`, so that answering the question does not replace it.
    for field in tool.fields() {
        let unfit = session
            .answers
            .get(&field.id)
            .is_some_and(|a| !field.kind.is_input() || !fits(&field.kind, a));
        if unfit {
            let mut aside = format!("{}.v{}", field.id, report.versions.0);
            while session.answers.contains_key(&aside) {
                aside.push('+');
            }
            if let Some(answer) = session.answers.remove(&field.id) {
                session.answers.insert(aside, answer);
            }
        }
    }
    // The draft resumes at the field where it was left, wherever it is now.
    if let Some(step) = tool
        .steps
        .iter()
        .find(|s| s.fields.iter().any(|f| f.id == session.position.field))
    {
        session.position.step = step.id.clone();
    }
    report.unasked = unasked(tool, session)
        .into_iter()
        .map(str::to_string)
        .collect();
    session.tool_version = tool.version;
    report
}

/// Moves everything stored under field id `old` to `new`.
fn rename(session: &mut Session, old: &str, new: &str) {
    if let Some(answer) = session.answers.remove(old) {
        session.answers.insert(new.to_string(), answer);
    }
    if let Some(comment) = session.comments.remove(old) {
        session.comments.insert(new.to_string(), comment);
    }
    let typed: Vec<_> = session
        .unparsed
        .keys()
        .filter(|k| k.field == old)
        .cloned()
        .collect();
    for mut key in typed {
        if let Some(text) = session.unparsed.remove(&key) {
            key.field = new.to_string();
            session.unparsed.insert(key, text);
        }
    }
    if session.carried.remove(old) {
        session.carried.insert(new.to_string());
    }
    if session.position.field == old {
        session.position.field = new.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::Source;
    use crate::core::session::{UnparsedAt, UnparsedPart};

    fn tool(text: &str) -> Tool {
        Source::new("t.ron", text).parse().unwrap()
    }

    const V1: &str = r#"(format: 1, id: "t", version: 1, title: "T", audience: [Leder], steps: [
        (id: "a", title: "A", fields: [
            (id: "opgaver", label: "Opgaver", kind: Text),
            (id: "dato", label: "Dato", kind: Date),
            (id: "svar", label: "Svar", kind: YesNo),
        ]),
        (id: "b", title: "B", fields: [(id: "plan", label: "Plan", comment: "Noter", kind: Text)]),
    ])"#;

    const V3: &str = r#"(format: 1, id: "t", version: 3, title: "T", audience: [Leder], steps: [
        (id: "a", title: "A", fields: [
            (id: "problem-opgaver", label: "Opgaver", renamed_from: ["arbejdsopgaver", "opgaver"], kind: Text),
            (id: "svar", label: "Svar", kind: Date),
        ]),
        (id: "b", title: "B", fields: [
            (id: "plan", label: "Plan", comment: "Noter", kind: Text),
            (id: "startdato", label: "Dato", renamed_from: ["dato"], moved_from: "a", kind: Date),
        ]),
    ])"#;

    fn draft() -> Session {
        let mut session = Session::empty("t");
        session.tool_version = 1;
        session
            .answers
            .insert("opgaver".into(), Answer::Text("Gulvvask".into()));
        session.answers.insert(
            "dato".into(),
            Answer::Date(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        );
        session
            .answers
            .insert("svar".into(), Answer::Choice("ja".into()));
        session
            .answers
            .insert("plan".into(), Answer::Text("Ny plan".into()));
        session
            .comments
            .insert("opgaver".into(), "Om morgenen".into());
        session.unparsed.insert(
            UnparsedAt {
                field: "dato".into(),
                part: UnparsedPart::Value,
            },
            "31-02".into(),
        );
        session.carried.insert("opgaver".into());
        session.position.step = "a".into();
        session.position.field = "dato".into();
        session
    }

    #[test]
    fn answers_follow_renames_through_a_chain_and_moves_are_told() {
        let (v1, v3) = (tool(V1), tool(V3));
        let mut session = draft();
        assert!(migrate(&v1, &mut session.clone()).is_empty());
        let report = migrate(&v3, &mut session);
        assert_eq!(report.versions, (1, 3));
        assert_eq!(
            report.renamed,
            [
                ("opgaver".to_string(), "problem-opgaver".to_string()),
                ("dato".to_string(), "startdato".to_string())
            ]
        );
        assert_eq!(
            report.moved,
            [("startdato".to_string(), "a".to_string(), "b".to_string())]
        );
        // "svar" is a date now: the Ja does not fit it and is kept aside.
        assert_eq!(report.unasked, ["svar.v1"]);
        assert!(!session.answers.contains_key("svar"));
        assert_eq!(session.answers["svar.v1"], Answer::Choice("ja".into()));
        assert_eq!(session.comments["problem-opgaver"], "Om morgenen");
        assert!(session.carried.contains("problem-opgaver"));
        assert_eq!(session.unparsed.keys().next().unwrap().field, "startdato");
        assert_eq!(
            (
                session.position.step.as_str(),
                session.position.field.as_str()
            ),
            ("b", "startdato")
        );
        assert_eq!(session.tool_version, 3);
        // Again: nothing more to do.
        let again = migrate(&v3, &mut session);
        assert!(again.renamed.is_empty() && again.moved.is_empty());
    }
}
