//! Negation and mode of a clause: its own negators and modals, and what
//! the clauses above it say about it (reported under a speech verb,
//! hypothetical under `threaten to` or `if`, negated under `deny`).

use crate::doc::Mode;

use super::lexicon::{EventCode, EventLexicon};
use super::tree::Tree;
use super::words::{control_event, is_negator, modal, Modal};

/// How a predicate's event is asserted, and what its matrix verb does
/// to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Modality {
    /// Whether the event is negated.
    pub negated: bool,
    /// Asserted, reported, hypothetical or future.
    pub mode: Mode,
    /// The event type a control verb above imposes (`agreed to` → AGREE).
    pub control: Option<EventCode>,
    /// The clause is the requested action of an object-control request
    /// (`urged Israel to withdraw`): it gives no row of its own.
    pub requested: bool,
}

#[derive(Default)]
struct Flags {
    negated: bool,
    reported: bool,
    hypothetical: bool,
    future: bool,
}

impl Flags {
    fn mode(&self) -> Mode {
        if self.reported {
            Mode::Reported
        } else if self.hypothetical {
            Mode::Hypothetical
        } else if self.future {
            Mode::Future
        } else {
            Mode::Asserted
        }
    }
}

/// The own negation and modal of predicate `v`: `(negated, modal)`.
fn own(tree: &Tree<'_>, v: usize) -> (bool, Option<Modal>) {
    let mut negated = false;
    let mut found = None;
    for c in tree.children(v) {
        let deprel = tree.deprel(c);
        if matches!(deprel, "advmod" | "neg" | "aux" | "cc:preconj")
            && is_negator(&tree.text(c).to_lowercase())
        {
            negated = !negated;
        }
        if deprel == "aux" {
            found = modal(&tree.lemma(c).to_lowercase())
                .or_else(|| modal(&tree.text(c).to_lowercase()))
                .or(found);
        }
    }
    (negated, found)
}

fn apply(flags: &mut Flags, negated: bool, m: Option<Modal>) {
    flags.negated ^= negated;
    match m {
        Some(Modal::Future) => flags.future = true,
        Some(Modal::Hypothetical) => flags.hypothetical = true,
        None => {}
    }
}

/// Whether predicate `u` has an object or a lexicon-fixed prepositional
/// target (`urged Israel`, `called on Armenia`).
fn has_addressee(tree: &Tree<'_>, u: usize, lexicon: &EventLexicon, lemma: &str) -> bool {
    tree.children(u).any(|c| match tree.deprel(c) {
        "obj" | "iobj" => true,
        "obl" => tree
            .case_marker(c)
            .is_some_and(|p| lexicon.verb(lemma, &[], &p).is_some()),
        _ => false,
    })
}

/// The modality of predicate `v`.
pub fn modality(tree: &Tree<'_>, v: usize, lexicon: &EventLexicon) -> Modality {
    let mut flags = Flags::default();
    let (negated, m) = own(tree, v);
    apply(&mut flags, negated, m);
    let mut control = None;
    let mut requested = false;
    // Whether negation and modals still pass down: through conjunction
    // and control, not through a reported or adverbial clause.
    let mut inherits = true;
    let mut x = v;
    let mut steps = 0;
    while let Some(u) = tree.head(x) {
        steps += 1;
        if steps > tree.len() {
            break;
        }
        let lemma = tree.lemma(u).to_lowercase();
        let sense = lexicon.head_sense(&lemma, &[]);
        let rel = tree.deprel(x);
        match tree.rel(x) {
            "conj" if inherits => {
                if !tree.has_child(v, "aux") {
                    let (negated, m) = own(tree, u);
                    apply(&mut flags, negated, m);
                }
            }
            "xcomp" if inherits => {
                let (negated, m) = own(tree, u);
                apply(&mut flags, negated, m);
                if let Some(s) = sense {
                    flags.hypothetical |= s.intent;
                    flags.negated ^= s.negates;
                    if x == v
                        && s.code.event == "REQUEST"
                        && s.intent
                        && has_addressee(tree, u, lexicon, &lemma)
                    {
                        requested = true;
                    }
                }
                if lemma == "go" && tree.xpos(u) == "VBG" {
                    flags.future = true;
                }
                if x == v && !tree.has_child(u, "obj") {
                    control = control_event(&lemma);
                }
            }
            "ccomp" | "parataxis" => {
                if let Some(s) = sense {
                    flags.reported |= s.speech;
                    if inherits {
                        flags.hypothetical |= s.intent && !s.speech;
                        flags.negated ^= s.negates;
                    }
                }
                inherits = false;
            }
            "advcl" => {
                let conditional = tree
                    .children_with(x, "mark")
                    .any(|m| matches!(tree.text(m).to_lowercase().as_str(), "if" | "unless"));
                if inherits && conditional {
                    flags.hypothetical = true;
                }
                inherits = false;
            }
            _ => {
                if rel != "conj" && rel != "xcomp" {
                    inherits = false;
                }
            }
        }
        x = u;
    }
    // A quotation followed by `..., X said` puts the speech verb under
    // the quoted clause.
    for c in tree.children(v) {
        let lemma = tree.lemma(c).to_lowercase();
        let reported_by_child = match tree.deprel(c) {
            "parataxis" => lexicon.head_sense(&lemma, &[]).is_some_and(|s| s.speech),
            "obl" => tree.case_marker(c).as_deref() == Some("according to"),
            _ => false,
        };
        flags.reported |= reported_by_child;
    }
    Modality {
        negated: flags.negated,
        mode: flags.mode(),
        control,
        requested,
    }
}
