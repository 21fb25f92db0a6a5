//! The forløb screen: the list of forløb, or one forløb with its sessions in time order and
//! its MSB-log; with the prompts for a new forløb and a log entry.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{popup, scroll_to_show, style};
use crate::texts::ui as t;
use crate::tui::model::{Model, Screen};
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model) {
    let Screen::Forloeb(view) = &model.screen else {
        return;
    };
    let width = area.width as usize;
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    match view
        .open
        .as_ref()
        .and_then(|id| model.forloeb.iter().find(|f| &f.id == id))
    {
        None => {
            rows.extend(
                wrap(t::FORLOEB_ADVICE, width)
                    .into_iter()
                    .map(|r| Line::styled(r, style::dim())),
            );
            rows.push(Line::raw(""));
            if model.forloeb.is_empty() {
                rows.push(Line::styled(t::NO_FORLOEB, style::dim()));
            }
            for (i, f) in model.forloeb.iter().enumerate() {
                let sessions = model.forloeb_sessions(&f.id);
                let next = sessions.iter().filter_map(|s| s.follow_up).min();
                let text = t::forloeb_row(&f.label, sessions.len(), next);
                if i == view.selected {
                    selected_row = rows.len();
                }
                rows.push(select_line(text, i == view.selected));
            }
            for (file, reason) in &model.forloeb_damaged {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let text = format!("!! {} {name}: {reason}", t::DAMAGED);
                rows.extend(
                    wrap(&text, width)
                        .into_iter()
                        .map(|r| Line::styled(r, style::error())),
                );
            }
        }
        Some(forloeb) => {
            rows.push(Line::styled(
                format!("{}: {}", t::FORLOEB, forloeb.label),
                style::title(),
            ));
            rows.push(Line::raw(""));
            rows.push(Line::styled(t::FORLOEB_SESSIONS, style::heading()));
            let sessions = model.forloeb_sessions(&forloeb.id);
            if sessions.is_empty() {
                rows.push(Line::styled(t::NO_FORLOEB_SESSIONS, style::dim()));
            }
            for (i, s) in sessions.iter().enumerate() {
                let tool = model.catalog.get(&s.tool).map_or(s.tool.clone(), |e| {
                    format!("{:>2} {}", e.tool.number, e.tool.title)
                });
                let follow = s
                    .follow_up
                    .map(|d| format!(" · opfølgning {}", d.format("%d-%m-%Y")))
                    .unwrap_or_default();
                // Status first: long tool titles are cut at the right edge.
                let text = format!(
                    "{}  {:<7} {tool}{follow}",
                    s.created.format("%d-%m-%Y"),
                    crate::texts::status(s.status)
                );
                if i == view.row {
                    selected_row = rows.len();
                }
                rows.push(select_line(text, i == view.row));
            }
            rows.push(Line::raw(""));
            rows.push(Line::styled(t::MSB_LOG, style::heading()));
            if forloeb.log.is_empty() {
                rows.push(Line::styled(t::NO_LOG, style::dim()));
            }
            for entry in &forloeb.log {
                let text = format!(
                    "{} · {} → {}: {}",
                    entry.date.format("%d-%m-%Y"),
                    entry.who,
                    entry.with_whom,
                    entry.agreed
                );
                for (n, row) in wrap(&text, width.saturating_sub(2).max(1))
                    .into_iter()
                    .enumerate()
                {
                    rows.push(Line::raw(format!(
                        "{}{row}",
                        if n == 0 { "  " } else { "    " }
                    )));
                }
            }
        }
    }
    let top = scroll_to_show(
        0,
        selected_row,
        selected_row + 1,
        area.height as usize,
        rows.len(),
    );
    frame.render_widget(Paragraph::new(rows).scroll((top as u16, 0)), area);

    if let Some(label) = &view.new_label {
        let inner = popup(frame, area, 64, 7, t::NEW_FORLOEB_TITLE);
        let mut lines: Vec<Line> = wrap(t::FORLOEB_ADVICE, inner.width as usize)
            .into_iter()
            .map(|r| Line::styled(r, style::dim()))
            .collect();
        lines.push(Line::raw(""));
        let row = lines.len() as u16;
        let text = label.lines().join(" ");
        lines.push(Line::styled(format!("> {text}"), style::focus()));
        frame.render_widget(Paragraph::new(lines), inner);
        cursor(
            frame,
            inner,
            row,
            2 + text
                .chars()
                .take(label.cursor().1)
                .collect::<String>()
                .width(),
        );
    }
    if let Some(dialog) = &view.log {
        let inner = popup(frame, area, 72, 9, t::LOG_TITLE);
        let mut lines = Vec::new();
        let label_width = t::LOG_FIELDS.iter().map(|l| l.width()).max().unwrap_or(0);
        for (i, label) in t::LOG_FIELDS.iter().enumerate() {
            let marker = if i == dialog.row { "▶ " } else { "  " };
            lines.push(Line::from(vec![
                Span::styled(format!("{marker}{label:<label_width$}: "), style::title()),
                Span::raw(dialog.text(i)),
            ]));
        }
        lines.push(Line::raw(""));
        lines.extend(
            wrap(t::LOG_KEYS, inner.width as usize)
                .into_iter()
                .map(|r| Line::styled(r, style::dim())),
        );
        frame.render_widget(Paragraph::new(lines), inner);
        let field = &dialog.fields[dialog.row];
        let typed: String = field
            .lines()
            .join(" ")
            .chars()
            .take(field.cursor().1)
            .collect();
        cursor(
            frame,
            inner,
            dialog.row as u16,
            4 + label_width + typed.width(),
        );
    }
}

fn select_line(text: String, selected: bool) -> Line<'static> {
    let marker = if selected { "▶ " } else { "  " };
    Line::styled(
        format!("{marker}{text}"),
        if selected {
            style::selected()
        } else {
            Style::new()
        },
    )
}

fn cursor(frame: &mut Frame, inner: Rect, row: u16, col: usize) {
    if row < inner.height {
        let x = inner.x + (col as u16).min(inner.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, inner.y + row));
    }
}
