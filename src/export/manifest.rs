//! `manifest.json`: what a run did, with what, and how fast.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::atomic::AtomicFile;
use crate::error::{Error, Result};

/// A model or lexicon a run used, identified by checksum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ModelInfo {
    /// What it is (`actor dictionary`, `tagger`, ...).
    pub name: String,
    /// Where it came from: `embedded` or a path.
    pub source: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
}

impl ModelInfo {
    /// Describes `bytes` loaded from `source`.
    pub fn of_bytes(name: &str, source: &str, bytes: &[u8]) -> ModelInfo {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(bytes);
        ModelInfo {
            name: name.to_string(),
            source: source.to_string(),
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

/// A document that could not be processed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// File, line, byte or document id.
    pub location: String,
    /// `skipped` (bad input) or `failed` (a stage failed).
    pub outcome: &'static str,
    /// Error class (`input`, `io`, `stage`, ...).
    pub kind: &'static str,
    /// Human-readable reason.
    pub reason: String,
}

/// Document tallies of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentCounts {
    /// Documents annotated and written.
    pub ok: u64,
    /// Inputs refused as unusable.
    pub skipped: u64,
    /// Documents on which a stage failed.
    pub failed: u64,
}

/// Everything `manifest.json` records.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RunManifest {
    /// actant version.
    pub version: String,
    /// The run configuration (inputs, recognizer, threads, format, ...).
    pub config: serde_json::Value,
    /// Models and lexicons used.
    pub models: Vec<ModelInfo>,
    /// Number of input arguments.
    pub inputs: usize,
    /// Number of files read (standard input counts as one).
    pub files: usize,
    /// Document tallies.
    pub documents: DocumentCounts,
    /// Problem counts by reason class (`input`, `io`, ...).
    pub problems_by_kind: BTreeMap<String, u64>,
    /// The first problems in input order (at most [`RunManifest::MAX_PROBLEMS`]).
    pub problems: Vec<Problem>,
    /// Whether more problems happened than are listed.
    pub problems_truncated: bool,
    /// Sentences written.
    pub sentences: u64,
    /// Word tokens processed.
    pub tokens: u64,
    /// Entity mentions written.
    pub entities: u64,
    /// Triples written.
    pub triples: u64,
    /// Output files.
    pub outputs: Vec<String>,
    /// Wall-clock seconds.
    pub wall_seconds: f64,
    /// Documents per second.
    pub docs_per_second: f64,
    /// Word tokens per second.
    pub words_per_second: f64,
}

impl RunManifest {
    /// How many problems are listed one by one.
    pub const MAX_PROBLEMS: usize = 1000;

    /// Records a problem.
    pub fn add_problem(&mut self, problem: Problem) {
        *self
            .problems_by_kind
            .entry(problem.kind.to_string())
            .or_default() += 1;
        match problem.outcome {
            "failed" => self.documents.failed += 1,
            _ => self.documents.skipped += 1,
        }
        if self.problems.len() < Self::MAX_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.problems_truncated = true;
        }
    }

    /// Writes the manifest atomically to `path` as pretty JSON.
    pub fn write(&self, path: &Path) -> Result<()> {
        let mut file = AtomicFile::create(path)?;
        serde_json::to_writer_pretty(&mut file, self).map_err(|e| Error::io(path, e.into()))?;
        std::io::Write::write_all(&mut file, b"\n").map_err(|e| Error::io(path, e))?;
        file.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_counted_and_capped() {
        let mut m = RunManifest::default();
        for i in 0..RunManifest::MAX_PROBLEMS + 5 {
            m.add_problem(Problem {
                location: format!("f:{i}"),
                outcome: if i % 2 == 0 { "skipped" } else { "failed" },
                kind: "input",
                reason: "bad".into(),
            });
        }
        assert_eq!(m.problems.len(), RunManifest::MAX_PROBLEMS);
        assert!(m.problems_truncated);
        assert_eq!(m.documents.skipped + m.documents.failed, 1005);
        assert_eq!(m.problems_by_kind["input"], 1005);
    }

    #[test]
    fn checksum_is_sha256() {
        let info = ModelInfo::of_bytes("x", "embedded", b"abc");
        assert_eq!(
            info.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
