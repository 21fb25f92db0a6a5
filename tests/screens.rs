//! Snapshot tests of the screens, drawn into ratatui's TestBackend. A changed screen shows
//! up as a diff in review (`cargo insta review`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::session::Session;
use vejen_frem::core::walk::Walk;
use vejen_frem::store::sessions::Store;
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

fn today() -> NaiveDate {
    now().date_naive()
}

/// A model with a new session of `tool` open, kept together with its store folder.
struct Open {
    model: Model,
    _dir: tempfile::TempDir,
}

fn open(tool: &str) -> Open {
    let catalog = catalog();
    let entry = catalog
        .find(tool)
        .unwrap_or_else(|| panic!("no tool {tool}"))
        .clone();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path()).expect("a store");
    let session = Session::new(format!("test-{}", entry.tool.id), &entry, now());
    let lock = store.create(&session).expect("a new session");
    let walk = Walk::new(entry.tool.clone(), session, today());
    let mut model = Model::new(catalog, today());
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, lock)));
    Open { model, _dir: dir }
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
    let mut model = Model::new(catalog(), today());
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
    let tool = s.walk.tool().clone();
    let (step, index) = tool
        .steps
        .iter()
        .enumerate()
        .find_map(|(i, st)| st.fields.iter().position(|f| f.id == field).map(|f| (i, f)))
        .unwrap_or_else(|| panic!("no field {field}"));
    s.walk.goto_field(step, index);
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
    insta::assert_snapshot!(draw(&mut o.model, 80, 40));
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
    let mut model = Model::new(catalog(), today());
    key(&mut model, KeyCode::F(1));
    insta::assert_snapshot!(draw(&mut model, 80, 24));
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
    let mut model = Model::new(catalog(), today());
    model.screen = Screen::Reading(vejen_frem::tui::model::Reading {
        selected: 0,
        open: true,
        scroll: 28,
    });
    let screen = draw(&mut model, 80, 24);
    assert!(screen.contains("┃ Fakta"), "{screen}");
    insta::assert_snapshot!(screen);
}
