//! The annotated document and its layers.
//!
//! A [`Doc`] owns the original text; every stage adds a layer (sentences,
//! tokens, syntax, entities, triples) that points into that text with byte
//! [`Span`]s. Stages never rewrite the text, so slicing `doc.text` at any
//! span gives the surface of the thing it annotates. Byte offsets become
//! Unicode code-point offsets only at the output boundary ([`CharOffsets`]).

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Metadata fields of an input document other than `id` and `text`
/// (for example `date`, `source`, `url`), kept in input order.
pub type Metadata = serde_json::Map<String, serde_json::Value>;

/// A document as read from the corpus, before any annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct RawDoc {
    /// Identifier, unique within a run.
    pub id: String,
    /// The original text.
    pub text: String,
    /// Other input fields, kept as they were.
    pub meta: Metadata,
}

impl RawDoc {
    /// A document with no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        RawDoc {
            id: id.into(),
            text: text.into(),
            meta: Metadata::new(),
        }
    }
}

/// A half-open byte range `start..end` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The byte range, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A word token (Universal Dependencies conventions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token stands in the text.
    pub span: Span,
}

/// A sentence: its extent in the text and its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first byte of the first token to the end of the last.
    pub span: Span,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
}

/// Part of speech, lemma and dependency of one token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenSyntax {
    /// Universal part-of-speech tag (`NOUN`, `PROPN`, `VERB`, ...).
    pub upos: String,
    /// Penn Treebank tag (`NN`, `NNP`, `VBD`, ...).
    pub xpos: String,
    /// Dictionary form.
    pub lemma: String,
    /// Head as a 1-based index within the sentence; 0 for the root.
    pub head: usize,
    /// Universal Dependencies relation to the head (`nsubj`, `obl:agent`, ...).
    pub deprel: String,
}

/// Entity types (CoNLL-2003).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    /// People.
    #[serde(rename = "PER")]
    Per,
    /// Organisations.
    #[serde(rename = "ORG")]
    Org,
    /// Places.
    #[serde(rename = "LOC")]
    Loc,
    /// Other names: nationalities, events, laws, products.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    /// All labels in output order.
    pub const ALL: [EntityLabel; 4] = [
        EntityLabel::Per,
        EntityLabel::Org,
        EntityLabel::Loc,
        EntityLabel::Misc,
    ];

    /// The label as written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }
}

impl fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityLabel {
    type Err = String;

    /// Parses the four CoNLL labels and the common aliases of other schemes
    /// (`PERSON`, `GPE`, `NORP`, `OTH`, ...), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Ok(EntityLabel::Per),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Ok(EntityLabel::Org),
            "LOC" | "LOCATION" | "GPE" | "PLACE" | "FAC" => Ok(EntityLabel::Loc),
            "MISC" | "OTH" | "NORP" | "EVENT" | "LAW" | "PRODUCT" | "WORK_OF_ART" | "LANGUAGE" => {
                Ok(EntityLabel::Misc)
            }
            _ => Err(format!("unknown entity label `{s}`")),
        }
    }
}

/// A named entity mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Where the mention stands in the text.
    pub span: Span,
    /// 0-based index of the sentence that holds it.
    pub sentence: usize,
    /// Entity type.
    pub label: EntityLabel,
    /// Confidence in `[0, 1]`.
    pub score: f32,
    /// The recognizer that produced it (`gazetteer`, `embedded`, `transformer`).
    pub source: &'static str,
    /// Actor code from the actor dictionary (`RUS`, `IGO`, `AZEGOV`).
    pub code: Option<String>,
    /// Canonical name from the actor dictionary.
    pub canonical: Option<String>,
}

/// How an event is asserted in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Attributed to a speaker ("Moscow said Baku violated ...").
    Reported,
    /// Possible, conditional or threatened ("could strike", "threatened to").
    Hypothetical,
    /// Announced for the future ("will meet").
    Future,
}

impl Mode {
    /// The mode as written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Reported => "reported",
            Mode::Hypothetical => "hypothetical",
            Mode::Future => "future",
        }
    }
}

/// One side of a triple: the resolved actor or target.
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    /// Text of the resolved mention (the antecedent's text for a pronoun).
    pub text: String,
    /// Entity label of the mention, if it is a named entity.
    pub label: Option<EntityLabel>,
    /// Actor code (country or `IGO`, plus sector).
    pub code: Option<String>,
    /// Where the mention stands in this sentence (the pronoun for a pronoun).
    pub span: Span,
}

/// An actor–action–target event found in one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Triple {
    /// 0-based sentence index.
    pub sentence: usize,
    /// Who acts.
    pub actor: Argument,
    /// The action as written (the verb, or light verb and event noun).
    pub action: Span,
    /// Normalised action: verb lemma plus particle or preposition (`call on`).
    pub action_lemma: String,
    /// On whom, if anyone.
    pub target: Option<Argument>,
    /// PLOVER event type or `STATEMENT`; `None` when the lexicon does not know the action.
    pub event: Option<String>,
    /// CAMEO root code (`01`..`20`).
    pub cameo: Option<String>,
    /// Whether the event is negated.
    pub negated: bool,
    /// How the event is asserted.
    pub mode: Mode,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
    /// Name of the rule that produced the triple.
    pub rule: &'static str,
}

/// A document with its annotation layers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    /// Identifier from the corpus.
    pub id: String,
    /// The original text, never modified.
    pub text: String,
    /// Input fields other than `id` and `text`.
    pub meta: Metadata,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// One entry per token when the syntax stage ran, else empty.
    pub syntax: Vec<TokenSyntax>,
    /// Entity mentions in text order.
    pub entities: Vec<Entity>,
    /// Triples in sentence order.
    pub triples: Vec<Triple>,
}

/// The result of running the pipeline on a document.
pub type AnnotatedDoc = Doc;

impl Doc {
    /// A document with no annotation yet.
    pub fn from_raw(raw: RawDoc) -> Self {
        Doc {
            id: raw.id,
            text: raw.text,
            meta: raw.meta,
            ..Doc::default()
        }
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The surface of a token.
    pub fn token_text(&self, index: usize) -> &str {
        self.slice(self.tokens[index].span)
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        &self.tokens[self.sentences[sentence].tokens.clone()]
    }

    /// The index of the sentence holding byte `pos`, or of the last
    /// sentence starting before it.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let after = self.sentences.partition_point(|s| s.span.start <= pos);
        after.checked_sub(1)
    }
}

/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// ASCII text needs no work; otherwise a checkpoint every
/// [`CharOffsets::STRIDE`] bytes bounds each lookup to a short scan, so a
/// 50 MB document costs a few hundred kilobytes of index.
#[derive(Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    /// Code points before byte `i * STRIDE`; empty for ASCII text.
    checkpoints: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    /// Bytes between checkpoints.
    pub const STRIDE: usize = 256;

    /// Indexes a text.
    pub fn new(text: &'t str) -> Self {
        if text.is_ascii() {
            return CharOffsets {
                text,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STRIDE + 1);
        let mut chars = 0;
        for (i, chunk) in bytes.chunks(Self::STRIDE).enumerate() {
            debug_assert_eq!(checkpoints.len(), i);
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        CharOffsets { text, checkpoints }
    }

    /// The code-point offset of byte offset `byte`, which must lie on a
    /// character boundary (or at the end of the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        debug_assert!(
            self.text.is_char_boundary(byte),
            "byte {byte} splits a character"
        );
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / Self::STRIDE;
        let from = block * Self::STRIDE;
        let before = self.checkpoints.get(block).copied().unwrap_or_else(|| {
            // `byte` is the end of a text whose length is a multiple of STRIDE.
            self.checkpoints.last().copied().unwrap_or(0)
                + self.text.as_bytes()[from.saturating_sub(Self::STRIDE)..from]
                    .iter()
                    .filter(|&&b| !is_continuation(b))
                    .count()
        });
        before
            + self.text.as_bytes()[from..byte]
                .iter()
                .filter(|&&b| !is_continuation(b))
                .count()
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_indices_on_mixed_text() {
        let text = "Erdoğan met Aliyev in Şuşa — “talks” went well. ".repeat(40);
        let offsets = CharOffsets::new(&text);
        for (expected, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(byte), expected, "at byte {byte}");
        }
        assert_eq!(offsets.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn char_offsets_at_end_of_stride_multiple() {
        let text = "é".repeat(CharOffsets::STRIDE);
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.char_offset(text.len()), CharOffsets::STRIDE);
    }

    #[test]
    fn labels_parse_aliases() {
        assert_eq!("GPE".parse(), Ok(EntityLabel::Loc));
        assert_eq!("oth".parse(), Ok(EntityLabel::Misc));
        assert_eq!("PERSON".parse(), Ok(EntityLabel::Per));
        assert!("XYZ".parse::<EntityLabel>().is_err());
    }

    #[test]
    fn sentence_at_finds_the_enclosing_sentence() {
        let mut doc = Doc::from_raw(RawDoc::new("d", "A b. C d."));
        doc.sentences = vec![
            Sentence {
                span: Span::new(0, 4),
                tokens: 0..3,
            },
            Sentence {
                span: Span::new(5, 9),
                tokens: 3..6,
            },
        ];
        assert_eq!(doc.sentence_at(0), Some(0));
        assert_eq!(doc.sentence_at(4), Some(0));
        assert_eq!(doc.sentence_at(6), Some(1));
    }
}
