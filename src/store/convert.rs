//! Turning a plain data folder into an encrypted one and back, and changing the passphrase.
//!
//! Converting is safe to stop at any moment (`kill -9`, a power cut) and to run again:
//!
//! 1. The folder is taken for the conversion alone (no program may use it meanwhile).
//! 2. `.converting` says which way it goes; while it is there, the program refuses to use
//!    the folder and says to run the command again.
//! 3. When encrypting, the new key is written (or, on a second run, the key of the first is
//!    unlocked: the files already encrypted are encrypted to it).
//! 4. The listing cache is removed (it is made again, in the new form).
//! 5. File by file, the new form is written beside the old one (atomically) before the old
//!    one is removed: at every moment each session is whole in one form or both.
//! 6. When decrypting, the key goes last; then `.converting`.
//!
//! Changing the passphrase only writes the key file anew, atomically.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::atomic::write_atomic;
use super::files::{
    FolderHold, MAX_FILE, owner_only_folder, read_regular, remove_if_there, sync_folder as sync,
};
use super::forloeb::FORLOEB_DIR;
use super::sessions::{
    CONFLICTS, CONVERTING, FOLDER_LOCK, INDEX_FILE, Store, StoreError, TEMPORARY, converting,
    hold_folder, unlock_key,
};
use super::vault::{KEY_FILE, Sealing, Vault};
use crate::core::forloeb::Forloeb;
use crate::core::session::Session;

/// What a conversion did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Files written in the new form.
    pub files: usize,
    /// Files that could not be decrypted (changed or damaged), left as they were.
    pub damaged: Vec<PathBuf>,
    /// Exported documents in the folder's `exports`: people print them, so they are plain
    /// in any folder, and the user is told.
    pub plain_exports: usize,
}

/// Whether the folder has a key: it is encrypted, or an encryption was begun (its
/// passphrase is then the one to give again).
pub fn has_key(dir: &Path) -> bool {
    dir.join(KEY_FILE).exists()
}

/// Encrypts every file of a plain folder with a new key wrapped by `passphrase`; or
/// finishes an encryption that was stopped, with that encryption's passphrase.
pub fn encrypt(dir: &Path, passphrase: &str) -> Result<Converted, StoreError> {
    // A folder not made yet is made, readable by its owner only: encrypted from the start.
    if !dir.exists() {
        owner_only_folder(dir).map_err(|source| StoreError::Folder {
            dir: dir.to_path_buf(),
            source,
        })?;
    }
    let alone = take_alone(dir)?;
    let vault = match (converting(dir), has_key(dir)) {
        (Some(false), _) => {
            return Err(StoreError::Interrupted {
                dir: dir.to_path_buf(),
                encrypting: false,
            });
        }
        (None, true) => return Err(StoreError::AlreadyDone { encrypted: true }),
        (Some(true), true) => unlock_key(dir, passphrase)?,
        (_, false) => {
            mark(dir, "encrypt")?;
            let vault = Vault::generate();
            let key = dir.join(KEY_FILE);
            vault
                .write_key(&key, passphrase)
                .map_err(|source| StoreError::Write { file: key, source })?;
            vault
        }
    };
    let from = Store::holding(dir, Sealing::default(), alone.clone());
    let to = Sealing::sealed(vault);
    let mut done = convert(&from, &to)?;
    done.plain_exports = count_files(&super::exports::default_folder(dir));
    finish(dir, false)?;
    Ok(done)
}

/// Decrypts every file of an encrypted folder and removes its key; or finishes a
/// decryption that was stopped.
pub fn decrypt(dir: &Path, passphrase: &str) -> Result<Converted, StoreError> {
    let alone = take_alone(dir)?;
    match (converting(dir), has_key(dir)) {
        (Some(true), _) => {
            return Err(StoreError::Interrupted {
                dir: dir.to_path_buf(),
                encrypting: true,
            });
        }
        (None, false) => return Err(StoreError::AlreadyDone { encrypted: false }),
        // Stopped after the key was removed: every file is plain already.
        (Some(false), false) => {
            finish(dir, false)?;
            return Ok(Converted::default());
        }
        (_, true) => {}
    }
    // The passphrase is checked before anything is written.
    let vault = unlock_key(dir, passphrase)?;
    mark(dir, "decrypt")?;
    let from = Store::holding(dir, Sealing::sealed(vault), alone.clone());
    let done = convert(&from, &Sealing::default())?;
    finish(dir, true)?;
    Ok(done)
}

/// Whether `passphrase` opens the folder's key: [`StoreError::WrongPassphrase`] if not.
pub fn check_passphrase(dir: &Path, passphrase: &str) -> Result<(), StoreError> {
    unlock_key(dir, passphrase).map(|_| ())
}

/// Wraps the folder's key with a new passphrase; the files stay as they are.
pub fn change_passphrase(dir: &Path, old: &str, new: &str) -> Result<(), StoreError> {
    let _alone = take_alone(dir)?;
    if let Some(encrypting) = converting(dir) {
        return Err(StoreError::Interrupted {
            dir: dir.to_path_buf(),
            encrypting,
        });
    }
    if !has_key(dir) {
        return Err(StoreError::AlreadyDone { encrypted: false });
    }
    let vault = unlock_key(dir, old)?;
    let key = dir.join(KEY_FILE);
    vault
        .write_key(&key, new)
        .map_err(|source| StoreError::Write { file: key, source })
}

/// The folder for this process alone: no other program uses it while it is converted.
fn take_alone(dir: &Path) -> Result<Arc<FolderHold>, StoreError> {
    if !dir.is_dir() {
        return Err(StoreError::Folder {
            dir: dir.to_path_buf(),
            source: io::Error::from(io::ErrorKind::NotFound),
        });
    }
    hold_folder(dir, true).map(Arc::new)
}

/// Says which way the folder is being converted.
fn mark(dir: &Path, way: &str) -> Result<(), StoreError> {
    let path = dir.join(CONVERTING);
    write_atomic(&path, way.as_bytes(), true)
        .map_err(|source| StoreError::Write { file: path, source })
}

/// The end of a conversion: the key removed (after a decryption), then the mark.
fn finish(dir: &Path, remove_key: bool) -> Result<(), StoreError> {
    let remove = |name: &str| {
        let path = dir.join(name);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(StoreError::Write {
                file: path,
                source: e,
            }),
            _ => Ok(()),
        }
    };
    if remove_key {
        remove(KEY_FILE)?;
        sync(dir)?;
    }
    remove(CONVERTING)?;
    sync(dir)
}

/// Every session, forløb and kept-aside copy from `from`'s form into `to`'s.
fn convert(from: &Store, to: &Sealing) -> Result<Converted, StoreError> {
    let dir = from.dir().to_path_buf();
    // What a process that died while saving left is put right first: no one else uses the
    // folder now, so every temporary file is a leftover.
    let temporary: Vec<String> = names(&dir)?
        .into_iter()
        .filter(|n| n.starts_with(TEMPORARY))
        .collect();
    from.recover_temporary_files(temporary.iter(), Duration::ZERO);
    // The listing cache is made again in the new form by the next listing.
    remove_if_there(&dir.join(INDEX_FILE))?;
    let mut done = Converted::default();
    let session_id = |bytes: &[u8]| {
        let text = std::str::from_utf8(bytes).ok()?;
        ron::from_str::<Session>(text).ok().map(|s| s.id)
    };
    let forloeb_id = |bytes: &[u8]| {
        let text = std::str::from_utf8(bytes).ok()?;
        ron::from_str::<Forloeb>(text).ok().map(|f| f.id)
    };
    convert_folder(&dir, &from.sealing, to, &session_id, &mut done)?;
    convert_folder(
        &dir.join(FORLOEB_DIR),
        &from.sealing,
        to,
        &forloeb_id,
        &mut done,
    )?;
    // A kept-aside copy's name cannot be told from what it holds: an opaque one stays.
    convert_folder(
        &dir.join(CONFLICTS),
        &from.sealing,
        to,
        &|_| None,
        &mut done,
    )?;
    Ok(done)
}

/// The files of one folder from one form into the other. The new file is in place before
/// the old one goes. Its name comes from the old name when that is the id (a plain folder),
/// else from the id inside (`id_of`) that the old name was made from, else the old name's
/// stem is kept.
fn convert_folder(
    dir: &Path,
    from: &Sealing,
    to: &Sealing,
    id_of: &dyn Fn(&[u8]) -> Option<String>,
    done: &mut Converted,
) -> Result<(), StoreError> {
    if !dir.is_dir() {
        return Ok(());
    }
    for name in names(dir)? {
        let path = dir.join(&name);
        if name.starts_with(TEMPORARY) || is_lock(&name) {
            remove_if_there(&path)?;
            continue;
        }
        if !from.is_file_name(&name) {
            continue;
        }
        // Not a regular file (a FIFO, a link): not ours to convert.
        let Ok(bytes) = read_regular(&path, MAX_FILE) else {
            continue;
        };
        let Ok(plain) = from.decode(bytes) else {
            done.damaged.push(path);
            continue;
        };
        let stem = name
            .strip_suffix(from.ext())
            .and_then(|s| s.strip_suffix('.'))
            .unwrap_or(&name);
        // Only the id its name was made from: a file copied over another's keeps its name
        // (and is shown as damaged), rather than take the other's place.
        let id = if from.is_sealed() {
            id_of(&plain)
                .filter(|id| from.file_name(id) == name)
                .unwrap_or_else(|| stem.to_string())
        } else {
            stem.to_string()
        };
        let target = dir.join(to.file_name(&id));
        let bytes = to.encode(&plain).map_err(|source| StoreError::Write {
            file: target.clone(),
            source,
        })?;
        write_atomic(&target, &bytes, true).map_err(|source| StoreError::Write {
            file: target.clone(),
            source,
        })?;
        if target != path {
            remove_if_there(&path)?;
        }
        done.files += 1;
    }
    sync(dir)
}

/// A session's or forløb's lock file (none is held: the folder is this process's alone).
fn is_lock(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".lock") && name != FOLDER_LOCK
}

fn names(dir: &Path) -> Result<Vec<String>, StoreError> {
    let entries = fs::read_dir(dir).map_err(|source| StoreError::Read {
        file: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

fn count_files(dir: &Path) -> usize {
    fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .count()
    })
}
