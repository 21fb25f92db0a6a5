//! The note for the patient record over the forløb screen: the text as it will be pasted,
//! scrolled; the keys to copy and save it are in the footer, from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::popup;
use crate::present;
use crate::texts::ui as t;
use crate::tui::model::NoteView;

/// The note is 72 columns wide: with a border and a column of room each side it is read
/// as it will be pasted.
const WIDTH: u16 = 76;

/// Draws the note scrolled to its `scroll` (clamped, and kept so).
pub fn draw(frame: &mut Frame, area: Rect, note: &mut NoteView) {
    let n = note.days.iter().position(|d| *d == note.day).unwrap_or(0) + 1;
    let day = present::date_with_weekday(note.day);
    // The title in the top border, between its corners and a space each side: shorter on
    // a narrow screen.
    let room = (WIDTH.min(area.width) as usize).saturating_sub(4);
    let title = [
        t::note_title(&day, n, note.days.len()),
        t::note_title(&day, 1, 1),
        t::note_title_short(&day),
        present::date(note.day),
    ]
    .into_iter()
    .find(|title| title.width() <= room)
    .unwrap_or_default();
    let inner = popup(frame, area, WIDTH, area.height, &title);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    // On a screen narrower than the note, it is wrapped to fit.
    let lines: Vec<Line> = note
        .note
        .wrapped(text.width as usize)
        .lines()
        .map(|line| Line::raw(line.to_string()))
        .collect();
    let most = lines.len().saturating_sub(text.height as usize);
    note.scroll = note.scroll.min(most as u16);
    frame.render_widget(Paragraph::new(lines).scroll((note.scroll, 0)), text);
}
