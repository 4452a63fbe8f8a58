//! Command-line flags, and their validation into run configurations.
//!
//! Each subcommand's flags are a clap struct; `validate` turns them into the
//! library's configuration types with clear errors, and `main` runs them.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::batch::BatchConfig;
use crate::corpus::Input;
use crate::error::{Error, Result};
use crate::export::Format;
use crate::ner::NerConfig;

/// Exit status: every document was processed.
pub const EXIT_OK: u8 = 0;
/// Exit status: the run failed (bad configuration, unwritable output, ...).
pub const EXIT_ERROR: u8 = 1;
/// Exit status: invalid command line (as printed by `--help`).
pub const EXIT_USAGE: u8 = 2;
/// Exit status: the run completed but some documents were skipped or failed
/// (listed in `manifest.json`).
pub const EXIT_PARTIAL: u8 = 3;

/// actant: who did what to whom, from news text.
#[derive(Debug, Parser)]
#[command(
    name = "actant",
    version,
    about = "Extract entities and actor–action–target triples from news corpora",
    after_help = "Exit status: 0 all documents processed; 1 the run failed; 2 invalid command line; \
                  3 finished, but some documents were skipped or failed (see manifest.json)."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Annotate documents and write entities (and triples) to a folder.
    Extract(ExtractArgs),
    /// Score actant against gold annotation.
    Eval(EvalArgs),
}

/// Flags of `actant eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// What to score.
    #[command(subcommand)]
    pub target: EvalTarget,
}

/// What `actant eval` scores.
#[derive(Debug, Subcommand)]
pub enum EvalTarget {
    /// Sentence and token segmentation against a CoNLL-U treebank.
    #[command(
        after_help = "The raw text of each document (# newdoc) is rebuilt from the token forms \
        (a space unless SpaceAfter=No; a blank line between paragraphs, # newpar) and segmented; \
        a predicted token matches a gold word with the same character span, a predicted sentence \
        end a gold one at the same offset."
    )]
    Segment(EvalSegmentArgs),
}

/// Flags of `actant eval segment`.
#[derive(Debug, Args)]
pub struct EvalSegmentArgs {
    /// Gold CoNLL-U file (for example UD English-EWT or GUM dev).
    #[arg(long, value_name = "FILE.conllu")]
    pub gold: PathBuf,

    /// Print the scores as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

impl EvalSegmentArgs {
    /// Checks that the gold file is there.
    pub fn validate(&self) -> Result<()> {
        if !self.gold.is_file() {
            return Err(Error::config(format!(
                "--gold {} is not a file",
                self.gold.display()
            )));
        }
        Ok(())
    }
}

/// Entity recognizers selectable on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NerChoice {
    /// Match the built-in actor dictionary (countries, capitals, IGOs, groups, demonyms).
    Gazetteer,
}

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

    /// Entity recognizer.
    #[arg(long, value_enum, default_value_t = NerChoice::Gazetteer)]
    pub ner: NerChoice,

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
            NerChoice::Gazetteer => NerConfig::Gazetteer,
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
            "format": format,
            "graph": self.graph,
            "threads": batch.threads,
            "chunk_docs": batch.chunk_docs,
            "chunk_bytes": batch.chunk_bytes,
        });
        Ok(ExtractRun {
            inputs,
            ner,
            batch,
            progress: self.progress,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn eval_segment_needs_an_existing_gold_file() {
        let cli = Cli::try_parse_from(["actant", "eval", "segment", "--gold", "nope.conllu"]);
        let Command::Eval(EvalArgs {
            target: EvalTarget::Segment(args),
        }) = cli.unwrap().command
        else {
            panic!("not eval segment");
        };
        assert!(!args.json);
        assert!(args.validate().is_err());
        assert!(Cli::try_parse_from(["actant", "eval", "segment"]).is_err());
    }

    #[test]
    fn help_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
