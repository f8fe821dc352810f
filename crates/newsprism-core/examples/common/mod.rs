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

/// The folder to read (the first argument; the BBC corpus beside the project when missing) and
/// a list of numbers (the second argument, comma-separated; `default` when missing).
#[allow(dead_code)] // only the scale examples take numbers
pub fn dir_and_numbers(default: &str) -> (String, Vec<usize>) {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpora/bbc".into());
    let numbers = args
        .next()
        .unwrap_or_else(|| default.into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    (dir, numbers)
}

/// Copy `k` of a batch, as `bench/bbc-copies.mjs` makes them: each file made distinct by one
/// line (copy 0 is the batch itself, renamed), so that duplicate detection keeps them.
#[allow(dead_code)] // only the scale examples make copies
pub fn copy_of(
    base: &[(String, Result<Vec<u8>, String>)],
    k: usize,
) -> Vec<(String, Result<Vec<u8>, String>)> {
    base.iter()
        .map(|(name, bytes)| {
            let bytes = bytes.clone().map(|mut b| {
                if k > 0 {
                    b.extend_from_slice(format!("\n\nCopy {k} of {name}.\n").as_bytes());
                }
                b
            });
            (format!("copy{k}_{}", name.replace('/', "_")), bytes)
        })
        .collect()
}

/// A LassySmall document ("wiki-342") as text: its sentences from the treebank's `# text`
/// lines, in paragraph and sentence order, paragraphs apart (the first is the title), and each
/// sentence without closing punctuation (a list item, a heading) a paragraph of its own.
#[allow(dead_code)] // only the scorers read LassySmall
pub fn lassy_document(dir: &str, id: &str) -> Option<Vec<u8>> {
    let mut sentences: Vec<((u32, u32), String)> = Vec::new();
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "conllu") {
            continue;
        }
        let text = std::fs::read_to_string(&path).ok()?;
        let mut at: Option<(u32, u32)> = None;
        for line in text.lines() {
            if let Some(sid) = line.strip_prefix("# sent_id = ") {
                // wiki-342.p.5.s.3
                let parts: Vec<&str> = sid.split('.').collect();
                at = match parts.as_slice() {
                    [doc, "p", p, "s", s] if *doc == id => p.parse().ok().zip(s.parse().ok()),
                    _ => None,
                };
            } else if let (Some(key), Some(t)) = (at, line.strip_prefix("# text = ")) {
                sentences.push((key, t.to_string()));
                at = None;
            }
        }
    }
    if sentences.is_empty() {
        return None;
    }
    sentences.sort_by_key(|(k, _)| *k);
    let mut out = String::new();
    let mut paragraph = None;
    // A sentence with no closing punctuation is a list item or a heading, on a line of its own
    // in the page: it gets a paragraph of its own.
    let mut open = false;
    for ((p, _), t) in sentences {
        if paragraph != Some(p) || !open {
            if paragraph.is_some() {
                out.push_str("\n\n");
            }
            paragraph = Some(p);
        } else {
            out.push(' ');
        }
        out.push_str(&t);
        open = t
            .trim_end()
            .ends_with(['.', '!', '?', ';', ':', '"', '”', '»', ')']);
    }
    Some(out.into_bytes())
}
