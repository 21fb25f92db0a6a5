//! Carrying answers from a session of one tool into a new session of its matching version
//! (1 → 4, 12 → 1, 2/5/13, 3 ↔ 6): answers to fields with the same id and kind are copied
//! and marked as carried over; the original session is not changed. A private answer (the
//! GP's assessment, a referral) is carried only into a field that is private too, so it can
//! never reach a copy for the employer by way of another tool.

use super::definition::Tool;
use super::session::Session;

/// Copies `from`'s answers (and comments) into `into` where `to_tool` asks the same thing.
/// Returns how many fields were carried.
pub fn carry(from: &Session, from_tool: &Tool, to_tool: &Tool, into: &mut Session) -> usize {
    let mut carried = 0;
    for field in to_tool.fields().filter(|f| f.kind.is_input()) {
        let same = from_tool.field(&field.id).is_some_and(|f| {
            f.kind == field.kind && (!from_tool.is_private(f) || to_tool.is_private(field))
        });
        let Some(answer) = from.answers.get(&field.id).filter(|_| same) else {
            continue;
        };
        into.answers.insert(field.id.clone(), answer.clone());
        if let Some(comment) = from
            .comments
            .get(&field.id)
            .filter(|_| field.comment.is_some())
        {
            into.comments.insert(field.id.clone(), comment.clone());
        }
        into.carried.insert(field.id.clone());
        carried += 1;
    }
    into.carried_from = from.id.clone();
    into.forloeb = from.forloeb.clone();
    if into.label.is_empty() {
        into.label = from.label.clone();
    }
    carried
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::Source;
    use crate::core::session::Answer;

    fn tool(id: &str, private: bool) -> Tool {
        let text = format!(
            "(format: 1, id: \"{id}\", number: 1, version: 1, title: \"T\", audience: [Laege], steps: [
                (id: \"s\", title: \"S\", fields: [
                    (id: \"delt\", label: \"Delt\", kind: Text),
                    (id: \"henvisning\", label: \"Henvisning\", private: {private}, kind: Text),
                ]),
            ])"
        );
        let source = Source::new(format!("{id}.ron"), text);
        match source.parse() {
            Ok(tool) => tool,
            Err(problems) => panic!("{problems:?}"),
        }
    }

    fn answered(tool: &Tool) -> Session {
        let mut session = Session::empty(&tool.id);
        for id in ["delt", "henvisning"] {
            session
                .answers
                .insert(id.into(), Answer::Text(format!("Svar til {id}")));
        }
        session
    }

    #[test]
    fn a_private_answer_goes_only_into_a_private_field() {
        let (laege, leder) = (tool("laege", true), tool("leder", false));
        let mut into = Session::empty("leder");
        assert_eq!(carry(&answered(&laege), &laege, &leder, &mut into), 1);
        assert!(into.answers.contains_key("delt"));
        assert!(!into.answers.contains_key("henvisning"));
        // Between two private fields, and from an open one into a private one, it goes.
        let mut into = Session::empty("laege");
        assert_eq!(carry(&answered(&leder), &leder, &laege, &mut into), 2);
        let mut into = Session::empty("laege");
        assert_eq!(carry(&answered(&laege), &laege, &laege, &mut into), 2);
    }
}
