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
use crate::eval::conll::TagColumn;
use crate::eval::iob::Scheme;
use crate::eval::ner::NerOptions;
use crate::eval::ner_data::NerFormat;
use crate::eval::run::{NerEval, SyntaxEval, TriplesEval};
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
    /// Train a model shipped in models/ from the open treebanks.
    Train(TrainArgs),
}

/// Flags of `actant train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Which model to train.
    #[command(subcommand)]
    pub target: TrainTarget,
}

/// What `actant train` trains.
#[derive(Debug, Subcommand)]
pub enum TrainTarget {
    /// The embedded entity recognizer (models/ner.bin).
    #[command(
        after_help = "Trains on GUM train (named mentions of the Entity= brackets) and two of \
        every three documents of Universal NER EWT dev; the word lexicon and clusters come from \
        the text of UD EWT train and GUM train. Span scores are calibrated on GUM dev. Prints \
        strict PER/ORG/LOC scores on GUM dev and the held-out UNER documents (gold tokens) for \
        the model alone, the model merged with the actor dictionary, and the dictionary alone."
    )]
    Ner(TrainNerArgs),
}

/// Flags of `actant train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Folder holding gum/, ud-ewt/ and uner-ewt/.
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub data: PathBuf,

    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "models/ner.bin")]
    pub out: PathBuf,

    /// Passes over the training data.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub epochs: usize,

    /// Seed of the training order.
    #[arg(long, value_name = "N", default_value_t = 7)]
    pub seed: u64,

    /// Also write the held-out UNER documents as IOB2 (for `actant eval ner --gold`).
    #[arg(long, value_name = "FILE")]
    pub heldout: Option<PathBuf>,

    /// Print the report as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

impl TrainNerArgs {
    /// Checks the flags and builds the training configuration.
    pub fn validate(&self) -> Result<crate::ner::embedded::run::TrainNerConfig> {
        if !self.data.is_dir() {
            return Err(Error::config(format!(
                "--data {} is not a folder (it should hold gum/, ud-ewt/ and uner-ewt/)",
                self.data.display()
            )));
        }
        if self.epochs == 0 {
            return Err(Error::config("--epochs must be at least 1"));
        }
        let train = crate::ner::embedded::train::TrainConfig {
            epochs: self.epochs,
            seed: self.seed,
            ..Default::default()
        };
        Ok(crate::ner::embedded::run::TrainNerConfig {
            data_dir: self.data.clone(),
            out: self.out.clone(),
            recipe: Default::default(),
            train,
            heldout_out: self.heldout.clone(),
        })
    }
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
    /// Entities: precision, recall and F1 per label, micro and macro, strict and partial.
    Ner(EvalNerArgs),
    /// Actor–action–target triples: P/R/F1, event-type accuracy, misses and false alarms.
    Triples(EvalTriplesArgs),
    /// Tags, lemmas and dependencies against a CoNLL-U treebank.
    Syntax(EvalSyntaxArgs),
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
    /// The built-in trained recognizer, merged with the actor dictionary.
    Embedded,
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

    /// Entity recognizer. `embedded` (the trained model merged with the
    /// actor dictionary) finds people and unlisted names too; it is not yet
    /// the default because its memory grows steeply on single documents of
    /// tens of megabytes.
    #[arg(long, value_enum, default_value_t = NerChoice::Gazetteer)]
    pub ner: NerChoice,

    /// Model file for --ner embedded instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub ner_model: Option<PathBuf>,

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
        let ner = ner_config(self.ner, self.ner_model.as_ref())?;
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

/// Tag readings selectable on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemeChoice {
    /// conlleval.pl and seqeval's default mode.
    Conlleval,
    /// seqeval's strict mode, IOB2.
    Iob2,
    /// seqeval's strict mode, IOBES.
    Iobes,
}

/// Entity file formats selectable on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NerFormatChoice {
    /// Token per line, IOB tags in a column.
    Conll,
    /// CoNLL-U with GUM Entity= mentions.
    Conllu,
    /// JSON Lines with character spans.
    Jsonl,
    /// actant's entities.csv.
    EntitiesCsv,
}

impl NerFormatChoice {
    fn format(self) -> NerFormat {
        match self {
            NerFormatChoice::Conll => NerFormat::Conll,
            NerFormatChoice::Conllu => NerFormat::Conllu,
            NerFormatChoice::Jsonl => NerFormat::Jsonl,
            NerFormatChoice::EntitiesCsv => NerFormat::EntitiesCsv,
        }
    }
}

/// Flags of `actant eval ner`.
#[derive(Debug, Args)]
#[command(after_help = "Matching (both modes are reported):
  strict   a predicted entity is right only if its document, start, end and label all
           equal a gold entity's: the figure seqeval and conlleval report.
  partial  a predicted entity is right if it overlaps a gold entity with the same label;
           gold and predicted entities are paired one to one (the most pairs possible),
           so one long prediction over two gold entities earns one hit.
Each mode gives gold, predicted, TP, FP, FN, precision, recall and F1 per label, micro
(pooled counts) and macro (mean of the per-label figures over the labels seen in gold or
predictions); a ratio with a zero denominator is 0. The confusion table pairs the leftover
gold and predicted entities that share a span but not a label (type errors); `-` marks
misses and false alarms. Token accuracy is shown when both sides are CoNLL files.

Tag schemes (CoNLL files):
  conlleval  as conlleval.pl and seqeval's default mode: an I- tag after O, or after a tag
             of another type, starts an entity (B-PER I-LOC is two entities).
  iob2       as seqeval's strict mode (mode=\"strict\", scheme=IOB2): only B- starts an
             entity; a stray I- is dropped (B-PER I-LOC is one PER entity).
  iobes      as seqeval's strict mode with IOBES: B- I- E- and S-.

Formats (from the file extension unless --gold-format/--pred-format say):
  conll         .conll .iob .iob2 .bio .tsv .txt: one token per line in columns, a blank line
                between sentences, -DOCSTART- or \"# newdoc id = X\" between documents. The
                tags are in the last column holding an IOB tag on every line, unless
                --gold-column/--pred-column name one (1-based; negative counts from the end).
  conllu        .conllu: GUM Entity= mentions; a mention whose head is a proper noun becomes
                a PER/ORG/LOC/MISC entity over its name (titles and dates left out).
  jsonl         .jsonl: {\"id\",\"text\",\"entities\":[{\"start\",\"end\",\"label\"}]}, Unicode
                code-point offsets, end exclusive.
  entities-csv  .csv: actant's entities.csv (doc_id, start, end, label).
Any gold format can be scored against any prediction format that has the same document
ids and texts. Without --pred the pipeline (--ner) runs on the gold texts.

Examples:
  actant eval ner --gold tests/fixtures/dev/entities.jsonl
  actant eval ner --gold tests/fixtures/dev/entities.jsonl --pred out/entities.csv
  actant eval ner --gold out.conll --gold-column -2 --pred out.conll --scheme iob2
  actant eval ner --gold en_ewt-ud-dev.iob2 --pred pred.iob2 --labels PER,ORG,LOC")]
pub struct EvalNerArgs {
    /// Gold entities.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    /// Predicted entities [default: run the pipeline on the gold texts].
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,

    /// Format of the gold file [default: from its extension].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub gold_format: Option<NerFormatChoice>,

    /// Format of the predictions [default: from the extension].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub pred_format: Option<NerFormatChoice>,

    /// How IOB tags become entities.
    #[arg(long, value_enum, default_value_t = SchemeChoice::Conlleval)]
    pub scheme: SchemeChoice,

    /// Tag column of a gold CoNLL file: auto, or 1-based (negative from the end).
    #[arg(
        long,
        value_name = "N",
        default_value = "auto",
        allow_hyphen_values = true
    )]
    pub gold_column: TagColumn,

    /// Tag column of a predicted CoNLL file: auto, or 1-based (negative from the end).
    #[arg(
        long,
        value_name = "N",
        default_value = "auto",
        allow_hyphen_values = true
    )]
    pub pred_column: TagColumn,

    /// Score only these labels (comma-separated).
    #[arg(long, value_name = "LABELS", value_delimiter = ',')]
    pub labels: Vec<String>,

    /// Map other schemes' labels to PER/ORG/LOC/MISC on both sides
    /// (PERSON→PER, GPE→LOC, NORP and OTH→MISC, ...).
    #[arg(long)]
    pub conll_labels: bool,

    /// Entity recognizer the pipeline runs when there is no --pred.
    #[arg(long, value_enum, default_value_t = NerChoice::Embedded)]
    pub ner: NerChoice,

    /// Model file for --ner embedded instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub ner_model: Option<PathBuf>,

    /// Also write every figure as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

impl EvalNerArgs {
    /// Checks the flags and builds the evaluation.
    pub fn validate(&self) -> Result<NerEval> {
        let labels: std::collections::BTreeSet<String> = self
            .labels
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        Ok(NerEval {
            gold: self.gold.clone(),
            gold_format: self.gold_format.map(NerFormatChoice::format),
            gold_column: self.gold_column,
            pred: self.pred.clone(),
            pred_format: self.pred_format.map(NerFormatChoice::format),
            pred_column: self.pred_column,
            scheme: match self.scheme {
                SchemeChoice::Conlleval => Scheme::Conlleval,
                SchemeChoice::Iob2 => Scheme::Iob2,
                SchemeChoice::Iobes => Scheme::Iobes,
            },
            options: NerOptions {
                labels: (!labels.is_empty()).then_some(labels),
                conll_labels: self.conll_labels,
            },
            ner: ner_config(self.ner, self.ner_model.as_ref())?,
        })
    }
}

/// Flags of `actant eval triples`.
#[derive(Debug, Args)]
#[command(after_help = "A predicted triple matches a gold one (one to one) when:
  - the document is the same;
  - actor and target match: lowercased, without determiners and possessive 's, one phrase
    contains the other's head word (its last word before of/for/in/...): \"Russian troops\"
    matches \"troops\", \"Sergei Lavrov\" matches \"Lavrov\"; \"Russia\" does not match
    \"Russian troops\";
  - the actions match: the same words, or the same verb where one side leaves out the event
    noun of a light-verb construction (\"launch\" and \"launch into\" match \"launch offensive
    into\"); a phrasal verb's particle counts (\"call\" does not match \"call on\").
The event type is not part of the match; its accuracy over the matches is reported, with a
table per event type and the lists of misses and false alarms.

Gold: CSV with doc_id, actor, action, target, event. Predictions: the same columns, or
actant's triples.csv (its action_lemma column is used). Without --pred the pipeline runs on
--docs (any corpus input), by default the entities.jsonl beside the gold file.

Example:
  actant eval triples --gold tests/fixtures/dev/triples.csv --pred out/triples.csv")]
pub struct EvalTriplesArgs {
    /// Gold triples CSV.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    /// Predicted triples CSV [default: run the pipeline on --docs].
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,

    /// Documents to run the pipeline on [default: entities.jsonl beside --gold].
    #[arg(long, value_name = "INPUT", conflicts_with = "pred")]
    pub docs: Option<PathBuf>,

    /// How many misses and false alarms to list (all are in --json).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub show: usize,

    /// Entity recognizer the pipeline runs when there is no --pred.
    #[arg(long, value_enum, default_value_t = NerChoice::Embedded)]
    pub ner: NerChoice,

    /// Model file for --ner embedded instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub ner_model: Option<PathBuf>,

    /// Also write every figure, match, miss and false alarm as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

impl EvalTriplesArgs {
    /// Checks the flags and builds the evaluation.
    pub fn validate(&self) -> Result<TriplesEval> {
        Ok(TriplesEval {
            gold: self.gold.clone(),
            pred: self.pred.clone(),
            docs: self.docs.clone(),
            ner: ner_config(self.ner, None)?,
        })
    }
}

/// Flags of `actant eval syntax`.
#[derive(Debug, Args)]
#[command(
    after_help = "Every word counts, punctuation included. UAS: the head is right;
LAS: the head and the universal relation (nmod for nmod:poss) are right, as in the CoNLL 2018
shared task; LAS+sub compares the full relation.

With --pred on the same tokens as the gold file, each figure is an accuracy. Otherwise the
predictions are a tokenization of the raw text: words are aligned with gold words covering
the same characters (whitespace aside), each figure is an F1 over aligned words, and words
and sentences (and multiword tokens, when the predictions have them) get F1 scores of their
own; a sentence is right when both its ends are. Without --pred the pipeline runs on the
treebank's raw text, rebuilt from its tokens and SpaceAfter=No, a space between sentences
and a blank line between paragraphs.

Example:
  actant eval syntax --gold en_ewt-ud-dev.conllu --pred predicted.conllu"
)]
pub struct EvalSyntaxArgs {
    /// Gold treebank (CoNLL-U).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    /// Predicted CoNLL-U [default: run the pipeline on the raw text].
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,

    /// Entity recognizer the pipeline is built with when there is no --pred.
    #[arg(long, value_enum, default_value_t = NerChoice::Embedded)]
    pub ner: NerChoice,

    /// Also write every figure as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

impl EvalSyntaxArgs {
    /// Checks the flags and builds the evaluation.
    pub fn validate(&self) -> Result<SyntaxEval> {
        Ok(SyntaxEval {
            gold: self.gold.clone(),
            pred: self.pred.clone(),
            ner: ner_config(self.ner, None)?,
        })
    }
}

fn ner_config(choice: NerChoice, model: Option<&PathBuf>) -> Result<NerConfig> {
    match (choice, model) {
        (NerChoice::Embedded, model) => Ok(NerConfig::Embedded {
            model: model.cloned(),
        }),
        (NerChoice::Gazetteer, None) => Ok(NerConfig::Gazetteer),
        (NerChoice::Gazetteer, Some(_)) => Err(Error::config("--ner-model needs --ner embedded")),
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
    fn eval_ner_flags_become_an_evaluation() {
        let argv = [
            "actant",
            "eval",
            "ner",
            "--gold",
            "g.conll",
            "--gold-column",
            "-2",
            "--pred",
            "g.conll",
            "--scheme",
            "iob2",
            "--labels",
            "PER, ORG,LOC",
        ];
        let Command::Eval(EvalArgs {
            target: EvalTarget::Ner(args),
        }) = Cli::try_parse_from(argv).unwrap().command
        else {
            panic!("not eval ner");
        };
        let run = args.validate().unwrap();
        assert_eq!(run.gold_column, TagColumn::Index(-2));
        assert_eq!(run.pred_column, TagColumn::Auto);
        assert_eq!(run.scheme, Scheme::Iob2);
        let labels: Vec<&str> = run
            .options
            .labels
            .as_ref()
            .unwrap()
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(labels, ["LOC", "ORG", "PER"]);
        assert!(Cli::try_parse_from([
            "actant",
            "eval",
            "ner",
            "--gold",
            "g",
            "--gold-column",
            "0"
        ])
        .is_err());
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
