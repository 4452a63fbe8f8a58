//! Word tokens: the text is cut at white space into chunks, and each chunk
//! is split into UD English word tokens (punctuation, clitics, hyphens,
//! units) while URLs, e-mail addresses, numbers and abbreviations stay
//! whole.
//!
//! Every step walks byte offsets once; nothing is allocated per token
//! beyond the output vectors.

use super::chars::{
    char_at, char_before, is_apostrophe, is_closing, is_separator, is_word_char, line_breaks,
    run_end, run_start, Gap,
};
use super::lexicon::{clitic_suffix_len, contraction_split, is_hyphen_prefix, is_unit};
use super::shapes::{
    is_abbreviation, is_cut_off_word, is_emoticon, is_list_number, is_numeric_code,
    is_top_level_domain, is_url_or_email, keeps_period, next_visible,
};
use crate::doc::Span;

/// Token spans and, for each, the kind of gap before it.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    /// Token spans in text order.
    pub spans: Vec<Span>,
    /// `gaps[i]` is what separates token `i` from token `i - 1`.
    pub gaps: Vec<Gap>,
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Tokens {
    let mut splitter = ChunkSplitter {
        text,
        out: Tokens {
            // News text averages about 5.5 bytes per token.
            spans: Vec::with_capacity(text.len() / 5 + 1),
            gaps: Vec::with_capacity(text.len() / 5 + 1),
        },
        gap: Gap::Paragraph,
        trailing: Vec::new(),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut breaks = 0u32;
    let mut spaced = false;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = char_at(text, i);
            (c, c.len_utf8())
        };
        if is_separator(c) {
            breaks += line_breaks(c, bytes.get(i + len).copied());
            spaced = true;
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b <= b' ' || b == 0x7F {
                    break;
                }
                i += 1;
            } else {
                let c = char_at(text, i);
                if is_separator(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        if !splitter.out.spans.is_empty() {
            splitter.gap = match breaks {
                0 if spaced => Gap::Space,
                0 => Gap::None,
                1 => Gap::Line,
                _ => Gap::Paragraph,
            };
        }
        splitter.split_chunk(start, i);
        breaks = 0;
        spaced = false;
    }
    splitter.out
}

/// Splits one white-space-delimited chunk into tokens.
struct ChunkSplitter<'t> {
    text: &'t str,
    out: Tokens,
    /// The gap before the next token emitted.
    gap: Gap,
    /// Punctuation stripped from the end of the current chunk, last first.
    trailing: Vec<Span>,
}

impl ChunkSplitter<'_> {
    fn emit(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.spans.push(Span::new(start, end));
            self.out.gaps.push(self.gap);
            self.gap = Gap::None;
        }
    }

    fn split_chunk(&mut self, start: usize, end: usize) {
        let text = self.text;
        let chunk = &text[start..end];
        // Most chunks are plain words: nothing to split unless they are
        // contractions written without an apostrophe.
        let plain_word = chunk.bytes().all(|b| b.is_ascii_alphabetic());
        if (plain_word && contraction_split(chunk).is_none())
            || is_emoticon(chunk)
            || (self.gap >= Gap::Line && is_list_number(chunk))
        {
            self.emit(start, end);
            return;
        }
        let mut a = start;
        // Opening punctuation.
        while a < end {
            let c = char_at(text, a);
            if is_word_char(c) || keeps_at_start(text, a, end, c) {
                break;
            }
            let stop = run_end(text, a, end, c);
            self.emit(a, stop);
            a = stop;
        }
        // Closing punctuation, kept aside until the core is emitted.
        let mut b = end;
        self.trailing.clear();
        let mut whole = false;
        while b > a {
            let Some(c) = char_before(text, b) else { break };
            if is_word_char(c) || !strips_at_end(c) {
                break;
            }
            if c == '.' {
                let from = run_start(text, a, b, c);
                let word = &text[a..from];
                if from == b - 1 && keeps_period(word, || next_visible(text, end)) {
                    break;
                }
                if from == b - 2 && &text[from..b] == ".." && is_abbreviation(word) {
                    // `Inc..`: the abbreviation's period, then a full stop.
                    self.trailing.push(Span::new(b - 1, b));
                    b -= 1;
                    break;
                }
                self.trailing.push(Span::new(from, b));
                b = from;
            } else if c == '-' && is_cut_off_word(&text[a..b - 1]) {
                // A word broken off in speech (`re-`, `th-`) keeps its hyphen.
                whole = true;
                break;
            } else if is_closing(c) && !is_apostrophe(c) {
                // Brackets and double quotes close one at a time.
                self.trailing.push(Span::new(b - c.len_utf8(), b));
                b -= c.len_utf8();
            } else {
                let from = run_start(text, a, b, c);
                self.trailing.push(Span::new(from, b));
                b = from;
            }
        }
        if whole {
            self.emit(a, b);
        } else {
            self.split_core(a, b);
        }
        while let Some(span) = self.trailing.pop() {
            self.emit(span.start, span.end);
        }
    }

    /// Splits what is left between opening and closing punctuation.
    fn split_core(&mut self, a: usize, b: usize) {
        if a >= b {
            return;
        }
        let text = self.text;
        let core = &text[a..b];
        if is_url_or_email(core) {
            self.emit(a, b);
            return;
        }
        // Clitics come off the end (`shouldn't've` has two).
        let mut clitics = [Span::default(); 2];
        let mut n_clitics = 0;
        let mut stem_end = b;
        while n_clitics < clitics.len() {
            match clitic_suffix_len(&text[a..stem_end]) {
                Some(len) => {
                    clitics[n_clitics] = Span::new(stem_end - len, stem_end);
                    n_clitics += 1;
                    stem_end -= len;
                }
                None => break,
            }
        }
        if n_clitics == 0 {
            if let Some(first) = contraction_split(core) {
                self.emit(a, a + first);
                self.emit(a + first, b);
                return;
            }
        }
        self.split_inside(a, stem_end);
        for span in clitics[..n_clitics].iter().rev() {
            self.emit(span.start, span.end);
        }
    }

    /// Splits a word-like stretch at the punctuation inside it.
    fn split_inside(&mut self, a: usize, b: usize) {
        let text = self.text;
        let numeric_glue = is_numeric_code(&text[a..b]);
        let mut token = a;
        let mut word = a;
        let mut prev: Option<char> = None;
        let mut i = a;
        while i < b {
            let c = char_at(text, i);
            let len = c.len_utf8();
            if is_word_char(c) {
                if c.is_alphabetic() {
                    if prev.is_some_and(|p| p.is_ascii_digit()) && i > token {
                        let letters_end = letters_end(text, i, b);
                        let alone = letters_end == b || !is_word_char(char_at(text, letters_end));
                        if alone && is_unit(&text[i..letters_end]) {
                            self.emit(token, i);
                            token = i;
                        }
                    }
                    if !prev.is_some_and(char::is_alphabetic) {
                        word = i;
                    }
                }
                prev = Some(c);
                i += len;
                continue;
            }
            let next = (i + len < b).then(|| char_at(text, i + len));
            let after_next = next
                .map(|n| i + len + n.len_utf8())
                .filter(|&j| j < b)
                .map(|j| char_at(text, j));
            let around = Around {
                prev,
                next,
                after_next,
                at_token_start: i == token,
                word_before: &text[word..i],
                numeric_glue,
                domain_follows: c == '.'
                    && is_top_level_domain(&text[i + 1..letters_end(text, i + 1, b)]),
            };
            if around.keeps(c) {
                prev = Some(c);
                i += len;
                continue;
            }
            if c == '.' && i > token && is_abbreviation(&text[token..i]) {
                // `U.S.-led`: the abbreviation keeps its period.
                self.emit(token, i + 1);
                token = i + 1;
                prev = Some(c);
                i += 1;
                continue;
            }
            self.emit(token, i);
            let stop = run_end(text, i, b, c);
            self.emit(i, stop);
            token = stop;
            prev = char_before(text, stop);
            i = stop;
        }
        self.emit(token, b);
    }
}

/// The end of the run of letters starting at `i`.
fn letters_end(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = char_at(text, i);
        if !c.is_alphabetic() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Punctuation at the start of a chunk that belongs to the word after it:
/// `@handle`, `#tag`, `-5`, `'90s`, `'s`, `'em`.
fn keeps_at_start(text: &str, i: usize, end: usize, c: char) -> bool {
    let next_at = i + c.len_utf8();
    if next_at >= end {
        return false;
    }
    let next = char_at(text, next_at);
    match c {
        '@' => is_word_char(next),
        '#' => next.is_alphabetic(),
        // `.265`, `.5`: a decimal without its zero.
        '.' => next.is_ascii_digit(),
        '\'' | '’' | '`' => {
            if next.is_ascii_digit() {
                return true;
            }
            let rest_end = letters_end(text, next_at, end);
            let rest = &text[next_at..rest_end];
            let word_ends = rest_end == end || !is_word_char(char_at(text, rest_end));
            word_ends
                && matches!(
                    rest,
                    "s" | "S"
                        | "m"
                        | "M"
                        | "d"
                        | "D"
                        | "ll"
                        | "LL"
                        | "re"
                        | "RE"
                        | "ve"
                        | "VE"
                        | "em"
                        | "cause"
                        | "til"
                        | "n"
                        | "tis"
                        | "twas"
                )
        }
        _ => false,
    }
}

/// Punctuation that is cut off the end of a chunk. Slashes, `=`, `&`,
/// `+`, `#` and `~` stay, so URLs and codes keep their last character.
fn strips_at_end(c: char) -> bool {
    !matches!(c, '/' | '=' | '&' | '+' | '#' | '~' | '@' | '_' | '$')
}

/// What surrounds a punctuation character inside a word.
struct Around<'w> {
    prev: Option<char>,
    next: Option<char>,
    after_next: Option<char>,
    /// Whether nothing of the current token precedes it.
    at_token_start: bool,
    /// The letters directly before it.
    word_before: &'w str,
    /// Whether the word is a phone number or numeric date.
    numeric_glue: bool,
    /// Whether the letters after it are a top-level domain (`.Com`).
    domain_follows: bool,
}

impl Around<'_> {
    /// Whether punctuation `c` stays part of the word.
    fn keeps(&self, c: char) -> bool {
        let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
        let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
        let lower = |x: Option<char>| x.is_some_and(char::is_lowercase);
        let upper = |x: Option<char>| x.is_some_and(char::is_uppercase);
        match c {
            // `1.5`, `U.S`, `Amazon.com`, but not a missing space
            // (`favorite.The`).
            '.' if self.prev.is_none() => digit(self.next),
            '.' => {
                alnum(self.prev)
                    && alnum(self.next)
                    && !(lower(self.prev)
                        && upper(self.next)
                        && lower(self.after_next)
                        && !self.domain_follows)
            }
            ',' | ':' => digit(self.prev) && digit(self.next),
            '-' | '‐' | '‑' => {
                self.numeric_glue
                    || (letter(self.prev)
                        && letter(self.next)
                        && self.word_before.len() <= 8
                        && is_hyphen_prefix(self.word_before))
            }
            // `9/11`, `1/2`, `b/c`, `w/o`.
            '/' => {
                (digit(self.prev) && digit(self.next))
                    || (letter(self.prev)
                        && letter(self.next)
                        && !letter(self.after_next)
                        && self.word_before.chars().nth(1).is_none())
            }
            '\'' | '’' | '`' => {
                (alnum(self.prev) && letter(self.next))
                    || (self.at_token_start && self.prev.is_none() && alnum(self.next))
            }
            '&' | '@' => {
                (alnum(self.prev) && alnum(self.next))
                    || (c == '@' && self.at_token_start && self.next.is_some_and(is_word_char))
            }
            '#' => self.at_token_start && self.next.is_some_and(char::is_alphabetic),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .spans
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn gaps_record_line_and_paragraph_breaks() {
        let t = tokenize("A b\nc\r\n\r\nd");
        assert_eq!(
            t.gaps,
            vec![Gap::Paragraph, Gap::Space, Gap::Line, Gap::Paragraph]
        );
        assert_eq!(words("Russia's"), ["Russia", "'s"]);
    }
}
