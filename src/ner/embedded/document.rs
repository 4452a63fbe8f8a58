//! Labelling whole documents of pre-tokenized sentences.

use super::data::LabeledDocument;
use super::model::{NerModel, Scratch};
use super::tags::TokenSpan;
use super::train::DocumentInput;

/// Labels the sentences of documents with a model.
#[derive(Clone, Copy, Debug)]
pub struct DocumentLabeller<'m> {
    model: &'m NerModel,
}

impl<'m> DocumentLabeller<'m> {
    /// A labeller using `model`.
    pub fn new(model: &'m NerModel) -> Self {
        DocumentLabeller { model }
    }

    /// The spans (with probabilities) of every sentence of `doc`, in order.
    pub fn label_document(&self, doc: &LabeledDocument) -> Vec<Vec<(TokenSpan, f32)>> {
        let input = DocumentInput::new(doc);
        self.model
            .label_document(&input.sentences(), &mut Scratch::default())
    }
}
