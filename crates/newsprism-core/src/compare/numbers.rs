//! The number ledger: every quantity the texts give, with what it counts, grouped so that
//! sources that count the same thing can be set side by side and their disagreements flagged.
//!
//! **Numbers.** Digits in Dutch ("9.000", "4,5", "1.234,5") and English ("9,000", "4.5")
//! conventions, read by the article's language; scale words and suffixes ("2,5 miljard",
//! "£15.8m", "$3bn"); Dutch number words, compounds included ("zevenhonderd",
//! "eenentwintig", "tweeduizend") and English ones ("seven hundred", "twenty-five"); vague
//! quantities ("duizenden", "enkele tienduizenden", "thousands of") with their implied range.
//! "een" and "one" are articles and pronouns far more often than numbers and are skipped;
//! "één" is a number.
//!
//! **Not quantities:** years (1800–2100 written without separators), day-and-month dates,
//! clock times ("10.30 uur"), the dates and durations the timeline reads ("twee weken
//! geleden", "de komende drie jaar"), and numbers inside names ("S-400").
//!
//! **Ranges and hedges:** "10.000 tot 15.000", "tussen 10 en 15", "between 10 and 15",
//! "10-15"; "ruim", "bijna", "ongeveer", "zo'n", "about", "nearly" widen the value by 10%;
//! "meer dan" / "more than" and "tot wel" / "up to" make it open-ended.
//!
//! **What it counts:** the first noun after the number, past adjectives ("9.000 Russische
//! troepen" → troepen, "80.000 eigen soldaten" → soldaten). A synonym table folds troepen,
//! soldaten, man, militairen, troops, soldiers into one *thing*; units (procent, jaar, euro…)
//! take the next content word as what they measure ("4 procent van de bevolking"). Whose
//! the quantity is comes from a nationality adjective in the phrase ("Russische troepen"), a
//! country just before the number ("Rusland 10.000 soldaten") or "eigen": a group is one
//! thing of one owner, so Belarus's own "45.000 man" is never compared with Russia's troops.
//! Where two parties give exact figures that cannot both be true, the group is a conflict.

use std::ops::Range;

use serde::Serialize;

use super::names::is_name_adjective;
use super::words::{Doc, Sentence};
use crate::article::ArticleId;
use crate::export::{csv_row, CSV_EOL};
use crate::search::alias::AliasTable;
use crate::text::fold::fold;
use crate::text::language::Language;
use crate::time::expressions::is_month_name;

/// Counted things that are one thing, by folded surface form; the first word names the group.
const SYNONYMS: &[&[&str]] = &[
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
const UNITS: &[&str] = &[
    "procent", "jaar", "maanden", "weken", "dagen", "uur", "euro", "dollar", "pond",
];

/// Adjectives that sit between a number and its noun.
const ADJECTIVES: &[&str] = &[
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
const NOT_COUNTED: &[&str] = &[
    "sinds", "geleden", "later", "eerder", "lang", "since", "ago", "earlier", "later", "times",
    "keer", "maal",
];

const APPROX: &[&str] = &[
    "ruim",
    "bijna",
    "ongeveer",
    "circa",
    "ca",
    "zo'n",
    "zon",
    "rond",
    "omstreeks",
    "pakweg",
    "naar",
    "schatting",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approximately",
    "estimated",
];

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
    ("eigen", "own"),
    ("own", "own"),
];

/// One quantity in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// The article.
    pub article: ArticleId,
    /// Its position among the compared articles.
    pub doc: usize,
    /// Its party.
    pub party: usize,
    /// The paragraph (`None`: the headline).
    pub paragraph: Option<usize>,
    /// Byte range of the phrase (number to noun) in the paragraph.
    pub range: Range<usize>,
    /// The phrase as written: "10.000 tot 15.000 soldaten".
    pub text: String,
    /// Lowest value meant.
    pub low: f64,
    /// Highest value meant (`f64::INFINITY` for "more than").
    pub high: f64,
    /// The figure as a reader would say it: "10000–15000", "~9000", ">3".
    pub value: String,
    /// A hedge word or vague number ("ruim", "duizenden"): never part of a conflict.
    pub approx: bool,
    /// A vague amount ("duizenden"), not a figure.
    pub vague: bool,
    /// What it counts, as written ("troepen").
    pub thing: String,
    /// The group key of what it counts ("troepen" for soldaten too).
    pub thing_key: String,
    /// What a unit measures ("bevolking" for "4 procent van de bevolking").
    pub of: Option<String>,
    /// Whose it is: a country, "own", or nothing.
    pub owner: Option<String>,
    /// The sentence around it.
    pub sentence: String,
}

/// Quantities of one thing of one owner.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LedgerGroup {
    /// "troepen / soldaten", what every entry counts.
    pub label: String,
    /// The thing's key.
    pub thing_key: String,
    /// What a unit measures, when the group is one of a unit.
    pub of: Option<String>,
    /// Whose.
    pub owner: Option<String>,
    /// Indexes into [`Ledger::quantities`].
    pub entries: Vec<usize>,
    /// How many parties give a quantity here.
    pub parties: usize,
    /// Two parties give exact figures that cannot both be right.
    pub conflict: bool,
}

/// All quantities and their groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Ledger {
    /// Every quantity, in article and reading order.
    pub quantities: Vec<Quantity>,
    /// Groups, conflicts first, then those several parties give, then by size.
    pub groups: Vec<LedgerGroup>,
}

/// The value of a Dutch or English number word, compounds included.
///
/// ```
/// use newsprism_core::compare::numbers::number_word;
/// assert_eq!(number_word("zevenhonderd"), Some(700.0));
/// assert_eq!(number_word("eenentwintig"), Some(21.0));
/// assert_eq!(number_word("tweeëntwintigduizend"), Some(22000.0));
/// assert_eq!(number_word("een"), None); // the article, far more often
/// ```
pub fn number_word(word: &str) -> Option<f64> {
    let w = fold(word);
    if w == "een" || w == "one" || w.is_empty() {
        return None;
    }
    dutch_number(&w)
        .or_else(|| english_word(&w))
        .map(|n| n as f64)
}

fn simple(w: &str) -> Option<u64> {
    Some(match w {
        "een" | "één" => 1,
        "twee" => 2,
        "drie" => 3,
        "vier" => 4,
        "vijf" => 5,
        "zes" => 6,
        "zeven" => 7,
        "acht" => 8,
        "negen" => 9,
        "tien" => 10,
        "elf" => 11,
        "twaalf" => 12,
        "dertien" => 13,
        "veertien" => 14,
        "vijftien" => 15,
        "zestien" => 16,
        "zeventien" => 17,
        "achttien" => 18,
        "negentien" => 19,
        "twintig" => 20,
        "dertig" => 30,
        "veertig" => 40,
        "vijftig" => 50,
        "zestig" => 60,
        "zeventig" => 70,
        "tachtig" => 80,
        "negentig" => 90,
        _ => return None,
    })
}

fn dutch_number(w: &str) -> Option<u64> {
    // fold() keeps "ë" out: "tweeëntwintig" arrives as "tweeentwintig".
    if w.is_empty() {
        return Some(0);
    }
    for (word, scale) in [("duizend", 1000u64), ("honderd", 100)] {
        if let Some(at) = w.find(word) {
            let (left, right) = (&w[..at], &w[at + word.len()..]);
            let l = if left.is_empty() {
                1
            } else {
                dutch_number(left)?
            };
            let r = if right.is_empty() {
                0
            } else {
                dutch_number(right)?
            };
            if l >= scale || r >= scale {
                return None;
            }
            return Some(l * scale + r);
        }
    }
    if let Some(n) = simple(w) {
        return Some(n);
    }
    for tens in [
        "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
    ] {
        if let Some(unit) = w.strip_suffix(tens) {
            let u = simple(unit.strip_suffix("en")?)?;
            if u < 10 {
                return Some(u + simple(tens)?);
            }
        }
    }
    None
}

fn english_word(w: &str) -> Option<u64> {
    Some(match w {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    })
}

/// Vague amounts and the range they imply.
fn vague(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "tientallen" | "dozens" => (20.0, 99.0),
        "honderden" | "hundreds" => (200.0, 999.0),
        "duizenden" | "thousands" => (2000.0, 9999.0),
        "tienduizenden" => (20_000.0, 99_999.0),
        "honderdduizenden" => (200_000.0, 999_999.0),
        "miljoenen" | "millions" => (2e6, 9.99e8),
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "duizend" | "thousand" | "k" => 1e3,
        "miljoen" | "mln" | "million" | "m" | "mn" => 1e6,
        "miljard" | "mld" | "mrd" | "billion" | "bn" | "b" => 1e9,
        "biljoen" | "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// Parses digits by the language's conventions: "9.000" and "4,5" in Dutch, "9,000" and
/// "4.5" in English. A group of exactly three digits after the thousands mark is thousands;
/// anything else after either mark is a decimal.
///
/// ```
/// use newsprism_core::compare::numbers::parse_digits;
/// use newsprism_core::Language;
/// assert_eq!(parse_digits("9.000", Language::Dutch), Some(9000.0));
/// assert_eq!(parse_digits("1.234,5", Language::Dutch), Some(1234.5));
/// assert_eq!(parse_digits("4,5", Language::Dutch), Some(4.5));
/// assert_eq!(parse_digits("9,000", Language::English), Some(9000.0));
/// assert_eq!(parse_digits("15.8", Language::English), Some(15.8));
/// ```
pub fn parse_digits(s: &str, language: Language) -> Option<f64> {
    let (thousands, decimal) = match language {
        Language::English => (',', '.'),
        _ => ('.', ','),
    };
    let (int, frac) = match s.rfind(decimal) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(thousands).collect();
    let ok_groups = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    let int_digits: String = if ok_groups {
        groups.concat()
    } else if groups.len() == 2 && frac.is_none() {
        // "4.5" in Dutch text, "4,5" in English text: a decimal in the other convention.
        return format!("{}.{}", groups[0], groups[1]).parse().ok();
    } else {
        return None;
    };
    if !int_digits.bytes().all(|b| b.is_ascii_digit()) || int_digits.is_empty() {
        return None;
    }
    match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{int_digits}.{f}").parse().ok()
        }
        Some(_) => None,
        None => int_digits.parse().ok(),
    }
}

/// A number starting at word `i`: (low, high, vague, words used, plain-digit text).
fn number_at(doc: &Doc, s: &Sentence, i: usize) -> Option<(f64, f64, bool, usize)> {
    let w = s.words.get(i)?;
    let text = doc.word_text(s, w);
    let lang = doc.article.language;
    // Digits with an optional scale suffix: "15.8m", "3bn".
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        let split = text.find(|c: char| c.is_alphabetic()).unwrap_or(text.len());
        let (digits, suffix) = text.split_at(split);
        let mut v = parse_digits(digits, lang)?;
        let mut used = 1;
        if !suffix.is_empty() {
            v *= scale_word(&fold(suffix))?;
        } else if let Some(next) = s.words.get(i + 1) {
            if let Some(m) = scale_word(&next.key).filter(|m| *m >= 1e6 || next.key == "duizend") {
                v *= m;
                used = 2;
            }
        }
        return Some((v, v, false, used));
    }
    if let Some((lo, hi)) = vague(&w.key) {
        return Some((lo, hi, true, 1));
    }
    // "tens of thousands", "thousands of".
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    while let Some(x) = s.words.get(i + used) {
        let Some(n) =
            number_word(doc.word_text(s, x)).or_else(|| scale_word(&x.key).filter(|m| *m >= 1e6))
        else {
            break;
        };
        if n >= 1000.0 && used > 0 {
            current = if current == 0.0 { 1.0 } else { current } * n;
            total += current;
            current = 0.0;
        } else if n == 100.0 && used > 0 {
            current *= 100.0;
        } else {
            current += n;
        }
        used += 1;
        if lang != Language::English {
            // Dutch writes a number as one word; "drie miljoen" is the one exception.
            if let Some(m) = s
                .words
                .get(i + used)
                .and_then(|m| scale_word(&m.key))
                .filter(|m| *m >= 1e6)
            {
                current *= m;
                used += 1;
            }
            break;
        }
    }
    if used == 0 {
        return None;
    }
    let v = total + current;
    Some((v, v, false, used))
}

fn thing_key(folded: &str) -> Option<&'static str> {
    SYNONYMS.iter().find(|g| g.contains(&folded)).map(|g| g[0])
}

impl Ledger {
    /// Reads the quantities of the documents and groups them.
    pub fn build(docs: &[Doc], party_of: &[usize], aliases: &AliasTable) -> Ledger {
        let mut quantities = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for s in &doc.sentences {
                quantities.extend(read_sentence(
                    doc,
                    s,
                    d,
                    party_of.get(d).copied().unwrap_or(0),
                    aliases,
                ));
            }
        }
        let mut groups: Vec<LedgerGroup> = Vec::new();
        for (i, q) in quantities.iter().enumerate() {
            match groups
                .iter_mut()
                .find(|g| g.thing_key == q.thing_key && g.of == q.of && g.owner == q.owner)
            {
                Some(g) => g.entries.push(i),
                None => groups.push(LedgerGroup {
                    label: String::new(),
                    thing_key: q.thing_key.clone(),
                    of: q.of.clone(),
                    owner: q.owner.clone(),
                    entries: vec![i],
                    parties: 0,
                    conflict: false,
                }),
            }
        }
        for g in &mut groups {
            let mut things: Vec<String> = Vec::new();
            let mut parties: Vec<usize> = Vec::new();
            for &e in &g.entries {
                let t = fold(&quantities[e].thing);
                if !things.contains(&t) {
                    things.push(t);
                }
                if !parties.contains(&quantities[e].party) {
                    parties.push(quantities[e].party);
                }
            }
            g.label = things.join(" / ");
            g.parties = parties.len();
            g.conflict = g.entries.iter().any(|&a| {
                g.entries.iter().any(|&b| {
                    let (x, y) = (&quantities[a], &quantities[b]);
                    x.party != y.party
                        && !x.approx
                        && !y.approx
                        && (x.high < y.low || y.high < x.low)
                })
            });
        }
        groups.sort_by(|a, b| {
            b.conflict
                .cmp(&a.conflict)
                .then(b.parties.cmp(&a.parties))
                .then(b.entries.len().cmp(&a.entries.len()))
        });
        Ledger { quantities, groups }
    }

    /// A one-line name for a group: "troepen / soldaten (Rusland)", "procent of bevolking".
    pub fn group_title(&self, g: &LedgerGroup) -> String {
        let mut t = g.label.clone();
        if let Some(of) = &g.of {
            t.push_str(&format!(" · {of}"));
        }
        match g.owner.as_deref() {
            Some("own") => t.push_str(" (their own)"),
            Some(o) => t.push_str(&format!(" ({o})")),
            None => {}
        }
        t
    }

    /// The ledger as CSV, one row per quantity.
    pub fn to_csv(&self, party_labels: &[String], titles: &[String]) -> String {
        let mut out = csv_row(&[
            "group",
            "conflict",
            "article",
            "title",
            "source",
            "paragraph",
            "quantity",
            "low",
            "high",
            "approximate",
            "counts",
            "owner",
            "sentence",
        ]);
        out.push_str(CSV_EOL);
        for (gi, g) in self.groups.iter().enumerate() {
            for &e in &g.entries {
                let q = &self.quantities[e];
                out.push_str(&csv_row(&[
                    &format!("{} {}", gi + 1, self.group_title(g)),
                    if g.conflict { "yes" } else { "no" },
                    &q.article.to_string(),
                    titles.get(q.doc).map_or("", String::as_str),
                    party_labels.get(q.party).map_or("", String::as_str),
                    &q.paragraph.map_or("title".into(), |p| p.to_string()),
                    &q.text,
                    &fmt_num(q.low),
                    &fmt_num(q.high),
                    if q.approx { "yes" } else { "no" },
                    &q.thing,
                    q.owner.as_deref().unwrap_or(""),
                    &q.sentence,
                ]));
                out.push_str(CSV_EOL);
            }
        }
        out
    }

    /// The ledger as JSON, grouped.
    pub fn to_json(&self, party_labels: &[String], titles: &[String]) -> String {
        let groups: Vec<serde_json::Value> = self
            .groups
            .iter()
            .map(|g| {
                let entries: Vec<serde_json::Value> = g
                    .entries
                    .iter()
                    .map(|&e| {
                        let q = &self.quantities[e];
                        serde_json::json!({
                            "article": q.article.to_string(),
                            "title": titles.get(q.doc),
                            "source": party_labels.get(q.party),
                            "quantity": q.text,
                            "low": q.low,
                            "high": if q.high.is_finite() { Some(q.high) } else { None },
                            "approximate": q.approx,
                            "counts": q.thing,
                            "sentence": q.sentence,
                        })
                    })
                    .collect();
                serde_json::json!({
                    "group": self.group_title(g),
                    "counts": g.label,
                    "of": g.of,
                    "owner": g.owner,
                    "conflict": g.conflict,
                    "entries": entries,
                })
            })
            .collect();
        serde_json::to_string_pretty(&groups).unwrap_or_default()
    }
}

/// A number for display without needless decimals.
pub fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        return "∞".into();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{}", (v * 1000.0).round() / 1000.0)
    }
}

fn read_sentence(
    doc: &Doc,
    s: &Sentence,
    d: usize,
    party: usize,
    aliases: &AliasTable,
) -> Vec<Quantity> {
    let unit = &doc.units[s.unit];
    let text = unit.text;
    let sent = &text[s.range.clone()];
    let temporal: Vec<Range<usize>> = crate::time::expressions::extract(sent)
        .into_iter()
        .map(|e| s.range.start + e.range.start..s.range.start + e.range.end)
        .collect();
    let ws = &s.words;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some((mut low, mut high, vague_num, used)) = number_at(doc, s, i) else {
            i += 1;
            continue;
        };
        let w = &ws[i];
        let raw = doc.word_text(s, w);
        let in_time = temporal
            .iter()
            .any(|r| r.start <= w.range.start && w.range.end <= r.end);
        let prev = i.checked_sub(1).map(|k| &ws[k]);
        // "S-400", "80-jarige": a number joined to a word is part of a name or a compound;
        // joined to another number ("10-15", "twenty-five") it is a range or one number.
        let numeric = |x: &super::words::Word| {
            x.key.starts_with(|c: char| c.is_ascii_digit())
                || number_word(doc.word_text(s, x)).is_some()
        };
        let in_name = prev.is_some_and(|p| p.joined && !numeric(p))
            || (ws[i + used - 1].joined && !ws.get(i + used).is_some_and(numeric));
        let is_year = raw.len() == 4
            && raw.bytes().all(|b| b.is_ascii_digit())
            && (1800.0..=2100.0).contains(&low);
        let is_date = ws.get(i + used).is_some_and(|n| is_month_name(&n.key))
            || prev.is_some_and(|p| is_month_name(&p.key));
        let is_clock = raw.contains(['.', ':'])
            && raw.rsplit(['.', ':']).next().is_some_and(|m| m.len() == 2)
            && ws
                .get(i + used)
                .is_some_and(|n| n.key == "uur" || n.key == "u");
        if in_time || in_name || is_year || is_date || is_clock {
            i += used;
            continue;
        }
        let start = i;
        let mut end = i + used; // exclusive word index
                                // A range: "10.000 tot 15.000", "10-15", "tussen 10 en 15".
        let joiner = ws.get(end).map(|x| x.key.as_str());
        let between =
            prev.is_some_and(|p| matches!(p.key.as_str(), "tussen" | "between" | "van" | "from"));
        let gap = ws
            .get(end)
            .map(|x| &text[ws[end - 1].range.end..x.range.start])
            .unwrap_or("");
        let dash = gap.trim() == "-" || gap.trim() == "–";
        let joins = matches!(joiner, Some("tot" | "à" | "a" | "to"))
            || (between && matches!(joiner, Some("en" | "and")));
        let second = if joins {
            number_at(doc, s, end + 1).map(|n| (n, end + 1))
        } else if dash {
            number_at(doc, s, end).map(|n| (n, end))
        } else {
            None
        };
        if let Some(((l2, h2, v2, used2), at)) = second {
            if !(v2 || vague_num) && h2 >= low {
                high = h2;
                let _ = l2;
                end = at + used2;
            }
        }
        // "%" right after the digits.
        let after_num = &text[ws[end - 1].range.end..];
        let percent = after_num.trim_start().starts_with('%');
        // Currency before.
        let before = &text[..ws[start].range.start];
        let currency = before
            .trim_end()
            .chars()
            .last()
            .filter(|c| matches!(c, '£' | '$' | '€'));
        // Hedges before.
        let mut approx = vague_num;
        let mut open_high = false;
        let mut open_low = false;
        let mut k = start;
        let mut first_word = start;
        while k > 0 && start - k < 3 {
            let p = ws[k - 1].key.as_str();
            if APPROX.contains(&p) || p == "enkele" || p == "several" {
                approx = true;
                first_word = k - 1;
            } else if matches!(p, "dan" | "than") && k >= 2 {
                match ws[k - 2].key.as_str() {
                    "meer" | "more" => open_high = true,
                    "minder" | "less" | "fewer" => open_low = true,
                    _ => break,
                }
                first_word = k - 2;
                k -= 1;
            } else if matches!(p, "over") && doc.article.language == Language::English {
                open_high = true;
                first_word = k - 1;
            } else if (p == "wel" && k >= 2 && ws[k - 2].key == "tot")
                || p == "to" && k >= 2 && ws[k - 2].key == "up"
            {
                open_low = true;
                first_word = k - 2;
                k -= 1;
            } else if p == "tot" && !between {
                open_low = true;
                first_word = k - 1;
            } else {
                break;
            }
            k -= 1;
        }
        if open_high {
            high = f64::INFINITY;
        }
        if open_low {
            low = 0.0;
        }
        if approx && !vague_num {
            low *= 0.9;
            high *= 1.1;
        }
        // What it counts.
        let mut j = end;
        let mut owner: Option<String> = None;
        let mut thing: Option<(String, String)> = None;
        if percent {
            thing = Some(("%".into(), "procent".into()));
        } else if let Some(c) = currency {
            thing = Some((
                c.to_string(),
                thing_key(&c.to_string()).unwrap_or("money").into(),
            ));
        }
        // "duizenden van" / "thousands of".
        if thing.is_none()
            && vague_num
            && ws.get(j).is_some_and(|x| x.key == "of" || x.key == "van")
        {
            j += 1;
        }
        while thing.is_none() && j < ws.len() && j < end + 4 {
            let x = &ws[j];
            let gap = &text[ws[j - 1].range.end..x.range.start];
            if gap.contains([',', ';', ':', '.', '(', ')', '„', '“', '”', '"']) {
                break;
            }
            let folded = x.key.as_str();
            if let Some(o) = owner_of(doc.word_text(s, x), aliases) {
                if is_name_adjective(folded) || folded == "eigen" || folded == "own" || x.capital {
                    owner.get_or_insert(o);
                    j += 1;
                    continue;
                }
            }
            if ADJECTIVES.contains(&folded) || (x.capital && is_name_adjective(folded)) {
                j += 1;
                continue;
            }
            if !x.content
                || folded.starts_with(|c: char| c.is_ascii_digit())
                || NOT_COUNTED.contains(&folded)
            {
                break;
            }
            let key = thing_key(folded)
                .map(str::to_string)
                .unwrap_or_else(|| x.stem.clone());
            thing = Some((doc.word_text(s, x).to_string(), key));
            j += 1;
        }
        let Some((thing_text, key)) = thing else {
            i = end;
            continue;
        };
        // A unit measures the next content word: "procent van de bevolking", "jaar aan de macht".
        let mut of = None;
        if UNITS.contains(&key.as_str()) || key == "money" {
            let mut m = j;
            while m < ws.len() && m < j + 4 {
                let gap = &text[ws[m - 1].range.end..ws[m].range.start];
                if gap.contains([',', ';', ':', '.', '(', ')']) {
                    break;
                }
                if ws[m].content && !ws[m].key.starts_with(|c: char| c.is_ascii_digit()) {
                    of = Some(doc.word_text(s, &ws[m]).to_lowercase());
                    break;
                }
                m += 1;
            }
        }
        // Whose: a country just before the number ("Rusland 10.000 soldaten").
        if owner.is_none() && !UNITS.contains(&key.as_str()) {
            for k in (first_word.saturating_sub(2)..first_word).rev() {
                if let Some(o) = owner_of(doc.word_text(s, &ws[k]), aliases) {
                    if ws[k].capital {
                        owner = Some(o);
                        break;
                    }
                }
            }
        }
        let phrase_start = ws[first_word].range.start;
        let phrase_end = if percent {
            let p = ws[end - 1].range.end;
            p + text[p..].find('%').map_or(0, |x| x + 1)
        } else {
            ws[j.saturating_sub(1).max(end - 1)].range.end
        };
        let phrase_start = match currency {
            Some(c) => text[..phrase_start].rfind(c).unwrap_or(phrase_start),
            None => phrase_start,
        };
        let value = if high.is_infinite() {
            format!(">{}", fmt_num(low))
        } else if vague_num {
            format!("{}–{}", fmt_num(low), fmt_num(high))
        } else if approx {
            format!("~{}", fmt_num((low / 0.9 + high / 1.1) / 2.0))
        } else if low == 0.0 && open_low {
            format!("≤{}", fmt_num(high))
        } else if (high - low).abs() > f64::EPSILON {
            format!("{}–{}", fmt_num(low), fmt_num(high))
        } else {
            fmt_num(low)
        };
        out.push(Quantity {
            article: doc.id(),
            doc: d,
            party,
            paragraph: unit.paragraph,
            range: phrase_start..phrase_end,
            text: text[phrase_start..phrase_end].to_string(),
            low,
            high,
            value,
            approx,
            vague: vague_num,
            thing: thing_text,
            thing_key: key,
            of,
            owner,
            sentence: sent.to_string(),
        });
        i = j.max(end);
    }
    out
}

fn owner_of(word: &str, aliases: &AliasTable) -> Option<String> {
    let canon = aliases
        .canonical(word)
        .map(fold)
        .unwrap_or_else(|| fold(word));
    OWNERS
        .iter()
        .find(|(k, _)| *k == canon)
        .map(|(_, v)| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger(texts: &[&str]) -> Ledger {
        let arts: Vec<crate::article::Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| super::super::test_article(&format!("{i}.txt"), t))
            .collect();
        let t = AliasTable::default();
        let docs: Vec<Doc> = arts.iter().map(|a| Doc::new(a, &t)).collect();
        let parties: Vec<usize> = (0..docs.len()).collect();
        Ledger::build(&docs, &parties, &t)
    }

    fn found(text: &str) -> Vec<(String, f64, f64, String)> {
        ledger(&[text])
            .quantities
            .into_iter()
            .map(|q| (q.text, q.low, q.high, q.thing_key))
            .collect()
    }

    #[test]
    fn dutch_number_formats_ranges_and_words() {
        let cases: &[(&str, &str, f64, f64, &str)] = &[
            (
                "Er zijn 9.000 Russische troepen.",
                "9.000 Russische troepen",
                9000.0,
                9000.0,
                "troepen",
            ),
            (
                "Rusland heeft 10.000 tot 15.000 soldaten daar.",
                "10.000 tot 15.000 soldaten",
                10000.0,
                15000.0,
                "troepen",
            ),
            (
                "Het leger is 45.000 man sterk.",
                "45.000 man",
                45000.0,
                45000.0,
                "troepen",
            ),
            (
                "Het regende zevenhonderd raketten.",
                "zevenhonderd raketten",
                700.0,
                700.0,
                "raketten",
            ),
            (
                "Slechts 4 procent van de bevolking.",
                "4 procent",
                4.0,
                4.0,
                "procent",
            ),
            (
                "Er vielen 80.000 eigen soldaten.",
                "80.000 eigen soldaten",
                80000.0,
                80000.0,
                "troepen",
            ),
            (
                "De groei was 2,5 procent.",
                "2,5 procent",
                2.5,
                2.5,
                "procent",
            ),
            (
                "Het kost 1.234,5 euro.",
                "1.234,5 euro",
                1234.5,
                1234.5,
                "euro",
            ),
            (
                "Er wonen 3 miljoen mensen.",
                "3 miljoen mensen",
                3e6,
                3e6,
                "mensen",
            ),
            (
                "Er kwamen eenentwintig tanks.",
                "eenentwintig tanks",
                21.0,
                21.0,
                "tanks",
            ),
            (
                "Er waren duizenden Russische soldaten.",
                "duizenden Russische soldaten",
                2000.0,
                9999.0,
                "troepen",
            ),
            (
                "Tussen 20 en 30 tanks reden mee.",
                "20 en 30 tanks",
                20.0,
                30.0,
                "tanks",
            ),
        ];
        for (text, phrase, lo, hi, key) in cases {
            let got = found(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, *phrase, "{text}");
            assert_eq!((got[0].1, got[0].2), (*lo, *hi), "{text}");
            assert_eq!(got[0].3, *key, "{text}");
        }
    }

    #[test]
    fn english_numbers_and_hedges() {
        let got = found("Russia has about 9,000 troops and £15.8m in cash; sales rose 4.5% while more than 300 people left.");
        let want: Vec<(&str, f64, f64, &str)> = vec![
            ("about 9,000 troops", 8100.0, 9900.000000000002, "troepen"),
            ("£15.8m", 15.8e6, 15.8e6, "pond"),
            ("4.5%", 4.5, 4.5, "procent"),
            ("more than 300 people", 300.0, f64::INFINITY, "mensen"),
        ];
        let got: Vec<(&str, f64, f64, &str)> = got
            .iter()
            .map(|(a, b, c, d)| (a.as_str(), *b, *c, d.as_str()))
            .collect();
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.0, w.0);
            assert!(
                (g.1 - w.1).abs() < 1.0 && (g.2 == w.2 || (g.2 - w.2).abs() < 1.0),
                "{g:?} vs {w:?}"
            );
            assert_eq!(g.3, w.3);
        }
    }

    #[test]
    fn years_dates_times_and_names_are_not_quantities() {
        for text in [
            "Loekasjenko is sinds juli 1994 aan de macht.",
            "Op vrijdag 25 februari vielen ze binnen.",
            "De persconferentie begon om 10.30 uur.",
            "Hij leverde S-400 systemen.",
            "Twee weken geleden besloot hij anders.",
            "Het is een mooi land en één ding is zeker.",
        ] {
            let got = found(text);
            assert!(
                got.iter().all(|g| g.3 != "jaar"
                    && g.0 != "400 systemen"
                    && g.1 != 1994.0
                    && g.1 != 25.0
                    && g.1 != 10.3
                    && g.1 != 2.0),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn different_figures_for_the_same_thing_conflict_and_other_owners_stay_apart() {
        let l = ledger(&[
            "Er zijn 9.000 Russische troepen in Wit-Rusland.",
            "Rusland heeft 10.000 tot 15.000 soldaten in Belarus. Het leger van Loekasjenko is 45.000 man sterk.",
        ]);
        let troops: Vec<&LedgerGroup> = l
            .groups
            .iter()
            .filter(|g| g.thing_key == "troepen")
            .collect();
        assert_eq!(troops.len(), 2, "{:?}", l.groups);
        let russian = troops
            .iter()
            .find(|g| g.owner.as_deref() == Some("Rusland"))
            .unwrap();
        assert!(russian.conflict);
        assert_eq!(russian.entries.len(), 2);
        let other = troops.iter().find(|g| g.owner.is_none()).unwrap();
        assert!(!other.conflict);
        assert_eq!(l.quantities[other.entries[0]].text, "45.000 man");
    }
}
