//! Documents people can hand over: a tool and a session turned into HTML (for printing),
//! Markdown, or plain text for a patient record. Building the [`Document`] decides what is
//! in it (private fields left out of the employer's copy); the renderers only lay it out.
//! Nothing here writes files: the store does.

mod html;
mod markdown;
mod text;

use chrono::NaiveDate;

use crate::core::answers::Answers;
use crate::core::definition::{About, Field, Kind, Tool};
use crate::core::layout;
use crate::core::session::{Answer, Session};
use crate::present;
use crate::texts;

/// Who the document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    /// The person the answers are about: everything.
    Employee,
    /// The workplace: private fields are left out.
    Employer,
    /// The patient record: everything.
    Record,
    /// The workplace's own answers (the reflection questions), for its work environment
    /// meeting: private fields are left out, as for the employer.
    Workplace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }

    /// The format as the export dialog names it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => texts::ui::FORMAT_HTML,
            Format::Markdown => texts::ui::FORMAT_MARKDOWN,
            Format::Text => texts::ui::FORMAT_TEXT,
        }
    }
}

impl Recipient {
    /// Who the copy is for, as the export dialog names it.
    pub fn name(self) -> &'static str {
        match self {
            Recipient::Employee => texts::ui::FOR_EMPLOYEE,
            Recipient::Employer => texts::ui::FOR_EMPLOYER,
            Recipient::Record => texts::ui::FOR_RECORD,
            Recipient::Workplace => texts::ui::FOR_WORKPLACE,
        }
    }

    /// Whom a tool's answers can go to, the usual first: a person's answers to the person,
    /// the employer or the record; a workplace's to the workplace.
    pub fn for_tool(about: About) -> &'static [Recipient] {
        match about {
            About::Person => &[Recipient::Employee, Recipient::Employer, Recipient::Record],
            About::Workplace => &[Recipient::Workplace],
        }
    }

    /// Whether the copy leaves the private fields out.
    fn is_shared(self) -> bool {
        matches!(self, Recipient::Employer | Recipient::Workplace)
    }
}

/// The default file name of an export: `<session id>-<recipient>.<ext>`.
pub fn file_name(session: &Session, recipient: Recipient, format: Format) -> String {
    let who = match recipient {
        Recipient::Employee => texts::export::FILE_EMPLOYEE,
        Recipient::Employer => texts::export::FILE_EMPLOYER,
        Recipient::Record => texts::export::FILE_RECORD,
        Recipient::Workplace => texts::export::FILE_WORKPLACE,
    };
    format!("{}-{who}.{}", session.id, format.extension())
}

/// What a document says, before it is laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// "Redskab 6 · Leder".
    pub subtitle: String,
    /// Lines about the session (status, dates, label); empty for a blank form.
    pub facts: Vec<(String, String)>,
    /// Said at the top when private fields were left out.
    pub notice: Option<String>,
    pub summary: Option<Summary>,
    pub sections: Vec<Section>,
    pub signatures: Vec<String>,
    /// A blank paper form: answers are lines to write on.
    pub blank: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub title: String,
    /// Step title and the guidance shown for it.
    pub items: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A question and its answer lines (none: not answered), with a comment.
    Answer {
        question: String,
        lines: Vec<String>,
        comment: Option<(String, String)>,
    },
    Table {
        title: String,
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Checklist {
        title: String,
        items: Vec<(bool, String, String)>,
    },
    /// Text to read (guidance, facts) or a filled-in template.
    Text {
        title: String,
        paragraphs: Vec<String>,
    },
}

/// Builds the document of `session` for `recipient`.
pub fn document(
    tool: &Tool,
    session: &Session,
    recipient: Recipient,
    today: NaiveDate,
) -> Document {
    let answers = Answers::new(tool, session, today);
    let keep = |field: &Field| !recipient.is_shared() || !tool.is_private(field);
    let mut sections = Vec::new();
    for step in &tool.steps {
        let blocks: Vec<Block> = step
            .fields
            .iter()
            .filter(|f| answers.is_visible(f) && keep(f))
            .filter_map(|f| block(&answers, f))
            .collect();
        if !blocks.is_empty() {
            sections.push(Section {
                title: step.title.clone(),
                blocks,
            });
        }
    }
    let summary = tool.summary.as_ref().map(|title| Summary {
        title: title.clone(),
        items: tool
            .steps
            .iter()
            .flat_map(|step| {
                step.fields
                    .iter()
                    .filter(|f| f.when.is_some() && answers.is_visible(f) && keep(f))
                    .filter_map(|f| match &f.kind {
                        Kind::Info { text } => Some((step.title.clone(), text.clone())),
                        _ => None,
                    })
            })
            .collect(),
    });
    let mut facts = vec![
        (
            texts::export::STATUS.to_string(),
            texts::status(session.status).to_string(),
        ),
        (
            texts::export::CREATED.to_string(),
            session.created.format(texts::words::DATE_TIME).to_string(),
        ),
        (
            texts::export::UPDATED.to_string(),
            session.updated.format(texts::words::DATE_TIME).to_string(),
        ),
    ];
    if !session.label.is_empty() {
        let label = match tool.about {
            About::Person => texts::export::LABEL,
            About::Workplace => texts::export::WORKPLACE,
        };
        facts.insert(0, (label.to_string(), session.label.clone()));
    }
    let left_out = recipient.is_shared() && tool.fields().any(|f| tool.is_private(f));
    Document {
        title: tool.title.clone(),
        subtitle: subtitle(tool),
        facts,
        notice: left_out.then(|| texts::export::PRIVATE_LEFT_OUT.to_string()),
        summary,
        sections,
        signatures: tool.signatures.clone(),
        blank: false,
    }
}

/// The tool as an empty paper form: every field, conditions or not, with lines to write on.
pub fn blank_form(tool: &Tool, today: NaiveDate) -> Document {
    let empty = Session::empty(&tool.id);
    let answers = Answers::new(tool, &empty, today);
    let sections = tool
        .steps
        .iter()
        .map(|step| Section {
            title: step.title.clone(),
            blocks: step
                .fields
                .iter()
                .filter_map(|f| block(&answers, f).map(|b| on_paper(b, f)))
                .collect(),
        })
        .collect();
    Document {
        title: tool.title.clone(),
        subtitle: subtitle(tool),
        facts: Vec::new(),
        notice: None,
        summary: None,
        sections,
        signatures: tool.signatures.clone(),
        blank: true,
    }
}

fn subtitle(tool: &Tool) -> String {
    let audience: Vec<&str> = tool.audience.iter().map(|a| texts::audience(*a)).collect();
    texts::export::subtitle(tool.number, &audience.join(", "))
}

fn block<'a>(answers: &Answers<'a>, field: &'a Field) -> Option<Block> {
    let comment = || {
        field
            .comment
            .as_ref()
            .zip(answers.comment(field))
            .map(|(label, text)| (label.clone(), text.to_string()))
    };
    Some(match &field.kind {
        // A button on the screen; nothing to print.
        Kind::Link { .. } => return None,
        Kind::Info { text } => Block::Text {
            title: field.label.clone(),
            paragraphs: paragraphs(text),
        },
        Kind::Template { text } => Block::Text {
            title: field.label.clone(),
            paragraphs: paragraphs(&present::filled_template(answers, text)),
        },
        Kind::Table { .. } | Kind::WeekSchedule => {
            let columns = layout::columns(&field.kind);
            Block::Table {
                title: field.label.clone(),
                columns: columns
                    .iter()
                    .map(|c| present::column_label(c.label).to_string())
                    .collect(),
                rows: answers
                    .rows(field)
                    .iter()
                    .map(|row| {
                        columns
                            .iter()
                            .map(|c| {
                                row.get(c.id)
                                    .map(|v| present::cell(c, v))
                                    .unwrap_or_default()
                            })
                            .collect()
                    })
                    .collect(),
            }
        }
        Kind::Checklist { items } => {
            let ticks = match answers.answer(&field.id) {
                Some(Answer::Ticks(t)) => t.clone(),
                _ => Default::default(),
            };
            Block::Checklist {
                title: field.label.clone(),
                items: items
                    .iter()
                    .map(|item| {
                        let tick = ticks.get(&item.id).cloned().unwrap_or_default();
                        (tick.done, item.label.clone(), tick.comment)
                    })
                    .collect(),
            }
        }
        _ => Block::Answer {
            question: field.label.clone(),
            lines: answers
                .shown(field)
                .map(|s| present::lines(answers, &s))
                .unwrap_or_default(),
            comment: comment(),
        },
    })
}

/// A blank form's answer: boxes to tick and lines to write on, as on the paper tool.
fn on_paper(block: Block, field: &Field) -> Block {
    let Block::Answer { question, .. } = block else {
        return block;
    };
    let comment = field
        .comment
        .as_ref()
        .map(|label| (label.clone(), String::new()));
    let boxes = |labels: Vec<&str>| {
        vec![
            labels
                .iter()
                .map(|l| format!("{} {l}", texts::words::UNTICKED))
                .collect::<Vec<_>>()
                .join("    "),
        ]
    };
    let lines = match &field.kind {
        Kind::YesNo | Kind::Choice { .. } => boxes(present::option_labels(field)),
        Kind::Check => vec![texts::words::UNTICKED.to_string()],
        Kind::DateRange => vec![format!(
            "{}: {PAPER_LINE}    {}: {PAPER_LINE}",
            texts::ui::FROM,
            texts::ui::TO
        )],
        Kind::Number { unit, .. } => vec![format!("{PAPER_LINE} {unit}")],
        Kind::List { item, max, .. } => (1..=max.unwrap_or(3))
            .map(|n| format!("{item} {n}: {PAPER_LINE}{PAPER_LINE}"))
            .collect(),
        _ => Vec::new(),
    };
    Block::Answer {
        question,
        lines,
        comment,
    }
}

const PAPER_LINE: &str = texts::words::BLANK;

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Empty table rows to add under a table: room to write on a blank form, and one row to
/// show an empty table as empty.
fn spare_rows(blank: bool, rows: usize) -> usize {
    if blank { 4 } else { usize::from(rows == 0) }
}

impl Document {
    /// The document in a format. Control characters someone may have pasted or planted in
    /// an answer (a terminal's escape sequences) never reach the file.
    pub fn render(&self, format: Format) -> String {
        let text = match format {
            Format::Html => html::render(self),
            Format::Markdown => markdown::render(self),
            Format::Text => text::render(self),
        };
        present::printable(&text).into_owned()
    }
}
