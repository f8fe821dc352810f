//! Highlighting and best-passage snippets.
//!
//! Highlighting splits text into [`Span`]s (plain or hit); the UI renders each as a text node,
//! so article text is never turned into markup. A phrase hit covers its words and what lies
//! between them ("Wit-Rusland" is one highlighted span, hyphen included).

use std::ops::Range;

use super::engine::Matches;
use crate::article::{Article, ParagraphKind};
use crate::text::sentence::sentences;
use crate::text::tokenize::{term_key, term_key_into, tokenize};

/// A piece of text, highlighted or not.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// The text, exactly as in the article.
    pub text: String,
    /// Whether it matched the query.
    pub hit: bool,
}

/// Where a snippet comes from and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The paragraph it comes from.
    pub paragraph: usize,
    /// Its text as spans; an elided start or end is marked with "…".
    pub spans: Vec<Span>,
}

/// Byte ranges of the hits in `text`, sorted and merged.
pub fn hit_ranges(text: &str, matches: &Matches) -> Vec<Range<usize>> {
    let tokens = tokenize(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    if matches.phrases.is_empty() {
        // Words only (most queries): each key made in one buffer, no list of them kept.
        let mut key = String::new();
        for t in &tokens {
            term_key_into(t.text, &mut key);
            if matches.keys.contains(key.as_str()) {
                ranges.push(t.start..t.end);
            }
        }
        return ranges;
    }
    let keys: Vec<String> = tokens.iter().map(|t| term_key(t.text)).collect();
    for (i, key) in keys.iter().enumerate() {
        if matches.keys.contains(key) {
            ranges.push(tokens[i].start..tokens[i].end);
        }
    }
    for phrase in &matches.phrases {
        if phrase.is_empty() || phrase.len() > keys.len() {
            continue;
        }
        for i in 0..=keys.len() - phrase.len() {
            if keys[i..i + phrase.len()] == phrase[..] {
                ranges.push(tokens[i].start..tokens[i + phrase.len() - 1].end);
            }
        }
    }
    crate::sorting::sort_by_key(&mut ranges, |r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The whole text as spans.
pub fn highlight(text: &str, matches: &Matches) -> Vec<Span> {
    spans_between(text, &hit_ranges(text, matches), 0..text.len())
}

/// The whole text as spans with one passage marked (a sentence a link points to). A range off
/// the text or off character boundaries (a stale link after an edit) marks nothing.
///
/// ```
/// use newsprism_core::search::snippet::mark_range;
/// let spans = mark_range("Maandag kwam hij.", 0..7);
/// assert_eq!((spans[0].text.as_str(), spans[0].hit), ("Maandag", true));
/// assert_eq!(mark_range("kort", 2..9).len(), 1);
/// ```
pub fn mark_range(text: &str, range: Range<usize>) -> Vec<Span> {
    let valid = range.start < range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end);
    let hits = if valid { vec![range] } else { Vec::new() };
    spans_between(text, &hits, 0..text.len())
}

fn spans_between(text: &str, hits: &[Range<usize>], window: Range<usize>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = window.start;
    for r in hits {
        if r.end <= window.start || r.start >= window.end {
            continue;
        }
        let (s, e) = (r.start.max(window.start), r.end.min(window.end));
        if s > at {
            out.push(Span {
                text: text[at..s].to_string(),
                hit: false,
            });
        }
        out.push(Span {
            text: text[s..e].to_string(),
            hit: true,
        });
        at = e;
    }
    if at < window.end {
        out.push(Span {
            text: text[at..window.end].to_string(),
            hit: false,
        });
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The paragraph and sentence with the most distinct matched words, content before furniture,
/// more hits before fewer, earlier before later.
fn best_sentence(article: &Article, matches: &Matches) -> Option<(usize, Range<usize>)> {
    // (content paragraph, distinct words, hits), paragraph, sentence.
    type Candidate = ((bool, usize, usize), usize, Range<usize>);
    let mut best: Option<Candidate> = None;
    for (pi, p) in article.paragraphs.iter().enumerate() {
        let hits = hit_ranges(&p.text, matches);
        if hits.is_empty() {
            continue;
        }
        let content = p.kind != ParagraphKind::Boilerplate;
        for s in sentences(&p.text) {
            let inside: Vec<&Range<usize>> = hits
                .iter()
                .filter(|h| h.start >= s.start && h.end <= s.end)
                .collect();
            if inside.is_empty() {
                continue;
            }
            let distinct: std::collections::BTreeSet<String> = inside
                .iter()
                .map(|h| crate::text::fold::fold(&p.text[(*h).clone()]))
                .collect();
            let score = (content, distinct.len(), inside.len());
            if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, pi, s));
            }
        }
    }
    best.map(|(_, pi, s)| (pi, s))
}

/// A long sentence cut to about `max_chars`, centred on its first hit, at word boundaries.
fn cut_around_first_hit(
    text: &str,
    hits: &[Range<usize>],
    sentence: Range<usize>,
    max_chars: usize,
) -> Range<usize> {
    let first = hits.iter().find(|h| h.start >= sentence.start);
    let (first_start, first_end) =
        first.map_or((sentence.start, sentence.start), |h| (h.start, h.end));
    let mut start = floor_char(
        text,
        first_start
            .saturating_sub(max_chars / 3)
            .max(sentence.start),
    );
    if start > sentence.start {
        if let Some(i) = text[start..first_start].find(' ') {
            start += i + 1;
        }
    }
    let mut end = floor_char(text, (start + max_chars).min(sentence.end));
    if end < sentence.end && end > first_end {
        if let Some(i) = text[first_end..end].rfind(' ') {
            end = first_end + i;
        }
    }
    start..end.max(first_end)
}

/// The passage that shows the query best: the sentence with the most distinct matched words
/// (content before furniture, earlier before later), cut to about `max_chars` around its hits.
pub fn best_passage(article: &Article, matches: &Matches, max_chars: usize) -> Option<Snippet> {
    let (pi, sentence) = best_sentence(article, matches)?;
    let text = &article.paragraphs[pi].text;
    let hits = hit_ranges(text, matches);
    let window = if sentence.len() > max_chars {
        cut_around_first_hit(text, &hits, sentence, max_chars)
    } else if sentence.len() < max_chars / 2 {
        // A short sentence: add the next one if it fits.
        let mut window = sentence.clone();
        if let Some(next) = sentences(text)
            .into_iter()
            .find(|s| s.start >= sentence.end)
        {
            if next.end - window.start <= max_chars {
                window.end = next.end;
            }
        }
        window
    } else {
        sentence
    };
    let mut spans = spans_between(text, &hits, window.clone());
    if window.start > 0 {
        spans.insert(
            0,
            Span {
                text: "… ".into(),
                hit: false,
            },
        );
    }
    if window.end < text.trim_end().len() {
        spans.push(Span {
            text: " …".into(),
            hit: false,
        });
    }
    Some(Snippet {
        paragraph: pi,
        spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(keys: &[&str], phrases: &[&[&str]]) -> Matches {
        Matches {
            keys: keys.iter().map(|s| s.to_string()).collect(),
            phrases: phrases
                .iter()
                .map(|p| p.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    fn render(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn hits_are_marked_by_key_and_phrase() {
        let m = matches(&["oekraine", "soldaten"], &[&["wit", "rusland"]]);
        assert_eq!(
            render(&highlight(
                "In Oekraïne en Wit-Rusland staan soldaten; Rusland niet.",
                &m
            )),
            "In [Oekraïne] en [Wit-Rusland] staan [soldaten]; Rusland niet."
        );
        assert_eq!(render(&highlight("<b>niets</b>", &m)), "<b>niets</b>");
    }

    #[test]
    fn the_best_passage_is_the_sentence_with_most_distinct_hits() {
        let article = crate::ingest::parse_article(
            "a.txt",
            " date 2022-12 Poetin was in Minsk. Later sprak Poetin met Loekasjenko in Minsk over gas.\n\nLees ook Poetin en Loekasjenko en Minsk in beeld".as_bytes(),
        )
        .unwrap()
        .article;
        let m = matches(&["poetin", "loekasjenko", "minsk"], &[]);
        let s = best_passage(&article, &m, 200).unwrap();
        assert_eq!(s.paragraph, 0);
        assert_eq!(
            render(&s.spans),
            "… Later sprak [Poetin] met [Loekasjenko] in [Minsk] over gas."
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_hit() {
        let long = format!("{} Minsk {}.", "woord ".repeat(80), "ander ".repeat(80));
        let article = crate::ingest::parse_article("b.txt", long.as_bytes())
            .unwrap()
            .article;
        let s = best_passage(&article, &matches(&["minsk"], &[]), 120).unwrap();
        let text = render(&s.spans);
        assert!(text.contains("[Minsk]"), "{text}");
        assert!(text.starts_with("… ") && text.ends_with(" …"), "{text}");
        assert!(text.chars().count() < 140, "{}", text.chars().count());
    }
}
