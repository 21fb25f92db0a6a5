//! Reading definition files from folders and paths the user names.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::check::Source;

/// Reads one definition file.
pub fn read_source(path: &Path) -> io::Result<Source> {
    Ok(Source {
        name: path.display().to_string(),
        text: std::fs::read_to_string(path)?,
    })
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
