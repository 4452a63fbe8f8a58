//! Surface forms of the actor dictionary: what a string in the text can
//! name ([`ActorKind`], [`ActorEntry`]), how sure that is ([`Ambiguity`]),
//! and how dictionary names become the forms matched in text.

use std::collections::HashMap;

use crate::doc::EntityLabel;

/// What a surface form names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    /// A country's name, long name or alias.
    Country,
    /// A territory's name or alias.
    Territory,
    /// An intergovernmental organisation.
    Igo,
    /// A non-state group.
    Group,
    /// A seat of government used for the state (`Kremlin`).
    Seat,
    /// A capital city; as an actor it means the government.
    Capital,
    /// Another city of a country.
    City,
    /// A nationality adjective or the name of the people.
    Demonym,
}

impl ActorKind {
    /// All kinds, in the order a shared surface form prefers them
    /// (`Luxembourg` is the country before it is the capital).
    pub const ALL: [ActorKind; 8] = [
        ActorKind::Country,
        ActorKind::Territory,
        ActorKind::Igo,
        ActorKind::Group,
        ActorKind::Seat,
        ActorKind::Capital,
        ActorKind::City,
        ActorKind::Demonym,
    ];

    /// The entity label of a mention: `LOC` for places, `ORG` for bodies
    /// (a seat names the government, not the building), `MISC` for
    /// demonyms.
    pub fn label(self) -> EntityLabel {
        match self {
            ActorKind::Country | ActorKind::Territory | ActorKind::Capital | ActorKind::City => {
                EntityLabel::Loc
            }
            ActorKind::Igo | ActorKind::Group | ActorKind::Seat => EntityLabel::Org,
            ActorKind::Demonym => EntityLabel::Misc,
        }
    }

    /// Lowercase name, as used in feature strings.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Territory => "territory",
            ActorKind::Igo => "igo",
            ActorKind::Group => "group",
            ActorKind::Seat => "seat",
            ActorKind::Capital => "capital",
            ActorKind::City => "city",
            ActorKind::Demonym => "demonym",
        }
    }

    /// Position in [`ActorKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One meaning of a surface form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    /// What the form names.
    pub kind: ActorKind,
    /// The country, territory, IGO or group it belongs to (`AZE` for
    /// `Baku`, `Azeri` and `Azerbaijan`).
    pub owner: String,
    /// The actor code a mention carries: the owner's code, plus `GOV` for a
    /// capital and the seat's sector for a seat (`AZEGOV` for `Baku`), plus
    /// its sector for an IGO that has one.
    pub code: String,
    /// Canonical name: the country's name for its names and demonyms
    /// (`Azerbaijan` for `Azeri`), the IGO's or group's name for its
    /// aliases, and the dictionary's own spelling for capitals, cities and
    /// seats.
    pub canonical: String,
}

impl ActorEntry {
    /// The entity label of a mention of this entry.
    pub fn label(&self) -> EntityLabel {
        self.kind.label()
    }
}

/// How many actors share a surface form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ambiguity {
    /// Every meaning names the same actor.
    Unique,
    /// The first meaning outranks others that name different actors
    /// (a country name that is also a city elsewhere).
    Dominant,
    /// Several actors of the first meaning's kind share the form
    /// (`Congolese`): the kind is known, the actor is not.
    Tied,
}

/// A text form with its meanings, preferred first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Surface {
    /// The form as matched in text: the dictionary string without a
    /// leading lowercase `the` (`Kremlin` for `the Kremlin`).
    pub text: String,
    /// Meanings, in the order of [`ActorKind::ALL`], duplicates removed.
    pub entries: Vec<ActorEntry>,
    /// Whether the meanings disagree on the actor.
    pub ambiguity: Ambiguity,
}

impl Surface {
    /// The meaning to use, or `None` when several actors tie.
    pub fn best(&self) -> Option<&ActorEntry> {
        match self.ambiguity {
            Ambiguity::Tied => None,
            Ambiguity::Unique | Ambiguity::Dominant => self.entries.first(),
        }
    }

    /// The kind of the preferred meaning.
    pub fn kind(&self) -> ActorKind {
        self.entries.first().map_or(ActorKind::Country, |e| e.kind)
    }
}

/// Index of a form in [`ActorDictionary::surfaces`](crate::ner::ActorDictionary::surfaces).
pub type SurfaceId = usize;

/// Collects surface forms while the dictionary is indexed.
#[derive(Default)]
pub(super) struct SurfaceIndex {
    surfaces: Vec<Surface>,
    by_text: HashMap<String, usize>,
}

impl SurfaceIndex {
    pub(super) fn add(
        &mut self,
        name: &str,
        kind: ActorKind,
        owner: &str,
        code: &str,
        canonical: &str,
    ) {
        let entry = ActorEntry {
            kind,
            owner: owner.to_string(),
            code: code.to_string(),
            canonical: canonical.to_string(),
        };
        for form in forms_of(name) {
            self.insert(form, &entry);
        }
    }

    fn insert(&mut self, text: String, entry: &ActorEntry) {
        let id = *self.by_text.entry(text.clone()).or_insert_with(|| {
            self.surfaces.push(Surface {
                text,
                entries: Vec::new(),
                ambiguity: Ambiguity::Unique,
            });
            self.surfaces.len() - 1
        });
        let entries = &mut self.surfaces[id].entries;
        if !entries
            .iter()
            .any(|e| e.kind == entry.kind && e.code == entry.code)
        {
            entries.push(entry.clone());
        }
    }

    pub(super) fn finish(
        mut self,
    ) -> (Vec<Surface>, HashMap<String, usize>, HashMap<String, usize>) {
        let mut by_upper = HashMap::new();
        for (id, surface) in self.surfaces.iter_mut().enumerate() {
            surface.entries.sort_by_key(|e| e.kind);
            surface.ambiguity = ambiguity(&surface.entries);
            let upper = surface.text.to_uppercase();
            if !self.by_text.contains_key(&upper) {
                by_upper.entry(upper).or_insert(id);
            }
        }
        (self.surfaces, self.by_text, by_upper)
    }
}

fn ambiguity(entries: &[ActorEntry]) -> Ambiguity {
    let Some(first) = entries.first() else {
        return Ambiguity::Unique;
    };
    let others = entries[1..].iter().filter(|e| e.owner != first.owner);
    let mut ambiguity = Ambiguity::Unique;
    for other in others {
        if other.kind == first.kind {
            return Ambiguity::Tied;
        }
        ambiguity = Ambiguity::Dominant;
    }
    ambiguity
}

/// The forms a dictionary name is matched by. A lowercase leading `the` is
/// dropped (`the Kremlin` → `Kremlin`); a capitalised one is part of the
/// name (`The Hague`), which also matches without it. A name written in
/// lowercase also matches with a capital initial, as at the start of a
/// sentence (`al-Qaeda` → `Al-Qaeda`, `peshmerga` → `Peshmerga`).
fn forms_of(name: &str) -> Vec<String> {
    let mut forms = Vec::with_capacity(2);
    if let Some(rest) = name.strip_prefix("the ") {
        forms.push(rest.trim_start().to_string());
    } else if let Some(rest) = name.strip_prefix("The ") {
        forms.push(name.to_string());
        forms.push(rest.trim_start().to_string());
    } else {
        forms.push(name.to_string());
    }
    let capitalised: Vec<String> = forms
        .iter()
        .filter_map(|form| {
            let mut chars = form.chars();
            let first = chars.next().filter(|c| c.is_lowercase())?;
            Some(first.to_uppercase().chain(chars).collect())
        })
        .collect();
    forms.extend(capitalised);
    forms.retain(|f| !f.is_empty());
    forms
}

/// The form without a leading article: `the Kremlin` → `Kremlin`.
pub(super) fn strip_article(name: &str) -> &str {
    for article in ["the ", "The ", "THE "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest.trim_start();
        }
    }
    name
}

/// Typographic apostrophes as ASCII (`Côte d’Ivoire` → `Côte d'Ivoire`).
pub(super) fn straight_apostrophes(text: &str) -> String {
    text.replace('\u{2019}', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_listed_in_preference_order() {
        for (i, kind) in ActorKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i);
        }
        let mut sorted = ActorKind::ALL;
        sorted.sort();
        assert_eq!(sorted, ActorKind::ALL);
    }

    #[test]
    fn strip_article_keeps_names_without_one() {
        assert_eq!(strip_article("the Kremlin"), "Kremlin");
        assert_eq!(strip_article("The Hague"), "Hague");
        assert_eq!(strip_article("Theodore"), "Theodore");
        assert_eq!(strip_article("Thessaloniki"), "Thessaloniki");
    }
}
