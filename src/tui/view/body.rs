//! *Viden*'s body: the front view drawn from `content/kroppen.ron`, the chosen region lit
//! and pointed at, beside the regions with their letters and a glimpse of what the report
//! says about the chosen one. The largest figure that fits is drawn, so the screen works
//! from 80x24 down to 40x12.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use super::widgets::MARKER;
use crate::core::portal::{Figure, NO_REGION, Portal, Region};
use crate::texts::ui as t;
use crate::wrap::wrap;

/// Room the list of regions needs beside the figure: marker, letter and a short name.
const LIST_WIDTH: u16 = 16;
/// Between the figure and the list: the pointer at the chosen region and a gap.
const POINTER: &str = "◀";
const GAP: u16 = 3;

pub fn draw(frame: &mut Frame, area: Rect, selected: usize, portal: &Portal) {
    let body = &portal.body;
    let Some(figure) = fitting(&body.figures, area) else {
        return;
    };
    let chosen = body.regions.get(selected);
    let figure_width = figure.width() as u16 + 1;
    let figure_area = Rect {
        width: figure_width.min(area.width),
        ..area
    };
    let lines: Vec<Line> = figure
        .cells()
        .map(|row| {
            let spans: Vec<Span> = std::iter::once(Span::raw(" "))
                .chain(
                    row.into_iter()
                        .map(|(art, mark)| Span::styled(art.to_string(), cell_style(mark, chosen))),
                )
                .collect();
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), figure_area);
    // The pointer right of the chosen region, on its middle row.
    if let Some(region) = chosen {
        let ends: Vec<(usize, usize)> = figure
            .regions
            .iter()
            .enumerate()
            .filter_map(|(row, marks)| {
                let last = marks
                    .chars()
                    .enumerate()
                    .filter(|(_, m)| *m == region.key)
                    .last()?;
                Some((row, last.0))
            })
            .collect();
        if let Some(&(row, column)) = ends.get(ends.len() / 2) {
            // One column for the figure's margin, one after the region.
            let x = area.x + column as u16 + 2;
            if (row as u16) < area.height && x < area.x + area.width {
                let at = Rect::new(x, area.y + row as u16, 1, 1);
                frame.render_widget(Span::styled(POINTER, style::focus()), at);
            }
        }
    }
    let panel = Rect {
        x: area.x + figure_width + GAP,
        width: area.width.saturating_sub(figure_width + GAP),
        ..area
    };
    draw_panel(frame, panel, &body.regions, selected);
}

/// The largest figure that fits beside the list, else the smallest.
fn fitting(figures: &[Figure], area: Rect) -> Option<&Figure> {
    figures
        .iter()
        .find(|f| {
            f.height() as u16 <= area.height
                && f.width() as u16 + 1 + GAP + LIST_WIDTH <= area.width
        })
        .or(figures.last())
}

fn cell_style(mark: char, chosen: Option<&Region>) -> Style {
    match mark {
        ' ' => Style::new(),
        NO_REGION => style::dim(),
        key if chosen.is_some_and(|r| r.key == key) => style::focus(),
        _ => Style::new().fg(Color::Gray),
    }
}

/// The title and how to choose, the regions, then the chosen one's first passage as far as
/// there is room.
fn draw_panel(frame: &mut Frame, area: Rect, regions: &[Region], selected: usize) {
    let width = area.width.max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    // On a low screen the regions come first.
    let room = area.height as usize;
    if room > regions.len() + 4 {
        lines.push(Line::styled(t::BODY_TITLE, style::heading()));
        lines.extend(
            wrap(&t::BODY_HELP, width)
                .into_iter()
                .map(|r| Line::styled(r, style::dim())),
        );
        lines.push(Line::raw(""));
    }
    for (i, region) in regions.iter().enumerate() {
        let (marker, name_style) = if i == selected {
            (MARKER, style::selected())
        } else {
            ("  ", Style::new())
        };
        lines.push(Line::from(vec![
            Span::styled(marker, style::focus()),
            Span::styled(format!("{} ", region.key), style::focus()),
            Span::styled(region.name.clone(), name_style),
        ]));
    }
    if let Some(region) = regions.get(selected) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            t::passages(region.passages.len()),
            style::dim(),
        ));
        // The first passage, whole or not at all.
        let passage: Vec<Line> = region.passages.first().map_or_else(Vec::new, |passage| {
            wrap(&passage.text, width.saturating_sub(2).max(1))
                .into_iter()
                .map(|r| Line::from(vec![Span::styled("┃ ", style::dim()), Span::raw(r)]))
                .collect()
        });
        if lines.len() + passage.len() <= room {
            lines.extend(passage);
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
