//! Scores the segmenter against the tokens and sentences of a CoNLL-U
//! treebank.
//!
//! **Raw text.** CoNLL-U stores tokens, not the text they came from, so the
//! text of each document (`# newdoc`) is rebuilt: token forms (the
//! multiword-token form where there is one) are joined by a space unless
//! the token has `SpaceAfter=No`; sentences follow one another the same
//! way within a paragraph; paragraphs (`# newpar`) are separated by a blank
//! line (`\n\n`). Each document is segmented on its own. A file without
//! `# newdoc` comments is one document.
//!
//! **Gold tokens** are the syntactic words. A multiword token whose words
//! spell its surface (`don't` = `do` + `n't`, `gonna` = `gon` + `na`) gives
//! its words; one whose words do not (none do in EWT and GUM) counts as a
//! single token.
//!
//! **Matching.** A predicted token matches a gold token with the same byte
//! span; a predicted sentence end matches a gold one at the same byte
//! offset (the end of a sentence's last token). Every sentence end counts,
//! including those at paragraph and document ends, which the blank line
//! gives away; [`SegmentationScores::paragraph_ends`] says how many those
//! are, and [`SegmentationScores::sentences_within_paragraphs`] scores the
//! other ends alone.

use std::fmt;
use std::path::Path;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::corpus::conllu::{read_conllu, ConlluSentence};
use crate::doc::Span;
use crate::error::Result;
use crate::segment::Segmenter;

/// Gold and predicted counts of one kind of unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Units in the gold annotation.
    pub gold: usize,
    /// Units predicted.
    pub predicted: usize,
    /// Predicted units that match a gold one.
    pub matched: usize,
}

impl Counts {
    /// Matched over predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    /// Matched over gold (1 when there is no gold unit).
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
    }
}

/// Written as `gold`, `predicted`, `matched`, `precision`, `recall`, `f1`.
impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("Counts", 6)?;
        record.serialize_field("gold", &self.gold)?;
        record.serialize_field("predicted", &self.predicted)?;
        record.serialize_field("matched", &self.matched)?;
        record.serialize_field("precision", &self.precision())?;
        record.serialize_field("recall", &self.recall())?;
        record.serialize_field("f1", &self.f1())?;
        record.end()
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Token and sentence-boundary scores over a treebank.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SegmentationScores {
    /// Documents scored.
    pub documents: usize,
    /// Word tokens, matched by span.
    pub tokens: Counts,
    /// Sentence ends, matched by offset.
    pub sentences: Counts,
    /// Sentence ends other than those at a gold paragraph or document end.
    pub sentences_within_paragraphs: Counts,
    /// Gold sentence ends that fall at a paragraph or document end.
    pub paragraph_ends: usize,
}

/// A table: one row per unit with counts, precision, recall and F1.
impl fmt::Display for SegmentationScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<28}{:>9}{:>11}{:>9}{:>11}{:>9}{:>9}",
            "", "gold", "predicted", "matched", "precision", "recall", "F1"
        )?;
        let rows = [
            ("tokens", self.tokens),
            ("sentence ends", self.sentences),
            ("  within paragraphs", self.sentences_within_paragraphs),
        ];
        for (name, c) in rows {
            writeln!(
                f,
                "{name:<28}{:>9}{:>11}{:>9}{:>11.4}{:>9.4}{:>9.4}",
                c.gold,
                c.predicted,
                c.matched,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        write!(
            f,
            "{} documents; {} of the gold sentence ends are paragraph or document ends",
            self.documents, self.paragraph_ends
        )
    }
}

/// One document rebuilt from a treebank, with its gold segmentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldDocument {
    /// `# newdoc id`, or the first sentence id when there is none.
    pub id: String,
    /// The rebuilt raw text.
    pub text: String,
    /// Gold word tokens in order.
    pub tokens: Vec<Span>,
    /// Byte offsets where gold sentences end, in order.
    pub sentence_ends: Vec<usize>,
    /// Byte offsets of sentence ends at a paragraph or document end.
    pub paragraph_ends: Vec<usize>,
}

/// How one document's predicted segmentation differs from the gold one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentComparison {
    /// Token counts.
    pub tokens: Counts,
    /// Sentence-end counts.
    pub sentences: Counts,
    /// Sentence-end counts leaving out gold paragraph and document ends.
    pub sentences_within_paragraphs: Counts,
    /// Gold tokens not predicted.
    pub missed_tokens: Vec<Span>,
    /// Predicted tokens not in the gold.
    pub spurious_tokens: Vec<Span>,
    /// Gold sentence ends not predicted.
    pub missed_ends: Vec<usize>,
    /// Predicted sentence ends not in the gold.
    pub spurious_ends: Vec<usize>,
}

/// Scores the default segmenter on the CoNLL-U file at `path`.
pub fn score_segmentation(path: &Path) -> Result<SegmentationScores> {
    let sentences = read_conllu(path)?;
    let documents = gold_documents(&sentences);
    Ok(score_documents(&Segmenter::new(), &documents))
}

/// Scores `segmenter` on rebuilt documents.
pub fn score_documents(segmenter: &Segmenter, documents: &[GoldDocument]) -> SegmentationScores {
    let mut scores = SegmentationScores::default();
    for document in documents {
        let comparison = compare_document(segmenter, document);
        scores.documents += 1;
        scores.tokens.add(comparison.tokens);
        scores.sentences.add(comparison.sentences);
        scores
            .sentences_within_paragraphs
            .add(comparison.sentences_within_paragraphs);
        scores.paragraph_ends += document.paragraph_ends.len();
    }
    scores
}

/// Segments one document and compares the result with its gold.
pub fn compare_document(segmenter: &Segmenter, document: &GoldDocument) -> DocumentComparison {
    let segmentation = segmenter.segment(&document.text);
    let predicted_tokens: Vec<Span> = segmentation.tokens.iter().map(|t| t.span).collect();
    let predicted_ends: Vec<usize> = segmentation.sentences.iter().map(|s| s.span.end).collect();
    let (tokens, missed_tokens, spurious_tokens) =
        compare_sorted(&document.tokens, &predicted_tokens);
    let (sentences, missed_ends, spurious_ends) =
        compare_sorted(&document.sentence_ends, &predicted_ends);
    let inside = |ends: &[usize]| -> Vec<usize> {
        ends.iter()
            .copied()
            .filter(|end| document.paragraph_ends.binary_search(end).is_err())
            .collect()
    };
    let (sentences_within_paragraphs, _, _) =
        compare_sorted(&inside(&document.sentence_ends), &inside(&predicted_ends));
    DocumentComparison {
        tokens,
        sentences,
        sentences_within_paragraphs,
        missed_tokens,
        spurious_tokens,
        missed_ends,
        spurious_ends,
    }
}

/// Matches two sorted lists; returns counts, gold items missed and
/// predicted items not in the gold.
fn compare_sorted<T: Ord + Copy>(gold: &[T], predicted: &[T]) -> (Counts, Vec<T>, Vec<T>) {
    let mut missed = Vec::new();
    let mut spurious = Vec::new();
    let (mut g, mut p) = (0, 0);
    let mut matched = 0;
    while g < gold.len() && p < predicted.len() {
        match gold[g].cmp(&predicted[p]) {
            std::cmp::Ordering::Equal => {
                matched += 1;
                g += 1;
                p += 1;
            }
            std::cmp::Ordering::Less => {
                missed.push(gold[g]);
                g += 1;
            }
            std::cmp::Ordering::Greater => {
                spurious.push(predicted[p]);
                p += 1;
            }
        }
    }
    missed.extend_from_slice(&gold[g..]);
    spurious.extend_from_slice(&predicted[p..]);
    let counts = Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        matched,
    };
    (counts, missed, spurious)
}

/// Rebuilds the documents of a treebank (see the module docs).
pub fn gold_documents(sentences: &[ConlluSentence]) -> Vec<GoldDocument> {
    let mut documents = Vec::new();
    let mut current: Option<GoldDocument> = None;
    // Whether the text so far ends with a token that wants a space after it.
    let mut space_pending = false;
    for sentence in sentences {
        let starts_document = sentence.newdoc.is_some() || current.is_none();
        if starts_document {
            if let Some(document) = current.take() {
                documents.push(finish(document));
            }
            let id = match &sentence.newdoc {
                Some(id) if !id.is_empty() => id.clone(),
                _ => sentence.sent_id.clone().unwrap_or_default(),
            };
            current = Some(GoldDocument {
                id,
                ..GoldDocument::default()
            });
            space_pending = false;
        }
        let Some(document) = current.as_mut() else {
            continue;
        };
        if !document.text.is_empty() {
            if sentence.newpar && !starts_document {
                if let Some(&end) = document.sentence_ends.last() {
                    document.paragraph_ends.push(end);
                }
                document.text.push_str("\n\n");
            } else if space_pending {
                document.text.push(' ');
            }
        }
        space_pending = append_sentence(document, sentence);
        document.sentence_ends.push(document.text.len());
    }
    if let Some(document) = current {
        documents.push(finish(document));
    }
    documents
}

/// Records the document's last sentence end as a paragraph end.
fn finish(mut document: GoldDocument) -> GoldDocument {
    if let Some(&end) = document.sentence_ends.last() {
        document.paragraph_ends.push(end);
    }
    document
}

/// Appends a sentence's tokens to the document text; returns whether its
/// last token wants a space after it.
fn append_sentence(document: &mut GoldDocument, sentence: &ConlluSentence) -> bool {
    let mut space_after = false;
    let mut word = 0;
    let mut multiword = sentence.multiword.iter().peekable();
    while word < sentence.words.len() {
        let id = sentence.words[word].id;
        if space_after {
            document.text.push(' ');
        }
        let mwt = multiword.peek().filter(|m| m.first == id).copied();
        if let Some(mwt) = mwt {
            multiword.next();
            let start = document.text.len();
            document.text.push_str(&mwt.form);
            let last = mwt.last.min(sentence.words.len());
            let words = &sentence.words[word..last.max(word + 1)];
            let spelled: String = words.iter().map(|w| w.form.as_str()).collect();
            if spelled == mwt.form {
                let mut at = start;
                for w in words {
                    document.tokens.push(Span::new(at, at + w.form.len()));
                    at += w.form.len();
                }
            } else {
                document.tokens.push(Span::new(start, document.text.len()));
            }
            space_after = mwt.space_after();
            word += words.len();
        } else {
            let w = &sentence.words[word];
            let start = document.text.len();
            document.text.push_str(&w.form);
            document.tokens.push(Span::new(start, document.text.len()));
            space_after = w.space_after();
            word += 1;
        }
    }
    space_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conllu::parse_conllu;

    const GOLD: &str = "# newdoc id = d1\n# newpar\n# text = Russia won't wait.\n\
1\tRussia\t_\t_\t_\t_\t0\t_\t_\t_\n\
2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\two\t_\t_\t_\t_\t0\t_\t_\t_\n\
3\tn't\t_\t_\t_\t_\t0\t_\t_\t_\n\
4\twait\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n\
5\t.\t_\t_\t_\t_\t0\t_\t_\t_\n\n\
# text = It said so.\n\
1\tIt\t_\t_\t_\t_\t0\t_\t_\t_\n\
2\tsaid\t_\t_\t_\t_\t0\t_\t_\t_\n\
3\tso\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n\
4\t.\t_\t_\t_\t_\t0\t_\t_\t_\n\n\
# newpar\n# text = Next\n\
1\tNext\t_\t_\t_\t_\t0\t_\t_\t_\n\n\
# newdoc id = d2\n# text = Two\n\
1\tTwo\t_\t_\t_\t_\t0\t_\t_\t_\n\n";

    #[test]
    fn rebuilds_text_tokens_and_sentence_ends() {
        let docs = gold_documents(&parse_conllu(GOLD, "gold").unwrap());
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.id, "d1");
        assert_eq!(d.text, "Russia won't wait. It said so.\n\nNext");
        let words: Vec<&str> = d.tokens.iter().map(|s| &d.text[s.range()]).collect();
        assert_eq!(
            words,
            ["Russia", "wo", "n't", "wait", ".", "It", "said", "so", ".", "Next"]
        );
        assert_eq!(d.sentence_ends, vec![18, 30, 36]);
        assert_eq!(d.paragraph_ends, vec![30, 36]);
        assert_eq!(docs[1].text, "Two");
    }

    #[test]
    fn the_segmenter_scores_perfectly_on_plain_text() {
        let docs = gold_documents(&parse_conllu(GOLD, "gold").unwrap());
        let scores = score_documents(&Segmenter::new(), &docs);
        assert_eq!(scores.documents, 2);
        assert_eq!(scores.tokens.gold, 11);
        assert_eq!(scores.tokens.f1(), 1.0);
        assert_eq!(scores.sentences.gold, 4);
        assert_eq!(scores.sentences.f1(), 1.0);
        assert_eq!(scores.paragraph_ends, 3);
        assert_eq!(scores.sentences_within_paragraphs.gold, 1);
        assert_eq!(scores.sentences_within_paragraphs.matched, 1);
    }

    #[test]
    fn scores_print_as_a_table_and_as_json() {
        let docs = gold_documents(&parse_conllu(GOLD, "gold").unwrap());
        let scores = score_documents(&Segmenter::new(), &docs);
        let table = scores.to_string();
        assert!(table.contains("tokens"), "{table}");
        assert!(table.lines().nth(1).unwrap().ends_with("1.0000"), "{table}");
        let json = serde_json::to_value(scores).unwrap();
        assert_eq!(json["tokens"]["gold"], 11);
        assert_eq!(json["sentences"]["f1"], 1.0);
        assert_eq!(json["paragraph_ends"], 3);
    }

    #[test]
    fn counts_give_precision_recall_f1() {
        let c = Counts {
            gold: 10,
            predicted: 8,
            matched: 6,
        };
        assert!((c.precision() - 0.75).abs() < 1e-12);
        assert!((c.recall() - 0.6).abs() < 1e-12);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        let (counts, missed, spurious) = compare_sorted(&[1, 3, 5], &[1, 4, 5, 6]);
        assert_eq!(counts.matched, 2);
        assert_eq!(missed, vec![3]);
        assert_eq!(spurious, vec![4, 6]);
    }
}
