//! Duplicates in a sentence are merged: the same actor, action and target
//! found by two routes (a relative clause and its antecedent, a pronoun
//! and its name) give one triple, with the higher confidence.

use crate::doc::Triple;

/// The identity of a triple for merging: actor text, action, target text.
fn key(t: &Triple) -> (String, &str, Option<String>) {
    (
        t.actor.text.to_lowercase(),
        t.action_lemma.as_str(),
        t.target.as_ref().map(|a| a.text.to_lowercase()),
    )
}

/// Merges duplicate triples in `triples[from..]` (one sentence), keeping
/// the first of each in place, the best confidence, and an event type
/// where one of them has it.
pub fn merge_sentence(triples: &mut Vec<Triple>, from: usize) {
    let mut kept: Vec<Triple> = Vec::with_capacity(triples.len() - from);
    for t in triples.drain(from..) {
        match kept.iter_mut().find(|k| key(k) == key(&t)) {
            Some(k) => {
                if t.confidence > k.confidence {
                    k.confidence = t.confidence;
                    k.rule = t.rule;
                }
                if k.event.is_none() && t.event.is_some() {
                    k.event = t.event;
                    k.cameo = t.cameo;
                }
            }
            None => kept.push(t),
        }
    }
    triples.extend(kept);
}
