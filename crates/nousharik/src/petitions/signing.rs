//! Online signatures are written by one writer task with group commit: the signatures that
//! arrive while a commit is on disk are written together in the next transaction, each in its
//! own savepoint (a refused one — already signed, petition closed — does not touch the others),
//! and every signer is answered only after the transaction holding their signature committed.
//!
//! Why: on SQLite a durable commit (`synchronous = FULL`: the write-ahead log is flushed to disk
//! before `COMMIT` returns) costs one `fsync`, a few milliseconds on ordinary disks, and only one
//! writer can hold the lock at a time. One commit per signature would cap signing at a few
//! hundred per second and make concurrent signers sleep in SQLite's busy handler. Sharing each
//! `fsync` between all waiting signers keeps every acknowledged signature durable (nothing is
//! acknowledged before its commit) while the throughput grows with the load. PostgreSQL gets the
//! same batches (its commits are durable by default).

use std::sync::OnceLock;

use sqlx::{Acquire, Connection, Executor};
use tokio::sync::{mpsc, oneshot};

use super::store::{self, NewSignature, SignError};
use crate::platform::db::{Backend, Db};

/// Most signatures written in one transaction.
pub const MAX_BATCH: usize = 256;

/// Signatures waiting for the writer; beyond this, signers wait to be queued (back-pressure).
const QUEUE: usize = 4096;

struct Job {
    signature: NewSignature,
    reply: oneshot::Sender<Result<i64, SignError>>,
}

/// The handle to the writer task of one database; cheap to share (in `AppState`).
#[derive(Debug, Default)]
pub struct SignatureWriter {
    sender: OnceLock<mpsc::Sender<Job>>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("petition_id", &self.signature.petition_id)
            .finish_non_exhaustive()
    }
}

impl SignatureWriter {
    /// A writer; its task starts on first use (inside the server's runtime).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an online signature and returns its id once its transaction has committed.
    /// The same rules as [`store::add_signature`]: only while the petition is open, once per
    /// account and per CIN.
    pub async fn add(&self, db: &Db, signature: NewSignature) -> Result<i64, SignError> {
        let sender = self.sender.get_or_init(|| spawn(db.clone()));
        let (reply, answer) = oneshot::channel();
        let job = Job { signature, reply };
        if sender.send(job).await.is_err() {
            return Err(writer_gone());
        }
        answer.await.unwrap_or_else(|_| Err(writer_gone()))
    }
}

fn writer_gone() -> SignError {
    SignError::Store(store::StoreError::Corrupt(
        "the signature writer stopped".into(),
    ))
}

fn spawn(db: Db) -> mpsc::Sender<Job> {
    let (sender, mut receiver) = mpsc::channel::<Job>(QUEUE);
    tokio::spawn(async move {
        let mut batch = Vec::with_capacity(MAX_BATCH);
        while let Some(first) = receiver.recv().await {
            batch.push(first);
            while batch.len() < MAX_BATCH {
                match receiver.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            write_batch(&db, &mut batch).await;
        }
    });
    sender
}

/// Writes one batch and answers every signer in it.
async fn write_batch(db: &Db, batch: &mut Vec<Job>) {
    let mut results = Vec::with_capacity(batch.len());
    let outcome = commit_batch(db, batch, &mut results).await;
    let mut results = results.into_iter();
    for job in batch.drain(..) {
        let answer = match &outcome {
            // Committed: each signer gets their own result.
            Ok(()) => results.next().unwrap_or_else(|| Err(writer_gone())),
            // Nothing of the batch is stored: every signer is told it failed.
            Err(e) => Err(SignError::Store(store::StoreError::Corrupt(format!(
                "signature batch not committed: {e}"
            )))),
        };
        let _ = job.reply.send(answer);
    }
}

async fn commit_batch(
    db: &Db,
    batch: &[Job],
    results: &mut Vec<Result<i64, SignError>>,
) -> Result<(), sqlx::Error> {
    let mut conn = db.pool().acquire().await?;
    let sqlite = db.backend() == Backend::Sqlite;
    if sqlite {
        // The write-ahead log is flushed to disk before COMMIT returns.
        conn.execute("PRAGMA synchronous = FULL").await?;
    }
    let result = async {
        let mut tx = if sqlite {
            conn.begin_with("BEGIN IMMEDIATE").await?
        } else {
            conn.begin().await?
        };
        for job in batch {
            let mut savepoint = tx.begin().await?;
            match store::insert_online_signature(db, &mut savepoint, &job.signature).await {
                Ok(id) => {
                    savepoint.commit().await?;
                    results.push(Ok(id));
                }
                Err(e) => {
                    savepoint.rollback().await?;
                    results.push(Err(e));
                }
            }
        }
        tx.commit().await
    }
    .await;
    if sqlite {
        // Back to the pool's setting for the other requests that will use this connection.
        let _ = conn.execute("PRAGMA synchronous = NORMAL").await;
    }
    result
}
