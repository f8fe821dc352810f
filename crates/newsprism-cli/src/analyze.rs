//! `newsprism analyze`: one record per article, with every analysis (see
//! `newsprism_core::analysis`, documented in the README).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use newsprism_core::analysis::analyze;

use crate::files;
use crate::Format;

/// Reads `paths` and prints their articles' records.
pub fn run(paths: &[PathBuf], format: Format) -> ExitCode {
    let (files, mut failed) = files::gather(paths);
    if files.is_empty() {
        eprintln!("newsprism: no files to read");
        return ExitCode::from(2);
    }
    let total = files.len();
    let mut corpus = files::corpus();
    let (ids, bad) = files::read_into(&mut corpus, files, (0, total));
    failed |= bad;
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
