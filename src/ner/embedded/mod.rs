//! The embedded recognizer: a BILOU sequence labeller trained by this
//! project (structured averaged perceptron, constrained Viterbi), shipped
//! in `models/` and compiled into the binary, so entity recognition works
//! on any machine with no download and no GPU.

pub mod aggregate;
pub mod blocks;
pub mod calibrate;
pub mod clusters;
pub mod context;
pub mod data;
pub mod document;
pub mod evidence;
pub mod features;
pub mod lexicon;
pub mod merge;
pub mod model;
pub mod recipe;
pub mod recognizer;
pub mod run;
pub mod tags;
pub mod titled;
pub mod train;
pub mod viterbi;

pub use recognizer::EmbeddedRecognizer;
