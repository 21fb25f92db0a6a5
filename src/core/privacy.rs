//! What typed text gives away about a person: CPR numbers (in every way people write them),
//! labels that look like a full name, and words about health in text that reaches the
//! employer. Pure functions over text; the screens and the exports decide what to say.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

use super::check::{Problem, Source};

/// A CPR number found in a text: where it is (byte offsets) and whether it is whole (date
/// and four digits) or only its first six digits, a date of birth (`01/01/90`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub whole: bool,
}

/// At most this many spaces on each side of a separator.
const MAX_SPACES: usize = 2;

/// Every CPR number and date of birth (`ddmmyy` with a valid date) in `text`, in order. The
/// digits may be written together or with `-`, `.`, `/` or spaces between the day, month,
/// year and the last four: `0101901234`, `010190-1234`, `01.01.90-1234`, `01/01/90 1234`,
/// `01 01 90 1234`. Digits that are part of a longer run of digits are not a CPR number.
pub fn find_cpr(text: &str) -> Vec<Found> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_run =
            chars[i].1.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_ascii_digit());
        if starts_run && let Some((end, whole)) = cpr_at(&chars, i) {
            let end_byte = chars.get(end).map_or(text.len(), |c| c.0);
            found.push(Found {
                start: chars[i].0,
                end: end_byte,
                whole,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

/// Whether `text` holds a whole CPR number.
pub fn has_cpr(text: &str) -> bool {
    find_cpr(text).iter().any(|f| f.whole)
}

/// A CPR number or a date of birth starting at `i`: where it ends, and whether it is whole.
fn cpr_at(chars: &[(usize, char)], i: usize) -> Option<(usize, bool)> {
    let digit = |at: usize| chars.get(at).and_then(|c| c.1.to_digit(10));
    let pair = |at: usize| Some(digit(at)? * 10 + digit(at + 1)?);
    let day = pair(i)?;
    let (after_day, sep1) = separator(chars, i + 2);
    let month = pair(after_day)?;
    let (after_month, sep2) = separator(chars, after_day + 2);
    let year = pair(after_month)?;
    let after_year = after_month + 2;
    if !is_date(day, month, year) {
        return None;
    }
    // Directly followed by digits: only the four last ones, and no more.
    let four_at = |at: usize| (0..4).all(|k| digit(at + k).is_some()) && digit(at + 4).is_none();
    if digit(after_year).is_some() {
        return four_at(after_year).then_some((after_year + 4, true));
    }
    let (after_sep, sep3) = separator(chars, after_year);
    if sep3.is_some() && four_at(after_sep) {
        return Some((after_sep + 4, true));
    }
    // A date of birth alone: written together, or with the same mark twice (01/01/90).
    let alone = match (sep1, sep2) {
        (None, None) => true,
        (Some(a), Some(b)) => a == b,
        _ => false,
    };
    alone.then_some((after_year, false))
}

/// The separator at `at`: up to two spaces, one of `-./`, up to two spaces; or spaces
/// alone. Returns where it ends and the mark (a space when only spaces), or none.
fn separator(chars: &[(usize, char)], at: usize) -> (usize, Option<char>) {
    let spaces = |from: usize| {
        chars[from.min(chars.len())..]
            .iter()
            .take(MAX_SPACES + 1)
            .take_while(|c| c.1 == ' ')
            .count()
    };
    let before = spaces(at);
    if before > MAX_SPACES {
        return (at, None);
    }
    let mark_at = at + before;
    match chars.get(mark_at).map(|c| c.1) {
        Some(mark @ ('-' | '.' | '/')) => {
            let after = spaces(mark_at + 1);
            if after > MAX_SPACES {
                return (at, None);
            }
            (mark_at + 1 + after, Some(mark))
        }
        _ if before > 0 => (mark_at, Some(' ')),
        _ => (at, None),
    }
}

/// Whether day, month and two-digit year make a date in the 1900s or the 2000s.
fn is_date(day: u32, month: u32, year: u32) -> bool {
    [1900, 2000]
        .iter()
        .any(|century| NaiveDate::from_ymd_opt(century + year as i32, month, day).is_some())
}

/// Whether a label looks like a person's full name: two words in a row written as names
/// are (`Karsten Jensen`, `Hans-Erik Møller`). Only a gentle warning: "Lager Vest" looks
/// like one too.
pub fn looks_like_full_name(text: &str) -> bool {
    // Each part of a name (Hans-Erik) capitalised, then lower case letters.
    let is_name = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphabetic());
        !word.is_empty()
            && word.split('-').all(|part| {
                let mut chars = part.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && part.chars().count() >= 2
                    && chars.all(char::is_lowercase)
            })
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| is_name(w[0]) && is_name(w[1]))
}

/// The list of health words (`content/health-words.ron`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthWords {
    /// Found anywhere in a word (compounds: "rygsmerter").
    pub stems: Vec<String>,
    /// Found at the start of a word only.
    pub words: Vec<String>,
}

/// Where the list of health words is kept, as `vejen-frem check` names it.
pub const HEALTH_WORDS_FILE: &str = "content/health-words.ron";

/// The list built into the program, as a source to check.
pub fn builtin_health_words() -> Source {
    Source::new(
        HEALTH_WORDS_FILE,
        include_str!("../../content/health-words.ron"),
    )
}

/// Whether a file given to `vejen-frem check` is the list of health words (by its name).
pub fn is_health_words(source: &Source) -> bool {
    source.name.rsplit(['/', '\\']).next() == Some("health-words.ron")
}

/// The problems of a list of health words, with their file, line and column.
pub fn check_health_words(source: &Source) -> Vec<Problem> {
    source.parse_as::<HealthWords>().err().unwrap_or_default()
}

/// The health words, read once from the list built into the program.
pub fn health_words() -> &'static HealthWords {
    static WORDS: OnceLock<HealthWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        ron::from_str(include_str!("../../content/health-words.ron")).unwrap_or_default()
    })
}

/// The words of `text` that say something about health, lower case, each once, in order.
pub fn health_mentions(text: &str) -> Vec<String> {
    let list = health_words();
    let mut found: Vec<String> = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        let hit = list.stems.iter().any(|s| lower.contains(s.as_str()))
            || list.words.iter().any(|w| lower.starts_with(w.as_str()));
        if hit && !found.contains(&lower) {
            found.push(lower);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> bool {
        has_cpr(text)
    }

    #[test]
    fn cpr_numbers_in_every_separator_form() {
        for text in [
            "0101901234",
            "010190-1234",
            "010190 1234",
            "010190 - 1234",
            "010190/1234",
            "01.01.90-1234",
            "01.01.90 1234",
            "01.01.90.1234",
            "01/01/90-1234",
            "01/01/90 1234",
            "01 01 90 1234",
            "01-01-90-1234",
            "Karsten 290200-1234 ringede",
            "cpr:0101901234.",
        ] {
            assert!(whole(text), "{text}");
        }
    }

    #[test]
    fn not_a_cpr_number() {
        for text in [
            "320190-1234",  // no 32nd
            "011390-1234",  // no 13th month
            "290201-1234",  // 2001 and 1901 are not leap years
            "01019012345",  // eleven digits
            "1010190-1234", // seven before the dash
            "Hold 2026-11",
            "Tlf. 12 34 56 78",
            "Uge 48/2026",
            "24-11-2026",
            "",
        ] {
            assert!(!whole(text), "{text}");
        }
    }

    #[test]
    fn dates_of_birth_are_found_but_not_whole() {
        for text in ["01/01/90", "Karsten Jensen 01/01/90", "010190", "01.01.90"] {
            let found = find_cpr(text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(!found[0].whole, "{text}");
        }
        // Mixed marks are a date written oddly, not a date of birth.
        assert!(find_cpr("01.01/90").is_empty());
        assert!(find_cpr("24-11-2026").is_empty());
    }

    #[test]
    fn where_a_cpr_number_is() {
        let text = "Nr. 01.01.90-1234 i noten";
        let found = find_cpr(text);
        assert_eq!(&text[found[0].start..found[0].end], "01.01.90-1234");
    }

    #[test]
    fn full_names() {
        assert!(looks_like_full_name("Karsten Jensen"));
        assert!(looks_like_full_name("Hans-Erik Møller, lager"));
        assert!(looks_like_full_name("Åse Ørum"));
        assert!(!looks_like_full_name("AB, lager"));
        assert!(!looks_like_full_name("KJ"));
        assert!(!looks_like_full_name("Karsten"));
        assert!(!looks_like_full_name("lager vest"));
        assert!(!looks_like_full_name("AMR Lager"));
    }

    #[test]
    fn the_built_in_health_word_list_checks_and_a_broken_one_says_where() {
        let builtin = builtin_health_words();
        assert!(is_health_words(&builtin));
        assert!(check_health_words(&builtin).is_empty());
        let broken = Source::new("content/health-words.ron", "(\n    stem: [\"ondt\"],\n)\n");
        let problems = check_health_words(&broken);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .to_string()
                .starts_with("content/health-words.ron:2:")
        );
        assert!(!is_health_words(&Source::new("content/quiz.ron", "")));
    }

    #[test]
    fn the_health_word_list_reads_and_finds_compounds() {
        assert!(!health_words().stems.is_empty());
        assert!(!health_words().words.is_empty());
        assert_eq!(
            health_mentions("Har ondt i ryggen og rygsmerter; ondt igen"),
            vec!["ondt".to_string(), "rygsmerter".to_string()]
        );
        assert_eq!(
            health_mentions("Sygemeldt efter Operationen"),
            vec!["sygemeldt".to_string(), "operationen".to_string()]
        );
        assert!(health_mentions("Gulvvask og løft af kasser, langstrakt lager").is_empty());
    }

    fn separator() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::sample::select(vec!["", "-", ".", "/", " ", "  ", " - ", "- ", " /"])
            .prop_map(str::to_string)
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_written_cpr_number_is_found(
            day in 1u32..=28, month in 1u32..=12, year in 0u32..100, last in 0u32..10000,
            seps in proptest::collection::vec(separator(), 3),
            before in "[a-zA-ZæøåÆØÅ ,:(]{0,12}", after in "[a-zA-ZæøåÆØÅ ,.)]{0,12}",
        ) {
            // The date's two marks alike, as people write them.
            let text = format!(
                "{before}{day:02}{}{month:02}{}{year:02}{}{last:04}{after}",
                seps[0], seps[0], seps[2]
            );
            prop_assert!(has_cpr(&text), "{}", text);
        }

        #[test]
        fn what_is_found_holds_ten_digits_or_six(text in "[0-9 ./a-z-]{0,40}") {
            for found in find_cpr(&text) {
                let digits = text[found.start..found.end].chars().filter(char::is_ascii_digit).count();
                prop_assert_eq!(digits, if found.whole { 10 } else { 6 });
            }
        }

        #[test]
        fn text_without_digits_holds_no_cpr_number(text in "[^0-9]{0,60}") {
            prop_assert!(find_cpr(&text).is_empty());
        }
    }
}
