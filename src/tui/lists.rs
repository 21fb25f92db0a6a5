//! The lists the screens show, built once per listing so that a key costs the same with 20
//! sessions or 100,000: the sessions with what the search looks in, the sessions of each
//! forløb, and the follow-ups due. Searching narrows the previous result while the search
//! only grows.

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
    /// The filter text `shown` was found for.
    shown_for: String,
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
            shown_for: String::new(),
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

    /// Finds the sessions that match the search, narrowing the last result when the search
    /// only grew.
    pub fn refilter(&mut self, catalog: &Catalog) {
        let typed = self.filter.lines().join(" ").to_lowercase();
        let words: Vec<Word> = typed
            .split_whitespace()
            .map(|w| Word::new(w, catalog))
            .collect();
        let narrowing =
            self.loaded && !self.shown_for.is_empty() && typed.starts_with(&self.shown_for);
        let candidates: Vec<usize> = if narrowing {
            std::mem::take(&mut self.shown)
        } else {
            (0..self.items.len()).collect()
        };
        self.shown = candidates
            .into_iter()
            .filter(|&i| self.matches(i, &words))
            .collect();
        self.shown_for = typed;
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
