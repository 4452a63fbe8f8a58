//! Predicted sentences, tokens and words of a treebank's text, and their
//! alignment with the gold ones when the system tokenized raw text.
//!
//! Gold and predicted units are placed in one coordinate system: the
//! position among the non-whitespace characters of the whole treebank
//! (as in the CoNLL 2018 shared task), so that units match when they cover
//! the same characters, whatever whitespace or document split either side
//! uses.

use std::ops::Range;

use crate::corpus::conllu::ConlluSentence;
use crate::doc::{Doc, TokenSyntax};
use crate::error::{Error, Result};

use super::conllu_text::conllu_documents;

/// A system's analysis of one document's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SystemDocument {
    /// The text the spans point into.
    pub text: String,
    /// Sentences in text order.
    pub sentences: Vec<SystemSentence>,
    /// Whether `tokens` are surface tokens that group the words of a
    /// multiword token (`don't` = `do` + `n't`); false when every token is
    /// one word, as the pipeline's are (token F1 is then not reported).
    pub surface_tokens: bool,
}

/// A predicted sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SystemSentence {
    /// Surface tokens: character spans (Unicode code points) into the text.
    pub tokens: Vec<Range<usize>>,
    /// Syntactic words with their spans and, if the system parsed, syntax
    /// (heads are 1-based word numbers within the sentence, 0 for root).
    pub words: Vec<SystemWord>,
}

/// A predicted word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SystemWord {
    /// Character span into the text.
    pub span: Range<usize>,
    /// Tag, lemma and dependency, if predicted.
    pub syntax: Option<TokenSyntax>,
}

impl SystemDocument {
    /// A pipeline's annotated document: each token is one word, with the
    /// document's syntax layer when the syntax stage ran.
    pub fn from_doc(doc: &Doc) -> SystemDocument {
        let chars = char_index(&doc.text);
        let span = |s: crate::doc::Span| chars(s.start)..chars(s.end);
        let parsed = doc.syntax.len() == doc.tokens.len() && !doc.tokens.is_empty();
        let sentences = doc
            .sentences
            .iter()
            .map(|sentence| {
                let tokens: Vec<Range<usize>> = doc.tokens[sentence.tokens.clone()]
                    .iter()
                    .map(|t| span(t.span))
                    .collect();
                let words = sentence
                    .tokens
                    .clone()
                    .zip(&tokens)
                    .map(|(i, span)| SystemWord {
                        span: span.clone(),
                        syntax: parsed.then(|| doc.syntax[i].clone()),
                    })
                    .collect();
                SystemSentence { tokens, words }
            })
            .collect();
        SystemDocument {
            text: doc.text.clone(),
            sentences,
            surface_tokens: false,
        }
    }

    /// The documents of a predicted CoNLL-U file, text rebuilt from its
    /// tokens (see [`conllu_documents`]).
    pub fn from_conllu(sentences: &[ConlluSentence]) -> Vec<SystemDocument> {
        conllu_documents(sentences)
            .into_iter()
            .map(|document| {
                let sentences = document
                    .sentences
                    .clone()
                    .enumerate()
                    .map(|(k, index)| SystemSentence {
                        tokens: document.tokens[k].clone(),
                        words: sentences[index]
                            .words
                            .iter()
                            .zip(&document.words[k])
                            .map(|(w, span)| SystemWord {
                                span: span.clone(),
                                syntax: Some(TokenSyntax {
                                    upos: w.upos.clone(),
                                    xpos: w.xpos.clone(),
                                    lemma: w.lemma.clone(),
                                    head: w.head,
                                    deprel: w.deprel.clone(),
                                }),
                            })
                            .collect(),
                    })
                    .collect();
                SystemDocument {
                    text: document.text,
                    sentences,
                    surface_tokens: true,
                }
            })
            .collect()
    }
}

/// A function from byte offsets of `text` to code-point offsets.
fn char_index(text: &str) -> impl Fn(usize) -> usize + '_ {
    let offsets = crate::doc::CharOffsets::new(text);
    move |byte| offsets.char_offset(byte)
}

/// Sentences, tokens and words of one side in non-whitespace coordinates.
#[derive(Debug, Default)]
pub(crate) struct Placed {
    /// The non-whitespace characters of all documents, concatenated.
    pub stream: Vec<char>,
    /// Sentence spans.
    pub sentences: Vec<Range<usize>>,
    /// Token spans.
    pub tokens: Vec<Range<usize>>,
    /// Word spans, in order, with the global index of their sentence's
    /// first word (to resolve heads).
    pub words: Vec<PlacedWord>,
}

#[derive(Debug)]
pub(crate) struct PlacedWord {
    pub span: Range<usize>,
    pub sentence_start: usize,
}

/// Places documents given as (text, sentences of (token spans, word spans))
/// in character coordinates.
pub(crate) fn place<'d>(
    documents: impl Iterator<Item = (&'d str, Vec<(&'d [Range<usize>], Vec<Range<usize>>)>)>,
) -> Placed {
    let mut placed = Placed::default();
    for (text, sentences) in documents {
        // non_ws[i] = non-whitespace characters before character i.
        let mut non_ws = Vec::with_capacity(text.len() + 1);
        let base = placed.stream.len();
        for c in text.chars() {
            non_ws.push(placed.stream.len() - base);
            if !c.is_whitespace() {
                placed.stream.push(c);
            }
        }
        non_ws.push(placed.stream.len() - base);
        let at = |r: &Range<usize>| {
            let clamp = |i: usize| non_ws[i.min(non_ws.len() - 1)] + base;
            clamp(r.start)..clamp(r.end)
        };
        for (tokens, words) in sentences {
            if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
                placed.sentences.push(at(first).start..at(last).end);
            }
            placed.tokens.extend(tokens.iter().map(at));
            let sentence_start = placed.words.len();
            placed.words.extend(words.iter().map(|w| PlacedWord {
                span: at(w),
                sentence_start,
            }));
        }
    }
    placed
}

/// Checks that both sides cover the same non-whitespace text.
pub(crate) fn check_same_text(gold: &Placed, pred: &Placed) -> Result<()> {
    if gold.stream == pred.stream {
        return Ok(());
    }
    let at = gold
        .stream
        .iter()
        .zip(&pred.stream)
        .take_while(|(a, b)| a == b)
        .count();
    let around = |s: &[char]| {
        s[at.saturating_sub(10)..(at + 10).min(s.len())]
            .iter()
            .collect::<String>()
    };
    Err(Error::config(format!(
        "the predicted text differs from the gold text at non-space character {at}: gold `{}`, predicted `{}`",
        around(&gold.stream),
        around(&pred.stream)
    )))
}

/// Pairs units with identical spans, one to one, in order. Both lists must
/// be sorted by span (they are, being in text order).
pub(crate) fn pair_spans<'a>(
    gold: impl Iterator<Item = &'a Range<usize>>,
    pred: impl Iterator<Item = &'a Range<usize>>,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut gold = gold.enumerate().peekable();
    let mut pred = pred.enumerate().peekable();
    while let (Some((gi, g)), Some((pi, p))) = (gold.peek().copied(), pred.peek().copied()) {
        let key = |r: &Range<usize>| (r.start, r.end);
        match key(g).cmp(&key(p)) {
            std::cmp::Ordering::Equal => {
                pairs.push((gi, pi));
                gold.next();
                pred.next();
            }
            std::cmp::Ordering::Less => {
                gold.next();
            }
            std::cmp::Ordering::Greater => {
                pred.next();
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{RawDoc, Sentence, Span, Token};

    #[test]
    fn pipeline_documents_use_character_offsets() {
        let mut doc = Doc::from_raw(RawDoc::new("d", "Öl flows."));
        doc.tokens = [(0, 3), (4, 9), (9, 10)]
            .iter()
            .map(|&(s, e)| Token {
                span: Span::new(s, e),
            })
            .collect();
        doc.sentences = vec![Sentence {
            span: Span::new(0, 10),
            tokens: 0..3,
        }];
        let system = SystemDocument::from_doc(&doc);
        assert_eq!(system.sentences[0].tokens, vec![0..2, 3..8, 8..9]);
        assert!(system.sentences[0].words[0].syntax.is_none());
    }

    #[test]
    fn placing_ignores_whitespace() {
        let tokens = [0..2, 3..8, 8..9];
        let placed = place(std::iter::once((
            "Öl flows.",
            vec![(&tokens[..], tokens.to_vec())],
        )));
        assert_eq!(placed.stream.iter().collect::<String>(), "Ölflows.");
        assert_eq!(placed.tokens, vec![0..2, 2..7, 7..8]);
        assert_eq!(placed.sentences, vec![0..8]);
    }

    #[test]
    fn pairs_identical_spans_in_order() {
        let gold = [0..2, 2..4, 2..4, 5..6];
        let pred = [0..2, 2..4, 4..5, 5..6];
        assert_eq!(
            pair_spans(gold.iter(), pred.iter()),
            vec![(0, 0), (1, 1), (3, 3)]
        );
    }
}
