//! Step 1: reading documents, and the treebank formats the models learn from.
//!
//! A corpus is a list of inputs: `.txt` files (one document each),
//! directories (walked recursively in sorted order; `.txt`, `.text`,
//! `.jsonl` and `.ndjson` files inside are read, others ignored), `.jsonl`
//! files (one JSON object per line with `text`, `id` and any other fields,
//! kept as metadata) and `-` (JSON Lines on standard input).
//!
//! Documents stream out one at a time as `Result<RawDoc>`: a bad document
//! (unreadable, binary, not UTF-8, empty, malformed line, duplicate id) is an
//! [`Error`](crate::Error) naming the file, line and byte, and the stream goes
//! on with the next one.

pub mod conllu;
mod ids;
mod jsonl;
mod source;
mod text;

pub use source::{Corpus, Input};
