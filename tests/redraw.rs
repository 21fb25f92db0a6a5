//! Drawing is stable: a screen drawn again with no key between shows the same, for random
//! keys on random tools at 80x24 and 40x12. A draw that moves a scroll position must show
//! the moved position at once, or a later redraw (a save's "gemt", the clock) would shift
//! the screen under the person's eyes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::walk::Walk;
use vejen_frem::tui::model::{Model, OpenSession, Screen};
use vejen_frem::tui::update::{Msg, update};

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
        // A tool's steps and review, or the start screen with its tabs and the reading.
        if in_a_session {
            model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
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
