//! Reading and guarding files in the data folder, which may hold odd or hostile entries: only
//! regular files are read (a FIFO, device, socket or symlink is refused without blocking),
//! nothing larger than a session can be is read whole, and folders and files are the
//! owner's only.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::sessions::StoreError;

/// No session, forløb or definition a person writes comes near this; a larger file is not
/// read into memory.
pub(crate) const MAX_FILE: u64 = 8 * 1024 * 1024;
/// The listing cache of a very large folder (100,000 sessions take some 16 MB).
pub(crate) const MAX_INDEX: u64 = 1024 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    Missing,
    Io(io::Error),
    /// Something other than a regular file: listed, never followed or opened.
    NotAFile,
    TooLarge(u64),
}

/// Reads a regular file of at most `most` bytes whole. A symlink is not followed; a FIFO or
/// device is refused before anything could block on it.
pub(crate) fn read_regular(path: &Path, most: u64) -> Result<Vec<u8>, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::Missing),
        // O_NOFOLLOW on a symlink.
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(ReadError::NotAFile),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > most {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    Ok(bytes)
}

/// Size, modification time and inode of a file when it was read or written. Every save
/// makes a new file (written beside and renamed), so the inode changes too on unix; a
/// change made outside the program changes at least one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    pub len: u64,
    /// Nanoseconds since 1970.
    pub modified: u64,
    pub inode: u64,
}

/// A file's stamp may only be trusted when it was last changed this long ago: a file saved
/// twice within the clock's granularity (2 s on FAT, a few ms elsewhere) with the same size
/// would otherwise look unchanged.
const SETTLE: Duration = Duration::from_secs(3);

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
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

    /// The stamp of the regular file at `path`, without following a symlink.
    pub fn of_path(path: &Path) -> io::Result<Option<Stamp>> {
        match fs::symlink_metadata(path) {
            Ok(meta) => Ok(Some(Stamp::of(&meta))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether the file was last changed long enough ago for its stamp to be trusted.
    pub fn settled(&self, now: SystemTime) -> bool {
        let modified = UNIX_EPOCH + Duration::from_nanos(self.modified);
        self.modified != 0 && modified + SETTLE <= now
    }
}

/// Session and forløb ids become file names: refuse anything that could point elsewhere.
pub(crate) fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
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

/// Opens (creating if needed) a lock file and takes its OS lock without waiting. Returns
/// `None` when another process holds it. The lock is on the file now at `path`: if the file
/// was removed or replaced between opening and locking, it is opened again.
pub(crate) fn try_lock_file(path: &Path) -> io::Result<Option<File>> {
    for _ in 0..8 {
        let file = owner_only_file(OpenOptions::new().create(true).truncate(false).write(true))
            .open(path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Ok(None),
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        if same_file(&file, path)? {
            return Ok(Some(file));
        }
    }
    Err(io::Error::other("lock file keeps changing"))
}

/// A hold on the whole data folder: shared by every program that uses it, or exclusive for
/// a conversion. Let go, the last holder removes the file, so none is left behind.
pub(crate) struct FolderHold {
    path: PathBuf,
    file: File,
}

impl FolderHold {
    /// Takes the hold at `path` without waiting: shared, or `alone`. `None` when another
    /// program's hold is in the way. Like [`try_lock_file`], the hold is on the file now
    /// at `path`.
    pub fn take(path: &Path, alone: bool) -> io::Result<Option<FolderHold>> {
        for _ in 0..8 {
            let file = owner_only_file(OpenOptions::new().create(true).truncate(false).write(true))
                .open(path)?;
            let taken = if alone {
                file.try_lock()
            } else {
                file.try_lock_shared()
            };
            match taken {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => return Ok(None),
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
            if same_file(&file, path)? {
                return Ok(Some(FolderHold {
                    path: path.to_path_buf(),
                    file,
                }));
            }
        }
        Err(io::Error::other("lock file keeps changing"))
    }
}

impl Drop for FolderHold {
    fn drop(&mut self) {
        // Only when no one else holds it: whoever opens it meanwhile sees it gone.
        if self.file.try_lock().is_ok() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Takes the OS lock of a lock file, waiting for it (held for milliseconds only).
pub(crate) fn lock_file(path: &Path) -> io::Result<File> {
    loop {
        let file = owner_only_file(OpenOptions::new().create(true).truncate(false).write(true))
            .open(path)?;
        file.lock()?;
        if same_file(&file, path)? {
            return Ok(file);
        }
    }
}

/// Removes a lock file while its lock is held, so no empty lock files are left behind.
/// Whoever opened the old file meanwhile sees that it is gone and opens the path again.
pub(crate) fn remove_lock_file(path: &Path, _held: &File) {
    let _ = fs::remove_file(path);
}

/// Whether the open file is the one at `path` now.
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    let open = file.metadata()?;
    match fs::symlink_metadata(path) {
        Ok(now) => Ok(Stamp::of(&open).inode == Stamp::of(&now).inode),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Removes a file; one that is not there is no error.
pub(crate) fn remove_if_there(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(StoreError::Write {
            file: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Makes removals and renames in a folder durable (on unix the folder itself is flushed).
pub(crate) fn sync_folder(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Write {
            file: dir.to_path_buf(),
            source,
        })?;
    Ok(())
}
