//! What the command line shows a person while a batch runs: a progress bar
//! on standard error (documents, documents/s, ETA) and problems as they
//! happen, then a one-line summary.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::batch::Observer;
use crate::export::{Problem, RunManifest};

/// Draws progress and prints problems on standard error.
#[derive(Debug)]
pub struct TerminalReport {
    bar: ProgressBar,
    problems: u64,
}

/// Problems printed one by one before the report only counts them.
const MAX_PRINTED: u64 = 50;

impl TerminalReport {
    /// A reporter; `draw` decides whether a bar is drawn (`None`: only
    /// when standard error is a terminal).
    pub fn new(draw: Option<bool>) -> Self {
        let draw = draw.unwrap_or_else(|| std::io::stderr().is_terminal());
        let bar = ProgressBar::with_draw_target(
            None,
            if draw {
                ProgressDrawTarget::stderr_with_hz(4)
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        TerminalReport { bar, problems: 0 }
    }

    /// The one-line summary printed at the end of a run.
    pub fn summary(manifest: &RunManifest) -> String {
        let d = &manifest.documents;
        format!(
            "{} documents ok, {} skipped, {} failed; {} sentences, {} tokens, {} entities, {} triples in {:.1}s ({:.0} docs/s, {:.0} words/s)",
            d.ok,
            d.skipped,
            d.failed,
            manifest.sentences,
            manifest.tokens,
            manifest.entities,
            manifest.triples,
            manifest.wall_seconds,
            manifest.docs_per_second,
            manifest.words_per_second
        )
    }

    /// Removes the bar before the summary is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Observer for TerminalReport {
    fn started(&mut self, total_bytes: Option<u64>) {
        let template = match total_bytes {
            Some(total) => {
                self.bar.set_length(total);
                "{spinner} [{elapsed_precise}] {wide_bar} {percent:>3}% {msg} ETA {eta}"
            }
            None => "{spinner} [{elapsed_precise}] {msg}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style);
        }
        self.bar.enable_steady_tick(Duration::from_millis(250));
    }

    fn progress(&mut self, documents: u64, bytes_read: u64) {
        let secs = self.bar.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_position(bytes_read);
        self.bar.set_message(format!(
            "{documents} docs, {:.0} docs/s",
            documents as f64 / secs
        ));
    }

    fn problem(&mut self, problem: &Problem) {
        self.problems += 1;
        if self.problems <= MAX_PRINTED {
            self.bar.suspend(|| {
                eprintln!(
                    "actant: {} {}: {}",
                    problem.outcome, problem.location, problem.reason
                )
            });
        } else if self.problems == MAX_PRINTED + 1 {
            self.bar.suspend(|| {
                eprintln!("actant: more problems follow; all are listed in manifest.json")
            });
        }
    }
}
