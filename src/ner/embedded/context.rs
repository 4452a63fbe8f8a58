//! Document context: what a first labelling pass said about the other
//! occurrences of a word in the same document.
//!
//! Names repeat within a document, and one clear occurrence (`Lord Byron
//! was born ...`) settles the others (`Byron received ...` at the start of
//! a sentence, where the capital proves nothing). The second pass of the
//! model reads, for each capitalised token, how the first pass labelled
//! the same word elsewhere in the document, and the first pass's own tags
//! around the token.

use std::collections::HashMap;

use crate::learn::FeatureHasher;

use super::features::SentenceFeatures;
use super::tags::TAG_COUNT;

// Template numbers of context features (apart from token templates).
const T_OTHER_LABEL: u32 = 200;
const T_OTHER_MAJORITY: u32 = 201;
const T_FIRST_PASS_TAG: u32 = 202;
const T_FIRST_PASS_TAG_AT: u32 = 203;
const T_OTHER_PART: u32 = 204;
const T_OTHER_NONE: u32 = 205;

/// Label classes counted for other occurrences: outside, then the four labels.
const CLASSES: usize = 5;

/// How the first pass labelled the other occurrences of one token's word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordEvidence {
    /// Other occurrences per class (outside, PER, ORG, LOC, MISC).
    counts: [u16; CLASSES],
    /// Other occurrences per BILOU part inside entities (B, I, L, U).
    parts: [u16; 4],
}

/// Per-document index of first-pass labels by word form.
#[derive(Clone, Debug, Default)]
pub struct DocumentContext {
    by_word: HashMap<String, WordEvidence>,
}

fn class_of(tag: usize) -> usize {
    if tag == 0 {
        0
    } else {
        1 + (tag - 1) / 4
    }
}

fn part_of(tag: usize) -> Option<usize> {
    (tag > 0).then(|| (tag - 1) % 4)
}

/// Whether a word takes part in document context: it has a capital letter.
fn is_candidate(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

impl DocumentContext {
    /// Indexes first-pass tags (`paths[s][i]` = tag index of token `i` of
    /// sentence `s`) of a document's sentences.
    pub fn new<S: AsRef<str>>(sentences: &[&[S]], paths: &[Vec<usize>]) -> Self {
        let mut by_word: HashMap<String, WordEvidence> = HashMap::new();
        for (words, path) in sentences.iter().zip(paths) {
            for (word, &tag) in words.iter().zip(path) {
                let word = word.as_ref();
                if !is_candidate(word) {
                    continue;
                }
                let e = by_word.entry(word.to_string()).or_default();
                e.counts[class_of(tag)] = e.counts[class_of(tag)].saturating_add(1);
                if let Some(p) = part_of(tag) {
                    e.parts[p] = e.parts[p].saturating_add(1);
                }
            }
        }
        DocumentContext { by_word }
    }

    /// Evidence for `word` from its occurrences other than one tagged `own`.
    fn others(&self, word: &str, own: usize) -> Option<WordEvidence> {
        if !is_candidate(word) {
            return None;
        }
        let mut e = *self.by_word.get(word)?;
        e.counts[class_of(own)] -= 1;
        if let Some(p) = part_of(own) {
            e.parts[p] -= 1;
        }
        Some(e)
    }

    /// Features of the other occurrences' labels.
    fn push_evidence(&self, e: &WordEvidence, own: usize, ids: &mut Vec<u64>) {
        let mix = FeatureHasher::new;
        let total: u32 = e.counts.iter().map(|&c| u32::from(c)).sum();
        if total == 0 {
            ids.push(mix(T_OTHER_NONE).finish());
            return;
        }
        let mut best = 0;
        for (class, &c) in e.counts.iter().enumerate() {
            if c > e.counts[best] {
                best = class;
            }
            // The class's share of the other occurrences, in quarters.
            if let Some(share) = (u32::from(c) * 4).checked_div(total).filter(|_| c > 0) {
                ids.push(
                    mix(T_OTHER_LABEL)
                        .mix(class as u64)
                        .mix(u64::from(share))
                        .finish(),
                );
            }
        }
        ids.push(
            mix(T_OTHER_MAJORITY)
                .mix(best as u64)
                .mix(u64::from(total.min(3)))
                .mix(class_of(own) as u64)
                .finish(),
        );
        for (p, &c) in e.parts.iter().enumerate() {
            if c > 0 {
                ids.push(mix(T_OTHER_PART).mix(p as u64).finish());
            }
        }
    }

    /// Context features of each token of one sentence, given its words and
    /// first-pass tags.
    pub fn features<S: AsRef<str>>(&self, words: &[S], path: &[usize], out: &mut SentenceFeatures) {
        out.clear();
        let n = words.len();
        for (i, word) in words.iter().enumerate() {
            let ids = out.ids_mut();
            let mix = FeatureHasher::new;
            ids.push(mix(T_FIRST_PASS_TAG).mix(path[i] as u64).finish());
            let before = if i > 0 { path[i - 1] } else { TAG_COUNT };
            let after = if i + 1 < n { path[i + 1] } else { TAG_COUNT };
            ids.push(
                mix(T_FIRST_PASS_TAG_AT)
                    .mix(before as u64)
                    .mix(path[i] as u64)
                    .mix(after as u64)
                    .finish(),
            );
            if let Some(e) = self.others(word.as_ref(), path[i]) {
                self.push_evidence(&e, path[i], ids);
            }
            out.end_token();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::EntityLabel;
    use crate::ner::embedded::tags::{Part, Tag};

    #[test]
    fn evidence_comes_from_other_occurrences_only() {
        let u_per = Tag::Entity(Part::Unit, EntityLabel::Per).index();
        let s1 = ["Byron", "wrote", "."];
        let s2 = ["Lord", "Byron", "left"];
        let p1 = vec![0, 0, 0];
        let p2 = vec![
            Tag::Entity(Part::Begin, EntityLabel::Per).index(),
            Tag::Entity(Part::Last, EntityLabel::Per).index(),
            0,
        ];
        let ctx = DocumentContext::new(&[&s1[..], &s2[..]], &[p1.clone(), p2]);
        let e = ctx.others("Byron", 0).unwrap();
        assert_eq!(e.counts, [0, 1, 0, 0, 0], "the other Byron is PER");
        assert_eq!(e.parts, [0, 0, 1, 0]);
        assert!(
            ctx.others("wrote", 0).is_none(),
            "lowercase words take no part"
        );
        let alone = DocumentContext::new(&[&s1[..]], &[vec![u_per, 0, 0]]);
        assert_eq!(alone.others("Byron", u_per).unwrap().counts, [0; 5]);

        let mut with = SentenceFeatures::default();
        ctx.features(&s1, &p1, &mut with);
        let mut without = SentenceFeatures::default();
        DocumentContext::new(&[&s1[..]], std::slice::from_ref(&p1)).features(
            &s1,
            &p1,
            &mut without,
        );
        assert_eq!(with.len(), 3);
        assert_ne!(with.token(0), without.token(0));
        assert_eq!(with.token(1), without.token(1));
    }
}
