//! Text analysis shared by every feature: language identification, sentence boundaries,
//! tokens and their search keys, folding, stemming and stop words.
//!
//! Nothing here knows about articles or files; it works on `&str`.

pub mod fold;
mod fold_table;
pub mod language;
pub mod sentence;
pub mod stem;
pub mod stopwords;
pub mod tokenize;
