//! Where an actor name in the text may not be the actor.
//!
//! Two lists, small on purpose, each about a way the gazetteer goes wrong
//! on news text:
//!
//! - names that are also common words, first names or other well-known
//!   places (`Turkey`, `Jordan`, `Georgia`): they still match, because in
//!   conflict and diplomacy news the actor reading is by far the most
//!   frequent, but with a lower score so a model or rule can overrule them;
//! - all-caps abbreviations that are English words (`IS`, `WHO`, `CAR`):
//!   in a headline written in capitals they are the word, so they match
//!   only in mixed-case text.
//!
//! Names that contain an actor's name but are not that actor (`Latin
//! America`) are listed in [`super::other_names`].

/// Lowercased actor names that are also common words or names; sorted
/// (checked by a test) for binary search.
const COMMON_WORDS: &[&str] = &[
    "america",
    "anchorage",
    "chad",
    "commonwealth",
    "congress",
    "cork",
    "darwin",
    "florence",
    "georgia",
    "guinea",
    "jordan",
    "kingston",
    "nice",
    "paris",
    "pole",
    "poles",
    "quad",
    "sake",
    "sydney",
    "turkey",
    "victoria",
    "wales",
    "washington",
];

/// All-caps abbreviations that read as English words in all-caps text;
/// lowercased and sorted. `US` is left out on purpose: in headlines it is
/// far more often the country than the pronoun.
const SHOUTED_WORDS: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "car", "do", "go", "he", "if", "in", "is", "it", "me",
    "my", "no", "of", "on", "or", "pace", "so", "spa", "to", "up", "we", "who",
];

/// Whether `form` (any case) is an actor name that is also a common word,
/// first name or other well-known place.
pub(super) fn is_common_word(form: &str) -> bool {
    COMMON_WORDS
        .binary_search(&form.to_lowercase().as_str())
        .is_ok()
}

/// Whether an all-caps `form` reads as an English word in all-caps text.
pub(super) fn is_shouted_word(form: &str) -> bool {
    SHOUTED_WORDS
        .binary_search(&form.to_lowercase().as_str())
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_lowercase_and_unique() {
        for list in [COMMON_WORDS, SHOUTED_WORDS] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
            }
            for word in list {
                assert_eq!(word.to_lowercase(), *word);
            }
        }
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(is_common_word("Turkey"));
        assert!(is_common_word("GEORGIA"));
        assert!(!is_common_word("Azerbaijan"));
        assert!(is_shouted_word("IS"));
        assert!(!is_shouted_word("US"));
    }
}
