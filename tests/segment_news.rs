//! Table-driven cases of English news text: tokens follow UD English
//! (EWT / GUM), sentences end where a reader would end them.

use actant::segment::Segmenter;

/// The tokens of `text`, joined by single spaces.
fn tokens(text: &str) -> String {
    let seg = Segmenter::new().segment(text);
    seg.tokens
        .iter()
        .map(|t| &text[t.span.range()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of `text`, each as its tokens joined by spaces.
fn sentences(text: &str) -> Vec<String> {
    let seg = Segmenter::new().segment(text);
    seg.sentences
        .iter()
        .map(|s| {
            seg.tokens[s.tokens.clone()]
                .iter()
                .map(|t| &text[t.span.range()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn check_tokens(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = tokens(text);
        if got != *expected {
            failures.push(format!("{text:?}\n  expected {expected}\n  got      {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn check_sentences(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = sentences(text);
        if got != *expected {
            failures.push(format!(
                "{text:?}\n  expected {expected:#?}\n  got      {got:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn abbreviations_titles_and_initials_keep_their_period() {
    check_tokens(&[
        ("Mr. Lavrov met Dr. Smith.", "Mr. Lavrov met Dr. Smith ."),
        (
            "Gen. Ivanov and Lt. Col. Petrov",
            "Gen. Ivanov and Lt. Col. Petrov",
        ),
        ("the U.S. and the U.N. said", "the U.S. and the U.N. said"),
        ("on Jan. 5, 2024", "on Jan. 5 , 2024"),
        (
            "Updated Sept. 19, 11:40 p.m.",
            "Updated Sept. 19 , 11:40 p.m.",
        ),
        ("J. Edgar Hoover", "J. Edgar Hoover"),
        ("Nikol V. Pashinyan", "Nikol V. Pashinyan"),
        ("Acme Inc. said", "Acme Inc. said"),
        ("guns, tanks, etc. were", "guns , tanks , etc. were"),
        ("No. 10 Downing St.", "No. 10 Downing St."),
        ("He said no.", "He said no ."),
        ("The answer was No. Then", "The answer was No . Then"),
        ("U.S.-led forces", "U.S. - led forces"),
        ("(U.S.)", "( U.S. )"),
        (
            "the U.N.'s envoy and the E.U.’s",
            "the U.N. 's envoy and the E.U. ’s",
        ),
    ]);
}

#[test]
fn numbers_times_and_units() {
    check_tokens(&[
        ("about 2,000 peacekeepers", "about 2,000 peacekeepers"),
        ("rose 1.5 percent", "rose 1.5 percent"),
        ("by 6:30pm on Tuesday", "by 6:30 pm on Tuesday"),
        ("at 6:30 p.m. local time", "at 6:30 p.m. local time"),
        ("$600 million", "$ 600 million"),
        ("$5bn deal", "$ 5 bn deal"),
        ("a 430km border", "a 430 km border"),
        ("20% of votes", "20 % of votes"),
        ("the 1990s and the 3rd", "the 1990s and the 3rd"),
        ("passed 13–0", "passed 13 – 0"),
        ("ages 15-20", "ages 15 - 20"),
        ("call 713-853-3989", "call 713-853-3989"),
        ("on 9/11 and 11/20/2000", "on 9/11 and 11/20/2000"),
        ("F-16 jets", "F - 16 jets"),
        ("the '90s", "the '90s"),
        ("1990's", "1990's"),
        (
            "batting .265 with .50-caliber rifles",
            "batting .265 with .50 - caliber rifles",
        ),
    ]);
}

#[test]
fn clitics_split_with_straight_and_curly_apostrophes() {
    check_tokens(&[
        ("Russia's army", "Russia 's army"),
        (
            "Azerbaijan’s Defense Ministry",
            "Azerbaijan ’s Defense Ministry",
        ),
        ("Moscow won't wait", "Moscow wo n't wait"),
        ("We don't know", "We do n't know"),
        ("They can't and didn’t", "They ca n't and did n’t"),
        (
            "I'm sure we're ready and you've seen it",
            "I 'm sure we 're ready and you 've seen it",
        ),
        ("She'll go, he'd stay", "She 'll go , he 'd stay"),
        ("shouldn't've", "should n't 've"),
        ("DON'T", "DO N'T"),
        ("the parents' view", "the parents ' view"),
        ("O'Brien's plan", "O'Brien 's plan"),
        ("we're gonna win", "we 're gon na win"),
        ("cannot", "can not"),
    ]);
}

#[test]
fn quotes_brackets_and_dashes() {
    check_tokens(&[
        (
            "described it as \"local anti-terrorist measures\" and",
            "described it as \" local anti-terrorist measures \" and",
        ),
        (
            "“We’re in contact,” Mr. Lavrov said.",
            "“ We ’re in contact , ” Mr. Lavrov said .",
        ),
        (
            "(Credit: Caspian Wire Service)",
            "( Credit : Caspian Wire Service )",
        ),
        ("forces — and tanks", "forces — and tanks"),
        ("forces—and tanks", "forces — and tanks"),
        ("forces--and tanks", "forces -- and tanks"),
        ("he said...and left", "he said ... and left"),
        ("wait… what", "wait … what"),
        ("'quasi-state of war'", "' quasi - state of war '"),
        ("((nested))", "( ( nested ) )"),
        ("Really?!", "Really ?!"),
    ]);
}

#[test]
fn hyphenated_words_follow_ud_english() {
    check_tokens(&[
        ("in Nagorno-Karabakh", "in Nagorno - Karabakh"),
        ("a short-lived truce", "a short - lived truce"),
        ("Kenya-led mission", "Kenya - led mission"),
        ("non-governmental groups", "non-governmental groups"),
        ("anti-ship missiles", "anti-ship missiles"),
        ("co-hosted by e-mail", "co-hosted by e-mail"),
        ("pro-Western and post-war", "pro-Western and post-war"),
    ]);
}

#[test]
fn urls_emails_handles_and_tags_stay_whole() {
    check_tokens(&[
        (
            "See https://example.org/a-b/c?d=1&e=2.",
            "See https://example.org/a-b/c?d=1&e=2 .",
        ),
        ("(www.un.org)", "( www.un.org )"),
        ("Write to press@mfa.gov.az.", "Write to press@mfa.gov.az ."),
        ("<press@mfa.gov.az>", "< press@mfa.gov.az >"),
        ("@POTUS wrote #Karabakh", "@POTUS wrote #Karabakh"),
        ("Amazon.com shares", "Amazon.com shares"),
        ("thanks :)", "thanks :)"),
    ]);
}

#[test]
fn sentences_end_at_terminal_punctuation_not_at_abbreviations() {
    check_tokens(&[("", ""), ("   \n\n ", "")]);
    check_sentences(&[
        (
            "Mr. Lavrov met Gen. Ivanov. They talked.",
            &["Mr. Lavrov met Gen. Ivanov .", "They talked ."],
        ),
        (
            "Troops left the U.S. The war ended.",
            &["Troops left the U.S.", "The war ended ."],
        ),
        (
            "U.S. Army units arrived on Jan. 5. Talks began.",
            &["U.S. Army units arrived on Jan. 5 .", "Talks began ."],
        ),
        (
            "He said, \"It is over.\" Then he left.",
            &["He said , \" It is over . \"", "Then he left ."],
        ),
        (
            "“Why?” he asked. “Because.”",
            &["“ Why ? ” he asked .", "“ Because . ”"],
        ),
        (
            "Nobody wants war (he said so.) Talks resume.",
            &["Nobody wants war ( he said so . )", "Talks resume ."],
        ),
        (
            "It grew by 1.5 percent. Exports fell.",
            &["It grew by 1.5 percent .", "Exports fell ."],
        ),
        (
            "He was born in 1788.[3] He died in 1824.",
            &["He was born in 1788 . [ 3 ]", "He died in 1824 ."],
        ),
        (
            "J. Edgar Hoover led the F.B.I. for decades.",
            &["J. Edgar Hoover led the F.B.I. for decades ."],
        ),
        ("Wait... What happened?", &["Wait ...", "What happened ?"]),
        ("Is it over? Yes!", &["Is it over ?", "Yes !"]),
        (
            "It began at 1 p.m. “We can’t go out,” she said.",
            &["It began at 1 p.m.", "“ We ca n’t go out , ” she said ."],
        ),
        (
            "He said so. [citation needed] Others disagree.",
            &["He said so . [ citation needed ]", "Others disagree ."],
        ),
        (
            "Did she say \"no?\". Nobody knows.",
            &["Did she say \" no ? \" .", "Nobody knows ."],
        ),
    ]);
}

#[test]
fn headlines_bylines_and_datelines_are_sentences() {
    let article = "Azerbaijan Launches Offensive in Nagorno-Karabakh\n\
                   \n\
                   By Anna Petrosyan\n\
                   Updated Sept. 19, 2023, 11:40 p.m.\n\
                   \n\
                   BAKU, Azerbaijan (Caspian Wire Service) — Azerbaijan launched an offensive on Tuesday. \
                   Baku described it as \"local anti-terrorist measures.\"\n\
                   \n\
                   Photo: Soldiers patrol near Shusha\n\
                   Moscow called for restraint.";
    check_sentences(&[
        (
            article,
            &[
                "Azerbaijan Launches Offensive in Nagorno - Karabakh",
                "By Anna Petrosyan",
                "Updated Sept. 19 , 2023 , 11:40 p.m.",
                "BAKU , Azerbaijan ( Caspian Wire Service ) —",
                "Azerbaijan launched an offensive on Tuesday .",
                "Baku described it as \" local anti-terrorist measures . \"",
                "Photo : Soldiers patrol near Shusha",
                "Moscow called for restraint .",
            ],
        ),
        (
            "WASHINGTON — The Senate voted.",
            &["WASHINGTON —", "The Senate voted ."],
        ),
        (
            "NATO said on Tuesday — again — that it would stay.",
            &["NATO said on Tuesday — again — that it would stay ."],
        ),
        (
            "NATO Secretary General Mark Rutte — in Brussels — spoke.",
            &["NATO Secretary General Mark Rutte — in Brussels — spoke ."],
        ),
        (
            "UNITED NATIONS, Sept. 30 (Meridian Press) — The council voted.",
            &[
                "UNITED NATIONS , Sept. 30 ( Meridian Press ) —",
                "The council voted .",
            ],
        ),
        (
            "TEHRAN (AFP) - A contest opened.",
            &["TEHRAN ( AFP ) -", "A contest opened ."],
        ),
        (
            "Headline without a stop\nThe text.",
            &["Headline without a stop", "The text ."],
        ),
        (
            "Text ending without a stop\n\nNext paragraph",
            &["Text ending without a stop", "Next paragraph"],
        ),
    ]);
}

#[test]
fn hard_wrapped_text_keeps_sentences_across_line_breaks() {
    let wrapped = "The ministry said two soldiers had been wounded and that its units\n\
                   had returned fire on positions held by the separatist forces near\n\
                   Lachin overnight. No civilian casualties were reported by either\n\
                   side, officials in Baku and Yerevan said on Tuesday afternoon.\n\
                   Short last line.";
    check_sentences(&[(
        wrapped,
        &[
            "The ministry said two soldiers had been wounded and that its units had returned fire on positions held by the separatist forces near Lachin overnight .",
            "No civilian casualties were reported by either side , officials in Baku and Yerevan said on Tuesday afternoon .",
            "Short last line .",
        ],
    )]);
}

#[test]
fn offsets_point_into_the_original_text() {
    let text = "  Erdoğan’s “talks” — in Şuşa.\r\n\r\nNext ";
    let seg = Segmenter::new().segment(text);
    let words: Vec<&str> = seg.tokens.iter().map(|t| &text[t.span.range()]).collect();
    assert_eq!(
        words,
        ["Erdoğan", "’s", "“", "talks", "”", "—", "in", "Şuşa", ".", "Next"]
    );
    assert_eq!(seg.sentences.len(), 2);
    assert_eq!(
        &text[seg.sentences[0].span.range()],
        "Erdoğan’s “talks” — in Şuşa."
    );
    assert_eq!(&text[seg.sentences[1].span.range()], "Next");
}
