//! Entity mentions of the GUM treebank, read from the `Entity=` brackets
//! of the CoNLL-U MISC column.
//!
//! GUM declares `# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity`:
//! a mention opens on its first word with `(` and those fields joined by
//! `-` (`(3-person-new-sssss-cf1-1-coref-Lord_Byron`), closes on its last
//! word with the entity number and `)` (`3)`), and a one-word mention does
//! both (`(10-place-...-Dulwich)`). Several brackets can stand on one word
//! (`(4-organization-...(5-place-...)` then `4)`); mentions nest but do
//! not cross sentences. The identity (a Wikipedia title) is kept but the
//! named-mention rule in [`super::gum_named`] does not use it.

use std::ops::Range;

use crate::corpus::conllu::ConlluSentence;
use crate::error::{Error, Location, Result};

/// One entity mention of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GumMention {
    /// The entity (coreference group) number, as written (`3`).
    pub entity: String,
    /// Entity type: `person`, `place`, `organization`, `abstract`,
    /// `event`, `object`, `time`, `substance`, `animal`, `plant`.
    pub etype: String,
    /// 0-based indices of its words in the sentence, end exclusive.
    pub words: Range<usize>,
    /// 0-based index of its syntactic head: the first word of the mention
    /// whose head lies outside the mention (or is the root).
    pub head: usize,
    /// The identity field (a Wikipedia title), if the mention has one.
    pub identity: Option<String>,
}

/// Every mention of a sentence, ordered by first word, then longest first.
///
/// Fails, naming the sentence, on a bracket that closes an entity not
/// open, or one left open at the end of the sentence.
pub fn sentence_mentions(sentence: &ConlluSentence) -> Result<Vec<GumMention>> {
    let at = || {
        Location::new(
            sentence
                .sent_id
                .as_deref()
                .unwrap_or("<sentence without sent_id>"),
        )
    };
    let mut open: Vec<(String, String, Option<String>, usize)> = Vec::new();
    let mut mentions = Vec::new();
    for (w, word) in sentence.words.iter().enumerate() {
        let Some(value) = word.misc_value("Entity") else {
            continue;
        };
        let mut rest = value;
        while !rest.is_empty() {
            if let Some(body) = rest.strip_prefix('(') {
                let stop = body.find(['(', ')']).unwrap_or(body.len());
                let (entity, etype, identity) = opening_fields(&body[..stop]).ok_or_else(|| {
                    Error::format(
                        at(),
                        format!("word {}: bad entity bracket `{value}`", w + 1),
                    )
                })?;
                if body[stop..].starts_with(')') {
                    mentions.push(mention(sentence, entity, etype, identity, w..w + 1));
                    rest = &body[stop + 1..];
                } else {
                    open.push((entity, etype, identity, w));
                    rest = &body[stop..];
                }
            } else {
                let Some(stop) = rest.find(')') else {
                    return Err(Error::format(
                        at(),
                        format!("word {}: bad entity bracket `{value}`", w + 1),
                    ));
                };
                let id = &rest[..stop];
                let Some(k) = open.iter().rposition(|(entity, ..)| entity == id) else {
                    return Err(Error::format(
                        at(),
                        format!("word {}: entity {id} closes but is not open", w + 1),
                    ));
                };
                let (entity, etype, identity, first) = open.remove(k);
                mentions.push(mention(sentence, entity, etype, identity, first..w + 1));
                rest = &rest[stop + 1..];
            }
        }
    }
    if let Some((entity, ..)) = open.first() {
        return Err(Error::format(
            at(),
            format!("entity {entity} is still open at the end of the sentence"),
        ));
    }
    mentions.sort_by_key(|m| (m.words.start, std::cmp::Reverse(m.words.end)));
    Ok(mentions)
}

/// `id-etype-...-identity` → (id, etype, identity).
fn opening_fields(body: &str) -> Option<(String, String, Option<String>)> {
    let fields: Vec<&str> = body.splitn(8, '-').collect();
    let (id, etype) = (*fields.first()?, *fields.get(1)?);
    if id.is_empty() || etype.is_empty() {
        return None;
    }
    let identity = fields
        .get(7)
        .filter(|s| !s.is_empty())
        .map(|s| s.to_string());
    Some((id.to_string(), etype.to_string(), identity))
}

fn mention(
    sentence: &ConlluSentence,
    entity: String,
    etype: String,
    identity: Option<String>,
    words: Range<usize>,
) -> GumMention {
    let head = head_of(sentence, words.clone());
    GumMention {
        entity,
        etype,
        words,
        head,
        identity,
    }
}

/// The first word of `words` whose head is outside them; the first word
/// if none is (a cycle cannot occur in a tree, but input can be wrong).
pub fn head_of(sentence: &ConlluSentence, words: Range<usize>) -> usize {
    let inside = |head: usize| head > words.start && head <= words.end;
    words
        .clone()
        .find(|&w| !inside(sentence.words[w].head))
        .unwrap_or(words.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::conllu::parse_conllu;

    /// A GUM sentence, trimmed to the columns the reader uses.
    const BYRON: &str = "# sent_id = GUM_bio_byron-2\n\
1\tByron\tByron\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(3-person-new-sssss-cf1-1-coref-Lord_Byron)\n\
2\treceived\treceive\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\this\this\tPRON\tPRP$\t_\t6\tnmod:poss\t_\tEntity=(1-abstract-giv:act-snnns-cf2*-4,6,7-coref(3-person-giv:act-sssss-cf1-1-ana-Lord_Byron)\n\
4\tearly\tearly\tADJ\tJJ\t_\t6\tamod\t_\t_\n\
5\tformal\tformal\tADJ\tJJ\t_\t6\tamod\t_\t_\n\
6\teducation\teducation\tNOUN\tNN\t_\t2\tobj\t_\t_\n\
7\tat\tat\tADP\tIN\t_\t10\tcase\t_\t_\n\
8\tAberdeen\tAberdeen\tPROPN\tNNP\t_\t10\tcompound\t_\tEntity=(4-organization-new-snnnn-cf5-1,2,3-coref-Aberdeen_Grammar_School(5-place-new-snnnn-cf10-1-sgl-Aberdeen)\n\
9\tGrammar\tGrammar\tPROPN\tNNP\t_\t10\tcompound\t_\t_\n\
10\tSchool\tSchool\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=4)1)|SpaceAfter=No\n\
11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

    #[test]
    fn reads_nested_and_single_word_brackets_with_heads() {
        let s = &parse_conllu(BYRON, "t").unwrap()[0];
        let m = sentence_mentions(s).unwrap();
        let brief: Vec<(&str, &str, Range<usize>, usize)> = m
            .iter()
            .map(|m| (m.entity.as_str(), m.etype.as_str(), m.words.clone(), m.head))
            .collect();
        assert_eq!(
            brief,
            vec![
                ("3", "person", 0..1, 0),
                ("1", "abstract", 2..10, 5),
                ("3", "person", 2..3, 2),
                ("4", "organization", 7..10, 9),
                ("5", "place", 7..8, 7),
            ]
        );
        assert_eq!(m[0].identity.as_deref(), Some("Lord_Byron"));
        assert_eq!(m[1].identity, None);
    }

    #[test]
    fn unbalanced_brackets_are_errors_naming_the_sentence() {
        let open = BYRON.replace("Entity=4)1)|", "Entity=4)|");
        let e = sentence_mentions(&parse_conllu(&open, "t").unwrap()[0]).unwrap_err();
        assert!(e.to_string().starts_with("GUM_bio_byron-2:"), "{e}");
        assert!(e.to_string().contains("still open"), "{e}");
        let stray = BYRON.replace("Entity=4)1)|", "Entity=4)1)9)|");
        let e = sentence_mentions(&parse_conllu(&stray, "t").unwrap()[0]).unwrap_err();
        assert!(e.to_string().contains("entity 9 closes"), "{e}");
    }
}
