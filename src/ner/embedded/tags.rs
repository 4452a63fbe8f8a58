//! The BILOU tag scheme: entity spans as one tag per token, the transitions
//! a well-formed sequence may take, and the conversions both ways.
//!
//! A span of one token is `U-X`; a longer one is `B-X`, any number of
//! `I-X`, then `L-X`; tokens outside every span are `O`. BILOU makes the
//! end of an entity a decision of its own, which first-order decoding
//! uses well (`L` cannot be followed by `I`).

use std::ops::Range;

use crate::doc::EntityLabel;
use crate::error::{Error, Location, Result};

/// Position of a token within its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// First token of a multi-token entity.
    Begin,
    /// Neither first nor last.
    Inside,
    /// Last token of a multi-token entity.
    Last,
    /// The only token of a one-token entity.
    Unit,
}

/// One BILOU tag: outside, or a part of an entity of some label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside every entity.
    Outside,
    /// Part of an entity.
    Entity(Part, EntityLabel),
}

/// Number of tags: `O` plus four parts for each of the four labels.
pub const TAG_COUNT: usize = 1 + 4 * EntityLabel::ALL.len();

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

impl Tag {
    /// The tag's index in `0..TAG_COUNT`: `O` is 0, then `B I L U` of
    /// each label in [`EntityLabel::ALL`] order.
    pub fn index(self) -> usize {
        match self {
            Tag::Outside => 0,
            Tag::Entity(part, label) => 1 + 4 * label_index(label) + part_index(part),
        }
    }

    /// The tag with index `index`, if in range.
    pub fn from_index(index: usize) -> Option<Tag> {
        if index == 0 {
            return Some(Tag::Outside);
        }
        let label = *EntityLabel::ALL.get((index - 1) / 4)?;
        Some(Tag::Entity(PARTS[(index - 1) % 4], label))
    }

    /// Every tag, in index order.
    pub fn all() -> impl Iterator<Item = Tag> {
        (0..TAG_COUNT).filter_map(Tag::from_index)
    }

    /// The tag as written in model files and messages (`O`, `B-PER`, `U-LOC`).
    pub fn name(self) -> String {
        match self {
            Tag::Outside => "O".to_string(),
            Tag::Entity(part, label) => {
                let p = match part {
                    Part::Begin => 'B',
                    Part::Inside => 'I',
                    Part::Last => 'L',
                    Part::Unit => 'U',
                };
                format!("{p}-{label}")
            }
        }
    }

    /// Whether a sentence may start with this tag.
    pub fn can_start(self) -> bool {
        !matches!(self, Tag::Entity(Part::Inside | Part::Last, _))
    }

    /// Whether a sentence may end with this tag.
    pub fn can_end(self) -> bool {
        !matches!(self, Tag::Entity(Part::Begin | Part::Inside, _))
    }

    /// Whether `next` may follow this tag.
    pub fn can_precede(self, next: Tag) -> bool {
        match self {
            // An open entity continues with the same label.
            Tag::Entity(Part::Begin | Part::Inside, label) => {
                matches!(next, Tag::Entity(Part::Inside | Part::Last, l) if l == label)
            }
            // Anything closed is followed by a fresh start.
            _ => next.can_start(),
        }
    }
}

fn label_index(label: EntityLabel) -> usize {
    EntityLabel::ALL
        .iter()
        .position(|&l| l == label)
        .unwrap_or(0)
}

fn part_index(part: Part) -> usize {
    PARTS.iter().position(|&p| p == part).unwrap_or(0)
}

/// A labelled run of tokens, `tokens` indexing the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenSpan {
    /// Token indices, end exclusive, never empty.
    pub tokens: Range<usize>,
    /// Entity type.
    pub label: EntityLabel,
}

/// The BILOU tags of `len` tokens carrying `spans`.
///
/// Fails when a span is empty, runs past the end, or overlaps another.
pub fn encode(spans: &[TokenSpan], len: usize) -> Result<Vec<Tag>> {
    let mut tags = vec![Tag::Outside; len];
    for span in spans {
        let Range { start, end } = span.tokens;
        if start >= end || end > len {
            return Err(Error::format(
                Location::new("BILOU encoding"),
                format!("span {start}..{end} does not fit a sentence of {len} tokens"),
            ));
        }
        if tags[start..end].iter().any(|&t| t != Tag::Outside) {
            return Err(Error::format(
                Location::new("BILOU encoding"),
                format!("span {start}..{end} overlaps another entity"),
            ));
        }
        if end - start == 1 {
            tags[start] = Tag::Entity(Part::Unit, span.label);
        } else {
            tags[start] = Tag::Entity(Part::Begin, span.label);
            for tag in &mut tags[start + 1..end - 1] {
                *tag = Tag::Entity(Part::Inside, span.label);
            }
            tags[end - 1] = Tag::Entity(Part::Last, span.label);
        }
    }
    Ok(tags)
}

/// The spans of a well-formed BILOU sequence.
///
/// A malformed sequence (an `I` or `L` without its `B`, a `B` left open, a
/// label change inside an entity) is an error naming the token position;
/// the decoder never produces one, so this only fails on outside input.
pub fn decode(tags: &[Tag]) -> Result<Vec<TokenSpan>> {
    let bad = |i: usize, msg: &str| {
        Error::format(
            Location::new("BILOU decoding"),
            format!("token {i}: {msg} ({})", tags[i].name()),
        )
    };
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        match (open, tag) {
            (None, Tag::Outside) => {}
            (None, Tag::Entity(Part::Unit, label)) => spans.push(TokenSpan {
                tokens: i..i + 1,
                label,
            }),
            (None, Tag::Entity(Part::Begin, label)) => open = Some((i, label)),
            (None, Tag::Entity(_, _)) => return Err(bad(i, "entity continues but never began")),
            (Some((_, l)), Tag::Entity(Part::Inside, label)) if l == label => {}
            (Some((start, l)), Tag::Entity(Part::Last, label)) if l == label => {
                spans.push(TokenSpan {
                    tokens: start..i + 1,
                    label,
                });
                open = None;
            }
            (Some(_), _) => return Err(bad(i, "entity left open")),
        }
    }
    if let Some((start, _)) = open {
        return Err(bad(start, "entity never ends"));
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    fn span(tokens: Range<usize>, label: EntityLabel) -> TokenSpan {
        TokenSpan { tokens, label }
    }

    fn names(tags: &[Tag]) -> Vec<String> {
        tags.iter().map(|t| t.name()).collect()
    }

    #[test]
    fn indices_round_trip_and_cover_every_tag() {
        let all: Vec<Tag> = Tag::all().collect();
        assert_eq!(all.len(), TAG_COUNT);
        for (i, tag) in all.iter().enumerate() {
            assert_eq!(tag.index(), i);
        }
        assert_eq!(Tag::from_index(TAG_COUNT), None);
        assert_eq!(all[1].name(), "B-PER");
        assert_eq!(all[TAG_COUNT - 1].name(), "U-MISC");
    }

    #[test]
    fn encodes_and_decodes_a_table_of_cases() {
        let cases: Vec<(usize, Vec<TokenSpan>, Vec<&str>)> = vec![
            (3, vec![], vec!["O", "O", "O"]),
            (2, vec![span(0..1, Loc)], vec!["U-LOC", "O"]),
            (
                5,
                vec![span(0..2, Per), span(2..3, Per), span(3..5, Org)],
                vec!["B-PER", "L-PER", "U-PER", "B-ORG", "L-ORG"],
            ),
            (
                4,
                vec![span(1..4, Misc)],
                vec!["O", "B-MISC", "I-MISC", "L-MISC"],
            ),
        ];
        for (len, spans, expected) in cases {
            let tags = encode(&spans, len).unwrap();
            assert_eq!(names(&tags), expected);
            assert_eq!(decode(&tags).unwrap(), spans);
        }
    }

    #[test]
    fn encoding_refuses_overlaps_and_overruns() {
        assert!(encode(&[span(0..2, Per), span(1..3, Org)], 3).is_err());
        assert!(encode(&[span(2..4, Per)], 3).is_err());
        assert!(encode(&[span(1..1, Per)], 3).is_err());
    }

    #[test]
    fn malformed_sequences_are_errors_with_a_position() {
        let i_per = Tag::Entity(Part::Inside, Per);
        let b_per = Tag::Entity(Part::Begin, Per);
        let l_org = Tag::Entity(Part::Last, Org);
        let e = decode(&[Tag::Outside, i_per]).unwrap_err();
        assert!(e.to_string().contains("token 1"), "{e}");
        assert!(decode(&[b_per, l_org]).is_err());
        assert!(decode(&[b_per]).is_err());
        assert!(decode(&[b_per, Tag::Outside]).is_err());
    }

    #[test]
    fn transitions_accept_exactly_the_decodable_pairs() {
        // A pair is allowed iff some well-formed sequence contains it.
        for a in Tag::all() {
            for b in Tag::all() {
                let mut seq = vec![a, b];
                // Close or open around the pair so only the pair can be wrong.
                if !a.can_start() {
                    if let Tag::Entity(_, l) = a {
                        seq.insert(0, Tag::Entity(Part::Begin, l));
                    }
                }
                if !b.can_end() {
                    if let Tag::Entity(_, l) = b {
                        seq.push(Tag::Entity(Part::Last, l));
                    }
                }
                assert_eq!(
                    a.can_precede(b),
                    decode(&seq).is_ok(),
                    "{} -> {}",
                    a.name(),
                    b.name()
                );
            }
        }
    }
}
