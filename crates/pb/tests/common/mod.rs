//! Shared helpers for the integration tests: where the Pabulib fixtures are.

#![allow(dead_code)]

use std::path::PathBuf;

/// The folder of Pabulib fixtures: `$PABULIB_DIR`, or the copy shipped in the repository
/// (`tests/data/pabulib`, byte-identical to `shared/data/pabulib`; see its README for source and
/// citation), so a fresh clone anywhere has them.
pub fn data_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("PABULIB_DIR") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pabulib")
}

/// Every `.pb` file of the fixtures, sorted by name.
pub fn pb_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .expect("read fixtures folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 14, "expected the 14 Pabulib fixtures");
    files
}
