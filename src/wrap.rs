//! Word wrapping by display width (Danish letters, emoji and wide characters): for the
//! screen, including the text being edited, where the cursor has to land on the right
//! wrapped row, and for plain-text exports.

use unicode_width::UnicodeWidthChar;

/// Wraps one logical line into rows of at most `width` columns, breaking at spaces where it
/// can and inside a word where it must. Returns each row's char range.
fn wrap_ranges(line: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let chars: Vec<char> = line.chars().collect();
    let mut rows = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while end < chars.len() {
            let w = chars[end].width().unwrap_or(0);
            if used + w > width {
                break;
            }
            if chars[end] == ' ' {
                last_space = Some(end);
            }
            used += w;
            end += 1;
        }
        if end < chars.len() && chars[end] == ' ' {
            // The row is full exactly at a word's end: the space goes with it, not to the next.
            end += 1;
        } else if end < chars.len() {
            if let Some(space) = last_space.filter(|&s| s > start) {
                // Break after the space, so the next row starts with the next word.
                end = space + 1;
            } else if end == start {
                end = start + 1; // a character wider than the row: give it a row of its own
            }
        }
        rows.push((start, end));
        start = end;
    }
    if rows.is_empty() {
        rows.push((0, 0));
    }
    rows
}

/// Wraps text (which may hold newlines) into rows of at most `width` columns.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    text.split('\n')
        .flat_map(|line| {
            let chars: Vec<char> = line.chars().collect();
            wrap_ranges(line, width)
                .into_iter()
                .map(move |(a, b)| {
                    chars[a..b]
                        .iter()
                        .collect::<String>()
                        .trim_end()
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Like [`wrap`], but a line that is a bullet ("- …") continues under its text, not under
/// the dash.
pub fn wrap_bullets(text: &str, width: usize) -> Vec<String> {
    text.split('\n')
        .flat_map(|line| match line.strip_prefix("- ") {
            Some(item) if width > 4 => wrap(item, width - 2)
                .into_iter()
                .enumerate()
                .map(|(i, row)| format!("{}{row}", if i == 0 { "- " } else { "  " }))
                .collect(),
            _ => wrap(line, width),
        })
        .collect()
}

/// Wraps the lines of an editor and finds where its cursor (line, char column) lands:
/// returns the rows and the cursor's (row, display column).
pub fn wrap_with_cursor(
    lines: &[String],
    width: usize,
    cursor: (usize, usize),
) -> (Vec<String>, (usize, usize)) {
    let mut rows = Vec::new();
    let mut at = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let ranges = wrap_ranges(line, width);
        for (n, &(a, b)) in ranges.iter().enumerate() {
            let last = n + 1 == ranges.len();
            if i == cursor.0 && cursor.1 >= a && (cursor.1 < b || last) {
                let col: usize = chars[a..cursor.1.min(chars.len())]
                    .iter()
                    .map(|c| c.width().unwrap_or(0))
                    .sum();
                at = (rows.len(), col);
            }
            rows.push(chars[a..b].iter().collect::<String>());
        }
    }
    (rows, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_inside_long_words() {
        assert_eq!(
            wrap("Hvad er den vigtigste opgave?", 12),
            ["Hvad er den", "vigtigste", "opgave?"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
    }

    #[test]
    fn bullets_hang_under_their_text() {
        assert_eq!(
            wrap_bullets("- Afklar hvorfor det er svært\nSlut", 14),
            ["- Afklar", "  hvorfor det", "  er svært", "Slut"]
        );
    }

    #[test]
    fn counts_wide_characters_double() {
        assert_eq!(wrap("😀😀😀", 4), ["😀😀", "😀"]);
        assert_eq!(wrap("æøå æøå", 3), ["æøå", "æøå"]);
    }

    #[test]
    fn cursor_lands_on_the_wrapped_row() {
        let lines = vec!["hej med dig".to_string(), "ny".to_string()];
        let (rows, at) = wrap_with_cursor(&lines, 8, (0, 9));
        assert_eq!(rows, ["hej med ", "dig", "ny"]);
        assert_eq!(at, (1, 1));
        let (_, at) = wrap_with_cursor(&lines, 8, (1, 2));
        assert_eq!(at, (2, 2));
        let (_, at) = wrap_with_cursor(&lines, 8, (0, 11));
        assert_eq!(at, (1, 3));
    }
}
