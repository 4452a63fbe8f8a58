//! Context aggregation: the neighbours a capitalised word has at its other
//! occurrences in the same document.
//!
//! `Byron received his education ...` says little about `Byron` on its
//! own, but elsewhere the document writes `Lord Byron`, `Byron 's poems`
//! and `letters to Byron`; those neighbours become features of every
//! occurrence. The word is matched as written (`Harrow`, not `harrow`); a
//! feature also says when the document writes the word in lowercase too.

use std::collections::HashMap;

use crate::learn::FeatureHasher;

use super::features::SentenceFeatures;

const T_AGGREGATE: u32 = 300;
const T_LOWERCASE_ELSEWHERE: u32 = 301;
const T_OCCURRENCES: u32 = 302;

/// Most aggregated neighbour features per token.
const MAX_FEATURES: usize = 48;

/// Neighbour offsets collected at each occurrence.
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];

fn is_candidate(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Per document: for each capitalised word, the neighbours of all its
/// occurrences.
#[derive(Clone, Debug, Default)]
pub struct ContextAggregator {
    /// Word → (neighbour feature → occurrences with it).
    neighbours: HashMap<String, Vec<(u64, u32)>>,
    occurrences: HashMap<String, u32>,
    lowercase: HashMap<String, u32>,
    own: Vec<u64>,
}

impl ContextAggregator {
    /// Aggregation features for each token of each sentence of a document.
    pub fn features<S: AsRef<str>>(&mut self, sentences: &[&[S]], out: &mut [SentenceFeatures]) {
        self.neighbours.clear();
        self.occurrences.clear();
        self.lowercase.clear();
        let lowered: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| w.as_ref().to_lowercase()).collect())
            .collect();
        for (words, lower) in sentences.iter().zip(&lowered) {
            for (i, word) in words.iter().enumerate() {
                let word = word.as_ref();
                if !is_candidate(word) {
                    if word.chars().any(char::is_alphabetic) {
                        *self.lowercase.entry(lower[i].clone()).or_default() += 1;
                    }
                    continue;
                }
                *self.occurrences.entry(word.to_string()).or_default() += 1;
                let list = self.neighbours.entry(word.to_string()).or_default();
                for id in neighbour_ids(lower, i) {
                    match list.iter_mut().find(|(f, _)| *f == id) {
                        Some((_, c)) => *c += 1,
                        None => list.push((id, 1)),
                    }
                }
            }
        }
        for list in self.neighbours.values_mut() {
            // Most frequent neighbours first; ids break ties for determinism.
            list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        for ((words, lower), features) in sentences.iter().zip(&lowered).zip(out.iter_mut()) {
            features.clear();
            for (i, word) in words.iter().enumerate() {
                let word = word.as_ref();
                if is_candidate(word) {
                    let others = self.occurrences.get(word).copied().unwrap_or(1) - 1;
                    let ids = features.ids_mut();
                    ids.push(
                        FeatureHasher::new(T_OCCURRENCES)
                            .mix(u64::from(others.min(4)))
                            .finish(),
                    );
                    if self.lowercase.contains_key(&lower[i]) {
                        ids.push(FeatureHasher::new(T_LOWERCASE_ELSEWHERE).finish());
                    }
                    if others > 0 {
                        self.own.clear();
                        self.own.extend(neighbour_ids(lower, i));
                        let list = &self.neighbours[word];
                        let mut added = 0;
                        for &(id, count) in list {
                            // Only neighbours seen at another occurrence.
                            let mine = u32::from(self.own.contains(&id));
                            if count > mine {
                                features.ids_mut().push(id);
                                added += 1;
                                if added == MAX_FEATURES {
                                    break;
                                }
                            }
                        }
                    }
                }
                features.end_token();
            }
        }
    }
}

/// Feature ids of the neighbours of token `i`.
fn neighbour_ids(lower: &[String], i: usize) -> impl Iterator<Item = u64> + '_ {
    OFFSETS.iter().map(move |&offset| {
        let j = i as isize + offset;
        let word = usize::try_from(j)
            .ok()
            .and_then(|j| lower.get(j))
            .map_or("<pad>", String::as_str);
        FeatureHasher::new(T_AGGREGATE)
            .int(offset as u64)
            .str(word)
            .finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(sentences: &[&[&str]]) -> Vec<SentenceFeatures> {
        let mut out = vec![SentenceFeatures::default(); sentences.len()];
        ContextAggregator::default().features(sentences, &mut out);
        out
    }

    #[test]
    fn occurrences_share_their_neighbours() {
        let a: &[&str] = &["Byron", "received", "an", "education"];
        let b: &[&str] = &["poems", "by", "Lord", "Byron"];
        let f = run(&[a, b]);
        let lord = FeatureHasher::new(T_AGGREGATE)
            .int(-1i64 as u64)
            .str("lord")
            .finish();
        assert!(
            f[0].token(0).contains(&lord),
            "the first Byron learns of `Lord`"
        );
        assert!(
            !f[1].token(3).contains(&lord),
            "its own neighbour is not repeated"
        );
        assert!(f[0].token(1).is_empty(), "lowercase words get nothing");
    }

    #[test]
    fn single_occurrences_get_counts_only() {
        let a: &[&str] = &["Harrow", "is", "near", "the", "harrow"];
        let f = run(&[a]);
        assert_eq!(f[0].token(0).len(), 2, "count and lowercase-elsewhere");
        assert_eq!(f[0].len(), 5);
    }
}
