//! Snapshot tests of the screens, drawn into ratatui's TestBackend. A changed screen shows
//! up as a diff in review (`cargo insta review`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::portal::Ref;
use vejen_frem::core::session::Change;
use vejen_frem::core::walk::Walk;
use vejen_frem::texts::{self, Language};
use vejen_frem::tui::model::{Model, OpenSession, PageKind, Reading, Screen};
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

/// The model on the fixed day, with a fixed clock for completions and reopenings.
fn new_model(catalog: Catalog) -> Model {
    let mut model = Model::new(catalog, today());
    model.clock = now;
    model
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// A model with a new session of `tool` open.
struct Open {
    model: Model,
}

fn open(tool: &str) -> Open {
    let catalog = catalog();
    let entry = catalog
        .find(tool)
        .unwrap_or_else(|| panic!("no tool {tool}"))
        .clone();
    let session = entry.new_session(format!("test-{}", entry.tool.id), now());
    let walk = Walk::new(entry.tool.clone(), session, today());
    let mut model = new_model(catalog);
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
    Open { model }
}

fn draw(model: &mut Model, width: u16, height: u16) -> String {
    text_of(&drawn(model, width, height))
}

/// The frame as drawn, colours and all.
fn drawn(model: &mut Model, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, model))
        .expect("drawing works");
    terminal.backend().buffer().clone()
}

/// The characters of a frame, a line per row.
fn text_of(buffer: &Buffer) -> String {
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
    let mut model = new_model(catalog());
    insta::assert_snapshot!(draw(&mut model, 80, 24));
}

/// The first step of every tool (and of the reflection walk), as it opens: the first
/// field has the cursor.
#[test]
fn first_step_of_each_tool() {
    for entry in catalog().entries {
        let name = match entry.tool.number {
            Some(number) => format!("first_step_of_redskab_{number:02}_{}", entry.tool.id),
            None => format!("first_step_of_{}", entry.tool.id),
        };
        insta::assert_snapshot!(name, draw(&mut open(&entry.tool.id).model, 80, 24));
    }
}

/// Goes to the step of the open tool that holds `field`, with the cursor on that field.
fn goto_field(model: &mut Model, field: &str) {
    let Screen::Session(s) = &mut model.screen else {
        panic!("no session open")
    };
    let at = s
        .walk
        .answers()
        .fields()
        .find(|(_, f)| f.id == field)
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("no field {field}"));
    s.walk.goto_field(at);
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

/// Dates typed as people type them are read back with their weekday: under the field
/// while typing, in the field once the cursor has left it.
#[test]
fn a_typed_date_is_read_back_with_its_weekday() {
    let mut o = open("6");
    goto_field(&mut o.model, "naeste-opfoelgning");
    type_text(&mut o.model, "4/1 2027");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("│ 4/1 2027"), "{screen}");
    assert!(screen.contains("= mandag 04-01-2027"), "{screen}");
    insta::assert_snapshot!("typed_date_80x24", screen);
    insta::assert_snapshot!("typed_date_40x12", draw(&mut o.model, 40, 12));
    // On to a new row of the table: the date above shows its weekday, the cell is typed
    // in weeks from today (Sunday 22-11-2026).
    key(&mut o.model, KeyCode::Tab);
    key(&mut o.model, KeyCode::Enter); // + Tilføj række
    type_text(&mut o.model, "+2u");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("│ mandag 04-01-2027"), "{screen}");
    assert!(screen.contains("= søndag 06-12-2026"), "{screen}");
    insta::assert_snapshot!("typed_date_in_a_table_cell", screen);
}

#[test]
fn policy_template_filled_in_from_the_answers() {
    let mut o = open("9");
    goto_field(&mut o.model, "virksomhed");
    type_text(&mut o.model, "Byggefirmaet A/S");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "nærmeste leder");
    key(&mut o.model, KeyCode::PageDown);
    key(&mut o.model, KeyCode::Esc); // out of the paragraph: the policy as it reads
    insta::assert_snapshot!(draw(&mut o.model, 80, 40));
}

/// The workplace adapts one paragraph and leaves another out; the step says so, and the
/// review shows the report's wording beside the changed ones.
#[test]
fn policy_paragraphs_adapted_and_left_out() {
    let mut o = open("9");
    goto_field(&mut o.model, "virksomhed");
    type_text(&mut o.model, "Byggefirmaet A/S");
    goto_field(&mut o.model, "politik");
    type_text(&mut o.model, " Træningen foregår tirsdag og torsdag.");
    key(&mut o.model, KeyCode::Tab);
    key(&mut o.model, KeyCode::Tab);
    ctrl(&mut o.model, 'u'); // the third paragraph's text, line by line
    while o
        .model
        .open_session()
        .and_then(|s| s.editor.as_ref())
        .is_some_and(|e| !e.text().is_empty())
    {
        key(&mut o.model, KeyCode::Backspace);
        ctrl(&mut o.model, 'u');
    }
    key(&mut o.model, KeyCode::Esc);
    let Screen::Session(s) = &mut o.model.screen else {
        panic!("no session open")
    };
    s.scroll = 0;
    insta::assert_snapshot!("policy_step_adapted", draw(&mut o.model, 80, 40));
    ctrl(&mut o.model, 'r');
    for _ in 0..5 {
        key(&mut o.model, KeyCode::Down);
    }
    let review = draw(&mut o.model, 80, 30);
    assert!(
        review.contains("Afsnit 1 (tilpasset)")
            && review.contains("Rapportens ordlyd: Byggefirmaet A/S forpligter")
            && review.contains("Afsnit 3: udeladt"),
        "{review}"
    );
    insta::assert_snapshot!("policy_review_adapted", review);
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
    let mut model = new_model(catalog());
    key(&mut model, KeyCode::F(1));
    insta::assert_snapshot!(draw(&mut model, 80, 24));
}

/// Interface words that must not be left on an English screen (none is in a tool's title).
const DANISH_WORDS: &[&str] = &[
    "Redskaber",
    "Forløb",
    "Sessioner",
    "Viden",
    "Medarbejder",
    "Leder",
    "vælg",
    "næste",
    "fane",
    "oversigt",
    "afslut",
    "hjælp",
    "Hjælp",
    "taster",
    "Overalt",
    "luk",
    "rul",
    "lås",
    "Første",
    "Sidste",
    "Forrige",
    "Afslut",
];

fn english(screen: impl FnOnce() -> String) -> String {
    let screen = texts::with_language(Language::English, screen);
    for word in DANISH_WORDS {
        let danish = screen
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == *word);
        assert!(!danish, "'{word}' on the English screen:\n{screen}");
    }
    screen
}

/// The English start screen: the interface in English, the tools' titles in the report's
/// Danish; the Danish snapshots above stay as they are, Danish being the default.
#[test]
fn english_start_screen() {
    let screen = english(|| draw(&mut new_model(catalog()), 80, 24));
    assert!(
        screen.contains("[Tools] · Cases · Sessions · Knowledge"),
        "{screen}"
    );
    assert!(screen.contains("Screening for barrierer for arbejdsfastholdelse"));
    insta::assert_snapshot!(screen);
}

#[test]
fn english_help_overlay() {
    let screen = english(|| {
        let mut model = new_model(catalog());
        key(&mut model, KeyCode::F(1));
        draw(&mut model, 80, 24)
    });
    assert!(screen.contains("Help – keys"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// In a text field the help lists the editing keys first, as they work there.
#[test]
fn help_in_a_text_field_lists_the_editing_keys() {
    let mut o = open("1");
    key(&mut o.model, KeyCode::F(1));
    let screen = draw(&mut o.model, 80, 40);
    for wanted in ["Ctrl-K", "Ctrl-U", "Alt-←", "Ctrl-Z"] {
        assert!(screen.contains(wanted), "{wanted} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
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

/// *Viden* with these pages opened over the entry page.
fn viden(pages: &[PageKind]) -> Model {
    let mut model = Model::new(catalog(), today());
    let mut reading = Reading::default();
    for page in pages {
        reading.open(page.clone());
    }
    model.screen = Screen::Reading(reading);
    model
}

fn section(id: &str) -> PageKind {
    PageKind::Text(Ref::Section(id.into()))
}

#[test]
fn reading_material_with_a_fact_box() {
    let mut model = viden(&[section("hvad-er-msb")]);
    for _ in 0..28 {
        key(&mut model, KeyCode::Down);
    }
    let screen = draw(&mut model, 80, 24);
    assert!(screen.contains("┃ Fakta"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// `o` on the start screen opens the report's introduction to the tools; its overview table
/// is a grid where the screen is wide enough, and reads row by row where it is not.
#[test]
fn the_introduction_and_overview_from_the_start_screen() {
    for (width, height, scroll) in [(80, 24, 20), (40, 12, 62)] {
        let mut model = new_model(catalog());
        key(&mut model, KeyCode::Char('o'));
        assert_eq!(
            page(&model),
            &PageKind::Text(Ref::Section("introduktion".into())),
            "o opens the introduction in Viden"
        );
        let top = draw(&mut model, width, height);
        assert!(top.contains("Redskaber til"), "{top}");
        if let Screen::Reading(reading) = &mut model.screen {
            reading.page_mut().scroll = scroll;
        }
        let name = format!("introduction_overview_{width}x{height}");
        insta::assert_snapshot!(name, draw(&mut model, width, height));
    }
}

/// The GP's goal (13) answered and completed in the review.
fn completed_goal() -> Open {
    let mut o = open("13");
    type_text(&mut o.model, "Tilbage på fuld tid");
    key(&mut o.model, KeyCode::PageDown);
    type_text(&mut o.model, "Lave øvelser for ryggen");
    ctrl(&mut o.model, 'r');
    type_text(&mut o.model, "a");
    o
}

#[test]
fn review_of_a_completed_session_says_it_is_completed() {
    let mut o = completed_goal();
    let screen = draw(&mut o.model, 80, 24);
    assert!(!screen.contains("Tryk a"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn export_dialog_at_80x24_and_40x12() {
    let mut o = open("12");
    type_text(&mut o.model, "Gulvvask");
    ctrl(&mut o.model, 'r');
    type_text(&mut o.model, "e");
    key(&mut o.model, KeyCode::Down);
    key(&mut o.model, KeyCode::Right); // to the employer: private fields are left out
    insta::assert_snapshot!("export_dialog_80x24", draw(&mut o.model, 80, 24));
    insta::assert_snapshot!("export_dialog_40x12", draw(&mut o.model, 40, 12));
}

#[test]
fn label_dialog() {
    let mut o = open("10");
    ctrl(&mut o.model, 'l');
    type_text(&mut o.model, "Patient K");
    insta::assert_snapshot!(draw(&mut o.model, 80, 24));
}

#[test]
fn a_step_at_40x12_shows_the_focused_field_and_a_scrollbar() {
    let mut o = open("3");
    key(&mut o.model, KeyCode::PageDown);
    for _ in 0..3 {
        key(&mut o.model, KeyCode::Tab);
    }
    let screen = draw(&mut o.model, 40, 12);
    assert!(
        screen.contains('▶'),
        "the focused field is in view:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn sessions_screen_filtered_by_typing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = vejen_frem::store::sessions::Store::open(dir.path()).expect("a store");
    let catalog = catalog();
    for (n, (tool, label)) in [("10", "Patient K"), ("13", "Patient K"), ("6", "AB, lager")]
        .into_iter()
        .enumerate()
    {
        let entry = catalog.find(tool).expect("a built-in tool");
        let mut session = entry.new_session(
            format!("20261122-10000{n}-{}-0001", entry.tool.id),
            now() + chrono::Duration::minutes(n as i64),
        );
        session.label = label.into();
        drop(store.create(&session).expect("a new session"));
    }
    let mut model = new_model(catalog);
    model.screen = Screen::Sessions;
    model.set_listing(store.listing());
    insta::assert_snapshot!("sessions_all", draw(&mut model, 80, 12));
    type_text(&mut model, "patient mål");
    insta::assert_snapshot!("sessions_filtered", draw(&mut model, 80, 12));
}

#[test]
fn a_completed_session_is_read_only_until_reopened_with_a_confirmation() {
    let mut o = completed_goal();
    key(&mut o.model, KeyCode::Esc);
    // Sealed: typing changes nothing, and the top says why.
    type_text(&mut o.model, " og gå");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Færdig: kun til læsning"), "{screen}");
    assert!(!screen.contains("ryggen og gå"), "{screen}");
    insta::assert_snapshot!("sealed_session_40x12", draw(&mut o.model, 40, 12));
    // Reopening asks first; Esc leaves it sealed.
    ctrl(&mut o.model, 'r');
    type_text(&mut o.model, "g");
    let asked = draw(&mut o.model, 80, 24);
    assert!(asked.contains("Genåbn den færdige session?"), "{asked}");
    insta::assert_snapshot!("reopen_confirmation", asked);
    key(&mut o.model, KeyCode::Esc);
    type_text(&mut o.model, "g");
    key(&mut o.model, KeyCode::Enter);
    let reopened = draw(&mut o.model, 80, 24);
    assert!(reopened.contains("genåbnet"), "{reopened}");
    key(&mut o.model, KeyCode::Esc);
    type_text(&mut o.model, " og gå");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("ryggen og gå"), "{screen}");
    let Screen::Session(open) = &o.model.screen else {
        panic!("a session")
    };
    let changes: Vec<Change> = open
        .walk
        .session()
        .history
        .iter()
        .map(|e| e.change)
        .collect();
    assert_eq!(changes, vec![Change::Completed, Change::Reopened]);
}

#[test]
fn a_cpr_number_and_health_words_are_pointed_out_under_the_field() {
    let mut o = open("1");
    type_text(&mut o.model, "Gulvvask, ondt i knæet, 01.01.90-1234");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Ligner et CPR-nummer"), "{screen}");
    assert!(screen.contains("Nævner helbred (ondt)"), "{screen}");
    insta::assert_snapshot!("cpr_and_health_under_a_field", screen);
    // Gone when the number is gone.
    for _ in 0..15 {
        key(&mut o.model, KeyCode::Backspace);
    }
    let screen = draw(&mut o.model, 80, 24);
    assert!(!screen.contains("CPR"), "{screen}");
}

#[test]
fn a_label_that_looks_like_a_full_name_gets_a_gentle_warning_and_a_cpr_number_is_refused() {
    let mut o = open("10");
    ctrl(&mut o.model, 'l');
    type_text(&mut o.model, "Karsten Jensen");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Ligner et fuldt navn"), "{screen}");
    type_text(&mut o.model, " 01/01/90");
    key(&mut o.model, KeyCode::Enter);
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Det ligner et CPR-nummer"), "{screen}");
}

#[test]
fn the_locked_screen_shows_nothing_about_anyone() {
    let mut o = open("1");
    type_text(&mut o.model, "Hemmelig tekst om Kirsten");
    o.model.lock = Some(vejen_frem::tui::model::LockScreen::new(false));
    for (w, h) in [(80, 24), (40, 12)] {
        let screen = draw(&mut o.model, w, h);
        assert!(!screen.contains("Kirsten"), "{screen}");
        assert!(!screen.contains("Redskab 1"), "{screen}");
        insta::assert_snapshot!(format!("locked_{w}x{h}"), screen);
    }
    // Only the passphrase and quitting: F1 and Tab do nothing.
    key(&mut o.model, KeyCode::F(1));
    assert!(o.model.overlays.is_empty());
}

/// The page of *Viden* that is shown.
fn page(model: &Model) -> &PageKind {
    match &model.screen {
        Screen::Reading(reading) => &reading.page().kind,
        _ => panic!("Viden is not shown"),
    }
}

/// Moves the choice of a *Viden* list to the line that reads `label`.
fn choose(model: &mut Model, label: &str) {
    for _ in 0..40 {
        let screen = draw(model, 80, 40);
        if screen
            .lines()
            .any(|l| l.starts_with('▶') && l.contains(label))
        {
            return;
        }
        key(model, KeyCode::Down);
    }
    panic!("no line {label:?} to choose");
}

#[test]
fn viden_opens_with_the_readers_and_each_reader_has_an_entry() {
    let mut model = viden(&[]);
    let entry = draw(&mut model, 80, 24);
    for reader in [
        "Medarbejder",
        "Leder",
        "Praktiserende læge",
        "Arbejdsmiljøorganisation",
    ] {
        assert!(entry.contains(reader), "{entry}");
    }
    insta::assert_snapshot!("viden_entry", entry);
    choose(&mut model, "Praktiserende læge");
    key(&mut model, KeyCode::Enter);
    let gp = draw(&mut model, 80, 24);
    // The GP first sees the screening and the action points.
    let first: Vec<&str> = gp
        .lines()
        .filter(|l| l.trim_start_matches(['▶', ' ']).starts_with("Redskab "))
        .take(2)
        .collect();
    assert!(first[0].contains("▶ Redskab 10"), "{gp}");
    assert!(first[1].contains("Redskab 11"), "{gp}");
    insta::assert_snapshot!("viden_entry_for_the_gp", gp);
    // Each line leads on: the screening's background, and from there the tool itself.
    key(&mut model, KeyCode::Enter);
    assert_eq!(page(&model), &PageKind::Text(Ref::Tool("screening".into())));
    key(&mut model, KeyCode::Enter); // chooses the one link
    let command = update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    assert!(
        matches!(&command, Some(vejen_frem::tui::update::Command::New { tool, .. }) if tool == "screening"),
        "{command:?}"
    );
}

#[test]
fn a_case_is_a_story_of_its_own_reached_from_its_section() {
    let mut model = viden(&[section("hvorfor-fokus-paa-msb")]);
    let text = draw(&mut model, 80, 24);
    assert!(
        text.contains("→ Case – MSB skal italesættes (Mette)"),
        "{text}"
    );
    key(&mut model, KeyCode::Tab); // the case is the first link
    key(&mut model, KeyCode::Enter);
    assert_eq!(page(&model), &PageKind::Text(Ref::Case("mette".into())));
    let story = draw(&mut model, 80, 40);
    assert!(story.contains("Mette er 35 år"), "{story}");
    // The story ends where the case does: the section's own text is not in it.
    assert!(!story.contains("Selvom MSB opstår"), "{story}");
    assert!(story.contains("→ 2. Hvorfor er det værdifuldt"), "{story}");
    key(&mut model, KeyCode::Esc);
    assert_eq!(page(&model), &section("hvorfor-fokus-paa-msb"));
}

#[test]
fn the_body_figure_at_80x24_and_40x12() {
    let mut model = viden(&[PageKind::Body]);
    type_text(&mut model, "s"); // the shoulders, by their letter
    let large = draw(&mut model, 80, 24);
    assert!(large.contains("▶ s Skuldre"), "{large}");
    assert!(
        large.contains('◀'),
        "the chosen region is pointed at:\n{large}"
    );
    insta::assert_snapshot!("body_80x24", large);
    let small = draw(&mut model, 40, 12);
    for region in [
        "n Nakke",
        "s Skuldre",
        "a Arme og hænder",
        "r Ryg",
        "h Hofter",
        "k Knæ",
        "f Fødder",
    ] {
        assert!(
            small.contains(region),
            "{region} is in reach at 40x12:\n{small}"
        );
    }
    insta::assert_snapshot!("body_40x12", small);
    // The arrows choose too; a letter no region has says which have.
    key(&mut model, KeyCode::Down);
    assert!(draw(&mut model, 80, 24).contains("▶ a Arme og hænder"));
    type_text(&mut model, "x");
    assert!(draw(&mut model, 80, 24).contains("Ingen region har bogstavet »x«"));
}

#[test]
fn a_region_shows_what_the_report_says_there_or_that_it_says_nothing() {
    let mut model = viden(&[PageKind::Body]);
    type_text(&mut model, "s");
    key(&mut model, KeyCode::Enter);
    let shoulders = draw(&mut model, 80, 60);
    assert!(
        shoulders
            .contains("┃ I løbet af det seneste halve år har Mette haft problemer med skulderen"),
        "{shoulders}"
    );
    assert!(
        shoulders.contains("→ Fra: Case – MSB skal italesættes (Mette)"),
        "{shoulders}"
    );
    assert!(
        shoulders.contains("→ Redskab 6 · MSB-aftale"),
        "{shoulders}"
    );
    key(&mut model, KeyCode::Esc);
    type_text(&mut model, "f");
    key(&mut model, KeyCode::Enter);
    let feet = draw(&mut model, 80, 24);
    assert!(
        feet.contains("Rapporten siger ikke noget særskilt om MSB i fødderne"),
        "{feet}"
    );
    assert!(
        feet.contains("Rapporten nævner ingen redskaber i forbindelse med MSB i fødderne"),
        "{feet}"
    );
}

#[test]
fn a_quiz_question_and_its_answer() {
    let mut model = viden(&[PageKind::Quiz(Default::default())]);
    let question = draw(&mut model, 80, 24);
    assert!(question.contains("Quiz · udsagn 1 af"), "{question}");
    insta::assert_snapshot!("quiz_question", question);
    let first = model.portal.quiz.statements[0].clone();
    // Answered against the report.
    type_text(&mut model, if first.answer { "f" } else { "s" });
    let answer = draw(&mut model, 80, 24);
    assert!(answer.contains("✗ Forkert"), "{answer}");
    assert!(
        answer.contains("Fra: 1. Hvad er MSB – og hvad er ergonomi?"),
        "{answer}"
    );
    insta::assert_snapshot!("quiz_answer", answer);
    // l reads where it comes from; Esc comes back to the answer.
    type_text(&mut model, "l");
    assert_eq!(page(&model), &PageKind::Text(first.source.clone()));
    key(&mut model, KeyCode::Esc);
    assert_eq!(draw(&mut model, 80, 24), answer);
}

#[test]
fn the_quiz_counts_the_answers_that_are_the_reports() {
    let mut model = viden(&[PageKind::Quiz(Default::default())]);
    let statements = model.portal.quiz.statements.clone();
    for (n, statement) in statements.iter().enumerate() {
        // The first two answered wrongly, the rest as the report says.
        let right = n >= 2;
        type_text(
            &mut model,
            if statement.answer == right { "s" } else { "f" },
        );
        let screen = draw(&mut model, 80, 40);
        assert!(
            screen.contains(if right { "✓ Rigtigt" } else { "✗ Forkert" }),
            "{screen}"
        );
        key(&mut model, KeyCode::Enter);
    }
    let total = statements.len();
    let score = draw(&mut model, 80, 24);
    assert!(
        score.contains(&format!(
            "Du svarede som rapporten på {} af {total} udsagn.",
            total - 2
        )),
        "{score}"
    );
    // Another round starts from the first.
    key(&mut model, KeyCode::Enter);
    assert!(draw(&mut model, 80, 24).contains(&format!("Quiz · udsagn 1 af {total}")));
}

#[test]
fn a_new_reflection_session_asks_for_the_workplace_first() {
    let mut model = viden(&[PageKind::Reflections]);
    key(&mut model, KeyCode::Enter); // "+ Ny arbejdsplads …"
    assert!(draw(&mut model, 80, 24).contains("Arbejdspladsens navn"));
    key(&mut model, KeyCode::Enter);
    assert!(draw(&mut model, 80, 24).contains("Skriv arbejdspladsens navn."));
    type_text(&mut model, "Lager Nord");
    let command = update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    assert_eq!(
        command,
        Some(vejen_frem::tui::update::Command::New {
            tool: "overvejelser".into(),
            forloeb: String::new(),
            carry_from: None,
            label: "Lager Nord".into(),
        })
    );
}

/// Every page of *Viden* draws from 80x24 down to 1x1, also with each of its links chosen.
#[test]
fn every_viden_page_draws_at_small_sizes() {
    let model = viden(&[]);
    let portal = model.portal.clone();
    let mut pages = vec![
        PageKind::Entry,
        PageKind::Body,
        PageKind::Reflections,
        PageKind::Quiz(Default::default()),
    ];
    pages.extend(
        portal
            .structure
            .entries
            .iter()
            .map(|e| PageKind::Audience(e.audience)),
    );
    pages.extend(
        portal
            .structure
            .entries
            .iter()
            .flat_map(|e| e.items.iter().cloned().map(PageKind::Text)),
    );
    pages.extend((0..portal.body.regions.len()).map(PageKind::Region));
    for page in pages {
        let mut model = viden(std::slice::from_ref(&page));
        for _ in 0..12 {
            for (w, h) in [(80, 24), (40, 12), (20, 5), (1, 1)] {
                draw(&mut model, w, h);
            }
            key(&mut model, KeyCode::Tab);
            type_text(&mut model, "s");
            key(&mut model, KeyCode::Down);
        }
    }
}

/// A completed session is sealed: it moves into no forløb, from its screen or from the
/// sessions list, until it is reopened; a draft from the list does.
#[test]
fn a_sealed_session_is_not_moved_into_a_forloeb() {
    use vejen_frem::store::background::Listing;
    use vejen_frem::store::sessions::{Listed, Summary};
    let mut o = completed_goal();
    key(&mut o.model, KeyCode::Esc); // the review closes
    ctrl(&mut o.model, 'f');
    assert!(o.model.overlays.is_empty(), "no move dialog");
    let screen = draw(&mut o.model, 80, 24);
    assert!(screen.contains("Færdig: kun til læsning"), "{screen}");
    let Screen::Session(open) = &o.model.screen else {
        panic!("a session")
    };
    let completed = open.walk.session().clone();
    let mut draft = completed.clone();
    draft.id = "test-kladde".into();
    draft.status = vejen_frem::core::session::Status::Draft;
    let mut model = new_model(catalog());
    model.screen = Screen::Sessions;
    model.set_listing(Listing {
        sessions: vec![
            Listed::Session(Summary::from(&completed)),
            Listed::Session(Summary::from(&draft)),
        ],
        forloeb: Vec::new(),
        forloeb_damaged: Vec::new(),
    });
    let listed = draw(&mut model, 80, 24);
    let first = listed.lines().find(|l| l.starts_with('▶')).unwrap_or("");
    assert!(first.contains("færdig"), "{listed}");
    ctrl(&mut model, 'f');
    assert!(model.overlays.is_empty(), "no move dialog");
    let screen = draw(&mut model, 80, 24);
    assert!(screen.contains("Færdig: kun til læsning"), "{screen}");
    key(&mut model, KeyCode::Down);
    ctrl(&mut model, 'f');
    assert!(draw(&mut model, 80, 24).contains("Flyt sessionen til et forløb"));
}

/// The locked screen hides the dialogs that name a forløb (moving a session, and the new
/// forløb `-f` asks about), and keys typed on it go to the passphrase, not to them.
#[test]
fn the_locked_screen_hides_the_move_and_new_forloeb_dialogs() {
    use vejen_frem::core::forloeb::Forloeb;
    use vejen_frem::tui::model::{InForloeb, LockScreen, NewForloebDialog, Overlay};
    let mut o = open("10");
    o.model
        .forloeb
        .add(Forloeb::new("Karsten forløb".into(), now()));
    ctrl(&mut o.model, 'f');
    let shown = draw(&mut o.model, 80, 24);
    assert!(shown.contains("Karsten forløb"), "{shown}");
    o.model.lock = Some(LockScreen::new(false));
    for (w, h) in [(80, 24), (40, 12)] {
        let screen = draw(&mut o.model, w, h);
        assert!(!screen.contains("Karsten"), "{screen}");
        assert!(!screen.contains("Flyt sessionen"), "{screen}");
    }
    type_text(&mut o.model, "Kar");
    o.model.lock = None;
    let again = draw(&mut o.model, 80, 24);
    assert!(
        again.contains("+ Nyt forløb …"),
        "nothing typed into it: {again}"
    );
    key(&mut o.model, KeyCode::Esc);
    let label = "KH";
    o.model
        .overlays
        .push(Overlay::NewForloeb(Box::new(NewForloebDialog::new(
            label,
            vejen_frem::texts::ui::forloeb_missing(label),
            InForloeb::Show,
        ))));
    assert!(draw(&mut o.model, 80, 24).contains("Der er intet forløb, der hedder KH"));
    o.model.lock = Some(LockScreen::new(true));
    o.model.encrypted = true;
    for (w, h) in [(80, 24), (40, 12)] {
        let screen = draw(&mut o.model, w, h);
        assert!(!screen.contains("KH"), "{screen}");
        assert!(!screen.contains("intet forløb"), "{screen}");
    }
}

/// The screens where a state is drawn in a colour (the follow-ups overdue and due, the
/// focused field, a private field, a chosen option, a refused date, what the review finds
/// missing, an error in the footer, a damaged file, the selected row), each with the
/// words or symbols that must say the same without colours.
fn coloured_states(palette: view::Palette) -> Vec<(Buffer, Vec<&'static str>)> {
    use vejen_frem::core::followup::Due;
    use vejen_frem::store::background::Listing;
    use vejen_frem::store::sessions::Listed;
    let mut screens = Vec::new();

    let mut model = new_model(catalog());
    model.palette = palette;
    let due = |days: i64| Due {
        session: "s".into(),
        forloeb: "AB".into(),
        tool: "msb-aftale-leder".into(),
        date: today() + chrono::Duration::days(days),
        days,
    };
    model.due = vec![due(-1), due(2)];
    screens.push((
        drawn(&mut model, 80, 24),
        vec!["1 dag over tid", "om 2 dage", "▶  1 "],
    ));

    // A refused date, then the next field (private) focused with an option chosen.
    let mut o = open("3");
    o.model.palette = palette;
    type_text(&mut o.model, "31-02-2026");
    key(&mut o.model, KeyCode::Tab);
    type_text(&mut o.model, "j");
    screens.push((
        drawn(&mut o.model, 80, 30),
        vec![
            "! 31. februar 2026 findes ikke",
            "[fortroligt]",
            "▶   (•) Ja",
            "━",
        ],
    ));
    ctrl(&mut o.model, 'r');
    screens.push((
        drawn(&mut o.model, 80, 24),
        vec!["▶ Hvornår er problemet opstået? ! ugyldigt", "[fortroligt]"],
    ));
    // The report's example in an empty field, greyed, is said to be an example.
    let mut o = open("13");
    o.model.palette = palette;
    key(&mut o.model, KeyCode::PageDown);
    screens.push((
        drawn(&mut o.model, 80, 30),
        vec!["│  Fx Lave øvelser for min ryg", "│  Fx 6 uger"],
    ));
    let mut o = open("10");
    o.model.palette = palette;
    ctrl(&mut o.model, 'r');
    screens.push((drawn(&mut o.model, 80, 24), vec!["[fortroligt] ! mangler"]));

    let mut model = new_model(catalog());
    model.palette = palette;
    model.error("Kunne ikke gemme");
    screens.push((drawn(&mut model, 80, 24), vec!["! Kunne ikke gemme"]));

    let mut model = new_model(catalog());
    model.palette = palette;
    model.screen = Screen::Sessions;
    model.set_listing(Listing {
        sessions: vec![Listed::Damaged {
            file: "20261122-100000-screening-0001.ron".into(),
            reason: "ikke RON".into(),
        }],
        forloeb: Vec::new(),
        forloeb_damaged: Vec::new(),
    });
    screens.push((drawn(&mut model, 80, 12), vec!["!! beskadiget"]));
    screens
}

/// Draws the screens of `coloured_states` with `palette`: every cell `fits`, and every
/// marker is there.
fn check_states(palette: view::Palette, fits: impl Fn(&ratatui::buffer::Cell) -> bool) {
    for (buffer, markers) in coloured_states(palette) {
        let text = text_of(&buffer);
        if let Some(cell) = buffer.content.iter().find(|c| !fits(c)) {
            panic!("{cell:?} in\n{text}");
        }
        for marker in markers {
            assert!(text.contains(marker), "{marker:?} missing in\n{text}");
        }
    }
}

/// No screen relies on colour alone: drawn with colours off (as with `NO_COLOR`), no
/// cell has a colour, and every state the colours show is there as words or symbols.
#[test]
fn no_screen_relies_on_colour_alone() {
    use ratatui::style::Color;
    use vejen_frem::store::settings::Theme;
    check_states(view::Palette::new(Theme::Standard, false), |cell| {
        [cell.fg, cell.bg, cell.underline_color] == [Color::Reset; 3]
    });
}

/// The high-contrast theme: light text on black everywhere, nothing dark grey or faint,
/// and the same words and symbols.
#[test]
fn the_high_contrast_theme_has_no_faint_text() {
    use ratatui::style::{Color, Modifier};
    use vejen_frem::store::settings::Theme;
    check_states(view::Palette::new(Theme::HighContrast, true), |cell| {
        cell.bg != Color::Reset
            && !matches!(cell.fg, Color::DarkGray | Color::Reset)
            && !cell.modifier.contains(Modifier::DIM)
    });
}
