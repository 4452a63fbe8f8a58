//! Training and evaluation sentences from the open treebanks.
//!
//! - **GUM** (`en_gum-ud-*.conllu`): the named mentions of the `Entity=`
//!   brackets, by the rule in [`crate::eval::gum_named`] (a mention is
//!   named when its syntactic head is a proper noun; its span is the name
//!   core around that head; `person` → PER, `organization` → ORG, `place`
//!   → LOC, other types → MISC, dates left out). Training and scoring use
//!   the same rule, so the model learns exactly what it is scored on.
//! - **Universal NER** (`en_ewt-ud-dev.iob2`): IOB2 tags, `OTH` → MISC. Its
//!   documents are split into a fixed training part and a held-out part
//!   by [`is_uner_heldout`].
//!
//! Sentences keep the treebank's own tokens (gold tokenization), grouped
//! by document.

use std::path::Path;

use crate::corpus::conllu::{read_conllu, ConlluSentence};
use crate::doc::EntityLabel;
use crate::error::{Error, Location, Result};
use crate::eval::conll::{read_conll, TagColumn, TaggedCorpus};
use crate::eval::gum_named::named_mentions;
use crate::eval::iob::{chunks, Scheme};

use super::tags::TokenSpan;
use super::train::TrainingSentence;

/// A document of labelled sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabeledDocument {
    /// Document id from the treebank.
    pub id: String,
    /// Sentences in order.
    pub sentences: Vec<TrainingSentence>,
}

impl LabeledDocument {
    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Every third document of Universal NER EWT dev (the 3rd, 6th, ...) is
/// held out for evaluation; the others are training data. Interleaving
/// keeps every EWT genre on both sides.
pub fn is_uner_heldout(document_index: usize) -> bool {
    document_index % 3 == 2
}

/// The labelled sentences of one GUM sentence.
pub fn gum_sentence(sentence: &ConlluSentence) -> Result<TrainingSentence> {
    let spans = named_mentions(sentence)?
        .into_iter()
        .map(|m| TokenSpan {
            tokens: m.words,
            label: m.label,
        })
        .collect();
    Ok(TrainingSentence {
        words: sentence.words.iter().map(|w| w.form.clone()).collect(),
        spans,
        ..TrainingSentence::default()
    })
}

/// The documents of a GUM CoNLL-U file with their named mentions.
pub fn gum_documents(path: &Path) -> Result<Vec<LabeledDocument>> {
    let sentences = read_conllu(path)?;
    gum_documents_of(&sentences)
}

/// The documents of parsed GUM sentences.
pub fn gum_documents_of(sentences: &[ConlluSentence]) -> Result<Vec<LabeledDocument>> {
    let mut docs: Vec<LabeledDocument> = Vec::new();
    for sentence in sentences {
        if docs.is_empty() || sentence.newdoc.is_some() {
            docs.push(LabeledDocument {
                id: sentence
                    .newdoc
                    .clone()
                    .unwrap_or_else(|| format!("doc-{}", docs.len() + 1)),
                sentences: Vec::new(),
            });
        }
        let labelled = gum_sentence(sentence)?;
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(labelled);
        }
    }
    Ok(docs)
}

/// The documents of a Universal NER (IOB2) file.
pub fn uner_documents(path: &Path) -> Result<Vec<LabeledDocument>> {
    let corpus = read_conll(path, TagColumn::Auto)?;
    uner_documents_of(&corpus)
}

/// The documents of a parsed IOB2 corpus; labels map to CoNLL labels
/// (`OTH` → MISC), and an unknown label is an error naming its line.
pub fn uner_documents_of(corpus: &TaggedCorpus) -> Result<Vec<LabeledDocument>> {
    let mut docs = Vec::with_capacity(corpus.documents.len());
    for document in &corpus.documents {
        let mut sentences = Vec::with_capacity(document.sentences.len());
        for sentence in &document.sentences {
            let at = || Location::new(&corpus.source).at_line(sentence.line);
            let found = chunks(&sentence.tags, Scheme::Iob2).map_err(|e| Error::format(at(), e))?;
            let mut spans = Vec::with_capacity(found.len());
            for chunk in found {
                let label: EntityLabel = chunk
                    .label
                    .parse()
                    .map_err(|e: String| Error::format(at(), e))?;
                spans.push(TokenSpan {
                    tokens: chunk.start..chunk.end,
                    label,
                });
            }
            sentences.push(TrainingSentence {
                words: sentence.forms.clone(),
                spans,
                ..TrainingSentence::default()
            });
        }
        docs.push(LabeledDocument {
            id: document.id.clone(),
            sentences,
        });
    }
    Ok(docs)
}

/// Splits Universal NER documents into (training, held-out) parts.
pub fn split_uner(docs: Vec<LabeledDocument>) -> (Vec<LabeledDocument>, Vec<LabeledDocument>) {
    let mut train = Vec::new();
    let mut heldout = Vec::new();
    for (i, doc) in docs.into_iter().enumerate() {
        if is_uner_heldout(i) {
            heldout.push(doc);
        } else {
            train.push(doc);
        }
    }
    (train, heldout)
}

/// Writes documents as an IOB2 file (`# newdoc id`, one `index form tag`
/// row per token), the format `actant eval ner --gold` reads.
pub fn write_iob2(docs: &[LabeledDocument], path: &Path) -> Result<()> {
    let mut out = String::new();
    for doc in docs {
        out.push_str(&format!("# newdoc id = {}\n", doc.id));
        for sentence in &doc.sentences {
            let mut tags = vec!["O".to_string(); sentence.words.len()];
            for span in &sentence.spans {
                for (k, t) in span.tokens.clone().enumerate() {
                    let prefix = if k == 0 { 'B' } else { 'I' };
                    tags[t] = format!("{prefix}-{}", span.label);
                }
            }
            for (i, (word, tag)) in sentence.words.iter().zip(&tags).enumerate() {
                out.push_str(&format!("{}\t{word}\t{tag}\n", i + 1));
            }
            out.push('\n');
        }
    }
    std::fs::write(path, out).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conllu::parse_conllu;
    use crate::eval::conll::parse_conll;

    #[test]
    fn gum_sentences_carry_named_cores_only() {
        let text = "# newdoc id = d1\n# sent_id = s1\n\
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-x-1-coref-Lord_Byron)\n\
2\tstudied\tstudy\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tat\tat\tADP\tIN\t_\t5\tcase\t_\t_\n\
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-x-x-2-sgl\n\
5\tUniversity\tuniversity\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\
6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n\
7\tBasel\tBasel\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(3-place-new-x-x-1-sgl-Basel)2)\n";
        let sentences = parse_conllu(text, "t").unwrap();
        let docs = gum_documents_of(&sentences).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "d1");
        // `He` has a Wikipedia identity but a pronoun head: not named.
        assert_eq!(
            docs[0].sentences[0].spans,
            vec![TokenSpan {
                tokens: 4..7,
                label: EntityLabel::Org
            }]
        );
    }

    #[test]
    fn uner_labels_map_and_documents_split_every_third() {
        let text = "# newdoc id = a\n1\tBob\tB-PER\n2\tat\tO\n3\tAcme\tB-OTH\n\n\
# newdoc id = b\n1\tx\tO\n\n# newdoc id = c\n1\tParis\tB-LOC\n\n# newdoc id = d\n1\ty\tO\n";
        let corpus = parse_conll(text, "t.iob2", TagColumn::Auto).unwrap();
        let docs = uner_documents_of(&corpus).unwrap();
        assert_eq!(docs[0].sentences[0].spans[1].label, EntityLabel::Misc);
        let (train, heldout) = split_uner(docs);
        let ids = |d: &[LabeledDocument]| d.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&train), ["a", "b", "d"]);
        assert_eq!(ids(&heldout), ["c"]);
    }

    #[test]
    fn iob2_output_reads_back_the_same() {
        let text = "# newdoc id = a\n1\tNew\tB-LOC\n2\tYork\tI-LOC\n3\tand\tO\n4\tBob\tB-PER\n\n";
        let corpus = parse_conll(text, "t", TagColumn::Auto).unwrap();
        let docs = uner_documents_of(&corpus).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.iob2");
        write_iob2(&docs, &path).unwrap();
        assert_eq!(uner_documents(&path).unwrap(), docs);
    }
}
