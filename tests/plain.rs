//! Plain mode end to end: the real program in tmux with `TERM=dumb`, typed at line by line
//! as a screen-reader user would; resumed after quitting; filled from a file of answers;
//! and without any terminal at all.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::process::Stdio;

use chrono::NaiveDate;
use common::{Tmux, only_session, piped, session_files, unlocked};
use vejen_frem::core::session::{Answer, Status};

/// Types a line and Enter.
fn line(tmux: &Tmux, text: &str) {
    if !text.is_empty() {
        tmux.type_text(text);
    }
    tmux.keys(&["Enter"]);
}

fn choice(answers: &std::collections::BTreeMap<String, Answer>, field: &str) -> Option<String> {
    match answers.get(field) {
        Some(Answer::Choice(id)) => Some(id.clone()),
        _ => None,
    }
}

#[test]
fn the_screening_answered_by_typed_lines_on_a_dumb_terminal() {
    // No --plain: TERM=dumb is enough.
    let tmux = Tmux::start_shell("exec env TERM=dumb {bin} 10 --data-dir {data}");
    let screen = tmux.wait_for("Skriv 1, 2 eller 3:");
    assert!(screen.contains("Trin 1 af 7: Negative forventninger til arbejdsfastholdelse"));
    assert!(screen.contains("1) Ja  2) Nej  3) Ved ikke"), "{screen}");
    // One barrier after the other: the answer, the notes (several lines, ended by an
    // empty line), and the next step comes.
    let steps: [&[&str]; 7] = [
        &["1", "Bange for at miste jobbet", "og for økonomien", ""],
        &["nej", ""],
        &["1", ""],
        &["2", ""],
        &["Godt, tror jeg", "", "Nej", ""],
        &["1", ""],
        &["ved ikke", "Især ved løft", ""],
    ];
    for (k, lines) in steps.iter().enumerate() {
        for text in *lines {
            line(&tmux, text);
        }
        let next = match k + 2 {
            8 => "Hvad nu?".to_string(),
            n => format!("Trin {n} af 7"),
        };
        tmux.wait_for(&next);
    }
    // The review, its choices last: nothing is missing, so completing is the first.
    let screen = tmux.wait_for("1) Afslut sessionen som færdig");
    assert!(screen.contains("Noter: Især ved løft"), "{screen}");
    line(&tmux, "1");
    tmux.wait_for("Sessionen er afsluttet som færdig og gemt.");
    tmux.wait_for_exit();
    let session = only_session(tmux.data_dir());
    assert_eq!(session.status, Status::Completed);
    assert_eq!(
        choice(&session.answers, "negative-forventninger").as_deref(),
        Some("ja")
    );
    assert_eq!(
        session
            .comments
            .get("negative-forventninger")
            .map(String::as_str),
        Some("Bange for at miste jobbet\nog for økonomien")
    );
    assert_eq!(
        choice(&session.answers, "angst-for-tilbagefald").as_deref(),
        Some("ved-ikke")
    );
    assert_eq!(
        session.answers.get("social-stoette-svar"),
        Some(&Answer::Text("Godt, tror jeg".into()))
    );
    // Plain lines only: no escape sequence reached the terminal (tmux would show none,
    // but it would have moved the cursor and left the screen in pieces).
    assert!(!tmux.screen().contains('\u{1b}'));
}

#[test]
fn quit_and_resume_where_it_was_left() {
    let tmux = Tmux::start(&["--plain", "10"]);
    tmux.wait_for("Skriv 1, 2 eller 3:");
    line(&tmux, "2");
    line(&tmux, "");
    tmux.wait_for("Trin 2 af 7");
    line(&tmux, "afslut");
    tmux.wait_for("Alt er gemt. Fortsæt senere med: vejen-frem --plain");
    tmux.wait_for_exit();
    tmux.restart(&["--plain"]);
    let screen = tmux.wait_for("Valg:");
    assert!(screen.contains("Kladder, nyeste først:"), "{screen}");
    assert!(
        screen.contains("1) Redskab 10 · Screening for barrierer for arbejdsfastholdelse"),
        "{screen}"
    );
    line(&tmux, "1");
    let screen = tmux.wait_for("Du fortsætter, hvor du slap.");
    let resumed = screen.split("Du fortsætter").nth(1).unwrap_or_default();
    assert!(
        resumed.contains("Trin 2 af 7: Fysisk tungt arbejde"),
        "{screen}"
    );
    line(&tmux, "3");
    line(&tmux, "");
    tmux.wait_for("Åbn det nu");
    tmux.keys(&["C-d"]);
    tmux.wait_for("Slut på input. Alt er gemt");
    tmux.wait_for_exit();
    let session = only_session(tmux.data_dir());
    assert_eq!(
        choice(&session.answers, "negative-forventninger").as_deref(),
        Some("nej")
    );
    assert_eq!(
        choice(&session.answers, "fysisk-tungt-arbejde").as_deref(),
        Some("ved-ikke")
    );
    assert_eq!(session.status, Status::Draft);
}

/// Redskab 3's answers, one per line in the order asked: a date refused and put right, a
/// list of two tasks, a week of the schedule, a row of the follow-up log whose date is put
/// right, and notes of two lines.
const AGREEMENT: &str = "\
31-02-2026
28-02-2026
1
nej

ja
Mette
i morgen
1
20 timer
Lettere opgaver
Kontorarbejde

1-12-2026
31-1-2027
spring over



49
4 timer
4 timer







30-02-2026
30-12-2026
Går bedre
Ser fremskridt
Hæve-sænkebord
Fortsæt planen




Aftalen holdt.
Evalueres i januar.

";

fn check_agreement(dir: &std::path::Path, out: &str) {
    let session = only_session(dir);
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        session.answers.get("problem-opstaaet"),
        Some(&Answer::Date(date(2026, 2, 28))),
        "{out}"
    );
    assert_eq!(
        session.answers.get("arbejdsopgaver"),
        Some(&Answer::Entries(vec![
            "Lettere opgaver".into(),
            "Kontorarbejde".into()
        ]))
    );
    let Some(Answer::Rows(log)) = session.answers.get("opfoelgninger") else {
        panic!("no follow-up row: {out}")
    };
    assert_eq!(log[0].get("dato").map(String::as_str), Some("2026-12-30"));
    assert_eq!(
        log[0].get("adresseret").map(String::as_str),
        Some("Hæve-sænkebord")
    );
    let Some(Answer::Rows(weeks)) = session.answers.get("ugeskema") else {
        panic!("no schedule: {out}")
    };
    assert_eq!(weeks[0].get("mandag").map(String::as_str), Some("4 timer"));
    assert_eq!(
        session.answers.get("noter"),
        Some(&Answer::Text("Aftalen holdt.\nEvalueres i januar.".into()))
    );
    assert!(session.unparsed.is_empty(), "{:?}", session.unparsed);
}

#[test]
fn a_file_of_answers_fills_a_session_in_the_order_asked() {
    let files = tempfile::tempdir().unwrap();
    let answers = files.path().join("svar.txt");
    std::fs::write(&answers, AGREEMENT).unwrap();
    let tmux = Tmux::start_shell(&format!(
        "exec {{bin}} --plain 3 --data-dir {{data}} < '{}'",
        answers.display()
    ));
    let screen = tmux.wait_for("Slut på input. Alt er gemt");
    tmux.wait_for_exit();
    check_agreement(tmux.data_dir(), &screen);
}

#[test]
fn without_a_terminal_it_asks_line_by_line_and_writes_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = piped(
        &["3", "--data-dir", dir.path().to_str().unwrap()],
        AGREEMENT,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_agreement(dir.path(), &text);
    // The conversation reads in order, answers after their prompts, nothing but text.
    assert!(text.contains("Dato (dd-mm-åååå): 31-02-2026\n31. februar 2026 findes ikke."));
    assert!(
        text.contains("Arbejdsopgave 2: Kontorarbejde\nArbejdsopgave 3: \n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "{text:?}");
}

#[test]
fn an_encrypted_folder_is_opened_with_the_passphrase_file_and_stays_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let secret = tempfile::tempdir().unwrap();
    let pass = secret.path().join("adgangskode");
    std::fs::write(&pass, "hest batteri klips hæfteklamme\n").unwrap();
    let (ok, _, err) = common::run(&[
        "encrypt",
        "--data-dir",
        dir.path().to_str().unwrap(),
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let out = piped(
        &[
            "--plain",
            "10",
            "--data-dir",
            dir.path().to_str().unwrap(),
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
        "1\nBange for at miste jobbet\n\n",
    );
    assert!(out.status.success());
    // No plain session file; the one saved opens with the passphrase.
    assert!(session_files(dir.path()).is_empty());
    let store = unlocked(dir.path(), "hest batteri klips hæfteklamme");
    let ids: Vec<String> = store
        .list()
        .into_iter()
        .filter_map(|l| match l {
            vejen_frem::store::sessions::Listed::Session(s) => Some(s.id),
            _ => None,
        })
        .collect();
    assert_eq!(ids.len(), 1);
    let session = store.load(&ids[0]).unwrap();
    assert_eq!(
        session
            .comments
            .get("negative-forventninger")
            .map(String::as_str),
        Some("Bange for at miste jobbet")
    );
}

/// Typed at a terminal with the output piped on (`| cat`, `| tee log`): the terminal shows
/// what is typed, so nothing is written twice, and the answers are saved.
#[test]
fn typed_at_a_terminal_with_the_output_piped_on() {
    let tmux = Tmux::start_shell("{bin} 10 --data-dir {data} | cat");
    tmux.wait_for("Skriv 1, 2 eller 3:");
    line(&tmux, "1");
    line(&tmux, "Bange for jobbet");
    line(&tmux, "");
    tmux.wait_for("Trin 2 af 7");
    line(&tmux, "afslut");
    let screen = tmux.wait_for("Alt er gemt.");
    tmux.wait_for_exit();
    assert_eq!(screen.matches("Bange for jobbet").count(), 1, "{screen}");
    let session = only_session(tmux.data_dir());
    assert_eq!(
        choice(&session.answers, "negative-forventninger").as_deref(),
        Some("ja")
    );
}

/// With nothing to read and nowhere to draw, the program asks, meets the end of its input
/// and ends: never a panic, never an escape sequence, nothing written in the data folder.
#[test]
fn nothing_to_read_and_no_terminal_ends_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let data = folder.to_str().unwrap();
    for args in [vec!["--data-dir", data], vec!["10", "--data-dir", data]] {
        let out = common::program()
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let (text, err) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(out.status.success(), "{args:?}: {text}\n{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(text.contains("VEJEN FREM, linje for linje."), "{text}");
    }
    let written: Vec<_> = std::fs::read_dir(&folder)
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(written.is_empty(), "{written:?}");
}
