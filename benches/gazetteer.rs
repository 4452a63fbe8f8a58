//! Gazetteer throughput on news-style text: one core, MB/s of text.
//!
//! `cargo bench --bench gazetteer` — criterion prints the throughput.
//! Tokenization happens once, outside the measured loop, with the test
//! tokenizer, so the figure is the recognizer's alone.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use actant::ner::{Gazetteer, Recognizer};

#[path = "../tests/gazetteer_support/mod.rs"]
mod gazetteer_support;

/// A paragraph of wire-style conflict and diplomacy reporting, written for
/// this bench.
const PARAGRAPH: &str = "\
BAKU/YEREVAN (Reuters) - Azerbaijan accused Armenia on Tuesday of shelling its \
positions near the border, a day after Russia's foreign minister called on both sides \
to respect the ceasefire brokered by Moscow in 2020. The Kremlin said President \
Vladimir Putin had spoken by phone with Azerbaijani President Ilham Aliyev and \
Armenian Prime Minister Nikol Pashinyan, urging restraint. Baku said two of its \
soldiers were wounded in the Kalbajar district; Yerevan denied the claim and said \
Azeri troops had opened fire first. The U.N. Security Council is due to discuss the \
situation on Friday at the request of France, while the European Union offered to \
host talks in Brussels. Turkey, a close ally of Azerbaijan, said it stood by Baku, \
and Iran warned against any change to internationally recognised borders. In \
Washington, a State Department spokesman said the United States was deeply \
concerned, and officials in Tbilisi offered Georgia's help as a mediator. Hundreds \
of people protested outside the parliament in Yerevan late on Monday, demanding \
that the government resign over its handling of the crisis in Nagorno-Karabakh.\n";

/// About one megabyte of the paragraph, repeated.
fn corpus() -> String {
    PARAGRAPH.repeat(1_000_000 / PARAGRAPH.len() + 1)
}

fn recognize(c: &mut Criterion) {
    let gazetteer = Gazetteer::embedded().expect("shipped dictionary loads");
    let text = corpus();
    let doc = gazetteer_support::doc(&text);
    let found = gazetteer.recognize(&doc).expect("recognizes").len();
    eprintln!(
        "{} bytes, {} tokens, {} sentences, {found} entities, {:?}",
        text.len(),
        doc.tokens.len(),
        doc.sentences.len(),
        gazetteer
    );
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("recognize", |b| {
        b.iter(|| gazetteer.recognize(black_box(&doc)).expect("recognizes"))
    });
    group.bench_function("token_features", |b| {
        b.iter(|| {
            (0..doc.sentences.len())
                .map(|s| gazetteer.token_features(black_box(&doc), s).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let dictionary = actant::ner::ActorDictionary::embedded().expect("shipped dictionary loads");
    c.bench_function("gazetteer/build", |b| {
        b.iter(|| Gazetteer::new(dictionary.clone()).expect("builds"))
    });
}

criterion_group!(benches, recognize, build);
criterion_main!(benches);
