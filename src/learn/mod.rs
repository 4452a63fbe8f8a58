//! Learning machinery shared by the project's models: stable feature
//! hashing, averaged multi-class perceptrons, deterministic shuffling and
//! a compact, checked model file format.
//!
//! Models (tagger, parser, embedded NER) turn their inputs into lists of
//! hashed feature ids with [`FeatureHasher`], train a [`Perceptron`] (dense
//! rows, few classes) or a [`SparsePerceptron`] (sparse rows, many classes)
//! with [`Rng`]-shuffled epochs, freeze it into averaged [`Weights`] or
//! quantized [`SparseWeights`], and save those in a [`model_file`] whose
//! header names the model kind, format version and label set, so a wrong or
//! stale file is refused at load.

mod features;
pub mod model_file;
mod perceptron;
mod quantized;
mod rng;
mod sparse;
mod table;

pub use features::{FeatureHasher, IdBuildHasher};
pub use perceptron::{Perceptron, Weights};
pub use quantized::SparseWeights;
pub use rng::Rng;
pub use sparse::{best_class, SparsePerceptron};
