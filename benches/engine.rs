//! How fast the program starts, handles a key and draws, measured with `cargo bench`.
//! (Saving and listing sessions are measured in `benches/store.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use vejen_frem::core::catalog::{Catalog, Entry, builtin_sources};
use vejen_frem::core::portal::{Portal, Ref};
use vejen_frem::core::session::Session;
use vejen_frem::core::walk::Walk;
use vejen_frem::tui::display::Display;
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
    let (entry, step) = largest_step(&catalog);
    let model = on_step(catalog, &entry, step);
    press_and_draw(bencher, model, [KeyCode::Tab, KeyCode::BackTab]);
}

/// A letter typed and erased in the first field of tool 1 (as `benches/vs_dialog.rs` types
/// it), each key handled and drawn through the program's `Display` at 80x24.
#[divan::bench]
fn type_in_the_first_field(bencher: Bencher) {
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let entry = catalog.find("1").expect("tool 1").clone();
    type_on_step(bencher, catalog, entry, 0);
}

/// A letter typed and erased in the first text field of the largest step of all tools,
/// each key handled and drawn through the program's `Display` at 80x24.
#[divan::bench]
fn type_on_the_largest_step(bencher: Bencher) {
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let (entry, step) = largest_step(&catalog);
    type_on_step(bencher, catalog, entry, step);
}

/// A new session of `entry` open at `step`.
fn on_step(catalog: Catalog, entry: &Entry, step: usize) -> Model {
    let now = chrono::Local::now().fixed_offset();
    let session = entry.new_session(Session::new_id(&entry.tool.id, now), now);
    let mut walk = Walk::new(entry.tool.clone(), session, now.date_naive());
    walk.goto_step(step);
    let mut model = Model::new(catalog, now.date_naive());
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
    model
}

fn type_on_step(bencher: Bencher, catalog: Catalog, entry: Entry, step: usize) {
    let mut model = on_step(catalog, &entry, step);
    // Tab to the first place that takes text.
    for _ in 0..50 {
        if let Screen::Session(open) = &model.screen
            && open.editor.is_some()
        {
            break;
        }
        update(&mut model, Msg::Key(KeyEvent::from(KeyCode::Tab)));
    }
    let mut display = Display::new(TestBackend::new(80, 24)).expect("a test terminal");
    display
        .draw(|frame| view::draw(frame, &mut model))
        .expect("drawing works");
    let keys = [KeyCode::Char('a'), KeyCode::Backspace];
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        update(&mut model, Msg::Key(KeyEvent::from(keys[n % 2])));
        display
            .draw(|frame| view::draw(frame, &mut model))
            .expect("drawing works");
    });
}

/// The step with the most fields, over all tools.
fn largest_step(catalog: &Catalog) -> (Entry, usize) {
    catalog
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
        .expect("at least one tool")
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
