//! Full-text search: the query language, aliases across spellings, an inverted index with
//! positions and BM25 ranking, snippets and keyword-in-context.

pub mod alias;
pub mod answer;
pub mod engine;
pub mod index;
pub mod kwic;
pub mod query;
pub mod rank;
pub mod results;
pub mod snippet;
