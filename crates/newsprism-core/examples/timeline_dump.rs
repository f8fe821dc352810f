//! Prints every temporal expression the timeline finds in the given files, with its value:
//! `cargo run -p newsprism-core --example timeline_dump -- ../shared/seeds/*.txt`.
use newsprism_core::corpus::Corpus;
use newsprism_core::time::timeline::analyse;

fn main() {
    let mut corpus = Corpus::new();
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let name = path.rsplit('/').next().unwrap_or(&path).to_string();
                for outcome in corpus.add_files(vec![(name, Ok(bytes))]) {
                    if let newsprism_core::corpus::FileOutcome::Rejected(e) = outcome {
                        eprintln!("{path}: {e}");
                    }
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    for a in corpus.articles() {
        let t = analyse(a);
        println!(
            "## {} [{}]{}",
            a.file_name,
            a.pub_date
                .as_ref()
                .map(|d| d.date.iso())
                .unwrap_or_else(|| "undated".into()),
            t.inferred
                .map(|i| format!(" inferred {} ({})", i.date.iso(), i.evidence))
                .unwrap_or_default()
        );
        for e in t.events {
            println!(
                "{}\t{}\t{:?}",
                e.text,
                e.resolution
                    .as_ref()
                    .map(|r| r.value.clone())
                    .unwrap_or_else(|| "-".into()),
                e.expression.tense
            );
        }
    }
}
