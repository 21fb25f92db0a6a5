//! Playing the quiz: one statement at a time, answered true or false, then its answer and
//! explanation, and the score at the end. Nothing of it is saved.

/// Where a round of the quiz is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Statement `n` waits for an answer.
    Asking(usize),
    /// Statement `n` was answered; `right` says whether the answer was the report's.
    Answered { n: usize, right: bool },
    /// All answered: `right` of `total`.
    Done { right: usize, total: usize },
}

/// A round over the statements, in order; it holds only the answers given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    /// Whether each answer given so far was right.
    results: Vec<bool>,
    /// The last answer is being shown.
    showing: bool,
}

impl Round {
    pub fn stage(&self, total: usize) -> Stage {
        let answered = self.results.len();
        if let (true, Some(&right)) = (self.showing, self.results.last()) {
            Stage::Answered {
                n: answered - 1,
                right,
            }
        } else if answered < total {
            Stage::Asking(answered)
        } else {
            Stage::Done {
                right: self.results.iter().filter(|r| **r).count(),
                total,
            }
        }
    }

    /// Answers the statement being asked: `said` true or false, against the report's
    /// `answer`. Does nothing unless a statement is being asked.
    pub fn answer(&mut self, total: usize, said: bool, answer: bool) {
        if let Stage::Asking(_) = self.stage(total) {
            self.results.push(said == answer);
            self.showing = true;
        }
    }

    /// From an answer shown to the next statement (or the score).
    pub fn next(&mut self) {
        self.showing = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_asks_shows_and_counts() {
        let mut round = Round::default();
        assert_eq!(round.stage(2), Stage::Asking(0));
        round.answer(2, true, false);
        assert_eq!(round.stage(2), Stage::Answered { n: 0, right: false });
        // A second answer to the same statement is not taken.
        round.answer(2, false, false);
        assert_eq!(round.stage(2), Stage::Answered { n: 0, right: false });
        round.next();
        assert_eq!(round.stage(2), Stage::Asking(1));
        round.answer(2, true, true);
        round.next();
        assert_eq!(round.stage(2), Stage::Done { right: 1, total: 2 });
        round.answer(2, true, true);
        assert_eq!(round.stage(2), Stage::Done { right: 1, total: 2 });
    }

    #[test]
    fn an_empty_quiz_is_done_at_once() {
        assert_eq!(
            Round::default().stage(0),
            Stage::Done { right: 0, total: 0 }
        );
    }
}
