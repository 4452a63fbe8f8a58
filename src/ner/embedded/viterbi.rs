//! First-order decoding over BILOU tags restricted to valid transitions,
//! and the probability of each decoded span.
//!
//! Scores are per token and tag (emissions) plus one score per tag pair
//! (transitions). Invalid transitions, starts and ends are excluded
//! outright, so every decoded sequence is well formed whatever the scores.

use super::tags::{decode, Tag, TokenSpan, TAG_COUNT};

/// Transition scores and the valid-transition structure of BILOU.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// `score[prev][next]`; meaningful only where the pair is valid.
    score: [[f32; TAG_COUNT]; TAG_COUNT],
    /// `valid[prev][next]`.
    valid: [[bool; TAG_COUNT]; TAG_COUNT],
    can_start: [bool; TAG_COUNT],
    can_end: [bool; TAG_COUNT],
    /// For each tag, the tags that may precede it.
    predecessors: [Vec<usize>; TAG_COUNT],
    /// For each tag, the tags that may follow it.
    successors: [Vec<usize>; TAG_COUNT],
}

impl Transitions {
    /// The valid BILOU transitions with the given scores (`score[prev][next]`).
    pub fn new(score: [[f32; TAG_COUNT]; TAG_COUNT]) -> Self {
        let tag = |i: usize| Tag::from_index(i).unwrap_or(Tag::Outside);
        let mut valid = [[false; TAG_COUNT]; TAG_COUNT];
        let mut can_start = [false; TAG_COUNT];
        let mut can_end = [false; TAG_COUNT];
        for (p, row) in valid.iter_mut().enumerate() {
            for (n, v) in row.iter_mut().enumerate() {
                *v = tag(p).can_precede(tag(n));
            }
            can_start[p] = tag(p).can_start();
            can_end[p] = tag(p).can_end();
        }
        let predecessors =
            std::array::from_fn(|t| (0..TAG_COUNT).filter(|&p| valid[p][t]).collect());
        let successors = std::array::from_fn(|p| (0..TAG_COUNT).filter(|&t| valid[p][t]).collect());
        Transitions {
            score,
            valid,
            can_start,
            can_end,
            predecessors,
            successors,
        }
    }

    /// Valid transitions, all scored zero.
    pub fn uniform() -> Self {
        Transitions::new([[0.0; TAG_COUNT]; TAG_COUNT])
    }

    /// The score of `prev → next`.
    pub fn score(&self, prev: usize, next: usize) -> f32 {
        self.score[prev][next]
    }
}

/// Reusable buffers for decoding, so a sentence costs no allocation once
/// the buffers have grown to the longest sentence.
#[derive(Clone, Debug)]
pub struct Decoder {
    best: Vec<[f32; TAG_COUNT]>,
    back: Vec<[u8; TAG_COUNT]>,
    alpha: Vec<[f32; TAG_COUNT]>,
    beta: Vec<[f32; TAG_COUNT]>,
    emit: Vec<[f32; TAG_COUNT]>,
    /// Transition scores / temperature of the last forward–backward pass.
    trans: [[f32; TAG_COUNT]; TAG_COUNT],
    log_z: f32,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            best: Vec::new(),
            back: Vec::new(),
            alpha: Vec::new(),
            beta: Vec::new(),
            emit: Vec::new(),
            trans: [[0.0; TAG_COUNT]; TAG_COUNT],
            log_z: 0.0,
        }
    }
}

impl Decoder {
    /// The highest-scoring valid tag sequence for `emissions` (one row of
    /// tag scores per token); ties go to the lower tag index.
    pub fn best_path(
        &mut self,
        emissions: &[[f32; TAG_COUNT]],
        transitions: &Transitions,
    ) -> Vec<usize> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        self.best.resize(n, [0.0; TAG_COUNT]);
        self.back.resize(n, [0; TAG_COUNT]);
        for ((b, &e), &ok) in self.best[0]
            .iter_mut()
            .zip(&emissions[0])
            .zip(&transitions.can_start)
        {
            *b = if ok { e } else { f32::NEG_INFINITY };
        }
        for i in 1..n {
            let (done, rest) = self.best.split_at_mut(i);
            let prev = &done[i - 1];
            for next in 0..TAG_COUNT {
                let mut top = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for (p, &score) in prev.iter().enumerate() {
                    if transitions.valid[p][next] {
                        let s = score + transitions.score[p][next];
                        if s > top {
                            top = s;
                            arg = p as u8;
                        }
                    }
                }
                rest[0][next] = top + emissions[i][next];
                self.back[i][next] = arg;
            }
        }
        let mut last = 0;
        let mut top = f32::NEG_INFINITY;
        for t in 0..TAG_COUNT {
            if transitions.can_end[t] && self.best[n - 1][t] > top {
                top = self.best[n - 1][t];
                last = t;
            }
        }
        let mut path = vec![0; n];
        path[n - 1] = last;
        for i in (1..n).rev() {
            path[i - 1] = usize::from(self.back[i][path[i]]);
        }
        path
    }

    /// Decodes `emissions` into spans, each with the model's probability
    /// that exactly this span (its boundaries and label) is right, from a
    /// forward–backward pass over the scores divided by `temperature`.
    pub fn spans(
        &mut self,
        emissions: &[[f32; TAG_COUNT]],
        transitions: &Transitions,
        temperature: f32,
    ) -> Vec<(TokenSpan, f32)> {
        let path = self.best_path(emissions, transitions);
        let tags: Vec<Tag> = path
            .iter()
            .map(|&t| Tag::from_index(t).unwrap_or(Tag::Outside))
            .collect();
        // The path only takes valid transitions, so decoding cannot fail.
        let spans = decode(&tags).unwrap_or_default();
        if spans.is_empty() {
            return Vec::new();
        }
        self.forward_backward(emissions, transitions, temperature);
        spans
            .into_iter()
            .map(|span| {
                let p = self.path_probability(&path, span.tokens.clone());
                (span, p)
            })
            .collect()
    }

    /// Forward and backward passes in log space over valid transitions
    /// only (perceptron scores can differ by hundreds, far beyond what
    /// plain probabilities can hold).
    fn forward_backward(
        &mut self,
        emissions: &[[f32; TAG_COUNT]],
        transitions: &Transitions,
        temperature: f32,
    ) {
        let n = emissions.len();
        let inv = 1.0 / temperature.max(1e-6);
        self.emit.resize(n, [0.0; TAG_COUNT]);
        self.alpha.resize(n, [0.0; TAG_COUNT]);
        self.beta.resize(n, [0.0; TAG_COUNT]);
        for (row, e) in self.emit.iter_mut().zip(emissions) {
            for (r, &s) in row.iter_mut().zip(e) {
                *r = s * inv;
            }
        }
        for p in 0..TAG_COUNT {
            for t in 0..TAG_COUNT {
                self.trans[p][t] = if transitions.valid[p][t] {
                    transitions.score[p][t] * inv
                } else {
                    f32::NEG_INFINITY
                };
            }
        }
        let trans = &self.trans;
        for t in 0..TAG_COUNT {
            self.alpha[0][t] = if transitions.can_start[t] {
                self.emit[0][t]
            } else {
                f32::NEG_INFINITY
            };
        }
        let mut terms = [0.0f32; TAG_COUNT];
        for i in 1..n {
            for (t, from) in transitions.predecessors.iter().enumerate() {
                for (term, &p) in terms.iter_mut().zip(from) {
                    *term = self.alpha[i - 1][p] + trans[p][t];
                }
                self.alpha[i][t] = log_sum_exp(&terms[..from.len()]) + self.emit[i][t];
            }
        }
        for t in 0..TAG_COUNT {
            self.beta[n - 1][t] = if transitions.can_end[t] {
                0.0
            } else {
                f32::NEG_INFINITY
            };
        }
        for i in (0..n - 1).rev() {
            for (p, to) in transitions.successors.iter().enumerate() {
                for (term, &t) in terms.iter_mut().zip(to) {
                    *term = trans[p][t] + self.emit[i + 1][t] + self.beta[i + 1][t];
                }
                self.beta[i][p] = log_sum_exp(&terms[..to.len()]);
            }
        }
        for (term, (a, b)) in terms
            .iter_mut()
            .zip(self.alpha[n - 1].iter().zip(&self.beta[n - 1]))
        {
            *term = a + b;
        }
        self.log_z = log_sum_exp(&terms);
    }

    /// Probability that tokens `range` carry exactly the tags of `path`.
    fn path_probability(&self, path: &[usize], range: std::ops::Range<usize>) -> f32 {
        let start = range.start;
        let mut log_p = self.alpha[start][path[start]];
        for i in start + 1..range.end {
            log_p += self.trans[path[i - 1]][path[i]] + self.emit[i][path[i]];
        }
        log_p += self.beta[range.end - 1][path[range.end - 1]] - self.log_z;
        let p = log_p.exp();
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// `ln(sum(exp(x)))`, exact for any spread of values; minus infinity when
/// every term is.
fn log_sum_exp(terms: &[f32]) -> f32 {
    let max = terms.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if max == f32::NEG_INFINITY {
        return max;
    }
    max + terms.iter().map(|&x| (x - max).exp()).sum::<f32>().ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::EntityLabel;
    use crate::learn::Rng;
    use crate::ner::embedded::tags::Part;

    fn idx(tag: Tag) -> usize {
        tag.index()
    }

    /// Emissions that favour one tag per token by `margin`.
    fn favour(tags: &[Tag], margin: f32) -> Vec<[f32; TAG_COUNT]> {
        tags.iter()
            .map(|&t| {
                let mut row = [0.0; TAG_COUNT];
                row[idx(t)] = margin;
                row
            })
            .collect()
    }

    #[test]
    fn follows_strong_valid_emissions() {
        let per = |p| Tag::Entity(p, EntityLabel::Per);
        let tags = [
            Tag::Outside,
            per(Part::Begin),
            per(Part::Last),
            Tag::Outside,
        ];
        let path = Decoder::default().best_path(&favour(&tags, 5.0), &Transitions::uniform());
        assert_eq!(path, tags.iter().map(|&t| idx(t)).collect::<Vec<_>>());
    }

    #[test]
    fn repairs_invalid_emissions() {
        // Alone, `I-LOC` is invalid; the decoder must choose a valid path.
        let loc = |p| Tag::Entity(p, EntityLabel::Loc);
        let emissions = favour(&[Tag::Outside, loc(Part::Inside), Tag::Outside], 5.0);
        let path = Decoder::default().best_path(&emissions, &Transitions::uniform());
        let tags: Vec<Tag> = path.iter().map(|&t| Tag::from_index(t).unwrap()).collect();
        assert!(decode(&tags).is_ok(), "{tags:?}");
    }

    #[test]
    fn random_scores_always_decode_to_valid_spans() {
        let mut rng = Rng::new(11);
        let mut decoder = Decoder::default();
        for round in 0..300 {
            let n = 1 + rng.below(12);
            let mut rand = || (rng.below(2001) as f32 - 1000.0) / 100.0;
            let emissions: Vec<[f32; TAG_COUNT]> =
                (0..n).map(|_| std::array::from_fn(|_| rand())).collect();
            let trans: [[f32; TAG_COUNT]; TAG_COUNT] =
                std::array::from_fn(|_| std::array::from_fn(|_| rand()));
            let transitions = Transitions::new(trans);
            let path = decoder.best_path(&emissions, &transitions);
            let tags: Vec<Tag> = path.iter().map(|&t| Tag::from_index(t).unwrap()).collect();
            assert!(decode(&tags).is_ok(), "round {round}: {tags:?}");
            for (span, p) in decoder.spans(&emissions, &transitions, 1.0) {
                assert!(span.tokens.end <= n && !span.tokens.is_empty());
                assert!((0.0..=1.0).contains(&p), "probability {p}");
            }
        }
    }

    #[test]
    fn finds_the_true_best_path_on_small_inputs() {
        // Exhaustive check against brute force on 3 tokens.
        let mut rng = Rng::new(5);
        let mut rand = || (rng.below(2001) as f32 - 1000.0) / 100.0;
        let emissions: Vec<[f32; TAG_COUNT]> =
            (0..3).map(|_| std::array::from_fn(|_| rand())).collect();
        let trans: [[f32; TAG_COUNT]; TAG_COUNT] =
            std::array::from_fn(|_| std::array::from_fn(|_| rand()));
        let transitions = Transitions::new(trans);
        let mut best = (f32::NEG_INFINITY, vec![]);
        for a in 0..TAG_COUNT {
            for b in 0..TAG_COUNT {
                for c in 0..TAG_COUNT {
                    let tags: Vec<Tag> = [a, b, c]
                        .iter()
                        .map(|&t| Tag::from_index(t).unwrap())
                        .collect();
                    if decode(&tags).is_err() {
                        continue;
                    }
                    let s = emissions[0][a]
                        + emissions[1][b]
                        + emissions[2][c]
                        + trans[a][b]
                        + trans[b][c];
                    if s > best.0 {
                        best = (s, vec![a, b, c]);
                    }
                }
            }
        }
        assert_eq!(
            Decoder::default().best_path(&emissions, &transitions),
            best.1
        );
    }

    #[test]
    fn span_probability_is_high_when_certain_and_lower_when_torn() {
        let loc = |p| Tag::Entity(p, EntityLabel::Loc);
        let org = |p| Tag::Entity(p, EntityLabel::Org);
        let mut decoder = Decoder::default();
        let sure = favour(&[loc(Part::Unit), Tag::Outside], 20.0);
        let spans = decoder.spans(&sure, &Transitions::uniform(), 1.0);
        assert_eq!(spans.len(), 1);
        assert!(spans[0].1 > 0.99, "{}", spans[0].1);
        let mut torn = favour(&[loc(Part::Unit), Tag::Outside], 20.0);
        torn[0][idx(org(Part::Unit))] = 19.5;
        let spans = decoder.spans(&torn, &Transitions::uniform(), 1.0);
        assert_eq!(spans.len(), 1);
        assert!(spans[0].1 > 0.5 && spans[0].1 < 0.7, "{}", spans[0].1);
    }

    #[test]
    fn huge_scores_give_finite_probabilities() {
        let per = |p| Tag::Entity(p, EntityLabel::Per);
        let mut trans = [[0.0; TAG_COUNT]; TAG_COUNT];
        trans[idx(per(Part::Begin))][idx(per(Part::Last))] = 500.0;
        trans[idx(Tag::Outside)][idx(Tag::Outside)] = 300.0;
        let emissions = favour(&[per(Part::Begin), per(Part::Last), Tag::Outside], 400.0);
        let spans = Decoder::default().spans(&emissions, &Transitions::new(trans), 1.0);
        assert_eq!(spans.len(), 1);
        assert!(spans[0].1.is_finite() && spans[0].1 > 0.9, "{}", spans[0].1);
    }

    #[test]
    fn empty_input_gives_nothing() {
        let mut decoder = Decoder::default();
        assert!(decoder.best_path(&[], &Transitions::uniform()).is_empty());
        assert!(decoder.spans(&[], &Transitions::uniform(), 1.0).is_empty());
    }
}
