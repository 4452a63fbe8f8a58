//! `config.json` of a Hugging Face model folder: the architecture, its sizes
//! and the label map, checked at load time with messages that say what is
//! wrong and where.

use std::collections::HashMap;
use std::path::Path;

use rust_bert::bert::BertConfig;
use rust_bert::distilbert::DistilBertConfig;
use rust_bert::Activation;
use serde_json::{Map, Value};

use super::labels::LabelScheme;
use crate::error::{Error, Location, Result};

/// The model families the recognizer runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Architecture {
    /// `BertForTokenClassification` (`model_type: bert`).
    Bert,
    /// `DistilBertForTokenClassification` (`model_type: distilbert`).
    DistilBert,
}

impl Architecture {
    /// The class name Hugging Face gives the token-classification model.
    pub fn class_name(self) -> &'static str {
        match self {
            Architecture::Bert => "BertForTokenClassification",
            Architecture::DistilBert => "DistilBertForTokenClassification",
        }
    }

    /// Prefix of the encoder's weights in `model.safetensors`.
    pub fn weight_prefix(self) -> &'static str {
        match self {
            Architecture::Bert => "bert",
            Architecture::DistilBert => "distilbert",
        }
    }
}

/// The parts of `config.json` the recognizer needs, validated.
#[derive(Clone, Debug)]
pub struct ModelConfig {
    /// Model family.
    pub architecture: Architecture,
    /// Rows of the word-embedding matrix.
    pub vocab_size: i64,
    /// Width of the hidden states.
    pub hidden_size: i64,
    /// Transformer layers.
    pub num_layers: i64,
    /// Attention heads per layer.
    pub num_heads: i64,
    /// Width of the feed-forward layer.
    pub intermediate_size: i64,
    /// Longest input the position embeddings cover, special tokens included.
    pub max_positions: i64,
    /// Token-type (segment) vocabulary (BERT only).
    pub type_vocab_size: i64,
    /// Feed-forward activation.
    pub activation: Activation,
    /// Sinusoidal position embeddings (DistilBERT only).
    pub sinusoidal_positions: bool,
    /// The labels of the classifier.
    pub labels: LabelScheme,
}

/// rust-bert's BERT and DistilBERT layers normalise with this epsilon.
const RUST_BERT_LAYER_NORM_EPS: f64 = 1e-12;

impl ModelConfig {
    /// Reads and checks `config.json` in `dir`.
    pub fn load(dir: &Path) -> Result<ModelConfig> {
        let path = dir.join("config.json");
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        ModelConfig::parse(&text, &Location::path(&path))
    }

    /// Parses the text of a `config.json` found at `location`.
    pub fn parse(text: &str, location: &Location) -> Result<ModelConfig> {
        let bad = |message: String| Error::model(location.clone(), message);
        let value: Value = serde_json::from_str(text)
            .map_err(|e| Error::format(location.clone(), format!("not valid JSON: {e}")))?;
        let map = value
            .as_object()
            .ok_or_else(|| bad("not a JSON object".into()))?;
        let fields = Fields { map, location };

        let model_type = fields.string("model_type", None)?;
        let architecture = match model_type.as_str() {
            "bert" => Architecture::Bert,
            "distilbert" => Architecture::DistilBert,
            other => {
                return Err(bad(format!(
                    "model_type `{other}` is not supported (supported: bert, distilbert)"
                )))
            }
        };
        if let Some(classes) = map.get("architectures").and_then(Value::as_array) {
            let names: Vec<&str> = classes.iter().filter_map(Value::as_str).collect();
            if !names.is_empty() && !names.iter().any(|n| n.ends_with("ForTokenClassification")) {
                return Err(bad(format!(
                    "architectures = {names:?}: not a token-classification model (expected {})",
                    architecture.class_name()
                )));
            }
        }
        let id2label = map.get("id2label").ok_or_else(|| {
            bad("no `id2label`: the folder does not say which label is which entity type".into())
        })?;
        let labels = LabelScheme::from_id2label(id2label, location)?;
        if let Some(n) = map.get("num_labels").and_then(Value::as_u64) {
            if n as usize != labels.len() {
                return Err(bad(format!(
                    "malformed label map: num_labels = {n} but id2label has {} labels",
                    labels.len()
                )));
            }
        }

        let config = match architecture {
            Architecture::Bert => {
                let eps = fields.float("layer_norm_eps", Some(1e-12))?;
                if (eps - RUST_BERT_LAYER_NORM_EPS).abs() > 1e-15 {
                    return Err(bad(format!(
                        "layer_norm_eps = {eps}, but rust-bert's BERT layers use {RUST_BERT_LAYER_NORM_EPS}"
                    )));
                }
                let position_type = fields.string("position_embedding_type", Some("absolute"))?;
                if position_type != "absolute" {
                    return Err(bad(format!(
                        "position_embedding_type `{position_type}` is not supported (only `absolute`)"
                    )));
                }
                ModelConfig {
                    architecture,
                    vocab_size: fields.positive("vocab_size", None)?,
                    hidden_size: fields.positive("hidden_size", None)?,
                    num_layers: fields.positive("num_hidden_layers", None)?,
                    num_heads: fields.positive("num_attention_heads", None)?,
                    intermediate_size: fields.positive("intermediate_size", None)?,
                    max_positions: fields.positive("max_position_embeddings", Some(512))?,
                    type_vocab_size: fields.positive("type_vocab_size", Some(2))?,
                    activation: fields.activation("hidden_act")?,
                    sinusoidal_positions: false,
                    labels,
                }
            }
            Architecture::DistilBert => ModelConfig {
                architecture,
                vocab_size: fields.positive("vocab_size", None)?,
                hidden_size: fields.positive("dim", None)?,
                num_layers: fields.positive("n_layers", None)?,
                num_heads: fields.positive("n_heads", None)?,
                intermediate_size: fields.positive("hidden_dim", None)?,
                max_positions: fields.positive("max_position_embeddings", Some(512))?,
                type_vocab_size: 0,
                activation: fields.activation("activation")?,
                sinusoidal_positions: map
                    .get("sinusoidal_pos_embds")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                labels,
            },
        };
        if config.hidden_size % config.num_heads != 0 {
            return Err(bad(format!(
                "hidden size {} is not a multiple of the {} attention heads",
                config.hidden_size, config.num_heads
            )));
        }
        if config.max_positions < 3 {
            return Err(bad(format!(
                "max_position_embeddings = {} leaves no room for text between [CLS] and [SEP]",
                config.max_positions
            )));
        }
        Ok(config)
    }

    fn id2label(&self) -> HashMap<i64, String> {
        self.labels
            .names
            .iter()
            .enumerate()
            .map(|(id, name)| (id as i64, name.clone()))
            .collect()
    }

    /// The configuration rust-bert's BERT model is built from.
    pub fn bert(&self) -> BertConfig {
        BertConfig {
            hidden_act: self.activation,
            attention_probs_dropout_prob: 0.0,
            hidden_dropout_prob: 0.0,
            hidden_size: self.hidden_size,
            initializer_range: 0.02,
            intermediate_size: self.intermediate_size,
            max_position_embeddings: self.max_positions,
            num_attention_heads: self.num_heads,
            num_hidden_layers: self.num_layers,
            type_vocab_size: self.type_vocab_size,
            vocab_size: self.vocab_size,
            output_attentions: Some(false),
            output_hidden_states: Some(false),
            is_decoder: Some(false),
            id2label: Some(self.id2label()),
            label2id: None,
        }
    }

    /// The configuration rust-bert's DistilBERT model is built from.
    pub fn distilbert(&self) -> DistilBertConfig {
        DistilBertConfig {
            activation: self.activation,
            attention_dropout: 0.0,
            dim: self.hidden_size,
            dropout: 0.0,
            hidden_dim: self.intermediate_size,
            id2label: Some(self.id2label()),
            initializer_range: 0.02,
            is_decoder: Some(false),
            label2id: None,
            max_position_embeddings: self.max_positions,
            n_heads: self.num_heads,
            n_layers: self.num_layers,
            output_attentions: Some(false),
            output_hidden_states: Some(false),
            output_past: None,
            qa_dropout: 0.0,
            seq_classif_dropout: 0.0,
            sinusoidal_pos_embds: self.sinusoidal_positions,
            tie_weights_: false,
            vocab_size: self.vocab_size,
        }
    }
}

/// Typed access to the fields of a `config.json`.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    location: &'a Location,
}

impl Fields<'_> {
    fn error(&self, key: &str, what: &str) -> Error {
        Error::model(self.location.clone(), format!("`{key}` {what}"))
    }

    fn string(&self, key: &str, default: Option<&str>) -> Result<String> {
        match (self.map.get(key), default) {
            (Some(Value::String(s)), _) => Ok(s.clone()),
            (None | Some(Value::Null), Some(d)) => Ok(d.to_string()),
            (None, None) => Err(self.error(key, "is missing")),
            (Some(_), _) => Err(self.error(key, "is not a string")),
        }
    }

    fn positive(&self, key: &str, default: Option<i64>) -> Result<i64> {
        match (self.map.get(key), default) {
            (Some(v), _) => match v.as_i64() {
                Some(n) if n > 0 => Ok(n),
                _ => Err(self.error(key, &format!("is {v}, not a positive whole number"))),
            },
            (None, Some(d)) => Ok(d),
            (None, None) => Err(self.error(key, "is missing")),
        }
    }

    fn float(&self, key: &str, default: Option<f64>) -> Result<f64> {
        match (self.map.get(key), default) {
            (Some(v), _) => v
                .as_f64()
                .ok_or_else(|| self.error(key, &format!("is {v}, not a number"))),
            (None, Some(d)) => Ok(d),
            (None, None) => Err(self.error(key, "is missing")),
        }
    }

    fn activation(&self, key: &str) -> Result<Activation> {
        let name = self.string(key, Some("gelu"))?;
        Ok(match name.as_str() {
            "gelu" => Activation::gelu,
            "gelu_new" | "gelu_pytorch_tanh" => Activation::gelu_new,
            "relu" => Activation::relu,
            "silu" | "swish" => Activation::swish,
            "mish" => Activation::mish,
            "tanh" => Activation::tanh,
            other => {
                return Err(self.error(
                    key,
                    &format!("names activation `{other}`, which rust-bert does not have"),
                ))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ModelConfig> {
        ModelConfig::parse(text, &Location::new("m/config.json"))
    }

    const BERT: &str = r#"{"model_type": "bert", "architectures": ["BertForTokenClassification"],
        "vocab_size": 100, "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2,
        "intermediate_size": 64, "max_position_embeddings": 64,
        "id2label": {"0": "O", "1": "B-PER", "2": "I-PER"}}"#;

    #[test]
    fn reads_a_bert_config() {
        let c = parse(BERT).unwrap();
        assert_eq!(c.architecture, Architecture::Bert);
        assert_eq!((c.hidden_size, c.num_layers, c.max_positions), (32, 2, 64));
        assert_eq!(c.labels.len(), 3);
        assert_eq!(c.bert().id2label.unwrap().len(), 3);
    }

    #[test]
    fn reads_a_distilbert_config() {
        let c = parse(
            r#"{"model_type": "distilbert", "vocab_size": 100, "dim": 32, "n_layers": 2,
            "n_heads": 4, "hidden_dim": 64, "id2label": {"0": "O", "1": "B-LOC"}}"#,
        )
        .unwrap();
        assert_eq!(c.architecture, Architecture::DistilBert);
        assert_eq!(c.max_positions, 512);
        assert_eq!(c.distilbert().n_heads, 4);
    }

    #[test]
    fn problems_are_named() {
        let cases = [
            ("{", "not valid JSON"),
            (
                r#"{"model_type": "gpt2"}"#,
                "model_type `gpt2` is not supported",
            ),
            (
                &BERT.replace(
                    "BertForTokenClassification",
                    "BertForSequenceClassification",
                ),
                "not a token-classification model",
            ),
            (
                &BERT.replace(r#""hidden_size": 32"#, r#""hidden_size": "x""#),
                "`hidden_size` is \"x\"",
            ),
            (
                &BERT.replace(r#""vocab_size": 100,"#, ""),
                "`vocab_size` is missing",
            ),
            (
                &BERT.replace(r#""num_attention_heads": 2"#, r#""num_attention_heads": 3"#),
                "not a multiple",
            ),
            (
                &BERT.replace(r#""model_type""#, r#""layer_norm_eps": 1e-5, "model_type""#),
                "layer_norm_eps",
            ),
            (
                &BERT.replace(r#""model_type""#, r#""num_labels": 9, "model_type""#),
                "num_labels = 9",
            ),
            (
                &BERT.replace(
                    r#""model_type""#,
                    r#""hidden_act": "quick_gelu", "model_type""#,
                ),
                "quick_gelu",
            ),
            (
                &BERT.replace(
                    r#""id2label": {"0": "O", "1": "B-PER", "2": "I-PER"}"#,
                    r#""x": 1"#,
                ),
                "no `id2label`",
            ),
        ];
        for (text, expected) in cases {
            let err = parse(text).unwrap_err().to_string();
            assert!(err.starts_with("m/config.json: "), "{err}");
            assert!(err.contains(expected), "expected `{expected}` in: {err}");
        }
    }
}
