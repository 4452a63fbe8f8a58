//! Cutting a text's word pieces into windows the model can take.
//!
//! A window holds at most `max_length - 2` pieces between `[CLS]` and
//! `[SEP]`. Consecutive windows overlap by `stride` pieces, so every piece
//! near a cut also appears with context on both sides in a neighbouring
//! window; the layout is the one of Hugging Face's tokenizers with
//! `return_overflowing_tokens` and `stride`: window `k` starts at piece
//! `k * (width - stride)` and the last window ends at the last piece.

use std::ops::Range;

use crate::error::{Error, Result};

/// How texts are cut into windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WindowPlan {
    /// Pieces per window, special tokens excluded.
    pub width: usize,
    /// Pieces shared by consecutive windows.
    pub stride: usize,
}

impl WindowPlan {
    /// A plan for a model taking `max_length` positions (special tokens
    /// included); `stride` defaults to a quarter of the window.
    pub fn new(max_length: usize, stride: Option<usize>) -> Result<WindowPlan> {
        let width = max_length
            .checked_sub(2)
            .filter(|&w| w > 0)
            .ok_or_else(|| {
                Error::config(format!(
                    "a model taking {max_length} positions has no room for text"
                ))
            })?;
        let stride = stride.unwrap_or(width / 4);
        if stride >= width {
            return Err(Error::config(format!(
                "window stride {stride} must be smaller than the window ({width} pieces)"
            )));
        }
        Ok(WindowPlan { width, stride })
    }

    /// The piece ranges of the windows over `n` pieces, in text order. An
    /// empty text has one empty window, as in Hugging Face.
    pub fn windows(&self, n: usize) -> Vec<Range<usize>> {
        let step = self.width - self.stride;
        let mut out = Vec::with_capacity(n.saturating_sub(self.stride) / step + 1);
        let mut start = 0;
        loop {
            let end = (start + self.width).min(n);
            out.push(start..end);
            if end == n {
                return out;
            }
            start += step;
        }
    }
}

/// The model input of one window: `[CLS] pieces [SEP]`.
pub fn window_input(ids: &[u32], range: Range<usize>, cls: u32, sep: u32) -> Vec<i64> {
    let mut input = Vec::with_capacity(range.len() + 2);
    input.push(i64::from(cls));
    input.extend(ids[range].iter().map(|&id| i64::from(id)));
    input.push(i64::from(sep));
    input
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_overlap_by_stride_and_end_at_the_last_piece() {
        let plan = WindowPlan::new(12, Some(3)).unwrap();
        assert_eq!(plan.width, 10);
        assert_eq!(plan.windows(0), vec![0..0]);
        assert_eq!(plan.windows(10), vec![0..10]);
        assert_eq!(plan.windows(11), vec![0..10, 7..11]);
        assert_eq!(plan.windows(24), vec![0..10, 7..17, 14..24]);
        assert_eq!(plan.windows(25), vec![0..10, 7..17, 14..24, 21..25]);
    }

    #[test]
    fn every_piece_is_covered_and_neighbours_share_stride_pieces() {
        for n in 0..200 {
            for stride in [0, 1, 15, 61] {
                let plan = WindowPlan::new(64, Some(stride)).unwrap();
                let windows = plan.windows(n);
                assert_eq!(windows[0].start, 0);
                assert_eq!(windows.last().unwrap().end, n);
                for pair in windows.windows(2) {
                    assert_eq!(pair[0].len(), plan.width);
                    assert_eq!(pair[0].end - pair[1].start, stride, "n={n} stride={stride}");
                }
            }
        }
    }

    #[test]
    fn default_stride_and_bad_plans() {
        assert_eq!(WindowPlan::new(512, None).unwrap().stride, 127);
        assert!(WindowPlan::new(2, None).is_err());
        assert!(WindowPlan::new(64, Some(62)).is_err());
    }

    #[test]
    fn input_is_wrapped_in_special_tokens() {
        assert_eq!(
            window_input(&[7, 8, 9], 1..3, 101, 102),
            vec![101, 8, 9, 102]
        );
    }
}
