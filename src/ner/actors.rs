//! The actor dictionary: countries, territories, intergovernmental bodies,
//! armed and political groups and sectors, with every surface form the
//! text may use for them and the CAMEO-style actor code each one means.
//!
//! The shipped dictionary is `data/lexicon/actors.toml`, embedded in the
//! binary; [`ActorDictionary::from_toml`] reads a custom file of the same
//! format.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use crate::error::{Error, ErrorKind, Location, Result};

use super::actor_file;
use super::actor_forms::{
    straight_apostrophes, strip_article, ActorEntry, ActorKind, Ambiguity, Surface, SurfaceIndex,
};

/// The shipped actor file, compiled into the binary.
const EMBEDDED_TOML: &str = include_str!("../../data/lexicon/actors.toml");

/// Name of the embedded file in error messages.
const EMBEDDED_SOURCE: &str = "data/lexicon/actors.toml (embedded)";

/// The sector a capital city stands for when it is used as an actor.
pub const GOVERNMENT_SECTOR: &str = "GOV";

/// Whether a country entry is a state or a territory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountryStatus {
    /// A UN member state.
    Member,
    /// A UN observer state (Palestine, the Holy See).
    Observer,
    /// A territory of (or claimed by) a parent country (Nagorno-Karabakh).
    Territory,
}

/// A country or territory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 alpha-3 style code (`AZE`).
    pub code: String,
    /// Short English name (`Azerbaijan`).
    pub name: String,
    /// Long formal names (`Republic of Azerbaijan`).
    pub long: Vec<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// The capital, if it has one.
    pub capital: Option<String>,
    /// Other spellings of the capital (`Kiev` for `Kyiv`); like the
    /// capital, they stand for the government when used as actors.
    pub capital_aliases: Vec<String>,
    /// Other cities.
    pub cities: Vec<String>,
    /// Adjectives and names of the people (`Azerbaijani`, `Azeris`).
    pub demonyms: Vec<String>,
    /// Buildings that stand for a branch of the state (`the Kremlin`).
    pub seats: Vec<Seat>,
    /// State or territory.
    pub status: CountryStatus,
    /// For a territory: the code of its country.
    pub parent: Option<String>,
    /// Free-text remark from the data file.
    pub note: Option<String>,
}

/// A building or place whose name is used for a branch of a state
/// ("the Kremlin said", "the Pentagon announced").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    /// The name as written in the dictionary (`the Kremlin`).
    pub name: String,
    /// The sector it stands for (`GOV`, `MIL`).
    pub sector: String,
}

/// An intergovernmental organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Igo {
    /// Full name (`United Nations`).
    pub name: String,
    /// Abbreviations (`UN`, `U.N.`).
    pub abbrev: Vec<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Actor code (`IGO`).
    pub code: String,
    /// Sector appended to the code, or empty.
    pub sector: String,
}

/// A non-state armed or political group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Name (`Hamas`).
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Actor code (`PSEREB`).
    pub code: String,
}

/// An actor sector: the part of a state or society an actor belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sector {
    /// Three-letter code (`MIL`).
    pub code: String,
    /// Human-readable label (`military`).
    pub label: String,
    /// Nouns that name members of the sector (`troops`, `armed forces`).
    pub nouns: Vec<String>,
    /// Titles of its officials (`General`, `Foreign Minister`).
    pub titles: Vec<String>,
}

/// Countries, IGOs, groups and sectors with an index from every surface
/// form to its meanings.
///
/// **Capitals and seats as actors.** A capital or a seat of government
/// used as an actor ("Baku accused Yerevan", "the Kremlin said") means that
/// country's government: its entry carries the code `AZEGOV` (country code
/// plus [`GOVERNMENT_SECTOR`]; a seat carries its own sector, so `the
/// Pentagon` may be `USAMIL`), while its label stays `LOC` for a capital
/// and `ORG` for a seat. Other cities carry the plain country code.
///
/// **Forms.** A name written with a lowercase `the` (`the Kremlin`) is
/// indexed without it, so a mention span never includes the article; one
/// whose capitalised `The` is part of the name (`The Hague`) is indexed
/// with and without it. A name written in lowercase (`al-Qaeda`) is also
/// indexed with a capital initial. Lookups are case-sensitive;
/// an all-caps form (`RUSSIA`) also finds its entry through
/// [`ActorDictionary::lookup_upper`], for headlines.
#[derive(Debug)]
pub struct ActorDictionary {
    source: String,
    countries: Vec<Country>,
    igos: Vec<Igo>,
    groups: Vec<Group>,
    sectors: Vec<Sector>,
    surfaces: Vec<Surface>,
    by_text: HashMap<String, usize>,
    by_upper: HashMap<String, usize>,
    nouns: HashMap<String, usize>,
    titles: HashMap<String, usize>,
    actor_codes: HashSet<String>,
}

/// Counts of what a dictionary holds, for run manifests and reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DictionaryCounts {
    /// Countries (members and observers).
    pub countries: usize,
    /// Territories.
    pub territories: usize,
    /// Intergovernmental organisations.
    pub igos: usize,
    /// Non-state groups.
    pub groups: usize,
    /// Sectors.
    pub sectors: usize,
    /// Distinct surface forms indexed.
    pub surfaces: usize,
    /// Surface forms shared by several actors of the same kind.
    pub tied_surfaces: usize,
}

impl ActorDictionary {
    /// The text of the shipped dictionary file (for checksums in run manifests).
    pub fn embedded_text() -> &'static str {
        EMBEDDED_TOML
    }

    /// The shipped dictionary, parsed on first use and shared afterwards.
    pub fn embedded() -> Result<Arc<ActorDictionary>> {
        static EMBEDDED: OnceLock<std::result::Result<Arc<ActorDictionary>, (Location, String)>> =
            OnceLock::new();
        let parsed = EMBEDDED.get_or_init(|| {
            ActorDictionary::from_toml(EMBEDDED_TOML, EMBEDDED_SOURCE)
                .map(Arc::new)
                .map_err(|e| {
                    let location = e
                        .location()
                        .cloned()
                        .unwrap_or_else(|| Location::new(EMBEDDED_SOURCE));
                    (location, e.message().to_string())
                })
        });
        match parsed {
            Ok(dictionary) => Ok(Arc::clone(dictionary)),
            Err((location, message)) => {
                Err(Error::new(ErrorKind::Format, message.clone()).at(location.clone()))
            }
        }
    }

    /// Reads a dictionary from the text of an actor file; `source` names
    /// the file in error messages, which also give the line and the entry.
    pub fn from_toml(text: &str, source: &str) -> Result<ActorDictionary> {
        let parsed = actor_file::parse(text, source)?;
        Ok(ActorDictionary::index(source, parsed))
    }

    /// Reads a dictionary from an actor file.
    pub fn from_path(path: &std::path::Path) -> Result<ActorDictionary> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        ActorDictionary::from_toml(&text, &path.display().to_string())
    }

    fn index(source: &str, parsed: actor_file::ParsedActors) -> ActorDictionary {
        let mut builder = SurfaceIndex::default();
        let mut actor_codes = HashSet::new();
        for country in &parsed.countries {
            actor_codes.insert(country.code.clone());
            let kind = match country.status {
                CountryStatus::Territory => ActorKind::Territory,
                CountryStatus::Member | CountryStatus::Observer => ActorKind::Country,
            };
            let names = std::iter::once(&country.name)
                .chain(&country.long)
                .chain(&country.aliases);
            for name in names {
                builder.add(name, kind, &country.code, &country.code, &country.name);
            }
            for demonym in &country.demonyms {
                let kind = ActorKind::Demonym;
                builder.add(demonym, kind, &country.code, &country.code, &country.name);
            }
            if let Some(capital) = &country.capital {
                let code = format!("{}{GOVERNMENT_SECTOR}", country.code);
                for name in std::iter::once(capital).chain(&country.capital_aliases) {
                    builder.add(name, ActorKind::Capital, &country.code, &code, capital);
                }
            }
            for city in &country.cities {
                builder.add(city, ActorKind::City, &country.code, &country.code, city);
            }
            for seat in &country.seats {
                let code = format!("{}{}", country.code, seat.sector);
                builder.add(
                    &seat.name,
                    ActorKind::Seat,
                    &country.code,
                    &code,
                    &seat.name,
                );
            }
        }
        for igo in &parsed.igos {
            actor_codes.insert(igo.code.clone());
            let code = format!("{}{}", igo.code, igo.sector);
            for name in std::iter::once(&igo.name)
                .chain(&igo.abbrev)
                .chain(&igo.aliases)
            {
                builder.add(name, ActorKind::Igo, &igo.code, &code, &igo.name);
            }
        }
        for group in &parsed.groups {
            actor_codes.insert(group.code.clone());
            for name in std::iter::once(&group.name).chain(&group.aliases) {
                builder.add(
                    name,
                    ActorKind::Group,
                    &group.code,
                    &group.code,
                    &group.name,
                );
            }
        }
        let mut nouns = HashMap::new();
        let mut titles = HashMap::new();
        for (i, sector) in parsed.sectors.iter().enumerate() {
            for noun in &sector.nouns {
                nouns.insert(noun.to_lowercase(), i);
            }
            for title in &sector.titles {
                titles.insert(title.to_lowercase(), i);
            }
        }
        let (surfaces, by_text, by_upper) = builder.finish();
        ActorDictionary {
            source: source.to_string(),
            countries: parsed.countries,
            igos: parsed.igos,
            groups: parsed.groups,
            sectors: parsed.sectors,
            surfaces,
            by_text,
            by_upper,
            nouns,
            titles,
            actor_codes,
        }
    }

    /// The file the dictionary was read from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Countries and territories, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country or territory with a code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// Intergovernmental organisations, in file order.
    pub fn igos(&self) -> &[Igo] {
        &self.igos
    }

    /// Non-state groups, in file order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Sectors, in file order.
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }

    /// Every indexed surface form; a [`SurfaceId`](crate::ner::SurfaceId) indexes this slice.
    pub fn surfaces(&self) -> &[Surface] {
        &self.surfaces
    }

    /// How much the dictionary holds.
    pub fn counts(&self) -> DictionaryCounts {
        let territories = self
            .countries
            .iter()
            .filter(|c| c.status == CountryStatus::Territory)
            .count();
        DictionaryCounts {
            countries: self.countries.len() - territories,
            territories,
            igos: self.igos.len(),
            groups: self.groups.len(),
            sectors: self.sectors.len(),
            surfaces: self.surfaces.len(),
            tied_surfaces: self
                .surfaces
                .iter()
                .filter(|s| s.ambiguity == Ambiguity::Tied)
                .count(),
        }
    }

    /// The meanings of a form as written (a leading `the` is ignored
    /// unless it is part of the name, as in `The Hague`).
    pub fn surface(&self, text: &str) -> Option<&Surface> {
        let text = text.trim();
        let key = strip_article(text);
        [text, key]
            .into_iter()
            .find_map(|k| {
                self.by_text
                    .get(k)
                    .or_else(|| self.by_text.get(&straight_apostrophes(k)))
            })
            .map(|&i| &self.surfaces[i])
    }

    /// The preferred meaning of a form as written: `Russia`, `Azeri`,
    /// `the Kremlin`, `U.N.`. `None` when the form is unknown or several
    /// actors tie for it.
    pub fn lookup(&self, text: &str) -> Option<&ActorEntry> {
        self.surface(text).and_then(Surface::best)
    }

    /// Like [`ActorDictionary::lookup`], but an all-caps form also finds
    /// the entry it is the upper-case of (`RUSSIA` → Russia).
    pub fn lookup_upper(&self, text: &str) -> Option<&ActorEntry> {
        self.surface(text)
            .or_else(|| {
                let key = strip_article(text.trim());
                self.by_upper
                    .get(&straight_apostrophes(key).to_uppercase())
                    .map(|&i| &self.surfaces[i])
            })
            .and_then(Surface::best)
    }

    /// The sector a noun names, case-insensitively: `troops` → `MIL`,
    /// `armed forces` → `MIL`.
    pub fn sector_of_noun(&self, noun: &str) -> Option<&str> {
        self.nouns
            .get(&noun.trim().to_lowercase())
            .map(|&i| self.sectors[i].code.as_str())
    }

    /// The sector of an official's title, case-insensitively:
    /// `Foreign Minister` → `GOV`, `Gen.` → `MIL`.
    pub fn sector_of_title(&self, title: &str) -> Option<&str> {
        self.titles
            .get(&title.trim().to_lowercase())
            .map(|&i| self.sectors[i].code.as_str())
    }

    /// The actor code of a sector of a known actor: `("AZE", "MIL")` →
    /// `AZEMIL`, `("IGO", "")` → `IGO`. `None` when the actor code or the
    /// sector is not in the dictionary.
    pub fn actor_code(&self, actor: &str, sector: &str) -> Option<String> {
        let known_sector = sector.is_empty() || self.sectors.iter().any(|s| s.code == sector);
        (self.actor_codes.contains(actor) && known_sector).then(|| format!("{actor}{sector}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_dictionary_loads() {
        let dictionary = ActorDictionary::embedded().expect("shipped actors.toml is valid");
        let counts = dictionary.counts();
        assert!(counts.countries >= 190, "{counts:?}");
        assert!(counts.sectors > 0, "{counts:?}");
    }
}
