//! The reading screen: the report's information material, as a list and one text at a time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{scroll_to_show, style};
use crate::core::content::{self, Block};
use crate::texts::ui as t;
use crate::tui::model::Reading;
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, reading: &mut Reading) {
    let documents = content::documents();
    let width = area.width as usize;
    let mut rows: Vec<Line> = Vec::new();
    let Some(document) = documents.get(reading.selected).filter(|_| reading.open) else {
        for row in wrap(t::READING_INTRO, width) {
            rows.push(Line::styled(row, style::dim()));
        }
        rows.push(Line::raw(""));
        let first = rows.len();
        for (i, doc) in documents.iter().enumerate() {
            let selected = i == reading.selected;
            let text = format!("{}{}", if selected { "▶ " } else { "  " }, doc.title);
            rows.push(Line::styled(
                text,
                if selected {
                    style::selected()
                } else {
                    Style::new()
                },
            ));
        }
        let at = first + reading.selected;
        let top = scroll_to_show(0, at, at + 1, area.height as usize, rows.len());
        frame.render_widget(Paragraph::new(rows).scroll((top as u16, 0)), area);
        return;
    };
    for block in content::blocks(document.text) {
        let (text, indent, first, rest, style) = match &block {
            Block::Heading(h) => (h.as_str(), 0, "", "", style::heading()),
            Block::Paragraph(p) => (p.as_str(), 0, "", "", Style::new()),
            Block::Bullet(b) => (b.as_str(), 2, "• ", "  ", Style::new()),
            Block::Quote(q) => (q.as_str(), 2, "┃ ", "┃ ", style::info()),
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
