//! Which GUM mentions are named entities, and over which words: the rule
//! that turns GUM's coreference mentions into CoNLL-style NER gold.
//!
//! A mention is **named** when its syntactic head ([`GumMention::head`])
//! is a proper noun (`PROPN`). Its entity span is the **name core** around
//! that head, grown word by word inside the mention:
//!
//! - name words: proper nouns, and capitalised adjectives and nouns
//!   (`American Revolutionary War`);
//! - a number right after a name word (`World War II`, `Boeing 747`);
//! - a run of at most two connecting words (`of`, `the`, `for`, `&`, `-`,
//!   and name particles such as `de`, `van`, `von`, `al`) only when a name
//!   word follows it (`University of Basel`, `Bank of the West`);
//! - for persons, leading honorifics and titles (`Mr.`, `Dr.`, `Sir`,
//!   `President`, `Emperor`, `General`) are left out, as in CoNLL-2003
//!   (`Dr. William Glennie` → `William Glennie`); a person mention that is
//!   only titles (`this President`) is not named.
//!
//! So `the University of Basel, where ...` gives `University of Basel`,
//! and coordinated names stay separate: `and` does not connect, so
//! `Armenia and Azerbaijan` gives `Armenia` for the whole mention and
//! each conjunct from its own mention. The Wikipedia identity field is
//! not used. The result is flat: a core inside or crossing a longer core
//! is dropped (`Aberdeen` inside `Aberdeen Grammar School`).
//!
//! Types map person → PER, organization → ORG, place → LOC; `time`
//! mentions (`August 1799`, `Monday`) are left out, because CoNLL-2003
//! does not annotate dates; every other type → MISC.

use std::ops::Range;

use crate::corpus::conllu::{ConlluSentence, ConlluWord};
use crate::doc::EntityLabel;
use crate::error::Result;

use super::gum::{sentence_mentions, GumMention};

/// A named entity mention derived from a GUM mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedMention {
    /// 0-based indices of the name-core words in the sentence, end exclusive.
    pub words: Range<usize>,
    /// CoNLL label.
    pub label: EntityLabel,
    /// The GUM mention it comes from.
    pub mention: GumMention,
}

/// The CoNLL label of a GUM entity type; `None` for `time`.
pub fn conll_label(etype: &str) -> Option<EntityLabel> {
    match etype {
        "person" => Some(EntityLabel::Per),
        "organization" => Some(EntityLabel::Org),
        "place" => Some(EntityLabel::Loc),
        "time" => None,
        _ => Some(EntityLabel::Misc),
    }
}

/// The named entities of a sentence, flat and in text order.
pub fn named_mentions(sentence: &ConlluSentence) -> Result<Vec<NamedMention>> {
    let mut named: Vec<NamedMention> = sentence_mentions(sentence)?
        .into_iter()
        .filter_map(|mention| {
            let label = conll_label(&mention.etype)?;
            let words = name_core(sentence, &mention)?;
            Some(NamedMention {
                words,
                label,
                mention,
            })
        })
        .collect();
    // Longest first, then leftmost: keep a core only if it overlaps no
    // core already kept.
    named.sort_by_key(|n| (std::cmp::Reverse(n.words.len()), n.words.start));
    let mut kept: Vec<NamedMention> = Vec::with_capacity(named.len());
    for n in named {
        let clashes = kept
            .iter()
            .any(|k| k.words.start < n.words.end && n.words.start < k.words.end);
        if !clashes {
            kept.push(n);
        }
    }
    kept.sort_by_key(|n| n.words.start);
    Ok(kept)
}

/// The name core of a mention, or `None` if the mention is not named.
pub fn name_core(sentence: &ConlluSentence, mention: &GumMention) -> Option<Range<usize>> {
    let words = &sentence.words;
    let head = mention.head;
    if words.get(head)?.upos != "PROPN" {
        return None;
    }
    let bounds = mention.words.clone();
    let mut core = head..head + 1;
    // Rightwards: name words, a number after a name word, connectors
    // between name words.
    loop {
        let next = core.end;
        if next >= bounds.end {
            break;
        }
        if is_name_word(&words[next]) || words[next].upos == "NUM" {
            core.end += 1;
        } else if let Some(name) = connected_name(words, next, bounds.end) {
            core.end = name + 1;
        } else {
            break;
        }
    }
    // Leftwards: name words and connectors between name words.
    loop {
        if core.start == bounds.start {
            break;
        }
        let prev = core.start - 1;
        if is_name_word(&words[prev]) {
            core.start = prev;
        } else if let Some(name) = connected_name_leftwards(words, prev, bounds.start) {
            core.start = name;
        } else {
            break;
        }
    }
    if mention.etype == "person" {
        // A person's name without the titles before it; a mention that is
        // only titles (`this President`, `Mr. President`) is no name.
        while !core.is_empty() && is_title(&words[core.start].form) {
            core.start += 1;
        }
        if core.is_empty() {
            return None;
        }
    }
    Some(core)
}

/// If a run of one or two connectors starts at `from` (going right) and a
/// name word follows inside `end`, the index of that name word.
fn connected_name(words: &[ConlluWord], from: usize, end: usize) -> Option<usize> {
    let mut i = from;
    while i < end && i < from + 2 && is_connector(&words[i].form) {
        i += 1;
    }
    (i > from && i < end && is_name_word(&words[i])).then_some(i)
}

/// The same going left from `from` (inclusive) down to `start`.
fn connected_name_leftwards(words: &[ConlluWord], from: usize, start: usize) -> Option<usize> {
    let mut i = from;
    let mut run = 0;
    while run < 2 && is_connector(&words[i].form) {
        run += 1;
        if i == start {
            return None;
        }
        i -= 1;
    }
    (run > 0 && is_name_word(&words[i])).then_some(i)
}

fn is_name_word(word: &ConlluWord) -> bool {
    match word.upos.as_str() {
        "PROPN" => true,
        // `United` in `United States Congress` is tagged as a participle.
        "ADJ" | "NOUN" | "VERB" | "X" => word.form.chars().next().is_some_and(char::is_uppercase),
        _ => false,
    }
}

fn is_connector(form: &str) -> bool {
    const CONNECTORS: [&str; 22] = [
        "of", "the", "for", "&", "-", "de", "du", "des", "del", "della", "di", "da", "do", "dos",
        "van", "von", "der", "den", "la", "le", "al", "el",
    ];
    CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(form))
}

/// Honorifics and titles written before a person's name.
fn is_title(form: &str) -> bool {
    const TITLES: [&str; 45] = [
        "Mr",
        "Mrs",
        "Ms",
        "Mx",
        "Miss",
        "Dr",
        "Prof",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "President",
        "Vice",
        "Prime",
        "Minister",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Emperor",
        "Empress",
        "Pope",
        "General",
        "Gen",
        "Colonel",
        "Col",
        "Captain",
        "Capt",
        "Lieutenant",
        "Lt",
        "Sergeant",
        "Sgt",
        "Admiral",
        "Senator",
        "Sen",
        "Rep",
        "Governor",
        "Gov",
        "Mayor",
        "Judge",
        "Justice",
        "Chancellor",
        "Secretary",
        "Professor",
        "Rev",
    ];
    let bare = form.strip_suffix('.').unwrap_or(form);
    TITLES.contains(&bare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conllu::parse_conllu;

    /// Builds a sentence from `form/UPOS/head` words and mentions given as
    /// `(etype, first, last)` with 1-based inclusive word numbers.
    fn sentence(words: &str, mentions: &[(&str, usize, usize)]) -> ConlluSentence {
        let words: Vec<(&str, &str, usize)> = words
            .split_whitespace()
            .map(|w| {
                let mut parts = w.rsplitn(3, '/');
                let head = parts.next().unwrap().parse().unwrap();
                let upos = parts.next().unwrap();
                (parts.next().unwrap(), upos, head)
            })
            .collect();
        let mut misc = vec![String::new(); words.len()];
        for (k, (etype, first, last)) in mentions.iter().enumerate() {
            if first == last {
                misc[first - 1].push_str(&format!("({k}-{etype}-new)"));
            } else {
                misc[first - 1].push_str(&format!("({k}-{etype}-new"));
                misc[last - 1].push_str(&format!("{k})"));
            }
        }
        let mut text = String::from("# sent_id = s\n");
        for (i, (form, upos, head)) in words.iter().enumerate() {
            let m = if misc[i].is_empty() {
                "_".to_string()
            } else {
                format!("Entity={}", misc[i])
            };
            text.push_str(&format!(
                "{}\t{form}\t_\t{upos}\t_\t_\t{head}\tdep\t_\t{m}\n",
                i + 1
            ));
        }
        parse_conllu(&text, "t").unwrap().remove(0)
    }

    fn named(s: &ConlluSentence) -> Vec<(String, EntityLabel)> {
        named_mentions(s)
            .unwrap()
            .into_iter()
            .map(|n| {
                let text: Vec<&str> = s.words[n.words].iter().map(|w| w.form.as_str()).collect();
                (text.join(" "), n.label)
            })
            .collect()
    }

    fn n(text: &str, label: EntityLabel) -> (String, EntityLabel) {
        (text.to_string(), label)
    }

    #[test]
    fn the_determiner_and_the_relative_clause_are_left_out() {
        let s = sentence(
            "She/PRON/2 studied/VERB/0 at/ADP/5 the/DET/5 University/PROPN/2 of/ADP/7 Basel/PROPN/5 ,/PUNCT/10 where/ADV/10 taught/VERB/5",
            &[("organization", 4, 10), ("place", 7, 7)],
        );
        assert_eq!(named(&s), vec![n("University of Basel", EntityLabel::Org)]);
    }

    #[test]
    fn capitalised_adjectives_and_a_following_number_join_the_name() {
        let s = sentence(
            "the/DET/4 American/ADJ/4 Revolutionary/ADJ/4 War/PROPN/0 and/CCONJ/8 World/PROPN/7 War/PROPN/4 II/NUM/7",
            &[("event", 1, 4), ("event", 6, 8)],
        );
        assert_eq!(
            named(&s),
            vec![
                n("American Revolutionary War", EntityLabel::Misc),
                n("World War II", EntityLabel::Misc)
            ]
        );
    }

    #[test]
    fn coordinated_names_stay_separate() {
        let s = sentence(
            "Armenia/PROPN/4 and/CCONJ/3 Azerbaijan/PROPN/1 signed/VERB/0",
            &[("place", 1, 3), ("place", 1, 1), ("place", 3, 3)],
        );
        assert_eq!(
            named(&s),
            vec![
                n("Armenia", EntityLabel::Loc),
                n("Azerbaijan", EntityLabel::Loc)
            ]
        );
    }

    #[test]
    fn common_noun_heads_and_dates_are_not_named() {
        let s = sentence(
            "the/DET/3 Russian/ADJ/3 army/NOUN/4 left/VERB/0 in/ADP/6 August/PROPN/4 1799/NUM/6",
            &[("organization", 1, 3), ("person", 2, 2), ("time", 6, 7)],
        );
        // The army mention has a NOUN head; `Russian` is an ADJ head.
        assert_eq!(named(&s), vec![]);
    }

    #[test]
    fn honorifics_are_dropped_and_nested_names_give_way_to_the_longest() {
        let s = sentence(
            "Dr./PROPN/2 William/PROPN/5 Glennie/PROPN/2 of/ADP/5 Aberdeen/PROPN/6 Grammar/PROPN/7 School/PROPN/0",
            &[("person", 1, 3), ("organization", 5, 7), ("place", 5, 5)],
        );
        assert_eq!(
            named(&s),
            vec![
                n("William Glennie", EntityLabel::Per),
                n("Aberdeen Grammar School", EntityLabel::Org)
            ]
        );
    }

    #[test]
    fn titles_are_dropped_from_persons_only() {
        let s = sentence(
            "President/PROPN/2 Trump/PROPN/3 met/VERB/0 this/DET/5 President/PROPN/3 at/ADP/8 General/PROPN/8 Motors/PROPN/3",
            &[("person", 1, 2), ("person", 4, 5), ("organization", 7, 8)],
        );
        assert_eq!(
            named(&s),
            vec![
                n("Trump", EntityLabel::Per),
                n("General Motors", EntityLabel::Org)
            ]
        );
    }

    #[test]
    fn capitalised_participles_join_the_name() {
        let s = sentence(
            "the/DET/4 United/VERB/3 States/PROPN/4 Congress/PROPN/0",
            &[("organization", 1, 4), ("place", 2, 3)],
        );
        assert_eq!(
            named(&s),
            vec![n("United States Congress", EntityLabel::Org)]
        );
    }

    #[test]
    fn connectors_need_a_name_on_both_sides() {
        let s = sentence(
            "Bank/PROPN/0 of/ADP/4 the/DET/4 West/PROPN/1 of/ADP/6 course/NOUN/1",
            &[("organization", 1, 6)],
        );
        assert_eq!(named(&s), vec![n("Bank of the West", EntityLabel::Org)]);
    }

    #[test]
    fn labels_map_from_gum_types() {
        assert_eq!(conll_label("person"), Some(EntityLabel::Per));
        assert_eq!(conll_label("organization"), Some(EntityLabel::Org));
        assert_eq!(conll_label("place"), Some(EntityLabel::Loc));
        assert_eq!(conll_label("event"), Some(EntityLabel::Misc));
        assert_eq!(conll_label("time"), None);
    }
}
