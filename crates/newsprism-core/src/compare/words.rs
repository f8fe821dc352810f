//! An article read once for comparison: its content units (headline and paragraphs, furniture
//! left out), their sentences, and each sentence's words with the keys comparison uses.
//!
//! A word's `stem` is what two texts must share to count as saying the same thing: the Snowball
//! stem of a content word, or, for a name in the alias table, its group's first spelling, so
//! that "Belarus" and "Wit-Rusland" match. Multi-word names ("Verenigde Staten") become one word.

use std::ops::Range;
use std::sync::Arc;

use super::features::Features;
use super::function_words::is_function_word;
use crate::article::{Article, ArticleId, ParagraphKind, TitleKind};
use crate::search::alias::{name_key, AliasTable};
use crate::text::fold::fold;
use crate::text::language::Language;
use crate::text::sentence::sentences;
use crate::text::stem::Stemmers;
use crate::text::tokenize::{term_key, tokenize};

/// One word of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the unit's text.
    pub range: Range<usize>,
    /// The folded word (numbers normalised): what word-level diffs compare.
    pub key: String,
    /// The stem, or `=name` for an alias-table name: what similarity compares.
    pub stem: String,
    /// Whether it carries meaning: not a stop word, not a lone letter.
    pub content: bool,
    /// Whether it is written with a capital.
    pub capital: bool,
    /// Whether a hyphen joins it to the next word.
    pub joined: bool,
}

/// One sentence of a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the unit in [`Doc::units`].
    pub unit: usize,
    /// Byte range in the unit's text.
    pub range: Range<usize>,
    /// Its words.
    pub words: Vec<Word>,
    /// Whether it is part of what the article says (not site furniture).
    pub content: bool,
}

/// A stretch of an article's text: the headline or one paragraph.
#[derive(Clone, Debug)]
pub struct Unit<'a> {
    /// The paragraph's index in the article, or `None` for the headline.
    pub paragraph: Option<usize>,
    /// What kind of text it is.
    pub kind: ParagraphKind,
    /// Its text.
    pub text: &'a str,
}

/// An article prepared for comparison.
#[derive(Clone, Debug)]
pub struct Doc<'a> {
    /// The article.
    pub article: &'a Article,
    /// Headline (when the source wrote one) and every paragraph. Boilerplate units (teasers,
    /// "Lees ook" links) are kept for quotes, numbers and names, which a teaser can hold, and
    /// left out of similarity, alignment and keyness (see [`Sentence::content`]).
    pub units: Vec<Unit<'a>>,
    /// All sentences, in reading order (shared with the cache that keeps them).
    pub sentences: Arc<Vec<Sentence>>,
    /// What similarity compares, worked out once when first needed (shared with the cache).
    pub features: Arc<std::sync::OnceLock<Features>>,
}

impl<'a> Doc<'a> {
    /// Reads an article, with the stemmers search uses (with the lemma lexicon, "won" and
    /// "gewonnen" are one word to the comparison too).
    pub fn new(article: &'a Article, aliases: &AliasTable, stemmers: &Stemmers) -> Doc<'a> {
        let units = units(article);
        let sentences = Arc::new(read_sentences(&units, article.language, aliases, stemmers));
        Doc {
            article,
            units,
            sentences,
            features: Arc::default(),
        }
    }

    /// An article with its sentences as read before by [`Doc::new`] (kept by
    /// [`super::cache::DocCache`]): reading them is most of a comparison's work.
    pub fn with_sentences(
        article: &'a Article,
        sentences: Arc<Vec<Sentence>>,
        features: Arc<std::sync::OnceLock<Features>>,
    ) -> Doc<'a> {
        Doc {
            article,
            units: units(article),
            sentences,
            features,
        }
    }

    /// The sentences that are the article's own text, furniture left out.
    pub fn content_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| s.content)
    }

    /// The article's id.
    pub fn id(&self) -> ArticleId {
        self.article.id
    }

    /// A sentence's text.
    pub fn sentence_text(&self, s: &Sentence) -> &'a str {
        &self.units[s.unit].text[s.range.clone()]
    }

    /// A word's text as written.
    pub fn word_text(&self, s: &Sentence, w: &Word) -> &'a str {
        &self.units[s.unit].text[w.range.clone()]
    }
}

/// An article's headline (when the source wrote one) and paragraphs.
fn units(article: &Article) -> Vec<Unit<'_>> {
    let mut units = Vec::with_capacity(article.paragraphs.len() + 1);
    if article.title_kind == TitleKind::Headline {
        units.push(Unit {
            paragraph: None,
            kind: ParagraphKind::Subheading,
            text: article.title.as_str(),
        });
    }
    for (i, p) in article.paragraphs.iter().enumerate() {
        units.push(Unit {
            paragraph: Some(i),
            kind: p.kind,
            text: p.text.as_str(),
        });
    }
    units
}

/// The sentences of `units` with their words.
fn read_sentences(
    units: &[Unit],
    language: Language,
    aliases: &AliasTable,
    stemmers: &Stemmers,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        for range in sentences(unit.text) {
            let words = words(
                &unit.text[range.clone()],
                range.start,
                language,
                stemmers,
                aliases,
            );
            if !words.is_empty() {
                out.push(Sentence {
                    unit: u,
                    range,
                    words,
                    content: unit.kind.is_content(),
                });
            }
        }
    }
    out
}

/// The words of `text` (which starts at byte `offset` of its unit).
pub fn words(
    text: &str,
    offset: usize,
    language: Language,
    stemmers: &Stemmers,
    aliases: &AliasTable,
) -> Vec<Word> {
    let toks = tokenize(text);
    let longest = aliases.longest_name_words().clamp(1, 4);
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        // The longest alias-table name starting here, spanning joined or spaced words.
        let mut taken = None;
        if toks[i].text.starts_with(char::is_uppercase) {
            for n in (1..=longest.min(toks.len() - i)).rev() {
                let span = &text[toks[i].start..toks[i + n - 1].end];
                if span.contains(['\n', ',', ';', ':']) {
                    continue;
                }
                // Inflected forms of a listed name: "Belarussische" (Belarussisch),
                // "Poetins" (Poetin), "Loekasjenko's".
                let inflected = || {
                    [
                        span.strip_suffix('e'),
                        span.strip_suffix("'s"),
                        span.strip_suffix("’s"),
                        span.strip_suffix('s'),
                    ]
                    .into_iter()
                    .flatten()
                    .filter(|b| b.chars().count() > 3)
                    .find_map(|b| aliases.canonical(b))
                };
                if let Some(c) = aliases.canonical(span).or_else(inflected) {
                    taken = Some((n, format!("={}", name_key(c))));
                    break;
                }
            }
        }
        if let Some((n, stem)) = taken {
            let last = &toks[i + n - 1];
            out.push(Word {
                range: offset + toks[i].start..offset + last.end,
                key: fold(&text[toks[i].start..last.end]),
                stem,
                content: true,
                capital: true,
                joined: last.joined_to_next,
            });
            i += n;
            continue;
        }
        let t = &toks[i];
        let key = term_key(t.text);
        let content = !is_function_word(&key) && key.chars().count() > 1;
        let stem = if key.starts_with(|c: char| c.is_ascii_digit()) {
            key.clone()
        } else {
            stemmers.stem(language, &key)
        };
        out.push(Word {
            range: offset + t.start..offset + t.end,
            capital: t.text.starts_with(char::is_uppercase),
            key,
            stem,
            content,
            joined: t.joined_to_next,
        });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_names_become_one_word_with_one_stem() {
        let t = AliasTable::default();
        let s = Stemmers::default();
        let a = words("Troepen in Wit-Rusland.", 0, Language::Dutch, &s, &t);
        let b = words("Troepen in Belarus.", 0, Language::Dutch, &s, &t);
        assert_eq!(a.len(), 3);
        assert_eq!(a[2].stem, b[2].stem);
        assert_eq!(a[0].stem, b[0].stem);
        assert!(!a[1].content, "'in' is a stop word");
    }
}
