//! Carrying answers from a session of one tool into a new session of its matching version
//! (1 → 4, 12 → 1, 2/5/13, 3 ↔ 6): answers to fields with the same id and kind are copied
//! and marked as carried over; the original session is not changed.

use super::definition::Tool;
use super::session::Session;

/// Copies `from`'s answers (and comments) into `into` where `to_tool` asks the same thing.
/// Returns how many fields were carried.
pub fn carry(from: &Session, from_tool: &Tool, to_tool: &Tool, into: &mut Session) -> usize {
    let mut carried = 0;
    for field in to_tool.fields().filter(|f| f.kind.is_input()) {
        let same = from_tool
            .field(&field.id)
            .is_some_and(|f| f.kind == field.kind);
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
