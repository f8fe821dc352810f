//! Rows as they travel: each pair once, under its first article; mirrored when read back.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Scores;

type Rows = Vec<Vec<(u32, Scores)>>;

/// Each pair once, under its first article.
pub(super) fn of(rows: &Rows) -> Rows {
    rows.iter()
        .enumerate()
        .map(|(i, r)| r.iter().filter(|(j, _)| *j as usize > i).copied().collect())
        .collect()
}

/// Every pair under both its articles again, each row in order; at least `n` rows.
pub(super) fn mirror(half: Rows, n: usize) -> Rows {
    let mut rows = half.clone();
    rows.resize(n.max(half.len()), Vec::new());
    for (i, r) in half.iter().enumerate() {
        for &(j, s) in r {
            if let Some(row) = rows.get_mut(j as usize) {
                row.push((i as u32, s));
            }
        }
    }
    rows.iter_mut()
        .for_each(|r| r.sort_unstable_by_key(|&(j, _)| j));
    rows
}

pub(super) fn serialize<S: Serializer>(rows: &Rows, s: S) -> Result<S::Ok, S::Error> {
    of(rows).serialize(s)
}

pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Rows, D::Error> {
    Ok(mirror(Rows::deserialize(d)?, 0))
}
