//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::PathBuf;

/// The shared treebank folder (`../shared/data` beside the checkout, or
/// `$ACTANT_SHARED_DATA`), or `None` with a message saying the test is
/// skipped: a user's clone has no `../shared`.
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    let root = std::env::var_os("ACTANT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let path = root.join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} not found (set ACTANT_SHARED_DATA to the folder holding ud-ewt/, gum/, uner-ewt/)",
            path.display()
        );
        None
    }
}
