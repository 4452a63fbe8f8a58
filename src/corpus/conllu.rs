//! Reader for CoNLL-U treebanks (Universal Dependencies), used to train and
//! evaluate the models: words with their annotation, multiword tokens,
//! and the `# text`, `# sent_id`, `# newdoc` and `# newpar` comments.

use std::path::Path;

use crate::doc::{Doc, Sentence, Span, Token, TokenSyntax};
use crate::error::{Error, Location, Result};

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluWord {
    /// 1-based index in the sentence.
    pub id: usize,
    /// Surface form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific tag (Penn Treebank for English).
    pub xpos: String,
    /// Morphological features, as written.
    pub feats: String,
    /// Head index (0 = root).
    pub head: usize,
    /// Dependency relation.
    pub deprel: String,
    /// Enhanced dependencies, as written.
    pub deps: String,
    /// Miscellaneous column, as written (`SpaceAfter=No|Entity=...`).
    pub misc: String,
}

impl ConlluWord {
    /// The value of `key` in the MISC column (`key=value` items joined by `|`).
    pub fn misc_value(&self, key: &str) -> Option<&str> {
        misc_value(&self.misc, key)
    }

    /// Whether a space follows the word in the raw text.
    pub fn space_after(&self) -> bool {
        self.misc_value("SpaceAfter") != Some("No")
    }
}

/// A multiword token (`3-4  don't`), spanning words `first..=last`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MultiwordToken {
    /// First word index.
    pub first: usize,
    /// Last word index (inclusive).
    pub last: usize,
    /// Surface form of the whole token.
    pub form: String,
    /// MISC column of the token line.
    pub misc: String,
}

impl MultiwordToken {
    /// Whether a space follows the token in the raw text.
    pub fn space_after(&self) -> bool {
        misc_value(&self.misc, "SpaceAfter") != Some("No")
    }
}

/// A sentence of a CoNLL-U file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// `# sent_id = ...`
    pub sent_id: Option<String>,
    /// `# text = ...`
    pub text: Option<String>,
    /// `# newdoc id = ...` (or an empty string for a bare `# newdoc`).
    pub newdoc: Option<String>,
    /// Whether a `# newpar` comment opens a paragraph here.
    pub newpar: bool,
    /// Every comment line, without the leading `#` and space.
    pub comments: Vec<String>,
    /// The syntactic words (empty nodes such as `8.1` are skipped).
    pub words: Vec<ConlluWord>,
    /// Multiword tokens, in order.
    pub multiword: Vec<MultiwordToken>,
}

/// Appends `sentence` to `doc` with its gold tree: the word forms joined
/// by single spaces (after a space when the document has text), one token
/// and one [`TokenSyntax`] per word, and the sentence. Returns the index
/// of the sentence's first token. A sentence without words adds nothing.
pub fn append_gold_sentence(doc: &mut Doc, sentence: &ConlluSentence) -> usize {
    let first = doc.tokens.len();
    for word in &sentence.words {
        if !doc.text.is_empty() {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(&word.form);
        doc.tokens.push(Token {
            span: Span::new(start, doc.text.len()),
        });
        doc.syntax.push(TokenSyntax {
            upos: word.upos.clone(),
            xpos: word.xpos.clone(),
            lemma: word.lemma.clone(),
            head: word.head,
            deprel: word.deprel.clone(),
        });
    }
    if doc.tokens.len() > first {
        doc.sentences.push(Sentence {
            span: Span::new(doc.tokens[first].span.start, doc.text.len()),
            tokens: first..doc.tokens.len(),
        });
    }
    first
}

/// Reads every sentence of a CoNLL-U file.
pub fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_conllu(&text, &path.display().to_string())
}

/// Parses CoNLL-U text; `source` names it in error messages.
pub fn parse_conllu(text: &str, source: &str) -> Result<Vec<ConlluSentence>> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            read_comment(comment.trim_start(), &mut current);
            continue;
        }
        let at = || Location::new(source).at_line(line_no);
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(Error::format(
                at(),
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node of enhanced UD
        }
        if let Some((first, last)) = id.split_once('-') {
            let parse = |s: &str| {
                s.parse::<usize>()
                    .map_err(|_| Error::format(at(), format!("bad token range `{id}`")))
            };
            current.multiword.push(MultiwordToken {
                first: parse(first)?,
                last: parse(last)?,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let id: usize = id
            .parse()
            .map_err(|_| Error::format(at(), format!("bad word id `{id}`")))?;
        if id != current.words.len() + 1 {
            return Err(Error::format(
                at(),
                format!(
                    "word id {id} out of sequence (expected {})",
                    current.words.len() + 1
                ),
            ));
        }
        let head = match cols[6] {
            "_" => 0,
            h => h
                .parse()
                .map_err(|_| Error::format(at(), format!("bad head `{h}`")))?,
        };
        current.words.push(ConlluWord {
            id,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

fn read_comment(comment: &str, sentence: &mut ConlluSentence) {
    if let Some((key, value)) = comment.split_once('=') {
        let value = value.trim().to_string();
        match key.trim() {
            "sent_id" => sentence.sent_id = Some(value),
            "text" => sentence.text = Some(value),
            "newdoc id" => sentence.newdoc = Some(value),
            "newpar id" => sentence.newpar = true,
            _ => {}
        }
    } else {
        match comment.trim() {
            "newdoc" => sentence.newdoc = Some(String::new()),
            "newpar" => sentence.newpar = true,
            _ => {}
        }
    }
    sentence.comments.push(comment.to_string());
}

fn misc_value<'m>(misc: &'m str, key: &str) -> Option<&'m str> {
    misc.split('|')
        .find_map(|item| item.strip_prefix(key)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = doc1\n# sent_id = s1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn gold_sentences_append_text_tokens_and_trees() {
        let text = "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
                    2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n\n\
                    1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
                    2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
        let sentences = parse_conllu(text, "t").unwrap();
        let mut doc = Doc::from_raw(crate::doc::RawDoc::new("d", ""));
        assert_eq!(append_gold_sentence(&mut doc, &sentences[0]), 0);
        assert_eq!(append_gold_sentence(&mut doc, &sentences[1]), 2);
        assert_eq!(doc.text, "Russia warned It left");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[1].tokens, 2..4);
        assert_eq!(doc.token_text(3), "left");
        assert_eq!(
            (doc.syntax[3].lemma.as_str(), doc.syntax[3].head),
            ("leave", 0)
        );
        assert_eq!(
            (doc.syntax[2].deprel.as_str(), doc.syntax[2].head),
            ("nsubj", 2)
        );
    }

    #[test]
    fn reads_words_multiword_tokens_and_comments() {
        let s = parse_conllu(SAMPLE, "t").unwrap();
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert_eq!(s.newdoc.as_deref(), Some("doc1"));
        assert_eq!(s.text.as_deref(), Some("I don't know."));
        assert_eq!(s.words.len(), 5);
        assert_eq!(s.multiword[0].form, "don't");
        assert_eq!(s.words[3].head, 0);
        assert!(!s.words[3].space_after());
        assert!(s.words[0].space_after());
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let e = parse_conllu("1\tI\tI\n", "bad.conllu").unwrap_err();
        assert!(e.to_string().starts_with("bad.conllu:1:"), "{e}");
    }
}
