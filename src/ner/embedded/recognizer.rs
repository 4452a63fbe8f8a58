//! The embedded recognizer as a pipeline stage: runs the shipped model
//! over a segmented document and merges its entities with the actor
//! dictionary (see [`super::merge`]).

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::doc::{Doc, Entity, Span};
use crate::error::Result;
use crate::export::ModelInfo;
use crate::ner::{Gazetteer, Recognizer};

use super::evidence::dictionary_bits;
use super::features::SentenceInput;
use super::merge::{merge_with_dictionary, split_possessives, trim_titles};
use super::model::{NerModel, Scratch};

/// The model file compiled into the binary (`models/ner.bin`, made by
/// `actant train ner`).
pub static EMBEDDED_MODEL: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin"));

/// Where the embedded model comes from, for messages and manifests.
pub const EMBEDDED_ORIGIN: &str = "embedded models/ner.bin";

/// The trained sequence-labelling recognizer.
pub struct EmbeddedRecognizer {
    model: Arc<NerModel>,
    gazetteer: Gazetteer,
    info: ModelInfo,
}

impl std::fmt::Debug for EmbeddedRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddedRecognizer")
            .field("model", &self.info.source)
            .field("features", &self.model.features())
            .finish()
    }
}

impl EmbeddedRecognizer {
    /// The recognizer with the model compiled into the binary (parsed once
    /// per process).
    pub fn embedded() -> Result<EmbeddedRecognizer> {
        static MODEL: OnceLock<Arc<NerModel>> = OnceLock::new();
        let model = match MODEL.get() {
            Some(model) => Arc::clone(model),
            None => {
                let parsed = Arc::new(NerModel::from_bytes(
                    EMBEDDED_MODEL,
                    Path::new(EMBEDDED_ORIGIN),
                )?);
                Arc::clone(MODEL.get_or_init(|| parsed))
            }
        };
        Ok(EmbeddedRecognizer {
            model,
            gazetteer: Gazetteer::embedded()?,
            info: ModelInfo::of_bytes("ner model", EMBEDDED_ORIGIN, EMBEDDED_MODEL),
        })
    }

    /// The recognizer with a model file from disk.
    pub fn from_path(path: &Path) -> Result<EmbeddedRecognizer> {
        let bytes = std::fs::read(path).map_err(|e| crate::error::Error::io(path, e))?;
        let model = NerModel::from_bytes(&bytes, path)?;
        Ok(EmbeddedRecognizer {
            model: Arc::new(model),
            gazetteer: Gazetteer::embedded()?,
            info: ModelInfo::of_bytes("ner model", &path.display().to_string(), &bytes),
        })
    }

    /// The recognizer with a model in memory (`origin` names it in the
    /// run manifest).
    pub fn from_model(model: NerModel, origin: &str) -> Result<EmbeddedRecognizer> {
        let mut bytes = Vec::new();
        model
            .write_to(&mut bytes)
            .map_err(|e| crate::error::Error::io(Path::new(origin), e))?;
        Ok(EmbeddedRecognizer {
            model: Arc::new(model),
            gazetteer: Gazetteer::embedded()?,
            info: ModelInfo::of_bytes("ner model", origin, &bytes),
        })
    }

    /// The model.
    pub fn model(&self) -> &NerModel {
        &self.model
    }

    /// Checksum and origin of the model file.
    pub fn model_info(&self) -> &ModelInfo {
        &self.info
    }

    /// The model's entities of `doc`, split at possessives and with person
    /// titles trimmed, before merging with the dictionary.
    pub fn model_entities(&self, doc: &Doc) -> Vec<Entity> {
        let words: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.clone().map(|t| doc.token_text(t)).collect())
            .collect();
        let upos: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| {
                if doc.syntax.len() == doc.tokens.len() {
                    s.tokens
                        .clone()
                        .map(|t| doc.syntax[t].upos.as_str())
                        .collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        let dictionary: Vec<Vec<u32>> = (0..doc.sentences.len())
            .map(|s| dictionary_bits(&self.gazetteer, doc, s))
            .collect();
        let inputs: Vec<SentenceInput<'_>> = (0..doc.sentences.len())
            .map(|s| SentenceInput {
                words: &words[s],
                upos: &upos[s],
                dictionary: &dictionary[s],
            })
            .collect();
        let labelled = self.model.label_document(&inputs, &mut Scratch::default());
        let mut out = Vec::new();
        for (s, spans) in labelled.into_iter().enumerate() {
            let first = doc.sentences[s].tokens.start;
            let parts = spans.into_iter().flat_map(|(span, score)| {
                split_possessives(span, &words[s])
                    .into_iter()
                    .map(move |part| (part, score))
            });
            for (span, score) in parts {
                let Some(span) = trim_titles(span, &dictionary[s]) else {
                    continue;
                };
                let start = doc.tokens[first + span.tokens.start].span.start;
                let end = doc.tokens[first + span.tokens.end - 1].span.end;
                out.push(Entity {
                    span: Span::new(start, end),
                    sentence: s,
                    label: span.label,
                    score,
                    source: "embedded",
                    code: None,
                    canonical: None,
                });
            }
        }
        out
    }
}

impl Recognizer for EmbeddedRecognizer {
    fn name(&self) -> &'static str {
        "embedded"
    }

    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>> {
        let names = self.gazetteer.recognize(doc)?;
        Ok(merge_with_dictionary(self.model_entities(doc), names))
    }
}
