//! One stable sort for the whole crate. The standard library's sort is
//! instantiated anew for every element type and comparator, which costs
//! several kilobytes of wasm each time; here only a permutation of `u32`
//! indices is ever sorted (one small merge sort), and the elements are then
//! moved into place. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_indices(&mut order, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, &order);
}

/// Sorts `v` by a key, keeping equal elements in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// A bottom-up merge sort of the indices (the standard library's sort is
/// kilobytes of wasm even once): runs of `width` are merged pairwise into a
/// scratch buffer, `width` doubling each pass. Stable: on a tie the left
/// run's element goes first.
#[inline(never)]
fn sort_indices(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = order.len();
    let mut src = order.to_vec();
    let mut dst = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut dst[lo..hi] {
                if i < mid && (j >= hi || cmp(src[j], src[i]) != Ordering::Less) {
                    *slot = src[i];
                    i += 1;
                } else {
                    *slot = src[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    order.copy_from_slice(&src);
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`, following
/// each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], order: &[u32]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        if placed[start] {
            continue;
        }
        let mut cur = start;
        loop {
            placed[cur] = true;
            let next = order[cur] as usize;
            if next == start {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 10, 100, 1000] {
            let v: Vec<(u8, u32)> = (0..len as u32)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by_key(&mut ours, |e| e.0);
            std.sort_by_key(|e| e.0);
            assert_eq!(ours, std, "length {len}");
        }
        let mut words = vec!["b", "a", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
