//! The review screen: every answer of the session, with what is missing marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{scroll_to_show, style};
use crate::texts::status as status_text;
use crate::texts::ui as t;
use crate::tui::model::OpenSession;
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, open: &mut OpenSession) {
    let walk = &open.walk;
    let items = walk.review();
    let selected = open.review.unwrap_or(0).min(items.len().saturating_sub(1));
    let missing = items.iter().filter(|i| i.missing).count();
    let [title_area, status_area, body_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);

    let session = walk.session();
    let mut title = vec![Span::styled(
        format!("{} · {}", t::REVIEW, status_text(session.status)),
        style::title(),
    )];
    if !session.label.is_empty() {
        title.push(Span::styled(format!(" · {}", session.label), style::dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(title)), title_area);
    let status = if missing == 0 {
        Line::styled(t::ALL_ANSWERED, style::ok())
    } else {
        Line::styled(t::missing_count(missing), style::error())
    };
    frame.render_widget(Paragraph::new(status), status_area);

    let width = body_area.width as usize;
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_rows = (0, 0);
    let mut last_step = usize::MAX;
    for (i, item) in items.iter().enumerate() {
        if item.step != last_step {
            last_step = item.step;
            if !rows.is_empty() {
                rows.push(Line::raw(""));
            }
            let step = &walk.tool().steps[item.step];
            for row in wrap(
                &format!(
                    "{} · {}",
                    t::step_of(item.step + 1, walk.tool().steps.len()),
                    step.title
                ),
                width,
            ) {
                rows.push(Line::styled(row, style::heading()));
            }
        }
        let start = rows.len();
        let is_selected = i == selected;
        let marker = if is_selected { "▶ " } else { "  " };
        let flag = if item.invalid {
            format!(" ! {}", t::INVALID)
        } else if item.missing {
            format!(" ! {}", t::MISSING)
        } else if item.required {
            " *".to_string()
        } else {
            String::new()
        };
        let label_rows = wrap(
            &format!("{}{flag}", item.label),
            width.saturating_sub(2).max(1),
        );
        for (n, row) in label_rows.into_iter().enumerate() {
            let lead = if n == 0 { marker } else { "  " };
            let label_style = match (item.missing || item.invalid, is_selected) {
                (_, true) => style::selected(),
                (true, false) => style::error(),
                (false, false) => style::title(),
            };
            rows.push(Line::from(vec![
                Span::raw(lead),
                Span::styled(row, label_style),
            ]));
        }
        let value = if item.value.is_empty() {
            vec![t::NOT_ANSWERED.to_string()]
        } else {
            item.value.clone()
        };
        let value_style = if item.value.is_empty() {
            style::hint()
        } else {
            Style::new()
        };
        for line in value {
            for row in wrap(&line, width.saturating_sub(4).max(1)) {
                rows.push(Line::styled(format!("    {row}"), value_style));
            }
        }
        if is_selected {
            selected_rows = (start, rows.len());
        }
    }
    let top = scroll_to_show(
        open.scroll as usize,
        selected_rows.0,
        selected_rows.1,
        body_area.height as usize,
        rows.len(),
    );
    open.scroll = top as u16;
    frame.render_widget(Paragraph::new(rows).scroll((top as u16, 0)), body_area);
}
