//! The session store: atomic saves, owner-only files, locks and damaged files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::DateTime;

use vejen_frem::core::session::{
    Answer, Position, SESSION_FORMAT, Session, UnparsedAt, UnparsedPart,
};
use vejen_frem::store::sessions::{Listed, Saved, Store, StoreError};

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
        unparsed: [(
            UnparsedAt {
                field: "dato2".into(),
                part: UnparsedPart::Value,
            },
            "31-02-2026".to_string(),
        )]
        .into(),
        ..Session::empty("screening")
    }
}

/// The files of a folder, but the hold every program using it has on it (`.folder.lock`,
/// there while a store is open, removed by the last one to let go).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".folder.lock")
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
    let read = store.open_session("s1").unwrap().session;
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
    let mut lock = store.create(&s).unwrap();
    for i in 0..20 {
        s.label = format!("gemt {i}");
        store.save(&s, &mut lock).unwrap();
    }
    assert_eq!(names(dir.path()), [".s1.lock", "s1.ron"]);
    assert_eq!(store.load("s1").unwrap().label, "gemt 19");
    // Closing lets the lock go and leaves no lock file behind.
    drop(lock);
    assert_eq!(names(dir.path()), ["s1.ron"]);
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
    let mut other = store
        .create(&session("s2", "2026-11-22T09:00:00+01:00"))
        .unwrap();
    assert!(matches!(
        store.save(&session("s1", "2026-11-22T09:00:00+01:00"), &mut other),
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

fn ids(listed: &[Listed]) -> Vec<String> {
    listed
        .iter()
        .map(|l| match l {
            Listed::Session(s) => s.id.clone(),
            Listed::Damaged { file, .. } => {
                format!("!{}", file.file_name().unwrap().to_string_lossy())
            }
        })
        .collect()
}

/// Sets a file's modification time an hour back, as if saved long ago.
fn age(file: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

#[test]
fn any_text_round_trips_and_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut s = session("s1", "2026-11-22T09:00:00+01:00");
    let texts = [
        "Ærø, Øster Åby – æøå ÆØÅ é ü ß",
        "Smerter 😀 ❤️ 👩‍⚕️ 🇩🇰 e\u{301}",
        "første linje\nanden linje\r\nWindows-linje\ttab",
        "\"citat\" og \\ og \"# og r#\"rå\"# og }) og //",
        "nul \u{0} og klokke \u{7}",
        "",
    ];
    for (i, text) in texts.iter().enumerate() {
        s.answers
            .insert(format!("f{i}"), Answer::Text(text.to_string()));
        s.comments.insert(format!("f{i}"), text.to_string());
    }
    s.label = "Medarbejder på lager ☕".into();
    let mut lock = store.create(&s).unwrap();
    store.save(&s, &mut lock).unwrap();
    drop(lock);
    let read = store.open_session("s1").unwrap().session;
    assert_eq!(read, s);
    let text = fs::read_to_string(dir.path().join("s1.ron")).unwrap();
    assert!(text.starts_with("// vejen-frem"), "{text}");
    assert!(text.contains("Ærø, Øster Åby – æøå ÆØÅ"), "{text}");
    assert!(text.contains("Smerter 😀"), "{text}");
    assert_eq!(names(dir.path()), ["s1.ron"], "no temporary or lock files");
}

#[cfg(unix)]
#[test]
fn files_are_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("a").join("b");
    let store = Store::open(&data).unwrap();
    let _lock = store
        .create(&session("s1", "2026-11-22T09:00:00+01:00"))
        .unwrap();
    // Saved long enough ago to go into the listing cache.
    age(&data.join("s1.ron"));
    store.list();
    let mode = |name: &str| fs::metadata(data.join(name)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(""), 0o700);
    assert_eq!(mode("s1.ron"), 0o600);
    assert_eq!(mode(".s1.lock"), 0o600);
    assert_eq!(mode(".index"), 0o600, "the cache holds labels too");
}

#[test]
fn a_second_file_on_the_lock_conflicts_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let lock = store
        .create(&session("s1", "2026-11-22T09:00:00+01:00"))
        .unwrap();
    let Err(err) = store.open_session("s1") else {
        panic!("the session is open already")
    };
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("Luk den dér først"), "{err}");
    // Reading for an export needs no lock.
    assert!(store.load("s1").is_ok());
    drop(lock);
    let lock = store.open_session("s1").unwrap().lock;
    assert!(matches!(
        store.open_session("s1"),
        Err(StoreError::Locked { .. })
    ));
    drop(lock);
}

#[test]
fn opening_a_missing_session_makes_no_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(matches!(
        store.open_session("findes-ikke"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(names(dir.path()).is_empty());
}

#[test]
fn create_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let s = session("s1", "2026-11-22T09:00:00+01:00");
    drop(store.create(&s).unwrap());
    let mut other = s.clone();
    other.label = "Anden".into();
    assert!(matches!(
        store.create(&other),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(store.load("s1").unwrap().label, "Patient A");
}

#[test]
fn a_file_changed_or_damaged_while_open_is_kept_aside_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut s = session("s1", "2026-11-22T09:00:00+01:00");
    let mut lock = store.create(&s).unwrap();
    let file = dir.path().join("s1.ron");
    // Changed by hand: kept as a copy, and the save says where.
    let by_hand = fs::read_to_string(&file)
        .unwrap()
        .replace("Patient A", "Rettet i hånden");
    fs::write(&file, &by_hand).unwrap();
    s.label = "ny".into();
    let Saved::KeptOutsideChange(copy) = store.save(&s, &mut lock).unwrap() else {
        panic!("the change by hand was not noticed")
    };
    assert_eq!(fs::read_to_string(&copy).unwrap(), by_hand);
    assert!(copy.starts_with(dir.path().join("conflicts")));
    assert_eq!(store.load("s1").unwrap().label, "ny");
    // Saved again without a change on disk: nothing is kept aside.
    assert_eq!(store.save(&s, &mut lock).unwrap(), Saved::Plainly);
    // Damaged: kept too, never lost.
    fs::write(&file, "(format: 1, id: \"s1\",\n  tool: ").unwrap();
    let Saved::KeptOutsideChange(copy) = store.save(&s, &mut lock).unwrap() else {
        panic!("the damaged file was not kept")
    };
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        "(format: 1, id: \"s1\",\n  tool: "
    );
    assert_eq!(store.load("s1").unwrap().label, "ny");
    // Removed while open: written again.
    fs::remove_file(&file).unwrap();
    assert_eq!(store.save(&s, &mut lock).unwrap(), Saved::Plainly);
    assert_eq!(store.load("s1").unwrap().label, "ny");
}

#[test]
fn damaged_files_list_last_with_the_reason_and_never_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for (id, updated) in [
        ("gammel", "2026-11-01T09:00:00+01:00"),
        ("ny", "2026-11-22T09:00:00+01:00"),
        // Earlier in UTC than `ny`, although its clock time is later.
        ("midt", "2026-11-22T09:30:00+05:00"),
    ] {
        drop(store.create(&session(id, updated)).unwrap());
    }
    fs::write(
        dir.path().join("b-halv.ron"),
        "(format: 1, id: \"b-halv\",\n tool: ",
    )
    .unwrap();
    fs::write(dir.path().join("a-binaer.ron"), b"(label: \"\n\xff\xfe\")").unwrap();
    // A copy under another name would be saved over the original's file.
    fs::copy(dir.path().join("ny.ron"), dir.path().join("c-kopi.ron")).unwrap();
    // Not sessions: ignored.
    fs::write(dir.path().join("noter.txt"), "x").unwrap();
    fs::write(dir.path().join(".tmp-abc"), "x").unwrap();
    #[cfg(unix)]
    {
        // Not regular files: listed, never followed or waited on.
        std::os::unix::fs::symlink(dir.path().join("ny.ron"), dir.path().join("d-link.ron"))
            .unwrap();
        let fifo = std::ffi::CString::new(dir.path().join("e-fifo.ron").to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    }

    let listed = store.list();
    #[cfg(unix)]
    let expected = [
        "ny",
        "midt",
        "gammel",
        "!a-binaer.ron",
        "!b-halv.ron",
        "!c-kopi.ron",
        "!d-link.ron",
        "!e-fifo.ron",
    ];
    #[cfg(not(unix))]
    let expected = [
        "ny",
        "midt",
        "gammel",
        "!a-binaer.ron",
        "!b-halv.ron",
        "!c-kopi.ron",
    ];
    assert_eq!(ids(&listed), expected);
    let reasons: Vec<&str> = listed[3..]
        .iter()
        .map(|l| match l {
            Listed::Damaged { reason, .. } => reason.as_str(),
            Listed::Session(_) => unreachable!(),
        })
        .collect();
    assert_eq!(reasons[0], "linje 2: teksten er ikke gyldig UTF-8");
    assert!(reasons[1].starts_with("linje 2, kolonne"), "{}", reasons[1]);
    assert!(reasons[2].contains("»ny«"), "{}", reasons[2]);

    #[cfg(unix)]
    for reason in &reasons[3..] {
        assert!(reason.contains("ikke en almindelig fil"), "{reason}");
    }
    for id in ["a-binaer", "b-halv", "c-kopi"] {
        assert!(
            matches!(store.open_session(id), Err(StoreError::Damaged { .. })),
            "{id}"
        );
        assert!(matches!(store.load(id), Err(StoreError::Damaged { .. })));
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("b-halv.ron")).unwrap(),
        "(format: 1, id: \"b-halv\",\n tool: "
    );
    // The same again, from the cache.
    assert_eq!(store.list(), listed);
}

#[test]
fn answers_that_are_not_a_session_make_the_file_damaged_in_the_list_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    drop(
        store
            .create(&session("s1", "2026-11-22T09:00:00+01:00"))
            .unwrap(),
    );
    let file = dir.path().join("s1.ron");
    let text = fs::read_to_string(&file).unwrap();
    let broken = text.replacen("answers: {", "answers: {\"f\": Ukendt(1), ", 1);
    assert_ne!(broken, text);
    fs::write(&file, broken).unwrap();
    assert!(matches!(store.list().as_slice(), [Listed::Damaged { .. }]));
}

#[test]
fn the_list_sees_every_change_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut s = session("s1", "2026-11-22T09:00:00+01:00");
    let mut lock = store.create(&s).unwrap();
    let file = dir.path().join("s1.ron");
    let label = |listed: Vec<Listed>| match listed.as_slice() {
        [Listed::Session(summary)] => summary.label.clone(),
        other => panic!("{other:?}"),
    };
    // Just saved: not trusted to the cache yet, read every time.
    assert_eq!(label(store.list()), "Patient A");
    s.label = "Patient B".into();
    store.save(&s, &mut lock).unwrap();
    assert_eq!(label(store.list()), "Patient B");
    // Saved long ago: cached.
    age(&file);
    assert_eq!(label(store.list()), "Patient B");
    assert!(
        String::from_utf8_lossy(&fs::read(dir.path().join(".index")).unwrap())
            .contains("Patient B")
    );
    // Saved again with the same size and, on a coarse clock, the same time: the new
    // file is still seen.
    let before = fs::metadata(&file).unwrap().modified().unwrap();
    s.label = "Patient C".into();
    store.save(&s, &mut lock).unwrap();
    File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(before)
        .unwrap();
    assert_eq!(label(store.list()), "Patient C");
    // A damaged cache is read past.
    age(&file);
    store.list();
    fs::write(dir.path().join(".index"), "{ødelagt").unwrap();
    assert_eq!(label(store.list()), "Patient C");
    // A removed session leaves the list.
    drop(lock);
    fs::remove_file(&file).unwrap();
    assert!(store.list().is_empty());
}

#[test]
fn the_list_is_sorted_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for (id, day) in [("a", 3), ("b", 1), ("c", 2), ("d", 2)] {
        let updated = format!("2026-11-0{day}T09:00:00+01:00");
        drop(store.create(&session(id, &updated)).unwrap());
    }
    assert_eq!(ids(&store.list()), ["a", "d", "c", "b"]);
}

/// A session file as the first format wrote it: unparsed text keyed by strings.
const FORMAT_1: &str = r#"// vejen-frem
(
    format: 1,
    id: "gammel",
    tool: "msb-aftale-leder",
    tool_version: 1,
    tool_hash: "0123456789abcdef",
    created: "2026-11-20T08:00:00+01:00",
    updated: "2026-11-20T08:00:00+01:00",
    status: Draft,
    answers: {},
    unparsed: {
        "problem-opstaaet": "31-02-2026",
        "varighed.til": "i morgen",
        "opfoelgninger.0.dato": "i går",
    },
)
"#;

#[test]
fn a_first_format_file_is_read_and_saved_in_the_current_format() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("gammel.ron"), FORMAT_1).unwrap();
    let store = Store::open(dir.path()).unwrap();
    let opened = store.open_session("gammel").unwrap();
    let (session, mut lock) = (opened.session, opened.lock);
    let at = |field: &str, part| UnparsedAt {
        field: field.into(),
        part,
    };
    assert_eq!(
        session.unparsed,
        [
            (
                at("problem-opstaaet", UnparsedPart::Value),
                "31-02-2026".into()
            ),
            (at("varighed", UnparsedPart::To), "i morgen".into()),
            (
                at(
                    "opfoelgninger",
                    UnparsedPart::Cell {
                        row: 0,
                        column: "dato".into()
                    }
                ),
                "i går".into()
            ),
        ]
        .into()
    );
    store.save(&session, &mut lock).unwrap();
    let text = fs::read_to_string(dir.path().join("gammel.ron")).unwrap();
    assert_eq!(SESSION_FORMAT, 5);
    assert!(text.contains("format: 5"), "{text}");
    assert!(
        text.contains("part: To,") && !text.contains("varighed.til"),
        "{text}"
    );
    assert_eq!(store.load("gammel").unwrap(), session);
}

#[test]
fn a_file_from_a_newer_program_opens_read_only_and_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let newer = FORMAT_1.replace("format: 1", "format: 9");
    fs::write(dir.path().join("gammel.ron"), &newer).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(matches!(&store.list()[0], Listed::Session(_)));
    let mut opened = store.open_session("gammel").unwrap();
    let reason = opened.read_only.clone().expect("read-only");
    assert!(reason.contains("nyere udgave"), "{reason}");
    assert!(matches!(
        store.save(&opened.session, &mut opened.lock),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(
        fs::read_to_string(dir.path().join("gammel.ron")).unwrap(),
        newer
    );
    // One that does not even parse any more is said to be newer, not damaged beyond use.
    let unknown = newer.replace("answers: {},", "answers: {}, new_field: 1,");
    fs::write(dir.path().join("gammel.ron"), &unknown).unwrap();
    let Listed::Damaged { reason, .. } = &store.list()[0] else {
        panic!("listed as a session")
    };
    assert!(reason.contains("nyere udgave"), "{reason}");
}

/// Files of formats 2, 3 and 4 (the sessions a session's links started; then the history
/// of completions) are read as they are and saved in format 5, with nothing imported, links
/// and history kept; format 6 is a newer program's, read only.
#[test]
fn formats_two_to_four_are_read_and_a_sixth_is_newer() {
    let dir = tempfile::tempdir().unwrap();
    let format_3 = FORMAT_1
        .replace("format: 1", "format: 3")
        .replace(
            "    answers: {},",
            "    links: {\"goal-setting\": \"malet\"},\n    answers: {},",
        )
        .replace("\"problem-opstaaet\": \"31-02-2026\",", "")
        .replace("\"varighed.til\": \"i morgen\",", "")
        .replace("\"opfoelgninger.0.dato\": \"i går\",", "");
    let format_2 = format_3
        .replace("format: 3", "format: 2")
        .replace("    links: {\"goal-setting\": \"malet\"},\n", "");
    let format_4 = format_3.replace("format: 3", "format: 4").replace(
        "    status: Draft,",
        "    status: Draft,\n    history: [(at: \"2026-11-20T09:00:00+01:00\", change: Completed), \
         (at: \"2026-11-21T09:00:00+01:00\", change: Reopened)],",
    );
    for (name, text) in [("to", &format_2), ("tre", &format_3), ("fire", &format_4)] {
        fs::write(
            dir.path().join(format!("{name}.ron")),
            text.replace("gammel", name),
        )
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let to = store.open_session("to").unwrap();
    assert!(to.read_only.is_none());
    assert!(to.session.links.is_empty() && to.session.history.is_empty());
    let opened = store.open_session("tre").unwrap();
    assert!(opened.read_only.is_none());
    let (session, mut lock) = (opened.session, opened.lock);
    assert_eq!(
        session.links.get("goal-setting").map(String::as_str),
        Some("malet")
    );
    assert!(session.history.is_empty() && session.closed.is_none());
    assert!(session.imported.is_none());
    store.save(&session, &mut lock).unwrap();
    let text = fs::read_to_string(dir.path().join("tre.ron")).unwrap();
    assert!(text.contains("format: 5"), "{text}");
    assert!(text.contains("goal-setting"), "{text}");
    // Nothing imported: the file says nothing of it.
    assert!(!text.contains("imported"), "{text}");
    let opened = store.open_session("fire").unwrap();
    assert!(opened.read_only.is_none());
    let (session, mut lock) = (opened.session, opened.lock);
    assert_eq!(session.history.len(), 2);
    assert!(session.is_reopened() && session.imported.is_none());
    store.save(&session, &mut lock).unwrap();
    assert_eq!(store.load("fire").unwrap(), session);
    // The format after this program's opens read-only.
    let sixth = format_3
        .replace("format: 3", "format: 6")
        .replace("gammel", "seks");
    fs::write(dir.path().join("seks.ron"), &sixth).unwrap();
    let opened = store.open_session("seks").unwrap();
    assert!(opened.read_only.is_some());
}

#[test]
fn temporary_files_left_by_a_crash_are_recovered_or_removed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    drop(
        store
            .create(&session("s1", "2026-11-22T09:00:00+01:00"))
            .unwrap(),
    );
    // A newer complete version that never got renamed into place.
    let mut newer = session("s1", "2026-11-22T10:00:00+01:00");
    newer.label = "Nyere".into();
    let text = ron::ser::to_string(&newer).unwrap();
    let recovered = dir.path().join(".tmp-aaa");
    fs::write(&recovered, &text).unwrap();
    // Half a file, and one too young to judge (a save may be under way).
    let half = dir.path().join(".tmp-bbb");
    fs::write(&half, &text[..text.len() / 2]).unwrap();
    let young = dir.path().join(".tmp-ccc");
    fs::write(&young, "x").unwrap();
    for file in [&recovered, &half] {
        File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(120))
            .unwrap();
    }
    store.list();
    assert_eq!(store.load("s1").unwrap().label, "Nyere");
    assert_eq!(names(dir.path()), [".index", ".tmp-ccc", "s1.ron"]);
}
