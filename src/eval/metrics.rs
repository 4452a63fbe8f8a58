//! Counts of hits, false alarms and misses, and the precision, recall and
//! F1 computed from them, per label and averaged.
//!
//! The arithmetic follows seqeval and scikit-learn: a ratio whose
//! denominator is zero is 0, F1 is the harmonic mean of precision and
//! recall (0 when both are 0), micro figures pool the counts of every label
//! and macro figures are the unweighted means of the per-label figures over
//! the labels seen in the gold data or the predictions.

use std::collections::BTreeMap;

use serde::Serialize;

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that match a gold item.
    pub tp: usize,
    /// Predictions that match nothing (false alarms).
    pub fp: usize,
    /// Gold items that no prediction matches (misses).
    pub fn_: usize,
}

impl Counts {
    /// Gold items: `tp + fn`.
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    /// Predicted items: `tp + fp`.
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }

    /// `tp / (tp + fp)`, or 0 without predictions.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted())
    }

    /// `tp / (tp + fn)`, or 0 without gold items.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold())
    }

    /// Harmonic mean of precision and recall, or 0 when both are 0.
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }

    /// Adds another set of counts to this one.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// The counts with their figures, for reports.
    pub fn scores(&self) -> Scores {
        Scores {
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
        }
    }
}

/// `numerator / denominator`, or 0 when the denominator is 0.
pub fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

fn harmonic_mean(precision: f64, recall: f64) -> f64 {
    let sum = precision + recall;
    if sum == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / sum
    }
}

/// Raw counts with precision, recall and F1 (fractions in `[0, 1]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `tp / (tp + fp)`.
    pub precision: f64,
    /// `tp / (tp + fn)`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Unweighted means of per-label figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Averages {
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// Mean F1 (the mean of the per-label F1, not the F1 of the means).
    pub f1: f64,
}

/// The figures of one label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelScores {
    /// The label.
    pub label: String,
    /// Its counts and figures.
    #[serde(flatten)]
    pub scores: Scores,
}

/// Per-label figures with micro and macro averages.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ScoreTable {
    /// One row per label seen in the gold data or the predictions, sorted by label.
    pub labels: Vec<LabelScores>,
    /// Pooled counts of every label.
    pub micro: Scores,
    /// Unweighted mean over the labels.
    #[serde(rename = "macro")]
    pub macro_avg: Averages,
}

impl ScoreTable {
    /// Builds the table from per-label counts. Labels with no gold item and
    /// no prediction are left out (they would add 0 to the macro mean).
    pub fn from_counts(counts: &BTreeMap<String, Counts>) -> Self {
        let mut micro = Counts::default();
        let mut labels = Vec::new();
        for (label, c) in counts {
            if c.gold() == 0 && c.predicted() == 0 {
                continue;
            }
            micro.add(*c);
            labels.push(LabelScores {
                label: label.clone(),
                scores: c.scores(),
            });
        }
        let n = labels.len();
        let mean = |f: fn(&Scores) -> f64| {
            if n == 0 {
                0.0
            } else {
                labels.iter().map(|l| f(&l.scores)).sum::<f64>() / n as f64
            }
        };
        let macro_avg = Averages {
            precision: mean(|s| s.precision),
            recall: mean(|s| s.recall),
            f1: mean(|s| s.f1),
        };
        ScoreTable {
            labels,
            micro: micro.scores(),
            macro_avg,
        }
    }

    /// The row of a label, if it has one.
    pub fn label(&self, label: &str) -> Option<&Scores> {
        self.labels
            .iter()
            .find(|l| l.label == label)
            .map(|l| &l.scores)
    }
}

/// Items judged right out of items judged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Items judged right.
    pub correct: usize,
    /// Items judged.
    pub total: usize,
    /// `correct / total`, or 0 when nothing was judged.
    pub accuracy: f64,
}

impl Accuracy {
    /// The accuracy of `correct` out of `total`.
    pub fn new(correct: usize, total: usize) -> Self {
        Accuracy {
            correct,
            total,
            accuracy: ratio(correct, total),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    #[test]
    fn figures_from_counts() {
        let c = counts(3, 1, 2);
        assert_eq!(c.precision(), 0.75);
        assert_eq!(c.recall(), 0.6);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
    }

    #[test]
    fn zero_denominators_give_zero() {
        assert_eq!(counts(0, 0, 4).precision(), 0.0);
        assert_eq!(counts(0, 2, 0).recall(), 0.0);
        assert_eq!(counts(0, 0, 0).f1(), 0.0);
    }

    #[test]
    fn macro_is_the_mean_of_label_figures_and_skips_empty_labels() {
        let mut by_label = BTreeMap::new();
        by_label.insert("LOC".to_string(), counts(1, 0, 0));
        by_label.insert("ORG".to_string(), counts(0, 1, 1));
        by_label.insert("PER".to_string(), counts(0, 0, 0));
        let table = ScoreTable::from_counts(&by_label);
        assert_eq!(table.labels.len(), 2);
        assert_eq!(table.macro_avg.f1, 0.5);
        assert_eq!(table.micro.tp, 1);
        assert_eq!(table.micro.precision, 0.5);
        assert!(table.label("PER").is_none());
    }
}
