//! Shared helpers for the integration tests: where the Pabulib fixtures are.

#![allow(dead_code)]

use std::path::PathBuf;

/// The folder of Pabulib fixtures: `$PABULIB_DIR`, or `shared/data/pabulib` beside the
/// checkout (found by walking up from the crate). Panics when absent: the tests need it.
pub fn data_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("PABULIB_DIR") {
        return PathBuf::from(dir);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|a| a.join("shared/data/pabulib"))
        .find(|p| p.is_dir())
        .expect("shared/data/pabulib not found above the crate; set PABULIB_DIR")
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
