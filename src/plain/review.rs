//! The review, line by line: every shown question with its answer, step by step, what is
//! missing marked, then what can be done: go to what is missing, complete the session,
//! reopen a completed one, back to the questions, or close.

use super::command::{Command, Reply, reply, yes_or_no};
use super::sitting::{Ended, Sitting};
use crate::core::input::pick_option;
use crate::core::place::FieldAt;
use crate::core::session::Status;
use crate::present;
use crate::texts::plain as t;
use crate::texts::ui;

/// Where a choice after the review leads.
enum After {
    Questions,
    /// The review's choices again.
    Stay,
    Ended(Ended),
}

/// What can be done after the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    Missing(FieldAt),
    Complete,
    Reopen,
    Questions,
    Close,
}

impl Sitting<'_, '_> {
    /// The review and its choices. Returns how the sitting ends, or `None` to go back to
    /// the questions.
    pub(super) fn review(&mut self) -> Option<Ended> {
        self.save();
        self.write_review();
        loop {
            let choices = self.choices();
            let labels: Vec<String> = choices.iter().map(|c| self.choice_label(*c)).collect();
            self.io.blank();
            self.io.say(&t::WHAT_NOW);
            for (i, label) in labels.iter().enumerate() {
                self.io.item(0, &t::number_marker(i + 1), label);
            }
            let words: Vec<&str> = labels.iter().map(String::as_str).collect();
            let typed = match reply(self.io.ask(&t::choose(choices.len()))) {
                Reply::Text(typed) => typed,
                Reply::Empty => continue,
                Reply::Command(Command::Back) => {
                    self.forget_shown();
                    return None;
                }
                Reply::Command(Command::Quit) => match self.quit() {
                    Some(ended) => return Some(ended),
                    None => continue,
                },
                Reply::Command(Command::Review) => {
                    self.write_review();
                    continue;
                }
                Reply::Command(Command::Help) => {
                    self.help();
                    continue;
                }
                Reply::Command(_) => {
                    self.io.say(&t::not_an_option("", &words));
                    continue;
                }
                Reply::End => return Some(self.stop(Ended::End)),
                Reply::Idle => return Some(self.stop(Ended::Idle)),
            };
            let chosen = pick_option(&typed, &words)
                .ok()
                .and_then(|i| choices.get(i).copied());
            match chosen.map(|then| self.then(then)) {
                Some(After::Questions) => return None,
                Some(After::Ended(ended)) => return Some(ended),
                Some(After::Stay) => {}
                None => self.io.say(&t::not_an_option(&typed, &words)),
            }
        }
    }

    /// Every shown question of the tool with its answer, step by step.
    fn write_review(&mut self) {
        // The review comes between: back at the questions, the step is said again.
        self.step_shown = None;
        let answers = self.walk.answers();
        let tool = self.walk.tool();
        let items = answers.review();
        let missing = items.iter().filter(|i| i.missing).count();
        let steps = tool.steps.len();
        let session = self.walk.session();
        let mut lines: Vec<(usize, String)> = vec![(
            0,
            t::review_heading(
                &ui::tool_heading(tool.number, &tool.title),
                &crate::texts::session_status(session),
            ),
        )];
        lines.push((
            0,
            match (missing, session.status) {
                (0, Status::Completed) => ui::IS_COMPLETED.to_string(),
                (0, Status::Draft) => t::ALL_ANSWERED.to_string(),
                (n, _) => t::missing_count(n),
            },
        ));
        if let Some(imported) = &session.imported {
            let provenance = crate::texts::share::provenance(imported);
            lines.push((0, ui::imported_from(&provenance)));
        }
        if !session.history.is_empty() {
            lines.push((
                0,
                format!("{}: {}.", ui::HISTORY, crate::texts::history(session)),
            ));
        }
        let mut last_step = None;
        for item in &items {
            if last_step != Some(item.at.step) {
                last_step = Some(item.at.step);
                let title = &tool.steps[item.at.step].title;
                lines.push((0, String::new()));
                lines.push((0, t::step(item.at.step + 1, steps, title)));
            }
            let mut label = item.field.label.clone();
            if tool.is_private(item.field) {
                label = ui::private(&label);
            }
            let label = if item.is_invalid() {
                t::invalid(&label)
            } else if item.missing {
                t::missing(&label)
            } else {
                label
            };
            lines.push((2, label));
            let mut value = present::answer_lines(&answers, item.field);
            value.extend(item.unparsed.iter().map(|v| t::unparsed(v)));
            if value.is_empty() {
                value.push(ui::NOT_ANSWERED.to_string());
            }
            lines.extend(value.into_iter().map(|v| (4, v)));
        }
        // Answers whose question an earlier version of the tool asked: kept, said last.
        let unasked = answers.unasked();
        if !unasked.is_empty() {
            lines.push((0, String::new()));
            lines.push((0, crate::texts::migrate::UNASKED.to_string()));
            for (id, answer) in unasked {
                lines.push((2, id.to_string()));
                lines.extend(present::unasked_lines(answer).into_iter().map(|v| (4, v)));
            }
        }
        self.io.blank();
        for (indent, line) in lines {
            if line.is_empty() {
                self.io.blank();
            } else {
                self.io.say_at(indent, &line);
            }
        }
    }

    /// What can be done now, in order.
    fn choices(&self) -> Vec<Then> {
        if self.read_only.is_some() {
            return vec![Then::Close];
        }
        if self.walk.is_sealed() {
            return vec![Then::Reopen, Then::Close];
        }
        let first_missing = self.walk.answers().missing().first().copied();
        let mut choices = vec![match first_missing {
            Some(at) => Then::Missing(at),
            None => Then::Complete,
        }];
        choices.extend([Then::Questions, Then::Close]);
        choices
    }

    fn choice_label(&self, then: Then) -> String {
        match then {
            Then::Missing(at) => {
                let label = self
                    .walk
                    .field(at)
                    .map(|f| f.label.clone())
                    .unwrap_or_default();
                t::go_to_missing(&label)
            }
            Then::Complete => t::COMPLETE.to_string(),
            Then::Reopen => t::REOPEN.to_string(),
            Then::Questions => t::QUESTIONS.to_string(),
            Then::Close => t::CLOSE.to_string(),
        }
    }

    /// Does what was chosen.
    fn then(&mut self, then: Then) -> After {
        let now = (self.ctx.now)();
        match then {
            Then::Missing(at) => {
                self.walk.goto_field(at);
                self.forget_shown();
                After::Questions
            }
            Then::Questions => {
                self.forget_shown();
                After::Questions
            }
            Then::Complete => match self.walk.complete(now) {
                Ok(()) => {
                    let saved = self.save();
                    let id = self.walk.session().id.clone();
                    self.io.blank();
                    self.io.say(&t::completed(&id, saved));
                    if saved {
                        After::Ended(Ended::Closed)
                    } else {
                        After::Stay
                    }
                }
                Err(missing) => {
                    self.io.say(&t::missing_count(missing.len()));
                    After::Stay
                }
            },
            Then::Reopen => {
                self.io.blank();
                self.io.say(&ui::REOPEN_WHAT);
                match yes_or_no(self.io) {
                    Ok(true) => {}
                    Ok(false) | Err(Reply::Empty | Reply::Command(_) | Reply::Text(_)) => {
                        return After::Stay;
                    }
                    Err(Reply::End) => return After::Ended(self.stop(Ended::End)),
                    Err(Reply::Idle) => return After::Ended(self.stop(Ended::Idle)),
                }
                if !self.walk.reopen(now) {
                    return After::Stay;
                }
                self.save();
                self.io.say(&ui::REOPENED_NOW);
                self.walk.goto_step(0);
                self.forget_shown();
                After::Questions
            }
            Then::Close => {
                let saved = self.save();
                if !saved {
                    self.ctx.lost.set(true);
                }
                self.io.say(&t::closed(saved));
                After::Ended(Ended::Closed)
            }
        }
    }
}
