//! The actor dictionary: loading, validation errors with their location,
//! and the lookups the rest of the pipeline uses.

use actant::ner::{ActorDictionary, ActorKind, Ambiguity, CountryStatus};
use actant::{EntityLabel, ErrorKind};

/// A small valid actor file; tests break it one way at a time.
const SMALL: &str = r#"version = 1

[[country]]
code = "AZE"
name = "Azerbaijan"
long = ["Republic of Azerbaijan"]
aliases = []
capital = "Baku"
capital_aliases = ["Baki"]
cities = ["Ganja"]
demonyms = ["Azerbaijani", "Azeri"]
status = "member"

[[country]]
code = "RUS"
name = "Russia"
capital = "Moscow"
demonyms = ["Russian"]
seats = [{ name = "the Kremlin", sector = "GOV" }]
status = "member"

[[country]]
code = "LUX"
name = "Luxembourg"
capital = "Luxembourg"
status = "member"

[[country]]
code = "NKR"
name = "Nagorno-Karabakh"
status = "territory"
parent = "AZE"

[[igo]]
name = "United Nations"
abbrev = ["UN", "U.N."]
aliases = ["the United Nations"]
code = "IGO"
sector = ""

[[group]]
name = "Hamas"
aliases = ["Islamic Resistance Movement"]
code = "PSEREB"

[[sector]]
code = "GOV"
label = "government"
nouns = ["government"]
titles = ["Foreign Minister", "President"]

[[sector]]
code = "MIL"
label = "military"
nouns = ["troops", "armed forces"]
titles = ["Gen."]
"#;

fn load(text: &str) -> actant::Result<ActorDictionary> {
    ActorDictionary::from_toml(text, "actors.toml")
}

/// The error message for a broken copy of [`SMALL`], with its location.
fn error_of(text: &str) -> String {
    let error = load(text).expect_err("the file is invalid");
    assert_eq!(error.kind(), ErrorKind::Format, "{error}");
    error.to_string()
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text.rfind(needle).expect("needle in text");
    text[..at].matches('\n').count() + 1
}

#[test]
fn small_file_loads_with_counts() {
    let dictionary = load(SMALL).unwrap();
    let counts = dictionary.counts();
    assert_eq!(counts.countries, 3);
    assert_eq!(counts.territories, 1);
    assert_eq!(counts.igos, 1);
    assert_eq!(counts.groups, 1);
    assert_eq!(counts.sectors, 2);
    assert_eq!(
        dictionary.country("NKR").unwrap().status,
        CountryStatus::Territory
    );
    assert_eq!(dictionary.source(), "actors.toml");
}

#[test]
fn lookups_give_kind_code_label_and_canonical() {
    let dictionary = load(SMALL).unwrap();
    let cases = [
        (
            "Azerbaijan",
            ActorKind::Country,
            "AZE",
            "Azerbaijan",
            EntityLabel::Loc,
        ),
        (
            "Republic of Azerbaijan",
            ActorKind::Country,
            "AZE",
            "Azerbaijan",
            EntityLabel::Loc,
        ),
        (
            "Azeri",
            ActorKind::Demonym,
            "AZE",
            "Azerbaijan",
            EntityLabel::Misc,
        ),
        (
            "Baku",
            ActorKind::Capital,
            "AZEGOV",
            "Baku",
            EntityLabel::Loc,
        ),
        ("Ganja", ActorKind::City, "AZE", "Ganja", EntityLabel::Loc),
        (
            "the Kremlin",
            ActorKind::Seat,
            "RUSGOV",
            "the Kremlin",
            EntityLabel::Org,
        ),
        (
            "Kremlin",
            ActorKind::Seat,
            "RUSGOV",
            "the Kremlin",
            EntityLabel::Org,
        ),
        (
            "Luxembourg",
            ActorKind::Country,
            "LUX",
            "Luxembourg",
            EntityLabel::Loc,
        ),
        (
            "Nagorno-Karabakh",
            ActorKind::Territory,
            "NKR",
            "Nagorno-Karabakh",
            EntityLabel::Loc,
        ),
        (
            "U.N.",
            ActorKind::Igo,
            "IGO",
            "United Nations",
            EntityLabel::Org,
        ),
        (
            "the United Nations",
            ActorKind::Igo,
            "IGO",
            "United Nations",
            EntityLabel::Org,
        ),
        (
            "Islamic Resistance Movement",
            ActorKind::Group,
            "PSEREB",
            "Hamas",
            EntityLabel::Org,
        ),
    ];
    for (text, kind, code, canonical, label) in cases {
        let entry = dictionary
            .lookup(text)
            .unwrap_or_else(|| panic!("{text} is in the dictionary"));
        assert_eq!(
            (
                entry.kind,
                entry.code.as_str(),
                entry.canonical.as_str(),
                entry.label()
            ),
            (kind, code, canonical, label),
            "{text}"
        );
    }
    assert!(
        dictionary.lookup("azeri").is_none(),
        "lookups are case-sensitive"
    );
    assert!(dictionary.lookup("Azerbaijanis").is_none());
    assert_eq!(dictionary.lookup_upper("AZERI").unwrap().owner, "AZE");
    assert!(dictionary.lookup_upper("Azeri-ish").is_none());
}

#[test]
fn a_shared_form_prefers_the_country_and_keeps_the_capital() {
    let dictionary = load(SMALL).unwrap();
    let surface = dictionary.surface("Luxembourg").unwrap();
    let kinds: Vec<ActorKind> = surface.entries.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [ActorKind::Country, ActorKind::Capital]);
    assert_eq!(surface.ambiguity, Ambiguity::Unique);
}

#[test]
fn a_form_of_two_actors_of_one_kind_is_tied() {
    let text = SMALL.replace(
        r#"demonyms = ["Russian"]"#,
        r#"demonyms = ["Russian", "Azeri"]"#,
    );
    let dictionary = load(&text).unwrap();
    let surface = dictionary.surface("Azeri").unwrap();
    assert_eq!(surface.ambiguity, Ambiguity::Tied);
    assert_eq!(surface.entries.len(), 2);
    assert!(dictionary.lookup("Azeri").is_none());
    assert_eq!(dictionary.counts().tied_surfaces, 1);
}

#[test]
fn sector_lookups_and_actor_codes() {
    let dictionary = load(SMALL).unwrap();
    assert_eq!(dictionary.sector_of_noun("troops"), Some("MIL"));
    assert_eq!(dictionary.sector_of_noun("Armed Forces"), Some("MIL"));
    assert_eq!(dictionary.sector_of_noun("armed"), None);
    assert_eq!(dictionary.sector_of_title("Foreign Minister"), Some("GOV"));
    assert_eq!(dictionary.sector_of_title("foreign minister"), Some("GOV"));
    assert_eq!(dictionary.sector_of_title("Gen."), Some("MIL"));
    assert_eq!(dictionary.sector_of_title("Minister"), None);
    assert_eq!(
        dictionary.actor_code("AZE", "MIL").as_deref(),
        Some("AZEMIL")
    );
    assert_eq!(dictionary.actor_code("IGO", "").as_deref(), Some("IGO"));
    assert_eq!(
        dictionary.actor_code("PSEREB", "").as_deref(),
        Some("PSEREB")
    );
    assert_eq!(dictionary.actor_code("XYZ", "MIL"), None);
    assert_eq!(dictionary.actor_code("AZE", "XYZ"), None);
}

#[test]
fn invalid_files_name_the_file_line_and_entry() {
    // (what is broken, replace this, with that, expected message part, line of)
    let cases = [
        (
            "duplicate country code",
            r#"code = "LUX""#,
            r#"code = "RUS""#,
            "country `Luxembourg`: code `RUS` is already used by the entry at line",
            r#"code = "RUS""#,
        ),
        (
            "seat with an unknown sector",
            r#"sector = "GOV" }"#,
            r#"sector = "GUV" }"#,
            "country `Russia`: unknown sector `GUV`",
            r#"sector = "GUV""#,
        ),
        (
            "territory with an unknown parent",
            r#"parent = "AZE""#,
            r#"parent = "AZR""#,
            "country `Nagorno-Karabakh`: unknown parent country `AZR`",
            r#"parent = "AZR""#,
        ),
        (
            "code not three letters",
            r#"code = "AZE""#,
            r#"code = "Az""#,
            "country `Azerbaijan`: code `Az` is not 3 uppercase ASCII letters",
            r#"code = "Az""#,
        ),
        (
            "unknown status",
            r#"status = "territory""#,
            r#"status = "province""#,
            "status `province` is not one of",
            r#"status = "province""#,
        ),
        (
            "territory without parent",
            "parent = \"AZE\"\n",
            "",
            "country `Nagorno-Karabakh`: a territory needs a `parent`",
            r#"status = "territory""#,
        ),
        (
            "IGO sector unknown",
            r#"sector = """#,
            r#"sector = "XYZ""#,
            "igo `United Nations`: unknown sector `XYZ`",
            r#"sector = "XYZ""#,
        ),
        (
            "noun in two sectors",
            r#"nouns = ["government"]"#,
            r#"nouns = ["government", "troops"]"#,
            "sector `MIL`: noun `troops` is already listed under sector `GOV`",
            r#"nouns = ["troops""#,
        ),
        (
            "sector defined twice",
            r#"code = "MIL""#,
            r#"code = "GOV""#,
            "sector `GOV` is defined twice",
            "code = \"GOV\"\nlabel = \"military\"",
        ),
        (
            "empty alias",
            r#"aliases = ["Islamic Resistance Movement"]"#,
            r#"aliases = [""]"#,
            "group `Hamas`: aliases: empty string",
            r#"aliases = [""]"#,
        ),
        (
            "stray whitespace",
            r#"cities = ["Ganja"]"#,
            r#"cities = ["Ganja "]"#,
            "has leading, trailing or repeated whitespace",
            r#"cities = ["Ganja "]"#,
        ),
        (
            "misspelt field",
            r#"demonyms = ["Russian"]"#,
            r#"demonym = ["Russian"]"#,
            "unknown field `demonym`",
            r#"demonym = ["Russian"]"#,
        ),
        (
            "capital aliases without a capital",
            "status = \"territory\"\n",
            "status = \"territory\"\ncapital_aliases = [\"Khankendi\"]\n",
            "country `Nagorno-Karabakh`: `capital_aliases` without a `capital`",
            r#"capital_aliases = ["Khankendi"]"#,
        ),
        (
            "unsupported version",
            "version = 1",
            "version = 2",
            "actor file version 2 is not supported",
            "version = 2",
        ),
        (
            "TOML syntax error",
            r#"name = "Hamas""#,
            r#"name = "Hamas"#,
            "invalid actor file",
            r#"name = "Hamas"#,
        ),
    ];
    for (what, from, to, message, line_needle) in cases {
        assert!(SMALL.contains(from), "{what}: `{from}` not in the file");
        let text = SMALL.replacen(from, to, 1);
        let error = error_of(&text);
        assert!(error.contains(message), "{what}: got `{error}`");
        let line = line_of(&text, line_needle);
        assert!(
            error.starts_with(&format!("actors.toml:{line}:")),
            "{what}: expected line {line}, got `{error}`"
        );
    }
}

#[test]
fn a_missing_file_is_an_io_error() {
    let error = ActorDictionary::from_path(std::path::Path::new("/nonexistent/actors.toml"))
        .expect_err("no such file");
    assert_eq!(error.kind(), ErrorKind::Io);
    assert!(error.to_string().starts_with("/nonexistent/actors.toml"));
}

#[test]
fn a_file_on_disk_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("custom.toml");
    std::fs::write(&path, SMALL).unwrap();
    let dictionary = ActorDictionary::from_path(&path).unwrap();
    assert_eq!(dictionary.source(), path.display().to_string());
    assert_eq!(dictionary.lookup("Baku").unwrap().code, "AZEGOV");
}

#[test]
fn embedded_dictionary_is_shared_and_consistent() {
    let first = ActorDictionary::embedded().unwrap();
    let second = ActorDictionary::embedded().unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &second), "parsed once");
    for country in first.countries() {
        let entry = first
            .lookup(&country.name)
            .unwrap_or_else(|| panic!("{} finds an entry", country.name));
        assert!(
            entry.owner == country.code
                || first.surface(&country.name).unwrap().ambiguity != Ambiguity::Unique,
            "{} → {entry:?}",
            country.name
        );
        if let Some(capital) = &country.capital {
            let surface = first.surface(capital).unwrap();
            assert!(
                surface
                    .entries
                    .iter()
                    .any(|e| e.kind == ActorKind::Capital
                        && e.code == format!("{}GOV", country.code)),
                "{capital} is the capital of {}",
                country.code
            );
        }
    }
    for sector in ["GOV", "MIL"] {
        assert!(first.sectors().iter().any(|s| s.code == sector), "{sector}");
    }
}
