//! Flags of `actant extract`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::models::transformer_config;
use super::{models_config, ner_config, DeviceFlag, NerChoice};
use crate::batch::BatchConfig;
use crate::corpus::Input;
use crate::error::{Error, Result};
use crate::export::Format;
use crate::ner::NerConfig;
use crate::syntax::SyntaxConfig;

/// Output record formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatChoice {
    /// entities.csv (and triples.csv).
    Csv,
    /// entities.jsonl (and triples.jsonl): the same records as JSON objects.
    Jsonl,
}

/// When to draw a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProgressChoice {
    /// When standard error is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Flags of `actant extract`.
#[derive(Debug, Args)]
#[command(
    after_help = "Inputs: .txt files (one document each; the id is the file name without \
    extension, or the path below a given directory), directories (read recursively: .txt, .text, \
    .jsonl, .ndjson), .jsonl files (one object per line with \"text\", \"id\" and any other \
    fields, kept as metadata) and - (JSON Lines on standard input).\n\nOutputs in --out: \
    entities.csv (doc_id, sentence, start, end, text, label, score, source, code, canonical; \
    offsets are Unicode code points, end exclusive), triples.csv when the rule layer runs, and \
    manifest.json (configuration, models, counts, skipped documents with reasons, throughput). \
    Files appear only when complete."
)]
pub struct ExtractArgs {
    /// Files, directories, or - for JSON Lines on standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<OsString>,

    /// Output folder (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,

    /// Output record format.
    #[arg(long, value_enum, default_value_t = FormatChoice::Csv)]
    pub format: FormatChoice,

    /// Also write the actor graph as GraphML (graph.graphml): actors as
    /// nodes, triples as edges.
    #[arg(long)]
    pub graph: bool,

    /// Worker threads [default: number of cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Entity recognizer: `embedded` (the trained model merged with the
    /// actor dictionary) or `gazetteer` (the dictionary alone: faster,
    /// finds no people or unlisted names).
    #[arg(long, value_enum, default_value_t = NerChoice::Embedded)]
    pub ner: NerChoice,

    /// Model file for --ner embedded instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub ner_model: Option<PathBuf>,

    /// Folder with retrained syntax models (tagger.bin, lemmatizer.bin,
    /// parser.bin) instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub syntax_models: Option<PathBuf>,

    /// Entities only: skip tagging, parsing and the rule layer (no
    /// triples; several times faster).
    #[arg(long, conflicts_with = "syntax_models")]
    pub entities_only: bool,

    /// Model folder for --ner transformer (Hugging Face layout: config.json,
    /// model.safetensors, tokenizer.json or vocab.txt).
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,

    /// Device for --ner transformer.
    #[arg(long, value_enum, default_value_t = DeviceFlag::Auto)]
    pub device: DeviceFlag,

    /// Progress bar on standard error.
    #[arg(long, value_enum, default_value_t = ProgressChoice::Auto)]
    pub progress: ProgressChoice,

    /// Most documents per parallel chunk (memory bound).
    #[arg(long, value_name = "N", default_value_t = 512, hide_short_help = true)]
    pub chunk_docs: usize,

    /// Most megabytes of text per parallel chunk (memory bound).
    #[arg(long, value_name = "MB", default_value_t = 32, hide_short_help = true)]
    pub chunk_mb: usize,
}

/// A validated `extract` run.
#[derive(Debug)]
pub struct ExtractRun {
    /// Inputs in order.
    pub inputs: Vec<Input>,
    /// Recognizer to build.
    pub ner: NerConfig,
    /// Syntax models to run.
    pub syntax: SyntaxConfig,
    /// Whether the rule layer runs.
    pub link: bool,
    /// Batch settings.
    pub batch: BatchConfig,
    /// Progress bar policy.
    pub progress: ProgressChoice,
}

impl ExtractArgs {
    /// Checks the flags and builds the run configuration.
    pub fn validate(&self) -> Result<ExtractRun> {
        if self.threads == Some(0) {
            return Err(Error::config("--threads must be at least 1"));
        }
        if self.chunk_docs == 0 || self.chunk_mb == 0 {
            return Err(Error::config(
                "--chunk-docs and --chunk-mb must be at least 1",
            ));
        }
        if self.out.exists() && !self.out.is_dir() {
            return Err(Error::config(format!(
                "--out {} exists and is not a directory",
                self.out.display()
            )));
        }
        let inputs: Vec<Input> = self.inputs.iter().map(|a| Input::from_arg(a)).collect();
        if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
            return Err(Error::config("standard input (-) can be given only once"));
        }
        let ner = match self.ner {
            NerChoice::Transformer => {
                if self.ner_model.is_some() {
                    return Err(Error::config("--ner-model needs --ner embedded"));
                }
                transformer_config(self.model.as_ref(), self.device, self.threads)?
            }
            choice => {
                if self.model.is_some() {
                    return Err(Error::config("--model is used only with --ner transformer"));
                }
                ner_config(choice, self.ner_model.as_ref())?
            }
        };
        let syntax = if self.entities_only {
            SyntaxConfig::Off
        } else {
            models_config(self.syntax_models.as_ref())?
        };
        let format = match self.format {
            FormatChoice::Csv => Format::Csv,
            FormatChoice::Jsonl => Format::Jsonl,
        };
        let mut batch = BatchConfig::new(&self.out);
        batch.format = format;
        if let Some(threads) = self.threads {
            batch.threads = threads;
        }
        batch.graph = self.graph;
        batch.chunk_docs = self.chunk_docs;
        batch.chunk_bytes = self.chunk_mb.saturating_mul(1 << 20);
        batch.recorded = serde_json::json!({
            "inputs": self.inputs.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>(),
            "ner": ner,
            "syntax_models": self.syntax_models,
            "entities_only": self.entities_only,
            "format": format,
            "graph": self.graph,
            "threads": batch.threads,
            "chunk_docs": batch.chunk_docs,
            "chunk_bytes": batch.chunk_bytes,
        });
        Ok(ExtractRun {
            inputs,
            ner,
            syntax,
            link: !self.entities_only,
            batch,
            progress: self.progress,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn extract(args: &[&str]) -> ExtractArgs {
        let mut argv = vec!["actant", "extract"];
        argv.extend_from_slice(args);
        match Cli::try_parse_from(argv).unwrap().command {
            Command::Extract(a) => a,
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn validates_threads_and_stdin() {
        assert!(extract(&["in", "--out", "o", "-j", "0"])
            .validate()
            .is_err());
        assert!(extract(&["-", "-", "--out", "o"]).validate().is_err());
        let run = extract(&["a.txt", "-", "--out", "o", "-j", "2"])
            .validate()
            .unwrap();
        assert_eq!(run.inputs[1], Input::Stdin);
        assert_eq!(run.batch.threads, 2);
    }

    #[test]
    fn transformer_flags() {
        let err = extract(&["in", "--out", "o", "--model", "m"])
            .validate()
            .unwrap_err();
        assert!(err
            .to_string()
            .contains("--model is used only with --ner transformer"));
        let run = extract(&[
            "in",
            "--out",
            "o",
            "--ner",
            "transformer",
            "--model",
            "m",
            "-j",
            "3",
        ])
        .validate();
        #[cfg(feature = "transformer")]
        {
            assert!(extract(&["in", "--out", "o", "--ner", "transformer"])
                .validate()
                .unwrap_err()
                .to_string()
                .contains("needs --model DIR"));
            match run.unwrap().ner {
                NerConfig::Transformer { model, threads, .. } => {
                    assert_eq!(model, PathBuf::from("m"));
                    assert_eq!(threads, 3);
                }
                other => panic!("{other:?}"),
            }
        }
        #[cfg(not(feature = "transformer"))]
        assert!(run
            .unwrap_err()
            .to_string()
            .contains("built without the `transformer` feature"));
    }
}
