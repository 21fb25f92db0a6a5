//! Odd and hostile things in the data folder and on the command line: the program refuses
//! them clearly, never hangs on them, never follows them and never writes over them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::DateTime;
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::store::sessions::Store;

/// Runs the program with a deadline: a hang is a failed test, not a stuck one.
fn run(args: &[&str]) -> (bool, String, String) {
    let mut child = common::program()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("`vejen-frem {}` hangs", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A folder with one session of Redskab 6 labelled `label`.
fn folder_with(label: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let entry = catalog.find("6").unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
    let mut session = entry.new_session("20261122-100000-msb-aftale-leder-0001".into(), now);
    session.label = label.into();
    session.follow_up = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
    drop(store.create(&session).unwrap());
    dir
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_folder_never_hangs_the_listing() {
    let dir = folder_with("AB");
    for place in [
        dir.path().join("z.ron"),
        dir.path().join("forloeb").join("z.ron"),
    ] {
        std::fs::create_dir_all(place.parent().unwrap()).unwrap();
        let fifo = std::ffi::CString::new(place.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    }
    let data = dir.path().display().to_string();
    let (ok, out, err) = run(&["--data-dir", &data, "sessions"]);
    assert!(ok, "{err}");
    assert!(out.contains("20261122-100000"), "{out}");
    assert!(err.contains("ikke en almindelig fil"), "{err}");
    let (ok, _, err) = run(&["--data-dir", &data, "followups"]);
    assert!(ok, "{err}");
}

#[test]
fn control_characters_in_a_label_never_reach_the_terminal_or_a_document() {
    let dir = folder_with("AB\u{1b}]0;hacked\u{7}\u{1b}[2J");
    let data = dir.path().display().to_string();
    for args in [
        vec!["--data-dir", &data, "sessions"],
        vec!["--data-dir", &data, "sessions", "--json"],
        vec!["--data-dir", &data, "followups"],
        vec![
            "--data-dir",
            &data,
            "export",
            "20261122",
            "--format",
            "txt",
            "-o",
            "-",
        ],
        vec![
            "--data-dir",
            &data,
            "export",
            "20261122",
            "--format",
            "md",
            "-o",
            "-",
        ],
        vec![
            "--data-dir",
            &data,
            "export",
            "20261122",
            "--format",
            "html",
            "-o",
            "-",
        ],
    ] {
        let (ok, out, err) = run(&args);
        assert!(ok, "{args:?}: {err}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        assert!(!err.contains('\u{1b}'), "{args:?}: {err:?}");
    }
}

#[test]
fn export_writes_only_to_a_file_or_a_new_path() {
    let dir = folder_with("AB");
    let data = dir.path().display().to_string();
    let export = |target: &str, extra: &[&str]| {
        let mut args = vec![
            "--data-dir",
            &data,
            "export",
            "20261122",
            "--format",
            "txt",
            "-o",
        ];
        args.push(target);
        args.extend_from_slice(extra);
        run(&args)
    };
    // A folder, even with --force.
    let folder = dir.path().join("mappe");
    std::fs::create_dir(&folder).unwrap();
    let (ok, _, err) = export(folder.to_str().unwrap(), &["--force"]);
    assert!(!ok && err.contains("ikke en almindelig fil"), "{err}");
    assert!(folder.is_dir());
    // A symlink, even with --force: not followed, not replaced.
    #[cfg(unix)]
    {
        let target = dir.path().join("andet.txt");
        std::fs::write(&target, "andet").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let (ok, _, err) = export(link.to_str().unwrap(), &["--force"]);
        assert!(!ok && err.contains("ikke en almindelig fil"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "andet");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    }
    // `-` is standard output, not a file named "-".
    let (ok, out, _) = export("-", &[]);
    assert!(ok && out.contains("MSB-aftale"), "{out}");
    assert!(!std::path::Path::new("-").exists());
}
