//! Features of each token of a sentence, as hashed ids.
//!
//! A token is described by the word itself (form, lowercase, shape,
//! prefixes and suffixes), its neighbours two either side, its predicted
//! part of speech, the actor-dictionary forms around it, and what the word
//! lexicon knows about it (distributional cluster, how often it is written
//! in lowercase). Each token's atoms are hashed once; context features
//! combine neighbours' atoms with one mixing step each.

use crate::learn::FeatureHasher;

use super::lexicon::WordLexicon;

/// Actor-dictionary evidence for one token, as bits.
///
/// Bits `0..8` say that a dictionary form of kind `k` (the gazetteer's
/// [`crate::ner::ActorKind`]s, by index: country, territory, IGO, group,
/// seat, capital, city, demonym) begins at the token, bits `8..16` that one
/// continues through it; then [`INSTITUTION`], [`OTHER_NAME`] and
/// [`TITLE`]. See [`super::evidence`].
pub type DictionaryBits = u32;

/// Shift from a kind's begin bit to its inside bit.
pub const INSIDE_SHIFT: usize = 8;
/// A named institution (`Defense Ministry`) covers the token.
pub const INSTITUTION: DictionaryBits = 1 << 16;
/// Another gazetteer name (a region, sea or people) covers the token.
pub const OTHER_NAME: DictionaryBits = 1 << 17;
/// The token is part of a person title or office (`President`, `Foreign
/// Minister`).
pub const TITLE: DictionaryBits = 1 << 18;

/// Bits that carry meaning in [`DictionaryBits`].
const DICTIONARY_BITS: u32 = 19;

/// What the recognizer knows about a sentence before labelling it.
#[derive(Clone, Copy, Debug)]
pub struct SentenceInput<'a> {
    /// Token surfaces.
    pub words: &'a [&'a str],
    /// Universal POS tag per token, or empty when no tagger ran.
    pub upos: &'a [&'a str],
    /// Actor-dictionary bits per token, or empty.
    pub dictionary: &'a [DictionaryBits],
}

// Template numbers: part of every feature id, so never renumber them.
const T_BIAS: u32 = 0;
const T_WORD: u32 = 1;
const T_LOWER: u32 = 2;
const T_SHAPE: u32 = 3;
const T_SHORT_SHAPE: u32 = 4;
const T_PREFIX: u32 = 5;
const T_SUFFIX: u32 = 6;
const T_LOWER_AT: u32 = 7;
const T_SHAPE_AT: u32 = 8;
const T_BIGRAM_LEFT: u32 = 9;
const T_BIGRAM_RIGHT: u32 = 10;
const T_SHAPE_TRIGRAM: u32 = 11;
const T_POS: u32 = 12;
const T_POS_AT: u32 = 13;
const T_POS_BIGRAM_LEFT: u32 = 14;
const T_POS_BIGRAM_RIGHT: u32 = 15;
const T_POS_SHAPE: u32 = 16;
const T_DICTIONARY_AT: u32 = 17;
const T_CLUSTER_AT: u32 = 18;
const T_FIRST_SHAPE: u32 = 19;
const T_CASING: u32 = 20;
const T_CASING_AT: u32 = 21;
const T_WORD_SHAPE_RIGHT: u32 = 22;
const T_LOWER_SHAPE_LEFT: u32 = 23;
const T_POS_TRIGRAM: u32 = 24;
const T_LENGTH: u32 = 25;

/// Cluster-path prefix lengths used as features.
const CLUSTER_PREFIXES: [u32; 4] = [4, 8, 12, 16];

/// Per-token atoms, hashed once per sentence.
#[derive(Clone, Copy, Debug, Default)]
struct Atoms {
    lower: u64,
    short_shape: u64,
    pos: u64,
    casing: u64,
    cluster: Option<(u32, u8)>,
}

/// Hashed atom for positions outside the sentence.
const PAD: u64 = 0x005e_ed0f_b00d;

/// Turns sentences into per-token feature ids, reusing its buffers.
#[derive(Clone, Debug, Default)]
pub struct FeatureExtractor {
    atoms: Vec<Atoms>,
    lower: String,
    shape: String,
}

/// The feature ids of every token of a sentence, stored flat.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    ids: Vec<u64>,
    /// `ids[ends[i-1]..ends[i]]` are token `i`'s features.
    ends: Vec<usize>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The feature ids of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.ids[start..self.ends[i]]
    }

    /// Removes every token.
    pub fn clear(&mut self) {
        self.ids.clear();
        self.ends.clear();
    }

    /// The feature ids of the token being built; close it with
    /// [`SentenceFeatures::end_token`].
    pub fn ids_mut(&mut self) -> &mut Vec<u64> {
        &mut self.ids
    }

    /// Closes the token being built.
    pub fn end_token(&mut self) {
        self.ends.push(self.ids.len());
    }

    /// Token by token, the features of `a` followed by those of `b` (two
    /// feature sets of the same sentence).
    pub fn concat(&mut self, a: &SentenceFeatures, b: &SentenceFeatures) {
        debug_assert_eq!(a.len(), b.len());
        self.clear();
        for i in 0..a.len().min(b.len()) {
            self.ids.extend_from_slice(a.token(i));
            self.ids.extend_from_slice(b.token(i));
            self.end_token();
        }
    }
}

impl FeatureExtractor {
    /// Computes the features of every token of `input` into `out`.
    pub fn extract(
        &mut self,
        input: &SentenceInput<'_>,
        lexicon: &WordLexicon,
        out: &mut SentenceFeatures,
    ) {
        out.clear();
        let n = input.words.len();
        self.atoms.clear();
        for (i, word) in input.words.iter().enumerate() {
            lowercase_into(word, &mut self.lower);
            short_shape_into(word, &mut self.shape);
            let pos = input.upos.get(i).copied().unwrap_or("");
            self.atoms.push(Atoms {
                lower: FeatureHasher::new(T_LOWER).str(&self.lower).finish(),
                short_shape: FeatureHasher::new(T_SHORT_SHAPE).str(&self.shape).finish(),
                pos: FeatureHasher::new(T_POS).str(pos).finish(),
                casing: casing(word, lexicon.lowercase_share(&self.lower)),
                cluster: lexicon.cluster(&self.lower),
            });
        }
        let has_pos = !input.upos.is_empty();
        let at = |i: isize| -> Atoms {
            if i < 0 || i as usize >= n {
                Atoms {
                    lower: PAD,
                    short_shape: PAD,
                    pos: PAD,
                    casing: PAD,
                    cluster: None,
                }
            } else {
                self.atoms[i as usize]
            }
        };
        for (i, word) in input.words.iter().enumerate() {
            let ids = &mut out.ids;
            let me = self.atoms[i];
            let ii = i as isize;
            let (l2, l1, r1, r2) = (at(ii - 2), at(ii - 1), at(ii + 1), at(ii + 2));
            let mix = |t: u32| FeatureHasher::new(t);

            ids.push(mix(T_BIAS).finish());
            ids.push(FeatureHasher::new(T_WORD).str(word).finish());
            ids.push(me.lower);
            ids.push(me.short_shape);
            long_shape_into(word, &mut self.shape);
            ids.push(FeatureHasher::new(T_SHAPE).str(&self.shape).finish());
            lowercase_into(word, &mut self.lower);
            affixes(&self.lower, ids);
            ids.push(
                mix(T_LENGTH)
                    .mix(word.chars().count().min(12) as u64)
                    .finish(),
            );
            for (offset, a) in [(-2i64, l2), (-1, l1), (1, r1), (2, r2)] {
                ids.push(mix(T_LOWER_AT).mix(offset as u64).mix(a.lower).finish());
                ids.push(
                    mix(T_SHAPE_AT)
                        .mix(offset as u64)
                        .mix(a.short_shape)
                        .finish(),
                );
            }
            ids.push(mix(T_BIGRAM_LEFT).mix(l1.lower).mix(me.lower).finish());
            ids.push(mix(T_BIGRAM_RIGHT).mix(me.lower).mix(r1.lower).finish());
            ids.push(
                mix(T_SHAPE_TRIGRAM)
                    .mix(l1.short_shape)
                    .mix(me.short_shape)
                    .mix(r1.short_shape)
                    .finish(),
            );
            ids.push(
                mix(T_WORD_SHAPE_RIGHT)
                    .mix(me.lower)
                    .mix(r1.short_shape)
                    .finish(),
            );
            ids.push(
                mix(T_LOWER_SHAPE_LEFT)
                    .mix(l1.lower)
                    .mix(me.short_shape)
                    .finish(),
            );
            if i == 0 {
                ids.push(mix(T_FIRST_SHAPE).mix(me.short_shape).finish());
            }
            ids.push(mix(T_CASING).mix(me.casing).finish());
            ids.push(
                mix(T_CASING_AT)
                    .mix(l1.casing)
                    .mix(me.casing)
                    .mix(r1.casing)
                    .finish(),
            );
            if has_pos {
                ids.push(me.pos);
                for (offset, a) in [(-2i64, l2), (-1, l1), (1, r1), (2, r2)] {
                    ids.push(mix(T_POS_AT).mix(offset as u64).mix(a.pos).finish());
                }
                ids.push(mix(T_POS_BIGRAM_LEFT).mix(l1.pos).mix(me.pos).finish());
                ids.push(mix(T_POS_BIGRAM_RIGHT).mix(me.pos).mix(r1.pos).finish());
                ids.push(
                    mix(T_POS_TRIGRAM)
                        .mix(l1.pos)
                        .mix(me.pos)
                        .mix(r1.pos)
                        .finish(),
                );
                ids.push(mix(T_POS_SHAPE).mix(me.pos).mix(me.short_shape).finish());
            }
            for offset in -1i64..=1 {
                let j = i as i64 + offset;
                let bits = usize::try_from(j)
                    .ok()
                    .and_then(|j| input.dictionary.get(j))
                    .copied()
                    .unwrap_or(0);
                for bit in 0..DICTIONARY_BITS {
                    if bits & (1 << bit) != 0 {
                        ids.push(
                            mix(T_DICTIONARY_AT)
                                .mix(offset as u64)
                                .mix(u64::from(bit))
                                .finish(),
                        );
                    }
                }
            }
            for (offset, a) in [(-1i64, l1), (0, me), (1, r1)] {
                if let Some((path, len)) = a.cluster {
                    for prefix in CLUSTER_PREFIXES {
                        let p = prefix.min(u32::from(len));
                        let bits = path >> (32 - p.max(1)) as u64;
                        ids.push(
                            mix(T_CLUSTER_AT)
                                .mix(offset as u64)
                                .mix(u64::from(p))
                                .mix(u64::from(bits))
                                .finish(),
                        );
                        if p == u32::from(len) {
                            break;
                        }
                    }
                }
            }
            out.ends.push(ids.len());
        }
    }
}

/// Prefixes and suffixes of one to four characters.
fn affixes(lower: &str, ids: &mut Vec<u64>) {
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    let n = chars.len();
    for k in 1..=4.min(n) {
        let end = chars.get(k).map_or(lower.len(), |&(b, _)| b);
        ids.push(
            FeatureHasher::new(T_PREFIX)
                .int(k as u64)
                .str(&lower[..end])
                .finish(),
        );
        let start = chars[n - k].0;
        ids.push(
            FeatureHasher::new(T_SUFFIX)
                .int(k as u64)
                .str(&lower[start..])
                .finish(),
        );
    }
}

/// A casing class that also says how unusual the casing is for this word:
/// a capitalised word the lexicon mostly sees in lowercase (`The`, `Last`)
/// is a different thing from one it mostly sees capitalised (`Putin`).
fn casing(word: &str, lowercase_share: Option<f32>) -> u64 {
    let mut chars = word.chars();
    let first = chars.next();
    let upper_first = first.is_some_and(char::is_uppercase);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let uppers = word.chars().filter(|c| c.is_uppercase()).count();
    let class: u64 = if letters == 0 {
        0
    } else if uppers == letters && letters > 1 {
        1 // all caps
    } else if upper_first {
        2 // Capitalised
    } else if uppers > 0 {
        3 // mIxed
    } else {
        4 // lowercase
    };
    let share: u64 = match lowercase_share {
        None => 0,
        Some(s) if s < 0.1 => 1,
        Some(s) if s < 0.5 => 2,
        Some(s) if s < 0.9 => 3,
        Some(_) => 4,
    };
    class * 8 + share
}

/// Lowercase of `word` into `buf`.
fn lowercase_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Shape with runs of one class capped at three (`Putin` → `Xxxx`,
/// `1,250` → `d,ddd`).
fn long_shape_into(word: &str, buf: &mut String) {
    buf.clear();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars().map(char_class) {
        if c == last {
            run += 1;
        } else {
            run = 1;
            last = c;
        }
        if run <= 3 {
            buf.push(c);
        }
    }
}

/// Shape with runs collapsed (`Putin` → `Xx`, `U.S.` → `X.X.`).
fn short_shape_into(word: &str, buf: &mut String) {
    buf.clear();
    let mut last = '\0';
    for c in word.chars().map(char_class) {
        if c != last {
            buf.push(c);
            last = c;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(word: &str) -> (String, String) {
        let (mut long, mut short) = (String::new(), String::new());
        long_shape_into(word, &mut long);
        short_shape_into(word, &mut short);
        (long, short)
    }

    #[test]
    fn shapes_keep_case_digits_and_punctuation() {
        assert_eq!(shapes("Putin"), ("Xxxx".into(), "Xx".into()));
        assert_eq!(shapes("U.S."), ("X.X.".into(), "X.X.".into()));
        assert_eq!(shapes("1,250"), ("d,ddd".into(), "d,d".into()));
        assert_eq!(shapes("Şuşa"), ("Xxxx".into(), "Xx".into()));
    }

    #[test]
    fn casing_separates_all_caps_title_and_lowercase() {
        assert_ne!(casing("NATO", None), casing("Nato", None));
        assert_ne!(casing("The", Some(0.95)), casing("Putin", Some(0.0)));
        assert_eq!(casing("...", None), 0);
    }

    #[test]
    fn features_depend_on_the_word_and_its_context() {
        let lexicon = WordLexicon::default();
        let mut fx = FeatureExtractor::default();
        let mut a = SentenceFeatures::default();
        let mut b = SentenceFeatures::default();
        let words = ["Putin", "spoke", "."];
        let input = SentenceInput {
            words: &words,
            upos: &[],
            dictionary: &[],
        };
        fx.extract(&input, &lexicon, &mut a);
        assert_eq!(a.len(), 3);
        let words2 = ["Putin", "left", "."];
        let input2 = SentenceInput {
            words: &words2,
            ..input
        };
        fx.extract(&input2, &lexicon, &mut b);
        // Same word, different right neighbour: many features shared, not all.
        let shared = a.token(0).iter().filter(|f| b.token(0).contains(f)).count();
        assert!(shared > 10 && shared < a.token(0).len(), "{shared}");
        // Extraction is deterministic.
        fx.extract(&input, &lexicon, &mut b);
        assert_eq!(a.token(1), b.token(1));
    }

    #[test]
    fn dictionary_and_pos_evidence_add_features() {
        let lexicon = WordLexicon::default();
        let mut fx = FeatureExtractor::default();
        let words = ["in", "Moscow"];
        let mut plain = SentenceFeatures::default();
        fx.extract(
            &SentenceInput {
                words: &words,
                upos: &[],
                dictionary: &[],
            },
            &lexicon,
            &mut plain,
        );
        let mut rich = SentenceFeatures::default();
        fx.extract(
            &SentenceInput {
                words: &words,
                upos: &["ADP", "PROPN"],
                dictionary: &[0, 1 << 5],
            },
            &lexicon,
            &mut rich,
        );
        assert!(rich.token(1).len() > plain.token(1).len());
        assert!(plain.token(1).iter().all(|f| rich.token(1).contains(f)));
    }
}
