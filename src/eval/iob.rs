//! From IOB tags to entity chunks, under the two readings in use.
//!
//! - [`Scheme::Conlleval`] reads tags the way `conlleval.pl` and seqeval's
//!   default mode do: an entity starts at `B-`, at `S-`, at an `I-` or `E-`
//!   after `O`, `E-` or `S-`, and wherever the type changes; so an `I-PER`
//!   after `O` is an entity and `B-PER I-LOC` is two.
//! - [`Scheme::Iob2`] and [`Scheme::Iobes`] are seqeval's strict mode
//!   (`mode="strict"`): an entity must start with `B-` (or `S-`) and
//!   continue with `I-` (and, in IOBES, end with `E-`) of the same type;
//!   tags that do not fit are dropped, so an `I-PER` after `O` is no entity
//!   and in `B-PER I-LOC` only `PER` remains.
//!
//! On well-formed IOB2 sequences the readings agree.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// How a sequence of tags is read into entities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// `conlleval.pl` and seqeval's default mode (lenient).
    #[default]
    Conlleval,
    /// seqeval strict mode with the IOB2 scheme (`B-` opens every entity).
    Iob2,
    /// seqeval strict mode with the IOBES scheme.
    Iobes,
}

impl Scheme {
    /// The name used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Conlleval => "conlleval",
            Scheme::Iob2 => "iob2",
            Scheme::Iobes => "iobes",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scheme {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "conlleval" | "default" | "lenient" => Ok(Scheme::Conlleval),
            "iob2" | "strict" => Ok(Scheme::Iob2),
            "iobes" => Ok(Scheme::Iobes),
            _ => Err(format!(
                "unknown tag scheme `{s}` (expected conlleval, iob2 or iobes)"
            )),
        }
    }
}

/// The position part of a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefix {
    /// Outside any entity.
    O,
    /// Begins an entity.
    B,
    /// Inside an entity.
    I,
    /// Ends an entity (IOBES).
    E,
    /// A one-token entity (IOBES).
    S,
}

/// A parsed tag: `O`, or a prefix and an entity type (`B-PER`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag<'t> {
    /// Position in the entity.
    pub prefix: Prefix,
    /// Entity type; empty for `O`.
    pub label: &'t str,
}

impl<'t> Tag<'t> {
    /// The outside tag.
    pub const OUTSIDE: Tag<'static> = Tag {
        prefix: Prefix::O,
        label: "",
    };

    /// Parses `O` or `X-TYPE` with `X` one of `B`, `I`, `E`, `S`.
    pub fn parse(tag: &'t str) -> Result<Tag<'t>, String> {
        if tag == "O" {
            return Ok(Tag::OUTSIDE);
        }
        let prefix = match tag.as_bytes().first() {
            Some(b'B') => Prefix::B,
            Some(b'I') => Prefix::I,
            Some(b'E') => Prefix::E,
            Some(b'S') => Prefix::S,
            _ => return Err(format!("`{tag}` is not an IOB tag (O, B-X, I-X, E-X, S-X)")),
        };
        match tag.get(1..2) {
            Some("-") if tag.len() > 2 => Ok(Tag {
                prefix,
                label: &tag[2..],
            }),
            _ => Err(format!("`{tag}` is not an IOB tag (O, B-X, I-X, E-X, S-X)")),
        }
    }

    /// Whether `tag` parses as an IOB tag.
    pub fn is_tag(tag: &str) -> bool {
        Tag::parse(tag).is_ok()
    }

    fn same_type(&self, other: &Tag<'_>) -> bool {
        self.label == other.label
    }
}

/// An entity read from tags: a type over tokens `start..end` of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk<'t> {
    /// Entity type.
    pub label: &'t str,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// The entities of one sentence's tags under a scheme. Fails on a tag
/// that is not an IOB tag, or on `E-`/`S-` under [`Scheme::Iob2`], naming
/// the token (0-based).
pub fn chunks<'t, S: AsRef<str>>(tags: &'t [S], scheme: Scheme) -> Result<Vec<Chunk<'t>>, String> {
    let mut parsed = Vec::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        let tag = Tag::parse(tag.as_ref()).map_err(|e| format!("token {}: {e}", i + 1))?;
        if scheme == Scheme::Iob2 && matches!(tag.prefix, Prefix::E | Prefix::S) {
            return Err(format!(
                "token {}: `{}-{}` is not an IOB2 tag (use the iobes or conlleval scheme)",
                i + 1,
                if tag.prefix == Prefix::E { 'E' } else { 'S' },
                tag.label
            ));
        }
        parsed.push(tag);
    }
    Ok(match scheme {
        Scheme::Conlleval => conlleval_chunks(&parsed),
        Scheme::Iob2 | Scheme::Iobes => strict_chunks(&parsed, scheme),
    })
}

/// The chunking of `conlleval.pl` (`endOfChunk` / `startOfChunk`), which
/// seqeval's default mode follows.
fn conlleval_chunks<'t>(tags: &[Tag<'t>]) -> Vec<Chunk<'t>> {
    use Prefix::*;
    let mut out = Vec::new();
    let mut prev = Tag::OUTSIDE;
    let mut begin = 0;
    for i in 0..=tags.len() {
        let tag = tags.get(i).copied().unwrap_or(Tag::OUTSIDE);
        let type_changed = !prev.same_type(&tag);
        let ends = matches!(prev.prefix, E | S)
            || (matches!(prev.prefix, B | I) && matches!(tag.prefix, B | S | O))
            || (prev.prefix != O && type_changed);
        let starts = matches!(tag.prefix, B | S)
            || (matches!(prev.prefix, E | S | O) && matches!(tag.prefix, E | I))
            || (tag.prefix != O && type_changed);
        if ends {
            out.push(Chunk {
                label: prev.label,
                start: begin,
                end: i,
            });
        }
        if starts {
            begin = i;
        }
        prev = tag;
    }
    out
}

/// seqeval's strict reading (`seqeval.scheme.Tokens.entities`): an entity
/// opens on a start pattern, extends while the inside pattern holds, and
/// counts only if the token after it closes it by an end pattern.
fn strict_chunks<'t>(tags: &[Tag<'t>], scheme: Scheme) -> Vec<Chunk<'t>> {
    let at = |i: usize| tags.get(i).copied().unwrap_or(Tag::OUTSIDE);
    let mut out = Vec::new();
    let mut i = 0;
    // The start patterns of IOB2 and IOBES accept any previous tag, so
    // unlike seqeval the loop need not track it.
    while i <= tags.len() {
        let tag = at(i);
        if is_start(tag, scheme) {
            let mut end = i + 1;
            let mut last = tag;
            while end <= tags.len() && is_inside(last, at(end), scheme) {
                last = at(end);
                end += 1;
            }
            if is_end(at(end - 1), at(end), scheme) {
                out.push(Chunk {
                    label: tag.label,
                    start: i,
                    end,
                });
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn is_start(tag: Tag<'_>, scheme: Scheme) -> bool {
    match scheme {
        Scheme::Iobes => matches!(tag.prefix, Prefix::B | Prefix::S),
        _ => tag.prefix == Prefix::B,
    }
}

fn is_inside(prev: Tag<'_>, tag: Tag<'_>, scheme: Scheme) -> bool {
    let continues = match scheme {
        Scheme::Iobes => matches!(tag.prefix, Prefix::I | Prefix::E),
        _ => tag.prefix == Prefix::I,
    };
    matches!(prev.prefix, Prefix::B | Prefix::I) && continues && prev.same_type(&tag)
}

fn is_end(prev: Tag<'_>, tag: Tag<'_>, scheme: Scheme) -> bool {
    match scheme {
        Scheme::Iobes => matches!(prev.prefix, Prefix::E | Prefix::S),
        _ => {
            matches!(prev.prefix, Prefix::B | Prefix::I)
                && (matches!(tag.prefix, Prefix::O | Prefix::B)
                    || (tag.prefix == Prefix::I && !prev.same_type(&tag)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(tags: &str, scheme: Scheme) -> Vec<(String, usize, usize)> {
        let tags: Vec<&str> = tags.split_whitespace().collect();
        chunks(&tags, scheme)
            .unwrap()
            .into_iter()
            .map(|c| (c.label.to_string(), c.start, c.end))
            .collect()
    }

    fn e(label: &str, start: usize, end: usize) -> (String, usize, usize) {
        (label.to_string(), start, end)
    }

    #[test]
    fn well_formed_iob2_reads_the_same_under_every_scheme() {
        let tags = "B-PER I-PER O B-LOC B-LOC I-LOC O B-ORG";
        let expected = vec![
            e("PER", 0, 2),
            e("LOC", 3, 4),
            e("LOC", 4, 6),
            e("ORG", 7, 8),
        ];
        assert_eq!(spans(tags, Scheme::Conlleval), expected);
        assert_eq!(spans(tags, Scheme::Iob2), expected);
    }

    #[test]
    fn schemes_differ_on_ill_formed_sequences() {
        // (tags, conlleval, iob2)
        let cases = [
            ("O I-PER I-PER O", vec![e("PER", 1, 3)], vec![]),
            (
                "B-PER I-LOC O",
                vec![e("PER", 0, 1), e("LOC", 1, 2)],
                vec![e("PER", 0, 1)],
            ),
            (
                "B-PER I-PER I-LOC I-LOC",
                vec![e("PER", 0, 2), e("LOC", 2, 4)],
                vec![e("PER", 0, 2)],
            ),
            ("I-ORG", vec![e("ORG", 0, 1)], vec![]),
            (
                "B-ORG O I-ORG B-ORG",
                vec![e("ORG", 0, 1), e("ORG", 2, 3), e("ORG", 3, 4)],
                vec![e("ORG", 0, 1), e("ORG", 3, 4)],
            ),
        ];
        for (tags, lenient, strict) in cases {
            assert_eq!(spans(tags, Scheme::Conlleval), lenient, "conlleval: {tags}");
            assert_eq!(spans(tags, Scheme::Iob2), strict, "iob2: {tags}");
        }
    }

    #[test]
    fn iobes_needs_a_closing_tag_in_strict_mode() {
        assert_eq!(
            spans("B-PER E-PER S-LOC B-ORG I-ORG O", Scheme::Iobes),
            vec![e("PER", 0, 2), e("LOC", 2, 3)]
        );
        assert_eq!(
            spans("B-PER E-PER S-LOC B-ORG I-ORG O", Scheme::Conlleval),
            vec![e("PER", 0, 2), e("LOC", 2, 3), e("ORG", 3, 5)]
        );
    }

    #[test]
    fn bad_tags_are_errors_with_the_token() {
        let err = chunks(&["O", "PER"], Scheme::Conlleval).unwrap_err();
        assert!(err.starts_with("token 2:"), "{err}");
        assert!(chunks(&["B-"], Scheme::Conlleval).is_err());
        assert!(chunks(&["S-PER"], Scheme::Iob2).is_err());
        assert!(chunks(&["S-PER"], Scheme::Conlleval).is_ok());
    }

    #[test]
    fn types_may_contain_dashes() {
        assert_eq!(
            spans("B-WORK-OF-ART I-WORK-OF-ART", Scheme::Iob2),
            vec![e("WORK-OF-ART", 0, 2)]
        );
    }

    #[test]
    fn empty_sentence_has_no_chunks() {
        assert!(spans("", Scheme::Conlleval).is_empty());
        assert!(spans("", Scheme::Iob2).is_empty());
    }
}
