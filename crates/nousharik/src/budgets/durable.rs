//! Durable ballots on SQLite without one disk flush per ballot: a group flush of the
//! write-ahead log after commit.
//!
//! The platform runs SQLite in WAL mode with `synchronous = NORMAL`: a committed transaction
//! survives a crash of the process but not a power cut, because the log is flushed to disk
//! only at checkpoints. A ballot whose receipt has been shown to the voter must not vanish, so
//! [`store::cast`](super::store::cast) calls [`flush`] after its commit and before returning
//! the receipt: the log file is flushed (`fdatasync`) and only then is the voter answered.
//!
//! One flush takes a few milliseconds on this kind of disk (about 3 ms here), so one flush per
//! ballot would cap voting near 300 ballots a second. Flushes are shared instead (group
//! commit): each caller takes a ticket after its commit; a flush that starts after a ticket
//! was taken covers that ticket's commit (the log is append-only between checkpoints, and a
//! checkpoint flushes the database file before the log is reused). Callers that arrive while a
//! flush runs wait for it and then need at most one more. Each ballot is still its own
//! committed transaction; what is shared is the disk flush.
//!
//! PostgreSQL flushes its own log at commit (`synchronous_commit = on`): nothing to do there.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::platform::db::{Backend, Db};

/// The group flush of one SQLite database file's log.
#[derive(Debug)]
struct WalFlush {
    /// `<database>-wal`; `None` for a database without a file (in memory).
    wal: Option<PathBuf>,
    /// Tickets handed out (one per commit waiting to be flushed).
    taken: AtomicU64,
    /// Every ticket up to this one is on disk.
    flushed: AtomicU64,
    /// Held while a flush runs.
    running: tokio::sync::Mutex<()>,
}

impl WalFlush {
    async fn flush(&self) -> std::io::Result<()> {
        let Some(wal) = &self.wal else {
            return Ok(());
        };
        let ticket = self.taken.fetch_add(1, Ordering::SeqCst) + 1;
        let _running = self.running.lock().await;
        if self.flushed.load(Ordering::SeqCst) >= ticket {
            // A flush that started after our commit has finished meanwhile.
            return Ok(());
        }
        // Every ticket taken so far belongs to a commit that is already in the log.
        let upto = self.taken.load(Ordering::SeqCst);
        let wal = wal.clone();
        tokio::task::spawn_blocking(move || flush_file(&wal))
            .await
            .map_err(std::io::Error::other)??;
        self.flushed.fetch_max(upto, Ordering::SeqCst);
        Ok(())
    }
}

fn flush_file(wal: &std::path::Path) -> std::io::Result<()> {
    match std::fs::File::open(wal) {
        Ok(f) => f.sync_data(),
        // No log file: the last connection closed and checkpointed it into the database
        // file, which SQLite flushed after the checkpoint.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// One [`WalFlush`] per database URL, for the life of the process.
fn registry() -> &'static Mutex<HashMap<String, Arc<WalFlush>>> {
    static REGISTRY: OnceLock<Mutex<HashMap<String, Arc<WalFlush>>>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(HashMap::new()))
}

async fn wal_flush_of(db: &Db) -> Result<Arc<WalFlush>, sqlx::Error> {
    let url = db.pool().connect_options().database_url.to_string();
    if let Some(f) = registry()
        .lock()
        .map_err(|_| sqlx::Error::Protocol("WAL flush registry poisoned".into()))?
        .get(&url)
    {
        return Ok(f.clone());
    }
    // SQLite names the file it opened (empty for an in-memory database).
    let file: String = db
        .query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
        .fetch_one(db.pool())
        .await?;
    let entry = Arc::new(WalFlush {
        wal: (!file.is_empty()).then(|| PathBuf::from(format!("{file}-wal"))),
        taken: AtomicU64::new(0),
        flushed: AtomicU64::new(0),
        running: tokio::sync::Mutex::new(()),
    });
    let mut map = registry()
        .lock()
        .map_err(|_| sqlx::Error::Protocol("WAL flush registry poisoned".into()))?;
    Ok(map.entry(url).or_insert(entry).clone())
}

/// Makes every transaction committed on `db` before this call durable (on disk), sharing
/// the disk flush with concurrent callers. Nothing to do on PostgreSQL.
pub async fn flush(db: &Db) -> Result<(), sqlx::Error> {
    if db.backend() != Backend::Sqlite {
        return Ok(());
    }
    wal_flush_of(db)
        .await?
        .flush()
        .await
        .map_err(sqlx::Error::Io)
}
