//! Scoring of part-of-speech tags, lemmas and dependency trees against a
//! CoNLL-U treebank, on the gold tokens or on a system's own tokenization
//! of the raw text.
//!
//! Every word counts, punctuation included. UAS counts words whose head is
//! right (the predicted head is the word aligned with the gold head, or
//! both are the root); LAS also needs the relation right, compared on its
//! universal part (`nmod` for `nmod:poss`) as in the CoNLL 2018 shared
//! task; "LAS+sub" compares the full relation.
//!
//! On gold tokens each figure is an accuracy. On raw text, predicted words
//! are aligned with gold words covering the same characters (whitespace
//! aside); each figure is then an F1: correct aligned words over predicted
//! words (precision) and over gold words (recall). Words and sentences (and
//! surface tokens, for systems that group words into them) get F1 scores
//! of their own: a unit is right when its character span is, so a
//! sentence needs both of its ends right.

use serde::Serialize;

use crate::corpus::conllu::ConlluSentence;
use crate::doc::TokenSyntax;
use crate::error::{Error, Result};

use super::conllu_text::conllu_documents;
use super::metrics::{ratio, Counts, Scores};
use super::predict::DocFailure;
use super::syntax_align::{check_same_text, pair_spans, place, Placed, SystemDocument};

/// Correct words out of gold and predicted words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AlignedScore {
    /// Aligned words with the right value.
    pub correct: usize,
    /// Gold words.
    pub gold: usize,
    /// Predicted words.
    pub predicted: usize,
    /// `correct / predicted`.
    pub precision: f64,
    /// `correct / gold`.
    pub recall: f64,
    /// Harmonic mean; equals the accuracy on gold tokens.
    pub f1: f64,
}

impl AlignedScore {
    fn new(correct: usize, gold: usize, predicted: usize) -> Self {
        let precision = ratio(correct, predicted);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        AlignedScore {
            correct,
            gold,
            predicted,
            precision,
            recall,
            f1,
        }
    }
}

/// Token, word and sentence boundaries, when the system tokenized raw text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SegmentationScores {
    /// Surface tokens (a multiword token counts once), when the system
    /// groups words into surface tokens.
    pub tokens: Option<Scores>,
    /// Syntactic words.
    pub words: Scores,
    /// Sentences.
    pub sentences: Scores,
}

/// Tagging, lemmatization and parsing figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SyntaxScores {
    /// Universal POS tags.
    pub upos: AlignedScore,
    /// Language-specific tags.
    pub xpos: AlignedScore,
    /// Lemmas.
    pub lemma: AlignedScore,
    /// Unlabelled attachment.
    pub uas: AlignedScore,
    /// Labelled attachment, universal relation.
    pub las: AlignedScore,
    /// Labelled attachment, full relation with subtype.
    pub las_subtype: AlignedScore,
}

/// The result of scoring syntax.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SyntaxReport {
    /// Whether the system was given the gold tokens.
    pub gold_tokens: bool,
    /// Gold sentences.
    pub sentences: usize,
    /// Gold words.
    pub words: usize,
    /// Boundaries, when the system tokenized raw text.
    pub segmentation: Option<SegmentationScores>,
    /// Tags, lemmas and trees, when the system predicted them.
    pub syntax: Option<SyntaxScores>,
    /// Documents the pipeline failed on, when it made the predictions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<DocFailure>,
}

/// Scores syntax predicted on the gold tokens: one entry per gold word of
/// each sentence, heads numbered within the sentence.
pub fn score_syntax(gold: &[ConlluSentence], pred: &[Vec<TokenSyntax>]) -> Result<SyntaxReport> {
    if gold.len() != pred.len() {
        return Err(Error::config(format!(
            "{} gold sentences but {} predicted",
            gold.len(),
            pred.len()
        )));
    }
    let mut judge = Judge::default();
    let mut words = 0;
    for (k, (g, p)) in gold.iter().zip(pred).enumerate() {
        if g.words.len() != p.len() {
            return Err(Error::config(format!(
                "sentence {} ({}): {} gold words but {} predicted",
                k + 1,
                g.sent_id.as_deref().unwrap_or("no sent_id"),
                g.words.len(),
                p.len()
            )));
        }
        for (w, predicted) in g.words.iter().zip(p) {
            let gold_syntax = gold_word(w);
            let head_right = w.head == predicted.head;
            judge.add(&gold_syntax, predicted, head_right);
        }
        words += g.words.len();
    }
    Ok(SyntaxReport {
        gold_tokens: true,
        sentences: gold.len(),
        words,
        segmentation: None,
        syntax: Some(judge.scores(words, words)),
        failures: Vec::new(),
    })
}

/// Runs `model` on the gold words of every sentence and scores it.
pub fn score_model_on_gold_tokens(
    model: &crate::syntax::SyntaxModel,
    gold: &[ConlluSentence],
) -> Result<SyntaxReport> {
    let pred: Vec<Vec<TokenSyntax>> = gold
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            model.annotate(&words)
        })
        .collect();
    score_syntax(gold, &pred)
}

/// Scores a system's analysis of the raw text of the treebank (its
/// documents as [`conllu_documents`] rebuilds them, or any text with the
/// same non-whitespace characters).
pub fn score_syntax_raw(gold: &[ConlluSentence], pred: &[SystemDocument]) -> Result<SyntaxReport> {
    let gold_docs = conllu_documents(gold);
    let gold_placed = place(gold_docs.iter().map(|d| {
        let sentences = d
            .tokens
            .iter()
            .zip(&d.words)
            .map(|(t, w)| (t.as_slice(), w.clone()))
            .collect();
        (d.text.as_str(), sentences)
    }));
    let pred_placed = place(pred.iter().map(|d| {
        let sentences = d
            .sentences
            .iter()
            .map(|s| {
                (
                    s.tokens.as_slice(),
                    s.words.iter().map(|w| w.span.clone()).collect(),
                )
            })
            .collect();
        (d.text.as_str(), sentences)
    }));
    check_same_text(&gold_placed, &pred_placed)?;
    let gold_words: Vec<&crate::corpus::conllu::ConlluWord> =
        gold.iter().flat_map(|s| s.words.iter()).collect();
    let pred_words: Vec<&Option<TokenSyntax>> = pred
        .iter()
        .flat_map(|d| d.sentences.iter())
        .flat_map(|s| s.words.iter().map(|w| &w.syntax))
        .collect();
    let segmentation = SegmentationScores {
        tokens: pred
            .iter()
            .all(|d| d.surface_tokens)
            .then(|| boundary_scores(&gold_placed.tokens, &pred_placed.tokens)),
        words: boundary_scores(&spans(&gold_placed), &spans(&pred_placed)),
        sentences: boundary_scores(&gold_placed.sentences, &pred_placed.sentences),
    };
    let gold_spans = spans(&gold_placed);
    let pred_spans = spans(&pred_placed);
    let pairs = pair_spans(gold_spans.iter(), pred_spans.iter());
    let parsed = pred_words.iter().any(|s| s.is_some());
    let syntax = parsed.then(|| {
        let mut aligned_to = vec![None; gold_words.len()];
        for &(g, p) in &pairs {
            aligned_to[g] = Some(p);
        }
        let mut judge = Judge::default();
        for &(g, p) in &pairs {
            let Some(predicted) = pred_words[p] else {
                continue;
            };
            let gold_syntax = gold_word(gold_words[g]);
            let gold_head = global_head(&gold_placed, g, gold_syntax.head);
            let pred_head = global_head(&pred_placed, p, predicted.head);
            let head_right = match (gold_head, pred_head) {
                (None, None) => true,
                (Some(gh), Some(ph)) => aligned_to.get(gh).copied().flatten() == Some(ph),
                _ => false,
            };
            judge.add(&gold_syntax, predicted, head_right);
        }
        judge.scores(gold_words.len(), pred_words.len())
    });
    Ok(SyntaxReport {
        gold_tokens: false,
        sentences: gold.len(),
        words: gold_words.len(),
        segmentation: Some(segmentation),
        syntax,
        failures: Vec::new(),
    })
}

/// Scores a predicted CoNLL-U file: on the gold tokens when it has the
/// same sentences and word forms, else as a tokenization of the raw text.
pub fn score_conllu(gold: &[ConlluSentence], pred: &[ConlluSentence]) -> Result<SyntaxReport> {
    let same_tokens = gold.len() == pred.len()
        && gold.iter().zip(pred).all(|(g, p)| {
            g.words.len() == p.words.len()
                && g.words.iter().zip(&p.words).all(|(a, b)| a.form == b.form)
        });
    if same_tokens {
        let predicted: Vec<Vec<TokenSyntax>> = pred
            .iter()
            .map(|s| s.words.iter().map(gold_word).collect())
            .collect();
        score_syntax(gold, &predicted)
    } else {
        score_syntax_raw(gold, &SystemDocument::from_conllu(pred))
    }
}

fn gold_word(w: &crate::corpus::conllu::ConlluWord) -> TokenSyntax {
    TokenSyntax {
        upos: w.upos.clone(),
        xpos: w.xpos.clone(),
        lemma: w.lemma.clone(),
        head: w.head,
        deprel: w.deprel.clone(),
    }
}

fn spans(placed: &Placed) -> Vec<std::ops::Range<usize>> {
    placed.words.iter().map(|w| w.span.clone()).collect()
}

/// The global index of a word's head, `None` for the root (or a head
/// number outside the sentence).
fn global_head(placed: &Placed, word: usize, head: usize) -> Option<usize> {
    let start = placed.words[word].sentence_start;
    let index = start + head.checked_sub(1)?;
    (placed.words.get(index)?.sentence_start == start).then_some(index)
}

fn boundary_scores(gold: &[std::ops::Range<usize>], pred: &[std::ops::Range<usize>]) -> Scores {
    let tp = pair_spans(gold.iter(), pred.iter()).len();
    Counts {
        tp,
        fp: pred.len() - tp,
        fn_: gold.len() - tp,
    }
    .scores()
}

/// Counts of correct values over aligned words.
#[derive(Default)]
struct Judge {
    upos: usize,
    xpos: usize,
    lemma: usize,
    uas: usize,
    las: usize,
    las_subtype: usize,
}

impl Judge {
    fn add(&mut self, gold: &TokenSyntax, pred: &TokenSyntax, head_right: bool) {
        self.upos += usize::from(gold.upos == pred.upos);
        self.xpos += usize::from(gold.xpos == pred.xpos);
        self.lemma += usize::from(gold.lemma == pred.lemma);
        if head_right {
            self.uas += 1;
            self.las += usize::from(universal(&gold.deprel) == universal(&pred.deprel));
            self.las_subtype += usize::from(gold.deprel == pred.deprel);
        }
    }

    fn scores(&self, gold: usize, predicted: usize) -> SyntaxScores {
        let s = |correct| AlignedScore::new(correct, gold, predicted);
        SyntaxScores {
            upos: s(self.upos),
            xpos: s(self.xpos),
            lemma: s(self.lemma),
            uas: s(self.uas),
            las: s(self.las),
            las_subtype: s(self.las_subtype),
        }
    }
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conllu::parse_conllu;

    const GOLD: &str = "# newdoc id = d\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# text = Go home.\n\
1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\
2\thome\thome\tADV\tRB\t_\t1\tobl:npmod\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

    fn gold() -> Vec<ConlluSentence> {
        parse_conllu(GOLD, "g").unwrap()
    }

    #[test]
    fn perfect_prediction_on_gold_tokens() {
        let g = gold();
        let r = score_conllu(&g, &g).unwrap();
        assert!(r.gold_tokens);
        assert_eq!(r.words, 8);
        let s = r.syntax.unwrap();
        assert_eq!(s.upos.f1, 1.0);
        assert_eq!(s.las.correct, 8);
    }

    #[test]
    fn errors_on_gold_tokens() {
        let g = gold();
        let mut pred: Vec<Vec<TokenSyntax>> = g
            .iter()
            .map(|s| s.words.iter().map(gold_word).collect())
            .collect();
        pred[0][0].upos = "NOUN".into(); // tag wrong
        pred[0][1].head = 5; // head wrong
        pred[1][1].deprel = "obl:tmod".into(); // subtype wrong only
        let s = score_syntax(&g, &pred).unwrap().syntax.unwrap();
        assert_eq!(s.upos.correct, 7);
        assert_eq!(s.uas.correct, 7);
        assert_eq!(s.las.correct, 7);
        assert_eq!(s.las_subtype.correct, 6);
        assert!((s.uas.f1 - 7.0 / 8.0).abs() < 1e-12);
        pred[1].pop();
        assert!(score_syntax(&g, &pred).is_err());
    }

    #[test]
    fn raw_text_tokenization_is_aligned_by_characters() {
        // The system keeps "don't" whole, splits nothing else, and sees one
        // sentence where there are two.
        let pred = "# text = I don't know. Go home.\n\
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2\tdon't\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
3\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\
5\tGo\tgo\tVERB\tVB\t_\t3\tparataxis\t_\t_\n\
6\thome\thome\tADV\tRB\t_\t5\tobl:npmod\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n";
        let r = score_conllu(&gold(), &parse_conllu(pred, "p").unwrap()).unwrap();
        assert!(!r.gold_tokens);
        let seg = r.segmentation.unwrap();
        // Tokens: I, don't, know, ., Go, home, . all right.
        let tokens = seg.tokens.unwrap();
        assert_eq!((tokens.tp, tokens.fp, tokens.fn_), (7, 0, 0));
        // Words: do and n't missed, don't spurious.
        assert_eq!((seg.words.tp, seg.words.fp, seg.words.fn_), (6, 1, 2));
        assert_eq!(
            (seg.sentences.tp, seg.sentences.fp, seg.sentences.fn_),
            (0, 1, 2)
        );
        let s = r.syntax.unwrap();
        assert_eq!(s.upos.correct, 6);
        assert_eq!((s.upos.gold, s.upos.predicted), (8, 7));
        // Heads: I→know, know root, .→know, home→Go, .→Go right; Go is
        // attached to know instead of being a root.
        assert_eq!(s.uas.correct, 5);
    }

    #[test]
    fn different_text_is_an_error() {
        let pred = parse_conllu(&GOLD.replace("know\tknow", "knew\tknow"), "p").unwrap();
        let e = score_conllu(&gold(), &pred).unwrap_err();
        assert!(e.to_string().contains("differs"), "{e}");
    }
}
