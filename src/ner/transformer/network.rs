//! The model layer, from rust-bert: a BERT or DistilBERT encoder with a
//! token-classification head, built from `config.json` and filled from
//! `model.safetensors`. It maps padded batches of piece ids to logits and
//! knows nothing of texts or entities.

use std::path::Path;

use rust_bert::bert::BertForTokenClassification;
use rust_bert::distilbert::DistilBertForTokenClassification;
use tch::nn::VarStore;
use tch::{Device, Kind, Tensor};

use super::model_config::{Architecture, ModelConfig};
use super::weights::load_weights;
use crate::error::{Error, ErrorKind, Location, Result};

/// A token classifier ready to run on one device.
pub enum TokenClassifier {
    /// `BertForTokenClassification`.
    Bert(BertForTokenClassification),
    /// `DistilBertForTokenClassification`.
    DistilBert(DistilBertForTokenClassification),
}

/// A loaded model and the variable store that owns its weights.
pub struct LoadedModel {
    /// The network.
    pub classifier: TokenClassifier,
    /// Its weights (kept alive with it).
    pub store: VarStore,
    /// Where it runs.
    pub device: Device,
}

impl LoadedModel {
    /// Builds the network `config` describes on `device` and loads its
    /// weights from `weights` (a `model.safetensors`).
    pub fn load(config: &ModelConfig, weights: &Path, device: Device) -> Result<LoadedModel> {
        let mut store = VarStore::new(device);
        let location = Location::path(weights);
        let root = store.root();
        let classifier = match config.architecture {
            Architecture::Bert => TokenClassifier::Bert(
                BertForTokenClassification::new(&root, &config.bert())
                    .map_err(|e| Error::model(location.clone(), e.to_string()))?,
            ),
            Architecture::DistilBert => TokenClassifier::DistilBert(
                DistilBertForTokenClassification::new(&root, &config.distilbert())
                    .map_err(|e| Error::model(location.clone(), e.to_string()))?,
            ),
        };
        load_weights(&store, weights)?;
        // Half-precision checkpoints run in single precision: on the CPU
        // half precision is slow, and results should not depend on the file.
        store.float();
        store.freeze();
        Ok(LoadedModel {
            classifier,
            store,
            device,
        })
    }

    /// Logits of shape `[batch, length, labels]` (on the CPU, `f32`) for
    /// `ids` of shape `[batch, length]`; `mask` is 1 on pieces, 0 on padding.
    ///
    /// rust-bert's BERT panics instead of returning some libtorch errors
    /// (out of memory, for one); the worker that calls this catches them.
    pub fn logits(&self, ids: &Tensor, mask: Option<&Tensor>) -> Result<Tensor> {
        let failed = |e: &dyn std::fmt::Display| {
            Error::new(ErrorKind::Stage, format!("transformer forward pass: {e}"))
        };
        let ids = ids.to_device(self.device);
        let mask = mask.map(|m| m.to_device(self.device));
        let logits = tch::no_grad(|| match &self.classifier {
            TokenClassifier::Bert(model) => Ok(model
                .forward_t(Some(&ids), mask.as_ref(), None, None, None, false)
                .logits),
            TokenClassifier::DistilBert(model) => model
                .forward_t(Some(&ids), mask.as_ref(), None, false)
                .map(|out| out.logits)
                .map_err(|e| failed(&e)),
        })?;
        logits
            .f_to_kind(Kind::Float)
            .and_then(|l| l.f_to_device(Device::Cpu))
            .map_err(|e| failed(&e))
    }
}
