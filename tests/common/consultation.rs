//! A GP's consultation as it could go, answered through the core's one edit path: a
//! screening with three barriers present and notes, the patient's goal, and the action
//! points, all in the forløb "KH" on Monday 23 November 2026.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::forloeb::Forloeb;
use vejen_frem::core::place::{FieldAt, Part, Place};
use vejen_frem::core::session::Session;
use vejen_frem::core::walk::Walk;
use vejen_frem::store::sessions::Store;

pub const FORLOEB: &str = "KH";
pub const FORLOEB_ID: &str = "20261123-100000-00kh";

pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Ten o'clock on the day, and `minutes` after.
pub fn at(minutes: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap() + Duration::minutes(minutes)
}

pub fn catalog() -> Catalog {
    Catalog::load(&builtin_sources(), &[]).0
}

/// A new session of `tool` in the forløb, started `minutes` after ten, to answer.
pub fn start(catalog: &Catalog, tool: &str, minutes: i64) -> Walk {
    let entry = catalog.find(tool).unwrap();
    let id = Session::new_id(&entry.tool.id, at(minutes));
    let mut session = entry.new_session(id, at(minutes));
    session.forloeb = FORLOEB_ID.into();
    Walk::new(entry.tool.clone(), session, day())
}

fn field(walk: &Walk, id: &str) -> FieldAt {
    walk.answers()
        .fields()
        .find(|(_, f)| f.id == id)
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("no field {id}"))
}

/// Types `text` at a part of a field.
pub fn type_at(walk: &mut Walk, id: &str, part: Part, text: &str) {
    let at = field(walk, id);
    walk.goto_field(at);
    walk.set_text(Place::new(at, part), text)
        .unwrap_or_else(|e| panic!("{id}: {e:?}"));
}

pub fn type_in(walk: &mut Walk, id: &str, text: &str) {
    type_at(walk, id, Part::Value, text);
}

/// Chooses the option with this id.
pub fn choose(walk: &mut Walk, id: &str, option: &str) {
    let at = field(walk, id);
    walk.goto_field(at);
    let index = walk
        .field(at)
        .and_then(|f| f.kind.option_ids())
        .and_then(|ids| ids.iter().position(|o| *o == option))
        .unwrap_or_else(|| panic!("{id} has no option {option}"));
    walk.choose(Place::new(at, Part::Value), Some(index));
}

/// A barrier of the screening: the answer and the notes.
pub fn barrier(walk: &mut Walk, id: &str, option: &str, notes: &str) {
    choose(walk, id, option);
    if !notes.is_empty() {
        type_at(walk, id, Part::Comment, notes);
    }
}

pub fn tick(walk: &mut Walk, id: &str) {
    let at = field(walk, id);
    walk.goto_field(at);
    walk.set_on(Place::new(at, Part::Value), true);
}

/// Presses a list's or table's "add" button.
pub fn add(walk: &mut Walk, id: &str, part: Part) {
    let at = field(walk, id);
    walk.goto_field(at);
    walk.press(Place::new(at, part));
}

pub fn screening(catalog: &Catalog) -> Session {
    let mut w = start(catalog, "10", 0);
    barrier(
        &mut w,
        "negative-forventninger",
        "ja",
        "Frygter fyring ved ny sygemelding.",
    );
    barrier(&mut w, "fysisk-tungt-arbejde", "nej", "Har fået loftlift.");
    barrier(&mut w, "modificere-arbejde", "ja", "");
    barrier(
        &mut w,
        "stressende-arbejdsforhold",
        "ja",
        "Nyt vagtskema, mange aftenvagter.",
    );
    type_in(&mut w, "social-stoette-svar", "Lederen tror, jeg pjækker.");
    barrier(
        &mut w,
        "social-stoette",
        "ved-ikke",
        "Taler med TR før samtalen med lederen.",
    );
    barrier(&mut w, "utilfreds-med-jobbet", "ja", "");
    barrier(&mut w, "angst-for-tilbagefald", "nej", "");
    w.session().clone()
}

pub fn goal(catalog: &Catalog) -> Session {
    let mut w = start(catalog, "13", 9);
    type_in(
        &mut w,
        "vigtigste-maal",
        "Fuld tid som SOSU-assistent inden sommerferien",
    );
    type_in(&mut w, "konkret", "Arbejde 4 timer om dagen i dagvagt");
    type_in(&mut w, "naaet-naar", "arbejdet 4 uger uden sygemelding");
    type_in(&mut w, "tidspunkt", "Om 4 uger");
    type_at(
        &mut w,
        "delmaal",
        Part::Entry(0),
        "Aftaler dagvagter med sin leder",
    );
    type_at(
        &mut w,
        "delmaal",
        Part::Entry(1),
        "Laver øvelser for ryggen 3 gange om ugen",
    );
    type_in(&mut w, "hvad-skal-ske", "Henvisning til fysioterapeut");
    type_in(&mut w, "laege-goere", "Ny tid om 4 uger");
    w.session().clone()
}

pub fn action_points(catalog: &Catalog) -> Session {
    let mut w = start(catalog, "11", 15);
    type_in(
        &mut w,
        "sikker-paa-tilbagevenden",
        "Ret sikker, hvis hun kan slippe for aftenvagterne.",
    );
    tick(&mut w, "realistisk-plan-gennemfoert");
    type_at(
        &mut w,
        "realistisk-plan-gennemfoert",
        Part::Comment,
        "Gradvis tilbagevenden over 4 uger.",
    );
    tick(&mut w, "afliv-myter-gennemfoert");
    tick(&mut w, "forventningsafstemning-gennemfoert");
    add(&mut w, "milepaele", Part::AddRow);
    type_at(
        &mut w,
        "milepaele",
        Part::Cell { row: 0, col: 0 },
        "Halv tid i dagvagt",
    );
    type_at(&mut w, "milepaele", Part::Cell { row: 0, col: 1 }, "+2u");
    w.session().clone()
}

/// The consultation's sessions, oldest first.
pub fn sessions(catalog: &Catalog) -> Vec<Session> {
    vec![screening(catalog), goal(catalog), action_points(catalog)]
}

/// A data folder holding the forløb and the consultation, and a session of another
/// forløb on the same day, and one of this forløb a week before.
pub fn saved(dir: &std::path::Path) {
    let catalog = catalog();
    let store = Store::open(dir).unwrap();
    let mut forloeb = Forloeb::new(FORLOEB.into(), at(0));
    forloeb.id = FORLOEB_ID.into();
    store.save_forloeb(&forloeb).unwrap();
    let mut other = Forloeb::new("AB".into(), at(0));
    other.id = "20261123-100000-00ab".into();
    store.save_forloeb(&other).unwrap();
    let mut all = sessions(&catalog);
    let mut elsewhere = start(&catalog, "13", 30);
    type_in(&mut elsewhere, "vigtigste-maal", "Et andet forløbs mål");
    let mut elsewhere = elsewhere.session().clone();
    elsewhere.forloeb = other.id.clone();
    all.push(elsewhere);
    let mut before = start(&catalog, "13", -7 * 24 * 60);
    type_in(&mut before, "vigtigste-maal", "Målet fra sidste uge");
    all.push(before.session().clone());
    for session in all {
        drop(store.create(&session).unwrap());
    }
}
