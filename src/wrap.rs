//! Word wrapping by display width (Danish letters, emoji and wide characters): for the
//! screen's text and for plain-text exports. Text inputs are wrapped by their widget.

use std::collections::HashMap;
use std::rc::Rc;

use unicode_width::UnicodeWidthChar;

/// Wraps one logical line into rows of at most `width` columns, breaking at spaces where it
/// can, after the hyphen of a compound ("Arbejdsmiljø-organisationen") where it needs to,
/// and inside a word where it must. Returns each row's char range.
fn wrap_ranges(line: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let chars: Vec<char> = line.chars().collect();
    let mut rows = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        let mut last_hyphen = None;
        while end < chars.len() {
            let w = chars[end].width().unwrap_or(0);
            if used + w > width {
                break;
            }
            if chars[end] == ' ' {
                last_space = Some(end);
            }
            let joins_words = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
            if chars[end] == '-' && end > start && joins_words(end - 1) && joins_words(end + 1) {
                last_hyphen = Some(end);
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
            } else if let Some(hyphen) = last_hyphen {
                // A word longer than the row, joined by a hyphen: break after it.
                end = hyphen + 1;
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

/// Texts wrapped by [`wrap_bullets`], kept between frames: a step is drawn again for every
/// key typed, and its guidance, labels and help stay the same. Holds at most a few hundred
/// texts; past that it starts over.
#[derive(Default)]
pub struct Rewrap {
    by_width: HashMap<usize, HashMap<String, Rc<[String]>>>,
    count: usize,
}

impl Rewrap {
    const MOST: usize = 512;

    pub fn rows(&mut self, text: &str, width: usize) -> Rc<[String]> {
        if let Some(rows) = self.by_width.get(&width).and_then(|texts| texts.get(text)) {
            return Rc::clone(rows);
        }
        if self.count >= Self::MOST {
            self.by_width.clear();
            self.count = 0;
        }
        let rows: Rc<[String]> = wrap_bullets(text, width).into();
        self.by_width
            .entry(width)
            .or_default()
            .insert(text.to_string(), Rc::clone(&rows));
        self.count += 1;
        rows
    }
}

/// Cuts text to `width` columns, ending in "…" when anything was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
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
    fn a_compound_too_long_for_the_row_breaks_after_its_hyphen() {
        assert_eq!(
            wrap("Arbejdsmiljø-organisationen", 15),
            ["Arbejdsmiljø-", "organisationen"]
        );
        // A space is still the first choice, and a dash between words is no hyphen.
        assert_eq!(wrap("MSB-aftale om løft", 12), ["MSB-aftale", "om løft"]);
        assert_eq!(wrap("a - b", 2), ["a", "-", "b"]);
    }

    #[test]
    fn rewrapping_gives_the_rows_wrapping_gives() {
        let mut rewrap = Rewrap::default();
        for _ in 0..2 {
            assert_eq!(
                &*rewrap.rows("- en lang linje her", 10),
                wrap_bullets("- en lang linje her", 10)
            );
            assert_eq!(
                &*rewrap.rows("- en lang linje her", 30),
                wrap_bullets("- en lang linje her", 30)
            );
        }
        for i in 0..2 * Rewrap::MOST {
            assert_eq!(&*rewrap.rows(&i.to_string(), 3), wrap(&i.to_string(), 3));
        }
        assert!(rewrap.count <= Rewrap::MOST);
    }

    #[test]
    fn bullets_hang_under_their_text() {
        assert_eq!(
            wrap_bullets("- Afklar hvorfor det er svært\nSlut", 14),
            ["- Afklar", "  hvorfor det", "  er svært", "Slut"]
        );
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Redskab 9 · Checkliste", 12), "Redskab 9 ·…");
        assert_eq!(truncate("kort", 12), "kort");
        assert_eq!(truncate("æøå😀x", 4), "æøå…");
    }

    #[test]
    fn counts_wide_characters_double() {
        assert_eq!(wrap("😀😀😀", 4), ["😀😀", "😀"]);
        assert_eq!(wrap("æøå æøå", 3), ["æøå", "æøå"]);
    }
}
