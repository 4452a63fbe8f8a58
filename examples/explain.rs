//! Shows, sentence by sentence, what the pipeline sees: each word with its
//! tag, lemma, head and relation, the entities, and the triples the rule
//! layer draws, to inspect why a triple was or was not found.
//!
//! `cargo run --release --example explain -- FILE.txt [WORD]`
//!
//! With WORD, only sentences containing it are shown.

use actant::doc::RawDoc;
use actant::Pipeline;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: explain FILE.txt [WORD]"))?;
    let filter = args.next();
    let text = std::fs::read_to_string(&path)?;
    let pipeline = Pipeline::builder().build()?;
    let doc = pipeline.process(&RawDoc::new(path.clone(), text))?;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words: Vec<&str> = sentence.tokens.clone().map(|t| doc.token_text(t)).collect();
        if filter
            .as_ref()
            .is_some_and(|w| !words.contains(&w.as_str()))
        {
            continue;
        }
        println!("# sentence {s}: {}", words.join(" "));
        for (i, t) in sentence.tokens.clone().enumerate() {
            let x = &doc.syntax[t];
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                words[i],
                x.upos,
                x.xpos,
                x.lemma,
                x.head,
                x.deprel
            );
        }
        for e in doc.entities.iter().filter(|e| e.sentence == s) {
            println!(
                "  entity {:?} {:?}",
                &doc.text[e.span.start..e.span.end],
                e.label
            );
        }
        for t in doc.triples.iter().filter(|t| t.sentence == s) {
            println!(
                "  triple {} | {} | {} | {:?} ({})",
                t.actor.text,
                t.action_lemma,
                t.target.as_ref().map_or("", |a| a.text.as_str()),
                t.event,
                t.rule
            );
        }
        println!();
    }
    Ok(())
}
