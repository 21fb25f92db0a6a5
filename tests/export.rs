//! Exported documents: golden files of filled tools in every format, private fields kept out
//! of the employer's copy, escaping, blank forms, the command line, and the printed page.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::process::Command;

use chrono::NaiveDate;

use common::fill::{fill_all, walk};
use common::{definition_texts, run, words};
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::definition::{Field, Kind, Tool};
use vejen_frem::core::place::{FieldAt, Part, Place};
use vejen_frem::core::session::{Change, Event, Session, Status};
use vejen_frem::export::{self, Format, Recipient};
use vejen_frem::store::sessions::{SessionLock, Store};

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

/// Marks a session completed on 22-11-2026 at 11:00, as the review does.
fn complete(session: &mut Session) {
    session.status = Status::Completed;
    session.history.push(Event {
        at: chrono::DateTime::parse_from_rfc3339("2026-11-22T11:00:00+01:00").unwrap(),
        change: Change::Completed,
    });
}

#[test]
fn only_a_completed_agreement_has_signature_lines_and_a_reopened_one_is_not_called_finished() {
    let (tool, mut session) = filled("3", answer);
    let signatures = |session: &Session, recipient| {
        export::document(&tool, session, recipient, today()).signatures
    };
    // A draft: no lines to sign, and it says why.
    assert!(signatures(&session, Recipient::Employee).is_empty());
    let draft =
        export::document(&tool, &session, Recipient::Employer, today()).render(Format::Text);
    assert!(words(&draft).contains("ikke til underskrift"), "{draft}");
    complete(&mut session);
    assert_eq!(signatures(&session, Recipient::Employee), tool.signatures);
    assert_eq!(signatures(&session, Recipient::Employer), tool.signatures);
    // The patient record's copy is not signed.
    assert!(signatures(&session, Recipient::Record).is_empty());
    // Reopened: a draft again, with its history, and nothing to sign.
    session.status = vejen_frem::core::session::Status::Draft;
    session.history.push(Event {
        at: chrono::DateTime::parse_from_rfc3339("2026-11-23T09:30:00+01:00").unwrap(),
        change: Change::Reopened,
    });
    assert!(signatures(&session, Recipient::Employee).is_empty());
    for format in FORMATS {
        let text = export::document(&tool, &session, Recipient::Employee, today()).render(format);
        let said = words(&text);
        assert!(
            said.contains("kladde genåbnet 23 11 2026"),
            "{format:?}: {text}"
        );
        assert!(
            said.contains("færdig 22 11 2026 11 00 genåbnet 23 11 2026 09 30"),
            "{format:?}: {text}"
        );
        // (In HTML the status' label is in bold: "status b færdig".)
        assert!(!said.contains("status færdig") && !said.contains("status b færdig"));
    }
}

fn answer(field: &str) -> String {
    format!("Svar til {field} – æøå")
}

#[test]
fn golden_files_of_filled_tools() {
    for tool in ["3", "9", "10", "12"] {
        let (tool, mut session) = filled(tool, answer);
        // The agreement and the policy as they are signed: completed.
        if !tool.signatures.is_empty() {
            complete(&mut session);
        }
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
            .map(|b| b.title.as_str())
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

/// Every text a tool's definition gives, and the titles of the tools it points to: what a
/// blank form must hold.
fn form_texts(tool: &Tool, catalog: &Catalog) -> Vec<String> {
    let mut texts = definition_texts(tool);
    for field in tool.fields() {
        if let Kind::Link { tool } = &field.kind {
            texts.push(catalog.get(tool).unwrap().tool.title.clone());
        }
    }
    texts.iter().map(|t| words(t)).collect()
}

/// An HTML page's text, without tags.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html
        .split("<style>")
        .next()
        .unwrap_or_default()
        .chars()
        .chain(html.split("</style>").nth(1).unwrap_or_default().chars())
    {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Plain text with its grids read column by column, as a reader reads a cell.
fn ungrid(text: &str) -> String {
    let mut out = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with('+') {
            out.append(&mut cells);
        } else if let Some(row) = line.strip_prefix('|') {
            let parts: Vec<&str> = row.trim_end_matches('|').split('|').collect();
            cells.resize(parts.len().max(cells.len()), String::new());
            for (cell, part) in cells.iter_mut().zip(parts) {
                cell.push(' ');
                cell.push_str(part.trim());
            }
        } else {
            out.push(line.to_string());
        }
    }
    out.join("\n")
}

/// A blank form holds everything the definition says, in every format: the introduction,
/// steps, guidance, questions, help, the report's examples, options, columns, checklist
/// items and their groups, suggested responses, the template, the tools pointed to and the
/// signature lines.
#[test]
fn a_blank_form_holds_every_text_of_the_definition_in_every_format() {
    let catalog = catalog();
    for entry in &catalog.entries {
        let form = export::blank_form(&entry.tool, &catalog, today());
        for format in FORMATS {
            let rendered = form.render(format);
            let shown = words(&match format {
                Format::Html => html_text(&rendered),
                Format::Markdown => rendered.replace('\\', ""),
                Format::Text => ungrid(&rendered),
            });
            for text in form_texts(&entry.tool, &catalog) {
                assert!(
                    shown.contains(&text),
                    "{} as {format:?} lacks »{text}«",
                    entry.tool.id
                );
            }
        }
    }
}

/// What the screen shows as boxes and lines is on paper too: tick boxes where the report
/// asks for them, options to tick, numbered steps, rows to write in.
#[test]
fn a_blank_form_has_boxes_to_tick_numbered_steps_and_rows_to_write_in() {
    let catalog = catalog();
    let form = |n: &str, format| {
        export::blank_form(&catalog.find(n).unwrap().tool, &catalog, today()).render(format)
    };
    let agreement = form("3", Format::Text);
    assert!(agreement.contains("1. FØRSTE HÅNDTERING"), "{agreement}");
    assert!(agreement.contains("☐ Har medarbejderen søgt behandling?\n  ☐ Ja    ☐ Nej"));
    assert!(agreement.contains("☐ Kommunikation med medarbejderen er dokumenteret i MSB-loggen."));
    assert!(
        agreement
            .contains("| Uge | Mandag | Tirsdag | Onsdag | Torsdag | Fredag | Lørdag | Søndag |")
    );
    assert!(agreement.contains("Underskrift leder: ____"));
    let screening = form("10", Format::Text);
    assert!(screening.contains("☐ Ja    ☐ Nej    ☐ Ved ikke"));
    assert!(
        screening.contains("Ved svaret Nej eller Ved ikke:"),
        "{screening}"
    );
    let policy = form("9", Format::Markdown);
    assert!(policy.contains("*Formål og synlighed*\n\n- [ ] Arbejdspladsen beskriver"));
    // The action points the report gives as text are there, not only their boxes.
    let actions = form("11", Format::Text);
    assert!(actions.contains("Fortæl patienten, at hvis man holder sig i gang"));
    // Every line of a text grid is within the page's 72 columns.
    for entry in &catalog.entries {
        let text = form(&entry.tool.id, Format::Text);
        assert!(text.lines().all(|l| l.chars().count() <= 72), "{text}");
    }
}

/// A data folder in `dir` with a filled MSB-aftale (Redskab 6) in it, open as in a window.
fn stored_agreement(dir: &std::path::Path) -> (std::path::PathBuf, Session, SessionLock) {
    let data = dir.join("data");
    let store = Store::open(&data).unwrap();
    let (_, session) = filled("6", answer);
    let lock = store.create(&session).unwrap();
    (data, session, lock)
}

#[test]
fn the_export_command_writes_owner_only_files_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let (data, session, _lock) = stored_agreement(dir.path());
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

/// An English export: its headings and notes in English, the tool's questions and the
/// answers the tool offers in the report's Danish; the HTML says which is which.
#[test]
fn an_english_export_has_english_headings_around_the_danish_tool() {
    let dir = tempfile::tempdir().unwrap();
    let (data, session, _lock) = stored_agreement(dir.path());
    let data_arg = data.display().to_string();
    let english = |extra: &[&str]| {
        let args = [
            "--lang",
            "en",
            "--data-dir",
            &data_arg,
            "export",
            &session.id,
        ];
        run(&[&args[..], extra].concat())
    };
    let export = |format: &str| {
        let (ok, out, err) = english(&["--format", format, "--for", "employer", "-o", "-"]);
        assert!(ok, "{err}");
        out
    };
    let html = export("html");
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("<h1 lang=\"da\">MSB-aftale</h1>"), "{html}");
    assert!(
        html.contains("<p class=\"subtitle\">Tool 6 · Manager</p>"),
        "{html}"
    );
    assert!(html.contains("<b>Status:</b> draft") && html.contains("<b>Created:</b>"));
    assert!(
        html.contains("copy: confidential fields (e.g. the GP"),
        "{html}"
    );
    assert!(html.contains("<section lang=\"da\">"), "{html}");
    for (format, heading) in [("md", "Last changed"), ("txt", "Last changed")] {
        let text = export(format);
        assert!(
            text.contains(heading) && text.contains("Tool 6 · Manager"),
            "{text}"
        );
        // (The tool's own "Leders navn" stays.)
        for danish in [
            "Oprettet",
            "Senest ændret",
            "Redskab 6",
            "· Leder",
            "kladde",
        ] {
            assert!(
                !text.contains(danish),
                "'{danish}' in the English {format}:\n{text}"
            );
        }
    }
    // The default file name says whom it is for in English too.
    let (ok, out, err) = english(&["--format", "md"]);
    assert!(
        ok && out.contains(&format!("{}-employee.md", session.id)),
        "{out}{err}"
    );
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

/// The report's introduction to the tools and its overview table print too, in every
/// format, with every row of the table.
#[test]
fn the_print_command_writes_the_introduction_and_overview() {
    for format in ["html", "md", "txt"] {
        let (ok, out, err) = run(&["print", "introduktion", "--format", format]);
        assert!(ok, "{err}");
        let text = words(&out);
        for wanted in [
            "I hånden har du en samling af",
            "Oversigt over redskaberne og deres tilsigtede brug",
            "Screening for barrierer for arbejdsfastholdelse",
            "Skabelon og checklist til MSB-politik",
        ] {
            assert!(text.contains(&words(wanted)), "{format}: {wanted}\n{out}");
        }
    }
    let (_, md, _) = run(&["print", "introduktion", "--format", "md"]);
    assert!(
        md.contains("| Dialog og problemløsning "),
        "the overview is a table:\n{md}"
    );
}

/// An HTML page printed by headless Chromium: its pages' text, and whether they are A4.
fn print_to_pdf(html: &str) -> (Vec<String>, bool) {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("side.html");
    let pdf = dir.path().join("side.pdf");
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
    let texts = (1..=pages)
        .map(|n| {
            let out = Command::new(common::require(&["pdftotext"], "poppler-utils"))
                .args(["-f", &n.to_string(), "-l", &n.to_string()])
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext runs");
            String::from_utf8_lossy(&out.stdout).into_owned()
        })
        .collect();
    (texts, info.contains("(A4)"))
}

/// The MSB-aftale printed from headless Chromium fits on two A4 pages and has the text.
#[test]
fn the_msb_agreement_prints_on_at_most_two_a4_pages() {
    let (tool, session) = filled("6", answer);
    let html = export::document(&tool, &session, Recipient::Employee, today()).render(Format::Html);
    let (pages, a4) = print_to_pdf(&html);
    assert!(
        pages.len() <= 2,
        "the agreement takes {} pages",
        pages.len()
    );
    assert!(a4, "A4 pages");
    assert!(
        pages.concat().contains("Svar til ansvarlig"),
        "the typed text is in the PDF:\n{pages:?}"
    );
}

/// The blank forms turn the page where the report's do: the MSB-aftale and the MSB-policy
/// on two A4 pages, the second starting as the report's "Side 2 af 2".
#[test]
fn blank_forms_print_on_the_reports_pages() {
    let catalog = catalog();
    for (tool, second_page) in [
        ("3", "4. Opfølgning og evaluering"),
        ("6", "4. Opfølgning og evaluering"),
        ("9", "2. Udfyld skabelonen"),
    ] {
        let tool = &catalog.find(tool).unwrap().tool;
        let html = export::blank_form(tool, &catalog, today()).render(Format::Html);
        let (pages, a4) = print_to_pdf(&html);
        assert!(a4, "{}: A4 pages", tool.id);
        assert_eq!(pages.len(), 2, "{}: {pages:#?}", tool.id);
        assert!(
            pages[1].trim_start().starts_with(second_page),
            "{}: the second page starts with {second_page}:\n{}",
            tool.id,
            pages[1]
        );
    }
}
