//! The session store: atomic saves, owner-only files, locks and damaged files.

use std::fs;
use std::path::Path;

use chrono::DateTime;

use vejen_frem::core::session::{Answer, Position, Session};
use vejen_frem::store::sessions::{Listed, Store, StoreError};

fn session(id: &str, updated: &str) -> Session {
    let created = DateTime::parse_from_rfc3339("2026-11-20T08:00:00+01:00").unwrap();
    Session {
        id: id.into(),
        tool_version: 1,
        tool_hash: "0123456789abcdef".into(),
        created,
        updated: DateTime::parse_from_rfc3339(updated).unwrap(),
        label: "Patient A".into(),
        position: Position {
            step: "trin".into(),
            field: "felt".into(),
        },
        answers: [
            (
                "noter".to_string(),
                Answer::Text("Smerter i ryggen 😀\nAnden linje med \"citat\" og æøå".into()),
            ),
            (
                "dato".to_string(),
                Answer::Date(chrono::NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()),
            ),
        ]
        .into(),
        unparsed: [("dato2".to_string(), "31-02-2026".to_string())].into(),
        ..Session::empty("screening")
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_session_round_trips_through_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let original = session("s1", "2026-11-22T09:00:00+01:00");
    let lock = store.create(&original).unwrap();
    drop(lock);
    let (read, _lock) = store.open_session("s1").unwrap();
    assert_eq!(read, original);
    let text = fs::read_to_string(dir.path().join("s1.ron")).unwrap();
    assert!(
        text.contains("æøå"),
        "Danish letters are written as they are:\n{text}"
    );
    assert!(text.starts_with("//"), "the file says what it is");
}

#[cfg(unix)]
#[test]
fn folder_and_files_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ny").join("mappe");
    let store = Store::open(&data).unwrap();
    let _lock = store
        .create(&session("s1", "2026-11-22T09:00:00+01:00"))
        .unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("s1.ron")), 0o600);
    assert_eq!(mode(&data.join(".s1.lock")), 0o600);
    // An existing folder that is open to others is closed.
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    Store::open(&data).unwrap();
    assert_eq!(mode(&data), 0o700);
}

#[test]
fn saving_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut s = session("s1", "2026-11-22T09:00:00+01:00");
    let lock = store.create(&s).unwrap();
    for i in 0..20 {
        s.label = format!("gemt {i}");
        store.save(&s, &lock).unwrap();
    }
    assert_eq!(names(dir.path()), [".s1.lock", "s1.ron"]);
    assert_eq!(store.load("s1").unwrap().label, "gemt 19");
}

#[test]
fn a_session_open_elsewhere_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let lock = store
        .create(&session("s1", "2026-11-22T09:00:00+01:00"))
        .unwrap();
    let second = Store::open(dir.path()).unwrap();
    let err = second
        .open_session("s1")
        .err()
        .expect("the session is locked");
    assert!(matches!(err, StoreError::Locked { .. }));
    assert!(
        err.to_string()
            .contains("åben i et andet vejen-frem-vindue"),
        "{err}"
    );
    // A save needs the session's own lock.
    let other = store
        .create(&session("s2", "2026-11-22T09:00:00+01:00"))
        .unwrap();
    assert!(matches!(
        store.save(&session("s1", "2026-11-22T09:00:00+01:00"), &other),
        Err(StoreError::WrongLock { .. })
    ));
    drop(lock);
    assert!(second.open_session("s1").is_ok());
}

#[test]
fn damaged_files_are_listed_with_the_reason_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let _a = store
        .create(&session("gammel", "2026-11-01T09:00:00+01:00"))
        .unwrap();
    let _b = store
        .create(&session("ny", "2026-11-22T09:00:00+01:00"))
        .unwrap();
    fs::write(
        dir.path().join("ødelagt.ron"),
        "(format: 1, id: \"x\",\n tool: ",
    )
    .unwrap();
    let listed = store.list();
    let ids: Vec<&str> = listed
        .iter()
        .map(|l| match l {
            Listed::Session(s) => s.id.as_str(),
            Listed::Damaged { .. } => "damaged",
        })
        .collect();
    assert_eq!(
        ids,
        ["ny", "gammel", "damaged"],
        "newest first, damaged last"
    );
    let Listed::Damaged { reason, .. } = &listed[2] else {
        unreachable!()
    };
    assert!(reason.starts_with("linje 2, kolonne"), "{reason}");
    // The damaged file cannot be opened for editing, so nothing can overwrite it.
    assert!(matches!(
        store.open_session("ødelagt"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(!dir.path().join(".ødelagt.lock").exists());
    fs::write(dir.path().join("odelagt.ron"), "ikke ron").unwrap();
    assert!(matches!(
        store.open_session("odelagt"),
        Err(StoreError::Damaged { .. })
    ));
    assert_eq!(
        fs::read_to_string(dir.path().join("odelagt.ron")).unwrap(),
        "ikke ron"
    );
}

#[test]
fn ids_cannot_point_outside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    assert!(store.load("../hemmelig").is_err());
    assert!(
        store
            .create(&session("../ud", "2026-11-22T09:00:00+01:00"))
            .is_err()
    );
    assert!(!dir.path().join("ud.ron").exists());
}

#[test]
fn msb_log_notes_added_at_the_same_time_are_all_kept() {
    use vejen_frem::core::forloeb::{Forloeb, LogEntry};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
    let forloeb = Forloeb::new("AB".into(), now);
    store.save_forloeb(&forloeb).unwrap();
    std::thread::scope(|scope| {
        for window in 0..2 {
            let (store, id) = (&store, &forloeb.id);
            scope.spawn(move || {
                for n in 0..15 {
                    store
                        .update_forloeb(id, |f| {
                            f.log.push(LogEntry {
                                date: now.date_naive(),
                                who: format!("vindue {window}"),
                                with_whom: "Medarbejder".into(),
                                agreed: format!("note {n}"),
                                written: now,
                            })
                        })
                        .unwrap();
                }
            });
        }
    });
    assert_eq!(store.load_forloeb(&forloeb.id).unwrap().log.len(), 30);
}
