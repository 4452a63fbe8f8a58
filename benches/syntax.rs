//! Throughput of the syntax stage (tagger + lemmatizer + parser) on news
//! text, one thread, document by document as the pipeline runs it (and
//! sentence by sentence, for comparison), and the time to load the shipped
//! models.
//!
//! Run with `cargo bench --bench syntax`; criterion reports tokens/s
//! ("elem/s") for the whole stage and for each model, and the load time.
//! The text is the project's sample corpus (`data/sample/*.txt`),
//! segmented by actant.

use std::path::Path;

use actant::segment::Segmenter;
use actant::syntax::words::WordAtoms;
use actant::syntax::{ParseInput, SyntaxModel, TagAtoms};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// The sentences of the sample corpus, as words, and each document's
/// range of sentences.
fn sentences() -> (Vec<Vec<String>>, Vec<std::ops::Range<usize>>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/sample exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let segmenter = Segmenter::new();
    let mut out = Vec::new();
    let mut documents = Vec::new();
    for file in files {
        let first = out.len();
        let text = std::fs::read_to_string(&file).expect("sample is UTF-8");
        let seg = segmenter.segment(&text);
        for s in &seg.sentences {
            out.push(
                seg.tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| text[t.span.range()].to_string())
                    .collect(),
            );
        }
        documents.push(first..out.len());
    }
    (out, documents)
}

fn stage(c: &mut Criterion) {
    let model = SyntaxModel::embedded().expect("embedded models load");
    let (sentences, documents) = sentences();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let atoms: Vec<Vec<WordAtoms>> = words
        .iter()
        .map(|s| s.iter().map(|w| WordAtoms::new(w)).collect())
        .collect();
    let inputs: Vec<ParseInput> = atoms
        .iter()
        .map(|a| {
            let tags: Vec<TagAtoms> = model
                .tagger()
                .tag(a)
                .iter()
                .map(|&t| model.tagger().atoms(t))
                .collect();
            ParseInput::new(a, &tags)
        })
        .collect();

    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(tokens as u64));
    // As the pipeline runs it: a document's sentences together.
    let documents: Vec<Vec<&[&str]>> = documents
        .iter()
        .map(|range| words[range.clone()].iter().map(Vec::as_slice).collect())
        .collect();
    group.bench_function("tagger+lemmatizer+parser", |b| {
        b.iter(|| {
            for d in &documents {
                black_box(model.annotate_sentences(black_box(d)));
            }
        })
    });
    group.bench_function("sentence_by_sentence", |b| {
        b.iter(|| {
            for s in &words {
                black_box(model.annotate(black_box(s)));
            }
        })
    });
    group.bench_function("tagger", |b| {
        b.iter(|| {
            for a in &atoms {
                black_box(model.tagger().tag(black_box(a)));
            }
        })
    });
    group.bench_function("parser", |b| {
        b.iter(|| {
            for input in &inputs {
                black_box(model.parser().parse(black_box(input)));
            }
        })
    });
    group.finish();
}

/// Resident memory of this process, in bytes (Linux; 0 elsewhere).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        })
        .unwrap_or(0)
}

fn load(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    let read = |name: &str| std::fs::read(dir.join(name)).expect("model file reads");
    let (tagger, lemmatizer, parser) = (
        read("tagger.bin"),
        read("lemmatizer.bin"),
        read("parser.bin"),
    );
    let before = resident_bytes();
    let model = SyntaxModel::from_bytes(&tagger, &lemmatizer, &parser, &dir).expect("models load");
    let after = resident_bytes();
    eprintln!(
        "syntax models: {:.1} MB of files, {:.1} MB of tables, resident memory +{:.1} MB",
        (tagger.len() + lemmatizer.len() + parser.len()) as f64 / 1e6,
        model.heap_bytes() as f64 / 1e6,
        after.saturating_sub(before) as f64 / 1e6
    );
    drop(model);
    let mut group = c.benchmark_group("syntax-load");
    group.sample_size(10);
    group.bench_function("from_bytes", |b| {
        b.iter(|| {
            black_box(
                SyntaxModel::from_bytes(&tagger, &lemmatizer, &parser, &dir).expect("models load"),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, load, stage);
criterion_main!(benches);
