//! Parity with Hugging Face on the committed tiny models: same windows,
//! logits within 1e-4, same arg-max labels, same entity spans (character
//! offsets) and scores as `pipeline("token-classification",
//! aggregation_strategy="first", stride=...)`, recorded in each fixture's
//! `reference.json` by `scripts/make-tiny-bert.py`.

#![cfg(feature = "transformer")]

use std::path::{Path, PathBuf};

use actant::doc::CharOffsets;
use actant::ner::transformer::{DeviceChoice, TransformerConfig, TransformerRecognizer};
use actant::{Doc, RawDoc};
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    stride: usize,
    max_length: usize,
    texts: Vec<ReferenceText>,
}

#[derive(Deserialize)]
struct ReferenceText {
    text: String,
    windows: Vec<ReferenceWindow>,
    entities: Vec<ReferenceEntity>,
}

#[derive(Deserialize)]
struct ReferenceWindow {
    input_ids: Vec<i64>,
    offsets: Vec<(usize, usize)>,
    logits: Vec<Vec<f32>>,
}

#[derive(Deserialize, Debug, Clone, PartialEq)]
struct ReferenceEntity {
    label: String,
    start: usize,
    end: usize,
    score: f32,
}

fn fixture(variant: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tiny-bert")
        .join(variant)
}

fn reference(dir: &Path) -> Reference {
    let text = std::fs::read_to_string(dir.join("reference.json")).expect("reference.json");
    serde_json::from_str(&text).expect("reference.json parses")
}

fn recognizer(dir: &Path, stride: usize) -> TransformerRecognizer {
    let mut config = TransformerConfig::new(dir);
    config.device = DeviceChoice::Cpu;
    config.threads = 1;
    config.batch_size = 4; // fewer than the fixture's texts: several batches
    config.stride = Some(stride);
    TransformerRecognizer::load(&config).expect("fixture model loads")
}

/// What one fixture's comparison found.
#[derive(Debug, Default)]
struct Agreement {
    texts: usize,
    windows: usize,
    pieces: usize,
    max_logit_diff: f32,
    labels_equal: usize,
    entities: usize,
    entities_equal: usize,
    max_score_diff: f32,
}

fn argmax(row: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in row.iter().enumerate() {
        if x > row[best] {
            best = i;
        }
    }
    best
}

/// Compares windows, logits and entities of every reference text.
fn compare(dir: &Path) -> Agreement {
    let reference = reference(dir);
    let recognizer = recognizer(dir, reference.stride);
    assert_eq!(recognizer.summary().max_length, reference.max_length);
    let mut agreement = Agreement::default();

    for (t, expected) in reference.texts.iter().enumerate() {
        let text = &expected.text;
        let chars = CharOffsets::new(text);
        let ours = recognizer.text_logits(text).expect("logits");
        assert_eq!(
            ours.inputs.len(),
            expected.windows.len(),
            "text {t}: number of windows"
        );
        for (w, (window, hf)) in ours.windows.iter().zip(&expected.windows).enumerate() {
            assert_eq!(
                ours.inputs[w], hf.input_ids,
                "text {t} window {w}: input ids"
            );
            let content = 1..hf.input_ids.len() - 1;
            let offsets: Vec<(usize, usize)> = ours.pieces.offsets[window.clone()]
                .iter()
                .map(|&(s, e)| (chars.char_offset(s), chars.char_offset(e)))
                .collect();
            assert_eq!(
                offsets,
                hf.offsets[content.clone()],
                "text {t} window {w}: offsets"
            );
            let n_labels = hf.logits[0].len();
            for (row, hf_row) in ours.logits[w].chunks(n_labels).zip(&hf.logits[content]) {
                for (a, b) in row.iter().zip(hf_row) {
                    agreement.max_logit_diff = agreement.max_logit_diff.max((a - b).abs());
                }
                agreement.pieces += 1;
                agreement.labels_equal += usize::from(argmax(row) == argmax(hf_row));
            }
            agreement.windows += 1;
        }
        agreement.texts += 1;
    }

    // Entities, all texts in one call so the worker batches across them.
    let docs: Vec<Doc> = reference
        .texts
        .iter()
        .enumerate()
        .map(|(i, t)| Doc::from_raw(RawDoc::new(format!("t{i}"), t.text.clone())))
        .collect();
    let doc_refs: Vec<&Doc> = docs.iter().collect();
    let results = recognizer.recognize_batch(&doc_refs);
    for ((doc, result), expected) in docs.iter().zip(results).zip(&reference.texts) {
        let chars = CharOffsets::new(&doc.text);
        let found: Vec<ReferenceEntity> = result
            .expect("entities")
            .iter()
            .map(|e| {
                assert_eq!(e.source, "transformer");
                ReferenceEntity {
                    label: e.label.to_string(),
                    start: chars.char_offset(e.span.start),
                    end: chars.char_offset(e.span.end),
                    score: e.score,
                }
            })
            .collect();
        agreement.entities += expected.entities.len();
        for (ours, hf) in found.iter().zip(&expected.entities) {
            if (&ours.label, ours.start, ours.end) == (&hf.label, hf.start, hf.end) {
                agreement.entities_equal += 1;
                agreement.max_score_diff =
                    agreement.max_score_diff.max((ours.score - hf.score).abs());
            }
        }
        let spans = |v: &[ReferenceEntity]| -> Vec<(String, usize, usize)> {
            v.iter()
                .map(|e| (e.label.clone(), e.start, e.end))
                .collect()
        };
        assert_eq!(
            spans(&found),
            spans(&expected.entities),
            "{}: entity spans",
            doc.id
        );
    }
    agreement
}

fn assert_parity(variant: &str) {
    let dir = fixture(variant);
    let a = compare(&dir);
    println!(
        "parity {}: {} texts, {} windows, {} pieces: max |logit diff| {:.2e}, labels equal {}/{}, entity spans equal {}/{}, max |score diff| {:.2e}",
        if variant.is_empty() { "tiny-bert" } else { variant },
        a.texts,
        a.windows,
        a.pieces,
        a.max_logit_diff,
        a.labels_equal,
        a.pieces,
        a.entities_equal,
        a.entities,
        a.max_score_diff
    );
    assert!(
        a.max_logit_diff < 1e-4,
        "max logit diff {}",
        a.max_logit_diff
    );
    assert_eq!(a.labels_equal, a.pieces);
    assert_eq!(a.entities_equal, a.entities);
    assert!(
        a.max_score_diff < 1e-4,
        "max score diff {}",
        a.max_score_diff
    );
    assert!(
        a.texts > 20 && a.entities > 50,
        "the fixture exercises little: {a:?}"
    );
}

#[test]
fn cased_bert_matches_hugging_face() {
    assert_parity("");
}

#[test]
fn uncased_bert_matches_hugging_face() {
    assert_parity("uncased");
}

#[test]
fn distilbert_matches_hugging_face() {
    assert_parity("distilbert");
}

#[test]
fn vocab_txt_without_tokenizer_json_gives_the_same_pieces() {
    let source = fixture("");
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "config.json",
        "model.safetensors",
        "vocab.txt",
        "tokenizer_config.json",
        "reference.json",
    ] {
        std::fs::copy(source.join(name), dir.path().join(name)).unwrap();
    }
    let a = compare(dir.path());
    assert!(a.max_logit_diff < 1e-4);
    assert_eq!(a.entities_equal, a.entities);
}

#[test]
fn entities_beyond_piece_512_are_found() {
    let dir = fixture("");
    let reference = reference(&dir);
    let recognizer = recognizer(&dir, reference.stride);
    let long = reference
        .texts
        .iter()
        .max_by_key(|t| t.text.len())
        .expect("texts");
    let logits = recognizer.text_logits(&long.text).unwrap();
    assert!(logits.pieces.len() > 700, "{} pieces", logits.pieces.len());
    assert!(logits.windows.len() > 10);
    let chars = CharOffsets::new(&long.text);
    let piece_512 = chars.char_offset(logits.pieces.offsets[512].0);
    let late: Vec<&ReferenceEntity> = long
        .entities
        .iter()
        .filter(|e| e.start >= piece_512)
        .collect();
    assert!(
        late.len() >= 5,
        "reference has {} late entities",
        late.len()
    );
    let found = recognizer.mentions(&long.text).unwrap();
    let found_late: Vec<(usize, usize)> = found
        .iter()
        .map(|m| {
            (
                chars.char_offset(m.span.start),
                chars.char_offset(m.span.end),
            )
        })
        .filter(|&(s, _)| s >= piece_512)
        .collect();
    let expected_late: Vec<(usize, usize)> = late.iter().map(|e| (e.start, e.end)).collect();
    assert_eq!(found_late, expected_late);
}
