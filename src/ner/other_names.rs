//! Names the gazetteer recognizes that are not actors of the dictionary,
//! so they carry a label but no actor code:
//!
//! - regions, seas, straits and rivers (`Sahel`, `Red Sea`, `Danube`),
//!   which are places in news but belong to no single country;
//! - peoples, religions and regional adjectives (`Rohingya`, `Muslim`,
//!   `Western`), which are `MISC` like demonyms but name no country;
//! - names that contain an actor's name but are not that actor (`Latin
//!   America`, `South China Sea`, `Washington Post`): being longer, they win
//!   over the actor inside them;
//! - named institutions written in title case, made from the dictionary's
//!   sector nouns (`defense ministry` → `Defense Ministry`, `ministry of
//!   defense` → `Ministry of Defense`): `ORG`, and the sector is known
//!   through [`super::ActorDictionary::sector_of_noun`], while the country
//!   comes from context (`Russia's Defense Ministry`), which is the rule
//!   layer's work.

use crate::doc::EntityLabel;

use super::actors::Sector;

/// Names with their label. Actor forms of the dictionary take precedence
/// over an identical name here.
pub(super) const OTHER_NAMES: &[(&str, EntityLabel)] = &[
    // Continents and regions.
    ("Europe", EntityLabel::Loc),
    ("Asia", EntityLabel::Loc),
    ("Africa", EntityLabel::Loc),
    ("North Africa", EntityLabel::Loc),
    ("West Africa", EntityLabel::Loc),
    ("East Africa", EntityLabel::Loc),
    ("Central Africa", EntityLabel::Loc),
    ("Southern Africa", EntityLabel::Loc),
    ("Horn of Africa", EntityLabel::Loc),
    ("Middle East", EntityLabel::Loc),
    ("Latin America", EntityLabel::Loc),
    ("South America", EntityLabel::Loc),
    ("North America", EntityLabel::Loc),
    ("Central America", EntityLabel::Loc),
    ("Caribbean", EntityLabel::Loc),
    ("Balkans", EntityLabel::Loc),
    ("Western Balkans", EntityLabel::Loc),
    ("Caucasus", EntityLabel::Loc),
    ("South Caucasus", EntityLabel::Loc),
    ("North Caucasus", EntityLabel::Loc),
    ("Central Asia", EntityLabel::Loc),
    ("South Asia", EntityLabel::Loc),
    ("Southeast Asia", EntityLabel::Loc),
    ("East Asia", EntityLabel::Loc),
    ("Asia-Pacific", EntityLabel::Loc),
    ("Indo-Pacific", EntityLabel::Loc),
    ("Indian Subcontinent", EntityLabel::Loc),
    ("Arctic", EntityLabel::Loc),
    ("Antarctica", EntityLabel::Loc),
    ("Scandinavia", EntityLabel::Loc),
    ("Sahel", EntityLabel::Loc),
    ("Maghreb", EntityLabel::Loc),
    ("Levant", EntityLabel::Loc),
    ("Kashmir", EntityLabel::Loc),
    ("Kurdistan", EntityLabel::Loc),
    ("Line of Control", EntityLabel::Loc),
    ("New Guinea", EntityLabel::Loc),
    ("New Mexico", EntityLabel::Loc),
    ("New South Wales", EntityLabel::Loc),
    ("British Columbia", EntityLabel::Loc),
    ("French Guiana", EntityLabel::Loc),
    ("French Polynesia", EntityLabel::Loc),
    ("North Pole", EntityLabel::Loc),
    ("South Pole", EntityLabel::Loc),
    // Seas, straits, rivers and lakes.
    ("Red Sea", EntityLabel::Loc),
    ("Black Sea", EntityLabel::Loc),
    ("Mediterranean", EntityLabel::Loc),
    ("Mediterranean Sea", EntityLabel::Loc),
    ("Caspian Sea", EntityLabel::Loc),
    ("Baltic Sea", EntityLabel::Loc),
    ("North Sea", EntityLabel::Loc),
    ("Aegean", EntityLabel::Loc),
    ("Aegean Sea", EntityLabel::Loc),
    ("Adriatic", EntityLabel::Loc),
    ("Arabian Sea", EntityLabel::Loc),
    ("Persian Gulf", EntityLabel::Loc),
    ("Gulf of Aden", EntityLabel::Loc),
    ("Gulf of Oman", EntityLabel::Loc),
    ("Gulf of Guinea", EntityLabel::Loc),
    ("Gulf of Mexico", EntityLabel::Loc),
    ("Strait of Hormuz", EntityLabel::Loc),
    ("Bab el-Mandeb", EntityLabel::Loc),
    ("Bosporus", EntityLabel::Loc),
    ("Bosphorus", EntityLabel::Loc),
    ("Dardanelles", EntityLabel::Loc),
    ("Suez Canal", EntityLabel::Loc),
    ("Taiwan Strait", EntityLabel::Loc),
    ("Sea of Azov", EntityLabel::Loc),
    ("Kerch Strait", EntityLabel::Loc),
    ("South China Sea", EntityLabel::Loc),
    ("East China Sea", EntityLabel::Loc),
    ("Yellow Sea", EntityLabel::Loc),
    ("Sea of Japan", EntityLabel::Loc),
    ("Irish Sea", EntityLabel::Loc),
    ("English Channel", EntityLabel::Loc),
    ("Atlantic", EntityLabel::Loc),
    ("Atlantic Ocean", EntityLabel::Loc),
    ("Pacific Ocean", EntityLabel::Loc),
    ("Indian Ocean", EntityLabel::Loc),
    ("Arctic Ocean", EntityLabel::Loc),
    ("Cape of Good Hope", EntityLabel::Loc),
    ("Danube", EntityLabel::Loc),
    ("Nile", EntityLabel::Loc),
    ("Euphrates", EntityLabel::Loc),
    ("Tigris", EntityLabel::Loc),
    ("Dnieper", EntityLabel::Loc),
    ("Mekong", EntityLabel::Loc),
    ("Rhine", EntityLabel::Loc),
    ("Volga", EntityLabel::Loc),
    ("Indus", EntityLabel::Loc),
    ("Jordan River", EntityLabel::Loc),
    ("Congo River", EntityLabel::Loc),
    ("Congo Basin", EntityLabel::Loc),
    ("Lake Chad", EntityLabel::Loc),
    ("Lake Victoria", EntityLabel::Loc),
    // Peoples, religions and regional adjectives.
    ("European", EntityLabel::Misc),
    ("Europeans", EntityLabel::Misc),
    ("Western", EntityLabel::Misc),
    ("Arab", EntityLabel::Misc),
    ("Arabs", EntityLabel::Misc),
    ("African", EntityLabel::Misc),
    ("Africans", EntityLabel::Misc),
    ("Asian", EntityLabel::Misc),
    ("Asians", EntityLabel::Misc),
    ("Southeast Asian", EntityLabel::Misc),
    ("Middle Eastern", EntityLabel::Misc),
    ("Latin American", EntityLabel::Misc),
    ("Muslim", EntityLabel::Misc),
    ("Muslims", EntityLabel::Misc),
    ("Christians", EntityLabel::Misc),
    ("Jewish", EntityLabel::Misc),
    ("Jews", EntityLabel::Misc),
    ("Hindu", EntityLabel::Misc),
    ("Hindus", EntityLabel::Misc),
    ("Sikh", EntityLabel::Misc),
    ("Sikhs", EntityLabel::Misc),
    ("Buddhist", EntityLabel::Misc),
    ("Buddhists", EntityLabel::Misc),
    ("Catholic", EntityLabel::Misc),
    ("Catholics", EntityLabel::Misc),
    ("Sunni", EntityLabel::Misc),
    ("Sunnis", EntityLabel::Misc),
    ("Shia", EntityLabel::Misc),
    ("Shiite", EntityLabel::Misc),
    ("Shiites", EntityLabel::Misc),
    ("Alawite", EntityLabel::Misc),
    ("Alawites", EntityLabel::Misc),
    ("Druze", EntityLabel::Misc),
    ("Kurd", EntityLabel::Misc),
    ("Kurds", EntityLabel::Misc),
    ("Kurdish", EntityLabel::Misc),
    ("Rohingya", EntityLabel::Misc),
    ("Hutu", EntityLabel::Misc),
    ("Hutus", EntityLabel::Misc),
    ("Tutsi", EntityLabel::Misc),
    ("Tutsis", EntityLabel::Misc),
    ("Pashtun", EntityLabel::Misc),
    ("Pashtuns", EntityLabel::Misc),
    ("Baloch", EntityLabel::Misc),
    ("Uyghur", EntityLabel::Misc),
    ("Uyghurs", EntityLabel::Misc),
    ("Uighur", EntityLabel::Misc),
    ("Uighurs", EntityLabel::Misc),
    ("Tamil", EntityLabel::Misc),
    ("Tamils", EntityLabel::Misc),
    ("Yazidi", EntityLabel::Misc),
    ("Yazidis", EntityLabel::Misc),
    ("Chechen", EntityLabel::Misc),
    ("Chechens", EntityLabel::Misc),
    ("Tuareg", EntityLabel::Misc),
    ("Fulani", EntityLabel::Misc),
    ("Oromo", EntityLabel::Misc),
    ("Bedouin", EntityLabel::Misc),
    // Organisations and events whose name holds an actor's name.
    ("Washington Post", EntityLabel::Org),
    ("New York Times", EntityLabel::Org),
    ("Moscow Times", EntityLabel::Org),
    ("Jerusalem Post", EntityLabel::Org),
    ("Tehran Times", EntityLabel::Org),
    ("Kyiv Independent", EntityLabel::Org),
    ("Turkish Airlines", EntityLabel::Org),
    ("Qatar Airways", EntityLabel::Org),
    ("Russian Orthodox Church", EntityLabel::Org),
    ("Ukrainian Orthodox Church", EntityLabel::Org),
    ("Paris Agreement", EntityLabel::Misc),
    ("Iranian Revolution", EntityLabel::Misc),
];

/// Last words of sector nouns that name an institution rather than people
/// (`defense ministry`, `high court`, but not `defense minister`).
const INSTITUTION_HEADS: &[&str] = &[
    "agency",
    "army",
    "assembly",
    "bank",
    "cabinet",
    "commission",
    "congress",
    "court",
    "department",
    "force",
    "gendarmerie",
    "guard",
    "house",
    "judiciary",
    "legislature",
    "ministry",
    "navy",
    "office",
    "parliament",
    "police",
    "presidency",
    "representatives",
    "senate",
    "service",
    "staff",
    "tribunal",
];

/// Words left in lowercase inside a title-cased name.
const MINOR_WORDS: &[&str] = &["and", "for", "in", "of", "on", "the", "to"];

/// A named institution made from a sector noun.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct InstitutionForm {
    /// Title-cased form (`Defense Ministry`).
    pub text: String,
    /// A one-word form (`Parliament`) matches only after the first word of
    /// a sentence, where its capital shows it is a name.
    pub single_word: bool,
}

/// Title-cased institution names from the sectors' nouns.
pub(super) fn institution_forms(sectors: &[Sector]) -> Vec<InstitutionForm> {
    let mut out: Vec<InstitutionForm> = Vec::new();
    for noun in sectors.iter().flat_map(|s| &s.nouns) {
        let noun = noun.to_lowercase();
        let words: Vec<&str> = noun.split(' ').collect();
        // The head of `ministry of defense` is `ministry`.
        let head = match words.iter().position(|w| *w == "of") {
            Some(of) if of > 0 => words[of - 1],
            _ => words[words.len() - 1],
        };
        if !INSTITUTION_HEADS.contains(&head) {
            continue;
        }
        let text = title_case(&words);
        if !out.iter().any(|f| f.text == text) {
            out.push(InstitutionForm {
                text,
                single_word: words.len() == 1,
            });
        }
    }
    out
}

fn title_case(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && MINOR_WORDS.contains(word) {
            out.push_str(word);
            continue;
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sector(nouns: &[&str]) -> Sector {
        Sector {
            code: "GOV".into(),
            label: "government".into(),
            nouns: nouns.iter().map(|n| n.to_string()).collect(),
            titles: Vec::new(),
        }
    }

    #[test]
    fn institutions_are_title_cased_sector_nouns_with_an_institution_head() {
        let forms = institution_forms(&[sector(&[
            "defense ministry",
            "ministry of defense",
            "defense minister",
            "prime minister's office",
            "parliament",
            "troops",
            "house of representatives",
        ])]);
        let texts: Vec<&str> = forms.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Defense Ministry",
                "Ministry of Defense",
                "Prime Minister's Office",
                "Parliament",
                "House of Representatives",
            ]
        );
        assert!(forms[3].single_word);
        assert!(!forms[0].single_word);
    }

    #[test]
    fn other_names_are_unique() {
        let mut names: Vec<&str> = OTHER_NAMES.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }

    #[test]
    fn institution_heads_are_sorted() {
        for pair in INSTITUTION_HEADS.windows(2) {
            assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
        }
    }
}
