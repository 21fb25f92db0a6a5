//! One step of a tool: the step title and progress, the guidance, and the fields with the
//! cursor. The body is laid out as blocks (lines of text, and inputs drawn by the text
//! area widget), then scrolled so the focused place stays in view, with a scrollbar when it
//! does not all fit.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    LineGauge, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::widgets::{
    MARKER, input_cursor, input_of, input_rows, placeholder_lines, put_lines, style_input,
};
use super::{scroll_to_show, style};
use crate::core::answers::{Answers, Shown, Value};
use crate::core::catalog::Catalog;
use crate::core::definition::{About, Field, Kind, paragraphs as paragraphs_of};
use crate::core::input::Week;
use crate::core::layout::{self, Input, WEEK_COLUMN};
use crate::core::place::{FieldAt, Part, Place};
use crate::core::privacy;
use crate::core::walk::Walk;
use crate::present;
use crate::texts::ui as t;
use crate::tui::model::{Editor, OpenSession};
use crate::wrap::{Rewrap, wrap};

/// Columns left of every row for the cursor marker.
const GUTTER: usize = 2;
/// Indent of inputs under their label.
const INDENT: usize = 2;
/// The bar in front of a text input, and its width.
const BAR: &str = "│ ";
const BAR_WIDTH: usize = 2;

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
    put_lines(frame.buffer_mut(), title_area, &title_lines);
    let saved = match (&open.save_error, &open.saved_at, open.is_unsaved()) {
        _ if open.read_only.is_some() => Span::styled(t::READ_ONLY_MARK, style::error()),
        (None, _, _) if walk.is_sealed() => Span::styled(t::SEALED_MARK, style::ok()),
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
            // Heavier where done, so the progress shows without its colour.
            .filled_symbol(ratatui::symbols::line::THICK_HORIZONTAL)
            .label(""),
        gauge_rect,
    );
    frame.render_widget(
        Paragraph::new(Line::from(saved)).right_aligned(),
        saved_rect,
    );

    // Two columns on the right: a gap and the scrollbar.
    let width = body_area.width.saturating_sub(2);
    let unchangeable = open.unchangeable();
    let mut body = Body::new(width as usize, walk, catalog, &mut open.rewrap);
    // Why nothing can be changed, at the top, where it is read first.
    if let Some(why) = unchangeable {
        body.text(&why, 0, style::info());
        body.blank();
    }
    // Where an imported session came from, above its first step.
    if let Some(imported) = walk.session().imported.as_ref().filter(|_| k == 1) {
        let provenance = crate::texts::share::provenance(imported);
        body.text(&t::imported_from(&provenance), 0, style::dim());
        body.blank();
    }
    body.step(open.editor.as_mut());
    let height = body_area.height as usize;
    let total = body.height();
    // Without a cursor in the fields (after Esc) the arrows scroll the text freely. With
    // one, the text right after the focused field comes into view too (the screening's
    // suggested responses under its question), as far as the place itself stays in view.
    let top = match body.focus_rows {
        Some((from, to)) => {
            let top = scroll_to_show(open.scroll as usize, from, to, height, total);
            // Further only as far as the focused field's label stays in view.
            let ahead = body.focus_ahead.min(from + height).max(to);
            let further = scroll_to_show(top, from, ahead, height, total);
            further.min(body.focus_field_start.max(top))
        }
        None => (open.scroll as usize).min(total.saturating_sub(height)),
    };
    open.scroll = top as u16;
    let text_area = Rect { width, ..body_area };
    let cursor = body.render(frame, text_area, top, open.editor.as_ref());
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
    if total > height {
        let bar = Rect {
            x: body_area.x + body_area.width.saturating_sub(1),
            width: 1,
            ..body_area
        };
        let mut state = ScrollbarState::new(total.saturating_sub(height))
            .viewport_content_length(height)
            .position(top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"))
            .track_symbol(Some("│"))
            .thumb_symbol("█")
            .style(style::dim())
            .render(bar, frame.buffer_mut(), &mut state);
    }
}

/// A piece of the step body.
enum Block {
    Lines(Vec<Line<'static>>),
    /// A text input: the left part (gutter, prefix, bar) and its text right of it.
    Input {
        left: Vec<Line<'static>>,
        /// Columns of the left part.
        indent: u16,
        text: InputText,
        rows: u16,
    },
}

/// What a text input shows.
enum InputText {
    /// The editor's text area.
    Editor,
    /// Text not being edited, in a text area of its own so it wraps as it will when edited.
    Text(Box<TextArea<'static>>),
    /// No text: the example, drawn as the text area draws its placeholder, without making
    /// one (most inputs of a step are empty, and each frame draws them all).
    Empty(Vec<Line<'static>>),
}

impl Block {
    fn height(&self) -> usize {
        match self {
            Block::Lines(lines) => lines.len(),
            Block::Input { rows, .. } => *rows as usize,
        }
    }
}

/// The blocks of the step body, with where the focused place is.
struct Body<'a> {
    width: usize,
    walk: &'a Walk,
    answers: Answers<'a>,
    catalog: &'a Catalog,
    rewrap: &'a mut Rewrap,
    blocks: Vec<Block>,
    /// Rows of the focused place (from, to).
    focus_rows: Option<(usize, usize)>,
    /// The first row of the focused field (its label).
    focus_field_start: usize,
    /// The end of the information fields right after the focused field, to be read with
    /// it (none: 0).
    focus_ahead: usize,
}

impl<'a> Body<'a> {
    fn new(width: usize, walk: &'a Walk, catalog: &'a Catalog, rewrap: &'a mut Rewrap) -> Body<'a> {
        Body {
            width: width.max(GUTTER + INDENT + 4),
            walk,
            answers: walk.answers(),
            catalog,
            rewrap,
            blocks: Vec::new(),
            focus_rows: None,
            focus_field_start: 0,
            focus_ahead: 0,
        }
    }

    fn height(&self) -> usize {
        self.blocks.iter().map(Block::height).sum()
    }

    /// Lines of wrapped text, indented.
    fn text(&mut self, text: &str, indent: usize, style: Style) {
        // Joined rather than formatted: this runs for every row of a step at every key.
        let width = self.width.saturating_sub(GUTTER + indent).max(1);
        let pad = " ".repeat(GUTTER + indent);
        let lines = self
            .rewrap
            .rows(text, width)
            .iter()
            .map(|row| Line::styled([pad.as_str(), row].concat(), style))
            .collect();
        self.blocks.push(Block::Lines(lines));
    }

    fn line(&mut self, line: Line<'static>) {
        self.blocks.push(Block::Lines(vec![line]));
    }

    fn blank(&mut self) {
        self.line(Line::raw(""));
    }

    fn is_focused(&self, place: Place) -> bool {
        self.walk.focus() == Some(place)
    }

    /// Marks the blocks from `from` as the focused place's, and puts the marker in the
    /// gutter of its first line.
    fn mark_focus(&mut self, place: Place, from: usize) {
        if !self.is_focused(place) || from >= self.blocks.len() {
            return;
        }
        let start: usize = self.blocks[..from].iter().map(Block::height).sum();
        self.focus_rows = Some((start, self.height()));
        let first = match &mut self.blocks[from] {
            Block::Lines(lines) => lines.first_mut(),
            Block::Input { left, .. } => left.first_mut(),
        };
        if let Some(span) = first.and_then(|l| l.spans.first_mut()) {
            let rest: String = span.content.chars().skip(GUTTER).collect();
            span.content = [MARKER, rest.as_str()].concat().into();
            span.style = span.style.patch(style::focus());
        }
    }

    fn step(&mut self, mut editor: Option<&mut Editor>) {
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
        let focus_field = self.walk.focus().map(|p| p.field);
        // Whether the fields so far are the focused one and information right after it.
        let mut after_focus = false;
        for (index, field) in step.fields.iter().enumerate() {
            if !self.answers.is_visible(field) {
                continue;
            }
            let at = FieldAt {
                step: self.walk.step_index(),
                index,
            };
            let is_focused = focus_field == Some(at);
            if is_focused {
                self.focus_field_start = self.height();
            }
            self.field(at, field, step.tick_answered, editor.as_deref_mut());
            let is_info = matches!(field.kind, Kind::Info { .. });
            if after_focus && is_info {
                self.focus_ahead = self.height();
            }
            after_focus = is_focused || (after_focus && is_info);
            self.blank();
        }
    }

    /// A field's label, marked when the field stays out of the employer's copy.
    fn marked(&self, field: &Field, label: &str) -> String {
        match self.walk.tool().is_private(field) {
            true => t::private(label),
            false => label.to_string(),
        }
    }

    fn field(&mut self, at: FieldAt, field: &Field, tick: bool, mut editor: Option<&mut Editor>) {
        match &field.kind {
            Kind::Info { text } => {
                let heading = self.marked(field, &field.label);
                if !heading.is_empty() {
                    self.text(&heading, 0, style::heading());
                }
                self.text(text, INDENT, style::info());
                return;
            }
            // A heading, then each paragraph as a place to adapt.
            Kind::Template { .. } => {
                let heading = self.marked(field, &field.label);
                if !heading.is_empty() {
                    self.text(&heading, 0, style::heading());
                }
            }
            Kind::Check => {}
            _ => self.label(field, tick),
        }
        // Rows saved in an earlier sitting of an append-only table: readable, not editable.
        for row in 0..self.walk.locked_rows(field) {
            self.locked_row(field, row);
        }
        for place in self.walk.field_places(at) {
            match place.part {
                Part::Cell { row, col: 0 } => self.row_heading(field, row),
                Part::Tick(i) => self.group_heading(field, i),
                _ => {}
            }
            let from = self.blocks.len();
            let editing = editor.as_deref_mut().filter(|e| e.place == place);
            self.place(field, place, editing);
            self.mark_focus(place, from);
        }
    }

    fn label(&mut self, field: &Field, tick: bool) {
        let mut label = String::new();
        if tick {
            let mark = if self.answers.is_answered(field) {
                t::CHECK_ANSWERED
            } else {
                t::CHECK_OPEN
            };
            label.push_str(&mark);
            label.push(' ');
        }
        label.push_str(&field.label);
        if let Kind::Number { unit, .. } = &field.kind {
            label.push_str(&format!(" ({unit})"));
        }
        if field.required {
            label.push_str(" *");
        }
        let label = self.marked(field, &label);
        self.text(&label, 0, style::title());
        if !field.help.is_empty() {
            self.text(&field.help, 0, style::dim());
        }
        if self.answers.is_carried(field) {
            self.text(&t::CARRIED, 0, style::info());
        }
    }

    fn place(&mut self, field: &Field, place: Place, editor: Option<&mut Editor>) {
        let walk = self.walk;
        let editing = editor.is_some();
        let show_error = editor.as_ref().is_some_and(|e| e.show_error);
        match (place.part, walk.input(place)) {
            (Part::AddEntry, _) => {
                self.button(place, &t::ADD_ENTRY);
                // Where entries can come from the resource bank, say how while in the list.
                let in_list = walk.focus().is_some_and(|f| f.field == place.field);
                if in_list && walk.pick_source(place).is_some() {
                    self.text(&t::PICK_HINT, INDENT, style::hint());
                }
            }
            (Part::Value, Input::Button) => {
                let target = walk.link(place).and_then(|id| self.catalog.get(id));
                let text =
                    target.map_or_else(String::new, |e| t::open_tool(e.tool.number, &e.tool.title));
                self.button(place, &text);
            }
            (Part::AddRow, _) if matches!(field.kind, Kind::WeekSchedule) => {
                self.button(place, &t::ADD_WEEK)
            }
            (Part::AddRow, _) => self.button(place, &t::ADD_ROW),
            (Part::Paragraph(i), _) => self.paragraph(field, place, i, editor),
            (_, Input::Options) => self.options(field, place),
            (Part::Tick(i), _) => {
                if let Kind::Checklist { items } = &field.kind
                    && let Some(item) = items.get(i)
                {
                    self.toggle(place, &item.label);
                }
            }
            (Part::Value, Input::Toggle) => {
                let label = self.marked(field, &field.label);
                self.toggle(place, &label)
            }
            (Part::Cell { col, .. }, input) => {
                let columns = layout::columns(&field.kind);
                let (label, hint) = columns
                    .get(col)
                    .map_or(("", ""), |c| (present::column_label(c.label), c.hint));
                let hint = if hint.is_empty() {
                    present::placeholder(input).to_string()
                } else {
                    t::example(hint)
                };
                self.text_place(place, &[label, ": "].concat(), &hint, INDENT + 2, editor);
            }
            (part, input) => {
                let prefix = match part {
                    Part::From => [t::FROM.as_str(), ": "].concat(),
                    Part::To => [t::TO.as_str(), ": "].concat(),
                    Part::Entry(i) => match &field.kind {
                        Kind::List { item, .. } => format!("{item} {}: ", i + 1),
                        _ => String::new(),
                    },
                    Part::Comment => [field.comment.as_deref().unwrap_or_default(), ": "].concat(),
                    Part::TickComment(_) => [t::COMMENT.as_str(), ": "].concat(),
                    _ => String::new(),
                };
                let hint = match (&field.kind, part) {
                    (Kind::List { hints, .. }, Part::Entry(i)) => {
                        hints.get(i).map_or_else(String::new, |h| t::example(h))
                    }
                    (_, Part::Value) if !field.hint.is_empty() => t::example(&field.hint),
                    _ => present::placeholder(input).to_string(),
                };
                let indent = if matches!(part, Part::TickComment(_)) {
                    INDENT + 4
                } else {
                    INDENT
                };
                self.text_place(place, &prefix, &hint, indent, editor);
            }
        }
        // Under the field being typed in: who the text is about, or whether it can reach
        // the employer.
        let tool = walk.tool();
        let note = match (tool.about, tool.to_employer, field.private) {
            (About::Workplace, ..) => Some(t::ABOUT_WORKPLACE),
            (About::Person, true, true) => Some(t::PRIVATE_FIELD),
            (About::Person, true, false) => Some(t::TO_EMPLOYER),
            (About::Person, false, _) => None,
        };
        if let Some(note) = note.filter(|_| editing) {
            self.text(&note, INDENT, style::hint());
        }
        if let Some(error) = self.answers.error(place) {
            // A half-typed date is not called wrong while it is being typed.
            if !editing || show_error {
                self.text(&format!("! {error}"), INDENT, style::error());
            }
        }
        self.what_text_gives_away(field, place);
    }

    /// Under a place with typed text: a CPR number, until it is gone; words about health in
    /// a field that reaches the employer.
    fn what_text_gives_away(&mut self, field: &Field, place: Place) {
        if !self.walk.input(place).takes_text() {
            return;
        }
        // A template paragraph as the report words it is not typed text.
        if let Part::Paragraph(i) = place.part
            && self.answers.adapted(field, i).is_none()
        {
            return;
        }
        let text = present::editable(self.answers.value(place));
        if privacy::has_cpr(&text) {
            self.text(&t::CPR_WARNING, INDENT, style::error());
        }
        if self.walk.tool().reaches_employer(field) {
            let words = privacy::health_mentions(&text);
            if !words.is_empty() {
                self.text(&t::health_hint(&words), INDENT, style::hint());
            }
        }
    }

    /// A template paragraph: as it reads, blanks filled in; in the editor, as it is written,
    /// blanks and all. Left out, the report's wording shows greyed.
    fn paragraph(
        &mut self,
        field: &Field,
        place: Place,
        index: usize,
        editor: Option<&mut Editor>,
    ) {
        let Some(Shown::Template(paragraphs)) = self.answers.shown(field) else {
            return;
        };
        let Some(paragraph) = paragraphs.get(index) else {
            return;
        };
        if editor.is_some() {
            let original = match &field.kind {
                Kind::Template { text } => paragraphs_of(text).nth(index).unwrap_or_default(),
                _ => "",
            };
            self.text_place(place, "", original, INDENT, editor);
            self.text(&t::ADAPT_HINT, INDENT, style::hint());
        } else {
            let reads = present::template(&self.answers, &paragraph.pieces);
            match (reads.trim(), &paragraph.original) {
                ("", Some(original)) => {
                    let original = present::template(&self.answers, original);
                    self.barred(place, &original, style::hint());
                }
                _ => self.barred(place, &reads, Style::new()),
            }
        }
        match self.answers.adapted(field, index) {
            Some("") => self.text(&t::LEFT_OUT, INDENT, style::dim()),
            Some(_) => self.text(&t::ADAPTED, INDENT, style::dim()),
            None => {}
        }
        if index + 1 < paragraphs.len() {
            self.blank();
        }
    }

    /// Text to read in an input's place, out of the editor: wrapped by words, behind the
    /// input's bar.
    fn barred(&mut self, place: Place, text: &str, text_style: Style) {
        let bar_style = if self.is_focused(place) {
            style::focus()
        } else {
            style::dim()
        };
        let pad = " ".repeat(GUTTER + INDENT);
        let width = self
            .width
            .saturating_sub(GUTTER + INDENT + BAR_WIDTH)
            .max(1);
        let lines = wrap(text, width)
            .into_iter()
            .map(|row| {
                Line::from(vec![
                    Span::raw(pad.clone()),
                    Span::styled(BAR, bar_style),
                    Span::styled(row, text_style),
                ])
            })
            .collect();
        self.blocks.push(Block::Lines(lines));
    }

    /// "Række 2" above a table row; the week ("Uge 48/2026") above a schedule row.
    fn row_heading(&mut self, field: &Field, row: usize) {
        let week = match (&field.kind, self.answers.rows(field).get(row)) {
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
        let Some(cells) = self.answers.rows(field).get(row) else {
            return;
        };
        for column in layout::columns(&field.kind) {
            if let Some(value) = cells.get(column.id).filter(|v| !v.is_empty()) {
                let text = format!(
                    "{}: {}",
                    present::column_label(column.label),
                    present::cell_with_weekday(&column, value)
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

    fn button(&mut self, place: Place, text: &str) {
        let pad = " ".repeat(GUTTER + INDENT);
        let style = if self.is_focused(place) {
            style::selected()
        } else {
            style::dim()
        };
        self.line(Line::from(vec![
            Span::raw(pad),
            Span::styled(["[", text, "]"].concat(), style),
        ]));
    }

    fn toggle(&mut self, place: Place, label: &str) {
        let on = self.answers.is_on(place);
        let mark = if on { "[x] " } else { "[ ] " };
        let focused = self.is_focused(place);
        let width = self.width.saturating_sub(GUTTER + INDENT + 4).max(1);
        let mark_style = if focused {
            style::selected()
        } else {
            Style::new()
        };
        let lines = wrap(label, width)
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let lead = if i == 0 { mark } else { "    " };
                Line::from(vec![
                    Span::raw(" ".repeat(GUTTER + INDENT)),
                    Span::styled(lead.to_string(), mark_style),
                    Span::raw(row),
                ])
            })
            .collect();
        self.blocks.push(Block::Lines(lines));
        if focused && !on {
            self.text(&t::TOGGLE_HINT, INDENT + 4, style::hint());
        }
    }

    fn options(&mut self, field: &Field, place: Place) {
        let chosen = self.answers.chosen(field);
        let ids = field.kind.option_ids().unwrap_or_default();
        let labels = present::option_labels(field);
        let focused = self.is_focused(place);
        let max = self.width.saturating_sub(GUTTER + INDENT).max(1);
        let mut lines = Vec::new();
        let mut line: Vec<Span<'static>> = vec![Span::raw(" ".repeat(GUTTER + INDENT))];
        let mut used = 0;
        for (i, (id, label)) in ids.iter().zip(&labels).enumerate() {
            let on = chosen == Some(*id);
            let text = [if on { "(•) " } else { "( ) " }, label].concat();
            let w = UnicodeWidthStr::width(text.as_str()) + 2;
            if used > 0 && used + w > max {
                lines.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(GUTTER + INDENT)));
                used = 0;
            }
            let style = match (on, focused) {
                (true, true) => style::selected(),
                (true, false) => style::title(),
                _ => Style::new(),
            };
            line.push(Span::styled(text, style));
            if i + 1 < labels.len() {
                line.push(Span::raw("  "));
            }
            used += w;
        }
        lines.push(Line::from(line));
        self.blocks.push(Block::Lines(lines));
        if focused && chosen.is_none() {
            self.text(&t::EMPTY_CHOICE_HINT, INDENT, style::hint());
        }
    }

    /// A text-like place: a prefix ("Fra: ", "Delmål 1: ") and its input, the editor when
    /// it is being edited; the hint shows when it is empty.
    fn text_place(
        &mut self,
        place: Place,
        prefix: &str,
        hint: &str,
        indent: usize,
        editor: Option<&mut Editor>,
    ) {
        let prefix_width = UnicodeWidthStr::width(prefix);
        let available = self.width.saturating_sub(GUTTER + indent);
        // A long prefix gets a line of its own, so narrow screens keep room for the text.
        let (lead, hang) = if prefix_width > available / 2 {
            self.text(prefix.trim_end(), indent, style::dim());
            (indent + 2, indent + 2)
        } else {
            (indent, indent + prefix_width)
        };
        let inline_prefix = if lead == indent { prefix } else { "" };
        let focused = self.is_focused(place);
        let text_style = if focused {
            style::focus()
        } else {
            Style::new()
        };
        let indent_cols = GUTTER + hang + BAR_WIDTH;
        let text_width = self.width.saturating_sub(indent_cols).max(1) as u16;
        let value = self.answers.value(place);
        // Under a date being typed, the date it is read as, with its weekday.
        let reads_as = match (&editor, value) {
            (Some(editor), Value::Date(d)) if !editor.text().trim().is_empty() => {
                Some(t::reads_as(&present::date_with_weekday(d)))
            }
            _ => None,
        };
        let (text, rows) = match editor {
            Some(editor) => {
                style_input(&mut editor.area, hint, text_width, text_style);
                (InputText::Editor, input_rows(&editor.area, text_width))
            }
            None => match shown(value) {
                text if text.is_empty() => {
                    let lines = placeholder_lines(hint, text_width);
                    let rows = (lines.len() as u16).max(1);
                    (InputText::Empty(lines), rows)
                }
                text => {
                    let area = input_of(&text, hint, text_width, text_style);
                    let rows = input_rows(&area, text_width);
                    (InputText::Text(Box::new(area)), rows)
                }
            },
        };
        let bar_style = if focused {
            style::focus()
        } else {
            style::dim()
        };
        let left = (0..rows)
            .map(|row| {
                let pad = " ".repeat(GUTTER + if row == 0 { lead } else { hang });
                let mut spans = vec![Span::raw(pad)];
                if row == 0 && !inline_prefix.is_empty() {
                    spans.push(Span::styled(inline_prefix.to_string(), style::dim()));
                }
                spans.push(Span::styled(BAR, bar_style));
                Line::from(spans)
            })
            .collect();
        self.blocks.push(Block::Input {
            left,
            indent: indent_cols as u16,
            text,
            rows,
        });
        if let Some(reads_as) = reads_as {
            self.text(&reads_as, hang + BAR_WIDTH, style::hint());
        }
    }

    /// Draws the blocks from row `top` into `rect`; returns where the editor's cursor is.
    fn render(
        self,
        frame: &mut Frame,
        rect: Rect,
        top: usize,
        editor: Option<&Editor>,
    ) -> Option<Position> {
        let mut cursor = None;
        let mut y = 0usize;
        let bottom = top + rect.height as usize;
        for block in &self.blocks {
            let h = block.height();
            let (from, to) = (y, y + h);
            y = to;
            if to <= top || from >= bottom || h == 0 {
                continue;
            }
            if from >= top && to <= bottom {
                let at = Rect::new(rect.x, rect.y + (from - top) as u16, rect.width, h as u16);
                cursor = cursor.or(draw_block(block, frame.buffer_mut(), at, editor));
                continue;
            }
            // Cut by the top or bottom edge: drawn whole into a buffer of its own, then the
            // rows in view copied over.
            let full = Rect::new(0, 0, rect.width, h as u16);
            let mut buffer = Buffer::empty(full);
            let at = draw_block(block, &mut buffer, full, editor);
            let first = top.saturating_sub(from);
            let last = (bottom - from).min(h);
            for row in first..last {
                let screen_y = rect.y + (from + row - top) as u16;
                for x in 0..rect.width {
                    if let (Some(cell), Some(target)) = (
                        buffer.cell(Position::new(x, row as u16)),
                        frame
                            .buffer_mut()
                            .cell_mut(Position::new(rect.x + x, screen_y)),
                    ) {
                        *target = cell.clone();
                    }
                }
            }
            if let Some(at) = at {
                let row = from + at.y as usize;
                if row >= top && row < bottom {
                    cursor = Some(Position::new(rect.x + at.x, rect.y + (row - top) as u16));
                }
            }
        }
        cursor
    }
}

/// What a text-like place shows when it is not being edited: its text as it would be
/// typed, a date with its weekday.
fn shown(value: Value) -> String {
    match value {
        Value::Date(d) => present::date_with_weekday(d),
        value => present::editable(value),
    }
}

/// Draws one block into `buffer` at `rect`; returns the editor's cursor in it, if the block
/// is the editor.
fn draw_block(
    block: &Block,
    buffer: &mut Buffer,
    rect: Rect,
    editor: Option<&Editor>,
) -> Option<Position> {
    match block {
        Block::Lines(lines) => {
            put_lines(buffer, rect, lines);
            None
        }
        Block::Input {
            left, indent, text, ..
        } => {
            put_lines(buffer, rect, left);
            let text_rect = Rect {
                x: rect.x + indent,
                width: rect.width.saturating_sub(*indent),
                ..rect
            };
            match (text, editor) {
                (InputText::Text(area), _) => {
                    area.render(text_rect, buffer);
                    None
                }
                (InputText::Empty(lines), _) => {
                    put_lines(buffer, text_rect, lines);
                    None
                }
                (InputText::Editor, Some(editor)) => {
                    (&editor.area).render(text_rect, buffer);
                    Some(input_cursor(&editor.area, text_rect))
                }
                (InputText::Editor, None) => None,
            }
        }
    }
}
