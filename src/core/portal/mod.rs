//! The portal the report sketched (TRIN 4, "Online materiale om MSB"): the information
//! material's cases as stories of their own, one entry for each reader, the body's regions
//! and a quiz. Its data are `content/portal.ron`, `content/kroppen.ron` and
//! `content/quiz.ron`, built into the binary; [`check`] finds every reference and every
//! quote in the text it names.

pub mod check;
pub mod quiz;

use serde::Deserialize;

use super::check::{Problem, Source};
use super::content::{self, Block, Document};
use super::definition::{Audience, Tool};

/// Something the portal can show: a section, a case or a redskab.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum Ref {
    /// A section of the information material (or another text of `content/`), by its name:
    /// the file name without number and `.md` ("hvad-er-msb").
    Section(String),
    /// A case, by its id in `content/portal.ron`.
    Case(String),
    /// A redskab, by its id.
    Tool(String),
}

/// `content/portal.ron`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub format: u32,
    /// The id of the walk through the sections' "Overvejelser I kan gøre jer på
    /// arbejdspladsen".
    pub reflections: String,
    pub cases: Vec<Case>,
    #[serde(default)]
    pub section_tools: Vec<SectionTools>,
    /// One entry for each reader, in the order the entry screen offers them.
    pub entries: Vec<Entry>,
}

/// A case of a section, told as a story of its own.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    /// Whose story it is ("Mikael").
    pub person: String,
    pub section: String,
    /// The first line of the case's box in the section ("Case – Hvordan føles MSB").
    pub heading: String,
}

/// The redskaber a section's boxes name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionTools {
    pub section: String,
    pub tools: Vec<String>,
}

/// What one reader sees first, in order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub audience: Audience,
    pub items: Vec<Ref>,
}

/// `content/kroppen.ron`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub format: u32,
    /// What the report says about MSB anywhere in the body, for a region it says nothing
    /// specific about.
    pub general: Passage,
    /// From the top of the body down.
    pub regions: Vec<Region>,
    /// Front views, largest first.
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    /// The letter that chooses it, also its mark in the figures.
    pub key: char,
    /// Where, in a sentence: "i nakken".
    pub place: String,
    /// What the report says about MSB there; none: nothing specific.
    pub passages: Vec<Passage>,
    /// The redskaber the passages name or use.
    pub tools: Vec<String>,
}

/// A quote from the report and where it is.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub source: Ref,
    pub text: String,
}

impl Default for Ref {
    fn default() -> Ref {
        Ref::Section(String::new())
    }
}

/// A drawing of the body: `art` as it is shown, `regions` the same size with each
/// character's region key, `.` for the body outside the regions, a space for the
/// background.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub art: Vec<String>,
    pub regions: Vec<String>,
}

/// Outside the regions, on the body.
pub const NO_REGION: char = '.';

impl Figure {
    pub fn height(&self) -> usize {
        self.art.len()
    }

    pub fn width(&self) -> usize {
        self.art
            .iter()
            .map(|r| r.chars().count())
            .max()
            .unwrap_or(0)
    }

    /// Each row's characters with the key of the region each belongs to (`.` or space
    /// outside them).
    pub fn cells(&self) -> impl Iterator<Item = Vec<(char, char)>> + '_ {
        self.art
            .iter()
            .zip(&self.regions)
            .map(|(art, regions)| art.chars().zip(regions.chars()).collect())
    }
}

/// `content/quiz.ron`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    pub format: u32,
    pub statements: Vec<Statement>,
}

/// A statement to call true or false.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub statement: String,
    pub answer: bool,
    /// The report's words that settle it, word for word from `source`.
    pub explanation: String,
    pub source: Ref,
}

/// The portal's data files as sources, the built-in ones by default.
#[derive(Debug, Clone)]
pub struct Sources {
    pub structure: Source,
    pub body: Source,
    pub quiz: Source,
}

impl Sources {
    pub fn builtin() -> Sources {
        let source = |name: &str, text: &str| Source::new(name, text);
        Sources {
            structure: source(STRUCTURE_FILE, include_str!("../../../content/portal.ron")),
            body: source(BODY_FILE, include_str!("../../../content/kroppen.ron")),
            quiz: source(QUIZ_FILE, include_str!("../../../content/quiz.ron")),
        }
    }

    /// Puts `source` in place of the data file with the same file name, if it is one.
    /// Returns whether it was.
    pub fn replace(&mut self, source: Source) -> bool {
        let file = source.name.rsplit(['/', '\\']).next().unwrap_or_default();
        let slot = match file {
            "portal.ron" => &mut self.structure,
            "kroppen.ron" => &mut self.body,
            "quiz.ron" => &mut self.quiz,
            _ => return false,
        };
        *slot = source;
        true
    }
}

/// How many files the portal's data are.
pub const FILES: usize = 3;

pub const STRUCTURE_FILE: &str = "content/portal.ron";
pub const BODY_FILE: &str = "content/kroppen.ron";
pub const QUIZ_FILE: &str = "content/quiz.ron";

/// The portal's data, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Portal {
    pub structure: Structure,
    pub body: Body,
    pub quiz: Quiz,
}

impl Portal {
    /// Reads the three files; a file that is not of its shape is a problem with its place.
    pub fn parse(sources: &Sources) -> Result<Portal, Vec<Problem>> {
        let structure = sources.structure.parse_as::<Structure>();
        let body = sources.body.parse_as::<Body>();
        let quiz = sources.quiz.parse_as::<Quiz>();
        match (structure, body, quiz) {
            (Ok(structure), Ok(body), Ok(quiz)) => Ok(Portal {
                structure,
                body,
                quiz,
            }),
            (structure, body, quiz) => Err([structure.err(), body.err(), quiz.err()]
                .into_iter()
                .flatten()
                .flatten()
                .collect()),
        }
    }

    /// The data built into the program.
    pub fn builtin() -> Result<Portal, Vec<Problem>> {
        Portal::parse(&Sources::builtin())
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.structure.cases.iter().find(|c| c.id == id)
    }

    /// The cases a section tells, in the order it tells them.
    pub fn cases_in<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Case> + 'a {
        self.structure
            .cases
            .iter()
            .filter(move |c| c.section == section)
    }

    /// The redskaber a section's boxes name.
    pub fn section_tools(&self, section: &str) -> &[String] {
        self.structure
            .section_tools
            .iter()
            .find(|s| s.section == section)
            .map_or(&[], |s| s.tools.as_slice())
    }

    pub fn entry(&self, audience: Audience) -> Option<&Entry> {
        self.structure
            .entries
            .iter()
            .find(|e| e.audience == audience)
    }
}

/// The six sections of the information material, in order: the texts of `content/` but
/// the introduction to the tools.
pub fn sections() -> Vec<Document> {
    content::documents()
        .into_iter()
        .filter(|d| d.name != content::INTRODUCTION)
        .collect()
}

/// The text of `content/` with this name.
pub fn section(name: &str) -> Option<Document> {
    content::find(name).map(|(_, document)| document)
}

/// A box of a text: its first line, and the lines after it.
fn boxes(text: &str) -> impl Iterator<Item = (String, Vec<String>)> {
    content::blocks(text)
        .into_iter()
        .filter_map(|block| match block {
            Block::Quote(lines) => {
                let mut lines = lines.lines().map(str::to_string);
                Some((lines.next()?, lines.collect()))
            }
            _ => None,
        })
}

/// How the first line of a case's box begins.
pub const CASE_HEADING: &str = "Case – ";

/// The first lines of a text's case boxes.
pub fn case_headings(text: &str) -> Vec<String> {
    boxes(text)
        .map(|(heading, _)| heading)
        .filter(|heading| heading.starts_with(CASE_HEADING))
        .collect()
}

/// A case's story: the paragraphs of its box in the section, after its heading. None when
/// the section or the box is not there (`check` says which).
pub fn story(case: &Case) -> Option<Vec<String>> {
    let (_, lines) = boxes(section(&case.section)?.text).find(|(h, _)| *h == case.heading)?;
    Some(lines.into_iter().filter(|l| !l.is_empty()).collect())
}

/// The first line of the box of a section's reflection questions.
const REFLECTIONS_HEADING: &str = "Overvejelser I kan gøre jer på arbejdspladsen";

/// Whether a box (by its first line) holds reflection questions.
pub fn is_reflections_heading(heading: &str) -> bool {
    heading.starts_with(REFLECTIONS_HEADING)
}

/// A section's reflection questions ("Overvejelser I kan gøre jer på arbejdspladsen"), in
/// order: the bullets of each such box.
pub fn reflection_questions(text: &str) -> Vec<String> {
    boxes(text)
        .filter(|(heading, _)| is_reflections_heading(heading))
        .flat_map(|(_, lines)| lines)
        .filter_map(|line| line.strip_prefix("- ").map(str::to_string))
        .collect()
}

/// Text with runs of white space as one space, so a quote matches across line breaks.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `quote` is word for word in `text` (white space aside).
pub fn quotes(text: &str, quote: &str) -> bool {
    let quote = normalized(quote);
    !quote.is_empty() && normalized(text).contains(&quote)
}

/// The text of a section as the screen shows it (bold markers and box marks gone).
pub fn section_text(document: &Document) -> String {
    content::blocks(document.text)
        .into_iter()
        .map(|block| match block {
            Block::Heading(t) | Block::Paragraph(t) | Block::Bullet(t) | Block::Quote(t) => t,
            Block::Table { header, rows } => std::iter::once(header)
                .chain(rows)
                .map(|row| row.join(" "))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// All the report's text a tool definition holds, to find quotes in.
pub fn tool_text(tool: &Tool) -> String {
    tool.report_texts().collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portal() -> Portal {
        Portal::builtin().unwrap_or_else(|problems| panic!("{problems:#?}"))
    }

    #[test]
    fn the_built_in_data_parse() {
        let portal = portal();
        assert_eq!(portal.structure.cases.len(), 6);
        assert!(!portal.body.regions.is_empty());
        assert!(!portal.quiz.statements.is_empty());
    }

    #[test]
    fn a_story_is_its_box_after_the_heading() {
        let portal = portal();
        let mikael = portal.case("mikael").expect("Mikael's case");
        let story = story(mikael).expect("the story is found");
        assert_eq!(story.len(), 3);
        assert!(story[0].starts_with("Mikael er ansat"));
        assert!(story[2].ends_with("hvile ryggen lidt."));
        // The general text after the box is not part of the story.
        assert!(!story.iter().any(|p| p.starts_with("Ergonomi")));
    }

    #[test]
    fn a_case_whose_box_is_not_there_has_no_story() {
        let mut case = portal().case("mikael").cloned().expect("Mikael's case");
        case.heading = "Case – findes ikke".into();
        assert_eq!(story(&case), None);
        case.section = "findes-ikke".into();
        assert_eq!(story(&case), None);
    }

    #[test]
    fn reflection_questions_are_the_bullets_of_their_boxes() {
        let text = "# T\n\n> **Overvejelser I kan gøre jer på arbejdspladsen:**\n> - Én?\n> - To?\n\nTekst.\n\n- Ikke et spørgsmål\n\n> **Fakta**\n> - Heller ikke\n\n> **Overvejelser I kan gøre jer på arbejdspladsen**\n> - Tre?";
        assert_eq!(reflection_questions(text), ["Én?", "To?", "Tre?"]);
    }

    #[test]
    fn the_sections_are_six_without_the_introduction() {
        let names: Vec<String> = sections().into_iter().map(|d| d.name).collect();
        assert_eq!(names.len(), 6, "{names:?}");
        assert!(!names.contains(&content::INTRODUCTION.to_string()));
    }

    #[test]
    fn quotes_are_found_across_line_breaks_only_word_for_word() {
        assert!(quotes("MSB er et\nsymptom, der", "MSB er et symptom,"));
        assert!(!quotes("MSB er et symptom", "MSB er en diagnose"));
        assert!(!quotes("MSB", "  "));
    }
}
