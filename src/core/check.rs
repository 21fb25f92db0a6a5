//! Reading and checking definitions: every problem comes back with file:line:column and the
//! offending line, so whoever edits a `tools/*.ron` file can go straight to the mistake.

use std::collections::{HashMap, HashSet};
use std::fmt;

use ron::extensions::Extensions;

use super::definition::{Condition, FORMAT_VERSION, Kind, Tool};
use crate::texts;

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
    pub message: String,
    /// The source line the problem is on, for context.
    pub excerpt: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
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
    fn problem_at(&self, line: usize, column: usize, message: String) -> Problem {
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
            message,
            excerpt,
        }
    }

    fn problem_at_offset(&self, offset: usize, message: String) -> Problem {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        self.problem_at(line, column, message)
    }

    /// A problem at the `nth` place where `key: literal` is written on one line (0-based), or
    /// at the top of the file when it cannot be found (e.g. written in an unusual way).
    fn problem_at_value(&self, key: &str, literal: &str, nth: usize, message: String) -> Problem {
        match self.find_value(key, literal).nth(nth) {
            Some(offset) => self.problem_at_offset(offset, message),
            None => self.problem_at(1, 1, message),
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
                texts::ron_error(&e.code),
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
    let mut report = |key: &str, value: &str, nth: usize, message: String| {
        problems.push(src.problem_at_value(key, value, nth, message));
    };

    if tool.format != FORMAT_VERSION {
        let message = texts::check::wrong_format(tool.format, FORMAT_VERSION);
        report("format", &tool.format.to_string(), 0, message);
    }
    if !is_valid_id(&tool.id) {
        report("id", &quoted(&tool.id), 0, texts::check::bad_id(&tool.id));
    }
    if tool.audience.is_empty() {
        report(
            "title",
            &quoted(&tool.title),
            0,
            texts::check::NO_AUDIENCE.into(),
        );
    }
    if tool.steps.is_empty() {
        report("id", &quoted(&tool.id), 0, texts::check::NO_STEPS.into());
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
            report("id", &quoted(&step.id), nth, texts::check::bad_id(&step.id));
        }
        if !step_ids.insert(step.id.as_str()) {
            report(
                "id",
                &quoted(&step.id),
                nth,
                texts::check::duplicate_id(&step.id),
            );
        }
        if step.fields.is_empty() {
            report(
                "id",
                &quoted(&step.id),
                nth,
                texts::check::empty_step(&step.id),
            );
        }
        for field in &step.fields {
            let nth = occurrence(&field.id);
            if !is_valid_id(&field.id) {
                report(
                    "id",
                    &quoted(&field.id),
                    nth,
                    texts::check::bad_id(&field.id),
                );
            }
            if !field_ids.insert(field.id.as_str()) {
                report(
                    "id",
                    &quoted(&field.id),
                    nth,
                    texts::check::duplicate_id(&field.id),
                );
            }
            if let Some(condition) = &field.when {
                check_condition(condition, &earlier, &all_fields, &mut report);
            }
            if (field.follow_up || field.closes) && field.kind != Kind::Date {
                report(
                    "id",
                    &quoted(&field.id),
                    nth,
                    texts::check::DATE_ONLY.into(),
                );
            }
            for message in check_kind(&field.kind, &all_fields) {
                report("id", &quoted(&field.id), nth, message);
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
    report: &mut impl FnMut(&str, &str, usize, String),
) {
    let target = condition.field();
    let Some(kind) = earlier.get(target) else {
        let message = if all_fields.contains(target) {
            texts::check::condition_later(target)
        } else {
            texts::check::condition_unknown(target)
        };
        report("field", &quoted(target), 0, message);
        return;
    };
    let Some(options) = kind.option_ids() else {
        if !condition.values().is_empty() {
            report(
                "field",
                &quoted(target),
                0,
                texts::check::condition_not_choice(target),
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
                texts::check::condition_bad_value(target, value, &options),
            );
        }
    }
}

/// Problems inside one field's kind, as messages (located at the field's id).
fn check_kind(kind: &Kind, all_fields: &HashSet<&str>) -> Vec<String> {
    use texts::check as t;
    let mut out = Vec::new();
    let mut unique = |what: &str, ids: Vec<&str>| {
        let mut seen = HashSet::new();
        for id in ids {
            if !is_valid_id(id) {
                out.push(t::bad_id(id));
            } else if !seen.insert(id) {
                out.push(format!("{what}: {}", t::duplicate_id(id)));
            }
        }
    };
    match kind {
        Kind::Choice { options } => {
            unique(t::OPTIONS, options.iter().map(|o| o.id()).collect());
            if options.len() < 2 {
                out.push(t::FEW_OPTIONS.into());
            }
        }
        Kind::Table { columns, .. } => {
            unique(t::COLUMNS, columns.iter().map(|c| c.id.as_str()).collect());
            if columns.is_empty() {
                out.push(t::NO_COLUMNS.into());
            }
        }
        Kind::Checklist { items } => {
            unique(t::ITEMS, items.iter().map(|i| i.id.as_str()).collect());
            if items.is_empty() {
                out.push(t::NO_ITEMS.into());
            }
        }
        Kind::Number { min, max, .. } if min > max => out.push(t::bad_bounds(*min, *max)),
        Kind::List {
            min,
            max: Some(max),
            ..
        } if *max == 0 || min > max => out.push(t::bad_list_bounds(*min, *max)),
        Kind::Template { text } => {
            for name in template_placeholders(text) {
                if !all_fields.contains(name) {
                    out.push(t::template_unknown(name));
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
                let message = texts::check::name_taken(&name, other);
                problems.push(src.problem_at_value(key, &literal, 0, message));
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
            let message = texts::check::unknown_tool(target);
            problems.push(src.problem_at_value("carries_to", &quoted(target), 0, message));
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
                let message = texts::check::unknown_tool(target);
                problems.push(src.problem_at_value(key, &quoted(target), 0, message));
            }
        }
    }
    (problems, keep)
}
