//! Stable 64-bit feature ids.
//!
//! Feature ids must be the same in every run and on every machine, because
//! trained weights are stored by id: the standard library's randomly seeded
//! hasher will not do. Ids mix a template number with the feature's parts
//! through FNV-1a and a final avalanche step.

use std::hash::{BuildHasher, Hasher};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Builds feature ids from a template number and string or integer parts.
///
/// ```
/// use actant::learn::FeatureHasher;
/// let a = FeatureHasher::new(3).str("Baku").finish();
/// let b = FeatureHasher::new(3).str("Baku").finish();
/// let c = FeatureHasher::new(4).str("Baku").finish();
/// assert_eq!(a, b);
/// assert_ne!(a, c);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct FeatureHasher {
    state: u64,
}

impl FeatureHasher {
    /// Starts a feature of template `template`.
    pub fn new(template: u32) -> Self {
        let mut h = FeatureHasher { state: FNV_OFFSET };
        h.bytes(&template.to_le_bytes());
        h
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.state ^= u64::from(b);
            self.state = self.state.wrapping_mul(FNV_PRIME);
        }
    }

    /// Adds a string part; parts are separated so `("ab","c") != ("a","bc")`.
    pub fn str(mut self, part: &str) -> Self {
        self.bytes(part.as_bytes());
        self.bytes(&[0xff]);
        self
    }

    /// Adds an integer part.
    pub fn int(mut self, part: u64) -> Self {
        self.bytes(&part.to_le_bytes());
        self
    }

    /// Adds a whole 64-bit part in one mixing step: faster than
    /// [`FeatureHasher::int`] for ids built in hot loops from precomputed
    /// atoms (word ids, tag indices). The two give different ids.
    #[inline]
    pub fn mix(mut self, part: u64) -> Self {
        self.state = (self.state ^ part).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.state ^= self.state >> 29;
        self
    }

    /// The feature id.
    pub fn finish(self) -> u64 {
        // splitmix64 finaliser: spreads FNV's weak high bits.
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A `HashMap` hasher for keys that are already feature ids: it passes the
/// id through, which is both fast and deterministic.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdBuildHasher;

/// The hasher made by [`IdBuildHasher`].
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    fn write_u64(&mut self, id: u64) {
        self.0 = id;
    }
}

impl BuildHasher for IdBuildHasher {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_delimited() {
        let ab_c = FeatureHasher::new(1).str("ab").str("c").finish();
        let a_bc = FeatureHasher::new(1).str("a").str("bc").finish();
        assert_ne!(ab_c, a_bc);
    }

    #[test]
    fn mixed_parts_are_ordered_and_stable() {
        let ab = FeatureHasher::new(2).mix(1).mix(2).finish();
        let ba = FeatureHasher::new(2).mix(2).mix(1).finish();
        assert_ne!(ab, ba);
        assert_eq!(ab, FeatureHasher::new(2).mix(1).mix(2).finish());
    }

    #[test]
    fn ids_are_stable_across_runs() {
        // A fixed value: changing the hash would silently break every shipped model.
        assert_eq!(
            FeatureHasher::new(0).str("the").finish(),
            0x15dcd83091d00a32
        );
    }
}
