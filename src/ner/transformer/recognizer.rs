//! The transformer recognizer: tokenizes and windows a document on the
//! calling thread, has the worker run the windows, and decodes the logits
//! into entities.

use std::ops::Range;
use std::path::PathBuf;

use super::batch::BatchLimits;
use super::decode::{decode_window, merge_windows, Mention};
use super::device::DeviceChoice;
use super::folder::ModelFolder;
use super::labels::LabelScheme;
use super::model_config::Architecture;
use super::tokenizer::{PieceTokenizer, Pieces};
use super::windows::{window_input, WindowPlan};
use super::worker::{InferenceStats, InferenceWorker, Pending, WindowLogits, WorkerSettings};
use crate::doc::{Doc, Entity};
use crate::error::{Error, Location, Result};
use crate::export::ModelInfo;
use crate::ner::Recognizer;

/// How to run a transformer model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransformerConfig {
    /// The model folder (Hugging Face layout).
    pub model: PathBuf,
    /// Where the model runs.
    pub device: DeviceChoice,
    /// libtorch threads for the forward pass; 0 takes rayon's thread count
    /// (the run's `--threads`).
    pub threads: usize,
    /// Most windows in one forward pass.
    pub batch_size: usize,
    /// Pieces shared by consecutive windows of a long text; `None` takes a
    /// quarter of the window.
    pub stride: Option<usize>,
}

impl TransformerConfig {
    /// Defaults for the model in `model`: automatic device, the run's
    /// thread count, batches of 8 windows, stride of a quarter window.
    pub fn new(model: impl Into<PathBuf>) -> Self {
        TransformerConfig {
            model: model.into(),
            device: DeviceChoice::Auto,
            threads: 0,
            batch_size: 8,
            stride: None,
        }
    }
}

/// What a loaded model is, for run manifests and `actant models check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelSummary {
    /// Model family.
    pub architecture: Architecture,
    /// Longest input, special tokens included.
    pub max_length: usize,
    /// Window layout for long texts.
    pub plan: WindowPlan,
    /// Device the model runs on (`cpu`, `cuda:0`).
    pub device: String,
}

/// The logits of a text, window by window, as the recognizer computed
/// them (exposed to compare with other implementations).
#[derive(Clone, Debug)]
pub struct TextLogits {
    /// The text's word pieces.
    pub pieces: Pieces,
    /// Each window's range of pieces.
    pub windows: Vec<Range<usize>>,
    /// Each window's model input, `[CLS]` and `[SEP]` included.
    pub inputs: Vec<Vec<i64>>,
    /// Each window's logits, one row per piece of its range.
    pub logits: Vec<WindowLogits>,
}

/// Names `model.safetensors` by path and SHA-256, read in a stream (the
/// file can be hundreds of megabytes).
fn weights_info(path: &std::path::Path) -> Result<ModelInfo> {
    use sha2::Digest;
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut hasher = sha2::Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| Error::io(path, e))?;
    Ok(ModelInfo {
        name: "transformer weights".to_string(),
        source: path.display().to_string(),
        sha256: hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    })
}

/// A recognizer running a BERT-family token-classification model.
pub struct TransformerRecognizer {
    tokenizer: PieceTokenizer,
    labels: LabelScheme,
    plan: WindowPlan,
    summary: ModelSummary,
    model_info: ModelInfo,
    worker: InferenceWorker,
}

impl std::fmt::Debug for TransformerRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransformerRecognizer")
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

/// A document's windows, sent to the worker and not yet decoded.
struct Submitted {
    pieces: Pieces,
    windows: Vec<Range<usize>>,
    pending: Option<Pending>,
}

impl TransformerRecognizer {
    /// Opens and checks the model folder, starts the worker and loads the
    /// model on it.
    pub fn load(config: &TransformerConfig) -> Result<TransformerRecognizer> {
        let folder = ModelFolder::open(&config.model)?;
        folder.check_weights()?;
        let plan = WindowPlan::new(folder.max_length, config.stride)?;
        let device = config.device.resolve()?;
        let threads = match config.threads {
            0 => rayon::current_num_threads(),
            n => n,
        };
        let settings = WorkerSettings {
            device,
            threads,
            limits: BatchLimits::new(config.batch_size, folder.max_length),
            pad: folder.tokenizer.pad,
            labels: folder.config.labels.len(),
        };
        let summary = ModelSummary {
            architecture: folder.config.architecture,
            max_length: folder.max_length,
            plan,
            device: format!("{device:?}").to_lowercase(),
        };
        let labels = folder.config.labels.clone();
        // Hashing hundreds of megabytes takes as long as building the
        // network: do both at once.
        let (model_info, worker) = std::thread::scope(|scope| {
            let hashing = scope.spawn(|| weights_info(&folder.weights));
            let worker = InferenceWorker::start(folder.config, folder.weights.clone(), settings);
            let info = hashing.join().unwrap_or_else(|_| {
                Err(Error::new(
                    crate::error::ErrorKind::Stage,
                    "the checksum of the weights failed",
                ))
            });
            (info, worker)
        });
        let (model_info, worker) = (model_info?, worker?);
        Ok(TransformerRecognizer {
            tokenizer: folder.tokenizer,
            labels,
            plan,
            summary,
            model_info,
            worker,
        })
    }

    /// The weights file with its checksum, for the run manifest.
    pub fn model_info(&self) -> &ModelInfo {
        &self.model_info
    }

    /// What the loaded model is.
    pub fn summary(&self) -> &ModelSummary {
        &self.summary
    }

    /// The model's labels.
    pub fn labels(&self) -> &LabelScheme {
        &self.labels
    }

    /// What the worker has done so far (forward time, batches, padding).
    pub fn stats(&self) -> InferenceStats {
        self.worker.stats()
    }

    /// Tokenizes and windows `text` and sends its windows to the worker.
    fn submit(&self, text: &str) -> Result<Submitted> {
        let pieces = self.tokenizer.pieces(text)?;
        if pieces.is_empty() {
            return Ok(Submitted {
                pieces,
                windows: Vec::new(),
                pending: None,
            });
        }
        let windows = self.plan.windows(pieces.len());
        let inputs = windows
            .iter()
            .map(|w| {
                window_input(
                    &pieces.ids,
                    w.clone(),
                    self.tokenizer.cls,
                    self.tokenizer.sep,
                )
            })
            .collect();
        let pending = Some(self.worker.submit(inputs)?);
        Ok(Submitted {
            pieces,
            windows,
            pending,
        })
    }

    /// Waits for a submitted text's logits and decodes its mentions.
    fn finish(&self, text: &str, submitted: Submitted) -> Result<Vec<Mention>> {
        let Some(pending) = submitted.pending else {
            return Ok(Vec::new());
        };
        let logits = wait_working(pending)?;
        let per_window = submitted
            .windows
            .iter()
            .zip(&logits)
            .map(|(range, rows)| {
                decode_window(&submitted.pieces, range.clone(), rows, &self.labels)
            })
            .collect();
        Ok(merge_windows(text, per_window))
    }

    /// The mentions in `text`, byte spans with the model's entity types
    /// (those actant does not output included).
    pub fn mentions(&self, text: &str) -> Result<Vec<Mention>> {
        let submitted = self.submit(text)?;
        self.finish(text, submitted)
    }

    /// The word pieces, windows and logits of `text`.
    pub fn text_logits(&self, text: &str) -> Result<TextLogits> {
        let pieces = self.tokenizer.pieces(text)?;
        let windows = self.plan.windows(pieces.len());
        let inputs: Vec<Vec<i64>> = windows
            .iter()
            .map(|w| {
                window_input(
                    &pieces.ids,
                    w.clone(),
                    self.tokenizer.cls,
                    self.tokenizer.sep,
                )
            })
            .collect();
        let logits = self.worker.submit(inputs.clone())?.wait()?;
        Ok(TextLogits {
            pieces,
            windows,
            inputs,
            logits,
        })
    }

    /// Recognizes several documents at once: all their windows are sent
    /// before any answer is awaited, so the worker can batch across them.
    pub fn recognize_batch(&self, docs: &[&Doc]) -> Vec<Result<Vec<Entity>>> {
        let submitted: Vec<Result<Submitted>> = docs
            .iter()
            .map(|doc| self.submit(&doc.text).map_err(|e| at_doc(e, doc)))
            .collect();
        docs.iter()
            .zip(submitted)
            .map(|(doc, s)| {
                let mentions = self.finish(&doc.text, s?).map_err(|e| at_doc(e, doc))?;
                Ok(self.entities(doc, mentions))
            })
            .collect()
    }

    /// Mentions of types actant outputs, as entities of `doc`.
    fn entities(&self, doc: &Doc, mentions: Vec<Mention>) -> Vec<Entity> {
        mentions
            .into_iter()
            .filter_map(|m| {
                let label = self.labels.kinds[m.kind].label?;
                Some(Entity {
                    span: m.span,
                    sentence: doc.sentence_at(m.span.start).unwrap_or(0),
                    label,
                    score: m.score,
                    source: "transformer",
                    code: None,
                    canonical: None,
                })
            })
            .collect()
    }
}

/// How many waits for logits one thread may nest (see [`wait_working`]);
/// bounds the stack depth and the documents in flight per thread.
const MAX_NESTED_WAITS: usize = 16;

thread_local! {
    static NESTED_WAITS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Restores the nesting count when a wait ends, even by unwinding.
struct NestedWait(usize);

impl Drop for NestedWait {
    fn drop(&mut self) {
        NESTED_WAITS.with(|n| n.set(self.0));
    }
}

/// Waits for logits. On a thread of a rayon pool (the pipeline's parallel
/// stage), the wait runs other pending work of the pool, typically the next
/// documents of the chunk, which tokenize and send their windows too: so
/// the worker sees many documents at once and fills its batches, although
/// each `recognize` call handles one document.
fn wait_working(mut pending: Pending) -> Result<Vec<WindowLogits>> {
    let depth = NESTED_WAITS.with(|n| n.get());
    if depth < MAX_NESTED_WAITS {
        NESTED_WAITS.with(|n| n.set(depth + 1));
        let _restore = NestedWait(depth);
        loop {
            match pending.try_take() {
                Ok(answer) => return answer,
                Err(still) => pending = still,
            }
            if rayon::yield_now() != Some(rayon::Yield::Executed) {
                break;
            }
        }
    }
    pending.wait()
}

fn at_doc(error: crate::Error, doc: &Doc) -> crate::Error {
    if error.location().is_some() {
        error
    } else {
        error.at(Location::new(doc.id.clone()))
    }
}

impl Recognizer for TransformerRecognizer {
    fn name(&self) -> &'static str {
        "transformer"
    }

    fn recognize(&self, doc: &Doc) -> Result<Vec<Entity>> {
        let mentions = self.mentions(&doc.text).map_err(|e| at_doc(e, doc))?;
        Ok(self.entities(doc, mentions))
    }
}
