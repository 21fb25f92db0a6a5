//! Filling in tools through the core, as a person would, trying invalid values first.

use chrono::{DateTime, NaiveDate};

use vejen_frem::core::answers::Value;
use vejen_frem::core::catalog::Entry;
use vejen_frem::core::layout::Input;
use vejen_frem::core::place::{Part, Place};
use vejen_frem::core::walk::Walk;

/// A new session of `entry`'s tool, created at a fixed time.
pub fn walk(entry: &Entry) -> Walk {
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
    let session = entry.new_session(format!("20261122-100000-{}-0001", entry.tool.id), now);
    Walk::new(
        entry.tool.clone(),
        session,
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    )
}

/// Fills every place of `step`, including those that appear as rows are added and
/// conditions met; text places get `text(field id)`.
pub fn fill_step(walk: &mut Walk, step: usize, text: impl Fn(&str) -> String) {
    walk.goto_step(step);
    let tool = walk.tool().id.clone();
    let mut i = 0;
    let mut visits = 0;
    while let Some(place) = walk.places().get(i).copied() {
        let value = text(&field_id(walk, place));
        let count = walk.places().len();
        fill(walk, place, &tool, &value);
        // A new row or entry takes the cursor to its first place: go on from there.
        let added =
            matches!(place.part, Part::AddRow | Part::AddEntry) && walk.places().len() > count;
        i = match walk.focus().filter(|_| added) {
            Some(focus) => walk
                .places()
                .iter()
                .position(|p| *p == focus)
                .unwrap_or(i + 1),
            None => i + 1,
        };
        visits += 1;
        assert!(visits < 500, "{tool}: step {step} never ends");
    }
}

/// Fills every step of the tool.
pub fn fill_all(walk: &mut Walk, text: impl Fn(&str) -> String) {
    for step in 0..walk.tool().steps.len() {
        fill_step(walk, step, &text);
    }
}

fn field_id(walk: &Walk, place: Place) -> String {
    walk.field(place.field).unwrap().id.clone()
}

/// Fills one place the way a person would, first trying what must be refused.
fn fill(walk: &mut Walk, place: Place, tool: &str, text: &str) {
    let at = format!("{tool}, field {:?}", field_id(walk, place));
    match walk.input(place) {
        Input::Text { .. } => {
            walk.set_text(place, text).unwrap();
            assert_eq!(walk.answers().value(place), Value::Text(text), "{at}");
        }
        Input::Date => {
            assert!(
                walk.set_text(place, "31-02-2026").is_err(),
                "{at}: 31-02-2026 accepted"
            );
            assert!(
                walk.set_text(place, "næste uge").is_err(),
                "{at}: words accepted as a date"
            );
            assert_eq!(
                walk.answers().value(place),
                Value::Unparsed("næste uge"),
                "{at}: typed text not kept"
            );
            let date = if place.part == Part::To {
                "31-12-2026"
            } else {
                "24-11-2026"
            };
            walk.set_text(place, date)
                .unwrap_or_else(|e| panic!("{at}: {e:?}"));
            if place.part == Part::From {
                // A range's end may not lie before its start.
                assert!(
                    walk.set_text(place.with(Part::To), "01-01-2026").is_err(),
                    "{at}: end before start accepted"
                );
            }
        }
        Input::Number { min, max } => {
            assert!(
                walk.set_text(place, "mange").is_err(),
                "{at}: text accepted as a number"
            );
            assert!(
                walk.set_text(place, &format!("{}", max + 1.0)).is_err(),
                "{at}: above max accepted"
            );
            assert!(
                walk.set_text(place, &format!("{}", min - 1.0)).is_err(),
                "{at}: below min accepted"
            );
            walk.set_text(place, &format!("{}", (min + max) / 2.0))
                .unwrap();
        }
        Input::Week => {
            assert!(
                walk.set_text(place, "uge 54").is_err(),
                "{at}: week 54 accepted"
            );
            walk.set_text(place, "48").unwrap();
        }
        Input::Options => {
            // The first option (Ja), so that conditional fields show up and get filled too.
            walk.choose(place, Some(0));
            let field = walk.field(place.field).unwrap();
            let first = field.kind.option_ids().unwrap()[0];
            assert_eq!(walk.answers().chosen(field), Some(first), "{at}");
        }
        Input::Toggle => {
            walk.toggle(place);
            assert!(walk.answers().is_on(place), "{at}");
        }
        Input::Button => {
            let field = walk.field(place.field).unwrap();
            let rows = match place.part {
                Part::AddRow => walk.answers().rows(field).len(),
                _ => walk.answers().entry_count(field),
            };
            // One new row or entry is enough to fill; the walk then visits its places.
            if rows < 2 {
                walk.press(place);
            }
        }
    }
}
