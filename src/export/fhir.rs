//! HL7 FHIR R4 for health systems: a tool as a `Questionnaire`, a session as a
//! `QuestionnaireResponse` that refers to it, both as JSON.
//!
//! The documents (HTML, Markdown, text) are laid out from a [`super::Document`]; FHIR needs
//! the typed answers instead (a date as a date, a choice as a coding), so it is built from
//! the same read-only [`Answers`] and the same choice of fields: shown ones, and for a copy
//! that leaves them out ([`super::keeps`]) none that are private.
//!
//! How the definition maps (linkId = the field's id throughout):
//!
//! | kind | item |
//! |---|---|
//! | step | `group`, linkId `trin:<step id>`, its guidance a `display` item first |
//! | Text, LongText | `string`, `text` |
//! | Date | `date` |
//! | DateRange | `group` with `date` items `<id>.fra` and `<id>.til` |
//! | Number | `decimal`, with the minValue, maxValue and questionnaire-unit extensions |
//! | YesNo, Check | `boolean` |
//! | Choice | `choice`, each option an `answerOption` coding (code = option id) |
//! | List | `string`, `repeats` (the questionnaire-maxOccurs extension for a limit) |
//! | Table, WeekSchedule | `group`, `repeats`, an item `<id>.<column>` per column |
//! | Checklist | `group`, a `boolean` item `<id>.<item>` per item, its note nested in it |
//! | Info, Link | `display` |
//! | Template | `group`, a `text` item `<id>.<n>` per paragraph (as it reads now) |
//! | comment | a `text` item `<id>#kommentar` after the field, shown when it is |
//!
//! Conditions become `enableWhen` (`=` on a boolean or a coding, `exists` for `Answered`;
//! several values: `enableBehavior: any`); `required` is kept; the hint is the
//! entryFormat extension.

use chrono::SecondsFormat;
use serde::Serialize;

use super::{Recipient, keeps};
use crate::core::answers::{Answers, Shown};
use crate::core::definition::{Condition, Field, Kind, NO, Step, Tool, YES, paragraphs};
use crate::core::layout;
use crate::core::session::{Answer, STORED_DATE, Session, Status};
use crate::present;
use crate::texts::fhir as t;

/// The namespace of the program's canonical URLs and code systems. A name, not an address:
/// nothing is served there.
pub const NAMESPACE: &str = "urn:vejen-frem";

/// The canonical URL of a tool's Questionnaire.
pub fn questionnaire_url(tool: &Tool) -> String {
    format!("{NAMESPACE}:questionnaire:{}", tool.id)
}

/// The code system of a field's options (a choice's, a checklist's items).
fn code_system(tool: &Tool, field: &Field) -> String {
    format!("{NAMESPACE}:{}:{}", tool.id, field.id)
}

fn step_link(step: &Step) -> String {
    format!("trin:{}", step.id)
}

fn part_link(field: &Field, part: &str) -> String {
    format!("{}.{part}", field.id)
}

fn comment_link(id: &str) -> String {
    format!("{id}#kommentar")
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    resource_type: &'static str,
    language: &'static str,
    url: String,
    version: String,
    title: String,
    status: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    item: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extension: Vec<Extension>,
    link_id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    enable_when: Vec<EnableWhen>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enable_behavior: Option<&'static str>,
    #[serde(skip_serializing_if = "is_false")]
    required: bool,
    #[serde(skip_serializing_if = "is_false")]
    repeats: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answer_option: Vec<AnswerOption>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<Item>,
}

fn is_false(b: &bool) -> bool {
    !b
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Extension {
    url: &'static str,
    #[serde(flatten)]
    value: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct EnableWhen {
    question: String,
    operator: &'static str,
    #[serde(flatten)]
    answer: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct AnswerOption {
    value_coding: Coding,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct Coding {
    system: String,
    code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    display: String,
}

/// A typed value: `valueString`, `answerBoolean` … (the prefix is the containing type's).
#[derive(Debug, Clone, PartialEq, Serialize)]
enum Value {
    #[serde(rename = "valueString")]
    String(String),
    #[serde(rename = "valueDate")]
    Date(String),
    #[serde(rename = "valueDateTime")]
    DateTime(String),
    #[serde(rename = "valueDecimal")]
    Decimal(f64),
    #[serde(rename = "valueInteger")]
    Integer(i64),
    #[serde(rename = "valueBoolean")]
    Boolean(bool),
    #[serde(rename = "valueCoding")]
    Coding(Coding),
    #[serde(rename = "answerBoolean")]
    AnswerBoolean(bool),
    #[serde(rename = "answerCoding")]
    AnswerCoding(Coding),
}

const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
const UNIT: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
const MAX_OCCURS: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs";
const MIN_OCCURS: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs";
const ENTRY_FORMAT: &str = "http://hl7.org/fhir/StructureDefinition/entryFormat";
/// Where an imported session came from: who shared it, when, its id where it was made and
/// when it came here. FHIR has no element for these on a response, so they are this
/// program's own extensions.
const SHARED_BY: &str = "urn:vejen-frem:shared-by";
const SHARED_AT: &str = "urn:vejen-frem:shared-at";
const ORIGINAL: &str = "urn:vejen-frem:original-session";
const IMPORTED_AT: &str = "urn:vejen-frem:imported-at";

fn item(link_id: String, text: &str, kind: &'static str) -> Item {
    Item {
        extension: Vec::new(),
        link_id,
        text: text.to_string(),
        kind,
        enable_when: Vec::new(),
        enable_behavior: None,
        required: false,
        repeats: false,
        answer_option: Vec::new(),
        item: Vec::new(),
    }
}

/// The tool as a FHIR R4 Questionnaire.
pub fn questionnaire(tool: &Tool) -> Questionnaire {
    let item = tool
        .steps
        .iter()
        .map(|step| {
            let mut group = item(step_link(step), &step.title, "group");
            if !step.guidance.trim().is_empty() {
                let link = format!("{}:vejledning", step_link(step));
                group.item.push(item(link, &step.guidance, "display"));
            }
            for field in &step.fields {
                group.item.extend(field_items(tool, field));
            }
            group
        })
        .collect();
    Questionnaire {
        resource_type: "Questionnaire",
        language: "da",
        url: questionnaire_url(tool),
        version: tool.version.to_string(),
        title: tool.title.clone(),
        status: "active",
        description: tool.intro.clone(),
        item,
    }
}

/// A field's item, and its comment's after it.
fn field_items(tool: &Tool, field: &Field) -> Vec<Item> {
    let (kind, parts) = match &field.kind {
        Kind::Text => ("string", Vec::new()),
        Kind::LongText => ("text", Vec::new()),
        Kind::Date => ("date", Vec::new()),
        Kind::Number { .. } => ("decimal", Vec::new()),
        Kind::YesNo | Kind::Check => ("boolean", Vec::new()),
        Kind::Choice { .. } => ("choice", Vec::new()),
        Kind::List { .. } => ("string", Vec::new()),
        Kind::Info { .. } | Kind::Link { .. } => ("display", Vec::new()),
        Kind::DateRange => (
            "group",
            vec![
                item(part_link(field, "fra"), t::FROM, "date"),
                item(part_link(field, "til"), t::TO, "date"),
            ],
        ),
        Kind::Table { .. } | Kind::WeekSchedule => (
            "group",
            layout::columns(&field.kind)
                .iter()
                .map(|c| {
                    let kind = match c.input {
                        layout::Input::Date => "date",
                        _ => "string",
                    };
                    item(part_link(field, c.id), present::column_label(c.label), kind)
                })
                .collect(),
        ),
        Kind::Checklist { items } => (
            "group",
            items
                .iter()
                .map(|i| {
                    let mut tick = item(part_link(field, &i.id), &i.label, "boolean");
                    let note = comment_link(&tick.link_id);
                    tick.item.push(item(note, t::NOTE, "string"));
                    tick
                })
                .collect(),
        ),
        Kind::Template { text } => (
            "group",
            paragraphs(text)
                .enumerate()
                .map(|(n, p)| item(part_link(field, &n.to_string()), p, "text"))
                .collect(),
        ),
    };
    let text = match &field.kind {
        Kind::Info { text } => text.as_str(),
        _ => field.label.as_str(),
    };
    let mut main = item(field.id.clone(), text, kind);
    main.item = parts;
    main.required = field.required && field.kind.is_input();
    main.repeats = matches!(
        field.kind,
        Kind::List { .. } | Kind::Table { .. } | Kind::WeekSchedule
    );
    if let Some(condition) = &field.when {
        let (enable_when, behavior) = enable_when(tool, condition);
        main.enable_when = enable_when;
        main.enable_behavior = behavior;
    }
    if !field.hint.is_empty() && kind != "display" && kind != "group" {
        main.extension.push(Extension {
            url: ENTRY_FORMAT,
            value: Value::String(field.hint.clone()),
        });
    }
    match &field.kind {
        Kind::Number { unit, min, max } => main.extension.extend([
            Extension {
                url: MIN_VALUE,
                value: Value::Decimal(*min),
            },
            Extension {
                url: MAX_VALUE,
                value: Value::Decimal(*max),
            },
            Extension {
                url: UNIT,
                value: Value::Coding(Coding {
                    system: format!("{NAMESPACE}:unit"),
                    code: unit.clone(),
                    display: unit.clone(),
                }),
            },
        ]),
        Kind::Choice { options } => {
            main.answer_option = options
                .iter()
                .map(|o| AnswerOption {
                    value_coding: Coding {
                        system: code_system(tool, field),
                        code: o.id().to_string(),
                        display: o.label().to_string(),
                    },
                })
                .collect();
        }
        Kind::List { min, max, .. } => {
            if *min > 0 {
                main.extension.push(Extension {
                    url: MIN_OCCURS,
                    value: Value::Integer(*min as i64),
                });
            }
            if let Some(max) = max {
                main.extension.push(Extension {
                    url: MAX_OCCURS,
                    value: Value::Integer(*max as i64),
                });
            }
        }
        _ => {}
    }
    let mut out = vec![main];
    if let Some(label) = &field.comment {
        let mut comment = item(comment_link(&field.id), label, "text");
        comment.enable_when = out[0].enable_when.clone();
        comment.enable_behavior = out[0].enable_behavior;
        out.push(comment);
    }
    out
}

/// A condition as `enableWhen`: on the first question of the field it looks at.
fn enable_when(tool: &Tool, condition: &Condition) -> (Vec<EnableWhen>, Option<&'static str>) {
    let Some(target) = tool.field(condition.field()) else {
        return (Vec::new(), None);
    };
    let question = match &target.kind {
        Kind::DateRange => part_link(target, "fra"),
        Kind::Table { .. } | Kind::WeekSchedule => layout::columns(&target.kind)
            .first()
            .map_or_else(|| target.id.clone(), |c| part_link(target, c.id)),
        Kind::Checklist { items } => items
            .first()
            .map_or_else(|| target.id.clone(), |i| part_link(target, &i.id)),
        _ => target.id.clone(),
    };
    let answer = |value: &str| match &target.kind {
        Kind::Choice { .. } => Value::AnswerCoding(Coding {
            system: code_system(tool, target),
            code: value.to_string(),
            display: String::new(),
        }),
        _ => Value::AnswerBoolean(value == YES),
    };
    let when: Vec<EnableWhen> = match condition {
        Condition::Answered { .. } => vec![EnableWhen {
            question,
            operator: "exists",
            answer: Value::AnswerBoolean(true),
        }],
        Condition::Equals { .. } | Condition::AnyOf { .. } => condition
            .values()
            .into_iter()
            .filter(|v| *v == YES || *v == NO || matches!(target.kind, Kind::Choice { .. }))
            .map(|v| EnableWhen {
                question: question.clone(),
                operator: "=",
                answer: answer(v),
            })
            .collect(),
    };
    let behavior = (when.len() > 1).then_some("any");
    (when, behavior)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    resource_type: &'static str,
    language: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extension: Vec<Extension>,
    identifier: Identifier,
    questionnaire: String,
    status: &'static str,
    authored: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<ResponseItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct Identifier {
    system: String,
    value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct ResponseItem {
    link_id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answer: Vec<ResponseAnswer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<ResponseItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct ResponseAnswer {
    #[serde(flatten)]
    value: Value,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<ResponseItem>,
}

fn answered(link_id: String, values: Vec<Value>) -> Option<ResponseItem> {
    (!values.is_empty()).then(|| ResponseItem {
        link_id,
        answer: values
            .into_iter()
            .map(|value| ResponseAnswer {
                value,
                item: Vec::new(),
            })
            .collect(),
        item: Vec::new(),
    })
}

fn group(link_id: String, item: Vec<ResponseItem>) -> Option<ResponseItem> {
    (!item.is_empty()).then_some(ResponseItem {
        link_id,
        answer: Vec::new(),
        item,
    })
}

fn text(value: &str) -> Option<Value> {
    (!value.trim().is_empty()).then(|| Value::String(value.to_string()))
}

/// The session as a FHIR R4 QuestionnaireResponse to the tool's Questionnaire, with the
/// answers the copy for `recipient` holds.
pub fn response(
    tool: &Tool,
    session: &Session,
    recipient: Recipient,
    answers_today: chrono::NaiveDate,
) -> QuestionnaireResponse {
    let answers = Answers::new(tool, session, answers_today);
    let item = tool
        .steps
        .iter()
        .filter_map(|step| {
            let items: Vec<ResponseItem> = step
                .fields
                .iter()
                .filter(|f| answers.is_visible(f) && keeps(recipient, tool, f))
                .flat_map(|f| field_answers(&answers, f))
                .collect();
            group(step_link(step), items)
        })
        .collect();
    let time = |t: &chrono::DateTime<chrono::FixedOffset>| {
        Value::DateTime(t.to_rfc3339_opts(SecondsFormat::Secs, false))
    };
    let extension = session.imported.iter().flat_map(|imported| {
        [
            (SHARED_BY, Value::String(imported.from.clone())),
            (SHARED_AT, time(&imported.shared)),
            (ORIGINAL, Value::String(imported.original.clone())),
            (IMPORTED_AT, time(&imported.at)),
        ]
        .map(|(url, value)| Extension { url, value })
    });
    QuestionnaireResponse {
        resource_type: "QuestionnaireResponse",
        language: "da",
        extension: extension.collect(),
        identifier: Identifier {
            system: format!("{NAMESPACE}:session"),
            value: session.id.clone(),
        },
        questionnaire: format!("{}|{}", questionnaire_url(tool), tool.version),
        status: match session.status {
            Status::Completed => "completed",
            Status::Draft => "in-progress",
        },
        authored: session.updated.to_rfc3339_opts(SecondsFormat::Secs, false),
        item,
    }
}

fn date(d: chrono::NaiveDate) -> Value {
    Value::Date(d.format(STORED_DATE).to_string())
}

/// A field's answer as response items (none when it has none), its comment's after it.
fn field_answers(answers: &Answers<'_>, field: &Field) -> Vec<ResponseItem> {
    let tool = answers.tool();
    let id = field.id.clone();
    let mut out: Vec<ResponseItem> = Vec::new();
    match (answers.answer(&field.id), &field.kind) {
        (_, Kind::Template { .. }) => {
            if let Some(Shown::Template(paragraphs)) = answers.shown(field) {
                let parts = paragraphs
                    .iter()
                    .enumerate()
                    .filter_map(|(n, p)| {
                        let text = text(&present::template(answers, &p.pieces))?;
                        answered(part_link(field, &n.to_string()), vec![text])
                    })
                    .collect();
                out.extend(group(id, parts));
            }
        }
        (None, _) => {}
        (Some(Answer::Text(t)), _) => out.extend(answered(id, text(t).into_iter().collect())),
        (Some(Answer::Date(d)), _) => out.extend(answered(id, vec![date(*d)])),
        (Some(Answer::Number(n)), _) => out.extend(answered(id, vec![Value::Decimal(*n)])),
        (Some(Answer::Check(on)), _) => out.extend(answered(id, vec![Value::Boolean(*on)])),
        (Some(Answer::Choice(choice)), Kind::Choice { options }) => {
            let display = options
                .iter()
                .find(|o| o.id() == choice)
                .map(|o| o.label().to_string())
                .unwrap_or_default();
            let coding = Coding {
                system: code_system(tool, field),
                code: choice.clone(),
                display,
            };
            out.extend(answered(id, vec![Value::Coding(coding)]));
        }
        (Some(Answer::Choice(choice)), _) => {
            let values = match choice.as_str() {
                YES => vec![Value::Boolean(true)],
                NO => vec![Value::Boolean(false)],
                _ => Vec::new(),
            };
            out.extend(answered(id, values));
        }
        (Some(Answer::DateRange { from, to }), _) => {
            let parts = [("fra", from), ("til", to)]
                .into_iter()
                .filter_map(|(part, d)| answered(part_link(field, part), vec![date((*d)?)]))
                .collect();
            out.extend(group(id, parts));
        }
        (Some(Answer::Entries(entries)), _) => {
            out.extend(answered(
                id,
                entries.iter().filter_map(|e| text(e)).collect(),
            ));
        }
        (Some(Answer::Rows(_)), _) => {
            let columns = layout::columns(&field.kind);
            for row in answers.rows(field) {
                let cells = columns
                    .iter()
                    .filter_map(|c| {
                        let raw = row.get(c.id)?;
                        let value = match c.input {
                            layout::Input::Date => {
                                chrono::NaiveDate::parse_from_str(raw, STORED_DATE)
                                    .ok()
                                    .map(date)
                            }
                            _ => text(raw),
                        }?;
                        answered(part_link(field, c.id), vec![value])
                    })
                    .collect();
                out.extend(group(id.clone(), cells));
            }
        }
        (Some(Answer::Ticks(ticks)), Kind::Checklist { items }) => {
            let parts = items
                .iter()
                .filter_map(|i| {
                    let tick = ticks.get(&i.id)?;
                    let link = part_link(field, &i.id);
                    let note = text(&tick.comment)
                        .and_then(|v| answered(comment_link(&link), vec![v]))
                        .into_iter()
                        .collect();
                    Some(ResponseItem {
                        link_id: link,
                        answer: vec![ResponseAnswer {
                            value: Value::Boolean(tick.done),
                            item: note,
                        }],
                        item: Vec::new(),
                    })
                })
                .collect();
            out.extend(group(id, parts));
        }
        (Some(Answer::Ticks(_) | Answer::Paragraphs(_)), _) => {}
    }
    if field.comment.is_some()
        && let Some(comment) = answers.comment(field)
    {
        out.extend(answered(
            comment_link(&field.id),
            vec![Value::String(comment.to_string())],
        ));
    }
    out
}

/// A resource as the JSON written to a file: indented, ending in a new line.
pub fn json(resource: &impl Serialize) -> String {
    match serde_json::to_string_pretty(resource) {
        Ok(text) => format!("{text}\n"),
        // Plain data: serialising cannot fail.
        Err(_) => String::new(),
    }
}
