//! The transformer recognizer in use: in the pipeline and on the command
//! line, shared by threads, and refusing bad model folders with errors that
//! say what is wrong (never a panic).

#![cfg(feature = "transformer")]

use std::path::{Path, PathBuf};
use std::process::Command;

use actant::ner::transformer::{
    check_model_folder, DeviceChoice, TransformerConfig, TransformerRecognizer,
};
use actant::ner::NerConfig;
use actant::{Doc, ErrorKind, Pipeline, RawDoc};
use rayon::prelude::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny-bert")
}

fn cpu(dir: &Path) -> TransformerConfig {
    let mut config = TransformerConfig::new(dir);
    config.device = DeviceChoice::Cpu;
    config.threads = 1;
    config
}

/// A copy of the fixture's cased model files, to break one of them.
fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "vocab.txt",
    ] {
        std::fs::copy(fixture().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn edit_config(dir: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("config.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut value);
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

fn load_error(dir: &Path) -> actant::Error {
    TransformerRecognizer::load(&cpu(dir)).expect_err("the folder must be refused")
}

const NEWS: &str =
    "Azerbaijani President Ilham Aliyev met Armenian Prime Minister Nikol Pashinyan in Brussels.\n\
    Recep Tayyip Erdoğan spoke with Aliyev about Şuşa and Ağdam on Tuesday.\n";

#[test]
fn the_pipeline_sets_entities_on_character_boundaries_with_sentences() {
    let config = NerConfig::Transformer {
        model: fixture(),
        device: DeviceChoice::Cpu,
        threads: 1,
    };
    let pipeline = Pipeline::builder().ner(config).build().unwrap();
    let doc = pipeline.process(&RawDoc::new("d1", NEWS)).unwrap();
    assert!(!doc.entities.is_empty());
    let second_line = NEWS.find("Recep").unwrap();
    for e in &doc.entities {
        assert_eq!(e.source, "transformer");
        assert!(NEWS.is_char_boundary(e.span.start) && NEWS.is_char_boundary(e.span.end));
        assert!(!doc.slice(e.span).trim().is_empty());
        assert_eq!(e.sentence, usize::from(e.span.start >= second_line));
        assert!((0.0..=1.0).contains(&e.score));
    }
    let starts: Vec<usize> = doc.entities.iter().map(|e| e.span.start).collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "text order, no overlap"
    );
}

#[test]
fn threads_sharing_one_recognizer_get_the_serial_results() {
    fn assert_sync<T: Sync + Send>() {}
    assert_sync::<TransformerRecognizer>();
    let mut config = cpu(&fixture());
    config.batch_size = 3;
    let recognizer = TransformerRecognizer::load(&config).unwrap();
    let docs: Vec<Doc> = (0..40)
        .map(|i| {
            let text = NEWS.repeat(1 + i % 7);
            Doc::from_raw(RawDoc::new(format!("d{i}"), text))
        })
        .collect();
    let serial: Vec<_> = docs
        .iter()
        .map(|d| recognizer.mentions(&d.text).unwrap())
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap();
    let parallel: Vec<_> = pool.install(|| {
        docs.par_iter()
            .map(|d| recognizer.mentions(&d.text).unwrap())
            .collect()
    });
    assert_eq!(serial.len(), parallel.len());
    for (s, p) in serial.iter().zip(&parallel) {
        assert_eq!(s.len(), p.len());
        for (a, b) in s.iter().zip(p) {
            assert_eq!((a.span, a.kind), (b.span, b.kind));
            assert!(
                (a.score - b.score).abs() < 1e-5,
                "batching changes scores by float noise only"
            );
        }
    }
    let stats = recognizer.stats();
    assert!(stats.batches > 0 && stats.windows >= stats.batches);
    assert!(stats.positions >= stats.pieces);
    assert!(stats.forward.as_nanos() > 0);
}

#[test]
fn empty_and_whitespace_documents_have_no_entities() {
    let recognizer = TransformerRecognizer::load(&cpu(&fixture())).unwrap();
    assert!(recognizer.mentions("").unwrap().is_empty());
    assert!(recognizer.mentions(" \n\t ").unwrap().is_empty());
}

#[test]
fn malformed_label_maps_are_refused_with_the_reason() {
    let cases: [(serde_json::Value, &str); 4] = [
        (
            serde_json::Value::Object(
                (0..9)
                    .map(|i| (i.to_string(), serde_json::json!(format!("LABEL_{i}"))))
                    .collect(),
            ),
            "generic names",
        ),
        (serde_json::json!("O B-PER"), "not an object"),
        (
            serde_json::json!({"0": "O", "1": "B-PER", "2": "I-PER", "3": "B-ORG", "4": "I-ORG",
                "5": "B-LOC", "6": "I-LOC", "7": "B-MISC", "9": "I-MISC"}),
            "id 9 is out of range",
        ),
        (
            serde_json::json!({"0": "O", "1": "B-PER", "2": "I-PER", "3": "B-ORG", "4": "I-ORG",
                "5": "B-LOC", "6": "I-LOC", "7": "B-WIDGET", "8": "I-WIDGET"}),
            "`WIDGET` has no mapping",
        ),
    ];
    for (id2label, expected) in cases {
        let dir = copy_fixture();
        edit_config(dir.path(), |c| {
            c["id2label"] = id2label.clone();
            c.as_object_mut().unwrap().remove("label2id");
        });
        let err = load_error(dir.path());
        assert_eq!(err.kind(), ErrorKind::Model, "{err}");
        let text = err.to_string();
        assert!(text.contains("config.json"), "{text}");
        assert!(text.contains(expected), "expected `{expected}`: {text}");
    }
    // Two labels fit the map but not the classifier's nine outputs.
    let dir = copy_fixture();
    edit_config(dir.path(), |c| {
        c["id2label"] = serde_json::json!({"0": "O", "1": "B-PER"});
    });
    let text = load_error(dir.path()).to_string();
    assert!(
        text.contains("classifier") && text.contains("[2, 32]"),
        "{text}"
    );
}

#[test]
fn missing_files_and_mismatched_vocabularies_are_named() {
    let dir = copy_fixture();
    std::fs::remove_file(dir.path().join("model.safetensors")).unwrap();
    std::fs::remove_file(dir.path().join("tokenizer.json")).unwrap();
    std::fs::remove_file(dir.path().join("vocab.txt")).unwrap();
    let text = load_error(dir.path()).to_string();
    assert!(
        text.contains("missing model.safetensors, tokenizer.json or vocab.txt"),
        "{text}"
    );

    let text = load_error(Path::new("/no/such/model")).to_string();
    assert!(text.contains("no such model folder"), "{text}");

    // More embeddings rows than the file holds.
    let dir = copy_fixture();
    edit_config(dir.path(), |c| c["vocab_size"] = serde_json::json!(500));
    let text = load_error(dir.path()).to_string();
    assert!(
        text.contains("word embeddings") && text.contains("[500, 32]"),
        "{text}"
    );

    // Fewer rows than the tokenizer's ids.
    let dir = copy_fixture();
    edit_config(dir.path(), |c| c["vocab_size"] = serde_json::json!(100));
    let text = load_error(dir.path()).to_string();
    assert!(
        text.contains("tokenizer and model do not belong together"),
        "{text}"
    );

    // A truncated weights file.
    let dir = copy_fixture();
    let weights = dir.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() / 2]).unwrap();
    let text = load_error(dir.path()).to_string();
    assert!(text.contains("model.safetensors"), "{text}");
}

#[test]
fn cuda_is_refused_clearly_where_there_is_none() {
    let mut config = cpu(&fixture());
    config.device = DeviceChoice::Cuda;
    match TransformerRecognizer::load(&config) {
        Ok(r) => assert!(tch::Cuda::is_available() && r.summary().device.contains("cuda")),
        Err(e) => {
            assert!(!tch::Cuda::is_available());
            assert!(e.to_string().contains("no CUDA GPU"), "{e}");
        }
    }
    config.device = DeviceChoice::Auto;
    let r = TransformerRecognizer::load(&config).unwrap();
    assert_eq!(
        r.summary().device.contains("cuda"),
        tch::Cuda::is_available()
    );
}

#[test]
fn models_check_describes_a_good_folder() {
    let report = check_model_folder(&fixture()).unwrap();
    let text = report.to_string();
    assert!(text.contains("BertForTokenClassification"), "{text}");
    assert!(text.contains("B-PER→PER"), "{text}");
    assert!(text.contains("64 pieces per window"), "{text}");
    assert!(text.contains("forward pass"), "{text}");
}

fn actant(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_actant"))
        .args(args)
        .env_remove("LD_LIBRARY_PATH")
        .output()
        .expect("actant runs")
}

#[test]
fn command_line_extract_and_models_check() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.txt");
    std::fs::write(&input, NEWS).unwrap();
    let out = dir.path().join("out");
    let model = fixture();
    let result = actant(&[
        "extract",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--ner",
        "transformer",
        "--model",
        model.to_str().unwrap(),
        "--device",
        "cpu",
        "-j",
        "2",
    ]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let csv = std::fs::read_to_string(out.join("entities.csv")).unwrap();
    assert!(
        csv.lines().skip(1).any(|l| l.contains(",transformer,")),
        "{csv}"
    );
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"transformer\""), "{manifest}");

    let check = actant(&["models", "check", model.to_str().unwrap()]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("ok: "));

    let bad = actant(&["models", "check", dir.path().to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("missing config.json"));

    let no_model = actant(&["extract", "x.txt", "--out", "o", "--ner", "transformer"]);
    assert_eq!(no_model.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no_model.stderr).contains("--model DIR"));
}
