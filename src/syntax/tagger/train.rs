//! Training the tagger from CoNLL-U sentences.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::corpus::conllu::ConlluSentence;
use crate::error::{Error, Result};
use crate::learn::{FeatureHasher, IdBuildHasher, Rng, SparsePerceptron, SparseWeights};
use crate::syntax::words::WordAtoms;

use super::{context, tag_atom, Tag, Tagger};

/// How the tagger is trained.
#[derive(Clone, Debug, PartialEq)]
pub struct TaggerConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// Words seen fewer times than this get the unknown-word ambiguity class.
    pub dictionary_min_count: usize,
}

impl Default for TaggerConfig {
    fn default() -> Self {
        TaggerConfig {
            epochs: 8,
            seed: 1,
            prune: 0.5,
            dictionary_min_count: 3,
        }
    }
}

type Ambiguity = HashMap<u64, u64, IdBuildHasher>;

/// A training sentence: atoms and gold tags.
type Example = (Vec<WordAtoms>, Vec<Tag>);

/// Trains a tagger on `sentences` (their `upos` and `xpos` columns).
pub fn train_tagger(sentences: &[ConlluSentence], config: &TaggerConfig) -> Result<Tagger> {
    let upos = inventory(sentences.iter().flat_map(|s| &s.words).map(|w| &w.upos));
    let xpos = inventory(sentences.iter().flat_map(|s| &s.words).map(|w| &w.xpos));
    if upos.is_empty() || xpos.is_empty() {
        return Err(Error::config("no tagged words to train the tagger on"));
    }
    let index = |set: &[String]| -> HashMap<String, u16> {
        set.iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u16))
            .collect()
    };
    let (u_index, x_index) = (index(&upos), index(&xpos));
    let mut allowed = vec![vec![false; xpos.len()]; upos.len()];
    let examples: Vec<Example> = sentences
        .iter()
        .map(|s| {
            let atoms = s.words.iter().map(|w| WordAtoms::new(&w.form)).collect();
            let gold = s
                .words
                .iter()
                .map(|w| {
                    let tag = Tag {
                        upos: u_index[&w.upos],
                        xpos: x_index[&w.xpos],
                    };
                    allowed[usize::from(tag.upos)][usize::from(tag.xpos)] = true;
                    tag
                })
                .collect();
            (atoms, gold)
        })
        .collect();
    let mut tagger = Tagger {
        ambiguity: ambiguity_classes(&examples, config.dictionary_min_count),
        allowed,
        directions: [
            SparsePerceptron::new(1).average(0.0),
            SparsePerceptron::new(1).average(0.0),
        ],
        upos,
        xpos,
    };
    let forward = train_direction(&tagger, &examples, config);
    let reversed: Vec<Example> = examples
        .into_iter()
        .map(|(mut atoms, mut gold)| {
            atoms.reverse();
            gold.reverse();
            (atoms, gold)
        })
        .collect();
    let backward = train_direction(&tagger, &reversed, config);
    tagger.directions = [forward, backward];
    Ok(tagger)
}

/// Trains one greedy pass over `examples` in their word order.
fn train_direction(tagger: &Tagger, examples: &[Example], config: &TaggerConfig) -> SparseWeights {
    let u_count = tagger.upos.len();
    let mut model = SparsePerceptron::new(u_count + tagger.xpos.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(config.seed);
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0; model.classes()];
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let (atoms, gold) = &examples[s];
            let ctx = context(&tagger.ambiguity, atoms);
            let mut predicted = Vec::with_capacity(atoms.len());
            for (i, truth) in gold.iter().enumerate() {
                ctx.features(
                    i,
                    tag_atom(&predicted, i, 1),
                    tag_atom(&predicted, i, 2),
                    &mut feats,
                );
                scores.iter_mut().for_each(|s| *s = 0);
                model.tick();
                model.score_into(&feats, &mut scores);
                let guess = tagger.best(&scores);
                let u = |t: &Tag| usize::from(t.upos);
                let x = |t: &Tag| u_count + usize::from(t.xpos);
                model.update(u(truth), u(&guess), &feats);
                model.update(x(truth), x(&guess), &feats);
                predicted.push(guess);
            }
        }
    }
    model.average(config.prune)
}

/// The distinct tags, most frequent first (ties by name).
fn inventory<'a>(tags: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in tags {
        *counts.entry(t).or_default() += 1;
    }
    let mut sorted: Vec<(&str, usize)> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    sorted.into_iter().map(|(t, _)| t.to_string()).collect()
}

/// For each word seen at least `min_count` times, lowercased or as
/// written: an id for the set of tag pairs it takes at least 5% of the time.
fn ambiguity_classes(examples: &[Example], min_count: usize) -> Ambiguity {
    let mut counts: HashMap<u64, BTreeMap<Tag, usize>, IdBuildHasher> =
        HashMap::with_hasher(IdBuildHasher);
    for (atoms, gold) in examples {
        for (a, &t) in atoms.iter().zip(gold) {
            // Lowercased and written forms hash differently, so one map
            // holds both dictionaries.
            *counts.entry(a.lower).or_default().entry(t).or_default() += 1;
            *counts.entry(a.form).or_default().entry(t).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(word, tags)| {
            let total: usize = tags.values().sum();
            (total >= min_count).then(|| {
                let set: BTreeSet<Tag> = tags
                    .iter()
                    .filter(|&(_, &n)| n * 20 >= total)
                    .map(|(&t, _)| t)
                    .collect();
                let class = set
                    .iter()
                    .fold(FeatureHasher::new(99), |h, t| h.int(t.atom()))
                    .finish();
                (word, class)
            })
        })
        .collect()
}
