//! Blocks of consecutive sentences: the unit the embedded recognizer
//! labels at once.
//!
//! The model's second pass and its aggregated context read the whole
//! "document" they are given (other occurrences of a word, their
//! neighbours), and the recognizer builds per-sentence words, evidence and
//! features for all of it. On a single document of tens of megabytes that
//! is gigabytes. The recognizer therefore labels a document block by block,
//! each block a run of whole sentences of at most [`BLOCK_TOKENS`] tokens
//! (a longer sentence is a block of its own), so memory follows the block,
//! not the document. A news article is far shorter than a block and is
//! labelled exactly as one document; in a longer text, document context
//! reaches as far as the block.

use std::ops::Range;

use crate::doc::{Doc, Sentence};

/// Most tokens in one block (unless a single sentence is longer). Several
/// times a long news article, so ordinary documents are one block; small
/// enough that a block's features take a few megabytes.
pub const BLOCK_TOKENS: usize = 10_000;

/// Splits sentences into blocks of consecutive sentences of at most
/// `max_tokens` tokens each (a longer sentence forms a block alone). Yields
/// sentence index ranges, in order, covering every sentence once.
pub fn sentence_blocks(sentences: &[Sentence], max_tokens: usize) -> SentenceBlocks<'_> {
    SentenceBlocks {
        sentences,
        next: 0,
        max_tokens,
    }
}

/// Iterator of [`sentence_blocks`].
#[derive(Clone, Debug)]
pub struct SentenceBlocks<'s> {
    sentences: &'s [Sentence],
    next: usize,
    max_tokens: usize,
}

impl Iterator for SentenceBlocks<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let start = self.next;
        let first = self.sentences.get(start)?;
        let mut tokens = first.tokens.len();
        let mut end = start + 1;
        while let Some(s) = self.sentences.get(end) {
            if tokens + s.tokens.len() > self.max_tokens {
                break;
            }
            tokens += s.tokens.len();
            end += 1;
        }
        self.next = end;
        Some(start..end)
    }
}

/// The bytes of `doc` that a block of sentences stands for: from the end of
/// the previous block (the start of the text for the first) to the end of
/// its last sentence (the end of the text for the last block). The blocks'
/// byte ranges tile the text.
pub fn block_bytes(doc: &Doc, block: &Range<usize>) -> Range<usize> {
    let start = match block.start.checked_sub(1) {
        Some(previous) => doc.sentences.get(previous).map_or(0, |s| s.span.end),
        None => 0,
    };
    let end = if block.end >= doc.sentences.len() {
        doc.text.len()
    } else {
        doc.sentences
            .get(block.end - 1)
            .map_or(doc.text.len(), |s| s.span.end)
    };
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{RawDoc, Span};

    fn sentences(lengths: &[usize]) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut token = 0;
        for &n in lengths {
            out.push(Sentence {
                span: Span::new(token * 2, (token + n) * 2),
                tokens: token..token + n,
            });
            token += n;
        }
        out
    }

    fn blocks(lengths: &[usize], max: usize) -> Vec<Range<usize>> {
        sentence_blocks(&sentences(lengths), max).collect()
    }

    #[test]
    fn blocks_fill_up_to_the_limit() {
        assert_eq!(blocks(&[3, 3, 3, 3, 3], 6), [0..2, 2..4, 4..5]);
        assert_eq!(blocks(&[3, 3, 3], 100), vec![0..3]);
        assert_eq!(blocks(&[2, 4, 1, 5], 6), [0..2, 2..4]);
        assert_eq!(blocks(&[2, 4, 2, 5], 6), [0..2, 2..3, 3..4]);
    }

    #[test]
    fn a_long_sentence_is_a_block_of_its_own() {
        assert_eq!(blocks(&[2, 9, 2], 5), [0..1, 1..2, 2..3]);
        assert_eq!(blocks(&[0, 9], 5), [0..1, 1..2]);
        assert!(blocks(&[], 5).is_empty());
    }

    #[test]
    fn block_bytes_tile_the_text() {
        let mut doc = Doc::from_raw(RawDoc::new("d", "x".repeat(30)));
        doc.sentences = sentences(&[3, 3, 3]);
        let ranges: Vec<_> = sentence_blocks(&doc.sentences, 6)
            .map(|b| block_bytes(&doc, &b))
            .collect();
        assert_eq!(ranges, [0..12, 12..30]);
        assert_eq!(block_bytes(&doc, &(0..3)), 0..30);
    }
}
