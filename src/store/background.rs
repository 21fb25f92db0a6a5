//! The store's work off the screen's thread, so a key is never kept waiting for the disk:
//! one writer saves sessions in the order they were asked for (a later save never lands
//! before an earlier one), and one lister reads the folder. Results come back through a
//! callback, which the runtime turns into messages.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use super::sessions::{Listed, Saved, SessionLock, Store, StoreError};
use crate::core::forloeb::Forloeb;
use crate::core::session::Session;

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

/// The handle the runtime keeps.
pub struct Background {
    writer: Sender<Job>,
    lister: Sender<()>,
}

type Notify = Arc<dyn Fn(Done) + Send + Sync>;

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
        thread::spawn(move || write_in_order(store2, jobs, notify2));
        thread::spawn(move || list_on_request(store, requests, notify));
        Background { writer, lister }
    }

    /// Saves go with this session's lock from now on.
    pub fn adopt(&self, lock: SessionLock) {
        let _ = self.writer.send(Job::Adopt(lock));
    }

    /// Saves this version of the open session. A new session without a file gets its file
    /// (and its lock) with its first save.
    pub fn save(&self, session: Session, revision: u64) {
        let job = Job::Save {
            session: Box::new(session),
            revision,
        };
        let _ = self.writer.send(job);
    }

    /// Lets the open session's lock go once its saves are done.
    pub fn release(&self) {
        let _ = self.writer.send(Job::Release);
    }

    /// Reads the folder again; requests that pile up while a listing runs make one more.
    pub fn list(&self) {
        let _ = self.lister.send(());
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
