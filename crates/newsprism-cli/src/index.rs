//! `newsprism index`: a published index of the files (see `newsprism_core::publish`), written
//! batch by batch in bounded memory, every file gzip-compressed, the manifest last.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;
use newsprism_core::publish::{Builder, Part, Store};

use crate::files;

/// Where the runs wait for the merge, inside the index's folder (removed once merged).
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

/// Reads `paths` in batches of `batch` files and publishes their index in `out`.
pub fn run(paths: &[PathBuf], out: &Path, batch: usize) -> ExitCode {
    let started = Instant::now();
    let (files, mut failed) = files::gather(paths);
    if files.is_empty() {
        eprintln!("newsprism: no files to read");
        return ExitCode::from(2);
    }
    if let Err(why) = prepare(out) {
        eprintln!("newsprism: {}: {why}", out.display());
        return ExitCode::from(2);
    }
    let total = files.len();
    let mut disk = Disk {
        dir: out.to_path_buf(),
        runs: 0,
        files: 0,
        bytes: 0,
    };
    let mut builder = Builder::new(
        &format!("newsprism {}", env!("CARGO_PKG_VERSION")),
        &Default::default(),
    );
    let mut keyed = files::corpus();
    let mut done = 0;
    for chunk in files.chunks(batch.max(1)) {
        let mut corpus = files::corpus();
        let (_, bad) = files::read_into(&mut corpus, chunk.to_vec(), (done, total));
        failed |= bad;
        done += chunk.len();
        match builder.add_batch(&corpus, &mut disk) {
            Ok(repeated) => {
                for id in repeated {
                    if let Some(a) = corpus.get(id) {
                        eprintln!(
                            "newsprism: {}: the same text as article {id}, read earlier, left out",
                            a.file_name
                        );
                    }
                }
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
    eprintln!("newsprism: merging {} runs", disk.runs);
    let manifest = match builder.finish(keyed.index(), &mut disk) {
        Ok(m) => m,
        Err(why) => {
            eprintln!("newsprism: {why}");
            return ExitCode::from(1);
        }
    };
    let written = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| e.to_string())
        .and_then(|json| {
            std::fs::write(out.join("manifest.json"), &json).map_err(|e| e.to_string())?;
            Ok(json.len() as u64)
        });
    let manifest_bytes = match written {
        Ok(n) => n,
        Err(why) => {
            eprintln!("newsprism: {}: {why}", out.join("manifest.json").display());
            return ExitCode::from(1);
        }
    };
    let _ = std::fs::remove_dir_all(out.join(RUNS));
    eprintln!(
        "newsprism: {documents} articles, {} words: {} files, {:.1} MB, in {:.1} s",
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
