//! Documents people can hand over: a tool and a session turned into HTML (for printing),
//! Markdown, or plain text for a patient record. Building the [`Document`] decides what is
//! in it (private fields left out of the employer's copy); the renderers only lay it out.
//! Nothing here writes files: the store does.

pub mod fhir;
mod html;
mod markdown;
pub mod note;
mod text;

use chrono::NaiveDate;

use crate::core::answers::{Answers, Piece, Shown};
use crate::core::catalog::Catalog;
use crate::core::content;
use crate::core::definition::{About, Condition, Field, Kind, Step, Tool};
use crate::core::layout;
use crate::core::privacy;
use crate::core::session::{Answer, Session, Status};
use crate::present;
use crate::texts::export as t;
use crate::texts::{self, Text};

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
        .as_str()
    }
}

/// What a session is exported as: a document in one of the formats, or a FHIR
/// QuestionnaireResponse for health systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Document(Format),
    Fhir,
}

impl Output {
    /// In the order the export dialog offers them.
    pub const ALL: [Output; 4] = [
        Output::Document(Format::Html),
        Output::Document(Format::Markdown),
        Output::Document(Format::Text),
        Output::Fhir,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Output::Document(format) => format.extension(),
            Output::Fhir => "fhir.json",
        }
    }

    /// The output as the export dialog names it.
    pub fn name(self) -> &'static str {
        match self {
            Output::Document(format) => format.name(),
            Output::Fhir => texts::fhir::FORMAT.as_str(),
        }
    }
}

/// The text of a session's export for `recipient`: the document in its format, or the
/// FHIR QuestionnaireResponse.
pub fn export(
    tool: &Tool,
    session: &Session,
    recipient: Recipient,
    today: NaiveDate,
    output: Output,
) -> String {
    match output {
        Output::Document(format) => document(tool, session, recipient, today).render(format),
        Output::Fhir => fhir::json(&fhir::response(tool, session, recipient, today)),
    }
}

/// Whether the copy for `recipient` holds `field`: a copy that leaves private fields out
/// (the employer's, the workplace's) holds no private one. Documents and FHIR alike.
pub(crate) fn keeps(recipient: Recipient, tool: &Tool, field: &Field) -> bool {
    !recipient.is_shared() || !tool.is_private(field)
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
        .as_str()
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
pub fn file_name(session: &Session, recipient: Recipient, output: Output) -> String {
    let who = match recipient {
        Recipient::Employee => texts::export::FILE_EMPLOYEE,
        Recipient::Employer => texts::export::FILE_EMPLOYER,
        Recipient::Record => texts::export::FILE_RECORD,
        Recipient::Workplace => texts::export::FILE_WORKPLACE,
    };
    format!("{}-{who}.{}", session.id, output.extension())
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
    /// The tool's introduction, on a blank form.
    pub intro: Vec<Para>,
    pub summary: Option<Summary>,
    pub sections: Vec<Section>,
    /// Signature lines, each with a date line ("Underskrift leder").
    pub signatures: Vec<String>,
    /// A blank paper form: comments and checklist items get lines to write on.
    pub blank: bool,
}

/// A paragraph of text to read: lines, or a list of bullets.
#[derive(Debug, Clone, PartialEq)]
pub enum Para {
    Text(String),
    Bullets(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub title: String,
    /// Step title and the guidance shown for it.
    pub items: Vec<(String, Vec<Para>)>,
}

/// One step of the tool.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// With the step's number: "1. Find ud af, …".
    pub title: String,
    /// On paper the step starts a new page.
    pub new_page: bool,
    /// The step's guidance, on a blank form.
    pub guidance: Vec<Para>,
    pub blocks: Vec<Block>,
}

/// One field of the tool: its question and what goes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The question or heading; may be empty.
    pub title: String,
    /// A box before the title, ticked or not: a box to tick, or the report's "sæt kryds,
    /// når spørgsmålet er blevet besvaret".
    pub tick: Option<bool>,
    /// Explanation under the title, on a blank form.
    pub help: String,
    /// When the field applies, on a blank form, which shows every field.
    pub when: String,
    pub content: Content,
    /// The comment's label and text ("Noter"); on a blank form the text is empty.
    pub comment: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Nothing under the title (a box to tick is in the title).
    Nothing,
    /// The answer in lines; none: not answered.
    Answer(Vec<String>),
    /// Lines to write on, the report's example on the first.
    Write {
        lines: usize,
        example: String,
    },
    /// Options to tick.
    Options(Vec<String>),
    /// Labelled lines to write on ("Delmål 1", "Fra"), each with its example.
    Entries(Vec<(String, String)>),
    /// A table: its column headings, the report's example for each column (on a blank
    /// form), its rows, and empty rows to write in.
    Table {
        columns: Vec<String>,
        examples: Vec<String>,
        rows: Vec<Vec<String>>,
        spare: usize,
    },
    Checklist(Vec<Item>),
    /// Text to read: facts, suggested responses, a filled-in template, a tool to use.
    Text(Vec<Para>),
}

impl Block {
    /// The box before the title, with a space after it: ticked, not, or none.
    pub fn mark(&self) -> String {
        match self.tick {
            Some(true) => format!("{} ", texts::words::TICKED),
            Some(false) => format!("{} ", texts::words::UNTICKED),
            None => String::new(),
        }
    }
}

/// Options as boxes to tick: "☐ Ja".
fn boxed(options: &[String]) -> Vec<String> {
    options
        .iter()
        .map(|o| format!("{} {o}", texts::words::UNTICKED))
        .collect()
}

/// A checklist item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The heading it stands under ("Formål og synlighed"); may be empty.
    pub group: String,
    pub done: bool,
    pub label: String,
    pub comment: String,
}

/// Builds the document of `session` for `recipient`.
pub fn document(
    tool: &Tool,
    session: &Session,
    recipient: Recipient,
    today: NaiveDate,
) -> Document {
    let answers = Answers::new(tool, session, today);
    let keep = |field: &Field| keeps(recipient, tool, field);
    // A field whose answer fills a blank of the policy is read there, not again on its own.
    let in_template: Vec<&str> = tool
        .fields()
        .filter(|f| answers.is_visible(f) && keep(f))
        .filter_map(|f| match answers.shown(f) {
            Some(Shown::Template(paragraphs)) => Some(paragraphs),
            _ => None,
        })
        .flatten()
        .flat_map(|p| p.pieces)
        .filter_map(|piece| match piece {
            Piece::Blank(field) => Some(field.id.as_str()),
            Piece::Text(_) => None,
        })
        .collect();
    let printed =
        |f: &&Field| answers.is_visible(f) && keep(f) && !in_template.contains(&f.id.as_str());
    let paper = Paper::Filled(&answers);
    let sections: Vec<Section> = tool
        .steps
        .iter()
        .enumerate()
        .filter_map(|(i, step)| {
            let blocks: Vec<Block> = step
                .fields
                .iter()
                .filter(printed)
                .filter_map(|f| block(paper, step, f))
                .collect();
            (!blocks.is_empty()).then(|| Section {
                title: t::step_title(i + 1, &step.title),
                new_page: step.new_page,
                guidance: Vec::new(),
                blocks,
            })
        })
        .collect();
    // The summary's sources: the conditional guidance. When the copy may hold none of them
    // (the employer's copy of the screening), there is no summary to give, rather than one
    // that says "not answered".
    let sources: Vec<(&Step, &Field)> = tool
        .steps
        .iter()
        .flat_map(|step| step.fields.iter().map(move |f| (step, f)))
        .filter(|(_, f)| f.when.is_some() && matches!(f.kind, Kind::Info { .. }))
        .collect();
    let summary = tool
        .summary
        .as_ref()
        .filter(|_| sources.iter().any(|(_, f)| keep(f)))
        .map(|title| Summary {
            title: title.clone(),
            items: sources
                .iter()
                .filter(|(_, f)| answers.is_visible(f) && keep(f))
                .filter_map(|(step, f)| match &f.kind {
                    Kind::Info { text } => Some((step.title.clone(), paras(text))),
                    _ => None,
                })
                .collect(),
        });
    let mut facts = vec![
        (t::STATUS.to_string(), texts::session_status(session)),
        (
            t::CREATED.to_string(),
            session.created.format(texts::words::DATE_TIME).to_string(),
        ),
        (
            t::UPDATED.to_string(),
            session.updated.format(texts::words::DATE_TIME).to_string(),
        ),
    ];
    if !session.label.is_empty() {
        let label = match tool.about {
            About::Person => t::LABEL,
            About::Workplace => t::WORKPLACE,
        };
        facts.insert(0, (label.to_string(), session.label.clone()));
    }
    if !session.history.is_empty() {
        facts.insert(
            facts.len() - 2,
            (t::HISTORY.to_string(), texts::history(session)),
        );
    }
    // Where it came from, when it was imported: last.
    if let Some(imported) = &session.imported {
        facts.push((
            texts::share::IMPORTED.to_string(),
            texts::share::provenance(imported),
        ));
    }
    // Answers whose question is gone: the person's own copies hold them, under their id;
    // nobody can tell whether they were private, so the shared copies do not.
    let unasked = answers.unasked();
    let mut sections = sections;
    if !recipient.is_shared() && !unasked.is_empty() {
        sections.push(Section {
            title: texts::migrate::UNASKED.to_string(),
            new_page: false,
            guidance: Vec::new(),
            blocks: unasked
                .iter()
                .map(|(id, answer)| Block {
                    title: id.to_string(),
                    tick: None,
                    help: String::new(),
                    when: String::new(),
                    content: Content::Answer(present::unasked_lines(answer)),
                    comment: None,
                })
                .collect(),
        });
    }
    let left_out = recipient.is_shared() && tool.fields().any(|f| tool.is_private(f));
    let unasked_left_out = recipient.is_shared() && !unasked.is_empty();
    // Signature lines are for the parties' copies of what was agreed: a completed session,
    // not a draft (nor one reopened after it was signed), and not the patient record's copy.
    let signed = session.status == Status::Completed && recipient != Recipient::Record;
    let unsigned = !signed && recipient != Recipient::Record && !tool.signatures.is_empty();
    let notice: Vec<&str> = [
        left_out.then_some(t::PRIVATE_LEFT_OUT),
        unasked_left_out.then_some(t::UNASKED_LEFT_OUT),
        unsigned.then_some(t::NOT_FOR_SIGNING),
    ]
    .into_iter()
    .flatten()
    .map(Text::as_str)
    .collect();
    Document {
        title: tool.title.clone(),
        subtitle: subtitle(tool),
        facts,
        notice: (!notice.is_empty()).then(|| notice.join(" ")),
        intro: Vec::new(),
        summary,
        sections,
        signatures: if signed {
            tool.signatures.clone()
        } else {
            Vec::new()
        },
        blank: false,
    }
}

/// The fields of the employer's copy whose typed text mentions health, each with its
/// label (or id) and the words found, in the tool's order: said before the copy is written,
/// since the employer should read about function and tasks, not diagnoses.
pub fn health_mentions(tool: &Tool, session: &Session) -> Vec<(String, Vec<String>)> {
    let answers = Answers::new(tool, session, session.updated.date_naive());
    tool.fields()
        .filter(|f| answers.is_visible(f) && tool.reaches_employer(f))
        .filter_map(|f| {
            let words = privacy::health_mentions(&answers.typed(f).join("\n"));
            let name = if f.label.is_empty() { &f.id } else { &f.label };
            (!words.is_empty()).then(|| (name.clone(), words))
        })
        .collect()
}

/// The tool as an empty paper form, with everything the screen shows: the introduction,
/// every step with its guidance, every field (conditions or not, said when they apply)
/// with its help and the report's examples, and room to write. `catalog` names the tools
/// a field points to.
pub fn blank_form(tool: &Tool, catalog: &Catalog, today: NaiveDate) -> Document {
    let empty = Session::empty(&tool.id);
    let answers = Answers::new(tool, &empty, today);
    let paper = Paper::Blank(&answers, catalog);
    let sections = tool
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| Section {
            title: t::step_title(i + 1, &step.title),
            new_page: step.new_page,
            guidance: paras(&step.guidance),
            blocks: step
                .fields
                .iter()
                .filter_map(|f| block(paper, step, f))
                .collect(),
        })
        .collect();
    Document {
        title: tool.title.clone(),
        subtitle: subtitle(tool),
        facts: Vec::new(),
        notice: None,
        intro: paras(&tool.intro),
        summary: None,
        sections,
        signatures: tool.signatures.clone(),
        blank: true,
    }
}

/// A text of the reading material (the introduction and overview of the tools, a section
/// of the information material) as a document to print: its `##` headings are its
/// sections, and its paragraphs, boxes and tables stay in their order.
pub fn reading(doc: &content::Document) -> Document {
    let mut intro = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let prose = |paras: Vec<Para>| Block {
        title: String::new(),
        tick: None,
        help: String::new(),
        when: String::new(),
        content: Content::Text(paras),
        comment: None,
    };
    for block in content::blocks(doc.text) {
        let block = match block {
            content::Block::Heading(title) if title == doc.title => continue,
            content::Block::Heading(title) => {
                sections.push(Section {
                    title,
                    new_page: false,
                    guidance: Vec::new(),
                    blocks: Vec::new(),
                });
                continue;
            }
            content::Block::Paragraph(text) => prose(vec![Para::Text(text)]),
            content::Block::Bullet(item) => prose(vec![Para::Bullets(vec![item])]),
            // A box: its first line is its heading.
            content::Block::Quote(text) => {
                let (title, rest) = text.split_once('\n').unwrap_or((&text, ""));
                Block {
                    title: title.to_string(),
                    ..prose(paras(rest))
                }
            }
            content::Block::Table { header, rows } => Block {
                content: Content::Table {
                    examples: vec![String::new(); header.len()],
                    columns: header,
                    rows,
                    spare: 0,
                },
                ..prose(Vec::new())
            },
        };
        let blocks = match sections.last_mut() {
            Some(section) => &mut section.blocks,
            None => &mut intro,
        };
        // Running text and bullets go on in the text before them.
        let running = |b: &Block| b.title.is_empty() && matches!(b.content, Content::Text(_));
        match blocks.last_mut() {
            Some(last) if running(last) && running(&block) => {
                if let (Content::Text(before), Content::Text(paras)) =
                    (&mut last.content, block.content)
                {
                    for para in paras {
                        match (before.last_mut(), para) {
                            (Some(Para::Bullets(items)), Para::Bullets(more)) => items.extend(more),
                            (_, para) => before.push(para),
                        }
                    }
                }
            }
            _ => blocks.push(block),
        }
    }
    // Text before the first section is the introduction.
    let intro = intro
        .into_iter()
        .flat_map(|b| match b.content {
            Content::Text(paras) => paras,
            _ => Vec::new(),
        })
        .collect();
    Document {
        title: doc.title.clone(),
        subtitle: t::READING.to_string(),
        facts: Vec::new(),
        notice: None,
        intro,
        summary: None,
        sections,
        signatures: Vec::new(),
        blank: false,
    }
}

fn subtitle(tool: &Tool) -> String {
    let audience: Vec<&str> = tool
        .audience
        .iter()
        .map(|a| texts::audience(*a).as_str())
        .collect();
    t::subtitle(tool.number, &audience.join(", "))
}

/// What a document is made from: a session's answers, or nothing but room to write.
#[derive(Clone, Copy)]
enum Paper<'s, 'a> {
    Filled(&'s Answers<'a>),
    Blank(&'s Answers<'a>, &'s Catalog),
}

/// A field as a block of the document; `None` when it has nothing to print (a button to
/// open another tool, in a filled document).
fn block<'a>(paper: Paper<'_, 'a>, step: &Step, field: &'a Field) -> Option<Block> {
    let (answers, blank) = match paper {
        Paper::Filled(answers) => (answers, false),
        Paper::Blank(answers, _) => (answers, true),
    };
    let ticked = match field.kind {
        Kind::Check => Some(matches!(
            answers.answer(&field.id),
            Some(Answer::Check(true))
        )),
        _ if step.tick_answered => Some(answers.is_answered(field)),
        _ => None,
    };
    let mut title = field.label.clone();
    if let Kind::Number { unit, .. } = &field.kind {
        title = format!("{title} ({unit})");
    }
    let comment = field.comment.as_ref().and_then(|label| match blank {
        true => Some((label.clone(), String::new())),
        false => answers
            .comment(field)
            .map(|text| (label.clone(), text.to_string())),
    });
    let content = match (&field.kind, paper) {
        (Kind::Link { .. }, Paper::Filled(_)) => return None,
        (Kind::Link { tool }, Paper::Blank(_, catalog)) => {
            let target = catalog.get(tool).map_or_else(
                || tool.clone(),
                |e| t::see_tool(e.tool.number, &e.tool.title),
            );
            Content::Text(vec![Para::Text(target)])
        }
        (Kind::Info { text }, _) => Content::Text(paras(text)),
        (Kind::Template { .. }, _) => Content::Text(match answers.shown(field) {
            Some(Shown::Template(p)) => present::template_paragraphs(answers, &p)
                .into_iter()
                .map(Para::Text)
                .collect(),
            _ => Vec::new(),
        }),
        (Kind::Table { .. } | Kind::WeekSchedule, _) => table(answers, field, blank),
        (Kind::Checklist { items }, _) => {
            let ticks = match answers.answer(&field.id) {
                Some(Answer::Ticks(t)) => t.clone(),
                _ => Default::default(),
            };
            Content::Checklist(
                items
                    .iter()
                    .map(|item| {
                        let tick = ticks.get(&item.id).cloned().unwrap_or_default();
                        Item {
                            group: item.group.clone(),
                            done: tick.done,
                            label: item.label.clone(),
                            comment: tick.comment,
                        }
                    })
                    .collect(),
            )
        }
        (Kind::Check, _) => Content::Nothing,
        (_, Paper::Blank(..)) => on_paper(field),
        (_, Paper::Filled(_)) => Content::Answer(
            answers
                .shown(field)
                .map(|s| present::lines(answers, &s))
                .unwrap_or_default(),
        ),
    };
    let (help, when) = match blank {
        true => (field.help.clone(), when(answers, step, field)),
        false => (String::new(), String::new()),
    };
    Some(Block {
        title,
        tick: ticked,
        help,
        when,
        content,
        comment,
    })
}

/// A table or week schedule: headings (on paper with the report's example for the
/// column), the rows, and empty rows to write in.
fn table(answers: &Answers<'_>, field: &Field, blank: bool) -> Content {
    let columns = layout::columns(&field.kind);
    let rows: Vec<Vec<String>> = answers
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
        .collect();
    let example = |c: &layout::Column<'_>| match blank {
        true => c.hint.to_string(),
        false => String::new(),
    };
    // Room to write on paper, and one empty row to show an empty table as empty.
    let spare = if blank {
        SPARE_ROWS
    } else {
        usize::from(rows.is_empty())
    };
    Content::Table {
        columns: columns
            .iter()
            .map(|c| present::column_label(c.label).to_string())
            .collect(),
        examples: columns.iter().map(example).collect(),
        rows,
        spare,
    }
}

/// Empty rows of a table on a blank form.
const SPARE_ROWS: usize = 4;
/// Lines to write on for a text of several lines, and entries of a list without a limit.
const LONG_TEXT_LINES: usize = 3;

/// A question's room to write on paper: boxes to tick and lines, as on the paper tool.
fn on_paper(field: &Field) -> Content {
    let date = texts::words::DATE_PLACEHOLDER.to_string();
    match &field.kind {
        Kind::YesNo | Kind::Choice { .. } => Content::Options(
            present::option_labels(field)
                .into_iter()
                .map(str::to_string)
                .collect(),
        ),
        Kind::DateRange => Content::Entries(vec![
            (texts::ui::FROM.to_string(), date.clone()),
            (texts::ui::TO.to_string(), date),
        ]),
        Kind::List {
            item,
            hints,
            min,
            max,
            ..
        } => {
            let count = max.unwrap_or(LONG_TEXT_LINES).max(hints.len()).max(*min);
            Content::Entries(
                (0..count)
                    .map(|i| {
                        let hint = hints.get(i).cloned().unwrap_or_default();
                        (format!("{item} {}", i + 1), hint)
                    })
                    .collect(),
            )
        }
        Kind::Date => Content::Write {
            lines: 1,
            example: date,
        },
        Kind::LongText => Content::Write {
            lines: LONG_TEXT_LINES,
            example: field.hint.clone(),
        },
        _ => Content::Write {
            lines: 1,
            example: field.hint.clone(),
        },
    }
}

/// When a conditional field applies, in words: "Ved svaret Ja eller Ved ikke".
fn when(answers: &Answers<'_>, step: &Step, field: &Field) -> String {
    let Some(condition) = &field.when else {
        return String::new();
    };
    let Some(target) = answers.tool().field(condition.field()) else {
        return String::new();
    };
    // The question is named unless it stands in the same step, just above.
    let question =
        (!step.fields.iter().any(|f| f.id == target.id)).then_some(target.label.as_str());
    match condition {
        Condition::Answered { .. } => t::when_answered(question),
        Condition::Equals { .. } | Condition::AnyOf { .. } => {
            let ids = target.kind.option_ids().unwrap_or_default();
            let labels = present::option_labels(target);
            let chosen: Vec<&str> = condition
                .values()
                .iter()
                .filter_map(|v| ids.iter().position(|id| id == v))
                .filter_map(|i| labels.get(i).copied())
                .collect();
            t::when_answer(&chosen, question)
        }
    }
}

/// Text split into paragraphs (at blank lines), and each into lines and bullets (`- `).
pub fn paras(text: &str) -> Vec<Para> {
    let mut out = Vec::new();
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let mut lines: Vec<String> = Vec::new();
        let mut bullets: Vec<String> = Vec::new();
        for line in paragraph.lines() {
            match line.trim().strip_prefix("- ") {
                Some(item) => {
                    if !lines.is_empty() {
                        out.push(Para::Text(std::mem::take(&mut lines).join("\n")));
                    }
                    bullets.push(item.trim().to_string());
                }
                None => {
                    if !bullets.is_empty() {
                        out.push(Para::Bullets(std::mem::take(&mut bullets)));
                    }
                    lines.push(line.trim().to_string());
                }
            }
        }
        if !lines.is_empty() {
            out.push(Para::Text(lines.join("\n")));
        }
        if !bullets.is_empty() {
            out.push(Para::Bullets(bullets));
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_paragraphs_of_lines_and_bullets() {
        assert_eq!(
            paras("Spørg om dette:\n- Hvor sikker?\n- Hvad hjælper?\n\nSidste linje\nog en til"),
            vec![
                Para::Text("Spørg om dette:".into()),
                Para::Bullets(vec!["Hvor sikker?".into(), "Hvad hjælper?".into()]),
                Para::Text("Sidste linje\nog en til".into()),
            ]
        );
    }
}
