//! The one way files are written: a temporary file in the same folder (mode 0600), flushed
//! to disk and renamed into place, then the folder flushed, so a crash leaves the old file
//! or the new one, never half of one.

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path`. With `replace` false an existing file is left alone and the
/// error is [`io::ErrorKind::AlreadyExists`].
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // tempfile creates the file with mode 0600 on unix.
    let mut temp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if replace {
        temp.persist(path).map_err(|e| e.error)?;
    } else {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    sync_folder(folder)
}

/// Makes a rename durable: on unix the folder entry itself must be flushed.
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    let _ = dir;
    Ok(())
}
