//! An open-addressing hash table from feature ids to their class weights,
//! built once and then only read.
//!
//! Scoring a parser state or a word looks up a hundred feature ids in a
//! table of a million, and almost every lookup misses the CPU caches; the
//! table is laid out so that most lookups cost one miss:
//!
//! * a slot holds the feature id and, for the many features with one or
//!   two class weights, the weights themselves; longer rows live in an
//!   overflow array the slot points to;
//! * scoring first touches every id's home slot, so the loads are
//!   independent and their misses overlap, then probes slots that are by
//!   then cached.
//!
//! Feature ids are already well mixed, so their low bits are the slot.

/// One class weight: class index and quantized weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Class index.
    pub class: u16,
    /// Quantized weight.
    pub weight: i16,
}

/// Marks a slot whose payload points into the overflow array.
const OVERFLOW: u64 = 1 << 63;
/// Second inline class of a slot holding a single weight.
const NO_CLASS: u64 = 0x7fff;

/// A slot: a feature id (0 = empty) and its payload, either up to two
/// inline entries (class 0 in bits 0..16, weight 0 in 16..32, class 1 in
/// 32..47, weight 1 in 47..63) or `OVERFLOW | len << 40 | start`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slot {
    key: u64,
    payload: u64,
}

/// Feature ids → class weights.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeightTable {
    slots: Vec<Slot>,
    overflow: Vec<Entry>,
    mask: usize,
    features: usize,
    weights: usize,
}

/// Id 0 marks empty slots, so a feature whose id is 0 is stored as 1.
#[inline]
fn key_of(feature: u64) -> u64 {
    feature.max(1)
}

impl WeightTable {
    /// An empty table with room for `features` features at most 70% full.
    pub fn with_capacity(features: usize) -> WeightTable {
        let slots = (features * 10 / 7 + 1).next_power_of_two().max(8);
        WeightTable {
            slots: vec![Slot::default(); slots],
            overflow: Vec::new(),
            mask: slots - 1,
            features: 0,
            weights: 0,
        }
    }

    /// Number of features.
    pub fn features(&self) -> usize {
        self.features
    }

    /// Number of class weights.
    pub fn weights(&self) -> usize {
        self.weights
    }

    /// Bytes of memory held.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.overflow.capacity() * std::mem::size_of::<Entry>()
    }

    /// Adds a feature with its entries (classes below 32,767, weights not
    /// zero); returns `false`, changing nothing, when the feature is
    /// already present. The table must have been made large enough.
    pub fn insert(&mut self, feature: u64, entries: &[Entry]) -> bool {
        assert!(
            self.features * 10 < self.slots.len() * 7,
            "weight table over capacity"
        );
        debug_assert!(entries.iter().all(|e| u64::from(e.class) < NO_CLASS));
        let key = key_of(feature);
        let mut i = key as usize & self.mask;
        while self.slots[i].key != 0 {
            if self.slots[i].key == key {
                return false;
            }
            i = (i + 1) & self.mask;
        }
        let payload = match entries {
            [a] => inline(a, None),
            [a, b] => inline(a, Some(b)),
            _ => {
                let start = self.overflow.len() as u64;
                self.overflow.extend_from_slice(entries);
                OVERFLOW | (entries.len() as u64) << 40 | start
            }
        };
        self.slots[i] = Slot { key, payload };
        self.features += 1;
        self.weights += entries.len();
        true
    }

    /// The slot payload of a feature.
    #[inline]
    fn payload(&self, feature: u64) -> Option<u64> {
        let key = key_of(feature);
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(slot.payload);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Calls `f` with every entry of a payload.
    #[inline]
    fn for_each(&self, payload: u64, mut f: impl FnMut(Entry)) {
        if payload & OVERFLOW == 0 {
            f(Entry {
                class: payload as u16,
                weight: (payload >> 16) as u16 as i16,
            });
            let class = (payload >> 32) & NO_CLASS;
            if class != NO_CLASS {
                f(Entry {
                    class: class as u16,
                    weight: (payload >> 47) as u16 as i16,
                });
            }
        } else {
            self.overflow[overflow_rows(payload)]
                .iter()
                .for_each(|&e| f(e));
        }
    }

    /// The entries of a feature, if present.
    #[cfg(test)]
    pub fn get(&self, feature: u64) -> Option<Vec<Entry>> {
        let payload = self.payload(feature)?;
        let mut out = Vec::new();
        self.for_each(payload, |e| out.push(e));
        Some(out)
    }

    /// Adds the weights of `features` to `scores` (one per class).
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        const BATCH: usize = 256;
        for batch in features.chunks(BATCH) {
            // Touch every home slot first: independent loads, overlapping
            // misses.
            let mut touched = 0u64;
            for &f in batch {
                touched ^= self.slots[key_of(f) as usize & self.mask].key;
            }
            std::hint::black_box(touched);
            // Then find the payloads (by now mostly cached) and touch the
            // overflow rows they point to, again all before reading any.
            let mut payloads = [0u64; BATCH];
            let mut found = 0;
            for &f in batch {
                if let Some(payload) = self.payload(f) {
                    if payload & OVERFLOW != 0 {
                        let first = overflow_rows(payload).start;
                        touched ^= u64::from(self.overflow[first].weight as u16);
                    }
                    payloads[found] = payload;
                    found += 1;
                }
            }
            std::hint::black_box(touched);
            for &payload in &payloads[..found] {
                self.for_each(payload, |e| {
                    scores[usize::from(e.class)] += i32::from(e.weight)
                });
            }
        }
    }

    /// Every `(feature, entries)` pair, in slot order.
    pub fn rows(&self) -> impl Iterator<Item = (u64, Vec<Entry>)> + '_ {
        self.slots.iter().filter(|s| s.key != 0).map(|s| {
            let mut entries = Vec::with_capacity(2);
            self.for_each(s.payload, |e| entries.push(e));
            (s.key, entries)
        })
    }
}

/// The range of the overflow array an overflow payload points to.
#[inline]
fn overflow_rows(payload: u64) -> std::ops::Range<usize> {
    let start = (payload & ((1 << 40) - 1)) as usize;
    let len = ((payload & !OVERFLOW) >> 40) as usize;
    start..start + len
}

/// The payload of one or two inline entries.
fn inline(a: &Entry, b: Option<&Entry>) -> u64 {
    let first = u64::from(a.class) | u64::from(a.weight as u16) << 16;
    let second = match b {
        Some(b) => u64::from(b.class) << 32 | u64::from(b.weight as u16) << 47,
        None => NO_CLASS << 32,
    };
    first | second
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(class: u16, weight: i16) -> Entry {
        Entry { class, weight }
    }

    #[test]
    fn finds_inline_and_overflow_rows() {
        let mut t = WeightTable::with_capacity(100);
        let rows: Vec<(u64, Vec<Entry>)> = (0..100u64)
            .map(|f| {
                let id = f.wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let n = (f % 4 + 1) as usize;
                let row = (0..n)
                    .map(|k| e(k as u16 * 3, -(f as i16) - 1 + k as i16 * 700))
                    .collect();
                (id, row)
            })
            .collect();
        for (id, row) in &rows {
            assert!(t.insert(*id, row));
        }
        assert!(!t.insert(0, &[e(1, 1)]), "0 was inserted as the first id");
        assert_eq!(t.features(), 100);
        for (id, row) in &rows {
            assert_eq!(t.get(*id).as_ref(), Some(row));
        }
        assert_eq!(t.get(12345), None);
        let mut scores = vec![0; 12];
        t.add_scores(&[rows[1].0, 7, rows[3].0], &mut scores);
        // Row 1: two weights (-2 at class 0, 698 at class 3); row 3: four.
        assert_eq!(scores[0], -2 - 4);
        assert_eq!(scores[3], 698 + 696);
        assert_eq!(scores[9], 2096);
        assert_eq!(t.rows().count(), 100);
    }

    #[test]
    fn extreme_inline_weights_survive() {
        let mut t = WeightTable::with_capacity(4);
        let row = [e(0x7ffe, i16::MIN + 1), e(0, i16::MAX)];
        t.insert(5, &row);
        assert_eq!(t.get(5), Some(row.to_vec()));
    }
}
