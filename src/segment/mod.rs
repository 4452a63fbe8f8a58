//! Step 2: sentences and word tokens with byte offsets into the original
//! text, following Universal Dependencies tokenization.

use crate::doc::{Sentence, Span, Token};

/// Splits text into sentences and tokens.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

/// The sentences and tokens of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Sentences in order; their token ranges cover `tokens` exactly.
    pub sentences: Vec<Sentence>,
    /// Tokens in order, non-overlapping, never empty.
    pub tokens: Vec<Token>,
}

impl Segmenter {
    /// A segmenter for English news text.
    pub fn new() -> Self {
        Segmenter {}
    }

    /// Segments `text`. Interim rule until the UD-style segmenter lands:
    /// whitespace-separated tokens, one sentence per line.
    pub fn segment(&self, text: &str) -> Segmentation {
        let mut out = Segmentation::default();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let first = out.tokens.len();
            let mut pos = offset;
            for word in line.split_whitespace() {
                let start = pos + line[pos - offset..].find(word).unwrap_or(0);
                out.tokens.push(Token {
                    span: Span::new(start, start + word.len()),
                });
                pos = start + word.len();
            }
            if out.tokens.len() > first {
                let span = Span::new(
                    out.tokens[first].span.start,
                    out.tokens.last().map_or(0, |t| t.span.end),
                );
                out.sentences.push(Sentence {
                    span,
                    tokens: first..out.tokens.len(),
                });
            }
            offset += line.len();
        }
        out
    }
}
