//! The note for the patient record: the golden note of a consultation, what it leaves out,
//! how every tool reads in it, and the `note` command.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

use common::consultation::{self, FORLOEB, FORLOEB_ID, catalog, day};
use common::fill::{fill_all, walk};
use common::{draw, run, words};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::check::Source;
use vejen_frem::core::definition::Kind;
use vejen_frem::core::session::{Answer, Session};
use vejen_frem::export::note::{file_name, note};
use vejen_frem::store::sessions::{Listed, Store};
use vejen_frem::tui::model::{ForloebView, Model, NoteView, Overlay, Screen};
use vejen_frem::tui::update::{Command, Msg, update};

fn consultation_note(sessions: &[Session]) -> String {
    note(&catalog(), FORLOEB, day(), sessions)
        .expect("the consultation has answers")
        .text()
}

fn assert_fits(text: &str) {
    for line in text.lines() {
        assert!(
            line.width() <= 72,
            "wider than 72 columns: {line:?}\n{text}"
        );
        assert_eq!(line, line.trim_end(), "trailing spaces: {line:?}");
    }
}

/// The golden note of a consultation: screening with three barriers present and notes, the
/// patient's goal and the action points. Read it as the GP who pastes it.
#[test]
fn the_note_of_a_consultation() {
    let text = consultation_note(&consultation::sessions(&catalog()));
    assert_fits(&text);
    insta::assert_snapshot!("note_of_a_consultation", text);
}

/// A typical screening and goal fit in 30 lines, with one header line first.
#[test]
fn a_screening_and_a_goal_fit_in_thirty_lines() {
    let catalog = catalog();
    let text = consultation_note(&[
        consultation::screening(&catalog),
        consultation::goal(&catalog),
    ]);
    assert!(
        text.lines().count() <= 30,
        "{} lines:\n{text}",
        text.lines().count()
    );
    assert_eq!(
        text.lines().next(),
        Some("VEJEN FREM · KH · mandag 23-11-2026"),
        "{text}"
    );
    assert_fits(&text);
}

/// Unanswered questions, texts to read, buttons and the barriers' questions never appear;
/// the responses only for barriers that are present.
#[test]
fn only_what_was_answered_is_in_the_note() {
    let catalog = catalog();
    let text = consultation_note(&consultation::sessions(&catalog));
    for absent in [
        // Questions left unanswered (13, 11) and boxes left empty.
        "Hvad skal patienten selv gøre",
        "Hvad tror du forhindrer dig",
        "Giv patienten et relevant træningsprogram",
        // Texts to read, and the guidance of barriers that are not present.
        "PATIENTENS MÅL ER KONKRET",
        "Afliv myter om arbejde og smerter ved at fokusere",
        "Lav en liste over problematiske opgaver",
        "Brainstorm i fællesskab vha",
        "Afliv myter og giv tryghedsskabende",
        // Buttons and the screening's questions.
        "Brug goal-setting som redskab",
        "Er du bekymret",
        "Aktionspunktet er gennemført",
        "(ikke besvaret)",
    ] {
        assert!(!text.contains(absent), "{absent:?} is in the note:\n{text}");
    }
    // An empty session says nothing, not even its tool's name.
    let mut sessions = consultation::sessions(&catalog);
    sessions.push(consultation::start(&catalog, "12", 20).session().clone());
    assert_eq!(consultation_note(&sessions), text);
    assert_eq!(note(&catalog, FORLOEB, day(), &sessions[3..]), None);
}

/// Each suggested response once, also when two barriers suggest the same.
#[test]
fn each_response_is_named_once() {
    // A screening whose stress barrier also suggests the first response of the first.
    let screening = include_str!("../tools/10-screening.ron").replace(
        "- Anbefal ændringer i hastighed eller tidspres.",
        "- Afklar hvorfor\\n- Anbefal ændringer i hastighed eller tidspres.",
    );
    let extra = [Source {
        name: "10-screening.ron".into(),
        text: screening,
        invalid_utf8: None,
    }];
    let (catalog, problems) = Catalog::load(&builtin_sources(), &extra);
    assert!(problems.is_empty(), "{problems:?}");
    let text = note(
        &catalog,
        FORLOEB,
        day(),
        &[consultation::screening(&catalog)],
    )
    .unwrap()
    .text();
    assert_eq!(text.matches("Afklar hvorfor").count(), 1, "{text}");
    assert!(text.contains("Afklar hvorfor. Vær positiv"), "{text}");
    assert!(
        text.contains("realistisk plan. Anbefal ændringer"),
        "{text}"
    );
}

/// Whatever a tool asks, everything typed into it is in the note, within 72 columns; of a
/// tool with a summary, what was typed in the steps it names.
#[test]
fn every_tool_reads_in_the_note_with_everything_typed() {
    let catalog = catalog();
    for entry in &catalog.entries {
        let tool = &entry.tool;
        let mut w = walk(entry);
        fill_all(&mut w, |id| format!("Svar til {id}"));
        let answers = w.answers();
        let text = note(&catalog, FORLOEB, day(), std::slice::from_ref(w.session()))
            .unwrap_or_else(|| panic!("{}: no note", tool.id))
            .text();
        assert_fits(&text);
        let said = words(&text);
        for step in &tool.steps {
            let guidance = step
                .fields
                .iter()
                .filter(|f| matches!(f.kind, Kind::Info { .. }) && f.when.is_some());
            let summarised = tool.summary.is_some() && guidance.clone().next().is_some();
            if summarised && !guidance.into_iter().any(|f| answers.is_visible(f)) {
                continue;
            }
            for field in step.fields.iter().filter(|f| answers.is_visible(f)) {
                let typed: Option<String> = match answers.answer(&field.id) {
                    Some(Answer::Text(text)) => Some(text.clone()),
                    _ => None,
                };
                for typed in typed
                    .into_iter()
                    .chain(answers.comment(field).map(str::to_string))
                {
                    assert!(
                        said.contains(&words(&typed)),
                        "{}: {typed:?} is not in the note:\n{text}",
                        tool.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_default_file_name_holds_the_forloeb_id_and_the_day() {
    assert_eq!(
        file_name(FORLOEB_ID, day()),
        "20261123-100000-00kh-notat-2026-11-23.txt"
    );
}

// ----- the command -----

#[test]
fn the_note_command_prints_writes_and_refuses_clearly() {
    let dir = tempfile::tempdir().unwrap();
    consultation::saved(dir.path());
    let data = dir.path().display().to_string();
    let golden = consultation_note(&consultation::sessions(&catalog()));

    // Standard output, by label (any case) or by id; the day as people type it.
    let (ok, out, err) = run(&[
        "note",
        "kh",
        "--date",
        "23/11 2026",
        "-o",
        "-",
        "--data-dir",
        &data,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out, golden);
    let (ok, by_id, _) = run(&[
        "note",
        FORLOEB_ID,
        "--date",
        "23112026",
        "-o",
        "-",
        "--data-dir",
        &data,
    ]);
    assert!(ok);
    assert_eq!(by_id, golden);

    // Without -o: a file in the exports folder, its path said; never over it unasked.
    let args = ["note", "KH", "--date", "23-11-2026", "--data-dir", &data];
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let file = dir
        .path()
        .join("exports")
        .join(file_name(FORLOEB_ID, day()));
    assert!(out.contains(&file.display().to_string()), "{out}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), golden);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let (ok, _, err) = run(&args);
    assert!(!ok);
    assert!(err.contains("findes allerede"), "{err}");
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(run(&forced).0);

    // The week before holds another note; a day without sessions says so.
    let (ok, out, _) = run(&[
        "note",
        "KH",
        "--date",
        "16-11-2026",
        "-o",
        "-",
        "--data-dir",
        &data,
    ]);
    assert!(ok);
    assert!(
        out.contains("Målet fra sidste uge") && !out.contains("Screening"),
        "{out}"
    );
    let (ok, out, err) = run(&[
        "note",
        "KH",
        "--date",
        "24-11-2026",
        "-o",
        "-",
        "--data-dir",
        &data,
    ]);
    assert!(!ok && out.is_empty());
    assert!(
        err.contains("ingen sessioner") && err.contains("tirsdag 24-11-2026"),
        "{err}"
    );

    // An unknown forløb: where to find the names.
    let (ok, _, err) = run(&["note", "XY", "--data-dir", &data]);
    assert!(!ok);
    assert!(
        err.contains("»XY«") && err.contains("vejen-frem sessions"),
        "{err}"
    );
    // A date that is no date, refused as on the screen.
    let (ok, _, err) = run(&["note", "KH", "--date", "31-02-2027", "--data-dir", &data]);
    assert!(!ok);
    assert!(err.contains("31. februar 2027 findes ikke"), "{err}");
}

/// `-o -` prints an export to standard output too, and writes no file named `-`.
#[test]
fn an_export_to_standard_output_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    consultation::saved(dir.path());
    let data = dir.path().display().to_string();
    let screening = Store::open(dir.path())
        .unwrap()
        .list()
        .into_iter()
        .find_map(|listed| match listed {
            Listed::Session(s) if s.tool == "screening" => Some(s.id),
            _ => None,
        })
        .unwrap();
    let work = tempfile::tempdir().unwrap();
    let out = common::program()
        .args([
            "export", &screening, "--format", "txt", "--for", "record", "-o", "-",
        ])
        .args(["--data-dir", &data])
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("Frygter fyring ved ny sygemelding"),
        "{printed}"
    );
    assert!(!work.path().join("-").exists());
}

// ----- the screen -----

fn press(model: &mut Model, code: KeyCode) -> Option<Command> {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// The forløb screen with the consultation's forløb open.
fn forloeb_screen(dir: &std::path::Path) -> Model {
    consultation::saved(dir);
    let store = Store::open(dir).unwrap();
    let mut model = Model::new(catalog(), day());
    model.exports_dir = dir.join("exports");
    model.set_listing(store.listing());
    model.screen = Screen::Forloeb(ForloebView {
        open: Some(FORLOEB_ID.into()),
        ..ForloebView::default()
    });
    model
}

/// `n` on an open forløb asks for the note of its latest day; in the note ← and → ask for
/// the other days, c copies, g saves in the exports folder, Esc closes.
#[test]
fn the_note_keys_ask_for_the_day_the_copy_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut model = forloeb_screen(dir.path());
    let week_before = day() - chrono::Days::new(7);
    let asked = press(&mut model, KeyCode::Char('n'));
    assert_eq!(
        asked,
        Some(Command::Note {
            forloeb: FORLOEB_ID.into(),
            day: day(),
            days: vec![week_before, day()],
        })
    );
    let day_note = note(
        &catalog(),
        FORLOEB,
        day(),
        &consultation::sessions(&catalog()),
    )
    .unwrap();
    let text = day_note.text();
    model.overlays.push(Overlay::Note(Box::new(NoteView {
        forloeb: FORLOEB_ID.into(),
        day: day(),
        days: vec![week_before, day()],
        note: day_note,
        scroll: 0,
        confirm_overwrite: false,
    })));
    assert_eq!(press(&mut model, KeyCode::Right), None);
    assert!(matches!(
        press(&mut model, KeyCode::Left),
        Some(Command::Note { day, .. }) if day == week_before
    ));
    assert_eq!(
        press(&mut model, KeyCode::Char('c')),
        Some(Command::Copy(text.clone()))
    );
    assert_eq!(
        press(&mut model, KeyCode::Char('g')),
        Some(Command::SaveNote {
            path: dir
                .path()
                .join("exports")
                .join(file_name(FORLOEB_ID, day())),
            text,
            overwrite: false,
        })
    );
    press(&mut model, KeyCode::Esc);
    assert!(model.overlays.is_empty());
    // A forløb without sessions has no note.
    model.screen = Screen::Forloeb(ForloebView {
        open: Some("20261123-100000-00ab".into()),
        ..ForloebView::default()
    });
    model.forloeb = Default::default();
    assert_eq!(press(&mut model, KeyCode::Char('n')), None);
    assert!(model.note.as_ref().is_some_and(|n| n.is_error));
}

/// The note over the forløb screen reads as it will be pasted, at 80x24 and scrolled on a
/// small screen.
#[test]
fn the_note_over_the_forloeb_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut model = forloeb_screen(dir.path());
    model.overlays.push(Overlay::Note(Box::new(NoteView {
        forloeb: FORLOEB_ID.into(),
        day: day(),
        days: vec![day() - chrono::Days::new(7), day()],
        note: note(
            &catalog(),
            FORLOEB,
            day(),
            &consultation::sessions(&catalog()),
        )
        .unwrap(),
        scroll: 0,
        confirm_overwrite: false,
    })));
    let screen = draw(&mut model, 80, 24);
    assert!(
        screen.contains("Notat til journalen · mandag 23-11-2026"),
        "{screen}"
    );
    assert!(
        screen.contains("c kopiér") && screen.contains("g gem"),
        "{screen}"
    );
    insta::assert_snapshot!("note_80x24", screen);
    insta::assert_snapshot!("note_40x12", draw(&mut model, 40, 12));
    for _ in 0..100 {
        press(&mut model, KeyCode::Down);
    }
    let end = draw(&mut model, 80, 24);
    assert!(end.contains("Milepæle"), "scrolled to the end:\n{end}");
    insta::assert_snapshot!("note_80x24_at_the_end", end);
}

/// A tool whose answers came in a share says in the record who shared it and when.
#[test]
fn an_imported_session_says_in_the_note_who_shared_it() {
    let catalog = catalog();
    let mut goal = consultation::goal(&catalog);
    let shared = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:30:00+01:00").unwrap();
    goal.imported = Some(vejen_frem::core::session::Imported {
        from: "AMR Karin".into(),
        shared,
        original: "20261120-093000-maal-laege-0001".into(),
        at: shared,
        left_out: Vec::new(),
    });
    let text = consultation_note(&[consultation::screening(&catalog), goal]);
    assert_fits(&text);
    assert!(
        words(&text).contains("delt af amr karin 20 11 2026"),
        "{text}"
    );
    assert_eq!(text.matches("delt af").count(), 1, "{text}");
}
