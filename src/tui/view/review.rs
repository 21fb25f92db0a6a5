//! The review: every answer of the session, step by step, with what is missing marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, ListItem, Paragraph};

use super::style;
use super::widgets::selectable_list;
use crate::core::session::Status;
use crate::present;
use crate::texts::ui as t;
use crate::tui::model::OpenSession;
use crate::wrap::wrap;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    open: &mut OpenSession,
    selected: &mut usize,
    scroll: &mut u16,
) {
    frame.render_widget(Clear, area);
    let walk = &open.walk;
    let answers = walk.answers();
    let items = answers.review();
    *selected = (*selected).min(items.len().saturating_sub(1));
    let missing = items.iter().filter(|i| i.missing).count();
    let session = walk.session();
    let width = area.width as usize;

    let mut title = vec![Span::styled(
        format!("{} · {}", t::REVIEW, crate::texts::session_status(session)),
        style::title(),
    )];
    if !session.label.is_empty() {
        title.push(Span::styled(format!(" · {}", session.label), style::dim()));
    }
    // The state of the session in full words, wrapped rather than cut.
    let (mut status, status_style) = match (missing, session.status) {
        (0, Status::Completed) => (t::IS_COMPLETED.to_string(), style::ok()),
        (0, Status::Draft) => (t::ALL_ANSWERED.to_string(), style::ok()),
        (n, _) => (t::missing_count(n), style::error()),
    };
    // When it was completed and reopened, as its documents say.
    if !session.history.is_empty() {
        status = format!(
            "{status} {}: {}.",
            t::HISTORY,
            crate::texts::history(session)
        );
    }
    // Where it came from, when it was imported.
    if let Some(imported) = &session.imported {
        let provenance = crate::texts::share::provenance(imported);
        status = format!("{status} {}", t::imported_from(&provenance));
    }
    let status_rows: Vec<Line> = wrap(&status, width.max(1))
        .into_iter()
        .map(|r| Line::styled(r, status_style))
        .collect();
    let [title_area, status_area, body_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(status_rows.len().min(3) as u16),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(title)), title_area);
    frame.render_widget(Paragraph::new(status_rows), status_area);

    let steps = walk.tool().steps.len();
    let text_width = width.saturating_sub(2).max(1);
    let mut list: Vec<ListItem> = Vec::new();
    let mut selected_item = None;
    let mut last_step = None;
    for (i, item) in items.iter().enumerate() {
        if last_step != Some(item.at.step) {
            last_step = Some(item.at.step);
            let step = &walk.tool().steps[item.at.step];
            let heading = format!("{} · {}", t::step_of(item.at.step + 1, steps), step.title);
            let mut lines: Vec<Line> = if list.is_empty() {
                Vec::new()
            } else {
                vec![Line::raw("")]
            };
            lines.extend(
                wrap(&heading, text_width)
                    .into_iter()
                    .map(|r| Line::styled(r, style::heading())),
            );
            list.push(ListItem::new(Text::from(lines)));
        }
        let flag = if item.is_invalid() {
            format!(" ! {}", t::INVALID)
        } else if item.missing {
            format!(" ! {}", t::MISSING)
        } else if item.field.required {
            " *".to_string()
        } else {
            String::new()
        };
        let label_style = if item.missing {
            style::error()
        } else {
            style::title()
        };
        let label = match walk.tool().is_private(item.field) {
            true => t::private(&item.field.label),
            false => item.field.label.clone(),
        };
        let mut lines: Vec<Line> = wrap(&format!("{label}{flag}"), text_width)
            .into_iter()
            .map(|r| Line::styled(r, label_style))
            .collect();
        let mut value = present::answer_lines(&answers, item.field);
        value.extend(item.unparsed.iter().map(|v| format!("»{v}«")));
        let (value, value_style) = if value.is_empty() {
            (vec![t::NOT_ANSWERED.to_string()], style::hint())
        } else {
            (value, Style::new())
        };
        for line in value {
            for row in wrap(&line, text_width.saturating_sub(2).max(1)) {
                lines.push(Line::styled(format!("  {row}"), value_style));
            }
        }
        // An item taller than the list is cut, so the list can still show it (Enter shows
        // the whole answer in its step).
        let rows = body_area.height.max(1) as usize;
        if lines.len() > rows {
            lines.truncate(rows.saturating_sub(1));
            lines.push(Line::styled(format!("  {}", t::MORE), style::hint()));
        }
        if i == *selected {
            selected_item = Some(list.len());
        }
        list.push(ListItem::new(Text::from(lines)));
    }
    // Answers whose question an earlier version of the tool asked: kept, shown last.
    let unasked = answers.unasked();
    if !unasked.is_empty() {
        let mut lines = vec![Line::raw("")];
        lines.extend(
            wrap(&crate::texts::migrate::UNASKED, text_width)
                .into_iter()
                .map(|r| Line::styled(r, style::heading())),
        );
        for (id, answer) in unasked {
            lines.push(Line::styled(id.to_string(), style::title()));
            for line in present::unasked_lines(answer) {
                for row in wrap(&line, text_width.saturating_sub(2).max(1)) {
                    lines.push(Line::raw(format!("  {row}")));
                }
            }
        }
        list.push(ListItem::new(Text::from(lines)));
    }
    let mut offset = *scroll as usize;
    selectable_list(
        frame,
        body_area,
        list,
        selected_item,
        &mut offset,
        style::focus(),
    );
    *scroll = offset as u16;
}
