//! Snapshot tests of the screens, drawn into ratatui's TestBackend. A changed screen shows
//! up as a diff in review (`cargo insta review`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::session::Change;
use vejen_frem::core::walk::Walk;
use vejen_frem::tui::model::{Model, OpenSession, Screen};
use vejen_frem::tui::update::{Msg, update};
use vejen_frem::tui::view;

fn catalog() -> Catalog {
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").expect("a valid time")
}

/// The model on the fixed day, with a fixed clock for completions and reopenings.
fn new_model(catalog: Catalog) -> Model {
    let mut model = Model::new(catalog, today());
    model.clock = now;
    model
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// A model with a new session of `tool` open.
struct Open {
    model: Model,
}

fn open(tool: &str) -> Open {
    let catalog = catalog();
    let entry = catalog
        .find(tool)
        .unwrap_or_else(|| panic!("no tool {tool}"))
        .clone();
    let session = entry.new_session(format!("test-{}", entry.tool.id), now());
    let walk = Walk::new(entry.tool.clone(), session, today());
    let mut model = new_model(catalog);
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
    Open { model }
}

fn draw(model: &mut Model, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, model))
        .expect("drawing works");
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

fn key(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(model: &mut Model, c: char) {
    update(
        model,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        key(model, KeyCode::Char(c));
    }
}

#[test]
fn start_screen() {
    let mut model = new_model(catalog());
    insta::assert_snapshot!(draw(&mut model, 80, 24));
}

/// The first step of every tool, as it opens: the first field has the cursor.
#[test]
fn first_step_of_each_tool() {
    for entry in catalog().entries {
        let name = format!(
            "first_step_of_redskab_{:02}_{}",
            entry.tool.number, entry.tool.id
        );
        insta::assert_snapshot!(name, draw(&mut open(&entry.tool.id).model, 80, 24));
    }
}

/// Goes to the step of the open tool that holds `field`, with the cursor on that field.
fn goto_field(model: &mut Model, field: &str) {
    let Screen::Session(s) = &mut model.screen else {
        panic!("no session open")
    };
    let at = s
        .walk
        .answers()
        .fields()
        .find(|(_, f)| f.id == field)
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("no field {field}"));
    s.walk.goto_field(at);
    s.sync_editor();
}

#[test]
fn weekly_schedule_with_a_week_filled_in() {
    let mut o = open("6");
    goto_field(&mut o.model, "ugeskema");
    key(&mut o.model, KeyCode::Enter); // + Tilføj uge
    type_text(&mut o.model, "48");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "4 timer, lette opgaver");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "4 timer");
    insta::assert_snapshot!(draw(&mut o.model, 80, 24));
}

#[test]
fn follow_up_table_with_a_row() {
    let mut o = open("6");
    goto_field(&mut o.model, "opfoelgninger");
    key(&mut o.model, KeyCode::Enter); // + Tilføj række
    type_text(&mut o.model, "24-11-2026");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "Det går bedre med løft");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "Enig");
    insta::assert_snapshot!(draw(&mut o.model, 80, 30));
}

#[test]
fn policy_template_filled_in_from_the_answers() {
    let mut o = open("9");
    goto_field(&mut o.model, "virksomhed");
    type_text(&mut o.model, "Byggefirmaet A/S");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "nærmeste leder");
    key(&mut o.model, KeyCode::PageDown);
    key(&mut o.model, KeyCode::Esc); // out of the paragraph: the policy as it reads
    insta::assert_snapshot!(draw(&mut o.model, 80, 40));
}

/// The workplace adapts one paragraph and leaves another out; the step says so, and the
/// review shows the report's wording beside the changed ones.
#[test]
fn policy_paragraphs_adapted_and_left_out() {
    let mut o = open("9");
    goto_field(&mut o.model, "virksomhed");
    type_text(&mut o.model, "Byggefirmaet A/S");
    goto_field(&mut o.model, "politik");
    type_text(&mut o.model, " Træningen foregår tirsdag og torsdag.");
    key(&mut o.model, KeyCode::Tab);
    key(&mut o.model, KeyCode::Tab);
    ctrl(&mut o.model, 'u'); // the third paragraph's text, line by line
    while o
        .model
        .open_session()
        .and_then(|s| s.editor.as_ref())
        .is_some_and(|e| !e.text().is_empty())
    {
        key(&mut o.model, KeyCode::Backspace);
        ctrl(&mut o.model, 'u');
    }
    key(&mut o.model, KeyCode::Esc);
    let Screen::Session(s) = &mut o.model.screen else {
        panic!("no session open")
    };
    s.scroll = 0;
    insta::assert_snapshot!("policy_step_adapted", draw(&mut o.model, 80, 40));
    ctrl(&mut o.model, 'r');
    for _ in 0..5 {
        key(&mut o.model, KeyCode::Down);
    }
    let review = draw(&mut o.model, 80, 30);
    assert!(
        review.contains("Afsnit 1 (tilpasset)")
            && review.contains("Rapportens ordlyd: Byggefirmaet A/S forpligter")
            && review.contains("Afsnit 3: udeladt"),
        "{review}"
    );
    insta::assert_snapshot!("policy_review_adapted", review);
}

#[test]
fn screening_with_a_barrier_present_shows_the_suggested_responses() {
    let mut o = open("10");
    type_text(&mut o.model, "j");
    insta::assert_snapshot!(draw(&mut o.model, 80, 24));
}

#[test]
fn review_marks_what_is_missing() {
    let mut o = open("10");
    type_text(&mut o.model, "j");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "Bekymret for løft");
    ctrl(&mut o.model, 'r');
    insta::assert_snapshot!(draw(&mut o.model, 80, 24));
}

#[test]
fn help_overlay() {
    let mut model = new_model(catalog());
    key(&mut model, KeyCode::F(1));
    insta::assert_snapshot!(draw(&mut model, 80, 24));
}

/// In a text field the help lists the editing keys first, as they work there.
#[test]
fn help_in_a_text_field_lists_the_editing_keys() {
    let mut o = open("1");
    key(&mut o.model, KeyCode::F(1));
    let screen = draw(&mut o.model, 80, 40);
    for wanted in ["Ctrl-K", "Ctrl-U", "Alt-←", "Ctrl-Z"] {
        assert!(screen.contains(wanted), "{wanted} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

/// Every step of every tool draws at 80x24 and down to 40x12 without a panic, also with the
/// cursor on each of its slots.
#[test]
fn every_step_draws_at_small_sizes() {
    for entry in catalog().entries {
        let mut o = open(&entry.tool.id);
        for step in 0..entry.tool.steps.len() {
            if let Screen::Session(s) = &mut o.model.screen {
                s.walk.goto_step(step);
                s.sync_editor();
            }
            for (w, h) in [(80, 24), (40, 12), (20, 5), (1, 1)] {
                draw(&mut o.model, w, h);
            }
            for _ in 0..60 {
                key(&mut o.model, KeyCode::Tab);
                draw(&mut o.model, 40, 12);
            }
        }
        ctrl(&mut o.model, 'r');
        draw(&mut o.model, 40, 12);
        key(&mut o.model, KeyCode::Char('e')); // the export dialog
        for (w, h) in [(80, 24), (40, 12), (20, 5), (1, 1)] {
            draw(&mut o.model, w, h);
        }
        key(&mut o.model, KeyCode::Esc);
        key(&mut o.model, KeyCode::F(1));
        draw(&mut o.model, 40, 12);
    }
}

#[test]
fn reading_material_with_a_fact_box() {
    let mut model = new_model(catalog());
    let (selected, _) = vejen_frem::core::content::find("hvad-er-msb").unwrap();
    model.screen = Screen::Reading(vejen_frem::tui::model::Reading {
        selected,
        open: true,
        scroll: 28,
    });
    let screen = draw(&mut model, 80, 24);
    assert!(screen.contains("┃ Fakta"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// `o` on the start screen opens the report's introduction to the tools; its overview table
/// is a grid where the screen is wide enough, and reads row by row where it is not.
#[test]
fn the_introduction_and_overview_from_the_start_screen() {
    for (width, height, scroll) in [(80, 24, 20), (40, 12, 62)] {
        let mut model = new_model(catalog());
        key(&mut model, KeyCode::Char('o'));
        let Screen::Reading(reading) = &mut model.screen else {
            panic!("o opens the reading screen")
        };
        assert!(reading.open);
        let top = draw(&mut model, width, height);
        assert!(top.contains("Redskaber til"), "{top}");
        if let Screen::Reading(reading) = &mut model.screen {
            reading.scroll = scroll;
        }
        let name = format!("introduction_overview_{width}x{height}");
        insta::assert_snapshot!(name, draw(&mut model, width, height));
    }
}

/// The GP's goal (13) answered and completed in the review.
fn completed_goal() -> Open {
    let mut o = open("13");
    type_text(&mut o.model, "Tilbage på fuld tid");
    key(&mut o.model, KeyCode::PageDown);
    type_text(&mut o.model, "Lave øvelser for ryggen");
    ctrl(&mut o.model, 'r');
    type_text(&mut o.model, "a");
    o
}

#[test]
fn review_of_a_completed_session_says_it_is_completed() {
    let mut o = completed_goal();
    let screen = draw(&mut o.model, 80, 24);
    assert!(!screen.contains("Tryk a"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn export_dialog_at_80x24_and_40x12() {
    let mut o = open("12");
    type_text(&mut o.model, "Gulvvask");
    ctrl(&mut o.model, 'r');
    type_text(&mut o.model, "e");
    key(&mut o.model, KeyCode::Down);
    key(&mut o.model, KeyCode::Right); // to the employer: private fields are left out
    insta::assert_snapshot!("export_dialog_80x24", draw(&mut o.model, 80, 24));
    insta::assert_snapshot!("export_dialog_40x12", draw(&mut o.model, 40, 12));
}

#[test]
fn label_dialog() {
    let mut o = open("10");
    ctrl(&mut o.model, 'l');
    type_text(&mut o.model, "Patient K");
    insta::assert_snapshot!(draw(&mut o.model, 80, 24));
}

#[test]
fn a_step_at_40x12_shows_the_focused_field_and_a_scrollbar() {
    let mut o = open("3");
    key(&mut o.model, KeyCode::PageDown);
    for _ in 0..3 {
        key(&mut o.model, KeyCode::Tab);
    }
    let screen = draw(&mut o.model, 40, 12);
    assert!(
        screen.contains('▶'),
        "the focused field is in view:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn sessions_screen_filtered_by_typing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = vejen_frem::store::sessions::Store::open(dir.path()).expect("a store");
    let catalog = catalog();
    for (n, (tool, label)) in [("10", "Patient K"), ("13", "Patient K"), ("6", "AB, lager")]
        .into_iter()
        .enumerate()
    {
        let entry = catalog.find(tool).expect("a built-in tool");
        let mut session = entry.new_session(
            format!("20261122-10000{n}-{}-0001", entry.tool.id),
            now() + chrono::Duration::minutes(n as i64),
        );
        session.label = label.into();
        drop(store.create(&session).expect("a new session"));
    }
    let mut model = new_model(catalog);
    model.screen = Screen::Sessions;
    model.set_listing(store.listing());
    insta::assert_snapshot!("sessions_all", draw(&mut model, 80, 12));
    type_text(&mut model, "patient mål");
    insta::assert_snapshot!("sessions_filtered", draw(&mut model, 80, 12));
}

#[test]
fn a_completed_session_is_read_only_until_reopened_with_a_confirmation() {
    let mut o = completed_goal();
    key(&mut o.model, KeyCode::Esc);
    // Sealed: typing changes nothing, and the top says why.
    type_text(&mut o.model, " og gå");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Færdig: kun til læsning"), "{screen}");
    assert!(!screen.contains("ryggen og gå"), "{screen}");
    insta::assert_snapshot!("sealed_session_40x12", draw(&mut o.model, 40, 12));
    // Reopening asks first; Esc leaves it sealed.
    ctrl(&mut o.model, 'r');
    type_text(&mut o.model, "g");
    let asked = draw(&mut o.model, 80, 24);
    assert!(asked.contains("Genåbn den færdige session?"), "{asked}");
    insta::assert_snapshot!("reopen_confirmation", asked);
    key(&mut o.model, KeyCode::Esc);
    type_text(&mut o.model, "g");
    key(&mut o.model, KeyCode::Enter);
    let reopened = draw(&mut o.model, 80, 24);
    assert!(reopened.contains("genåbnet"), "{reopened}");
    key(&mut o.model, KeyCode::Esc);
    type_text(&mut o.model, " og gå");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("ryggen og gå"), "{screen}");
    let Screen::Session(open) = &o.model.screen else {
        panic!("a session")
    };
    let changes: Vec<Change> = open
        .walk
        .session()
        .history
        .iter()
        .map(|e| e.change)
        .collect();
    assert_eq!(changes, vec![Change::Completed, Change::Reopened]);
}

#[test]
fn a_cpr_number_and_health_words_are_pointed_out_under_the_field() {
    let mut o = open("1");
    type_text(&mut o.model, "Gulvvask, ondt i knæet, 01.01.90-1234");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Ligner et CPR-nummer"), "{screen}");
    assert!(screen.contains("Nævner helbred (ondt)"), "{screen}");
    insta::assert_snapshot!("cpr_and_health_under_a_field", screen);
    // Gone when the number is gone.
    for _ in 0..15 {
        key(&mut o.model, KeyCode::Backspace);
    }
    let screen = draw(&mut o.model, 80, 24);
    assert!(!screen.contains("CPR"), "{screen}");
}

#[test]
fn a_label_that_looks_like_a_full_name_gets_a_gentle_warning_and_a_cpr_number_is_refused() {
    let mut o = open("10");
    ctrl(&mut o.model, 'l');
    type_text(&mut o.model, "Karsten Jensen");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Ligner et fuldt navn"), "{screen}");
    type_text(&mut o.model, " 01/01/90");
    key(&mut o.model, KeyCode::Enter);
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Det ligner et CPR-nummer"), "{screen}");
}

#[test]
fn the_locked_screen_shows_nothing_about_anyone() {
    let mut o = open("1");
    type_text(&mut o.model, "Hemmelig tekst om Kirsten");
    o.model.lock = Some(vejen_frem::tui::model::LockScreen::new(false));
    for (w, h) in [(80, 24), (40, 12)] {
        let screen = draw(&mut o.model, w, h);
        assert!(!screen.contains("Kirsten"), "{screen}");
        assert!(!screen.contains("Redskab 1"), "{screen}");
        insta::assert_snapshot!(format!("locked_{w}x{h}"), screen);
    }
    // Only the passphrase and quitting: F1 and Tab do nothing.
    key(&mut o.model, KeyCode::F(1));
    assert!(o.model.overlays.is_empty());
}
