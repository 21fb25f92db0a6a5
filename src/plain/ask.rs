//! Asking a place and taking the answer: the line it is typed on, what an empty line and
//! the command words do there, and each kind of answer through the walk (a choice, a box,
//! text that is read as a date, a number or a week, a new entry or row, a link).

use super::command::{Command, Reply, YES_NO, our_yes_no, reply};
use super::io::Read;
use super::show::shown;
use super::sitting::{Ended, Next, Sitting};
use crate::core::answers::Value;
use crate::core::definition::{Field, Kind};
use crate::core::input::pick_option;
use crate::core::layout::{self, Input};
use crate::core::place::{Part, Place};
use crate::core::privacy;
use crate::present;
use crate::texts::plain as t;
use crate::texts::ui;

impl Sitting<'_, '_> {
    /// Asks the place's question and takes the answer.
    pub(super) fn ask(&mut self, place: Place) -> Next {
        let Some(field) = self.walk.field(place.field).cloned() else {
            return Next::On;
        };
        let input = self.walk.input(place);
        let prompt = self.prompt(&field, place, input);
        let answer = reply(self.io.ask(&prompt));
        let text = match answer {
            Reply::Text(text) => text,
            Reply::Empty => return self.empty(place),
            Reply::Command(command) => return self.command(command, place),
            Reply::End => return Next::Stop(Ended::End),
            Reply::Idle => return Next::Stop(Ended::Idle),
        };
        if let Some(why) = self.unchangeable() {
            self.io.say(&why);
            return Next::On;
        }
        match (place.part, input) {
            (Part::AddEntry | Part::AddRow, _) => self.add(place, &text),
            (Part::Value, Input::Button) => self.link(place, &text),
            (_, Input::Options) => self.choose(&field, place, &text),
            (_, Input::Toggle) => self.tick(place, &text),
            (_, Input::Text { multiline: true }) => {
                let (text, then) = self.more_lines(text);
                let next = self.set_text(&field, place, &text);
                match then {
                    Some(command) => self.command(command, place),
                    None => next,
                }
            }
            _ => self.set_text(&field, place, &text),
        }
    }

    /// Why nothing here can change, if so.
    fn unchangeable(&self) -> Option<String> {
        match &self.read_only {
            Some(reason) => Some(ui::read_only(reason)),
            None => self.walk.is_sealed().then(|| t::SEALED.to_string()),
        }
    }

    /// The line the answer is typed on.
    fn prompt(&self, field: &Field, place: Place, input: Input) -> String {
        let name = match place.part {
            Part::From => ui::FROM.to_string(),
            Part::To => ui::TO.to_string(),
            Part::Entry(_) | Part::AddEntry => {
                let item = match &field.kind {
                    Kind::List { item, .. } => item.as_str(),
                    _ => "",
                };
                let n = match place.part {
                    Part::Entry(i) => i + 1,
                    _ => self.walk.answers().entry_count(field) + 1,
                };
                t::numbered(item, n)
            }
            Part::Cell { col, .. } => layout::columns(&field.kind)
                .get(col)
                .map(|c| present::column_label(c.label).to_string())
                .unwrap_or_default(),
            Part::AddRow => layout::columns(&field.kind)
                .first()
                .map(|c| present::column_label(c.label).to_string())
                .unwrap_or_default(),
            Part::Comment => field.comment.clone().unwrap_or_default(),
            Part::TickComment(_) => ui::COMMENT.to_string(),
            Part::Paragraph(_) => t::NEW_TEXT.to_string(),
            Part::Tick(_) | Part::Value => String::new(),
        };
        let input = match place.part {
            // The row is added with its first cell, which takes what the column takes; an
            // entry with its text.
            Part::AddRow => layout::columns(&field.kind)
                .first()
                .map_or(input, |c| c.input),
            Part::AddEntry => Input::Text { multiline: false },
            _ => input,
        };
        match input {
            Input::Options => t::choose(
                self.walk
                    .field(place.field)
                    .map_or(0, |f| present::option_labels(f).len()),
            ),
            Input::Toggle | Input::Button => t::choose(2),
            Input::Date => t::date(&name),
            Input::Number { .. } => {
                let unit = match &field.kind {
                    Kind::Number { unit, .. } => unit.as_str(),
                    _ => "",
                };
                t::number(&name, unit)
            }
            Input::Week => t::week(&name),
            Input::Text { multiline: true } => t::lines(&name),
            Input::Text { multiline: false } => t::text(&name),
        }
    }

    /// An empty line: what is there stays. An empty entry (or "one more") ends the list,
    /// an empty "new row" the table.
    fn empty(&mut self, place: Place) -> Next {
        match place.part {
            Part::AddEntry | Part::AddRow => Next::PastRows,
            Part::Entry(_) if self.walk.answers().value(place) == Value::Empty => Next::PastRows,
            _ => Next::On,
        }
    }

    fn command(&mut self, command: Command, place: Place) -> Next {
        match command {
            Command::Back => Next::Back,
            Command::Skip => Next::On,
            Command::Review => Next::Review,
            Command::Help => {
                self.help();
                Next::Repeat
            }
            Command::Quit => match self.quit() {
                Some(ended) => Next::Stop(ended),
                None => Next::Again,
            },
            Command::Clear => {
                if let Some(why) = self.unchangeable() {
                    self.io.say(&why);
                    return Next::Again;
                }
                let cleared = match (place.part, self.walk.input(place)) {
                    (Part::Entry(_) | Part::Cell { .. }, _) => self.walk.remove_row(place),
                    (_, Input::Button) => false,
                    _ => {
                        let before = self.walk.revision();
                        self.walk.clear(place);
                        self.walk.revision() != before
                    }
                };
                self.io.say(if cleared {
                    &t::CLEARED
                } else {
                    &t::NOTHING_TO_CLEAR
                });
                Next::Repeat
            }
        }
    }

    pub(super) fn help(&mut self) {
        self.io.blank();
        for line in t::guide() {
            self.io.say(&line);
        }
    }

    /// The rest of an answer of several lines, up to an empty line or a command word: the
    /// lines so far are the answer, then the command is done (a person who types »afslut«
    /// on its own line means it; `\afslut` is the word as text).
    fn more_lines(&mut self, first: String) -> (String, Option<Command>) {
        let mut lines = vec![first];
        while let Read::Line(line) = self.io.more() {
            match reply(Read::Line(line.clone())) {
                Reply::Command(command) => return (lines.join("\n"), Some(command)),
                Reply::Empty => break,
                // As typed, indentation kept, unless it was an escaped command word.
                Reply::Text(text) if text == line.trim() => lines.push(line.trim_end().to_string()),
                Reply::Text(text) => lines.push(text),
                Reply::End | Reply::Idle => break,
            }
        }
        (lines.join("\n"), None)
    }

    /// The option typed, or why it is none (said).
    fn pick(&mut self, typed: &str, labels: &[&str]) -> Option<usize> {
        let picked = pick_option(typed, labels).ok();
        if picked.is_none() {
            self.io.say(&t::not_an_option(typed, labels));
        }
        picked
    }

    fn choose(&mut self, field: &Field, place: Place, typed: &str) -> Next {
        let labels = present::option_labels(field);
        let Some(index) = self.pick(typed, &labels) else {
            return Next::Again;
        };
        self.walk.choose(place, Some(index));
        if let Some(label) = labels.get(index) {
            self.io.say(&t::chosen(label));
        }
        Next::On
    }

    fn tick(&mut self, place: Place, typed: &str) -> Next {
        let labels = YES_NO;
        let Some(index) = self.pick(typed, &labels) else {
            return Next::Again;
        };
        self.walk.set_on(place, index == 0);
        self.io.say(&t::chosen(labels[index]));
        Next::On
    }

    /// Text typed at a text-like place: kept, with what it is read as; text that is not
    /// valid is kept too (as on the screen) and the same place asked again with why.
    fn set_text(&mut self, field: &Field, place: Place, text: &str) -> Next {
        match self.walk.set_text(place, text) {
            Ok(()) => {
                match self.walk.answers().value(place) {
                    value @ (Value::Date(_) | Value::Number(_) | Value::Week(_)) => {
                        let unit = match &field.kind {
                            Kind::Number { unit, .. } => unit.as_str(),
                            _ => "",
                        };
                        self.io.say(&t::reads_as(&shown(value), unit));
                    }
                    _ => self.what_text_gives_away(field, text),
                }
                Next::On
            }
            Err(e) => {
                self.io.say(&e.to_string());
                Next::Again
            }
        }
    }

    /// A CPR number in the text, or words about health where the employer reads it.
    fn what_text_gives_away(&mut self, field: &Field, text: &str) {
        if privacy::has_cpr(text) {
            self.io.say(&ui::CPR_WARNING);
        }
        if self.walk.tool().reaches_employer(field) {
            let words = privacy::health_mentions(text);
            if !words.is_empty() {
                self.io.say(&ui::health_hint(&words));
            }
        }
    }

    /// One more list entry, or a new row with its first cell, typed at "one more" or
    /// "new row". The new entry or cell is the place now: text refused there is asked for
    /// again there.
    fn add(&mut self, place: Place, text: &str) -> Next {
        if !self.walk.press(place) {
            return Next::PastRows;
        }
        let Some(added) = self.walk.focus() else {
            return Next::On;
        };
        let Some(field) = self.walk.field(added.field).cloned() else {
            return Next::On;
        };
        self.place_shown = Some(added);
        self.set_text(&field, added, text)
    }

    /// A link to another tool: `1` opens it (in the same forløb), then comes back here.
    fn link(&mut self, place: Place, typed: &str) -> Next {
        match self.pick(typed, &our_yes_no()) {
            Some(0) => match self.follow(place) {
                Some(ended) => Next::Stop(ended),
                None => Next::On,
            },
            Some(_) => Next::On,
            None => Next::Again,
        }
    }
}
