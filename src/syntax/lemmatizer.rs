//! Lemmatizer: an exception lexicon and suffix rules, both learned from
//! the treebanks, keyed by the Penn Treebank tag.
//!
//! A lemma is found, in order, in
//! 1. the exception lexicon, for words the rules get wrong (`said`/VBD →
//!    `say`, `was` → `be`, `n't` → `not`), by form as written and then
//!    lowercased;
//! 2. the irregular-verb table, for past forms the treebanks lack;
//! 3. the suffix rules: for the longest known final letters of the word
//!    under its tag, the most frequent edit among training words
//!    (`-ies`/NNS → strip 3, add `y`);
//!
//! and then cased by a rule learned per tag and capitalisation pattern
//! (`The`/DT → `the`, `Azerbaijan`/NNP kept).

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::Path;

use crate::corpus::conllu::ConlluSentence;
use crate::error::{Error, Location, Result};
use crate::learn::model_file::{read_string, read_u32, write_str, Header};
use crate::learn::{FeatureHasher, IdBuildHasher};

use super::irregular::irregular_base;

/// Model kind written in lemmatizer files.
pub const LEMMATIZER_KIND: &str = "lemmatizer";
/// Payload layout version of lemmatizer files.
pub const LEMMATIZER_VERSION: u32 = 1;

/// Longest word ending the rules look at, in characters.
const MAX_SUFFIX: usize = 7;

const EXACT: u32 = 1;
const LOWER: u32 = 2;
const RULE: u32 = 3;
const CASING: u32 = 4;

/// An edit turning a lowercased word into its lowercased lemma: drop the
/// last `strip` characters, then add `append`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Edit {
    strip: u8,
    append: String,
}

impl Edit {
    /// The edit from `form` to `lemma` (compared lowercased), if it can
    /// be written as one (at most 255 characters stripped).
    fn between(form: &str, lemma: &str) -> Option<Edit> {
        let f: Vec<char> = form.to_lowercase().chars().collect();
        let l: Vec<char> = lemma.to_lowercase().chars().collect();
        let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
        Some(Edit {
            strip: u8::try_from(f.len() - common).ok()?,
            append: l[common..].iter().collect(),
        })
    }

    /// Applies the edit to `form`, keeping the case of what is kept, or
    /// `None` when the word is too short.
    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        let keep = n.checked_sub(usize::from(self.strip))?;
        let cut = form.char_indices().nth(keep).map_or(form.len(), |(b, _)| b);
        Some(format!("{}{}", &form[..cut], self.append))
    }
}

/// Capitalisation patterns the casing rule distinguishes.
fn case_class(form: &str) -> u64 {
    let upper = form.chars().filter(|c| c.is_uppercase()).count();
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    match (upper, form.chars().next().is_some_and(char::is_uppercase)) {
        (0, _) => 0,
        (n, _) if n == letters => 1,
        (1, true) => 2,
        _ => 3,
    }
}

fn key(kind: u32, xpos: &str, text: &str) -> u64 {
    FeatureHasher::new(kind).str(xpos).str(text).finish()
}

/// A trained lemmatizer.
#[derive(Clone, Debug, PartialEq)]
pub struct Lemmatizer {
    /// `(form or lowercased form, xpos)` → lemma, where the rules fail.
    exceptions: HashMap<u64, String, IdBuildHasher>,
    /// `(xpos, final letters)` → edit.
    rules: HashMap<u64, Edit, IdBuildHasher>,
    /// `(xpos, case class)` → whether the lemma is lowercased.
    lowercase: HashMap<u64, bool, IdBuildHasher>,
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos`.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        if let Some(lemma) = self.exceptions.get(&key(EXACT, xpos, form)) {
            return lemma.clone();
        }
        let lower = form.to_lowercase();
        if let Some(lemma) = self.exceptions.get(&key(LOWER, xpos, &lower)) {
            return self.cased(form, xpos, lemma.clone());
        }
        if matches!(xpos, "VBD" | "VBN") {
            if let Some(base) = irregular_base(&lower) {
                return base;
            }
        }
        let lemma = self
            .rule(&lower, xpos)
            .and_then(|edit| edit.apply(form))
            .unwrap_or_else(|| form.to_string());
        self.cased(form, xpos, lemma)
    }

    /// The edit for the longest final letters of `lower` with a rule.
    fn rule(&self, lower: &str, xpos: &str) -> Option<&Edit> {
        let starts: Vec<usize> = lower.char_indices().map(|(b, _)| b).collect();
        let n = starts.len();
        (0..=MAX_SUFFIX.min(n)).rev().find_map(|len| {
            let from = if len == 0 {
                lower.len()
            } else {
                starts[n - len]
            };
            self.rules.get(&key(RULE, xpos, &lower[from..]))
        })
    }

    fn cased(&self, form: &str, xpos: &str, lemma: String) -> String {
        let class = case_class(form);
        let lower = self
            .lowercase
            .get(&key(CASING, xpos, &class.to_string()))
            .copied()
            .unwrap_or(class != 0);
        if lower {
            lemma.to_lowercase()
        } else {
            lemma
        }
    }

    /// Number of exceptions and rules, for size reports.
    pub fn sizes(&self) -> (usize, usize) {
        (self.exceptions.len(), self.rules.len())
    }

    /// Approximate bytes of memory held by the model.
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self.exceptions.values().map(String::len).sum::<usize>()
            + self.rules.values().map(|e| e.append.len()).sum::<usize>();
        strings
            + self.exceptions.capacity() * 33
            + self.rules.capacity() * 41
            + self.lowercase.capacity() * 10
    }

    /// Learns exceptions, rules and casing from the `form`, `xpos` and
    /// `lemma` columns of `sentences`.
    pub fn train(sentences: &[ConlluSentence]) -> Lemmatizer {
        // (form, xpos) → lemma → count
        let mut types: BTreeMap<(&str, &str), BTreeMap<&str, usize>> = BTreeMap::new();
        for w in sentences.iter().flat_map(|s| &s.words) {
            if w.lemma != "_" {
                *types
                    .entry((w.form.as_str(), w.xpos.as_str()))
                    .or_default()
                    .entry(w.lemma.as_str())
                    .or_default() += 1;
            }
        }
        let majority = |lemmas: &BTreeMap<&str, usize>| -> String {
            let mut best = ("", 0);
            for (&l, &n) in lemmas {
                if n > best.1 {
                    best = (l, n);
                }
            }
            best.0.to_string()
        };
        let mut model = Lemmatizer {
            exceptions: HashMap::with_hasher(IdBuildHasher),
            rules: HashMap::with_hasher(IdBuildHasher),
            lowercase: HashMap::with_hasher(IdBuildHasher),
        };
        // Casing: does the lemma keep the word's capitals?
        let mut casing: BTreeMap<(&str, u64), (usize, usize)> = BTreeMap::new();
        // Rules: (xpos, ending) → edit → number of word types.
        let mut endings: BTreeMap<(&str, String), BTreeMap<Edit, usize>> = BTreeMap::new();
        for (&(form, xpos), lemmas) in &types {
            let lemma = majority(lemmas);
            let Some(edit) = Edit::between(form, &lemma) else {
                continue;
            };
            if let Some(kept) = edit.apply(form) {
                let class = case_class(form);
                if class != 0 {
                    let counts = casing.entry((xpos, class)).or_default();
                    if kept == lemma {
                        counts.0 += lemmas.values().sum::<usize>();
                    } else if kept.to_lowercase() == lemma {
                        counts.1 += lemmas.values().sum::<usize>();
                    }
                }
            }
            let lower: Vec<char> = form.to_lowercase().chars().collect();
            for len in 0..=MAX_SUFFIX.min(lower.len()) {
                let ending: String = lower[lower.len() - len..].iter().collect();
                *endings
                    .entry((xpos, ending))
                    .or_default()
                    .entry(edit.clone())
                    .or_default() += 1;
            }
        }
        for (&(xpos, class), &(keep, lower)) in &casing {
            model
                .lowercase
                .insert(key(CASING, xpos, &class.to_string()), lower > keep);
        }
        let best_edit = |edits: &BTreeMap<Edit, usize>| -> Edit {
            let mut best: Option<(&Edit, usize)> = None;
            for (e, &n) in edits {
                if best.is_none_or(|(_, m)| n > m) {
                    best = Some((e, n));
                }
            }
            best.map(|(e, _)| e.clone()).unwrap_or(Edit {
                strip: 0,
                append: String::new(),
            })
        };
        // Keep a rule only where it differs from the rule one letter
        // shorter: lookups take the longest stored ending, so the pruned
        // table answers exactly as the full one.
        // An ending seen in one word type only is that word's quirk, not
        // a rule (the exception lexicon keeps the word itself).
        endings
            .retain(|(_, ending), edits| ending.is_empty() || edits.values().sum::<usize>() >= 2);
        for ((xpos, ending), edits) in &endings {
            let edit = best_edit(edits);
            let parent = ending
                .char_indices()
                .nth(1)
                .map_or("", |(b, _)| &ending[b..]);
            let inherited = (!ending.is_empty())
                .then(|| endings.get(&(*xpos, parent.to_string())).map(best_edit))
                .flatten();
            if inherited.as_ref() != Some(&edit) {
                model.rules.insert(key(RULE, xpos, ending), edit);
            }
        }
        // Exceptions: words whose majority lemma the rest gets wrong.
        for (&(form, xpos), lemmas) in &types {
            let lemma = majority(lemmas);
            if model.lemmatize(form, xpos) != lemma {
                let lower = form.to_lowercase();
                // A lowercase word's entry also serves its capitalised
                // forms (`Said` at a sentence start), as does a capitalised
                // word's with a lowercase lemma when no lowercase form exists.
                let k = if lower == form
                    || (lemma == lemma.to_lowercase()
                        && !types.contains_key(&(lower.as_str(), xpos)))
                {
                    key(LOWER, xpos, &lower)
                } else {
                    key(EXACT, xpos, form)
                };
                model.exceptions.insert(k, lemma);
            }
        }
        model
    }

    /// Writes the model file.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        Header {
            kind: LEMMATIZER_KIND.into(),
            version: LEMMATIZER_VERSION,
            labels: Vec::new(),
        }
        .write_to(out)?;
        let mut exceptions: Vec<(&u64, &String)> = self.exceptions.iter().collect();
        exceptions.sort_unstable();
        out.write_all(&(exceptions.len() as u32).to_le_bytes())?;
        for (k, lemma) in exceptions {
            out.write_all(&k.to_le_bytes())?;
            write_str(out, lemma)?;
        }
        let mut rules: Vec<(&u64, &Edit)> = self.rules.iter().collect();
        rules.sort_unstable();
        out.write_all(&(rules.len() as u32).to_le_bytes())?;
        for (k, edit) in rules {
            out.write_all(&k.to_le_bytes())?;
            out.write_all(&[edit.strip])?;
            write_str(out, &edit.append)?;
        }
        let mut casing: Vec<(&u64, &bool)> = self.lowercase.iter().collect();
        casing.sort_unstable();
        out.write_all(&(casing.len() as u32).to_le_bytes())?;
        for (k, &lower) in casing {
            out.write_all(&k.to_le_bytes())?;
            out.write_all(&[u8::from(lower)])?;
        }
        Ok(())
    }

    /// Reads a model file; `path` names it in errors.
    pub fn read_from(input: &mut impl Read, path: &Path) -> Result<Lemmatizer> {
        Header::read_checked(input, path, LEMMATIZER_KIND, LEMMATIZER_VERSION)?;
        let io = |e: std::io::Error| {
            Error::model(
                Location::path(path),
                format!("cannot read lemmatizer model: {e}"),
            )
        };
        let u64_of = |input: &mut dyn Read| -> std::io::Result<u64> {
            let mut b = [0u8; 8];
            input.read_exact(&mut b)?;
            Ok(u64::from_le_bytes(b))
        };
        let mut byte = [0u8; 1];
        let n = read_u32(input).map_err(io)?;
        let mut exceptions = HashMap::with_hasher(IdBuildHasher);
        for _ in 0..n {
            let k = u64_of(input).map_err(io)?;
            exceptions.insert(k, read_string(input).map_err(io)?);
        }
        let n = read_u32(input).map_err(io)?;
        let mut rules = HashMap::with_hasher(IdBuildHasher);
        for _ in 0..n {
            let k = u64_of(input).map_err(io)?;
            input.read_exact(&mut byte).map_err(io)?;
            let append = read_string(input).map_err(io)?;
            rules.insert(
                k,
                Edit {
                    strip: byte[0],
                    append,
                },
            );
        }
        let n = read_u32(input).map_err(io)?;
        let mut lowercase = HashMap::with_hasher(IdBuildHasher);
        for _ in 0..n {
            let k = u64_of(input).map_err(io)?;
            input.read_exact(&mut byte).map_err(io)?;
            lowercase.insert(k, byte[0] != 0);
        }
        Ok(Lemmatizer {
            exceptions,
            rules,
            lowercase,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conllu::parse_conllu;

    fn sample() -> Vec<ConlluSentence> {
        let rows = [
            ("The", "the", "DT"),
            ("dogs", "dog", "NNS"),
            ("said", "say", "VBD"),
            ("cats", "cat", "NNS"),
            ("ponies", "pony", "NNS"),
            ("flies", "fly", "NNS"),
            ("Baku", "Baku", "NNP"),
            ("walked", "walk", "VBD"),
            ("talked", "talk", "VBD"),
            ("was", "be", "VBD"),
            ("n't", "not", "RB"),
        ];
        let text: String = rows
            .iter()
            .enumerate()
            .map(|(i, (f, l, x))| format!("{}\t{f}\t{l}\tX\t{x}\t_\t0\tdep\t_\t_\n", i + 1))
            .collect();
        parse_conllu(&text, "t").unwrap()
    }

    #[test]
    fn learns_its_training_words_and_generalises() {
        let m = Lemmatizer::train(&sample());
        for w in &sample()[0].words {
            assert_eq!(m.lemmatize(&w.form, &w.xpos), w.lemma, "{}", w.form);
        }
        assert_eq!(m.lemmatize("armies", "NNS"), "army");
        assert_eq!(m.lemmatize("rats", "NNS"), "rat");
        assert_eq!(m.lemmatize("jumped", "VBD"), "jump");
        assert_eq!(m.lemmatize("fought", "VBD"), "fight");
        assert_eq!(m.lemmatize("Said", "VBD"), "say");
        assert_eq!(m.lemmatize("Yerevan", "NNP"), "Yerevan");
    }

    #[test]
    fn round_trips_bit_exactly() {
        let m = Lemmatizer::train(&sample());
        let mut bytes = Vec::new();
        m.write_to(&mut bytes).unwrap();
        let back = Lemmatizer::read_from(&mut bytes.as_slice(), Path::new("m")).unwrap();
        assert_eq!(back, m);
        let mut again = Vec::new();
        back.write_to(&mut again).unwrap();
        assert_eq!(again, bytes);
    }
}
