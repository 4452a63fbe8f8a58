//! What the models see of a word: hashed atoms of its form, computed once
//! per token and combined into feature ids by the tagger and parser.

use crate::learn::FeatureHasher;

/// Atom kinds; each hashes its string under its own template so that, say,
/// the suffix `s` and the word `s` never share an id.
const FORM: u32 = 1;
const LOWER: u32 = 2;
const SHAPE: u32 = 3;
const PREFIX: u32 = 4;
const SUFFIX: u32 = 8;
const LAST_PART: u32 = 13;

/// Longest prefix and suffix the models use, in characters.
pub const AFFIXES: usize = 4;

/// Hashed views of one word's surface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordAtoms {
    /// The form as written.
    pub form: u64,
    /// The lowercased form.
    pub lower: u64,
    /// Character classes (`Xxxx`, `dd.d`), runs capped at three.
    pub shape: u64,
    /// Lowercased prefixes of 1..=4 characters (repeating the whole word
    /// when it is shorter).
    pub prefix: [u64; AFFIXES],
    /// Lowercased suffixes of 1..=4 characters.
    pub suffix: [u64; AFFIXES],
    /// The part after the last hyphen (`well-known` → `known`), or the
    /// lowercased form.
    pub last_part: u64,
    /// Whether the form has an uppercase letter.
    pub has_upper: bool,
    /// Whether the form is all punctuation or symbols (`,`, `--`, `...`).
    pub is_punctuation: bool,
}

impl WordAtoms {
    /// The atoms of `form`.
    pub fn new(form: &str) -> Self {
        let lower = form.to_lowercase();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let n = chars.len();
        let cut = |k: usize| chars.get(k).map_or(lower.len(), |&(b, _)| b);
        let mut prefix = [0; AFFIXES];
        let mut suffix = [0; AFFIXES];
        for k in 1..=AFFIXES {
            let len = k.min(n);
            prefix[k - 1] = hash(PREFIX + k as u32, &lower[..cut(len)]);
            suffix[k - 1] = hash(SUFFIX + k as u32, &lower[cut(n - len)..]);
        }
        let last_part = match lower.rfind('-') {
            Some(i) if i + 1 < lower.len() => &lower[i + 1..],
            _ => lower.as_str(),
        };
        WordAtoms {
            form: hash(FORM, form),
            lower: hash(LOWER, &lower),
            shape: hash(SHAPE, &shape(form)),
            prefix,
            suffix,
            last_part: hash(LAST_PART, last_part),
            has_upper: form.chars().any(char::is_uppercase),
            is_punctuation: !form.is_empty() && !form.chars().any(char::is_alphanumeric),
        }
    }
}

/// The lowercased-form atom of a word, as in [`WordAtoms::lower`].
pub fn lower_atom(lower: &str) -> u64 {
    hash(LOWER, lower)
}

fn hash(kind: u32, s: &str) -> u64 {
    FeatureHasher::new(kind).str(s).finish()
}

/// `Azerbaijan` → `Xxxx`, `2,000` → `d,ddd`, `U.S.` → `X.X.`.
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    let mut run = 0;
    for c in form.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if Some(class) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(class);
        }
        if run <= 3 {
            out.push(class);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Azerbaijan"), "Xxxx");
        assert_eq!(shape("2,000"), "d,ddd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("état-major"), "xxx-xxx");
    }

    #[test]
    fn affixes_of_short_and_non_ascii_words() {
        let a = WordAtoms::new("Şu");
        let b = WordAtoms::new("şu");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        assert!(a.has_upper);
        // Affixes count characters, not bytes, and do not collide with
        // each other.
        assert_eq!(a.suffix[0], WordAtoms::new("bu").suffix[0]);
        assert_eq!(a.prefix[0], WordAtoms::new("şa").prefix[0]);
        assert_ne!(a.prefix[1], a.suffix[1]);
        let w = WordAtoms::new("well-known");
        assert_eq!(w.last_part, WordAtoms::new("known").last_part);
        assert_eq!(WordAtoms::new("known").lower, lower_atom("known"));
    }
}
