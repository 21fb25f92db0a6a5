//! The help overlay, built from the key table that handles the keys: the keys of what lies
//! under the help first, then every other context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{popup, style};
use crate::texts::help as t;
use crate::tui::action::{ALL_CONTEXTS, BINDINGS, Context, bindings, keys_text};
use crate::wrap::wrap;

fn context_title(context: Context) -> &'static str {
    match context {
        Context::Everywhere => t::EVERYWHERE,
        Context::Locked => t::LOCKED,
        Context::Confirming => t::CONFIRMING,
        Context::Help => t::HELP,
        Context::Start => t::START,
        Context::Forloeb => t::FORLOEB,
        Context::ForloebList => t::FORLOEB_LIST,
        Context::ForloebOpen => t::FORLOEB_OPEN,
        Context::Note => t::NOTE,
        Context::ForloebSearch => t::FORLOEB_SEARCH,
        Context::Sessions => t::SESSIONS,
        Context::Reading => t::READING,
        Context::ReadingList => t::READING_LIST,
        Context::ReadingText => t::READING_TEXT,
        Context::ReadingLinks => t::READING_LINKS,
        Context::Body => t::BODY,
        Context::QuizAsk => t::QUIZ_ASK,
        Context::QuizShown => t::QUIZ_SHOWN,
        Context::Walk => t::WALK,
        Context::Unfocused => t::UNFOCUSED,
        Context::NotTyping => t::NOT_TYPING,
        Context::Choosing => t::CHOOSING,
        Context::Ticking => t::TICKING,
        Context::Pressing => t::PRESSING,
        Context::OneLine => t::ONE_LINE,
        Context::Lines => t::LINES,
        Context::Adapting => t::ADAPTING,
        Context::Text => t::TEXT,
        Context::Review => t::REVIEW,
        Context::Dialog => t::DIALOG,
        Context::DialogRows => t::DIALOG_ROWS,
        Context::Choice => t::CHOICE,
    }
    .as_str()
}

/// Draws the overlay scrolled to `scroll` (clamped) and returns the scroll used. The keys
/// of `current` (what lies under the overlay) come first.
pub fn draw(frame: &mut Frame, area: Rect, scroll: u16, current: &[Context]) -> u16 {
    let inner = popup(
        frame,
        area,
        76,
        area.height.saturating_sub(2).max(8),
        &crate::texts::ui::HELP_TITLE,
    );
    let width = inner.width as usize;
    let key_width = BINDINGS
        .iter()
        .map(|b| keys_text(b).width())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let mut rows: Vec<Line> = Vec::new();
    let contexts = current.iter().copied().chain(
        ALL_CONTEXTS
            .into_iter()
            .filter(|c| *c != Context::Help && !current.contains(c)),
    );
    for context in contexts {
        rows.push(Line::styled(context_title(context), style::heading()));
        for binding in bindings(context) {
            let keys = keys_text(binding);
            let text_width = width.saturating_sub(key_width + 3).max(1);
            for (i, row) in wrap(&binding.help, text_width).into_iter().enumerate() {
                let key = if i == 0 { keys.clone() } else { String::new() };
                let pad = key_width.saturating_sub(key.width());
                rows.push(Line::from(vec![
                    Span::styled(format!(" {key}{}", " ".repeat(pad)), style::focus()),
                    Span::raw("  "),
                    Span::raw(row),
                ]));
            }
        }
        rows.push(Line::raw(""));
    }
    for row in wrap(&t::EDITING, width) {
        rows.push(Line::styled(row, style::dim()));
    }
    rows.push(Line::raw(""));
    for row in wrap(&t::LOOK, width) {
        rows.push(Line::styled(row, style::dim()));
    }
    let max = rows.len().saturating_sub(inner.height as usize) as u16;
    let scroll = scroll.min(max);
    frame.render_widget(Paragraph::new(rows).scroll((scroll, 0)), inner);
    scroll
}
