//! Clause rules: for each verb, its actor and targets through Universal
//! Dependencies relations, its action (verb + particle + preposition, or
//! light verb + event noun) and its event type from the lexicon.

use crate::doc::{Span, Triple};

use crate::ner::ActorDictionary;

use super::argument::{place_at, Actor};
use super::control::subject_slot;
use super::lexicon::{EventCode, EventLexicon};
use super::mention::Mentions;
use super::modality::{modality, Modality};
use super::rules::{rule_name, rule_prior, ActorRoute, TargetRoute};
use super::tree::Tree;
use super::words::{is_reciprocal_verb, is_relative_pronoun, is_transfer_verb, person_noun};

/// Verbs that state a relation, not an action: their objects are never
/// targets.
const NON_ACTIONS: [&str; 9] = [
    "be", "have", "become", "remain", "seem", "include", "contain", "mean", "get",
];

/// Prepositions that locate an unnamed object at a named place.
const LOCATIVE: [&str; 13] = [
    "in",
    "near",
    "outside",
    "around",
    "of",
    "on",
    "at",
    "across",
    "along",
    "inside",
    "into",
    "throughout",
    "on the outskirts of",
];

/// Adverbs that serve as phrasal particles when the parser attaches them
/// as `advmod` (`pulled back from`).
const PARTICLE_ADVERBS: [&str; 8] = ["out", "off", "up", "down", "back", "over", "away", "in"];

/// A confidence factor for arguments found through coreference.
const RESOLVED_FACTOR: f32 = 0.85;

/// The event type and CAMEO root of speech rows about another actor.
const STATEMENT: EventCode = EventCode {
    event: "STATEMENT",
    cameo: "01",
};

/// One reading of a predicate towards one target slot.
#[derive(Clone, Debug)]
struct Frame {
    /// Head token of the target slot.
    target: usize,
    route: TargetRoute,
    /// Normalised action.
    action: String,
    /// Last token of the action as written.
    action_end: usize,
    code: Option<EventCode>,
    /// Used only when no other frame of the verb gives a triple.
    fallback: bool,
}

/// The clause rules of one sentence.
pub struct ClauseRules<'a, 't> {
    /// The sentence.
    pub tree: &'a Tree<'t>,
    /// The document's mentions, resolved up to this sentence.
    pub mentions: &'a Mentions,
    /// Event lexicon.
    pub lexicon: &'a EventLexicon,
    /// Actor dictionary.
    pub lookup: &'a ActorDictionary,
    /// Whether to write events without a target.
    pub targetless: bool,
}

impl ClauseRules<'_, '_> {
    /// Appends the triples of predicate `v` to `out`.
    pub fn predicate(&self, v: usize, out: &mut Vec<Triple>) {
        let tree = self.tree;
        let lemma = self.lexicon.verb_lemma(tree.lemma(v), tree.text(v));
        if NON_ACTIONS.contains(&lemma.as_str()) {
            return;
        }
        let modality = modality(tree, v, self.lexicon);
        if modality.requested {
            return;
        }
        let particles = self.particles(v, &lemma);
        let prt: Vec<&str> = particles.iter().map(|(_, p)| p.as_str()).collect();
        let passive = is_passive(tree, v);
        let actor_slot = if passive {
            agent(tree, v).map(|a| (a, ActorRoute::Agent))
        } else {
            self.subject_slot(v, 0)
        };
        let mut frames = Vec::new();
        let plain = self.lexicon.verb(&lemma, &prt, "");
        let action_end = particles.iter().map(|(t, _)| *t).max().unwrap_or(v).max(v);
        if passive {
            if let Some((t, route)) = self.subject_slot(v, 0) {
                frames.push(Frame {
                    target: t,
                    route: if route == ActorRoute::Relative {
                        TargetRoute::Relative
                    } else {
                        TargetRoute::Passive
                    },
                    action: phrase(&lemma, &prt, None, None),
                    action_end,
                    code: plain.map(|s| s.code),
                    fallback: false,
                });
            }
        } else {
            self.active_frames(v, &lemma, &prt, action_end, &mut frames);
        }
        let Some((actor_head, actor_route)) = actor_slot else {
            return;
        };
        let actors = self.expand(actor_head);
        if actors.is_empty() {
            return;
        }
        let emitted_before = out.len();
        for fallback in [false, true] {
            if fallback && out.len() > emitted_before {
                break;
            }
            for frame in frames.iter().filter(|f| f.fallback == fallback) {
                let (targets, route) = self.targets(v, frame);
                self.emit(
                    v,
                    &actors,
                    actor_route,
                    &targets,
                    route,
                    frame,
                    &modality,
                    out,
                );
            }
        }
        if out.len() == emitted_before && !passive {
            self.reciprocal(v, &lemma, &prt, action_end, actor_head, &modality, out);
        }
        if out.len() == emitted_before && self.targetless {
            if let Some(sense) = self.lexicon.head_sense(&lemma, &prt) {
                let frame = Frame {
                    target: v,
                    route: TargetRoute::None,
                    action: phrase(&lemma, &prt, None, None),
                    action_end,
                    code: Some(sense.code),
                    fallback: false,
                };
                self.emit(
                    v,
                    &actors,
                    actor_route,
                    &[],
                    TargetRoute::None,
                    &frame,
                    &modality,
                    out,
                );
            }
        }
    }

    /// Particles of a phrasal verb: `compound:prt` children, and adverbs
    /// the lexicon knows as particles of this verb.
    fn particles(&self, v: usize, lemma: &str) -> Vec<(usize, String)> {
        let tree = self.tree;
        let senses = self.lexicon.senses(lemma);
        tree.children(v)
            .filter_map(|c| {
                let word = tree.text(c).to_lowercase();
                let particle = tree.deprel(c) == "compound:prt"
                    || (tree.rel(c) == "advmod"
                        && PARTICLE_ADVERBS.contains(&word.as_str())
                        && senses.iter().any(|s| s.particle == word));
                particle.then_some((c, word))
            })
            .collect()
    }

    /// Target frames of an active verb: lexicon-fixed prepositions, light
    /// verb + event noun, objects, the object gap of a relative clause,
    /// and for speech verbs the subject of the reported clause.
    fn active_frames(
        &self,
        v: usize,
        lemma: &str,
        prt: &[&str],
        action_end: usize,
        frames: &mut Vec<Frame>,
    ) {
        let tree = self.tree;
        let plain = self.lexicon.verb(lemma, prt, "");
        // An event noun as object: its light verb passes the noun's event
        // on (`imposed sanctions on`); a verb that undoes the measure keeps
        // its own event but takes the noun's target (`lifted sanctions on`).
        let light = tree.children(v).find_map(|o| {
            if tree.rel(o) != "obj" {
                return None;
            }
            let noun = self.lexicon.noun(&tree.lemma(o).to_lowercase())?;
            if noun.is_light(lemma) {
                return Some((o, noun, noun.code));
            }
            // People are released, not undone: `released the hostages`
            // has the hostages as its target.
            if person_noun(&tree.lemma(o).to_lowercase()).is_some() {
                return None;
            }
            let undo = plain.filter(|s| matches!(s.code.event, "CONCEDE" | "RETREAT"))?;
            Some((o, noun, undo.code))
        });
        let transfer = is_transfer_verb(lemma);
        let noun_frame = |x: usize, p: &str, o: usize, code: EventCode| {
            let noun_text = tree.text(o).to_lowercase();
            let action = if transfer {
                phrase(lemma, prt, None, Some(p))
            } else {
                phrase(lemma, prt, Some(&noun_text), Some(p))
            };
            Frame {
                target: x,
                route: TargetRoute::EventNoun,
                action,
                action_end: action_end.max(o),
                code: Some(code),
                fallback: false,
            }
        };
        // Oblique targets; a prepositional phrase the parser hung on the
        // verb's object or oblique counts for the verb's own entries
        // (`withdrew its troops from Syria`, `spoke by phone with X`).
        let mut obliques: Vec<(usize, String, bool)> = Vec::new();
        for x in tree.children(v) {
            if tree.rel(x) == "obl"
                && !matches!(tree.deprel(x), "obl:agent" | "obl:tmod" | "obl:npmod")
            {
                if let Some(p) = tree.case_marker(x) {
                    obliques.push((x, p, false));
                }
            }
        }
        for n in tree.children(v) {
            if !matches!(tree.rel(n), "obj" | "obl") || light.is_some_and(|(l, _, _)| l == n) {
                continue;
            }
            for x in tree.children(n).filter(|&x| tree.rel(x) == "nmod") {
                if let Some(p) = tree.case_marker(x) {
                    if !obliques.iter().any(|(_, q, _)| *q == p) {
                        obliques.push((x, p, true));
                    }
                }
            }
        }
        for (x, p, low) in obliques {
            if let Some((o, noun, code)) = light {
                if !low && noun.takes_prep(&p) {
                    frames.push(noun_frame(x, &p, o, code));
                    continue;
                }
            }
            if let Some(sense) = self.lexicon.verb(lemma, prt, &p) {
                frames.push(Frame {
                    target: x,
                    route: TargetRoute::Prep,
                    action: phrase(lemma, prt, None, Some(&p)),
                    action_end,
                    code: Some(sense.code),
                    fallback: false,
                });
            }
        }
        if let Some((o, noun, code)) = light {
            for x in tree.children(o) {
                if tree.rel(x) != "nmod" {
                    continue;
                }
                if let Some(p) = tree.case_marker(x).filter(|p| noun.takes_prep(p)) {
                    frames.push(noun_frame(x, &p, o, code));
                }
            }
        }
        let has_prep_target = !frames.is_empty();
        for o in tree.children(v) {
            if !matches!(tree.deprel(o), "obj" | "iobj") || light.is_some_and(|(l, _, _)| l == o) {
                continue;
            }
            if transfer && has_prep_target {
                continue;
            }
            let relative = is_relative_pronoun(&tree.text(o).to_lowercase());
            frames.push(Frame {
                target: o,
                route: if relative {
                    TargetRoute::Relative
                } else if plain.is_some_and(|s| s.speech) {
                    TargetRoute::Addressee
                } else {
                    TargetRoute::Object
                },
                action: phrase(lemma, prt, None, None),
                action_end,
                code: plain.map(|s| s.code),
                fallback: false,
            });
        }
        let gap = tree.deprel(v) == "acl:relcl"
            && !tree.children(v).any(|c| tree.rel(c) == "obj")
            && tree
                .child_with(v, "nsubj")
                .is_some_and(|s| !is_relative_pronoun(&tree.text(s).to_lowercase()));
        if let (true, Some(sense), Some(n)) = (gap, plain, tree.head(v)) {
            frames.push(Frame {
                target: n,
                route: TargetRoute::Relative,
                action: phrase(lemma, prt, None, None),
                action_end,
                code: Some(sense.code),
                fallback: false,
            });
        }
        if self
            .lexicon
            .head_sense(lemma, prt)
            .is_some_and(|s| s.speech)
        {
            for c in self.reported_clauses(v) {
                let inner = if is_passive(tree, c) {
                    agent(tree, c)
                } else {
                    tree.children(c).find(|&s| tree.deprel(s) == "nsubj")
                };
                if let Some(s) = inner {
                    frames.push(Frame {
                        target: s,
                        route: TargetRoute::Reported,
                        action: phrase(lemma, prt, None, None),
                        action_end,
                        code: Some(STATEMENT),
                        fallback: true,
                    });
                }
            }
        }
    }

    /// The clauses a speech verb reports: its clausal complements (and
    /// their conjuncts), or the quotation it is attached to.
    fn reported_clauses(&self, v: usize) -> Vec<usize> {
        let tree = self.tree;
        let mut out: Vec<usize> = tree.children_with(v, "ccomp").collect();
        if out.is_empty() && tree.deprel(v) == "parataxis" {
            out.extend(tree.head(v));
        }
        let conjuncts: Vec<usize> = out
            .iter()
            .flat_map(|&c| tree.children_with(c, "conj").collect::<Vec<_>>())
            .filter(|&c| tree.is_verb(c) || tree.upos(c) == "AUX")
            .collect();
        out.extend(conjuncts);
        out
    }

    fn subject_slot(&self, v: usize, depth: usize) -> Option<(usize, ActorRoute)> {
        subject_slot(self.tree, v, depth)
    }

    /// The actors of an argument slot and its coordinated conjuncts.
    fn expand(&self, head: usize) -> Vec<Actor> {
        let tree = self.tree;
        let mut out = self.mentions.actors_at(tree, head);
        for c in tree.children_with(head, "conj") {
            if tree.is_noun(c) || tree.upos(c) == "PRON" {
                out.extend(self.mentions.actors_at(tree, c));
            }
        }
        out
    }

    /// The target actors of a frame, falling back for attack and coercion
    /// verbs to the named place of an unnamed object.
    fn targets(&self, v: usize, frame: &Frame) -> (Vec<Actor>, TargetRoute) {
        let found = self.expand(frame.target);
        if !found.is_empty() {
            return (found, frame.route);
        }
        let violent = frame
            .code
            .is_some_and(|c| matches!(c.event, "ASSAULT" | "COERCE"));
        if !violent || frame.route == TargetRoute::Reported {
            return (found, frame.route);
        }
        if let Some(place) = self.located(frame.target, 0) {
            return (vec![place], TargetRoute::Located);
        }
        if frame.route == TargetRoute::Object {
            for x in self.tree.children(v) {
                if self.tree.rel(x) == "obl" && self.locative(x) {
                    let place = place_at(self.tree, x, self.lookup).or_else(|| self.located(x, 1));
                    if let Some(place) = place {
                        return (vec![place], TargetRoute::Located);
                    }
                }
            }
        }
        (found, frame.route)
    }

    fn locative(&self, x: usize) -> bool {
        self.tree
            .case_marker(x)
            .is_some_and(|p| LOCATIVE.contains(&p.as_str()))
    }

    /// A named place modifying an unnamed nominal, through up to three
    /// locative modifiers (`positions outside the village of Sotk`).
    fn located(&self, n: usize, depth: usize) -> Option<Actor> {
        if depth > 3 {
            return None;
        }
        for x in self.tree.children(n) {
            if self.tree.rel(x) != "nmod" || !self.locative(x) {
                continue;
            }
            if let Some(place) = place_at(self.tree, x, self.lookup) {
                return Some(place);
            }
            if let Some(place) = self.located(x, depth + 1) {
                return Some(place);
            }
        }
        None
    }

    /// `Lavrov and Mirzoyan met`: the first conjunct acts on the others.
    #[allow(clippy::too_many_arguments)]
    fn reciprocal(
        &self,
        v: usize,
        lemma: &str,
        prt: &[&str],
        action_end: usize,
        subject: usize,
        modality: &Modality,
        out: &mut Vec<Triple>,
    ) {
        let tree = self.tree;
        if !is_reciprocal_verb(lemma) || tree.head(subject).is_none_or(|h| h != v) {
            return;
        }
        let first = self.mentions.actors_at(tree, subject);
        let others: Vec<Actor> = tree
            .children_with(subject, "conj")
            .flat_map(|c| self.mentions.actors_at(tree, c))
            .collect();
        let Some(sense) = self.lexicon.head_sense(lemma, prt) else {
            return;
        };
        let frame = Frame {
            target: subject,
            route: TargetRoute::Reciprocal,
            action: phrase(lemma, prt, None, None),
            action_end,
            code: Some(sense.code),
            fallback: false,
        };
        self.emit(
            v,
            &first,
            ActorRoute::Reciprocal,
            &others,
            TargetRoute::Reciprocal,
            &frame,
            modality,
            out,
        );
    }

    /// Writes one triple per actor and target.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        v: usize,
        actors: &[Actor],
        actor_route: ActorRoute,
        targets: &[Actor],
        route: TargetRoute,
        frame: &Frame,
        modality: &Modality,
        out: &mut Vec<Triple>,
    ) {
        let tree = self.tree;
        let action = Span::new(tree.span(v).start, tree.span(frame.action_end).end);
        let code = if route == TargetRoute::Reported {
            frame.code
        } else {
            modality.control.or(frame.code)
        };
        let prior = rule_prior(actor_route, route);
        let rule = rule_name(actor_route, route);
        let one = |actor: &Actor, target: Option<&Actor>| {
            let scores = actor.score + target.map_or(actor.score, |t| t.score);
            let resolved = actor.resolved || target.is_some_and(|t| t.resolved);
            let confidence = prior * (scores / 2.0) * if resolved { RESOLVED_FACTOR } else { 1.0 };
            Triple {
                sentence: tree.sentence,
                actor: argument(actor),
                action,
                action_lemma: frame.action.clone(),
                target: target.map(argument),
                event: code.map(|c| c.event.to_string()),
                cameo: code.map(|c| c.cameo.to_string()),
                negated: modality.negated,
                mode: modality.mode,
                confidence: confidence.clamp(0.0, 1.0),
                rule,
            }
        };
        for actor in actors {
            if route == TargetRoute::None {
                out.push(one(actor, None));
                continue;
            }
            for target in targets {
                if same_referent(actor, target) {
                    continue;
                }
                if route == TargetRoute::Reported && actor.side == target.side {
                    continue;
                }
                out.push(one(actor, Some(target)));
            }
        }
    }
}

fn argument(actor: &Actor) -> crate::doc::Argument {
    crate::doc::Argument {
        text: actor.text.clone(),
        label: actor.label,
        code: actor.code.clone(),
        span: actor.span,
    }
}

fn same_referent(a: &Actor, b: &Actor) -> bool {
    a.span == b.span || a.text.eq_ignore_ascii_case(&b.text)
}

/// Whether `v` is a passive verb: a passive subject or auxiliary, a
/// `by`-agent, a past participle modifying a noun, or a participle
/// coordinated with a passive.
fn is_passive(tree: &Tree<'_>, v: usize) -> bool {
    if tree.has_child(v, "nsubj:pass")
        || tree.has_child(v, "aux:pass")
        || tree.has_child(v, "obl:agent")
    {
        return true;
    }
    if tree.xpos(v) != "VBN" {
        return false;
    }
    if tree.has_child(v, "nsubj") || tree.has_child(v, "aux") {
        return false;
    }
    match (tree.deprel(v), tree.head(v)) {
        ("acl", _) => true,
        ("conj", Some(u)) => tree.is_verb(u) && is_passive(tree, u),
        _ => false,
    }
}

/// The agent of a passive: `obl:agent`, or an oblique marked `by`.
fn agent(tree: &Tree<'_>, v: usize) -> Option<usize> {
    tree.child_with(v, "obl:agent").or_else(|| {
        tree.children(v)
            .find(|&c| tree.rel(c) == "obl" && tree.case_marker(c).as_deref() == Some("by"))
    })
}

/// The normalised action: lemma, particles, event noun, preposition.
fn phrase(lemma: &str, particles: &[&str], noun: Option<&str>, prep: Option<&str>) -> String {
    let mut out = String::from(lemma);
    for part in particles.iter().copied().chain(noun).chain(prep) {
        out.push(' ');
        out.push_str(part);
    }
    out
}
