//! Repairs of a few parser errors that hide who did what, made on the
//! rule layer's own copy of a sentence's tree (the document keeps the
//! parser's output).
//!
//! A greedy parser sometimes
//!
//! - reads a news sentence's main verb as a modifier of the subject
//!   (`Russia, which keeps a base in Gyumri, called on ...` with `called`
//!   an `acl` of `base`) or as an adjective of its object (`Sudan's army
//!   shelled RSF positions`);
//! - gives a verb two subjects (`Estonian Prime Minister Kadri Lepp
//!   called`: `Estonian` and `Kadri`; `the Ministry on Tuesday accused`);
//! - takes the preposition before a coordinated verb's object for a
//!   subordinator (`spoke with Omar Saleh and urged Israel`: `with` a
//!   `mark` of `urged`, `Saleh` its subject);
//! - hangs a preposition on the first word of a compound name (`into
//!   Nagorno - Karabakh`);
//! - puts the speaker's own speech act inside the clause they report
//!   (`said troops opened fire and accused Baku`);
//! - hangs the name of `his counterpart, Salim al-Harthy` elsewhere.
//!
//! Each repair keeps the sentence one tree. A sentence whose heads are
//! not all within it is left as it is.

use crate::doc::TokenSyntax;

use super::words::is_calendar_word;

/// Prepositions that a parser may take for the `mark` of a clause, but
/// that never introduce a finite clause with a subject of its own.
const PREPOSITIONS: &[&str] = &[
    "with", "on", "to", "by", "from", "against", "at", "in", "into", "of", "over", "near",
];

/// One word's attachment: 1-based head within the sentence (0 for the
/// root) and relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attachment<'d> {
    /// 1-based head, 0 for the root.
    pub head: usize,
    /// UD relation.
    pub deprel: &'d str,
}

/// The sentence's attachments with the repairs applied, or `None` when
/// none applies.
pub fn repaired(syntax: &[TokenSyntax]) -> Option<Vec<Attachment<'_>>> {
    if syntax.iter().any(|w| w.head > syntax.len()) {
        return None;
    }
    let arcs: Vec<Attachment<'_>> = syntax
        .iter()
        .map(|w| Attachment {
            head: w.head,
            deprel: &w.deprel,
        })
        .collect();
    let mut kids = vec![Vec::new(); arcs.len()];
    for (i, a) in arcs.iter().enumerate() {
        if let Some(k) = a.head.checked_sub(1).and_then(|h| kids.get_mut(h)) {
            k.push(i);
        }
    }
    let mut words = Words { syntax, arcs, kids };
    let mut changed = false;
    changed |= promote_finite_verb(&mut words) || verb_read_as_adjective(&mut words);
    changed |= one_subject(&mut words);
    changed |= preposition_not_mark(&mut words);
    changed |= case_on_the_phrase_head(&mut words);
    changed |= speech_act_joins_the_speaker(&mut words);
    changed |= name_after_a_role(&mut words);
    changed.then_some(words.arcs)
}

/// Tags and lemmas from the parser, attachments being repaired.
struct Words<'d> {
    syntax: &'d [TokenSyntax],
    arcs: Vec<Attachment<'d>>,
    /// Children of each word, in order (kept up to date by `attach`), so
    /// that finding a word's children does not scan the sentence.
    kids: Vec<Vec<usize>>,
}

impl<'d> Words<'d> {
    fn len(&self) -> usize {
        self.arcs.len()
    }

    fn head(&self, i: usize) -> usize {
        self.arcs[i].head
    }

    fn deprel(&self, i: usize) -> &'d str {
        self.arcs[i].deprel
    }

    fn upos(&self, i: usize) -> &'d str {
        &self.syntax[i].upos
    }

    fn attach(&mut self, i: usize, head: usize, deprel: &'static str) {
        if let Some(kids) = self.arcs[i]
            .head
            .checked_sub(1)
            .and_then(|h| self.kids.get_mut(h))
        {
            kids.retain(|&c| c != i);
        }
        if let Some(new) = head.checked_sub(1) {
            let at = self.kids[new].partition_point(|&c| c < i);
            self.kids[new].insert(at, i);
        }
        self.arcs[i] = Attachment { head, deprel };
    }

    /// 0-based children of 0-based word `i`, in order.
    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids[i].iter().copied()
    }

    fn has_child(&self, i: usize, deprels: &[&str]) -> bool {
        self.children(i).any(|c| deprels.contains(&self.deprel(c)))
    }

    fn is_finite_verb(&self, i: usize) -> bool {
        let w = &self.syntax[i];
        w.upos == "VERB" && matches!(w.xpos.as_str(), "VBD" | "VBZ" | "VBP")
    }
}

const SUBJECTS: &[&str] = &["nsubj", "nsubj:pass", "csubj", "expl"];

/// A nominal root with no predicate of its own, followed by a finite
/// verb (or, failing one, a past participle with arguments) without a
/// subject hanging below it as a modifier: the verb is the main predicate
/// and the nominal its subject.
fn promote_finite_verb(words: &mut Words<'_>) -> bool {
    let Some(root) = (0..words.len()).find(|&i| words.head(i) == 0) else {
        return false;
    };
    if !matches!(words.upos(root), "NOUN" | "PROPN" | "PRON")
        || words.has_child(root, &["cop", "nsubj", "nsubj:pass", "aux"])
    {
        return false;
    }
    let candidate = |v: usize, finite: bool| {
        let verb = if finite {
            words.is_finite_verb(v)
        } else {
            // A past participle the tagger took for the past tense's twin
            // (`called`), read as a reduced relative: only when it has
            // arguments of its own.
            words.upos(v) == "VERB"
                && words.syntax[v].xpos == "VBN"
                && words.has_child(v, &["obj", "obl", "iobj", "ccomp", "xcomp"])
        };
        verb && matches!(
            words.deprel(v),
            "acl" | "advcl" | "amod" | "dep" | "appos" | "conj"
        ) && !words.has_child(v, SUBJECTS)
            && !words.has_child(v, &["mark", "aux", "aux:pass", "cop"])
    };
    let verb = (root + 1..words.len())
        .find(|&v| candidate(v, true))
        .or_else(|| (root + 1..words.len()).find(|&v| candidate(v, false)));
    let Some(verb) = verb else {
        return false;
    };
    words.attach(verb, 0, "root");
    words.attach(root, verb + 1, "nsubj");
    true
}

/// A verbless sentence whose verb the parser read as an adjective of the
/// following noun (`Sudan's army shelled RSF positions`, with `shelled`
/// an `amod` of `positions`): the verb is the main predicate, the nominal
/// root its subject and the noun its object.
fn verb_read_as_adjective(words: &mut Words<'_>) -> bool {
    let Some(root) = (0..words.len()).find(|&i| words.head(i) == 0) else {
        return false;
    };
    if !matches!(words.upos(root), "NOUN" | "PROPN" | "PRON")
        || words.has_child(root, &["cop", "nsubj", "nsubj:pass", "aux"])
        || (0..words.len()).any(|i| words.is_finite_verb(i))
    {
        return false;
    }
    let verb = (root + 1..words.len()).find(|&v| {
        words.upos(v) == "VERB"
            && matches!(words.syntax[v].xpos.as_str(), "VBD" | "VBN")
            && words.deprel(v) == "amod"
            && words.head(v) > v + 1
    });
    let Some(verb) = verb else {
        return false;
    };
    let object = words.head(verb) - 1;
    words.attach(verb, 0, "root");
    words.attach(root, verb + 1, "nsubj");
    words.attach(object, verb + 1, "obj");
    true
}

/// A verb with several subjects before it keeps the nearest; the others
/// (a nationality or title the parser split off) modify it.
fn one_subject(words: &mut Words<'_>) -> bool {
    let mut changed = false;
    for v in 0..words.len() {
        // A day or month is when, not who (`the Ministry on Tuesday
        // accused`, with `Tuesday` a second subject and `on` a mark).
        let times: Vec<usize> = words
            .children(v)
            .filter(|&c| {
                words.deprel(c) == "nsubj"
                    && is_calendar_word(&words.syntax[c].lemma.to_lowercase())
            })
            .collect();
        for t in times {
            words.attach(t, v + 1, "obl:tmod");
            if let Some(p) = t.checked_sub(1).filter(|&p| {
                words.head(p) == v + 1
                    && matches!(words.deprel(p), "mark" | "case")
                    && words.upos(p) == "ADP"
            }) {
                words.attach(p, t + 1, "case");
                words.attach(t, v + 1, "obl");
            }
            changed = true;
        }
        let subjects: Vec<usize> = words
            .children(v)
            .filter(|&c| c < v && words.deprel(c) == "nsubj")
            .collect();
        let Some((&kept, others)) = subjects.split_last() else {
            continue;
        };
        for &s in others {
            let deprel = if words.upos(s) == "ADJ" {
                "amod"
            } else {
                "compound"
            };
            words.attach(s, kept + 1, deprel);
            changed = true;
        }
    }
    changed
}

/// `V1 ... with X and V2 Y` parsed with `with` as V2's `mark` and `X` as
/// its subject: `X` is V1's oblique, `with` its case marker, and V2 a
/// conjunct of V1 (which lends it its subject).
fn preposition_not_mark(words: &mut Words<'_>) -> bool {
    let mut changed = false;
    for v in 0..words.len() {
        let head = words.head(v);
        if !words.is_finite_verb(v) || words.deprel(v) != "advcl" || head == 0 {
            continue;
        }
        let mark = words.children(v).find(|&c| {
            words.deprel(c) == "mark"
                && c < v
                && PREPOSITIONS.contains(&words.syntax[c].lemma.to_lowercase().as_str())
        });
        let subject = words.children(v).find(|&c| words.deprel(c) == "nsubj");
        let coordinated = words.children(v).any(|c| words.deprel(c) == "cc" && c < v);
        let (Some(mark), Some(subject), true) = (mark, subject, coordinated) else {
            continue;
        };
        if !(mark < subject && subject < v) {
            continue;
        }
        words.attach(subject, head, "obl");
        words.attach(mark, subject + 1, "case");
        words.attach(v, head, "conj");
        changed = true;
    }
    changed
}

/// A preposition hung on the first word of a compound name (`into
/// Nagorno - Karabakh` with `into` under `Nagorno`) belongs to the name's
/// head, where the rules look for it.
fn case_on_the_phrase_head(words: &mut Words<'_>) -> bool {
    let mut changed = false;
    for c in 0..words.len() {
        let w = words.head(c);
        if words.deprel(c) != "case" || w == 0 || c + 1 >= w {
            continue;
        }
        let w = w - 1;
        let h = words.head(w);
        if h > w + 1 && matches!(words.deprel(w), "compound" | "flat" | "amod") {
            words.attach(c, h, "case");
            changed = true;
        }
    }
    changed
}

/// Verbs that report speech.
const REPORTING: &[&str] = &[
    "say", "tell", "announce", "report", "claim", "state", "add", "insist", "argue", "write",
];

/// Verbs of speech acts, which a speaker performs rather than the people
/// a report is about.
const SPEECH_ACTS: &[&str] = &[
    "accuse",
    "urge",
    "call",
    "warn",
    "deny",
    "demand",
    "blame",
    "criticise",
    "criticize",
    "condemn",
    "praise",
    "thank",
    "reject",
    "appeal",
    "ask",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "insist",
    "add",
    "dismiss",
];

/// `X said [the troops had opened fire] and accused Baku`: a speech act
/// without a subject, coordinated inside the reported clause, is the
/// speaker's, coordinated with the reporting verb.
fn speech_act_joins_the_speaker(words: &mut Words<'_>) -> bool {
    let lemma = |i: usize| words.syntax[i].lemma.to_lowercase();
    let mut changed = false;
    for v in 0..words.len() {
        if words.deprel(v) != "conj" || words.head(v) == 0 {
            continue;
        }
        let inner = words.head(v) - 1;
        if inner > v
            || words.deprel(inner) != "ccomp"
            || words.head(inner) == 0
            || !SPEECH_ACTS.contains(&lemma(v).as_str())
            || words.has_child(v, SUBJECTS)
        {
            continue;
        }
        let speaker_verb = words.head(inner) - 1;
        if speaker_verb < inner && REPORTING.contains(&lemma(speaker_verb).as_str()) {
            words.attach(v, speaker_verb + 1, "conj");
            changed = true;
        }
    }
    changed
}

/// Nouns of people's roles that a name in apposition follows.
const ROLES: &[&str] = &[
    "counterpart",
    "minister",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "leader",
    "chief",
    "commander",
    "official",
    "secretary",
    "negotiator",
    "mediator",
];

/// `his Omani counterpart, Salim al-Harthy` with the name hung elsewhere:
/// a proper noun right after a role noun and a comma, with no preposition
/// of its own, is in apposition to the role.
fn name_after_a_role(words: &mut Words<'_>) -> bool {
    let mut changed = false;
    for role in 0..words.len().saturating_sub(2) {
        let name = role + 2;
        if words.upos(role) != "NOUN"
            || !ROLES.contains(&words.syntax[role].lemma.to_lowercase().as_str())
            || words.syntax[role + 1].xpos != ","
            || words.upos(name) != "PROPN"
            || words.head(name) == role + 1
            || matches!(words.deprel(name), "flat" | "compound")
            || words.has_child(name, &["case"])
            || dominates(words, name, role)
        {
            continue;
        }
        words.attach(name, role + 1, "appos");
        changed = true;
    }
    changed
}

/// Whether word `a` is `b` or one of its ancestors.
fn dominates(words: &Words<'_>, a: usize, b: usize) -> bool {
    let mut at = b;
    for _ in 0..=words.len() {
        if at == a {
            return true;
        }
        match words.head(at) {
            0 => return false,
            h => at = h - 1,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words from `form/UPOS/XPOS/head/deprel[/lemma]` items (the lemma
    /// is the lowercased form unless given).
    fn sentence(spec: &str) -> Vec<TokenSyntax> {
        spec.split_whitespace()
            .map(|item| {
                let p: Vec<&str> = item.split('/').collect();
                TokenSyntax {
                    upos: p[1].to_string(),
                    xpos: p[2].to_string(),
                    lemma: p
                        .get(5)
                        .map_or_else(|| p[0].to_lowercase(), |l| l.to_string()),
                    head: p[3].parse().unwrap(),
                    deprel: p[4].to_string(),
                }
            })
            .collect()
    }

    fn arcs<'a>(words: &'a [Attachment<'a>]) -> Vec<(usize, &'a str)> {
        words.iter().map(|w| (w.head, w.deprel)).collect()
    }

    fn is_tree(words: &[Attachment<'_>]) -> bool {
        let roots = words.iter().filter(|w| w.head == 0).count();
        roots == 1
            && (0..words.len()).all(|i| {
                let mut at = i;
                for _ in 0..=words.len() {
                    match words[at].head {
                        0 => return true,
                        h => at = h - 1,
                    }
                }
                false
            })
    }

    #[test]
    fn a_verb_read_as_a_modifier_of_its_subject_becomes_the_root() {
        // Russia , which keeps a base , called on Armenia .
        let words = sentence(
            "Russia/PROPN/NNP/0/root ,/PUNCT/,/4/punct which/PRON/WDT/4/nsubj \
             keeps/VERB/VBZ/1/acl:relcl a/DET/DT/6/det base/NOUN/NN/4/obj ,/PUNCT/,/8/punct \
             called/VERB/VBD/6/acl on/ADP/IN/10/case Armenia/PROPN/NNP/8/obl ./PUNCT/./1/punct",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[0], (8, "nsubj"));
        assert_eq!(arcs(&fixed)[7], (0, "root"));
        assert_eq!(
            arcs(&fixed)[3],
            (1, "acl:relcl"),
            "the relative clause stays"
        );
        assert!(is_tree(&fixed));
    }

    #[test]
    fn a_participle_with_arguments_is_promoted_when_no_finite_verb_is() {
        // Russia , which keeps a base , called on Armenia . (called/VBN)
        let words = sentence(
            "Russia/PROPN/NNP/0/root ,/PUNCT/,/4/punct which/PRON/WDT/4/nsubj \
             keeps/VERB/VBZ/1/acl:relcl a/DET/DT/6/det base/NOUN/NN/4/obj ,/PUNCT/,/8/punct \
             called/VERB/VBN/6/acl on/ADP/IN/10/case Armenia/PROPN/NNP/8/obl ./PUNCT/./1/punct",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[0], (8, "nsubj"));
        assert_eq!(arcs(&fixed)[7], (0, "root"));
        assert!(is_tree(&fixed));
        // Without arguments of its own, a participle stays a modifier.
        let bare = sentence("Bases/NOUN/NNS/0/root located/VERB/VBN/1/acl ./PUNCT/./1/punct");
        assert!(repaired(&bare).is_none());
    }

    #[test]
    fn a_verb_read_as_an_adjective_becomes_the_root() {
        // Sudan 's army shelled RSF positions .
        let words = sentence(
            "Sudan/PROPN/NNP/3/nmod:poss 's/PART/POS/1/case army/NOUN/NN/0/root \
             shelled/VERB/VBN/6/amod RSF/PROPN/NNP/6/compound positions/NOUN/NNS/3/nmod \
             ./PUNCT/./3/punct",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[2], (4, "nsubj"));
        assert_eq!(arcs(&fixed)[3], (0, "root"));
        assert_eq!(arcs(&fixed)[5], (4, "obj"));
        assert!(is_tree(&fixed));
    }

    #[test]
    fn a_nominal_predicate_is_left_alone() {
        // Russia is a country that borders Georgia .
        let words = sentence(
            "Russia/PROPN/NNP/4/nsubj is/AUX/VBZ/4/cop a/DET/DT/4/det country/NOUN/NN/0/root \
             that/PRON/WDT/6/nsubj borders/VERB/VBZ/4/acl:relcl Georgia/PROPN/NNP/6/obj \
             ./PUNCT/./4/punct",
        );
        assert!(repaired(&words).is_none());
    }

    #[test]
    fn two_subjects_become_one() {
        // Estonian Prime Minister Kadri Lepp called
        let words = sentence(
            "Estonian/PROPN/NNP/6/nsubj Prime/ADJ/NNP/3/amod Minister/PROPN/NNP/4/nmod:desc \
             Kadri/PROPN/NNP/6/nsubj Lepp/PROPN/NNP/4/flat called/VERB/VBD/0/root",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[0], (4, "compound"));
        assert_eq!(arcs(&fixed)[3], (6, "nsubj"));
        assert!(is_tree(&fixed));
    }

    #[test]
    fn a_day_is_not_a_subject() {
        // the Ministry on Tuesday accused forces
        let words = sentence(
            "the/DET/DT/2/det Ministry/PROPN/NNP/5/nsubj on/ADP/IN/5/mark \
             Tuesday/PROPN/NNP/5/nsubj accused/VERB/VBD/0/root forces/NOUN/NNS/5/obj",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[1], (5, "nsubj"));
        assert_eq!(arcs(&fixed)[2], (4, "case"));
        assert_eq!(arcs(&fixed)[3], (5, "obl"));
        assert!(is_tree(&fixed));
    }

    #[test]
    fn a_preposition_taken_for_a_mark_goes_back_to_its_noun() {
        // Lang spoke with Saleh and urged Israel .
        let words = sentence(
            "Lang/PROPN/NNP/2/nsubj spoke/VERB/VBD/0/root with/ADP/IN/6/mark \
             Saleh/PROPN/NNP/6/nsubj and/CCONJ/CC/6/cc urged/VERB/VBD/2/advcl \
             Israel/PROPN/NNP/6/obj ./PUNCT/./2/punct",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[3], (2, "obl"));
        assert_eq!(arcs(&fixed)[2], (4, "case"));
        assert_eq!(arcs(&fixed)[5], (2, "conj"));
        assert!(is_tree(&fixed));
    }

    #[test]
    fn a_preposition_on_a_compound_moves_to_the_name_head() {
        // launched an offensive into Nagorno - Karabakh
        let words = sentence(
            "launched/VERB/VBD/0/root an/DET/DT/3/det offensive/NOUN/NN/1/obj \
             into/ADP/IN/5/case Nagorno/PROPN/NNP/7/compound -/PUNCT/HYPH/5/punct \
             Karabakh/PROPN/NNP/3/nmod",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[3], (7, "case"));
        assert!(is_tree(&fixed));
    }

    #[test]
    fn a_speech_act_after_a_report_is_the_speakers() {
        // Avetisyan said troops opened fire and accused Baku .
        let words = sentence(
            "Avetisyan/PROPN/NNP/2/nsubj said/VERB/VBD/0/root/say troops/NOUN/NNS/4/nsubj \
             opened/VERB/VBD/2/ccomp/open fire/NOUN/NN/4/obj and/CCONJ/CC/7/cc \
             accused/VERB/VBD/4/conj/accuse Baku/PROPN/NNP/7/obj ./PUNCT/./2/punct",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[6], (2, "conj"));
        assert!(is_tree(&fixed));
        // Deeds stay with the people the report is about.
        let deeds = sentence(
            "Avetisyan/PROPN/NNP/2/nsubj said/VERB/VBD/0/root/say troops/NOUN/NNS/4/nsubj \
             opened/VERB/VBD/2/ccomp/open fire/NOUN/NN/4/obj and/CCONJ/CC/7/cc \
             shelled/VERB/VBD/4/conj/shell Sotk/PROPN/NNP/7/obj ./PUNCT/./2/punct",
        );
        assert!(repaired(&deeds).is_none());
    }

    #[test]
    fn a_name_after_a_role_and_a_comma_is_its_apposition() {
        // spoke with his counterpart , Salim Harthy .
        let words = sentence(
            "spoke/VERB/VBD/0/root with/ADP/IN/4/case his/PRON/PRP$/4/nmod:poss \
             counterpart/NOUN/NN/1/obl ,/PUNCT/,/6/punct Salim/PROPN/NNP/1/obl \
             Harthy/PROPN/NNP/6/flat ./PUNCT/./1/punct",
        );
        let fixed = repaired(&words).expect("repaired");
        assert_eq!(arcs(&fixed)[5], (4, "appos"));
        assert!(is_tree(&fixed));
        // A name with its own preposition is not an apposition.
        let oblique = sentence(
            "spoke/VERB/VBD/0/root with/ADP/IN/3/case counterpart/NOUN/NN/1/obl \
             ,/PUNCT/,/6/punct in/ADP/IN/6/case Muscat/PROPN/NNP/1/obl",
        );
        assert!(repaired(&oblique).is_none());
    }

    #[test]
    fn heads_outside_the_sentence_are_left_alone() {
        let words = sentence("Russia/PROPN/NNP/0/root called/VERB/VBD/9/acl");
        assert!(repaired(&words).is_none());
    }

    #[test]
    fn a_real_subordinate_clause_is_left_alone() {
        // Russia warned that Turkey armed Baku .
        let words = sentence(
            "Russia/PROPN/NNP/2/nsubj warned/VERB/VBD/0/root that/SCONJ/IN/5/mark \
             Turkey/PROPN/NNP/5/nsubj armed/VERB/VBD/2/ccomp Baku/PROPN/NNP/5/obj",
        );
        assert!(repaired(&words).is_none());
    }
}
