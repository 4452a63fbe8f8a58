//! Properties the segmenter promises for any input: tokens and sentences
//! cover the text in order without overlap, spans lie on character
//! boundaries, nothing panics, and large or degenerate inputs stay linear.

use actant::segment::{Segmentation, Segmenter};
use proptest::prelude::*;

/// Characters that never belong to a token.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}')
}

/// Checks every promise of [`Segmenter::segment`] on `text`.
fn check_invariants(text: &str, seg: &Segmentation) -> Result<(), String> {
    let mut covered = 0; // bytes of `text` accounted for so far
    for (i, token) in seg.tokens.iter().enumerate() {
        let span = token.span;
        if span.is_empty() {
            return Err(format!("token {i} is empty"));
        }
        if span.start < covered {
            return Err(format!("token {i} {span:?} overlaps or goes backwards"));
        }
        let Some(surface) = text.get(span.range()) else {
            return Err(format!("token {i} {span:?} is not on char boundaries"));
        };
        if let Some(c) = surface.chars().find(|&c| is_separator(c)) {
            return Err(format!("token {i} {surface:?} holds separator {c:?}"));
        }
        let gap = &text[covered..span.start];
        if let Some(c) = gap.chars().find(|&c| !is_separator(c)) {
            return Err(format!("{c:?} before token {i} belongs to no token"));
        }
        covered = span.end;
    }
    if let Some(c) = text[covered..].chars().find(|&c| !is_separator(c)) {
        return Err(format!("{c:?} after the last token belongs to no token"));
    }
    let mut next = 0;
    for (s, sentence) in seg.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        if range.start != next || range.end <= range.start || range.end > seg.tokens.len() {
            return Err(format!(
                "sentence {s} has tokens {range:?}, expected {next}.."
            ));
        }
        let first = seg.tokens[range.start].span.start;
        let last = seg.tokens[range.end - 1].span.end;
        if sentence.span.start != first || sentence.span.end != last {
            return Err(format!(
                "sentence {s} span {:?} is not {first}..{last}",
                sentence.span
            ));
        }
        next = range.end;
    }
    if next != seg.tokens.len() {
        return Err(format!(
            "sentences cover {next} of {} tokens",
            seg.tokens.len()
        ));
    }
    Ok(())
}

fn assert_invariants(text: &str) -> Segmentation {
    let seg = Segmenter::new().segment(text);
    if let Err(e) = check_invariants(text, &seg) {
        let shown: String = text.chars().take(200).collect();
        panic!("{e}\ntext (first 200 chars): {shown:?}");
    }
    seg
}

/// Text built from the characters the rules look at, so that the rules'
/// edge cases come up often.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Z",
        "é",
        "Ş",
        "7",
        "0",
        ".",
        ",",
        ":",
        ";",
        "!",
        "?",
        "…",
        "'",
        "’",
        "‘",
        "\"",
        "“",
        "”",
        "`",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "-",
        "–",
        "—",
        "/",
        "\\",
        "@",
        "#",
        "$",
        "%",
        "&",
        "*",
        "+",
        "=",
        "_",
        "~",
        "<",
        ">",
        "|",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{A0}",
        "\u{200B}",
        "\u{301}",
        "\u{200D}",
        "\u{FEFF}",
        "\0",
        "\u{1F600}",
        "\u{2029}",
        "s",
        "t",
        "n't",
        "'s",
        "'m",
        "Mr",
        "U.S.",
        "No",
        "pm",
        "km",
        "http://",
        "www.",
        ".com",
        "non",
        "etc",
        "BAKU",
        "The",
        "Jan",
        "gonna",
        "1.",
        "--",
        "...",
        ":)",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_unicode_segments_cleanly(text in any::<String>()) {
        let seg = Segmenter::new().segment(&text);
        prop_assert_eq!(check_invariants(&text, &seg), Ok(()));
    }

    #[test]
    fn tricky_text_segments_cleanly(text in tricky_text()) {
        let seg = Segmenter::new().segment(&text);
        prop_assert_eq!(check_invariants(&text, &seg), Ok(()));
    }

    #[test]
    fn segmentation_is_deterministic(text in tricky_text()) {
        let segmenter = Segmenter::new();
        prop_assert_eq!(segmenter.segment(&text), segmenter.segment(&text));
    }
}

#[test]
fn one_megabyte_of_one_character() {
    for c in [
        'a', '.', '-', '\'', '(', ')', '"', ' ', '\n', 'é', '—', '7', ',', '@', '\u{301}',
    ] {
        let text: String = std::iter::repeat_n(c, 1 << 20).collect();
        assert_invariants(&text);
    }
}

#[test]
fn long_runs_of_punctuation_and_repeated_patterns() {
    for pattern in [
        "?!", ".a", "a.", "a-", "-a", "'s", "U.S.", "1,", "(a)", "a\n", ". A", "x@y.",
    ] {
        let text = pattern.repeat((1 << 20) / pattern.len());
        assert_invariants(&text);
    }
}

#[test]
fn large_documents_without_whitespace_or_without_sentence_punctuation() {
    // Linear time is what lets these finish; the criterion bench measures
    // the 50 MB versions.
    let no_space = "Azerbaijan,Armenia-Russia/2,000.5".repeat(1 << 17);
    let seg = assert_invariants(&no_space);
    assert_eq!(seg.sentences.len(), 1);
    let no_stop = "troops shelled positions near the border and ".repeat(1 << 17);
    let seg = assert_invariants(&no_stop);
    assert_eq!(seg.sentences.len(), 1);
    assert_eq!(seg.tokens.len(), 7 << 17);
}
