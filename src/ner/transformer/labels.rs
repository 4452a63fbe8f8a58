//! The model's label set (`id2label` in `config.json`) read as entity tags.
//!
//! A label is `O`, or a boundary prefix and an entity type: `B-`, `I-`,
//! `E-`, `S-` (BIO and BIOES), `L-`, `U-` (BILOU, read as `E-`, `S-`), or a
//! bare type read as `I-` (as Hugging Face reads it). Entity types map to
//! actant's labels through this table (case-insensitive):
//!
//! | model type | actant |
//! |---|---|
//! | `PER`, `PERS`, `PERSON` | `PER` |
//! | `ORG`, `ORGANIZATION`, `ORGANISATION` | `ORG` |
//! | `LOC`, `LOCATION`, `GPE`, `FAC`, `FACILITY`, `PLACE` | `LOC` |
//! | `MISC`, `OTH`, `OTHER`, `NORP`, `EVENT`, `LAW`, `PRODUCT`, `WORK_OF_ART`, `LANGUAGE` | `MISC` |
//! | `DATE`, `TIME`, `PERCENT`, `MONEY`, `QUANTITY`, `ORDINAL`, `CARDINAL` | not output |
//!
//! Types outside the table, generic names (`LABEL_0`), gaps in the ids or
//! labels that are not strings make the label map malformed: loading fails
//! with an error naming the offending entry.

use crate::doc::EntityLabel;
use crate::error::{Error, Location, Result};

/// Where a word's label puts it within an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boundary {
    /// First word of an entity (`B-`).
    Begin,
    /// Continues an entity of the same type, or starts one (`I-`, bare type).
    Inside,
    /// Last word of an entity (`E-`, `L-`).
    End,
    /// A one-word entity (`S-`, `U-`).
    Single,
}

/// What one label id means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Outside any entity (`O`).
    Outside,
    /// Part of an entity whose type is `kind`, an index into
    /// [`LabelScheme::kinds`].
    Entity {
        /// Position within the entity.
        boundary: Boundary,
        /// Entity type.
        kind: usize,
    },
}

/// An entity type as the model names it, and what actant outputs for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityKind {
    /// The type as written in `id2label` (`PER`, `GPE`, `DATE`).
    pub name: String,
    /// The actant label, or `None` for types that are not output.
    pub label: Option<EntityLabel>,
}

/// The label set of a token-classification model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelScheme {
    /// One tag per label id, in id order.
    pub tags: Vec<Tag>,
    /// The entity types the tags refer to.
    pub kinds: Vec<EntityKind>,
    /// The labels as written in `id2label`, in id order.
    pub names: Vec<String>,
}

/// Model types that are known but not names of actors (OntoNotes numerals
/// and times), decoded as entities and then dropped.
const NOT_OUTPUT: [&str; 7] = [
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
];

/// Maps a model's entity type to an actant label; `Ok(None)` for types that
/// are known but not output; `Err` for unknown types.
fn map_kind(name: &str) -> Result<Option<EntityLabel>, ()> {
    let upper = name.to_ascii_uppercase();
    let label = match upper.as_str() {
        "PER" | "PERS" | "PERSON" => EntityLabel::Per,
        "ORG" | "ORGANIZATION" | "ORGANISATION" => EntityLabel::Org,
        "LOC" | "LOCATION" | "GPE" | "FAC" | "FACILITY" | "PLACE" => EntityLabel::Loc,
        "MISC" | "OTH" | "OTHER" | "NORP" | "EVENT" | "LAW" | "PRODUCT" | "WORK_OF_ART"
        | "LANGUAGE" => EntityLabel::Misc,
        _ if NOT_OUTPUT.contains(&upper.as_str()) => return Ok(None),
        _ => return Err(()),
    };
    Ok(Some(label))
}

impl LabelScheme {
    /// Reads `id2label` (a JSON object from id strings to label strings),
    /// as found in `config.json` at `location`.
    pub fn from_id2label(id2label: &serde_json::Value, location: &Location) -> Result<LabelScheme> {
        let malformed = |message: String| {
            Error::model(location.clone(), format!("malformed label map: {message}"))
        };
        let map = id2label
            .as_object()
            .ok_or_else(|| malformed("`id2label` is not an object of id → label".into()))?;
        if map.is_empty() {
            return Err(malformed("`id2label` is empty".into()));
        }
        let mut by_id: Vec<Option<String>> = vec![None; map.len()];
        for (key, value) in map {
            let id: usize = key
                .trim()
                .parse()
                .map_err(|_| malformed(format!("id `{key}` is not a whole number")))?;
            let name = value
                .as_str()
                .ok_or_else(|| malformed(format!("label of id {id} is not a string: {value}")))?;
            let slot = by_id.get_mut(id).ok_or_else(|| {
                malformed(format!(
                    "id {id} is out of range: {} labels must have ids 0..{}",
                    map.len(),
                    map.len() - 1
                ))
            })?;
            if slot.is_some() {
                return Err(malformed(format!("id {id} appears twice")));
            }
            *slot = Some(name.to_string());
        }
        // `map.len()` distinct ids below `map.len()` cover them all.
        let names: Vec<String> = by_id.into_iter().flatten().collect();
        LabelScheme::from_names(&names).map_err(malformed)
    }

    /// Reads labels listed in id order.
    pub fn from_names(names: &[String]) -> Result<LabelScheme, String> {
        if names.iter().all(|n| is_generic(n)) {
            return Err(format!(
                "the labels are generic names ({}, ...), so the folder does not say which label is which entity type",
                names.first().map_or("", String::as_str)
            ));
        }
        let mut kinds: Vec<EntityKind> = Vec::new();
        let mut tags = Vec::with_capacity(names.len());
        for (id, name) in names.iter().enumerate() {
            let (boundary, kind_name) =
                split_label(name).map_err(|why| format!("label {id} `{name}`: {why}"))?;
            let Some(boundary) = boundary else {
                tags.push(Tag::Outside);
                continue;
            };
            let kind = match kinds.iter().position(|k| k.name == kind_name) {
                Some(kind) => kind,
                None => {
                    let label = map_kind(kind_name).map_err(|()| {
                        format!(
                            "label {id} `{name}`: entity type `{kind_name}` has no mapping to PER/ORG/LOC/MISC \
                             (known: PER PERSON ORG ORGANIZATION LOC LOCATION GPE FAC MISC NORP EVENT LAW PRODUCT \
                             WORK_OF_ART LANGUAGE OTH; not output: {})",
                            NOT_OUTPUT.join(" ")
                        )
                    })?;
                    kinds.push(EntityKind {
                        name: kind_name.to_string(),
                        label,
                    });
                    kinds.len() - 1
                }
            };
            tags.push(Tag::Entity { boundary, kind });
        }
        if !kinds.iter().any(|k| k.label.is_some()) {
            return Err(
                "no label names an entity type actant outputs (PER, ORG, LOC, MISC)".into(),
            );
        }
        Ok(LabelScheme {
            tags,
            kinds,
            names: names.to_vec(),
        })
    }

    /// Number of labels (the classifier's output width).
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether there are no labels (never true for a loaded scheme).
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }
}

/// `LABEL_0`, `LABEL_1`, ...: what Hugging Face writes when a model was
/// saved without label names.
fn is_generic(name: &str) -> bool {
    name.strip_prefix("LABEL_")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Splits `B-PER` into its boundary and type; `O` has no boundary.
fn split_label(name: &str) -> Result<(Option<Boundary>, &str), &'static str> {
    if name.trim() != name || name.is_empty() {
        return Err("empty or padded with spaces");
    }
    if name == "O" {
        return Ok((None, ""));
    }
    let (boundary, kind) = match name.split_once('-') {
        Some((prefix, kind)) if prefix.len() == 1 => {
            let boundary = match prefix {
                "B" => Boundary::Begin,
                "I" => Boundary::Inside,
                "E" | "L" => Boundary::End,
                "S" | "U" => Boundary::Single,
                _ => return Err("prefix is not one of B- I- E- S- L- U-"),
            };
            (boundary, kind)
        }
        _ => (Boundary::Inside, name),
    };
    if kind.is_empty() {
        return Err("no entity type after the prefix");
    }
    Ok((Some(boundary), kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scheme(value: serde_json::Value) -> Result<LabelScheme> {
        LabelScheme::from_id2label(&value, &Location::new("config.json"))
    }

    #[test]
    fn conll_bio_labels_map_to_actant_labels() {
        let s = scheme(json!({"0": "O", "1": "B-PER", "2": "I-PER", "3": "B-LOC", "4": "I-LOC"}))
            .unwrap();
        assert_eq!(s.len(), 5);
        assert_eq!(s.tags[0], Tag::Outside);
        assert_eq!(
            s.tags[2],
            Tag::Entity {
                boundary: Boundary::Inside,
                kind: 0
            }
        );
        assert_eq!(s.kinds[0].label, Some(EntityLabel::Per));
        assert_eq!(s.kinds[1].label, Some(EntityLabel::Loc));
    }

    #[test]
    fn ids_are_read_as_numbers_not_in_key_order() {
        let s = scheme(
            json!({"10": "I-ORG", "2": "B-ORG", "0": "O", "1": "B-PER", "3": "I-PER",
            "4": "O", "5": "O", "6": "O", "7": "O", "8": "O", "9": "O"}),
        );
        // ids 0..=10 are eleven labels for an eleven-entry map
        let s = s.unwrap();
        assert_eq!(s.names[10], "I-ORG");
        assert_eq!(s.names[2], "B-ORG");
    }

    #[test]
    fn bioes_bilou_and_bare_types() {
        let s = scheme(json!({"0": "O", "1": "S-GPE", "2": "E-GPE", "3": "U-DATE", "4": "L-DATE", "5": "NORP"})).unwrap();
        let boundaries: Vec<_> = s
            .tags
            .iter()
            .map(|t| match t {
                Tag::Outside => None,
                Tag::Entity { boundary, .. } => Some(*boundary),
            })
            .collect();
        assert_eq!(
            boundaries,
            [
                None,
                Some(Boundary::Single),
                Some(Boundary::End),
                Some(Boundary::Single),
                Some(Boundary::End),
                Some(Boundary::Inside)
            ]
        );
        assert_eq!(s.kinds[0].label, Some(EntityLabel::Loc));
        assert_eq!(s.kinds[1].label, None, "DATE is known but not output");
        assert_eq!(s.kinds[2].label, Some(EntityLabel::Misc));
    }

    #[test]
    fn malformed_maps_are_errors_naming_the_entry() {
        let cases = [
            (json!(["O", "B-PER"]), "not an object"),
            (json!({}), "empty"),
            (json!({"0": "O", "x": "B-PER"}), "id `x`"),
            (json!({"0": "O", "2": "B-PER"}), "id 2 is out of range"),
            (json!({"0": "O", "1": 7}), "not a string"),
            (json!({"0": "O", "1": "B-"}), "no entity type"),
            (json!({"0": "O", "1": "X-PER"}), "prefix"),
            (
                json!({"0": "O", "1": "B-WIDGET"}),
                "`WIDGET` has no mapping",
            ),
            (json!({"0": "LABEL_0", "1": "LABEL_1"}), "generic names"),
            (
                json!({"0": "O", "1": "B-DATE"}),
                "no label names an entity type",
            ),
            (json!({"0": "O", "1": " B-PER"}), "padded"),
        ];
        for (value, expected) in cases {
            let err = scheme(value.clone()).unwrap_err();
            let text = err.to_string();
            assert!(
                text.starts_with("config.json: malformed label map"),
                "{text}"
            );
            assert!(text.contains(expected), "{value}: {text}");
        }
    }

    #[test]
    fn kind_table_is_case_insensitive() {
        assert_eq!(map_kind("person"), Ok(Some(EntityLabel::Per)));
        assert_eq!(map_kind("Gpe"), Ok(Some(EntityLabel::Loc)));
        assert_eq!(map_kind("oth"), Ok(Some(EntityLabel::Misc)));
        assert_eq!(map_kind("money"), Ok(None));
        assert_eq!(map_kind("WIDGET"), Err(()));
    }
}
