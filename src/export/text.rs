//! Plain text wrapped at 72 columns, for pasting into a patient record or printing as it
//! is: the tool, date and status at the top, tables as aligned grids.

use super::{Block, Content, Document, Para};
use crate::grid::grid;
use crate::texts::export as t;
use crate::wrap::wrap;
use unicode_width::UnicodeWidthStr;

pub(super) const WIDTH: usize = 72;
/// A line to write on, and a short one.
const LINE: &str = "______________________________________________________";
const SHORT_LINE: &str = "______________________";

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

    /// Paragraphs and bullets, indented by `indent`, a blank line between paragraphs.
    fn paras(&mut self, paras: &[Para], indent: &str) {
        for para in paras {
            match para {
                Para::Text(text) => self.wrapped(text, indent, indent),
                Para::Bullets(items) => {
                    for item in items {
                        self.wrapped(item, &format!("{indent}- "), &format!("{indent}  "));
                    }
                }
            }
            self.blank();
        }
    }

    /// A line to write on after `lead`, the report's example on it.
    fn write_line(&mut self, lead: &str, example: &str) {
        let room = WIDTH.saturating_sub(lead.width()).min(LINE.len());
        if example.is_empty() {
            self.line(&format!("{lead}{}", &LINE[..room]));
        } else {
            self.wrapped(&format!("{lead}{example} {SHORT_LINE}"), "", "    ");
        }
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
    if !doc.intro.is_empty() {
        out.blank();
        out.paras(&doc.intro, "");
    }
    if let Some(summary) = &doc.summary {
        out.heading(&summary.title, '-');
        if summary.items.is_empty() {
            out.line(&t::NOT_ANSWERED);
        }
        for (step, text) in &summary.items {
            out.wrapped(step, "* ", "  ");
            out.paras(text, "    ");
        }
    }
    for section in &doc.sections {
        out.heading(&section.title, '-');
        out.paras(&section.guidance, "");
        for block in &section.blocks {
            block_text(&mut out, block, doc.blank);
            out.blank();
        }
    }
    for who in &doc.signatures {
        out.blank();
        out.line(&format!("{who}: {SHORT_LINE}  {}: __________", t::DATE));
    }
    let mut text = out.0.trim_end().to_string();
    text.push('\n');
    text
}

fn block_text(out: &mut Out, block: &Block, blank: bool) {
    let mark = block.mark();
    if !block.title.is_empty() || !mark.is_empty() {
        // Under a box, the title's later lines start under its text.
        let hang = " ".repeat(mark.chars().count());
        out.wrapped(&format!("{mark}{}", block.title), "", &hang);
    }
    if !block.help.is_empty() {
        out.wrapped(&block.help, "  ", "  ");
    }
    if !block.when.is_empty() {
        out.wrapped(&block.when, "  ", "  ");
    }
    match &block.content {
        Content::Nothing => {}
        Content::Write { lines, example } => {
            for i in 0..*lines {
                out.write_line("  ", if i == 0 { example } else { "" });
            }
        }
        Content::Options(options) => {
            out.wrapped(&super::boxed(options).join("    "), "  ", "  ");
        }
        Content::Answer(lines) if lines.is_empty() => out.line(&format!("  {}", t::NOT_ANSWERED)),
        Content::Answer(lines) => out.wrapped(&lines.join("\n"), "  ", "  "),
        Content::Entries(entries) => {
            for (label, example) in entries {
                out.write_line(&format!("  {label}: "), example);
            }
        }
        Content::Table {
            columns,
            examples,
            rows,
            spare,
        } => {
            let mut all = rows.clone();
            all.extend(std::iter::repeat_n(
                vec![String::new(); columns.len()],
                *spare,
            ));
            // Rows on paper are two lines high, to write in.
            let height = if blank { 2 } else { 1 };
            for line in grid(columns, &all, WIDTH, height) {
                out.line(&line);
            }
            // The report's examples under the grid, where they do not make it tall.
            for (column, example) in columns.iter().zip(examples) {
                if !example.is_empty() {
                    out.wrapped(&format!("{column}: {example}"), "  ", "    ");
                }
            }
        }
        Content::Checklist(items) => {
            let mut group = None;
            for item in items {
                if group != Some(&item.group) && !item.group.is_empty() {
                    out.wrapped(&item.group, "  ", "  ");
                }
                group = Some(&item.group);
                let mark = if item.done { "[x] " } else { "[ ] " };
                let comment = match (blank, item.comment.is_empty()) {
                    (true, _) => format!(" – {}: {SHORT_LINE}", crate::texts::ui::COMMENT),
                    (false, true) => String::new(),
                    (false, false) => format!(" – {}", item.comment),
                };
                out.wrapped(
                    &format!("{}{comment}", item.label),
                    &format!("    {mark}"),
                    "        ",
                );
            }
        }
        // Text under a heading is indented under it; running text is not.
        Content::Text(paras) if block.title.is_empty() => out.paras(paras, ""),
        Content::Text(paras) => out.paras(paras, "  "),
    }
    if let Some((label, text)) = &block.comment {
        if blank {
            out.write_line(&format!("  {label}: "), "");
        } else {
            out.wrapped(&format!("{label}: {text}"), "  ", "    ");
        }
    }
}
