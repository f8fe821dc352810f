//! A search's answer assembled from the engine's ranking, over any [`Source`]: the in-memory
//! index (the app, [`crate::corpus::Corpus::search`]) or a published one read from its files.
//! Counts and facets come from the index's document metadata; only the hits shown need their
//! articles (for highlighted titles and snippets).

use super::alias::AliasTable;
use super::engine::{Ranked, Source};
use super::query::ParsedQuery;
use super::results::{
    facet_counts, plain_words, SearchHit, SearchOptions, SearchResults, Suggestion,
};
use super::snippet::{best_passage, highlight};
use crate::article::{Article, ArticleId, TitleKind};
use crate::text::tokenize::term_key;

/// The answer to the query `q` (parsed as `parsed`, ranked as `ranked` over `index`): every
/// match counted and faceted, the best `options.limit` as hits with the articles `article`
/// gives (a hit whose article it does not give is left out of the hits, never of the counts),
/// and `suggestions` when nothing matched.
pub fn answer<'a, I: Source>(
    index: &I,
    parsed: &ParsedQuery,
    ranked: Ranked,
    options: &SearchOptions,
    suggestions: Vec<Suggestion>,
    article: impl Fn(ArticleId) -> Option<&'a Article>,
) -> SearchResults {
    let metas = index.docs();
    let ranked_ids: Vec<ArticleId> = ranked
        .docs
        .iter()
        .map(|&(d, _)| ArticleId(metas[d as usize].key))
        .collect();
    let (by_source, by_month) = facet_counts(
        ranked
            .docs
            .iter()
            .map(|&(d, _)| &metas[d as usize])
            .map(|m| (m.source.as_deref(), m.date.as_ref())),
    );
    let hits = ranked
        .docs
        .iter()
        .take(options.limit)
        .filter_map(|&(d, score)| {
            let a = article(ArticleId(metas[d as usize].key))?;
            Some(SearchHit {
                id: a.id,
                score,
                title: highlight(&a.title, &ranked.matches),
                title_derived: a.title_kind == TitleKind::Derived,
                date: a.pub_date.clone(),
                source: a.source_label().to_string(),
                snippet: best_passage(a, &ranked.matches, options.snippet_chars),
            })
        })
        .collect();
    SearchResults {
        total: ranked_ids.len(),
        ranked: ranked_ids,
        hits,
        by_source,
        by_month,
        expansions: ranked.expansions,
        warnings: ranked.warnings,
        suggestions,
        matches: ranked.matches,
        searched: parsed.root.is_some() || !parsed.filters.is_empty(),
    }
}

/// For a query that found nothing, for each word that finds nothing on its own: its other
/// spellings when the alias table was off, and the nearest spelling in the articles ("Did
/// you mean Loekasjenko?"). A word that is in the articles gets no suggestion (`Poetin NOT
/// Minsk` is empty because of the NOT, not a spelling).
pub fn suggestions<I: Source>(
    index: &I,
    aliases: &AliasTable,
    q: &str,
    parsed: &ParsedQuery,
    options: &SearchOptions,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for word in plain_words(parsed) {
        let key = term_key(&word);
        if !index.stem_family(&key).is_empty() {
            continue;
        }
        if !options.aliases && !aliases.others(&word).is_empty() {
            out.push(Suggestion {
                query: q.to_string(),
                aliases: true,
                label: format!(
                    "{word} with its other spellings: {}",
                    aliases.others(&word).join(", ")
                ),
            });
        }
        for d in [1u8, 2] {
            let near: Vec<u32> = index.fuzzy_terms(&key, d);
            if let Some(&best) = near.iter().max_by_key(|&&t| index.doc_frequency(t)) {
                let spelling = cased_like(index.term_text(best), &word);
                out.push(Suggestion {
                    query: q.replacen(&word, &spelling, 1),
                    aliases: options.aliases,
                    label: format!("Did you mean {spelling}?"),
                });
                break;
            }
        }
    }
    out
}

/// A folded word written the way the user typed theirs: all capitals, or a capital first.
fn cased_like(folded: &str, typed: &str) -> String {
    if typed.chars().count() > 1 && typed.chars().all(|c| !c.is_lowercase()) {
        return folded.to_uppercase();
    }
    let mut chars = folded.chars();
    match (typed.chars().next(), chars.next()) {
        (Some(t), Some(first)) if t.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => folded.to_string(),
    }
}
