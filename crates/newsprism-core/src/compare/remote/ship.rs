//! A comparison as it travels back to the page: a skeleton (the comparison with its long lists
//! left empty) and the lists in pieces, each its own JSON text. The page reads one piece per
//! task, so that no task of its own reads a whole comparison of thousands of articles (at 22,000
//! BBC articles, hundreds of megabytes of JSON), and puts them back together ([`Assembly`]).

use serde::{Deserialize, Serialize};

use super::super::entities::Entity;
use super::super::keyness::{Counts, Keyword};
use super::super::numbers::{LedgerGroup, Quantity};
use super::super::quotes::{Cluster, Quote};
use super::super::similarity::{Scores, Similarity};
use super::super::Comparison;

/// Items per piece: a piece reads in well under a frame's worth of milliseconds on the page.
pub const PIECE_ITEMS: usize = 1_000;

/// One piece of one of a comparison's long lists, in order.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Piece {
    /// Pair scores, each pair once under its first article, for the articles from `.0` on.
    Rows(usize, Vec<Vec<(u32, Scores)>>),
    /// Quotations.
    Quotes(Vec<Quote>),
    /// Quotation clusters.
    Clusters(Vec<Cluster>),
    /// Each quotation's cluster.
    ClusterOf(Vec<Option<usize>>),
    /// Named entities.
    Entities(Vec<Entity>),
    /// Quantities.
    Quantities(Vec<Quantity>),
    /// Ledger groups.
    Groups(Vec<LedgerGroup>),
    /// Keywords per article.
    Keywords(Vec<Vec<Keyword>>),
    /// Word counts per article.
    Counts(Vec<Counts>),
}

impl Piece {
    /// The piece as it travels.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A piece back from its JSON; `Err` says why it does not read.
    pub fn from_json(json: &str) -> Result<Piece, String> {
        serde_json::from_str(json)
            .map_err(|e| format!("a piece of the comparison did not read: {e}"))
    }
}

/// Cuts a list into pieces of `per` items.
fn cut<T: Clone>(list: &mut Vec<T>, per: usize, make: impl Fn(Vec<T>) -> Piece) -> Vec<Piece> {
    let taken = std::mem::take(list);
    taken.chunks(per.max(1)).map(|c| make(c.to_vec())).collect()
}

/// Splits a comparison into its skeleton and the pieces of its long lists, `per` items a piece.
pub fn ship(mut c: Comparison, per: usize) -> (Comparison, Vec<Piece>) {
    let mut pieces = Vec::new();
    let half = c.similarity.half_rows();
    for (k, chunk) in half.chunks(per.max(1)).enumerate() {
        pieces.push(Piece::Rows(k * per.max(1), chunk.to_vec()));
    }
    let complete = c.similarity.complete;
    c.similarity = Similarity::unscored(std::mem::take(&mut c.similarity.articles));
    c.similarity.complete = complete;
    pieces.extend(cut(&mut c.quotes.quotes, per, Piece::Quotes));
    pieces.extend(cut(&mut c.quotes.clusters, per, Piece::Clusters));
    pieces.extend(cut(&mut c.quotes.cluster_of, per * 10, Piece::ClusterOf));
    pieces.extend(cut(&mut c.entities.entities, per, Piece::Entities));
    pieces.extend(cut(&mut c.ledger.quantities, per, Piece::Quantities));
    pieces.extend(cut(&mut c.ledger.groups, per, Piece::Groups));
    pieces.extend(cut(&mut c.keyness.per_article, per, Piece::Keywords));
    pieces.extend(cut(&mut c.counts, per / 4 + 1, Piece::Counts));
    (c, pieces)
}

/// A comparison put back together from its skeleton and its pieces, in the order they were cut.
pub struct Assembly {
    c: Comparison,
    /// The pairs' rows, filled as the pieces come: each pair under both its articles, each row
    /// in order (a row gets its pairs with earlier articles first, in their order, then its
    /// own, which are all with later ones).
    rows: Vec<Vec<(u32, Scores)>>,
    /// The next article whose own pairs are due.
    next: usize,
}

impl Assembly {
    /// Starts from the skeleton.
    pub fn new(skeleton: Comparison) -> Assembly {
        let n = skeleton.similarity.articles.len();
        Assembly {
            c: skeleton,
            rows: vec![Vec::new(); n],
            next: 0,
        }
    }

    fn add_rows(&mut self, first: usize, half: Vec<Vec<(u32, Scores)>>) {
        for (k, own) in half.into_iter().enumerate() {
            let i = first + k;
            if i >= self.rows.len() || i < self.next {
                continue;
            }
            self.next = i + 1;
            for &(j, s) in &own {
                if let Some(row) = self.rows.get_mut(j as usize) {
                    row.push((i as u32, s));
                }
            }
            self.rows[i].extend(own);
        }
    }

    /// Adds the next piece.
    pub fn add(&mut self, piece: Piece) {
        let c = &mut self.c;
        match piece {
            Piece::Rows(first, rows) => self.add_rows(first, rows),
            Piece::Quotes(v) => c.quotes.quotes.extend(v),
            Piece::Clusters(v) => c.quotes.clusters.extend(v),
            Piece::ClusterOf(v) => c.quotes.cluster_of.extend(v),
            Piece::Entities(v) => c.entities.entities.extend(v),
            Piece::Quantities(v) => c.ledger.quantities.extend(v),
            Piece::Groups(v) => c.ledger.groups.extend(v),
            Piece::Keywords(v) => c.keyness.per_article.extend(v),
            Piece::Counts(v) => c.counts.extend(v),
        }
    }

    /// The comparison whole.
    pub fn finish(mut self) -> Comparison {
        let s = std::mem::take(&mut self.c.similarity);
        self.c.similarity = Similarity::from_rows(s.articles, self.rows, s.complete);
        self.c
    }
}
