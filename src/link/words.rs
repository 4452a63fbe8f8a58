//! Closed word classes the rules rely on: pronouns, person nouns,
//! descriptions that corefer with actors, and the small verb classes that
//! change how a clause is read (transfer, reciprocal, commitment).

use super::lexicon::EventCode;

/// Grammatical number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    /// One.
    Singular,
    /// Several.
    Plural,
    /// Either (`they` for an organisation, an unknown form).
    Unknown,
}

/// Gender, where the text tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// `he`, `spokesman`, `Mr.`
    Male,
    /// `she`, `spokeswoman`, `Mrs.`
    Female,
    /// Not known.
    Unknown,
}

/// Whether a mention names a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Animacy {
    /// A person.
    Person,
    /// A country, body, thing or place.
    NonPerson,
    /// Either.
    Unknown,
}

/// Agreement features of a pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PronounFeatures {
    /// Number.
    pub number: Number,
    /// Gender.
    pub gender: Gender,
    /// Person or not.
    pub animacy: Animacy,
    /// A possessive determiner (`his`, `its`, `their`).
    pub possessive: bool,
    /// A reflexive (`himself`).
    pub reflexive: bool,
}

/// The features of a third-person personal pronoun (lowercase form), or
/// `None` for any other word.
pub fn third_person_pronoun(lower: &str) -> Option<PronounFeatures> {
    use Animacy::{NonPerson, Person};
    use Gender::{Female, Male};
    use Number::{Plural, Singular};
    const ANY: Gender = Gender::Unknown;
    const EITHER: Animacy = Animacy::Unknown;
    let f = |number, gender, animacy, possessive, reflexive| PronounFeatures {
        number,
        gender,
        animacy,
        possessive,
        reflexive,
    };
    Some(match lower {
        "he" | "him" => f(Singular, Male, Person, false, false),
        "his" => f(Singular, Male, Person, true, false),
        "himself" => f(Singular, Male, Person, false, true),
        "she" | "her" => f(Singular, Female, Person, false, false),
        "hers" => f(Singular, Female, Person, true, false),
        "herself" => f(Singular, Female, Person, false, true),
        "it" => f(Singular, ANY, NonPerson, false, false),
        "its" => f(Singular, ANY, NonPerson, true, false),
        "itself" => f(Singular, ANY, NonPerson, false, true),
        "they" | "them" => f(Plural, ANY, EITHER, false, false),
        "their" | "theirs" => f(Plural, ANY, EITHER, true, false),
        "themselves" => f(Plural, ANY, EITHER, false, true),
        _ => return None,
    })
}

/// Relative pronouns that open a relative clause.
pub fn is_relative_pronoun(lower: &str) -> bool {
    matches!(lower, "which" | "who" | "whom" | "that" | "whose")
}

/// Nouns that name a person, with the gender they imply (lemmas).
pub fn person_noun(lemma: &str) -> Option<Gender> {
    use Gender::*;
    Some(match lemma {
        "spokesman" | "chairman" | "man" | "king" | "prince" | "father" | "son" | "husband"
        | "brother" | "boy" | "uncle" | "nephew" | "businessman" | "congressman" | "gentleman"
        | "emperor" | "sultan" | "sheikh" | "monk" | "priest" | "actor" | "grandfather"
        | "lord" | "duke" => Male,
        "spokeswoman" | "chairwoman" | "woman" | "queen" | "princess" | "mother" | "daughter"
        | "wife" | "sister" | "girl" | "aunt" | "niece" | "businesswoman" | "congresswoman"
        | "lady" | "empress" | "nun" | "actress" | "grandmother" | "duchess" => Female,
        "minister" | "president" | "leader" | "spokesperson" | "official" | "envoy"
        | "ambassador" | "diplomat" | "commander" | "general" | "chief" | "secretary"
        | "premier" | "chancellor" | "counterpart" | "negotiator" | "mediator" | "director"
        | "governor" | "mayor" | "senator" | "lawmaker" | "legislator" | "judge" | "prosecutor"
        | "journalist" | "reporter" | "correspondent" | "analyst" | "expert" | "soldier"
        | "officer" | "citizen" | "resident" | "witness" | "victim" | "activist" | "candidate"
        | "prisoner" | "child" | "friend" | "teacher" | "student" | "author" | "writer"
        | "poet" | "artist" | "player" | "doctor" | "person" | "adviser" | "advisor" | "aide"
        | "deputy" | "head" | "colonel" | "captain" | "lieutenant" | "sergeant" | "marshal"
        | "admiral" | "representative" | "delegate" | "observer" | "monitor" | "rapporteur"
        | "commissioner" | "coordinator" | "administrator" | "founder" | "owner" | "manager"
        | "executive" | "worker" | "member" | "politician" | "lawyer" | "attorney"
        | "scientist" | "researcher" | "professor" | "singer" | "musician" | "composer"
        | "painter" | "novelist" | "philosopher" | "historian" | "parent" | "baby" | "kid"
        | "patient" | "nurse" | "guide" | "tourist" | "traveler" | "traveller" | "speaker"
        | "user" | "customer" | "employee" | "boss" | "colleague" | "partner" | "spouse"
        | "mentor" | "coach" | "athlete" | "pilot" | "driver" | "farmer" | "fighter" | "rebel"
        | "militant" | "protester" | "refugee" | "migrant" | "hostage" | "suspect" | "gunman"
        | "bomber" | "ruler" | "dictator" | "monarch" | "heir" | "bishop" | "pope" | "cleric"
        | "imam" | "rabbi" | "hero" | "character" | "narrator" | "protagonist" => Unknown,
        _ => return None,
    })
}

/// Titles written before a name that tell the person's gender.
pub fn title_gender(lower: &str) -> Option<Gender> {
    match lower.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "madame" | "dame" | "lady" | "queen" | "princess" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// What a definite description (`the ministry`, `both countries`) can
/// refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Description {
    /// A country or territory (`the country`, `the nation`).
    State,
    /// A government, standing for its state (`the government`, `the authorities`).
    Government,
    /// A ministry or department (`the ministry`).
    Ministry,
    /// An intergovernmental body (`the bloc`, `the alliance`).
    Bloc,
    /// A non-state group (`the group`, `the rebels`).
    Group,
    /// Armed forces (`the army`, `the military`).
    Military,
    /// A person in office (`the president`, `the minister`, `the leaders`).
    Official,
    /// Any actor (`both sides`).
    Side,
}

/// The description class of a noun lemma.
pub fn description(lemma: &str) -> Option<Description> {
    use Description::*;
    Some(match lemma {
        "country" | "nation" | "state" | "republic" | "kingdom" => State,
        "government" | "authority" | "administration" | "regime" | "leadership" | "cabinet" => {
            Government
        }
        "ministry" | "department" => Ministry,
        "bloc" | "alliance" | "union" | "organization" | "organisation" | "body" | "council"
        | "agency" => Bloc,
        "group" | "movement" | "militia" | "rebel" | "insurgent" | "faction" => Group,
        "army" | "military" | "force" | "troop" => Military,
        "president" | "minister" | "leader" | "premier" | "chancellor" | "official"
        | "spokesman" | "spokeswoman" | "diplomat" | "envoy" => Official,
        "side" | "party" => Side,
        _ => return None,
    })
}

/// Nouns that make an actor when a state, organisation or group name
/// modifies them, besides the dictionary's sector nouns: places,
/// positions and hardware belonging to the modifier (`Armenian positions`,
/// `Ukrainian territory`, `Russian drones`).
pub fn is_belonging_noun(lemma: &str) -> bool {
    BELONGING.binary_search(&lemma).is_ok()
}

/// Lemmas of [`is_belonging_noun`], sorted.
const BELONGING: &[&str] = &[
    "agency",
    "airbase",
    "aircraft",
    "airport",
    "airspace",
    "ally",
    "artillery",
    "asset",
    "authority",
    "base",
    "battalion",
    "battery",
    "board",
    "boat",
    "border",
    "brigade",
    "camp",
    "capital",
    "checkpoint",
    "city",
    "coastguard",
    "community",
    "company",
    "consulate",
    "contingent",
    "convoy",
    "counterpart",
    "court",
    "delegation",
    "destroyer",
    "detachment",
    "diplomat",
    "division",
    "drone",
    "embassy",
    "envoy",
    "facility",
    "firm",
    "frigate",
    "government",
    "group",
    "harbor",
    "harbour",
    "helicopter",
    "infrastructure",
    "inspector",
    "installation",
    "instructor",
    "jet",
    "junta",
    "land",
    "leader",
    "leadership",
    "media",
    "minister",
    "ministry",
    "missile",
    "mission",
    "national",
    "negotiator",
    "official",
    "outlet",
    "outpost",
    "parliament",
    "people",
    "plane",
    "platoon",
    "population",
    "port",
    "position",
    "post",
    "power",
    "president",
    "province",
    "regime",
    "regiment",
    "region",
    "settlement",
    "ship",
    "side",
    "site",
    "soil",
    "squad",
    "submarine",
    "tank",
    "team",
    "territory",
    "town",
    "unit",
    "vessel",
    "village",
    "warplane",
    "warship",
    "water",
];

/// Verbs whose object is the thing handed over, so that a target
/// introduced by `to` is the recipient and the action leaves the thing out
/// (`supplied weapons to Armenia` → `supply to`).
pub fn is_transfer_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "send"
            | "supply"
            | "deliver"
            | "provide"
            | "give"
            | "pledge"
            | "offer"
            | "sell"
            | "ship"
            | "transfer"
            | "dispatch"
            | "donate"
            | "deploy"
            | "airlift"
            | "grant"
            | "extend"
            | "contribute"
    )
}

/// Verbs whose coordinated subject acts on itself (`Lavrov and Mirzoyan
/// met` → Lavrov met Mirzoyan).
pub fn is_reciprocal_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "meet"
            | "talk"
            | "speak"
            | "clash"
            | "fight"
            | "negotiate"
            | "confer"
            | "consult"
            | "agree"
            | "spar"
            | "trade"
    )
}

/// Matrix verbs of subject control whose type replaces the embedded
/// action's (`agreed to withdraw from` → AGREE, `refused to` → REJECT,
/// `threatened to` → THREATEN).
pub fn control_event(lemma: &str) -> Option<EventCode> {
    const AGREE: EventCode = EventCode {
        event: "AGREE",
        cameo: "03",
    };
    match lemma {
        "agree" | "pledge" | "promise" | "vow" | "commit" | "undertake" | "guarantee" => {
            Some(AGREE)
        }
        "refuse" | "decline" => Some(EventCode {
            event: "REJECT",
            cameo: "12",
        }),
        "threaten" => Some(EventCode {
            event: "THREATEN",
            cameo: "13",
        }),
        _ => None,
    }
}

/// What a modal or auxiliary says about its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modal {
    /// `will`, `shall`.
    Future,
    /// `could`, `may`, `might`, `would`, `should`, `can`, `must`.
    Hypothetical,
}

/// The modal meaning of an auxiliary lemma.
pub fn modal(lemma: &str) -> Option<Modal> {
    match lemma {
        "will" | "shall" | "'ll" | "wo" => Some(Modal::Future),
        "would" | "could" | "can" | "may" | "might" | "should" | "must" | "ought" | "'d" => {
            Some(Modal::Hypothetical)
        }
        _ => None,
    }
}

/// Negating adverbs and particles (lowercase).
pub fn is_negator(lower: &str) -> bool {
    matches!(
        lower,
        "not" | "n't" | "never" | "no" | "nt" | "neither" | "nor"
    )
}

/// Weekdays and months, and days named by their relation to today:
/// proper nouns and adverbs of time that are never actors or subjects.
pub fn is_calendar_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belonging_nouns_are_sorted_for_binary_search() {
        assert!(BELONGING.windows(2).all(|w| w[0] < w[1]));
        assert!(is_belonging_noun("position") && is_belonging_noun("vessel"));
        assert!(!is_belonging_noun("claim"));
    }

    #[test]
    fn pronoun_features() {
        let his = third_person_pronoun("his").unwrap();
        assert!(his.possessive && his.gender == Gender::Male);
        assert_eq!(third_person_pronoun("they").unwrap().number, Number::Plural);
        assert!(third_person_pronoun("we").is_none());
    }
}
