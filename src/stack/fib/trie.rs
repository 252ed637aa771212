//! Longest-prefix-match tries: the map from prefixes (`key/plen`) to values
//! behind every routing table, one per table and family.
//!
//! # Structure
//!
//! A tree-bitmap multibit trie (Eatherton, Varghese and Dittia, "Tree bitmap:
//! hardware/software IP lookups with incremental updates", 2004) with a stride
//! of six bits. Keys are read as if five zero bits stood before them (the
//! "virtual" depth is the real depth plus five), so that the node at virtual
//! depth `vd` (a multiple of six) holds the prefixes of real length
//! `vd - 5 ..= vd`, and the common lengths end a node rather than start one:
//! the root holds /0, then /1–/6, /7–/12, /13–/18, /19–/24, /25–/30, /31–/32
//! (IPv6 alike, with /43–/48, /55–/60, /61–/66 and /127–/128 among its nodes).
//!
//! Every node has 24 bytes: a 64-bit internal bitmap (the prefix of relative
//! length `rl` in `0..6` whose next `rl` bits are `b` sits at bit
//! `(1 << rl) | b`), a 64-bit external bitmap (bit `c` for the child reached by
//! the next six bits `c`), and the indexes of the node's children block in the
//! node arena and of its values block in the value arena. A child's or value's
//! place in its block is the population count of the bitmap below its bit.
//!
//! Each node sits in a 64-byte-aligned [`Cell`](node::Cell) of the node arena
//! that also holds the node's values when it has at most ten (`INLINE`), so
//! that the lookup's deepest node and its value are one cache line: the
//! common case in a large table, whose deepest nodes (/19–/24) hold a few
//! prefixes each. A node with more keeps them all in a block of the value
//! arena (`Option<V>` slots). Blocks live in these two arenas, vectors
//! kept in segments of 16,384 slots so that growing never copies them
//! (`slots`), addressed by `u32` index: no per-node allocation and no
//! pointers. A node with 49 or more children has a direct-indexed block,
//! child `c` at place `c` (`node::DIRECT`), where a new child needs no
//! shifting. A block holding `k`
//! items takes a size class of slots (exact up to four, then steps of about
//! 1.5×), so a growing node moves only now and then; freed blocks go to lists
//! by size and are split for smaller requests; an arena more than half free is
//! rebuilt in depth-first order ([`PrefixTrie::compact`]), which bounds the
//! memory of a table that grew and shrank.
//!
//! A lookup reads one node per six bits (five for an IPv4 /24, counting the
//! root) and masks the internal bitmap with a precomputed table of the
//! positions matching the address, so the longest match in a node is its
//! highest set bit. A large trie (from 16,384 node slots; natively only)
//! also keeps a shortcut index of 8,192 entries (32 KiB): the node at the
//! fourth level (virtual depth 18, /13–/18 in IPv4) for each value of the
//! key's first 13 bits. A lookup starts there and walks from the root only
//! when nothing matches at or below that node, so the three reads above
//! it, of which the third often misses the cache, become one read of a
//! small table; the entries under a third-level node are refreshed
//! whenever its children block changes, and the index is rebuilt by
//! compaction. The only `unsafe` here is the call, on x86-64 after run-time
//! detection, of a copy of the lookup compiled to use the POPCNT instruction.
//!
//! # Files
//!
//! This file holds [`PrefixTrie`] and its operations (get, insert, remove,
//! longest match, retain, compact). Beside it in `trie/`: `key` (the key
//! types and their bit access), `node` (the node layout and bitmap
//! arithmetic), `arena` (block storage and free lists), `iter` (the walks and
//! their orders) and `tests`.

use std::fmt;
use std::marker::PhantomData;
use std::mem;

mod arena;
mod iter;
mod key;
mod node;
mod slots;
#[cfg(test)]
mod tests;

use arena::{Arena, block_size};
pub use iter::{Iter, LinuxV4Iter, Matches};
pub use key::{PrefixKey, is_canonical};
use node::{
    Cell, DIRECT, INLINE, MATCH, MAX_LEVELS, Node, OFFSET, STRIDE, children_block, entry_of, is_direct, locate, pos_of, pre_next, rank,
    real_len, select,
};

/// Where a stored value lives: in its node's cell (node index, place) or in
/// a block of the value arena (slot).
#[derive(Clone, Copy, Debug)]
enum Slot {
    Inline(u32, usize),
    Block(usize),
}

/// The place of the value of rank `r` of node `n`, which sits at index `idx`.
#[inline(always)]
fn slot_at(idx: u32, n: &Node, r: u32) -> Slot {
    if n.inline() { Slot::Inline(idx, r as usize) } else { Slot::Block((n.values + r) as usize) }
}

/// A map from prefixes `key/plen` to values with longest-prefix-match lookup:
/// one routing table of one family. `K` is `u32` (IPv4) or `u128` (IPv6).
///
/// Prefixes are stored masked: `insert(10.1.2.3, 8, v)` stores `10.0.0.0/8`
/// (use [`is_canonical`] to reject host bits first, as Linux does). Prefix
/// lengths beyond the key width are refused: lookups find nothing, `insert`
/// stores nothing, the `try_` methods say so.
pub struct PrefixTrie<K: PrefixKey, V> {
    nodes: Arena<Cell<V>>,
    values: Arena<Option<V>>,
    len: usize,
    /// The shortcut index of a large trie: entry `i` is the node at
    /// virtual depth `SHORTCUT_VD` whose path is the key's first
    /// `SHORTCUT_BITS` bits `i` ([`NO_NODE`] when there is none); empty
    /// while the node arena is small (see [`SHORTCUT_MIN`]).
    shortcut: Vec<u32>,
    _key: PhantomData<K>,
}

/// The virtual depth of the nodes the shortcut index leads to: the
/// fourth level (/13–/18 in IPv4), above the two levels a lookup into a
/// large table misses the cache on.
const SHORTCUT_VD: u8 = 3 * STRIDE;
/// The key bits that pick a node at `SHORTCUT_VD` (13).
const SHORTCUT_BITS: u32 = (SHORTCUT_VD - OFFSET) as u32;
/// A shortcut entry with no node.
const NO_NODE: u32 = u32::MAX;
/// Whether tries keep a shortcut index: natively only, so that the
/// WebAssembly module (held to a size ceiling) carries none of its code.
const SHORTCUT: bool = !cfg!(target_arch = "wasm32");
/// Node-arena slots from which a trie keeps its shortcut index (32 KiB of
/// it, against at least 1 MiB of nodes); few in unit tests, so that the
/// randomized tests keep it up to date through every operation.
const SHORTCUT_MIN: usize = if cfg!(test) { 24 } else { 1 << 14 };

/// The shortcut index entry of `key`: its first `SHORTCUT_BITS` bits.
#[inline(always)]
fn shortcut_of<K: PrefixKey>(key: K) -> usize {
    ((key.chunk(0) & 1) << (2 * STRIDE)) | (key.chunk(STRIDE) << STRIDE) | key.chunk(2 * STRIDE)
}

impl<K: PrefixKey, V> Default for PrefixTrie<K, V> {
    fn default() -> Self {
        PrefixTrie::new()
    }
}

impl<K: PrefixKey, V: Clone> Clone for PrefixTrie<K, V> {
    fn clone(&self) -> Self {
        PrefixTrie {
            nodes: self.nodes.clone(),
            values: self.values.clone(),
            len: self.len,
            shortcut: self.shortcut.clone(),
            _key: PhantomData,
        }
    }
}

/// A prefix shown as `address/length`.
struct ShowPrefix<K>(K, u8);

impl<K: PrefixKey> fmt::Debug for ShowPrefix<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_key(f)?;
        write!(f, "/{}", self.1)
    }
}

impl<K: PrefixKey, V: fmt::Debug> fmt::Debug for PrefixTrie<K, V> {
    /// The entries as a map `address/length => value`, in [`PrefixTrie::iter`] order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter().map(|(k, l, v)| (ShowPrefix(k, l), v))).finish()
    }
}

impl<K: PrefixKey, V: PartialEq> PartialEq for PrefixTrie<K, V> {
    /// Same prefixes with equal values (the layout in memory may differ).
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<K: PrefixKey, V: Eq> Eq for PrefixTrie<K, V> {}

impl<K: PrefixKey, V> PrefixTrie<K, V> {
    /// An empty trie (allocates nothing until the first insert).
    pub const fn new() -> Self {
        PrefixTrie { nodes: Arena::new(), values: Arena::new(), len: 0, shortcut: Vec::new(), _key: PhantomData }
    }

    /// Number of stored prefixes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no prefix is stored.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Removes every prefix and frees the memory.
    pub fn clear(&mut self) {
        *self = PrefixTrie::new();
    }

    #[inline]
    fn node(&self, idx: u32) -> Option<Node> {
        self.nodes.slots.get(idx as usize).map(|c| c.node)
    }

    /// The value at `slot`, if any.
    #[inline]
    fn value_at(&self, slot: Slot) -> Option<&V> {
        match slot {
            Slot::Inline(idx, r) => self.nodes.slots.get(idx as usize)?.vals.get(r)?.as_ref(),
            Slot::Block(s) => self.values.slots.get(s)?.as_ref(),
        }
    }

    /// The place `slot` (a place of a live node: indexes in bounds).
    fn place_mut(&mut self, slot: Slot) -> &mut Option<V> {
        match slot {
            Slot::Inline(idx, r) => &mut self.nodes.slots[idx as usize].vals[r],
            Slot::Block(s) => &mut self.values.slots[s],
        }
    }

    /// The node at virtual depth `tvd` on `key`'s path, if it exists.
    fn find_node(&self, key: K, tvd: u8) -> Option<u32> {
        let mut idx = 0;
        let mut n = self.node(0)?;
        let mut vd = 0;
        while vd < tvd {
            let c = (key.chunk(vd) & 63) as u32;
            if n.ext >> c & 1 == 0 {
                return None;
            }
            idx = n.child(c);
            n = self.node(idx)?;
            vd += STRIDE;
        }
        Some(idx)
    }

    /// The place of the value of exactly `key/plen`.
    fn slot_of(&self, key: K, plen: u8) -> Option<Slot> {
        let (tvd, rl) = locate::<K>(plen)?;
        let idx = self.find_node(key, tvd)?;
        let n = self.node(idx)?;
        let pos = pos_of(key.chunk(tvd), rl);
        (n.int >> pos & 1 == 1).then(|| slot_at(idx, &n, rank(n.int, pos)))
    }

    /// The value stored at exactly `key/plen` (host bits of `key` ignored).
    pub fn get(&self, key: K, plen: u8) -> Option<&V> {
        self.value_at(self.slot_of(key, plen)?)
    }

    /// The value stored at exactly `key/plen`, for changing it.
    pub fn get_mut(&mut self, key: K, plen: u8) -> Option<&mut V> {
        let slot = self.slot_of(key, plen)?;
        self.place_mut(slot).as_mut()
    }

    /// Whether `key/plen` is stored.
    pub fn contains(&self, key: K, plen: u8) -> bool {
        self.slot_of(key, plen).is_some()
    }

    /// The node at virtual depth `tvd` on `key`'s path, created (with its
    /// ancestors) when missing.
    fn node_or_create(&mut self, key: K, tvd: u8) -> u32 {
        if self.nodes.slots.is_empty() {
            self.nodes.alloc(1);
        }
        let mut shortcut_moved = false;
        let mut idx = 0u32;
        let mut vd = 0;
        while vd < tvd {
            let c = (key.chunk(vd) & 63) as u32;
            let n = self.nodes.slots[idx as usize].node;
            if n.ext >> c & 1 == 0 {
                shortcut_moved |= vd + STRIDE == SHORTCUT_VD;
                let k = n.ext.count_ones() as usize;
                let base = if is_direct(n.ext) {
                    // The child's place is there, empty.
                    n.children
                } else if k + 1 == DIRECT as usize {
                    self.nodes.spread(n.children, k, n.ext)
                } else {
                    self.nodes.insert_at(n.children, k, rank(n.ext, c) as usize, Cell::default())
                };
                let parent = &mut self.nodes.slots[idx as usize].node;
                parent.children = base;
                parent.ext |= 1 << c;
            }
            idx = self.nodes.slots[idx as usize].node.child(c);
            vd += STRIDE;
        }
        if SHORTCUT && shortcut_moved {
            self.refresh_shortcut(key);
        }
        idx
    }

    /// Brings the shortcut entries below the node at virtual depth
    /// `SHORTCUT_VD - STRIDE` on `key`'s path up to date, after its
    /// children block changed (its children may have moved).
    fn refresh_shortcut(&mut self, key: K) {
        if self.shortcut.is_empty() {
            return;
        }
        let base = shortcut_of(key) & !63;
        let parent = self.find_node(key, SHORTCUT_VD - STRIDE).and_then(|p| self.node(p));
        for c in 0..64u32 {
            let child = parent.filter(|n| n.ext >> c & 1 == 1).map_or(NO_NODE, |n| n.child(c));
            if let Some(e) = self.shortcut.get_mut(base | c as usize) {
                *e = child;
            }
        }
    }

    /// Builds the shortcut index anew when the node arena is large enough
    /// for it, or drops it.
    fn rebuild_shortcut(&mut self) {
        if !SHORTCUT || self.nodes.slots.len() < SHORTCUT_MIN {
            self.shortcut = Vec::new();
            return;
        }
        self.shortcut = vec![NO_NODE; 1 << SHORTCUT_BITS];
        for top in 0..1usize << (SHORTCUT_BITS - STRIDE as u32) {
            let key = K::default().put_chunk(0, top >> STRIDE).put_chunk(STRIDE, top & 63);
            self.refresh_shortcut(key);
        }
    }

    /// The value place of `key/plen`, created empty (None, for the caller to
    /// fill at once) when the prefix is new.
    fn slot_or_insert(&mut self, key: K, tvd: u8, rl: u8) -> Slot {
        // Before taking any index: compaction moves everything.
        self.maybe_compact();
        let idx = self.node_or_create(key, tvd);
        if SHORTCUT && self.shortcut.is_empty() && self.nodes.slots.len() >= SHORTCUT_MIN {
            self.rebuild_shortcut();
        }
        let pos = pos_of(key.chunk(tvd), rl);
        let n = self.nodes.slots[idx as usize].node;
        let r = rank(n.int, pos);
        if n.int >> pos & 1 == 1 {
            return slot_at(idx, &n, r);
        }
        let k = n.int.count_ones() as usize;
        let (r, cell) = (r as usize, &mut self.nodes.slots[idx as usize]);
        let values = if k < INLINE {
            // Room in the cell: shift the places from r up by one.
            for i in (r..k).rev() {
                cell.vals.swap(i, i + 1);
            }
            0
        } else if k == INLINE {
            // The cell is full: all its values move to a new block.
            let base = self.values.alloc(block_size(k + 1));
            for i in 0..k {
                self.values.slots[base as usize + i + usize::from(i >= r)] = cell.vals[i].take();
            }
            base
        } else {
            self.values.insert_at(n.values, k, r, None)
        };
        let node = &mut self.nodes.slots[idx as usize].node;
        node.values = values;
        node.int |= 1 << pos;
        self.len += 1;
        slot_at(idx, node, r as u32)
    }

    /// Takes the value of rank `r` out of node `idx` (`n`, holding `k`),
    /// closing the gap; returns the node's new value-block start and the value.
    fn take_value(&mut self, idx: u32, n: Node, k: usize, r: usize) -> (u32, Option<V>) {
        let cell = &mut self.nodes.slots[idx as usize];
        if k <= INLINE {
            let old = cell.vals[r].take();
            for i in r..k - 1 {
                cell.vals.swap(i, i + 1);
            }
            (0, old)
        } else if k == INLINE + 1 {
            // The rest fit in the cell: move them there, free the block.
            let b = n.values as usize;
            let old = self.values.slots[b + r].take();
            for i in 0..k - 1 {
                cell.vals[i] = self.values.slots[b + i + usize::from(i >= r)].take();
            }
            self.values.release(n.values, block_size(k));
            (0, old)
        } else {
            self.values.remove_at(n.values, k, r)
        }
    }

    /// Stores `value` at `key/plen` (host bits masked off), returning the
    /// value it replaces; `Err(value)` when `plen` exceeds the key width.
    pub fn try_insert(&mut self, key: K, plen: u8, value: V) -> Result<Option<V>, V> {
        let Some((tvd, rl)) = locate::<K>(plen) else { return Err(value) };
        let slot = self.slot_or_insert(key, tvd, rl);
        Ok(self.place_mut(slot).replace(value))
    }

    /// Stores `value` at `key/plen` (host bits masked off), returning the
    /// value it replaces. When `plen` exceeds the key width nothing is stored
    /// and `value` is dropped (see [`try_insert`](Self::try_insert)).
    pub fn insert(&mut self, key: K, plen: u8, value: V) -> Option<V> {
        self.try_insert(key, plen, value).unwrap_or(None)
    }

    /// The value at `key/plen`, inserted from `make` when missing; None (and
    /// `make` not called) when `plen` exceeds the key width.
    pub fn try_get_or_insert_with(&mut self, key: K, plen: u8, make: impl FnOnce() -> V) -> Option<&mut V> {
        let (tvd, rl) = locate::<K>(plen)?;
        let slot = self.slot_or_insert(key, tvd, rl);
        Some(self.place_mut(slot).get_or_insert_with(make))
    }

    /// The value at `key/plen`, inserted from `make` when missing. A `plen`
    /// beyond the key width is taken as the key width (a host prefix); use
    /// [`try_get_or_insert_with`](Self::try_get_or_insert_with) to refuse it.
    pub fn get_or_insert_with(&mut self, key: K, plen: u8, make: impl FnOnce() -> V) -> &mut V {
        let plen = plen.min(K::BITS);
        let vlen = plen + OFFSET;
        let slot = self.slot_or_insert(key, vlen - vlen % STRIDE, vlen % STRIDE);
        self.place_mut(slot).get_or_insert_with(make)
    }

    /// Removes `key/plen` (host bits ignored), returning its value.
    pub fn remove(&mut self, key: K, plen: u8) -> Option<V> {
        let (tvd, rl) = locate::<K>(plen)?;
        let mut path = [0u32; MAX_LEVELS];
        let mut level = 0;
        let mut n = self.node(0)?;
        let mut vd = 0;
        while vd < tvd {
            let c = (key.chunk(vd) & 63) as u32;
            if n.ext >> c & 1 == 0 {
                return None;
            }
            let idx = n.child(c);
            n = self.node(idx)?;
            level += 1;
            *path.get_mut(level)? = idx;
            vd += STRIDE;
        }
        let pos = pos_of(key.chunk(tvd), rl);
        if n.int >> pos & 1 == 0 {
            return None;
        }
        let r = rank(n.int, pos) as usize;
        let (base, old) = self.take_value(path[level], n, n.int.count_ones() as usize, r);
        let node = &mut self.nodes.slots[path[level] as usize].node;
        node.values = base;
        node.int &= !(1u64 << pos);
        self.len -= 1;
        if self.len == 0 {
            self.clear();
            return old;
        }
        // Unlink nodes left with neither prefixes nor children.
        let mut shortcut_moved = false;
        while level > 0 && self.nodes.slots[path[level] as usize].node.is_empty() {
            shortcut_moved |= level as u8 * STRIDE == SHORTCUT_VD;
            let parent = path[level - 1];
            let c = (key.chunk((level as u8 - 1) * STRIDE) & 63) as u32;
            let p = self.nodes.slots[parent as usize].node;
            let ext = p.ext & !(1u64 << c);
            let base = if is_direct(p.ext) {
                self.nodes.retain_direct(p.children, p.ext, ext)
            } else {
                self.nodes.remove_at(p.children, p.ext.count_ones() as usize, rank(p.ext, c) as usize).0
            };
            let pn = &mut self.nodes.slots[parent as usize].node;
            pn.children = base;
            pn.ext = ext;
            level -= 1;
        }
        if SHORTCUT && shortcut_moved {
            self.refresh_shortcut(key);
        }
        self.maybe_compact();
        old
    }

    /// The longest stored prefix containing `addr`, as (prefix, length, value).
    #[inline]
    pub fn longest_match(&self, addr: K) -> Option<(K, u8, &V)> {
        #[cfg(all(target_arch = "x86_64", not(target_feature = "popcnt")))]
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the only precondition of calling a function compiled
            // with `#[target_feature(enable = "popcnt")]` is that the CPU has
            // the feature, which was just checked (the result is cached by
            // std). The lookup counts bits twice per level, and the baseline
            // x86-64 target lacks POPCNT: the software fallback makes lookups
            // about a third slower.
            return unsafe { self.longest_match_popcnt(addr) };
        }
        self.longest_match_inner(addr)
    }

    /// [`longest_match`](Self::longest_match) compiled to use POPCNT.
    #[cfg(all(target_arch = "x86_64", not(target_feature = "popcnt")))]
    #[target_feature(enable = "popcnt")]
    unsafe fn longest_match_popcnt(&self, addr: K) -> Option<(K, u8, &V)> {
        self.longest_match_inner(addr)
    }

    #[inline(always)]
    fn longest_match_inner(&self, addr: K) -> Option<(K, u8, &V)> {
        // A large trie's shortcut leads to the node at SHORTCUT_VD: a match
        // there or below is longer than any above it; without one the
        // walk from the root finds the shorter prefixes.
        let start = if SHORTCUT { self.shortcut.get(shortcut_of(addr)).copied().unwrap_or(NO_NODE) } else { NO_NODE };
        let best = match start {
            NO_NODE => None,
            idx => self.walk(idx as usize, SHORTCUT_VD, addr),
        };
        let (idx, pos, vd) = match best {
            Some(b) => b,
            None => self.walk(0, 0, addr)?,
        };
        // The best node was read by the walk: its cell is in the cache.
        let cell = self.nodes.slots.get(idx)?;
        let r = rank(cell.node.int, pos);
        let v = if cell.node.inline() {
            cell.vals.get(r as usize)?.as_ref()?
        } else {
            self.values.slots.get((cell.node.values + r) as usize)?.as_ref()?
        };
        let len = real_len(vd, pos);
        Some((addr.mask(len), len, v))
    }

    /// The deepest node matching `addr` on its path from node `idx` at
    /// virtual depth `vd`: (node, internal position, its depth).
    #[inline(always)]
    fn walk(&self, mut idx: usize, mut vd: u8, addr: K) -> Option<(usize, u32, u8)> {
        let cells = &self.nodes.slots;
        let mut best: Option<(usize, u32, u8)> = None;
        while let Some(cell) = cells.get(idx) {
            let n = &cell.node;
            let c = addr.chunk(vd) & 63;
            let m = n.int & MATCH[c];
            if m != 0 {
                best = Some((idx, 63 - m.leading_zeros(), vd));
            }
            if n.ext >> c & 1 == 0 {
                break;
            }
            idx = n.child(c as u32) as usize;
            vd += STRIDE;
        }
        best
    }

    /// Keeps only the entries for which `keep(prefix, length, &mut value)`
    /// returns true (it may also change the values it keeps). `keep` is called
    /// once per entry in [`iter`](Self::iter) order.
    pub fn retain(&mut self, mut keep: impl FnMut(K, u8, &mut V) -> bool) {
        if self.nodes.slots.is_empty() {
            return;
        }
        self.retain_node(0, 0, K::default(), &mut keep);
        if self.len == 0 {
            self.clear();
        } else {
            self.rebuild_shortcut();
            self.maybe_compact();
        }
    }

    /// Retains in the subtree of node `idx`; returns whether it is now empty.
    /// `keep` is a trait object so that the walk is compiled once per key
    /// type, not once per caller's closure.
    fn retain_node(&mut self, idx: u32, vd: u8, base: K, keep: &mut dyn FnMut(K, u8, &mut V) -> bool) -> bool {
        let n = self.nodes.slots[idx as usize].node;
        let all = n.all();
        let (mut keep_vals, mut keep_kids) = (0u64, 0u64);
        let nv = n.int.count_ones();
        // Children come in chunk order, which is also their place order.
        let mut nk = 0u32;
        let mut p = if all == 0 { 0 } else { 1 };
        while p != 0 {
            if p < 64 {
                if n.int >> p & 1 == 1 {
                    // Pre-order is not position order: place by rank.
                    let (key, len) = entry_of(base, vd, p);
                    let r = rank(n.int, p);
                    let slot = slot_at(idx, &n, r);
                    if self.place_mut(slot).as_mut().is_some_and(|v| keep(key, len, v)) {
                        keep_vals |= 1 << r;
                    }
                }
            } else {
                let c = p - 64;
                if !self.retain_node(n.child(c), vd + STRIDE, base.put_chunk(vd, c as usize), keep) {
                    keep_kids |= 1 << nk;
                }
                nk += 1;
            }
            p = pre_next(p, all);
        }
        let node = self.nodes.slots[idx as usize].node;
        let mut int = node.int;
        let mut ext = node.ext;
        let mut values = node.values;
        let mut children = node.children;
        if keep_vals.count_ones() != nv {
            values = self.retain_values(idx, node, nv as usize, keep_vals);
            self.len -= (nv - keep_vals.count_ones()) as usize;
            int = select(int, keep_vals);
        }
        if keep_kids.count_ones() != nk {
            let kept = select(ext, keep_kids);
            children = if is_direct(ext) {
                self.nodes.retain_direct(node.children, ext, kept)
            } else {
                self.nodes.retain_places(node.children, nk as usize, keep_kids)
            };
            ext = kept;
        }
        self.nodes.slots[idx as usize].node = Node { int, ext, children, values };
        int == 0 && ext == 0
    }

    /// Keeps the values of node `idx` (`n`, holding `k`) whose rank is set in
    /// `keep`, in order, in the cell when they fit; returns the node's new
    /// value-block start.
    fn retain_values(&mut self, idx: u32, n: Node, k: usize, keep: u64) -> u32 {
        let cell = &mut self.nodes.slots[idx as usize];
        if k <= INLINE {
            let mut w = 0;
            for i in 0..k {
                let v = cell.vals[i].take();
                if keep >> i & 1 == 1 {
                    cell.vals[w] = v;
                    w += 1;
                }
            }
            return 0;
        }
        if keep.count_ones() as usize > INLINE {
            return self.values.retain_places(n.values, k, keep);
        }
        let b = n.values as usize;
        let mut w = 0;
        for i in 0..k {
            let v = self.values.slots[b + i].take();
            if keep >> i & 1 == 1 {
                cell.vals[w] = v;
                w += 1;
            }
        }
        self.values.release(n.values, block_size(k));
        0
    }

    /// Compacts the arenas when they are mostly free blocks.
    fn maybe_compact(&mut self) {
        if self.nodes.fragmented() || self.values.fragmented() {
            self.compact();
        }
    }

    /// Rebuilds the arenas without free blocks or spare capacity, in
    /// depth-first order (done automatically once they are half free).
    pub fn compact(&mut self) {
        if self.nodes.slots.is_empty() {
            return;
        }
        let mut nodes = Arena::with_capacity(self.nodes.slots.len() - self.nodes.free_count);
        let mut values = Arena::with_capacity(self.values.slots.len() - self.values.free_count);
        nodes.slots.push(Cell::default());
        self.copy_node(0, 0, &mut nodes, &mut values);
        self.nodes = nodes;
        self.values = values;
        self.rebuild_shortcut();
    }

    fn copy_node(&mut self, old: u32, new: u32, nodes: &mut Arena<Cell<V>>, values: &mut Arena<Option<V>>) {
        let n = self.nodes.slots[old as usize].node;
        let k = n.int.count_ones();
        let vb = if n.inline() {
            nodes.slots[new as usize].vals = mem::replace(&mut self.nodes.slots[old as usize].vals, [const { None }; INLINE]);
            0
        } else {
            let vb = values.slots.len() as u32;
            for i in 0..k {
                values.slots.push(self.values.slots[(n.values + i) as usize].take());
            }
            values.slots.resize_with(vb as usize + block_size(k as usize), || None);
            vb
        };
        let cb = nodes.slots.len() as u32;
        let kids = n.ext.count_ones();
        nodes.slots.resize_with(cb as usize + children_block(n.ext), Cell::default);
        nodes.slots[new as usize].node = Node { int: n.int, ext: n.ext, children: if kids == 0 { 0 } else { cb }, values: vb };
        // A direct-indexed block keeps its places (the block is 64 either way).
        let mut rest = n.ext;
        while rest != 0 {
            let at = n.child(rest.trailing_zeros());
            rest &= rest - 1;
            self.copy_node(at, cb + (at - n.children), nodes, values);
        }
    }

    /// Estimated heap bytes held by the trie, including the inline size of
    /// the values (each stored as `Option<V>`) but not memory the values own.
    pub fn memory_bytes(&self) -> usize {
        mem::size_of::<Self>() + self.nodes.memory_bytes() + self.values.memory_bytes() + self.shortcut.capacity() * 4
    }
}
