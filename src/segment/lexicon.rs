//! Word lists the segmenter consults: abbreviations, hyphen prefixes, unit
//! suffixes, contractions written without an apostrophe, and the words that
//! typically open a sentence.
//!
//! The lists follow the tokenization of UD English-EWT and GUM (checked on
//! their train splits) and the abbreviations of English news style. Every
//! lookup is a `match` on a short string, so nothing is allocated or built
//! at run time.

/// How an abbreviation written with a final period behaves at a possible
/// sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// Precedes a name (`Mr.`, `Gen.`, `Sen.`): never ends a sentence.
    Title,
    /// A month (`Jan.`, `Sept.`): ends a sentence only before a typical
    /// sentence opener.
    Month,
    /// Precedes a number (`No. 5`, `Vol. 2`); elsewhere the word is an
    /// ordinary one and the period is a full stop (`He said no.`).
    BeforeNumber,
    /// Often closes a sentence (`etc.`): ends one before any capital.
    Closing,
    /// Anything else (`U.S.`, `Inc.`, `a.m.`): ends a sentence only before
    /// a typical sentence opener.
    Other,
}

/// Copies an ASCII word of at most `N` bytes into a lowercase buffer.
fn ascii_lower<const N: usize>(word: &str, buf: &mut [u8; N]) -> Option<usize> {
    let bytes = word.as_bytes();
    if bytes.len() > N || !bytes.is_ascii() {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    Some(bytes.len())
}

/// The kind of a known abbreviation; `word` is written without its final
/// period (`Mr`, `Sept`, `etc`). Letter-period sequences (`U.S`) and single
/// letters are recognised by shape elsewhere.
pub(crate) fn abbreviation(word: &str) -> Option<Abbreviation> {
    use Abbreviation::*;
    // Case matters: `Gen.` is a title, `gen.` is not; `No.` precedes a
    // number, `no.` ends a sentence.
    let kind = match word {
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Profs" | "Gen"
        | "Gens" | "Lt" | "Col" | "Cols" | "Maj" | "Capt" | "Cpt" | "Cmdr" | "Cdr" | "Adm"
        | "Brig" | "Sgt" | "Cpl" | "Pvt" | "Pfc" | "Spc" | "Ens" | "Gov" | "Govs" | "Sen"
        | "Sens" | "Rep" | "Reps" | "Rev" | "Hon" | "Pres" | "Supt" | "Insp" | "Det" | "Amb"
        | "Atty" | "Fr" | "Msgr" | "Sr" | "Sra" | "Mme" | "Mlle" | "Mssrs" => Title,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => Month,
        "No" | "Nos" | "no" | "nos" | "Vol" | "vol" | "Vols" | "Fig" | "fig" | "Figs" | "Ch"
        | "ch" | "Chap" | "p" | "pp" | "Para" | "para" | "Sec" | "sec" | "ext" | "Ext" | "Tel"
        | "tel" | "Rm" | "Ste" | "Pt" | "pt" => BeforeNumber,
        "etc" | "ect" | "al" | "cetera" => Closing,
        "Inc" | "INC" | "Corp" | "CORP" | "Co" | "LTD" | "PS" | "Ps" | "Cos" | "Ltd" | "Bros"
        | "Jr" | "Esq" | "Mt" | "Ft" | "St" | "Sts" | "Ave" | "Blvd" | "Rd" | "Hwy" | "Dept"
        | "Univ" | "Assn" | "Assoc" | "Inst" | "Intl" | "Natl" | "Govt" | "approx" | "Approx"
        | "vs" | "Vs" | "viz" | "cf" | "ca" | "ibid" | "Ibid" | "op" | "misc" | "esp" | "Esp"
        | "incl" | "Ph" | "Mon" | "Tue" | "Tues" | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri"
        | "Sat" | "yrs" | "mos" | "hrs" | "mins" | "secs" | "lb" | "lbs" | "oz" | "ft" | "sq"
        | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
        | "Ind" | "Kan" | "Kans" | "Ky" | "La" | "Md" | "Mich" | "Minn" | "Mo" | "Mont" | "Neb"
        | "Nev" | "Okla" | "Ore" | "Pa" | "Tenn" | "Tex" | "Va" | "Vt" | "Wis" | "Wyo" | "Ont"
        | "Que" | "Alta" | "Sask" | "Dist" | "Div" | "Dep" | "Attn" | "attn" | "Ref" | "ref"
        | "Eds" | "ed" | "eds" | "Rev'd" | "Ass't" | "Asst" | "asst" | "Mgr" | "mgr" | "Exec"
        | "Acad" | "Univs" | "Mfg" | "Mktg" | "Svc" | "Svcs" | "Dir" | "dir" | "Comm" | "Cmte"
        | "Sec'y" | "Secy" | "Pct" | "pct" | "Bldg" | "Ct" | "Ln" | "Pl" | "Sq" | "Jct"
        | "Terr" => Other,
        _ => return None,
    };
    Some(kind)
}

/// Whether `word` (the letters before a hyphen) is a prefix that UD English
/// keeps joined to its stem (`non-profit`, `e-mail`, `co-founder`); other
/// hyphenated words are split (`short - lived`).
pub(crate) fn is_hyphen_prefix(word: &str) -> bool {
    let mut buf = [0u8; 8];
    let Some(n) = ascii_lower(word, &mut buf) else {
        return false;
    };
    matches!(
        &buf[..n],
        b"e" | b"non"
            | b"re"
            | b"anti"
            | b"co"
            | b"pro"
            | b"pre"
            | b"mid"
            | b"post"
            | b"over"
            | b"cross"
            | b"counter"
            | b"ex"
            | b"semi"
            | b"multi"
            | b"mini"
            | b"sub"
            | b"neo"
            | b"un"
            | b"micro"
            | b"socio"
            | b"psycho"
            | b"inter"
            | b"intra"
    )
}

/// Whether letters written straight after a number are a unit that UD
/// English splits off (`6:30pm` → `6:30` `pm`, `430km` → `430` `km`);
/// ordinals (`3rd`) and decades (`1970s`) are not units.
pub(crate) fn is_unit(letters: &str) -> bool {
    // Single letters: case decides (`5m` is a unit, `4G` is a name).
    match letters {
        "m" | "k" | "b" | "t" | "x" | "p" | "f" | "c" | "M" | "K" | "B" | "C" | "F" => return true,
        _ if letters.len() == 1 => return false,
        _ => {}
    }
    let mut buf = [0u8; 6];
    let Some(n) = ascii_lower(letters, &mut buf) else {
        return false;
    };
    matches!(
        &buf[..n],
        b"am"
            | b"pm"
            | b"km"
            | b"kg"
            | b"mm"
            | b"cm"
            | b"bn"
            | b"mn"
            | b"ft"
            | b"lb"
            | b"lbs"
            | b"mph"
            | b"kph"
            | b"kmh"
            | b"hz"
            | b"khz"
            | b"mhz"
            | b"ghz"
            | b"mb"
            | b"gb"
            | b"kb"
            | b"tb"
            | b"ml"
            | b"mg"
            | b"hr"
            | b"hrs"
            | b"hh"
            | b"min"
            | b"mins"
            | b"sec"
            | b"secs"
            | b"sq"
            | b"mi"
            | b"yd"
            | b"yds"
            | b"kw"
            | b"mw"
            | b"gw"
            | b"kwh"
            | b"days"
            | b"day"
            | b"minutes"
            | b"percent"
            | b"watt"
            | b"persons"
    )
}

/// The word lengths of a contraction written without an apostrophe, which
/// UD English splits like its apostrophe form (`dont` → `do` `nt`,
/// `gonna` → `gon` `na`, `cannot` → `can` `not`). The answer gives the
/// length of the first part; the rest is the second part.
pub(crate) fn contraction_split(word: &str) -> Option<usize> {
    // Every listed word ends in one of these letters: a cheap first test
    // for the plain words this is asked about.
    let last = word.as_bytes().last()?.to_ascii_lowercase();
    if word.len() < 2 || !matches!(last, b't' | b'a' | b'e' | b'm' | b's') {
        return None;
    }
    let mut buf = [0u8; 8];
    let n = ascii_lower(word, &mut buf)?;
    let first = match &buf[..n] {
        b"gonna" | b"wanna" => 3,
        b"gotta" | b"outta" => 3,
        b"cannot" => 3,
        b"alot" => 1,
        b"gimme" | b"lemme" => 3,
        b"dont" | b"didnt" | b"doesnt" | b"isnt" | b"wasnt" | b"arent" | b"werent" | b"couldnt"
        | b"shouldnt" | b"wouldnt" | b"havent" | b"hasnt" | b"hadnt" | b"aint" => n - 2,
        b"cant" | b"wont" => 2,
        b"im" => 1,
        b"ive" => 1,
        b"youre" => 3,
        b"theyre" => 4,
        b"thats" | b"whats" | b"theres" | b"heres" => n - 1,
        _ => return None,
    };
    Some(first)
}

/// The length of a clitic at the end of `word` (`'s`, `n't`, `'ll`, ...,
/// with a straight or curly apostrophe), if there is one and something is
/// left before it.
pub(crate) fn clitic_suffix_len(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    // The apostrophe is `'` (1 byte), `’` (3 bytes) or the backtick (1 byte).
    let apostrophe_before = |end: usize| -> Option<usize> {
        let head = &bytes[..end];
        if head.ends_with(b"'") || head.ends_with(b"`") {
            Some(end - 1)
        } else if head.ends_with("’".as_bytes()) {
            Some(end - 3)
        } else {
            None
        }
    };
    let len = bytes.len();
    // n't / N'T: the apostrophe sits before the last letter.
    if len >= 4 && matches!(bytes[len - 1], b't' | b'T') {
        if let Some(apos) = apostrophe_before(len - 1) {
            if apos >= 2 && matches!(bytes[apos - 1], b'n' | b'N') {
                let stem_end = apos - 1;
                if word[..stem_end]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                {
                    return Some(len - stem_end);
                }
            }
        }
    }
    for suffix_len in [1usize, 2] {
        if len <= suffix_len {
            continue;
        }
        let suffix = &bytes[len - suffix_len..];
        let known = match suffix_len {
            1 => matches!(suffix[0].to_ascii_lowercase(), b's' | b'm' | b'd'),
            _ => matches!(
                [
                    suffix[0].to_ascii_lowercase(),
                    suffix[1].to_ascii_lowercase()
                ],
                [b'l', b'l'] | [b'r', b'e'] | [b'v', b'e']
            ),
        };
        if !known {
            continue;
        }
        if let Some(apos) = apostrophe_before(len - suffix_len) {
            // After a digit the `'s` is a plural (`1990's`), kept whole;
            // after a period it follows an abbreviation (`U.N.'s`).
            if word[..apos]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() || c == '.')
            {
                return Some(len - apos);
            }
        }
    }
    None
}

/// Whether a capitalised word usually opens a sentence, so that a period
/// of an abbreviation before it (`in the U.S. The ...`) ends the sentence.
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "Since"
            | "However"
            | "Meanwhile"
            | "Yet"
            | "Still"
            | "Then"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Last"
            | "According"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Although"
            | "Though"
            | "Because"
            | "Such"
            | "Both"
            | "Each"
            | "Officials"
            | "Earlier"
            | "Later"
            | "Also"
            | "Under"
            | "During"
            | "For"
            | "With"
            | "Without"
            | "Despite"
            | "Instead"
            | "Other"
            | "Another"
            | "One"
            | "Two"
            | "Three"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_are_found_with_any_apostrophe() {
        assert_eq!(clitic_suffix_len("Russia's"), Some(2));
        assert_eq!(clitic_suffix_len("Russia’s"), Some(4));
        assert_eq!(clitic_suffix_len("don't"), Some(3));
        assert_eq!(clitic_suffix_len("won’t"), Some(5));
        assert_eq!(clitic_suffix_len("DON'T"), Some(3));
        assert_eq!(clitic_suffix_len("I'm"), Some(2));
        assert_eq!(clitic_suffix_len("we'll"), Some(3));
        assert_eq!(clitic_suffix_len("'s"), None);
        assert_eq!(clitic_suffix_len("n't"), None);
        assert_eq!(clitic_suffix_len("O'Brien"), None);
        assert_eq!(clitic_suffix_len("cats"), None);
        assert_eq!(clitic_suffix_len("U.N.'s"), Some(2));
        assert_eq!(clitic_suffix_len("1990's"), None);
    }

    #[test]
    fn units_and_prefixes() {
        assert!(is_unit("pm") && is_unit("PM") && is_unit("km") && is_unit("m"));
        assert!(!is_unit("th") && !is_unit("s") && !is_unit("G") && !is_unit("nd"));
        assert!(is_hyphen_prefix("non") && is_hyphen_prefix("Anti") && is_hyphen_prefix("e"));
        assert!(!is_hyphen_prefix("short") && !is_hyphen_prefix("Nagorno"));
    }

    #[test]
    fn contractions_without_apostrophe() {
        assert_eq!(contraction_split("gonna"), Some(3));
        assert_eq!(contraction_split("Dont"), Some(2));
        assert_eq!(contraction_split("cannot"), Some(3));
        assert_eq!(contraction_split("shouldnt"), Some(6));
        assert_eq!(contraction_split("donut"), None);
    }

    #[test]
    fn abbreviation_kinds_depend_on_case() {
        assert_eq!(abbreviation("Gen"), Some(Abbreviation::Title));
        assert_eq!(abbreviation("gen"), None);
        assert_eq!(abbreviation("Jan"), Some(Abbreviation::Month));
        assert_eq!(abbreviation("No"), Some(Abbreviation::BeforeNumber));
        assert_eq!(abbreviation("etc"), Some(Abbreviation::Closing));
        assert_eq!(abbreviation("Inc"), Some(Abbreviation::Other));
    }
}
