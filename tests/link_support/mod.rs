//! Helpers for the link-stage tests: documents built by hand from
//! CoNLL-U-like rows, and a small actor table.

#![allow(dead_code)]

use std::sync::Arc;

use actant::doc::{Doc, Entity, EntityLabel, RawDoc, Sentence, Span, Token, TokenSyntax, Triple};
use actant::link::{ActorLookup, ActorName, EventLexicon, LinkConfig, Linker, NameKind};

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

/// A hand-made actor table with the names the tests use.
#[derive(Debug, Default)]
pub struct TableActors {
    names: Vec<(
        &'static str,
        NameKind,
        &'static str,
        &'static str,
        &'static str,
    )>,
    nouns: Vec<(&'static str, &'static str)>,
    titles: Vec<(&'static str, &'static str)>,
}

impl TableActors {
    /// The table: a few countries, capitals, seats, demonyms, IGOs and
    /// groups, with sector nouns and titles.
    pub fn news() -> Self {
        use NameKind::*;
        let mut names = Vec::new();
        for (country, code, capital, demonyms) in [
            ("Russia", "RUS", "Moscow", &["Russian", "Russians"][..]),
            ("Armenia", "ARM", "Yerevan", &["Armenian", "Armenians"]),
            (
                "Azerbaijan",
                "AZE",
                "Baku",
                &["Azerbaijani", "Azeri", "Azerbaijanis"],
            ),
            ("Turkey", "TUR", "Ankara", &["Turkish", "Turks"]),
            ("Ukraine", "UKR", "Kyiv", &["Ukrainian", "Ukrainians"]),
            ("Israel", "ISR", "Jerusalem", &["Israeli", "Israelis"]),
            ("Iran", "IRN", "Tehran", &["Iranian", "Iranians"]),
            ("Syria", "SYR", "Damascus", &["Syrian", "Syrians"]),
            (
                "United States",
                "USA",
                "Washington",
                &["American", "Americans"],
            ),
            ("Libya", "LBY", "Tripoli", &["Libyan", "Libyans"]),
            ("Sudan", "SDN", "Khartoum", &["Sudanese"]),
            ("Mali", "MLI", "Bamako", &["Malian"]),
            ("Niger", "NER", "Niamey", &["Nigerien"]),
            ("China", "CHN", "Beijing", &["Chinese"]),
        ] {
            names.push((country, Country, code, code, country));
            names.push((capital, Capital, code, leak(format!("{code}GOV")), capital));
            for d in demonyms {
                names.push((*d, Demonym, code, code, country));
            }
        }
        names.extend([
            ("U.S.", Country, "USA", "USA", "United States"),
            ("Kremlin", Seat, "RUS", "RUSGOV", "Kremlin"),
            ("Pentagon", Seat, "USA", "USAMIL", "Pentagon"),
            ("Lachin", City, "AZE", "AZE", "Lachin"),
            ("Sotk", City, "ARM", "ARM", "Sotk"),
            ("Gyumri", City, "ARM", "ARM", "Gyumri"),
            ("Stepanakert", City, "AZE", "AZE", "Stepanakert"),
            ("Gaza", Territory, "PSE", "PSE", "Gaza"),
            ("El Fasher", City, "SDN", "SDN", "El Fasher"),
            (
                "Nagorno-Karabakh",
                Territory,
                "XNK",
                "XNK",
                "Nagorno-Karabakh",
            ),
            (
                "NATO",
                Igo,
                "IGO",
                "IGOMIL",
                "North Atlantic Treaty Organization",
            ),
            ("European Union", Igo, "IGO", "IGO", "European Union"),
            ("EU", Igo, "IGO", "IGO", "European Union"),
            ("UN", Igo, "IGO", "IGO", "United Nations"),
            (
                "Organization for Security and Co-operation in Europe",
                Igo,
                "IGO",
                "IGO",
                "OSCE",
            ),
            ("Hamas", Group, "PSEREB", "PSEREB", "Hamas"),
            (
                "Rapid Support Forces",
                Group,
                "SDNREB",
                "SDNREB",
                "Rapid Support Forces",
            ),
            ("RSF", Group, "SDNREB", "SDNREB", "Rapid Support Forces"),
            ("Houthis", Group, "YEMREB", "YEMREB", "Houthis"),
            ("Houthi", Group, "YEMREB", "YEMREB", "Houthis"),
        ]);
        TableActors {
            names,
            nouns: vec![
                ("troops", "MIL"),
                ("forces", "MIL"),
                ("special forces", "MIL"),
                ("army", "MIL"),
                ("soldiers", "MIL"),
                ("units", "MIL"),
                ("defense ministry", "MIL"),
                ("ministry", "GOV"),
                ("foreign ministry", "GOV"),
                ("government", "GOV"),
                ("authorities", "GOV"),
                ("spokesman", "GOV"),
                ("spokeswoman", "GOV"),
                ("minister", "GOV"),
                ("peacekeepers", "PKO"),
                ("fighters", "REB"),
                ("rebels", "REB"),
                ("police", "COP"),
                ("border guards", "COP"),
                ("reporters", "MED"),
                ("protesters", "OPP"),
            ],
            titles: vec![
                ("Foreign Minister", "GOV"),
                ("Defense Minister", "MIL"),
                ("President", "GOV"),
                ("Prime Minister", "GOV"),
                ("Gen.", "MIL"),
            ],
        }
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl ActorLookup for TableActors {
    fn name(&self, text: &str) -> Option<ActorName> {
        let text = text.trim();
        let text = text.strip_prefix("the ").unwrap_or(text);
        self.names
            .iter()
            .find(|(n, ..)| *n == text)
            .map(|&(_, kind, owner, code, canonical)| ActorName {
                kind,
                owner: owner.to_string(),
                code: code.to_string(),
                canonical: canonical.to_string(),
            })
    }

    fn noun_sector(&self, noun: &str) -> Option<&str> {
        let noun = noun.trim().to_lowercase();
        self.nouns.iter().find(|(n, _)| *n == noun).map(|(_, s)| *s)
    }

    fn title_sector(&self, title: &str) -> Option<&str> {
        let title = title.trim().to_lowercase();
        self.titles
            .iter()
            .find(|(t, _)| t.to_lowercase() == title)
            .map(|(_, s)| *s)
    }
}

/// A linker over the shipped lexicon and the test actor table.
pub fn linker() -> Linker {
    Linker::new(
        EventLexicon::embedded().expect("embedded lexicon"),
        Arc::new(TableActors::news()),
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
