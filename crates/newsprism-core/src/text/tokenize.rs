//! Words and numbers with their byte offsets, and the keys they are indexed under.
//!
//! A token is a run of letters and digits, with the joins news text uses inside words:
//! an apostrophe between letters ("scenario's", "Putin's"), and a full stop or comma between
//! digits ("10.000", "4,5"). A hyphen splits a compound into parts but remembers the join
//! ("Wit-Rusland" → "Wit" + "Rusland"), so the whole compound can be matched as a phrase of its
//! parts and each part on its own.

use super::fold::fold;

/// One word or number in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Whether a hyphen joins this token to the next ("Wit" in "Wit-Rusland").
    pub joined_to_next: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits text into tokens.
///
/// ```
/// use newsprism_core::text::tokenize::tokenize;
/// let words: Vec<&str> = tokenize("Wit-Rusland: 10.000 man, scenario's.").iter().map(|t| t.text).collect();
/// assert_eq!(words, ["Wit", "Rusland", "10.000", "man", "scenario's"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t));
    out
}

/// Calls `f` for each token in order, without allocating: the indexer's hot loop.
pub fn for_each_token<'a>(text: &'a str, mut f: impl FnMut(Token<'a>)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The character at byte `at`, and its length.
    let char_at = |at: usize| -> Option<(char, usize)> {
        let b = *bytes.get(at)?;
        if b < 0x80 {
            Some((char::from(b), 1))
        } else {
            text[at..].chars().next().map(|c| (c, c.len_utf8()))
        }
    };
    while let Some((c, len)) = char_at(i) {
        if !c.is_alphanumeric() {
            i += len;
            continue;
        }
        let start = i;
        let mut prev = c;
        let mut j = i + len;
        let mut joined = false;
        while let Some((c, len)) = char_at(j) {
            if c.is_alphanumeric() {
                prev = c;
                j += len;
                continue;
            }
            let next = char_at(j + len);
            let continues = match next {
                Some((n, _)) if c == '.' || c == ',' => prev.is_ascii_digit() && n.is_ascii_digit(),
                Some((n, _)) if is_apostrophe(c) => prev.is_alphabetic() && n.is_alphabetic(),
                _ => false,
            };
            if continues {
                if let Some((n, nlen)) = next {
                    prev = n;
                    j += len + nlen;
                }
                continue;
            }
            joined = is_hyphen(c) && next.is_some_and(|(n, _)| n.is_alphanumeric());
            break;
        }
        f(Token {
            text: &text[start..j],
            start,
            end: j,
            joined_to_next: joined,
        });
        i = j;
    }
}

/// The key a token is indexed and searched under: folded, apostrophes dropped, and numbers in
/// one form ("10.000" and "10,000" are both `10000`; "4,5" is `4.5`).
pub fn term_key(token: &str) -> String {
    let folded = fold(token);
    if folded.starts_with(|c: char| c.is_ascii_digit()) && folded.contains(['.', ',']) {
        return number_key(&folded);
    }
    folded.replace(['\'', '’', 'ʼ'], "")
}

/// [`term_key`] into a reused buffer, with a fast path for plain ASCII words (most of them).
pub fn term_key_into(token: &str, out: &mut String) {
    out.clear();
    if token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.extend(token.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&term_key(token));
    }
}

fn number_key(n: &str) -> String {
    let groups: Vec<&str> = n.split(['.', ',']).collect();
    let thousands = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if thousands {
        groups.concat()
    } else {
        n.replace(',', ".")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_the_joins_news_text_uses() {
        let cases: &[(&str, &[&str])] = &[
            ("Oekraïne?Maandag", &["Oekraïne", "Maandag"]),
            ("S-400 luchtverdediging", &["S", "400", "luchtverdediging"]),
            (
                "9.000 Russische troepen",
                &["9.000", "Russische", "troepen"],
            ),
            ("£5,000.50 and 4,5%", &["5,000.50", "and", "4,5"]),
            ("Putin's war; don’t", &["Putin's", "war", "don’t"]),
            ("'s avonds", &["s", "avonds"]),
            ("einde.Begin", &["einde", "Begin"]),
            ("— … –", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = tokenize(text).iter().map(|t| t.text).collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn hyphens_join_compound_parts() {
        let t = tokenize("de Wit-Russische leider");
        let joined: Vec<bool> = t.iter().map(|t| t.joined_to_next).collect();
        assert_eq!(joined, [false, true, false, false]);
        assert_eq!(
            &"de Wit-Russische leider"[t[1].start..t[2].end],
            "Wit-Russische"
        );
    }

    #[test]
    fn keys_fold_and_normalise_numbers() {
        let cases = [
            ("Oekraïne", "oekraine"),
            ("10.000", "10000"),
            ("10,000", "10000"),
            ("4,5", "4.5"),
            ("1.5", "1.5"),
            ("2022", "2022"),
            ("scenario's", "scenarios"),
            ("Putin’s", "putins"),
        ];
        for (token, key) in cases {
            assert_eq!(term_key(token), key, "{token}");
        }
    }
}
