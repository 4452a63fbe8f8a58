//! `actant models check DIR`: validates a model folder end to end (files,
//! configuration, label map, tokenizer against embeddings, every weight,
//! one forward pass) and describes what it found.

use std::fmt;
use std::path::Path;

use super::device::DeviceChoice;
use super::folder::ModelFolder;
use super::labels::Tag;
use super::recognizer::{TransformerConfig, TransformerRecognizer};
use super::tokenizer::TokenizerSource;
use crate::error::Result;

/// What `models check` found in a valid folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderReport {
    /// Lines of `name: value`, in display order.
    pub facts: Vec<(String, String)>,
}

impl fmt::Display for FolderReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self.facts.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (key, value) in &self.facts {
            writeln!(f, "{key:width$}  {value}")?;
        }
        Ok(())
    }
}

/// A sentence with names of every type, run once to prove the model works.
const PROBE: &str =
    "Nikol Pashinyan met Ilham Aliyev and officials of the European Union in Brussels.";

/// Checks the model folder `dir`; the first problem found is the error.
pub fn check_model_folder(dir: &Path) -> Result<FolderReport> {
    let folder = ModelFolder::open(dir)?;
    let index = folder.check_weights()?;
    let c = &folder.config;
    let mut facts: Vec<(String, String)> = Vec::new();
    let mut fact = |k: &str, v: String| facts.push((k.to_string(), v));
    fact("folder", dir.display().to_string());
    fact("architecture", c.architecture.class_name().to_string());
    fact(
        "size",
        format!(
            "{} layers, hidden {}, {} heads, feed-forward {}",
            c.num_layers, c.hidden_size, c.num_heads, c.intermediate_size
        ),
    );
    fact(
        "tokenizer",
        format!(
            "{} ({} pieces; the embeddings have {} rows)",
            match folder.tokenizer.source {
                TokenizerSource::TokenizerJson => "tokenizer.json",
                TokenizerSource::Vocab => "vocab.txt + tokenizer_config.json",
            },
            folder.tokenizer.vocab_size,
            c.vocab_size
        ),
    );
    fact(
        "max length",
        format!(
            "{} pieces per window, special tokens included",
            folder.max_length
        ),
    );
    let mapping: Vec<String> = c
        .labels
        .names
        .iter()
        .zip(&c.labels.tags)
        .map(|(name, tag)| match tag {
            Tag::Outside => name.clone(),
            Tag::Entity { kind, .. } => match c.labels.kinds[*kind].label {
                Some(label) => format!("{name}→{label}"),
                None => format!("{name}→(not output)"),
            },
        })
        .collect();
    fact(
        "labels",
        format!("{}: {}", mapping.len(), mapping.join(" ")),
    );
    let mut dtypes: Vec<&str> = index.tensors.values().map(|e| e.dtype.as_str()).collect();
    dtypes.sort_unstable();
    dtypes.dedup();
    fact(
        "weights",
        format!("{} tensors ({})", index.tensors.len(), dtypes.join(", ")),
    );

    let mut config = TransformerConfig::new(dir);
    config.device = DeviceChoice::Cpu;
    config.threads = 1;
    let recognizer = TransformerRecognizer::load(&config)?;
    let mentions = recognizer.mentions(PROBE)?;
    fact(
        "forward pass",
        format!(
            "ok on the CPU ({} mentions in a test sentence)",
            mentions.len()
        ),
    );
    fact(
        "cuda",
        if tch::Cuda::is_available() {
            format!("{} GPU(s) visible to libtorch", tch::Cuda::device_count())
        } else {
            "no GPU visible to libtorch (--device auto runs on the CPU)".to_string()
        },
    );
    Ok(FolderReport { facts })
}
