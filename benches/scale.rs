//! How the program holds up at size: one key (handled and drawn into 80x24) on the sessions
//! and forløb screens with 10,000 and 100,000 sessions and 10,000 forløb, the first frame,
//! listing a folder, and `sessions --json`. Times are reported as percentiles (p50, p90, p99,
//! max) of many runs, never asserted.
//!
//! Also: unlocking an encrypted folder of 10,000 sessions and its first screen, against
//! the plain folder.
//!
//! `cargo bench --bench scale` (`-- encrypted` for that part alone; the 100,000-file folder is made once under the system's
//! temporary folder and kept for later runs; about 300 MB; so is an encrypted copy of the
//! 10,000-file one).

#![allow(clippy::unwrap_used, clippy::expect_used)] // in benches a panic is a failed run

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Days, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::forloeb::Forloeb;
use vejen_frem::core::session::Status;
use vejen_frem::store::background::Listing;
use vejen_frem::store::convert;
use vejen_frem::store::sessions::{Listed, Opening, Store, Summary};
use vejen_frem::tui::model::{ForloebView, Model, Screen};
use vejen_frem::tui::update::{Msg, update};
use vejen_frem::tui::view;

fn main() {
    let catalog = Catalog::load(&builtin_sources(), &[]).0;
    // `cargo bench --bench scale -- encrypted`: only the encrypted folder against the plain.
    if std::env::args().any(|a| a == "encrypted") {
        let dir = folder(10_000, &catalog);
        let store = Store::open(&dir).unwrap();
        store.list();
        encrypted_against_plain(&store, &dir, catalog);
        return;
    }
    println!("one key, handled and drawn at 80x24");
    for sessions in [10_000, 100_000] {
        let listing = synthetic(sessions, 10_000, &catalog);
        keys_on_the_sessions_screen(&catalog, listing, sessions);
        let listing = synthetic(sessions, 10_000, &catalog);
        keys_on_the_forloeb_screen(&catalog, listing, sessions);
    }
    println!("\nfirst frame");
    first_frame(&catalog);
    println!("\nthe folder, read from disk");
    for count in [10_000, 100_000] {
        let dir = folder(count, &catalog);
        let store = Store::open(&dir).unwrap();
        store.list(); // the cache warm, as after any earlier run
        report(&format!("list {count} sessions, warm"), 20, || {
            std::hint::black_box(store.list());
        });
        if count == 10_000 {
            encrypted_against_plain(&store, &dir, catalog.clone());
        }
        report(
            &format!("sessions --json, {count} sessions, warm"),
            10,
            || {
                let rows: Vec<_> = store
                    .list()
                    .into_iter()
                    .filter_map(|l| match l {
                        Listed::Session(s) => Some(s),
                        Listed::Damaged { .. } => None,
                    })
                    .collect();
                std::hint::black_box(serde_json::to_string(&rows).unwrap());
            },
        );
    }
}

/// The passphrase of the encrypted bench folder.
const PASSPHRASE: &str = "blå hest spiser syv røde æbler";

/// Unlocking an encrypted folder of 10,000 sessions and its first screen with people on it
/// (the listing from the sealed cache, taken in, drawn), against the same plain folder.
/// The passphrase's scrypt (about a second, by design) is measured on its own.
fn encrypted_against_plain(plain: &Store, plain_dir: &Path, catalog: Catalog) {
    let sealed_dir = encrypted_copy(plain_dir);
    let Opening::Encrypted(sealed) = Store::locate(&sealed_dir).unwrap() else {
        panic!("{} is not encrypted", sealed_dir.display())
    };
    report("unlock: the passphrase's scrypt", 3, || {
        std::hint::black_box(sealed.unlock(PASSPHRASE).unwrap());
    });
    let store = sealed.unlock(PASSPHRASE).unwrap();
    store.list(); // the sealed cache warm, as after any earlier run
    let first_screen = |store: &Store| {
        let mut model = Model::new(catalog.clone(), today());
        model.set_listing(store.listing());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| view::draw(frame, &mut model))
            .unwrap();
    };
    let plain_times = report("first screen, 10000 sessions, plain", 20, || {
        first_screen(plain)
    });
    let sealed_times = report("first screen, 10000 sessions, encrypted", 20, || {
        first_screen(&store)
    });
    println!(
        "  encrypted / plain at p50: {:.2}",
        sealed_times.as_secs_f64() / plain_times.as_secs_f64()
    );
}

/// An encrypted copy of the plain bench folder, made once and kept.
fn encrypted_copy(plain: &Path) -> PathBuf {
    let dir = std::env::temp_dir().join("vejen-frem-bench-sealed-10000-f4");
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    eprintln!("encrypting a copy in {} (once)", dir.display());
    for entry in std::fs::read_dir(plain).unwrap().flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().ends_with(".ron") {
            std::fs::copy(entry.path(), dir.join(name)).unwrap();
        }
    }
    convert::encrypt(&dir, PASSPHRASE).unwrap();
    age_all(&dir);
    std::fs::write(&done, "").unwrap();
    dir
}

/// Runs `f` `n` times and prints the percentiles; returns the median.
fn report(what: &str, n: usize, mut f: impl FnMut()) -> Duration {
    let mut samples: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    println!(
        "  {what:<52} p50 {:>9.3?}  p90 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}",
        at(0.5),
        at(0.9),
        at(0.99),
        samples[samples.len() - 1]
    );
    at(0.5)
}

fn key(model: &mut Model, terminal: &mut Terminal<TestBackend>, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    terminal.draw(|frame| view::draw(frame, model)).unwrap();
}

fn keys_on_the_sessions_screen(catalog: &Catalog, listing: Listing, n: usize) {
    let mut model = Model::new(catalog.clone(), today());
    model.set_listing(listing);
    model.screen = Screen::Sessions;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    report(&format!("sessions screen, {n} sessions: ↓"), 400, || {
        key(&mut model, &mut terminal, KeyCode::Down)
    });
    // Typing a search and taking it back: the worst case, every key searches anew.
    let mut typed = false;
    report(
        &format!("sessions screen, {n} sessions: type / erase"),
        400,
        || {
            let code = if typed {
                KeyCode::Backspace
            } else {
                KeyCode::Char('k')
            };
            typed = !typed;
            key(&mut model, &mut terminal, code)
        },
    );
}

fn keys_on_the_forloeb_screen(catalog: &Catalog, listing: Listing, n: usize) {
    let mut model = Model::new(catalog.clone(), today());
    model.set_listing(listing);
    model.screen = Screen::Forloeb(ForloebView::default());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    report(
        &format!("forløb screen, 10000 forløb, {n} sessions: ↓"),
        400,
        || key(&mut model, &mut terminal, KeyCode::Down),
    );
    let mut open = false;
    report(
        &format!("forløb screen, {n} sessions: open / close"),
        400,
        || {
            let code = if open { KeyCode::Esc } else { KeyCode::Enter };
            open = !open;
            key(&mut model, &mut terminal, code)
        },
    );
}

/// The start screen drawn for the first time: what happens before the first frame. The
/// folder is read in the background and does not count.
fn first_frame(catalog: &Catalog) {
    report("definitions checked, start screen drawn", 100, || {
        let catalog = Catalog::load(&builtin_sources(), &[]).0;
        let mut model = Model::new(catalog, today());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| view::draw(frame, &mut model))
            .unwrap();
    });
    let listing = synthetic(10_000, 1_000, catalog);
    let mut model = Model::new(catalog.clone(), today());
    report("10000 sessions taken in from the background", 10, || {
        model.set_listing(Listing {
            sessions: listing.sessions.clone(),
            forloeb: listing.forloeb.clone(),
            forloeb_damaged: Vec::new(),
        });
    });
}

fn today() -> chrono::NaiveDate {
    now().date_naive()
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
}

/// A listing of `sessions` sessions spread over `forloeb` forløb, as the store gives it.
fn synthetic(sessions: usize, forloeb: usize, catalog: &Catalog) -> Listing {
    let all: Vec<Forloeb> = (0..forloeb)
        .map(|i| {
            let mut f = Forloeb::new(format!("Medarbejder {i:05}"), now());
            f.id = format!("20261122-100000-{i:05}");
            f
        })
        .collect();
    let sessions = (0..sessions)
        .map(|i| {
            let tool = &catalog.entries[i % catalog.entries.len()].tool;
            let at = now() - Days::minutes(i as i64);
            Listed::Session(Summary {
                id: format!("20261122-{i:06}-{}-0001", tool.id),
                tool: tool.id.clone(),
                status: if i % 3 == 0 {
                    Status::Completed
                } else {
                    Status::Draft
                },
                label: format!("Person {}", i % 997),
                created: at,
                updated: at,
                forloeb: all[i % forloeb].id.clone(),
                follow_up: (i % 50 == 0).then(|| today() + Days::days((i % 30) as i64)),
                closed: false,
                shared_by: None,
            })
        })
        .collect();
    Listing {
        sessions,
        forloeb: all,
        forloeb_damaged: Vec::new(),
    }
}

/// A folder of `count` session files, made once and kept under the temporary folder.
fn folder(count: usize, catalog: &Catalog) -> PathBuf {
    // Named by the session format, so folders of an older program are not mixed in.
    let dir = std::env::temp_dir().join(format!("vejen-frem-bench-{count}-f4"));
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir).unwrap();
    let entry = catalog.find("6").unwrap();
    eprintln!("making {count} sessions in {} (once)", dir.display());
    for i in 0..count {
        let mut session = entry.new_session(format!("20261122-{i:06}-x-0001"), now());
        session.label = format!("Person {}", i % 997);
        drop(store.create(&session).unwrap());
    }
    age_all(&dir);
    std::fs::write(&done, "").unwrap();
    dir
}

/// Sessions saved long ago, as in a real folder: their stamps are trusted by the cache.
fn age_all(dir: &Path) {
    let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let _ = std::fs::File::options()
            .write(true)
            .open(entry.path())
            .and_then(|f| f.set_modified(long_ago));
    }
}
