//! One step of a tool: the step title and progress, the guidance, and the fields with the
//! cursor. The body is laid out as rows first, then scrolled so the cursor stays in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{popup, scroll_to_show, style};
use crate::core::catalog::Catalog;
use crate::core::definition::{Field, Kind};
use crate::core::input::Week;
use crate::core::walk::{Part, Slot, SlotKind, WEEK_COLUMN, Walk};
use crate::texts::ui as t;
use crate::tui::model::{Editor, OpenSession};
use crate::wrap::{wrap, wrap_bullets, wrap_with_cursor};

/// Columns left of every row for the cursor marker.
const GUTTER: usize = 2;
/// Indent of inputs under their label.
const INDENT: usize = 2;

pub fn draw(frame: &mut Frame, area: Rect, open: &mut OpenSession, catalog: &Catalog) {
    let walk = &open.walk;
    let steps = walk.tool().steps.len();
    let k = walk.step_index() + 1;
    // The step title wraps (up to three rows), so long titles stay readable on narrow screens.
    let title = format!("{} · {}", t::step_of(k, steps), walk.current_step().title);
    let title_rows = wrap(&title, area.width.max(1) as usize);
    let title_height = title_rows.len().min(3) as u16;
    let [title_area, gauge_area, body_area] = Layout::vertical([
        Constraint::Length(title_height),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let title_lines: Vec<Line> = title_rows
        .into_iter()
        .map(|r| Line::styled(r, style::title()))
        .collect();
    frame.render_widget(Paragraph::new(title_lines), title_area);
    let saved = match (&open.save_error, &open.saved_at, open.is_unsaved()) {
        (Some(e), _, _) => Span::styled(t::save_failed(e), style::error()),
        (None, Some(at), false) => Span::styled(t::saved_at(at), style::ok()),
        (None, _, true) => Span::styled(t::SAVING, style::dim()),
        (None, None, false) => Span::raw(""),
    };
    let saved_width = (saved.width() as u16 + 1).min(gauge_area.width / 2);
    let [gauge_rect, saved_rect] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(saved_width)]).areas(gauge_area);
    frame.render_widget(
        LineGauge::default()
            .ratio(k as f64 / steps.max(1) as f64)
            .filled_style(style::ok())
            .label(""),
        gauge_rect,
    );
    frame.render_widget(
        Paragraph::new(Line::from(saved)).right_aligned(),
        saved_rect,
    );

    let mut body = Body::new(
        body_area.width as usize,
        walk,
        open.editor.as_ref(),
        catalog,
    );
    body.step();
    let height = body_area.height as usize;
    // Without a cursor in the fields (after Esc) the arrows scroll the text freely.
    let top = match body.focus_rows {
        Some((from, to)) => scroll_to_show(open.scroll as usize, from, to, height, body.rows.len()),
        None => (open.scroll as usize).min(body.rows.len().saturating_sub(height)),
    };
    open.scroll = top as u16;
    if let Some((row, col)) = body.cursor
        && row >= top
        && row < top + height
    {
        let x = body_area.x + (col as u16).min(body_area.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, body_area.y + (row - top) as u16));
    }
    frame.render_widget(Paragraph::new(body.rows).scroll((top as u16, 0)), body_area);
}

/// The label prompt over the step.
pub fn draw_label_prompt(frame: &mut Frame, area: Rect, open: &OpenSession) {
    let Some(label) = &open.label else { return };
    let inner = popup(frame, area, 60, 7, t::LABEL_TITLE);
    let width = inner.width as usize;
    let mut rows: Vec<Line> = wrap(t::LABEL_ADVICE, width)
        .into_iter()
        .map(|r| Line::styled(r, style::dim()))
        .collect();
    rows.push(Line::raw(""));
    let text = label.lines().join(" ");
    let input_row = rows.len();
    rows.push(Line::styled(format!("> {text}"), style::focus()));
    let col = 2 + UnicodeWidthStr::width(&text[..byte_of_char(&text, label.cursor().1)]);
    frame.render_widget(Paragraph::new(rows), inner);
    if (input_row as u16) < inner.height {
        let x = inner.x + (col as u16).min(inner.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, inner.y + input_row as u16));
    }
}

fn byte_of_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// Rows of the step body, with where the focused slot and the cursor are.
struct Body<'a> {
    width: usize,
    walk: &'a Walk,
    editor: Option<&'a Editor>,
    catalog: &'a Catalog,
    rows: Vec<Line<'static>>,
    focus_rows: Option<(usize, usize)>,
    cursor: Option<(usize, usize)>,
}

impl<'a> Body<'a> {
    fn new(
        width: usize,
        walk: &'a Walk,
        editor: Option<&'a Editor>,
        catalog: &'a Catalog,
    ) -> Body<'a> {
        Body {
            width: width.max(GUTTER + INDENT + 4),
            walk,
            editor,
            catalog,
            rows: Vec::new(),
            focus_rows: None,
            cursor: None,
        }
    }

    /// Rows of wrapped text, indented.
    fn text(&mut self, text: &str, indent: usize, style: Style) {
        let width = self.width.saturating_sub(GUTTER + indent).max(1);
        let pad = " ".repeat(GUTTER + indent);
        for row in wrap_bullets(text, width) {
            self.rows.push(Line::styled(format!("{pad}{row}"), style));
        }
    }

    fn blank(&mut self) {
        self.rows.push(Line::raw(""));
    }

    fn is_focused(&self, slot: Slot) -> bool {
        self.walk.focus() == Some(slot)
    }

    /// Marks rows `from..` as the focused slot's and puts the marker in its gutter.
    fn mark_focus(&mut self, slot: Slot, from: usize) {
        if !self.is_focused(slot) || from >= self.rows.len() {
            return;
        }
        self.focus_rows = Some((from, self.rows.len()));
        if let Some(first) = self.rows[from].spans.first_mut() {
            let rest: String = first.content.chars().skip(GUTTER).collect();
            first.content = format!("▶ {rest}").into();
            first.style = first.style.patch(style::focus());
        }
    }

    fn step(&mut self) {
        // The tool's introduction opens its first step.
        let intro = &self.walk.tool().intro;
        if self.walk.step_index() == 0 && !intro.is_empty() {
            self.text(intro, 0, style::dim());
            self.blank();
        }
        let step = self.walk.current_step();
        if !step.guidance.is_empty() {
            self.text(&step.guidance, 0, Style::new());
            self.blank();
        }
        let slots = self.walk.slots();
        for (index, field) in step.fields.iter().enumerate() {
            if !self.walk.is_visible(field) {
                continue;
            }
            let field_slots: Vec<Slot> =
                slots.iter().copied().filter(|s| s.field == index).collect();
            self.field(field, &field_slots, step.tick_answered);
            self.blank();
        }
    }

    fn field(&mut self, field: &Field, slots: &[Slot], tick: bool) {
        match &field.kind {
            Kind::Info { text } => {
                if !field.label.is_empty() {
                    self.text(&field.label, 0, style::heading());
                }
                self.text(text, INDENT, style::info());
                return;
            }
            Kind::Template { text } => {
                if !field.label.is_empty() {
                    self.text(&field.label, 0, style::heading());
                }
                let filled = self.walk.filled_template(text);
                self.text(&filled, INDENT, Style::new());
                return;
            }
            Kind::Check => {}
            _ => self.label(field, tick),
        }
        // Rows saved in an earlier sitting of an append-only table: readable, not editable.
        for row in 0..self.walk.locked_rows(field) {
            self.locked_row(field, row);
        }
        for &slot in slots {
            match slot.part {
                Part::Cell { row, col: 0 } => self.row_heading(field, row),
                Part::Tick(i) => self.group_heading(field, i),
                _ => {}
            }
            let from = self.rows.len();
            self.slot(field, slot);
            self.mark_focus(slot, from);
        }
    }

    fn label(&mut self, field: &Field, tick: bool) {
        let mut label = String::new();
        if tick {
            let mark = if self.walk.is_answered(field) {
                t::CHECK_ANSWERED
            } else {
                t::CHECK_OPEN
            };
            label.push_str(mark);
            label.push(' ');
        }
        label.push_str(&field.label);
        if let Kind::Number { unit, .. } = &field.kind {
            label.push_str(&format!(" ({unit})"));
        }
        if field.required {
            label.push_str(" *");
        }
        self.text(&label, 0, style::title());
        if !field.help.is_empty() {
            self.text(&field.help, 0, style::dim());
        }
        if self.walk.is_carried(field) {
            self.text(t::CARRIED, 0, style::info());
        }
    }

    fn slot(&mut self, field: &Field, slot: Slot) {
        let walk = self.walk;
        match (slot.part, walk.slot_kind(slot)) {
            (Part::AddEntry, _) => {
                self.button(slot, t::ADD_ENTRY);
                // Where entries can come from the resource bank, say how while in the list.
                let in_list = self.walk.focus().is_some_and(|f| f.field == slot.field);
                if in_list && walk.pick_source(slot).is_some() {
                    self.text(t::PICK_HINT, INDENT, style::hint());
                }
            }
            (Part::Value, SlotKind::Button) => {
                let target = walk.link(slot).and_then(|id| self.catalog.get(id));
                let text =
                    target.map_or_else(String::new, |e| t::open_tool(e.tool.number, &e.tool.title));
                self.button(slot, &text);
            }
            (Part::AddRow, _) if matches!(field.kind, Kind::WeekSchedule) => {
                self.button(slot, t::ADD_WEEK)
            }
            (Part::AddRow, _) => self.button(slot, t::ADD_ROW),
            (_, SlotKind::Options(options)) => self.options(slot, &options),
            (Part::Tick(i), _) => {
                if let Kind::Checklist { items } = &field.kind
                    && let Some(item) = items.get(i)
                {
                    self.toggle(slot, &item.label);
                }
            }
            (Part::Value, SlotKind::Toggle) => self.toggle(slot, &field.label),
            (Part::Cell { col, .. }, kind) => {
                let column = Walk::columns(&field.kind).into_iter().nth(col);
                let (label, hint) = column.map(|c| (c.label, c.hint)).unwrap_or_default();
                let hint = if hint.is_empty() {
                    placeholder(&kind)
                } else {
                    hint
                };
                self.text_slot(slot, &format!("{label}: "), &hint, INDENT + 2);
            }
            (part, kind) => {
                let prefix = match part {
                    Part::From => format!("{}: ", t::FROM),
                    Part::To => format!("{}: ", t::TO),
                    Part::Entry(i) => match &field.kind {
                        Kind::List { item, .. } => format!("{item} {}: ", i + 1),
                        _ => String::new(),
                    },
                    Part::Comment => format!("{}: ", field.comment.as_deref().unwrap_or_default()),
                    Part::TickComment(_) => format!("{}: ", crate::texts::ui::COMMENT),
                    _ => String::new(),
                };
                let hint = match (&field.kind, part) {
                    (Kind::List { hints, .. }, Part::Entry(i)) => {
                        hints.get(i).cloned().unwrap_or_default()
                    }
                    (_, Part::Value) if !field.hint.is_empty() => field.hint.clone(),
                    _ => placeholder(&kind),
                };
                let indent = if matches!(part, Part::TickComment(_)) {
                    INDENT + 4
                } else {
                    INDENT
                };
                self.text_slot(slot, &prefix, &hint, indent);
            }
        }
        // Under the field being typed in: whether the text can reach the employer.
        if self.editor.is_some_and(|e| e.slot == slot) && walk.tool().to_employer {
            let note = if field.private {
                t::PRIVATE_FIELD
            } else {
                t::TO_EMPLOYER
            };
            self.text(note, INDENT, style::hint());
        }
        if let Some(error) = walk.error(slot) {
            let typing_fresh = self.editor.is_some_and(|e| e.slot == slot && !e.show_error);
            if !typing_fresh {
                self.text(
                    &format!("! {}", t::input_error(&error)),
                    INDENT,
                    style::error(),
                );
            }
        }
    }

    /// "Række 2" above a table row; the week ("Uge 48/2026") above a schedule row.
    fn row_heading(&mut self, field: &Field, row: usize) {
        let week = match (&field.kind, self.walk.rows(field).get(row)) {
            (Kind::WeekSchedule, Some(cells)) => cells.get(WEEK_COLUMN),
            _ => None,
        };
        let heading = match week.and_then(|w| Week::from_key(w)) {
            Some(week) => t::week_heading(week.week, week.year, week.monday()),
            None => t::row(row + 1),
        };
        self.text(&heading, INDENT, style::dim());
    }

    fn locked_row(&mut self, field: &Field, row: usize) {
        self.text(
            &format!("{} · {}", t::row(row + 1), t::ROW_SAVED),
            INDENT,
            style::dim(),
        );
        let Some(cells) = self.walk.rows(field).get(row) else {
            return;
        };
        for column in Walk::columns(&field.kind) {
            if let Some(value) = cells.get(&column.id).filter(|v| !v.is_empty()) {
                let text = format!(
                    "{}: {}",
                    column.label,
                    crate::core::walk::display_cell(&column.kind, value)
                );
                self.text(&text, INDENT + 2, Style::new());
            }
        }
    }

    /// A checklist item's group heading, above the first item of each group.
    fn group_heading(&mut self, field: &Field, index: usize) {
        let Kind::Checklist { items } = &field.kind else {
            return;
        };
        let group = items
            .get(index)
            .map(|i| i.group.as_str())
            .unwrap_or_default();
        let previous = index
            .checked_sub(1)
            .and_then(|p| items.get(p))
            .map(|i| i.group.as_str());
        if !group.is_empty() && previous != Some(group) {
            self.text(group, 0, style::heading());
        }
    }

    fn button(&mut self, slot: Slot, text: &str) {
        let pad = " ".repeat(GUTTER + INDENT);
        let style = if self.is_focused(slot) {
            style::selected()
        } else {
            style::dim()
        };
        self.rows.push(Line::from(vec![
            Span::raw(pad),
            Span::styled(format!("[{text}]"), style),
        ]));
    }

    fn toggle(&mut self, slot: Slot, label: &str) {
        let mark = if self.walk.is_on(slot) {
            "[x] "
        } else {
            "[ ] "
        };
        let focused = self.is_focused(slot);
        let width = self.width.saturating_sub(GUTTER + INDENT + 4).max(1);
        for (i, row) in wrap(label, width).into_iter().enumerate() {
            let lead = if i == 0 { mark } else { "    " };
            let pad = " ".repeat(GUTTER + INDENT);
            let mark_style = if focused {
                style::selected()
            } else {
                Style::new()
            };
            self.rows.push(Line::from(vec![
                Span::raw(pad),
                Span::styled(lead.to_string(), mark_style),
                Span::raw(row),
            ]));
        }
        if focused && !self.walk.is_on(slot) {
            self.text(t::TOGGLE_HINT, INDENT + 4, style::hint());
        }
    }

    fn options(&mut self, slot: Slot, options: &[crate::core::definition::ChoiceOption]) {
        let chosen = self.walk.chosen(slot);
        let focused = self.is_focused(slot);
        let max = self.width.saturating_sub(GUTTER + INDENT).max(1);
        let mut line: Vec<Span<'static>> = vec![Span::raw(" ".repeat(GUTTER + INDENT))];
        let mut used = 0;
        for (i, option) in options.iter().enumerate() {
            let on = chosen == Some(option.id());
            let text = format!("({}) {}", if on { "•" } else { " " }, option.label());
            let w = UnicodeWidthStr::width(text.as_str()) + 2;
            if used > 0 && used + w > max {
                self.rows.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(GUTTER + INDENT)));
                used = 0;
            }
            let style = match (on, focused) {
                (true, true) => style::selected(),
                (true, false) => style::title(),
                _ => Style::new(),
            };
            line.push(Span::styled(text, style));
            if i + 1 < options.len() {
                line.push(Span::raw("  "));
            }
            used += w;
        }
        self.rows.push(Line::from(line));
        if focused && chosen.is_none() {
            self.text(t::EMPTY_CHOICE_HINT, INDENT, style::hint());
        }
    }

    /// A text-like slot: a prefix ("Fra: ", "Delmål 1: ") and the text, or the editor with
    /// the cursor when focused; the hint when empty.
    fn text_slot(&mut self, slot: Slot, prefix: &str, hint: &str, indent: usize) {
        let prefix_width = UnicodeWidthStr::width(prefix);
        let available = self.width.saturating_sub(GUTTER + indent);
        // A long prefix gets a row of its own, so narrow screens keep room for the text.
        let (lead, hang) = if prefix_width > available / 2 {
            self.text(prefix.trim_end(), indent, style::dim());
            (indent + 2, indent + 2)
        } else {
            (indent, indent + prefix_width)
        };
        let inline_prefix = if lead == indent { prefix } else { "" };
        let width = self.width.saturating_sub(GUTTER + hang).max(1);
        let editor = self.editor.filter(|e| e.slot == slot);
        let bar = "│ ";
        let (rows, cursor) = match editor {
            Some(editor) => {
                let (rows, (r, c)) =
                    wrap_with_cursor(editor.area.lines(), width.saturating_sub(2).max(1), {
                        let c = editor.area.cursor();
                        (c.0, c.1)
                    });
                (rows, Some((r, c)))
            }
            None => (
                wrap(&self.walk.text(slot), width.saturating_sub(2).max(1)),
                None,
            ),
        };
        // An empty slot shows the report's example in its place.
        let empty = rows.iter().all(|r| r.is_empty());
        let rows = if empty && !hint.is_empty() {
            wrap(hint, width.saturating_sub(2).max(1))
        } else {
            rows
        };
        let focused = self.is_focused(slot);
        let text_style = if focused {
            style::focus()
        } else {
            Style::new()
        };
        let first_row = self.rows.len();
        for (i, row) in rows.iter().enumerate() {
            let pad = " ".repeat(GUTTER + if i == 0 { lead } else { hang });
            let mut spans = vec![Span::raw(pad)];
            if i == 0 && !inline_prefix.is_empty() {
                spans.push(Span::styled(inline_prefix.to_string(), style::dim()));
            }
            spans.push(Span::styled(
                bar,
                if focused {
                    style::focus()
                } else {
                    style::dim()
                },
            ));
            if empty {
                spans.push(Span::styled(row.clone(), style::hint()));
            } else {
                spans.push(Span::styled(row.clone(), text_style));
            }
            self.rows.push(Line::from(spans));
        }
        if let Some((r, c)) = cursor {
            self.cursor = Some((first_row + r, GUTTER + hang + 2 + c));
        }
    }
}

/// The greyed text of an empty slot with no example from the report.
fn placeholder(kind: &SlotKind) -> String {
    match kind {
        SlotKind::Date => "dd-mm-åååå".into(),
        SlotKind::Week => "ugenummer, fx 48".into(),
        SlotKind::Number { .. } => "tal".into(),
        _ => String::new(),
    }
}
