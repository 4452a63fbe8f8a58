//! Names right after a person title (`Prime Minister Rehana Akhter`,
//! `Foreign Minister Selim Arslan`), which news text uses for nearly every
//! official it names, and which the model, trained on encyclopedic and web
//! text, misses when the name itself is unfamiliar.
//!
//! A run of capitalized words right after the last word of a title, and
//! not covered by the model's entities or by the actor dictionary, is a
//! person: at most [`MAX_NAME_TOKENS`] words, with lowercase name particles
//! (`al`, `bin`, `van`, ...) allowed between capitalized ones.

use std::ops::Range;

use super::features::{DictionaryBits, TITLE};

/// Longest name taken after a title.
pub const MAX_NAME_TOKENS: usize = 4;

/// Score given to a title-led name.
pub const TITLED_SCORE: f32 = 0.6;

/// Dictionary bits that make a word part of another name: any actor kind
/// (begin and inside bits), an institution, another gazetteer name, or a
/// title.
const OTHER_NAME_BITS: DictionaryBits = (1 << 19) - 1;

/// Lowercase particles inside personal names.
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "bint", "de", "del", "della", "da", "di", "van", "von", "der", "den", "le",
    "la", "el", "dos", "du",
];

/// Token ranges of the names that follow a title in one sentence.
/// `taken[i]` says that token `i` is already in an entity.
pub fn titled_names(words: &[&str], bits: &[DictionaryBits], taken: &[bool]) -> Vec<Range<usize>> {
    let is_title = |i: usize| bits.get(i).is_some_and(|b| b & TITLE != 0);
    let capitalized = |i: usize| {
        words[i].chars().next().is_some_and(char::is_uppercase)
            && words[i].chars().any(char::is_alphabetic)
            && words[i]
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    let free = |i: usize| !taken[i] && bits.get(i).is_none_or(|b| b & OTHER_NAME_BITS == 0);
    let mut names = Vec::new();
    for last_title in 0..words.len() {
        if !is_title(last_title) || is_title(last_title + 1) {
            continue;
        }
        let start = last_title + 1;
        let mut end = start;
        let mut at = start;
        while at < words.len() && at < start + MAX_NAME_TOKENS + 1 {
            if capitalized(at) && free(at) {
                at += 1;
                end = at;
            } else if at > start
                && PARTICLES.contains(&words[at].to_lowercase().trim_end_matches('-'))
                && free(at)
            {
                at += 1;
            } else {
                break;
            }
        }
        if end > start && end - start <= MAX_NAME_TOKENS {
            names.push(start..end);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str, titles: &[usize], taken: &[usize]) -> Vec<String> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut bits = vec![0; words.len()];
        for &t in titles {
            bits[t] |= TITLE;
        }
        let mut covered = vec![false; words.len()];
        for &t in taken {
            covered[t] = true;
        }
        titled_names(&words, &bits, &covered)
            .into_iter()
            .map(|r| words[r].join(" "))
            .collect()
    }

    #[test]
    fn the_capitalized_words_after_a_title_are_a_name() {
        assert_eq!(
            names(
                "Prime Minister Rehana Akhter imposed a curfew .",
                &[0, 1],
                &[]
            ),
            ["Rehana Akhter"]
        );
        assert_eq!(
            names("Foreign Minister Faisal bin Farhan spoke .", &[0, 1], &[]),
            ["Faisal bin Farhan"]
        );
        assert_eq!(names("said President Macron .", &[1], &[]), ["Macron"]);
    }

    #[test]
    fn no_name_without_a_capitalized_word_or_when_taken() {
        assert!(names("the Prime Minister said .", &[1, 2], &[]).is_empty());
        assert!(names("President Vladimir Putin said .", &[0], &[1, 2]).is_empty());
        assert!(names("Minister of the Interior said .", &[0], &[]).is_empty());
        // A particle alone does not end a name.
        assert!(names("Minister al .", &[0], &[]).is_empty());
        // Longer runs are not names of people.
        assert!(names("Minister A B C D E said", &[0], &[]).is_empty());
    }
}
