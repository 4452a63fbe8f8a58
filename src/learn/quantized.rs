//! Frozen sparse weights, quantized to 16 bits, as shipped in model files.
//!
//! Each feature keeps only the classes it has a weight for, and each weight
//! is a signed 16-bit multiple of one table-wide scale. That makes a model
//! a few bytes per weight on disk and in memory, and scoring is integer
//! addition, exact and identical on every machine.

use std::collections::HashMap;
use std::io::{self, Read, Write};

use super::sparse::best_class;
use super::IdBuildHasher;

/// One class weight of a feature: class index and quantized weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    class: u16,
    weight: i16,
}

/// Averaged, pruned and quantized perceptron weights.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseWeights {
    classes: usize,
    /// Size of one quantization step, in perceptron weight units.
    scale: f32,
    /// Feature id → range of its entries.
    rows: HashMap<u64, (u32, u32), IdBuildHasher>,
    entries: Vec<Entry>,
}

impl SparseWeights {
    /// Quantizes rows of `(class, weight)` pairs, sorted by feature id and
    /// within a row by class.
    pub(crate) fn quantize(classes: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> SparseWeights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut table = SparseWeights {
            classes,
            scale,
            rows: HashMap::with_capacity_and_hasher(rows.len(), IdBuildHasher),
            entries: Vec::new(),
        };
        for (feature, row) in rows {
            let start = table.entries.len() as u32;
            table.entries.extend(row.iter().filter_map(|&(class, w)| {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                (q != 0).then_some(Entry { class, weight: q })
            }));
            let end = table.entries.len() as u32;
            if end > start {
                table.rows.insert(*feature, (start, end));
            }
        }
        table
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with at least one weight.
    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// Number of (feature, class) weights.
    pub fn weights(&self) -> usize {
        self.entries.len()
    }

    /// A score from [`SparseWeights::score_into`] in perceptron weight units.
    pub fn value(&self, score: i32) -> f32 {
        score as f32 * self.scale
    }

    /// Adds the quantized weights of `features` to `scores` (one per class).
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [i32]) {
        debug_assert_eq!(scores.len(), self.classes);
        for f in features {
            if let Some(&(start, end)) = self.rows.get(f) {
                for e in &self.entries[start as usize..end as usize] {
                    scores[e.class as usize] += i32::from(e.weight);
                }
            }
        }
    }

    /// The best class among those `allowed` (all when `None`); the lowest
    /// index on ties.
    pub fn predict(&self, features: &[u64], allowed: Option<&[bool]>) -> usize {
        let mut scores = vec![0; self.classes];
        self.score_into(features, &mut scores);
        best_class(&scores, allowed)
    }

    /// Writes the table in a stable order (little-endian): class count,
    /// scale, row count, then per row in feature order its id, entry count
    /// and `(class, weight)` pairs.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&(self.classes as u32).to_le_bytes())?;
        out.write_all(&self.scale.to_le_bytes())?;
        out.write_all(&(self.rows.len() as u64).to_le_bytes())?;
        let mut rows: Vec<(u64, (u32, u32))> = self.rows.iter().map(|(&f, &r)| (f, r)).collect();
        rows.sort_unstable();
        let mut buf = Vec::with_capacity(1 << 16);
        for (feature, (start, end)) in rows {
            buf.extend_from_slice(&feature.to_le_bytes());
            buf.extend_from_slice(&((end - start) as u16).to_le_bytes());
            for e in &self.entries[start as usize..end as usize] {
                buf.extend_from_slice(&e.class.to_le_bytes());
                buf.extend_from_slice(&e.weight.to_le_bytes());
            }
            if buf.len() >= 1 << 16 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)
    }

    /// Reads a table written by [`SparseWeights::write_to`], checking that
    /// it is consistent (class indices in range, no repeated feature).
    pub fn read_from(input: &mut impl Read) -> io::Result<SparseWeights> {
        let bad = |msg: String| io::Error::new(io::ErrorKind::InvalidData, msg);
        let classes = read_array::<4>(input).map(u32::from_le_bytes)? as usize;
        let scale = read_array::<4>(input).map(f32::from_le_bytes)?;
        let count = read_array::<8>(input).map(u64::from_le_bytes)? as usize;
        if classes == 0 || classes > 1 << 16 || count > 1 << 30 || !scale.is_finite() {
            return Err(bad(format!(
                "implausible weight table: {classes} classes, {count} features, scale {scale}"
            )));
        }
        let mut rows = HashMap::with_capacity_and_hasher(count, IdBuildHasher);
        let mut entries = Vec::with_capacity(count * 2);
        for _ in 0..count {
            let head = read_array::<10>(input)?;
            let feature = u64::from_le_bytes(head[..8].try_into().expect("8 bytes"));
            let len = usize::from(u16::from_le_bytes([head[8], head[9]]));
            let start = entries.len() as u32;
            let mut pairs = vec![0u8; 4 * len];
            input.read_exact(&mut pairs)?;
            for pair in pairs.chunks_exact(4) {
                let class = u16::from_le_bytes([pair[0], pair[1]]);
                if usize::from(class) >= classes {
                    return Err(bad(format!(
                        "class {class} out of range for {classes} classes"
                    )));
                }
                let weight = i16::from_le_bytes([pair[2], pair[3]]);
                entries.push(Entry { class, weight });
            }
            if rows
                .insert(feature, (start, entries.len() as u32))
                .is_some()
            {
                return Err(bad(format!("feature {feature:#x} appears twice")));
            }
        }
        Ok(SparseWeights {
            classes,
            scale,
            rows,
            entries,
        })
    }

    /// Bytes of memory held by the table (approximate).
    pub fn heap_bytes(&self) -> usize {
        self.rows.capacity() * (std::mem::size_of::<(u64, (u32, u32))>() + 1)
            + self.entries.capacity() * std::mem::size_of::<Entry>()
    }
}

fn read_array<const N: usize>(input: &mut impl Read) -> io::Result<[u8; N]> {
    let mut b = [0u8; N];
    input.read_exact(&mut b)?;
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> SparseWeights {
        SparseWeights::quantize(
            3,
            &[
                (7, vec![(0, 0.5), (2, -2.0)]),
                (9, vec![(1, 1.0)]),
                (11, vec![(1, 1e-9)]),
            ],
        )
    }

    #[test]
    fn quantized_scores_keep_the_ranking() {
        let t = table();
        assert_eq!(t.features(), 2, "a weight that rounds to zero is dropped");
        let mut s = [0; 3];
        t.score_into(&[7, 9, 12345], &mut s);
        assert!((t.value(s[0]) - 0.5).abs() < 1e-3);
        assert!((t.value(s[1]) - 1.0).abs() < 1e-3);
        assert!((t.value(s[2]) + 2.0).abs() < 1e-3);
        assert_eq!(t.predict(&[7, 9], None), 1);
        assert_eq!(t.predict(&[7], Some(&[false, true, true])), 1);
    }

    #[test]
    fn round_trips_bit_exactly() {
        let t = table();
        let mut bytes = Vec::new();
        t.write_to(&mut bytes).unwrap();
        let back = SparseWeights::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(back, t);
        let mut again = Vec::new();
        back.write_to(&mut again).unwrap();
        assert_eq!(bytes, again);
    }

    #[test]
    fn corrupt_tables_are_refused() {
        let mut bytes = Vec::new();
        table().write_to(&mut bytes).unwrap();
        let mut truncated = bytes.clone();
        truncated.pop();
        assert!(SparseWeights::read_from(&mut truncated.as_slice()).is_err());
        // Class index of the first pair (after 16 bytes of table header and
        // 10 of row header) pushed out of range.
        let mut bad_class = bytes.clone();
        bad_class[26] = 200;
        assert!(SparseWeights::read_from(&mut bad_class.as_slice()).is_err());
    }
}
