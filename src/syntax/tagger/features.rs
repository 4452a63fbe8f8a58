//! Feature templates of the tagger: the word, its affixes and shape, its
//! neighbours up to two away (with the tags their ambiguity classes allow),
//! and the two tags already predicted on its left.

use crate::learn::FeatureHasher;
use crate::syntax::words::WordAtoms;

/// Stand-in atom for positions before the sentence.
const START: u64 = 0x5354_4152_5400_0001;
/// The ambiguity class of words outside the tag dictionary, and the
/// stand-in for their identity.
pub(crate) const UNKNOWN: u64 = 0x554e_4b00_0000_0003;
/// Stand-in atom for positions after the sentence.
const END: u64 = 0x454e_4400_0000_0002;

/// One sentence prepared for tagging: atoms and ambiguity classes per word.
#[derive(Debug)]
pub(crate) struct TagContext<'a> {
    pub atoms: &'a [WordAtoms],
    /// Ambiguity class of each word (the set of tags it had in training,
    /// or an unknown-word class).
    pub ambiguity: Vec<u64>,
    /// Ambiguity class of each form as written (case kept).
    pub form_amb: Vec<u64>,
}

#[inline]
fn f(template: u32, parts: &[u64]) -> u64 {
    let mut h = FeatureHasher::new(template);
    for &p in parts {
        h = h.mix(p);
    }
    h.finish()
}

impl TagContext<'_> {
    fn lower(&self, i: isize) -> u64 {
        self.at(i, |a| a.lower)
    }

    fn at(&self, i: isize, get: impl Fn(&WordAtoms) -> u64) -> u64 {
        if i < 0 {
            START
        } else {
            self.atoms.get(i as usize).map_or(END, get)
        }
    }

    fn amb(&self, i: isize) -> u64 {
        if i < 0 {
            START
        } else {
            self.ambiguity.get(i as usize).copied().unwrap_or(END)
        }
    }

    /// Features of word `i`, given the tags predicted for `i-1` and `i-2`
    /// (tag index + 1, or 0 before the sentence), into `out`.
    pub fn features(&self, i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
        out.clear();
        let w = &self.atoms[i];
        let j = i as isize;
        let first = u64::from(i == 0);
        // Words too rare for the tag dictionary are seen only through
        // their spelling, in training as at run time, so that what the
        // model learns about rare training words carries over to unseen ones.
        let known = self.ambiguity[i] != UNKNOWN;
        let lower = if known { w.lower } else { UNKNOWN };
        out.push(f(0, &[]));
        out.push(f(1, &[lower]));
        out.push(f(2, &[if known { w.form } else { w.shape }]));
        for k in 0..w.suffix.len() {
            out.push(f(3, &[w.suffix[k]]));
            out.push(f(4, &[w.prefix[k]]));
        }
        out.push(f(5, &[w.shape]));
        out.push(f(6, &[w.shape, first]));
        out.push(f(7, &[w.last_part]));
        out.push(f(8, &[prev]));
        out.push(f(9, &[prev, prev2]));
        out.push(f(10, &[prev, lower]));
        out.push(f(11, &[prev2]));
        out.push(f(12, &[self.lower(j - 1)]));
        out.push(f(13, &[self.at(j - 1, |a| a.suffix[2])]));
        out.push(f(14, &[self.lower(j - 2)]));
        out.push(f(15, &[self.lower(j + 1)]));
        out.push(f(16, &[self.at(j + 1, |a| a.suffix[2])]));
        out.push(f(17, &[self.lower(j + 2)]));
        out.push(f(18, &[self.lower(j - 1), lower]));
        out.push(f(19, &[lower, self.lower(j + 1)]));
        out.push(f(20, &[self.amb(j)]));
        out.push(f(21, &[self.amb(j + 1)]));
        out.push(f(22, &[self.amb(j + 2)]));
        out.push(f(23, &[prev, self.amb(j + 1)]));
        out.push(f(24, &[self.amb(j), self.amb(j + 1)]));
        out.push(f(25, &[self.at(j + 1, |a| a.shape)]));
        out.push(f(26, &[self.at(j - 1, |a| a.shape), w.shape]));
        out.push(f(27, &[w.suffix[2], self.lower(j + 1)]));
        out.push(f(28, &[prev, w.suffix[2]]));
        out.push(f(29, &[self.form_amb[i]]));
        let cap = |k: isize| self.at(k, |a| u64::from(a.has_upper));
        out.push(f(30, &[cap(j - 1), cap(j), cap(j + 1), first]));
        out.push(f(31, &[prev, self.lower(j + 1)]));
        out.push(f(32, &[self.lower(j - 1), self.lower(j + 1)]));
        out.push(f(33, &[self.at(j + 1, |a| a.suffix[1])]));
        out.push(f(34, &[prev, prev2, lower]));
        out.push(f(38, &[prev, w.shape]));
        out.push(f(39, &[self.lower(j - 1), w.suffix[2]]));
    }
}
