//! Per-token gazetteer features for model recognizers.

use super::actor_forms::ActorKind;

/// How a token relates to the gazetteer matches around it: for each
/// [`ActorKind`], and for named institutions and other names (regions,
/// peoples), whether a match of that class begins at the token or
/// continues through it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GazetteerTag {
    begin: u16,
    inside: u16,
}

/// Bit of a named institution (`Defense Ministry`).
const INSTITUTION: u16 = 1 << 8;
/// Bit of another name (`Red Sea`, `Rohingya`).
const OTHER: u16 = 1 << 9;

/// Feature names: `[B, I][class]`, classes in bit order.
const FEATURE_NAMES: [[&str; 10]; 2] = [
    [
        "B-country",
        "B-territory",
        "B-igo",
        "B-group",
        "B-seat",
        "B-capital",
        "B-city",
        "B-demonym",
        "B-institution",
        "B-other",
    ],
    [
        "I-country",
        "I-territory",
        "I-igo",
        "I-group",
        "I-seat",
        "I-capital",
        "I-city",
        "I-demonym",
        "I-institution",
        "I-other",
    ],
];

/// What a match contributes to the tags of its tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct TagClasses(u16);

impl TagClasses {
    /// The kinds of an actor form's meanings.
    pub fn actor(kinds: impl IntoIterator<Item = ActorKind>) -> Self {
        TagClasses(kinds.into_iter().fold(0, |bits, k| bits | 1 << k.index()))
    }

    /// A named institution.
    pub fn institution() -> Self {
        TagClasses(INSTITUTION)
    }

    /// Another name.
    pub fn other() -> Self {
        TagClasses(OTHER)
    }
}

impl GazetteerTag {
    /// Marks `tags` (the tokens of one match, in order) with `classes`.
    pub(super) fn mark(tags: &mut [GazetteerTag], classes: TagClasses) {
        if let Some((first, rest)) = tags.split_first_mut() {
            first.begin |= classes.0;
            for tag in rest {
                tag.inside |= classes.0;
            }
        }
    }

    /// Whether no match covers the token.
    pub fn is_empty(self) -> bool {
        self.begin == 0 && self.inside == 0
    }

    /// Whether a form of `kind` begins at the token.
    pub fn begins(self, kind: ActorKind) -> bool {
        self.begin & (1 << kind.index()) != 0
    }

    /// Whether a form of `kind` continues through the token (began earlier).
    pub fn inside(self, kind: ActorKind) -> bool {
        self.inside & (1 << kind.index()) != 0
    }

    /// Whether a named institution (`Defense Ministry`) covers the token.
    pub fn in_institution(self) -> bool {
        (self.begin | self.inside) & INSTITUTION != 0
    }

    /// Whether another name (`Red Sea`, `Rohingya`) covers the token.
    pub fn in_other_name(self) -> bool {
        (self.begin | self.inside) & OTHER != 0
    }

    /// Feature strings (`B-country`, `I-igo`, `B-institution`), begins
    /// first, each in the order of [`ActorKind::ALL`] then institution and
    /// other.
    pub fn features(self) -> impl Iterator<Item = &'static str> {
        [self.begin, self.inside]
            .into_iter()
            .zip(FEATURE_NAMES)
            .flat_map(|(bits, names)| {
                names
                    .into_iter()
                    .enumerate()
                    .filter(move |(i, _)| bits & (1 << i) != 0)
                    .map(|(_, name)| name)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_begin_then_inside() {
        let mut tags = [GazetteerTag::default(); 3];
        GazetteerTag::mark(
            &mut tags[..2],
            TagClasses::actor([ActorKind::Igo, ActorKind::Country]),
        );
        GazetteerTag::mark(&mut tags[1..], TagClasses::institution());
        let features: Vec<Vec<&str>> = tags.iter().map(|t| t.features().collect()).collect();
        assert_eq!(
            features,
            [
                vec!["B-country", "B-igo"],
                vec!["B-institution", "I-country", "I-igo"],
                vec!["I-institution"],
            ]
        );
        assert!(tags[0].begins(ActorKind::Igo));
        assert!(tags[1].inside(ActorKind::Country));
        assert!(tags[2].in_institution());
        assert!(!tags[2].in_other_name());
    }
}
