//! The document as Markdown, readable as it is: tables as aligned grids. Everything the user
//! typed is escaped, so it shows as the text it is in any Markdown viewer (no links, no
//! HTML).

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::{Block, Content, Document, Para};
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

/// A line to write on, as escaped underscores, and a short one.
const LINE: &str =
    "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";
const SHORT_LINE: &str = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";

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
    paras(&mut m, &doc.intro);
    if let Some(summary) = &doc.summary {
        let _ = writeln!(m, "## {}\n", escape(&summary.title));
        if summary.items.is_empty() {
            let _ = writeln!(m, "*{}*\n", escape(&t::NOT_ANSWERED));
        }
        for (step, text) in &summary.items {
            let _ = writeln!(m, "### {}\n", escape(step));
            paras(&mut m, text);
        }
    }
    for section in &doc.sections {
        let _ = writeln!(m, "## {}\n", escape(&section.title));
        paras(&mut m, &section.guidance);
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

fn paras(m: &mut String, paras: &[Para]) {
    for para in paras {
        match para {
            Para::Text(text) => {
                let _ = writeln!(m, "{}\n", escape(text));
            }
            Para::Bullets(items) => {
                for item in items {
                    let _ = writeln!(m, "- {}", escape(item));
                }
                m.push('\n');
            }
        }
    }
}

/// A line to write on, the report's example greyed (in italics) on it.
fn write_line(example: &str) -> String {
    if example.is_empty() {
        LINE.to_string()
    } else {
        format!("*{}* {SHORT_LINE}", escape(example))
    }
}

fn block_md(m: &mut String, block: &Block, blank: bool) {
    let mark = block.mark();
    if !block.title.is_empty() || !mark.is_empty() {
        let _ = writeln!(m, "**{mark}{}**\n", escape(&block.title));
    }
    if !block.help.is_empty() {
        let _ = writeln!(m, "*{}*\n", escape(&block.help));
    }
    if !block.when.is_empty() {
        let _ = writeln!(m, "*{}*\n", escape(&block.when));
    }
    match &block.content {
        Content::Nothing => {}
        Content::Write { lines, example } => {
            let rows: Vec<String> = (0..*lines)
                .map(|i| write_line(if i == 0 { example } else { "" }))
                .collect();
            let _ = writeln!(m, "{}\n", rows.join("  \n"));
        }
        Content::Options(options) => {
            let _ = writeln!(m, "{}\n", escape(&super::boxed(options).join("    ")));
        }
        Content::Answer(lines) if lines.is_empty() => {
            let _ = writeln!(m, "*{}*\n", escape(&t::NOT_ANSWERED));
        }
        Content::Answer(lines) => {
            let _ = writeln!(m, "{}\n", escape(&lines.join("\n")));
        }
        Content::Entries(entries) => {
            let rows: Vec<String> = entries
                .iter()
                .map(|(label, example)| format!("{}: {}", escape(label), write_line(example)))
                .collect();
            let _ = writeln!(m, "{}\n", rows.join("  \n"));
        }
        Content::Table {
            columns,
            examples,
            rows,
            spare,
        } => {
            let mut all: Vec<Vec<String>> = rows
                .iter()
                .map(|r| r.iter().map(|c| cell(c)).collect())
                .collect();
            all.extend(std::iter::repeat_n(
                vec![String::new(); columns.len()],
                *spare,
            ));
            let header: Vec<String> = columns
                .iter()
                .zip(examples)
                .map(|(column, example)| match example.is_empty() {
                    true => cell(column),
                    false => format!("{} *({})*", cell(column), cell(example)),
                })
                .collect();
            table(m, &header, &all);
        }
        Content::Checklist(items) => {
            let mut group = None;
            for item in items {
                if group != Some(&item.group) && !item.group.is_empty() {
                    if !m.ends_with("\n\n") {
                        m.push('\n');
                    }
                    let _ = writeln!(m, "*{}*\n", escape(&item.group));
                }
                group = Some(&item.group);
                let mark = if item.done { "[x]" } else { "[ ]" };
                let comment = match (blank, item.comment.is_empty()) {
                    (true, _) => format!(" – {}: {SHORT_LINE}", crate::texts::ui::COMMENT),
                    (false, true) => String::new(),
                    (false, false) => format!(" – *{}*", escape(&item.comment)),
                };
                let _ = writeln!(m, "- {mark} {}{comment}", escape(&item.label));
            }
            m.push('\n');
        }
        Content::Text(text) => paras(m, text),
    }
    if let Some((label, text)) = &block.comment {
        let text = if blank {
            LINE.to_string()
        } else {
            escape(text)
        };
        let _ = writeln!(m, "*{}:* {text}\n", escape(label));
    }
}

/// A pipe table with its columns padded to one width, so it reads as a grid as it is.
fn table(m: &mut String, header: &[String], rows: &[Vec<String>]) {
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .chain([&header[c]])
                .map(|t| t.width())
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(c, w)| {
                let text = cells.get(c).map_or("", String::as_str);
                format!("{text}{}", " ".repeat(w.saturating_sub(text.width())))
            })
            .collect();
        format!("| {} |", padded.join(" | "))
    };
    let _ = writeln!(m, "{}", line(header));
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let _ = writeln!(m, "| {} |", rule.join(" | "));
    for row in rows {
        let _ = writeln!(m, "{}", line(row));
    }
    m.push('\n');
}
