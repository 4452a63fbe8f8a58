//! The individual errors behind the strict entity scores, so a user can
//! read what the recognizer got wrong, not only how often.
//!
//! After strict matching, what is left of a document is sorted into:
//!
//! - **label**: a prediction over exactly a gold span, with another label;
//! - **span**: a prediction that overlaps a gold mention without matching
//!   its boundaries (whatever the labels);
//! - **miss**: a gold mention nothing overlaps;
//! - **false alarm**: a prediction that overlaps no gold mention.
//!
//! The counts of the strict table are not changed by this sorting: a span
//! error is still one false negative and one false positive there.

use serde::Serialize;

use super::ner_data::Mention;

/// What kind of error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NerErrorKind {
    /// Exact span, wrong label.
    Label,
    /// Overlapping span, wrong boundaries.
    Span,
    /// A gold mention with no overlapping prediction.
    Miss,
    /// A prediction with no overlapping gold mention.
    FalseAlarm,
}

impl NerErrorKind {
    /// The name printed in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            NerErrorKind::Label => "label",
            NerErrorKind::Span => "span",
            NerErrorKind::Miss => "miss",
            NerErrorKind::FalseAlarm => "false alarm",
        }
    }
}

/// One error of the strict comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NerError {
    /// What went wrong.
    pub kind: NerErrorKind,
    /// The gold mention involved, if any.
    pub gold: Option<Mention>,
    /// The predicted mention involved, if any.
    pub predicted: Option<Mention>,
}

impl NerError {
    /// Document id of the error.
    pub fn doc(&self) -> &str {
        self.gold
            .as_ref()
            .or(self.predicted.as_ref())
            .map_or("", |m| m.doc.as_str())
    }

    /// Character offset the error starts at (for ordering).
    fn start(&self) -> usize {
        match (&self.gold, &self.predicted) {
            (Some(g), Some(p)) => g.start.min(p.start),
            (Some(m), None) | (None, Some(m)) => m.start,
            (None, None) => 0,
        }
    }
}

/// Sorts one document's leftovers of strict matching into errors:
/// `labelled` holds the exact-span pairs with different labels, `gold` and
/// `pred` the mentions left after those (each sorted by start).
pub fn document_errors(
    labelled: &[(&Mention, &Mention)],
    gold: &[&Mention],
    pred: &[&Mention],
) -> Vec<NerError> {
    let mut out: Vec<NerError> = labelled
        .iter()
        .map(|(g, p)| NerError {
            kind: NerErrorKind::Label,
            gold: Some((*g).clone()),
            predicted: Some((*p).clone()),
        })
        .collect();
    let mut pred_used = vec![false; pred.len()];
    for g in gold {
        // The first unused overlapping prediction explains the gold
        // mention's boundary error; mentions are few per document.
        let partner = (0..pred.len()).find(|&k| !pred_used[k] && g.overlaps(pred[k]));
        out.push(match partner {
            Some(k) => {
                pred_used[k] = true;
                NerError {
                    kind: NerErrorKind::Span,
                    gold: Some((*g).clone()),
                    predicted: Some(pred[k].clone()),
                }
            }
            None => NerError {
                kind: NerErrorKind::Miss,
                gold: Some((*g).clone()),
                predicted: None,
            },
        });
    }
    for (k, p) in pred.iter().enumerate() {
        if !pred_used[k] {
            // A second prediction inside a gold mention already explained
            // is a span error too.
            let kind = if gold.iter().any(|g| g.overlaps(p)) {
                NerErrorKind::Span
            } else {
                NerErrorKind::FalseAlarm
            };
            out.push(NerError {
                kind,
                gold: None,
                predicted: Some((*p).clone()),
            });
        }
    }
    out.sort_by_key(|e| (e.start(), e.kind));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, label: &str) -> Mention {
        Mention::new("d", start, end, label)
    }

    #[test]
    fn leftovers_become_label_span_miss_and_false_alarm_errors() {
        let (g1, p1) = (m(0, 5, "PER"), m(0, 5, "LOC"));
        let (g2, p2) = (m(10, 20, "ORG"), m(10, 15, "ORG"));
        let g3 = m(30, 35, "LOC");
        let p4 = m(40, 45, "PER");
        let p5 = m(16, 20, "ORG");
        let errors = document_errors(&[(&g1, &p1)], &[&g2, &g3], &[&p2, &p5, &p4]);
        let kinds: Vec<NerErrorKind> = errors.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                NerErrorKind::Label,
                NerErrorKind::Span,
                NerErrorKind::Span,
                NerErrorKind::Miss,
                NerErrorKind::FalseAlarm
            ]
        );
        assert_eq!(errors[1].predicted.as_ref(), Some(&p2));
        assert_eq!(errors[2].predicted.as_ref(), Some(&p5));
        assert_eq!(errors[3].gold.as_ref(), Some(&g3));
        assert_eq!(errors[4].predicted.as_ref(), Some(&p4));
        assert_eq!(errors[0].doc(), "d");
    }

    #[test]
    fn nothing_left_is_no_error() {
        assert!(document_errors(&[], &[], &[]).is_empty());
    }
}
