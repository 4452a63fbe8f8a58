//! Where a gazetteer match stands in the document: which tokens and
//! sentence it covers, whether its context is written in capitals, and
//! which of several overlapping matches is kept.

use std::ops::Range;

use crate::doc::{Doc, Span};

use super::gazetteer::GazetteerMatch;

/// Finds the tokens and the sentence of automaton matches. Matches arrive
/// in order of their end, so the cursor moves forward in amortised
/// constant time (it also moves back, for any other order).
pub(super) struct Cursor<'d> {
    doc: &'d Doc,
    /// The first token ending at or after the last match's end.
    token: usize,
    /// The sentence holding the last match.
    sentence: usize,
}

impl<'d> Cursor<'d> {
    /// A cursor for matches from byte `from` on.
    pub fn new(doc: &'d Doc, from: usize) -> Self {
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
    pub fn locate(&mut self, start: usize, end: usize) -> Option<(Range<usize>, usize)> {
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

/// The token range of a sentence (all tokens when there are no sentences).
fn sentence_tokens(doc: &Doc, sentence: usize) -> Range<usize> {
    doc.sentences
        .get(sentence)
        .map_or(0..doc.tokens.len(), |s| s.tokens.clone())
}

/// Whether a token is a word: two letters or more.
fn is_word(doc: &Doc, token: usize) -> bool {
    doc.token_text(token)
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(1)
        .is_some()
}

/// Whether a match at `tokens` stands in text written in capitals: it
/// spans several words, or the nearest word on either side in its sentence
/// is in capitals, or it has no word beside it at all (a one-word
/// headline).
pub(super) fn in_capitals(doc: &Doc, sentence: usize, tokens: &Range<usize>) -> bool {
    let span = Span::new(
        doc.tokens[tokens.start].span.start,
        doc.tokens[tokens.end - 1].span.end,
    );
    if doc.slice(span).contains(' ') {
        return true;
    }
    let bounds = sentence_tokens(doc, sentence);
    let before = (bounds.start..tokens.start)
        .rev()
        .find(|&i| is_word(doc, i));
    let after = (tokens.end..bounds.end).find(|&i| is_word(doc, i));
    let capitals = |i: usize| !doc.token_text(i).chars().any(char::is_lowercase);
    (before.is_none() && after.is_none())
        || before.is_some_and(capitals)
        || after.is_some_and(capitals)
}

/// Whether a match at `tokens` is the place name of a dateline: first on
/// its line and followed by punctuation (`BAKU, Azerbaijan —`,
/// `DOHA (Reuters) -`).
pub(super) fn is_dateline(doc: &Doc, tokens: &Range<usize>) -> bool {
    let start = doc.tokens[tokens.start].span.start;
    let line_start = doc.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let first_on_line = doc.text[line_start..start].trim().is_empty();
    let punctuation_after = doc
        .tokens
        .get(tokens.end)
        .is_some_and(|t| !doc.slice(t.span).chars().any(char::is_alphanumeric));
    first_on_line && punctuation_after
}

/// Whether a match at `tokens` comes after the first word of its sentence,
/// where a capital initial marks a name rather than the sentence start.
pub(super) fn after_first_word(doc: &Doc, sentence: usize, tokens: &Range<usize>) -> bool {
    let bounds = sentence_tokens(doc, sentence);
    (bounds.start..tokens.start).any(|i| doc.token_text(i).chars().any(|c| c.is_alphanumeric()))
}

/// Keeps, among overlapping candidates, the longest, then the leftmost;
/// returns them in text order.
pub(super) fn resolve(mut candidates: Vec<GazetteerMatch>) -> Vec<GazetteerMatch> {
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
