//! The *Viden* tab: the report's information material as the portal it sketched. An entry
//! page (who are you? the body, the quiz, the reflection questions, the six sections),
//! lists for each reader, and texts with links: sections, cases, redskaber's
//! introductions and body regions. What each page holds is worked out here, once, for
//! `update` (which link or line leads where) and `view` (how it looks).

use crate::core::catalog::Catalog;
use crate::core::content::{self, Block};
use crate::core::definition::{Audience, Kind};
use crate::core::portal::quiz::Round;
use crate::core::portal::{self, Portal, Ref, is_reflections_heading};
use crate::store::sessions::{Listed, Summary};

/// The pages opened on the way, the one shown last: Esc goes back one.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Never empty: the entry page first.
    pub pages: Vec<Page>,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading {
            pages: vec![Page::new(PageKind::Entry)],
        }
    }
}

impl Reading {
    /// The page shown.
    pub fn page(&self) -> &Page {
        // `pages` is never empty; the entry page stands in should it be.
        self.pages.last().unwrap_or(&ENTRY)
    }

    pub fn page_mut(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::new(PageKind::Entry));
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Opens a page over the shown one.
    pub fn open(&mut self, kind: PageKind) {
        self.pages.push(Page::new(kind));
    }

    /// Back one page; false on the entry page.
    pub fn back(&mut self) -> bool {
        if self.pages.len() > 1 {
            self.pages.pop();
            true
        } else {
            false
        }
    }
}

static ENTRY: Page = Page::new(PageKind::Entry);

/// One page and where the reader is on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    /// The chosen line of a list, or the chosen body region.
    pub selected: usize,
    /// The first row shown of a text.
    pub scroll: u16,
    /// The chosen link of a text, once Tab has chosen one.
    pub link: Option<usize>,
    /// Scroll the chosen link into view when next drawn.
    pub reveal: bool,
}

impl Page {
    pub const fn new(kind: PageKind) -> Page {
        Page {
            kind,
            selected: 0,
            scroll: 0,
            link: None,
            reveal: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum PageKind {
    /// Who are you? and the portal's parts.
    Entry,
    /// What one reader sees first.
    Audience(Audience),
    /// A section, a case's story or a redskab's introduction.
    Text(Ref),
    /// The body figure.
    Body,
    /// What the report says about one body region (by index).
    Region(usize),
    Quiz(Round),
    /// The workplaces' answers to the reflection questions.
    Reflections,
}

impl PageKind {
    /// A text to scroll, with links.
    pub fn is_text(&self) -> bool {
        matches!(self, PageKind::Text(_) | PageKind::Region(_))
    }

    /// A list to choose from.
    pub fn is_list(&self) -> bool {
        matches!(
            self,
            PageKind::Entry | PageKind::Audience(_) | PageKind::Reflections
        )
    }
}

/// Where a line or a link leads.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Page(PageKind),
    /// A new session of the redskab.
    StartTool(String),
    /// A new session of the reflection walk, for a workplace still to be named.
    NewReflections,
    /// A saved session.
    Session(String),
}

/// A line of a list page.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Heading(ListHeading),
    Blank,
    Item(Target),
}

/// The program's own headings of list pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListHeading {
    WhoAreYou,
    TryYourself,
    Sections,
    /// What the entry of this reader holds.
    For(Audience),
    /// The workplaces' answers so far.
    Workplaces,
}

/// The lines of a list page (the entry, a reader's entry, the workplaces).
pub fn lines(portal: &Portal, sessions: &[Listed], kind: &PageKind) -> Vec<Line> {
    let page = |kind| Line::Item(Target::Page(kind));
    let text = |reference: Ref| page(PageKind::Text(reference));
    match kind {
        PageKind::Entry => {
            let mut lines = vec![Line::Heading(ListHeading::WhoAreYou)];
            lines.extend(
                portal
                    .structure
                    .entries
                    .iter()
                    .map(|e| page(PageKind::Audience(e.audience))),
            );
            lines.extend([
                Line::Blank,
                Line::Heading(ListHeading::TryYourself),
                page(PageKind::Body),
                page(PageKind::Quiz(Round::default())),
                page(PageKind::Reflections),
                Line::Blank,
                Line::Heading(ListHeading::Sections),
            ]);
            // The six sections, then the introduction to the redskaber (BILAG 6).
            lines.extend(
                portal::sections()
                    .into_iter()
                    .map(|doc| doc.name)
                    .chain([content::INTRODUCTION.to_string()])
                    .map(|name| text(Ref::Section(name))),
            );
            lines
        }
        PageKind::Audience(audience) => {
            let mut lines = vec![Line::Heading(ListHeading::For(*audience))];
            if let Some(entry) = portal.entry(*audience) {
                lines.extend(entry.items.iter().cloned().map(text));
            }
            lines
        }
        PageKind::Reflections => {
            let mut lines = vec![Line::Item(Target::NewReflections)];
            let saved = reflection_sessions(portal, sessions);
            if !saved.is_empty() {
                lines.push(Line::Blank);
                lines.push(Line::Heading(ListHeading::Workplaces));
                lines.extend(
                    saved
                        .into_iter()
                        .map(|s| Line::Item(Target::Session(s.id.clone()))),
                );
            }
            lines
        }
        _ => Vec::new(),
    }
}

/// The saved sessions of the reflection walk, newest first.
pub fn reflection_sessions<'a>(portal: &Portal, sessions: &'a [Listed]) -> Vec<&'a Summary> {
    sessions
        .iter()
        .filter_map(|l| match l {
            Listed::Session(s) if s.tool == portal.structure.reflections => Some(s),
            _ => None,
        })
        .collect()
}

/// The lines of a list that can be chosen, in order.
pub fn choices(lines: &[Line]) -> Vec<&Target> {
    lines
        .iter()
        .filter_map(|l| match l {
            Line::Item(target) => Some(target),
            _ => None,
        })
        .collect()
}

/// A piece of a text page.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Text of the material: a section's blocks, a story's paragraphs, an introduction.
    Text(Block),
    /// A quote of the report (a body region's passage).
    Quote(String),
    /// The report says nothing specific about MSB there ("i hofterne").
    NothingSpecific(String),
    /// Before the redskaber a text names.
    ToolsHeading,
    /// No redskab is named for the region ("i hofterne").
    NoTools(String),
    Link(Target),
    /// A link to where the quote before it is from.
    Source(Target),
    /// A case's box in its section: the heading, which leads to the story, and the lines
    /// under it.
    CaseBox(Target, String),
}

/// A box's lines after its first, from the first that is not empty.
fn block_body(block: &Block) -> String {
    match block {
        Block::Quote(lines) => lines
            .lines()
            .skip(1)
            .skip_while(|l| l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// The pieces of a text page; what cannot be found (a broken build) is left out.
pub fn pieces(portal: &Portal, catalog: &Catalog, kind: &PageKind) -> Vec<Piece> {
    let text = |reference: Ref| Piece::Link(Target::Page(PageKind::Text(reference)));
    let mut pieces = Vec::new();
    let tool_links = |pieces: &mut Vec<Piece>, tools: &[String]| {
        if !tools.is_empty() {
            pieces.push(Piece::ToolsHeading);
            pieces.extend(tools.iter().map(|id| text(Ref::Tool(id.clone()))));
        }
    };
    match kind {
        PageKind::Text(Ref::Section(id)) => {
            let Some(section) = portal::section(id) else {
                return pieces;
            };
            for block in content::blocks(section.text) {
                let heading = match &block {
                    Block::Quote(lines) => lines.lines().next().unwrap_or_default(),
                    _ => "",
                };
                // A case's box leads from its heading to the story, on a page of its own.
                if let Some(case) = portal.cases_in(id).find(|c| c.heading == heading) {
                    let body = block_body(&block);
                    pieces.push(Piece::CaseBox(
                        Target::Page(PageKind::Text(Ref::Case(case.id.clone()))),
                        body,
                    ));
                    continue;
                }
                // The reflection questions end with a way to answer them.
                let reflections = is_reflections_heading(heading);
                pieces.push(Piece::Text(block));
                if reflections {
                    pieces.push(Piece::Link(Target::Page(PageKind::Reflections)));
                }
            }
            tool_links(&mut pieces, portal.section_tools(id));
        }
        PageKind::Text(Ref::Case(id)) => {
            let Some(case) = portal.case(id) else {
                return pieces;
            };
            let heading = crate::texts::ui::case_label(&case.heading, &case.person);
            pieces.push(Piece::Text(Block::Heading(heading)));
            let story = portal::story(case).unwrap_or_default();
            pieces.extend(story.into_iter().map(|p| Piece::Text(Block::Paragraph(p))));
            pieces.push(text(Ref::Section(case.section.clone())));
        }
        PageKind::Text(Ref::Tool(id)) => {
            let Some(entry) = catalog.get(id) else {
                return pieces;
            };
            let tool = &entry.tool;
            let heading = crate::texts::ui::tool_heading(tool.number, &tool.title);
            pieces.push(Piece::Text(Block::Heading(heading)));
            pieces.extend(content::blocks(&tool.intro).into_iter().map(Piece::Text));
            pieces.push(Piece::Link(Target::StartTool(id.clone())));
            // Its steps, with what the report says to do and ask in each.
            for (n, step) in tool.steps.iter().enumerate() {
                let heading = crate::texts::export::step_title(n + 1, &step.title);
                pieces.push(Piece::Text(Block::Heading(heading)));
                pieces.extend(content::blocks(&step.guidance).into_iter().map(Piece::Text));
                pieces.extend(
                    step.fields
                        .iter()
                        // The questions; a box to tick when done is none.
                        .filter(|f| {
                            f.kind.is_input() && f.kind != Kind::Check && !f.label.is_empty()
                        })
                        .map(|f| Piece::Text(Block::Bullet(f.label.clone()))),
                );
            }
        }
        PageKind::Region(index) => {
            let Some(region) = portal.body.regions.get(*index) else {
                return pieces;
            };
            pieces.push(Piece::Text(Block::Heading(region.name.clone())));
            let general = std::slice::from_ref(&portal.body.general);
            let passages = if region.passages.is_empty() {
                pieces.push(Piece::NothingSpecific(region.place.clone()));
                general
            } else {
                region.passages.as_slice()
            };
            for passage in passages {
                pieces.push(Piece::Quote(passage.text.clone()));
                let source = PageKind::Text(passage.source.clone());
                pieces.push(Piece::Source(Target::Page(source)));
            }
            if region.tools.is_empty() {
                pieces.push(Piece::NoTools(region.place.clone()));
            }
            tool_links(&mut pieces, &region.tools);
        }
        _ => {}
    }
    pieces
}

/// The links of a text page, in order.
pub fn links(pieces: &[Piece]) -> Vec<&Target> {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Link(target) | Piece::Source(target) | Piece::CaseBox(target, _) => Some(target),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::builtin_sources;

    fn portal() -> (Portal, Catalog) {
        let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
        (Portal::builtin().unwrap_or_default(), catalog)
    }

    #[test]
    fn a_section_leads_to_its_case_its_reflections_and_its_tools() {
        let (portal, catalog) = portal();
        let kind = PageKind::Text(Ref::Section("redskaber".into()));
        let pieces = pieces(&portal, &catalog, &kind);
        let links = links(&pieces);
        assert_eq!(
            links[0],
            &Target::Page(PageKind::Text(Ref::Case("pia".into())))
        );
        assert_eq!(links[1], &Target::Page(PageKind::Reflections));
        assert_eq!(
            links[2..],
            [
                &Target::Page(PageKind::Text(Ref::Tool("msb-aftale-medarbejder".into()))),
                &Target::Page(PageKind::Text(Ref::Tool("msb-aftale-leder".into()))),
                &Target::Page(PageKind::Text(Ref::Tool("msb-politik".into()))),
                &Target::Page(PageKind::Text(Ref::Tool("ressourcebank".into()))),
            ]
        );
        // The case's box is shown with its heading as the link.
        assert!(matches!(&pieces[1], Piece::CaseBox(_, body) if body.contains("Pia er 42 år")));
    }

    #[test]
    fn section_six_answers_each_of_its_two_reflection_lists() {
        let (portal, catalog) = portal();
        let kind = PageKind::Text(Ref::Section("evaluering-og-opfoelgning".into()));
        let pieces = pieces(&portal, &catalog, &kind);
        let reflections = links(&pieces)
            .into_iter()
            .filter(|t| **t == Target::Page(PageKind::Reflections))
            .count();
        assert_eq!(reflections, 2);
    }

    #[test]
    fn a_region_without_passages_says_so_and_quotes_the_general_text() {
        let (portal, catalog) = portal();
        let hips = portal
            .body
            .regions
            .iter()
            .position(|r| r.id == "hofter")
            .expect("the hips");
        let pieces = pieces(&portal, &catalog, &PageKind::Region(hips));
        assert_eq!(pieces[0], Piece::Text(Block::Heading("Hofter".into())));
        assert_eq!(pieces[1], Piece::NothingSpecific("i hofterne".into()));
        assert_eq!(pieces[2], Piece::Quote(portal.body.general.text.clone()));
        assert!(pieces.contains(&Piece::NoTools("i hofterne".into())));
    }

    #[test]
    fn every_reader_sees_every_section() {
        let (portal, _) = portal();
        for entry in &portal.structure.entries {
            let lines = lines(&portal, &[], &PageKind::Audience(entry.audience));
            for doc in portal::sections() {
                let section = Target::Page(PageKind::Text(Ref::Section(doc.name.clone())));
                assert!(
                    choices(&lines).contains(&&section),
                    "{:?}: {}",
                    entry.audience,
                    doc.name
                );
            }
        }
    }
}
