//! Cross-check of the entity scorer against Python seqeval 1.2.2, in its
//! strict IOB2 mode and its default (conlleval) mode, on hand-written
//! sequences where the two readings differ and on random ones.
//!
//! Runs `scripts/seqeval-crosscheck.py` when `python3` (or
//! `$ACTANT_PYTHON`) can import seqeval; skips with a message otherwise.
//! CI installs it with `pip install seqeval==1.2.2`.

use std::path::{Path, PathBuf};
use std::process::Command;

use actant::eval::conll::{read_conll, TagColumn};
use actant::eval::iob::Scheme;
use actant::eval::metrics::Scores;
use actant::eval::ner::{score_ner, NerOptions, NerReport};
use actant::eval::ner_data::NerData;
use actant::learn::Rng;
use serde_json::Value;

fn python() -> String {
    std::env::var("ACTANT_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn seqeval_available() -> bool {
    let ok = Command::new(python())
        .args(["-c", "import seqeval"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!(
            "skipped: {} cannot import seqeval (pip install seqeval==1.2.2, or set ACTANT_PYTHON)",
            python()
        );
    }
    ok
}

/// A sentence as (gold tag, predicted tag) pairs.
type Sentence = Vec<(&'static str, &'static str)>;

fn sentence(gold: &'static str, pred: &'static str) -> Sentence {
    let g: Vec<&str> = gold.split_whitespace().collect();
    let p: Vec<&str> = pred.split_whitespace().collect();
    assert_eq!(g.len(), p.len(), "{gold} / {pred}");
    g.into_iter().zip(p).collect()
}

/// Documents of sentences, written as two files with `-DOCSTART-` lines.
fn write_pair(
    dir: &Path,
    name: &str,
    documents: &[Vec<Vec<(String, String)>>],
) -> (PathBuf, PathBuf) {
    let mut gold = String::new();
    let mut pred = String::new();
    for (d, doc) in documents.iter().enumerate() {
        for out in [&mut gold, &mut pred] {
            out.push_str("-DOCSTART- -X- O\n\n");
        }
        for (s, sentence) in doc.iter().enumerate() {
            for (t, (g, p)) in sentence.iter().enumerate() {
                gold.push_str(&format!("w{d}.{s}.{t} {g}\n"));
                pred.push_str(&format!("w{d}.{s}.{t} {p}\n"));
            }
            gold.push('\n');
            pred.push('\n');
        }
    }
    let (g, p) = (
        dir.join(format!("{name}.gold")),
        dir.join(format!("{name}.pred")),
    );
    std::fs::write(&g, gold).unwrap();
    std::fs::write(&p, pred).unwrap();
    (g, p)
}

fn owned(doc: Vec<Sentence>) -> Vec<Vec<(String, String)>> {
    doc.into_iter()
        .map(|s| {
            s.into_iter()
                .map(|(g, p)| (g.to_string(), p.to_string()))
                .collect()
        })
        .collect()
}

fn hand_cases() -> Vec<Vec<Vec<(String, String)>>> {
    vec![
        // I- after O, in gold and in predictions.
        owned(vec![
            sentence("O I-PER I-PER O", "O B-PER I-PER O"),
            sentence("B-LOC O O", "I-LOC O O"),
            sentence("O O I-ORG", "O O I-ORG"),
        ]),
        // A type change inside a span.
        owned(vec![
            sentence("B-PER I-PER I-PER O", "B-PER I-PER I-LOC O"),
            sentence("B-ORG I-ORG", "B-ORG I-MISC"),
            sentence("B-MISC I-MISC O", "B-MISC I-LOC O"),
        ]),
        // B- directly after B-.
        owned(vec![
            sentence("B-LOC B-LOC O", "B-LOC I-LOC O"),
            sentence("B-PER I-PER B-PER", "B-PER B-PER B-PER"),
        ]),
        // Spans at the end of a sentence, and a sentence opening with I-
        // right after one: the blank line must break the entity.
        owned(vec![
            sentence("O B-PER", "O B-PER"),
            sentence("I-PER O", "B-PER O"),
            sentence("O O B-LOC I-LOC", "O O B-LOC I-LOC"),
            sentence("I-LOC", "I-LOC"),
        ]),
        // An empty document (two -DOCSTART- in a row), and labels seen on
        // one side only.
        vec![],
        owned(vec![
            sentence("B-EVENT O B-LOC", "O O B-LOC"),
            sentence("O O O", "B-DATE I-DATE O"),
        ]),
    ]
}

fn random_cases(seed: u64) -> Vec<Vec<Vec<(String, String)>>> {
    const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];
    let mut rng = Rng::new(seed);
    let tag = |rng: &mut Rng| -> String {
        match rng.below(10) {
            0..=4 => "O".to_string(),
            5..=7 => format!("B-{}", TYPES[rng.below(4)]),
            _ => format!("I-{}", TYPES[rng.below(4)]),
        }
    };
    (0..20)
        .map(|_| {
            (0..15)
                .map(|_| {
                    let len = rng.below(12);
                    (0..len)
                        .map(|_| {
                            let gold = tag(&mut rng);
                            // Predictions copy gold most of the time.
                            let pred = if rng.below(3) == 0 {
                                tag(&mut rng)
                            } else {
                                gold.clone()
                            };
                            (gold, pred)
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn run_seqeval(gold: &Path, pred: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/seqeval-crosscheck.py");
    let out = Command::new(python())
        .arg(script)
        .arg(gold)
        .arg(pred)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "seqeval script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("seqeval script prints JSON")
}

fn ours(gold: &Path, pred: &Path, scheme: Scheme) -> NerReport {
    let read =
        |p: &Path| NerData::from_tagged(read_conll(p, TagColumn::Auto).unwrap(), scheme).unwrap();
    score_ner(&read(gold), &read(pred), &NerOptions::default()).unwrap()
}

fn close(ours: f64, theirs: &Value, what: &str) {
    let theirs = theirs
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: no figure from seqeval"));
    assert!(
        (ours - theirs).abs() < 5e-5,
        "{what}: actant {ours:.6} vs seqeval {theirs:.6}"
    );
}

fn compare(report: &NerReport, theirs: &Value, mode: &str) {
    let theirs = &theirs[mode];
    let labels: Vec<&str> = report
        .strict
        .scores
        .labels
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    let mut their_labels: Vec<&str> = theirs
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .filter(|k| !k.ends_with(" avg"))
        .collect();
    their_labels.sort();
    assert_eq!(labels, their_labels, "{mode}: labels");
    let check = |s: &Scores, row: &Value, what: &str| {
        close(
            s.precision,
            &row["precision"],
            &format!("{mode} {what} precision"),
        );
        close(s.recall, &row["recall"], &format!("{mode} {what} recall"));
        close(s.f1, &row["f1"], &format!("{mode} {what} F1"));
        assert_eq!(
            Some((s.tp + s.fn_) as u64),
            row["support"].as_u64(),
            "{mode} {what} support"
        );
    };
    for l in &report.strict.scores.labels {
        check(&l.scores, &theirs[l.label.as_str()], &l.label);
    }
    check(&report.strict.scores.micro, &theirs["micro avg"], "micro");
    let m = &report.strict.scores.macro_avg;
    close(
        m.precision,
        &theirs["macro avg"]["precision"],
        &format!("{mode} macro precision"),
    );
    close(
        m.recall,
        &theirs["macro avg"]["recall"],
        &format!("{mode} macro recall"),
    );
    close(
        m.f1,
        &theirs["macro avg"]["f1"],
        &format!("{mode} macro F1"),
    );
}

fn cross_check(name: &str, documents: &[Vec<Vec<(String, String)>>]) -> (NerReport, NerReport) {
    let dir = tempfile::tempdir().unwrap();
    let (gold, pred) = write_pair(dir.path(), name, documents);
    let theirs = run_seqeval(&gold, &pred);
    let strict = ours(&gold, &pred, Scheme::Iob2);
    let lenient = ours(&gold, &pred, Scheme::Conlleval);
    compare(&strict, &theirs, "strict");
    compare(&lenient, &theirs, "conlleval");
    let accuracy = lenient.token_accuracy.expect("both sides are tagged");
    close(accuracy.accuracy, &theirs["accuracy"], "token accuracy");
    (strict, lenient)
}

#[test]
fn hand_written_cases_agree_with_seqeval_in_both_modes() {
    if !seqeval_available() {
        return;
    }
    let (strict, lenient) = cross_check("hand", &hand_cases());
    // The cases are chosen so that the two readings differ.
    assert_ne!(strict.strict.scores.micro, lenient.strict.scores.micro);
}

#[test]
fn random_sequences_agree_with_seqeval_in_both_modes() {
    if !seqeval_available() {
        return;
    }
    let mut documents = random_cases(7);
    documents.extend(random_cases(2024));
    let (strict, lenient) = cross_check("random", &documents);
    assert!(strict.strict.scores.micro.tp > 100);
    assert_ne!(strict.strict.scores.micro, lenient.strict.scores.micro);
}
