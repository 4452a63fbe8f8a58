//! Pronouns and definite descriptions resolved to an antecedent in the
//! same or the previous sentences.
//!
//! A salience model in the manner of Lappin and Leass: candidates that
//! fail agreement (number, gender, person or not) or binding (a pronoun is
//! not a co-argument of its antecedent, nor inside it) are dropped; the
//! rest score for recency, subjecthood, objecthood and being named, the
//! score halving with each sentence of distance; the best wins, the
//! nearest on ties.

use super::mention::{Mention, MentionKind, Role};
use super::words::{Animacy, Description, Gender, Number, PronounFeatures};
use crate::ner::ActorKind;

/// How many sentences back a pronoun looks.
const PRONOUN_WINDOW: usize = 3;
/// How many sentences back a description looks.
const DESCRIPTION_WINDOW: usize = 6;

/// The mention a pronoun refers to, among the mentions before it.
pub fn resolve_pronoun(before: &[Mention], pronoun: &Mention, f: PronounFeatures) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (index, candidate) in before.iter().enumerate().rev() {
        let distance = pronoun.sentence.saturating_sub(candidate.sentence);
        if distance > PRONOUN_WINDOW {
            break;
        }
        if !available(candidate) || pronoun.hosts.contains(&candidate.token) {
            continue;
        }
        if !f.possessive
            && !f.reflexive
            && candidate.clause.is_some()
            && candidate.clause == pronoun.clause
        {
            continue;
        }
        if !agrees(candidate, f) {
            continue;
        }
        let own_subject = pronoun.clause_subject == Some(candidate.token);
        if own_subject && !f.possessive && !f.reflexive {
            // "New Delhi was accused of using it": not New Delhi.
            continue;
        }
        let mut score = salience(candidate);
        if pronoun.role == Role::Subject && candidate.role == Role::Subject {
            // Parallel subjects: "Mammadli arrived … He met …"
            score += 35.0;
        }
        if f.animacy == Animacy::Person && candidate.animacy == Animacy::Person {
            score += 30.0;
        }
        if own_subject {
            // A possessive or reflexive prefers the subject of its own
            // clause: "accused New Delhi of using its consulates".
            score += 40.0;
        }
        let score = score * 0.5f32.powi(distance as i32);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

/// Whether a candidate can be an antecedent: a pronoun or description
/// only when it was resolved itself.
fn available(candidate: &Mention) -> bool {
    match candidate.kind {
        MentionKind::Pronoun(_) | MentionKind::Description { .. } => {
            !candidate.antecedents.is_empty()
        }
        _ => true,
    }
}

fn salience(candidate: &Mention) -> f32 {
    let mut score = 100.0;
    score += match candidate.role {
        Role::Subject => 80.0,
        Role::Object => 50.0,
        Role::Other => 0.0,
    };
    if candidate.actor.is_some() {
        score += 40.0;
    }
    if let MentionKind::Pronoun(f) = candidate.kind {
        // A chain of personal pronouns is salient; `it` is too often
        // pleonastic or about an event for that.
        if f.animacy != Animacy::NonPerson {
            score += 30.0;
        }
    }
    score
}

/// Number, gender and animacy agreement between a candidate and a
/// pronoun.
fn agrees(candidate: &Mention, f: PronounFeatures) -> bool {
    if let MentionKind::Pronoun(g) = candidate.kind {
        return g.number == f.number && g.gender == f.gender && g.animacy == f.animacy;
    }
    let plural = candidate.number == Number::Plural || !candidate.conjuncts.is_empty();
    match f.animacy {
        Animacy::Person => {
            candidate.animacy != Animacy::NonPerson
                && !plural
                && (candidate.gender == Gender::Unknown || candidate.gender == f.gender)
        }
        Animacy::NonPerson => {
            candidate.animacy != Animacy::Person && (!plural || candidate.number == Number::Unknown)
        }
        Animacy::Unknown => {
            // `they`: a plural, a coordination, or an organisation.
            plural
                || candidate.number == Number::Unknown
                || candidate
                    .actor
                    .as_ref()
                    .is_some_and(|a| matches!(a.kind, Some(ActorKind::Group | ActorKind::Igo)))
        }
    }
}

/// The mentions a definite description refers to, most recent first:
/// `count` different actors of the description's class (`the ministry` →
/// `Azerbaijan's Defense Ministry`; `both countries` → the last two
/// countries named).
pub fn resolve_description(
    before: &[Mention],
    description: &Mention,
    class: Description,
    count: usize,
) -> Vec<usize> {
    let mut same_head = Vec::new();
    let mut others = Vec::new();
    for (index, candidate) in before.iter().enumerate().rev() {
        if description.sentence.saturating_sub(candidate.sentence) > DESCRIPTION_WINDOW {
            break;
        }
        if !matches!(candidate.kind, MentionKind::Named) || !fits(candidate, class) {
            continue;
        }
        if candidate.lemma == description.lemma {
            same_head.push(index);
        } else {
            others.push(index);
        }
    }
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    for index in same_head.into_iter().chain(others) {
        let side = before[index].actor.as_ref().map(|a| a.side.as_str());
        let seen = chosen
            .iter()
            .any(|&c| before[c].actor.as_ref().map(|a| a.side.as_str()) == side);
        if !seen {
            chosen.push(index);
        }
        if chosen.len() == count {
            break;
        }
    }
    if chosen.len() < count {
        chosen.clear();
    }
    chosen
}

/// Whether a named mention can be what a description of `class` names.
fn fits(candidate: &Mention, class: Description) -> bool {
    let Some(actor) = &candidate.actor else {
        return false;
    };
    let lower = actor.text.to_lowercase();
    let code_sector = actor.code.as_deref().and_then(|c| c.get(3..6));
    match class {
        Description::State => matches!(actor.kind, Some(ActorKind::Country | ActorKind::Territory)),
        Description::Government => {
            matches!(
                actor.kind,
                Some(
                    ActorKind::Country
                        | ActorKind::Territory
                        | ActorKind::Capital
                        | ActorKind::Seat
                )
            ) || matches!(
                candidate.lemma.as_str(),
                "government" | "authority" | "administration"
            )
        }
        Description::Ministry => lower.contains("ministry") || lower.contains("department"),
        Description::Bloc => actor.kind == Some(ActorKind::Igo),
        Description::Group => {
            actor.kind == Some(ActorKind::Group)
                || (actor.kind.is_none()
                    && !actor.person
                    && actor.label == Some(crate::doc::EntityLabel::Org)
                    && !lower.contains("ministry"))
                || code_sector == Some("REB")
        }
        Description::Military => {
            code_sector == Some("MIL")
                || matches!(
                    candidate.lemma.as_str(),
                    "army" | "military" | "force" | "troop"
                )
        }
        Description::Official => actor.person,
        Description::Side => !actor.person,
    }
}
