//! The number ledger: every quantity the texts give, with what it counts, grouped so that
//! sources that count the same thing can be set side by side and their disagreements flagged.
//!
//! **Numbers.** Digits in Dutch ("9.000", "4,5", "1.234,5") and English ("9,000", "4.5")
//! conventions, read by the article's language; scale words and suffixes ("2,5 miljard",
//! "£15.8m", "$3bn"); Dutch number words, compounds included ("zevenhonderd",
//! "eenentwintig", "tweeduizend") and English ones ("seven hundred", "twenty-five"); vague
//! quantities ("duizenden", "enkele tienduizenden", "thousands of") with their implied range.
//! "een" and "one" are articles and pronouns far more often than numbers and are skipped,
//! except before a unit of time ("een jaar na de invasie"); "één" is a number, and so are the
//! collective "tweeën", "drieën" (people: "wij tweeën"). A spelled-out count left short after
//! "zeker", "minstens", "at least" counts the plural noun before it ("oefeningen – al zeker
//! twee").
//!
//! **Not quantities:** years (1800–2100 written without separators), day-and-month dates,
//! clock times ("10.30 uur"), the dates, distances in time and repetitions the timeline reads
//! ("twee weken geleden", "de komende drie jaar", "$5bn a year"), and numbers inside names
//! ("S-400", "Six Nations"), scores and odds ("30-20", "18-17 defeat", "50/50": a dash
//! between numbers that do not rise is no range), and lengths of time after "every", "the
//! last", "de afgelopen" (a repetition or a span up to now). A bare length of time is a
//! quantity: "28 jaar aan de macht", "ruim drie jaar", "within 30 days"; so is an age
//! ("150-jarig", "25-year-old", "Bell, 30,": years), a count joined to its noun ("30-man
//! squad"), a multiple before a comparative ("10 times faster"), metres ("156 m") and a list
//! item after a colon ("CD&V: 32", "Aantal inwoners: 1.139.815").
//!
//! **Ranges and hedges:** "10.000 tot 15.000", "tussen 10 en 15", "between 10 and 15",
//! "10-15"; "ruim", "bijna", "ongeveer", "zo'n", "about", "nearly" widen the value by 10%;
//! "meer dan" / "more than" and "tot wel" / "up to" make it open-ended.
//!
//! **What it counts:** the first noun after the number, past adjectives ("9.000 Russische
//! troepen" → troepen, "80.000 eigen soldaten" → soldaten; for more than one, the plural noun
//! after a singular one: "28 spyware programs" → programs, "six WorldCom executives"). A synonym table folds troepen,
//! soldaten, man, militairen, troops, soldiers into one *thing*; units (procent, jaar, euro…)
//! take the next content word as what they measure ("4 procent van de bevolking"). Whose
//! the quantity is comes from a nationality adjective in the phrase ("Russische troepen"), a
//! country just before the number ("Rusland 10.000 soldaten") or "eigen": a group is one
//! thing of one owner, so Belarus's own "45.000 man" is never compared with Russia's troops.
//! Where two parties give exact figures that cannot both be true, the group is a conflict.

//!
//! Files: `lexicon.rs` holds the word lists, `parse.rs` reads numbers as written, `read.rs` reads a sentence's numbers and what
//! they count; this file groups them into the ledger and exports it.

mod lexicon;
mod parse;
mod read;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::words::Doc;
use super::Passage;
use crate::export::{csv_row, CSV_EOL};
use crate::search::alias::AliasTable;
use crate::text::fold::fold;

pub use parse::{number_word, parse_digits};

/// Whose a quantity is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A country or alliance, by its alias-table name ("Rusland", "NAVO").
    Named(String),
    /// The source's own side: "80.000 eigen soldaten".
    Own,
}

impl Owner {
    /// The name in exports: the country, or "own".
    pub fn name(&self) -> &str {
        match self {
            Owner::Named(n) => n,
            Owner::Own => "own",
        }
    }
}

impl Serialize for Owner {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Owner {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Ok(match name.as_str() {
            "own" => Owner::Own,
            _ => Owner::Named(name),
        })
    }
}

/// JSON has no infinity: serde_json writes `f64::INFINITY` ("more than 300") as `null`, and
/// this reads it back.
fn unbounded<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
}

/// One quantity in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it is: the phrase as written ("10.000 tot 15.000 soldaten", number to noun) and
    /// the sentence around it.
    #[serde(flatten)]
    pub at: Passage,
    /// Lowest value meant.
    pub low: f64,
    /// Highest value meant (`f64::INFINITY` for "more than").
    #[serde(deserialize_with = "unbounded")]
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
    /// Whose it is, when the text says.
    pub owner: Option<Owner>,
}

/// Quantities of one thing of one owner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerGroup {
    /// "troepen / soldaten", what every entry counts.
    pub label: String,
    /// The thing's key.
    pub thing_key: String,
    /// What a unit measures, when the group is one of a unit.
    pub of: Option<String>,
    /// Whose.
    pub owner: Option<Owner>,
    /// Indexes into [`Ledger::quantities`].
    pub entries: Vec<usize>,
    /// How many parties give a quantity here.
    pub parties: usize,
    /// Two parties give exact figures that cannot both be right.
    pub conflict: bool,
}

/// All quantities and their groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    /// Every quantity, in article and reading order.
    pub quantities: Vec<Quantity>,
    /// Groups, conflicts first, then those several parties give, then by size.
    pub groups: Vec<LedgerGroup>,
}

impl Ledger {
    /// Reads the quantities of the documents and groups them.
    pub fn build(docs: &[Doc], party_of: &[usize], aliases: &AliasTable) -> Ledger {
        let mut quantities = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for s in doc.sentences.iter() {
                quantities.extend(read::read_sentence(
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
                if !parties.contains(&quantities[e].at.party) {
                    parties.push(quantities[e].at.party);
                }
            }
            g.label = things.join(" / ");
            g.parties = parties.len();
            g.conflict = g.entries.iter().any(|&a| {
                g.entries.iter().any(|&b| {
                    let (x, y) = (&quantities[a], &quantities[b]);
                    x.at.party != y.at.party
                        && !x.approx
                        && !y.approx
                        && (x.high < y.low || y.high < x.low)
                })
            });
        }
        crate::sorting::sort_by(&mut groups, |a, b| {
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
        match &g.owner {
            Some(Owner::Own) => t.push_str(" (their own)"),
            Some(Owner::Named(o)) => t.push_str(&format!(" ({o})")),
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
                    &q.at.article.to_string(),
                    titles.get(q.at.doc).map_or("", String::as_str),
                    party_labels.get(q.at.party).map_or("", String::as_str),
                    &q.at.paragraph.map_or("title".into(), |p| p.to_string()),
                    &q.at.text,
                    &fmt_num(q.low),
                    &fmt_num(q.high),
                    if q.approx { "yes" } else { "no" },
                    &q.thing,
                    q.owner.as_ref().map_or("", Owner::name),
                    &q.at.sentence,
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
                            "article": q.at.article.to_string(),
                            "title": titles.get(q.at.doc),
                            "source": party_labels.get(q.at.party),
                            "quantity": q.at.text,
                            "low": q.low,
                            "high": if q.high.is_finite() { Some(q.high) } else { None },
                            "approximate": q.approx,
                            "counts": q.thing,
                            "sentence": q.at.sentence,
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
