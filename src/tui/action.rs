//! Every command of the screen and the one key table. Every key press is looked up here, in
//! the contexts that are active (`update::active_contexts`); the same table builds the help
//! overlay and the footer hints, so neither can disagree with what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::texts::Text;
use crate::texts::hints as h;
use crate::texts::keys as t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Lock the screen at once.
    Lock,
    /// On the locked screen: try the passphrase (or, with a plain folder, just open).
    Unlock,
    /// Delete the selected session or forløb (after a confirmation).
    Delete,
    /// Reopen a completed session (after a confirmation).
    Reopen,
    Help,
    CloseHelp,
    Up,
    Down,
    /// The first and the last line of a list.
    First,
    Last,
    /// A digit goes to the tool with that number.
    JumpToNumber,
    PageUp,
    PageDown,
    Select,
    Back,
    NextTab,
    PrevTab,
    ShowSessions,
    /// The introduction to the tools and the overview of them (BILAG 6).
    Introduction,
    // Viden.
    NextLink,
    PrevLink,
    /// Call the quiz's statement true, or false.
    AnswerTrue,
    AnswerFalse,
    /// Read the text a quiz statement comes from.
    ReadSource,
    // The forløb screen.
    NewForloeb,
    NewTool,
    Carry,
    /// Move a session into a forløb.
    MoveToForloeb,
    /// Search the list.
    Search,
    AddLog,
    /// Import a share file into the open forløb.
    Import,
    /// Share a session with the other party: one encrypted file.
    Share,
    /// The day's note for the patient record of the open forløb.
    Note,
    // The note.
    CopyNote,
    SaveNote,
    // Walking through a tool.
    NextField,
    PrevField,
    NextStep,
    PrevStep,
    Review,
    RemoveRow,
    /// A template paragraph back to the report's wording.
    Restore,
    EditLabel,
    Pick,
    LeaveField,
    Close,
    ScrollUp,
    ScrollDown,
    ChoosePrev,
    ChooseNext,
    /// A typed digit or letter picks an option.
    ChooseByKey,
    Toggle,
    Tick,
    Untick,
    /// Any other key on a box: say how to tick it.
    TickHint,
    Press,
    Clear,
    // The review.
    GotoField,
    Complete,
    Export,
    BackToSteps,
    // Dialogs.
    Confirm,
    Cancel,
    // Editing text, in fields and dialogs.
    Type,
    NewLine,
    CharLeft,
    CharRight,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    LineUp,
    LineDown,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteWordForward,
    DeleteToEnd,
    DeleteToStart,
    Undo,
    Redo,
}

/// Where a binding applies. Several are active at once, most specific first; a key goes to
/// the first that binds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Everywhere,
    /// The locked screen: only its passphrase and quitting.
    Locked,
    /// A confirmation: what it names can be scrolled.
    Confirming,
    Help,
    Start,
    /// The list of forløb, and one forløb open.
    Forloeb,
    ForloebList,
    ForloebOpen,
    /// The note for the patient record, over the forløb.
    Note,
    /// Typing a search over the list of forløb.
    ForloebSearch,
    Sessions,
    /// Anywhere in Viden; a list page; a text; a text with links.
    Reading,
    ReadingList,
    ReadingText,
    ReadingLinks,
    /// The body figure.
    Body,
    /// The quiz asking, and showing an answer or the score.
    QuizAsk,
    QuizShown,
    /// In a step, wherever the cursor is.
    Walk,
    /// In a step with the cursor out of the fields (after Esc).
    Unfocused,
    /// In a step, the cursor not in a text field.
    NotTyping,
    /// On a Ja/Nej or choice.
    Choosing,
    /// On a box.
    Ticking,
    /// On a button (add an entry or row, open a tool).
    Pressing,
    /// In a one-line text field of a step.
    OneLine,
    /// In a text field of several lines.
    Lines,
    /// In a paragraph of a template, to adapt to the workplace.
    Adapting,
    /// Typing in any text: fields, the search, the dialogs' inputs.
    Text,
    Review,
    /// The small dialogs: label, new forløb, MSB-log note, export, picking a task.
    Dialog,
    /// Dialogs with several lines to choose between.
    DialogRows,
    /// A dialog's lines with choices: the export's format and recipient, the share's lock
    /// and confidential answers.
    Choice,
}

/// A key, or a class of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Press(KeyCode, KeyModifiers),
    /// Any printable character typed without Ctrl or Alt.
    Char,
    /// A digit typed without Ctrl or Alt.
    Digit,
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the key does, for the help overlay.
    pub help: Text,
    /// The word in the footer, for the keys worth showing there.
    pub hint: Option<Text>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

const fn key(code: KeyCode) -> Key {
    Key::Press(code, NONE)
}
const fn ch(c: char) -> Key {
    Key::Press(KeyCode::Char(c), NONE)
}
const fn ctrl(c: char) -> Key {
    Key::Press(KeyCode::Char(c), CTRL)
}
const fn with(code: KeyCode, mods: KeyModifiers) -> Key {
    Key::Press(code, mods)
}

use Action as A;
use Context as C;
use KeyCode as K;

// One row per binding, so the table reads like the help it becomes.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { context: C::Everywhere, keys: &[ctrl('q')], action: A::Quit, help: t::QUIT, hint: Some(h::QUIT) },
    Binding { context: C::Everywhere, keys: &[key(K::F(1))], action: A::Help, help: t::HELP, hint: Some(h::HELP) },
    Binding { context: C::Everywhere, keys: &[ctrl('o')], action: A::Lock, help: t::LOCK, hint: Some(h::LOCK) },

    Binding { context: C::Locked, keys: &[key(K::Enter)], action: A::Unlock, help: t::UNLOCK, hint: Some(h::UNLOCK) },
    Binding { context: C::Locked, keys: &[ctrl('q')], action: A::Quit, help: t::QUIT, hint: Some(h::QUIT) },

    Binding { context: C::Help, keys: &[key(K::Esc), ch('?'), key(K::F(1)), ch('q')], action: A::CloseHelp, help: t::CLOSE_HELP, hint: Some(h::CLOSE) },
    Binding { context: C::Help, keys: &[key(K::Up), ch('k')], action: A::Up, help: t::SCROLL_UP, hint: Some(h::SCROLL) },
    Binding { context: C::Help, keys: &[key(K::Down), ch('j')], action: A::Down, help: t::SCROLL_DOWN, hint: Some(h::SCROLL) },
    Binding { context: C::Help, keys: &[key(K::PageUp)], action: A::PageUp, help: t::PAGE_UP, hint: None },
    Binding { context: C::Help, keys: &[key(K::PageDown), ch(' ')], action: A::PageDown, help: t::PAGE_DOWN, hint: None },

    Binding { context: C::Start, keys: &[key(K::Up), ch('k')], action: A::Up, help: t::UP, hint: Some(h::CHOOSE) },
    Binding { context: C::Start, keys: &[key(K::Down), ch('j')], action: A::Down, help: t::DOWN, hint: Some(h::CHOOSE) },
    Binding { context: C::Start, keys: &[Key::Digit], action: A::JumpToNumber, help: t::JUMP_TO_NUMBER, hint: None },
    Binding { context: C::Start, keys: &[key(K::Home)], action: A::First, help: t::FIRST, hint: None },
    Binding { context: C::Start, keys: &[key(K::End)], action: A::Last, help: t::LAST, hint: None },
    Binding { context: C::Start, keys: &[key(K::Enter)], action: A::Select, help: t::START_TOOL, hint: Some(h::START) },
    Binding { context: C::Start, keys: &[key(K::Tab)], action: A::NextTab, help: t::NEXT_TAB, hint: Some(h::NEXT_TAB) },
    Binding { context: C::Start, keys: &[key(K::BackTab)], action: A::PrevTab, help: t::PREV_TAB, hint: None },
    Binding { context: C::Start, keys: &[ch('s')], action: A::ShowSessions, help: t::SHOW_SESSIONS, hint: None },
    Binding { context: C::Start, keys: &[ch('o')], action: A::Introduction, help: t::INTRODUCTION, hint: Some(h::INTRODUCTION) },
    Binding { context: C::Start, keys: &[ch('?')], action: A::Help, help: t::HELP, hint: None },
    Binding { context: C::Start, keys: &[key(K::Esc), ch('q')], action: A::Back, help: t::START_BACK, hint: None },

    Binding { context: C::ForloebList, keys: &[key(K::Enter)], action: A::Select, help: t::FORLOEB_OPEN, hint: Some(h::OPEN) },
    Binding { context: C::ForloebList, keys: &[ch('n')], action: A::NewForloeb, help: t::NEW_FORLOEB, hint: Some(h::NEW_FORLOEB) },
    Binding { context: C::ForloebList, keys: &[ch('t')], action: A::NewTool, help: t::NEW_TOOL, hint: None },
    Binding { context: C::ForloebList, keys: &[ctrl('d')], action: A::Delete, help: t::DELETE_ITEM, hint: Some(h::DELETE) },
    Binding { context: C::ForloebList, keys: &[ch('/')], action: A::Search, help: t::SEARCH_FORLOEB, hint: Some(h::SEARCH) },
    Binding { context: C::ForloebSearch, keys: &[key(K::Up)], action: A::Up, help: t::UP, hint: Some(h::CHOOSE) },
    Binding { context: C::ForloebSearch, keys: &[key(K::Down)], action: A::Down, help: t::DOWN, hint: Some(h::CHOOSE) },
    Binding { context: C::ForloebSearch, keys: &[key(K::Enter)], action: A::Select, help: t::FORLOEB_OPEN, hint: Some(h::OPEN) },
    Binding { context: C::ForloebSearch, keys: &[key(K::Esc)], action: A::Back, help: t::SEARCH_END, hint: Some(h::BACK) },
    Binding { context: C::ForloebOpen, keys: &[key(K::Enter)], action: A::Select, help: t::FORLOEB_SESSION, hint: Some(h::OPEN) },
    Binding { context: C::ForloebOpen, keys: &[ch('t')], action: A::NewTool, help: t::NEW_TOOL, hint: Some(h::NEW_TOOL) },
    Binding { context: C::ForloebOpen, keys: &[ch('n')], action: A::Note, help: t::NOTE, hint: Some(h::NOTE) },
    Binding { context: C::ForloebOpen, keys: &[ch('c')], action: A::Carry, help: t::CARRY, hint: Some(h::CARRY) },
    Binding { context: C::ForloebOpen, keys: &[ch('l')], action: A::AddLog, help: t::ADD_LOG, hint: Some(h::LOG) },
    Binding { context: C::ForloebOpen, keys: &[ch('i')], action: A::Import, help: t::IMPORT, hint: None },
    Binding { context: C::ForloebOpen, keys: &[ch('d')], action: A::Share, help: t::SHARE_SELECTED, hint: None },
    Binding { context: C::ForloebOpen, keys: &[ctrl('d')], action: A::Delete, help: t::DELETE_ITEM, hint: None },
    Binding { context: C::Forloeb, keys: &[key(K::Up), ch('k')], action: A::Up, help: t::UP, hint: Some(h::CHOOSE) },
    Binding { context: C::Forloeb, keys: &[key(K::Down), ch('j')], action: A::Down, help: t::DOWN, hint: Some(h::CHOOSE) },
    Binding { context: C::Forloeb, keys: &[key(K::Tab)], action: A::NextTab, help: t::NEXT_TAB, hint: Some(h::NEXT_TAB) },
    Binding { context: C::Forloeb, keys: &[key(K::BackTab)], action: A::PrevTab, help: t::PREV_TAB, hint: None },
    Binding { context: C::Forloeb, keys: &[ch('?')], action: A::Help, help: t::HELP, hint: None },
    Binding { context: C::Forloeb, keys: &[key(K::Esc)], action: A::Back, help: t::FORLOEB_BACK, hint: Some(h::BACK) },

    Binding { context: C::Note, keys: &[ch('c')], action: A::CopyNote, help: t::COPY_NOTE, hint: Some(h::COPY) },
    Binding { context: C::Note, keys: &[ch('g')], action: A::SaveNote, help: t::SAVE_NOTE, hint: Some(h::SAVE) },
    Binding { context: C::Note, keys: &[key(K::Esc), ch('q')], action: A::Back, help: t::NOTE_CLOSE, hint: Some(h::CLOSE) },
    Binding { context: C::Note, keys: &[key(K::Left)], action: A::ChoosePrev, help: t::NOTE_EARLIER, hint: Some(h::DAY) },
    Binding { context: C::Note, keys: &[key(K::Right)], action: A::ChooseNext, help: t::NOTE_LATER, hint: Some(h::DAY) },
    Binding { context: C::Note, keys: &[key(K::Up), ch('k')], action: A::ScrollUp, help: t::SCROLL_UP, hint: Some(h::SCROLL) },
    Binding { context: C::Note, keys: &[key(K::Down), ch('j')], action: A::ScrollDown, help: t::SCROLL_DOWN, hint: Some(h::SCROLL) },
    Binding { context: C::Note, keys: &[key(K::PageUp)], action: A::PageUp, help: t::PAGE_UP, hint: None },
    Binding { context: C::Note, keys: &[key(K::PageDown), ch(' ')], action: A::PageDown, help: t::PAGE_DOWN, hint: None },
    Binding { context: C::Note, keys: &[ch('?')], action: A::Help, help: t::HELP, hint: None },

    Binding { context: C::Sessions, keys: &[key(K::Up)], action: A::Up, help: t::UP, hint: Some(h::CHOOSE) },
    Binding { context: C::Sessions, keys: &[key(K::Down)], action: A::Down, help: t::DOWN, hint: Some(h::CHOOSE) },
    Binding { context: C::Sessions, keys: &[key(K::Enter)], action: A::Select, help: t::RESUME, hint: Some(h::RESUME) },
    Binding { context: C::Sessions, keys: &[ctrl('d')], action: A::Delete, help: t::DELETE_ITEM, hint: Some(h::DELETE) },
    Binding { context: C::Sessions, keys: &[ctrl('f')], action: A::MoveToForloeb, help: t::MOVE, hint: None },
    Binding { context: C::Sessions, keys: &[ctrl('s')], action: A::Share, help: t::SHARE_SELECTED, hint: None },
    Binding { context: C::Sessions, keys: &[key(K::Tab)], action: A::NextTab, help: t::NEXT_TAB, hint: Some(h::NEXT_TAB) },
    Binding { context: C::Sessions, keys: &[key(K::BackTab)], action: A::PrevTab, help: t::PREV_TAB, hint: None },
    Binding { context: C::Sessions, keys: &[key(K::Esc)], action: A::Back, help: t::SESSIONS_BACK, hint: Some(h::BACK) },

    Binding { context: C::ReadingList, keys: &[key(K::Up), ch('k')], action: A::Up, help: t::UP, hint: Some(h::CHOOSE) },
    Binding { context: C::ReadingList, keys: &[key(K::Down), ch('j')], action: A::Down, help: t::DOWN, hint: Some(h::CHOOSE) },
    Binding { context: C::ReadingList, keys: &[key(K::Enter)], action: A::Select, help: t::READ_OPEN, hint: Some(h::OPEN) },
    Binding { context: C::ReadingList, keys: &[key(K::Esc), ch('q')], action: A::Back, help: t::READ_BACK, hint: Some(h::BACK) },
    Binding { context: C::ReadingLinks, keys: &[key(K::Tab)], action: A::NextLink, help: t::NEXT_LINK, hint: Some(h::LINK) },
    Binding { context: C::ReadingLinks, keys: &[key(K::BackTab)], action: A::PrevLink, help: t::PREV_LINK, hint: None },
    Binding { context: C::ReadingLinks, keys: &[key(K::Enter)], action: A::Select, help: t::FOLLOW_LINK, hint: Some(h::FOLLOW) },
    Binding { context: C::ReadingText, keys: &[key(K::Up), ch('k')], action: A::ScrollUp, help: t::SCROLL_UP, hint: Some(h::SCROLL) },
    Binding { context: C::ReadingText, keys: &[key(K::Down), ch('j')], action: A::ScrollDown, help: t::SCROLL_DOWN, hint: Some(h::SCROLL) },
    Binding { context: C::ReadingText, keys: &[key(K::PageUp)], action: A::PageUp, help: t::PAGE_UP, hint: None },
    Binding { context: C::ReadingText, keys: &[key(K::PageDown), ch(' ')], action: A::PageDown, help: t::PAGE_DOWN, hint: None },
    Binding { context: C::ReadingText, keys: &[key(K::Esc), ch('q')], action: A::Back, help: t::READ_CLOSE, hint: Some(h::BACK) },
    Binding { context: C::Body, keys: &[key(K::Up), key(K::Left)], action: A::Up, help: t::REGION_UP, hint: Some(h::CHOOSE) },
    Binding { context: C::Body, keys: &[key(K::Down), key(K::Right)], action: A::Down, help: t::REGION_DOWN, hint: Some(h::CHOOSE) },
    Binding { context: C::Body, keys: &[key(K::Enter)], action: A::Select, help: t::REGION_OPEN, hint: Some(h::READ) },
    Binding { context: C::Body, keys: &[key(K::Esc)], action: A::Back, help: t::READ_CLOSE, hint: Some(h::BACK) },
    Binding { context: C::Body, keys: &[ch('?')], action: A::Help, help: t::HELP, hint: None },
    Binding { context: C::Body, keys: &[Key::Char], action: A::ChooseByKey, help: t::REGION_BY_KEY, hint: None },
    Binding { context: C::QuizAsk, keys: &[ch('s'), ch('1')], action: A::AnswerTrue, help: t::ANSWER_TRUE, hint: Some(h::TRUE) },
    Binding { context: C::QuizAsk, keys: &[ch('f'), ch('2')], action: A::AnswerFalse, help: t::ANSWER_FALSE, hint: Some(h::FALSE) },
    Binding { context: C::QuizAsk, keys: &[key(K::Esc), ch('q')], action: A::Back, help: t::QUIZ_BACK, hint: Some(h::BACK) },
    Binding { context: C::QuizShown, keys: &[key(K::Enter), ch(' ')], action: A::Select, help: t::QUIZ_NEXT, hint: Some(h::NEXT) },
    Binding { context: C::QuizShown, keys: &[ch('l')], action: A::ReadSource, help: t::READ_SOURCE, hint: Some(h::READ_SOURCE) },
    Binding { context: C::QuizShown, keys: &[key(K::Up), ch('k')], action: A::ScrollUp, help: t::SCROLL_UP, hint: Some(h::SCROLL) },
    Binding { context: C::QuizShown, keys: &[key(K::Down), ch('j')], action: A::ScrollDown, help: t::SCROLL_DOWN, hint: Some(h::SCROLL) },
    Binding { context: C::QuizShown, keys: &[key(K::Esc), ch('q')], action: A::Back, help: t::QUIZ_BACK, hint: Some(h::BACK) },
    Binding { context: C::Reading, keys: &[key(K::Tab)], action: A::NextTab, help: t::NEXT_TAB, hint: Some(h::NEXT_TAB) },
    Binding { context: C::Reading, keys: &[key(K::BackTab)], action: A::PrevTab, help: t::PREV_TAB, hint: None },
    Binding { context: C::Reading, keys: &[ch('?')], action: A::Help, help: t::HELP, hint: None },

    Binding { context: C::Walk, keys: &[key(K::Tab)], action: A::NextField, help: t::NEXT_FIELD, hint: Some(h::NEXT_FIELD) },
    Binding { context: C::Walk, keys: &[key(K::BackTab)], action: A::PrevField, help: t::PREV_FIELD, hint: None },
    Binding { context: C::Walk, keys: &[key(K::PageDown), with(K::Right, CTRL)], action: A::NextStep, help: t::NEXT_STEP, hint: Some(h::NEXT_STEP) },
    Binding { context: C::Walk, keys: &[key(K::PageUp), with(K::Left, CTRL)], action: A::PrevStep, help: t::PREV_STEP, hint: None },
    Binding { context: C::Walk, keys: &[ctrl('r')], action: A::Review, help: t::REVIEW, hint: Some(h::REVIEW) },
    Binding { context: C::Walk, keys: &[ctrl('d')], action: A::RemoveRow, help: t::REMOVE_ROW, hint: None },
    Binding { context: C::Walk, keys: &[ctrl('l')], action: A::EditLabel, help: t::LABEL, hint: None },
    Binding { context: C::Walk, keys: &[ctrl('p')], action: A::Pick, help: t::PICK, hint: None },
    Binding { context: C::Walk, keys: &[ctrl('f')], action: A::MoveToForloeb, help: t::MOVE, hint: None },
    Binding { context: C::Unfocused, keys: &[key(K::Up)], action: A::ScrollUp, help: t::SCROLL_UP, hint: Some(h::SCROLL) },
    Binding { context: C::Unfocused, keys: &[key(K::Down)], action: A::ScrollDown, help: t::SCROLL_DOWN, hint: Some(h::SCROLL) },
    Binding { context: C::Unfocused, keys: &[key(K::Enter)], action: A::NextField, help: t::BACK_INTO_FIELDS, hint: None },
    Binding { context: C::Unfocused, keys: &[key(K::Esc)], action: A::Close, help: t::CLOSE_SESSION, hint: Some(h::CLOSE) },
    Binding { context: C::Walk, keys: &[key(K::Esc)], action: A::LeaveField, help: t::LEAVE_FIELD, hint: Some(h::LEAVE_FIELD) },
    Binding { context: C::Choosing, keys: &[key(K::Left)], action: A::ChoosePrev, help: t::CHOOSE_PREV, hint: None },
    Binding { context: C::Choosing, keys: &[key(K::Right), ch(' ')], action: A::ChooseNext, help: t::CHOOSE_NEXT, hint: None },
    Binding { context: C::Choosing, keys: &[key(K::Enter)], action: A::NextField, help: t::NEXT_FIELD, hint: None },
    Binding { context: C::Choosing, keys: &[Key::Char], action: A::ChooseByKey, help: t::CHOOSE_BY_KEY, hint: Some(h::CHOOSE_BY_KEY) },
    Binding { context: C::Ticking, keys: &[ch(' '), key(K::Enter)], action: A::Toggle, help: t::TOGGLE, hint: Some(h::TOGGLE) },
    Binding { context: C::Ticking, keys: &[ch('x'), ch('j')], action: A::Tick, help: t::TICK, hint: None },
    Binding { context: C::Ticking, keys: &[ch('n')], action: A::Untick, help: t::UNTICK, hint: None },
    Binding { context: C::Ticking, keys: &[Key::Char], action: A::TickHint, help: t::TICK_HINT, hint: None },
    Binding { context: C::Pressing, keys: &[ch(' '), key(K::Enter)], action: A::Press, help: t::PRESS, hint: Some(h::PRESS) },
    Binding { context: C::NotTyping, keys: &[key(K::Up)], action: A::PrevField, help: t::PREV_FIELD, hint: None },
    Binding { context: C::NotTyping, keys: &[key(K::Down)], action: A::NextField, help: t::NEXT_FIELD, hint: None },
    Binding { context: C::NotTyping, keys: &[key(K::Backspace), key(K::Delete)], action: A::Clear, help: t::CLEAR, hint: None },
    Binding { context: C::NotTyping, keys: &[ch('?')], action: A::Help, help: t::HELP, hint: None },
    Binding { context: C::OneLine, keys: &[key(K::Enter), key(K::Down)], action: A::NextField, help: t::NEXT_FIELD, hint: None },
    Binding { context: C::OneLine, keys: &[key(K::Up)], action: A::PrevField, help: t::PREV_FIELD, hint: None },
    Binding { context: C::Adapting, keys: &[ctrl('g')], action: A::Restore, help: t::RESTORE, hint: Some(h::RESTORE) },
    Binding { context: C::Lines, keys: &[key(K::Enter)], action: A::NewLine, help: t::NEW_LINE, hint: None },
    Binding { context: C::Lines, keys: &[key(K::Up)], action: A::LineUp, help: t::LINE_UP, hint: None },
    Binding { context: C::Lines, keys: &[key(K::Down)], action: A::LineDown, help: t::LINE_DOWN, hint: None },

    Binding { context: C::Text, keys: &[Key::Char], action: A::Type, help: t::TYPE, hint: None },
    Binding { context: C::Text, keys: &[key(K::Left)], action: A::CharLeft, help: t::CHAR_LEFT, hint: None },
    Binding { context: C::Text, keys: &[key(K::Right)], action: A::CharRight, help: t::CHAR_RIGHT, hint: None },
    Binding { context: C::Text, keys: &[with(K::Left, ALT), with(K::Char('b'), ALT)], action: A::WordLeft, help: t::WORD_LEFT, hint: None },
    Binding { context: C::Text, keys: &[with(K::Right, ALT), with(K::Char('f'), ALT)], action: A::WordRight, help: t::WORD_RIGHT, hint: None },
    Binding { context: C::Text, keys: &[key(K::Home), ctrl('a')], action: A::LineStart, help: t::LINE_START, hint: None },
    Binding { context: C::Text, keys: &[key(K::End), ctrl('e')], action: A::LineEnd, help: t::LINE_END, hint: None },
    Binding { context: C::Text, keys: &[key(K::Backspace)], action: A::DeleteBack, help: t::DELETE_BACK, hint: None },
    Binding { context: C::Text, keys: &[key(K::Delete)], action: A::DeleteForward, help: t::DELETE_FORWARD, hint: None },
    Binding { context: C::Text, keys: &[ctrl('w'), with(K::Backspace, ALT)], action: A::DeleteWordBack, help: t::DELETE_WORD_BACK, hint: None },
    Binding { context: C::Text, keys: &[with(K::Char('d'), ALT), with(K::Delete, CTRL)], action: A::DeleteWordForward, help: t::DELETE_WORD_FORWARD, hint: None },
    Binding { context: C::Text, keys: &[ctrl('k')], action: A::DeleteToEnd, help: t::DELETE_TO_END, hint: None },
    Binding { context: C::Text, keys: &[ctrl('u')], action: A::DeleteToStart, help: t::DELETE_TO_START, hint: None },
    Binding { context: C::Text, keys: &[ctrl('z')], action: A::Undo, help: t::UNDO, hint: None },
    Binding { context: C::Text, keys: &[ctrl('y')], action: A::Redo, help: t::REDO, hint: None },

    Binding { context: C::Review, keys: &[key(K::Up), ch('k')], action: A::Up, help: t::UP, hint: Some(h::CHOOSE) },
    Binding { context: C::Review, keys: &[key(K::Down), ch('j')], action: A::Down, help: t::DOWN, hint: Some(h::CHOOSE) },
    Binding { context: C::Review, keys: &[key(K::Enter)], action: A::GotoField, help: t::GOTO_FIELD, hint: Some(h::GOTO_FIELD) },
    Binding { context: C::Review, keys: &[ch('a')], action: A::Complete, help: t::COMPLETE, hint: Some(h::COMPLETE) },
    Binding { context: C::Review, keys: &[ch('e')], action: A::Export, help: t::EXPORT, hint: Some(h::EXPORT) },
    Binding { context: C::Review, keys: &[ch('d')], action: A::Share, help: t::SHARE, hint: Some(h::SHARE) },
    Binding { context: C::Review, keys: &[ch('g')], action: A::Reopen, help: t::REOPEN, hint: Some(h::REOPEN) },
    Binding { context: C::Review, keys: &[key(K::PageUp), with(K::Left, CTRL)], action: A::BackToSteps, help: t::BACK_TO_STEPS, hint: None },
    Binding { context: C::Review, keys: &[ctrl('l')], action: A::EditLabel, help: t::LABEL, hint: None },
    Binding { context: C::Review, keys: &[ch('?')], action: A::Help, help: t::HELP, hint: None },
    Binding { context: C::Review, keys: &[key(K::Esc)], action: A::Back, help: t::REVIEW_BACK, hint: Some(h::BACK) },

    Binding { context: C::Confirming, keys: &[key(K::Up), ch('k')], action: A::ScrollUp, help: t::SCROLL_UP, hint: None },
    Binding { context: C::Confirming, keys: &[key(K::Down), ch('j')], action: A::ScrollDown, help: t::SCROLL_DOWN, hint: None },
    Binding { context: C::Dialog, keys: &[key(K::Enter)], action: A::Confirm, help: t::CONFIRM, hint: Some(h::CONFIRM) },
    Binding { context: C::Dialog, keys: &[key(K::Esc)], action: A::Cancel, help: t::CANCEL, hint: Some(h::CANCEL) },
    Binding { context: C::DialogRows, keys: &[key(K::Up), key(K::BackTab)], action: A::Up, help: t::DIALOG_UP, hint: Some(h::CHOOSE_LINE) },
    Binding { context: C::DialogRows, keys: &[key(K::Down), key(K::Tab)], action: A::Down, help: t::DIALOG_DOWN, hint: Some(h::CHOOSE_LINE) },
    Binding { context: C::Choice, keys: &[key(K::Left)], action: A::ChoosePrev, help: t::DIALOG_PREV, hint: Some(h::CHANGE) },
    Binding { context: C::Choice, keys: &[key(K::Right)], action: A::ChooseNext, help: t::DIALOG_NEXT, hint: Some(h::CHANGE) },
];

/// Every context, in the order the help lists them.
pub const ALL_CONTEXTS: [Context; 32] = [
    C::Everywhere,
    C::Start,
    C::Forloeb,
    C::ForloebList,
    C::ForloebOpen,
    C::Note,
    C::ForloebSearch,
    C::Sessions,
    C::Reading,
    C::ReadingList,
    C::ReadingText,
    C::ReadingLinks,
    C::Body,
    C::QuizAsk,
    C::QuizShown,
    C::Walk,
    C::Unfocused,
    C::NotTyping,
    C::Choosing,
    C::Ticking,
    C::Pressing,
    C::OneLine,
    C::Lines,
    C::Adapting,
    C::Text,
    C::Review,
    C::Dialog,
    C::DialogRows,
    C::Choice,
    C::Confirming,
    C::Locked,
    C::Help,
];

/// Terminals differ in whether Shift is reported with `?`, capitals and Shift-Tab, so it is
/// ignored there.
fn normalize(code: KeyCode, mods: KeyModifiers) -> (KeyCode, KeyModifiers) {
    match code {
        KeyCode::Char(_) | KeyCode::BackTab => (code, mods - KeyModifiers::SHIFT),
        _ => (code, mods),
    }
}

impl Key {
    fn matches(self, pressed: KeyEvent) -> bool {
        match self {
            Key::Press(code, mods) => {
                normalize(code, mods) == normalize(pressed.code, pressed.modifiers)
            }
            Key::Char => is_typed_char(pressed).is_some(),
            Key::Digit => is_typed_char(pressed).is_some_and(|c| c.is_ascii_digit()),
        }
    }
}

/// The character a key types, if it types one: no Ctrl and no Alt, except both together,
/// which is AltGr on some systems (`{`, `@` and `€` on Danish keyboards).
pub fn is_typed_char(key: KeyEvent) -> Option<char> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    (ctrl == alt && !c.is_control()).then_some(c)
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(key: KeyEvent, contexts: &[Context]) -> Option<Action> {
    contexts.iter().find_map(|context| {
        bindings(*context)
            .find(|b| b.keys.iter().any(|k| k.matches(key)))
            .map(|b| b.action)
    })
}

/// The bindings of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// A key as the help shows it: "Ctrl-Q", "Shift-Tab", "PgDn".
pub fn key_name(key: Key) -> String {
    let (code, mods) = match key {
        Key::Press(code, mods) => (code, mods),
        Key::Char => return t::ANY_CHAR.to_string(),
        Key::Digit => return t::DIGIT.to_string(),
    };
    let name = match code {
        KeyCode::Char(' ') => t::SPACE.to_string(),
        KeyCode::Char(c) if mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => t::ENTER.into(),
        KeyCode::Esc => t::ESC.into(),
        KeyCode::Tab => t::TAB.into(),
        KeyCode::BackTab => format!("{}{}", t::SHIFT, t::TAB),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => t::HOME.into(),
        KeyCode::End => t::END.into(),
        KeyCode::PageUp => t::PAGE_UP_KEY.into(),
        KeyCode::PageDown => t::PAGE_DOWN_KEY.into(),
        KeyCode::Backspace => t::BACKSPACE.into(),
        KeyCode::Delete => t::DELETE.into(),
        other => format!("{other:?}"),
    };
    let mut prefix = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        prefix.push_str(&t::CTRL);
    }
    if mods.contains(KeyModifiers::ALT) {
        prefix.push_str(&t::ALT);
    }
    format!("{prefix}{name}")
}

/// The keys of a binding, joined for the help: "PgDn / Ctrl-→".
pub fn keys_text(binding: &Binding) -> String {
    let mut names: Vec<String> = binding.keys.iter().map(|k| key_name(*k)).collect();
    names.dedup();
    names.join(" / ")
}

/// The footer: the hinted keys of the active contexts, first key of each, in order. Next
/// bindings with the same word share it ("↑↓ vælg").
pub fn footer(contexts: &[Context]) -> Vec<(String, Text)> {
    let mut out: Vec<(String, Text)> = Vec::new();
    let mut seen: Vec<Action> = Vec::new();
    for binding in contexts.iter().flat_map(|c| bindings(*c)) {
        let Some(hint) = binding.hint else { continue };
        // A key bound in an earlier context hides the same key further on.
        let shadowed = binding.keys.first().is_some_and(|first| {
            contexts
                .iter()
                .take_while(|c| **c != binding.context)
                .flat_map(|c| bindings(*c))
                .any(|b| b.keys.contains(first))
        });
        if shadowed || seen.contains(&binding.action) {
            continue;
        }
        seen.push(binding.action);
        let name = binding
            .keys
            .first()
            .map(|k| key_name(*k))
            .unwrap_or_default();
        match out.last_mut() {
            Some((keys, word)) if *word == hint => keys.push_str(&name),
            _ => out.push((name, hint)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn the_first_active_context_that_binds_a_key_gets_it() {
        let tab = press(KeyCode::Tab, NONE);
        assert_eq!(lookup(tab, &[C::Walk, C::Text]), Some(A::NextField));
        let a = press(KeyCode::Char('a'), NONE);
        assert_eq!(lookup(a, &[C::Walk, C::OneLine, C::Text]), Some(A::Type));
        assert_eq!(lookup(a, &[C::Walk, C::Choosing]), Some(A::ChooseByKey));
        assert_eq!(lookup(a, &[C::Review, C::Everywhere]), Some(A::Complete));
        // Ctrl-letters and Alt-letters do not type.
        assert_eq!(
            lookup(press(KeyCode::Char('k'), CTRL), &[C::Text]),
            Some(A::DeleteToEnd)
        );
        assert_eq!(lookup(press(KeyCode::Char('x'), CTRL), &[C::Text]), None);
        // AltGr (Ctrl+Alt) types the character it makes.
        let at = press(KeyCode::Char('@'), CTRL | ALT);
        assert_eq!(lookup(at, &[C::Text]), Some(A::Type));
    }

    #[test]
    fn every_binding_has_help_and_no_context_binds_a_key_twice() {
        for context in ALL_CONTEXTS {
            let mut keys: Vec<Key> = Vec::new();
            for binding in bindings(context) {
                assert!(!binding.help.is_empty());
                for k in binding.keys {
                    assert!(!keys.contains(k), "{context:?} binds {k:?} twice");
                    keys.push(*k);
                }
            }
        }
    }

    #[test]
    fn the_footer_joins_up_and_down_and_skips_shadowed_keys() {
        let footer = footer(&[C::Start, C::Everywhere]);
        assert_eq!(footer[0], ("↑↓".to_string(), h::CHOOSE));
        assert!(footer.iter().any(|(k, _)| k == "Ctrl-Q"));
        // In the help, F1 closes the help; the footer does not also offer it as "help".
        let footer = super::footer(&[C::Help, C::Everywhere]);
        assert!(!footer.iter().any(|(_, w)| *w == h::HELP));
    }
}
