//! The three evaluations as the command line runs them: read the gold
//! file, read predictions or make them with the pipeline, score.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::conllu::read_conllu;
use crate::corpus::{Corpus, Input};
use crate::error::{Error, Result};
use crate::export::AtomicFile;
use crate::ner::NerConfig;
use crate::pipeline::Pipeline;
use crate::syntax::SyntaxConfig;

use super::conll::TagColumn;
use super::iob::Scheme;
use super::ner::{score_ner, NerOptions, NerReport};
use super::ner_data::{read_ner, NerFormat, ReadOptions};
use super::predict::{predict_entities, predict_syntax, predict_triples, DocFailure};
use super::syntax::{score_conllu, score_model_on_gold_tokens, score_syntax_raw, SyntaxReport};

use super::triples::{read_triples_csv, score_triples, TriplesReport};

/// An entity evaluation.
#[derive(Clone, Debug, Default)]
pub struct NerEval {
    /// Gold annotations.
    pub gold: PathBuf,
    /// Their format, if not the one the file name suggests.
    pub gold_format: Option<NerFormat>,
    /// Tag column of a gold CoNLL file.
    pub gold_column: TagColumn,
    /// Predictions; `None` runs the pipeline on the gold texts.
    pub pred: Option<PathBuf>,
    /// Their format, if not the one the file name suggests.
    pub pred_format: Option<NerFormat>,
    /// Tag column of a predicted CoNLL file.
    pub pred_column: TagColumn,
    /// How IOB tags become entities (both sides).
    pub scheme: Scheme,
    /// Label mapping and filter.
    pub options: NerOptions,
    /// The recognizer the pipeline runs when there are no predictions.
    pub ner: NerConfig,
}

/// Runs an entity evaluation.
pub fn run_ner_eval(config: &NerEval) -> Result<NerReport> {
    let read = |column| ReadOptions {
        scheme: config.scheme,
        column,
    };
    let gold = read_ner(&config.gold, config.gold_format, read(config.gold_column))?;
    let (pred, failures) = match &config.pred {
        Some(path) => (
            read_ner(path, config.pred_format, read(config.pred_column))?,
            Vec::new(),
        ),
        None => predict_entities(&pipeline(&config.ner)?, &gold)?,
    };
    let mut report = score_ner(&gold, &pred, &config.options)?;
    report.failures = failures;
    Ok(report)
}

/// A triples evaluation.
#[derive(Clone, Debug, Default)]
pub struct TriplesEval {
    /// Gold triples CSV.
    pub gold: PathBuf,
    /// Predicted triples CSV; `None` runs the pipeline on `docs`.
    pub pred: Option<PathBuf>,
    /// The documents to run the pipeline on (any corpus input); `None`
    /// looks for `entities.jsonl` beside the gold file (the fixture layout).
    pub docs: Option<PathBuf>,
    /// The recognizer the pipeline runs.
    pub ner: NerConfig,
}

/// Runs a triples evaluation.
pub fn run_triples_eval(config: &TriplesEval) -> Result<TriplesReport> {
    let gold = read_triples_csv(&config.gold)?;
    if let Some(path) = &config.pred {
        return Ok(score_triples(&gold, &read_triples_csv(path)?));
    }
    let docs_path = match &config.docs {
        Some(path) => path.clone(),
        None => {
            let beside = config.gold.with_file_name("entities.jsonl");
            if !beside.is_file() {
                return Err(Error::config(format!(
                    "give predictions (--pred) or the documents to run the pipeline on (--docs); no {} beside the gold file",
                    beside.display()
                )));
            }
            beside
        }
    };
    let (docs, mut failures) = read_documents(&docs_path);
    let (pred, run_failures) = predict_triples(&pipeline(&config.ner)?, &docs);
    failures.extend(run_failures);
    let mut gold = gold;
    gold.docs = pred.docs.clone();
    let mut report = score_triples(&gold, &pred);
    report.failures = failures;
    Ok(report)
}

/// A syntax evaluation.
#[derive(Clone, Debug, Default)]
pub struct SyntaxEval {
    /// Gold treebank.
    pub gold: PathBuf,
    /// Predicted CoNLL-U; `None` runs actant's syntax models.
    pub pred: Option<PathBuf>,
    /// Whether the models get the gold words (else the raw text).
    pub gold_tokens: bool,
    /// The syntax models to run.
    pub models: SyntaxConfig,
}

/// Runs a syntax evaluation.
pub fn run_syntax_eval(config: &SyntaxEval) -> Result<SyntaxReport> {
    let gold = read_conllu(&config.gold)?;
    match &config.pred {
        Some(path) => score_conllu(&gold, &read_conllu(path)?),
        None if config.gold_tokens => {
            let model = config
                .models
                .load()?
                .ok_or_else(|| Error::config("no syntax models to score"))?;
            score_model_on_gold_tokens(&model, &gold)
        }
        None => {
            let pipeline = Pipeline::builder()
                .ner(NerConfig::Gazetteer)
                .syntax(config.models.clone())
                .without_link()
                .build()?;
            let (docs, failures) = predict_syntax(&pipeline, &gold);
            let mut report = score_syntax_raw(&gold, &docs)?;
            report.failures = failures;
            Ok(report)
        }
    }
}

/// Writes a report as pretty JSON, atomically.
pub fn write_json(path: &Path, report: &impl Serialize) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    serde_json::to_writer_pretty(&mut file, report).map_err(|e| Error::io(path, e.into()))?;
    std::io::Write::write_all(&mut file, b"\n").map_err(|e| Error::io(path, e))?;
    file.commit()?;
    Ok(())
}

fn pipeline(ner: &NerConfig) -> Result<Pipeline> {
    Pipeline::builder().ner(ner.clone()).build()
}

fn read_documents(path: &Path) -> (Vec<crate::doc::RawDoc>, Vec<DocFailure>) {
    let corpus = Corpus::open(&[Input::from_arg(path.as_os_str())]);
    let mut docs = Vec::new();
    let mut failures = Vec::new();
    for doc in corpus.docs() {
        match doc {
            Ok(doc) => docs.push(doc),
            Err(e) => failures.push(DocFailure {
                doc: e
                    .location()
                    .map_or_else(|| path.display().to_string(), |l| l.to_string()),
                message: e.message().to_string(),
            }),
        }
    }
    (docs, failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triples_need_predictions_or_documents() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("triples.csv");
        std::fs::write(
            &gold,
            "doc_id,actor,action,target,event\nd,A,meet,B,CONSULT\n",
        )
        .unwrap();
        let config = TriplesEval {
            gold: gold.clone(),
            ..TriplesEval::default()
        };
        let e = run_triples_eval(&config).unwrap_err();
        assert!(e.to_string().contains("--docs"), "{e}");
        std::fs::write(
            dir.path().join("entities.jsonl"),
            "{\"id\": \"d\", \"text\": \"A met B.\"}\n",
        )
        .unwrap();
        let report = run_triples_eval(&config).unwrap();
        assert_eq!(report.gold.triples, 1);
        assert!(report.failures.is_empty());
    }

    #[test]
    fn json_reports_are_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        write_json(&path, &serde_json::json!({"f1": 0.5})).unwrap();
        let back: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(back["f1"], 0.5);
    }
}
