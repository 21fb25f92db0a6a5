//! The start screen: the follow-ups that are due, and the tools grouped by who they are for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::ListItem;

use super::style;
use super::widgets::{selectable_list, wrapped_item};
use crate::texts;
use crate::texts::ui as t;
use crate::tui::model::{Model, StartRow};
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model) {
    let width = area.width.saturating_sub(2).max(1) as usize;
    let mut items: Vec<ListItem> = Vec::new();
    let lines = |text: &str, style| -> ListItem<'static> {
        let rows: Vec<Line> = wrap(text, width)
            .into_iter()
            .map(|r| Line::styled(r, style))
            .collect();
        ListItem::new(Text::from(rows))
    };
    if let Some(label) = model
        .pick
        .as_ref()
        .and_then(|p| model.forloeb_label(&p.forloeb))
    {
        items.push(lines(&t::pick_banner(label), style::focus()));
        items.push(ListItem::new(""));
    } else if !model.due.is_empty() {
        // What needs following up: overdue first, then the coming week.
        items.push(ListItem::new(Line::styled(t::FOLLOWUPS, style::heading())));
        for due in &model.due {
            let tool = model.catalog.get(&due.tool).map_or(due.tool.clone(), |e| {
                t::numbered(e.tool.number, &e.tool.title)
            });
            let text = t::due_row(&due.forloeb, &tool, due.date, due.days);
            let row_style = if due.is_overdue() {
                style::error()
            } else {
                style::focus()
            };
            items.push(lines(&text, row_style));
        }
        items.push(ListItem::new(""));
    }
    let mut selected = None;
    let mut tool_index = 0;
    for row in model.start_rows() {
        match row {
            StartRow::Heading(_) | StartRow::Suggested => {
                if tool_index > 0 {
                    items.push(ListItem::new(""));
                }
                let heading = match row {
                    StartRow::Heading(audience) => texts::audience(audience),
                    _ => t::SUGGESTED,
                };
                items.push(ListItem::new(Line::styled(heading, style::heading())));
            }
            StartRow::Tool(i) => {
                let tool = &model.catalog.entries[i].tool;
                if tool_index == model.start_selected {
                    selected = Some(items.len());
                }
                let text = t::tool_row(tool.number, "  ", &tool.title);
                items.push(wrapped_item(&text, width, 4, Style::new()));
                tool_index += 1;
            }
        }
    }
    selectable_list(frame, area, items, selected, &mut 0, style::selected());
}
