//! The store's work off the screen's thread, so a key is never kept waiting for the disk:
//! one writer saves sessions in the order they were asked for (a later save never lands
//! before an earlier one), and one lister reads the folder. Results come back through a
//! callback, which the runtime turns into messages.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use chrono::{DateTime, FixedOffset};

use super::sessions::{Listed, Saved, SessionLock, Store, StoreError};
use crate::core::forloeb::Forloeb;
use crate::core::retention::{self, Offer};
use crate::core::session::Session;
use crate::texts::store as t;

/// Everything the folder holds, as the lists show it.
pub struct Listing {
    pub sessions: Vec<Listed>,
    pub forloeb: Vec<Forloeb>,
    pub forloeb_damaged: Vec<(PathBuf, String)>,
}

/// What came of a piece of background work.
pub enum Done {
    Saved {
        id: String,
        /// The session's revision that was saved.
        revision: u64,
        result: Result<Saved, StoreError>,
    },
    /// The open session's lock has been let go (after all its saves).
    Released,
    Listed(Listing),
}

enum Job {
    /// From now on saves are of this session, which holds this lock.
    Adopt(SessionLock),
    Save {
        session: Box<Session>,
        revision: u64,
    },
    /// The session is closed: let its lock go.
    Release,
}

/// The handle the runtime keeps. Dropped, it waits for the writer and the lister to finish
/// what they were asked, so the folder is let go of (and its hold removed) before the
/// program ends.
pub struct Background {
    writer: Option<Sender<Job>>,
    lister: Option<Sender<()>>,
    threads: Vec<thread::JoinHandle<()>>,
}

impl Drop for Background {
    fn drop(&mut self) {
        self.writer = None;
        self.lister = None;
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

type Notify = Arc<dyn Fn(Done) + Send + Sync>;

impl Listing {
    /// The closed courses and loose sessions untouched since `cutoff` (see
    /// [`retention::offer`]).
    pub fn retention_offer(&self, cutoff: DateTime<FixedOffset>) -> Offer {
        let sessions: Vec<retention::Session> = self
            .sessions
            .iter()
            .filter_map(|l| match l {
                Listed::Session(s) => Some(retention::Session {
                    id: &s.id,
                    forloeb: &s.forloeb,
                    updated: s.updated,
                    closed: s.closed,
                }),
                Listed::Damaged { .. } => None,
            })
            .collect();
        let courses: Vec<retention::Course> = self
            .forloeb
            .iter()
            .map(|f| retention::Course {
                id: &f.id,
                touched: f
                    .log
                    .iter()
                    .map(|e| e.written)
                    .fold(f.created, DateTime::max),
            })
            .collect();
        retention::offer(&sessions, &courses, cutoff)
    }

    /// What an offer holds, a line each, as a confirmation names it.
    pub fn describe(&self, offer: &Offer) -> Vec<String> {
        let summary = |id: &str| {
            self.sessions.iter().find_map(|l| match l {
                Listed::Session(s) if s.id == id => Some(s),
                _ => None,
            })
        };
        let courses = offer.forloeb.iter().filter_map(|id| {
            let f = self.forloeb.iter().find(|f| &f.id == id)?;
            let count = self
                .sessions
                .iter()
                .filter(|l| matches!(l, Listed::Session(s) if s.forloeb == *id))
                .count();
            Some(t::forloeb_goes(&f.label, count, f.log.len()))
        });
        let sessions = offer
            .sessions
            .iter()
            .filter_map(|id| summary(id))
            .map(|s| t::session_goes(&s.id, &s.label, s.updated));
        courses.chain(sessions).collect()
    }
}

impl Store {
    /// The sessions and forløb as the lists show them.
    pub fn listing(&self) -> Listing {
        let sessions = self.list();
        let (forloeb, forloeb_damaged) = self.list_forloeb();
        Listing {
            sessions,
            forloeb,
            forloeb_damaged,
        }
    }
}

impl Background {
    /// Starts the writer and the lister over `store`; `notify` is called with each result,
    /// from their threads.
    pub fn start(store: Store, notify: impl Fn(Done) + Send + Sync + 'static) -> Background {
        let notify: Notify = Arc::new(notify);
        let (writer, jobs) = channel();
        let (lister, requests) = channel();
        let (store2, notify2) = (store.clone(), notify.clone());
        let threads = vec![
            thread::spawn(move || write_in_order(store2, jobs, notify2)),
            thread::spawn(move || list_on_request(store, requests, notify)),
        ];
        Background {
            writer: Some(writer),
            lister: Some(lister),
            threads,
        }
    }

    fn send(&self, job: Job) {
        if let Some(writer) = &self.writer {
            let _ = writer.send(job);
        }
    }

    /// Saves go with this session's lock from now on.
    pub fn adopt(&self, lock: SessionLock) {
        self.send(Job::Adopt(lock));
    }

    /// Saves this version of the open session. A new session without a file gets its file
    /// (and its lock) with its first save.
    pub fn save(&self, session: Session, revision: u64) {
        let job = Job::Save {
            session: Box::new(session),
            revision,
        };
        self.send(job);
    }

    /// Lets the open session's lock go once its saves are done.
    pub fn release(&self) {
        self.send(Job::Release);
    }

    /// Reads the folder again; requests that pile up while a listing runs make one more.
    pub fn list(&self) {
        if let Some(lister) = &self.lister {
            let _ = lister.send(());
        }
    }
}

fn write_in_order(store: Store, jobs: Receiver<Job>, notify: Notify) {
    let mut lock: Option<SessionLock> = None;
    for job in jobs {
        match job {
            Job::Adopt(adopted) => lock = Some(adopted),
            Job::Release => {
                lock = None;
                notify(Done::Released);
            }
            Job::Save { session, revision } => {
                let result = save(&store, &mut lock, &session);
                notify(Done::Saved {
                    id: session.id.clone(),
                    revision,
                    result,
                });
            }
        }
    }
}

fn save(
    store: &Store,
    lock: &mut Option<SessionLock>,
    session: &Session,
) -> Result<Saved, StoreError> {
    if lock.as_ref().is_none_or(|l| l.id() != session.id) {
        *lock = Some(store.reserve(&session.id)?);
    }
    match lock {
        Some(lock) => store.save(session, lock),
        None => Err(StoreError::WrongLock {
            id: session.id.clone(),
        }),
    }
}

fn list_on_request(store: Store, requests: Receiver<()>, notify: Notify) {
    while requests.recv().is_ok() {
        while requests.try_recv().is_ok() {}
        notify(Done::Listed(store.listing()));
    }
}
