//! Step 2: sentences and word tokens with byte offsets into the original
//! text, following Universal Dependencies tokenization (English-EWT and
//! GUM conventions), tuned for news.
//!
//! Tokens:
//! - punctuation is split off words (`"`, `(`, `,`, `.`), runs of the same
//!   mark stay together (`...`, `?!`, `--`);
//! - clitics are split: `Russia's` → `Russia` `'s`, `don't` → `do` `n't`,
//!   `won't` → `wo` `n't`, `I'm` → `I` `'m` (straight or curly apostrophe),
//!   also the spellings without apostrophe (`gonna` → `gon` `na`);
//! - abbreviations keep their period (`Mr.`, `U.S.`, `Jan.`, `J.`), numbers
//!   keep their separators (`2,000`, `1.5`, `6:30`, `9/11`, `713-853-3989`),
//!   URLs and e-mail addresses stay whole;
//! - units after numbers are split (`6:30pm` → `6:30` `pm`);
//! - hyphenated words are split (`Nagorno-Karabakh` → `Nagorno` `-`
//!   `Karabakh`, `short-lived` → `short` `-` `lived`) except after the
//!   prefixes UD English keeps (`non-profit`, `e-mail`, `co-founder`), as
//!   in the UD English treebanks the syntax models learn from.
//!
//! Sentences end
//! - after terminal punctuation (`.`, `?`, `!`, `...`) together with the
//!   closing quotes, brackets, citation marks (`[17]`) and stray periods
//!   glued after it, unless a lower-case word or a comma follows (after a
//!   bare `?` or `!` a lower-case word may start a sentence, as in web text);
//! - after an abbreviation only where a new sentence evidently starts
//!   (`in the U.S. The ...`), never after a title (`Mr.`, `Gen.`);
//! - at every blank line, and at a line break after a headline, byline or
//!   dateline line (in hard-wrapped text only after a short line);
//! - after the dash of a paragraph-initial dateline
//!   (`BAKU, Azerbaijan (Reuters) —`).
//!
//! Guarantees, for any input: tokens are non-empty, in text order, never
//! overlap, lie on character boundaries and contain no white space; every
//! character that is not white space, a control character or an invisible
//! format character lies in exactly one token; the sentences' token ranges
//! partition the token list in order. Segmentation is linear in the length
//! of the text.

mod chars;
mod lexicon;
mod sentences;
mod shapes;
mod tokenize;

use crate::doc::{Sentence, Token};

/// Splits text into sentences and tokens.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

/// The sentences and tokens of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Sentences in order; their token ranges cover `tokens` exactly.
    pub sentences: Vec<Sentence>,
    /// Tokens in order, non-overlapping, never empty.
    pub tokens: Vec<Token>,
}

impl Segmenter {
    /// A segmenter for English news text.
    pub fn new() -> Self {
        Segmenter {}
    }

    /// Segments `text` into sentences and UD-style word tokens.
    pub fn segment(&self, text: &str) -> Segmentation {
        let tokens = tokenize::tokenize(text);
        let sentences = sentences::split_sentences(text, &tokens);
        Segmentation {
            sentences,
            tokens: tokens
                .spans
                .into_iter()
                .map(|span| Token { span })
                .collect(),
        }
    }
}
