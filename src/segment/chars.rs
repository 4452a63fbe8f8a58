//! Character classes the segmenter decides by, and cheap decoding at byte
//! offsets (the segmenter walks byte offsets so that it never allocates
//! per character).

/// The character starting at byte `i` of `s`; `i` must be a character
/// boundary inside `s`.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\0')
}

/// The character ending at byte `i` of `s`, if any.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// What a run of separator characters between two tokens holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Nothing: the token is glued to the one before (`Russia` `'s`).
    #[default]
    None,
    /// Spaces or tabs.
    Space,
    /// One line break.
    Line,
    /// A blank line (or more), a paragraph separator, or the start of the
    /// text.
    Paragraph,
}

/// Whether `c` separates tokens and never belongs to one: white space,
/// control characters, and invisible format characters.
#[inline]
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}')
}

/// How many line breaks a separator character counts for: 1 for a line
/// break, 2 for a paragraph separator, 0 otherwise. A `\r` directly before
/// `\n` is counted by the `\n`.
#[inline]
pub(crate) fn line_breaks(c: char, next_byte: Option<u8>) -> u32 {
    match c {
        '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
        '\r' if next_byte != Some(b'\n') => 1,
        '\u{2029}' => 2,
        _ => 0,
    }
}

/// Characters that attach to the character before them: combining marks,
/// joiners, variation selectors and emoji modifiers.
#[inline]
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Letters, digits, `_` and characters that join them: the stuff of words.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || is_joiner(c)
    }
}

/// Characters that end a sentence; runs of them form one token (`?!`, `...`).
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

/// Apostrophes, straight and typographic (also used as single quotes).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')
}

/// Hyphens and dashes.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⸺' | '⸻')
}

/// Punctuation that closes a quotation or bracket.
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '›' | '〉' | '」' | '』' | '）' | '］'
    )
}

/// How punctuation characters group into one token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Two or more periods: an ellipsis (`...`), apart from `?` or `!`.
    Dots,
    /// Other terminal marks run together (`?!`, `!!!`, `.?`).
    Terminal,
    /// Quote marks made of apostrophes run together (`''`, `‘’`).
    Quotes,
    /// Brackets and double quotes stand alone.
    Alone,
    /// Anything else runs with copies of itself (`--`, `**`).
    Same(char),
}

fn run_kind(c: char, neighbour: Option<char>) -> Run {
    if c == '.' && neighbour == Some('.') {
        Run::Dots
    } else if is_terminal(c) {
        Run::Terminal
    } else if is_apostrophe(c) {
        Run::Quotes
    } else if matches!(
        c,
        '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”' | '«' | '»'
    ) {
        Run::Alone
    } else {
        Run::Same(c)
    }
}

/// Whether `d` continues a run of `kind`; `after` is the character beyond
/// `d` in the direction of travel.
fn continues(kind: Run, d: char, after: Option<char>) -> bool {
    match kind {
        Run::Dots => d == '.',
        // A terminal run stops before an ellipsis: `...?` is `...` `?`.
        Run::Terminal => is_terminal(d) && !(d == '.' && after == Some('.')),
        Run::Quotes => is_apostrophe(d),
        Run::Alone => false,
        Run::Same(c) => d == c,
    }
}

/// Where a run of punctuation starting with `c` at byte `i` ends, within
/// `..end` (see [`Run`] for what runs together).
pub(crate) fn run_end(s: &str, i: usize, end: usize, c: char) -> usize {
    let mut j = i + c.len_utf8();
    let peek = |j: usize| (j < end).then(|| char_at(s, j));
    let kind = run_kind(c, peek(j));
    while let Some(d) = peek(j) {
        if !continues(kind, d, peek(j + d.len_utf8())) {
            break;
        }
        j += d.len_utf8();
    }
    j
}

/// Where a run of punctuation ending with `c` at byte `i` starts, within
/// `start..`.
pub(crate) fn run_start(s: &str, start: usize, i: usize, c: char) -> usize {
    let mut j = i - c.len_utf8();
    let peek = |j: usize| (j > start).then(|| char_before(s, j)).flatten();
    let kind = run_kind(c, peek(j));
    while let Some(d) = peek(j) {
        if !continues(kind, d, peek(j - d.len_utf8())) {
            break;
        }
        j -= d.len_utf8();
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_group_terminal_marks_and_repeats() {
        let s = "a?!.b--c";
        assert_eq!(run_end(s, 1, s.len(), '?'), 4);
        assert_eq!(run_end(s, 5, s.len(), '-'), 7);
        assert_eq!(run_start(s, 0, 4, '.'), 1);
        assert_eq!(run_start(s, 0, 7, '-'), 5);
    }

    #[test]
    fn ellipses_brackets_and_quote_runs() {
        let s = "...?))''";
        assert_eq!(run_end(s, 0, s.len(), '.'), 3);
        assert_eq!(run_start(s, 0, 4, '?'), 3);
        assert_eq!(run_end(s, 4, s.len(), ')'), 5);
        assert_eq!(run_start(s, 0, s.len(), '\''), 6);
    }

    #[test]
    fn separators_and_breaks() {
        assert!(is_separator('\u{A0}') && is_separator('\u{0}') && is_separator('\u{FEFF}'));
        assert!(!is_separator('a') && !is_separator('\u{00AD}'));
        assert_eq!(line_breaks('\r', Some(b'\n')), 0);
        assert_eq!(line_breaks('\r', Some(b'x')), 1);
        assert_eq!(line_breaks('\u{2029}', None), 2);
    }
}
