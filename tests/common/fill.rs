//! Filling in tools through the core, as a person would, trying invalid values first.

use chrono::{DateTime, NaiveDate};

use vejen_frem::core::catalog::Entry;
use vejen_frem::core::session::Session;
use vejen_frem::core::walk::{Part, Slot, SlotKind, Walk};

/// A new session of `entry`'s tool, created at a fixed time.
pub fn walk(entry: &Entry) -> Walk {
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
    let session = Session::new(
        format!("20261122-100000-{}-0001", entry.tool.id),
        entry,
        now,
    );
    Walk::new(
        entry.tool.clone(),
        session,
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    )
}

/// Fills every slot of `step`, including those that appear as rows are added and
/// conditions met; text slots get `text(field id)`.
pub fn fill_step(walk: &mut Walk, step: usize, text: impl Fn(&str) -> String) {
    walk.goto_step(step);
    let tool = walk.tool().id.clone();
    let mut i = 0;
    let mut visits = 0;
    while let Some(slot) = walk.slots().get(i).copied() {
        let value = text(&walk.field_of(slot).id);
        let count = walk.slots().len();
        fill(walk, slot, &tool, &value);
        // A new row or entry takes the cursor to its first slot: go on from there.
        let added =
            matches!(slot.part, Part::AddRow | Part::AddEntry) && walk.slots().len() > count;
        i = match walk.focus().filter(|_| added) {
            Some(focus) => walk
                .slots()
                .iter()
                .position(|s| *s == focus)
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

/// Fills one slot the way a person would, first trying what must be refused.
fn fill(walk: &mut Walk, slot: Slot, tool: &str, text: &str) {
    let at = format!("{tool}, field {:?}", walk.field_of(slot).id);
    match walk.slot_kind(slot) {
        SlotKind::Text { .. } => {
            walk.set_text(slot, text).unwrap();
            assert_eq!(walk.text(slot), text, "{at}");
        }
        SlotKind::Date => {
            assert!(
                walk.set_text(slot, "31-02-2026").is_err(),
                "{at}: 31-02-2026 accepted"
            );
            assert!(
                walk.set_text(slot, "i morgen").is_err(),
                "{at}: words accepted as a date"
            );
            assert_eq!(walk.text(slot), "i morgen", "{at}: typed text not kept");
            let date = if slot.part == Part::To {
                "31-12-2026"
            } else {
                "24-11-2026"
            };
            walk.set_text(slot, date)
                .unwrap_or_else(|e| panic!("{at}: {e:?}"));
            if slot.part == Part::From {
                // A range's end may not lie before its start.
                let to = Slot {
                    part: Part::To,
                    ..slot
                };
                assert!(
                    walk.set_text(to, "01-01-2026").is_err(),
                    "{at}: end before start accepted"
                );
            }
        }
        SlotKind::Number { min, max, .. } => {
            assert!(
                walk.set_text(slot, "mange").is_err(),
                "{at}: text accepted as a number"
            );
            assert!(
                walk.set_text(slot, &format!("{}", max + 1.0)).is_err(),
                "{at}: above max accepted"
            );
            assert!(
                walk.set_text(slot, &format!("{}", min - 1.0)).is_err(),
                "{at}: below min accepted"
            );
            walk.set_text(slot, &format!("{}", (min + max) / 2.0))
                .unwrap();
        }
        SlotKind::Week => {
            assert!(
                walk.set_text(slot, "uge 54").is_err(),
                "{at}: week 54 accepted"
            );
            walk.set_text(slot, "48").unwrap();
        }
        SlotKind::Options(options) => {
            assert!(
                walk.choose_by_key(slot, '%').is_err(),
                "{at}: '%' picked an option"
            );
            // The first option (Ja), so that conditional fields show up and get filled too.
            walk.choose(slot, 0);
            assert_eq!(walk.chosen(slot), Some(options[0].id()), "{at}");
        }
        SlotKind::Toggle => {
            walk.toggle(slot);
            assert!(walk.is_on(slot), "{at}");
        }
        SlotKind::Button => {
            let field = walk.field_of(slot).clone();
            let rows = match slot.part {
                Part::AddRow => walk.rows(&field).len(),
                _ => walk.entry_count(&field),
            };
            // One new row or entry is enough to fill; the walk then visits its slots.
            if rows < 2 {
                walk.activate(slot);
            }
        }
    }
}
