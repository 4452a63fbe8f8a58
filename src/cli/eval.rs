//! Flags of `actant eval`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{models_config, ner_config, NerChoice};
use crate::error::{Error, Result};
use crate::eval::conll::TagColumn;
use crate::eval::iob::Scheme;
use crate::eval::ner::NerOptions;
use crate::eval::ner_data::NerFormat;
use crate::eval::run::{NerEval, SyntaxEval, TriplesEval};
use crate::ner::NerConfig;

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
misses and false alarms. Token accuracy is shown when both sides are CoNLL files. The
error list sorts what strict matching left: label (exact span, other label), span
(overlapping, other boundaries), miss and false alarm.

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

    /// How many strict errors (label, span, miss, false alarm) to list; all
    /// are in --json.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub show: usize,

    /// The recognizer the pipeline runs when there is no --pred.
    #[command(flatten)]
    pub recognizer: RecognizerFlags,

    /// Also write every figure and error as JSON to this file.
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
            ner: self.recognizer.config()?,
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

    /// The recognizer the pipeline runs when there is no --pred.
    #[command(flatten)]
    pub recognizer: RecognizerFlags,

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
            ner: self.recognizer.config()?,
        })
    }
}

/// The recognizer an evaluation runs on gold texts.
#[derive(Debug, Args)]
pub struct RecognizerFlags {
    /// Entity recognizer the pipeline runs when there is no --pred.
    #[arg(long, value_enum, default_value_t = NerChoice::Embedded)]
    pub ner: NerChoice,

    /// Model file for --ner embedded instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub ner_model: Option<PathBuf>,
}

impl RecognizerFlags {
    /// The recognizer's configuration.
    pub fn config(&self) -> Result<NerConfig> {
        ner_config(self.ner, self.ner_model.as_ref())
    }
}

/// Flags of `actant eval syntax`.
#[derive(Debug, Args)]
#[command(
    after_help = "Without --pred, actant's syntax models analyse the treebank: from the raw \
    text rebuilt as for `eval segment` and segmented by actant (words align by character span; \
    scores are then F1), or with --gold-tokens on the gold words (scores are accuracies). Every \
    word counts, punctuation included; LAS compares the universal part of the relation (as in \
    the CoNLL 2018 shared task), LAS+sub the full relation.

Examples:
  actant eval syntax --gold ../shared/data/ud-ewt/en_ewt-ud-dev.conllu --gold-tokens
  actant eval syntax --gold ../shared/data/gum/en_gum-ud-dev.conllu --models models/"
)]
pub struct EvalSyntaxArgs {
    /// Gold treebank (CoNLL-U).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    /// Predicted CoNLL-U [default: run actant on the treebank].
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,

    /// Give actant the gold words instead of the raw text.
    #[arg(long, conflicts_with = "pred")]
    pub gold_tokens: bool,

    /// Folder with tagger.bin, lemmatizer.bin and parser.bin [default: the
    /// models built into actant].
    #[arg(long, value_name = "DIR", conflicts_with = "pred")]
    pub models: Option<PathBuf>,

    /// Also write every figure as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

impl EvalSyntaxArgs {
    /// Checks the flags and builds the evaluation.
    pub fn validate(&self) -> Result<SyntaxEval> {
        if !self.gold.is_file() {
            return Err(Error::config(format!(
                "--gold {} is not a file",
                self.gold.display()
            )));
        }
        Ok(SyntaxEval {
            gold: self.gold.clone(),
            pred: self.pred.clone(),
            gold_tokens: self.gold_tokens,
            models: models_config(self.models.as_ref())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

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
    fn eval_triples_passes_the_recognizer_model_on() {
        let argv = [
            "actant",
            "eval",
            "triples",
            "--gold",
            "g.csv",
            "--ner-model",
            "m.bin",
        ];
        let Command::Eval(EvalArgs {
            target: EvalTarget::Triples(args),
        }) = Cli::try_parse_from(argv).unwrap().command
        else {
            panic!("not eval triples");
        };
        assert_eq!(
            args.validate().unwrap().ner,
            NerConfig::Embedded {
                model: Some(PathBuf::from("m.bin"))
            }
        );
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
}
