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
use crate::error::Result;
use crate::eval::ner::{score_ner, NerOptions, NerReport};
use crate::eval::ner_data::{Mention, NerData, NerFormat};

use super::data::{gum_documents_of, split_uner, uner_documents, LabeledDocument};
use super::document::DocumentLabeller;
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
    pub fn load(data_dir: &Path) -> Result<RecipeData> {
        let path = |p: &str| -> PathBuf { data_dir.join(p) };
        let gum_train_sentences = read_conllu(&path(GUM_TRAIN))?;
        let gum_train = gum_documents_of(&gum_train_sentences)?;
        let gum_dev = gum_documents_of(&read_conllu(&path(GUM_DEV))?)?;
        let (uner_train, uner_heldout) = split_uner(uner_documents(&path(UNER_DEV))?);
        let mut lexicon = LexiconBuilder::default();
        for sentence in read_conllu(&path(EWT_TRAIN))?
            .iter()
            .chain(&gum_train_sentences)
        {
            let words: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
            lexicon.add_sentence(&words);
        }
        Ok(RecipeData {
            gum_train,
            gum_dev,
            uner_train,
            uner_heldout,
            lexicon: lexicon.build(),
        })
    }

    /// The documents trained on.
    pub fn training(&self) -> impl Iterator<Item = &LabeledDocument> {
        self.gum_train.iter().chain(&self.uner_train)
    }
}

/// Scores `labeller` on gold-tokenized documents, strict matching,
/// restricted to `labels` (all labels when empty).
pub fn score_documents(
    labeller: &DocumentLabeller<'_>,
    docs: &[LabeledDocument],
    labels: &[EntityLabel],
) -> Result<NerReport> {
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    for doc in docs {
        let found = labeller.label_document(doc);
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
            predicted.extend(spans.iter().map(|(span, _)| mention(span)));
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

/// Scores a model on documents (see [`score_documents`]).
pub fn score_model(
    model: &NerModel,
    docs: &[LabeledDocument],
    labels: &[EntityLabel],
) -> Result<NerReport> {
    score_documents(&DocumentLabeller::new(model), docs, labels)
}
