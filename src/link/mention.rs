//! Mentions: every nominal of a document that can act, be acted on or be
//! referred back to, with the agreement features coreference needs.
//! Built sentence by sentence, so that a pronoun is resolved against the
//! mentions before it as soon as it is met.

use crate::doc::{EntityLabel, Span};

use crate::ner::ActorDictionary;

use super::actors::name_meaning;
use super::argument::{build_actor, Actor};
use super::control::clause_subject_of;
use super::coref::{resolve_description, resolve_pronoun};
use super::names::given_name_gender;
use super::tree::Tree;
use super::words::{
    description, is_relative_pronoun, person_noun, third_person_pronoun, title_gender, Animacy,
    Description, Gender, Number, PronounFeatures,
};

/// What sort of mention it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MentionKind {
    /// A name or a coded group (`Russia`, `Azerbaijani troops`).
    Named,
    /// Another noun phrase (`the claim`, `reporters`).
    Nominal,
    /// A third-person pronoun.
    Pronoun(PronounFeatures),
    /// A definite description that refers back (`the ministry`, `both countries`).
    Description {
        /// What it can refer to.
        class: Description,
        /// How many referents it has (`both countries`: 2).
        count: usize,
    },
}

/// The grammatical role of a mention in its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Subject (active or passive).
    Subject,
    /// Direct or indirect object.
    Object,
    /// Anything else.
    Other,
}

/// One mention.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Document index of its head token.
    pub token: usize,
    /// Sentence index.
    pub sentence: usize,
    /// What it is.
    pub kind: MentionKind,
    /// Number.
    pub number: Number,
    /// Gender.
    pub gender: Gender,
    /// Person or not.
    pub animacy: Animacy,
    /// Role in its clause.
    pub role: Role,
    /// Document index of the predicate it is a core argument of.
    pub clause: Option<usize>,
    /// Document index of the logical subject of its clause (controllers
    /// included), for pronouns.
    pub clause_subject: Option<usize>,
    /// Document indices of the nominals it modifies (a possessive
    /// pronoun cannot refer to the phrase it sits in).
    pub hosts: Vec<usize>,
    /// Lowercase lemma of the head.
    pub lemma: String,
    /// Where it stands (for a description, from its determiner).
    pub span: Span,
    /// The actor it names, for names and nominals.
    pub actor: Option<Actor>,
    /// The mention chosen as antecedent (may itself be a pronoun).
    pub direct: Option<usize>,
    /// The non-pronominal mentions it refers to.
    pub antecedents: Vec<usize>,
    /// Mentions coordinated with it (`Armenia and Azerbaijan`).
    pub conjuncts: Vec<usize>,
}

/// The mentions of a document, in text order.
#[derive(Debug, Default)]
pub struct Mentions {
    list: Vec<Mention>,
    by_token: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Mentions {
    /// An empty collection for a document of `tokens` tokens.
    pub fn new(tokens: usize) -> Self {
        Mentions {
            list: Vec::new(),
            by_token: vec![NONE; tokens],
        }
    }

    /// All mentions.
    pub fn list(&self) -> &[Mention] {
        &self.list
    }

    /// The mention headed by document token `token`.
    pub fn at(&self, token: usize) -> Option<usize> {
        self.by_token
            .get(token)
            .filter(|&&m| m != NONE)
            .map(|&m| m as usize)
    }

    /// Adds the mentions of one sentence, resolving its pronouns and
    /// descriptions against what came before.
    pub fn add_sentence(&mut self, tree: &Tree<'_>, lookup: &ActorDictionary) {
        let first = self.list.len();
        for i in 0..tree.len() {
            if let Some(mention) = self.classify(tree, i, lookup) {
                let index = self.list.len();
                self.by_token[mention.token] = index as u32;
                self.list.push(mention);
                let m = &self.list[index];
                let (direct, antecedents) = match m.kind {
                    MentionKind::Pronoun(f) => {
                        let direct = resolve_pronoun(&self.list[..index], m, f);
                        let antecedents = direct.map_or_else(Vec::new, |d| self.roots(d));
                        (direct, antecedents)
                    }
                    MentionKind::Description { class, count } => {
                        let found = resolve_description(&self.list[..index], m, class, count);
                        (found.first().copied(), found)
                    }
                    _ => continue,
                };
                self.list[index].direct = direct;
                self.list[index].antecedents = antecedents;
            }
        }
        for index in first..self.list.len() {
            let Some(local) = tree.local(self.list[index].token) else {
                continue;
            };
            let conjuncts: Vec<usize> = tree
                .children_with(local, "conj")
                .filter_map(|c| self.at(tree.doc_index(c)))
                .collect();
            if !conjuncts.is_empty() && self.list[index].kind != MentionKind::Nominal {
                self.list[index].number = Number::Plural;
            }
            self.list[index].conjuncts = conjuncts;
        }
    }

    /// The non-pronominal mentions a mention stands for.
    fn roots(&self, m: usize) -> Vec<usize> {
        match self.list[m].kind {
            MentionKind::Pronoun(_) | MentionKind::Description { .. } => {
                self.list[m].antecedents.clone()
            }
            _ => vec![m],
        }
    }

    /// The actors the argument headed by token `i` stands for: its own
    /// actor, or the antecedents' for a pronoun or description (with the
    /// pronoun's span), or the modified noun's for a relative pronoun.
    pub fn actors_at(&self, tree: &Tree<'_>, i: usize) -> Vec<Actor> {
        let mut i = i;
        if is_relative_pronoun(&tree.text(i).to_lowercase()) {
            if let Some(v) = tree.head(i) {
                if tree.deprel(v) == "acl:relcl" {
                    if let Some(n) = tree.head(v) {
                        i = n;
                    }
                }
            }
        }
        let Some(m) = self.at(tree.doc_index(i)) else {
            return Vec::new();
        };
        self.referents(m)
    }

    /// The actors of mention `m`.
    pub fn referents(&self, m: usize) -> Vec<Actor> {
        let mention = &self.list[m];
        match mention.kind {
            MentionKind::Named | MentionKind::Nominal => mention.actor.iter().cloned().collect(),
            MentionKind::Pronoun(_) | MentionKind::Description { .. } => {
                let plural = mention.number == Number::Plural;
                let mut out = Vec::new();
                for &a in &mention.antecedents {
                    let antecedent = &self.list[a];
                    let group =
                        std::iter::once(a).chain(
                            antecedent.conjuncts.iter().copied().filter(|_| {
                                plural && matches!(mention.kind, MentionKind::Pronoun(_))
                            }),
                        );
                    for g in group {
                        if let Some(actor) = &self.list[g].actor {
                            out.push(Actor {
                                span: mention.span,
                                resolved: true,
                                ..actor.clone()
                            });
                        }
                    }
                }
                out
            }
        }
    }

    fn classify(&self, tree: &Tree<'_>, i: usize, lookup: &ActorDictionary) -> Option<Mention> {
        let lower = tree.text(i).to_lowercase();
        let rel = tree.deprel(i);
        let role = match tree.rel(i) {
            "nsubj" => Role::Subject,
            "obj" | "iobj" => Role::Object,
            _ => Role::Other,
        };
        let clause = matches!(tree.rel(i), "nsubj" | "obj" | "iobj")
            .then(|| tree.head(i).map(|h| tree.doc_index(h)))
            .flatten();
        let base = |kind, number, gender, animacy, span, actor| Mention {
            token: tree.doc_index(i),
            sentence: tree.sentence,
            kind,
            number,
            gender,
            animacy,
            role,
            clause,
            hosts: hosts(tree, i),
            clause_subject: None,
            lemma: tree.lemma(i).to_lowercase(),
            span,
            actor,
            direct: None,
            antecedents: Vec::new(),
            conjuncts: Vec::new(),
        };
        if matches!(tree.upos(i), "PRON" | "DET") {
            let f = third_person_pronoun(&lower)?;
            if rel == "expl" {
                return None;
            }
            let mut mention = base(
                MentionKind::Pronoun(f),
                f.number,
                f.gender,
                f.animacy,
                tree.span(i),
                None,
            );
            mention.clause_subject = clause_subject_of(tree, i).map(|s| tree.doc_index(s));
            return Some(mention);
        }
        if !tree.is_noun(i) {
            // A name tagged otherwise (an adjective `Russian` used as a
            // noun is left out; a name's head always counts).
            let e = tree.entity(i)?;
            if tree.entity_head(e) != Some(i) || tree.upos(i) == "ADJ" {
                return None;
            }
        }
        if matches!(
            rel,
            "compound" | "flat" | "flat:name" | "fixed" | "goeswith"
        ) {
            return None;
        }
        if let Some(e) = tree.entity(i) {
            if tree.entity_head(e) != Some(i) {
                return None;
            }
        }
        let possessor = |p: usize| -> Option<Actor> {
            let m = self.at(tree.doc_index(p))?;
            self.referents(m).into_iter().next()
        };
        let actor = build_actor(tree, i, lookup, &possessor);
        let plural = tree.is_plural(i);
        let number = if plural {
            Number::Plural
        } else {
            Number::Singular
        };
        let noun_gender = person_noun(&tree.lemma(i).to_lowercase());
        if let Some(actor) = &actor {
            let animacy = if actor.person {
                Animacy::Person
            } else if actor.label.is_some() || actor.kind.is_some() {
                Animacy::NonPerson
            } else if noun_gender.is_some() {
                Animacy::Person
            } else {
                Animacy::Unknown
            };
            let gender = if actor.gender == Gender::Unknown {
                noun_gender.unwrap_or(Gender::Unknown)
            } else {
                actor.gender
            };
            // Names of places and organisations take `it` (and `they` for
            // organisations) whatever their form: `the United States`,
            // `the Philippines`, `the Rapid Support Forces`.
            let number = match actor.label {
                Some(EntityLabel::Org) => Number::Unknown,
                Some(EntityLabel::Loc) if tree.entity(i).is_some() => Number::Singular,
                _ => number,
            };
            return Some(base(
                MentionKind::Named,
                number,
                gender,
                animacy,
                tree.span(i),
                Some(actor.clone()),
            ));
        }
        let lemma = tree.lemma(i).to_lowercase();
        if let Some((class, count, start)) = description_of(tree, i, &lemma) {
            let span = Span::new(tree.span(start).start, tree.span(i).end);
            let number = if count > 1 { Number::Plural } else { number };
            return Some(base(
                MentionKind::Description { class, count },
                number,
                Gender::Unknown,
                Animacy::Unknown,
                span,
                None,
            ));
        }
        // A proper noun the recognizer did not mark: a person if its
        // first word is a given name, a place or body if the dictionary
        // knows it, else either.
        let given = std::iter::once(i)
            .chain(tree.children_with(i, "flat"))
            .chain(tree.children_with(i, "compound"))
            .filter(|&t| t <= i || tree.deprel(t) == "flat")
            .min()
            .and_then(|first| {
                given_name_gender(tree.text(first)).or_else(|| {
                    let before = first.checked_sub(1)?;
                    title_gender(&tree.text(before).to_lowercase())
                })
            });
        let (animacy, gender) = if let Some(g) = noun_gender {
            (Animacy::Person, g)
        } else if tree.upos(i) != "PROPN" {
            (Animacy::NonPerson, Gender::Unknown)
        } else if let Some(g) = given {
            (Animacy::Person, g)
        } else if name_meaning(lookup, tree.text(i)).is_some() {
            (Animacy::NonPerson, Gender::Unknown)
        } else {
            (Animacy::Unknown, Gender::Unknown)
        };
        Some(base(
            MentionKind::Nominal,
            number,
            gender,
            animacy,
            tree.span(i),
            None,
        ))
    }
}

/// A definite description that refers back: a description noun with a
/// definite or counting determiner and no name of its own (`the ministry`,
/// `both countries`, `the two leaders`). Returns its class, how many
/// referents it has and its first token.
fn description_of(tree: &Tree<'_>, i: usize, lemma: &str) -> Option<(Description, usize, usize)> {
    if tree.upos(i) != "NOUN" {
        return None;
    }
    let class = description(lemma)?;
    let mut definite = false;
    let mut count = 1;
    let mut start = i;
    for c in tree.children(i) {
        let word = tree.text(c).to_lowercase();
        match (tree.rel(c), word.as_str()) {
            ("det", "the" | "this" | "that" | "these" | "those") => definite = true,
            ("det" | "cc", "both") => {
                definite = true;
                count = 2;
            }
            ("nummod", "two") => count = 2,
            ("nummod", "three") => count = 3,
            // `accused the group of stalling`: the parser may hang the
            // charge on the noun; it does not restrict what the noun means.
            ("acl" | "nmod", _) if is_charge_clause(tree, c) => {}
            ("nmod", _) | ("acl:relcl", _) | ("acl", _) => return None,
            // `the Bush administration`, `Russia's government`: named, not a description.
            ("compound" | "amod" | "flat", _) if tree.upos(c) == "PROPN" => return None,
            _ => {}
        }
        if c < start && matches!(tree.rel(c), "det" | "nummod" | "amod" | "cc") {
            start = c;
        }
    }
    let plural_ok = matches!(
        class,
        Description::Side | Description::Group | Description::Military | Description::Government
    );
    (definite && (count > 1 || !tree.is_plural(i) || plural_ok)).then_some((class, count, start))
}

/// Whether `c` is a gerund clause introduced by `of` or `for` (`of
/// stalling`, `for attacking`; a clause, or an `-ing` noun the tagger
/// made of it): the charge of a verb of accusation or blame.
fn is_charge_clause(tree: &Tree<'_>, c: usize) -> bool {
    let introduced = tree.children(c).any(|m| {
        matches!(tree.rel(m), "mark" | "case")
            && matches!(tree.text(m).to_lowercase().as_str(), "of" | "for")
    });
    introduced && (tree.rel(c) == "acl" || tree.text(c).to_lowercase().ends_with("ing"))
}

/// The nominals a token sits inside through nominal relations (`his` in
/// `his counterpart` sits in `counterpart`).
fn hosts(tree: &Tree<'_>, i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut x = i;
    while matches!(
        tree.rel(x),
        "nmod" | "det" | "amod" | "compound" | "flat" | "appos" | "case"
    ) {
        match tree.head(x) {
            Some(h) if out.len() < 8 => {
                out.push(tree.doc_index(h));
                x = h;
            }
            _ => break,
        }
    }
    out
}
