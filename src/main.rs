//! The `actant` command line: parse flags, run, map the outcome to an exit
//! status (documented in `actant --help`).

use std::process::ExitCode;

use actant::batch::run_batch;
use actant::cli::{self, Cli, Command, EvalArgs, EvalTarget, ExtractArgs, ProgressChoice};
use actant::corpus::Corpus;
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

fn eval(args: &EvalArgs) -> anyhow::Result<u8> {
    match &args.target {
        EvalTarget::Segment(args) => {
            args.validate()?;
            let scores = actant::eval::segment::score_segmentation(&args.gold)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&scores)?);
            } else {
                println!("{}\n{scores}", args.gold.display());
            }
        }
    }
    Ok(cli::EXIT_OK)
}
