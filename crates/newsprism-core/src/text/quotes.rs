//! Quotation marks: every style Dutch and English news uses, with the apostrophes that must
//! never open or close a quotation. Quotes and their speakers are found in `compare::quotes`;
//! the timeline reads a speaker's "today" inside them against the day the words were said.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::tokenize::tokenize;

/// The punctuation style of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Style {
    /// „…” or „…“
    LowHigh,
    /// ,,…”
    DoubleComma,
    /// “…”
    Curly,
    /// ‘…’
    CurlySingle,
    /// «…»
    Guillemets,
    /// "…"
    Straight,
    /// '…'
    StraightSingle,
    /// Name: …
    Colon,
}

impl Style {
    /// The marks, for display.
    pub fn marks(self) -> &'static str {
        match self {
            Style::LowHigh => "„…”",
            Style::DoubleComma => ",,…”",
            Style::Curly => "“…”",
            Style::CurlySingle => "‘…’",
            Style::Guillemets => "«…»",
            Style::Straight => "\"…\"",
            Style::StraightSingle => "'…'",
            Style::Colon => "name: …",
        }
    }
}

fn family(open: char, next: Option<char>) -> Option<(Style, &'static [char])> {
    Some(match open {
        '„' => (Style::LowHigh, &['”', '“', '"']),
        ',' if next == Some(',') => (Style::DoubleComma, &['”', '“', '"', '\'']),
        '“' => (Style::Curly, &['”', '"']),
        '‘' => (Style::CurlySingle, &['’']),
        '«' => (Style::Guillemets, &['»']),
        '"' => (Style::Straight, &['"', '”']),
        '\'' => (Style::StraightSingle, &['\'', '’']),
        _ => return None,
    })
}

/// Quotations marked by quotation marks in a stretch of text: (style, inner range, outer range).
pub fn marked(text: &str) -> Vec<(Style, Range<usize>, Range<usize>)> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| cs.get(k).map(|c| c.1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < cs.len() {
        let (pos, c) = cs[k];
        let prev = k.checked_sub(1).and_then(at);
        let Some((style, closers)) = family(c, at(k + 1)) else {
            k += 1;
            continue;
        };
        let open_len = if style == Style::DoubleComma { 2 } else { 1 };
        let after = at(k + open_len);
        let single = matches!(style, Style::CurlySingle | Style::StraightSingle);
        let ok_open = !prev.is_some_and(char::is_alphanumeric)
            && after.is_some_and(|a| !a.is_whitespace())
            // "'s avonds", "'t", "'n": apostrophe words, not quotes.
            && !(single && apostrophe_word(&cs, k + 1));
        if !ok_open {
            k += open_len;
            continue;
        }
        let mut m = k + open_len;
        let mut found = None;
        // A quotation over several paragraphs, its paragraphs run together (as BBC text files
        // have them): each opens with a mark and only the last closes. A mark that opens after
        // a sentence's end (`. "We dug in`) ends the quotation before it.
        let mut unclosed = None;
        while m < cs.len() {
            let (_, d) = cs[m];
            if d == '\n' && at(m + 1) == Some('\n') {
                break;
            }
            if style == Style::Straight && opens_after_a_sentence(&cs, m) {
                unclosed = Some(m);
                break;
            }
            if closers.contains(&d) {
                let before = at(m - 1);
                let next = at(m + 1);
                let boundary = !next.is_some_and(char::is_alphanumeric);
                let glued = !before.is_some_and(char::is_whitespace) || spaced_closer(&cs, m);
                // A straight quote that could open a nested quote is not a closer.
                if boundary && glued && m > k + open_len {
                    found = Some(m);
                    break;
                }
            }
            m += 1;
        }
        if let Some(m) = unclosed {
            let inner = cs[k + open_len].0..cs[unclosed_end(&cs, k + open_len, m)].0;
            if !tokenize(&text[inner.clone()]).is_empty() {
                out.push((style, trim(text, inner.clone()), pos..inner.end));
            }
            k = m;
            continue;
        }
        match found {
            Some(m) => {
                let inner = stray_mark(text, cs[k + open_len].0..cs[m].0);
                let end = cs[m].0 + cs[m].1.len_utf8();
                let words = tokenize(&text[inner.clone()]);
                if !words.is_empty() {
                    out.push((style, trim(text, inner), pos..end));
                }
                k = m + 1;
            }
            None => k += open_len,
        }
    }
    out
}

/// Where a quotation opened at char `from` and never closed ends, given that the mark at `m`
/// opens the next one: at the sentence's end before `m`, or, after a colon (`life. He added:
/// "The`), at the sentence's end before the reporter's words that lead the next.
fn unclosed_end(cs: &[(usize, char)], from: usize, m: usize) -> usize {
    if cs[m - 2].1 == ':' {
        if let Some(e) = (from..m - 2)
            .rev()
            .find(|&e| matches!(cs[e].1, '.' | '!' | '?'))
        {
            return e + 1;
        }
    }
    m - 1
}

/// A double mark after a space that follows a comma or a sentence's end, with a space after it
/// (`industry, " Eric Abensur said`): a typist's closing mark, which cannot open a quotation.
fn spaced_closer(cs: &[(usize, char)], m: usize) -> bool {
    let at = |k: usize| cs.get(k).map(|c| c.1);
    matches!(at(m), Some('"' | '”'))
        && m >= 2
        && at(m - 1) == Some(' ')
        && at(m - 2).is_some_and(|e| matches!(e, ',' | '.' | '!' | '?'))
        && at(m + 1).is_none_or(char::is_whitespace)
}

/// A quotation opened by two marks, one of them never closed (`"'We are hoping …"`): without
/// the stray one.
fn stray_mark(text: &str, inner: Range<usize>) -> Range<usize> {
    let s = &text[inner.clone()];
    let Some(c) = s.chars().next().filter(|c| matches!(c, '\'' | '‘')) else {
        return inner;
    };
    let rest = &s[c.len_utf8()..];
    // "'s avonds", "'t", "'80": an apostrophe word, not a mark.
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let apostrophe = apostrophe_word(&chars, 0);
    if apostrophe || rest.contains(c) || rest.contains('’') {
        return inner;
    }
    inner.start + c.len_utf8()..inner.end
}

/// Whether the straight mark at `m` opens a quotation after a sentence's end (`. "We`).
fn opens_after_a_sentence(cs: &[(usize, char)], m: usize) -> bool {
    let at = |k: usize| cs.get(k).map(|c| c.1);
    at(m) == Some('"')
        && m >= 2
        && at(m - 1).is_some_and(char::is_whitespace)
        && at(m + 1).is_some_and(char::is_alphanumeric)
        && at(m - 2).is_some_and(|e| matches!(e, '.' | '!' | '?' | ':'))
}

fn apostrophe_word(cs: &[(usize, char)], k: usize) -> bool {
    let word: String = cs[k..]
        .iter()
        .map(|c| c.1)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let w = word.to_lowercase();
    matches!(
        w.as_str(),
        "s" | "t" | "n" | "k" | "m" | "r" | "em" | "tis" | "twas"
    ) || (w.len() == 2 && w.chars().all(|c| c.is_ascii_digit()))
}

pub(crate) fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    r.start + lead..r.end - tail
}
