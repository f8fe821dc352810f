//! # newsprism-core
//!
//! Everything Newsprism knows about news text, with no web dependencies: it builds and is
//! tested natively, and the Leptos app in the workspace root is a thin view over it.
//!
//! - [`ingest`] turns a file's bytes into an [`Article`]: encoding detection, the seeds'
//!   ` date 2022-12` header, `key: value` headers, headlines, paragraphs and their kinds.
//! - [`article`] is the model: ids derived from the text, dates that keep their precision and
//!   provenance, paragraph kinds.
//! - [`text`] holds language identification and sentence boundaries.
//! - [`corpus`] owns the loaded articles and answers the UI's questions; it also holds the
//!   user's edits, hidden seeds and removals.
//! - [`project`] is the one-file project and the stored state, as versioned JSON.
//! - [`compare`] sets articles side by side: similarity and story groups, aligned sentences,
//!   quotations and their speakers, the number ledger, entities and distinctive words.
//! - [`analysis`] gives every analysis of an article as one record with character offsets (what
//!   the `newsprism analyze` command prints).
//! - [`time`] finds the dates a text mentions, places them against its publication date and
//!   builds the timeline and query trends.
//!
//! ```
//! use newsprism_core::corpus::{Corpus, LibrarySort};
//!
//! let files: [(&str, &[u8]); 2] = [
//!     ("a.txt", b" date 2022-12 Poetin bezocht maandag Minsk. Hij sprak met Loekasjenko."),
//!     ("b.txt", b"Loekasjenko in spagaat\nDe president van Belarus zit klem tussen Rusland en het Westen."),
//! ];
//! let (corpus, errors) = Corpus::from_files(files);
//! assert!(errors.is_empty());
//! let library = corpus.library(LibrarySort::DateNewest);
//! assert_eq!(library[0].pub_date.as_ref().unwrap().date.human(), "Dec 2022");
//! assert!(library[1].pub_date.is_none()); // undated, and listed last
//! assert_eq!(library[1].title, "Loekasjenko in spagaat");
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod analysis;
pub mod article;
mod bytes;
pub mod compare;
pub mod corpus;
pub mod error;
pub mod export;
pub mod ingest;
pub mod project;
pub mod publish;
pub mod search;
pub mod sorting;
pub mod text;
pub mod time;

pub use article::{
    Article, ArticleId, Paragraph, ParagraphKind, PartialDate, Precision, Provenance, PubDate,
    TitleKind,
};
pub use corpus::Corpus;
pub use error::{IngestError, IngestErrorKind};
pub use text::language::Language;
