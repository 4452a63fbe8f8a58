//! Merging the model's entities with the actor dictionary's matches.
//!
//! The model finds names; the dictionary knows what some of them are
//! (`Baku` → `AZEGOV`, canonical `Baku`). The rule, applied per model
//! entity and per dictionary match:
//!
//! 1. **Same span.** When a dictionary name covers exactly the model
//!    entity's tokens, the entity gets the name's `code` and `canonical`.
//!    If the labels differ, the dictionary's label wins when the
//!    dictionary is sure of the name (score 1.0: written as the dictionary
//!    writes it, one meaning, not also a common word), since a curated
//!    country, capital or organisation is not a person (`Greece` is LOC
//!    even where the model said PER); otherwise the model's label stands
//!    and the entity gets no code, because the code belongs to the
//!    dictionary's reading of the name (`Jordan` the person has no
//!    country code).
//! 2. **Overlap.** A dictionary name that overlaps a model entity without
//!    matching its span is dropped: the model's span is kept as found
//!    (`U.S. Congress` stays one ORG; the country inside it is not added).
//! 3. **Dictionary only.** A dictionary name no model entity overlaps is
//!    added with source `gazetteer` when its score is at least
//!    [`ADD_SCORE`] (the model missed a name the dictionary is sure of);
//!    ambiguous forms (`Chad`, `Turkey` at 0.8, shared forms at 0.5) are
//!    left to the model.
//!
//! The result is in text order and non-overlapping.

use crate::doc::Entity;

/// Lowest dictionary score at which a name the model missed is added.
pub const ADD_SCORE: f32 = 0.9;

/// Score at which the dictionary's label overrides the model's.
pub const OVERRIDE_SCORE: f32 = 1.0;

/// Merges model entities with dictionary entities (both in text order and
/// non-overlapping among themselves).
pub fn merge_with_dictionary(model: Vec<Entity>, dictionary: Vec<Entity>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(model.len() + dictionary.len());
    let mut names = dictionary.into_iter().peekable();
    for mut entity in model {
        // Dictionary names that end before this entity start are kept if
        // they overlap nothing, which they cannot (the previous entity
        // consumed the ones it overlapped).
        while let Some(name) = names.next_if(|n| n.span.end <= entity.span.start) {
            if name.score >= ADD_SCORE {
                out.push(name);
            }
        }
        while let Some(name) = names.next_if(|n| n.span.start < entity.span.end) {
            if name.span == entity.span {
                if name.label != entity.label && name.score >= OVERRIDE_SCORE {
                    entity.label = name.label;
                }
                if name.label == entity.label {
                    entity.code = name.code;
                    entity.canonical = name.canonical;
                }
            }
        }
        out.push(entity);
    }
    out.extend(names.filter(|n| n.score >= ADD_SCORE));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{EntityLabel, Span};

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

    #[test]
    fn same_span_fills_codes_and_a_sure_name_fixes_the_label() {
        use EntityLabel::*;
        let out = merge_with_dictionary(
            vec![model(0, 4, Loc), model(10, 16, Per), model(20, 26, Per)],
            vec![
                name(0, 4, Loc, 1.0),
                name(10, 16, Loc, 1.0),
                name(20, 26, Loc, 0.8),
            ],
        );
        assert_eq!(out.len(), 3);
        assert_eq!((out[0].label, out[0].code.as_deref()), (Loc, Some("C0")));
        assert_eq!((out[1].label, out[1].code.as_deref()), (Loc, Some("C10")));
        assert_eq!(out[1].source, "embedded");
        // Unsure name, different label: the model's reading, no code.
        assert_eq!((out[2].label, out[2].code.as_deref()), (Per, None));
    }

    #[test]
    fn overlapping_names_give_way_and_missed_sure_names_are_added() {
        use EntityLabel::*;
        let out = merge_with_dictionary(
            vec![model(5, 18, Org)],
            vec![
                name(0, 3, Loc, 1.0),
                name(5, 9, Loc, 1.0),
                name(20, 24, Loc, 0.8),
                name(30, 35, Org, 1.0),
            ],
        );
        let spans: Vec<(usize, &str)> = out.iter().map(|e| (e.span.start, e.source)).collect();
        assert_eq!(
            spans,
            [(0, "gazetteer"), (5, "embedded"), (30, "gazetteer")]
        );
        assert_eq!(out[1].code, None);
    }
}
