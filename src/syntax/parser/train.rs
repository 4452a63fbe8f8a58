//! Training the parser with the dynamic oracle: at each step the model's
//! best move is compared with the best correct one; after the first epochs
//! training usually follows the model's own (possibly wrong) move, so it
//! learns to continue well from states its mistakes lead to.

use std::collections::{BTreeMap, HashMap};

use crate::corpus::conllu::ConlluSentence;
use crate::error::{Error, Result};
use crate::learn::{best_class, Rng, SparsePerceptron, SparseWeights};

use super::features::{features, ParseInput};
use super::oracle::{costs, GoldTree};
use super::state::State;
use super::{Parser, ROOT_LABEL};

/// How the parser is trained.
#[derive(Clone, Debug, PartialEq)]
pub struct ParserConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence shuffle and of exploration.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// First epoch (0-based) in which training follows wrong moves.
    pub explore_from: usize,
    /// Probability of following a wrong move from then on.
    pub explore: f64,
    /// Perceptrons trained, with seeds `seed`, `seed + 1`, ...; the parser
    /// adds their scores.
    pub members: usize,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 15,
            seed: 1,
            prune: 0.5,
            explore_from: 1,
            explore: 0.9,
            members: 1,
        }
    }
}

/// Receives, after each training epoch, the member being trained (0-based),
/// the epoch (1-based) and a parser made of that member alone, averaged.
pub type EpochObserver<'a> = &'a mut dyn FnMut(usize, usize, &Parser);

/// Receives the epoch (1-based) and a parser made of the member being
/// trained alone, averaged.
type MemberObserver<'a> = &'a mut dyn FnMut(usize, &Parser);

/// Trains a parser on `sentences` (their `head` and `deprel` columns),
/// reading words and tags from `inputs`, one per sentence.
pub fn train_parser(
    sentences: &[ConlluSentence],
    inputs: &[ParseInput],
    config: &ParserConfig,
) -> Result<Parser> {
    train_parser_observed(sentences, inputs, config, None)
}

/// [`train_parser`], handing the averaged model after each epoch to
/// `observe`, if given (to follow dev scores while tuning).
pub fn train_parser_observed(
    sentences: &[ConlluSentence],
    inputs: &[ParseInput],
    config: &ParserConfig,
    mut observe: Option<EpochObserver>,
) -> Result<Parser> {
    let labels = label_inventory(sentences);
    let index: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u16))
        .collect();
    let gold: Vec<GoldTree> = sentences
        .iter()
        .map(|s| {
            let n = s.words.len() as u32;
            GoldTree {
                heads: s
                    .words
                    .iter()
                    .map(|w| if w.head == 0 { n } else { w.head as u32 - 1 })
                    .collect(),
                labels: s.words.iter().map(|w| index[w.deprel.as_str()]).collect(),
            }
        })
        .collect();
    let classes = 1 + 2 * labels.len();
    // The parser's masking needs the label set before any weights exist.
    let mut parser = Parser::new(labels, vec![SparsePerceptron::new(classes).average(0.0)])
        .ok_or_else(|| Error::config(format!("no `{ROOT_LABEL}` relation in the training data")))?;
    let mut members = Vec::with_capacity(config.members);
    for member in 0..config.members.max(1) {
        let seed = config.seed.wrapping_add(member as u64);
        let mut observe_member = observe
            .as_mut()
            .map(|o| move |epoch: usize, p: &Parser| o(member, epoch, p));
        let weights = train_member(
            &mut parser,
            inputs,
            &gold,
            config,
            seed,
            observe_member.as_mut().map(|o| o as MemberObserver),
        );
        members.push(weights);
    }
    parser.members = members;
    Ok(parser)
}

/// Trains one member with `seed`; `parser` supplies the label set and
/// receives each epoch's averaged weights when `observe` is given.
fn train_member(
    parser: &mut Parser,
    inputs: &[ParseInput],
    gold: &[GoldTree],
    config: &ParserConfig,
    seed: u64,
    mut observe: Option<MemberObserver>,
) -> SparseWeights {
    let l = parser.labels.len();
    let classes = parser.classes();
    let mut model = SparsePerceptron::new(classes);
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    let mut rng = Rng::new(seed);
    let mut feats = Vec::with_capacity(128);
    let mut scores = vec![0; classes];
    let mut mask = vec![false; classes];
    let mut cost = vec![0u32; classes];
    for epoch in 0..config.epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let (input, gold) = (&inputs[s], &gold[s]);
            let mut state = State::new(input.len());
            while !state.is_final() {
                features(&state, input, &mut feats);
                model.tick();
                scores.iter_mut().for_each(|s| *s = 0);
                model.score_into(&feats, &mut scores);
                parser.mask(&state, &mut mask);
                labelled_costs(&state, gold, l, &mut cost);
                let guess = best_class(&scores, Some(&mask));
                let least = (0..classes)
                    .filter(|&c| mask[c])
                    .map(|c| cost[c])
                    .min()
                    .unwrap_or(0);
                let correct: Vec<bool> =
                    (0..classes).map(|c| mask[c] && cost[c] == least).collect();
                let truth = best_class(&scores, Some(&correct));
                let next = if cost[guess] == least {
                    guess
                } else {
                    model.update(truth, guess, &feats);
                    let roll = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
                    if epoch >= config.explore_from && roll < config.explore {
                        guess
                    } else {
                        truth
                    }
                };
                state.apply(parser.to_move(next));
            }
        }
        if let Some(observe) = observe.as_mut() {
            parser.members = vec![model.average(config.prune)];
            observe(epoch + 1, parser);
        }
    }
    model.average(config.prune)
}

/// Cost of every labelled move: the unlabelled cost, plus one when the
/// move builds a gold arc with the wrong label.
fn labelled_costs(state: &State, gold: &GoldTree, labels: usize, out: &mut [u32]) {
    let [shift, left, right] = costs(state, gold);
    out[0] = shift;
    let s0 = state.s(0);
    let gold_label = |head: u32| {
        (s0 != super::state::NONE && gold.heads[s0 as usize] == head)
            .then(|| gold.labels[s0 as usize])
    };
    let left_label = gold_label(state.b);
    let right_label = gold_label(state.s(1));
    for l in 0..labels {
        let wrong = |g: Option<u16>| u32::from(g.is_some_and(|g| usize::from(g) != l));
        out[1 + l] = left.saturating_add(wrong(left_label));
        out[1 + labels + l] = right.saturating_add(wrong(right_label));
    }
}

/// Every relation of the data, most frequent first (ties by name).
fn label_inventory(sentences: &[ConlluSentence]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in sentences.iter().flat_map(|s| &s.words) {
        *counts.entry(w.deprel.as_str()).or_default() += 1;
    }
    let mut labels: Vec<(&str, usize)> = counts.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    labels.into_iter().map(|(l, _)| l.to_string()).collect()
}
