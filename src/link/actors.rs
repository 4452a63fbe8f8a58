//! What the rule layer asks of an actor dictionary: what a name stands
//! for, and which sector a noun or a title gives an actor.

use std::fmt;

/// What a name in the actor dictionary is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A country (`Russia`).
    Country,
    /// A territory (`Nagorno-Karabakh`).
    Territory,
    /// An intergovernmental organisation (`NATO`).
    Igo,
    /// A non-state group (`Hamas`).
    Group,
    /// A seat of government standing for the state (`Kremlin`).
    Seat,
    /// A capital city; as an actor, the government (`Baku`).
    Capital,
    /// Another city or place of a country.
    City,
    /// A nationality adjective or people noun (`Azerbaijani`).
    Demonym,
}

impl NameKind {
    /// Whether a mention of this kind can act on its own (a city or a
    /// demonym cannot: `Lachin` is a place, `Azerbaijani` a modifier).
    pub fn is_actor(self) -> bool {
        !matches!(self, NameKind::City | NameKind::Demonym)
    }

    /// Whether the name stands for a state or territory (or part of one),
    /// so that a sector noun after it makes a coded group
    /// (`Azerbaijani troops`, `Russia's Defense Ministry`).
    pub fn is_state(self) -> bool {
        matches!(
            self,
            NameKind::Country
                | NameKind::Territory
                | NameKind::Demonym
                | NameKind::Capital
                | NameKind::Seat
        )
    }
}

/// The meaning of a name in the actor dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorName {
    /// What the name is.
    pub kind: NameKind,
    /// The actor it belongs to: a country code (`AZE`), `IGO`, or a
    /// group's code.
    pub owner: String,
    /// The code a mention of the name carries (`AZEGOV` for `Baku`).
    pub code: String,
    /// Canonical name (`Azerbaijan` for `Azeri`).
    pub canonical: String,
}

/// Lookups the rule layer needs from an actor dictionary.
pub trait ActorLookup: Send + Sync + fmt::Debug {
    /// The meaning of a name as written (`Russia`, `the Kremlin`, `Azeri`);
    /// `None` when unknown or ambiguous.
    fn name(&self, text: &str) -> Option<ActorName>;

    /// The sector code a noun gives an actor, case-insensitively
    /// (`troops` → `MIL`, `defense ministry` → `MIL`).
    fn noun_sector(&self, noun: &str) -> Option<&str>;

    /// The sector code of an official's title (`Foreign Minister` → `GOV`).
    fn title_sector(&self, title: &str) -> Option<&str>;
}

/// An actor code made of an owner code and a sector (`AZE` + `MIL`);
/// owners that already carry a sector (six-letter group codes) keep theirs.
pub fn compose_code(owner: &str, sector: Option<&str>) -> String {
    match sector {
        Some(sector) if owner.len() == 3 => format!("{owner}{sector}"),
        _ => owner.to_string(),
    }
}

/// The three-letter country or organisation part of an actor code, used
/// to tell whether two actors are on the same side.
pub fn side_of(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_compose_and_split() {
        assert_eq!(compose_code("AZE", Some("MIL")), "AZEMIL");
        assert_eq!(compose_code("PSEREB", Some("MIL")), "PSEREB");
        assert_eq!(compose_code("RUS", None), "RUS");
        assert_eq!(side_of("AZEGOV"), "AZE");
        assert_eq!(side_of("IGO"), "IGO");
    }
}
