//! Session files: one human-readable RON file per session in the data folder.
//!
//! - Saves are atomic: a temporary file in the same folder is written, flushed to disk and
//!   renamed over the old file, so a crash leaves the old or the new version, never half.
//! - One program edits a session at a time: opening takes an OS lock on `.<id>.lock`, which
//!   the OS releases when the process ends, also on `kill -9`.
//! - A file that cannot be read is reported as damaged with the reason, and is never opened
//!   for editing, so it is never overwritten.
//! - The folder and files are readable by the owner only.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::UNIX_EPOCH;

use super::atomic::write_atomic;
use crate::core::session::{Position, Session, Status};
use crate::texts::store as t;

/// The platform's data folder for sessions, e.g. `~/.local/share/vejen-frem/sessions`.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("dk", "", "vejen-frem")
        .map(|dirs| dirs.data_dir().join("sessions"))
}

pub struct Store {
    dir: PathBuf,
}

/// Proof that this process holds a session's lock. Dropping it releases the lock.
pub struct SessionLock {
    id: String,
    _file: File,
}

/// What the sessions list shows of a session, read without its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub tool: String,
    pub status: Status,
    #[serde(default)]
    pub label: String,
    pub created: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    #[serde(default)]
    pub position: Position,
    #[serde(default)]
    pub forloeb: String,
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Session(Summary),
    Damaged { file: PathBuf, reason: String },
}

#[derive(Debug)]
pub enum StoreError {
    /// The data folder cannot be made or used.
    Folder {
        dir: PathBuf,
        source: io::Error,
    },
    Read {
        file: PathBuf,
        source: io::Error,
    },
    Write {
        file: PathBuf,
        source: io::Error,
    },
    /// Another `vejen-frem` has the session open.
    Locked {
        id: String,
    },
    Damaged {
        file: PathBuf,
        reason: String,
    },
    NotFound {
        id: String,
    },
    /// A new session's file is already there (ids are unique, so this is a bug or a race).
    Exists {
        file: PathBuf,
    },
    /// A save with the lock of another session.
    WrongLock {
        id: String,
    },
    /// More than one session id starts with what was given.
    Ambiguous {
        prefix: String,
        count: usize,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            StoreError::Folder { dir, source } => t::folder(dir, source),
            StoreError::Read { file, source } => t::read(file, source),
            StoreError::Write { file, source } => t::write(file, source),
            StoreError::Locked { id } => t::locked(id),
            StoreError::Damaged { file, reason } => t::damaged(file, reason),
            StoreError::NotFound { id } => t::not_found(id),
            StoreError::Exists { file } => t::exists(file),
            StoreError::WrongLock { id } => t::wrong_lock(id),
            StoreError::Ambiguous { prefix, count } => t::ambiguous(prefix, *count),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {}

/// Session ids become file names: refuse anything that could point elsewhere.
pub(crate) fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(unix)]
pub(crate) fn owner_only_folder(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mode = fs::metadata(dir)?.permissions().mode();
    if mode & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn owner_only_folder(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
pub(crate) fn owner_only_file(options: &mut OpenOptions) -> &mut OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    options.mode(0o600)
}

#[cfg(not(unix))]
pub(crate) fn owner_only_file(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

pub(crate) fn parse_error(e: &ron::error::SpannedError) -> String {
    t::parse_error(e.span.start.line, e.span.start.col, &e.code.to_string())
}

impl Store {
    /// Opens (and if needed creates) the data folder.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        owner_only_folder(dir).map_err(|source| StoreError::Folder {
            dir: dir.to_path_buf(),
            source,
        })?;
        Ok(Store {
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Takes the lock of session `id`, or says who has it.
    fn lock(&self, id: &str) -> Result<SessionLock, StoreError> {
        if !is_safe_id(id) {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let path = self.dir.join(format!(".{id}.lock"));
        // The lock file stays in place: deleting it could race with another process that is
        // about to lock it. It is empty and hidden.
        let file = owner_only_file(OpenOptions::new().create(true).truncate(false).write(true))
            .open(&path)
            .map_err(|source| StoreError::Write { file: path, source })?;
        match file.try_lock() {
            Ok(()) => Ok(SessionLock {
                id: id.to_string(),
                _file: file,
            }),
            Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked { id: id.to_string() }),
            Err(fs::TryLockError::Error(source)) => Err(StoreError::Write {
                file: self.dir.join(format!(".{id}.lock")),
                source,
            }),
        }
    }

    /// Writes a new session's first version and returns its lock.
    pub fn create(&self, session: &Session) -> Result<SessionLock, StoreError> {
        if !is_safe_id(&session.id) {
            return Err(StoreError::NotFound {
                id: session.id.clone(),
            });
        }
        let file = self.file(&session.id);
        if file.exists() {
            return Err(StoreError::Exists { file });
        }
        let lock = self.lock(&session.id)?;
        self.save(session, &lock)?;
        Ok(lock)
    }

    /// Reads a session without locking it (for showing or exporting).
    pub fn load(&self, id: &str) -> Result<Session, StoreError> {
        if !is_safe_id(id) {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let file = self.file(id);
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(StoreError::NotFound { id: id.to_string() });
            }
            Err(source) => return Err(StoreError::Read { file, source }),
        };
        ron::from_str(&text).map_err(|e| StoreError::Damaged {
            reason: parse_error(&e),
            file,
        })
    }

    /// Reads the session whose id is `prefix` or starts with it, if exactly one does.
    pub fn find(&self, prefix: &str) -> Result<Session, StoreError> {
        if let Ok(session) = self.load(prefix) {
            return Ok(session);
        }
        let ids: Vec<String> = self
            .list()
            .into_iter()
            .filter_map(|l| match l {
                Listed::Session(s) if s.id.starts_with(prefix) => Some(s.id),
                _ => None,
            })
            .collect();
        match ids.as_slice() {
            [id] => self.load(id),
            [] => self.load(prefix),
            _ => Err(StoreError::Ambiguous {
                prefix: prefix.to_string(),
                count: ids.len(),
            }),
        }
    }

    /// Opens a session for editing: reads it and takes its lock.
    pub fn open_session(&self, id: &str) -> Result<(Session, SessionLock), StoreError> {
        let lock = self.lock(id)?;
        let session = self.load(id)?;
        Ok((session, lock))
    }

    /// Saves a session atomically. Needs the session's own lock.
    pub fn save(&self, session: &Session, lock: &SessionLock) -> Result<(), StoreError> {
        if lock.id != session.id {
            return Err(StoreError::WrongLock {
                id: session.id.clone(),
            });
        }
        let file = self.file(&session.id);
        let write_error = |source| StoreError::Write {
            file: file.clone(),
            source,
        };
        let config = ron::ser::PrettyConfig::new().struct_names(false);
        let text = ron::ser::to_string_pretty(session, config)
            .map_err(|e| write_error(io::Error::other(e.to_string())))?;
        let bytes = format!("{}{text}\n", t::FILE_HEADER);
        write_atomic(&file, bytes.as_bytes(), true).map_err(write_error)?;
        Ok(())
    }

    /// Every session in the folder, newest first; damaged files last, with the reason.
    ///
    /// Summaries are kept in a cache file (`.index.ron`) keyed by file name, size and
    /// modification time, so a folder of thousands of sessions lists without reading them
    /// all; a file that changed is read again.
    pub fn list(&self) -> Vec<Listed> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let cache_file = self.dir.join(INDEX_FILE);
        let cache: Index = fs::read_to_string(&cache_file)
            .ok()
            .and_then(|text| ron::from_str::<Index>(&text).ok())
            .filter(|index| index.version == INDEX_VERSION)
            .unwrap_or_default();
        let mut fresh = Index {
            version: INDEX_VERSION,
            ..Index::default()
        };
        let mut sessions = Vec::new();
        let mut damaged = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".ron") {
                continue;
            }
            let stamp = entry.metadata().ok().map(|m| Stamp {
                len: m.len(),
                modified: m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as u64),
            });
            let cached = cache
                .entries
                .get(&name)
                .filter(|(s, _)| Some(s) == stamp.as_ref())
                .map(|(_, summary)| summary.clone());
            let summary = match cached {
                Some(summary) => Ok(summary),
                None => fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|text| ron::from_str::<Summary>(&text).map_err(|e| parse_error(&e))),
            };
            match (summary, stamp) {
                (Ok(summary), Some(stamp)) => {
                    fresh.entries.insert(name, (stamp, summary.clone()));
                    sessions.push(summary);
                }
                (Ok(summary), None) => sessions.push(summary),
                (Err(reason), _) => damaged.push(Listed::Damaged { file: path, reason }),
            }
        }
        if fresh != cache {
            // Only a cache: if it cannot be written, the next listing reads the files again.
            let _ = self.write_index(&fresh);
        }
        sessions.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
        damaged.sort_by(|a, b| match (a, b) {
            (Listed::Damaged { file: x, .. }, Listed::Damaged { file: y, .. }) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
        sessions
            .into_iter()
            .map(Listed::Session)
            .chain(damaged)
            .collect()
    }

    fn write_index(&self, index: &Index) -> io::Result<()> {
        let text = ron::to_string(index).map_err(|e| io::Error::other(e.to_string()))?;
        write_atomic(&self.dir.join(INDEX_FILE), text.as_bytes(), true)
    }
}

/// The listing cache's file name (hidden, like the lock files).
const INDEX_FILE: &str = ".index.ron";

/// Size and modification time of a session file when its summary was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: u64,
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Index {
    /// A cache from another version of the summary is ignored.
    #[serde(default)]
    version: u32,
    entries: BTreeMap<String, (Stamp, Summary)>,
}

const INDEX_VERSION: u32 = 2;
