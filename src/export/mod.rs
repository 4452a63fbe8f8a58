//! Step 6: writing results. Each output file goes through an
//! [`AtomicFile`] (temporary name, renamed when complete), records are flat
//! serde structs separate from the domain types, and documents are written
//! in input order so runs are reproducible byte for byte.

mod atomic;
mod manifest;
mod outputs;
mod records;

pub use atomic::AtomicFile;
pub use manifest::{DocumentCounts, ModelInfo, Problem, RunManifest};
pub use outputs::{Format, Outputs};
pub use records::{entity_records, triple_records, EntityRecord, TripleRecord};
