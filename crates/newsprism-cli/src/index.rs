//! `newsprism index`: a published index of the files (see `newsprism_core::publish`), written
//! batch by batch (runs on disk, merged at the end), every file gzip-compressed, the manifest last.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;
use newsprism_core::publish::{Builder, Manifest, Part, ResumeState, Store};
use serde::{Deserialize, Serialize};

use crate::{files, search};

/// Where the runs are kept inside the index's folder, with what an update needs (`state.json`):
/// not needed to search, so left out when the index is published.
const RUNS: &str = ".runs";

/// The index's files on disk.
struct Disk {
    dir: PathBuf,
    runs: usize,
    files: usize,
    bytes: u64,
}

impl Disk {
    fn run_path(&self, n: usize) -> PathBuf {
        self.dir.join(RUNS).join(format!("{n}.run"))
    }
}

impl Store for Disk {
    fn write(&mut self, part: Part, bytes: Vec<u8>) -> Result<(), String> {
        let path = self.dir.join(format!("{}.gz", part.path()));
        let written = write_gzip(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        self.files += 1;
        self.bytes += written;
        Ok(())
    }
    fn keep_run(&mut self, bytes: Vec<u8>) -> Result<(), String> {
        let path = self.run_path(self.runs);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        self.runs += 1;
        Ok(())
    }
    fn remove(&mut self, part: Part) -> Result<(), String> {
        let path = self.dir.join(format!("{}.gz", part.path()));
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(format!("{}: {e}", path.display()))
            }
            _ => Ok(()),
        }
    }
    fn read_run(&mut self, n: usize) -> Result<Box<dyn Read>, String> {
        let path = self.run_path(n);
        let file = File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Box::new(file))
    }
}

/// Writes `bytes` gzip-compressed to `path` (its folder made if need be); returns the size
/// written.
fn write_gzip(path: &Path, bytes: &[u8]) -> std::io::Result<u64> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut gz = GzEncoder::new(BufWriter::new(File::create(path)?), Compression::default());
    gz.write_all(bytes)?;
    gz.finish()?.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

/// Makes `out` ready for a new index: made if missing, emptied of an earlier index's files if
/// it holds one; any other folder with files in it is refused (nothing of the user's is
/// overwritten).
fn prepare(out: &Path) -> Result<(), String> {
    if out.exists() {
        let mut entries = std::fs::read_dir(out).map_err(|e| e.to_string())?;
        let empty = entries.next().is_none();
        if !empty && !out.join("manifest.json").exists() {
            return Err(
                "is not empty and holds no Newsprism index: refusing to write there".into(),
            );
        }
        // The manifest first, so that a half-emptied folder is never taken for an index.
        let manifest = out.join("manifest.json");
        if manifest.exists() {
            std::fs::remove_file(manifest).map_err(|e| e.to_string())?;
        }
        for sub in ["docs.bin.gz", "dict", "post", "pos", "stems", "text", RUNS] {
            let path = out.join(sub);
            if path.is_dir() {
                std::fs::remove_dir_all(&path).map_err(|e| e.to_string())?;
            } else if path.exists() {
                std::fs::remove_file(&path).map_err(|e| e.to_string())?;
            }
        }
    }
    std::fs::create_dir_all(out.join(RUNS)).map_err(|e| e.to_string())
}

/// A file read into the index: its name, size and time as they were, and its articles' keys;
/// an update reads again only a file whose name, size or time changed.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Known {
    name: String,
    size: u64,
    modified: u64,
    keys: Vec<u64>,
}

/// What `.runs/state.json` keeps for updates.
#[derive(Serialize, Deserialize)]
struct State {
    resume: ResumeState,
    files: Vec<Known>,
}

/// A file's size and modification time (seconds), to tell whether it changed.
fn stamp(path: &Path) -> (u64, u64) {
    let meta = std::fs::metadata(path).ok();
    let modified = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    (meta.map_or(0, |m| m.len()), modified)
}

/// The index in `out` taken up again for an update: the builder, and the files it knows.
fn resume(out: &Path, disk: &mut Disk) -> Result<(Builder, Vec<Known>), String> {
    let state: State = std::fs::read(out.join(RUNS).join("state.json"))
        .map_err(|_| "holds no index to update (write one first, without --update)".to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| format!("{RUNS}/state.json: {e}")))?;
    let manifest = std::fs::read(out.join("manifest.json"))
        .map_err(|e| format!("manifest.json: {e}"))
        .and_then(|b| Manifest::parse(&b).map_err(|e| e.to_string()))?;
    let docs = search::read_part(out, &Part::Docs.path(), &mut 0).map_err(|e| e.to_string())?;
    let builder = Builder::resume(&manifest, &docs, &state.resume, &Default::default())?;
    disk.runs = state.resume.runs;
    Ok((builder, state.files))
}

/// Removes the files an index is merged into (not the articles' texts, nor the runs), manifest
/// first, so that a half-written folder is never taken for an index.
fn clear_merged(out: &Path) -> Result<(), String> {
    for name in [
        "manifest.json",
        "docs.bin.gz",
        "dict",
        "post",
        "pos",
        "stems",
    ] {
        let path = out.join(name);
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else if path.exists() {
            std::fs::remove_file(&path)
        } else {
            Ok(())
        };
        removed.map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Reads `paths` in batches of `batch` files and publishes their index in `out`; with `update`,
/// goes on from the index there: files gone or changed since are removed, new or changed ones
/// read, and the runs merged again (no unchanged file is read).
pub fn run(paths: &[PathBuf], out: &Path, batch: usize, update: bool) -> ExitCode {
    let started = Instant::now();
    let (files, mut failed) = files::gather(paths);
    if files.is_empty() {
        eprintln!("newsprism: no files to read");
        return ExitCode::from(2);
    }
    let mut disk = Disk {
        dir: out.to_path_buf(),
        runs: 0,
        files: 0,
        bytes: 0,
    };
    let generator = format!("newsprism {}", env!("CARGO_PKG_VERSION"));
    let begun = if update {
        resume(out, &mut disk)
    } else {
        prepare(out).map(|()| (Builder::new(&generator, &Default::default()), Vec::new()))
    };
    let (mut builder, before) = match begun {
        Ok(b) => b,
        Err(why) => {
            eprintln!("newsprism: {}: {why}", out.display());
            return ExitCode::from(2);
        }
    };
    // What is still there as it was is kept; what is gone or changed is removed.
    let now: std::collections::HashMap<&str, (u64, u64)> = files
        .iter()
        .map(|(name, path)| (name.as_str(), stamp(path)))
        .collect();
    let mut known = Vec::new();
    let mut removed = 0;
    for k in before {
        if now.get(k.name.as_str()) == Some(&(k.size, k.modified)) {
            known.push(k);
            continue;
        }
        for key in &k.keys {
            match builder.remove(*key, &mut disk) {
                Ok(true) => removed += 1,
                Ok(false) => {}
                Err(why) => {
                    eprintln!("newsprism: {why}");
                    return ExitCode::from(1);
                }
            }
        }
    }
    let kept: std::collections::HashSet<&str> = known.iter().map(|k| k.name.as_str()).collect();
    let to_read: Vec<(String, PathBuf)> = files
        .iter()
        .filter(|(name, _)| !kept.contains(name.as_str()))
        .cloned()
        .collect();
    if update {
        if let Err(why) = clear_merged(out) {
            eprintln!("newsprism: {why}");
            return ExitCode::from(1);
        }
        eprintln!(
            "newsprism: {} files as they were, {removed} articles removed, {} files to read",
            known.len(),
            to_read.len()
        );
    }
    let total = to_read.len();
    let mut keyed = files::corpus();
    let mut done = 0;
    for chunk in to_read.chunks(batch.max(1)) {
        let mut corpus = files::corpus();
        let (_, bad) = files::read_into(&mut corpus, chunk.to_vec(), (done, total));
        failed |= bad;
        done += chunk.len();
        match builder.add_batch(&corpus, &mut disk) {
            Ok(repeated) => {
                for id in &repeated {
                    if let Some(a) = corpus.get(*id) {
                        eprintln!(
                            "newsprism: {}: the same text as article {id}, read earlier, left out",
                            a.file_name
                        );
                    }
                }
                known.extend(chunk.iter().map(|(name, path)| {
                    let (size, modified) = stamp(path);
                    let keys = corpus
                        .articles()
                        .iter()
                        .filter(|a| a.file_name == *name && !repeated.contains(&a.id))
                        .map(|a| a.id.0)
                        .collect();
                    Known {
                        name: name.clone(),
                        size,
                        modified,
                        keys,
                    }
                }));
            }
            Err(why) => {
                eprintln!("newsprism: {why}");
                return ExitCode::from(1);
            }
        }
        eprintln!(
            "newsprism: {done} of {total} files read, {} articles indexed",
            builder.documents()
        );
        keyed = corpus;
    }
    let documents = builder.documents();
    let resume_state = builder.resume_state();
    eprintln!("newsprism: merging {} runs", disk.runs);
    let manifest = match builder.finish(keyed.index(), &mut disk) {
        Ok(m) => m,
        Err(why) => {
            eprintln!("newsprism: {why}");
            return ExitCode::from(1);
        }
    };
    let state = State {
        resume: resume_state,
        files: known,
    };
    let written = serde_json::to_vec(&state)
        .map_err(|e| e.to_string())
        .and_then(|json| {
            std::fs::write(out.join(RUNS).join("state.json"), json).map_err(|e| e.to_string())
        })
        .and_then(|()| serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string()))
        .and_then(|json| {
            std::fs::write(out.join("manifest.json"), &json).map_err(|e| e.to_string())?;
            Ok(json.len() as u64)
        });
    let manifest_bytes = match written {
        Ok(n) => n,
        Err(why) => {
            eprintln!("newsprism: {}: {why}", out.display());
            return ExitCode::from(1);
        }
    };
    eprintln!(
        "newsprism: {documents} articles, {} words: {} files written, {:.1} MB, in {:.1} s",
        manifest.terms,
        disk.files + 1,
        (disk.bytes + manifest_bytes) as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
