//! The arc-hybrid transition system, with the root token at the end of
//! the buffer (Ballesteros & Nivre 2013).
//!
//! Words are `0..n`; the root is token `n`. The stack starts empty and the
//! buffer holds `0..=n`.
//!
//! * `Shift` moves the buffer front `b0` onto the stack (never the root);
//! * `Left(l)` makes `b0` the head of the stack top `s0` and pops it;
//!   with the root as `b0`, only allowed when `s0` is alone on the stack,
//!   and the label is then always the root label;
//! * `Right(l)` makes `s1` the head of `s0` and pops it.
//!
//! Every word gets exactly one head, the root gets exactly one dependent
//! and arcs never cross, so whatever the scores say, a finished state is a
//! well-formed projective tree. A sentence of `n` words takes exactly `2n`
//! transitions.

/// A transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer front onto the stack.
    Shift,
    /// Attach the stack top to the buffer front with a label, pop it.
    Left(u16),
    /// Attach the stack top to the item below it with a label, pop it.
    Right(u16),
}

/// No head or child yet.
pub const NONE: u32 = u32::MAX;

/// A parser configuration.
#[derive(Clone, Debug)]
pub struct State {
    /// Number of words; the root is token `n`.
    pub n: u32,
    /// Stack, top last.
    pub stack: Vec<u32>,
    /// Buffer front; the buffer is `b..=n`.
    pub b: u32,
    /// Head of each token (`NONE` until attached).
    pub heads: Vec<u32>,
    /// Label of each token's arc.
    pub labels: Vec<u16>,
    /// Leftmost and second-leftmost dependents of each token.
    pub left: Vec<[u32; 2]>,
    /// Rightmost and second-rightmost dependents of each token.
    pub right: Vec<[u32; 2]>,
    /// Number of left and right dependents of each token.
    pub valency: Vec<[u8; 2]>,
    /// Sets of left and right dependent labels (bit per label < 64).
    pub label_sets: Vec<[u64; 2]>,
}

impl State {
    /// The initial state for `n` words.
    pub fn new(n: usize) -> State {
        let tokens = n + 1;
        State {
            n: n as u32,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; tokens],
            labels: vec![0; tokens],
            left: vec![[NONE; 2]; tokens],
            right: vec![[NONE; 2]; tokens],
            valency: vec![[0; 2]; tokens],
            label_sets: vec![[0; 2]; tokens],
        }
    }

    /// Whether every word is attached.
    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    /// Stack item `i` from the top (`0` = top), if any.
    #[inline]
    pub fn s(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
        }
    }

    /// Buffer item `i` from the front, the root included, if any.
    #[inline]
    pub fn buffer(&self, i: u32) -> u32 {
        let t = self.b + i;
        if t <= self.n {
            t
        } else {
            NONE
        }
    }

    /// Whether `Shift`, `Left` and `Right` are allowed now.
    pub fn allowed(&self) -> [bool; 3] {
        let depth = self.stack.len();
        let root_front = self.b == self.n;
        [
            !root_front,
            depth > 0 && (!root_front || depth == 1),
            depth > 1,
        ]
    }

    /// Applies a move, which must be allowed.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(label) => {
                let s0 = self.stack.pop().expect("Left needs a stack");
                self.attach(self.b, s0, label);
            }
            Move::Right(label) => {
                let s0 = self.stack.pop().expect("Right needs a stack");
                let s1 = *self.stack.last().expect("Right needs two stack items");
                self.attach(s1, s0, label);
            }
        }
    }

    fn attach(&mut self, head: u32, dep: u32, label: u16) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        let side = usize::from(dep > head);
        // Left dependents arrive from the nearest outwards and right ones
        // from left to right, so the newest is always the outermost.
        let slots = if side == 0 {
            &mut self.left[h]
        } else {
            &mut self.right[h]
        };
        *slots = [dep, slots[0]];
        self.valency[h][side] = self.valency[h][side].saturating_add(1);
        if label < 64 {
            self.label_sets[h][side] |= 1 << label;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_parse() {
        // "Turkey backs Azerbaijan": backs is the root.
        let mut s = State::new(3);
        s.apply(Move::Shift); // [Turkey]
        s.apply(Move::Left(1)); // Turkey <- backs
        s.apply(Move::Shift); // [backs]
        s.apply(Move::Shift); // [backs, Azerbaijan]
        assert_eq!(s.allowed(), [false, false, true]);
        s.apply(Move::Right(2)); // backs -> Azerbaijan
        assert_eq!(s.allowed(), [false, true, false]);
        s.apply(Move::Left(0)); // backs <- root
        assert!(s.is_final());
        assert_eq!(s.heads[..3], [1, 3, 1]);
        assert_eq!(s.left[1], [0, NONE]);
        assert_eq!(s.right[1], [2, NONE]);
        assert_eq!(s.valency[1], [1, 1]);
    }
}
