//! `view`: draws the model. One file per screen and overlay; this one lays out the frame
//! around them: the header (with the tabs on the top-level screens), the body, the overlays
//! in order, and the footer with the keys of the active contexts or a message.

mod body;
mod dialogs;
mod export;
mod forloeb;
mod help;
mod note;
mod palette;
mod picker;
mod quiz;
mod reading;
mod review;
mod sessions;
mod start;
mod step;
mod widgets;

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use unicode_width::UnicodeWidthStr;

use super::action::{Context, footer};
use super::model::{Confirming, Model, Overlay, Screen, Tab};
use super::update::{active_contexts, contexts_under};
use crate::core::definition::About;
use crate::texts::Text;
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

pub use palette::Palette;

/// Draws the whole frame, then gives it the palette's colours.
pub fn draw(frame: &mut Frame, model: &mut Model) {
    draw_screen(frame, model);
    model.palette.paint(frame.buffer_mut());
}

fn draw_screen(frame: &mut Frame, model: &mut Model) {
    let area = frame.area();
    // Locked: nothing about anyone is drawn, not the header's forløb nor the lists.
    if model.lock.is_some() {
        let footer_rows = footer_lines(model, area.width);
        let [body, footer] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(footer_rows.len().max(1) as u16),
        ])
        .areas(area);
        let encrypted = model.encrypted;
        if let Some(lock) = &mut model.lock {
            dialogs::locked(frame, body, lock, encrypted);
        }
        widgets::put_lines(frame.buffer_mut(), footer, &footer_rows);
        return;
    }
    let footer_rows = footer_lines(model, area.width);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_rows.len().max(1) as u16),
    ])
    .areas(area);

    draw_header(frame, header, model);
    let Model {
        screen,
        portal,
        catalog,
        sessions,
        ..
    } = model;
    match screen {
        Screen::Reading(reading) => {
            let material = reading::Material {
                portal,
                catalog,
                sessions: &sessions.items,
            };
            reading::draw(frame, body, reading, &material)
        }
        Screen::Start => start::draw(frame, body, model),
        Screen::Forloeb(_) => forloeb::draw(frame, body, model),
        Screen::Sessions => sessions::draw(frame, body, model),
        Screen::Session(open) => step::draw(frame, body, open, &model.catalog),
    }
    for depth in 0..model.overlays.len() {
        // The help lists the keys of what lies under it.
        let under = contexts_under(model, depth);
        let Model {
            overlays,
            screen,
            forloeb,
            ..
        } = model;
        match (&mut overlays[depth], screen) {
            (Overlay::Help { scroll }, _) => *scroll = help::draw(frame, area, *scroll, &under),
            (Overlay::Review { selected, scroll }, Screen::Session(open)) => {
                review::draw(frame, body, open, selected, scroll)
            }
            (Overlay::Label(label), Screen::Session(open))
                if open.walk.tool().about == About::Workplace =>
            {
                dialogs::workplace(frame, body, label)
            }
            (Overlay::Label(label), _) => dialogs::label(frame, body, label),
            (Overlay::Workplace(name), _) => dialogs::workplace(frame, body, name),
            (Overlay::Export(dialog), _) => export::draw(frame, body, dialog),
            (Overlay::Picker(picker), _) => picker::draw(frame, body, picker),
            (Overlay::NewForloeb(dialog), _) => dialogs::new_forloeb(frame, body, dialog),
            (Overlay::MoveTo(dialog), _) => dialogs::move_to(frame, body, dialog, forloeb),
            (Overlay::Log(dialog), _) => dialogs::log(frame, body, dialog),
            (Overlay::Note(view), _) => note::draw(frame, body, view),
            (Overlay::Import(dialog), _) => dialogs::import(frame, body, dialog, forloeb),
            (Overlay::Share(dialog), _) => dialogs::share(frame, body, dialog),
            (Overlay::Confirm(confirm), _) => {
                let last = match confirm.what {
                    Confirming::Export { .. } => t::HEALTH_FINAL,
                    Confirming::Reopen => t::REOPEN_FINAL,
                    Confirming::Notice => crate::texts::migrate::FINAL,
                    Confirming::Shared => t::SHARED_FINAL,
                    _ => t::DELETE_FINAL,
                };
                dialogs::confirm(frame, body, confirm, &last)
            }
            (Overlay::Review { .. }, _) => {}
        }
    }
    widgets::put_lines(frame.buffer_mut(), footer, &footer_rows);
}

/// "VEJEN FREM", then the tabs on the top-level screens, or what the open session is. On a
/// narrow screen the tabs come first; the name goes, then the other tabs.
fn draw_header(frame: &mut Frame, area: Rect, model: &Model) {
    let app = Span::styled(format!(" {} ", t::APP), Style::new().reversed().bold());
    let width = area.width as usize;
    match (&model.screen, model.screen.tab()) {
        (_, Some(current)) => {
            // The current tab in brackets too, so it reads as current without colour.
            let name = |tab: Tab| match tab == current {
                true => format!("[{}]", tab_name(tab)),
                false => tab_name(tab).to_string(),
            };
            let all: Vec<String> = Tab::ALL.iter().map(|tab| name(*tab)).collect();
            let tabs_width: usize = all.iter().map(|n| n.width() + 3).sum();
            let mut spans = Vec::new();
            if app.width() + 1 + tabs_width <= width {
                spans.push(app);
                spans.push(Span::raw(" "));
            }
            let only_current = tabs_width > width;
            for (i, tab) in Tab::ALL.iter().enumerate() {
                if only_current && *tab != current {
                    continue;
                }
                if i > 0 && !only_current {
                    spans.push(Span::styled("·", style::dim()));
                }
                let style = if *tab == current {
                    style::title().reversed()
                } else {
                    style::dim()
                };
                spans.push(Span::styled(format!(" {} ", all[i]), style));
            }
            if only_current {
                let position = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
                spans.push(Span::styled(
                    format!(" {}/{}", position + 1, Tab::ALL.len()),
                    style::dim(),
                ));
            }
            widgets::put_line(
                frame.buffer_mut(),
                area.x,
                area.y,
                &Line::from(spans),
                area.width,
            );
        }
        (Screen::Session(open), None) => {
            let app_width = app.width() as u16 + 1;
            let [app_area, rest] =
                Layout::horizontal([Constraint::Length(app_width), Constraint::Min(0)]).areas(area);
            widgets::put_line(
                frame.buffer_mut(),
                app_area.x,
                app_area.y,
                &Line::from(app),
                app_area.width,
            );
            let tool = open.walk.tool();
            let heading = t::tool_heading(tool.number, &tool.title);
            // Whose answers these are first: the forløb's label, or the workplace's name.
            let session = open.walk.session();
            let workplace = (tool.about == About::Workplace && !session.label.is_empty())
                .then_some(session.label.as_str());
            let title = match model.forloeb_label(&session.forloeb).or(workplace) {
                Some(label) => format!("{label} · {heading}"),
                None => heading,
            };
            let title = crate::wrap::truncate(&title, rest.width as usize);
            let title = Line::styled(title, style::title());
            widgets::put_line(frame.buffer_mut(), rest.x, rest.y, &title, rest.width);
        }
        (_, None) => frame.render_widget(Line::from(app), area),
    }
}

fn tab_name(tab: Tab) -> &'static str {
    match tab {
        Tab::Tools => t::TOOLS,
        Tab::Forloeb => t::FORLOEB,
        Tab::Sessions => t::SESSIONS,
        Tab::Reading => t::READING,
    }
    .as_str()
}

/// A message (up to three rows), or the keys of the active contexts as far as they fit.
fn footer_lines(model: &Model, width: u16) -> Vec<Line<'static>> {
    // A locked screen says nothing but its keys.
    if let Some(note) = model.note.as_ref().filter(|_| model.lock.is_none()) {
        // An error is marked as one in words too, not only in red.
        let (note_style, text) = if note.is_error {
            (style::error(), t::error_note(&note.text))
        } else {
            (style::info(), note.text.clone())
        };
        return wrap(&text, width.saturating_sub(1).max(1) as usize)
            .into_iter()
            .take(3)
            .map(|row| Line::styled(format!(" {row}"), note_style))
            .collect();
    }
    keys(active_contexts(model), width)
}

/// [`key_lines`], remembered from the last frame.
fn keys(contexts: Vec<Context>, width: u16) -> Vec<Line<'static>> {
    let key = (crate::texts::language(), width, contexts);
    LAST_KEYS.with_borrow_mut(|last| match last {
        Some((at, lines)) if *at == key => lines.clone(),
        _ => {
            let lines = key_lines(&key.2, width);
            *last = Some((key, lines.clone()));
            lines
        }
    })
}

thread_local! {
    /// The footer's keys as last drawn, by language, width and active contexts: they change
    /// with the screen and the focused place, not with a letter typed, and working them out
    /// from the key table was a tenth of what a typed letter cost. Per thread, as the
    /// language can be.
    static LAST_KEYS: RefCell<Option<KeysFor>> = const { RefCell::new(None) };
}

type KeysFor = (
    (crate::texts::Language, u16, Vec<Context>),
    Vec<Line<'static>>,
);

/// The keys of `contexts`, as far as they fit in `width`.
fn key_lines(contexts: &[Context], width: u16) -> Vec<Line<'static>> {
    // The help key always shows, last; the others as far as they fit before it.
    let (help, others): (Vec<_>, Vec<_>) = footer(contexts)
        .into_iter()
        .partition(|(_, word)| *word == crate::texts::hints::HELP);
    let entry_width = |(keys, word): &(String, Text)| keys.width() + 1 + word.width();
    const SEP: &str = " · ";
    let help_width: usize = help.iter().map(|e| SEP.width() + entry_width(e)).sum();
    let mut room = (width as usize).saturating_sub(1 + help_width);
    let mut shown: Vec<(String, Text)> = Vec::new();
    for entry in others {
        let w = entry_width(&entry) + if shown.is_empty() { 0 } else { SEP.width() };
        if w > room {
            break;
        }
        room -= w;
        shown.push(entry);
    }
    shown.extend(help);
    let mut spans = vec![Span::raw(" ")];
    for (i, (keys, word)) in shown.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEP, style::dim()));
        }
        spans.push(Span::styled(keys, style::title().fg(Color::Gray)));
        spans.push(Span::styled(format!(" {word}"), style::dim()));
    }
    vec![Line::from(spans)]
}

/// A centred box of at most `width` x `height`, with a border and title. Its rows are
/// cleared across the whole width, so no piece of the text behind peeks out beside it.
pub(crate) fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16, title: &str) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(
        Clear,
        Rect {
            x: area.x,
            width: area.width,
            ..rect
        },
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::{Language, with_language};

    /// The footer's keys remembered from the frame before are the keys worked out afresh,
    /// whatever the contexts, width and language were before.
    #[test]
    fn remembered_keys_are_the_keys_of_now() {
        use Context as C;
        let sets = [
            vec![C::Walk, C::OneLine, C::Text, C::Everywhere],
            vec![C::Walk, C::Choosing, C::NotTyping, C::Everywhere],
            vec![C::Help, C::Everywhere],
            vec![C::Locked, C::Text],
        ];
        for language in [Language::Danish, Language::English, Language::Danish] {
            with_language(language, || {
                for width in [80, 40, 80] {
                    for contexts in sets.iter().chain(sets.iter().rev()) {
                        let fresh = key_lines(contexts, width);
                        assert_eq!(keys(contexts.clone(), width), fresh);
                        assert_eq!(keys(contexts.clone(), width), fresh);
                    }
                }
            });
        }
    }
}
