//! Typed answers in words: dates, numbers, weeks, options, table rows, templates. The screen
//! and the documents word answers through here, so they read the same everywhere; the words
//! themselves are in `texts`.

use chrono::{Datelike, NaiveDate};

use crate::core::answers::{Answers, Paragraph, Piece, Shown, Value};
use crate::core::definition::{Field, Kind, NO, YES};
use crate::core::input::Week;
use crate::core::layout::{Column, ColumnLabel, Input};
use crate::core::session::{Answer, STORED_DATE};
use crate::texts::words as w;

/// Text safe to print: control characters (a terminal's escape sequences among them), which
/// nobody types on purpose, become "�"; line breaks and tabs stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.chars().any(unsafe_char) {
        text.chars()
            .map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// Text for one line of output: also line breaks and tabs become spaces.
pub fn one_line(text: &str) -> String {
    printable(text).replace(['\n', '\t'], " ")
}

/// A date as it is shown and typed: dd-mm-åååå.
pub fn date(d: NaiveDate) -> String {
    d.format(w::DATE).to_string()
}

/// A date with its weekday, as a typed date is read back: "mandag 04-01-2027".
pub fn date_with_weekday(d: NaiveDate) -> String {
    w::weekday_date(d.weekday().num_days_from_monday() as usize, &date(d))
}

pub use crate::texts::words::number;

/// A week as it is shown and typed: "48/2026".
pub fn week(week: Week) -> String {
    format!("{}/{}", week.week, week.year)
}

/// The text an editor opens with at a place: its unparsed text, or its answer as typed.
pub fn editable(value: Value) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Unparsed(t) | Value::Text(t) => t.to_string(),
        Value::Date(d) => date(d),
        Value::Number(n) => number(n),
        Value::Week(wk) => week(wk),
    }
}

/// The greyed text of an empty place with no example from the report.
pub fn placeholder(input: Input) -> &'static str {
    match input {
        Input::Date => w::DATE_PLACEHOLDER.as_str(),
        Input::Week => w::WEEK_PLACEHOLDER.as_str(),
        Input::Number { .. } => w::NUMBER_PLACEHOLDER.as_str(),
        _ => "",
    }
}

pub fn column_label<'a>(label: ColumnLabel<'a>) -> &'a str {
    match label {
        ColumnLabel::Named(name) => name,
        ColumnLabel::Week => w::WEEK,
        ColumnLabel::Day(day) => w::DAYS.get(day).copied().unwrap_or_default(),
    }
}

/// A stored cell as it is shown: dates dd-mm-åååå, weeks 48/2026.
pub fn cell(column: &Column, raw: &str) -> String {
    match column.input {
        Input::Date => {
            NaiveDate::parse_from_str(raw, STORED_DATE).map_or_else(|_| raw.to_string(), date)
        }
        Input::Week => Week::from_key(raw).map_or_else(|| raw.to_string(), week),
        _ => raw.to_string(),
    }
}

/// A stored cell as the screen shows it: as [`cell`], a date with its weekday.
pub fn cell_with_weekday(column: &Column, raw: &str) -> String {
    match (column.input, NaiveDate::parse_from_str(raw, STORED_DATE)) {
        (Input::Date, Ok(d)) => date_with_weekday(d),
        _ => cell(column, raw),
    }
}

/// The labels of a field's options, in order: the definition's, or Ja / Nej.
pub fn option_labels(field: &Field) -> Vec<&str> {
    match &field.kind {
        Kind::Choice { options } => options.iter().map(|o| o.label()).collect(),
        Kind::YesNo | Kind::Check => vec![w::YES, w::NO],
        _ => Vec::new(),
    }
}

/// A chosen option's words.
pub fn choice<'a>(id: &'a str, label: Option<&'a str>) -> &'a str {
    match (label, id) {
        (Some(label), _) => label,
        (None, YES) => w::YES,
        (None, NO) => w::NO,
        (None, id) => id,
    }
}

/// An answer as lines of text.
pub fn lines<'a>(answers: &Answers<'a>, shown: &Shown<'a>) -> Vec<String> {
    match shown {
        Shown::Text(t) => t.lines().map(str::to_string).collect(),
        Shown::Date(d) => vec![date(*d)],
        Shown::Number { value, unit: "" } => vec![number(*value)],
        Shown::Number { value, unit } => vec![format!("{} {unit}", number(*value))],
        Shown::Choice { id, label } => vec![choice(id, *label).to_string()],
        Shown::Check(on) => vec![if *on { w::YES } else { w::NO }.to_string()],
        Shown::Range { from, to } => {
            let show = |d: &Option<NaiveDate>| d.map_or(w::OPEN_END.to_string(), date);
            vec![format!("{} – {}", show(from), show(to))]
        }
        Shown::Entries(entries) => entries
            .iter()
            .map(|e| format!("{} {e}", w::BULLET))
            .collect(),
        Shown::Rows { columns, rows } => rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .filter_map(|c| {
                        row.get(c.id)
                            .filter(|v| !v.trim().is_empty())
                            .map(|v| format!("{}: {}", column_label(c.label), cell(c, v)))
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .collect(),
        Shown::Ticks(ticks) => ticks
            .iter()
            .map(|(done, label, comment)| {
                let mark = if *done { w::TICKED } else { w::UNTICKED };
                if comment.trim().is_empty() {
                    format!("{mark} {label}")
                } else {
                    format!("{mark} {label} – {comment}")
                }
            })
            .collect(),
        // The paragraphs the workplace changed, each with the report's wording.
        Shown::Template(paragraphs) => {
            let changed: Vec<String> = paragraphs
                .iter()
                .enumerate()
                .filter_map(|(i, p)| Some((i, p, p.original.as_ref()?)))
                .flat_map(|(i, p, original)| {
                    let now = template(answers, &p.pieces);
                    let head = match now.trim() {
                        "" => w::paragraph_left_out(i + 1),
                        _ => w::paragraph_adapted(i + 1, &now),
                    };
                    [head, w::original_wording(&template(answers, original))]
                })
                .collect();
            if changed.is_empty() {
                vec![w::AS_THE_REPORT.to_string()]
            } else {
                changed
            }
        }
    }
}

/// An answer that has no question any more (an earlier version of the tool asked it), as
/// lines: what it holds, without the question's words.
pub fn unasked_lines(answer: &Answer) -> Vec<String> {
    let show = |d: &Option<NaiveDate>| d.map_or(w::OPEN_END.to_string(), date);
    match answer {
        Answer::Text(t) => t.lines().map(str::to_string).collect(),
        Answer::Date(d) => vec![date(*d)],
        Answer::Number(n) => vec![number(*n)],
        Answer::Choice(id) => vec![choice(id, None).to_string()],
        Answer::Check(on) => vec![if *on { w::YES } else { w::NO }.to_string()],
        Answer::DateRange { from, to } => vec![format!("{} – {}", show(from), show(to))],
        Answer::Entries(entries) => entries
            .iter()
            .filter(|e| !e.trim().is_empty())
            .map(|e| format!("{} {e}", w::BULLET))
            .collect(),
        Answer::Rows(rows) => rows
            .iter()
            .map(|row| {
                row.values()
                    .filter(|v| !v.trim().is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .filter(|r| !r.is_empty())
            .collect(),
        Answer::Ticks(ticks) => ticks
            .iter()
            .map(|(id, tick)| {
                let mark = if tick.done { w::TICKED } else { w::UNTICKED };
                match tick.comment.trim() {
                    "" => format!("{mark} {id}"),
                    comment => format!("{mark} {id} – {comment}"),
                }
            })
            .collect(),
        Answer::Paragraphs(paragraphs) => paragraphs.values().cloned().collect(),
    }
}

/// A field's answer and its comment ("Noter: …") as lines; empty when there is neither.
pub fn answer_lines<'a>(answers: &Answers<'a>, field: &'a Field) -> Vec<String> {
    let mut out = answers
        .shown(field)
        .map(|s| lines(answers, &s))
        .unwrap_or_default();
    if let Some(comment) = answers.comment(field) {
        let label = field.comment.as_deref().unwrap_or_default();
        out.push(format!("{label}: {comment}"));
    }
    out
}

/// A template's text with answers in its blanks; an unanswered blank is a line to write
/// on, with the report's hint: "__________ (fx leder)".
pub fn template<'a>(answers: &Answers<'a>, pieces: &[Piece<'a>]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_string(),
            Piece::Blank(field) => {
                let value = answer_lines(answers, field).join(" ");
                match (value.trim().is_empty(), field.hint.as_str()) {
                    (false, _) => value,
                    (true, "") => w::BLANK.to_string(),
                    (true, hint) => format!("{} ({hint})", w::BLANK),
                }
            }
        })
        .collect()
}

/// A template's paragraphs as they read now, filled in from the answers; those the
/// workplace left out are not there.
pub fn template_paragraphs<'a>(answers: &Answers<'a>, paragraphs: &[Paragraph<'a>]) -> Vec<String> {
    paragraphs
        .iter()
        .map(|p| template(answers, &p.pieces))
        .filter(|text| !text.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_output() {
        assert_eq!(printable("a\u{1b}[31mb\nc\td"), "a\u{FFFD}[31mb\nc\td");
        assert_eq!(one_line("a\u{7}b\nc"), "a\u{FFFD}b c");
        assert!(matches!(
            printable("ren tekst"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn dates_numbers_and_weeks_danish_style() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        assert_eq!(date(d), "01-02-2026");
        assert_eq!(date_with_weekday(d), "søndag 01-02-2026");
        assert_eq!(number(37.5), "37,5");
        assert_eq!(number(20.0), "20");
        assert_eq!(
            week(Week {
                year: 2026,
                week: 48
            }),
            "48/2026"
        );
    }
}
