//! Who the subject of a clause is when it has none of its own: the
//! subject shared with a coordinated verb, the controller of an
//! infinitive or gerund (`agreed to withdraw`, `accused X of shelling`),
//! or the noun a relative or participle clause modifies.

use super::rules::ActorRoute;
use super::tree::Tree;
use super::words::is_relative_pronoun;

/// The token whose mention is the logical subject of `v` (its surface
/// subject for a passive), and how it was found.
pub fn subject_slot(tree: &Tree<'_>, v: usize, depth: usize) -> Option<(usize, ActorRoute)> {
    if depth > 6 {
        return None;
    }
    if let Some(s) = tree
        .children(v)
        .find(|&c| matches!(tree.deprel(c), "nsubj" | "nsubj:pass" | "nsubj:outer"))
    {
        let route = if is_relative_pronoun(&tree.text(s).to_lowercase()) {
            ActorRoute::Relative
        } else {
            ActorRoute::Subject
        };
        return Some((s, route));
    }
    let u = tree.head(v)?;
    match tree.deprel(v) {
        "conj" => subject_slot(tree, u, depth + 1).map(|(s, r)| {
            let route = if r == ActorRoute::Subject {
                ActorRoute::Conjunct
            } else {
                r
            };
            (s, route)
        }),
        "xcomp" => controller(tree, u, true, depth),
        "advcl" if non_finite(tree, v) => {
            let object_first = tree
                .children_with(v, "mark")
                .any(|m| matches!(tree.text(m).to_lowercase().as_str(), "of" | "for"));
            controller(tree, u, object_first, depth)
        }
        "acl:relcl" | "acl" => Some((u, ActorRoute::Relative)),
        _ => None,
    }
}

/// The controller of a non-finite clause under `u`: its object when
/// `object_first` and it has one, else its subject.
fn controller(
    tree: &Tree<'_>,
    u: usize,
    object_first: bool,
    depth: usize,
) -> Option<(usize, ActorRoute)> {
    if object_first {
        if let Some(o) = tree.child_with(u, "obj") {
            return Some((o, ActorRoute::Control));
        }
    }
    subject_slot(tree, u, depth + 1).map(|(s, _)| (s, ActorRoute::Control))
}

/// Whether a clause is non-finite (a gerund, participle or infinitive
/// without its own subject).
fn non_finite(tree: &Tree<'_>, v: usize) -> bool {
    matches!(tree.xpos(v), "VBG" | "VB" | "VBN")
        && !tree.has_child(v, "nsubj")
        && !tree.children(v).any(|c| {
            tree.deprel(c) == "aux" && !matches!(tree.lemma(c).to_lowercase().as_str(), "to" | "be")
        })
}

/// The logical subject of the clause a nominal stands in: the predicate
/// above it through nominal relations, then that predicate's subject
/// (`its` in `accused Delhi of using its consulates` sits in the clause
/// whose subject is Delhi).
pub fn clause_subject_of(tree: &Tree<'_>, i: usize) -> Option<usize> {
    let mut x = i;
    for _ in 0..8 {
        let h = tree.head(x)?;
        if matches!(tree.upos(h), "VERB" | "AUX" | "ADJ") && tree.rel(x) != "nmod" {
            return subject_slot(tree, h, 0).map(|(s, _)| s).filter(|&s| s != i);
        }
        x = h;
    }
    None
}
