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
    /// Scare rows found and called scare quotes.
    pub scare_as_scare: usize,
    /// What the system gave in the table's documents: statements, and scare quotes.
    pub given_statements: usize,
    pub given_scare: usize,
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
            sc.scare_as_scare += usize::from(said_scare);
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
    for r in records {
        for q in &r.quotes {
            if q.kind == "scare" {
                sc.given_scare += 1;
            } else {
                sc.given_statements += 1;
            }
        }
    }
    Ok(sc)
}

/// `a / b`, 0 for an empty `b`.
pub fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

/// The quantity figures, counted over the quantity table's rows.
#[derive(Debug, Default)]
pub struct QuantityScore {
    /// Rows in the table, and those found.
    pub rows: usize,
    pub found: usize,
    /// Found with the number the table gives within their range.
    pub value: usize,
    /// Rows naming what they count, and those found counting it.
    pub named: usize,
    pub counts: usize,
    /// Quantities found that the table does not list.
    pub extra: usize,
    /// What disagreed, one line each.
    pub notes: Vec<String>,
}

/// Scores the quantities of `records` against the quantity table's text.
pub fn quantities(gold: &str, records: &[ArticleRecord]) -> Result<QuantityScore, String> {
    let mut sc = QuantityScore::default();
    let mut used: Vec<Vec<bool>> = records
        .iter()
        .map(|r| vec![false; r.quantities.len()])
        .collect();
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let c: Vec<&str> = line.split('\t').collect();
        let [doc, phrase, number, noun] = c.as_slice() else {
            return Err(format!("a row needs four columns: {line}"));
        };
        let n: f64 = number
            .parse()
            .map_err(|_| format!("not a number: {line}"))?;
        sc.rows += 1;
        let Some(ri) = records.iter().position(|r| r.file.starts_with(doc)) else {
            return Err(format!("no article for {doc}"));
        };
        // The phrase's number (past hedges such as "ruim", "nog geen") is in the quantity found.
        let first = phrase
            .split_whitespace()
            .map(str::to_lowercase)
            .find(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || w == "een"
                    || newsprism_core::compare::numbers::number_word(w).is_some()
            })
            .unwrap_or_else(|| {
                phrase
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase()
            });
        let hit = records[ri].quantities.iter().enumerate().find(|(k, q)| {
            // Brackets around the number ("(zeven) bestellingen") are not part of it.
            !used[ri][*k]
                && q.text
                    .to_lowercase()
                    .split_whitespace()
                    .any(|w| w.trim_matches(['(', ')']) == first)
        });
        let Some((k, q)) = hit else {
            sc.notes
                .push(format!("{doc}\tquantity not found\t{phrase}"));
            continue;
        };
        used[ri][k] = true;
        sc.found += 1;
        if q.low <= n && q.high.is_none_or(|h| n <= h) {
            sc.value += 1;
        } else {
            sc.notes
                .push(format!("{doc}\twrong value\t{phrase}\tgot {}", q.value));
        }
        if *noun != "-" {
            sc.named += 1;
            if q.counts.eq_ignore_ascii_case(noun) {
                sc.counts += 1;
            } else {
                sc.notes
                    .push(format!("{doc}\twrong thing\t{phrase}\tgot {:?}", q.counts));
            }
        }
    }
    for (r, u) in records.iter().zip(&used) {
        for (q, _) in r.quantities.iter().zip(u).filter(|(_, used)| !**used) {
            sc.extra += 1;
            sc.notes
                .push(format!("{}\textra quantity\t{}", r.file, q.text));
        }
    }
    Ok(sc)
}
