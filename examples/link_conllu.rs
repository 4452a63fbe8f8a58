//! Prints the triples the rule layer finds on gold dependency trees, to
//! inspect the rules apart from the parser.
//!
//! `cargo run --example link_conllu -- FILE.conllu [DOC_ID_PREFIX] [--evidence]`
//!
//! Each `# newdoc` starts a document; its words (joined by spaces) are the
//! text, the gazetteer supplies the entities, and the gold trees the
//! syntax.

use actant::corpus::conllu::{append_gold_sentence, read_conllu};
use actant::doc::{Doc, RawDoc};
use actant::link::{EventLexicon, LinkConfig, Linker};
use actant::ner::{ActorDictionary, Gazetteer, Recognizer};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: link_conllu FILE.conllu [DOC_ID_PREFIX]"))?;
    let prefix = args.next().unwrap_or_default();
    let evidence = args.next().is_some_and(|a| a == "--evidence");
    let sentences = read_conllu(std::path::Path::new(&path))?;
    let gazetteer = Gazetteer::embedded()?;
    let linker = Linker::new(
        EventLexicon::embedded()?,
        ActorDictionary::embedded()?,
        LinkConfig::default(),
    );
    let mut docs: Vec<Doc> = Vec::new();
    for sentence in &sentences {
        if let Some(id) = &sentence.newdoc {
            docs.push(Doc::from_raw(RawDoc::new(id.clone(), "")));
        }
        if docs.is_empty() {
            docs.push(Doc::from_raw(RawDoc::new("doc", "")));
        }
        let Some(doc) = docs.last_mut() else { continue };
        append_gold_sentence(doc, sentence);
    }
    for mut doc in docs.into_iter().filter(|d| d.id.starts_with(&prefix)) {
        let mut entities = gazetteer.recognize(&doc)?;
        for e in &mut entities {
            e.sentence = doc.sentence_at(e.span.start).unwrap_or(0);
        }
        doc.entities = entities;
        println!("# {}", doc.id);
        for t in linker.link(&doc) {
            println!(
                "{:>3} {} | {} | {} | {} | {} {}{}  [{} {:.2}]",
                t.sentence,
                t.actor.text,
                t.action_lemma,
                t.target.as_ref().map_or("-", |a| a.text.as_str()),
                t.event.as_deref().unwrap_or("-"),
                t.mode.as_str(),
                if t.negated { "negated " } else { "" },
                t.actor.code.as_deref().unwrap_or(""),
                t.rule,
                t.confidence
            );
            if evidence {
                println!("      {}", doc.slice(doc.sentences[t.sentence].span));
            }
        }
    }
    Ok(())
}
