//! FHIR R4: every tool as a Questionnaire and a filled session of it as a
//! QuestionnaireResponse, read by a maintained FHIR model (the Python package
//! fhir.resources; `tests/fhir_check.py` says why that one) and written back unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use common::fill::{fill_all, walk};
use common::run;
use serde_json::Value;
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::export::Recipient;
use vejen_frem::export::fhir::{json, questionnaire, response};

/// The version of the model the check is made with; `.ci/run` installs it.
const MODEL: &str = "fhir.resources==8.3.0";

fn catalog() -> Catalog {
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Python with fhir.resources, or a failed test that says how to get it.
fn python() -> String {
    let python = common::require(&["python3"], "python3");
    let found = Command::new(&python)
        .args(["-c", "import fhir.resources.R4B.questionnaire"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "this test needs the Python package fhir.resources, which is not installed here: run \
         `bash .ci/run` (it installs what is missing) or `python3 -m pip install '{MODEL}'`"
    );
    python
}

/// Runs the check on the files; fails the test with what the model said.
fn check(files: &[std::path::PathBuf]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fhir_check.py");
    let out = Command::new(python())
        .arg(script)
        .args(files)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(said.lines().count(), files.len(), "{said}");
}

#[test]
fn every_tool_and_a_filled_session_of_it_read_back_unchanged_by_a_fhir_model() {
    let catalog = catalog();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for entry in &catalog.entries {
        let tool = &entry.tool;
        let path = dir.path().join(format!("{}-questionnaire.json", tool.id));
        std::fs::write(&path, json(&questionnaire(tool))).unwrap();
        files.push(path);
        let mut walk = walk(entry);
        fill_all(&mut walk, |id| format!("Svar til {id}"));
        for recipient in [Recipient::Employee, Recipient::Employer] {
            let path = dir.path().join(format!("{}-{recipient:?}.json", tool.id));
            let written = json(&response(tool, walk.session(), recipient, today()));
            std::fs::write(&path, written).unwrap();
            files.push(path);
        }
    }
    check(&files);
}

/// Every linkId of a Questionnaire, and the answers' (linkId, value) of a response.
fn link_ids(items: &Value, out: &mut Vec<String>) {
    for item in items.as_array().into_iter().flatten() {
        out.push(item["linkId"].as_str().unwrap().to_string());
        link_ids(&item["item"], out);
        for answer in item["answer"].as_array().into_iter().flatten() {
            link_ids(&answer["item"], out);
        }
    }
}

#[test]
fn the_response_refers_to_its_questionnaire_types_its_answers_and_follows_for() {
    let catalog = catalog();
    let entry = catalog.find("10").unwrap();
    let q: Value = serde_json::from_str(&json(&questionnaire(&entry.tool))).unwrap();
    let mut walk = walk(entry);
    fill_all(&mut walk, |id| format!("Svar til {id}"));
    let session = walk.session();
    let employee: Value = serde_json::from_str(&json(&response(
        &entry.tool,
        session,
        Recipient::Employee,
        today(),
    )))
    .unwrap();
    assert_eq!(
        employee["questionnaire"],
        format!(
            "{}|{}",
            q["url"].as_str().unwrap(),
            q["version"].as_str().unwrap()
        )
    );
    assert_eq!(employee["status"], "in-progress");
    assert_eq!(employee["authored"], "2026-11-22T10:00:00+01:00");
    // Every answered linkId is one of the Questionnaire's.
    let (mut asked, mut answered) = (Vec::new(), Vec::new());
    link_ids(&q["item"], &mut asked);
    link_ids(&employee["item"], &mut answered);
    for id in &answered {
        assert!(asked.contains(id), "{id} is not asked");
    }
    // The screening's barriers are private: the employer's copy holds none of them.
    let employer: Value = serde_json::from_str(&json(&response(
        &entry.tool,
        session,
        Recipient::Employer,
        today(),
    )))
    .unwrap();
    let mut for_employer = Vec::new();
    link_ids(&employer["item"], &mut for_employer);
    for id in &for_employer {
        let field = entry.tool.field(id.split(['.', '#']).next().unwrap());
        assert!(
            field.is_none_or(|f| !entry.tool.is_private(f)),
            "{id} reaches the employer"
        );
    }
    assert!(for_employer.len() < answered.len());
    // Typed: a choice as a coding with its label.
    let text = json(&response(
        &entry.tool,
        session,
        Recipient::Employee,
        today(),
    ));
    assert!(text.contains("\"valueCoding\""), "{text}");
}

#[test]
fn fhir_from_the_command_line_a_questionnaire_and_an_export() {
    let (ok, out, err) = run(&["fhir", "questionnaire", "6"]);
    assert!(ok, "{err}");
    let q: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(q["resourceType"], "Questionnaire");
    assert_eq!(q["url"], "urn:vejen-frem:questionnaire:msb-aftale-leder");
    let (ok, _, err) = run(&["fhir", "questionnaire", "99"]);
    assert!(!ok && err.contains("intet redskab"), "{err}");
    let (ok, _, err) = run(&["print", "6", "--format", "fhir"]);
    assert!(!ok && err.contains("fhir questionnaire"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let store = vejen_frem::store::sessions::Store::open(dir.path()).unwrap();
    let catalog = catalog();
    let mut walk = walk(catalog.find("6").unwrap());
    fill_all(&mut walk, |id| format!("Svar til {id}"));
    drop(store.create(walk.session()).unwrap());
    let data = dir.path().display().to_string();
    let id = &walk.session().id;
    let (ok, out, err) = run(&[
        "export",
        id,
        "--format",
        "fhir",
        "--for",
        "employer",
        "-o",
        "-",
        "--data-dir",
        &data,
    ]);
    assert!(ok, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["resourceType"], "QuestionnaireResponse");
    assert!(!out.contains("soegt-behandling"), "private, left out");
    let (ok, out, err) = run(&["export", id, "--format", "fhir", "--data-dir", &data]);
    assert!(ok, "{err}");
    assert!(out.contains(".fhir.json"), "{out}");
    let file = dir
        .path()
        .join("exports")
        .join(format!("{id}-medarbejder.fhir.json"));
    let written = std::fs::read_to_string(file).unwrap();
    assert!(
        written.contains("soegt-behandling"),
        "the employee's copy has it"
    );
    check(&[dir
        .path()
        .join("exports")
        .join(format!("{id}-medarbejder.fhir.json"))]);
}

/// An imported session's response says where it came from, and the model reads it back.
#[test]
fn an_imported_sessions_response_says_who_shared_it_when_and_its_original_id() {
    let catalog = catalog();
    let entry = catalog.find("1").unwrap();
    let mut walk = walk(entry);
    fill_all(&mut walk, |id| format!("Svar til {id}"));
    let mut session = walk.session().clone();
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    session.imported = Some(vejen_frem::core::session::Imported {
        from: "AMR Karin".into(),
        shared: at("2026-11-20T09:30:00+01:00"),
        original: "20261120-093000-dialog-medarbejder-0001".into(),
        at: at("2026-11-22T08:00:00+01:00"),
        left_out: Vec::new(),
    });
    let text = json(&response(
        &entry.tool,
        &session,
        Recipient::Employer,
        today(),
    ));
    let r: Value = serde_json::from_str(&text).unwrap();
    let said: Vec<(&str, &Value)> = r["extension"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["url"].as_str().unwrap(), e))
        .collect();
    assert_eq!(said.len(), 4, "{text}");
    assert_eq!(said[0].1["valueString"], "AMR Karin");
    assert_eq!(said[1].1["valueDateTime"], "2026-11-20T09:30:00+01:00");
    assert_eq!(
        said[2].1["valueString"],
        "20261120-093000-dialog-medarbejder-0001"
    );
    assert_eq!(said[3].1["valueDateTime"], "2026-11-22T08:00:00+01:00");
    // A session made here says nothing of the kind.
    let here = json(&response(
        &entry.tool,
        walk.session(),
        Recipient::Employer,
        today(),
    ));
    assert!(!here.contains("extension"), "{here}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("importeret.json");
    std::fs::write(&path, text).unwrap();
    check(&[path]);
}
