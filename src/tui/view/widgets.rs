//! Drawing helpers shared by the screens: text inputs drawn by ratatui-textarea (also when
//! they are not being edited, so text wraps the same way with and without the cursor), and
//! selectable lists drawn by ratatui's `List`.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use unicode_width::UnicodeWidthStr;

use super::style;
use crate::wrap::wrap;

/// The marker of the selected line of a list and of the focused field.
pub const MARKER: &str = "▶ ";

/// Gives a text area the look of an input: soft-wrapped by words, no cursor line, the
/// report's example (or a placeholder) greyed when empty, wrapped to `width`.
pub fn style_input(area: &mut TextArea<'static>, hint: &str, width: u16, text: Style) {
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(Style::new());
    area.set_style(text);
    // The cursor is the terminal's own (see `input_cursor`), so a screen reader follows it.
    area.set_cursor_style(Style::new());
    // The widget puts a cursor cell before the placeholder's first line: the others are
    // indented as much, so the example reads as one block.
    let lines: Vec<Line<'static>> = example_rows(hint, width)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let row = if i == 0 {
                r
            } else {
                [" ", r.as_str()].concat()
            };
            Line::styled(row, style::hint())
        })
        .collect();
    area.set_styled_placeholder(Text::from(lines));
}

/// An empty input's example as its text area draws it, without making one: every row after
/// a column (on the first, the text area's cursor).
pub fn placeholder_lines(hint: &str, width: u16) -> Vec<Line<'static>> {
    example_rows(hint, width)
        .into_iter()
        .map(|r| Line::styled([" ", r.as_str()].concat(), style::hint()))
        .collect()
}

/// The rows of an input's example, wrapped to leave the cursor's column.
fn example_rows(hint: &str, width: u16) -> Vec<String> {
    if hint.is_empty() {
        return Vec::new();
    }
    wrap(hint, width.saturating_sub(1).max(1) as usize)
}

/// An input holding `text`, not being edited.
pub fn input_of(text: &str, hint: &str, width: u16, style: Style) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
    style_input(&mut area, hint, width, style);
    area
}

/// How many rows a text area takes drawn `width` wide.
pub fn input_rows(area: &TextArea<'static>, width: u16) -> u16 {
    if area.is_empty() {
        return (area.placeholder().lines.len() as u16).max(1);
    }
    // Laid out by drawing it once at this width; the cursor at the very end is on its
    // last row.
    let mut probe = TextArea::new(area.lines().to_vec());
    probe.set_wrap_mode(area.wrap_mode());
    let rect = Rect::new(0, 0, width.max(1), 1);
    (&probe).render(rect, &mut Buffer::empty(rect));
    probe.move_cursor(CursorMove::Bottom);
    probe.move_cursor(CursorMove::End);
    probe.screen_cursor().row as u16 + 1
}

/// Where the terminal cursor goes in a text area drawn at `rect` (after drawing it).
pub fn input_cursor(area: &TextArea<'static>, rect: Rect) -> Position {
    let cursor = area.screen_cursor();
    let (top, _) = area.scroll_offset();
    let row = (cursor.row as u16).saturating_sub(top);
    Position::new(
        rect.x + (cursor.col as u16).min(rect.width.saturating_sub(1)),
        rect.y + row.min(rect.height.saturating_sub(1)),
    )
}

/// A one-line input in a dialog, with the terminal cursor in it when it has the keys. A
/// long text scrolls sideways to keep the cursor in view.
pub fn dialog_input(frame: &mut Frame, rect: Rect, area: &mut TextArea<'static>, focused: bool) {
    if rect.width == 0 || rect.height == 0 {
        return;
    }
    let text_style = if focused {
        style::focus()
    } else {
        Style::new()
    };
    area.set_wrap_mode(WrapMode::None);
    area.set_cursor_line_style(Style::new());
    area.set_cursor_style(Style::new());
    area.set_style(text_style);
    let text = Rect { height: 1, ..rect };
    frame.render_widget(&*area, text);
    // Text cut off at either side (a long path shows its end, where the file's name is)
    // says so, or "/tmp/x/exports/…" would read as "x/exports/…".
    let left = area.scroll_offset().1 as usize;
    let shown = text.width as usize;
    let wide = area.lines().first().map_or(0, |line| line.width());
    let buffer = frame.buffer_mut();
    if left > 0
        && let Some(cell) = buffer.cell_mut(text.as_position())
    {
        cell.set_symbol("…");
    }
    if wide > left + shown
        && let Some(cell) = buffer.cell_mut((text.right() - 1, text.y))
    {
        cell.set_symbol("…");
    }
    if focused {
        frame.set_cursor_position(input_cursor(area, text));
    }
}

/// The lines of a dialog with a label each ("Format: …"), the chosen one marked. Draws
/// the labels and returns where each line's value goes, for the lines that fit.
pub fn labelled_rows(
    frame: &mut Frame,
    inner: Rect,
    labels: &[crate::texts::Text],
    chosen: usize,
) -> Vec<Rect> {
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let lead = (MARKER.width() + label_width + 2) as u16;
    let mut values = Vec::new();
    for (row, label) in labels.iter().enumerate() {
        if row as u16 >= inner.height {
            break;
        }
        let line = Rect {
            y: inner.y + row as u16,
            height: 1,
            ..inner
        };
        let marker = if row == chosen { MARKER } else { "  " };
        let pad = " ".repeat(label_width - label.width());
        frame.render_widget(
            Span::styled(format!("{marker}{label}{pad}: "), style::title()),
            line,
        );
        values.push(Rect {
            x: line.x + lead,
            width: line.width.saturating_sub(lead),
            ..line
        });
    }
    values
}

/// Notes under a dialog's `rows` labelled lines, one line apart where there is room for
/// all of them (on a small screen right under the lines), as many as fit.
pub fn notes_below(frame: &mut Frame, inner: Rect, rows: usize, notes: Vec<Line<'static>>) {
    let gap = u16::from(inner.height as usize > rows + notes.len());
    let top = rows as u16 + gap;
    if top < inner.height {
        let rect = Rect {
            y: inner.y + top,
            height: inner.height - top,
            ..inner
        };
        frame.render_widget(Paragraph::new(notes), rect);
    }
}

/// Text wrapped to `width`, a line per row, in one style.
pub fn styled_rows(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|r| Line::styled(r, style))
        .collect()
}

/// A file of the folder that could not be read, as a row of a list: its name and why.
pub fn damaged_item(file: &std::path::Path, reason: &str, width: usize) -> ListItem<'static> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = format!("!! {} {name}: {reason}", crate::texts::ui::DAMAGED);
    wrapped_item(&text, width, 3, style::error())
}

/// A list item of text wrapped to `width`, its later rows under the text after `hang`
/// columns, so a long tool title is read whole rather than cut at the edge.
pub fn wrapped_item(text: &str, width: usize, hang: usize, style: Style) -> ListItem<'static> {
    // On a narrow screen a deep hang would leave a sliver: the text goes under the start.
    let hang = if width.saturating_sub(hang) < 20 {
        2
    } else {
        hang
    };
    let first = wrap(text, width.max(1));
    let rest_width = width.saturating_sub(hang).max(1);
    let mut rows = Vec::new();
    if let Some(head) = first.first() {
        rows.push(Line::styled(head.clone(), style));
        let rest: String = text
            .get(head.len()..)
            .unwrap_or_default()
            .trim_start()
            .to_string();
        if !rest.is_empty() {
            let pad = " ".repeat(hang.min(width.saturating_sub(1)));
            rows.extend(
                wrap(&rest, rest_width)
                    .into_iter()
                    .map(|r| Line::styled(format!("{pad}{r}"), style)),
            );
        }
    }
    ListItem::new(Text::from(rows))
}

/// A long list drawn from the items in view only, so drawing costs the same for 20 items or
/// 100,000: `item(i)` makes item `i`. The selected item is kept in view; `offset`, the
/// first item drawn, moves as little as possible.
pub fn windowed_list(
    frame: &mut Frame,
    rect: Rect,
    count: usize,
    selected: Option<usize>,
    offset: &mut usize,
    item: impl Fn(usize) -> ListItem<'static>,
) {
    let height = rect.height.max(1) as usize;
    if let Some(selected) = selected {
        if selected < *offset {
            *offset = selected;
        } else if selected >= *offset + height {
            *offset = selected + 1 - height;
        }
    }
    *offset = (*offset).min(count.saturating_sub(height));
    let end = (*offset + height).min(count);
    let items: Vec<ListItem<'static>> = (*offset..end).map(item).collect();
    let mut within = 0;
    selectable_list(
        frame,
        rect,
        items,
        selected.map(|s| s - *offset),
        &mut within,
        style::selected(),
    );
}

/// A list with one item selected (marked, in `highlight`), scrolled to keep it in view.
/// `selected` counts all items, headings included; `offset` is the first item shown, kept
/// between frames so the list does not jump.
pub fn selectable_list(
    frame: &mut Frame,
    rect: Rect,
    items: Vec<ListItem<'static>>,
    selected: Option<usize>,
    offset: &mut usize,
    highlight: Style,
) {
    let list = List::new(items)
        .highlight_symbol(MARKER)
        .highlight_style(highlight)
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = ListState::default()
        .with_offset(*offset)
        .with_selected(selected);
    frame.render_stateful_widget(&list, rect, &mut state);
    if state.offset() != *offset {
        // The list scrolled to show the selected item, and a list that scrolls draws only
        // whole items that time; drawn again from where it scrolled to, it shows a part of
        // the next item too, as every later frame will. Without this, the next redraw (a
        // save's "gemt", a message going) would shift the screen with no key pressed.
        frame.render_widget(ratatui::widgets::Clear, rect);
        frame.render_stateful_widget(&list, rect, &mut state);
    }
    *offset = state.offset();
}

/// Writes a line at (`x`, `y`), at most `max_width` columns, exactly as `Buffer::set_line`
/// does; but a span of characters that each take one column and never join another (all
/// Danish text, the punctuation and box drawing used here) is written char by char,
/// without segmenting graphemes — which is most of the cost of drawing a frame.
pub fn put_line(buffer: &mut Buffer, x: u16, y: u16, line: &Line, max_width: u16) {
    let area = buffer.area;
    if y < area.top() || y >= area.bottom() || x < area.left() {
        buffer.set_line(x, y, line, max_width);
        return;
    }
    let right = x.saturating_add(max_width).min(area.right());
    let mut x = x;
    for span in line {
        if x >= right {
            break;
        }
        let style = line.style.patch(span.style);
        if span.content.chars().all(is_single_cell) {
            let row_start = (y - area.y) as usize * area.width as usize;
            let from = row_start + (x - area.x) as usize;
            let to = row_start + (right - area.x) as usize;
            let cells = buffer.content.get_mut(from..to).unwrap_or_default();
            for (cell, c) in cells.iter_mut().zip(span.content.chars()) {
                cell.set_char(c).set_style(style);
                x += 1;
            }
        } else {
            x = buffer
                .set_stringn(x, y, span.content.as_ref(), (right - x) as usize, style)
                .0;
        }
    }
}

/// Lines already wrapped to the width, one per row of `rect`, written with [`put_line`].
pub fn put_lines(buffer: &mut Buffer, rect: Rect, lines: &[Line]) {
    for (row, line) in lines.iter().take(rect.height as usize).enumerate() {
        put_line(buffer, rect.x, rect.y + row as u16, line, rect.width);
    }
}

/// A character that takes one column and is a grapheme of its own next to any other such
/// character (no combining marks, joiners, controls or emoji).
fn is_single_cell(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{2ff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2190}'..='\u{21ff}'
        | '\u{2500}'..='\u{25fc}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn both(line: &Line, x: u16, width: u16) -> (Buffer, Buffer) {
        let area = Rect::new(0, 0, 12, 2);
        let (mut fast, mut slow) = (Buffer::empty(area), Buffer::empty(area));
        put_line(&mut fast, x, 1, line, width);
        slow.set_line(x, 1, line, width);
        (fast, slow)
    }

    #[test]
    fn every_single_cell_character_is_written_as_set_line_writes_it() {
        for c in (0..=0x2fff_u32)
            .filter_map(char::from_u32)
            .filter(|c| is_single_cell(*c))
        {
            let line = Line::from(vec![
                Span::raw(format!("a{c}{c}")),
                Span::raw(format!("{c}b")),
            ]);
            let (fast, slow) = both(&line, 1, 8);
            assert_eq!(fast, slow, "{c:?} (U+{:04X})", c as u32);
        }
    }

    proptest! {
        #[test]
        fn any_line_is_written_as_set_line_writes_it(
            spans in proptest::collection::vec(("\\PC{0,8}|[a-zæøå ]{0,8}|[\u{300}\u{200d}\u{1f600}\t]{0,2}", 0..3u8), 0..4),
            x in 0..14u16,
            width in 0..16u16,
        ) {
            let styles = [Style::new(), Style::new().bold(), Style::new().fg(ratatui::style::Color::Red)];
            let line = Line::from(
                spans.into_iter().map(|(text, s)| Span::styled(text, styles[s as usize % 3])).collect::<Vec<_>>(),
            ).style(Style::new().italic());
            let (fast, slow) = both(&line, x, width);
            prop_assert_eq!(fast, slow);
        }
    }
}
