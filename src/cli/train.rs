//! Flags of `actant train`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::error::{Error, Result};
use crate::syntax::parser::ParserConfig;
use crate::syntax::tagger::TaggerConfig;
use crate::syntax::train::ParserTraining;

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
    /// The part-of-speech tagger and the lemmatizer (tagger.bin, lemmatizer.bin).
    Tagger(TrainTaggerArgs),
    /// The dependency parser (parser.bin), on tags from jackknifed taggers.
    Parser(TrainParserArgs),
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

/// Flags shared by the training commands.
#[derive(Debug, Args)]
pub struct TrainCommon {
    /// Training treebank (CoNLL-U); repeat for several.
    #[arg(long = "train", value_name = "FILE.conllu", required = true)]
    pub train: Vec<PathBuf>,

    /// Folder to write the model files to (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,

    /// Seed of the shuffles (training is deterministic for a seed).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Drop averaged weights smaller than this.
    #[arg(long, value_name = "W")]
    pub prune: Option<f32>,
}

impl TrainCommon {
    fn validate(&self) -> Result<()> {
        if let Some(missing) = self.train.iter().find(|p| !p.is_file()) {
            return Err(Error::config(format!(
                "--train {} is not a file",
                missing.display()
            )));
        }
        if self.out.exists() && !self.out.is_dir() {
            return Err(Error::config(format!(
                "--out {} exists and is not a directory",
                self.out.display()
            )));
        }
        if self.prune.is_some_and(|p| !(p >= 0.0 && p.is_finite())) {
            return Err(Error::config("--prune must be a number of at least 0"));
        }
        Ok(())
    }
}

/// Flags of `actant train tagger`.
#[derive(Debug, Args)]
pub struct TrainTaggerArgs {
    /// Training data and output.
    #[command(flatten)]
    pub common: TrainCommon,

    /// Passes over the training data.
    #[arg(long, default_value_t = TaggerConfig::default().epochs)]
    pub epochs: usize,
}

impl TrainTaggerArgs {
    /// Checks the flags and builds the tagger's training configuration.
    pub fn validate(&self) -> Result<TaggerConfig> {
        self.common.validate()?;
        let defaults = TaggerConfig::default();
        Ok(TaggerConfig {
            epochs: self.epochs,
            seed: self.common.seed,
            prune: self.common.prune.unwrap_or(defaults.prune),
            ..defaults
        })
    }
}

/// Flags of `actant train parser`.
#[derive(Debug, Args)]
pub struct TrainParserArgs {
    /// Training data and output.
    #[command(flatten)]
    pub common: TrainCommon,

    /// Passes over the training data.
    #[arg(long, default_value_t = ParserConfig::default().epochs)]
    pub epochs: usize,

    /// Folds for tagging the training data with taggers that did not see
    /// it (0: train on gold tags).
    #[arg(long, default_value_t = ParserTraining::default().folds)]
    pub folds: usize,

    /// Passes of the fold taggers over their training data.
    #[arg(long, default_value_t = TaggerConfig::default().epochs)]
    pub tagger_epochs: usize,

    /// Perceptrons trained with successive seeds, whose scores the parser
    /// adds (more is more accurate and slower).
    #[arg(long, default_value_t = ParserConfig::default().members)]
    pub members: usize,
}

impl TrainParserArgs {
    /// Checks the flags and builds the parser's training configuration.
    pub fn validate(&self) -> Result<ParserTraining> {
        self.common.validate()?;
        if self.folds == 1 {
            return Err(Error::config("--folds must be 0 (gold tags) or at least 2"));
        }
        if !(1..=16).contains(&self.members) {
            return Err(Error::config("--members must be between 1 and 16"));
        }
        let defaults = ParserTraining::default();
        Ok(ParserTraining {
            parser: ParserConfig {
                epochs: self.epochs,
                seed: self.common.seed,
                prune: self.common.prune.unwrap_or(defaults.parser.prune),
                members: self.members,
                ..defaults.parser
            },
            tagger: TaggerConfig {
                epochs: self.tagger_epochs,
                seed: self.common.seed,
                ..defaults.tagger
            },
            folds: self.folds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn train_flags_become_configurations() {
        let cli = Cli::try_parse_from([
            "actant",
            "train",
            "parser",
            "--train",
            "Cargo.toml",
            "--out",
            "target/m",
            "--folds",
            "1",
        ])
        .unwrap();
        let Command::Train(TrainArgs {
            target: TrainTarget::Parser(args),
        }) = cli.command
        else {
            panic!("not train parser");
        };
        assert!(args.validate().is_err(), "one fold is refused");
        let cli = Cli::try_parse_from([
            "actant",
            "train",
            "tagger",
            "--train",
            "Cargo.toml",
            "--out",
            "target/m",
            "--seed",
            "7",
            "--epochs",
            "3",
        ])
        .unwrap();
        let Command::Train(TrainArgs {
            target: TrainTarget::Tagger(args),
        }) = cli.command
        else {
            panic!("not train tagger");
        };
        let config = args.validate().unwrap();
        assert_eq!((config.seed, config.epochs), (7, 3));
        assert!(Cli::try_parse_from(["actant", "train", "tagger", "--out", "m"]).is_err());
    }
}
