//! The keys of an encrypted data folder, in the age format (age-encryption.org/v1).
//!
//! - A random X25519 store key encrypts every file of the folder: one fast key agreement
//!   and an authenticated stream cipher per file, so a file changed outside the program
//!   does not decrypt and is reported as damaged.
//! - The store key lives in `store.key`, encrypted with the passphrase by age's scrypt
//!   recipient: unlocking costs one scrypt (about a second, by design), and a new
//!   passphrase only rewraps the key.
//! - File names are a keyed hash of the id ([`Vault::name`]), so they say nothing about
//!   which tool, time or person a file is about.

use std::io;
use std::path::Path;
use std::sync::Arc;

use age::secrecy::{ExposeSecret, SecretString};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::atomic::write_atomic;
use super::files::{MAX_FILE, ReadError, read_regular};

/// The key file's name in the data folder.
pub(crate) const KEY_FILE: &str = "store.key";
/// The extension of an encrypted file.
pub(crate) const SEALED: &str = "age";
/// The scrypt work factor the key is wrapped with (N = 2^18, 256 MiB: about a second on
/// an ordinary PC, as age itself aims for). Fixed rather than measured, as age would by
/// default: measured on a fast or idle machine, it could be refused on a slower or busy one.
pub(crate) const WORK_FACTOR: u8 = 18;
/// The highest work factor a key file may ask for: ours, with room, but not so high that a
/// planted key file could keep the program busy for hours.
pub(crate) const MAX_WORK_FACTOR: u8 = 21;

/// The store key, and what is derived from it.
pub(crate) struct Vault {
    identity: age::x25519::Identity,
    recipient: age::x25519::Recipient,
    /// The key of the hash that names files.
    names: [u8; 32],
}

/// Why a key file was not unlocked.
#[derive(Debug)]
pub(crate) enum KeyError {
    Missing,
    /// The passphrase does not open it.
    WrongPassphrase,
    Io(io::Error),
    /// Not a key file of this program.
    Damaged(String),
}

impl Vault {
    /// A new random store key.
    pub fn generate() -> Vault {
        Vault::from_identity(age::x25519::Identity::generate())
    }

    fn from_identity(identity: age::x25519::Identity) -> Vault {
        let secret = identity.to_string();
        // The naming key is the store key's own hash under a label of its own, so it is
        // known exactly to whoever holds the store key.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(b"vejen-frem file names")
            .unwrap_or_else(|_| unreachable_hmac());
        mac.update(secret.expose_secret().as_bytes());
        let names = mac.finalize().into_bytes().into();
        Vault {
            recipient: identity.to_public(),
            identity,
            names,
        }
    }

    /// Reads and unwraps the key file with the passphrase (one scrypt).
    pub fn unlock(path: &Path, passphrase: &str) -> Result<Vault, KeyError> {
        let bytes = read_regular(path, MAX_FILE).map_err(|e| match e {
            ReadError::Missing => KeyError::Missing,
            ReadError::Io(e) => KeyError::Io(e),
            ReadError::NotAFile => KeyError::Damaged(crate::texts::store::NOT_A_FILE.into()),
            ReadError::TooLarge(len) => KeyError::Damaged(crate::texts::store::too_large(len)),
        })?;
        let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        let plain = age::decrypt(&identity, &bytes).map_err(|e| match e {
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::NoMatchingKeys => KeyError::WrongPassphrase,
            other => KeyError::Damaged(other.to_string()),
        })?;
        let text = String::from_utf8(plain)
            .map_err(|_| KeyError::Damaged(crate::texts::store::KEY_NOT_A_KEY.into()))?;
        let identity: age::x25519::Identity = text
            .trim()
            .parse()
            .map_err(|_| KeyError::Damaged(crate::texts::store::KEY_NOT_A_KEY.into()))?;
        Ok(Vault::from_identity(identity))
    }

    /// Writes the store key to `path`, wrapped with the passphrase (one scrypt), atomically.
    pub fn write_key(&self, path: &Path, passphrase: &str) -> io::Result<()> {
        let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
        recipient.set_work_factor(WORK_FACTOR);
        let secret = self.identity.to_string();
        let wrapped = age::encrypt(&recipient, secret.expose_secret().as_bytes())
            .map_err(io::Error::other)?;
        write_atomic(path, &wrapped, true)
    }

    /// Encrypts a file's bytes to the store key.
    pub fn seal(&self, plain: &[u8]) -> io::Result<Vec<u8>> {
        age::encrypt(&self.recipient, plain).map_err(io::Error::other)
    }

    /// Decrypts a file's bytes; an error says why it cannot be (changed or damaged).
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, String> {
        age::decrypt(&self.identity, sealed).map_err(|_| crate::texts::store::NOT_DECRYPTED.into())
    }

    /// The opaque file name (without extension) of what `id` names: 32 hex digits of a
    /// keyed hash, the same every time.
    pub fn name(&self, id: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.names)
            .unwrap_or_else(|_| unreachable_hmac());
        mac.update(id.as_bytes());
        let hash = mac.finalize().into_bytes();
        hash.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }
}

/// How the files of a folder are written: plain RON, or sealed to the store key with opaque
/// names. The store, the listing cache and the forløb files all go through this, so none of
/// them writes a byte or a name of its own that could give a person away.
#[derive(Clone, Default)]
pub(crate) struct Sealing(Option<Arc<Vault>>);

impl Sealing {
    pub fn sealed(vault: Vault) -> Sealing {
        Sealing(Some(Arc::new(vault)))
    }

    pub fn is_sealed(&self) -> bool {
        self.0.is_some()
    }

    /// The extension of the folder's files.
    pub fn ext(&self) -> &'static str {
        if self.is_sealed() { SEALED } else { "ron" }
    }

    /// A file's name without extension: the id itself, or its opaque name.
    pub fn stem(&self, id: &str) -> String {
        match &self.0 {
            Some(vault) => vault.name(id),
            None => id.to_string(),
        }
    }

    /// The file name of what `id` names.
    pub fn file_name(&self, id: &str) -> String {
        format!("{}.{}", self.stem(id), self.ext())
    }

    /// Whether `name` is a file of this kind of folder (not hidden, the right extension).
    pub fn is_file_name(&self, name: &str) -> bool {
        !name.starts_with('.')
            && name
                .strip_suffix(self.ext())
                .is_some_and(|stem| stem.ends_with('.'))
    }

    pub fn encode(&self, plain: &[u8]) -> io::Result<Vec<u8>> {
        match &self.0 {
            Some(vault) => vault.seal(plain),
            None => Ok(plain.to_vec()),
        }
    }

    pub fn decode(&self, bytes: Vec<u8>) -> Result<Vec<u8>, String> {
        match &self.0 {
            Some(vault) => vault.open(&bytes),
            None => Ok(bytes),
        }
    }
}

/// HMAC takes keys of any length, so making one cannot fail.
fn unreachable_hmac() -> Hmac<Sha256> {
    unreachable!("HMAC accepts keys of every length")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_sealed_opens_and_a_changed_one_does_not() {
        let vault = Vault::generate();
        let sealed = vault.seal(b"Gulvvask").unwrap();
        assert!(!sealed.windows(8).any(|w| w == b"Gulvvask"));
        assert_eq!(vault.open(&sealed).unwrap(), b"Gulvvask");
        let mut changed = sealed.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert!(vault.open(&changed).is_err());
        assert!(Vault::generate().open(&sealed).is_err(), "another key");
    }

    #[test]
    fn names_are_opaque_stable_and_the_store_keys_own() {
        let vault = Vault::generate();
        let name = vault.name("20261122-101200-screening-00ab");
        assert_eq!(name.len(), 32);
        assert!(!name.contains("screening"));
        assert_eq!(name, vault.name("20261122-101200-screening-00ab"));
        assert_ne!(
            name,
            Vault::generate().name("20261122-101200-screening-00ab")
        );
    }

    #[test]
    fn the_key_file_opens_with_its_passphrase_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE);
        let vault = Vault::generate();
        vault
            .write_key(&path, "korrekt hest batteri hæfteklamme")
            .unwrap();
        let sealed = vault.seal(b"svar").unwrap();
        let again = Vault::unlock(&path, "korrekt hest batteri hæfteklamme").unwrap();
        assert_eq!(again.open(&sealed).unwrap(), b"svar");
        assert_eq!(again.name("a"), vault.name("a"));
        assert!(matches!(
            Vault::unlock(&path, "forkert"),
            Err(KeyError::WrongPassphrase)
        ));
        assert!(matches!(
            Vault::unlock(&dir.path().join("none"), "x"),
            Err(KeyError::Missing)
        ));
    }
}
