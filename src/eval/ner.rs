//! Entity-level scoring of predicted mentions against gold mentions.
//!
//! Two matching modes are reported side by side:
//!
//! - **strict**: a prediction is right when its document, span (exact
//!   start and end) and label equal a gold mention's; the figures of
//!   seqeval and `conlleval` (which of their tag readings applies is a
//!   matter of reading the files: [`super::iob::Scheme`]).
//! - **partial**: a prediction is right when it overlaps a gold mention of
//!   the same label; gold and predicted mentions are paired one to one,
//!   as many pairs as possible, so one long prediction cannot earn two
//!   hits.
//!
//! Each mode also gets a confusion table: after pairing same-label
//! mentions, the leftovers are paired by span alone (exact, or overlap)
//! and counted as type errors `gold label → predicted label`; what is
//! still left is a miss (`gold → none`) or a false alarm (`none → label`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::doc::EntityLabel;
use crate::error::{Error, Result};

use super::iob::Scheme;
use super::metrics::{Accuracy, Counts, ScoreTable};
use super::ner_data::{Mention, NerData, NerFormat};
use super::ner_errors::{document_errors, NerError};
use super::predict::DocFailure;

/// What to score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NerOptions {
    /// Score only these labels (after mapping); all labels when `None`.
    pub labels: Option<BTreeSet<String>>,
    /// Map label aliases of other schemes to the CoNLL labels on both sides
    /// (`PERSON` → `PER`, `GPE` → `LOC`, `NORP` and `OTH` → `MISC`); labels
    /// without a CoNLL equivalent are kept as they are.
    pub conll_labels: bool,
}

/// Where a side of the comparison came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DataSummary {
    /// File (or `pipeline`).
    pub source: String,
    /// Its format.
    pub format: NerFormat,
    /// Number of documents, when the format has them.
    pub documents: Option<usize>,
    /// Mentions scored (after the label filter).
    pub mentions: usize,
    /// 1-based column the tags were read from (tagged files).
    pub tag_column: Option<usize>,
    /// How the tags were read into entities (tagged files).
    pub scheme: Option<Scheme>,
}

/// One cell of a confusion table.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ConfusionCell {
    /// Gold label; `None` for a false alarm.
    pub gold: Option<String>,
    /// Predicted label; `None` for a miss.
    pub predicted: Option<String>,
    /// Number of mentions.
    pub count: usize,
}

/// The figures of one matching mode.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ModeReport {
    /// Per-label, micro and macro figures.
    #[serde(flatten)]
    pub scores: ScoreTable,
    /// Confusion table, diagonal included.
    pub confusion: Vec<ConfusionCell>,
}

/// The result of scoring entities.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NerReport {
    /// The gold side.
    pub gold: DataSummary,
    /// The predicted side.
    pub predicted: DataSummary,
    /// The label filter, if any.
    pub labels: Option<Vec<String>>,
    /// Whether label aliases were mapped to CoNLL labels.
    pub conll_labels: bool,
    /// Exact span and label.
    pub strict: ModeReport,
    /// Overlapping span and same label.
    pub partial: ModeReport,
    /// Every strict error (label, span, miss, false alarm), in document
    /// order.
    pub errors: Vec<NerError>,
    /// Share of tokens with the same tag, when both sides are tagged files.
    pub token_accuracy: Option<Accuracy>,
    /// Predicted mentions in documents the gold data does not have (not scored).
    pub ignored_predictions: usize,
    /// Documents the pipeline failed on, when it made the predictions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<DocFailure>,
}

/// Scores predictions against gold annotations.
///
/// When both sides carry document texts, a document present on both must
/// have the same text (the offsets would mean different things otherwise).
/// Predictions for documents the gold side does not list are ignored and
/// counted; when the gold side lists no documents (`entities.csv`) every
/// prediction is scored.
pub fn score_ner(gold: &NerData, pred: &NerData, options: &NerOptions) -> Result<NerReport> {
    check_texts(gold, pred)?;
    let gold_mentions = prepare(&gold.mentions, options);
    let mut pred_mentions = prepare(&pred.mentions, options);
    let mut ignored = 0;
    if gold.docs.is_some() {
        let known: BTreeSet<&str> = gold.document_ids().into_iter().collect();
        let before = pred_mentions.len();
        pred_mentions.retain(|m| known.contains(m.doc.as_str()));
        ignored = before - pred_mentions.len();
    }
    let mut strict = Tally::default();
    let mut partial = Tally::default();
    for (g, p) in by_document(&gold_mentions, &pred_mentions) {
        score_document(g, p, Matching::Exact, &mut strict);
        score_document(g, p, Matching::Overlap, &mut partial);
    }
    Ok(NerReport {
        gold: summary(gold, gold_mentions.len()),
        predicted: summary(pred, pred_mentions.len()),
        labels: options.labels.as_ref().map(|l| l.iter().cloned().collect()),
        conll_labels: options.conll_labels,
        errors: std::mem::take(&mut strict.errors),
        strict: strict.report(),
        partial: partial.report(),
        token_accuracy: token_accuracy(gold, pred),
        ignored_predictions: ignored,
        failures: Vec::new(),
    })
}

fn summary(data: &NerData, mentions: usize) -> DataSummary {
    DataSummary {
        source: data.source.clone(),
        format: data.format,
        documents: data.docs.as_ref().map(Vec::len),
        mentions,
        tag_column: data.tagged.as_ref().map(|t| t.tag_column),
        scheme: data.scheme,
    }
}

fn check_texts(gold: &NerData, pred: &NerData) -> Result<()> {
    let (Some(gold_docs), Some(pred_docs)) = (&gold.docs, &pred.docs) else {
        return Ok(());
    };
    let pred_text: HashMap<&str, &str> = pred_docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    for doc in gold_docs {
        if let Some(text) = pred_text.get(doc.id.as_str()) {
            if *text != doc.text {
                let at = doc
                    .text
                    .chars()
                    .zip(text.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                return Err(Error::config(format!(
                    "document `{}` has different text in {} and {} (from character {at}); the offsets cannot be compared",
                    doc.id, gold.source, pred.source
                )));
            }
        }
    }
    Ok(())
}

/// Applies the label mapping and filter; keeps the order (document,
/// start, end, label) and drops duplicates the mapping creates.
fn prepare(mentions: &[Mention], options: &NerOptions) -> Vec<Mention> {
    let mut out: Vec<Mention> = mentions
        .iter()
        .filter_map(|m| {
            let label = if options.conll_labels {
                m.label
                    .parse::<EntityLabel>()
                    .map_or_else(|_| m.label.clone(), |l| l.as_str().to_string())
            } else {
                m.label.clone()
            };
            if let Some(keep) = &options.labels {
                if !keep.contains(&label) {
                    return None;
                }
            }
            Some(Mention { label, ..m.clone() })
        })
        .collect();
    out.sort();
    out.dedup_by(|a, b| {
        a.doc == b.doc && a.start == b.start && a.end == b.end && a.label == b.label
    });
    out
}

/// Pairs the gold and predicted mentions of each document (either may be
/// empty), in document order.
fn by_document<'m>(
    gold: &'m [Mention],
    pred: &'m [Mention],
) -> Vec<(&'m [Mention], &'m [Mention])> {
    let mut gold_docs = gold.chunk_by(|a, b| a.doc == b.doc).peekable();
    let mut pred_docs = pred.chunk_by(|a, b| a.doc == b.doc).peekable();
    let mut out = Vec::new();
    loop {
        let next = match (gold_docs.peek(), pred_docs.peek()) {
            (None, None) => break,
            (Some(_), None) => (gold_docs.next().unwrap_or_default(), &[][..]),
            (None, Some(_)) => (&[][..], pred_docs.next().unwrap_or_default()),
            (Some(g), Some(p)) => match g[0].doc.cmp(&p[0].doc) {
                std::cmp::Ordering::Less => (gold_docs.next().unwrap_or_default(), &[][..]),
                std::cmp::Ordering::Greater => (&[][..], pred_docs.next().unwrap_or_default()),
                std::cmp::Ordering::Equal => (
                    gold_docs.next().unwrap_or_default(),
                    pred_docs.next().unwrap_or_default(),
                ),
            },
        };
        out.push(next);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Matching {
    Exact,
    Overlap,
}

#[derive(Default)]
struct Tally {
    counts: BTreeMap<String, Counts>,
    confusion: BTreeMap<(Option<String>, Option<String>), usize>,
    /// The individual errors (strict matching only).
    errors: Vec<NerError>,
}

impl Tally {
    fn cell(&mut self, gold: Option<&str>, pred: Option<&str>) {
        *self
            .confusion
            .entry((gold.map(str::to_string), pred.map(str::to_string)))
            .or_default() += 1;
    }

    fn report(self) -> ModeReport {
        ModeReport {
            scores: ScoreTable::from_counts(&self.counts),
            confusion: self
                .confusion
                .into_iter()
                .map(|((gold, predicted), count)| ConfusionCell {
                    gold,
                    predicted,
                    count,
                })
                .collect(),
        }
    }
}

fn score_document(gold: &[Mention], pred: &[Mention], matching: Matching, tally: &mut Tally) {
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    // Same label first.
    let labels: BTreeSet<&str> = gold.iter().chain(pred).map(|m| m.label.as_str()).collect();
    for label in labels {
        let g: Vec<usize> = (0..gold.len())
            .filter(|&i| gold[i].label == label)
            .collect();
        let p: Vec<usize> = (0..pred.len())
            .filter(|&i| pred[i].label == label)
            .collect();
        let counts = tally.counts.entry(label.to_string()).or_default();
        let pairs = pair(gold, &g, pred, &p, matching);
        counts.tp += pairs.len();
        counts.fn_ += g.len() - pairs.len();
        counts.fp += p.len() - pairs.len();
        for (gi, pi) in pairs {
            gold_used[gi] = true;
            pred_used[pi] = true;
        }
    }
    for (m, _) in gold.iter().zip(&gold_used).filter(|(_, used)| **used) {
        tally.cell(Some(&m.label), Some(&m.label));
    }
    // Then the leftovers by span alone: type errors.
    let g: Vec<usize> = (0..gold.len()).filter(|&i| !gold_used[i]).collect();
    let p: Vec<usize> = (0..pred.len()).filter(|&i| !pred_used[i]).collect();
    let mut labelled = Vec::new();
    for (gi, pi) in pair(gold, &g, pred, &p, matching) {
        gold_used[gi] = true;
        pred_used[pi] = true;
        tally.cell(Some(&gold[gi].label), Some(&pred[pi].label));
        labelled.push((&gold[gi], &pred[pi]));
    }
    if matching == Matching::Exact {
        let errors = document_errors(
            &labelled,
            &unused(gold, &gold_used),
            &unused(pred, &pred_used),
        );
        tally.errors.extend(errors);
    }
    for (i, m) in gold.iter().enumerate() {
        if !gold_used[i] {
            tally.cell(Some(&m.label), None);
        }
    }
    for (i, m) in pred.iter().enumerate() {
        if !pred_used[i] {
            tally.cell(None, Some(&m.label));
        }
    }
}

/// The mentions not marked used.
fn unused<'m>(mentions: &'m [Mention], used: &[bool]) -> Vec<&'m Mention> {
    mentions
        .iter()
        .zip(used)
        .filter(|(_, u)| !**u)
        .map(|(m, _)| m)
        .collect()
}

/// Pairs gold mentions `g` with predicted mentions `p` (indices into the
/// document's mentions, each sorted by start) one to one.
fn pair(
    gold: &[Mention],
    g: &[usize],
    pred: &[Mention],
    p: &[usize],
    matching: Matching,
) -> Vec<(usize, usize)> {
    match matching {
        Matching::Exact => pair_exact(gold, g, pred, p),
        Matching::Overlap => pair_overlapping(gold, g, pred, p),
    }
}

fn pair_exact(gold: &[Mention], g: &[usize], pred: &[Mention], p: &[usize]) -> Vec<(usize, usize)> {
    let mut free: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for &pi in p.iter().rev() {
        free.entry((pred[pi].start, pred[pi].end))
            .or_default()
            .push(pi);
    }
    g.iter()
        .filter_map(|&gi| {
            let pi = free.get_mut(&(gold[gi].start, gold[gi].end))?.pop()?;
            Some((gi, pi))
        })
        .collect()
}

/// A maximum one-to-one pairing of overlapping spans: golds in order of
/// end, each taking the free overlapping prediction that ends first (an
/// exchange argument shows no pairing has more pairs).
fn pair_overlapping(
    gold: &[Mention],
    g: &[usize],
    pred: &[Mention],
    p: &[usize],
) -> Vec<(usize, usize)> {
    if g.is_empty() || p.is_empty() {
        return Vec::new();
    }
    let mut by_start: Vec<usize> = p.to_vec();
    by_start.sort_by_key(|&i| (pred[i].start, pred[i].end));
    let longest = by_start
        .iter()
        .map(|&i| pred[i].end - pred[i].start)
        .max()
        .unwrap_or(0);
    let mut used = vec![false; by_start.len()];
    let mut golds: Vec<usize> = g.to_vec();
    golds.sort_by_key(|&i| (gold[i].end, gold[i].start));
    let mut pairs = Vec::new();
    for gi in golds {
        let (gs, ge) = (gold[gi].start, gold[gi].end);
        // Predictions starting before the gold ends; only the last
        // `longest` characters of starts can still reach past `gs`.
        let upto = by_start.partition_point(|&i| pred[i].start < ge);
        let mut best: Option<usize> = None;
        for k in (0..upto).rev() {
            let pi = by_start[k];
            if pred[pi].start + longest <= gs {
                break;
            }
            if !used[k]
                && pred[pi].end > gs
                && best.is_none_or(|b| pred[pi].end < pred[by_start[b]].end)
            {
                best = Some(k);
            }
        }
        if let Some(k) = best {
            used[k] = true;
            pairs.push((gi, by_start[k]));
        }
    }
    pairs
}

fn token_accuracy(gold: &NerData, pred: &NerData) -> Option<Accuracy> {
    let (gold_tags, pred_tags) = (gold.tagged.as_ref()?, pred.tagged.as_ref()?);
    let pred_docs: HashMap<&str, _> = pred_tags
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let (mut correct, mut total) = (0, 0);
    for doc in &gold_tags.documents {
        let other = pred_docs.get(doc.id.as_str());
        for (k, sentence) in doc.sentences.iter().enumerate() {
            let theirs = other.and_then(|d| d.sentences.get(k));
            for (t, tag) in sentence.tags.iter().enumerate() {
                total += 1;
                if theirs.and_then(|s| s.tags.get(t)) == Some(tag) {
                    correct += 1;
                }
            }
        }
    }
    Some(Accuracy::new(correct, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::ner_data::EvalDoc;

    fn m(doc: &str, start: usize, end: usize, label: &str) -> Mention {
        Mention::new(doc, start, end, label)
    }

    fn data(mentions: Vec<Mention>, docs: Option<&[&str]>) -> NerData {
        let docs = docs.map(|ids| {
            ids.iter()
                .map(|id| EvalDoc {
                    id: id.to_string(),
                    text: "x".repeat(100),
                })
                .collect()
        });
        NerData::new("t", NerFormat::Jsonl, docs, mentions)
    }

    fn cell(report: &ModeReport, gold: Option<&str>, pred: Option<&str>) -> usize {
        report
            .confusion
            .iter()
            .find(|c| c.gold.as_deref() == gold && c.predicted.as_deref() == pred)
            .map_or(0, |c| c.count)
    }

    #[test]
    fn strict_and_partial_counts_with_confusion() {
        let gold = data(
            vec![
                m("a", 0, 6, "LOC"),
                m("a", 10, 20, "PER"),
                m("a", 30, 35, "ORG"),
                m("b", 0, 4, "LOC"),
            ],
            Some(&["a", "b"]),
        );
        let pred = data(
            vec![
                m("a", 0, 6, "LOC"),   // exact hit
                m("a", 10, 15, "PER"), // overlap, same label
                m("a", 30, 35, "LOC"), // type error
                m("a", 50, 55, "PER"), // false alarm
                m("c", 0, 4, "LOC"),   // unknown document
            ],
            Some(&["a", "c"]),
        );
        let r = score_ner(&gold, &pred, &NerOptions::default()).unwrap();
        assert_eq!(r.ignored_predictions, 1);
        assert_eq!(r.strict.scores.micro.tp, 1);
        assert_eq!(r.strict.scores.micro.fp, 3);
        assert_eq!(r.strict.scores.micro.fn_, 3);
        assert_eq!(r.partial.scores.micro.tp, 2);
        assert_eq!(r.partial.scores.micro.fp, 2);
        let per = r.partial.scores.label("PER").unwrap();
        assert_eq!((per.tp, per.fp, per.fn_), (1, 1, 0));
        assert_eq!(cell(&r.strict, Some("ORG"), Some("LOC")), 1);
        assert_eq!(cell(&r.strict, Some("LOC"), Some("LOC")), 1);
        assert_eq!(cell(&r.strict, Some("PER"), None), 1);
        assert_eq!(cell(&r.strict, None, Some("PER")), 2);
        assert_eq!(cell(&r.strict, Some("LOC"), None), 1);
        assert_eq!(cell(&r.partial, Some("PER"), Some("PER")), 1);
        assert_eq!(cell(&r.partial, None, Some("PER")), 1);
    }

    #[test]
    fn one_long_prediction_earns_one_partial_hit() {
        let gold = data(vec![m("a", 0, 5, "LOC"), m("a", 6, 10, "LOC")], None);
        let pred = data(vec![m("a", 0, 10, "LOC")], None);
        let r = score_ner(&gold, &pred, &NerOptions::default()).unwrap();
        let loc = r.partial.scores.label("LOC").unwrap();
        assert_eq!((loc.tp, loc.fp, loc.fn_), (1, 0, 1));
    }

    #[test]
    fn overlap_pairing_finds_the_most_pairs() {
        // Taking, for each gold in start order, the first overlapping
        // prediction in start order would pair (0,10) with (3,12) and leave
        // (2,4) alone; the pairing by end finds two pairs.
        let gold = data(vec![m("a", 0, 10, "X"), m("a", 2, 4, "X")], None);
        let pred = data(vec![m("a", 3, 12, "X"), m("a", 8, 9, "X")], None);
        let r = score_ner(&gold, &pred, &NerOptions::default()).unwrap();
        assert_eq!(r.partial.scores.micro.tp, 2);
    }

    #[test]
    fn label_mapping_and_filter() {
        let gold = data(
            vec![
                m("a", 0, 5, "PER"),
                m("a", 6, 9, "MISC"),
                m("a", 10, 12, "LOC"),
            ],
            None,
        );
        let pred = data(
            vec![
                m("a", 0, 5, "PERSON"),
                m("a", 6, 9, "NORP"),
                m("a", 10, 12, "GPE"),
            ],
            None,
        );
        let options = NerOptions {
            labels: Some(["PER".to_string(), "LOC".to_string()].into_iter().collect()),
            conll_labels: true,
        };
        let r = score_ner(&gold, &pred, &options).unwrap();
        assert_eq!(r.strict.scores.micro.tp, 2);
        assert_eq!(r.strict.scores.micro.fn_, 0);
        assert_eq!(r.strict.scores.labels.len(), 2);
        assert_eq!(r.gold.mentions, 2);
        let unmapped = score_ner(&gold, &pred, &NerOptions::default()).unwrap();
        assert_eq!(unmapped.strict.scores.micro.tp, 0);
        assert_eq!(unmapped.strict.scores.labels.len(), 6);
    }

    #[test]
    fn different_texts_cannot_be_compared() {
        let gold = NerData::new(
            "g",
            NerFormat::Jsonl,
            Some(vec![EvalDoc {
                id: "a".into(),
                text: "Baku said".into(),
            }]),
            vec![],
        );
        let pred = NerData::new(
            "p",
            NerFormat::Jsonl,
            Some(vec![EvalDoc {
                id: "a".into(),
                text: "Baku says".into(),
            }]),
            vec![],
        );
        let e = score_ner(&gold, &pred, &NerOptions::default()).unwrap_err();
        assert!(e.to_string().contains("from character 7"), "{e}");
    }

    #[test]
    fn nothing_predicted_gives_zero_not_nan() {
        let gold = data(vec![m("a", 0, 5, "PER")], None);
        let pred = data(vec![], None);
        let r = score_ner(&gold, &pred, &NerOptions::default()).unwrap();
        assert_eq!(r.strict.scores.micro.f1, 0.0);
        assert_eq!(r.strict.scores.macro_avg.precision, 0.0);
    }
}
