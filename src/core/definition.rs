//! The definition model: what a tool (redskab) looks like in `tools/*.ron`.
//!
//! Everything that differs between the 13 tools lives in those files; this module only knows
//! the shapes they may take. Enums are externally tagged (`Choice(options: [...])`) and every
//! struct denies unknown fields, so a misspelt key is an error with a position, not a silent
//! default.

use serde::Deserialize;

/// The definition format this program reads. Bumped only for incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    /// Must equal [`FORMAT_VERSION`].
    pub format: u32,
    /// Stable id, used in session files and on the command line (`vejen-frem screening`).
    pub id: String,
    /// The number the report gives the redskab ("Redskab 10"). A walk that is not one of
    /// the report's redskaber (the information material's reflection questions) has none,
    /// and is not listed among the redskaber.
    #[serde(default)]
    pub number: Option<u32>,
    /// Revision of this definition; recorded in every session answered against it.
    pub version: u32,
    pub title: String,
    /// Who the tool is for, as in the report's overview table.
    pub audience: Vec<Audience>,
    /// The report's introduction, paragraphs separated by a blank line.
    #[serde(default)]
    pub intro: String,
    /// Extra names accepted on the command line, e.g. `"screening"`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Answers of this tool may be handed to the employer: the screen reminds the writer
    /// to write about function and tasks, not diagnoses.
    #[serde(default)]
    pub to_employer: bool,
    /// Whom the answers are about: a person (the default) or a workplace. A workplace's
    /// session is labelled with the workplace's name, and the screen reminds the writer not
    /// to name anyone.
    #[serde(default)]
    pub about: About,
    /// The matching tools this one's answers can be carried into (by id), e.g. the
    /// employee's dialogue (1) into the manager's (4).
    #[serde(default)]
    pub carries_to: Vec<String>,
    /// The tools that usually come next in a forløb (by id), likeliest first: a forløb's
    /// tool picker offers them first. The program's suggestion, not the report's.
    #[serde(default)]
    pub next: Vec<String>,
    /// Signature lines printed under the exported document, each with a date line
    /// ("Underskrift leder").
    #[serde(default)]
    pub signatures: Vec<String>,
    /// Heading of a summary in exported documents: the step titles whose conditional
    /// guidance was shown, with that guidance (the screening's barriers that are present).
    #[serde(default)]
    pub summary: Option<String>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum About {
    #[default]
    Person,
    Workplace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Audience {
    Medarbejder,
    Leder,
    Arbejdsmiljoorganisation,
    Laege,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::Medarbejder,
        Audience::Leder,
        Audience::Arbejdsmiljoorganisation,
        Audience::Laege,
    ];
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// Text shown above the fields: the report's instructions for this step.
    #[serde(default)]
    pub guidance: String,
    /// The report's "sæt kryds, når spørgsmålet er blevet besvaret": each field shows a
    /// box that is ticked as soon as it has an answer.
    #[serde(default)]
    pub tick_answered: bool,
    /// On paper the step starts a new page, as the report's form does ("Side 2 af 2").
    #[serde(default)]
    pub new_page: bool,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Stable id, unique within the tool; matching tools share ids for the same question.
    pub id: String,
    /// The question or heading as the report words it.
    #[serde(default)]
    pub label: String,
    /// Extra explanation shown under the label.
    #[serde(default)]
    pub help: String,
    /// The report's example ("Fx gulvvask …"), shown in an empty field, never saved.
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub required: bool,
    /// Show the field only when an earlier answer matches.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Adds a free-text comment to the answer, labelled with this text ("Noter").
    #[serde(default)]
    pub comment: Option<String>,
    /// Kept out of the employer's copy (the GP's notes, anything about diagnosis).
    #[serde(default)]
    pub private: bool,
    /// A date field holding the next follow-up ("Dato for næste opfølgning"): collected for
    /// the start screen and `vejen-frem followups`.
    #[serde(default)]
    pub follow_up: bool,
    /// A date field that, once answered, closes the course (the agreement's "Afslutning"):
    /// its follow-ups are no longer due.
    #[serde(default)]
    pub closes: bool,
    /// The ids this field had in earlier versions of the definition, newest first: a
    /// session answered against one of them finds its answer here (`renamed_from: ["b",
    /// "a"]` after a → b → this).
    #[serde(default)]
    pub renamed_from: Vec<String>,
    /// The step (by id) this field stood in, in the version before: an open draft says
    /// where its answer went, and resumes there.
    #[serde(default)]
    pub moved_from: Option<String>,
    pub kind: Kind,
}

/// What a field asks for. Display-only kinds ([`Kind::Info`], [`Kind::Link`]) take no answer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A calendar date, typed as dd-mm-yyyy.
    Date,
    /// Two dates, from and to; "to" may not be before "from".
    DateRange,
    /// A number with a unit and bounds.
    Number { unit: String, min: f64, max: f64 },
    /// Ja / Nej.
    YesNo,
    /// One of a fixed list of options.
    Choice { options: Vec<ChoiceOption> },
    /// A single box to tick ("er dokumenteret i MSB-loggen").
    Check,
    /// A list of entries, e.g. Delmål 1–3. `hints` are shown in the matching empty entries.
    List {
        item: String,
        #[serde(default)]
        hints: Vec<String>,
        #[serde(default)]
        min: usize,
        #[serde(default)]
        max: Option<usize>,
        /// Entries can be picked from the lists of this tool's sessions (the resource bank's
        /// alternative tasks into the agreement's task list).
        #[serde(default)]
        pick_from: Option<String>,
    },
    /// A table with fixed columns and rows added over time (the follow-up log). With
    /// `append_only`, rows saved in an earlier sitting can no longer be changed: a
    /// correction is a new row, and the earlier text stays readable.
    Table {
        columns: Vec<Column>,
        #[serde(default)]
        append_only: bool,
    },
    /// Week number by Monday–Sunday, weeks added as needed.
    WeekSchedule,
    /// Items that can be ticked and commented (the MSB-policy checklist).
    Checklist { items: Vec<ChecklistItem> },
    /// Text to read: facts, guidance, suggested responses.
    Info { text: String },
    /// The report's text with blanks `{field-id}` filled in from other answers (the policy
    /// template). Its paragraphs (separated by a blank line) can each be adapted to the
    /// workplace; the report's wording stays the default.
    Template { text: String },
    /// A button that opens another tool (by id) in the same forløb, e.g. the screening's
    /// "Brug goal-setting som redskab" opens the goal tool.
    Link { tool: String },
}

/// `("ja", "Ja")`: a stable id stored in sessions, and the label shown.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ChoiceOption(pub String, pub String);

impl ChoiceOption {
    pub fn id(&self) -> &str {
        &self.0
    }
    pub fn label(&self) -> &str {
        &self.1
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub kind: CellKind,
    #[serde(default)]
    pub hint: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum CellKind {
    #[default]
    Text,
    Date,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub label: String,
    /// Optional heading the item belongs under ("Formål og synlighed").
    #[serde(default)]
    pub group: String,
}

/// When a field is shown. Values are option ids (`"ja"`, `"nej"`, or a choice's id).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Condition {
    Equals { field: String, value: String },
    AnyOf { field: String, values: Vec<String> },
    Answered { field: String },
}

impl Condition {
    pub fn field(&self) -> &str {
        match self {
            Condition::Equals { field, .. }
            | Condition::AnyOf { field, .. }
            | Condition::Answered { field } => field,
        }
    }

    /// The option ids the condition compares with (empty for `Answered`).
    pub fn values(&self) -> Vec<&str> {
        match self {
            Condition::Equals { value, .. } => vec![value.as_str()],
            Condition::AnyOf { values, .. } => values.iter().map(String::as_str).collect(),
            Condition::Answered { .. } => Vec::new(),
        }
    }
}

/// The options of Ja / Nej questions, shared by [`Kind::YesNo`] and [`Kind::Check`].
pub const YES: &str = "ja";
pub const NO: &str = "nej";

impl Kind {
    /// Whether the field takes an answer at all (a template's adapted paragraphs are one).
    pub fn is_input(&self) -> bool {
        !matches!(self, Kind::Info { .. } | Kind::Link { .. })
    }

    /// The option ids an answer of this kind can hold, where there is a fixed set.
    pub fn option_ids(&self) -> Option<Vec<&str>> {
        match self {
            Kind::YesNo | Kind::Check => Some(vec![YES, NO]),
            Kind::Choice { options } => Some(options.iter().map(ChoiceOption::id).collect()),
            _ => None,
        }
    }
}

/// The paragraphs of a template's text, in order: separated by a blank line.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

impl Tool {
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(|s| s.fields.iter())
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|f| f.id == id)
    }

    /// Whether a field stays out of the employer's copy: marked private, or shown because
    /// of a private answer (the screening's suggested responses would tell which barriers
    /// the patient has).
    pub fn is_private(&self, field: &Field) -> bool {
        field.private
            || field
                .when
                .as_ref()
                .and_then(|c| self.field(c.field()))
                .is_some_and(|target| self.is_private(target))
    }

    /// Whether a field's text reaches the employer: the tool's answers go to the employer
    /// and the field is not private. Words about health there are pointed out.
    pub fn reaches_employer(&self, field: &Field) -> bool {
        self.to_employer && !self.is_private(field)
    }

    /// Every text of the report the definition holds: the title, the introduction, the
    /// steps' guidance and the fields' labels, help, examples and texts to read.
    pub fn report_texts(&self) -> impl Iterator<Item = &str> {
        let steps = self.steps.iter().flat_map(|step| {
            let fields = step.fields.iter().flat_map(|field| {
                let own = match &field.kind {
                    Kind::Info { text } | Kind::Template { text } => vec![text.as_str()],
                    Kind::List { hints, .. } => hints.iter().map(String::as_str).collect(),
                    _ => Vec::new(),
                };
                [field.label.as_str(), &field.help, &field.hint]
                    .into_iter()
                    .chain(own)
            });
            [step.title.as_str(), &step.guidance]
                .into_iter()
                .chain(fields)
        });
        [self.title.as_str(), &self.intro].into_iter().chain(steps)
    }

    /// Whether `name` (a number, id or alias) names this tool.
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim();
        name == self.id
            || self.number.is_some_and(|n| name.parse::<u32>() == Ok(n))
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}
