//! The small dialogs that ask for text: a session's label, a new forløb's label, and an
//! MSB-log note; the confirmations before something is deleted or reopened; and the locked
//! screen. Their keys are in the footer, from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::widgets::{dialog_input, labelled_rows};
use super::{popup, style};
use crate::core::privacy;
use crate::texts::ui as t;
use crate::tui::model::{Confirm, LockScreen, LogDialog};
use crate::wrap::wrap;

/// In front of a dialog's one input.
const PROMPT: &str = "> ";

/// Advice in dim text, then one input under it, and under that what the typed text gives
/// away (a CPR number, a full name), until it is gone.
fn ask(frame: &mut Frame, area: Rect, title: &str, advice: &str, input: &mut TextArea<'static>) {
    let inner = popup(frame, area, 64, 8, title);
    let rows: Vec<Line> = wrap(advice, inner.width as usize)
        .into_iter()
        .map(|r| Line::styled(r, style::dim()))
        .collect();
    let input_row = (rows.len() as u16 + 1).min(inner.height.saturating_sub(1));
    frame.render_widget(Paragraph::new(rows), inner);
    prompted(frame, inner, input_row, input, true);
    let typed = input.lines().join(" ");
    let warning = if !privacy::find_cpr(&typed).is_empty() {
        Some((t::LABEL_CPR, style::error()))
    } else if privacy::looks_like_full_name(&typed) {
        Some((t::FULL_NAME_WARNING, style::hint()))
    } else {
        None
    };
    let below = input_row + 1;
    if let Some((text, warning_style)) = warning
        && below < inner.height
    {
        let rows: Vec<Line> = wrap(text, inner.width as usize)
            .into_iter()
            .map(|r| Line::styled(r, warning_style))
            .collect();
        let rect = Rect {
            y: inner.y + below,
            height: inner.height - below,
            ..inner
        };
        frame.render_widget(Paragraph::new(rows), rect);
    }
}

/// A question before something that cannot be undone: what it is about, a line each
/// (scrolled with the arrows), and how to answer.
pub fn confirm(frame: &mut Frame, area: Rect, confirm: &mut Confirm, last: &str) {
    const WIDTH: u16 = 72;
    // As tall as what it says, up to 16 rows; longer lists scroll.
    let width = WIDTH.min(area.width).saturating_sub(2).max(1) as usize;
    let mut rows: Vec<Line> = wrap(&confirm.intro, width)
        .into_iter()
        .map(Line::raw)
        .collect();
    // Each thing it names as a bullet, its lines indented under the first.
    for line in &confirm.lines {
        let bullet = crate::texts::words::BULLET;
        rows.extend(
            wrap(line, width.saturating_sub(2).max(1))
                .into_iter()
                .enumerate()
                .map(|(i, row)| match i {
                    0 => Line::raw(format!("{bullet} {row}")),
                    _ => Line::raw(format!("  {row}")),
                }),
        );
    }
    let last_rows: Vec<Line> = wrap(last, width)
        .into_iter()
        .map(|r| Line::styled(r, style::title()))
        .collect();
    let height = (rows.len() + last_rows.len() + 3).min(16) as u16;
    let inner = popup(frame, area, WIDTH, height, &confirm.title);
    let room = inner.height.saturating_sub(last_rows.len() as u16 + 1);
    let most = rows.len().saturating_sub(room as usize) as u16;
    confirm.scroll = confirm.scroll.min(most);
    frame.render_widget(
        Paragraph::new(rows).scroll((confirm.scroll, 0)),
        Rect {
            height: room,
            ..inner
        },
    );
    let at = inner.y + inner.height.saturating_sub(last_rows.len() as u16);
    frame.render_widget(
        Paragraph::new(last_rows),
        Rect {
            y: at,
            height: inner.y + inner.height - at,
            ..inner
        },
    );
}

/// The locked screen: nothing about anyone, only what to do and the passphrase as dots.
pub fn locked(frame: &mut Frame, area: Rect, lock: &mut LockScreen, encrypted: bool) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let advice = match (lock.at_start, encrypted) {
        (true, _) => t::OPEN_ENCRYPTED,
        (false, true) => t::LOCKED_ENCRYPTED,
        (false, false) => t::LOCKED_PLAIN,
    };
    let inner = popup(frame, area, 64, 10, t::LOCKED_TITLE);
    let width = inner.width.max(1) as usize;
    let mut rows: Vec<Line> = wrap(advice, width).into_iter().map(Line::raw).collect();
    let input_row = rows.len() as u16 + 1;
    rows.push(Line::raw(""));
    rows.push(Line::raw(""));
    let (note, note_style) = match (lock.busy, lock.wrong, encrypted) {
        (true, _, _) => (t::UNLOCKING, style::info()),
        (_, true, _) => (t::WRONG_PASSPHRASE, style::error()),
        (_, _, false) => (t::LOCKED_PLAIN_NOTE, style::dim()),
        _ => ("", style::dim()),
    };
    rows.extend(
        wrap(note, width)
            .into_iter()
            .map(|r| Line::styled(r, note_style)),
    );
    frame.render_widget(Paragraph::new(rows), inner);
    if encrypted && input_row < inner.height {
        prompted(frame, inner, input_row, &mut lock.passphrase, !lock.busy);
    }
}

/// The prompt and a one-line input on row `row` of `inner`.
fn prompted(frame: &mut Frame, inner: Rect, row: u16, input: &mut TextArea<'static>, active: bool) {
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
    dialog_input(frame, rect, input, active);
}

pub fn label(frame: &mut Frame, area: Rect, input: &mut TextArea<'static>) {
    ask(frame, area, t::LABEL_TITLE, t::LABEL_ADVICE, input);
}

pub fn new_forloeb(frame: &mut Frame, area: Rect, input: &mut TextArea<'static>) {
    ask(frame, area, t::NEW_FORLOEB_TITLE, t::FORLOEB_ADVICE, input);
}

/// The four lines of an MSB-log note, the chosen one marked and editable.
pub fn log(frame: &mut Frame, area: Rect, dialog: &mut LogDialog) {
    let inner = popup(frame, area, 72, 10, t::LOG_TITLE);
    let values = labelled_rows(frame, inner, &t::LOG_FIELDS, dialog.row);
    for (i, value) in values.into_iter().enumerate() {
        dialog_input(frame, value, &mut dialog.fields[i], i == dialog.row);
    }
    let note_row = 5;
    if note_row < inner.height {
        let rect = Rect {
            y: inner.y + note_row,
            height: inner.height - note_row,
            ..inner
        };
        // A CPR number in any line of the note is said until it is gone.
        let cpr = (0..dialog.fields.len()).any(|i| privacy::has_cpr(&dialog.text(i)));
        let (note, note_style) = match cpr {
            true => (t::CPR_WARNING, style::error()),
            false => (t::LOG_FINAL, style::dim()),
        };
        let rows: Vec<Line> = wrap(note, inner.width as usize)
            .into_iter()
            .map(|r| Line::styled(r, note_style))
            .collect();
        frame.render_widget(Paragraph::new(rows), rect);
    }
}
