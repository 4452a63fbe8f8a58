//! Speed of the embedded recognizer on news text, one thread: tokens per
//! second through `EmbeddedRecognizer::recognize` (model, dictionary
//! evidence, title trimming and the dictionary merge), and the time to
//! parse the shipped model file.
//!
//! `cargo bench --bench ner` — criterion prints the throughput in
//! elements (tokens) per second. The texts are the sample corpus in
//! `data/sample/`, segmented once outside the measured loop.

use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use actant::doc::{Doc, RawDoc};
use actant::ner::embedded::model::NerModel;
use actant::ner::embedded::recognizer::{EMBEDDED_MODEL, EMBEDDED_ORIGIN};
use actant::ner::embedded::EmbeddedRecognizer;
use actant::ner::Recognizer;
use actant::segment::Segmenter;

/// The sample articles, segmented.
fn documents() -> Vec<Doc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/sample exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let segmenter = Segmenter::new();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable sample");
            let mut doc = Doc::from_raw(RawDoc::new(p.display().to_string(), text));
            let s = segmenter.segment(&doc.text);
            doc.sentences = s.sentences;
            doc.tokens = s.tokens;
            doc
        })
        .collect()
}

fn recognize(c: &mut Criterion) {
    let recognizer = EmbeddedRecognizer::embedded().expect("shipped model loads");
    let docs = documents();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let entities: usize = docs
        .iter()
        .map(|d| recognizer.recognize(d).expect("recognizes").len())
        .sum();
    eprintln!(
        "{} documents, {tokens} tokens, {entities} entities; model {} bytes",
        docs.len(),
        EMBEDDED_MODEL.len()
    );
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(20);
    group.bench_function("recognize", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    recognizer
                        .recognize(black_box(d))
                        .expect("recognizes")
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("model_only", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| recognizer.model_entities(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let mut load = c.benchmark_group("ner_load");
    load.sample_size(10);
    load.bench_function("parse_model_file", |b| {
        b.iter(|| {
            NerModel::from_bytes(black_box(EMBEDDED_MODEL), Path::new(EMBEDDED_ORIGIN))
                .expect("parses")
        })
    });
    load.finish();
}

criterion_group!(benches, recognize);
criterion_main!(benches);
