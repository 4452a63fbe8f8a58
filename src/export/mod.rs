//! Step 6: writing results: entities and triples as CSV or JSON Lines,
//! the actor graph as GraphML, and the run manifest. Each output file goes through an
//! [`AtomicFile`] (temporary name, renamed when complete), records are flat
//! serde structs separate from the domain types, and documents are written
//! in input order so runs are reproducible byte for byte.

mod atomic;
mod graph;
mod manifest;
mod outputs;
mod records;

pub use atomic::AtomicFile;
pub use graph::GraphWriter;
pub use manifest::{DocumentCounts, ModelInfo, Problem, RunManifest};
pub use outputs::{Format, Outputs};
pub use records::{entity_records, triple_records, EntityRecord, TripleRecord};
