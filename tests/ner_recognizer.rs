//! The shipped embedded recognizer: it finds the obvious entities of news
//! sentences, its spans sit on token boundaries and slice the original
//! text, and a bad model file is refused with a reason.

use std::path::Path;

use actant::doc::{CharOffsets, EntityLabel};
use actant::ner::embedded::recognizer::EMBEDDED_MODEL;
use actant::ner::embedded::EmbeddedRecognizer;
use actant::ner::{NerConfig, NerStage, Recognizer};
use actant::{ErrorKind, Pipeline, RawDoc};

fn pipeline() -> Pipeline {
    Pipeline::builder()
        .ner(NerConfig::Embedded { model: None })
        .build()
        .expect("the shipped model loads")
}

/// (label, text) of every entity the default pipeline finds in `text`.
fn entities(text: &str) -> Vec<(EntityLabel, String)> {
    let doc = pipeline().process(&RawDoc::new("t", text)).unwrap();
    doc.entities
        .iter()
        .map(|e| (e.label, doc.slice(e.span).to_string()))
        .collect()
}

fn has(found: &[(EntityLabel, String)], label: EntityLabel, text: &str) -> bool {
    found.iter().any(|(l, t)| *l == label && t == text)
}

#[test]
fn finds_the_obvious_entities_of_news_sentences() {
    use EntityLabel::*;
    let cases: [(&str, &[(EntityLabel, &str)]); 5] = [
        (
            "Russian President Vladimir Putin spoke with Nikol Pashinyan in Moscow.",
            &[(Per, "Vladimir Putin"), (Per, "Nikol Pashinyan"), (Loc, "Moscow")],
        ),
        (
            "German Chancellor Olaf Scholz said NATO would keep supporting Ukraine.",
            &[(Per, "Olaf Scholz"), (Org, "NATO"), (Loc, "Ukraine")],
        ),
        (
            "The European Union and the United Nations called on Israel and Hamas to agree a truce.",
            &[(Org, "European Union"), (Org, "United Nations"), (Loc, "Israel"), (Org, "Hamas")],
        ),
        (
            "Azerbaijan's Defense Ministry said Armenian forces had shelled villages near Lachin.",
            &[(Loc, "Azerbaijan"), (Org, "Defense Ministry"), (Misc, "Armenian")],
        ),
        (
            "Kenyan police fired tear gas at protesters in Nairobi on Tuesday, witnesses said.",
            &[(Misc, "Kenyan"), (Loc, "Nairobi")],
        ),
    ];
    for (text, expected) in cases {
        let found = entities(text);
        for &(label, name) in expected {
            assert!(
                has(&found, label, name),
                "{text}\n  missing {label} {name}\n  found {found:?}"
            );
        }
        // Titles are not part of person names.
        assert!(
            found
                .iter()
                .all(|(l, t)| *l != Per || !t.contains("President") && !t.contains("Chancellor")),
            "{found:?}"
        );
    }
}

#[test]
fn spans_sit_on_tokens_and_slice_the_original_text() {
    let text = "Cumhurbaşkanı Recep Tayyip Erdoğan, Şuşa'da İlham Aliyev ile görüştü. \
                Later, Turkish President Recep Tayyip Erdoğan met Ilham Aliyev in Şuşa, \
                Azerbaijan, and flew on to Bakı — “a historic day,” he said.";
    let doc = pipeline().process(&RawDoc::new("t", text)).unwrap();
    assert!(!doc.entities.is_empty());
    let chars = CharOffsets::new(&doc.text);
    let mut last_end = 0;
    for e in &doc.entities {
        assert!(
            doc.tokens.iter().any(|t| t.span.start == e.span.start),
            "{e:?}"
        );
        assert!(doc.tokens.iter().any(|t| t.span.end == e.span.end), "{e:?}");
        assert!(
            e.span.start >= last_end,
            "entities overlap or are out of order"
        );
        last_end = e.span.end;
        assert!((0.0..=1.0).contains(&e.score));
        // The character offsets written to entities.csv slice the same text.
        let (start, end) = (
            chars.char_offset(e.span.start),
            chars.char_offset(e.span.end),
        );
        let sliced: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(sliced, doc.slice(e.span));
    }
    let found: Vec<&str> = doc.entities.iter().map(|e| doc.slice(e.span)).collect();
    assert!(found.contains(&"Ilham Aliyev"), "{found:?}");
}

#[test]
fn dictionary_matches_fill_codes_and_canonical_names() {
    let doc = pipeline()
        .process(&RawDoc::new(
            "t",
            "Baku accused Yerevan of violating the ceasefire.",
        ))
        .unwrap();
    let baku = doc
        .entities
        .iter()
        .find(|e| doc.slice(e.span) == "Baku")
        .expect("Baku found");
    assert_eq!(baku.label, EntityLabel::Loc);
    assert_eq!(baku.code.as_deref(), Some("AZEGOV"));
    assert_eq!(baku.canonical.as_deref(), Some("Baku"));
}

#[test]
fn the_model_path_override_is_used_and_bad_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("ner.bin");
    std::fs::write(&good, EMBEDDED_MODEL).unwrap();
    let stage = NerStage::from_config(&NerConfig::Embedded {
        model: Some(good.clone()),
    })
    .unwrap();
    assert_eq!(stage.name(), "embedded");
    assert_eq!(stage.models()[0].source, good.display().to_string());

    let truncated = dir.path().join("truncated.bin");
    std::fs::write(&truncated, &EMBEDDED_MODEL[..EMBEDDED_MODEL.len() / 2]).unwrap();
    let e = EmbeddedRecognizer::from_path(&truncated).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Model);
    assert!(e.to_string().contains("truncated.bin"), "{e}");

    let e =
        EmbeddedRecognizer::from_path(Path::new("tests/fixtures/dev/entities.jsonl")).unwrap_err();
    assert!(e.to_string().contains("not an actant model file"), "{e}");
}

#[test]
fn the_run_manifest_lists_the_model_with_its_checksum() {
    let models = pipeline().models();
    let ner = models
        .iter()
        .find(|m| m.name == "ner model")
        .expect("listed");
    assert_eq!(ner.sha256.len(), 64);
}
