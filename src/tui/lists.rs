//! The lists the screens show, built once per listing so that a key costs the same with 20
//! sessions or 100,000: the sessions with what the search looks in, the sessions of each
//! forløb, and the follow-ups due. Searching narrows the previous result while the search
//! only grows, and erasing goes back to an earlier result.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui_textarea::TextArea;

use super::model::one_line;
use crate::core::catalog::Catalog;
use crate::core::followup::{self, Due};
use crate::core::forloeb::Forloeb;
use crate::store::background::Listing;
use crate::store::sessions::{Listed, Summary};
use crate::texts;

/// The sessions screen: every session, the search and what it found.
pub struct SessionList {
    pub items: Vec<Listed>,
    /// What the search looks in, per item (none for a damaged file).
    search: Vec<Option<SearchKey>>,
    /// Typed words that filter the list.
    pub filter: TextArea<'static>,
    /// The items that match the filter, by index, newest first.
    pub shown: Vec<usize>,
    /// The filter text `shown` was found for (none: not searched since the listing).
    shown_for: Option<String>,
    /// The results of the shorter searches `shown_for` grew from, shortest first.
    earlier: Vec<(String, Vec<usize>)>,
    /// Index into `shown`.
    pub selected: usize,
    /// The first row drawn, kept so the list does not jump.
    pub offset: usize,
    /// Whether the folder has been read yet.
    pub loaded: bool,
}

/// What the search looks in, per session, lowercased once per listing.
struct SearchKey {
    /// Index into the catalog of the session's tool.
    tool: Option<usize>,
    /// The session's and its forløb's labels and its status.
    text: String,
    /// When it was last changed, dd-mm-åååå tt:mm: found by words with a separator, not by
    /// bare digits (those are tool numbers and labels).
    date: String,
}

impl Default for SessionList {
    fn default() -> SessionList {
        SessionList {
            items: Vec::new(),
            search: Vec::new(),
            filter: one_line(""),
            shown: Vec::new(),
            shown_for: None,
            earlier: Vec::new(),
            selected: 0,
            offset: 0,
            loaded: false,
        }
    }
}

/// The forløb and which sessions belong to each.
#[derive(Default)]
pub struct ForloebList {
    /// Every forløb, newest first.
    pub all: Vec<Forloeb>,
    /// Forløb files that cannot be read, with the reason.
    pub damaged: Vec<(PathBuf, String)>,
    /// Index into `all` by id.
    by_id: HashMap<String, usize>,
    /// Indexes into the session items, oldest first, by forløb id.
    sessions: HashMap<String, Vec<usize>>,
    /// The earliest follow-up of each forløb's sessions.
    next_follow_up: HashMap<String, NaiveDate>,
    /// The first row drawn of the list.
    pub offset: usize,
}

/// One typed word of the search, with the tools it names.
struct Word {
    text: String,
    /// Bare digits: a tool number (its start) or part of a label, never a date.
    digits: bool,
    /// Per catalog entry: whether the word is in its number, id or title.
    tools: Vec<bool>,
}

impl SessionList {
    /// The session at the selected row of the search result.
    pub fn selected_item(&self) -> Option<&Listed> {
        self.shown
            .get(self.selected)
            .and_then(|&i| self.items.get(i))
    }

    /// Finds the sessions that match the search: a search that grew narrows the result it
    /// grew from; one that shrank takes the earlier result it is, or narrows the one it grew
    /// from. So a key costs the size of the last result, not of the whole folder.
    pub fn refilter(&mut self, catalog: &Catalog) {
        let typed = self.filter.lines().join(" ").to_lowercase();
        let words: Vec<Word> = typed
            .split_whitespace()
            .map(|w| Word::new(w, catalog))
            .collect();
        let before = std::mem::take(&mut self.shown);
        match self.shown_for.take() {
            Some(text) if narrows(&text, &typed) => self.earlier.push((text, before)),
            Some(_) => {}
            None => self.earlier.clear(),
        }
        while self
            .earlier
            .last()
            .is_some_and(|(text, _)| !narrows(text, &typed))
        {
            self.earlier.pop();
        }
        self.shown = match self.earlier.pop() {
            Some((text, found)) if text == typed => found,
            Some((text, found)) => {
                let narrowed = found
                    .iter()
                    .copied()
                    .filter(|&i| self.matches(i, &words))
                    .collect();
                self.earlier.push((text, found));
                narrowed
            }
            None => (0..self.items.len())
                .filter(|&i| self.matches(i, &words))
                .collect(),
        };
        self.shown_for = Some(typed);
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    fn matches(&self, item: usize, words: &[Word]) -> bool {
        let Some(Some(key)) = self.search.get(item) else {
            // A damaged file: found by its name and reason.
            return match self.items.get(item) {
                Some(Listed::Damaged { file, reason }) => {
                    let text = format!("{} {reason} {}", file.display(), texts::ui::DAMAGED)
                        .to_lowercase();
                    words.iter().all(|w| text.contains(&w.text))
                }
                _ => false,
            };
        };
        words.iter().all(|w| {
            key.tool
                .is_some_and(|t| w.tools.get(t).copied().unwrap_or(false))
                || key.text.contains(&w.text)
                || (!w.digits && key.date.contains(&w.text))
        })
    }
}

/// Whether every session the search `typed` finds is among those `earlier` found: it grew
/// from it, and no word of bare digits (a tool number or a label's digits) became one with a
/// separator, which also looks in the dates and finds more.
fn narrows(earlier: &str, typed: &str) -> bool {
    let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    typed.starts_with(earlier)
        && earlier
            .split_whitespace()
            .zip(typed.split_whitespace())
            .all(|(before, now)| !digits(before) || digits(now))
}

impl Word {
    fn new(text: &str, catalog: &Catalog) -> Word {
        let digits = text.chars().all(|c| c.is_ascii_digit());
        let tools = catalog
            .entries
            .iter()
            .map(|e| {
                if digits {
                    e.tool
                        .number
                        .is_some_and(|n| n.to_string().starts_with(text))
                } else {
                    e.tool.id.contains(text) || e.tool.title.to_lowercase().contains(text)
                }
            })
            .collect();
        Word {
            text: text.to_string(),
            digits,
            tools,
        }
    }
}

impl ForloebList {
    /// A forløb just made, known before the next listing comes in: newest, so first.
    pub fn add(&mut self, forloeb: Forloeb) {
        self.all.insert(0, forloeb);
        self.by_id = self
            .all
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
    }

    /// The forløb (indexes into `all`) whose label holds each typed word, or which has a
    /// session of a tool the word names (bare digits: a tool's number, never a date).
    pub fn search(&self, typed: &str, catalog: &Catalog, items: &[Listed]) -> Vec<usize> {
        let typed = typed.to_lowercase();
        let words: Vec<Word> = typed
            .split_whitespace()
            .map(|w| Word::new(w, catalog))
            .collect();
        let tool_of = |i: &usize| match items.get(*i) {
            Some(Listed::Session(s)) => catalog.entries.iter().position(|e| e.tool.id == s.tool),
            _ => None,
        };
        (0..self.all.len())
            .filter(|&i| {
                let forloeb = &self.all[i];
                let label = forloeb.label.to_lowercase();
                let tools: Vec<usize> = self
                    .sessions
                    .get(&forloeb.id)
                    .map(|s| s.iter().filter_map(tool_of).collect())
                    .unwrap_or_default();
                words.iter().all(|w| {
                    label.contains(&w.text)
                        || tools
                            .iter()
                            .any(|&t| w.tools.get(t).copied().unwrap_or(false))
                })
            })
            .collect()
    }

    pub fn get(&self, id: &str) -> Option<&Forloeb> {
        self.by_id.get(id).and_then(|&i| self.all.get(i))
    }

    pub fn label(&self, id: &str) -> Option<&str> {
        self.get(id).map(|f| f.label.as_str())
    }

    /// The sessions of a forløb, oldest first.
    pub fn sessions<'a>(&self, id: &str, items: &'a [Listed]) -> Vec<&'a Summary> {
        self.sessions
            .get(id)
            .map(|indexes| {
                indexes
                    .iter()
                    .filter_map(|&i| match items.get(i) {
                        Some(Listed::Session(s)) => Some(s),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many sessions a forløb has, and its next follow-up.
    pub fn overview(&self, id: &str) -> (usize, Option<NaiveDate>) {
        (
            self.sessions.get(id).map_or(0, Vec::len),
            self.next_follow_up.get(id).copied(),
        )
    }
}

/// Builds the lists from a fresh reading of the folder.
pub fn build(
    listing: Listing,
    catalog: &Catalog,
    today: NaiveDate,
) -> (SessionList, ForloebList, Vec<Due>) {
    let Listing {
        sessions: items,
        forloeb: all,
        forloeb_damaged: damaged,
    } = listing;
    let by_id: HashMap<String, usize> = all
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.clone(), i))
        .collect();
    let label_of = |forloeb: &str| by_id.get(forloeb).map(|&i| all[i].label.as_str());
    let tool_index: HashMap<&str, usize> = catalog
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.tool.id.as_str(), i))
        .collect();

    let mut search = Vec::new();
    let mut sessions: HashMap<String, Vec<usize>> = HashMap::new();
    let mut next_follow_up: HashMap<String, NaiveDate> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let Listed::Session(s) = item else {
            search.push(None);
            continue;
        };
        let forloeb_label = label_of(&s.forloeb).unwrap_or_default();
        search.push(Some(SearchKey {
            tool: tool_index.get(s.tool.as_str()).copied(),
            text: format!("{} {forloeb_label} {}", s.label, texts::status(s.status)).to_lowercase(),
            date: s.updated.format(texts::words::DATE_TIME).to_string(),
        }));
        if !s.forloeb.is_empty() {
            sessions.entry(s.forloeb.clone()).or_default().push(i);
            if let Some(date) = s.follow_up {
                let next = next_follow_up.entry(s.forloeb.clone()).or_insert(date);
                *next = (*next).min(date);
            }
        }
    }
    for indexes in sessions.values_mut() {
        indexes.sort_by_key(|&i| match &items[i] {
            Listed::Session(s) => Some(s.created),
            Listed::Damaged { .. } => None,
        });
    }
    let due = followup::due(
        items.iter().filter_map(|l| match l {
            Listed::Session(s) => {
                let label = label_of(&s.forloeb).unwrap_or(s.label.as_str());
                s.follow_up
                    .map(|d| (s.id.as_str(), label, s.tool.as_str(), d))
            }
            Listed::Damaged { .. } => None,
        }),
        today,
        Some(followup::DAYS_AHEAD),
    );
    let list = SessionList {
        items,
        search,
        loaded: true,
        ..SessionList::default()
    };
    let forloeb = ForloebList {
        all,
        damaged,
        by_id,
        sessions,
        next_follow_up,
        offset: 0,
    };
    (list, forloeb, due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::builtin_sources;
    use crate::core::session::Status;
    use proptest::prelude::*;

    fn listing() -> Listing {
        let tools = ["screening", "goal-setting", "dialog-leder", "evaluering"];
        let labels = ["Karsten", "kh 12", "Lager 1", "", "Bente a"];
        let sessions = (0..40)
            .map(|i| {
                let at = chrono::DateTime::parse_from_rfc3339("2026-11-01T10:11:00+01:00")
                    .unwrap_or_default()
                    + chrono::Duration::hours(i);
                Listed::Session(Summary {
                    id: format!("s{i}"),
                    tool: tools[i as usize % tools.len()].to_string(),
                    status: if i % 3 == 0 {
                        Status::Completed
                    } else {
                        Status::Draft
                    },
                    label: labels[i as usize % labels.len()].to_string(),
                    created: at,
                    updated: at,
                    forloeb: String::new(),
                    follow_up: None,
                    closed: false,
                    shared_by: None,
                })
            })
            .collect();
        Listing {
            sessions,
            forloeb: Vec::new(),
            forloeb_damaged: Vec::new(),
        }
    }

    fn searched(list: &mut SessionList, typed: &str, catalog: &Catalog) -> Vec<usize> {
        list.filter = one_line(typed);
        list.refilter(catalog);
        list.shown.clone()
    }

    proptest! {
        // Failing cases are kept beside this file, and tried first next time.
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
            )),
            ..ProptestConfig::default()
        })]

        /// Typing and erasing in any order finds what a search from scratch finds.
        #[test]
        fn a_search_grown_and_shrunk_finds_what_a_fresh_search_finds(
            keys in proptest::collection::vec(prop_oneof![
                3 => "[akh1 2ln.-]".prop_map(Some),
                1 => Just(None),
            ], 0..24)
        ) {
            let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
            let today = chrono::NaiveDate::default();
            let (mut list, _, _) = build(listing(), &catalog, today);
            let mut typed = String::new();
            for key in keys {
                match key {
                    Some(c) => typed.push_str(&c),
                    None => {
                        typed.pop();
                    }
                }
                let (mut fresh, _, _) = build(listing(), &catalog, today);
                let expected = searched(&mut fresh, &typed, &catalog);
                prop_assert_eq!(searched(&mut list, &typed, &catalog), expected, "{:?}", typed);
            }
        }
    }
}
