//! End-to-end tests of `actant extract`: bad inputs are reported, counted
//! and skipped while good documents are processed; output does not depend
//! on the number of threads or the chunking.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn actant(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actant"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("actant runs")
}

fn sample_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample")
}

fn manifest(out: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(out.join("manifest.json")).expect("manifest written");
    serde_json::from_str(&text).expect("manifest is JSON")
}

const GOOD: &str = "Russia called on Armenia and Azerbaijan to exercise restraint.\n";

#[test]
fn bad_inputs_are_reported_counted_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.txt"), GOOD).unwrap();
    std::fs::write(d.join("latin1.txt"), b"Caf\xe9 in Baku\n").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(d.join("blank.txt"), b"  \n\t\n").unwrap();
    std::fs::write(d.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(
        d.join("news.jsonl"),
        concat!(
            "{\"id\":\"a\",\"text\":\"Baku accused Yerevan.\",\"date\":\"2023-09-19\"}\n",
            "{\"id\":\"b\",\"text\":\"broken\"\n",
            "{\"id\":\"a\",\"text\":\"A second document with id a.\"}\n",
            "\n",
            "{\"id\":\"c\",\"text\":\"Moscow urged calm.\"}\n",
        ),
    )
    .unwrap();
    let out = d.join("out");
    let result = actant(
        &[
            "extract",
            "good.txt",
            "latin1.txt",
            "empty.txt",
            "blank.txt",
            "image.txt",
            "news.jsonl",
            "missing.txt",
            "--out",
            "out",
        ],
        d,
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(
        result.status.code(),
        Some(3),
        "partial run exits 3; stderr:\n{stderr}"
    );
    for expected in [
        "latin1.txt (byte 3): not valid UTF-8",
        "empty.txt: empty document",
        "blank.txt: document has only whitespace",
        "image.txt (byte 8): binary data",
        "news.jsonl:2",
        "malformed JSON",
        "news.jsonl:3",
        "duplicate document id `a`",
        "missing.txt",
    ] {
        assert!(
            stderr.contains(expected),
            "stderr lacks {expected:?}:\n{stderr}"
        );
    }
    let m = manifest(&out);
    assert_eq!(m["documents"]["ok"], 3, "{m}");
    assert_eq!(m["documents"]["skipped"], 7, "{m}");
    assert_eq!(m["documents"]["failed"], 0);
    assert_eq!(m["problems"].as_array().unwrap().len(), 7);
    assert_eq!(m["problems_by_kind"]["input"], 6);
    assert_eq!(m["problems_by_kind"]["io"], 1);
    let reasons: Vec<&str> = m["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["reason"].as_str().unwrap())
        .collect();
    assert!(reasons.iter().any(|r| r.contains("binary")), "{reasons:?}");
    // Every good document made it through: its sentences are counted.
    assert!(m["sentences"].as_u64().unwrap() >= 3);
    assert!(out.join("entities.csv").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_clean_run_exits_zero_and_writes_the_documented_header() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let result = actant(
        &[
            "extract",
            sample_dir().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let entities = std::fs::read_to_string(out.join("entities.csv")).unwrap();
    assert_eq!(
        entities.lines().next().unwrap(),
        "doc_id,sentence,start,end,text,label,score,source,code,canonical"
    );
    let m = manifest(&out);
    assert_eq!(m["documents"]["ok"].as_u64().unwrap(), 14);
    assert!(String::from_utf8_lossy(&result.stderr).contains("14 documents ok"));
}

#[test]
fn output_is_identical_for_one_and_two_threads_and_any_chunking() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_dir();
    let run = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec![
            "extract",
            sample.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let result = actant(&args, dir.path());
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        out
    };
    let one = run("one", &["--threads", "1"]);
    let two = run("two", &["--threads", "2", "--chunk-docs", "3"]);
    for file in std::fs::read_dir(&one).unwrap() {
        let name = file.unwrap().file_name();
        if name == "manifest.json" {
            continue; // holds timings and the thread count
        }
        let a = std::fs::read(one.join(&name)).unwrap();
        let b = std::fs::read(two.join(&name)).unwrap();
        assert!(
            a == b,
            "{name:?} differs between --threads 1 and --threads 2"
        );
    }
}

#[test]
fn jsonl_on_stdin_and_jsonl_output() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_actant"))
        .args(["extract", "-", "--out", "o", "--format", "jsonl"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"x1\",\"text\":\"Turkey backed Azerbaijan.\"}\n")
        .unwrap();
    let result = child.wait_with_output().unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(dir.path().join("o/entities.jsonl").exists());
    assert_eq!(manifest(&dir.path().join("o"))["documents"]["ok"], 1);
}

#[test]
fn a_50_mb_document_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "Azerbaijani troops shelled positions near Stepanakert on Tuesday, the Defense Ministry in Yerevan said. Russia called on both sides to exercise restraint.\n\n";
    let big = paragraph.repeat(50_000_000 / paragraph.len() + 1);
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    std::fs::write(dir.path().join("small.txt"), GOOD).unwrap();
    let result = actant(
        // Entities only: the default recognizer, without the parser, whose
        // run on 9 million tokens would take minutes in a debug build.
        &[
            "extract",
            "big.txt",
            "small.txt",
            "--out",
            "o",
            "--entities-only",
        ],
        dir.path(),
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let m = manifest(&dir.path().join("o"));
    assert_eq!(m["documents"]["ok"], 2);
    assert!(m["tokens"].as_u64().unwrap() > 7_000_000);
}

#[test]
fn usage_errors_exit_two_and_config_errors_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        actant(&["extract", "--out", "o"], dir.path()).status.code(),
        Some(2)
    );
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let result = actant(&["extract", "file", "--out", "file"], dir.path());
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("not a directory"));
}
