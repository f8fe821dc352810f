//! Typed errors with plain-language messages.
//!
//! Every message names the file and says what is wrong with it in words a journalist would
//! use, because the UI shows `Display` as it is. [`IngestError`] is the one rejection type: it
//! travels from the ingest worker to the page and ends in the report as it is.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::TextEncoding;

/// Why a file could not become an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum IngestErrorKind {
    /// The file has no bytes, or only white space.
    Empty,
    /// The file has characters but not a single letter or digit.
    NoWords,
    /// The browser could not hand the file's bytes over (a file moved or deleted after it
    /// was picked, a folder entry that is not a file).
    Unreadable {
        /// Why, as the browser put it.
        why: String,
    },
    /// The file was not taken now, though nothing is wrong with it (the app was busy).
    NotNow {
        /// Why, and what to do ("add it again in a moment").
        why: String,
    },
    /// The file is not text.
    Binary {
        /// What it looks like instead ("a PDF document", "binary data").
        what: Cow<'static, str>,
    },
    /// The file declares an encoding its bytes then break.
    Undecodable {
        /// The declared encoding.
        encoding: TextEncoding,
    },
    /// The file is larger than Newsprism reads.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A `.json`/`.jsonl` file that is not valid JSON, or holds no records.
    BadJson {
        /// Where and how it is broken.
        why: String,
    },
    /// A saved page (MHTML) or feed that holds no page or items.
    BadPage {
        /// Why ("the file holds no HTML page").
        why: String,
    },
    /// One record of a JSON file that cannot be an article.
    BadRecord {
        /// Why ("it has no text").
        why: String,
    },
    /// A project file that cannot be opened.
    BadProject {
        /// Why (a newer version, a damaged file).
        why: String,
    },
}

/// A file (or one record of a file) that could not be read as an article, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestError {
    /// The file's name, as the user knows it.
    pub file_name: String,
    /// What went wrong.
    pub kind: IngestErrorKind,
}

impl IngestError {
    /// A file the browser could not hand over, with why.
    pub fn unreadable(file_name: impl Into<String>, why: impl Into<String>) -> IngestError {
        IngestError {
            file_name: file_name.into(),
            kind: IngestErrorKind::Unreadable { why: why.into() },
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” ", self.file_name)?;
        match &self.kind {
            IngestErrorKind::Empty => write!(f, "is empty: there is no text to read."),
            IngestErrorKind::NoWords => {
                write!(f, "has no words in it: nothing but punctuation, symbols or a header.")
            }
            IngestErrorKind::Unreadable { why } => write!(f, "could not be read: {why}."),
            IngestErrorKind::NotNow { why } => write!(f, "was not added: {why}."),
            IngestErrorKind::Binary { what } => {
                write!(f, "is not a text file: it looks like {what}.")
            }
            IngestErrorKind::Undecodable { encoding } => write!(
                f,
                "says it is {encoding} text but its bytes are not valid {encoding}; it may be damaged."
            ),
            IngestErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "is too large: {} MB, and Newsprism reads files up to {} MB.",
                mb(*bytes),
                mb(*limit)
            ),
            IngestErrorKind::BadJson { why } => write!(f, "is not valid JSON: {why}."),
            IngestErrorKind::BadRecord { why } => write!(f, "was skipped: {why}."),
            IngestErrorKind::BadPage { why } => write!(f, "cannot be read: {why}."),
            IngestErrorKind::BadProject { why } => {
                write!(f, "cannot be opened as a Newsprism project: {why}.")
            }
        }
    }
}

impl std::error::Error for IngestError {}

fn mb(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_the_reason() {
        let cases = [
            (
                IngestErrorKind::Empty,
                "“a.txt” is empty: there is no text to read.",
            ),
            (
                IngestErrorKind::Binary {
                    what: "a PDF document".into(),
                },
                "“a.txt” is not a text file: it looks like a PDF document.",
            ),
            (
                IngestErrorKind::Unreadable {
                    why: "the browser could not read this file".into(),
                },
                "“a.txt” could not be read: the browser could not read this file.",
            ),
            (
                IngestErrorKind::TooLarge {
                    bytes: 31 * 1024 * 1024,
                    limit: 20 * 1024 * 1024,
                },
                "“a.txt” is too large: 31 MB, and Newsprism reads files up to 20 MB.",
            ),
        ];
        for (kind, expected) in cases {
            let e = IngestError {
                file_name: "a.txt".into(),
                kind,
            };
            assert_eq!(e.to_string(), expected);
        }
    }
}
