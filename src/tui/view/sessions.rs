//! The sessions screen: drafts and completed sessions, newest first, filtered by typing.
//! Only the rows in view are drawn.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::style;
use super::widgets::{damaged_item, dialog_input, style_input, windowed_list, wrapped_item};
use crate::store::sessions::Listed;
use crate::texts::status as status_text;
use crate::texts::ui as t;
use crate::texts::words;
use crate::tui::model::Model;

pub fn draw(frame: &mut Frame, area: Rect, model: &mut Model) {
    let [filter_area, _, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let label = format!("{}: ", t::FILTER);
    let label_width = label.width() as u16;
    frame.render_widget(Span::styled(label, style::title()), filter_area);
    let input = Rect {
        x: filter_area.x + label_width,
        width: filter_area.width.saturating_sub(label_width),
        ..filter_area
    };
    style_input(
        &mut model.sessions.filter,
        &t::FILTER_HINT,
        input.width,
        style::focus(),
    );
    dialog_input(frame, input, &mut model.sessions.filter, true);

    let list = &model.sessions;
    if list.shown.is_empty() {
        let text = if !list.loaded {
            t::READING_FOLDER
        } else if list.items.is_empty() {
            t::NO_SESSIONS
        } else {
            t::NO_MATCH
        };
        frame.render_widget(Paragraph::new(Line::styled(text, style::dim())), list_area);
        return;
    }
    let width = list_area.width.saturating_sub(2) as usize;
    let row = |i: usize| {
        let Some(item) = list.shown.get(i).and_then(|&n| list.items.get(n)) else {
            return wrapped_item("", width, 0, Style::new());
        };
        match item {
            Listed::Session(s) => {
                let tool = model.catalog.get(&s.tool).map_or(s.tool.clone(), |e| {
                    t::tool_row(e.tool.number, " ", &e.tool.title)
                });
                // Whose session: the forløb's label first, then the session's own.
                let label: String = [model.forloeb_label(&s.forloeb), Some(s.label.as_str())]
                    .into_iter()
                    .flatten()
                    .filter(|l| !l.is_empty())
                    .map(|l| format!("{l} · "))
                    .collect();
                let when = s.updated.format(words::DATE_TIME).to_string();
                let status = format!("{:<7} ", status_text(s.status));
                let hang = when.width() + 2 + status.width();
                let imported = s.shared_by.as_deref().map(t::imported_suffix);
                let imported = imported.unwrap_or_default();
                let text = format!("{when}  {status}{label}{tool}{imported}");
                wrapped_item(&text, width, hang, Style::new())
            }
            Listed::Damaged { file, reason } => damaged_item(file, reason, width),
        }
    };
    let selected = list.selected.min(list.shown.len() - 1);
    let mut offset = list.offset;
    windowed_list(
        frame,
        list_area,
        list.shown.len(),
        Some(selected),
        &mut offset,
        row,
    );
    model.sessions.offset = offset;
}
