//! Table-driven tests of the clause rules on hand-built trees: one case
//! per construction, with the expected triples written out as
//! `actor | action | target | EVENT [| negated] [| mode]`.

mod link_support;

use link_support::{doc, linker, render};

struct Case {
    name: &'static str,
    rows: &'static str,
    expected: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "subject verb object",
        rows: "
            Azerbaijani Azerbaijani ADJ JJ 2 amod B-MISC
            troops troop NOUN NNS 3 nsubj
            shelled shell VERB VBD 0 root
            Stepanakert Stepanakert PROPN NNP 3 obj B-LOC
            . . PUNCT . 3 punct",
        expected: &["Azerbaijani troops | shell | Stepanakert | ASSAULT"],
    },
    Case {
        name: "prepositional target fixed by the lexicon, coordinated target, request control",
        rows: "
            Russia Russia PROPN NNP 2 nsubj B-LOC
            called call VERB VBD 0 root
            on on ADP IN 4 case
            Armenia Armenia PROPN NNP 2 obl B-LOC
            and and CCONJ CC 6 cc
            Azerbaijan Azerbaijan PROPN NNP 4 conj B-LOC
            to to PART TO 8 mark
            exercise exercise VERB VB 2 xcomp
            restraint restraint NOUN NN 8 obj
            . . PUNCT . 2 punct",
        expected: &[
            "Russia | call on | Armenia | REQUEST",
            "Russia | call on | Azerbaijan | REQUEST",
        ],
    },
    Case {
        name: "object control: the requested action gives no row",
        rows: "
            Washington Washington PROPN NNP 2 nsubj B-LOC
            urged urge VERB VBD 0 root
            Israel Israel PROPN NNP 2 obj B-LOC
            to to PART TO 5 mark
            withdraw withdraw VERB VB 2 xcomp
            from from ADP IN 7 case
            Gaza Gaza PROPN NNP 5 obl B-LOC
            . . PUNCT . 2 punct",
        expected: &["Washington | urge | Israel | REQUEST"],
    },
    Case {
        name: "passive with a by-agent",
        rows: "
            Stepanakert Stepanakert PROPN NNP 3 nsubj:pass B-LOC
            was be AUX VBD 3 aux:pass
            shelled shell VERB VBN 0 root
            by by ADP IN 6 case
            Azerbaijani Azerbaijani ADJ JJ 6 amod B-MISC
            troops troop NOUN NNS 3 obl:agent
            . . PUNCT . 3 punct",
        expected: &["Azerbaijani troops | shell | Stepanakert | ASSAULT"],
    },
    Case {
        name: "passive without an agent gives no row",
        rows: "
            Two two NUM CD 2 nummod
            soldiers soldier NOUN NNS 4 nsubj:pass
            were be AUX VBD 4 aux:pass
            killed kill VERB VBN 0 root
            . . PUNCT . 4 punct",
        expected: &[],
    },
    Case {
        name: "light verb and event noun with the noun's preposition",
        rows: "
            Azerbaijan Azerbaijan PROPN NNP 2 nsubj B-LOC
            launched launch VERB VBD 0 root
            a a DET DT 5 det
            major major ADJ JJ 5 amod
            offensive offensive NOUN NN 2 obj
            into into ADP IN 7 case
            Nagorno-Karabakh Nagorno-Karabakh PROPN NNP 5 nmod B-LOC
            . . PUNCT . 2 punct",
        expected: &["Azerbaijan | launch offensive into | Nagorno-Karabakh | ASSAULT"],
    },
    Case {
        name: "light verb with the preposition on the verb",
        rows: "
            Lavrov Lavrov PROPN NNP 2 nsubj B-PER
            held hold VERB VBD 0 root
            talks talk NOUN NNS 2 obj
            with with ADP IN 5 case
            Mirzoyan Mirzoyan PROPN NNP 2 obl B-PER
            . . PUNCT . 2 punct",
        expected: &["Lavrov | hold talks with | Mirzoyan | CONSULT"],
    },
    Case {
        name: "transfer verb: the thing is left out of the action, the noun gives the type",
        rows: "
            Turkey Turkey PROPN NNP 2 nsubj B-LOC
            sent send VERB VBD 0 root
            troops troop NOUN NNS 2 obj
            to to ADP IN 5 case
            Libya Libya PROPN NNP 2 obl B-LOC
            . . PUNCT . 2 punct",
        expected: &["Turkey | send to | Libya | MOBILIZE"],
    },
    Case {
        name: "phrasal verb with particle and preposition",
        rows: "
            Russian Russian ADJ JJ 2 amod B-MISC
            forces force NOUN NNS 3 nsubj
            pulled pull VERB VBD 0 root
            out out ADP RP 3 compound:prt
            of of ADP IN 6 case
            Kherson Kherson PROPN NNP 3 obl B-LOC
            . . PUNCT . 3 punct",
        expected: &["Russian forces | pull out of | Kherson | RETREAT"],
    },
    Case {
        name: "apposition collapses onto the named person",
        rows: "
            Mammadli Mammadli PROPN NNP 2 nsubj B-PER
            spoke speak VERB VBD 0 root
            with with ADP IN 6 case
            his his PRON PRP$ 6 nmod:poss
            Turkish Turkish ADJ JJ 6 amod B-MISC
            counterpart counterpart NOUN NN 2 obl
            , , PUNCT , 8 punct
            Kemal Kemal PROPN NNP 6 appos B-PER
            Aydın Aydın PROPN NNP 8 flat I-PER
            . . PUNCT . 2 punct",
        expected: &["Mammadli | speak with | Kemal Aydın | CONSULT"],
    },
    Case {
        name: "subject control with a commitment verb takes its type",
        rows: "
            Russia Russia PROPN NNP 2 nsubj B-LOC
            agreed agree VERB VBD 0 root
            to to PART TO 4 mark
            withdraw withdraw VERB VB 2 xcomp
            from from ADP IN 6 case
            Syria Syria PROPN NNP 4 obl B-LOC
            . . PUNCT . 2 punct",
        expected: &["Russia | withdraw from | Syria | AGREE | hypothetical"],
    },
    Case {
        name: "threaten to: THREATEN and hypothetical",
        rows: "
            Washington Washington PROPN NNP 2 nsubj B-LOC
            threatened threaten VERB VBD 0 root
            to to PART TO 4 mark
            impose impose VERB VB 2 xcomp
            sanctions sanction NOUN NNS 4 obj
            on on ADP IN 7 case
            Tehran Tehran PROPN NNP 4 obl B-LOC
            . . PUNCT . 2 punct",
        expected: &["Washington | impose sanctions on | Tehran | THREATEN | hypothetical"],
    },
    Case {
        name: "refuse to: REJECT and negated",
        rows: "
            Israel Israel PROPN NNP 2 nsubj B-LOC
            refused refuse VERB VBD 0 root
            to to PART TO 4 mark
            withdraw withdraw VERB VB 2 xcomp
            from from ADP IN 6 case
            Rafah Rafah PROPN NNP 4 obl B-LOC
            . . PUNCT . 2 punct",
        expected: &["Israel | withdraw from | Rafah | REJECT | negated"],
    },
    Case {
        name: "raising through xcomp",
        rows: "
            Moscow Moscow PROPN NNP 2 nsubj B-LOC
            appeared appear VERB VBD 0 root
            to to PART TO 4 mark
            accuse accuse VERB VB 2 xcomp
            Kyiv Kyiv PROPN NNP 4 obj B-LOC
            . . PUNCT . 2 punct",
        expected: &["Moscow | accuse | Kyiv | ACCUSE"],
    },
    Case {
        name: "relative clause fills the gap with its antecedent",
        rows: "
            The the DET DT 2 det
            RSF RSF PROPN NNP 9 nsubj B-ORG
            , , PUNCT , 5 punct
            which which PRON WDT 5 nsubj
            besieged besiege VERB VBD 2 acl:relcl
            El El PROPN NNP 5 obj B-LOC
            Fasher Fasher PROPN NNP 6 flat I-LOC
            , , PUNCT , 5 punct
            shelled shell VERB VBD 0 root
            Khartoum Khartoum PROPN NNP 9 obj B-LOC
            . . PUNCT . 9 punct",
        expected: &[
            "RSF | besiege | El Fasher | COERCE",
            "RSF | shell | Khartoum | ASSAULT",
        ],
    },
    Case {
        name: "reported speech about another actor: speech row and reported event",
        rows: "
            Moscow Moscow PROPN NNP 2 nsubj B-LOC
            said say VERB VBD 0 root
            Baku Baku PROPN NNP 4 nsubj B-LOC
            attacked attack VERB VBD 2 ccomp
            Yerevan Yerevan PROPN NNP 4 obj B-LOC
            . . PUNCT . 2 punct",
        expected: &[
            "Moscow | say | Baku | STATEMENT",
            "Baku | attack | Yerevan | ASSAULT | reported",
        ],
    },
    Case {
        name: "reported speech by the same side gives no speech row",
        rows: "
            Russia Russia PROPN NNP 4 nmod:poss B-LOC
            's 's PART POS 1 case
            Defense Defense PROPN NNP 4 compound B-ORG
            Ministry Ministry PROPN NNP 5 nsubj I-ORG
            said say VERB VBD 0 root
            Russian Russian ADJ JJ 7 amod B-MISC
            forces force NOUN NNS 8 nsubj
            shelled shell VERB VBD 5 ccomp
            Kharkiv Kharkiv PROPN NNP 8 obj B-LOC
            . . PUNCT . 5 punct",
        expected: &["Russian forces | shell | Kharkiv | ASSAULT | reported"],
    },
    Case {
        name: "speech verb with a named addressee is a triple",
        rows: "
            The the DET DT 2 det
            Kremlin Kremlin PROPN NNP 3 nsubj B-ORG
            warned warn VERB VBD 0 root
            Kyiv Kyiv PROPN NNP 3 obj B-LOC
            . . PUNCT . 3 punct",
        expected: &["Kremlin | warn | Kyiv | THREATEN"],
    },
    Case {
        name: "quotation before the speech verb",
        rows: "
            “ “ PUNCT `` 3 punct
            Baku Baku PROPN NNP 3 nsubj B-LOC
            attacked attack VERB VBD 0 root
            Yerevan Yerevan PROPN NNP 3 obj B-LOC
            , , PUNCT , 3 punct
            ” ” PUNCT '' 3 punct
            the the DET DT 8 det
            Kremlin Kremlin PROPN NNP 9 nsubj B-ORG
            said say VERB VBD 3 parataxis
            . . PUNCT . 3 punct",
        expected: &[
            "Baku | attack | Yerevan | ASSAULT | reported",
            "Kremlin | say | Baku | STATEMENT",
        ],
    },
    Case {
        name: "conjoined verbs share the subject",
        rows: "
            Moscow Moscow PROPN NNP 2 nsubj B-LOC
            brokered broker VERB VBD 0 root
            a a DET DT 4 det
            ceasefire ceasefire NOUN NN 2 obj
            and and CCONJ CC 6 cc
            sent send VERB VBD 2 conj
            peacekeepers peacekeeper NOUN NNS 6 obj
            to to ADP IN 9 case
            Nagorno-Karabakh Nagorno-Karabakh PROPN NNP 6 obl B-LOC
            . . PUNCT . 2 punct",
        expected: &["Moscow | send to | Nagorno-Karabakh | AID"],
    },
    Case {
        name: "coordinated objects give one row each",
        rows: "
            Russia Russia PROPN NNP 2 nsubj B-LOC
            supplied supply VERB VBD 0 root
            both both CCONJ CC 4 cc:preconj
            Armenia Armenia PROPN NNP 2 obj B-LOC
            and and CCONJ CC 6 cc
            Azerbaijan Azerbaijan PROPN NNP 4 conj B-LOC
            . . PUNCT . 2 punct",
        expected: &["Russia | supply | Armenia | AID", "Russia | supply | Azerbaijan | AID"],
    },
    Case {
        name: "coordinated subject of a reciprocal verb",
        rows: "
            Lavrov Lavrov PROPN NNP 4 nsubj B-PER
            and and CCONJ CC 3 cc
            Mirzoyan Mirzoyan PROPN NNP 1 conj B-PER
            met meet VERB VBD 0 root
            in in ADP IN 6 case
            Moscow Moscow PROPN NNP 4 obl B-LOC
            . . PUNCT . 4 punct",
        expected: &["Lavrov | meet | Mirzoyan | CONSULT"],
    },
    Case {
        name: "accuse X of V-ing: the object controls the gerund; an unnamed object is located by its place",
        rows: "
            Azerbaijan Azerbaijan PROPN NNP 2 nsubj B-LOC
            accuses accuse VERB VBZ 0 root
            Armenia Armenia PROPN NNP 2 obj B-LOC
            of of SCONJ IN 5 mark
            shelling shell VERB VBG 2 advcl
            border border NOUN NN 7 compound
            villages village NOUN NNS 5 obj
            near near ADP IN 9 case
            Lachin Lachin PROPN NNP 7 nmod B-LOC",
        expected: &[
            "Azerbaijan | accuse | Armenia | ACCUSE",
            "Armenia | shell | Lachin | ASSAULT",
        ],
    },
    Case {
        name: "denial of a gerund negates it",
        rows: "
            Turkey Turkey PROPN NNP 2 nsubj B-LOC
            denied deny VERB VBD 0 root
            sending send VERB VBG 2 xcomp
            fighters fighter NOUN NNS 3 obj
            to to ADP IN 6 case
            Libya Libya PROPN NNP 3 obl B-LOC
            . . PUNCT . 2 punct",
        expected: &["Turkey | send to | Libya | AID | negated"],
    },
    Case {
        name: "future and negation",
        rows: "
            Israel Israel PROPN NNP 4 nsubj B-LOC
            will will AUX MD 4 aux
            not not PART RB 4 advmod
            attack attack VERB VB 0 root
            Lebanon Lebanon PROPN NNP 4 obj B-LOC
            . . PUNCT . 4 punct",
        expected: &["Israel | attack | Lebanon | ASSAULT | negated | future"],
    },
    Case {
        name: "modal makes a hypothetical event",
        rows: "
            Iran Iran PROPN NNP 3 nsubj B-LOC
            could could AUX MD 3 aux
            strike strike VERB VB 0 root
            Israel Israel PROPN NNP 3 obj B-LOC
            . . PUNCT . 3 punct",
        expected: &["Iran | strike | Israel | ASSAULT | hypothetical"],
    },
    Case {
        name: "relative pronoun subject of a speech verb; the reported event keeps its own row",
        rows: "
            Kemal Kemal PROPN NNP 3 nsubj B-PER
            Aydın Aydın PROPN NNP 1 flat I-PER
            , , PUNCT , 5 punct
            who who PRON WP 5 nsubj
            said say VERB VBD 1 acl:relcl
            Ankara Ankara PROPN NNP 7 nsubj B-LOC
            stood stand VERB VBD 5 ccomp
            firmly firmly ADV RB 7 advmod
            behind behind ADP IN 10 case
            Baku Baku PROPN NNP 7 obl B-LOC
            , , PUNCT , 5 punct
            arrived arrive VERB VBD 0 root
            . . PUNCT . 12 punct",
        expected: &[
            "Kemal Aydın | say | Ankara | STATEMENT",
            "Ankara | stand behind | Baku | SUPPORT | reported",
        ],
    },
    Case {
        name: "unknown verb still yields a triple without an event type",
        rows: "
            Armenia Armenia PROPN NNP 2 nsubj B-LOC
            outmanoeuvred outmanoeuvre VERB VBD 0 root
            Azerbaijan Azerbaijan PROPN NNP 2 obj B-LOC
            . . PUNCT . 2 punct",
        expected: &["Armenia | outmanoeuvre | Azerbaijan | -"],
    },
    Case {
        name: "a verb undoing a measure takes the event noun's target",
        rows: "
            ECOWAS ECOWAS PROPN NNP 2 nsubj B-ORG
            lifted lift VERB VBD 0 root
            sanctions sanction NOUN NNS 2 obj
            on on ADP IN 5 case
            Niamey Niamey PROPN NNP 3 nmod B-LOC
            . . PUNCT . 2 punct",
        expected: &["ECOWAS | lift sanctions on | Niamey | CONCEDE"],
    },
    Case {
        name: "an attack verb's unnamed object located by the verb's place adjunct",
        rows: "
            Sudanese Sudanese ADJ JJ 2 amod B-MISC
            troops troop NOUN NNS 3 nsubj
            killed kill VERB VBD 0 root
            12 12 NUM CD 5 nummod
            civilians civilian NOUN NNS 3 obj
            in in ADP IN 7 case
            Omdurman Omdurman PROPN NNP 3 obl B-LOC
            . . PUNCT . 3 punct",
        expected: &["Sudanese troops | kill | Omdurman | ASSAULT"],
    },
    Case {
        name: "speech verb with a prepositional addressee",
        rows: "
            Persaud Persaud PROPN NNP 2 nsubj B-PER
            wrote write VERB VBD 0 root
            to to ADP IN 5 case
            the the DET DT 5 det
            EU EU PROPN NNP 2 obl B-ORG
            . . PUNCT . 2 punct",
        expected: &["Persaud | write to | EU | STATEMENT"],
    },
    Case {
        name: "a target preposition the parser hung on another noun still counts",
        rows: "
            Mammadli Mammadli PROPN NNP 2 nsubj B-PER
            spoke speak VERB VBD 0 root
            by by ADP IN 4 case
            phone phone NOUN NN 2 obl
            with with ADP IN 6 case
            Aydın Aydın PROPN NNP 4 nmod B-PER
            . . PUNCT . 2 punct",
        expected: &["Mammadli | speak with | Aydın | CONSULT"],
    },
    Case {
        name: "a headline verb the tagger took for a noun still heads its clause",
        rows: "
            Azerbaijan Azerbaijan PROPN NNP 2 nsubj B-LOC
            accuses accuse NOUN NNS 0 root
            Armenia Armenia PROPN NNP 2 obj B-LOC",
        expected: &["Azerbaijan | accuse | Armenia | ACCUSE"],
    },
    Case {
        name: "relation verbs give no rows",
        rows: "
            Russia Russia PROPN NNP 2 nsubj B-LOC
            has have VERB VBZ 0 root
            Armenian Armenian ADJ JJ 4 amod B-MISC
            allies ally NOUN NNS 2 obj
            . . PUNCT . 2 punct",
        expected: &[],
    },
];

#[test]
fn every_construction_gives_its_triples() {
    let linker = linker();
    let mut failures = Vec::new();
    for case in CASES {
        let doc = doc(case.rows);
        let got: Vec<String> = linker.link(&doc).iter().map(render).collect();
        let mut want: Vec<String> = case.expected.iter().map(|s| s.to_string()).collect();
        let mut sorted = got.clone();
        sorted.sort();
        want.sort();
        if sorted != want {
            failures.push(format!(
                "{}\n  text: {}\n  want: {:#?}\n  got:  {:#?}",
                case.name, doc.text, want, got
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
