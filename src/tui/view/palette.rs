//! How the finished frame is coloured: as drawn, in high contrast for weak eyes, or without
//! colours (`NO_COLOR`). The screens draw with one set of styles; the palette is applied to
//! the whole frame last, so no screen can forget it. Nothing a screen says depends on it:
//! every state drawn in a colour is also written as a word or a symbol (`▶` at the cursor,
//! `! mangler`, `[fortroligt]`, `over tid`, `(•)`, `[x]`).

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::store::settings::Theme;

/// The colours of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Colours are shown (`NO_COLOR` is not set).
    pub colour: bool,
    pub high_contrast: bool,
}

impl Palette {
    pub const STANDARD: Palette = Palette {
        colour: true,
        high_contrast: false,
    };

    /// The palette of a theme, with or without colours.
    pub fn new(theme: Theme, colour: bool) -> Palette {
        Palette {
            colour,
            high_contrast: theme == Theme::HighContrast,
        }
    }

    /// `NO_COLOR` set to anything but the empty string turns colours off (no-color.org).
    pub fn from_env(theme: Theme) -> Palette {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Palette::new(theme, !no_colour)
    }

    /// Recolours every cell of a drawn frame.
    pub fn paint(self, buffer: &mut Buffer) {
        if self == Palette::STANDARD {
            return;
        }
        for cell in &mut buffer.content {
            let greyed = cell.fg == Color::DarkGray;
            if self.colour {
                // Light text on black, every colour in its bright form; greyed text light
                // grey, still set apart from the rest.
                cell.fg = bright(cell.fg);
                if cell.bg == Color::Reset {
                    cell.bg = Color::Black;
                }
            } else {
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
                cell.underline_color = Color::Reset;
                // Greyed text stays set apart as faint text, unless contrast was asked for.
                if greyed && !self.high_contrast {
                    cell.modifier.insert(Modifier::DIM);
                }
            }
            if self.high_contrast {
                cell.modifier.remove(Modifier::DIM);
            }
        }
    }
}

/// A colour as it reads on black.
fn bright(colour: Color) -> Color {
    match colour {
        Color::Reset | Color::White | Color::Gray => Color::White,
        Color::DarkGray => Color::Gray,
        Color::Red => Color::LightRed,
        Color::Green => Color::LightGreen,
        Color::Yellow => Color::LightYellow,
        Color::Blue => Color::LightBlue,
        Color::Magenta => Color::LightMagenta,
        Color::Cyan => Color::LightCyan,
        other => other,
    }
}
