//! Segmentation throughput on news text, and on degenerate 50 MB documents
//! (no white space; no sentence punctuation) that must stay linear.
//!
//! Run with `cargo bench --bench segment`; criterion reports MB/s.

use actant::segment::Segmenter;
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// A news article written for this benchmark: headline, byline, dateline,
/// quotes, abbreviations, numbers, clitics and hyphenated words.
const ARTICLE: &str = "\
Armenia and Azerbaijan Trade Fire Near Border as U.S. Urges Talks

By Staff Reporter

Updated Sept. 19, 2023, 11:40 p.m.

YEREVAN, Armenia (Meridian Press) — Armenian and Azerbaijani troops exchanged fire on Tuesday \
near the village of Sotk, the defense ministries of both countries said, in the most serious \
clash since the two sides initialled a draft peace treaty. Armenia's ministry said two soldiers \
had been wounded by 6:30pm and accused Baku of shelling \"civilian infrastructure.\"

Azerbaijan’s Defense Ministry rejected the claim within hours. \"We don't target civilians,\" \
spokesman Col. Anar Eyvazov told reporters. \"Our units returned fire only after being attacked.\"

The U.S. State Department called on both governments to exercise restraint. Secretary of State \
Antony J. Blinken spoke by phone with Prime Minister Nikol Pashinyan and President Ilham Aliyev, \
a spokesman said, and urged them to return to negotiations \"without delay.\" Russia, which keeps \
about 2,000 peacekeepers in Nagorno-Karabakh, said its contingent was monitoring the situation.

The European Union's civilian monitoring mission, which has patrolled the Armenian side of the \
frontier since Feb. 20, said its observers had recorded 14 explosions between 1.5 and 3 km from \
the border. Officials in Brussels (who asked not to be named) said the EU-brokered talks would \
resume next month — if the ceasefire holds.

";

fn news_text(bytes: usize) -> String {
    ARTICLE.repeat(bytes / ARTICLE.len() + 1)
}

fn news(c: &mut Criterion) {
    let segmenter = Segmenter::new();
    let mut group = c.benchmark_group("segment");
    for size in [ARTICLE.len(), 1 << 20] {
        let text = news_text(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("news", text.len()), &text, |b, text| {
            b.iter(|| black_box(segmenter.segment(black_box(text))))
        });
    }
    group.finish();
}

fn degenerate(c: &mut Criterion) {
    let segmenter = Segmenter::new();
    let mut group = c.benchmark_group("segment-50MB");
    group.sample_size(10);
    let size = 50 << 20;
    let cases = [
        (
            "no-whitespace",
            "Azerbaijan,Armenia-Russia/2,000.5(U.S.)".repeat(size / 39),
        ),
        (
            "no-sentence-punctuation",
            "troops shelled positions near the border and ".repeat(size / 45),
        ),
        ("one-character", "a".repeat(size)),
    ];
    for (name, text) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| black_box(segmenter.segment(black_box(text))))
        });
    }
    group.finish();
}

criterion_group!(benches, news, degenerate);
criterion_main!(benches);
