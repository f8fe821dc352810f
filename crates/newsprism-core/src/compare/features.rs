//! What similarity compares of one article, worked out once per article and kept with its
//! reading (see [`super::DocCache`]); [`Features::of`] works it out (in [`super::similarity`]).

/// An article's three-word runs and content stems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Its three-word runs of content text, hashed, sorted and without repeats.
    pub(super) shingles: Vec<u64>,
    /// Its content stems (numbers left out) with how often each occurs, by stem.
    pub(super) stems: Vec<(String, u32)>,
}
