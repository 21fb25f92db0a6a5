//! The small settings file, `settings.ron` in the platform's configuration folder (or the
//! file given with `--config` / `VEJEN_FREM_CONFIG`), and passphrase files.
//!
//! ```ron
//! (
//!     lock_after_minutes: 5,   // the screen locks itself after this long without a key; 0: never
//!     retention: "12m",        // closed courses untouched this long are offered for deletion
//!     theme: "high-contrast",  // light text on black for weak eyes; "standard" is the default
//!     language: "en",          // the program's own texts in English ("da": Danish); unset: the locale decides
//! )
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::files::{MAX_FILE, ReadError, read_regular};
use crate::core::retention::Period;
use crate::texts::Language;
use crate::texts::store as t;

/// The settings as the file gives them; what it leaves out is the default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct File {
    lock_after_minutes: f64,
    retention: String,
    theme: String,
    /// Empty: the locale decides (`texts::Language::chosen`).
    language: String,
}

impl Default for File {
    fn default() -> File {
        File {
            lock_after_minutes: DEFAULT_LOCK_AFTER_MINUTES,
            retention: "12m".to_string(),
            theme: Theme::Standard.id().to_string(),
            language: String::new(),
        }
    }
}

/// The settings in force.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The screen locks itself after this long without a key; `None`: never.
    pub lock_after: Option<Duration>,
    pub retention: Period,
    pub theme: Theme,
    /// The language of the program's own texts, if the file names one.
    pub language: Option<Language>,
}

/// How the screen looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Standard,
    /// Light text on black, bright colours, nothing faint: for weak eyes.
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Theme::Standard, Theme::HighContrast];

    /// The name in the settings file and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Standard => "standard",
            Theme::HighContrast => "high-contrast",
        }
    }

    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// Five minutes, as the issue of a shared workstation asks.
pub const DEFAULT_LOCK_AFTER_MINUTES: f64 = 5.0;

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            lock_after: lock_after(DEFAULT_LOCK_AFTER_MINUTES),
            retention: Period::DEFAULT,
            theme: Theme::Standard,
            language: None,
        }
    }
}

/// Minutes as a duration; 0 (or less) is never.
pub fn lock_after(minutes: f64) -> Option<Duration> {
    (minutes > 0.0 && minutes.is_finite()).then(|| Duration::from_secs_f64(minutes * 60.0))
}

/// The platform's settings file, e.g. `~/.config/vejen-frem/settings.ron`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("dk", "", "vejen-frem")
        .map(|dirs| dirs.config_dir().join("settings.ron"))
}

/// Reads the settings file; a missing one gives the defaults, a wrong one says what is
/// wrong and where.
pub fn load(path: &Path) -> Result<Settings, String> {
    let bytes = match read_regular(path, MAX_FILE) {
        Ok(bytes) => bytes,
        Err(ReadError::Missing) => return Ok(Settings::default()),
        Err(ReadError::Io(e)) => return Err(t::read(path, &e)),
        Err(ReadError::NotAFile) => return Err(t::NOT_A_FILE.to_string()),
        Err(ReadError::TooLarge(len)) => return Err(t::too_large(len)),
    };
    let text = String::from_utf8_lossy(&bytes);
    let file: File =
        ron::from_str(&text).map_err(|e| t::settings(path, &super::sessions::parse_error(&e)))?;
    Ok(Settings {
        lock_after: lock_after(file.lock_after_minutes),
        retention: Period::parse(&file.retention)
            .map_err(|e| t::settings(path, &t::bad_period(&e.0)))?,
        theme: Theme::from_id(&file.theme)
            .ok_or_else(|| t::settings(path, &t::bad_theme(&file.theme)))?,
        language: match file.language.as_str() {
            "" => None,
            code => Some(
                Language::from_code(code)
                    .ok_or_else(|| t::settings(path, &t::bad_language(code)))?,
            ),
        },
    })
}

/// The passphrase in a file (its first line), for scripts and tests.
pub fn read_passphrase_file(path: &Path) -> Result<String, String> {
    let bytes = read_regular(path, 64 * 1024).map_err(|e| match e {
        ReadError::Missing => t::read(path, &std::io::Error::from(std::io::ErrorKind::NotFound)),
        ReadError::Io(e) => t::read(path, &e),
        ReadError::NotAFile => t::NOT_A_FILE.to_string(),
        ReadError::TooLarge(len) => t::too_large(len),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| t::not_utf8(1))?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settings_file_changes_what_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        assert_eq!(load(&path), Ok(Settings::default()));
        std::fs::write(&path, "(lock_after_minutes: 0.5)").unwrap();
        let settings = load(&path).unwrap();
        assert_eq!(settings.lock_after, Some(Duration::from_secs(30)));
        assert_eq!(settings.retention, Period::DEFAULT);
        std::fs::write(&path, "(lock_after_minutes: 0, retention: \"6m\")").unwrap();
        let settings = load(&path).unwrap();
        assert_eq!(settings.lock_after, None);
        assert_eq!(settings.retention, Period::Months(6));
        std::fs::write(&path, "(lock_after: 3)").unwrap();
        assert!(load(&path).unwrap_err().contains("settings.ron"));
        std::fs::write(&path, "(retention: \"tolv\")").unwrap();
        assert!(load(&path).unwrap_err().contains("tolv"));
        std::fs::write(&path, "(theme: \"high-contrast\")").unwrap();
        assert_eq!(load(&path).unwrap().theme, Theme::HighContrast);
        std::fs::write(&path, "(language: \"en\")").unwrap();
        assert_eq!(load(&path).unwrap().language, Some(Language::English));
        std::fs::write(&path, "(language: \"fr\")").unwrap();
        assert!(load(&path).unwrap_err().contains("fr"));
        std::fs::write(&path, "(theme: \"lilla\")").unwrap();
        assert!(load(&path).unwrap_err().contains("high-contrast"));
    }
}
