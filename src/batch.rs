//! The parallel batch: documents stream from the corpus in bounded chunks,
//! each chunk is annotated in parallel on a rayon pool, and results are
//! written in input order, so memory stays flat however large the corpus
//! and the output is identical for any number of threads.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::doc::{Doc, RawDoc};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::export::{Format, Outputs, Problem, RunManifest};
use crate::pipeline::Pipeline;

/// How a batch runs and where it writes.
#[derive(Clone, Debug)]
pub struct BatchConfig {
    /// Output folder.
    pub out_dir: PathBuf,
    /// Output record format.
    pub format: Format,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Most documents in one chunk.
    pub chunk_docs: usize,
    /// Most bytes of text in one chunk (a larger single document is a chunk of its own).
    pub chunk_bytes: usize,
    /// Also write the actor graph (`graph.graphml`) when triples are produced.
    pub graph: bool,
    /// Settings to record in the manifest (inputs, recognizer, ...).
    pub recorded: serde_json::Value,
}

impl BatchConfig {
    /// Defaults: one thread per core, chunks of 512 documents or 32 MiB.
    pub fn new(out_dir: impl Into<PathBuf>) -> Self {
        BatchConfig {
            out_dir: out_dir.into(),
            format: Format::Csv,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            chunk_docs: 512,
            chunk_bytes: 32 << 20,
            graph: false,
            recorded: serde_json::Value::Null,
        }
    }
}

/// Receives what a batch does as it goes; the command line draws a
/// progress bar and prints problems, a library caller may ignore it all.
pub trait Observer {
    /// Called once before reading, with the total input size when known.
    fn started(&mut self, _total_bytes: Option<u64>) {}
    /// Called after each chunk with running totals.
    fn progress(&mut self, _documents: u64, _bytes_read: u64) {}
    /// Called for each document that was skipped or failed.
    fn problem(&mut self, _problem: &Problem) {}
}

/// An observer that ignores everything.
#[derive(Debug, Default)]
pub struct Quiet;

impl Observer for Quiet {}

/// Annotates every document of `corpus` and writes the outputs and
/// `manifest.json` into `config.out_dir`.
///
/// Bad documents are recorded in the manifest and reported to `observer`;
/// the run goes on. An error is returned only when the outputs cannot be
/// written or the thread pool cannot start.
pub fn run_batch(
    pipeline: &Pipeline,
    corpus: Corpus,
    config: &BatchConfig,
    observer: &mut dyn Observer,
) -> Result<RunManifest> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.max(1))
        .thread_name(|i| format!("actant-worker-{i}"))
        .build()
        .map_err(|e| Error::config(format!("cannot start {} threads: {e}", config.threads)))?;
    let mut outputs = Outputs::create(
        &config.out_dir,
        config.format,
        pipeline.links(),
        config.graph,
    )?;
    let mut manifest = RunManifest {
        version: env!("CARGO_PKG_VERSION").to_string(),
        config: config.recorded.clone(),
        models: pipeline.models(),
        inputs: corpus.inputs(),
        files: corpus.files(),
        ..RunManifest::default()
    };
    observer.started((!corpus.reads_stdin()).then(|| corpus.total_bytes()));

    let docs = corpus.docs();
    let bytes_read = docs.bytes_read();
    let (send, receive) = sync_channel::<Vec<Result<RawDoc>>>(2);
    let (chunk_docs, chunk_bytes) = (config.chunk_docs.max(1), config.chunk_bytes.max(1));
    let reader = std::thread::Builder::new()
        .name("actant-reader".into())
        .spawn(move || {
            let mut chunk = Vec::new();
            let mut bytes = 0;
            for doc in docs {
                bytes += doc.as_ref().map_or(0, |d| d.text.len());
                chunk.push(doc);
                if chunk.len() >= chunk_docs || bytes >= chunk_bytes {
                    if send.send(std::mem::take(&mut chunk)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !chunk.is_empty() {
                let _ = send.send(chunk);
            }
        })
        .map_err(|e| Error::config(format!("cannot start the reader thread: {e}")))?;

    let mut done = 0u64;
    for chunk in receive {
        let annotated: Vec<Result<Doc, Problem>> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|doc| annotate(pipeline, doc))
                .collect()
        });
        for result in annotated {
            done += 1;
            match result {
                Ok(doc) => {
                    outputs.write(&doc)?;
                    manifest.documents.ok += 1;
                    manifest.sentences += doc.sentences.len() as u64;
                    manifest.tokens += doc.tokens.len() as u64;
                    manifest.entities += doc.entities.len() as u64;
                    manifest.triples += doc.triples.len() as u64;
                }
                Err(problem) => {
                    observer.problem(&problem);
                    manifest.add_problem(problem);
                }
            }
        }
        observer.progress(done, bytes_read.load(Ordering::Relaxed));
    }
    // The reader ends when its input does; a panic there is a bug worth surfacing.
    if reader.join().is_err() {
        return Err(Error::new(
            ErrorKind::Io,
            "the corpus reader thread panicked",
        ));
    }

    manifest.outputs = outputs
        .finish()?
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let wall = started.elapsed().as_secs_f64();
    manifest.wall_seconds = wall;
    manifest.docs_per_second = manifest.documents.ok as f64 / wall.max(1e-9);
    manifest.words_per_second = manifest.tokens as f64 / wall.max(1e-9);
    let manifest_path = config.out_dir.join("manifest.json");
    manifest.outputs.push(manifest_path.display().to_string());
    manifest.write(&manifest_path)?;
    Ok(manifest)
}

/// Runs the pipeline on one corpus record, turning input errors, stage
/// errors and stage panics into problems so the batch goes on.
fn annotate(pipeline: &Pipeline, doc: Result<RawDoc>) -> Result<Doc, Problem> {
    let raw = doc.map_err(|e| problem("skipped", &e))?;
    let id = raw.id.clone();
    match catch_unwind(AssertUnwindSafe(|| pipeline.annotate(raw))) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => {
            let e = match e.location() {
                Some(_) => e,
                None => e.at(Location::new(id)),
            };
            Err(problem("failed", &e))
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            Err(Problem {
                location: id,
                outcome: "failed",
                kind: ErrorKind::Stage.as_str(),
                reason: format!("internal error while annotating: {what}"),
            })
        }
    }
}

fn problem(outcome: &'static str, e: &Error) -> Problem {
    Problem {
        location: e.location().map(ToString::to_string).unwrap_or_default(),
        outcome,
        kind: e.kind().as_str(),
        reason: e.message().to_string(),
    }
}
