//! Confidential on a shared workstation: the encrypted folder (nothing typed is readable in
//! any file, a changed file is damaged, a wrong passphrase writes nothing, converting
//! survives `kill -9` at any moment), and deleting (nothing deleted comes back, not even in
//! the listing cache), from the store and the command line.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use chrono::DateTime;

use vejen_frem::core::forloeb::{Forloeb, LogEntry};
use vejen_frem::core::session::{Answer, Session, Status};
use vejen_frem::store::convert;
use vejen_frem::store::sessions::{Listed, Opening, Store, StoreError};

const PASSPHRASE: &str = "blå hest spiser syv røde æbler";
/// Typed into every text; must never be found in an encrypted folder's files.
const SENTINEL: &str = "SENTINEL-Kirsten-Ørum";

fn session(id: &str, forloeb: &str, updated: &str) -> Session {
    let at = DateTime::parse_from_rfc3339(updated).unwrap();
    Session {
        id: id.into(),
        tool_version: 1,
        created: at,
        updated: at,
        label: format!("{SENTINEL} label"),
        forloeb: forloeb.into(),
        answers: [(
            "noter".to_string(),
            Answer::Text(format!("{SENTINEL}: ondt i ryggen")),
        )]
        .into(),
        ..Session::empty("msb-aftale-leder")
    }
}

fn forloeb(id: &str, created: &str) -> Forloeb {
    let at = DateTime::parse_from_rfc3339(created).unwrap();
    Forloeb {
        id: id.into(),
        label: format!("{SENTINEL} forløb"),
        created: at,
        log: vec![LogEntry {
            date: at.date_naive(),
            who: "AMR".into(),
            with_whom: "Leder".into(),
            agreed: format!("{SENTINEL} aftalt"),
            written: at,
        }],
        ..Forloeb::new(String::new(), at)
    }
}

/// A plain folder with `n` sessions in two forløb, listed once (so it has a listing cache).
fn plain_folder(n: usize) -> (tempfile::TempDir, Vec<Session>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .save_forloeb(&forloeb(
            "20261101-090000-0001",
            "2026-11-01T09:00:00+01:00",
        ))
        .unwrap();
    store
        .save_forloeb(&forloeb(
            "20261101-090000-0002",
            "2026-11-01T09:00:00+01:00",
        ))
        .unwrap();
    let sessions: Vec<Session> = (0..n)
        .map(|i| {
            let forloeb = format!("20261101-090000-000{}", 1 + i % 2);
            session(
                &format!("20261122-1000{i:02}-msb-aftale-leder-{i:04x}"),
                &forloeb,
                "2026-11-22T10:00:00+01:00",
            )
        })
        .collect();
    for s in &sessions {
        store.create(s).unwrap();
    }
    store.list();
    (dir, sessions)
}

fn passphrase_file(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("pass");
    fs::write(&path, format!("{text}\n")).unwrap();
    path
}

/// Every file under `dir`, recursively.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(all_files(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Whether any file under `dir` holds `text`, as `grep -r` would find it.
fn grep(dir: &Path, text: &str) -> Vec<PathBuf> {
    all_files(dir)
        .into_iter()
        .filter(|f| {
            let bytes = fs::read(f).unwrap_or_default();
            bytes.windows(text.len()).any(|w| w == text.as_bytes())
        })
        .collect()
}

fn unlock(dir: &Path) -> Store {
    match Store::locate(dir).unwrap() {
        Opening::Encrypted(sealed) => sealed.unlock(PASSPHRASE).unwrap(),
        Opening::Plain(_) => panic!("{} is not encrypted", dir.display()),
    }
}

fn ids(store: &Store) -> BTreeSet<String> {
    store
        .list()
        .into_iter()
        .map(|l| match l {
            Listed::Session(s) => s.id,
            Listed::Damaged { file, reason } => panic!("damaged: {}: {reason}", file.display()),
        })
        .collect()
}

#[test]
fn an_encrypted_folder_holds_nothing_typed_and_reads_back_as_it_was() {
    let (dir, sessions) = plain_folder(6);
    assert!(
        !grep(dir.path(), SENTINEL).is_empty(),
        "the plain folder has it"
    );
    let done = convert::encrypt(dir.path(), PASSPHRASE).unwrap();
    assert_eq!(done.files, 8, "six sessions and two forløb");
    assert!(
        grep(dir.path(), SENTINEL).is_empty(),
        "found in {:?}",
        grep(dir.path(), SENTINEL)
    );
    // No name says which tool or when: the names are opaque.
    for file in all_files(dir.path()) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        // (Not "2026" alone: an opaque hex name holds four such digits now and then.)
        let telling = ["msb", "20261122-", "20261101-"];
        assert!(!telling.iter().any(|t| name.contains(t)), "{name}");
    }
    // A plain opening is refused; the passphrase opens it as it was.
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Encrypted { .. })
    ));
    let store = unlock(dir.path());
    for s in &sessions {
        let mut read = store.load(&s.id).unwrap();
        read.format = s.format;
        assert_eq!(&read, s);
    }
    let (all, damaged) = store.list_forloeb();
    assert_eq!((all.len(), damaged.len()), (2, 0));
    // Saved and listed again (a sealed listing cache): still nothing readable.
    let mut lock = store.open_session(&sessions[0].id).unwrap().lock;
    let mut changed = sessions[0].clone();
    changed.label = format!("{SENTINEL} ny");
    store.save(&changed, &mut lock).unwrap();
    drop(lock);
    assert_eq!(ids(&store).len(), 6);
    assert_eq!(ids(&store).len(), 6, "again");
    assert!(grep(dir.path(), SENTINEL).is_empty());
    drop(store);
    // And back: decrypted, everything as it was, and the key gone.
    let done = convert::decrypt(dir.path(), PASSPHRASE).unwrap();
    assert_eq!(done.files, 8);
    assert!(!dir.path().join("store.key").exists());
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(ids(&store).len(), 6);
    assert_eq!(store.load(&sessions[0].id).unwrap().label, changed.label);
}

#[test]
fn a_changed_encrypted_file_is_damaged_and_never_used() {
    let (dir, sessions) = plain_folder(2);
    convert::encrypt(dir.path(), PASSPHRASE).unwrap();
    let store = unlock(dir.path());
    store.list();
    let files: Vec<PathBuf> = all_files(dir.path())
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "age") && f.parent() == Some(dir.path()))
        .collect();
    assert_eq!(files.len(), 2);
    // One byte changed in one file; the other copied over a third name.
    let mut bytes = fs::read(&files[0]).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    fs::write(&files[0], bytes).unwrap();
    let listed = store.list();
    let damaged: Vec<&String> = listed
        .iter()
        .filter_map(|l| match l {
            Listed::Damaged { reason, .. } => Some(reason),
            Listed::Session(_) => None,
        })
        .collect();
    assert_eq!(damaged.len(), 1, "{listed:?}");
    assert!(
        damaged[0].contains("ændret uden for vejen-frem"),
        "{damaged:?}"
    );
    let broken = sessions
        .iter()
        .find(|s| store.load(&s.id).is_err())
        .expect("one session does not load");
    assert!(matches!(
        store.open_session(&broken.id),
        Err(StoreError::Damaged { .. })
    ));
    // A whole file copied over another's name decrypts, but is not that session.
    let other = sessions.iter().find(|s| s.id != broken.id).unwrap();
    let other_file = files.iter().find(|f| **f != files[0]).unwrap();
    fs::copy(other_file, &files[0]).unwrap();
    assert!(matches!(
        store.load(&broken.id),
        Err(StoreError::Damaged { .. })
    ));
    assert_eq!(store.load(&other.id).unwrap().id, other.id);
}

#[test]
fn a_wrong_passphrase_is_said_and_writes_nothing() {
    let (dir, _) = plain_folder(2);
    convert::encrypt(dir.path(), PASSPHRASE).unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = all_files(dir.path())
        .into_iter()
        .map(|f| (f.clone(), fs::read(&f).unwrap()))
        .collect();
    let Opening::Encrypted(sealed) = Store::locate(dir.path()).unwrap() else {
        panic!("encrypted")
    };
    assert!(matches!(
        sealed.unlock("forkert adgangskode"),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(matches!(
        convert::decrypt(dir.path(), "forkert adgangskode"),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(matches!(
        convert::change_passphrase(
            dir.path(),
            "forkert adgangskode",
            "en helt anden lang sætning"
        ),
        Err(StoreError::WrongPassphrase)
    ));
    let wrong = tempfile::tempdir().unwrap();
    let out = common::program()
        .args(["--data-dir"])
        .arg(dir.path())
        .args(["sessions", "--passphrase-file"])
        .arg(passphrase_file(wrong.path(), "forkert adgangskode"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Forkert adgangskode"), "{err}");
    let after: Vec<(PathBuf, Vec<u8>)> = all_files(dir.path())
        .into_iter()
        .map(|f| (f.clone(), fs::read(&f).unwrap()))
        .collect();
    assert_eq!(before, after, "nothing written");
}

#[test]
fn a_new_passphrase_rewraps_the_key_only() {
    let (dir, _) = plain_folder(2);
    convert::encrypt(dir.path(), PASSPHRASE).unwrap();
    let sealed_files = |dir: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        all_files(dir)
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "age"))
            .map(|f| (f.clone(), fs::read(&f).unwrap()))
            .collect()
    };
    let before = sealed_files(dir.path());
    let new = "grøn cykel under den gamle bro";
    convert::change_passphrase(dir.path(), PASSPHRASE, new).unwrap();
    assert_eq!(sealed_files(dir.path()), before);
    let Opening::Encrypted(sealed) = Store::locate(dir.path()).unwrap() else {
        panic!("encrypted")
    };
    assert!(matches!(
        sealed.unlock(PASSPHRASE),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(ids(&sealed.unlock(new).unwrap()).len(), 2);
}

/// What a folder holds after a conversion was stopped: every session, read from its plain
/// file or decrypted with the folder's key (if the key was written yet).
fn readable_sessions(dir: &Path) -> BTreeSet<String> {
    let key = fs::read(dir.join("store.key")).ok().map(|wrapped| {
        let mut identity = age::scrypt::Identity::new(PASSPHRASE.to_string().into());
        identity.set_max_work_factor(21);
        let text = String::from_utf8(age::decrypt(&identity, &wrapped).unwrap()).unwrap();
        text.trim().parse::<age::x25519::Identity>().unwrap()
    });
    let mut found = BTreeSet::new();
    for file in fs::read_dir(dir).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = match path.extension().and_then(|e| e.to_str()) {
            _ if name.starts_with('.') => continue,
            Some("ron") => fs::read(&path).unwrap(),
            Some("age") => {
                let key = key
                    .as_ref()
                    .expect("an encrypted file only once the key is there");
                age::decrypt(key, &fs::read(&path).unwrap()).expect("it decrypts whole")
            }
            _ => continue,
        };
        let session: Session = ron::from_str(&String::from_utf8(bytes).unwrap())
            .unwrap_or_else(|e| panic!("{name} is whole: {e}"));
        found.insert(session.id);
    }
    found
}

/// Runs `vejen-frem WAY` (encrypt or decrypt) on copies of `fixture`, kills it with
/// `kill -9` at random moments, checks that every session is readable, runs it again and
/// hands the folder to `finished`.
fn kill_at_random_moments(fixture: &Path, way: &str, rounds: usize, finished: impl Fn(&Path)) {
    let all = readable_sessions(fixture);
    let pass_dir = tempfile::tempdir().unwrap();
    let pass = passphrase_file(pass_dir.path(), PASSPHRASE);
    let convert = |dir: &Path| {
        let mut command = common::program();
        command
            .arg("--data-dir")
            .arg(dir)
            .args([way, "--passphrase-file"])
            .arg(&pass);
        command
    };
    let copy = || {
        let dir = tempfile::tempdir().unwrap();
        for file in all_files(fixture) {
            let to = dir.path().join(file.strip_prefix(fixture).unwrap());
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(&file, &to).unwrap();
        }
        dir
    };
    // How long a whole conversion takes here, to spread the kills over it.
    let whole = copy();
    let started = Instant::now();
    assert!(convert(whole.path()).output().unwrap().status.success());
    let duration = started.elapsed();
    // One run killed after `delay`: every session still readable, and a second run
    // finishes the job. Whether the kill landed before the run ended.
    let killed_after = |round: usize, delay: std::time::Duration| {
        let dir = copy();
        let mut child = convert(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        sleep(delay);
        let _ = Command::new("kill")
            .args(["-9", &child.id().to_string()])
            .status();
        let stopped = !child.wait().unwrap().success();
        assert_eq!(
            readable_sessions(dir.path()),
            all,
            "{way}, round {round}, killed after {delay:?}"
        );
        let rerun = convert(dir.path()).output().unwrap();
        assert!(rerun.status.success(), "{way}, round {round}: {rerun:?}");
        assert!(!dir.path().join(".converting").exists());
        finished(dir.path());
        stopped
    };
    let mut seed = 0x2545_f491_4f6c_dd1du64 ^ u64::from(std::process::id());
    let mut stopped_midway = 0;
    for round in 0..rounds {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Half the kills land late, where the files are being converted (the first part
        // of a run is mostly the passphrase's scrypt).
        let share = (seed % 1000) as f64 / 1000.0;
        let delay = duration.mul_f64(if round % 2 == 0 {
            share
        } else {
            0.6 + 0.4 * share
        });
        stopped_midway += usize::from(killed_after(round, delay));
    }
    // A machine that got faster after the first, measured run lets every kill come too
    // late: then earlier and earlier kills, until one lands while it runs.
    let mut delay = duration / 4;
    for round in rounds..rounds + 8 {
        if stopped_midway > 0 {
            break;
        }
        stopped_midway += usize::from(killed_after(round, delay));
        delay /= 2;
    }
    assert!(stopped_midway > 0, "no kill landed while it ran");
}

#[test]
fn kill_9_at_any_moment_while_encrypting_leaves_every_session_readable_and_a_rerun_finishes() {
    let (fixture, sessions) = plain_folder(60);
    let all: BTreeSet<String> = sessions.iter().map(|s| s.id.clone()).collect();
    kill_at_random_moments(fixture.path(), "encrypt", 12, |dir| {
        assert_eq!(ids(&unlock(dir)), all);
        assert!(grep(dir, SENTINEL).is_empty());
    });
}

#[test]
fn kill_9_at_any_moment_while_decrypting_leaves_every_session_readable_and_a_rerun_finishes() {
    let (fixture, sessions) = plain_folder(60);
    let all: BTreeSet<String> = sessions.iter().map(|s| s.id.clone()).collect();
    convert::encrypt(fixture.path(), PASSPHRASE).unwrap();
    kill_at_random_moments(fixture.path(), "decrypt", 6, |dir| {
        assert!(!dir.join("store.key").exists());
        assert_eq!(ids(&Store::open(dir).unwrap()), all);
    });
}

#[test]
fn a_folder_in_use_is_not_converted_under_it() {
    let (dir, _) = plain_folder(1);
    let store = Store::open(dir.path()).unwrap();
    assert!(matches!(
        convert::encrypt(dir.path(), PASSPHRASE),
        Err(StoreError::InUse { .. })
    ));
    assert!(!dir.path().join("store.key").exists());
    drop(store);
    convert::encrypt(dir.path(), PASSPHRASE).unwrap();
}

#[test]
fn a_deleted_session_is_gone_from_the_folder_the_cache_and_the_leftovers() {
    let (dir, sessions) = plain_folder(3);
    let store = Store::open(dir.path()).unwrap();
    let id = &sessions[0].id;
    // A save that died left a newer complete copy; the recovery would put it back.
    let mut newer = sessions[0].clone();
    newer.updated = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let leftover = dir.path().join(".tmp-died");
    fs::write(&leftover, ron::to_string(&newer).unwrap()).unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(600);
    fs::File::options()
        .write(true)
        .open(&leftover)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let exports = dir.path().join("exports");
    fs::create_dir_all(&exports).unwrap();
    fs::write(exports.join(format!("{id}-medarbejder.html")), "x").unwrap();
    let removed = store.delete_session(id).unwrap();
    assert_eq!(removed.sessions, vec![id.clone()]);
    assert_eq!(removed.exports.len(), 1);
    assert!(!leftover.exists());
    // Listed again (which recovers leftovers): not back.
    assert!(!ids(&store).contains(id));
    assert!(store.load(id).is_err());
    // The cache was written anew at once: the deleted label is not in it.
    let cache = fs::read(dir.path().join(".index")).unwrap();
    assert!(!cache.windows(id.len()).any(|w| w == id.as_bytes()));
}

#[test]
fn a_deleted_forloeb_takes_its_sessions_msb_log_and_exports_but_not_an_open_one() {
    let (dir, sessions) = plain_folder(4);
    let store = Store::open(dir.path()).unwrap();
    let forloeb = "20261101-090000-0001";
    let own: Vec<&Session> = sessions.iter().filter(|s| s.forloeb == forloeb).collect();
    // One of its sessions open in another window: nothing is deleted.
    let open = store.open_session(&own[0].id).unwrap();
    assert!(matches!(
        store.delete_forloeb(forloeb),
        Err(StoreError::Locked { .. })
    ));
    assert_eq!(ids(&store).len(), 4);
    drop(open);
    let removed = store.delete_forloeb(forloeb).unwrap();
    assert_eq!(removed.sessions.len(), own.len());
    assert_eq!(ids(&store).len(), 4 - own.len());
    assert!(store.load_forloeb(forloeb).is_err());
    assert_eq!(store.list_forloeb().0.len(), 1);
}

#[test]
fn purge_deletes_closed_courses_and_old_sessions_and_says_what_went() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .save_forloeb(&forloeb(
            "20240101-090000-0001",
            "2024-01-01T09:00:00+01:00",
        ))
        .unwrap();
    store
        .save_forloeb(&forloeb(
            "20240101-090000-0002",
            "2024-01-01T09:00:00+01:00",
        ))
        .unwrap();
    let mut closed = session(
        "20240102-100000-msb-aftale-leder-0001",
        "20240101-090000-0001",
        "2024-02-01T10:00:00+01:00",
    );
    closed.closed = Some(chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap());
    closed.status = Status::Completed;
    let open_course = session(
        "20240102-100000-msb-aftale-leder-0002",
        "20240101-090000-0002",
        "2024-02-01T10:00:00+01:00",
    );
    let loose_old = session(
        "20240102-100000-msb-aftale-leder-0003",
        "",
        "2024-03-01T10:00:00+01:00",
    );
    let loose_new = session(
        "20991231-100000-msb-aftale-leder-0004",
        "",
        "2099-01-01T10:00:00+01:00",
    );
    for s in [&closed, &open_course, &loose_old, &loose_new] {
        store.create(s).unwrap();
    }
    drop(store);
    let run = |args: &[&str]| {
        let out = common::program()
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .env(
                "VEJEN_FREM_CONFIG",
                dir.path().join("ingen-indstillinger.ron"),
            )
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dry = run(&["purge", "--untouched-for", "12m", "--dry-run"]);
    assert!(dry.contains("ville blive slettet"), "{dry}");
    assert_eq!(ids(&Store::open(dir.path()).unwrap()).len(), 4);
    let said = run(&["purge", "--untouched-for", "12m"]);
    assert!(
        said.contains("slettet: forløbet 20240101-090000-0001"),
        "{said}"
    );
    assert!(
        said.contains(&format!("slettet: sessionen {}", closed.id)),
        "{said}"
    );
    assert!(
        said.contains(&format!("slettet: sessionen {}", loose_old.id)),
        "{said}"
    );
    let left = ids(&Store::open(dir.path()).unwrap());
    assert_eq!(
        left,
        [open_course.id.clone(), loose_new.id.clone()].into(),
        "the open course and the new session stay"
    );
    assert!(run(&["purge", "--untouched-for", "12m"]).contains("Intet"));
}

#[test]
fn delete_from_the_command_line_names_what_goes_and_needs_a_yes_without_a_terminal() {
    let (dir, sessions) = plain_folder(2);
    let run = |args: &[&str]| {
        common::program()
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    let id = &sessions[0].id;
    let refused = run(&["delete", id]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));
    assert!(String::from_utf8_lossy(&refused.stdout).contains(id.as_str()));
    assert_eq!(ids(&Store::open(dir.path()).unwrap()).len(), 2);
    let done = run(&["delete", id, "--yes"]);
    assert!(done.status.success(), "{done:?}");
    assert!(String::from_utf8_lossy(&done.stdout).contains("slettet: sessionen"));
    // A forløb by its label: the other session goes with it.
    let label = format!("{SENTINEL} forløb");
    let both = run(&["delete", &label, "--yes"]);
    assert!(!both.status.success(), "two forløb have that label");
    let one = run(&["delete", "20261101-090000-0002", "--yes"]);
    assert!(one.status.success(), "{one:?}");
    assert!(ids(&Store::open(dir.path()).unwrap()).is_empty());
}

#[test]
fn export_for_the_employer_warns_of_health_words_and_an_encrypted_folder_needs_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut s = session(
        "20261122-100000-msb-aftale-leder-0001",
        "",
        "2026-11-22T10:00:00+01:00",
    );
    s.answers.insert(
        "arbejdstimer".into(),
        Answer::Text("Færre timer, hun er sygemeldt med prolaps".into()),
    );
    store.create(&s).unwrap();
    drop(store);
    let export = |extra: &[&str]| {
        common::program()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["export", &s.id, "--format", "txt", "--for", "employer"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = export(&["-o", "-"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nævner helbred (sygemeldt, prolaps)"), "{err}");
    // Encrypted: no plain document in the folder; with -o it is said that it leaves it.
    convert::encrypt(dir.path(), PASSPHRASE).unwrap();
    let pass_dir = tempfile::tempdir().unwrap();
    let pass = passphrase_file(pass_dir.path(), PASSPHRASE);
    let pass = pass.to_str().unwrap();
    let refused = export(&["--passphrase-file", pass]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("-o FIL"));
    let target = pass_dir.path().join("aftale.txt");
    let written = export(&["--passphrase-file", pass, "-o", target.to_str().unwrap()]);
    assert!(written.status.success(), "{written:?}");
    assert!(String::from_utf8_lossy(&written.stderr).contains("forlader den krypterede"));
    assert!(fs::read_to_string(&target).unwrap().contains("Færre timer"));
    assert!(grep(dir.path(), "Færre timer").is_empty());
}

#[test]
fn a_forloeb_file_says_it_is_confidential_like_a_session_file() {
    let (dir, sessions) = plain_folder(1);
    let forloeb = fs::read_to_string(dir.path().join("forloeb/20261101-090000-0001.ron")).unwrap();
    let session = fs::read_to_string(dir.path().join(format!("{}.ron", sessions[0].id))).unwrap();
    assert!(forloeb.starts_with("// vejen-frem:"), "{forloeb}");
    assert!(
        forloeb
            .lines()
            .next()
            .unwrap()
            .contains("Fortrolige helbredsoplysninger")
    );
    assert!(
        session
            .lines()
            .next()
            .unwrap()
            .contains("Fortrolige helbredsoplysninger")
    );
}
