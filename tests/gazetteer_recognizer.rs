//! The gazetteer recognizer on the shipped dictionary: table-driven
//! mentions, token alignment, case, overlaps, token features, and a
//! property test that every span lies on token boundaries.

mod gazetteer_support;

use std::sync::Arc;

use actant::ner::{ActorDictionary, ActorKind, Gazetteer, NerConfig, NerStage, Recognizer};
use actant::{Doc, Entity, EntityLabel};
use gazetteer_support::{doc, doc_with_tokens, token_texts};
use proptest::prelude::*;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::embedded().expect("shipped dictionary loads"))
}

fn entities(text: &str) -> (Doc, Vec<Entity>) {
    let doc = doc(text);
    let entities = gazetteer().recognize(&doc).unwrap();
    (doc, entities)
}

/// `(surface, label, code, canonical)` of each entity.
fn summary(doc: &Doc, entities: &[Entity]) -> Vec<(String, EntityLabel, String, String)> {
    entities
        .iter()
        .map(|e| {
            (
                doc.slice(e.span).to_string(),
                e.label,
                e.code.clone().unwrap_or_default(),
                e.canonical.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn mentions_in_news_sentences() {
    use EntityLabel::{Loc, Misc, Org};
    type Expected<'a> = &'a [(&'a str, EntityLabel, &'a str, &'a str)];
    let cases: &[(&str, Expected)] = &[
        (
            "Russia's troops crossed the border.",
            &[("Russia", Loc, "RUS", "Russia")],
        ),
        (
            "Azeri forces shelled the village.",
            &[("Azeri", Misc, "AZE", "Azerbaijan")],
        ),
        (
            "Baku accused Yerevan of provocations.",
            &[
                ("Baku", Loc, "AZEGOV", "Baku"),
                ("Yerevan", Loc, "ARMGOV", "Yerevan"),
            ],
        ),
        (
            "the Kremlin said on Tuesday.",
            &[("Kremlin", Org, "RUSGOV", "the Kremlin")],
        ),
        (
            "The U.N. Security Council met on Friday.",
            &[(
                "U.N. Security Council",
                Org,
                "IGO",
                "United Nations Security Council",
            )],
        ),
        (
            "Fighting resumed in Nagorno-Karabakh overnight.",
            &[("Nagorno-Karabakh", Loc, "XNK", "Nagorno-Karabakh")],
        ),
        (
            "Protesters marched in New York.",
            &[("New York", Loc, "USA", "New York")],
        ),
        (
            "Omani officials met in Muscat.",
            &[
                ("Omani", Misc, "OMN", "Oman"),
                ("Muscat", Loc, "OMNGOV", "Muscat"),
            ],
        ),
        (
            "Türkiye and Côte d'Ivoire signed a deal.",
            &[
                ("Türkiye", Loc, "TUR", "Turkey"),
                ("Côte d'Ivoire", Loc, "CIV", "Ivory Coast"),
            ],
        ),
        (
            "Troops from Côte d’Ivoire arrived.",
            &[("Côte d’Ivoire", Loc, "CIV", "Ivory Coast")],
        ),
        (
            "Hamas fired rockets, the United Nations said.",
            &[
                ("Hamas", Org, "PSEREB", "Hamas"),
                ("United Nations", Org, "IGO", "United Nations"),
            ],
        ),
    ];
    for (text, expected) in cases {
        let (doc, found) = entities(text);
        let expected: Vec<(String, EntityLabel, String, String)> = expected
            .iter()
            .map(|&(s, l, c, n)| (s.to_string(), l, c.to_string(), n.to_string()))
            .collect();
        assert_eq!(
            summary(&doc, &found),
            expected,
            "in `{text}` (tokens {:?})",
            token_texts(&doc)
        );
        for entity in &found {
            assert_eq!(entity.source, "gazetteer");
            assert!((0.0..=1.0).contains(&entity.score));
        }
    }
}

#[test]
fn no_match_inside_a_word_or_in_lower_case() {
    for text in [
        "Romania's Omanis sent aid.",
        "A chad hung from the ballot.",
        "Russiagate dominated the news.",
        "The turkey was served cold.",
    ] {
        let (doc, found) = entities(text);
        let surfaces: Vec<&str> = found.iter().map(|e| doc.slice(e.span)).collect();
        assert!(
            !surfaces
                .iter()
                .any(|s| ["Oman", "Russia", "chad", "turkey"].contains(s)),
            "`{text}` gave {surfaces:?}"
        );
    }
}

#[test]
fn the_longest_overlapping_form_wins_then_the_leftmost() {
    let (news, found) = entities("The U.N. Security Council met in Papua New Guinea.");
    let surfaces: Vec<&str> = found.iter().map(|e| news.slice(e.span)).collect();
    assert_eq!(surfaces, ["U.N. Security Council", "Papua New Guinea"]);

    let text = r#"version = 1
[[group]]
name = "Alpha Beta"
code = "XAAREB"
[[group]]
name = "Beta Gamma"
code = "XBBREB"
[[group]]
name = "Gamma Delta Epsilon"
code = "XCCREB"
"#;
    let dictionary = Arc::new(ActorDictionary::from_toml(text, "overlap.toml").unwrap());
    let gazetteer = Gazetteer::new(dictionary).unwrap();
    let cases = [
        // Equal length: the leftmost.
        ("Alpha Beta Gamma", vec!["Alpha Beta"]),
        // The longest, though it starts later.
        ("Beta Gamma Delta Epsilon", vec!["Gamma Delta Epsilon"]),
        // The longest, then what still fits.
        (
            "Alpha Beta Gamma Delta Epsilon",
            vec!["Alpha Beta", "Gamma Delta Epsilon"],
        ),
    ];
    for (text, expected) in cases {
        let doc = doc(text);
        let found = gazetteer.recognize(&doc).unwrap();
        let surfaces: Vec<&str> = found.iter().map(|e| doc.slice(e.span)).collect();
        assert_eq!(surfaces, expected, "in `{text}`");
    }
}

#[test]
fn tokens_by_hand_decide_alignment() {
    // One token `Russia's`: no token ends after `Russia`.
    let text = "Russia's army";
    let whole = doc_with_tokens(text, &[(0, 8), (9, 13)]);
    assert!(gazetteer().recognize(&whole).unwrap().is_empty());
    // `Russia` `'s` `army`: it matches.
    let split = doc_with_tokens(text, &[(0, 6), (6, 8), (9, 13)]);
    let found = gazetteer().recognize(&split).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(split.slice(found[0].span), "Russia");
    // No tokens, no entities.
    let bare = doc_with_tokens(text, &[]);
    assert!(gazetteer().recognize(&bare).unwrap().is_empty());
}

#[test]
fn a_form_never_spans_two_sentences() {
    let (doc, found) = entities("They flew to New\nYork came later.");
    assert_eq!(doc.sentences.len(), 2);
    assert!(found.iter().all(|e| doc.slice(e.span) != "New\nYork"));
}

#[test]
fn all_caps_headlines_match_with_a_lower_score() {
    let (doc, found) = entities("RUSSIA WARNS ARMENIA OVER KARABAKH");
    assert_eq!(
        summary(&doc, &found),
        [
            (
                "RUSSIA".to_string(),
                EntityLabel::Loc,
                "RUS".to_string(),
                "Russia".to_string()
            ),
            (
                "ARMENIA".to_string(),
                EntityLabel::Loc,
                "ARM".to_string(),
                "Armenia".to_string()
            ),
            (
                "KARABAKH".to_string(),
                EntityLabel::Loc,
                "XNK".to_string(),
                "Nagorno-Karabakh".to_string()
            ),
        ]
    );
    assert!(found.iter().all(|e| e.score < 1.0));
    // A capitalised word in ordinary text is not a headline.
    let (doc, found) = entities("Leaders of CHAD met in the capital.");
    assert!(
        found.iter().all(|e| doc.slice(e.span) != "CHAD"),
        "{:?}",
        summary(&doc, &found)
    );
}

#[test]
fn abbreviations_that_are_words_do_not_match_in_capitals() {
    let (doc, found) = entities("RUSSIA IS READY FOR TALKS");
    let surfaces: Vec<&str> = found.iter().map(|e| doc.slice(e.span)).collect();
    assert_eq!(surfaces, ["RUSSIA"]);
    let (doc, found) = entities("Fighters of IS attacked the town.");
    assert_eq!(
        summary(&doc, &found),
        [(
            "IS".to_string(),
            EntityLabel::Org,
            "IMGREB".to_string(),
            "Islamic State".to_string()
        )]
    );
}

#[test]
fn names_containing_an_actor_name_win_without_a_code() {
    let (doc, found) =
        entities("Exports to Latin America grew, the Washington Post said of the South China Sea.");
    assert_eq!(
        summary(&doc, &found),
        [
            (
                "Latin America".to_string(),
                EntityLabel::Loc,
                String::new(),
                String::new()
            ),
            (
                "Washington Post".to_string(),
                EntityLabel::Org,
                String::new(),
                String::new()
            ),
            (
                "South China Sea".to_string(),
                EntityLabel::Loc,
                String::new(),
                String::new()
            ),
        ]
    );
}

#[test]
fn articles_and_sentence_initial_capitals() {
    let (doc, found) = entities("The Hague ruled. Judges in the Hague agreed. Al-Qaeda denied it.");
    let summary = summary(&doc, &found);
    let surfaces: Vec<&str> = summary.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(surfaces, ["The Hague", "Hague", "Al-Qaeda"]);
    assert_eq!(summary[0].3, "The Hague");
    assert_eq!(summary[1].3, "The Hague");
    assert_eq!(summary[2].1, EntityLabel::Org);
}

#[test]
fn capital_spellings_stand_for_the_government() {
    let (doc, found) = entities("Kiev and Ulan Bator protested; Kharkiv was shelled.");
    assert_eq!(
        summary(&doc, &found),
        [
            (
                "Kiev".to_string(),
                EntityLabel::Loc,
                "UKRGOV".to_string(),
                "Kyiv".to_string()
            ),
            (
                "Ulan Bator".to_string(),
                EntityLabel::Loc,
                "MNGGOV".to_string(),
                "Ulaanbaatar".to_string()
            ),
            (
                "Kharkiv".to_string(),
                EntityLabel::Loc,
                "UKR".to_string(),
                "Kharkiv".to_string()
            ),
        ]
    );
}

#[test]
fn dateline_places_in_capitals_match() {
    let (doc, found) =
        entities("BAKU, Azerbaijan — Officials said.\nDOHA (Reuters) - Talks resumed.");
    let summary = summary(&doc, &found);
    let codes: Vec<(&str, &str)> = summary
        .iter()
        .map(|s| (s.0.as_str(), s.2.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("BAKU", "AZEGOV"),
            ("Azerbaijan", "AZE"),
            ("DOHA", "QATGOV")
        ]
    );
    assert!((found[0].score - 0.9).abs() < 1e-6);
}

#[test]
fn named_institutions_regions_and_peoples_have_no_code() {
    let (doc, found) = entities(
        "Russia's Defense Ministry said Rohingya refugees crossed the Red Sea, and Parliament agreed.",
    );
    assert_eq!(
        summary(&doc, &found),
        [
            (
                "Russia".to_string(),
                EntityLabel::Loc,
                "RUS".to_string(),
                "Russia".to_string()
            ),
            (
                "Defense Ministry".to_string(),
                EntityLabel::Org,
                String::new(),
                String::new()
            ),
            (
                "Rohingya".to_string(),
                EntityLabel::Misc,
                String::new(),
                String::new()
            ),
            (
                "Red Sea".to_string(),
                EntityLabel::Loc,
                String::new(),
                String::new()
            ),
            (
                "Parliament".to_string(),
                EntityLabel::Org,
                String::new(),
                String::new()
            ),
        ]
    );
    // A capital at the start of a sentence does not make a name.
    let (doc, found) = entities("Parliament voted. Defense ministry officials left.");
    assert!(found.is_empty(), "{:?}", summary(&doc, &found));
}

#[test]
fn descriptive_forms_keep_their_code_on_the_name_part() {
    let (doc, found) = entities(
        "The UN refugee agency and the Islamic State group clashed; the chemical weapons watchdog left.",
    );
    assert_eq!(
        summary(&doc, &found),
        [
            (
                "UN".to_string(),
                EntityLabel::Org,
                "IGOREF".to_string(),
                "Office of the United Nations High Commissioner for Refugees".to_string(),
            ),
            (
                "Islamic State".to_string(),
                EntityLabel::Org,
                "IMGREB".to_string(),
                "Islamic State".to_string()
            ),
        ]
    );
    let matched: Vec<&str> = gazetteer()
        .find(&doc)
        .iter()
        .map(|m| doc.slice(m.span))
        .collect();
    assert!(
        matched.contains(&"chemical weapons watchdog"),
        "{matched:?}"
    );
}

#[test]
fn common_words_and_short_forms_score_lower() {
    let (doc, found) = entities("Chad and Azerbaijan joined the UN mission.");
    let scores: Vec<(&str, f32)> = found.iter().map(|e| (doc.slice(e.span), e.score)).collect();
    assert_eq!(scores, [("Chad", 0.8), ("Azerbaijan", 1.0), ("UN", 0.8)]);
}

#[test]
fn entities_carry_their_sentence() {
    let (_, found) = entities("Russia spoke. Later Armenia replied.");
    let sentences: Vec<usize> = found.iter().map(|e| e.sentence).collect();
    assert_eq!(sentences, [0, 1]);
}

#[test]
fn ner_stage_uses_the_embedded_dictionary() {
    let stage = NerStage::from_config(&NerConfig::Gazetteer).unwrap();
    let doc = doc("Azerbaijan and Armenia.");
    let found = stage.recognize(&doc).unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(stage.name(), "gazetteer");
}

#[test]
fn a_custom_dictionary_drives_the_gazetteer() {
    let text = r#"version = 1
[[country]]
code = "XAA"
name = "Atlantis"
demonyms = ["Atlantean"]
capital = "Poseidonia"
status = "member"
[[sector]]
code = "GOV"
label = "government"
"#;
    let dictionary = Arc::new(ActorDictionary::from_toml(text, "custom.toml").unwrap());
    let gazetteer = Gazetteer::new(dictionary).unwrap();
    let doc = doc("Atlantean envoys left Poseidonia for Russia.");
    let found = gazetteer.recognize(&doc).unwrap();
    let codes: Vec<&str> = found.iter().filter_map(|e| e.code.as_deref()).collect();
    assert_eq!(codes, ["XAA", "XAAGOV"], "Russia is not in this dictionary");
}

#[test]
fn token_features_mark_begin_and_inside_by_kind() {
    let doc = doc("The U.N. Security Council met in Singapore.");
    let tags = gazetteer().token_features(&doc, 0);
    assert_eq!(tags.len(), doc.sentences[0].tokens.len());
    let features: Vec<Vec<&str>> = tags.iter().map(|t| t.features().collect()).collect();
    let tokens = token_texts(&doc);
    let at = |word: &str| tokens.iter().position(|t| *t == word).unwrap();
    assert!(tags[at("The")].is_empty());
    // `U.N.` begins both the U.N. and the U.N. Security Council.
    assert_eq!(features[at("U.N.")], ["B-igo"]);
    assert!(tags[at("Council")].inside(ActorKind::Igo));
    assert!(!tags[at("Council")].begins(ActorKind::Igo));
    // Singapore is a country and its capital.
    assert!(tags[at("Singapore")].begins(ActorKind::Country));
    assert!(tags[at("Singapore")].begins(ActorKind::Capital));
    assert!(tags[at(".")].is_empty());
    assert!(gazetteer().token_features(&doc, 5).is_empty());
}

/// Words for random sentences: names, near-names, punctuation, non-ASCII.
const VOCABULARY: &[&str] = &[
    "Russia",
    "Russia's",
    "Azeri",
    "Azerbaijani",
    "Baku",
    "the",
    "Kremlin",
    "U.N.",
    "UN",
    "Security",
    "Council",
    "New",
    "York",
    "Omani",
    "Oman",
    "Omanis",
    "Türkiye",
    "Côte",
    "d'Ivoire",
    "d’Ivoire",
    "RUSSIA",
    "WARNS",
    "said",
    "troops",
    "Nagorno-Karabakh",
    "Karabakh",
    "Chad",
    "chad",
    ".",
    ",",
    "(",
    ")",
    "\"",
    "—",
    "Erdoğan",
    "Şuşa",
    "United",
    "Nations",
    "States",
    "Armenia",
    "Yerevan",
    "—Russia",
    "Moscow.",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_lie_on_token_boundaries_and_do_not_overlap(
        words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..40),
        glue in proptest::collection::vec(proptest::sample::select(&[" ", "  ", " ", "-", ""][..]), 40),
    ) {
        let mut text = String::new();
        for (i, word) in words.iter().enumerate() {
            text.push_str(word);
            text.push_str(glue[i]);
        }
        let doc = doc(&text);
        let found = gazetteer().recognize(&doc).unwrap();
        for pair in found.windows(2) {
            prop_assert!(pair[0].span.end <= pair[1].span.start, "overlap in {:?}", text);
        }
        for entity in &found {
            prop_assert!(doc.tokens.iter().any(|t| t.span.start == entity.span.start));
            prop_assert!(doc.tokens.iter().any(|t| t.span.end == entity.span.end));
            let sentence = &doc.sentences[entity.sentence];
            prop_assert!(sentence.span.contains(&entity.span));
        }
        let dictionary = gazetteer().dictionary();
        for found in gazetteer().find(&doc) {
            let surface = doc.slice(found.span);
            if found.surface.is_some() {
                prop_assert!(
                    dictionary.lookup_upper(surface).is_some() || dictionary.surface(surface).is_some(),
                    "`{}` is not a dictionary form", surface
                );
            }
            let tokens = &doc.tokens[found.tokens.clone()];
            prop_assert_eq!(tokens[0].span.start, found.span.start);
            prop_assert_eq!(tokens[tokens.len() - 1].span.end, found.span.end);
        }
        for sentence in 0..doc.sentences.len() {
            let tags = gazetteer().token_features(&doc, sentence);
            prop_assert_eq!(tags.len(), doc.sentences[sentence].tokens.len());
        }
    }

    #[test]
    fn any_text_is_accepted(text in "\\PC{0,200}") {
        let doc = doc(&text);
        let found = gazetteer().recognize(&doc).unwrap();
        for entity in &found {
            prop_assert!(text.is_char_boundary(entity.span.start));
            prop_assert!(text.is_char_boundary(entity.span.end));
        }
    }
}
