//! `newsprism`: the web app's analyses of news files, on the command line, with the same core.
//!
//! `newsprism analyze FILES|DIRS… [--format json|jsonl]` reads files exactly as the app does
//! (the same formats, encodings, headers and duplicate checks, and the same Dutch lexicon) and
//! prints one record per article (`newsprism_core::analysis`, documented in the README).
//!
//! Exit codes: 0, every file read; 1, some files could not be read or held no article (each
//! named on stderr; the others are printed); 2, the command line was wrong or no file was found.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use newsprism_core::analysis::analyze;
use newsprism_core::corpus::{Corpus, FileOutcome};
use newsprism_core::ingest::companions::page_companions;
use newsprism_core::text::lemma::Lemmas;

/// The Dutch lexicon the app loads beside the page.
const LEXICON: &str = include_str!("../../newsprism-core/data/lexicon.txt");

#[derive(Parser)]
#[command(
    name = "newsprism",
    version,
    about = "Newsprism's analyses of news files, as JSON"
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
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
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
        Command::Analyze { paths, format } => run_analyze(&paths, format),
    }
}

fn run_analyze(paths: &[PathBuf], format: Format) -> ExitCode {
    let mut failed = false;
    let mut files = Vec::new();
    for path in paths {
        if let Err(why) = collect(path, path, &mut files) {
            eprintln!("newsprism: {}: {why}", path.display());
            failed = true;
        }
    }
    // The folder beside a page saved "complete" holds its images and scripts, not articles.
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let skip = page_companions(&names);
    let files: Vec<(String, PathBuf)> = files
        .into_iter()
        .zip(skip)
        .filter_map(|(f, skip)| (!skip).then_some(f))
        .collect();
    if files.is_empty() {
        eprintln!("newsprism: no files to read");
        return ExitCode::from(2);
    }
    let total = files.len();
    let mut corpus = Corpus::new();
    match Lemmas::parse(LEXICON) {
        Ok(lemmas) => {
            corpus.set_lemmas(Arc::new(lemmas));
        }
        Err(e) => {
            eprintln!("newsprism: the built-in lexicon could not be read ({e}); words are stemmed")
        }
    }
    let mut ids = Vec::new();
    for (done, (name, path)) in files.into_iter().enumerate() {
        let bytes = std::fs::read(&path).map_err(|e| e.to_string());
        for outcome in corpus.add_files(vec![(name, bytes)]) {
            match outcome {
                FileOutcome::Added { id, .. } => ids.push(id),
                FileOutcome::Duplicate { file_name, of } => {
                    eprintln!("newsprism: {file_name}: the same text as article {of}, left out");
                }
                FileOutcome::Rejected(e) => {
                    eprintln!("newsprism: {e}");
                    failed = true;
                }
                FileOutcome::ProjectOpened { file_name, .. } => {
                    eprintln!(
                        "newsprism: {file_name}: a Newsprism project; its articles are analysed"
                    );
                    ids = corpus.articles().iter().map(|a| a.id).collect();
                }
            }
        }
        if total >= 200 && (done + 1) % 200 == 0 {
            eprintln!("newsprism: read {} of {total} files", done + 1);
        }
    }
    let records = analyze(&corpus, &ids);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &records)
            .map_err(|e| e.to_string())
            .and_then(|()| writeln!(out).map_err(|e| e.to_string())),
        Format::Jsonl => records.iter().try_for_each(|r| {
            serde_json::to_writer(&mut out, r).map_err(|e| e.to_string())?;
            writeln!(out).map_err(|e| e.to_string())
        }),
    };
    if let Err(why) = written.and_then(|()| out.flush().map_err(|e| e.to_string())) {
        eprintln!("newsprism: could not write the output: {why}");
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Adds `path` (a file, or every file under a folder, in name order) to `files` as (its name
/// relative to the folder given, as the app sees a dropped folder's files; its path).
fn collect(root: &Path, path: &Path, files: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_file() {
        let name = if root == path {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        } else {
            let base = root.parent().unwrap_or(root);
            path.strip_prefix(base)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned()
        };
        files.push((name, path.to_path_buf()));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if !hidden {
            collect(root, &entry, files)?;
        }
    }
    Ok(())
}
