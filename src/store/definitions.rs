//! Reading definition files from folders and paths the user names.

use std::io;
use std::path::{Path, PathBuf};

use super::files::{MAX_FILE, ReadError, read_regular};
use crate::core::check::Source;
use crate::texts::store as t;

/// Reads one definition file (a regular file, not followed if it is a link, of a sane
/// size). Text that is not UTF-8 is reported by the checker with its place.
pub fn read_source(path: &Path) -> io::Result<Source> {
    let bytes = read_regular(path, MAX_FILE).map_err(|e| match e {
        ReadError::Missing => io::Error::from(io::ErrorKind::NotFound),
        ReadError::Io(e) => e,
        ReadError::NotAFile => io::Error::other(t::NOT_A_FILE.as_str()),
        ReadError::TooLarge(len) => io::Error::other(t::too_large(len)),
    })?;
    Ok(Source::from_bytes(path.display().to_string(), bytes))
}

/// The `*.ron` files in `dir` (or `dir` itself when it is a file), sorted by name.
pub fn ron_files(path: &Path) -> io::Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        if p.extension().is_some_and(|e| e == "ron") && p.is_file() {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads every definition under the given paths (files or folders).
pub fn read_sources(paths: &[PathBuf]) -> Result<Vec<Source>, (PathBuf, io::Error)> {
    let mut sources = Vec::new();
    for path in paths {
        for file in ron_files(path).map_err(|e| (path.clone(), e))? {
            sources.push(read_source(&file).map_err(|e| (file.clone(), e))?);
        }
    }
    Ok(sources)
}
