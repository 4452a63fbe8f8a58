//! Sentence boundaries over the token list.
//!
//! A sentence ends
//! - at a blank line (always);
//! - at a line break after a headline, byline or dateline line, unless the
//!   text is hard-wrapped and the line ran to the wrapping width, the next
//!   line starts in lower case, or the line ends in a comma, hyphen or
//!   function word;
//! - after terminal punctuation (`.`, `?`, `!`, `...`), with the closing
//!   quotes, brackets and citation marks (`[17]`) glued after it, when the
//!   next word does not start in lower case;
//! - after an abbreviation (`U.S.`, `Inc.`) only when a typical sentence
//!   opener follows (`The`, `He`, ...), never after a title (`Mr.`, `Gen.`);
//! - after the dash of a paragraph-initial dateline
//!   (`BAKU, Azerbaijan (Reuters) —`), as UD English-EWT does.

use super::chars::{char_at, is_dash, is_terminal, Gap};
use super::lexicon::{abbreviation, is_sentence_opener, Abbreviation};
use super::shapes::is_abbreviation;
use super::tokenize::Tokens;
use crate::doc::{Sentence, Span};

/// What kind of sentence stop a token may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// `.`.
    Period,
    /// `?`, `!`, `?!`.
    Question,
    /// `...`, `…`.
    Ellipsis,
    /// A word with its abbreviation period.
    Abbreviated(Abbreviation),
}

/// Splits the tokens of `text` into sentences.
pub(crate) fn split_sentences(text: &str, tokens: &Tokens) -> Vec<Sentence> {
    let splitter = SentenceSplitter {
        text,
        spans: &tokens.spans,
        gaps: &tokens.gaps,
        wrap_width: wrap_width(text, tokens),
    };
    splitter.run()
}

struct SentenceSplitter<'t> {
    text: &'t str,
    spans: &'t [Span],
    gaps: &'t [Gap],
    /// The line width of hard-wrapped text, or `None` when lines are
    /// paragraphs or headlines.
    wrap_width: Option<usize>,
}

impl SentenceSplitter<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.spans[i].range()]
    }

    fn first_char(&self, i: usize) -> char {
        char_at(self.text, self.spans[i].start)
    }

    fn run(&self) -> Vec<Sentence> {
        let n = self.spans.len();
        let mut sentences = Vec::with_capacity(n / 20 + 1);
        let mut close = |start: usize, end: usize| {
            sentences.push(Sentence {
                span: Span::new(self.spans[start].start, self.spans[end - 1].end),
                tokens: start..end,
            });
        };
        let mut start = 0;
        let mut i = 0;
        while i < n {
            if i > start && self.gap_ends_sentence(i) {
                close(start, i);
                start = i;
            }
            if i == start && self.gaps[i] >= Gap::Line {
                if let Some(dash) = self.dateline_dash(i) {
                    close(start, dash + 1);
                    start = dash + 1;
                    i = start;
                    continue;
                }
            }
            if let Some(stop) = self.stop(i) {
                let after = self.closers_end(i + 1);
                if self.ends_sentence(stop, i, after) {
                    close(start, after);
                    start = after;
                    i = after;
                    continue;
                }
            }
            i += 1;
        }
        if start < n {
            close(start, n);
        }
        sentences
    }

    /// Whether the white space before token `i` ends a sentence.
    fn gap_ends_sentence(&self, i: usize) -> bool {
        match self.gaps[i] {
            Gap::Paragraph => true,
            Gap::Line => self.line_break_ends_sentence(i),
            _ => false,
        }
    }

    fn line_break_ends_sentence(&self, i: usize) -> bool {
        if self.first_char(i).is_lowercase() {
            return false;
        }
        let last = self.word(i - 1);
        if matches!(
            last,
            "," | ";"
                | "-"
                | "–"
                | "—"
                | "("
                | "["
                | "&"
                | "/"
                | "and"
                | "or"
                | "of"
                | "the"
                | "a"
                | "an"
                | "to"
                | "in"
                | "for"
                | "with"
                | "by"
                | "at"
                | "on"
                | "from"
        ) {
            return false;
        }
        match self.wrap_width {
            None => true,
            Some(width) => {
                let end = self.spans[i - 1].end;
                let line_start = self.text[..end].rfind('\n').map_or(0, |p| p + 1);
                (end - line_start) * 5 < width * 3
            }
        }
    }

    /// The sentence stop token `i` may be.
    fn stop(&self, i: usize) -> Option<Stop> {
        let word = self.word(i);
        let last = word.chars().next_back()?;
        if !is_terminal(last) {
            return None;
        }
        if word.chars().all(is_terminal) {
            let ellipsis =
                word.contains('…') || (word.len() >= 2 && word.bytes().all(|b| b == b'.'));
            let stop = if ellipsis {
                Stop::Ellipsis
            } else if word.contains(['?', '!', '？', '！', '‼', '⁇', '⁈', '⁉']) {
                Stop::Question
            } else {
                Stop::Period
            };
            return Some(stop);
        }
        let stem = word.strip_suffix('.')?;
        if !is_abbreviation(stem) {
            return None;
        }
        Some(Stop::Abbreviated(
            abbreviation(stem).unwrap_or(Abbreviation::Other),
        ))
    }

    /// The index after the closing quotes, brackets and citation marks
    /// (`[17]`) that follow a stop at `i - 1`.
    fn closers_end(&self, mut j: usize) -> usize {
        let n = self.spans.len();
        while j < n && self.gaps[j] <= Gap::Space {
            let word = self.word(j);
            let glued = self.gaps[j] == Gap::None;
            match word {
                ")" | "]" | "}" | "”" | "’" | "»" | "›" | "”’" | "’”" => j += 1,
                "\"" | "'" | "''" | "`" if glued => j += 1,
                "[" => match self.note_end(j) {
                    Some(end) => j = end,
                    None => break,
                },
                // `?".` and `!).`: a period after the closers.
                _ if glued && word.chars().all(is_terminal) => j += 1,
                _ => break,
            }
        }
        j
    }

    /// The index after a bracketed note opening at `j` (`[17]`,
    /// `[citation needed]`): up to four tokens starting with a digit or a
    /// lower-case letter.
    fn note_end(&self, j: usize) -> Option<usize> {
        let n = self.spans.len();
        let first = j + 1;
        if first >= n || self.gaps[first] != Gap::None {
            return None;
        }
        let c = self.first_char(first);
        if !(c.is_ascii_digit() || c.is_lowercase()) {
            return None;
        }
        (first + 1..n.min(first + 5))
            .take_while(|&k| self.gaps[k] <= Gap::Space)
            .find(|&k| self.word(k) == "]" && self.gaps[k] == Gap::None)
            .map(|k| k + 1)
    }

    /// Whether a stop, followed by closers up to `after`, ends a sentence.
    fn ends_sentence(&self, stop: Stop, stop_at: usize, after: usize) -> bool {
        if after >= self.spans.len() {
            return true;
        }
        let next = self.first_char(after);
        match stop {
            _ if matches!(next, ',' | ';' | ':' | ')' | ']' | '}' | '%') => false,
            Stop::Period => !next.is_lowercase(),
            // `are you kidding? why ...`, but not `"Why?" he asked`.
            Stop::Question => {
                !next.is_lowercase() || (after == stop_at + 1 && self.gaps[after] != Gap::None)
            }
            Stop::Ellipsis => next.is_uppercase() || matches!(next, '"' | '“' | '‘' | '\''),
            Stop::Abbreviated(Abbreviation::Title) => false,
            Stop::Abbreviated(Abbreviation::Closing) => next.is_uppercase(),
            Stop::Abbreviated(_) => {
                is_sentence_opener(self.word(after)) || self.quote_opens_sentence(after)
            }
        }
    }

    /// Whether token `i` is an opening quote before a capitalised word
    /// (`at 1 p.m. “We ...`).
    fn quote_opens_sentence(&self, i: usize) -> bool {
        matches!(self.word(i), "“" | "‘" | "\"" | "'" | "«")
            && i + 1 < self.spans.len()
            && self.gaps[i + 1] == Gap::None
            && self.first_char(i + 1).is_uppercase()
    }

    /// The index of the dash closing a dateline that opens the paragraph at
    /// `i` (`WASHINGTON —`, `BAKU, Azerbaijan (Reuters) —`).
    fn dateline_dash(&self, i: usize) -> Option<usize> {
        let all_caps = |word: &str| {
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase)
        };
        if !all_caps(self.word(i)) {
            return None;
        }
        // The place name is in capitals (`NEW YORK`); after a comma or
        // inside brackets come the country, date and agency.
        let mut in_place_name = true;
        let n = self.spans.len();
        for k in i + 1..n.min(i + 14) {
            if self.gaps[k] >= Gap::Line {
                return None;
            }
            let word = self.word(k);
            let c = self.first_char(k);
            if word.chars().all(is_dash) {
                let spaced_after = k + 1 < n && self.gaps[k + 1] >= Gap::Space;
                return (self.gaps[k] >= Gap::Space && spaced_after).then_some(k);
            }
            if matches!(word, "," | "(") {
                in_place_name = false;
            } else if c.is_lowercase()
                || word.chars().all(is_terminal)
                || (in_place_name && !all_caps(word))
            {
                return None;
            }
        }
        None
    }
}

/// The width of hard-wrapped text: when at least a third of the line
/// breaks inside paragraphs are followed by a lower-case word (and there
/// are at least three), lines were wrapped at a fixed width, and only a
/// short line ends a sentence.
fn wrap_width(text: &str, tokens: &Tokens) -> Option<usize> {
    let mut breaks = 0usize;
    let mut lower = 0usize;
    for (span, gap) in tokens.spans.iter().zip(&tokens.gaps) {
        if *gap == Gap::Line {
            breaks += 1;
            if char_at(text, span.start).is_lowercase() {
                lower += 1;
            }
        }
    }
    if breaks < 3 || lower * 3 < breaks {
        return None;
    }
    text.split('\n').map(|line| line.trim_end().len()).max()
}
