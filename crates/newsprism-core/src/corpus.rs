//! The corpus: the one owner of the loaded articles, and the answers the UI asks for.
//!
//! Views never loop over articles themselves; they ask the corpus (`library`, `get`) and render
//! the answer. Adding a file either adds an article or changes nothing.

use crate::article::{Article, ArticleId};
use crate::error::IngestError;
use crate::ingest::{parse_article, Ingested};

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

/// The loaded articles.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    articles: Vec<Article>,
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
        self.articles.push(article);
        AddOutcome::Added { id, warnings }
    }

    /// Removes an article; `false` if it was not there.
    pub fn remove(&mut self, id: ArticleId) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.id != id);
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
    fn removal_removes_one_article() {
        let mut c = corpus();
        let id = c.articles()[0].id;
        assert!(c.remove(id));
        assert!(!c.remove(id));
        assert_eq!(c.len(), 3);
    }
}
