//! The storage behind an arena: a vector of slots kept in segments of
//! `SEG` slots, so that a growing table never copies what it holds.
//!
//! A `Vec` grown by reallocation moves all its items each time it runs
//! out of room (with the system allocator a copy into fresh pages, every
//! page faulted in again): in the route-insert bench that was a quarter of
//! the CPU time of a million inserts. Here only the first segment grows
//! that way (by half again, so a small table stays small); once it is
//! full, each further segment is allocated at its full size and filled in
//! place. Slot `i` lives in segment `i / SEG` at `i % SEG`: one more load
//! from the short segment list, which stays in the cache.

use std::ops::{Index, IndexMut};

/// log2 of the slots per segment: 16,384 (1 MiB of 64-byte node cells).
/// In WebAssembly one segment holds everything, as one vector did before:
/// there the allocator grows the last block in place, without a copy, and
/// the package built with segments spent 40-70% more CPU time on a
/// million inserts into a fresh module (BENCHMARKS.md, at 8f8116d).
const SHIFT: u32 = if cfg!(target_arch = "wasm32") { 30 } else { 14 };
const SEG: usize = 1 << SHIFT;
const MASK: usize = SEG - 1;

/// The first segment's new capacity when `need` slots do not fit in
/// `cap`: half again, at least `need` and 8, at most a segment.
fn grown(cap: usize, need: usize) -> usize {
    (cap + cap / 2).max(need).clamp(8, SEG)
}

/// A vector of `T` in segments (see the module documentation).
#[derive(Clone, Debug)]
pub(super) struct Slots<T> {
    segs: Vec<Vec<T>>,
    len: usize,
}

impl<T> Slots<T> {
    /// No slots, nothing allocated.
    pub(super) const fn new() -> Self {
        Slots { segs: Vec::new(), len: 0 }
    }

    /// No slots, room for `n` allocated.
    pub(super) fn with_capacity(n: usize) -> Self {
        let mut segs = Vec::with_capacity(n.div_ceil(SEG));
        let mut left = n;
        while left > 0 {
            let here = left.min(SEG);
            segs.push(Vec::with_capacity(here));
            left -= here;
        }
        Slots { segs, len: 0 }
    }

    /// The number of slots.
    #[inline(always)]
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no slots.
    pub(super) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Slots allocated, used or not.
    pub(super) fn capacity(&self) -> usize {
        self.segs.iter().map(Vec::capacity).sum()
    }

    /// Bytes allocated: the segments and their list.
    pub(super) fn memory_bytes(&self) -> usize {
        self.capacity() * std::mem::size_of::<T>() + self.segs.capacity() * std::mem::size_of::<Vec<T>>()
    }

    /// Slot `i`, if it exists.
    #[inline(always)]
    pub(super) fn get(&self, i: usize) -> Option<&T> {
        self.segs.get(i >> SHIFT)?.get(i & MASK)
    }

    /// Makes room for `n` more slots in the first segment while it is the
    /// one being filled: it grows by half again at least, up to a full
    /// segment (later segments are allocated whole when they start).
    pub(super) fn reserve(&mut self, n: usize) {
        if self.len < SEG {
            let Some(first) = self.segs.first_mut() else { return };
            let cap = first.capacity();
            if first.len() + n > cap && cap < SEG {
                let want = grown(cap, first.len() + n);
                first.reserve_exact(want - first.len());
            }
        }
    }

    /// Grows to `new_len` slots made by `f` (a shorter `new_len` truncates).
    pub(super) fn resize_with(&mut self, new_len: usize, mut f: impl FnMut() -> T) {
        if new_len <= self.len {
            self.truncate(new_len);
            return;
        }
        while self.len < new_len {
            // Segments before `at` are full, those after it empty.
            let at = self.len >> SHIFT;
            if at == self.segs.len() {
                let cap = if at == 0 { (new_len - self.len).min(SEG) } else { SEG };
                self.segs.push(Vec::with_capacity(cap));
            }
            let first = at == 0;
            let Some(seg) = self.segs.get_mut(at) else { return };
            let take = (SEG - seg.len()).min(new_len - self.len);
            if seg.len() + take > seg.capacity() {
                let want = if first { grown(seg.capacity(), seg.len() + take) } else { SEG };
                seg.reserve_exact(want - seg.len());
            }
            seg.resize_with(seg.len() + take, &mut f);
            self.len += take;
        }
    }

    /// Appends one slot.
    pub(super) fn push(&mut self, item: T) {
        let mut item = Some(item);
        self.resize_with(self.len + 1, || item.take().expect("one slot made"));
    }

    /// Keeps the first `n` slots; segments left empty are freed.
    pub(super) fn truncate(&mut self, n: usize) {
        if n >= self.len {
            return;
        }
        self.segs.truncate(n.div_ceil(SEG));
        if let Some(last) = self.segs.last_mut() {
            last.truncate(n - (n - 1) / SEG * SEG);
        }
        self.len = n;
    }

    /// Swaps slots `a` and `b` (both in bounds).
    pub(super) fn swap(&mut self, a: usize, b: usize) {
        let (sa, sb) = (a >> SHIFT, b >> SHIFT);
        if sa == sb {
            self.segs[sa].swap(a & MASK, b & MASK);
            return;
        }
        let (lo, hi, lo_at, hi_at) = if sa < sb { (sa, sb, a, b) } else { (sb, sa, b, a) };
        let (left, right) = self.segs.split_at_mut(hi);
        std::mem::swap(&mut left[lo][lo_at & MASK], &mut right[0][hi_at & MASK]);
    }

    /// The slots in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &T> {
        self.segs.iter().flatten()
    }

    /// The slots in order, for changing them.
    pub(super) fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.segs.iter_mut().flatten()
    }
}

impl<T> Index<usize> for Slots<T> {
    type Output = T;

    #[inline(always)]
    fn index(&self, i: usize) -> &T {
        &self.segs[i >> SHIFT][i & MASK]
    }
}

impl<T> IndexMut<usize> for Slots<T> {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.segs[i >> SHIFT][i & MASK]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_vec_across_segments() {
        let mut s = Slots::new();
        let mut v = Vec::new();
        let mut x = 1u64;
        let mut most = 0;
        for step in 0..4000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            match x >> 61 {
                0 | 1 => {
                    let n = v.len() + (x >> 40) as usize % (SEG / 2);
                    s.resize_with(n, || step);
                    v.resize(n, step);
                }
                2 => {
                    s.push(step);
                    v.push(step);
                }
                3 => {
                    let n = v.len().saturating_sub((x >> 40) as usize % SEG);
                    s.truncate(n);
                    v.truncate(n);
                }
                4 if !v.is_empty() => {
                    let (a, b) = ((x >> 20) as usize % v.len(), (x >> 40) as usize % v.len());
                    s.swap(a, b);
                    v.swap(a, b);
                }
                5 => s.reserve((x >> 50) as usize),
                _ if !v.is_empty() => {
                    let i = (x >> 30) as usize % v.len();
                    s[i] += 1;
                    v[i] += 1;
                }
                _ => {}
            }
            assert_eq!(s.len(), v.len());
            most = most.max(v.len());
            assert!(s.capacity() >= s.len());
            let at = s.len() / SEG;
            assert!(s.segs.iter().enumerate().all(|(i, seg)| seg.len()
                == if i < at {
                    SEG
                } else if i > at {
                    0
                } else {
                    s.len() % SEG
                }));
            if step % 97 == 0 {
                assert!(s.iter().eq(v.iter()));
                assert_eq!(s.get(v.len()), None);
            }
        }
        assert!(most > 2 * SEG, "the run crossed segments");
    }
}
