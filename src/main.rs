//! The `actant` command line: parse flags, run, map the outcome to an exit
//! status (documented in `actant --help`).

use std::process::ExitCode;

use actant::batch::run_batch;
use actant::cli::{
    self, Cli, Command, EvalArgs, EvalTarget, ExtractArgs, ModelsCommand, ProgressChoice,
    TrainArgs, TrainTarget,
};
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
        Command::Train(args) => train(&args),
        Command::Models(ModelsCommand::Check { dir }) => check_model(&dir),
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
    let mut builder = Pipeline::builder()
        .ner(run.ner.clone())
        .syntax(run.syntax.clone());
    if !run.link {
        builder = builder.without_link();
    }
    let pipeline = builder.build()?;
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
    #[cfg(feature = "transformer")]
    if let actant::ner::NerStage::Transformer(t) = pipeline.recognizer() {
        eprintln!("actant: {}", t.stats().summary(manifest.wall_seconds));
    }
    let d = &manifest.documents;
    Ok(if d.skipped + d.failed > 0 {
        cli::EXIT_PARTIAL
    } else {
        cli::EXIT_OK
    })
}

/// `actant models check DIR`: prints what the folder holds, or the problem.
fn check_model(dir: &std::path::Path) -> anyhow::Result<u8> {
    #[cfg(feature = "transformer")]
    {
        let report = actant::ner::transformer::check_model_folder(dir)?;
        print!("{report}");
        println!(
            "ok: {} can be used with --ner transformer --model",
            dir.display()
        );
        Ok(cli::EXIT_OK)
    }
    #[cfg(not(feature = "transformer"))]
    {
        let _ = dir;
        Err(cli::without_transformer().into())
    }
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
            (render_ner(&report, a.show), report.failures.len())
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

fn train(args: &TrainArgs) -> anyhow::Result<u8> {
    use actant::syntax::train;
    let started = std::time::Instant::now();
    let mut progress = |message: &str| {
        eprintln!(
            "actant: [{:>6.1}s] {message}",
            started.elapsed().as_secs_f64()
        );
    };
    match &args.target {
        TrainTarget::Ner(args) => {
            let config = args.validate()?;
            eprintln!(
                "actant: training the entity recognizer on {} ...",
                config.data_dir.display()
            );
            let report = actant::ner::embedded::run::train_ner(&config)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                println!(
                    "model {} ({} bytes, {} weight rows), {} documents / {} tokens, \
                     temperature {} (span log-loss {:.3}), {:.1} s",
                    report.model.display(),
                    report.model_bytes,
                    report.features,
                    report.training_documents,
                    report.training_tokens,
                    report.temperature,
                    report.span_log_loss,
                    report.seconds
                );
                for s in &report.scores {
                    println!(
                        "\n== {} — {} (gold tokens)\n{}",
                        s.set,
                        s.system,
                        actant::eval::table::render_ner(&s.report, 0)
                    );
                }
            }
        }
        TrainTarget::Tagger(args) => {
            let config = args.validate()?;
            let sentences = train::read_treebanks(&args.common.train)?;
            progress(&format!(
                "training the tagger and lemmatizer on {} sentences",
                sentences.len()
            ));
            let (tagger, lemmatizer) = train::train_tagger_and_lemmatizer(&sentences, &config)?;
            let written =
                train::save_tagger_and_lemmatizer(&tagger, &lemmatizer, &args.common.out)?;
            for path in written {
                progress(&format!("wrote {}", path.display()));
            }
        }
        TrainTarget::Parser(args) => {
            let config = args.validate()?;
            let sentences = train::read_treebanks(&args.common.train)?;
            progress(&format!(
                "training the parser on {} sentences",
                sentences.len()
            ));
            let parser = train::train_parser_jackknifed(&sentences, &config, &mut progress)?;
            let path = train::save_parser(&parser, &args.common.out)?;
            progress(&format!("wrote {}", path.display()));
        }
    }
    Ok(cli::EXIT_OK)
}
