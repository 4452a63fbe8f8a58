//! Predictions made by running the configured pipeline on the gold texts,
//! for `actant eval ... --gold FILE` without `--pred`.
//!
//! Documents are annotated in parallel and collected in input order; a
//! document the pipeline fails on is reported and contributes no
//! predictions (its gold items count as misses).

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::conllu::ConlluSentence;
use crate::doc::{CharOffsets, Doc, RawDoc};
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;

use super::conllu_text::conllu_documents;
use super::ner_data::{Mention, NerData, NerFormat};
use super::syntax_align::SystemDocument;
use super::triples::{TripleRecord, TriplesData};

/// The name predictions made by the pipeline carry as their source.
pub const PIPELINE_SOURCE: &str = "pipeline";

/// A document the pipeline could not annotate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocFailure {
    /// Document id.
    pub doc: String,
    /// What went wrong.
    pub message: String,
}

/// Annotated documents in input order, and the failures.
pub fn annotate_all(pipeline: &Pipeline, docs: &[RawDoc]) -> (Vec<Option<Doc>>, Vec<DocFailure>) {
    let results: Vec<Result<Doc>> = docs.par_iter().map(|d| pipeline.process(d)).collect();
    let mut failures = Vec::new();
    let annotated = results
        .into_iter()
        .zip(docs)
        .map(|(result, raw)| match result {
            Ok(doc) => Some(doc),
            Err(e) => {
                failures.push(DocFailure {
                    doc: raw.id.clone(),
                    message: e.to_string(),
                });
                None
            }
        })
        .collect();
    (annotated, failures)
}

/// The pipeline's entities on the documents of gold entity data.
pub fn predict_entities(pipeline: &Pipeline, gold: &NerData) -> Result<(NerData, Vec<DocFailure>)> {
    let Some(docs) = &gold.docs else {
        return Err(Error::config(format!(
            "{} has no document texts to run the pipeline on; give predictions",
            gold.source
        )));
    };
    let raw: Vec<RawDoc> = docs.iter().map(|d| RawDoc::new(&d.id, &d.text)).collect();
    let (annotated, failures) = annotate_all(pipeline, &raw);
    let mut mentions = Vec::new();
    for doc in annotated.iter().flatten() {
        let chars = CharOffsets::new(&doc.text);
        for entity in &doc.entities {
            mentions.push(Mention {
                doc: doc.id.clone(),
                start: chars.char_offset(entity.span.start),
                end: chars.char_offset(entity.span.end),
                label: entity.label.as_str().to_string(),
                text: doc.slice(entity.span).to_string(),
            });
        }
    }
    let data = NerData::new(
        PIPELINE_SOURCE,
        NerFormat::Pipeline,
        Some(docs.clone()),
        mentions,
    );
    Ok((data, failures))
}

/// The pipeline's triples on documents.
pub fn predict_triples(pipeline: &Pipeline, docs: &[RawDoc]) -> (TriplesData, Vec<DocFailure>) {
    let (annotated, failures) = annotate_all(pipeline, docs);
    let triples = annotated
        .iter()
        .flatten()
        .flat_map(|doc| {
            doc.triples.iter().map(move |t| TripleRecord {
                doc: doc.id.clone(),
                actor: t.actor.text.clone(),
                action: t.action_lemma.clone(),
                target: t
                    .target
                    .as_ref()
                    .map(|a| a.text.clone())
                    .unwrap_or_default(),
                event: t.event.clone().unwrap_or_default(),
                line: None,
            })
        })
        .collect();
    let data = TriplesData {
        source: PIPELINE_SOURCE.to_string(),
        docs: Some(docs.iter().map(|d| d.id.clone()).collect()),
        triples,
    };
    (data, failures)
}

/// The texts of a treebank's documents, as the pipeline reads them.
pub fn treebank_documents(gold: &[ConlluSentence]) -> Vec<RawDoc> {
    conllu_documents(gold)
        .into_iter()
        .map(|d| RawDoc::new(d.id, d.text))
        .collect()
}

/// The pipeline's sentences, tokens and (when it parses) syntax on the
/// raw text of a treebank. A failed document keeps its text and has no
/// sentences.
pub fn predict_syntax(
    pipeline: &Pipeline,
    gold: &[ConlluSentence],
) -> (Vec<SystemDocument>, Vec<DocFailure>) {
    let raw = treebank_documents(gold);
    let (annotated, failures) = annotate_all(pipeline, &raw);
    let documents = annotated
        .into_iter()
        .zip(raw)
        .map(|(doc, raw)| match doc {
            Some(doc) => SystemDocument::from_doc(&doc),
            None => SystemDocument {
                text: raw.text,
                sentences: Vec::new(),
                surface_tokens: false,
            },
        })
        .collect();
    (documents, failures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::ner_data::EvalDoc;

    #[test]
    fn entity_predictions_cover_every_gold_document() {
        let pipeline = Pipeline::builder().build().unwrap();
        let gold = NerData::new(
            "g",
            NerFormat::Jsonl,
            Some(vec![EvalDoc {
                id: "a".into(),
                text: "Aliyev met Pashinyan.".into(),
            }]),
            vec![],
        );
        let (pred, failures) = predict_entities(&pipeline, &gold).unwrap();
        assert!(failures.is_empty());
        assert_eq!(pred.source, PIPELINE_SOURCE);
        assert_eq!(pred.document_ids(), vec!["a"]);
        let no_texts = NerData::new("g.csv", NerFormat::EntitiesCsv, None, vec![]);
        assert!(predict_entities(&pipeline, &no_texts).is_err());
    }
}
