//! Drawing helpers shared by the screens: text inputs drawn by ratatui-textarea (also when
//! they are not being edited, so text wraps the same way with and without the cursor), and
//! selectable lists drawn by ratatui's `List`.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem, ListState, Widget};
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
    let rows = wrap(hint, width.saturating_sub(1).max(1) as usize);
    let lines: Vec<Line<'static>> = if hint.is_empty() {
        Vec::new()
    } else {
        rows.into_iter()
            .enumerate()
            .map(|(i, r)| {
                let row = if i == 0 { r } else { format!(" {r}") };
                Line::styled(row, style::hint())
            })
            .collect()
    };
    area.set_styled_placeholder(Text::from(lines));
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
    if focused {
        frame.set_cursor_position(input_cursor(area, text));
    }
}

/// The lines of a dialog with a label each ("Format: …"), the chosen one marked. Draws
/// the labels and returns where each line's value goes, for the lines that fit.
pub fn labelled_rows(frame: &mut Frame, inner: Rect, labels: &[&str], chosen: usize) -> Vec<Rect> {
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
    frame.render_stateful_widget(list, rect, &mut state);
    *offset = state.offset();
}
