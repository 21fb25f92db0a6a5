//! Writing exported documents: readable by the owner only, never half-written, and never
//! over an existing file unless the user said so.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::sessions::{StoreError, owner_only_folder};

/// The default folder for exports: `exports` in the data folder.
pub fn default_folder(data_dir: &Path) -> PathBuf {
    data_dir.join("exports")
}

/// Writes `text` to `path` atomically with mode 0600. An existing file is refused with
/// [`StoreError::Exists`] unless `overwrite`.
pub fn write_document(path: &Path, text: &str, overwrite: bool) -> Result<(), StoreError> {
    if path.exists() && !overwrite {
        return Err(StoreError::Exists {
            file: path.to_path_buf(),
        });
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let write_error = |source| StoreError::Write {
        file: path.to_path_buf(),
        source,
    };
    if !folder.exists() {
        owner_only_folder(&folder).map_err(|source| StoreError::Folder {
            dir: folder.clone(),
            source,
        })?;
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(&folder)
        .map_err(write_error)?;
    temp.write_all(text.as_bytes()).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    if overwrite {
        temp.persist(path).map_err(|e| write_error(e.error))?;
    } else {
        // Refuses, also if the file appeared meanwhile.
        temp.persist_noclobber(path)
            .map_err(|e| match e.error.kind() {
                std::io::ErrorKind::AlreadyExists => StoreError::Exists {
                    file: path.to_path_buf(),
                },
                _ => write_error(e.error),
            })?;
    }
    Ok(())
}
