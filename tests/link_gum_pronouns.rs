//! Pronoun resolution measured on GUM dev: for every third-person
//! pronoun that GUM marks as a mention of an entity seen before, whether
//! the antecedent chosen by the link stage lies in a mention of the same
//! entity (GUM's `Entity=` coreference in the MISC column).
//!
//! Gold trees, so the figure measures resolution, not parsing. Two
//! settings: no entity layer (names are known only as proper nouns), and
//! GUM's named mentions standing in for a recognizer. Run with
//! `cargo test --test link_gum_pronouns -- --nocapture` to see the table.

mod common;

use std::collections::HashMap;

use actant::corpus::conllu::{append_gold_sentence, read_conllu, ConlluSentence};
use actant::doc::{Doc, Entity, EntityLabel, RawDoc, Span};
use actant::link::pronoun_links;

/// One GUM mention: entity id and document token range (inclusive).
#[derive(Debug, Clone)]
struct GoldMention {
    entity: String,
    etype: String,
    first: usize,
    last: usize,
}

/// Reads the `Entity=` brackets of one sentence's words, whose first word
/// has document index `base`.
fn sentence_mentions(sentence: &ConlluSentence, base: usize) -> Vec<GoldMention> {
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut out = Vec::new();
    for (w, word) in sentence.words.iter().enumerate() {
        let Some(field) = word.misc_value("Entity") else {
            continue;
        };
        let at = base + w;
        let mut rest = field;
        while !rest.is_empty() {
            if let Some(inner) = rest.strip_prefix('(') {
                let end = inner.find(['(', ')']).unwrap_or(inner.len());
                let content = &inner[..end];
                let mut fields = content.split('-');
                let id = fields.next().unwrap_or("").to_string();
                let etype = fields.next().unwrap_or("").to_string();
                if inner[end..].starts_with(')') {
                    out.push(GoldMention {
                        entity: id,
                        etype,
                        first: at,
                        last: at,
                    });
                    rest = &inner[end + 1..];
                } else {
                    open.push((id, etype, at));
                    rest = &inner[end..];
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(pos) = open.iter().rposition(|(o, _, _)| o == id) {
                    let (entity, etype, first) = open.remove(pos);
                    out.push(GoldMention {
                        entity,
                        etype,
                        first,
                        last: at,
                    });
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    out
}

/// A document with gold trees, and its gold mentions.
fn gum_documents(sentences: &[ConlluSentence], named: bool) -> Vec<(Doc, Vec<GoldMention>)> {
    let mut docs = Vec::new();
    let mut current: Option<(Doc, Vec<GoldMention>)> = None;
    for sentence in sentences {
        if sentence.newdoc.is_some() || current.is_none() {
            docs.extend(current.take());
            let id = sentence.newdoc.clone().unwrap_or_default();
            current = Some((Doc::from_raw(RawDoc::new(id, "")), Vec::new()));
        }
        let Some((doc, gold)) = current.as_mut() else {
            continue;
        };
        let first = append_gold_sentence(doc, sentence);
        let index = doc.sentences.len() - 1;
        let mentions = sentence_mentions(sentence, first);
        if named {
            add_named_entities(doc, sentence, first, index, &mentions);
        }
        gold.extend(mentions);
    }
    docs.extend(current);
    docs
}

/// GUM's named mentions as an entity layer: the proper-noun words of a
/// mention of a person, place or organisation, labelled accordingly.
fn add_named_entities(
    doc: &mut Doc,
    sentence: &ConlluSentence,
    base: usize,
    index: usize,
    mentions: &[GoldMention],
) {
    let mut entities: Vec<Entity> = Vec::new();
    for m in mentions {
        let label = match m.etype.as_str() {
            "person" => EntityLabel::Per,
            "place" => EntityLabel::Loc,
            "organization" => EntityLabel::Org,
            _ => continue,
        };
        let propn: Vec<usize> = (m.first..=m.last)
            .filter(|&t| sentence.words[t - base].upos == "PROPN")
            .collect();
        let (Some(&f), Some(&l)) = (propn.first(), propn.last()) else {
            continue;
        };
        if propn.len() != l - f + 1 {
            continue;
        }
        let span = Span::new(doc.tokens[f].span.start, doc.tokens[l].span.end);
        if entities.iter().any(|e| e.span.overlaps(&span)) {
            continue;
        }
        entities.push(Entity {
            span,
            sentence: index,
            label,
            score: 1.0,
            source: "gum",
            code: None,
            canonical: None,
        });
    }
    entities.sort_by_key(|e| e.span.start);
    doc.entities.extend(entities);
}

/// (correct, total) over the pronouns GUM links to an earlier mention.
fn score(docs: &[(Doc, Vec<GoldMention>)]) -> (usize, usize) {
    let actors = actant::ner::ActorDictionary::embedded().expect("actor dictionary");
    let (mut correct, mut total) = (0, 0);
    for (doc, gold) in docs {
        let mut single: HashMap<usize, &str> = HashMap::new();
        for m in gold.iter().filter(|m| m.first == m.last) {
            single.insert(m.first, &m.entity);
        }
        for link in pronoun_links(doc, &actors) {
            let Some(entity) = single.get(&link.pronoun) else {
                continue;
            };
            let seen_before = gold
                .iter()
                .any(|m| m.entity == *entity && m.last < link.pronoun);
            if !seen_before {
                continue;
            }
            total += 1;
            let right = link.antecedent.is_some_and(|a| {
                gold.iter()
                    .any(|m| m.entity == *entity && m.first <= a && a <= m.last)
            });
            correct += usize::from(right);
            if !right && std::env::var_os("GUM_ERRORS").is_some() {
                let ctx = |t: usize| {
                    let s = doc.sentence_at(doc.tokens[t].span.start).unwrap_or(0);
                    doc.slice(doc.sentences[s].span).to_string()
                };
                eprintln!(
                    "PRON {} -> {:?}\n  {}\n  ant: {}",
                    doc.slice(doc.tokens[link.pronoun].span),
                    link.antecedent.map(|a| doc.slice(doc.tokens[a].span)),
                    ctx(link.pronoun),
                    link.antecedent.map(ctx).unwrap_or_default()
                );
            }
        }
    }
    (correct, total)
}

#[test]
fn pronoun_resolution_on_gum_dev() {
    let Some(path) = common::shared_data("gum/en_gum-ud-dev.conllu") else {
        return;
    };
    let sentences = read_conllu(&path).expect("GUM dev reads");
    let mut rows = Vec::new();
    for (setting, named) in [
        ("no entity layer", false),
        ("GUM named mentions as entities", true),
    ] {
        let docs = gum_documents(&sentences, named);
        let (correct, total) = score(&docs);
        let accuracy = correct as f64 / total.max(1) as f64;
        println!("GUM dev pronoun accuracy ({setting}): {correct}/{total} = {accuracy:.3}");
        rows.push((total, accuracy));
    }
    // Most third-person pronouns of GUM dev have an earlier mention.
    assert!(rows[0].0 > 300, "too few pronouns scored: {}", rows[0].0);
    // Floors a little under the measured figures, so a regression fails.
    assert!(
        rows[0].1 >= 0.50,
        "accuracy {:.3} without entities",
        rows[0].1
    );
    assert!(
        rows[1].1 >= 0.50,
        "accuracy {:.3} with named entities",
        rows[1].1
    );
}

#[test]
fn entity_brackets_open_close_and_nest() {
    let text = "# sent_id = x\n1\tByron\tByron\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(3-person-new-sssss-cf1-1-coref)\n2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n3\this\this\tPRON\tPRP$\t_\t4\tnmod:poss\t_\tEntity=(1-abstract-new-x-y(3-person-giv-z)\n4\thome\thome\tNOUN\tNN\t_\t2\tobj\t_\tEntity=1)\n\n";
    let sentences = actant::corpus::conllu::parse_conllu(text, "t").unwrap();
    let mut m = sentence_mentions(&sentences[0], 10);
    m.sort_by_key(|m| (m.first, m.last));
    let found: Vec<(String, usize, usize)> = m
        .iter()
        .map(|m| (m.entity.clone(), m.first, m.last))
        .collect();
    assert_eq!(
        found,
        vec![
            ("3".to_string(), 10, 10),
            ("3".to_string(), 12, 12),
            ("1".to_string(), 12, 13)
        ]
    );
}
