//! The segmenter against the gold tokens and sentences of UD English dev
//! treebanks (skipped where `../shared/data` is absent).

mod common;

use actant::eval::segment::{score_segmentation, SegmentationScores};

fn scores(relative: &str) -> Option<SegmentationScores> {
    let path = common::shared_data(relative)?;
    let scores = score_segmentation(&path).expect("the treebank reads");
    let within = scores.sentences_within_paragraphs;
    eprintln!(
        "{relative}: tokens P {:.4} R {:.4} F1 {:.4}; sentences P {:.4} R {:.4} F1 {:.4} \
         (within paragraphs P {:.4} R {:.4} F1 {:.4})",
        scores.tokens.precision(),
        scores.tokens.recall(),
        scores.tokens.f1(),
        scores.sentences.precision(),
        scores.sentences.recall(),
        scores.sentences.f1(),
        within.precision(),
        within.recall(),
        within.f1(),
    );
    Some(scores)
}

#[test]
fn gum_dev_tokens_and_sentences() {
    let Some(scores) = scores("gum/en_gum-ud-dev.conllu") else {
        return;
    };
    assert_eq!(scores.documents, 16);
    assert_eq!(scores.sentences.gold, 873);
    assert!(
        scores.tokens.f1() >= 0.995,
        "token F1 {}",
        scores.tokens.f1()
    );
    assert!(
        scores.sentences.f1() >= 0.97,
        "sentence F1 {}",
        scores.sentences.f1()
    );
}

#[test]
fn ewt_dev_tokens_and_sentences() {
    let Some(scores) = scores("ud-ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    assert_eq!(scores.sentences.gold, 2001);
    assert!(
        scores.tokens.f1() >= 0.99,
        "token F1 {}",
        scores.tokens.f1()
    );
    // EWT is web text (e-mail, forums, reviews) whose line breaks the
    // CoNLL-U file does not keep: signatures, headers and list items run
    // into one paragraph and many sentences end without punctuation or
    // start in lower case, so recall stays near 0.87.
    assert!(
        scores.sentences.f1() >= 0.91,
        "sentence F1 {}",
        scores.sentences.f1()
    );
}
