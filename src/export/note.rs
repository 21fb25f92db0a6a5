//! The note for the patient record: one plain text of a forløb's sessions of one day, to
//! paste into the record as it is. One header line (the forløb and the date with its
//! weekday), then each tool with only what was answered, wrapped at 72 columns with hanging
//! indents. Like the record's copy of an export it holds everything, private fields too.
//!
//! Nothing here knows a tool by its id; how a tool reads comes from its definition:
//!
//! - A tool with a `summary` (the screening) reads as its summary: the steps whose
//!   conditional guidance is shown (the barriers that are present) under the summary's
//!   heading, each with the other answers of its step (quoted) and the notes, and then the
//!   guidance (the suggested responses) as running text, each text once however many steps
//!   suggest it. Its steps whose guidance is not shown are left out (the export holds
//!   them); when none is shown, the heading says "ingen".
//! - A box (`Check`) whose label stands in several steps (the action points' "Aktionspunktet
//!   er gennemført") is read as the step's title, ticked or not, with the step's other
//!   answers under it. Any other box reads as its label, when ticked.
//! - Every other answered field reads as its label and the answer; texts to read (`Info`)
//!   only as a summary's guidance, buttons never, unanswered questions never.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::text::WIDTH;
use super::{Para, paras};
use crate::core::answers::{Answers, Shown};
use crate::core::catalog::Catalog;
use crate::core::definition::{Field, Kind, Step, Tool};
use crate::core::session::{Answer, Session};
use crate::present;
use crate::texts::note as t;
use crate::wrap::wrap;

/// A day's note, its rows not yet wrapped: [`Note::text`] is the note as it is pasted,
/// [`Note::wrapped`] the same for a narrower screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    rows: Vec<Row>,
}

impl Note {
    /// The note as it is pasted: wrapped at 72 columns.
    pub fn text(&self) -> String {
        self.wrapped(WIDTH)
    }

    /// The note wrapped at `width` columns, each row's later lines under its text. Control
    /// characters typed into an answer never reach the text.
    pub fn wrapped(&self, width: usize) -> String {
        let mut out = String::new();
        for row in &self.rows {
            put(&mut out, row, width);
        }
        present::printable(&out).into_owned()
    }
}

/// The note of `sessions` (a forløb's sessions of one day, oldest first) for the patient
/// record, or `None` when none of them holds an answer. Sessions of a tool the catalog does
/// not know are left out.
pub fn note(catalog: &Catalog, label: &str, day: NaiveDate, sessions: &[Session]) -> Option<Note> {
    let header = t::header(label, &present::date_with_weekday(day));
    let mut rows = vec![Row::plain(header, 0)];
    for session in sessions {
        let Some(entry) = catalog.get(&session.tool) else {
            continue;
        };
        let tool = &entry.tool;
        let said = tool_rows(&Answers::new(tool, session, day));
        if said.is_empty() {
            continue;
        }
        rows.push(Row::plain(String::new(), 0));
        let mut heading = crate::texts::ui::tool_heading(tool.number, &tool.title);
        // The record says whose answers came in a share.
        if let Some(imported) = &session.imported {
            let day = imported
                .shared
                .format(crate::texts::words::DATE)
                .to_string();
            heading = t::shared(&heading, &imported.from, &day);
        }
        rows.push(Row::plain(heading, 0));
        rows.extend(said);
    }
    (rows.len() > 1).then_some(Note { rows })
}

/// A row wrapped at `width`: its first line after `first`, the others (also those of a
/// text of several lines) after `rest`.
fn put(out: &mut String, row: &Row, width: usize) {
    let width = width
        .saturating_sub(row.first.width().max(row.rest.width()))
        .max(20);
    let lines = row.text.split('\n').flat_map(|line| wrap(line, width));
    for (i, text) in lines.enumerate() {
        let lead = if i == 0 { &row.first } else { &row.rest };
        out.push_str(format!("{lead}{text}").trim_end());
        out.push('\n');
    }
}

/// The default file name of a day's note: `<forløb id>-notat-<yyyy-mm-dd>.txt`.
pub fn file_name(forloeb: &str, day: NaiveDate) -> String {
    format!("{forloeb}-{}-{}.txt", t::FILE, day.format("%Y-%m-%d"))
}

/// A line of the note before it is wrapped: what starts its first row, and what starts the
/// rows it wraps onto.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    text: String,
    first: String,
    rest: String,
}

impl Row {
    /// Text `indent` columns in, its later rows two further in.
    fn plain(text: String, indent: usize) -> Row {
        Row {
            text,
            first: " ".repeat(indent),
            rest: " ".repeat(indent + 2),
        }
    }

    /// A bullet `indent` columns in, its later rows under its text.
    fn bullet(text: String, indent: usize) -> Row {
        Row::marked(text, t::BULLET, indent)
    }

    /// A box, ticked or not, `indent` columns in, its later rows under its text.
    fn boxed(text: String, ticked: bool, indent: usize) -> Row {
        let mark = if ticked { t::TICKED } else { t::UNTICKED };
        Row::marked(text, mark, indent)
    }

    /// Text after a mark (a bullet, a box), its later rows under the text.
    fn marked(text: String, mark: &str, indent: usize) -> Row {
        Row {
            text,
            first: format!("{}{mark}", " ".repeat(indent)),
            rest: " ".repeat(indent + mark.width()),
        }
    }

    /// A line of an answer `indent` columns in: a list entry or checklist item under its
    /// mark, other text hanging.
    fn line(line: &str, indent: usize) -> Row {
        let mark = [t::BULLET, t::TICKED, t::UNTICKED]
            .into_iter()
            .find(|mark| line.starts_with(mark));
        match mark {
            Some(mark) => Row::marked(line[mark.len()..].to_string(), mark, indent),
            None => Row::plain(line.to_string(), indent),
        }
    }
}

/// What one session says, in the order of its steps; a summary first.
fn tool_rows(answers: &Answers<'_>) -> Vec<Row> {
    let tool = answers.tool();
    let shared = shared_labels(tool);
    let mut summary = Summary::default();
    let mut rows = Vec::new();
    for step in &tool.steps {
        let said: Vec<&Field> = step
            .fields
            .iter()
            .filter(|f| says_something(answers, f))
            .collect();
        if tool.summary.is_some() && step.fields.iter().any(is_guidance) {
            let guidance: Vec<&Field> = step
                .fields
                .iter()
                .filter(|f| is_guidance(f) && answers.is_visible(f))
                .collect();
            if !guidance.is_empty() {
                summary.present(answers, step, &guidance, &said);
            }
            summary.screened |= !said.is_empty();
            continue;
        }
        let done = step
            .fields
            .iter()
            .find(|f| f.kind == Kind::Check && shared.contains(&f.label.as_str()));
        match done {
            Some(done) if !said.is_empty() => rows.extend(step_box(answers, step, done, &said)),
            _ => {
                for field in said {
                    // A label that stands in several steps says less than the step's title.
                    let label = match shared.contains(&field.label.as_str()) {
                        true => &step.title,
                        false => &field.label,
                    };
                    rows.extend(field_rows(answers, field, label, 0));
                }
            }
        }
    }
    let mut all = summary.rows(tool);
    all.extend(rows);
    all
}

/// A field that takes an answer, is shown, and holds an answer or a comment.
fn says_something(answers: &Answers<'_>, field: &Field) -> bool {
    field.kind.is_input()
        && answers.is_visible(field)
        && (answers.is_answered(field) || answers.comment(field).is_some())
}

/// Text to read that is shown only on some answers: a summary's guidance.
fn is_guidance(field: &Field) -> bool {
    matches!(field.kind, Kind::Info { .. }) && field.when.is_some()
}

/// The labels of questions that stand in more than one step (the action points' "Aktionspunktet
/// er gennemført", the resource bank's "Alternative arbejdsopgaver"): they do not say which
/// step they are about, so the step's title says it.
fn shared_labels(tool: &Tool) -> Vec<&str> {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    let mut shared = Vec::new();
    for (i, step) in tool.steps.iter().enumerate() {
        for field in step.fields.iter().filter(|f| f.kind.is_input()) {
            let label = field.label.as_str();
            match seen.iter().find(|(l, _)| *l == label) {
                Some((_, step)) if *step != i && !shared.contains(&label) => shared.push(label),
                Some(_) => {}
                None => seen.push((label, i)),
            }
        }
    }
    shared
}

/// A tool's summary as it is gathered, step by step.
#[derive(Default)]
struct Summary {
    /// The steps whose guidance is shown, with their answers.
    present: Vec<Row>,
    /// Whether any step the summary could name was answered.
    screened: bool,
    /// The guidance's texts by its heading, each text once.
    guidance: Vec<(String, Vec<String>)>,
}

impl Summary {
    /// A step whose guidance is shown: its title, the answer that showed it where that is
    /// not the condition's first (the screening's "ved ikke"), the step's other answers
    /// quoted and the notes; and its guidance, each text once.
    fn present(
        &mut self,
        answers: &Answers<'_>,
        step: &Step,
        guidance: &[&Field],
        said: &[&Field],
    ) {
        let trigger = guidance
            .iter()
            .find_map(|g| g.when.as_ref())
            .and_then(|condition| {
                let field = said.iter().find(|f| f.id == condition.field())?;
                Some((*field, condition.values().first().copied()))
            });
        let mut title = step.title.clone();
        let mut said_here = Vec::new();
        if let Some((field, plainest)) = trigger
            && let Some(Shown::Choice { id, label }) = answers.shown(field)
            && Some(id) != plainest
        {
            title = t::with_answer(&title, &present::choice(id, label).to_lowercase());
        }
        // The step's other answers, the patient's words, quoted; then the notes.
        said_here.extend(
            said.iter()
                .filter(|f| trigger.is_none_or(|(t, _)| t.id != f.id))
                .flat_map(|f| answer_lines(answers, f))
                .map(|answer| t::quoted(&present::one_line(&answer))),
        );
        said_here.extend(
            said.iter()
                .filter_map(|f| answers.comment(f))
                .map(str::to_string),
        );
        let text = match said_here.is_empty() {
            true => title,
            false => t::with_note(&title, &said_here.join(" ")),
        };
        self.present.push(Row::bullet(text, 0));
        for field in guidance {
            let Kind::Info { text } = &field.kind else {
                continue;
            };
            let heading = match self.guidance.iter().position(|(h, _)| *h == field.label) {
                Some(i) => i,
                None => {
                    self.guidance.push((field.label.clone(), Vec::new()));
                    self.guidance.len() - 1
                }
            };
            let texts = &mut self.guidance[heading].1;
            for item in paras(text).into_iter().flat_map(|p| match p {
                Para::Text(text) => vec![text],
                Para::Bullets(items) => items,
            }) {
                if !texts.iter().any(|t| same_text(t, &item)) {
                    texts.push(item);
                }
            }
        }
    }

    fn rows(self, tool: &Tool) -> Vec<Row> {
        let Some(heading) = &tool.summary else {
            return Vec::new();
        };
        if !self.screened {
            return Vec::new();
        }
        let mut rows = Vec::new();
        if self.present.is_empty() {
            rows.push(Row::plain(t::none(heading), 0));
        } else {
            rows.push(Row::plain(t::heading(heading), 0));
            rows.extend(self.present);
        }
        // The guidance is the report's, the same for every patient: as running text.
        for (heading, texts) in self.guidance {
            rows.push(Row::plain(t::sentences(&heading, &texts), 0));
        }
        rows
    }
}

/// Two texts of guidance that say the same: alike but for case, spaces and a full stop.
fn same_text(a: &str, b: &str) -> bool {
    let plain = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches('.')
            .to_lowercase()
    };
    plain(a) == plain(b)
}

/// A step that a box marks as done: its title, ticked or not, with the box's note, and the
/// step's other answers under it.
fn step_box(answers: &Answers<'_>, step: &Step, done: &Field, said: &[&Field]) -> Vec<Row> {
    let mut rows = field_rows(answers, done, &step.title, 0);
    if rows.is_empty() {
        rows.push(Row::boxed(step.title.clone(), false, 0));
    }
    let under = t::TICKED.width();
    for field in said.iter().filter(|f| f.id != done.id) {
        rows.extend(field_rows(answers, field, &field.label, under));
    }
    rows
}

/// A field's answer `indent` columns in after `label`: "label answer" on one row, or the
/// label and a row for each line; the comment after a one-line answer, or on a row of its
/// own. A box reads as its label, ticked.
fn field_rows(answers: &Answers<'_>, field: &Field, label: &str, indent: usize) -> Vec<Row> {
    let comment = answers.comment(field);
    if field.kind == Kind::Check {
        let ticked = matches!(answers.answer(&field.id), Some(Answer::Check(true)));
        if !ticked && comment.is_none() {
            return Vec::new();
        }
        let text = match comment {
            Some(comment) => t::with_note(label, comment),
            None => label.to_string(),
        };
        return vec![Row::boxed(text, ticked, indent)];
    }
    let lines = answer_lines(answers, field);
    let comment_line = |c: &str| {
        let label = field.comment.as_deref().unwrap_or_default();
        labelled(label, c)
    };
    // A table's rows name their columns: under the field's label, never after it
    // ("Milepæle: Milepæl: …").
    let rows_of_a_table = matches!(answers.shown(field), Some(Shown::Rows { .. }));
    match (lines.as_slice(), comment) {
        ([], None) => Vec::new(),
        ([], Some(c)) => vec![Row::plain(labelled(label, &comment_line(c)), indent)],
        ([line], c) if !rows_of_a_table => {
            let text = match c {
                Some(c) => t::with_comment(line, c),
                None => line.clone(),
            };
            vec![Row::plain(labelled(label, &text), indent)]
        }
        (lines, c) => {
            let mut rows = vec![Row::plain(t::heading(label), indent)];
            rows.extend(lines.iter().map(|line| Row::line(line, indent + 2)));
            rows.extend(c.map(|c| Row::plain(comment_line(c), indent + 2)));
            rows
        }
    }
}

/// The answer's lines, list entries as bullets; none when it is not answered.
fn answer_lines(answers: &Answers<'_>, field: &Field) -> Vec<String> {
    if !answers.is_answered(field) {
        return Vec::new();
    }
    match answers.shown(field) {
        Some(Shown::Entries(entries)) => entries
            .iter()
            .map(|e| format!("{}{e}", t::BULLET))
            .collect(),
        // Checklist items marked as the note marks boxes.
        Some(Shown::Ticks(ticks)) => ticks
            .iter()
            .map(|(done, label, comment)| {
                let mark = if *done { t::TICKED } else { t::UNTICKED };
                match comment.trim() {
                    "" => format!("{mark}{label}"),
                    comment => format!("{mark}{}", t::with_comment(label, comment)),
                }
            })
            .collect(),
        Some(shown) => present::lines(answers, &shown),
        None => Vec::new(),
    }
}

/// "Label answer" where the label ends in a colon or question mark, else "Label: answer".
fn labelled(label: &str, text: &str) -> String {
    match label.trim_end().chars().last() {
        None => text.to_string(),
        Some(':' | '?') => format!("{} {text}", label.trim_end()),
        Some(_) => format!("{}: {text}", label.trim_end()),
    }
}
