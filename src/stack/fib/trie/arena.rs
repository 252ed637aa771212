//! Slot arenas for the trie's nodes and values: a `Vec` handed out in
//! contiguous blocks addressed by `u32` index (no per-node allocation, no
//! pointers). Blocks come in size classes ([`block_size`]) so that a growing
//! node moves only now and then; freed blocks go to free lists by size and
//! are split for smaller requests; an arena reports when it is free enough to
//! be rebuilt, which the trie does in depth-first order
//! ([`PrefixTrie::compact`](super::PrefixTrie::compact)).

use std::mem;

use super::node::is_direct;
use super::slots::Slots;

/// An arena is compacted once more than this fraction (1/n) of its slots sit
/// in free blocks, and it holds at least `COMPACT_MIN` slots (few in tests,
/// so that the randomized tests compact often).
const COMPACT_FRACTION: usize = 2;
pub(super) const COMPACT_MIN: usize = if cfg!(test) { 16 } else { 256 };

/// Slots in a block holding `k` items (0..=64): exact up to four, then
/// rounded up to a size class about 1.5 times the last, so that a node
/// gaining children or prefixes one by one moves its block only now and then.
#[inline]
pub(super) const fn block_size(k: usize) -> usize {
    const CLASS: [u8; 65] = {
        let mut t = [0u8; 65];
        let sizes = [0u8, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64];
        let mut k = 0;
        let mut c = 0;
        while k <= 64 {
            while (sizes[c] as usize) < k {
                c += 1;
            }
            t[k] = sizes[c];
            k += 1;
        }
        t
    };
    if k < CLASS.len() { CLASS[k] as usize } else { 64 }
}

/// A `Vec` of slots handed out in contiguous blocks, with free lists by size.
/// A request takes a free block of its size, or splits the smallest larger
/// one (so blocks freed by a node that grew are reused by smaller ones), or
/// extends the `Vec`.
#[derive(Clone, Debug)]
pub(super) struct Arena<T> {
    pub(super) slots: Slots<T>,
    /// `free[n]`: starts of free blocks of `n` slots (n < 128).
    pub(super) free: Vec<Vec<u32>>,
    /// Bit n set when `free[n]` is not empty.
    nonempty: u128,
    /// Slots in free blocks.
    pub(super) free_count: usize,
}

impl<T: Default> Arena<T> {
    pub(super) const fn new() -> Self {
        Arena { slots: Slots::new(), free: Vec::new(), nonempty: 0, free_count: 0 }
    }

    pub(super) fn with_capacity(n: usize) -> Self {
        Arena { slots: Slots::with_capacity(n), free: Vec::new(), nonempty: 0, free_count: 0 }
    }

    /// Makes room for `n` more slots (a small arena grows by half when
    /// full; a large one by whole segments, see `slots`).
    fn reserve(&mut self, n: usize) {
        self.slots.reserve(n);
    }

    /// A block of `n` (1..=64) default slots (a reused one holds defaults too).
    pub(super) fn alloc(&mut self, n: usize) -> u32 {
        let fits = (self.nonempty >> n) << n;
        if fits != 0 {
            let m = fits.trailing_zeros() as usize;
            if let Some(start) = self.free[m].pop() {
                if self.free[m].is_empty() {
                    self.nonempty &= !(1u128 << m);
                }
                self.free_count -= m;
                if m > n {
                    self.push_free(start + n as u32, m - n);
                }
                return start;
            }
        }
        let start = self.slots.len();
        self.reserve(n);
        self.slots.resize_with(start + n, T::default);
        start as u32
    }

    fn push_free(&mut self, start: u32, n: usize) {
        if self.free.len() <= n {
            self.free.resize_with(n + 1, Vec::new);
        }
        self.free[n].push(start);
        self.nonempty |= 1u128 << (n & 127);
        self.free_count += n;
    }

    /// Frees a block whose slots hold defaults.
    pub(super) fn release(&mut self, start: u32, n: usize) {
        if n == 0 {
            return;
        }
        let s = start as usize;
        if s + n == self.slots.len() {
            self.slots.truncate(s);
            return;
        }
        self.push_free(start, n);
    }

    /// Inserts `item` at place `r` of the block at `base` holding `k` items,
    /// returning the block's new start.
    pub(super) fn insert_at(&mut self, base: u32, k: usize, r: usize, item: T) -> u32 {
        let b = base as usize;
        let cap = block_size(k);
        if k == cap {
            if k == 0 {
                let s = self.alloc(1);
                self.slots[s as usize] = item;
                return s;
            }
            let bigger = block_size(k + 1);
            if b + cap == self.slots.len() {
                // The block ends the arena: grow it in place.
                self.reserve(bigger - cap);
                self.slots.resize_with(b + bigger, T::default);
            } else {
                let new = self.alloc(bigger) as usize;
                for i in 0..r {
                    self.slots[new + i] = mem::take(&mut self.slots[b + i]);
                }
                self.slots[new + r] = item;
                for i in r..k {
                    self.slots[new + i + 1] = mem::take(&mut self.slots[b + i]);
                }
                self.release(base, cap);
                return new as u32;
            }
        }
        // Room in the block: shift the tail up by one.
        self.slots[b + k] = item;
        if r < k {
            self.slots.shift_up(b + r, b + k);
        }
        base
    }

    /// Moves the `k` items of the dense block at `base` (in order, their
    /// chunks the set bits of `ext`) to a direct-indexed block of 64, the
    /// item of chunk `c` at place `c` (`node::DIRECT`); returns its start.
    pub(super) fn spread(&mut self, base: u32, k: usize, ext: u64) -> u32 {
        let b = base as usize;
        let cap = block_size(k);
        let new = if b + cap == self.slots.len() {
            self.reserve(64 - cap);
            self.slots.resize_with(b + 64, T::default);
            b
        } else {
            self.alloc(64) as usize
        };
        // Highest chunk first: an item's chunk is at least its rank, and
        // the places above it have been moved out of already.
        let mut rest = ext;
        let mut i = k;
        while rest != 0 && i > 0 {
            let c = 63 - rest.leading_zeros() as usize;
            rest &= !(1u64 << c);
            i -= 1;
            if new + c != b + i {
                self.slots[new + c] = mem::take(&mut self.slots[b + i]);
            }
        }
        if new != b {
            self.release(base, cap);
        }
        new as u32
    }

    /// In the direct-indexed block at `base` whose chunks were `before`,
    /// empties the places of the chunks not in `after`; when fewer than
    /// `node::DIRECT` remain, packs the rest in chunk order and frees the
    /// tail. Returns the block's start (0 when nothing remains).
    pub(super) fn retain_direct(&mut self, base: u32, before: u64, after: u64) -> u32 {
        let b = base as usize;
        let mut gone = before & !after;
        while gone != 0 {
            let c = gone.trailing_zeros() as usize;
            gone &= gone - 1;
            drop(mem::take(&mut self.slots[b + c]));
        }
        if is_direct(after) {
            return base;
        }
        let mut rest = after;
        let mut i = 0;
        while rest != 0 {
            let c = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if c != i {
                self.slots[b + i] = mem::take(&mut self.slots[b + c]);
            }
            i += 1;
        }
        let keep = block_size(i);
        self.release(base + keep as u32, 64 - keep);
        if i == 0 { 0 } else { base }
    }

    /// Removes place `r` of the block at `base` holding `k` items (shrinking
    /// it in place), returning the block's new start and the item.
    pub(super) fn remove_at(&mut self, base: u32, k: usize, r: usize) -> (u32, T) {
        let b = base as usize;
        let item = mem::take(&mut self.slots[b + r]);
        if r + 1 < k {
            self.slots.shift_down(b + r, b + k - 1);
        }
        let (old, new) = (block_size(k), block_size(k - 1));
        self.release(base + new as u32, old - new);
        (if k == 1 { 0 } else { base }, item)
    }

    /// Keeps the places of the block at `base` holding `k` items whose bit is
    /// set in `keep`, in order, dropping the others; returns the new start.
    pub(super) fn retain_places(&mut self, base: u32, k: usize, keep: u64) -> u32 {
        let b = base as usize;
        let mut w = 0;
        for i in 0..k {
            let item = mem::take(&mut self.slots[b + i]);
            if keep >> i & 1 == 1 {
                self.slots[b + w] = item;
                w += 1;
            }
        }
        let (old, new) = (block_size(k), block_size(w));
        self.release(base + new as u32, old - new);
        if w == 0 { 0 } else { base }
    }

    /// Bytes of heap held.
    pub(super) fn memory_bytes(&self) -> usize {
        self.slots.memory_bytes()
            + self.free.capacity() * mem::size_of::<Vec<u32>>()
            + self.free.iter().map(|l| l.capacity() * 4).sum::<usize>()
    }

    /// Whether enough of the arena is free to be worth compacting.
    pub(super) fn fragmented(&self) -> bool {
        self.slots.len() >= COMPACT_MIN && self.free_count * COMPACT_FRACTION > self.slots.len()
    }
}
