//! Arguments are actors, not just entity spans: a named entity, a
//! dictionary actor the recognizer missed (`Baku`, `the Kremlin`), or a
//! nominal group with a state or organisation modifier and a sector noun
//! (`Azerbaijani troops`, `Russia's Defense Ministry`). Titles, compounds,
//! appositions and possessives collapse onto the best-named mention, and
//! the actor code comes from the dictionary (country + sector).

use crate::doc::{EntityLabel, Span};

use crate::ner::{ActorDictionary, ActorEntry, ActorKind};

use super::actors::{compose_code, name_meaning};
use super::names::given_name_gender;
use super::tree::Tree;
use super::words::{is_belonging_noun, is_calendar_word, person_noun, title_gender, Gender};

/// A resolved actor or target mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// The mention text, trimmed to the minimal phrase (the antecedent's
    /// text for a pronoun).
    pub text: String,
    /// Entity label when the mention is a name.
    pub label: Option<EntityLabel>,
    /// Actor code.
    pub code: Option<String>,
    /// Three-letter country or organisation the actor belongs to, when
    /// known (`AZE` for `Azerbaijani troops`).
    pub owner: Option<String>,
    /// What the actor's name is in the dictionary, if it is one.
    pub kind: Option<ActorKind>,
    /// Who the actor is for "same side" tests: the owner, or the
    /// canonical name of an organisation, or the text.
    pub side: String,
    /// Where the mention stands (the pronoun for a resolved pronoun).
    pub span: Span,
    /// Confidence of the entities involved.
    pub score: f32,
    /// Whether the actor was found through coreference.
    pub resolved: bool,
    /// Whether the mention is a person.
    pub person: bool,
    /// Gender, where the text tells it.
    pub gender: Gender,
}

/// A name at a token: an entity, or a dictionary name the recognizer
/// missed.
#[derive(Clone, Debug)]
pub struct NameRef {
    /// The name's extent.
    pub span: Span,
    /// Its label.
    pub label: EntityLabel,
    /// Its meaning in the actor dictionary.
    pub name: Option<ActorEntry>,
    /// Its actor code (from the recognizer, else the dictionary).
    pub code: Option<String>,
    /// Recognizer confidence (dictionary names: a fixed prior).
    pub score: f32,
    /// First token (sentence position).
    pub first: usize,
    /// Last token (sentence position).
    pub last: usize,
}

/// Confidence given to a dictionary name the recognizer did not mark.
const DICTIONARY_SCORE: f32 = 0.8;

impl NameRef {
    /// Who the name stands for, for same-side tests.
    fn side(&self, text: &str) -> String {
        match &self.name {
            Some(n) if n.owner.len() == 3 && n.owner != "IGO" => n.owner.clone(),
            Some(n) => n.canonical.clone(),
            None => self
                .code
                .as_deref()
                .filter(|c| c.len() >= 3)
                .map_or_else(|| text.to_string(), |c| c[..3].to_string()),
        }
    }

    /// The owner code, for composing a sector code.
    fn owner(&self) -> Option<String> {
        match &self.name {
            Some(n) => Some(n.owner.clone()),
            None => self
                .code
                .as_deref()
                .filter(|c| c.len() >= 3)
                .map(|c| c[..3].to_string()),
        }
    }

    /// Whether the name can own a group (`Azerbaijani` in `Azerbaijani
    /// troops`, `UN` in `UN peacekeepers`): a state or organisation name.
    fn can_own(&self) -> bool {
        match &self.name {
            Some(n) => n.kind != ActorKind::City,
            None => matches!(
                self.label,
                EntityLabel::Misc | EntityLabel::Org | EntityLabel::Loc
            ),
        }
    }
}

/// The label a dictionary name carries when the recognizer missed it.
fn kind_label(kind: ActorKind) -> EntityLabel {
    match kind {
        ActorKind::Country | ActorKind::Territory | ActorKind::Capital | ActorKind::City => {
            EntityLabel::Loc
        }
        ActorKind::Igo | ActorKind::Group | ActorKind::Seat => EntityLabel::Org,
        ActorKind::Demonym => EntityLabel::Misc,
    }
}

/// The text of a span with runs of whitespace folded to one space.
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// The name covering token `i`, if any.
pub fn name_at(tree: &Tree<'_>, i: usize, lookup: &ActorDictionary) -> Option<NameRef> {
    let doc = tree.doc();
    if let Some(e) = tree.entity(i) {
        let entity = &doc.entities[e];
        let name = name_meaning(lookup, doc.slice(entity.span)).cloned();
        let code = entity
            .code
            .clone()
            .or_else(|| name.as_ref().map(|n| n.code.clone()));
        let tokens = tree.entity_tokens(e);
        return Some(NameRef {
            span: entity.span,
            label: entity.label,
            name,
            code,
            score: entity.score,
            first: tokens.start,
            last: tokens.end.saturating_sub(1).max(tokens.start),
        });
    }
    if !starts_upper(tree.text(i)) || !matches!(tree.upos(i), "PROPN" | "NOUN" | "ADJ") {
        return None;
    }
    // A multi-word name the recognizer missed: the token with its
    // compound and flat parts (`White House`).
    let mut first = i;
    let mut last = i;
    for c in tree.children(i) {
        if matches!(tree.deprel(c), "compound" | "flat") && starts_upper(tree.text(c)) {
            first = first.min(c);
            last = last.max(c);
        }
    }
    let mut extents = vec![(first, last)];
    if (first, last) != (i, i) {
        extents.push((i, i));
    }
    for (f, l) in extents {
        let span = Span::new(tree.span(f).start, tree.span(l).end);
        if let Some(name) = name_meaning(lookup, doc.slice(span)).cloned() {
            return Some(NameRef {
                span,
                label: kind_label(name.kind),
                code: Some(name.code.clone()),
                name: Some(name),
                score: DICTIONARY_SCORE,
                first: f,
                last: l,
            });
        }
    }
    None
}

/// The actor a nominal head stands for, before coreference: a person, a
/// name, a government body with its state, or a coded group.
///
/// `possessor` resolves a possessive pronoun (sentence position) to its
/// antecedent (`its troops` → Russia).
pub fn build_actor(
    tree: &Tree<'_>,
    i: usize,
    lookup: &ActorDictionary,
    possessor: &dyn Fn(usize) -> Option<Actor>,
) -> Option<Actor> {
    if tree.entity(i).is_none() {
        if let Some(p) = apposed_person(tree, i, lookup) {
            return person_actor(tree, p, lookup);
        }
    }
    if let Some(name) = name_at(tree, i, lookup) {
        if name.label == EntityLabel::Per {
            return person_actor(tree, i, lookup);
        }
        if name.name.is_none() && name.label == EntityLabel::Org {
            if let Some(actor) = state_body(tree, i, &name, lookup) {
                return Some(actor);
            }
        }
        return Some(name_actor(tree, &name));
    }
    if tree.upos(i) == "NOUN" {
        return group_actor(tree, i, lookup, possessor);
    }
    if tree.upos(i) == "PROPN" && tree.entity(i).is_none() {
        return unrecognized_name(tree, i);
    }
    None
}

/// A proper noun the recognizer missed (`captured Thandwe`): the name
/// with its `flat` and proper-noun `compound` parts, without a label or a
/// code, and with a low score.
fn unrecognized_name(tree: &Tree<'_>, i: usize) -> Option<Actor> {
    let word = tree.text(i);
    if !word.starts_with(char::is_uppercase) || is_calendar_word(&word.to_lowercase()) {
        return None;
    }
    let parts: Vec<usize> = tree
        .children(i)
        .filter(|&c| {
            tree.entity(c).is_none()
                && match tree.deprel(c) {
                    "flat" => true,
                    "compound" => tree.upos(c) == "PROPN",
                    _ => false,
                }
        })
        .chain([i])
        .collect();
    let first = *parts.iter().min()?;
    let last = *parts.iter().max()?;
    // Only a contiguous name: parts the parser attached across other words
    // are left out.
    if last - first + 1 != parts.len() {
        return None;
    }
    let span = Span::new(tree.span(first).start, tree.span(last).end);
    let text = clean_text(tree.doc().slice(span));
    Some(Actor {
        side: text.clone(),
        owner: None,
        kind: None,
        text,
        label: None,
        code: None,
        span,
        score: 0.3,
        resolved: false,
        person: false,
        gender: Gender::Unknown,
    })
}

/// A generic government body named with its state: `Russia's Defense
/// Ministry`, `the Armenian Foreign Ministry` (the body alone does not
/// identify the actor).
fn state_body(
    tree: &Tree<'_>,
    i: usize,
    body: &NameRef,
    lookup: &ActorDictionary,
) -> Option<Actor> {
    let doc = tree.doc();
    let body_text = doc.slice(body.span).to_lowercase();
    let last_word = body_text.split_whitespace().last().unwrap_or("");
    let sector = lookup
        .sector_of_noun(&body_text)
        .or_else(|| lookup.sector_of_noun(last_word))?
        .to_string();
    let (owner, first) = state_modifier(tree, i, lookup, Some(body))?;
    // `Russia's Defense Ministry`, or `the Defense Ministry of Russia`.
    let span = if first < body.first {
        Span::new(tree.span(first).start, body.span.end)
    } else {
        Span::new(body.span.start, owner.span.end)
    };
    let owner_code = owner.owner();
    Some(Actor {
        text: clean_text(doc.slice(span)),
        label: Some(body.label),
        code: owner_code
            .as_deref()
            .map(|o| compose_code(o, Some(&sector))),
        side: owner.side(doc.slice(owner.span)),
        owner: owner_code,
        kind: None,
        span,
        score: (body.score + owner.score) / 2.0,
        resolved: false,
        person: false,
        gender: Gender::Unknown,
    })
}

/// The state or organisation name modifying nominal `i` (possessor,
/// adjective, compound, or `of` + name), and the first token of the
/// modifier phrase. Tokens of `own` (the head's own name) are skipped.
fn state_modifier(
    tree: &Tree<'_>,
    i: usize,
    lookup: &ActorDictionary,
    own: Option<&NameRef>,
) -> Option<(NameRef, usize)> {
    let inside = |t: usize| own.is_some_and(|n| (n.first..=n.last).contains(&t));
    let mut best: Option<(u8, NameRef, usize)> = None;
    for c in tree.children(i) {
        if inside(c) {
            continue;
        }
        let rank = match tree.deprel(c) {
            "nmod:poss" => 4,
            "amod" => 3,
            "compound" => 2,
            "nmod" if tree.case_marker(c).as_deref() == Some("of") => 1,
            _ => continue,
        };
        let Some(name) = name_at(tree, c, lookup) else {
            continue;
        };
        if !name.can_own() || name.label == EntityLabel::Per {
            continue;
        }
        let first = name.first.min(c);
        if best.as_ref().is_none_or(|(r, _, _)| rank > *r) {
            best = Some((rank, name, first));
        }
    }
    best.map(|(_, name, first)| (name, first))
}

/// The sector a noun phrase headed by `i` names: the longest phrase of
/// its compound and adjective modifiers that the dictionary knows
/// (`special forces`, `border guards`), else the head alone.
fn phrase_sector<'l>(tree: &Tree<'_>, i: usize, lookup: &'l ActorDictionary) -> Option<&'l str> {
    let doc = tree.doc();
    let mods: Vec<usize> = tree
        .children(i)
        .filter(|&c| c < i && matches!(tree.deprel(c), "compound" | "amod"))
        .collect();
    for &m in &mods {
        let phrase = doc.text[tree.span(m).start..tree.span(i).end].to_lowercase();
        if let Some(sector) = lookup.sector_of_noun(&clean_text(&phrase)) {
            return Some(sector);
        }
    }
    lookup
        .sector_of_noun(&tree.text(i).to_lowercase())
        .or_else(|| lookup.sector_of_noun(&tree.lemma(i).to_lowercase()))
}

/// A coded group: a state or organisation name modifying a sector noun
/// or a belonging noun (`Azerbaijani troops`, `UN peacekeepers`,
/// `Armenian positions`), or a possessive pronoun doing so (`its units`).
fn group_actor(
    tree: &Tree<'_>,
    i: usize,
    lookup: &ActorDictionary,
    possessor: &dyn Fn(usize) -> Option<Actor>,
) -> Option<Actor> {
    let sector = phrase_sector(tree, i, lookup);
    let lemma = tree.lemma(i).to_lowercase();
    if sector.is_none() && !is_belonging_noun(&lemma) && person_noun(&lemma).is_none() {
        return None;
    }
    let doc = tree.doc();
    if let Some((owner, first)) = state_modifier(tree, i, lookup, None) {
        let (start, end) = if first < i {
            (tree.span(first).start, tree.span(i).end)
        } else {
            (tree.span(i).start, owner.span.end)
        };
        let span = Span::new(start, end);
        let owner_code = owner.owner();
        let code = match (&owner.name, &owner_code) {
            (Some(n), _) if n.owner.len() > 3 => Some(n.code.clone()),
            (_, Some(o)) => Some(compose_code(o, sector)),
            _ => None,
        };
        return Some(Actor {
            text: clean_text(doc.slice(span)),
            label: None,
            code,
            side: owner.side(doc.slice(owner.span)),
            owner: owner_code,
            kind: None,
            span,
            score: owner.score,
            resolved: false,
            person: false,
            gender: Gender::Unknown,
        });
    }
    let pronoun = tree
        .children_with(i, "nmod:poss")
        .find(|&c| tree.upos(c) == "PRON")?;
    let antecedent = possessor(pronoun)?;
    let code = match (&antecedent.owner, sector) {
        (Some(o), Some(s)) if o.len() == 3 && o != "IGO" => Some(compose_code(o, Some(s))),
        _ => antecedent.code.clone(),
    };
    Some(Actor {
        code,
        span: tree.span(pronoun),
        resolved: true,
        ..antecedent
    })
}

/// A person's name standing in apposition to, or as the name part of, a
/// common noun (`his Azeri counterpart Sakir Hasanov`, `spokesman Dmitry
/// Sorokin` when the title heads the phrase).
fn apposed_person(tree: &Tree<'_>, i: usize, lookup: &ActorDictionary) -> Option<usize> {
    // A title the tagger made a proper noun (`Defence Minister Ramón
    // Echeverría` headed by `Defence`) counts as the noun it is.
    if !matches!(tree.upos(i), "NOUN" | "PROPN") {
        return None;
    }
    tree.children(i)
        .filter(|&c| matches!(tree.deprel(c), "appos" | "flat" | "compound" | "flat:name"))
        .find(|&c| name_at(tree, c, lookup).is_some_and(|n| n.label == EntityLabel::Per))
}

/// A person actor: the name alone, coded from the titles, nouns and
/// state names around it (`Azerbaijani Foreign Minister Rauf Mammadli` →
/// `AZEGOV`; `a spokeswoman for Armenia's Foreign Ministry` → `ARMGOV`).
fn person_actor(tree: &Tree<'_>, p: usize, lookup: &ActorDictionary) -> Option<Actor> {
    let name = name_at(tree, p, lookup)?;
    let doc = tree.doc();
    let mut owner: Option<NameRef> = None;
    let mut sector: Option<String> = None;
    let mut gender = Gender::Unknown;
    let inside = |t: usize| (name.first..=name.last).contains(&t);
    // Descriptors: the name's own modifiers, and the noun it is in
    // apposition to with that noun's modifiers.
    let mut queue: Vec<(usize, u8)> = (name.first..=name.last)
        .flat_map(|t| tree.children(t).collect::<Vec<_>>())
        .filter(|&c| !inside(c))
        .map(|c| (c, 0))
        .collect();
    if let Some(h) = tree.head(p) {
        if matches!(tree.deprel(p), "appos" | "flat" | "compound" | "flat:name") && !inside(h) {
            queue.push((h, 0));
        }
    }
    if let Some(first) = name.first.checked_sub(1) {
        if let Some(g) = title_gender(&tree.text(first).to_lowercase()) {
            gender = g;
        }
    }
    let mut seen = 0;
    while let Some((d, depth)) = queue.pop() {
        seen += 1;
        if seen > 24 || depth > 2 {
            continue;
        }
        let rel = tree.deprel(d);
        let descriptor = matches!(
            rel,
            "compound" | "amod" | "nmod:poss" | "appos" | "nmod" | "flat" | "flat:name"
        ) || Some(d) == tree.head(p);
        if !descriptor {
            continue;
        }
        if let Some(n) = name_at(tree, d, lookup) {
            if n.label != EntityLabel::Per && n.can_own() {
                if owner.is_none() {
                    if n.name.is_none() && n.label == EntityLabel::Org {
                        // `a spokeswoman for Armenia's Foreign Ministry`
                        if let Some(body) = state_body(tree, d, &n, lookup) {
                            if let Some(code) = &body.code {
                                sector.get_or_insert_with(|| code[3.min(code.len())..].to_string());
                            }
                        }
                        if let Some((o, _)) = state_modifier(tree, d, lookup, Some(&n)) {
                            owner = Some(o);
                        }
                    } else {
                        if let Some(s) = n.code.as_deref().filter(|c| c.len() == 6) {
                            sector.get_or_insert_with(|| s[3..].to_string());
                        }
                        owner = Some(n);
                    }
                }
                continue;
            }
        }
        if tree.is_noun(d) {
            let title = compound_phrase(tree, d);
            if let Some(s) = lookup
                .sector_of_title(&title)
                .or_else(|| lookup.sector_of_noun(&title.to_lowercase()))
                .or_else(|| lookup.sector_of_noun(&tree.text(d).to_lowercase()))
            {
                sector.get_or_insert_with(|| s.to_string());
            }
            if let Some(g) = person_noun(&tree.lemma(d).to_lowercase()) {
                if gender == Gender::Unknown {
                    gender = g;
                }
            }
            if let Some(g) = title_gender(&tree.text(d).to_lowercase()) {
                gender = g;
            }
        }
        for c in tree.children(d) {
            if !inside(c) && c != p {
                queue.push((c, depth + 1));
            }
        }
    }
    if gender == Gender::Unknown {
        gender = given_name_gender(tree.text(name.first)).unwrap_or(Gender::Unknown);
    }
    let text = clean_text(doc.slice(name.span));
    let owner_code = owner.as_ref().and_then(NameRef::owner);
    let code = match &owner_code {
        Some(o) if o.len() == 3 && o != "IGO" => Some(compose_code(o, sector.as_deref())),
        Some(o) => Some(o.clone()),
        None => name.code.clone(),
    };
    let side = match &owner {
        Some(o) => o.side(doc.slice(o.span)),
        None => text.clone(),
    };
    Some(Actor {
        text,
        label: Some(EntityLabel::Per),
        code,
        owner: owner_code,
        kind: None,
        side,
        span: name.span,
        score: name.score,
        resolved: false,
        person: true,
        gender,
    })
}

/// A noun with the compound words before it (`Foreign Minister`).
fn compound_phrase(tree: &Tree<'_>, d: usize) -> String {
    let first = tree
        .children_with(d, "compound")
        .filter(|&c| c < d)
        .min()
        .unwrap_or(d);
    clean_text(&tree.doc().text[tree.span(first).start..tree.span(d).end])
}

/// A named place at token `i` (an entity labelled `LOC` or a dictionary
/// place), for the rule that makes the place of an unnamed object the
/// target (`shelled three villages near Lachin` → Lachin).
pub fn place_at(tree: &Tree<'_>, i: usize, lookup: &ActorDictionary) -> Option<Actor> {
    let name = name_at(tree, i, lookup)?;
    let is_place = name.label == EntityLabel::Loc
        || name.name.as_ref().is_some_and(|n| {
            matches!(
                n.kind,
                ActorKind::City | ActorKind::Capital | ActorKind::Country | ActorKind::Territory
            )
        });
    if !is_place {
        return None;
    }
    Some(name_actor(tree, &name))
}

/// The actor a name (not a person's) stands for, as written.
fn name_actor(tree: &Tree<'_>, name: &NameRef) -> Actor {
    let text = clean_text(tree.doc().slice(name.span));
    Actor {
        side: name.side(&text),
        owner: name.owner(),
        kind: name.name.as_ref().map(|n| n.kind),
        text,
        label: Some(name.label),
        code: name.code.clone(),
        span: name.span,
        score: name.score,
        resolved: false,
        person: false,
        gender: Gender::Unknown,
    }
}
