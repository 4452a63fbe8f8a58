//! What unlabeled text says about words: how often each is written in
//! lowercase, and (optionally) a distributional cluster as a bit path.
//!
//! Built from the raw text of the training treebanks (never from the
//! evaluation splits), stored inside the model file. Knowing that `Last`
//! is usually `last` while `Putin` is never lowercase tells a sentence-
//! initial capital from a name, which word shape alone cannot.

use std::collections::HashMap;
use std::io::{self, Read, Write};

use crate::learn::model_file::{read_string, read_u32, write_str};

/// Fewest occurrences for a word's lowercase share to be kept.
const MIN_COUNT: u32 = 3;

/// Words with their lowercase share and cluster.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordLexicon {
    words: HashMap<String, WordInfo>,
}

/// What the lexicon knows about one (lowercased) word.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct WordInfo {
    /// Share of non-initial occurrences written all in lowercase, in
    /// 1/255 steps; `u8::MAX` = 1.0; `None` when too rare.
    lowercase: Option<u8>,
    /// Cluster path, most significant bit first, and its length.
    cluster: Option<(u32, u8)>,
}

/// Counts casing over sentences of unlabeled text.
#[derive(Clone, Debug, Default)]
pub struct LexiconBuilder {
    counts: HashMap<String, (u32, u32)>,
}

impl LexiconBuilder {
    /// Counts the words of one sentence; the first word is skipped, since
    /// its capital says nothing about the word.
    pub fn add_sentence<S: AsRef<str>>(&mut self, words: &[S]) {
        for word in words.iter().skip(1) {
            let word = word.as_ref();
            if !word.chars().any(char::is_alphabetic) {
                continue;
            }
            let lower = word.to_lowercase();
            let is_lower = lower == word;
            let entry = self.counts.entry(lower).or_default();
            entry.0 += 1;
            entry.1 += u32::from(is_lower);
        }
    }

    /// The lexicon of the words seen often enough.
    pub fn build(self) -> WordLexicon {
        let words = self
            .counts
            .into_iter()
            .filter(|(_, (total, _))| *total >= MIN_COUNT)
            .map(|(word, (total, lower))| {
                let share = (f64::from(lower) / f64::from(total) * 255.0).round() as u8;
                (
                    word,
                    WordInfo {
                        lowercase: Some(share),
                        cluster: None,
                    },
                )
            })
            .collect();
        WordLexicon { words }
    }
}

impl WordLexicon {
    /// Number of words known.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Share of occurrences of lowercased `lower` written in lowercase.
    pub fn lowercase_share(&self, lower: &str) -> Option<f32> {
        let info = self.words.get(lower)?;
        info.lowercase.map(|s| f32::from(s) / 255.0)
    }

    /// Cluster path bits (most significant first) and path length.
    pub fn cluster(&self, lower: &str) -> Option<(u32, u8)> {
        self.words.get(lower)?.cluster
    }

    /// Sets the clusters of words (paths of at most 32 bits).
    pub fn set_clusters(&mut self, clusters: impl IntoIterator<Item = (String, u32, u8)>) {
        for (word, path, len) in clusters {
            self.words.entry(word).or_default().cluster = Some((path, len.min(32)));
        }
    }

    /// Writes the lexicon in word order.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        let mut words: Vec<(&String, &WordInfo)> = self.words.iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        out.write_all(&(words.len() as u32).to_le_bytes())?;
        for (word, info) in words {
            write_str(out, word)?;
            let lower = info.lowercase.map_or(0u16, |s| 0x100 | u16::from(s));
            out.write_all(&lower.to_le_bytes())?;
            let (path, len) = info.cluster.unwrap_or((0, 0));
            out.write_all(&path.to_le_bytes())?;
            out.write_all(&[len])?;
        }
        Ok(())
    }

    /// Reads a lexicon written by [`WordLexicon::write_to`].
    pub fn read_from(input: &mut impl Read) -> io::Result<WordLexicon> {
        let count = read_u32(input)? as usize;
        if count > 1 << 24 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("implausible lexicon size {count}"),
            ));
        }
        let mut words = HashMap::with_capacity(count);
        let mut buf = [0u8; 7];
        for _ in 0..count {
            let word = read_string(input)?;
            input.read_exact(&mut buf)?;
            let lower = u16::from_le_bytes([buf[0], buf[1]]);
            let path = u32::from_le_bytes([buf[2], buf[3], buf[4], buf[5]]);
            let len = buf[6];
            words.insert(
                word,
                WordInfo {
                    lowercase: (lower & 0x100 != 0).then_some((lower & 0xff) as u8),
                    cluster: (len > 0).then_some((path, len.min(32))),
                },
            );
        }
        Ok(WordLexicon { words })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> WordLexicon {
        let mut b = LexiconBuilder::default();
        for _ in 0..4 {
            b.add_sentence(&["The", "last", "talks", "with", "Putin"]);
            b.add_sentence(&["Last", "year", "Putin", "left"]);
        }
        b.add_sentence(&["Rare", "Rare"]);
        b.build()
    }

    #[test]
    fn shares_count_non_initial_words_only() {
        let lex = lexicon();
        assert_eq!(lex.lowercase_share("putin"), Some(0.0));
        assert_eq!(lex.lowercase_share("last"), Some(1.0));
        assert_eq!(lex.lowercase_share("the"), None, "only ever initial");
        assert_eq!(lex.lowercase_share("rare"), None, "too rare");
    }

    #[test]
    fn round_trips_with_clusters() {
        let mut lex = lexicon();
        lex.set_clusters([("putin".to_string(), 0b1011 << 28, 4)]);
        let mut bytes = Vec::new();
        lex.write_to(&mut bytes).unwrap();
        let back = WordLexicon::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(back, lex);
        assert_eq!(back.cluster("putin"), Some((0b1011 << 28, 4)));
        bytes.truncate(bytes.len() - 2);
        assert!(WordLexicon::read_from(&mut bytes.as_slice()).is_err());
    }
}
