//! Training on a small slice of a treebank learns that slice, and trained
//! models survive saving and loading bit for bit.

mod common;

use actant::corpus::conllu::{read_conllu, ConlluSentence};
use actant::eval::syntax::score_model_on_gold_tokens;
use actant::syntax::parser::ParserConfig;
use actant::syntax::tagger::TaggerConfig;
use actant::syntax::train::{train_parser_jackknifed, train_tagger_and_lemmatizer, ParserTraining};
use actant::syntax::SyntaxModel;

/// The first `n` sentences of EWT train, or `None` (test skipped) without
/// the shared data.
fn slice(n: usize) -> Option<Vec<ConlluSentence>> {
    let path = common::shared_data("ud-ewt/en_ewt-ud-train.conllu")?;
    let mut sentences = read_conllu(&path).expect("EWT train reads");
    sentences.truncate(n);
    Some(sentences)
}

fn train(sentences: &[ConlluSentence]) -> SyntaxModel {
    let tagger_config = TaggerConfig {
        epochs: 12,
        prune: 0.0,
        ..TaggerConfig::default()
    };
    let (tagger, lemmatizer) =
        train_tagger_and_lemmatizer(sentences, &tagger_config).expect("tagger trains");
    let parser = train_parser_jackknifed(
        sentences,
        &ParserTraining {
            parser: ParserConfig {
                epochs: 15,
                prune: 0.0,
                ..ParserConfig::default()
            },
            tagger: tagger_config,
            folds: 0,
        },
        &mut |_| {},
    )
    .expect("parser trains");
    SyntaxModel::new(tagger, lemmatizer, parser)
}

#[test]
fn a_small_slice_is_learned_and_round_trips() {
    let Some(sentences) = slice(150) else { return };
    let model = train(&sentences);
    let report = score_model_on_gold_tokens(&model, &sentences).expect("scores");
    let scores = report.syntax.expect("syntax figures");
    assert!(scores.upos.f1 > 0.99, "{scores:?}");
    assert!(scores.xpos.f1 > 0.99, "{scores:?}");
    assert!(scores.lemma.f1 > 0.995, "{scores:?}");
    assert!(scores.uas.f1 > 0.97, "{scores:?}");
    assert!(scores.las_subtype.f1 > 0.96, "{scores:?}");

    let dir = tempfile::tempdir().expect("temp dir");
    model.save(dir.path()).expect("saves");
    let loaded = SyntaxModel::load(dir.path()).expect("loads");
    assert_eq!(loaded, model);
    let again = tempfile::tempdir().expect("temp dir");
    loaded.save(again.path()).expect("saves again");
    for name in ["tagger.bin", "lemmatizer.bin", "parser.bin"] {
        let a = std::fs::read(dir.path().join(name)).expect("reads");
        let b = std::fs::read(again.path().join(name)).expect("reads");
        assert!(a == b, "{name} changed in a save/load/save round trip");
    }
    assert_eq!(
        score_model_on_gold_tokens(&loaded, &sentences).expect("scores"),
        report
    );
}

#[test]
fn training_is_deterministic() {
    let Some(sentences) = slice(40) else { return };
    let a = train(&sentences);
    let b = train(&sentences);
    assert!(a == b, "two trainings with the same seed differ");
}
