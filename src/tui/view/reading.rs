//! The reading screen: the report's information material, as a list and one text at a time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{ListItem, Paragraph};

use super::style;
use super::widgets::{selectable_list, wrapped_item};
use crate::core::content::{self, Block};
use crate::grid::grid;
use crate::texts::ui as t;
use crate::tui::model::Reading;
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, reading: &mut Reading) {
    let documents = content::documents();
    let width = area.width as usize;
    let mut rows: Vec<Line> = Vec::new();
    let Some(document) = documents.get(reading.selected).filter(|_| reading.open) else {
        let intro: Vec<Line> = wrap(t::READING_INTRO, width.saturating_sub(2).max(1))
            .into_iter()
            .map(|r| Line::styled(r, style::dim()))
            .collect();
        let mut items = vec![ListItem::new(Text::from(intro)), ListItem::new("")];
        let first = items.len();
        // A long title wraps rather than being cut at the edge.
        let title_width = width.saturating_sub(2).max(1);
        items.extend(
            documents
                .iter()
                .map(|doc| wrapped_item(&doc.title, title_width, 0, Style::new())),
        );
        let selected = (!documents.is_empty()).then_some(first + reading.selected);
        selectable_list(frame, area, items, selected, &mut 0, style::selected());
        return;
    };
    // The text stands under the list's entries, two columns in.
    let area = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(2),
        ..area
    };
    let width = area.width as usize;
    for block in content::blocks(document.text) {
        let (text, indent, first, rest, style) = match &block {
            Block::Heading(h) => (h.as_str(), 0, "", "", style::heading()),
            Block::Paragraph(p) => (p.as_str(), 0, "", "", Style::new()),
            Block::Bullet(b) => (b.as_str(), 2, "• ", "  ", Style::new()),
            Block::Quote(q) => (q.as_str(), 2, "┃ ", "┃ ", style::info()),
            Block::Table {
                header,
                rows: cells,
            } => {
                rows.extend(grid(header, cells, width, 1).into_iter().map(Line::raw));
                rows.push(Line::raw(""));
                continue;
            }
        };
        for (i, row) in wrap(text, width.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { first } else { rest };
            rows.push(Line::styled(format!("{lead}{row}"), style));
        }
        rows.push(Line::raw(""));
    }
    let max = rows.len().saturating_sub(area.height as usize) as u16;
    reading.scroll = reading.scroll.min(max);
    frame.render_widget(Paragraph::new(rows).scroll((reading.scroll, 0)), area);
}
