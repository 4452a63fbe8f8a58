//! Step 4: named entity recognition. One trait, several recognizers; the
//! pipeline holds one [`NerStage`], chosen from the run configuration.

mod actor_file;
mod actor_forms;
mod actors;
mod ambiguity;
mod gazetteer;
mod gazetteer_spans;
mod gazetteer_tags;
mod other_names;

pub use actor_forms::{ActorEntry, ActorKind, Ambiguity, Surface, SurfaceId};
pub use actors::{
    ActorDictionary, Country, CountryStatus, DictionaryCounts, Group, Igo, Seat, Sector,
    GOVERNMENT_SECTOR,
};
pub use gazetteer::{Gazetteer, GazetteerMatch};
pub use gazetteer_tags::GazetteerTag;

use serde::{Deserialize, Serialize};

use crate::doc::{Doc, Entity};
use crate::error::Result;

/// Which recognizer to run, as chosen on the command line or in a library
/// configuration; recorded in the run manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum NerConfig {
    /// The actor-dictionary gazetteer over the shipped dictionary.
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
    /// Builds the recognizer a configuration names, loading what it needs
    /// once (the embedded actor dictionary is parsed once per process).
    pub fn from_config(config: &NerConfig) -> Result<NerStage> {
        match config {
            NerConfig::Gazetteer => Ok(NerStage::Gazetteer(Gazetteer::embedded()?)),
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
