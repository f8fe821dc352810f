//! Decomposed letters composed (canonical composition, as NFC does, for the Latin, Greek and
//! Cyrillic letters news text uses): "e" followed by a combining acute becomes "é". Text that
//! some Mac exports and web pages write decomposed then reads, searches, highlights and compares
//! as the same letters; it looks exactly as written.

use std::borrow::Cow;

use super::compose_table::COMPOSE;
use super::fold::is_combining_mark;

/// Composes each letter with the combining marks that follow it, where Unicode has a
/// precomposed letter; text without combining marks is returned as it is.
///
/// ```
/// use newsprism_core::text::compose::compose;
/// assert_eq!(compose("Loekasjenko's cafe\u{301}"), "Loekasjenko's café");
/// assert_eq!(compose("Vie\u{323}\u{302}t"), "Việt");
/// assert_eq!(compose("q\u{301}"), "q\u{301}");
/// ```
pub fn compose(s: &str) -> Cow<'_, str> {
    if !has_combining_mark(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for c in s.chars() {
        if let Some(base) = last.filter(|_| is_combining_mark(c)) {
            if let Ok(i) = COMPOSE.binary_search_by(|&(a, m, _)| (a, m).cmp(&(base, c))) {
                let composed = COMPOSE[i].2;
                out.truncate(out.len() - base.len_utf8());
                out.push(composed);
                last = Some(composed);
                continue;
            }
        }
        out.push(c);
        last = Some(c);
    }
    Cow::Owned(out)
}

/// Whether the text has a combining mark, looked for on bytes: the marks are U+0300–U+036F
/// (lead bytes CC, CD) and blocks whose three-byte forms start E1, E2 or EF; only there is a
/// character decoded.
fn has_combining_mark(s: &str) -> bool {
    s.bytes().enumerate().any(|(i, b)| match b {
        0xCC | 0xCD => true,
        0xE1 | 0xE2 | 0xEF => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_combining_mark),
        _ => false,
    })
}
