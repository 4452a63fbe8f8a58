//! Learning machinery shared by the project's models: stable feature
//! hashing, an averaged multi-class perceptron, deterministic shuffling and
//! a compact, checked model file format.
//!
//! Models (tagger, parser, embedded NER) turn their inputs into lists of
//! hashed feature ids with [`FeatureHasher`], train a [`Perceptron`] with
//! [`Rng`]-shuffled epochs, freeze it into averaged [`Weights`], and save
//! those in a [`model_file`] whose header names the model kind, format
//! version and label set, so a wrong or stale file is refused at load.

mod features;
pub mod model_file;
mod perceptron;
mod rng;

pub use features::{FeatureHasher, IdBuildHasher};
pub use perceptron::{Perceptron, Weights};
pub use rng::Rng;
