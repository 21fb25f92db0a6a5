//! The forløb screen: the list of forløb, or one forløb with its sessions in time order and
//! its MSB-log.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, ListItem, Padding, Paragraph};

use super::style;
use super::widgets::{damaged_item, dialog_input, selectable_list, windowed_list, wrapped_item};
use crate::texts::ui as t;
use crate::texts::words;
use crate::tui::model::{Model, Screen};
use crate::wrap::wrap;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, model: &mut Model) {
    let Screen::Forloeb(view) = &model.screen else {
        return;
    };
    let width = area.width.saturating_sub(2).max(1) as usize;
    let wrapped = |text: &str, style| -> Vec<Line<'static>> {
        wrap(text, width)
            .into_iter()
            .map(|r| Line::styled(r, style))
            .collect()
    };
    let mut items: Vec<ListItem> = Vec::new();
    let selected;
    match view.open.as_ref().and_then(|id| model.forloeb.get(id)) {
        None => {
            // The advice (or the search being typed), then the forløb: only the rows in
            // view are drawn.
            let advice = match view.search {
                Some(_) => vec![Line::raw("")],
                None => wrapped(&t::FORLOEB_ADVICE, style::dim()),
            };
            let [advice_area, _, list_area] = Layout::vertical([
                Constraint::Length(advice.len() as u16),
                Constraint::Length(1),
                Constraint::Min(1),
            ])
            .areas(area);
            let Screen::Forloeb(view) = &mut model.screen else {
                return;
            };
            match &mut view.search {
                Some(search) => {
                    let label = Span::styled(t::SEARCH_LABEL, style::title());
                    let label_width = label.width() as u16 + 3;
                    let [label_area, input] =
                        Layout::horizontal([Constraint::Length(label_width), Constraint::Min(1)])
                            .areas(advice_area);
                    frame.render_widget(Line::from(vec![Span::raw("  "), label]), label_area);
                    dialog_input(frame, input, search.as_mut(), true);
                }
                None => frame.render_widget(
                    Paragraph::new(advice).block(Block::new().padding(Padding::left(2))),
                    advice_area,
                ),
            }
            let view = &*view;
            let forloeb = &model.forloeb;
            if forloeb.all.is_empty() && forloeb.damaged.is_empty() {
                let note = wrapped(&t::NO_FORLOEB, style::dim());
                frame.render_widget(
                    Paragraph::new(note).block(Block::new().padding(Padding::left(2))),
                    list_area,
                );
                return;
            }
            let found = view.count(forloeb.all.len());
            // Damaged files are listed after the forløb, unless a search is narrowing.
            let damaged = if view.found.is_some() {
                0
            } else {
                forloeb.damaged.len()
            };
            let row = |i: usize| match view.at(i).and_then(|f| forloeb.all.get(f)) {
                Some(f) if i < found => {
                    let (sessions, next) = forloeb.overview(&f.id);
                    ListItem::new(t::forloeb_row(&f.label, sessions, next))
                }
                _ => {
                    let (file, reason) = &forloeb.damaged[i - found];
                    damaged_item(file, reason, width)
                }
            };
            let selected = (found > 0).then_some(view.selected);
            let mut offset = forloeb.offset;
            windowed_list(
                frame,
                list_area,
                found + damaged,
                selected,
                &mut offset,
                row,
            );
            model.forloeb.offset = offset;
            return;
        }
        Some(forloeb) => {
            items.push(ListItem::new(Line::styled(
                format!("{}: {}", t::FORLOEB, forloeb.label),
                style::title(),
            )));
            items.push(ListItem::new(""));
            items.push(ListItem::new(Line::styled(
                t::FORLOEB_SESSIONS,
                style::heading(),
            )));
            let sessions = model.forloeb_sessions(&forloeb.id);
            if sessions.is_empty() {
                items.push(ListItem::new(Text::from(wrapped(
                    &t::NO_FORLOEB_SESSIONS,
                    style::dim(),
                ))));
            }
            let first = items.len();
            for s in &sessions {
                let tool = model.catalog.get(&s.tool).map_or(s.tool.clone(), |e| {
                    t::tool_row(e.tool.number, " ", &e.tool.title)
                });
                let follow = s
                    .follow_up
                    .map(|d| t::follow_up_suffix(&d.format(words::DATE).to_string()))
                    .unwrap_or_default();
                let date = s.created.format(words::DATE).to_string();
                let status = format!("{:<7} ", crate::texts::status(s.status));
                let imported = s.shared_by.as_deref().map(t::imported_suffix);
                let imported = imported.unwrap_or_default();
                let text = format!("{date}  {status}{tool}{imported}{follow}");
                let hang = date.width() + 2 + status.width();
                items.push(wrapped_item(&text, width, hang, Style::new()));
            }
            selected = (!sessions.is_empty()).then_some(first + view.row);
            let log_heading = vec![Line::raw(""), Line::styled(t::MSB_LOG, style::heading())];
            items.push(ListItem::new(Text::from(log_heading)));
            if forloeb.log.is_empty() {
                items.push(ListItem::new(Text::from(wrapped(&t::NO_LOG, style::dim()))));
            }
            for entry in &forloeb.log {
                let text = format!(
                    "{} · {} → {}: {}",
                    entry.date.format(words::DATE),
                    entry.who,
                    entry.with_whom,
                    entry.agreed
                );
                items.push(ListItem::new(Text::from(wrapped(&text, style::title()))));
            }
        }
    }
    selectable_list(frame, area, items, selected, &mut 0, style::selected());
}
