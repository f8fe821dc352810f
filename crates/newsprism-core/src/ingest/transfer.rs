//! Reading files where the corpus is not (the app's Web Worker) and handing what was read to
//! where it is, as JSON text: a worker and the page share no memory, only messages.
//!
//! [`read`] does the expensive part, decoding and parsing, and keeps only what the corpus needs:
//! the articles and the messages of what failed. [`Corpus::add_read`](crate::corpus::Corpus::add_read)
//! then adds them exactly as [`Corpus::add_files`](crate::corpus::Corpus::add_files) would have.
//!
//! ```
//! use newsprism_core::ingest::transfer::{self, Read};
//! use newsprism_core::corpus::{Corpus, FileOutcome};
//! let sent = transfer::to_json(&[transfer::read("a.txt", "Poetin sprak in Minsk.".as_bytes())]);
//! let mut corpus = Corpus::new();
//! let Ok(mut files) = transfer::from_json(&sent) else { panic!("a valid message") };
//! let Some(Read::Articles(items)) = files.pop() else { panic!("one file of articles") };
//! let outcomes = corpus.add_read(items);
//! assert!(matches!(outcomes[0], FileOutcome::Added { .. }));
//! ```

use serde::{Deserialize, Serialize};

use super::{read_file, FileContents, Format, Ingested};
use crate::article::Article;

/// What one file held, ready to send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Read {
    /// Its articles (one for most files, one per record for JSON), or why a record failed.
    Articles(Vec<Result<ReadArticle, Rejection>>),
    /// A project file. It replaces the whole state, so it is read again where the corpus is.
    Project {
        /// The file's name.
        file_name: String,
    },
    /// The file could not be read.
    Rejected(Rejection),
}

/// An article read from a file, with what was noticed on the way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadArticle {
    /// The article.
    pub article: Article,
    /// Notes for the user.
    pub warnings: Vec<String>,
    /// The format it was read as.
    pub format: Format,
}

/// A file (or JSON record) that could not become an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The file's name (with the record for JSON).
    pub file_name: String,
    /// Why, in the words the report shows.
    pub reason: String,
}

impl Rejection {
    /// A file the browser could not hand over, with why.
    pub fn unreadable(file_name: String, why: &str) -> Rejection {
        Rejection {
            reason: format!("“{file_name}” could not be read: {why}."),
            file_name,
        }
    }
}

impl From<ReadArticle> for Ingested {
    fn from(r: ReadArticle) -> Ingested {
        Ingested {
            article: r.article,
            warnings: r.warnings,
            format: r.format,
        }
    }
}

/// Decodes and parses a file, as [`read_file`] does, into something that can be sent.
pub fn read(file_name: &str, bytes: &[u8]) -> Read {
    let rejection = |e: crate::error::IngestError| Rejection {
        reason: e.to_string(),
        file_name: e.file_name,
    };
    match read_file(file_name, bytes) {
        Err(e) => Read::Rejected(rejection(e)),
        Ok(FileContents::Project(_)) => Read::Project {
            file_name: file_name.to_string(),
        },
        Ok(FileContents::Articles(items)) => Read::Articles(
            items
                .into_iter()
                .map(|item| {
                    item.map(|i| ReadArticle {
                        article: i.article,
                        warnings: i.warnings,
                        format: i.format,
                    })
                    .map_err(rejection)
                })
                .collect(),
        ),
    }
}

/// Several files' results as one message.
pub fn to_json(items: &[Read]) -> String {
    // Articles are plain data (strings, numbers, enums): serialising them cannot fail.
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_string())
}

/// A message back into results; an error says what was wrong with it.
pub fn from_json(text: &str) -> Result<Vec<Read>, String> {
    serde_json::from_str(text).map_err(|e| format!("the worker's message could not be read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    /// Files read directly and files read through a message end up the same.
    #[test]
    fn a_batch_sent_as_text_adds_exactly_what_reading_it_here_adds() {
        let seeds = format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&seeds)
            .expect("seeds")
            .filter_map(|e| e.ok())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("a seed"),
                )
            })
            .collect();
        files.sort();
        files.push(("leeg.txt".into(), Vec::new()));
        files.push(("scan.pdf".into(), b"%PDF-1.7\n\x00\x01\x02binary".to_vec()));
        files.push((
            "records.json".into(),
            br#"[{"title":"Een","text":"Poetin in Minsk, zegt Peskov."},{"title":"Leeg"}]"#
                .to_vec(),
        ));
        files.push(("again.txt".into(), files[0].1.clone()));
        files.push((
            "latin1.txt".into(),
            b"Caf\xe9 in Minsk: \xa315 voor een kop koffie.".to_vec(),
        ));

        let mut direct = Corpus::new();
        let expected = direct.add_files(
            files
                .iter()
                .map(|(n, b)| (n.clone(), Ok(b.clone())))
                .collect(),
        );

        let sent = to_json(&files.iter().map(|(n, b)| read(n, b)).collect::<Vec<_>>());
        let mut via = Corpus::new();
        let mut got = Vec::new();
        for r in from_json(&sent).expect("valid message") {
            match r {
                Read::Articles(items) => got.extend(via.add_read(items)),
                Read::Rejected(r) => got.push(crate::corpus::FileOutcome::Rejected {
                    file_name: r.file_name,
                    reason: r.reason,
                }),
                Read::Project { .. } => unreachable!("no project in this batch"),
            }
        }
        assert_eq!(got, expected);
        assert_eq!(via.len(), direct.len());
        assert!(got
            .iter()
            .any(|o| matches!(o, crate::corpus::FileOutcome::Duplicate { .. })));
        assert_eq!(
            got.iter()
                .filter(|o| matches!(o, crate::corpus::FileOutcome::Rejected { .. }))
                .count(),
            3
        );
        for (a, b) in via.articles().iter().zip(direct.articles()) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_project_file_is_left_to_the_corpus_and_a_broken_message_is_an_error() {
        let project = Corpus::new().project().to_json();
        assert_eq!(
            read("mijn.newsprism.json", project.as_bytes()),
            Read::Project {
                file_name: "mijn.newsprism.json".into()
            }
        );
        assert!(from_json("[{\"Articles\":").is_err());
    }
}
