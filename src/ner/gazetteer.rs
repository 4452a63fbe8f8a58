//! Recognizer that matches the actor dictionary against the text.
//!
//! Every surface form of the [`ActorDictionary`] goes into one Aho-Corasick
//! automaton, which reports every occurrence in a single pass over the
//! text. An occurrence counts only where it starts at the start of a token
//! and ends at the end of a token of the document (so `Oman` is not found
//! in `Omani`, and `Russia` is found in `Russia` `'s`), within a sentence.
//! Where occurrences overlap, the longest wins, then the leftmost.
//!
//! **Case.** Forms match as written: `Chad` the country, never `chad`.
//! Headlines in capitals are the one exception: the upper-case of a form
//! (`RUSSIA`) matches too, but only in all-caps context — it spans several
//! words, or the nearest word beside it in the sentence is itself written
//! in capitals (`RUSSIA WARNS ARMENIA`) — and with a lower score.
//! Typographic apostrophes (`Côte d’Ivoire`) match the ASCII spelling.
//! An all-caps abbreviation that is also an English word (`IS`, `WHO`)
//! matches only outside all-caps text.
//!
//! **Names that contain an actor's name** but are not that actor (`Latin
//! America`, `South China Sea`, `Washington Post`) are matched too, from a
//! short built-in list, as entities without a code: being longer, they win
//! over the actor inside them.
//!
//! **Scores.** 1.0 for a form as the dictionary writes it; 0.8 for a form
//! that is also a common word or name (`Turkey`, `Jordan`), has two
//! letters or fewer (`UN`), or also names a lower-ranked actor; 0.5 for a
//! form several actors of one kind share (no code then); times 0.9 for an
//! upper-cased form in a headline.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use crate::doc::{Doc, Entity, EntityLabel, Span};
use crate::error::{Error, ErrorKind, Result};

use super::actors::{
    straight_apostrophes, ActorDictionary, ActorKind, Ambiguity, Surface, SurfaceId,
};
use super::ambiguity::{is_common_word, is_shouted_word, NON_ACTOR_NAMES};
use super::Recognizer;

/// Score of a match of a form exactly as the dictionary writes it.
const EXACT_SCORE: f32 = 1.0;
/// Score of a form that is also a common word or name, a two-letter
/// abbreviation, or one whose first meaning outranks others.
const AMBIGUOUS_SCORE: f32 = 0.8;
/// Score of a form that several actors of one kind share (no code).
const TIED_SCORE: f32 = 0.5;
/// Factor applied to a match of the upper-cased form in all-caps text.
const UPPER_FACTOR: f32 = 0.9;

/// Actor-dictionary recognizer: finds countries, territories, capitals,
/// cities, seats of government, IGOs, groups and demonyms, and gives each
/// mention its actor code and canonical name.
///
/// Build it once per pipeline ([`Gazetteer::embedded`] shares the parsed
/// shipped dictionary); it is `Sync`, and recognizing a document does not
/// allocate beyond the result.
pub struct Gazetteer {
    dictionary: Arc<ActorDictionary>,
    automaton: AhoCorasick,
    /// Per automaton pattern: what it spells and how.
    patterns: Vec<Pattern>,
    /// Per surface form: its score when matched as written.
    scores: Vec<f32>,
}

#[derive(Clone, Copy, Debug)]
struct Pattern {
    target: Target,
    /// The upper-cased spelling of the form (`RUSSIA`).
    upper: bool,
    /// An all-caps abbreviation that reads as a word in all-caps text.
    shouted: bool,
}

/// What a pattern names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// A form of the actor dictionary.
    Actor(SurfaceId),
    /// An entry of [`NON_ACTOR_NAMES`].
    Other(usize),
}

/// One dictionary form found in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct GazetteerMatch {
    /// Where it stands in the text.
    pub span: Span,
    /// The tokens it covers (indices into [`Doc::tokens`]).
    pub tokens: Range<usize>,
    /// 0-based sentence index.
    pub sentence: usize,
    /// The actor form matched (index into [`ActorDictionary::surfaces`]);
    /// `None` for a name that contains an actor's name but is not that
    /// actor (`South China Sea`, `Washington Post`).
    pub surface: Option<SurfaceId>,
    /// Entity label of the mention.
    pub label: EntityLabel,
    /// Whether the text has the form in capitals (`RUSSIA` for `Russia`).
    pub upper: bool,
    /// Confidence in `[0, 1]`.
    pub score: f32,
}

impl Gazetteer {
    /// A gazetteer over a dictionary.
    pub fn new(dictionary: Arc<ActorDictionary>) -> Result<Gazetteer> {
        let surfaces = dictionary.surfaces();
        let forms = surfaces
            .iter()
            .enumerate()
            .map(|(id, s)| (s.text.as_str(), Target::Actor(id)))
            .chain(
                NON_ACTOR_NAMES
                    .iter()
                    .enumerate()
                    .map(|(i, (name, _))| (*name, Target::Other(i))),
            );
        let mut texts: Vec<String> = Vec::with_capacity(surfaces.len() * 2);
        let mut patterns = Vec::with_capacity(surfaces.len() * 2);
        let mut seen = std::collections::HashSet::new();
        // Forms as written first, so that an upper-cased spelling never
        // shadows a form the dictionary spells that way (`UN`).
        for upper in [false, true] {
            for (form, target) in forms.clone() {
                let text = if upper {
                    form.to_uppercase()
                } else {
                    form.to_string()
                };
                let shouted =
                    !upper && !text.chars().any(char::is_lowercase) && is_shouted_word(&text);
                let curly = text.contains('\'').then(|| text.replace('\'', "\u{2019}"));
                for spelling in std::iter::once(text).chain(curly) {
                    if seen.insert(spelling.clone()) {
                        texts.push(spelling);
                        patterns.push(Pattern {
                            target,
                            upper,
                            shouted,
                        });
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // As fast as a full DFA on news text, with a fiftieth of
            // its memory and a tenth of its build time.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&texts)
            .map_err(|e| {
                Error::new(
                    ErrorKind::Model,
                    format!(
                        "cannot build the gazetteer automaton over {} forms of {}: {e}",
                        texts.len(),
                        dictionary.source()
                    ),
                )
                .caused_by(e)
            })?;
        let scores = surfaces.iter().map(base_score).collect();
        Ok(Gazetteer {
            dictionary,
            automaton,
            patterns,
            scores,
        })
    }

    /// A gazetteer over the shipped dictionary.
    pub fn embedded() -> Result<Gazetteer> {
        Gazetteer::new(ActorDictionary::embedded()?)
    }

    /// The dictionary it matches.
    pub fn dictionary(&self) -> &Arc<ActorDictionary> {
        &self.dictionary
    }

    /// Dictionary forms in `doc`, token-aligned and non-overlapping, in
    /// text order. A document without tokens has none.
    pub fn find(&self, doc: &Doc) -> Vec<GazetteerMatch> {
        resolve(self.candidates(doc, 0..doc.text.len()))
    }

    /// Every token-aligned dictionary form inside a byte range of `doc`,
    /// overlapping ones included, in no particular order.
    fn candidates(&self, doc: &Doc, range: Range<usize>) -> Vec<GazetteerMatch> {
        let mut out = Vec::new();
        if doc.tokens.is_empty() {
            return out;
        }
        let mut cursor = Cursor::new(doc, range.start);
        let input = Input::new(&doc.text).span(range);
        for found in self.automaton.find_overlapping_iter(input) {
            let Some((tokens, sentence)) = cursor.locate(found.start(), found.end()) else {
                continue;
            };
            let pattern = self.patterns[found.pattern().as_usize()];
            let (surface, label, mut score) = match pattern.target {
                Target::Actor(id) => (
                    Some(id),
                    self.dictionary.surfaces()[id].kind().label(),
                    self.scores[id],
                ),
                Target::Other(i) => (None, NON_ACTOR_NAMES[i].1, EXACT_SCORE),
            };
            if pattern.upper || pattern.shouted {
                let caps = all_caps_context(doc, sentence, &tokens);
                if pattern.upper != caps {
                    // An upper-cased form outside capitals, or an
                    // abbreviation that is a word inside them.
                    continue;
                }
                if pattern.upper {
                    score *= UPPER_FACTOR;
                }
            }
            out.push(GazetteerMatch {
                span: Span::new(found.start(), found.end()),
                tokens,
                sentence,
                surface,
                label,
                upper: pattern.upper,
                score,
            });
        }
        out
    }

    /// The entity a match stands for.
    pub fn entity(&self, found: &GazetteerMatch) -> Entity {
        let best = found
            .surface
            .and_then(|id| self.dictionary.surfaces()[id].best());
        Entity {
            span: found.span,
            sentence: found.sentence,
            label: found.label,
            score: found.score,
            source: "gazetteer",
            code: best.map(|e| e.code.clone()),
            canonical: best.map(|e| e.canonical.clone()),
        }
    }

    /// Gazetteer features of each token of sentence `sentence`, for model
    /// recognizers: for every dictionary form that covers the token
    /// (overlapping forms included), the kinds of its meanings, marked as
    /// beginning (`B`) or inside (`I`) the form. One tag per token, in
    /// order; empty when the sentence index is out of range.
    pub fn token_features(&self, doc: &Doc, sentence: usize) -> Vec<GazetteerTag> {
        let Some(s) = doc.sentences.get(sentence) else {
            return Vec::new();
        };
        let mut tags = vec![GazetteerTag::default(); s.tokens.len()];
        for found in self.candidates(doc, s.span.range()) {
            let Some(id) = found.surface else {
                continue;
            };
            let surface = &self.dictionary.surfaces()[id];
            let first = found.tokens.start - s.tokens.start;
            let end = found.tokens.end - s.tokens.start;
            for entry in &surface.entries {
                let bit = 1u8 << entry.kind.index();
                tags[first].begin |= bit;
                for tag in &mut tags[first + 1..end] {
                    tag.inside |= bit;
                }
            }
        }
        tags
    }
}

impl Recognizer for Gazetteer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>> {
        Ok(self.find(doc).iter().map(|m| self.entity(m)).collect())
    }
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("dictionary", &self.dictionary.source())
            .field("forms", &self.dictionary.surfaces().len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// How a token relates to the dictionary forms around it: for each
/// [`ActorKind`], whether a form of that kind begins at the token or
/// continues through it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GazetteerTag {
    begin: u8,
    inside: u8,
}

/// Feature names: `[B, I][kind]`.
const FEATURE_NAMES: [[&str; 8]; 2] = [
    [
        "B-country",
        "B-territory",
        "B-igo",
        "B-group",
        "B-seat",
        "B-capital",
        "B-city",
        "B-demonym",
    ],
    [
        "I-country",
        "I-territory",
        "I-igo",
        "I-group",
        "I-seat",
        "I-capital",
        "I-city",
        "I-demonym",
    ],
];

impl GazetteerTag {
    /// Whether no form covers the token.
    pub fn is_empty(self) -> bool {
        self.begin == 0 && self.inside == 0
    }

    /// Whether a form of `kind` begins at the token.
    pub fn begins(self, kind: ActorKind) -> bool {
        self.begin & (1 << kind.index()) != 0
    }

    /// Whether a form of `kind` continues through the token (began earlier).
    pub fn inside(self, kind: ActorKind) -> bool {
        self.inside & (1 << kind.index()) != 0
    }

    /// Feature strings (`B-country`, `I-igo`), begins first, each kind in
    /// the order of [`ActorKind::ALL`].
    pub fn features(self) -> impl Iterator<Item = &'static str> {
        [self.begin, self.inside]
            .into_iter()
            .zip(FEATURE_NAMES)
            .flat_map(|(bits, names)| {
                names
                    .into_iter()
                    .enumerate()
                    .filter(move |(i, _)| bits & (1 << i) != 0)
                    .map(|(_, name)| name)
            })
    }
}

/// The score of a form matched as written.
fn base_score(surface: &Surface) -> f32 {
    match surface.ambiguity {
        Ambiguity::Tied => return TIED_SCORE,
        Ambiguity::Dominant => return AMBIGUOUS_SCORE,
        Ambiguity::Unique => {}
    }
    let letters = surface.text.chars().filter(|c| c.is_alphabetic()).count();
    let plain = straight_apostrophes(&surface.text);
    if letters <= 2 || is_common_word(&plain) {
        AMBIGUOUS_SCORE
    } else {
        EXACT_SCORE
    }
}

/// Finds the tokens and the sentence of automaton matches. Matches arrive
/// in order of their end, so the cursor moves forward in amortised
/// constant time (it also moves back, for any other order).
struct Cursor<'d> {
    doc: &'d Doc,
    /// The first token ending at or after the last match's end.
    token: usize,
    /// The sentence holding the last match.
    sentence: usize,
}

impl<'d> Cursor<'d> {
    fn new(doc: &'d Doc, from: usize) -> Self {
        let token = doc.tokens.partition_point(|t| t.span.end < from);
        let sentence = doc.sentence_at(from).unwrap_or(0);
        Cursor {
            doc,
            token,
            sentence,
        }
    }

    /// The tokens from the one starting at `start` to the one ending at
    /// `end`, and the sentence holding them; `None` unless both tokens
    /// exist and lie in one sentence.
    fn locate(&mut self, start: usize, end: usize) -> Option<(Range<usize>, usize)> {
        let tokens = &self.doc.tokens;
        while self.token > 0 && tokens[self.token - 1].span.end >= end {
            self.token -= 1;
        }
        while self.token < tokens.len() && tokens[self.token].span.end < end {
            self.token += 1;
        }
        let last = self.token;
        if tokens.get(last)?.span.end != end {
            return None;
        }
        let mut first = last;
        while tokens[first].span.start > start {
            first = first.checked_sub(1)?;
        }
        if tokens[first].span.start != start {
            return None;
        }
        let sentences = &self.doc.sentences;
        if sentences.is_empty() {
            return Some((first..last + 1, 0));
        }
        while self.sentence > 0 && sentences[self.sentence].tokens.start > last {
            self.sentence -= 1;
        }
        while self.sentence + 1 < sentences.len() && sentences[self.sentence].tokens.end <= last {
            self.sentence += 1;
        }
        let holding = &sentences[self.sentence].tokens;
        (holding.contains(&first) && holding.contains(&last))
            .then_some((first..last + 1, self.sentence))
    }
}

/// Whether an upper-cased form at `tokens` stands in all-caps text: it
/// spans several words, or the nearest word on either side (a token with
/// two or more letters) is written in capitals, or it has no such
/// neighbour at all (a one-word headline).
fn all_caps_context(doc: &Doc, sentence: usize, tokens: &Range<usize>) -> bool {
    let text = &doc.slice(Span::new(
        doc.tokens[tokens.start].span.start,
        doc.tokens[tokens.end - 1].span.end,
    ));
    if text.contains(' ') {
        return true;
    }
    let bounds = doc
        .sentences
        .get(sentence)
        .map_or(0..doc.tokens.len(), |s| s.tokens.clone());
    let is_word = |i: &usize| {
        doc.token_text(*i)
            .chars()
            .filter(|c| c.is_alphabetic())
            .nth(1)
            .is_some()
    };
    let before = (bounds.start..tokens.start).rev().find(is_word);
    let after = (tokens.end..bounds.end).find(is_word);
    let capitals = |i: usize| !doc.token_text(i).chars().any(char::is_lowercase);
    (before.is_none() && after.is_none())
        || before.is_some_and(capitals)
        || after.is_some_and(capitals)
}

/// Keeps, among overlapping candidates, the longest, then the leftmost;
/// returns them in text order.
fn resolve(mut candidates: Vec<GazetteerMatch>) -> Vec<GazetteerMatch> {
    candidates.sort_by(|a, b| {
        (a.span.start, b.span.end, a.upper).cmp(&(b.span.start, a.span.end, b.upper))
    });
    let mut out = Vec::with_capacity(candidates.len());
    let mut cluster: Vec<GazetteerMatch> = Vec::new();
    let mut cluster_end = 0;
    for candidate in candidates {
        if !cluster.is_empty() && candidate.span.start >= cluster_end {
            pick(&mut cluster, &mut out);
        }
        cluster_end = cluster_end.max(candidate.span.end);
        cluster.push(candidate);
    }
    pick(&mut cluster, &mut out);
    out
}

/// Chooses from one cluster of transitively overlapping candidates.
fn pick(cluster: &mut Vec<GazetteerMatch>, out: &mut Vec<GazetteerMatch>) {
    if cluster.len() == 1 {
        out.append(cluster);
        return;
    }
    cluster.sort_by(|a, b| {
        (b.span.len(), a.span.start, a.upper).cmp(&(a.span.len(), b.span.start, b.upper))
    });
    let first = out.len();
    for candidate in cluster.drain(..) {
        if !out[first..]
            .iter()
            .any(|m| m.span.overlaps(&candidate.span))
        {
            out.push(candidate);
        }
    }
    out[first..].sort_by_key(|m| m.span.start);
}
