//! Every text the program itself shows, in one place (Danish first), so that an English
//! interface can follow by swapping this module. Tool texts live in `tools/*.ron`. The core
//! returns typed values and errors; the words for them are here (`Display` for the core's
//! error types, [`words`] for answers, via `crate::present`).

use std::fmt;

use crate::core::check::{ProblemKind, Within};
use crate::core::definition::Audience;
use crate::core::input::InputError;
use crate::core::session::{Change, Session, Status};

/// The words answers are shown in.
pub mod words {
    pub const YES: &str = "Ja";
    pub const NO: &str = "Nej";
    pub const WEEK: &str = "Uge";
    pub const WEEKDAYS: [&str; 7] = [
        "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag",
    ];
    /// A date after its weekday, in lower case: "mandag 04-01-2027".
    pub fn weekday_date(weekday: usize, date: &str) -> String {
        let name = WEEKDAYS.get(weekday).copied().unwrap_or_default();
        format!("{} {date}", name.to_lowercase())
    }
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
    pub const DATE_PLACEHOLDER: &str = "dd-mm-åååå";
    /// A template whose paragraphs all read as in the report.
    pub const AS_THE_REPORT: &str = "Rapportens ordlyd i alle afsnit.";
    /// A template paragraph the workplace changed, by its number.
    pub fn paragraph_adapted(n: usize, text: &str) -> String {
        format!("Afsnit {n} (tilpasset): {text}")
    }
    /// A template paragraph the workplace left out.
    pub fn paragraph_left_out(n: usize) -> String {
        format!("Afsnit {n}: udeladt")
    }
    /// Under a changed template paragraph: the report's wording.
    pub fn original_wording(original: &str) -> String {
        format!("Rapportens ordlyd: {original}")
    }
    pub const WEEK_PLACEHOLDER: &str = "ugenummer, fx 48";
    pub const NUMBER_PLACEHOLDER: &str = "tal";

    /// A number with a decimal comma and without a needless ",0".
    pub fn number(n: f64) -> String {
        n.to_string().replace('.', DECIMAL_MARK)
    }
}

pub fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Medarbejder => "Medarbejder",
        Audience::Leder => "Leder",
        Audience::Arbejdsmiljoorganisation => "Arbejdsmiljøorganisation",
        Audience::Laege => "Praktiserende læge",
    }
}

pub fn status(status: Status) -> &'static str {
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
    match days {
        0 => "i dag".into(),
        1 => "i morgen".into(),
        -1 => "1 dag over tid".into(),
        d if d > 1 => format!("om {d} dage"),
        d => format!("{} dage over tid", -d),
    }
}

/// A RON syntax or shape error, in words a definition author can act on.
fn ron_error(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "ukendt felt `{found}`; mulige felter: {}",
            expected
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("feltet `{field}` mangler i `{outer}`"),
            None => format!("feltet `{field}` mangler"),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "ukendt værdi `{found}`; mulige værdier: {}",
            expected
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        E::DuplicateStructField { field, .. } => format!("feltet `{field}` står to gange"),
        E::ExpectedComma => "der mangler et komma".into(),
        E::ExpectedStringEnd => "en tekst mangler sit afsluttende \"".into(),
        E::Eof => "filen slutter midt i definitionen (mangler der en parentes?)".into(),
        other => format!("RON-fejl: {other}"),
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
            ProblemKind::TooMany { what, count, most } => t::too_many(within(*what), *count, *most),
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
            ProblemKind::NoEntry(a) => t::no_entry(audience(*a)),
            ProblemKind::DuplicateEntry(a) => t::duplicate_entry(audience(*a)),
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

fn within(what: Within) -> &'static str {
    match what {
        Within::Options => check::OPTIONS,
        Within::Columns => check::COLUMNS,
        Within::Items => check::ITEMS,
        Within::Steps => check::STEPS,
        Within::Fields => check::FIELDS,
        Within::Entries => check::ENTRIES,
    }
}

/// Messages of `vejen-frem check`.
pub mod check {
    pub const STEPS: &str = "trin";
    pub const FIELDS: &str = "felter";
    pub const ENTRIES: &str = "punkter i listen";
    pub const NOT_UTF8: &str = "filen er ikke gyldig UTF-8 herfra; gem den som UTF-8";
    pub const BYTE_ORDER_MARK: &str =
        "filen starter med et BOM-tegn (U+FEFF); gem den som UTF-8 uden BOM";
    pub fn too_many(what: &str, count: usize, most: usize) -> String {
        format!("{count} {what} er for mange; højst {most}")
    }
    pub fn number_too_large(n: f64) -> String {
        format!("grænsen {n} er ikke et brugbart tal (højst ±1000000000000)")
    }
    pub fn too_long(chars: usize, most: usize) -> String {
        format!("teksten er {chars} tegn lang; højst {most}")
    }
    pub fn file_too_large(bytes: usize) -> String {
        format!(
            "filen er {} kB; en definition må højst fylde 1024 kB",
            bytes / 1024
        )
    }
    pub fn more_problems(n: usize) -> String {
        format!("… og {n} problemer mere (ret de første først)")
    }
    pub const NO_AUDIENCE: &str = "redskabet skal have mindst én målgruppe (`audience`)";
    pub const NO_STEPS: &str = "redskabet har ingen trin (`steps`)";
    pub const OPTIONS: &str = "valgmuligheder";
    pub const COLUMNS: &str = "kolonner";
    pub const ITEMS: &str = "punkter";
    pub const FEW_OPTIONS: &str = "et valg (`Choice`) skal have mindst to muligheder";
    pub const NO_COLUMNS: &str = "en tabel (`Table`) skal have mindst én kolonne";
    pub const DATE_ONLY: &str = "`follow_up` og `closes` gælder kun datofelter (`Date`)";
    pub const NO_ITEMS: &str = "en tjekliste (`Checklist`) skal have mindst ét punkt";

    pub fn wrong_format(found: u32, expected: u32) -> String {
        format!(
            "formatversion {found} kendes ikke; denne udgave af programmet læser version {expected}"
        )
    }
    pub fn bad_id(id: &str) -> String {
        format!("id `{id}` må kun indeholde små bogstaver a-z, tal og bindestreg")
    }
    pub fn duplicate_id(id: &str) -> String {
        format!("id `{id}` er brugt før i samme fil")
    }
    pub fn empty_step(id: &str) -> String {
        format!("trinnet `{id}` har ingen felter")
    }
    pub fn condition_unknown(field: &str) -> String {
        format!("betingelsen peger på feltet `{field}`, som ikke findes")
    }
    pub fn condition_later(field: &str) -> String {
        format!(
            "betingelsen peger på feltet `{field}`, som først kommer senere (eller er feltet selv)"
        )
    }
    pub fn condition_not_choice(field: &str) -> String {
        format!(
            "feltet `{field}` har ingen faste svarmuligheder; brug `Answered(field: \"{field}\")`"
        )
    }
    pub fn condition_bad_value(field: &str, value: &str, options: &[String]) -> String {
        format!(
            "`{value}` er ikke et svar på `{field}`; mulige: {}",
            options
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
    pub fn bad_bounds(min: f64, max: f64) -> String {
        format!("mindsteværdien {min} er større end højeste værdi {max}")
    }
    pub fn bad_list_bounds(min: usize, max: usize) -> String {
        format!("listen kan ikke have mindst {min} og højst {max} punkter")
    }
    pub fn template_unknown(name: &str) -> String {
        format!("skabelonen har feltet `{{{name}}}`, som ikke findes i redskabet")
    }
    pub fn renamed_clash(id: &str) -> String {
        format!(
            "renamed_from: `{id}` er et felt i denne version; et tidligere id må ikke være et nuværende"
        )
    }
    pub fn renamed_twice(id: &str) -> String {
        format!("renamed_from: `{id}` er allerede et andet felts tidligere id")
    }
    pub fn moved_from_same(step: &str) -> String {
        format!("moved_from: feltet står allerede i trinnet `{step}`")
    }
    pub const NO_EARLIER_VERSION: &str = "renamed_from og moved_from siger, hvad der er ændret siden en tidligere version: hæv `version` (den er 1)";
    pub fn unknown_tool(id: &str) -> String {
        format!("der er intet redskab med id `{id}`")
    }
    pub fn name_taken(name: &str, other: &str) -> String {
        format!("`{name}` bruges allerede af {other}")
    }
    pub const NO_FIGURE: &str = "kroppen skal have mindst én figur (`figures`)";
    pub const NO_STATEMENTS: &str = "quizzen har ingen udsagn (`statements`)";

    pub fn unknown_section(id: &str) -> String {
        format!("der er intet afsnit `{id}` i content/ (filnavnet uden nummer og .md)")
    }
    pub fn unknown_case(id: &str) -> String {
        format!("der er ingen case med id `{id}` i content/portal.ron")
    }
    pub fn not_in_source(quote: &str, source: &str) -> String {
        let start: String = quote.chars().take(40).collect();
        format!("»{start} …« står ikke ordret i {source}")
    }
    pub fn case_heading_not_found(heading: &str) -> String {
        format!("afsnittet har ingen boks, der begynder med »{heading}«")
    }
    pub fn case_untold(heading: &str, section: &str) -> String {
        format!("»{heading}« i `{section}` er ikke med blandt casene")
    }
    pub fn no_entry(audience: &str) -> String {
        format!("{audience} har ingen indgang (`entries`)")
    }
    pub fn duplicate_entry(audience: &str) -> String {
        format!("{audience} har to indgange")
    }
    pub fn entry_lacks_section(id: &str) -> String {
        format!(
            "indgangen mangler afsnittet `{id}`; alle indgange giver adgang til alle seks afsnit"
        )
    }
    pub fn duplicate_key(key: char) -> String {
        format!("bogstavet '{key}' vælger allerede en anden region")
    }
    pub fn bad_key(key: char) -> String {
        format!("'{key}' kan ikke vælge en region; brug et lille bogstav a-z")
    }
    pub fn figure_mismatch(row: usize) -> String {
        format!(
            "række {row} af figuren: `regions` skal have ét tegn for hvert tegn i `art` og mellemrum de samme steder"
        )
    }
    pub fn unknown_mark(mark: char) -> String {
        format!(
            "figuren bruger '{mark}', som ikke er nogen regions bogstav (`.` er kroppen uden for regionerne)"
        )
    }
    pub fn region_not_drawn(id: &str) -> String {
        format!("regionen `{id}` er ikke tegnet i figuren")
    }
    pub fn not_about_workplace(id: &str) -> String {
        format!("`{id}` skal handle om en arbejdsplads (`about: Workplace`)")
    }
    pub fn reflections_untitled(step: &str) -> String {
        format!("trinnet `{step}` har ikke titlen på et afsnit med overvejelser")
    }
    pub fn reflections_differ(step: &str) -> String {
        format!("trinnet `{step}` stiller ikke ordret afsnittets overvejelser, i samme rækkefølge")
    }
    pub fn reflections_missing(title: &str) -> String {
        format!("overvejelserne fra »{title}« er ikke med")
    }

    pub fn summary(problems: usize, files: usize) -> String {
        match problems {
            0 if files == 1 => "1 fil er i orden".into(),
            0 => format!("{files} filer er i orden"),
            1 => "1 problem fundet".into(),
            n => format!("{n} problemer fundet"),
        }
    }
}

/// Texts of the command line.
pub mod cli {
    use std::path::Path;

    pub const ABOUT: &str =
        "VEJEN FREM: redskaber til fastholdelse af medarbejdere med muskel- og skeletbesvær (MSB)";
    pub const TOOLS_DIR: &str = "Mappe med ekstra eller ændrede redskabsdefinitioner (*.ron)";
    pub const DATA_DIR: &str = "Mappe til gemte sessioner (standard: platformens datamappe)";
    pub const TOOL: &str =
        "Åbn dette redskab med det samme: nummer, id eller alias (fx 10 eller screening)";
    pub const PLAIN: &str = "Spørg linje for linje, uden skærmbillede: til skærmlæsere, og til svar fra en fil (vejen-frem --plain 10 < svar.txt). Vælges af sig selv, når TERM=dumb, eller når ind- eller uddata ikke er en terminal";
    pub const FORLOEB: &str = "Åbn dette forløb (etiket), og start redskabet i det; et nyt forløb oprettes, når du har bekræftet navnet";
    pub const CHECK: &str =
        "Kontrollér redskabsdefinitioner; viser fil:linje:kolonne for hvert problem";
    pub const CHECK_PATHS: &str =
        "Filer eller mapper der skal kontrolleres (standard: de indbyggede redskaber og --tools)";
    pub const LIST: &str = "Vis redskaberne: nummer, id, titel og målgruppe";
    pub const EXPORT: &str =
        "Eksportér en session som HTML (til udskrift), Markdown eller tekst til journalen";
    pub const EXPORT_SESSION: &str =
        "Sessionens id (eller de første tegn af det; se skærmen Sessioner)";
    pub const FORMAT: &str =
        "Format: html, md, txt eller fhir (FHIR R4 QuestionnaireResponse, JSON)";
    pub const FOR: &str = "Til hvem: employee (medarbejder), employer (arbejdsgiver: uden fortrolige felter), record (journal) eller workplace (arbejdspladsen: en arbejdsplads' egne svar, som overvejelserne). Standard: medarbejderen, for en arbejdsplads' svar arbejdspladsen";
    pub const OUTPUT: &str = "Filen der skrives (standard: mappen exports i datamappen)";
    pub const FORCE: &str = "Overskriv filen, hvis den findes";
    pub const NOTE: &str = "Skriv notatet til journalen om et forløbs sessioner på en dag: kort tekst med det, der er svaret, 72 tegn bred";
    pub const NOTE_FORLOEB: &str =
        "Forløbets navn (etiket) eller id; navnene står i `vejen-frem sessions`";
    pub const NOTE_DATE: &str = "Dagen (standard: i dag), fx 23-11-2026, 23/11, i går eller mandag";
    pub const NOTE_OUTPUT: &str =
        "Filen der skrives, - for skærmen (standard: mappen exports i datamappen)";
    pub const PRINT: &str = "Skriv et redskab som tom papirblanket, eller en tekst fra Viden (fx introduktion: introduktionen til redskaberne og oversigten over dem)";
    pub const PRINT_TOOL: &str =
        "Redskabets nummer, id eller alias, eller tekstens navn (introduktion, hvad-er-msb …)";
    pub const PRINT_OUTPUT: &str = "Filen der skrives (standard: skærmen)";
    pub const PRINT_NO_FHIR: &str = "print skriver html, md eller txt; et redskab som FHIR Questionnaire: vejen-frem fhir questionnaire REDSKAB";
    pub const FHIR: &str = "HL7 FHIR R4 til sundhedssystemer (en session som QuestionnaireResponse: export --format fhir)";
    pub const FHIR_QUESTIONNAIRE: &str = "Skriv et redskab som FHIR R4 Questionnaire (JSON): spørgsmål, typer, svarmuligheder, betingelser";
    pub const FHIR_TOOL: &str = "Redskabets nummer, id eller alias";
    pub const MIGRATE: &str = "Flyt svarene i sessioner fra en tidligere version af et redskab derhen, hvor redskabet har dem nu, og gem dem; svar uden spørgsmål beholdes";
    pub const MIGRATE_DRY_RUN: &str = "Vis kun, hvad der ville blive flyttet; intet gemmes";
    pub const SESSIONS: &str =
        "Vis de gemte sessioner: id, redskab, status, forløb, etiket og næste opfølgning";
    pub const JSON: &str = "Som JSON (en liste med nøglerne id, forloeb, tool, status, label, updated, next_follow_up)";
    pub const FOLLOWUPS: &str =
        "Vis opfølgninger: forløb, redskab, dato og dage tilbage eller over tid";
    pub const NO_FOLLOWUPS: &str = "Ingen opfølgninger.";
    pub const BROKEN_DEFINITIONS: &str =
        "der er fejl i redskabsdefinitionerne (kør `vejen-frem check`):";

    pub const PASSPHRASE_FILE: &str =
        "Læs adgangskoden til en krypteret datamappe fra denne fil (første linje), fx i scripts";
    pub const NEW_PASSPHRASE_FILE: &str = "Læs den nye adgangskode fra denne fil (første linje)";
    pub const LOCK_AFTER: &str =
        "Lås skærmen efter så mange minutter uden tastetryk (standard 5; 0: aldrig)";
    pub const THEME: &str = "Skærmens farver: high-contrast giver lys tekst på sort til svage øjne (eller theme i settings.ron). NO_COLOR=1 slår farverne fra";
    pub const CONFIG: &str =
        "Indstillingsfilen (standard: settings.ron i platformens mappe til indstillinger)";
    pub const ENCRYPT: &str =
        "Kryptér datamappen: adgangskoden spørges to gange. Glemmer du den, kan intet genskabes";
    pub const DECRYPT: &str = "Gør en krypteret datamappe ukrypteret igen";
    pub const CHANGE_PASSPHRASE: &str =
        "Skift adgangskoden til en krypteret datamappe (filerne forbliver som de er)";
    pub const DELETE: &str =
        "Slet en session, eller et forløb med alle dets sessioner, MSB-log og eksporter";
    pub const DELETE_WHAT: &str =
        "Sessionens id (eller de første tegn af det), eller forløbets id eller etiket";
    pub const YES: &str = "Slet uden at spørge (til scripts)";
    pub const PURGE: &str = "Slet afsluttede forløb og sessioner, der ikke er rørt i en periode, og vis hvad der blev slettet";
    pub const UNTOUCHED_FOR: &str =
        "Ikke rørt i denne periode: fx 30d, 12m eller 2y (standard: indstillingsfilen, ellers 12m)";
    pub const DRY_RUN: &str = "Vis kun, hvad der ville blive slettet";
    pub const ASK_PASSPHRASE: &str = "Adgangskode: ";
    pub const ASK_OLD_PASSPHRASE: &str = "Nuværende adgangskode: ";
    pub const ASK_NEW_PASSPHRASE: &str = "Ny adgangskode: ";
    pub const ASK_AGAIN: &str = "Samme adgangskode igen: ";
    pub const NEW_PASSPHRASE_INTRO: &str = "Vælg en adgangskode på mindst 10 tegn, gerne flere ord. Den kan ikke genskabes: glemmes den, er svarene tabt.";
    pub const NOT_THE_SAME: &str = "de to adgangskoder er ikke ens; intet er ændret";
    /// Words a guesser tries first for this program's passphrases.
    pub const PASSPHRASE_HINTS: [&str; 6] = [
        "vejen-frem",
        "vejenfrem",
        "vejen frem",
        "msb",
        "amr",
        "adgangskode",
    ];
    pub fn weak(weak: crate::core::passphrase::Weak) -> &'static str {
        match weak {
            crate::core::passphrase::Weak::TooShort => {
                "adgangskoden er for kort: brug mindst 10 tegn, gerne flere ord"
            }
            crate::core::passphrase::Weak::Guessable => {
                "adgangskoden er let at gætte: brug flere ord, der ikke hører sammen"
            }
        }
    }
    pub fn no_passphrase(e: &std::io::Error) -> String {
        format!("kan ikke spørge om adgangskoden ({e}); brug --passphrase-file FIL")
    }
    pub fn encrypted(dir: &Path, files: usize) -> String {
        format!(
            "{} er nu krypteret ({files} filer). Husk adgangskoden: uden den kan svarene ikke læses, og den kan ikke genskabes.",
            dir.display()
        )
    }
    pub fn decrypted(dir: &Path, files: usize) -> String {
        format!("{} er nu ukrypteret ({files} filer).", dir.display())
    }
    pub fn plain_exports(dir: &Path, count: usize) -> String {
        format!(
            "Bemærk: {count} eksporterede dokumenter i {} er ikke krypteret (de er til udskrift). Slet dem, når de ikke skal bruges mere.",
            dir.display()
        )
    }
    pub fn not_decrypted(file: &Path) -> String {
        format!(
            "kunne ikke dekrypteres (ændret eller beskadiget), ligger uændret: {}",
            file.display()
        )
    }
    pub const PASSPHRASE_CHANGED: &str = "Adgangskoden er skiftet. Den gamle virker ikke længere.";
    pub const EXPORT_WHERE: &str = "datamappen er krypteret, og et eksporteret dokument er ukrypteret: vælg selv, hvor det skal ligge, med -o FIL (eller -o - for skærmen)";
    pub const LEAVES_THE_STORE: &str =
        "Bemærk: dokumentet forlader den krypterede datamappe og gemmes ukrypteret.";
    pub fn health_mention(field: &str, words: &[String]) -> String {
        format!(
            "Advarsel: »{field}« nævner helbred ({}) og kommer med i arbejdsgiverens kopi.",
            words.join(", ")
        )
    }
    pub fn session_name(id: &str, tool: &str, label: &str) -> String {
        if label.is_empty() {
            format!("sessionen {id} ({tool}) og dens eksporter")
        } else {
            format!("sessionen {id} ({tool}, »{label}«) og dens eksporter")
        }
    }
    pub fn forloeb_name(label: &str, sessions: usize, notes: usize, exports: usize) -> String {
        format!(
            "{} og {exports} eksporterede dokumenter",
            super::store::forloeb_goes(label, sessions, notes)
        )
    }
    pub fn will_delete(what: &str) -> String {
        format!("Slettes for altid: {what}.")
    }
    pub const CONFIRM_DELETE: &str = "Slet? Skriv j for ja: ";
    pub const CONFIRM_NEEDS_YES: &str =
        "der er ingen terminal at spørge i; skriv --yes for at slette uden at blive spurgt";
    pub const NOTHING_DELETED: &str = "Intet er slettet.";
    pub fn nothing_named(what: &str) -> String {
        format!("der er ingen session eller forløb, der hedder »{what}«")
    }
    pub fn ambiguous_target(what: &str) -> String {
        format!("»{what}« passer på mere end én session eller ét forløb; skriv id'et")
    }
    pub fn removed_forloeb(id: &str) -> String {
        format!("slettet: forløbet {id} og dets MSB-log")
    }
    pub fn removed_session(id: &str) -> String {
        format!("slettet: sessionen {id}")
    }
    pub fn removed_export(file: &Path) -> String {
        format!("slettet: {}", file.display())
    }
    pub const NOTHING_TO_PURGE: &str = "Intet er urørt så længe; intet er slettet.";
    pub const WOULD_GO: &str = "ville blive slettet: ";

    pub const SHARE: &str = "Del en session med den anden part (fx medarbejderens Redskab 1 til lederen): én krypteret fil, der kan sendes med mail eller USB. Fortrolige felter udelades, medmindre du skriver --with-private";
    pub const SHARE_OUTPUT: &str = "Den delte fil, der skrives (krypteret)";
    pub const SHARE_TO: &str = "Kryptér til modtagerens offentlige age-nøgle (age1…; modtageren laver den med share-key) i stedet for med en adgangskode";
    pub const SHARE_FROM: &str =
        "Dit navn eller dine initialer, som modtageren ser (aldrig CPR-nummer); spørges ellers";
    pub const WITH_PRIVATE: &str =
        "Del også de fortrolige felter (fx lægens noter): kun når modtageren må se dem";
    pub const SHARE_PASSPHRASE_FILE: &str = "Læs den delte fils adgangskode fra denne fil (første linje), fx i scripts; ellers spørges der";
    pub const IMPORT: &str = "Importér en delt session som en ny session (intet her overskrives); den viser, hvem der delte den og hvornår";
    pub const IMPORT_FILE: &str = "Den delte fil";
    pub const IMPORT_FORLOEB: &str = "Læg sessionen i dette forløb (etiket eller id)";
    pub const IMPORT_KEY: &str =
        "Din nøglefil (fra share-key), når filen er krypteret til din nøgle";
    pub const SHARE_KEY: &str = "Lav en nøgle til at modtage delte sessioner: nøglefilen skrives (hemmelig), og den offentlige nøgle (age1…), som afsenderen skal bruge, vises";
    pub const SHARE_KEY_FILE: &str = "Nøglefilen, der skrives (overskrives aldrig)";
    pub const ASK_SHARE_FROM: &str =
        "Dit navn eller initialer, som modtageren ser (ikke CPR-nummer): ";
    pub const SHARE_FROM_NEEDED: &str =
        "skriv dit navn eller dine initialer med --from NAVN (der er ingen terminal at spørge i)";
    pub const ASK_SHARE_PASSPHRASE: &str = "Adgangskode til den delte fil: ";
    pub const NEW_SHARE_PASSPHRASE_INTRO: &str = "Vælg en adgangskode til den delte fil (mindst 10 tegn, gerne flere ord). Giv den til modtageren ad en anden vej end filen, fx i telefonen.";
    pub const IMPORT_NEEDS_KEY: &str =
        "den delte fil er krypteret til en nøgle: angiv din nøglefil med --key FIL";
    pub fn shared(file: &Path, to_key: bool) -> String {
        let how = if to_key {
            "krypteret til modtagerens nøgle"
        } else {
            "krypteret med adgangskoden; giv den til modtageren ad en anden vej end filen"
        };
        format!("Delt: {} ({how}).", file.display())
    }
    pub fn left_out(fields: &[String]) -> String {
        match fields {
            [] => "Ingen fortrolige svar at udelade.".to_string(),
            fields => format!(
                "Udeladt (fortrolige eller uden spørgsmål): {}. Skriv --with-private for at dele dem.",
                fields.join(", ")
            ),
        }
    }
    pub fn with_private(fields: &[String]) -> String {
        format!("Bemærk: fortrolige felter er delt: {}.", fields.join(", "))
    }
    pub fn imported(id: &str, tool: &str, forloeb: &str) -> String {
        match forloeb {
            "" => format!("Importeret som ny session {id} ({tool})."),
            forloeb => format!("Importeret som ny session {id} ({tool}) i forløbet »{forloeb}«."),
        }
    }
    pub fn new_key(file: &Path, public: &str) -> String {
        format!(
            "Nøglefilen er skrevet: {} (hemmelig; kun til dig). Giv afsenderen denne offentlige nøgle:\n{public}",
            file.display()
        )
    }

    pub const NO_DATA_DIR: &str = "fandt ingen datamappe til sessionerne; angiv en med --data-dir MAPPE eller VEJEN_FREM_DATA";

    pub const NO_TERMINAL: &str = "vejen-frem skal køre i en terminal (standard ind og ud er ikke en terminal). Uden terminal virker kommandoerne list, sessions, followups, export, note og print.";

    pub fn terminal_failed(e: &std::io::Error) -> String {
        format!("terminalen svarede ikke som ventet: {e}")
    }

    pub fn damaged(file: &Path, reason: &str) -> String {
        format!("beskadiget: {}: {reason}", file.display())
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
        format!(
            "{who} · {tool} · {} (uge {week}) · {}",
            date.format(super::words::DATE),
            super::days_left(days)
        )
    }

    pub fn written(path: &Path) -> String {
        format!("skrevet: {}", path.display())
    }

    pub fn unknown_tool(name: &str) -> String {
        format!("der er intet redskab, der hedder `{name}`; se `vejen-frem list`")
    }

    pub fn unknown_forloeb(name: &str) -> String {
        format!(
            "der er intet forløb, der hedder »{name}«; forløbenes navne står i kolonnen forløb i `vejen-frem sessions` og under fanen Forløb"
        )
    }

    pub fn ambiguous_forloeb(name: &str, ids: &[&str]) -> String {
        format!(
            "{} forløb hedder »{name}«; angiv forløbets id: {}",
            ids.len(),
            ids.join(", ")
        )
    }

    pub fn no_sessions(forloeb: &str, day: &str) -> String {
        format!("forløbet »{forloeb}« har ingen sessioner med svar fra {day}")
    }

    pub fn unknown_print(name: &str) -> String {
        format!(
            "der er intet redskab og ingen tekst, der hedder `{name}`; se `vejen-frem list` (teksterne hedder introduktion, hvad-er-msb, hvorfor-fokus-paa-msb, forebyggelse, haandtering, redskaber og evaluering-og-opfoelgning)"
        )
    }

    pub fn unreadable(path: &Path, e: &std::io::Error) -> String {
        format!("kan ikke læse {}: {e}", path.display())
    }
}

/// What each key does, as the help overlay says it.
pub mod keys {
    pub const QUIT: &str = "Afslut programmet (alt er gemt)";
    pub const LOCK: &str =
        "Lås skærmen nu (den låser også selv efter nogle minutter uden tastetryk)";
    pub const UNLOCK: &str = "Lås op (en krypteret mappe: med adgangskoden)";
    pub const DELETE_ITEM: &str =
        "Slet det valgte (en session, eller et forløb med alle dets sessioner); der spørges først";
    pub const REOPEN: &str = "Genåbn den færdige session for ændringer (der spørges først; genåbningen noteres med dato)";
    pub const HELP: &str = "Vis hjælpen";
    pub const CLOSE_HELP: &str = "Luk hjælpen";
    pub const SCROLL_UP: &str = "Rul op";
    pub const SCROLL_DOWN: &str = "Rul ned";
    pub const UP: &str = "Op";
    pub const DOWN: &str = "Ned";
    pub const START_TOOL: &str = "Start det valgte redskab";
    pub const NEXT_TAB: &str = "Næste fane: Redskaber → Forløb → Sessioner → Viden";
    pub const PREV_TAB: &str = "Forrige fane";
    pub const SHOW_SESSIONS: &str = "Vis gemte sessioner";
    pub const INTRODUCTION: &str = "Læs introduktionen til redskaberne og oversigten over dem";
    pub const START_BACK: &str = "Afslut programmet";
    pub const FORLOEB_OPEN: &str = "Åbn det valgte forløb";
    pub const FORLOEB_SESSION: &str = "Åbn den valgte session";
    pub const NEW_FORLOEB: &str = "Nyt forløb";
    pub const NEW_TOOL: &str = "Start et redskab i forløbet";
    pub const MOVE: &str = "Flyt sessionen til et forløb (eller et nyt)";
    pub const SEARCH_FORLOEB: &str =
        "Søg i forløbene: etiket, eller et redskabs nummer eller navn blandt sessionerne";
    pub const SEARCH_END: &str = "Stop søgningen";
    pub const JUMP_TO_NUMBER: &str = "Gå til redskab nr. (1 og 3: Redskab 13)";
    pub const FIRST: &str = "Første linje";
    pub const LAST: &str = "Sidste linje";
    pub const CARRY: &str = "Start den matchende version med svarene fra den valgte session";
    pub const ADD_LOG: &str = "Skriv en note i MSB-loggen";
    pub const IMPORT: &str = "Importér en delt session (fra share) i forløbet; den bliver en ny session, intet overskrives";
    pub const NOTE: &str = "Vis dagens notat til journalen (forløbets redskaber i kort tekst)";
    pub const COPY_NOTE: &str = "Kopiér notatet til udklipsholderen gennem terminalen (OSC 52; terminalen skal tillade det)";
    pub const SAVE_NOTE: &str = "Gem notatet som tekstfil i mappen exports";
    pub const NOTE_EARLIER: &str = "Notatet for en tidligere dag i forløbet";
    pub const NOTE_LATER: &str = "Notatet for en senere dag i forløbet";
    pub const NOTE_CLOSE: &str = "Luk notatet";
    pub const FORLOEB_BACK: &str = "Tilbage (fra et forløb til listen, ellers til redskaberne)";
    pub const PAGE_UP: &str = "En side op";
    pub const PAGE_DOWN: &str = "En side ned";
    pub const READ_OPEN: &str = "Åbn det valgte";
    pub const READ_BACK: &str = "Tilbage (fra forsiden: til redskaberne)";
    pub const READ_CLOSE: &str = "Tilbage til siden før";
    pub const NEXT_LINK: &str = "Næste henvisning i teksten";
    pub const PREV_LINK: &str = "Forrige henvisning i teksten";
    pub const FOLLOW_LINK: &str = "Følg den valgte henvisning";
    pub const REGION_UP: &str = "Regionen over";
    pub const REGION_DOWN: &str = "Regionen under";
    pub const REGION_OPEN: &str = "Læs hvad rapporten siger om regionen";
    pub const REGION_BY_KEY: &str = "Vælg regionen med dens bogstav (står ved navnet)";
    pub const ANSWER_TRUE: &str = "Svar sandt";
    pub const ANSWER_FALSE: &str = "Svar falsk";
    pub const QUIZ_NEXT: &str = "Næste udsagn (efter det sidste: spil igen)";
    pub const READ_SOURCE: &str = "Læs teksten, udsagnet kommer fra";
    pub const QUIZ_BACK: &str = "Forlad quizzen (intet gemmes)";
    pub const RESUME: &str = "Fortsæt den valgte session";
    pub const SESSIONS_BACK: &str = "Ryd søgningen, ellers tilbage til redskaberne";
    pub const NEXT_FIELD: &str = "Næste felt (efter det sidste: næste trin)";
    pub const PREV_FIELD: &str = "Forrige felt";
    pub const NEXT_STEP: &str = "Næste trin (felter kan stå tomme)";
    pub const PREV_STEP: &str = "Forrige trin";
    pub const REVIEW: &str = "Gennemse alle svar";
    pub const REMOVE_ROW: &str = "Slet punktet eller rækken";
    pub const LABEL: &str = "Giv sessionen en etiket";
    pub const PICK: &str =
        "Hent en opgave fra ressourcebanken ind i listen (hvor feltet tilbyder det)";
    pub const LEAVE_FIELD: &str = "Forlad feltet (pilene ruller så teksten)";
    pub const BACK_INTO_FIELDS: &str = "Tilbage i felterne";
    pub const CLOSE_SESSION: &str = "Luk sessionen (den er gemt)";
    pub const CHOOSE_PREV: &str = "Forrige svarmulighed";
    pub const CHOOSE_NEXT: &str = "Næste svarmulighed";
    pub const CHOOSE_BY_KEY: &str = "Vælg svaret med dets nummer (1, 2, …) eller forbogstav";
    pub const TOGGLE: &str = "Sæt eller fjern kryds";
    pub const TICK: &str = "Sæt kryds";
    pub const UNTICK: &str = "Fjern krydset";
    pub const TICK_HINT: &str = "Andre taster: sig, hvordan man sætter kryds";
    pub const PRESS: &str = "Tilføj et punkt eller en række, eller åbn redskabet";
    pub const CLEAR: &str = "Fjern svaret";
    pub const NEW_LINE: &str = "Ny linje";
    pub const RESTORE: &str = "Giv afsnittet rapportens ordlyd igen";
    pub const LINE_UP: &str = "Linjen over";
    pub const LINE_DOWN: &str = "Linjen under";
    pub const TYPE: &str = "Skriv tegnet";
    pub const CHAR_LEFT: &str = "Et tegn til venstre";
    pub const CHAR_RIGHT: &str = "Et tegn til højre";
    pub const WORD_LEFT: &str = "Et ord til venstre";
    pub const WORD_RIGHT: &str = "Et ord til højre";
    pub const LINE_START: &str = "Til starten af linjen";
    pub const LINE_END: &str = "Til slutningen af linjen";
    pub const DELETE_BACK: &str = "Slet tegnet før markøren";
    pub const DELETE_FORWARD: &str = "Slet tegnet under markøren";
    pub const DELETE_WORD_BACK: &str = "Slet ordet før markøren";
    pub const DELETE_WORD_FORWARD: &str = "Slet ordet efter markøren";
    pub const DELETE_TO_END: &str = "Slet resten af linjen";
    pub const DELETE_TO_START: &str = "Slet linjen før markøren";
    pub const UNDO: &str = "Fortryd i teksten";
    pub const REDO: &str = "Gentag i teksten";
    pub const GOTO_FIELD: &str = "Gå til feltet";
    pub const COMPLETE: &str = "Afslut sessionen som færdig";
    pub const EXPORT: &str =
        "Eksportér til fil: HTML til udskrift, Markdown eller tekst til journalen";
    pub const BACK_TO_STEPS: &str = "Tilbage til sidste trin";
    pub const REVIEW_BACK: &str = "Tilbage til trinnene";
    pub const CONFIRM: &str = "Gem eller udfør";
    pub const CANCEL: &str = "Fortryd og luk";
    pub const DIALOG_UP: &str = "Forrige linje / forrige punkt";
    pub const DIALOG_DOWN: &str = "Næste linje / næste punkt";
    pub const DIALOG_PREV: &str = "Forrige valg (format, modtager)";
    pub const DIALOG_NEXT: &str = "Næste valg (format, modtager)";
    pub const SPACE: &str = "Mellemrum";
    pub const ENTER: &str = "Enter";
    pub const ESC: &str = "Esc";
    pub const TAB: &str = "Tab";
    pub const HOME: &str = "Home";
    pub const END: &str = "End";
    pub const PAGE_UP_KEY: &str = "PgUp";
    pub const PAGE_DOWN_KEY: &str = "PgDn";
    pub const BACKSPACE: &str = "Backspace";
    pub const DELETE: &str = "Delete";
    /// Modifier prefixes: "Ctrl-Q", "Alt-←", "Shift-Tab".
    pub const CTRL: &str = "Ctrl-";
    pub const ALT: &str = "Alt-";
    pub const SHIFT: &str = "Shift-";
    /// A key class: any letter, digit or sign.
    pub const ANY_CHAR: &str = "tegn";
    pub const DIGIT: &str = "0–9";
}

/// The footer's short words for keys.
pub mod hints {
    pub const QUIT: &str = "afslut";
    pub const LOCK: &str = "lås";
    pub const UNLOCK: &str = "lås op";
    pub const DELETE: &str = "slet";
    pub const REOPEN: &str = "genåbn";
    pub const HELP: &str = "hjælp";
    pub const CLOSE: &str = "luk";
    pub const SCROLL: &str = "rul";
    pub const CHOOSE: &str = "vælg";
    pub const START: &str = "start";
    pub const INTRODUCTION: &str = "oversigt";
    pub const NEXT_TAB: &str = "næste fane";
    pub const OPEN: &str = "åbn";
    pub const NEW_FORLOEB: &str = "nyt forløb";
    pub const NEW_TOOL: &str = "nyt redskab";
    pub const SEARCH: &str = "søg";
    pub const CARRY: &str = "videreført";
    pub const LOG: &str = "log";
    pub const NOTE: &str = "notat";
    pub const COPY: &str = "kopiér";
    pub const SAVE: &str = "gem";
    pub const DAY: &str = "dag";
    pub const BACK: &str = "tilbage";
    pub const RESUME: &str = "fortsæt";
    pub const READ: &str = "læs";
    pub const LINK: &str = "henvisning";
    pub const FOLLOW: &str = "følg";
    pub const TRUE: &str = "sandt";
    pub const FALSE: &str = "falsk";
    pub const NEXT: &str = "videre";
    pub const READ_SOURCE: &str = "læs kilden";
    pub const NEXT_FIELD: &str = "næste felt";
    pub const NEXT_STEP: &str = "næste trin";
    pub const REVIEW: &str = "gennemse";
    pub const LEAVE_FIELD: &str = "forlad felt";
    pub const CHOOSE_BY_KEY: &str = "vælg med tal eller forbogstav";
    pub const TOGGLE: &str = "sæt kryds";
    pub const PRESS: &str = "tryk";
    pub const GOTO_FIELD: &str = "gå til feltet";
    pub const COMPLETE: &str = "afslut som færdig";
    pub const EXPORT: &str = "eksportér";
    pub const CONFIRM: &str = "udfør";
    pub const CANCEL: &str = "fortryd";
    pub const CHOOSE_LINE: &str = "vælg linje";
    pub const CHANGE: &str = "skift";
    pub const RESTORE: &str = "rapportens ordlyd";
}

/// Texts of the screens.
pub mod ui {
    pub const APP: &str = "VEJEN FREM";
    pub const TOOLS: &str = "Redskaber";
    pub const SESSIONS: &str = "Sessioner";
    pub const READING: &str = "Viden";
    pub const FORLOEB: &str = "Forløb";
    pub const FORLOEB_ADVICE: &str = "Et forløb samler sessionerne om én person. Brug et pseudonym eller initialer – aldrig CPR-nummer eller fulde navn.";
    pub const NO_FORLOEB: &str = "Ingen forløb endnu. Tryk n for at oprette et.";
    pub const NEW_FORLOEB_TITLE: &str = "Nyt forløb";
    pub const MOVE_TITLE: &str = "Flyt sessionen til et forløb";
    pub fn no_tool_number(number: &str) -> String {
        format!("Der er intet redskab nummer {number} her.")
    }

    /// In front of the search over the forløb.
    pub const SEARCH_LABEL: &str = "Søg:";

    /// Above the tools a forløb's picker offers first.
    pub const SUGGESTED: &str = "Forslag til næste redskab";

    /// The first line of the move dialog: a new forløb, with the typed label if any.
    pub fn move_new(typed: &str) -> String {
        match typed.is_empty() {
            true => "+ Nyt forløb …".to_string(),
            false => format!("+ Nyt forløb: {typed}"),
        }
    }

    /// Closing a session whose link was followed from a session deleted meanwhile.
    pub const BEHIND_DELETED: &str = "Sessionen, du kom fra (med henvisningen), er slettet imens.";
    pub fn moved(label: &str) -> String {
        format!("Sessionen hører nu til forløbet {label}.")
    }

    /// Asked when `--forloeb` names a forløb that does not exist.
    pub fn forloeb_missing(label: &str) -> String {
        format!(
            "Der er intet forløb, der hedder {label}. Enter opretter det (ret navnet først, hvis det er skrevet forkert); Esc fortryder. {FORLOEB_ADVICE}"
        )
    }
    pub const LABEL_EMPTY: &str = "Skriv en etiket (pseudonym eller initialer).";
    pub const LABEL_CPR: &str =
        "Det ligner et CPR-nummer. Brug et pseudonym eller initialer i stedet.";
    pub const FORLOEB_SESSIONS: &str = "Sessioner";
    pub const NO_FORLOEB_SESSIONS: &str = "Ingen sessioner endnu. Tryk t for at starte et redskab, eller i for at importere en session, som en anden har delt med dig.";
    pub const MSB_LOG: &str = "MSB-log";
    pub const NO_LOG: &str = "Ingen noter endnu. Tryk l for at skrive i loggen.";
    pub const LOG_TITLE: &str = "Ny note i MSB-loggen";
    pub const LOG_FIELDS: [&str; 4] = ["Dato", "Hvem", "Med hvem", "Hvad blev aftalt"];
    pub const LOG_FINAL: &str = "Noter kan ikke ændres bagefter.";
    pub const LOG_INCOMPLETE: &str = "Skriv hvem, med hvem og hvad der blev aftalt.";
    pub const FOLLOWUPS: &str = "Opfølgninger";
    pub const PICK_HINT: &str =
        "Ctrl-P henter alternative opgaver fra ressourcebanken (Redskab 8).";
    pub const PICK_TITLE: &str = "Vælg en opgave";
    pub const PICK_NONE: &str = "Ressourcebanken er tom: udfyld Redskab 8 for arbejdspladsen først (giv den arbejdspladsens navn som etiket med Ctrl-L).";
    pub const PICK_FULL: &str = "Listen er fuld.";
    pub const NO_WORKPLACE: &str = "(arbejdsplads uden navn)";
    pub const CARRIED: &str = "↳ overført fra en tidligere session – kan rettes";
    pub const ADAPT_HINT: &str = "Tilpas afsnittet til jeres arbejdsplads. Et navn i {…} udfyldes med svaret på det spørgsmål; et tomt afsnit udelades. Ctrl-G: rapportens ordlyd igen.";
    pub const ADAPTED: &str = "↳ tilpasset – gennemsynet (Ctrl-R) viser rapportens ordlyd";
    pub const LEFT_OUT: &str = "↳ udeladt – rapportens ordlyd står gråt ovenfor";
    pub const NOTHING_TO_CARRY: &str =
        "Den valgte session har ingen matchende version at føre svarene over i.";

    pub fn no_region(typed: char, keys: &[char]) -> String {
        let keys: Vec<String> = keys.iter().map(char::to_string).collect();
        format!(
            "Ingen region har bogstavet »{typed}«. Vælg med {} eller pilene.",
            keys.join(", ")
        )
    }
    pub fn open_tool(number: Option<u32>, title: &str) -> String {
        match number {
            Some(number) => format!("→ Åbn Redskab {number}: {title}"),
            None => format!("→ Åbn {title}"),
        }
    }
    pub fn pick_banner(label: &str) -> String {
        format!("Vælg et redskab til forløbet »{label}« (Esc fortryder)")
    }
    pub fn carried(n: usize) -> String {
        format!("{n} svar er overført og markeret; de kan rettes.")
    }
    pub fn forloeb_row(label: &str, sessions: usize, next: Option<chrono::NaiveDate>) -> String {
        let next = next
            .map(|d| format!(" · næste opfølgning {}", d.format(super::words::DATE)))
            .unwrap_or_default();
        let sessions = match sessions {
            1 => "1 session".to_string(),
            n => format!("{n} sessioner"),
        };
        format!("{label} · {sessions}{next}")
    }
    /// After a session in a forløb: " · opfølgning 24-11-2026".
    pub fn follow_up_suffix(date: &str) -> String {
        format!(" · opfølgning {date}")
    }
    pub fn due_row(label: &str, tool: &str, date: chrono::NaiveDate, days: i64) -> String {
        let who = if label.is_empty() { "–" } else { label };
        format!(
            "{} · {who} · {tool} · {}",
            date.format(super::words::DATE),
            super::days_left(days)
        )
    }
    pub const NO_SESSIONS: &str = "Ingen gemte sessioner endnu. Vælg et redskab for at begynde.";
    pub const NO_MATCH: &str = "Ingen sessioner passer til søgningen.";
    pub const FILTER: &str = "Søg";
    pub const FILTER_HINT: &str = "skriv for at søge";
    pub const DAMAGED: &str = "beskadiget";
    pub const DRAFT: &str = "kladde";
    pub const COMPLETED: &str = "færdig";
    pub const REOPENED: &str = "genåbnet";
    pub const REVIEW: &str = "Gennemse";
    pub const MISSING: &str = "mangler";
    pub const INVALID: &str = "ugyldigt";
    pub const NOT_ANSWERED: &str = "(ikke besvaret)";
    pub const MORE: &str = "… (Enter viser det hele)";
    pub const ADD_ENTRY: &str = "+ Tilføj";
    pub const ADD_ROW: &str = "+ Tilføj række";
    pub const ADD_WEEK: &str = "+ Tilføj uge";
    pub const FROM: &str = "Fra";
    pub const TO: &str = "Til";
    pub const ROW: &str = "Række";
    pub const COMMENT: &str = "Kommentar";
    pub const ROW_SAVED: &str = "gemt tidligere; ret ved at tilføje en ny række";
    pub const WEEK: &str = "Uge";
    pub const HELP_TITLE: &str = "Hjælp – taster";
    pub const LABEL_TITLE: &str = "Etiket for sessionen";
    pub const LABEL_ADVICE: &str = "Brug et pseudonym eller initialer – ikke CPR-nummer eller fulde navn. Enter gemmer, Esc fortryder.";
    pub const ALL_ANSWERED: &str =
        "Alle krævede felter er udfyldt. Tryk a for at afslutte sessionen som færdig.";
    pub const COMPLETED_NOW: &str =
        "Sessionen er afsluttet som færdig og gemt. Den kan nu kun læses; g genåbner den.";
    pub const SEALED: &str = "Færdig: kun til læsning. Genåbn den med g i gennemsynet (Ctrl-R).";
    pub const SEALED_MARK: &str = "færdig · kun læsning";
    pub const NOT_SEALED: &str = "Sessionen er ikke afsluttet som færdig; den kan ændres.";
    pub const REOPEN_TITLE: &str = "Genåbn den færdige session?";
    pub const REOPEN_WHAT: &str = "Den bliver kladde igen og kan ændres. Genåbningen noteres med dato i sessionens historik, og dens dokumenter siger ikke længere »færdig« og har ingen underskriftslinjer, før den er afsluttet igen.";
    pub const REOPEN_FINAL: &str = "Enter genåbner, Esc lader den være færdig.";
    pub const REOPENED_NOW: &str = "Sessionen er genåbnet og kan ændres; genåbningen er noteret.";
    pub const HISTORY: &str = "Historik";
    pub const DELETE_DAMAGED: &str =
        "En beskadiget fil slettes ikke herfra; se filen i datamappen.";
    pub const DELETE_TITLE: &str = "Slet for altid?";
    pub const DELETE_FINAL: &str = "Det kan ikke fortrydes. Enter sletter, Esc fortryder.";
    pub const PURGE_TITLE: &str = "Gamle forløb og sessioner";
    pub fn purge_intro(period: &str) -> String {
        format!("Ikke rørt i {period} (afsluttede forløb og sessioner uden forløb):")
    }
    pub fn deleted(sessions: usize) -> String {
        match sessions {
            1 => "Slettet: 1 session.".to_string(),
            n => format!("Slettet: {n} sessioner."),
        }
    }
    pub fn export_goes(file: &std::path::Path) -> String {
        format!("det eksporterede dokument {}", file.display())
    }
    pub fn period(period: crate::core::retention::Period) -> String {
        use crate::core::retention::Period;
        match period {
            Period::Days(1) => "1 dag".into(),
            Period::Days(n) => format!("{n} dage"),
            Period::Months(1) => "1 måned".into(),
            Period::Months(n) => format!("{n} måneder"),
            Period::Years(1) => "1 år".into(),
            Period::Years(n) => format!("{n} år"),
        }
    }
    pub const HEALTH_TITLE: &str = "Helbred i arbejdsgiverens kopi";
    pub fn health_line(field: &str, words: &[String]) -> String {
        format!("»{field}« nævner {}", words.join(", "))
    }
    pub const HEALTH_FINAL: &str = "Arbejdsgiveren skal læse om funktion og opgaver, ikke om helbred. Enter eksporterer alligevel, Esc går tilbage og retter.";
    pub fn health_hint(words: &[String]) -> String {
        format!(
            "Nævner helbred ({}): kommer med i arbejdsgiverens kopi. Skriv om funktion og opgaver.",
            words.join(", ")
        )
    }
    pub const CPR_WARNING: &str =
        "! Ligner et CPR-nummer. Skriv det ikke her: brug et pseudonym eller initialer.";
    pub const FULL_NAME_WARNING: &str =
        "Ligner et fuldt navn. Brug hellere initialer eller et pseudonym.";
    pub const PRIVATE_MARK: &str = "fortroligt";
    /// A field's label, marked as kept out of the employer's copy.
    pub fn private(label: &str) -> String {
        match label {
            "" => format!("[{PRIVATE_MARK}]"),
            label => format!("{label} [{PRIVATE_MARK}]"),
        }
    }
    pub const LEAVES_STORE: &str = "Mappen er krypteret: dokumentet gemmes ukrypteret uden for den, hvor du vælger. Husk at slette det, når det er brugt.";
    pub const LOCKED_TITLE: &str = "Låst";
    pub const LOCKED_PLAIN: &str = "Skærmen er låst. Tryk Enter for at fortsætte.";
    pub const LOCKED_PLAIN_NOTE: &str =
        "Mappen er ikke krypteret: låsen skjuler kun skærmen. Se »vejen-frem encrypt«.";
    pub const LOCKED_ENCRYPTED: &str =
        "Skærmen er låst. Skriv adgangskoden og tryk Enter for at fortsætte.";
    pub const OPEN_ENCRYPTED: &str = "Datamappen er krypteret. Skriv adgangskoden og tryk Enter.";
    pub const UNLOCKING: &str = "Låser op …";
    pub const WRONG_PASSPHRASE: &str = "Forkert adgangskode. Prøv igen.";
    pub const IS_COMPLETED: &str = "Sessionen er afsluttet som færdig.";
    pub const CHECK_ANSWERED: &str = "☑";
    pub const CHECK_OPEN: &str = "☐";
    pub const EMPTY_CHOICE_HINT: &str = "←/→, tal eller forbogstav vælger";
    pub const TOGGLE_HINT: &str = "mellemrum sætter kryds";
    /// The report's example in an empty field, said to be one: greyed is not enough
    /// without colours.
    pub fn example(hint: &str) -> String {
        match hint.get(..2) {
            Some(fx) if fx.eq_ignore_ascii_case("fx") => hint.to_string(),
            _ => format!("Fx {hint}"),
        }
    }
    /// A message in the footer that is an error, marked as one.
    pub fn error_note(text: &str) -> String {
        format!("! {text}")
    }
    pub const WHO_ARE_YOU: &str = "Hvem er du? Så kommer det, der angår dig, først";
    pub const TRY_YOURSELF: &str = "Prøv selv";
    pub const ALL_SECTIONS: &str =
        "Rapportens tekster: de seks afsnit og introduktionen til redskaberne";
    pub const BODY_ITEM: &str = "Kroppen – hvad rapporten siger om MSB i kroppens regioner";
    pub const QUIZ_ITEM: &str = "Quiz – sandt eller falsk om MSB";
    pub const REFLECTIONS_ITEM: &str =
        "Overvejelser – spørgsmålene fra afsnittene, for jeres arbejdsplads";
    pub const REFLECTIONS_INTRO: &str = "Spørgsmålene efter hvert af de seks afsnit, besvaret for én arbejdsplads ad gangen. Svarene gemmes som en session med arbejdspladsens navn og kan eksporteres til arbejdsmiljømødet (Ctrl-R, e).";
    pub const NEW_WORKPLACE: &str = "+ Ny arbejdsplads …";
    pub const WORKPLACES: &str = "Arbejdspladser med svar";
    pub const TO_REFLECTIONS: &str = "→ Svar på overvejelserne for jeres arbejdsplads";
    pub const TOOLS_NAMED: &str = "Redskaber, teksten nævner";
    pub const BODY_TITLE: &str = "Kroppen";
    pub const BODY_HELP: &str =
        "Vælg en region med pilene eller dens bogstav; Enter viser, hvad rapporten siger.";
    pub const QUIZ_TITLE: &str = "Quiz";
    pub const QUIZ_QUESTION: &str = "Er det sandt eller falsk? Tryk s eller f.";
    pub const QUIZ_RIGHT: &str = "✓ Rigtigt";
    pub const QUIZ_WRONG: &str = "✗ Forkert";
    pub const QUIZ_REPORT_SAYS: &str = "Rapporten siger:";
    pub const QUIZ_AGAIN: &str = "Enter spiller igen, Esc går tilbage. Intet af quizzen gemmes.";
    pub const QUIZ_EMPTY: &str = "Quizzen har ingen udsagn.";

    /// Who an entry is for, as its heading, and the order it gives.
    pub fn audience_heading(
        audience: crate::core::definition::Audience,
    ) -> (&'static str, &'static str) {
        use crate::core::definition::Audience;
        match audience {
            Audience::Medarbejder => (
                "Til dig som medarbejder",
                "Først hvad MSB er, og hvordan det håndteres på arbejdspladsen, så dine redskaber til samtalen med din leder, og så resten af afsnittene. Hvert afsnit har sin case.",
            ),
            Audience::Leder => (
                "Til dig som leder",
                "Først hvorfor MSB angår arbejdspladsen, og hvordan det håndteres, så dine redskaber til samtalen med medarbejderen og til arbejdsmiljøarbejdet, og så resten af afsnittene. Hvert afsnit har sin case.",
            ),
            Audience::Arbejdsmiljoorganisation => (
                "Til dig i arbejdsmiljøorganisationen",
                "Først forebyggelse og redskaberne til arbejdsmiljøarbejdet – MSB-politik, ressourcebank og evaluering – og så resten af afsnittene. Hvert afsnit har sin case.",
            ),
            Audience::Laege => (
                "Til dig som praktiserende læge",
                "Først redskaberne til konsultationen med deres baggrund – screeningen og aktionspunkterne – så afsnittene, med håndteringen af MSB først. Hvert afsnit har sin case.",
            ),
        }
    }
    /// A case in lists and links: the report's heading and whose story it is.
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
        format!("Rapporten siger ikke noget særskilt om MSB {place}. Den siger kun generelt:")
    }
    pub fn no_tools(place: &str) -> String {
        format!(
            "Rapporten nævner ingen redskaber i forbindelse med MSB {place}. Redskaberne under Redskaber er til MSB generelt."
        )
    }
    /// What is written about a region, in the body screen's preview.
    pub fn passages(n: usize) -> String {
        match n {
            0 => "Rapporten siger ikke noget særskilt om regionen.".into(),
            1 => "1 tekst fra rapporten".into(),
            n => format!("{n} tekster fra rapporten"),
        }
    }
    pub fn quiz_progress(n: usize, total: usize) -> String {
        format!("Quiz · udsagn {n} af {total}")
    }
    pub fn quiz_verdict(right: bool, answer: bool) -> String {
        let verdict = if right { QUIZ_RIGHT } else { QUIZ_WRONG };
        let truth = if answer { "sandt" } else { "falsk" };
        format!("{verdict} – udsagnet er {truth}.")
    }
    /// Where a quote is from.
    pub fn from_source(source: &str) -> String {
        format!("Fra: {source}")
    }
    pub fn quiz_score(right: usize, total: usize) -> String {
        format!("Du svarede som rapporten på {right} af {total} udsagn.")
    }
    pub const IMPORT_TITLE: &str = "Importér en delt session";
    pub const IMPORT_FILE: &str = "Fil";
    pub const IMPORT_PASSPHRASE: &str = "Adgangskode";
    pub const IMPORT_KEY: &str = "Nøglefil";
    pub const IMPORT_FILE_HINT: &str =
        "Skriv stien til den delte fil, og tryk Enter. Esc fortryder.";
    pub const IMPORT_PASSPHRASE_HINT: &str =
        "Filen er krypteret med en adgangskode: skriv den, og tryk Enter.";
    pub const IMPORT_KEY_HINT: &str = "Filen er krypteret til en nøgle: skriv stien til din nøglefil (fra vejen-frem share-key), og tryk Enter.";
    pub const IMPORTING: &str = "Åbner den delte fil …";
    pub const IMPORT_NO_FILE: &str = "Skriv først stien til den delte fil.";
    /// On an imported session's first step and in its review.
    pub fn imported_from(provenance: &str) -> String {
        format!("{}: {provenance}.", super::share::IMPORTED)
    }
    pub fn import_into(forloeb: &str) -> String {
        format!("Sessionen importeres som en ny session i forløbet »{forloeb}«; intet overskrives.")
    }
    /// Said once the import is done; `tool` as in a heading ("Redskab 1 · …").
    pub fn imported(tool: &str, provenance: &str) -> String {
        format!("Importeret: {tool}. {provenance}.")
    }
    pub const EXPORT_TITLE: &str = "Eksportér sessionen";
    pub const EXPORT_FORMAT: &str = "Format";
    pub const EXPORT_RECIPIENT: &str = "Til";
    pub const EXPORT_FILE: &str = "Fil";
    pub const EXPORT_EXISTS: &str = "Filen findes allerede. Enter overskriver den, Esc fortryder.";
    pub const EXPORT_EMPLOYER_NOTE: &str =
        "Arbejdsgiverens kopi: fortrolige felter kommer ikke med.";

    pub const FORMAT_HTML: &str = "HTML (til udskrift)";
    pub const FORMAT_MARKDOWN: &str = "Markdown";
    pub const FORMAT_TEXT: &str = "Tekst (journal, 72 tegn)";
    pub const FOR_EMPLOYEE: &str = "Medarbejder / patient";
    pub const FOR_EMPLOYER: &str = "Arbejdsgiver";
    pub const FOR_RECORD: &str = "Journal";
    pub const FOR_WORKPLACE: &str = "Arbejdspladsen (til arbejdsmiljømødet)";
    pub fn exported(path: &std::path::Path) -> String {
        format!("Eksporteret: {}", path.display())
    }

    pub fn step_of(k: usize, n: usize) -> String {
        format!("Trin {k} af {n}")
    }
    /// "Redskab 10 · Screening …"; a walk that is no redskab by its title alone.
    pub fn tool_heading(number: Option<u32>, title: &str) -> String {
        match number {
            Some(number) => format!("Redskab {number} · {title}"),
            None => title.to_string(),
        }
    }
    /// "6 MSB-aftale"; a walk that is no redskab by its title alone.
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
        match n {
            1 => {
                "1 felt mangler eller er ugyldigt (markeret med !). Enter går til det valgte felt."
                    .into()
            }
            n => format!(
                "{n} felter mangler eller er ugyldige (markeret med !). Enter går til det valgte felt."
            ),
        }
    }
    pub fn cannot_complete(n: usize) -> String {
        match n {
            1 => {
                "Kan ikke afslutte endnu: 1 krævet felt mangler eller er ugyldigt (markeret med !)."
                    .into()
            }
            n => format!(
                "Kan ikke afslutte endnu: {n} krævede felter mangler eller er ugyldige (markeret med !)."
            ),
        }
    }
    pub fn saved_at(time: &str) -> String {
        format!("gemt {time}")
    }
    pub const TO_EMPLOYER: &str =
        "Kan gå til arbejdsgiveren: skriv om funktion og opgaver, ikke diagnoser.";
    pub const PRIVATE_FIELD: &str = "Fortroligt felt: kommer ikke med i arbejdsgiverens kopi.";
    pub const SAVED_BEFORE_LOCK: &str = "Alt er gemt.";
    pub const ABOUT_WORKPLACE: &str = "Svarene handler om arbejdspladsen: skriv ikke navne eller helbredsoplysninger om enkelte medarbejdere.";
    pub const WORKPLACE_TITLE: &str = "Arbejdspladsens navn";
    pub const WORKPLACE_ADVICE: &str = "Svarene handler om arbejdspladsen, ikke om en person: skriv fx afdeling eller team. Enter gemmer, Esc fortryder.";
    pub const WORKPLACE_EMPTY: &str = "Skriv arbejdspladsens navn.";
    pub const QUIT_UNSAVED: &str = "KUNNE IKKE GEMME – svarene er ikke på disken. Ret fejlen, eller tryk Ctrl-Q igen for at afslutte uden at gemme.";
    pub const SAVING: &str = "gemmer …";
    pub fn save_failed(e: &str) -> String {
        format!("KUNNE IKKE GEMME: {e}. Dine svar er stadig her; programmet prøver igen.")
    }
    pub fn damaged(reason: &str) -> String {
        format!("Filen er beskadiget og åbnes ikke (den overskrives aldrig): {reason}")
    }
    pub fn unknown_tool(tool: &str) -> String {
        format!("Sessionen hører til redskabet `{tool}`, som ikke findes i denne udgave.")
    }
    pub fn read_only(reason: &str) -> String {
        format!("Kun til læsning – intet bliver gemt: {reason}.")
    }
    pub const READ_ONLY_MARK: &str = "kun læsning";
    pub const READING_FOLDER: &str = "Læser sessionerne …";
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
        match days {
            0 | 1 => format!("Notat til journalen · {day}"),
            days => format!("Notat til journalen · {day} ({n} af {days} dage)"),
        }
    }
    pub fn note_title_short(day: &str) -> String {
        format!("Notat · {day}")
    }
    pub const NO_NOTE: &str =
        "Forløbet har ingen sessioner med svar endnu: start et redskab med t.";
    pub fn no_note_on(day: &str) -> String {
        format!("Forløbet har ingen svar fra {day}.")
    }
    pub const NOTE_COPIED: &str =
        "Kopieret gennem terminalen (OSC 52) – kun hvis terminalen tillader det; ellers gem med g.";
    pub fn note_saved(path: &std::path::Path) -> String {
        format!("Notatet er gemt: {}", path.display())
    }
    pub const NOTE_EXISTS: &str = "Filen findes allerede. g igen overskriver den, Esc lukker.";
    /// Under a date being typed: the date it will be read as ("= mandag 04-01-2027").
    pub fn reads_as(date: &str) -> String {
        format!("= {date}")
    }
}

/// An input error as shown next to the field.
impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The months' names, as they are also typed.
        use crate::core::input::MONTH_NAMES as MONTHS;
        let text = match self {
            InputError::NotADate => {
                "Skriv datoen som dd-mm-åååå, fx 24-11-2026 – eller 4/1, +14, +2u, i morgen, fredag."
                    .into()
            }
            InputError::NoSuchDate { day, month, year } => match (*month as usize)
                .checked_sub(1)
                .and_then(|i| MONTHS.get(i))
            {
                Some(name) => format!("{day}. {name} {year} findes ikke. Ret datoen (dd-mm-åååå)."),
                None => format!("Der er ingen måned {month}. Skriv datoen som dd-mm-åååå."),
            },
            InputError::NotANumber => "Skriv et tal, fx 20 eller 18,5.".into(),
            InputError::OutOfRange { min, max, unit } => {
                let n = words::number;
                format!("Skal være mellem {} og {} {unit}.", n(*min), n(*max))
            }
            InputError::NotAWeek => "Skriv ugenummeret, fx 48 eller 48/2026.".into(),
            InputError::NoSuchWeek { week, year } => format!("{year} har ingen uge {week}."),
            InputError::EndBeforeStart => "Til-datoen ligger før fra-datoen.".into(),
            InputError::NotAnOption { typed, options } => format!(
                "»{typed}« er ikke et svar her. Vælg {} med ←/→, tal 1–{} eller forbogstav.",
                options.join(" / "),
                options.len()
            ),
        };
        f.write_str(&text)
    }
}

/// Plain mode (`--plain`, `TERM=dumb`, no terminal): what it writes, line by line, and the
/// command words it takes, each in Danish and English (they are data: a line that is one
/// of them, in any case, is the command).
pub mod plain {
    use super::ui;

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

    pub const WELCOME: &str =
        "VEJEN FREM, linje for linje. Skriv »hjælp« når som helst for at se, hvad du kan skrive.";
    pub const HOW: &str = "Ét spørgsmål ad gangen. En tom linje lader svaret stå og går videre; »tilbage« går et spørgsmål tilbage, »gennemse« viser alle svar, »afslut« gemmer og slutter. Alt gemmes, så snart det er svaret.";
    pub const RESUMING: &str = "Du fortsætter, hvor du slap.";
    pub const AT_THE_START: &str = "Det er det første spørgsmål.";
    pub const CARRIED: &str = "Svaret er overført fra en tidligere session; det kan rettes.";
    pub const WORKPLACE: &str =
        "Svarene handler om arbejdspladsen, ikke om en person: skriv fx afdeling eller team.";
    pub const SEALED: &str =
        "Sessionen er afsluttet som færdig og kan kun læses. Den kan genåbnes efter gennemsynet.";
    pub const CLEARED: &str = "Svaret er slettet.";
    pub const NOTHING_TO_CLEAR: &str = "Her er intet at slette.";
    pub const ONE_MORE: &str = "Skriv et punkt mere, eller en tom linje for at gå videre.";
    pub const NEW_TEXT: &str = "Ny tekst";
    pub const QUIT_UNSAVED: &str = "KUNNE IKKE GEMME – svarene er ikke på disken. Ret fejlen, eller skriv »afslut« igen for at slutte uden at gemme.";
    pub const ALL_ANSWERED: &str = "Alle krævede felter er udfyldt.";
    pub const WHAT_NOW: &str = "Hvad nu?";
    pub const COMPLETE: &str = "Afslut sessionen som færdig";
    pub const REOPEN: &str = "Genåbn den for ændringer (genåbningen noteres med dato)";
    pub const QUESTIONS: &str = "Tilbage til spørgsmålene";
    pub const CLOSE: &str = "Luk sessionen (den er gemt)";
    pub const ENCRYPTED: &str = "Datamappen er krypteret.";
    pub const GAVE_UP: &str = "forkert adgangskode tre gange; intet er læst";
    pub const NOT_SAVED: &str = "nogle svar kunne ikke gemmes (se ovenfor)";
    pub const CHOICE: &str = "Valg: ";
    pub const TOOLS: &str = "Redskaber:";
    pub const WHICH_TOOL: &str = "Skriv redskabets nummer for at starte det, eller »afslut«.";
    pub const TOOL_PROMPT: &str = "Redskab: ";

    /// The help: how to answer, and the command words (from the lists above).
    pub fn guide() -> Vec<String> {
        let word = |words: &[&str], what: &str| match words {
            [danish, english, ..] => format!("- {danish} ({english}): {what}"),
            _ => format!("- {}: {what}", words.first().copied().unwrap_or_default()),
        };
        vec![
            "Sådan svarer du:".to_string(),
            "- Skriv svaret, og tryk Enter. En tom linje lader svaret stå, som det er, og går videre.".to_string(),
            "- Et valg: skriv tallet foran svaret (1, 2 …) eller svaret selv.".to_string(),
            "- En dato: fx 24-11-2026, 4/1, +14, i morgen eller fredag.".to_string(),
            "- Flere linjer: slut svaret med en tom linje (eller et kommandoord på sin egen linje: svaret gemmes først).".to_string(),
            "- En liste eller en tabel: ét punkt eller én række ad gangen; en tom linje går videre.".to_string(),
            "Ord, du kan skrive i stedet for et svar:".to_string(),
            word(BACK, "spørgsmålet før"),
            word(SKIP, "videre uden at ændre svaret"),
            word(CLEAR, "slet svaret her (i en liste eller tabel: punktet eller rækken)"),
            word(REVIEW, "se alle svar, og afslut sessionen som færdig"),
            word(HELP, "denne hjælp"),
            word(QUIT, "gem og slut; vejen-frem --plain fortsætter senere, hvor du slap"),
            format!("Skal svaret være et af ordene, så skriv {ESCAPE} foran, fx {ESCAPE}{}.", BACK[0]),
            "Alt gemmes, så snart det er svaret.".to_string(),
        ]
    }

    /// "Trin 2 af 7: Fysisk tungt arbejde"
    pub fn step(k: usize, n: usize, title: &str) -> String {
        format!("{}: {title}", ui::step_of(k, n))
    }
    pub fn in_forloeb(label: &str) -> String {
        format!("Forløb: {label}")
    }
    pub fn labelled(label: &str) -> String {
        format!("Etiket: {label}")
    }
    /// A heading before what it heads.
    pub fn heading(text: &str) -> String {
        super::note::heading(text)
    }
    pub fn required(label: &str) -> String {
        format!("{label} (skal besvares)")
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
        format!("Eksempel: {bare}")
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
        if text.contains('\n') {
            let lines: Vec<String> = text.lines().map(|l| format!("  {l}")).collect();
            format!("Nu:\n{}\nEn tom linje beholder det.", lines.join("\n"))
        } else {
            format!("Nu: {text}. En tom linje beholder det.")
        }
    }
    pub fn now_invalid(raw: &str, error: &str) -> String {
        format!("Nu: »{raw}«, som ikke kan bruges. {error}")
    }
    pub fn chosen(label: &str) -> String {
        format!("Valgt: {label}.")
    }
    /// A date, number or week as it was read: "Læst som mandag 04-01-2027."
    pub fn reads_as(shown: &str, unit: &str) -> String {
        match unit {
            "" => format!("Læst som {shown}."),
            unit => format!("Læst som {shown} {unit}."),
        }
    }
    pub fn week_of(week: &str) -> String {
        format!("uge {week}")
    }
    /// What to type for a choice, said so that a screen reader reads it plainly.
    fn numbers(n: usize) -> String {
        match n {
            0 | 1 => "1".to_string(),
            2..=4 => {
                let first: Vec<String> = (1..n).map(|i| i.to_string()).collect();
                format!("{} eller {n}", first.join(", "))
            }
            n => format!("et tal fra 1 til {n}"),
        }
    }
    pub fn choose(n: usize) -> String {
        format!("Skriv {}: ", numbers(n))
    }
    pub fn not_an_option(typed: &str, labels: &[&str]) -> String {
        let each: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} for {l}", i + 1))
            .collect();
        let each = match each.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} eller {last}", rest.join(", ")),
            None => String::new(),
        };
        match typed.trim() {
            "" => format!("Skriv {each}."),
            typed => format!("»{typed}« er ikke et af svarene. Skriv {each} – eller svaret selv."),
        }
    }
    /// The line an answer is typed on: the place's name, or "Svar".
    fn named(name: &str, default: &str) -> String {
        match name {
            "" => default.to_string(),
            name => name.to_string(),
        }
    }
    pub fn text(name: &str) -> String {
        prompt(&named(name, "Svar"))
    }
    pub fn lines(name: &str) -> String {
        format!("{} (slut med en tom linje): ", named(name, "Svar"))
    }
    pub fn date(name: &str) -> String {
        format!("{} (dd-mm-åååå): ", named(name, "Dato"))
    }
    pub fn number(name: &str, unit: &str) -> String {
        match unit {
            "" => format!("{}: ", named(name, "Tal")),
            unit => format!("{} ({unit}): ", named(name, "Tal")),
        }
    }
    pub fn week(name: &str) -> String {
        format!("{} (fx 48): ", named(name, "Uge"))
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
        format!(
            "Ny række ({}): skriv »{first}«, eller en tom linje for at gå videre.",
            ui::row(n).to_lowercase()
        )
    }
    pub fn new_week(n: usize) -> String {
        format!(
            "Ny uge i skemaet ({}): skriv ugenummeret, eller en tom linje for at gå videre.",
            ui::row(n).to_lowercase()
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
        format!("Punkt {n} af {total}: {label}")
    }
    pub fn paragraph(n: usize, total: usize) -> String {
        format!(
            "Afsnit {n} af {total}. En tom linje beholder det; »{}« udelader det.",
            CLEAR[0]
        )
    }
    pub fn as_the_report(text: &str) -> String {
        format!("Rapportens ordlyd: {text}")
    }
    pub fn adapted(text: &str) -> String {
        format!("Tilpasset: {text}")
    }
    pub fn left_out(original: &str) -> String {
        format!("Udeladt. Rapportens ordlyd var: {original}")
    }
    /// A link to another tool, to open now or not.
    pub fn link(tool: &str, earlier: bool) -> String {
        match earlier {
            false => format!("→ {tool}. Åbn det nu (i samme forløb)?"),
            true => format!("→ {tool}. Åbn det igen (det, der blev startet herfra)?"),
        }
    }
    pub fn back_in(tool: &str) -> String {
        format!("Tilbage i {tool}.")
    }
    pub fn quit(id: &str, saved: bool) -> String {
        match saved {
            true => "Alt er gemt. Fortsæt senere med: vejen-frem --plain".to_string(),
            false => format!("Sluttet uden at gemme de sidste svar i sessionen {id}."),
        }
    }
    pub fn end_of_input(id: &str, saved: bool, on_disk: bool) -> String {
        match (saved, on_disk) {
            (true, true) => format!("Slut på input. Alt er gemt (sessionen {id})."),
            (true, false) => "Slut på input. Intet er besvaret, så intet er gemt.".to_string(),
            (false, _) => {
                format!("Slut på input. KUNNE IKKE GEMME de sidste svar i sessionen {id}.")
            }
        }
    }
    /// After the idle time: the sitting is closed, so nobody goes on with it at an
    /// unattended terminal; what the terminal shows is the terminal's.
    pub fn idle(id: &str, saved: bool, minutes: f64) -> String {
        let minutes = super::words::number(minutes);
        match saved {
            true => format!(
                "Intet skrevet i {minutes} minutter: alt er gemt, og programmet er lukket. Fortsæt med vejen-frem --plain. Luk også terminalvinduet, hvis andre kan se skærmen: det, der står i det, kan stadig læses."
            ),
            false => format!(
                "Intet skrevet i {minutes} minutter: programmet er lukket. KUNNE IKKE GEMME de sidste svar i sessionen {id}."
            ),
        }
    }
    pub fn review_heading(tool: &str, status: &str) -> String {
        format!("Gennemse: {tool} ({status})")
    }
    pub fn missing_count(n: usize) -> String {
        match n {
            1 => "1 felt mangler eller er ugyldigt (markeret med !).".to_string(),
            n => format!("{n} felter mangler eller er ugyldige (markeret med !)."),
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
        format!("Gå til det første felt, der mangler: {label}")
    }
    pub fn completed(id: &str, saved: bool) -> String {
        match saved {
            true => format!(
                "Sessionen er afsluttet som færdig og gemt. Eksportér den fx med: vejen-frem export {id} --format txt"
            ),
            false => format!("Sessionen er afsluttet som færdig, men KUNNE IKKE GEMMES ({id})."),
        }
    }
    pub fn closed(saved: bool) -> String {
        match saved {
            true => "Sessionen er lukket. Alt er gemt.".to_string(),
            false => "Sessionen er lukket, men de sidste svar KUNNE IKKE GEMMES.".to_string(),
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
        format!(
            "kan ikke spørge om adgangskoden ({e}): skriv den i en terminal, eller giv den med --passphrase-file FIL"
        )
    }
    pub fn no_forloeb(label: &str) -> String {
        format!(
            "Der er intet forløb, der hedder »{label}«. Opret det? {}",
            ui::FORLOEB_ADVICE
        )
    }
    pub fn forloeb_made(label: &str) -> String {
        format!("Forløbet »{label}« er oprettet.")
    }
    pub fn drafts(forloeb: Option<&str>) -> String {
        match forloeb {
            None => "Kladder, nyeste først:".to_string(),
            Some(label) => format!("Kladder i forløbet »{label}«, nyeste først:"),
        }
    }
    /// A draft in the list: the tool, whose it is, when it was changed.
    pub fn draft(tool: &str, whose: &[&str], when: &str) -> String {
        let whose: String = whose.iter().map(|w| format!(" · {w}")).collect();
        format!("{tool}{whose} · ændret {when}")
    }
    pub fn more_drafts(n: usize) -> String {
        format!(
            "… og {n} ældre; skriv begyndelsen af en kladdes id for at åbne den (»vejen-frem sessions« viser dem)."
        )
    }
    pub fn damaged(n: usize) -> String {
        match n {
            1 => "1 fil kunne ikke læses; »vejen-frem sessions« viser hvilken.".to_string(),
            n => format!("{n} filer kunne ikke læses; »vejen-frem sessions« viser hvilke."),
        }
    }
    pub fn draft_or_new(n: usize) -> String {
        format!(
            "Skriv {} for at fortsætte en kladde, eller »{}« for at starte et redskab.",
            numbers(n),
            NEW[0]
        )
    }
    pub fn not_a_draft(typed: &str, n: usize) -> String {
        format!("»{typed}« er ikke en af kladderne. {}", draft_or_new(n))
    }
    pub fn tool(title: &str, audience: &[&str]) -> String {
        format!("{title} ({})", audience.join(", "))
    }
    pub fn no_such_tool(typed: &str) -> String {
        format!("Der er intet redskab »{typed}«. Skriv et nummer fra listen.")
    }
}

/// Headings of the help overlay, one per key context.
pub mod help {
    pub const EVERYWHERE: &str = "Overalt";
    pub const LOCKED: &str = "På den låste skærm";
    pub const CONFIRMING: &str = "Når der spørges, før noget slettes eller genåbnes";
    pub const HELP: &str = "I hjælpen";
    pub const START: &str = "Redskaber (startskærmen)";
    pub const FORLOEB: &str = "Forløb";
    pub const FORLOEB_LIST: &str = "Forløb: listen";
    pub const FORLOEB_OPEN: &str = "Forløb: et forløb åbent";
    pub const NOTE: &str = "Notatet til journalen";
    pub const FORLOEB_SEARCH: &str = "Søgning i forløbene";
    pub const SESSIONS: &str = "Sessioner (skriv for at søge)";
    pub const READING: &str = "Viden (læsestof)";
    pub const READING_LIST: &str = "Viden: en liste (forsiden, en indgang, arbejdspladserne)";
    pub const READING_TEXT: &str = "Viden: en tekst åben";
    pub const READING_LINKS: &str = "Viden: en tekst med henvisninger";
    pub const BODY: &str = "Viden: kroppen";
    pub const QUIZ_ASK: &str = "Viden: quiz, et udsagn";
    pub const QUIZ_SHOWN: &str = "Viden: quiz, svaret eller resultatet";
    pub const WALK: &str = "I et trin";
    pub const UNFOCUSED: &str = "I et trin, uden markør i felterne";
    pub const NOT_TYPING: &str = "I et trin, uden for tekstfelter";
    pub const CHOOSING: &str = "På et valg (Ja / Nej …)";
    pub const TICKING: &str = "På en afkrydsning";
    pub const PRESSING: &str = "På en knap";
    pub const ONE_LINE: &str = "I et kort tekstfelt";
    pub const LINES: &str = "I et langt tekstfelt";
    pub const ADAPTING: &str = "I et afsnit af skabelonen";
    pub const TEXT: &str = "Når du skriver (felter, søgning, dialoger)";
    pub const REVIEW: &str = "Gennemse";
    pub const DIALOG: &str = "I dialoger (etiket, nyt forløb, MSB-log, eksport, valg af opgave)";
    pub const DIALOG_ROWS: &str = "I dialoger med flere linjer";
    pub const EXPORT_CHOICE: &str = "Eksport: format og modtager";
    /// How the screen can look, and the mode without a screen.
    pub const LOOK: &str = "Skærmen: vejen-frem --theme high-contrast giver lys tekst på sort til svage øjne (også theme: \"high-contrast\" i settings.ron); NO_COLOR=1 slår farverne fra. Intet vises kun med farve: ▶ står ved markøren, ! ved fejl og det, der mangler, [fortroligt] ved det, arbejdsgiveren ikke får. Med skærmlæser: vejen-frem --plain spørger linje for linje.";
    pub const EDITING: &str =
        "Indsæt tekst med terminalens indsæt. Alt gemmes automatisk, mens du skriver.";
}

/// Messages about session files.
pub mod store {
    use std::io;
    use std::path::Path;

    /// The first lines of every session file.
    pub const FILE_HEADER: &str =
        "// vejen-frem: svar fra én session. Fortrolige helbredsoplysninger – del ikke filen.\n";
    /// The first lines of every forløb file.
    pub const FORLOEB_HEADER: &str = "// vejen-frem: et forløb og dets MSB-log. Fortrolige helbredsoplysninger – del ikke filen.\n";
    /// A forløb offered for deletion, or named before it is deleted.
    pub fn forloeb_goes(label: &str, sessions: usize, notes: usize) -> String {
        format!(
            "forløbet »{label}« med {sessions} {} og MSB-loggen ({notes} {})",
            if sessions == 1 {
                "session"
            } else {
                "sessioner"
            },
            if notes == 1 { "note" } else { "noter" }
        )
    }
    pub fn session_goes(
        id: &str,
        label: &str,
        updated: chrono::DateTime<chrono::FixedOffset>,
    ) -> String {
        let label = if label.is_empty() {
            String::new()
        } else {
            format!(" »{label}«")
        };
        format!(
            "sessionen {id}{label}, senest ændret {}",
            updated.format(super::words::DATE)
        )
    }
    pub fn settings(file: &Path, problem: &str) -> String {
        format!("indstillingsfilen {}: {problem}", file.display())
    }
    pub fn bad_period(text: &str) -> String {
        format!("»{text}« er ikke en periode: skriv fx 30d, 12m eller 2y")
    }
    pub fn bad_theme(text: &str) -> String {
        format!("»{text}« er ikke et tema: skriv \"standard\" eller \"high-contrast\"")
    }
    pub const KEY_NOT_A_KEY: &str = "filen rummer ikke en nøgle til vejen-frem";
    pub const NOT_DECRYPTED: &str =
        "kan ikke dekrypteres: filen er ændret uden for vejen-frem eller beskadiget";
    pub const WRONG_PASSPHRASE: &str =
        "Forkert adgangskode. Intet er læst eller skrevet; prøv igen.";
    pub fn encrypted(dir: &Path) -> String {
        format!(
            "datamappen {} er krypteret: adgangskoden skal bruges",
            dir.display()
        )
    }
    pub fn key_damaged(file: &Path, reason: &str) -> String {
        format!("nøglefilen {} kan ikke bruges: {reason}", file.display())
    }
    pub fn interrupted(dir: &Path, encrypting: bool) -> String {
        let (what, command) = if encrypting {
            ("krypteringen", "encrypt")
        } else {
            ("dekrypteringen", "decrypt")
        };
        format!(
            "{what} af {} blev afbrudt. Kør »vejen-frem {command}« igen for at gøre den færdig; intet er tabt.",
            dir.display()
        )
    }
    pub fn in_use(dir: &Path) -> String {
        format!(
            "datamappen {} er i brug: luk alle vejen-frem-vinduer, der bruger den, og prøv igen",
            dir.display()
        )
    }
    pub fn already_done(encrypted: bool) -> String {
        if encrypted {
            "Datamappen er allerede krypteret; intet er ændret.".into()
        } else {
            "Datamappen er ikke krypteret; intet er ændret.".into()
        }
    }

    pub fn folder(dir: &Path, e: &io::Error) -> String {
        format!("kan ikke bruge datamappen {}: {e}", dir.display())
    }
    pub fn read(file: &Path, e: &io::Error) -> String {
        format!("kan ikke læse {}: {e}", file.display())
    }
    pub fn write(file: &Path, e: &io::Error) -> String {
        format!("kan ikke gemme {}: {e}", file.display())
    }
    pub fn locked(id: &str) -> String {
        format!("Sessionen {id} er åben i et andet vejen-frem-vindue. Luk den dér først.")
    }
    pub fn damaged(file: &Path, reason: &str) -> String {
        format!(
            "{} er beskadiget og åbnes ikke (den overskrives aldrig): {reason}",
            file.display()
        )
    }
    pub fn not_found(id: &str) -> String {
        format!("der er ingen session med id {id}")
    }
    pub fn exists(file: &Path) -> String {
        format!(
            "{} findes allerede; vælg et andet navn eller overskriv (--force)",
            file.display()
        )
    }
    pub fn ambiguous(prefix: &str, count: usize) -> String {
        format!("»{prefix}« passer på {count} sessioner; skriv flere tegn af id'et")
    }
    pub const NOT_A_FILE: &str =
        "ikke en almindelig fil (fx et link eller en enhed); den læses ikke";
    pub const GONE: &str = "filen er væk";
    pub fn too_large(len: u64) -> String {
        format!(
            "filen er for stor til at være en session ({} MB)",
            len / (1024 * 1024)
        )
    }
    pub fn not_a_file(file: &Path) -> String {
        format!(
            "{} er ikke en almindelig fil og bliver ikke skrevet over",
            file.display()
        )
    }
    pub fn read_only(id: &str) -> String {
        format!("sessionen {id} kan kun læses her og gemmes ikke")
    }
    pub fn kept_aside(copy: &Path) -> String {
        format!(
            "Filen var ændret uden for programmet. Den ændrede udgave er gemt som {}; dine svar her er gemt som sessionen.",
            copy.display()
        )
    }
    pub fn wrong_lock(id: &str) -> String {
        format!("intern fejl: sessionen {id} blev forsøgt gemt uden sin lås")
    }
    pub fn parse_error(line: usize, column: usize, message: &str) -> String {
        format!("linje {line}, kolonne {column}: {message}")
    }
    /// A save refused because the file on disk cannot be read: the answers are still in
    /// the window, and the save is tried again.
    pub fn wont_overwrite(file: &Path, reason: &str) -> String {
        format!(
            "{} kan ikke læses og bliver ikke overskrevet: {reason}. Svarene er ikke tabt, \
             de er her i vinduet; flyt eller ret filen, så gemmes de igen.",
            file.display()
        )
    }
    pub fn not_utf8(line: usize) -> String {
        format!("linje {line}: teksten er ikke gyldig UTF-8")
    }
    pub fn newer_format(format: u32) -> String {
        format!(
            "filen er skrevet af en nyere udgave af vejen-frem (sessionsformat {format}); opdatér programmet for at åbne den"
        )
    }
    pub fn id_mismatch(id: &str) -> String {
        format!("filnavnet passer ikke til sessionens id »{id}« (er filen kopieret eller omdøbt?)")
    }
    pub fn unsafe_id(id: &str) -> String {
        format!("sessionens id »{id}« kan ikke bruges som filnavn")
    }
    pub fn folder_unreadable(e: &io::Error) -> String {
        format!("mappen kan ikke læses: {e}")
    }
}

/// Texts of exported documents.
pub mod export {
    pub const STATUS: &str = "Status";
    pub const HISTORY: &str = "Historik";
    /// Where the signature lines would be, on a copy of a session that is not completed.
    pub const NOT_FOR_SIGNING: &str = "Kladde: ikke færdig og ikke til underskrift. Underskriftslinjerne kommer med, når den er afsluttet som færdig.";
    pub const CREATED: &str = "Oprettet";
    pub const UPDATED: &str = "Senest ændret";
    pub const LABEL: &str = "Etiket";
    pub const WORKPLACE: &str = "Arbejdsplads";
    pub const PRIVATE_LEFT_OUT: &str = "Arbejdsgiverens kopi: fortrolige felter (fx lægens noter og oplysninger om helbred) er udeladt.";
    pub const UNASKED_LEFT_OUT: &str =
        "Svar på spørgsmål, som redskabet ikke stiller længere, er udeladt.";
    pub const NOT_ANSWERED: &str = "(ikke besvaret)";
    pub const DATE: &str = "Dato";
    /// Who a copy is for, in the default file name.
    pub const FILE_EMPLOYEE: &str = "medarbejder";
    pub const FILE_EMPLOYER: &str = "arbejdsgiver";
    pub const FILE_RECORD: &str = "journal";
    pub const FILE_WORKPLACE: &str = "arbejdsplads";

    pub fn subtitle(number: Option<u32>, audience: &str) -> String {
        match number {
            Some(number) => format!("Redskab {number} · {audience}"),
            None => audience.to_string(),
        }
    }
    /// Under the title of a printed text of the reading material.
    pub const READING: &str = "VEJEN FREM";
    /// A step's heading with its number, as the report numbers them: "1. Find ud af, …".
    pub fn step_title(n: usize, title: &str) -> String {
        format!("{n}. {title}")
    }
    /// On paper, where the screen has a button that opens another tool.
    pub fn see_tool(number: Option<u32>, title: &str) -> String {
        match number {
            Some(number) => format!("→ Redskab {number}: {title}"),
            None => format!("→ {title}"),
        }
    }
    /// When a field applies, on a blank form: "Ved svaret Ja eller Ved ikke", naming the
    /// question when it is not the one just above.
    pub fn when_answer(options: &[&str], question: Option<&str>) -> String {
        let options = options.join(" eller ");
        match question {
            None => format!("Ved svaret {options}:"),
            Some(q) => format!("Ved svaret {options} på »{q}«:"),
        }
    }
    pub fn when_answered(question: Option<&str>) -> String {
        match question {
            None => "Når spørgsmålet ovenfor er besvaret:".to_string(),
            Some(q) => format!("Når »{q}« er besvaret:"),
        }
    }
}

/// The note for the patient record (`vejen-frem note`, `n` on a forløb).
pub mod note {
    /// The first line: the forløb and the day.
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
        format!("{heading} (delt af {from} {day})")
    }
    /// A summary's heading with nothing under it.
    pub fn none(heading: &str) -> String {
        format!("{heading}: ingen.")
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
    /// A box ticked and not, before the step or text it marks.
    pub const TICKED: &str = "[x] ";
    pub const UNTICKED: &str = "[ ] ";
    /// Before a list entry or a present barrier.
    pub const BULLET: &str = "- ";
    /// The note in a default file name.
    pub const FILE: &str = "notat";
}

/// Share files: sharing a session with the other party and importing it (`vejen-frem share`,
/// `import`, `i` in a forløb).
pub mod share {
    use std::path::Path;

    use crate::core::share::Refusal;

    /// The first line of a key file made by `vejen-frem share-key`.
    pub const KEY_FILE_HEADER: &str = "# vejen-frem: nøgle til at åbne delte sessioner. Hemmelig – del den ikke; giv kun den offentlige nøgle (age1…) videre.";
    pub const WRONG_PASSPHRASE: &str =
        "Forkert adgangskode til den delte fil. Intet er importeret; prøv igen.";
    pub const NOT_FOR_THIS_KEY: &str = "Den delte fil er ikke krypteret til den nøgle (eller den skal åbnes med en adgangskode). Intet er importeret.";
    pub const TAMPERED: &str = "Den delte fil er ændret eller beskadiget, efter den blev skrevet (eller er ikke kommet helt med). Intet er importeret; bed om filen igen.";
    pub const BAD_KEY: &str = "Det er ikke en age-nøgle: en offentlig nøgle begynder med age1…, en nøglefil har en linje, der begynder med AGE-SECRET-KEY-1.";
    pub const TOO_MUCH_WORK: &str =
        "filen beder om mere arbejde for at åbne adgangskoden, end vejen-frem giver";
    pub const NOT_TEXT: &str = "indholdet er ikke tekst";
    pub fn not_a_share(file: &Path) -> String {
        format!(
            "{} er ikke en delt session fra vejen-frem (den skal begynde med »vejen-frem deling«). Intet er importeret.",
            file.display()
        )
    }
    pub fn missing(file: &Path) -> String {
        format!(
            "Der er ingen fil her: {}. Tjek stien, og prøv igen; intet er importeret.",
            file.display()
        )
    }
    pub fn not_a_file(file: &Path) -> String {
        format!(
            "{} er ikke en almindelig fil (fx en mappe). Skriv stien til selve den delte fil; intet er importeret.",
            file.display()
        )
    }
    pub fn newer(format: u32) -> String {
        format!(
            "Den delte fil er skrevet af en nyere udgave af vejen-frem (delingsformat {format}). Opdatér programmet for at importere den; intet er importeret."
        )
    }
    pub fn damaged(reason: &str) -> String {
        format!("Den delte fil kan ikke læses: {reason}. Intet er importeret.")
    }
    /// Where an imported session came from, in one line: on its screen, in its review and
    /// in its documents.
    pub fn provenance(imported: &crate::core::session::Imported) -> String {
        let date = super::words::DATE_TIME;
        let left_out = match imported.left_out.len() {
            0 => String::new(),
            1 => " · afsenderen udelod 1 fortroligt felt".to_string(),
            n => format!(" · afsenderen udelod {n} fortrolige felter"),
        };
        format!(
            "Delt af {} {} · importeret {} · oprindeligt id {}{left_out}",
            imported.from,
            imported.shared.format(date),
            imported.at.format(date),
            imported.original
        )
    }
    /// Before the provenance on screen and in documents.
    pub const IMPORTED: &str = "Oprindelse";
    pub fn refused(refusal: &Refusal) -> String {
        match refusal {
            Refusal::NewerShare(format) => newer(*format),
            Refusal::NewerSession(format) => format!(
                "Den delte session er i et nyere sessionsformat ({format}). Opdatér programmet for at importere den; intet er importeret."
            ),
            Refusal::UnknownTool(tool) => format!(
                "Den delte session hører til redskabet `{tool}`, som ikke findes i denne udgave. Intet er importeret."
            ),
            Refusal::NewerTool { tool, theirs, ours } => format!(
                "Den delte session er besvaret i version {theirs} af redskabet `{tool}`, men denne udgave af vejen-frem har version {ours}. Opdatér programmet for at importere den; intet er importeret."
            ),
            Refusal::BadName => "Den delte fil navngiver afsenderen eller personen med noget, der ligner et CPR-nummer (eller slet ikke). Intet er importeret.".to_string(),
            Refusal::Mismatch => "Den delte fil siger ét redskab, men sessionen i den er et andet. Intet er importeret.".to_string(),
        }
    }
}

/// FHIR for health systems (`vejen-frem fhir`, `export --format fhir`).
pub mod fhir {
    /// The format in the export dialog.
    pub const FORMAT: &str = "FHIR (til sundhedssystemer)";
    /// A date range's two dates, and a checklist item's note, as items of a Questionnaire.
    pub const FROM: &str = "Fra";
    pub const TO: &str = "Til";
    pub const NOTE: &str = "Kommentar";
}

/// Definitions that change: what bringing a session to the tool's version did (on opening
/// it, and `vejen-frem migrate`).
pub mod migrate {
    use crate::core::definition::Tool;
    use crate::core::migrate::Report;

    pub fn title(versions: (u32, u32)) -> String {
        format!(
            "Redskabet er ændret (version {} → {})",
            versions.0, versions.1
        )
    }
    pub const FINAL: &str =
        "Intet er gemt endnu: filen skrives først, når du ændrer noget. Enter eller Esc lukker.";
    /// The same, line by line (nothing to close there).
    pub const NOTHING_WRITTEN: &str =
        "Intet er gemt endnu: filen skrives først, når du ændrer noget.";
    pub fn unchanged(versions: (u32, u32)) -> String {
        format!(
            "Redskabet er ændret, siden sessionen blev startet (version {} → {}); alle svar passer stadig.",
            versions.0, versions.1
        )
    }
    /// Heading of the answers without a question, in the review and the documents.
    pub const UNASKED: &str = "Svar uden spørgsmål (fra en tidligere udgave af redskabet)";

    /// The report in lines: what moved, and what has no question any more.
    pub fn lines(tool: &Tool, report: &Report) -> Vec<String> {
        let label = |id: &str| {
            tool.field(id)
                .map(|f| f.label.as_str())
                .filter(|l| !l.is_empty())
                .unwrap_or(id)
                .to_string()
        };
        let step = |id: &str| {
            tool.steps.iter().position(|s| s.id == id).map_or_else(
                || format!("»{id}«"),
                |i| format!("{} »{}«", i + 1, tool.steps[i].title),
            )
        };
        let mut out = Vec::new();
        for (old, new) in &report.renamed {
            out.push(format!(
                "»{}«: svaret er flyttet med (feltet hed før {old}).",
                label(new)
            ));
        }
        for (field, from, to) in &report.moved {
            out.push(format!(
                "»{}« står nu i trin {} (før i trin {}).",
                label(field),
                step(to),
                step(from)
            ));
        }
        for id in &report.unasked {
            out.push(format!(
                "{id}: har intet spørgsmål længere. Svaret er gemt og står sidst i gennemsynet og i dokumenterne."
            ));
        }
        out
    }
    /// `vejen-frem migrate`: one session's heading.
    pub fn session(id: &str, tool: &str, versions: (u32, u32)) -> String {
        format!("{id} ({tool}): version {} → {}", versions.0, versions.1)
    }
    pub const NOTHING: &str =
        "Alle sessioner passer til redskaberne, som de er nu; intet at flytte.";
    pub fn saved(n: usize) -> String {
        match n {
            1 => "1 session er gemt i den nye version.".to_string(),
            n => format!("{n} sessioner er gemt i den nye version."),
        }
    }
    pub fn would_save(n: usize) -> String {
        match n {
            1 => "1 session ville blive gemt (kør uden --dry-run for at gemme).".to_string(),
            n => format!("{n} sessioner ville blive gemt (kør uden --dry-run for at gemme)."),
        }
    }
    pub fn skipped(id: &str, why: &str) -> String {
        format!("{id}: ikke migreret: {why}")
    }
}
