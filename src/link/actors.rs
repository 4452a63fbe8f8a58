//! What the rule layer asks of the actor dictionary: what a name stands
//! for, how codes compose, and which side an actor is on.

use crate::ner::{ActorDictionary, ActorEntry};

/// The meaning of a name as written (`Russia`, `the Kremlin`, `Azeri`;
/// an all-caps headline form like `RUSSIA` too); `None` when unknown or
/// when several actors tie for it.
pub fn name_meaning<'d>(dictionary: &'d ActorDictionary, text: &str) -> Option<&'d ActorEntry> {
    dictionary
        .lookup(text)
        .or_else(|| dictionary.lookup_upper(text))
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
