//! Step 4: named entity recognition. One trait, several recognizers; the
//! pipeline holds one [`NerStage`], chosen from the run configuration.

mod actor_file;
mod actor_forms;
mod actors;
mod ambiguity;
pub mod embedded;
mod gazetteer;
mod gazetteer_spans;
mod gazetteer_tags;
mod other_names;
#[cfg(feature = "transformer")]
pub mod transformer;

pub use actor_forms::{ActorEntry, ActorKind, Ambiguity, Surface, SurfaceId};
pub use actors::{
    ActorDictionary, Country, CountryStatus, DictionaryCounts, Group, Igo, Seat, Sector,
    GOVERNMENT_SECTOR,
};
pub use gazetteer::{Gazetteer, GazetteerMatch};
pub use gazetteer_tags::GazetteerTag;
#[cfg(feature = "transformer")]
pub use transformer::{DeviceChoice, TransformerConfig, TransformerRecognizer};

use serde::{Deserialize, Serialize};

use crate::doc::{Doc, Entity};
use crate::error::Result;
use crate::export::ModelInfo;

/// Which recognizer to run, as chosen on the command line or in a library
/// configuration; recorded in the run manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum NerConfig {
    /// The actor-dictionary gazetteer over the shipped dictionary.
    Gazetteer,
    /// The trained sequence labeller merged with the actor dictionary:
    /// the model compiled into the binary, or a model file.
    Embedded {
        /// Model file to use instead of the embedded one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        model: Option<std::path::PathBuf>,
    },
    /// A BERT-family token-classification model in a local folder.
    #[cfg(feature = "transformer")]
    Transformer {
        /// The model folder (Hugging Face layout).
        model: std::path::PathBuf,
        /// Where the model runs.
        #[serde(default)]
        device: DeviceChoice,
        /// libtorch threads; 0 (the default) takes the run's thread count.
        #[serde(default)]
        threads: usize,
    },
}

impl Default for NerConfig {
    /// The embedded model, merged with the actor dictionary.
    fn default() -> Self {
        NerConfig::Embedded { model: None }
    }
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
    /// The trained model merged with the actor dictionary.
    Embedded(Box<embedded::EmbeddedRecognizer>),
    /// A transformer model run by a worker thread.
    #[cfg(feature = "transformer")]
    Transformer(Box<TransformerRecognizer>),
}

impl NerStage {
    /// Builds the recognizer a configuration names, loading what it needs
    /// once (the embedded actor dictionary is parsed once per process).
    pub fn from_config(config: &NerConfig) -> Result<NerStage> {
        match config {
            NerConfig::Gazetteer => Ok(NerStage::Gazetteer(Gazetteer::embedded()?)),
            NerConfig::Embedded { model } => {
                let recognizer = match model {
                    Some(path) => embedded::EmbeddedRecognizer::from_path(path)?,
                    None => embedded::EmbeddedRecognizer::embedded()?,
                };
                Ok(NerStage::Embedded(Box::new(recognizer)))
            }
            #[cfg(feature = "transformer")]
            NerConfig::Transformer {
                model,
                device,
                threads,
            } => {
                let mut config = TransformerConfig::new(model);
                config.device = *device;
                config.threads = *threads;
                Ok(NerStage::Transformer(Box::new(
                    TransformerRecognizer::load(&config)?,
                )))
            }
        }
    }

    /// Model files the recognizer uses, with checksums, for the run
    /// manifest (the actor dictionary is listed by the pipeline).
    pub fn models(&self) -> Vec<ModelInfo> {
        match self {
            NerStage::Gazetteer(_) => Vec::new(),
            NerStage::Embedded(e) => vec![e.model_info().clone()],
            #[cfg(feature = "transformer")]
            NerStage::Transformer(t) => vec![t.model_info().clone()],
        }
    }
}

impl Recognizer for NerStage {
    fn name(&self) -> &'static str {
        match self {
            NerStage::Gazetteer(g) => g.name(),
            NerStage::Embedded(e) => e.name(),
            #[cfg(feature = "transformer")]
            NerStage::Transformer(t) => t.name(),
        }
    }

    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>> {
        match self {
            NerStage::Gazetteer(g) => g.recognize(doc),
            NerStage::Embedded(e) => e.recognize(doc),
            #[cfg(feature = "transformer")]
            NerStage::Transformer(t) => t.recognize(doc),
        }
    }
}
