//! Entity annotations from any supported file, in one shape: documents
//! (when the format carries their text) and mentions as character spans.
//!
//! | format | how it is recognised | documents | mentions |
//! |---|---|---|---|
//! | CoNLL / IOB2 | `.conll`, `.iob`, `.iob2`, `.bio`, `.tsv`, `.txt` | `-DOCSTART-` or `# newdoc id`; text = tokens joined by spaces, sentences by newlines | tag chunks under the chosen [`Scheme`] |
//! | CoNLL-U | `.conllu` | `# newdoc id`; text rebuilt from `SpaceAfter` | GUM `Entity=` named mentions ([`super::gum_named`]) |
//! | JSONL spans | `.jsonl`, `.json` | `{"id","text","entities":[{"start","end","label"}]}` | as given |
//! | actant `entities.csv` | `.csv` | none (ids only) | `doc_id,start,end,label` rows |
//!
//! Offsets are Unicode code points into the document text, end exclusive.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::Serialize;

use crate::corpus::conllu::read_conllu;
use crate::error::{Error, Location, Result};

use super::conll::{read_conll, TagColumn, TaggedCorpus};
use super::conllu_text::conllu_documents;
use super::gum_named::named_mentions;
use super::iob::{chunks, Scheme};

/// A document whose text the annotations point into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvalDoc {
    /// Identifier, shared by gold and predictions.
    pub id: String,
    /// The text.
    pub text: String,
}

/// An entity mention: a labelled character span of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Mention {
    /// Document id.
    pub doc: String,
    /// First character (Unicode code point).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Entity type.
    pub label: String,
    /// The mention's text, when known.
    pub text: String,
}

impl Mention {
    /// A mention of `doc` from character `start` to `end` (exclusive),
    /// without its text.
    pub fn new(doc: &str, start: usize, end: usize, label: &str) -> Mention {
        Mention {
            doc: doc.to_string(),
            start,
            end,
            label: label.to_string(),
            text: String::new(),
        }
    }

    /// Whether the two mentions share a character of the same document.
    pub fn overlaps(&self, other: &Mention) -> bool {
        self.doc == other.doc && self.start < other.end && other.start < self.end
    }
}

/// File formats of entity annotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NerFormat {
    /// Token per line, IOB tags in a column.
    Conll,
    /// CoNLL-U with GUM `Entity=` mentions.
    Conllu,
    /// One JSON document per line with character spans.
    Jsonl,
    /// actant's `entities.csv`.
    EntitiesCsv,
    /// Not a file: entities the pipeline predicted on the gold texts.
    Pipeline,
}

impl NerFormat {
    /// The format a file name suggests.
    pub fn from_path(path: &Path) -> Option<NerFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "conll" | "iob" | "iob2" | "bio" | "tsv" | "txt" => Some(NerFormat::Conll),
            "conllu" => Some(NerFormat::Conllu),
            "jsonl" | "json" | "ndjson" => Some(NerFormat::Jsonl),
            "csv" => Some(NerFormat::EntitiesCsv),
            _ => None,
        }
    }

    /// The name used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            NerFormat::Conll => "conll",
            NerFormat::Conllu => "conllu",
            NerFormat::Jsonl => "jsonl",
            NerFormat::EntitiesCsv => "entities-csv",
            NerFormat::Pipeline => "pipeline",
        }
    }
}

impl fmt::Display for NerFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NerFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "conll" | "iob" | "iob2" | "bio" => Ok(NerFormat::Conll),
            "conllu" => Ok(NerFormat::Conllu),
            "jsonl" | "json" => Ok(NerFormat::Jsonl),
            "csv" | "entities-csv" | "entities.csv" => Ok(NerFormat::EntitiesCsv),
            _ => Err(format!(
                "unknown entity format `{s}` (expected conll, conllu, jsonl or entities-csv)"
            )),
        }
    }
}

/// How to read a tagged file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// How IOB tags become entities.
    pub scheme: Scheme,
    /// Which column holds the tags.
    pub column: TagColumn,
}

/// Entity annotations read from one file.
#[derive(Clone, Debug)]
pub struct NerData {
    /// The file, for reports.
    pub source: String,
    /// Its format.
    pub format: NerFormat,
    /// The documents, when the format carries them (all but `entities.csv`).
    pub docs: Option<Vec<EvalDoc>>,
    /// Mentions, sorted by document, start, end and label, without duplicates.
    pub mentions: Vec<Mention>,
    /// The tokens and tags, for tagged files (token accuracy).
    pub tagged: Option<TaggedCorpus>,
    /// How tags were read into entities, for tagged files.
    pub scheme: Option<Scheme>,
}

impl NerData {
    /// Annotations given directly.
    pub fn new(
        source: impl Into<String>,
        format: NerFormat,
        docs: Option<Vec<EvalDoc>>,
        mut mentions: Vec<Mention>,
    ) -> NerData {
        mentions.sort();
        mentions.dedup_by(|a, b| {
            a.doc == b.doc && a.start == b.start && a.end == b.end && a.label == b.label
        });
        NerData {
            source: source.into(),
            format,
            docs,
            mentions,
            tagged: None,
            scheme: None,
        }
    }

    /// The entities of a tagged file: each document's text is its tokens
    /// joined by spaces and its sentences joined by newlines.
    pub fn from_tagged(corpus: TaggedCorpus, scheme: Scheme) -> Result<NerData> {
        let mut docs = Vec::with_capacity(corpus.documents.len());
        let mut mentions = Vec::new();
        for document in &corpus.documents {
            let mut text = String::new();
            let mut chars = 0;
            for (s, sentence) in document.sentences.iter().enumerate() {
                if s > 0 {
                    text.push('\n');
                    chars += 1;
                }
                let mut starts = Vec::with_capacity(sentence.forms.len() + 1);
                for (t, form) in sentence.forms.iter().enumerate() {
                    if t > 0 {
                        text.push(' ');
                        chars += 1;
                    }
                    starts.push(chars);
                    text.push_str(form);
                    chars += form.chars().count();
                }
                let end_of = |token: usize| starts[token] + sentence.forms[token].chars().count();
                let found = chunks(&sentence.tags, scheme).map_err(|e| {
                    Error::format(Location::new(&corpus.source).at_line(sentence.line), e)
                })?;
                for chunk in found {
                    mentions.push(Mention {
                        doc: document.id.clone(),
                        start: starts[chunk.start],
                        end: end_of(chunk.end - 1),
                        label: chunk.label.to_string(),
                        text: sentence.forms[chunk.start..chunk.end].join(" "),
                    });
                }
            }
            docs.push(EvalDoc {
                id: document.id.clone(),
                text,
            });
        }
        let mut data = NerData::new(
            corpus.source.clone(),
            NerFormat::Conll,
            Some(docs),
            mentions,
        );
        data.tagged = Some(corpus);
        data.scheme = Some(scheme);
        Ok(data)
    }

    /// The named entities of a CoNLL-U treebank with GUM `Entity=` mentions.
    pub fn from_conllu(path: &Path) -> Result<NerData> {
        let sentences = read_conllu(path)?;
        let documents = conllu_documents(&sentences);
        let mut docs = Vec::with_capacity(documents.len());
        let mut mentions = Vec::new();
        for document in documents {
            let chars: Vec<char> = document.text.chars().collect();
            for (k, index) in document.sentences.clone().enumerate() {
                let words = &document.words[k];
                for named in named_mentions(&sentences[index])? {
                    let start = words[named.words.start].start;
                    let end = words[named.words.end - 1].end;
                    mentions.push(Mention {
                        doc: document.id.clone(),
                        start,
                        end,
                        label: named.label.as_str().to_string(),
                        text: chars[start..end].iter().collect(),
                    });
                }
            }
            docs.push(EvalDoc {
                id: document.id,
                text: document.text,
            });
        }
        Ok(NerData::new(
            path.display().to_string(),
            NerFormat::Conllu,
            Some(docs),
            mentions,
        ))
    }

    /// The ids of the documents this file covers: its documents, or for
    /// `entities.csv` the documents its mentions name.
    pub fn document_ids(&self) -> Vec<&str> {
        match &self.docs {
            Some(docs) => docs.iter().map(|d| d.id.as_str()).collect(),
            None => {
                let mut ids: Vec<&str> = self.mentions.iter().map(|m| m.doc.as_str()).collect();
                ids.dedup();
                ids
            }
        }
    }
}

/// Reads entity annotations, in `format` or the one the file name suggests.
pub fn read_ner(path: &Path, format: Option<NerFormat>, options: ReadOptions) -> Result<NerData> {
    let format = match format.or_else(|| NerFormat::from_path(path)) {
        Some(format) => format,
        None => {
            return Err(Error::config(format!(
                "{}: cannot tell the format from the file name; name it (conll, conllu, jsonl, entities-csv)",
                path.display()
            )))
        }
    };
    match format {
        NerFormat::Conll => NerData::from_tagged(read_conll(path, options.column)?, options.scheme),
        NerFormat::Conllu => NerData::from_conllu(path),
        NerFormat::Jsonl => super::jsonl_spans::read_jsonl_spans(path),
        NerFormat::EntitiesCsv => super::entities_csv::read_entities_csv(path),
        NerFormat::Pipeline => Err(Error::config(format!(
            "{}: `pipeline` names predictions made by the pipeline, not a file format",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::conll::parse_conll;

    #[test]
    fn tagged_sentences_become_character_spans() {
        let corpus = parse_conll(
            "-DOCSTART- O\n\nErdoğan B-PER\nmet O\nAliyev B-PER\n\nin O\nŞuşa B-LOC\n\n-DOCSTART- O\n\nUN B-ORG\n",
            "t",
            TagColumn::Auto,
        )
        .unwrap();
        let data = NerData::from_tagged(corpus, Scheme::Conlleval).unwrap();
        let docs = data.docs.as_ref().unwrap();
        assert_eq!(docs[0].text, "Erdoğan met Aliyev\nin Şuşa");
        let brief: Vec<(&str, usize, usize, &str)> = data
            .mentions
            .iter()
            .map(|m| (m.doc.as_str(), m.start, m.end, m.label.as_str()))
            .collect();
        assert_eq!(
            brief,
            vec![
                ("doc-1", 0, 7, "PER"),
                ("doc-1", 12, 18, "PER"),
                ("doc-1", 22, 26, "LOC"),
                ("doc-2", 0, 2, "ORG"),
            ]
        );
        let chars: Vec<char> = docs[0].text.chars().collect();
        for m in data.mentions.iter().filter(|m| m.doc == "doc-1") {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
        assert_eq!(data.document_ids(), vec!["doc-1", "doc-2"]);
    }

    #[test]
    fn duplicates_are_dropped() {
        let m = Mention {
            doc: "d".into(),
            start: 0,
            end: 3,
            label: "PER".into(),
            text: "Ali".into(),
        };
        let data = NerData::new("t", NerFormat::Jsonl, None, vec![m.clone(), m]);
        assert_eq!(data.mentions.len(), 1);
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(
            NerFormat::from_path(Path::new("a/b.iob2")),
            Some(NerFormat::Conll)
        );
        assert_eq!(
            NerFormat::from_path(Path::new("x.conllu")),
            Some(NerFormat::Conllu)
        );
        assert_eq!(
            NerFormat::from_path(Path::new("e.csv")),
            Some(NerFormat::EntitiesCsv)
        );
        assert_eq!(NerFormat::from_path(Path::new("e")), None);
        assert_eq!("entities-csv".parse(), Ok(NerFormat::EntitiesCsv));
    }
}
