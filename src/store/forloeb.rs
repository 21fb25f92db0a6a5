//! Forløb files: `forloeb/<id>.ron` in the data folder, written atomically like sessions.

use std::fs;
use std::path::PathBuf;

use super::atomic::write_atomic;
use super::sessions::{
    Store, StoreError, is_safe_id, owner_only_file, owner_only_folder, parse_error,
};
use crate::core::forloeb::Forloeb;

impl Store {
    fn forloeb_dir(&self) -> PathBuf {
        self.dir().join("forloeb")
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
            if name.starts_with('.') || !name.ends_with(".ron") {
                continue;
            }
            let read = fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| ron::from_str::<Forloeb>(&text).map_err(|e| parse_error(&e)));
            match read {
                Ok(forloeb) => all.push(forloeb),
                Err(reason) => damaged.push((path, reason)),
            }
        }
        all.sort_by_key(|f: &Forloeb| std::cmp::Reverse(f.created));
        damaged.sort();
        (all, damaged)
    }

    pub fn load_forloeb(&self, id: &str) -> Result<Forloeb, StoreError> {
        let file = self.forloeb_dir().join(format!("{id}.ron"));
        if !is_safe_id(id) || !file.exists() {
            return Err(StoreError::NotFound { id: id.to_string() });
        }
        let text = fs::read_to_string(&file).map_err(|source| StoreError::Read {
            file: file.clone(),
            source,
        })?;
        ron::from_str(&text).map_err(|e| StoreError::Damaged {
            reason: parse_error(&e),
            file,
        })
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
        let dir = self.forloeb_dir();
        let path = dir.join(format!(".{id}.lock"));
        let lock = owner_only_file(
            fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true),
        )
        .open(&path)
        .map_err(|source| StoreError::Write {
            file: path.clone(),
            source,
        })?;
        // Held for a few milliseconds at most, so waiting is right here.
        lock.lock()
            .map_err(|source| StoreError::Write { file: path, source })?;
        let mut forloeb = self.load_forloeb(id)?;
        change(&mut forloeb);
        self.save_forloeb(&forloeb)
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
        let file = dir.join(format!("{}.ron", forloeb.id));
        let write_error = |source| StoreError::Write {
            file: file.clone(),
            source,
        };
        let text = ron::ser::to_string_pretty(forloeb, ron::ser::PrettyConfig::new())
            .map_err(|e| write_error(std::io::Error::other(e.to_string())))?;
        write_atomic(&file, text.as_bytes(), true).map_err(write_error)?;
        Ok(())
    }
}
