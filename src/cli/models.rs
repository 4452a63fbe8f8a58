//! Flags of the transformer recognizer: `actant models check DIR` and the
//! `--model DIR --device` settings of `extract --ner transformer`.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::ner::NerConfig;

/// `actant models ...`.
#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// Check a Hugging Face token-classification model folder (files, label
    /// map, tokenizer against embeddings, weights, one forward pass) for
    /// `--ner transformer --model DIR`.
    Check {
        /// The model folder (config.json, model.safetensors, tokenizer.json or vocab.txt).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// Where `--ner transformer` runs its model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DeviceFlag {
    /// The CPU.
    Cpu,
    /// The first CUDA GPU (an error when libtorch sees none).
    Cuda,
    /// A CUDA GPU when libtorch sees one, else the CPU.
    Auto,
}

/// The recognizer configuration of `--ner transformer --model DIR
/// --device D`; libtorch gets `threads` threads (the run's `--threads`,
/// default all cores).
#[cfg(feature = "transformer")]
pub(crate) fn transformer_config(
    model: Option<&PathBuf>,
    device: DeviceFlag,
    threads: Option<usize>,
) -> Result<NerConfig> {
    use crate::ner::DeviceChoice;
    let model = model
        .cloned()
        .ok_or_else(|| Error::config("--ner transformer needs --model DIR (a model folder)"))?;
    let device = match device {
        DeviceFlag::Cpu => DeviceChoice::Cpu,
        DeviceFlag::Cuda => DeviceChoice::Cuda,
        DeviceFlag::Auto => DeviceChoice::Auto,
    };
    let threads =
        threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    Ok(NerConfig::Transformer {
        model,
        device,
        threads,
    })
}

/// `--ner transformer` in a build without the feature.
#[cfg(not(feature = "transformer"))]
pub(crate) fn transformer_config(
    _model: Option<&PathBuf>,
    _device: DeviceFlag,
    _threads: Option<usize>,
) -> Result<NerConfig> {
    Err(without_transformer())
}

/// The error for transformer commands in a build without the feature.
pub fn without_transformer() -> Error {
    Error::config(
        "this actant was built without the `transformer` feature; build it with \
         `scripts/setup-libtorch.sh && LIBTORCH_USE_PYTORCH=1 VIRTUAL_ENV=$PWD/.venv PATH=$PWD/.venv/bin:$PATH \
         cargo build --release --features transformer` (scripts/setup-libtorch.sh installs libtorch 2.4 into .venv)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn parses_models_check() {
        let cli = Cli::try_parse_from(["actant", "models", "check", "some/dir"]).unwrap();
        match cli.command {
            Command::Models(ModelsCommand::Check { dir }) => {
                assert_eq!(dir, PathBuf::from("some/dir"))
            }
            other => panic!("parsed as {other:?}"),
        }
        assert!(Cli::try_parse_from(["actant", "models", "check"]).is_err());
    }
}
