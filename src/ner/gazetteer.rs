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
//! Text in capitals is the one exception: the upper-case of a form
//! (`RUSSIA`) matches too, with a lower score, but only in a headline —
//! it spans several words, or the nearest word beside it in its sentence is
//! in capitals (`RUSSIA WARNS ARMENIA`) — or as the place of a dateline
//! (`BAKU, Azerbaijan —`). An all-caps abbreviation that is also an English
//! word (`IS`, `WHO`) matches only outside capitals. Typographic
//! apostrophes (`Côte d’Ivoire`) match the ASCII spelling.
//!
//! **Other names.** Besides the actors, the gazetteer knows a short list of
//! regions, seas, peoples and names that contain an actor's name (`Sahel`,
//! `Red Sea`, `Rohingya`, `Latin America`), and named institutions made
//! from the sectors' nouns (`Defense Ministry`); these carry a label and no
//! code (see [`super::other_names`]).
//!
//! **Scores.** 1.0 for a form as the dictionary writes it; 0.8 for a form
//! that is also a common word or name (`Turkey`, `Jordan`), has two
//! letters or fewer (`UN`), or also names a lower-ranked actor, and for a
//! named institution; 0.5 for a form several actors of one kind share (no
//! code then); times 0.9 for an upper-cased form.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use crate::doc::{Doc, Entity, EntityLabel, Span};
use crate::error::{Error, ErrorKind, Result};

use super::actor_forms::{straight_apostrophes, Ambiguity, Surface, SurfaceId};
use super::actors::ActorDictionary;
use super::ambiguity::{is_common_word, is_shouted_word};
use super::gazetteer_spans::{after_first_word, in_capitals, is_dateline, resolve, Cursor};
use super::gazetteer_tags::{GazetteerTag, TagClasses};
use super::other_names::{institution_forms, OTHER_NAMES};
use super::Recognizer;

/// Score of a match of a form exactly as the dictionary writes it.
const EXACT_SCORE: f32 = 1.0;
/// Score of a form that is also a common word or name, a two-letter
/// abbreviation, one whose first meaning outranks others, or a named
/// institution.
const AMBIGUOUS_SCORE: f32 = 0.8;
/// Score of a form that several actors of one kind share (no code).
const TIED_SCORE: f32 = 0.5;
/// Factor applied to a match of the upper-cased form in capitals.
const UPPER_FACTOR: f32 = 0.9;

/// Actor-dictionary recognizer: finds countries, territories, capitals,
/// cities, seats of government, IGOs, groups and demonyms, and gives each
/// mention its actor code and canonical name.
///
/// Build it once per pipeline ([`Gazetteer::embedded`] shares the parsed
/// shipped dictionary); it is `Sync`, and recognizing a document allocates
/// little beyond the result.
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
    /// An all-caps abbreviation that reads as a word in capitals.
    shouted: bool,
}

/// What a pattern names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// A form of the actor dictionary.
    Actor(SurfaceId),
    /// An entry of [`OTHER_NAMES`].
    Other(usize),
    /// A named institution; `true` for a one-word name.
    Institution(bool),
}

/// One gazetteer name found in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct GazetteerMatch {
    /// Where it stands in the text.
    pub span: Span,
    /// The tokens it covers (indices into [`Doc::tokens`]).
    pub tokens: Range<usize>,
    /// 0-based sentence index.
    pub sentence: usize,
    /// The actor form matched (index into [`ActorDictionary::surfaces`]);
    /// `None` for a region, people, institution or other name that is not
    /// an actor of the dictionary.
    pub surface: Option<SurfaceId>,
    /// Entity label of the mention.
    pub label: EntityLabel,
    /// Whether the text has the form in capitals (`RUSSIA` for `Russia`).
    pub upper: bool,
    /// Confidence in `[0, 1]`.
    pub score: f32,
    /// Tag classes for [`Gazetteer::token_features`].
    classes: TagClasses,
}

impl Gazetteer {
    /// A gazetteer over a dictionary.
    pub fn new(dictionary: Arc<ActorDictionary>) -> Result<Gazetteer> {
        let surfaces = dictionary.surfaces();
        let institutions = institution_forms(dictionary.sectors());
        // Actor forms first, so that an identical other name, institution
        // or upper-cased spelling never shadows one (`UN`, `Congress`).
        let forms: Vec<(&str, Target)> = surfaces
            .iter()
            .enumerate()
            .map(|(id, s)| (s.text.as_str(), Target::Actor(id)))
            .chain(
                OTHER_NAMES
                    .iter()
                    .enumerate()
                    .map(|(i, (name, _))| (*name, Target::Other(i))),
            )
            .chain(
                institutions
                    .iter()
                    .map(|f| (f.text.as_str(), Target::Institution(f.single_word))),
            )
            .collect();
        let mut texts: Vec<String> = Vec::with_capacity(forms.len() * 2);
        let mut patterns = Vec::with_capacity(forms.len() * 2);
        let mut seen = HashSet::new();
        for upper in [false, true] {
            for &(form, target) in &forms {
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
            // As fast as a full DFA on news text, with a fiftieth of its
            // memory and a tenth of its build time.
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

    /// Gazetteer names in `doc`, token-aligned and non-overlapping, in text
    /// order. A document without tokens has none.
    pub fn find(&self, doc: &Doc) -> Vec<GazetteerMatch> {
        self.find_in(doc, 0..doc.text.len())
    }

    /// Gazetteer names inside a byte range of `doc`, as [`Gazetteer::find`]
    /// gives them. Names never cross a sentence boundary, so over a range
    /// of whole sentences these are exactly the names `find` gives there.
    pub fn find_in(&self, doc: &Doc, range: Range<usize>) -> Vec<GazetteerMatch> {
        resolve(self.candidates(doc, range))
    }

    /// Every token-aligned name inside a byte range of `doc`, overlapping
    /// ones included, in no particular order.
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
            let (surface, label, mut score, classes) = match pattern.target {
                Target::Actor(id) => {
                    let form = &self.dictionary.surfaces()[id];
                    let classes = TagClasses::actor(form.entries.iter().map(|e| e.kind));
                    (Some(id), form.kind().label(), self.scores[id], classes)
                }
                Target::Other(i) => (None, OTHER_NAMES[i].1, EXACT_SCORE, TagClasses::other()),
                Target::Institution(single_word) => {
                    if single_word && !after_first_word(doc, sentence, &tokens) {
                        continue;
                    }
                    let classes = TagClasses::institution();
                    (None, EntityLabel::Org, AMBIGUOUS_SCORE, classes)
                }
            };
            if pattern.upper {
                if !in_capitals(doc, sentence, &tokens) && !is_dateline(doc, &tokens) {
                    continue;
                }
                score *= UPPER_FACTOR;
            } else if pattern.shouted && in_capitals(doc, sentence, &tokens) {
                continue;
            }
            out.push(GazetteerMatch {
                span: Span::new(found.start(), found.end()),
                tokens,
                sentence,
                surface,
                label,
                upper: pattern.upper,
                score,
                classes,
            });
        }
        out
    }

    /// The entity a match stands for, if it names one.
    ///
    /// A descriptive form of the dictionary (`UN refugee agency`, `Islamic
    /// State group`, `mainland China`) carries its actor's code, but only
    /// its name part is an entity mention: lowercase words at either edge
    /// of a form of several tokens are left out of the span (`UN`,
    /// `Islamic State`, `China`), and a form of lowercase words only
    /// (`chemical weapons watchdog`) is no entity. A one-token form is kept
    /// whole (`peshmerga`).
    pub fn entity(&self, doc: &Doc, found: &GazetteerMatch) -> Option<Entity> {
        let span = name_span(doc, &found.tokens)?;
        let best = found
            .surface
            .and_then(|id| self.dictionary.surfaces()[id].best());
        Some(Entity {
            span,
            sentence: found.sentence,
            label: found.label,
            score: found.score,
            source: "gazetteer",
            code: best.map(|e| e.code.clone()),
            canonical: best.map(|e| e.canonical.clone()),
        })
    }

    /// Gazetteer features of each token of sentence `sentence`, for model
    /// recognizers: for every name that covers the token (overlapping names
    /// included), the kinds of its meanings, marked as beginning (`B`) or
    /// inside (`I`) the name. One tag per token, in order; empty when the
    /// sentence index is out of range.
    pub fn token_features(&self, doc: &Doc, sentence: usize) -> Vec<GazetteerTag> {
        let Some(s) = doc.sentences.get(sentence) else {
            return Vec::new();
        };
        let mut tags = vec![GazetteerTag::default(); s.tokens.len()];
        for found in self.candidates(doc, s.span.range()) {
            let first = found.tokens.start - s.tokens.start;
            let end = found.tokens.end - s.tokens.start;
            GazetteerTag::mark(&mut tags[first..end], found.classes);
        }
        tags
    }
}

impl Recognizer for Gazetteer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>> {
        Ok(self
            .find(doc)
            .iter()
            .filter_map(|m| self.entity(doc, m))
            .collect())
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

/// The part of a match at `tokens` that is a name: without lowercase
/// tokens at its edges, unless it is one token.
fn name_span(doc: &Doc, tokens: &Range<usize>) -> Option<Span> {
    let span = |first: usize, last: usize| {
        Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end)
    };
    if tokens.len() == 1 {
        return Some(span(tokens.start, tokens.start));
    }
    let is_name = |&i: &usize| {
        doc.token_text(i)
            .chars()
            .any(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let first = tokens.clone().find(is_name)?;
    let last = tokens.clone().rev().find(is_name)?;
    Some(span(first, last))
}

/// The score of an actor form matched as written.
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
