//! The reading material in `content/*.md` (the introduction to the tools and the report's
//! information material), embedded in the binary, and the small Markdown subset it is
//! written in.

include!(concat!(env!("OUT_DIR"), "/embedded_content.rs"));

/// The name of the introduction to the tools, with the overview table (BILAG 6): opened
/// from the start screen and printed by `vejen-frem print introduktion`.
pub const INTRODUCTION: &str = "introduktion";

/// One text to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file name without its number: `hvad-er-msb` for `01-hvad-er-msb.md`.
    pub name: String,
    pub title: String,
    pub text: &'static str,
}

/// A block of a document, as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Bullet(String),
    /// A box (`> ` lines): a fact box, a case, a tool, reflection questions.
    Quote(String),
    /// A table (`|` lines): its heading row and its rows.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// The built-in documents, in file order; the title is the first `# ` heading.
pub fn documents() -> Vec<Document> {
    EMBEDDED_CONTENT
        .iter()
        .map(|(path, text)| {
            let file = path.rsplit('/').next().unwrap_or(path);
            let stem = file.strip_suffix(".md").unwrap_or(file);
            let name = stem
                .split_once('-')
                .filter(|(number, _)| number.chars().all(|c| c.is_ascii_digit()))
                .map_or(stem, |(_, name)| name);
            Document {
                name: name.to_string(),
                title: text
                    .lines()
                    .find_map(|l| l.strip_prefix("# "))
                    .map_or_else(|| stem.to_string(), |t| t.trim().to_string()),
                text,
            }
        })
        .collect()
}

/// The document with this name (`introduktion`), and where it stands among them.
pub fn find(name: &str) -> Option<(usize, Document)> {
    documents()
        .into_iter()
        .enumerate()
        .find(|(_, d)| d.name == name.trim())
}

/// A table row's cells: `| a | b |` → `["a", "b"]`.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// Splits Markdown into blocks: `#` headings, `- ` bullets, `> ` boxes, `|` tables and
/// paragraphs (consecutive lines joined). A box (a fact box, a case, a tool, the reflection
/// questions) runs from its first `>` line to the first line that is not one. A table's
/// first row is its heading row, and a row of dashes under it is left out. `**bold**`
/// markers are dropped.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(paragraph)));
        }
    };
    // A blank line ends a box, so two boxes in a row stay two.
    let mut after_blank = true;
    for line in text.lines() {
        let line = line.trim_end().replace("**", "");
        let trimmed = line.trim_start();
        let blank = std::mem::replace(&mut after_blank, trimmed.is_empty());
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if let Some(heading) = trimmed.strip_prefix('#') {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Heading(
                heading.trim_start_matches('#').trim().to_string(),
            ));
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Bullet(item.trim().to_string()));
        } else if trimmed.starts_with('|') {
            flush(&mut paragraph, &mut blocks);
            let row = cells(trimmed);
            let rule = row
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'));
            match blocks.last_mut() {
                Some(Block::Table { .. }) if rule => {}
                Some(Block::Table { rows, .. }) if !blank => rows.push(row),
                _ => blocks.push(Block::Table {
                    header: row,
                    rows: Vec::new(),
                }),
            }
        } else if let Some(quote) = trimmed.strip_prefix('>') {
            flush(&mut paragraph, &mut blocks);
            let quote = quote.trim();
            // Consecutive quote lines form one box; a bare `>` inside it is an empty line
            // between its paragraphs.
            match blocks.last_mut() {
                Some(Block::Quote(q)) if !blank => {
                    q.push('\n');
                    q.push_str(quote);
                }
                _ if quote.is_empty() => {}
                _ => blocks.push(Block::Quote(quote.to_string())),
            }
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(trimmed);
        }
    }
    flush(&mut paragraph, &mut blocks);
    // A box ends with its last line of text, not with an empty line.
    for block in &mut blocks {
        if let Block::Quote(q) = block {
            q.truncate(q.trim_end().len());
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_subset_becomes_blocks() {
        let text = "# Titel\n\nFørste linje\nfortsat.\n\n- punkt et\n- punkt to\n\n> **Fakta**\n> Tal om MSB.\n\n## Overvejelser\nSlut.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Heading("Titel".into()),
                Block::Paragraph("Første linje fortsat.".into()),
                Block::Bullet("punkt et".into()),
                Block::Bullet("punkt to".into()),
                Block::Quote("Fakta\nTal om MSB.".into()),
                Block::Heading("Overvejelser".into()),
                Block::Paragraph("Slut.".into()),
            ]
        );
    }

    #[test]
    fn a_blank_line_ends_a_box() {
        assert_eq!(
            blocks("> Fakta\n> En\n\n> Fakta\n> To"),
            vec![
                Block::Quote("Fakta\nEn".into()),
                Block::Quote("Fakta\nTo".into())
            ]
        );
    }

    #[test]
    fn a_table_is_its_heading_row_and_rows() {
        let text = "| | Medarbejder | Leder |\n|---|---|---|\n| **Redskaber til dialog** | | |\n| MSB-aftale | Redskab 3 | Redskab 6 |\n\nSlut.";
        let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            blocks(text),
            vec![
                Block::Table {
                    header: strings(&["", "Medarbejder", "Leder"]),
                    rows: vec![
                        strings(&["Redskaber til dialog", "", ""]),
                        strings(&["MSB-aftale", "Redskab 3", "Redskab 6"]),
                    ],
                },
                Block::Paragraph("Slut.".into()),
            ]
        );
    }

    #[test]
    fn documents_are_found_by_their_file_name() {
        let (index, intro) = find(INTRODUCTION).expect("the introduction is built in");
        assert_eq!(index, 0, "the introduction comes first");
        assert!(intro.title.starts_with("Redskaber til medarbejdere"));
        assert_eq!(find("hvad-er-msb").map(|(i, _)| i), Some(1));
        assert_eq!(find("findes-ikke"), None);
    }

    #[test]
    fn a_box_keeps_its_paragraphs_and_ends_where_its_lines_end() {
        let text = "> **Case – Ole**\n>\n> Ole er tømrer.\n>\n> Han er i tvivl.\n>\n\nEn MSB-aftale er midlertidig.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Quote("Case – Ole\n\nOle er tømrer.\n\nHan er i tvivl.".into()),
                Block::Paragraph("En MSB-aftale er midlertidig.".into()),
            ]
        );
    }

    /// The report's cases and reflection questions are boxes, so the text after them is
    /// not read as part of them.
    #[test]
    fn cases_and_reflection_questions_are_boxes() {
        let mut boxes = 0;
        for doc in documents() {
            for block in blocks(doc.text) {
                match block {
                    Block::Heading(h) | Block::Paragraph(h) => assert!(
                        !h.starts_with("Case") && !h.starts_with("Overvejelser"),
                        "{}: »{h}« is not in a box",
                        doc.title
                    ),
                    Block::Quote(q) if q.starts_with("Case") || q.starts_with("Overvejelser") => {
                        boxes += 1
                    }
                    _ => {}
                }
            }
        }
        assert!(
            boxes >= 13,
            "the six cases and seven sets of questions: {boxes}"
        );
    }

    #[test]
    fn every_document_has_a_title_and_text() {
        for doc in documents() {
            assert!(!doc.title.is_empty());
            assert!(blocks(doc.text).len() > 1, "{} is empty", doc.title);
        }
    }
}
