//! Arguments are actors: names, dictionary actors, coded groups, people
//! with titles; pronouns and descriptions resolved to their antecedents,
//! with the antecedent's text and the pronoun's offsets.

mod link_support;

use link_support::{doc, linker, render};

/// What one triple of a case must show: `(rendered triple, actor as
/// written at its offsets, actor code, target code)`.
struct Case {
    name: &'static str,
    rows: &'static str,
    expected: &'static [(&'static str, &'static str, &'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        name: "a proper noun the recognizer missed is still an argument",
        rows: "
            Rebels rebel NOUN NNS 2 nsubj O
            captured capture VERB VBD 0 root
            Thandwe Thandwe PROPN NNP 2 obj O
            on on ADP IN 5 case
            Saturday Saturday PROPN NNP 2 obl O
            . . PUNCT . 2 punct

            The the DET DT 2 det
            Arakan Arakan PROPN NNP 3 compound B-ORG
            Army Army PROPN NNP 4 nsubj I-ORG
            seized seize VERB VBD 0 root
            Gwa Gwa PROPN NNP 4 obj O
            . . PUNCT . 4 punct",
        expected: &[(
            "Arakan Army | seize | Gwa | COERCE",
            "Arakan Army",
            "MMRREB",
            "",
        )],
    },
    Case {
        name: "pronoun subject resolved to the name in the previous sentence",
        rows: "
            Mammadli Mammadli PROPN NNP 2 nsubj B-PER
            spoke speak VERB VBD 0 root
            to to ADP IN 4 case
            reporters reporter NOUN NNS 2 obl
            . . PUNCT . 2 punct

            He he PRON PRP 2 nsubj
            met meet VERB VBD 0 root
            Aydın Aydın PROPN NNP 2 obj B-PER
            . . PUNCT . 2 punct",
        expected: &[("Mammadli | meet | Aydın | CONSULT", "He", "", "")],
    },
    Case {
        name: "a pronoun skips names that disagree in gender and animacy",
        rows: "
            Mary Mary PROPN NNP 3 nsubj B-PER
            Lang Lang PROPN NNP 1 flat I-PER
            visited visit VERB VBD 0 root
            Sergei Sergei PROPN NNP 3 obj B-PER
            Orlov Orlov PROPN NNP 4 flat I-PER
            in in ADP IN 7 case
            Moscow Moscow PROPN NNP 3 obl B-LOC
            . . PUNCT . 3 punct

            She she PRON PRP 2 nsubj
            accused accuse VERB VBD 0 root
            him he PRON PRP 2 obj
            . . PUNCT . 2 punct",
        expected: &[
            (
                "Mary Lang | visit | Sergei Orlov | CONSULT",
                "Mary Lang",
                "",
                "",
            ),
            ("Mary Lang | accuse | Sergei Orlov | ACCUSE", "She", "", ""),
        ],
    },
    Case {
        name: "definite description resolved to the body it names",
        rows: "
            Azerbaijan Azerbaijan PROPN NNP 4 nmod:poss B-LOC
            's 's PART POS 1 case
            Defense Defense PROPN NNP 4 compound B-ORG
            Ministry Ministry PROPN NNP 5 nsubj I-ORG
            accused accuse VERB VBD 0 root
            Armenia Armenia PROPN NNP 5 obj B-LOC
            . . PUNCT . 5 punct

            The the DET DT 2 det
            ministry ministry NOUN NN 4 nsubj
            also also ADV RB 4 advmod
            accused accuse VERB VBD 0 root
            Yerevan Yerevan PROPN NNP 4 obj B-LOC
            . . PUNCT . 4 punct",
        expected: &[
            (
                "Azerbaijan's Defense Ministry | accuse | Armenia | ACCUSE",
                "Azerbaijan's Defense Ministry",
                "AZEMIL",
                "ARM",
            ),
            (
                "Azerbaijan's Defense Ministry | accuse | Yerevan | ACCUSE",
                "The ministry",
                "AZEMIL",
                "ARMGOV",
            ),
        ],
    },
    Case {
        name: "a plural description gives one row per referent",
        rows: "
            Russia Russia PROPN NNP 2 nsubj B-LOC
            called call VERB VBD 0 root
            on on ADP IN 4 case
            Armenia Armenia PROPN NNP 2 obl B-LOC
            and and CCONJ CC 6 cc
            Azerbaijan Azerbaijan PROPN NNP 4 conj B-LOC
            . . PUNCT . 2 punct

            Both both DET DT 2 det
            countries country NOUN NNS 3 nsubj
            rejected reject VERB VBD 0 root
            Russia Russia PROPN NNP 3 obj B-LOC
            . . PUNCT . 3 punct",
        expected: &[
            (
                "Russia | call on | Armenia | REQUEST",
                "Russia",
                "RUS",
                "ARM",
            ),
            (
                "Russia | call on | Azerbaijan | REQUEST",
                "Russia",
                "RUS",
                "AZE",
            ),
            (
                "Azerbaijan | reject | Russia | REJECT",
                "Both countries",
                "AZE",
                "RUS",
            ),
            (
                "Armenia | reject | Russia | REJECT",
                "Both countries",
                "ARM",
                "RUS",
            ),
        ],
    },
    Case {
        name:
            "possessive pronoun with a sector noun stands for its antecedent, coded with the sector",
        rows: "
            Russia Russia PROPN NNP 2 nsubj B-LOC
            said say VERB VBD 0 root
            its its PRON PRP$ 4 nmod:poss
            troops troop NOUN NNS 5 nsubj
            attacked attack VERB VBD 2 ccomp
            Kharkiv Kharkiv PROPN NNP 5 obj B-LOC
            . . PUNCT . 2 punct",
        expected: &[(
            "Russia | attack | Kharkiv | ASSAULT | reported",
            "its",
            "RUSMIL",
            "UKR",
        )],
    },
    Case {
        name: "a person coded from nationality and title",
        rows: "
            Azerbaijani Azerbaijani ADJ JJ 3 amod B-MISC
            Foreign Foreign PROPN NNP 3 compound
            Minister Minister PROPN NNP 4 compound
            Rauf Rauf PROPN NNP 6 nsubj B-PER
            Mammadli Mammadli PROPN NNP 4 flat I-PER
            briefed brief VERB VBD 0 root
            NATO NATO PROPN NNP 6 obj B-ORG
            . . PUNCT . 6 punct",
        expected: &[(
            "Rauf Mammadli | brief | NATO | STATEMENT",
            "Rauf Mammadli",
            "AZEGOV",
            "IGOMIL",
        )],
    },
    Case {
        name: "a spokesman coded from the seat of government",
        rows: "
            Kremlin Kremlin PROPN NNP 2 compound B-ORG
            spokesman spokesman NOUN NN 3 compound
            Dmitry Dmitry PROPN NNP 5 nsubj B-PER
            Sorokin Sorokin PROPN NNP 3 flat I-PER
            told tell VERB VBD 0 root
            Baku Baku PROPN NNP 5 obj B-LOC
            . . PUNCT . 5 punct",
        expected: &[(
            "Dmitry Sorokin | tell | Baku | STATEMENT",
            "Dmitry Sorokin",
            "RUSGOV",
            "AZEGOV",
        )],
    },
    Case {
        name: "coded groups keep their compound sector noun and drop quantities",
        rows: "
            About about ADV RB 2 advmod
            300 300 NUM CD 5 nummod
            Azerbaijani Azerbaijani ADJ JJ 5 amod B-MISC
            special special ADJ JJ 5 amod
            forces force NOUN NNS 6 nsubj
            attacked attack VERB VBD 0 root
            Armenian Armenian ADJ JJ 8 amod B-MISC
            positions position NOUN NNS 6 obj
            . . PUNCT . 6 punct",
        expected: &[(
            "Azerbaijani special forces | attack | Armenian positions | ASSAULT",
            "Azerbaijani special forces",
            "AZEMIL",
            "ARM",
        )],
    },
    Case {
        name: "a unique organisation name stands alone",
        rows: "
            Sudan Sudan PROPN NNP 6 nmod:poss B-LOC
            's 's PART POS 1 case
            paramilitary paramilitary ADJ JJ 6 amod
            Rapid Rapid PROPN NNP 6 compound B-ORG
            Support Support PROPN NNP 6 compound I-ORG
            Forces Forces PROPN NNPS 7 nsubj I-ORG
            seized seize VERB VBD 0 root
            Khartoum Khartoum PROPN NNP 7 obj B-LOC
            . . PUNCT . 7 punct",
        expected: &[(
            "Rapid Support Forces | seize | Khartoum | COERCE",
            "Rapid Support Forces",
            "SDNREB",
            "SDNGOV",
        )],
    },
    Case {
        name: "dictionary actors the recognizer missed",
        rows: "
            Baku Baku PROPN NNP 2 nsubj
            accused accuse VERB VBD 0 root
            the the DET DT 4 det
            Kremlin Kremlin PROPN NNP 2 obj
            . . PUNCT . 2 punct",
        expected: &[(
            "Baku | accuse | Kremlin | ACCUSE",
            "Baku",
            "AZEGOV",
            "RUSGOV",
        )],
    },
    Case {
        name: "generic nouns without a named modifier are not actors",
        rows: "
            Protesters protester NOUN NNS 2 nsubj
            attacked attack VERB VBD 0 root
            the the DET DT 4 det
            police police NOUN NN 2 obj
            . . PUNCT . 2 punct",
        expected: &[],
    },
];

#[test]
fn arguments_resolve_to_actors() {
    let linker = linker();
    let mut failures = Vec::new();
    for case in CASES {
        let doc = doc(case.rows);
        let triples = linker.link(&doc);
        let got: Vec<(String, String, String, String)> = triples
            .iter()
            .map(|t| {
                (
                    render(t),
                    doc.slice(t.actor.span).to_string(),
                    t.actor.code.clone().unwrap_or_default(),
                    t.target
                        .as_ref()
                        .and_then(|a| a.code.clone())
                        .unwrap_or_default(),
                )
            })
            .collect();
        let want: Vec<(String, String, String, String)> = case
            .expected
            .iter()
            .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
            .collect();
        if got != want {
            failures.push(format!(
                "{}\n  text: {}\n  want: {want:#?}\n  got:  {got:#?}",
                case.name, doc.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn triples_carry_rule_confidence_and_action_span() {
    let doc = doc("
        Stepanakert Stepanakert PROPN NNP 3 nsubj:pass B-LOC
        was be AUX VBD 3 aux:pass
        shelled shell VERB VBN 0 root
        by by ADP IN 6 case
        Azerbaijani Azerbaijani ADJ JJ 6 amod B-MISC
        troops troop NOUN NNS 3 obl:agent
        .  . PUNCT . 3 punct

        Russia Russia PROPN NNP 2 nsubj B-LOC
        pulled pull VERB VBD 0 root
        out out ADP RP 2 compound:prt
        of of ADP IN 5 case
        Syria Syria PROPN NNP 2 obl B-LOC");
    let triples = linker().link(&doc);
    assert_eq!(
        triples.len(),
        2,
        "{:?}",
        triples.iter().map(render).collect::<Vec<_>>()
    );
    let passive = &triples[0];
    assert_eq!(passive.rule, "agent_pass");
    assert_eq!(passive.sentence, 0);
    assert_eq!(doc.slice(passive.action), "shelled");
    assert_eq!(passive.cameo.as_deref(), Some("19"));
    assert!(passive.confidence > 0.5 && passive.confidence <= 1.0);
    let phrasal = &triples[1];
    assert_eq!(phrasal.rule, "subj_prep");
    assert_eq!(phrasal.sentence, 1);
    assert_eq!(doc.slice(phrasal.action), "pulled out");
    assert_eq!(phrasal.action_lemma, "pull out of");
    assert_eq!(doc.slice(phrasal.target.as_ref().unwrap().span), "Syria");
}

#[test]
fn duplicates_in_a_sentence_are_merged() {
    // The relative clause and the pronoun both give Russia as the actor
    // of the same event.
    let doc = doc("
        Russia Russia PROPN NNP 5 nsubj B-LOC
        , , PUNCT , 1 punct
        which which PRON WDT 4 nsubj
        attacked attack VERB VBD 1 acl:relcl
        attacked attack VERB VBD 0 root
        Kyiv Kyiv PROPN NNP 5 obj B-LOC
        . . PUNCT . 5 punct");
    let triples = linker().link(&doc);
    let rendered: Vec<String> = triples.iter().map(render).collect();
    assert_eq!(rendered, vec!["Russia | attack | Kyiv | ASSAULT"]);
}

#[test]
fn a_document_without_syntax_has_no_triples() {
    let mut d = doc("
        Russia Russia PROPN NNP 2 nsubj B-LOC
        attacked attack VERB VBD 0 root
        Kyiv Kyiv PROPN NNP 2 obj B-LOC");
    d.syntax.clear();
    assert!(linker().link(&d).is_empty());
}

#[test]
fn targetless_events_only_when_asked() {
    let d = doc("
        Russia Russia PROPN NNP 2 nsubj B-LOC
        withdrew withdraw VERB VBD 0 root
        . . PUNCT . 2 punct");
    assert!(linker().link(&d).is_empty());
    let with = actant::link::Linker::new(
        actant::link::EventLexicon::embedded().unwrap(),
        actant::ner::ActorDictionary::embedded().unwrap(),
        actant::link::LinkConfig { targetless: true },
    );
    let rendered: Vec<String> = with.link(&d).iter().map(render).collect();
    assert_eq!(rendered, vec!["Russia | withdraw | - | RETREAT"]);
}
