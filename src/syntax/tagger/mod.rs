//! Part-of-speech tagger: two greedy passes of averaged perceptrons, one
//! left to right and one right to left, whose scores are added word by
//! word, so every decision sees predicted tags on both sides. Each
//! perceptron has two heads sharing every feature, one over universal tags
//! (UPOS) and one over Penn Treebank tags (XPOS); the XPOS head only picks
//! tags seen with the chosen UPOS in training, so the pair is always
//! consistent.

mod features;
mod train;

pub use train::{train_tagger, TaggerConfig};

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::learn::model_file::Header;
use crate::learn::{FeatureHasher, IdBuildHasher, SparseWeights};
use crate::syntax::words::WordAtoms;

use features::TagContext;

/// Model kind written in tagger files.
pub const TAGGER_KIND: &str = "tagger";
/// Payload layout version of tagger files.
pub const TAGGER_VERSION: u32 = 1;

use features::UNKNOWN as UNKNOWN_CLASS;

/// The tags of one word: indices into the tagger's UPOS and XPOS sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag {
    /// Index of the universal tag.
    pub upos: u16,
    /// Index of the Penn Treebank tag.
    pub xpos: u16,
}

impl Tag {
    /// The tag as a feature atom (never 0, which stands for "no tag").
    pub fn atom(self) -> u64 {
        (u64::from(self.upos) << 16 | u64::from(self.xpos)) + 1
    }
}

/// A word's tag, with the universal tag that came second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TagChoice {
    /// The tag.
    pub best: Tag,
    /// The best tag with another UPOS, if the tag set has another.
    pub runner_up: Option<Tag>,
    /// How far the runner-up's UPOS score is behind (perceptron units).
    pub margin: f32,
}

/// Feature atoms of a tag for later stages, made from the tag names so
/// that they do not depend on how a particular tagger numbers its tags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TagAtoms {
    /// UPOS and XPOS together.
    pub fine: u64,
    /// UPOS alone.
    pub coarse: u64,
    /// The runner-up UPOS when it came close, with how close (0 when the
    /// tag was clear).
    pub doubt: u64,
}

/// Runner-up margins (perceptron units of the two passes together) below
/// which a tag counts as doubtful, tightest first. About one word in ten
/// falls under the last; a third of those are mistagged, and for three
/// quarters of these the runner-up is right.
const DOUBT_MARGINS: [f32; 3] = [8.0, 32.0, 64.0];

impl TagAtoms {
    /// The atoms of a sure `(upos, xpos)` pair.
    pub fn of(upos: &str, xpos: &str) -> TagAtoms {
        TagAtoms {
            fine: FeatureHasher::new(1).str(upos).str(xpos).finish(),
            coarse: FeatureHasher::new(2).str(upos).finish(),
            doubt: 0,
        }
    }

    /// The atoms of `upos`/`xpos`, doubted in favour of `runner_up` (a
    /// UPOS) by `margin`.
    pub fn doubted(upos: &str, xpos: &str, runner_up: &str, margin: f32) -> TagAtoms {
        let mut atoms = TagAtoms::of(upos, xpos);
        if let Some(level) = DOUBT_MARGINS.iter().position(|&m| margin < m) {
            atoms.doubt = FeatureHasher::new(3)
                .str(runner_up)
                .int(level as u64)
                .finish();
        }
        atoms
    }
}

/// A trained part-of-speech tagger.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    upos: Vec<String>,
    xpos: Vec<String>,
    /// `allowed[u][x]`: XPOS `x` was seen with UPOS `u` in training.
    allowed: Vec<Vec<bool>>,
    /// Word atom (lowercased or as written) → ambiguity class id.
    ambiguity: HashMap<u64, u64, IdBuildHasher>,
    /// Left-to-right and right-to-left weights; classes `0..upos.len()`
    /// are UPOS tags, the rest XPOS tags.
    directions: [SparseWeights; 2],
}

impl Tagger {
    /// The universal tag names, in index order.
    pub fn upos_tags(&self) -> &[String] {
        &self.upos
    }

    /// The Penn Treebank tag names, in index order.
    pub fn xpos_tags(&self) -> &[String] {
        &self.xpos
    }

    /// The universal tag of `tag`.
    pub fn upos(&self, tag: Tag) -> &str {
        &self.upos[usize::from(tag.upos)]
    }

    /// The Penn Treebank tag of `tag`.
    pub fn xpos(&self, tag: Tag) -> &str {
        &self.xpos[usize::from(tag.xpos)]
    }

    /// The feature atoms of `tag`.
    pub fn atoms(&self, tag: Tag) -> TagAtoms {
        TagAtoms::of(self.upos(tag), self.xpos(tag))
    }

    /// The feature atoms of a choice, with its doubt.
    pub fn choice_atoms(&self, choice: &TagChoice) -> TagAtoms {
        match choice.runner_up {
            Some(r) => TagAtoms::doubted(
                self.upos(choice.best),
                self.xpos(choice.best),
                self.upos(r),
                choice.margin,
            ),
            None => self.atoms(choice.best),
        }
    }

    /// The left-to-right and right-to-left weights, for size reports.
    pub fn weights(&self) -> &[SparseWeights; 2] {
        &self.directions
    }

    /// Approximate bytes of memory held by the model.
    pub fn heap_bytes(&self) -> usize {
        self.directions[0].heap_bytes()
            + self.directions[1].heap_bytes()
            + self.ambiguity.capacity() * 17
    }

    /// Tags one sentence.
    pub fn tag(&self, atoms: &[WordAtoms]) -> Vec<Tag> {
        self.tag_choices(atoms)
            .into_iter()
            .map(|c| c.best)
            .collect()
    }

    /// Tags one sentence, with each word's runner-up universal tag and how
    /// far behind it is.
    pub fn tag_choices(&self, atoms: &[WordAtoms]) -> Vec<TagChoice> {
        let n = atoms.len();
        let classes = self.directions[0].classes();
        let mut combined = vec![0.0f32; n * classes];
        let reversed: Vec<WordAtoms> = atoms.iter().rev().cloned().collect();
        for (d, words) in [atoms, reversed.as_slice()].into_iter().enumerate() {
            let weights = &self.directions[d];
            let ctx = context(&self.ambiguity, words);
            greedy(self, weights, &ctx, |i, scores| {
                let at = if d == 0 { i } else { n - 1 - i };
                let row = &mut combined[at * classes..(at + 1) * classes];
                for (c, &s) in row.iter_mut().zip(scores) {
                    *c += weights.value(s);
                }
            });
        }
        combined
            .chunks_exact(classes.max(1))
            .map(|scores| {
                let best = self.best(scores);
                let u_scores = &scores[..self.upos.len()];
                let runner = (0..self.upos.len())
                    .filter(|&u| u != usize::from(best.upos))
                    .max_by(|&a, &b| u_scores[a].total_cmp(&u_scores[b]).then(b.cmp(&a)));
                let (runner_up, margin) = match runner {
                    Some(u) => {
                        let x_scores = &scores[self.upos.len()..];
                        let xpos = argmax(x_scores, Some(&self.allowed[u]));
                        let tag = Tag {
                            upos: u as u16,
                            xpos: xpos as u16,
                        };
                        (Some(tag), u_scores[usize::from(best.upos)] - u_scores[u])
                    }
                    None => (None, f32::INFINITY),
                };
                TagChoice {
                    best,
                    runner_up,
                    margin,
                }
            })
            .collect()
    }

    /// The best consistent tag pair under `scores`.
    fn best<S: PartialOrd + Copy>(&self, scores: &[S]) -> Tag {
        let (u_scores, x_scores) = scores.split_at(self.upos.len());
        let upos = argmax(u_scores, None);
        let xpos = argmax(x_scores, Some(&self.allowed[upos]));
        Tag {
            upos: upos as u16,
            xpos: xpos as u16,
        }
    }

    /// Writes the model file.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        let labels = self.upos.iter().map(|u| format!("UPOS={u}"));
        Header {
            kind: TAGGER_KIND.into(),
            version: TAGGER_VERSION,
            labels: labels
                .chain(self.xpos.iter().map(|x| format!("XPOS={x}")))
                .collect(),
        }
        .write_to(out)?;
        let pairs: Vec<(u16, u16)> = (0..self.upos.len())
            .flat_map(|u| (0..self.xpos.len()).map(move |x| (u, x)))
            .filter(|&(u, x)| self.allowed[u][x])
            .map(|(u, x)| (u as u16, x as u16))
            .collect();
        out.write_all(&(pairs.len() as u32).to_le_bytes())?;
        for (u, x) in pairs {
            out.write_all(&u.to_le_bytes())?;
            out.write_all(&x.to_le_bytes())?;
        }
        let mut entries: Vec<(u64, u64)> = self.ambiguity.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        out.write_all(&(entries.len() as u32).to_le_bytes())?;
        for (word, class) in entries {
            out.write_all(&word.to_le_bytes())?;
            out.write_all(&class.to_le_bytes())?;
        }
        self.directions[0].write_to(out)?;
        self.directions[1].write_to(out)
    }

    /// Reads a model file; `path` names it in errors.
    pub fn read_from(input: &mut impl Read, path: &Path) -> Result<Tagger> {
        let header = Header::read_checked(input, path, TAGGER_KIND, TAGGER_VERSION)?;
        let bad = |msg: String| Error::model(Location::path(path), msg);
        let (mut upos, mut xpos) = (Vec::new(), Vec::new());
        for label in &header.labels {
            if let Some(u) = label.strip_prefix("UPOS=") {
                if !xpos.is_empty() {
                    return Err(bad("UPOS labels must come before XPOS labels".into()));
                }
                upos.push(u.to_string());
            } else if let Some(x) = label.strip_prefix("XPOS=") {
                xpos.push(x.to_string());
            } else {
                return Err(bad(format!("label `{label}` is neither UPOS= nor XPOS=")));
            }
        }
        if upos.is_empty() || xpos.is_empty() {
            return Err(bad("the tagger needs UPOS and XPOS labels".into()));
        }
        let io = |e: std::io::Error| bad(format!("cannot read tagger model: {e}"));
        let mut allowed = vec![vec![false; xpos.len()]; upos.len()];
        for _ in 0..read_u32(input).map_err(io)? {
            let mut pair = [0u8; 4];
            input.read_exact(&mut pair).map_err(io)?;
            let u = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
            let x = usize::from(u16::from_le_bytes([pair[2], pair[3]]));
            match allowed.get_mut(u).and_then(|row| row.get_mut(x)) {
                Some(cell) => *cell = true,
                None => return Err(bad(format!("tag pair ({u}, {x}) out of range"))),
            }
        }
        let n = read_u32(input).map_err(io)? as usize;
        let mut ambiguity = HashMap::with_capacity_and_hasher(n.min(1 << 24), IdBuildHasher);
        let mut pair = [0u8; 16];
        for _ in 0..n {
            input.read_exact(&mut pair).map_err(io)?;
            let word = u64::from_le_bytes(pair[..8].try_into().expect("8 bytes"));
            let class = u64::from_le_bytes(pair[8..].try_into().expect("8 bytes"));
            ambiguity.insert(word, class);
        }
        let forward = SparseWeights::read_from(input).map_err(io)?;
        let backward = SparseWeights::read_from(input).map_err(io)?;
        for weights in [&forward, &backward] {
            if weights.classes() != upos.len() + xpos.len() {
                return Err(bad(format!(
                    "weights have {} classes but the header lists {} tags",
                    weights.classes(),
                    upos.len() + xpos.len()
                )));
            }
        }
        Ok(Tagger {
            upos,
            xpos,
            allowed,
            ambiguity,
            directions: [forward, backward],
        })
    }
}

/// Greedy tagging in reading order of `ctx` with one weight table,
/// handing each word's scores to `sink` as they are computed.
fn greedy(
    tagger: &Tagger,
    weights: &SparseWeights,
    ctx: &TagContext,
    mut sink: impl FnMut(usize, &[i32]),
) -> Vec<Tag> {
    let mut tags = Vec::with_capacity(ctx.atoms.len());
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0; weights.classes()];
    for i in 0..ctx.atoms.len() {
        ctx.features(i, tag_atom(&tags, i, 1), tag_atom(&tags, i, 2), &mut feats);
        scores.iter_mut().for_each(|s| *s = 0);
        weights.score_into(&feats, &mut scores);
        sink(i, &scores);
        tags.push(tagger.best(&scores));
    }
    tags
}

/// Index of the highest score among `allowed` classes (all when `None`,
/// or when none is allowed); the first on ties.
fn argmax<S: PartialOrd + Copy>(scores: &[S], allowed: Option<&[bool]>) -> usize {
    let mut best: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed.is_none_or(|a| a[c]) && best.is_none_or(|b| s > scores[b]) {
            best = Some(c);
        }
    }
    match best {
        Some(b) => b,
        None if allowed.is_some() => argmax(scores, None),
        None => 0,
    }
}

fn read_u32(input: &mut impl Read) -> std::io::Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

/// Prepares a sentence for tagging with an ambiguity dictionary.
fn context<'a>(
    ambiguity: &HashMap<u64, u64, IdBuildHasher>,
    atoms: &'a [WordAtoms],
) -> TagContext<'a> {
    let class = |atom: &u64| ambiguity.get(atom).copied().unwrap_or(UNKNOWN_CLASS);
    TagContext {
        ambiguity: atoms.iter().map(|a| class(&a.lower)).collect(),
        form_amb: atoms.iter().map(|a| class(&a.form)).collect(),
        atoms,
    }
}

/// The feature atom of the tag `back` positions before `i` (0 before the
/// sentence start).
fn tag_atom(tags: &[Tag], i: usize, back: usize) -> u64 {
    if i >= back {
        tags[i - back].atom()
    } else {
        0
    }
}
