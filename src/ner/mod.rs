//! Step 4: named entity recognition. One trait, several recognizers; the
//! pipeline holds one [`NerStage`], chosen from the run configuration.

pub mod embedded;
mod gazetteer;

pub use gazetteer::Gazetteer;

use serde::{Deserialize, Serialize};

use crate::doc::{Doc, Entity};
use crate::error::Result;

/// Which recognizer to run, as chosen on the command line or in a library
/// configuration; recorded in the run manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum NerConfig {
    /// The actor-dictionary gazetteer.
    #[default]
    Gazetteer,
}

/// Finds entity mentions in a segmented (and possibly parsed) document.
///
/// A recognizer predicts; it does not modify the document. The pipeline
/// sets the returned entities on the document.
pub trait Recognizer: Send + Sync {
    /// Name written in the `source` column of `entities.csv`.
    fn name(&self) -> &'static str;

    /// The entity mentions of `doc`, in text order, non-overlapping.
    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>>;
}

/// The recognizer a pipeline runs.
#[derive(Debug)]
#[non_exhaustive]
pub enum NerStage {
    /// Actor-dictionary matching.
    Gazetteer(Gazetteer),
}

impl NerStage {
    /// Builds the recognizer a configuration names.
    pub fn from_config(config: &NerConfig) -> Result<NerStage> {
        match config {
            NerConfig::Gazetteer => Ok(NerStage::Gazetteer(Gazetteer::default())),
        }
    }
}

impl Recognizer for NerStage {
    fn name(&self) -> &'static str {
        match self {
            NerStage::Gazetteer(g) => g.name(),
        }
    }

    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>> {
        match self {
            NerStage::Gazetteer(g) => g.recognize(doc),
        }
    }
}
