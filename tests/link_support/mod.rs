//! Helpers for the link-stage tests: documents built by hand from
//! CoNLL-U-like rows, and a linker over the shipped lexicons.

#![allow(dead_code)]

use actant::doc::{Doc, Entity, EntityLabel, RawDoc, Sentence, Span, Token, TokenSyntax, Triple};
use actant::link::{EventLexicon, LinkConfig, Linker};
use actant::ner::ActorDictionary;

/// Builds a parsed, recognized document from rows, one token per line:
///
/// ```text
/// form lemma UPOS XPOS head deprel [B-LOC|I-LOC|O]
/// ```
///
/// `head` is 1-based within the sentence (0 = root); a blank line ends a
/// sentence; lines starting with `#` are comments. The text joins the
/// forms with spaces, without a space before punctuation and clitics.
pub fn doc(rows: &str) -> Doc {
    let mut text = String::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut syntax = Vec::new();
    let mut sentences = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut first = 0;
    let mut no_space_next = false;
    for line in rows.lines().map(str::trim).chain(std::iter::once("")) {
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            if tokens.len() > first {
                let span = Span::new(
                    tokens[first].span.start,
                    tokens.last().map_or(0, |t: &Token| t.span.end),
                );
                sentences.push(Sentence {
                    span,
                    tokens: first..tokens.len(),
                });
                first = tokens.len();
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(cols.len() >= 6, "bad row `{line}`");
        let form = cols[0];
        let glued = matches!(
            form,
            "," | "." | "'s" | "’s" | "n't" | ":" | ";" | ")" | "?" | "!" | "”" | "'"
        );
        if !text.is_empty() && !glued && !no_space_next {
            text.push(' ');
        }
        no_space_next = matches!(form, "“" | "(");
        let start = text.len();
        text.push_str(form);
        tokens.push(Token {
            span: Span::new(start, text.len()),
        });
        syntax.push(TokenSyntax {
            upos: cols[2].to_string(),
            xpos: cols[3].to_string(),
            lemma: cols[1].to_string(),
            head: cols[4]
                .parse()
                .unwrap_or_else(|_| panic!("bad head in `{line}`")),
            deprel: cols[5].to_string(),
        });
        tags.push(cols.get(6).copied().unwrap_or("O").to_string());
    }
    let mut doc = Doc::from_raw(RawDoc::new("t", text));
    doc.tokens = tokens;
    doc.syntax = syntax;
    doc.sentences = sentences;
    let mut open: Option<(usize, usize, EntityLabel)> = None;
    let mut entities = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let continues =
            tag.starts_with("I-") && open.is_some_and(|(_, _, l)| tag[2..].parse() == Ok(l));
        if continues {
            if let Some(o) = open.as_mut() {
                o.1 = i;
            }
            continue;
        }
        if let Some((s, e, label)) = open.take() {
            entities.push((s, e, label));
        }
        if let Some(label) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) {
            open = Some((i, i, label.parse().expect("entity label")));
        }
    }
    entities.extend(open);
    doc.entities = entities
        .into_iter()
        .map(|(s, e, label)| {
            let span = Span::new(doc.tokens[s].span.start, doc.tokens[e].span.end);
            Entity {
                span,
                sentence: doc.sentence_at(span.start).unwrap_or(0),
                label,
                score: 0.9,
                source: "test",
                code: None,
                canonical: None,
            }
        })
        .collect();
    doc
}

/// A linker over the shipped lexicon and actor dictionary.
pub fn linker() -> Linker {
    Linker::new(
        EventLexicon::embedded().expect("embedded lexicon"),
        ActorDictionary::embedded().expect("embedded actor dictionary"),
        LinkConfig::default(),
    )
}

/// A triple as the tests write it: `actor | action | target | EVENT`,
/// with ` | negated` and ` | mode` appended when not the default.
pub fn render(t: &Triple) -> String {
    let mut out = format!(
        "{} | {} | {} | {}",
        t.actor.text,
        t.action_lemma,
        t.target.as_ref().map_or("-", |a| a.text.as_str()),
        t.event.as_deref().unwrap_or("-"),
    );
    if t.negated {
        out.push_str(" | negated");
    }
    if t.mode != actant::doc::Mode::Asserted {
        out.push_str(" | ");
        out.push_str(t.mode.as_str());
    }
    out
}
