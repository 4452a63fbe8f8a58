//! Command-line flags, and their validation into run configurations.
//!
//! Each subcommand's flags are a clap struct; `validate` turns them into the
//! library's configuration types with clear errors, and `main` runs them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::ner::NerConfig;
use crate::syntax::SyntaxConfig;

mod eval;
mod extract;
mod models;
mod train;

pub use eval::{
    EvalArgs, EvalNerArgs, EvalSegmentArgs, EvalSyntaxArgs, EvalTarget, EvalTriplesArgs,
    NerFormatChoice, RecognizerFlags, SchemeChoice,
};
pub use extract::{ExtractArgs, ExtractRun, FormatChoice, ProgressChoice};
pub use models::{without_transformer, DeviceFlag, ModelsCommand};
pub use train::{
    TrainArgs, TrainCommon, TrainNerArgs, TrainParserArgs, TrainTaggerArgs, TrainTarget,
};

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
    /// Inspect transformer model folders.
    #[command(subcommand)]
    Models(ModelsCommand),
}

/// Entity recognizers selectable on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NerChoice {
    /// The built-in trained recognizer, merged with the actor dictionary.
    Embedded,
    /// Match the built-in actor dictionary (countries, capitals, IGOs, groups, demonyms).
    Gazetteer,
    /// Run a BERT-family token-classification model from --model DIR
    /// (`extract` only; needs a build with the `transformer` feature).
    Transformer,
}

pub(crate) fn ner_config(choice: NerChoice, model: Option<&PathBuf>) -> Result<NerConfig> {
    match (choice, model) {
        (NerChoice::Embedded, model) => Ok(NerConfig::Embedded {
            model: model.cloned(),
        }),
        (NerChoice::Gazetteer, None) => Ok(NerConfig::Gazetteer),
        (NerChoice::Gazetteer, Some(_)) => Err(Error::config("--ner-model needs --ner embedded")),
        (NerChoice::Transformer, _) => Err(Error::config(
            "--ner transformer is available in `actant extract` (with --model DIR)",
        )),
    }
}

/// The syntax models a `--models` flag names.
pub(crate) fn models_config(models: Option<&PathBuf>) -> Result<SyntaxConfig> {
    match models {
        None => Ok(SyntaxConfig::Embedded),
        Some(dir) if dir.is_dir() => Ok(SyntaxConfig::Folder(dir.clone())),
        Some(dir) => Err(Error::config(format!(
            "--models {} is not a folder",
            dir.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
