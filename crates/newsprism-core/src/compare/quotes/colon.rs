//! Quotations led by a name and a colon, without marks ("Kemper: Belarus wil …"), and the name
//! before a colon that leads a quotation.

use std::ops::Range;

use super::Style;
use crate::compare::names::{is_name_adjective, is_person_title, NameContext};
use crate::compare::words::{Doc, Sentence};
use crate::text::quotes::trim;
use crate::text::tokenize::tokenize;

/// "Kemper: Belarus wil …": a name (with an optional title) opening a sentence, a colon, then
/// words that are not in quotation marks.
pub(super) fn colon_quotes(
    doc: &Doc,
    sentences: &[&Sentence],
    marked: &[(Style, Range<usize>, Range<usize>)],
    ctx: &NameContext,
) -> Vec<(Style, Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    for s in sentences {
        let text = doc.units[s.unit].text;
        let sent = &text[s.range.clone()];
        let Some(colon) = sent.find(':') else {
            continue;
        };
        let head = &sent[..colon];
        if head.split_whitespace().count() > 5 || head.is_empty() {
            continue;
        }
        let colon_at = s.range.start + colon;
        let rest_start = colon_at + 1;
        let rest = &text[rest_start..s.range.end];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() || trimmed.starts_with(['„', '“', '"', '‘', '\'', '«']) {
            continue;
        }
        if marked
            .iter()
            .any(|m| m.2.start < s.range.end && m.2.end > colon_at)
        {
            continue;
        }
        // The head must be a name, possibly after a title: "Hartog", "analist Schraibman".
        let head_words = s.words.iter().filter(|w| w.range.end <= colon_at).count();
        if colon_head(doc, s, head_words, ctx).is_none() || tokenize(trimmed).len() < 3 {
            continue;
        }
        let inner = trim(text, rest_start..s.range.end);
        out.push((Style::Colon, inner.clone(), s.range.start..inner.end));
    }
    out
}

/// The speaker named before a colon that ends at word `head_words`: "Kemper", "correspondent
/// Hartog", "De analist Schraibman". The colon itself is evidence of a name, so a capitalised
/// word counts here even where it only ever opens sentences.
pub(super) fn colon_head(
    doc: &Doc,
    s: &Sentence,
    head_words: usize,
    ctx: &NameContext,
) -> Option<String> {
    if head_words == 0 || head_words > 5 {
        return None;
    }
    let text = doc.units[s.unit].text;
    let names = ctx.names(doc, s);
    if let Some(n) = names.iter().find(|n| n.words.end == head_words) {
        let titled = s.words[..n.words.start]
            .iter()
            .all(|w| is_person_title(&w.key) || matches!(w.key.as_str(), "de" | "het" | "the"));
        return titled.then(|| n.text.clone());
    }
    // Capitalised words back from the colon, after optional titles.
    let mut start = head_words;
    while start > 0
        && s.words[start - 1].capital
        && !is_name_adjective(&s.words[start - 1].key)
        && !is_person_title(&s.words[start - 1].key)
    {
        start -= 1;
    }
    if start == head_words || head_words - start > 3 {
        return None;
    }
    let titled = s.words[..start]
        .iter()
        .all(|w| is_person_title(&w.key) || matches!(w.key.as_str(), "de" | "het" | "the"));
    let single_common =
        head_words - start == 1 && crate::text::stopwords::is_stopword(&s.words[start].key);
    (titled && !single_common)
        .then(|| text[s.words[start].range.start..s.words[head_words - 1].range.end].to_string())
}
