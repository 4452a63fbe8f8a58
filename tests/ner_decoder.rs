//! The BILOU decoder never produces an invalid span, whatever the scores.

use actant::doc::EntityLabel;
use actant::ner::embedded::tags::{decode, encode, Tag, TokenSpan, TAG_COUNT};
use actant::ner::embedded::viterbi::{Decoder, Transitions};
use proptest::prelude::*;

fn scores(n: usize) -> impl Strategy<Value = Vec<[f32; TAG_COUNT]>> {
    prop::collection::vec(prop::array::uniform17(-50.0f32..50.0), n)
}

fn table() -> impl Strategy<Value = [[f32; TAG_COUNT]; TAG_COUNT]> {
    prop::array::uniform17(prop::array::uniform17(-300.0f32..300.0))
}

proptest! {
    #[test]
    fn decoded_paths_are_well_formed_and_spans_fit(
        emissions in (1usize..40).prop_flat_map(scores),
        transitions in table(),
        temperature in 0.5f32..50.0,
    ) {
        let transitions = Transitions::new(transitions);
        let mut decoder = Decoder::default();
        let path = decoder.best_path(&emissions, &transitions);
        prop_assert_eq!(path.len(), emissions.len());
        let tags: Vec<Tag> = path.iter().map(|&t| Tag::from_index(t).unwrap()).collect();
        let spans = decode(&tags);
        prop_assert!(spans.is_ok(), "{:?}", tags);
        let with_scores = decoder.spans(&emissions, &transitions, temperature);
        prop_assert_eq!(
            with_scores.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>(),
            spans.unwrap()
        );
        let mut end = 0;
        for (span, p) in with_scores {
            prop_assert!(span.tokens.start >= end && span.tokens.start < span.tokens.end);
            prop_assert!(span.tokens.end <= emissions.len());
            prop_assert!((0.0..=1.0).contains(&p), "probability {}", p);
            end = span.tokens.end;
        }
    }

    #[test]
    fn spans_round_trip_through_tags(
        cuts in prop::collection::vec((1usize..4, 0usize..3, 0usize..4), 0..12),
    ) {
        // Build non-overlapping spans from (length, gap, label) triples.
        let mut spans = Vec::new();
        let mut at = 0;
        for (len, gap, label) in cuts {
            at += gap;
            spans.push(TokenSpan { tokens: at..at + len, label: EntityLabel::ALL[label] });
            at += len;
        }
        let tags = encode(&spans, at + 1).unwrap();
        prop_assert_eq!(decode(&tags).unwrap(), spans);
    }
}
