//! Session files: one save (atomic write with fsync), and listing a large folder.

use divan::Bencher;

use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::session::{Answer, Session};
use vejen_frem::store::sessions::Store;

fn main() {
    divan::main();
}

/// A session of a realistic size: an MSB-aftale with a few kilobytes of answers.
fn sample(id: &str) -> Session {
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let entry = catalog.find("6").expect("Redskab 6 is built in");
    let now = chrono::Local::now().fixed_offset();
    let mut session = Session::new(id.to_string(), entry, now);
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

#[divan::bench]
fn save_one_session(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path()).expect("a store");
    let session = sample("bench");
    let lock = store.create(&session).expect("a new session");
    bencher.bench_local(|| store.save(&session, &lock).expect("saved"));
}

#[divan::bench(sample_count = 10)]
fn list_2000_sessions(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path()).expect("a store");
    let template = sample("x");
    for i in 0..2000 {
        let mut session = template.clone();
        session.id = format!("s{i:05}");
        let text = ron::ser::to_string(&session).expect("serialisable");
        std::fs::write(dir.path().join(format!("{}.ron", session.id)), text).expect("writable");
    }
    bencher.bench_local(|| store.list());
}
