//! Whole-word shapes that decide how a chunk is split: abbreviations,
//! URLs and e-mail addresses, phone numbers, list numbers, emoticons.

use super::chars::is_separator;
use super::lexicon::{abbreviation, Abbreviation};

/// Whether `word` keeps a period written after it: it is an abbreviation,
/// and one that only precedes numbers (`No.`) has a number after it.
pub(crate) fn keeps_period(word: &str, next: impl FnOnce() -> Option<char>) -> bool {
    if !is_abbreviation(word) {
        return false;
    }
    abbreviation(word) != Some(Abbreviation::BeforeNumber)
        || next().is_some_and(|c| c.is_ascii_digit() || c == '#')
}

/// The first character after `end` that is not a separator.
pub(crate) fn next_visible(text: &str, end: usize) -> Option<char> {
    text[end..].chars().find(|&c| !is_separator(c))
}

/// Whether `word` (before a final hyphen) is a word broken off in speech:
/// one to three letters.
pub(crate) fn is_cut_off_word(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Common top-level domains, which a capital after a period does not
/// turn into a new sentence (`Newsfeed.Com`).
pub(crate) fn is_top_level_domain(letters: &str) -> bool {
    let mut buf = [0u8; 4];
    if letters.len() > buf.len() || !letters.is_ascii() {
        return false;
    }
    for (slot, b) in buf.iter_mut().zip(letters.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    matches!(
        &buf[..letters.len()],
        b"com" | b"org" | b"net" | b"gov" | b"edu" | b"info" | b"biz" | b"co" | b"uk" | b"io"
    )
}

/// A list number at the start of a line (`1.`, `12.`).
pub(crate) fn is_list_number(chunk: &str) -> bool {
    chunk
        .strip_suffix('.')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Emoticons written as one chunk (`:)`, `:-(`, `;)`, `:P`).
pub(crate) fn is_emoticon(chunk: &str) -> bool {
    matches!(
        chunk,
        ":)" | ":-)"
            | ":("
            | ":-("
            | ";)"
            | ";-)"
            | ":P"
            | ":-P"
            | ":p"
            | ":D"
            | ":-D"
            | ":/"
            | ":-/"
            | ":'("
            | ":o"
            | ":O"
            | "=)"
            | "(:"
            | "<3"
            | ":]"
            | ":|"
            | "^^"
            | "^_^"
    )
}

/// Whether `word` followed by a period is an abbreviation that keeps it:
/// a listed one (`Mr`, `Jan`, `etc`), a single letter (`J`), or letters
/// in groups of one or two joined by periods (`U.S`, `a.m`, `Ph.D`).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if abbreviation(word).is_some() {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    let mut groups = 0;
    for group in word.split('.') {
        let n = group.chars().count();
        if !(1..=2).contains(&n) || !group.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// URLs and e-mail addresses stay one token.
pub(crate) fn is_url_or_email(core: &str) -> bool {
    let bytes = core.as_bytes();
    if bytes.len() < 5 {
        return false;
    }
    if core.contains("://") {
        return true;
    }
    if bytes.len() > 4 && bytes[..4].eq_ignore_ascii_case(b"www.") {
        return true;
    }
    match core.find('@') {
        Some(at) if at > 0 => core[at + 1..]
            .find('.')
            .is_some_and(|dot| dot > 0 && at + 1 + dot + 1 < core.len()),
        _ => false,
    }
}

/// Phone numbers and numeric dates (`713-853-3989`, `11-20-2000`,
/// `555-0199`) stay whole; other number ranges (`15-20`) are split.
pub(crate) fn is_numeric_code(word: &str) -> bool {
    let mut groups = 1;
    let mut group_len = 0;
    let mut lens = [0usize; 2];
    for &b in word.as_bytes() {
        match b {
            b'0'..=b'9' => group_len += 1,
            b'-' | b'.' | b'/' => {
                if group_len == 0 {
                    return false;
                }
                if groups <= 2 {
                    lens[groups - 1] = group_len;
                }
                groups += 1;
                group_len = 0;
            }
            _ => return false,
        }
    }
    if group_len == 0 {
        return false;
    }
    groups >= 3 || (groups == 2 && lens[0] == 3 && group_len == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_shapes() {
        for yes in ["U.S", "a.m", "Ph.D", "J", "Mr", "etc", "D.C"] {
            assert!(is_abbreviation(yes), "{yes}");
        }
        for no in ["", "alt.religion", "said", "U.S.", "1"] {
            assert!(!is_abbreviation(no), "{no}");
        }
    }

    #[test]
    fn numeric_codes() {
        assert!(is_numeric_code("713-853-3989"));
        assert!(is_numeric_code("555-0199"));
        assert!(is_numeric_code("11/20/2000"));
        assert!(!is_numeric_code("15-20"));
        assert!(!is_numeric_code("1776-77"));
    }
}
