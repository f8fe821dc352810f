//! `newsprism analyze`: one record per article, with every analysis (see
//! `newsprism_core::analysis`, documented in the README).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsprism_core::analysis::analyze;
use newsprism_core::corpus::RestoreReport;
use newsprism_core::project::{Project, ProjectState};

use crate::files;
use crate::Format;

/// Reads `paths` and prints their articles' records, with the state of the `project` file if
/// one is given (its tables and edits; its articles are not analysed).
pub fn run(paths: &[PathBuf], format: Format, project: Option<&Path>) -> ExitCode {
    let state = match project.map(read_project).transpose() {
        Ok(state) => state,
        Err(why) => {
            eprintln!("newsprism: {why}");
            return ExitCode::from(2);
        }
    };
    let (files, mut failed) = files::gather(paths);
    if files.is_empty() {
        eprintln!("newsprism: no files to read");
        return ExitCode::from(2);
    }
    let total = files.len();
    let mut corpus = files::corpus();
    let (ids, bad) = files::read_into(&mut corpus, files, (0, total));
    failed |= bad;
    if let Some(state) = state {
        let mut report = RestoreReport::default();
        corpus.apply_state(state, &mut report);
        if report.bad_events > 0 {
            eprintln!(
                "newsprism: {} named event(s) in the project were left out: each needs a name, a day written YYYY-MM-DD and a phrase",
                report.bad_events
            );
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

/// The state of a project file, or why it cannot be used (naming the file).
fn read_project(path: &Path) -> Result<ProjectState, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the project file: {e}", path.display()))?;
    Project::from_json(&text)
        .map(|p| p.state)
        .map_err(|why| format!("{}: {why}", path.display()))
}
