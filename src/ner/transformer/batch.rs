//! Length-bucketed batching: windows of similar length go through the
//! model together, so little of a batch is padding.

/// Limits on one forward pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchLimits {
    /// Most windows in one batch.
    pub windows: usize,
    /// Most positions (windows × padded length) in one batch.
    pub positions: usize,
}

impl BatchLimits {
    /// Limits for batches of at most `windows` windows of `max_length`.
    pub fn new(windows: usize, max_length: usize) -> BatchLimits {
        let windows = windows.max(1);
        BatchLimits {
            windows,
            positions: windows * max_length.max(1),
        }
    }
}

/// A window waits at most this share of its length in padding: a batch is
/// closed when the next (shorter) window is shorter than this fraction of
/// the batch's longest.
const MIN_FILL: f32 = 0.75;

/// Groups windows (given by their lengths) into batches: longest first,
/// each batch within `limits`, a new batch when lengths drop below
/// [`MIN_FILL`] of the batch's longest. Returns indices into `lengths`.
pub fn plan_batches(lengths: &[usize], limits: BatchLimits) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(lengths[i]));
    let mut batches: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut longest = 0;
    for i in order {
        let len = lengths[i].max(1);
        let fits = !current.is_empty()
            && current.len() < limits.windows
            && (current.len() + 1) * longest <= limits.positions
            && len as f32 >= MIN_FILL * longest as f32;
        if !fits && !current.is_empty() {
            batches.push(std::mem::take(&mut current));
        }
        if current.is_empty() {
            longest = len;
        }
        current.push(i);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_similar_lengths_within_limits() {
        let lengths = [10, 512, 12, 500, 11, 480, 100, 9, 300];
        let batches = plan_batches(&lengths, BatchLimits::new(2, 512));
        let as_lengths: Vec<Vec<usize>> = batches
            .iter()
            .map(|b| b.iter().map(|&i| lengths[i]).collect())
            .collect();
        assert_eq!(
            as_lengths,
            vec![
                vec![512, 500],
                vec![480],
                vec![300],
                vec![100],
                vec![12, 11],
                vec![10, 9]
            ]
        );
    }

    #[test]
    fn every_window_is_in_exactly_one_batch() {
        let lengths: Vec<usize> = (0..97).map(|i| (i * 37) % 130).collect();
        let batches = plan_batches(&lengths, BatchLimits::new(8, 128));
        let mut seen: Vec<usize> = batches.concat();
        seen.sort_unstable();
        assert_eq!(seen, (0..97).collect::<Vec<_>>());
        assert!(batches.iter().all(|b| !b.is_empty() && b.len() <= 8));
    }

    #[test]
    fn position_budget_limits_long_windows() {
        let limits = BatchLimits {
            windows: 8,
            positions: 1024,
        };
        let batches = plan_batches(&[512, 512, 512], limits);
        assert_eq!(batches.len(), 2);
    }
}
