//! Plain mode's line protocol: lines in, the lines written and the session saved.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::io::tests::Captured;
use super::io::{Io, Read, Script, Source, Width};
use super::{Context, converse};
use crate::core::catalog::{Catalog, builtin_sources};
use crate::core::session::{Answer, Change, Session, Status};
use crate::store::sessions::{Listed, Store};

fn catalog() -> Catalog {
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// A data folder, and the conversations had over it.
struct Folder {
    dir: tempfile::TempDir,
    catalog: Catalog,
}

impl Folder {
    fn new() -> Folder {
        Folder {
            dir: tempfile::tempdir().unwrap(),
            catalog: catalog(),
        }
    }

    fn store(&self) -> Store {
        Store::open(self.dir.path()).unwrap()
    }

    /// Plain mode started as `vejen-frem --plain [TOOL] [-f FORLØB]` with these lines in:
    /// what it wrote, and whether it ended without losing anything.
    fn talk(&self, tool: Option<&str>, forloeb: Option<&str>, lines: &[&str]) -> String {
        self.talk_with(
            tool,
            forloeb,
            Box::new(Script::new(lines)),
            Width::Unwrapped,
        )
        .0
    }

    fn talk_with(
        &self,
        tool: Option<&str>,
        forloeb: Option<&str>,
        source: Box<dyn Source>,
        width: Width,
    ) -> (String, Result<(), String>) {
        let store = self.store();
        let out = Captured::default();
        let mut io = Io::new(source, Box::new(out.clone()), width, true);
        let ctx = Context {
            store: &store,
            catalog: &self.catalog,
            today: today(),
            now,
            idle: Some(std::time::Duration::from_secs(300)),
            lost: Cell::new(false),
        };
        let result = converse(&ctx, &mut io, tool, forloeb);
        (out.text(), result)
    }

    fn sessions(&self) -> Vec<Session> {
        let store = self.store();
        store
            .list()
            .into_iter()
            .map(|l| match l {
                Listed::Session(s) => store.load(&s.id).unwrap(),
                Listed::Damaged { file, reason } => panic!("{}: {reason}", file.display()),
            })
            .collect()
    }

    fn only(&self) -> Session {
        let mut all = self.sessions();
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }
}

fn choice(session: &Session, field: &str) -> Option<String> {
    match session.answers.get(field) {
        Some(Answer::Choice(id)) => Some(id.clone()),
        None => None,
        Some(other) => panic!("{field}: {other:?}"),
    }
}

/// The screening's seven barriers answered Nej, each with no notes.
const ALL_NO: [&str; 15] = [
    "2", "", "2", "", "1", "", "2", "", "", "2", "", "1", "", "2", "",
];

#[test]
fn one_step_of_the_screening_reads_as_plain_lines_in_order() {
    let folder = Folder::new();
    let out = folder.talk(
        Some("10"),
        None,
        &["1", "Bange for at miste jobbet", "og for økonomien", ""],
    );
    let session = folder.only();
    // The id ends in bits that differ from run to run.
    insta::assert_snapshot!(out.replace(&session.id, "<id>"));
    assert_eq!(
        choice(&session, "negative-forventninger").as_deref(),
        Some("ja")
    );
    assert_eq!(
        session
            .comments
            .get("negative-forventninger")
            .map(String::as_str),
        Some("Bange for at miste jobbet\nog for økonomien")
    );
}

#[test]
fn nothing_is_written_twice_and_a_refused_answer_asks_only_again() {
    let folder = Folder::new();
    let out = folder.talk(Some("10"), None, &["4", "måske", "nej"]);
    let question = "Er du bekymret for, at det bliver svært";
    assert_eq!(out.matches(question).count(), 1, "{out}");
    assert_eq!(out.matches("Trin 1 af 7").count(), 1, "{out}");
    assert_eq!(
        out.matches("1) Ja  2) Nej  3) Ved ikke").count(),
        1,
        "{out}"
    );
    assert!(out.contains(
        "»4« er ikke et af svarene. Skriv 1 for Ja, 2 for Nej eller 3 for Ved ikke – eller svaret selv."
    ));
    assert!(out.contains("»måske« er ikke et af svarene."));
    assert!(
        out.contains("Skriv 1, 2 eller 3: nej\nValgt: Nej."),
        "{out}"
    );
    // No escape sequence, colour or cursor movement anywhere.
    assert!(!out.contains('\u{1b}'), "{out:?}");
}

/// A source that, before each line it gives, reads what is saved in the folder.
struct Watching {
    script: Script,
    dir: PathBuf,
    seen: Rc<RefCell<Vec<usize>>>,
}

impl Source for Watching {
    fn read(&mut self) -> Read {
        let answers = saved_answers(&self.dir);
        self.seen.borrow_mut().push(answers);
        self.script.read()
    }
}

fn saved_answers(dir: &Path) -> usize {
    let Ok(store) = Store::open(dir) else {
        return 0;
    };
    store
        .list()
        .into_iter()
        .filter_map(|l| match l {
            Listed::Session(s) => store.load(&s.id).ok(),
            Listed::Damaged { .. } => None,
        })
        .map(|s| s.answers.len() + s.comments.len())
        .sum()
}

#[test]
fn every_answer_is_saved_before_the_next_question_and_a_blank_session_leaves_no_file() {
    let folder = Folder::new();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let source = Watching {
        script: Script::new(&["", "", "1", "Noter", "", "", "3"]),
        dir: folder.dir.path().to_path_buf(),
        seen: seen.clone(),
    };
    let (_, result) = folder.talk_with(Some("10"), None, Box::new(source), Width::Unwrapped);
    assert_eq!(result, Ok(()));
    // Two questions passed without answers: nothing written. Then each answer is on disk
    // before the next line is read.
    assert_eq!(*seen.borrow(), vec![0, 0, 0, 1, 1, 2, 2, 3]);
}

#[test]
fn a_draft_is_listed_and_resumed_where_it_was_left() {
    let folder = Folder::new();
    folder.talk(Some("10"), None, &["1", "", "3", "", "", "afslut"]);
    let out = folder.talk(None, None, &["1", "2", ""]);
    let resumed = out.split("Valg: 1").nth(1).unwrap_or_default();
    assert!(
        out.contains("Kladder, nyeste først:\n   1) Redskab 10 · Screening for barrierer for arbejdsfastholdelse · ændret 22-11-2026 10:00"),
        "{out}"
    );
    assert!(resumed.contains("Du fortsætter, hvor du slap."), "{out}");
    // It goes on at the third barrier, with its question first.
    let first_question = resumed
        .find("Trin")
        .map(|i| &resumed[i..])
        .unwrap_or_default();
    assert!(
        first_question.starts_with("Trin 3 af 7: Manglende mulighed for at modificere arbejde"),
        "{resumed}"
    );
    let session = folder.only();
    assert_eq!(
        choice(&session, "modificere-arbejde").as_deref(),
        Some("nej")
    );
    assert_eq!(
        choice(&session, "negative-forventninger").as_deref(),
        Some("ja")
    );
}

#[test]
fn lists_and_table_rows_one_at_a_time_and_an_invalid_date_corrected() {
    let folder = Folder::new();
    // Redskab 3, the MSB-aftale: its first step, then the plan with a list of tasks, the
    // weekly schedule, and a row of the follow-up table whose date is put right.
    let lines = [
        // Første håndtering: a date refused, then right; three Ja/Nej and a box.
        "31-02-2026",
        "28-02-2026",
        "1",
        "nej",
        "",
        "ja",
        // MSB-aftale: who, a meeting date, changes needed, hours.
        "Mette",
        "i morgen",
        "1",
        "20 timer",
        // The tasks, one at a time; an empty line ends the list.
        "Lettere opgaver",
        "Kontorarbejde",
        "",
        // From and to; the rest of the step passed by.
        "1-12-2026",
        "31-1-2027",
        "spring over",
        "",
        "",
        "",
        // Ugeskema: week 49, Monday and Tuesday, then no more weeks.
        "49",
        "4 timer",
        "4 timer",
        "",
        "",
        "",
        "",
        "",
        "",
        // Opfølgning: the next follow-up, then a row of the log, its date put right.
        "",
        "30-02-2026",
        "30-12-2026",
        "Går bedre",
        "Ser fremskridt",
        "Hæve-sænkebord",
        "Fortsæt planen",
        "",
        // Afslutning: the notes, several lines.
        "",
        "",
        "",
        "Aftalen holdt.",
        "Evalueres i januar.",
        "",
    ];
    let out = folder.talk(Some("3"), None, &lines);
    let session = folder.only();
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        session.answers.get("problem-opstaaet"),
        Some(&Answer::Date(date(2026, 2, 28))),
        "{out}"
    );
    assert!(out.contains("31. februar 2026 findes ikke. Ret datoen (dd-mm-åååå)."));
    assert!(out.contains("Læst som lørdag 28-02-2026."), "{out}");
    assert_eq!(
        session.answers.get("moede-plan"),
        Some(&Answer::Date(date(2026, 11, 23)))
    );
    assert_eq!(
        session.answers.get("arbejdsopgaver"),
        Some(&Answer::Entries(vec![
            "Lettere opgaver".into(),
            "Kontorarbejde".into()
        ]))
    );
    assert_eq!(
        session.answers.get("varighed"),
        Some(&Answer::DateRange {
            from: Some(date(2026, 12, 1)),
            to: Some(date(2027, 1, 31))
        })
    );
    let Some(Answer::Rows(weeks)) = session.answers.get("ugeskema") else {
        panic!("no schedule: {out}")
    };
    assert_eq!(weeks.len(), 1);
    assert_eq!(weeks[0].get("uge").map(String::as_str), Some("2026-W49"));
    assert_eq!(weeks[0].get("tirsdag").map(String::as_str), Some("4 timer"));
    let Some(Answer::Rows(log)) = session.answers.get("opfoelgninger") else {
        panic!("no follow-up row: {out}")
    };
    assert_eq!(log.len(), 1, "{out}");
    assert_eq!(log[0].get("dato").map(String::as_str), Some("2026-12-30"));
    assert_eq!(
        log[0].get("naeste-skridt").map(String::as_str),
        Some("Fortsæt planen")
    );
    assert!(session.unparsed.is_empty(), "{:?}", session.unparsed);
    assert_eq!(
        session.answers.get("noter"),
        Some(&Answer::Text("Aftalen holdt.\nEvalueres i januar.".into()))
    );
    assert!(
        out.contains(
            "Ny række (række 1): skriv »Dato for opfølgning«, eller en tom linje for at gå videre."
        ),
        "{out}"
    );
    assert_eq!(out.matches(super::t::ONE_MORE.as_str()).count(), 1, "{out}");
    assert!(out.contains("Arbejdsopgave 3: \n"), "{out}");
}

#[test]
fn back_skip_clear_help_and_quit_are_words_in_either_language() {
    let folder = Folder::new();
    let out = folder.talk(
        Some("10"),
        None,
        &[
            "1", "back", "slet", "tilbage", "skip", "hjælp", "", "3", "quit",
        ],
    );
    assert!(
        out.contains("Valgt: Ja.\nNoter (slut med en tom linje): back\n"),
        "{out}"
    );
    // Said once on the way; again when the notes are come back to from the next step.
    assert_eq!(out.matches("Valgt: Ja.").count(), 1, "{out}");
    assert!(out.contains("Svaret er slettet."), "{out}");
    assert!(out.contains("Det er det første spørgsmål."), "{out}");
    assert!(out.contains("- tilbage (back): spørgsmålet før"), "{out}");
    assert!(out.contains("Alt er gemt. Fortsæt senere med: vejen-frem --plain"));
    let session = folder.only();
    assert_eq!(choice(&session, "negative-forventninger"), None, "{out}");
    assert_eq!(
        choice(&session, "fysisk-tungt-arbejde").as_deref(),
        Some("ved-ikke")
    );
    let out = folder.talk(None, None, &["1", "2", "", "tilbage", "afslut"]);
    let back = out
        .split("Skriv 1, 2 eller 3: tilbage")
        .nth(1)
        .unwrap_or_default();
    assert!(
        back.contains("Valgt: Nej.\nNoter (slut med en tom linje): afslut"),
        "{out}"
    );
}

#[test]
fn a_command_word_can_be_the_answer_after_a_backslash() {
    let folder = Folder::new();
    folder.talk(Some("10"), None, &["1", "\\tilbage", "", "afslut"]);
    let session = folder.only();
    assert_eq!(
        session
            .comments
            .get("negative-forventninger")
            .map(String::as_str),
        Some("tilbage")
    );
}

#[test]
fn a_command_word_on_its_own_line_ends_an_answer_of_several_lines_and_is_done() {
    let folder = Folder::new();
    // The notes: two lines, then »afslut« means quit, not a third line; indentation kept,
    // and an escaped word is text.
    let lines = [
        "1",
        "Bange for jobbet",
        "  især løft",
        "\\tilbage",
        "afslut",
    ];
    let out = folder.talk(Some("10"), None, &lines);
    let session = folder.only();
    assert_eq!(
        session
            .comments
            .get("negative-forventninger")
            .map(String::as_str),
        Some("Bange for jobbet\n  især løft\ntilbage"),
        "{out}"
    );
    assert!(
        out.contains("vejen-frem --plain"),
        "quit, with how to go on: {out}"
    );
}

#[test]
fn the_review_marks_what_is_missing_and_completes_when_nothing_is() {
    let folder = Folder::new();
    let mut lines = vec!["2", "", "gennemse", "1"];
    lines.extend(&ALL_NO[2..]);
    lines.push("1");
    let out = folder.talk(Some("10"), None, &lines);
    assert!(
        out.contains("6 felter mangler eller er ugyldige (markeret med !)."),
        "{out}"
    );
    // Back at the questions after the review, the step is said again before its question.
    let after = out
        .split("Skriv 1, 2 eller 3: 1\n")
        .nth(1)
        .unwrap_or_default();
    assert!(
        after
            .trim_start()
            .starts_with("Trin 2 af 7: Fysisk tungt arbejde"),
        "{after}"
    );
    assert!(out.contains("  ! mangler: Er du bekymret for at den fysiske belastning"));
    assert!(out.contains(
        "1) Gå til det første felt, der mangler: Er du bekymret for at den fysiske belastning"
    ));
    assert!(out.contains("Alle krævede felter er udfyldt."), "{out}");
    assert!(out.contains(" 1) Afslut sessionen som færdig"), "{out}");
    let session = folder.only();
    assert_eq!(session.status, Status::Completed, "{out}");
    assert!(out.contains(&format!(
        "Sessionen er afsluttet som færdig og gemt. Eksportér den fx med: vejen-frem export {} --format txt",
        session.id
    )));
    // Opened again by its id, it is sealed: the review, and reopening is offered.
    let out = folder.talk(None, None, &[&session.id[..15], "1", "1", "afslut"]);
    assert!(
        out.contains("Sessionen er afsluttet som færdig og kan kun læses."),
        "{out}"
    );
    assert!(out.contains(" 1) Genåbn den for ændringer"), "{out}");
    let session = folder.only();
    assert_eq!(session.status, Status::Draft);
    let changes: Vec<Change> = session.history.iter().map(|e| e.change).collect();
    assert_eq!(changes, vec![Change::Completed, Change::Reopened]);
}

#[test]
fn a_link_opens_the_tool_in_the_same_forloeb_and_comes_back() {
    let folder = Folder::new();
    let out = folder.talk(
        Some("10"),
        Some("KH"),
        &[
            // The forløb is made first.
            "1", // Fysisk tungt arbejde: Ved ikke, then the link to Redskab 12 followed.
            "2",
            "",
            "3",
            "",
            "1", // In Redskab 12: its first answer, then closed from the review.
            "Løft af kasser",
            "",
            "gennemse",
            "3",
            // Back in the screening, at the question after the link.
            "2",
            "afslut",
        ],
    );
    assert!(out.contains("Forløbet »KH« er oprettet."), "{out}");
    assert!(out.contains("Redskab 12 · Problemløsning i dialog med patienten"));
    assert!(
        out.contains("Tilbage i Redskab 10 · Screening for barrierer for arbejdsfastholdelse."),
        "{out}"
    );
    let sessions = folder.sessions();
    assert_eq!(sessions.len(), 2, "{out}");
    let screening = sessions.iter().find(|s| s.tool == "screening").unwrap();
    let plan = sessions.iter().find(|s| s.tool != "screening").unwrap();
    assert_eq!(screening.forloeb, plan.forloeb);
    assert!(!plan.forloeb.is_empty());
    assert_eq!(screening.links.get("problemloesning-laege"), Some(&plan.id));
    assert_eq!(
        choice(screening, "modificere-arbejde").as_deref(),
        Some("nej"),
        "{out}"
    );
}

#[test]
fn the_idle_time_and_the_end_of_input_save_and_say_so() {
    let folder = Folder::new();
    let source = Script::new(&["1"]).then(Read::Idle);
    let (out, result) = folder.talk_with(Some("10"), None, Box::new(source), Width::Unwrapped);
    assert_eq!(result, Ok(()));
    assert!(
        out.contains("Intet skrevet i 5 minutter: alt er gemt, og programmet er lukket."),
        "{out}"
    );
    assert_eq!(
        choice(&folder.only(), "negative-forventninger").as_deref(),
        Some("ja")
    );
    let out = folder.talk(Some("10"), None, &[]);
    assert!(out.ends_with("Slut på input. Intet er besvaret, så intet er gemt.\n"));
}

#[test]
fn a_workplace_walk_asks_the_workplace_first() {
    let folder = Folder::new();
    let out = folder.talk(Some("overvejelser"), None, &["", "Lager og logistik", "Ja"]);
    assert!(
        out.contains("Arbejdspladsens navn: \nSkriv arbejdspladsens navn."),
        "{out}"
    );
    assert!(out.contains("Etiket: Lager og logistik"), "{out}");
    assert_eq!(folder.only().label, "Lager og logistik");
}

#[test]
fn control_characters_in_a_saved_answer_never_reach_the_output() {
    let folder = Folder::new();
    folder.talk(Some("10"), None, &["1", "noter", "", "afslut"]);
    let store = folder.store();
    let mut opened = store.open_session(&folder.only().id).unwrap();
    opened.session.comments.insert(
        "negative-forventninger".into(),
        "\u{1b}]52;c;aGVq\u{7}\u{1b}[2J skjult".into(),
    );
    store.save(&opened.session, &mut opened.lock).unwrap();
    drop(opened);
    let out = folder.talk(None, None, &["1", "tilbage", "gennemse"]);
    assert!(out.contains("skjult"), "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}

#[test]
fn lines_are_wrapped_by_words_to_the_width() {
    let folder = Folder::new();
    let (out, _) = folder.talk_with(
        Some("10"),
        None,
        Box::new(Script::new(&["1"])),
        Width::Fixed(40),
    );
    for line in out.lines() {
        assert!(line.chars().count() <= 40, "{line:?}");
    }
    assert!(
        out.contains("Trin 1 af 7: Negative forventninger til\narbejdsfastholdelse"),
        "{out}"
    );
}

/// In English the program's own lines are English, the tool's questions and its options
/// the report's Danish, and the command words of either language still work.
#[test]
fn plain_mode_speaks_english_around_the_danish_tool() {
    let folder = Folder::new();
    let out = crate::texts::with_language(crate::texts::Language::English, || {
        folder.talk(
            Some("10"),
            None,
            &["help", "1", "Bange", "", "tilbage", "quit"],
        )
    });
    for english in [
        "How to answer:",
        "- back (tilbage): the question before",
        "Step 1 of 7: ",
        "Everything is saved. Go on later with: vejen-frem --plain",
    ] {
        assert!(out.contains(english), "'{english}' missing:\n{out}");
    }
    // The screening's own question and options.
    assert!(out.contains("1) Ja  2) Nej  3) Ved ikke"), "{out}");
    for danish in ["Trin ", "Skriv ", "Sådan", "Alt er gemt", "Valgt:"] {
        assert!(!out.contains(danish), "'{danish}' in English:\n{out}");
    }
    assert_eq!(
        choice(&folder.only(), "negative-forventninger").as_deref(),
        Some("ja")
    );
}
