//! Dependency parser: greedy arc-hybrid transitions scored by averaged
//! perceptrons over labelled moves, trained with a dynamic oracle. A parser
//! may hold several perceptrons trained with different seeds (members);
//! each move is then chosen by their summed scores.

mod features;
mod oracle;
mod state;
mod train;

pub use features::ParseInput;
pub use train::{train_parser, train_parser_observed, ParserConfig};

use std::io::{Read, Write};

use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::learn::model_file::Header;
use crate::learn::{best_class, SparseWeights};

use state::{Move, State};

/// Model kind written in parser files.
pub const PARSER_KIND: &str = "parser";
/// Payload layout version of parser files.
pub const PARSER_VERSION: u32 = 1;

/// The relation of the sentence's root word.
pub const ROOT_LABEL: &str = "root";

/// A word's arc in a parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arc {
    /// Head as a 1-based word index; 0 for the root.
    pub head: u32,
    /// Index of the relation label.
    pub label: u16,
}

/// A trained dependency parser.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    labels: Vec<String>,
    root: u16,
    /// One weight table per member. Class 0 is `Shift`, `1 + l` is
    /// `Left(l)`, `1 + L + l` is `Right(l)`.
    members: Vec<SparseWeights>,
}

impl Parser {
    fn new(labels: Vec<String>, members: Vec<SparseWeights>) -> Option<Parser> {
        let root = labels.iter().position(|l| l == ROOT_LABEL)? as u16;
        Some(Parser {
            labels,
            root,
            members,
        })
    }

    /// One parser whose members are those of `parsers`, which must share
    /// their label set.
    pub fn ensemble(parsers: Vec<Parser>) -> Option<Parser> {
        let mut parsers = parsers.into_iter();
        let mut first = parsers.next()?;
        for p in parsers {
            if p.labels != first.labels {
                return None;
            }
            first.members.extend(p.members);
        }
        Some(first)
    }

    /// Number of classes (labelled moves).
    fn classes(&self) -> usize {
        1 + 2 * self.labels.len()
    }

    /// The relation labels, in index order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The name of label `label`.
    pub fn label(&self, label: u16) -> &str {
        &self.labels[usize::from(label)]
    }

    /// The members' weights, for size reports.
    pub fn members(&self) -> &[SparseWeights] {
        &self.members
    }

    /// Approximate bytes of memory held by the model.
    pub fn heap_bytes(&self) -> usize {
        self.members.iter().map(SparseWeights::heap_bytes).sum()
    }

    /// A copy without weights smaller than `threshold` (see
    /// [`SparseWeights::pruned`]).
    pub fn pruned(&self, threshold: f32) -> Parser {
        Parser {
            labels: self.labels.clone(),
            root: self.root,
            members: self.members.iter().map(|m| m.pruned(threshold)).collect(),
        }
    }

    /// Parses one sentence; the result is always a tree: one arc per word,
    /// exactly one word attached to the root, no cycles.
    pub fn parse(&self, input: &ParseInput) -> Vec<Arc> {
        let n = input.len();
        let mut state = State::new(n);
        let classes = self.classes();
        let mut feats = Vec::with_capacity(160);
        let mut scores = vec![0; classes];
        let mut total = vec![0.0f32; classes];
        let mut mask = vec![false; classes];
        while !state.is_final() {
            features::features(&state, input, &mut feats);
            self.mask(&state, &mut mask);
            let class = if let [only] = self.members.as_slice() {
                scores.iter_mut().for_each(|s| *s = 0);
                only.score_into(&feats, &mut scores);
                best_class(&scores, Some(&mask))
            } else {
                total.iter_mut().for_each(|t| *t = 0.0);
                for member in &self.members {
                    scores.iter_mut().for_each(|s| *s = 0);
                    member.score_into(&feats, &mut scores);
                    for (t, &s) in total.iter_mut().zip(&scores) {
                        *t += member.value(s);
                    }
                }
                best_of(&total, &mask)
            };
            state.apply(self.to_move(class));
        }
        (0..n)
            .map(|i| Arc {
                head: if state.heads[i] == state.n {
                    0
                } else {
                    state.heads[i] + 1
                },
                label: state.labels[i],
            })
            .collect()
    }

    /// The move of class `class`.
    fn to_move(&self, class: usize) -> Move {
        let l = self.labels.len();
        match class {
            0 => Move::Shift,
            c if c <= l => Move::Left((c - 1) as u16),
            c => Move::Right((c - 1 - l) as u16),
        }
    }

    /// Which classes are allowed in `state`: the transition system's
    /// constraints, plus the root label exactly on the root arc.
    fn mask(&self, state: &State, mask: &mut [bool]) {
        let [shift, left, right] = state.allowed();
        let l = self.labels.len();
        let root_front = state.b == state.n;
        mask[0] = shift;
        for label in 0..l {
            let is_root = label == usize::from(self.root);
            mask[1 + label] = left && (is_root == root_front);
            mask[1 + l + label] = right && !is_root;
        }
    }

    /// Writes the model file.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        Header {
            kind: PARSER_KIND.into(),
            version: PARSER_VERSION,
            labels: self.labels.clone(),
        }
        .write_to(out)?;
        out.write_all(&(self.members.len() as u32).to_le_bytes())?;
        for member in &self.members {
            member.write_to(out)?;
        }
        Ok(())
    }

    /// Reads a model file; `path` names it in errors.
    pub fn read_from(input: &mut impl Read, path: &Path) -> Result<Parser> {
        let header = Header::read_checked(input, path, PARSER_KIND, PARSER_VERSION)?;
        let bad = |msg: String| Error::model(Location::path(path), msg);
        let io = |e: std::io::Error| bad(format!("cannot read parser model: {e}"));
        let mut count = [0u8; 4];
        input.read_exact(&mut count).map_err(io)?;
        let count = u32::from_le_bytes(count);
        if !(1..=16).contains(&count) {
            return Err(bad(format!("implausible member count {count}")));
        }
        let labels = header.labels;
        let mut members = Vec::new();
        for _ in 0..count {
            let weights = SparseWeights::read_from(input).map_err(io)?;
            if weights.classes() != 1 + 2 * labels.len() {
                return Err(bad(format!(
                    "weights have {} classes, {} labels need {}",
                    weights.classes(),
                    labels.len(),
                    1 + 2 * labels.len()
                )));
            }
            members.push(weights);
        }
        Parser::new(labels, members)
            .ok_or_else(|| bad(format!("the label set lacks `{ROOT_LABEL}`")))
    }
}

/// Index of the highest allowed score; the first on ties (the lowest when
/// nothing is allowed, which a state never leads to).
fn best_of(scores: &[f32], allowed: &[bool]) -> usize {
    let mut best: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed[c] && best.is_none_or(|b| s > scores[b]) {
            best = Some(c);
        }
    }
    best.unwrap_or(0)
}
