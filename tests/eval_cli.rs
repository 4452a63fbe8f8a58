//! End-to-end tests of `actant eval`: tables on stdout, every figure in
//! `--json`, gold and predictions in different formats, and the labelled
//! fixtures read cleanly.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn actant(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actant"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("actant runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "actant failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("report written")).unwrap()
}

fn fixtures(split: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(split)
}

const GOLD_JSONL: &str = concat!(
    r#"{"id": "a", "text": "Erdoğan met Aliyev in Baku.", "entities": [{"start": 0, "end": 7, "label": "PER"}, {"start": 12, "end": 18, "label": "PER"}, {"start": 22, "end": 26, "label": "LOC"}]}"#,
    "\n",
    r#"{"id": "b", "text": "The UN Security Council met.", "entities": [{"start": 4, "end": 23, "label": "ORG"}]}"#,
    "\n"
);

/// actant's own output: one hit, one type error, one boundary error, one miss.
const PRED_CSV: &str = "doc_id,sentence,start,end,text,label,score,source,code,canonical\n\
a,0,0,7,Erdoğan,PER,0.9,embedded,,\n\
a,0,12,18,Aliyev,ORG,0.8,embedded,,\n\
b,0,7,23,Security Council,ORG,0.7,embedded,IGO,\n";

#[test]
fn entities_from_jsonl_gold_and_csv_predictions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("gold.jsonl"), GOLD_JSONL).unwrap();
    std::fs::write(d.join("entities.csv"), PRED_CSV).unwrap();
    let out = actant(
        &[
            "eval",
            "ner",
            "--gold",
            "gold.jsonl",
            "--pred",
            "entities.csv",
            "--json",
            "r.json",
        ],
        d,
    );
    let table = stdout(&out);
    let micro: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("micro"))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        micro,
        ["micro", "4", "3", "1", "2", "3", "33.33", "25.00", "28.57"]
    );
    let r = json(&d.join("r.json"));
    assert_eq!(r["strict"]["micro"]["tp"], 1);
    assert_eq!(r["partial"]["micro"]["tp"], 2);
    assert_eq!(r["partial"]["micro"]["fn"], 2);
    let per = r["strict"]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["label"] == "PER")
        .unwrap();
    assert_eq!(per["recall"], 0.5);
    let type_error = r["strict"]["confusion"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["gold"] == "PER" && c["predicted"] == "ORG")
        .unwrap();
    assert_eq!(type_error["count"], 1);
}

#[test]
fn conlleval_output_with_gold_and_predictions_in_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // token, POS, gold, predicted; the second sentence has an I- after O.
    let text = "-DOCSTART- -X- O O\n\nEU NNP B-ORG B-ORG\nrejects VBZ O O\nGerman JJ B-MISC B-MISC\n\nPeter NNP B-PER O\nBlackburn NNP I-PER I-PER\n";
    std::fs::write(d.join("out.conll"), text).unwrap();
    let base = [
        "eval",
        "ner",
        "--gold",
        "out.conll",
        "--gold-column",
        "-2",
        "--pred",
        "out.conll",
    ];
    for (scheme, tp, fp) in [("conlleval", 2, 1), ("iob2", 2, 0)] {
        let mut args = base.to_vec();
        args.extend(["--scheme", scheme, "--json", "r.json"]);
        stdout(&actant(&args, d));
        let r = json(&d.join("r.json"));
        assert_eq!(r["strict"]["micro"]["tp"], tp, "{scheme}");
        assert_eq!(r["strict"]["micro"]["fp"], fp, "{scheme}");
        assert_eq!(r["gold"]["tag_column"], 3);
        assert_eq!(r["predicted"]["tag_column"], 4);
        assert_eq!(r["token_accuracy"]["correct"], 4);
    }
}

#[test]
fn help_documents_modes_schemes_and_formats() {
    let help = stdout(&actant(&["eval", "ner", "--help"], Path::new(".")));
    for needle in [
        "strict",
        "partial",
        "conlleval",
        "iob2",
        "-DOCSTART-",
        "Entity=",
        "entities.csv",
        "--labels",
    ] {
        assert!(
            help.contains(needle),
            "`{needle}` missing from eval ner --help"
        );
    }
    let help = stdout(&actant(&["eval", "triples", "--help"], Path::new(".")));
    assert!(help.contains("head word") && help.contains("launch offensive"));
}

#[test]
fn bad_gold_files_are_errors_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("gold.jsonl"),
        r#"{"id": "a", "text": "Baku", "entities": [{"start": 0, "end": 3, "label": "LOC", "text": "Baku"}]}"#,
    )
    .unwrap();
    let out = actant(&["eval", "ner", "--gold", "gold.jsonl"], d);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gold.jsonl:1"), "{err}");
}

#[test]
fn the_fixtures_read_cleanly_and_their_triples_name_their_documents() {
    for split in ["dev", "test", "blind"] {
        let dir = fixtures(split);
        let gold = dir.join("entities.jsonl");
        // Scoring the gold against itself checks every offset and surface.
        let out = actant(
            &[
                "eval",
                "ner",
                "--gold",
                gold.to_str().unwrap(),
                "--pred",
                gold.to_str().unwrap(),
            ],
            Path::new("."),
        );
        let table = stdout(&out);
        let micro = table.lines().find(|l| l.starts_with("micro")).unwrap();
        assert!(
            micro.ends_with("100.00  100.00  100.00"),
            "{split}: {micro}"
        );
        let triples = dir.join("triples.csv");
        let out = actant(
            &[
                "eval",
                "triples",
                "--gold",
                triples.to_str().unwrap(),
                "--pred",
                triples.to_str().unwrap(),
            ],
            Path::new("."),
        );
        let table = stdout(&out);
        assert!(
            table.contains("event type accuracy on matches: 100.00"),
            "{split}: {table}"
        );
        let data = actant::eval::ner_data::read_ner(&gold, None, Default::default()).unwrap();
        let ids = data.document_ids();
        let triples = actant::eval::triples::read_triples_csv(&triples).unwrap();
        for t in &triples.triples {
            assert!(
                ids.contains(&t.doc.as_str()),
                "{split}: triple of unknown document {}",
                t.doc
            );
        }
    }
}

#[test]
fn pipeline_runs_on_gold_texts_without_predictions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("gold.jsonl"), GOLD_JSONL).unwrap();
    let out = actant(
        &["eval", "ner", "--gold", "gold.jsonl", "--json", "r.json"],
        d,
    );
    stdout(&out);
    let r = json(&d.join("r.json"));
    assert_eq!(r["predicted"]["source"], "pipeline");
    assert_eq!(r["gold"]["mentions"], 4);
    assert_eq!(r["predicted"]["documents"], 2);
}

#[test]
fn a_treebank_scored_against_itself_is_perfect_and_raw_text_is_aligned() {
    let Some(gold) = common::shared_data("ud-ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let gold = gold.to_str().unwrap();
    let out = actant(
        &[
            "eval", "syntax", "--gold", gold, "--pred", gold, "--json", "s.json",
        ],
        dir.path(),
    );
    let table = stdout(&out);
    let las = table.lines().find(|l| l.starts_with("LAS ")).unwrap();
    assert!(las.ends_with("100.00"), "{las}");
    let r = json(&dir.path().join("s.json"));
    assert_eq!(r["gold_tokens"], true);
    assert_eq!(r["syntax"]["uas"]["correct"], r["words"]);
    // Without predictions the pipeline segments the raw text.
    let out = actant(
        &["eval", "syntax", "--gold", gold, "--json", "s.json"],
        dir.path(),
    );
    stdout(&out);
    let r = json(&dir.path().join("s.json"));
    assert_eq!(r["gold_tokens"], false);
    assert!(r["segmentation"]["words"]["f1"].as_f64().unwrap() > 0.5);
}
