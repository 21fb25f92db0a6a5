//! Session files: one save (atomic write with fsync), and listing a large folder, with and
//! without the listing cache.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

use std::path::Path;

use divan::Bencher;

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::session::{Answer, Session};
use vejen_frem::store::sessions::Store;

fn main() {
    divan::main();
}

const SESSIONS: usize = 2000;

/// A session of a realistic size: an MSB-aftale with a few kilobytes of answers.
fn sample(id: &str) -> Session {
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let entry = catalog.find("6").expect("Redskab 6 is built in");
    let now = chrono::Local::now().fixed_offset();
    let mut session = entry.new_session(id.to_string(), now);
    for field in entry.tool.fields() {
        let text = format!(
            "{} – svar med æøå og lidt mere tekst for at fylde som en rigtig note.",
            field.label
        );
        session
            .answers
            .insert(field.id.clone(), Answer::Text(text.repeat(3)));
    }
    session
}

/// A folder of `SESSIONS` session files written the way the store writes them.
fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path()).expect("a store");
    let template = sample("x");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for i in 0..SESSIONS {
        let mut session = template.clone();
        session.id = format!("s{i:05}");
        session.label = format!("Medarbejder {i}");
        session.updated += chrono::Duration::minutes(i as i64);
        // Each lock is dropped at once: only the file matters here.
        store.create(&session).expect("a new session");
        // Saved an hour ago, like most sessions in a folder (just-saved files are not
        // cached, their time stamp may not have ticked yet).
        std::fs::File::options()
            .write(true)
            .open(dir.path().join(format!("{}.ron", session.id)))
            .and_then(|f| f.set_modified(hour_ago))
            .expect("a file whose time can be set");
    }
    (dir, store)
}

/// Removes the listing cache, so the next listing reads every file.
fn forget_cache(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        if entry.file_name().to_string_lossy().starts_with(".index") {
            std::fs::remove_file(entry.path()).expect("removable");
        }
    }
}

#[divan::bench]
fn save_one_session(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path()).expect("a store");
    let session = sample("bench");
    let mut lock = store.create(&session).expect("a new session");
    bencher.bench_local(|| store.save(&session, &mut lock).expect("saved"));
}

/// The usual case: the cache is there and no file changed since the last listing.
#[divan::bench(sample_count = 20)]
fn list_2000_sessions_cached(bencher: Bencher) {
    let (_dir, store) = fixture();
    store.list();
    bencher.bench_local(|| store.list());
}

/// The first listing of a folder (or after the cache was lost): every file is read.
#[divan::bench(sample_count = 10)]
fn list_2000_sessions_uncached(bencher: Bencher) {
    let (dir, store) = fixture();
    bencher
        .with_inputs(|| forget_cache(dir.path()))
        .bench_local_values(|()| store.list());
}

/// One session file read whole, as opening it does.
#[divan::bench]
fn parse_one_session(bencher: Bencher) {
    let text = ron::ser::to_string_pretty(&sample("x"), ron::ser::PrettyConfig::new())
        .expect("serialisable");
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench_local(|| ron::from_str::<Session>(&text).expect("readable"));
}
