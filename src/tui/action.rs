//! Every command of the screen, and the one key table that both handles keys and builds the
//! help overlay, so the help can never disagree with what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::texts::keys as t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Select,
    ShowSessions,
    ShowTools,
    ShowReading,
    PageUp,
    PageDown,
    NextField,
    PrevField,
    NextStep,
    PrevStep,
    Review,
    Complete,
    RemoveRow,
    EditLabel,
    ChoosePrev,
    ChooseNext,
    Toggle,
    Clear,
    Undo,
    Redo,
    Export,
    ShowForloeb,
    NewForloeb,
    NewTool,
    Carry,
    AddLog,
    Pick,
    Confirm,
    Cancel,
}

/// Where a binding applies. Text slots get only `Walk` bindings; every other key there is
/// typed into the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Everywhere,
    Start,
    Forloeb,
    Sessions,
    Reading,
    /// Walking through a tool's steps, also while typing in a field.
    Walk,
    /// In a step, when the cursor is not in a text field.
    WalkNotTyping,
    Review,
    /// The small dialogs: label, new forløb, MSB-log note, export, picking a task.
    Dialog,
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

// One row per binding, so the table reads like the help it becomes.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { context: Context::Everywhere, keys: &[(KeyCode::Char('q'), CTRL)], action: Action::Quit, help: t::QUIT },
    Binding { context: Context::Everywhere, keys: &[(KeyCode::F(1), NONE)], action: Action::Help, help: t::HELP },
    Binding { context: Context::Start, keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)], action: Action::Up, help: t::UP },
    Binding { context: Context::Start, keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)], action: Action::Down, help: t::DOWN },
    Binding { context: Context::Start, keys: &[(KeyCode::Enter, NONE)], action: Action::Select, help: t::START_TOOL },
    Binding { context: Context::Start, keys: &[(KeyCode::Tab, NONE), (KeyCode::Char('f'), NONE)], action: Action::ShowForloeb, help: t::SHOW_FORLOEB },
    Binding { context: Context::Start, keys: &[(KeyCode::Char('s'), NONE)], action: Action::ShowSessions, help: t::SHOW_SESSIONS },
    Binding { context: Context::Start, keys: &[(KeyCode::Char('?'), NONE)], action: Action::Help, help: t::HELP },
    Binding { context: Context::Start, keys: &[(KeyCode::Esc, NONE), (KeyCode::Char('q'), NONE)], action: Action::Quit, help: t::QUIT },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)], action: Action::Up, help: t::UP },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)], action: Action::Down, help: t::DOWN },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Enter, NONE)], action: Action::Select, help: t::FORLOEB_OPEN },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Char('n'), NONE)], action: Action::NewForloeb, help: t::NEW_FORLOEB },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Char('t'), NONE)], action: Action::NewTool, help: t::NEW_TOOL },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Char('c'), NONE)], action: Action::Carry, help: t::CARRY },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Char('l'), NONE)], action: Action::AddLog, help: t::ADD_LOG },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Tab, NONE)], action: Action::ShowSessions, help: t::SHOW_SESSIONS },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Char('?'), NONE)], action: Action::Help, help: t::HELP },
    Binding { context: Context::Forloeb, keys: &[(KeyCode::Esc, NONE)], action: Action::Back, help: t::FORLOEB_BACK },
    Binding { context: Context::Sessions, keys: &[(KeyCode::Up, NONE)], action: Action::Up, help: t::UP },
    Binding { context: Context::Sessions, keys: &[(KeyCode::Down, NONE)], action: Action::Down, help: t::DOWN },
    Binding { context: Context::Sessions, keys: &[(KeyCode::Enter, NONE)], action: Action::Select, help: t::RESUME },
    Binding { context: Context::Sessions, keys: &[(KeyCode::Tab, NONE)], action: Action::ShowReading, help: t::SHOW_READING },
    Binding { context: Context::Sessions, keys: &[(KeyCode::Esc, NONE)], action: Action::Back, help: t::SESSIONS_BACK },
    Binding { context: Context::Reading, keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)], action: Action::Up, help: t::READ_UP },
    Binding { context: Context::Reading, keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)], action: Action::Down, help: t::READ_DOWN },
    Binding { context: Context::Reading, keys: &[(KeyCode::PageUp, NONE)], action: Action::PageUp, help: t::PAGE_UP },
    Binding { context: Context::Reading, keys: &[(KeyCode::PageDown, NONE), (KeyCode::Char(' '), NONE)], action: Action::PageDown, help: t::PAGE_DOWN },
    Binding { context: Context::Reading, keys: &[(KeyCode::Enter, NONE)], action: Action::Select, help: t::READ_OPEN },
    Binding { context: Context::Reading, keys: &[(KeyCode::Tab, NONE)], action: Action::ShowTools, help: t::SHOW_TOOLS },
    Binding { context: Context::Reading, keys: &[(KeyCode::Char('?'), NONE)], action: Action::Help, help: t::HELP },
    Binding { context: Context::Reading, keys: &[(KeyCode::Esc, NONE), (KeyCode::Char('q'), NONE)], action: Action::Back, help: t::READ_BACK },
    Binding { context: Context::Walk, keys: &[(KeyCode::Tab, NONE)], action: Action::NextField, help: t::NEXT_FIELD },
    Binding { context: Context::Walk, keys: &[(KeyCode::BackTab, NONE)], action: Action::PrevField, help: t::PREV_FIELD },
    Binding { context: Context::Walk, keys: &[(KeyCode::PageDown, NONE), (KeyCode::Right, CTRL)], action: Action::NextStep, help: t::NEXT_STEP },
    Binding { context: Context::Walk, keys: &[(KeyCode::PageUp, NONE), (KeyCode::Left, CTRL)], action: Action::PrevStep, help: t::PREV_STEP },
    Binding { context: Context::Walk, keys: &[(KeyCode::Char('r'), CTRL)], action: Action::Review, help: t::REVIEW },
    Binding { context: Context::Walk, keys: &[(KeyCode::Char('d'), CTRL)], action: Action::RemoveRow, help: t::REMOVE_ROW },
    Binding { context: Context::Walk, keys: &[(KeyCode::Char('l'), CTRL)], action: Action::EditLabel, help: t::LABEL },
    Binding { context: Context::Walk, keys: &[(KeyCode::Char('p'), CTRL)], action: Action::Pick, help: t::PICK },
    Binding { context: Context::Walk, keys: &[(KeyCode::Char('z'), CTRL)], action: Action::Undo, help: t::UNDO },
    Binding { context: Context::Walk, keys: &[(KeyCode::Char('y'), CTRL)], action: Action::Redo, help: t::REDO },
    Binding { context: Context::Walk, keys: &[(KeyCode::Esc, NONE)], action: Action::Back, help: t::WALK_BACK },
    Binding { context: Context::WalkNotTyping, keys: &[(KeyCode::Up, NONE)], action: Action::PrevField, help: t::UP_FIELD },
    Binding { context: Context::WalkNotTyping, keys: &[(KeyCode::Down, NONE)], action: Action::NextField, help: t::DOWN_FIELD },
    Binding { context: Context::WalkNotTyping, keys: &[(KeyCode::Left, NONE)], action: Action::ChoosePrev, help: t::CHOOSE_PREV },
    Binding { context: Context::WalkNotTyping, keys: &[(KeyCode::Right, NONE)], action: Action::ChooseNext, help: t::CHOOSE_NEXT },
    Binding { context: Context::WalkNotTyping, keys: &[(KeyCode::Char(' '), NONE), (KeyCode::Enter, NONE)], action: Action::Toggle, help: t::TOGGLE },
    Binding { context: Context::WalkNotTyping, keys: &[(KeyCode::Backspace, NONE), (KeyCode::Delete, NONE)], action: Action::Clear, help: t::CLEAR },
    Binding { context: Context::WalkNotTyping, keys: &[(KeyCode::Char('?'), NONE)], action: Action::Help, help: t::HELP },
    Binding { context: Context::Review, keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)], action: Action::Up, help: t::UP },
    Binding { context: Context::Review, keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)], action: Action::Down, help: t::DOWN },
    Binding { context: Context::Review, keys: &[(KeyCode::Enter, NONE)], action: Action::Select, help: t::GOTO_FIELD },
    Binding { context: Context::Review, keys: &[(KeyCode::Char('a'), NONE)], action: Action::Complete, help: t::COMPLETE },
    Binding { context: Context::Review, keys: &[(KeyCode::Char('e'), NONE)], action: Action::Export, help: t::EXPORT },
    Binding { context: Context::Review, keys: &[(KeyCode::PageUp, NONE), (KeyCode::Left, CTRL)], action: Action::PrevStep, help: t::BACK_TO_STEPS },
    Binding { context: Context::Review, keys: &[(KeyCode::Char('l'), CTRL)], action: Action::EditLabel, help: t::LABEL },
    Binding { context: Context::Review, keys: &[(KeyCode::Char('?'), NONE)], action: Action::Help, help: t::HELP },
    Binding { context: Context::Review, keys: &[(KeyCode::Esc, NONE)], action: Action::Back, help: t::REVIEW_BACK },
    Binding { context: Context::Dialog, keys: &[(KeyCode::Enter, NONE)], action: Action::Confirm, help: t::CONFIRM },
    Binding { context: Context::Dialog, keys: &[(KeyCode::Esc, NONE)], action: Action::Cancel, help: t::CANCEL },
    Binding { context: Context::Dialog, keys: &[(KeyCode::Up, NONE), (KeyCode::BackTab, NONE)], action: Action::Up, help: t::DIALOG_UP },
    Binding { context: Context::Dialog, keys: &[(KeyCode::Down, NONE), (KeyCode::Tab, NONE)], action: Action::Down, help: t::DIALOG_DOWN },
    Binding { context: Context::Dialog, keys: &[(KeyCode::Left, NONE)], action: Action::ChoosePrev, help: t::DIALOG_PREV },
    Binding { context: Context::Dialog, keys: &[(KeyCode::Right, NONE)], action: Action::ChooseNext, help: t::DIALOG_NEXT },
];

/// Terminals differ in whether Shift is reported with `?`, capitals and Shift-Tab, so it is
/// ignored there.
fn normalize((code, mods): (KeyCode, KeyModifiers)) -> (KeyCode, KeyModifiers) {
    match code {
        KeyCode::Char(_) | KeyCode::BackTab => (code, mods - KeyModifiers::SHIFT),
        _ => (code, mods),
    }
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(key: KeyEvent, contexts: &[Context]) -> Option<Action> {
    let pressed = normalize((key.code, key.modifiers));
    contexts.iter().find_map(|context| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *context)
            .find(|b| b.keys.iter().any(|k| normalize(*k) == pressed))
            .map(|b| b.action)
    })
}

/// A key as the help shows it: "Ctrl-Q", "Shift-Tab", "PgDn".
pub fn key_name((code, mods): (KeyCode, KeyModifiers)) -> String {
    let name = match code {
        KeyCode::Char(' ') => t::SPACE.to_string(),
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// The keys of a binding, joined for the help: "PgDn / Ctrl-→".
pub fn keys_text(binding: &Binding) -> String {
    let mut names: Vec<String> = binding.keys.iter().map(|k| key_name(*k)).collect();
    names.dedup();
    names.join(" / ")
}
