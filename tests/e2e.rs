//! End-to-end: the real program in tmux, driven by keys, checked on the screen and on disk.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use common::consultation;
use common::{Tmux, only_session, session_files, wait_for_saved};
use vejen_frem::core::session::{Answer, Status};
use vejen_frem::export::note::{file_name, note};
use vejen_frem::present;

fn text_answers(session: &vejen_frem::core::session::Session) -> Vec<String> {
    session
        .answers
        .values()
        .filter_map(|a| match a {
            Answer::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn answering_the_screening_by_keys_saves_a_completed_session() {
    let t = Tmux::start(&["10"]);
    t.wait_for("Trin 1 af 7");
    // The first barrier is present: Ja, with a note; the other six are not.
    t.type_text("j");
    t.keys(&["Tab"]);
    t.type_text("Bekymret for løft – æøå");
    t.keys(&["PageDown"]);
    for step in 2..=7 {
        t.wait_for(&format!("Trin {step} af 7"));
        // The social support barrier asks an open question first; the GP judges after it.
        if step == 5 {
            t.type_text("De tror, jeg er doven");
            t.keys(&["Tab"]);
        }
        t.type_text("n");
        t.keys(&["PageDown"]);
    }
    t.wait_for("Gennemse");
    t.wait_for("Alle krævede felter er udfyldt");
    t.type_text("a");
    t.wait_for("afsluttet som færdig");
    t.keys(&["C-q"]);
    t.wait_for_exit();

    let session = only_session(t.data_dir());
    assert_eq!(session.tool, "screening");
    assert_eq!(session.status, Status::Completed);
    let choices: Vec<&str> = session
        .answers
        .values()
        .filter_map(|a| match a {
            Answer::Choice(c) => Some(c.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(choices.len(), 7, "{:?}", session.answers);
    assert_eq!(choices.iter().filter(|c| **c == "ja").count(), 1);
    assert!(
        session
            .comments
            .values()
            .any(|c| c == "Bekymret for løft – æøå"),
        "{:?}",
        session.comments
    );
    assert_eq!(
        session.answers.get("social-stoette-svar"),
        Some(&Answer::Text("De tror, jeg er doven".into()))
    );
}

#[test]
fn kill_9_two_seconds_after_typing_loses_nothing_and_the_draft_resumes_there() {
    let t = Tmux::start(&["1"]);
    t.wait_for("Trin 1 af 5");
    t.type_text("Gulvvask på knæ 😀");
    t.wait_for("Gulvvask på knæ");
    sleep(Duration::from_secs(2));
    let status = Command::new("kill")
        .args(["-9", &t.pid()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    t.wait_for_exit();

    let session = only_session(t.data_dir());
    assert_eq!(session.status, Status::Draft);
    assert!(
        text_answers(&session)
            .iter()
            .any(|a| a == "Gulvvask på knæ 😀"),
        "{:?}",
        session.answers
    );

    // The draft is listed and resumes at the same field, with the cursor in it.
    t.restart(&[]);
    t.wait_for("Medarbejder");
    t.type_text("s"); // the sessions screen
    t.wait_for("kladde");
    t.keys(&["Enter"]);
    t.wait_for("Trin 1 af 5");
    t.type_text(", også trapper");
    let saved = wait_for_saved(t.data_dir(), |s| {
        text_answers(s)
            .iter()
            .any(|a| a == "Gulvvask på knæ 😀, også trapper")
    });
    assert_eq!(saved.id, session.id);
}

#[test]
fn a_session_open_in_another_window_cannot_be_opened_again() {
    let first = Tmux::start(&["1"]);
    first.wait_for("Trin 1 af 5");
    first.type_text("Første vindue");
    wait_for_saved(first.data_dir(), |s| !s.answers.is_empty());

    let data = first.data_dir().display().to_string();
    let second = Tmux::start(&["--data-dir", &data]);
    second.wait_for("Medarbejder");
    second.type_text("s"); // the sessions screen
    second.wait_for("kladde");
    second.keys(&["Enter"]);
    second.wait_for("åben");
    assert!(!second.screen().contains("Trin 1 af 5"));

    // The first window keeps working and saving.
    first.type_text(" og mere");
    wait_for_saved(first.data_dir(), |s| {
        text_answers(s).iter().any(|a| a == "Første vindue og mere")
    });
}

#[test]
fn a_damaged_file_is_listed_with_its_reason_and_left_alone() {
    let t = Tmux::start(&["11"]);
    t.wait_for("Trin 1 af 5");
    t.type_text("Sikker");
    wait_for_saved(t.data_dir(), |s| !s.answers.is_empty());
    t.keys(&["C-q"]);
    t.wait_for_exit();
    let damaged = t.data_dir().join("20260101-120000-screening-0000.ron");
    std::fs::write(&damaged, "(format: 1, id: \"x\", tool: ").expect("writable");

    t.restart(&[]);
    t.wait_for("Medarbejder");
    t.type_text("s"); // the sessions screen
    let screen = t.wait_for("beskadiget");
    assert!(
        screen.contains("kladde"),
        "the good session is still listed:\n{screen}"
    );
    assert_eq!(
        std::fs::read_to_string(&damaged).expect("still there"),
        "(format: 1, id: \"x\", tool: "
    );
    assert_eq!(session_files(t.data_dir()).len(), 2);
}

#[test]
fn bad_dates_get_a_message_and_the_text_stays_for_correction() {
    let t = Tmux::start(&["6"]);
    t.wait_for("Trin 1 af");
    t.type_text("31-02-2026");
    t.keys(&["Tab"]);
    t.wait_for("31. februar 2026 findes ikke");
    t.wait_for("31-02-2026");
    t.keys(&["BTab"]);
    for _ in 0.."31-02-2026".len() {
        t.keys(&["BSpace"]);
    }
    t.type_text("28-02-2026");
    t.keys(&["Tab"]);
    let session = wait_for_saved(t.data_dir(), |s| {
        s.answers.values().any(|a| matches!(a, Answer::Date(_)))
    });
    assert!(session.unparsed.is_empty());
    assert!(!t.screen().contains("findes ikke"));
}

#[test]
fn pasted_text_keeps_its_lines_and_resizing_down_to_40x12_works() {
    let t = Tmux::start(&["1"]);
    t.wait_for("Trin 1 af 5");
    t.paste("Første linje\nAnden linje med æøå");
    wait_for_saved(t.data_dir(), |s| {
        text_answers(s)
            .iter()
            .any(|a| a == "Første linje\nAnden linje med æøå")
    });
    t.resize(40, 12);
    t.wait_for("Trin 1 af 5");
    t.resize(100, 30);
    t.keys(&["F1"]);
    t.wait_for("Hjælp");
    // Esc and Ctrl-Q sent in one write would read as Alt-Ctrl-Q: the help closes first.
    t.keys(&["Escape"]);
    t.wait_for("Tab næste felt");
    t.keys(&["C-q"]);
    t.wait_for_exit();
}

#[test]
fn the_msb_agreement_keeps_a_weekly_schedule_and_a_follow_up_row() {
    let t = Tmux::start(&["6"]);
    t.wait_for("Trin 1 af 5");
    t.keys(&["PageDown", "PageDown"]);
    t.wait_for("Trin 3 af 5 · Ugeskema");
    t.keys(&["Enter"]); // + Tilføj uge
    t.type_text("48");
    t.keys(&["Tab"]);
    t.type_text("4 timer, lette opgaver");
    t.keys(&["Tab"]);
    t.type_text("4 timer");
    t.wait_for("Uge 48/");
    t.keys(&["PageDown"]);
    t.wait_for("Trin 4 af 5 · Opfølgning og evaluering");
    // Past the next follow-up date to the table's "add row".
    t.keys(&["Tab", "Enter"]);
    t.type_text("24-11-2026");
    t.keys(&["Tab"]);
    t.type_text("Det går bedre med løft");
    t.keys(&["Tab"]);
    t.type_text("Enig – fortsæt planen");
    t.wait_for("Enig – fortsæt planen");
    t.keys(&["C-q"]);
    t.wait_for_exit();

    let session = only_session(t.data_dir());
    let Some(Answer::Rows(weeks)) = session.answers.get("ugeskema") else {
        panic!("no weekly schedule saved: {:?}", session.answers)
    };
    assert_eq!(weeks.len(), 1);
    assert!(weeks[0]["uge"].ends_with("-W48"), "{weeks:?}");
    assert_eq!(weeks[0]["mandag"], "4 timer, lette opgaver");
    assert_eq!(weeks[0]["tirsdag"], "4 timer");
    let Some(Answer::Rows(rows)) = session.answers.get("opfoelgninger") else {
        panic!("no follow-up saved: {:?}", session.answers)
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["dato"], "2026-11-24");
    assert_eq!(rows[0]["medarbejder-kommentarer"], "Det går bedre med løft");
    assert_eq!(rows[0]["arbejdsgiver-kommentarer"], "Enig – fortsæt planen");
}

#[test]
fn the_review_screen_exports_with_one_key_and_asks_before_overwriting() {
    let t = Tmux::start(&["12"]);
    t.wait_for("Trin 1 af 6");
    t.type_text("Gulvvask <b>fed</b>");
    t.keys(&["C-r"]);
    t.wait_for("Gennemse");
    t.type_text("e");
    t.wait_for("Eksportér sessionen");
    t.keys(&["Enter"]);
    t.wait_for("Eksporteret:");
    let exports = t.data_dir().join("exports");
    let files: Vec<_> = std::fs::read_dir(&exports)
        .expect("an exports folder")
        .collect();
    assert_eq!(files.len(), 1);
    let path = files[0].as_ref().expect("a file").path();
    assert!(path.extension().is_some_and(|e| e == "html"));
    let html = std::fs::read_to_string(&path).expect("readable");
    assert!(html.contains("Gulvvask &lt;b&gt;fed&lt;/b&gt;"), "{html}");

    // The same export again: the file exists, so it asks first.
    t.type_text("e");
    t.wait_for("Eksportér sessionen");
    t.keys(&["Enter"]);
    t.wait_for("Filen findes allerede");
    t.keys(&["Enter"]);
    t.wait_for("Eksporteret:");
    assert_eq!(std::fs::read_dir(&exports).expect("the folder").count(), 1);
}

#[test]
fn a_session_opened_after_its_tool_changed_says_so_and_keeps_every_answer() {
    let t = Tmux::start(&["10"]);
    t.wait_for("Trin 1 af 7");
    t.type_text("j");
    wait_for_saved(t.data_dir(), |s| !s.answers.is_empty());
    t.keys(&["C-q"]);
    t.wait_for_exit();

    // A newer definition of the screening, in which the first question has another id.
    let tools = tempfile::tempdir().expect("a folder");
    let changed = include_str!("../tools/10-screening.ron")
        .replace("version: 2,", "version: 3,")
        .replace("\"negative-forventninger\"", "\"negative-forventninger-2\"");
    std::fs::write(tools.path().join("screening.ron"), changed).expect("writable");
    let dir = tools.path().display().to_string();
    t.restart(&["--tools", &dir]);
    t.wait_for("Medarbejder");
    t.type_text("s");
    t.wait_for("kladde");
    t.keys(&["Enter"]);
    t.wait_for("Redskabet er ændret (version 2 → 3)");
    t.wait_for("negative-forventninger: har intet spørgsmål længere");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    let session = only_session(t.data_dir());
    assert!(
        session.answers.contains_key("negative-forventninger"),
        "the old answer is kept"
    );
}

// ----- Every text stays where it was typed: the reproductions of a bug that carried one
// step's editor into the next step's field. -----

/// The text of the answer to `field`, if it is text.
fn text_of(session: &vejen_frem::core::session::Session, field: &str) -> Option<String> {
    match session.answers.get(field) {
        Some(Answer::Text(t)) => Some(t.clone()),
        _ => None,
    }
}

#[test]
fn a_tool_opened_and_left_at_once_leaves_no_file() {
    let t = Tmux::start(&["10"]);
    t.wait_for("Trin 1 af 7");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    assert_eq!(
        session_files(t.data_dir()),
        Vec::<std::path::PathBuf>::new()
    );
    let names: Vec<String> = std::fs::read_dir(t.data_dir())
        .expect("the data folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".lock") || n.starts_with(".tmp-"))
        .collect();
    assert!(names.is_empty(), "left behind: {names:?}");
}

#[test]
fn a_goal_typed_on_one_step_does_not_appear_on_the_next() {
    let t = Tmux::start(&["13"]);
    t.wait_for("Trin 1 af 3");
    t.type_text("Tilbage på fuld tid");
    t.keys(&["PageDown"]);
    let screen = t.wait_for("Trin 2 af 3");
    // The next step's first field shows the report's example, not the text just typed.
    assert_eq!(screen.matches("Tilbage på fuld tid").count(), 0, "{screen}");
    assert!(screen.contains("Lave øvelser for min ryg"), "{screen}");
    t.type_text("Øvelser X");
    let saved = wait_for_saved(t.data_dir(), |s| text_of(s, "konkret").is_some());
    assert_eq!(text_of(&saved, "konkret").as_deref(), Some("Øvelser X"));
    assert_eq!(
        text_of(&saved, "vigtigste-maal").as_deref(),
        Some("Tilbage på fuld tid")
    );
}

#[test]
fn problem_solving_keeps_each_steps_answers_apart() {
    let t = Tmux::start(&["12"]);
    t.wait_for("Trin 1 af 6");
    t.keys(&["PageDown"]);
    t.wait_for("Trin 2 af 6");
    t.type_text("Løft over skulderhøjde");
    t.keys(&["PageDown"]);
    t.wait_for("Trin 3 af 6");
    t.type_text("Hæve-sænkebord");
    let saved = wait_for_saved(t.data_dir(), |s| text_of(s, "frie-loesninger").is_some());
    assert_eq!(
        text_of(&saved, "problematiske-dele").as_deref(),
        Some("Løft over skulderhøjde")
    );
    assert_eq!(
        text_of(&saved, "frie-loesninger").as_deref(),
        Some("Hæve-sænkebord")
    );
}

#[test]
fn a_date_and_a_name_on_neighbouring_steps_stay_in_their_own_fields() {
    let t = Tmux::start(&["6"]);
    t.wait_for("Trin 1 af 5");
    t.type_text("15-10-2026");
    t.keys(&["PageDown"]);
    let screen = t.wait_for("Trin 2 af 5");
    assert!(!screen.contains("15-10-2026"), "{screen}");
    t.type_text("Bente");
    t.keys(&["PageUp"]);
    let screen = t.wait_for("Trin 1 af 5");
    assert!(
        screen.contains("15-10-2026") && !screen.contains("Bente"),
        "{screen}"
    );
    // One Backspace edits the date, not a name carried over from the other step.
    t.keys(&["BSpace"]);
    let saved = wait_for_saved(t.data_dir(), |s| !s.unparsed.is_empty());
    assert_eq!(
        saved.unparsed.values().collect::<Vec<_>>(),
        ["15-10-202"],
        "{:?}",
        saved.unparsed
    );
    assert_eq!(text_of(&saved, "ansvarlig").as_deref(), Some("Bente"));
}

#[test]
fn the_next_follow_up_survives_moving_between_steps() {
    let t = Tmux::start(&["6"]);
    t.wait_for("Trin 1 af 5");
    t.keys(&["PageDown", "PageDown", "PageDown"]);
    t.wait_for("Trin 4 af 5");
    t.type_text("30-11-2027");
    t.keys(&["PageUp"]);
    t.wait_for("Trin 3 af 5");
    t.keys(&["PageDown"]);
    t.wait_for("Trin 4 af 5");
    // On to the closing step, whose first field is a date too: one edit there must not
    // make the follow-up date its closing date.
    t.keys(&["PageDown"]);
    let screen = t.wait_for("Trin 5 af 5");
    assert!(!screen.contains("30-11-2027"), "{screen}");
    t.type_text("1");
    t.keys(&["BSpace"]);
    wait_for_saved(t.data_dir(), |s| s.unparsed.is_empty());
    t.keys(&["C-q"]);
    t.wait_for_exit();
    let session = only_session(t.data_dir());
    assert_eq!(
        session.follow_up,
        chrono::NaiveDate::from_ymd_opt(2027, 11, 30)
    );
    assert!(!session.answers.contains_key("tilbage-vanlige-opgaver"));
    let out = common::program()
        .args([
            "--data-dir",
            &t.data_dir().display().to_string(),
            "followups",
        ])
        .output()
        .expect("the program runs");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("30-11-2027"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// *Viden* as a person uses it: the quiz played to its score with nothing saved, then a
/// workplace's answers to the reflection questions, saved, completed and exported in
/// each format.
#[test]
fn the_quiz_is_played_and_a_workplace_answers_the_reflection_questions() {
    let statements = vejen_frem::core::portal::Portal::builtin()
        .expect("the built-in portal")
        .quiz
        .statements;
    let total = statements.len();
    let t = Tmux::start(&[]);
    t.wait_for("Medarbejder");
    t.keys(&["BTab"]); // Viden, the last tab
    t.wait_for("Hvem er du?");
    for _ in 0..5 {
        t.keys(&["Down"]);
    }
    t.wait_for("▶ Quiz");
    t.keys(&["Enter"]);
    for (n, statement) in statements.iter().enumerate() {
        t.wait_for(&format!("Quiz · udsagn {} af {total}", n + 1));
        t.wait_for("Tryk s eller f");
        t.type_text(if statement.answer { "s" } else { "f" });
        t.wait_for("✓ Rigtigt");
        t.keys(&["Enter"]);
    }
    t.wait_for(&format!(
        "Du svarede som rapporten på {total} af {total} udsagn."
    ));
    assert!(
        session_files(t.data_dir()).is_empty(),
        "the quiz saves nothing"
    );

    t.keys(&["Escape"]);
    t.wait_for("Hvem er du?");
    t.keys(&["Down"]);
    t.wait_for("▶ Overvejelser");
    t.keys(&["Enter"]);
    t.wait_for("+ Ny arbejdsplads");
    t.keys(&["Enter"]);
    t.wait_for("Arbejdspladsens navn");
    t.type_text("Lager Nord");
    t.keys(&["Enter"]);
    t.wait_for("Lager Nord · Overvejelser I kan gøre jer på arbejdspladsen");
    t.wait_for("Trin 1 af 6");
    t.type_text("Tre på lageret");
    for step in 2..=6 {
        t.keys(&["PageDown"]);
        t.wait_for(&format!("Trin {step} af 6"));
    }
    t.type_text("Hvert kvartal på arbejdsmiljømødet");
    t.keys(&["C-r"]);
    t.wait_for("Gennemse");
    t.type_text("a");
    t.wait_for("afsluttet som færdig");
    t.type_text("e");
    t.wait_for("Arbejdspladsen (til arbejdsmiljømødet)");
    t.keys(&["Enter"]);
    t.wait_for("Eksporteret");
    // Closing the session goes back to the workplaces, where it is listed.
    t.keys(&["Escape"]);
    t.wait_for("Trin 6 af 6");
    t.keys(&["Escape"]);
    t.wait_for("Esc luk");
    t.keys(&["Escape"]);
    t.wait_for("Lager Nord · færdig");
    t.keys(&["C-q"]);
    t.wait_for_exit();

    let session = only_session(t.data_dir());
    assert_eq!(session.tool, "overvejelser");
    assert_eq!(session.label, "Lager Nord");
    assert_eq!(session.status, Status::Completed);
    let answers = text_answers(&session);
    for typed in ["Tre på lageret", "Hvert kvartal på arbejdsmiljømødet"] {
        assert!(answers.iter().any(|a| a == typed), "{answers:?}");
    }
    let exports = t.data_dir().join("exports");
    let html = std::fs::read_to_string(exports.join(format!("{}-arbejdsplads.html", session.id)))
        .expect("the export from the review");
    assert!(
        html.contains("Lager Nord") && html.contains("Hvert kvartal"),
        "{html}"
    );
    // Markdown and text from the command line, for the workplace by default.
    let data = t.data_dir().display().to_string();
    for format in ["md", "txt"] {
        let out = common::program()
            .args([
                "--data-dir",
                &data,
                "export",
                &session.id,
                "--format",
                format,
            ])
            .output()
            .expect("the program runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = exports.join(format!("{}-arbejdsplads.{format}", session.id));
        let text = std::fs::read_to_string(&file).expect("the exported file");
        assert!(
            text.contains("Arbejdsplads: Lager Nord")
                || text.contains("**Arbejdsplads:** Lager Nord"),
            "{text}"
        );
        assert!(
            text.contains("Hvor mange kender I til, som har MSB på jeres arbejdsplads?"),
            "{text}"
        );
        assert!(text.contains("Tre på lageret"), "{text}");
    }
}

/// The MSB-policy's paragraphs are adapted by typing, saved as the workplace wrote them,
/// and given the report's wording again with Ctrl-G.
#[test]
fn a_policy_paragraph_is_adapted_and_restored_by_keys() {
    let t = Tmux::start(&["9"]);
    t.wait_for("Trin 1 af 3");
    t.keys(&["PageDown", "PageDown"]);
    t.wait_for("Trin 3 af 3");
    // The editor opens with the report's wording, the cursor at its end.
    t.type_text(" Træningen er tirsdag.");
    t.keys(&["Tab"]);
    t.wait_for("↳ tilpasset");
    let saved = wait_for_saved(t.data_dir(), |s| s.answers.contains_key("politik"));
    let Some(Answer::Paragraphs(adapted)) = saved.answers.get("politik") else {
        panic!("no adapted paragraph: {:?}", saved.answers)
    };
    assert!(
        adapted[&0].ends_with("som en del af arbejdsdagen. Træningen er tirsdag."),
        "{adapted:?}"
    );
    t.keys(&["BTab", "C-g"]);
    let screen = t.wait_for("Trin 3 af 3");
    assert!(!screen.contains("Træningen er tirsdag"), "{screen}");
    wait_for_saved(t.data_dir(), |s| !s.answers.contains_key("politik"));
}

/// The GP's note of a consultation: shown on the forløb with one key, copied to the
/// clipboard through the terminal (read back from tmux's buffer), saved in the exports
/// folder, asked before it is saved over, and the note of the week before next to it.
#[test]
fn the_note_of_a_consultation_is_copied_through_the_terminal_and_saved() {
    let data = tempfile::tempdir().unwrap();
    consultation::saved(data.path());
    // Only the consultation's forløb, so it is the one Enter opens.
    std::fs::remove_file(data.path().join("forloeb/20261123-100000-00ab.ron")).unwrap();
    let catalog = consultation::catalog();
    let golden = note(
        &catalog,
        consultation::FORLOEB,
        consultation::day(),
        &consultation::sessions(&catalog),
    )
    .unwrap()
    .text();

    let t = Tmux::start_in(&[], data);
    t.allow_clipboard();
    t.wait_for("Redskaber");
    t.keys(&["Tab"]);
    t.wait_for("KH · 4 sessioner");
    t.keys(&["Enter"]);
    t.wait_for("Forløb: KH");
    t.type_text("n");
    t.wait_for("Notat til journalen · mandag 23-11-2026");
    t.type_text("c");
    t.wait_for("Kopieret gennem terminalen");
    assert_eq!(t.clipboard(), golden);

    t.type_text("g");
    t.wait_for("Notatet er gemt");
    let file = t
        .data_dir()
        .join("exports")
        .join(file_name(consultation::FORLOEB_ID, consultation::day()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), golden);
    t.type_text("g");
    t.wait_for("Filen findes allerede");
    t.type_text("g");
    t.wait_for("Notatet er gemt");

    // The week before: another day, another note.
    t.keys(&["Left"]);
    t.wait_for("Målet fra sidste uge");
    t.keys(&["Escape"]);
    t.wait_for("Forløb: KH");
    t.keys(&["C-q"]);
    t.wait_for_exit();
}

/// Dates typed as people type them, in a date field and a table cell: read back with the
/// weekday while typing, stored as the date, shown with the weekday afterwards and after a
/// restart.
#[test]
fn dates_are_typed_as_people_type_them() {
    let t = Tmux::start(&["6"]);
    t.wait_for("Trin 1 af 5");
    t.keys(&["PageDown", "PageDown", "PageDown"]);
    t.wait_for("Dato for næste opfølgning");
    t.type_text("4/1 2027");
    t.wait_for("= mandag 04-01-2027");
    t.keys(&["Tab"]);
    t.wait_for("│ mandag 04-01-2027");
    t.keys(&["Enter"]); // + Tilføj række
    t.type_text("+2u");
    let in_two_weeks = chrono::Local::now().date_naive() + chrono::Days::new(14);
    let shown = present::date_with_weekday(in_two_weeks);
    t.wait_for(&format!("= {shown}"));
    let saved = wait_for_saved(t.data_dir(), |s| {
        s.answers.get("opfoelgninger").is_some_and(|a| {
            matches!(a, Answer::Rows(rows) if rows.first().and_then(|r| r.get("dato"))
                == Some(&in_two_weeks.format("%Y-%m-%d").to_string()))
        })
    });
    assert_eq!(
        saved.answers.get("naeste-opfoelgning"),
        Some(&Answer::Date(
            chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
        ))
    );
    t.keys(&["C-q"]);
    t.wait_for_exit();
    // Resumed: both dates with their weekdays (the table's saved row can no longer change).
    t.restart(&[]);
    t.wait_for("Redskaber");
    t.keys(&["Tab", "Tab"]);
    t.wait_for("6 MSB-aftale");
    t.keys(&["Enter"]);
    t.wait_for("│ mandag 04-01-2027");
    t.wait_for(&format!("Dato for opfølgning: {shown}"));
}

/// Keys pressed in a test, counted apart from the text typed as answers and notes.
struct Counted<'a> {
    t: &'a Tmux,
    keys: usize,
}

impl Counted<'_> {
    /// Keys that move, choose or open: counted.
    fn press(&mut self, keys: &[&str]) {
        for key in keys {
            self.t.keys(&[key]);
            self.keys += 1;
        }
    }

    /// A key typed as a character (an answer's number, `t`, `n`, `c`): counted.
    fn char(&mut self, c: &str) {
        self.t.type_text(c);
        self.keys += 1;
    }

    /// Esc, then Esc again once the first has been taken (leave the field, close).
    fn leave(&mut self, after_first: &str) {
        self.press(&["Escape"]);
        self.t.wait_for(after_first);
        self.press(&["Escape"]);
    }

    /// The patient's words and the GP's notes: not counted.
    fn write(&self, text: &str) {
        self.t.type_text(text);
    }
}

/// The GP's consultation, played by keys: the screening started in the patient's forløb
/// with notes on three barriers, the link from one of them to the goal and back, the
/// action points picked as the next tool, and the note for the record copied. The keys
/// that are not answers' text are counted (README: "A consultation in keys").
#[test]
fn a_gps_consultation_takes_at_most_forty_keys_beyond_what_is_written() {
    let t = Tmux::start(&["10", "-f", "KH"]);
    t.allow_clipboard();
    let mut k = Counted { t: &t, keys: 0 };
    t.wait_for("Der er intet forløb, der hedder KH");
    k.press(&["Enter"]);
    t.wait_for("KH · Redskab 10");
    // 1. Negative forventninger: ja, with a note.
    k.char("1");
    k.press(&["Tab"]);
    k.write("Frygter fyring ved ny sygemelding");
    k.press(&["PageDown"]);
    t.wait_for("Trin 2 af 7");
    // 2. and 3.: no barrier.
    k.char("2");
    k.press(&["PageDown"]);
    t.wait_for("Trin 3 af 7");
    k.char("1");
    k.press(&["PageDown"]);
    t.wait_for("Trin 4 af 7");
    // 4. Stressende arbejdsforhold: ja, with a note.
    k.char("1");
    k.press(&["Tab"]);
    k.write("Nyt vagtskema, mange aftenvagter");
    k.press(&["PageDown"]);
    t.wait_for("Trin 5 af 7");
    // 5. Social støtte: the patient's words skipped, no barrier.
    k.press(&["Tab"]);
    k.char("2");
    k.press(&["PageDown"]);
    t.wait_for("Trin 6 af 7");
    // 6. Utilfreds med jobbet: nej points to the barrier; a note, then goal-setting.
    k.char("2");
    k.press(&["Tab"]);
    k.write("Vil gerne skifte afdeling");
    k.press(&["Tab"]);
    t.wait_for("▶   [→ Åbn Redskab 13");
    k.press(&["Enter"]);
    t.wait_for("KH · Redskab 13");
    k.write("Tilbage på fuld tid i dagvagt");
    k.press(&["PageDown"]);
    t.wait_for("Trin 2 af 3");
    k.write("Arbejde 4 timer om dagen");
    k.leave("Esc luk");
    t.wait_for("KH · Redskab 10");
    k.press(&["PageDown"]);
    t.wait_for("Trin 7 af 7");
    // 7. Angst for tilbagefald: no barrier. Done: back to the forløb.
    k.char("2");
    k.leave("Esc luk");
    t.wait_for("Forløb: KH");
    // The action points: offered first after the goal.
    k.char("t");
    t.wait_for("Forslag til næste redskab");
    k.press(&["Enter"]);
    t.wait_for("KH · Redskab 11");
    k.press(&["PageDown"]);
    t.wait_for("Trin 2 af 5");
    k.press(&["Space"]);
    k.press(&["PageDown"]);
    t.wait_for("Trin 3 af 5");
    k.press(&["Space"]);
    k.leave("Esc luk");
    t.wait_for("Forløb: KH");
    // The note for the record, copied.
    k.char("n");
    t.wait_for("Notat til journalen");
    k.char("c");
    t.wait_for("Kopieret gennem terminalen");
    let note = t.clipboard();
    // Read as one line: the note wraps at 72 columns.
    let flat = note.split_whitespace().collect::<Vec<_>>().join(" ");
    eprintln!(
        "the consultation took {} keys beyond what was written",
        k.keys
    );
    assert!(k.keys <= 40, "{} keys", k.keys);
    for written in [
        "Frygter fyring ved ny sygemelding",
        "Nyt vagtskema, mange aftenvagter",
        "Vil gerne skifte afdeling",
        "Tilbage på fuld tid i dagvagt",
        "[x] Afliv myter",
    ] {
        assert!(
            flat.contains(written),
            "{written} is not in the note:\n{note}"
        );
    }
    t.keys(&["C-q"]);
    t.wait_for_exit();
    let files = session_files(t.data_dir());
    assert_eq!(
        files.len(),
        3,
        "screening, goal and action points: {files:?}"
    );
}

/// Every file under `dir` that holds `text`, as `grep -r` finds them.
fn grep_r(dir: &std::path::Path, text: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            found.extend(grep_r(&path, text));
        } else if std::fs::read(&path)
            .unwrap_or_default()
            .windows(text.len())
            .any(|w| w == text.as_bytes())
        {
            found.push(path);
        }
    }
    found
}

#[test]
fn an_encrypted_folder_asks_first_locks_when_idle_and_holds_nothing_typed() {
    const PASSPHRASE: &str = "blå hest spiser syv røde æbler";
    const SENTINEL: &str = "SENTINEL Kirsten har ondt";
    let data = tempfile::tempdir().unwrap();
    vejen_frem::store::convert::encrypt(data.path(), PASSPHRASE).unwrap();
    // Locks itself after 3 seconds without a key.
    let t = Tmux::start_in(&["1", "--lock-after", "0.05"], data);
    t.wait_for("Datamappen er krypteret");
    t.type_text("forkert kode");
    t.keys(&["Enter"]);
    t.wait_for("Forkert adgangskode");
    t.type_text(PASSPHRASE);
    t.keys(&["Enter"]);
    t.wait_for("Trin 1 af 5");
    t.type_text(SENTINEL);
    t.wait_for(SENTINEL);
    // Idle: locked, saved first, nothing of it on the screen.
    let locked = t.wait_for("Skærmen er låst");
    assert!(
        !locked.contains("Kirsten") && !locked.contains("Redskab"),
        "{locked}"
    );
    t.type_text(PASSPHRASE);
    t.keys(&["Enter"]);
    // Back exactly where it was: the same field, the cursor after the text.
    t.wait_for(SENTINEL);
    t.type_text(" i knæet");
    t.wait_for(&format!("{SENTINEL} i knæet"));
    // One key locks at once.
    t.keys(&["C-o"]);
    let locked = t.wait_for("Skærmen er låst");
    assert!(!locked.contains("Kirsten"), "{locked}");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    assert_eq!(
        grep_r(t.data_dir(), "Kirsten"),
        Vec::<std::path::PathBuf>::new()
    );
    assert!(
        session_files(t.data_dir()).is_empty(),
        "no plain session file"
    );
    // What was typed is there, for the passphrase.
    let store = common::unlocked(t.data_dir(), PASSPHRASE);
    let listed = store.list();
    let vejen_frem::store::sessions::Listed::Session(summary) = &listed[0] else {
        panic!("{listed:?}")
    };
    let session = store.load(&summary.id).unwrap();
    assert!(
        text_answers(&session).contains(&format!("{SENTINEL} i knæet")),
        "{:?}",
        session.answers
    );
}

#[test]
fn a_session_is_deleted_from_the_sessions_screen_after_a_confirmation_naming_it() {
    let t = Tmux::start(&["1"]);
    t.wait_for("Trin 1 af 5");
    t.type_text("Gulvvask");
    let saved = wait_for_saved(t.data_dir(), |s| !s.answers.is_empty());
    t.keys(&["Escape", "Escape"]);
    t.wait_for("Sessioner");
    t.keys(&["C-d"]);
    let asked = t.wait_for("Slet for altid?");
    assert!(asked.contains(&saved.id[..15]), "{asked}");
    // Esc keeps it.
    t.keys(&["Escape"]);
    t.wait_for("kladde");
    assert_eq!(session_files(t.data_dir()).len(), 1);
    t.keys(&["C-d"]);
    t.wait_for("Slet for altid?");
    t.keys(&["Enter"]);
    t.wait_for("Slettet: 1 session");
    assert!(session_files(t.data_dir()).is_empty());
    t.keys(&["C-q"]);
    t.wait_for_exit();
}

#[test]
fn encrypt_asks_for_a_strong_passphrase_twice_without_showing_it() {
    const PASSPHRASE: &str = "grøn cykel under den gamle bro";
    let t = Tmux::start(&["encrypt"]);
    t.wait_for("Ny adgangskode:");
    t.type_text("kort");
    t.keys(&["Enter"]);
    t.wait_for("for kort");
    t.wait_for_exit();
    assert!(!t.data_dir().join("store.key").exists(), "nothing written");
    t.restart(&["encrypt"]);
    t.wait_for("Ny adgangskode:");
    t.type_text(PASSPHRASE);
    t.keys(&["Enter"]);
    t.wait_for("Samme adgangskode igen:");
    t.type_text(PASSPHRASE);
    t.keys(&["Enter"]);
    let screen = t.wait_for("er nu krypteret");
    assert!(!screen.contains("cykel"), "{screen}");
    assert!(screen.contains("kan ikke genskabes"), "{screen}");
    assert!(t.data_dir().join("store.key").exists());
}
