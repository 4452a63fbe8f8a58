//! `actant eval segment` on a small treebank written by the test.

use std::process::Command;

const GOLD: &str = "# newdoc id = d1\n# newpar\n# text = Russia won't wait.\n\
1\tRussia\t_\t_\t_\t_\t0\t_\t_\t_\n\
2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\two\t_\t_\t_\t_\t0\t_\t_\t_\n\
3\tn't\t_\t_\t_\t_\t0\t_\t_\t_\n\
4\twait\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n\
5\t.\t_\t_\t_\t_\t0\t_\t_\t_\n\n\
# text = Mr. Lavrov agreed.\n\
1\tMr.\t_\t_\t_\t_\t0\t_\t_\t_\n\
2\tLavrov\t_\t_\t_\t_\t0\t_\t_\t_\n\
3\tagreed\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n\
4\t.\t_\t_\t_\t_\t0\t_\t_\t_\n\n";

fn actant(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_actant"))
        .args(args)
        .output()
        .expect("actant runs")
}

#[test]
fn eval_segment_prints_a_table_or_json() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.conllu");
    std::fs::write(&gold, GOLD).unwrap();
    let gold = gold.to_str().unwrap();

    let out = actant(&["eval", "segment", "--gold", gold]);
    assert!(out.status.success(), "{out:?}");
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("sentence ends"), "{table}");
    assert!(table.contains("1 documents"), "{table}");

    let out = actant(&["eval", "segment", "--gold", gold, "--json"]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["tokens"]["gold"], 9);
    assert_eq!(json["tokens"]["f1"], 1.0);
    assert_eq!(json["sentences"]["gold"], 2);
    assert_eq!(json["sentences"]["matched"], 2);
}

#[test]
fn eval_segment_reports_a_missing_or_malformed_gold_file() {
    let out = actant(&["eval", "segment", "--gold", "/nonexistent/gold.conllu"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--gold"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "1\tonly\tthree\n").unwrap();
    let out = actant(&["eval", "segment", "--gold", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.conllu:1"), "{err}");
}
