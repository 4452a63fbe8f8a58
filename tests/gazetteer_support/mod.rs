//! A tiny UD-style tokenizer for gazetteer tests and benches, so that they
//! do not depend on the segmenter's details: words split at whitespace,
//! leading and trailing punctuation split off, a possessive `'s` split off
//! (`Russia's` → `Russia` `'s`), abbreviations with inner periods kept
//! (`U.N.`), and a sentence ending after `.`, `!` or `?` or at a newline.

#![allow(dead_code)]

use actant::{Doc, RawDoc, Sentence, Span, Token};

/// A document with tokens and sentences from the test tokenizer.
pub fn doc(text: &str) -> Doc {
    let mut doc = Doc::from_raw(RawDoc::new("test", text));
    let mut tokens = Vec::new();
    let mut breaks = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        if !word.is_empty() {
            split_word(word, offset, &mut tokens);
        }
        if piece.ends_with('\n') {
            breaks.push(tokens.len());
        }
        offset += piece.len();
    }
    doc.sentences = sentences(text, &tokens, &breaks);
    doc.tokens = tokens;
    doc
}

/// A document with the given tokens (byte ranges) as one sentence.
pub fn doc_with_tokens(text: &str, spans: &[(usize, usize)]) -> Doc {
    let mut doc = Doc::from_raw(RawDoc::new("test", text));
    doc.tokens = spans
        .iter()
        .map(|&(start, end)| Token {
            span: Span::new(start, end),
        })
        .collect();
    if let (Some(first), Some(last)) = (doc.tokens.first(), doc.tokens.last()) {
        doc.sentences = vec![Sentence {
            span: Span::new(first.span.start, last.span.end),
            tokens: 0..doc.tokens.len(),
        }];
    }
    doc
}

fn split_word(word: &str, offset: usize, out: &mut Vec<Token>) {
    let is_punct = |c: char| !c.is_alphanumeric();
    let mut start = 0;
    let mut end = word.len();
    let mut leading = Vec::new();
    while let Some(c) = word[start..end].chars().next() {
        if !is_punct(c) || end - start == c.len_utf8() {
            break;
        }
        leading.push((start, start + c.len_utf8()));
        start += c.len_utf8();
    }
    let mut trailing = Vec::new();
    while end - start > 1 {
        let core = &word[start..end];
        let possessive = ["'s", "\u{2019}s", "'S", "\u{2019}S"]
            .into_iter()
            .find(|p| core.ends_with(p) && core.len() > p.len());
        if let Some(p) = possessive {
            trailing.push((end - p.len(), end));
            end -= p.len();
            continue;
        }
        let Some(c) = core.chars().next_back() else {
            break;
        };
        let abbreviation = c == '.' && core[..core.len() - 1].contains('.');
        if !is_punct(c) || abbreviation || core.len() == c.len_utf8() {
            break;
        }
        trailing.push((end - c.len_utf8(), end));
        end -= c.len_utf8();
    }
    let pieces = leading
        .into_iter()
        .chain((start < end).then_some((start, end)))
        .chain(trailing.into_iter().rev());
    for (s, e) in pieces {
        out.push(Token {
            span: Span::new(offset + s, offset + e),
        });
    }
}

fn sentences(text: &str, tokens: &[Token], breaks: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, token) in tokens.iter().enumerate() {
        let surface = &text[token.span.range()];
        let ends = matches!(surface, "." | "!" | "?") || breaks.contains(&(i + 1));
        if ends || i + 1 == tokens.len() {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, token.span.end),
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    out
}

/// The surfaces of a document's tokens, for readable assertions.
pub fn token_texts(doc: &Doc) -> Vec<&str> {
    doc.tokens.iter().map(|t| doc.slice(t.span)).collect()
}
