//! Who is a name: runs of capitalised words in the compared texts, and what kind of thing each
//! names. Both the quotations (who speaks) and the entities (who is mentioned) ask this module;
//! it knows neither of them.
//!
//! Names are runs of capitalised words ("Aleksandr Loekasjenko", "Institute for the Study of
//! War", with the particles "van", "de", "for", "the" inside). A capitalised word that opens a
//! sentence or a quotation counts only when the same word is also written with a capital
//! mid-sentence somewhere in the compared texts, or is in the alias table: "Maandag" and
//! "Deskundigen" are not names. Months, weekdays and nationality adjectives ("Russische",
//! "Oekraïense") are never names.
//!
//! One entity, one key: an alias-table name is keyed by its group ("Belarus" = "Wit-Rusland");
//! a two- or three-word personal name by its last word, so that "Eva Hartog", "correspondent
//! Hartog" and "Hartog" are one person. The kind comes from the evidence around the name:
//! a title before it ("woordvoerder", "hoogleraar", "analist", "president"…) or a quotation it
//! speaks makes a person; an organisation word ("persbureau", "denktank", "Institute",
//! "Universiteit") or an acronym an organisation; a preposition of place ("in", "naar", "uit")
//! or the built-in place list a place.
//!
//! The word lists are in `names/lexicon.rs`.

mod lexicon;

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::words::{Doc, Sentence, Word};
use crate::search::alias::{name_key, AliasTable};
use crate::text::fold::fold;
use crate::time::expressions::is_month_or_weekday;
use lexicon::*;

/// Whether a folded word is a person title, directly or as the tail of a compound
/// ("defensieanalist", "Kremlin-woordvoerder").
pub fn is_person_title(folded: &str) -> bool {
    let tail = folded.rsplit('-').next().unwrap_or(folded);
    PERSON_TITLES.contains(&tail)
        || PERSON_TITLES
            .iter()
            .any(|t| t.len() >= 6 && tail.len() > t.len() && tail.ends_with(t))
}

pub(crate) fn is_org_title(folded: &str) -> bool {
    ORG_TITLES.contains(&folded)
        || ORG_TITLES
            .iter()
            .any(|t| t.len() >= 6 && folded.ends_with(t))
}

/// Whether a capitalised word is an adjective of nationality or origin ("Russische",
/// "Oekraïense", "Belarussian"): never a name on its own.
pub fn is_name_adjective(folded: &str) -> bool {
    let tail = folded.rsplit(['-', ' ']).next().unwrap_or(folded);
    let n = tail.chars().count();
    SHORT_ADJECTIVES.contains(&tail)
        || n > 4
            && (tail.ends_with("sche")
                || tail.ends_with("isch")
                || tail.ends_with("ische")
                || tail.ends_with("ense")
                || tail.ends_with("aanse")
                || tail.ends_with("iaans")
                || tail.ends_with("ese") && n > 6
                || tail.ends_with("ian") && n > 6
                || tail.ends_with("se") && n > 7 && !tail.ends_with("house"))
}

/// What kind of thing a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: a country, city, region.
    Place,
    /// An organisation, institution or outlet.
    Organisation,
    /// A name of unknown kind.
    Other,
}

impl EntityKind {
    /// A lowercase name for CSS classes and exports.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Other => "other",
        }
    }
}

/// A name found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameSpan {
    /// Word indices in the sentence.
    pub words: Range<usize>,
    /// Byte range in the unit.
    pub range: Range<usize>,
    /// The name as written.
    pub text: String,
    /// Evidence of kind from the words before it.
    pub hint: Option<EntityKind>,
}

/// What the compared texts say about capitalisation: which words are names wherever they stand.
#[derive(Debug, Default)]
pub struct NameContext {
    /// Folded words written with a capital somewhere other than at the start of a sentence.
    mid_capitals: FxHashSet<String>,
    /// Name keys of the last words of two- and three-word personal names ("hartog").
    surnames: FxHashSet<String>,
}

impl NameContext {
    /// Learns from the documents.
    pub fn new(docs: &[Doc]) -> NameContext {
        let mut ctx = NameContext::default();
        for d in docs {
            for s in d.sentences.iter() {
                for (i, w) in s.words.iter().enumerate() {
                    if w.capital && !starts_clause(d, s, i) {
                        ctx.mid_capitals.insert(w.key.clone());
                    }
                }
            }
        }
        for d in docs {
            for s in d.sentences.iter() {
                for n in ctx.names(d, s) {
                    let parts: Vec<&str> = n.text.split_whitespace().collect();
                    if (2..=3).contains(&parts.len())
                        && !parts.iter().any(|p| PARTICLES.contains(&fold(p).as_str()))
                        && !parts
                            .iter()
                            .any(|p| ORG_WORDS.contains(&fold(p).as_str()) || is_acronym(p))
                        && n.hint != Some(EntityKind::Organisation)
                    {
                        if let Some(last) = parts.last() {
                            ctx.surnames.insert(name_key(last));
                        }
                    }
                }
            }
        }
        ctx
    }

    /// Whether a name key is the surname of a two- or three-word personal name.
    pub fn is_surname(&self, key: &str) -> bool {
        self.surnames.contains(key)
    }

    /// The names in a sentence.
    pub fn names(&self, doc: &Doc, s: &Sentence) -> Vec<NameSpan> {
        let text = doc.units[s.unit].text;
        let ws = &s.words;
        let nameish = |k: usize| nameish(ws, k);
        let surname_like = |k: usize| surname_like(ws, k);
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            let alias = |k: usize| ws[k].stem.starts_with('=');
            let ok_start = nameish(i)
                && (alias(i)
                    || !starts_clause(doc, s, i)
                    || self.mid_capitals.contains(&w.key)
                    // "Konrad Muzyka, een defensieanalist": a first name opening a sentence.
                    || (!STARTERS.contains(&w.key.as_str())
                        && !w.joined
                        && i + 1 < ws.len()
                        && nameish(i + 1)
                        && text[w.range.end..ws[i + 1].range.start] == *" "));
            if !ok_start {
                i += 1;
                continue;
            }
            let mut last = i;
            // A compound with a lowercase tail ("Kremlin-woordvoerder", "NAVO-functionarissen")
            // names its head only; an alias-table name is complete in itself.
            let extendable = !alias(i) && (!w.joined || ws.get(i + 1).is_some_and(|n| n.capital));
            if extendable {
                let mut j = i + 1;
                let mut particles = 0;
                while j < ws.len() {
                    let gap = &text[ws[j - 1].range.end..ws[j].range.start];
                    if !gap.chars().all(|c| c == ' ' || c == '-') {
                        break;
                    }
                    if nameish(j) && !(particles > 0 && alias(j)) {
                        last = j;
                        particles = 0;
                        if alias(j) {
                            break;
                        }
                        j += 1;
                    } else if particles == 0 && gap == " " && surname_like(j) {
                        // "Paul Dergarabedian", "Louise Christian", "Mike Friday", "Theresa
                        // May": a word that is an adjective or a date elsewhere ends a name.
                        last = j;
                        break;
                    } else if PARTICLES.contains(&ws[j].key.as_str()) && particles < 2 {
                        particles += 1;
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
            let range = ws[i].range.start..ws[last].range.end;
            let hint = hint_before(s, i);
            out.push(NameSpan {
                words: i..last + 1,
                text: text[range.clone()].to_string(),
                range,
                hint,
            });
            i = last + 1;
            // Skip the lowercase tail of a compound.
            while i < ws.len() && ws[i - 1].joined && !ws[i].capital {
                i += 1;
            }
        }
        out
    }

    /// The entity key of a name: its alias group, the surname of a personal name, or the name.
    pub fn key(&self, name: &str, aliases: &AliasTable) -> String {
        if let Some(c) = aliases.canonical(name) {
            return format!("={}", name_key(c));
        }
        // Dutch genitive: "Poetins", "Moskous", "Loekasjenko's".
        let bare = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("’s"))
            .or_else(|| name.strip_suffix('s'))
            .filter(|b| b.chars().count() > 2 && !b.contains(' '));
        if let Some(b) = bare {
            if let Some(c) = aliases.canonical(b) {
                return format!("={}", name_key(c));
            }
            if self.surnames.contains(&name_key(b)) {
                return name_key(b);
            }
        }
        let parts: Vec<&str> = name.split_whitespace().collect();
        if let Some(last) = parts.last() {
            if parts.len() > 1 {
                if let Some(c) = aliases.canonical(last) {
                    return format!("={}", name_key(c));
                }
                if self.surnames.contains(&name_key(last)) {
                    return name_key(last);
                }
            }
        }
        name_key(name)
    }
}

/// What the compared texts say about one name, gathered over all its mentions.
pub struct Evidence<'a> {
    /// The kinds the words before its mentions pointed to, with how often.
    pub votes: &'a FxHashMap<EntityKind, u32>,
    /// Whether it speaks a quotation.
    pub quoted: bool,
    /// Whether it was written as several words somewhere (not a "van …" name).
    pub multiword: bool,
}

impl NameContext {
    /// The kind of the entity keyed `key`, whose fullest written form is `name`: organisation
    /// words, acronyms and organisation titles first; then places (the built-in list or an
    /// alias group of places); then people (quoted, titled, shaped like a personal name, or a
    /// known surname); then a place by preposition alone.
    pub fn kind_of(
        &self,
        name: &str,
        key: &str,
        evidence: &Evidence,
        aliases: &AliasTable,
    ) -> EntityKind {
        let votes = |k: EntityKind| evidence.votes.get(&k).copied();
        let words: Vec<&str> = name.split_whitespace().collect();
        let person_shaped = (2..=3).contains(&words.len())
            && !words.iter().any(|w| PARTICLES.contains(&fold(w).as_str()));
        if words.iter().any(|w| ORG_WORDS.contains(&fold(w).as_str()))
            || is_acronym(name)
            || votes(EntityKind::Organisation)
                .is_some_and(|v| v >= votes(EntityKind::Person).unwrap_or(0))
        {
            EntityKind::Organisation
        } else if is_place(&fold(name), aliases) {
            EntityKind::Place
        } else if evidence.quoted
            || votes(EntityKind::Person).is_some()
            || (person_shaped && evidence.multiword)
            || self.is_surname(key)
        {
            EntityKind::Person
        } else if votes(EntityKind::Place).is_some() {
            EntityKind::Place
        } else {
            EntityKind::Other
        }
    }
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether word `i` opens its sentence, a quotation or what follows a colon.
pub fn starts_clause(doc: &Doc, s: &Sentence, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let text = doc.units[s.unit].text;
    let before = &text[s.words[i - 1].range.end..s.words[i].range.start];
    before
        .chars()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            matches!(
                c,
                '„' | '“' | '"' | '‘' | '\'' | '«' | ':' | '(' | '.' | '!' | '?' | '–' | '—'
            )
        })
}

/// What the words just before a name say about its kind.
pub(crate) fn hint_before(s: &Sentence, i: usize) -> Option<EntityKind> {
    let ws = &s.words;
    // Up to three words back, past determiners and adjectives ("de Britse denktank").
    for k in (i.saturating_sub(3)..i).rev() {
        let w = &ws[k];
        if is_person_title(&w.key) {
            return Some(EntityKind::Person);
        }
        if is_org_title(&w.key) {
            return Some(EntityKind::Organisation);
        }
        if k + 1 == i && PLACE_PREPOSITIONS.contains(&w.key.as_str()) {
            return Some(EntityKind::Place);
        }
        if !(w.key == "de"
            || w.key == "het"
            || w.key == "the"
            || is_name_adjective(&w.key)
            || w.content)
        {
            break;
        }
    }
    None
}

fn is_place(folded: &str, aliases: &AliasTable) -> bool {
    PLACES.contains(&folded)
        || aliases.canonical(folded).is_some_and(|c| {
            let c = fold(c);
            PLACE_GROUPS.contains(&c.as_str())
        })
}

/// Whether word `k` can be part of a name: capitalised, not a number, month, weekday,
/// nationality or stop word, and not the head of an adjective or model-name compound.
fn nameish(ws: &[Word], k: usize) -> bool {
    let w = &ws[k];
    w.capital
        && w.key.chars().count() > 1
        && !w.key.starts_with(|c: char| c.is_ascii_digit())
        && !is_month_or_weekday(&w.key)
        && !is_name_adjective(&w.key)
        && !crate::text::stopwords::is_stopword(&w.key)
        // "Wit-Russische", "Oost-Europese": the compound is an adjective.
        && !(w.joined && ws.get(k + 1).is_some_and(|n| is_name_adjective(&n.key)))
        // "S-400": a letter joined to digits is a model name.
        && !(w.joined
            && ws
                .get(k + 1)
                .is_some_and(|n| n.key.starts_with(|c: char| c.is_ascii_digit())))
}

/// After a name word, a capitalised word that is elsewhere a nationality or a date, with no
/// capitalised word after it, ends the name: "Paul Dergarabedian", "Louise Christian", "Mike
/// Friday", "Theresa May".
fn surname_like(ws: &[Word], k: usize) -> bool {
    let w = &ws[k];
    k > 0
        && w.capital
        && w.key.chars().count() > 2
        && (is_name_adjective(&w.key) || is_month_or_weekday(&w.key))
        && !crate::text::stopwords::is_stopword(&w.key)
        && !(ws[k - 1].key.ends_with("'s") || ws[k - 1].key.ends_with("’s"))
        && !ws.get(k + 1).is_some_and(|n| n.capital)
}
