//! Calibrating span scores: the temperature that makes a span's
//! probability match how often such spans are right.
//!
//! Perceptron scores have no natural scale, so probabilities computed
//! from them at temperature 1 are nearly always 0 or 1. The temperature
//! is chosen on development documents by the log-loss of "this predicted
//! span is exactly a gold span": a monotone change that moves no
//! prediction, only its score.

use super::data::LabeledDocument;
use super::model::NerModel;
use super::model::Scratch;
use super::train::DocumentInput;

/// Temperatures tried, in perceptron score units.
const CANDIDATES: [f32; 12] = [
    1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 11.0, 15.0, 20.0, 30.0, 45.0, 70.0,
];

/// Mean log-loss of span correctness at the model's current temperature.
pub fn span_log_loss(model: &NerModel, docs: &[LabeledDocument]) -> f64 {
    let mut scratch = Scratch::default();
    let mut loss = 0.0;
    let mut n = 0usize;
    for doc in docs {
        let input = DocumentInput::new(doc);
        let found = model.label_document(&input.sentences(), &mut scratch);
        for (sentence, spans) in doc.sentences.iter().zip(found) {
            for (span, p) in spans {
                let right = sentence.spans.contains(&span);
                let p = f64::from(p).clamp(1e-6, 1.0 - 1e-6);
                loss -= if right { p.ln() } else { (1.0 - p).ln() };
                n += 1;
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        loss / n as f64
    }
}

/// Sets the temperature among the candidate temperatures with the lowest span log-loss
/// on `docs`, and returns it with its loss.
pub fn calibrate(model: &mut NerModel, docs: &[LabeledDocument]) -> (f32, f64) {
    let mut best = (1.0, f64::INFINITY);
    for t in CANDIDATES {
        model.set_temperature(t);
        let loss = span_log_loss(model, docs);
        if loss < best.1 {
            best = (t, loss);
        }
    }
    model.set_temperature(best.0);
    best
}
