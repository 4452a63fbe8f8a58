//! Word pieces of a text with byte offsets into the original text, from
//! the model folder's `tokenizer.json` or, when there is none, from
//! `vocab.txt` with BERT's normalizer and pre-tokenizer configured by
//! `tokenizer_config.json` (as Hugging Face's fast BERT tokenizer is).

use std::path::Path;

use serde_json::Value;
use tokenizers::models::wordpiece::WordPiece;
use tokenizers::normalizers::bert::BertNormalizer;
use tokenizers::pre_tokenizers::bert::BertPreTokenizer;
use tokenizers::{AddedToken, ModelWrapper, Tokenizer};

use crate::error::{Error, Location, Result};

/// The word pieces of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pieces {
    /// Vocabulary ids.
    pub ids: Vec<u32>,
    /// Byte offsets into the original text, on character boundaries.
    pub offsets: Vec<(usize, usize)>,
    /// Whether each piece begins a word (false for `##` continuations).
    pub word_start: Vec<bool>,
    /// Whether each piece is a special token written in the text
    /// (`[SEP]`, ...); such pieces belong to no word.
    pub special: Vec<bool>,
}

impl Pieces {
    /// Number of pieces.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the text produced no pieces.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Where the tokenizer came from, for reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenizerSource {
    /// `tokenizer.json`.
    TokenizerJson,
    /// `vocab.txt` and `tokenizer_config.json`.
    Vocab,
}

/// A Hugging Face tokenizer set up to split text into word pieces without
/// special tokens, truncation or padding.
pub struct PieceTokenizer {
    inner: Tokenizer,
    /// `[CLS]` id.
    pub cls: u32,
    /// `[SEP]` id.
    pub sep: u32,
    /// `[PAD]` id.
    pub pad: u32,
    /// Longest input `tokenizer_config.json` allows (`model_max_length`).
    pub max_length: Option<usize>,
    /// Pieces in the vocabulary, added tokens included.
    pub vocab_size: usize,
    /// Which file the tokenizer was built from.
    pub source: TokenizerSource,
    /// Whether words are marked by `##` continuations (WordPiece); other
    /// models fall back to "a word starts after whitespace".
    word_aware: bool,
}

impl std::fmt::Debug for PieceTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PieceTokenizer")
            .field("source", &self.source)
            .field("vocab_size", &self.vocab_size)
            .field("max_length", &self.max_length)
            .finish()
    }
}

/// `tokenizer_config.json`, or defaults when the folder has none.
struct TokenizerSettings {
    lowercase: bool,
    strip_accents: Option<bool>,
    chinese_chars: bool,
    max_length: Option<usize>,
    unk: String,
    cls: String,
    sep: String,
    pad: String,
    mask: String,
}

impl TokenizerSettings {
    fn load(dir: &Path) -> Result<TokenizerSettings> {
        let path = dir.join("tokenizer_config.json");
        let value = match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| {
                Error::format(Location::path(&path), format!("not valid JSON: {e}"))
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Value::Null,
            Err(e) => return Err(Error::io(&path, e)),
        };
        let token = |key: &str, default: &str| match value.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Object(o)) => o
                .get("content")
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_string(),
            _ => default.to_string(),
        };
        // Hugging Face's BERT tokenizer lowercases unless told otherwise.
        let lowercase = value
            .get("do_lower_case")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        Ok(TokenizerSettings {
            lowercase,
            strip_accents: value.get("strip_accents").and_then(Value::as_bool),
            chinese_chars: value
                .get("tokenize_chinese_chars")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            // Hugging Face writes a huge number when there is no limit.
            max_length: value
                .get("model_max_length")
                .and_then(Value::as_u64)
                .filter(|&n| n <= 1_000_000)
                .map(|n| n as usize),
            unk: token("unk_token", "[UNK]"),
            cls: token("cls_token", "[CLS]"),
            sep: token("sep_token", "[SEP]"),
            pad: token("pad_token", "[PAD]"),
            mask: token("mask_token", "[MASK]"),
        })
    }
}

impl PieceTokenizer {
    /// Loads the tokenizer of the model folder `dir`.
    pub fn load(dir: &Path) -> Result<PieceTokenizer> {
        let settings = TokenizerSettings::load(dir)?;
        let json = dir.join("tokenizer.json");
        let vocab = dir.join("vocab.txt");
        let (mut inner, source) = if json.is_file() {
            let tokenizer = Tokenizer::from_file(&json).map_err(|e| {
                Error::model(Location::path(&json), format!("cannot read tokenizer: {e}"))
            })?;
            (tokenizer, TokenizerSource::TokenizerJson)
        } else if vocab.is_file() {
            (bert_tokenizer(&vocab, &settings)?, TokenizerSource::Vocab)
        } else {
            return Err(Error::model(
                Location::path(dir),
                "no tokenizer: the folder has neither tokenizer.json nor vocab.txt",
            ));
        };
        let location = Location::path(if source == TokenizerSource::TokenizerJson {
            &json
        } else {
            &vocab
        });
        inner.with_truncation(None).map_err(|e| {
            Error::model(location.clone(), format!("cannot turn off truncation: {e}"))
        })?;
        inner.with_padding(None);
        let id = |token: &str| {
            inner.token_to_id(token).ok_or_else(|| {
                Error::model(
                    location.clone(),
                    format!("the vocabulary has no special token `{token}`"),
                )
            })
        };
        let (cls, sep, pad) = (id(&settings.cls)?, id(&settings.sep)?, id(&settings.pad)?);
        let word_aware = matches!(inner.get_model(), ModelWrapper::WordPiece(_));
        let vocab_size = inner.get_vocab_size(true);
        Ok(PieceTokenizer {
            inner,
            cls,
            sep,
            pad,
            max_length: settings.max_length,
            vocab_size,
            source,
            word_aware,
        })
    }

    /// The largest id the tokenizer can produce, plus one.
    pub fn id_bound(&self) -> usize {
        self.inner
            .get_vocab(true)
            .values()
            .map(|&id| id as usize + 1)
            .max()
            .unwrap_or(0)
    }

    /// Splits `text` into word pieces.
    pub fn pieces(&self, text: &str) -> Result<Pieces> {
        let encoding = self
            .inner
            .encode(text, false)
            .map_err(|e| Error::new(crate::error::ErrorKind::Stage, format!("tokenizer: {e}")))?;
        let ids = encoding.get_ids().to_vec();
        let offsets = encoding.get_offsets().to_vec();
        for (i, &(start, end)) in offsets.iter().enumerate() {
            if start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return Err(Error::new(
                    crate::error::ErrorKind::Stage,
                    format!("tokenizer: piece {i} has offsets {start}..{end}, not on character boundaries"),
                ));
            }
        }
        let special: Vec<bool> = encoding
            .get_special_tokens_mask()
            .iter()
            .map(|&m| m != 0)
            .collect();
        let word_start = if self.word_aware {
            let words = encoding.get_word_ids();
            (0..ids.len())
                .map(|i| i == 0 || words[i].is_none() || words[i] != words[i - 1])
                .collect()
        } else {
            offsets
                .iter()
                .map(|&(start, _)| follows_space(text, start))
                .collect()
        };
        Ok(Pieces {
            ids,
            offsets,
            word_start,
            special,
        })
    }
}

/// Whether a piece starting at byte `start` begins a word, for tokenizers
/// that do not mark words: at the start of the text or after whitespace.
fn follows_space(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
        || text[start..].starts_with(char::is_whitespace)
}

/// BERT's tokenizer from a `vocab.txt`, as Hugging Face converts its slow
/// BERT tokenizer into a fast one.
fn bert_tokenizer(vocab: &Path, settings: &TokenizerSettings) -> Result<Tokenizer> {
    let location = Location::path(vocab);
    let path = vocab
        .to_str()
        .ok_or_else(|| Error::model(location.clone(), "the path is not valid UTF-8"))?;
    let model = WordPiece::from_file(path)
        .unk_token(settings.unk.clone())
        .continuing_subword_prefix("##".into())
        .build()
        .map_err(|e| Error::model(location.clone(), format!("cannot read vocabulary: {e}")))?;
    let mut tokenizer = Tokenizer::new(model);
    tokenizer.with_normalizer(Some(BertNormalizer::new(
        true,
        settings.chinese_chars,
        settings.strip_accents,
        settings.lowercase,
    )));
    tokenizer.with_pre_tokenizer(Some(BertPreTokenizer));
    let specials: Vec<AddedToken> = [
        &settings.pad,
        &settings.unk,
        &settings.cls,
        &settings.sep,
        &settings.mask,
    ]
    .into_iter()
    .map(|t| AddedToken::from(t.clone(), true))
    .collect();
    tokenizer.add_special_tokens(&specials);
    Ok(tokenizer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_starts_after_whitespace_or_at_the_start() {
        let text = "Erdoğan's\tŞuşa";
        assert!(follows_space(text, 0));
        assert!(!follows_space(text, "Erdoğan".len()));
        assert!(follows_space(text, "Erdoğan's\t".len()));
    }
}
