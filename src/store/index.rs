//! The listing cache (`.index`): a summary of every session file with the stamp it was read
//! at, so a folder of 100,000 sessions lists by reading one file and looking at the others'
//! sizes and times, instead of parsing them all.
//!
//! It is an append-only log. Each record is `length | crc32 | body` (little-endian u32s,
//! the body in postcard), and the last record for a file wins. One changed session appends
//! one small record; the log is written anew, atomically, when it holds more than twice as
//! many records as there are files, and when a file is gone (a deleted session leaves
//! nothing behind in it). A torn or corrupt record ends the reading: it is only a cache,
//! and what it lacks is read from the files again. An entry is used only while the file's
//! stamp is the one recorded and the file's name is the one the summary's id gives, so a
//! stale or forged entry cannot show or open one session as another.
//!
//! In an encrypted folder the log is one encrypted file too: the records appended at once
//! are sealed together as one frame (`length | age file`), and the log is written anew as
//! one frame when it has more than a few, so listing 100,000 sessions costs a handful of
//! decryptions, not one per session.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use foldhash::HashMap;
use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::files::{MAX_INDEX, Stamp, owner_only_file, read_regular};
use super::sessions::Summary;
use super::vault::Sealing;
use crate::core::session::Status;

/// The first bytes of the log; another version of the records is not read.
const MAGIC: &[u8; 8] = b"vfindex6";
/// The first bytes of an encrypted folder's log.
const SEALED_MAGIC: &[u8; 8] = b"vfindexB";
/// An encrypted log with more frames than this is written anew as one.
const MAX_FRAMES: usize = 32;

/// One file's entry: its stamp when the summary was read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub stamp: Stamp,
    pub summary: Summary,
}

#[derive(Serialize, Deserialize)]
struct Record {
    /// The file's name in the folder.
    name: String,
    /// `None`: the file is gone.
    entry: Option<Stored>,
}

/// An entry as the log holds it: times as numbers, which read many times faster than text.
#[derive(Serialize, Deserialize)]
struct Stored {
    stamp: Stamp,
    id: String,
    tool: String,
    status: Status,
    label: String,
    created: Time,
    updated: Time,
    forloeb: String,
    /// Days since 1 January of year 1 (chrono's count).
    follow_up: Option<i32>,
    closed: bool,
    shared_by: Option<String>,
}

/// Seconds since 1970, nanoseconds, and the offset from UTC in seconds.
#[derive(Serialize, Deserialize)]
struct Time(i64, u32, i32);

impl From<DateTime<FixedOffset>> for Time {
    fn from(t: DateTime<FixedOffset>) -> Time {
        Time(
            t.timestamp(),
            t.timestamp_subsec_nanos(),
            t.offset().local_minus_utc(),
        )
    }
}

impl Time {
    fn to_date_time(&self) -> Option<DateTime<FixedOffset>> {
        let offset = FixedOffset::east_opt(self.2)?;
        Some(DateTime::from_timestamp(self.0, self.1)?.with_timezone(&offset))
    }
}

impl From<&Entry> for Stored {
    fn from(entry: &Entry) -> Stored {
        let s = &entry.summary;
        Stored {
            stamp: entry.stamp,
            id: s.id.clone(),
            tool: s.tool.clone(),
            status: s.status,
            label: s.label.clone(),
            created: s.created.into(),
            updated: s.updated.into(),
            forloeb: s.forloeb.clone(),
            follow_up: s.follow_up.map(|d| d.num_days_from_ce()),
            closed: s.closed,
            shared_by: s.shared_by.clone(),
        }
    }
}

impl Stored {
    fn into_entry(self) -> Option<Entry> {
        Some(Entry {
            stamp: self.stamp,
            summary: Summary {
                created: self.created.to_date_time()?,
                updated: self.updated.to_date_time()?,
                follow_up: match self.follow_up {
                    Some(days) => Some(NaiveDate::from_num_days_from_ce_opt(days)?),
                    None => None,
                },
                id: self.id,
                tool: self.tool,
                status: self.status,
                label: self.label,
                forloeb: self.forloeb,
                closed: self.closed,
                shared_by: self.shared_by,
            },
        })
    }
}

pub(crate) struct Index {
    path: PathBuf,
    sealing: Sealing,
    entries: HashMap<String, Entry>,
    /// Records in the log, live or not.
    records: usize,
    /// Sealed frames in an encrypted log.
    frames: usize,
    /// Whether the log on disk is usable to append to.
    appendable: bool,
}

impl Index {
    /// Reads the log at `path`; a missing, foreign or damaged log gives what could be read.
    pub fn load(path: &Path, sealing: Sealing) -> Index {
        let mut index = Index {
            path: path.to_path_buf(),
            sealing,
            entries: HashMap::default(),
            records: 0,
            frames: 0,
            appendable: false,
        };
        let Ok(bytes) = read_regular(path, MAX_INDEX) else {
            return index;
        };
        if !index.sealing.is_sealed() {
            if let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) {
                // A torn tail: appending after it would hide the records that follow.
                index.appendable = index.read_records(rest);
            }
            return index;
        }
        let Some(mut rest) = bytes.strip_prefix(SEALED_MAGIC.as_slice()) else {
            return index;
        };
        index.appendable = true;
        while !rest.is_empty() {
            let frame = next_frame(rest).and_then(|(frame, after)| {
                let plain = index.sealing.decode(frame.to_vec()).ok()?;
                Some((plain, after))
            });
            let Some((plain, after)) = frame else {
                index.appendable = false;
                break;
            };
            index.frames += 1;
            if !index.read_records(&plain) {
                index.appendable = false;
                break;
            }
            rest = after;
        }
        index
    }

    /// Takes in the records of `bytes`; returns whether they were all whole.
    fn read_records(&mut self, mut rest: &[u8]) -> bool {
        while let Some((record, after)) = next_record(rest) {
            self.records += 1;
            match record.entry.and_then(Stored::into_entry) {
                Some(entry) => self.entries.insert(record.name, entry),
                None => self.entries.remove(&record.name),
            };
            rest = after;
        }
        rest.is_empty()
    }

    /// The entry for a file, if it is the file as it is now (`stamp`) and names it.
    pub fn get(&self, name: &str, stamp: &Stamp) -> Option<&Summary> {
        let entry = self.entries.get(name)?;
        (entry.stamp == *stamp && self.sealing.file_name(&entry.summary.id) == name)
            .then_some(&entry.summary)
    }

    /// The names that have entries.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.entries.keys()
    }

    /// Takes a file's summary out, after the last [`Index::record`]: what is left is only
    /// good for knowing the name.
    pub fn take(&mut self, name: &str) -> Option<Summary> {
        let entry = self.entries.get_mut(name)?;
        Some(std::mem::replace(
            &mut entry.summary,
            Summary::placeholder(),
        ))
    }

    /// Records changes: a new entry for a file, or `None` for a file that is gone. Appends
    /// them to the log, or writes it anew when `anew` or when it has grown twice the size
    /// it needs.
    pub fn record(&mut self, changes: Vec<(String, Option<Entry>)>, anew: bool) -> io::Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let mut appended = Vec::new();
        for (name, entry) in changes {
            encode(
                &Record {
                    name: name.clone(),
                    entry: entry.as_ref().map(Stored::from),
                },
                &mut appended,
            )?;
            self.records += 1;
            match entry {
                Some(entry) => self.entries.insert(name, entry),
                None => self.entries.remove(&name),
            };
        }
        let small = self.records <= 2 * self.entries.len().max(16) && self.frames < MAX_FRAMES;
        if self.appendable && small && !anew {
            let bytes = self.frame(appended)?;
            let mut file = owner_only_file(OpenOptions::new().append(true)).open(&self.path)?;
            file.write_all(&bytes)?;
            self.frames += 1;
            return Ok(());
        }
        self.compact()
    }

    /// Records as they go into the log: as they are, or sealed in a frame.
    fn frame(&self, records: Vec<u8>) -> io::Result<Vec<u8>> {
        if !self.sealing.is_sealed() {
            return Ok(records);
        }
        let sealed = self.sealing.encode(&records)?;
        let len = u32::try_from(sealed.len()).map_err(io::Error::other)?;
        let mut frame = len.to_le_bytes().to_vec();
        frame.extend_from_slice(&sealed);
        Ok(frame)
    }

    /// The names of files whose entries are gone from the log, rewritten without them.
    pub fn forget(&mut self, names: &[String]) -> io::Result<()> {
        for name in names {
            self.entries.remove(name);
        }
        self.compact()
    }

    /// Writes the log anew with one record per file (one frame, when encrypted).
    fn compact(&mut self) -> io::Result<()> {
        let mut records = Vec::new();
        let mut names: Vec<&String> = self.entries.keys().collect();
        names.sort();
        for name in names {
            encode(
                &Record {
                    name: name.clone(),
                    entry: self.entries.get(name).map(Stored::from),
                },
                &mut records,
            )?;
        }
        let magic = if self.sealing.is_sealed() {
            SEALED_MAGIC
        } else {
            MAGIC
        };
        let mut bytes = magic.to_vec();
        bytes.extend(self.frame(records)?);
        write_atomic(&self.path, &bytes, true)?;
        self.records = self.entries.len();
        self.frames = 1;
        self.appendable = true;
        Ok(())
    }
}

fn encode(record: &Record, out: &mut Vec<u8>) -> io::Result<()> {
    let body = postcard::to_stdvec(record).map_err(io::Error::other)?;
    let len = u32::try_from(body.len()).map_err(io::Error::other)?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(())
}

/// The sealed frame at the start of `bytes` and what follows it, if it is whole.
fn next_frame(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = u32::from_le_bytes(bytes.get(0..4)?.try_into().ok()?) as usize;
    let frame = bytes.get(4..4usize.checked_add(len)?)?;
    Some((frame, &bytes[4 + len..]))
}

/// The record at the start of `bytes` and what follows it, if it is whole and intact.
fn next_record(bytes: &[u8]) -> Option<(Record, &[u8])> {
    let len = u32::from_le_bytes(bytes.get(0..4)?.try_into().ok()?) as usize;
    let crc = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?);
    let body = bytes.get(8..8usize.checked_add(len)?)?;
    if crc32fast::hash(body) != crc {
        return None;
    }
    let record = postcard::from_bytes(body).ok()?;
    Some((record, &bytes[8 + len..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Status;

    fn summary(id: &str) -> Summary {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap();
        Summary {
            id: id.into(),
            tool: "screening".into(),
            status: Status::Draft,
            label: "æøå".into(),
            created: at,
            updated: at,
            forloeb: String::new(),
            follow_up: None,
            closed: false,
            shared_by: Some("AMR Karin".into()),
        }
    }

    fn stamp(n: u64) -> Stamp {
        Stamp {
            len: n,
            modified: n,
            inode: n,
        }
    }

    fn put(name: &str, n: u64) -> (String, Option<Entry>) {
        let id = name.trim_end_matches(".ron");
        let entry = Entry {
            stamp: stamp(n),
            summary: summary(id),
        };
        (name.into(), Some(entry))
    }

    #[test]
    fn records_are_appended_and_the_last_one_wins() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".index");
        let mut index = Index::load(&path, Sealing::default());
        index
            .record(vec![put("a.ron", 1), put("b.ron", 2)], false)
            .unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        index.record(vec![put("a.ron", 3)], false).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() > size, "appended");
        index.record(vec![("b.ron".into(), None)], false).unwrap();
        let read = Index::load(&path, Sealing::default());
        assert_eq!(
            read.get("a.ron", &stamp(3)).map(|s| s.id.as_str()),
            Some("a")
        );
        assert!(
            read.get("a.ron", &stamp(1)).is_none(),
            "a stale stamp is not used"
        );
        assert!(read.names().all(|n| n != "b.ron"));
    }

    #[test]
    fn a_torn_tail_is_ignored_and_the_log_written_anew() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".index");
        let mut index = Index::load(&path, Sealing::default());
        index.record(vec![put("a.ron", 1)], false).unwrap();
        index.record(vec![put("b.ron", 2)], false).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        let mut read = Index::load(&path, Sealing::default());
        assert!(read.get("a.ron", &stamp(1)).is_some());
        assert!(read.get("b.ron", &stamp(2)).is_none());
        read.record(vec![put("c.ron", 3)], false).unwrap();
        let again = Index::load(&path, Sealing::default());
        assert!(again.get("a.ron", &stamp(1)).is_some());
        assert!(again.get("c.ron", &stamp(3)).is_some());
    }

    #[test]
    fn an_entry_naming_another_session_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".index");
        let mut index = Index::load(&path, Sealing::default());
        let forged = Entry {
            stamp: stamp(1),
            summary: summary("other"),
        };
        index
            .record(vec![("a.ron".into(), Some(forged))], false)
            .unwrap();
        assert!(
            Index::load(&path, Sealing::default())
                .get("a.ron", &stamp(1))
                .is_none()
        );
    }

    #[test]
    fn an_encrypted_log_holds_no_label_and_stays_a_few_frames() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".index");
        let sealing = Sealing::sealed(crate::store::vault::Vault::generate());
        let mut index = Index::load(&path, sealing.clone());
        let name = |id: &str| sealing.file_name(id);
        let put = |id: &str, n: u64| {
            let entry = Entry {
                stamp: stamp(n),
                summary: summary(id),
            };
            (name(id), Some(entry))
        };
        for n in 0..100 {
            index.record(vec![put("a", n)], false).unwrap();
        }
        index.record(vec![put("b", 1)], false).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("screening"));
        let read = Index::load(&path, sealing.clone());
        assert!(read.frames <= MAX_FRAMES, "{}", read.frames);
        assert!(read.get(&name("a"), &stamp(99)).is_some());
        assert!(read.get(&name("b"), &stamp(1)).is_some());
        // Another key reads nothing, and a plain reading neither.
        let other = Sealing::sealed(crate::store::vault::Vault::generate());
        assert!(Index::load(&path, other).entries.is_empty());
        assert!(Index::load(&path, Sealing::default()).entries.is_empty());
    }

    #[test]
    fn the_log_is_compacted_when_it_grows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".index");
        let mut index = Index::load(&path, Sealing::default());
        for n in 0..200 {
            index.record(vec![put("a.ron", n)], false).unwrap();
        }
        assert!(index.records <= 2 * 16 + 1, "{}", index.records);
        assert!(
            Index::load(&path, Sealing::default())
                .get("a.ron", &stamp(199))
                .is_some()
        );
    }
}
