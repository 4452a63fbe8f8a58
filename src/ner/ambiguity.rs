//! Where an actor name in the text may not be the actor.
//!
//! Three lists, small on purpose, each about a way the gazetteer goes
//! wrong on news text:
//!
//! - names that are also common words, first names or other well-known
//!   places (`Turkey`, `Jordan`, `Georgia`): they still match, because in
//!   conflict and diplomacy news the actor reading is by far the most
//!   frequent, but with a lower score so a model or rule can overrule them;
//! - all-caps abbreviations that are English words (`IS`, `WHO`, `CAR`):
//!   in a headline written in capitals they are the word, so they match
//!   only in mixed-case text;
//! - names of other things that contain an actor name (`Latin America`,
//!   `South China Sea`, `Washington Post`): the gazetteer matches them as
//!   entities of their own label without an actor code, so that the
//!   longer name wins over the actor inside it.

use crate::doc::EntityLabel;

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

/// Names of places, media and other things that contain an actor name but
/// are not that actor, with their entity label.
pub(super) const NON_ACTOR_NAMES: &[(&str, EntityLabel)] = &[
    ("Latin America", EntityLabel::Loc),
    ("South America", EntityLabel::Loc),
    ("North America", EntityLabel::Loc),
    ("Central America", EntityLabel::Loc),
    ("Indian Ocean", EntityLabel::Loc),
    ("Indian Subcontinent", EntityLabel::Loc),
    ("South China Sea", EntityLabel::Loc),
    ("East China Sea", EntityLabel::Loc),
    ("Sea of Japan", EntityLabel::Loc),
    ("Gulf of Mexico", EntityLabel::Loc),
    ("Gulf of Guinea", EntityLabel::Loc),
    ("Gulf of Aden", EntityLabel::Loc),
    ("Irish Sea", EntityLabel::Loc),
    ("New Mexico", EntityLabel::Loc),
    ("New South Wales", EntityLabel::Loc),
    ("New Guinea", EntityLabel::Loc),
    ("North Pole", EntityLabel::Loc),
    ("South Pole", EntityLabel::Loc),
    ("Lake Chad", EntityLabel::Loc),
    ("Lake Victoria", EntityLabel::Loc),
    ("Congo River", EntityLabel::Loc),
    ("Congo Basin", EntityLabel::Loc),
    ("Jordan River", EntityLabel::Loc),
    ("British Columbia", EntityLabel::Loc),
    ("French Guiana", EntityLabel::Loc),
    ("French Polynesia", EntityLabel::Loc),
    ("Washington Post", EntityLabel::Org),
    ("New York Times", EntityLabel::Org),
    ("Moscow Times", EntityLabel::Org),
    ("Jerusalem Post", EntityLabel::Org),
    ("Tehran Times", EntityLabel::Org),
    ("Kyiv Independent", EntityLabel::Org),
    ("Turkish Airlines", EntityLabel::Org),
    ("Qatar Airways", EntityLabel::Org),
    ("Russian Orthodox Church", EntityLabel::Org),
    ("Ukrainian Orthodox Church", EntityLabel::Org),
    ("Paris Agreement", EntityLabel::Misc),
    ("Iranian Revolution", EntityLabel::Misc),
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
    fn non_actor_names_are_unique() {
        let mut names: Vec<&str> = NON_ACTOR_NAMES.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), NON_ACTOR_NAMES.len());
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
