//! `newsprism`: the web app's analyses and search of news files, on the command line, with the
//! same core.
//!
//! - `newsprism analyze FILES|DIRS… [--format json|jsonl] [--project FILE]` reads files exactly as the app does
//!   (the same formats, encodings, headers and duplicate checks, and the same Dutch lexicon) and
//!   prints one record per article (`newsprism_core::analysis`, documented in the README).
//! - `newsprism index FILES|DIRS… --out DIR [--batch N] [--update]` publishes their search index
//!   as static files (`newsprism_core::publish`), a batch at a time; `--update` goes on from an
//!   index written before, reading only new and changed files.
//! - `newsprism search DIR QUERY [--limit N] [--no-aliases] [--format text|json]` searches a
//!   published index with the app's query language and ranking, reading only the files the
//!   query needs.
//!
//! Exit codes: 0, done; 1, some files could not be read or held no article (each named on
//! stderr; the rest is done), or the output or an index file could not be written or read;
//! 2, the command line was wrong, no file was found, or the index folder cannot be used.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod analyze;
mod files;
mod index;
mod search;

#[derive(Parser)]
#[command(
    name = "newsprism",
    version,
    about = "Newsprism's analyses and search of news files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads files (and folders, recursively) as the app does and prints, per article, its
    /// metadata and every analysis with character offsets into its text.
    Analyze {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// `json`: one array; `jsonl`: one record per line.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// A project file exported from the app: its spellings table, named events and
        /// metadata edits are used, so the records agree with what the app shows.
        #[arg(long)]
        project: Option<PathBuf>,
    },
    /// Reads files (and folders) as the app does and writes their search index as static
    /// files in a folder, to search with `newsprism search` or to publish on a static host.
    Index {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The index's folder: made if missing; an earlier index there is replaced; any other
        /// folder with files in it is refused.
        #[arg(long)]
        out: PathBuf,
        /// Files read into memory at a time: memory grows with this, not with the archive.
        #[arg(long, default_value_t = 2000)]
        batch: usize,
        /// Go on from the index in the folder: files gone or changed since are removed, new and
        /// changed ones read, unchanged ones not read again.
        #[arg(long)]
        update: bool,
    },
    /// Searches a published index with the app's query language and ranking.
    Search {
        /// The index's folder (as `newsprism index --out` wrote it).
        dir: PathBuf,
        /// The query: words, "phrases", AND/OR/NOT, prefix*, fuzzy~1, source:, lang:, date:.
        query: String,
        /// How many of the best hits to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Search the words only as typed, not their other spellings from the alias table.
        #[arg(long)]
        no_aliases: bool,
        /// `text`: for reading; `json`: for scripts.
        #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
        format: SearchFormat,
    },
}

/// How `analyze` prints its records.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

/// How `search` prints its answer.
#[derive(Clone, Copy, ValueEnum)]
enum SearchFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Analyze {
            paths,
            format,
            project,
        } => analyze::run(&paths, format, project.as_deref()),
        Command::Index {
            paths,
            out,
            batch,
            update,
        } => index::run(&paths, &out, batch, update),
        Command::Search {
            dir,
            query,
            limit,
            no_aliases,
            format,
        } => search::run(&dir, &query, limit, !no_aliases, format),
    }
}
