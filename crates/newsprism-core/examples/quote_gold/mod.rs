//! Scoring quotations against the gold table (tests/gold/quotes.tsv): shared by the
//! `quote_score` example (`make bench-quotes`) and `tests/quotes_seeds.rs`.

use newsprism_core::analysis::ArticleRecord;

/// The figures, counted over the gold table's rows.
#[derive(Debug, Default)]
pub struct QuoteScore {
    /// Statements (quotations, fragments, headlines) in the table, and found.
    pub statements: usize,
    pub found: usize,
    /// Rows whose text names a speaker, and those given that speaker.
    pub by_person: usize,
    pub right: usize,
    /// Rows whose text names nobody, and those given a speaker anyway.
    pub nobody: usize,
    pub invented: usize,
    /// Scare quotes and names in marks, and those not presented as statements.
    pub scare: usize,
    pub scare_told: usize,
    /// Statements found and not called scare quotes.
    pub statements_kept: usize,
    /// What disagreed, one line each.
    pub notes: Vec<String>,
}

/// Scores `records` (from `analysis::analyze`) against the gold table's text.
pub fn score(gold: &str, records: &[ArticleRecord]) -> Result<QuoteScore, String> {
    let mut sc = QuoteScore::default();
    let mut used: Vec<Vec<bool>> = records
        .iter()
        .map(|r| vec![false; r.quotes.len()])
        .collect();
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let c: Vec<&str> = line.split('\t').collect();
        let [doc, opening, kind, speaker] = c.as_slice() else {
            return Err(format!("a row needs four columns: {line}"));
        };
        let scare_row = *kind == "scare";
        sc.statements += usize::from(!scare_row);
        let Some(ri) = records.iter().position(|r| r.file.starts_with(doc)) else {
            return Err(format!("no article for {doc}"));
        };
        let hit = records[ri]
            .quotes
            .iter()
            .enumerate()
            .find(|(k, q)| !used[ri][*k] && q.text.trim_start().starts_with(opening));
        let Some((k, q)) = hit else {
            // A name or term in marks left out is told apart from statements.
            if scare_row {
                sc.scare += 1;
                sc.scare_told += 1;
                sc.nobody += 1;
            } else {
                sc.notes.push(format!("{doc}\tnot found\t{opening}"));
            }
            continue;
        };
        used[ri][k] = true;
        let said_scare = q.kind == "scare";
        if scare_row {
            sc.scare += 1;
            sc.scare_told += usize::from(said_scare);
        } else {
            sc.found += 1;
            sc.statements_kept += usize::from(!said_scare);
        }
        let got = q.speaker.clone().unwrap_or_default();
        if *speaker == "-" {
            sc.nobody += 1;
            if !got.is_empty() {
                sc.invented += 1;
                sc.notes.push(format!("{doc}\tinvented\t{opening}\t{got}"));
            }
        } else {
            sc.by_person += 1;
            if got.to_lowercase().contains(&speaker.to_lowercase()) {
                sc.right += 1;
            } else {
                sc.notes.push(format!(
                    "{doc}\twrong speaker\t{opening}\tgot {got:?}, gold {speaker}"
                ));
            }
        }
        if scare_row != said_scare {
            sc.notes.push(format!(
                "{doc}\twrong kind\t{opening}\tgot {}, gold {kind}",
                q.kind
            ));
        }
    }
    Ok(sc)
}

/// `a / b`, 0 for an empty `b`.
pub fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}
