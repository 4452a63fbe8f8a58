//! The `actant` command line: parse flags, run, map the outcome to an exit
//! status (documented in `actant --help`).

use std::process::ExitCode;

use actant::batch::run_batch;
use actant::cli::{self, Cli, Command, EvalArgs, EvalTarget, ExtractArgs, ProgressChoice};
use actant::corpus::Corpus;
use actant::eval::run::{run_ner_eval, run_syntax_eval, run_triples_eval, write_json};
use actant::eval::table::{render_ner, render_syntax, render_triples};
use actant::report::TerminalReport;
use actant::Pipeline;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract(&args),
        Command::Eval(args) => eval(&args),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("actant: error: {e:#}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}

fn extract(args: &ExtractArgs) -> anyhow::Result<u8> {
    let run = args.validate()?;
    let pipeline = Pipeline::builder().ner(run.ner.clone()).build()?;
    let corpus = Corpus::open(&run.inputs);
    let draw = match run.progress {
        ProgressChoice::Auto => None,
        ProgressChoice::Always => Some(true),
        ProgressChoice::Never => Some(false),
    };
    let mut report = TerminalReport::new(draw);
    let manifest = run_batch(&pipeline, corpus, &run.batch, &mut report)?;
    report.finish();
    eprintln!("actant: {}", TerminalReport::summary(&manifest));
    let d = &manifest.documents;
    Ok(if d.skipped + d.failed > 0 {
        cli::EXIT_PARTIAL
    } else {
        cli::EXIT_OK
    })
}

/// Runs an evaluation, prints its table and writes `--json`; documents the
/// pipeline failed on make the exit status 3.
fn eval(args: &EvalArgs) -> anyhow::Result<u8> {
    let (table, failures) = match &args.target {
        EvalTarget::Segment(args) => {
            args.validate()?;
            let scores = actant::eval::segment::score_segmentation(&args.gold)?;
            if args.json {
                (serde_json::to_string_pretty(&scores)? + "\n", 0)
            } else {
                (format!("{}\n{scores}\n", args.gold.display()), 0)
            }
        }
        EvalTarget::Ner(a) => {
            let report = run_ner_eval(&a.validate()?)?;
            if let Some(path) = &a.json {
                write_json(path, &report)?;
            }
            (render_ner(&report), report.failures.len())
        }
        EvalTarget::Triples(a) => {
            let report = run_triples_eval(&a.validate()?)?;
            if let Some(path) = &a.json {
                write_json(path, &report)?;
            }
            (render_triples(&report, a.show), report.failures.len())
        }
        EvalTarget::Syntax(a) => {
            let report = run_syntax_eval(&a.validate()?)?;
            if let Some(path) = &a.json {
                write_json(path, &report)?;
            }
            (render_syntax(&report), report.failures.len())
        }
    };
    let mut out = std::io::stdout().lock();
    match std::io::Write::write_all(&mut out, table.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(if failures > 0 {
        cli::EXIT_PARTIAL
    } else {
        cli::EXIT_OK
    })
}
