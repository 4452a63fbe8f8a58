//! The trained sequence labeller: weights over token features and tag
//! transitions, the word lexicon its features read, and its model file.
//!
//! ```text
//! header (kind "ner", version, the BILOU tag names)
//! u8 options (bit 0: POS features, bit 1: dictionary features,
//!            bit 2: a second, document-context pass, bit 3: aggregated
//!            context) | f32 temperature
//! word lexicon | first-pass weights | second-pass weights (if any)
//! ```
//! Transition scores live in the same weight table, as the weights of one
//! feature per previous tag; they are read out once at load.

use std::io::{Read, Write};
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::learn::model_file::Header;
use crate::learn::{FeatureHasher, SparseWeights};

use super::aggregate::ContextAggregator;
use super::context::DocumentContext;
use super::features::{FeatureExtractor, SentenceFeatures, SentenceInput};
use super::lexicon::WordLexicon;
use super::tags::{Tag, TokenSpan, TAG_COUNT};
use super::viterbi::{Decoder, Transitions};

/// Model kind written in the file header.
pub const KIND: &str = "ner";
/// Layout version of the payload; bump when features or layout change.
pub const VERSION: u32 = 1;

/// Template number of transition features (apart from token templates).
const T_TRANSITION: u32 = 1000;

/// The feature id whose weight for class `next` scores `prev → next`.
pub fn transition_feature(prev: usize) -> u64 {
    FeatureHasher::new(T_TRANSITION).mix(prev as u64).finish()
}

/// Which evidence a model was trained with; at prediction time the same
/// evidence must be supplied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelOptions {
    /// Predicted UPOS tags are features.
    pub pos: bool,
    /// Actor-dictionary bits are features.
    pub dictionary: bool,
    /// Neighbours of other occurrences of a word in the document are features.
    pub aggregate: bool,
    /// Divides scores before turning them into span probabilities.
    pub temperature: f32,
}

impl Default for ModelOptions {
    fn default() -> Self {
        ModelOptions {
            pos: false,
            dictionary: false,
            aggregate: true,
            temperature: 1.0,
        }
    }
}

/// One labelling pass: weights over features and the transition scores
/// read out of them.
#[derive(Clone, Debug)]
pub struct Pass {
    weights: SparseWeights,
    transitions: Transitions,
}

impl Pass {
    /// A pass from trained weights.
    pub fn new(weights: SparseWeights) -> Self {
        let transitions = read_transitions(&weights);
        Pass {
            weights,
            transitions,
        }
    }

    /// The weight table.
    pub fn weights(&self) -> &SparseWeights {
        &self.weights
    }

    /// The transition scores.
    pub fn transitions(&self) -> &Transitions {
        &self.transitions
    }

    /// Emission scores (perceptron units) of every token.
    pub fn emissions_into(
        &self,
        features: &SentenceFeatures,
        scores: &mut Vec<i32>,
        out: &mut Vec<[f32; TAG_COUNT]>,
    ) {
        out.clear();
        scores.resize(TAG_COUNT, 0);
        for i in 0..features.len() {
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score_into(features.token(i), scores);
            let mut row = [0.0; TAG_COUNT];
            for (r, &s) in row.iter_mut().zip(scores.iter()) {
                *r = self.weights.value(s);
            }
            out.push(row);
        }
    }
}

/// A trained recognizer model: a first pass over token features and,
/// optionally, a second pass that also reads the document context of the
/// first pass's labels.
#[derive(Clone, Debug)]
pub struct NerModel {
    first: Pass,
    second: Option<Pass>,
    lexicon: WordLexicon,
    options: ModelOptions,
}

/// Per-thread buffers for labelling sentences.
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    extractor: FeatureExtractor,
    aggregator: ContextAggregator,
    aggregated: Vec<SentenceFeatures>,
    features: Vec<SentenceFeatures>,
    context: SentenceFeatures,
    combined: SentenceFeatures,
    emissions: Vec<[f32; TAG_COUNT]>,
    scores: Vec<i32>,
    decoder: Decoder,
}

impl NerModel {
    /// A model from trained passes.
    pub fn new(
        first: Pass,
        second: Option<Pass>,
        lexicon: WordLexicon,
        options: ModelOptions,
    ) -> Self {
        NerModel {
            first,
            second,
            lexicon,
            options,
        }
    }

    /// The evidence the model expects.
    pub fn options(&self) -> ModelOptions {
        self.options
    }

    /// Sets the temperature used for span probabilities.
    pub fn set_temperature(&mut self, temperature: f32) {
        self.options.temperature = temperature;
    }

    /// The word lexicon.
    pub fn lexicon(&self) -> &WordLexicon {
        &self.lexicon
    }

    /// The first pass.
    pub fn first_pass(&self) -> &Pass {
        &self.first
    }

    /// The second (document context) pass, if the model has one.
    pub fn second_pass(&self) -> Option<&Pass> {
        self.second.as_ref()
    }

    /// Number of feature weights rows over both passes.
    pub fn features(&self) -> usize {
        self.first.weights.features() + self.second.as_ref().map_or(0, |p| p.weights.features())
    }

    /// The token features of a sentence, as this model computes them.
    pub fn extract(
        &self,
        input: &SentenceInput<'_>,
        extractor: &mut FeatureExtractor,
        out: &mut SentenceFeatures,
    ) {
        extract_features(&self.options, &self.lexicon, input, extractor, out);
    }

    /// The labelled spans of each sentence of one document, each span with
    /// its probability. Sentences must be given together, in order, for the
    /// second pass to see the document.
    pub fn label_document(
        &self,
        sentences: &[SentenceInput<'_>],
        scratch: &mut Scratch,
    ) -> Vec<Vec<(TokenSpan, f32)>> {
        let temperature = self.options.temperature;
        document_features(
            &self.options,
            &self.lexicon,
            sentences,
            &mut scratch.extractor,
            &mut scratch.aggregator,
            &mut scratch.aggregated,
            &mut scratch.features,
        );
        let Some(second) = &self.second else {
            return sentences
                .iter()
                .zip(&scratch.features)
                .map(|(_, features)| {
                    self.first.emissions_into(
                        features,
                        &mut scratch.scores,
                        &mut scratch.emissions,
                    );
                    scratch
                        .decoder
                        .spans(&scratch.emissions, &self.first.transitions, temperature)
                })
                .collect();
        };
        let paths: Vec<Vec<usize>> = scratch.features[..sentences.len()]
            .iter()
            .map(|features| {
                self.first
                    .emissions_into(features, &mut scratch.scores, &mut scratch.emissions);
                scratch
                    .decoder
                    .best_path(&scratch.emissions, &self.first.transitions)
            })
            .collect();
        let words: Vec<&[&str]> = sentences.iter().map(|s| s.words).collect();
        let context = DocumentContext::new(&words, &paths);
        let mut out = Vec::with_capacity(sentences.len());
        for ((input, path), features) in sentences.iter().zip(&paths).zip(&scratch.features) {
            context.features(input.words, path, &mut scratch.context);
            scratch.combined.concat(features, &scratch.context);
            second.emissions_into(
                &scratch.combined,
                &mut scratch.scores,
                &mut scratch.emissions,
            );
            out.push(
                scratch
                    .decoder
                    .spans(&scratch.emissions, &second.transitions, temperature),
            );
        }
        out
    }

    /// Writes the model file.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        Header {
            kind: KIND.to_string(),
            version: VERSION,
            labels: Tag::all().map(Tag::name).collect(),
        }
        .write_to(out)?;
        let flags = u8::from(self.options.pos)
            | (u8::from(self.options.dictionary) << 1)
            | (u8::from(self.second.is_some()) << 2)
            | (u8::from(self.options.aggregate) << 3);
        out.write_all(&[flags])?;
        out.write_all(&self.options.temperature.to_le_bytes())?;
        self.lexicon.write_to(out)?;
        self.first.weights.write_to(out)?;
        if let Some(second) = &self.second {
            second.weights.write_to(out)?;
        }
        Ok(())
    }

    /// Saves the model to `path`.
    pub fn save(&self, path: &Path) -> Result<()> {
        let mut bytes = Vec::new();
        self.write_to(&mut bytes).map_err(|e| Error::io(path, e))?;
        std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
    }

    /// Reads a model file's bytes; `origin` names it in messages.
    pub fn from_bytes(mut bytes: &[u8], origin: &Path) -> Result<NerModel> {
        let input = &mut bytes;
        let header = Header::read_checked(input, origin, KIND, VERSION)?;
        let expected: Vec<String> = Tag::all().map(Tag::name).collect();
        let bad = |msg: String| Error::model(Location::path(origin), msg);
        if header.labels != expected {
            return Err(bad(format!(
                "tag set {:?} does not match this build's {:?}",
                header.labels, expected
            )));
        }
        let unreadable = |what: &str, e: std::io::Error| bad(format!("cannot read {what}: {e}"));
        let mut head = [0u8; 5];
        input
            .read_exact(&mut head)
            .map_err(|e| unreadable("options", e))?;
        let temperature = f32::from_le_bytes([head[1], head[2], head[3], head[4]]);
        if !(temperature.is_finite() && temperature > 0.0) {
            return Err(bad(format!("implausible temperature {temperature}")));
        }
        let options = ModelOptions {
            pos: head[0] & 1 != 0,
            dictionary: head[0] & 2 != 0,
            aggregate: head[0] & 8 != 0,
            temperature,
        };
        let lexicon = WordLexicon::read_from(input).map_err(|e| unreadable("word lexicon", e))?;
        let mut read_pass = |what: &str| -> Result<Pass> {
            let weights = SparseWeights::read_from(input).map_err(|e| unreadable(what, e))?;
            if weights.classes() != TAG_COUNT {
                return Err(bad(format!(
                    "{what} have {} classes, expected {TAG_COUNT}",
                    weights.classes()
                )));
            }
            Ok(Pass::new(weights))
        };
        let first = read_pass("first-pass weights")?;
        let second = if head[0] & 4 != 0 {
            Some(read_pass("second-pass weights")?)
        } else {
            None
        };
        if !input.is_empty() {
            return Err(bad(format!(
                "{} unexpected bytes after the weights",
                input.len()
            )));
        }
        Ok(NerModel::new(first, second, lexicon, options))
    }

    /// Loads a model file.
    pub fn load(path: &Path) -> Result<NerModel> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        NerModel::from_bytes(&bytes, path)
    }
}

/// The token features of a sentence for a model with `options`: evidence
/// the model was not trained with is left out.
pub fn extract_features(
    options: &ModelOptions,
    lexicon: &WordLexicon,
    input: &SentenceInput<'_>,
    extractor: &mut FeatureExtractor,
    out: &mut SentenceFeatures,
) {
    let input = SentenceInput {
        upos: if options.pos { input.upos } else { &[] },
        dictionary: if options.dictionary {
            input.dictionary
        } else {
            &[]
        },
        ..*input
    };
    extractor.extract(&input, lexicon, out);
}

/// The first-pass features of every sentence of a document: token
/// features, plus aggregated context when the model uses it. `out` is
/// grown to hold one entry per sentence (longer is fine).
pub fn document_features(
    options: &ModelOptions,
    lexicon: &WordLexicon,
    sentences: &[SentenceInput<'_>],
    extractor: &mut FeatureExtractor,
    aggregator: &mut ContextAggregator,
    aggregated: &mut Vec<SentenceFeatures>,
    out: &mut Vec<SentenceFeatures>,
) {
    let n = sentences.len();
    if out.len() < n {
        out.resize_with(n, SentenceFeatures::default);
    }
    if !options.aggregate {
        for (input, features) in sentences.iter().zip(out.iter_mut()) {
            extract_features(options, lexicon, input, extractor, features);
        }
        return;
    }
    if aggregated.len() < n {
        aggregated.resize_with(n, SentenceFeatures::default);
    }
    let words: Vec<&[&str]> = sentences.iter().map(|s| s.words).collect();
    aggregator.features(&words, &mut aggregated[..n]);
    let mut tokens = SentenceFeatures::default();
    for ((input, features), extra) in sentences.iter().zip(out.iter_mut()).zip(aggregated.iter()) {
        extract_features(options, lexicon, input, extractor, &mut tokens);
        features.concat(&tokens, extra);
    }
}

/// Reads the transition scores out of a weight table.
fn read_transitions(weights: &SparseWeights) -> Transitions {
    let mut score = [[0.0f32; TAG_COUNT]; TAG_COUNT];
    let mut raw = vec![0i32; TAG_COUNT];
    for (prev, row) in score.iter_mut().enumerate() {
        raw.iter_mut().for_each(|s| *s = 0);
        weights.score_into(&[transition_feature(prev)], &mut raw);
        for (r, &s) in row.iter_mut().zip(&raw) {
            *r = weights.value(s);
        }
    }
    Transitions::new(score)
}
