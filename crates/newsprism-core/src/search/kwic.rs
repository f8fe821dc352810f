//! Keyword in context: every occurrence of the query with the words around it, as a concordance.

use super::engine::Matches;
use super::snippet::hit_ranges;
use crate::article::{Article, ArticleId};
use crate::text::fold::fold;
use crate::text::tokenize::tokenize;

/// One line of the concordance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    /// The article.
    pub article: ArticleId,
    /// The paragraph within it.
    pub paragraph: usize,
    /// Byte offset of the hit within the paragraph.
    pub offset: usize,
    /// Text before the hit, cut at a word boundary.
    pub left: String,
    /// The hit, as written.
    pub hit: String,
    /// Text after the hit, cut at a word boundary.
    pub right: String,
}

/// How the concordance is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KwicSort {
    /// In result order, then by position in the text.
    #[default]
    Document,
    /// By the words just before the hit, nearest first.
    Left,
    /// By the words just after the hit.
    Right,
}

fn cut_left(text: &str, width: usize) -> String {
    // Where the last `width` characters begin (none when the text is no longer than that).
    let start = match width
        .checked_sub(1)
        .and_then(|w| text.char_indices().rev().nth(w))
    {
        Some((i, _)) if i > 0 => i,
        _ => return text.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    let tail = &text[start..];
    let tail = match tail.find(' ') {
        Some(i) => &tail[i + 1..],
        None => tail,
    };
    format!("…{}", tail.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn cut_right(text: &str, width: usize) -> String {
    // Where the first `width` characters end (none when the text is no longer than that).
    let Some((end, _)) = text.char_indices().nth(width) else {
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    let head = &text[..end];
    let head = match head.rfind(' ') {
        Some(i) => &head[..i],
        None => head,
    };
    format!("{}…", head.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The concordance of `matches` over `articles` (in the order given), `width` characters of
/// context on each side, at most `limit` lines. The flag says whether lines were left out.
pub fn kwic<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    matches: &Matches,
    width: usize,
    limit: usize,
) -> (Vec<KwicLine>, bool) {
    let mut lines = Vec::new();
    for article in articles {
        for (pi, p) in article.paragraphs.iter().enumerate() {
            for r in hit_ranges(&p.text, matches) {
                if lines.len() == limit {
                    return (lines, true);
                }
                lines.push(KwicLine {
                    article: article.id,
                    paragraph: pi,
                    offset: r.start,
                    left: cut_left(&p.text[..r.start], width),
                    hit: p.text[r.clone()].to_string(),
                    right: cut_right(&p.text[r.end..], width),
                });
            }
        }
    }
    (lines, false)
}

/// A context's words as sort keys: each word's `key` (its dictionary form's stem, from the
/// caller), then the folded word, so that inflections of one word sort together.
fn words(
    text: &str,
    article: ArticleId,
    key: &dyn Fn(ArticleId, &str) -> String,
) -> Vec<(String, String)> {
    tokenize(text)
        .iter()
        .map(|t| {
            let folded = fold(t.text);
            (key(article, &folded), folded)
        })
        .collect()
}

/// Orders concordance lines by the words before or after the hit, each compared by `key` (a
/// folded word's dictionary form, so "won" and "gewonnen" sort as "winnen" does) and then as
/// written; ties keep their order (the sort is stable).
pub fn sort_lines(lines: &mut [KwicLine], sort: KwicSort, key: &dyn Fn(ArticleId, &str) -> String) {
    match sort {
        KwicSort::Document => {}
        KwicSort::Left => crate::sorting::sort_by_cached_key(lines, |l| {
            let mut w = words(&l.left, l.article, key);
            w.reverse();
            w
        }),
        KwicSort::Right => {
            crate::sorting::sort_by_cached_key(lines, |l| words(&l.right, l.article, key))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_article;

    /// The cuts as first written (over a list of every character), to check the faster ones.
    fn cuts_by_chars(text: &str, width: usize) -> (String, String) {
        let chars: Vec<char> = text.chars().collect();
        let join = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        if chars.len() <= width {
            return (join(text), join(text));
        }
        let tail: String = chars[chars.len() - width..].iter().collect();
        let tail = tail
            .find(' ')
            .map_or(&tail[..], |i| &tail[i + 1..])
            .to_string();
        let head: String = chars[..width].iter().collect();
        let head = head
            .rfind(' ')
            .map_or(&head[..], |i| &head[..i])
            .to_string();
        (format!("…{}", join(&tail)), format!("{}…", join(&head)))
    }

    #[test]
    fn context_is_cut_at_the_same_places_in_any_script() {
        let texts = [
            "",
            "kort",
            "Poetin en Loekasjenko spraken in Minsk over de Oekraïense oorlog",
            "Ça coûte 10 € — zeiden ze: “één geschil” en ‘dreiging’ in Wit-Rusland",
            "ééééééééééééééééééé ééé é",
            "  spaties   rondom  ",
        ];
        for t in texts {
            for w in 1..=t.chars().count() + 2 {
                assert_eq!(
                    (cut_left(t, w), cut_right(t, w)),
                    cuts_by_chars(t, w),
                    "{t:?} at {w}"
                );
            }
        }
    }

    #[test]
    fn every_occurrence_gets_a_line_with_aligned_context() {
        let a = parse_article(
            "a.txt",
            " date 2022-12 Eerst kwam Poetin. Toen zei Poetin niets.\n\nPoetin vertrok.".as_bytes(),
        )
        .unwrap()
        .article;
        let m = Matches {
            keys: ["poetin".to_string()].into_iter().collect(),
            phrases: vec![],
        };
        let (mut lines, truncated) = kwic([&a], &m, 12, 100);
        assert!(!truncated);
        let show: Vec<(String, String, String)> = lines
            .iter()
            .map(|l| (l.left.clone(), l.hit.clone(), l.right.clone()))
            .collect();
        assert_eq!(
            show,
            [
                ("Eerst kwam".into(), "Poetin".into(), ". Toen zei…".into()),
                ("…Toen zei".into(), "Poetin".into(), "niets.".into()),
                ("".into(), "Poetin".into(), "vertrok.".into()),
            ]
        );
        sort_lines(&mut lines, KwicSort::Right, &|_, w| w.to_string());
        let rights: Vec<&str> = lines.iter().map(|l| l.right.as_str()).collect();
        assert_eq!(rights, ["niets.", ". Toen zei…", "vertrok."]);
        sort_lines(&mut lines, KwicSort::Left, &|_, w| w.to_string());
        assert_eq!(lines[0].left, "");
        assert_eq!(lines[1].left, "Eerst kwam");
        let (few, truncated) = kwic([&a], &m, 12, 2);
        assert_eq!(few.len(), 2);
        assert!(truncated);
    }
}
