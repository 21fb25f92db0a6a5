//! The small dialogs that ask for text: a session's label (for a workplace: its name), a
//! new forløb's label, an MSB-log note, and the forløb a session moves into; the
//! confirmations before something is deleted or reopened; and the locked screen. Their keys
//! are in the footer, from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::widgets::{
    dialog_input, labelled_rows, notes_below, styled_rows, windowed_list, wrapped_item,
};
use super::{popup, style};
use crate::core::privacy;
use crate::present;
use crate::store::share::Locked;
use crate::texts::Text;
use crate::texts::ui as t;
use crate::tui::lists::ForloebList;
use crate::tui::model::{
    Confirm, IMPORT_SECRET_ROW, ImportDialog, LockScreen, LogDialog, MoveDialog, NewForloebDialog,
    ShareDialog, ShareLock, ShareRow,
};
use crate::wrap::wrap;

/// In front of a dialog's one input.
const PROMPT: &str = "> ";

/// Advice in dim text, then one input under it, and under that what the typed text gives
/// away (a CPR number, a full name), until it is gone. The box grows with the advice on a
/// narrow screen, with room kept for a warning so it does not move while typing; where it
/// cannot grow, the advice gives way to the input and the warning.
fn ask(frame: &mut Frame, area: Rect, title: &str, advice: &str, input: &mut TextArea<'static>) {
    const WIDTH: u16 = 64;
    // Inside the border: the advice, a gap, the input, the warning.
    let inner_width = WIDTH.min(area.width).saturating_sub(2).max(1) as usize;
    let rows: Vec<Line> = wrap(advice, inner_width)
        .into_iter()
        .map(|r| Line::styled(r, style::dim()))
        .collect();
    let typed = input.lines().join(" ");
    let warning = if !privacy::find_cpr(&typed).is_empty() {
        Some((t::LABEL_CPR, style::error()))
    } else if privacy::looks_like_full_name(&typed) {
        Some((t::FULL_NAME_WARNING, style::hint()))
    } else {
        None
    };
    let warning_rows: Vec<Line> = warning.map_or_else(Vec::new, |(text, warning_style)| {
        wrap(&text, inner_width)
            .into_iter()
            .map(|r| Line::styled(r, warning_style))
            .collect()
    });
    let room = [t::LABEL_CPR, t::FULL_NAME_WARNING]
        .iter()
        .map(|text| wrap(text, inner_width).len())
        .max()
        .unwrap_or(0) as u16;
    let inner = popup(frame, area, WIDTH, rows.len() as u16 + 4 + room, title);
    let below_input = (warning_rows.len() as u16).min(inner.height.saturating_sub(1));
    let input_row = (rows.len() as u16 + 1).min(inner.height.saturating_sub(1 + below_input));
    let advice_area = Rect {
        height: input_row.min(rows.len() as u16),
        ..inner
    };
    frame.render_widget(Paragraph::new(rows), advice_area);
    prompted(frame, inner, input_row, input, true);
    let below = input_row + 1;
    if !warning_rows.is_empty() && below < inner.height {
        let rect = Rect {
            y: inner.y + below,
            height: inner.height - below,
            ..inner
        };
        frame.render_widget(Paragraph::new(warning_rows), rect);
    }
}

/// A question before something that cannot be undone: what it is about, a line each
/// (scrolled with the arrows), and how to answer.
pub fn confirm(frame: &mut Frame, area: Rect, confirm: &mut Confirm, last: &str) {
    const WIDTH: u16 = 72;
    // As tall as what it says, up to 16 rows; longer lists scroll.
    let width = WIDTH.min(area.width).saturating_sub(2).max(1) as usize;
    // No introduction, no empty row for it.
    let mut rows: Vec<Line> = match confirm.intro.is_empty() {
        true => Vec::new(),
        false => wrap(&confirm.intro, width)
            .into_iter()
            .map(Line::raw)
            .collect(),
    };
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

/// Importing a share file into a forløb: the file, then its passphrase or key file, and
/// what will happen.
pub fn import(frame: &mut Frame, area: Rect, dialog: &mut ImportDialog, forloeb: &ForloebList) {
    let width = 72.min(area.width).saturating_sub(2).max(1) as usize;
    let label = forloeb.label(&dialog.forloeb).unwrap_or_default();
    let mut notes: Vec<Line> = Vec::new();
    let mut note = |text: &str, style: Style| notes.extend(styled_rows(text, width, style));
    note(&t::import_into(label), style::dim());
    match (dialog.busy, dialog.locked) {
        (true, _) => note(&t::IMPORTING, style::info()),
        (false, None) => note(&t::IMPORT_FILE_HINT, style::dim()),
        (false, Some(Locked::Passphrase)) => note(&t::IMPORT_PASSPHRASE_HINT, style::dim()),
        (false, Some(Locked::Key)) => note(&t::IMPORT_KEY_HINT, style::dim()),
    }
    let inner = popup(frame, area, 72, notes.len() as u16 + 5, &t::IMPORT_TITLE);
    let labels: &[Text] = match dialog.locked {
        None => &[t::IMPORT_FILE],
        Some(Locked::Passphrase) => &[t::IMPORT_FILE, t::IMPORT_PASSPHRASE],
        Some(Locked::Key) => &[t::IMPORT_FILE, t::IMPORT_KEY],
    };
    let values = labelled_rows(frame, inner, labels, dialog.row);
    for (row, value) in values.into_iter().enumerate() {
        let area = match row {
            IMPORT_SECRET_ROW => &mut dialog.secret,
            _ => &mut dialog.path,
        };
        dialog_input(frame, value, area, dialog.row == row && !dialog.busy);
    }
    notes_below(frame, inner, labels.len(), notes);
}

/// Sharing a session: a line each for who shares, the lock, the passphrase twice or the
/// key, the private answers (when there are any) and the file; under them what the chosen
/// line asks for, which answers stay home, and where the file goes.
pub fn share(frame: &mut Frame, area: Rect, dialog: &mut ShareDialog) {
    const WIDTH: u16 = 76;
    let width = WIDTH.min(area.width).saturating_sub(2).max(1) as usize;
    let rows = dialog.rows();
    let current = dialog.current();
    let private = match dialog.held_back.is_empty() {
        true => (crate::texts::share::NO_PRIVATE.to_string(), style::dim()),
        false => (
            t::share_private(&dialog.held_back, dialog.with_private),
            match dialog.with_private {
                true => style::error(),
                false => style::info(),
            },
        ),
    };
    let leaves = dialog
        .leaves_store
        .then(|| (t::SHARE_LEAVES_STORE.to_string(), style::error()));
    let hint = match current {
        ShareRow::From => Some(t::SHARE_FROM_HINT),
        ShareRow::Lock => Some(t::SHARE_LOCK_HINT),
        ShareRow::Passphrase => Some(t::SHARE_PASSPHRASE_HINT),
        ShareRow::Again => Some(t::SHARE_AGAIN_HINT),
        ShareRow::Key => Some(t::SHARE_KEY_HINT),
        ShareRow::File => Some(t::SHARE_FILE_HINT),
        ShareRow::Private => None,
    };
    let hint = match dialog.busy {
        true => Some((t::SHARING.to_string(), style::info())),
        false => hint.map(|h| (h.to_string(), style::dim())),
    };
    let exists = (current == ShareRow::File && dialog.confirm_overwrite)
        .then(|| (t::EXPORT_EXISTS.to_string(), style::error()));
    // What the chosen line says first, so it shows on a small screen too: on the file's
    // line that it leaves an encrypted folder, before how to go on.
    let said: Vec<(String, Style)> = match current {
        ShareRow::File => [leaves, hint, exists, Some(private)]
            .into_iter()
            .flatten()
            .collect(),
        _ => [hint, Some(private), leaves]
            .into_iter()
            .flatten()
            .collect(),
    };
    let said: Vec<Vec<Line>> = said
        .iter()
        .map(|(text, note_style)| styled_rows(text, width, *note_style))
        .collect();
    let lines: usize = said.iter().map(Vec::len).sum();
    let inner = popup(
        frame,
        area,
        WIDTH,
        (rows.len() + lines + 3) as u16,
        &t::SHARE_TITLE,
    );
    // Whole notes, as many as fit (the first one always): no sentence ends cut short
    // unless the first does not fit at all.
    let room = (inner.height as usize).saturating_sub(rows.len());
    let mut notes: Vec<Line> = Vec::new();
    for said in said {
        if !notes.is_empty() && notes.len() + said.len() > room {
            break;
        }
        notes.extend(said);
    }
    let labels: Vec<Text> = rows
        .iter()
        .map(|row| match row {
            ShareRow::From => t::SHARE_FROM,
            ShareRow::Lock => t::SHARE_LOCK,
            ShareRow::Passphrase => t::SHARE_PASSPHRASE,
            ShareRow::Again => t::SHARE_AGAIN,
            ShareRow::Key => t::SHARE_KEY,
            ShareRow::Private => t::SHARE_PRIVATE,
            ShareRow::File => t::SHARE_FILE,
        })
        .collect();
    let values = labelled_rows(frame, inner, &labels, dialog.row);
    for (i, (value, row)) in values.into_iter().zip(&rows).enumerate() {
        let chosen = i == dialog.row && !dialog.busy;
        let choice = match row {
            ShareRow::Lock => Some(match dialog.lock {
                ShareLock::Passphrase => t::SHARE_BY_PASSPHRASE,
                ShareLock::Key => t::SHARE_BY_KEY,
            }),
            ShareRow::Private => Some(match dialog.with_private {
                false => t::SHARE_LEAVE_OUT,
                true => t::SHARE_INCLUDE,
            }),
            _ => None,
        };
        match (choice, dialog.input(*row)) {
            (Some(name), _) => {
                let choice_style = if chosen {
                    style::selected()
                } else {
                    style::focus()
                };
                frame.render_widget(Span::styled(format!("‹ {name} ›"), choice_style), value);
            }
            (None, Some(input)) => dialog_input(frame, value, input, chosen),
            (None, None) => {}
        }
    }
    notes_below(frame, inner, rows.len(), notes);
}

/// The locked screen: nothing about anyone, only what to do and the passphrase as dots.
pub fn locked(frame: &mut Frame, area: Rect, lock: &mut LockScreen, encrypted: bool) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let advice = match (lock.at_start, encrypted) {
        (true, _) => t::OPEN_ENCRYPTED,
        (false, true) => t::LOCKED_ENCRYPTED,
        (false, false) => t::LOCKED_PLAIN,
    };
    let inner = popup(frame, area, 64, 10, &t::LOCKED_TITLE);
    let width = inner.width.max(1) as usize;
    let mut rows: Vec<Line> = wrap(&advice, width).into_iter().map(Line::raw).collect();
    let input_row = rows.len() as u16 + 1;
    rows.push(Line::raw(""));
    rows.push(Line::raw(""));
    let (note, note_style) = match (lock.busy, lock.wrong, encrypted) {
        (true, _, _) => (t::UNLOCKING.as_str(), style::info()),
        (_, true, _) => (t::WRONG_PASSPHRASE.as_str(), style::error()),
        (_, _, false) => (t::LOCKED_PLAIN_NOTE.as_str(), style::dim()),
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
    ask(frame, area, &t::LABEL_TITLE, &t::LABEL_ADVICE, input);
}

/// The name of the workplace a session is about: its label.
pub fn workplace(frame: &mut Frame, area: Rect, input: &mut TextArea<'static>) {
    ask(
        frame,
        area,
        &t::WORKPLACE_TITLE,
        &t::WORKPLACE_ADVICE,
        input,
    );
}

pub fn new_forloeb(frame: &mut Frame, area: Rect, dialog: &mut NewForloebDialog) {
    ask(
        frame,
        area,
        &t::NEW_FORLOEB_TITLE,
        &dialog.advice,
        &mut dialog.label,
    );
}

/// The forløb a session can move into: the typed words narrow them; the first line makes a
/// new one.
pub fn move_to(frame: &mut Frame, area: Rect, dialog: &mut MoveDialog, forloeb: &ForloebList) {
    // The input, the new-forløb line and the forløb found, in a box of at most 16 rows.
    let rows = (dialog.shown.len() as u16).saturating_add(4).clamp(6, 16);
    let inner = popup(frame, area, 64, rows, &t::MOVE_TITLE);
    if inner.height < 2 {
        return;
    }
    prompted(frame, inner, 0, &mut dialog.filter, true);
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
    let inner = popup(frame, area, 72, 10, &t::LOG_TITLE);
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
        // A CPR number in any line of the note is said until it is gone.
        let cpr = (0..dialog.fields.len()).any(|i| privacy::has_cpr(&dialog.text(i)));
        let (note, note_style) = match cpr {
            true => (t::CPR_WARNING, style::error()),
            false => (t::LOG_FINAL, style::dim()),
        };
        let rows: Vec<Line> = wrap(&note, inner.width as usize)
            .into_iter()
            .map(|r| Line::styled(r, note_style))
            .collect();
        frame.render_widget(Paragraph::new(rows), rect);
    }
}
