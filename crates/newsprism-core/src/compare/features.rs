//! What similarity compares of one article, worked out once per article and kept with its
//! reading (see [`super::DocCache`]; `Features::of` in [`super::similarity`] works it out), and
//! the TF-IDF vectors of a set of articles made from them.

use rustc_hash::FxHashMap;

/// An article's three-word runs and content stems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Its three-word runs of content text, hashed, sorted and without repeats.
    pub(super) shingles: Vec<u64>,
    /// Its content stems (numbers left out) with how often each occurs, by stem.
    pub(super) stems: Vec<(String, u32)>,
}

/// Each article's TF-IDF vector over its content stems (numbers left out), normalised to
/// unit length: log-scaled term frequency, smoothed inverse document frequency. Terms are
/// numbered, and each vector sorted by term, so that a pair is compared by one merge.
pub(super) fn tf_idf(features: &[&Features]) -> Vec<Vec<(u32, f32)>> {
    let n = features.len();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let counts: Vec<Vec<(u32, u32)>> = features
        .iter()
        .map(|f| {
            f.stems
                .iter()
                .map(|(stem, tf)| {
                    let next = ids.len() as u32;
                    (*ids.entry(stem.as_str()).or_insert(next), *tf)
                })
                .collect()
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for c in &counts {
        for &(k, _) in c {
            df[k as usize] += 1;
        }
    }
    counts
        .iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> = c
                .iter()
                .map(|&(k, tf)| {
                    let idf = ((n as f32 + 1.0) / df[k as usize] as f32).ln();
                    (k, (1.0 + (tf as f32).ln()) * idf)
                })
                .collect();
            crate::sorting::sort_by_key(&mut v, |&(k, _)| k);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            v
        })
        .collect()
}
