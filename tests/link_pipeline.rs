//! The rule layer as a pipeline stage: on by default, listed in the run's
//! models, and left out on request.

use actant::link::LinkConfig;
use actant::{Pipeline, RawDoc};

#[test]
fn the_default_pipeline_links_and_lists_its_lexicon() {
    let pipeline = Pipeline::builder().build().unwrap();
    assert!(pipeline.links());
    let models = pipeline.models();
    let lexicon = models
        .iter()
        .find(|m| m.name == "event lexicon")
        .expect("lexicon listed");
    assert_eq!(lexicon.source, "embedded data/lexicon/verbs.toml");
    assert!(models.iter().any(|m| m.name == "actor dictionary"));
    assert_eq!(lexicon.sha256.len(), 64);
    assert!(!pipeline.linker().unwrap().config().targetless);
}

#[test]
fn the_rule_layer_can_be_left_out_or_configured() {
    let without = Pipeline::builder().without_link().build().unwrap();
    assert!(!without.links());
    let doc = without
        .process(&RawDoc::new(
            "d",
            "Russia called on Armenia to exercise restraint.",
        ))
        .unwrap();
    assert!(doc.triples.is_empty());
    let targetless = Pipeline::builder()
        .without_link()
        .link(LinkConfig { targetless: true })
        .build()
        .unwrap();
    assert!(targetless.linker().unwrap().config().targetless);
}

/// `actor | lemma | target | event` of each triple the default pipeline
/// draws from `text`.
fn triples_of(text: &str) -> Vec<String> {
    let pipeline = Pipeline::builder().build().unwrap();
    let doc = pipeline.process(&RawDoc::new("d", text)).unwrap();
    doc.triples
        .iter()
        .map(|t| {
            format!(
                "{} | {} | {} | {}",
                t.actor.text,
                t.action_lemma,
                t.target.as_ref().map_or("", |a| a.text.as_str()),
                t.event.as_deref().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn the_shipped_models_find_who_did_what_to_whom() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Russia called on Armenia and Azerbaijan to exercise restraint.",
            &[
                "Russia | call on | Armenia | REQUEST",
                "Russia | call on | Azerbaijan | REQUEST",
            ],
        ),
        (
            "Russia, which keeps a military base in Gyumri, called on Armenia to exercise restraint.",
            &["Russia | call on | Armenia | REQUEST"],
        ),
        (
            "Azerbaijan launched an offensive into Nagorno-Karabakh.",
            &["Azerbaijan | launch offensive into | Nagorno-Karabakh | ASSAULT"],
        ),
        (
            "Hamas released 33 Israeli hostages.",
            &["Hamas | release | Israeli hostages | CONCEDE"],
        ),
        (
            "Hamas rejected the plan. Israel accused the group of stalling.",
            &["Israel | accuse | Hamas | ACCUSE"],
        ),
        (
            "Azerbaijan is openly backed by Turkey.",
            &["Turkey | back | Azerbaijan | SUPPORT"],
        ),
        (
            "Russian President Vladimir Putin spoke with Nikol Pashinyan in Moscow.",
            &["Vladimir Putin | speak with | Nikol Pashinyan | CONSULT"],
        ),
    ];
    for (text, expected) in cases {
        let mut found = triples_of(text);
        found.sort();
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(found, expected, "{text}");
    }
}
