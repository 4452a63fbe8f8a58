//! The event lexicon: verbs, phrasal verbs and event nouns mapped to a
//! PLOVER event type and a CAMEO root code (`data/lexicon/verbs.toml`).
//!
//! The file is embedded in the binary and parsed once; lookups go through
//! hash maps keyed by lemma, so the rule layer pays a few hash probes per
//! predicate.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use crate::error::{Error, Location, Result};
use crate::export::ModelInfo;

/// The 16 PLOVER event types and `STATEMENT`, as written in outputs.
pub const EVENT_TYPES: [&str; 17] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "STATEMENT",
];

const EMBEDDED: &str = include_str!("../../data/lexicon/verbs.toml");
const EMBEDDED_SOURCE: &str = "data/lexicon/verbs.toml";

/// An event type and its CAMEO root, as a verb or noun entry gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventCode {
    /// PLOVER type or `STATEMENT` (one of [`EVENT_TYPES`]).
    pub event: &'static str,
    /// CAMEO root code, `01` to `20`.
    pub cameo: &'static str,
}

/// One `[[verb]]` entry: a verb, optionally with a particle and the
/// preposition that introduces its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbSense {
    /// Lowercase lemma (`call`).
    pub lemma: String,
    /// Phrasal particle that must be present (`out` in `pull out of`), or empty.
    pub particle: String,
    /// Preposition introducing the target (`on` in `call on`); empty when
    /// the target is the direct object.
    pub prep: String,
    /// Event type and CAMEO root.
    pub code: EventCode,
    /// A reporting verb: its clausal complement is reported speech.
    pub speech: bool,
    /// Its complement clause is intended, requested or threatened, not done.
    pub intent: bool,
    /// It negates its complement (`deny`, `refuse`).
    pub negates: bool,
}

impl VerbSense {
    /// How specific the entry is: particle and preposition, preposition,
    /// particle, plain.
    fn specificity(&self) -> u8 {
        match (self.particle.is_empty(), self.prep.is_empty()) {
            (false, false) => 3,
            (true, false) => 2,
            (false, true) => 1,
            (true, true) => 0,
        }
    }
}

/// One `[[noun]]` entry: an event noun and the light verbs it takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NounSense {
    /// Singular lowercase lemma (`offensive`, `sanction`).
    pub lemma: String,
    /// Verbs that pass the event to the noun (`launch`, `impose`).
    pub light: Vec<String>,
    /// Prepositions that introduce the target (`into`, `on`).
    pub preps: Vec<String>,
    /// Event type and CAMEO root.
    pub code: EventCode,
}

impl NounSense {
    /// Whether `verb` (a lemma) is one of the noun's light verbs.
    pub fn is_light(&self, verb: &str) -> bool {
        self.light.iter().any(|l| l == verb)
    }

    /// Whether `prep` introduces the noun's target.
    pub fn takes_prep(&self, prep: &str) -> bool {
        self.preps.iter().any(|p| p == prep)
    }
}

/// Verb and event-noun entries indexed by lemma.
#[derive(Debug)]
pub struct EventLexicon {
    source: String,
    /// The text parsed, for its checksum.
    text: String,
    /// Whether it is the lexicon shipped in the binary.
    embedded: bool,
    verbs: HashMap<String, Vec<VerbSense>>,
    nouns: HashMap<String, NounSense>,
    verb_count: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    version: u32,
    #[serde(default)]
    verb: Vec<VerbRow>,
    #[serde(default)]
    noun: Vec<NounRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbRow {
    lemma: String,
    #[serde(default)]
    particle: String,
    #[serde(default)]
    prep: String,
    event: String,
    cameo: String,
    #[serde(default)]
    speech: bool,
    #[serde(default)]
    intent: bool,
    #[serde(default)]
    negates: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounRow {
    lemma: String,
    light: Vec<String>,
    prep: Vec<String>,
    event: String,
    cameo: String,
}

impl EventLexicon {
    /// The lexicon shipped with actant, parsed on first use and shared.
    pub fn embedded() -> Result<Arc<EventLexicon>> {
        static LEXICON: OnceLock<std::result::Result<Arc<EventLexicon>, String>> = OnceLock::new();
        LEXICON
            .get_or_init(|| {
                EventLexicon::from_toml(EMBEDDED, EMBEDDED_SOURCE)
                    .map(|mut lexicon| {
                        lexicon.embedded = true;
                        Arc::new(lexicon)
                    })
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|message| Error::format(Location::new(EMBEDDED_SOURCE), message))
    }

    /// Parses a lexicon in the format of `data/lexicon/verbs.toml`;
    /// `source` names it in errors.
    pub fn from_toml(text: &str, source: &str) -> Result<EventLexicon> {
        let file: LexiconFile = toml::from_str(text).map_err(|e| {
            let mut at = Location::new(source);
            if let Some(span) = e.span() {
                at = at.at_line(line_of(text, span.start));
            }
            Error::format(at, e.message().to_string())
        })?;
        if file.version != 1 {
            return Err(Error::format(
                Location::new(source),
                format!("unsupported lexicon version {} (expected 1)", file.version),
            ));
        }
        let mut verbs: HashMap<String, Vec<VerbSense>> = HashMap::new();
        let verb_count = file.verb.len();
        for (i, row) in file.verb.into_iter().enumerate() {
            let at = || Location::new(format!("{source} [[verb]] #{} `{}`", i + 1, row.lemma));
            let code = event_code(&row.event, &row.cameo).map_err(|m| Error::format(at(), m))?;
            if row.lemma.trim().is_empty() {
                return Err(Error::format(at(), "empty lemma"));
            }
            let sense = VerbSense {
                lemma: row.lemma.to_lowercase(),
                particle: row.particle.to_lowercase(),
                prep: row.prep.to_lowercase(),
                code,
                speech: row.speech,
                intent: row.intent,
                negates: row.negates,
            };
            let senses = verbs.entry(sense.lemma.clone()).or_default();
            if senses
                .iter()
                .any(|s| s.particle == sense.particle && s.prep == sense.prep)
            {
                return Err(Error::format(
                    at(),
                    format!(
                        "duplicate entry (lemma `{}`, particle `{}`, prep `{}`)",
                        sense.lemma, sense.particle, sense.prep
                    ),
                ));
            }
            senses.push(sense);
        }
        let mut nouns = HashMap::new();
        for (i, row) in file.noun.into_iter().enumerate() {
            let at = || Location::new(format!("{source} [[noun]] #{} `{}`", i + 1, row.lemma));
            let code = event_code(&row.event, &row.cameo).map_err(|m| Error::format(at(), m))?;
            if row.light.is_empty() {
                return Err(Error::format(at(), "a noun needs at least one light verb"));
            }
            let sense = NounSense {
                lemma: row.lemma.to_lowercase(),
                light: row.light.iter().map(|l| l.to_lowercase()).collect(),
                preps: row.prep.iter().map(|p| p.to_lowercase()).collect(),
                code,
            };
            if nouns.insert(sense.lemma.clone(), sense).is_some() {
                return Err(Error::format(at(), "duplicate noun lemma"));
            }
        }
        Ok(EventLexicon {
            source: source.to_string(),
            text: text.to_string(),
            embedded: false,
            verbs,
            nouns,
            verb_count,
        })
    }

    /// Where the lexicon came from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The lexicon as a run manifest lists it: name, source and the
    /// checksum of its text.
    pub fn model_info(&self) -> ModelInfo {
        let source = if self.embedded {
            format!("embedded {EMBEDDED_SOURCE}")
        } else {
            self.source.clone()
        };
        ModelInfo::of_bytes("event lexicon", &source, self.text.as_bytes())
    }

    /// Number of `[[verb]]` entries.
    pub fn verb_entries(&self) -> usize {
        self.verb_count
    }

    /// Number of distinct verb lemmas.
    pub fn verb_lemmas(&self) -> usize {
        self.verbs.len()
    }

    /// Number of `[[noun]]` entries.
    pub fn noun_entries(&self) -> usize {
        self.nouns.len()
    }

    /// Every entry of a verb lemma.
    pub fn senses(&self, lemma: &str) -> &[VerbSense] {
        self.verbs.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Whether the lexicon has any entry for a verb lemma.
    pub fn knows_verb(&self, lemma: &str) -> bool {
        self.verbs.contains_key(lemma)
    }

    /// The lemma to look a verb up by: the lemmatizer's `lemma` when the
    /// lexicon knows it, else a verb of the lexicon that the inflected
    /// `form` comes from (`bombed` → `bomb` when the lemmatizer said
    /// `bom`, `rammed` → `ram`, `seized` → `seize`), else `lemma`.
    pub fn verb_lemma(&self, lemma: &str, form: &str) -> String {
        let lemma = lemma.to_lowercase();
        if self.knows_verb(&lemma) {
            return lemma;
        }
        let form = form.to_lowercase();
        let mut candidates: Vec<String> = vec![form.clone()];
        if let Some(stem) = form.strip_suffix("ied") {
            candidates.push(format!("{stem}y"));
        }
        if let Some(stem) = form.strip_suffix("ies") {
            candidates.push(format!("{stem}y"));
        }
        for ending in ["ed", "ing", "es"] {
            if let Some(stem) = form.strip_suffix(ending) {
                candidates.push(stem.to_string());
                candidates.push(format!("{stem}e"));
                let mut chars = stem.chars().rev();
                if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                    if a == b && !"aeiouls".contains(a) {
                        candidates.push(stem[..stem.len() - a.len_utf8()].to_string());
                    }
                }
            }
        }
        for ending in ["d", "s"] {
            if let Some(stem) = form.strip_suffix(ending) {
                candidates.push(stem.to_string());
            }
        }
        candidates
            .into_iter()
            .find(|c| c.len() > 1 && self.knows_verb(c))
            .unwrap_or(lemma)
    }

    /// The most specific entry of `lemma` whose particle (if any) is among
    /// `particles` and whose preposition is `prep` (empty: the target is
    /// the direct object, or there is none).
    pub fn verb(&self, lemma: &str, particles: &[&str], prep: &str) -> Option<&VerbSense> {
        self.senses(lemma)
            .iter()
            .filter(|s| s.prep == prep)
            .filter(|s| s.particle.is_empty() || particles.contains(&s.particle.as_str()))
            .max_by_key(|s| s.specificity())
    }

    /// The entry of a verb used without a target preposition, falling back
    /// to any entry of the lemma: what the verb means as a matrix verb
    /// (`said`, `threatened to`, `refused to`).
    pub fn head_sense(&self, lemma: &str, particles: &[&str]) -> Option<&VerbSense> {
        self.verb(lemma, particles, "")
            .or_else(|| self.senses(lemma).first())
    }

    /// The entry of an event noun (singular lowercase lemma).
    pub fn noun(&self, lemma: &str) -> Option<&NounSense> {
        self.nouns.get(lemma)
    }
}

/// Validates an event type and CAMEO root, returning interned copies.
fn event_code(event: &str, cameo: &str) -> std::result::Result<EventCode, String> {
    let event = EVENT_TYPES
        .iter()
        .find(|t| **t == event)
        .ok_or_else(|| format!("unknown event type `{event}`"))?;
    let cameo = CAMEO_ROOTS
        .iter()
        .find(|c| **c == cameo)
        .ok_or_else(|| format!("CAMEO root `{cameo}` is not 01..20"))?;
    Ok(EventCode { event, cameo })
}

const CAMEO_ROOTS: [&str; 20] = [
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20",
];

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
version = 1

[[verb]]
lemma = "call"
particle = ""
prep = "on"
event = "REQUEST"
cameo = "10"
intent = true

[[verb]]
lemma = "call"
particle = "off"
prep = ""
event = "SANCTION"
cameo = "16"

[[verb]]
lemma = "call"
particle = ""
prep = ""
event = "CONSULT"
cameo = "04"

[[noun]]
lemma = "offensive"
light = ["launch"]
prep = ["into", "against"]
event = "ASSAULT"
cameo = "19"
"#;

    #[test]
    fn inflected_forms_find_their_verb_when_the_lemma_is_wrong() {
        let lexicon = EventLexicon::embedded().unwrap();
        assert_eq!(lexicon.verb_lemma("bom", "bombed"), "bomb");
        assert_eq!(lexicon.verb_lemma("ramme", "Rammed"), "ram");
        assert_eq!(lexicon.verb_lemma("seiz", "seized"), "seize");
        assert_eq!(lexicon.verb_lemma("shell", "shelled"), "shell");
        assert_eq!(lexicon.verb_lemma("Accuse", "accuses"), "accuse");
        assert_eq!(
            lexicon.verb_lemma("frobnicate", "frobnicated"),
            "frobnicate"
        );
    }

    #[test]
    fn most_specific_entry_wins() {
        let lex = EventLexicon::from_toml(SMALL, "small").unwrap();
        assert_eq!(lex.verb("call", &[], "on").unwrap().code.event, "REQUEST");
        assert_eq!(
            lex.verb("call", &["off"], "").unwrap().code.event,
            "SANCTION"
        );
        assert_eq!(lex.verb("call", &[], "").unwrap().code.event, "CONSULT");
        assert!(lex.verb("call", &[], "with").is_none());
        let noun = lex.noun("offensive").unwrap();
        assert!(noun.is_light("launch") && noun.takes_prep("into") && !noun.takes_prep("with"));
    }

    #[test]
    fn bad_entries_are_errors_with_a_location() {
        let bad = SMALL.replace("\"SANCTION\"", "\"SANCTIONS\"");
        let e = EventLexicon::from_toml(&bad, "small").unwrap_err();
        assert!(
            e.to_string().contains("unknown event type `SANCTIONS`"),
            "{e}"
        );
        assert!(e.to_string().contains("`call`"), "{e}");
        let dup = format!("{SMALL}\n[[verb]]\nlemma = \"call\"\nparticle = \"\"\nprep = \"on\"\nevent = \"REQUEST\"\ncameo = \"10\"\n");
        assert!(EventLexicon::from_toml(&dup, "small").is_err());
        let syntax =
            EventLexicon::from_toml("version = 1\n[[verb]]\nlemma = 3\n", "small").unwrap_err();
        assert_eq!(syntax.location().and_then(|l| l.line), Some(3));
    }

    #[test]
    fn embedded_lexicon_is_large_enough() {
        let lex = EventLexicon::embedded().unwrap();
        assert!(
            lex.verb_lemmas() >= 400,
            "{} verb lemmas",
            lex.verb_lemmas()
        );
        assert!(lex.noun_entries() >= 100);
        assert_eq!(
            lex.verb("withdraw", &[], "from").unwrap().code.event,
            "RETREAT"
        );
        assert!(lex.head_sense("say", &[]).unwrap().speech);
    }
}
