//! Drawing is stable: a screen drawn again with no key between shows the same, for random
//! keys on random tools and on the lists of a full folder, at 80x24 and 40x12. A draw that
//! moves a scroll position must show the moved position at once, or a later redraw (a
//! save's "gemt", the clock) would shift the screen under the person's eyes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::forloeb::Forloeb;
use vejen_frem::core::walk::Walk;
use vejen_frem::store::sessions::Store;
use vejen_frem::tui::model::{Model, OpenSession, Screen};
use vejen_frem::tui::update::{Msg, update};

/// A folder with more sessions and forløb than a screen shows, made once for every case.
static FOLDER: std::sync::LazyLock<tempfile::TempDir> = std::sync::LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let at = DateTime::parse_from_rfc3339("2026-11-20T08:00:00+01:00").unwrap();
    for f in 0..12 {
        let mut forloeb = Forloeb::new(format!("20261120-0800{f:02}-0001"), at);
        forloeb.label = format!("Person {f}");
        store.save_forloeb(&forloeb).unwrap();
    }
    for n in 0..40 {
        let entry = &catalog.entries[n % catalog.entries.len()];
        let mut session = entry.new_session(
            format!("20261120-0900{n:02}-{}-0001", entry.tool.id),
            at + chrono::Duration::minutes(n as i64),
        );
        session.label = format!("Etiket {n}");
        session.forloeb = format!("20261120-0800{:02}-0001", n % 12);
        drop(store.create(&session).unwrap());
    }
    dir
});

fn key() -> impl Strategy<Value = KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    prop_oneof![
        4 => prop::sample::select(vec!['a', 'j', 'n', '1', '2', 'æ', ' ']).prop_map(move |c| plain(KeyCode::Char(c))),
        4 => Just(plain(KeyCode::Tab)),
        1 => Just(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        2 => Just(plain(KeyCode::Down)),
        2 => Just(plain(KeyCode::Up)),
        2 => Just(plain(KeyCode::PageDown)),
        1 => Just(plain(KeyCode::PageUp)),
        1 => Just(plain(KeyCode::Enter)),
        1 => Just(plain(KeyCode::Esc)),
        1 => Just(plain(KeyCode::F(1))),
        1 => Just(plain(KeyCode::Home)),
        1 => Just(plain(KeyCode::End)),
        1 => Just(plain(KeyCode::Char('o'))),
        2 => Just(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_screen_drawn_again_without_a_key_is_the_same(
        tool in 0usize..16,
        in_a_session in any::<bool>(),
        small in any::<bool>(),
        keys in prop::collection::vec(key(), 1..40),
    ) {
        let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
        let entry = &catalog.entries[tool % catalog.entries.len()];
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let walk = Walk::new(entry.tool.clone(), entry.new_session("s".into(), now), today);
        let mut model = Model::new(catalog.clone(), today);
        // A tool's steps and review, or the start screen with its tabs (the forløb and the
        // sessions of a folder fuller than the screen) and the reading.
        if in_a_session {
            model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
        } else {
            model.set_listing(Store::open(FOLDER.path()).unwrap().listing());
        }
        let (width, height) = if small { (40, 12) } else { (80, 24) };
        for (i, key) in keys.iter().enumerate() {
            update(&mut model, Msg::Key(*key));
            let first = common::draw(&mut model, width, height);
            let again = common::draw(&mut model, width, height);
            prop_assert_eq!(&first, &again, "after key {} ({:?}) of {:?}", i, key, keys);
        }
    }
}
