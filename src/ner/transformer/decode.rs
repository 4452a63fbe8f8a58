//! From logits to entity spans: word pieces into words (each word takes
//! the label of its first piece), words into entities (BIO/BIOES), and the
//! entities of overlapping windows into one list.
//!
//! On BIO models this is what Hugging Face's token-classification pipeline
//! does with `aggregation_strategy="first"` and a `stride`: the score of a
//! word is the probability of its first piece's label, the score of an
//! entity the mean over its words, and where entities from two windows
//! overlap the longer one (in characters) wins, the higher score on a tie.
//! Unlike Hugging Face, `E-`/`S-` labels close an entity.

use std::ops::Range;

use super::labels::{Boundary, LabelScheme, Tag};
use super::tokenizer::Pieces;
use crate::doc::Span;

/// An entity found by the model, before it becomes an [`crate::Entity`].
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte span in the text.
    pub span: Span,
    /// Entity type, an index into [`LabelScheme::kinds`].
    pub kind: usize,
    /// Mean over the words of the first piece's label probability.
    pub score: f32,
}

/// One word: its span, label id and that label's probability.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Word {
    span: Span,
    label: usize,
    score: f32,
}

/// The mentions of one window. `logits` holds one row of `labels.len()`
/// values per piece of `range` (the special tokens' rows removed).
pub fn decode_window(
    pieces: &Pieces,
    range: Range<usize>,
    logits: &[f32],
    labels: &LabelScheme,
) -> Vec<Mention> {
    let words = words(pieces, range, logits, labels.len());
    group(&words, labels)
}

/// Words of a window, labelled by their first piece. The first piece of a
/// window starts a word even inside a word of the text, as in Hugging Face.
fn words(pieces: &Pieces, range: Range<usize>, logits: &[f32], n_labels: usize) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut open = false;
    for (row, piece) in range.enumerate() {
        if pieces.special[piece] {
            open = false;
            continue;
        }
        let (start, end) = pieces.offsets[piece];
        if open && !pieces.word_start[piece] {
            if let Some(word) = words.last_mut() {
                word.span.end = end;
            }
            continue;
        }
        let scores = &logits[row * n_labels..(row + 1) * n_labels];
        let (label, score) = best_label(scores);
        words.push(Word {
            span: Span::new(start, end),
            label,
            score,
        });
        open = true;
    }
    words
}

/// The arg-max label (the first on a tie) and its softmax probability.
fn best_label(logits: &[f32]) -> (usize, f32) {
    let mut best = 0;
    for (i, &x) in logits.iter().enumerate() {
        if x > logits[best] {
            best = i;
        }
    }
    let max = logits[best];
    let total: f32 = logits.iter().map(|&x| (x - max).exp()).sum();
    (best, 1.0 / total)
}

/// Groups labelled words into mentions.
fn group(words: &[Word], labels: &LabelScheme) -> Vec<Mention> {
    let mut out = Vec::new();
    // The open entity: its type, span, score sum and word count.
    let mut open: Option<(usize, Span, f32, usize)> = None;
    let close = |open: &mut Option<(usize, Span, f32, usize)>, out: &mut Vec<Mention>| {
        if let Some((kind, span, sum, n)) = open.take() {
            out.push(Mention {
                span,
                kind,
                score: sum / n as f32,
            });
        }
    };
    for word in words {
        let Tag::Entity { boundary, kind } = labels.tags[word.label] else {
            close(&mut open, &mut out);
            continue;
        };
        let continues = matches!(boundary, Boundary::Inside | Boundary::End)
            && open.is_some_and(|(k, ..)| k == kind);
        if continues {
            if let Some((_, span, sum, n)) = open.as_mut() {
                span.end = word.span.end;
                *sum += word.score;
                *n += 1;
            }
        } else {
            close(&mut open, &mut out);
            open = Some((kind, word.span, word.score, 1));
        }
        if matches!(boundary, Boundary::End | Boundary::Single) {
            close(&mut open, &mut out);
        }
    }
    close(&mut open, &mut out);
    out
}

/// Joins the mentions of a text's windows (in window order). Where two
/// overlap, the longer in characters of `text` wins, then the higher score,
/// then the earlier window.
pub fn merge_windows(text: &str, windows: Vec<Vec<Mention>>) -> Vec<Mention> {
    if windows.len() <= 1 {
        return windows.into_iter().flatten().collect();
    }
    let mut all: Vec<Mention> = windows.into_iter().flatten().collect();
    all.sort_by_key(|m| m.span.start); // stable: window order among equal starts
    let chars = |m: &Mention| text[m.span.range()].chars().count();
    let mut out: Vec<Mention> = Vec::new();
    let mut kept: Option<Mention> = None;
    for mention in all {
        match kept.take() {
            Some(previous)
                if previous.span.start <= mention.span.start
                    && mention.span.start < previous.span.end =>
            {
                let (now, before) = (chars(&mention), chars(&previous));
                let wins = now > before || (now == before && mention.score > previous.score);
                kept = Some(if wins { mention } else { previous });
            }
            Some(previous) => {
                out.push(previous);
                kept = Some(mention);
            }
            None => kept = Some(mention),
        }
    }
    out.extend(kept);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;

    fn scheme(names: &[&str]) -> LabelScheme {
        let map: serde_json::Map<String, serde_json::Value> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (i.to_string(), serde_json::Value::from(*n)))
            .collect();
        LabelScheme::from_id2label(&serde_json::Value::Object(map), &Location::new("t")).unwrap()
    }

    /// Words of one letter each at bytes 2i..2i+1, labelled as given.
    fn labelled(tags: &[usize]) -> Vec<Word> {
        tags.iter()
            .enumerate()
            .map(|(i, &label)| Word {
                span: Span::new(2 * i, 2 * i + 1),
                label,
                score: 0.5 + i as f32 / 100.0,
            })
            .collect()
    }

    fn spans(mentions: &[Mention]) -> Vec<(usize, usize, usize)> {
        mentions
            .iter()
            .map(|m| (m.kind, m.span.start, m.span.end))
            .collect()
    }

    #[test]
    fn bio_grouping_follows_hugging_face() {
        // O B-PER I-PER I-LOC O I-PER I-PER B-PER B-PER
        let s = scheme(&["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]);
        let m = group(&labelled(&[0, 1, 2, 4, 0, 2, 2, 1, 1]), &s);
        assert_eq!(
            spans(&m),
            vec![(0, 2, 5), (1, 6, 7), (0, 10, 13), (0, 14, 15), (0, 16, 17)]
        );
        assert!((m[0].score - (0.51 + 0.52) / 2.0).abs() < 1e-6);
    }

    #[test]
    fn bioes_closes_entities() {
        // S-PER E-PER | B-PER E-PER I-PER | S-PER S-PER | E-LOC
        let s = scheme(&["O", "B-PER", "I-PER", "E-PER", "S-PER", "E-LOC"]);
        let m = group(&labelled(&[4, 3, 1, 3, 2, 4, 4, 5]), &s);
        assert_eq!(
            spans(&m),
            vec![
                (0, 0, 1),
                (0, 2, 3),
                (0, 4, 7),
                (0, 8, 9),
                (0, 10, 11),
                (0, 12, 13),
                (1, 14, 15)
            ]
        );
    }

    #[test]
    fn words_take_their_first_piece_label() {
        // "Aliyev met": Ali ##yev met ; labels 1 (B-PER), 0, 0.
        let pieces = Pieces {
            ids: vec![1, 2, 3],
            offsets: vec![(0, 3), (3, 6), (7, 10)],
            word_start: vec![true, false, true],
            special: vec![false; 3],
        };
        let logits = [0.0, 5.0, 9.0, 0.0, 9.0, 0.0];
        let s = scheme(&["O", "B-PER"]);
        let m = decode_window(&pieces, 0..3, &logits, &s);
        assert_eq!(spans(&m), vec![(0, 0, 6)]);
        let p = 1.0 / (1.0 + (-5.0f32).exp());
        assert!((m[0].score - p).abs() < 1e-6);
        // A window starting inside the word treats `##yev` as a word.
        let m = decode_window(&pieces, 1..3, &logits[2..], &s);
        assert!(m.is_empty());
    }

    #[test]
    fn ties_pick_the_first_label() {
        assert_eq!(best_label(&[1.0, 3.0, 3.0]).0, 1);
        assert!((best_label(&[2.0, 2.0]).1 - 0.5).abs() < 1e-7);
    }

    #[test]
    fn overlapping_windows_keep_the_longer_mention() {
        let text = "Nikol Pashinyan met Ilham Aliyev";
        let m = |s: usize, e: usize, score: f32| Mention {
            span: Span::new(s, e),
            kind: 0,
            score,
        };
        let merged = merge_windows(
            text,
            vec![
                vec![m(0, 5, 0.9), m(20, 25, 0.7)],
                vec![m(0, 15, 0.6), m(20, 25, 0.8), m(26, 32, 0.5)],
            ],
        );
        assert_eq!(merged, vec![m(0, 15, 0.6), m(20, 25, 0.8), m(26, 32, 0.5)]);
    }

    #[test]
    fn overlap_lengths_count_characters_not_bytes() {
        // "Şuşa" is 4 characters in 6 bytes; "Agdam" 5 in 5.
        let text = "Şuşa Agdam";
        let a = Mention {
            span: Span::new(0, 6),
            kind: 0,
            score: 0.9,
        };
        let b = Mention {
            span: Span::new(0, 6),
            kind: 1,
            score: 0.5,
        };
        let merged = merge_windows(text, vec![vec![a.clone()], vec![b]]);
        assert_eq!(merged, vec![a]);
        let long = Mention {
            span: Span::new(3, 12),
            kind: 1,
            score: 0.1,
        };
        let short = Mention {
            span: Span::new(0, 6),
            kind: 0,
            score: 0.9,
        };
        let merged = merge_windows(text, vec![vec![short], vec![long.clone()]]);
        assert_eq!(merged, vec![long]);
    }
}
