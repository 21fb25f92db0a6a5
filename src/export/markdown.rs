//! The document as Markdown. Everything the user typed is escaped, so it shows as the text
//! it is in any Markdown viewer (no links, no HTML).

use std::fmt::Write;

use super::{Block, Document};
use crate::texts::export as t;

/// Backslash-escapes the characters Markdown would act on, and keeps line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line break inside a paragraph: two spaces before the newline.
    out.replace('\n', "  \n")
}

/// A table cell: escaped, on one line.
fn cell(text: &str) -> String {
    escape(&text.replace('\n', " ")).replace("  \n", " ")
}

pub fn render(doc: &Document) -> String {
    let mut m = String::new();
    let _ = writeln!(
        m,
        "# {}\n\n*{}*\n",
        escape(&doc.title),
        escape(&doc.subtitle)
    );
    for (key, value) in &doc.facts {
        let _ = writeln!(m, "- **{}:** {}", escape(key), escape(value));
    }
    if !doc.facts.is_empty() {
        m.push('\n');
    }
    if let Some(notice) = &doc.notice {
        let _ = writeln!(m, "> {}\n", escape(notice));
    }
    if let Some(summary) = &doc.summary {
        let _ = writeln!(m, "## {}\n", escape(&summary.title));
        if summary.items.is_empty() {
            let _ = writeln!(m, "*{}*\n", escape(t::NOT_ANSWERED));
        }
        for (step, text) in &summary.items {
            let _ = writeln!(m, "### {}\n\n{}\n", escape(step), escape(text));
        }
    }
    for section in &doc.sections {
        let _ = writeln!(m, "## {}\n", escape(&section.title));
        for block in &section.blocks {
            block_md(&mut m, block, doc.blank);
        }
    }
    for who in &doc.signatures {
        let _ = writeln!(m, "{}: {LINE}  \n{}: {SHORT_LINE}\n", escape(who), t::DATE);
    }
    m.truncate(m.trim_end().len());
    m.push('\n');
    m
}

/// A line to write on, as escaped underscores.
const SHORT_LINE: &str = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";
const LINE: &str =
    "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";

fn block_md(m: &mut String, block: &Block, blank: bool) {
    match block {
        Block::Answer {
            question,
            lines,
            comment,
        } => {
            let _ = writeln!(m, "**{}**\n", escape(question));
            match (lines.is_empty(), blank) {
                (true, true) => {
                    let _ = writeln!(m, "{LINE}\n");
                }
                (true, false) => {
                    let _ = writeln!(m, "*{}*\n", escape(t::NOT_ANSWERED));
                }
                (false, _) => {
                    let _ = writeln!(m, "{}\n", escape(&lines.join("\n")));
                }
            }
            if let Some((label, text)) = comment {
                let text = if blank {
                    LINE.to_string()
                } else {
                    escape(text)
                };
                let _ = writeln!(m, "*{}:* {text}\n", escape(label));
            }
        }
        Block::Table {
            title,
            columns,
            rows,
        } => {
            if !title.is_empty() {
                let _ = writeln!(m, "**{}**\n", escape(title));
            }
            let header: Vec<String> = columns.iter().map(|c| cell(c)).collect();
            let _ = writeln!(m, "| {} |", header.join(" | "));
            let _ = writeln!(m, "|{}", " --- |".repeat(columns.len()));
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                let _ = writeln!(m, "| {} |", cells.join(" | "));
            }
            let spare = super::spare_rows(blank, rows.len());
            for _ in 0..spare {
                let _ = writeln!(m, "|{}", "   |".repeat(columns.len()));
            }
            m.push('\n');
        }
        Block::Checklist { title, items } => {
            if !title.is_empty() {
                let _ = writeln!(m, "**{}**\n", escape(title));
            }
            for (done, label, comment) in items {
                let mark = if *done { "[x]" } else { "[ ]" };
                let comment = if comment.is_empty() {
                    String::new()
                } else {
                    format!(" – *{}*", escape(comment))
                };
                let _ = writeln!(m, "- {mark} {}{comment}", escape(label));
            }
            m.push('\n');
        }
        Block::Text { title, paragraphs } => {
            if !title.is_empty() {
                let _ = writeln!(m, "### {}\n", escape(title));
            }
            for p in paragraphs {
                let _ = writeln!(m, "{}\n", escape(p));
            }
        }
    }
}
