//! Writing exported documents: readable by the owner only, never half-written, and never
//! over an existing file unless the user said so.

use std::path::{Path, PathBuf};

use super::atomic::write_atomic;
use super::files::owner_only_folder;
use super::sessions::StoreError;

/// The default folder for exports: `exports` in the data folder.
pub fn default_folder(data_dir: &Path) -> PathBuf {
    data_dir.join("exports")
}

/// Writes `text` to `path` atomically with mode 0600. An existing file is refused with
/// [`StoreError::Exists`] unless `overwrite`; anything there that is not a regular file (a
/// device, a folder, a symlink) is refused always.
pub fn write_document(path: &Path, text: &str, overwrite: bool) -> Result<(), StoreError> {
    write_file(path, text.as_bytes(), overwrite)
}

/// Writes `bytes` to `path` as [`write_document`] writes a document (share files too).
pub(crate) fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), StoreError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return Err(StoreError::NotAFile {
                file: path.to_path_buf(),
            });
        }
        Ok(_) if !overwrite => {
            return Err(StoreError::Exists {
                file: path.to_path_buf(),
            });
        }
        _ => {}
    }
    if let Some(folder) = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.exists())
    {
        owner_only_folder(folder).map_err(|source| StoreError::Folder {
            dir: folder.to_path_buf(),
            source,
        })?;
    }
    write_atomic(path, bytes, overwrite).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::Exists {
            file: path.to_path_buf(),
        },
        _ => StoreError::Write {
            file: path.to_path_buf(),
            source: e,
        },
    })
}
