//! `newsprism search`: a query over a published index, reading only the files it needs, with
//! the app's query language and ranking.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use flate2::read::GzDecoder;
use newsprism_core::publish::{Manifest, Part, PublishedIndex, ReadError};
use newsprism_core::search::results::{SearchOptions, SearchResults};
use newsprism_core::text::stem::Stemmers;
use serde::Serialize;

use crate::files;
use crate::SearchFormat;

/// One hit, as printed.
#[derive(Serialize)]
struct Hit {
    rank: usize,
    id: String,
    file: String,
    title: String,
    source: String,
    date: Option<String>,
    score: f32,
    /// The best passage; the words that matched in `**…**`.
    snippet: Option<String>,
}

/// The answer, as printed with `--format json`.
#[derive(Serialize)]
struct Answer {
    query: String,
    total: usize,
    hits: Vec<Hit>,
    /// Other spellings searched too ("Belarus" → "Wit-Rusland").
    also_searched: Vec<(String, Vec<String>)>,
    suggestions: Vec<String>,
    warnings: Vec<String>,
    /// Files read for this query (besides the manifest and the documents), and their bytes
    /// on disk.
    files_read: usize,
    bytes_read: u64,
}

/// Reads `dir/path.gz`, uncompressed; its size on disk is added to `bytes`.
pub fn read_part(dir: &Path, path: &str, bytes: &mut u64) -> Result<Vec<u8>, ReadError> {
    let fail = |why: String| ReadError {
        file: path.to_string(),
        why,
    };
    let file = dir.join(format!("{path}.gz"));
    let raw = std::fs::read(&file).map_err(|e| fail(e.to_string()))?;
    *bytes += raw.len() as u64;
    let mut out = Vec::new();
    GzDecoder::new(raw.as_slice())
        .read_to_end(&mut out)
        .map_err(|e| fail(format!("not gzip ({e})")))?;
    Ok(out)
}

/// Opens the published index in `dir`.
pub fn open(dir: &Path) -> Result<PublishedIndex, ReadError> {
    let manifest = std::fs::read(dir.join("manifest.json")).map_err(|e| ReadError {
        file: "manifest.json".into(),
        why: e.to_string(),
    })?;
    let docs = read_part(dir, &Part::Docs.path(), &mut 0)?;
    // The word list the index says it was keyed with: the built-in one, or stems alone.
    let keyed = Manifest::parse(&manifest).is_ok_and(|m| m.lexicon.is_some());
    let stemmers = match files::lexicon() {
        Some(lemmas) if keyed => Stemmers::with_lemmas(lemmas),
        _ => Stemmers::default(),
    };
    PublishedIndex::open(&manifest, &docs, stemmers)
}

/// Searches the index in `dir` and prints the best `limit` hits.
pub fn run(dir: &Path, query: &str, limit: usize, aliases: bool, format: SearchFormat) -> ExitCode {
    let mut index = match open(dir) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("newsprism: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let options = SearchOptions {
        aliases,
        limit,
        ..SearchOptions::default()
    };
    let (mut files_read, mut bytes_read) = (0, 0u64);
    let results = index.search(query, &options, |part| {
        files_read += 1;
        read_part(dir, &part.path(), &mut bytes_read)
    });
    let results = match results {
        Ok(r) => r,
        Err(e) => {
            eprintln!("newsprism: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
    };
    let answer = answer(&index, query, &results, files_read, bytes_read);
    match format {
        SearchFormat::Json => match serde_json::to_string_pretty(&answer) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("newsprism: {e}");
                return ExitCode::from(1);
            }
        },
        SearchFormat::Text => print_text(&answer),
    }
    ExitCode::SUCCESS
}

fn answer(
    index: &PublishedIndex,
    query: &str,
    r: &SearchResults,
    files_read: usize,
    bytes_read: u64,
) -> Answer {
    let hits = r
        .hits
        .iter()
        .enumerate()
        .map(|(i, h)| Hit {
            rank: i + 1,
            id: h.id.to_string(),
            file: index
                .article(h.id)
                .map(|a| a.file_name.clone())
                .unwrap_or_default(),
            title: h.title.iter().map(|s| s.text.as_str()).collect(),
            source: h.source.clone(),
            date: h.date.as_ref().map(|d| d.date.iso()),
            score: h.score,
            snippet: h.snippet.as_ref().map(|s| {
                s.spans
                    .iter()
                    .map(|span| {
                        if span.hit {
                            format!("**{}**", span.text)
                        } else {
                            span.text.clone()
                        }
                    })
                    .collect()
            }),
        })
        .collect();
    Answer {
        query: query.to_string(),
        total: r.total,
        hits,
        also_searched: r
            .expansions
            .iter()
            .map(|e| (e.word.clone(), e.also.clone()))
            .collect(),
        suggestions: r.suggestions.iter().map(|s| s.label.clone()).collect(),
        warnings: r.warnings.clone(),
        files_read,
        bytes_read,
    }
}

fn print_text(a: &Answer) {
    let n = match a.total {
        1 => "1 article matches".to_string(),
        n => format!("{n} articles match"),
    };
    println!(
        "{n} \u{201c}{}\u{201d} ({} files read, {:.1} KB)",
        a.query,
        a.files_read,
        a.bytes_read as f64 / 1e3
    );
    for w in &a.warnings {
        println!("note: {w}");
    }
    for (word, also) in &a.also_searched {
        println!(
            "for \u{201c}{word}\u{201d}, also searched: {}",
            also.join(", ")
        );
    }
    for s in &a.suggestions {
        println!("{s}");
    }
    for h in &a.hits {
        let date = h.date.as_deref().unwrap_or("date unknown");
        println!(
            "\n{:>3}. {} \u{2014} {}, {date}  [{:.2}]",
            h.rank, h.title, h.source, h.score
        );
        println!("     {} ({})", h.file, h.id);
        if let Some(s) = &h.snippet {
            println!("     {s}");
        }
    }
}
