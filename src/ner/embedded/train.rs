//! Structured perceptron training: decode each training sentence with the
//! current weights under the same constrained Viterbi used at prediction
//! time, and move weight from the predicted tags and transitions to the
//! gold ones wherever they differ. Averaged weights are shipped.
//!
//! The second (document context) pass learns from first-pass labels of
//! the kind it will see at prediction time: each training document is
//! labelled by a first pass trained without it (k-fold jackknifing), so
//! the second pass learns how far to trust them.

use crate::error::Result;
use crate::learn::{Rng, SparsePerceptron};

use super::aggregate::ContextAggregator;
use super::context::DocumentContext;
use super::data::LabeledDocument;
use super::features::{DictionaryBits, FeatureExtractor, SentenceFeatures, SentenceInput};
use super::lexicon::WordLexicon;
use super::model::{document_features, transition_feature, ModelOptions, NerModel, Pass};
use super::tags::{encode, TokenSpan, TAG_COUNT};
use super::viterbi::{Decoder, Transitions};

/// One labelled sentence with the evidence available at prediction time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainingSentence {
    /// Token surfaces.
    pub words: Vec<String>,
    /// Predicted UPOS per token (empty when not used).
    pub upos: Vec<String>,
    /// Actor-dictionary bits per token (empty when not used).
    pub dictionary: Vec<DictionaryBits>,
    /// Gold entity spans.
    pub spans: Vec<TokenSpan>,
}

/// Borrowed views of a document's sentences as recognizer input.
pub struct DocumentInput<'d> {
    words: Vec<Vec<&'d str>>,
    upos: Vec<Vec<&'d str>>,
    dictionary: Vec<&'d [DictionaryBits]>,
}

impl<'d> DocumentInput<'d> {
    /// Views the sentences of `doc`.
    pub fn new(doc: &'d LabeledDocument) -> Self {
        DocumentInput {
            words: doc
                .sentences
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect(),
            upos: doc
                .sentences
                .iter()
                .map(|s| s.upos.iter().map(String::as_str).collect())
                .collect(),
            dictionary: doc.sentences.iter().map(|s| &s.dictionary[..]).collect(),
        }
    }

    /// The sentence inputs.
    pub fn sentences(&self) -> Vec<SentenceInput<'_>> {
        (0..self.words.len())
            .map(|s| SentenceInput {
                words: &self.words[s],
                upos: &self.upos[s],
                dictionary: self.dictionary[s],
            })
            .collect()
    }
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped.
    pub prune: f32,
    /// Evidence the model uses.
    pub options: ModelOptions,
    /// Train a second, document-context pass. Off by default: on GUM it
    /// gained under one point of F1 in cross-validation, less than its
    /// cost (it doubles the work per token).
    pub context: bool,
    /// Folds for the first-pass labels the second pass trains on.
    pub folds: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 7,
            prune: 0.0,
            options: ModelOptions::default(),
            context: false,
            folds: 5,
        }
    }
}

/// Called after each training epoch with the epoch number (from 1) and
/// the averaged model as it stands.
pub type EpochReport<'r> = &'r mut dyn FnMut(usize, &NerModel);

/// A sentence ready for training: features and gold tag indices.
struct Example {
    features: SentenceFeatures,
    gold: Vec<usize>,
}

/// Trains a model on documents; `on_epoch`, when given, sees the averaged
/// model after every epoch (1-based) of the last pass trained, for
/// learning curves on held-out data.
pub fn train(
    docs: &[LabeledDocument],
    lexicon: WordLexicon,
    config: &TrainConfig,
    mut on_epoch: Option<EpochReport<'_>>,
) -> Result<NerModel> {
    let mut extractor = FeatureExtractor::default();
    let mut aggregator = ContextAggregator::default();
    let mut aggregated = Vec::new();
    // examples[d][s]: document d, sentence s.
    let mut examples: Vec<Vec<Example>> = Vec::with_capacity(docs.len());
    for doc in docs {
        let input = DocumentInput::new(doc);
        let mut features = Vec::new();
        document_features(
            &config.options,
            &lexicon,
            &input.sentences(),
            &mut extractor,
            &mut aggregator,
            &mut aggregated,
            &mut features,
        );
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for (sentence, features) in doc.sentences.iter().zip(features) {
            let gold: Vec<usize> = encode(&sentence.spans, sentence.words.len())?
                .into_iter()
                .map(|t| t.index())
                .collect();
            sentences.push(Example { features, gold });
        }
        examples.push(sentences);
    }
    let compose = |first: Pass, second: Option<Pass>| {
        NerModel::new(first, second, lexicon.clone(), config.options)
    };

    let all: Vec<&Example> = examples.iter().flatten().collect();
    if !config.context {
        let mut report = |epoch: usize, p: &SparsePerceptron| {
            if let Some(f) = on_epoch.as_deref_mut() {
                f(epoch, &compose(Pass::new(p.average(config.prune)), None));
            }
        };
        let first = train_pass(&all, config, &mut report);
        return Ok(compose(Pass::new(first.average(config.prune)), None));
    }

    // First-pass labels of every training sentence from a first pass that
    // did not see its document.
    let folds = config.folds.max(2);
    let mut paths: Vec<Vec<Vec<usize>>> = examples
        .iter()
        .map(|doc| doc.iter().map(|_| Vec::new()).collect())
        .collect();
    let mut decoder = Decoder::default();
    let mut scores = Vec::new();
    let mut emissions = Vec::new();
    for fold in 0..folds {
        let training: Vec<&Example> = examples
            .iter()
            .enumerate()
            .filter(|(d, _)| d % folds != fold)
            .flat_map(|(_, doc)| doc.iter())
            .collect();
        let pass = Pass::new(train_pass(&training, config, &mut |_, _| {}).average(config.prune));
        for (d, doc) in examples.iter().enumerate() {
            if d % folds != fold {
                continue;
            }
            for (s, example) in doc.iter().enumerate() {
                pass.emissions_into(&example.features, &mut scores, &mut emissions);
                paths[d][s] = decoder.best_path(&emissions, pass.transitions());
            }
        }
    }
    let first = Pass::new(train_pass(&all, config, &mut |_, _| {}).average(config.prune));

    let mut context_features = SentenceFeatures::default();
    let mut second_examples: Vec<Example> = Vec::with_capacity(all.len());
    for (d, doc) in docs.iter().enumerate() {
        let words: Vec<&[String]> = doc.sentences.iter().map(|s| &s.words[..]).collect();
        let context = DocumentContext::new(&words, &paths[d]);
        for (s, example) in examples[d].iter().enumerate() {
            context.features(&doc.sentences[s].words, &paths[d][s], &mut context_features);
            let mut features = SentenceFeatures::default();
            features.concat(&example.features, &context_features);
            second_examples.push(Example {
                features,
                gold: example.gold.clone(),
            });
        }
    }
    let refs: Vec<&Example> = second_examples.iter().collect();
    let mut report = |epoch: usize, p: &SparsePerceptron| {
        if let Some(f) = on_epoch.as_deref_mut() {
            f(
                epoch,
                &compose(first.clone(), Some(Pass::new(p.average(config.prune)))),
            );
        }
    };
    let second = train_pass(&refs, config, &mut report);
    Ok(compose(
        first.clone(),
        Some(Pass::new(second.average(config.prune))),
    ))
}

/// Trains one pass with the structured perceptron; `report` is called
/// after each epoch with the perceptron as it stands.
fn train_pass(
    examples: &[&Example],
    config: &TrainConfig,
    report: &mut dyn FnMut(usize, &SparsePerceptron),
) -> SparsePerceptron {
    let mut perceptron = SparsePerceptron::new(TAG_COUNT);
    let mut rng = Rng::new(config.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut decoder = Decoder::default();
    let mut emissions: Vec<[f32; TAG_COUNT]> = Vec::new();
    let mut scores = vec![0i32; TAG_COUNT];
    let transition_ids: Vec<u64> = (0..TAG_COUNT).map(transition_feature).collect();
    for epoch in 1..=config.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let Example { features, gold } = examples[k];
            if gold.is_empty() {
                continue;
            }
            perceptron.tick();
            emissions.clear();
            for i in 0..features.len() {
                scores.iter_mut().for_each(|s| *s = 0);
                perceptron.score_into(features.token(i), &mut scores);
                emissions.push(std::array::from_fn(|t| scores[t] as f32));
            }
            let mut table = [[0.0f32; TAG_COUNT]; TAG_COUNT];
            for (row, &id) in table.iter_mut().zip(&transition_ids) {
                scores.iter_mut().for_each(|s| *s = 0);
                perceptron.score_into(&[id], &mut scores);
                *row = std::array::from_fn(|t| scores[t] as f32);
            }
            let guess = decoder.best_path(&emissions, &Transitions::new(table));
            if &guess == gold {
                continue;
            }
            for i in 0..gold.len() {
                perceptron.update(gold[i], guess[i], features.token(i));
                if i > 0 && (gold[i - 1], gold[i]) != (guess[i - 1], guess[i]) {
                    perceptron.add(transition_ids[gold[i - 1]], gold[i], 1);
                    perceptron.add(transition_ids[guess[i - 1]], guess[i], -1);
                }
            }
        }
        report(epoch, &perceptron);
    }
    perceptron
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::EntityLabel;
    use crate::ner::embedded::model::Scratch;

    fn sentence(text: &str, spans: &[(usize, usize, EntityLabel)]) -> TrainingSentence {
        TrainingSentence {
            words: text.split(' ').map(str::to_string).collect(),
            spans: spans
                .iter()
                .map(|&(s, e, label)| TokenSpan {
                    tokens: s..e,
                    label,
                })
                .collect(),
            ..TrainingSentence::default()
        }
    }

    fn corpus() -> Vec<LabeledDocument> {
        use EntityLabel::*;
        let docs = [
            vec![
                sentence(
                    "Vladimir Putin visited Paris .",
                    &[(0, 2, Per), (3, 4, Loc)],
                ),
                sentence("Putin left .", &[(0, 1, Per)]),
            ],
            vec![sentence(
                "Emmanuel Macron left Berlin .",
                &[(0, 2, Per), (3, 4, Loc)],
            )],
            vec![sentence("the talks in Paris ended .", &[(3, 4, Loc)])],
            vec![sentence(
                "Olaf Scholz met Putin in Berlin .",
                &[(0, 2, Per), (3, 4, Per), (5, 6, Loc)],
            )],
            vec![sentence("the minister spoke .", &[])],
        ];
        docs.into_iter()
            .enumerate()
            .map(|(i, sentences)| LabeledDocument {
                id: format!("d{i}"),
                sentences,
            })
            .collect()
    }

    fn label(model: &NerModel, words: &[&str]) -> Vec<(TokenSpan, f32)> {
        let input = SentenceInput {
            words,
            upos: &[],
            dictionary: &[],
        };
        model
            .label_document(&[input], &mut Scratch::default())
            .remove(0)
    }

    #[test]
    fn learns_names_from_a_tiny_corpus_with_and_without_context() {
        for context in [false, true] {
            let config = TrainConfig {
                epochs: 8,
                context,
                folds: 2,
                ..TrainConfig::default()
            };
            let mut epochs = 0;
            let model = train(
                &corpus(),
                WordLexicon::default(),
                &config,
                Some(&mut |_, _| epochs += 1),
            )
            .unwrap();
            assert_eq!(epochs, 8);
            assert_eq!(model.second_pass().is_some(), context);
            let words = ["Macron", "visited", "Berlin", "."];
            let spans = label(&model, &words);
            let found: Vec<_> = spans
                .iter()
                .map(|(s, _)| (s.tokens.clone(), s.label))
                .collect();
            assert!(found.contains(&(2..3, EntityLabel::Loc)), "{found:?}");
            // The file round-trips.
            let mut bytes = Vec::new();
            model.write_to(&mut bytes).unwrap();
            let back = NerModel::from_bytes(&bytes, std::path::Path::new("m")).unwrap();
            assert_eq!(label(&back, &words), spans);
            bytes.push(0);
            assert!(NerModel::from_bytes(&bytes, std::path::Path::new("m")).is_err());
        }
    }
}
