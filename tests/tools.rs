//! The 13 built-in tools and the example that uses every field kind, walked through the
//! core: every step visited, every slot filled, invalid values refused, and the session
//! completed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::collections::BTreeSet;

use common::fill::{fill_step, walk};
use common::{definition_texts, words};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::check::Source;
use vejen_frem::core::content::{self, Block};
use vejen_frem::core::definition::{Kind, Tool};
use vejen_frem::core::place::{Part, Place};
use vejen_frem::core::session::Status;

fn catalog() -> Catalog {
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
    assert!(problems.is_empty(), "{problems:#?}");
    catalog
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
        Kind::Link { .. } => "Link",
    }
}

/// The built-in tools and `tests/fixtures/example.ron`, which uses the kinds no built-in
/// tool needs (a number with bounds).
fn tools_and_example() -> Catalog {
    let example = Source::new(
        "tests/fixtures/example.ron",
        include_str!("fixtures/example.ron"),
    );
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[example]);
    assert!(problems.is_empty(), "{problems:#?}");
    catalog
}

#[test]
fn every_tool_can_be_walked_filled_and_completed() {
    let mut kinds = BTreeSet::new();
    for entry in tools_and_example().entries {
        let tool = &entry.tool;
        let mut w = walk(&entry);
        for step in 0..tool.steps.len() {
            w.goto_step(step);
            // Slots appear as rows are added and conditions are met, so go by index.
            fill_step(&mut w, step, |_| "Svar med æøå 😀".into());
        }
        for field in tool.fields() {
            kinds.insert(kind_name(&field.kind));
            if field.kind.is_input() && w.answers().is_visible(field) {
                assert!(
                    w.answers().is_answered(field),
                    "{}: {} left unanswered",
                    tool.id,
                    field.id
                );
            }
        }
        assert_eq!(w.session().unparsed, Default::default(), "{}", tool.id);
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
        assert_eq!(w.complete(now), Ok(()), "{}", tool.id);
        assert_eq!(w.session().status, Status::Completed);
        // The review shows every answer.
        assert!(
            w.answers().review().iter().all(|item| item.shown.is_some()),
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
        "Link",
    ];
    for kind in all {
        assert!(
            kinds.contains(kind),
            "neither a tool nor the example uses {kind}"
        );
    }
}

#[test]
fn there_are_thirteen_tools_numbered_one_to_thirteen_and_the_reflection_walk() {
    let numbers: Vec<Option<u32>> = catalog().entries.iter().map(|e| e.tool.number).collect();
    let mut expected: Vec<Option<u32>> = (1..=13).map(Some).collect();
    expected.push(None);
    assert_eq!(numbers, expected);
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
fn the_review_shows_the_policys_changed_paragraphs_with_the_reports_wording() {
    let catalog = catalog();
    let entry = catalog.find("9").unwrap();
    let mut w = walk(entry);
    let at = w
        .answers()
        .fields()
        .find(|(_, f)| f.id == "virksomhed")
        .map(|(at, _)| at)
        .unwrap();
    w.goto_field(at);
    let place = w.focus().unwrap();
    w.set_text(place, "Byggefirmaet A/S").unwrap();
    let answers = w.answers();
    let policy = answers
        .review()
        .into_iter()
        .find(|item| matches!(item.field.kind, Kind::Template { .. }))
        .expect("the template is in the review");
    let text = vejen_frem::present::answer_lines(&answers, policy.field).join("\n");
    assert_eq!(text, "Rapportens ordlyd i alle afsnit.");
    // Adapted, the paragraph is shown filled in, with the report's wording under it.
    let at = policy.at;
    w.goto_field(at);
    w.set_text(
        Place::new(at, Part::Paragraph(1)),
        "I det tilfælde forpligter {ansvarlig} sig til at hjælpe.",
    )
    .unwrap();
    let answers = w.answers();
    let politik = w.tool().field("politik").unwrap();
    let text = vejen_frem::present::answer_lines(&answers, politik).join("\n");
    assert!(
        text.starts_with(
            "Afsnit 2 (tilpasset): I det tilfælde forpligter __________ (Fx leder) sig"
        ),
        "an unanswered blank keeps the report's hint: {text}"
    );
    assert!(
        text.contains("Rapportens ordlyd: I det tilfælde at en medarbejder får smerter"),
        "{text}"
    );
}

/// Letters and digits only, with nothing between them: a text as it can be found in the
/// report's text, whose line breaks, hyphenation and table layout the PDF conversion mixed.
fn squash(text: &str) -> String {
    words(text).replace(' ', "")
}

/// Every text of every tool, and of the introduction to them, is the report's (BILAG 6, kept
/// as text in `tests/fixtures/bilag-6.txt`) word for word, or is listed with the report's
/// wording in `tools/DEVIATIONS.md`.
#[test]
fn every_text_is_the_reports_word_for_word_or_listed_as_a_deviation() {
    let report = squash(include_str!("fixtures/bilag-6.txt"));
    let listed = squash(include_str!("../tools/DEVIATIONS.md"));
    let mut texts: Vec<(String, String)> = Vec::new();
    // The redskaber; the reflection walk asks BILAG 5's questions, which `vejen-frem check`
    // compares with the sections.
    for entry in catalog().entries {
        let tool = &entry.tool;
        let Some(number) = tool.number else {
            continue;
        };
        let own = definition_texts(tool)
            .into_iter()
            .chain(tool.summary.clone());
        texts.extend(own.map(|t| (format!("Redskab {number}"), t)));
    }
    let (_, intro) = content::find(content::INTRODUCTION).unwrap();
    for block in content::blocks(intro.text) {
        let lines = match block {
            Block::Heading(t) | Block::Paragraph(t) | Block::Bullet(t) | Block::Quote(t) => vec![t],
            Block::Table { header, rows } => header
                .into_iter()
                .chain(rows.into_iter().flatten())
                .collect(),
        };
        texts.extend(
            lines
                .into_iter()
                .map(|t| (content::INTRODUCTION.to_string(), t)),
        );
    }
    // Sentence by sentence, so a deviation is listed with the sentence it is in.
    let unlisted: Vec<String> = texts
        .iter()
        .flat_map(|(place, text)| {
            text.split_inclusive(['.', '?', '!'])
                .map(move |sentence| (place, sentence.trim()))
        })
        .filter(|(_, sentence)| {
            let squashed = squash(sentence);
            !report.contains(&squashed) && !listed.contains(&squashed)
        })
        .map(|(place, sentence)| format!("{place}: {sentence}"))
        .collect();
    assert!(
        unlisted.is_empty(),
        "not the report's words and not listed in tools/DEVIATIONS.md:\n{}",
        unlisted.join("\n")
    );
}
