//! Sorting that is compiled once. The standard library's sorts are generic over the element and
//! the comparison, so each call site with its own closure brings its own copy of the whole
//! algorithm (about 3 KB of WebAssembly a site for `sort_by`, more for the unstable one): in the
//! page's wasm, 180 such copies came to about a tenth of its code. These functions sort a list
//! of positions with one comparison behind a `dyn` reference, so there is a single copy of the
//! algorithm, and then move the elements into place.
//!
//! They are for lists sorted now and then (views, analyses). The search engine's sorts on the
//! path of every query and the index's stay on the standard sorts, which need no allocation and
//! inline the comparison.
//!
//! Every sort here is stable: equal elements keep their order.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` puts them (stable): the one copy of the algorithm.
#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Moves the elements of `v` so that `v[i]` becomes the element that was at `from[i]`
/// (`from` is a permutation of `0..v.len()`; it is used up as the cycles are followed).
fn permute<T>(v: &mut [T], mut from: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let next = from[at];
            from[at] = at;
            if next == start || next == at {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

/// Sorts `v` by `cmp`, stably: as `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let from = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, from);
}

/// Sorts `v` by the key `key` gives, stably: as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by the key `key` gives, working each key out once: as `slice::sort_by_cached_key`
/// (but stable).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let from = order(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, from);
}

/// Sorts `v` in its natural order, stably: as `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, Ord::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sorts, equal keys included.
        #[test]
        fn sorts_as_the_standard_library_does(keys in proptest::collection::vec(0u8..6, 0..200)) {
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            let mut by = items.clone();
            sort_by(&mut by, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by, &expected);
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |&(k, _)| k);
            prop_assert_eq!(&by_key, &expected);
            let mut cached = items.clone();
            sort_by_cached_key(&mut cached, |&(k, _)| k);
            prop_assert_eq!(&cached, &expected);
            let mut whole = items.clone();
            sort(&mut whole);
            let mut std_whole = items;
            std_whole.sort();
            prop_assert_eq!(whole, std_whole);
        }

        /// Moving elements by any permutation puts each where it was asked to go.
        #[test]
        fn permutes_by_any_permutation(seed in any::<u64>(), n in 0usize..100) {
            let mut from: Vec<usize> = (0..n).collect();
            // A permutation from the seed (Fisher–Yates with a small generator).
            let mut s = seed | 1;
            for i in (1..n).rev() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                from.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let mut v: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            permute(&mut v, from.clone());
            let expected: Vec<String> = from.iter().map(|i| i.to_string()).collect();
            prop_assert_eq!(v, expected);
        }
    }
}
