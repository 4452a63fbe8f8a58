//! # actant
//!
//! actant turns news corpora into who-did-what-to-whom: named entities and
//! actor–action–target triples with event types and actor codes.
//!
//! ## The pipeline
//!
//! Data flows one way through numbered steps; each is a module:
//!
//! 1. [`corpus`] reads documents (`.txt`, directories, JSONL, stdin); a bad
//!    document is an error record, never the end of a run.
//! 2. [`segment`] splits sentences and UD-style word tokens, with byte
//!    offsets into the original text.
//! 3. `syntax` tags, lemmatizes and parses each sentence.
//! 4. [`ner`] finds entity mentions; the actor dictionary supplies codes.
//! 5. [`link`] builds actor–action–target triples from trees and entities:
//!    event types from the lexicon, actor codes from the dictionary,
//!    pronouns resolved, negation and mode marked.
//! 6. `export` writes CSV and JSON Lines, atomically and in input order.
//! 7. [`eval`] scores predictions against labeled fixtures.
//!
//! [`learn`] holds the averaged perceptron shared by the trained models.
//!
//! ## Example
//!
//! ```
//! use actant::{Pipeline, RawDoc};
//!
//! let pipeline = Pipeline::builder().build()?;
//! let doc = pipeline.process(&RawDoc::new("d1", "Russia called on Armenia to exercise restraint."))?;
//! assert_eq!(doc.sentences.len(), 1);
//! assert_eq!(doc.token_text(0), "Russia");
//! # Ok::<(), actant::Error>(())
//! ```

pub mod batch;
pub mod cli;
pub mod corpus;
pub mod doc;
pub mod error;
pub mod eval;
pub mod export;
pub mod learn;
pub mod link;
pub mod ner;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod syntax;

pub use doc::{AnnotatedDoc, Doc, Entity, EntityLabel, RawDoc, Sentence, Span, Token, Triple};
pub use error::{Error, ErrorKind, Location, Result};
pub use pipeline::{Pipeline, PipelineBuilder};
