//! The running text of a CoNLL-U treebank, rebuilt from its tokens, with
//! the character span of every word: what the pipeline reads when it is
//! scored on a treebank, and the coordinates gold and predicted
//! annotations are compared in.
//!
//! Tokens are joined as `SpaceAfter=No` says; sentences of a paragraph by
//! a space, paragraphs (`# newpar`) by a blank line (as `actant eval
//! segment` rebuilds them); a `# newdoc` comment
//! starts a new document (called `doc-N` when it has no id). A word of a
//! multiword token (`don't` = `do` + `n't`) gets its piece of the token
//! when the words spell the token, else the whole token.

use std::ops::Range;

use crate::corpus::conllu::ConlluSentence;

/// A document rebuilt from treebank sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluDocument {
    /// `# newdoc id`, or `doc-N` counting documents from 1.
    pub id: String,
    /// The rebuilt text.
    pub text: String,
    /// Indices of its sentences in the treebank.
    pub sentences: Range<usize>,
    /// Per sentence, per word: the character span of the word in `text`
    /// (Unicode code points, end exclusive).
    pub words: Vec<Vec<Range<usize>>>,
    /// Per sentence, per surface token: its character span (a multiword
    /// token is one token).
    pub tokens: Vec<Vec<Range<usize>>>,
}

impl ConlluDocument {
    /// The character span of a whole sentence (index within this document).
    pub fn sentence_span(&self, sentence: usize) -> Range<usize> {
        let tokens = &self.tokens[sentence];
        match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }
}

/// Rebuilds the documents of a treebank.
pub fn conllu_documents(sentences: &[ConlluSentence]) -> Vec<ConlluDocument> {
    let mut documents: Vec<ConlluDocument> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let starts_document = documents.is_empty() || sentence.newdoc.is_some();
        if starts_document {
            let id = match sentence.newdoc.as_deref() {
                Some(id) if !id.is_empty() => id.to_string(),
                _ => format!("doc-{}", documents.len() + 1),
            };
            documents.push(ConlluDocument {
                id,
                sentences: index..index,
                ..ConlluDocument::default()
            });
        }
        let Some(doc) = documents.last_mut() else {
            continue;
        };
        if !starts_document {
            doc.text
                .push_str(if sentence.newpar { "\n\n" } else { " " });
        }
        append_sentence(doc, sentence);
        doc.sentences.end = index + 1;
    }
    documents
}

fn append_sentence(doc: &mut ConlluDocument, sentence: &ConlluSentence) {
    let mut chars = doc.text.chars().count();
    let mut words = Vec::with_capacity(sentence.words.len());
    let mut tokens = Vec::with_capacity(sentence.words.len());
    let mut multiword = sentence.multiword.iter().peekable();
    let mut w = 0;
    while w < sentence.words.len() {
        let word_id = w + 1;
        let token = multiword.peek().filter(|m| m.first == word_id).copied();
        let (form, space_after, last) = match token {
            Some(m) => {
                multiword.next();
                (
                    m.form.as_str(),
                    m.space_after(),
                    m.last.min(sentence.words.len()),
                )
            }
            None => {
                let word = &sentence.words[w];
                (word.form.as_str(), word.space_after(), word_id)
            }
        };
        let len = form.chars().count();
        let span = chars..chars + len;
        let pieces = &sentence.words[w..last.max(word_id)];
        let spelled = pieces.iter().map(|p| p.form.as_str()).collect::<String>() == form;
        let mut piece_start = chars;
        for piece in pieces {
            if spelled && pieces.len() > 1 {
                let piece_len = piece.form.chars().count();
                words.push(piece_start..piece_start + piece_len);
                piece_start += piece_len;
            } else {
                words.push(span.clone());
            }
        }
        tokens.push(span);
        doc.text.push_str(form);
        chars += len;
        w = last.max(word_id);
        if space_after && w < sentence.words.len() {
            doc.text.push(' ');
            chars += 1;
        }
    }
    doc.words.push(words);
    doc.tokens.push(tokens);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conllu::parse_conllu;

    fn row(id: &str, form: &str, misc: &str) -> String {
        format!("{id}\t{form}\t_\t_\t_\t_\t0\t_\t_\t{misc}\n")
    }

    #[test]
    fn rebuilds_text_and_word_spans() {
        let text = format!(
            "# newdoc id = d1\n# text = I don't know.\n{}{}{}{}{}{}\n# newpar\n{}{}\n# newdoc\n{}\n",
            row("1", "I", "_"),
            row("2-3", "don't", "_"),
            row("2", "do", "_"),
            row("3", "n't", "_"),
            row("4", "know", "SpaceAfter=No"),
            row("5", ".", "_"),
            row("1", "Öl", "SpaceAfter=No"),
            row("2", "!", "_"),
            row("1", "Next", "_"),
        );
        let sentences = parse_conllu(&text, "t").unwrap();
        let docs = conllu_documents(&sentences);
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.id, "d1");
        assert_eq!(d.text, "I don't know.\n\nÖl!");
        assert_eq!(d.sentences, 0..2);
        assert_eq!(d.words[0], vec![0..1, 2..4, 4..7, 8..12, 12..13]);
        assert_eq!(d.tokens[0], vec![0..1, 2..7, 8..12, 12..13]);
        assert_eq!(d.words[1], vec![15..17, 17..18]);
        assert_eq!(d.sentence_span(1), 15..18);
        let chars: Vec<char> = d.text.chars().collect();
        let slice = |r: &Range<usize>| chars[r.clone()].iter().collect::<String>();
        assert_eq!(slice(&d.words[0][2]), "n't");
        assert_eq!(slice(&d.words[1][0]), "Öl");
        assert_eq!(docs[1].id, "doc-2");
        assert_eq!(docs[1].text, "Next");
    }

    #[test]
    fn multiword_tokens_not_spelled_by_their_words_cover_each_word() {
        let text = format!(
            "{}{}{}",
            row("1-2", "du", "_"),
            row("1", "de", "_"),
            row("2", "le", "_")
        );
        let docs = conllu_documents(&parse_conllu(&text, "t").unwrap());
        assert_eq!(docs[0].words[0], vec![0..2, 0..2]);
    }
}
