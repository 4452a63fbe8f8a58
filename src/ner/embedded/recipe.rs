//! The training recipe of the shipped model: which treebank files it
//! learns from, which it is scored on, and how a labelled document is
//! scored on gold tokens.
//!
//! | part | file (under the data folder) | use |
//! |---|---|---|
//! | GUM train | `gum/en_gum-ud-train.conllu` | training |
//! | GUM dev | `gum/en_gum-ud-dev.conllu` | evaluation only |
//! | UNER EWT dev, 2 of 3 documents | `uner-ewt/en_ewt-ud-dev.iob2` | training |
//! | UNER EWT dev, every 3rd document | same | evaluation only |
//! | EWT train, GUM train (text only) | `ud-ewt/en_ewt-ud-train.conllu` | word lexicon |

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::corpus::conllu::read_conllu;
use crate::doc::EntityLabel;
use crate::doc::TokenSyntax;
use crate::error::Result;
use crate::eval::ner::{score_ner, NerOptions, NerReport};
use crate::eval::ner_data::{Mention, NerData, NerFormat};
use crate::ner::{Gazetteer, Recognizer};

use super::clusters::{ClusterConfig, ClusterCorpus};
use super::data::{gum_documents_of, split_uner, uner_documents, LabeledDocument};
use super::document::DocumentLabeller;
use super::evidence::{add_dictionary_bits, doc_of_words};
use super::lexicon::{LexiconBuilder, WordLexicon};
use super::model::NerModel;
use super::tags::TokenSpan;

/// GUM training treebank, relative to the data folder.
pub const GUM_TRAIN: &str = "gum/en_gum-ud-train.conllu";
/// GUM development treebank (evaluation only).
pub const GUM_DEV: &str = "gum/en_gum-ud-dev.conllu";
/// Universal NER labels of EWT dev.
pub const UNER_DEV: &str = "uner-ewt/en_ewt-ud-dev.iob2";
/// EWT training treebank (its text feeds the word lexicon).
pub const EWT_TRAIN: &str = "ud-ewt/en_ewt-ud-train.conllu";

/// How the recipe prepares its data.
#[derive(Clone, Copy, Debug, Default)]
pub struct RecipeConfig {
    /// Word clustering of the unlabeled text (window 0: no clusters).
    pub clusters: ClusterConfig,
}

/// The labelled data of the recipe, split for training and evaluation.
#[derive(Clone, Debug, Default)]
pub struct RecipeData {
    /// GUM train documents.
    pub gum_train: Vec<LabeledDocument>,
    /// GUM dev documents (never trained on).
    pub gum_dev: Vec<LabeledDocument>,
    /// Universal NER documents trained on.
    pub uner_train: Vec<LabeledDocument>,
    /// Universal NER documents held out.
    pub uner_heldout: Vec<LabeledDocument>,
    /// Word lexicon from unlabeled training text.
    pub lexicon: WordLexicon,
}

impl RecipeData {
    /// Reads every file of the recipe from `data_dir` (the shared data folder).
    pub fn load(data_dir: &Path, config: &RecipeConfig) -> Result<RecipeData> {
        let path = |p: &str| -> PathBuf { data_dir.join(p) };
        let gum_train_sentences = read_conllu(&path(GUM_TRAIN))?;
        let gum_train = gum_documents_of(&gum_train_sentences)?;
        let gum_dev = gum_documents_of(&read_conllu(&path(GUM_DEV))?)?;
        let (uner_train, uner_heldout) = split_uner(uner_documents(&path(UNER_DEV))?);
        let mut lexicon = LexiconBuilder::default();
        let mut clusters = ClusterCorpus::default();
        for sentence in read_conllu(&path(EWT_TRAIN))?
            .iter()
            .chain(&gum_train_sentences)
        {
            let words: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
            lexicon.add_sentence(&words);
            clusters.add_sentence(&words);
        }
        let mut lexicon = lexicon.build();
        if config.clusters.window > 0 {
            lexicon.set_clusters(clusters.cluster(&config.clusters));
        }
        let mut data = RecipeData {
            gum_train,
            gum_dev,
            uner_train,
            uner_heldout,
            lexicon,
        };
        let gazetteer = Gazetteer::embedded()?;
        for docs in data.parts_mut() {
            add_dictionary_bits(&gazetteer, docs);
        }
        Ok(data)
    }

    fn parts_mut(&mut self) -> [&mut Vec<LabeledDocument>; 4] {
        [
            &mut self.gum_train,
            &mut self.gum_dev,
            &mut self.uner_train,
            &mut self.uner_heldout,
        ]
    }

    /// The documents trained on.
    pub fn training(&self) -> impl Iterator<Item = &LabeledDocument> {
        self.gum_train.iter().chain(&self.uner_train)
    }
}

/// Scores spans found per sentence against the gold spans of `docs`,
/// strict matching, restricted to `labels` (all labels when empty).
/// `found[d][s]` are the spans of sentence `s` of document `d`.
pub fn score_spans(
    docs: &[LabeledDocument],
    found: &[Vec<Vec<TokenSpan>>],
    labels: &[EntityLabel],
) -> Result<NerReport> {
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    for (doc, found) in docs.iter().zip(found) {
        for (s, (sentence, spans)) in doc.sentences.iter().zip(found).enumerate() {
            let id = format!("{}#{s}", doc.id);
            let mention = |span: &TokenSpan| Mention {
                doc: id.clone(),
                start: span.tokens.start,
                end: span.tokens.end,
                label: span.label.as_str().to_string(),
                text: sentence.words[span.tokens.clone()].join(" "),
            };
            gold.extend(sentence.spans.iter().map(mention));
            predicted.extend(spans.iter().map(mention));
        }
    }
    let options = NerOptions {
        labels: (!labels.is_empty()).then(|| {
            labels
                .iter()
                .map(|l| l.as_str().to_string())
                .collect::<BTreeSet<_>>()
        }),
        conll_labels: false,
    };
    score_ner(
        &NerData::new("gold", NerFormat::Jsonl, None, gold),
        &NerData::new("predicted", NerFormat::Jsonl, None, predicted),
        &options,
    )
}

/// Scores a model alone on gold-tokenized documents (see [`score_spans`]).
pub fn score_model(
    model: &NerModel,
    docs: &[LabeledDocument],
    labels: &[EntityLabel],
) -> Result<NerReport> {
    let labeller = DocumentLabeller::new(model);
    let found: Vec<Vec<Vec<TokenSpan>>> = docs
        .iter()
        .map(|doc| {
            labeller
                .label_document(doc)
                .into_iter()
                .map(|spans| spans.into_iter().map(|(span, _)| span).collect())
                .collect()
        })
        .collect();
    score_spans(docs, &found, labels)
}

/// Scores a pipeline recognizer on gold-tokenized documents: each document
/// is rebuilt from its words (see [`doc_of_words`]) and its entities are
/// mapped back to tokens.
pub fn score_recognizer(
    recognizer: &dyn Recognizer,
    docs: &[LabeledDocument],
    labels: &[EntityLabel],
) -> Result<NerReport> {
    let mut found = Vec::with_capacity(docs.len());
    for labelled in docs {
        let words: Vec<&[String]> = labelled.sentences.iter().map(|s| &s.words[..]).collect();
        let mut doc = doc_of_words(&labelled.id, &words);
        doc.syntax = labelled
            .sentences
            .iter()
            .flat_map(|s| {
                let tags = if s.upos.len() == s.words.len() {
                    s.upos.clone()
                } else {
                    vec![String::new(); s.words.len()]
                };
                tags.into_iter().map(|upos| TokenSyntax {
                    upos,
                    ..TokenSyntax::default()
                })
            })
            .collect();
        let mut spans: Vec<Vec<TokenSpan>> = vec![Vec::new(); labelled.sentences.len()];
        for entity in recognizer.recognize(&doc)? {
            let first = doc
                .tokens
                .partition_point(|t| t.span.start < entity.span.start);
            let end = doc
                .tokens
                .partition_point(|t| t.span.end <= entity.span.end);
            let Some(sentence) = doc.sentence_at(entity.span.start) else {
                continue;
            };
            let base = doc.sentences[sentence].tokens.start;
            if first < end && first >= base {
                spans[sentence].push(TokenSpan {
                    tokens: first - base..end - base,
                    label: entity.label,
                });
            }
        }
        found.push(spans);
    }
    score_spans(docs, &found, labels)
}
