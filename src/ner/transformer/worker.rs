//! The inference worker: a dedicated thread that owns the model (libtorch
//! modules are not `Sync`) and serves windows sent by the pipeline's
//! threads through a bounded channel. Each round it takes every job that
//! is waiting, sorts their windows by length into batches, runs them and
//! answers each job on its own reply channel, so tokenization and rules of
//! later documents go on while the model runs.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tch::{Device, Tensor};

use super::batch::{plan_batches, BatchLimits};
use super::model_config::ModelConfig;
use super::network::LoadedModel;
use crate::error::{Error, ErrorKind, Result};

/// Logits of one window: one row per piece between `[CLS]` and `[SEP]`.
pub type WindowLogits = Vec<f32>;

/// What the worker has done so far.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct InferenceStats {
    /// Time spent in forward passes, transfers of inputs and logits included.
    pub forward: Duration,
    /// Forward passes run.
    pub batches: usize,
    /// Windows run.
    pub windows: usize,
    /// Word pieces run, special tokens included.
    pub pieces: usize,
    /// Positions run, padding included.
    pub positions: usize,
}

impl InferenceStats {
    /// One line for the end of a run: windows, batches, forward time and
    /// its share of `wall_seconds`, padding.
    pub fn summary(&self, wall_seconds: f64) -> String {
        let forward = self.forward.as_secs_f64();
        format!(
            "transformer: {} windows in {} batches, forward pass {:.2} s ({:.1}% of {:.2} s wall), padding {:.1}%",
            self.windows,
            self.batches,
            forward,
            100.0 * forward / wall_seconds.max(1e-9),
            wall_seconds,
            100.0 * self.positions.saturating_sub(self.pieces) as f64 / self.positions.max(1) as f64
        )
    }
}

/// How the worker runs the model.
#[derive(Clone, Debug)]
pub struct WorkerSettings {
    /// Where the model runs.
    pub device: Device,
    /// libtorch intra-op threads.
    pub threads: usize,
    /// Batch limits.
    pub limits: BatchLimits,
    /// Id used for padding.
    pub pad: u32,
    /// Width of a logits row.
    pub labels: usize,
}

/// Windows to run and where to send their logits.
struct Job {
    windows: Vec<Vec<i64>>,
    reply: SyncSender<Result<Vec<WindowLogits>>>,
}

/// A waiting answer from the worker.
pub struct Pending(Receiver<Result<Vec<WindowLogits>>>);

impl Pending {
    /// Waits for the logits.
    pub fn wait(self) -> Result<Vec<WindowLogits>> {
        self.0.recv().unwrap_or_else(|_| Err(stopped()))
    }

    /// The logits if they have arrived, else the still pending answer.
    pub fn try_take(self) -> std::result::Result<Result<Vec<WindowLogits>>, Pending> {
        match self.0.try_recv() {
            Ok(answer) => Ok(answer),
            Err(mpsc::TryRecvError::Empty) => Err(self),
            Err(mpsc::TryRecvError::Disconnected) => Ok(Err(stopped())),
        }
    }
}

fn stopped() -> Error {
    Error::new(ErrorKind::Stage, "the transformer worker stopped")
}

/// Handle to the worker thread; dropping it stops the worker.
pub struct InferenceWorker {
    jobs: Option<SyncSender<Job>>,
    thread: Option<JoinHandle<()>>,
    stats: Arc<Mutex<InferenceStats>>,
}

/// Jobs that may wait in the channel before senders block.
const QUEUE: usize = 64;
/// A round gathers up to this many batches' worth of windows.
const ROUND_BATCHES: usize = 4;
/// Longest wait for more documents before a round starts.
const MAX_GRACE: Duration = Duration::from_millis(20);

impl InferenceWorker {
    /// Starts the worker, which loads the model on its own thread; returns
    /// once the model is loaded, or with the loading error.
    pub fn start(config: ModelConfig, weights: PathBuf, settings: WorkerSettings) -> Result<Self> {
        let (jobs, queue) = mpsc::sync_channel::<Job>(QUEUE);
        let (ready, loaded) = mpsc::sync_channel::<Result<()>>(1);
        let stats = Arc::new(Mutex::new(InferenceStats::default()));
        let worker_stats = Arc::clone(&stats);
        let thread = std::thread::Builder::new()
            .name("actant-transformer".into())
            .spawn(move || {
                // Thread count and grad mode are per thread in libtorch.
                tch::set_num_threads(settings.threads.max(1) as i32);
                let _no_grad = tch::no_grad_guard();
                if settings.device == Device::Cpu {
                    super::allocator::keep_freed_memory();
                }
                let model = match LoadedModel::load(&config, &weights, settings.device) {
                    Ok(model) => model,
                    Err(e) => {
                        let _ = ready.send(Err(e));
                        return;
                    }
                };
                if ready.send(Ok(())).is_err() {
                    return;
                }
                serve(&model, &queue, &settings, &worker_stats);
            })
            .map_err(|e| {
                Error::new(
                    ErrorKind::Stage,
                    format!("cannot start the transformer worker: {e}"),
                )
            })?;
        let worker = InferenceWorker {
            jobs: Some(jobs),
            thread: Some(thread),
            stats,
        };
        loaded.recv().unwrap_or_else(|_| Err(stopped()))?;
        Ok(worker)
    }

    /// Sends windows to the worker; their logits come back through the
    /// returned [`Pending`]. Blocks while the queue is full.
    pub fn submit(&self, windows: Vec<Vec<i64>>) -> Result<Pending> {
        let (reply, answer) = mpsc::sync_channel(1);
        self.jobs
            .as_ref()
            .ok_or_else(stopped)?
            .send(Job { windows, reply })
            .map_err(|_| stopped())?;
        Ok(Pending(answer))
    }

    /// What the worker has done so far.
    pub fn stats(&self) -> InferenceStats {
        match self.stats.lock() {
            Ok(stats) => *stats,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }
}

impl Drop for InferenceWorker {
    fn drop(&mut self) {
        self.jobs = None; // closes the queue: the worker's loop ends
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Serves rounds of jobs until every sender is gone.
fn serve(
    model: &LoadedModel,
    queue: &Receiver<Job>,
    settings: &WorkerSettings,
    stats: &Mutex<InferenceStats>,
) {
    let round_windows = settings.limits.windows * ROUND_BATCHES;
    // Before the first pass its length is unknown: take the longest grace.
    let mut last_forward = MAX_GRACE * 10;
    while let Ok(first) = queue.recv() {
        let mut waiting = first.windows.len();
        let mut round = vec![first];
        // Documents being tokenized now will arrive within a moment: wait
        // that moment for them when the model is slow enough to make fuller
        // batches worth it, never more than a tenth of the last forward pass.
        let grace = (last_forward / 10).min(MAX_GRACE);
        while waiting < round_windows {
            let next = match queue.try_recv() {
                Ok(job) => Some(job),
                Err(_) if grace > Duration::ZERO => queue.recv_timeout(grace).ok(),
                Err(_) => None,
            };
            let Some(job) = next else { break };
            waiting += job.windows.len();
            round.push(job);
        }
        let before = stats
            .lock()
            .map(|s| (s.forward, s.batches))
            .unwrap_or_default();
        serve_round(model, round, settings, stats);
        if let Ok(s) = stats.lock() {
            let batches = (s.batches - before.1).max(1) as u32;
            last_forward = (s.forward - before.0) / batches;
        }
    }
}

/// Runs the windows of `round` in length-bucketed batches and answers
/// every job.
fn serve_round(
    model: &LoadedModel,
    round: Vec<Job>,
    settings: &WorkerSettings,
    stats: &Mutex<InferenceStats>,
) {
    let owners: Vec<(usize, usize)> = round
        .iter()
        .enumerate()
        .flat_map(|(job, j)| (0..j.windows.len()).map(move |w| (job, w)))
        .collect();
    let lengths: Vec<usize> = owners
        .iter()
        .map(|&(job, w)| round[job].windows[w].len())
        .collect();
    let mut answers: Vec<Vec<WindowLogits>> = round
        .iter()
        .map(|j| vec![Vec::new(); j.windows.len()])
        .collect();
    let mut failure = None;
    for batch in plan_batches(&lengths, settings.limits) {
        let inputs: Vec<&[i64]> = batch
            .iter()
            .map(|&i| round[owners[i].0].windows[owners[i].1].as_slice())
            .collect();
        match run_batch(model, &inputs, settings, stats) {
            Ok(rows) => {
                for (&i, logits) in batch.iter().zip(rows) {
                    answers[owners[i].0][owners[i].1] = logits;
                }
            }
            Err(e) => {
                failure = Some(e.message().to_string());
                break;
            }
        }
    }
    for (job, logits) in round.into_iter().zip(answers) {
        let answer = match &failure {
            Some(message) => Err(Error::new(ErrorKind::Stage, message.clone())),
            None => Ok(logits),
        };
        // A caller that gave up waiting is no concern of the worker.
        let _ = job.reply.send(answer);
    }
}

/// One forward pass over windows padded to the longest; returns each
/// window's logits without the rows of `[CLS]`, `[SEP]` and padding.
fn run_batch(
    model: &LoadedModel,
    inputs: &[&[i64]],
    settings: &WorkerSettings,
    stats: &Mutex<InferenceStats>,
) -> Result<Vec<WindowLogits>> {
    let width = inputs.iter().map(|w| w.len()).max().unwrap_or(0);
    let rows = inputs.len();
    let mut ids = Vec::with_capacity(rows * width);
    let mut mask = Vec::with_capacity(rows * width);
    for window in inputs {
        ids.extend_from_slice(window);
        ids.extend(std::iter::repeat_n(
            i64::from(settings.pad),
            width - window.len(),
        ));
        mask.extend(std::iter::repeat_n(1i64, window.len()));
        mask.extend(std::iter::repeat_n(0i64, width - window.len()));
    }
    let padded = inputs.iter().any(|w| w.len() < width);
    let shape = [rows as i64, width as i64];
    let started = Instant::now();
    let ids = Tensor::from_slice(&ids).view(shape);
    let mask = padded.then(|| Tensor::from_slice(&mask).view(shape));
    let logits = catch_unwind(AssertUnwindSafe(|| model.logits(&ids, mask.as_ref())))
        .unwrap_or_else(|panic| {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("libtorch failed");
            Err(Error::new(
                ErrorKind::Stage,
                format!("transformer forward pass: {why}"),
            ))
        })?;
    let flat = Vec::<f32>::try_from(logits.contiguous().view(-1))
        .map_err(|e| Error::new(ErrorKind::Stage, format!("reading logits: {e}")))?;
    let elapsed = started.elapsed();
    let labels = settings.labels;
    if flat.len() != rows * width * labels {
        return Err(Error::new(
            ErrorKind::Stage,
            format!(
                "the model gave {} logits for {rows} × {width} pieces × {labels} labels",
                flat.len()
            ),
        ));
    }
    if let Ok(mut s) = stats.lock() {
        s.forward += elapsed;
        s.batches += 1;
        s.windows += rows;
        s.pieces += inputs.iter().map(|w| w.len()).sum::<usize>();
        s.positions += rows * width;
    }
    Ok(inputs
        .iter()
        .enumerate()
        .map(|(r, window)| {
            let first = (r * width + 1) * labels;
            let last = (r * width + window.len().saturating_sub(1)) * labels;
            flat[first..last.max(first)].to_vec()
        })
        .collect())
}
