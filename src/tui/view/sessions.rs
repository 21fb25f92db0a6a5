//! The sessions screen: drafts and completed sessions, newest first, filtered by typing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::style;
use super::widgets::{dialog_input, selectable_list, style_input, wrapped_item};
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
    let label_width = label.chars().count() as u16;
    frame.render_widget(Span::styled(label, style::title()), filter_area);
    let input = Rect {
        x: filter_area.x + label_width,
        width: filter_area.width.saturating_sub(label_width),
        ..filter_area
    };
    style_input(
        &mut model.sessions.filter,
        t::FILTER_HINT,
        input.width,
        style::focus(),
    );
    dialog_input(frame, input, &mut model.sessions.filter, true);

    let items = model.filtered_sessions();
    if items.is_empty() {
        let text = if model.sessions.items.is_empty() {
            t::NO_SESSIONS
        } else {
            t::NO_MATCH
        };
        frame.render_widget(Paragraph::new(Line::styled(text, style::dim())), list_area);
        return;
    }
    let width = list_area.width.saturating_sub(2) as usize;
    let list: Vec<ListItem> = items
        .iter()
        .map(|item| match item {
            Listed::Session(s) => {
                let tool = model.catalog.get(&s.tool).map_or(s.tool.clone(), |e| {
                    format!("{:>2} {}", e.tool.number, e.tool.title)
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
                let text = format!("{when}  {status}{label}{tool}");
                wrapped_item(&text, width, hang, Style::new())
            }
            Listed::Damaged { file, reason } => {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let text = format!("!! {} {name}: {reason}", t::DAMAGED);
                wrapped_item(&text, width, 3, style::error())
            }
        })
        .collect();
    let selected = model.sessions.selected.min(list.len() - 1);
    selectable_list(
        frame,
        list_area,
        list,
        Some(selected),
        &mut 0,
        style::selected(),
    );
}
