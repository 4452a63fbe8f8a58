//! Rule names and prior confidences: a triple's rule is the route its
//! actor took and the route its target took (`subj_obj`, `agent_pass`,
//! `control_noun`), as written in the `rule` column.

/// How the actor of a triple was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorRoute {
    /// The verb's own subject (`nsubj`).
    Subject,
    /// The `by`-phrase of a passive (`obl:agent`).
    Agent,
    /// The subject shared with a coordinated verb.
    Conjunct,
    /// The controller of an infinitive or gerund (`agreed to`, `accused X of`).
    Control,
    /// The noun a relative clause modifies.
    Relative,
    /// The first of a coordinated subject of a reciprocal verb.
    Reciprocal,
}

/// How the target of a triple was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetRoute {
    /// The direct or indirect object.
    Object,
    /// An oblique with the preposition the lexicon fixes (`call on X`).
    Prep,
    /// The subject of a passive.
    Passive,
    /// The prepositional target of a light verb's event noun.
    EventNoun,
    /// The named place of an unnamed object (`villages near Lachin`).
    Located,
    /// The noun a relative clause modifies (the object gap).
    Relative,
    /// The second of a coordinated subject of a reciprocal verb.
    Reciprocal,
    /// The addressee of a speech verb (`told Baku`).
    Addressee,
    /// The subject of the reported clause, another actor (`said Baku violated`).
    Reported,
    /// No target.
    None,
}

const ACTOR_NAMES: [&str; 6] = ["subj", "agent", "conj", "control", "relcl", "recip"];

macro_rules! rule_row {
    ($a:literal, [$($t:literal),*]) => {
        [$(concat!($a, "_", $t)),*]
    };
}

macro_rules! rule_table {
    ([$($a:literal),*], $targets:tt) => {
        [$(rule_row!($a, $targets)),*]
    };
}

/// Every rule name: actor route × target route.
const RULES: [[&str; 10]; 6] = rule_table!(
    ["subj", "agent", "conj", "control", "relcl", "recip"],
    [
        "obj",
        "prep",
        "pass",
        "noun",
        "loc",
        "relcl",
        "recip",
        "addressee",
        "reported",
        "none"
    ]
);

impl ActorRoute {
    fn index(self) -> usize {
        self as usize
    }

    /// Prior confidence of the route.
    fn prior(self) -> f32 {
        match self {
            ActorRoute::Subject => 0.95,
            ActorRoute::Agent => 0.9,
            ActorRoute::Conjunct => 0.85,
            ActorRoute::Control => 0.8,
            ActorRoute::Relative => 0.85,
            ActorRoute::Reciprocal => 0.7,
        }
    }

    /// Short name of the route.
    pub fn as_str(self) -> &'static str {
        ACTOR_NAMES[self.index()]
    }
}

impl TargetRoute {
    fn index(self) -> usize {
        self as usize
    }

    fn prior(self) -> f32 {
        match self {
            TargetRoute::Object | TargetRoute::Addressee => 0.95,
            TargetRoute::Prep | TargetRoute::Passive | TargetRoute::EventNoun => 0.9,
            TargetRoute::Relative => 0.8,
            TargetRoute::Reciprocal | TargetRoute::Reported => 0.75,
            TargetRoute::Located => 0.7,
            TargetRoute::None => 0.6,
        }
    }
}

/// The rule name for a pair of routes.
pub fn rule_name(actor: ActorRoute, target: TargetRoute) -> &'static str {
    RULES[actor.index()][target.index()]
}

/// Prior confidence of a pair of routes, before entity scores.
pub fn rule_prior(actor: ActorRoute, target: TargetRoute) -> f32 {
    actor.prior() * target.prior()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_combine_routes() {
        assert_eq!(
            rule_name(ActorRoute::Subject, TargetRoute::Object),
            "subj_obj"
        );
        assert_eq!(
            rule_name(ActorRoute::Agent, TargetRoute::Passive),
            "agent_pass"
        );
        assert_eq!(
            rule_name(ActorRoute::Reciprocal, TargetRoute::None),
            "recip_none"
        );
        assert_eq!(ActorRoute::Control.as_str(), "control");
        assert!(
            rule_prior(ActorRoute::Subject, TargetRoute::Object)
                > rule_prior(ActorRoute::Control, TargetRoute::Located)
        );
    }
}
