//! A forløb over weeks: carrying answers between the matching tools, follow-ups that come
//! due, the forløb and start screens, and the `sessions` and `followups` commands.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use chrono::{DateTime, Days, Local, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::fill::{fill_all, walk};
use common::{Tmux, session_files};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vejen_frem::core::carry::carry;
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::forloeb::{Forloeb, LogEntry};
use vejen_frem::core::place::{FieldAt, Part, Place};
use vejen_frem::core::session::{Answer, Session};
use vejen_frem::store::sessions::Store;
use vejen_frem::tui::model::{ForloebView, Model, MoveDialog, Moving, Screen};
use vejen_frem::tui::update::{Command as UiCommand, Msg, update};
use vejen_frem::tui::view;

fn catalog() -> Catalog {
    Catalog::load(&builtin_sources(), &[]).0
}

fn now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
}

/// A session of `from` with every field answered, carried into a new session of `to`.
fn carried(from: &str, to: &str) -> (Session, Session, usize) {
    let catalog = catalog();
    let (from_entry, to_entry) = (catalog.find(from).unwrap(), catalog.find(to).unwrap());
    let mut w = walk(from_entry);
    fill_all(&mut w, |id| format!("Svar til {id}"));
    let original = w.session().clone();
    let mut target = to_entry.new_session("ny".into(), now());
    let n = carry(&original, &from_entry.tool, &to_entry.tool, &mut target);
    (original, target, n)
}

#[test]
fn answers_are_carried_between_the_matching_tools() {
    for (from, to, at_least) in [
        ("1", "4", 8),
        ("12", "1", 8),
        ("2", "13", 6),
        ("3", "6", 15),
        ("6", "3", 15),
    ] {
        let (original, target, n) = carried(from, to);
        assert!(n >= at_least, "{from} → {to}: only {n} answers carried");
        assert_eq!(target.carried.len(), n);
        assert_eq!(target.carried_from, original.id);
        for id in &target.carried {
            assert_eq!(
                target.answers.get(id),
                original.answers.get(id),
                "{from} → {to}: {id}"
            );
        }
    }
    // The employee's problem tasks reach the manager's dialogue word for word.
    let (_, target, _) = carried("1", "4");
    assert_eq!(
        target.answers.get("problem-opgaver"),
        Some(&Answer::Text("Svar til problem-opgaver".into()))
    );
}

/// Between every pair of matching tools, no private answer (the GP's assessment, a
/// referral) lands in a field the employer's copy would show.
#[test]
fn a_private_answer_is_never_carried_into_a_field_the_employer_sees() {
    let catalog = catalog();
    let mut pairs = 0;
    for from in &catalog.entries {
        for to in from
            .tool
            .carries_to
            .iter()
            .map(|id| catalog.get(id).unwrap())
        {
            pairs += 1;
            let mut w = walk(from);
            fill_all(&mut w, |id| format!("Svar til {id}"));
            let original = w.session().clone();
            let mut target = to.new_session("ny".into(), now());
            carry(&original, &from.tool, &to.tool, &mut target);
            for id in &target.carried {
                let (was, is) = (from.tool.field(id).unwrap(), to.tool.field(id).unwrap());
                assert!(
                    !from.tool.is_private(was) || to.tool.is_private(is),
                    "{} → {}: the private answer {id} was carried into a field the employer sees",
                    from.tool.id,
                    to.tool.id
                );
            }
        }
    }
    assert!(
        pairs >= 8,
        "the matching tools carry into each other: {pairs} pairs"
    );
    // The GP's referral in Redskab 13 stays behind when the goal goes to the manager's 5.
    let (_, target, _) = carried("13", "5");
    assert!(target.answers.contains_key("konkret"));
    assert!(!target.answers.contains_key("hvad-skal-ske"));
}

#[test]
fn a_carried_answer_stays_editable_and_loses_its_mark_when_edited() {
    let catalog = catalog();
    let (_, target, _) = carried("1", "4");
    let entry = catalog.find("4").unwrap();
    let mut w = vejen_frem::core::walk::Walk::new(entry.tool.clone(), target, now().date_naive());
    let field = entry.tool.field("problem-opgaver").unwrap().clone();
    assert!(w.answers().is_carried(&field));
    let place = w.focus().unwrap();
    w.set_text(place, "Gulvvask, rettet af lederen").unwrap();
    assert!(!w.answers().is_carried(&field));
    assert!(
        w.answers()
            .is_carried(entry.tool.field("opgavens-betydning").unwrap())
    );
}

#[test]
fn an_msb_agreement_has_a_follow_up_until_it_is_closed() {
    let catalog = catalog();
    let entry = catalog.find("6").unwrap();
    let mut w = walk(entry);
    w.goto_field(position(&entry.tool, "naeste-opfoelgning"));
    w.set_text(w.focus().unwrap(), "01-12-2026").unwrap();
    assert_eq!(w.session().follow_up, NaiveDate::from_ymd_opt(2026, 12, 1));
    w.goto_field(position(&entry.tool, "tilbage-vanlige-opgaver"));
    w.set_text(w.focus().unwrap(), "15-12-2026").unwrap();
    assert_eq!(
        w.session().follow_up,
        None,
        "closing the agreement ends its follow-ups"
    );
}

fn position(tool: &vejen_frem::core::definition::Tool, id: &str) -> FieldAt {
    tool.steps
        .iter()
        .enumerate()
        .find_map(|(step, st)| {
            st.fields
                .iter()
                .position(|f| f.id == id)
                .map(|index| FieldAt { step, index })
        })
        .unwrap()
}

fn draw(model: &mut Model) -> String {
    common::draw(model, 80, 24)
}

/// A model over a folder with one forløb: an agreement with a follow-up and a dialogue.
fn model_with_a_forloeb(dir: &std::path::Path, follow_up: NaiveDate) -> Model {
    let catalog = catalog();
    let store = Store::open(dir).unwrap();
    let mut forloeb = Forloeb::new("AB, lager".into(), now());
    forloeb.id = "20261122-100000-0001".into();
    forloeb.log.push(LogEntry {
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        who: "Leder".into(),
        with_whom: "Medarbejder".into(),
        agreed: "Lette opgaver i to uger".into(),
        written: now(),
    });
    store.save_forloeb(&forloeb).unwrap();
    for (n, tool) in ["1", "6"].into_iter().enumerate() {
        let entry = catalog.find(tool).unwrap();
        let mut session = entry.new_session(
            format!("20261122-10000{n}-{}-0001", entry.tool.id),
            now() + Days::new(n as u64),
        );
        session.forloeb = forloeb.id.clone();
        if tool == "6" {
            session.follow_up = Some(follow_up);
        }
        drop(store.create(&session).unwrap());
    }
    let mut model = Model::new(catalog, now().date_naive());
    model.set_listing(store.listing());
    model
}

/// The forløb screen, the forløb of [`model_with_a_forloeb`] open.
fn forloeb_open(dir: &std::path::Path) -> Model {
    let mut model = model_with_a_forloeb(dir, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    model.screen = Screen::Forloeb(ForloebView {
        open: Some("20261122-100000-0001".into()),
        ..ForloebView::default()
    });
    model
}

#[test]
fn forloeb_screen_shows_sessions_in_time_order_and_the_msb_log() {
    let dir = tempfile::tempdir().unwrap();
    let mut model = forloeb_open(dir.path());
    insta::assert_snapshot!(draw(&mut model));
}

/// The MSB-log's date is read like every date field: "i går" is yesterday, shown with
/// its weekday after what was typed.
#[test]
fn the_msb_log_reads_a_date_as_people_type_it() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use vejen_frem::tui::update::{Msg, update};
    let dir = tempfile::tempdir().unwrap();
    let mut model = forloeb_open(dir.path());
    let press = |model: &mut Model, code, mods| {
        update(model, Msg::Key(KeyEvent::new(code, mods)));
    };
    press(&mut model, KeyCode::Char('l'), KeyModifiers::NONE);
    press(&mut model, KeyCode::Up, KeyModifiers::NONE);
    press(&mut model, KeyCode::Char('u'), KeyModifiers::CONTROL);
    for c in "i går".chars() {
        press(&mut model, KeyCode::Char(c), KeyModifiers::NONE);
    }
    let screen = draw(&mut model);
    assert!(screen.contains("i går  = lørdag 21-11-2026"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn start_screen_shows_follow_ups_that_are_due() {
    let dir = tempfile::tempdir().unwrap();
    let mut model =
        model_with_a_forloeb(dir.path(), NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let screen = draw(&mut model);
    assert!(
        screen.contains("21-11-2026 · AB, lager · 6 MSB-aftale · 1 dag over tid"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn sessions_json_and_followups_commands() {
    let dir = tempfile::tempdir().unwrap();
    let yesterday = Local::now().date_naive() - Days::new(1);
    model_with_a_forloeb(dir.path(), yesterday);
    let data = dir.path().display().to_string();
    let out = common::program()
        .args(["--data-dir", &data, "sessions", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    assert_eq!(rows.len(), 2);
    for row in &rows {
        for key in [
            "id",
            "forloeb",
            "tool",
            "status",
            "label",
            "updated",
            "next_follow_up",
        ] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
        assert_eq!(row["forloeb"], "AB, lager");
    }
    let agreement = rows.iter().find(|r| r["tool"] == "6").unwrap();
    assert_eq!(
        agreement["next_follow_up"],
        yesterday.format("%d-%m-%Y").to_string()
    );
    let out = common::program()
        .args(["--data-dir", &data, "followups"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("AB, lager · 6 MSB-aftale"), "{text}");
    assert!(text.contains("1 dag over tid"), "{text}");
}

#[test]
fn a_forloeb_made_by_keys_carries_redskab_1_into_4_and_shows_overdue_follow_ups() {
    let t = Tmux::start(&[]);
    t.wait_for("Medarbejder");
    t.keys(&["Tab"]); // the forløb screen
    t.wait_for("Ingen forløb endnu");
    t.type_text("n");
    t.wait_for("aldrig CPR-nummer");
    t.type_text("AB lager");
    t.keys(&["Enter"]);
    t.wait_for("Forløb: AB lager");
    t.type_text("t");
    t.wait_for("Vælg et redskab til forløbet »AB lager«");
    t.keys(&["Enter"]); // Redskab 1, the first in the list
    t.wait_for("AB lager · Redskab 1");
    t.type_text("Gulvvask og løft");
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["Escape"]);
    t.wait_for("Forløb: AB lager");
    t.type_text("c");
    t.wait_for("Vælg et redskab til forløbet »AB lager«");
    t.keys(&["Enter"]); // Redskab 4, the only match
    t.wait_for("AB lager · Redskab 4");
    let screen = t.wait_for("overført fra en tidligere session");
    assert!(screen.contains("Gulvvask og løft"), "{screen}");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    assert_eq!(session_files(t.data_dir()).len(), 2);

    // An agreement in the forløb with its follow-up yesterday is overdue on the next start.
    let yesterday = Local::now().date_naive() - Days::new(1);
    t.restart(&["6"]);
    t.wait_for("Trin 1 af 5");
    t.keys(&["PageDown", "PageDown", "PageDown"]);
    t.wait_for("Dato for næste opfølgning");
    t.type_text(&yesterday.format("%d-%m-%Y").to_string());
    t.keys(&["Tab"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    t.keys(&["C-q"]);
    t.wait_for_exit();
    t.restart(&[]);
    t.wait_for("Opfølgninger");
    t.wait_for("1 dag over tid");
    let out = common::program()
        .args([
            "--data-dir",
            &t.data_dir().display().to_string(),
            "followups",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 dag over tid"));
}

#[test]
fn saved_follow_up_rows_are_not_rewritten_a_correction_is_a_new_row() {
    let catalog = catalog();
    let entry = catalog.find("6").unwrap();
    let mut w = walk(entry);
    let table_at = position(&entry.tool, "opfoelgninger");
    w.goto_field(table_at);
    w.press(w.focus().unwrap());
    w.set_text(w.focus().unwrap(), "24-11-2026").unwrap();
    let first_sitting = w.session().clone();
    // Within the sitting the row can still be put right.
    assert!(
        w.places()
            .iter()
            .any(|p| matches!(p.part, Part::Cell { row: 0, .. }))
    );

    // Opened again later: the saved row is read-only, a correction is a new row.
    let mut w =
        vejen_frem::core::walk::Walk::new(entry.tool.clone(), first_sitting, now().date_naive());
    w.goto_field(table_at);
    let table = entry.tool.field("opfoelgninger").unwrap().clone();
    assert_eq!(w.locked_rows(&table), 1);
    assert!(
        !w.places()
            .iter()
            .any(|p| matches!(p.part, Part::Cell { row: 0, .. }))
    );
    let add = w.focus().unwrap();
    assert_eq!(add.part, Part::AddRow);
    w.press(add);
    assert_eq!(w.focus().unwrap().part, Part::Cell { row: 1, col: 0 });
    assert!(!w.remove_row(Place::new(table_at, Part::Cell { row: 0, col: 0 })));
    let Some(Answer::Rows(rows)) = w.session().answers.get("opfoelgninger") else {
        panic!()
    };
    assert_eq!(
        rows[0]["dato"], "2026-11-24",
        "the earlier row is kept as it was"
    );
}

#[test]
fn tasks_from_the_workplace_resource_bank_are_picked_into_the_agreement() {
    let t = Tmux::start(&["8"]);
    t.wait_for("Trin 1 af 6");
    t.type_text("Arkivering af tegninger");
    t.keys(&["C-l"]);
    t.wait_for("Etiket for sessionen");
    t.type_text("Byggefirmaet");
    t.keys(&["Enter"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    t.keys(&["C-q"]);
    t.wait_for_exit();

    t.restart(&["6"]);
    t.wait_for("Trin 1 af 5");
    t.keys(&["PageDown"]);
    t.wait_for("Trin 2 af 5");
    t.keys(&["Tab", "Tab", "Tab", "Tab"]);
    t.wait_for("Ctrl-P henter alternative opgaver");
    t.keys(&["C-p"]);
    t.wait_for("Vælg en opgave");
    t.wait_for("Byggefirmaet");
    t.keys(&["Enter"]);
    t.wait_for("Arbejdsopgave 1: │ Arkivering af tegninger");
    std::thread::sleep(std::time::Duration::from_millis(500));
    t.keys(&["C-q"]);
    t.wait_for_exit();
    let agreement = session_files(t.data_dir())
        .into_iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .find(|text| text.contains("msb-aftale-leder"))
        .expect("the agreement is saved");
    assert!(
        agreement
            .contains("\"arbejdsopgaver\": Entries([\n            \"Arkivering af tegninger\""),
        "{agreement}"
    );
}

/// The forløb screens and their dialogs draw at any size down to a single cell.
#[test]
fn forloeb_screens_and_dialogs_draw_at_small_sizes() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use vejen_frem::tui::update::{Msg, update};
    let dir = tempfile::tempdir().unwrap();
    let mut model =
        model_with_a_forloeb(dir.path(), NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let press = |model: &mut Model, c: KeyCode| {
        update(model, Msg::Key(KeyEvent::new(c, KeyModifiers::NONE)))
    };
    let sizes = [(80, 24), (40, 12), (20, 5), (1, 1)];
    let draw_all = |model: &mut Model| {
        for (w, h) in sizes {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| view::draw(f, model)).unwrap();
        }
    };
    draw_all(&mut model); // start screen with follow-ups
    press(&mut model, KeyCode::Tab);
    draw_all(&mut model); // the list of forløb
    press(&mut model, KeyCode::Char('n'));
    draw_all(&mut model); // new forløb prompt
    press(&mut model, KeyCode::Esc);
    press(&mut model, KeyCode::Enter);
    draw_all(&mut model); // one forløb
    press(&mut model, KeyCode::Char('l'));
    draw_all(&mut model); // MSB-log note
    press(&mut model, KeyCode::Esc);
    press(&mut model, KeyCode::Char('i'));
    draw_all(&mut model); // importing a share file
    press(&mut model, KeyCode::Esc);
    press(&mut model, KeyCode::Char('t'));
    draw_all(&mut model); // picking a tool for the forløb
}

#[test]
fn a_damaged_forloeb_file_is_listed_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut model =
        model_with_a_forloeb(dir.path(), NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    std::fs::write(
        dir.path().join("forloeb").join("20260101-000000-0000.ron"),
        "(format: 1, id:",
    )
    .unwrap();
    let store = Store::open(dir.path()).unwrap();
    model.set_listing(store.listing());
    assert_eq!(
        model.forloeb.all.len(),
        1,
        "the readable forløb still lists"
    );
    model.screen = Screen::Forloeb(ForloebView::default());
    let screen = draw(&mut model);
    assert!(
        screen.contains("!! beskadiget 20260101-000000-0000.ron: linje 1"),
        "{screen}"
    );
    assert!(screen.contains("AB, lager"), "{screen}");
}

fn press(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The line of the screen with the cursor's marker.
fn marked(model: &mut Model) -> String {
    draw(model)
        .lines()
        .find(|l| l.starts_with('▶'))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn digits_home_and_end_choose_a_tool_and_the_arrows_go_round() {
    let mut model = Model::new(catalog(), now().date_naive());
    for (keys, tool) in [
        ("13", "13  Om at sætte sig et mål"),
        ("10", "10  Screening"),
        // 1, 3, 2: no Redskab 132, so the 2 starts again.
        ("132", " 2  Om at sætte sig et mål"),
        ("7", " 7  Evalueringsark"),
    ] {
        for c in keys.chars() {
            press(&mut model, KeyCode::Char(c));
        }
        assert!(
            marked(&mut model).contains(tool),
            "{keys}: {}",
            marked(&mut model)
        );
    }
    press(&mut model, KeyCode::Home);
    assert!(marked(&mut model).contains(" 1  5 trin"));
    press(&mut model, KeyCode::Up);
    assert!(
        marked(&mut model).contains("13  Om at sætte"),
        "↑ from the first goes to the last"
    );
    press(&mut model, KeyCode::Down);
    assert!(
        marked(&mut model).contains(" 1  5 trin"),
        "↓ from the last goes to the first"
    );
    press(&mut model, KeyCode::End);
    assert!(marked(&mut model).contains("13  Om at sætte"));
}

#[test]
fn a_forloebs_tool_picker_starts_on_the_likeliest_next_tool() {
    let dir = tempfile::tempdir().unwrap();
    let mut model = forloeb_open(dir.path());
    // The agreement (6) is the latest: the evaluation (7) usually comes next.
    press(&mut model, KeyCode::Char('t'));
    let screen = draw(&mut model);
    assert!(screen.contains("Forslag til næste redskab"), "{screen}");
    assert!(
        marked(&mut model).contains(" 7  Evalueringsark"),
        "{screen}"
    );
    // Once a tool is picked, it is offered first where nothing follows.
    press(&mut model, KeyCode::Char('4'));
    let command = update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    assert!(matches!(command, Some(UiCommand::New { tool, .. }) if tool == "dialog-leder"));
    assert_eq!(model.last_pick.as_deref(), Some("dialog-leder"));
}

#[test]
fn the_forloeb_list_is_searched_by_label_and_by_the_tools_of_its_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let mut model =
        model_with_a_forloeb(dir.path(), NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    model.screen = Screen::Forloeb(ForloebView::default());
    press(&mut model, KeyCode::Char('/'));
    for (typed, found) in [
        ("lager", true),
        ("6", true),
        ("msb-aftale", true),
        ("13", false),
        ("11", false),
    ] {
        for c in typed.chars() {
            press(&mut model, KeyCode::Char(c));
        }
        let screen = draw(&mut model);
        assert_eq!(
            screen.contains("AB, lager · 2 sessioner"),
            found,
            "{typed}: {screen}"
        );
        for _ in typed.chars() {
            press(&mut model, KeyCode::Backspace);
        }
    }
    // Esc ends the search: every forløb again.
    press(&mut model, KeyCode::Char('x'));
    press(&mut model, KeyCode::Esc);
    assert!(draw(&mut model).contains("AB, lager · 2 sessioner"));
}

#[test]
fn a_consultation_starts_in_the_patients_forloeb_and_a_link_comes_back_to_its_draft() {
    let t = Tmux::start(&["10", "-f", "KH"]);
    make_kh(&t);
    // Physically heavy work: yes, and the link to problem solving.
    to_the_link_to_12(&t);
    in_12_and_back(&t, "Tunge løft");
    again_in_12_and_quit(&t, "Tunge løft");
    let sessions: Vec<Session> = session_files(t.data_dir())
        .iter()
        .map(|f| ron::from_str(&std::fs::read_to_string(f).unwrap()).unwrap())
        .collect();
    assert_eq!(sessions.len(), 2, "following the link twice made one draft");
    the_link_names_its_draft(&sessions);
}

#[test]
fn a_session_started_outside_a_forloeb_moves_into_one_from_its_screen_and_from_the_list() {
    let t = Tmux::start(&["13"]);
    t.wait_for("Redskab 13");
    t.type_text("Tilbage på fuld tid");
    t.keys(&["C-f"]);
    t.wait_for("Flyt sessionen til et forløb");
    t.type_text("KH");
    t.wait_for("+ Nyt forløb: KH");
    t.keys(&["Enter"]);
    t.wait_for("aldrig CPR-nummer");
    t.keys(&["Enter"]);
    t.wait_for("Sessionen hører nu til forløbet KH.");
    t.wait_for("KH · Redskab 13");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    // A second session, moved from the sessions list into the same forløb.
    t.restart(&["12"]);
    t.wait_for("Redskab 12");
    t.type_text("Løft");
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["Escape"]);
    t.wait_for("Sessioner");
    t.keys(&["C-f"]);
    t.wait_for("Flyt sessionen til et forløb");
    t.keys(&["Enter"]); // the newest forløb is chosen
    t.wait_for("Sessionen hører nu til forløbet KH.");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    let forloeb: Vec<String> = session_files(t.data_dir())
        .iter()
        .map(|f| ron::from_str::<Session>(&std::fs::read_to_string(f).unwrap()).unwrap())
        .map(|s| s.forloeb)
        .collect();
    assert_eq!(forloeb.len(), 2);
    assert!(
        !forloeb[0].is_empty() && forloeb[0] == forloeb[1],
        "{forloeb:?}"
    );
}

/// The sessions of a folder, read with the store (so an encrypted one too).
fn stored_sessions(store: &Store) -> Vec<Session> {
    store
        .list()
        .into_iter()
        .filter_map(|l| match l {
            vejen_frem::store::sessions::Listed::Session(s) => Some(s.id),
            vejen_frem::store::sessions::Listed::Damaged { .. } => None,
        })
        .map(|id| store.load(&id).unwrap())
        .collect()
}

/// Moves the choice of a list to the row that holds `text`.
fn choose_row(t: &Tmux, text: &str) {
    t.keys(&["Up", "Up", "Up", "Up"]);
    for _ in 0..10 {
        let screen = t.wait_for("▶");
        if screen
            .lines()
            .any(|l| l.starts_with('▶') && l.contains(text))
        {
            return;
        }
        t.keys(&["Down"]);
    }
    panic!("no row with {text:?}:\n{}", t.screen());
}

/// `-f KH` names no forløb yet: it is made, and the screening starts in it.
fn make_kh(t: &Tmux) {
    t.wait_for("Der er intet forløb, der hedder KH");
    t.keys(&["Enter"]);
    t.wait_for("KH · Redskab 10");
}

/// In the screening, from its first step to the link to problem solving (Redskab 12).
fn to_the_link_to_12(t: &Tmux) {
    t.keys(&["PageDown"]);
    t.wait_for("Trin 2 af 7");
    t.type_text("1");
    t.keys(&["Tab", "Tab"]);
    t.wait_for("▶   [→ Åbn Redskab 12");
}

/// Follows the link to Redskab 12, types `text` there and comes back to the screening,
/// on the link; returns the screen of Redskab 12 as it opened.
fn in_12_and_back(t: &Tmux, text: &str) -> String {
    t.keys(&["Enter"]);
    let opened = t.wait_for("KH · Redskab 12");
    t.type_text(text);
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["Escape"]);
    let back = t.wait_for("KH · Redskab 10");
    assert!(back.contains("▶   [→ Åbn Redskab 12"), "{back}");
    opened
}

/// Follows the link to Redskab 12 again: the draft it made, with `text`; then quits.
fn again_in_12_and_quit(t: &Tmux, text: &str) {
    t.keys(&["Enter"]);
    t.wait_for("KH · Redskab 12");
    t.wait_for(text);
    t.keys(&["C-q"]);
    t.wait_for_exit();
}

/// The screening's link names the problem solving it started, in the same forløb.
fn the_link_names_its_draft(sessions: &[Session]) {
    let screening = sessions.iter().find(|s| s.tool == "screening").unwrap();
    let problem = sessions
        .iter()
        .find(|s| s.tool == "problemloesning-laege")
        .unwrap();
    assert!(!screening.forloeb.is_empty());
    assert_eq!(problem.forloeb, screening.forloeb);
    assert_eq!(
        screening.links.get("problemloesning-laege"),
        Some(&problem.id)
    );
}

#[test]
fn in_an_encrypted_folder_the_passphrase_comes_first_and_a_link_followed_twice_makes_one_draft() {
    const PASSPHRASE: &str = "blå hest spiser syv røde æbler";
    let data = tempfile::tempdir().unwrap();
    vejen_frem::store::convert::encrypt(data.path(), PASSPHRASE).unwrap();
    let t = Tmux::start_in(&["10", "-f", "KH"], data);
    // Nothing of the forløb before the passphrase.
    let first = t.wait_for("Datamappen er krypteret");
    assert!(
        !first.contains("KH") && !first.contains("forløb"),
        "{first}"
    );
    t.type_text(PASSPHRASE);
    t.keys(&["Enter"]);
    make_kh(&t);
    to_the_link_to_12(&t);
    in_12_and_back(&t, "Tunge løft");
    again_in_12_and_quit(&t, "Tunge løft");
    assert!(
        session_files(t.data_dir()).is_empty(),
        "no plain session file"
    );
    let store = common::unlocked(t.data_dir(), PASSPHRASE);
    let sessions = stored_sessions(&store);
    assert_eq!(sessions.len(), 2, "following the link twice made one draft");
    the_link_names_its_draft(&sessions);
    assert_eq!(store.list_forloeb().0[0].label, "KH");
}

#[test]
fn a_deleted_linked_session_makes_way_for_a_new_draft() {
    let t = Tmux::start(&["10", "-f", "KH"]);
    make_kh(&t);
    to_the_link_to_12(&t);
    in_12_and_back(&t, "Tunge løft");
    // To the forløb, and problem solving deleted there.
    t.keys(&["Escape", "Escape"]);
    t.wait_for("Forløb: KH");
    choose_row(&t, "Problemløsning");
    t.keys(&["C-d"]);
    let asked = t.wait_for("Slet for altid?");
    assert!(asked.contains("problemloesning-laege"), "{asked}");
    t.keys(&["Enter"]);
    t.wait_for("Slettet: 1 session");
    let left = session_files(t.data_dir());
    assert_eq!(left.len(), 1, "the screening is left: {left:?}");
    // The screening's link opens a new, empty draft.
    choose_row(&t, "Screening");
    t.keys(&["Enter"]);
    t.wait_for("▶   [→ Åbn Redskab 12");
    let new = in_12_and_back(&t, "Ny plan");
    assert!(!new.contains("Tunge løft"), "{new}");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    let store = Store::open(t.data_dir()).unwrap();
    let sessions = stored_sessions(&store);
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    the_link_names_its_draft(&sessions);
}

/// A forløb deleted (from the command line) while a session its link opened is on the
/// screen: closing that session comes back to neither the deleted session nor the forløb.
#[test]
fn a_forloeb_deleted_meanwhile_is_not_come_back_to() {
    let t = Tmux::start(&["10", "-f", "KH"]);
    make_kh(&t);
    to_the_link_to_12(&t);
    t.keys(&["Enter"]);
    t.wait_for("KH · Redskab 12");
    // Problem solving has no answer yet, so no file: the forløb goes with the screening.
    let out = common::program()
        .args(["delete", "KH", "--yes", "--data-dir"])
        .arg(t.data_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    t.keys(&["Escape", "Escape"]);
    let screen = t.wait_for("Sessionen, du kom fra (med henvisningen), er slettet imens.");
    assert!(screen.contains("[Sessioner]"), "{screen}");
    assert!(!screen.contains("KH"), "{screen}");
    t.keys(&["C-q"]);
    t.wait_for_exit();
    assert!(session_files(t.data_dir()).is_empty());
}

#[test]
fn the_move_dialog_never_offers_the_forloeb_the_session_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let model = model_with_a_forloeb(dir.path(), NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    let moving = || Moving::Listed("s".into());
    let outside = MoveDialog::new(moving(), "", &model.forloeb);
    assert_eq!(outside.shown.len(), 1);
    assert_eq!(
        outside.selected, 1,
        "the forløb, not a new one, is chosen first"
    );
    let inside = MoveDialog::new(moving(), "20261122-100000-0001", &model.forloeb);
    assert!(inside.shown.is_empty());
    assert_eq!(inside.selected, 0, "only a new forløb is left");
}
