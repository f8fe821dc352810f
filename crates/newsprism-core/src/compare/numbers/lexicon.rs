//! The ledger's word lists: what counts as one thing, units, adjectives to skip, words that
//! are not counted, the ledger's own hedges, and whose a quantity is.

use super::Owner;
use crate::search::alias::AliasTable;
use crate::text::fold::fold;
use crate::text::lexicon::HEDGES;

/// Counted things that are one thing, by folded surface form; the first word names the group.
pub(super) const SYNONYMS: &[&[&str]] = &[
    &[
        "troepen",
        "troep",
        "soldaten",
        "soldaat",
        "man",
        "militairen",
        "militair",
        "manschappen",
        "strijders",
        "troops",
        "troop",
        "soldiers",
        "soldier",
        "servicemen",
        "personnel",
        "men",
    ],
    &[
        "raketten",
        "raket",
        "projectielen",
        "missiles",
        "missile",
        "rockets",
        "rocket",
    ],
    &[
        "doden",
        "dode",
        "slachtoffers",
        "deaths",
        "dead",
        "fatalities",
        "victims",
    ],
    &["gewonden", "gewonde", "injured", "wounded"],
    &["vluchtelingen", "vluchteling", "refugees", "refugee"],
    &["procent", "%", "percent", "pct", "per cent"],
    &["jaar", "jaren", "year", "years"],
    &["maanden", "maand", "months", "month"],
    &["weken", "week", "weeks"],
    &["dagen", "dag", "days", "day"],
    &["uur", "uren", "hours", "hour"],
    &["euro", "eur", "€"],
    &["dollar", "dollars", "usd", "$"],
    &["pond", "ponden", "pounds", "pound", "gbp", "£"],
    &[
        "mensen",
        "personen",
        "people",
        "persons",
        "inwoners",
        "burgers",
        "civilians",
    ],
    &["tanks", "tank"],
    &["vliegtuigen", "vliegtuig", "aircraft", "jets", "planes"],
];

/// Things that are units: what they measure is the word after them.
pub(super) const UNITS: &[&str] = &[
    "procent", "jaar", "maanden", "weken", "dagen", "uur", "euro", "dollar", "pond",
];

/// Adjectives that sit between a number and its noun.
pub(super) const ADJECTIVES: &[&str] = &[
    "eigen",
    "nieuwe",
    "extra",
    "andere",
    "grote",
    "kleine",
    "verschillende",
    "zware",
    "lichte",
    "oude",
    "jonge",
    "gewone",
    "burgerlijke",
    "militaire",
    "actieve",
    "gedode",
    "gewonde",
    "vermiste",
    "buitenlandse",
    "new",
    "more",
    "extra",
    "other",
    "additional",
    "former",
    "own",
    "local",
    "foreign",
    "active",
    "young",
    "old",
    "big",
    "small",
    "full-time",
    "part-time",
];

/// Words after a number that are not what it counts ("twee sinds februari").
pub(super) const NOT_COUNTED: &[&str] = &[
    "sinds", "geleden", "later", "eerder", "lang", "since", "ago", "earlier", "later", "times",
    "keer", "maal",
];

/// Hedges only the ledger reads (beside [`crate::text::lexicon::HEDGES`]): "naar schatting",
/// "rond", "pakweg", "approximately", "estimated".
const MORE_HEDGES: &[&str] = &[
    "zon",
    "rond",
    "omstreeks",
    "pakweg",
    "naar",
    "schatting",
    "approximately",
    "estimated",
];

/// Whether a folded word before a number makes it approximate.
pub(super) fn is_hedge(folded: &str) -> bool {
    HEDGES.contains(&folded) || MORE_HEDGES.contains(&folded)
}

/// Nationality adjectives (by alias group) → the country they belong to.
const OWNERS: &[(&str, &str)] = &[
    ("russisch", "Rusland"),
    ("rusland", "Rusland"),
    ("wit-russisch", "Wit-Rusland"),
    ("wit-rusland", "Wit-Rusland"),
    ("oekraiens", "Oekraïne"),
    ("oekraine", "Oekraïne"),
    ("vs", "VS"),
    ("navo", "NAVO"),
];

/// Words that make a quantity the source's own side's ("eigen soldaten").
const OWN: &[&str] = &["eigen", "own"];

pub(super) fn thing_key(folded: &str) -> Option<&'static str> {
    SYNONYMS.iter().find(|g| g.contains(&folded)).map(|g| g[0])
}

/// Whose a word says a quantity is: a country or alliance (through the alias table, so
/// "Russische" and "Rusland" are one), or the source's own side ("eigen").
pub(super) fn owner_of(word: &str, aliases: &AliasTable) -> Option<Owner> {
    let canon = aliases
        .canonical(word)
        .map(fold)
        .unwrap_or_else(|| fold(word));
    if OWN.contains(&canon.as_str()) {
        return Some(Owner::Own);
    }
    OWNERS
        .iter()
        .find(|(k, _)| *k == canon)
        .map(|(_, v)| Owner::Named(v.to_string()))
}
