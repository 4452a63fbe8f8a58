//! Actor-dictionary evidence for the model: per token, which gazetteer
//! names begin at or run through it, and whether it is part of a person
//! title (`President`, `Foreign Minister`).
//!
//! The same function serves prediction (on the pipeline's document) and
//! training (on a document rebuilt from a treebank's gold tokens), so the
//! model learns from exactly the evidence it gets at run time.

use crate::doc::{Doc, RawDoc, Sentence, Span, Token};
use crate::ner::{ActorKind, Gazetteer, GazetteerTag};

use super::data::LabeledDocument;
use super::features::{DictionaryBits, INSIDE_SHIFT, INSTITUTION, OTHER_NAME, TITLE};

/// Longest person title, in tokens (`Chairman of the Joint Chiefs of Staff`
/// is longer, but its first tokens already mark the title).
const MAX_TITLE_TOKENS: usize = 4;

/// The bits of one gazetteer tag.
fn tag_bits(tag: GazetteerTag) -> DictionaryBits {
    let mut bits = 0;
    for kind in ActorKind::ALL {
        if tag.begins(kind) {
            bits |= 1 << kind.index();
        }
        if tag.inside(kind) {
            bits |= 1 << (kind.index() + INSIDE_SHIFT);
        }
    }
    if tag.in_institution() {
        bits |= INSTITUTION;
    }
    if tag.in_other_name() {
        bits |= OTHER_NAME;
    }
    bits
}

/// Dictionary evidence of each token of sentence `sentence` of `doc`.
pub fn dictionary_bits(gazetteer: &Gazetteer, doc: &Doc, sentence: usize) -> Vec<DictionaryBits> {
    let mut bits: Vec<DictionaryBits> = gazetteer
        .token_features(doc, sentence)
        .into_iter()
        .map(tag_bits)
        .collect();
    let Some(s) = doc.sentences.get(sentence) else {
        return bits;
    };
    let words: Vec<&str> = s.tokens.clone().map(|t| doc.token_text(t)).collect();
    mark_titles(gazetteer, &words, &mut bits);
    bits
}

/// Honorifics and titles of people outside the actor dictionary's
/// sectors, which list offices of state (`Foreign Minister`, `General`).
const HONORIFICS: [&str; 22] = [
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Rev",
    "Reverend",
    "Pope",
    "Director",
    "Director-General",
    "Secretary-General",
    "Chairman",
    "Chairwoman",
    "Spokesman",
    "Spokeswoman",
    "Speaker",
    "Judge",
    "Justice",
];

/// Whether `word` is an honorific (`Mr.`, `Dr`) or a title the dictionary
/// does not list.
pub fn is_honorific(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    HONORIFICS.contains(&bare)
}

/// Sets [`TITLE`] on the tokens of every capitalised person title.
fn mark_titles(gazetteer: &Gazetteer, words: &[&str], bits: &mut [DictionaryBits]) {
    let dictionary = gazetteer.dictionary();
    let mut phrase = String::new();
    for start in 0..words.len() {
        if !words[start].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if is_honorific(words[start]) {
            bits[start] |= TITLE;
        }
        phrase.clear();
        for end in start..words.len().min(start + MAX_TITLE_TOKENS) {
            if end > start {
                phrase.push(' ');
            }
            phrase.push_str(words[end]);
            if dictionary.sector_of_title(&phrase).is_some() {
                bits[start..=end].iter_mut().for_each(|b| *b |= TITLE);
            }
        }
    }
}

/// A document whose text is the sentences' words joined by spaces, one
/// sentence per line, with those tokens and sentences: what the
/// gazetteer needs to find names in gold-tokenized text.
pub fn doc_of_words<S: AsRef<str>>(id: &str, sentences: &[&[S]]) -> Doc {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut spans = Vec::new();
    for words in sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        let first = tokens.len();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word.as_ref());
            tokens.push(Token {
                span: Span::new(start, text.len()),
            });
        }
        let span = match (tokens.get(first), tokens.last()) {
            (Some(a), Some(b)) if tokens.len() > first => Span::new(a.span.start, b.span.end),
            _ => Span::new(text.len(), text.len()),
        };
        spans.push(Sentence {
            span,
            tokens: first..tokens.len(),
        });
    }
    let mut doc = Doc::from_raw(RawDoc::new(id, text));
    doc.tokens = tokens;
    doc.sentences = spans;
    doc
}

/// Fills the dictionary evidence of every sentence of treebank documents.
pub fn add_dictionary_bits(gazetteer: &Gazetteer, docs: &mut [LabeledDocument]) {
    for labelled in docs {
        let words: Vec<&[String]> = labelled.sentences.iter().map(|s| &s.words[..]).collect();
        let doc = doc_of_words(&labelled.id, &words);
        for (i, sentence) in labelled.sentences.iter_mut().enumerate() {
            sentence.dictionary = dictionary_bits(gazetteer, &doc, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilt_documents_slice_back_to_their_words() {
        let a: &[&str] = &["Putin", "met", "Pashinyan", "."];
        let b: &[&str] = &["Talks", "ended"];
        let doc = doc_of_words("d", &[a, b]);
        assert_eq!(doc.tokens.len(), 6);
        assert_eq!(doc.token_text(2), "Pashinyan");
        assert_eq!(doc.sentences[1].tokens, 4..6);
        assert_eq!(doc.slice(doc.sentences[1].span), "Talks ended");
    }

    #[test]
    fn countries_capitals_and_titles_are_marked() {
        let gazetteer = Gazetteer::embedded().unwrap();
        let words: &[&str] = &[
            "Russian",
            "President",
            "Vladimir",
            "Putin",
            "flew",
            "to",
            "South",
            "Korea",
            "and",
            "Moscow",
        ];
        let doc = doc_of_words("d", &[words]);
        let bits = dictionary_bits(&gazetteer, &doc, 0);
        let demonym = 1 << ActorKind::Demonym.index();
        let country = 1 << ActorKind::Country.index();
        let capital = 1 << ActorKind::Capital.index();
        assert_ne!(bits[0] & demonym, 0, "Russian");
        assert_ne!(bits[1] & TITLE, 0, "President");
        assert_eq!(bits[2], 0, "Vladimir");
        assert_ne!(bits[6] & country, 0, "South begins South Korea");
        assert_ne!(bits[7] & (country << INSIDE_SHIFT), 0, "Korea continues it");
        assert_ne!(bits[9] & capital, 0, "Moscow");
    }
}
