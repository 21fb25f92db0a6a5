//! Definitions that evolve without losing drafts: a test tool in two versions
//! (`tests/fixtures/migrate/v1` and `v2`), a session answered against the first, read with
//! the second: by the command line (`migrate --dry-run`, `migrate`, `export`), the checker,
//! and the screen in tmux.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::fs;
use std::path::Path;

use chrono::{DateTime, NaiveDate};
use common::{Tmux, piped, run};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::check::Source;
use vejen_frem::core::session::{Answer, Session};
use vejen_frem::store::sessions::Store;

const V1: &str = "tests/fixtures/migrate/v1";
const V2: &str = "tests/fixtures/migrate/v2";
const ID: &str = "20261120-080000-proeve-0001";

fn fixture(version: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(version)
        .display()
        .to_string()
}

/// A session of the test tool's first version, saved in `dir`.
fn old_draft(dir: &Path) -> Session {
    let path = Path::new(&fixture(V1)).join("proeve.ron");
    let source = Source::new("proeve.ron", fs::read_to_string(path).unwrap());
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[source]);
    assert!(problems.is_empty(), "{problems:?}");
    let now = DateTime::parse_from_rfc3339("2026-11-20T08:00:00+01:00").unwrap();
    let mut session = catalog.get("proeve").unwrap().new_session(ID.into(), now);
    let answers = [
        ("opgaver", Answer::Text("Gulvvask og løft".into())),
        (
            "start",
            Answer::Date(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()),
        ),
        ("hjaelp", Answer::Choice("ja".into())),
        ("plan", Answer::Text("Skiftevis lette opgaver".into())),
        ("noter", Answer::Text("Husk opfølgning".into())),
    ];
    for (id, answer) in answers {
        session.answers.insert(id.into(), answer);
    }
    session.position.step = "opgaver".into();
    session.position.field = "start".into();
    drop(Store::open(dir).unwrap().create(&session).unwrap());
    session
}

#[test]
fn migrate_dry_run_says_what_moves_and_writes_nothing_then_migrate_saves() {
    let dir = tempfile::tempdir().unwrap();
    old_draft(dir.path());
    let file = dir.path().join(format!("{ID}.ron"));
    let before = fs::read(&file).unwrap();
    let data = dir.path().display().to_string();
    let v2 = fixture(V2);
    let (ok, out, err) = run(&["migrate", "--dry-run", "--tools", &v2, "--data-dir", &data]);
    assert!(ok, "{err}");
    for says in [
        "version 1 → 2",
        "»Hvilke opgaver er svære?«: svaret er flyttet med (feltet hed før opgaver)",
        "»Hvornår begyndte det?« står nu i trin 2 »Planen« (før i trin 1 »Opgaverne«)",
        "hjaelp.v1: har intet spørgsmål længere",
        "noter: har intet spørgsmål længere",
        "1 session ville blive gemt",
    ] {
        assert!(out.contains(says), "{says}:\n{out}");
    }
    assert_eq!(fs::read(&file).unwrap(), before, "a dry run writes nothing");
    // Exported with the new version: the answers where the questions are now, and the
    // ones without a question last, kept.
    let (ok, text, err) = run(&[
        "export",
        ID,
        "--format",
        "txt",
        "-o",
        "-",
        "--tools",
        &v2,
        "--data-dir",
        &data,
    ]);
    assert!(ok, "{err}");
    let plan = text.find("PLANEN").expect(&text);
    assert!(
        !text[..plan].contains("Ja"),
        "a Ja is no answer to a date: {text}"
    );
    assert!(text[plan..].contains("01-10-2026"), "{text}");
    let unasked = text
        .find("SVAR UDEN SPØRGSMÅL")
        .expect("the unasked answers");
    assert!(text[unasked..].contains("Husk opfølgning"), "{text}");
    assert_eq!(fs::read(&file).unwrap(), before, "an export writes nothing");

    let (ok, out, err) = run(&["migrate", "--tools", &v2, "--data-dir", &data]);
    assert!(ok, "{err}");
    assert!(out.contains("1 session er gemt"), "{out}");
    let saved: Session = ron::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved.tool_version, 2);
    assert_eq!(
        saved.answers["problem-opgaver"],
        Answer::Text("Gulvvask og løft".into())
    );
    assert!(saved.answers.contains_key("startdato") && !saved.answers.contains_key("start"));
    assert_eq!(
        saved.answers["noter"],
        Answer::Text("Husk opfølgning".into())
    );
    // Its question asks for a date now: the Ja is kept aside, not in the date's place.
    assert!(!saved.answers.contains_key("hjaelp"));
    assert_eq!(saved.answers["hjaelp.v1"], Answer::Choice("ja".into()));
    assert_eq!(saved.position.step, "plan");
    // Nothing more to do.
    let (ok, out, _) = run(&["migrate", "--tools", &v2, "--data-dir", &data]);
    assert!(ok && out.contains("intet at flytte"), "{out}");
}

#[test]
fn check_points_at_renames_that_clash_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let v2 = fs::read_to_string(Path::new(&fixture(V2)).join("proeve.ron")).unwrap();
    let cases = [
        (
            v2.replace("renamed_from: [\"start\"]", "renamed_from: [\"plan\"]"),
            "`plan` er et felt i denne version",
            "renamed_from: [\"plan\"]",
        ),
        (
            v2.replace("renamed_from: [\"start\"]", "renamed_from: [\"opgaver\"]"),
            "`opgaver` er allerede et andet felts tidligere id",
            "renamed_from: [\"opgaver\"], moved",
        ),
        (
            v2.replace("moved_from: \"opgaver\"", "moved_from: \"plan\""),
            "står allerede i trinnet `plan`",
            "moved_from: \"plan\"",
        ),
        (
            v2.replace("version: 2", "version: 1"),
            "hæv `version`",
            "renamed_from: [\"arbejdsopgaver\"",
        ),
    ];
    for (text, says, at) in cases {
        let path = dir.path().join("proeve.ron");
        fs::write(&path, &text).unwrap();
        let (ok, out, _) = run(&["check", path.to_str().unwrap()]);
        assert!(!ok, "{says}");
        let line = text
            .lines()
            .position(|l| l.contains(at))
            .map(|i| i + 1)
            .unwrap();
        let prefix = format!("{}:{line}:", path.display());
        let problem = out.lines().find(|l| l.contains(says)).unwrap_or_default();
        assert!(problem.starts_with(&prefix), "{says} at {prefix}:\n{out}");
    }
}

#[test]
fn an_older_draft_opens_with_a_report_and_is_not_written_until_changed() {
    let data = tempfile::tempdir().unwrap();
    old_draft(data.path());
    let file = data.path().join(format!("{ID}.ron"));
    let before = fs::read(&file).unwrap();
    let v2 = fixture(V2);
    let tmux = Tmux::start_in(&["--tools", &v2], data);
    tmux.wait_for("Redskaber");
    tmux.keys(&["Tab", "Tab"]);
    tmux.wait_for("Prøveredskab");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Redskabet er ændret (version 1 → 2)");
    assert!(screen.contains("står nu i trin 2"), "{screen}");
    tmux.keys(&["Enter"]);
    // It resumes where it was left: the date, now in the plan.
    let screen = tmux.wait_for("Hvornår begyndte det?");
    assert!(screen.contains("Trin 2 af 2"), "{screen}");
    tmux.keys(&["C-r"]);
    let screen = tmux.wait_for("Gennemse");
    let review = tmux.wait_for("Svar uden spørgsmål");
    assert!(review.contains("Husk opfølgning"), "{screen}\n{review}");
    tmux.keys(&["Escape"]);
    // Looked at, not changed: the file is as it was.
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert_eq!(fs::read(&file).unwrap(), before);
    // A change saves it in the new version.
    tmux.keys(&["Up"]);
    tmux.type_text(" og bære");
    common::wait_for_saved(tmux.data_dir(), |s| s.tool_version == 2);
    let saved = common::only_session(tmux.data_dir());
    assert!(saved.answers.contains_key("problem-opgaver"));
    assert!(saved.answers.contains_key("noter"), "kept");
}

#[test]
fn line_by_line_an_older_draft_is_reported_and_its_unasked_answer_is_in_the_review() {
    let data = tempfile::tempdir().unwrap();
    old_draft(data.path());
    let file = data.path().join(format!("{ID}.ron"));
    let before = fs::read(&file).unwrap();
    let dir = data.path().display().to_string();
    let v2 = fixture(V2);
    let args = ["--plain", "--tools", &v2, "--data-dir", &dir];
    let out = piped(&args, "1\ngennemse\nafslut\n");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("Redskabet er ændret (version 1 → 2)"),
        "{said}"
    );
    assert!(said.contains("står nu i trin 2"), "{said}");
    assert!(said.contains("Intet er gemt endnu"), "{said}");
    let unasked = said
        .split("Svar uden spørgsmål")
        .nth(1)
        .unwrap_or_else(|| panic!("no unasked answers in the review: {said}"));
    assert!(unasked.contains("Husk opfølgning"), "{said}");
    // Looked at, not changed: the file is as it was.
    assert_eq!(fs::read(&file).unwrap(), before);
}
