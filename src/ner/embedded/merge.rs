//! From model spans to entities: person titles trimmed, then the model's
//! entities merged with the actor dictionary's names.
//!
//! **Titles.** A person is given by the name only (CoNLL-2003, and the
//! project's fixture guidelines): a PER span loses everything up to its
//! last title word that a name follows (`U.S. Secretary of State Rebecca
//! Lang` → `Rebecca Lang`, `Egyptian Foreign Minister Omar Saleh` → `Omar
//! Saleh`). Title words are the dictionary's office titles and honorifics
//! ([`TITLE`] evidence). The country or nationality that was cut off is
//! then found by the dictionary (rule 3 below).
//!
//! **Possessives.** A span with `'s` inside is split there (`Azerbaijan's
//! Defense Ministry` → `Azerbaijan` + `Defense Ministry`), as the
//! guidelines exclude the possessive from names.
//!
//! **Dictionary.** The model finds names; the dictionary knows what some
//! of them are (`Baku` → `AZEGOV`, canonical `Baku`). Only names the
//! dictionary is fairly sure of take part (score at least [`SURE_SCORE`]:
//! this leaves out forms several actors share):
//!
//! 1. **Same span.** When a dictionary name covers exactly the model
//!    entity's tokens, the dictionary's label wins and the entity gets the
//!    name's `code` and `canonical`: a country, capital, IGO or
//!    nationality is not a person (`Greece` is LOC, `Americans` MISC, a
//!    dateline's `MANILA` LOC even where the model said otherwise).
//! 2. **Containment.** A dictionary name that contains model entities and
//!    is longer than each replaces them (the longest name wins:
//!    `Organization for Security and Co-operation in Europe` is one ORG,
//!    not `Organization for Security` + `Europe`). A dictionary name inside
//!    a model entity, or crossing one, gives way to the model's span
//!    (`U.S. Congress` stays one ORG).
//! 3. **Dictionary only.** A name no model entity overlaps is added, with
//!    source `gazetteer`.
//!
//! The result is in text order and non-overlapping.

use crate::doc::{Entity, EntityLabel};

use super::features::{DictionaryBits, TITLE};
use super::tags::TokenSpan;

/// Lowest dictionary score at which a name takes part in the merge.
pub const SURE_SCORE: f32 = 0.8;

/// A PER span without the titles before the name (`None` if only titles
/// remain); `bits` are the sentence's dictionary evidence.
pub fn trim_titles(span: TokenSpan, bits: &[DictionaryBits]) -> Option<TokenSpan> {
    if span.label != EntityLabel::Per {
        return Some(span);
    }
    let is_title = |i: usize| bits.get(i).is_some_and(|b| b & TITLE != 0);
    let tokens = span.tokens.clone();
    // The last title that a non-title token follows.
    let cut = tokens
        .clone()
        .rev()
        .skip(1)
        .find(|&i| is_title(i) && !is_title(i + 1));
    let start = cut.map_or(tokens.start, |i| i + 1);
    if tokens.clone().skip(start - tokens.start).all(is_title) {
        return None;
    }
    Some(TokenSpan {
        tokens: start..tokens.end,
        label: span.label,
    })
}

/// A span split at possessive `'s` tokens inside it (`Azerbaijan 's
/// Defense Ministry` → `Azerbaijan`, `Defense Ministry`): the possessive
/// is never part of a name, and the parts are names of their own. Each
/// part keeps the span's label; the dictionary may relabel it.
pub fn split_possessives(span: TokenSpan, words: &[&str]) -> Vec<TokenSpan> {
    let is_possessive = |i: usize| matches!(words.get(i), Some(&"'s" | &"’s"));
    let mut parts = Vec::new();
    let mut start = span.tokens.start;
    for i in span.tokens.clone() {
        if is_possessive(i) {
            if start < i {
                parts.push(TokenSpan {
                    tokens: start..i,
                    label: span.label,
                });
            }
            start = i + 1;
        }
    }
    if start < span.tokens.end {
        parts.push(TokenSpan {
            tokens: start..span.tokens.end,
            label: span.label,
        });
    }
    parts
}

/// Merges model entities with dictionary entities (both in text order and
/// non-overlapping among themselves).
pub fn merge_with_dictionary(model: Vec<Entity>, dictionary: Vec<Entity>) -> Vec<Entity> {
    let mut kept: Vec<Option<Entity>> = model.into_iter().map(Some).collect();
    let mut added: Vec<Entity> = Vec::new();
    for name in dictionary.into_iter().filter(|n| n.score >= SURE_SCORE) {
        // Model entities overlapping the name (model entities are sorted
        // and disjoint, so they form one run, which ends before the first
        // entity starting after the name).
        let first = kept.partition_point(|e| {
            e.as_ref().is_some_and(|e| e.span.end <= name.span.start) || e.is_none()
        });
        let overlapping: Vec<usize> = (first..kept.len())
            .take_while(|&i| {
                kept[i]
                    .as_ref()
                    .is_none_or(|e| e.span.start < name.span.end)
            })
            .filter(|&i| {
                kept[i]
                    .as_ref()
                    .is_some_and(|e| e.span.overlaps(&name.span))
            })
            .collect();
        match overlapping.as_slice() {
            [] => added.push(name),
            [i] if kept[*i].as_ref().is_some_and(|e| e.span == name.span) => {
                if let Some(entity) = kept[*i].as_mut() {
                    entity.label = name.label;
                    entity.code = name.code;
                    entity.canonical = name.canonical;
                }
            }
            held if held.iter().all(|&i| {
                kept[i]
                    .as_ref()
                    .is_some_and(|e| name.span.contains(&e.span) && e.span != name.span)
            }) =>
            {
                for &i in held {
                    kept[i] = None;
                }
                added.push(name);
            }
            _ => {}
        }
    }
    let mut out: Vec<Entity> = kept.into_iter().flatten().chain(added).collect();
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Span;

    fn entity(
        start: usize,
        end: usize,
        label: EntityLabel,
        score: f32,
        source: &'static str,
    ) -> Entity {
        Entity {
            span: Span::new(start, end),
            sentence: 0,
            label,
            score,
            source,
            code: (source == "gazetteer").then(|| format!("C{start}")),
            canonical: (source == "gazetteer").then(|| format!("N{start}")),
        }
    }

    fn model(start: usize, end: usize, label: EntityLabel) -> Entity {
        entity(start, end, label, 0.9, "embedded")
    }

    fn name(start: usize, end: usize, label: EntityLabel, score: f32) -> Entity {
        entity(start, end, label, score, "gazetteer")
    }

    fn summary(out: &[Entity]) -> Vec<(usize, usize, EntityLabel, &str, Option<&str>)> {
        out.iter()
            .map(|e| {
                (
                    e.span.start,
                    e.span.end,
                    e.label,
                    e.source,
                    e.code.as_deref(),
                )
            })
            .collect()
    }

    #[test]
    fn same_span_takes_the_dictionary_label_and_code() {
        use EntityLabel::*;
        let out = merge_with_dictionary(
            vec![model(0, 4, Loc), model(10, 16, Per), model(20, 26, Per)],
            vec![
                name(0, 4, Loc, 1.0),
                name(10, 16, Loc, 0.8),
                name(20, 26, Loc, 0.5),
            ],
        );
        assert_eq!(
            summary(&out),
            [
                (0, 4, Loc, "embedded", Some("C0")),
                (10, 16, Loc, "embedded", Some("C10")),
                (20, 26, Per, "embedded", None),
            ]
        );
    }

    #[test]
    fn the_longest_name_wins_and_missed_names_are_added() {
        use EntityLabel::*;
        let out = merge_with_dictionary(
            vec![model(5, 18, Org), model(30, 42, Org), model(46, 52, Loc)],
            vec![
                name(0, 3, Loc, 1.0),
                name(5, 9, Loc, 1.0),
                name(20, 24, Loc, 0.5),
                name(30, 52, Org, 1.0),
                name(60, 65, Misc, 0.8),
            ],
        );
        assert_eq!(
            summary(&out),
            [
                (0, 3, Loc, "gazetteer", Some("C0")),
                (5, 18, Org, "embedded", None),
                (30, 52, Org, "gazetteer", Some("C30")),
                (60, 65, Misc, "gazetteer", Some("C60")),
            ]
        );
    }

    #[test]
    fn possessives_split_spans() {
        let words = ["Azerbaijan", "'s", "Defense", "Ministry", "Macy", "’s"];
        let span = |s: usize, e: usize| TokenSpan {
            tokens: s..e,
            label: EntityLabel::Org,
        };
        assert_eq!(
            split_possessives(span(0, 4), &words),
            vec![span(0, 1), span(2, 4)]
        );
        assert_eq!(split_possessives(span(4, 6), &words), vec![span(4, 5)]);
        assert_eq!(split_possessives(span(2, 4), &words), vec![span(2, 4)]);
    }

    #[test]
    fn titles_are_trimmed_from_persons_only() {
        use EntityLabel::*;
        let span = |s: usize, e: usize, label| TokenSpan {
            tokens: s..e,
            label,
        };
        // U.S. Secretary of State Rebecca Lang , John Major
        let bits = [0, TITLE, TITLE, TITLE, 0, 0, 0, 0, TITLE];
        assert_eq!(trim_titles(span(0, 6, Per), &bits), Some(span(4, 6, Per)));
        assert_eq!(trim_titles(span(7, 9, Per), &bits), Some(span(7, 9, Per)));
        assert_eq!(trim_titles(span(1, 4, Per), &bits), None);
        assert_eq!(trim_titles(span(0, 6, Org), &bits), Some(span(0, 6, Org)));
    }
}
