//! Averaged perceptron with sparse rows, for tasks with many classes.
//!
//! [`Perceptron`](super::Perceptron) gives every feature a dense row of one
//! weight per class. With a hundred classes (joint UPOS+XPOS tags, labelled
//! parser transitions) and millions of features that needs gigabytes while
//! training, although a feature typically only ever meets a handful of
//! classes in updates. Here a feature owns a short list of the classes it
//! was updated for. Weights are integers (updates are ±1 or small integer
//! steps), so training is exact and the same on every machine; averaging
//! uses the lazy-timestamp trick.

use std::collections::HashMap;

use super::quantized::SparseWeights;
use super::IdBuildHasher;

/// One class weight of one feature while training.
#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u32,
    weight: i32,
    /// Clock value at which `total` was last brought up to date.
    stamp: u64,
    /// Sum over time of `weight`, up to `stamp`.
    total: i64,
}

/// A sparse-row perceptron being trained.
///
/// ```
/// use actant::learn::{FeatureHasher, SparsePerceptron};
/// let red = FeatureHasher::new(0).str("red").finish();
/// let mut p = SparsePerceptron::new(3);
/// p.tick();
/// p.update(2, p.predict(&[red], None), &[red]);
/// assert_eq!(p.predict(&[red], None), 2);
/// ```
#[derive(Clone, Debug)]
pub struct SparsePerceptron {
    classes: usize,
    rows: HashMap<u64, u32, IdBuildHasher>,
    lists: Vec<Vec<Entry>>,
    clock: u64,
}

impl SparsePerceptron {
    /// An untrained perceptron with `classes` classes (at most 65,536).
    pub fn new(classes: usize) -> Self {
        assert!(
            (1..=1 << 16).contains(&classes),
            "a sparse perceptron needs 1..=65536 classes, not {classes}"
        );
        SparsePerceptron {
            classes,
            rows: HashMap::with_hasher(IdBuildHasher),
            lists: Vec::new(),
            clock: 0,
        }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features that have been updated at least once.
    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// Adds the current (not averaged) weights of `features` to `scores`.
    pub fn score_into(&self, features: &[u64], scores: &mut [i32]) {
        debug_assert_eq!(scores.len(), self.classes);
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                for e in &self.lists[row as usize] {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// The best class among those `allowed` (all when `None`) under the
    /// current weights; ties go to the lowest class index.
    pub fn predict(&self, features: &[u64], allowed: Option<&[bool]>) -> usize {
        let mut scores = vec![0; self.classes];
        self.score_into(features, &mut scores);
        best_class(&scores, allowed)
    }

    /// Counts one training example; call once per example, before its update.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Moves weight towards `truth` and away from `guess` (no-op when equal).
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        if truth == guess {
            return;
        }
        for &f in features {
            self.add(f, truth, 1);
            self.add(f, guess, -1);
        }
    }

    /// Adds `delta` to the weight of `feature` for `class`.
    pub fn add(&mut self, feature: u64, class: usize, delta: i32) {
        debug_assert!(class < self.classes);
        let next = self.lists.len() as u32;
        let row = *self.rows.entry(feature).or_insert(next);
        if row == next {
            self.lists.push(Vec::with_capacity(2));
        }
        let list = &mut self.lists[row as usize];
        let class = class as u32;
        let clock = self.clock;
        let entry = match list.iter().position(|e| e.class == class) {
            Some(i) => &mut list[i],
            None => {
                list.push(Entry {
                    class,
                    weight: 0,
                    stamp: clock,
                    total: 0,
                });
                list.last_mut().expect("just pushed")
            }
        };
        entry.total += (clock - entry.stamp) as i64 * i64::from(entry.weight);
        entry.stamp = clock;
        entry.weight += delta;
    }

    /// The averaged weights, quantized for shipping. Class weights whose
    /// average is smaller than `prune` in absolute value are dropped, and
    /// features left with no weight disappear.
    pub fn average(&self, prune: f32) -> SparseWeights {
        let clock = self.clock.max(1) as f64;
        let mut features: Vec<(u64, u32)> = self.rows.iter().map(|(&f, &r)| (f, r)).collect();
        features.sort_unstable();
        let mut rows = Vec::with_capacity(features.len());
        for (feature, row) in features {
            let mut entries: Vec<(u16, f32)> = self.lists[row as usize]
                .iter()
                .filter_map(|e| {
                    let total = e.total + (self.clock - e.stamp) as i64 * i64::from(e.weight);
                    let avg = (total as f64 / clock) as f32;
                    (avg != 0.0 && avg.abs() >= prune).then_some((e.class as u16, avg))
                })
                .collect();
            if !entries.is_empty() {
                entries.sort_unstable_by_key(|&(c, _)| c);
                rows.push((feature, entries));
            }
        }
        SparseWeights::quantize(self.classes, &rows)
    }
}

/// Index of the highest score among allowed classes; the first on ties.
/// Falls back to all classes when none is allowed.
pub fn best_class(scores: &[i32], allowed: Option<&[bool]>) -> usize {
    let mut best: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        let ok = allowed.is_none_or(|a| a[c]);
        if ok && best.is_none_or(|b| s > scores[b]) {
            best = Some(c);
        }
    }
    match best {
        Some(b) => b,
        None if allowed.is_some() => best_class(scores, None),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::{FeatureHasher, Rng};

    fn feats(words: &[&str]) -> Vec<u64> {
        words
            .iter()
            .map(|w| FeatureHasher::new(0).str(w).finish())
            .collect()
    }

    /// Class 0 is never the answer, so every class must be learned.
    fn toy() -> Vec<(Vec<u64>, usize)> {
        let mut data = Vec::new();
        for i in 0..30 {
            let noise = format!("n{}", i % 7);
            data.push((feats(&["red", &noise]), 1));
            data.push((feats(&["green", &noise]), 2));
            data.push((feats(&["blue", &noise]), 3));
        }
        data
    }

    fn train(data: &mut [(Vec<u64>, usize)], epochs: usize) -> SparsePerceptron {
        let mut p = SparsePerceptron::new(4);
        let mut rng = Rng::new(1);
        for _ in 0..epochs {
            rng.shuffle(data);
            for (f, y) in data.iter() {
                p.tick();
                let guess = p.predict(f, None);
                p.update(*y, guess, f);
            }
        }
        p
    }

    #[test]
    fn learns_a_separable_task() {
        let mut data = toy();
        let p = train(&mut data, 10);
        let w = p.average(0.0);
        let right = data
            .iter()
            .filter(|(f, y)| w.predict(f, None) == *y)
            .count();
        assert!(right * 10 >= data.len() * 9, "{right}/{}", data.len());
    }

    #[test]
    fn rows_stay_sparse() {
        let mut data = toy();
        let p = train(&mut data, 3);
        // "red" meets at most the classes it was confused with, never all four
        // in every row; the noise features are shared, so they may.
        let red = feats(&["red"])[0];
        let row = p.rows[&red] as usize;
        assert!(p.lists[row].len() <= 4);
        assert!(p.lists[row].iter().any(|e| e.class == 1));
    }

    #[test]
    fn averaging_matches_a_hand_computed_average() {
        let mut p = SparsePerceptron::new(2);
        let f = 42;
        // Weight 2 from clock 1 to 3 (two steps), then 1 from clock 3 to 4
        // (one step): the average over four steps is (2*2 + 1*1) / 4.
        p.tick();
        p.add(f, 1, 2);
        p.tick();
        p.tick();
        p.add(f, 1, -1);
        p.tick();
        let w = p.average(0.0);
        let mut scores = [0; 2];
        w.score_into(&[f], &mut scores);
        assert_eq!(scores[0], 0);
        assert!((w.value(scores[1]) - 1.25).abs() < 1e-3, "{scores:?}");
    }

    #[test]
    fn best_class_respects_the_mask() {
        assert_eq!(best_class(&[3, 1, 2], None), 0);
        assert_eq!(best_class(&[3, 1, 2], Some(&[false, true, true])), 2);
        assert_eq!(best_class(&[3, 1, 2], Some(&[false, false, false])), 0);
    }
}
