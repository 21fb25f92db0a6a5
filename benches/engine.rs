//! How fast the program starts, handles a key and draws, measured with `cargo bench`.
//! (Saving and listing sessions are measured in `benches/store.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::portal::{Portal, Ref};
use vejen_frem::core::session::Session;
use vejen_frem::core::walk::Walk;
use vejen_frem::tui::model::{Model, OpenSession, PageKind, Reading, Screen};
use vejen_frem::tui::update::{Msg, update};
use vejen_frem::tui::view;

fn main() {
    divan::main();
}

/// Start-up work before the first screen: parse and check every built-in definition.
#[divan::bench]
fn load_and_check_all_definitions() -> Catalog {
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
    assert!(problems.is_empty());
    catalog
}

/// Start-up work before the first screen: read the portal's data (cases, entries, body,
/// quiz).
#[divan::bench]
fn load_portal() -> Portal {
    Portal::builtin().expect("the built-in portal")
}

/// One key press handled and the longest section of Viden (laid out with its links)
/// drawn into an 80x24 screen.
#[divan::bench]
fn key_press_and_draw_a_viden_text(bencher: Bencher) {
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let today = chrono::Local::now().date_naive();
    let mut model = Model::new(catalog, today);
    let mut reading = Reading::default();
    reading.open(PageKind::Text(Ref::Section("hvad-er-msb".into())));
    model.screen = Screen::Reading(reading);
    press_and_draw(bencher, model, [KeyCode::Down, KeyCode::Tab]);
}

/// One key press handled and the largest step of all tools drawn into an 80x24 screen.
#[divan::bench]
fn key_press_and_draw_largest_step(bencher: Bencher) {
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    // The step with the most fields, over all tools.
    let (entry, step) = catalog
        .entries
        .iter()
        .flat_map(|e| {
            e.tool
                .steps
                .iter()
                .enumerate()
                .map(move |(i, s)| (e, i, s.fields.len()))
        })
        .max_by_key(|(_, _, fields)| *fields)
        .map(|(e, i, _)| (e.clone(), i))
        .expect("at least one tool");
    let now = chrono::Local::now().fixed_offset();
    let session = entry.new_session(Session::new_id(&entry.tool.id, now), now);
    let mut walk = Walk::new(entry.tool.clone(), session, now.date_naive());
    walk.goto_step(step);
    let mut model = Model::new(catalog, now.date_naive());
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
    press_and_draw(bencher, model, [KeyCode::Tab, KeyCode::BackTab]);
}

/// Measures the two keys pressed in turn, each handled and the screen drawn at 80x24.
fn press_and_draw(bencher: Bencher, mut model: Model, keys: [KeyCode; 2]) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let key = KeyEvent::new(keys[n % 2], KeyModifiers::NONE);
        update(&mut model, Msg::Key(key));
        terminal
            .draw(|frame| view::draw(frame, &mut model))
            .expect("drawing works");
    });
}
