//! One self-contained HTML page laid out as the paper tool, with print CSS for A4. No
//! script, no external resource; everything the user typed is escaped.

use std::fmt::Write;

use super::{Block, Document};
use crate::texts::export as t;

const STYLE: &str = r#"
@page { size: A4; margin: 14mm 13mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.3;
       color: #111; max-width: 184mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 15pt; margin: 0 0 1pt; }
.subtitle { color: #444; margin: 0 0 5pt; }
.facts { color: #333; margin: 0 0 6pt; font-size: 8.5pt; }
.facts span { margin-right: 10pt; }
.notice { border: 1px solid #b00; color: #700; padding: 3pt 5pt; margin: 4pt 0; }
h2 { font-size: 11pt; border-bottom: 1px solid #888; margin: 9pt 0 3pt; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 5pt 0 1pt; break-after: avoid; }
.q { font-weight: bold; margin: 4pt 0 0; break-after: avoid; }
.a { margin: 0 0 0 8pt; white-space: pre-wrap; }
.empty { color: #777; font-style: italic; }
.comment { margin: 1pt 0 0 8pt; white-space: pre-wrap; }
.info p { margin: 2pt 0 2pt 8pt; white-space: pre-wrap; }
.line { border-bottom: 1px solid #999; height: 15pt; margin-left: 8pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2pt 0 4pt; }
th, td { border: 1px solid #888; padding: 2pt 3pt; vertical-align: top; text-align: left; white-space: pre-wrap; }
th { background: #eee; }
tr { break-inside: avoid; }
td.blank { height: 18pt; }
ul.check { list-style: none; padding-left: 8pt; margin: 2pt 0; }
.signatures { display: flex; gap: 10mm; margin-top: 16pt; break-inside: avoid; }
.signature { flex: 1; }
.signature .sign-line { border-bottom: 1px solid #000; height: 22pt; }
@media screen { body { padding: 12mm; } }
"#;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn render(doc: &Document) -> String {
    let mut h = String::new();
    let e = escape;
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        e(&doc.title)
    );
    let _ = writeln!(
        h,
        "<h1>{}</h1>\n<p class=\"subtitle\">{}</p>",
        e(&doc.title),
        e(&doc.subtitle)
    );
    if !doc.facts.is_empty() {
        h.push_str("<p class=\"facts\">");
        for (key, value) in &doc.facts {
            let _ = write!(h, "<span><b>{}:</b> {}</span>", e(key), e(value));
        }
        h.push_str("</p>\n");
    }
    if let Some(notice) = &doc.notice {
        let _ = writeln!(h, "<p class=\"notice\">{}</p>", e(notice));
    }
    if let Some(summary) = &doc.summary {
        let _ = writeln!(h, "<h2>{}</h2>", e(&summary.title));
        if summary.items.is_empty() {
            let _ = writeln!(h, "<p class=\"a empty\">{}</p>", e(t::NOT_ANSWERED));
        }
        for (step, text) in &summary.items {
            let _ = writeln!(
                h,
                "<h3>{}</h3>\n<div class=\"info\"><p>{}</p></div>",
                e(step),
                e(text)
            );
        }
    }
    for section in &doc.sections {
        let _ = writeln!(h, "<h2>{}</h2>", e(&section.title));
        for block in &section.blocks {
            block_html(&mut h, block, doc.blank);
        }
    }
    if !doc.signatures.is_empty() {
        h.push_str("<div class=\"signatures\">\n");
        for who in &doc.signatures {
            let _ = writeln!(
                h,
                "<div class=\"signature\"><div class=\"sign-line\"></div>{}</div>\n<div class=\"signature\"><div class=\"sign-line\"></div>{}</div>",
                e(who),
                e(t::DATE)
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

fn block_html(h: &mut String, block: &Block, blank: bool) {
    let e = escape;
    match block {
        Block::Answer {
            question,
            lines,
            comment,
        } => {
            let _ = writeln!(h, "<p class=\"q\">{}</p>", e(question));
            match (lines.is_empty(), blank) {
                (true, true) => h.push_str("<div class=\"line\"></div>\n"),
                (true, false) => {
                    let _ = writeln!(h, "<p class=\"a empty\">{}</p>", e(t::NOT_ANSWERED));
                }
                (false, _) => {
                    let _ = writeln!(h, "<p class=\"a\">{}</p>", e(&lines.join("\n")));
                }
            }
            if let Some((label, text)) = comment {
                if blank {
                    let _ = writeln!(
                        h,
                        "<p class=\"comment\"><i>{}:</i></p><div class=\"line\"></div>",
                        e(label)
                    );
                } else {
                    let _ = writeln!(
                        h,
                        "<p class=\"comment\"><i>{}:</i> {}</p>",
                        e(label),
                        e(text)
                    );
                }
            }
        }
        Block::Table {
            title,
            columns,
            rows,
        } => {
            if !title.is_empty() {
                let _ = writeln!(h, "<p class=\"q\">{}</p>", e(title));
            }
            h.push_str("<table>\n<tr>");
            for column in columns {
                let _ = write!(h, "<th>{}</th>", e(column));
            }
            h.push_str("</tr>\n");
            for row in rows {
                h.push_str("<tr>");
                for cell in row {
                    let _ = write!(h, "<td>{}</td>", e(cell));
                }
                h.push_str("</tr>\n");
            }
            // Empty rows to write in on paper.
            let spare = super::spare_rows(blank, rows.len());
            for _ in 0..spare {
                h.push_str("<tr>");
                for _ in columns {
                    h.push_str("<td class=\"blank\"></td>");
                }
                h.push_str("</tr>\n");
            }
            h.push_str("</table>\n");
        }
        Block::Checklist { title, items } => {
            if !title.is_empty() {
                let _ = writeln!(h, "<p class=\"q\">{}</p>", e(title));
            }
            h.push_str("<ul class=\"check\">\n");
            for (done, label, comment) in items {
                let mark = if *done { "☑" } else { "☐" };
                let comment = if comment.is_empty() {
                    String::new()
                } else {
                    format!(" – <i>{}</i>", e(comment))
                };
                let _ = writeln!(h, "<li>{mark} {}{comment}</li>", e(label));
            }
            h.push_str("</ul>\n");
        }
        Block::Text { title, paragraphs } => {
            if !title.is_empty() {
                let _ = writeln!(h, "<h3>{}</h3>", e(title));
            }
            h.push_str("<div class=\"info\">");
            for p in paragraphs {
                let _ = write!(h, "<p>{}</p>", e(p));
            }
            h.push_str("</div>\n");
        }
    }
}
