//! Source comparison: where outlets agree, where they differ, and what only one of them says.
//!
//! This module owns the comparison of articles at the level of their text: pairwise similarity
//! and story groups ([`similarity`]), sentence alignment for side-by-side reading ([`align`]),
//! quotations with their speakers and word-level differences ([`quotes`]), the ledger of numbers
//! ([`numbers`]), named entities ([`entities`]) and distinctive vocabulary ([`keyness`]). It reads
//! articles and the alias table; it never changes them and knows nothing of the browser.
//!
//! Everything is compared per *party*: an outlet when the article names one, otherwise the
//! article itself, so that five articles of unknown source are still five voices and never one.

pub mod align;
pub mod cache;
pub mod candidates;
pub mod entities;
pub mod features;
mod function_words;
pub mod keyness;
pub mod names;
pub mod numbers;
pub mod quotes;
pub mod remote;
pub mod similarity;
pub mod words;

use serde::{Deserialize, Serialize};

use crate::article::{Article, ArticleId};
use crate::export::ExportFormat;
use crate::search::alias::AliasTable;
use crate::text::stem::Stemmers;

pub use cache::DocCache;
pub use words::Doc;

/// Which articles a comparison covers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every loaded article (the newest first when there are more than can be compared).
    #[default]
    All,
    /// The articles a search query finds, the best matches first.
    Matching(String),
    /// Articles the user picked.
    Picked(Vec<ArticleId>),
}

/// The articles a [`Scope`] chose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scoped {
    /// The articles to compare, newest first (undated last), at most the limit asked for.
    pub ids: Vec<ArticleId>,
    /// How many articles the scope holds before the limit.
    pub eligible: usize,
    /// Picked articles that are no longer loaded.
    pub missing: usize,
}

/// One voice in a comparison: an outlet, or a single article whose outlet is unknown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Stable key: `source:<name>` or `article:<id>`.
    pub key: String,
    /// What to show: the outlet's name, or the article's title.
    pub label: String,
    /// Its articles among those compared, in the order given.
    pub articles: Vec<ArticleId>,
}

impl Party {
    /// Whether it is an outlet (its label its name), not an article on its own (its label a
    /// few words of its title).
    pub fn is_outlet(&self) -> bool {
        self.key.starts_with("source:")
    }
}

/// The parties of a set of articles, in the order their first article appears.
///
/// Articles with the same source (compared case-insensitively) are one party; each article
/// without a source is a party of its own, labelled with a few words of its title and its date,
/// distinct from the others (see [`crate::article::voice::labels`]).
pub fn parties(articles: &[&Article]) -> Vec<Party> {
    let dates: Vec<Option<String>> = articles
        .iter()
        .map(|a| a.pub_date.as_ref().map(|d| d.date.human()))
        .collect();
    let voices: Vec<crate::article::voice::Voice<'_>> = articles
        .iter()
        .zip(&dates)
        .map(|(a, d)| crate::article::voice::Voice {
            source: a.source.as_deref(),
            title: &a.title,
            date: d.as_deref(),
        })
        .collect();
    let labels = crate::article::voice::labels(&voices);
    let mut out: Vec<Party> = Vec::new();
    for (a, voice) in articles.iter().zip(labels) {
        let (key, label) = match a.source.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => (format!("source:{}", s.to_lowercase()), s.to_string()),
            _ => (format!("article:{}", a.id), voice),
        };
        match out.iter_mut().find(|p| p.key == key) {
            Some(p) => p.articles.push(a.id),
            None => out.push(Party {
                key,
                label,
                articles: vec![a.id],
            }),
        }
    }
    out
}

/// A title cut at a word boundary to about 48 characters, for column heads.
pub fn short_title(title: &str) -> String {
    const MAX: usize = 48;
    if title.chars().count() <= MAX {
        return title.to_string();
    }
    let mut out = String::new();
    for w in title.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// A located piece of text in one compared article: which article and whose, where in it, the
/// words, and the sentence around them. Quotations and quantities are both passages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// The article.
    pub article: ArticleId,
    /// Its position among the compared articles.
    pub doc: usize,
    /// Its party.
    pub party: usize,
    /// The paragraph (`None`: the headline).
    pub paragraph: Option<usize>,
    /// Byte range of the words in the paragraph.
    pub range: std::ops::Range<usize>,
    /// The words.
    pub text: String,
    /// The sentence around them.
    pub sentence: String,
}

/// The parts of a comparison that export as tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportPart {
    /// Every pair's similarity.
    Similarity,
    /// Every quotation, with speaker and cluster.
    Quotes,
    /// The number ledger.
    Ledger,
    /// The entity matrix.
    Entities,
}

impl ExportPart {
    /// The part's name in file names (`newsprism-<key>.csv`) and test ids.
    pub fn key(self) -> &'static str {
        match self {
            ExportPart::Similarity => "similarity",
            ExportPart::Quotes => "quotes",
            ExportPart::Ledger => "ledger",
            ExportPart::Entities => "entities",
        }
    }
}

/// Everything the comparison views show about a set of articles, computed once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The articles compared, in order.
    pub articles: Vec<ArticleId>,
    /// Their parties; `party_of[i]` is the party of `articles[i]`.
    pub parties: Vec<Party>,
    /// For each article, the index of its party.
    pub party_of: Vec<usize>,
    /// Pairwise similarity.
    pub similarity: similarity::Similarity,
    /// Each article's publication period (or inferred date), for story groups.
    pub when: Vec<similarity::When>,
    /// Quotations and their clusters.
    pub quotes: quotes::QuoteReport,
    /// The number ledger.
    pub ledger: numbers::Ledger,
    /// Named entities and who mentions and quotes them.
    pub entities: entities::EntityReport,
    /// Distinctive words per party and per article, against the rest of the compared texts
    /// (see [`Comparison::keyness_against`] for the rest of the corpus).
    pub keyness: Keyness,
    /// Story groups already worked out at one threshold and window (by the analysis worker, for
    /// the view it answers), which [`Comparison::story_groups`] gives without working them out
    /// again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups_made: Option<MadeGroups>,
    /// Each article's word counts, kept for [`Comparison::keyness_against`] (made, and sent
    /// between threads, only with [`Parts::words`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<keyness::Counts>,
}

/// Story groups worked out at a threshold and a window (see [`Comparison::groups_made`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MadeGroups {
    /// The similarity threshold, 0–1.
    pub threshold: f32,
    /// The window, in days.
    pub window_days: i32,
    /// The groups, as [`Comparison::story_groups`] gives them.
    pub groups: Vec<Vec<usize>>,
}

/// Distinctive words (see [`keyness`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Keyness {
    /// Per party, in party order.
    pub per_party: Vec<Vec<keyness::Keyword>>,
    /// Per article, in comparison order.
    pub per_article: Vec<Vec<keyness::Keyword>>,
    /// How many articles the words were measured against, the measured ones included.
    pub reference: usize,
}

impl Keyness {
    /// Keywords for each party and each article, `of(members)` measuring one set of article
    /// indexes.
    fn measure(
        party_of: &[usize],
        parties: usize,
        of: impl Fn(&[usize]) -> Vec<keyness::Keyword>,
    ) -> Keyness {
        Keyness {
            per_party: (0..parties)
                .map(|p| {
                    let members: Vec<usize> =
                        (0..party_of.len()).filter(|&i| party_of[i] == p).collect();
                    of(&members)
                })
                .collect(),
            per_article: (0..party_of.len()).map(|i| of(&[i])).collect(),
            reference: 0,
        }
    }

    fn with_reference(mut self, reference: usize) -> Keyness {
        self.reference = reference;
        self
    }
}

/// What exactly one party has: indexes into the comparison's entities, quotes and quantities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusive {
    /// Entities no other party mentions.
    pub entities: Vec<usize>,
    /// Quotations (four words or more) no other party renders.
    pub quotes: Vec<usize>,
    /// Quantities of things no other party counts.
    pub numbers: Vec<usize>,
}

/// Quotations and names, which need each other: which words are names is learnt once from all
/// the texts, and quoted speakers are named in full from the names found.
fn quotes_and_names(
    docs: &[Doc],
    party_of: &[usize],
    aliases: &AliasTable,
) -> (quotes::QuoteReport, entities::EntityReport) {
    // Which words are names is learnt once from all the texts and shared by quotes and names.
    let names = names::NameContext::new(docs);
    let mut quotes = quotes::QuoteReport::build(docs, party_of, &names, aliases);
    let entities = entities::EntityReport::build(docs, party_of, &quotes, &names, aliases);
    for e in &entities.entities {
        if !e.quoted.is_empty() {
            // The fullest form without a title: "Dmitri Peskov", not "Kremlin-woordvoerder …".
            let name = e
                .forms
                .iter()
                .filter(|f| {
                    !f.split_whitespace()
                        .any(|w| names::is_person_title(&w.to_lowercase()))
                })
                .max_by_key(|f| (f.split_whitespace().count(), f.len()))
                .unwrap_or(&e.name);
            quotes.full_names.insert(e.key.clone(), name.clone());
        }
    }
    // Clusters name their speaker in full too.
    for cl in &mut quotes.clusters {
        let key = cl.renderings.iter().find_map(|r| {
            quotes.quotes[r.quote]
                .speaker
                .as_ref()
                .filter(|s| Some(&s.name) == cl.speaker.as_ref())
                .map(|s| s.key.clone())
        });
        if let Some(full) = key.and_then(|k| quotes.full_names.get(&k)) {
            cl.speaker = Some(full.clone());
        }
    }
    (quotes, entities)
}

/// The stages of a comparison after its articles are read, reported as each begins
/// ([`Comparison::build_reporting`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Scoring the likely pairs (similarity and story groups).
    Scoring,
    /// Quotations, speakers and names.
    Quotes,
    /// The number ledger.
    Numbers,
    /// Distinctive words.
    Words,
}

/// How many distinctive words to keep per list.
pub const KEYWORDS: usize = 15;

/// Which analyses a comparison works out besides similarity and story groups, which it always
/// does: each view of the comparison needs only its own, and the others cost time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    /// Quotations and their clusters, with the names (entities) they need.
    pub quotes: bool,
    /// The numbers ledger.
    pub numbers: bool,
    /// Distinctive words.
    pub words: bool,
}

impl Parts {
    /// Everything.
    pub const ALL: Parts = Parts {
        quotes: true,
        numbers: true,
        words: true,
    };
    /// Similarity and story groups only.
    pub const SIMILARITY: Parts = Parts {
        quotes: false,
        numbers: false,
        words: false,
    };
}

impl Comparison {
    /// Compares articles: similarity, quotes, numbers and entities.
    pub fn build(articles: &[&Article], aliases: &AliasTable, stemmers: &Stemmers) -> Comparison {
        Comparison::build_parts(articles, aliases, stemmers, Parts::ALL)
    }

    /// Compares articles, working out only the `parts` asked for besides similarity (the
    /// others are left empty).
    pub fn build_parts(
        articles: &[&Article],
        aliases: &AliasTable,
        stemmers: &Stemmers,
        parts: Parts,
    ) -> Comparison {
        // Made once: nothing to keep it for.
        Comparison::build_from(
            articles,
            aliases,
            stemmers,
            parts,
            &mut DocCache::new(),
            &mut |_| {},
        )
    }

    /// As [`Comparison::build_parts`], reusing the readings of articles that `cache` keeps
    /// (and keeping the new ones).
    pub fn build_cached(
        articles: &[&Article],
        aliases: &AliasTable,
        stemmers: &Stemmers,
        parts: Parts,
        cache: &mut DocCache,
    ) -> Comparison {
        Comparison::build_reporting(articles, aliases, stemmers, parts, cache, &mut |_| {})
    }

    /// As [`Comparison::build_cached`], telling `report` as each stage after reading begins
    /// (for a progress line: at 20,000 articles each takes seconds).
    pub fn build_reporting(
        articles: &[&Article],
        aliases: &AliasTable,
        stemmers: &Stemmers,
        parts: Parts,
        cache: &mut DocCache,
        report: &mut dyn FnMut(Stage),
    ) -> Comparison {
        if let Some(kept) = cache.kept_comparison(articles, aliases, stemmers, parts) {
            return kept;
        }
        let made = Comparison::build_from(articles, aliases, stemmers, parts, cache, report);
        cache.keep_comparison(articles, parts, &made);
        made
    }

    fn build_from(
        articles: &[&Article],
        aliases: &AliasTable,
        stemmers: &Stemmers,
        parts: Parts,
        cache: &mut DocCache,
        report: &mut dyn FnMut(Stage),
    ) -> Comparison {
        let parties = parties(articles);
        let party_of: Vec<usize> = articles
            .iter()
            .map(|a| {
                parties
                    .iter()
                    .position(|p| p.articles.contains(&a.id))
                    .unwrap_or(0)
            })
            .collect();
        let (docs, when) = cache.docs(articles, aliases, stemmers);
        report(Stage::Scoring);
        let similarity = similarity::Similarity::build(&docs);
        let (quotes, entities) = if parts.quotes {
            report(Stage::Quotes);
            quotes_and_names(&docs, &party_of, aliases)
        } else {
            Default::default()
        };
        let ledger = if parts.numbers {
            report(Stage::Numbers);
            numbers::Ledger::build(&docs, &party_of, aliases)
        } else {
            numbers::Ledger::default()
        };
        let (keyness, counts) = if parts.words {
            report(Stage::Words);
            let counts: Vec<keyness::Counts> = docs.iter().map(keyness::Counts::of).collect();
            let all = keyness::sum(&counts);
            let keyness = Keyness::measure(&party_of, parties.len(), |members| {
                keyness::keywords_within(&all, &counts, members, KEYWORDS)
            })
            .with_reference(docs.len());
            (keyness, counts)
        } else {
            (Keyness::default(), Vec::new())
        };
        Comparison {
            articles: articles.iter().map(|a| a.id).collect(),
            when,
            parties,
            party_of,
            similarity,
            quotes,
            ledger,
            entities,
            keyness,
            groups_made: None,
            counts,
        }
    }

    /// Distinctive words per party and per article against every other article `background`
    /// has counted (the whole corpus, once it is counted), not just the other compared ones.
    pub fn keyness_against(&self, background: &keyness::Background) -> Keyness {
        let reference = background.len()
            + self
                .articles
                .iter()
                .filter(|id| !background.contains(**id))
                .count();
        Keyness::measure(&self.party_of, self.parties.len(), |members| {
            background.keywords(&self.articles, &self.counts, members, KEYWORDS)
        })
        .with_reference(reference)
    }

    /// The entities, quotations and numbers only one party has.
    pub fn exclusive(&self, party: usize) -> Exclusive {
        let entities = self
            .entities
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.party_count() == 1 && e.mentions.get(party) > 0)
            .map(|(i, _)| i)
            .collect();
        let quotes = self
            .quotes
            .quotes
            .iter()
            .enumerate()
            .filter(|(i, q)| {
                q.at.party == party
                    && !q.fragment
                    && self.quotes.cluster_of[*i]
                        .is_none_or(|c| self.quotes.clusters[c].parties == 1)
            })
            .map(|(i, _)| i)
            .collect();
        let numbers = self
            .ledger
            .groups
            .iter()
            .filter(|g| g.parties == 1)
            .flat_map(|g| g.entries.iter().copied())
            .filter(|&e| self.ledger.quantities[e].at.party == party)
            .collect();
        Exclusive {
            entities,
            quotes,
            numbers,
        }
    }

    /// Column labels for exports: one per party.
    pub fn party_labels(&self) -> Vec<String> {
        self.parties.iter().map(|p| p.label.clone()).collect()
    }

    /// A part of the comparison as a table file; `titles` are the compared articles' titles.
    /// `None` for a format that is not a table (SVG, TimeML).
    pub fn export(
        &self,
        part: ExportPart,
        format: ExportFormat,
        titles: &[String],
    ) -> Option<String> {
        let parties = self.party_labels();
        let json = match format {
            ExportFormat::Json => true,
            ExportFormat::Csv => false,
            ExportFormat::Svg | ExportFormat::TimeMl => return None,
        };
        Some(match (part, json) {
            (ExportPart::Similarity, true) => self.similarity.to_json(titles),
            (ExportPart::Similarity, false) => self.similarity.to_csv(titles),
            (ExportPart::Quotes, true) => self.quotes.to_json(&parties, titles),
            (ExportPart::Quotes, false) => self.quotes.to_csv(&parties, titles),
            (ExportPart::Ledger, true) => self.ledger.to_json(&parties, titles),
            (ExportPart::Ledger, false) => self.ledger.to_csv(&parties, titles),
            (ExportPart::Entities, true) => self.entities.to_json(&parties),
            (ExportPart::Entities, false) => self.entities.to_csv(&parties),
        })
    }

    /// The index of an article among those compared.
    pub fn position(&self, id: ArticleId) -> Option<usize> {
        self.articles.iter().position(|a| *a == id)
    }

    /// Story groups at a similarity threshold and time window (see [`similarity`]).
    pub fn story_groups(&self, threshold: f32, window_days: i32) -> Vec<Vec<usize>> {
        match &self.groups_made {
            Some(m) if m.threshold == threshold && m.window_days == window_days => m.groups.clone(),
            _ => self.similarity.groups(threshold, window_days, &self.when),
        }
    }

    /// Works out the story groups at a threshold and window now, so that
    /// [`Comparison::story_groups`] gives them at once.
    pub fn make_groups(&mut self, threshold: f32, window_days: i32) {
        self.groups_made = Some(MadeGroups {
            threshold,
            window_days,
            groups: self.similarity.groups(threshold, window_days, &self.when),
        });
    }

    /// The party of an article.
    pub fn party(&self, id: ArticleId) -> Option<&Party> {
        self.position(id).map(|i| &self.parties[self.party_of[i]])
    }
}

/// An article from text, for tests.
#[cfg(test)]
pub(crate) fn test_article(name: &str, text: &str) -> Article {
    crate::ingest::parse_article(name, text.as_bytes())
        .map(|i| i.article)
        .unwrap_or_else(|e| panic!("test text does not parse: {e}"))
}
