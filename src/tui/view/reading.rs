//! *Viden*: the list pages (the entry, a reader's entry, the workplaces' reflection
//! sessions) and the text pages (sections, cases, redskaber's introductions, body regions)
//! with their links. The body and the quiz have files of their own.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{ListItem, Paragraph};

use super::widgets::{selectable_list, wrapped_item};
use super::{body, quiz, scroll_to_show, style};
use crate::core::catalog::Catalog;
use crate::core::content::Block;
use crate::core::portal::{Portal, Ref};
use crate::grid::grid;
use crate::store::sessions::Listed;
use crate::texts;
use crate::texts::ui as t;
use crate::texts::words;
use crate::tui::model::{self, ListHeading, Page, PageKind, Piece, Reading, Target};
use crate::wrap::wrap;

/// What the pages are made of.
pub struct Material<'a> {
    pub portal: &'a Portal,
    pub catalog: &'a Catalog,
    pub sessions: &'a [Listed],
}

pub fn draw(frame: &mut Frame, area: Rect, reading: &mut Reading, material: &Material) {
    let page = reading.page_mut();
    match &page.kind {
        PageKind::Body => body::draw(frame, area, page.selected, material.portal),
        PageKind::Quiz(_) => quiz::draw(frame, area, page, material),
        kind if kind.is_list() => draw_list(frame, area, page, material),
        _ => draw_text(frame, area, page, material),
    }
}

/// What a line of a list or a link in a text says.
pub fn label(target: &Target, material: &Material) -> String {
    let portal = material.portal;
    match target {
        Target::Page(PageKind::Entry) => String::new(),
        Target::Page(PageKind::Audience(audience)) => texts::audience(*audience).to_string(),
        Target::Page(PageKind::Body | PageKind::Region(_)) => t::BODY_ITEM.to_string(),
        Target::Page(PageKind::Quiz(_)) => t::QUIZ_ITEM.to_string(),
        Target::Page(PageKind::Reflections) => t::REFLECTIONS_ITEM.to_string(),
        Target::Page(PageKind::Text(reference)) => reference_label(reference, material),
        Target::StartTool(id) => t::start_tool(&reference_label(&Ref::Tool(id.clone()), material)),
        Target::NewReflections => t::NEW_WORKPLACE.to_string(),
        Target::Session(id) => model::reflection_sessions(portal, material.sessions)
            .into_iter()
            .find(|s| s.id == *id)
            .map(|s| {
                let name = if s.label.is_empty() {
                    t::NO_WORKPLACE.as_str()
                } else {
                    &s.label
                };
                let when = s.updated.format(words::DATE_TIME);
                format!("{name} · {} · {when}", texts::status(s.status))
            })
            .unwrap_or_else(|| id.clone()),
    }
}

/// A section by its title, a case by its heading and person, a redskab by number and title.
pub fn reference_label(reference: &Ref, material: &Material) -> String {
    match reference {
        Ref::Section(id) => {
            crate::core::portal::section(id).map_or_else(|| id.clone(), |d| d.title)
        }
        Ref::Case(id) => material
            .portal
            .case(id)
            .map_or_else(|| id.clone(), |c| t::case_label(&c.heading, &c.person)),
        Ref::Tool(id) => material.catalog.get(id).map_or_else(
            || id.clone(),
            |e| t::tool_heading(e.tool.number, &e.tool.title),
        ),
    }
}

/// The height from which a list page says what it is about.
const ROOM_FOR_ABOUT: u16 = 16;

fn draw_list(frame: &mut Frame, area: Rect, page: &mut Page, material: &Material) {
    let width = area.width.saturating_sub(2).max(1) as usize;
    // What a page is about, and a gap: left out on a low screen, where the list needs
    // the rows.
    let about = |text: &str| -> Vec<ListItem<'static>> {
        if area.height < ROOM_FOR_ABOUT {
            return Vec::new();
        }
        let rows: Vec<Line> = wrap(text, width)
            .into_iter()
            .map(|r| Line::styled(r, style::dim()))
            .collect();
        vec![ListItem::new(Text::from(rows)), ListItem::new("")]
    };
    let heading = |text: &str| wrapped_item(text, width, 0, style::heading());
    let mut items: Vec<ListItem> = Vec::new();
    // The workplaces' page says what the reflection questions are; the others' headings
    // are among their lines.
    if page.kind == PageKind::Reflections {
        let title = material
            .catalog
            .get(&material.portal.structure.reflections)
            .map_or("", |e| e.tool.title.as_str());
        items.push(heading(title));
        items.extend(about(&t::REFLECTIONS_INTRO));
    }
    let lines = model::lines(material.portal, material.sessions, &page.kind);
    let count = model::choices(&lines).len();
    page.selected = page.selected.min(count.saturating_sub(1));
    let mut selected = None;
    let mut choice = 0;
    for line in &lines {
        match line {
            model::Line::Blank => items.push(ListItem::new("")),
            model::Line::Heading(ListHeading::For(audience)) => {
                let (title, order) = t::audience_heading(*audience);
                items.push(heading(title));
                items.extend(about(order));
            }
            model::Line::Heading(which) => items.push(heading(match which {
                ListHeading::WhoAreYou => &t::WHO_ARE_YOU,
                ListHeading::TryYourself => &t::TRY_YOURSELF,
                ListHeading::Sections => &t::ALL_SECTIONS,
                ListHeading::Workplaces => &t::WORKPLACES,
                ListHeading::For(_) => "",
            })),
            model::Line::Item(target) => {
                if choice == page.selected {
                    selected = Some(items.len());
                }
                choice += 1;
                // A case stands under the section that tells it.
                let indent = if matches!(target, Target::Page(PageKind::Text(Ref::Case(_)))) {
                    "  "
                } else {
                    ""
                };
                let text = format!("{indent}{}", label(target, material));
                items.push(wrapped_item(&text, width, indent.len() + 2, Style::new()));
            }
        }
    }
    selectable_list(frame, area, items, selected, &mut 0, style::selected());
}

/// A text page laid out: its rows, and the rows each link takes.
struct Laid {
    rows: Vec<Line<'static>>,
    links: Vec<Range<usize>>,
}

impl Laid {
    /// Adds `text` wrapped to `width`, its first row after `first`, the others after `rest`.
    fn push(&mut self, text: &str, width: usize, (first, rest): (&str, &str), style: Style) {
        let indent = first.chars().count();
        for (i, row) in wrap(text, width.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { first } else { rest };
            self.rows.push(Line::styled(format!("{lead}{row}"), style));
        }
    }
}

fn layout(pieces: &[Piece], width: usize, material: &Material) -> Laid {
    let mut laid = Laid {
        rows: Vec::new(),
        links: Vec::new(),
    };
    const FLUSH: (&str, &str) = ("", "");
    const BAR: (&str, &str) = ("┃ ", "┃ ");
    let bullet = |piece: Option<&Piece>| matches!(piece, Some(Piece::Text(Block::Bullet(_))));
    for (i, piece) in pieces.iter().enumerate() {
        let start = laid.rows.len();
        match piece {
            Piece::Text(block) => match block {
                Block::Heading(h) => laid.push(h, width, FLUSH, style::heading()),
                Block::Paragraph(p) => laid.push(p, width, FLUSH, Style::new()),
                Block::Bullet(b) => laid.push(b, width, ("• ", "  "), Style::new()),
                Block::Quote(q) => laid.push(q, width, BAR, style::info()),
                Block::Table { header, rows } => laid
                    .rows
                    .extend(grid(header, rows, width, 1).into_iter().map(Line::raw)),
            },
            // The box's heading is the link to the story; the box goes on under it.
            Piece::CaseBox(target, body) => {
                laid.push(
                    &t::link(&label(target, material)),
                    width,
                    ("", "  "),
                    style::info(),
                );
                laid.links.push(start..laid.rows.len());
                laid.push(body, width, BAR, style::info());
            }
            Piece::Quote(quote) => laid.push(quote, width, BAR, Style::new()),
            Piece::NothingSpecific(place) => {
                laid.push(&t::nothing_specific(place), width, FLUSH, style::title())
            }
            Piece::NoTools(place) => laid.push(&t::no_tools(place), width, FLUSH, style::dim()),
            Piece::ToolsHeading => laid.push(&t::TOOLS_NAMED, width, FLUSH, style::heading()),
            Piece::Link(target) | Piece::Source(target) => {
                let text = match (piece, target) {
                    (Piece::Source(_), _) => t::link(&t::from_source(&label(target, material))),
                    (_, Target::Page(PageKind::Reflections)) => t::TO_REFLECTIONS.to_string(),
                    (_, Target::StartTool(_)) => label(target, material),
                    _ => t::link(&label(target, material)),
                };
                laid.push(&text, width, ("", "  "), style::info());
                laid.links.push(start..laid.rows.len());
            }
        }
        // A quote is followed by the link to its source, and a bullet by the next, with no
        // gap between them.
        let joined = matches!(piece, Piece::Quote(_) | Piece::NothingSpecific(_))
            || bullet(Some(piece)) && bullet(pieces.get(i + 1));
        if !joined {
            laid.rows.push(Line::raw(""));
        }
    }
    laid
}

fn draw_text(frame: &mut Frame, area: Rect, page: &mut Page, material: &Material) {
    // The text stands two columns in, under the lists' entries.
    let area = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(2),
        ..area
    };
    let pieces = model::pieces(material.portal, material.catalog, &page.kind);
    let Laid { mut rows, links } = layout(&pieces, area.width as usize, material);
    let height = area.height as usize;
    if let Some(chosen) = page.link.and_then(|i| links.get(i)).cloned() {
        for row in &mut rows[chosen.clone()] {
            row.style = style::selected();
        }
        if std::mem::take(&mut page.reveal) {
            let top = scroll_to_show(
                page.scroll as usize,
                chosen.start,
                chosen.end,
                height,
                rows.len(),
            );
            page.scroll = top as u16;
        }
    }
    let max = rows.len().saturating_sub(height) as u16;
    page.scroll = page.scroll.min(max);
    frame.render_widget(Paragraph::new(rows).scroll((page.scroll, 0)), area);
}
