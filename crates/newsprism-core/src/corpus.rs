//! The corpus: the one owner of the loaded articles, and the answers the UI asks for.
//!
//! Views never loop over articles themselves; they ask the corpus (`library`, `get`) and render
//! the answer. Adding a file either adds an article or changes nothing.

use std::collections::BTreeMap;

use crate::article::{Article, ArticleId, ParagraphKind, TitleKind};
use crate::error::IngestError;
use crate::ingest::{parse_article, Ingested};
use crate::search::alias::AliasTable;
use crate::search::engine;
use crate::search::index::{Field, Index, IndexDoc};
use crate::search::kwic::{self, KwicLine, KwicSort};
use crate::search::query;
use crate::search::results::{
    plain_words, quote_filter, Facet, SearchHit, SearchOptions, SearchResults, Suggestion,
};
use crate::search::snippet::{best_passage, highlight};

/// How the library is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LibrarySort {
    /// Newest first; undated articles last.
    #[default]
    DateNewest,
    /// Oldest first; undated articles last.
    DateOldest,
    /// By title, A–Z.
    Title,
    /// Longest first.
    Length,
}

/// What adding a file did.
#[derive(Clone, Debug, PartialEq)]
pub enum AddOutcome {
    /// A new article, with anything noticed on the way.
    Added {
        /// Its id.
        id: ArticleId,
        /// Notes about the decoding.
        warnings: Vec<String>,
    },
    /// The same text is already loaded; nothing changed.
    Duplicate {
        /// The article it duplicates.
        of: ArticleId,
    },
}

/// What happened to one file of a batch.
#[derive(Clone, Debug, PartialEq)]
pub enum FileOutcome {
    /// Added as a new article.
    Added {
        /// The file's name.
        file_name: String,
        /// The new article.
        id: ArticleId,
        /// Notes about the decoding.
        warnings: Vec<String>,
    },
    /// The same text is already loaded; skipped.
    Duplicate {
        /// The file's name.
        file_name: String,
        /// The article it duplicates.
        of: ArticleId,
    },
    /// Not added, with the reason in plain words.
    Rejected {
        /// The file's name.
        file_name: String,
        /// Why.
        reason: String,
    },
}

/// The loaded articles, their search index and the alias table.
#[derive(Debug, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    index: Index,
    aliases: AliasTable,
}

/// What the index reads of an article: the headline as title, furniture weighted down.
fn index_doc(a: &Article) -> IndexDoc<'_> {
    let mut fields = Vec::with_capacity(a.paragraphs.len() + 1);
    if a.title_kind == TitleKind::Headline {
        fields.push((Field::Title, a.title.as_str()));
    }
    for p in &a.paragraphs {
        let field = if p.kind == ParagraphKind::Boilerplate {
            Field::Boilerplate
        } else {
            Field::Body
        };
        fields.push((field, p.text.as_str()));
    }
    IndexDoc {
        key: a.id.0,
        fields,
        language: a.language,
        source: a.source.clone(),
        date: a.pub_date.as_ref().map(|d| d.date),
    }
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// A corpus of the given files; files that cannot be read are returned as errors.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> (Self, Vec<IngestError>) {
        let mut corpus = Self::new();
        let mut errors = Vec::new();
        for (name, bytes) in files {
            if let Err(e) = corpus.add_file(name, bytes) {
                errors.push(e);
            }
        }
        (corpus, errors)
    }

    /// Reads a batch of files; a file that cannot be read (`Err` carries why) changes nothing.
    pub fn add_files(&mut self, files: Vec<(String, Result<Vec<u8>, String>)>) -> Vec<FileOutcome> {
        files
            .into_iter()
            .map(|(file_name, bytes)| match bytes {
                Err(reason) => FileOutcome::Rejected {
                    reason: format!("“{file_name}” could not be read: {reason}."),
                    file_name,
                },
                Ok(bytes) => match self.add_file(&file_name, &bytes) {
                    Ok(AddOutcome::Added { id, warnings }) => FileOutcome::Added {
                        file_name,
                        id,
                        warnings,
                    },
                    Ok(AddOutcome::Duplicate { of }) => FileOutcome::Duplicate { file_name, of },
                    Err(e) => FileOutcome::Rejected {
                        reason: e.to_string(),
                        file_name,
                    },
                },
            })
            .collect()
    }

    /// Reads a file and adds it, unless its text is already present.
    pub fn add_file(&mut self, file_name: &str, bytes: &[u8]) -> Result<AddOutcome, IngestError> {
        let Ingested { article, warnings } = parse_article(file_name, bytes)?;
        Ok(self.add(article, warnings))
    }

    fn add(&mut self, article: Article, warnings: Vec<String>) -> AddOutcome {
        if self.get(article.id).is_some() {
            return AddOutcome::Duplicate { of: article.id };
        }
        let id = article.id;
        self.index.add(&index_doc(&article));
        self.articles.push(article);
        AddOutcome::Added { id, warnings }
    }

    /// Removes an article; `false` if it was not there.
    pub fn remove(&mut self, id: ArticleId) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.id != id);
        self.index.remove(id.0);
        self.articles.len() != before
    }

    /// The article with this id.
    pub fn get(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// All articles, in the order they were added.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there are no articles.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The alias table searches use.
    pub fn aliases(&self) -> &AliasTable {
        &self.aliases
    }

    /// Replaces the alias table.
    pub fn set_aliases(&mut self, aliases: AliasTable) {
        self.aliases = aliases;
    }

    /// Adds a group of spellings to the alias table (see [`AliasTable::add_group`]).
    pub fn add_alias_group(&mut self, names: &[&str]) {
        self.aliases.add_group(names);
    }

    /// Removes the alias group holding this name.
    pub fn remove_alias_group(&mut self, name: &str) {
        self.aliases.remove_group_of(name);
    }

    /// Searches the articles. Never fails: a malformed query is repaired and the repair is
    /// reported in `warnings`.
    ///
    /// ```
    /// use newsprism_core::corpus::Corpus;
    /// use newsprism_core::search::results::SearchOptions;
    /// let files: [(&str, &[u8]); 2] = [
    ///     ("a.txt", " date 2022-12 Poetin bezocht Wit-Rusland.".as_bytes()),
    ///     ("b.txt", b" date 2022-10 Putin visited Belarus."),
    /// ];
    /// let (corpus, _) = Corpus::from_files(files);
    /// let r = corpus.search("Belarus", &SearchOptions::default());
    /// assert_eq!(r.total, 2);
    /// assert!(r.expansions[0].also.contains(&"Wit-Rusland".to_string()));
    /// ```
    pub fn search(&self, q: &str, options: &SearchOptions) -> SearchResults {
        let parsed = query::parse(q);
        let aliases = options.aliases.then_some(&self.aliases);
        let ranked = engine::run(&self.index, &parsed, aliases);
        let metas = self.index.docs();
        let articles: Vec<(&Article, f32)> = ranked
            .docs
            .iter()
            .filter_map(|&(d, score)| {
                self.get(ArticleId(metas[d as usize].key))
                    .map(|a| (a, score))
            })
            .collect();

        let mut sources: BTreeMap<String, usize> = BTreeMap::new();
        let mut months: BTreeMap<(i32, u8), usize> = BTreeMap::new();
        for (a, _) in &articles {
            *sources.entry(a.source_label().to_string()).or_default() += 1;
            let key = a.pub_date.as_ref().map_or((i32::MAX, 0), |d| {
                (d.date.year_value(), d.date.month_value().unwrap_or(0))
            });
            *months.entry(key).or_default() += 1;
        }
        let mut by_source: Vec<Facet> = sources
            .into_iter()
            .map(|(label, count)| Facet {
                filter: quote_filter("source", &label),
                label,
                count,
            })
            .collect();
        by_source.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        let by_month = months
            .into_iter()
            .map(|((y, m), count)| {
                let (label, filter) = match (y, m) {
                    (i32::MAX, _) => ("undated".to_string(), "date:undated".to_string()),
                    (y, 0) => (y.to_string(), format!("date:{y}")),
                    (y, m) => match crate::article::PartialDate::month(y, m) {
                        Some(d) => (d.human(), format!("date:{}", d.iso())),
                        None => (y.to_string(), format!("date:{y}")),
                    },
                };
                Facet {
                    label,
                    count,
                    filter,
                }
            })
            .collect();

        let hits = articles
            .iter()
            .take(options.limit)
            .map(|&(a, score)| SearchHit {
                id: a.id,
                score,
                title: highlight(&a.title, &ranked.matches),
                title_derived: a.title_kind == TitleKind::Derived,
                date: a.pub_date.clone(),
                source: a.source_label().to_string(),
                snippet: best_passage(a, &ranked.matches, options.snippet_chars),
            })
            .collect();

        let suggestions = if articles.is_empty() && parsed.root.is_some() {
            self.suggestions(q, &parsed, options)
        } else {
            Vec::new()
        };
        SearchResults {
            total: articles.len(),
            ranked: articles.iter().map(|(a, _)| a.id).collect(),
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

    /// Fuzzy spellings, and the alias table when it was off, for a query that found nothing.
    fn suggestions(
        &self,
        q: &str,
        parsed: &query::ParsedQuery,
        options: &SearchOptions,
    ) -> Vec<Suggestion> {
        let mut out = Vec::new();
        for word in plain_words(parsed) {
            if !options.aliases && !self.aliases.others(&word).is_empty() {
                out.push(Suggestion {
                    query: q.to_string(),
                    aliases: true,
                    label: format!(
                        "{word} with its other spellings: {}",
                        self.aliases.others(&word).join(", ")
                    ),
                });
            }
            let key = crate::text::tokenize::term_key(&word);
            for d in [1u8, 2] {
                let near: Vec<u32> = self.index.fuzzy_terms(&key, d);
                if let Some(&best) = near.iter().max_by_key(|&&t| self.index.doc_frequency(t)) {
                    let fuzzy = format!("{word}~{d}");
                    out.push(Suggestion {
                        query: q.replacen(&word, &fuzzy, 1),
                        aliases: options.aliases,
                        label: format!("{fuzzy} finds “{}”", self.index.term_text(best)),
                    });
                    break;
                }
            }
        }
        out
    }

    /// What a query matches, for highlighting an article without ranking or summarising anything.
    pub fn matches(&self, q: &str, aliases: bool) -> engine::Matches {
        let parsed = query::parse(q);
        engine::run_top(&self.index, &parsed, aliases.then_some(&self.aliases), 0).matches
    }

    /// Every occurrence of a search's matches, as a concordance over its hits in rank order.
    pub fn kwic(
        &self,
        results: &SearchResults,
        sort: KwicSort,
        width: usize,
        limit: usize,
    ) -> (Vec<KwicLine>, bool) {
        let articles = results.ranked.iter().filter_map(|&id| self.get(id));
        let (mut lines, truncated) = kwic::kwic(articles, &results.matches, width, limit);
        kwic::sort_lines(&mut lines, sort);
        (lines, truncated)
    }

    /// The articles in library order. Undated articles always come last, in file-name order,
    /// under any date sort: they are listed as undated, never placed at a default date.
    pub fn library(&self, sort: LibrarySort) -> Vec<&Article> {
        let mut list: Vec<&Article> = self.articles.iter().collect();
        match sort {
            LibrarySort::DateNewest | LibrarySort::DateOldest => {
                list.sort_by(|a, b| {
                    let key = |x: &Article| x.pub_date.as_ref().map(|d| d.date.sort_key());
                    match (key(a), key(b)) {
                        (Some(ka), Some(kb)) => {
                            let ord = if sort == LibrarySort::DateNewest {
                                kb.cmp(&ka)
                            } else {
                                ka.cmp(&kb)
                            };
                            ord.then_with(|| a.file_name.cmp(&b.file_name))
                        }
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => a.file_name.cmp(&b.file_name),
                    }
                });
            }
            LibrarySort::Title => list.sort_by(|a, b| {
                a.title
                    .to_lowercase()
                    .cmp(&b.title.to_lowercase())
                    .then_with(|| a.file_name.cmp(&b.file_name))
            }),
            LibrarySort::Length => list.sort_by(|a, b| {
                b.word_count
                    .cmp(&a.word_count)
                    .then_with(|| a.file_name.cmp(&b.file_name))
            }),
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let files: [(&str, &[u8]); 4] = [
            ("b.txt", b" date 2022-10 Oktober stuk over de oorlog."),
            ("a.txt", b"Kop zonder datum\n\nTekst van het stuk."),
            ("c.txt", b" date 2022-12 December stuk over de oorlog."),
            ("d.txt", b" date 2022 Een stuk uit een onbekende maand."),
        ];
        let (c, errors) = Corpus::from_files(files);
        assert!(errors.is_empty());
        c
    }

    fn names(list: Vec<&Article>) -> Vec<&str> {
        list.into_iter().map(|a| a.file_name.as_str()).collect()
    }

    #[test]
    fn undated_articles_come_last_in_either_date_order() {
        let c = corpus();
        assert_eq!(
            names(c.library(LibrarySort::DateNewest)),
            ["c.txt", "b.txt", "d.txt", "a.txt"]
        );
        assert_eq!(
            names(c.library(LibrarySort::DateOldest)),
            ["d.txt", "b.txt", "c.txt", "a.txt"]
        );
    }

    #[test]
    fn the_same_text_twice_is_a_duplicate_and_changes_nothing() {
        let mut c = corpus();
        let again = c.add_file(
            "copy.txt",
            b" date 2022-10 Oktober stuk over de oorlog.\r\n",
        );
        assert!(matches!(again, Ok(AddOutcome::Duplicate { .. })));
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn a_bad_file_changes_nothing() {
        let mut c = corpus();
        assert!(c.add_file("x.pdf", b"%PDF-1.4").is_err());
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn a_batch_reports_each_file_and_keeps_the_good_ones() {
        let mut c = corpus();
        let outcomes = c.add_files(vec![
            (
                "new.txt".into(),
                Ok(b"Nieuw stuk over Minsk en de oorlog.".to_vec()),
            ),
            (
                "copy.txt".into(),
                Ok(b" date 2022-10 Oktober stuk over de oorlog.".to_vec()),
            ),
            ("bad.pdf".into(), Ok(b"%PDF-1.4".to_vec())),
            ("gone.txt".into(), Err("permission denied".into())),
        ]);
        assert!(
            matches!(&outcomes[0], FileOutcome::Added { file_name, .. } if file_name == "new.txt")
        );
        assert!(matches!(&outcomes[1], FileOutcome::Duplicate { .. }));
        assert!(
            matches!(&outcomes[2], FileOutcome::Rejected { reason, .. } if reason.contains("PDF"))
        );
        assert!(
            matches!(&outcomes[3], FileOutcome::Rejected { reason, .. } if reason.contains("permission denied"))
        );
        assert_eq!(c.len(), 5);
        let hits = c.search("Minsk", &SearchOptions::default());
        assert_eq!(hits.total, 1);
    }

    #[test]
    fn removal_removes_one_article() {
        let mut c = corpus();
        let id = c.articles()[0].id;
        assert!(c.remove(id));
        assert!(!c.remove(id));
        assert_eq!(c.len(), 3);
    }
}
