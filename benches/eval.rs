//! Speed of `actant eval ner` on a CoNLL file of 10,000 sentences (the
//! issue's bar: under 2 s), generated here: reading gold and predictions,
//! scoring both modes, rendering the table.

use std::fmt::Write;
use std::path::Path;

use actant::eval::conll::{read_conll, TagColumn};
use actant::eval::iob::Scheme;
use actant::eval::ner::{score_ner, NerOptions};
use actant::eval::ner_data::NerData;
use actant::eval::table::render_ner;
use actant::learn::Rng;
use criterion::{criterion_group, criterion_main, Criterion};

const SENTENCES: usize = 10_000;
const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// Writes news-like gold and predicted files: ~20 tokens a sentence, an
/// entity of 1-3 tokens every few tokens, predictions that miss, shift or
/// retype about one entity in six; a -DOCSTART- every 20 sentences.
fn write_files(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let mut rng = Rng::new(11);
    let (mut gold, mut pred) = (String::new(), String::new());
    for s in 0..SENTENCES {
        if s % 20 == 0 {
            gold.push_str("-DOCSTART- -X- -X- O\n\n");
            pred.push_str("-DOCSTART- -X- -X- O\n\n");
        }
        let len = 8 + rng.below(25);
        let mut t = 0;
        while t < len {
            if rng.below(5) == 0 {
                let label = TYPES[rng.below(4)];
                let span = 1 + rng.below(3);
                let fate = rng.below(6);
                for k in 0..span.min(len - t) {
                    let g = format!("{}-{label}", if k == 0 { 'B' } else { 'I' });
                    let p = match fate {
                        0 => "O".to_string(),
                        1 => format!(
                            "{}-{}",
                            if k == 0 { 'B' } else { 'I' },
                            TYPES[(rng.below(3) + 1) % 4]
                        ),
                        _ => g.clone(),
                    };
                    let _ = writeln!(gold, "Name{t} NNP B-NP {g}");
                    let _ = writeln!(pred, "Name{t} NNP B-NP {p}");
                    t += 1;
                }
            } else {
                let _ = writeln!(gold, "word{t} NN I-NP O");
                let _ = writeln!(pred, "word{t} NN I-NP O");
                t += 1;
            }
        }
        gold.push('\n');
        pred.push('\n');
    }
    let (g, p) = (dir.join("gold.conll"), dir.join("pred.conll"));
    std::fs::write(&g, gold).expect("temporary file");
    std::fs::write(&p, pred).expect("temporary file");
    (g, p)
}

fn eval_ner(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (gold, pred) = write_files(dir.path());
    let mut group = c.benchmark_group("eval");
    group.sample_size(10);
    group.bench_function("ner_conll_10k_sentences", |b| {
        b.iter(|| {
            let read = |p: &Path| {
                NerData::from_tagged(
                    read_conll(p, TagColumn::Auto).expect("reads"),
                    Scheme::Conlleval,
                )
                .expect("tags")
            };
            let report =
                score_ner(&read(&gold), &read(&pred), &NerOptions::default()).expect("scores");
            render_ner(&report, 20)
        })
    });
    group.finish();
}

criterion_group!(benches, eval_ner);
criterion_main!(benches);
