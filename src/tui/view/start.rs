//! The start screen: the tools, grouped by who they are for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{scroll_to_show, style};
use crate::texts;
use crate::texts::ui as t;
use crate::tui::model::{Model, StartRow};
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model) {
    let mut lines = Vec::new();
    let width = area.width as usize;
    if let Some(label) = model
        .pick
        .as_ref()
        .and_then(|p| model.forloeb_label(&p.forloeb))
    {
        lines.extend(
            wrap(&t::pick_banner(label), width)
                .into_iter()
                .map(|r| Line::styled(r, style::focus())),
        );
        lines.push(Line::raw(""));
    } else if !model.due.is_empty() {
        // What needs following up: overdue first, then the coming week.
        lines.push(Line::styled(t::FOLLOWUPS, style::heading()));
        for due in &model.due {
            let tool = model.catalog.get(&due.tool).map_or(due.tool.clone(), |e| {
                format!("{} {}", e.tool.number, e.tool.title)
            });
            let text = t::due_row(&due.forloeb, &tool, due.date, due.days);
            let row_style = if due.is_overdue() {
                style::error()
            } else {
                style::focus()
            };
            for row in wrap(&text, width.saturating_sub(2).max(1)) {
                lines.push(Line::styled(format!("  {row}"), row_style));
            }
        }
        lines.push(Line::raw(""));
    }
    let mut selected_line = 0;
    let mut tool_index = 0;
    for row in model.start_rows() {
        match row {
            StartRow::Heading(audience) => {
                if lines.last().is_some_and(|l: &Line| l.width() > 0) {
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
