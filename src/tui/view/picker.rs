//! Picking an entry from other sessions' lists (the resource bank's alternative tasks),
//! grouped by workplace.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::ListItem;

use super::widgets::selectable_list;
use super::{popup, style};
use crate::texts::ui as t;
use crate::tui::model::Picker;

pub fn draw(frame: &mut Frame, area: Rect, picker: &Picker) {
    let inner = popup(frame, area, 76, area.height, &t::PICK_TITLE);
    let mut items: Vec<ListItem> = Vec::new();
    let mut selected = None;
    let mut group = None;
    for (i, (workplace, entry)) in picker.items.iter().enumerate() {
        if group != Some(workplace) {
            group = Some(workplace);
            items.push(ListItem::new(Line::styled(
                workplace.clone(),
                style::heading(),
            )));
        }
        if i == picker.selected {
            selected = Some(items.len());
        }
        items.push(ListItem::new(entry.clone()));
    }
    selectable_list(frame, inner, items, selected, &mut 0, style::selected());
}
