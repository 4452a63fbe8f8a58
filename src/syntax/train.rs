//! Training the three syntax models from CoNLL-U treebanks.
//!
//! The parser learns from tags predicted the way they will be at run time:
//! the training sentences are split into folds, and each fold is tagged by
//! a tagger trained on the other folds (jackknifing). Otherwise the parser
//! would learn to trust tags that are right far more often than the
//! tagger's output on new text.

use std::path::{Path, PathBuf};

use crate::corpus::conllu::{read_conllu, ConlluSentence};
use crate::error::{Error, Result};

use super::lemmatizer::Lemmatizer;
use super::parser::{train_parser, ParseInput, Parser, ParserConfig};
use super::tagger::{train_tagger, TagAtoms, Tagger, TaggerConfig};
use super::words::WordAtoms;
use super::{LEMMATIZER_FILE, PARSER_FILE, TAGGER_FILE};

/// Receives progress messages from long training runs.
pub type Progress<'a> = &'a mut dyn FnMut(&str);

/// Reads and concatenates CoNLL-U files.
pub fn read_treebanks(paths: &[PathBuf]) -> Result<Vec<ConlluSentence>> {
    let mut sentences = Vec::new();
    for path in paths {
        sentences.extend(read_conllu(path)?);
    }
    if sentences.is_empty() {
        return Err(Error::config("the training files hold no sentences"));
    }
    Ok(sentences)
}

/// Trains the tagger and the lemmatizer (which keys on the tagger's XPOS).
pub fn train_tagger_and_lemmatizer(
    train: &[ConlluSentence],
    config: &TaggerConfig,
) -> Result<(Tagger, Lemmatizer)> {
    Ok((train_tagger(train, config)?, Lemmatizer::train(train)))
}

/// How the parser's training tags are produced and the parser trained.
#[derive(Clone, Debug, PartialEq)]
pub struct ParserTraining {
    /// The parser's own settings.
    pub parser: ParserConfig,
    /// Settings of the taggers that tag the training folds.
    pub tagger: TaggerConfig,
    /// Number of jackknifing folds; 0 or 1 trains on gold tags.
    pub folds: usize,
}

impl Default for ParserTraining {
    fn default() -> Self {
        ParserTraining {
            parser: ParserConfig::default(),
            tagger: TaggerConfig::default(),
            folds: 4,
        }
    }
}

/// Trains the parser on jackknifed tags (or gold tags with fewer than two
/// folds), reporting each stage to `progress`.
pub fn train_parser_jackknifed(
    train: &[ConlluSentence],
    config: &ParserTraining,
    progress: Progress,
) -> Result<Parser> {
    let atoms: Vec<Vec<WordAtoms>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| WordAtoms::new(&w.form)).collect())
        .collect();
    let mut tags: Vec<Vec<TagAtoms>> = vec![Vec::new(); train.len()];
    if config.folds >= 2 {
        for fold in 0..config.folds {
            progress(&format!(
                "tagging fold {}/{} for the parser",
                fold + 1,
                config.folds
            ));
            let rest: Vec<ConlluSentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % config.folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let tagger = train_tagger(&rest, &config.tagger)?;
            for i in (fold..train.len()).step_by(config.folds) {
                tags[i] = tagger
                    .tag_choices(&atoms[i])
                    .iter()
                    .map(|c| tagger.choice_atoms(c))
                    .collect();
            }
        }
    } else {
        for (tags, sentence) in tags.iter_mut().zip(train) {
            *tags = sentence
                .words
                .iter()
                .map(|w| TagAtoms::of(&w.upos, &w.xpos))
                .collect();
        }
    }
    let inputs: Vec<ParseInput> = atoms
        .iter()
        .zip(&tags)
        .map(|(a, t)| ParseInput::new(a, t))
        .collect();
    progress("training the parser");
    train_parser(train, &inputs, &config.parser)
}

/// Writes `tagger.bin` and `lemmatizer.bin` into `dir` (created if
/// missing); returns the paths written.
pub fn save_tagger_and_lemmatizer(
    tagger: &Tagger,
    lemmatizer: &Lemmatizer,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    Ok(vec![
        save(dir, TAGGER_FILE, |out| tagger.write_to(out))?,
        save(dir, LEMMATIZER_FILE, |out| lemmatizer.write_to(out))?,
    ])
}

/// Writes `parser.bin` into `dir` (created if missing); returns its path.
pub fn save_parser(parser: &Parser, dir: &Path) -> Result<PathBuf> {
    save(dir, PARSER_FILE, |out| parser.write_to(out))
}

/// Writes a model file atomically (temporary file, then rename).
fn save(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let path = dir.join(name);
    let temporary = dir.join(format!(".{name}.tmp"));
    let mut bytes = Vec::new();
    write(&mut bytes).map_err(|e| Error::io(&path, e))?;
    std::fs::write(&temporary, &bytes).map_err(|e| Error::io(&temporary, e))?;
    std::fs::rename(&temporary, &path).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}
