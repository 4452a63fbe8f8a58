//! Flat output records: one row of `entities.csv` / `triples.csv` (or one
//! JSON Lines object), with Unicode code-point offsets.

use serde::Serialize;

use crate::doc::{Argument, CharOffsets, Doc};

/// One row of `entities.csv`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityRecord<'d> {
    /// Document id.
    pub doc_id: &'d str,
    /// 0-based sentence index.
    pub sentence: usize,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface text.
    pub text: &'d str,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub label: &'static str,
    /// Confidence, rounded to 4 decimals.
    pub score: f64,
    /// Recognizer name.
    pub source: &'static str,
    /// Actor code, empty when unknown.
    pub code: &'d str,
    /// Canonical name, empty when unknown.
    pub canonical: &'d str,
}

/// One row of `triples.csv`; the `target_*` fields are empty for an event
/// without a target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TripleRecord<'d> {
    /// Document id.
    pub doc_id: &'d str,
    /// 0-based sentence index.
    pub sentence: usize,
    /// Resolved actor text.
    pub actor: &'d str,
    /// Actor entity label, empty when the actor is not a named entity.
    pub actor_label: &'static str,
    /// Actor code.
    pub actor_code: &'d str,
    /// Actor mention start (code points).
    pub actor_start: usize,
    /// Actor mention end (code points).
    pub actor_end: usize,
    /// The action as written.
    pub action: &'d str,
    /// Normalised action (`call on`).
    pub action_lemma: &'d str,
    /// Action start (code points).
    pub action_start: usize,
    /// Action end (code points).
    pub action_end: usize,
    /// Resolved target text.
    pub target: Option<&'d str>,
    /// Target entity label.
    pub target_label: Option<&'static str>,
    /// Target code.
    pub target_code: Option<&'d str>,
    /// Target mention start (code points).
    pub target_start: Option<usize>,
    /// Target mention end (code points).
    pub target_end: Option<usize>,
    /// PLOVER type or `STATEMENT`, empty when unknown.
    pub event: &'d str,
    /// CAMEO root code, empty when unknown.
    pub cameo: &'d str,
    /// Whether the event is negated.
    pub negated: bool,
    /// `asserted`, `reported`, `hypothetical` or `future`.
    pub mode: &'static str,
    /// Confidence, rounded to 4 decimals.
    pub confidence: f64,
    /// The rule that fired.
    pub rule: &'static str,
    /// The sentence, newlines folded to spaces.
    pub evidence: String,
}

/// The entity rows of a document.
pub fn entity_records<'d>(doc: &'d Doc, offsets: &CharOffsets<'_>) -> Vec<EntityRecord<'d>> {
    doc.entities
        .iter()
        .map(|e| EntityRecord {
            doc_id: &doc.id,
            sentence: e.sentence,
            start: offsets.char_offset(e.span.start),
            end: offsets.char_offset(e.span.end),
            text: doc.slice(e.span),
            label: e.label.as_str(),
            score: round4(e.score),
            source: e.source,
            code: e.code.as_deref().unwrap_or(""),
            canonical: e.canonical.as_deref().unwrap_or(""),
        })
        .collect()
}

/// The triple rows of a document.
pub fn triple_records<'d>(doc: &'d Doc, offsets: &CharOffsets<'_>) -> Vec<TripleRecord<'d>> {
    doc.triples
        .iter()
        .map(|t| {
            let target = t.target.as_ref();
            let evidence = doc
                .sentences
                .get(t.sentence)
                .map(|s| fold_newlines(doc.slice(s.span)))
                .unwrap_or_default();
            TripleRecord {
                doc_id: &doc.id,
                sentence: t.sentence,
                actor: &t.actor.text,
                actor_label: label(&t.actor),
                actor_code: t.actor.code.as_deref().unwrap_or(""),
                actor_start: offsets.char_offset(t.actor.span.start),
                actor_end: offsets.char_offset(t.actor.span.end),
                action: doc.slice(t.action),
                action_lemma: &t.action_lemma,
                action_start: offsets.char_offset(t.action.start),
                action_end: offsets.char_offset(t.action.end),
                target: target.map(|a| a.text.as_str()),
                target_label: target.map(label),
                target_code: target.map(|a| a.code.as_deref().unwrap_or("")),
                target_start: target.map(|a| offsets.char_offset(a.span.start)),
                target_end: target.map(|a| offsets.char_offset(a.span.end)),
                event: t.event.as_deref().unwrap_or(""),
                cameo: t.cameo.as_deref().unwrap_or(""),
                negated: t.negated,
                mode: t.mode.as_str(),
                confidence: round4(t.confidence),
                rule: t.rule,
                evidence,
            }
        })
        .collect()
}

fn label(argument: &Argument) -> &'static str {
    argument.label.map_or("", |l| l.as_str())
}

fn round4(x: f32) -> f64 {
    (f64::from(x) * 1e4).round() / 1e4
}

/// Replaces each run of whitespace that holds a line break with one space.
fn fold_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<usize> = None; // start of a whitespace run in `out`
    let mut broke = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending.get_or_insert(out.len());
            broke |= c == '\n' || c == '\r';
            out.push(c);
        } else {
            if let (Some(start), true) = (pending, broke) {
                out.truncate(start);
                out.push(' ');
            }
            pending = None;
            broke = false;
            out.push(c);
        }
    }
    if let (Some(start), true) = (pending, broke) {
        out.truncate(start);
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Entity, EntityLabel, RawDoc, Sentence, Span};

    #[test]
    fn folds_line_breaks_but_keeps_other_spacing() {
        assert_eq!(fold_newlines("Baku\n said  it"), "Baku said  it");
        assert_eq!(fold_newlines("a\r\n\r\nb\n"), "a b ");
    }

    #[test]
    fn offsets_are_code_points() {
        let mut doc = Doc::from_raw(RawDoc::new("d", "Erdoğan met Aliyev."));
        doc.sentences = vec![Sentence {
            span: Span::new(0, 20),
            tokens: 0..0,
        }];
        doc.entities = vec![Entity {
            span: Span::new(13, 19),
            sentence: 0,
            label: EntityLabel::Per,
            score: 0.912_345,
            source: "test",
            code: None,
            canonical: None,
        }];
        let offsets = CharOffsets::new(&doc.text);
        let rows = entity_records(&doc, &offsets);
        assert_eq!(rows[0].text, "Aliyev");
        assert_eq!((rows[0].start, rows[0].end), (12, 18));
        let chars: String = doc.text.chars().skip(12).take(6).collect();
        assert_eq!(chars, "Aliyev");
        assert_eq!(rows[0].score, 0.9123);
    }
}
