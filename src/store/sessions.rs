//! Session files: one human-readable RON file per session in the data folder.
//!
//! - Saves are atomic: a temporary file in the same folder is written, flushed to disk and
//!   renamed over the old file, so a crash leaves the old or the new version, never half.
//!   A temporary file left by a crash is recovered at start when it is a newer complete
//!   version of its session, else removed.
//! - One program edits a session at a time: opening takes an OS lock on `.<id>.lock`, which
//!   the OS releases when the process ends, also on `kill -9`; closing removes the file.
//! - A file changed outside the program while it is open is never overwritten silently:
//!   the changed version is kept as a copy in `conflicts/` and the user is told.
//! - A file that cannot be read is reported as damaged with the reason, and is never opened
//!   for editing; one written by a newer program opens read-only. Only regular files are
//!   read: a FIFO, device or symlink in the folder is listed as not a session.
//! - The folder and files are readable by the owner only.

use std::fmt;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::files::{
    FolderHold, MAX_FILE, ReadError, Stamp, is_safe_id, owner_only_folder, read_regular,
    remove_lock_file, try_lock_file,
};
use super::index::{Entry, Index};
use super::vault::{KEY_FILE, KeyError, Sealing, Vault};
use crate::core::session::{SESSION_FORMAT, Session, Status};
use crate::texts::store as t;

/// The platform's data folder for sessions, e.g. `~/.local/share/vejen-frem/sessions`.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("dk", "", "vejen-frem")
        .map(|dirs| dirs.data_dir().join("sessions"))
}

/// The listing cache's file name (hidden, like the lock files).
pub(crate) const INDEX_FILE: &str = ".index";
/// Where a version of a session changed outside the program is kept.
pub(crate) const CONFLICTS: &str = "conflicts";
/// A temporary file this old is left by a process that died while saving.
const STALE_TEMPORARY: Duration = Duration::from_secs(60);
/// How the names of temporary files begin (see `atomic.rs`).
pub(crate) const TEMPORARY: &str = ".tmp-";

#[derive(Clone)]
pub struct Store {
    dir: PathBuf,
    /// Plain, or sealed to the store key.
    pub(crate) sealing: Sealing,
    /// A shared hold on the folder while it is in use, so it is not converted (encrypted or
    /// decrypted) under a program that uses it.
    _using: Arc<FolderHold>,
}

/// A data folder found: plain and ready, or encrypted and waiting for its passphrase.
pub enum Opening {
    Plain(Store),
    Encrypted(Sealed),
}

/// An encrypted data folder before its passphrase is given.
pub struct Sealed {
    dir: PathBuf,
}

/// Proof that this process holds a session's lock, and the stamp of the file as this
/// process last read or wrote it. Dropping it releases the lock and removes the lock file.
pub struct SessionLock {
    id: String,
    path: PathBuf,
    file: File,
    /// `None` while the session has no file yet.
    stamp: Option<Stamp>,
}

impl SessionLock {
    /// The session it locks.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        remove_lock_file(&self.path, &self.file);
    }
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
    pub forloeb: String,
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    /// The course was closed (the agreement's closing date is answered).
    #[serde(default)]
    pub closed: bool,
    /// Who shared it, when it came in a share (imported here).
    #[serde(default)]
    pub shared_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Session(Summary),
    Damaged { file: PathBuf, reason: String },
}

/// A session opened for editing.
pub struct Opened {
    pub session: Session,
    pub lock: SessionLock,
    /// Why it may only be read, if so (written by a newer program).
    pub read_only: Option<String>,
}

/// What a save did besides saving.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Plainly,
    /// The file had been changed outside the program; that version was kept here.
    KeptOutsideChange(PathBuf),
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
    /// A new session's file is already there (ids are unique, so this is a bug or a race),
    /// or an export would replace a file the user did not ask to replace.
    Exists {
        file: PathBuf,
    },
    /// An export path that names something other than a file (a device, a folder).
    NotAFile {
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
    /// A session that may only be read (written by a newer program).
    ReadOnly {
        id: String,
    },
    /// The folder is encrypted: its passphrase is needed.
    Encrypted {
        dir: PathBuf,
    },
    /// The passphrase does not open the folder's key.
    WrongPassphrase,
    /// The folder's key file cannot be used.
    Key {
        file: PathBuf,
        reason: String,
    },
    /// Encrypting or decrypting the folder was stopped before it was done.
    Interrupted {
        dir: PathBuf,
        encrypting: bool,
    },
    /// The folder is being converted, or (for a conversion) in use by another program.
    InUse {
        dir: PathBuf,
    },
    /// Converting a folder that is already in the form asked for.
    AlreadyDone {
        encrypted: bool,
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
            StoreError::NotAFile { file } => t::not_a_file(file),
            StoreError::WrongLock { id } => t::wrong_lock(id),
            StoreError::Ambiguous { prefix, count } => t::ambiguous(prefix, *count),
            StoreError::ReadOnly { id } => t::read_only(id),
            StoreError::Encrypted { dir } => t::encrypted(dir),
            StoreError::WrongPassphrase => t::WRONG_PASSPHRASE.to_string(),
            StoreError::Key { file, reason } => t::key_damaged(file, reason),
            StoreError::Interrupted { dir, encrypting } => t::interrupted(dir, *encrypting),
            StoreError::InUse { dir } => t::in_use(dir),
            StoreError::AlreadyDone { encrypted } => t::already_done(*encrypted),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {}

pub(crate) fn parse_error(e: &ron::error::SpannedError) -> String {
    t::parse_error(e.span.start.line, e.span.start.col, &e.code.to_string())
}

impl Summary {
    /// What is left in the listing cache of a summary that was taken out of it.
    pub(crate) fn placeholder() -> Summary {
        Summary {
            id: String::new(),
            tool: String::new(),
            status: Status::Draft,
            label: String::new(),
            created: DateTime::default(),
            updated: DateTime::default(),
            forloeb: String::new(),
            follow_up: None,
            closed: false,
            shared_by: None,
        }
    }
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
            forloeb: session.forloeb.clone(),
            follow_up: session.follow_up,
            closed: session.closed.is_some(),
            shared_by: session.imported.as_ref().map(|i| i.from.clone()),
        }
    }
}

/// A session file's text read and checked: UTF-8 RON that is a whole session, whose id is
/// what the file's name says (`names` tells): a copied or renamed file would otherwise be
/// saved over another session's file. A session of a newer format comes with why it may
/// only be read.
fn parse_session(
    bytes: Vec<u8>,
    names: impl Fn(&str) -> bool,
) -> Result<(Session, Option<String>), String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        t::not_utf8(1 + valid.iter().filter(|&&b| b == b'\n').count())
    })?;
    let mut session: Session = ron::from_str(&text).map_err(|e| match newer_format(&text) {
        Some(format) => t::newer_format(format),
        None => parse_error(&e),
    })?;
    if !names(&session.id) {
        return Err(t::id_mismatch(&session.id));
    }
    if !is_safe_id(&session.id) {
        return Err(t::unsafe_id(&session.id));
    }
    let read_only = (session.format > SESSION_FORMAT).then(|| t::newer_format(session.format));
    if read_only.is_none() {
        // An older file was read into today's shape; it is saved in today's format.
        session.format = SESSION_FORMAT;
    }
    Ok((session, read_only))
}

/// The format number written in a file that did not parse, when it is newer than this
/// program's: such a file is not damaged, only beyond this version.
fn newer_format(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Head {
        format: u32,
    }
    ron::from_str::<Head>(text)
        .ok()
        .map(|h| h.format)
        .filter(|f| *f > SESSION_FORMAT)
}

/// Why a session file was not read, in the store's terms.
enum FileError {
    Missing,
    Io(io::Error),
    Damaged(String),
}

impl Store {
    /// Reads the session file `name` of the folder: decrypted if the folder is encrypted,
    /// and checked to be the session its name says.
    fn read_session(&self, name: &str) -> Result<(Session, Option<String>), FileError> {
        let bytes = read_regular(&self.dir.join(name), MAX_FILE).map_err(|e| match e {
            ReadError::Missing => FileError::Missing,
            ReadError::Io(e) => FileError::Io(e),
            ReadError::NotAFile => FileError::Damaged(t::NOT_A_FILE.into()),
            ReadError::TooLarge(len) => FileError::Damaged(t::too_large(len)),
        })?;
        let bytes = self.sealing.decode(bytes).map_err(FileError::Damaged)?;
        parse_session(bytes, |id| self.sealing.file_name(id) == name).map_err(FileError::Damaged)
    }
}

/// The file whose shared lock every program using the folder holds; a conversion takes it
/// for itself alone.
pub(crate) const FOLDER_LOCK: &str = ".folder.lock";
/// Present while a conversion is under way: `encrypt` or `decrypt`.
pub(crate) const CONVERTING: &str = ".converting";

impl Store {
    /// Opens (and if needed creates) a plain data folder, readable by the owner only. An
    /// encrypted one is [`StoreError::Encrypted`]: see [`Store::locate`].
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        match Store::locate(dir)? {
            Opening::Plain(store) => Ok(store),
            Opening::Encrypted(_) => Err(StoreError::Encrypted {
                dir: dir.to_path_buf(),
            }),
        }
    }

    /// Opens (and if needed creates) the data folder: plain and ready, or encrypted and in
    /// need of its passphrase. A conversion that was stopped must be finished first.
    pub fn locate(dir: &Path) -> Result<Opening, StoreError> {
        owner_only_folder(dir).map_err(|source| StoreError::Folder {
            dir: dir.to_path_buf(),
            source,
        })?;
        if let Some(encrypting) = converting(dir) {
            return Err(StoreError::Interrupted {
                dir: dir.to_path_buf(),
                encrypting,
            });
        }
        if dir.join(KEY_FILE).exists() {
            return Ok(Opening::Encrypted(Sealed {
                dir: dir.to_path_buf(),
            }));
        }
        Store::with(dir, Sealing::default()).map(Opening::Plain)
    }

    /// The store over a folder that this process holds (for a conversion).
    pub(crate) fn holding(dir: &Path, sealing: Sealing, held: Arc<FolderHold>) -> Store {
        Store {
            dir: dir.to_path_buf(),
            sealing,
            _using: held,
        }
    }

    /// The store over a folder, holding the folder in use.
    pub(crate) fn with(dir: &Path, sealing: Sealing) -> Result<Store, StoreError> {
        let hold = hold_folder(dir, false)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            sealing,
            _using: Arc::new(hold),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the folder is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.sealing.is_sealed()
    }

    /// Whether `passphrase` opens this folder's key (the locked screen asks for it).
    pub fn verify(&self, passphrase: &str) -> bool {
        !self.is_encrypted() || Vault::unlock(&self.dir.join(KEY_FILE), passphrase).is_ok()
    }

    pub(crate) fn file(&self, id: &str) -> PathBuf {
        self.dir.join(self.sealing.file_name(id))
    }

    fn lock_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!(".{}.lock", self.sealing.stem(id)))
    }

    /// Takes the lock of session `id`, or says that another program has it.
    pub(crate) fn lock(&self, id: &str) -> Result<SessionLock, StoreError> {
        if !is_safe_id(id) {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let path = self.lock_path(id);
        match try_lock_file(&path) {
            Ok(Some(file)) => Ok(SessionLock {
                id: id.to_string(),
                path,
                file,
                stamp: None,
            }),
            Ok(None) => Err(StoreError::Locked { id: id.to_string() }),
            Err(source) => Err(StoreError::Write { file: path, source }),
        }
    }

    /// Takes the lock for a new session that has no file yet: it is written with its
    /// first answer ([`Store::save`]).
    pub fn reserve(&self, id: &str) -> Result<SessionLock, StoreError> {
        if self.file(id).exists() {
            return Err(StoreError::Exists {
                file: self.file(id),
            });
        }
        self.lock(id)
    }

    /// Writes a new session's first version and returns its lock.
    pub fn create(&self, session: &Session) -> Result<SessionLock, StoreError> {
        let mut lock = self.reserve(&session.id)?;
        self.save(session, &mut lock)?;
        Ok(lock)
    }

    /// Whether a session with this id has a file (one that is not a regular file counts as
    /// none: it is never opened).
    pub fn exists(&self, id: &str) -> bool {
        is_safe_id(id) && fs::symlink_metadata(self.file(id)).is_ok_and(|m| m.is_file())
    }

    /// Reads a session without locking it (for showing or exporting).
    pub fn load(&self, id: &str) -> Result<Session, StoreError> {
        if !is_safe_id(id) {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let file = self.file(id);
        match self.read_session(&self.sealing.file_name(id)) {
            Ok((session, _)) => Ok(session),
            Err(FileError::Missing) => Err(StoreError::NotFound { id: id.to_string() }),
            Err(FileError::Io(source)) => Err(StoreError::Read { file, source }),
            Err(FileError::Damaged(reason)) => Err(StoreError::Damaged { file, reason }),
        }
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
    /// opened, so it cannot be saved over; one of a newer format opens read-only.
    pub fn open_session(&self, id: &str) -> Result<Opened, StoreError> {
        // No lock file is made for a session that is not there.
        if !is_safe_id(id) || !self.file(id).exists() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let mut lock = self.lock(id)?;
        let file = self.file(id);
        let stamp = Stamp::of_path(&file).map_err(|source| StoreError::Read {
            file: file.clone(),
            source,
        })?;
        let (session, read_only) = match self.read_session(&self.sealing.file_name(id)) {
            Ok(read) => read,
            Err(FileError::Missing) => return Err(StoreError::NotFound { id: id.to_string() }),
            Err(FileError::Io(source)) => return Err(StoreError::Read { file, source }),
            Err(FileError::Damaged(reason)) => return Err(StoreError::Damaged { file, reason }),
        };
        lock.stamp = stamp;
        Ok(Opened {
            session,
            lock,
            read_only,
        })
    }

    /// Saves a session atomically. Needs the session's own lock. When the file on disk is
    /// not the one this process last read or wrote (changed by hand, or damaged), that
    /// version is first kept in `conflicts/`, and the save says where.
    pub fn save(&self, session: &Session, lock: &mut SessionLock) -> Result<Saved, StoreError> {
        if lock.id != session.id {
            return Err(StoreError::WrongLock {
                id: session.id.clone(),
            });
        }
        if session.format > SESSION_FORMAT {
            return Err(StoreError::ReadOnly {
                id: session.id.clone(),
            });
        }
        let file = self.file(&session.id);
        let now_on_disk = Stamp::of_path(&file).map_err(|source| StoreError::Read {
            file: file.clone(),
            source,
        })?;
        let mut saved = Saved::Plainly;
        // A file removed while open is simply written again: the answers are not lost.
        if let Some(found) = now_on_disk
            && Some(found) != lock.stamp
        {
            saved = Saved::KeptOutsideChange(self.keep_aside(&file, &session.id)?);
        }
        self.write(session)?;
        // The listing cache is not touched: a file this fresh cannot be trusted by its stamp
        // yet, so the next listing reads it anyway and records it once it has settled.
        lock.stamp = Stamp::of_path(&file).map_err(|source| StoreError::Read {
            file: file.clone(),
            source,
        })?;
        Ok(saved)
    }

    /// Copies the file as it is now into `conflicts/`, named by the session and the time.
    fn keep_aside(&self, file: &Path, id: &str) -> Result<PathBuf, StoreError> {
        let dir = self.dir.join(CONFLICTS);
        owner_only_folder(&dir).map_err(|source| StoreError::Folder {
            dir: dir.clone(),
            source,
        })?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        let copy = dir.join(self.sealing.file_name(&format!("{id}-{stamp}")));
        let bytes = match read_regular(file, MAX_FILE) {
            Ok(bytes) => bytes,
            Err(ReadError::Missing) => return Ok(copy),
            Err(ReadError::Io(source)) => {
                return Err(StoreError::Read {
                    file: file.to_path_buf(),
                    source,
                });
            }
            // Not a file of ours to copy (a FIFO, a device): it is only moved aside.
            Err(ReadError::NotAFile | ReadError::TooLarge(_)) => {
                fs::rename(file, &copy).map_err(|source| StoreError::Write {
                    file: copy.clone(),
                    source,
                })?;
                return Ok(copy);
            }
        };
        write_atomic(&copy, &bytes, false).map_err(|source| StoreError::Write {
            file: copy.clone(),
            source,
        })?;
        Ok(copy)
    }

    /// Writes the session's file atomically, with a comment saying what it is.
    fn write(&self, session: &Session) -> Result<(), StoreError> {
        let file = self.file(&session.id);
        let config = ron::ser::PrettyConfig::new().struct_names(false);
        let text = ron::ser::to_string_pretty(session, config).map_err(|e| StoreError::Write {
            file: file.clone(),
            source: io::Error::other(e.to_string()),
        })?;
        let bytes = format!("{}{text}\n", t::FILE_HEADER);
        self.sealing
            .encode(bytes.as_bytes())
            .and_then(|bytes| write_atomic(&file, &bytes, true))
            .map_err(|source| StoreError::Write { file, source })
    }

    /// Every session in the folder, newest first; damaged files and entries that are not
    /// regular files last, with the reason. One damaged file does not keep the others from
    /// listing.
    ///
    /// Summaries come from the listing cache when the file is as it was when its summary was
    /// read (size, time and inode); other files are read, and the cache brought up to date.
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
        // The cache is read while the folder is.
        let index_file = self.dir.join(INDEX_FILE);
        let (index, all) = std::thread::scope(|scope| {
            let index = scope.spawn(|| Index::load(&index_file, self.sealing.clone()));
            let all: Vec<(String, fs::DirEntry)> = entries
                .filter_map(Result::ok)
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e))
                .collect();
            (index.join(), all)
        });
        let mut index = match index {
            Ok(index) => index,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        // What a process that died while saving left behind is put right first.
        self.recover_temporary_files(
            all.iter()
                .map(|(n, _)| n)
                .filter(|n| n.starts_with(TEMPORARY)),
            STALE_TEMPORARY,
        );
        let files: Vec<(String, fs::DirEntry)> = all
            .into_iter()
            .filter(|(name, _)| self.sealing.is_file_name(name))
            .collect();
        let now = SystemTime::now();
        let looked: Vec<Looked> =
            in_parallel(&files, |(name, entry)| self.look(name, entry, &index, now));
        let names: Vec<String> = files.into_iter().map(|(name, _)| name).collect();

        // Files gone since the last listing leave the cache, files read go in.
        let present: foldhash::HashSet<&String> = names.iter().collect();
        let mut changes: Vec<(String, Option<Entry>)> = index
            .names()
            .filter(|n| !present.contains(n))
            .map(|n| (n.clone(), None))
            .collect();
        for (name, looked) in names.iter().zip(&looked) {
            if let Looked::Read(summary, Some(stamp)) = looked
                && stamp.settled(now)
            {
                let entry = Entry {
                    stamp: *stamp,
                    summary: summary.clone(),
                };
                changes.push((name.clone(), Some(entry)));
            }
        }
        // Only a cache: if it cannot be written, the next listing reads the files again. A
        // file that is gone (deleted) leaves no trace in it: the log is written anew.
        let gone = changes.iter().any(|(_, entry)| entry.is_none());
        let _ = index.record(changes, gone);

        let mut sessions = Vec::with_capacity(names.len());
        let mut damaged = Vec::new();
        for (name, looked) in names.iter().zip(looked) {
            match looked {
                // Taken out of the cache rather than copied: 100,000 summaries are many.
                Looked::Cached => sessions.extend(index.take(name)),
                Looked::Read(summary, _) => sessions.push(summary),
                Looked::Gone => {}
                Looked::Damaged(reason) => damaged.push((self.dir.join(name), reason)),
            }
        }
        sessions.sort_unstable_by(|a, b| {
            (
                b.updated.timestamp(),
                b.updated.timestamp_subsec_nanos(),
                &b.id,
            )
                .cmp(&(
                    a.updated.timestamp(),
                    a.updated.timestamp_subsec_nanos(),
                    &a.id,
                ))
        });
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

    /// One file of the folder for the listing: from the cache if it is unchanged.
    fn look(&self, name: &str, entry: &fs::DirEntry, index: &Index, now: SystemTime) -> Looked {
        // Looked at through the open folder (no symlink followed), not by its whole path.
        let stamp = match entry.metadata() {
            Ok(meta) if !meta.is_file() => return Looked::Damaged(t::NOT_A_FILE.into()),
            Ok(meta) => Stamp::of(&meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Looked::Gone,
            Err(e) => return Looked::Damaged(e.to_string()),
        };
        if stamp.settled(now) && index.get(name, &stamp).is_some() {
            return Looked::Cached;
        }
        match self.read_session(name) {
            Ok((session, _)) => Looked::Read(Summary::from(&session), Some(stamp)),
            Err(FileError::Missing) => Looked::Gone,
            Err(FileError::Io(e)) => Looked::Damaged(e.to_string()),
            Err(FileError::Damaged(reason)) => Looked::Damaged(reason),
        }
    }

    /// Temporary files older than a minute were left by a process that died while saving:
    /// one that holds a newer complete version of its session takes its place, the others
    /// are removed. Younger ones may belong to a save under way and are left alone.
    pub(crate) fn recover_temporary_files<'a>(
        &self,
        names: impl Iterator<Item = &'a String>,
        stale: Duration,
    ) {
        let now = SystemTime::now();
        for name in names {
            let path = self.dir.join(name);
            let old = fs::symlink_metadata(&path)
                .ok()
                .filter(|m| m.is_file())
                .and_then(|m| m.modified().ok())
                .is_some_and(|t| t + stale <= now);
            if !old {
                continue;
            }
            if let Some(target) = self.newer_version(&path) {
                // Only if the session is not open somewhere: its lock is free.
                if let Ok(_lock) = self.lock(&target) {
                    let _ = fs::rename(&path, self.file(&target));
                    continue;
                }
            }
            let _ = fs::remove_file(&path);
        }
    }

    /// The id of the session a temporary file holds a newer complete version of.
    fn newer_version(&self, temporary: &Path) -> Option<String> {
        let bytes = read_regular(temporary, MAX_FILE).ok()?;
        let text = String::from_utf8(self.sealing.decode(bytes).ok()?).ok()?;
        let candidate: Session = ron::from_str(&text).ok()?;
        if !is_safe_id(&candidate.id) || candidate.format > SESSION_FORMAT {
            return None;
        }
        match self.load(&candidate.id) {
            Ok(current) if current.updated >= candidate.updated => None,
            Ok(_) | Err(StoreError::NotFound { .. }) => Some(candidate.id),
            Err(_) => None,
        }
    }
}

/// One file as the listing found it.
enum Looked {
    /// Its summary in the cache is good.
    Cached,
    Read(Summary, Option<Stamp>),
    Gone,
    Damaged(String),
}

/// `f` over every item, on as many threads as there are cores (looking at 100,000 files is
/// mostly waiting for the system), the results in order.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads == 1 || items.len() < 256 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(results) => results,
                // A panic in a worker is the caller's panic: results must stay in order.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// Holds the folder, shared or alone; [`StoreError::InUse`] when another program's hold is
/// in the way.
pub(crate) fn hold_folder(dir: &Path, alone: bool) -> Result<FolderHold, StoreError> {
    let path = dir.join(FOLDER_LOCK);
    match FolderHold::take(&path, alone) {
        Ok(Some(hold)) => Ok(hold),
        Ok(None) => Err(StoreError::InUse {
            dir: dir.to_path_buf(),
        }),
        Err(source) => Err(StoreError::Write { file: path, source }),
    }
}

/// The conversion under way or stopped, if any: whether it was encrypting.
pub(crate) fn converting(dir: &Path) -> Option<bool> {
    let bytes = read_regular(&dir.join(CONVERTING), 64).ok()?;
    Some(bytes.starts_with(b"encrypt"))
}

impl Sealed {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Opens the folder with its passphrase (about a second: scrypt). A wrong passphrase
    /// is [`StoreError::WrongPassphrase`], and nothing is written.
    pub fn unlock(&self, passphrase: &str) -> Result<Store, StoreError> {
        let vault = unlock_key(&self.dir, passphrase)?;
        Store::with(&self.dir, Sealing::sealed(vault))
    }
}

/// The folder's store key, unwrapped with the passphrase.
pub(crate) fn unlock_key(dir: &Path, passphrase: &str) -> Result<Vault, StoreError> {
    let file = dir.join(KEY_FILE);
    Vault::unlock(&file, passphrase).map_err(|e| match e {
        KeyError::WrongPassphrase => StoreError::WrongPassphrase,
        KeyError::Missing => StoreError::NotFound {
            id: KEY_FILE.to_string(),
        },
        KeyError::Io(source) => StoreError::Read { file, source },
        KeyError::Damaged(reason) => StoreError::Key { file, reason },
    })
}
