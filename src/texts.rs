//! Every text the program itself shows, in Danish and in English, in one place. Tool texts
//! live in `tools/*.ron` and stay the report's Danish in both languages. The core returns
//! typed values and errors; the words for them are here (`Display` for the core's error
//! types, [`words`] for answers, via `crate::present`).
//!
//! A text is a [`Text`]: its Danish and its English side by side, so neither can be missing.
//! Texts made at run time are functions that `match` on [`language`] (the [`da_en!`] macro).
//! The language is chosen once at start ([`Language::chosen`], [`set_language`]); Danish is
//! the default.
//!
//! The English words: a *forløb* (a person's course over weeks) is a **case** everywhere,
//! as in case management, and the report's own case stories are therefore **stories**; a
//! *redskab* is a **tool**; *Viden* is **Knowledge**; MSB keeps its abbreviation, the one
//! in the tools' Danish titles, and is spelled out ("musculoskeletal disorders") where it
//! is first met; the *journal* is the **patient record**.

use std::borrow::Cow;
use std::cell::Cell;
use std::ffi::OsString;
use std::fmt;
use std::ops::Deref;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::core::check::{ProblemKind, Within};
use crate::core::definition::Audience;
use crate::core::input::InputError;
use crate::core::session::{Change, Session, Status};

/// The language of the program's own texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Danish,
    English,
}

/// The process's language: set once at start, before anything is shown.
static ENGLISH: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// A language for one thread only ([`with_language`]): tests run in parallel threads of
    /// one process, so a test in English must not change the language of the others.
    static THIS_THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language of every text the program shows from now on.
pub fn set_language(language: Language) {
    ENGLISH.store(language == Language::English, Ordering::Relaxed);
}

/// The language texts are shown in now.
pub fn language() -> Language {
    THIS_THREAD
        .get()
        .unwrap_or(if ENGLISH.load(Ordering::Relaxed) {
            Language::English
        } else {
            Language::Danish
        })
}

/// Runs `f` with this thread's texts in `language`, and the thread's language as it was
/// afterwards (also when `f` panics).
pub fn with_language<R>(language: Language, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Language>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THIS_THREAD.set(self.0);
        }
    }
    let _restore = Restore(THIS_THREAD.replace(Some(language)));
    f()
}

impl Language {
    /// "da" or "en", alone or as a locale ("en_GB.UTF-8"); anything else is neither.
    pub fn from_code(code: &str) -> Option<Language> {
        let lang = code.split(['_', '.', '-', '@']).next()?;
        match lang.to_ascii_lowercase().as_str() {
            "da" => Some(Language::Danish),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The language asked for: `--lang` on the command line (`args` without the program's
    /// name), else the one `configured` in the settings file, else the locale (the first of
    /// LC_ALL, LC_MESSAGES and LANG that is set, as POSIX reads them) when it is English;
    /// else Danish. Read before the command line is parsed, because the command line's own
    /// help must already be in it.
    pub fn chosen(
        args: &[OsString],
        env: impl Fn(&str) -> Option<String>,
        configured: Option<Language>,
    ) -> Language {
        let asked = option_value(args, "--lang").and_then(|code| Language::from_code(&code));
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&env)
            .find(|value| !value.is_empty());
        asked
            .or(configured)
            .or_else(|| locale.and_then(|l| Language::from_code(&l)))
            .unwrap_or(Language::Danish)
    }
}

/// The value of a long option (`--name VALUE` or `--name=VALUE`, the last one given) in
/// `args` before the command line is parsed; words after `--` are no options.
pub fn option_value(args: &[OsString], name: &str) -> Option<String> {
    let mut args = args.iter().map(|a| a.to_string_lossy());
    let mut value = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        } else if arg == name {
            value = args.next().map(|v| v.into_owned());
        } else if let Some(given) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            value = Some(given.to_string());
        }
    }
    value
}

/// A text the program shows, in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    da: &'static str,
    en: &'static str,
    /// The same in both languages on purpose (a symbol, a name, a format).
    same: bool,
}

impl Text {
    pub const fn new(da: &'static str, en: &'static str) -> Text {
        Text {
            da,
            en,
            same: false,
        }
    }

    /// A text that is the same in both languages on purpose.
    pub const fn same(both: &'static str) -> Text {
        Text {
            da: both,
            en: both,
            same: true,
        }
    }

    /// The text in the language shown now.
    pub fn as_str(self) -> &'static str {
        self.get(language())
    }

    pub fn get(self, language: Language) -> &'static str {
        match language {
            Language::Danish => self.da,
            Language::English => self.en,
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so a width ("{:<7}") is kept.
        f.pad(self.as_str())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.as_str().to_string()
    }
}

impl<'a> From<Text> for Cow<'a, str> {
    fn from(text: Text) -> Cow<'a, str> {
        Cow::Borrowed(text.as_str())
    }
}

/// Declares a module's texts, `NAME = "dansk", "English";` or `NAME = "•", same;`, and the
/// list of them that the catalogue test reads.
macro_rules! texts {
    (@text $both:literal, same) => {
        $crate::texts::Text::same($both)
    };
    (@text $da:literal, $en:literal) => {
        $crate::texts::Text::new($da, $en)
    };
    ($($(#[$doc:meta])* $name:ident = $da:literal, $en:tt;)*) => {
        $($(#[$doc])* pub const $name: $crate::texts::Text = texts!(@text $da, $en);)*
        /// Every text of this module by its name, for the catalogue test.
        #[cfg(test)]
        pub(crate) const ALL: &[(&str, $crate::texts::Text)] = &[$((stringify!($name), $name)),*];
    };
}

/// A text made at run time: the Danish or the English expression, whichever is shown now
/// (only that one is evaluated).
macro_rules! da_en {
    ($da:expr, $en:expr $(,)?) => {
        match $crate::texts::language() {
            $crate::texts::Language::Danish => $da,
            $crate::texts::Language::English => $en,
        }
    };
}

/// The words answers are shown in.
pub mod words {
    use super::Text;

    /// The answers to a yes/no question of a tool: the tool's words, Danish in both
    /// languages like the question they answer.
    pub const YES: &str = "Ja";
    pub const NO: &str = "Nej";
    /// The columns of a tool's weekly schedule: the tool's labels, Danish in both languages.
    pub const WEEK: &str = "Uge";
    pub const DAYS: [&str; 7] = [
        "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag",
    ];
    /// The weekdays, as a date is read back.
    pub const WEEKDAYS: [Text; 7] = [
        Text::new("mandag", "Monday"),
        Text::new("tirsdag", "Tuesday"),
        Text::new("onsdag", "Wednesday"),
        Text::new("torsdag", "Thursday"),
        Text::new("fredag", "Friday"),
        Text::new("lørdag", "Saturday"),
        Text::new("søndag", "Sunday"),
    ];
    /// The months, as a date that does not exist is named ("31. februar 2027").
    pub const MONTHS: [Text; 12] = [
        Text::new("januar", "January"),
        Text::new("februar", "February"),
        Text::new("marts", "March"),
        Text::new("april", "April"),
        Text::new("maj", "May"),
        Text::new("juni", "June"),
        Text::new("juli", "July"),
        Text::new("august", "August"),
        Text::new("september", "September"),
        Text::new("oktober", "October"),
        Text::new("november", "November"),
        Text::new("december", "December"),
    ];
    /// A date after its weekday: "mandag 04-01-2027".
    pub fn weekday_date(weekday: usize, date: &str) -> String {
        let name = WEEKDAYS
            .get(weekday)
            .map(|w| w.as_str())
            .unwrap_or_default();
        format!("{name} {date}")
    }
    // Formats and symbols, the same in both languages: dates are dd-mm-yyyy and numbers
    // have a decimal comma in both, as they are typed.
    /// How dates are shown and typed (chrono's format).
    pub const DATE: &str = "%d-%m-%Y";
    /// A date with the time of day.
    pub const DATE_TIME: &str = "%d-%m-%Y %H:%M";
    /// The time of day of a save.
    pub const TIME: &str = "%H:%M:%S";
    /// Day and month, in week headings.
    pub const DAY_MONTH: &str = "%d-%m";
    pub const DECIMAL_MARK: &str = ",";
    /// The unknown end of a date range.
    pub const OPEN_END: &str = "…";
    pub const BULLET: &str = "•";
    pub const TICKED: &str = "☑";
    pub const UNTICKED: &str = "☐";
    /// An unfilled blank of a template or a paper form.
    pub const BLANK: &str = "__________";
    texts! {
        DATE_PLACEHOLDER = "dd-mm-åååå", "dd-mm-yyyy";
        /// A template whose paragraphs all read as in the report.
        AS_THE_REPORT = "Rapportens ordlyd i alle afsnit.", "The report's wording in every paragraph.";
        WEEK_PLACEHOLDER = "ugenummer, fx 48", "week number, e.g. 48";
        NUMBER_PLACEHOLDER = "tal", "number";
    }
    /// A template paragraph the workplace changed, by its number.
    pub fn paragraph_adapted(n: usize, text: &str) -> String {
        da_en!(
            format!("Afsnit {n} (tilpasset): {text}"),
            format!("Paragraph {n} (adapted): {text}"),
        )
    }
    /// A template paragraph the workplace left out.
    pub fn paragraph_left_out(n: usize) -> String {
        da_en!(
            format!("Afsnit {n}: udeladt"),
            format!("Paragraph {n}: left out"),
        )
    }
    /// Under a changed template paragraph: the report's wording.
    pub fn original_wording(original: &str) -> String {
        da_en!(
            format!("Rapportens ordlyd: {original}"),
            format!("The report's wording: {original}"),
        )
    }

    /// A number with a decimal comma and without a needless ",0".
    pub fn number(n: f64) -> String {
        n.to_string().replace('.', DECIMAL_MARK)
    }
}

pub fn audience(a: Audience) -> Text {
    match a {
        Audience::Medarbejder => Text::new("Medarbejder", "Employee"),
        Audience::Leder => Text::new("Leder", "Manager"),
        Audience::Arbejdsmiljoorganisation => {
            Text::new("Arbejdsmiljøorganisation", "Work environment organisation")
        }
        Audience::Laege => Text::new("Praktiserende læge", "General practitioner"),
    }
}

pub fn status(status: Status) -> Text {
    match status {
        Status::Draft => ui::DRAFT,
        Status::Completed => ui::COMPLETED,
    }
}

/// A session's status in words, saying so when it was reopened after a completion: "kladde
/// (genåbnet 23-11-2026)".
pub fn session_status(session: &Session) -> String {
    match session.history.last() {
        Some(event) if session.is_reopened() => format!(
            "{} ({} {})",
            ui::DRAFT,
            ui::REOPENED,
            event.at.format(words::DATE)
        ),
        _ => status(session.status).to_string(),
    }
}

/// A session's completions and reopenings: "færdig 22-11-2026 10:00, genåbnet 23-11-2026
/// 09:00"; empty when there were none.
pub fn history(session: &Session) -> String {
    session
        .history
        .iter()
        .map(|event| {
            let what = match event.change {
                Change::Completed => ui::COMPLETED,
                Change::Reopened => ui::REOPENED,
            };
            format!("{what} {}", event.at.format(words::DATE_TIME))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "i dag", "om 3 dage", "2 dage over tid".
pub fn days_left(days: i64) -> String {
    match (language(), days) {
        (Language::Danish, 0) => "i dag".into(),
        (Language::Danish, 1) => "i morgen".into(),
        (Language::Danish, -1) => "1 dag over tid".into(),
        (Language::Danish, d) if d > 1 => format!("om {d} dage"),
        (Language::Danish, d) => format!("{} dage over tid", -d),
        (Language::English, 0) => "today".into(),
        (Language::English, 1) => "tomorrow".into(),
        (Language::English, -1) => "1 day overdue".into(),
        (Language::English, d) if d > 1 => format!("in {d} days"),
        (Language::English, d) => format!("{} days overdue", -d),
    }
}

/// A list of names, each in `backticks`, comma-separated.
fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A RON syntax or shape error, in words a definition author can act on.
fn ron_error(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::NoSuchStructField {
            expected, found, ..
        } => da_en!(
            format!(
                "ukendt felt `{found}`; mulige felter: {}",
                quoted_list(expected)
            ),
            format!(
                "unknown field `{found}`; possible fields: {}",
                quoted_list(expected)
            ),
        ),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => da_en!(
                format!("feltet `{field}` mangler i `{outer}`"),
                format!("the field `{field}` is missing in `{outer}`"),
            ),
            None => da_en!(
                format!("feltet `{field}` mangler"),
                format!("the field `{field}` is missing"),
            ),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => da_en!(
            format!(
                "ukendt værdi `{found}`; mulige værdier: {}",
                quoted_list(expected)
            ),
            format!(
                "unknown value `{found}`; possible values: {}",
                quoted_list(expected)
            ),
        ),
        E::DuplicateStructField { field, .. } => da_en!(
            format!("feltet `{field}` står to gange"),
            format!("the field `{field}` is there twice"),
        ),
        E::ExpectedComma => da_en!("der mangler et komma", "a comma is missing").into(),
        E::ExpectedStringEnd => da_en!(
            "en tekst mangler sit afsluttende \"",
            "a text lacks its closing \"",
        )
        .into(),
        E::Eof => da_en!(
            "filen slutter midt i definitionen (mangler der en parentes?)",
            "the file ends in the middle of the definition (is a bracket missing?)",
        )
        .into(),
        other => da_en!(format!("RON-fejl: {other}"), format!("RON error: {other}")),
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use check as t;
        let text = match self {
            ProblemKind::Syntax(e) => ron_error(e),
            ProblemKind::WrongFormat { found } => {
                t::wrong_format(*found, crate::core::definition::FORMAT_VERSION)
            }
            ProblemKind::NoAudience => t::NO_AUDIENCE.into(),
            ProblemKind::NoSteps => t::NO_STEPS.into(),
            ProblemKind::BadId(id) => t::bad_id(id),
            ProblemKind::DuplicateId(id) => t::duplicate_id(id),
            ProblemKind::DuplicateIn { what, id } => {
                format!("{}: {}", within(*what), t::duplicate_id(id))
            }
            ProblemKind::TooMany { what, count, most } => {
                t::too_many(&within(*what), *count, *most)
            }
            ProblemKind::NumberTooLarge(n) => t::number_too_large(*n),
            ProblemKind::TooLong { chars, most } => t::too_long(*chars, *most),
            ProblemKind::FileTooLarge(bytes) => t::file_too_large(*bytes),
            ProblemKind::NotUtf8 => t::NOT_UTF8.into(),
            ProblemKind::ByteOrderMark => t::BYTE_ORDER_MARK.into(),
            ProblemKind::MoreProblems(n) => t::more_problems(*n),
            ProblemKind::EmptyStep(id) => t::empty_step(id),
            ProblemKind::ConditionUnknown(field) => t::condition_unknown(field),
            ProblemKind::ConditionLater(field) => t::condition_later(field),
            ProblemKind::ConditionNotChoice(field) => t::condition_not_choice(field),
            ProblemKind::ConditionBadValue {
                field,
                value,
                options,
            } => t::condition_bad_value(field, value, options),
            ProblemKind::DateOnly => t::DATE_ONLY.into(),
            ProblemKind::FewOptions => t::FEW_OPTIONS.into(),
            ProblemKind::NoColumns => t::NO_COLUMNS.into(),
            ProblemKind::NoItems => t::NO_ITEMS.into(),
            ProblemKind::BadBounds { min, max } => t::bad_bounds(*min, *max),
            ProblemKind::BadListBounds { min, max } => t::bad_list_bounds(*min, *max),
            ProblemKind::TemplateUnknown(name) => t::template_unknown(name),
            ProblemKind::RenamedClash(id) => t::renamed_clash(id),
            ProblemKind::RenamedTwice(id) => t::renamed_twice(id),
            ProblemKind::MovedFromSame(step) => t::moved_from_same(step),
            ProblemKind::NoEarlierVersion => t::NO_EARLIER_VERSION.into(),
            ProblemKind::UnknownTool(id) => t::unknown_tool(id),
            ProblemKind::NameTaken { name, other } => t::name_taken(name, other),
            ProblemKind::UnknownSection(id) => t::unknown_section(id),
            ProblemKind::UnknownCase(id) => t::unknown_case(id),
            ProblemKind::NotInSource { quote, source } => t::not_in_source(quote, source),
            ProblemKind::CaseHeadingNotFound(heading) => t::case_heading_not_found(heading),
            ProblemKind::CaseUntold { heading, section } => t::case_untold(heading, section),
            ProblemKind::NoEntry(a) => t::no_entry(&audience(*a)),
            ProblemKind::DuplicateEntry(a) => t::duplicate_entry(&audience(*a)),
            ProblemKind::EntryLacksSection(id) => t::entry_lacks_section(id),
            ProblemKind::DuplicateKey(key) => t::duplicate_key(*key),
            ProblemKind::BadKey(key) => t::bad_key(*key),
            ProblemKind::NoFigure => t::NO_FIGURE.into(),
            ProblemKind::FigureMismatch { row } => t::figure_mismatch(*row),
            ProblemKind::UnknownMark(mark) => t::unknown_mark(*mark),
            ProblemKind::RegionNotDrawn(id) => t::region_not_drawn(id),
            ProblemKind::NoStatements => t::NO_STATEMENTS.into(),
            ProblemKind::NotAboutWorkplace(id) => t::not_about_workplace(id),
            ProblemKind::ReflectionsUntitled(step) => t::reflections_untitled(step),
            ProblemKind::ReflectionsDiffer(step) => t::reflections_differ(step),
            ProblemKind::ReflectionsMissing(title) => t::reflections_missing(title),
        };
        f.write_str(&text)
    }
}

fn within(what: Within) -> Text {
    match what {
        Within::Options => check::OPTIONS,
        Within::Columns => check::COLUMNS,
        Within::Items => check::ITEMS,
        Within::Steps => check::STEPS,
        Within::Fields => check::FIELDS,
        Within::Entries => check::ENTRIES,
    }
}

/// Messages of `vejen-frem check`, for the people who write tool definitions.
pub mod check {
    texts! {
        STEPS = "trin", "steps";
        FIELDS = "felter", "fields";
        ENTRIES = "punkter i listen", "entries in the list";
        NOT_UTF8 =
            "filen er ikke gyldig UTF-8 herfra; gem den som UTF-8",
            "the file is not valid UTF-8 from here on; save it as UTF-8";
        BYTE_ORDER_MARK =
            "filen starter med et BOM-tegn (U+FEFF); gem den som UTF-8 uden BOM",
            "the file starts with a byte order mark (U+FEFF); save it as UTF-8 without BOM";
        NO_AUDIENCE =
            "redskabet skal have mindst én målgruppe (`audience`)",
            "the tool needs at least one audience (`audience`)";
        NO_STEPS = "redskabet har ingen trin (`steps`)", "the tool has no steps (`steps`)";
        OPTIONS = "valgmuligheder", "options";
        COLUMNS = "kolonner", "columns";
        ITEMS = "punkter", "items";
        FEW_OPTIONS =
            "et valg (`Choice`) skal have mindst to muligheder",
            "a choice (`Choice`) needs at least two options";
        NO_COLUMNS =
            "en tabel (`Table`) skal have mindst én kolonne",
            "a table (`Table`) needs at least one column";
        DATE_ONLY =
            "`follow_up` og `closes` gælder kun datofelter (`Date`)",
            "`follow_up` and `closes` apply to date fields (`Date`) only";
        NO_ITEMS =
            "en tjekliste (`Checklist`) skal have mindst ét punkt",
            "a checklist (`Checklist`) needs at least one item";
        NO_FIGURE =
            "kroppen skal have mindst én figur (`figures`)",
            "the body needs at least one figure (`figures`)";
        NO_STATEMENTS =
            "quizzen har ingen udsagn (`statements`)",
            "the quiz has no statements (`statements`)";
        NO_EARLIER_VERSION =
            "renamed_from og moved_from siger, hvad der er ændret siden en tidligere version: hæv `version` (den er 1)",
            "renamed_from and moved_from say what changed since an earlier version: raise `version` (it is 1)";
    }

    pub fn too_many(what: &str, count: usize, most: usize) -> String {
        da_en!(
            format!("{count} {what} er for mange; højst {most}"),
            format!("{count} {what} are too many; at most {most}"),
        )
    }
    pub fn number_too_large(n: f64) -> String {
        da_en!(
            format!("grænsen {n} er ikke et brugbart tal (højst ±1000000000000)"),
            format!("the limit {n} is not a usable number (at most ±1000000000000)"),
        )
    }
    pub fn too_long(chars: usize, most: usize) -> String {
        da_en!(
            format!("teksten er {chars} tegn lang; højst {most}"),
            format!("the text is {chars} characters long; at most {most}"),
        )
    }
    pub fn file_too_large(bytes: usize) -> String {
        let kb = bytes / 1024;
        da_en!(
            format!("filen er {kb} kB; en definition må højst fylde 1024 kB"),
            format!("the file is {kb} kB; a definition may be 1024 kB at most"),
        )
    }
    pub fn more_problems(n: usize) -> String {
        da_en!(
            format!("… og {n} problemer mere (ret de første først)"),
            format!("… and {n} more problems (fix the first ones first)"),
        )
    }
    pub fn wrong_format(found: u32, expected: u32) -> String {
        da_en!(
            format!(
                "formatversion {found} kendes ikke; denne udgave af programmet læser version {expected}"
            ),
            format!(
                "format version {found} is unknown; this version of the program reads version {expected}"
            ),
        )
    }
    pub fn bad_id(id: &str) -> String {
        da_en!(
            format!("id `{id}` må kun indeholde små bogstaver a-z, tal og bindestreg"),
            format!("the id `{id}` may hold only small letters a-z, digits and hyphens"),
        )
    }
    pub fn duplicate_id(id: &str) -> String {
        da_en!(
            format!("id `{id}` er brugt før i samme fil"),
            format!("the id `{id}` is used before in the same file"),
        )
    }
    pub fn empty_step(id: &str) -> String {
        da_en!(
            format!("trinnet `{id}` har ingen felter"),
            format!("the step `{id}` has no fields"),
        )
    }
    pub fn condition_unknown(field: &str) -> String {
        da_en!(
            format!("betingelsen peger på feltet `{field}`, som ikke findes"),
            format!("the condition points at the field `{field}`, which does not exist"),
        )
    }
    pub fn condition_later(field: &str) -> String {
        da_en!(
            format!(
                "betingelsen peger på feltet `{field}`, som først kommer senere (eller er feltet selv)"
            ),
            format!(
                "the condition points at the field `{field}`, which comes later (or is the field itself)"
            ),
        )
    }
    pub fn condition_not_choice(field: &str) -> String {
        da_en!(
            format!(
                "feltet `{field}` har ingen faste svarmuligheder; brug `Answered(field: \"{field}\")`"
            ),
            format!("the field `{field}` has no fixed options; use `Answered(field: \"{field}\")`"),
        )
    }
    pub fn condition_bad_value(field: &str, value: &str, options: &[String]) -> String {
        let options: Vec<&str> = options.iter().map(String::as_str).collect();
        let options = super::quoted_list(&options);
        da_en!(
            format!("`{value}` er ikke et svar på `{field}`; mulige: {options}"),
            format!("`{value}` is not an answer to `{field}`; possible: {options}"),
        )
    }
    pub fn bad_bounds(min: f64, max: f64) -> String {
        da_en!(
            format!("mindsteværdien {min} er større end højeste værdi {max}"),
            format!("the least value {min} is greater than the greatest value {max}"),
        )
    }
    pub fn bad_list_bounds(min: usize, max: usize) -> String {
        da_en!(
            format!("listen kan ikke have mindst {min} og højst {max} punkter"),
            format!("the list cannot have at least {min} and at most {max} entries"),
        )
    }
    pub fn template_unknown(name: &str) -> String {
        da_en!(
            format!("skabelonen har feltet `{{{name}}}`, som ikke findes i redskabet"),
            format!("the template has the field `{{{name}}}`, which is not in the tool"),
        )
    }
    pub fn renamed_clash(id: &str) -> String {
        da_en!(
            format!(
                "renamed_from: `{id}` er et felt i denne version; et tidligere id må ikke være et nuværende"
            ),
            format!(
                "renamed_from: `{id}` is a field of this version; an earlier id may not be a current one"
            ),
        )
    }
    pub fn renamed_twice(id: &str) -> String {
        da_en!(
            format!("renamed_from: `{id}` er allerede et andet felts tidligere id"),
            format!("renamed_from: `{id}` is already another field's earlier id"),
        )
    }
    pub fn moved_from_same(step: &str) -> String {
        da_en!(
            format!("moved_from: feltet står allerede i trinnet `{step}`"),
            format!("moved_from: the field is already in the step `{step}`"),
        )
    }
    pub fn unknown_tool(id: &str) -> String {
        da_en!(
            format!("der er intet redskab med id `{id}`"),
            format!("there is no tool with the id `{id}`"),
        )
    }
    pub fn name_taken(name: &str, other: &str) -> String {
        da_en!(
            format!("`{name}` bruges allerede af {other}"),
            format!("`{name}` is already used by {other}"),
        )
    }
    pub fn unknown_section(id: &str) -> String {
        da_en!(
            format!("der er intet afsnit `{id}` i content/ (filnavnet uden nummer og .md)"),
            format!(
                "there is no section `{id}` in content/ (the file name without number and .md)"
            ),
        )
    }
    pub fn unknown_case(id: &str) -> String {
        da_en!(
            format!("der er ingen case med id `{id}` i content/portal.ron"),
            format!("there is no story (case) with the id `{id}` in content/portal.ron"),
        )
    }
    pub fn not_in_source(quote: &str, source: &str) -> String {
        let start: String = quote.chars().take(40).collect();
        da_en!(
            format!("»{start} …« står ikke ordret i {source}"),
            format!("'{start} …' is not word for word in {source}"),
        )
    }
    pub fn case_heading_not_found(heading: &str) -> String {
        da_en!(
            format!("afsnittet har ingen boks, der begynder med »{heading}«"),
            format!("the section has no box that begins with '{heading}'"),
        )
    }
    pub fn case_untold(heading: &str, section: &str) -> String {
        da_en!(
            format!("»{heading}« i `{section}` er ikke med blandt casene"),
            format!("'{heading}' in `{section}` is not among the stories (cases)"),
        )
    }
    pub fn no_entry(audience: &str) -> String {
        da_en!(
            format!("{audience} har ingen indgang (`entries`)"),
            format!("{audience} has no entry (`entries`)"),
        )
    }
    pub fn duplicate_entry(audience: &str) -> String {
        da_en!(
            format!("{audience} har to indgange"),
            format!("{audience} has two entries"),
        )
    }
    pub fn entry_lacks_section(id: &str) -> String {
        da_en!(
            format!(
                "indgangen mangler afsnittet `{id}`; alle indgange giver adgang til alle seks afsnit"
            ),
            format!("the entry lacks the section `{id}`; every entry leads to all six sections"),
        )
    }
    pub fn duplicate_key(key: char) -> String {
        da_en!(
            format!("bogstavet '{key}' vælger allerede en anden region"),
            format!("the letter '{key}' already chooses another region"),
        )
    }
    pub fn bad_key(key: char) -> String {
        da_en!(
            format!("'{key}' kan ikke vælge en region; brug et lille bogstav a-z"),
            format!("'{key}' cannot choose a region; use a small letter a-z"),
        )
    }
    pub fn figure_mismatch(row: usize) -> String {
        da_en!(
            format!(
                "række {row} af figuren: `regions` skal have ét tegn for hvert tegn i `art` og mellemrum de samme steder"
            ),
            format!(
                "row {row} of the figure: `regions` needs one character for each character of `art`, and spaces in the same places"
            ),
        )
    }
    pub fn unknown_mark(mark: char) -> String {
        da_en!(
            format!(
                "figuren bruger '{mark}', som ikke er nogen regions bogstav (`.` er kroppen uden for regionerne)"
            ),
            format!(
                "the figure uses '{mark}', which is no region's letter (`.` is the body outside the regions)"
            ),
        )
    }
    pub fn region_not_drawn(id: &str) -> String {
        da_en!(
            format!("regionen `{id}` er ikke tegnet i figuren"),
            format!("the region `{id}` is not drawn in the figure"),
        )
    }
    pub fn not_about_workplace(id: &str) -> String {
        da_en!(
            format!("`{id}` skal handle om en arbejdsplads (`about: Workplace`)"),
            format!("`{id}` must be about a workplace (`about: Workplace`)"),
        )
    }
    pub fn reflections_untitled(step: &str) -> String {
        da_en!(
            format!("trinnet `{step}` har ikke titlen på et afsnit med overvejelser"),
            format!("the step `{step}` does not have the title of a section with reflections"),
        )
    }
    pub fn reflections_differ(step: &str) -> String {
        da_en!(
            format!(
                "trinnet `{step}` stiller ikke ordret afsnittets overvejelser, i samme rækkefølge"
            ),
            format!(
                "the step `{step}` does not ask the section's reflections word for word, in the same order"
            ),
        )
    }
    pub fn reflections_missing(title: &str) -> String {
        da_en!(
            format!("overvejelserne fra »{title}« er ikke med"),
            format!("the reflections of '{title}' are missing"),
        )
    }

    pub fn summary(problems: usize, files: usize) -> String {
        match (super::language(), problems) {
            (super::Language::Danish, 0) if files == 1 => "1 fil er i orden".into(),
            (super::Language::Danish, 0) => format!("{files} filer er i orden"),
            (super::Language::Danish, 1) => "1 problem fundet".into(),
            (super::Language::Danish, n) => format!("{n} problemer fundet"),
            (super::Language::English, 0) if files == 1 => "1 file is in order".into(),
            (super::Language::English, 0) => format!("{files} files are in order"),
            (super::Language::English, 1) => "1 problem found".into(),
            (super::Language::English, n) => format!("{n} problems found"),
        }
    }
}

/// Texts of the command line.
pub mod cli {
    use std::path::Path;

    use super::Text;

    texts! {
        ABOUT =
            "VEJEN FREM: redskaber til fastholdelse af medarbejdere med muskel- og skeletbesvær (MSB)",
            "VEJEN FREM: tools for keeping workers with musculoskeletal disorders (MSB) at work";
        LANG =
            "Sprog: da (dansk, standard) eller en (engelsk); uden det: language i settings.ron, ellers LANG",
            "Language: da (Danish, the default) or en (English); without it: language in settings.ron, else LANG";
        TOOLS_DIR =
            "Mappe med ekstra eller ændrede redskabsdefinitioner (*.ron)",
            "Folder with extra or changed tool definitions (*.ron)";
        DATA_DIR =
            "Mappe til gemte sessioner (standard: VEJEN_FREM_DATA, ellers platformens datamappe)",
            "Folder of the saved sessions (default: VEJEN_FREM_DATA, else the platform's data folder)";
        TOOL =
            "Åbn dette redskab med det samme: nummer, id eller alias (fx 10 eller screening)",
            "Open this tool at once: number, id or alias (e.g. 10 or screening)";
        PLAIN =
            "Spørg linje for linje, uden skærmbillede: til skærmlæsere, og til svar fra en fil (vejen-frem --plain 10 < svar.txt). Vælges af sig selv, når TERM=dumb, eller når ind- eller uddata ikke er en terminal",
            "Ask line by line, without a screen: for screen readers, and for answers from a file (vejen-frem --plain 10 < answers.txt). Chosen by itself when TERM=dumb, or when input or output is not a terminal";
        FORLOEB =
            "Åbn dette forløb (etiket), og start redskabet i det; et nyt forløb oprettes, når du har bekræftet navnet",
            "Open this case (its label) and start the tool in it; a new case is made once you confirm its name";
        CHECK =
            "Kontrollér redskabsdefinitioner; viser fil:linje:kolonne for hvert problem",
            "Check tool definitions; shows file:line:column for each problem";
        CHECK_PATHS =
            "Filer eller mapper der skal kontrolleres (standard: de indbyggede redskaber og --tools)",
            "Files or folders to check (default: the built-in tools and --tools)";
        LIST =
            "Vis redskaberne: nummer, id, titel og målgruppe",
            "Show the tools: number, id, title and audience";
        EXPORT =
            "Eksportér en session som HTML (til udskrift), Markdown eller tekst til journalen",
            "Export a session as HTML (to print), Markdown or text for the patient record";
        EXPORT_SESSION =
            "Sessionens id (eller de første tegn af det; se skærmen Sessioner)",
            "The session's id (or its first characters; see the Sessions screen)";
        FORMAT =
            "Format: html, md, txt eller fhir (FHIR R4 QuestionnaireResponse, JSON)",
            "Format: html, md, txt or fhir (FHIR R4 QuestionnaireResponse, JSON)";
        FOR =
            "Til hvem: employee (medarbejder), employer (arbejdsgiver: uden fortrolige felter), record (journal) eller workplace (arbejdspladsen: en arbejdsplads' egne svar, som overvejelserne). Standard: medarbejderen, for en arbejdsplads' svar arbejdspladsen",
            "For whom: employee, employer (without confidential fields), record (the patient record) or workplace (a workplace's own answers, such as the reflections). Default: the employee, for a workplace's answers the workplace";
        OUTPUT =
            "Filen der skrives (standard: mappen exports i datamappen)",
            "The file to write (default: the folder exports in the data folder)";
        FORCE = "Overskriv filen, hvis den findes", "Overwrite the file if it exists";
        NOTE =
            "Skriv notatet til journalen om et forløbs sessioner på en dag: kort tekst med det, der er svaret, 72 tegn bred",
            "Write the note for the patient record of a case's sessions on one day: a short text of what was answered, 72 columns wide";
        NOTE_FORLOEB =
            "Forløbets navn (etiket) eller id; navnene står i `vejen-frem sessions`",
            "The case's name (label) or id; `vejen-frem sessions` shows the names";
        NOTE_DATE =
            "Dagen (standard: i dag), fx 23-11-2026, 23/11, i går eller mandag",
            "The day (default: today), e.g. 23-11-2026, 23/11, or in Danish i går (yesterday) or mandag (Monday)";
        NOTE_OUTPUT =
            "Filen der skrives, - for skærmen (standard: mappen exports i datamappen)",
            "The file to write, - for the screen (default: the folder exports in the data folder)";
        PRINT =
            "Skriv et redskab som tom papirblanket, eller en tekst fra Viden (fx introduktion: introduktionen til redskaberne og oversigten over dem)",
            "Write a tool as an empty paper form, or a text from Knowledge (e.g. introduktion: the introduction to the tools and their overview)";
        PRINT_TOOL =
            "Redskabets nummer, id eller alias, eller tekstens navn (introduktion, hvad-er-msb …)",
            "The tool's number, id or alias, or the text's name (introduktion, hvad-er-msb …)";
        PRINT_OUTPUT =
            "Filen der skrives (standard: skærmen)",
            "The file to write (default: the screen)";
        PRINT_NO_FHIR =
            "print skriver html, md eller txt; et redskab som FHIR Questionnaire: vejen-frem fhir questionnaire REDSKAB",
            "print writes html, md or txt; a tool as a FHIR Questionnaire: vejen-frem fhir questionnaire TOOL";
        FHIR =
            "HL7 FHIR R4 til sundhedssystemer (en session som QuestionnaireResponse: export --format fhir)",
            "HL7 FHIR R4 for health systems (a session as a QuestionnaireResponse: export --format fhir)";
        FHIR_QUESTIONNAIRE =
            "Skriv et redskab som FHIR R4 Questionnaire (JSON): spørgsmål, typer, svarmuligheder, betingelser",
            "Write a tool as a FHIR R4 Questionnaire (JSON): questions, types, options, conditions";
        FHIR_TOOL = "Redskabets nummer, id eller alias", "The tool's number, id or alias";
        MIGRATE =
            "Flyt svarene i sessioner fra en tidligere version af et redskab derhen, hvor redskabet har dem nu, og gem dem; svar uden spørgsmål beholdes",
            "Move the answers of sessions from an earlier version of a tool to where the tool has them now, and save them; answers without a question are kept";
        MIGRATE_DRY_RUN =
            "Vis kun, hvad der ville blive flyttet; intet gemmes",
            "Only show what would be moved; nothing is saved";
        SHARE =
            "Del en session med den anden part (fx medarbejderens Redskab 1 til lederen): én krypteret fil, der kan sendes med mail eller USB. Fortrolige felter udelades, medmindre du skriver --with-private",
            "Share a session with the other party (e.g. the employee's Tool 1 with the manager): one encrypted file to send by mail or USB. Confidential fields are left out unless you add --with-private";
        SHARE_OUTPUT = "Den delte fil, der skrives (krypteret)", "The shared file to write (encrypted)";
        SHARE_TO =
            "Kryptér til modtagerens offentlige age-nøgle (age1…; modtageren laver den med share-key) i stedet for med en adgangskode",
            "Encrypt to the recipient's public age key (age1…; the recipient makes it with share-key) instead of with a passphrase";
        SHARE_FROM =
            "Dit navn eller dine initialer, som modtageren ser (aldrig CPR-nummer); spørges ellers",
            "Your name or initials, as the recipient sees them (never a CPR number); asked otherwise";
        WITH_PRIVATE =
            "Del også de fortrolige felter (fx lægens noter): kun når modtageren må se dem",
            "Share the confidential fields too (e.g. the GP's notes): only when the recipient may see them";
        SHARE_PASSPHRASE_FILE =
            "Læs den delte fils adgangskode fra denne fil (første linje), fx i scripts; ellers spørges der",
            "Read the shared file's passphrase from this file (its first line), e.g. in scripts; asked otherwise";
        IMPORT =
            "Importér en delt session som en ny session (intet her overskrives); den viser, hvem der delte den og hvornår",
            "Import a shared session as a new session (nothing here is overwritten); it shows who shared it and when";
        IMPORT_FILE = "Den delte fil", "The shared file";
        IMPORT_FORLOEB =
            "Læg sessionen i dette forløb (etiket eller id)",
            "Put the session in this case (label or id)";
        IMPORT_KEY =
            "Din nøglefil (fra share-key), når filen er krypteret til din nøgle",
            "Your key file (from share-key), when the file is encrypted to your key";
        SHARE_KEY =
            "Lav en nøgle til at modtage delte sessioner: nøglefilen skrives (hemmelig), og den offentlige nøgle (age1…), som afsenderen skal bruge, vises",
            "Make a key to receive shared sessions: the key file is written (secret), and the public key (age1…) the sender needs is shown";
        SHARE_KEY_FILE =
            "Nøglefilen, der skrives (overskrives aldrig)",
            "The key file to write (never overwritten)";
        ASK_SHARE_FROM =
            "Dit navn eller initialer, som modtageren ser (ikke CPR-nummer): ",
            "Your name or initials, as the recipient sees them (not a CPR number): ";
        SHARE_FROM_NEEDED =
            "skriv dit navn eller dine initialer med --from NAVN (der er ingen terminal at spørge i)",
            "give your name or initials with --from NAME (there is no terminal to ask in)";
        ASK_SHARE_PASSPHRASE = "Adgangskode til den delte fil: ", "Passphrase of the shared file: ";
        NEW_SHARE_PASSPHRASE_INTRO =
            "Vælg en adgangskode til den delte fil (mindst 10 tegn, gerne flere ord). Giv den til modtageren ad en anden vej end filen, fx i telefonen.",
            "Choose a passphrase for the shared file (at least 10 characters, preferably several words). Give it to the recipient another way than the file, e.g. by phone.";
        IMPORT_NEEDS_KEY =
            "den delte fil er krypteret til en nøgle: angiv din nøglefil med --key FIL",
            "the shared file is encrypted to a key: give your key file with --key FILE";
        SESSIONS =
            "Vis de gemte sessioner: id, redskab, status, forløb, etiket og næste opfølgning",
            "Show the saved sessions: id, tool, status, case, label and next follow-up";
        JSON =
            "Som JSON (en liste med nøglerne id, forloeb, tool, status, label, updated, next_follow_up)",
            "As JSON (a list with the keys id, forloeb, tool, status, label, updated, next_follow_up; the status in Danish: kladde or færdig)";
        FOLLOWUPS =
            "Vis opfølgninger: forløb, redskab, dato og dage tilbage eller over tid",
            "Show follow-ups: case, tool, date and days left or overdue";
        NO_FOLLOWUPS = "Ingen opfølgninger.", "No follow-ups.";
        BROKEN_DEFINITIONS =
            "der er fejl i redskabsdefinitionerne (kør `vejen-frem check`):",
            "the tool definitions have errors (run `vejen-frem check`):";
        PASSPHRASE_FILE =
            "Læs adgangskoden til en krypteret datamappe fra denne fil (første linje), fx i scripts",
            "Read the passphrase of an encrypted data folder from this file (its first line), e.g. in scripts";
        NEW_PASSPHRASE_FILE =
            "Læs den nye adgangskode fra denne fil (første linje)",
            "Read the new passphrase from this file (its first line)";
        LOCK_AFTER =
            "Lås skærmen efter så mange minutter uden tastetryk (standard 5; 0: aldrig)",
            "Lock the screen after this many minutes without a key (default 5; 0: never)";
        THEME =
            "Skærmens farver: standard, eller high-contrast med lys tekst på sort til svage øjne (standard: VEJEN_FREM_THEME, ellers theme i settings.ron). NO_COLOR=1 slår farverne fra",
            "The screen's colours: standard, or high-contrast with light text on black for weak eyes (default: VEJEN_FREM_THEME, else theme in settings.ron). NO_COLOR=1 turns the colours off";
        CONFIG =
            "Indstillingsfilen (standard: VEJEN_FREM_CONFIG, ellers settings.ron i platformens mappe til indstillinger)",
            "The settings file (default: VEJEN_FREM_CONFIG, else settings.ron in the platform's settings folder)";
        ENCRYPT =
            "Kryptér datamappen: adgangskoden spørges to gange. Glemmer du den, kan intet genskabes",
            "Encrypt the data folder: the passphrase is asked twice. If you forget it, nothing can be recovered";
        DECRYPT = "Gør en krypteret datamappe ukrypteret igen", "Make an encrypted data folder plain again";
        CHANGE_PASSPHRASE =
            "Skift adgangskoden til en krypteret datamappe (filerne forbliver som de er)",
            "Change the passphrase of an encrypted data folder (the files stay as they are)";
        DELETE =
            "Slet en session, eller et forløb med alle dets sessioner, MSB-log og eksporter",
            "Delete a session, or a case with all its sessions, MSB log and exports";
        DELETE_WHAT =
            "Sessionens id (eller de første tegn af det), eller forløbets id eller etiket",
            "The session's id (or its first characters), or the case's id or label";
        YES = "Slet uden at spørge (til scripts)", "Delete without asking (for scripts)";
        PURGE =
            "Slet afsluttede forløb og sessioner, der ikke er rørt i en periode, og vis hvad der blev slettet",
            "Delete closed cases and sessions untouched for a period, and show what was deleted";
        UNTOUCHED_FOR =
            "Ikke rørt i denne periode: fx 30d, 12m eller 2y (standard: indstillingsfilen, ellers 12m)",
            "Untouched for this period: e.g. 30d, 12m or 2y (default: the settings file, else 12m)";
        DRY_RUN = "Vis kun, hvad der ville blive slettet", "Only show what would be deleted";
        ASK_PASSPHRASE = "Adgangskode: ", "Passphrase: ";
        ASK_OLD_PASSPHRASE = "Nuværende adgangskode: ", "Current passphrase: ";
        ASK_NEW_PASSPHRASE = "Ny adgangskode: ", "New passphrase: ";
        ASK_AGAIN = "Samme adgangskode igen: ", "The same passphrase again: ";
        NEW_PASSPHRASE_INTRO =
            "Vælg en adgangskode på mindst 10 tegn, gerne flere ord. Den kan ikke genskabes: glemmes den, er svarene tabt.",
            "Choose a passphrase of at least 10 characters, preferably several words. It cannot be recovered: if it is forgotten, the answers are lost.";
        NOT_THE_SAME =
            "de to adgangskoder er ikke ens; intet er ændret",
            "the two passphrases differ; nothing is changed";
        PASSPHRASE_CHANGED =
            "Adgangskoden er skiftet. Den gamle virker ikke længere.",
            "The passphrase is changed. The old one no longer works.";
        EXPORT_WHERE =
            "datamappen er krypteret, og et eksporteret dokument er ukrypteret: vælg selv, hvor det skal ligge, med -o FIL (eller -o - for skærmen)",
            "the data folder is encrypted and an exported document is not: choose where it goes with -o FILE (or -o - for the screen)";
        LEAVES_THE_STORE =
            "Bemærk: dokumentet forlader den krypterede datamappe og gemmes ukrypteret.",
            "Note: the document leaves the encrypted data folder and is saved unencrypted.";
        CONFIRM_DELETE = "Slet? Skriv j for ja: ", "Delete? Type y for yes: ";
        CONFIRM_NEEDS_YES =
            "der er ingen terminal at spørge i; skriv --yes for at slette uden at blive spurgt",
            "there is no terminal to ask in; add --yes to delete without being asked";
        NOTHING_DELETED = "Intet er slettet.", "Nothing is deleted.";
        NOTHING_TO_PURGE =
            "Intet er urørt så længe; intet er slettet.",
            "Nothing has been untouched that long; nothing is deleted.";
        WOULD_GO = "ville blive slettet: ", "would be deleted: ";
        NO_DATA_DIR =
            "fandt ingen datamappe til sessionerne; angiv en med --data-dir MAPPE eller VEJEN_FREM_DATA",
            "found no data folder for the sessions; give one with --data-dir DIR or VEJEN_FREM_DATA";
        NO_TERMINAL =
            "vejen-frem skal køre i en terminal (standard ind og ud er ikke en terminal). Uden terminal virker kommandoerne list, sessions, followups, export, note og print.",
            "vejen-frem must run in a terminal (standard input and output are not a terminal). Without a terminal, the commands list, sessions, followups, export, note and print work.";

        // The command line's own help, in place of clap's English words.
        USAGE = "Brug", "Usage";
        COMMANDS = "Kommandoer", "Commands";
        ARGUMENTS = "Argumenter", "Arguments";
        OPTIONS = "Tilvalg", "Options";
        /// In a usage line: where the options go, and the name of a command.
        OPTIONS_SLOT = "[TILVALG]", "[OPTIONS]";
        COMMAND_NAME = "KOMMANDO", "COMMAND";
        HELP = "Vis hjælpen", "Print help";
        VERSION = "Vis versionen", "Print version";
        /// The placeholders of values in the help.
        DIR = "MAPPE", "DIR";
        FILE = "FIL", "FILE";
        TOOL_NAME = "REDSKAB", "TOOL";
        FORLOEB_NAME = "FORLØB", "CASE";
        SESSION_NAME = "SESSION", same;
        DATE_NAME = "DATO", "DATE";
        PERIOD_NAME = "PERIODE", "PERIOD";
        DELETE_NAME = "ID|FORLØB", "ID|CASE";
        PATHS_NAME = "STIER", "PATHS";
        RECIPIENT_NAME = "MODTAGER", "RECIPIENT";
        NAME_NAME = "NAVN", "NAME";
        MINUTES_NAME = "MIN", same;
        LANG_NAME = "SPROG", "LANGUAGE";
        THEME_NAME = "TEMA", "THEME";
        /// After a command line that could not be read.
        SEE_HELP = "Se vejen-frem --help.", "See vejen-frem --help.";
        COMMAND_LINE = "kommandolinjen kan ikke læses", "the command line cannot be read";
    }

    /// A word of the command line that is not one of its options or commands.
    pub fn unknown_argument(arg: &str) -> String {
        da_en!(
            format!("ukendt tilvalg: {arg}"),
            format!("unknown option: {arg}"),
        )
    }
    /// A value an option does not take, and the ones it takes.
    pub fn invalid_value(value: &str, arg: &str, valid: &[String]) -> String {
        let valid = valid.join(", ");
        da_en!(
            format!("»{value}« kan ikke bruges til {arg}; mulige: {valid}"),
            format!("'{value}' cannot be used for {arg}; possible: {valid}"),
        )
    }
    pub fn missing_argument(args: &[String]) -> String {
        let args = args.join(", ");
        da_en!(format!("mangler: {args}"), format!("missing: {args}"))
    }
    pub fn twice(arg: &str) -> String {
        da_en!(
            format!("{arg} må kun gives én gang"),
            format!("{arg} may be given only once"),
        )
    }
    pub fn value_needed(arg: &str) -> String {
        da_en!(
            format!("{arg} skal have en værdi"),
            format!("{arg} needs a value"),
        )
    }

    /// Words a guesser tries first for this program's passphrases.
    pub const PASSPHRASE_HINTS: [&str; 8] = [
        "vejen-frem",
        "vejenfrem",
        "vejen frem",
        "msb",
        "amr",
        "adgangskode",
        "passphrase",
        "password",
    ];
    pub fn weak(weak: crate::core::passphrase::Weak) -> Text {
        match weak {
            crate::core::passphrase::Weak::TooShort => Text::new(
                "adgangskoden er for kort: brug mindst 10 tegn, gerne flere ord",
                "the passphrase is too short: use at least 10 characters, preferably several words",
            ),
            crate::core::passphrase::Weak::Guessable => Text::new(
                "adgangskoden er let at gætte: brug flere ord, der ikke hører sammen",
                "the passphrase is easy to guess: use several words that do not belong together",
            ),
        }
    }
    pub fn shared(file: &Path, to_key: bool) -> String {
        let file = file.display();
        match (super::language(), to_key) {
            (super::Language::Danish, true) => {
                format!("Delt: {file} (krypteret til modtagerens nøgle).")
            }
            (super::Language::Danish, false) => format!(
                "Delt: {file} (krypteret med adgangskoden; giv den til modtageren ad en anden vej end filen)."
            ),
            (super::Language::English, true) => {
                format!("Shared: {file} (encrypted to the recipient's key).")
            }
            (super::Language::English, false) => format!(
                "Shared: {file} (encrypted with the passphrase; give it to the recipient another way than the file)."
            ),
        }
    }
    pub fn left_out(fields: &[String]) -> String {
        let list = fields.join(", ");
        match (super::language(), fields.is_empty()) {
            (_, true) => super::share::NO_PRIVATE.to_string(),
            (super::Language::Danish, false) => format!(
                "Udeladt (fortrolige eller uden spørgsmål): {list}. Skriv --with-private for at dele dem."
            ),
            (super::Language::English, false) => format!(
                "Left out (confidential or without a question): {list}. Add --with-private to share them."
            ),
        }
    }
    pub fn with_private(fields: &[String]) -> String {
        let list = fields.join(", ");
        da_en!(
            format!("Bemærk: fortrolige felter er delt: {list}."),
            format!("Note: confidential fields are shared: {list}."),
        )
    }
    pub fn imported(id: &str, tool: &str, forloeb: &str) -> String {
        match (super::language(), forloeb) {
            (super::Language::Danish, "") => format!("Importeret som ny session {id} ({tool})."),
            (super::Language::Danish, forloeb) => {
                format!("Importeret som ny session {id} ({tool}) i forløbet »{forloeb}«.")
            }
            (super::Language::English, "") => format!("Imported as the new session {id} ({tool})."),
            (super::Language::English, forloeb) => {
                format!("Imported as the new session {id} ({tool}) in the case '{forloeb}'.")
            }
        }
    }
    pub fn new_key(file: &Path, public: &str) -> String {
        let file = file.display();
        da_en!(
            format!(
                "Nøglefilen er skrevet: {file} (hemmelig; kun til dig). Giv afsenderen denne offentlige nøgle:\n{public}"
            ),
            format!(
                "The key file is written: {file} (secret; for you only). Give the sender this public key:\n{public}"
            ),
        )
    }
    pub fn no_passphrase(e: &std::io::Error) -> String {
        da_en!(
            format!("kan ikke spørge om adgangskoden ({e}); brug --passphrase-file FIL"),
            format!("cannot ask for the passphrase ({e}); use --passphrase-file FILE"),
        )
    }
    pub fn encrypted(dir: &Path, files: usize) -> String {
        let dir = dir.display();
        da_en!(
            format!(
                "{dir} er nu krypteret ({files} filer). Husk adgangskoden: uden den kan svarene ikke læses, og den kan ikke genskabes."
            ),
            format!(
                "{dir} is now encrypted ({files} files). Remember the passphrase: without it the answers cannot be read, and it cannot be recovered."
            ),
        )
    }
    pub fn decrypted(dir: &Path, files: usize) -> String {
        let dir = dir.display();
        da_en!(
            format!("{dir} er nu ukrypteret ({files} filer)."),
            format!("{dir} is now unencrypted ({files} files)."),
        )
    }
    pub fn plain_exports(dir: &Path, count: usize) -> String {
        let dir = dir.display();
        da_en!(
            format!(
                "Bemærk: {count} eksporterede dokumenter i {dir} er ikke krypteret (de er til udskrift). Slet dem, når de ikke skal bruges mere."
            ),
            format!(
                "Note: {count} exported documents in {dir} are not encrypted (they are for printing). Delete them when they are no longer needed."
            ),
        )
    }
    pub fn not_decrypted(file: &Path) -> String {
        let file = file.display();
        da_en!(
            format!("kunne ikke dekrypteres (ændret eller beskadiget), ligger uændret: {file}"),
            format!("could not be decrypted (changed or damaged), left as it is: {file}"),
        )
    }
    pub fn health_mention(field: &str, words: &[String]) -> String {
        let words = words.join(", ");
        da_en!(
            format!(
                "Advarsel: »{field}« nævner helbred ({words}) og kommer med i arbejdsgiverens kopi."
            ),
            format!(
                "Warning: '{field}' mentions health ({words}) and goes into the employer's copy."
            ),
        )
    }
    pub fn session_name(id: &str, tool: &str, label: &str) -> String {
        match (super::language(), label.is_empty()) {
            (super::Language::Danish, true) => format!("sessionen {id} ({tool}) og dens eksporter"),
            (super::Language::Danish, false) => {
                format!("sessionen {id} ({tool}, »{label}«) og dens eksporter")
            }
            (super::Language::English, true) => {
                format!("the session {id} ({tool}) and its exports")
            }
            (super::Language::English, false) => {
                format!("the session {id} ({tool}, '{label}') and its exports")
            }
        }
    }
    pub fn forloeb_name(label: &str, sessions: usize, notes: usize, exports: usize) -> String {
        let goes = super::store::forloeb_goes(label, sessions, notes);
        da_en!(
            format!("{goes} og {exports} eksporterede dokumenter"),
            format!("{goes} and {exports} exported documents"),
        )
    }
    pub fn will_delete(what: &str) -> String {
        da_en!(
            format!("Slettes for altid: {what}."),
            format!("To be deleted for good: {what}."),
        )
    }
    pub fn nothing_named(what: &str) -> String {
        da_en!(
            format!("der er ingen session eller forløb, der hedder »{what}«"),
            format!("there is no session or case called '{what}'"),
        )
    }
    pub fn ambiguous_target(what: &str) -> String {
        da_en!(
            format!("»{what}« passer på mere end én session eller ét forløb; skriv id'et"),
            format!("'{what}' fits more than one session or case; type the id"),
        )
    }
    pub fn removed_forloeb(id: &str) -> String {
        da_en!(
            format!("slettet: forløbet {id} og dets MSB-log"),
            format!("deleted: the case {id} and its MSB log"),
        )
    }
    pub fn removed_session(id: &str) -> String {
        da_en!(
            format!("slettet: sessionen {id}"),
            format!("deleted: the session {id}"),
        )
    }
    pub fn removed_export(file: &Path) -> String {
        let file = file.display();
        da_en!(format!("slettet: {file}"), format!("deleted: {file}"))
    }

    pub fn terminal_failed(e: &std::io::Error) -> String {
        da_en!(
            format!("terminalen svarede ikke som ventet: {e}"),
            format!("the terminal did not answer as expected: {e}"),
        )
    }

    pub fn damaged(file: &Path, reason: &str) -> String {
        let file = file.display();
        da_en!(
            format!("beskadiget: {file}: {reason}"),
            format!("damaged: {file}: {reason}"),
        )
    }

    /// "AB · 6 MSB-aftale · 24-11-2026 (uge 48) · om 2 dage"
    pub fn followup_line(
        forloeb: &str,
        tool: &str,
        date: chrono::NaiveDate,
        week: u32,
        days: i64,
    ) -> String {
        let who = if forloeb.is_empty() { "–" } else { forloeb };
        let date = date.format(super::words::DATE);
        let days = super::days_left(days);
        da_en!(
            format!("{who} · {tool} · {date} (uge {week}) · {days}"),
            format!("{who} · {tool} · {date} (week {week}) · {days}"),
        )
    }

    pub fn written(path: &Path) -> String {
        let path = path.display();
        da_en!(format!("skrevet: {path}"), format!("written: {path}"))
    }

    pub fn unknown_tool(name: &str) -> String {
        da_en!(
            format!("der er intet redskab, der hedder `{name}`; se `vejen-frem list`"),
            format!("there is no tool called `{name}`; see `vejen-frem list`"),
        )
    }

    pub fn unknown_forloeb(name: &str) -> String {
        da_en!(
            format!(
                "der er intet forløb, der hedder »{name}«; forløbenes navne står i kolonnen forløb i `vejen-frem sessions` og under fanen Forløb"
            ),
            format!(
                "there is no case called '{name}'; the cases' names are in the column forloeb of `vejen-frem sessions` and on the Cases tab"
            ),
        )
    }

    pub fn ambiguous_forloeb(name: &str, ids: &[&str]) -> String {
        let (n, ids) = (ids.len(), ids.join(", "));
        da_en!(
            format!("{n} forløb hedder »{name}«; angiv forløbets id: {ids}"),
            format!("{n} cases are called '{name}'; give the case's id: {ids}"),
        )
    }

    pub fn no_sessions(forloeb: &str, day: &str) -> String {
        da_en!(
            format!("forløbet »{forloeb}« har ingen sessioner med svar fra {day}"),
            format!("the case '{forloeb}' has no sessions with answers from {day}"),
        )
    }

    pub fn unknown_print(name: &str) -> String {
        da_en!(
            format!(
                "der er intet redskab og ingen tekst, der hedder `{name}`; se `vejen-frem list` (teksterne hedder introduktion, hvad-er-msb, hvorfor-fokus-paa-msb, forebyggelse, haandtering, redskaber og evaluering-og-opfoelgning)"
            ),
            format!(
                "there is no tool and no text called `{name}`; see `vejen-frem list` (the texts are called introduktion, hvad-er-msb, hvorfor-fokus-paa-msb, forebyggelse, haandtering, redskaber and evaluering-og-opfoelgning)"
            ),
        )
    }

    pub fn unreadable(path: &Path, e: &std::io::Error) -> String {
        let path = path.display();
        da_en!(
            format!("kan ikke læse {path}: {e}"),
            format!("cannot read {path}: {e}"),
        )
    }
}

/// What each key does, as the help overlay says it.
pub mod keys {
    texts! {
        QUIT = "Afslut programmet (alt er gemt)", "Quit the program (everything is saved)";
        LOCK =
            "Lås skærmen nu (den låser også selv efter nogle minutter uden tastetryk)",
            "Lock the screen now (it also locks itself after some minutes without a key)";
        UNLOCK =
            "Lås op (en krypteret mappe: med adgangskoden)",
            "Unlock (an encrypted folder: with the passphrase)";
        DELETE_ITEM =
            "Slet det valgte (en session, eller et forløb med alle dets sessioner); der spørges først",
            "Delete the one chosen (a session, or a case with all its sessions); asks first";
        REOPEN =
            "Genåbn den færdige session for ændringer (der spørges først; genåbningen noteres med dato)",
            "Reopen the completed session for changes (asks first; the reopening is kept with its date)";
        HELP = "Vis hjælpen", "Show the help";
        CLOSE_HELP = "Luk hjælpen", "Close the help";
        SCROLL_UP = "Rul op", "Scroll up";
        SCROLL_DOWN = "Rul ned", "Scroll down";
        UP = "Op", "Up";
        DOWN = "Ned", "Down";
        START_TOOL = "Start det valgte redskab", "Start the chosen tool";
        NEXT_TAB =
            "Næste fane: Redskaber → Forløb → Sessioner → Viden",
            "Next tab: Tools → Cases → Sessions → Knowledge";
        PREV_TAB = "Forrige fane", "Previous tab";
        SHOW_SESSIONS = "Vis gemte sessioner", "Show saved sessions";
        INTRODUCTION =
            "Læs introduktionen til redskaberne og oversigten over dem",
            "Read the introduction to the tools and their overview";
        START_BACK = "Afslut programmet", "Quit the program";
        FORLOEB_OPEN = "Åbn det valgte forløb", "Open the chosen case";
        FORLOEB_SESSION = "Åbn den valgte session", "Open the chosen session";
        NEW_FORLOEB = "Nyt forløb", "New case";
        NEW_TOOL = "Start et redskab i forløbet", "Start a tool in the case";
        MOVE = "Flyt sessionen til et forløb (eller et nyt)", "Move the session into a case (or a new one)";
        SEARCH_FORLOEB =
            "Søg i forløbene: etiket, eller et redskabs nummer eller navn blandt sessionerne",
            "Search the cases: label, or a tool's number or name among the sessions";
        SEARCH_END = "Stop søgningen", "Stop the search";
        JUMP_TO_NUMBER = "Gå til redskab nr. (1 og 3: Redskab 13)", "Go to tool no. (1 and 3: Tool 13)";
        FIRST = "Første linje", "First line";
        LAST = "Sidste linje", "Last line";
        CARRY =
            "Start den matchende version med svarene fra den valgte session",
            "Start the matching version with the answers of the chosen session";
        ADD_LOG = "Skriv en note i MSB-loggen", "Write a note in the MSB log";
        SHARE =
            "Del sessionen med den anden part: én krypteret fil til mail eller USB, som de importerer",
            "Share the session with the other party: one encrypted file for mail or USB, which they import";
        SHARE_SELECTED =
            "Del den valgte session med den anden part: én krypteret fil til mail eller USB",
            "Share the selected session with the other party: one encrypted file for mail or USB";
        IMPORT =
            "Importér en delt session (fra share) i forløbet; den bliver en ny session, intet overskrives",
            "Import a shared session (from share) into the case; it becomes a new session, nothing is overwritten";
        NOTE =
            "Vis dagens notat til journalen (forløbets redskaber i kort tekst)",
            "Show the day's note for the patient record (the case's tools in short)";
        COPY_NOTE =
            "Kopiér notatet til udklipsholderen gennem terminalen (OSC 52; terminalen skal tillade det)",
            "Copy the note to the clipboard through the terminal (OSC 52; the terminal must allow it)";
        SAVE_NOTE = "Gem notatet som tekstfil i mappen exports", "Save the note as a text file in the folder exports";
        NOTE_EARLIER = "Notatet for en tidligere dag i forløbet", "The note of an earlier day in the case";
        NOTE_LATER = "Notatet for en senere dag i forløbet", "The note of a later day in the case";
        NOTE_CLOSE = "Luk notatet", "Close the note";
        FORLOEB_BACK =
            "Tilbage (fra et forløb til listen, ellers til redskaberne)",
            "Back (from a case to the list, else to the tools)";
        PAGE_UP = "En side op", "A page up";
        PAGE_DOWN = "En side ned", "A page down";
        READ_OPEN = "Åbn det valgte", "Open the one chosen";
        READ_BACK = "Tilbage (fra forsiden: til redskaberne)", "Back (from the front page: to the tools)";
        READ_CLOSE = "Tilbage til siden før", "Back to the page before";
        NEXT_LINK = "Næste henvisning i teksten", "Next link in the text";
        PREV_LINK = "Forrige henvisning i teksten", "Previous link in the text";
        FOLLOW_LINK = "Følg den valgte henvisning", "Follow the chosen link";
        REGION_UP = "Regionen over", "The region above";
        REGION_DOWN = "Regionen under", "The region below";
        REGION_OPEN = "Læs hvad rapporten siger om regionen", "Read what the report says about the region";
        REGION_BY_KEY =
            "Vælg regionen med dens bogstav (står ved navnet)",
            "Choose the region by its letter (shown by its name)";
        ANSWER_TRUE = "Svar sandt", "Answer true";
        ANSWER_FALSE = "Svar falsk", "Answer false";
        QUIZ_NEXT = "Næste udsagn (efter det sidste: spil igen)", "Next statement (after the last: play again)";
        READ_SOURCE = "Læs teksten, udsagnet kommer fra", "Read the text the statement is from";
        QUIZ_BACK = "Forlad quizzen (intet gemmes)", "Leave the quiz (nothing is saved)";
        RESUME = "Fortsæt den valgte session", "Resume the chosen session";
        SESSIONS_BACK = "Ryd søgningen, ellers tilbage til redskaberne", "Clear the search, else back to the tools";
        NEXT_FIELD = "Næste felt (efter det sidste: næste trin)", "Next field (after the last: the next step)";
        PREV_FIELD = "Forrige felt", "Previous field";
        NEXT_STEP = "Næste trin (felter kan stå tomme)", "Next step (fields may be left empty)";
        PREV_STEP = "Forrige trin", "Previous step";
        REVIEW = "Gennemse alle svar", "Review all answers";
        REMOVE_ROW = "Slet punktet eller rækken", "Delete the entry or row";
        LABEL = "Giv sessionen en etiket", "Give the session a label";
        PICK =
            "Hent en opgave fra ressourcebanken ind i listen (hvor feltet tilbyder det)",
            "Fetch a task from the resource bank into the list (where the field offers it)";
        LEAVE_FIELD = "Forlad feltet (pilene ruller så teksten)", "Leave the field (the arrows then scroll the text)";
        BACK_INTO_FIELDS = "Tilbage i felterne", "Back into the fields";
        CLOSE_SESSION = "Luk sessionen (den er gemt)", "Close the session (it is saved)";
        CHOOSE_PREV = "Forrige svarmulighed", "Previous option";
        CHOOSE_NEXT = "Næste svarmulighed", "Next option";
        CHOOSE_BY_KEY =
            "Vælg svaret med dets nummer (1, 2, …) eller forbogstav",
            "Choose the answer by its number (1, 2, …) or first letter";
        TOGGLE = "Sæt eller fjern kryds", "Tick or untick";
        TICK = "Sæt kryds", "Tick";
        UNTICK = "Fjern krydset", "Untick";
        TICK_HINT = "Andre taster: sig, hvordan man sætter kryds", "Other keys: say how to tick";
        PRESS = "Tilføj et punkt eller en række, eller åbn redskabet", "Add an entry or a row, or open the tool";
        CLEAR = "Fjern svaret", "Clear the answer";
        NEW_LINE = "Ny linje", "New line";
        RESTORE = "Giv afsnittet rapportens ordlyd igen", "Give the paragraph the report's wording again";
        LINE_UP = "Linjen over", "The line above";
        LINE_DOWN = "Linjen under", "The line below";
        TYPE = "Skriv tegnet", "Type the character";
        CHAR_LEFT = "Et tegn til venstre", "A character to the left";
        CHAR_RIGHT = "Et tegn til højre", "A character to the right";
        WORD_LEFT = "Et ord til venstre", "A word to the left";
        WORD_RIGHT = "Et ord til højre", "A word to the right";
        LINE_START = "Til starten af linjen", "To the start of the line";
        LINE_END = "Til slutningen af linjen", "To the end of the line";
        DELETE_BACK = "Slet tegnet før markøren", "Delete the character before the cursor";
        DELETE_FORWARD = "Slet tegnet under markøren", "Delete the character under the cursor";
        DELETE_WORD_BACK = "Slet ordet før markøren", "Delete the word before the cursor";
        DELETE_WORD_FORWARD = "Slet ordet efter markøren", "Delete the word after the cursor";
        DELETE_TO_END = "Slet resten af linjen", "Delete the rest of the line";
        DELETE_TO_START = "Slet linjen før markøren", "Delete the line before the cursor";
        UNDO = "Fortryd i teksten", "Undo in the text";
        REDO = "Gentag i teksten", "Redo in the text";
        GOTO_FIELD = "Gå til feltet", "Go to the field";
        COMPLETE = "Afslut sessionen som færdig", "Complete the session";
        EXPORT =
            "Eksportér til fil: HTML til udskrift, Markdown eller tekst til journalen",
            "Export to a file: HTML to print, Markdown, or text for the patient record";
        BACK_TO_STEPS = "Tilbage til sidste trin", "Back to the last step";
        REVIEW_BACK = "Tilbage til trinnene", "Back to the steps";
        CONFIRM = "Gem eller udfør", "Save or do it";
        CANCEL = "Fortryd og luk", "Cancel and close";
        DIALOG_UP = "Forrige linje / forrige punkt", "Previous line / previous entry";
        DIALOG_DOWN = "Næste linje / næste punkt", "Next line / next entry";
        DIALOG_PREV =
            "Forrige valg (format, modtager; lås, fortrolige svar)",
            "Previous choice (format, recipient; lock, confidential answers)";
        DIALOG_NEXT =
            "Næste valg (format, modtager; lås, fortrolige svar)",
            "Next choice (format, recipient; lock, confidential answers)";
        SPACE = "Mellemrum", "Space";
        ENTER = "Enter", same;
        ESC = "Esc", same;
        TAB = "Tab", same;
        HOME = "Home", same;
        END = "End", same;
        PAGE_UP_KEY = "PgUp", same;
        PAGE_DOWN_KEY = "PgDn", same;
        BACKSPACE = "Backspace", same;
        DELETE = "Delete", same;
        /// Modifier prefixes: "Ctrl-Q", "Alt-←", "Shift-Tab".
        CTRL = "Ctrl-", same;
        ALT = "Alt-", same;
        SHIFT = "Shift-", same;
        /// A key class: any letter, digit or sign.
        ANY_CHAR = "tegn", "character";
        DIGIT = "0–9", same;
    }
}

/// The footer's short words for keys.
pub mod hints {
    texts! {
        QUIT = "afslut", "quit";
        LOCK = "lås", "lock";
        UNLOCK = "lås op", "unlock";
        DELETE = "slet", "delete";
        SHARE = "del", "share";
        REOPEN = "genåbn", "reopen";
        HELP = "hjælp", "help";
        CLOSE = "luk", "close";
        SCROLL = "rul", "scroll";
        CHOOSE = "vælg", "choose";
        START = "start", same;
        INTRODUCTION = "oversigt", "overview";
        NEXT_TAB = "næste fane", "next tab";
        OPEN = "åbn", "open";
        NEW_FORLOEB = "nyt forløb", "new case";
        NEW_TOOL = "nyt redskab", "new tool";
        SEARCH = "søg", "search";
        CARRY = "videreført", "carry over";
        LOG = "log", same;
        NOTE = "notat", "note";
        COPY = "kopiér", "copy";
        SAVE = "gem", "save";
        DAY = "dag", "day";
        BACK = "tilbage", "back";
        RESUME = "fortsæt", "resume";
        READ = "læs", "read";
        LINK = "henvisning", "link";
        FOLLOW = "følg", "follow";
        TRUE = "sandt", "true";
        FALSE = "falsk", "false";
        NEXT = "videre", "next";
        READ_SOURCE = "læs kilden", "read the source";
        NEXT_FIELD = "næste felt", "next field";
        NEXT_STEP = "næste trin", "next step";
        REVIEW = "gennemse", "review";
        LEAVE_FIELD = "forlad felt", "leave field";
        CHOOSE_BY_KEY = "vælg med tal eller forbogstav", "choose by number or first letter";
        TOGGLE = "sæt kryds", "tick";
        PRESS = "tryk", "press";
        GOTO_FIELD = "gå til feltet", "go to the field";
        COMPLETE = "afslut som færdig", "complete";
        EXPORT = "eksportér", "export";
        CONFIRM = "udfør", "do it";
        CANCEL = "fortryd", "cancel";
        CHOOSE_LINE = "vælg linje", "choose line";
        CHANGE = "skift", "change";
        RESTORE = "rapportens ordlyd", "the report's wording";
    }
}

/// Texts of the screens.
pub mod ui {
    use super::{Language, Text, language};

    texts! {
        APP = "VEJEN FREM", same;
        TOOLS = "Redskaber", "Tools";
        SESSIONS = "Sessioner", "Sessions";
        READING = "Viden", "Knowledge";
        FORLOEB = "Forløb", "Cases";
        FORLOEB_ADVICE =
            "Et forløb samler sessionerne om én person. Brug et pseudonym eller initialer – aldrig CPR-nummer eller fulde navn.",
            "A case gathers the sessions about one person. Use a pseudonym or initials – never a CPR number or a full name.";
        NO_FORLOEB = "Ingen forløb endnu. Tryk n for at oprette et.", "No cases yet. Press n to make one.";
        NEW_FORLOEB_TITLE = "Nyt forløb", "New case";
        MOVE_TITLE = "Flyt sessionen til et forløb", "Move the session into a case";
        /// In front of the search over the cases.
        SEARCH_LABEL = "Søg:", "Search:";
        /// Above the tools a case's picker offers first.
        SUGGESTED = "Forslag til næste redskab", "Suggested next tool";
        /// Closing a session whose link was followed from a session deleted meanwhile.
        BEHIND_DELETED =
            "Sessionen, du kom fra (med henvisningen), er slettet imens.",
            "The session you came from (by the link) has been deleted meanwhile.";
        LABEL_EMPTY = "Skriv en etiket (pseudonym eller initialer).", "Type a label (a pseudonym or initials).";
        LABEL_CPR =
            "Det ligner et CPR-nummer. Brug et pseudonym eller initialer i stedet.",
            "That looks like a CPR number. Use a pseudonym or initials instead.";
        FORLOEB_SESSIONS = "Sessioner", "Sessions";
        NO_FORLOEB_SESSIONS =
            "Ingen sessioner endnu. Tryk t for at starte et redskab, eller i for at importere en session, som en anden har delt med dig.",
            "No sessions yet. Press t to start a tool, or i to import a session someone has shared with you.";
        MSB_LOG = "MSB-log", "MSB log";
        NO_LOG = "Ingen noter endnu. Tryk l for at skrive i loggen.", "No notes yet. Press l to write in the log.";
        LOG_TITLE = "Ny note i MSB-loggen", "New note in the MSB log";
        LOG_FINAL = "Noter kan ikke ændres bagefter.", "Notes cannot be changed afterwards.";
        LOG_INCOMPLETE =
            "Skriv hvem, med hvem og hvad der blev aftalt.",
            "Write who, with whom and what was agreed.";
        FOLLOWUPS = "Opfølgninger", "Follow-ups";
        PICK_HINT =
            "Ctrl-P henter alternative opgaver fra ressourcebanken (Redskab 8).",
            "Ctrl-P fetches alternative tasks from the resource bank (Tool 8).";
        PICK_TITLE = "Vælg en opgave", "Choose a task";
        PICK_NONE =
            "Ressourcebanken er tom: udfyld Redskab 8 for arbejdspladsen først (giv den arbejdspladsens navn som etiket med Ctrl-L).",
            "The resource bank is empty: fill in Tool 8 for the workplace first (give it the workplace's name as its label with Ctrl-L).";
        PICK_FULL = "Listen er fuld.", "The list is full.";
        NO_WORKPLACE = "(arbejdsplads uden navn)", "(workplace without a name)";
        CARRIED =
            "↳ overført fra en tidligere session – kan rettes",
            "↳ carried over from an earlier session – can be changed";
        ADAPT_HINT =
            "Tilpas afsnittet til jeres arbejdsplads. Et navn i {…} udfyldes med svaret på det spørgsmål; et tomt afsnit udelades. Ctrl-G: rapportens ordlyd igen.",
            "Adapt the paragraph to your workplace. A name in {…} is filled in with the answer to that question; an empty paragraph is left out. Ctrl-G: the report's wording again.";
        ADAPTED =
            "↳ tilpasset – gennemsynet (Ctrl-R) viser rapportens ordlyd",
            "↳ adapted – the review (Ctrl-R) shows the report's wording";
        LEFT_OUT =
            "↳ udeladt – rapportens ordlyd står gråt ovenfor",
            "↳ left out – the report's wording is greyed above";
        NOTHING_TO_CARRY =
            "Den valgte session har ingen matchende version at føre svarene over i.",
            "The chosen session has no matching version to carry the answers into.";
        NO_SESSIONS =
            "Ingen gemte sessioner endnu. Vælg et redskab for at begynde.",
            "No saved sessions yet. Choose a tool to begin.";
        NO_MATCH = "Ingen sessioner passer til søgningen.", "No sessions fit the search.";
        FILTER = "Søg", "Search";
        FILTER_HINT = "skriv for at søge", "type to search";
        DAMAGED = "beskadiget", "damaged";
        DRAFT = "kladde", "draft";
        COMPLETED = "færdig", "completed";
        REOPENED = "genåbnet", "reopened";
        REVIEW = "Gennemse", "Review";
        MISSING = "mangler", "missing";
        INVALID = "ugyldigt", "invalid";
        NOT_ANSWERED = "(ikke besvaret)", "(not answered)";
        MORE = "… (Enter viser det hele)", "… (Enter shows all of it)";
        ADD_ENTRY = "+ Tilføj", "+ Add";
        ADD_ROW = "+ Tilføj række", "+ Add row";
        ADD_WEEK = "+ Tilføj uge", "+ Add week";
        FROM = "Fra", "From";
        TO = "Til", "To";
        ROW = "Række", "Row";
        COMMENT = "Kommentar", "Comment";
        ROW_SAVED =
            "gemt tidligere; ret ved at tilføje en ny række",
            "saved before; correct it by adding a new row";
        WEEK = "Uge", "Week";
        HELP_TITLE = "Hjælp – taster", "Help – keys";
        LABEL_TITLE = "Etiket for sessionen", "The session's label";
        LABEL_ADVICE =
            "Brug et pseudonym eller initialer – ikke CPR-nummer eller fulde navn. Enter gemmer, Esc fortryder.",
            "Use a pseudonym or initials – not a CPR number or a full name. Enter saves, Esc cancels.";
        ALL_ANSWERED =
            "Alle krævede felter er udfyldt. Tryk a for at afslutte sessionen som færdig.",
            "Every required field is filled in. Press a to complete the session.";
        COMPLETED_NOW =
            "Sessionen er afsluttet som færdig og gemt. Den kan nu kun læses; g genåbner den.",
            "The session is completed and saved. It can now only be read; g reopens it.";
        SEALED =
            "Færdig: kun til læsning. Genåbn den med g i gennemsynet (Ctrl-R).",
            "Completed: read-only. Reopen it with g in the review (Ctrl-R).";
        SEALED_MARK = "færdig · kun læsning", "completed · read-only";
        NOT_SEALED =
            "Sessionen er ikke afsluttet som færdig; den kan ændres.",
            "The session is not completed; it can be changed.";
        REOPEN_TITLE = "Genåbn den færdige session?", "Reopen the completed session?";
        REOPEN_WHAT =
            "Den bliver kladde igen og kan ændres. Genåbningen noteres med dato i sessionens historik, og dens dokumenter siger ikke længere »færdig« og har ingen underskriftslinjer, før den er afsluttet igen.",
            "It becomes a draft again and can be changed. The reopening is kept with its date in the session's history, and its documents no longer say 'completed' and have no signature lines until it is completed again.";
        REOPEN_FINAL = "Enter genåbner, Esc lader den være færdig.", "Enter reopens, Esc leaves it completed.";
        REOPENED_NOW =
            "Sessionen er genåbnet og kan ændres; genåbningen er noteret.",
            "The session is reopened and can be changed; the reopening is kept.";
        HISTORY = "Historik", "History";
        DELETE_DAMAGED =
            "En beskadiget fil slettes ikke herfra; se filen i datamappen.",
            "A damaged file is not deleted from here; see the file in the data folder.";
        DELETE_TITLE = "Slet for altid?", "Delete for good?";
        DELETE_FINAL =
            "Det kan ikke fortrydes. Enter sletter, Esc fortryder.",
            "It cannot be undone. Enter deletes, Esc cancels.";
        PURGE_TITLE = "Gamle forløb og sessioner", "Old cases and sessions";
        HEALTH_TITLE = "Helbred i arbejdsgiverens kopi", "Health in the employer's copy";
        HEALTH_FINAL =
            "Arbejdsgiveren skal læse om funktion og opgaver, ikke om helbred. Enter eksporterer alligevel, Esc går tilbage og retter.",
            "The employer should read about function and tasks, not about health. Enter exports all the same, Esc goes back to correct it.";
        CPR_WARNING =
            "! Ligner et CPR-nummer. Skriv det ikke her: brug et pseudonym eller initialer.",
            "! Looks like a CPR number. Do not write it here: use a pseudonym or initials.";
        FULL_NAME_WARNING =
            "Ligner et fuldt navn. Brug hellere initialer eller et pseudonym.",
            "Looks like a full name. Better use initials or a pseudonym.";
        PRIVATE_MARK = "fortroligt", "confidential";
        LEAVES_STORE =
            "Mappen er krypteret: dokumentet gemmes ukrypteret uden for den, hvor du vælger. Husk at slette det, når det er brugt.",
            "The folder is encrypted: the document is saved unencrypted outside it, where you choose. Remember to delete it once it has been used.";
        LOCKED_TITLE = "Låst", "Locked";
        LOCKED_PLAIN = "Skærmen er låst. Tryk Enter for at fortsætte.", "The screen is locked. Press Enter to go on.";
        LOCKED_PLAIN_NOTE =
            "Mappen er ikke krypteret: låsen skjuler kun skærmen. Se »vejen-frem encrypt«.",
            "The folder is not encrypted: the lock only hides the screen. See 'vejen-frem encrypt'.";
        LOCKED_ENCRYPTED =
            "Skærmen er låst. Skriv adgangskoden og tryk Enter for at fortsætte.",
            "The screen is locked. Type the passphrase and press Enter to go on.";
        OPEN_ENCRYPTED =
            "Datamappen er krypteret. Skriv adgangskoden og tryk Enter.",
            "The data folder is encrypted. Type the passphrase and press Enter.";
        UNLOCKING = "Låser op …", "Unlocking …";
        WRONG_PASSPHRASE = "Forkert adgangskode. Prøv igen.", "Wrong passphrase. Try again.";
        IS_COMPLETED = "Sessionen er afsluttet som færdig.", "The session is completed.";
        CHECK_ANSWERED = "☑", same;
        CHECK_OPEN = "☐", same;
        EMPTY_CHOICE_HINT = "←/→, tal eller forbogstav vælger", "←/→, number or first letter chooses";
        TOGGLE_HINT = "mellemrum sætter kryds", "space ticks";
        WHO_ARE_YOU =
            "Hvem er du? Så kommer det, der angår dig, først",
            "Who are you? Then what concerns you comes first";
        TRY_YOURSELF = "Prøv selv", "Try it yourself";
        ALL_SECTIONS =
            "Rapportens tekster: de seks afsnit og introduktionen til redskaberne",
            "The report's texts (in Danish): the six sections and the introduction to the tools";
        BODY_ITEM =
            "Kroppen – hvad rapporten siger om MSB i kroppens regioner",
            "The body – the report on musculoskeletal disorders (MSB) by region";
        QUIZ_ITEM = "Quiz – sandt eller falsk om MSB", "Quiz – true or false about MSB";
        REFLECTIONS_ITEM =
            "Overvejelser – spørgsmålene fra afsnittene, for jeres arbejdsplads",
            "Reflections – the sections' questions, for your workplace";
        REFLECTIONS_INTRO =
            "Spørgsmålene efter hvert af de seks afsnit, besvaret for én arbejdsplads ad gangen. Svarene gemmes som en session med arbejdspladsens navn og kan eksporteres til arbejdsmiljømødet (Ctrl-R, e).",
            "The questions after each of the six sections, answered for one workplace at a time. The answers are saved as a session with the workplace's name and can be exported for the work environment meeting (Ctrl-R, e).";
        NEW_WORKPLACE = "+ Ny arbejdsplads …", "+ New workplace …";
        WORKPLACES = "Arbejdspladser med svar", "Workplaces with answers";
        TO_REFLECTIONS =
            "→ Svar på overvejelserne for jeres arbejdsplads",
            "→ Answer the reflections for your workplace";
        TOOLS_NAMED = "Redskaber, teksten nævner", "Tools the text names";
        BODY_TITLE = "Kroppen", "The body";
        BODY_HELP =
            "Vælg en region med pilene eller dens bogstav; Enter viser, hvad rapporten siger.",
            "Choose a region with the arrows or its letter; Enter shows what the report says.";
        QUIZ_TITLE = "Quiz", same;
        QUIZ_QUESTION =
            "Er det sandt eller falsk? Tryk s eller f.",
            "True or false? Press s (sandt: true) or f (falsk: false).";
        QUIZ_RIGHT = "✓ Rigtigt", "✓ Right";
        QUIZ_WRONG = "✗ Forkert", "✗ Wrong";
        QUIZ_REPORT_SAYS = "Rapporten siger:", "The report says:";
        QUIZ_AGAIN =
            "Enter spiller igen, Esc går tilbage. Intet af quizzen gemmes.",
            "Enter plays again, Esc goes back. Nothing of the quiz is saved.";
        QUIZ_EMPTY = "Quizzen har ingen udsagn.", "The quiz has no statements.";
        SHARE_TITLE = "Del sessionen", "Share the session";
        SHARE_FROM = "Fra", "From";
        SHARE_LOCK = "Lås med", "Lock with";
        SHARE_BY_PASSPHRASE = "adgangskode", "passphrase";
        SHARE_BY_KEY = "modtagerens nøgle", "the recipient's key";
        SHARE_PASSPHRASE = "Adgangskode", "Passphrase";
        SHARE_AGAIN = "Igen", "Again";
        SHARE_KEY = "Nøgle", "Key";
        SHARE_PRIVATE = "Fortrolige", "Confidential";
        SHARE_LEAVE_OUT = "udelades", "left out";
        SHARE_INCLUDE = "deles med", "shared too";
        SHARE_FILE = "Fil", "File";
        SHARE_FROM_HINT =
            "Dit navn eller dine initialer, som modtageren ser – aldrig et CPR-nummer. Enter går videre, Esc fortryder.",
            "Your name or initials, as the recipient sees them – never a CPR number. Enter goes on, Esc cancels.";
        SHARE_LOCK_HINT =
            "← → vælger: en adgangskode, du giver modtageren ad en anden vej end filen, eller modtagerens offentlige nøgle (age1…).",
            "← → choose: a passphrase you give the recipient another way than the file, or the recipient's public key (age1…).";
        SHARE_PASSPHRASE_HINT =
            "Mindst 10 tegn, gerne flere ord. Giv den til modtageren ad en anden vej end filen.",
            "At least 10 characters, preferably several words. Give it to the recipient another way than the file.";
        SHARE_AGAIN_HINT = "Skriv den samme adgangskode igen.", "Type the same passphrase again.";
        SHARE_KEY_HINT =
            "Modtagerens offentlige nøgle: én linje, der begynder med age1 (modtageren laver den med »vejen-frem share-key«).",
            "The recipient's public key: one line that begins with age1 (the recipient makes it with 'vejen-frem share-key').";
        SHARE_FILE_HINT =
            "Hvor den krypterede fil skrives (fx på et USB-stik). Enter deler.",
            "Where the encrypted file is written (e.g. on a USB stick). Enter shares.";
        SHARE_LEAVES_STORE =
            "Mappen er krypteret: filen skrives uden for den, hvor du vælger.",
            "The folder is encrypted: the file is written outside it, where you choose.";
        SHARING = "Krypterer og skriver filen …", "Encrypting and writing the file …";
        SHARE_FROM_EMPTY =
            "Skriv dit navn eller dine initialer: modtageren skal kunne se, hvem sessionen er fra.",
            "Type your name or initials: the recipient must see whom the session is from.";
        SHARE_NOT_THE_SAME =
            "De to adgangskoder er ikke ens. Skriv den samme igen.",
            "The two passphrases differ. Type the same one again.";
        SHARE_BAD_KEY =
            "Det er ikke en offentlig nøgle: den er én linje, der begynder med age1 (modtageren laver den med »vejen-frem share-key«).",
            "That is no public key: it is one line that begins with age1 (the recipient makes it with 'vejen-frem share-key').";
        SHARE_NO_FILE = "Skriv, hvor filen skal gemmes.", "Type where the file is to be saved.";
        SHARED_TITLE = "Sessionen er delt", "The session is shared";
        SHARED_BY_PASSPHRASE =
            "Den er krypteret med adgangskoden: giv modtageren den ad en anden vej end filen, fx i telefonen.",
            "It is encrypted with the passphrase: give it to the recipient another way than the file, e.g. by phone.";
        SHARED_TO_KEY =
            "Den er krypteret til modtagerens nøgle: kun deres nøglefil åbner den.",
            "It is encrypted to the recipient's key: only their key file opens it.";
        SHARED_FINAL = "Enter eller Esc lukker.", "Enter or Esc closes.";
        IMPORT_TITLE = "Importér en delt session", "Import a shared session";
        IMPORT_FILE = "Fil", "File";
        IMPORT_PASSPHRASE = "Adgangskode", "Passphrase";
        IMPORT_KEY = "Nøglefil", "Key file";
        IMPORT_FILE_HINT =
            "Skriv stien til den delte fil, og tryk Enter. Esc fortryder.",
            "Type the path of the shared file and press Enter. Esc cancels.";
        IMPORT_PASSPHRASE_HINT =
            "Filen er krypteret med en adgangskode: skriv den, og tryk Enter.",
            "The file is encrypted with a passphrase: type it and press Enter.";
        IMPORT_KEY_HINT =
            "Filen er krypteret til en nøgle: skriv stien til din nøglefil (fra vejen-frem share-key), og tryk Enter.",
            "The file is encrypted to a key: type the path of your key file (from vejen-frem share-key) and press Enter.";
        IMPORTING = "Åbner den delte fil …", "Opening the shared file …";
        IMPORT_NO_FILE = "Skriv først stien til den delte fil.", "Type the path of the shared file first.";
        EXPORT_TITLE = "Eksportér sessionen", "Export the session";
        EXPORT_FORMAT = "Format", same;
        EXPORT_RECIPIENT = "Til", "For";
        EXPORT_FILE = "Fil", "File";
        EXPORT_EXISTS =
            "Filen findes allerede. Enter overskriver den, Esc fortryder.",
            "The file exists already. Enter overwrites it, Esc cancels.";
        EXPORT_EMPLOYER_NOTE =
            "Arbejdsgiverens kopi: fortrolige felter kommer ikke med.",
            "The employer's copy: confidential fields are left out.";
        FORMAT_HTML = "HTML (til udskrift)", "HTML (to print)";
        FORMAT_MARKDOWN = "Markdown", same;
        FORMAT_TEXT = "Tekst (journal, 72 tegn)", "Text (patient record, 72 columns)";
        FOR_EMPLOYEE = "Medarbejder / patient", "Employee / patient";
        FOR_EMPLOYER = "Arbejdsgiver", "Employer";
        FOR_RECORD = "Journal", "Patient record";
        FOR_WORKPLACE = "Arbejdspladsen (til arbejdsmiljømødet)", "The workplace (for the work environment meeting)";
        TO_EMPLOYER =
            "Kan gå til arbejdsgiveren: skriv om funktion og opgaver, ikke diagnoser.",
            "May go to the employer: write about function and tasks, not diagnoses.";
        PRIVATE_FIELD =
            "Fortroligt felt: kommer ikke med i arbejdsgiverens kopi.",
            "Confidential field: left out of the employer's copy.";
        SAVED_BEFORE_LOCK = "Alt er gemt.", "Everything is saved.";
        ABOUT_WORKPLACE =
            "Svarene handler om arbejdspladsen: skriv ikke navne eller helbredsoplysninger om enkelte medarbejdere.",
            "The answers are about the workplace: do not write names or health details of single employees.";
        WORKPLACE_TITLE = "Arbejdspladsens navn", "The workplace's name";
        WORKPLACE_ADVICE =
            "Svarene handler om arbejdspladsen, ikke om en person: skriv fx afdeling eller team. Enter gemmer, Esc fortryder.",
            "The answers are about the workplace, not a person: write e.g. a department or team. Enter saves, Esc cancels.";
        WORKPLACE_EMPTY = "Skriv arbejdspladsens navn.", "Type the workplace's name.";
        QUIT_UNSAVED =
            "KUNNE IKKE GEMME – svarene er ikke på disken. Ret fejlen, eller tryk Ctrl-Q igen for at afslutte uden at gemme.",
            "COULD NOT SAVE – the answers are not on disk. Put the error right, or press Ctrl-Q again to quit without saving.";
        SAVING = "gemmer …", "saving …";
        READ_ONLY_MARK = "kun læsning", "read-only";
        READING_FOLDER = "Læser sessionerne …", "Reading the sessions …";
        NO_NOTE =
            "Forløbet har ingen sessioner med svar endnu: start et redskab med t.",
            "The case has no sessions with answers yet: start a tool with t.";
        NOTE_COPIED =
            "Kopieret gennem terminalen (OSC 52) – kun hvis terminalen tillader det; ellers gem med g.",
            "Copied through the terminal (OSC 52) – only if the terminal allows it; else save with g.";
        NOTE_EXISTS =
            "Filen findes allerede. g igen overskriver den, Esc lukker.",
            "The file exists already. g again overwrites it, Esc closes.";
    }

    /// A field's label, marked as kept out of the employer's copy.
    pub fn private(label: &str) -> String {
        match label {
            "" => format!("[{PRIVATE_MARK}]"),
            label => format!("{label} [{PRIVATE_MARK}]"),
        }
    }
    /// The report's example in an empty field, said to be one: greyed is not enough
    /// without colours. The example itself is the report's Danish.
    pub fn example(hint: &str) -> String {
        match hint.get(..2) {
            Some(fx) if fx.eq_ignore_ascii_case("fx") => hint.to_string(),
            _ => da_en!(format!("Fx {hint}"), format!("E.g. {hint}")),
        }
    }
    /// A message in the footer that is an error, marked as one.
    pub fn error_note(text: &str) -> String {
        format!("! {text}")
    }

    /// The fields of a note in the MSB log.
    pub const LOG_FIELDS: [Text; 4] = [
        Text::new("Dato", "Date"),
        Text::new("Hvem", "Who"),
        Text::new("Med hvem", "With whom"),
        Text::new("Hvad blev aftalt", "What was agreed"),
    ];

    pub fn no_tool_number(number: &str) -> String {
        da_en!(
            format!("Der er intet redskab nummer {number} her."),
            format!("There is no tool number {number} here."),
        )
    }
    /// The first line of the move dialog: a new case, with the typed label if any.
    pub fn move_new(typed: &str) -> String {
        match (language(), typed.is_empty()) {
            (Language::Danish, true) => "+ Nyt forløb …".to_string(),
            (Language::Danish, false) => format!("+ Nyt forløb: {typed}"),
            (Language::English, true) => "+ New case …".to_string(),
            (Language::English, false) => format!("+ New case: {typed}"),
        }
    }
    pub fn moved(label: &str) -> String {
        da_en!(
            format!("Sessionen hører nu til forløbet {label}."),
            format!("The session now belongs to the case {label}."),
        )
    }
    /// Asked when `--forloeb` names a case that does not exist.
    pub fn forloeb_missing(label: &str) -> String {
        da_en!(
            format!(
                "Der er intet forløb, der hedder {label}. Enter opretter det (ret navnet først, hvis det er skrevet forkert); Esc fortryder. {FORLOEB_ADVICE}"
            ),
            format!(
                "There is no case called {label}. Enter makes it (correct the name first if it is mistyped); Esc cancels. {FORLOEB_ADVICE}"
            ),
        )
    }
    pub fn no_region(typed: char, keys: &[char]) -> String {
        let keys: Vec<String> = keys.iter().map(char::to_string).collect();
        let keys = keys.join(", ");
        da_en!(
            format!("Ingen region har bogstavet »{typed}«. Vælg med {keys} eller pilene."),
            format!("No region has the letter '{typed}'. Choose with {keys} or the arrows."),
        )
    }
    pub fn open_tool(number: Option<u32>, title: &str) -> String {
        match (language(), number) {
            (Language::Danish, Some(number)) => format!("→ Åbn Redskab {number}: {title}"),
            (Language::Danish, None) => format!("→ Åbn {title}"),
            (Language::English, Some(number)) => format!("→ Open Tool {number}: {title}"),
            (Language::English, None) => format!("→ Open {title}"),
        }
    }
    pub fn pick_banner(label: &str) -> String {
        da_en!(
            format!("Vælg et redskab til forløbet »{label}« (Esc fortryder)"),
            format!("Choose a tool for the case '{label}' (Esc cancels)"),
        )
    }
    pub fn carried(n: usize) -> String {
        da_en!(
            format!("{n} svar er overført og markeret; de kan rettes."),
            format!("{n} answers are carried over and marked; they can be changed."),
        )
    }
    pub fn forloeb_row(label: &str, sessions: usize, next: Option<chrono::NaiveDate>) -> String {
        let next = next.map(|d| d.format(super::words::DATE));
        match language() {
            Language::Danish => {
                let next = next
                    .map(|d| format!(" · næste opfølgning {d}"))
                    .unwrap_or_default();
                match sessions {
                    1 => format!("{label} · 1 session{next}"),
                    n => format!("{label} · {n} sessioner{next}"),
                }
            }
            Language::English => {
                let next = next
                    .map(|d| format!(" · next follow-up {d}"))
                    .unwrap_or_default();
                match sessions {
                    1 => format!("{label} · 1 session{next}"),
                    n => format!("{label} · {n} sessions{next}"),
                }
            }
        }
    }
    /// After a session in a case: " · opfølgning 24-11-2026".
    /// After a session in the lists when it came in a share: a word, not a colour.
    pub fn imported_suffix(from: &str) -> String {
        da_en!(
            format!(" · importeret fra {from}"),
            format!(" · imported from {from}"),
        )
    }
    pub fn follow_up_suffix(date: &str) -> String {
        da_en!(
            format!(" · opfølgning {date}"),
            format!(" · follow-up {date}"),
        )
    }
    pub fn due_row(label: &str, tool: &str, date: chrono::NaiveDate, days: i64) -> String {
        let who = if label.is_empty() { "–" } else { label };
        format!(
            "{} · {who} · {tool} · {}",
            date.format(super::words::DATE),
            super::days_left(days)
        )
    }
    pub fn purge_intro(period: &str) -> String {
        da_en!(
            format!("Ikke rørt i {period} (afsluttede forløb og sessioner uden forløb):"),
            format!("Untouched for {period} (closed cases and sessions outside a case):"),
        )
    }
    pub fn deleted(sessions: usize) -> String {
        match (language(), sessions) {
            (Language::Danish, 1) => "Slettet: 1 session.".to_string(),
            (Language::Danish, n) => format!("Slettet: {n} sessioner."),
            (Language::English, 1) => "Deleted: 1 session.".to_string(),
            (Language::English, n) => format!("Deleted: {n} sessions."),
        }
    }
    pub fn export_goes(file: &std::path::Path) -> String {
        let file = file.display();
        da_en!(
            format!("det eksporterede dokument {file}"),
            format!("the exported document {file}"),
        )
    }
    pub fn period(period: crate::core::retention::Period) -> String {
        use crate::core::retention::Period;
        match (language(), period) {
            (Language::Danish, Period::Days(1)) => "1 dag".into(),
            (Language::Danish, Period::Days(n)) => format!("{n} dage"),
            (Language::Danish, Period::Months(1)) => "1 måned".into(),
            (Language::Danish, Period::Months(n)) => format!("{n} måneder"),
            (Language::Danish, Period::Years(1)) => "1 år".into(),
            (Language::Danish, Period::Years(n)) => format!("{n} år"),
            (Language::English, Period::Days(1)) => "1 day".into(),
            (Language::English, Period::Days(n)) => format!("{n} days"),
            (Language::English, Period::Months(1)) => "1 month".into(),
            (Language::English, Period::Months(n)) => format!("{n} months"),
            (Language::English, Period::Years(1)) => "1 year".into(),
            (Language::English, Period::Years(n)) => format!("{n} years"),
        }
    }
    pub fn health_line(field: &str, words: &[String]) -> String {
        let words = words.join(", ");
        da_en!(
            format!("»{field}« nævner {words}"),
            format!("'{field}' mentions {words}"),
        )
    }
    pub fn health_hint(words: &[String]) -> String {
        let words = words.join(", ");
        da_en!(
            format!(
                "Nævner helbred ({words}): kommer med i arbejdsgiverens kopi. Skriv om funktion og opgaver."
            ),
            format!(
                "Mentions health ({words}): goes into the employer's copy. Write about function and tasks."
            ),
        )
    }

    /// Who an entry is for, as its heading, and the order it gives.
    pub fn audience_heading(
        audience: crate::core::definition::Audience,
    ) -> (&'static str, &'static str) {
        use crate::core::definition::Audience;
        match audience {
            Audience::Medarbejder => da_en!(
                (
                    "Til dig som medarbejder",
                    "Først hvad MSB er, og hvordan det håndteres på arbejdspladsen, så dine redskaber til samtalen med din leder, og så resten af afsnittene. Hvert afsnit har sin case.",
                ),
                (
                    "For you as an employee",
                    "First what MSB is and how it is handled at the workplace, then your tools for the talk with your manager, then the rest of the sections. Each section has its story ('Case – …').",
                ),
            ),
            Audience::Leder => da_en!(
                (
                    "Til dig som leder",
                    "Først hvorfor MSB angår arbejdspladsen, og hvordan det håndteres, så dine redskaber til samtalen med medarbejderen og til arbejdsmiljøarbejdet, og så resten af afsnittene. Hvert afsnit har sin case.",
                ),
                (
                    "For you as a manager",
                    "First why MSB concerns the workplace and how it is handled, then your tools for the talk with the employee and for the work environment work, then the rest of the sections. Each section has its story ('Case – …').",
                ),
            ),
            Audience::Arbejdsmiljoorganisation => da_en!(
                (
                    "Til dig i arbejdsmiljøorganisationen",
                    "Først forebyggelse og redskaberne til arbejdsmiljøarbejdet – MSB-politik, ressourcebank og evaluering – og så resten af afsnittene. Hvert afsnit har sin case.",
                ),
                (
                    "For you in the work environment organisation (such as a work environment representative, AMR)",
                    "First prevention and the tools for the work environment work – MSB policy, resource bank and evaluation – then the rest of the sections. Each section has its story ('Case – …').",
                ),
            ),
            Audience::Laege => da_en!(
                (
                    "Til dig som praktiserende læge",
                    "Først redskaberne til konsultationen med deres baggrund – screeningen og aktionspunkterne – så afsnittene, med håndteringen af MSB først. Hvert afsnit har sin case.",
                ),
                (
                    "For you as a general practitioner",
                    "First the tools for the consultation with their background – the screening and the action points – then the sections, with the handling of MSB first. Each section has its story ('Case – …').",
                ),
            ),
        }
    }
    /// A story in lists and links: the report's heading and whose story it is.
    pub fn case_label(heading: &str, person: &str) -> String {
        format!("{heading} ({person})")
    }
    pub fn start_tool(heading: &str) -> String {
        format!("→ Start {heading}")
    }
    /// A link in a text.
    pub fn link(label: &str) -> String {
        format!("→ {label}")
    }
    pub fn nothing_specific(place: &str) -> String {
        da_en!(
            format!("Rapporten siger ikke noget særskilt om MSB {place}. Den siger kun generelt:"),
            format!(
                "The report says nothing in particular about MSB in this region ({place}). It only says in general:"
            ),
        )
    }
    pub fn no_tools(place: &str) -> String {
        da_en!(
            format!(
                "Rapporten nævner ingen redskaber i forbindelse med MSB {place}. Redskaberne under Redskaber er til MSB generelt."
            ),
            format!(
                "The report names no tools for MSB in this region ({place}). The tools under Tools are for MSB in general."
            ),
        )
    }
    /// What is written about a region, in the body screen's preview.
    pub fn passages(n: usize) -> String {
        match (language(), n) {
            (Language::Danish, 0) => "Rapporten siger ikke noget særskilt om regionen.".into(),
            (Language::Danish, 1) => "1 tekst fra rapporten".into(),
            (Language::Danish, n) => format!("{n} tekster fra rapporten"),
            (Language::English, 0) => {
                "The report says nothing in particular about the region.".into()
            }
            (Language::English, 1) => "1 text from the report".into(),
            (Language::English, n) => format!("{n} texts from the report"),
        }
    }
    pub fn quiz_progress(n: usize, total: usize) -> String {
        da_en!(
            format!("Quiz · udsagn {n} af {total}"),
            format!("Quiz · statement {n} of {total}"),
        )
    }
    pub fn quiz_verdict(right: bool, answer: bool) -> String {
        let verdict = if right { QUIZ_RIGHT } else { QUIZ_WRONG };
        match (language(), answer) {
            (Language::Danish, true) => format!("{verdict} – udsagnet er sandt."),
            (Language::Danish, false) => format!("{verdict} – udsagnet er falsk."),
            (Language::English, true) => format!("{verdict} – the statement is true."),
            (Language::English, false) => format!("{verdict} – the statement is false."),
        }
    }
    /// Where a quote is from.
    pub fn from_source(source: &str) -> String {
        da_en!(format!("Fra: {source}"), format!("From: {source}"))
    }
    pub fn quiz_score(right: usize, total: usize) -> String {
        da_en!(
            format!("Du svarede som rapporten på {right} af {total} udsagn."),
            format!("You answered as the report does on {right} of {total} statements."),
        )
    }
    /// On an imported session's first step and in its review.
    pub fn imported_from(provenance: &str) -> String {
        format!("{}: {provenance}.", super::share::IMPORTED)
    }
    pub fn import_into(forloeb: &str) -> String {
        da_en!(
            format!(
                "Sessionen importeres som en ny session i forløbet »{forloeb}«; intet overskrives."
            ),
            format!(
                "The session is imported as a new session in the case '{forloeb}'; nothing is overwritten."
            ),
        )
    }
    /// Said once the import is done; `tool` as in a heading ("Redskab 1 · …").
    pub fn imported(tool: &str, provenance: &str) -> String {
        da_en!(
            format!("Importeret: {tool}. {provenance}."),
            format!("Imported: {tool}. {provenance}."),
        )
    }
    /// The share dialog's line about the private answers: which are left out, or that
    /// they go too.
    pub fn share_private(fields: &[String], with_private: bool) -> String {
        let list = fields.join(", ");
        match (language(), with_private) {
            (Language::Danish, false) => format!(
                "Fortrolige svar, der udelades: {list}. ← → deler dem også – kun hvis modtageren må se dem."
            ),
            (Language::Danish, true) => format!("Bemærk: de fortrolige svar deles: {list}."),
            (Language::English, false) => format!(
                "Confidential answers left out: {list}. ← → shares them too – only if the recipient may see them."
            ),
            (Language::English, true) => {
                format!("Note: the confidential answers are shared: {list}.")
            }
        }
    }
    /// A passphrase refused, said as a sentence on the screen.
    pub fn weak_passphrase(weak: crate::core::passphrase::Weak) -> String {
        let text = super::cli::weak(weak).as_str();
        let mut chars = text.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
        format!("{}{}.", first.unwrap_or_default(), chars.as_str())
    }
    pub fn shared_file(path: &std::path::Path) -> String {
        let path = path.display();
        da_en!(format!("Filen: {path}"), format!("The file: {path}"))
    }
    /// What the recipient does with the file (named by its file name).
    pub fn shared_receiver(file: &str) -> String {
        da_en!(
            format!(
                "Modtageren importerer den med »vejen-frem import {file}« eller med i på et forløb."
            ),
            format!(
                "The recipient imports it with 'vejen-frem import {file}' or with i on a case."
            ),
        )
    }
    pub fn shared_left_out(fields: &[String]) -> String {
        let list = fields.join(", ");
        da_en!(
            format!("Udeladt (fortrolige eller uden spørgsmål): {list}."),
            format!("Left out (confidential or without a question): {list}."),
        )
    }
    pub fn exported(path: &std::path::Path) -> String {
        let path = path.display();
        da_en!(format!("Eksporteret: {path}"), format!("Exported: {path}"),)
    }
    pub fn step_of(k: usize, n: usize) -> String {
        da_en!(format!("Trin {k} af {n}"), format!("Step {k} of {n}"))
    }
    /// "Redskab 10 · Screening …"; a walk that is no tool by its title alone.
    pub fn tool_heading(number: Option<u32>, title: &str) -> String {
        match (language(), number) {
            (Language::Danish, Some(number)) => format!("Redskab {number} · {title}"),
            (Language::English, Some(number)) => format!("Tool {number} · {title}"),
            (_, None) => title.to_string(),
        }
    }
    /// "6 MSB-aftale"; a walk that is no tool by its title alone.
    pub fn numbered(number: Option<u32>, title: &str) -> String {
        match number {
            Some(number) => format!("{number} {title}"),
            None => title.to_string(),
        }
    }
    /// A tool in a list: its number right-aligned in two columns, then `gap` and the title.
    pub fn tool_row(number: Option<u32>, gap: &str, title: &str) -> String {
        let number = number.map_or_else(|| "–".to_string(), |n| n.to_string());
        format!("{number:>2}{gap}{title}")
    }
    pub fn missing_count(n: usize) -> String {
        match (language(), n) {
            (Language::Danish, 1) => {
                "1 felt mangler eller er ugyldigt (markeret med !). Enter går til det valgte felt."
                    .into()
            }
            (Language::Danish, n) => format!(
                "{n} felter mangler eller er ugyldige (markeret med !). Enter går til det valgte felt."
            ),
            (Language::English, 1) => {
                "1 field is missing or invalid (marked with !). Enter goes to the chosen field."
                    .into()
            }
            (Language::English, n) => format!(
                "{n} fields are missing or invalid (marked with !). Enter goes to the chosen field."
            ),
        }
    }
    pub fn cannot_complete(n: usize) -> String {
        match (language(), n) {
            (Language::Danish, 1) => {
                "Kan ikke afslutte endnu: 1 krævet felt mangler eller er ugyldigt (markeret med !)."
                    .into()
            }
            (Language::Danish, n) => format!(
                "Kan ikke afslutte endnu: {n} krævede felter mangler eller er ugyldige (markeret med !)."
            ),
            (Language::English, 1) => {
                "Cannot complete yet: 1 required field is missing or invalid (marked with !)."
                    .into()
            }
            (Language::English, n) => format!(
                "Cannot complete yet: {n} required fields are missing or invalid (marked with !)."
            ),
        }
    }
    pub fn saved_at(time: &str) -> String {
        da_en!(format!("gemt {time}"), format!("saved {time}"))
    }
    pub fn save_failed(e: &str) -> String {
        da_en!(
            format!("KUNNE IKKE GEMME: {e}. Dine svar er stadig her; programmet prøver igen."),
            format!("COULD NOT SAVE: {e}. Your answers are still here; the program tries again."),
        )
    }
    pub fn damaged(reason: &str) -> String {
        da_en!(
            format!("Filen er beskadiget og åbnes ikke (den overskrives aldrig): {reason}"),
            format!("The file is damaged and is not opened (it is never overwritten): {reason}"),
        )
    }
    pub fn unknown_tool(tool: &str) -> String {
        da_en!(
            format!("Sessionen hører til redskabet `{tool}`, som ikke findes i denne udgave."),
            format!("The session belongs to the tool `{tool}`, which is not in this version."),
        )
    }
    pub fn read_only(reason: &str) -> String {
        da_en!(
            format!("Kun til læsning – intet bliver gemt: {reason}."),
            format!("Read-only – nothing is saved: {reason}."),
        )
    }
    /// "Uge 48/2026 · 23-11 – 29-11"
    pub fn week_heading(week: u32, year: i32, monday: chrono::NaiveDate) -> String {
        let sunday = monday + chrono::Days::new(6);
        format!(
            "{WEEK} {week}/{year} · {} – {}",
            monday.format(super::words::DAY_MONTH),
            sunday.format(super::words::DAY_MONTH)
        )
    }
    pub fn row(n: usize) -> String {
        format!("{ROW} {n}")
    }
    pub fn note_title(day: &str, n: usize, days: usize) -> String {
        match (language(), days) {
            (Language::Danish, 0 | 1) => format!("Notat til journalen · {day}"),
            (Language::Danish, days) => {
                format!("Notat til journalen · {day} ({n} af {days} dage)")
            }
            (Language::English, 0 | 1) => format!("Note for the patient record · {day}"),
            (Language::English, days) => {
                format!("Note for the patient record · {day} ({n} of {days} days)")
            }
        }
    }
    pub fn note_title_short(day: &str) -> String {
        da_en!(format!("Notat · {day}"), format!("Note · {day}"))
    }
    pub fn no_note_on(day: &str) -> String {
        da_en!(
            format!("Forløbet har ingen svar fra {day}."),
            format!("The case has no answers from {day}."),
        )
    }
    pub fn note_saved(path: &std::path::Path) -> String {
        let path = path.display();
        da_en!(
            format!("Notatet er gemt: {path}"),
            format!("The note is saved: {path}"),
        )
    }
    /// Under a date being typed: the date it will be read as ("= mandag 04-01-2027").
    pub fn reads_as(date: &str) -> String {
        format!("= {date}")
    }
}

/// An input error as shown next to the field.
impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            InputError::NotADate => da_en!(
                "Skriv datoen som dd-mm-åååå, fx 24-11-2026 – eller 4/1, +14, +2u, i morgen, fredag.",
                "Type the date as dd-mm-yyyy, e.g. 24-11-2026 – or 4/1, +14 (days), +2u (weeks), tomorrow, Friday.",
            )
            .into(),
            InputError::NoSuchDate { day, month, year } => match (
                language(),
                (*month as usize)
                    .checked_sub(1)
                    .and_then(|i| words::MONTHS.get(i)),
            ) {
                (Language::Danish, Some(name)) => {
                    format!("{day}. {name} {year} findes ikke. Ret datoen (dd-mm-åååå).")
                }
                (Language::Danish, None) => {
                    format!("Der er ingen måned {month}. Skriv datoen som dd-mm-åååå.")
                }
                (Language::English, Some(name)) => format!(
                    "{day} {name} {year} does not exist. Correct the date (dd-mm-yyyy)."
                ),
                (Language::English, None) => {
                    format!("There is no month {month}. Type the date as dd-mm-yyyy.")
                }
            },
            InputError::NotANumber => {
                da_en!("Skriv et tal, fx 20 eller 18,5.", "Type a number, e.g. 20 or 18,5.").into()
            }
            InputError::OutOfRange { min, max, unit } => {
                let (min, max) = (words::number(*min), words::number(*max));
                da_en!(
                    format!("Skal være mellem {min} og {max} {unit}."),
                    format!("Must be between {min} and {max} {unit}."),
                )
            }
            InputError::NotAWeek => da_en!(
                "Skriv ugenummeret, fx 48 eller 48/2026.",
                "Type the week number, e.g. 48 or 48/2026.",
            )
            .into(),
            InputError::NoSuchWeek { week, year } => da_en!(
                format!("{year} har ingen uge {week}."),
                format!("{year} has no week {week}."),
            ),
            InputError::EndBeforeStart => da_en!(
                "Til-datoen ligger før fra-datoen.",
                "The to-date is before the from-date.",
            )
            .into(),
            InputError::NotAnOption { typed, options } => {
                let (n, options) = (options.len(), options.join(" / "));
                da_en!(
                    format!(
                        "»{typed}« er ikke et svar her. Vælg {options} med ←/→, tal 1–{n} eller forbogstav."
                    ),
                    format!(
                        "'{typed}' is not an answer here. Choose {options} with ←/→, a number 1–{n} or the first letter."
                    ),
                )
            }
        };
        f.write_str(&text)
    }
}

/// Plain mode (`--plain`, `TERM=dumb`, no terminal): what it writes, line by line, and the
/// command words it takes, each in Danish and English (they are data: a line that is one
/// of them, in any case, is the command, whatever the language shown).
pub mod plain {
    use super::{Language, language, ui};

    pub const BACK: &[&str] = &["tilbage", "back"];
    pub const SKIP: &[&str] = &["spring over", "skip"];
    pub const REVIEW: &[&str] = &["gennemse", "review"];
    pub const HELP: &[&str] = &["hjælp", "help", "hjaelp", "?"];
    pub const QUIT: &[&str] = &["afslut", "quit"];
    pub const CLEAR: &[&str] = &["slet", "clear"];
    /// In the list of drafts: start a tool instead.
    pub const NEW: &[&str] = &["ny", "new"];
    /// Before a command word, the word itself is the answer: `\tilbage`.
    pub const ESCAPE: char = '\\';

    /// Before each line of a list that is said, not chosen from.
    pub const BULLET: &str = "- ";

    /// The answers to the program's own yes-or-no questions (a tool's are the tool's).
    pub const YES_NO: [super::Text; 2] =
        [super::Text::new("Ja", "Yes"), super::Text::new("Nej", "No")];

    /// A command word in the language shown: the Danish first in each list, the English
    /// second.
    fn word(words: &[&'static str]) -> &'static str {
        let i = match language() {
            Language::Danish => 0,
            Language::English => 1,
        };
        words.get(i).or(words.first()).copied().unwrap_or_default()
    }

    texts! {
        WELCOME =
            "VEJEN FREM, linje for linje. Skriv »hjælp« når som helst for at se, hvad du kan skrive.",
            "VEJEN FREM, line by line. Type 'help' at any time to see what you can type.";
        HOW =
            "Ét spørgsmål ad gangen. En tom linje lader svaret stå og går videre; »tilbage« går et spørgsmål tilbage, »gennemse« viser alle svar, »afslut« gemmer og slutter. Alt gemmes, så snart det er svaret.",
            "One question at a time. An empty line leaves the answer as it is and goes on; 'back' goes a question back, 'review' shows every answer, 'quit' saves and ends. Everything is saved as soon as it is answered.";
        RESUMING = "Du fortsætter, hvor du slap.", "You go on where you left off.";
        AT_THE_START = "Det er det første spørgsmål.", "This is the first question.";
        CARRIED =
            "Svaret er overført fra en tidligere session; det kan rettes.",
            "The answer is carried over from an earlier session; it can be changed.";
        WORKPLACE =
            "Svarene handler om arbejdspladsen, ikke om en person: skriv fx afdeling eller team.",
            "The answers are about the workplace, not a person: write e.g. a department or team.";
        SEALED =
            "Sessionen er afsluttet som færdig og kan kun læses. Den kan genåbnes efter gennemsynet.",
            "The session is completed and can only be read. It can be reopened after the review.";
        CLEARED = "Svaret er slettet.", "The answer is cleared.";
        NOTHING_TO_CLEAR = "Her er intet at slette.", "There is nothing to clear here.";
        ONE_MORE =
            "Skriv et punkt mere, eller en tom linje for at gå videre.",
            "Type one more entry, or an empty line to go on.";
        NEW_TEXT = "Ny tekst", "New text";
        QUIT_UNSAVED =
            "KUNNE IKKE GEMME – svarene er ikke på disken. Ret fejlen, eller skriv »afslut« igen for at slutte uden at gemme.",
            "COULD NOT SAVE – the answers are not on disk. Put the error right, or type 'quit' again to end without saving.";
        ALL_ANSWERED = "Alle krævede felter er udfyldt.", "Every required field is filled in.";
        WHAT_NOW = "Hvad nu?", "What now?";
        COMPLETE = "Afslut sessionen som færdig", "Complete the session";
        REOPEN =
            "Genåbn den for ændringer (genåbningen noteres med dato)",
            "Reopen it for changes (the reopening is kept with its date)";
        QUESTIONS = "Tilbage til spørgsmålene", "Back to the questions";
        CLOSE = "Luk sessionen (den er gemt)", "Close the session (it is saved)";
        ENCRYPTED = "Datamappen er krypteret.", "The data folder is encrypted.";
        GAVE_UP =
            "forkert adgangskode tre gange; intet er læst",
            "wrong passphrase three times; nothing is read";
        NOT_SAVED =
            "nogle svar kunne ikke gemmes (se ovenfor)",
            "some answers could not be saved (see above)";
        CHOICE = "Valg: ", "Choice: ";
        TOOLS = "Redskaber:", "Tools:";
        WHICH_TOOL =
            "Skriv redskabets nummer for at starte det, eller »afslut«.",
            "Type the tool's number to start it, or 'quit'.";
        TOOL_PROMPT = "Redskab: ", "Tool: ";
    }

    /// The help: how to answer, and the command words (from the lists above).
    pub fn guide() -> Vec<String> {
        // Each command word in the language shown, with its other form after it.
        let line = |words: &[&str], what: &str| match (language(), words) {
            (Language::Danish, [danish, english, ..]) => format!("- {danish} ({english}): {what}"),
            (Language::English, [danish, english, ..]) => format!("- {english} ({danish}): {what}"),
            _ => format!("- {}: {what}", words.first().copied().unwrap_or_default()),
        };
        let escaped = format!("{ESCAPE}{}", word(BACK));
        match language() {
            Language::Danish => vec![
                "Sådan svarer du:".to_string(),
                "- Skriv svaret, og tryk Enter. En tom linje lader svaret stå, som det er, og går videre.".to_string(),
                "- Et valg: skriv tallet foran svaret (1, 2 …) eller svaret selv.".to_string(),
                "- En dato: fx 24-11-2026, 4/1, +14, i morgen eller fredag.".to_string(),
                "- Flere linjer: slut svaret med en tom linje (eller et kommandoord på sin egen linje: svaret gemmes først).".to_string(),
                "- En liste eller en tabel: ét punkt eller én række ad gangen; en tom linje går videre.".to_string(),
                "Ord, du kan skrive i stedet for et svar:".to_string(),
                line(BACK, "spørgsmålet før"),
                line(SKIP, "videre uden at ændre svaret"),
                line(CLEAR, "slet svaret her (i en liste eller tabel: punktet eller rækken)"),
                line(REVIEW, "se alle svar, og afslut sessionen som færdig"),
                line(HELP, "denne hjælp"),
                line(QUIT, "gem og slut; vejen-frem --plain fortsætter senere, hvor du slap"),
                format!("Skal svaret være et af ordene, så skriv {ESCAPE} foran, fx {escaped}."),
                "Alt gemmes, så snart det er svaret.".to_string(),
            ],
            Language::English => vec![
                "How to answer:".to_string(),
                "- Type the answer and press Enter. An empty line leaves the answer as it is and goes on.".to_string(),
                "- A choice: type the number before the answer (1, 2 …) or the answer itself.".to_string(),
                "- A date: e.g. 24-11-2026, 4/1, +14, tomorrow or Friday.".to_string(),
                "- Several lines: end the answer with an empty line (or a command word on its own line: the answer is saved first).".to_string(),
                "- A list or a table: one entry or one row at a time; an empty line goes on.".to_string(),
                "Words you can type instead of an answer:".to_string(),
                line(BACK, "the question before"),
                line(SKIP, "go on without changing the answer"),
                line(CLEAR, "clear the answer here (in a list or table: the entry or row)"),
                line(REVIEW, "see every answer, and complete the session"),
                line(HELP, "this help"),
                line(QUIT, "save and end; vejen-frem --plain goes on later where you left off"),
                format!("If the answer is to be one of the words, type {ESCAPE} before it, e.g. {escaped}."),
                "Everything is saved as soon as it is answered.".to_string(),
            ],
        }
    }

    /// "Trin 2 af 7: Fysisk tungt arbejde"
    pub fn step(k: usize, n: usize, title: &str) -> String {
        format!("{}: {title}", ui::step_of(k, n))
    }
    pub fn in_forloeb(label: &str) -> String {
        da_en!(format!("Forløb: {label}"), format!("Case: {label}"))
    }
    pub fn labelled(label: &str) -> String {
        da_en!(format!("Etiket: {label}"), format!("Label: {label}"))
    }
    /// A heading before what it heads.
    pub fn heading(text: &str) -> String {
        super::note::heading(text)
    }
    pub fn required(label: &str) -> String {
        da_en!(
            format!("{label} (skal besvares)"),
            format!("{label} (required)"),
        )
    }
    pub fn with_unit(label: &str, unit: &str) -> String {
        format!("{label} ({unit})")
    }
    /// The report's example ("Fx gulvvask …"), said as one.
    pub fn example(hint: &str) -> String {
        let bare = ["Fx. ", "Fx ", "fx. ", "fx "]
            .iter()
            .find_map(|fx| hint.strip_prefix(fx))
            .unwrap_or(hint);
        da_en!(format!("Eksempel: {bare}"), format!("Example: {bare}"))
    }
    /// The options, numbered: "1) Ja  2) Nej  3) Ved ikke".
    pub fn options(labels: &[String]) -> String {
        labels
            .iter()
            .enumerate()
            .map(|(i, label)| format!("{}) {label}", i + 1))
            .collect::<Vec<_>>()
            .join("  ")
    }
    /// What a place holds now.
    pub fn now(text: &str) -> String {
        let (now, keep) = da_en!(
            ("Nu", "En tom linje beholder det."),
            ("Now", "An empty line keeps it."),
        );
        if text.contains('\n') {
            let lines: Vec<String> = text.lines().map(|l| format!("  {l}")).collect();
            format!("{now}:\n{}\n{keep}", lines.join("\n"))
        } else {
            format!("{now}: {text}. {keep}")
        }
    }
    pub fn now_invalid(raw: &str, error: &str) -> String {
        da_en!(
            format!("Nu: »{raw}«, som ikke kan bruges. {error}"),
            format!("Now: '{raw}', which cannot be used. {error}"),
        )
    }
    pub fn chosen(label: &str) -> String {
        da_en!(format!("Valgt: {label}."), format!("Chosen: {label}."))
    }
    /// A date, number or week as it was read: "Læst som mandag 04-01-2027."
    pub fn reads_as(shown: &str, unit: &str) -> String {
        match (language(), unit) {
            (Language::Danish, "") => format!("Læst som {shown}."),
            (Language::Danish, unit) => format!("Læst som {shown} {unit}."),
            (Language::English, "") => format!("Read as {shown}."),
            (Language::English, unit) => format!("Read as {shown} {unit}."),
        }
    }
    pub fn week_of(week: &str) -> String {
        da_en!(format!("uge {week}"), format!("week {week}"))
    }
    /// What to type for a choice, said so that a screen reader reads it plainly.
    fn numbers(n: usize) -> String {
        let or = da_en!("eller", "or");
        match n {
            0 | 1 => "1".to_string(),
            2..=4 => {
                let first: Vec<String> = (1..n).map(|i| i.to_string()).collect();
                format!("{} {or} {n}", first.join(", "))
            }
            n => da_en!(
                format!("et tal fra 1 til {n}"),
                format!("a number from 1 to {n}"),
            ),
        }
    }
    pub fn choose(n: usize) -> String {
        da_en!(
            format!("Skriv {}: ", numbers(n)),
            format!("Type {}: ", numbers(n)),
        )
    }
    pub fn not_an_option(typed: &str, labels: &[&str]) -> String {
        let or = da_en!("eller", "or");
        let each: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} for {l}", i + 1))
            .collect();
        let each = match each.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
            None => String::new(),
        };
        match (language(), typed.trim()) {
            (Language::Danish, "") => format!("Skriv {each}."),
            (Language::Danish, typed) => {
                format!("»{typed}« er ikke et af svarene. Skriv {each} – eller svaret selv.")
            }
            (Language::English, "") => format!("Type {each}."),
            (Language::English, typed) => {
                format!("'{typed}' is not one of the answers. Type {each} – or the answer itself.")
            }
        }
    }
    /// The line an answer is typed on: the place's name, or "Svar".
    fn named(name: &str, default: super::Text) -> String {
        match name {
            "" => default.to_string(),
            name => name.to_string(),
        }
    }
    /// The names of a place that has none of its own.
    const ANSWER: super::Text = super::Text::new("Svar", "Answer");
    const DATE: super::Text = super::Text::new("Dato", "Date");
    const NUMBER: super::Text = super::Text::new("Tal", "Number");
    const WEEK: super::Text = super::Text::new("Uge", "Week");
    pub fn text(name: &str) -> String {
        prompt(&named(name, ANSWER))
    }
    pub fn lines(name: &str) -> String {
        let name = named(name, ANSWER);
        da_en!(
            format!("{name} (slut med en tom linje): "),
            format!("{name} (end with an empty line): "),
        )
    }
    pub fn date(name: &str) -> String {
        let name = named(name, DATE);
        da_en!(
            format!("{name} (dd-mm-åååå): "),
            format!("{name} (dd-mm-yyyy): "),
        )
    }
    pub fn number(name: &str, unit: &str) -> String {
        match unit {
            "" => format!("{}: ", named(name, NUMBER)),
            unit => format!("{} ({unit}): ", named(name, NUMBER)),
        }
    }
    pub fn week(name: &str) -> String {
        let name = named(name, WEEK);
        da_en!(format!("{name} (fx 48): "), format!("{name} (e.g. 48): "),)
    }
    /// A label as the start of the line the answer is typed on: a question as it is.
    pub fn prompt(label: &str) -> String {
        match label.trim_end().chars().last() {
            Some('?' | ':') => format!("{} ", label.trim_end()),
            _ => format!("{label}: "),
        }
    }
    /// A list's entry: "Delmål 2".
    pub fn numbered(item: &str, n: usize) -> String {
        format!("{item} {n}")
    }
    pub fn new_row(n: usize, first: &str) -> String {
        let row = ui::row(n).to_lowercase();
        da_en!(
            format!("Ny række ({row}): skriv »{first}«, eller en tom linje for at gå videre."),
            format!("New row ({row}): type '{first}', or an empty line to go on."),
        )
    }
    pub fn new_week(n: usize) -> String {
        let row = ui::row(n).to_lowercase();
        da_en!(
            format!(
                "Ny uge i skemaet ({row}): skriv ugenummeret, eller en tom linje for at gå videre."
            ),
            format!(
                "New week in the schedule ({row}): type the week number, or an empty line to go on."
            ),
        )
    }
    pub fn saved_row(n: usize) -> String {
        format!("{} · {}", ui::row(n), ui::ROW_SAVED)
    }
    pub fn cell(label: &str, value: &str) -> String {
        format!("{label}: {value}")
    }
    /// A checklist's item.
    pub fn item(n: usize, total: usize, label: &str) -> String {
        da_en!(
            format!("Punkt {n} af {total}: {label}"),
            format!("Item {n} of {total}: {label}"),
        )
    }
    pub fn paragraph(n: usize, total: usize) -> String {
        let clear = word(CLEAR);
        da_en!(
            format!("Afsnit {n} af {total}. En tom linje beholder det; »{clear}« udelader det."),
            format!("Paragraph {n} of {total}. An empty line keeps it; '{clear}' leaves it out."),
        )
    }
    pub fn as_the_report(text: &str) -> String {
        da_en!(
            format!("Rapportens ordlyd: {text}"),
            format!("The report's wording: {text}"),
        )
    }
    pub fn adapted(text: &str) -> String {
        da_en!(format!("Tilpasset: {text}"), format!("Adapted: {text}"))
    }
    pub fn left_out(original: &str) -> String {
        da_en!(
            format!("Udeladt. Rapportens ordlyd var: {original}"),
            format!("Left out. The report's wording was: {original}"),
        )
    }
    /// A link to another tool, to open now or not.
    pub fn link(tool: &str, earlier: bool) -> String {
        match (language(), earlier) {
            (Language::Danish, false) => format!("→ {tool}. Åbn det nu (i samme forløb)?"),
            (Language::Danish, true) => {
                format!("→ {tool}. Åbn det igen (det, der blev startet herfra)?")
            }
            (Language::English, false) => format!("→ {tool}. Open it now (in the same case)?"),
            (Language::English, true) => {
                format!("→ {tool}. Open it again (the one started from here)?")
            }
        }
    }
    pub fn back_in(tool: &str) -> String {
        da_en!(format!("Tilbage i {tool}."), format!("Back in {tool}."))
    }
    pub fn quit(id: &str, saved: bool) -> String {
        match (language(), saved) {
            (Language::Danish, true) => {
                "Alt er gemt. Fortsæt senere med: vejen-frem --plain".to_string()
            }
            (Language::Danish, false) => {
                format!("Sluttet uden at gemme de sidste svar i sessionen {id}.")
            }
            (Language::English, true) => {
                "Everything is saved. Go on later with: vejen-frem --plain".to_string()
            }
            (Language::English, false) => {
                format!("Ended without saving the last answers of the session {id}.")
            }
        }
    }
    pub fn end_of_input(id: &str, saved: bool, on_disk: bool) -> String {
        match (language(), saved, on_disk) {
            (Language::Danish, true, true) => {
                format!("Slut på input. Alt er gemt (sessionen {id}).")
            }
            (Language::Danish, true, false) => {
                "Slut på input. Intet er besvaret, så intet er gemt.".to_string()
            }
            (Language::Danish, false, _) => {
                format!("Slut på input. KUNNE IKKE GEMME de sidste svar i sessionen {id}.")
            }
            (Language::English, true, true) => {
                format!("End of input. Everything is saved (the session {id}).")
            }
            (Language::English, true, false) => {
                "End of input. Nothing is answered, so nothing is saved.".to_string()
            }
            (Language::English, false, _) => {
                format!("End of input. COULD NOT SAVE the last answers of the session {id}.")
            }
        }
    }
    /// After the idle time: the sitting is closed, so nobody goes on with it at an
    /// unattended terminal; what the terminal shows is the terminal's.
    pub fn idle(id: &str, saved: bool, minutes: f64) -> String {
        let minutes = super::words::number(minutes);
        match (language(), saved) {
            (Language::Danish, true) => format!(
                "Intet skrevet i {minutes} minutter: alt er gemt, og programmet er lukket. Fortsæt med vejen-frem --plain. Luk også terminalvinduet, hvis andre kan se skærmen: det, der står i det, kan stadig læses."
            ),
            (Language::Danish, false) => format!(
                "Intet skrevet i {minutes} minutter: programmet er lukket. KUNNE IKKE GEMME de sidste svar i sessionen {id}."
            ),
            (Language::English, true) => format!(
                "Nothing typed for {minutes} minutes: everything is saved, and the program has ended. Go on with vejen-frem --plain. Close the terminal window too if others can see the screen: what it shows can still be read."
            ),
            (Language::English, false) => format!(
                "Nothing typed for {minutes} minutes: the program has ended. COULD NOT SAVE the last answers of the session {id}."
            ),
        }
    }
    pub fn review_heading(tool: &str, status: &str) -> String {
        da_en!(
            format!("Gennemse: {tool} ({status})"),
            format!("Review: {tool} ({status})"),
        )
    }
    pub fn missing_count(n: usize) -> String {
        match (language(), n) {
            (Language::Danish, 1) => {
                "1 felt mangler eller er ugyldigt (markeret med !).".to_string()
            }
            (Language::Danish, n) => {
                format!("{n} felter mangler eller er ugyldige (markeret med !).")
            }
            (Language::English, 1) => "1 field is missing or invalid (marked with !).".to_string(),
            (Language::English, n) => {
                format!("{n} fields are missing or invalid (marked with !).")
            }
        }
    }
    pub fn missing(label: &str) -> String {
        format!("! {}: {label}", ui::MISSING)
    }
    pub fn invalid(label: &str) -> String {
        format!("! {}: {label}", ui::INVALID)
    }
    pub fn unparsed(text: &str) -> String {
        format!("»{text}«")
    }
    pub fn go_to_missing(label: &str) -> String {
        da_en!(
            format!("Gå til det første felt, der mangler: {label}"),
            format!("Go to the first field that is missing: {label}"),
        )
    }
    pub fn completed(id: &str, saved: bool) -> String {
        match (language(), saved) {
            (Language::Danish, true) => format!(
                "Sessionen er afsluttet som færdig og gemt. Eksportér den fx med: vejen-frem export {id} --format txt"
            ),
            (Language::Danish, false) => {
                format!("Sessionen er afsluttet som færdig, men KUNNE IKKE GEMMES ({id}).")
            }
            (Language::English, true) => format!(
                "The session is completed and saved. Export it e.g. with: vejen-frem export {id} --format txt"
            ),
            (Language::English, false) => {
                format!("The session is completed, but COULD NOT BE SAVED ({id}).")
            }
        }
    }
    pub fn closed(saved: bool) -> String {
        match (language(), saved) {
            (Language::Danish, true) => "Sessionen er lukket. Alt er gemt.".to_string(),
            (Language::Danish, false) => {
                "Sessionen er lukket, men de sidste svar KUNNE IKKE GEMMES.".to_string()
            }
            (Language::English, true) => "The session is closed. Everything is saved.".to_string(),
            (Language::English, false) => {
                "The session is closed, but the last answers COULD NOT BE SAVED.".to_string()
            }
        }
    }
    /// Before an item of a numbered list: "1) ".
    pub fn number_marker(n: usize) -> String {
        format!("{n:>2}) ")
    }
    /// Before a walk that has no number, by its id.
    pub fn id_marker(id: &str) -> String {
        format!("{id}) ")
    }
    pub fn no_passphrase(e: &std::io::Error) -> String {
        da_en!(
            format!(
                "kan ikke spørge om adgangskoden ({e}): skriv den i en terminal, eller giv den med --passphrase-file FIL"
            ),
            format!(
                "cannot ask for the passphrase ({e}): type it in a terminal, or give it with --passphrase-file FILE"
            ),
        )
    }
    pub fn no_forloeb(label: &str) -> String {
        let advice = ui::FORLOEB_ADVICE;
        da_en!(
            format!("Der er intet forløb, der hedder »{label}«. Opret det? {advice}"),
            format!("There is no case called '{label}'. Make it? {advice}"),
        )
    }
    pub fn forloeb_made(label: &str) -> String {
        da_en!(
            format!("Forløbet »{label}« er oprettet."),
            format!("The case '{label}' is made."),
        )
    }
    pub fn drafts(forloeb: Option<&str>) -> String {
        match (language(), forloeb) {
            (Language::Danish, None) => "Kladder, nyeste først:".to_string(),
            (Language::Danish, Some(label)) => {
                format!("Kladder i forløbet »{label}«, nyeste først:")
            }
            (Language::English, None) => "Drafts, newest first:".to_string(),
            (Language::English, Some(label)) => {
                format!("Drafts in the case '{label}', newest first:")
            }
        }
    }
    /// A draft in the list: the tool, whose it is, when it was changed.
    pub fn draft(tool: &str, whose: &[&str], when: &str) -> String {
        let whose: String = whose.iter().map(|w| format!(" · {w}")).collect();
        da_en!(
            format!("{tool}{whose} · ændret {when}"),
            format!("{tool}{whose} · changed {when}"),
        )
    }
    pub fn more_drafts(n: usize) -> String {
        da_en!(
            format!(
                "… og {n} ældre; skriv begyndelsen af en kladdes id for at åbne den (»vejen-frem sessions« viser dem)."
            ),
            format!(
                "… and {n} older; type the start of a draft's id to open it ('vejen-frem sessions' shows them)."
            ),
        )
    }
    pub fn damaged(n: usize) -> String {
        match (language(), n) {
            (Language::Danish, 1) => {
                "1 fil kunne ikke læses; »vejen-frem sessions« viser hvilken.".to_string()
            }
            (Language::Danish, n) => {
                format!("{n} filer kunne ikke læses; »vejen-frem sessions« viser hvilke.")
            }
            (Language::English, 1) => {
                "1 file could not be read; 'vejen-frem sessions' shows which.".to_string()
            }
            (Language::English, n) => {
                format!("{n} files could not be read; 'vejen-frem sessions' shows which.")
            }
        }
    }
    pub fn draft_or_new(n: usize) -> String {
        let (numbers, new) = (numbers(n), word(NEW));
        da_en!(
            format!(
                "Skriv {numbers} for at fortsætte en kladde, eller »{new}« for at starte et redskab."
            ),
            format!("Type {numbers} to go on with a draft, or '{new}' to start a tool."),
        )
    }
    pub fn not_a_draft(typed: &str, n: usize) -> String {
        let next = draft_or_new(n);
        da_en!(
            format!("»{typed}« er ikke en af kladderne. {next}"),
            format!("'{typed}' is not one of the drafts. {next}"),
        )
    }
    pub fn tool(title: &str, audience: &[&str]) -> String {
        format!("{title} ({})", audience.join(", "))
    }
    pub fn no_such_tool(typed: &str) -> String {
        da_en!(
            format!("Der er intet redskab »{typed}«. Skriv et nummer fra listen."),
            format!("There is no tool '{typed}'. Type a number from the list."),
        )
    }
}

/// Headings of the help overlay, one per key context.
pub mod help {
    texts! {
        EVERYWHERE = "Overalt", "Everywhere";
        LOCKED = "På den låste skærm", "On the locked screen";
        CONFIRMING =
            "Når der spørges, før noget slettes eller genåbnes",
            "When asked before something is deleted or reopened";
        HELP = "I hjælpen", "In the help";
        START = "Redskaber (startskærmen)", "Tools (the start screen)";
        FORLOEB = "Forløb", "Cases";
        FORLOEB_LIST = "Forløb: listen", "Cases: the list";
        FORLOEB_OPEN = "Forløb: et forløb åbent", "Cases: a case open";
        NOTE = "Notatet til journalen", "The note for the patient record";
        FORLOEB_SEARCH = "Søgning i forløbene", "Searching the cases";
        SESSIONS = "Sessioner (skriv for at søge)", "Sessions (type to search)";
        READING = "Viden (læsestof)", "Knowledge (reading)";
        READING_LIST =
            "Viden: en liste (forsiden, en indgang, arbejdspladserne)",
            "Knowledge: a list (the front page, an entry, the workplaces)";
        READING_TEXT = "Viden: en tekst åben", "Knowledge: a text open";
        READING_LINKS = "Viden: en tekst med henvisninger", "Knowledge: a text with links";
        BODY = "Viden: kroppen", "Knowledge: the body";
        QUIZ_ASK = "Viden: quiz, et udsagn", "Knowledge: quiz, a statement";
        QUIZ_SHOWN = "Viden: quiz, svaret eller resultatet", "Knowledge: quiz, the answer or the score";
        WALK = "I et trin", "In a step";
        UNFOCUSED = "I et trin, uden markør i felterne", "In a step, without a cursor in the fields";
        NOT_TYPING = "I et trin, uden for tekstfelter", "In a step, outside text fields";
        CHOOSING = "På et valg (Ja / Nej …)", "On a choice (Ja / Nej …)";
        TICKING = "På en afkrydsning", "On a box to tick";
        PRESSING = "På en knap", "On a button";
        ONE_LINE = "I et kort tekstfelt", "In a short text field";
        LINES = "I et langt tekstfelt", "In a long text field";
        ADAPTING = "I et afsnit af skabelonen", "In a paragraph of the template";
        TEXT = "Når du skriver (felter, søgning, dialoger)", "When you type (fields, search, dialogues)";
        REVIEW = "Gennemse", "Review";
        DIALOG =
            "I dialoger (etiket, nyt forløb, MSB-log, eksport, deling, valg af opgave)",
            "In dialogues (label, new case, MSB log, export, sharing, choosing a task)";
        DIALOG_ROWS = "I dialoger med flere linjer", "In dialogues with several lines";
        CHOICE =
            "Eksport og deling: valgene på en linje",
            "Export and sharing: the choices on a line";
        /// How the screen can look, and the mode without a screen.
        LOOK =
            "Skærmen: vejen-frem --theme high-contrast giver lys tekst på sort til svage øjne (også theme: \"high-contrast\" i settings.ron); NO_COLOR=1 slår farverne fra. Intet vises kun med farve: ▶ står ved markøren, ! ved fejl og det, der mangler, [fortroligt] ved det, arbejdsgiveren ikke får. Med skærmlæser: vejen-frem --plain spørger linje for linje.",
            "The screen: vejen-frem --theme high-contrast gives light text on black for weak eyes (also theme: \"high-contrast\" in settings.ron); NO_COLOR=1 turns the colours off. Nothing is shown by colour alone: ▶ stands at the cursor, ! at errors and what is missing, [confidential] at what the employer does not get. With a screen reader: vejen-frem --plain asks line by line.";
        EDITING =
            "Indsæt tekst med terminalens indsæt. Alt gemmes automatisk, mens du skriver.",
            "Paste text with the terminal's paste. Everything is saved by itself as you type.";
    }
}

/// Messages about session files.
pub mod store {
    use std::io;
    use std::path::Path;

    use super::{Language, language};

    texts! {
        /// The first lines of every session file.
        FILE_HEADER =
            "// vejen-frem: svar fra én session. Fortrolige helbredsoplysninger – del ikke filen.\n",
            "// vejen-frem: the answers of one session. Confidential health data – do not share the file.\n";
        /// The first lines of every case file.
        FORLOEB_HEADER =
            "// vejen-frem: et forløb og dets MSB-log. Fortrolige helbredsoplysninger – del ikke filen.\n",
            "// vejen-frem: a case and its MSB log. Confidential health data – do not share the file.\n";
        KEY_NOT_A_KEY = "filen rummer ikke en nøgle til vejen-frem", "the file holds no key of vejen-frem";
        NOT_DECRYPTED =
            "kan ikke dekrypteres: filen er ændret uden for vejen-frem eller beskadiget",
            "cannot be decrypted: the file was changed outside vejen-frem or is damaged";
        WRONG_PASSPHRASE =
            "Forkert adgangskode. Intet er læst eller skrevet; prøv igen.",
            "Wrong passphrase. Nothing is read or written; try again.";
        NOT_A_FILE =
            "ikke en almindelig fil (fx et link eller en enhed); den læses ikke",
            "not an ordinary file (e.g. a link or a device); it is not read";
        GONE = "filen er væk", "the file is gone";
    }

    /// A case offered for deletion, or named before it is deleted.
    pub fn forloeb_goes(label: &str, sessions: usize, notes: usize) -> String {
        match language() {
            Language::Danish => format!(
                "forløbet »{label}« med {sessions} {} og MSB-loggen ({notes} {})",
                if sessions == 1 {
                    "session"
                } else {
                    "sessioner"
                },
                if notes == 1 { "note" } else { "noter" }
            ),
            Language::English => format!(
                "the case '{label}' with {sessions} {} and the MSB log ({notes} {})",
                if sessions == 1 { "session" } else { "sessions" },
                if notes == 1 { "note" } else { "notes" }
            ),
        }
    }
    pub fn session_goes(
        id: &str,
        label: &str,
        updated: chrono::DateTime<chrono::FixedOffset>,
    ) -> String {
        let updated = updated.format(super::words::DATE);
        match (language(), label.is_empty()) {
            (Language::Danish, true) => format!("sessionen {id}, senest ændret {updated}"),
            (Language::Danish, false) => {
                format!("sessionen {id} »{label}«, senest ændret {updated}")
            }
            (Language::English, true) => format!("the session {id}, last changed {updated}"),
            (Language::English, false) => {
                format!("the session {id} '{label}', last changed {updated}")
            }
        }
    }
    pub fn settings(file: &Path, problem: &str) -> String {
        let file = file.display();
        da_en!(
            format!("indstillingsfilen {file}: {problem}"),
            format!("the settings file {file}: {problem}"),
        )
    }
    pub fn bad_period(text: &str) -> String {
        da_en!(
            format!("»{text}« er ikke en periode: skriv fx 30d, 12m eller 2y"),
            format!("'{text}' is not a period: write e.g. 30d, 12m or 2y"),
        )
    }
    pub fn bad_language(text: &str) -> String {
        da_en!(
            format!("»{text}« er ikke et sprog: skriv \"da\" (dansk) eller \"en\" (engelsk)"),
            format!("'{text}' is not a language: write \"da\" (Danish) or \"en\" (English)"),
        )
    }
    pub fn bad_theme(text: &str) -> String {
        da_en!(
            format!("»{text}« er ikke et tema: skriv \"standard\" eller \"high-contrast\""),
            format!("'{text}' is not a theme: write \"standard\" or \"high-contrast\""),
        )
    }
    pub fn encrypted(dir: &Path) -> String {
        let dir = dir.display();
        da_en!(
            format!("datamappen {dir} er krypteret: adgangskoden skal bruges"),
            format!("the data folder {dir} is encrypted: the passphrase is needed"),
        )
    }
    pub fn key_damaged(file: &Path, reason: &str) -> String {
        let file = file.display();
        da_en!(
            format!("nøglefilen {file} kan ikke bruges: {reason}"),
            format!("the key file {file} cannot be used: {reason}"),
        )
    }
    pub fn interrupted(dir: &Path, encrypting: bool) -> String {
        let dir = dir.display();
        let command = if encrypting { "encrypt" } else { "decrypt" };
        match (language(), encrypting) {
            (Language::Danish, true) => format!(
                "krypteringen af {dir} blev afbrudt. Kør »vejen-frem {command}« igen for at gøre den færdig; intet er tabt."
            ),
            (Language::Danish, false) => format!(
                "dekrypteringen af {dir} blev afbrudt. Kør »vejen-frem {command}« igen for at gøre den færdig; intet er tabt."
            ),
            (Language::English, true) => format!(
                "the encryption of {dir} was interrupted. Run 'vejen-frem {command}' again to finish it; nothing is lost."
            ),
            (Language::English, false) => format!(
                "the decryption of {dir} was interrupted. Run 'vejen-frem {command}' again to finish it; nothing is lost."
            ),
        }
    }
    pub fn in_use(dir: &Path) -> String {
        let dir = dir.display();
        da_en!(
            format!(
                "datamappen {dir} er i brug: luk alle vejen-frem-vinduer, der bruger den, og prøv igen"
            ),
            format!(
                "the data folder {dir} is in use: close every vejen-frem window that uses it, and try again"
            ),
        )
    }
    pub fn already_done(encrypted: bool) -> String {
        match (language(), encrypted) {
            (Language::Danish, true) => "Datamappen er allerede krypteret; intet er ændret.".into(),
            (Language::Danish, false) => "Datamappen er ikke krypteret; intet er ændret.".into(),
            (Language::English, true) => {
                "The data folder is encrypted already; nothing is changed.".into()
            }
            (Language::English, false) => {
                "The data folder is not encrypted; nothing is changed.".into()
            }
        }
    }

    pub fn folder(dir: &Path, e: &io::Error) -> String {
        let dir = dir.display();
        da_en!(
            format!("kan ikke bruge datamappen {dir}: {e}"),
            format!("cannot use the data folder {dir}: {e}"),
        )
    }
    pub fn read(file: &Path, e: &io::Error) -> String {
        let file = file.display();
        da_en!(
            format!("kan ikke læse {file}: {e}"),
            format!("cannot read {file}: {e}"),
        )
    }
    pub fn write(file: &Path, e: &io::Error) -> String {
        let file = file.display();
        da_en!(
            format!("kan ikke gemme {file}: {e}"),
            format!("cannot save {file}: {e}"),
        )
    }
    pub fn locked(id: &str) -> String {
        da_en!(
            format!("Sessionen {id} er åben i et andet vejen-frem-vindue. Luk den dér først."),
            format!("The session {id} is open in another vejen-frem window. Close it there first."),
        )
    }
    pub fn damaged(file: &Path, reason: &str) -> String {
        let file = file.display();
        da_en!(
            format!("{file} er beskadiget og åbnes ikke (den overskrives aldrig): {reason}"),
            format!("{file} is damaged and is not opened (it is never overwritten): {reason}"),
        )
    }
    pub fn not_found(id: &str) -> String {
        da_en!(
            format!("der er ingen session med id {id}"),
            format!("there is no session with the id {id}"),
        )
    }
    pub fn exists(file: &Path) -> String {
        let file = file.display();
        da_en!(
            format!("{file} findes allerede; vælg et andet navn eller overskriv (--force)"),
            format!("{file} exists already; choose another name or overwrite it (--force)"),
        )
    }
    pub fn ambiguous(prefix: &str, count: usize) -> String {
        da_en!(
            format!("»{prefix}« passer på {count} sessioner; skriv flere tegn af id'et"),
            format!("'{prefix}' fits {count} sessions; type more characters of the id"),
        )
    }
    pub fn too_large(len: u64) -> String {
        let mb = len / (1024 * 1024);
        da_en!(
            format!("filen er for stor til at være en session ({mb} MB)"),
            format!("the file is too large to be a session ({mb} MB)"),
        )
    }
    pub fn not_a_file(file: &Path) -> String {
        let file = file.display();
        da_en!(
            format!("{file} er ikke en almindelig fil og bliver ikke skrevet over"),
            format!("{file} is not an ordinary file and is not written over"),
        )
    }
    pub fn read_only(id: &str) -> String {
        da_en!(
            format!("sessionen {id} kan kun læses her og gemmes ikke"),
            format!("the session {id} can only be read here and is not saved"),
        )
    }
    pub fn kept_aside(copy: &Path) -> String {
        let copy = copy.display();
        da_en!(
            format!(
                "Filen var ændret uden for programmet. Den ændrede udgave er gemt som {copy}; dine svar her er gemt som sessionen."
            ),
            format!(
                "The file was changed outside the program. The changed version is kept as {copy}; your answers here are saved as the session."
            ),
        )
    }
    pub fn wrong_lock(id: &str) -> String {
        da_en!(
            format!("intern fejl: sessionen {id} blev forsøgt gemt uden sin lås"),
            format!("internal error: the session {id} was about to be saved without its lock"),
        )
    }
    pub fn parse_error(line: usize, column: usize, message: &str) -> String {
        da_en!(
            format!("linje {line}, kolonne {column}: {message}"),
            format!("line {line}, column {column}: {message}"),
        )
    }
    /// A save refused because the file on disk cannot be read: the answers are still in
    /// the window, and the save is tried again.
    pub fn wont_overwrite(file: &Path, reason: &str) -> String {
        let file = file.display();
        da_en!(
            format!(
                "{file} kan ikke læses og bliver ikke overskrevet: {reason}. Svarene er ikke tabt, \
                 de er her i vinduet; flyt eller ret filen, så gemmes de igen."
            ),
            format!(
                "{file} cannot be read and is not overwritten: {reason}. The answers are not lost, \
                 they are here in the window; move or mend the file, and they are saved again."
            ),
        )
    }
    pub fn not_utf8(line: usize) -> String {
        da_en!(
            format!("linje {line}: teksten er ikke gyldig UTF-8"),
            format!("line {line}: the text is not valid UTF-8"),
        )
    }
    pub fn newer_format(format: u32) -> String {
        da_en!(
            format!(
                "filen er skrevet af en nyere udgave af vejen-frem (sessionsformat {format}); opdatér programmet for at åbne den"
            ),
            format!(
                "the file was written by a newer version of vejen-frem (session format {format}); update the program to open it"
            ),
        )
    }
    pub fn id_mismatch(id: &str) -> String {
        da_en!(
            format!(
                "filnavnet passer ikke til sessionens id »{id}« (er filen kopieret eller omdøbt?)"
            ),
            format!(
                "the file name does not fit the session's id '{id}' (was the file copied or renamed?)"
            ),
        )
    }
    pub fn unsafe_id(id: &str) -> String {
        da_en!(
            format!("sessionens id »{id}« kan ikke bruges som filnavn"),
            format!("the session's id '{id}' cannot be used as a file name"),
        )
    }
    pub fn folder_unreadable(e: &io::Error) -> String {
        da_en!(
            format!("mappen kan ikke læses: {e}"),
            format!("the folder cannot be read: {e}"),
        )
    }
}

/// Texts of exported documents: their headings and notes, in the language of the
/// interface; the tools' texts in them stay Danish.
pub mod export {
    use super::{Language, language};

    texts! {
        /// The language of a document's own words, as HTML names it (`lang`).
        LANG = "da", "en";
        STATUS = "Status", same;
        HISTORY = "Historik", "History";
        /// Where the signature lines would be, on a copy of a session that is not completed.
        NOT_FOR_SIGNING =
            "Kladde: ikke færdig og ikke til underskrift. Underskriftslinjerne kommer med, når den er afsluttet som færdig.",
            "Draft: not completed and not for signing. The signature lines come once it is completed.";
        CREATED = "Oprettet", "Created";
        UPDATED = "Senest ændret", "Last changed";
        LABEL = "Etiket", "Label";
        WORKPLACE = "Arbejdsplads", "Workplace";
        PRIVATE_LEFT_OUT =
            "Arbejdsgiverens kopi: fortrolige felter (fx lægens noter og oplysninger om helbred) er udeladt.",
            "The employer's copy: confidential fields (e.g. the GP's notes and details about health) are left out.";
        UNASKED_LEFT_OUT =
            "Svar på spørgsmål, som redskabet ikke stiller længere, er udeladt.",
            "Answers to questions the tool no longer asks are left out.";
        NOT_ANSWERED = "(ikke besvaret)", "(not answered)";
        DATE = "Dato", "Date";
        /// Who a copy is for, in the default file name.
        FILE_EMPLOYEE = "medarbejder", "employee";
        FILE_EMPLOYER = "arbejdsgiver", "employer";
        FILE_RECORD = "journal", "record";
        FILE_WORKPLACE = "arbejdsplads", "workplace";
        /// Under the title of a printed text of the reading material.
        READING = "VEJEN FREM", same;
    }

    pub fn subtitle(number: Option<u32>, audience: &str) -> String {
        match (language(), number) {
            (Language::Danish, Some(number)) => format!("Redskab {number} · {audience}"),
            (Language::English, Some(number)) => format!("Tool {number} · {audience}"),
            (_, None) => audience.to_string(),
        }
    }
    /// A step's heading with its number, as the report numbers them: "1. Find ud af, …".
    pub fn step_title(n: usize, title: &str) -> String {
        format!("{n}. {title}")
    }
    /// On paper, where the screen has a button that opens another tool.
    pub fn see_tool(number: Option<u32>, title: &str) -> String {
        match (language(), number) {
            (Language::Danish, Some(number)) => format!("→ Redskab {number}: {title}"),
            (Language::English, Some(number)) => format!("→ Tool {number}: {title}"),
            (_, None) => format!("→ {title}"),
        }
    }
    /// When a field applies, on a blank form: "Ved svaret Ja eller Ved ikke", naming the
    /// question when it is not the one just above.
    pub fn when_answer(options: &[&str], question: Option<&str>) -> String {
        match (language(), question) {
            (Language::Danish, None) => format!("Ved svaret {}:", options.join(" eller ")),
            (Language::Danish, Some(q)) => {
                format!("Ved svaret {} på »{q}«:", options.join(" eller "))
            }
            (Language::English, None) => format!("If the answer is {}:", options.join(" or ")),
            (Language::English, Some(q)) => {
                format!("If the answer to '{q}' is {}:", options.join(" or "))
            }
        }
    }
    pub fn when_answered(question: Option<&str>) -> String {
        match (language(), question) {
            (Language::Danish, None) => "Når spørgsmålet ovenfor er besvaret:".to_string(),
            (Language::Danish, Some(q)) => format!("Når »{q}« er besvaret:"),
            (Language::English, None) => "Once the question above is answered:".to_string(),
            (Language::English, Some(q)) => format!("Once '{q}' is answered:"),
        }
    }
}

/// The note for the patient record (`vejen-frem note`, `n` on a case).
pub mod note {
    /// A box ticked and not, before the step or text it marks (symbols, the same in both
    /// languages).
    pub const TICKED: &str = "[x] ";
    pub const UNTICKED: &str = "[ ] ";
    /// Before a list entry or a present barrier.
    pub const BULLET: &str = "- ";
    texts! {
        /// The note in a default file name.
        FILE = "notat", "note";
    }

    /// The first line: the case and the day.
    pub fn header(forloeb: &str, day: &str) -> String {
        format!("VEJEN FREM · {forloeb} · {day}")
    }
    /// A heading before what it heads: "Delmål:"; a question or a heading with a colon as
    /// it is.
    pub fn heading(text: &str) -> String {
        match text.trim_end().chars().last() {
            Some(':' | '?') | None => text.trim_end().to_string(),
            Some(_) => format!("{}:", text.trim_end()),
        }
    }
    /// A tool's heading, for a session that came in a share: who shared it and when.
    pub fn shared(heading: &str, from: &str, day: &str) -> String {
        da_en!(
            format!("{heading} (delt af {from} {day})"),
            format!("{heading} (shared by {from} {day})"),
        )
    }
    /// A summary's heading with nothing under it.
    pub fn none(heading: &str) -> String {
        da_en!(format!("{heading}: ingen."), format!("{heading}: none."))
    }
    /// Texts after a heading as running text, each a sentence: "Forslag til løsning:
    /// Afklar hvorfor. Lav en realistisk plan."
    pub fn sentences(heading: &str, texts: &[String]) -> String {
        let sentences: Vec<String> = texts
            .iter()
            .map(|t| match t.trim_end().chars().last() {
                Some('.' | '!' | '?') => t.trim_end().to_string(),
                _ => format!("{}.", t.trim_end()),
            })
            .collect();
        match heading.trim() {
            "" => sentences.join(" "),
            _ => format!("{} {}", self::heading(heading), sentences.join(" ")),
        }
    }
    /// A step of a summary with the answer that put it there: "… (ved ikke)".
    pub fn with_answer(title: &str, answer: &str) -> String {
        format!("{title} ({answer})")
    }
    /// A step or box with the notes written to it.
    pub fn with_note(text: &str, note: &str) -> String {
        format!("{text}: {note}")
    }
    /// An answer with the comment written to it.
    pub fn with_comment(answer: &str, comment: &str) -> String {
        format!("{answer} – {comment}")
    }
    /// The patient's own words.
    pub fn quoted(text: &str) -> String {
        format!("»{text}«")
    }
}

/// Share files: sharing a session with the other party and importing it (`vejen-frem share`,
/// `import`, `i` in a case).
pub mod share {
    use std::path::Path;

    use super::{Language, language};
    use crate::core::share::Refusal;

    texts! {
        /// The first line of a key file made by `vejen-frem share-key`.
        KEY_FILE_HEADER =
            "# vejen-frem: nøgle til at åbne delte sessioner. Hemmelig – del den ikke; giv kun den offentlige nøgle (age1…) videre.",
            "# vejen-frem: a key to open shared sessions. Secret – do not share it; pass on the public key (age1…) only.";
        WRONG_PASSPHRASE =
            "Forkert adgangskode til den delte fil. Intet er importeret; prøv igen.",
            "Wrong passphrase for the shared file. Nothing is imported; try again.";
        NOT_FOR_THIS_KEY =
            "Den delte fil er ikke krypteret til den nøgle (eller den skal åbnes med en adgangskode). Intet er importeret.",
            "The shared file is not encrypted to that key (or it opens with a passphrase). Nothing is imported.";
        TAMPERED =
            "Den delte fil er ændret eller beskadiget, efter den blev skrevet (eller er ikke kommet helt med). Intet er importeret; bed om filen igen.",
            "The shared file was changed or damaged after it was written (or did not come whole). Nothing is imported; ask for the file again.";
        BAD_KEY =
            "Det er ikke en age-nøgle: en offentlig nøgle begynder med age1…, en nøglefil har en linje, der begynder med AGE-SECRET-KEY-1.",
            "That is no age key: a public key begins with age1…, a key file has a line that begins with AGE-SECRET-KEY-1.";
        TOO_MUCH_WORK =
            "filen beder om mere arbejde for at åbne adgangskoden, end vejen-frem giver",
            "the file asks for more work to open the passphrase than vejen-frem gives";
        NOT_TEXT = "indholdet er ikke tekst", "the contents are not text";
        /// Before the provenance on screen and in documents.
        IMPORTED = "Oprindelse", "Origin";
        /// Sharing a session that has no private answer (nor one without a question).
        NO_PRIVATE = "Ingen fortrolige svar at udelade.", "No confidential answers to leave out.";
    }

    /// Fields as the sharer is told about them: the label in »«, or the id of a field
    /// without one (or no longer in the tool).
    pub fn field_names(tool: &crate::core::definition::Tool, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|id| {
                tool.field(id)
                    .filter(|f| !f.label.is_empty())
                    .map_or_else(|| id.clone(), |f| format!("»{}«", f.label))
            })
            .collect()
    }

    pub fn not_a_share(file: &Path) -> String {
        let file = file.display();
        da_en!(
            format!(
                "{file} er ikke en delt session fra vejen-frem (den skal begynde med »vejen-frem deling«). Intet er importeret."
            ),
            format!(
                "{file} is not a session shared from vejen-frem (it must begin with 'vejen-frem deling'). Nothing is imported."
            ),
        )
    }
    pub fn missing(file: &Path) -> String {
        let file = file.display();
        da_en!(
            format!("Der er ingen fil her: {file}. Tjek stien, og prøv igen; intet er importeret."),
            format!(
                "There is no file here: {file}. Check the path and try again; nothing is imported."
            ),
        )
    }
    pub fn not_a_file(file: &Path) -> String {
        let file = file.display();
        da_en!(
            format!(
                "{file} er ikke en almindelig fil (fx en mappe). Skriv stien til selve den delte fil; intet er importeret."
            ),
            format!(
                "{file} is not an ordinary file (e.g. a folder). Type the path of the shared file itself; nothing is imported."
            ),
        )
    }
    pub fn newer(format: u32) -> String {
        da_en!(
            format!(
                "Den delte fil er skrevet af en nyere udgave af vejen-frem (delingsformat {format}). Opdatér programmet for at importere den; intet er importeret."
            ),
            format!(
                "The shared file was written by a newer version of vejen-frem (share format {format}). Update the program to import it; nothing is imported."
            ),
        )
    }
    pub fn damaged(reason: &str) -> String {
        da_en!(
            format!("Den delte fil kan ikke læses: {reason}. Intet er importeret."),
            format!("The shared file cannot be read: {reason}. Nothing is imported."),
        )
    }
    /// Where an imported session came from, in one line: on its screen, in its review and
    /// in its documents.
    pub fn provenance(imported: &crate::core::session::Imported) -> String {
        let date = super::words::DATE_TIME;
        let (from, shared) = (&imported.from, imported.shared.format(date));
        let (at, original) = (imported.at.format(date), &imported.original);
        match (language(), imported.left_out.len()) {
            (Language::Danish, n) => {
                let left_out = match n {
                    0 => String::new(),
                    1 => " · afsenderen udelod 1 fortroligt felt".to_string(),
                    n => format!(" · afsenderen udelod {n} fortrolige felter"),
                };
                format!(
                    "Delt af {from} {shared} · importeret {at} · oprindeligt id {original}{left_out}"
                )
            }
            (Language::English, n) => {
                let left_out = match n {
                    0 => String::new(),
                    1 => " · the sender left out 1 confidential field".to_string(),
                    n => format!(" · the sender left out {n} confidential fields"),
                };
                format!(
                    "Shared by {from} {shared} · imported {at} · original id {original}{left_out}"
                )
            }
        }
    }
    pub fn refused(refusal: &Refusal) -> String {
        match refusal {
            Refusal::NewerShare(format) => newer(*format),
            Refusal::NewerSession(format) => da_en!(
                format!(
                    "Den delte session er i et nyere sessionsformat ({format}). Opdatér programmet for at importere den; intet er importeret."
                ),
                format!(
                    "The shared session is in a newer session format ({format}). Update the program to import it; nothing is imported."
                ),
            ),
            Refusal::UnknownTool(tool) => da_en!(
                format!(
                    "Den delte session hører til redskabet `{tool}`, som ikke findes i denne udgave. Intet er importeret."
                ),
                format!(
                    "The shared session belongs to the tool `{tool}`, which is not in this version. Nothing is imported."
                ),
            ),
            Refusal::NewerTool { tool, theirs, ours } => da_en!(
                format!(
                    "Den delte session er besvaret i version {theirs} af redskabet `{tool}`, men denne udgave af vejen-frem har version {ours}. Opdatér programmet for at importere den; intet er importeret."
                ),
                format!(
                    "The shared session was answered in version {theirs} of the tool `{tool}`, but this version of vejen-frem has version {ours}. Update the program to import it; nothing is imported."
                ),
            ),
            Refusal::BadName => da_en!(
                "Den delte fil navngiver afsenderen eller personen med noget, der ligner et CPR-nummer (eller slet ikke). Intet er importeret.",
                "The shared file names the sender or the person with something that looks like a CPR number (or not at all). Nothing is imported.",
            )
            .to_string(),
            Refusal::Mismatch => da_en!(
                "Den delte fil siger ét redskab, men sessionen i den er et andet. Intet er importeret.",
                "The shared file says one tool, but the session in it is another. Nothing is imported.",
            )
            .to_string(),
        }
    }
}

/// FHIR for health systems (`vejen-frem fhir`, `export --format fhir`).
pub mod fhir {
    texts! {
        /// The format in the export dialog.
        FORMAT = "FHIR (til sundhedssystemer)", "FHIR (for health systems)";
    }
    /// A date range's two dates, and a checklist item's note, as items of a Questionnaire:
    /// Danish in both languages, like the tool's own items, as the resource says
    /// (`language: "da"`).
    pub const FROM: &str = "Fra";
    pub const TO: &str = "Til";
    pub const NOTE: &str = "Kommentar";
}

/// Definitions that change: what bringing a session to the tool's version did (on opening
/// it, and `vejen-frem migrate`).
pub mod migrate {
    use super::{Language, language};
    use crate::core::definition::Tool;
    use crate::core::migrate::Report;

    texts! {
        FINAL =
            "Intet er gemt endnu: filen skrives først, når du ændrer noget. Enter eller Esc lukker.",
            "Nothing is saved yet: the file is written only when you change something. Enter or Esc closes.";
        /// The same, line by line (nothing to close there).
        NOTHING_WRITTEN =
            "Intet er gemt endnu: filen skrives først, når du ændrer noget.",
            "Nothing is saved yet: the file is written only when you change something.";
        /// Heading of the answers without a question, in the review and the documents.
        UNASKED =
            "Svar uden spørgsmål (fra en tidligere udgave af redskabet)",
            "Answers without a question (from an earlier version of the tool)";
        NOTHING =
            "Alle sessioner passer til redskaberne, som de er nu; intet at flytte.",
            "Every session fits the tools as they are now; nothing to move.";
    }

    pub fn title(versions: (u32, u32)) -> String {
        let (was, now) = versions;
        da_en!(
            format!("Redskabet er ændret (version {was} → {now})"),
            format!("The tool has changed (version {was} → {now})"),
        )
    }
    pub fn unchanged(versions: (u32, u32)) -> String {
        let (was, now) = versions;
        da_en!(
            format!(
                "Redskabet er ændret, siden sessionen blev startet (version {was} → {now}); alle svar passer stadig."
            ),
            format!(
                "The tool has changed since the session was started (version {was} → {now}); every answer still fits."
            ),
        )
    }

    /// The report in lines: what moved, and what has no question any more.
    pub fn lines(tool: &Tool, report: &Report) -> Vec<String> {
        let label = |id: &str| {
            tool.field(id)
                .map(|f| f.label.as_str())
                .filter(|l| !l.is_empty())
                .unwrap_or(id)
                .to_string()
        };
        let english = language() == Language::English;
        let quoted = |text: &str| match english {
            false => format!("»{text}«"),
            true => format!("'{text}'"),
        };
        let step = |id: &str| {
            tool.steps.iter().position(|s| s.id == id).map_or_else(
                || quoted(id),
                |i| format!("{} {}", i + 1, quoted(&tool.steps[i].title)),
            )
        };
        let mut out = Vec::new();
        for (old, new) in &report.renamed {
            let new = label(new);
            out.push(match english {
                false => format!("»{new}«: svaret er flyttet med (feltet hed før {old})."),
                true => {
                    format!("'{new}': the answer has moved along (the field was called {old}).")
                }
            });
        }
        for (field, from, to) in &report.moved {
            let (field, to, from) = (label(field), step(to), step(from));
            out.push(match english {
                false => format!("»{field}« står nu i trin {to} (før i trin {from})."),
                true => format!("'{field}' is now in step {to} (before in step {from})."),
            });
        }
        for id in &report.unasked {
            out.push(match english {
                false => format!(
                    "{id}: har intet spørgsmål længere. Svaret er gemt og står sidst i gennemsynet og i dokumenterne."
                ),
                true => format!(
                    "{id}: has no question any more. The answer is kept and stands last in the review and in the documents."
                ),
            });
        }
        out
    }
    /// `vejen-frem migrate`: one session's heading.
    pub fn session(id: &str, tool: &str, versions: (u32, u32)) -> String {
        format!("{id} ({tool}): version {} → {}", versions.0, versions.1)
    }
    pub fn saved(n: usize) -> String {
        match (language(), n) {
            (Language::Danish, 1) => "1 session er gemt i den nye version.".to_string(),
            (Language::Danish, n) => format!("{n} sessioner er gemt i den nye version."),
            (Language::English, 1) => "1 session is saved in the new version.".to_string(),
            (Language::English, n) => format!("{n} sessions are saved in the new version."),
        }
    }
    pub fn would_save(n: usize) -> String {
        match (language(), n) {
            (Language::Danish, 1) => {
                "1 session ville blive gemt (kør uden --dry-run for at gemme).".to_string()
            }
            (Language::Danish, n) => {
                format!("{n} sessioner ville blive gemt (kør uden --dry-run for at gemme).")
            }
            (Language::English, 1) => {
                "1 session would be saved (run without --dry-run to save).".to_string()
            }
            (Language::English, n) => {
                format!("{n} sessions would be saved (run without --dry-run to save).")
            }
        }
    }
    pub fn skipped(id: &str, why: &str) -> String {
        da_en!(
            format!("{id}: ikke migreret: {why}"),
            format!("{id}: not migrated: {why}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::core::passphrase::Weak;
    use crate::core::retention::Period;
    use crate::core::session::Event;

    /// Every module's texts, by the module's name.
    const MODULES: &[(&str, &[(&str, Text)])] = &[
        ("words", words::ALL),
        ("check", check::ALL),
        ("cli", cli::ALL),
        ("keys", keys::ALL),
        ("hints", hints::ALL),
        ("ui", ui::ALL),
        ("help", help::ALL),
        ("store", store::ALL),
        ("export", export::ALL),
        ("note", note::ALL),
        ("share", share::ALL),
        ("fhir", fhir::ALL),
        ("migrate", migrate::ALL),
        ("plain", plain::ALL),
    ];

    /// English texts that name Danish words on purpose: the ones typed (dates), the ones
    /// shown in data for other programs.
    const DANISH_ON_PURPOSE: &[&str] = &[
        "cli::NOTE_DATE",
        "cli::JSON",
        "InputError::NotADate",
        "plain::guide",
    ];

    /// Every text that is not in a module's list: the arrays and the texts chosen by a
    /// value.
    fn other_texts() -> Vec<(String, Text)> {
        let mut texts = Vec::new();
        for (i, text) in words::WEEKDAYS.iter().enumerate() {
            texts.push((format!("words::WEEKDAYS[{i}]"), *text));
        }
        for (i, text) in words::MONTHS.iter().enumerate() {
            texts.push((format!("words::MONTHS[{i}]"), *text));
        }
        for (i, text) in plain::YES_NO.iter().enumerate() {
            texts.push((format!("plain::YES_NO[{i}]"), *text));
        }
        for (i, text) in ui::LOG_FIELDS.iter().enumerate() {
            texts.push((format!("ui::LOG_FIELDS[{i}]"), *text));
        }
        for a in [
            Audience::Medarbejder,
            Audience::Leder,
            Audience::Arbejdsmiljoorganisation,
            Audience::Laege,
        ] {
            texts.push((format!("audience({a:?})"), audience(a)));
        }
        for weak in [Weak::TooShort, Weak::Guessable] {
            texts.push((format!("cli::weak({weak:?})"), cli::weak(weak)));
        }
        texts
    }

    /// `{…}` and `%x` in a text: what a format fills in, which both languages must have.
    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' => {
                    let inner: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    found.push(format!("{{{inner}}}"));
                }
                '%' => found.extend(chars.next().map(|c| format!("%{c}"))),
                _ => {}
            }
        }
        found.sort();
        found
    }

    /// The white space a text starts and ends with.
    fn ends(text: &str) -> (&str, &str) {
        let start = &text[..text.len() - text.trim_start().len()];
        let end = &text[text.trim_end().len()..];
        (start, end)
    }

    /// What is wrong with an English text beside its Danish one.
    fn problems(name: &str, da: &str, en: &str, same: bool) -> Vec<String> {
        let mut found = Vec::new();
        if da.trim().is_empty() || en.trim().is_empty() {
            found.push(format!("{name}: empty (da {da:?}, en {en:?})"));
        }
        if da == en && !same {
            found.push(format!(
                "{name}: the same in both languages, not marked so: {en:?}"
            ));
        }
        if placeholders(da) != placeholders(en) {
            found.push(format!("{name}: other placeholders: {da:?} / {en:?}"));
        }
        if ends(da) != ends(en) {
            found.push(format!(
                "{name}: other white space at the ends: {da:?} / {en:?}"
            ));
        }
        if en.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
            && da != en
            && !DANISH_ON_PURPOSE.contains(&name)
        {
            found.push(format!("{name}: Danish letters in the English: {en:?}"));
        }
        found
    }

    /// The two catalogues have the same keys by construction: every text is a [`Text`]
    /// with its Danish and its English side by side, and every text made at run time is a
    /// `match` on the language, whose arms the compiler holds to both languages. What the
    /// compiler cannot check is checked here: no English is empty, none is the Danish
    /// copied unless marked `same`, and both have the same placeholders and the same white
    /// space at their ends (a line break a message ends with, a prompt's last space).
    #[test]
    fn every_text_has_an_english_that_fits_its_danish() {
        let mut found = Vec::new();
        let listed = MODULES.iter().flat_map(|(module, texts)| {
            texts
                .iter()
                .map(move |(n, t)| (format!("{module}::{n}"), *t))
        });
        for (name, text) in listed.chain(other_texts()) {
            found.extend(problems(
                &name,
                text.get(Language::Danish),
                text.get(Language::English),
                text.same,
            ));
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    /// A text made at run time, by the name of the function that makes it, with sample
    /// arguments; `same` when the result is the same in both languages on purpose (a
    /// heading of the report's words with a number, a symbol and a text).
    struct Made {
        name: &'static str,
        make: Box<dyn Fn() -> String>,
        same: bool,
    }

    fn made(name: &'static str, make: impl Fn() -> String + 'static) -> Made {
        Made {
            name,
            make: Box::new(make),
            same: false,
        }
    }

    fn same(name: &'static str, make: impl Fn() -> String + 'static) -> Made {
        Made {
            name,
            make: Box::new(make),
            same: true,
        }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn session() -> Session {
        let at = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap_or_default();
        let mut session = Session::empty("x");
        session.history = vec![
            Event {
                at,
                change: Change::Completed,
            },
            Event {
                at,
                change: Change::Reopened,
            },
        ];
        session
    }

    /// Every function of the catalogue, called with sample arguments (ASCII, so that any
    /// Danish letter in the English comes from the catalogue).
    fn every_function() -> Vec<Made> {
        fn io() -> std::io::Error {
            std::io::Error::other("E1")
        }
        fn path() -> &'static Path {
            Path::new("/p/F1")
        }
        fn at() -> DateTime<chrono::FixedOffset> {
            DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap_or_default()
        }
        fn words() -> Vec<String> {
            vec!["W1".to_string(), "W2".to_string()]
        }
        vec![
            made("words::weekday_date", || {
                words::weekday_date(0, "04-01-2027")
            }),
            made("words::paragraph_adapted", || {
                words::paragraph_adapted(2, "T1")
            }),
            made("words::paragraph_left_out", || words::paragraph_left_out(2)),
            made("words::original_wording", || words::original_wording("T1")),
            same("words::number", || words::number(18.5)),
            made("session_status", || session_status(&session())),
            made("history", || history(&session())),
            made("days_left", || [-3, -1, 0, 1, 3].map(days_left).join(" | ")),
            made("check::too_many", || check::too_many("X1", 7, 5)),
            made("check::number_too_large", || check::number_too_large(2.5)),
            made("check::too_long", || check::too_long(7, 5)),
            made("check::file_too_large", || {
                check::file_too_large(2048 * 1024)
            }),
            made("check::more_problems", || check::more_problems(7)),
            made("check::wrong_format", || check::wrong_format(7, 5)),
            made("check::bad_id", || check::bad_id("X1")),
            made("check::duplicate_id", || check::duplicate_id("X1")),
            made("check::empty_step", || check::empty_step("X1")),
            made("check::condition_unknown", || {
                check::condition_unknown("X1")
            }),
            made("check::condition_later", || check::condition_later("X1")),
            made("check::condition_not_choice", || {
                check::condition_not_choice("X1")
            }),
            made("check::condition_bad_value", || {
                check::condition_bad_value("X1", "X2", &["X3".to_string()])
            }),
            made("check::renamed_clash", || check::renamed_clash("X1")),
            made("check::renamed_twice", || check::renamed_twice("X1")),
            made("check::moved_from_same", || check::moved_from_same("X1")),
            made("check::bad_bounds", || check::bad_bounds(7.0, 5.0)),
            made("check::bad_list_bounds", || check::bad_list_bounds(7, 5)),
            made("check::template_unknown", || check::template_unknown("X1")),
            made("check::unknown_tool", || check::unknown_tool("X1")),
            made("check::name_taken", || check::name_taken("X1", "X2")),
            made("check::unknown_section", || check::unknown_section("X1")),
            made("check::unknown_case", || check::unknown_case("X1")),
            made("check::not_in_source", || check::not_in_source("X1", "X2")),
            made("check::case_heading_not_found", || {
                check::case_heading_not_found("X1")
            }),
            made("check::case_untold", || check::case_untold("X1", "X2")),
            made("check::no_entry", || check::no_entry("X1")),
            made("check::duplicate_entry", || check::duplicate_entry("X1")),
            made("check::entry_lacks_section", || {
                check::entry_lacks_section("X1")
            }),
            made("check::duplicate_key", || check::duplicate_key('x')),
            made("check::bad_key", || check::bad_key('X')),
            made("check::figure_mismatch", || check::figure_mismatch(7)),
            made("check::unknown_mark", || check::unknown_mark('x')),
            made("check::region_not_drawn", || check::region_not_drawn("X1")),
            made("check::not_about_workplace", || {
                check::not_about_workplace("X1")
            }),
            made("check::reflections_untitled", || {
                check::reflections_untitled("X1")
            }),
            made("check::reflections_differ", || {
                check::reflections_differ("X1")
            }),
            made("check::reflections_missing", || {
                check::reflections_missing("X1")
            }),
            made("check::summary", || {
                [(0, 1), (0, 7), (1, 7), (7, 7)]
                    .map(|(p, f)| check::summary(p, f))
                    .join(" | ")
            }),
            made("cli::shared", || {
                [cli::shared(path(), true), cli::shared(path(), false)].join(" | ")
            }),
            made("cli::left_out", || {
                [cli::left_out(&[]), cli::left_out(&words())].join(" | ")
            }),
            made("cli::with_private", || cli::with_private(&words())),
            made("cli::imported", || {
                [
                    cli::imported("X1", "X2", ""),
                    cli::imported("X1", "X2", "X3"),
                ]
                .join(" | ")
            }),
            made("cli::new_key", || cli::new_key(path(), "age1x")),
            made("cli::unknown_argument", || cli::unknown_argument("--x1")),
            made("cli::invalid_value", || {
                cli::invalid_value("X1", "--x2", &["X3".to_string()])
            }),
            made("cli::missing_argument", || cli::missing_argument(&words())),
            made("cli::twice", || cli::twice("--x1")),
            made("cli::value_needed", || cli::value_needed("--x1")),
            made("cli::no_passphrase", || cli::no_passphrase(&io())),
            made("cli::encrypted", || cli::encrypted(path(), 7)),
            made("cli::decrypted", || cli::decrypted(path(), 7)),
            made("cli::plain_exports", || cli::plain_exports(path(), 7)),
            made("cli::not_decrypted", || cli::not_decrypted(path())),
            made("cli::health_mention", || {
                cli::health_mention("X1", &words())
            }),
            made("cli::session_name", || {
                [
                    cli::session_name("X1", "X2", ""),
                    cli::session_name("X1", "X2", "X3"),
                ]
                .join(" | ")
            }),
            made("cli::forloeb_name", || cli::forloeb_name("X1", 7, 8, 9)),
            made("cli::will_delete", || cli::will_delete("X1")),
            made("cli::nothing_named", || cli::nothing_named("X1")),
            made("cli::ambiguous_target", || cli::ambiguous_target("X1")),
            made("cli::removed_forloeb", || cli::removed_forloeb("X1")),
            made("cli::removed_session", || cli::removed_session("X1")),
            made("cli::removed_export", || cli::removed_export(path())),
            made("cli::terminal_failed", || cli::terminal_failed(&io())),
            made("cli::damaged", || cli::damaged(path(), "X1")),
            made("cli::followup_line", || {
                cli::followup_line("X1", "X2", day(), 48, 3)
            }),
            made("cli::written", || cli::written(path())),
            made("cli::unknown_tool", || cli::unknown_tool("X1")),
            made("cli::unknown_forloeb", || cli::unknown_forloeb("X1")),
            made("cli::ambiguous_forloeb", || {
                cli::ambiguous_forloeb("X1", &["X2", "X3"])
            }),
            made("cli::no_sessions", || cli::no_sessions("X1", "X2")),
            made("cli::unknown_print", || cli::unknown_print("X1")),
            made("cli::unreadable", || cli::unreadable(path(), &io())),
            made("ui::no_tool_number", || ui::no_tool_number("7")),
            made("ui::move_new", || {
                [ui::move_new(""), ui::move_new("X1")].join(" | ")
            }),
            made("ui::moved", || ui::moved("X1")),
            made("ui::forloeb_missing", || ui::forloeb_missing("X1")),
            made("ui::no_region", || ui::no_region('x', &['a', 'b'])),
            made("ui::open_tool", || {
                [ui::open_tool(Some(7), "X1"), ui::open_tool(None, "X1")].join(" | ")
            }),
            made("ui::pick_banner", || ui::pick_banner("X1")),
            made("ui::carried", || ui::carried(7)),
            made("ui::forloeb_row", || {
                [
                    ui::forloeb_row("X1", 1, None),
                    ui::forloeb_row("X1", 7, Some(day())),
                ]
                .join(" | ")
            }),
            made("ui::imported_suffix", || ui::imported_suffix("X1")),
            made("ui::share_private", || {
                let fields = ["X1".to_string(), "X2".to_string()];
                [
                    ui::share_private(&fields, false),
                    ui::share_private(&fields, true),
                ]
                .join(" | ")
            }),
            made("ui::weak_passphrase", || {
                [Weak::TooShort, Weak::Guessable]
                    .map(ui::weak_passphrase)
                    .join(" | ")
            }),
            made("ui::shared_file", || ui::shared_file(path())),
            made("ui::shared_receiver", || ui::shared_receiver("X1")),
            made("ui::shared_left_out", || {
                ui::shared_left_out(&["X1".to_string()])
            }),
            made("ui::follow_up_suffix", || {
                ui::follow_up_suffix("24-11-2026")
            }),
            made("ui::due_row", || ui::due_row("X1", "X2", day(), 3)),
            made("ui::purge_intro", || ui::purge_intro("X1")),
            made("ui::deleted", || {
                [ui::deleted(1), ui::deleted(7)].join(" | ")
            }),
            made("ui::export_goes", || ui::export_goes(path())),
            made("ui::period", || {
                [Period::Days(1), Period::Days(7), Period::Months(1)]
                    .into_iter()
                    .chain([Period::Months(7), Period::Years(1), Period::Years(7)])
                    .map(ui::period)
                    .collect::<Vec<_>>()
                    .join(" | ")
            }),
            made("ui::health_line", || ui::health_line("X1", &words())),
            made("ui::health_hint", || ui::health_hint(&words())),
            made("ui::audience_heading", || {
                [
                    Audience::Medarbejder,
                    Audience::Leder,
                    Audience::Arbejdsmiljoorganisation,
                    Audience::Laege,
                ]
                .map(|a| {
                    let (heading, order) = ui::audience_heading(a);
                    format!("{heading}: {order}")
                })
                .join(" | ")
            }),
            made("ui::private", || {
                [ui::private(""), ui::private("X1")].join(" | ")
            }),
            made("ui::example", || {
                [ui::example("X1"), ui::example("Fx X1")].join(" | ")
            }),
            same("ui::error_note", || ui::error_note("X1")),
            same("ui::case_label", || ui::case_label("X1", "X2")),
            same("ui::start_tool", || ui::start_tool("X1")),
            same("ui::link", || ui::link("X1")),
            made("ui::nothing_specific", || ui::nothing_specific("X1")),
            made("ui::no_tools", || ui::no_tools("X1")),
            made("ui::passages", || [0, 1, 7].map(ui::passages).join(" | ")),
            made("ui::quiz_progress", || ui::quiz_progress(7, 8)),
            made("ui::quiz_verdict", || {
                [ui::quiz_verdict(true, true), ui::quiz_verdict(false, false)].join(" | ")
            }),
            made("ui::from_source", || ui::from_source("X1")),
            made("ui::quiz_score", || ui::quiz_score(7, 8)),
            made("ui::imported_from", || ui::imported_from("X1")),
            made("ui::import_into", || ui::import_into("X1")),
            made("ui::imported", || ui::imported("X1", "X2")),
            made("ui::exported", || ui::exported(path())),
            made("ui::step_of", || ui::step_of(7, 8)),
            made("ui::tool_heading", || ui::tool_heading(Some(7), "X1")),
            same("ui::numbered", || ui::numbered(Some(7), "X1")),
            same("ui::tool_row", || ui::tool_row(Some(7), "  ", "X1")),
            made("ui::missing_count", || {
                [1, 7].map(ui::missing_count).join(" | ")
            }),
            made("ui::cannot_complete", || {
                [1, 7].map(ui::cannot_complete).join(" | ")
            }),
            made("ui::saved_at", || ui::saved_at("10:00:00")),
            made("ui::save_failed", || ui::save_failed("E1")),
            made("ui::damaged", || ui::damaged("E1")),
            made("ui::unknown_tool", || ui::unknown_tool("X1")),
            made("ui::read_only", || ui::read_only("E1")),
            made("ui::week_heading", || ui::week_heading(48, 2026, day())),
            made("ui::row", || ui::row(7)),
            made("ui::note_title", || {
                [ui::note_title("X1", 1, 1), ui::note_title("X1", 7, 8)].join(" | ")
            }),
            made("ui::note_title_short", || ui::note_title_short("X1")),
            made("ui::no_note_on", || ui::no_note_on("X1")),
            made("ui::note_saved", || ui::note_saved(path())),
            same("ui::reads_as", || ui::reads_as("X1")),
            made("store::forloeb_goes", || {
                [
                    store::forloeb_goes("X1", 1, 1),
                    store::forloeb_goes("X1", 7, 8),
                ]
                .join(" | ")
            }),
            made("store::session_goes", || {
                [
                    store::session_goes("X1", "", at()),
                    store::session_goes("X1", "X2", at()),
                ]
                .join(" | ")
            }),
            made("store::settings", || store::settings(path(), "E1")),
            made("store::bad_period", || store::bad_period("X1")),
            made("store::bad_language", || store::bad_language("X1")),
            made("store::bad_theme", || store::bad_theme("X1")),
            made("store::encrypted", || store::encrypted(path())),
            made("store::key_damaged", || store::key_damaged(path(), "E1")),
            made("store::interrupted", || {
                [
                    store::interrupted(path(), true),
                    store::interrupted(path(), false),
                ]
                .join(" | ")
            }),
            made("store::in_use", || store::in_use(path())),
            made("store::already_done", || {
                [store::already_done(true), store::already_done(false)].join(" | ")
            }),
            made("store::folder", || store::folder(path(), &io())),
            made("store::read", || store::read(path(), &io())),
            made("store::write", || store::write(path(), &io())),
            made("store::locked", || store::locked("X1")),
            made("store::damaged", || store::damaged(path(), "E1")),
            made("store::not_found", || store::not_found("X1")),
            made("store::exists", || store::exists(path())),
            made("store::ambiguous", || store::ambiguous("X1", 7)),
            made("store::too_large", || store::too_large(7 * 1024 * 1024)),
            made("store::not_a_file", || store::not_a_file(path())),
            made("store::read_only", || store::read_only("X1")),
            made("store::kept_aside", || store::kept_aside(path())),
            made("store::wrong_lock", || store::wrong_lock("X1")),
            made("store::parse_error", || store::parse_error(7, 8, "E1")),
            made("store::wont_overwrite", || {
                store::wont_overwrite(path(), "E1")
            }),
            made("store::not_utf8", || store::not_utf8(7)),
            made("store::newer_format", || store::newer_format(7)),
            made("store::id_mismatch", || store::id_mismatch("X1")),
            made("store::unsafe_id", || store::unsafe_id("X1")),
            made("store::folder_unreadable", || {
                store::folder_unreadable(&io())
            }),
            made("export::subtitle", || export::subtitle(Some(7), "X1")),
            same("export::step_title", || export::step_title(7, "X1")),
            made("export::see_tool", || export::see_tool(Some(7), "X1")),
            made("export::when_answer", || {
                [
                    export::when_answer(&["X1", "X2"], None),
                    export::when_answer(&["X1"], Some("X3")),
                ]
                .join(" | ")
            }),
            made("export::when_answered", || {
                [
                    export::when_answered(None),
                    export::when_answered(Some("X1")),
                ]
                .join(" | ")
            }),
            same("note::header", || note::header("X1", "X2")),
            same("note::heading", || note::heading("X1")),
            made("note::none", || note::none("X1")),
            made("note::shared", || note::shared("X1", "X2", "X3")),
            made("share::not_a_share", || share::not_a_share(path())),
            made("share::missing", || share::missing(path())),
            made("share::not_a_file", || share::not_a_file(path())),
            made("share::newer", || share::newer(7)),
            made("share::damaged", || share::damaged("E1")),
            made("share::provenance", || {
                let imported = |left_out: Vec<String>| crate::core::session::Imported {
                    from: "X1".into(),
                    shared: at(),
                    original: "X2".into(),
                    at: at(),
                    left_out,
                };
                [
                    share::provenance(&imported(Vec::new())),
                    share::provenance(&imported(vec!["X3".into()])),
                    share::provenance(&imported(words())),
                ]
                .join(" | ")
            }),
            made("share::refused", || {
                use crate::core::share::Refusal;
                [
                    Refusal::NewerShare(7),
                    Refusal::NewerSession(7),
                    Refusal::UnknownTool("X1".into()),
                    Refusal::NewerTool {
                        tool: "X1".into(),
                        theirs: 7,
                        ours: 5,
                    },
                    Refusal::BadName,
                    Refusal::Mismatch,
                ]
                .map(|r| share::refused(&r))
                .join(" | ")
            }),
            // The tool's own labels: the same in both languages.
            same("share::field_names", || {
                let catalog = crate::core::catalog::Catalog::load(
                    &crate::core::catalog::builtin_sources(),
                    &[],
                )
                .0;
                match catalog.entries.first() {
                    Some(entry) => {
                        let ids: Vec<String> = ["X1"]
                            .into_iter()
                            .chain(entry.tool.fields().map(|f| f.id.as_str()).take(2))
                            .map(str::to_string)
                            .collect();
                        share::field_names(&entry.tool, &ids).join(" | ")
                    }
                    None => String::new(),
                }
            }),
            made("migrate::title", || migrate::title((7, 8))),
            made("migrate::unchanged", || migrate::unchanged((7, 8))),
            same("migrate::session", || migrate::session("X1", "X2", (7, 8))),
            made("migrate::saved", || [1, 7].map(migrate::saved).join(" | ")),
            made("migrate::would_save", || {
                [1, 7].map(migrate::would_save).join(" | ")
            }),
            made("migrate::skipped", || migrate::skipped("X1", "E1")),
            made("migrate::lines", || {
                let catalog = crate::core::catalog::Catalog::load(
                    &crate::core::catalog::builtin_sources(),
                    &[],
                )
                .0;
                let report = crate::core::migrate::Report {
                    versions: (1, 2),
                    renamed: vec![("old1".into(), "new1".into())],
                    moved: vec![("f1".into(), "s1".into(), "s2".into())],
                    unasked: vec!["u1".into()],
                };
                match catalog.entries.first() {
                    Some(entry) => migrate::lines(&entry.tool, &report).join(" | "),
                    None => String::new(),
                }
            }),
            same("note::sentences", || {
                note::sentences("X1", &["X2".to_string()])
            }),
            same("note::with_answer", || note::with_answer("X1", "X2")),
            same("note::with_note", || note::with_note("X1", "X2")),
            same("note::with_comment", || note::with_comment("X1", "X2")),
            same("note::quoted", || note::quoted("X1")),
            made("plain::guide", || plain::guide().join(" | ")),
            made("plain::step", || plain::step(7, 8, "X1")),
            made("plain::in_forloeb", || plain::in_forloeb("X1")),
            made("plain::labelled", || plain::labelled("X1")),
            same("plain::heading", || plain::heading("X1")),
            made("plain::required", || plain::required("X1")),
            same("plain::with_unit", || plain::with_unit("X1", "X2")),
            made("plain::example", || plain::example("Fx X1")),
            same("plain::options", || plain::options(&words())),
            made("plain::now", || {
                [plain::now("X1"), plain::now("X1\nX2")].join(" | ")
            }),
            made("plain::now_invalid", || plain::now_invalid("X1", "E1")),
            made("plain::chosen", || plain::chosen("X1")),
            made("plain::reads_as", || {
                [plain::reads_as("X1", ""), plain::reads_as("X1", "X2")].join(" | ")
            }),
            made("plain::week_of", || plain::week_of("48")),
            made("plain::choose", || [1, 3, 7].map(plain::choose).join(" | ")),
            made("plain::not_an_option", || {
                [
                    plain::not_an_option("", &["X1"]),
                    plain::not_an_option("X2", &["X1", "X3"]),
                ]
                .join(" | ")
            }),
            made("plain::text", || plain::text("")),
            made("plain::lines", || {
                [plain::lines(""), plain::lines("X1")].join(" | ")
            }),
            made("plain::date", || plain::date("")),
            made("plain::number", || {
                [plain::number("", ""), plain::number("", "X1")].join(" | ")
            }),
            made("plain::week", || plain::week("")),
            same("plain::prompt", || {
                [plain::prompt("X1"), plain::prompt("X1?")].join(" | ")
            }),
            same("plain::numbered", || plain::numbered("X1", 7)),
            made("plain::new_row", || plain::new_row(7, "X1")),
            made("plain::new_week", || plain::new_week(7)),
            made("plain::saved_row", || plain::saved_row(7)),
            same("plain::cell", || plain::cell("X1", "X2")),
            made("plain::item", || plain::item(7, 8, "X1")),
            made("plain::paragraph", || plain::paragraph(7, 8)),
            made("plain::as_the_report", || plain::as_the_report("X1")),
            made("plain::adapted", || plain::adapted("X1")),
            made("plain::left_out", || plain::left_out("X1")),
            made("plain::link", || {
                [plain::link("X1", false), plain::link("X1", true)].join(" | ")
            }),
            made("plain::back_in", || plain::back_in("X1")),
            made("plain::quit", || {
                [plain::quit("X1", true), plain::quit("X1", false)].join(" | ")
            }),
            made("plain::end_of_input", || {
                [(true, true), (true, false), (false, false)]
                    .map(|(s, d)| plain::end_of_input("X1", s, d))
                    .join(" | ")
            }),
            made("plain::idle", || {
                [plain::idle("X1", true, 5.0), plain::idle("X1", false, 5.0)].join(" | ")
            }),
            made("plain::review_heading", || {
                plain::review_heading("X1", "X2")
            }),
            made("plain::missing_count", || {
                [1, 7].map(plain::missing_count).join(" | ")
            }),
            made("plain::missing", || plain::missing("X1")),
            made("plain::invalid", || plain::invalid("X1")),
            same("plain::unparsed", || plain::unparsed("X1")),
            made("plain::go_to_missing", || plain::go_to_missing("X1")),
            made("plain::completed", || {
                [plain::completed("X1", true), plain::completed("X1", false)].join(" | ")
            }),
            made("plain::closed", || {
                [plain::closed(true), plain::closed(false)].join(" | ")
            }),
            same("plain::number_marker", || plain::number_marker(7)),
            same("plain::id_marker", || plain::id_marker("X1")),
            made("plain::no_passphrase", || plain::no_passphrase(&io())),
            made("plain::no_forloeb", || plain::no_forloeb("X1")),
            made("plain::forloeb_made", || plain::forloeb_made("X1")),
            made("plain::drafts", || {
                [plain::drafts(None), plain::drafts(Some("X1"))].join(" | ")
            }),
            made("plain::draft", || plain::draft("X1", &["X2"], "X3")),
            made("plain::more_drafts", || plain::more_drafts(7)),
            made("plain::damaged", || [1, 7].map(plain::damaged).join(" | ")),
            made("plain::draft_or_new", || {
                [1, 3, 7].map(plain::draft_or_new).join(" | ")
            }),
            made("plain::not_a_draft", || plain::not_a_draft("X1", 3)),
            same("plain::tool", || plain::tool("X1", &["X2"])),
            made("plain::no_such_tool", || plain::no_such_tool("X1")),
            made("InputError::NotADate", || InputError::NotADate.to_string()),
            made("InputError", || {
                [
                    InputError::NoSuchDate {
                        day: 31,
                        month: 2,
                        year: 2027,
                    },
                    InputError::NoSuchDate {
                        day: 1,
                        month: 13,
                        year: 2027,
                    },
                    InputError::NotANumber,
                    InputError::OutOfRange {
                        min: 1.0,
                        max: 7.5,
                        unit: "X1".into(),
                    },
                    InputError::NotAWeek,
                    InputError::NoSuchWeek {
                        week: 53,
                        year: 2026,
                    },
                    InputError::EndBeforeStart,
                    InputError::NotAnOption {
                        typed: "X1".into(),
                        options: vec!["X2".into(), "X3".into()],
                    },
                ]
                .map(|e| e.to_string())
                .join(" | ")
            }),
            made("ProblemKind", || {
                [
                    ProblemKind::NoAudience,
                    ProblemKind::DuplicateIn {
                        what: Within::Steps,
                        id: "X1".into(),
                    },
                    ProblemKind::TooMany {
                        what: Within::Options,
                        count: 7,
                        most: 5,
                    },
                    ProblemKind::NoEntry(Audience::Leder),
                ]
                .map(|p| p.to_string())
                .join(" | ")
            }),
        ]
    }

    /// The words of a text that carry a sample argument or a number, which a translation
    /// must keep.
    fn values(text: &str) -> Vec<String> {
        let mut found: Vec<String> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/'))
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_string)
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// The same for the functions: each is called in both languages, and the English must
    /// be there, differ from the Danish (unless marked), keep every sample argument and
    /// number, and the white space at its ends.
    #[test]
    fn every_function_makes_an_english_that_fits_its_danish() {
        let mut found = Vec::new();
        for made in every_function() {
            let da = with_language(Language::Danish, &made.make);
            let en = with_language(Language::English, &made.make);
            found.extend(problems(made.name, &da, &en, made.same));
            if values(&da) != values(&en) {
                found.push(format!("{}: other values: {da:?} / {en:?}", made.name));
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    /// Every public function of the catalogue is among the ones called above, so a new one
    /// cannot miss its English. Read from this file's source.
    #[test]
    fn every_function_of_the_catalogue_is_checked() {
        let checked: Vec<&str> = every_function().iter().map(|m| m.name).collect();
        let source = include_str!("texts.rs");
        let source = source
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or(source);
        let mut module = "";
        let mut missing = Vec::new();
        for line in source.lines() {
            if let Some(name) = line
                .strip_prefix("pub mod ")
                .and_then(|l| l.strip_suffix(" {"))
            {
                module = name;
            } else if line == "}" {
                module = "";
            }
            let Some(rest) = line.trim_start().strip_prefix("pub fn ") else {
                continue;
            };
            let name = rest.split(['(', '<']).next().unwrap_or_default();
            let full = match module {
                "" => name.to_string(),
                module => format!("{module}::{name}"),
            };
            let makes_text = ["-> String", "-> Text", "-> (&'static str", "-> Vec<String>"]
                .iter()
                .any(|r| line.contains(r));
            let text_module = module.is_empty() || MODULES.iter().any(|(m, _)| *m == module);
            if makes_text && text_module && !checked.contains(&full.as_str()) {
                missing.push(full);
            }
        }
        // `audience`, `status` and `cli::weak` choose among texts checked as texts.
        missing.retain(|name| !["audience", "status", "cli::weak"].contains(&name.as_str()));
        assert!(
            missing.is_empty(),
            "not called in every_function: {missing:?}"
        );
    }

    #[test]
    fn the_language_is_asked_for_on_the_command_line_or_by_the_locale() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        let locale =
            |lang: &'static str| move |name: &str| (name == "LANG").then(|| lang.to_string());
        let none = |_: &str| None;
        assert_eq!(Language::chosen(&args(&[]), none, None), Language::Danish);
        assert_eq!(
            Language::chosen(&args(&["--lang", "en"]), none, None),
            Language::English
        );
        assert_eq!(
            Language::chosen(&args(&["list", "--lang=en"]), none, None),
            Language::English
        );
        assert_eq!(
            Language::chosen(&args(&[]), locale("en_GB.UTF-8"), None),
            Language::English
        );
        assert_eq!(
            Language::chosen(&args(&[]), locale("C.UTF-8"), None),
            Language::Danish
        );
        assert_eq!(
            Language::chosen(&args(&[]), locale("de_DE"), None),
            Language::Danish
        );
        // The command line goes before the locale; words after `--` are no options.
        assert_eq!(
            Language::chosen(&args(&["--lang", "da"]), locale("en_US"), None),
            Language::Danish
        );
        assert_eq!(
            Language::chosen(&args(&["--", "--lang", "en"]), none, None),
            Language::Danish
        );
        // LC_ALL goes before LANG, as POSIX reads them; an empty one is not set.
        let both = |name: &str| match name {
            "LC_ALL" => Some("da_DK.UTF-8".to_string()),
            "LC_MESSAGES" => Some(String::new()),
            _ => Some("en_GB.UTF-8".to_string()),
        };
        assert_eq!(Language::chosen(&args(&[]), both, None), Language::Danish);
        // The settings file goes before the locale, the command line before both.
        let english = Some(Language::English);
        assert_eq!(
            Language::chosen(&args(&[]), locale("da_DK.UTF-8"), english),
            Language::English
        );
        assert_eq!(
            Language::chosen(&args(&["--lang=da"]), none, english),
            Language::Danish
        );
        assert_eq!(
            option_value(&args(&["--config", "a.ron", "--config=b.ron"]), "--config"),
            Some("b.ron".to_string())
        );
        assert_eq!(option_value(&args(&["--configx=a"]), "--config"), None);
    }

    #[test]
    fn a_thread_can_speak_english_without_changing_the_others() {
        assert_eq!(ui::TOOLS.as_str(), "Redskaber");
        let english = with_language(Language::English, || {
            let other = std::thread::spawn(|| ui::TOOLS.as_str()).join();
            (ui::TOOLS.as_str(), other.ok())
        });
        assert_eq!(english, ("Tools", Some("Redskaber")));
        assert_eq!(ui::TOOLS.as_str(), "Redskaber");
        assert_eq!(format!("{:<7}|", ui::DRAFT), "kladde |");
    }
}
