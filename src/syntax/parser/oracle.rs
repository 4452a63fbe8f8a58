//! The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013):
//! for any state, how many gold arcs each move makes unreachable. Moves of
//! least cost are correct, so training can follow the model's own mistakes
//! and learn to recover from them.

use super::state::State;

/// The gold tree of a sentence, in the parser's token numbering (the root
/// is token `n`).
#[derive(Clone, Debug)]
pub struct GoldTree {
    /// Head of each word.
    pub heads: Vec<u32>,
    /// Label of each word's arc.
    pub labels: Vec<u16>,
}

/// Unlabelled costs of `Shift`, `Left` and `Right` in `state` (moves that
/// are not allowed get `u32::MAX`).
pub fn costs(state: &State, gold: &GoldTree) -> [u32; 3] {
    let allowed = state.allowed();
    let mut out = [u32::MAX; 3];
    let b = state.b;
    let n = state.n;
    // Gold dependents of `t` still in the buffer: once `t` leaves the stack
    // they can no longer attach to it.
    let buffer_deps = |t: u32| (b..n).filter(|&d| gold.heads[d as usize] == t).count() as u32;
    if allowed[0] {
        // b0 can still take its head from s0 (Right, once shifted) or from
        // the buffer (Left); a head deeper in the stack is lost, and so is
        // every stack item waiting for b0 as its head.
        let h = gold.heads[b as usize];
        let depth = state.stack.len();
        let head_lost = state.stack[..depth.saturating_sub(1)].contains(&h);
        let deps_lost = state
            .stack
            .iter()
            .filter(|&&s| gold.heads[s as usize] == b)
            .count() as u32;
        out[0] = u32::from(head_lost) + deps_lost;
    }
    if allowed[1] || allowed[2] {
        let s0 = state.s(0);
        let s1 = state.s(1);
        let h = gold.heads[s0 as usize];
        let deps = buffer_deps(s0);
        let head_in_buffer_after_b0 = h > b && h <= n;
        if allowed[1] {
            // s0 takes b0 as head: its head is lost if it is s1 or further
            // down the buffer.
            let lost = h != b && (h == s1 || head_in_buffer_after_b0);
            out[1] = u32::from(lost) + deps;
        }
        if allowed[2] {
            // s0 takes s1 as head: lost if its head is anywhere in the buffer.
            let lost = h != s1 && (h == b || head_in_buffer_after_b0);
            out[2] = u32::from(lost) + deps;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::state::{Move, State};
    use super::*;

    /// Following zero-cost moves rebuilds any projective gold tree.
    #[test]
    fn zero_cost_moves_rebuild_the_gold_tree() {
        // "Azerbaijan is openly backed by Turkey ." with `backed` as root.
        let gold = GoldTree {
            heads: vec![3, 3, 3, 7, 5, 3, 3],
            labels: vec![1, 2, 3, 0, 4, 5, 6],
        };
        let mut s = State::new(7);
        while !s.is_final() {
            let c = costs(&s, &gold);
            let m = if c[0] == 0 {
                Move::Shift
            } else if c[1] == 0 {
                let d = s.s(0) as usize;
                Move::Left(gold.labels[d])
            } else {
                assert_eq!(c[2], 0, "no correct move in {s:?}");
                let d = s.s(0) as usize;
                Move::Right(gold.labels[d])
            };
            s.apply(m);
        }
        assert_eq!(s.heads[..7], gold.heads[..]);
        assert_eq!(s.labels[..7], gold.labels[..]);
    }

    #[test]
    fn a_wrong_move_has_a_cost() {
        // Two words, the first depends on the second (root).
        let gold = GoldTree {
            heads: vec![1, 2],
            labels: vec![1, 0],
        };
        let mut s = State::new(2);
        s.apply(Move::Shift);
        // Shifting w1 loses the arc w0 <- w1.
        assert_eq!(costs(&s, &gold), [1, 0, u32::MAX]);
    }
}
