//! What each paragraph is: body, subheading, caption, pull quote or boilerplate.
//!
//! Web copy pasted into a text file keeps its furniture: "Lees ook …" links, "KIJK. …" video
//! blurbs, subscription teasers, photo captions and short headings. Marking them keeps the reader
//! tidy and, later, keeps them out of search ranking and comparison. The rules are cautious: a
//! paragraph is body unless the evidence is clear, because hiding real text is worse than showing
//! a stray caption. The text itself is never changed.

use crate::article::ParagraphKind;

/// Openings of site furniture, compared case-insensitively.
const BOILERPLATE_OPENINGS: &[&str] = &[
    "lees ook",
    "lees meer",
    "lees verder",
    "lees hier",
    "lees het hele",
    "lees het volledige",
    "bekijk ook",
    "meer over",
    "read more",
    "read also",
    "see also",
    "related:",
    "advertentie",
    "advertisement",
    "advertising disclosure",
    "- anzeige",
    "anzeige -",
    "sign up",
    "subscribe",
    "abonneer",
    "word abonnee",
    "volg ons",
    "follow us",
    "deel dit artikel",
    "share this",
];

/// Shouted labels that open video, photo and live blurbs on news sites: "KIJK. Beelden tonen …".
const SHOUTED_LABELS: &[&str] = &[
    "KIJK",
    "BEKIJK",
    "LUISTER",
    "VIDEO",
    "FOTO",
    "FOTO'S",
    "LIVE",
    "LEES",
    "LEES OOK",
    "WATCH",
    "LISTEN",
    "READ",
    "PODCAST",
    "INTERVIEW",
    "GALLERY",
    "UPDATE",
];

/// Phrases anywhere in a paragraph that mark it as a teaser or a credit line.
const BOILERPLATE_PHRASES: &[&str] = &[
    "plusartikel",
    "plus-artikel",
    "premium-artikel",
    "alle rechten voorbehouden",
    "all rights reserved",
    "lees het hele artikel",
    "read the full story",
    "click here",
    "klik hier",
];

/// Credit markers that make a short paragraph a caption.
const CAPTION_MARKERS: &[&str] = &[
    "foto:",
    "beeld:",
    "photo:",
    "picture:",
    "image:",
    "(foto",
    "(photo",
    "© ",
    "getty images",
    "anp/",
    "afp/",
    "reuters/",
    "epa/",
    "belga/",
    "hollandse hoogte",
    "ap photo",
    "credit:",
    "credits:",
    "crédit photo",
    "crédits photo",
    "bildquelle",
    "istock",
    "shutterstock",
    "imago images",
    "dpa/",
];

/// Finite verbs and auxiliaries: a short sentence with none of them reads as a caption.
const COMMON_VERBS: &[&str] = &[
    // Dutch
    "is", "was", "zijn", "waren", "ben", "bent", "wordt", "werd", "worden", "werden", "heeft",
    "hebben", "had", "hadden", "heb", "zal", "zullen", "zou", "zouden", "kan", "kunnen", "kon",
    "konden", "moet", "moeten", "moest", "wil", "willen", "wilde", "gaat", "gaan", "ging", "komt",
    "komen", "kwam", "zegt", "zeggen", "zei", "zeiden", "staat", "staan", "stond", "ligt", "lag",
    "krijgt", "kreeg", "blijft", "bleef", "maakt", "doet", "deed", "vindt", "vond", "ziet", "zag",
    "neemt", "nam", "geeft", "gaf", "noemt", "laat", "liet", "houdt", "hield", "lijkt", "leek",
    "weet", "wist", "denkt", "dacht", "meldt", "stelt", "ontkent", "blijkt", "heet", "speelt",
    "zit", "zat", "loopt", "liep", "valt", "viel", "mag", "mocht", "hoeft", // English
    "are", "were", "be", "been", "has", "have", "will", "would", "can", "could", "may", "might",
    "must", "shall", "should", "says", "said", "do", "does", "did", "gets", "got", "makes", "goes",
    "went", "takes", "took", "comes", "came", "gives", "gave", "shows", "wants", "needs", "seems",
    "looks", "think", "thinks", "know", "knows", "told", "tells", "includes", "opens", "holds",
    "begins", "began", "won", "wins", "leads", "plays", "runs",
];

/// Classifies each paragraph of an article body.
pub fn classify(paragraphs: &[String]) -> Vec<ParagraphKind> {
    let n = paragraphs.len();
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| classify_one(p, i, n, paragraphs))
        .collect()
}

fn classify_one(text: &str, index: usize, count: usize, all: &[String]) -> ParagraphKind {
    if is_boilerplate(text) {
        return ParagraphKind::Boilerplate;
    }
    if index == 0 {
        return ParagraphKind::Body;
    }
    if is_pull_quote(text, index, all) {
        return ParagraphKind::PullQuote;
    }
    if has_credit(text) {
        return ParagraphKind::Caption;
    }
    if index + 1 < count && is_subheading(text) {
        return ParagraphKind::Subheading;
    }
    if is_caption(text) {
        return ParagraphKind::Caption;
    }
    ParagraphKind::Body
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

fn is_boilerplate(text: &str) -> bool {
    let lower = text.to_lowercase();
    if BOILERPLATE_OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    let label_end = text.find(['.', ':', '|']).filter(|&i| i > 0 && i <= 12);
    if let Some(end) = label_end {
        let label = text[..end].trim();
        if SHOUTED_LABELS.contains(&label) {
            return true;
        }
    }
    BOILERPLATE_PHRASES.iter().any(|p| lower.contains(p))
}

const OPENING_QUOTES: &[char] = &['"', '\'', '‘', '“', '„', '«', '‹', ','];
const CLOSING_QUOTES: &[char] = &['"', '\'', '’', '”', '»', '›', '“'];

/// Strips one pair of enclosing quotation marks (`,,` counts as one opening mark).
fn unquote(text: &str) -> Option<&str> {
    let t = text.trim();
    let t = t.strip_prefix(",,").unwrap_or(t);
    let first = t.chars().next()?;
    let inner = if OPENING_QUOTES.contains(&first) && first != ',' {
        &t[first.len_utf8()..]
    } else if t.len() != text.trim().len() {
        t
    } else {
        return None;
    };
    let last = inner.chars().last()?;
    CLOSING_QUOTES
        .contains(&last)
        .then(|| &inner[..inner.len() - last.len_utf8()])
}

fn ends_with_punctuation(text: &str, marks: &[char]) -> bool {
    text.trim_end().ends_with(marks)
}

fn is_subheading(text: &str) -> bool {
    if text.contains('\n') {
        return false;
    }
    let n = words(text).count();
    if n == 0 || n > 8 || text.chars().count() > 80 || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    let inner = unquote(text).unwrap_or(text).trim();
    if inner.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if ends_with_punctuation(inner, &['.', ',', ';', ':', '…']) {
        return false;
    }
    // "“Verjaardagsoffensief?”" is a heading; a five-word question is a line of dialogue.
    !(ends_with_punctuation(inner, &['?', '!']) && n > 4)
}

/// A fully quoted short paragraph whose words the article already has elsewhere.
fn is_pull_quote(text: &str, index: usize, all: &[String]) -> bool {
    let Some(inner) = unquote(text) else {
        return false;
    };
    let quoted: Vec<String> = words(inner).map(normalise_word).collect();
    // A pull quote is a sentence; "‘Giftige mensen’" is a heading in quotation marks.
    if quoted.len() < 4 || quoted.len() > 30 || !ends_with_punctuation(inner, &['.', '!', '?', '…'])
    {
        return false;
    }
    // An inner closing quote followed by more text means this is dialogue, not one quotation.
    if inner.contains(['”', '"']) {
        return false;
    }
    all.iter().enumerate().any(|(j, other)| {
        if j == index {
            return false;
        }
        let other_words: Vec<String> = words(other).map(normalise_word).collect();
        let found = quoted.iter().filter(|w| other_words.contains(w)).count();
        found * 10 >= quoted.len() * 8
    })
}

fn normalise_word(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a short paragraph (40 words at most) carries a photo credit ("Foto: …", "© …",
/// "Getty Images").
pub fn has_credit(text: &str) -> bool {
    words(text).nth(40).is_none() && {
        let lower = text.to_lowercase();
        CAPTION_MARKERS.iter().any(|m| lower.contains(m))
    }
}

/// A one-sentence paragraph with no verb: who and where, as under a photo.
fn is_caption(text: &str) -> bool {
    let n = words(text).count();
    if !(3..=15).contains(&n) || !text.trim_end().ends_with('.') || unquote(text).is_some() {
        return false;
    }
    if crate::text::sentence::sentences(text).len() != 1 {
        return false;
    }
    // Team sheets, results and bullet lists are lists, not captions.
    let t = text.trim();
    if t.matches(',').count() > 1
        || t.contains([':', ';'])
        || !t.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    let lowercase = words(t)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    if lowercase * 10 < n * 3 {
        return false;
    }
    // A caption names who and where but has no verb.
    !words(text).map(normalise_word).any(|w| {
        COMMON_VERBS.contains(&w.as_str())
            || (w.chars().count() >= 5
                && (w.ends_with("de")
                    || w.ends_with("te")
                    || w.ends_with("den")
                    || w.ends_with("ten")
                    || w.ends_with("ed")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParagraphKind::*;

    fn kinds(paragraphs: &[&str]) -> Vec<ParagraphKind> {
        let owned: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
        classify(&owned)
    }

    #[test]
    fn furniture_is_recognised() {
        let got = kinds(&[
            "Eerste alinea van het stuk.",
            "Lees ook Waarom Loekasjenko zijn leger liever buiten de oorlog houdt",
            "KIJK. Beelden tonen de aankomst van Vladimir Poetin maandag in Wit-Rusland.",
            "Revolte",
            "‘Giftige mensen’",
            "“Verjaardagsoffensief?”",
            "Een uitgebreide analyse leest u in dit plusartikel.",
            "Poetin en Loekasjenko aan een kleine tafel in Minsk.",
            "Foto: ANP",
            "Cech, Ferreira, Carvalho, Terry, Gallas, Tiago.",
            "H Webb (S Yorkshire).",
            "Laatste alinea, met een werkwoord dat is.",
        ]);
        assert_eq!(
            got,
            [
                Body,
                Boilerplate,
                Boilerplate,
                Subheading,
                Subheading,
                Subheading,
                Boilerplate,
                Caption,
                Caption,
                Body,
                Body,
                Body
            ]
        );
    }

    #[test]
    fn ordinary_short_paragraphs_stay_body() {
        let got = kinds(&[
            "Intro.",
            "Poetin ontkende dat.",
            "The firm said profits fell.",
            "\"We are delighted,\" he said.",
            "Is dit het einde van de oorlog in Oekraïne, vraagt iedereen zich af?",
            "kleine letter zonder punt",
            "Slot.",
        ]);
        assert_eq!(got, [Body, Body, Body, Body, Body, Body, Body]);
    }

    #[test]
    fn a_repeated_quotation_is_a_pull_quote_but_new_dialogue_is_not() {
        let got = kinds(&[
            "Hartog: \"Poetin wil Loekasjenko compleet domineren en Belarus gebruiken voor zijn eigen agenda.\"",
            "\"Poetin wil Belarus gebruiken voor zijn eigen agenda.\"",
            "\"Dat is een heel ander verhaal over iets anders.\"",
            "Slot.",
        ]);
        assert_eq!(got, [Body, PullQuote, Body, Body]);
    }

    #[test]
    fn the_last_paragraph_is_never_a_subheading() {
        assert_eq!(kinds(&["Intro.", "Slotregel"]), [Body, Body]);
    }
}
