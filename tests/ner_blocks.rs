//! The embedded recognizer labels long documents block by block: a news
//! article (shorter than a block) gets exactly the entities of labelling it
//! whole, and a long document gets entities in its late blocks, at their
//! own offsets in the text.

use std::path::Path;

use actant::doc::{Doc, Entity, RawDoc};
use actant::ner::embedded::blocks::{sentence_blocks, BLOCK_TOKENS};
use actant::ner::embedded::EmbeddedRecognizer;
use actant::ner::Recognizer;
use actant::segment::Segmenter;

fn segmented(id: &str, text: String) -> Doc {
    let mut doc = Doc::from_raw(RawDoc::new(id, text));
    let s = Segmenter::new().segment(&doc.text);
    doc.sentences = s.sentences;
    doc.tokens = s.tokens;
    doc
}

fn sample_articles() -> Vec<Doc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            segmented(
                &p.display().to_string(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

/// What an entity says, for comparing: span, sentence, label, score,
/// source, code, canonical name.
type Summary = (usize, usize, usize, String, u32, String, String);

fn summary(entities: &[Entity]) -> Vec<Summary> {
    entities
        .iter()
        .map(|e| {
            (
                e.span.start,
                e.span.end,
                e.sentence,
                format!("{:?}", e.label),
                e.score.to_bits(),
                e.source.to_string(),
                format!("{:?} {:?}", e.code, e.canonical),
            )
        })
        .collect()
}

#[test]
fn an_article_shorter_than_a_block_gets_the_entities_of_the_whole_document() {
    let blocked = EmbeddedRecognizer::embedded().unwrap();
    // One block of any size: the document labelled whole, as before blocks.
    let whole = EmbeddedRecognizer::embedded()
        .unwrap()
        .with_block_tokens(usize::MAX);
    let articles = sample_articles();
    assert!(articles.len() >= 5);
    for doc in &articles {
        assert!(doc.tokens.len() < BLOCK_TOKENS, "{}", doc.id);
        let found = blocked.recognize(doc).unwrap();
        assert!(!found.is_empty(), "{}", doc.id);
        assert_eq!(
            summary(&found),
            summary(&whole.recognize(doc).unwrap()),
            "{}",
            doc.id
        );
        assert_eq!(
            summary(&blocked.model_entities(doc)),
            summary(&whole.model_entities(doc)),
            "{}",
            doc.id
        );
    }
}

#[test]
fn late_blocks_get_entities_at_their_offsets() {
    let sentence = "Azerbaijani troops shelled positions near Stepanakert on Tuesday, \
                    the Defense Ministry in Yerevan said. ";
    let copies = 2 * BLOCK_TOKENS / 15;
    let doc = segmented("long", sentence.repeat(copies));
    assert_eq!(doc.sentences.len(), copies);
    let blocks: Vec<_> = sentence_blocks(&doc.sentences, BLOCK_TOKENS).collect();
    assert!(blocks.len() >= 3, "{} blocks", blocks.len());

    let recognizer = EmbeddedRecognizer::embedded().unwrap();
    let found = recognizer.recognize(&doc).unwrap();
    let per_copy = |k: usize| -> Vec<(usize, usize, String, Option<String>)> {
        let start = k * sentence.len();
        found
            .iter()
            .filter(|e| e.sentence == k)
            .map(|e| {
                assert_eq!(doc.sentence_at(e.span.start), Some(k));
                (
                    e.span.start - start,
                    e.span.end - start,
                    doc.slice(e.span).to_string(),
                    e.code.clone(),
                )
            })
            .collect()
    };
    let first = per_copy(0);
    let names: Vec<&str> = first.iter().map(|e| e.2.as_str()).collect();
    assert!(names.contains(&"Stepanakert"), "{names:?}");
    assert!(names.contains(&"Yerevan"), "{names:?}");
    // Every copy, in every block, has the first copy's entities at its own
    // place in the text.
    for k in 1..copies {
        assert_eq!(per_copy(k), first, "copy {k}");
    }
    let last = blocks.last().unwrap();
    assert!(found.iter().any(|e| last.contains(&e.sentence)));
    assert_eq!(found.len(), first.len() * copies);
}
