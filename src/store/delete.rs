//! Deleting a session, or a forløb with all its sessions, its MSB-log and exports.
//!
//! Nothing deleted comes back: a session's lock is held while it goes, so no save of it is
//! under way; the temporary files of earlier saves that died (which the recovery at start
//! would otherwise put back) and its kept-aside copies go first, then its exports, then its
//! file; the listing cache is written anew without it at once, so not even its label stays
//! behind there.

use std::fs;
use std::path::{Path, PathBuf};

use super::exports::default_folder;
use super::files::{MAX_FILE, read_regular, remove_if_there as remove, sync_folder as sync};
use super::index::Index;
use super::sessions::{CONFLICTS, INDEX_FILE, Listed, SessionLock, Store, StoreError, TEMPORARY};
use crate::core::session::Session;

/// What a deletion removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Session ids.
    pub sessions: Vec<String>,
    /// The forløb id, if a forløb went.
    pub forloeb: Option<String>,
    /// Exported documents removed with them.
    pub exports: Vec<PathBuf>,
}

impl Store {
    /// The exported documents of a session in the folder's `exports` (named by its id).
    pub fn exports_of(&self, id: &str) -> Vec<PathBuf> {
        let folder = default_folder(self.dir());
        let prefix = format!("{id}-");
        let Ok(entries) = fs::read_dir(&folder) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .collect();
        found.sort();
        found
    }

    /// The ids of a forløb's sessions, as the folder lists them.
    pub fn sessions_of(&self, forloeb: &str) -> Vec<String> {
        self.list()
            .into_iter()
            .filter_map(|l| match l {
                Listed::Session(s) if s.forloeb == forloeb => Some(s.id),
                _ => None,
            })
            .collect()
    }

    /// Deletes a session: its file, copies kept aside, leftovers of saves and its exports.
    /// A session open in another window is [`StoreError::Locked`] and stays.
    pub fn delete_session(&self, id: &str) -> Result<Removed, StoreError> {
        if !self.file(id).exists() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let lock = self.lock(id)?;
        let mut removed = Removed::default();
        self.delete_locked(&lock, &mut removed)?;
        self.forget(&removed.sessions)?;
        Ok(removed)
    }

    /// Deletes a forløb with all its sessions, its MSB-log and the sessions' exports. When
    /// one of its sessions is open in another window, nothing is deleted.
    pub fn delete_forloeb(&self, id: &str) -> Result<Removed, StoreError> {
        let file = self.forloeb_file(id);
        if !file.exists() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let locks = self
            .sessions_of(id)
            .iter()
            .map(|s| self.lock(s))
            .collect::<Result<Vec<SessionLock>, StoreError>>()?;
        let mut removed = Removed {
            forloeb: Some(id.to_string()),
            ..Removed::default()
        };
        for lock in &locks {
            self.delete_locked(lock, &mut removed)?;
        }
        self.forget(&removed.sessions)?;
        // The forløb (with its MSB-log) goes last: stopped half-way, it is still listed
        // with the sessions that are left, and deleting it again finishes the job.
        remove(&file)?;
        let lock = self.forloeb_lock(id);
        let _ = fs::remove_file(&lock);
        sync(&self.forloeb_dir())?;
        Ok(removed)
    }

    /// Removes what belongs to a session whose lock is held.
    fn delete_locked(&self, lock: &SessionLock, removed: &mut Removed) -> Result<(), StoreError> {
        let id = lock.id();
        let holds = |path: &Path| {
            read_regular(path, MAX_FILE)
                .ok()
                .and_then(|bytes| self.sealing.decode(bytes).ok())
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .and_then(|text| ron::from_str::<Session>(&text).ok())
                .is_some_and(|s| s.id == id)
        };
        let leftovers = files_in(self.dir())
            .into_iter()
            .filter(|p| name_of(p).starts_with(TEMPORARY));
        let copies = files_in(&self.dir().join(CONFLICTS));
        for path in leftovers.chain(copies) {
            if holds(&path) {
                remove(&path)?;
            }
        }
        for export in self.exports_of(id) {
            remove(&export)?;
            removed.exports.push(export);
        }
        remove(&self.file(id))?;
        sync(self.dir())?;
        removed.sessions.push(id.to_string());
        Ok(())
    }

    /// The listing cache without the deleted sessions, written anew.
    fn forget(&self, ids: &[String]) -> Result<(), StoreError> {
        let names: Vec<String> = ids.iter().map(|id| self.sealing.file_name(id)).collect();
        let path = self.dir().join(INDEX_FILE);
        Index::load(&path, self.sealing.clone())
            .forget(&names)
            .map_err(|source| StoreError::Write { file: path, source })
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir).map_or_else(
        |_| Vec::new(),
        |entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .collect()
        },
    )
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
