//! Lemma recall: does a search for a word's dictionary form find the documents that hold only an
//! inflection of it? Measured on text with gold lemmas (CoNLL-U), as `make bench-lemmas` runs it:
//!
//! `cargo run --release -p newsprism-core --example lemma_recall -- ../shared/corpora/ud-nl-lassysmall/*.conllu`
//!
//! Each document (the part of a sentence id before `.p.`, a Wikipedia article in UD LassySmall)
//! becomes one article, read through `Corpus::add_files` like a dropped file. For every distinct
//! (document, inflected form, lemma) where the form is not the lemma, a search for the lemma
//! (with a compound's or separable verb's `_` removed: `af_lopen` → `aflopen`) should find the
//! document. Recall is printed overall, by part of speech, for lemmas with and without `_`, and
//! for the harder case where the document never has the dictionary form itself.
//!
//! Over-matching: for each lemma searched, the documents found that hold neither the lemma nor
//! one of its gold forms; printed as a share of all documents found.
//!
//! A `.tsv` argument is an English gold table (`tests/gold/english-lemmas.tsv`: form, lemma,
//! part of speech): each form is a one-word document of its own, and a search for its lemma
//! should find that document and no other.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use newsprism_core::corpus::{Corpus, FileOutcome};
use newsprism_core::search::results::SearchOptions;
use newsprism_core::text::fold::fold;
use newsprism_core::text::lemma::Lemmas;
use newsprism_core::ArticleId;

/// One token: its form, gold lemma and part of speech.
struct Token {
    form: String,
    lemma: String,
    upos: String,
}

/// A document: its sentences' texts and tokens.
#[derive(Default)]
struct Doc {
    sentences: Vec<String>,
    tokens: Vec<Token>,
}

/// Reads CoNLL-U files into documents, keyed by the part of the sentence id before `.p.`.
fn read(paths: &[String]) -> BTreeMap<String, Doc> {
    let mut docs: BTreeMap<String, Doc> = BTreeMap::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("{path}: cannot be read");
            continue;
        };
        let mut doc_key = String::new();
        for line in text.lines() {
            if let Some(id) = line.strip_prefix("# sent_id = ") {
                doc_key = id.split(".p.").next().unwrap_or(id).to_string();
            } else if let Some(t) = line.strip_prefix("# text = ") {
                docs.entry(doc_key.clone())
                    .or_default()
                    .sentences
                    .push(t.to_string());
            } else if !line.starts_with('#') && !line.is_empty() {
                let cols: Vec<&str> = line.split('\t').collect();
                // Multiword ranges ("3-4") and empty nodes ("3.1") are not tokens of the text.
                if cols.len() < 4 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                docs.entry(doc_key.clone()).or_default().tokens.push(Token {
                    form: cols[1].to_string(),
                    lemma: cols[2].to_string(),
                    upos: cols[3].to_string(),
                });
            }
        }
    }
    docs
}

/// A lemma that can be searched as one plain word: letters (with inner hyphens or
/// apostrophes), not an operator.
fn searchable(lemma: &str) -> bool {
    lemma.chars().any(char::is_alphabetic)
        && lemma
            .chars()
            .all(|c| c.is_alphabetic() || c == '_' || c == '-' || c == '\'')
        && !lemma.starts_with(['-', '\''])
        && !matches!(lemma, "OR" | "AND" | "NOT")
}

#[derive(Default)]
struct Tally {
    found: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, found: bool) {
        self.total += 1;
        self.found += usize::from(found);
    }

    fn line(&self, what: &str) -> String {
        let recall = if self.total == 0 {
            0.0
        } else {
            self.found as f64 / self.total as f64
        };
        format!(
            "{what:<44} {recall:>6.3}  ({} of {})",
            self.found, self.total
        )
    }
}

/// Scores an English gold table: each form alone in an English document; a search for its lemma
/// should find that document (recall) and only documents of that lemma (over-matching).
fn english(path: &str, new_corpus: &dyn Fn() -> Corpus) {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("{path}: cannot be read");
        return;
    };
    let rows: Vec<(&str, &str, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?, c.next()?, c.next()?))
        })
        .collect();
    let mut corpus = new_corpus();
    let files = rows
        .iter()
        .enumerate()
        .map(|(i, (form, _, _))| {
            let text = format!("title: en-{i}\nlang: en\n\n{form}");
            (format!("en-{i}.txt"), Ok(text.into_bytes()))
        })
        .collect();
    let ids: Vec<Option<ArticleId>> = corpus
        .add_files(files)
        .into_iter()
        .map(|o| match o {
            FileOutcome::Added { id, .. } => Some(id),
            // The same form twice (as a verb and a noun) is one document.
            FileOutcome::Duplicate { of, .. } => Some(of),
            _ => None,
        })
        .collect();
    let options = SearchOptions {
        limit: 0,
        ..SearchOptions::default()
    };
    let mut all = Tally::default();
    let mut by_pos: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut missed = Vec::new();
    let (mut returned, mut extra) = (0usize, 0usize);
    for (i, (form, lemma, upos)) in rows.iter().enumerate() {
        let found: BTreeSet<ArticleId> =
            corpus.search(lemma, &options).ranked.into_iter().collect();
        let hit = ids[i].is_some_and(|id| found.contains(&id));
        all.add(hit);
        by_pos.entry(upos).or_default().add(hit);
        if !hit {
            missed.push(format!("{lemma}→{form}"));
        }
        let own: BTreeSet<ArticleId> = rows
            .iter()
            .zip(&ids)
            .filter(|((f, l, _), _)| l == lemma || f == lemma)
            .filter_map(|(_, id)| *id)
            .collect();
        returned += found.len();
        extra += found.difference(&own).count();
    }
    println!("English word forms ({path}): {} pairs", rows.len());
    println!("{}", all.line("all"));
    for (pos, t) in &by_pos {
        println!("{}", t.line(&format!("  {pos}")));
    }
    println!("  not found: {}", missed.join(", "));
    println!("  over-matching: {extra} of {returned} documents found belong to another lemma");
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--lexicon FILE`: also measure with this lemma lexicon (data/lexicon.txt).
    let lexicon = args.iter().position(|a| a == "--lexicon").map(|i| {
        let dir = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        dir
    });
    // `--misses POS`: list the (form, lemma) pairs of that part of speech that were not found.
    let misses = args.iter().position(|a| a == "--misses").map(|i| {
        let pos = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        pos
    });
    let (gold, paths): (Vec<String>, Vec<String>) =
        args.into_iter().partition(|p| p.ends_with(".tsv"));
    if paths.is_empty() && gold.is_empty() {
        eprintln!(
            "usage: lemma_recall [--lexicon FILE] [--misses POS] FILE.conllu… [english-lemmas.tsv]"
        );
        std::process::exit(2);
    }
    let lemmas = lexicon.map(|dir| {
        let started = std::time::Instant::now();
        let text = std::fs::read_to_string(&dir).unwrap_or_else(|e| {
            eprintln!("{dir}: {e}");
            std::process::exit(2)
        });
        let lemmas = Lemmas::parse(&text).unwrap_or_else(|e| {
            eprintln!("{dir}: {e}");
            std::process::exit(2)
        });
        let (nl, en) = lemmas.len();
        println!(
            "lexicon {dir}: {nl} Dutch and {en} English forms, loaded in {:.2?}",
            started.elapsed()
        );
        Arc::new(lemmas)
    });
    type NewCorpus = Box<dyn Fn() -> Corpus>;
    let mut runs: Vec<(&str, NewCorpus)> =
        vec![("stems only (as the app is today)", Box::new(Corpus::new))];
    if let Some(l) = lemmas {
        runs.push((
            "with the lemma lexicon",
            Box::new(move || Corpus::with_lemmas(l.clone())),
        ));
    }
    for (name, new_corpus) in &runs {
        println!("\n=== {name}");
        for g in &gold {
            english(g, new_corpus.as_ref());
        }
        if !paths.is_empty() {
            dutch(&paths, new_corpus.as_ref(), misses.as_deref());
        }
    }
}

/// Which words are split as Dutch compounds, against the gold lemmas: a noun or adjective whose
/// gold lemma has a `_` ("gemeente_raad_lid") is a compound. Precision: of the distinct word
/// forms split, how many are gold compounds; recall: of the gold compounds, how many are split.
fn compounds_split(docs: &BTreeMap<String, Doc>, lemmas: &Lemmas) {
    let mut gold: BTreeMap<String, bool> = BTreeMap::new();
    for t in docs.values().flat_map(|d| &d.tokens) {
        if matches!(t.upos.as_str(), "NOUN" | "ADJ") {
            let compound = t.lemma.trim_matches('_').contains('_');
            *gold.entry(fold(&t.form)).or_default() |= compound;
        }
    }
    let (mut split, mut right, mut compounds) = (0, 0, 0);
    let mut wrong = Vec::new();
    for (form, &compound) in &gold {
        let head = lemmas.compound_head(newsprism_core::Language::Dutch, form);
        compounds += usize::from(compound);
        if head.is_some() {
            split += 1;
            right += usize::from(compound);
            if !compound && wrong.len() < 40 {
                wrong.push(format!("{form}→{}", head.unwrap_or_default()));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "compound splitting (distinct nouns and adjectives): precision {:.3} ({right} of {split} split), recall {:.3} ({right} of {compounds} gold compounds)",
        ratio(right, split),
        ratio(right, compounds)
    );
    println!("  split but not compounds, first 40: {}", wrong.join(", "));
}

/// Lemma recall and over-matching on CoNLL-U files with gold lemmas.
fn dutch(paths: &[String], new_corpus: &dyn Fn() -> Corpus, misses: Option<&str>) {
    let docs = read(paths);
    // Each document as a plain-text file with a fixed headline and its sentences as paragraphs.
    let mut corpus = new_corpus();
    let files = docs
        .iter()
        .map(|(key, d)| {
            let text = format!("title: {key}\nlang: nl\n\n{}", d.sentences.join("\n\n"));
            (format!("{key}.txt"), Ok(text.into_bytes()))
        })
        .collect();
    let mut id_of: BTreeMap<String, ArticleId> = BTreeMap::new();
    for outcome in corpus.add_files(files) {
        match outcome {
            FileOutcome::Added { file_name, id, .. } => {
                id_of.insert(file_name.trim_end_matches(".txt").to_string(), id);
            }
            other => eprintln!("not added: {other:?}"),
        }
    }

    // Per document: its folded words, and per lemma the folded forms it takes there.
    let mut words_in: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut lemma_docs: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    let mut triples: BTreeSet<(&str, String, String, String)> = BTreeSet::new();
    for (key, d) in &docs {
        let words = words_in.entry(key).or_default();
        for t in &d.tokens {
            let form = fold(&t.form);
            words.insert(form.clone());
            if !searchable(&t.lemma) {
                continue;
            }
            let lemma = fold(&t.lemma);
            lemma_docs.entry(lemma.clone()).or_default().insert(key);
            if form != lemma.replace('_', "") {
                triples.insert((key, form, lemma, t.upos.clone()));
            }
        }
    }

    // One search per lemma: the documents it finds.
    let options = SearchOptions {
        limit: 0,
        ..SearchOptions::default()
    };
    let lemmas: BTreeSet<&String> = triples.iter().map(|(_, _, l, _)| l).collect();
    let mut found_by: BTreeMap<&String, BTreeSet<ArticleId>> = BTreeMap::new();
    let started = std::time::Instant::now();
    for lemma in &lemmas {
        let query = lemma.replace('_', "");
        let r = corpus.search(&query, &options);
        found_by.insert(lemma, r.ranked.into_iter().collect());
    }
    let elapsed = started.elapsed();

    let mut overall = Tally::default();
    let mut plain = Tally::default();
    let mut joined = Tally::default();
    let mut absent = Tally::default();
    let mut absent_verbs = Tally::default();
    let mut by_pos: BTreeMap<String, Tally> = BTreeMap::new();
    let mut missed: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (key, form, lemma, upos) in &triples {
        let Some(id) = id_of.get(*key) else { continue };
        let found = found_by.get(lemma).is_some_and(|f| f.contains(id));
        if !found && misses == Some(upos.as_str()) {
            *missed.entry((form, lemma)).or_default() += 1;
        }
        overall.add(found);
        if lemma.contains('_') {
            joined.add(found);
        } else {
            plain.add(found);
        }
        by_pos.entry(upos.clone()).or_default().add(found);
        let lemma_word = lemma.replace('_', "");
        if !words_in.get(*key).is_some_and(|w| w.contains(&lemma_word)) {
            absent.add(found);
            if upos == "VERB" {
                absent_verbs.add(found);
            }
        }
    }

    // Over-matching: found documents that hold neither the lemma nor one of its gold forms.
    // Those that hold a longer word ending in the lemma are counted apart: a compound found
    // through its head ("tegenaanval" for "aanval") is meant to be found, ranked lower.
    let (mut returned, mut extra, mut compounds) = (0usize, 0usize, 0usize);
    let mut over_by: BTreeMap<&str, usize> = BTreeMap::new();
    let key_of: BTreeMap<ArticleId, &String> = id_of.iter().map(|(k, id)| (*id, k)).collect();
    for (lemma, found) in &found_by {
        let holders: BTreeSet<ArticleId> = lemma_docs
            .get(*lemma)
            .into_iter()
            .flatten()
            .filter_map(|k| id_of.get(*k).copied())
            .collect();
        let lemma_word = lemma.replace('_', "");
        for id in found {
            returned += 1;
            let has_word = key_of
                .get(id)
                .and_then(|k| words_in.get(k.as_str()))
                .is_some_and(|w| w.contains(&lemma_word));
            if !holders.contains(id) && !has_word {
                let words = key_of.get(id).and_then(|k| words_in.get(k.as_str()));
                let compound = words.is_some_and(|w| {
                    w.iter()
                        .any(|w| w.len() > lemma_word.len() && w.ends_with(lemma_word.as_str()))
                });
                if compound {
                    compounds += 1;
                } else {
                    extra += 1;
                    *over_by.entry(lemma.as_str()).or_default() += 1;
                }
            }
        }
    }

    println!(
        "Lemma recall on {} documents, {} (document, inflected form, lemma) triples, {} lemmas searched",
        id_of.len(),
        triples.len(),
        lemmas.len()
    );
    println!("{}", overall.line("all"));
    println!("{}", plain.line("lemmas without _ (target >= 0.95)"));
    println!(
        "{}",
        joined.line("lemmas with _ (compounds, separable verbs)")
    );
    println!("{}", absent.line("documents without the lemma's own form"));
    println!("{}", absent_verbs.line("  of which verbs"));
    println!("by part of speech:");
    for (pos, t) in &by_pos {
        let target = if pos == "VERB" {
            " (target >= 0.90)"
        } else {
            ""
        };
        println!("{}", t.line(&format!("  {pos}{target}")));
    }
    let share = |n: usize| {
        if returned == 0 {
            0.0
        } else {
            n as f64 / returned as f64
        }
    };
    println!(
        "over-matching: {extra} of {returned} documents found hold neither the lemma, nor one of its gold forms, nor a compound ending in it ({:.3})",
        share(extra)
    );
    println!(
        "  and {compounds} more ({:.3}) hold only a compound ending in the lemma (found through its head, ranked lower)",
        share(compounds)
    );
    if misses.is_some() {
        let mut worst: Vec<(&str, usize)> = over_by.into_iter().collect();
        worst.sort_by_key(|&(l, n)| (std::cmp::Reverse(n), l));
        let list: Vec<String> = worst
            .iter()
            .take(60)
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        println!("most over-matching lemmas: {}", list.join(", "));
    }
    println!("{} searches in {:.2?}", lemmas.len(), elapsed);
    if let Some(l) = corpus.lemmas() {
        compounds_split(&docs, l);
    }
    if !missed.is_empty() {
        println!("not found ({} distinct form→lemma pairs):", missed.len());
        for ((form, lemma), n) in &missed {
            println!("  {form}→{lemma} ({n})");
        }
    }
}
