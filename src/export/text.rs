//! Plain text wrapped at 72 columns, for pasting into a patient record: the tool, date and
//! status at the top.

use super::{Block, Document};
use crate::texts::export as t;
use crate::wrap::wrap;

const WIDTH: usize = 72;

struct Out(String);

impl Out {
    /// Wrapped text; `first` starts the first row, `rest` the others.
    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        let width = WIDTH
            .saturating_sub(first.chars().count().max(rest.chars().count()))
            .max(20);
        for paragraph in text.split('\n') {
            for (i, row) in wrap(paragraph, width).into_iter().enumerate() {
                let lead = if i == 0 { first } else { rest };
                self.0.push_str(format!("{lead}{row}").trim_end());
                self.0.push('\n');
            }
        }
    }

    fn line(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push('\n');
    }

    fn blank(&mut self) {
        if !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
    }

    fn heading(&mut self, text: &str, underline: char) {
        self.blank();
        let upper = text.to_uppercase();
        self.wrapped(&upper, "", "");
        let width = wrap(&upper, WIDTH)
            .iter()
            .map(|r| r.chars().count())
            .max()
            .unwrap_or(0);
        self.line(&underline.to_string().repeat(width));
    }
}

pub fn render(doc: &Document) -> String {
    let mut out = Out(String::new());
    out.wrapped(&format!("{} – {}", doc.subtitle, doc.title), "", "");
    let facts: Vec<String> = doc.facts.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    if !facts.is_empty() {
        out.wrapped(&facts.join(" · "), "", "");
    }
    out.line(&"=".repeat(WIDTH));
    if let Some(notice) = &doc.notice {
        out.wrapped(notice, "! ", "  ");
    }
    if let Some(summary) = &doc.summary {
        out.heading(&summary.title, '-');
        if summary.items.is_empty() {
            out.line(t::NOT_ANSWERED);
        }
        for (step, text) in &summary.items {
            out.wrapped(step, "* ", "  ");
            out.wrapped(text, "    ", "    ");
        }
    }
    for section in &doc.sections {
        out.heading(&section.title, '-');
        for block in &section.blocks {
            block_text(&mut out, block, doc.blank);
            out.blank();
        }
    }
    for who in &doc.signatures {
        out.blank();
        out.line(&format!(
            "{who}: ______________________  {}: __________",
            t::DATE
        ));
    }
    let mut text = out.0.trim_end().to_string();
    text.push('\n');
    text
}

fn block_text(out: &mut Out, block: &Block, blank: bool) {
    match block {
        Block::Answer {
            question,
            lines,
            comment,
        } => {
            out.wrapped(question, "", "");
            match (lines.is_empty(), blank) {
                (true, true) => {
                    out.line("  ______________________________________________________")
                }
                (true, false) => out.line(&format!("  {}", t::NOT_ANSWERED)),
                (false, _) => out.wrapped(&lines.join("\n"), "  ", "  "),
            }
            if let Some((label, text)) = comment {
                let text = if blank {
                    "______________________________"
                } else {
                    text.as_str()
                };
                out.wrapped(&format!("{label}: {text}"), "  ", "    ");
            }
        }
        Block::Table {
            title,
            columns,
            rows,
        } => {
            if !title.is_empty() {
                out.wrapped(title, "", "");
            }
            if rows.is_empty() && !blank {
                out.line(&format!("  {}", t::NO_ROWS));
            }
            for (n, row) in rows.iter().enumerate() {
                out.line(&format!("  {}.", n + 1));
                for (column, value) in columns.iter().zip(row) {
                    if !value.is_empty() || blank {
                        out.wrapped(&format!("{column}: {value}"), "     ", "       ");
                    }
                }
            }
            if blank {
                for column in columns {
                    out.wrapped(
                        &format!("{column}: ______________________"),
                        "     ",
                        "       ",
                    );
                }
            }
        }
        Block::Checklist { title, items } => {
            if !title.is_empty() {
                out.wrapped(title, "", "");
            }
            for (done, label, comment) in items {
                let mark = if *done { "[x] " } else { "[ ] " };
                let comment = if comment.is_empty() {
                    String::new()
                } else {
                    format!(" – {comment}")
                };
                out.wrapped(&format!("{label}{comment}"), &format!("  {mark}"), "      ");
            }
        }
        Block::Text { title, paragraphs } => {
            if !title.is_empty() {
                out.wrapped(title, "", "");
            }
            for p in paragraphs {
                out.wrapped(p, "  ", "  ");
            }
        }
    }
}
