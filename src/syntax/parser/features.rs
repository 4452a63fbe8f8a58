//! Feature templates of the parser, after Zhang & Nivre (2011) adapted to
//! the arc-hybrid system: words and tags of the top three stack items and
//! the first three buffer items, their pairs and triples, the outermost
//! dependents of `s0`, `s1` and `b0` with their labels, valencies, label
//! sets and distances.

use crate::learn::FeatureHasher;
use crate::syntax::tagger::TagAtoms;
use crate::syntax::words::WordAtoms;

use super::state::{State, NONE};

/// Atom of an absent position.
const ABSENT: u64 = 0x4142_5345_4e54_0001;
/// Word atom of the root token.
const ROOT_WORD: u64 = 0x524f_4f54_0000_0002;
/// Tag atom of the root token.
const ROOT_TAG: u64 = 0x524f_4f54_0000_0003;

/// The per-word atoms the parser looks at.
#[derive(Clone, Debug, Default)]
pub struct ParseInput {
    /// Lowercased-word atoms.
    words: Vec<u64>,
    /// Part-of-speech atoms (UPOS and XPOS together).
    tags: Vec<u64>,
    /// Universal part-of-speech atoms alone: a backoff when the Penn tag
    /// is wrong.
    coarse: Vec<u64>,
    /// Runner-up universal tags of doubtful words.
    doubts: Vec<u64>,
    /// Three-letter endings: a backoff for rare words.
    endings: Vec<u64>,
    /// Punctuation words before each position, to tell whether two words
    /// are separated by punctuation.
    punct_before: Vec<u32>,
}

impl ParseInput {
    /// The parser's view of a sentence: its words and their tags.
    pub fn new(words: &[WordAtoms], tags: &[TagAtoms]) -> ParseInput {
        debug_assert_eq!(words.len(), tags.len());
        let mut punct_before = Vec::with_capacity(words.len() + 1);
        let mut count = 0;
        for w in words {
            punct_before.push(count);
            count += u32::from(w.is_punctuation);
        }
        punct_before.push(count);
        ParseInput {
            words: words.iter().map(|w| w.lower).collect(),
            coarse: tags.iter().map(|t| t.coarse).collect(),
            doubts: tags.iter().map(|t| t.doubt).collect(),
            tags: tags.iter().map(|t| t.fine).collect(),
            endings: words.iter().map(|w| w.suffix[2]).collect(),
            punct_before,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    #[inline]
    fn atom(&self, atoms: &[u64], t: u32, n: u32, root: u64) -> u64 {
        if t == NONE {
            ABSENT
        } else if t == n {
            root
        } else {
            atoms[t as usize]
        }
    }

    /// Punctuation words strictly between tokens `a` and `b` (capped).
    #[inline]
    fn punct_between(&self, a: u32, b: u32, n: u32) -> u64 {
        if a == NONE || b == NONE {
            return ABSENT;
        }
        let (lo, hi) = (a.min(b).min(n), a.max(b).min(n));
        let inside = self.punct_before[hi as usize] - self.punct_before[(lo + 1).min(hi) as usize];
        u64::from(inside.min(2))
    }

    #[inline]
    fn word(&self, t: u32, n: u32) -> u64 {
        self.atom(&self.words, t, n, ROOT_WORD)
    }

    #[inline]
    fn tag(&self, t: u32, n: u32) -> u64 {
        self.atom(&self.tags, t, n, ROOT_TAG)
    }
}

#[inline]
fn f(template: u32, parts: &[u64]) -> u64 {
    let mut h = FeatureHasher::new(template);
    for &p in parts {
        h = h.mix(p);
    }
    h.finish()
}

/// Distance between two tokens as a feature atom (capped).
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return ABSENT;
    }
    u64::from(a.abs_diff(b).min(8))
}

/// The features of `state` into `out`.
pub fn features(state: &State, input: &ParseInput, out: &mut Vec<u64>) {
    out.clear();
    let n = state.n;
    let w = |t: u32| input.word(t, n);
    let p = |t: u32| input.tag(t, n);
    let u = |t: u32| input.atom(&input.coarse, t, n, ROOT_TAG);
    let e = |t: u32| input.atom(&input.endings, t, n, ROOT_WORD);
    let doubt = |t: u32| input.atom(&input.doubts, t, n, 0);
    let label = |t: u32| {
        if t == NONE {
            ABSENT
        } else {
            u64::from(state.labels[t as usize]) + 1
        }
    };
    let child = |t: u32, side: usize, k: usize| {
        if t == NONE || t == n && side == 1 {
            NONE
        } else if side == 0 {
            state.left[t as usize][k]
        } else {
            state.right[t as usize][k]
        }
    };
    let val = |t: u32, side: usize| {
        if t == NONE {
            ABSENT
        } else {
            u64::from(state.valency[t as usize][side])
        }
    };
    let set = |t: u32, side: usize| {
        if t == NONE {
            ABSENT
        } else {
            state.label_sets[t as usize][side]
        }
    };

    let (s0, s1, s2) = (state.s(0), state.s(1), state.s(2));
    let (b0, b1, b2) = (state.buffer(0), state.buffer(1), state.buffer(2));
    let (s0w, s0p, s1w, s1p, s2p) = (w(s0), p(s0), w(s1), p(s1), p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (w(b0), p(b0), w(b1), p(b1), w(b2), p(b2));
    let (s0l, s0l2, s0r, s0r2) = (
        child(s0, 0, 0),
        child(s0, 0, 1),
        child(s0, 1, 0),
        child(s0, 1, 1),
    );
    let (s1l, s1r, s1r2) = (child(s1, 0, 0), child(s1, 1, 0), child(s1, 1, 1));
    let (b0l, b0l2) = (child(b0, 0, 0), child(b0, 0, 1));

    out.push(f(0, &[]));
    // Single positions.
    out.push(f(1, &[s0w, s0p]));
    out.push(f(2, &[s0w]));
    out.push(f(3, &[s0p]));
    out.push(f(4, &[b0w, b0p]));
    out.push(f(5, &[b0w]));
    out.push(f(6, &[b0p]));
    out.push(f(7, &[b1w, b1p]));
    out.push(f(8, &[b1w]));
    out.push(f(9, &[b1p]));
    out.push(f(10, &[b2w, b2p]));
    out.push(f(11, &[b2w]));
    out.push(f(12, &[b2p]));
    out.push(f(13, &[s1w, s1p]));
    out.push(f(14, &[s1w]));
    out.push(f(15, &[s1p]));
    out.push(f(16, &[s2p]));
    out.push(f(17, &[w(s2)]));
    // Pairs: s0 with b0, and s1 with s0 (the Right decision).
    out.push(f(20, &[s0w, s0p, b0w, b0p]));
    out.push(f(21, &[s0w, s0p, b0w]));
    out.push(f(22, &[s0w, b0w, b0p]));
    out.push(f(23, &[s0w, s0p, b0p]));
    out.push(f(24, &[s0p, b0w, b0p]));
    out.push(f(25, &[s0w, b0w]));
    out.push(f(26, &[s0p, b0p]));
    out.push(f(27, &[b0p, b1p]));
    out.push(f(28, &[s1w, s1p, s0w, s0p]));
    out.push(f(29, &[s1w, s1p, s0p]));
    out.push(f(30, &[s1p, s0w, s0p]));
    out.push(f(31, &[s1w, s0w]));
    out.push(f(32, &[s1p, s0p]));
    out.push(f(33, &[s1w, s0p]));
    out.push(f(34, &[s1p, s0w]));
    out.push(f(35, &[s0p, b1p]));
    out.push(f(36, &[s0w, b1w]));
    // Triples of tags.
    out.push(f(40, &[b0p, b1p, b2p]));
    out.push(f(41, &[s0p, b0p, b1p]));
    out.push(f(42, &[s1p, s0p, b0p]));
    out.push(f(43, &[s2p, s1p, s0p]));
    out.push(f(44, &[s0p, p(s0l), b0p]));
    out.push(f(45, &[s0p, p(s0r), b0p]));
    out.push(f(46, &[s0p, b0p, p(b0l)]));
    out.push(f(47, &[s1p, p(s1r), s0p]));
    out.push(f(48, &[s1p, p(s1l), s0p]));
    out.push(f(49, &[s1p, s0p, p(s0l)]));
    out.push(f(50, &[s1p, s0p, p(s0r)]));
    out.push(f(51, &[s1w, s0p, b0p]));
    out.push(f(52, &[s1p, s0w, b0p]));
    out.push(f(53, &[s1p, s0p, b0w]));
    // Distances.
    let d = distance(s0, b0);
    out.push(f(60, &[s0w, d]));
    out.push(f(61, &[s0p, d]));
    out.push(f(62, &[b0w, d]));
    out.push(f(63, &[b0p, d]));
    out.push(f(64, &[s0w, b0w, d]));
    out.push(f(65, &[s0p, b0p, d]));
    let d1 = distance(s1, s0);
    out.push(f(66, &[s1p, s0p, d1]));
    out.push(f(67, &[s1w, s0w, d1]));
    out.push(f(68, &[s1w, s0p, d1]));
    out.push(f(69, &[s1p, s0w, d1]));
    // Valencies.
    out.push(f(70, &[s0w, val(s0, 1)]));
    out.push(f(71, &[s0p, val(s0, 1)]));
    out.push(f(72, &[s0w, val(s0, 0)]));
    out.push(f(73, &[s0p, val(s0, 0)]));
    out.push(f(74, &[b0w, val(b0, 0)]));
    out.push(f(75, &[b0p, val(b0, 0)]));
    out.push(f(76, &[s1w, val(s1, 1)]));
    out.push(f(77, &[s1p, val(s1, 1)]));
    out.push(f(78, &[s1p, val(s1, 0)]));
    // Outermost dependents.
    for (k, &c) in [s0l, s0r, b0l, s1l, s1r].iter().enumerate() {
        let base = 80 + 3 * k as u32;
        out.push(f(base, &[w(c)]));
        out.push(f(base + 1, &[p(c)]));
        out.push(f(base + 2, &[label(c)]));
    }
    // Second outermost dependents.
    for (k, &c) in [s0l2, s0r2, b0l2, s1r2].iter().enumerate() {
        let base = 100 + 3 * k as u32;
        out.push(f(base, &[w(c)]));
        out.push(f(base + 1, &[p(c)]));
        out.push(f(base + 2, &[label(c)]));
    }
    out.push(f(112, &[s0p, p(s0l), p(s0l2)]));
    out.push(f(113, &[s0p, p(s0r), p(s0r2)]));
    out.push(f(114, &[b0p, p(b0l), p(b0l2)]));
    out.push(f(115, &[s1p, p(s1r), p(s1r2)]));
    out.push(f(116, &[s0p, label(s0l), label(s0r)]));
    out.push(f(117, &[b0p, label(b0l), label(b0l2)]));
    // Label sets.
    out.push(f(120, &[s0w, set(s0, 1)]));
    out.push(f(121, &[s0p, set(s0, 1)]));
    out.push(f(122, &[s0w, set(s0, 0)]));
    out.push(f(123, &[s0p, set(s0, 0)]));
    out.push(f(124, &[b0w, set(b0, 0)]));
    out.push(f(125, &[b0p, set(b0, 0)]));
    out.push(f(126, &[s1p, set(s1, 1)]));
    out.push(f(127, &[s1p, set(s1, 0)]));
    // Universal tags alone, word endings, punctuation in between.
    let (s0u, s1u, b0u, b1u) = (u(s0), u(s1), u(b0), u(b1));
    out.push(f(130, &[s0u, b0u]));
    out.push(f(131, &[s1u, s0u]));
    out.push(f(132, &[s0u, b0u, b1u]));
    out.push(f(133, &[s1u, s0u, b0u]));
    out.push(f(134, &[s0w, b0u]));
    out.push(f(135, &[s0u, b0w]));
    out.push(f(136, &[s1w, s0u]));
    out.push(f(137, &[s1u, s0w]));
    out.push(f(138, &[e(s0), s0u]));
    out.push(f(139, &[e(b0), b0u]));
    out.push(f(140, &[e(s1), s1u]));
    out.push(f(141, &[e(s0), e(b0)]));
    let between = input.punct_between(s0, b0, n);
    out.push(f(142, &[between, s0p, b0p]));
    out.push(f(143, &[input.punct_between(s1, s0, n), s1p, s0p]));
    out.push(f(144, &[between, s0w, b0w]));
    // Doubtful tags: the runner-up reading.
    let (s0d, s1d, b0d, b1d) = (doubt(s0), doubt(s1), doubt(b0), doubt(b1));
    out.push(f(150, &[s0d, s0u]));
    out.push(f(151, &[b0d, b0u]));
    out.push(f(152, &[s1d, s1u]));
    out.push(f(153, &[b1d, b1u]));
    out.push(f(154, &[s0d, s0u, b0u]));
    out.push(f(155, &[s0u, b0d, b0u]));
    out.push(f(156, &[s1d, s1u, s0u]));
    out.push(f(157, &[s1u, s0d, s0u]));
    out.push(f(158, &[b0d, b0w]));
    out.push(f(159, &[s0d, s0w]));
}
