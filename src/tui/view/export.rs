//! The export dialog over the review screen.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{popup, style};
use crate::export::Recipient;
use crate::texts::ui as t;
use crate::tui::model::ExportDialog;
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, dialog: &ExportDialog) {
    let inner = popup(frame, area, 76, 11, t::EXPORT_TITLE);
    let width = inner.width as usize;
    let choice = |row: usize, label: &str, value: &str| {
        let selected = dialog.row == row;
        Line::from(vec![
            Span::styled(
                format!("{} {label}: ", if selected { "▶" } else { " " }),
                style::title(),
            ),
            Span::styled(
                format!("‹ {value} ›"),
                if selected {
                    style::selected()
                } else {
                    style::focus()
                },
            ),
        ])
    };
    let mut rows = vec![
        choice(0, t::EXPORT_FORMAT, t::format_name(dialog.format)),
        choice(1, t::EXPORT_RECIPIENT, t::recipient_name(dialog.recipient)),
    ];
    let prefix = format!(
        "{} {}: ",
        if dialog.row == 2 { "▶" } else { " " },
        t::EXPORT_FILE
    );
    let path = dialog.path.lines().join("");
    let path_row = rows.len();
    rows.push(Line::from(vec![
        Span::styled(prefix.clone(), style::title()),
        Span::raw(path.clone()),
    ]));
    rows.push(Line::raw(""));
    if dialog.recipient == Recipient::Employer {
        rows.extend(
            wrap(t::EXPORT_EMPLOYER_NOTE, width)
                .into_iter()
                .map(|r| Line::styled(r, style::info())),
        );
    }
    if dialog.confirm_overwrite {
        rows.extend(
            wrap(t::EXPORT_EXISTS, width)
                .into_iter()
                .map(|r| Line::styled(r, style::error())),
        );
    }
    rows.extend(
        wrap(t::EXPORT_KEYS, width)
            .into_iter()
            .map(|r| Line::styled(r, style::dim())),
    );
    // Long paths scroll left so the end, where one types, stays in view.
    let cursor_col = prefix.width()
        + path
            .chars()
            .take(dialog.path.cursor().1)
            .collect::<String>()
            .width();
    let shift = cursor_col.saturating_sub(width.saturating_sub(1));
    frame.render_widget(Paragraph::new(rows.clone()).scroll((0, 0)), inner);
    if shift > 0 {
        // Redraw the file row shifted, without the prefix.
        let row = Rect {
            y: inner.y + path_row as u16,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(rows[path_row].clone()).scroll((0, shift as u16)),
            row,
        );
    }
    if dialog.row == 2 && (path_row as u16) < inner.height {
        let x = inner.x + (cursor_col - shift).min(width.saturating_sub(1)) as u16;
        frame.set_cursor_position(Position::new(x, inner.y + path_row as u16));
    }
}
