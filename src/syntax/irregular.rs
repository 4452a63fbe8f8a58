//! English irregular verbs: base, past and past participle.
//!
//! The treebank lexicon covers the common ones; this table (written for
//! the project from standard grammar references) makes sure rarer forms
//! that news text uses (`overran`, `strove`, `forbade`, `slew`) still get
//! their base form, including prefixed verbs (`withdrew` → `withdraw`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// `base past participle`, alternatives separated by `/`.
const TABLE: &str = "\
arise arose arisen
awake awoke awoken
be was/were been
bear bore borne/born
beat beat beaten
begin began begun
bend bent bent
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
build built built
burn burnt burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten/got
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
lean leant leant
leap leapt leapt
learn learnt learnt
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
pay paid paid
prove proved proven
put put put
quit quit quit
read read read
rend rent rent
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
smite smote smitten
speak spoke spoken
speed sped sped
spend spent spent
spill spilt spilt
spin spun spun
spit spat spat
split split split
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
wring wrung wrung
write wrote written";

/// Prefixes that form verbs with irregular stems (`with`+`drew`).
const PREFIXES: [&str; 9] = [
    "with", "over", "under", "out", "fore", "mis", "re", "up", "be",
];

fn table() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in TABLE.lines() {
            let mut parts = line.split(' ');
            let base = parts.next().unwrap_or_default();
            for form in parts.flat_map(|p| p.split('/')) {
                // Where a form belongs to two verbs (`lay`, `found`,
                // `ground`, `wound`), the first listed wins; the treebank
                // lexicon is consulted before this table anyway.
                map.entry(form).or_insert(base);
            }
        }
        map
    })
}

/// The base form of a lowercased irregular past or past participle, with
/// or without a verb prefix (`withdrew` → `withdraw`), if it is one.
pub fn irregular_base(lower: &str) -> Option<String> {
    if let Some(base) = table().get(lower) {
        return Some((*base).to_string());
    }
    PREFIXES.iter().find_map(|prefix| {
        let rest = lower.strip_prefix(prefix)?;
        // A bare stem of one or two letters (`re`+`d`) is no verb.
        if rest.len() < 3 {
            return None;
        }
        table().get(rest).map(|base| format!("{prefix}{base}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_forms_and_prefixed_verbs() {
        assert_eq!(irregular_base("fought").as_deref(), Some("fight"));
        assert_eq!(irregular_base("was").as_deref(), Some("be"));
        assert_eq!(irregular_base("were").as_deref(), Some("be"));
        assert_eq!(irregular_base("withdrew").as_deref(), Some("withdraw"));
        assert_eq!(irregular_base("understood").as_deref(), Some("understand"));
        assert_eq!(irregular_base("overran").as_deref(), Some("overrun"));
        assert_eq!(irregular_base("became").as_deref(), Some("become"));
        assert_eq!(irregular_base("walked"), None);
        assert_eq!(irregular_base("red"), None);
    }
}
