//! Dictionary forms: "won" and "gewonnen" are forms of "winnen", "children" of "child". Read from
//! a lemma lexicon (`data/lexicon.txt`, made from simplemma's dictionaries by `make lexicon`),
//! with spelling rules for the words it lacks (`rules.rs`) and Dutch separable verbs split over a
//! clause (`separable.rs`).
//!
//! The forms are keyed as the index keys words (folded, apostrophes removed), so a lookup takes
//! a word exactly as the index has it. Lookups are binary searches over sorted arrays.
//!
//! A word can have more than one dictionary form: "tellen" is the verb and the plural of "tel",
//! "gekwalificeerd" an adjective and a verb's participle. A word form is indexed under the
//! lexicon's lemma ([`Lemmas::keys`]); a searched word stands for all its readings
//! ([`Lemmas::readings`]), so "tellen" finds "telt". A word neither the lexicon nor the rules
//! know is its own dictionary form, and stemming ([`super::stem`]) does the rest.
//!
//! The lexicon file and its format: `file.rs` ([`Lemmas::parse`]).

mod file;
pub use file::LemmaReader;
pub mod image;
mod rules;
mod separable;
#[cfg(test)]
mod tests;

use rustc_hash::{FxHashMap, FxHashSet};

use super::fold::fold;
use super::language::Language;

/// One language's table, in one block of text: the lemmas, sorted, then the keyed forms, sorted,
/// each with the index of its lemma; and the separable verbs and compounds. 8 bytes a form and 4
/// a lemma besides their text, so that the page and each worker can hold one.
#[derive(Debug, Default)]
struct Table {
    /// The lemmas, then the forms, one after another: each ends where the next begins.
    text: String,
    /// Where each form starts in `text`, and its lemma's index in `lemmas`.
    forms: Vec<(u32, u32)>,
    /// Where each lemma starts in `text` (all before the first form).
    lemmas: Vec<u32>,
    /// Lemmas (by index) that the lexicon writes in two parts ("afronden" from "af_ronden"),
    /// or whose participle has "ge" after a particle ("opgebeld"), with the first part's length.
    parted: FxHashSet<(u32, u8)>,
    /// The first parts of those ("af", "op", "terug"): what can end a clause as a particle.
    firsts: FxHashSet<Box<str>>,
}

/// A word as the index keys it, into `out`: folded, apostrophes removed.
fn key_into(word: &str, out: &mut String) {
    let word = word.trim();
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        out.push_str(word);
    } else {
        out.extend(
            fold(word)
                .chars()
                .filter(|c| !matches!(c, '\'' | '’' | 'ʼ')),
        );
    }
}

/// A form's and its lemma's spans in a buffer, the lemma's first part's length (0 if none), and
/// whether keying changed the form.
type Row = ((u32, u32), (u32, u32), u8, bool);

impl Table {
    /// Builds a table from (form, lemma) pairs as written in the lexicon.
    fn build<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Table {
        // Every form and lemma, keyed, one after another; `first` is the length of a lemma's
        // first part when it has one.
        let mut buf = String::new();
        // A row: the form's and lemma's spans, the lemma's first part's length, and whether
        // keying changed the form ("i's" → "is").
        let mut rows: Vec<Row> = Vec::new();
        let mut firsts = FxHashSet::default();
        for (form, lemma) in pairs {
            let f0 = buf.len();
            key_into(form, &mut buf);
            let f1 = buf.len();
            let mut first = 0u8;
            for (i, part) in lemma.split('_').enumerate() {
                key_into(part, &mut buf);
                if i == 0 && lemma.contains('_') {
                    first = u8::try_from(buf.len() - f1).unwrap_or(0);
                }
            }
            let l1 = buf.len();
            let (f, l) = (&buf[f0..f1], &buf[f1..l1]);
            // A participle with "ge" after a particle ("opgebeld" of "opbellen") marks a
            // separable verb, as a `_` does.
            if first == 0 {
                let particle = f.find("ge").filter(|&i| (2..=8).contains(&i));
                if let Some(i) = particle.filter(|&i| l.len() > i + 1 && l.starts_with(&f[..i])) {
                    first = i as u8;
                }
            }
            if first > 0 && !firsts.contains(&l[..usize::from(first)]) {
                firsts.insert(Box::from(&l[..usize::from(first)]));
            }
            if f.is_empty() || l.is_empty() || f == l {
                buf.truncate(f0);
                continue;
            }
            let changed = f != form;
            rows.push((
                (f0 as u32, f1 as u32),
                (f1 as u32, l1 as u32),
                first,
                changed,
            ));
        }
        let at = |(a, b): (u32, u32)| &buf[a as usize..b as usize];
        // Each lemma once, sorted, and its index.
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        for r in &rows {
            ids.entry(at(r.1)).or_insert(0);
        }
        let mut unique: Vec<&str> = ids.keys().copied().collect();
        unique.sort_unstable();
        let mut text = String::with_capacity(buf.len() / 2);
        let mut lemmas = Vec::with_capacity(unique.len());
        for (i, l) in unique.iter().enumerate() {
            ids.insert(l, i as u32);
            lemmas.push(text.len() as u32);
            text.push_str(l);
        }
        // The forms, sorted by key. Keying can make two forms one ("i's" and "is", "één" and
        // "een"): the one written as it is keyed wins, then the first.
        let mut keyed: Vec<(&str, bool, u32)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (at(r.0), r.3, i as u32))
            .collect();
        keyed.sort_unstable();
        keyed.dedup_by(|b, a| a.0 == b.0);
        let mut forms = Vec::with_capacity(keyed.len());
        let mut parted = FxHashSet::default();
        for &(form, _, row) in &keyed {
            let (_, lemma, first, _) = rows[row as usize];
            let lemma = ids.get(at(lemma)).copied().unwrap_or(0);
            forms.push((text.len() as u32, lemma));
            text.push_str(form);
            if first > 0 {
                parted.insert((lemma, first));
            }
        }
        Table {
            text,
            forms,
            lemmas,
            parted,
            firsts,
        }
    }

    /// The text of lemma `i`.
    fn lemma_at(&self, i: u32) -> &str {
        let i = i as usize;
        let end = match self.lemmas.get(i + 1) {
            Some(&next) => next,
            None => self.forms.first().map_or(self.text.len() as u32, |f| f.0),
        };
        &self.text[self.lemmas[i] as usize..end as usize]
    }

    /// The text of form `i`.
    fn form_at(&self, i: usize) -> &str {
        let end = self
            .forms
            .get(i + 1)
            .map_or(self.text.len(), |f| f.0 as usize);
        &self.text[self.forms[i].0 as usize..end]
    }

    /// The index of a lemma.
    fn lemma_id(&self, key: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.lemmas.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.lemma_at(mid as u32).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    /// The lexicon's lemma of a key, when it lists the key as a form.
    fn lemma(&self, key: &str) -> Option<&str> {
        let (mut lo, mut hi) = (0usize, self.forms.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.form_at(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.lemma_at(self.forms[mid].1)),
            }
        }
        None
    }

    fn is_lemma(&self, key: &str) -> bool {
        self.lemma_id(key).is_some()
    }
}

/// Lemma tables for Dutch and English.
#[derive(Debug, Default)]
pub struct Lemmas {
    dutch: Table,
    english: Table,
}

impl Lemmas {
    /// The tables from `form<TAB>lemma` lines, one text per language (for tests and tools).
    pub fn from_tsv(dutch: &str, english: &str) -> Result<Lemmas, String> {
        let table = |text: &str, name: &str| -> Result<Table, String> {
            let mut pairs = Vec::new();
            for (n, line) in text.lines().enumerate() {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let Some((form, lemma)) = line.split_once('\t') else {
                    return Err(format!(
                        "the {name} lexicon: line {} has no tab between form and lemma",
                        n + 1
                    ));
                };
                pairs.push((form, lemma));
            }
            Ok(Table::build(pairs.into_iter()))
        };
        Ok(Lemmas {
            dutch: table(dutch, "Dutch")?,
            english: table(english, "English")?,
        })
    }

    fn table(&self, language: Language) -> Option<&Table> {
        match language {
            Language::Dutch => Some(&self.dutch),
            Language::English => Some(&self.english),
            _ => None,
        }
    }

    /// The lexicon's dictionary form of a key, when it lists the key as a form of another word.
    pub fn lemma(&self, language: Language, key: &str) -> Option<&str> {
        self.table(language)?.lemma(key)
    }

    /// Whether the key is a dictionary form in the lexicon (the lemma of some form).
    pub fn is_lemma(&self, language: Language, key: &str) -> bool {
        self.table(language).is_some_and(|t| t.is_lemma(key))
    }

    /// Whether the lexicon knows the key, as a form or as a lemma.
    pub fn knows(&self, language: Language, key: &str) -> bool {
        self.lemma(language, key).is_some() || self.is_lemma(language, key)
    }

    /// Whether `first` + `lemma` is a separable verb or compound the lexicon writes in two parts
    /// ("op" + "bellen": "op_bellen"), so that "belde … op" is a form of "opbellen".
    pub fn separable(&self, language: Language, first: &str, lemma: &str) -> bool {
        let Some(table) = self.table(language) else {
            return false;
        };
        let (Ok(n), Some(id)) = (
            u8::try_from(first.len()),
            table.lemma_id(&format!("{first}{lemma}")),
        ) else {
            return false;
        };
        table.parted.contains(&(id, n))
    }

    /// The dictionary forms a word form is indexed under, into `out` (cleared first): the
    /// lexicon's lemma when it lists the form ("wassen" → "was", though "wassen" is a verb too:
    /// so "was" of "zijn" and "wassen" never meet); otherwise the form itself when it is a
    /// dictionary form, or what the spelling rules find; a form nothing knows is its own
    /// dictionary form. An adjectival participle ("gekwalificeerd") is also its verb's form.
    pub fn keys(&self, language: Language, key: &str, out: &mut Vec<String>) {
        self.dictionary_forms(language, key, false, out);
    }

    /// The dictionary forms a searched word stands for, into `out` (cleared first): all its
    /// readings, the lexicon's lemma and the word itself when it is a dictionary form too
    /// ("tellen" is the verb and the plural of "tel"), so a search for "tellen" finds "telt".
    pub fn readings(&self, language: Language, key: &str, out: &mut Vec<String>) {
        self.dictionary_forms(language, key, true, out);
    }

    fn dictionary_forms(&self, language: Language, key: &str, all: bool, out: &mut Vec<String>) {
        out.clear();
        let Some(table) = self.table(language) else {
            out.push(key.to_string());
            return;
        };
        if let Some(lemma) = table.lemma(key) {
            out.push(lemma.to_string());
        }
        if (all || out.is_empty()) && table.is_lemma(key) {
            out.push(key.to_string());
        }
        // An adjectival participle is its own lemma and a verb's form ("gekwalificeerd(e)").
        let participle = language == Language::Dutch
            && key.starts_with("ge")
            && key.strip_suffix('e').unwrap_or(key).ends_with(['d', 't']);
        let participle = participle && table.lemma(key).is_none();
        if out.is_empty() || (participle && out.len() == 1) {
            rules::candidates(language, key, &|k| table.is_lemma(k), out);
        }
        if out.is_empty() {
            out.push(key.to_string());
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The head of a Dutch compound whose parts the lexicon knows ("gemeenteraadslid" →
    /// "raadslid", "tegenaanval" → "aanval"), with linking -s-/-e-/-en- between the parts; see
    /// `rules.rs`.
    pub fn compound_head<'k>(&self, language: Language, key: &'k str) -> Option<&'k str> {
        if language != Language::Dutch {
            return None;
        }
        let t = &self.dutch;
        let known = |k: &str| t.is_lemma(k) || t.lemma(k).is_some();
        // A verb form: the lexicon's lemma is an infinitive other than the word, or the word is
        // an infinitive whose present or past forms the lexicon lists ("rekken": "rekt").
        let infinitive = |k: &str| {
            let Some(stem) = k.strip_suffix("en") else {
                return false;
            };
            let single = stem.strip_suffix(|c: char| stem.ends_with(&format!("{c}{c}")));
            [stem, single.unwrap_or(stem)].iter().any(|s| {
                ["t", "de", "te"]
                    .iter()
                    .any(|e| t.lemma(&format!("{s}{e}")) == Some(k))
            })
        };
        let verb =
            |k: &str| t.lemma(k).is_some_and(|l| l.ends_with("en") && l != k) || infinitive(k);
        rules::compound_head(key, &known, &verb)
    }

    /// How many forms the tables hold, Dutch and English.
    pub fn len(&self) -> (usize, usize) {
        (self.dutch.forms.len(), self.english.forms.len())
    }

    /// Whether both tables are empty.
    pub fn is_empty(&self) -> bool {
        self.len() == (0, 0)
    }
}
