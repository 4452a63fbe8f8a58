//! What the rule layer adds to the embedded pipeline's time, on the
//! sample corpus (`data/sample`, fourteen news articles).
//!
//! `cargo bench --bench link` measures three things over the whole corpus:
//! the pipeline without the rule layer, the pipeline with it, and the rule
//! layer alone on documents the pipeline already annotated (the cleanest
//! figure for its cost). The bar: `link_stage` ≤ 10% of
//! `pipeline_without_link`. A summary line on stderr gives the ratio from
//! a quick timing before criterion's own runs.

use std::time::Instant;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use actant::{Pipeline, RawDoc};

/// The sample articles, in file-name order.
fn sample() -> Vec<RawDoc> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/sample exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("sample reads");
            RawDoc::new(p.file_stem().unwrap().to_string_lossy(), text)
        })
        .collect()
}

fn link(c: &mut Criterion) {
    let docs = sample();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let with = Pipeline::builder().build().expect("pipeline builds");
    let without = Pipeline::builder()
        .without_link()
        .build()
        .expect("pipeline builds");
    let linker = with.linker().expect("the default pipeline links").clone();
    let annotated: Vec<_> = docs
        .iter()
        .map(|d| without.process(d).expect("annotates"))
        .collect();
    let tokens: usize = annotated.iter().map(|d| d.tokens.len()).sum();
    let parsed = annotated.iter().all(|d| d.syntax.len() == d.tokens.len());
    let triples: usize = annotated.iter().map(|d| linker.link(d).len()).sum();

    let rounds = 5;
    let start = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            black_box(without.process(d).expect("annotates"));
        }
    }
    let pipeline_time = start.elapsed().as_secs_f64() / rounds as f64;
    let start = Instant::now();
    for _ in 0..rounds {
        for d in &annotated {
            black_box(linker.link(d));
        }
    }
    let link_time = start.elapsed().as_secs_f64() / rounds as f64;
    eprintln!(
        "{} docs, {bytes} bytes, {tokens} tokens, parsed: {parsed}, {triples} triples; \
         pipeline without link {:.1} ms, link stage {:.2} ms = {:.1}% of the pipeline",
        docs.len(),
        pipeline_time * 1e3,
        link_time * 1e3,
        100.0 * link_time / pipeline_time
    );

    let mut group = c.benchmark_group("link");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("pipeline_without_link", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(without.process(d).expect("annotates"));
            }
        })
    });
    group.bench_function("pipeline_with_link", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(with.process(d).expect("annotates"));
            }
        })
    });
    group.bench_function("link_stage", |b| {
        b.iter(|| {
            for d in &annotated {
                black_box(linker.link(black_box(d)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, link);
criterion_main!(benches);
