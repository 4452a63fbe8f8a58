//! The training run behind `actant train ner`: read the recipe's data,
//! train, calibrate span scores on GUM dev, save the model, and score it
//! (alone, merged with the dictionary, and the dictionary alone) on the
//! held-out sets.

use std::path::PathBuf;
use std::time::Instant;

use serde::Serialize;

use crate::doc::EntityLabel;
use crate::error::{Error, Result};
use crate::eval::ner::NerReport;
use crate::ner::Gazetteer;

use super::calibrate::calibrate;
use super::data::write_iob2;
use super::recipe::{score_model, score_recognizer, RecipeConfig, RecipeData};
use super::recognizer::EmbeddedRecognizer;
use super::train::{train, TrainConfig};

/// What `actant train ner` does.
#[derive(Clone, Debug)]
pub struct TrainNerConfig {
    /// The shared data folder (holding `gum/`, `ud-ewt/`, `uner-ewt/`).
    pub data_dir: PathBuf,
    /// Where the model file is written.
    pub out: PathBuf,
    /// Data preparation.
    pub recipe: RecipeConfig,
    /// Training settings.
    pub train: TrainConfig,
    /// Where to write the held-out UNER part as IOB2, if anywhere.
    pub heldout_out: Option<PathBuf>,
}

/// Scores of one system on one evaluation set.
#[derive(Clone, Debug, Serialize)]
pub struct SetScores {
    /// `GUM dev` or `UNER EWT held-out`.
    pub set: String,
    /// `model`, `model + dictionary` or `gazetteer`.
    pub system: String,
    /// Strict and partial figures over PER, ORG, LOC.
    pub report: NerReport,
}

/// What a training run did.
#[derive(Clone, Debug, Serialize)]
pub struct TrainNerReport {
    /// The model file written.
    pub model: PathBuf,
    /// Its size in bytes.
    pub model_bytes: usize,
    /// Weight rows over both passes.
    pub features: usize,
    /// Training documents and tokens.
    pub training_documents: usize,
    /// Training tokens.
    pub training_tokens: usize,
    /// Span-score temperature chosen on GUM dev, and its log-loss.
    pub temperature: f32,
    /// Log-loss of span correctness at that temperature.
    pub span_log_loss: f64,
    /// Seconds spent reading data, training and scoring.
    pub seconds: f64,
    /// Held-out scores, PER/ORG/LOC, gold tokens.
    pub scores: Vec<SetScores>,
}

/// Labels the bars are stated for.
pub const CORE_LABELS: [EntityLabel; 3] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc];

/// Trains, calibrates, saves and scores the embedded model.
pub fn train_ner(config: &TrainNerConfig) -> Result<TrainNerReport> {
    let started = Instant::now();
    let data = RecipeData::load(&config.data_dir, &config.recipe)?;
    if let Some(path) = &config.heldout_out {
        write_iob2(&data.uner_heldout, path)?;
    }
    let docs: Vec<_> = data.training().cloned().collect();
    let training_tokens = docs.iter().map(|d| d.tokens()).sum();
    let mut model = train(&docs, data.lexicon.clone(), &config.train, None)?;
    let (temperature, span_log_loss) = calibrate(&mut model, &data.gum_dev);
    if let Some(dir) = config.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    model.save(&config.out)?;
    let model_bytes = std::fs::metadata(&config.out)
        .map_err(|e| Error::io(&config.out, e))?
        .len() as usize;
    let features = model.features();
    let gazetteer = Gazetteer::embedded()?;
    let mut scores = Vec::new();
    for (set, docs) in [
        ("GUM dev", &data.gum_dev),
        ("UNER EWT held-out", &data.uner_heldout),
    ] {
        let alone = score_model(&model, docs, &CORE_LABELS)?;
        let gaz = score_recognizer(&gazetteer, docs, &CORE_LABELS)?;
        scores.push((set, "model", alone));
        scores.push((set, "gazetteer", gaz));
    }
    let recognizer = EmbeddedRecognizer::from_model(model, &config.out.display().to_string())?;
    for (set, docs) in [
        ("GUM dev", &data.gum_dev),
        ("UNER EWT held-out", &data.uner_heldout),
    ] {
        let merged = score_recognizer(&recognizer, docs, &CORE_LABELS)?;
        scores.push((set, "model + dictionary", merged));
    }
    scores.sort_by_key(|(set, system, _)| (*set, *system));
    Ok(TrainNerReport {
        model: config.out.clone(),
        model_bytes,
        features,
        training_documents: docs.len(),
        training_tokens,
        temperature,
        span_log_loss,
        seconds: started.elapsed().as_secs_f64(),
        scores: scores
            .into_iter()
            .map(|(set, system, report)| SetScores {
                set: set.to_string(),
                system: system.to_string(),
                report,
            })
            .collect(),
    })
}
