//! The 13 built-in tools, walked through the core: every step visited, every slot filled,
//! invalid values refused, and the session completed.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate};

use vejen_frem::core::catalog::{Catalog, Entry, builtin_sources};
use vejen_frem::core::definition::{Kind, Tool};
use vejen_frem::core::session::{Session, Status};
use vejen_frem::core::walk::{Part, Slot, SlotKind, Walk};

fn catalog() -> Catalog {
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
    assert!(problems.is_empty(), "{problems:#?}");
    catalog
}

fn walk(entry: &Entry) -> Walk {
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
    let session = Session::new("test".into(), entry, now);
    Walk::new(
        entry.tool.clone(),
        session,
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    )
}

fn kind_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Text => "Text",
        Kind::LongText => "LongText",
        Kind::Date => "Date",
        Kind::DateRange => "DateRange",
        Kind::Number { .. } => "Number",
        Kind::YesNo => "YesNo",
        Kind::Choice { .. } => "Choice",
        Kind::Check => "Check",
        Kind::List { .. } => "List",
        Kind::Table { .. } => "Table",
        Kind::WeekSchedule => "WeekSchedule",
        Kind::Checklist { .. } => "Checklist",
        Kind::Info { .. } => "Info",
        Kind::Template { .. } => "Template",
    }
}

/// Fills one slot the way a person would, first trying what must be refused.
fn fill(walk: &mut Walk, slot: Slot, tool: &str) {
    let at = format!("{tool}, field {:?}", walk.field_of(slot).id);
    match walk.slot_kind(slot) {
        SlotKind::Text { .. } => {
            walk.set_text(slot, "Svar med æøå 😀").unwrap();
            assert_eq!(walk.text(slot), "Svar med æøå 😀", "{at}");
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

#[test]
fn every_tool_can_be_walked_filled_and_completed() {
    let mut kinds = BTreeSet::new();
    for entry in catalog().entries {
        let tool = &entry.tool;
        let mut w = walk(&entry);
        for step in 0..tool.steps.len() {
            w.goto_step(step);
            // Slots appear as rows are added and conditions are met, so go by index.
            let mut i = 0;
            while let Some(slot) = w.slots().get(i).copied() {
                fill(&mut w, slot, &tool.id);
                i += 1;
                assert!(i < 500, "{}: step {step} never ends", tool.id);
            }
        }
        for field in tool.fields() {
            kinds.insert(kind_name(&field.kind));
            if field.kind.is_input() && w.is_visible(field) {
                assert!(
                    w.is_answered(field),
                    "{}: {} left unanswered",
                    tool.id,
                    field.id
                );
            }
        }
        assert_eq!(w.session().unparsed, Default::default(), "{}", tool.id);
        assert_eq!(w.complete(), Ok(()), "{}", tool.id);
        assert_eq!(w.session().status, Status::Completed);
        // The review shows every answer.
        assert!(
            w.review().iter().all(|item| !item.value.is_empty()),
            "{}",
            tool.id
        );
    }
    let all = [
        "Text",
        "LongText",
        "Date",
        "DateRange",
        "Number",
        "YesNo",
        "Choice",
        "Check",
        "List",
        "Table",
        "WeekSchedule",
        "Checklist",
        "Info",
        "Template",
    ];
    for kind in all {
        assert!(kinds.contains(kind), "no tool uses {kind}");
    }
}

#[test]
fn there_are_thirteen_tools_numbered_one_to_thirteen() {
    let numbers: Vec<u32> = catalog().entries.iter().map(|e| e.tool.number).collect();
    assert_eq!(numbers, (1..=13).collect::<Vec<_>>());
}

fn field_ids(tool: &Tool) -> BTreeSet<String> {
    tool.fields()
        .filter(|f| f.kind.is_input())
        .map(|f| f.id.clone())
        .collect()
}

/// The matching versions ask the same questions under the same ids, so answers can be
/// carried from one to the other.
#[test]
fn matching_tools_share_field_ids() {
    let catalog = catalog();
    let ids = |n: &str| field_ids(&catalog.find(n).unwrap().tool);
    let shared = |a: &str, b: &str| ids(a).intersection(&ids(b)).count();
    assert_eq!(ids("3"), ids("6"), "the two MSB-aftaler ask the same");
    for (a, b, at_least) in [
        ("1", "4", 8),
        ("1", "12", 8),
        ("4", "12", 8),
        ("2", "5", 6),
        ("2", "13", 6),
        ("5", "13", 6),
    ] {
        assert!(
            shared(a, b) >= at_least,
            "Redskab {a} and {b} share only {} ids",
            shared(a, b)
        );
    }
}

#[test]
fn examples_are_hints_and_never_saved() {
    for entry in catalog().entries {
        let w = walk(&entry);
        assert!(w.session().answers.is_empty(), "{}", entry.tool.id);
        for field in entry.tool.fields() {
            assert!(
                !field.label.contains("(Fx"),
                "{}: the example belongs in `hint`: {}",
                entry.tool.id,
                field.label
            );
        }
    }
}

#[test]
fn the_review_shows_the_policy_filled_in() {
    let catalog = catalog();
    let entry = catalog.find("9").unwrap();
    let mut w = walk(entry);
    let (step, field) = entry
        .tool
        .steps
        .iter()
        .enumerate()
        .find_map(|(s, st)| {
            st.fields
                .iter()
                .position(|f| f.id == "virksomhed")
                .map(|f| (s, f))
        })
        .unwrap();
    w.goto_field(step, field);
    let slot = w.focus().unwrap();
    w.set_text(slot, "Byggefirmaet A/S").unwrap();
    let policy = w
        .review()
        .into_iter()
        .find(|item| {
            matches!(
                entry.tool.steps[item.step].fields[item.field].kind,
                Kind::Template { .. }
            )
        })
        .expect("the template is in the review");
    let text = policy.value.join("\n");
    assert!(
        text.starts_with("Byggefirmaet A/S forpligter sig"),
        "{text}"
    );
    assert!(
        text.contains("__________ (Fx leder)"),
        "an unanswered blank keeps the report's hint: {text}"
    );
}
