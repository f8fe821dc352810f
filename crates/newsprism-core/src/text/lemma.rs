//! Dictionary forms: "won" and "gewonnen" are forms of "winnen", "children" of "child". Read from
//! a lemma lexicon (`data/lemmas-<lang>.tsv`, made from simplemma's dictionaries by
//! `scripts/make-lexicon.py`; one `form<TAB>lemma` line per form that is not its own lemma).
//!
//! The forms are folded on loading with the index's own folding, so a lookup takes a folded word
//! exactly as the index keys it. Lookups are binary searches over one sorted array; a word the
//! lexicon lacks is its own lemma, and stemming ([`super::stem`]) does the rest.

use super::fold::fold;
use super::language::Language;

/// One language's table: folded forms, sorted, each with the index of its lemma.
#[derive(Debug, Default)]
struct Table {
    forms: Vec<(Box<str>, u32)>,
    lemmas: Vec<Box<str>>,
}

impl Table {
    /// Reads `form<TAB>lemma` lines; blank lines and lines starting with `#` are skipped, a line
    /// without a tab is an error naming it.
    fn parse(text: &str) -> Result<Table, String> {
        let mut lemma_ids: rustc_hash::FxHashMap<Box<str>, u32> = Default::default();
        let mut table = Table::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((form, lemma)) = line.split_once('\t') else {
                return Err(format!("line {} has no tab between form and lemma", n + 1));
            };
            // simplemma writes a separable verb's or compound's parts apart ("af_ronden"); a
            // reader types them joined, as the index keys them.
            let (form, lemma) = (fold(form.trim()), fold(lemma.trim()).replace('_', ""));
            if form.is_empty() || lemma.is_empty() || form == lemma {
                continue;
            }
            let next = table.lemmas.len() as u32;
            let id = *lemma_ids.entry(lemma.clone().into()).or_insert_with(|| {
                table.lemmas.push(lemma.into());
                next
            });
            table.forms.push((form.into(), id));
        }
        // Folding can make two forms one ("één", "een"): the first in sorted order wins.
        table.forms.sort();
        table.forms.dedup_by(|b, a| a.0 == b.0);
        Ok(table)
    }

    fn lemma(&self, folded: &str) -> Option<&str> {
        let i = self
            .forms
            .binary_search_by(|(f, _)| f.as_ref().cmp(folded))
            .ok()?;
        Some(&self.lemmas[self.forms[i].1 as usize])
    }
}

/// Lemma tables for Dutch and English.
#[derive(Debug, Default)]
pub struct Lemmas {
    dutch: Table,
    english: Table,
}

impl Lemmas {
    /// The tables from the lexicon files' text (`data/lemmas-nl.tsv`, `data/lemmas-en.tsv`).
    ///
    /// ```
    /// use newsprism_core::text::lemma::Lemmas;
    /// use newsprism_core::Language;
    /// let lemmas = Lemmas::from_tsv("gewonnen\twinnen\nwon\twinnen\n", "went\tgo\n").unwrap();
    /// assert_eq!(lemmas.lemma(Language::Dutch, "gewonnen"), Some("winnen"));
    /// assert_eq!(lemmas.lemma(Language::English, "went"), Some("go"));
    /// assert_eq!(lemmas.lemma(Language::Dutch, "winnen"), None); // its own lemma
    /// ```
    pub fn from_tsv(dutch: &str, english: &str) -> Result<Lemmas, String> {
        Ok(Lemmas {
            dutch: Table::parse(dutch).map_err(|e| format!("the Dutch lexicon: {e}"))?,
            english: Table::parse(english).map_err(|e| format!("the English lexicon: {e}"))?,
        })
    }

    /// The dictionary form of a folded word, when the lexicon has one other than the word itself.
    pub fn lemma(&self, language: Language, folded: &str) -> Option<&str> {
        match language {
            Language::Dutch => self.dutch.lemma(folded),
            Language::English => self.english.lemma(folded),
            _ => None,
        }
    }

    /// How many forms the tables hold, Dutch and English.
    pub fn len(&self) -> (usize, usize) {
        (self.dutch.forms.len(), self.english.forms.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_folded_and_found_by_their_folded_key() {
        let l =
            Lemmas::from_tsv("# a comment\n\nOekraïense\toekraïens\nmannen\tman\n", "").unwrap();
        assert_eq!(l.lemma(Language::Dutch, "oekraiense"), Some("oekraiens"));
        assert_eq!(l.lemma(Language::Dutch, "mannen"), Some("man"));
        assert_eq!(l.lemma(Language::English, "mannen"), None);
        assert_eq!(l.lemma(Language::German, "mannen"), None);
        assert_eq!(l.len(), (2, 0));
    }

    #[test]
    fn the_parts_of_a_separable_verb_are_joined() {
        let l = Lemmas::from_tsv("afgerond\taf_ronden\n", "").unwrap();
        assert_eq!(l.lemma(Language::Dutch, "afgerond"), Some("afronden"));
    }

    #[test]
    fn a_line_without_a_tab_is_refused_with_its_number() {
        let e = Lemmas::from_tsv("a\tb\nzonder tab\n", "").unwrap_err();
        assert!(e.contains("Dutch") && e.contains("line 2"), "{e}");
    }
}
