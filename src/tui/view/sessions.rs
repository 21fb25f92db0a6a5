//! The sessions screen: drafts and completed sessions, newest first, filtered by typing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{scroll_to_show, style};
use crate::store::sessions::Listed;
use crate::texts::status as status_text;
use crate::texts::ui as t;
use crate::tui::model::Model;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model) {
    let [filter_area, list_area] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let filter = if model.sessions.filter.is_empty() {
        Line::from(vec![
            Span::styled(format!("{}: ", t::FILTER), style::title()),
            Span::styled(t::FILTER_HINT, style::hint()),
        ])
    } else {
        Line::from(vec![
            Span::styled(format!("{}: ", t::FILTER), style::title()),
            Span::raw(model.sessions.filter.clone()),
            Span::styled("▏", style::focus()),
        ])
    };
    frame.render_widget(Paragraph::new(filter), filter_area);

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
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = match item {
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
                    format!(
                        "{}  {:<7} {label}{tool}",
                        s.updated.format("%d-%m-%Y %H:%M"),
                        status_text(s.status)
                    )
                }
                Listed::Damaged { file, reason } => {
                    let name = file
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    format!("!! {} {name}: {reason}", t::DAMAGED)
                }
            };
            let line = Line::raw(text);
            match (i == model.sessions.selected, item) {
                (true, _) => line.style(style::selected()),
                (false, Listed::Damaged { .. }) => line.style(style::error()),
                (false, Listed::Session(_)) => line,
            }
        })
        .collect();
    let top = scroll_to_show(
        0,
        model.sessions.selected,
        model.sessions.selected + 1,
        list_area.height as usize,
        lines.len(),
    );
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), list_area);
}
