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
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::atomic::write_atomic;
use crate::core::session::{Position, SESSION_FORMAT, Session, Status};
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
    /// A save refused because the file it would replace cannot be read: a damaged file is
    /// never overwritten.
    WontOverwrite {
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
            StoreError::WontOverwrite { file, reason } => t::wont_overwrite(file, reason),
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

impl From<&Session> for Summary {
    fn from(session: &Session) -> Summary {
        Summary {
            id: session.id.clone(),
            tool: session.tool.clone(),
            status: session.status,
            label: session.label.clone(),
            created: session.created,
            updated: session.updated,
            position: session.position.clone(),
            forloeb: session.forloeb.clone(),
            follow_up: session.follow_up,
        }
    }
}

/// Why a session file could not be read.
enum ReadError {
    Missing,
    Io(io::Error),
    /// The file is there but is not a session: the reason says where and what.
    Damaged(String),
}

/// Reads the file of session `id` and checks it: UTF-8 RON that is a whole session, whose
/// id is the file's name (a copied or renamed file would otherwise be saved over another
/// session's file).
fn read_session(file: &Path, id: &str) -> Result<Session, ReadError> {
    let bytes = match fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        ReadError::Damaged(t::not_utf8(
            1 + valid.iter().filter(|&&b| b == b'\n').count(),
        ))
    })?;
    let mut session: Session =
        ron::from_str(&text).map_err(|e| ReadError::Damaged(parse_error(&e)))?;
    if session.format > SESSION_FORMAT {
        return Err(ReadError::Damaged(t::newer_format(session.format)));
    }
    // An older file was read into today's shape; it is saved in today's format.
    session.format = SESSION_FORMAT;
    if session.id != id {
        return Err(ReadError::Damaged(t::id_mismatch(&session.id)));
    }
    if !is_safe_id(&session.id) {
        return Err(ReadError::Damaged(t::unsafe_id(&session.id)));
    }
    Ok(session)
}

impl Store {
    /// Opens (and if needed creates) the data folder, readable by the owner only.
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

    /// Takes the lock of session `id`, or says that another program has it.
    fn lock(&self, id: &str) -> Result<SessionLock, StoreError> {
        if !is_safe_id(id) {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let path = self.dir.join(format!(".{id}.lock"));
        // The lock file stays in place: deleting it could race with another process that is
        // about to lock it. It is empty and hidden.
        let file = owner_only_file(OpenOptions::new().create(true).truncate(false).write(true))
            .open(&path)
            .map_err(|source| StoreError::Write {
                file: path.clone(),
                source,
            })?;
        // An OS lock on the open file (flock on unix, LockFileEx on Windows): released when
        // the file is closed or the process ends, however it ends.
        match file.try_lock() {
            Ok(()) => Ok(SessionLock {
                id: id.to_string(),
                _file: file,
            }),
            Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked { id: id.to_string() }),
            Err(fs::TryLockError::Error(source)) => Err(StoreError::Write { file: path, source }),
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
        // Never over a file that appeared meanwhile.
        self.write(session, false)?;
        Ok(lock)
    }

    /// Reads a session without locking it (for showing or exporting).
    pub fn load(&self, id: &str) -> Result<Session, StoreError> {
        if !is_safe_id(id) {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let file = self.file(id);
        read_session(&file, id).map_err(|e| match e {
            ReadError::Missing => StoreError::NotFound { id: id.to_string() },
            ReadError::Io(source) => StoreError::Read { file, source },
            ReadError::Damaged(reason) => StoreError::Damaged { file, reason },
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

    /// Opens a session for editing: takes its lock and reads it. A damaged file is not
    /// opened, so it cannot be saved over.
    pub fn open_session(&self, id: &str) -> Result<(Session, SessionLock), StoreError> {
        // No lock file is made for a session that is not there.
        if !is_safe_id(id) || !self.file(id).exists() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let lock = self.lock(id)?;
        let session = self.load(id)?;
        Ok((session, lock))
    }

    /// Saves a session atomically. Needs the session's own lock. Refuses to replace a file
    /// that cannot be read as this session (changed on disk by hand, or damaged): the
    /// caller keeps the answers and may try again once the file is moved or mended.
    pub fn save(&self, session: &Session, lock: &SessionLock) -> Result<(), StoreError> {
        if lock.id != session.id {
            return Err(StoreError::WrongLock {
                id: session.id.clone(),
            });
        }
        let file = self.file(&session.id);
        match read_session(&file, &session.id) {
            // A file removed while open is written again: the answers are not lost.
            Ok(_) | Err(ReadError::Missing) => {}
            Err(ReadError::Io(source)) => return Err(StoreError::Read { file, source }),
            Err(ReadError::Damaged(reason)) => {
                return Err(StoreError::WontOverwrite { file, reason });
            }
        }
        self.write(session, true)
    }

    /// Writes the session's file atomically, with a comment saying what it is.
    fn write(&self, session: &Session, replace: bool) -> Result<(), StoreError> {
        let file = self.file(&session.id);
        let config = ron::ser::PrettyConfig::new().struct_names(false);
        let text = ron::ser::to_string_pretty(session, config).map_err(|e| StoreError::Write {
            file: file.clone(),
            source: io::Error::other(e.to_string()),
        })?;
        let bytes = format!("{}{text}\n", t::FILE_HEADER);
        write_atomic(&file, bytes.as_bytes(), replace).map_err(|source| {
            if source.kind() == io::ErrorKind::AlreadyExists {
                StoreError::Exists { file }
            } else {
                StoreError::Write { file, source }
            }
        })
    }

    /// Every session in the folder, newest first; damaged files last, with the reason.
    /// One damaged file does not keep the others from listing.
    ///
    /// Summaries are kept in a cache file (`.index.json`) keyed by file name, size,
    /// modification time and inode, so a folder of thousands of sessions lists without
    /// reading them all; a file that changed is read again, whole, so a file listed as a
    /// session also opens.
    pub fn list(&self) -> Vec<Listed> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            // Said, rather than shown as an empty folder.
            Err(e) => {
                return vec![Listed::Damaged {
                    file: self.dir.clone(),
                    reason: t::folder_unreadable(&e),
                }];
            }
        };
        let cache = self.read_index();
        let now = SystemTime::now();
        let mut fresh = Index {
            version: INDEX_VERSION,
            ..Index::default()
        };
        let mut sessions = Vec::new();
        let mut damaged = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(id) = name.strip_suffix(".ron") else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            // The stamp is taken before the file is read: if the file changes in between,
            // the next listing sees a new stamp and reads it again.
            let stamp = entry.metadata().ok().map(|m| Stamp::of(&m));
            if let Some(stamp) = &stamp
                && let Some((cached, summary)) = cache.entries.get(&name)
                && cached == stamp
            {
                sessions.push(summary.clone());
                fresh.entries.insert(name, (stamp.clone(), summary.clone()));
                continue;
            }
            match read_session(&path, id) {
                Ok(session) => {
                    let summary = Summary::from(&session);
                    if let Some(stamp) = stamp.filter(|s| s.settled(now)) {
                        fresh.entries.insert(name, (stamp, summary.clone()));
                    }
                    sessions.push(summary);
                }
                // Removed since the folder was read.
                Err(ReadError::Missing) => {}
                Err(ReadError::Io(e)) => damaged.push((path, e.to_string())),
                Err(ReadError::Damaged(reason)) => damaged.push((path, reason)),
            }
        }
        if fresh != cache {
            // Only a cache: if it cannot be written, the next listing reads the files again.
            let _ = self.write_index(&fresh);
        }
        sessions.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
        damaged.sort();
        sessions
            .into_iter()
            .map(Listed::Session)
            .chain(
                damaged
                    .into_iter()
                    .map(|(file, reason)| Listed::Damaged { file, reason }),
            )
            .collect()
    }

    fn read_index(&self) -> Index {
        fs::read(self.dir.join(INDEX_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
            .filter(|index| index.version == INDEX_VERSION)
            .unwrap_or_default()
    }

    fn write_index(&self, index: &Index) -> io::Result<()> {
        let bytes = serde_json::to_vec(index).map_err(io::Error::other)?;
        write_atomic(&self.dir.join(INDEX_FILE), &bytes, true)?;
        // The cache of earlier versions (RON, slower to read) is not needed any more.
        let _ = fs::remove_file(self.dir.join(".index.ron"));
        Ok(())
    }
}

/// The listing cache's file name (hidden, like the lock files). JSON, because it is read
/// on every listing and only by this program: several times faster to read than RON.
const INDEX_FILE: &str = ".index.json";

/// A cache from another version of the summary or stamp is ignored.
const INDEX_VERSION: u32 = 3;

/// A file's modification time must be this much in the past before its summary is cached:
/// a file saved twice within the clock's granularity (2 s on FAT, a few ms elsewhere) with
/// the same size would otherwise keep a stale summary.
const SETTLE: Duration = Duration::from_secs(3);

/// Size, modification time and inode of a session file when its summary was read. Every
/// save makes a new file (written beside and renamed), so the inode changes too on unix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    /// Nanoseconds since 1970.
    modified: u64,
    inode: u64,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            modified: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64),
            inode,
        }
    }

    /// Whether the file was last changed long enough ago for its stamp to be trusted.
    fn settled(&self, now: SystemTime) -> bool {
        let modified = UNIX_EPOCH + Duration::from_nanos(self.modified);
        self.modified != 0 && modified + SETTLE <= now
    }
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Index {
    #[serde(default)]
    version: u32,
    entries: BTreeMap<String, (Stamp, Summary)>,
}
