//! Exported documents: golden files of filled tools in every format, private fields kept out
//! of the employer's copy, escaping, blank forms, the command line, and the printed page.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::process::Command;

use chrono::NaiveDate;

use common::fill::{fill_all, walk};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::definition::{Field, Kind, Tool};
use vejen_frem::core::place::{FieldAt, Part, Place};
use vejen_frem::core::session::Session;
use vejen_frem::export::{self, Block, Format, Recipient};
use vejen_frem::store::sessions::Store;

const FORMATS: [Format; 3] = [Format::Html, Format::Markdown, Format::Text];

fn catalog() -> Catalog {
    Catalog::load(&builtin_sources(), &[]).0
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A session of `tool` with every field filled; text answers name their field. A template
/// keeps the report's wording, but for its second paragraph, which the workplace adapted.
fn filled(tool: &str, text: impl Fn(&str) -> String) -> (Tool, Session) {
    let catalog = catalog();
    let entry = catalog.find(tool).unwrap();
    let mut w = walk(entry);
    fill_all(&mut w, text);
    let templates: Vec<FieldAt> = w
        .answers()
        .fields()
        .filter(|(_, f)| matches!(f.kind, Kind::Template { .. }))
        .map(|(at, _)| at)
        .collect();
    for at in templates {
        w.goto_field(at);
        for place in w.field_places(at) {
            w.restore(place);
        }
        let second = Place::new(at, Part::Paragraph(1));
        w.set_text(second, "Tilpasset: {ansvarlig} hjælper med andre opgaver.")
            .unwrap();
    }
    (entry.tool.clone(), w.session().clone())
}

fn answer(field: &str) -> String {
    format!("Svar til {field} – æøå")
}

#[test]
fn golden_files_of_filled_tools() {
    for tool in ["3", "9", "10", "12"] {
        let (tool, session) = filled(tool, answer);
        for format in FORMATS {
            for recipient in [Recipient::Employee, Recipient::Employer] {
                let text = export::document(&tool, &session, recipient, today()).render(format);
                let name =
                    format!("{}_{recipient:?}.{}", tool.id, format.extension()).to_lowercase();
                insta::assert_snapshot!(name, text);
            }
        }
    }
}

#[test]
fn a_private_field_never_reaches_the_employers_copy() {
    let mut tools_with_private = 0;
    for entry in catalog().entries {
        let tool = &entry.tool;
        let private: Vec<&Field> = tool.fields().filter(|f| tool.is_private(f)).collect();
        tools_with_private += usize::from(!private.is_empty());
        let (_, session) = filled(&tool.id, |id| {
            if tool.field(id).is_some_and(|f| tool.is_private(f)) {
                format!("PRIVAT-{id}")
            } else {
                answer(id)
            }
        });
        let doc = export::document(tool, &session, Recipient::Employer, today());
        let titles: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| match b {
                Block::Answer { question, .. } => question.as_str(),
                Block::Table { title, .. }
                | Block::Checklist { title, .. }
                | Block::Text { title, .. } => title.as_str(),
            })
            .collect();
        for field in &private {
            assert!(
                !titles.contains(&field.label.as_str()) || field.label.is_empty(),
                "{}: {} in the employer's copy",
                tool.id,
                field.id
            );
        }
        for format in FORMATS {
            let text = doc.render(format);
            assert!(
                !text.contains("PRIVAT-"),
                "{}: private text in the employer's {format:?} copy",
                tool.id
            );
        }
        // The employee's copy has everything.
        let own =
            export::document(tool, &session, Recipient::Employee, today()).render(Format::Text);
        if private
            .iter()
            .any(|f| matches!(f.kind, vejen_frem::core::definition::Kind::LongText))
        {
            assert!(own.contains("PRIVAT-"), "{}", tool.id);
        }
    }
    assert!(
        tools_with_private >= 3,
        "the screening, action points and MSB-aftaler have private fields"
    );
}

#[test]
fn everything_typed_is_escaped() {
    let (tool, session) = filled("12", |_| {
        "<script>alert(1)</script> & \"citat\" *fed* [link](x)".into()
    });
    let html = export::document(&tool, &session, Recipient::Employee, today()).render(Format::Html);
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;"));
    assert!(
        !html.contains("<link") && !html.contains("src=") && !html.contains("http"),
        "no external resource"
    );
    let md =
        export::document(&tool, &session, Recipient::Employee, today()).render(Format::Markdown);
    assert!(
        md.contains("\\<script\\>alert(1)\\</script\\> \\& \"citat\" \\*fed\\* \\[link\\](x)"),
        "{md}"
    );
}

#[test]
fn plain_text_is_wrapped_at_72_columns_with_tool_date_and_status_on_top() {
    let (tool, session) = filled("12", |_| "Et langt svar ".repeat(20));
    let text = export::document(&tool, &session, Recipient::Record, today()).render(Format::Text);
    assert!(text.lines().all(|l| l.chars().count() <= 72), "{text}");
    let head: String = text.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(head.contains("Redskab 12"), "{head}");
    assert!(head.contains("Status: kladde"), "{head}");
    assert!(head.contains("Oprettet: 22-11-2026"), "{head}");
}

#[test]
fn blank_forms_have_boxes_and_lines_for_every_field() {
    // Letters and digits only, so escaping and wrapping do not matter.
    let plain = |t: &str| -> String {
        t.split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for entry in catalog().entries {
        for format in FORMATS {
            let text = plain(&export::blank_form(&entry.tool, today()).render(format));
            // Links are buttons on the screen, not part of the paper form.
            let printed = |f: &&Field| !f.label.is_empty() && !matches!(f.kind, Kind::Link { .. });
            for field in entry.tool.fields().filter(printed) {
                let words: Vec<String> = plain(&field.label)
                    .split(' ')
                    .take(3)
                    .map(str::to_string)
                    .collect();
                assert!(
                    text.contains(&words.join(" ")),
                    "{} {format:?}: {} missing",
                    entry.tool.id,
                    field.id
                );
            }
        }
    }
    let screening =
        export::blank_form(&catalog().find("10").unwrap().tool, today()).render(Format::Text);
    assert!(screening.contains("☐ Ja    ☐ Nej    ☐ Ved ikke"));
}

const BIN: &str = env!("CARGO_BIN_EXE_vejen-frem");

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn the_export_command_writes_owner_only_files_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    let (_, session) = filled("6", answer);
    let _lock = store.create(&session).unwrap();
    let data_arg = data.display().to_string();
    let export = |extra: &[&str]| {
        let args = [&["--data-dir", data_arg.as_str(), "export"][..], extra].concat();
        run(&args)
    };
    // A prefix of the id is enough.
    let (ok, out, err) = export(&[&session.id[..20], "--format", "html", "--for", "employer"]);
    assert!(ok, "{err}");
    let path = data
        .join("exports")
        .join(format!("{}-arbejdsgiver.html", session.id));
    assert!(out.contains(&path.display().to_string()), "{out}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let (ok, _, err) = export(&[&session.id, "--format", "html", "--for", "employer"]);
    assert!(!ok && err.contains("findes allerede"), "{err}");
    let (ok, _, err) = export(&[
        &session.id,
        "--format",
        "html",
        "--for",
        "employer",
        "--force",
    ]);
    assert!(ok, "{err}");
    let own = dir.path().join("aftale.txt");
    let (ok, _, err) = export(&[
        &session.id,
        "--format",
        "txt",
        "-o",
        &own.display().to_string(),
    ]);
    assert!(ok, "{err}");
    assert!(
        std::fs::read_to_string(&own)
            .unwrap()
            .contains("MSB-AFTALE")
    );
    // No half files or temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(data.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn the_print_command_writes_a_blank_form() {
    let (ok, out, err) = run(&["print", "screening", "--format", "md"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("# Screening for barrierer for arbejdsfastholdelse"),
        "{out}"
    );
    let (ok, _, err) = run(&["print", "99", "--format", "md"]);
    assert!(!ok && err.contains("intet redskab"), "{err}");
}

/// The MSB-aftale printed from headless Chromium fits on two A4 pages and has the text.
#[test]
fn the_msb_agreement_prints_on_at_most_two_a4_pages() {
    let (tool, session) = filled("6", answer);
    let html = export::document(&tool, &session, Recipient::Employee, today()).render(Format::Html);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("aftale.html");
    let pdf = dir.path().join("aftale.pdf");
    std::fs::write(&page, html).unwrap();
    let chromium = common::require(
        &["chromium", "chromium-browser", "google-chrome"],
        "chromium",
    );
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("Chromium runs");
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let info = Command::new(common::require(&["pdfinfo"], "poppler-utils"))
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo tells the page count");
    assert!(pages <= 2, "the agreement takes {pages} pages");
    assert!(info.contains("(A4)"), "A4 pages: {info}");
    let text = Command::new(common::require(&["pdftotext"], "poppler-utils"))
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Svar til ansvarlig"),
        "the typed text is in the PDF:\n{text}"
    );
}
