//! Step 3: part-of-speech tags, lemmas and dependency trees.
//!
//! A [`SyntaxModel`] bundles the three models trained by this project on
//! the UD English treebanks (EWT and GUM): the [`tagger`] (UPOS and Penn
//! XPOS), the [`lemmatizer`] and the [`parser`] (UD basic relations). The
//! shipped models are compiled into the binary, so
//! [`SyntaxModel::embedded`] needs no files; [`SyntaxModel::load`] reads a
//! folder of retrained ones instead.
//!
//! ```
//! use actant::syntax::SyntaxModel;
//!
//! let model = SyntaxModel::embedded()?;
//! let words = ["Azerbaijan", "is", "openly", "backed", "by", "Turkey", "."];
//! let syntax = model.annotate(&words);
//! assert_eq!(syntax[3].lemma, "back");
//! assert_eq!(syntax[0].deprel, "nsubj:pass");
//! assert_eq!(syntax[5].deprel, "obl:agent");
//! assert_eq!(syntax[5].head, 4); // 1-based: `backed`
//! # Ok::<(), actant::Error>(())
//! ```

mod irregular;
pub mod lemmatizer;
pub mod parser;
pub mod tagger;
pub mod train;

pub mod words;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::doc::{Doc, TokenSyntax};
use crate::error::{Error, Location, Result};
use crate::export::ModelInfo;

pub use lemmatizer::Lemmatizer;
pub use parser::{ParseInput, Parser};
use tagger::TagChoice;
pub use tagger::{Tag, TagAtoms, Tagger};
use words::WordAtoms;

/// Words of the sentences annotated together: enough for each model's
/// table to stay warm, few enough that a block's working state is small.
const BLOCK_WORDS: usize = 2048;

/// File names of the three models in a model folder.
pub const TAGGER_FILE: &str = "tagger.bin";
/// See [`TAGGER_FILE`].
pub const LEMMATIZER_FILE: &str = "lemmatizer.bin";
/// See [`TAGGER_FILE`].
pub const PARSER_FILE: &str = "parser.bin";

static EMBEDDED_TAGGER: &[u8] = include_bytes!("../../models/tagger.bin");
static EMBEDDED_LEMMATIZER: &[u8] = include_bytes!("../../models/lemmatizer.bin");
static EMBEDDED_PARSER: &[u8] = include_bytes!("../../models/parser.bin");

/// Where the syntax stage gets its models, as chosen in a pipeline
/// configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxConfig {
    /// The models compiled into the binary.
    #[default]
    Embedded,
    /// `tagger.bin`, `lemmatizer.bin` and `parser.bin` in a folder.
    Folder(PathBuf),
    /// No syntax stage: `Doc::syntax` stays empty.
    Off,
}

impl SyntaxConfig {
    /// The model this configuration names, or `None` for [`SyntaxConfig::Off`].
    pub fn load(&self) -> Result<Option<Arc<SyntaxModel>>> {
        match self {
            SyntaxConfig::Embedded => SyntaxModel::embedded().map(Some),
            SyntaxConfig::Folder(dir) => SyntaxModel::load(dir).map(|m| Some(Arc::new(m))),
            SyntaxConfig::Off => Ok(None),
        }
    }

    /// The model files this configuration names, with checksums (for the
    /// run manifest).
    pub fn model_infos(&self) -> Result<Vec<ModelInfo>> {
        let files = [
            ("tagger", TAGGER_FILE, EMBEDDED_TAGGER),
            ("lemmatizer", LEMMATIZER_FILE, EMBEDDED_LEMMATIZER),
            ("parser", PARSER_FILE, EMBEDDED_PARSER),
        ];
        match self {
            SyntaxConfig::Embedded => Ok(files
                .iter()
                .map(|(name, file, bytes)| {
                    ModelInfo::of_bytes(name, &format!("embedded models/{file}"), bytes)
                })
                .collect()),
            SyntaxConfig::Folder(dir) => files
                .iter()
                .map(|(name, file, _)| {
                    let path = dir.join(file);
                    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                    Ok(ModelInfo::of_bytes(
                        name,
                        &path.display().to_string(),
                        &bytes,
                    ))
                })
                .collect(),
            SyntaxConfig::Off => Ok(Vec::new()),
        }
    }
}

/// Tagger, lemmatizer and parser, ready to annotate sentences.
#[derive(Clone, PartialEq)]
pub struct SyntaxModel {
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
}

impl std::fmt::Debug for SyntaxModel {
    /// A summary: the weight tables hold millions of numbers.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyntaxModel")
            .field("upos", &self.tagger.upos_tags().len())
            .field("xpos", &self.tagger.xpos_tags().len())
            .field("relations", &self.parser.labels().len())
            .field("heap_bytes", &self.heap_bytes())
            .finish()
    }
}

impl SyntaxModel {
    /// Bundles three trained models.
    pub fn new(tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser) -> SyntaxModel {
        SyntaxModel {
            tagger,
            lemmatizer,
            parser,
        }
    }

    /// The shipped models, parsed once per process and shared.
    pub fn embedded() -> Result<Arc<SyntaxModel>> {
        static MODEL: OnceLock<std::result::Result<Arc<SyntaxModel>, String>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                SyntaxModel::from_bytes(
                    EMBEDDED_TAGGER,
                    EMBEDDED_LEMMATIZER,
                    EMBEDDED_PARSER,
                    Path::new("<embedded>"),
                )
                .map(Arc::new)
                .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|e| Error::model(Location::new("<embedded syntax models>"), e))
    }

    /// Reads the three model files from `dir`.
    pub fn load(dir: &Path) -> Result<SyntaxModel> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path)
                .map(|bytes| (bytes, path.clone()))
                .map_err(|e| Error::io(&path, e))
        };
        let (tagger, tagger_path) = read(TAGGER_FILE)?;
        let (lemmatizer, lemmatizer_path) = read(LEMMATIZER_FILE)?;
        let (parser, parser_path) = read(PARSER_FILE)?;
        Ok(SyntaxModel {
            tagger: Tagger::read_from(&mut tagger.as_slice(), &tagger_path)?,
            lemmatizer: Lemmatizer::read_from(&mut lemmatizer.as_slice(), &lemmatizer_path)?,
            parser: Parser::read_from(&mut parser.as_slice(), &parser_path)?,
        })
    }

    /// Parses the three models from bytes; `origin` names them in errors.
    pub fn from_bytes(
        tagger: &[u8],
        lemmatizer: &[u8],
        parser: &[u8],
        origin: &Path,
    ) -> Result<SyntaxModel> {
        Ok(SyntaxModel {
            tagger: Tagger::read_from(&mut &tagger[..], &origin.join(TAGGER_FILE))?,
            lemmatizer: Lemmatizer::read_from(&mut &lemmatizer[..], &origin.join(LEMMATIZER_FILE))?,
            parser: Parser::read_from(&mut &parser[..], &origin.join(PARSER_FILE))?,
        })
    }

    /// Writes the three model files into `dir` (which must exist).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let write = |name: &str, f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
            let path = dir.join(name);
            let mut bytes = Vec::new();
            f(&mut bytes).map_err(|e| Error::io(&path, e))?;
            std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
        };
        write(TAGGER_FILE, &|b| self.tagger.write_to(b))?;
        write(LEMMATIZER_FILE, &|b| self.lemmatizer.write_to(b))?;
        write(PARSER_FILE, &|b| self.parser.write_to(b))
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// The lemmatizer.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// The parser.
    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    /// Approximate bytes of memory held by the three models.
    pub fn heap_bytes(&self) -> usize {
        self.tagger.heap_bytes() + self.lemmatizer.heap_bytes() + self.parser.heap_bytes()
    }

    /// Tags, lemmatizes and parses one sentence of words. Any sequence of
    /// words is accepted, and the heads always form one tree rooted in a
    /// single word.
    pub fn annotate(&self, words: &[&str]) -> Vec<TokenSyntax> {
        self.annotate_sentences(&[words])
    }

    /// [`SyntaxModel::annotate`] for several sentences, one entry per word
    /// in order. Each model runs over a block of sentences before the next
    /// model starts, so that its weight table stays in the CPU caches
    /// (interleaving the tagger's and the parser's lookups sentence by
    /// sentence was about a fifth slower); blocks bound the memory held
    /// for a long document.
    pub fn annotate_sentences(&self, sentences: &[&[&str]]) -> Vec<TokenSyntax> {
        let total = sentences.iter().map(|s| s.len()).sum();
        self.annotate_blocks(sentences.iter().copied(), total)
    }

    /// Annotates `sentences` (`total` words in all) block by block.
    fn annotate_blocks<'w, W: AsRef<[&'w str]>>(
        &self,
        sentences: impl Iterator<Item = W>,
        total: usize,
    ) -> Vec<TokenSyntax> {
        let mut out = Vec::with_capacity(total);
        let mut block: Vec<W> = Vec::new();
        let mut words = 0;
        for sentence in sentences {
            let len = sentence.as_ref().len();
            if !block.is_empty() && words + len > BLOCK_WORDS {
                self.annotate_block(&block, &mut out);
                block.clear();
                words = 0;
            }
            words += len;
            block.push(sentence);
        }
        if !block.is_empty() {
            self.annotate_block(&block, &mut out);
        }
        out
    }

    /// Tags every sentence of `block`, then parses them, then writes their
    /// words' syntax to `out`.
    fn annotate_block<'w, W: AsRef<[&'w str]>>(&self, block: &[W], out: &mut Vec<TokenSyntax>) {
        let tagged: Vec<(Vec<WordAtoms>, Vec<TagChoice>)> = block
            .iter()
            .map(|words| {
                let atoms: Vec<WordAtoms> =
                    words.as_ref().iter().map(|w| WordAtoms::new(w)).collect();
                let choices = self.tagger.tag_choices(&atoms);
                (atoms, choices)
            })
            .collect();
        let parses: Vec<Vec<parser::Arc>> = tagged
            .iter()
            .map(|(atoms, choices)| {
                let tag_atoms: Vec<TagAtoms> = choices
                    .iter()
                    .map(|c| self.tagger.choice_atoms(c))
                    .collect();
                self.parser.parse(&ParseInput::new(atoms, &tag_atoms))
            })
            .collect();
        for ((words, (_, choices)), arcs) in block.iter().zip(&tagged).zip(&parses) {
            out.extend(words.as_ref().iter().zip(choices.iter().zip(arcs)).map(
                |(word, (choice, arc))| {
                    let xpos = self.tagger.xpos(choice.best);
                    TokenSyntax {
                        upos: self.tagger.upos(choice.best).to_string(),
                        xpos: xpos.to_string(),
                        lemma: self.lemmatizer.lemmatize(word, xpos),
                        head: arc.head as usize,
                        deprel: self.parser.label(arc.label).to_string(),
                    }
                },
            ));
        }
    }

    /// The syntax of every token of a segmented document, sentence by
    /// sentence (one entry per token, for [`Doc::syntax`]).
    pub fn annotate_doc(&self, doc: &Doc) -> Vec<TokenSyntax> {
        let sentences = doc.sentences.iter().map(|sentence| {
            doc.tokens[sentence.tokens.clone()]
                .iter()
                .map(|t| doc.slice(t.span))
                .collect::<Vec<&str>>()
        });
        self.annotate_blocks(sentences, doc.tokens.len())
    }
}
