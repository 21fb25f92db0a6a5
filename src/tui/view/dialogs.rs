//! The small dialogs that ask for text: a session's label (for a workplace: its name), a
//! new forløb's label, an MSB-log note, and the forløb a session moves into. Their keys are in the footer, from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::widgets::{dialog_input, labelled_rows, windowed_list, wrapped_item};
use super::{popup, style};
use crate::present;
use crate::texts::ui as t;
use crate::tui::lists::ForloebList;
use crate::tui::model::{LogDialog, MoveDialog, NewForloebDialog};
use crate::wrap::wrap;

/// In front of a dialog's one input.
const PROMPT: &str = "> ";

/// Advice in dim text, then one input under it. The box grows with the advice on a narrow
/// screen; where it cannot, the advice gives way to the input.
fn ask(frame: &mut Frame, area: Rect, title: &str, advice: &str, input: &mut TextArea<'static>) {
    const WIDTH: u16 = 64;
    // Inside the border: the advice, a gap, the input.
    let inner_width = WIDTH.min(area.width).saturating_sub(2);
    let rows: Vec<Line> = wrap(advice, inner_width.max(1) as usize)
        .into_iter()
        .map(|r| Line::styled(r, style::dim()))
        .collect();
    let inner = popup(frame, area, WIDTH, rows.len() as u16 + 4, title);
    let input_row = (rows.len() as u16 + 1).min(inner.height.saturating_sub(1));
    let advice_area = Rect {
        height: input_row.min(rows.len() as u16),
        ..inner
    };
    frame.render_widget(Paragraph::new(rows), advice_area);
    prompted_input(frame, inner, input_row, input);
}

/// The prompt and a one-line input with the keys, on row `row` of `inner`.
fn prompted_input(frame: &mut Frame, inner: Rect, row: u16, input: &mut TextArea<'static>) {
    let prompt = Rect {
        y: inner.y + row,
        height: 1,
        width: PROMPT.width() as u16,
        ..inner
    };
    frame.render_widget(Span::styled(PROMPT, style::focus()), prompt);
    let rect = Rect {
        x: prompt.x + prompt.width,
        width: inner.width.saturating_sub(prompt.width),
        ..prompt
    };
    dialog_input(frame, rect, input, true);
}

pub fn label(frame: &mut Frame, area: Rect, input: &mut TextArea<'static>) {
    ask(frame, area, t::LABEL_TITLE, t::LABEL_ADVICE, input);
}

/// The name of the workplace a session is about: its label.
pub fn workplace(frame: &mut Frame, area: Rect, input: &mut TextArea<'static>) {
    ask(frame, area, t::WORKPLACE_TITLE, t::WORKPLACE_ADVICE, input);
}

pub fn new_forloeb(frame: &mut Frame, area: Rect, dialog: &mut NewForloebDialog) {
    ask(
        frame,
        area,
        t::NEW_FORLOEB_TITLE,
        &dialog.advice,
        &mut dialog.label,
    );
}

/// The forløb a session can move into: the typed words narrow them; the first line makes a
/// new one.
pub fn move_to(frame: &mut Frame, area: Rect, dialog: &mut MoveDialog, forloeb: &ForloebList) {
    // The input, the new-forløb line and the forløb found, in a box of at most 16 rows.
    let rows = (dialog.shown.len() as u16).saturating_add(4).clamp(6, 16);
    let inner = popup(frame, area, 64, rows, t::MOVE_TITLE);
    if inner.height < 2 {
        return;
    }
    prompted_input(frame, inner, 0, &mut dialog.filter);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let typed = dialog.typed();
    let width = list.width.saturating_sub(2) as usize;
    let shown = &dialog.shown;
    let row = |i: usize| match i.checked_sub(1).and_then(|i| shown.get(i)) {
        Some(&f) => {
            let label = forloeb.all.get(f).map_or("", |f| f.label.as_str());
            wrapped_item(label, width, 2, Style::new())
        }
        None => wrapped_item(&t::move_new(&typed), width, 2, style::dim()),
    };
    windowed_list(
        frame,
        list,
        shown.len() + 1,
        Some(dialog.selected),
        &mut dialog.offset,
        row,
    );
}

/// The four lines of an MSB-log note, the chosen one marked and editable.
pub fn log(frame: &mut Frame, area: Rect, dialog: &mut LogDialog) {
    let inner = popup(frame, area, 72, 8, t::LOG_TITLE);
    let values = labelled_rows(frame, inner, &t::LOG_FIELDS, dialog.row);
    // After the date, the date it is read as, with its weekday.
    let reads_as = dialog
        .date()
        .ok()
        .map(|d| t::reads_as(&present::date_with_weekday(d)));
    for (i, mut value) in values.into_iter().enumerate() {
        if let (0, Some(reads_as)) = (i, &reads_as) {
            // The text and the cursor after it, a space, then the date.
            let typed = dialog.fields[0].lines().join(" ").width() as u16 + 1;
            let shown = Rect {
                x: value.x + typed + 1,
                width: value.width.saturating_sub(typed + 1),
                ..value
            };
            frame.render_widget(Span::styled(reads_as.as_str(), style::hint()), shown);
            value.width = typed;
        }
        dialog_input(frame, value, &mut dialog.fields[i], i == dialog.row);
    }
    let note_row = 5;
    if note_row < inner.height {
        let rect = Rect {
            y: inner.y + note_row,
            height: inner.height - note_row,
            ..inner
        };
        let rows: Vec<Line> = wrap(t::LOG_FINAL, inner.width as usize)
            .into_iter()
            .map(|r| Line::styled(r, style::dim()))
            .collect();
        frame.render_widget(Paragraph::new(rows), rect);
    }
}
