//! Lines in and out. What is read is one line at a time, from a person at a terminal or from
//! a file; what is written is whole lines, in order, each once: no colours, no cursor
//! movement, control characters from answers and files made harmless, and (on a terminal)
//! wrapped by words to its width, so a screen reader reads whole words.

use std::collections::VecDeque;
use std::io::{BufRead, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Duration;

use crate::present::printable;
use crate::wrap::{wrap, wrap_bullets};

/// What reading a line came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    Line(String),
    /// No more input (end of file, Ctrl-D).
    End,
    /// Nothing was typed for as long as the folder's idle time.
    Idle,
}

/// Where lines come from.
pub trait Source {
    fn read(&mut self) -> Read;
}

/// Lines given beforehand (tests), then the end.
pub struct Script {
    reads: VecDeque<Read>,
}

impl Script {
    pub fn new<S: AsRef<str>>(lines: &[S]) -> Script {
        Script {
            reads: lines
                .iter()
                .map(|l| Read::Line(clean(l.as_ref().as_bytes())))
                .collect(),
        }
    }

    /// After the lines, this (the idle time, say) instead of the end.
    pub fn then(mut self, read: Read) -> Script {
        self.reads.push_back(read);
        self
    }
}

impl Source for Script {
    fn read(&mut self) -> Read {
        self.reads.pop_front().unwrap_or(Read::End)
    }
}

/// Standard input, read on a thread of its own so that waiting for a line can end after
/// the idle time. The thread reads a line only when the one before was taken (a
/// passphrase asked on the terminal before reading starts is never read here).
pub struct Stdin {
    lines: Receiver<String>,
    idle: Option<Duration>,
}

impl Stdin {
    pub fn start(idle: Option<Duration>) -> Stdin {
        let (send, lines) = sync_channel(0);
        std::thread::spawn(move || {
            let mut input = std::io::stdin().lock();
            loop {
                let mut bytes = Vec::new();
                match input.read_until(b'\n', &mut bytes) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if send.send(clean(&bytes)).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Stdin { lines, idle }
    }
}

impl Source for Stdin {
    fn read(&mut self) -> Read {
        match self.idle {
            Some(idle) => match self.lines.recv_timeout(idle) {
                Ok(line) => Read::Line(line),
                Err(RecvTimeoutError::Timeout) => Read::Idle,
                Err(RecvTimeoutError::Disconnected) => Read::End,
            },
            None => self.lines.recv().map_or(Read::End, Read::Line),
        }
    }
}

/// A line as typed: without its line end, in UTF-8 (bytes that are not become "�"), and
/// without control characters or the escape sequences they begin (an arrow key in a
/// terminal that does not edit lines types `ESC [ A`; nobody means one as an answer). A
/// tab becomes a space.
pub fn clean(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\t' => clean.push(' '),
            // ESC [ … final byte (a CSI sequence), ESC O x (SS3), or ESC and one more.
            '\u{1b}' => match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&c) {
                            break;
                        }
                    }
                }
                Some('O') => {
                    chars.next();
                }
                _ => {}
            },
            c if c.is_control() => {}
            c => clean.push(c),
        }
    }
    clean
}

/// How wide lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// As they are (a pipe, a file: the reader decides).
    Unwrapped,
    /// Wrapped to this many columns.
    Fixed(usize),
    /// Wrapped to the terminal's width, asked each time (it may be resized).
    Terminal,
}

/// The lines of a plain-mode conversation: the source, the output and how it is written.
pub struct Io {
    source: Box<dyn Source>,
    out: Box<dyn Write>,
    width: Width,
    /// Write each line read after its prompt: input that is not typed at a terminal is
    /// not shown by it, and the output should read as a whole conversation.
    echo: bool,
    /// The end of input or the idle time, met while reading the lines of one answer: the
    /// answer is taken, and this comes with the next question.
    pending: Option<Read>,
    /// The output is gone (its reader ended): nothing more is asked.
    broken: bool,
}

impl Io {
    pub fn new(source: Box<dyn Source>, out: Box<dyn Write>, width: Width, echo: bool) -> Io {
        Io {
            source,
            out,
            width,
            echo,
            pending: None,
            broken: false,
        }
    }

    fn columns(&self) -> Option<usize> {
        match self.width {
            Width::Unwrapped => None,
            Width::Fixed(columns) => Some(columns),
            Width::Terminal => ratatui::crossterm::terminal::size()
                .ok()
                .map(|(columns, _)| columns as usize)
                .filter(|&c| c > 0),
        }
    }

    fn write(&mut self, text: &str) {
        if self.out.write_all(text.as_bytes()).is_err() {
            self.broken = true;
        }
    }

    /// Writes text as lines, each line of it wrapped by words and indented `indent`
    /// columns (its continuation rows too).
    pub fn say_at(&mut self, indent: usize, text: &str) {
        let pad = " ".repeat(indent);
        let text = printable(text).into_owned();
        let rows = match self.columns() {
            Some(columns) => wrap_bullets(&text, columns.saturating_sub(indent + 1).max(10)),
            None => text.split('\n').map(str::to_string).collect(),
        };
        let mut lines = String::new();
        for row in rows {
            lines.push_str(&pad);
            lines.push_str(row.trim_end());
            lines.push('\n');
        }
        self.write(&lines);
    }

    pub fn say(&mut self, text: &str) {
        self.say_at(0, text);
    }

    /// An item of a list: its marker ("1) ", "- ") first, its text hanging under the
    /// text, not the marker.
    pub fn item(&mut self, indent: usize, marker: &str, text: &str) {
        let text = printable(text).into_owned();
        let lead = indent + marker.chars().count();
        let rows = match self.columns() {
            Some(columns) => wrap(&text, columns.saturating_sub(lead + 1).max(10)),
            None => text.split('\n').map(str::to_string).collect(),
        };
        let mut lines = String::new();
        for (i, row) in rows.iter().enumerate() {
            if i == 0 {
                lines.push_str(&" ".repeat(indent));
                lines.push_str(marker);
            } else {
                lines.push_str(&" ".repeat(lead));
            }
            lines.push_str(row.trim_end());
            lines.push('\n');
        }
        self.write(&lines);
    }

    pub fn blank(&mut self) {
        self.write("\n");
    }

    /// Writes the prompt (on the line the answer is typed on) and reads the answer.
    pub fn ask(&mut self, prompt: &str) -> Read {
        if let Some(pending) = self.pending.take() {
            return pending;
        }
        if self.broken {
            return Read::End;
        }
        let prompt = crate::present::one_line(prompt);
        self.write(&prompt);
        let _ = self.out.flush();
        self.next()
    }

    /// The next line of an answer of several lines, read without a prompt.
    pub fn more(&mut self) -> Read {
        let read = self.next();
        if matches!(read, Read::End | Read::Idle) {
            self.pending = Some(read.clone());
        }
        read
    }

    fn next(&mut self) -> Read {
        let read = self.source.read();
        match &read {
            Read::Line(line) if self.echo => {
                let line = format!("{}\n", printable(line));
                self.write(&line);
            }
            Read::Line(_) => {}
            // The line the prompt is on is ended, so whatever follows starts on its own.
            Read::End | Read::Idle => self.write("\n"),
        }
        let _ = self.out.flush();
        read
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Output kept for a test to read.
    #[derive(Clone, Default)]
    pub struct Captured(Rc<RefCell<Vec<u8>>>);

    impl Captured {
        pub fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.borrow()).into_owned()
        }
    }

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    pub fn scripted(lines: &[&str], width: Width) -> (Io, Captured) {
        let out = Captured::default();
        let io = Io::new(
            Box::new(Script::new(lines)),
            Box::new(out.clone()),
            width,
            true,
        );
        (io, out)
    }

    #[test]
    fn a_line_is_read_without_its_end_and_without_control_characters() {
        assert_eq!(clean(b"Ja\r\n"), "Ja");
        assert_eq!(clean(b"gulv\tvask\x1b[A\x1b[1;5D\x1bOH!\n"), "gulv vask!");
        assert_eq!(clean(b"bl\xffa"), "bl\u{FFFD}a");
    }

    #[test]
    fn answers_are_echoed_after_their_prompt_and_the_end_ends_the_line() {
        let (mut io, out) = scripted(&["1"], Width::Unwrapped);
        assert_eq!(io.ask("Vælg 1–3: "), Read::Line("1".into()));
        assert_eq!(io.ask("Noter: "), Read::End);
        assert_eq!(out.text(), "Vælg 1–3: 1\nNoter: \n");
    }

    #[test]
    fn nothing_from_an_answer_or_a_file_reaches_the_terminal_as_a_control_character() {
        let (mut io, out) = scripted(&[], Width::Unwrapped);
        io.say("Etiket: \u{1b}]52;c;aGVq\u{7}");
        io.ask("\u{1b}[2J> ");
        assert!(!out.text().contains('\u{1b}'), "{:?}", out.text());
        assert!(!out.text().contains('\u{7}'));
    }

    #[test]
    fn lines_are_wrapped_by_words_with_a_hanging_indent() {
        let (mut io, out) = scripted(&[], Width::Fixed(25));
        io.item(2, "1) ", "Negative forventninger til arbejdsfastholdelse");
        assert_eq!(
            out.text(),
            "  1) Negative\n     forventninger til\n     arbejdsfastholdelse\n"
        );
    }

    #[test]
    fn the_end_met_within_an_answer_comes_with_the_next_question() {
        let (mut io, _) = scripted(&["første linje"], Width::Unwrapped);
        assert_eq!(io.ask("Svar: "), Read::Line("første linje".into()));
        assert_eq!(io.more(), Read::End);
        assert_eq!(io.ask("Næste: "), Read::End);
    }
}
