//! Picking an entry from other sessions' lists (the resource bank's alternative tasks).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{popup, scroll_to_show, style};
use crate::texts::ui as t;
use crate::tui::model::Picker;

pub fn draw(frame: &mut Frame, area: Rect, picker: &Picker) {
    let inner = popup(
        frame,
        area,
        76,
        area.height.saturating_sub(2),
        t::PICK_TITLE,
    );
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    let mut group = None;
    for (i, (workplace, entry)) in picker.items.iter().enumerate() {
        if group != Some(workplace) {
            group = Some(workplace);
            rows.push(Line::styled(workplace.clone(), style::heading()));
        }
        let selected = i == picker.selected;
        if selected {
            selected_row = rows.len();
        }
        let marker = if selected { "▶ " } else { "  " };
        rows.push(Line::styled(
            format!("{marker}{entry}"),
            if selected {
                style::selected()
            } else {
                Style::new()
            },
        ));
    }
    let height = inner.height.saturating_sub(1) as usize;
    let top = scroll_to_show(0, selected_row, selected_row + 1, height, rows.len());
    let list = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(rows).scroll((top as u16, 0)), list);
    if inner.height > 0 {
        let keys = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Line::styled(t::PICK_KEYS, style::dim())),
            keys,
        );
    }
}
