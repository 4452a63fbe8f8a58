//! The gazetteer on the labelled dev articles (`tests/fixtures/dev`): of
//! its mentions, how many are gold mentions with the gold span and label
//! (precision), and how many gold LOC, ORG and MISC mentions it finds
//! (recall). People are out of its reach and left out of the count.
//!
//! The articles are tokenized with the test tokenizer, so the figure does
//! not move with the segmenter. It guards against regressions in the
//! gazetteer and the shipped dictionary; the test split stays untouched.

mod gazetteer_support;

use std::collections::HashSet;

use actant::ner::{Gazetteer, Recognizer};
use actant::EntityLabel;

#[derive(serde::Deserialize)]
struct Article {
    id: String,
    text: String,
    entities: Vec<GoldEntity>,
}

#[derive(serde::Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    label: String,
}

/// `(start byte, end byte, label)`.
type Mention = (usize, usize, EntityLabel);

#[test]
fn dev_articles_precision_and_recall() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/dev/entities.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("dev fixtures are in the repository");
    let gazetteer = Gazetteer::embedded().unwrap();
    let (mut correct, mut predicted, mut gold_count) = (0, 0, 0);
    let mut errors = Vec::new();
    for line in text.lines() {
        let article: Article = serde_json::from_str(line).unwrap();
        // Gold offsets are code points; the document's are bytes.
        let bytes: Vec<usize> = article
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([article.text.len()])
            .collect();
        let gold: HashSet<Mention> = article
            .entities
            .iter()
            .map(|e| (bytes[e.start], bytes[e.end], e.label.parse().unwrap()))
            .filter(|e: &Mention| e.2 != EntityLabel::Per)
            .collect();
        let doc = gazetteer_support::doc(&article.text);
        for entity in gazetteer.recognize(&doc).unwrap() {
            predicted += 1;
            if gold.contains(&(entity.span.start, entity.span.end, entity.label)) {
                correct += 1;
            } else {
                errors.push(format!(
                    "{}: `{}` {}",
                    article.id,
                    doc.slice(entity.span),
                    entity.label
                ));
            }
        }
        gold_count += gold.len();
    }
    let precision = correct as f64 / predicted as f64;
    let recall = correct as f64 / gold_count as f64;
    println!(
        "dev: {correct} correct of {predicted} predicted, {gold_count} gold (non-PER): \
         precision {precision:.3}, recall {recall:.3}"
    );
    assert!(
        precision >= 0.95,
        "precision {precision:.3}; wrong: {errors:#?}"
    );
    assert!(recall >= 0.90, "recall {recall:.3}");
}
