//! Step 5: the rule layer. From each sentence's dependency tree and the
//! entities, actor–action–target triples with an event type, actor codes,
//! negation, mode, a confidence and the name of the rule that fired.
//!
//! The stage reads, it does not annotate: [`Linker::link`] returns the
//! triples and the pipeline sets them on the document.
//!
//! Per document: sentences are taken in order; each sentence's mentions
//! are built and its pronouns and descriptions resolved against what came
//! before ([`mention`], [`coref`]); then every verb is read as a clause
//! ([`clause`]) whose actor and targets come from UD relations, whose
//! action and type come from the [`lexicon`], and whose negation and mode
//! come from [`modality`]; duplicates in a sentence are merged.

pub mod actors;
pub mod argument;
pub mod clause;
pub mod control;
pub mod coref;
pub mod lexicon;
pub mod mention;
pub mod merge;
pub mod modality;
pub mod names;
pub mod repair;
pub mod rules;
pub mod tree;
pub mod words;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::doc::{Doc, Triple};
use crate::ner::ActorDictionary;

pub use lexicon::{EventCode, EventLexicon, NounSense, VerbSense, EVENT_TYPES};

use clause::ClauseRules;
use mention::Mentions;
use tree::Tree;

/// Options of the rule layer, recorded in the run manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkConfig {
    /// Also write events that have an actor but no target (`Russia
    /// withdrew`), with empty `target_*` columns. Off by default: the
    /// output is who did what to whom.
    #[serde(default)]
    pub targetless: bool,
}

/// The link stage: builds triples from parsed, recognized documents.
#[derive(Debug, Clone)]
pub struct Linker {
    lexicon: Arc<EventLexicon>,
    actors: Arc<ActorDictionary>,
    config: LinkConfig,
}

impl Linker {
    /// A linker over an event lexicon and an actor dictionary.
    pub fn new(
        lexicon: Arc<EventLexicon>,
        actors: Arc<ActorDictionary>,
        config: LinkConfig,
    ) -> Self {
        Linker {
            lexicon,
            actors,
            config,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &LinkConfig {
        &self.config
    }

    /// The event lexicon.
    pub fn lexicon(&self) -> &EventLexicon {
        &self.lexicon
    }

    /// The triples of a document, in sentence order. A document without a
    /// syntax layer has none.
    pub fn link(&self, doc: &Doc) -> Vec<Triple> {
        let mut triples = Vec::new();
        if doc.syntax.len() != doc.tokens.len() {
            return triples;
        }
        let mut mentions = Mentions::new(doc.tokens.len());
        for sentence in 0..doc.sentences.len() {
            let Some(tree) = Tree::new(doc, sentence) else {
                continue;
            };
            mentions.add_sentence(&tree, &self.actors);
            let rules = ClauseRules {
                tree: &tree,
                mentions: &mentions,
                lexicon: &self.lexicon,
                lookup: &self.actors,
                targetless: self.config.targetless,
            };
            let from = triples.len();
            for v in 0..tree.len() {
                if self.is_predicate(&tree, v) {
                    rules.predicate(v, &mut triples);
                }
            }
            merge::merge_sentence(&mut triples, from);
        }
        triples
    }
}

impl Linker {
    /// Whether token `v` heads a clause: a verb, or a word the tagger
    /// took for a noun or adjective that the parser gives a subject or
    /// object and the lexicon knows as a verb (headline `accuses`).
    fn is_predicate(&self, tree: &Tree<'_>, v: usize) -> bool {
        if tree.is_verb(v) {
            return true;
        }
        matches!(tree.upos(v), "NOUN" | "ADJ" | "PROPN")
            && tree
                .children(v)
                .any(|c| matches!(tree.deprel(c), "nsubj" | "obj"))
            && tree.children(v).all(|c| tree.rel(c) != "cop")
            && self.lexicon.knows_verb(&tree.lemma(v).to_lowercase())
    }
}

/// A third-person pronoun and the mention chosen as its antecedent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PronounLink {
    /// Document index of the pronoun token.
    pub pronoun: usize,
    /// Document index of the head token of the antecedent (which may
    /// itself be a pronoun), if one was found.
    pub antecedent: Option<usize>,
}

/// The antecedent chosen for every third-person pronoun of a parsed
/// document: what coreference decides, for measuring it on annotated
/// corpora.
pub fn pronoun_links(doc: &Doc, actors: &ActorDictionary) -> Vec<PronounLink> {
    let mut mentions = Mentions::new(doc.tokens.len());
    if doc.syntax.len() != doc.tokens.len() {
        return Vec::new();
    }
    for sentence in 0..doc.sentences.len() {
        if let Some(tree) = Tree::new(doc, sentence) {
            mentions.add_sentence(&tree, actors);
        }
    }
    let list = mentions.list();
    list.iter()
        .filter(|m| matches!(m.kind, mention::MentionKind::Pronoun(_)))
        .map(|m| PronounLink {
            pronoun: m.token,
            antecedent: m.direct.map(|d| list[d].token),
        })
        .collect()
}
