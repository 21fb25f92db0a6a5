//! One data folder used by two programs at once, as on a team's network drive that several
//! PCs mount: each program sees the other only through the file system (its lock files,
//! its renames, the listing cache they both append to). Run here on a local disk; the
//! README says what that proves for SMB and NFS and what it does not.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::path::Path;
use std::thread;

use common::{Tmux, run, session_files};
use vejen_frem::core::session::{Answer, Session};
use vejen_frem::store::sessions::Store;

/// The first text answer of a session as saved.
fn typed(session: &Session) -> String {
    session
        .answers
        .values()
        .find_map(|a| match a {
            Answer::Text(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Waits until the session of `tool` in `dir` holds `text` as saved.
fn wait_for_text(dir: &Path, tool: &str, text: &str) -> Session {
    let start = std::time::Instant::now();
    loop {
        let found = session_files(dir)
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .filter_map(|t| ron::from_str::<Session>(&t).ok())
            .find(|s| s.tool == tool && typed(s) == text);
        if let Some(session) = found {
            return session;
        }
        assert!(
            start.elapsed().as_secs() < 15,
            "{tool} never saved {text:?}"
        );
        thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn two_programs_on_one_folder_never_edit_one_session_together_and_every_save_is_whole() {
    // A share to import over and over from a third and fourth program meanwhile.
    let elsewhere = tempfile::tempdir().unwrap();
    let other = Store::open(elsewhere.path()).unwrap();
    let catalog = vejen_frem::core::catalog::Catalog::load(
        &vejen_frem::core::catalog::builtin_sources(),
        &[],
    )
    .0;
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let mut goal = catalog
        .find("2")
        .unwrap()
        .new_session("20261123-100000-maal-medarbejder-0001".into(), now);
    goal.answers.insert(
        "vigtigste-maal".into(),
        Answer::Text("Tilbage på fuld tid".into()),
    );
    drop(other.create(&goal).unwrap());
    let keys = tempfile::tempdir().unwrap();
    let key_file = keys.path().join("nøgle").display().to_string();
    let public = common::share_key(&key_file);
    let file = keys.path().join("maal.vfdel").display().to_string();
    let elsewhere_dir = elsewhere.path().display().to_string();
    let (ok, _, err) = run(&[
        "share",
        &goal.id,
        "-o",
        &file,
        "--to",
        &public,
        "--from",
        "KH",
        "--data-dir",
        &elsewhere_dir,
    ]);
    assert!(ok, "{err}");

    // PC A writes in Redskab 1, PC B in Redskab 4, in the one folder.
    let a = Tmux::start(&["1"]);
    let dir = a.data_dir().to_path_buf();
    let data = dir.display().to_string();
    a.wait_for("Trin 1 af 5");
    a.type_text("A");
    let first = wait_for_text(&dir, "dialog-medarbejder", "A");
    let b = Tmux::start(&["4", "--data-dir", &data]);
    b.wait_for("Trin 1 af 6");

    // While both type and save, two more programs import into the folder and a fifth
    // lists it: every listing is whole, whatever it catches half-way.
    const IMPORTS: usize = 4;
    let (mut text_a, mut text_b) = (String::from("A"), String::new());
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..IMPORTS / 2 {
                    let (ok, _, err) =
                        run(&["import", &file, "--key", &key_file, "--data-dir", &data]);
                    assert!(ok, "{err}");
                }
            });
        }
        scope.spawn(|| {
            for _ in 0..6 {
                let (ok, out, err) = run(&["sessions", "--json", "--data-dir", &data]);
                assert!(ok, "{err}");
                let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
                assert!(!rows.as_array().unwrap().is_empty(), "{out}");
                assert!(!err.contains("beskadiget"), "{err}");
            }
        });
        for n in 0..12 {
            let (one, two) = (format!(" a{n}"), format!("b{n} "));
            a.type_text(&one);
            b.type_text(&two);
            text_a.push_str(&one);
            text_b.push_str(&two);
            thread::sleep(std::time::Duration::from_millis(40));
        }
    });
    let session_a = wait_for_text(&dir, "dialog-medarbejder", &text_a);
    wait_for_text(&dir, "dialog-leder", &text_b);
    assert_eq!(session_a.id, first.id);

    // The session A has open is A's alone: another program cannot delete it, and the
    // folder is not encrypted under either of them.
    let (ok, _, err) = run(&["delete", &first.id, "--yes", "--data-dir", &data]);
    assert!(
        !ok && err.contains("åben i et andet vejen-frem-vindue"),
        "{err}"
    );
    let strong = keys.path().join("adgangskode");
    std::fs::write(&strong, "blå hest spiser 7 røde æbler\n").unwrap();
    let (ok, _, err) = run(&[
        "encrypt",
        "--data-dir",
        &data,
        "--passphrase-file",
        strong.to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("er i brug"), "{err}");

    a.keys(&["C-q"]);
    b.keys(&["C-q"]);
    a.wait_for_exit();
    b.wait_for_exit();

    // Every file is a whole session; nothing was lost or written twice; no temporary or
    // lock file is left; a program started afresh lists them all.
    let sessions = common::stored(&Store::open(&dir).unwrap());
    assert_eq!(sessions.len(), 2 + IMPORTS);
    let imported: Vec<&Session> = sessions.iter().filter(|s| s.imported.is_some()).collect();
    assert_eq!(imported.len(), IMPORTS);
    assert!(imported.iter().all(|s| s.answers == goal.answers));
    let ids: std::collections::BTreeSet<&str> = sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        2 + IMPORTS,
        "every import is a session of its own"
    );
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp") || n.ends_with(".lock") && n != ".folder.lock")
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let (ok, out, err) = run(&["sessions", "--json", "--data-dir", &data]);
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2 + IMPORTS, "{out}");
    // Now that A is closed, its session is anybody's.
    let (ok, _, err) = run(&["delete", &first.id, "--yes", "--data-dir", &data]);
    assert!(ok, "{err}");
}
