//! The terminal, drawn frame by frame as ratatui's `Terminal::draw` does, but with the last
//! frame compared row by row: a row that did not change costs one quick comparison per
//! cell, and only the rows that did go through ratatui's own comparison (which works out
//! every character's width). Typing a letter changes a row or two of the 24, and comparing
//! the whole screen was most of what a key cost.
//!
//! ratatui's `Terminal` still lays out and draws each frame; its backend here only defers:
//! it ignores the terminal's comparison and remembers where the cursor goes, and
//! [`Display::draw`] writes the changed rows and then places the cursor.

use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

pub struct Display<B: Backend> {
    terminal: Terminal<Deferred<B>>,
    /// What the terminal shows: the last frame written.
    shown: Buffer,
}

impl<B: Backend> Display<B> {
    pub fn new(backend: B) -> Result<Display<B>, B::Error> {
        let terminal = Terminal::new(Deferred {
            inner: backend,
            cursor: None,
        })?;
        Ok(Display {
            terminal,
            shown: Buffer::empty(Rect::default()),
        })
    }

    /// Draws a frame and writes what changed since the last one.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> Result<(), B::Error> {
        let completed = self.terminal.draw(render)?;
        let changes = changed_cells(&mut self.shown, completed.buffer);
        let backend = self.terminal.backend_mut();
        backend
            .inner
            .draw(changes.iter().map(|(x, y, cell)| (*x, *y, cell)))?;
        match backend.cursor {
            Some(position) => {
                backend.inner.set_cursor_position(position)?;
                backend.inner.show_cursor()?;
            }
            None => backend.inner.hide_cursor()?,
        }
        backend.inner.flush()
    }
}

/// The cells of `next` to write over `shown`, which becomes `next`. A frame of another size
/// is written whole (the terminal was cleared when it was resized).
fn changed_cells(shown: &mut Buffer, next: &Buffer) -> Vec<(u16, u16, Cell)> {
    if shown.area != next.area {
        *shown = Buffer::empty(next.area);
    }
    let width = (next.area.width as usize).max(1);
    let mut changes = Vec::new();
    let rows = shown
        .content
        .chunks_mut(width)
        .zip(next.content.chunks(width));
    for (row, (old, new)) in rows.enumerate() {
        if old.iter().zip(new).all(|(a, b)| same(a, b)) {
            continue;
        }
        let area = Rect {
            y: next.area.y + row as u16,
            height: 1,
            ..next.area
        };
        let before = Buffer {
            area,
            content: old.to_vec(),
        };
        let after = Buffer {
            area,
            content: new.to_vec(),
        };
        changes.extend(
            before
                .diff(&after)
                .into_iter()
                .map(|(x, y, cell)| (x, y, cell.clone())),
        );
        old.clone_from_slice(new);
    }
    changes
}

/// `a == b`, without a call to compare one-byte symbols (nearly every cell).
#[allow(deprecated)] // `skip` is compared because `==` compares it
fn same(a: &Cell, b: &Cell) -> bool {
    let (x, y) = (a.symbol().as_bytes(), b.symbol().as_bytes());
    let symbol = match (x, y) {
        ([x], [y]) => x == y,
        _ => x == y,
    };
    symbol
        && a.fg == b.fg
        && a.bg == b.bg
        && a.underline_color == b.underline_color
        && a.modifier == b.modifier
        && a.diff_option == b.diff_option
        && a.skip == b.skip
}

/// A backend that leaves the writing of a frame and the placing of the cursor to
/// [`Display::draw`]; everything else goes straight through.
struct Deferred<B> {
    inner: B,
    /// Where the cursor goes after the frame is written; none: hidden.
    cursor: Option<Position>,
}

impl<B: Backend> Backend for Deferred<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, _content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Not consumed: ratatui's comparison of the whole screen is never made.
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.cursor = None;
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.cursor = Some(position.into());
        Ok(())
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::{Catalog, builtin_sources};
    use crate::core::walk::Walk;
    use crate::tui::model::{Model, OpenSession, Screen};
    use crate::tui::update::{Msg, update};
    use crate::tui::view;
    use chrono::{DateTime, NaiveDate};
    use proptest::prelude::*;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Line;
    use unicode_width::UnicodeWidthStr;

    fn cell() -> impl Strategy<Value = Cell> {
        let symbols = prop_oneof![
            Just(" ".to_string()),
            "[a-cæ]",
            Just("界".to_string()),
            Just("👍🏽".to_string()),
            Just("e\u{301}".to_string()),
        ];
        let colors = prop_oneof![
            Just(Color::Reset),
            Just(Color::Yellow),
            Just(Color::Indexed(3))
        ];
        (
            symbols,
            colors.clone(),
            colors,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(symbol, fg, bg, bold, reset)| {
                let mut cell = Cell::default();
                cell.set_symbol(&symbol);
                cell.set_fg(fg).set_bg(bg);
                if bold {
                    cell.set_style(Style::new().add_modifier(Modifier::BOLD));
                }
                if reset {
                    cell.reset();
                }
                cell
            })
    }

    /// A key someone filling in a tool presses: letters (Danish, a digit, an emoji), moving
    /// between places and steps, Esc, Enter, the help.
    fn key() -> impl Strategy<Value = KeyEvent> {
        use ratatui::crossterm::event::KeyModifiers as M;
        let press = |code| KeyEvent::new(code, M::NONE);
        prop_oneof![
            8 => prop::sample::select(vec!['a', 'j', 'æ', 'Ø', ' ', '1', '-', '😀'])
                .prop_map(move |c| press(KeyCode::Char(c))),
            2 => Just(press(KeyCode::Backspace)),
            4 => Just(press(KeyCode::Tab)),
            1 => Just(KeyEvent::new(KeyCode::BackTab, M::SHIFT)),
            2 => Just(press(KeyCode::PageDown)),
            1 => Just(press(KeyCode::PageUp)),
            1 => Just(press(KeyCode::Up)),
            1 => Just(press(KeyCode::Down)),
            1 => Just(press(KeyCode::Esc)),
            2 => Just(press(KeyCode::Enter)),
            1 => Just(press(KeyCode::F(1))),
        ]
    }

    /// The model drawn from scratch on a new terminal of `width` x `height`: the screen and
    /// where the cursor is (none: hidden).
    fn fresh(model: &mut Model, width: u16, height: u16) -> (Buffer, Option<Position>) {
        let backend = Terminalish::new(width, height);
        let mut terminal = Terminal::new(backend).expect("a test terminal");
        terminal
            .draw(|frame| view::draw(frame, model))
            .expect("drawing works");
        terminal.backend_mut().shows()
    }

    /// A test terminal that treats wide characters as a terminal does: a wide character
    /// covers the next column, and writing over either half of one erases the other.
    /// (`TestBackend` alone keeps the covered column's old text, which a terminal never
    /// shows, and which a frame drawn from scratch would not have.)
    struct Terminalish {
        /// The size and the cursor.
        backend: TestBackend,
        screen: Buffer,
    }

    impl Terminalish {
        fn new(width: u16, height: u16) -> Terminalish {
            Terminalish {
                backend: TestBackend::new(width, height),
                screen: Buffer::empty(Rect::new(0, 0, width, height)),
            }
        }

        fn resize(&mut self, width: u16, height: u16) {
            self.backend.resize(width, height);
            self.screen = Buffer::empty(Rect::new(0, 0, width, height));
        }

        fn put(&mut self, x: u16, y: u16, cell: &Cell) {
            let width = self.screen.area.width;
            let buffer = &mut self.screen;
            if x > 0 && buffer[(x - 1, y)].symbol().width() > 1 {
                buffer[(x - 1, y)].reset();
            }
            if x + 1 < width && buffer[(x, y)].symbol().width() > 1 {
                buffer[(x + 1, y)].reset();
            }
            buffer[(x, y)] = cell.clone();
            for covered in 1..cell.symbol().width() as u16 {
                if x + covered < width {
                    buffer[(x + covered, y)].reset();
                }
            }
        }

        /// What it shows, and where the cursor is (none: hidden). On a blank cell without
        /// a modifier that shows on blanks, the text's colour and modifiers are not seen
        /// (ratatui's comparison leaves them as they were, so does a terminal).
        fn shows(&mut self) -> (Buffer, Option<Position>) {
            let cursor = (self.backend.cursor_visible()).then(|| self.backend.cursor_position());
            let on_blanks = Modifier::REVERSED
                | Modifier::UNDERLINED
                | Modifier::SLOW_BLINK
                | Modifier::RAPID_BLINK
                | Modifier::CROSSED_OUT;
            let mut seen = self.screen.clone();
            for cell in &mut seen.content {
                if cell.symbol() == " " && !cell.modifier.intersects(on_blanks) {
                    cell.fg = Color::Reset;
                    cell.underline_color = Color::Reset;
                    cell.modifier = Modifier::empty();
                }
            }
            (seen, cursor)
        }
    }

    impl Backend for Terminalish {
        type Error = <TestBackend as Backend>::Error;

        fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            for (x, y, cell) in content {
                self.put(x, y, cell);
            }
            Ok(())
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            self.backend.hide_cursor()
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            self.backend.show_cursor()
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            self.backend.get_cursor_position()
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
            self.backend.set_cursor_position(p)
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.screen.reset();
            Ok(())
        }
        fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
            // The program clears only the whole screen (when it is resized).
            match clear_type {
                ClearType::All => self.clear(),
                other => panic!("{other:?}: not a clear the program makes"),
            }
        }
        fn size(&self) -> Result<Size, Self::Error> {
            self.backend.size()
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            self.backend.window_size()
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            self.backend.flush()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Random keys on a random tool, each frame written through a `Display` as the
        /// program writes it: after every key the terminal shows what the same model drawn
        /// from scratch on a new terminal shows, at 80x24 or 40x12 and after the terminal is
        /// resized to the other.
        #[test]
        fn typing_shows_what_a_fresh_draw_shows(
            tool in 0usize..13,
            keys in proptest::collection::vec(key(), 1..70),
            small_first in any::<bool>(),
            resize_at in 0usize..70,
        ) {
            let (catalog, _) = Catalog::load(&builtin_sources(), &[]);
            let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
            let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").expect("a time");
            let entry = &catalog.entries[tool % catalog.entries.len()];
            let open = || {
                let session = entry.new_session(format!("frames-{}", entry.tool.id), now);
                let walk = Walk::new(entry.tool.clone(), session, today);
                let mut model = Model::new(catalog.clone(), today);
                model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
                model
            };
            // Drawing can move what is in view (a scroll), so the frames from scratch are
            // drawn of a twin that gets the same keys and is drawn as often.
            let (mut model, mut twin) = (open(), open());
            let sizes = [(80, 24), (40, 12)];
            let (mut width, mut height) = sizes[usize::from(small_first)];
            let mut screen = Display::new(Terminalish::new(width, height))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (n, key) in keys.iter().enumerate() {
                if n == resize_at {
                    (width, height) = sizes[usize::from(!small_first)];
                    screen.terminal.backend_mut().inner.resize(width, height);
                }
                update(&mut model, Msg::Key(*key));
                update(&mut twin, Msg::Key(*key));
                screen
                    .draw(|frame| view::draw(frame, &mut model))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let (shown, cursor) = screen.terminal.backend_mut().inner.shows();
                let (expected, expected_cursor) = fresh(&mut twin, width, height);
                prop_assert_eq!(
                    shown,
                    expected,
                    "tool {}, after key {} ({:?}) at {}x{}",
                    entry.tool.id,
                    n,
                    key,
                    width,
                    height
                );
                prop_assert_eq!(cursor, expected_cursor, "the cursor after key {}", n);
            }
        }

        #[test]
        fn same_is_equality(a in cell(), b in cell()) {
            prop_assert_eq!(same(&a, &b), a == b);
        }

        /// Whatever the frames, the terminal ends up showing the last one, as it does when
        /// ratatui compares whole screens.
        #[test]
        fn the_terminal_shows_what_was_drawn(
            frames in proptest::collection::vec(
                proptest::collection::vec(("[ab界 ]{0,6}", 0..3u16), 0..4),
                1..5,
            ),
        ) {
            let mut screen = Display::new(TestBackend::new(6, 3)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut reference = Terminal::new(TestBackend::new(6, 3)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            for lines in frames {
                let render = |frame: &mut Frame| {
                    for (text, row) in &lines {
                        let area = Rect::new(0, *row, 6, 1);
                        frame.render_widget(Line::raw(text.as_str()), area);
                    }
                    frame.set_cursor_position(Position::new(1, 1));
                };
                screen.draw(render).map_err(|e| TestCaseError::fail(e.to_string()))?;
                reference.draw(render).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(
                    screen.terminal.backend().inner.buffer(),
                    reference.backend().buffer()
                );
                prop_assert_eq!(
                    screen.terminal.backend_mut().inner.get_cursor_position().ok(),
                    reference.backend_mut().get_cursor_position().ok()
                );
            }
        }
    }
}
