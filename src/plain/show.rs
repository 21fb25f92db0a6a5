//! What is written before a prompt, each once: the step and its guidance, the texts to read
//! (the screening's suggestions, as the answers bring them up), the field's question with
//! its marks (required, private), and the place's own lines (its row, its options, what
//! it holds now, the report's example).

use super::command::{YES_NO, our_yes_no};
use super::sitting::Sitting;
use crate::core::answers::Value;
use crate::core::definition::{Field, Kind};
use crate::core::layout::{self, Input};
use crate::core::place::{Part, Place};
use crate::present;
use crate::texts::plain as t;
use crate::texts::ui;

impl Sitting<'_, '_> {
    /// The step's title and guidance, when the step is not the one written last.
    pub(super) fn show_step(&mut self) {
        let step = self.walk.step_index();
        if self.step_shown == Some(step) {
            return;
        }
        self.step_shown = Some(step);
        self.infos_shown.clear();
        self.forget_shown();
        let total = self.walk.tool().steps.len();
        let current = self.walk.current_step();
        let (title, guidance) = (current.title.clone(), current.guidance.clone());
        self.io.blank();
        self.io.say(&t::step(step + 1, total, &title));
        if !guidance.is_empty() {
            self.io.say(&guidance);
        }
        if self.walk.focus().is_none() {
            self.show_infos(step, usize::MAX);
        }
    }

    /// The texts to read (shown fields of the step before `before`) not written yet.
    pub(super) fn show_infos(&mut self, step: usize, before: usize) {
        if self.step_shown != Some(step) {
            return;
        }
        let answers = self.walk.answers();
        let infos: Vec<(usize, String, String)> = self.walk.tool().steps[step]
            .fields
            .iter()
            .enumerate()
            .take(before)
            .filter(|(i, f)| {
                matches!(f.kind, Kind::Info { .. })
                    && answers.is_visible(f)
                    && !self.infos_shown.contains(i)
            })
            .filter_map(|(i, f)| match &f.kind {
                Kind::Info { text } => Some((i, self.marked(f, &f.label), text.clone())),
                _ => None,
            })
            .collect();
        for (index, label, text) in infos {
            self.infos_shown.insert(index);
            self.io.blank();
            if !label.is_empty() {
                self.io.say(&t::heading(&label));
            }
            self.io.say(&text);
        }
    }

    /// A label with the mark of a field kept out of the employer's copy.
    fn marked(&self, field: &Field, label: &str) -> String {
        if self.walk.tool().is_private(field) {
            ui::private(label)
        } else {
            label.to_string()
        }
    }

    /// Everything before the prompt of a place that was not written yet: the step, the
    /// texts to read before the field, the field's question, the place's own lines.
    pub(super) fn show(&mut self, place: Place) {
        self.show_step();
        self.show_infos(place.step(), place.field.index);
        let Some(field) = self.walk.field(place.field).cloned() else {
            return;
        };
        if self.field_shown != Some(place.field) {
            self.field_shown = Some(place.field);
            self.place_shown = None;
            self.list_told = None;
            self.show_field(&field);
            // Come back to a choice's notes: what was chosen is said before them.
            if place.part == Part::Comment
                && let Some(label) = self.chosen(&field, place)
            {
                self.io.say(&t::chosen(&label));
            }
        }
        if self.place_shown != Some(place) {
            self.place_shown = Some(place);
            self.show_place(&field, place);
        }
    }

    fn show_field(&mut self, field: &Field) {
        let mut label = field.label.clone();
        if let Kind::Number { unit, .. } = &field.kind
            && !unit.is_empty()
        {
            label = t::with_unit(&label, unit);
        }
        if field.required {
            label = t::required(&label);
        }
        let label = self.marked(field, &label);
        self.io.blank();
        if !label.is_empty() {
            self.io.say(&label);
        }
        if !field.help.is_empty() {
            self.io.say(&field.help);
        }
        if self.walk.answers().is_carried(field) {
            self.io.say(&t::CARRIED);
        }
        // Rows saved in an earlier sitting of an append-only table: to read, not to change.
        let locked = self.walk.locked_rows(field);
        let answers = self.walk.answers();
        let rows = answers.rows(field);
        let columns = layout::columns(&field.kind);
        let mut lines = Vec::new();
        for (row, cells) in rows.iter().enumerate().take(locked) {
            lines.push((0, t::saved_row(row + 1)));
            for column in &columns {
                if let Some(value) = cells.get(column.id).filter(|v| !v.trim().is_empty()) {
                    let cell = present::cell_with_weekday(column, value);
                    lines.push((2, t::cell(present::column_label(column.label), &cell)));
                }
            }
        }
        for (indent, line) in lines {
            self.io.say_at(indent, &line);
        }
    }

    /// A place's own lines: its heading in a list, table or checklist, its options, what it
    /// holds now, the report's example.
    fn show_place(&mut self, field: &Field, place: Place) {
        let answers = self.walk.answers();
        let input = self.walk.input(place);
        let mut lines: Vec<String> = Vec::new();
        match (place.part, &field.kind) {
            (Part::Cell { row, col: 0 }, kind) => {
                let week = match (kind, answers.rows(field).get(row)) {
                    (Kind::WeekSchedule, Some(cells)) => cells
                        .get(layout::WEEK_COLUMN)
                        .and_then(|w| crate::core::input::Week::from_key(w)),
                    _ => None,
                };
                lines.push(match week {
                    Some(w) => ui::week_heading(w.week, w.year, w.monday()),
                    None => ui::row(row + 1),
                });
            }
            (Part::Tick(i), Kind::Checklist { items }) => {
                let group = items.get(i).map(|item| item.group.as_str());
                let before = i.checked_sub(1).and_then(|p| items.get(p));
                if let Some(group) = group
                    && !group.is_empty()
                    && before.map(|b| b.group.as_str()) != Some(group)
                {
                    lines.push(t::heading(group));
                }
                if let Some(item) = items.get(i) {
                    lines.push(t::item(i + 1, items.len(), &item.label));
                }
            }
            (Part::Paragraph(i), Kind::Template { text }) => {
                let count = crate::core::definition::paragraphs(text).count();
                lines.push(t::paragraph(i + 1, count));
                if let Some(crate::core::answers::Shown::Template(paragraphs)) =
                    answers.shown(field)
                    && let Some(paragraph) = paragraphs.get(i)
                {
                    let reads = present::template(&answers, &paragraph.pieces);
                    match (reads.trim(), &paragraph.original) {
                        ("", Some(original)) => {
                            let original = present::template(&answers, original);
                            lines.push(t::left_out(&original));
                        }
                        (_, Some(_)) => lines.push(t::adapted(&reads)),
                        _ => lines.push(t::as_the_report(&reads)),
                    }
                }
            }
            // How a list ends is said once, at its first "one more".
            (Part::AddEntry, Kind::List { .. }) if self.list_told != Some(place.field) => {
                self.list_told = Some(place.field);
                lines.push(t::ONE_MORE.to_string());
            }
            (Part::AddRow, kind) => {
                let rows = answers.rows(field).len();
                let first = layout::columns(kind)
                    .first()
                    .map(|c| present::column_label(c.label).to_string())
                    .unwrap_or_default();
                lines.push(match kind {
                    Kind::WeekSchedule => t::new_week(rows + 1),
                    _ => t::new_row(rows + 1, &first),
                });
            }
            (Part::Value, Kind::Link { tool }) => {
                let target = self.ctx.catalog.get(tool).map_or_else(
                    || tool.clone(),
                    |e| ui::tool_heading(e.tool.number, &e.tool.title),
                );
                let earlier = self.walk.linked(tool).is_some();
                lines.push(t::link(&target, earlier));
            }
            _ => {}
        }
        match input {
            Input::Options | Input::Toggle => {
                let labels = self.labels(field, place);
                lines.push(t::options(&labels));
                let now = self.chosen(field, place);
                if let Some(label) = now {
                    lines.push(t::now(&label));
                }
            }
            Input::Button => {
                if matches!(place.part, Part::Value) {
                    lines.push(t::options(&our_yes_no().map(str::to_string)));
                }
            }
            _ => match answers.value(place) {
                Value::Empty => {
                    let hint = example(field, place);
                    if !hint.is_empty() {
                        lines.push(t::example(hint));
                    }
                }
                Value::Unparsed(raw) => {
                    let error = answers.error(place).map(|e| e.to_string());
                    lines.push(t::now_invalid(raw, error.as_deref().unwrap_or_default()));
                }
                // A paragraph shows what it reads above.
                _ if matches!(place.part, Part::Paragraph(_)) => {}
                value => lines.push(t::now(&shown(value))),
            },
        }
        for line in lines {
            self.io.say(&line);
        }
    }

    /// The words of a place's options: a choice's, or Ja / Nej.
    fn labels(&self, field: &Field, place: Place) -> Vec<String> {
        let labels = match self.walk.input(place) {
            Input::Options => present::option_labels(field),
            _ => YES_NO.to_vec(),
        };
        labels.into_iter().map(str::to_string).collect()
    }

    /// The chosen option's words, if one is chosen.
    fn chosen(&self, field: &Field, place: Place) -> Option<String> {
        let answers = self.walk.answers();
        match self.walk.input(place) {
            Input::Toggle => Some(
                if answers.is_on(place) {
                    crate::texts::words::YES
                } else {
                    crate::texts::words::NO
                }
                .to_string(),
            )
            .filter(|_| answers.is_on(place) || answers.is_answered(field)),
            _ => {
                let id = answers.chosen(field)?;
                let labels = present::option_labels(field);
                let ids = field.kind.option_ids().unwrap_or_default();
                ids.iter()
                    .position(|i| *i == id)
                    .and_then(|i| labels.get(i))
                    .map(|l| l.to_string())
            }
        }
    }
}

/// The report's example for an empty place, if it has one.
fn example(field: &Field, place: Place) -> &str {
    match (place.part, &field.kind) {
        (Part::Value, _) => &field.hint,
        (Part::Entry(i), Kind::List { hints, .. }) => hints.get(i).map_or("", String::as_str),
        (Part::Cell { col, .. }, Kind::Table { columns, .. }) => {
            columns.get(col).map_or("", |c| c.hint.as_str())
        }
        _ => "",
    }
}

/// What a text-like place holds, in words: a date with its weekday.
pub(super) fn shown(value: Value) -> String {
    match value {
        Value::Date(d) => present::date_with_weekday(d),
        Value::Week(w) => t::week_of(&present::week(w)),
        value => present::editable(value),
    }
}
