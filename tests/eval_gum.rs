//! The GUM entity reader and the named-mention rule on the real treebank
//! (skipped where `../shared/data` is absent).

mod common;

use actant::corpus::conllu::read_conllu;
use actant::eval::gum::sentence_mentions;
use actant::eval::gum_named::named_mentions;
use actant::eval::ner_data::NerData;
use actant::EntityLabel;

#[test]
fn every_gum_sentence_has_balanced_mentions() {
    for split in ["gum/en_gum-ud-dev.conllu", "gum/en_gum-ud-train.conllu"] {
        let Some(path) = common::shared_data(split) else {
            return;
        };
        let sentences = read_conllu(&path).unwrap();
        let mut mentions = 0;
        for s in &sentences {
            for m in sentence_mentions(s).unwrap() {
                assert!(m.words.contains(&m.head), "{:?}: {m:?}", s.sent_id);
                mentions += 1;
            }
        }
        assert!(mentions > sentences.len(), "{split}: {mentions} mentions");
    }
}

#[test]
fn named_mentions_of_a_biography_sentence() {
    let Some(path) = common::shared_data("gum/en_gum-ud-dev.conllu") else {
        return;
    };
    let sentences = read_conllu(&path).unwrap();
    let s = sentences
        .iter()
        .find(|s| s.sent_id.as_deref() == Some("GUM_bio_byron-2"))
        .expect("GUM dev has GUM_bio_byron-2");
    let named: Vec<(String, EntityLabel)> = named_mentions(s)
        .unwrap()
        .into_iter()
        .map(|n| {
            let words: Vec<&str> = s.words[n.words].iter().map(|w| w.form.as_str()).collect();
            (words.join(" "), n.label)
        })
        .collect();
    // "August 1799" is a time mention, "the school of Dr. William Glennie,
    // in Dulwich" has a common-noun head.
    assert_eq!(
        named,
        vec![
            ("Byron".to_string(), EntityLabel::Per),
            ("Aberdeen Grammar School".to_string(), EntityLabel::Org),
            ("William Glennie".to_string(), EntityLabel::Per),
            ("Dulwich".to_string(), EntityLabel::Loc),
        ]
    );
}

#[test]
fn gum_dev_as_entity_gold_slices_its_own_text() {
    let Some(path) = common::shared_data("gum/en_gum-ud-dev.conllu") else {
        return;
    };
    let data = NerData::from_conllu(&path).unwrap();
    let docs = data.docs.as_ref().unwrap();
    assert!(docs.len() > 10);
    assert!(
        data.mentions.len() > 300,
        "{} mentions",
        data.mentions.len()
    );
    for m in &data.mentions {
        let doc = docs.iter().find(|d| d.id == m.doc).unwrap();
        let slice: String = doc
            .text
            .chars()
            .skip(m.start)
            .take(m.end - m.start)
            .collect();
        assert_eq!(slice, m.text);
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&m.label.as_str()));
    }
}
