//! Training data of the embedded recognizer, on the real treebanks: the
//! GUM named-mention rule on hand-picked sentences, and the Universal NER
//! split. Skipped (with a message) where `../shared/data` is absent.

mod common;

use actant::corpus::conllu::read_conllu;
use actant::doc::EntityLabel;
use actant::ner::embedded::data::{
    gum_documents_of, gum_sentence, is_uner_heldout, split_uner, uner_documents,
};

/// The named spans of a GUM dev sentence, as (text, label).
fn named(sent_id: &str) -> Option<Vec<(String, EntityLabel)>> {
    let path = common::shared_data("gum/en_gum-ud-dev.conllu")?;
    let sentences = read_conllu(&path).unwrap();
    let s = sentences
        .iter()
        .find(|s| s.sent_id.as_deref() == Some(sent_id))
        .unwrap_or_else(|| panic!("GUM dev has {sent_id}"));
    let labelled = gum_sentence(s).unwrap();
    Some(
        labelled
            .spans
            .iter()
            .map(|span| (labelled.words[span.tokens.clone()].join(" "), span.label))
            .collect(),
    )
}

fn n(text: &str, label: EntityLabel) -> (String, EntityLabel) {
    (text.to_string(), label)
}

#[test]
fn an_office_is_no_name_and_titles_are_left_out() {
    use EntityLabel::*;
    // "known as Emperor Norton ... proclaimed himself "Norton I, Emperor of
    // the United States"": the title goes, the office is not a person.
    let Some(found) = named("GUM_bio_emperor-2") else {
        return;
    };
    assert!(
        found.contains(&n("Joshua Abraham Norton", Per)),
        "{found:?}"
    );
    assert!(found.contains(&n("Norton", Per)), "{found:?}");
    assert!(found.contains(&n("Norton I", Per)), "{found:?}");
    assert!(found.contains(&n("San Francisco", Loc)), "{found:?}");
    assert!(
        found
            .iter()
            .all(|(text, _)| !text.starts_with("of ") && !text.starts_with("Emperor")),
        "{found:?}"
    );
}

#[test]
fn a_nationality_is_misc_even_when_gum_types_it_as_people() {
    let Some(found) = named("GUM_speech_impeachment-31") else {
        return;
    };
    assert_eq!(found, vec![n("Americans", EntityLabel::Misc)]);
}

#[test]
fn pronouns_with_a_wikipedia_identity_are_not_named() {
    // "Byron received his early formal education ...": `his` carries Lord
    // Byron's identity but is a pronoun.
    let Some(found) = named("GUM_bio_byron-2") else {
        return;
    };
    assert_eq!(found[0], n("Byron", EntityLabel::Per));
    assert!(found.iter().all(|(text, _)| text != "his"));
}

#[test]
fn gum_documents_keep_every_sentence_and_valid_spans() {
    let Some(path) = common::shared_data("gum/en_gum-ud-dev.conllu") else {
        return;
    };
    let sentences = read_conllu(&path).unwrap();
    let docs = gum_documents_of(&sentences).unwrap();
    assert_eq!(docs.len(), 16, "GUM dev has 16 documents");
    let total: usize = docs.iter().map(|d| d.sentences.len()).sum();
    assert_eq!(total, sentences.len());
    for doc in &docs {
        for s in &doc.sentences {
            let mut end = 0;
            for span in &s.spans {
                assert!(span.tokens.start >= end && span.tokens.end <= s.words.len());
                assert!(!span.tokens.is_empty());
                end = span.tokens.end;
            }
        }
    }
}

#[test]
fn uner_holds_out_every_third_document_and_maps_labels() {
    let Some(path) = common::shared_data("uner-ewt/en_ewt-ud-dev.iob2") else {
        return;
    };
    let docs = uner_documents(&path).unwrap();
    let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    let (train, heldout) = split_uner(docs);
    assert_eq!(train.len() + heldout.len(), ids.len());
    for (i, id) in ids.iter().enumerate() {
        let in_heldout = heldout.iter().any(|d| &d.id == id);
        assert_eq!(in_heldout, is_uner_heldout(i), "{id}");
        assert_ne!(in_heldout, train.iter().any(|d| &d.id == id), "{id}");
    }
    let labels: std::collections::BTreeSet<EntityLabel> = train
        .iter()
        .chain(&heldout)
        .flat_map(|d| {
            d.sentences
                .iter()
                .flat_map(|s| s.spans.iter().map(|x| x.label))
        })
        .collect();
    assert!(labels.contains(&EntityLabel::Per) && labels.contains(&EntityLabel::Loc));
}
