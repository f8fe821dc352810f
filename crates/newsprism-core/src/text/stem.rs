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

    /// The stem of a folded word in a language (of its lemma, with a lexicon); the word itself
    /// where there is no stemmer.
    pub fn stem(&self, language: Language, folded: &str) -> String {
        let folded = self
            .lemmas
            .as_ref()
            .and_then(|l| l.lemma(language, folded))
            .unwrap_or(folded);
        match language {
            Language::Dutch => self.dutch.stem(folded).into_owned(),
            Language::English => self.english.stem(folded).into_owned(),
            _ => folded.to_string(),
        }
    }
}

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
