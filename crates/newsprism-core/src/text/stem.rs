//! Snowball stemming for Dutch and English (the `rust-stemmers` crate), chosen by language.
//!
//! "soldaten" and "soldaat" share a stem, and so do "armies" and "army". Languages without a
//! stemmer here are matched on their folded words.

use rust_stemmers::{Algorithm, Stemmer};

use super::language::Language;

/// Stemmers for the languages Newsprism stems.
pub struct Stemmers {
    dutch: Stemmer,
    english: Stemmer,
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
        }
    }
}

impl Stemmers {
    /// The stem of a folded word in a language; the word itself where there is no stemmer.
    pub fn stem(&self, language: Language, folded: &str) -> String {
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
