//! Text analysis shared by every feature: language identification, sentence boundaries,
//! tokens and their search keys, folding, dictionary forms (lemmas), stemming and stop words, and
//! the vocabulary several analyses share (number words, hedges).
//!
//! Nothing here knows about articles or files; it works on `&str`.

pub mod compose;
mod compose_table;
pub mod fold;
mod fold_table;
pub mod language;
pub mod lemma;
pub mod lexicon;
pub mod quotes;
pub mod sentence;
pub mod stem;
pub mod stopwords;
pub mod tokenize;
