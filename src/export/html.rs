//! One self-contained HTML page laid out as the paper tool, with print CSS for A4: questions
//! with lines to write on and boxes to tick, tables with empty rows, a step on a new page
//! where the report's form turns the page. No script, no external resource; everything
//! the user typed is escaped.

use std::fmt::Write;

use super::{Block, Content, Document, Item, Para};
use crate::texts::export as t;
use crate::texts::words::{TICKED, UNTICKED};
use crate::texts::{Language, language};

const STYLE: &str = r#"
@page { size: A4; margin: 12mm 13mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.28;
       color: #111; max-width: 184mm; margin: 0 auto; }
h1 { font-size: 14pt; margin: 0 0 1pt; }
.subtitle { color: #444; margin: 0 0 4pt; }
.facts { color: #333; margin: 0 0 5pt; font-size: 8.5pt; }
.facts span { margin-right: 10pt; }
.notice { border: 1px solid #b00; color: #700; padding: 3pt 5pt; margin: 4pt 0; }
.intro p, .guidance p, .text p, .prose p { margin: 0 0 3pt; white-space: pre-line; }
ul { margin: 1pt 0 3pt; padding-left: 14pt; }
.page { break-before: page; }
h2 { font-size: 10.5pt; border-bottom: 1px solid #888; margin: 8pt 0 3pt; break-after: avoid; }
h3 { font-size: 9pt; margin: 4pt 0 1pt; break-after: avoid; }
.block { margin: 4pt 0 0; break-inside: avoid; }
.q { font-weight: bold; margin: 0; }
.help, .when { color: #444; font-style: italic; margin: 0 0 0 8pt; }
.a { margin: 0 0 0 8pt; white-space: pre-wrap; }
.empty { color: #777; font-style: italic; }
.text { margin-left: 8pt; }
.row { display: flex; align-items: flex-end; gap: 4pt; }
.row .q, .row .label { flex: 0 1 auto; }
.fill { flex: 1 1 30%; min-width: 28%; border-bottom: 1px solid #999; min-height: 13pt; }
.line { border-bottom: 1px solid #999; height: 16pt; margin-left: 8pt; }
.entries { margin-left: 8pt; }
.example { color: #777; font-style: italic; }
.options { margin: 0 0 0 8pt; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2pt 0 3pt; }
th, td { border: 1px solid #888; padding: 2pt 3pt; vertical-align: top; text-align: left; white-space: pre-wrap; }
th { background: #eee; }
tr { break-inside: avoid; }
td.blank { height: 20pt; }
th.group { background: #f6f6f6; }
table.checklist td:last-child, table.checklist th:last-child { width: 32%; }
.signatures { display: grid; grid-template-columns: 2fr 1fr; column-gap: 10mm; margin-top: 14pt; break-inside: avoid; }
.sign-line { border-bottom: 1px solid #000; height: 20pt; }
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

/// The language of the tools' texts, said where they stand in a document whose own words
/// are English (for screen readers and hyphenation); nothing in a Danish one.
fn tool_lang() -> &'static str {
    match language() {
        Language::Danish => "",
        Language::English => " lang=\"da\"",
    }
}

/// The document's own language, said where its words stand among the tools' texts.
fn own_lang() -> &'static str {
    match language() {
        Language::Danish => "",
        Language::English => " lang=\"en\"",
    }
}

pub fn render(doc: &Document) -> String {
    let mut h = String::new();
    let e = escape;
    let da = tool_lang();
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        t::LANG,
        e(&doc.title)
    );
    let _ = writeln!(
        h,
        "<h1{da}>{}</h1>\n<p class=\"subtitle\">{}</p>",
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
    paras(&mut h, "intro", da, &doc.intro);
    if let Some(summary) = &doc.summary {
        let _ = writeln!(h, "<h2{da}>{}</h2>", e(&summary.title));
        if summary.items.is_empty() {
            let _ = writeln!(h, "<p class=\"a empty\">{}</p>", e(&t::NOT_ANSWERED));
        }
        for (step, text) in &summary.items {
            let _ = writeln!(h, "<h3{da}>{}</h3>", e(step));
            paras(&mut h, "text", da, text);
        }
    }
    for section in &doc.sections {
        let class = if section.new_page {
            " class=\"page\""
        } else {
            ""
        };
        let _ = writeln!(h, "<section{class}{da}>\n<h2>{}</h2>", e(&section.title));
        paras(&mut h, "guidance", "", &section.guidance);
        for block in &section.blocks {
            block_html(&mut h, block, doc.blank);
        }
        h.push_str("</section>\n");
    }
    if !doc.signatures.is_empty() {
        h.push_str("<div class=\"signatures\">\n");
        for who in &doc.signatures {
            let _ = writeln!(
                h,
                "<div{da}><div class=\"sign-line\"></div>{}</div><div><div class=\"sign-line\"></div>{}</div>",
                e(who),
                e(&t::DATE)
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// Paragraphs and bullets in a `div` of `class` (and `lang`); nothing when there are none.
fn paras(h: &mut String, class: &str, lang: &str, paras: &[Para]) {
    if paras.is_empty() {
        return;
    }
    let _ = write!(h, "<div class=\"{class}\"{lang}>");
    for para in paras {
        match para {
            Para::Text(text) => {
                let _ = write!(h, "<p>{}</p>", escape(text));
            }
            Para::Bullets(items) => {
                h.push_str("<ul>");
                for item in items {
                    let _ = write!(h, "<li>{}</li>", escape(item));
                }
                h.push_str("</ul>");
            }
        }
    }
    h.push_str("</div>\n");
}

/// The question, with its box when it has one.
fn question(block: &Block) -> String {
    escape(&format!("{}{}", block.mark(), block.title))
}

/// Options as boxes to tick, on one line.
fn options(options: &[String]) -> String {
    let boxes: Vec<String> = super::boxed(options).iter().map(|b| escape(b)).collect();
    format!("<p class=\"options\">{}</p>", boxes.join("&emsp;"))
}

/// A line to write on, with the report's example greyed on it.
fn fill(class: &str, example: &str) -> String {
    if example.is_empty() {
        format!("<div class=\"{class}\"></div>")
    } else {
        format!(
            "<div class=\"{class}\"><span class=\"example\">{}</span></div>",
            escape(example)
        )
    }
}

fn block_html(h: &mut String, block: &Block, blank: bool) {
    let e = escape;
    h.push_str("<div class=\"block\">\n");
    let title = !block.title.is_empty() || block.tick.is_some();
    // A short answer sits on the question's own line, as on the paper form.
    match &block.content {
        Content::Write { lines: 1, example } if title => {
            let _ = writeln!(
                h,
                "<div class=\"row\"><p class=\"q\">{}</p>{}</div>",
                question(block),
                fill("fill", example)
            );
        }
        Content::Options(choices) if title => {
            let _ = writeln!(
                h,
                "<div class=\"row\"><p class=\"q\">{}</p>{}</div>",
                question(block),
                options(choices)
            );
        }
        _ if block.title.is_empty() && block.tick.is_none() => {}
        Content::Text(_) => {
            let _ = writeln!(h, "<h3>{}</h3>", question(block));
        }
        _ => {
            let _ = writeln!(h, "<p class=\"q\">{}</p>", question(block));
        }
    }
    if !block.help.is_empty() {
        let _ = writeln!(h, "<p class=\"help\">{}</p>", e(&block.help));
    }
    if !block.when.is_empty() {
        let _ = writeln!(h, "<p class=\"when\"{}>{}</p>", own_lang(), e(&block.when));
    }
    match &block.content {
        Content::Nothing => {}
        Content::Write { lines: 1, .. } | Content::Options(_) if title => {}
        Content::Write { lines, example } => {
            for i in 0..*lines {
                h.push_str(&fill("line", if i == 0 { example } else { "" }));
            }
            h.push('\n');
        }
        Content::Options(choices) => {
            let _ = writeln!(h, "{}", options(choices));
        }
        Content::Answer(lines) if lines.is_empty() => {
            let _ = writeln!(
                h,
                "<p class=\"a empty\"{}>{}</p>",
                own_lang(),
                e(&t::NOT_ANSWERED)
            );
        }
        Content::Answer(lines) => {
            let _ = writeln!(h, "<p class=\"a\">{}</p>", e(&lines.join("\n")));
        }
        Content::Entries(entries) => {
            h.push_str("<div class=\"entries\">");
            for (label, example) in entries {
                let _ = write!(
                    h,
                    "<div class=\"row\"><span class=\"label\">{}:</span>{}</div>",
                    e(label),
                    fill("fill", example)
                );
            }
            h.push_str("</div>\n");
        }
        Content::Table {
            columns,
            examples,
            rows,
            spare,
        } => {
            h.push_str("<table>\n<tr>");
            for (column, example) in columns.iter().zip(examples) {
                let _ = write!(h, "<th>{}", e(column));
                if !example.is_empty() {
                    let _ = write!(h, "<br><span class=\"example\">({})</span>", e(example));
                }
                h.push_str("</th>");
            }
            h.push_str("</tr>\n");
            for row in rows {
                h.push_str("<tr>");
                for cell in row {
                    let _ = write!(h, "<td>{}</td>", e(cell));
                }
                h.push_str("</tr>\n");
            }
            for _ in 0..*spare {
                h.push_str("<tr>");
                for _ in columns {
                    h.push_str("<td class=\"blank\"></td>");
                }
                h.push_str("</tr>\n");
            }
            h.push_str("</table>\n");
        }
        Content::Checklist(items) => checklist(h, items, blank),
        // Text under a heading is indented under it; running text is not.
        Content::Text(paragraphs) if title => paras(h, "text", "", paragraphs),
        Content::Text(paragraphs) => paras(h, "prose", "", paragraphs),
    }
    if let Some((label, text)) = &block.comment {
        if blank {
            let _ = writeln!(
                h,
                "<div class=\"row entries\"><span class=\"label\"><i>{}:</i></span>{}</div>",
                e(label),
                fill("fill", "")
            );
        } else {
            let _ = writeln!(h, "<p class=\"a\"><i>{}:</i> {}</p>", e(label), e(text));
        }
    }
    h.push_str("</div>\n");
}

/// A checklist as a table: each item with its box and room for a comment, under its group.
fn checklist(h: &mut String, items: &[Item], blank: bool) {
    let e = escape;
    h.push_str("<table class=\"checklist\">\n");
    let mut group = None;
    for item in items {
        if group != Some(&item.group) && !item.group.is_empty() {
            let _ = writeln!(
                h,
                "<tr><th class=\"group\">{}</th><th class=\"group\"{}>{}</th></tr>",
                e(&item.group),
                own_lang(),
                e(&crate::texts::ui::COMMENT)
            );
        }
        group = Some(&item.group);
        let mark = if item.done { TICKED } else { UNTICKED };
        let class = if blank { " class=\"blank\"" } else { "" };
        let _ = writeln!(
            h,
            "<tr><td>{mark} {}</td><td{class}>{}</td></tr>",
            e(&item.label),
            e(&item.comment)
        );
    }
    h.push_str("</table>\n");
}
