//! The TOML format of the actor dictionary (`data/lexicon/actors.toml`)
//! and its validation.
//!
//! The file is read with serde into the `File*` records below, which keep
//! the byte span of every string so that a validation error can name the
//! line and the entry it is about; [`parse`] then checks the data and turns
//! it into the plain records of [`super::actors`].

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Location, Result};

use super::actors::{Country, CountryStatus, Group, Igo, Seat, Sector};

/// The only format version this build reads.
const VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileActors {
    version: Spanned<u32>,
    #[serde(default)]
    country: Vec<FileCountry>,
    #[serde(default)]
    igo: Vec<FileIgo>,
    #[serde(default)]
    group: Vec<FileGroup>,
    #[serde(default)]
    sector: Vec<FileSector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCountry {
    code: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    long: Vec<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    capital: Option<Spanned<String>>,
    #[serde(default)]
    capital_aliases: Vec<Spanned<String>>,
    #[serde(default)]
    cities: Vec<Spanned<String>>,
    #[serde(default)]
    demonyms: Vec<Spanned<String>>,
    #[serde(default)]
    seats: Vec<FileSeat>,
    status: Spanned<String>,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSeat {
    name: Spanned<String>,
    sector: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIgo {
    name: Spanned<String>,
    #[serde(default)]
    abbrev: Vec<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    code: Spanned<String>,
    #[serde(default)]
    sector: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileGroup {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    code: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSector {
    code: Spanned<String>,
    label: Spanned<String>,
    #[serde(default)]
    nouns: Vec<Spanned<String>>,
    #[serde(default)]
    titles: Vec<Spanned<String>>,
}

/// The validated content of an actor file.
pub(super) struct ParsedActors {
    pub countries: Vec<Country>,
    pub igos: Vec<Igo>,
    pub groups: Vec<Group>,
    pub sectors: Vec<Sector>,
}

/// Turns byte offsets in the file into `file:line` locations.
struct Locator<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    fn new(source: &'a str, text: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            source,
            line_starts,
        }
    }

    fn at(&self, byte: usize) -> Location {
        let line = self.line_starts.partition_point(|&start| start <= byte);
        Location::new(self.source).at_line(line.max(1))
    }

    fn error<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> Error {
        Error::format(self.at(spanned.span().start), message)
    }
}

/// Parses and validates the text of an actor file; `source` names the file
/// in error messages.
pub(super) fn parse(text: &str, source: &str) -> Result<ParsedActors> {
    let locator = Locator::new(source, text);
    let file: FileActors = toml::from_str(text).map_err(|e| {
        let location = match e.span() {
            Some(span) => locator.at(span.start),
            None => Location::new(source),
        };
        Error::format(location, format!("invalid actor file: {}", e.message())).caused_by(e)
    })?;
    if *file.version.get_ref() != VERSION {
        return Err(locator.error(
            &file.version,
            format!(
                "actor file version {} is not supported (expected {VERSION})",
                file.version.get_ref()
            ),
        ));
    }
    let sectors = sectors(&locator, file.sector)?;
    let sector_codes: Vec<&str> = sectors.iter().map(|s| s.code.as_str()).collect();
    let countries = countries(&locator, file.country, &sector_codes)?;
    let igos = igos(&locator, file.igo, &sector_codes)?;
    let groups = groups(&locator, file.group)?;
    Ok(ParsedActors {
        countries,
        igos,
        groups,
        sectors,
    })
}

fn sectors(locator: &Locator, file: Vec<FileSector>) -> Result<Vec<Sector>> {
    let mut codes: HashMap<String, usize> = HashMap::new();
    // Lowercased noun or title → (sector code, line) of its first listing.
    let mut nouns: HashMap<String, (String, usize)> = HashMap::new();
    let mut titles: HashMap<String, (String, usize)> = HashMap::new();
    let mut out = Vec::with_capacity(file.len());
    for sector in file {
        let code = sector.code.get_ref();
        check_code(locator, &sector.code, "sector", 3, 3)?;
        let line = line_of(locator, &sector.code);
        if let Some(first) = codes.insert(code.clone(), line) {
            return Err(locator.error(
                &sector.code,
                format!("sector `{code}` is defined twice (first at line {first})"),
            ));
        }
        let label = nonempty(locator, &sector.label, &format!("sector `{code}`: label"))?;
        for (list, kind, seen) in [
            (&sector.nouns, "noun", &mut nouns),
            (&sector.titles, "title", &mut titles),
        ] {
            for item in list {
                let value = nonempty(locator, item, &format!("sector `{code}`: {kind}"))?;
                let key = value.to_lowercase();
                if let Some((other, first)) = seen.get(&key) {
                    return Err(locator.error(
                        item,
                        format!(
                            "sector `{code}`: {kind} `{value}` is already listed under sector `{other}` (line {first})"
                        ),
                    ));
                }
                seen.insert(key, (code.clone(), line_of(locator, item)));
            }
        }
        out.push(Sector {
            code: code.clone(),
            label,
            nouns: strings(sector.nouns),
            titles: strings(sector.titles),
        });
    }
    Ok(out)
}

fn countries(
    locator: &Locator,
    file: Vec<FileCountry>,
    sector_codes: &[&str],
) -> Result<Vec<Country>> {
    let mut codes: HashMap<String, (usize, CountryStatus)> = HashMap::new();
    let mut out = Vec::with_capacity(file.len());
    let mut parents = Vec::new();
    for country in file {
        let name = nonempty(locator, &country.name, "country: name")?;
        let what = format!("country `{name}`");
        check_code(locator, &country.code, &what, 3, 3)?;
        let code = country.code.get_ref().clone();
        let status = match country.status.get_ref().as_str() {
            "member" => CountryStatus::Member,
            "observer" => CountryStatus::Observer,
            "territory" => CountryStatus::Territory,
            other => {
                return Err(locator.error(
                    &country.status,
                    format!(
                        "{what}: status `{other}` is not one of `member`, `observer`, `territory`"
                    ),
                ))
            }
        };
        if let Some((first, _)) = codes.get(&code) {
            return Err(locator.error(
                &country.code,
                format!("{what}: code `{code}` is already used by the entry at line {first}"),
            ));
        }
        codes.insert(code.clone(), (line_of(locator, &country.code), status));
        match (&country.parent, status) {
            (None, CountryStatus::Territory) => {
                return Err(locator.error(
                    &country.status,
                    format!("{what}: a territory needs a `parent` country code"),
                ))
            }
            (Some(parent), CountryStatus::Member | CountryStatus::Observer) => {
                return Err(
                    locator.error(parent, format!("{what}: only a territory has a `parent`"))
                )
            }
            (Some(parent), CountryStatus::Territory) => {
                parents.push((what.clone(), parent.clone()))
            }
            (None, _) => {}
        }
        let mut seats = Vec::with_capacity(country.seats.len());
        for seat in &country.seats {
            let seat_name = nonempty(locator, &seat.name, &format!("{what}: seat"))?;
            check_sector(locator, &seat.sector, sector_codes, &what)?;
            seats.push(Seat {
                name: seat_name,
                sector: seat.sector.get_ref().clone(),
            });
        }
        let capital = match &country.capital {
            Some(c) if !c.get_ref().trim().is_empty() => {
                Some(nonempty(locator, c, &format!("{what}: capital"))?)
            }
            _ => None,
        };
        if let (None, Some(alias)) = (&capital, country.capital_aliases.first()) {
            return Err(locator.error(
                alias,
                format!("{what}: `capital_aliases` without a `capital`"),
            ));
        }
        for (list, field) in [
            (&country.long, "long"),
            (&country.aliases, "aliases"),
            (&country.capital_aliases, "capital_aliases"),
            (&country.cities, "cities"),
            (&country.demonyms, "demonyms"),
        ] {
            for item in list {
                nonempty(locator, item, &format!("{what}: {field}"))?;
            }
        }
        out.push(Country {
            code,
            name,
            long: strings(country.long),
            aliases: strings(country.aliases),
            capital,
            capital_aliases: strings(country.capital_aliases),
            cities: strings(country.cities),
            demonyms: strings(country.demonyms),
            seats,
            status,
            parent: country.parent.map(Spanned::into_inner),
            note: country.note,
        });
    }
    for (what, parent) in &parents {
        match codes.get(parent.get_ref()) {
            Some((_, CountryStatus::Member | CountryStatus::Observer)) => {}
            Some((line, CountryStatus::Territory)) => {
                return Err(locator.error(
                    parent,
                    format!(
                        "{what}: parent `{}` (line {line}) is itself a territory",
                        parent.get_ref()
                    ),
                ))
            }
            None => {
                return Err(locator.error(
                    parent,
                    format!("{what}: unknown parent country `{}`", parent.get_ref()),
                ))
            }
        }
    }
    Ok(out)
}

fn igos(locator: &Locator, file: Vec<FileIgo>, sector_codes: &[&str]) -> Result<Vec<Igo>> {
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(file.len());
    for igo in file {
        let name = nonempty(locator, &igo.name, "igo: name")?;
        let what = format!("igo `{name}`");
        if let Some(first) = names.insert(name.clone(), line_of(locator, &igo.name)) {
            return Err(locator.error(
                &igo.name,
                format!("{what} is defined twice (first at line {first})"),
            ));
        }
        check_code(locator, &igo.code, &what, 3, 12)?;
        let sector = match &igo.sector {
            Some(s) if !s.get_ref().is_empty() => {
                check_sector(locator, s, sector_codes, &what)?;
                s.get_ref().clone()
            }
            _ => String::new(),
        };
        for item in igo.abbrev.iter().chain(&igo.aliases) {
            nonempty(locator, item, &format!("{what}: abbrev/aliases"))?;
        }
        out.push(Igo {
            name,
            abbrev: strings(igo.abbrev),
            aliases: strings(igo.aliases),
            code: igo.code.into_inner(),
            sector,
        });
    }
    Ok(out)
}

fn groups(locator: &Locator, file: Vec<FileGroup>) -> Result<Vec<Group>> {
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(file.len());
    for group in file {
        let name = nonempty(locator, &group.name, "group: name")?;
        let what = format!("group `{name}`");
        if let Some(first) = names.insert(name.clone(), line_of(locator, &group.name)) {
            return Err(locator.error(
                &group.name,
                format!("{what} is defined twice (first at line {first})"),
            ));
        }
        check_code(locator, &group.code, &what, 3, 12)?;
        for item in &group.aliases {
            nonempty(locator, item, &format!("{what}: aliases"))?;
        }
        out.push(Group {
            name,
            aliases: strings(group.aliases),
            code: group.code.into_inner(),
        });
    }
    Ok(out)
}

/// An actor or sector code: `min..=max` uppercase ASCII letters.
fn check_code(
    locator: &Locator,
    code: &Spanned<String>,
    what: &str,
    min: usize,
    max: usize,
) -> Result<()> {
    let value = code.get_ref();
    let ok = (min..=max).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_uppercase());
    if ok {
        return Ok(());
    }
    let expected = if min == max {
        format!("{min}")
    } else {
        format!("{min} to {max}")
    };
    Err(locator.error(
        code,
        format!("{what}: code `{value}` is not {expected} uppercase ASCII letters"),
    ))
}

fn check_sector(
    locator: &Locator,
    sector: &Spanned<String>,
    sector_codes: &[&str],
    what: &str,
) -> Result<()> {
    if sector_codes.contains(&sector.get_ref().as_str()) {
        Ok(())
    } else {
        Err(locator.error(
            sector,
            format!(
                "{what}: unknown sector `{}` (defined sectors: {})",
                sector.get_ref(),
                sector_codes.join(", ")
            ),
        ))
    }
}

/// The trimmed value, which must not be empty and must not carry stray
/// whitespace (it would never match the text as written).
fn nonempty(locator: &Locator, value: &Spanned<String>, what: &str) -> Result<String> {
    let text = value.get_ref();
    if text.trim().is_empty() {
        return Err(locator.error(value, format!("{what}: empty string")));
    }
    if text.trim() != text || text.contains("  ") || text.contains(['\n', '\t']) {
        return Err(locator.error(
            value,
            format!("{what}: `{text}` has leading, trailing or repeated whitespace"),
        ));
    }
    Ok(text.clone())
}

fn line_of<T>(locator: &Locator, value: &Spanned<T>) -> usize {
    locator.at(value.span().start).line.unwrap_or(1)
}

fn strings(values: Vec<Spanned<String>>) -> Vec<String> {
    values.into_iter().map(Spanned::into_inner).collect()
}
