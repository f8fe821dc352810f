//! What the examples share: walking a folder of articles and reading it as a batch.

/// Every file under `dir`, in no particular order (callers sort).
pub fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every file under `dir`, in name order, read as a batch for `Corpus::add_files` (named by
/// its path).
#[allow(dead_code)] // not every example reads a batch
pub fn batch(dir: &str) -> Vec<(String, Result<Vec<u8>, String>)> {
    let mut paths = Vec::new();
    files(std::path::Path::new(dir), &mut paths);
    paths.sort();
    paths
        .iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(p).map_err(|e| e.to_string()),
            )
        })
        .collect()
}
