//! Reading and checking definitions: every problem comes back with file:line:column and the
//! offending line, so whoever edits a `tools/*.ron` file can go straight to the mistake.

use std::collections::{HashMap, HashSet};
use std::fmt;

use ron::extensions::Extensions;

use super::definition::{Audience, Condition, FORMAT_VERSION, Kind, Tool};

/// A definition file's text and the name to show for it (a path, or `tools/x.ron` for the
/// definitions built into the program).
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// Where the file stopped being UTF-8 (a byte offset into `text`, which holds what came
    /// before it), if it did.
    pub invalid_utf8: Option<usize>,
}

/// The most of each thing a definition may hold: more than any person could fill in, less
/// than what would make the program slow or run out of memory.
pub mod limits {
    pub const FILE_BYTES: usize = 1024 * 1024;
    pub const STEPS: usize = 60;
    pub const FIELDS: usize = 600;
    pub const OPTIONS: usize = 40;
    pub const COLUMNS: usize = 16;
    pub const ITEMS: usize = 300;
    /// List entries, at least or at most.
    pub const ENTRIES: usize = 200;
    /// The bounds of a number field.
    pub const NUMBER: f64 = 1e12;
    pub const ID_CHARS: usize = 64;
    /// A label, help, guidance or template text.
    pub const TEXT_CHARS: usize = 20_000;
    /// Problems reported of one file; the rest are counted.
    pub const PROBLEMS: usize = 200;
    /// Characters of a file's line shown under a problem.
    pub const EXCERPT_CHARS: usize = 120;
}

/// One thing wrong in a definition, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub kind: ProblemKind,
    /// The source line the problem is on (cut to a readable width), for context.
    pub excerpt: String,
    /// The problem's column within the excerpt (1-based).
    pub caret: usize,
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
    /// More of something than a definition may hold (see [`limits`]).
    TooMany {
        what: Within,
        count: usize,
        most: usize,
    },
    /// A number field's bound beyond [`limits::NUMBER`] (or not a number).
    NumberTooLarge(f64),
    /// A text or id longer than a definition may hold.
    TooLong {
        chars: usize,
        most: usize,
    },
    FileTooLarge(usize),
    /// The file is not UTF-8 from this point on.
    NotUtf8,
    /// The file starts with a byte order mark.
    ByteOrderMark,
    /// More problems than are shown.
    MoreProblems(usize),
    TemplateUnknown(String),
    /// A `renamed_from` id that a field of this version has, or another field claims too.
    RenamedClash(String),
    RenamedTwice(String),
    /// `moved_from` names the step the field is in.
    MovedFromSame(String),
    /// `renamed_from` or `moved_from` in a definition of version 1: there is no earlier one.
    NoEarlierVersion,
    UnknownTool(String),
    /// A tool id, number or alias another definition already uses.
    NameTaken {
        name: String,
        other: String,
    },
    // The portal's data (content/*.ron).
    /// A section of the information material that is not there.
    UnknownSection(String),
    UnknownCase(String),
    /// A quote that is not word for word in the text it names.
    NotInSource {
        quote: String,
        source: String,
    },
    /// A case whose box is not in its section.
    CaseHeadingNotFound(String),
    /// A case heading in a section that no case tells.
    CaseUntold {
        heading: String,
        section: String,
    },
    /// A reader without an entry, or with two.
    NoEntry(Audience),
    DuplicateEntry(Audience),
    /// An entry without one of the six sections.
    EntryLacksSection(String),
    /// Two regions chosen by the same letter.
    DuplicateKey(char),
    /// A region key that is not a small letter a-z.
    BadKey(char),
    NoFigure,
    /// A figure row whose region marks are not as wide as its drawing, or mark a blank.
    FigureMismatch {
        row: usize,
    },
    UnknownMark(char),
    RegionNotDrawn(String),
    NoStatements,
    /// The reflection walk is not about a workplace.
    NotAboutWorkplace(String),
    /// A step of the reflection walk that is not titled as a section with reflection
    /// questions, or does not ask exactly its questions in its order.
    ReflectionsUntitled(String),
    ReflectionsDiffer(String),
    /// A section's reflection questions that the walk does not ask.
    ReflectionsMissing(String),
}

/// What a problem counts: the options, columns or items of a field, or a tool's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Options,
    Columns,
    Items,
    Steps,
    Fields,
    Entries,
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
            let caret = " ".repeat(self.caret.saturating_sub(1));
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
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
            invalid_utf8: None,
        }
    }

    /// A definition file as it was read: text that stops being UTF-8 is kept up to there,
    /// and the place is reported.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Source {
        match String::from_utf8(bytes) {
            Ok(text) => Source::new(name, text),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let mut bytes = e.into_bytes();
                bytes.truncate(valid);
                Source {
                    invalid_utf8: Some(valid),
                    ..Source::new(name, String::from_utf8_lossy(&bytes).into_owned())
                }
            }
        }
    }

    /// Reads the text as RON of the shape `T`: text that is not UTF-8, a byte order mark,
    /// a file too large, or a syntax or shape error is the one problem, with its place.
    pub(crate) fn parse_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, Vec<Problem>> {
        let places = Places::new(self);
        if let Some(offset) = self.invalid_utf8 {
            return Err(vec![places.at_offset(offset, ProblemKind::NotUtf8)]);
        }
        if self.text.starts_with('\u{feff}') {
            return Err(vec![places.at(1, 1, ProblemKind::ByteOrderMark)]);
        }
        if self.text.len() > limits::FILE_BYTES {
            return Err(vec![places.at(
                1,
                1,
                ProblemKind::FileTooLarge(self.text.len()),
            )]);
        }
        ron_options().from_str(&self.text).map_err(|e| {
            vec![places.at(
                e.span.start.line,
                e.span.start.col,
                ProblemKind::Syntax(e.code),
            )]
        })
    }

    /// Parses and checks one definition on its own.
    pub fn parse(&self) -> Result<Tool, Vec<Problem>> {
        let tool: Tool = self.parse_as()?;
        let problems = check_tool(&Places::new(self), &tool);
        if problems.is_empty() {
            Ok(tool)
        } else {
            Err(problems)
        }
    }
}

/// Where things are in a definition's text, found in one pass (the first time a problem is
/// reported, so a good definition costs nothing here) so that reporting any number of
/// problems costs no more than reading the file: where each line starts, and where each
/// quoted text or number is written after a `key:` on the same line.
pub(crate) struct Places<'a> {
    src: &'a Source,
    found: std::cell::OnceCell<Found<'a>>,
}

struct Found<'a> {
    line_starts: Vec<usize>,
    /// (key, literal as written) → byte offsets, in the order they are written.
    values: HashMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> Found<'a> {
    fn new(text: &'a str) -> Found<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut values: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let mut key: Option<&str> = None;
            let bytes = line.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                let c = bytes[i];
                if c == b'"' {
                    // A quoted text, with its escapes.
                    let mut j = i + 1;
                    while j < bytes.len() && bytes[j] != b'"' {
                        j += if bytes[j] == b'\\' { 2 } else { 1 };
                    }
                    let end = (j + 1).min(bytes.len());
                    if let (Some(key), Some(literal)) = (key, line.get(i..end)) {
                        values.entry((key, literal)).or_default().push(start + i);
                    }
                    i = end;
                } else if is_word_byte(c) {
                    let mut j = i;
                    while j < bytes.len() && (is_word_byte(bytes[j]) || bytes[j] == b'.') {
                        j += 1;
                    }
                    let word = &line[i..j];
                    let colon = line[j..].trim_start().starts_with(':');
                    if colon && !word.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                        key = Some(word);
                    } else if let Some(key) = key {
                        values.entry((key, word)).or_default().push(start + i);
                    }
                    i = j;
                } else {
                    // Not ASCII: a whole character at a time.
                    i += line[i..].chars().next().map_or(1, char::len_utf8);
                }
            }
            start += line.len();
        }
        Found {
            line_starts,
            values,
        }
    }
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

impl<'a> Places<'a> {
    pub(crate) fn new(src: &'a Source) -> Places<'a> {
        Places {
            src,
            found: std::cell::OnceCell::new(),
        }
    }

    fn found(&self) -> &Found<'a> {
        self.found.get_or_init(|| Found::new(&self.src.text))
    }

    /// A problem at a line and column, with the line (cut to a readable width around the
    /// column) for context.
    pub(crate) fn at(&self, line: usize, column: usize, kind: ProblemKind) -> Problem {
        let text = &self.src.text;
        let (excerpt, caret) = self
            .found()
            .line_starts
            .get(line.saturating_sub(1))
            .map(|&start| {
                let rest = &text[start..];
                let row = rest
                    .split('\n')
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches('\r');
                excerpt_around(row, column)
            })
            .unwrap_or_default();
        Problem {
            file: self.src.name.clone(),
            line,
            column,
            kind,
            excerpt,
            caret,
        }
    }

    pub(crate) fn at_offset(&self, offset: usize, kind: ProblemKind) -> Problem {
        let offset = offset.min(self.src.text.len());
        let starts = &self.found().line_starts;
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let column = self
            .src
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        self.at(line.max(1), column, kind)
    }

    /// A problem at the `nth` place where `literal` is written after `key:` on one line
    /// (0-based), or at the top of the file when it cannot be found (written unusually).
    pub(crate) fn at_value(
        &self,
        key: &str,
        literal: &str,
        nth: usize,
        kind: ProblemKind,
    ) -> Problem {
        match self
            .found()
            .values
            .get(&(key, literal))
            .and_then(|found| found.get(nth))
        {
            Some(&offset) => self.at_offset(offset, kind),
            None => self.at(1, 1, kind),
        }
    }

    /// A problem at the `nth` place `literal` is written anywhere (0-based), or at the top
    /// of the file when it is not.
    pub(crate) fn at_text(&self, literal: &str, nth: usize, kind: ProblemKind) -> Problem {
        match self.src.text.match_indices(literal).nth(nth) {
            Some((offset, _)) => self.at_offset(offset, kind),
            None => self.at(1, 1, kind),
        }
    }
}

/// A line cut to [`limits::EXCERPT_CHARS`] around `column`, with "…" where it was cut, and
/// the column within what is shown.
fn excerpt_around(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= limits::EXCERPT_CHARS {
        return (line.to_string(), column);
    }
    let start = column
        .saturating_sub(limits::EXCERPT_CHARS / 2)
        .min(chars.len() - limits::EXCERPT_CHARS);
    let mut out: String = chars[start..start + limits::EXCERPT_CHARS].iter().collect();
    let mut caret = column - start;
    if start > 0 {
        out.insert(0, '…');
        caret += 1;
    }
    if start + limits::EXCERPT_CHARS < chars.len() {
        out.push('…');
    }
    (out, caret)
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// Ids are used as keys in session files and on the command line: keep them plain.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= limits::ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_tool(places: &Places, tool: &Tool) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut beyond = 0;
    let mut report = |key: &str, value: &str, nth: usize, kind: ProblemKind| {
        if problems.len() < limits::PROBLEMS {
            problems.push(places.at_value(key, value, nth, kind));
        } else {
            beyond += 1;
        }
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
    let too_many = |what, count, most| ProblemKind::TooMany { what, count, most };
    if tool.steps.len() > limits::STEPS {
        let kind = too_many(Within::Steps, tool.steps.len(), limits::STEPS);
        report("id", &quoted(&tool.id), 0, kind);
    }
    let fields = tool.fields().count();
    if fields > limits::FIELDS {
        report(
            "id",
            &quoted(&tool.id),
            0,
            too_many(Within::Fields, fields, limits::FIELDS),
        );
    }
    for text in [&tool.title, &tool.intro] {
        if let Some(kind) = too_long(text, limits::TEXT_CHARS) {
            report("id", &quoted(&tool.id), 0, kind);
        }
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
        for text in [&step.title, &step.guidance] {
            if let Some(kind) = too_long(text, limits::TEXT_CHARS) {
                report("id", &quoted(&step.id), nth, kind);
            }
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
            for text in [&field.label, &field.help, &field.hint] {
                if let Some(kind) = too_long(text, limits::TEXT_CHARS) {
                    report("id", &quoted(&field.id), nth, kind);
                }
            }
            check_history(
                field,
                step.id.as_str(),
                tool.version,
                &all_fields,
                &mut report,
            );
            earlier.insert(&field.id, &field.kind);
        }
    }
    // An earlier id belongs to one field only.
    let mut claimed: HashMap<&str, usize> = HashMap::new();
    for old in tool.fields().flat_map(|f| &f.renamed_from) {
        let nth = claimed.entry(old.as_str()).or_default();
        if *nth > 0 {
            report(
                "renamed_from",
                &quoted(old),
                *nth,
                ProblemKind::RenamedTwice(old.clone()),
            );
        }
        *nth += 1;
    }
    if beyond > 0 {
        problems.push(places.at(1, 1, ProblemKind::MoreProblems(beyond)));
    }
    problems
}

/// What a field says of its earlier versions: ids that are ids, none that a field of this
/// version has, and a step it moved from that is not its own.
fn check_history(
    field: &super::definition::Field,
    step: &str,
    version: u32,
    all_fields: &HashSet<&str>,
    report: &mut impl FnMut(&str, &str, usize, ProblemKind),
) {
    for old in &field.renamed_from {
        if !is_valid_id(old) {
            report(
                "renamed_from",
                &quoted(old),
                0,
                ProblemKind::BadId(old.clone()),
            );
        } else if all_fields.contains(old.as_str()) {
            let kind = ProblemKind::RenamedClash(old.clone());
            report("renamed_from", &quoted(old), 0, kind);
        }
    }
    if let Some(moved) = &field.moved_from {
        if !is_valid_id(moved) {
            report(
                "moved_from",
                &quoted(moved),
                0,
                ProblemKind::BadId(moved.clone()),
            );
        } else if moved == step {
            let kind = ProblemKind::MovedFromSame(moved.clone());
            report("moved_from", &quoted(moved), 0, kind);
        }
    }
    if version < 2 && (!field.renamed_from.is_empty() || field.moved_from.is_some()) {
        let (key, literal) = match (field.renamed_from.first(), &field.moved_from) {
            (Some(old), _) => ("renamed_from", old),
            (None, Some(moved)) => ("moved_from", moved),
            (None, None) => return,
        };
        report(key, &quoted(literal), 0, ProblemKind::NoEarlierVersion);
    }
}

/// A text longer than `most` characters is a problem.
fn too_long(text: &str, most: usize) -> Option<ProblemKind> {
    let chars = text.chars().count();
    (chars > most).then_some(ProblemKind::TooLong { chars, most })
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
    let at_most = |what: Within, count: usize, most: usize| {
        if count > most {
            Some(ProblemKind::TooMany { what, count, most })
        } else {
            None
        }
    };
    let mut sizes = Vec::new();
    match kind {
        Kind::Choice { options } => {
            sizes.extend(at_most(Within::Options, options.len(), limits::OPTIONS));
        }
        Kind::Table { columns, .. } => {
            sizes.extend(at_most(Within::Columns, columns.len(), limits::COLUMNS));
        }
        Kind::Checklist { items } => {
            sizes.extend(at_most(Within::Items, items.len(), limits::ITEMS));
        }
        Kind::List {
            min, max, hints, ..
        } => {
            let most = (*min).max(max.unwrap_or(0)).max(hints.len());
            sizes.extend(at_most(Within::Entries, most, limits::ENTRIES));
        }
        Kind::Number { min, max, .. } => {
            for bound in [*min, *max] {
                if !bound.is_finite() || bound.abs() > limits::NUMBER {
                    sizes.push(ProblemKind::NumberTooLarge(bound));
                }
            }
        }
        Kind::Info { text } | Kind::Template { text } => {
            sizes.extend(too_long(text, limits::TEXT_CHARS));
        }
        _ => {}
    }
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
    out.extend(sizes);
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
    let places: Vec<Places> = tools.iter().map(|(_, src)| Places::new(src)).collect();
    let mut keep = vec![true; tools.len()];
    let mut owners: HashMap<String, &str> = HashMap::new();
    for (i, (tool, src)) in tools.iter().enumerate() {
        let number = tool
            .number
            .map(|n| (n.to_string(), "number", n.to_string()));
        let names = [(tool.id.clone(), "id", quoted(&tool.id))]
            .into_iter()
            .chain(number)
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
                problems.push(places[i].at_value(key, &literal, 0, kind));
                keep[i] = false;
            } else {
                owners.insert(name, &src.name);
            }
        }
    }
    // Links to other tools must name tools that are there.
    let ids: HashSet<&str> = tools.iter().map(|(t, _)| t.id.as_str()).collect();
    for ((tool, _), places) in tools.iter().zip(&places) {
        let named = [("carries_to", &tool.carries_to), ("next", &tool.next)];
        for (key, targets) in named {
            for target in targets.iter().filter(|t| !ids.contains(t.as_str())) {
                let kind = ProblemKind::UnknownTool(target.clone());
                problems.push(places.at_value(key, &quoted(target), 0, kind));
            }
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
                problems.push(places.at_value(key, &quoted(target), 0, kind));
            }
        }
    }
    (problems, keep)
}
