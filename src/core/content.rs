//! The reading material in `content/*.md` (the report's information material), embedded in
//! the binary, and the small Markdown subset it is written in.

include!(concat!(env!("OUT_DIR"), "/embedded_content.rs"));

/// One text to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file name without folder and `.md` ("01-hvad-er-msb"), by which other content
    /// refers to it.
    pub id: &'static str,
    pub title: String,
    pub text: &'static str,
}

/// A block of a document, as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Bullet(String),
    /// A fact box (`> ` lines).
    Quote(String),
}

/// The built-in documents, in file order; the title is the first `# ` heading.
pub fn documents() -> Vec<Document> {
    EMBEDDED_CONTENT
        .iter()
        .map(|(name, text)| Document {
            id: name
                .rsplit('/')
                .next()
                .and_then(|file| file.strip_suffix(".md"))
                .unwrap_or(name),
            title: text
                .lines()
                .find_map(|l| l.strip_prefix("# "))
                .map_or_else(|| (*name).to_string(), |t| t.trim().to_string()),
            text,
        })
        .collect()
}

/// Splits Markdown into blocks: `#` headings, `- ` bullets, `> ` quotes and paragraphs
/// (consecutive lines joined). `**bold**` markers are dropped.
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
        } else if let Some(quote) = trimmed.strip_prefix('>') {
            flush(&mut paragraph, &mut blocks);
            let quote = quote.trim();
            // Consecutive quote lines form one box.
            match blocks.last_mut() {
                Some(Block::Quote(q)) if !quote.is_empty() && !blank => {
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
    fn every_document_has_a_title_and_text() {
        for doc in documents() {
            assert!(!doc.title.is_empty());
            assert!(blocks(doc.text).len() > 1, "{} is empty", doc.title);
        }
    }
}
