//! Dictionary forms: "won" and "gewonnen" are forms of "winnen", "children" of "child". Read from
//! a lemma lexicon (`data/lexicon.txt`, made from simplemma's dictionaries by
//! `scripts/make-lexicon.py`), with spelling rules for the words it lacks ([`rules`]).
//!
//! The forms are folded on loading with the index's own key folding, so a lookup takes a word
//! exactly as the index keys it. Lookups are binary searches over sorted arrays.
//!
//! A word can have more than one dictionary form: "tellen" is the verb and the plural of "tel",
//! "staat" a noun and a form of "staan". [`Lemmas::keys`] gives them all, so a search meets the
//! word under each; a word neither the lexicon nor the rules know is its own key, and stemming
//! ([`super::stem`]) does the rest.
//!
//! # The file
//!
//! `lexicon.txt` is UTF-8 text. Lines starting with `#` are comments; `@nl` and `@en` start a
//! language's section. Every other line is one word form whose lemma differs from it, in sorted
//! order, front-coded: `<n><rest>\t<k><suffix>`, where the form is the previous form's first `n`
//! characters followed by `rest`, and the lemma is the form with its last `k` characters replaced
//! by `suffix`. A lemma's `_` marks the parts of a separable verb or compound ("af_ronden"):
//! the key joins them, and [`Lemmas::separable`] knows the verb.

mod rules;
mod separable;
#[cfg(test)]
mod tests;

use rustc_hash::FxHashSet;

use super::fold::fold;
use super::language::Language;

/// One language's table: folded forms, sorted, each with the index of its lemma; the lemmas,
/// sorted; and the separable verbs and compounds, joined.
#[derive(Debug, Default)]
struct Table {
    forms: Vec<(Box<str>, u32)>,
    lemmas: Vec<Box<str>>,
    /// Joined lemmas that the lexicon writes in two parts ("afronden" from "af_ronden"), with
    /// the length of the first part.
    parted: FxHashSet<(Box<str>, u8)>,
    /// The first parts of those ("af", "op", "terug"): what can end a clause as a particle.
    firsts: FxHashSet<Box<str>>,
}

/// A word as the index keys it: folded, apostrophes removed.
fn key_of(word: &str) -> String {
    fold(word.trim()).replace(['\'', '’', 'ʼ'], "")
}

impl Table {
    /// Builds a table from (form, lemma) pairs as written in the lexicon.
    fn build<'a>(pairs: impl Iterator<Item = (String, &'a str)>) -> Table {
        let mut raw: Vec<(String, String)> = Vec::new();
        let mut parted = FxHashSet::default();
        let mut firsts = FxHashSet::default();
        for (form, lemma) in pairs {
            let form = key_of(&form);
            let mut parts = lemma.split('_').map(key_of);
            let first = parts.next().unwrap_or_default();
            let rest: String = parts.collect();
            let joined = format!("{first}{rest}");
            if !rest.is_empty() && first.len() < 256 {
                parted.insert((joined.clone().into_boxed_str(), first.len() as u8));
                firsts.insert(first.into_boxed_str());
            }
            // A participle with "ge" after a particle ("opgebeld" of "opbellen") marks a
            // separable verb, as a `_` does.
            let particle = form.find("ge").filter(|&i| (2..=8).contains(&i));
            if let Some(i) =
                particle.filter(|&i| joined.len() > i + 1 && joined.starts_with(&form[..i]))
            {
                parted.insert((joined.clone().into_boxed_str(), i as u8));
                firsts.insert(form[..i].into());
            }
            if !form.is_empty() && !joined.is_empty() && form != joined {
                raw.push((form, joined));
            }
        }
        let mut lemmas: Vec<&str> = raw.iter().map(|(_, l)| l.as_str()).collect();
        lemmas.sort_unstable();
        lemmas.dedup();
        let id = |l: &str| lemmas.binary_search(&l).unwrap_or(0) as u32;
        let mut forms: Vec<(Box<str>, u32)> = raw
            .iter()
            .map(|(f, l)| (f.clone().into_boxed_str(), id(l)))
            .collect();
        // Folding can make two forms one ("één", "een"): the first in sorted order wins.
        forms.sort();
        forms.dedup_by(|b, a| a.0 == b.0);
        let lemmas = lemmas.into_iter().map(Box::from).collect();
        Table {
            forms,
            lemmas,
            parted,
            firsts,
        }
    }

    /// Reads one section of `lexicon.txt` (front-coded lines; see the module docs).
    fn parse_packed<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> Result<Table, String> {
        let mut previous = String::new();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (n, line) in lines {
            let bad = || format!("line {} is not `<n><rest>\\t<k><suffix>`", n + 1);
            let (form_part, lemma_part) = line.split_once('\t').ok_or_else(bad)?;
            let (shared, rest) = split_number(form_part).ok_or_else(bad)?;
            let (cut, suffix) = split_number(lemma_part).ok_or_else(bad)?;
            let kept: String = previous.chars().take(shared).collect();
            if kept.chars().count() != shared {
                return Err(bad());
            }
            let form = kept + rest;
            let form_chars = form.chars().count();
            if cut > form_chars {
                return Err(bad());
            }
            let lemma: String = form.chars().take(form_chars - cut).collect::<String>() + suffix;
            pairs.push((form.clone(), lemma));
            previous = form;
        }
        Ok(Table::build(
            pairs.iter().map(|(f, l)| (f.clone(), l.as_str())),
        ))
    }

    /// The lexicon's lemma of a key, when it lists the key as a form.
    fn lemma(&self, key: &str) -> Option<&str> {
        let i = self
            .forms
            .binary_search_by(|(f, _)| f.as_ref().cmp(key))
            .ok()?;
        Some(&self.lemmas[self.forms[i].1 as usize])
    }

    fn is_lemma(&self, key: &str) -> bool {
        self.lemmas
            .binary_search_by(|l| l.as_ref().cmp(key))
            .is_ok()
    }
}

/// A line's leading decimal number and the rest.
fn split_number(s: &str) -> Option<(usize, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    Some((s[..digits].parse().ok()?, &s[digits..]))
}

/// Lemma tables for Dutch and English.
#[derive(Debug, Default)]
pub struct Lemmas {
    dutch: Table,
    english: Table,
}

impl Lemmas {
    /// The tables from `lexicon.txt`'s text (see the module docs for its format).
    ///
    /// ```
    /// use newsprism_core::text::lemma::Lemmas;
    /// use newsprism_core::Language;
    /// let lemmas = Lemmas::parse("# test\n@nl\n0gewonnen\t8winnen\n0won\t2innen\n@en\n0went\t4go\n").unwrap();
    /// assert_eq!(lemmas.lemma(Language::Dutch, "gewonnen"), Some("winnen"));
    /// assert_eq!(lemmas.lemma(Language::Dutch, "won"), Some("winnen"));
    /// assert_eq!(lemmas.lemma(Language::English, "went"), Some("go"));
    /// assert_eq!(lemmas.lemma(Language::Dutch, "winnen"), None); // its own lemma
    /// ```
    pub fn parse(text: &str) -> Result<Lemmas, String> {
        let mut lemmas = Lemmas::default();
        let mut lines = text.lines().enumerate().peekable();
        while let Some((n, line)) = lines.next() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, language) = match line {
                "@nl" => ("Dutch", Language::Dutch),
                "@en" => ("English", Language::English),
                _ => {
                    return Err(format!(
                        "line {} should start a language's section (@nl or @en)",
                        n + 1
                    ))
                }
            };
            let mut section = Vec::new();
            while let Some((n, line)) = lines.next_if(|(_, l)| !l.starts_with('@')) {
                if !line.is_empty() && !line.starts_with('#') {
                    section.push((n, line));
                }
            }
            let table = Table::parse_packed(section.into_iter())
                .map_err(|e| format!("the {name} lexicon: {e}"))?;
            match language {
                Language::Dutch => lemmas.dutch = table,
                _ => lemmas.english = table,
            }
        }
        Ok(lemmas)
    }

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
                pairs.push((form.to_string(), lemma));
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
        let joined = format!("{first}{lemma}");
        table
            .parted
            .contains(&(joined.into_boxed_str(), first.len().min(255) as u8))
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
    /// [`rules::compound_head`].
    pub fn compound_head<'k>(&self, language: Language, key: &'k str) -> Option<&'k str> {
        if language != Language::Dutch {
            return None;
        }
        let t = &self.dutch;
        let known = |k: &str| t.is_lemma(k) || t.lemma(k).is_some();
        // A verb form: the lexicon's lemma is an infinitive other than the word.
        let verb = |k: &str| t.lemma(k).is_some_and(|l| l.ends_with("en") && l != k);
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
