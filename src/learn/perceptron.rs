//! Averaged multi-class perceptron over hashed sparse features.
//!
//! Each feature id owns a dense row of one weight per class. Averaging uses
//! the lazy-timestamp trick: a weight's running total is brought up to date
//! only when the weight changes, so an update costs O(features) however
//! many examples have been seen.

use std::collections::HashMap;
use std::io::{self, Read, Write};

use super::IdBuildHasher;

/// A perceptron being trained.
#[derive(Clone, Debug)]
pub struct Perceptron {
    classes: usize,
    rows: HashMap<u64, usize, IdBuildHasher>,
    weights: Vec<f32>,
    /// Sum over time of each weight, up to its stamp.
    totals: Vec<f64>,
    /// Clock value at which each total was last brought up to date.
    stamps: Vec<u64>,
    /// Examples seen so far.
    clock: u64,
}

impl Perceptron {
    /// An untrained perceptron with `classes` classes.
    pub fn new(classes: usize) -> Self {
        assert!(classes > 0, "a perceptron needs at least one class");
        Perceptron {
            classes,
            rows: HashMap::with_hasher(IdBuildHasher),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            clock: 0,
        }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current (not averaged) scores of `features` to `scores`.
    pub fn score_into(&self, features: &[u64], scores: &mut [f32]) {
        debug_assert_eq!(scores.len(), self.classes);
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let w = &self.weights[row..row + self.classes];
                scores.iter_mut().zip(w).for_each(|(s, w)| *s += w);
            }
        }
    }

    /// The best class among those `allowed` (all when `None`) under the
    /// current weights; ties go to the lowest class index.
    pub fn predict(&self, features: &[u64], allowed: Option<&[bool]>) -> usize {
        let mut scores = vec![0.0; self.classes];
        self.score_into(features, &mut scores);
        argmax(&scores, allowed)
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
            self.add(f, truth, 1.0);
            self.add(f, guess, -1.0);
        }
    }

    /// Adds `delta` to the weight of feature `feature` for class `class`.
    pub fn add(&mut self, feature: u64, class: usize, delta: f32) {
        let classes = self.classes;
        let row = *self.rows.entry(feature).or_insert_with(|| {
            let row = self.weights.len();
            self.weights.resize(row + classes, 0.0);
            self.totals.resize(row + classes, 0.0);
            self.stamps.resize(row + classes, 0);
            row
        });
        let i = row + class;
        self.totals[i] += (self.clock - self.stamps[i]) as f64 * f64::from(self.weights[i]);
        self.stamps[i] = self.clock;
        self.weights[i] += delta;
    }

    /// The averaged weights, dropping feature rows whose averaged weights
    /// are all smaller than `prune` in absolute value.
    pub fn average(&self, prune: f32) -> Weights {
        let clock = self.clock.max(1) as f64;
        let mut rows = HashMap::with_hasher(IdBuildHasher);
        let mut weights = Vec::new();
        let mut features: Vec<(&u64, &usize)> = self.rows.iter().collect();
        features.sort_unstable();
        let mut averaged = vec![0.0f32; self.classes];
        for (&feature, &row) in features {
            for (c, avg) in averaged.iter_mut().enumerate() {
                let i = row + c;
                let total = self.totals[i]
                    + (self.clock - self.stamps[i]) as f64 * f64::from(self.weights[i]);
                *avg = (total / clock) as f32;
            }
            if averaged.iter().any(|w| w.abs() >= prune) {
                rows.insert(feature, weights.len());
                weights.extend_from_slice(&averaged);
            }
        }
        Weights {
            classes: self.classes,
            rows,
            weights,
        }
    }
}

/// Frozen (averaged) perceptron weights, as shipped in model files.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    classes: usize,
    rows: HashMap<u64, usize, IdBuildHasher>,
    weights: Vec<f32>,
}

impl Weights {
    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// Adds the scores of `features` to `scores` (one per class).
    pub fn score_into(&self, features: &[u64], scores: &mut [f32]) {
        debug_assert_eq!(scores.len(), self.classes);
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let w = &self.weights[row..row + self.classes];
                scores.iter_mut().zip(w).for_each(|(s, w)| *s += w);
            }
        }
    }

    /// The best class among those `allowed` (all when `None`).
    pub fn predict(&self, features: &[u64], allowed: Option<&[bool]>) -> usize {
        let mut scores = vec![0.0; self.classes];
        self.score_into(features, &mut scores);
        argmax(&scores, allowed)
    }

    /// Writes the weights in a stable order (little-endian).
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&(self.classes as u32).to_le_bytes())?;
        out.write_all(&(self.rows.len() as u64).to_le_bytes())?;
        let mut rows: Vec<(&u64, &usize)> = self.rows.iter().collect();
        rows.sort_unstable();
        for (&feature, &row) in rows {
            out.write_all(&feature.to_le_bytes())?;
            for w in &self.weights[row..row + self.classes] {
                out.write_all(&w.to_le_bytes())?;
            }
        }
        Ok(())
    }

    /// Reads weights written by [`Weights::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<Weights> {
        let classes = read_u32(input)? as usize;
        let count = read_u64(input)? as usize;
        if classes == 0 || classes > 1 << 16 || count > 1 << 32 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("implausible weight table: {classes} classes, {count} features"),
            ));
        }
        let mut rows = HashMap::with_capacity_and_hasher(count, IdBuildHasher);
        let mut weights = Vec::with_capacity(count * classes);
        let mut buf = vec![0u8; 8 + 4 * classes];
        for _ in 0..count {
            input.read_exact(&mut buf)?;
            let feature = u64::from_le_bytes(buf[..8].try_into().expect("8 bytes"));
            rows.insert(feature, weights.len());
            weights.extend(
                buf[8..]
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes(b.try_into().expect("4 bytes"))),
            );
        }
        Ok(Weights {
            classes,
            rows,
            weights,
        })
    }
}

/// Index of the highest score among allowed classes; the first on ties.
/// Falls back to all classes when none is allowed.
pub(crate) fn argmax(scores: &[f32], allowed: Option<&[bool]>) -> usize {
    let ok = |c: usize| allowed.is_none_or(|a| a[c]);
    let mut best: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if ok(c) && best.is_none_or(|b| s > scores[b]) {
            best = Some(c);
        }
    }
    best.unwrap_or_else(|| argmax(scores, None))
}

fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn read_u64(input: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    input.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
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

    /// A separable toy task: the class is given by one indicative word.
    /// Class 0 is never the answer, so an all-zero tie (which picks class
    /// 0) is always wrong and every class must be learned.
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

    #[test]
    fn learns_a_separable_task() {
        let mut data = toy();
        let mut p = Perceptron::new(4);
        let mut rng = Rng::new(1);
        for _ in 0..10 {
            rng.shuffle(&mut data);
            for (f, y) in &data {
                p.tick();
                let guess = p.predict(f, None);
                p.update(*y, guess, f);
            }
        }
        // The perceptron stops updating once the truth wins, even by a tie
        // broken towards it, so demand most examples, not all.
        let w = p.average(0.0);
        let averaged = data
            .iter()
            .filter(|(f, y)| w.predict(f, None) == *y)
            .count();
        assert!(averaged * 10 >= data.len() * 9, "{averaged}/{}", data.len());
    }

    #[test]
    fn weights_round_trip_bit_exactly() {
        let mut p = Perceptron::new(4);
        for (f, y) in toy() {
            p.tick();
            let g = p.predict(&f, None);
            p.update(y, g, &f);
        }
        let w = p.average(0.0);
        let mut bytes = Vec::new();
        w.write_to(&mut bytes).unwrap();
        let back = Weights::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(w, back);
        let mut again = Vec::new();
        back.write_to(&mut again).unwrap();
        assert_eq!(bytes, again);
    }

    #[test]
    fn allowed_mask_is_respected() {
        let scores = [3.0, 1.0, 2.0];
        assert_eq!(argmax(&scores, None), 0);
        assert_eq!(argmax(&scores, Some(&[false, true, true])), 2);
        assert_eq!(argmax(&scores, Some(&[false, false, false])), 0);
    }

    #[test]
    fn truncated_weights_are_an_error() {
        let mut p = Perceptron::new(2);
        p.tick();
        p.add(5, 1, 1.0);
        let mut bytes = Vec::new();
        p.average(0.0).write_to(&mut bytes).unwrap();
        bytes.truncate(bytes.len() - 1);
        assert!(Weights::read_from(&mut bytes.as_slice()).is_err());
    }
}
