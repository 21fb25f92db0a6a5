//! The start screen: the tools, grouped by who they are for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{scroll_to_show, style};
use crate::texts;
use crate::tui::model::{Model, StartRow};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model) {
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut tool_index = 0;
    for row in model.start_rows() {
        match row {
            StartRow::Heading(audience) => {
                if !lines.is_empty() {
                    lines.push(Line::raw(""));
                }
                lines.push(Line::styled(texts::audience(audience), style::heading()));
            }
            StartRow::Tool(i) => {
                let tool = &model.catalog.entries[i].tool;
                let is_selected = tool_index == model.start_selected;
                if is_selected {
                    selected_line = lines.len();
                }
                let marker = if is_selected { "▶ " } else { "  " };
                let text = format!("{marker}{:>2}  {}", tool.number, tool.title);
                let line = Line::from(Span::raw(text));
                lines.push(if is_selected {
                    line.style(style::selected())
                } else {
                    line
                });
                tool_index += 1;
            }
        }
    }
    let height = area.height as usize;
    // Keep the group heading in view with the first tool under it.
    let top = scroll_to_show(
        0,
        selected_line.saturating_sub(2),
        selected_line + 1,
        height,
        lines.len(),
    );
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), area);
}
