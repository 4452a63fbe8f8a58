//! Scoring of actor–action–target triples against gold triples.
//!
//! A predicted triple matches a gold one when
//!
//! - the document is the same;
//! - the actors match and the targets match ([`arguments_match`]): after
//!   lowercasing and dropping determiners and possessive `'s`, one of the
//!   two phrases contains the other's head word (`Russian troops` ~
//!   `troops`, `Sergei Lavrov` ~ `Lavrov`, `Russia's Defense Ministry` ~
//!   `Defense Ministry`; two empty targets match);
//! - the actions match ([`actions_match`]): the same words, or the same
//!   verb where one side leaves out the event noun of a light-verb
//!   construction (`launch` or `launch into` ~ `launch offensive into`);
//!   a phrasal verb's particle is not optional (`call` ≁ `call on`).
//!
//! Pairs are one to one: triples with identical normalised fields pair
//! first, then the rest in file order. The event type is not part of the
//! match; its accuracy is reported over the matched pairs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

use super::csv_table::{field, CsvTable};
use super::metrics::{Accuracy, Counts, Scores};
use super::predict::DocFailure;

/// One triple, from a gold file or a prediction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TripleRecord {
    /// Document id.
    pub doc: String,
    /// Actor mention text.
    pub actor: String,
    /// Normalised action (`call on`, `launch offensive into`).
    pub action: String,
    /// Target mention text; empty for an event without a target.
    pub target: String,
    /// Event type; empty when unknown.
    pub event: String,
    /// 1-based line in its file, when read from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// Triples read from one file or predicted by the pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TriplesData {
    /// The file (or `pipeline`), for reports.
    pub source: String,
    /// The documents covered, when known (a docs file); predictions for
    /// other documents are then ignored.
    pub docs: Option<Vec<String>>,
    /// The triples in file order.
    pub triples: Vec<TripleRecord>,
}

/// Reads a triples CSV: gold (`doc_id, actor, action, target, event`) or
/// actant's `triples.csv`, whose `action_lemma` column is used when present.
pub fn read_triples_csv(path: &Path) -> Result<TriplesData> {
    triples_from_table(&CsvTable::read(path)?)
}

/// The triples of a CSV table.
pub fn triples_from_table(table: &CsvTable) -> Result<TriplesData> {
    let doc = table.required("doc_id")?;
    let actor = table.required("actor")?;
    let action = match table.optional("action_lemma") {
        Some(c) => c,
        None => table.required("action")?,
    };
    let target = table.optional("target");
    let event = table.optional("event");
    let mut triples = Vec::new();
    for (line, row) in table.rows() {
        let record = TripleRecord {
            doc: field(row, Some(doc)).to_string(),
            actor: field(row, Some(actor)).to_string(),
            action: field(row, Some(action)).to_string(),
            target: field(row, target).to_string(),
            event: field(row, event).to_string(),
            line: Some(line),
        };
        if record.doc.is_empty() || record.actor.is_empty() || record.action.is_empty() {
            return Err(Error::format(
                table.at(line),
                "a triple needs a doc_id, an actor and an action",
            ));
        }
        triples.push(record);
    }
    Ok(TriplesData {
        source: table.source().to_string(),
        docs: None,
        triples,
    })
}

/// Where a side of the comparison came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriplesSummary {
    /// File (or `pipeline`).
    pub source: String,
    /// Triples scored.
    pub triples: usize,
}

/// A gold triple and the prediction that matched it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriplePair {
    /// The gold triple.
    pub gold: TripleRecord,
    /// The matching prediction.
    pub predicted: TripleRecord,
}

/// Figures for one event type (of the gold triples; `predicted` counts
/// predictions of that type).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// Event type (empty for triples without one).
    pub event: String,
    /// Gold triples of this type.
    pub gold: usize,
    /// Predictions of this type.
    pub predicted: usize,
    /// Gold triples of this type that a prediction matched.
    pub matched: usize,
    /// ... and whose prediction has the same type.
    pub typed: usize,
}

/// The result of scoring triples.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriplesReport {
    /// The gold side.
    pub gold: TriplesSummary,
    /// The predicted side.
    pub predicted: TriplesSummary,
    /// Matched, false alarms, misses, and the figures.
    pub scores: Scores,
    /// Same event type, over matched pairs.
    pub event_accuracy: Accuracy,
    /// Per gold event type.
    pub by_event: Vec<EventRow>,
    /// Matched pairs.
    pub matches: Vec<TriplePair>,
    /// Gold triples no prediction matched.
    pub misses: Vec<TripleRecord>,
    /// Predictions that matched no gold triple.
    pub false_alarms: Vec<TripleRecord>,
    /// Predictions in documents outside the gold documents (not scored).
    pub ignored_predictions: usize,
    /// Documents the pipeline failed on, when it made the predictions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<DocFailure>,
}

/// Scores predicted triples against gold ones.
pub fn score_triples(gold: &TriplesData, pred: &TriplesData) -> TriplesReport {
    let known: Option<BTreeSet<&str>> = gold
        .docs
        .as_ref()
        .map(|docs| docs.iter().map(String::as_str).collect());
    let predicted: Vec<&TripleRecord> = pred
        .triples
        .iter()
        .filter(|t| known.as_ref().is_none_or(|k| k.contains(t.doc.as_str())))
        .collect();
    let ignored = pred.triples.len() - predicted.len();
    let gold_norm: Vec<Normalised> = gold.triples.iter().map(Normalised::new).collect();
    let pred_norm: Vec<Normalised> = predicted.iter().map(|t| Normalised::new(t)).collect();
    let mut gold_pair: Vec<Option<usize>> = vec![None; gold.triples.len()];
    let mut pred_used = vec![false; predicted.len()];
    let mut by_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, t) in predicted.iter().enumerate() {
        by_doc.entry(t.doc.as_str()).or_default().push(i);
    }
    for pass in [Pass::Identical, Pass::Lenient] {
        for (gi, g) in gold.triples.iter().enumerate() {
            if gold_pair[gi].is_some() {
                continue;
            }
            let candidates = by_doc.get(g.doc.as_str()).map_or(&[][..], Vec::as_slice);
            let found = candidates
                .iter()
                .copied()
                .find(|&pi| !pred_used[pi] && pass.matches(&gold_norm[gi], &pred_norm[pi]));
            if let Some(pi) = found {
                gold_pair[gi] = Some(pi);
                pred_used[pi] = true;
            }
        }
    }
    let matches: Vec<TriplePair> = gold_pair
        .iter()
        .enumerate()
        .filter_map(|(gi, p)| {
            p.map(|pi| TriplePair {
                gold: gold.triples[gi].clone(),
                predicted: predicted[pi].clone(),
            })
        })
        .collect();
    let same_event = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let typed = matches
        .iter()
        .filter(|m| same_event(&m.gold.event, &m.predicted.event))
        .count();
    let counts = Counts {
        tp: matches.len(),
        fp: predicted.len() - matches.len(),
        fn_: gold.triples.len() - matches.len(),
    };
    let mut rows: BTreeMap<String, EventRow> = BTreeMap::new();
    for (gi, g) in gold.triples.iter().enumerate() {
        let row = event_row(&mut rows, &g.event);
        row.gold += 1;
        if let Some(pi) = gold_pair[gi] {
            row.matched += 1;
            if same_event(&g.event, &predicted[pi].event) {
                row.typed += 1;
            }
        }
    }
    for p in &predicted {
        event_row(&mut rows, &p.event).predicted += 1;
    }
    TriplesReport {
        gold: TriplesSummary {
            source: gold.source.clone(),
            triples: gold.triples.len(),
        },
        predicted: TriplesSummary {
            source: pred.source.clone(),
            triples: predicted.len(),
        },
        scores: counts.scores(),
        event_accuracy: Accuracy::new(typed, matches.len()),
        by_event: rows.into_values().collect(),
        matches,
        misses: gold_pair
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_none())
            .map(|(gi, _)| gold.triples[gi].clone())
            .collect(),
        false_alarms: predicted
            .iter()
            .zip(&pred_used)
            .filter(|(_, used)| !**used)
            .map(|(t, _)| (*t).clone())
            .collect(),
        ignored_predictions: ignored,
        failures: Vec::new(),
    }
}

fn event_row<'r>(rows: &'r mut BTreeMap<String, EventRow>, event: &str) -> &'r mut EventRow {
    let key = event.trim().to_ascii_uppercase();
    rows.entry(key.clone()).or_insert_with(|| EventRow {
        event: key,
        gold: 0,
        predicted: 0,
        matched: 0,
        typed: 0,
    })
}

#[derive(Clone, Copy)]
enum Pass {
    Identical,
    Lenient,
}

impl Pass {
    fn matches(self, gold: &Normalised, pred: &Normalised) -> bool {
        match self {
            Pass::Identical => {
                gold.actor == pred.actor && gold.target == pred.target && gold.action == pred.action
            }
            Pass::Lenient => {
                words_match(&gold.actor, &pred.actor)
                    && words_match(&gold.target, &pred.target)
                    && action_words_match(&gold.action, &pred.action)
            }
        }
    }
}

/// The fields of a triple as compared.
struct Normalised {
    actor: Vec<String>,
    target: Vec<String>,
    action: Vec<String>,
}

impl Normalised {
    fn new(t: &TripleRecord) -> Self {
        Normalised {
            actor: argument_words(&t.actor),
            target: argument_words(&t.target),
            action: t.action.split_whitespace().map(str::to_lowercase).collect(),
        }
    }
}

/// Whether two actor or target phrases refer alike: after normalising,
/// one contains the other's head word; two empty phrases match.
pub fn arguments_match(a: &str, b: &str) -> bool {
    words_match(&argument_words(a), &argument_words(b))
}

/// Whether a predicted action matches a gold action (the relation is
/// symmetric).
pub fn actions_match(gold: &str, pred: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    action_words_match(&words(gold), &words(pred))
}

const DETERMINERS: [&str; 8] = ["the", "a", "an", "this", "that", "these", "those", "some"];

/// Lowercased words without determiners, possessive `'s` and edge punctuation.
fn argument_words(phrase: &str) -> Vec<String> {
    let lower = phrase.to_lowercase().replace(['’', '‘'], "'");
    let mut words = Vec::new();
    for raw in lower.split_whitespace() {
        let raw =
            raw.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | ',' | ';' | ':' | '(' | ')'));
        let word = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix('\''))
            .unwrap_or(raw);
        if word.is_empty() || DETERMINERS.contains(&word) {
            continue;
        }
        words.push(word.to_string());
    }
    words
}

/// Prepositions that open a post-modifier: the head is the word before.
const POSTMODIFIERS: [&str; 10] = [
    "of", "for", "in", "on", "at", "from", "with", "to", "by", "near",
];

/// The head of a normalised phrase: the last word before the first
/// post-modifying preposition (`forces` in `armed forces of ukraine`).
fn head(words: &[String]) -> Option<&str> {
    let end = words
        .iter()
        .skip(1)
        .position(|w| POSTMODIFIERS.contains(&w.as_str()))
        .map_or(words.len(), |p| p + 1);
    words[..end].last().map(String::as_str)
}

fn words_match(a: &[String], b: &[String]) -> bool {
    match (head(a), head(b)) {
        (None, None) => true,
        (Some(ha), Some(hb)) => b.iter().any(|w| w == ha) || a.iter().any(|w| w == hb),
        _ => false,
    }
}

/// Particles and prepositions that belong to a phrasal verb.
const PARTICLES: [&str; 36] = [
    "on", "in", "into", "with", "from", "to", "against", "of", "at", "for", "over", "out", "off",
    "up", "down", "about", "by", "across", "toward", "towards", "upon", "between", "among", "back",
    "away", "through", "around", "under", "onto", "along", "behind", "beyond", "within", "without",
    "via", "near",
];

fn action_words_match(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    let (Some(va), Some(vb)) = (a.first(), b.first()) else {
        return false;
    };
    if va != vb {
        return false;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    // `short` must be `long` with some words left out, in order, and the
    // words left out must include an event noun (a non-particle).
    let mut omitted_noun = false;
    let mut rest = short[1..].iter().peekable();
    for word in &long[1..] {
        if rest.peek() == Some(&word) {
            rest.next();
        } else if !PARTICLES.contains(&word.as_str()) {
            omitted_noun = true;
        }
    }
    rest.peek().is_none() && omitted_noun
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_match_by_head() {
        let cases = [
            ("Azerbaijani troops", "troops", true),
            ("Sergei Lavrov", "Lavrov", true),
            ("the Kremlin", "Kremlin", true),
            ("Russia's Defense Ministry", "Defense Ministry", true),
            ("Russia’s Defense Ministry", "the defense ministry", true),
            ("Armed Forces of Ukraine", "armed forces", true),
            ("Russian troops", "Russia", false),
            ("Armenia", "Azerbaijan", false),
            ("", "", true),
            ("Armenia", "", false),
        ];
        for (a, b, expected) in cases {
            assert_eq!(arguments_match(a, b), expected, "{a} ~ {b}");
            assert_eq!(arguments_match(b, a), expected, "{b} ~ {a}");
        }
    }

    #[test]
    fn actions_match_with_optional_event_nouns() {
        let cases = [
            ("call on", "call on", true),
            ("call on", "Call  On", true),
            ("launch offensive into", "launch", true),
            ("launch offensive into", "launch into", true),
            ("impose sanctions on", "impose", true),
            ("call on", "call", false),
            ("hold talks with", "hold talks", false),
            ("withdraw from", "withdraw", false),
            ("shell", "attack", false),
            ("launch offensive into", "launch attack into", false),
        ];
        for (gold, pred, expected) in cases {
            assert_eq!(actions_match(gold, pred), expected, "{gold} ~ {pred}");
        }
    }

    fn t(doc: &str, actor: &str, action: &str, target: &str, event: &str) -> TripleRecord {
        TripleRecord {
            doc: doc.into(),
            actor: actor.into(),
            action: action.into(),
            target: target.into(),
            event: event.into(),
            line: None,
        }
    }

    #[test]
    fn scores_matches_misses_and_false_alarms() {
        let gold = TriplesData {
            source: "g".into(),
            docs: None,
            triples: vec![
                t("d1", "Russia", "call on", "Armenia", "REQUEST"),
                t("d1", "Russia", "call on", "Azerbaijan", "REQUEST"),
                t(
                    "d1",
                    "Azerbaijani troops",
                    "launch offensive into",
                    "Nagorno-Karabakh",
                    "ASSAULT",
                ),
                t("d2", "Baku", "accuse", "Yerevan", "ACCUSE"),
            ],
        };
        let pred = TriplesData {
            source: "p".into(),
            docs: None,
            triples: vec![
                t("d1", "troops", "launch", "Nagorno-Karabakh", "MOBILIZE"),
                t("d1", "Russia", "call on", "Armenia", "REQUEST"),
                t("d1", "Russia", "call", "Azerbaijan", "CONSULT"),
                t("d2", "Yerevan", "accuse", "Baku", "ACCUSE"),
            ],
        };
        let r = score_triples(&gold, &pred);
        assert_eq!((r.scores.tp, r.scores.fp, r.scores.fn_), (2, 2, 2));
        assert_eq!(r.event_accuracy.correct, 1);
        assert_eq!(r.event_accuracy.total, 2);
        assert_eq!(r.misses.len(), 2);
        assert_eq!(r.false_alarms[0].action, "call");
        let assault = r.by_event.iter().find(|e| e.event == "ASSAULT").unwrap();
        assert_eq!((assault.gold, assault.matched, assault.typed), (1, 1, 0));
        let mobilize = r.by_event.iter().find(|e| e.event == "MOBILIZE").unwrap();
        assert_eq!((mobilize.gold, mobilize.predicted), (0, 1));
    }

    #[test]
    fn identical_pairs_come_before_lenient_ones() {
        // The lenient pass alone would give `forces` to the first gold
        // triple and leave the second without its exact twin.
        let gold = TriplesData {
            source: "g".into(),
            docs: None,
            triples: vec![
                t("d", "Israeli forces", "strike", "Gaza", "ASSAULT"),
                t("d", "Russian forces", "strike", "Gaza", "ASSAULT"),
            ],
        };
        let pred = TriplesData {
            source: "p".into(),
            docs: None,
            triples: vec![
                t("d", "Russian forces", "strike", "Gaza", "ASSAULT"),
                t("d", "Israeli forces", "strike", "Gaza", "ASSAULT"),
            ],
        };
        let r = score_triples(&gold, &pred);
        assert_eq!(r.scores.tp, 2);
        assert!(r.matches.iter().all(|m| m.gold.actor == m.predicted.actor));
    }

    #[test]
    fn predictions_outside_known_documents_are_ignored() {
        let gold = TriplesData {
            source: "g".into(),
            docs: Some(vec!["d1".into(), "d2".into()]),
            triples: vec![t("d1", "A", "meet", "B", "CONSULT")],
        };
        let pred = TriplesData {
            source: "p".into(),
            docs: None,
            triples: vec![
                t("d2", "A", "meet", "B", "CONSULT"),
                t("d9", "A", "meet", "B", ""),
            ],
        };
        let r = score_triples(&gold, &pred);
        assert_eq!(r.ignored_predictions, 1);
        assert_eq!((r.scores.tp, r.scores.fp, r.scores.fn_), (0, 1, 1));
    }

    #[test]
    fn reads_gold_and_actant_csv() {
        let gold = "doc_id,actor,action,target,event\nd1,Russia,call on,Armenia,REQUEST\n";
        let g =
            triples_from_table(&CsvTable::from_reader(gold.as_bytes(), "g.csv").unwrap()).unwrap();
        assert_eq!(g.triples[0].action, "call on");
        assert_eq!(g.triples[0].line, Some(2));
        let ours = "doc_id,sentence,actor,action,action_lemma,target,event\nd1,0,Russia,called on,call on,Armenia,REQUEST\n";
        let p =
            triples_from_table(&CsvTable::from_reader(ours.as_bytes(), "p.csv").unwrap()).unwrap();
        assert_eq!(p.triples[0].action, "call on");
        let bad = "doc_id,actor,action\nd1,,meet\n";
        let e = triples_from_table(&CsvTable::from_reader(bad.as_bytes(), "b.csv").unwrap())
            .unwrap_err();
        assert!(e.to_string().starts_with("b.csv:2:"), "{e}");
    }
}
