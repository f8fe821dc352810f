//! Snowball stemming for Dutch and English (the `rust-stemmers` crate), chosen by language, after
//! the dictionary form when a lemma lexicon is given ([`super::lemma`]).
//!
//! "soldaten" and "soldaat" share a stem, and so do "armies" and "army". With a lexicon, "won"
//! and "gewonnen" stem as "winnen" does, and "children" as "child": index and query meet at the
//! lemma, and the stem stays the fallback for words the lexicon lacks. Languages without a
//! stemmer here are matched on their folded words.

use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};

use super::language::Language;
use super::lemma::Lemmas;

/// Stemmers for the languages Newsprism stems.
pub struct Stemmers {
    dutch: Stemmer,
    english: Stemmer,
    lemmas: Option<Arc<Lemmas>>,
}

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmers { dutch, english }")
    }
}

impl Clone for Stemmers {
    fn clone(&self) -> Self {
        Stemmers {
            lemmas: self.lemmas.clone(),
            ..Stemmers::default()
        }
    }
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            dutch: Stemmer::create(Algorithm::Dutch),
            english: Stemmer::create(Algorithm::English),
            lemmas: None,
        }
    }
}

impl Stemmers {
    /// Stemmers that stem a word's dictionary form, from this lexicon.
    pub fn with_lemmas(lemmas: Arc<Lemmas>) -> Stemmers {
        Stemmers {
            lemmas: Some(lemmas),
            ..Stemmers::default()
        }
    }

    /// The lexicon these stemmers stem with, if any.
    pub fn lemmas(&self) -> Option<&Arc<Lemmas>> {
        self.lemmas.as_ref()
    }

    fn snowball(&self, language: Language, word: &str) -> String {
        match language {
            Language::Dutch => self.dutch.stem(word).into_owned(),
            Language::English => self.english.stem(word).into_owned(),
            _ => word.to_string(),
        }
    }

    /// The stem of a folded word in a language (of its first dictionary form, with a lexicon);
    /// the word itself where there is no stemmer. For grouping words; search uses [`Self::keys`].
    pub fn stem(&self, language: Language, folded: &str) -> String {
        let Some(lemmas) = &self.lemmas else {
            return self.snowball(language, folded);
        };
        let mut keys = Vec::new();
        lemmas.keys(language, folded, &mut keys);
        let first = keys.first().map_or(folded, String::as_str);
        self.snowball(language, first)
    }

    /// A folded word's index keys in a language, separated by spaces: the stem of each
    /// dictionary form it is indexed under ([`Lemmas::keys`]), and, for a Dutch compound, its
    /// head's keys marked with a leading [`PART`] ("gemeenteraadsleden" → `+raadslid
    /// gemeenteraadslid`), which search ranks below the word's own. Without a lexicon, the
    /// Snowball stem alone.
    pub fn keys(&self, language: Language, folded: &str) -> String {
        self.keys_with(language, folded, false)
    }

    /// A searched word's keys: the stems of all its readings ([`Lemmas::readings`]), and the
    /// compound-part keys of its readings, marked with [`PART`].
    pub fn query_keys(&self, language: Language, folded: &str) -> String {
        self.keys_with(language, folded, true)
    }

    fn keys_with(&self, language: Language, folded: &str, query: bool) -> String {
        let Some(lemmas) = &self.lemmas else {
            return self.snowball(language, folded);
        };
        let mut forms = Vec::new();
        if query {
            lemmas.readings(language, folded, &mut forms);
        } else {
            lemmas.keys(language, folded, &mut forms);
        }
        let mut keys: Vec<String> = forms.iter().map(|f| self.snowball(language, f)).collect();
        if !query {
            if let Some(head) = lemmas.compound_head(language, folded) {
                lemmas.keys(language, head, &mut forms);
                keys.extend(
                    forms
                        .iter()
                        .map(|f| format!("{PART}{}", self.snowball(language, f))),
                );
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys.join(" ")
    }
}

/// The mark of a compound part's key: a word stands under `+key` for each of its head's keys.
pub const PART: char = '+';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        let s = Stemmers::default();
        let same = [
            (Language::Dutch, "soldaat", "soldaten"),
            (Language::Dutch, "raket", "raketten"),
            (Language::Dutch, "poetin", "poetins"),
            (Language::Dutch, "oefening", "oefeningen"),
            (Language::English, "army", "armies"),
            (Language::English, "talk", "talking"),
        ];
        for (lang, a, b) in same {
            assert_eq!(s.stem(lang, a), s.stem(lang, b), "{a} / {b}");
        }
        assert_eq!(s.stem(Language::German, "häuser"), "häuser");
    }
}
