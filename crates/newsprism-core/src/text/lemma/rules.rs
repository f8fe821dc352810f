//! Spelling rules for word forms the lexicon lacks: each rule strips an ending and rebuilds the
//! dictionary forms Dutch or English spelling allows, and a candidate counts only when the
//! lexicon knows it as a dictionary form (`is_lemma`). So "gestopt" becomes "stoppen" because
//! "stoppen" is a verb the lexicon knows, and nothing turns "bestuur" into a verb "bestuuren".
//!
//! Dutch: apostrophe plurals ("taxi's", keyed "taxis"), plurals in -en and -s, diminutives (-je,
//! -tje, -pje, -etje and their plurals), participles (ge-…-d/-t, inflected, also after a separable
//! verb's particle: "afgerond" → "afronden"), past tenses (-de, -te, -den, -ten), present -t
//! forms, present participles (-end, -ende), superlatives and comparatives (-st, -ste, -er, -ere),
//! inflected adjectives (-e). Stems are respelled as the endings require: doubled consonants
//! ("stopt" → "stoppen", "rebellen" → "rebel"), doubled vowels ("droogt" → "drogen", "grote" →
//! "groot"), and v/f and z/s ("erfde" → "erven", "respectieve" → "respectief").
//!
//! English: -s, -es, -ies, -ed, -ied, -ing, -er, -est, with doubled consonants ("stopped",
//! "bigger") and a dropped -e ("hoped", "nicer").

use crate::text::language::Language;

/// Separable verbs' particles that come before "ge" in a participle ("aangepast", "afgerond").
const PARTICLES: [&str; 28] = [
    "aan", "achter", "af", "bij", "binnen", "dicht", "door", "in", "los", "mee", "na", "neer",
    "om", "onder", "op", "over", "samen", "terug", "thuis", "tegen", "toe", "uit", "vast", "voor",
    "voorbij", "vrij", "weg", "teweeg",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Pushes the first candidate `is_lemma` accepts, if any.
fn first_known(candidates: Vec<String>, is_lemma: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
    if let Some(c) = candidates.into_iter().find(|c| c.len() > 1 && is_lemma(c)) {
        out.push(c);
    }
}

/// v → f and z → s at the end of a stem ("leev" → "leef"), or the other way round.
fn swap_voicing(stem: &str, to_voiced: bool) -> Option<String> {
    let (from, to) = if to_voiced {
        ([b'f', b's'], [b'v', b'z'])
    } else {
        ([b'v', b'z'], [b'f', b's'])
    };
    let last = *stem.as_bytes().last()?;
    let i = from.iter().position(|&c| c == last)?;
    Some(format!("{}{}", &stem[..stem.len() - 1], char::from(to[i])))
}

/// A stem with a long vowel spelled single in an open syllable written double ("grot" →
/// "groot"), or a doubled vowel written single ("droog" → "drog").
fn respell_vowel(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 3 || is_vowel(b[n - 1]) {
        return None;
    }
    let (v, before) = (b[n - 2], b[n - 3]);
    if !is_vowel(v) || !b.is_ascii() {
        return None;
    }
    if before == v {
        // "droog" → "drog"
        return Some(format!("{}{}", &stem[..n - 2], &stem[n - 1..]));
    }
    // "grot" → "groot": only after a consonant (not "bloei", not "ee" + more).
    (!is_vowel(before) && v != b'i')
        .then(|| format!("{}{}{}", &stem[..n - 1], char::from(v), &stem[n - 1..]))
}

/// The infinitives a Dutch verb stem can have, most likely first.
fn infinitives(stem: &str) -> Vec<String> {
    let b = stem.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    if n < 2 || !b.is_ascii() {
        return out;
    }
    let last = b[n - 1];
    if is_vowel(last) {
        // "staa" → "staan", "doe" → "doen", "ruzie" → "ruzieen"
        out.push(format!("{stem}n"));
        out.push(format!("{stem}en"));
        return out;
    }
    let short = n >= 2 && is_vowel(b[n - 2]) && (n < 3 || !is_vowel(b[n - 3]));
    if short && !matches!(last, b'w' | b'j' | b'x') {
        out.push(format!("{stem}{}en", char::from(last))); // "stop" → "stoppen"
    }
    if let Some(r) = respell_vowel(stem).filter(|_| n >= 3 && b[n - 2] == b[n - 3]) {
        out.push(format!("{r}en")); // "droog" → "drogen"
        out.extend(swap_voicing(&r, true).map(|v| format!("{v}en"))); // "leef" → "leven"
    }
    out.push(format!("{stem}en"));
    out.extend(swap_voicing(stem, true).map(|v| format!("{v}en"))); // "erf" → "erven"
    out
}

/// The dictionary forms a Dutch noun or adjective stem can have ("rebell" → "rebel", "grot" →
/// "groot", "respectiev" → "respectief"), most likely first.
fn base_forms(stem: &str) -> Vec<String> {
    let b = stem.as_bytes();
    let n = b.len();
    let mut out = vec![stem.to_string()];
    if n < 2 || !b.is_ascii() {
        return out;
    }
    if b[n - 1] == b[n - 2] {
        out.push(stem[..n - 1].to_string()); // "rebell" → "rebel", "autoo" → "auto"
    }
    let unvoiced = swap_voicing(stem, false);
    for s in std::iter::once(stem.to_string()).chain(unvoiced.clone()) {
        out.extend(respell_vowel(&s)); // "grot" → "groot", "boz" → "boos"
    }
    out.extend(unvoiced);
    out
}

/// Dutch candidates for a word form the lexicon lacks.
fn dutch(w: &str, is_lemma: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
    let strip = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() >= 2);
    // Plurals: "-s" (also "taxi's", keyed without its apostrophe) and "-en".
    for suffix in ["s", "en"] {
        if let Some(s) = strip(suffix) {
            first_known(base_forms(s), is_lemma, out);
        }
    }
    // Diminutives and their plurals.
    let small = ["etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"];
    let stems = small.iter().filter_map(|s| strip(s));
    first_known(stems.flat_map(base_forms).collect(), is_lemma, out);
    // Participles, inflected or not, with a separable particle in front or not.
    let bare = strip("en")
        .filter(|s| s.ends_with(['d', 't']))
        .or_else(|| strip("e").filter(|s| s.ends_with(['d', 't'])))
        .unwrap_or(w);
    if bare.len() > 3 && bare.ends_with(['d', 't']) {
        // The ending is -d or -t, or merged into a stem ending in one ("afgerond" → "rond").
        for stem in [&bare[..bare.len() - 1], bare] {
            for particle in PARTICLES {
                if let Some(rest) = stem.strip_prefix(particle).filter(|r| r.len() >= 2) {
                    let rest = rest
                        .strip_prefix("ge")
                        .filter(|r| r.len() >= 2)
                        .unwrap_or(rest);
                    let joined = infinitives(rest)
                        .into_iter()
                        .map(|i| format!("{particle}{i}"));
                    first_known(joined.collect(), is_lemma, out);
                }
            }
            let rest = stem
                .strip_prefix("ge")
                .filter(|r| r.len() >= 2)
                .unwrap_or(stem);
            first_known(infinitives(rest), is_lemma, out);
            // A stem that keeps its "ge" ("geloof" → "geloven").
            first_known(infinitives(stem), is_lemma, out);
        }
    }
    // Past tenses and present participles.
    for suffix in ["den", "ten", "de", "te", "ende", "end"] {
        if let Some(s) = strip(suffix) {
            first_known(infinitives(s), is_lemma, out);
        }
    }
    // Superlatives, comparatives, inflected adjectives.
    let degrees = ["ste", "st", "ere", "er", "e"];
    let stems = degrees.iter().filter_map(|s| strip(s));
    first_known(stems.flat_map(base_forms).collect(), is_lemma, out);
}

/// English candidates for a word form the lexicon lacks.
fn english(w: &str, is_lemma: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
    let strip = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() >= 2);
    let undouble = |s: &str| {
        let b = s.as_bytes();
        (b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| s[..s.len() - 1].to_string())
    };
    for (suffix, y) in [("ies", true), ("ied", true), ("ier", true), ("iest", true)] {
        if let Some(s) = strip(suffix).filter(|_| y) {
            first_known(vec![format!("{s}y")], is_lemma, out);
        }
    }
    for suffix in ["es", "s"] {
        if let Some(s) = strip(suffix) {
            first_known(vec![s.to_string()], is_lemma, out);
        }
    }
    for suffix in ["ed", "ing", "er", "est"] {
        if let Some(s) = strip(suffix) {
            let mut c: Vec<String> = undouble(s).into_iter().collect();
            c.push(format!("{s}e"));
            c.push(s.to_string());
            first_known(c, is_lemma, out);
        }
    }
}

/// Candidate dictionary forms of a word form the lexicon lacks, each one the lexicon knows as a
/// dictionary form; pushed onto `out`.
pub(super) fn candidates(
    language: Language,
    key: &str,
    is_lemma: &dyn Fn(&str) -> bool,
    out: &mut Vec<String>,
) {
    if !key.is_ascii() || key.len() < 3 {
        return;
    }
    match language {
        Language::Dutch => dutch(key, is_lemma, out),
        Language::English => english(key, is_lemma, out),
        _ => {}
    }
}

/// The shortest modifier and head a Dutch compound split accepts. Chosen on UD LassySmall's
/// gold compounds (`make bench-lemmas`): with 3-letter modifiers, "pre|mier", "bar|baren" and
/// "mee|ster" split too.
const MIN_MODIFIER: usize = 4;
const MIN_HEAD: usize = 4;

/// Derivational prefixes: "ver|band", "be|drijven" are not compounds.
const PREFIXES: [&str; 10] = [
    "be", "ge", "er", "her", "ont", "ver", "on", "mis", "wan", "aarts",
];

/// Derivational endings: a head that is little more than one ("split|sing", "redene|ring") is
/// a suffix, not a word.
const ENDINGS: [&str; 8] = [
    "ing", "ingen", "isch", "ische", "isme", "heid", "lijk", "lijke",
];

/// The head of a Dutch compound: the longest tail of at least [`MIN_HEAD`] letters that
/// `known` accepts and that is not a verb form, after a modifier of at least [`MIN_MODIFIER`]
/// letters that `known` accepts too, directly or without a linking -s-, -e- or -en-
/// ("gemeente|raadslid", "tegen|aanval", "boeken|kast"). Verb forms ("promoveerde") and words
/// after a derivational prefix ("ver|band") are not split. `None` for words that do not split.
pub(super) fn compound_head<'k>(
    key: &'k str,
    known: &dyn Fn(&str) -> bool,
    verb: &dyn Fn(&str) -> bool,
) -> Option<&'k str> {
    if !key.is_ascii() || key.len() < MIN_MODIFIER + MIN_HEAD || verb(key) {
        return None;
    }
    (MIN_MODIFIER..=key.len() - MIN_HEAD).find_map(|cut| {
        let (modifier, head) = key.split_at(cut);
        if PREFIXES.contains(&modifier) || verb(head) {
            return None;
        }
        if ENDINGS
            .iter()
            .any(|e| head.ends_with(e) && head.len() < e.len() + 3)
        {
            return None;
        }
        let linked = [
            modifier.strip_suffix('s'),
            modifier.strip_suffix("en"),
            modifier.strip_suffix('e'),
        ];
        let modifier_known = known(modifier)
            || linked
                .iter()
                .flatten()
                .any(|m| m.len() >= MIN_MODIFIER - 1 && known(m));
        (modifier_known && known(head)).then_some(head)
    })
}
