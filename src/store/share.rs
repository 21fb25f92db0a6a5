//! Share files: one session encrypted for the other party, to travel by mail or USB.
//!
//! A share file is a small plain header line that says what it is and its version
//! (`vejen-frem deling 1`), then an age file (age-encryption.org/v1) holding the share as
//! RON: encrypted with a passphrase (age's scrypt recipient, the work factor of the folder
//! key) or to the other party's age key (`age1…`). The header says nothing about the
//! person, the tool or the sender. Reading one is careful as reading the data folder is: a
//! regular file only, size limits before and after decrypting, and every way it can fail
//! (not a share file, a newer one, the wrong passphrase or key, changed on the way) said
//! apart.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};
use chrono::{DateTime, FixedOffset};

use super::exports::write_file;
use super::files::{ReadError, read_regular};
use super::sessions::StoreError;
use super::vault::{MAX_WORK_FACTOR, WORK_FACTOR};

use crate::core::definition::Tool;
use crate::core::session::Session;
use crate::core::share::{Refusal, SHARE_FORMAT, Share, prepare, private_answered};
use crate::texts::share as t;

/// How a share file's header line begins; the share format's number follows.
const MAGIC: &str = "vejen-frem deling ";
/// No share of one session comes near this; a larger file is not read.
pub const MAX_SHARE: u64 = 8 * 1024 * 1024;

/// What a share file is encrypted with.
pub enum Seal {
    /// A passphrase the two parties agree on (given to the other party another way).
    Passphrase(SecretString),
    /// The other party's age key (`age1…`), which only their key file opens.
    Key(age::x25519::Recipient),
}

/// What opens a share file.
pub enum Unseal {
    Passphrase(SecretString),
    /// The text of an age key file (`AGE-SECRET-KEY-1…`).
    Identity(age::x25519::Identity),
}

/// What a share file asks for to be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locked {
    Passphrase,
    Key,
}

#[derive(Debug)]
pub enum ShareError {
    Store(StoreError),
    /// No file at the path given.
    Missing(PathBuf),
    /// A folder, a device or a link where the file was expected.
    NotAFile(PathBuf),
    /// Not a share file of this program.
    NotAShare(PathBuf),
    /// A share file of a newer program.
    Newer(u32),
    WrongPassphrase,
    /// Encrypted to another key than the one given (or with a passphrase).
    NotForThisKey,
    /// The file was changed after it was written, or is cut short.
    Tampered,
    /// A recipient key (`age1…`) or key file that is not one.
    BadKey,
    /// The decrypted content is not a share of this program.
    Damaged(String),
    /// The content is not imported (see [`Refusal`]).
    Refused(Refusal),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ShareError::Store(e) => e.to_string(),
            ShareError::Missing(file) => t::missing(file),
            ShareError::NotAFile(file) => t::not_a_file(file),
            ShareError::NotAShare(file) => t::not_a_share(file),
            ShareError::Newer(format) => t::newer(*format),
            ShareError::WrongPassphrase => t::WRONG_PASSPHRASE.to_string(),
            ShareError::NotForThisKey => t::NOT_FOR_THIS_KEY.to_string(),
            ShareError::Tampered => t::TAMPERED.to_string(),
            ShareError::BadKey => t::BAD_KEY.to_string(),
            ShareError::Damaged(reason) => t::damaged(reason),
            ShareError::Refused(refusal) => t::refused(refusal),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ShareError {}

impl From<StoreError> for ShareError {
    fn from(e: StoreError) -> ShareError {
        ShareError::Store(e)
    }
}

impl super::sessions::Store {
    /// Brings a share in as a new session of this folder (a new id: nothing here is ever
    /// overwritten), in the forløb given (by id; may be none). `tool` is this program's
    /// tool of the share's id, if it has one.
    pub fn import(
        &self,
        share: Share,
        tool: Option<&Tool>,
        forloeb: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Session, ShareError> {
        let id = Session::new_id(&share.tool, now);
        let session = crate::core::share::receive(share, tool, id, forloeb, now)
            .map_err(ShareError::Refused)?;
        drop(self.create(&session)?);
        Ok(session)
    }
}

/// Reads an age recipient key as the other party gives it (`age1…`).
pub fn recipient(text: &str) -> Result<age::x25519::Recipient, ShareError> {
    text.trim().parse().map_err(|_| ShareError::BadKey)
}

/// Reads an age key file: the first line that is not a comment is the key.
pub fn identity(path: &Path) -> Result<age::x25519::Identity, ShareError> {
    let bytes = read(path, 64 * 1024)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::BadKey)?;
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .and_then(|l| l.parse().ok())
        .ok_or(ShareError::BadKey)
}

/// Makes a new age key, writes it to `path` (readable by the owner only, never over a
/// file) and returns its public part, which the other party encrypts share files to.
pub fn new_key(path: &Path) -> Result<String, ShareError> {
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let secret = identity.to_string();
    let text = format!(
        "{}\n# public key: {public}\n{}\n",
        t::KEY_FILE_HEADER,
        secret.expose_secret()
    );
    write_file(path, text.as_bytes(), false)?;
    Ok(public)
}

/// Encrypts a share and writes it to `path` (0600, atomically, never over a file unless
/// `overwrite`).
pub fn write_share(
    path: &Path,
    share: &Share,
    seal: &Seal,
    overwrite: bool,
) -> Result<(), ShareError> {
    let failed = |e: String| {
        ShareError::Store(StoreError::Write {
            file: path.to_path_buf(),
            source: io::Error::other(e),
        })
    };
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    let text = ron::ser::to_string_pretty(share, config).map_err(|e| failed(e.to_string()))?;
    let sealed = match seal {
        Seal::Passphrase(passphrase) => {
            let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
            recipient.set_work_factor(WORK_FACTOR);
            age::encrypt(&recipient, text.as_bytes())
        }
        Seal::Key(recipient) => age::encrypt(recipient, text.as_bytes()),
    }
    .map_err(|e| failed(e.to_string()))?;
    let mut bytes = format!("{MAGIC}{SHARE_FORMAT}\n").into_bytes();
    bytes.extend(sealed);
    write_file(path, &bytes, overwrite)?;
    Ok(())
}

/// How a share file's name ends, as the screen offers it.
const EXTENSION: &str = "vfdel";

/// The name the screen offers for a session's share file.
pub fn file_name(session: &Session) -> String {
    format!("{}.{EXTENSION}", session.id)
}

/// What sharing a session left out, and what private answers it gave away (fields by id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub left_out: Vec<String>,
    pub private_shared: Vec<String>,
}

/// What the sharer chose: who they are to the receiver (a name or initials, checked by
/// the caller), what locks the file, and whether the private answers go too.
pub struct Sharing {
    pub from: String,
    pub seal: Seal,
    pub with_private: bool,
}

/// Shares a session as `vejen-frem share` and the screen's share dialog both do: its share,
/// less the private answers unless asked for, encrypted and written to `path` (never over a
/// file unless `overwrite`).
pub fn share_session(
    tool: &Tool,
    session: &Session,
    sharing: &Sharing,
    path: &Path,
    overwrite: bool,
    now: DateTime<FixedOffset>,
) -> Result<Shared, ShareError> {
    let program = format!("vejen-frem {}", env!("CARGO_PKG_VERSION"));
    let with_private = sharing.with_private;
    let share = prepare(tool, session, &sharing.from, now, with_private, &program);
    write_share(path, &share, &sharing.seal, overwrite)?;
    let private_shared = match with_private {
        true => private_answered(tool, session),
        false => Vec::new(),
    };
    Ok(Shared {
        left_out: share.left_out,
        private_shared,
    })
}

/// Reads a file of at most `most` bytes the user named: a regular file only.
fn read(path: &Path, most: u64) -> Result<Vec<u8>, ShareError> {
    read_regular(path, most).map_err(|e| match e {
        ReadError::Missing => ShareError::Missing(path.to_path_buf()),
        ReadError::NotAFile => ShareError::NotAFile(path.to_path_buf()),
        ReadError::Io(source) => ShareError::Store(StoreError::Read {
            file: path.to_path_buf(),
            source,
        }),
        ReadError::TooLarge(len) => ShareError::Store(StoreError::Damaged {
            file: path.to_path_buf(),
            reason: crate::texts::store::too_large(len),
        }),
    })
}

/// The age file after the header line, once the header says it is a share file this
/// program reads.
fn sealed_part(path: &Path, bytes: &[u8]) -> Result<usize, ShareError> {
    let not_a_share = || ShareError::NotAShare(path.to_path_buf());
    let end = bytes
        .iter()
        .take(64)
        .position(|&b| b == b'\n')
        .ok_or_else(not_a_share)?;
    let line = std::str::from_utf8(&bytes[..end]).map_err(|_| not_a_share())?;
    let format: u32 = line
        .strip_prefix(MAGIC)
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(not_a_share)?;
    if format > SHARE_FORMAT {
        return Err(ShareError::Newer(format));
    }
    Ok(end + 1)
}

fn decryptor<'a>(path: &Path, bytes: &'a [u8]) -> Result<age::Decryptor<&'a [u8]>, ShareError> {
    age::Decryptor::new_buffered(bytes).map_err(|e| match e {
        age::DecryptError::UnknownFormat => ShareError::Newer(SHARE_FORMAT + 1),
        age::DecryptError::Io(_) | age::DecryptError::InvalidHeader => {
            ShareError::NotAShare(path.to_path_buf())
        }
        _ => ShareError::Tampered,
    })
}

/// Whether a share file asks for a passphrase or a key, read from its header only.
pub fn peek(path: &Path) -> Result<Locked, ShareError> {
    let bytes = read(path, MAX_SHARE)?;
    let start = sealed_part(path, &bytes)?;
    let decryptor = decryptor(path, &bytes[start..])?;
    Ok(if decryptor.is_scrypt() {
        Locked::Passphrase
    } else {
        Locked::Key
    })
}

/// Reads and decrypts a share file.
pub fn read_share(path: &Path, unseal: &Unseal) -> Result<Share, ShareError> {
    let bytes = read(path, MAX_SHARE)?;
    let start = sealed_part(path, &bytes)?;
    let decryptor = decryptor(path, &bytes[start..])?;
    let passphrase_file = decryptor.is_scrypt();
    let failed = |e: age::DecryptError| match e {
        age::DecryptError::DecryptionFailed
        | age::DecryptError::KeyDecryptionFailed
        | age::DecryptError::NoMatchingKeys
            if passphrase_file =>
        {
            match unseal {
                Unseal::Passphrase(_) => ShareError::WrongPassphrase,
                Unseal::Identity(_) => ShareError::NotForThisKey,
            }
        }
        age::DecryptError::NoMatchingKeys => ShareError::NotForThisKey,
        age::DecryptError::ExcessiveWork { .. } => ShareError::Damaged(t::TOO_MUCH_WORK.into()),
        _ => ShareError::Tampered,
    };
    let reader = match unseal {
        Unseal::Passphrase(passphrase) => {
            let mut identity = age::scrypt::Identity::new(passphrase.clone());
            identity.set_max_work_factor(MAX_WORK_FACTOR);
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))
        }
        Unseal::Identity(identity) => {
            decryptor.decrypt(std::iter::once(identity as &dyn age::Identity))
        }
    }
    .map_err(failed)?;
    // Never more than a share can hold, however the file was made; a stream cut short or
    // changed on the way fails its authentication here.
    let mut plain = Vec::new();
    reader
        .take(MAX_SHARE + 1)
        .read_to_end(&mut plain)
        .map_err(|_| ShareError::Tampered)?;
    if plain.len() as u64 > MAX_SHARE {
        return Err(ShareError::Damaged(crate::texts::store::too_large(
            plain.len() as u64,
        )));
    }
    let text = String::from_utf8(plain).map_err(|_| ShareError::Damaged(t::NOT_TEXT.into()))?;
    ron::from_str::<Share>(&text).map_err(|e| {
        // A newer share's content is not damaged, only beyond this program.
        #[derive(serde::Deserialize)]
        struct Head {
            format: u32,
        }
        match ron::from_str::<Head>(&text) {
            Ok(head) if head.format > SHARE_FORMAT => ShareError::Newer(head.format),
            _ => ShareError::Damaged(super::sessions::parse_error(&e)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Session;

    fn share() -> Share {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
        let session = Session::new("s1".into(), "t", 1, "abc", now);
        crate::core::share::prepare(
            &crate::core::check::Source::new(
                "t.ron",
                "(format: 1, id: \"t\", version: 1, title: \"T\", audience: [Leder], steps: [(id: \"s\", title: \"S\", fields: [(id: \"a\", kind: Text)])])",
            )
            .parse()
            .unwrap(),
            &session,
            "KH",
            now,
            false,
            "vf",
        )
    }

    #[test]
    fn sharing_a_session_says_what_it_left_out_and_what_private_went() {
        let tool = crate::core::check::Source::new(
            "t.ron",
            "(format: 1, id: \"t\", version: 1, title: \"T\", audience: [Laege], steps: [(id: \"s\", title: \"S\", fields: [(id: \"a\", kind: Text), (id: \"p\", private: true, kind: Text)])])",
        )
        .parse()
        .unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
        let mut session = Session::new("s1".into(), "t", 1, "abc", now);
        for id in ["a", "p"] {
            session.answers.insert(
                id.into(),
                crate::core::session::Answer::Text(format!("Svar {id}")),
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let key = age::x25519::Identity::generate();
        let sharing = |with_private| Sharing {
            from: "KH".into(),
            seal: Seal::Key(key.to_public()),
            with_private,
        };
        let file = dir.path().join(file_name(&session));
        assert_eq!(file.extension().unwrap(), "vfdel");
        let shared = share_session(&tool, &session, &sharing(false), &file, false, now).unwrap();
        assert_eq!(
            (shared.left_out, shared.private_shared),
            (vec!["p".to_string()], vec![])
        );
        let read = read_share(&file, &Unseal::Identity(key.clone())).unwrap();
        assert_eq!(read.shared_by, "KH");
        assert!(read.session.answers.contains_key("a") && !read.session.answers.contains_key("p"));
        // Never over the file unasked; asked, with the private answer.
        assert!(matches!(
            share_session(&tool, &session, &sharing(true), &file, false, now),
            Err(ShareError::Store(StoreError::Exists { .. }))
        ));
        let shared = share_session(&tool, &session, &sharing(true), &file, true, now).unwrap();
        assert_eq!(
            (shared.left_out, shared.private_shared),
            (vec![], vec!["p".to_string()])
        );
        let read = read_share(&file, &Unseal::Identity(key)).unwrap();
        assert!(read.session.answers.contains_key("p"));
    }

    #[test]
    fn a_share_to_a_key_opens_with_that_key_only() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("nøgle.txt");
        let public = new_key(&key_file).unwrap();
        assert!(public.starts_with("age1"));
        assert!(matches!(new_key(&key_file), Err(ShareError::Store(_))));
        let file = dir.path().join("delt.vfdel");
        let seal = Seal::Key(recipient(&public).unwrap());
        write_share(&file, &share(), &seal, false).unwrap();
        assert_eq!(peek(&file).unwrap(), Locked::Key);
        let mine = Unseal::Identity(identity(&key_file).unwrap());
        assert_eq!(read_share(&file, &mine).unwrap(), share());
        let other = Unseal::Identity(age::x25519::Identity::generate());
        assert!(matches!(
            read_share(&file, &other),
            Err(ShareError::NotForThisKey)
        ));
        // Changed on the way: one byte of the ciphertext.
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).unwrap();
        assert!(matches!(
            read_share(&file, &mine),
            Err(ShareError::Tampered)
        ));
        // Newer, and not a share at all.
        std::fs::write(&file, b"vejen-frem deling 9\nage-encryption.org/v1\n").unwrap();
        assert!(matches!(
            read_share(&file, &mine),
            Err(ShareError::Newer(9))
        ));
        std::fs::write(&file, b"(format: 5, id: \"x\")").unwrap();
        assert!(matches!(
            read_share(&file, &mine),
            Err(ShareError::NotAShare(_))
        ));
        assert!(matches!(recipient("age1nej"), Err(ShareError::BadKey)));
    }
}
