//! What a line says: an answer, nothing (an empty line), or a command word. The words are
//! data in `texts::plain`, each in Danish and English.

use super::io::{Io, Read};
use crate::core::input::pick_option;
use crate::texts::plain as t;
use crate::texts::words;

/// The words of a box or a tool's yes-or-no question: the tool's, Danish in both languages.
pub const YES_NO: [&str; 2] = [words::YES, words::NO];

/// The words of the program's own yes-or-no questions (open a linked tool, make a case),
/// in the language shown.
pub fn our_yes_no() -> [&'static str; 2] {
    t::YES_NO.map(|word| word.as_str())
}

/// A command typed as a word instead of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// The question before (on the step before, after its first).
    Back,
    /// On to the next question, leaving this one as it is.
    Skip,
    /// All answers, what is missing, and completing.
    Review,
    Help,
    /// Save and end the program.
    Quit,
    /// Empty the answer here (remove the entry or row).
    Clear,
}

/// A line as the questions take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// An empty line: keep what is there and go on.
    Empty,
    Text(String),
    Command(Command),
    End,
    Idle,
}

const COMMANDS: [(&[&str], Command); 6] = [
    (t::BACK, Command::Back),
    (t::SKIP, Command::Skip),
    (t::REVIEW, Command::Review),
    (t::HELP, Command::Help),
    (t::QUIT, Command::Quit),
    (t::CLEAR, Command::Clear),
];

/// The command a line is, if it is one: one of the words, in any case, spaces around it
/// left out.
pub fn command(line: &str) -> Option<Command> {
    let typed = normal(line);
    COMMANDS
        .iter()
        .find(|(words, _)| words.contains(&typed.as_str()))
        .map(|(_, command)| *command)
}

/// Whether the line is the word for something new (a new tool, in the list of drafts).
pub fn is_new(line: &str) -> bool {
    t::NEW.contains(&normal(line).as_str())
}

fn normal(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a line read says. A command word after the escape (`\tilbage`) is that word as an
/// answer.
pub fn reply(read: Read) -> Reply {
    let line = match read {
        Read::Line(line) => line,
        Read::End => return Reply::End,
        Read::Idle => return Reply::Idle,
    };
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Reply::Empty;
    }
    if let Some(command) = command(trimmed) {
        return Reply::Command(command);
    }
    match trimmed.strip_prefix(t::ESCAPE) {
        Some(word) if command(word).is_some() => Reply::Text(word.trim().to_string()),
        _ => Reply::Text(trimmed.to_string()),
    }
}

/// Asks yes or no (1 or 2) until one of them is typed. Whatever else ends the question
/// (an empty line, a command, the end of input) comes back as it is.
pub fn yes_or_no(io: &mut Io) -> Result<bool, Reply> {
    let labels = our_yes_no();
    io.say(&t::options(&labels.map(str::to_string)));
    loop {
        match reply(io.ask(&t::choose(2))) {
            Reply::Text(typed) => match pick_option(&typed, &labels) {
                Ok(index) => return Ok(index == 0),
                Err(_) => io.say(&t::not_an_option(&typed, &labels)),
            },
            other => return Err(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_words_in_danish_or_english_in_any_case() {
        assert_eq!(command("tilbage"), Some(Command::Back));
        assert_eq!(command(" Back "), Some(Command::Back));
        assert_eq!(command("spring  over"), Some(Command::Skip));
        assert_eq!(command("skip"), Some(Command::Skip));
        assert_eq!(command("GENNEMSE"), Some(Command::Review));
        assert_eq!(command("review"), Some(Command::Review));
        assert_eq!(command("hjælp"), Some(Command::Help));
        assert_eq!(command("help"), Some(Command::Help));
        assert_eq!(command("afslut"), Some(Command::Quit));
        assert_eq!(command("quit"), Some(Command::Quit));
        assert_eq!(command("slet"), Some(Command::Clear));
        assert_eq!(command("tilbage til arbejdet"), None);
        assert!(is_new("ny") && is_new("New") && !is_new("nyt job"));
        // The help names each word with its English form.
        let guide = t::guide();
        for word in ["- tilbage (back):", "- hjælp (help):", "- afslut (quit):"] {
            assert!(guide.iter().any(|l| l.starts_with(word)), "{word}");
        }
    }

    #[test]
    fn a_command_word_after_the_escape_is_an_answer() {
        let line = |s: &str| reply(Read::Line(s.to_string()));
        assert_eq!(line("  "), Reply::Empty);
        assert_eq!(line("tilbage"), Reply::Command(Command::Back));
        assert_eq!(line("\\tilbage"), Reply::Text("tilbage".into()));
        assert_eq!(line("\\n"), Reply::Text("\\n".into()));
        assert_eq!(line(" Gulvvask "), Reply::Text("Gulvvask".into()));
        assert_eq!(reply(Read::End), Reply::End);
    }
}
