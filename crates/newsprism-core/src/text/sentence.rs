//! Sentence boundaries in news prose, Dutch and English.
//!
//! Unicode's default sentence rules (UAX #29) split after every "dhr." and "Mr."; this splitter
//! knows the abbreviations and initials of news text, keeps closing quotes with their sentence,
//! and still splits where copy-paste has eaten a space ("in Oekraïne?Maandag bracht …").
//! It only finds boundaries; it never changes the text.

use std::ops::Range;

/// Words that end in a full stop without ending a sentence (compared lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "dhr", "mevr", "mr", "mrs", "ms", "dr", "drs", "ir", "prof", "st", "jr", "sr", "bijv", "bv",
    "o.a", "a.s", "ca", "jl", "nr", "resp", "vs", "e.g", "i.e", "etc", "enz", "zgn", "incl",
    "excl", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep", "rev", "no", "fig", "vgl",
    "mln", "mld", "mrd", "jan", "feb", "aug", "sept", "okt", "oct", "nov", "dec", "u.s", "u.k",
    "p", "pp", "c.q", "m.b.t", "t.a.v", "d.w.z", "i.p.v", "z.g.a.n",
];

/// Closing characters that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '’' | '”' | '»' | '›' | ')' | ']' | '}' | '“' | '‘'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Whether a sentence may start with `c`.
fn can_open(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\'' | '‘' | '“' | '„' | '«' | '‹' | '(' | '[' | '-' | '–' | '—' | ','
        )
}

/// Byte ranges of the sentences in `text`, each trimmed of surrounding white space.
///
/// ```
/// use newsprism_core::text::sentence::sentences;
/// let text = "Dhr. Peskov sprak. Hij zei: „Onzin.” Daarna niets?Morgen meer.";
/// let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(got, ["Dhr. Peskov sprak.", "Hij zei: „Onzin.”", "Daarna niets?", "Morgen meer."]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (_, c) = chars[i];
        if c == '\n' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
            // A blank line always ends a sentence.
            push_trimmed(text, start, chars[i].0, &mut out);
            start = chars[i].0;
            i += 1;
            continue;
        }
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        // Take the whole run of terminals and closers: "?!", "…”", ".)".
        let mut j = i + 1;
        while j < chars.len() && (is_terminal(chars[j].1) || is_closer(chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let next = chars.get(j).map(|&(_, c)| c);
        let boundary = match next {
            None => true,
            Some(n) if n.is_whitespace() => {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                match chars.get(k) {
                    None => true,
                    Some(&(_, after)) => {
                        can_open(after) && !(c == '.' && is_abbreviation(text, chars[i].0))
                    }
                }
            }
            // "Oekraïne?Maandag": a question or exclamation glued to the next sentence.
            Some(n) => c != '.' && c != '…' && n.is_uppercase(),
        };
        if boundary {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i = j;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if start + lead < end - trail {
        out.push(start + lead..end - trail);
    }
}

/// Whether the full stop at byte `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '‘' | '“' | '„'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    // A single capital letter is an initial: "A. Loekasjenko", "J.K. Rowling".
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase();
    }
    if word.split('.').all(|p| p.chars().count() == 1) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_split_as_a_reader_splits_them() {
        let cases: &[(&str, &[&str])] = &[
            ("Een. Twee! Drie?", &["Een.", "Twee!", "Drie?"]),
            (
                "in Oekraïne?Maandag bracht hij",
                &["in Oekraïne?", "Maandag bracht hij"],
            ),
            (
                "Mr. Smith went to Washington. He left.",
                &["Mr. Smith went to Washington.", "He left."],
            ),
            (
                "Volgens A. Loekasjenko niet. Klaar.",
                &["Volgens A. Loekasjenko niet.", "Klaar."],
            ),
            ("„Onzin.” Zo sprak hij.", &["„Onzin.”", "Zo sprak hij."]),
            (
                "Het kost 10.000 euro. Echt.",
                &["Het kost 10.000 euro.", "Echt."],
            ),
            ("Wacht… nee. Ja.", &["Wacht… nee.", "Ja."]),
            (
                "kleine letter. nog steeds dezelfde zin",
                &["kleine letter. nog steeds dezelfde zin"],
            ),
            ("Kop\n\nTekst zonder punt", &["Kop", "Tekst zonder punt"]),
            ("", &[]),
            ("   ", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(split(text), *expected, "{text:?}");
        }
    }
}
