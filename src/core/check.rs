//! Reading and checking definitions: every problem comes back with file:line:column and the
//! offending line, so whoever edits a `tools/*.ron` file can go straight to the mistake.

use std::collections::{HashMap, HashSet};
use std::fmt;

use ron::extensions::Extensions;

use super::definition::{Condition, FORMAT_VERSION, Kind, Tool};

/// A definition file's text and the name to show for it (a path, or `tools/x.ron` for the
/// definitions built into the program).
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

/// One thing wrong in a definition, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub kind: ProblemKind,
    /// The source line the problem is on, for context.
    pub excerpt: String,
}

/// What is wrong. The words are in `texts` (`Display for ProblemKind`).
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is not RON of the definition's shape.
    Syntax(ron::Error),
    WrongFormat {
        found: u32,
    },
    NoAudience,
    NoSteps,
    /// An id with characters other than a-z, 0-9 and `-`.
    BadId(String),
    DuplicateId(String),
    /// A duplicate among a field's options, columns or checklist items.
    DuplicateIn {
        what: Within,
        id: String,
    },
    EmptyStep(String),
    ConditionUnknown(String),
    /// A condition on a field that comes later (or on the field itself).
    ConditionLater(String),
    ConditionNotChoice(String),
    ConditionBadValue {
        field: String,
        value: String,
        options: Vec<String>,
    },
    /// `follow_up` or `closes` on a field that is not a date.
    DateOnly,
    FewOptions,
    NoColumns,
    NoItems,
    BadBounds {
        min: f64,
        max: f64,
    },
    BadListBounds {
        min: usize,
        max: usize,
    },
    TemplateUnknown(String),
    UnknownTool(String),
    /// A tool id, number or alias another definition already uses.
    NameTaken {
        name: String,
        other: String,
    },
}

/// Where in a field a duplicate id is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Options,
    Columns,
    Items,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.kind
        )?;
        if !self.excerpt.is_empty() {
            let pad = " ".repeat(self.line.to_string().len());
            let caret = " ".repeat(self.column.saturating_sub(1));
            write!(
                f,
                "\n{pad} |\n{} | {}\n{pad} | {caret}^",
                self.line, self.excerpt
            )?;
        }
        Ok(())
    }
}

/// The RON options used for every definition: `Some(..)` may be left out around optional values.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

impl Source {
    fn problem_at(&self, line: usize, column: usize, kind: ProblemKind) -> Problem {
        let excerpt = self
            .text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .to_string();
        Problem {
            file: self.name.clone(),
            line,
            column,
            kind,
            excerpt,
        }
    }

    fn problem_at_offset(&self, offset: usize, kind: ProblemKind) -> Problem {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        self.problem_at(line, column, kind)
    }

    /// A problem at the `nth` place where `key: literal` is written on one line (0-based), or
    /// at the top of the file when it cannot be found (e.g. written in an unusual way).
    fn problem_at_value(&self, key: &str, literal: &str, nth: usize, kind: ProblemKind) -> Problem {
        match self.find_value(key, literal).nth(nth) {
            Some(offset) => self.problem_at_offset(offset, kind),
            None => self.problem_at(1, 1, kind),
        }
    }

    /// Byte offsets of each place `key:` is followed by `literal` on the same line.
    fn find_value<'a>(&'a self, key: &'a str, literal: &str) -> impl Iterator<Item = usize> + 'a {
        let literal = literal.to_string();
        let text = &self.text;
        text.match_indices(key).filter_map(move |(at, _)| {
            let starts_word = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let after = text[at + key.len()..].trim_start();
            let rest = after.strip_prefix(':').filter(|_| starts_word)?;
            let rest_start = text.len() - rest.len();
            let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            line.find(&literal).map(|i| rest_start + i)
        })
    }

    /// Parses and checks one definition on its own.
    pub fn parse(&self) -> Result<Tool, Vec<Problem>> {
        let tool: Tool = ron_options().from_str(&self.text).map_err(|e| {
            vec![self.problem_at(
                e.span.start.line,
                e.span.start.col,
                ProblemKind::Syntax(e.code),
            )]
        })?;
        let problems = check_tool(self, &tool);
        if problems.is_empty() {
            Ok(tool)
        } else {
            Err(problems)
        }
    }
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// Ids are used as keys in session files and on the command line: keep them plain.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_tool(src: &Source, tool: &Tool) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |key: &str, value: &str, nth: usize, kind: ProblemKind| {
        problems.push(src.problem_at_value(key, value, nth, kind));
    };

    if tool.format != FORMAT_VERSION {
        let kind = ProblemKind::WrongFormat { found: tool.format };
        report("format", &tool.format.to_string(), 0, kind);
    }
    if !is_valid_id(&tool.id) {
        report(
            "id",
            &quoted(&tool.id),
            0,
            ProblemKind::BadId(tool.id.clone()),
        );
    }
    if tool.audience.is_empty() {
        report("title", &quoted(&tool.title), 0, ProblemKind::NoAudience);
    }
    if tool.steps.is_empty() {
        report("id", &quoted(&tool.id), 0, ProblemKind::NoSteps);
    }

    // How often each `id: "…"` has been written so far, to point at the right one; steps and
    // fields have separate namespaces.
    let mut written: HashMap<String, usize> = HashMap::new();
    let mut occurrence = |id: &str| -> usize {
        let n = written.entry(id.to_string()).or_default();
        *n += 1;
        *n - 1
    };
    occurrence(&tool.id);
    let mut step_ids = HashSet::new();
    let mut field_ids = HashSet::new();

    // Fields answered before the current one, for conditions: they may only look back.
    let mut earlier: HashMap<&str, &Kind> = HashMap::new();
    let all_fields: HashSet<&str> = tool.fields().map(|f| f.id.as_str()).collect();

    for step in &tool.steps {
        let nth = occurrence(&step.id);
        if !is_valid_id(&step.id) {
            report(
                "id",
                &quoted(&step.id),
                nth,
                ProblemKind::BadId(step.id.clone()),
            );
        }
        if !step_ids.insert(step.id.as_str()) {
            report(
                "id",
                &quoted(&step.id),
                nth,
                ProblemKind::DuplicateId(step.id.clone()),
            );
        }
        if step.fields.is_empty() {
            report(
                "id",
                &quoted(&step.id),
                nth,
                ProblemKind::EmptyStep(step.id.clone()),
            );
        }
        for field in &step.fields {
            let nth = occurrence(&field.id);
            if !is_valid_id(&field.id) {
                report(
                    "id",
                    &quoted(&field.id),
                    nth,
                    ProblemKind::BadId(field.id.clone()),
                );
            }
            if !field_ids.insert(field.id.as_str()) {
                report(
                    "id",
                    &quoted(&field.id),
                    nth,
                    ProblemKind::DuplicateId(field.id.clone()),
                );
            }
            if let Some(condition) = &field.when {
                check_condition(condition, &earlier, &all_fields, &mut report);
            }
            if (field.follow_up || field.closes) && field.kind != Kind::Date {
                report("id", &quoted(&field.id), nth, ProblemKind::DateOnly);
            }
            for kind in check_kind(&field.kind, &all_fields) {
                report("id", &quoted(&field.id), nth, kind);
            }
            earlier.insert(&field.id, &field.kind);
        }
    }
    problems
}

fn check_condition(
    condition: &Condition,
    earlier: &HashMap<&str, &Kind>,
    all_fields: &HashSet<&str>,
    report: &mut impl FnMut(&str, &str, usize, ProblemKind),
) {
    let target = condition.field();
    let Some(kind) = earlier.get(target) else {
        let kind = if all_fields.contains(target) {
            ProblemKind::ConditionLater(target.to_string())
        } else {
            ProblemKind::ConditionUnknown(target.to_string())
        };
        report("field", &quoted(target), 0, kind);
        return;
    };
    let Some(options) = kind.option_ids() else {
        if !condition.values().is_empty() {
            report(
                "field",
                &quoted(target),
                0,
                ProblemKind::ConditionNotChoice(target.to_string()),
            );
        }
        return;
    };
    for value in condition.values() {
        if !options.contains(&value) {
            report(
                "value",
                &quoted(value),
                0,
                ProblemKind::ConditionBadValue {
                    field: target.to_string(),
                    value: value.to_string(),
                    options: options.iter().map(|o| o.to_string()).collect(),
                },
            );
        }
    }
}

/// Problems inside one field's kind (located at the field's id).
fn check_kind(kind: &Kind, all_fields: &HashSet<&str>) -> Vec<ProblemKind> {
    let mut out = Vec::new();
    let mut unique = |what: Within, ids: Vec<&str>| {
        let mut seen = HashSet::new();
        for id in ids {
            if !is_valid_id(id) {
                out.push(ProblemKind::BadId(id.to_string()));
            } else if !seen.insert(id) {
                out.push(ProblemKind::DuplicateIn {
                    what,
                    id: id.to_string(),
                });
            }
        }
    };
    match kind {
        Kind::Choice { options } => {
            unique(Within::Options, options.iter().map(|o| o.id()).collect());
            if options.len() < 2 {
                out.push(ProblemKind::FewOptions);
            }
        }
        Kind::Table { columns, .. } => {
            unique(
                Within::Columns,
                columns.iter().map(|c| c.id.as_str()).collect(),
            );
            if columns.is_empty() {
                out.push(ProblemKind::NoColumns);
            }
        }
        Kind::Checklist { items } => {
            unique(Within::Items, items.iter().map(|i| i.id.as_str()).collect());
            if items.is_empty() {
                out.push(ProblemKind::NoItems);
            }
        }
        Kind::Number { min, max, .. } if min > max => out.push(ProblemKind::BadBounds {
            min: *min,
            max: *max,
        }),
        Kind::List {
            min,
            max: Some(max),
            ..
        } if *max == 0 || min > max => out.push(ProblemKind::BadListBounds {
            min: *min,
            max: *max,
        }),
        Kind::Template { text } => {
            for name in template_placeholders(text) {
                if !all_fields.contains(name) {
                    out.push(ProblemKind::TemplateUnknown(name.to_string()));
                }
            }
        }
        _ => {}
    }
    out
}

/// The `{field-id}` blanks of a template text, in order.
pub fn template_placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// Checks what a set of parsed tools must agree on: no two tools with the same id, number
/// or alias. Returns the problems and, for each tool, whether it may be kept (the first
/// tool to claim a name keeps it).
pub fn check_names(tools: &[(Tool, &Source)]) -> (Vec<Problem>, Vec<bool>) {
    let mut problems = Vec::new();
    let mut keep = vec![true; tools.len()];
    let mut owners: HashMap<String, &str> = HashMap::new();
    for (i, (tool, src)) in tools.iter().enumerate() {
        let names = [
            (tool.id.clone(), "id", quoted(&tool.id)),
            (tool.number.to_string(), "number", tool.number.to_string()),
        ]
        .into_iter()
        .chain(
            tool.aliases
                .iter()
                .map(|a| (a.to_lowercase(), "aliases", quoted(a))),
        );
        for (name, key, literal) in names {
            if let Some(other) = owners.get(&name) {
                let kind = ProblemKind::NameTaken {
                    name: name.clone(),
                    other: other.to_string(),
                };
                problems.push(src.problem_at_value(key, &literal, 0, kind));
                keep[i] = false;
            } else {
                owners.insert(name, &src.name);
            }
        }
    }
    // Links to other tools must name tools that are there.
    let ids: HashSet<&str> = tools.iter().map(|(t, _)| t.id.as_str()).collect();
    for (tool, src) in tools {
        for target in tool.carries_to.iter().filter(|t| !ids.contains(t.as_str())) {
            let kind = ProblemKind::UnknownTool(target.clone());
            problems.push(src.problem_at_value("carries_to", &quoted(target), 0, kind));
        }
        for field in tool.fields() {
            let (key, target) = match &field.kind {
                Kind::Link { tool } => ("tool", tool),
                Kind::List {
                    pick_from: Some(tool),
                    ..
                } => ("pick_from", tool),
                _ => continue,
            };
            if !ids.contains(target.as_str()) {
                let kind = ProblemKind::UnknownTool(target.clone());
                problems.push(src.problem_at_value(key, &quoted(target), 0, kind));
            }
        }
    }
    (problems, keep)
}
