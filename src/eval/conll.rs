//! Reader for CoNLL-style tagged files (CoNLL-2003, conlleval input,
//! Universal NER `.iob2`): one token per line in whitespace-separated
//! columns, a blank line between sentences.
//!
//! - A `-DOCSTART-` line (any case) starts a new document and is not a
//!   token; so does a `# newdoc id = X` comment, which names it `X`.
//!   Documents without a name are called `doc-1`, `doc-2`, ...
//! - Other lines starting with `#` are comments, unless they look like a
//!   token row (the token `#` itself: as many columns as the data rows,
//!   no `=` field).
//! - The token is the first column, or the second when the first numbers
//!   the tokens of each sentence from 1 (Universal NER files).
//! - The tag column is chosen with [`TagColumn`]: by default the last
//!   column that holds an IOB tag on every row (the NER column of
//!   CoNLL-2003, whose chunk column also looks like tags; the prediction
//!   column of conlleval input; the third column of Universal NER).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, Location, Result};

use super::iob::Tag;

/// Which column holds the tags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagColumn {
    /// The last column holding an IOB tag on every row.
    #[default]
    Auto,
    /// A 1-based column number; negative numbers count from the end (`-1`
    /// is the last column, `-2` the one before: the gold column of
    /// conlleval input).
    Index(isize),
}

impl FromStr for TagColumn {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("auto") {
            return Ok(TagColumn::Auto);
        }
        match s.parse::<isize>() {
            Ok(0) | Err(_) => Err(format!(
                "bad column `{s}`: expected auto, a column number from 1, or a negative number counting from the end"
            )),
            Ok(n) => Ok(TagColumn::Index(n)),
        }
    }
}

impl fmt::Display for TagColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TagColumn::Auto => f.write_str("auto"),
            TagColumn::Index(n) => write!(f, "{n}"),
        }
    }
}

/// One sentence: its tokens and their tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaggedSentence {
    /// 1-based line of the first token in the file.
    pub line: usize,
    /// Token surfaces.
    pub forms: Vec<String>,
    /// One tag per token, as written.
    pub tags: Vec<String>,
}

/// A document: the sentences between two document markers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaggedDocument {
    /// `# newdoc id` value, or `doc-N` counting documents from 1.
    pub id: String,
    /// Sentences in file order (a document may have none).
    pub sentences: Vec<TaggedSentence>,
}

/// A tagged file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaggedCorpus {
    /// The file, for messages.
    pub source: String,
    /// Documents in file order.
    pub documents: Vec<TaggedDocument>,
    /// The 1-based column the tags were read from.
    pub tag_column: usize,
}

impl TaggedCorpus {
    /// Every sentence, in file order.
    pub fn sentences(&self) -> impl Iterator<Item = &TaggedSentence> {
        self.documents.iter().flat_map(|d| d.sentences.iter())
    }
}

/// Reads a tagged file.
pub fn read_conll(path: &Path, column: TagColumn) -> Result<TaggedCorpus> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_conll(&text, &path.display().to_string(), column)
}

enum Line<'t> {
    Blank,
    Document(Option<&'t str>),
    Comment,
    Row(Vec<&'t str>),
}

/// Parses tagged text; `source` names it in messages.
pub fn parse_conll(text: &str, source: &str, column: TagColumn) -> Result<TaggedCorpus> {
    let at = |line: usize| Location::new(source).at_line(line);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let width = lines
        .iter()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#') && !is_docstart(l))
        .map(|l| l.split_whitespace().count())
        .unwrap_or(0);
    let classified: Vec<Line<'_>> = lines.iter().map(|l| classify(l, width)).collect();
    let rows = || {
        classified.iter().enumerate().filter_map(|(n, l)| match l {
            Line::Row(fields) => Some((n + 1, fields)),
            _ => None,
        })
    };
    for (line, fields) in rows() {
        if fields.len() != width {
            return Err(Error::format(
                at(line),
                format!(
                    "expected {width} columns like the first token row, found {}",
                    fields.len()
                ),
            ));
        }
    }
    if width < 2 {
        return Err(Error::format(
            Location::new(source),
            "a tagged file needs at least two columns (token and tag)",
        ));
    }
    let form_col = if numbers_tokens(&classified) && width >= 3 {
        1
    } else {
        0
    };
    let tag_col = match column {
        TagColumn::Index(n) => {
            let index = if n > 0 { n - 1 } else { width as isize + n };
            if index < 0 || index >= width as isize {
                return Err(Error::config(format!(
                    "{source}: column {n} does not exist (the file has {width} columns)"
                )));
            }
            index as usize
        }
        TagColumn::Auto => (form_col + 1..width)
            .rev()
            .find(|&c| rows().all(|(_, f)| Tag::is_tag(f[c])))
            .ok_or_else(|| {
                Error::format(
                    Location::new(source),
                    "no column holds an IOB tag (O, B-X, I-X) on every row; name the tag column",
                )
            })?,
    };

    let mut corpus = TaggedCorpus {
        source: source.to_string(),
        documents: Vec::new(),
        tag_column: tag_col + 1,
    };
    let mut current = TaggedSentence::default();
    let mut document: Option<TaggedDocument> = None;
    for (n, line) in classified.iter().enumerate() {
        match line {
            Line::Blank => flush(&mut current, &mut document, &corpus),
            Line::Comment => {}
            Line::Document(name) => {
                flush(&mut current, &mut document, &corpus);
                if let Some(doc) = document.take() {
                    corpus.documents.push(doc);
                }
                document = Some(TaggedDocument {
                    id: name.map_or_else(
                        || format!("doc-{}", corpus.documents.len() + 1),
                        str::to_string,
                    ),
                    sentences: Vec::new(),
                });
            }
            Line::Row(fields) => {
                if current.forms.is_empty() {
                    current.line = n + 1;
                }
                let tag = fields[tag_col];
                if !Tag::is_tag(tag) {
                    return Err(Error::format(
                        at(n + 1),
                        format!(
                            "`{tag}` in column {} is not an IOB tag (O, B-X, I-X, E-X, S-X)",
                            tag_col + 1
                        ),
                    ));
                }
                current.forms.push(fields[form_col].to_string());
                current.tags.push(tag.to_string());
            }
        }
    }
    flush(&mut current, &mut document, &corpus);
    if let Some(doc) = document {
        corpus.documents.push(doc);
    }
    Ok(corpus)
}

/// Moves a finished sentence into the open document (opening one if the
/// file has no document markers).
fn flush(
    sentence: &mut TaggedSentence,
    document: &mut Option<TaggedDocument>,
    corpus: &TaggedCorpus,
) {
    if sentence.forms.is_empty() {
        return;
    }
    let doc = document.get_or_insert_with(|| TaggedDocument {
        id: format!("doc-{}", corpus.documents.len() + 1),
        sentences: Vec::new(),
    });
    doc.sentences.push(std::mem::take(sentence));
}

fn is_docstart(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|f| f.eq_ignore_ascii_case("-DOCSTART-"))
}

fn classify(line: &str, width: usize) -> Line<'_> {
    if line.trim().is_empty() {
        return Line::Blank;
    }
    if is_docstart(line) {
        return Line::Document(None);
    }
    if let Some(comment) = line.strip_prefix('#') {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let token_row = fields.len() == width && fields[0] == "#" && !fields.contains(&"=");
        if !token_row {
            let comment = comment.trim();
            if let Some(id) = comment
                .strip_prefix("newdoc id")
                .and_then(|rest| rest.trim_start().strip_prefix('='))
            {
                return Line::Document(Some(id.trim()));
            }
            if comment == "newdoc" {
                return Line::Document(None);
            }
            return Line::Comment;
        }
        return Line::Row(fields);
    }
    Line::Row(line.split_whitespace().collect())
}

/// Whether the first column numbers the tokens of each sentence 1, 2, 3...
fn numbers_tokens(lines: &[Line<'_>]) -> bool {
    let mut expected = 1usize;
    let mut any = false;
    for line in lines {
        match line {
            Line::Row(fields) => {
                if fields[0].parse::<usize>().ok() != Some(expected) {
                    return false;
                }
                expected += 1;
                any = true;
            }
            Line::Blank | Line::Document(_) => expected = 1,
            Line::Comment => {}
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONLL2003: &str = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP B-LOC\n";

    #[test]
    fn reads_documents_sentences_and_the_last_tag_column() {
        let c = parse_conll(CONLL2003, "t", TagColumn::Auto).unwrap();
        assert_eq!(c.tag_column, 4);
        assert_eq!(c.documents.len(), 2);
        assert_eq!(c.documents[0].id, "doc-1");
        assert_eq!(c.documents[1].id, "doc-2");
        let s = &c.documents[0].sentences;
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].forms, ["EU", "rejects", "German", "call", "."]);
        assert_eq!(s[0].tags, ["B-ORG", "O", "B-MISC", "O", "O"]);
        assert_eq!(s[0].line, 3);
        assert_eq!(c.documents[1].sentences[0].tags, ["B-LOC"]);
    }

    #[test]
    fn chosen_columns_count_from_either_end() {
        let chunk = parse_conll(CONLL2003, "t", TagColumn::Index(3)).unwrap();
        assert_eq!(chunk.documents[0].sentences[0].tags[0], "B-NP");
        let same = parse_conll(CONLL2003, "t", TagColumn::Index(-2)).unwrap();
        assert_eq!(same.tag_column, 3);
        assert!(parse_conll(CONLL2003, "t", TagColumn::Index(5)).is_err());
    }

    #[test]
    fn reads_universal_ner_files() {
        let uner = "# newdoc id = answers-1\n# sent_id = a-1\n# text = in tampa bay\n1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\tstephen\n3\tbay\tI-LOC\t-\tstephen\n\n# sent_id = a-2\n1\tok\tO\t-\t-\n";
        let c = parse_conll(uner, "u", TagColumn::Auto).unwrap();
        assert_eq!(c.tag_column, 3);
        assert_eq!(c.documents.len(), 1);
        assert_eq!(c.documents[0].id, "answers-1");
        assert_eq!(c.documents[0].sentences[0].forms, ["in", "tampa", "bay"]);
        assert_eq!(c.documents[0].sentences[1].tags, ["O"]);
    }

    #[test]
    fn a_hash_token_is_not_a_comment() {
        let text = "# sent_id = 1\nwe O\n# O\n1 O\n";
        let c = parse_conll(text, "t", TagColumn::Auto).unwrap();
        assert_eq!(c.documents[0].sentences[0].forms, ["we", "#", "1"]);
    }

    #[test]
    fn lowercase_docstart_and_files_without_documents() {
        let c = parse_conll("-docstart- O\n\na O\n", "t", TagColumn::Auto).unwrap();
        assert_eq!(c.documents.len(), 1);
        let c = parse_conll("a O\nb B-X\n\nc O\n", "t", TagColumn::Auto).unwrap();
        assert_eq!(c.documents.len(), 1);
        assert_eq!(c.documents[0].sentences.len(), 2);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse_conll("a O\nb O extra\n", "f.conll", TagColumn::Auto).unwrap_err();
        assert!(e.to_string().starts_with("f.conll:2:"), "{e}");
        let e = parse_conll("a O\nb PER\n", "f.conll", TagColumn::Index(2)).unwrap_err();
        assert!(e.to_string().starts_with("f.conll:2:"), "{e}");
        let e = parse_conll("a b\n", "f.conll", TagColumn::Auto).unwrap_err();
        assert!(e.to_string().contains("no column"), "{e}");
    }
}
