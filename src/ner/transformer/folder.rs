//! A Hugging Face model folder: which files it must hold and whether they
//! agree with each other (`config.json`, the tokenizer, `model.safetensors`).

use std::path::{Path, PathBuf};

use super::model_config::ModelConfig;
use super::tokenizer::PieceTokenizer;
use super::weights::WeightIndex;
use crate::error::{Error, Location, Result};

/// A model folder whose configuration and tokenizer are loaded and agree.
#[derive(Debug)]
pub struct ModelFolder {
    /// The folder.
    pub dir: PathBuf,
    /// `config.json`.
    pub config: ModelConfig,
    /// The tokenizer.
    pub tokenizer: PieceTokenizer,
    /// `model.safetensors`.
    pub weights: PathBuf,
    /// Longest model input, special tokens included: the position
    /// embeddings' size, or the tokenizer's `model_max_length` if smaller.
    pub max_length: usize,
}

impl ModelFolder {
    /// Opens `dir`, reading `config.json` and the tokenizer and checking
    /// that the files are there and that the tokenizer fits the model.
    pub fn open(dir: &Path) -> Result<ModelFolder> {
        if !dir.is_dir() {
            return Err(Error::model(
                Location::path(dir),
                "no such model folder (expected config.json, model.safetensors and tokenizer.json or vocab.txt)",
            ));
        }
        let weights = dir.join("model.safetensors");
        let mut missing = Vec::new();
        if !dir.join("config.json").is_file() {
            missing.push("config.json");
        }
        if !weights.is_file() {
            missing.push("model.safetensors");
        }
        if !dir.join("tokenizer.json").is_file() && !dir.join("vocab.txt").is_file() {
            missing.push("tokenizer.json or vocab.txt");
        }
        if !missing.is_empty() {
            let mut message = format!("missing {}", missing.join(", "));
            if !weights.is_file() && dir.join("pytorch_model.bin").is_file() {
                message.push_str(
                    "; the folder has pytorch_model.bin: convert it with scripts/download-model.sh --convert DIR",
                );
            }
            return Err(Error::model(Location::path(dir), message));
        }
        let config = ModelConfig::load(dir)?;
        let tokenizer = PieceTokenizer::load(dir)?;
        let bound = tokenizer.id_bound();
        if bound as i64 > config.vocab_size {
            return Err(Error::model(
                Location::path(dir),
                format!(
                    "the tokenizer has ids up to {} but config.json's vocab_size is {}: tokenizer and model do not belong together",
                    bound - 1,
                    config.vocab_size
                ),
            ));
        }
        let max_length = tokenizer
            .max_length
            .map_or(config.max_positions as usize, |t| {
                t.min(config.max_positions as usize)
            });
        Ok(ModelFolder {
            dir: dir.to_path_buf(),
            config,
            tokenizer,
            weights,
            max_length,
        })
    }

    /// Checks the weights' table of contents against `config.json`
    /// without loading them: the word embeddings must have `vocab_size`
    /// rows, the classifier one output per label.
    pub fn check_weights(&self) -> Result<WeightIndex> {
        let index = WeightIndex::read(&self.weights)?;
        let location = Location::path(&self.weights);
        let c = &self.config;
        let prefix = c.architecture.weight_prefix();
        let expect = |name: &str, shape: [i64; 2], what: &str| -> Result<()> {
            let (_, entry) = index.find(name).ok_or_else(|| {
                Error::model(location.clone(), format!("no tensor `{name}` ({what})"))
            })?;
            let found: Vec<i64> = entry.shape.iter().map(|&d| d as i64).collect();
            if found != shape {
                return Err(Error::model(
                    location.clone(),
                    format!("`{name}` ({what}) has shape {found:?}, config.json implies {shape:?}"),
                ));
            }
            Ok(())
        };
        expect(
            &format!("{prefix}.embeddings.word_embeddings.weight"),
            [c.vocab_size, c.hidden_size],
            "word embeddings: vocab_size × hidden size",
        )?;
        expect(
            &format!("{prefix}.embeddings.position_embeddings.weight"),
            [c.max_positions, c.hidden_size],
            "position embeddings: max_position_embeddings × hidden size",
        )?;
        expect(
            "classifier.weight",
            [c.labels.len() as i64, c.hidden_size],
            "classifier: one row per label of id2label",
        )?;
        Ok(index)
    }
}
