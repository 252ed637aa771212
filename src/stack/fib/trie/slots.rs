//! The storage behind an arena: a vector of slots kept in segments of
//! about 8 MiB, so that a growing table never copies what it holds.
//!
//! A `Vec` grown by reallocation moves all its items each time it runs
//! out of room (with the system allocator a copy into fresh pages, every
//! page faulted in again): in the route-insert bench that was a quarter of
//! the CPU time of a million inserts. Here only the first segment grows
//! that way (by half again, so a small table stays small); once it is
//! full, each further segment is allocated at its full size and filled in
//! place. Slot `i` lives in segment `i >> SHIFT` at `i & MASK`: one more
//! load from the short segment list, which stays in the cache.
//!
//! On Linux the whole 2 MiB pages inside a segment of at least that size
//! are advised for transparent huge pages (`madvise(MADV_HUGEPAGE)`; the
//! system's THP mode is often `madvise`, where only advised memory gets
//! them): a lookup's random reads into a large table then miss the TLB
//! far less often (BENCHMARKS.md, "Lookups on huge pages"). The advice
//! changes no content and is ignored where THP is off.

use std::ops::{Index, IndexMut};

/// log2 of a segment's bytes: 8 MiB natively (a few whole huge pages
/// each, and at most one segment of slack); 128 KiB in unit tests, so
/// that they cross segments. In WebAssembly one segment holds
/// everything, as one vector did before: there the allocator grows the
/// last block in place, without a copy, and the package built with
/// segments spent 40-70% more CPU time on a million inserts into a fresh
/// module (BENCHMARKS.md, at 8f8116d).
const SEG_BYTES_LOG2: u32 = if cfg!(test) { 17 } else { 23 };

/// The first segment's new capacity when `need` slots do not fit in
/// `cap`: half again, at least `need` and 8, at most a segment of `seg`.
fn grown(cap: usize, need: usize, seg: usize) -> usize {
    (cap + cap / 2).max(need).clamp(8, seg)
}

/// The size of a transparent huge page on x86-64 and arm64 Linux.
#[cfg(all(target_os = "linux", not(target_arch = "wasm32")))]
const HUGE_PAGE: usize = 2 << 20;

/// Advises transparent huge pages for the whole 2 MiB pages inside the
/// allocation of `seg` (nothing for a smaller one).
#[cfg(all(target_os = "linux", not(target_arch = "wasm32")))]
fn advise_huge<T>(seg: &Vec<T>) {
    let bytes = seg.capacity() * std::mem::size_of::<T>();
    let at = seg.as_ptr() as usize;
    let (start, end) = (at.next_multiple_of(HUGE_PAGE), (at + bytes) / HUGE_PAGE * HUGE_PAGE);
    if bytes >= HUGE_PAGE && end > start {
        // SAFETY: madvise with MADV_HUGEPAGE only sets a flag on the pages
        // of this live allocation, which the vector owns; it changes no
        // content and no mapping, and its failure is harmless.
        unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
    }
}

#[cfg(not(all(target_os = "linux", not(target_arch = "wasm32"))))]
fn advise_huge<T>(_: &Vec<T>) {}

/// An empty segment with room for `cap` slots, advised for huge pages.
fn segment<T>(cap: usize) -> Vec<T> {
    let seg = Vec::with_capacity(cap);
    advise_huge(&seg);
    seg
}

/// A vector of `T` in segments (see the module documentation).
#[derive(Clone, Debug)]
pub(super) struct Slots<T> {
    segs: Vec<Vec<T>>,
    len: usize,
}

impl<T> Slots<T> {
    /// log2 of the slots per segment (8 MiB of them natively, see
    /// `SEG_BYTES_LOG2`).
    const SHIFT: u32 = if cfg!(target_arch = "wasm32") {
        30
    } else {
        SEG_BYTES_LOG2 - if std::mem::size_of::<T>() > 1 { std::mem::size_of::<T>().ilog2() } else { 0 }
    };
    /// Slots per segment.
    const SEG: usize = 1 << Self::SHIFT;
    const MASK: usize = Self::SEG - 1;

    /// No slots, nothing allocated.
    pub(super) const fn new() -> Self {
        Slots { segs: Vec::new(), len: 0 }
    }

    /// No slots, room for `n` allocated.
    pub(super) fn with_capacity(n: usize) -> Self {
        let mut segs = Vec::with_capacity(n.div_ceil(Self::SEG));
        let mut left = n;
        while left > 0 {
            let here = left.min(Self::SEG);
            segs.push(segment(here));
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
        self.segs.get(i >> Self::SHIFT)?.get(i & Self::MASK)
    }

    /// Makes room for `n` more slots in the first segment while it is the
    /// one being filled: it grows by half again at least, up to a full
    /// segment (later segments are allocated whole when they start).
    pub(super) fn reserve(&mut self, n: usize) {
        if self.len < Self::SEG {
            let Some(first) = self.segs.first_mut() else { return };
            let cap = first.capacity();
            if first.len() + n > cap && cap < Self::SEG {
                let want = grown(cap, first.len() + n, Self::SEG);
                first.reserve_exact(want - first.len());
                advise_huge(first);
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
            let at = self.len >> Self::SHIFT;
            if at == self.segs.len() {
                let cap = if at == 0 { (new_len - self.len).min(Self::SEG) } else { Self::SEG };
                self.segs.push(segment(cap));
            }
            let first = at == 0;
            let Some(seg) = self.segs.get_mut(at) else { return };
            let take = (Self::SEG - seg.len()).min(new_len - self.len);
            if seg.len() + take > seg.capacity() {
                let want = if first { grown(seg.capacity(), seg.len() + take, Self::SEG) } else { Self::SEG };
                seg.reserve_exact(want - seg.len());
                advise_huge(seg);
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
        self.segs.truncate(n.div_ceil(Self::SEG));
        if let Some(last) = self.segs.last_mut() {
            last.truncate(n - (n - 1) / Self::SEG * Self::SEG);
        }
        self.len = n;
    }

    /// Moves the item at `end` (in bounds) down to place `start`, the
    /// items from `start` up one place each (a rotation by one to the
    /// right): in one slice when the run lies in one segment, which is
    /// nearly always, else slot by slot.
    pub(super) fn shift_up(&mut self, start: usize, end: usize) {
        if start >> Self::SHIFT == end >> Self::SHIFT {
            let seg = &mut self.segs[start >> Self::SHIFT];
            // Swaps rather than `rotate_right`, whose general algorithm
            // is a kilobyte of code for each item type.
            let run = &mut seg[start & Self::MASK..=end & Self::MASK];
            for i in (1..run.len()).rev() {
                run.swap(i - 1, i);
            }
            return;
        }
        for i in (start..end).rev() {
            self.swap(i, i + 1);
        }
    }

    /// Moves the item at `start` up to place `end` (in bounds), the items
    /// after it down one place each: the inverse of [`Slots::shift_up`].
    pub(super) fn shift_down(&mut self, start: usize, end: usize) {
        if start >> Self::SHIFT == end >> Self::SHIFT {
            let seg = &mut self.segs[start >> Self::SHIFT];
            let run = &mut seg[start & Self::MASK..=end & Self::MASK];
            for i in 1..run.len() {
                run.swap(i - 1, i);
            }
            return;
        }
        for i in start..end {
            self.swap(i, i + 1);
        }
    }

    /// Swaps slots `a` and `b` (both in bounds).
    pub(super) fn swap(&mut self, a: usize, b: usize) {
        let (sa, sb) = (a >> Self::SHIFT, b >> Self::SHIFT);
        if sa == sb {
            self.segs[sa].swap(a & Self::MASK, b & Self::MASK);
            return;
        }
        let (lo, hi, lo_at, hi_at) = if sa < sb { (sa, sb, a, b) } else { (sb, sa, b, a) };
        let (left, right) = self.segs.split_at_mut(hi);
        std::mem::swap(&mut left[lo][lo_at & Self::MASK], &mut right[0][hi_at & Self::MASK]);
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
        &self.segs[i >> Self::SHIFT][i & Self::MASK]
    }
}

impl<T> IndexMut<usize> for Slots<T> {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.segs[i >> Self::SHIFT][i & Self::MASK]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_vec_across_segments() {
        const SEG: usize = Slots::<usize>::SEG;
        let mut s = Slots::<usize>::new();
        let mut v = Vec::new();
        let mut x = 1u64;
        let mut most = 0;
        for step in 0..4000usize {
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
            if step % 3 == 0 && v.len() > 1 {
                // A run anywhere, or one ending just past a segment's
                // first edge (so that it crosses it).
                let b = if step % 4 < 2 { (x >> 20) as usize % v.len() } else { (SEG + (x >> 20) as usize % 8).min(v.len() - 1) };
                let a = b - (x >> 30) as usize % (b + 1).min(64);
                if step % 2 == 0 {
                    s.shift_up(a, b);
                    v[a..=b].rotate_right(1);
                } else {
                    s.shift_down(a, b);
                    v[a..=b].rotate_left(1);
                }
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
