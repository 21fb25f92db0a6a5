//! The export dialog over the review: format, recipient and file, one line chosen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::widgets::{dialog_input, labelled_rows, notes_below};
use super::{popup, style};
use crate::export::Recipient;
use crate::texts::ui as t;
use crate::tui::model::{EXPORT_FILE_ROW, ExportDialog};
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, dialog: &mut ExportDialog) {
    let height = if dialog.leaves_store { 12 } else { 10 };
    let inner = popup(frame, area, 76, height, &t::EXPORT_TITLE);
    let width = inner.width as usize;
    let labels = [t::EXPORT_FORMAT, t::EXPORT_RECIPIENT, t::EXPORT_FILE];
    let values = labelled_rows(frame, inner, &labels, dialog.row);
    for (row, value) in values.into_iter().enumerate() {
        let selected = dialog.row == row;
        if row == EXPORT_FILE_ROW {
            dialog_input(frame, value, &mut dialog.path, selected);
        } else {
            let name = if row == 0 {
                dialog.format.name()
            } else {
                dialog.recipient.name()
            };
            let choice_style = if selected {
                style::selected()
            } else {
                style::focus()
            };
            frame.render_widget(Span::styled(format!("‹ {name} ›"), choice_style), value);
        }
    }
    let mut notes: Vec<Line> = Vec::new();
    // The document leaves the encrypted folder, plain: said before it is written.
    if dialog.leaves_store {
        notes.extend(
            wrap(&t::LEAVES_STORE, width)
                .into_iter()
                .map(|r| Line::styled(r, style::error())),
        );
    }
    if dialog.recipient == Recipient::Employer {
        notes.extend(
            wrap(&t::EXPORT_EMPLOYER_NOTE, width)
                .into_iter()
                .map(|r| Line::styled(r, style::info())),
        );
    }
    if dialog.confirm_overwrite {
        notes.extend(
            wrap(&t::EXPORT_EXISTS, width)
                .into_iter()
                .map(|r| Line::styled(r, style::error())),
        );
    }
    notes_below(frame, inner, labels.len(), notes);
}
