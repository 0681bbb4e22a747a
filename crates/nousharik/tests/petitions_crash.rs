//! Signing under load with the real binary and a SQLite file: the server is killed (SIGKILL)
//! in the middle of a signing load; after a restart every signature that was acknowledged
//! (303) is stored, none is stored twice, and the stored counter equals the rows. Then many
//! concurrent requests by the same person give exactly one signature.

use std::collections::HashSet;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

/// A child process killed (SIGKILL) when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn command(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nousharik"));
    for var in [
        "NOUSHARIK_BIND",
        "DATABASE_URL",
        "NOUSHARIK_BASE_URL",
        "NOUSHARIK_SMTP_URL",
        "NOUSHARIK_LOG_FORMAT",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("NOUSHARIK_DATA_DIR", data)
        .env("NOUSHARIK_LOG", "error");
    cmd
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn start(data: &Path, port: u16) -> Server {
    let child = command(data)
        .args(["--bind", &format!("127.0.0.1:{port}"), "serve"])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start nousharik serve");
    let server = Server(child);
    let deadline = Instant::now() + Duration::from_secs(120);
    while TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server
}

/// One signer line of `bench-petitions`: path, cookie, form body.
#[derive(Clone)]
struct Signer {
    path: String,
    cookie: String,
    body: String,
}

/// POSTs the signing form; the HTTP status, or `None` when the connection failed or broke
/// (the server died before answering).
async fn sign(port: u16, s: &Signer) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.ok()?;
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{}",
        s.path,
        s.cookie,
        s.body.len(),
        s.body
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.ok()?;
    let text = std::str::from_utf8(&head).ok()?;
    text.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
}

fn user_of(s: &Signer) -> String {
    s.cookie.clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_during_signing_keeps_every_acknowledged_signature_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let file = data.join("signers.tsv");
    let out = command(data)
        .args(["bench-petitions", "--signers", "1500", "--out"])
        .arg(&file)
        .output()
        .expect("run bench-petitions");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let signers: Vec<Signer> = std::fs::read_to_string(&file)
        .expect("signers file")
        .lines()
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            Signer {
                path: parts.next().unwrap().to_owned(),
                cookie: parts.next().unwrap().to_owned(),
                body: parts.next().unwrap().to_owned(),
            }
        })
        .collect();
    assert_eq!(signers.len(), 1500);
    let petition: i64 = signers[0]
        .path
        .trim_start_matches("/petitions/")
        .trim_end_matches("/sign")
        .parse()
        .unwrap();

    // Load: 32 concurrent clients work through the signers; the server is killed once 150
    // signatures have been acknowledged.
    let port = free_port();
    let mut server = start(data, port).await;
    let queue = Arc::new(Mutex::new(signers.clone()));
    let acknowledged = Arc::new(Mutex::new(Vec::<Signer>::new()));
    let mut clients = Vec::new();
    for _ in 0..32 {
        let queue = queue.clone();
        let acknowledged = acknowledged.clone();
        clients.push(tokio::spawn(async move {
            loop {
                let Some(s) = queue.lock().await.pop() else {
                    break;
                };
                match sign(port, &s).await {
                    Some(303) => acknowledged.lock().await.push(s),
                    Some(status) => panic!("signing answered {status}"),
                    // The server is gone: stop this client.
                    None => break,
                }
            }
        }));
    }
    let deadline = Instant::now() + Duration::from_secs(300);
    while acknowledged.lock().await.len() < 150 {
        assert!(Instant::now() < deadline, "too slow to sign");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.0.kill().expect("SIGKILL the server");
    server.0.wait().expect("reap the server");
    for c in clients {
        c.await.expect("client task");
    }
    let acked: Vec<Signer> = acknowledged.lock().await.clone();
    let untried = queue.lock().await.len();
    assert!(untried > 0, "the kill came before the end of the load");

    // After a restart: every acknowledged signature is there, exactly once.
    let server = start(data, port).await;
    let db = nousharik::platform::db::Db::connect(&format!(
        "sqlite://{}",
        data.join("nousharik.db").display()
    ))
    .await
    .expect("open the database");
    let rows: Vec<(i64, String)> = db
        .query_as(
            "SELECT s.user_id, x.token_hash FROM petition_signatures s \
             JOIN sessions x ON x.user_id = s.user_id WHERE s.petition_id = ?",
        )
        .bind(petition)
        .fetch_all(db.pool())
        .await
        .unwrap();
    let stored: HashSet<String> = rows.iter().map(|(_, h)| h.clone()).collect();
    assert_eq!(stored.len(), rows.len(), "no signature stored twice");
    let users: HashSet<i64> = rows.iter().map(|(u, _)| *u).collect();
    assert_eq!(users.len(), rows.len(), "one signature per person");
    for s in &acked {
        let token = user_of(s).trim_start_matches("nk_session=").to_owned();
        let hash = nousharik::platform::secret::token_digest(&token);
        assert!(stored.contains(&hash), "an acknowledged signature was lost");
    }
    assert!(rows.len() >= acked.len());
    let counter: i64 = db
        .query_scalar("SELECT signature_count FROM petitions WHERE id = ?")
        .bind(petition)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(
        counter,
        i64::try_from(rows.len()).unwrap(),
        "counter = rows"
    );
    eprintln!(
        "acknowledged {} before the kill, {} stored (the rest were committed but not yet \
         answered when the server died), {untried} never sent",
        acked.len(),
        rows.len()
    );

    // The same person, 40 concurrent requests: exactly one signature.
    let same = queue.lock().await.pop().expect("an unused signer");
    let mut tries = Vec::new();
    for _ in 0..40 {
        let s = same.clone();
        tries.push(tokio::spawn(async move { sign(port, &s).await }));
    }
    let mut statuses = Vec::new();
    for t in tries {
        statuses.push(t.await.unwrap().expect("an answer"));
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    // 422: already signed. 503: the server was too busy to answer in time (on a loaded machine
    // a request can wait past the pool's 10-second acquire timeout or SQLite's busy timeout):
    // nothing was stored for that request, and the person may simply try again.
    assert!(
        statuses.iter().all(|s| [303, 422, 503].contains(s)),
        "{statuses:?}"
    );
    let token = user_of(&same).trim_start_matches("nk_session=").to_owned();
    let mine: i64 = db
        .query_scalar(
            "SELECT COUNT(*) FROM petition_signatures s JOIN sessions x ON x.user_id = s.user_id \
             WHERE s.petition_id = ? AND x.token_hash = ?",
        )
        .bind(petition)
        .bind(nousharik::platform::secret::token_digest(&token))
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(mine, 1);
    db.close().await;
    drop(server);
}
