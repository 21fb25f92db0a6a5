//! Tables as grids of plain text, by display width: the plain-text exports and the reading
//! screen draw tables with it. Cells wrap by words inside their column; a table too wide for
//! its columns' longest words is written row by row instead ("Heading: value").

use unicode_width::UnicodeWidthStr;

use crate::wrap::wrap;

/// A table as lines of at most `width` columns: a heading row, the rows, each at least
/// `row_height` lines high (room to write on paper), between `+---+` rules. The cells have
/// a space either side where that leaves their text as short; a table that needs the room
/// goes without.
pub fn grid(
    header: &[String],
    rows: &[Vec<String>],
    width: usize,
    row_height: usize,
) -> Vec<String> {
    if header.is_empty() {
        return Vec::new();
    }
    let spaced = laid_out(header, rows, width, row_height, 1);
    let tight = laid_out(header, rows, width, row_height, 0);
    match (spaced, tight) {
        (Some(spaced), Some(tight)) if tight.len() < spaced.len() => tight,
        (Some(spaced), _) => spaced,
        (None, Some(tight)) => tight,
        (None, None) => records(header, rows, width),
    }
}

/// The grid with `pad` spaces either side of each cell, if every column's longest word fits.
fn laid_out(
    header: &[String],
    rows: &[Vec<String>],
    width: usize,
    row_height: usize,
    pad: usize,
) -> Option<Vec<String>> {
    let columns = header.len();
    let cell = |row: &[String], c: usize| row.get(c).map_or("", String::as_str).to_string();
    // Each column's texts, its heading last.
    let cells: Vec<Vec<&str>> = (0..columns)
        .map(|c| {
            rows.iter()
                .map(|r| r.get(c).map_or("", String::as_str))
                .chain([header[c].as_str()])
                .collect()
        })
        .collect();
    let widest = |c: usize, measure: fn(&str) -> usize| {
        cells[c].iter().map(|t| measure(t)).max().unwrap_or(0)
    };
    let natural: Vec<usize> = (0..columns)
        .map(|c| widest(c, widest_line).max(1))
        .collect();
    let least: Vec<usize> = (0..columns)
        .map(|c| widest(c, widest_word).clamp(1, natural[c]))
        .collect();
    // Each column has its padding either side and a bar after it, and the grid a bar first.
    let frame = (2 * pad + 1) * columns + 1;
    let available = width.checked_sub(frame)?;
    if least.iter().sum::<usize>() > available {
        return None;
    }
    let widths = fit(&natural, &least, available, &cells);
    let rule = format!(
        "+{}+",
        widths
            .iter()
            .map(|w| "-".repeat(w + 2 * pad))
            .collect::<Vec<_>>()
            .join("+")
    );
    let space = " ".repeat(pad);
    let mut out = vec![rule.clone()];
    let row_lines = |cells: Vec<String>, height: usize, out: &mut Vec<String>| {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(text, w)| {
                if text.is_empty() {
                    Vec::new()
                } else {
                    wrap(text, *w)
                }
            })
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(height);
        for i in 0..lines {
            let parts: Vec<String> = wrapped
                .iter()
                .zip(&widths)
                .map(|(rows, w)| {
                    let text = rows.get(i).map_or("", String::as_str);
                    let fill = " ".repeat(w.saturating_sub(text.width()));
                    format!("{space}{text}{fill}{space}")
                })
                .collect();
            out.push(format!("|{}|", parts.join("|")));
        }
        out.push(rule.clone());
    };
    row_lines(header.to_vec(), 1, &mut out);
    for row in rows {
        row_lines(
            (0..columns).map(|c| cell(row, c)).collect(),
            row_height,
            &mut out,
        );
    }
    Some(out)
}

/// Column widths: each column's natural width if they all fit; else each starts at its
/// longest word, and the rest of the room goes to the tallest column, as much as it
/// needs to be a line shorter (the one that needs least, if several are as tall), until
/// none can be made shorter with the room left.
fn fit(natural: &[usize], least: &[usize], available: usize, cells: &[Vec<&str>]) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let height = |c: usize, width: usize| {
        cells[c]
            .iter()
            .map(|text| wrap(text, width).len())
            .max()
            .unwrap_or(0)
    };
    let mut widths = least.to_vec();
    let mut spare = available.saturating_sub(least.iter().sum());
    loop {
        // For each column that can grow: how tall it is, and the room it needs to shrink.
        let best = (0..widths.len())
            .filter_map(|c| {
                let now = height(c, widths[c]);
                let shorter = (widths[c] + 1..=natural[c]).find(|&w| height(c, w) < now)?;
                Some((now, shorter - widths[c], c))
            })
            .filter(|(_, need, _)| *need <= spare)
            .max_by_key(|(now, need, _)| (*now, std::cmp::Reverse(*need)));
        let Some((_, need, c)) = best else {
            break;
        };
        widths[c] += need;
        spare -= need;
    }
    widths
}

fn widest_line(text: &str) -> usize {
    text.split('\n')
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// The widest piece a text cannot be broken into: a word, or a compound's part up to its
/// hyphen.
fn widest_word(text: &str) -> usize {
    text.split_whitespace()
        .flat_map(|word| word.split_inclusive('-'))
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// A table too narrow for a grid: each row as its first cell, then "Heading: value" for the
/// others that say something.
fn records(header: &[String], rows: &[Vec<String>], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let empty = String::new();
    for row in rows {
        let mut cells = header
            .iter()
            .zip(row.iter().chain(std::iter::repeat(&empty)));
        if let Some((heading, first)) = cells.next() {
            let title = if first.is_empty() { heading } else { first };
            out.extend(wrap(title, width));
        }
        for (heading, value) in cells.filter(|(_, v)| !v.trim().is_empty()) {
            let line = format!("{heading}: {value}");
            out.extend(
                wrap(&line, width.saturating_sub(2).max(1))
                    .into_iter()
                    .map(|r| format!("  {r}")),
            );
        }
        out.push(String::new());
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_table_that_fits_keeps_its_natural_widths() {
        let lines = grid(
            &strings(&["Uge", "Mandag"]),
            &[strings(&["48", "4 timer"])],
            72,
            1,
        );
        assert_eq!(
            lines,
            [
                "+-----+---------+",
                "| Uge | Mandag  |",
                "+-----+---------+",
                "| 48  | 4 timer |",
                "+-----+---------+",
            ]
        );
    }

    #[test]
    fn long_cells_wrap_inside_their_columns_and_rows_have_room_to_write() {
        let header = strings(&["Dato for opfølgning", "Næste skridt"]);
        let lines = grid(&header, &[strings(&["", ""])], 30, 2);
        assert!(lines.iter().all(|l| l.width() <= 30), "{lines:#?}");
        assert_eq!(lines[1], "| Dato for   | Næste skridt |");
        assert_eq!(lines[2], "| opfølgning |              |");
        // The empty row is two lines high.
        assert_eq!(lines[4], "|            |              |");
        assert_eq!(lines[5], "|            |              |");
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn too_narrow_for_a_grid_it_goes_row_by_row() {
        let header = strings(&["", "Medarbejder", "Funktionsleder"]);
        let rows = [strings(&["MSB-aftale", "Redskab 3", "Redskab 6"])];
        assert_eq!(
            grid(&header, &rows, 20, 1),
            [
                "MSB-aftale",
                "  Medarbejder:",
                "  Redskab 3",
                "  Funktionsleder:",
                "  Redskab 6"
            ]
        );
    }
}
