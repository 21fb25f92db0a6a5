//! The forløb screen: the list of forløb, or one forløb with its sessions in time order and
//! its MSB-log.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::ListItem;

use super::style;
use super::widgets::{selectable_list, wrapped_item};
use crate::texts::ui as t;
use crate::texts::words;
use crate::tui::model::{Model, Screen};
use crate::wrap::wrap;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model) {
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
    match view
        .open
        .as_ref()
        .and_then(|id| model.forloeb.iter().find(|f| &f.id == id))
    {
        None => {
            items.push(ListItem::new(Text::from(wrapped(
                t::FORLOEB_ADVICE,
                style::dim(),
            ))));
            items.push(ListItem::new(""));
            if model.forloeb.is_empty() {
                items.push(ListItem::new(Text::from(wrapped(
                    t::NO_FORLOEB,
                    style::dim(),
                ))));
            }
            let first = items.len();
            for f in &model.forloeb {
                let sessions = model.forloeb_sessions(&f.id);
                let next = sessions.iter().filter_map(|s| s.follow_up).min();
                items.push(ListItem::new(t::forloeb_row(
                    &f.label,
                    sessions.len(),
                    next,
                )));
            }
            selected = (!model.forloeb.is_empty()).then_some(first + view.selected);
            for (file, reason) in &model.forloeb_damaged {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let text = format!("!! {} {name}: {reason}", t::DAMAGED);
                items.push(ListItem::new(Text::from(wrapped(&text, style::error()))));
            }
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
                    t::NO_FORLOEB_SESSIONS,
                    style::dim(),
                ))));
            }
            let first = items.len();
            for s in &sessions {
                let tool = model.catalog.get(&s.tool).map_or(s.tool.clone(), |e| {
                    format!("{:>2} {}", e.tool.number, e.tool.title)
                });
                let follow = s
                    .follow_up
                    .map(|d| t::follow_up_suffix(&d.format(words::DATE).to_string()))
                    .unwrap_or_default();
                let date = s.created.format(words::DATE).to_string();
                let status = format!("{:<7} ", crate::texts::status(s.status));
                let text = format!("{date}  {status}{tool}{follow}");
                let hang = date.width() + 2 + status.width();
                items.push(wrapped_item(&text, width, hang, Style::new()));
            }
            selected = (!sessions.is_empty()).then_some(first + view.row);
            let log_heading = vec![Line::raw(""), Line::styled(t::MSB_LOG, style::heading())];
            items.push(ListItem::new(Text::from(log_heading)));
            if forloeb.log.is_empty() {
                items.push(ListItem::new(Text::from(wrapped(t::NO_LOG, style::dim()))));
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
