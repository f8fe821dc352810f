//! Language identification by stop-word profile.
//!
//! News text is dense with function words ("de", "het", "van"; "the", "of", "and"), and those
//! differ sharply between languages, so counting them is a reliable and tiny detector for
//! articles of a paragraph or more. It owns no stemming or tokenising beyond a lowercase split.

use std::fmt;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// A language Newsprism can tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// Dutch.
    Dutch,
    /// English.
    English,
    /// German.
    German,
    /// French.
    French,
    /// Too little text, or no profile matched.
    Unknown,
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Language::from_code(&s).unwrap_or(Language::Unknown))
    }
}

impl Language {
    /// The ISO 639-1 code, or `und` (undetermined).
    pub fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Unknown => "und",
        }
    }

    /// Reads an ISO 639-1 code or an English/native name ("nl", "Dutch", "Nederlands").
    pub fn from_code(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        Some(match primary {
            "nl" | "dutch" | "nederlands" | "vlaams" | "flemish" => Language::Dutch,
            "en" | "english" | "engels" => Language::English,
            "de" | "german" | "deutsch" | "duits" => Language::German,
            "fr" | "french" | "français" | "francais" | "frans" => Language::French,
            "und" | "unknown" => Language::Unknown,
            _ => return None,
        })
    }

    /// The name in English, for the UI.
    pub fn name(self) -> &'static str {
        match self {
            Language::Dutch => "Dutch",
            Language::English => "English",
            Language::German => "German",
            Language::French => "French",
            Language::Unknown => "unknown language",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The most frequent function words of each language, chosen so that the lists barely overlap
/// ("in", "is" and "was" appear in several and so count for each of them).
const PROFILES: &[(Language, &[&str])] = &[
    (
        Language::Dutch,
        &[
            "de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "met", "voor",
            "niet", "aan", "er", "die", "ook", "als", "bij", "door", "maar", "om", "naar", "heeft",
            "werd", "wordt", "nog", "hij", "zij", "ze", "wij", "we", "hun", "haar", "deze", "dit",
            "tot", "uit", "over", "al", "dan", "zou", "kan", "geen", "wel", "nu", "of", "ook",
            "hebben", "worden", "was", "waren", "zich", "zo", "meer", "tegen", "omdat", "toen",
        ],
    ),
    (
        Language::English,
        &[
            "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "with", "as",
            "was", "he", "be", "by", "at", "said", "have", "from", "has", "are", "but", "not",
            "they", "his", "this", "an", "which", "will", "would", "been", "were", "had", "their",
            "who", "there", "we", "or", "its", "after", "than", "more", "also", "about", "into",
            "could", "these", "them", "when", "while", "should", "what", "our", "you",
        ],
    ),
    (
        Language::German,
        &[
            "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
            "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden",
            "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind",
            "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur", "oder",
            "aber", "vor", "zur", "bis", "mehr", "durch", "man", "wurde", "sein",
        ],
    ),
    (
        Language::French,
        &[
            "le", "la", "les", "de", "des", "du", "et", "un", "une", "en", "est", "que", "qui",
            "dans", "pour", "pas", "au", "sur", "ne", "se", "par", "plus", "il", "elle", "sont",
            "avec", "ce", "cette", "ont", "aux", "a", "été", "mais", "ou", "son", "sa", "ses",
            "leur", "comme", "nous", "vous", "ils", "était", "fait", "être", "après", "aussi",
        ],
    ),
];

/// Each profile word and the profiles (bit per index in [`PROFILES`]) that list it.
fn profile_index() -> &'static FxHashMap<&'static str, u8> {
    static INDEX: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: FxHashMap<&'static str, u8> = FxHashMap::default();
        for (i, (_, words)) in PROFILES.iter().enumerate() {
            for w in *words {
                *map.entry(w).or_default() |= 1 << i;
            }
        }
        map
    })
}

/// How many stop-word hits the winner needs before a language is named at all.
const MIN_HITS: usize = 3;

/// Identifies the language of a text by counting each profile's function words.
///
/// The winner must have at least three hits and clearly more than the runner-up (a quarter
/// more), otherwise the answer is [`Language::Unknown`]: a wrong label is worse than none.
pub fn detect(text: &str) -> Language {
    let mut counts = [0usize; 4];
    let mut lower = String::new();
    let mut seen = 0usize;
    // Three hundred words (about 2,400 bytes) identify a language; reading more only costs time.
    let mut end = text.len().min(2400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    crate::text::tokenize::for_each_token(&text[..end], |token| {
        seen += 1;
        if seen > 300 || token.text.len() > 8 {
            return;
        }
        lower.clear();
        if token.text.is_ascii() {
            lower.extend(
                token
                    .text
                    .bytes()
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            lower.extend(token.text.chars().flat_map(char::to_lowercase));
        }
        if let Some(&mask) = profile_index().get(lower.as_str()) {
            for (i, count) in counts.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    *count += 1;
                }
            }
        }
    });
    let mut ranked: Vec<(usize, Language)> = PROFILES
        .iter()
        .zip(counts)
        .map(|((lang, _), n)| (n, *lang))
        .collect();
    crate::sorting::sort_by_key(&mut ranked, |&(n, _)| std::cmp::Reverse(n));
    let (best, lang) = ranked[0];
    let second = ranked[1].0;
    if best >= MIN_HITS && best * 4 > second * 5 {
        lang
    } else {
        Language::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_sentences_are_identified() {
        let cases = [
            ("De Russische president is maandag in Wit-Rusland aangekomen voor zijn eerste bezoek aan het land.", Language::Dutch),
            ("The Russian president arrived in Belarus on Monday for his first visit to the country since 2019.", Language::English),
            ("Der russische Präsident ist am Montag in Belarus angekommen, und er hat mit dem Präsidenten gesprochen.", Language::German),
            ("Le président russe est arrivé lundi en Biélorussie pour sa première visite dans le pays depuis 2019.", Language::French),
            ("Minsk Moskou Kiev", Language::Unknown),
            ("", Language::Unknown),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in [
            Language::Dutch,
            Language::English,
            Language::German,
            Language::French,
            Language::Unknown,
        ] {
            assert_eq!(Language::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Language::from_code("nl-BE"), Some(Language::Dutch));
        assert_eq!(Language::from_code("Nederlands"), Some(Language::Dutch));
        assert_eq!(Language::from_code("xx"), None);
    }
}
