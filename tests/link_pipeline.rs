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
