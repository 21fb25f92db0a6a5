//! *Viden*'s quiz: a statement to call true or false, then whether the answer was the
//! report's, the report's own words and where they are from; the score at the end.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::reading::{Material, reference_label};
use super::style;
use crate::core::portal::quiz::Stage;
use crate::texts::ui as t;
use crate::tui::model::{Page, PageKind};
use crate::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, page: &mut Page, material: &Material) {
    let PageKind::Quiz(round) = &page.kind else {
        return;
    };
    let statements = &material.portal.quiz.statements;
    let area = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(2),
        ..area
    };
    let width = area.width.max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let text = |lines: &mut Vec<Line>, text: &str, style: Style| {
        lines.extend(
            wrap(text, width)
                .into_iter()
                .map(|r| Line::styled(r, style)),
        );
    };
    match round.stage(statements.len()) {
        Stage::Done { total: 0, .. } => text(&mut lines, &t::QUIZ_EMPTY, style::dim()),
        Stage::Done { right, total } => {
            text(&mut lines, &t::QUIZ_TITLE, style::heading());
            lines.push(Line::raw(""));
            text(&mut lines, &t::quiz_score(right, total), style::title());
            lines.push(Line::raw(""));
            text(&mut lines, &t::QUIZ_AGAIN, style::dim());
        }
        Stage::Asking(n) | Stage::Answered { n, .. } => {
            let Some(statement) = statements.get(n) else {
                return;
            };
            text(
                &mut lines,
                &t::quiz_progress(n + 1, statements.len()),
                style::heading(),
            );
            lines.push(Line::raw(""));
            text(
                &mut lines,
                &format!("»{}«", statement.statement),
                style::title(),
            );
            lines.push(Line::raw(""));
            if let Stage::Answered { right, .. } = round.stage(statements.len()) {
                let verdict = if right { style::ok() } else { style::error() };
                text(
                    &mut lines,
                    &t::quiz_verdict(right, statement.answer),
                    verdict,
                );
                lines.push(Line::raw(""));
                text(&mut lines, &t::QUIZ_REPORT_SAYS, style::dim());
                lines.extend(
                    wrap(&statement.explanation, width.saturating_sub(2).max(1))
                        .into_iter()
                        .map(|r| Line::raw(format!("┃ {r}"))),
                );
                lines.push(Line::raw(""));
                let source = reference_label(&statement.source, material);
                lines.extend(
                    wrap(&t::from_source(&source), width)
                        .into_iter()
                        .map(|r| Line::styled(r, style::info())),
                );
            } else {
                text(&mut lines, &t::QUIZ_QUESTION, style::dim());
            }
        }
    }
    let max = lines.len().saturating_sub(area.height as usize) as u16;
    page.scroll = page.scroll.min(max);
    frame.render_widget(Paragraph::new(lines).scroll((page.scroll, 0)), area);
}
