//! Frozen sparse weights, quantized to 16 bits, as shipped in model files.
//!
//! Each feature keeps only the classes it has a weight for, and each weight
//! is a signed 16-bit multiple of one table-wide scale. That makes a model
//! a few bytes per weight on disk and in memory, and scoring is integer
//! addition, exact and identical on every machine.

use std::io::{self, Read, Write};

use super::sparse::best_class;
use super::table::{Entry, WeightTable};

/// Averaged, pruned and quantized perceptron weights.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseWeights {
    classes: usize,
    /// Size of one quantization step, in perceptron weight units.
    scale: f32,
    /// Feature id → its class weights.
    table: WeightTable,
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
        let quantized: Vec<(u64, Vec<Entry>)> = rows
            .iter()
            .map(|(feature, row)| {
                let entries = row
                    .iter()
                    .filter_map(|&(class, w)| {
                        let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                        (q != 0).then_some(Entry { class, weight: q })
                    })
                    .collect();
                (*feature, entries)
            })
            .collect();
        SparseWeights::from_rows(classes, scale, quantized)
    }

    /// Builds the table from rows sorted by feature id; empty rows are left
    /// out.
    fn from_rows(classes: usize, scale: f32, rows: Vec<(u64, Vec<Entry>)>) -> SparseWeights {
        let rows: Vec<(u64, Vec<Entry>)> =
            rows.into_iter().filter(|(_, r)| !r.is_empty()).collect();
        let mut table = WeightTable::with_capacity(rows.len());
        for (feature, row) in rows {
            table.insert(feature, &row);
        }
        SparseWeights {
            classes,
            scale,
            table,
        }
    }

    /// Every feature with its entries, in feature id order.
    fn sorted_rows(&self) -> Vec<(u64, Vec<Entry>)> {
        let mut rows: Vec<(u64, Vec<Entry>)> = self.table.rows().collect();
        rows.sort_unstable_by_key(|&(f, _)| f);
        rows
    }

    /// A copy without the weights smaller than `threshold` in absolute
    /// value (in perceptron weight units), and without features left empty.
    pub fn pruned(&self, threshold: f32) -> SparseWeights {
        let rows = self
            .sorted_rows()
            .into_iter()
            .map(|(f, entries)| {
                let kept = entries
                    .into_iter()
                    .filter(|e| self.value(i32::from(e.weight)).abs() >= threshold)
                    .collect();
                (f, kept)
            })
            .collect();
        SparseWeights::from_rows(self.classes, self.scale, rows)
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with at least one weight.
    pub fn features(&self) -> usize {
        self.table.features()
    }

    /// Number of (feature, class) weights.
    pub fn weights(&self) -> usize {
        self.table.weights()
    }

    /// A score from [`SparseWeights::score_into`] in perceptron weight units.
    pub fn value(&self, score: i32) -> f32 {
        score as f32 * self.scale
    }

    /// Adds the quantized weights of `features` to `scores` (one per class).
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [i32]) {
        debug_assert_eq!(scores.len(), self.classes);
        self.table.add_scores(features, scores);
    }

    /// The best class among those `allowed` (all when `None`); the lowest
    /// index on ties.
    pub fn predict(&self, features: &[u64], allowed: Option<&[bool]>) -> usize {
        let mut scores = vec![0; self.classes];
        self.score_into(features, &mut scores);
        best_class(&scores, allowed)
    }

    /// Writes the table in a stable order (little-endian): class count,
    /// scale, row count, entry count, then per row in feature id order its
    /// id, entry count and `(class, weight)` pairs.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&(self.classes as u32).to_le_bytes())?;
        out.write_all(&self.scale.to_le_bytes())?;
        out.write_all(&(self.features() as u64).to_le_bytes())?;
        out.write_all(&(self.weights() as u64).to_le_bytes())?;
        let mut buf = Vec::with_capacity(1 << 16);
        for (feature, entries) in self.sorted_rows() {
            buf.extend_from_slice(&feature.to_le_bytes());
            buf.extend_from_slice(&(entries.len() as u16).to_le_bytes());
            for e in &entries {
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
    /// it is consistent (counts, class indices, feature order).
    pub fn read_from(input: &mut impl Read) -> io::Result<SparseWeights> {
        let bad = |msg: String| io::Error::new(io::ErrorKind::InvalidData, msg);
        let classes = read_array::<4>(input).map(u32::from_le_bytes)? as usize;
        let scale = read_array::<4>(input).map(f32::from_le_bytes)?;
        let count = read_array::<8>(input).map(u64::from_le_bytes)? as usize;
        let total = read_array::<8>(input).map(u64::from_le_bytes)? as usize;
        if classes == 0
            || classes >= 0x7fff
            || count > 1 << 28
            || total > 1 << 30
            || !scale.is_finite()
        {
            return Err(bad(format!(
                "implausible weight table: {classes} classes, {count} features, {total} weights, scale {scale}"
            )));
        }
        let mut bytes = vec![0u8; count * 10 + total * 4];
        input.read_exact(&mut bytes)?;
        let mut table = WeightTable::with_capacity(count);
        let mut row = Vec::new();
        let mut at = 0;
        let mut previous = None;
        for _ in 0..count {
            let head = bytes
                .get(at..at + 10)
                .ok_or_else(|| bad("weight table shorter than its counts".into()))?;
            let feature = u64::from_le_bytes(head[..8].try_into().expect("8 bytes"));
            let len = usize::from(u16::from_le_bytes([head[8], head[9]]));
            at += 10;
            if previous.is_some_and(|p| p >= feature) || len == 0 {
                return Err(bad(format!("feature {feature:#x} out of order or empty")));
            }
            previous = Some(feature);
            let pairs = bytes
                .get(at..at + 4 * len)
                .ok_or_else(|| bad("weight table shorter than its counts".into()))?;
            at += 4 * len;
            row.clear();
            for pair in pairs.chunks_exact(4) {
                let class = u16::from_le_bytes([pair[0], pair[1]]);
                if usize::from(class) >= classes {
                    return Err(bad(format!(
                        "class {class} out of range for {classes} classes"
                    )));
                }
                let weight = i16::from_le_bytes([pair[2], pair[3]]);
                if weight == 0 {
                    return Err(bad(format!("feature {feature:#x} has a zero weight")));
                }
                row.push(Entry { class, weight });
            }
            if !table.insert(feature, &row) {
                return Err(bad(format!("feature {feature:#x} appears twice")));
            }
        }
        if at != bytes.len() {
            return Err(bad("weight table longer than its counts".into()));
        }
        if table.weights() != total {
            return Err(bad(format!(
                "weight table holds {} weights, its header says {total}",
                table.weights()
            )));
        }
        Ok(SparseWeights {
            classes,
            scale,
            table,
        })
    }

    /// Bytes of memory held by the table.
    pub fn heap_bytes(&self) -> usize {
        self.table.heap_bytes()
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
        // Class index of the first pair (after 24 bytes of table header and
        // 10 of row header) pushed out of range.
        let mut bad_class = bytes.clone();
        bad_class[34] = 200;
        assert!(SparseWeights::read_from(&mut bad_class.as_slice()).is_err());
    }
}
