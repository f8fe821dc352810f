//! What several test files share: the seeds loaded into a corpus.

use newsprism_core::corpus::Corpus;

/// The five seeds, read in file-name order, and their file names.
pub fn seeds() -> (Corpus, Vec<String>) {
    let dir = format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the seeds folder")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut corpus = Corpus::new();
    let files = names
        .iter()
        .map(|name| {
            (
                name.clone(),
                Ok(std::fs::read(format!("{dir}/{name}")).expect("a seed")),
            )
        })
        .collect();
    for outcome in corpus.add_files(files) {
        assert!(
            matches!(outcome, newsprism_core::corpus::FileOutcome::Added { .. }),
            "seeds parse: {outcome:?}"
        );
    }
    (corpus, names)
}
