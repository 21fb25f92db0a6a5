//! `view`: draws the model. One file per screen; this one lays out the frame around them.

mod export;
mod forloeb;
mod help;
mod picker;
mod reading;
mod review;
mod sessions;
mod start;
mod step;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::action::Context;
use super::model::{Model, Screen};
use crate::texts::ui as t;
use crate::wrap::wrap;

/// Styles shared by the screens.
pub(crate) mod style {
    use super::*;

    pub fn title() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn heading() -> Style {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn dim() -> Style {
        Style::new().fg(Color::DarkGray)
    }
    pub fn hint() -> Style {
        Style::new()
            .fg(Color::DarkGray)
            .add_modifier(Modifier::ITALIC)
    }
    pub fn selected() -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn focus() -> Style {
        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn error() -> Style {
        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn info() -> Style {
        Style::new().fg(Color::Cyan)
    }
    pub fn ok() -> Style {
        Style::new().fg(Color::Green)
    }
}

pub fn draw(frame: &mut Frame, model: &mut Model) {
    let area = frame.area();
    // A message may need a few rows; the key hints take one.
    let footer_rows: Vec<Line> = match &model.note {
        Some(note) => {
            let note_style = if note.is_error {
                style::error()
            } else {
                style::info()
            };
            wrap(&note.text, area.width.saturating_sub(1).max(1) as usize)
                .into_iter()
                .take(3)
                .map(|row| Line::styled(format!(" {row}"), note_style))
                .collect()
        }
        None => Vec::new(),
    };
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_rows.len().max(1) as u16),
    ])
    .areas(area);

    let (title, hints) = match &model.screen {
        Screen::Start => (t::TOOLS.to_string(), t::HINTS_START),
        Screen::Forloeb(view) => (
            t::FORLOEB.to_string(),
            if view.open.is_some() {
                t::HINTS_FORLOEB_OPEN
            } else {
                t::HINTS_FORLOEB
            },
        ),
        Screen::Sessions => (t::SESSIONS.to_string(), t::HINTS_SESSIONS),
        Screen::Reading(r) => (
            t::READING.to_string(),
            if r.open {
                t::HINTS_READING_OPEN
            } else {
                t::HINTS_READING
            },
        ),
        Screen::Session(open) => {
            let tool = open.walk.tool();
            let hints = if open.review.is_some() {
                t::HINTS_REVIEW
            } else {
                t::HINTS_WALK
            };
            let heading = t::tool_heading(tool.number, &tool.title);
            // The forløb's label first, so it is clear whose answers these are.
            match model.forloeb_label(&open.walk.session().forloeb) {
                Some(label) => (format!("{label} · {heading}"), hints),
                None => (heading, hints),
            }
        }
    };
    let header_line = Line::from(vec![
        Span::styled(format!(" {} ", t::APP), Style::new().reversed().bold()),
        Span::raw(" "),
        Span::styled(title, style::title()),
    ]);
    frame.render_widget(Paragraph::new(header_line), header);

    match &mut model.screen {
        Screen::Start => start::draw(frame, body, model),
        Screen::Forloeb(_) => forloeb::draw(frame, body, model),
        Screen::Sessions => sessions::draw(frame, body, model),
        Screen::Reading(reading) => reading::draw(frame, body, reading),
        Screen::Session(open) => {
            if open.review.is_some() {
                review::draw(frame, body, open);
            } else {
                step::draw(frame, body, open, &model.catalog);
            }
            if open.label.is_some() {
                step::draw_label_prompt(frame, body, open);
            }
            if let Some(dialog) = &open.export {
                export::draw(frame, body, dialog);
            }
            if let Some(picker) = &open.picker {
                picker::draw(frame, body, picker);
            }
        }
    }

    let footer_lines = if footer_rows.is_empty() {
        vec![Line::styled(format!(" {hints}"), style::dim())]
    } else {
        footer_rows
    };
    frame.render_widget(Paragraph::new(footer_lines), footer);

    if let Some(scroll) = model.help {
        let current: &[Context] = match &model.screen {
            Screen::Start => &[Context::Start],
            Screen::Forloeb(_) => &[Context::Forloeb],
            Screen::Sessions => &[Context::Sessions],
            Screen::Reading(_) => &[Context::Reading],
            Screen::Session(open) if open.review.is_some() => &[Context::Review],
            Screen::Session(_) => &[Context::Walk, Context::WalkNotTyping],
        };
        let scroll = help::draw(frame, area, scroll, current);
        model.help = Some(scroll);
    }
}

/// A centred box of at most `width` x `height`, cleared, with a border and title.
pub(crate) fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16, title: &str) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(Span::styled(format!(" {title} "), style::title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// The first row to show so that rows `from..to` are visible in `height` rows, moving
/// as little as possible from `current`.
pub(crate) fn scroll_to_show(
    current: usize,
    from: usize,
    to: usize,
    height: usize,
    total: usize,
) -> usize {
    let height = height.max(1);
    let mut top = current.min(total.saturating_sub(height));
    if to > top + height {
        top = to.saturating_sub(height);
    }
    if from < top {
        top = from;
    }
    top
}
