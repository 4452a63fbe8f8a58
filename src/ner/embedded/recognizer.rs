//! The embedded recognizer as a pipeline stage: runs the shipped model
//! over a segmented document and merges its entities with the actor
//! dictionary (see [`super::merge`]).

use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::doc::{Doc, Entity, EntityLabel, Span};
use crate::error::Result;
use crate::export::ModelInfo;
use crate::ner::{Gazetteer, Recognizer};

use super::blocks::{block_bytes, sentence_blocks, BLOCK_TOKENS};
use super::evidence::dictionary_bits;
use super::features::SentenceInput;
use super::merge::{merge_with_dictionary, split_possessives, trim_titles};
use super::model::{NerModel, Scratch};
use super::titled::{titled_names, TITLED_SCORE};

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
    block_tokens: usize,
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
            block_tokens: BLOCK_TOKENS,
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
            block_tokens: BLOCK_TOKENS,
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
            block_tokens: BLOCK_TOKENS,
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

    /// Labels documents in blocks of at most `tokens` tokens (see
    /// [`super::blocks`]); [`BLOCK_TOKENS`] unless set. `usize::MAX`
    /// labels every document as one block.
    pub fn with_block_tokens(mut self, tokens: usize) -> Self {
        self.block_tokens = tokens;
        self
    }

    /// The model's entities of `doc`, split at possessives and with person
    /// titles trimmed, before merging with the dictionary. The document is
    /// labelled block by block ([`super::blocks`]), so memory follows the
    /// block size, not the document's.
    pub fn model_entities(&self, doc: &Doc) -> Vec<Entity> {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for block in sentence_blocks(&doc.sentences, self.block_tokens) {
            self.block_entities(doc, block, &mut scratch, &mut out);
        }
        out
    }

    /// Appends the model's entities of the sentences `block` of `doc`,
    /// labelled as one document, to `out`.
    fn block_entities(
        &self,
        doc: &Doc,
        block: Range<usize>,
        scratch: &mut Scratch,
        out: &mut Vec<Entity>,
    ) {
        let sentences = &doc.sentences[block.clone()];
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.tokens.clone().map(|t| doc.token_text(t)).collect())
            .collect();
        let upos: Vec<Vec<&str>> = sentences
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
        let dictionary: Vec<Vec<u32>> = block
            .clone()
            .map(|s| dictionary_bits(&self.gazetteer, doc, s))
            .collect();
        let inputs: Vec<SentenceInput<'_>> = (0..sentences.len())
            .map(|i| SentenceInput {
                words: &words[i],
                upos: &upos[i],
                dictionary: &dictionary[i],
            })
            .collect();
        let labelled = self.model.label_document(&inputs, scratch);
        for (i, spans) in labelled.into_iter().enumerate() {
            let first = sentences[i].tokens.start;
            let parts = spans.into_iter().flat_map(|(span, score)| {
                split_possessives(span, &words[i])
                    .into_iter()
                    .map(move |part| (part, score))
            });
            let mut taken = vec![false; words[i].len()];
            let mut found: Vec<(Range<usize>, EntityLabel, f32)> = Vec::new();
            for (span, score) in parts {
                let Some(span) = trim_titles(span, &dictionary[i]) else {
                    continue;
                };
                taken[span.tokens.clone()]
                    .iter_mut()
                    .for_each(|t| *t = true);
                found.push((span.tokens, span.label, score));
            }
            for name in titled_names(&words[i], &dictionary[i], &taken) {
                found.push((name, EntityLabel::Per, TITLED_SCORE));
            }
            found.sort_by_key(|(tokens, _, _)| tokens.start);
            for (tokens, label, score) in found {
                let start = doc.tokens[first + tokens.start].span.start;
                let end = doc.tokens[first + tokens.end - 1].span.end;
                out.push(Entity {
                    span: Span::new(start, end),
                    sentence: block.start + i,
                    label,
                    score,
                    source: "embedded",
                    code: None,
                    canonical: None,
                });
            }
        }
    }
}

impl Recognizer for EmbeddedRecognizer {
    fn name(&self) -> &'static str {
        "embedded"
    }

    /// Block by block: the model's entities of the block merged with the
    /// dictionary's names in it (names never cross a sentence, so merging
    /// per block is merging the whole document).
    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>> {
        if doc.sentences.is_empty() {
            return Ok(merge_with_dictionary(
                Vec::new(),
                self.gazetteer.recognize(doc)?,
            ));
        }
        let mut scratch = Scratch::default();
        let mut model = Vec::new();
        let mut out = Vec::new();
        for block in sentence_blocks(&doc.sentences, self.block_tokens) {
            let names = self
                .gazetteer
                .find_in(doc, block_bytes(doc, &block))
                .iter()
                .filter_map(|found| self.gazetteer.entity(doc, found))
                .collect();
            self.block_entities(doc, block, &mut scratch, &mut model);
            out.extend(merge_with_dictionary(std::mem::take(&mut model), names));
        }
        Ok(out)
    }
}
