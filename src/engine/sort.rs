//! Sorts that cost little wasm: a stable insertion sort for the handful of items the engine
//! orders per call (issues, reasons, rewrite cuts, help links), and a heapsort for the
//! message's word hashes. The standard library's sorts are faster on long slices but cost about
//! 4 KB of wasm for every element type they are used with.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_small_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// [`sort_small_by`] on a key.
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_small_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts numbers (a message's word hashes, a week's reply times) by heapsort, in place and in
/// O(n log n): 0.2 KB of wasm where `sort_unstable` was 3.9 KB.
pub fn sort_u32(v: &mut [u32]) {
    fn sift_down(v: &mut [u32], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child + 1] > v[child] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for root in (0..v.len() / 2).rev() {
        sift_down(v, root, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_sort_like_the_standard_sort() {
        let mut seed = 11u32;
        for len in [0, 1, 2, 3, 7, 64, 1000] {
            let mut v: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    seed % 97
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_u32(&mut v);
            assert_eq!(v, expected, "length {len}");
        }
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in 0..40 {
            let mut v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_small_by_key(&mut v, |p| p.0);
            assert_eq!(v, expected, "stable and ordered at length {len}");
        }
    }
}
