//! Forløb files: `forloeb/<id>.ron` in the data folder (in an encrypted folder
//! `forloeb/<opaque name>.age`), written atomically like sessions, with the same header.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::atomic::write_atomic;
use super::files::{
    MAX_FILE, ReadError, is_safe_id, lock_file, owner_only_folder, read_regular, remove_lock_file,
};
use super::sessions::{Store, StoreError, Summary, parse_error};
use crate::core::forloeb::{Forloeb, is_of_day};
use crate::core::session::Session;
use crate::texts::store as t;

/// The folder of forløb files in the data folder.
pub(crate) const FORLOEB_DIR: &str = "forloeb";

impl Store {
    /// A forløb file's text read (decrypted) and parsed, or why it cannot be. Its id must
    /// be the one its name gives.
    fn read_forloeb(&self, path: &Path) -> Result<Forloeb, String> {
        let bytes = read_regular(path, MAX_FILE).map_err(|e| match e {
            ReadError::Missing => t::GONE.to_string(),
            ReadError::Io(e) => e.to_string(),
            ReadError::NotAFile => t::NOT_A_FILE.to_string(),
            ReadError::TooLarge(len) => t::too_large(len),
        })?;
        let bytes = self.sealing.decode(bytes)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            t::not_utf8(1 + valid.iter().filter(|&&b| b == b'\n').count())
        })?;
        let forloeb = ron::from_str::<Forloeb>(&text).map_err(|e| parse_error(&e))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name != Some(self.sealing.file_name(&forloeb.id)) {
            return Err(t::id_mismatch(&forloeb.id));
        }
        Ok(forloeb)
    }

    pub(crate) fn forloeb_dir(&self) -> PathBuf {
        self.dir().join(FORLOEB_DIR)
    }

    pub(crate) fn forloeb_file(&self, id: &str) -> PathBuf {
        self.forloeb_dir().join(self.sealing.file_name(id))
    }

    /// Every forløb, newest first, and the files that cannot be read, with the reason
    /// (their sessions still list, without the label).
    pub fn list_forloeb(&self) -> (Vec<Forloeb>, Vec<(PathBuf, String)>) {
        let Ok(entries) = fs::read_dir(self.forloeb_dir()) else {
            return (Vec::new(), Vec::new());
        };
        let mut all = Vec::new();
        let mut damaged = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if !self.sealing.is_file_name(&name) {
                continue;
            }
            match self.read_forloeb(&path) {
                Ok(forloeb) => all.push(forloeb),
                Err(reason) => damaged.push((path, reason)),
            }
        }
        all.sort_by_key(|f: &Forloeb| std::cmp::Reverse(f.created));
        damaged.sort();
        (all, damaged)
    }

    pub fn load_forloeb(&self, id: &str) -> Result<Forloeb, StoreError> {
        let file = self.forloeb_file(id);
        if !is_safe_id(id) || !file.exists() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        self.read_forloeb(&file)
            .map_err(|reason| StoreError::Damaged { file, reason })
    }

    /// Changes a forløb on disk: reads it, applies `change` and saves it, holding the
    /// forløb's lock meanwhile, so two windows adding to the MSB-log cannot lose a note.
    pub fn update_forloeb(
        &self,
        id: &str,
        change: impl FnOnce(&mut Forloeb),
    ) -> Result<(), StoreError> {
        if !is_safe_id(id) {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let path = self.forloeb_lock(id);
        // Held for a few milliseconds at most, so waiting is right here.
        let lock = lock_file(&path).map_err(|source| StoreError::Write {
            file: path.clone(),
            source,
        })?;
        let result = self.load_forloeb(id).and_then(|mut forloeb| {
            change(&mut forloeb);
            self.save_forloeb(&forloeb)
        });
        remove_lock_file(&path, &lock);
        result
    }

    /// The sessions among `listed` that belong to a forløb and were made or changed on
    /// `day`, read whole and oldest first; and why any of them could not be read.
    pub fn sessions_of_day<'a>(
        &self,
        listed: impl IntoIterator<Item = &'a Summary>,
        forloeb: &str,
        day: NaiveDate,
    ) -> (Vec<Session>, Vec<StoreError>) {
        let mut ids: Vec<&Summary> = listed
            .into_iter()
            .filter(|s| s.forloeb == forloeb && is_of_day(s.created, s.updated, day))
            .collect();
        ids.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        let (read, failed): (Vec<_>, Vec<_>) = ids
            .into_iter()
            .map(|s| self.load(&s.id))
            .partition(Result::is_ok);
        (
            read.into_iter().filter_map(Result::ok).collect(),
            failed.into_iter().filter_map(Result::err).collect(),
        )
    }

    /// Saves a forløb atomically (0600), creating the folder (0700) if needed.
    pub fn save_forloeb(&self, forloeb: &Forloeb) -> Result<(), StoreError> {
        let dir = self.forloeb_dir();
        if !is_safe_id(&forloeb.id) {
            return Err(StoreError::NotFound {
                id: forloeb.id.clone(),
            });
        }
        owner_only_folder(&dir).map_err(|source| StoreError::Folder {
            dir: dir.clone(),
            source,
        })?;
        let file = self.forloeb_file(&forloeb.id);
        let write_error = |source| StoreError::Write {
            file: file.clone(),
            source,
        };
        let text = ron::ser::to_string_pretty(forloeb, ron::ser::PrettyConfig::new())
            .map_err(|e| write_error(std::io::Error::other(e.to_string())))?;
        let bytes = self
            .sealing
            .encode(format!("{}{text}\n", t::FORLOEB_HEADER).as_bytes())
            .map_err(write_error)?;
        write_atomic(&file, &bytes, true).map_err(write_error)?;
        Ok(())
    }

    pub(crate) fn forloeb_lock(&self, id: &str) -> PathBuf {
        self.forloeb_dir()
            .join(format!(".{}.lock", self.sealing.stem(id)))
    }
}
