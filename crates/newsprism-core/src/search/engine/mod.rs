//! What a query means over an index (any [`Source`]): matching, alias expansion, filters and BM25 scores.
//!
//! Every node evaluates to a list of `(document, score)` sorted by document, so AND is a merge
//! intersection, OR a merge union and NOT a difference. The words that matched are collected for
//! highlighting, and every alias expansion is reported so the UI can say "also searched: …".

use rustc_hash::FxHashSet;

use super::alias::AliasTable;
use super::index::DocMeta;
use super::query::{Filters, Node, ParsedQuery, TermQuery};
use super::rank::{bm25, idf, ALIAS_WEIGHT, PART_WEIGHT, STOPWORD_WEIGHT};
use crate::text::stopwords::is_stopword;
use crate::text::tokenize::{term_key, tokenize};

mod source;
pub use source::Source;

/// The most word forms a prefix query expands to (the most frequent are kept).
pub const MAX_PREFIX_TERMS: usize = 300;

/// What the query matched, for highlighting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matches {
    /// Word forms (folded keys) that matched on their own.
    pub keys: FxHashSet<String>,
    /// Phrases (as folded keys in order) that matched as a whole.
    pub phrases: Vec<Vec<String>>,
}

/// One alias expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    /// The word as typed.
    pub word: String,
    /// The other spellings that were searched too.
    pub also: Vec<String>,
}

/// The ranked documents of a query.
#[derive(Clone, Debug, Default)]
pub struct Ranked {
    /// Document slots and scores, best first (all of them, or the best `limit`).
    pub docs: Vec<(u32, f32)>,
    /// How many documents matched.
    pub total: usize,
    /// What matched.
    pub matches: Matches,
    /// Alias expansions made.
    pub expansions: Vec<Expansion>,
    /// Notes from parsing and matching.
    pub warnings: Vec<String>,
}

type Set = Vec<(u32, f32)>;

struct Eval<'a, I: Source> {
    index: &'a I,
    aliases: Option<&'a AliasTable>,
    matches: Matches,
    expansions: Vec<Expansion>,
    acc: Vec<f32>,
    touched: Vec<u32>,
    positions: Vec<Vec<u32>>,
}

/// Runs a parsed query and ranks every match. `aliases` is `None` to search the words only as
/// typed.
pub fn run<I: Source>(index: &I, query: &ParsedQuery, aliases: Option<&AliasTable>) -> Ranked {
    run_top(index, query, aliases, usize::MAX)
}

/// Runs a parsed query and ranks only the best `limit` matches (all are counted).
pub fn run_top<I: Source>(
    index: &I,
    query: &ParsedQuery,
    aliases: Option<&AliasTable>,
    limit: usize,
) -> Ranked {
    let mut eval = Eval {
        index,
        aliases,
        matches: Matches::default(),
        expansions: Vec::new(),
        acc: vec![0.0; index.docs().len()],
        touched: Vec::new(),
        positions: Vec::new(),
    };
    let set = match &query.root {
        Some(node) => eval.node(node),
        None if !query.filters.is_empty() => eval.universe(),
        None => Vec::new(),
    };
    let metas = index.docs();
    let mut docs: Vec<(u32, f32)> = set
        .into_iter()
        .filter(|&(d, _)| passes(&metas[d as usize], &query.filters))
        .collect();
    let total = docs.len();
    // Ties go by the article's key, not by when it was indexed: the same articles rank the same
    // however they were loaded (one by one, merged from segments, restored in another order).
    let key = |d: u32| metas[d as usize].key;
    let best_first =
        |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then_with(|| key(a.0).cmp(&key(b.0)));
    if limit < docs.len() {
        docs.select_nth_unstable_by(limit, best_first);
        docs.truncate(limit);
    }
    docs.sort_by(best_first);
    Ranked {
        docs,
        total,
        matches: eval.matches,
        expansions: eval.expansions,
        warnings: query.warnings.clone(),
    }
}

/// Whether a document passes the filters.
pub fn passes(meta: &DocMeta, filters: &Filters) -> bool {
    if !meta.alive {
        return false;
    }
    if !filters.sources.is_empty()
        && !filters
            .sources
            .iter()
            .any(|f| f.admits(meta.source.as_deref()))
    {
        return false;
    }
    if filters.undated && meta.date.is_some() {
        return false;
    }
    if !filters.languages.is_empty() && !filters.languages.contains(&meta.language) {
        return false;
    }
    if let Some((from, to)) = &filters.date {
        let Some(date) = &meta.date else {
            return false;
        };
        // Compare as ranges: a month-precision date is inside "2022-12" and overlaps "2022".
        let (start, end) = bounds(date);
        if end < bounds(from).0 || start > bounds(to).1 {
            return false;
        }
    }
    true
}

fn bounds(d: &crate::article::PartialDate) -> ((i32, u8, u8), (i32, u8, u8)) {
    let y = d.year_value();
    match (d.month_value(), d.day_value()) {
        (Some(m), Some(day)) => ((y, m, day), (y, m, day)),
        (Some(m), None) => ((y, m, 1), (y, m, 31)),
        _ => ((y, 1, 1), (y, 12, 31)),
    }
}

fn intersect(a: &Set, b: &Set) -> Set {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn union(a: &Set, b: &Set) -> Set {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len() + b.len());
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

/// Adds `b`'s scores to the documents of `a` that `b` has; keeps `a`'s documents.
fn boost(a: &Set, b: &Set) -> Set {
    let mut out = a.clone();
    let mut j = 0;
    for item in &mut out {
        while j < b.len() && b[j].0 < item.0 {
            j += 1;
        }
        if j < b.len() && b[j].0 == item.0 {
            item.1 += b[j].1;
        }
    }
    out
}

fn difference(a: &Set, b: &Set) -> Set {
    let mut j = 0;
    a.iter()
        .filter(|(d, _)| {
            while j < b.len() && b[j].0 < *d {
                j += 1;
            }
            !(j < b.len() && b[j].0 == *d)
        })
        .copied()
        .collect()
}

impl<I: Source> Eval<'_, I> {
    fn universe(&self) -> Set {
        self.index
            .docs()
            .iter()
            .enumerate()
            .filter(|(_, m)| m.alive)
            .map(|(i, _)| (i as u32, 0.0))
            .collect()
    }

    fn node(&mut self, node: &Node) -> Set {
        match node {
            Node::Term(t) => self.term(t),
            Node::Phrase(words) => self.phrase(words),
            Node::Or(children) => children.iter().fold(Vec::new(), |acc, c| {
                let s = self.node(c);
                union(&acc, &s)
            }),
            Node::Not(inner) => {
                let s = self.node_silent(inner);
                difference(&self.universe(), &s)
            }
            Node::And(children) => self.and(children),
        }
    }

    /// Evaluates without recording matches (what a NOT excludes is not highlighted).
    fn node_silent(&mut self, node: &Node) -> Set {
        let saved = std::mem::take(&mut self.matches);
        let saved_expansions = self.expansions.len();
        let s = self.node(node);
        self.matches = saved;
        self.expansions.truncate(saved_expansions);
        s
    }

    fn and(&mut self, children: &[Node]) -> Set {
        let mut required: Vec<Set> = Vec::new();
        let mut optional: Vec<Set> = Vec::new();
        let mut excluded: Vec<Set> = Vec::new();
        for c in children {
            match c {
                Node::Not(inner) => excluded.push(self.node_silent(inner)),
                Node::Term(t) if is_plain_stopword(t) => optional.push(self.node(c)),
                _ => required.push(self.node(c)),
            }
        }
        if required.is_empty() {
            required = std::mem::take(&mut optional);
        }
        let mut result = if required.is_empty() {
            self.universe()
        } else {
            crate::sorting::sort_by_key(&mut required, Vec::len);
            let mut it = required.into_iter();
            let first = it.next().unwrap_or_default();
            it.fold(first, |acc, s| intersect(&acc, &s))
        };
        for o in &optional {
            result = boost(&result, o);
        }
        for e in &excluded {
            result = difference(&result, e);
        }
        result
    }

    fn term(&mut self, t: &TermQuery) -> Set {
        let tokens = tokenize(&t.word);
        if tokens.len() > 1 && !t.prefix && t.fuzzy.is_none() {
            // "Wit-Rusland", "S-400": a compound is the phrase of its parts (and its aliases).
            let words: Vec<String> = tokens.iter().map(|tok| tok.text.to_string()).collect();
            let mut result = self.phrase(&words);
            let mut alias_terms = Vec::new();
            let sets = self.alias_sets(&t.word, false, &mut alias_terms);
            alias_terms.sort_unstable();
            alias_terms.dedup();
            if !alias_terms.is_empty() {
                let set = self.score_terms_rarer_than(&alias_terms, ALIAS_WEIGHT, result.len());
                result = union(&result, &set);
            }
            let lower =
                |s: &Set| -> Set { s.iter().map(|&(d, v)| (d, v * ALIAS_WEIGHT)).collect() };
            return sets.iter().fold(result, |acc, s| union(&acc, &lower(s)));
        }
        let Some(token) = tokens.first() else {
            return Vec::new();
        };
        let key = term_key(token.text);
        if t.exact {
            let terms: Vec<u32> = self.index.term(&key).into_iter().collect();
            return self.score_terms(&terms, 1.0);
        }
        let mut parts = Vec::new();
        let mut terms: Vec<u32> = if let Some(d) = t.fuzzy {
            self.index.fuzzy_terms(&key, d)
        } else if t.prefix {
            self.index.prefix_terms(&key, MAX_PREFIX_TERMS)
        } else {
            let (own, compounds) = self.index.families(&key);
            parts = compounds;
            own
        };
        // Other spellings from the alias table, scored apart and lower, so that the spelling
        // typed ranks first ("Belarus" before "Wit-Rusland") while the others are still found.
        let mut alias_terms = Vec::new();
        let mut phrase_sets = Vec::new();
        if t.fuzzy.is_none() {
            phrase_sets = self.alias_sets(&t.word, t.prefix, &mut alias_terms);
        }
        terms.sort_unstable();
        terms.dedup();
        let weight = if is_plain_stopword(t) {
            STOPWORD_WEIGHT
        } else {
            1.0
        };
        let own = self.score_terms(&terms, weight);
        let mut sets: Vec<Set> = phrase_sets
            .into_iter()
            .map(|s| s.into_iter().map(|(d, v)| (d, v * ALIAS_WEIGHT)).collect())
            .collect();
        alias_terms.sort_unstable();
        alias_terms.dedup();
        alias_terms.retain(|a| terms.binary_search(a).is_err());
        if !alias_terms.is_empty() {
            let set = self.score_terms_rarer_than(&alias_terms, weight * ALIAS_WEIGHT, own.len());
            sets.push(set);
        }
        terms.extend(alias_terms);
        terms.sort_unstable();
        // Compounds ending in the word, not already among its own forms (or its aliases'):
        // ranked lower.
        parts.retain(|p| terms.binary_search(p).is_err());
        if !parts.is_empty() {
            let set = self.score_terms_rarer_than(&parts, weight * PART_WEIGHT, own.len());
            sets.push(set);
        }
        sets.iter().fold(own, |acc, s| union(&acc, s))
    }

    /// Expands a word (or, for a prefix query, a prefix) by the alias table: one-word spellings'
    /// families go into `terms`; multi-word spellings are searched as phrases and returned.
    fn alias_sets(&mut self, word: &str, prefix: bool, terms: &mut Vec<u32>) -> Vec<Set> {
        let Some(table) = self.aliases else {
            return Vec::new();
        };
        let others = if prefix {
            table.others_by_prefix(word)
        } else {
            table.others(word)
        };
        if others.is_empty() {
            return Vec::new();
        }
        let mut sets = Vec::new();
        for other in &others {
            let toks = tokenize(other);
            if toks.len() == 1 {
                terms.extend(self.index.stem_family(&term_key(toks[0].text)));
            } else if toks.len() > 1 {
                let words: Vec<String> = toks.iter().map(|t| t.text.to_string()).collect();
                sets.push(self.phrase(&words));
            }
        }
        self.expansions.push(Expansion {
            word: word.to_string(),
            also: others,
        });
        sets
    }

    fn score_terms(&mut self, terms: &[u32], weight: f32) -> Set {
        self.score_terms_rarer_than(terms, weight, 0)
    }

    /// [`Self::score_terms`], with the terms counted as occurring in at least `df_floor`
    /// documents: compound parts are never rarer, so never weightier, than the word itself.
    fn score_terms_rarer_than(&mut self, terms: &[u32], weight: f32, df_floor: usize) -> Set {
        let index = self.index;
        let metas = index.docs();
        for &t in terms {
            let mut occurs = false;
            index.for_each_posting(t, |doc, tf| {
                if self.acc[doc as usize] == 0.0 {
                    self.touched.push(doc);
                }
                self.acc[doc as usize] += tf;
                occurs = true;
            });
            if occurs {
                self.matches.keys.insert(index.term_text(t).to_string());
            }
        }
        let df = self.touched.len().max(df_floor);
        let idf = idf(index.len(), df) * weight;
        let avg = index.average_length();
        let mut out: Set = self
            .touched
            .drain(..)
            .map(|d| {
                let tf = std::mem::take(&mut self.acc[d as usize]);
                (d, bm25(idf, tf, metas[d as usize].length, avg))
            })
            .collect();
        out.sort_unstable_by_key(|&(d, _)| d);
        out
    }

    fn phrase(&mut self, words: &[String]) -> Set {
        let keys: Vec<String> = words
            .iter()
            .flat_map(|w| {
                tokenize(w)
                    .into_iter()
                    .map(|t| term_key(t.text))
                    .collect::<Vec<_>>()
            })
            .collect();
        if keys.is_empty() {
            return Vec::new();
        }
        let Some(terms) = keys
            .iter()
            .map(|k| self.index.term(k))
            .collect::<Option<Vec<u32>>>()
        else {
            return Vec::new();
        };
        if terms.len() == 1 {
            let set = self.score_terms(&terms, 1.0);
            return set;
        }
        // Walk the rarest word's documents and check the others at the right offsets.
        let rarest = (0..terms.len())
            .min_by_key(|&i| self.index.doc_frequency(terms[i]))
            .unwrap_or(0);
        let index = self.index;
        let candidates: Vec<u32> = index.docs_of(terms[rarest]);
        self.positions.resize(terms.len(), Vec::new());
        let mut hits: Vec<(u32, f32)> = Vec::new();
        'docs: for doc in candidates {
            for (i, &t) in terms.iter().enumerate() {
                let mut buf = std::mem::take(&mut self.positions[i]);
                index.positions(t, doc, &mut buf);
                let empty = buf.is_empty();
                self.positions[i] = buf;
                if empty {
                    continue 'docs;
                }
            }
            let first = &self.positions[0];
            let count = first
                .iter()
                .filter(|&&p| {
                    (1..terms.len())
                        .all(|i| self.positions[i].binary_search(&(p + i as u32)).is_ok())
                })
                .count();
            if count > 0 {
                hits.push((doc, count as f32));
            }
        }
        if !hits.is_empty() {
            self.matches.phrases.push(keys);
        }
        let idf = idf(index.len(), hits.len());
        let avg = index.average_length();
        let metas = index.docs();
        hits.iter()
            .map(|&(d, tf)| (d, bm25(idf, tf, metas[d as usize].length, avg)))
            .collect()
    }
}

fn is_plain_stopword(t: &TermQuery) -> bool {
    !t.prefix && t.fuzzy.is_none() && is_stopword(&term_key(&t.word))
}

#[cfg(test)]
mod tests;
