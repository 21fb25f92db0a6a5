//! Mutated definitions and session files: whatever the bytes, reading them gives a tool, a
//! session or a clear refusal, never a panic. A fixed number of cases runs in `cargo test`;
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz` runs many more.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::fill::{fill_all, walk};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::check::Source;
use vejen_frem::core::walk::Walk;
use vejen_frem::store::sessions::{Listed, Store};
use vejen_frem::tui::model::{Model, OpenSession, Screen};
use vejen_frem::tui::view;

/// One change to a text.
#[derive(Debug, Clone)]
enum Mutation {
    Delete {
        at: usize,
        len: usize,
    },
    Insert {
        at: usize,
        text: String,
    },
    /// The same stretch written twice.
    Repeat {
        at: usize,
        len: usize,
    },
    /// A number made huge, negative or not a number.
    Number {
        nth: usize,
        to: &'static str,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pieces = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        "\"",
        ",",
        ":",
        "\\",
        "\u{0}",
        "\u{1b}[2J",
        "é",
        "😀",
        "\u{feff}",
        "kind: Date",
        "when: Equals(field: \"x\", value: \"ja\")",
        "Some(",
        "id: \"\"",
        "min: 18446744073709551615",
        "//",
        "/*",
        "\n",
    ]);
    let numbers = prop::sample::select(vec![
        "18446744073709551615",
        "-1",
        "1e308",
        "NaN",
        "inf",
        "0",
        "99999999999999999999999",
        "4294967296",
    ]);
    prop_oneof![
        (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, len)| Mutation::Delete {
            at: i.index(1 << 20),
            len
        }),
        (any::<prop::sample::Index>(), pieces).prop_map(|(i, p)| Mutation::Insert {
            at: i.index(1 << 20),
            text: p.to_string()
        }),
        (any::<prop::sample::Index>(), 1usize..200).prop_map(|(i, len)| Mutation::Repeat {
            at: i.index(1 << 20),
            len
        }),
        (0usize..40, numbers).prop_map(|(nth, to)| Mutation::Number { nth, to }),
    ]
}

/// Applies mutations to a text at character boundaries.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut out = text.to_string();
    for m in mutations {
        let boundary = |at: usize, s: &str| {
            let mut at = at % (s.len() + 1);
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        match m {
            Mutation::Delete { at, len } => {
                let start = boundary(*at, &out);
                let end = boundary(start + len, &out).max(start);
                out.replace_range(start..end, "");
            }
            Mutation::Insert { at, text } => {
                let at = boundary(*at, &out);
                out.insert_str(at, text);
            }
            Mutation::Repeat { at, len } => {
                let start = boundary(*at, &out);
                let end = boundary(start + len, &out).max(start);
                let piece = out[start..end].to_string();
                out.insert_str(end, &piece);
            }
            Mutation::Number { nth, to } => {
                let digits: Vec<(usize, usize)> = out
                    .char_indices()
                    .filter(|(_, c)| c.is_ascii_digit())
                    .map(|(i, _)| (i, i + 1))
                    .collect();
                if let Some(&(start, end)) = digits.get(nth % digits.len().max(1)) {
                    out.replace_range(start..end, to);
                }
            }
        }
    }
    out
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(96)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A definition that passes the check opens and draws, step by step.
fn open_and_draw(catalog: &Catalog, id: &str) {
    let entry = catalog.get(id).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
    let session = entry.new_session("fuzz".into(), now);
    let mut model = Model::new(catalog.clone(), today());
    let walk = Walk::new(entry.tool.clone(), session, today());
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
    let mut terminal = Terminal::new(TestBackend::new(60, 16)).unwrap();
    for step in 0..entry.tool.steps.len() {
        if let Screen::Session(open) = &mut model.screen {
            open.walk.goto_step(step);
            open.sync_editor();
        }
        terminal
            .draw(|frame| view::draw(frame, &mut model))
            .unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_definition_is_a_tool_or_problems_with_places(
        file in 0usize..13,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let builtin = builtin_sources();
        let original = &builtin[file % builtin.len()];
        let text = mutate(&original.text, &mutations);
        let source = Source::new(original.name.clone(), text);
        match source.parse() {
            Ok(tool) => {
                let (catalog, problems) = Catalog::load(&builtin, &[source]);
                if problems.is_empty() {
                    open_and_draw(&catalog, &tool.id);
                }
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for problem in problems {
                    prop_assert!(problem.line >= 1 && problem.column >= 1);
                    prop_assert!(problem.to_string().len() < 2_000);
                }
            }
        }
    }

    #[test]
    fn a_mutated_session_file_is_a_session_or_listed_as_damaged(
        tool in 0usize..13,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
        let entry = &catalog.entries[tool % catalog.entries.len()];
        let mut w = walk(entry);
        fill_all(&mut w, |id| format!("Svar til {id}"));
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        drop(store.create(w.session()).unwrap());
        let file = dir.path().join(format!("{}.ron", w.session().id));
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, mutate(&text, &mutations)).unwrap();
        match store.list().as_slice() {
            [Listed::Session(_)] => {
                let opened = store.open_session(&w.session().id);
                prop_assert!(opened.is_ok(), "listed but does not open: {:?}", opened.err());
                let opened = opened.unwrap();
                // Whatever it holds, it walks and draws without a panic.
                let walk = Walk::new(entry.tool.clone(), opened.session, today());
                let mut model = Model::new(catalog.clone(), today());
                model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
                let mut terminal = Terminal::new(TestBackend::new(60, 16)).unwrap();
                terminal.draw(|frame| view::draw(frame, &mut model)).unwrap();
            }
            [Listed::Damaged { reason, .. }] => prop_assert!(!reason.is_empty()),
            other => prop_assert!(false, "{other:?}"),
        }
    }
}
