//! Duplicate-id detection that stays small on corpora of millions of
//! documents: it remembers a 64-bit hash of each id, not the id itself.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::learn::{FeatureHasher, IdBuildHasher};

/// Remembers which document ids have been seen, and where.
#[derive(Debug, Default)]
pub(crate) struct SeenIds {
    /// Hash of the id → ordinal of the document that first used it.
    seen: HashMap<u64, u64, IdBuildHasher>,
}

impl SeenIds {
    /// Records `id` for document number `ordinal`; returns the ordinal of
    /// the earlier document with the same id, if any.
    pub(crate) fn insert(&mut self, id: &str, ordinal: u64) -> Option<u64> {
        let key = FeatureHasher::new(u32::MAX).str(id).finish();
        match self.seen.entry(key) {
            Entry::Occupied(first) => Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(ordinal);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_use_of_an_id_reports_the_first() {
        let mut ids = SeenIds::default();
        assert_eq!(ids.insert("a", 1), None);
        assert_eq!(ids.insert("b", 2), None);
        assert_eq!(ids.insert("a", 3), Some(1));
    }
}
