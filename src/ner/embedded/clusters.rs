//! Brown clustering of words by their neighbours in unlabeled text.
//!
//! Words are merged bottom-up into a binary tree so that the classes keep
//! as much mutual information between adjacent classes as possible
//! (Brown et al. 1992, with the windowed algorithm of Liang 2005): the
//! `window` most frequent words start as clusters; each further word, in
//! order of frequency, enters as a cluster of its own and the pair of
//! clusters whose merge loses the least mutual information is merged; at
//! the end the remaining clusters are merged down to one. A word's path
//! from the root (0 = left, 1 = right) is its cluster; path prefixes give
//! coarser classes, so names that share contexts (`Putin`, `Macron`) share
//! prefixes even when the labelled data never saw one of them.
//!
//! Merge losses are kept for every pair and updated in O(window²) per
//! merge: merging `a` and `b` into `m` changes the loss of another pair
//! `(i, j)` only through the terms of `a`, `b` and `m` (see `Window::f`).

use std::collections::HashMap;

/// Clustering settings.
#[derive(Clone, Copy, Debug)]
pub struct ClusterConfig {
    /// Active clusters at a time.
    pub window: usize,
    /// Fewest occurrences for a word to be clustered.
    pub min_count: u32,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            window: 160,
            min_count: 3,
        }
    }
}

/// Counts words and adjacent word pairs of sentences.
#[derive(Clone, Debug, Default)]
pub struct ClusterCorpus {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
    bigrams: HashMap<(u32, u32), u32>,
}

impl ClusterCorpus {
    /// Counts the (lowercased) words of one sentence and its adjacent pairs.
    pub fn add_sentence<S: AsRef<str>>(&mut self, words: &[S]) {
        let mut prev: Option<u32> = None;
        for word in words {
            let lower = word.as_ref().to_lowercase();
            let id = match self.ids.get(&lower) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(lower.clone(), id);
                    self.words.push(lower);
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            if let Some(p) = prev {
                *self.bigrams.entry((p, id)).or_default() += 1;
            }
            prev = Some(id);
        }
    }

    /// Clusters the words seen at least `config.min_count` times; returns
    /// `(word, path bits most significant first, path length)` for each,
    /// paths cut at 32 bits.
    pub fn cluster(&self, config: &ClusterConfig) -> Vec<(String, u32, u8)> {
        // Vocabulary by frequency, ties by spelling (deterministic).
        let mut vocab: Vec<u32> = (0..self.words.len() as u32)
            .filter(|&w| self.counts[w as usize] >= config.min_count)
            .collect();
        vocab.sort_by(|&a, &b| {
            self.counts[b as usize]
                .cmp(&self.counts[a as usize])
                .then_with(|| self.words[a as usize].cmp(&self.words[b as usize]))
        });
        if vocab.len() < 2 {
            return Vec::new();
        }
        let rank: HashMap<u32, usize> = vocab.iter().enumerate().map(|(r, &w)| (w, r)).collect();
        // Neighbour lists by rank, among clustered words only.
        let mut right: Vec<Vec<(usize, u32)>> = vec![Vec::new(); vocab.len()];
        let mut left: Vec<Vec<(usize, u32)>> = vec![Vec::new(); vocab.len()];
        let mut pairs: Vec<(&(u32, u32), &u32)> = self.bigrams.iter().collect();
        pairs.sort_unstable();
        let mut total = 0u64;
        for (&(a, b), &n) in pairs {
            if let (Some(&ra), Some(&rb)) = (rank.get(&a), rank.get(&b)) {
                right[ra].push((rb, n));
                left[rb].push((ra, n));
                total += u64::from(n);
            }
        }
        let unigrams: u64 = vocab
            .iter()
            .map(|&w| u64::from(self.counts[w as usize]))
            .sum();
        let prob: Vec<f64> = vocab
            .iter()
            .map(|&w| f64::from(self.counts[w as usize]) / unigrams as f64)
            .collect();
        let total = total.max(1) as f64;

        let window = config.window.max(2).min(vocab.len());
        let mut w = Window::new(window + 1);
        // Tree nodes: leaves are word ranks; merges append (left, right).
        let mut children: Vec<(usize, usize)> = Vec::new();
        let mut node_of_slot: Vec<usize> = vec![usize::MAX; window + 1];
        let mut slot_of_rank: Vec<Option<usize>> = vec![None; vocab.len()];
        let leaves = vocab.len();
        let add = |w: &mut Window,
                   r: usize,
                   node_of_slot: &mut Vec<usize>,
                   slot_of_rank: &mut Vec<Option<usize>>| {
            let slot = w.free_slot();
            node_of_slot[slot] = r;
            // Cluster-level counts between the new word and active clusters.
            let mut row = vec![0.0; w.size];
            let mut col = vec![0.0; w.size];
            let mut own = 0.0;
            for &(n, c) in &right[r] {
                if n == r {
                    own += f64::from(c) / total;
                } else if let Some(s) = slot_of_rank[n] {
                    row[s] += f64::from(c) / total;
                }
            }
            for &(n, c) in &left[r] {
                if n != r {
                    if let Some(s) = slot_of_rank[n] {
                        col[s] += f64::from(c) / total;
                    }
                }
            }
            slot_of_rank[r] = Some(slot);
            w.insert(slot, prob[r], &row, &col, own);
        };
        for r in 0..window {
            add(&mut w, r, &mut node_of_slot, &mut slot_of_rank);
        }
        let mut merge = |w: &mut Window,
                         node_of_slot: &mut Vec<usize>,
                         slot_of_rank: &mut Vec<Option<usize>>| {
            let (a, b) = w.best_pair();
            let node = leaves + children.len();
            children.push((node_of_slot[a], node_of_slot[b]));
            node_of_slot[a] = node;
            node_of_slot[b] = usize::MAX;
            for s in slot_of_rank.iter_mut() {
                if *s == Some(b) {
                    *s = Some(a);
                }
            }
            w.merge(a, b);
        };
        for r in window..vocab.len() {
            add(&mut w, r, &mut node_of_slot, &mut slot_of_rank);
            merge(&mut w, &mut node_of_slot, &mut slot_of_rank);
        }
        while w.active() > 1 {
            merge(&mut w, &mut node_of_slot, &mut slot_of_rank);
        }
        // Paths from the root, which is the last node made.
        let mut paths: Vec<(u32, u8)> = vec![(0, 0); leaves];
        let mut stack = vec![(leaves + children.len() - 1, 0u32, 0u8)];
        while let Some((node, bits, len)) = stack.pop() {
            if node < leaves {
                paths[node] = (bits, len);
                continue;
            }
            let (l, r) = children[node - leaves];
            let push = |bit: u32| {
                if len < 32 {
                    (bits | bit << (31 - u32::from(len)), len + 1)
                } else {
                    (bits, len)
                }
            };
            let (lb, ll) = push(0);
            let (rb, rl) = push(1);
            stack.push((l, lb, ll));
            stack.push((r, rb, rl));
        }
        vocab
            .iter()
            .zip(paths)
            .map(|(&w, (bits, len))| (self.words[w as usize].clone(), bits, len))
            .collect()
    }
}

/// The active clusters, their pair probabilities and merge losses.
struct Window {
    size: usize,
    active: Vec<bool>,
    /// Unigram probability of each cluster.
    p: Vec<f64>,
    /// `pp[i][j]`: probability of cluster `i` followed by cluster `j`.
    pp: Vec<Vec<f64>>,
    /// `q[i][j]`: mutual information term of the pair.
    q: Vec<Vec<f64>>,
    /// `loss[i][j]` (i < j): mutual information lost by merging them.
    loss: Vec<Vec<f64>>,
}

fn mi(pair: f64, left: f64, right: f64) -> f64 {
    if pair > 0.0 {
        pair * (pair / (left * right)).ln()
    } else {
        0.0
    }
}

impl Window {
    fn new(size: usize) -> Self {
        Window {
            size,
            active: vec![false; size],
            p: vec![0.0; size],
            pp: vec![vec![0.0; size]; size],
            q: vec![vec![0.0; size]; size],
            loss: vec![vec![0.0; size]; size],
        }
    }

    fn active(&self) -> usize {
        self.active.iter().filter(|&&a| a).count()
    }

    fn free_slot(&self) -> usize {
        self.active.iter().position(|&a| !a).unwrap_or(0)
    }

    fn slots(&self) -> Vec<usize> {
        (0..self.size).filter(|&s| self.active[s]).collect()
    }

    /// What cluster `c` contributes to the merge loss of `i` and `j`
    /// (neither of them): their terms with `c`, less the merged cluster's.
    fn f(&self, i: usize, j: usize, c: usize) -> f64 {
        let pk = self.p[i] + self.p[j];
        let kc = self.pp[i][c] + self.pp[j][c];
        let ck = self.pp[c][i] + self.pp[c][j];
        self.q[i][c] + self.q[c][i] + self.q[j][c] + self.q[c][j]
            - mi(kc, pk, self.p[c])
            - mi(ck, self.p[c], pk)
    }

    /// The merge loss of `i` and `j` computed from scratch.
    fn pair_loss(&self, i: usize, j: usize, slots: &[usize]) -> f64 {
        let pk = self.p[i] + self.p[j];
        let kk = self.pp[i][i] + self.pp[i][j] + self.pp[j][i] + self.pp[j][j];
        let mut loss = self.q[i][i] + self.q[i][j] + self.q[j][i] + self.q[j][j] - mi(kk, pk, pk);
        for &c in slots {
            if c != i && c != j {
                loss += self.f(i, j, c);
            }
        }
        loss
    }

    fn set_q(&mut self, s: usize, slots: &[usize]) {
        for &c in slots {
            self.q[s][c] = mi(self.pp[s][c], self.p[s], self.p[c]);
            self.q[c][s] = mi(self.pp[c][s], self.p[c], self.p[s]);
        }
    }

    /// Adds a cluster in free slot `s`.
    fn insert(&mut self, s: usize, p: f64, row: &[f64], col: &[f64], own: f64) {
        let before = self.slots();
        self.active[s] = true;
        self.p[s] = p;
        for c in 0..self.size {
            self.pp[s][c] = row[c];
            self.pp[c][s] = col[c];
        }
        self.pp[s][s] = own;
        let slots = self.slots();
        self.set_q(s, &slots);
        // The new cluster is one more `c` in every existing pair's loss.
        for (x, &i) in before.iter().enumerate() {
            for &j in &before[x + 1..] {
                self.loss[i][j] += self.f(i, j, s);
            }
        }
        for &c in &before {
            let (i, j) = (c.min(s), c.max(s));
            self.loss[i][j] = self.pair_loss(i, j, &slots);
        }
    }

    /// The active pair with the smallest loss (ties: the first found).
    fn best_pair(&self) -> (usize, usize) {
        let slots = self.slots();
        let mut best = (f64::INFINITY, slots[0], slots[1]);
        for (x, &i) in slots.iter().enumerate() {
            for &j in &slots[x + 1..] {
                if self.loss[i][j] < best.0 {
                    best = (self.loss[i][j], i, j);
                }
            }
        }
        (best.1, best.2)
    }

    /// Merges `b` into `a`.
    fn merge(&mut self, a: usize, b: usize) {
        let others: Vec<usize> = self
            .slots()
            .into_iter()
            .filter(|&c| c != a && c != b)
            .collect();
        // Take out the old terms of a and b from every other pair's loss.
        for (x, &i) in others.iter().enumerate() {
            for &j in &others[x + 1..] {
                self.loss[i][j] -= self.f(i, j, a) + self.f(i, j, b);
            }
        }
        let ab = self.pp[a][a] + self.pp[a][b] + self.pp[b][a] + self.pp[b][b];
        for c in 0..self.size {
            self.pp[a][c] += self.pp[b][c];
            self.pp[c][a] += self.pp[c][b];
            self.pp[b][c] = 0.0;
            self.pp[c][b] = 0.0;
        }
        self.pp[a][a] = ab;
        self.p[a] += self.p[b];
        self.p[b] = 0.0;
        self.active[b] = false;
        let slots = self.slots();
        self.set_q(a, &slots);
        for c in 0..self.size {
            self.q[b][c] = 0.0;
            self.q[c][b] = 0.0;
        }
        // Put in the merged cluster's terms.
        for (x, &i) in others.iter().enumerate() {
            for &j in &others[x + 1..] {
                self.loss[i][j] += self.f(i, j, a);
            }
        }
        for &c in &others {
            let (i, j) = (c.min(a), c.max(a));
            self.loss[i][j] = self.pair_loss(i, j, &slots);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of two kinds in fixed frames: names before `said`, places
    /// after `in`.
    fn corpus() -> ClusterCorpus {
        let mut c = ClusterCorpus::default();
        let names = ["putin", "macron", "scholz", "biden"];
        let places = ["paris", "berlin", "moscow", "rome"];
        for round in 0..6 {
            for (k, name) in names.iter().enumerate() {
                let place = places[(k + round) % places.len()];
                c.add_sentence(&[*name, "said", "in", place, "that", "talks", "ended"]);
                c.add_sentence(&["officials", "in", place, "met", *name, "said", "aides"]);
            }
        }
        c
    }

    fn paths(config: &ClusterConfig) -> HashMap<String, (u32, u8)> {
        corpus()
            .cluster(config)
            .into_iter()
            .map(|(w, bits, len)| (w, (bits, len)))
            .collect()
    }

    fn shared_prefix(a: (u32, u8), b: (u32, u8)) -> u32 {
        let common = (a.0 ^ b.0).leading_zeros();
        common.min(u32::from(a.1.min(b.1)))
    }

    #[test]
    fn words_in_the_same_frames_share_longer_prefixes() {
        let p = paths(&ClusterConfig {
            window: 16,
            min_count: 2,
        });
        let same = shared_prefix(p["putin"], p["macron"]);
        let across = shared_prefix(p["putin"], p["paris"]);
        assert!(same > across, "putin/macron {same}, putin/paris {across}");
        let same = shared_prefix(p["berlin"], p["moscow"]);
        let across = shared_prefix(p["berlin"], p["biden"]);
        assert!(same > across, "berlin/moscow {same}, berlin/biden {across}");
    }

    #[test]
    fn paths_are_distinct_and_deterministic() {
        let config = ClusterConfig {
            window: 3,
            min_count: 2,
        };
        let a = corpus().cluster(&config);
        assert_eq!(a, corpus().cluster(&config));
        let mut seen: Vec<(u32, u8)> = a.iter().map(|&(_, b, l)| (b, l)).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), a.len(), "every word is its own leaf");
    }

    #[test]
    fn incremental_losses_match_recomputed_ones() {
        // Fill a window by hand and compare every kept loss to a fresh sum,
        // after the inserts and after a merge.
        let mut w = Window::new(4);
        let rows = [
            [0.0, 0.1, 0.05, 0.0],
            [0.02, 0.0, 0.1, 0.03],
            [0.1, 0.04, 0.0, 0.06],
            [0.03, 0.02, 0.1, 0.0],
        ];
        let p = [0.3, 0.25, 0.25, 0.2];
        for s in 0..4 {
            let row: Vec<f64> = (0..4)
                .map(|c| if c < s { rows[s][c] } else { 0.0 })
                .collect();
            let col: Vec<f64> = (0..4)
                .map(|c| if c < s { rows[c][s] } else { 0.0 })
                .collect();
            w.insert(s, p[s], &row, &col, rows[s][s]);
        }
        let check = |w: &Window| {
            let slots = w.slots();
            for (x, &i) in slots.iter().enumerate() {
                for &j in &slots[x + 1..] {
                    let fresh = w.pair_loss(i, j, &slots);
                    assert!((w.loss[i][j] - fresh).abs() < 1e-12, "{i},{j}");
                }
            }
        };
        check(&w);
        let (a, b) = w.best_pair();
        w.merge(a, b);
        check(&w);
        let (a, b) = w.best_pair();
        w.merge(a, b);
        check(&w);
    }
}
