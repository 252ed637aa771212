//! Interned alias lists: every prefix whose routes are alike points at one
//! shared copy of them, the way Linux shares a `fib_info` among routes with
//! the same attributes (`fib_create_info` finding an existing one).

use std::hash::{Hash, Hasher};
use std::num::NonZeroU32;

/// A handle to one interned list (what a trie stores per prefix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListId(NonZeroU32);

impl ListId {
    fn slot(self) -> usize {
        self.0.get() as usize - 1
    }
}

#[derive(Debug, Clone)]
struct Slot<T> {
    /// Prefixes pointing here (0: the slot is free).
    refs: u32,
    /// The list's hash, to find its index entry again.
    hash: u64,
    items: Box<[T]>,
}

/// A word-at-a-time multiplicative hasher (rustc's FxHasher): lists are
/// hashed once per change, so it must be quick, not collision-proof; equal
/// hashes are checked by comparing the lists.
#[derive(Default, Clone, Copy)]
struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            crate::wire::put_bytes(&mut word, 0, chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n.into());
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(n.into());
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n.into());
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Slot numbers by list hash: open addressing with linear probing, one
/// entry per hash. Not generic, so one copy of it serves every store.
#[derive(Debug, Clone, Default)]
struct HashIndex {
    /// (hash, slot); slot `EMPTY` marks a free bucket. Length: 0 or a power of two.
    buckets: Vec<(u64, u32)>,
    len: usize,
}

const EMPTY: u32 = u32::MAX;

impl HashIndex {
    fn mask(&self) -> usize {
        self.buckets.len().wrapping_sub(1)
    }

    /// The bucket holding `hash`, or the free one where it would go.
    fn bucket(&self, hash: u64) -> Option<usize> {
        if self.buckets.is_empty() {
            return None;
        }
        let mut i = hash as usize & self.mask();
        loop {
            let (h, slot) = self.buckets[i];
            if slot == EMPTY || h == hash {
                return Some(i);
            }
            i = (i + 1) & self.mask();
        }
    }

    fn get(&self, hash: u64) -> Option<u32> {
        let (_, slot) = self.buckets[self.bucket(hash)?];
        (slot != EMPTY).then_some(slot)
    }

    /// Records `slot` for `hash` unless the hash has a slot already.
    fn insert(&mut self, hash: u64, slot: u32) {
        if (self.len + 1) * 2 > self.buckets.len() {
            let size = (self.buckets.len() * 2).max(8);
            let old = std::mem::replace(&mut self.buckets, vec![(0, EMPTY); size]);
            self.len = 0;
            for (h, s) in old.into_iter().filter(|&(_, s)| s != EMPTY) {
                self.insert(h, s);
            }
        }
        if let Some(i) = self.bucket(hash) {
            if self.buckets[i].1 == EMPTY {
                self.buckets[i] = (hash, slot);
                self.len += 1;
            }
        }
    }

    /// Forgets `hash` if it names `slot` (backward-shift deletion).
    fn remove(&mut self, hash: u64, slot: u32) {
        let Some(mut i) = self.bucket(hash) else { return };
        if self.buckets[i] != (hash, slot) {
            return;
        }
        let mask = self.mask();
        let mut j = i;
        loop {
            j = (j + 1) & mask;
            let (h, s) = self.buckets[j];
            if s == EMPTY {
                break;
            }
            // Move the entry back unless its home lies cyclically in (i, j].
            let home = h as usize & mask;
            let stays = if i <= j { i < home && home <= j } else { i < home || home <= j };
            if !stays {
                self.buckets[i] = self.buckets[j];
                i = j;
            }
        }
        self.buckets[i] = (0, EMPTY);
        self.len -= 1;
    }

    fn clear(&mut self) {
        self.buckets.iter_mut().for_each(|b| *b = (0, EMPTY));
        self.len = 0;
    }

    fn memory_bytes(&self) -> usize {
        self.buckets.capacity() * std::mem::size_of::<(u64, u32)>()
    }
}

/// Reference-counted, deduplicated lists of `T`.
#[derive(Debug, Clone)]
pub struct Store<T> {
    slots: Vec<Slot<T>>,
    free: Vec<u32>,
    /// List hash to the slot holding that list (one per hash; a list whose
    /// hash collides with another's is stored unshared).
    index: HashIndex,
}

impl<T> Default for Store<T> {
    fn default() -> Self {
        Store { slots: Vec::new(), free: Vec::new(), index: HashIndex::default() }
    }
}

fn hash_of<T: Hash>(items: &[T]) -> u64 {
    let mut h = QuickHasher::default();
    items.hash(&mut h);
    h.finish()
}

impl<T: Hash + Eq> Store<T> {
    /// The list behind a handle.
    pub fn get(&self, id: ListId) -> &[T] {
        self.slots.get(id.slot()).map_or(&[], |s| &s.items)
    }

    /// A handle to a list equal to `items`, shared when one is stored
    /// already; the caller owns one reference.
    pub fn intern(&mut self, items: Vec<T>) -> ListId {
        let hash = hash_of(&items);
        match self.share(hash, &items) {
            Some(id) => id,
            None => self.store(hash, items.into_boxed_slice()),
        }
    }

    /// A handle to the list of the one item `item`, as [`Store::intern`]
    /// gives for `vec![item]`; the item is copied only when no such list
    /// is stored yet.
    pub fn intern_one(&mut self, item: &T) -> ListId
    where
        T: Clone,
    {
        let items = std::slice::from_ref(item);
        let hash = hash_of(items);
        match self.share(hash, items) {
            Some(id) => id,
            None => self.store(hash, Box::new([item.clone()])),
        }
    }

    /// Another reference to the stored list equal to `items`, if any.
    fn share(&mut self, hash: u64, items: &[T]) -> Option<ListId> {
        let at = self.index.get(hash)?;
        let slot = self.slots.get_mut(at as usize)?;
        if slot.refs > 0 && *slot.items == *items {
            slot.refs += 1;
            return Some(Self::id(at));
        }
        None
    }

    /// Stores a list not shared yet, with one reference.
    fn store(&mut self, hash: u64, items: Box<[T]>) -> ListId {
        let slot = Slot { refs: 1, hash, items };
        let at = match self.free.pop() {
            Some(at) => {
                self.slots[at as usize] = slot;
                at
            }
            None => {
                self.slots.push(slot);
                (self.slots.len() - 1) as u32
            }
        };
        self.index.insert(hash, at);
        Self::id(at)
    }

    fn id(at: u32) -> ListId {
        // Slots are counted from 0, handles from 1; a store never holds
        // u32::MAX lists (each takes memory).
        ListId(NonZeroU32::MIN.saturating_add(at))
    }

    /// Gives back one reference; the list goes with the last one.
    pub fn release(&mut self, id: ListId) {
        let at = id.slot();
        let Some(slot) = self.slots.get_mut(at) else { return };
        if slot.refs == 0 {
            return;
        }
        slot.refs -= 1;
        if slot.refs == 0 {
            slot.items = Box::new([]);
            self.index.remove(slot.hash, at as u32);
            self.free.push(at as u32);
        }
    }

    /// Changes every stored item in place (a change that depends only on
    /// the item, so prefixes sharing a list all see it), then re-indexes.
    pub fn for_each_mut(&mut self, f: &mut dyn FnMut(&mut T)) {
        for slot in self.slots.iter_mut().filter(|s| s.refs > 0) {
            slot.items.iter_mut().for_each(&mut *f);
        }
        self.reindex();
    }

    /// Hashes every list anew and rebuilds the index.
    #[inline(never)]
    fn reindex(&mut self) {
        self.index.clear();
        for (at, slot) in self.slots.iter_mut().enumerate().filter(|(_, s)| s.refs > 0) {
            slot.hash = hash_of(&slot.items);
            self.index.insert(slot.hash, at as u32);
        }
    }

    /// Heap bytes: the slots, the index and the lists, with `owned` giving
    /// what one item owns beyond its inline size.
    pub fn memory_bytes(&self, owned: impl Fn(&T) -> usize) -> usize {
        use std::mem::size_of;
        let lists: usize = self.slots.iter().map(|s| s.items.len() * size_of::<T>() + s.items.iter().map(&owned).sum::<usize>()).sum();
        self.slots.capacity() * size_of::<Slot<T>>() + self.free.capacity() * 4 + self.index.memory_bytes() + lists
    }

    /// Number of distinct lists stored.
    pub fn len(&self) -> usize {
        self.slots.len() - self.free.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lists_share_one_slot_until_the_last_release() {
        let mut s = Store::default();
        let a = s.intern(vec![1u32, 2]);
        let b = s.intern(vec![1u32, 2]);
        let c = s.intern(vec![3u32]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(s.len(), 2);
        s.release(a);
        assert_eq!(s.get(b), &[1, 2]);
        s.release(b);
        assert_eq!(s.len(), 1);
        // The freed slot is reused, and the old list is not found again.
        let d = s.intern(vec![4u32]);
        assert_eq!(s.get(d), &[4]);
        assert_eq!(s.get(c), &[3]);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn changes_in_place_are_found_by_their_new_contents() {
        let mut s = Store::default();
        let a = s.intern(vec![1u32]);
        s.for_each_mut(&mut |x| *x += 10);
        assert_eq!(s.get(a), &[11]);
        assert_eq!(s.intern(vec![11u32]), a);
        assert_ne!(s.intern(vec![1u32]), a);
    }

    #[test]
    fn the_index_survives_collisions_growth_and_removal() {
        let mut ix = HashIndex::default();
        // Hashes that share home buckets, removed in an order that needs
        // backward shifts.
        let hashes: Vec<u64> = (0..200u64).map(|i| (i % 7) + (i << 32)).collect();
        for (slot, &h) in hashes.iter().enumerate() {
            ix.insert(h, slot as u32);
        }
        for (slot, &h) in hashes.iter().enumerate() {
            assert_eq!(ix.get(h), Some(slot as u32));
        }
        for (slot, &h) in hashes.iter().enumerate().filter(|(s, _)| s % 3 == 0) {
            ix.remove(h, slot as u32);
        }
        for (slot, &h) in hashes.iter().enumerate() {
            assert_eq!(ix.get(h), (slot % 3 != 0).then_some(slot as u32), "hash {h:#x}");
        }
        // A second slot for a hash already present is not recorded.
        ix.insert(hashes[1], 999);
        assert_eq!(ix.get(hashes[1]), Some(1));
    }

    #[test]
    fn releasing_more_than_was_taken_changes_nothing() {
        let mut s = Store::default();
        let a = s.intern(vec![7u8]);
        s.release(a);
        s.release(a);
        let b = s.intern(vec![8u8]);
        let c = s.intern(vec![9u8]);
        assert_ne!(b, c);
        assert_eq!(s.get(b), &[8]);
        assert_eq!(s.get(c), &[9]);
    }
}
