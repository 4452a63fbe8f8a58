//! The embedded recognizer: a BILOU sequence labeller trained by this
//! project (structured averaged perceptron, constrained Viterbi), shipped
//! in `models/` and compiled into the binary, so entity recognition works
//! on any machine with no download and no GPU.

pub mod aggregate;
pub mod context;
pub mod data;
pub mod document;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod recipe;
pub mod tags;
pub mod train;
pub mod viterbi;
