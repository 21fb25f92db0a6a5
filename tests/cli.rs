//! The command line: `check`, `list`, and refusing an unknown tool.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use common::run;

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("a writable temporary folder");
    path.display().to_string()
}

const FIXTURE: &str = include_str!("fixtures/example.ron");

#[test]
fn the_built_in_tools_and_content_pass_the_check() {
    let (ok, out, err) = run(&["check"]);
    assert!(ok, "{out}{err}");
    // The 13 redskaber, the reflection walk, the portal's three data files and the list of
    // health words.
    assert!(out.contains("18 filer er i orden"), "{out}");
    // The folder of content as it is, with the health words checked as what they are.
    let (ok, out, err) = run(&["check", "content/"]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("5 filer er i orden"), "{out}");
}

#[test]
fn list_shows_all_thirteen_tools_and_the_reflection_walk_with_audience() {
    let (ok, out, _) = run(&["list"]);
    assert!(ok);
    assert_eq!(out.lines().count(), 14, "{out}");
    let walk = out.lines().last().unwrap_or_default();
    assert!(walk.trim_start().starts_with("–  overvejelser"), "{walk}");
    let screening = out
        .lines()
        .find(|l| l.contains("screening"))
        .expect("the screening is listed");
    assert!(screening.trim_start().starts_with("10"), "{screening}");
    assert!(screening.contains("Praktiserende læge"), "{screening}");
}

#[test]
fn check_reports_syntax_errors_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let broken = FIXTURE.replace("kind: Date),", "kind: Date)");
    let path = write(dir.path(), "broken.ron", &broken);
    let (ok, out, _) = run(&["check", &path]);
    assert!(!ok);
    let first = out.lines().next().unwrap_or_default();
    assert!(first.starts_with(&format!("{path}:20:17: ")), "{out}");
    assert!(
        out.contains("(id: \"behandling\""),
        "the offending line is shown: {out}"
    );
}

#[test]
fn check_reports_unknown_fields_duplicates_bad_conditions_and_empty_steps() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = FIXTURE.replace("hint: \"Fx gulvvask\"", "eksempel: \"Fx gulvvask\"");
    let duplicate = FIXTURE.replace("id: \"vigtigst\"", "id: \"opgaver\"");
    let later = FIXTURE.replace("field: \"behandling\"", "field: \"timer\"");
    let unknown_target = FIXTURE.replace("field: \"svar\"", "field: \"findes-ikke\"");
    let cases = [
        ("unknown.ron", unknown, "ukendt felt `eksempel`", 17),
        ("duplicate.ron", duplicate, "id `opgaver` er brugt før", 18),
        ("later.ron", later, "først kommer senere", 21),
        (
            "target.ron",
            unknown_target,
            "`findes-ikke`, som ikke findes",
            32,
        ),
    ];
    for (name, text, message, line) in cases {
        let path = write(dir.path(), name, &text);
        let (ok, out, _) = run(&["check", &path]);
        assert!(!ok, "{name} passed");
        assert!(out.contains(message), "{name}: {out}");
        assert!(out.starts_with(&format!("{path}:{line}:")), "{name}: {out}");
    }
    let empty = "(\n    format: 1, id: \"tom\", number: 98, version: 1, title: \"Tom\", audience: [Leder],\n    steps: [(id: \"a\", title: \"A\", fields: [])],\n)\n";
    let path = write(dir.path(), "empty.ron", empty);
    let (ok, out, _) = run(&["check", &path]);
    assert!(!ok);
    assert!(
        out.starts_with(&format!("{path}:3:18: trinnet `a` har ingen felter")),
        "{out}"
    );
}

#[test]
fn a_tools_folder_adds_and_replaces_tools() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "eksempel.ron", FIXTURE);
    let replaced = include_str!("../tools/10-screening.ron")
        .replace("version: 1,", "version: 2,")
        .replacen("title: \"", "title: \"ÆNDRET ", 1);
    write(dir.path(), "screening.ron", &replaced);
    let tools = dir.path().display().to_string();
    let (ok, out, err) = run(&["--tools", &tools, "list"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 15, "{out}");
    assert!(out.contains("Eksempel på et redskab"));
    assert!(out.contains("ÆNDRET"), "{out}");
}

#[test]
fn an_unknown_tool_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let (ok, _, err) = run(&["--data-dir", &data, "99"]);
    assert!(!ok);
    assert!(
        err.contains("der er intet redskab, der hedder `99`"),
        "{err}"
    );
}

#[test]
fn check_refuses_sizes_no_person_could_use_without_crashing() {
    let dir = tempfile::tempdir().unwrap();
    let huge = FIXTURE.replace(
        "kind: List(item: \"Delmål\",",
        "kind: List(min: 18446744073709551615, item: \"Delmål\",",
    );
    let path = write(dir.path(), "huge.ron", &huge);
    let (ok, out, err) = run(&["check", &path]);
    assert!(!ok, "{out}");
    assert!(out.contains("er for mange"), "{out}");
    assert!(out.starts_with(&format!("{path}:34:")), "{out}");
    assert!(!err.contains("panicked"), "{err}");
    // Beyond what fits a number is a syntax error with its place.
    let overflow = FIXTURE.replace("max: 3)", "max: 99999999999999999999999)");
    let path = write(dir.path(), "overflow.ron", &overflow);
    let (ok, out, _) = run(&["check", &path]);
    assert!(!ok && out.starts_with(&format!("{path}:34:")), "{out}");
    // And the program does not start with it.
    let tools = dir.path().display().to_string();
    let (ok, _, err) = run(&["--tools", &tools, "list"]);
    assert!(!ok && err.contains("er for mange"), "{err}");
}

#[test]
fn many_problems_are_reported_briefly_and_long_lines_cut() {
    let dir = tempfile::tempdir().unwrap();
    // 20,000 bad ids on one long line.
    let options: String = (0..20_000)
        .map(|i| format!("(\"Ugyldig {i}\", \"x\"), "))
        .collect();
    let many = FIXTURE.replace(
        "Choice(options: [(\"ja\", \"Ja\"), (\"nej\", \"Nej\"), (\"ved-ikke\", \"Ved ikke\")])",
        &format!("Choice(options: [{options}])"),
    );
    let path = write(dir.path(), "many.ron", &many);
    let (ok, out, _) = run(&["check", &path]);
    assert!(!ok);
    assert!(out.len() < 200_000, "{} bytes of report", out.len());
    assert!(
        out.contains("problemer mere"),
        "{}",
        &out[out.len() - 300..]
    );
    assert!(
        out.lines().all(|l| l.chars().count() < 200),
        "a line is too long"
    );
}

#[test]
fn files_that_are_not_utf8_or_start_with_a_bom_get_a_place_and_a_plain_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = FIXTURE.as_bytes().to_vec();
    let at = FIXTURE.find("Eksempel på").unwrap();
    bytes[at + 1] = 0xff;
    let path = dir.path().join("latin1.ron");
    std::fs::write(&path, &bytes).unwrap();
    let (ok, out, _) = run(&["check", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(out.contains(":7:14: filen er ikke gyldig UTF-8"), "{out}");
    let bom = write(dir.path(), "bom.ron", &format!("\u{feff}{FIXTURE}"));
    let (ok, out, _) = run(&["check", &bom]);
    assert!(
        !ok && out.contains(":1:1: filen starter med et BOM-tegn"),
        "{out}"
    );
}

#[test]
fn a_single_file_checks_on_its_own_with_links_to_the_built_in_tools() {
    for file in ["tools/10-screening.ron", "tools/06-msb-aftale-leder.ron"] {
        let (ok, out, err) = run(&["check", file]);
        assert!(ok, "{file}: {out}{err}");
        assert!(out.contains("1 fil er i orden"), "{out}");
    }
}

/// The portal's data files are checked like the tools: a copy given by path is checked in
/// place of the built-in one, against the built-in material.
#[test]
fn check_reports_quiz_and_body_problems_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = include_str!("../content/quiz.ron").replacen(
        "source: Section(\"haandtering\")",
        "source: Section(\"findes-ikke\")",
        1,
    );
    let body = include_str!("../content/kroppen.ron").replacen(
        "har Mette haft problemer med skulderen",
        "har Mette haft ondt i knæet",
        1,
    );
    for (name, text, message) in [
        ("quiz.ron", quiz, "der er intet afsnit `findes-ikke`"),
        ("kroppen.ron", body, "står ikke ordret i Case(\"mette\")"),
    ] {
        let path = write(dir.path(), name, &text);
        let (ok, out, _) = run(&["check", &path]);
        assert!(!ok, "{name} passed");
        let line = out.lines().next().unwrap_or_default();
        assert!(line.starts_with(&format!("{path}:")), "{name}: {out}");
        assert!(line.contains(message), "{name}: {out}");
        // The line number points at the line with the mistake.
        let number: usize = line[path.len() + 1..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let wrong = text.lines().nth(number - 1).unwrap();
        assert!(
            wrong.contains("findes-ikke") || wrong.contains("ondt i knæet"),
            "{name}: {wrong}"
        );
    }
    let good = write(
        dir.path(),
        "portal.ron",
        include_str!("../content/portal.ron"),
    );
    let (ok, out, err) = run(&["check", &good]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("1 fil er i orden"), "{out}");
}

/// `vejen-frem [ARGS] --help` in the language asked for by `--lang` or `LANG`.
fn help(args: &[&str], lang: &str) -> String {
    let out = std::process::Command::new(common::BIN)
        .args(args)
        .arg("--help")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("the program runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric()).collect()
}

/// `--help` speaks one language at a time: English with `--lang en` or an English locale,
/// with no Danish word of the interface left; Danish by default, with none of clap's
/// English words ("Usage", "Print help", "[OPTIONS]", "possible values").
#[test]
fn the_help_of_every_command_is_in_one_language() {
    let danish = [
        "Vis",
        "Brug",
        "Tilvalg",
        "Kommandoer",
        "Argumenter",
        "MAPPE",
        "FIL",
        "Mappe",
        "Filen",
        "eller",
        "og",
        "til",
        "der",
        "ikke",
        "redskab",
        "redskabet",
        "forløb",
        "ellers",
    ];
    let english = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print",
        "possible",
        "env",
        "OPTIONS",
        "COMMAND",
        "the",
        "or",
    ];
    let commands: [&[&str]; 12] = [
        &[],
        &["export"],
        &["note"],
        &["check"],
        &["delete"],
        &["purge"],
        &["print"],
        &["sessions"],
        &["share"],
        &["import"],
        &["fhir"],
        &["fhir", "questionnaire"],
    ];
    for args in commands {
        let da = help(args, "C.UTF-8");
        let en = help(&[&["--lang", "en"], args].concat(), "da_DK.UTF-8");
        let by_locale = help(args, "en_GB.UTF-8");
        assert_eq!(en, by_locale, "--lang en and LANG=en_GB say the same");
        assert!(
            da.contains("Brug: vejen-frem") && da.contains("Vis hjælpen"),
            "{da}"
        );
        assert!(
            en.contains("Usage: vejen-frem") && en.contains("Print help"),
            "{en}"
        );
        for word in words(&da) {
            assert!(
                !english.contains(&word),
                "{args:?}: '{word}' in Danish:\n{da}"
            );
        }
        for word in words(&en) {
            assert!(
                !danish.contains(&word),
                "{args:?}: '{word}' in English:\n{en}"
            );
        }
    }
    // The command line goes before the locale.
    assert!(help(&["--lang", "da"], "en_GB.UTF-8").contains("Vis hjælpen"));
}

/// A command line that cannot be used is said in the language of the rest, not in clap's
/// English.
#[test]
fn a_wrong_command_line_is_refused_in_the_language_asked_for() {
    let (ok, _, err) = run(&["export", "x", "--format", "pdf"]);
    assert!(!ok);
    assert!(err.contains("»pdf« kan ikke bruges til --format"), "{err}");
    assert!(
        err.contains("html, md, txt") && err.contains("vejen-frem --help"),
        "{err}"
    );
    let (ok, _, err) = run(&["--lang", "en", "--bogus"]);
    assert!(!ok);
    assert!(
        err.contains("unknown option: --bogus. See vejen-frem --help."),
        "{err}"
    );
}

#[test]
fn output_cut_short_by_its_reader_ends_quietly() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().display().to_string();
    for args in [
        vec!["list"],
        vec!["check"],
        vec!["followups", "--data-dir", &dir],
        vec!["sessions", "--data-dir", &dir],
        vec!["print", "9", "--format", "txt"],
        vec!["fhir", "questionnaire", "10"],
    ] {
        let mut child = common::program()
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes before the program writes (`vejen-frem list | head -0`).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let errors = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {errors}");
        assert!(errors.is_empty(), "{args:?}: {errors}");
    }
}

#[test]
fn the_sessions_list_speaks_the_language_shown_and_its_json_stays_the_same() {
    use vejen_frem::core::catalog::{Catalog, builtin_sources};
    let data = tempfile::tempdir().unwrap();
    let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00+01:00").unwrap();
    let session = catalog
        .find("10")
        .unwrap()
        .new_session("20261120-080000-screening-0001".into(), now);
    let store = vejen_frem::store::sessions::Store::open(data.path()).unwrap();
    drop(store.create(&session).unwrap());
    let dir = data.path().display().to_string();
    let (_, danish, _) = run(&["sessions", "--data-dir", &dir]);
    let (_, english, _) = run(&["--lang", "en", "sessions", "--data-dir", &dir]);
    let (_, json, _) = run(&["--lang", "en", "sessions", "--json", "--data-dir", &dir]);
    assert!(danish.contains("kladde"), "{danish}");
    assert!(
        english.contains("draft") && !english.contains("kladde"),
        "{english}"
    );
    assert!(json.contains("\"status\": \"kladde\""), "{json}");
}

#[test]
fn the_settings_file_can_choose_english_and_the_command_line_goes_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(dir.path(), "settings.ron", "(language: \"en\")");
    let list = |extra: &[&str]| {
        let out = common::program()
            .args(extra)
            .args(["--config", &config, "list"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(list(&[]).contains("(Employee)"), "{}", list(&[]));
    assert!(list(&["--lang", "da"]).contains("(Medarbejder)"));
    let by_env = common::program()
        .env("VEJEN_FREM_CONFIG", &config)
        .arg("list")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&by_env.stdout).contains("(Employee)"));
}
